"""The shipped translations: complete, nothing obsolete, the source's placeholders, built.

``tools/translations.py`` extracts the core's texts from the source (and the presets and
the exercise library), and its checks run here: a text added to the source without its
translations in every shipped language fails this test, and so does a stale ``.mo``.
"""

from __future__ import annotations

import gettext
import importlib.util
import io
import sys
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
