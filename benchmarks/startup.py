"""Startup time, memory and CPU of the desktop app, beside a bare PySide6 window.

    python benchmarks/startup.py [--runs 21] [--cpu-seconds 60] [--cpu-runs 3] [--cpu-compare]
                                 [--platform xcb|offscreen]

Each measurement runs in a fresh process. "Start" is the time from just before the process
is spawned until the main window has been shown and painted once (the moment the first
paint event has been handled), read on the system-wide monotonic clock. The bare window is
a QApplication and an empty QWidget of the same size, measured in the same run,
alternating with the app so both see the same machine state; the ratio is of the medians.
It also reports each process's main-thread CPU time until that paint (medians and their
ratio), which varies less than wall time when other work shares the machine.

Memory is the app's resident set (VmRSS) one and a half seconds after the first paint,
when the deferred work (cue audio) has started. CPU is the window process's user and system
time (all its threads) over ``--cpu-seconds`` of a running workout, as a percentage of one
core, the median of ``--cpu-runs`` fresh processes; beside it, the audio engine process's
own CPU. The workout plays its cues into a private PulseAudio server's null sink (started
here, as the real-audio tests do) so the engine runs as on a desktop; without PulseAudio it
says so. ``--cpu-compare`` alternates each workout with one whose display wakes at the
frame cap throughout (what the rule before frames followed what moves did in a set's
reps, which is all the measured minute holds) and prints the ratio.

With ``--platform xcb`` and no DISPLAY, the script re-runs itself under ``xvfb-run`` so the
window is a real X11 window.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]

# The paint probe: after the top-level window's first paint event has been handled,
# print the monotonic time; then wait, report memory, and quit.
PROBE = r"""
import os, sys, time  # loaded by every Python at start; nothing else before the program

def rss_kb():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return -1

def make_probe(window, settle_ms):
    # Qt is imported here, once the program under test has imported it: importing it
    # first would change the order in which the app loads its own modules.
    from PySide6.QtCore import QEvent, QObject, QTimer

    class Probe(QObject):
        def __init__(self, window, settle_ms):
            super().__init__()
            self.window, self.settle_ms, self.painted, self.ready = window, settle_ms, None, None
            window.installEventFilter(self)

        def mark_ready(self):
            if self.ready is None:
                self.ready = time.monotonic()

        def eventFilter(self, obj, event):
            if self.painted is None and obj is self.window:
                if event.type() == QEvent.Type.Paint:
                    self.painted = 0.0
                    QTimer.singleShot(0, self.after_paint)
            return False

        def after_paint(self):
            self.painted = time.monotonic()
            self.cpu = time.thread_time()  # the main thread's own CPU time until now
            QTimer.singleShot(self.settle_ms, self.report)

        def report(self):
            import json

            report = {
                "painted": self.painted, "cpu": self.cpu, "ready": self.ready, "rss_kb": rss_kb()
            }
            print("PROBE " + json.dumps(report), flush=True)
            from PySide6.QtWidgets import QApplication
            self.window.close()  # the app's own shutdown (audio, settings), then out
            QApplication.instance().quit()

    return Probe(window, settle_ms)
"""

BARE_BODY = r"""
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv[:1])
window = QWidget()
window.setWindowTitle("bare")
window.resize(1200, 800)
probe = make_probe(window, int(sys.argv[1]))
window.show()
app.exec()
"""

# The real entry point (glute_timer.launcher.main -> run_gui), with the probe attached when
# the main window is shown.
APP_BODY = r"""
import importlib.machinery

def attach_probe(main_window):
    _show = main_window.MainWindow.show
    def show(self):
        self._probe = make_probe(self, int(sys.argv[1]))
        _show(self)
    main_window.MainWindow.show = show
    # Ready: the Library, built after the first paint, has been painted with its list.
    _painted = main_window.MainWindow._after_library_painted
    def library_painted(self):
        self._probe.mark_ready()
        _painted(self)
    main_window.MainWindow._after_library_painted = library_painted

class AttachWhenImported:  # a meta path finder (importlib.abc would cost the app 2 ms)
    # Patches MainWindow.show the moment the app imports its module, in the app's order.
    def find_spec(self, name, path=None, target=None):
        if name != "glute_timer.gui.main_window":
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        exec_module = spec.loader.exec_module
        def run_then_attach(module):
            exec_module(module)
            attach_probe(module)
        spec.loader.exec_module = run_then_attach
        return spec

