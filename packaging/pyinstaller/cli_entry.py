"""PyInstaller entry of ``glute-timer`` (console): the whole command line; the window when
no subcommand is given."""

import sys

from glute_timer_frozen import main

sys.exit(main(gui=False))
