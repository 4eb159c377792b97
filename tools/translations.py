#!/usr/bin/env python3
"""The translations of Glute Timer: extract, merge, check and build them.

    tools/translations.py extract   the source texts -> translations/glute_timer.pot
    tools/translations.py update    merge the .pot into every translations/<lang>.po
    tools/translations.py check     every shipped language complete, no obsolete entry,
                                    the same placeholders as the source, .mo up to date
    tools/translations.py build     compile translations/<lang>.po ->
                                    glute_timer/locale/<lang>/LC_MESSAGES/glute_timer.mo
    tools/translations.py qt        the window's texts: pyside6-lupdate (-> .ts) and
                                    pyside6-lrelease (-> glute_timer/locale/<lang>/glute_timer.qm)

The core's texts are found by reading the source (``ast``), not by running it: the calls
``_("...")``, ``N_("...")``, ``ngettext("...", "...", n)``, ``pgettext("ctx", "...")`` and
``npgettext("ctx", "...", "...", n)`` under ``glute_timer/`` (not ``glute_timer/gui``,
whose texts are Qt's), the settings' labels (``Spec(...)`` in ``core/settings.py``,
context "setting"), the presets' names and descriptions (context "preset") and the
exercise library's names, instructions, form notes and equipment ("exercise",
"instruction", "form note", "equipment"). The ``.mo`` files are written here (no GNU
gettext needed), byte for byte the same for the same ``.po``, so a test can tell a stale
one.
"""

from __future__ import annotations

import argparse
import ast
import re
import shutil
import struct
import subprocess
import sys
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "glute_timer"
SOURCES = ROOT / "translations"
POT = SOURCES / "glute_timer.pot"
LOCALE = PACKAGE / "locale"
DOMAIN = "glute_timer"
LANGUAGES = ("de", "fr", "es")
PLURAL_FORMS = {
    "de": "nplurals=2; plural=(n != 1);",
    "fr": "nplurals=2; plural=(n > 1);",
    "es": "nplurals=2; plural=(n != 1);",
}
LANGUAGE_NAMES = {"de": "German", "fr": "French", "es": "Spanish"}
MARKERS = {"_": (None, 0, None), "N_": (None, 0, None), "ngettext": (None, 0, 1)}
MARKERS |= {"pgettext": (0, 1, None), "npgettext": (0, 1, 2)}
"""name -> (index of the context, of the message, of the plural), among the arguments."""
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%[sdn]|%\d")


# ---------------------------------------------------------------- catalogs


@dataclass
class Entry:
    msgid: str
    context: str | None = None
    plural: str | None = None
    strings: list[str] = field(default_factory=list)  # msgstr, or msgstr[0], msgstr[1] ...
    locations: list[str] = field(default_factory=list)
    fuzzy: bool = False
    obsolete: bool = False

    @property
    def key(self) -> tuple[str | None, str]:
        return self.context, self.msgid

    @property
    def translated(self) -> bool:
        return bool(self.strings) and all(self.strings) and not self.fuzzy


def _quote(text: str) -> str:
    escaped = (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")
    )
    return f'"{escaped}"'


def _unquote(text: str) -> str:
    body = text.strip()[1:-1]
    out, i = [], 0
    while i < len(body):
        char = body[i]
        if char == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\"}.get(nxt, nxt))
            i += 2
        else:
            out.append(char)
            i += 1
    return "".join(out)


def _field(name: str, text: str, prefix: str = "") -> list[str]:
    if "\n" in text[:-1] or len(text) > 70:
        lines = [f'{prefix}{name} ""']
        pieces = re.findall(r".{1,70}(?:\s+|$)|.{1,70}", text.replace("\n", "\n\0"))
        for piece in "".join(pieces).split("\0") if "\n" in text else pieces:
            if piece:
                lines.append(prefix + _quote(piece))
        return lines
    return [f"{prefix}{name} {_quote(text)}"]


