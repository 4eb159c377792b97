"""The shipped translations: complete, nothing obsolete, the source's placeholders, built.

``tools/translations.py`` extracts the core's texts from the source (and the presets and
the exercise library), and its checks run here: a text added to the source without its
translations in every shipped language fails this test, and so does a stale ``.mo``.
"""

from __future__ import annotations

import gettext
import importlib.util
import io
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "translations_tool", ROOT / "tools/translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


tool = _tool()
LANGUAGES = tool.LANGUAGES


def test_the_shipped_languages_are_those_the_app_offers() -> None:
    from glute_timer.core import i18n

    assert set(LANGUAGES) == set(i18n.LANGUAGES) - {i18n.SOURCE_LANGUAGE}


def test_every_marker_holds_plain_strings() -> None:
    _, problems = tool.extract()
    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_shipped_language_is_complete_and_has_nothing_obsolete(language: str) -> None:
    template, _ = tool.extract()
    _, entries = tool.load_po(language)
    assert tool.check_catalog(language, template, entries) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalog_is_up_to_date(language: str) -> None:
    assert tool.mo_path(language).read_bytes() == tool.built_mo(language), (
        f"run: tools/translations.py build ({language})"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_compiled_catalog_reads_back_through_gettext(language: str) -> None:
    header, entries = tool.load_po(language)
    catalog = gettext.GNUTranslations(io.BytesIO(tool.compile_mo(header, entries)))
    for entry in entries:
        if entry.plural is None and entry.context is None:
            assert catalog.gettext(entry.msgid) == entry.strings[0]
        elif entry.plural is None:
            assert catalog.pgettext(entry.context, entry.msgid) == entry.strings[0]
        else:
            assert catalog.ngettext(entry.msgid, entry.plural, 1) == entry.strings[0]
            assert catalog.ngettext(entry.msgid, entry.plural, 5) == entry.strings[1]


def test_french_says_zero_in_the_singular() -> None:
    from glute_timer.core import i18n

    i18n.activate("fr")
    assert i18n.ngettext("{n} set", "{n} sets", 0).format(n=0) == "0 série"
    i18n.activate("de")
    assert i18n.ngettext("{n} set", "{n} sets", 0).format(n=0) == "0 Sätze"


def test_the_checker_finds_what_is_wrong() -> None:
    Entry = tool.Entry
    template = [
        Entry("Set {set} of {sets}"),
        Entry("{n} rep", plural="{n} reps"),
        Entry("Lift", context="cue"),
        Entry("Hold", context="cue"),
    ]
    entries = [
        Entry("Set {set} of {sets}", strings=["Satz {set} von {total}"]),
        Entry("{n} rep", plural="{n} reps", strings=["Eine Wiederholung", "{n} Wiederholungen"]),
        Entry("Lift", context="cue", strings=[""]),
        Entry("Hold", context="cue", strings=["Halten"], fuzzy=True),
        Entry("Gone", strings=["Weg"]),
    ]
    problems = "\n".join(tool.check_catalog("de", template, entries))
    assert "'Set {set} of {sets}': placeholders ['{set}', '{total}'] differ" in problems
    assert "'{n} rep'" not in problems  # the singular may leave {n} out
    assert "cue: 'Lift': not translated" in problems
    assert "cue: 'Hold': not translated (fuzzy)" in problems
    assert "'Gone': obsolete" in problems


def test_po_files_read_back_as_written() -> None:
    Entry = tool.Entry
    entries = [
        Entry("Short", strings=["Kurz"]),
        Entry("x" * 120 + ' "quoted"\nnext line', context="c", strings=["y" * 150 + "\\"]),
        Entry("{n} cue", plural="{n} cues", strings=["{n} Ansage", "{n} Ansagen"]),
        Entry("Old", strings=["Alt"], obsolete=True),
    ]
    header, again = tool.read_po(tool.write_po(entries, tool.po_header("de")))
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in header
    assert [(e.context, e.msgid, e.plural, e.strings, e.obsolete) for e in again] == [
        (e.context, e.msgid, e.plural, e.strings, e.obsolete) for e in entries
    ]


def test_merging_keeps_translations_and_marks_the_rest_obsolete() -> None:
    Entry = tool.Entry
    merged = tool.merge(
        [Entry("Lift"), Entry("{n} set", plural="{n} sets")],
        [Entry("Lift", strings=["Heben"]), Entry("Gone", strings=["Weg"])],
    )
    assert [(e.msgid, e.strings, e.obsolete) for e in merged] == [
        ("Lift", ["Heben"], False),
        ("{n} set", ["", ""], False),
        ("Gone", ["Weg"], True),
    ]


# ---------------------------------------------------------------- the window's (Qt)

TS_PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|&(?=\w)")


def ts_messages(path: Path) -> list[ET.Element]:
    return list(ET.parse(path).getroot().iter("message"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_windows_catalog_is_complete_with_the_sources_placeholders(language: str) -> None:
    problems = []
    for message in ts_messages(tool.ts_path(language)):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        kind = translation.get("type")
        if kind in ("unfinished", "obsolete", "vanished"):
            problems.append(f"{source!r}: {kind}")
            continue
        forms = [f.text or "" for f in translation.iter("numerusform")]
        if message.get("numerus") == "yes":
            if len(forms) != 2 or not all(forms):
                problems.append(f"{source!r}: needs 2 plural forms")
        else:
            forms = [translation.text or ""]
            if not forms[0]:
                problems.append(f"{source!r}: empty")
        wanted = sorted(set(TS_PLACEHOLDER.findall(source)) - {"&"})
        for form in forms:
            if sorted(set(TS_PLACEHOLDER.findall(form)) - {"&"}) != wanted:
                problems.append(f"{source!r}: {form!r} has other placeholders")
            if ("&" in TS_PLACEHOLDER.findall(source)) != ("&" in TS_PLACEHOLDER.findall(form)):
                problems.append(f"{source!r}: {form!r}: a mnemonic (&) differs")
    assert problems == []


def _lupdate_sources(tmp_path: Path) -> set[str]:
    lupdate = tool._qt_tool("pyside6-lupdate")
    target = tmp_path / "now.ts"
    subprocess.run(
        [lupdate, *tool.gui_sources(), "-no-obsolete", "-locations", "none", "-ts", str(target)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return {m.findtext("source") or "" for m in ts_messages(target)}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_windows_catalog_holds_every_text_of_the_source_and_no_other(
    language: str, tmp_path: Path
) -> None:
    shipped = {m.findtext("source") or "" for m in ts_messages(tool.ts_path(language))}
    now = _lupdate_sources(tmp_path)
    assert sorted(now - shipped) == [], "run: tools/translations.py qt, then translate"
    assert sorted(shipped - now) == [], "obsolete: run tools/translations.py qt"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_windows_compiled_catalog_is_up_to_date(language: str, tmp_path: Path) -> None:
    target = tmp_path / f"{language}.qm"
    subprocess.run(
        [
            tool._qt_tool("pyside6-lrelease"),
            "-silent",
            str(tool.ts_path(language)),
            "-qm",
            str(target),
        ],
        check=True,
        capture_output=True,
    )
    assert tool.qm_path(language).read_bytes() == target.read_bytes(), (
        "run: tools/translations.py qt --release"
    )


def test_no_f_string_or_variable_inside_tr() -> None:
    import ast

    problems = []
    for path in (ROOT / "glute_timer" / "gui").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "tr"
                and node.args
                and not (
                    isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
                )
            ):
                problems.append(f"{path.name}:{node.lineno}")
    assert problems == []
