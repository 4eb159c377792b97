"""How close to the plan do cues arrive? Our runner against a naive sleep-per-step timer.

Runs ``glute-timer run FILE --no-gui --json --mute`` on a 61-second protocol with a cue
every half second, timestamps each line as it arrives, and compares with the plan. In the
same run, a naive timer (sleep for each step's duration, then print: how most interval
timers keep time) runs beside it. Both run once on an idle machine and once with both
cores kept busy by a bounded CPU load.

    .venv/bin/python benchmarks/timing.py            # about 2 minutes
    .venv/bin/python benchmarks/timing.py --quick    # 21-second protocol, for a smoke test

Figures: absolute error of each cue's arrival against its plan offset (p50, p99, max, ms)
and the drift at the end (error of the final cue). The time origin of each run is taken
as the earliest (arrival - plan offset) over its cues: lines can arrive late, never early.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

PROTOCOL = """format = 1
name = "Timing benchmark"
schedule = "as-needed"
lead_in = 1

[[block]]
exercise = "glute-bridge"
sets = 1
reps = {reps}
tempo = {{ lift = 0.5, hold = 0, lower = 0.5 }}
"""


def _busy(until: float) -> None:
    x = 0
    while time.monotonic() < until:
        x = (x * 31 + 7) % 1_000_003


def _collect(cmd: list[str], env: dict[str, str]) -> list[tuple[float, float]]:
    """(arrival, plan offset) for each JSON line the command prints."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    assert proc.stdout is not None
    samples = []
    for raw in proc.stdout:
        arrival = time.monotonic()
        samples.append((arrival, float(json.loads(raw)["at"])))
    proc.wait()
    return samples


def _errors(samples: list[tuple[float, float]]) -> dict[str, float]:
    origin = min(arrival - at for arrival, at in samples)
    errors = sorted(abs(arrival - at - origin) * 1000 for arrival, at in samples)

    def pct(p: float) -> float:
        return errors[min(len(errors) - 1, round(p / 100 * (len(errors) - 1)))]

    last_arrival, last_at = samples[-1]
    return {
        "cues": len(samples),
        "p50": statistics.median(errors),
        "p99": pct(99),
        "max": errors[-1],
        "end_drift": (last_arrival - last_at - origin) * 1000,
    }


def naive_timer(path: str) -> None:
    """Sleep for each step's duration, then print the next cue."""
    from glute_timer.core.plan import build_plan
    from glute_timer.core.protocol import load_protocol

    plan = build_plan(load_protocol(Path(path)))
    previous = 0.0
    for cue in plan.cues:
        time.sleep(cue.at - previous)
        previous = cue.at
        sys.stdout.write(json.dumps(cue.to_json()) + "\n")
        sys.stdout.flush()


def measure(protocol: Path, loaded: bool, seconds: float) -> dict[str, dict[str, float]]:
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    ours_cmd = [
        sys.executable,
        "-m",
        "glute_timer",
        "--basedir",
        str(protocol.parent / "base"),
        "run",
        str(protocol),
        "--no-gui",
        "--json",
        "--mute",
    ]
    naive_cmd = [sys.executable, __file__, "--naive", str(protocol)]
    load: list[multiprocessing.Process] = []
    if loaded:
        until = time.monotonic() + seconds + 10
        load = [
            multiprocessing.Process(target=_busy, args=(until,)) for _ in range(os.cpu_count() or 2)
        ]
        for proc in load:
            proc.start()
    results: dict[str, list[tuple[float, float]]] = {}

    def run(name: str, cmd: list[str]) -> None:
        results[name] = _collect(cmd, env)

    threads = [
        threading.Thread(target=run, args=("glute-timer", ours_cmd)),
        threading.Thread(target=run, args=("naive sleep loop", naive_cmd)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for proc in load:
        proc.terminate()
        proc.join()
    return {name: _errors(samples) for name, samples in results.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a 21-second protocol")
    parser.add_argument("--naive", metavar="FILE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.naive:
        naive_timer(args.naive)
        return 0
    reps = 20 if args.quick else 60
    with tempfile.TemporaryDirectory() as tmp:
        protocol = Path(tmp) / "timing.toml"
        protocol.write_text(PROTOCOL.format(reps=reps))
        seconds = 1 + reps
        print(f"protocol: {seconds} s, a cue every 0.5 s; {os.cpu_count()} cores")
        print(
            f"{'condition':<8} {'timer':<18} {'cues':>5} {'p50 ms':>8} {'p99 ms':>8} "
            f"{'max ms':>8} {'end drift ms':>13}"
        )
        summary = {}
        for condition, loaded in (("idle", False), ("loaded", True)):
            figures = measure(protocol, loaded, seconds)
            summary[condition] = figures
            for name, f in figures.items():
                print(
                    f"{condition:<8} {name:<18} {f['cues']:>5.0f} {f['p50']:>8.2f} "
                    f"{f['p99']:>8.2f} {f['max']:>8.2f} {f['end_drift']:>13.2f}"
                )
        for condition, figures in summary.items():
            ours, naive = figures["glute-timer"], figures["naive sleep loop"]
            ratio = (
                naive["end_drift"] / ours["end_drift"] if ours["end_drift"] > 0 else float("inf")
            )
            print(
                f"{condition}: end drift naive/ours = {ratio:.1f}x "
                f"({naive['end_drift']:.1f} ms vs {ours['end_drift']:.1f} ms)"
            )
        idle, loaded_f = summary["idle"]["glute-timer"], summary["loaded"]["glute-timer"]
        ok = (
            idle["p99"] <= 5
            and idle["max"] <= 20
            and abs(idle["end_drift"]) <= 5
            and loaded_f["p99"] <= 20
        )
        print(
            "targets (idle p99 <= 5, max <= 20, end drift <= 5; loaded p99 <= 20 ms):",
            "met" if ok else "NOT met",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
