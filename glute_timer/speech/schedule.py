"""What is heard when: the rules that turn session events into speech and sounds.

Pure logic with an injected clock and an injected speaker, so every rule is tested with a
fake speaker and a fake clock. :mod:`glute_timer.speech.player` wakes the conductor at
:meth:`Conductor.next_wakeup` and hands what it decides to the audio engine, which starts
each clip on the sample that is heard at the requested moment.

The rules, in the order they apply:

1. **One instant, one utterance.** Cues of the plan that share one ``at`` (a set's title
   and "1, Lift") are joined into one utterance, spoken as one phrase.
2. **Fit before the next beat.** A joined utterance is spoken whole only if it ends
   ``FIT_MARGIN`` before the next utterance that carries a BEAT cue (its length is known from
   the rendered WAV, or estimated from the words and the rate). Otherwise only its
   highest-priority part is spoken ("1, Lift", not the title): the rep beat is what the
   user follows, and the title was announced during the rest ("Next: ...") and is on screen.
   A beat that still does not fit ("17, Lift" in a one-second lift, or its translation) is
   spoken without its rep number ("Lift"), which the screen shows.
3. **Sent ahead, heard on time.** Each utterance is handed to the engine ``LEAD`` seconds
   before its due time, with that due time; the engine starts it there. The session's own
   ``CueDue`` then finds it already handled. Cues reached by a jump (skip, back) play at
   once. A pause or a jump cancels what was sent ahead and has not sounded yet.
4. **Stale cues are dropped.** An utterance more than ``STALE_AFTER`` after its due time is
   never played late; the next one will be on time.
5. **Interrupts.** An utterance of equal or higher priority cuts off the one speaking at its
   own start (a countdown digit cuts off the digit before, "Lower" cuts off a long
   announcement). A lower-priority one is queued after the one speaking, if it can still
   start within ``STALE_AFTER`` of its due time; otherwise it is dropped.
6. **Not ready yet.** A phrase that is not rendered by its due time is spoken live if it
   can be. An announcement (the first "Get ready" of a run whose voice is still being
   prepared) may wait for its clip until the next utterance is due, at most
   ``INFO_GRACE``; a beat never waits.
7. **Sounds** are short tones mixed with speech; they follow rules 3 and 4 only.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from glute_timer.core.plan import Cue, Plan, Priority
from glute_timer.core.session import (
    CueDue,
    Event,
    State,
    StateChanged,
    StepStarted,
)

log = logging.getLogger(__name__)

LEAD = 0.25
"""Seconds before its due time that an utterance is handed to the audio engine.

The engine needs it before it renders the block that holds the utterance's first sample:
its stream keeps ~0.1 s queued, plus one block (~23 ms) and the message's way there."""

STALE_AFTER = 0.3
"""A cue this many seconds past its due time is dropped, never played late."""

INFO_GRACE = 3.0
"""Seconds an announcement whose phrase is not rendered yet may wait for it."""

RETRY = 0.05
"""Seconds between two looks for a phrase that an announcement waits for."""

FIT_MARGIN = 0.1
"""A joined utterance must end this long before the next beat to be spoken whole."""

SOUND_NAMES = ("lift", "hold", "lower", "rest_end", "set_done", "workout_done")
"""The tones in ``resources/sounds/<name>.wav``."""


# ---------------------------------------------------------------- phrases


def spoken_text(cue: Cue, speak_rep_numbers: bool = True) -> str:
    """The words for one cue: "3, Lift" becomes "Lift" when rep numbers are not spoken."""
    if not speak_rep_numbers and cue.rep is not None:
        prefix = f"{cue.rep}, "
        if cue.text.startswith(prefix):
            return cue.text[len(prefix) :]
    return cue.text


def join_phrases(parts: Sequence[str]) -> str:
    """Join parts into one sentence-separated phrase: "Glute bridge. Set 1 of 2. 1, Lift"."""
    out = ""
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if out:
            out += " " if out[-1] in ".!?" else ". "
        out += part
    return out


def estimate_duration(text: str, rate: int) -> float:
    """A rough length of ``text`` spoken at ``rate`` words a minute, for unrendered text.

    Digits and sentence breaks count: espeak pauses at each full stop."""
    words = len(re.findall(r"\w+", text))
    pauses = text.count(".") + text.count(",")
    return max(0.3, words * 60.0 / max(rate, 1) + pauses * 0.15)


