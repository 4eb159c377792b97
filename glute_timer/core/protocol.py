"""Protocol files (format 1): load, validate and save.

A protocol is what the user trains: a name, a schedule, a lead-in and one or more
blocks of sets. Every error names the file, the key and the reason (the reason in the
user's language; the checks and ``ProtocolError`` are in ``core.protocol_checks``).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Final

import tomli_w

from glute_timer.core.fsutil import (
    FileTooLarge,
    NotRegularFile,
    atomic_write_text,
    read_regular_file,
)
from glute_timer.core.i18n import _
from glute_timer.core.protocol_checks import ProtocolError as ProtocolError  # re-exported
from glute_timer.core.protocol_checks import Validator, control_problem

FORMAT_VERSION: Final = 1
SCHEDULES: Final = ("every-other-day", "daily", "before-run", "as-needed")

# Sane limits: anything outside is almost certainly a typo (a 10-hour hold).
MAX_NAME = 100
MAX_DESCRIPTION = 2000
MAX_LEAD_IN = 120.0
MAX_BLOCKS = 50
MAX_SETS = 50
MAX_REPS = 200
MAX_MOVE = 30.0  # lift and lower
MAX_HOLD = 600.0
MAX_PAUSE = 60.0
MAX_REST = 1800.0
MAX_SWITCH = 60.0
MAX_PROGRAM_WEEKS = 52
MAX_LOAD_TEXT = 40
MAX_FILE_BYTES = 1 << 20  # a protocol is a few kB
MAX_NESTING = 20  # tables, arrays and dotted keys inside each other; a protocol needs 3

DEFAULT_LEAD_IN = 5.0
DEFAULT_REST = 45.0
DEFAULT_REST_AFTER = 60.0
DEFAULT_SWITCH = 5.0
DEFAULT_REPS = 10

_TOP_KEYS: Final = frozenset(
    {"format", "name", "description", "schedule", "lead_in", "program_weeks", "block"}
)
_BLOCK_KEYS: Final = frozenset(
    {
        "exercise",
        "sets",
        "reps",
        "target",
        "tempo",
        "rest",
        "per_side",
        "load",
        "rest_after",
        "switch",
    }
)
_TEMPO_KEYS: Final = ("lift", "hold", "lower", "pause")
TEMPO_EXAMPLE: Final = "{ lift = 1, hold = 3, lower = 1, pause = 0 }"
_LOAD_RE: Final = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(kg|lb)\s*$", re.IGNORECASE)
_SIGNED_NUMBER_RE: Final = re.compile(r"^[+\-.]\s*\d")
_REPS_RE: Final = re.compile(r"^\s*(\d+)\s*(?:-|–)\s*(\d+)\s*$")


@dataclass(frozen=True)
class Tempo:
    lift: float = 1.0
    hold: float = 0.0
    lower: float = 1.0
    pause: float = 0.0

    @property
    def rep_seconds(self) -> float:
        """One rep without the pause at the bottom."""
        return self.lift + self.hold + self.lower


@dataclass(frozen=True)
class Load:
    """A load as the user wrote it, with the number and unit when there is one."""

    text: str = "bodyweight"

    @property
    def amount(self) -> float | None:
        match = _LOAD_RE.match(self.text)
        return float(match.group(1)) if match else None

    @property
    def unit(self) -> str | None:
        match = _LOAD_RE.match(self.text)
        return match.group(2).lower() if match else None

    @property
    def is_bodyweight(self) -> bool:
        return self.text.strip().lower() == "bodyweight"

    def with_amount(self, amount: float, unit: str) -> Load:
        return Load(f"{format_number(amount)} {unit}")


@dataclass(frozen=True)
class Block:
    exercise: str
    sets: int = 1
    reps_min: int = 10
    reps_max: int = 10
    target: int = 10
    tempo: Tempo = field(default_factory=Tempo)
    rest: float = DEFAULT_REST
    per_side: bool = False
    load: Load = field(default_factory=Load)
    rest_after: float = DEFAULT_REST_AFTER
    switch: float = DEFAULT_SWITCH

    @property
    def reps_text(self) -> str:
        """``"10–15"`` for a range, ``"12"`` for a fixed number."""
        if self.reps_min == self.reps_max:
            return str(self.reps_min)
        return f"{self.reps_min}–{self.reps_max}"

    @property
    def sides(self) -> tuple[str | None, ...]:
        return ("left", "right") if self.per_side else (None,)

    @property
    def is_single_hold(self) -> bool:
        """One long hold per set (an isometric bridge), not reps."""
        return self.reps_max == 1 and self.tempo.hold > 0


@dataclass(frozen=True)
class Protocol:
    name: str
    blocks: tuple[Block, ...]
    description: str = ""
    schedule: str = "as-needed"
    lead_in: float = DEFAULT_LEAD_IN
    program_weeks: int | None = None

    def with_changes(self, **changes: Any) -> Protocol:
        return replace(self, **changes)

    @property
    def equipment_loaded(self) -> bool:
        return any(not block.load.is_bodyweight for block in self.blocks)

    @property
    def lead_block(self) -> Block:
        """The block a run's hold and reps are set by: the first with reps (else the first):
        what :meth:`customised` takes its values from."""
        return next((b for b in self.blocks if not b.is_single_hold), self.blocks[0])

    def customised(self, *, hold: float | None = None, target: int | None = None) -> Protocol:
        """This protocol for one run, with the top hold and the reps of its lead block set
        to ``hold`` and ``target``, and every other block of its kind moved by as much.

        Each block keeps its kind: blocks of reps change their hold and rep target (a rep
        range widens to take a target outside it); a block of one long hold (an isometric
        bridge) keeps its single rep, and changes its hold only when the protocol has no
        blocks of reps. So "3 s hold, 12 reps" on a workout of bridges and a 30-second
        hold shortens the bridges' sets and leaves the 30-second hold as it was."""
        lead = self.lead_block
        reps_kind = not lead.is_single_hold
        hold_delta = 0.0 if hold is None else hold - lead.tempo.hold
        target_delta = 0 if target is None else target - lead.target
        blocks = []
        for block in self.blocks:
            if reps_kind and block.is_single_hold:
                blocks.append(block)  # a long hold among rep blocks: as it was
                continue
            changed = block
            if hold is not None:
                new_hold = max(0.0, round(block.tempo.hold + hold_delta, 3))
                if block.is_single_hold:
                    new_hold = max(new_hold, 1.0)  # still a hold
                tempo = replace(changed.tempo, hold=min(new_hold, MAX_HOLD))
                changed = replace(changed, tempo=tempo)
            if target is not None and reps_kind:
                new_target = min(MAX_REPS, max(1, block.target + target_delta))
                changed = replace(
                    changed,
                    target=new_target,
                    reps_min=min(block.reps_min, new_target),
                    reps_max=max(block.reps_max, new_target),
                )
            blocks.append(changed)
        return replace(self, blocks=tuple(blocks))


