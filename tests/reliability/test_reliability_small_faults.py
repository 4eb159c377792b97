"""The smaller faults, each for its class.

- An import nested far too deeply is the one-line error (exit 2), not a RecursionError.
- A TOML file nested absurdly deeply is refused before it is parsed.
- An odd schema version (negative, or one whose tables are missing) never gives a
  traceback: the file is moved aside, the user told, a new history started.
- A closed standard output (``run … | head -2``) ends the run quietly, as Ctrl-C does,
  with the sets done so far recorded.
- A workout starts when its session starts (its sets lie within it exactly).
- A freeze shorter than a sleep is followed by a notice, then the missed cues.
- A read-only history can be listed, exported and counted.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from reliability_helpers import FAST, QUICK, cli, env, one_line_error, workout

from glute_timer import cli as glute_cli
from glute_timer.cli import TerminalPrinter
from glute_timer.core.clock import FakeClock
from glute_timer.core.history_export import json_text
from glute_timer.core.history_recorder import HistoryRecorder
from glute_timer.core.history_schema import SCHEMA_VERSION
from glute_timer.core.history_store import HistoryStore
from glute_timer.core.paths import AppPaths
from glute_timer.core.plan import build_plan
from glute_timer.core.protocol import MAX_NESTING, ProtocolError, parse_protocol
from glute_timer.core.session import CueDue, Delayed, Session, State, Suspended

# ---------------------------------------------------------------- nesting


@pytest.mark.parametrize(
    "text",
    [
        '{"format": "glute-timer-history", "version": 1, "workouts": ' + "[" * 1_000_000,
        "[" * 1_000_000,
        '{"a": ' * 200_000 + "1" + "}" * 200_000,
        '{"format": "glute-timer-history", "version": 1, "workouts": [{"sets": ' + "[" * 100_000,
    ],
    ids=["workouts", "bare array", "objects", "sets"],
)
def test_an_import_nested_too_deeply(tmp_path: Path, text: str) -> None:
    path = tmp_path / "deep.json"
    path.write_text(text, encoding="utf-8")
    one_line_error(cli(tmp_path / "base", "history", "--import", str(path)), str(path), "JSON")


DEEP_TOML = {
    "dotted header": "[" + "a." * 100_000 + "a]\n",
    "numbered header": "[" + "1." * 100_000 + "1]\n",
    "array-of-tables header": "[[" + "a." * 50_000 + "a]]\n",
    "dotted key": "a" + ".a" * 100_000 + " = 1\n",
    "inline tables": "a = " + "{ b = " * 50_000 + "1" + " }" * 50_000 + "\n",
    "arrays": "a = " + "[" * 100_000 + "]" * 100_000 + "\n",
    "dotted keys inside inline tables": "a = { " + "b." * 100_000 + "c = 1 }\n",
}


@pytest.mark.parametrize("text", list(DEEP_TOML.values()), ids=list(DEEP_TOML))
def test_a_toml_file_nested_too_deeply_is_refused_before_parsing(text: str) -> None:
    with pytest.raises(ProtocolError) as info:
        parse_protocol(text, "deep.toml")
    assert f"nested more than {MAX_NESTING} levels deep" in str(info.value)


def test_ordinary_nesting_and_dots_in_strings_are_fine() -> None:
    protocol = parse_protocol(
        'format = 1\nname = "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z"\n'
        'description = """[[[[[[[[[[[[[[[[[[[[[[[[ a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s """\n'
        '[[block]]\nexercise = "glute-bridge"\ntempo = { lift = 1.5, hold = 2.25 }\n'
    )
    assert protocol.blocks[0].tempo.hold == 2.25


# ---------------------------------------------------------------- odd schema versions


@pytest.mark.parametrize(
    ("version", "tables"),
    [
        (-1, "ours"),
        (-2_147_483_648, "none"),
        (1, "none"),  # a version without its tables
        (SCHEMA_VERSION, "other"),
        (SCHEMA_VERSION, "sets only"),
        (0, "ours"),  # our tables without a version
    ],
)
def test_an_odd_schema_version(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], version: int, tables: str
) -> None:
    base = tmp_path / "base"
    path = AppPaths.from_basedir(base).history_db
    if tables == "ours":
        HistoryStore(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    if tables == "other":
        conn.execute("CREATE TABLE other (x)")
    if tables == "sets only":
        conn.execute("CREATE TABLE sets (x)")
    conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    conn.close()
    for args in (["history"], ["stats"], ["history", "--csv"]):
        assert glute_cli.main(["--basedir", str(base), *args]) == 0, args
    assert "moved to" in capsys.readouterr().err  # said once, and kept aside, never lost
    assert list(path.parent.glob("history.sqlite3.corrupt-*"))
    store = HistoryStore(path)  # the new history takes workouts
    store.merge([workout()])
    assert len(store.workouts()) == 1


# ---------------------------------------------------------------- a closed output


@pytest.mark.parametrize(
    ("lines", "flags", "sets"),
    [(2, [], 0), (4, [], 1), (2, ["--json"], 0), (4, ["--json"], 1)],
)
def test_a_closed_output_ends_the_run_quietly_with_its_sets_recorded(
    tmp_path: Path, lines: int, flags: list[str], sets: int
) -> None:
    base = tmp_path / "base"
    protocol = tmp_path / "fast.toml"
    # Its first set ends with the 3rd cue; the rest after it gives the reader time to go.
    protocol.write_text(FAST.replace("rest = 0.1", "rest = 0.6"), encoding="utf-8")
    command = [sys.executable, "-m", "glute_timer", "--basedir", str(base)]
    command += ["run", str(protocol), "--no-gui", "--mute", *flags]
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env(), text=True
    ) as run:
        assert run.stdout is not None and run.stderr is not None
        for _ in range(lines):  # what ``head`` reads before it goes
            assert run.stdout.readline()
        run.stdout.close()
        err = run.stderr.read()
        status = run.wait(timeout=30)
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert status == 130  # stopped, as with Ctrl-C
    workouts = HistoryStore(AppPaths.from_basedir(base).history_db).workouts()
    if sets:
        (stopped,) = workouts
        assert stopped.status == "stopped" and len(stopped.sets) >= sets
    else:
        assert not workouts or workouts[0].status == "stopped"


def test_other_commands_into_a_closed_pipe_end_quietly(tmp_path: Path) -> None:
    base = tmp_path / "base"
    HistoryStore(AppPaths.from_basedir(base).history_db).merge(
        [workout(1_780_000_000_000 + n * 86_400_000, sets=10) for n in range(300)]
    )
    for args in (["history"], ["history", "--csv"], ["history", "--json"], ["plan", "pre-run"]):
        shell = " ".join([sys.executable, "-m", "glute_timer", "--basedir", str(base), *args])
        result = subprocess.run(
            ["sh", "-c", f"{shell} | head -2"], capture_output=True, text=True, env=env()
        )
        assert len(result.stdout.splitlines()) == 2, args
        assert "Traceback" not in result.stderr and "Exception" not in result.stderr, args


# ---------------------------------------------------------------- the workout's start


@pytest.mark.parametrize("lead_in", [0, 0.5])
def test_the_workout_starts_when_its_session_does(tmp_path: Path, lead_in: float) -> None:
    """The recorder hears of the start late (on its writer thread, or deferred): the time
    is the session's own, from the same mapping as the sets'."""
    text = QUICK.replace("lead_in = 0", f"lead_in = {lead_in}")
    plan = build_plan(parse_protocol(text, "quick.toml"))
    clock = FakeClock()
    db = tmp_path / "history.sqlite3"
    session = Session(plan, clock, wall_clock=clock.wall)
    # A wall clock that runs ahead of the session's: what a late listener would read.
    recorder = HistoryRecorder(db, plan, "quick", wall_clock=lambda: clock.wall() + 0.25)
    session.subscribe(recorder)
    session.start()
    while session.state is State.RUNNING:
        clock.advance(0.25)
        session.tick()
    (saved,) = HistoryStore(db).workouts()
    assert saved.started_ms == 1_780_000_000_000  # FakeClock's wall at the start
    assert saved.sets[0].started_ms - saved.started_ms == round(lead_in * 1000)
    assert saved.ended_ms == saved.sets[-1].ended_ms


# ---------------------------------------------------------------- a short freeze


@pytest.mark.parametrize("freeze", [1.5, 3.0, 9.9])
def test_a_short_freeze_is_said_before_the_missed_cues(freeze: float) -> None:
    plan = build_plan(parse_protocol(QUICK, "quick.toml"))
    clock = FakeClock()
    session = Session(plan, clock)
    events: list[object] = []
    session.subscribe(events.append)
    session.start()
    clock.advance(0.1)
    session.tick()
    assert not [e for e in events if isinstance(e, Delayed)]  # on time: no notice
    clock.advance(freeze)
    session.tick()
    notices = [e for e in events if isinstance(e, Delayed)]
    assert len(notices) == 1 and not [e for e in events if isinstance(e, Suspended)]
    notice = notices[0]
    after = events[events.index(notice) + 1 :]
    late = [e for e in after if isinstance(e, CueDue) and clock() - e.due > 1.0]
    assert notice.missed == len(late) > 0
    assert notice.gap == pytest.approx(freeze)
    for as_json in (False, True):
        import io

        out = io.StringIO()
        printer = TerminalPrinter(out, as_json)
        if as_json:
            from contextlib import redirect_stderr

            err = io.StringIO()
            with redirect_stderr(err):
                printer(notice)
            assert "came" in err.getvalue() and out.getvalue() == ""
        else:
            printer(notice)
            assert f"{notice.missed} cue" in out.getvalue() and "late" in out.getvalue()


# ---------------------------------------------------------------- a read-only history


def _can_mount() -> bool:
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "true"],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


READ_ONLY = textwrap.dedent(
    """
    set -eu
    mount -t tmpfs -o size=8m tmpfs "$BASE"
    cp -a "$SEED"/. "$BASE"/
    mount -o remount,ro "$BASE"
    for args in "history" "history --csv" "history --json" "stats" "stats --json"; do
        name=$(echo "$args" | tr ' -' '__')
        "$PY" -m glute_timer --basedir "$BASE" $args >"$OUT/$name.out" 2>"$OUT/$name.err" \\
            && echo 0 >"$OUT/$name.rc" || echo $? >"$OUT/$name.rc"
    done
    """
)


@pytest.mark.slow
@pytest.mark.skipif(not _can_mount(), reason="needs root and unshare to mount a tmpfs")
@pytest.mark.parametrize("wal", [False, True], ids=["checkpointed", "with its WAL"])
def test_a_read_only_history_can_be_listed_and_exported(tmp_path: Path, wal: bool) -> None:
    seed = tmp_path / "seed"
    paths = AppPaths.from_basedir(seed)
    items = [workout(1_780_000_000_000 + n * 86_400_000) for n in range(3)]
    store = HistoryStore(paths.history_db)
    store.merge(items)
    keep_open = None
    if wal:  # a copy taken while a writer had the file open: -wal and -shm beside it
        keep_open = sqlite3.connect(paths.history_db)
        keep_open.execute("PRAGMA journal_mode = WAL")
        keep_open.execute("UPDATE workouts SET note = 'kept' WHERE uid = ?", (items[0].uid,))
        keep_open.commit()
    paths.settings_file.parent.mkdir(parents=True, exist_ok=True)
    base, out = tmp_path / "mnt", tmp_path / "out"
    base.mkdir()
    out.mkdir()
    result = subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "sh", "-c", READ_ONLY],
        env={**env(), "BASE": str(base), "SEED": str(seed), "OUT": str(out), "PY": sys.executable},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    if keep_open is not None:
        keep_open.close()
    assert result.returncode == 0, result.stderr
    for name in ("history", "history___csv", "history___json", "stats", "stats___json"):
        err = (out / f"{name}.err").read_text()
        assert (out / f"{name}.rc").read_text().strip() == "0", (name, err)
        assert "Traceback" not in err
    listing = (out / "history.out").read_text()
    assert listing.count("Pre-run activation") == 3
    exported = (out / "history___json.out").read_text()
    assert exported.strip() == json_text(HistoryStore(paths.history_db).workouts()).strip()
    assert "Pre-run activation" in (out / "stats.out").read_text()