sys.meta_path.insert(0, AttachWhenImported())
from glute_timer.launcher import main
sys.exit(main(["gui"]))  # as launched from the menu: the XDG folders point into a temp dir
"""

CPU = r"""
import os, sys, time
from PySide6.QtCore import QTimer
import glute_timer.gui.main_window as main_window
from glute_timer.gui.driver import SessionDriver
seconds = float(sys.argv[1])
if sys.argv[3] == "silent":  # measure the window alone, without the cue audio
    main_window.MainWindow.prepare_audio = lambda self: None
if sys.argv[4] == "cap":  # every frame at the cap: the rule before, in a set's reps
    import glute_timer.gui.workout_page as workout_page
    from glute_timer.gui.timers import MIN_FRAME_MS
    workout_page.WorkoutPage.frame_interval = lambda self, display: MIN_FRAME_MS / 1000
WAKES = [0]
_wake = SessionDriver._wake
def counted(self):
    WAKES[0] += 1
    _wake(self)
SessionDriver._wake = counted
_show = main_window.MainWindow.show
def show(self):
    _show(self)
    QTimer.singleShot(500, lambda: start(self))
main_window.MainWindow.show = show

def start(window):
    window.library.select_id("hip-thrust-strength")  # 7:35 of lifts, holds and rests
    window.library.start_current()
    QTimer.singleShot(2000, lambda: measure(window))

def measure(window):
    # The audio engine is watched from the benchmark's side (``run_workout``): nothing in
    # this process runs for the measurement but two clock readings.
    print("START", flush=True)
    t0, c0, w0 = time.monotonic(), os.times(), WAKES[0]
    def done():
        c1, t1 = os.times(), time.monotonic()
        cpu = (c1.user - c0.user) + (c1.system - c0.system)
        state = window.driver.state.value if window.driver else "none"
        print(f"CPU {cpu:.3f} {t1 - t0:.3f} {state} {WAKES[0] - w0}", flush=True)
        QTimer.singleShot(10000, lambda: os._exit(3))  # a stuck shutdown is not measured
        window.confirm = lambda *a: True
        window.close()
    QTimer.singleShot(int(seconds * 1000), done)