def write_po(entries: Iterable[Entry], header: str) -> str:
    out = ['msgid ""', 'msgstr ""']
    out += [_quote(line + "\n") for line in header.strip("\n").split("\n")]
    for entry in entries:
        prefix = "#~ " if entry.obsolete else ""
        out.append("")
        if entry.locations and not entry.obsolete:
            out.append("#: " + " ".join(entry.locations))
        if entry.fuzzy:
            out.append("#, fuzzy")
        if entry.context is not None:
            out += _field("msgctxt", entry.context, prefix)
        out += _field("msgid", entry.msgid, prefix)
        if entry.plural is not None:
            out += _field("msgid_plural", entry.plural, prefix)
            strings = entry.strings or ["", ""]
            for index, text in enumerate(strings):
                out += _field(f"msgstr[{index}]", text, prefix)
        else:
            out += _field("msgstr", entry.strings[0] if entry.strings else "", prefix)
    return "\n".join(out) + "\n"


def read_po(text: str) -> tuple[str, list[Entry]]:
    """The header and the entries of a .po file (obsolete ``#~`` entries marked so)."""
    entries: list[Entry] = []
    header = ""
    current: Entry | None = None
    last: str | None = None
    flags_fuzzy = False
    locations: list[str] = []
    obsolete = False

    def finish() -> None:
        nonlocal current, header
        if current is None:
            return
        if current.msgid == "" and current.context is None:
            header = current.strings[0] if current.strings else ""
        else:
            entries.append(current)
        current = None

    for raw in text.splitlines():
        line = raw.strip()
        is_obsolete = line.startswith("#~")
        if is_obsolete:
            line = line[2:].strip()
        if not line:
            finish()
            last = None
            continue
        if line.startswith("#:"):
            locations += line[2:].split()
            continue
        if line.startswith("#,"):
            flags_fuzzy = "fuzzy" in line
            continue
        if line.startswith("#"):
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            assert current is not None and last is not None, raw
            _append(current, last, _unquote(line))
            continue
        if keyword == "msgctxt" or (keyword == "msgid" and last != "msgctxt"):
            finish()
            current = Entry("", fuzzy=flags_fuzzy, locations=locations, obsolete=is_obsolete)
            flags_fuzzy, locations = False, []
            obsolete = is_obsolete
        assert current is not None, raw
        current.obsolete = current.obsolete or obsolete
        last = keyword
        if keyword == "msgctxt":
            current.context = ""
        elif keyword == "msgid_plural":
            current.plural = ""
        elif keyword.startswith("msgstr"):
            current.strings.append("")
        _append(current, keyword, _unquote(rest))
    finish()
    return header, entries


def _append(entry: Entry, keyword: str, text: str) -> None:
    if keyword == "msgctxt":
        entry.context = (entry.context or "") + text
    elif keyword == "msgid":
        entry.msgid += text
    elif keyword == "msgid_plural":
        entry.plural = (entry.plural or "") + text
    else:
        entry.strings[-1] += text


# ---------------------------------------------------------------- extraction


