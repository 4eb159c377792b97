"""Pictures of the phone remote: the window with its QR code, and the page on a phone.

    python tools/remote_screenshots.py [--out docs/screenshots]

- ``remote-qr.png``: the window (offscreen) in a hold, the remote's QR code over the workout
  screen's lower right corner.
- ``remote-phone.png`` and ``remote-phone-dark.png``: the page in headless Chromium at a
  phone's size (412 × 915), in a set (light) and in a rest (dark, with -15 s / +15 s).

A fake clock and a throwaway data folder; the remote listens on 127.0.0.1 only. Needs
Debian's chromium and chromium-driver for the phone pictures.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "remote"))

from PySide6.QtWidgets import QApplication  # noqa: E402

from glute_timer.context import AppContext  # noqa: E402
from glute_timer.core.clock import FakeClock  # noqa: E402
from glute_timer.core.library import load_presets  # noqa: E402
from glute_timer.core.settings import Settings  # noqa: E402
from glute_timer.gui.app import make_application  # noqa: E402
from glute_timer.gui.keep_awake import ScreenAwake  # noqa: E402
from glute_timer.gui.main_window import MainWindow  # noqa: E402


def window_picture(out: Path, base: Path) -> Path:
    app = make_application()
    context = AppContext.create(base / "window")
    context.settings = Settings(theme="light")
    clock = FakeClock()
    window = MainWindow(
        context,
        clock=clock,
        wall_clock=clock.wall,
        audio=None,
        screen_awake=ScreenAwake(platform="test"),
        load_voices=False,
    )
    window.resize(1280, 800)
    window.show()
    for _ in range(5):
        app.processEvents()
    window.hands_free.use_remote("127.0.0.1:0")
    protocol = next(e.protocol for e in load_presets() if e.id == "hip-thrust-strength")
    assert protocol is not None
    window.start_workout(protocol, "hip-thrust-strength")
    assert window.driver is not None
    for _ in range(int((5 + 5 * 5 + 2.5) / 0.5)):  # rep 6's hold
        clock.advance(0.5)
        window.driver.poll()
    for _ in range(5):
        app.processEvents()
    path = out / "remote-qr.png"
    window.grab().save(str(path))
    window.confirm = lambda *args: True  # type: ignore[method-assign]
    window.close()
    QApplication.processEvents()
    return path


def phone_pictures(out: Path, base: Path) -> list[Path]:
    from remote_helpers import Served, color_scheme, open_browser, pump_until

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not chromium or not driver_path:
        print("no chromium and chromedriver: no phone pictures", file=sys.stderr)
        return []
    driver = open_browser(chromium, driver_path, base / "profile")
    paths = []
    try:
        for name, scheme, where in (
            ("remote-phone.png", "light", "set"),
            ("remote-phone-dark.png", "dark", "rest"),
        ):
            served = Served(base / name)
            try:
                served.workout.start()
                if where == "set":
                    served.advance(3 + 4 * 1 + 1.4)  # rep 2's hold
                else:
                    served.until_phase("rest")
                    served.advance(12.4)
                color_scheme(driver, scheme)
                driver.get(served.url("/"))
                pump_until(served, lambda: driver.find_element("id", "link-text").text == "Live")
                time.sleep(0.3)
                path = out / name
                driver.save_screenshot(str(path))
                paths.append(path)
            finally:
                served.close()
    finally:
        driver.quit()
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        written = [window_picture(args.out, base), *phone_pictures(args.out, base)]
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