def format_number(value: float) -> str:
    """``3`` rather than ``3.0``; ``2.5`` stays."""
    if float(value).is_integer():
        return str(int(value))
    text = f"{value:g}"
    if "e" in text:
        # No exponent: "1e-05 kg" would not read back as a load.
        text = f"{value:.6f}".rstrip("0").rstrip(".")
    return text


# ---------------------------------------------------------------- loading


def load_protocol(path: Path) -> Protocol:
    """Read and validate a protocol file. Raises ProtocolError naming the file.

    Only a regular file of at most ``MAX_FILE_BYTES`` is read: a symlink to ``/dev/zero``
    or a named pipe is refused at once instead of filling memory or blocking.
    """
    return protocol_from_dict(read_protocol_table(path), str(path))


def read_protocol_table(path: Path) -> dict[str, Any]:
    """The TOML table of a protocol file, not yet checked as a protocol (the editor opens
    a file that fails to load this way, to fix it). Raises ProtocolError when the file
    cannot be read or is not TOML."""
    source = str(path)
    try:
        raw = read_regular_file(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        raise ProtocolError(source, "", _("file not found")) from None
    except IsADirectoryError:
        raise ProtocolError(source, "", _("is a directory, not a protocol file")) from None
    except (NotRegularFile, FileTooLarge) as exc:
        raise ProtocolError(source, "", str(exc.strerror)) from None
    except OSError as exc:
        reason = _("cannot read: {problem}").format(problem=exc.strerror or exc)
        raise ProtocolError(source, "", reason) from None
    return parse_toml(raw, source)


def parse_protocol(raw: bytes | str, source: str = "<protocol>") -> Protocol:
    return protocol_from_dict(parse_toml(raw, source), source)


def parse_toml(raw: bytes | str, source: str = "<protocol>") -> dict[str, Any]:
    """A protocol file's text as a TOML table (UTF-8, size and nesting limits)."""
    if isinstance(raw, bytes):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            reason = _("not UTF-8 text (bad byte at offset {offset})").format(offset=exc.start)
            raise ProtocolError(source, "", reason) from None
    else:
        text = raw
    if len(text) > MAX_FILE_BYTES:
        reason = _("too large (at most {size} MB)").format(size=MAX_FILE_BYTES // (1 << 20))
        raise ProtocolError(source, "", reason)
    if toml_nesting(text) > MAX_NESTING:
        # tomllib spends half a minute on a header nested 100,000 levels before it fails.
        reason = _("not valid TOML: nested more than {levels} levels deep")
        raise ProtocolError(source, "", reason.format(levels=MAX_NESTING))
    try:
        data = tomllib.loads(text)
    except (ValueError, RecursionError) as exc:
        # TOMLDecodeError is a ValueError; tomllib also raises a plain ValueError for an
        # integer too long to convert and RecursionError for deeply nested tables.
        reason = _("not valid TOML: {problem}").format(problem=exc)  # tomllib's English
        raise ProtocolError(source, "", reason) from None
    return data


_TOML_SKIP: Final = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'|#[^\n]*'
)
_HEADER_KEY: Final = re.compile(r"^\s*\[\[?([^\],]*)\]")
_KEY_PART: Final = re.compile(r"(?:^|[{,])([^={},\[\]]*)=")
_BRACKET: Final = re.compile(r"[\[\]{}]")


def toml_nesting(text: str) -> int:
    """An upper bound of how deeply ``text`` nests tables, arrays and dotted keys, read
    without parsing (counting stops soon after ``MAX_NESTING``).

    Strings and comments are left out; then brackets are counted, and the dots of the keys
    on a line (of a ``[table.header]`` or before an ``=``) count as levels too.
    """
    bare = _TOML_SKIP.sub('""', text)
    dots = 0
    for line in bare.splitlines():
        if "." not in line:
            continue
        header = _HEADER_KEY.match(line)
        keys = [header.group(1)] if header else _KEY_PART.findall(line)
        dots = max(dots, sum(key.count(".") for key in keys))
    depth = deepest = 0
    for match in _BRACKET.finditer(bare):
        if match.group() in "[{":
            depth += 1
            if depth + dots > MAX_NESTING:
                return depth + dots
            deepest = max(deepest, depth)
        else:
            depth = max(0, depth - 1)
    return deepest + dots


def protocol_from_dict(data: Mapping[str, Any], source: str = "<protocol>") -> Protocol:
    """The protocol ``data`` describes; raises ProtocolError for the first problem."""
    protocol = _build(Validator(source), data)
    assert protocol is not None  # the validator raised otherwise
    return protocol


def protocol_problems(data: Mapping[str, Any], source: str = "<protocol>") -> list[ProtocolError]:
    """Every problem of ``data`` at once, in file order (empty: it is a valid protocol).

    After a bad value the check goes on as if the default were there, so one mistake is
    reported once and the ones after it are found too (the editor shows them all)."""
    v = Validator(source, collect=True)
    try:
        _build(v, data)
    except ProtocolError as exc:  # a problem that leaves nothing to check after it
        v.problems.append(exc)
    return v.problems


def _build(v: Validator, data: Mapping[str, Any]) -> Protocol | None:
    source = v.source
    v.unknown_keys(data, _TOP_KEYS, "")
    if "format" not in data:
        v.fail(
            "format",
            _("missing (this app reads format = {version})").format(version=FORMAT_VERSION),
        )
    else:
        fmt = data["format"]
        if type(fmt) is not int or fmt != FORMAT_VERSION:
            reason = _("unsupported format {value} (this app reads format = {version})")
            v.fail("format", reason.format(value=repr(fmt), version=FORMAT_VERSION))
    name = v.text(data, "name", required=True, max_len=MAX_NAME)
    description = v.text(
        data, "description", default="", max_len=MAX_DESCRIPTION, allow_empty=True, multiline=True
    )
    schedule = v.text(data, "schedule", default="as-needed", max_len=MAX_NAME)
    if schedule not in SCHEDULES:
        reason = _("must be one of {choices}, not {value}")
        v.fail("schedule", reason.format(choices=", ".join(SCHEDULES), value=repr(schedule)))
        schedule = "as-needed"
    lead_in = v.seconds(data, "lead_in", DEFAULT_LEAD_IN, minimum=0.0, maximum=MAX_LEAD_IN)
    program_weeks: int | None = None
    if "program_weeks" in data:
        program_weeks = v.integer(data, "program_weeks", 1, minimum=1, maximum=MAX_PROGRAM_WEEKS)
    raw_blocks: Any = data.get("block")
    if "block" not in data:
        v.fail("block", _("missing: a protocol needs at least one [[block]]"))
        raw_blocks = []
    elif not isinstance(raw_blocks, list) or not all(isinstance(b, dict) for b in raw_blocks):
        v.fail("block", _("must be an array of tables ([[block]])"))
        raw_blocks = []
    elif not raw_blocks:
        v.fail("block", _("a protocol needs at least one [[block]]"))
    elif len(raw_blocks) > MAX_BLOCKS:
        reason = _("at most {limit} blocks, found {count}")
        v.fail("block", reason.format(limit=MAX_BLOCKS, count=len(raw_blocks)))
        raw_blocks = raw_blocks[:MAX_BLOCKS]
    blocks = tuple(_block_from_dict(v, raw, index) for index, raw in enumerate(raw_blocks, 1))
    if v.problems or not blocks:
        return None
    protocol = Protocol(
        name=name,
        description=description,
        schedule=schedule,
        lead_in=lead_in,
        program_weeks=program_weeks,
        blocks=blocks,
    )
    # Each value may be within its limit and the whole still too big to plan.
    from glute_timer.core.plan import check_workout_size  # plan.py imports this module

    check_workout_size(protocol, source)
    return protocol


def _block_from_dict(v: Validator, data: Mapping[str, Any], index: int) -> Block:
    prefix = f"block[{index}]."
    v.unknown_keys(data, _BLOCK_KEYS, prefix)
    exercise = v.text(data, "exercise", required=True, max_len=MAX_NAME, prefix=prefix)
    sets = v.integer(data, "sets", 1, minimum=1, maximum=MAX_SETS, prefix=prefix)
    before = len(v.problems)
    reps_min, reps_max = _reps(v, data.get("reps", DEFAULT_REPS), prefix)
    reps_ok = len(v.problems) == before
    target = reps_max
    if "target" in data:
        target = v.integer(data, "target", reps_max, minimum=1, maximum=MAX_REPS, prefix=prefix)
        if reps_ok and not reps_min <= target <= reps_max:
            reason = _("must be within reps {low}-{high}, not {value}")
            v.fail(prefix + "target", reason.format(low=reps_min, high=reps_max, value=target))
            target = reps_max
        elif not reps_ok:
            target = reps_max
    tempo = _tempo(v, data.get("tempo", {}), prefix)
    rest = v.seconds(data, "rest", DEFAULT_REST, minimum=0.0, maximum=MAX_REST, prefix=prefix)
    rest_after = v.seconds(
        data, "rest_after", DEFAULT_REST_AFTER, minimum=0.0, maximum=MAX_REST, prefix=prefix
    )
    switch = v.seconds(
        data, "switch", DEFAULT_SWITCH, minimum=0.0, maximum=MAX_SWITCH, prefix=prefix
    )
    per_side = v.boolean(data, "per_side", False, prefix=prefix)
    load = _load(v, data.get("load", "bodyweight"), prefix)
    return Block(
        exercise=exercise,
        sets=sets,
        reps_min=reps_min,
        reps_max=reps_max,
        target=target,
        tempo=tempo,
        rest=rest,
        per_side=per_side,
        load=load,
        rest_after=rest_after,
        switch=switch,
    )


def _reps(v: Validator, value: Any, prefix: str) -> tuple[int, int]:
    key = prefix + "reps"
    if type(value) is int:
        if not 1 <= value <= MAX_REPS:
            reason = _("must be between {minimum} and {maximum}, not {value}")
            v.fail(key, reason.format(minimum=1, maximum=MAX_REPS, value=value))
            return DEFAULT_REPS, DEFAULT_REPS
        return value, value
    if isinstance(value, str):
        match = _REPS_RE.match(value)
        if match:
            low, high = int(match.group(1)), int(match.group(2))
            if not 1 <= low <= high <= MAX_REPS:
                reason = _("range {value} must go from low to high within 1-{maximum}")
                v.fail(key, reason.format(value=repr(value), maximum=MAX_REPS))
                return DEFAULT_REPS, DEFAULT_REPS
            return low, high
        if value.strip().isdecimal():
            return _reps(v, int(value.strip()), prefix)
    v.fail(
        key, _('must be a number or a range like "10-15", not {value}').format(value=repr(value))
    )
    return DEFAULT_REPS, DEFAULT_REPS


def _tempo(v: Validator, value: Any, prefix: str) -> Tempo:
    key = prefix + "tempo"
    if not isinstance(value, dict):
        v.fail(key, _("must be a table like {example}").format(example=TEMPO_EXAMPLE))
        value = {}
    v.unknown_keys(value, frozenset(_TEMPO_KEYS), key + ".")
    lift = v.seconds(value, "lift", 1.0, minimum=0.1, maximum=MAX_MOVE, prefix=key + ".")
    hold = v.seconds(value, "hold", 0.0, minimum=0.0, maximum=MAX_HOLD, prefix=key + ".")
    lower = v.seconds(value, "lower", 1.0, minimum=0.1, maximum=MAX_MOVE, prefix=key + ".")
    pause = v.seconds(value, "pause", 0.0, minimum=0.0, maximum=MAX_PAUSE, prefix=key + ".")
    return Tempo(lift=lift, hold=hold, lower=lower, pause=pause)


def _load(v: Validator, value: Any, prefix: str) -> Load:
    key = prefix + "load"
    problem = _load_problem(value)
    if problem is not None:
        v.fail(key, problem)
        return Load()
    text = " ".join(str(value).split())
    if text[0].isdigit():
        match = _LOAD_RE.match(text)
        assert match is not None  # _load_problem checked it
        return Load(f"{format_number(float(match.group(1)))} {match.group(2).lower()}")
    return Load(text)


def _load_problem(value: Any) -> str | None:
    if not isinstance(value, str):
        return _('must be text like "bodyweight" or "40 kg", not {value}').format(value=repr(value))
    unsafe = control_problem(value)
    if unsafe is not None:
        return unsafe
    text = " ".join(value.split())
    if not text:
        return _('must not be empty (use "bodyweight")')
    if len(text) > MAX_LOAD_TEXT:
        return _("at most {limit} characters").format(limit=MAX_LOAD_TEXT)
    if _SIGNED_NUMBER_RE.match(text):  # "-40 kg", "+5 lb", ".5 kg": a number, badly written
        reason = _('write a load like "40 kg" (a positive number and kg or lb), not {value}')
        return reason.format(value=repr(value))
    if text[0].isdigit():
        match = _LOAD_RE.match(text)
        if not match:
            reason = _('write a number and a unit, kg or lb (e.g. "40 kg"), not {value}')
            return reason.format(value=repr(value))
        amount = float(match.group(1))
        if amount > 1000:
            return _("{amount} is not a sane load").format(amount=f"{amount:g}")
    return None


# ---------------------------------------------------------------- saving


def protocol_to_dict(protocol: Protocol) -> dict[str, Any]:
    data: dict[str, Any] = {"format": FORMAT_VERSION, "name": protocol.name}
    if protocol.description:
        data["description"] = protocol.description
    data["schedule"] = protocol.schedule
    data["lead_in"] = _num(protocol.lead_in)
    if protocol.program_weeks is not None:
        data["program_weeks"] = protocol.program_weeks
    data["block"] = [_block_to_dict(block) for block in protocol.blocks]
    return data


def _block_to_dict(block: Block) -> dict[str, Any]:
    reps: int | str = (
        block.reps_min if block.reps_min == block.reps_max else f"{block.reps_min}-{block.reps_max}"
    )
    data: dict[str, Any] = {"exercise": block.exercise, "sets": block.sets, "reps": reps}
    if block.target != block.reps_max:
        data["target"] = block.target
    data["tempo"] = {
        "lift": _num(block.tempo.lift),
        "hold": _num(block.tempo.hold),
        "lower": _num(block.tempo.lower),
        "pause": _num(block.tempo.pause),
    }
    data["rest"] = _num(block.rest)
    data["per_side"] = block.per_side
    if block.switch != DEFAULT_SWITCH:
        data["switch"] = _num(block.switch)
    data["load"] = block.load.text
    data["rest_after"] = _num(block.rest_after)
    return data


def _num(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def dump_protocol(protocol: Protocol) -> str:
    return tomli_w.dumps(protocol_to_dict(protocol), multiline_strings=False)


def save_protocol(protocol: Protocol, path: Path) -> None:
    """Write atomically: the old file stays whole if anything fails."""
    atomic_write_text(path, dump_protocol(protocol))


def slugify(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug[:60] or "protocol"
