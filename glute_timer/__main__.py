import sys

from glute_timer.cli import main

sys.exit(main())
