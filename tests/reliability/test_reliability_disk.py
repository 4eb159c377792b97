"""Settings, protocols and history on a really full or read-only disk.

Each case mounts a small tmpfs in a private mount namespace (``unshare --mount``), copies
a user's data onto it, fills it up or makes it read-only, and then runs a workout with the
real command line. The workout must run to its end on time, the user must be told what
could not be saved, and nothing that was already on the disk may change.
Needs root (CI runs as root); skipped elsewhere.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from glute_timer.core.paths import AppPaths
from glute_timer.core.plan import build_plan
from glute_timer.core.protocol import load_protocol, parse_protocol, save_protocol
from glute_timer.core.settings import Settings, save_settings

QUICK = """format = 1
name = "Quick"
lead_in = 0

[[block]]
exercise = "glute-bridge"
sets = 2
reps = 2
tempo = { lift = 0.25, hold = 0, lower = 0.25 }
rest = 0.5
"""


def _can_mount() -> bool:
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        [
            "unshare",
            "--mount",
            "--propagation",
            "private",
            "sh",
            "-c",
            "mount -t tmpfs -o size=64k tmpfs /mnt && umount /mnt",
        ],
        capture_output=True,
        check=False,
    )
    return probe.returncode == 0


pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not _can_mount(), reason="needs root and unshare to mount a tmpfs"),
]

SCRIPT = textwrap.dedent(
    """
    set -u
    mount -t tmpfs -o size=4m tmpfs "$BASE"
    cp -a "$SEED"/. "$BASE"/
    case "$FAULT" in
      full) dd if=/dev/zero of="$BASE/filler" bs=4k >/dev/null 2>&1 || true ;;
      readonly) mount -o remount,ro "$BASE" ;;
    esac
    before=$(cd "$BASE" && find . -type f ! -name filler -exec sha256sum {} + | sort)
    "$PY" -m glute_timer --basedir "$BASE" run "$PROTOCOL" --no-gui --json --mute \
        >"$OUT/stdout" 2>"$OUT/stderr"
    echo $? >"$OUT/rc"
    "$PY" - <<'PY' >"$OUT/save" 2>&1
    import os
    from pathlib import Path
    from glute_timer.context import AppContext
    from glute_timer.core.protocol import load_protocol, save_protocol
    context = AppContext.create(Path(os.environ["BASE"]))
    try:
        context.save_settings(context.settings.with_changes(rate=250))
        print("settings saved")
    except OSError as exc:
        print(f"settings not saved: {exc.strerror}")
    mine = context.paths.protocols_dir / "mine.toml"
    try:
        save_protocol(load_protocol(mine).with_changes(name="Renamed"), mine)
        print("protocol saved")
    except OSError as exc:
        print(f"protocol not saved: {exc.strerror}")
    PY
    kept=$(cd "$BASE" && echo "$before" | grep -v -e '-wal$' -e '-shm$' \
        | sha256sum -c --quiet - 2>&1)
    echo "$kept" >"$OUT/kept"
    """
)


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A user's data: settings, one protocol of their own, one recorded workout."""
    root = tmp_path_factory.mktemp("seed")
    protocol = root / "quick.toml"
    protocol.write_text(QUICK, encoding="utf-8")
    base = root / "base"
    paths = AppPaths.from_basedir(base)
    save_settings(Settings(rate=190, theme="dark"), paths.settings_file)
    save_protocol(
        parse_protocol(QUICK, "mine.toml").with_changes(name="Mine"),
        paths.protocols_dir / "mine.toml",
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "glute_timer",
            "--basedir",
            str(base),
            "run",
            str(protocol),
            "--no-gui",
            "--json",
            "--mute",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert paths.history_db.exists()
    return base, protocol


def _run_with_fault(fault: str, seed: tuple[Path, Path], tmp_path: Path) -> dict[str, str]:
    base_seed, protocol = seed
    mount_point = tmp_path / "mnt"
    mount_point.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    env = dict(
        os.environ,
        BASE=str(mount_point),
        SEED=str(base_seed),
        FAULT=fault,
        PY=sys.executable,
        PROTOCOL=str(protocol),
        OUT=str(out),
    )
    subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "bash", "-c", SCRIPT],
        env=env,
        timeout=120,
        check=True,
    )
    return {
        name: (out / name).read_text(encoding="utf-8")
        for name in ("stdout", "stderr", "rc", "save", "kept")
    }


@pytest.mark.parametrize("fault", ["full", "readonly"])
def test_the_workout_runs_and_nothing_is_lost(
    fault: str, seed: tuple[Path, Path], tmp_path: Path
) -> None:
    result = _run_with_fault(fault, seed, tmp_path)
    plan = build_plan(load_protocol(seed[1]))
    # The workout ran to its end: every cue of the plan, in order.
    cues = [json.loads(line) for line in result["stdout"].splitlines()]
    assert [cue["at"] for cue in cues] == [cue.to_json()["at"] for cue in plan.cues]
    assert result["rc"].strip() == "0"
    # The user is told, in words, that the history could not be written; no traceback.
    assert "Traceback" not in result["stderr"]
    assert "histor" in result["stderr"].lower()
    # A healthy history on a disk that cannot be written is not "corrupt": it stays put.
    assert "corrupt" not in result["stderr"] and "moved" not in result["stderr"]
    # Settings and protocol saves fail with a clear reason...
    reason = "No space left on device" if fault == "full" else "Read-only file system"
    assert f"settings not saved: {reason}" in result["save"]
    assert f"protocol not saved: {reason}" in result["save"]
    # ...and every file that was there before is byte for byte the same.
    assert result["kept"].strip() == "", result["kept"]