@dataclass(frozen=True)
class Utterance:
    """The cues of one instant, as heard."""

    index: int
    at: float  # plan offset
    first_cue: int  # index into plan.cues
    cues: tuple[Cue, ...]
    parts: tuple[str, ...]  # spoken texts, in plan order
    priorities: tuple[Priority, ...]
    sound: str | None
    next_beat_at: float | None  # plan offset of the next utterance with a BEAT cue

    @property
    def priority(self) -> Priority:
        return max(self.priorities)

    @property
    def full_text(self) -> str:
        return join_phrases(self.parts)

    @property
    def beat_text(self) -> str:
        """Only the most important parts: what is kept when the whole does not fit."""
        top = self.priority
        return join_phrases(
            [p for p, pr in zip(self.parts, self.priorities, strict=True) if pr == top]
        )

    @property
    def bare_text(self) -> str:
        """The beat part without its rep number ("Lift" for "14, Lift"): what is kept when
        even the beat part would run into the next beat (the number is on screen)."""
        top = self.priority
        return join_phrases(
            [
                spoken_text(cue, speak_rep_numbers=False) if pr == top else ""
                for cue, pr in zip(self.cues, self.priorities, strict=True)
            ]
        )

    def texts(self) -> list[str]:
        """Every text this utterance may speak: the whole, and its shorter forms."""
        return list(dict.fromkeys((self.full_text, self.beat_text, self.bare_text)))

    def choose_text(self, duration_of: Callable[[str], float]) -> str:
        """Rule 2: the whole phrase if it ends before the next beat, else the beat part if
        that does, else the beat part without the rep number."""
        full, beat, bare = self.full_text, self.beat_text, self.bare_text
        if self.next_beat_at is None or full == beat == bare:
            return full
        if self._fits(full, duration_of):
            return full
        if beat == bare or self._fits(beat, duration_of):
            return beat
        return bare

    def _fits(self, text: str, duration_of: Callable[[str], float]) -> bool:
        assert self.next_beat_at is not None
        return self.at + duration_of(text) <= self.next_beat_at - FIT_MARGIN


def build_utterances(plan: Plan, speak_rep_numbers: bool = True) -> tuple[Utterance, ...]:
    """Group the plan's cues by instant, with the tone each instant plays."""
    groups: list[list[int]] = []
    for i, cue in enumerate(plan.cues):
        if groups and abs(plan.cues[groups[-1][0]].at - cue.at) < 1e-6:
            groups[-1].append(i)
        else:
            groups.append([i])
    beats = [
        plan.cues[g[0]].at for g in groups if any(plan.cues[i].priority is Priority.BEAT for i in g)
    ]
    result = []
    beat_pos = 0
    for index, group in enumerate(groups):
        cues = tuple(plan.cues[i] for i in group)
        at = cues[0].at
        while beat_pos < len(beats) and beats[beat_pos] <= at + 1e-6:
            beat_pos += 1
        result.append(
            Utterance(
                index=index,
                at=at,
                first_cue=group[0],
                cues=cues,
                parts=tuple(spoken_text(c, speak_rep_numbers) for c in cues),
                priorities=tuple(c.priority for c in cues),
                sound=_sound_for(plan, cues),
                next_beat_at=beats[beat_pos] if beat_pos < len(beats) else None,
            )
        )
    return tuple(result)


_WAITS = ("lead-in", "rest", "switch")


def _sound_for(plan: Plan, cues: Sequence[Cue]) -> str | None:
    phases = {c.phase for c in cues}
    if "done" in phases:
        return "workout_done"
    first = cues[0]
    step = plan.steps[first.step]
    if step.phase in ("rest", "switch") and abs(first.at - step.start) < 1e-6 and step.index > 0:
        before = plan.steps[step.index - 1]
        if before.span is not None:
            return "set_done"
    for cue in cues:
        if cue.priority is not Priority.BEAT:
            continue
        if cue.phase == "lift":
            prior = cue.step - 1
            if cue.rep == 1 and prior >= 0 and plan.steps[prior].phase in _WAITS:
                return "rest_end"
            return "lift"
        if cue.phase == "hold" and cue.at == plan.steps[cue.step].start:
            return "hold"
        if cue.phase == "lower":
            return "lower"
    return None


@dataclass(frozen=True)
class Overrun:
    """An utterance that would still be speaking when the next beat cue is due."""

    utterance: Utterance
    text: str  # what rule 2 would speak
    seconds: float  # how long it lasts
    over: float  # how far past the next beat it would end


def overruns(
    plan: Plan, duration_of: Callable[[str], float], speak_rep_numbers: bool = True
) -> list[Overrun]:
    """The utterances of ``plan`` that run into the next beat even after rule 2 shortened
    them, with the lengths ``duration_of`` gives (rendered WAVs, in any language)."""
    found = []
    for utterance in build_utterances(plan, speak_rep_numbers):
        if utterance.next_beat_at is None:
            continue
        text = utterance.choose_text(duration_of)
        seconds = duration_of(text)
        over = utterance.at + seconds - utterance.next_beat_at
        if over > 0:
            found.append(Overrun(utterance, text, seconds, over))
    return found


