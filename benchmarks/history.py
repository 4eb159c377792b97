"""Ten years of every-other-day training: how fast the history reads, sums and exports.

    .venv/bin/python benchmarks/history.py [--years 10] [--runs 7] [--keep DIR]

Builds a history of about 1,800 workouts and 20,000 sets (two protocols, 9-13 sets each,
loads creeping up), then prints the median of several runs for: opening the store (with
its integrity check), the History page's data, the stats, and a CSV and a JSON export.
Targets: stats <= 50 ms, view <= 100 ms, CSV export <= 1 s, file < 10 MB.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from glute_timer.core.history_export import write_csv, write_json
from glute_timer.core.history_model import StoredSet, Workout, new_uid
from glute_timer.core.history_store import HistoryStore
from glute_timer.core.history_view import load_view_data
from glute_timer.core.library import resolve_protocol
from glute_timer.core.progress import progress
from glute_timer.core.protocol import dump_protocol


def generate(years: int, seed: int = 7) -> list[Workout]:
    rng = random.Random(seed)
    strength_id, strength = resolve_protocol("hip-thrust-strength")
    toml = dump_protocol(strength)
    start = date.today() - timedelta(days=365 * years)
    workouts = []
    day = start
    load = 30.0
    while day <= date.today():
        begin = round(datetime(day.year, day.month, day.day, 18).timestamp() * 1000)
        sets = []
        for position in range(rng.randint(9, 13)):
            block = 1 + position // 4
            reps = rng.randint(10, 15)
            at = begin + position * 120_000
            sets.append(
                StoredSet(
                    position=position,
                    block=block,
                    set=position % 4 + 1,
                    side=None if block != 3 else ("left" if position % 2 else "right"),
                    exercise=("barbell-hip-thrust", "glute-bridge", "single-leg-glute-bridge")[
                        min(block, 3) - 1
                    ],
                    exercise_name=("Barbell hip thrust", "Glute bridge", "Single-leg bridge")[
                        min(block, 3) - 1
                    ],
                    target=15,
                    reps_min=10,
                    reps_max=15,
                    reps_done=reps,
                    hold_s=3.0,
                    load=f"{load:g} kg" if block == 1 else "bodyweight",
                    started_ms=at,
                    ended_ms=at + 75_000,
                )
            )
        workouts.append(
            Workout(
                uid=new_uid(),
                protocol_id=strength_id,
                protocol_name=strength.name,
                schedule=strength.schedule,
                program_weeks=strength.program_weeks,
                protocol_toml=toml,
                started_ms=begin,
                ended_ms=begin + len(sets) * 120_000,
                status="completed" if rng.random() > 0.05 else "stopped",
                note="felt strong" if rng.random() < 0.1 else "",
                sets=tuple(sets),
            )
        )
        if rng.random() < 0.1:
            load += 2.5
        day += timedelta(days=2)
    return workouts


def measure(work: Callable[[], object], runs: int) -> tuple[float, float, float]:
    """Median wall time, fastest wall time and median CPU time, in milliseconds.

    CPU time shows the cost of the work itself when other processes share the machine.
    """
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return statistics.median(walls), min(walls), statistics.median(cpus)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="build the database in DIR and keep it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "history.sqlite3"
        path.unlink(missing_ok=True)
        workouts = generate(args.years)
        started = time.perf_counter()
        store = HistoryStore(path)
        store.merge(workouts)
        build_s = time.perf_counter() - started
        with store.connect() as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        sets = sum(len(w.sets) for w in workouts)
        size_mb = path.stat().st_size / 1e6

        def export_csv() -> None:
            write_csv(store.workouts(), io.StringIO())

        def export_json() -> None:
            write_json(store.workouts(), io.StringIO())

        figures = {
            "open (with integrity check)": measure(lambda: HistoryStore(path), args.runs),
            "history view data": measure(lambda: load_view_data(store), args.runs),
            "stats": measure(lambda: progress(store), args.runs),
            "CSV export": measure(export_csv, args.runs),
            "JSON export": measure(export_json, args.runs),
        }
        print(f"{len(workouts)} workouts, {sets} sets over {args.years} years")
        print(f"built in {build_s:.2f} s (one transaction); database {size_mb:.2f} MB")
        targets = {"history view data": 100, "stats": 50, "CSV export": 1000}
        print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
        print(f"{'':<28} {'median':>8} {'fastest':>8} {'CPU':>8}   (ms, {args.runs} runs)")
        for name, (median, fastest, cpu) in figures.items():
            target = targets.get(name)
            verdict = ""
            if target is not None:
                verdict = f"  target <= {target}: {'ok' if median <= target else 'MISSED'}"
            print(f"{name:<28} {median:8.1f} {fastest:8.1f} {cpu:8.1f}{verdict}")
        verdict = "ok" if size_mb < 10 else "MISSED"
        print(f"{'database size':<28} {size_mb:8.2f} MB  target < 10 MB: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
