import sys

from glute_timer.launcher import main

sys.exit(main())
