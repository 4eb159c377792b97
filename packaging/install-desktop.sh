#!/usr/bin/env bash
# Install (or remove) Glute Timer's desktop integration for the current user:
# the .desktop launcher, the hicolor icons and the AppStream metainfo.
#
# The program itself is installed separately (for example `pipx install .`);
# this script only makes it show up in the desktop's application menu.
#
# Usage: packaging/install-desktop.sh [--uninstall] [--help]
set -euo pipefail

readonly APP_ID="io.github.glutetimer.GluteTimer"
readonly EXECUTABLE="glute-timer"
readonly ICON_SIZES=(16 24 32 48 64 128 256 512)

script_dir="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
repo_root="$(cd -- "${script_dir}/.." && pwd -P)"
readonly script_dir repo_root

readonly desktop_src="${repo_root}/packaging/linux/${APP_ID}.desktop"
readonly metainfo_src="${repo_root}/packaging/linux/${APP_ID}.metainfo.xml"
readonly icons_src="${repo_root}/resources/icons"

data_home="${XDG_DATA_HOME:-${HOME:-}/.local/share}"
readonly data_home
readonly applications_dir="${data_home}/applications"
readonly metainfo_dir="${data_home}/metainfo"
readonly hicolor_dir="${data_home}/icons/hicolor"

usage() {
    cat <<EOF
Usage: $(basename -- "$0") [--uninstall] [--help]

Installs the Glute Timer launcher, icons and metainfo for the current user into
  ${data_home}
(\$XDG_DATA_HOME, or ~/.local/share when it is unset).

  --uninstall   remove the files this script installs
  -h, --help    show this help
EOF
}

info() { printf '%s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Run a cache-refresh tool when it exists; its failure never fails the install.
refresh_caches() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "${applications_dir}" 2>/dev/null \
            || warn "update-desktop-database failed (ignored)"
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [[ -d "${hicolor_dir}" ]]; then
        gtk-update-icon-cache -q -f -t "${hicolor_dir}" 2>/dev/null \
            || warn "gtk-update-icon-cache failed (ignored)"
    fi
}

# All installed files, as "source<TAB>destination" lines.
file_map() {
    printf '%s\t%s\n' "${desktop_src}" "${applications_dir}/${APP_ID}.desktop"
    printf '%s\t%s\n' "${metainfo_src}" "${metainfo_dir}/${APP_ID}.metainfo.xml"
    printf '%s\t%s\n' "${icons_src}/${APP_ID}.svg" \
        "${hicolor_dir}/scalable/apps/${APP_ID}.svg"
    local size
    for size in "${ICON_SIZES[@]}"; do
        printf '%s\t%s\n' "${icons_src}/hicolor/${size}x${size}/apps/${APP_ID}.png" \
            "${hicolor_dir}/${size}x${size}/apps/${APP_ID}.png"
    done
}

do_install() {
    local src dest missing=0
    while IFS=$'\t' read -r src dest; do
        if [[ ! -f "${src}" ]]; then
            warn "missing source file: ${src}"
            missing=1
        fi
    done < <(file_map)
    [[ "${missing}" -eq 0 ]] || die "source files are missing; nothing was installed"

    while IFS=$'\t' read -r src dest; do
        install -D -m 0644 -- "${src}" "${dest}"
        info "installed ${dest}"
    done < <(file_map)

    refresh_caches

    if ! command -v "${EXECUTABLE}" >/dev/null 2>&1; then
        warn "'${EXECUTABLE}' is not on PATH, so the launcher will not start until it is."
        warn "Install the program (for example 'pipx install ${repo_root}') or add its directory to PATH."
    fi
    info "Glute Timer desktop integration installed."
}

do_uninstall() {
    local src dest
    while IFS=$'\t' read -r src dest; do
        if [[ -e "${dest}" || -L "${dest}" ]]; then
            rm -f -- "${dest}"
            info "removed ${dest}"
        fi
    done < <(file_map)

    refresh_caches
    info "Glute Timer desktop integration removed."
}

main() {
    local mode="install"
    while [[ $# -gt 0 ]]; do
        case "$1" in
            --uninstall) mode="uninstall" ;;
            -h | --help) usage; return 0 ;;
            *) usage >&2; die "unknown argument: $1" ;;
        esac
        shift
    done

    [[ -n "${HOME:-}" || -n "${XDG_DATA_HOME:-}" ]] \
        || die "neither HOME nor XDG_DATA_HOME is set"

    if [[ "${mode}" == "uninstall" ]]; then
        do_uninstall
    else
        do_install
    fi
}

main "$@"
