#!/usr/bin/env bash
# Validate Glute Timer's desktop integration files:
#   - the .desktop file with desktop-file-validate (errors and warnings fail)
#   - the AppStream metainfo with `appstreamcli validate --no-net`
#   - the icon files the desktop file and the Flatpak manifest refer to
#
# Exits 0 when everything passes, 1 when a check fails, 2 when a tool is missing.
# Debian/Ubuntu: apt-get install desktop-file-utils appstream
set -euo pipefail

readonly APP_ID="io.github.glutetimer.GluteTimer"
readonly ICON_SIZES=(16 24 32 48 64 128 256 512)

script_dir="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
repo_root="$(cd -- "${script_dir}/.." && pwd -P)"
readonly script_dir repo_root

readonly desktop_file="${repo_root}/packaging/linux/${APP_ID}.desktop"
readonly metainfo_file="${repo_root}/packaging/linux/${APP_ID}.metainfo.xml"
readonly icons_dir="${repo_root}/resources/icons"

missing_tools=()
for tool in desktop-file-validate appstreamcli; do
    command -v "${tool}" >/dev/null 2>&1 || missing_tools+=("${tool}")
done
if [[ ${#missing_tools[@]} -gt 0 ]]; then
    printf 'error: missing tool(s): %s\n' "${missing_tools[*]}" >&2
    printf 'Install them with: apt-get install desktop-file-utils appstream\n' >&2
    exit 2
fi

failed=0

echo "== desktop-file-validate ${desktop_file#"${repo_root}/"}"
if [[ ! -f "${desktop_file}" ]]; then
    echo "FAIL: ${desktop_file} does not exist"
    failed=1
else
    dfv_status=0
    dfv_output="$(desktop-file-validate "${desktop_file}" 2>&1)" || dfv_status=$?
    [[ -z "${dfv_output}" ]] || printf '%s\n' "${dfv_output}"
    if [[ ${dfv_status} -ne 0 ]] || grep -Eq '(error|warning): ' <<<"${dfv_output}"; then
        echo "FAIL: desktop-file-validate reported errors or warnings"
        failed=1
    else
        echo "OK"
    fi
fi

echo
echo "== appstreamcli validate --no-net ${metainfo_file#"${repo_root}/"}"
if [[ ! -f "${metainfo_file}" ]]; then
    echo "FAIL: ${metainfo_file} does not exist"
    failed=1
elif appstreamcli validate --no-net "${metainfo_file}"; then
    echo "OK"
else
    echo "FAIL: appstreamcli reported errors or warnings"
    failed=1
fi

echo
echo "== icons"
icons_ok=1
for icon in "${icons_dir}/${APP_ID}.svg" "${icons_dir}/app-256.png"; do
    [[ -s "${icon}" ]] || { echo "FAIL: missing ${icon#"${repo_root}/"}"; icons_ok=0; }
done
for size in "${ICON_SIZES[@]}"; do
    icon="${icons_dir}/hicolor/${size}x${size}/apps/${APP_ID}.png"
    [[ -s "${icon}" ]] || { echo "FAIL: missing ${icon#"${repo_root}/"}"; icons_ok=0; }
done
if [[ ${icons_ok} -eq 1 ]]; then
    echo "OK"
else
    failed=1
fi

echo
if [[ ${failed} -ne 0 ]]; then
    echo "Desktop integration checks FAILED"
    exit 1
fi
echo "Desktop integration checks passed"