def _constant(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def extract_python(path: Path, found: dict[tuple[str | None, str], Entry]) -> list[str]:
    """Add the marked texts of ``path``; returns the problems (a marker without a plain
    string: an f-string or a variable cannot be extracted)."""
    problems = []
    where = path.relative_to(ROOT).as_posix()
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        if name == "Spec" and path.name == "settings.py":
            texts = [node.args[0]] if node.args else []
            for keyword in node.keywords:
                if keyword.arg in ("text", "hint"):
                    texts.append(keyword.value)
                elif keyword.arg == "labels" and isinstance(keyword.value, ast.Tuple):
                    texts += keyword.value.elts
            for text_node in texts:
                text = _constant(text_node)
                if text:
                    _add(found, Entry(text, "setting"), f"{where}:{node.lineno}")
            continue
        if name not in MARKERS:
            continue
        context_at, message_at, plural_at = MARKERS[name]
        values: list[str | None] = []
        for index in (context_at, message_at, plural_at):
            if index is None:
                values.append(None)
            elif index < len(node.args):
                values.append(_constant(node.args[index]))
            else:
                values.append("")
        context, message, plural = values
        needed = [message] + ([context] if context_at is not None else [])
        needed += [plural] if plural_at is not None else []
        arguments = [
            node.args[i]
            for i in (context_at, message_at, plural_at)
            if i is not None and i < len(node.args)
        ]
        if any(not value for value in needed):
            if any(isinstance(a, ast.JoinedStr | ast.BinOp) for a in arguments):
                problems.append(f"{where}:{node.lineno}: {name}() needs plain string literals")
            continue  # a text marked where it is written (N_, a resource file)
        assert message is not None
        _add(found, Entry(message, context, plural), f"{where}:{node.lineno}")
    return problems


def _add(found: dict[tuple[str | None, str], Entry], entry: Entry, location: str) -> None:
    known = found.setdefault(entry.key, entry)
    if known.plural is None and entry.plural is not None:
        known.plural = entry.plural
    known.locations.append(location)


def extract_resources(found: dict[tuple[str | None, str], Entry]) -> None:
    resources = ROOT / "resources"
    for path in sorted((resources / "presets").glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        where = path.relative_to(ROOT).as_posix()
        for key in ("name", "description"):
            if data.get(key):
                _add(found, Entry(data[key], "preset"), where)
    path = resources / "exercises.toml"
    where = path.relative_to(ROOT).as_posix()
    for exercise in tomllib.loads(path.read_text(encoding="utf-8"))["exercise"]:
        _add(found, Entry(exercise["name"], "exercise"), f"{where}:{exercise['id']}")
        for text in exercise["instructions"]:
            _add(found, Entry(text, "instruction"), f"{where}:{exercise['id']}")
        for text in exercise["form_notes"]:
            _add(found, Entry(text, "form note"), f"{where}:{exercise['id']}")
        for text in exercise["equipment"]:
            _add(found, Entry(text, "equipment"), f"{where}:{exercise['id']}")


def extract() -> tuple[list[Entry], list[str]]:
    found: dict[tuple[str | None, str], Entry] = {}
    problems: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "gui" in path.relative_to(PACKAGE).parts:
            continue
        problems += extract_python(path, found)
    extract_resources(found)
    return list(found.values()), problems


POT_HEADER = """Project-Id-Version: glute-timer
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: 8bit
Plural-Forms: nplurals=2; plural=(n != 1);"""


def po_header(language: str) -> str:
    return (
        f"Project-Id-Version: glute-timer\nLanguage: {language}\n"
        "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n"
        f"Plural-Forms: {PLURAL_FORMS[language]}"
    )


def merge(template: list[Entry], existing: list[Entry]) -> list[Entry]:
    """The template's entries with the translations of ``existing``; what the template no
    longer has stays at the end as obsolete (``#~``), for a translator to reuse."""
    old = {entry.key: entry for entry in existing if not entry.obsolete}
    merged = []
    for entry in template:
        previous = old.pop(entry.key, None)
        strings = previous.strings if previous is not None else []
        if entry.plural is not None and len(strings) < 2:
            strings = strings + [""] * (2 - len(strings))
        merged.append(
            Entry(
                entry.msgid,
                entry.context,
                entry.plural,
                list(strings),
                list(entry.locations),
                fuzzy=previous.fuzzy if previous is not None else False,
            )
        )
    for entry in old.values():
        if entry.translated:
            entry.obsolete = True
            merged.append(entry)
    return merged


# ---------------------------------------------------------------- checks and builds


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def check_catalog(language: str, template: list[Entry], entries: list[Entry]) -> list[str]:
    """What is wrong with one language's catalog, one line each."""
    problems = []
    wanted = {entry.key: entry for entry in template}
    seen = set()
    for entry in entries:
        label = f"{language}.po: {entry.context + ': ' if entry.context else ''}{entry.msgid!r}"
        if entry.obsolete or entry.key not in wanted:
            problems.append(f"{label}: obsolete (the source no longer has it)")
            continue
        seen.add(entry.key)
        if not entry.translated:
            problems.append(f"{label}: not translated" + (" (fuzzy)" if entry.fuzzy else ""))
            continue
        if (entry.plural is None) != (wanted[entry.key].plural is None):
            problems.append(f"{label}: plural forms differ from the source")
            continue
        if entry.plural is None:
            if placeholders(entry.strings[0]) != placeholders(entry.msgid):
                found = placeholders(entry.strings[0])
                problems.append(f"{label}: placeholders {found} differ from the source")
        else:
            # Each form may leave out what the singular leaves out ("Eine Wiederholung"),
            # the last (the general plural) has exactly the source plural's.
            allowed = set(placeholders(entry.msgid)) | set(placeholders(entry.plural))
            for text in entry.strings:
                if not set(placeholders(text)) <= allowed:
                    found = placeholders(text)
                    problems.append(f"{label}: placeholders {found} differ from the source")
            if entry.strings and placeholders(entry.strings[-1]) != placeholders(entry.plural):
                found = placeholders(entry.strings[-1])
                problems.append(f"{label}: placeholders {found} differ from the source")
        if entry.plural is not None and len(entry.strings) != 2:
            problems.append(f"{label}: needs 2 plural forms, has {len(entry.strings)}")
    for key in wanted.keys() - seen:
        problems.append(f"{language}.po: {key[1]!r}: missing (run update)")
    return problems


def compile_mo(header: str, entries: list[Entry]) -> bytes:
    """A GNU .mo file (little-endian, no hash table), keys sorted: the same bytes for the
    same catalog."""
    pairs = {b"": header.encode("utf-8")}
    for entry in entries:
        if entry.obsolete or not entry.translated:
            continue
        key = entry.msgid if entry.plural is None else f"{entry.msgid}\0{entry.plural}"
        if entry.context is not None:
            key = f"{entry.context}\x04{key}"
        pairs[key.encode("utf-8")] = "\0".join(entry.strings).encode("utf-8")
    keys = sorted(pairs)
    count = len(keys)
    originals_at = 7 * 4
    translations_at = originals_at + count * 8
    data_at = translations_at + count * 8
    ids = b"".join(key + b"\0" for key in keys)
    strs = b"".join(pairs[key] + b"\0" for key in keys)
    table_ids, table_strs = [], []
    offset = data_at
    for key in keys:
        table_ids.append(struct.pack("<II", len(key), offset))
        offset += len(key) + 1
    for key in keys:
        table_strs.append(struct.pack("<II", len(pairs[key]), offset))
        offset += len(pairs[key]) + 1
    head = struct.pack("<7I", 0x950412DE, 0, count, originals_at, translations_at, 0, data_at)
    return head + b"".join(table_ids) + b"".join(table_strs) + ids + strs


def mo_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.mo"


def po_path(language: str) -> Path:
    return SOURCES / f"{language}.po"


def ts_path(language: str) -> Path:
    return SOURCES / f"{DOMAIN}_{language}.ts"


def qm_path(language: str) -> Path:
    return LOCALE / language / f"{DOMAIN}.qm"


def load_po(language: str) -> tuple[str, list[Entry]]:
    return read_po(po_path(language).read_text(encoding="utf-8"))


def built_mo(language: str) -> bytes:
    header, entries = load_po(language)
    return compile_mo(header, entries)


def _qt_tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: it comes with PySide6 (pip install PySide6)")
    return found


def gui_sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (PACKAGE / "gui").glob("*.py"))


def qt(release_only: bool = False) -> None:
    if not release_only:
        for language in LANGUAGES:
            subprocess.run(
                [
                    _qt_tool("pyside6-lupdate"),
                    *gui_sources(),
                    "-no-obsolete",
                    "-locations",
                    "none",
                    "-target-language",
                    language,
                    "-ts",
                    str(ts_path(language)),
                ],
                cwd=ROOT,
                check=True,
            )
    for language in LANGUAGES:
        qm_path(language).parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [
                _qt_tool("pyside6-lrelease"),
                "-silent",
                str(ts_path(language)),
                "-qm",
                str(qm_path(language)),
            ],
            cwd=ROOT,
            check=True,
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=("extract", "update", "check", "build", "qt"))
    parser.add_argument("--release", action="store_true", help="qt: only pyside6-lrelease")
    args = parser.parse_args(argv)
    template, problems = extract()
    if args.command in ("extract", "update"):
        SOURCES.mkdir(exist_ok=True)
        POT.write_text(write_po(template, POT_HEADER), encoding="utf-8")
    if args.command == "update":
        for language in LANGUAGES:
            existing = load_po(language)[1] if po_path(language).exists() else []
            merged = merge(template, existing)
            po_path(language).write_text(write_po(merged, po_header(language)), encoding="utf-8")
    if args.command == "build":
        for language in LANGUAGES:
            mo_path(language).parent.mkdir(parents=True, exist_ok=True)
            mo_path(language).write_bytes(built_mo(language))
    if args.command == "qt":
        qt(args.release)
    if args.command == "check":
        for language in LANGUAGES:
            problems += check_catalog(language, template, load_po(language)[1])
            if not mo_path(language).exists() or mo_path(language).read_bytes() != built_mo(
                language
            ):
                problems.append(f"{mo_path(language).relative_to(ROOT)}: stale (run build)")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
