#!/usr/bin/env bash
# Builds the one-folder frozen Linux app with PyInstaller, then smoke-tests it from outside
# the source tree.
#
#   packaging/build-linux.sh            build dist/glute-timer/ and smoke-test it
#   SMOKE=0 packaging/build-linux.sh    build only
#
# Environment: PYTHON (default python3, 3.11 or newer) makes the build venv; VENV (default
# build/pyinstaller-venv) is kept between runs; DIST (default dist) receives glute-timer/.
# The result runs on Linux machines with the same or a newer glibc than this one, plus the
# system libraries in packaging/README.md (libespeak-ng1 for speech, libpulse0 for sound).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
python=${PYTHON:-python3}
venv=${VENV:-build/pyinstaller-venv}
dist=${DIST:-dist}
case "$venv" in /*) ;; *) venv="$root/$venv" ;; esac
case "$dist" in /*) ;; *) dist="$root/$dist" ;; esac
work="$root/build/pyinstaller"
app="$dist/glute-timer"
started=$(date +%s)

quiet_pip() {
  # pip's configuration here may name index folders that do not exist: drop that noise.
  "$venv/bin/python" -m pip "$@" 2> >(grep -v "^WARNING: Location '" >&2)
}

echo "== system packages"
if [ -x tools/debian-deps.sh ]; then
  # Qt must import for PyInstaller to analyse it; speech and sound for the smoke test.
  PYTHON="$python" tools/debian-deps.sh app
fi
if ! command -v objdump >/dev/null 2>&1; then
  # PyInstaller reads shared-library dependencies with objdump (binutils).
  if command -v apt-get >/dev/null 2>&1; then
    sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends binutils
  else
    echo "build-linux.sh: PyInstaller needs objdump: install binutils" >&2
    exit 1
  fi
fi

echo "== build venv: $venv"
if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv "$venv"
  quiet_pip install --quiet --upgrade pip
fi
quiet_pip install --quiet "pyinstaller>=6.10" "pillow>=10"
# The project with its dependencies, then the project again so that the newest source is
# what gets frozen even when the version number did not change.
quiet_pip install --quiet "$root"
quiet_pip install --quiet --no-deps --force-reinstall "$root"
"$venv/bin/python" -c 'import PyInstaller, PySide6, pyttsx3; print("PyInstaller", PyInstaller.__version__, "| PySide6", PySide6.__version__)'

echo "== PyInstaller"
rm -rf "$app"
# Run from build/, not the repository root: the source tree's glute_timer/ (without its
# resources/) must not shadow the installed package that the spec collects.
mkdir -p "$work"
(
  cd "$work"
  "$venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$dist" --workpath "$work" \
    "$root/packaging/pyinstaller/glute-timer.spec"
)
built=$(date +%s)
echo "built $app in $((built - started)) s; size $(du -sh "$app" | cut -f1)"

if [ "${SMOKE:-1}" = "0" ]; then
  exit 0
fi

echo "== smoke test, outside the source tree"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/tiny.toml" <<'EOF'
format = 1
name = "Smoke test"
lead_in = 0

[[block]]
exercise = "glute-bridge"
sets = 1
reps = 2
tempo = { lift = 0.5, hold = 0, lower = 0.5 }
rest = 0
EOF
exe="$app/glute-timer"
run() {
  echo "\$ glute-timer $*" >&2
  # No PYTHONPATH or venv leaking in: the frozen app must stand on its own.
  (cd "$tmp" && env -u PYTHONPATH -u VIRTUAL_ENV QT_QPA_PLATFORM=offscreen "$exe" "$@")
}
run --version
run --basedir "$tmp/base" presets
run --basedir "$tmp/base" plan hip-thrust-strength --json >"$tmp/plan.json"
"$python" - "$tmp/plan.json" <<'PY'
import json, sys
plan = json.load(open(sys.argv[1], encoding="utf-8"))
print(f"{plan['name']}: {len(plan['cues'])} cues, {plan['total_s']} s (valid JSON)")
PY
run --basedir "$tmp/base" run "$tmp/tiny.toml" --no-gui --json --mute
if command -v pulseaudio >/dev/null 2>&1 && command -v parec >/dev/null 2>&1; then
  # Real sound from the frozen app: its audio engine (a child of the frozen executable)
  # plays the spoken workout into a private PulseAudio's null sink, recorded by parec.
  pulse="$tmp/pulse"
  mkdir -p "$pulse"
  export PULSE_RUNTIME_PATH="$pulse" PULSE_STATE_PATH="$pulse" PULSE_SERVER="unix:$pulse/native"
  pulseaudio --daemonize=yes --exit-idle-time=-1 --system=false -n \
    --load=module-native-protocol-unix --load="module-null-sink sink_name=smoke rate=44100" \
    >/dev/null 2>&1
  for _ in $(seq 50); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
  pactl set-default-sink smoke
  parec --format=s16le --rate=44100 --channels=1 -d smoke.monitor --raw >"$tmp/heard.raw" &
  recorder=$!
  run --basedir "$tmp/spoken" run "$tmp/tiny.toml" --no-gui --json >/dev/null
  sleep 0.5
  kill "$recorder" 2>/dev/null || true
  wait "$recorder" 2>/dev/null || true
  pulseaudio -k >/dev/null 2>&1 || true
  unset PULSE_RUNTIME_PATH PULSE_STATE_PATH PULSE_SERVER
  "$python" - "$tmp/heard.raw" <<'PY'
import array, sys
samples = array.array("h")
samples.frombytes(open(sys.argv[1], "rb").read())
loud = sum(1 for s in samples if abs(s) > 3000)
print(f"recorded {len(samples) / 44100:.1f} s, {loud / 44100:.2f} s of it loud")
sys.exit(0 if loud > 44100 * 0.3 else "build-linux.sh: the frozen app's workout was not heard")
PY
else
  echo "(no pulseaudio/parec: the frozen app's sound was not checked)"
fi
"$exe" --help >"$tmp/help.txt"
if grep -qw check "$tmp/help.txt"; then
  run --basedir "$tmp/base" check
else
  echo "(no 'check' subcommand in this build)"
fi
if grep -qw voices "$tmp/help.txt"; then
  run --basedir "$tmp/base" voices >"$tmp/voices.txt" || echo "(voices failed: $?)"
  head -5 "$tmp/voices.txt"
fi
if command -v xvfb-run >/dev/null 2>&1; then
  # The window: it must still be running after a few seconds on a virtual X server.
  echo "\$ glute-timer --basedir $tmp/base   (the window, 8 s under xvfb-run)" >&2
  status=0
  (cd "$tmp" && env -u PYTHONPATH -u VIRTUAL_ENV -u QT_QPA_PLATFORM xvfb-run -a \
    timeout 8 "$exe" --basedir "$tmp/base" >"$tmp/gui.log" 2>&1) || status=$?
  if [ "$status" -ne 124 ]; then
    cat "$tmp/gui.log" >&2
    echo "build-linux.sh: the window exited with status $status within 8 s" >&2
    exit 1
  fi
  echo "window still open after 8 s: ok"
  # check with a display probes Qt's xcb plugin in a child (`glute-timer -c ...`).
  echo "\$ glute-timer --basedir $tmp/base check   (under xvfb-run)" >&2
  (cd "$tmp" && env -u PYTHONPATH -u VIRTUAL_ENV -u QT_QPA_PLATFORM xvfb-run -a \
    "$exe" --basedir "$tmp/base" check) | tee "$tmp/check-x11.txt"
  if ! grep -q "platform xcb" "$tmp/check-x11.txt"; then
    echo "build-linux.sh: check did not use the xcb platform under xvfb-run" >&2
    exit 1
  fi
else
  echo "(no xvfb-run: the window was not started; install xvfb to test it)"
fi
echo "== smoke test passed; $app is $(du -sh "$app" | cut -f1), $(($(date +%s) - started)) s in all"