def phrases_for(plan: Plan, speak_rep_numbers: bool = True) -> list[str]:
    """Every distinct text a plan may speak with these settings, in first-use order."""
    seen: dict[str, None] = {}
    for utterance in build_utterances(plan, speak_rep_numbers):
        for text in utterance.texts():
            seen.setdefault(text, None)
    return list(seen)


# ---------------------------------------------------------------- the conductor


class Voice(Protocol):
    """Speaks text at a chosen moment. Implemented by the player and by fakes in tests."""

    def duration(self, text: str) -> float | None:
        """The length of ``text`` if it can be started at a chosen moment (it is
        rendered), else None."""

    def speak(self, text: str, at: float) -> bool:
        """Start ``text`` when the clock reads ``at`` (now or later); False if it cannot."""

    def speak_now(self, text: str) -> bool:
        """Say ``text``, which is not rendered, as soon as possible; False if it cannot."""

    def stop(self, at: float | None = None) -> None:
        """Silence the voice from ``at`` (None: now) and drop what was to start after."""


class Sounds(Protocol):
    def play(self, name: str, at: float) -> None: ...

    def stop(self) -> None: ...


@dataclass
class Outcome:
    """What happened to one utterance: for tests, logs and the benchmark."""

    utterance: Utterance
    due: float
    at: float  # clock reading when decided
    action: str  # "spoken", "spoken-live", "dropped-stale", "dropped-busy", "silent", "skipped"
    text: str | None = None
    start: float | None = None  # the clock reading it was to start at (spoken)


@dataclass
class _Speaking:
    priority: Priority
    start: float
    ends_at: float


@dataclass
class _Waiting:
    utterance: Utterance
    due: float
    text: str
    retry_at: float
    give_up_at: float


