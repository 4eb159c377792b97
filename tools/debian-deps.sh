#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Glute Timer needs, when some are missing.
#   tools/debian-deps.sh app    what the app needs to open a window and speak
#   tools/debian-deps.sh test   the above, plus what the test suite needs
# Needs root or sudo; does nothing when everything is there or on a non-Debian system.
set -euo pipefail

app=(
  # Qt (PySide6 wheels bring Qt itself; these are the system libraries it loads)
  libgl1 libegl1 libfontconfig1 libxkbcommon0 libglib2.0-0 libdbus-1-3
  # Qt's xcb platform plugin (a real window on X11 or XWayland)
  libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
  libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0
  # The audio engine: PortAudio, which reaches PulseAudio/PipeWire through ALSA's pulse
  # plugin; libpulse lowers other sound under the cues
  libportaudio2 libasound2-plugins libpulse0
  # pyttsx3's Linux engine, and aplay for its live speech
  libespeak-ng1 alsa-utils
)
test=(
  # the espeak-ng command line, sound measurement, a sound server without a sound card
  espeak-ng sox pulseaudio pulseaudio-utils
  # the desktop-integration checks
  desktop-file-utils appstream
  # a real window for manual checks and screenshots
  xvfb xauth
  # a private session bus: remind's tests (with a mock notification service) and MPRIS,
  # driven as the desktop would (dbus-daemon, dbus-send, dbus-monitor, playerctl)
  dbus python3-dbusmock playerctl
  # the phone remote's page in a real browser (headless, through Selenium)
  chromium chromium-driver
)

case "${1:-}" in
  app) wanted=("${app[@]}") ;;
  test) wanted=("${app[@]}" "${test[@]}") ;;
  *) echo "usage: $0 app|test" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "Not a Debian/Ubuntu system: install the equivalents of: ${wanted[*]}" >&2
  exit 0
fi

missing=()
for package in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
# Debian's own python3 needs python3-venv for `python3 -m venv`.
python=${PYTHON:-python3}
if ! "$python" -c "import ensurepip, venv" >/dev/null 2>&1; then
  missing+=(python3-venv)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  sudo=(sudo)
fi
echo "Installing Debian packages: ${missing[*]}" >&2
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
