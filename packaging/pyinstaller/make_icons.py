"""Regenerate glute-timer.ico (Windows) and glute-timer.icns (macOS) from the hicolor PNGs.

    build/pyinstaller-venv/bin/python packaging/pyinstaller/make_icons.py

Needs Pillow (the build venv has it). The outputs are committed, so a Windows or macOS
build does not need to run this; run it again only when resources/icons changes.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image

HERE = Path(__file__).resolve().parent
HICOLOR = HERE.parents[1] / "resources" / "icons" / "hicolor"
APP_ID = "io.github.glutetimer.GluteTimer"


def png(size: int) -> Image.Image:
    return Image.open(HICOLOR / f"{size}x{size}" / "apps" / f"{APP_ID}.png").convert("RGBA")


def main() -> None:
    ico_sizes = [16, 24, 32, 48, 64, 128, 256]
    images = [png(s) for s in ico_sizes]
    # Pillow writes one entry per requested size, taking the exact-size image where given.
    images[-1].save(
        HERE / "glute-timer.ico",
        format="ICO",
        sizes=[(s, s) for s in ico_sizes],
        append_images=images[:-1],
    )
    big = png(512)
    big.save(
        HERE / "glute-timer.icns",
        format="ICNS",
        append_images=[png(s) for s in (16, 32, 64, 128, 256)],
    )
    for name in ("glute-timer.ico", "glute-timer.icns"):
        print(f"{name}: {(HERE / name).stat().st_size} bytes")


if __name__ == "__main__":
    main()
