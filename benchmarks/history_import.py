"""Importing a history is linear in its size: the time per 1,000 workouts at several sizes.

    .venv/bin/python benchmarks/history_import.py [--workouts 50000] [--sizes 5000,10000,...]

Generates a history of 50,000 workouts (10-12 sets each, three a day from 1980 on), writes
it as a JSON and a CSV export, then imports the first N workouts of each (read, check,
save: what ``glute-timer history --import`` does) into a fresh database at every size,
and prints the time per 1,000 workouts side by side. Linear means the same time per
1,000 at every size: the last column is the largest size's time per 1,000 over the
smallest's (target <= 1.5; an import that costs the square of its size would show the
ratio of the sizes, 10 here).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from glute_timer.core.history_export import write_csv, write_json
from glute_timer.core.history_model import StoredSet, Workout, new_uid
from glute_timer.core.history_store import HistoryStore, import_file
from glute_timer.core.library import resolve_protocol
from glute_timer.core.protocol import dump_protocol

TARGET_RATIO = 1.5


def generate(count: int, seed: int = 11) -> list[Workout]:
    rng = random.Random(seed)
    protocol_id, protocol = resolve_protocol("hip-thrust-strength")
    toml = dump_protocol(protocol)
    first = datetime(1980, 1, 1, 7)
    workouts = []
    for number in range(count):
        begin = round((first + timedelta(hours=8 * number)).timestamp() * 1000)
        sets = []
        for position in range(rng.randint(10, 12)):
            at = begin + position * 120_000
            block = 1 + position // 4
            sets.append(
                StoredSet(
                    position=position,
                    block=block,
                    set=position % 4 + 1,
                    side=None,
                    exercise="barbell-hip-thrust" if block == 1 else "glute-bridge",
                    exercise_name="Barbell hip thrust" if block == 1 else "Glute bridge",
                    target=15,
                    reps_min=10,
                    reps_max=15,
                    reps_done=rng.randint(10, 15),
                    hold_s=3.0,
                    load="40 kg" if block == 1 else "bodyweight",
                    started_ms=at,
                    ended_ms=at + 75_000,
                )
            )
        workouts.append(
            Workout(
                uid=new_uid(),
                protocol_id=protocol_id,
                protocol_name=protocol.name,
                schedule=protocol.schedule,
                program_weeks=protocol.program_weeks,
                protocol_toml=toml,
                started_ms=begin,
                ended_ms=begin + len(sets) * 120_000,
                status="completed",
                note="felt strong" if rng.random() < 0.1 else "",
                sets=tuple(sets),
            )
        )
    return workouts


def timed_import(folder: Path, export: Path) -> float:
    """Seconds to import ``export`` into a new history in ``folder``."""
    store = HistoryStore(folder / "history.sqlite3")
    started = time.perf_counter()
    result = import_file(store, export)
    seconds = time.perf_counter() - started
    assert result.sets_added > 0
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workouts", type=int, default=50_000)
    parser.add_argument("--sizes", default="5000,10000,25000,50000")
    args = parser.parse_args()
    sizes = sorted(int(size) for size in args.sizes.split(","))
    if sizes[-1] > args.workouts:
        parser.error("the largest size is more than --workouts")
    started = time.perf_counter()
    workouts = generate(args.workouts)
    sets = sum(len(w.sets) for w in workouts)
    print(
        f"{len(workouts):,} workouts, {sets:,} sets generated in "
        f"{time.perf_counter() - started:.1f} s"
    )
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        files: dict[tuple[str, int], Path] = {}
        for size in sizes:
            for kind in ("json", "csv"):
                path = root / f"export-{size}.{kind}"
                with open(path, "w", encoding="utf-8", newline="") as out:
                    (write_json if kind == "json" else write_csv)(workouts[:size], out)
                files[(kind, size)] = path
        largest = files[("json", sizes[-1])].stat().st_size / 1e6
        print(f"exports written; the largest JSON is {largest:.1f} MB\n")
        print(f"{'workouts':>9}  {'JSON s':>8}  {'per 1k':>8}  {'CSV s':>8}  {'per 1k':>8}")
        per_1k: dict[str, list[float]] = {"json": [], "csv": []}
        for size in sizes:
            row = [f"{size:>9,}"]
            for kind in ("json", "csv"):
                folder = root / f"db-{kind}-{size}"
                seconds = timed_import(folder, files[(kind, size)])
                per_1k[kind].append(seconds / size * 1000)
                row.append(f"{seconds:8.2f}  {per_1k[kind][-1]:8.3f}")
            print("  ".join(row))
        print()
        ok = True
        for kind in ("json", "csv"):
            ratio = per_1k[kind][-1] / per_1k[kind][0]
            verdict = "ok (linear)" if ratio <= TARGET_RATIO else "MISSED"
            ok = ok and ratio <= TARGET_RATIO
            print(
                f"{kind.upper():>4}: per 1k at {sizes[-1]:,} / per 1k at {sizes[0]:,} = "
                f"{ratio:.2f}  target <= {TARGET_RATIO}: {verdict}"
            )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