from glute_timer.launcher import main
sys.exit(main(["gui", "--basedir", sys.argv[2]]))
"""


class Workout(NamedTuple):
    """One CPU measurement: ``seconds`` of a running workout."""

    frames: str  # "as shipped", or "cap": every frame at the cap, as before
    window: float  # the window process's CPU seconds (all its threads)
    engine: float | None  # the audio engine's, None when none ran throughout
    engines: int  # engine processes seen (1: it never had to be replaced)
    wakes: int  # the display's wakes (frames and full wakes)
    seconds: float
    state: str


def engines(pid: int) -> dict[int, float]:
    """The audio engine processes among the children of ``pid``, and their CPU seconds."""
    found = {}
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                children = f.read().split()
        except OSError:
            continue
        for child in children:
            try:
                with open(f"/proc/{child}/cmdline", "rb") as f:
                    if b"glute_timer.speech.engine" not in f.read():
                        continue
                with open(f"/proc/{child}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                ticks = int(fields[11]) + int(fields[12])
                found[int(child)] = ticks / os.sysconf("SC_CLK_TCK")
            except (OSError, IndexError, ValueError):
                continue
    return found


def run_workout(
    seconds: float, basedir: str, audio: str, frames: str, env: dict[str, str]
) -> Workout | None:
    """One workout of ``seconds`` in a fresh app process (see ``CPU``); its audio engine's
    CPU is read from here, once a second, so the window's own figure holds only itself."""
    proc = subprocess.Popen(
        [sys.executable, "-c", CPU, str(seconds), basedir, audio, frames],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stderr is not None
    err: list[str] = []
    threading.Thread(target=lambda: err.extend(proc.stderr), daemon=True).start()
    deadline = time.monotonic() + seconds + 60
    line = ""
    before: dict[int, float] = {}
    after: dict[int, float] = {}
    seen: set[int] = set()
    started = False
    buffer = ""
    while time.monotonic() < deadline and not line:
        ready, _, _ = select.select([proc.stdout], [], [], 1.0)
        if started:
            after = engines(proc.pid) or after
            seen.update(after)
        if not ready:
            continue
        chunk = os.read(proc.stdout.fileno(), 65536).decode()
        if not chunk:
            break
        buffer += chunk
        while "\n" in buffer and not line:
            text, buffer = buffer.split("\n", 1)
            if text == "START":
                started = True
                before = engines(proc.pid)
                seen.update(before)
            elif text.startswith("CPU "):
                line = text
                after = engines(proc.pid) or after
                seen.update(after)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    if not line:
        print("".join(err)[-2000:] or "the workout process did not finish in time", file=sys.stderr)
        return None
    _, cpu, wall, state, wakes = line.split()
    common = [pid for pid in after if pid in before]  # an engine that ran throughout
    engine = sum(after[pid] - before[pid] for pid in common) if common else None
    return Workout(frames, float(cpu), engine, len(seen), int(wakes), float(wall), state)


def start_sound_server() -> object | None:
    """A private PulseAudio server with a null sink (tests/realaudio.py), so the workout
    plays its cues as on a desktop; None without PulseAudio (the engine then has no
    sound server, fails and is retried every few seconds, which is not what a user has)."""
    sys.path.insert(0, str(ROOT / "tests"))
    import realaudio

    if not realaudio.have_pulseaudio():
        return None
    server = realaudio.PulseServer()
    server.start()
    server.use()
    return server


BARE = PROBE + BARE_BODY
APP = PROBE + APP_BODY


def child_env(platform: str, home: str) -> dict[str, str]:
    env = dict(os.environ)
    # The app finds its folders as it does for a user (platformdirs), inside ``home``.
    for name in ("CONFIG", "DATA", "CACHE", "STATE"):
        env[f"XDG_{name}_HOME"] = os.path.join(home, name.lower())
    env["QT_QPA_PLATFORM"] = platform
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.setdefault("QT_LOGGING_RULES", "qt.multimedia.*=false")
    return env


class Launch(NamedTuple):
    painted: float  # seconds from spawning the process to its first paint
    cpu: float  # the main thread's CPU seconds until then
    ready: float | None  # seconds until the Library was painted (the app only)
    rss_kb: int


def run_probe(code: str, args: list[str], env: dict[str, str]) -> Launch:
    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    for line in result.stdout.splitlines():
        if line.startswith("PROBE "):
            data = json.loads(line[6:])
            ready = data["ready"] - start if data["ready"] else None
            return Launch(data["painted"] - start, data["cpu"], ready, int(data["rss_kb"]))
    raise RuntimeError(f"no probe output (exit {result.returncode}):\n{result.stderr[-2000:]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--cpu-seconds", type=float, default=60.0)
    parser.add_argument("--platform", default="xcb", help="xcb (a real X window) or offscreen")
    parser.add_argument("--settle-ms", type=int, default=1500)
    parser.add_argument(
        "--cpu-audio",
        choices=["on", "silent"],
        default="on",
        help="run the CPU workout with the cue audio as shipped, or without it",
    )
    parser.add_argument("--cpu-runs", type=int, default=3, help="workouts measured (median)")
    parser.add_argument(
        "--cpu-compare",
        action="store_true",
        help="alternate with workouts whose frames are all at the cap (the rule before)",
    )
    args = parser.parse_args(argv)

    if args.platform == "xcb" and not os.environ.get("DISPLAY"):
        xvfb = shutil.which("xvfb-run")
        if xvfb is None:
            print("no DISPLAY and no xvfb-run: use --platform offscreen", file=sys.stderr)
            return 2
        command = [xvfb, "-a", "-s", "-screen 0 1920x1080x24", sys.executable, *sys.argv]
        return subprocess.call(command)

    # An installed app starts from compiled bytecode (pip compiles it at install time);
    # so does this one, even where PYTHONDONTWRITEBYTECODE keeps Python from caching it.
    compileall.compile_dir(str(ROOT / "glute_timer"), quiet=1)
    bare: list[float] = []
    app: list[float] = []
    bare_cpu: list[float] = []
    app_cpu: list[float] = []
    ready: list[float] = []
    bare_rss: list[int] = []
    app_rss: list[int] = []
    with tempfile.TemporaryDirectory() as tmp:
        env = child_env(args.platform, tmp)
        # One unmeasured run of each warms the file cache (and the app's data folder).
        run_probe(BARE, ["10"], env)
        run_probe(APP, ["10", tmp], env)
        for _ in range(args.runs):
            launch = run_probe(BARE, [str(args.settle_ms)], env)
            bare.append(launch.painted)
            bare_cpu.append(launch.cpu)
            bare_rss.append(launch.rss_kb)
            launch = run_probe(APP, [str(args.settle_ms), tmp], env)
            app.append(launch.painted)
            app_cpu.append(launch.cpu)
            app_rss.append(launch.rss_kb)
            if launch.ready is not None:
                ready.append(launch.ready)

        workouts: list[Workout] = []
        server = start_sound_server() if args.cpu_seconds > 0 and args.cpu_audio == "on" else None
        try:
            env = child_env(args.platform, tmp)  # now pointing at the sound server
            kinds = ["shipped", "cap"] if args.cpu_compare else ["shipped"]
            for _ in range(args.cpu_runs if args.cpu_seconds > 0 else 0):
                for kind in kinds:  # alternating, so both see the same machine
                    workout = run_workout(args.cpu_seconds, tmp, args.cpu_audio, kind, env)
                    if workout is not None:
                        workouts.append(workout)
        finally:
            if server is not None:
                server.close()  # type: ignore[attr-defined]

    def ms(values: list[float]) -> str:
        return ", ".join(f"{v * 1000:.0f}" for v in values)

    bare_median = statistics.median(bare)
    app_median = statistics.median(app)
    print(f"platform: {args.platform}; runs: {args.runs}; python {sys.version.split()[0]}")
    print(f"bare PySide6 window, first paint: median {bare_median * 1000:.0f} ms  [{ms(bare)}]")
    print(f"Glute Timer main window, first paint: median {app_median * 1000:.0f} ms  [{ms(app)}]")
    ratio = app_median / bare_median
    print(f"ratio: {ratio:.2f} (target <= 1.30)")
    bare_cpu_median, app_cpu_median = statistics.median(bare_cpu), statistics.median(app_cpu)
    print(
        f"main thread's CPU time until the first paint (steadier than wall time on a shared "
        f"machine): bare {bare_cpu_median * 1000:.0f} ms, app {app_cpu_median * 1000:.0f} ms, "
        f"ratio {app_cpu_median / bare_cpu_median:.2f}"
    )
    if ready:
        print(
            f"Library listed and painted (after the first paint): "
            f"median {statistics.median(ready) * 1000:.0f} ms  [{ms(ready)}]"
        )
    rss_mb = statistics.median(app_rss) / 1024
    print(
        f"resident memory after start: app {rss_mb:.0f} MB (target <= 150), "
        f"bare window {statistics.median(bare_rss) / 1024:.0f} MB"
    )
    if workouts:
        sound = "a PulseAudio null sink" if server is not None else "no sound server"
        print(
            f"CPU during {args.cpu_seconds:.0f} s of a running workout (audio {args.cpu_audio}, "
            f"{sound}), % of one core, median of {args.cpu_runs}:"
        )
        for kind in dict.fromkeys(w.frames for w in workouts):
            runs = [w for w in workouts if w.frames == kind]
            window = [w.window / w.seconds * 100 for w in runs]
            wakes = statistics.median(w.wakes / w.seconds for w in runs)
            each = ", ".join(f"{v:.2f}" for v in window)
            line = (
                f"  frames {'as shipped' if kind == 'shipped' else 'always at the cap'}: "
                f"window {statistics.median(window):.2f} %  [{each}], {wakes:.1f} wakes a second"
            )
            engine = [w.engine / w.seconds * 100 for w in runs if w.engine is not None]
            if engine:
                line += f"; audio engine {statistics.median(engine):.2f} %"
            replaced = max(w.engines for w in runs) - 1
            if replaced > 0:
                line += f" (the engine was replaced {replaced} times: no sound server)"
            if any(w.state != "running" for w in runs):
                line += " (the workout was not running throughout!)"
            print(line + ("  (target for the window <= 2 %)" if kind == "shipped" else ""))
        if args.cpu_compare:
            shipped = statistics.median(w.window for w in workouts if w.frames == "shipped")
            cap = statistics.median(w.window for w in workouts if w.frames == "cap")
            print(f"  ratio as shipped / always at the cap: {shipped / cap:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
