"""PyInstaller entry of ``glute-timer-gui`` (windowed, Windows and macOS): always the window."""

import sys

from glute_timer_frozen import main

sys.exit(main(gui=True))
