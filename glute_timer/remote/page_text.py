"""The phone remote's page in the user's language.

The page cannot translate itself (its content security policy allows no inline script,
and the server sends no texts of its own in the state, which keeps the API as it is), so
its fixed words are put in the language when the server loads the page and its script:
each English text of ``index.html`` (between tags, or an ``aria-label``) and each English
string literal of ``remote.js`` is replaced by its translation (``core.i18n``). English is
served byte for byte as written. The state's own texts (the phase, the exercise, what
comes next) are already in the language: the display made them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from glute_timer.core import i18n
from glute_timer.core.i18n import _


def page_texts() -> dict[str, str]:
    """The page's fixed words (``index.html``), English -> the active language."""
    return {
        "Glute Timer remote": _("Glute Timer remote"),
        "Connecting…": _("Connecting…"),
        "Now": _("Now"),
        "Get ready": _("Get ready"),
        "Seconds left": _("Seconds left"),
        "Rep": _("Rep"),
        "Set": _("Set"),
        "Controls": _("Controls"),
        "Rest 15 seconds shorter": _("Rest 15 seconds shorter"),
        "Rest 15 seconds longer": _("Rest 15 seconds longer"),
        "Finish set": _("Finish set"),
        "Back": _("Back"),
        "Skip": _("Skip"),
        "Pause": _("Pause"),
        "Stop workout": _("Stop workout"),
    }


def script_texts() -> dict[str, str]:
    """The script's string literals (``remote.js``), English -> the active language."""
    return {
        "range ": _("range "),
        "Next: ": _("Next: "),
        "Paused": _("Paused"),
        "Workout complete": _("Workout complete"),
        "Workout stopped": _("Workout stopped"),
        "Not started": _("Not started"),
        "Glute Timer remote": _("Glute Timer remote"),
        "Pause": _("Pause"),
        "Resume": _("Resume"),
        "Ended": _("Ended"),
        "Not valid": _("Not valid"),
        "Reconnecting…": _("Reconnecting…"),
        "Live": _("Live"),
        "The workout has ended. For the next one, scan its new code in the app.": _(
            "The workout has ended. For the next one, scan its new code in the app."
        ),
        "This link is no longer valid. Scan the code the app shows for this workout.": _(
            "This link is no longer valid. Scan the code the app shows for this workout."
        ),
        "Connection lost. Reconnecting…": _("Connection lost. Reconnecting…"),
        "Stop the workout? The sets done so far are kept.": _(
            "Stop the workout? The sets done so far are kept."
        ),
        "That did not reach the workout. Try again.": _(
            "That did not reach the workout. Try again."
        ),
    }


SIDE_EXPRESSION = 's.side.charAt(0).toUpperCase() + s.side.slice(1) + " side"'
LOAD_EXPRESSION = '" · " + s.load'


def _script_expressions() -> dict[str, str]:
    """Expressions of the script that build a text, and the language's way of them."""
    sides = json.dumps(
        {"left": i18n.pgettext("cue", "Left side"), "right": i18n.pgettext("cue", "Right side")},
        ensure_ascii=False,
    )
    load = LOAD_EXPRESSION
    decimal = i18n.formats().decimal
    if decimal != ".":
        load = f'{LOAD_EXPRESSION}.replace(/(\\d)\\.(\\d)/g, "$1{decimal}$2")'
    return {SIDE_EXPRESSION: f"({sides}[s.side] || s.side)", LOAD_EXPRESSION: load}


def translate_page(html: str) -> str:
    code = i18n.current()
    html = html.replace('<html lang="en">', f'<html lang="{code}">', 1)
    for english, text in page_texts().items():
        escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace('"', "&quot;")
        html = html.replace(f">{english}<", f">{escaped}<")
        html = html.replace(f'aria-label="{english}"', f'aria-label="{escaped}"')
    return html


def translate_script(script: str) -> str:
    for expression, localised in _script_expressions().items():
        script = script.replace(expression, localised)
    for english, text in script_texts().items():
        script = script.replace(
            json.dumps(english, ensure_ascii=False), json.dumps(text, ensure_ascii=False)
        )
    return script


def translated_assets(assets: Mapping[str, Any]) -> dict[str, Any]:
    """``assets`` (name -> an object with ``body`` bytes) with the page and its script in
    the active language; as they are in English."""
    result = dict(assets)
    if i18n.current() == i18n.SOURCE_LANGUAGE:
        return result
    for name, translate in (("index.html", translate_page), ("remote.js", translate_script)):
        asset = result.get(name)
        if asset is not None:
            body = translate(asset.body.decode("utf-8")).encode("utf-8")
            result[name] = replace(asset, body=body)
    return result
