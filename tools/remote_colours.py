#!/usr/bin/env python3
"""Writes the phone remote's colours (resources/remote/remote.css, between its markers)
from the window's theme: the same Okabe-Ito phase colours, made readable the same way on
the light and the dark background. tests/remote checks the file agrees with the theme.

    .venv/bin/python tools/remote_colours.py          # print the block
    .venv/bin/python tools/remote_colours.py --write  # put it into remote.css
"""

from __future__ import annotations

import sys
from pathlib import Path

from glute_timer.gui.theme import DARK, LIGHT, PHASE_BASE, Theme

CSS = Path(__file__).resolve().parent.parent / "resources" / "remote" / "remote.css"
BEGIN = "/* colours: from glute_timer/gui/theme.py by tools/remote_colours.py */"
END = "/* end of colours */"


def _theme_block(theme: Theme) -> list[str]:
    lines = [
        f"  --window: {theme.window};",
        f"  --base: {theme.base};",
        f"  --surface: {theme.surface};",
        f"  --text: {theme.text};",
        f"  --muted: {theme.muted};",
        f"  --border: {theme.border};",
        f"  --accent: {theme.accent};",
        f"  --accent-text: {theme.accent_text};",
    ]
    for phase in PHASE_BASE:
        lines.append(f"  --{phase}: {theme.phase_color(phase).name()};")
        lines.append(f"  --{phase}-text: {theme.phase_text_color(phase).name()};")
        lines.append(f"  --{phase}-tint: {theme.phase_tint(phase).name()};")
    return lines


def colour_block() -> str:
    phases = "\n".join(
        f'body[data-phase="{phase}"] {{ --phase: var(--{phase}); '
        f"--phase-text: var(--{phase}-text); --tint: var(--{phase}-tint); }}"
        for phase in PHASE_BASE
    )
    return "\n".join(
        [
            BEGIN,
            ":root {",
            *_theme_block(LIGHT),
            "}",
            "@media (prefers-color-scheme: dark) {",
            ":root {",
            *_theme_block(DARK),
            "}",
            "}",
            phases,
            END,
        ]
    )


def with_colours(css: str) -> str:
    head, _, rest = css.partition(BEGIN)
    _, _, tail = rest.partition(END)
    return head + colour_block() + tail


def main(argv: list[str]) -> int:
    if "--write" in argv:
        CSS.write_text(with_colours(CSS.read_text(encoding="utf-8")), encoding="utf-8")
    else:
        print(colour_block())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