@dataclass
class Conductor:
    """Applies the rules above to the events of one session."""

    voice: Voice
    sounds: Sounds
    rate: int = 175
    voice_enabled: bool = True
    sounds_enabled: bool = True
    speak_rep_numbers: bool = True
    lead: float = LEAD
    on_outcome: Callable[[Outcome], None] | None = None
    muted: bool = False
    utterances: tuple[Utterance, ...] = ()
    _by_cue: dict[int, int] = field(default_factory=dict)
    _cue_index: dict[Cue, int] = field(default_factory=dict)
    _origin: float | None = None
    _paused_at: float | None = None
    _running: bool = False
    _next: int = 0
    _speaking: _Speaking | None = None
    _waiting: _Waiting | None = None

    def load(self, plan: Plan) -> None:
        self.utterances = build_utterances(plan, self.speak_rep_numbers)
        self._cue_index = {cue: i for i, cue in enumerate(plan.cues)}
        self._by_cue = {}
        for u in self.utterances:
            for offset in range(len(u.cues)):
                self._by_cue[u.first_cue + offset] = u.index
        self._origin = None
        self._running = False
        self._next = 0
        self._speaking = None
        self._waiting = None

    # -------------------------------------------------------- events

    def handle(self, event: Event, now: float) -> None:
        if isinstance(event, StateChanged):
            if event.state is State.RUNNING:
                if self._paused_at is not None and self._origin is not None:
                    self._origin += event.at - self._paused_at
                self._paused_at = None
                self._running = True
            else:
                self._running = False
                self._waiting = None
                if event.state is State.PAUSED:
                    self._paused_at = event.at
                    self._rewind(event.at)
                if event.state in (State.PAUSED, State.STOPPED):
                    self._silence()
        elif isinstance(event, StepStarted):
            origin = event.due - event.step.start
            if self._origin is None or abs(origin - self._origin) > 1e-6:
                jumped = self._origin is not None
                # A start or a jump (skip, back): continue from the step's first cue.
                self._origin = origin
                self._next = self._first_from(event.step.start)
                self._waiting = None
                if jumped:
                    self._silence()  # what was sent ahead belongs to the old position
        elif isinstance(event, CueDue):
            index = self._cue_index.get(event.cue)
            if index is None:
                return
            self._origin = event.due - event.cue.at
            u_index = self._by_cue[index]
            if u_index < self._next:
                return  # sent ahead (rule 3), or a later part of one already played
            for skipped in self.utterances[self._next : u_index]:
                self._report(Outcome(skipped, self._origin + skipped.at, now, "skipped"))
            self._next = u_index + 1
            utterance = self.utterances[u_index]
            self._fire(utterance, self._origin + utterance.at, now)
        self.poll(now)

    def poll(self, now: float) -> None:
        """Hand over everything whose time (less the lead) has come."""
        waiting = self._waiting
        if waiting is not None and now >= waiting.retry_at:
            self._waiting = None
            self._speak(waiting.utterance, waiting.due, now, waiting.text, waiting.give_up_at)
        if not self._running or self._origin is None:
            return
        while self._next < len(self.utterances):
            utterance = self.utterances[self._next]
            due = self._origin + utterance.at
            if due - self.lead > now + 1e-9:
                break
            self._next += 1
            self._fire(utterance, due, now)

    def next_wakeup(self) -> float | None:
        """The clock reading at which :meth:`poll` has something to do."""
        times = []
        if self._waiting is not None:
            times.append(self._waiting.retry_at)
        if self._running and self._origin is not None and self._next < len(self.utterances):
            times.append(self._origin + self.utterances[self._next].at - self.lead)
        return min(times) if times else None

    def busy(self, now: float) -> bool:
        """Whether something is still being spoken (or waits to be) at ``now``."""
        if self._waiting is not None:
            return True
        return self._speaking is not None and now < self._speaking.ends_at

    def set_muted(self, muted: bool) -> None:
        self.muted = muted
        if muted:
            self._waiting = None
            self._silence()

    # -------------------------------------------------------- rules

    def _first_from(self, offset: float) -> int:
        for u in self.utterances:
            if u.at >= offset - 1e-9:
                return u.index
        return len(self.utterances)

    def _rewind(self, paused_at: float) -> None:
        """Utterances sent ahead that had not started by the pause are sent again after it."""
        if self._origin is None:
            return
        self._next = min(self._next, self._first_from(paused_at - self._origin + 1e-6))

    def _fire(self, utterance: Utterance, due: float, now: float) -> None:
        if now - due > STALE_AFTER:
            self._report(Outcome(utterance, due, now, "dropped-stale"))
            return
        if self.muted:
            self._report(Outcome(utterance, due, now, "silent"))
            return
        if self.sounds_enabled and utterance.sound:
            self.sounds.play(utterance.sound, max(due, now))
        if not self.voice_enabled:
            self._report(Outcome(utterance, due, now, "silent"))
            return
        text = utterance.choose_text(self._duration)
        give_up = due
        if utterance.priority is Priority.INFO:
            # An announcement may wait for its phrase, but never past the next utterance.
            give_up = due + INFO_GRACE
            following = utterance.index + 1
            if following < len(self.utterances) and self._origin is not None:
                give_up = min(give_up, self._origin + self.utterances[following].at)
        self._speak(utterance, due, now, text, give_up)

    def _speak(
        self, utterance: Utterance, due: float, now: float, text: str, give_up_at: float
    ) -> None:
        length = self.voice.duration(text)
        if length is None:
            self._not_ready(utterance, due, now, text, give_up_at)
            return
        start = max(due, now)
        current = self._speaking
        if current is not None and start < current.ends_at and current.start < start + length:
            if utterance.priority < current.priority:
                if current.ends_at - due > STALE_AFTER:
                    self._report(Outcome(utterance, due, now, "dropped-busy", text))
                    return
                start = current.ends_at  # right after the more important one
            else:
                self.voice.stop(start)  # cut off at this one's first sample
        if self.voice.speak(text, start):
            self._speaking = _Speaking(utterance.priority, start, start + length)
            self._report(Outcome(utterance, due, now, "spoken", text, start))
        else:
            self._report(Outcome(utterance, due, now, "silent", text))

    def _not_ready(
        self, utterance: Utterance, due: float, now: float, text: str, give_up_at: float
    ) -> None:
        """Rule 6: the phrase is not rendered (yet)."""
        if now < due - 1e-9:
            # Sent ahead: it may be rendered by its due time.
            self._waiting = _Waiting(utterance, due, text, due, give_up_at)
            return
        if self.voice.speak_now(text):
            length = estimate_duration(text, self.rate)
            self._speaking = _Speaking(utterance.priority, now, now + length)
            self._report(Outcome(utterance, due, now, "spoken-live", text, now))
            return
        if now + RETRY <= give_up_at:
            self._waiting = _Waiting(utterance, due, text, now + RETRY, give_up_at)
            return
        self._report(Outcome(utterance, due, now, "silent", text))

    def _duration(self, text: str) -> float:
        known = self.voice.duration(text)
        return known if known is not None else estimate_duration(text, self.rate)

    def _silence(self) -> None:
        self.voice.stop()
        self.sounds.stop()
        self._speaking = None

    def _report(self, outcome: Outcome) -> None:
        if outcome.action.startswith("dropped"):
            log.info("cue %r %s", outcome.utterance.full_text, outcome.action)
        if self.on_outcome is not None:
            self.on_outcome(outcome)
