"""Write the cue tones to resources/sounds/ (run after changing glute_timer/speech/tones.py).

.venv/bin/python tools/make_sounds.py [OUTPUT_DIR]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from glute_timer.speech.tones import write_all  # noqa: E402


def main(argv: list[str]) -> int:
    target = Path(argv[1]) if len(argv) > 1 else ROOT / "resources" / "sounds"
    for path in write_all(target):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
