#!/usr/bin/env bash
# Build helper behind the README's two commands.
#
#   build-aux/dev.sh run    install what is missing, build build/, launch the app
#   build-aux/dev.sh test   install what is missing, build and run the whole suite,
#                           then again with AddressSanitizer + UBSan (build-asan/)
#
# Copyright 2026 The Chongqing Science Atlas authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"

# Debian 12 packages: to build and run, and in addition to test.
build_pkgs=(meson ninja-build pkg-config gcc gettext libglib2.0-dev libglib2.0-dev-bin
            libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libsqlite3-dev libjson-glib-dev
            nettle-dev
            desktop-file-utils appstream fonts-noto-cjk adwaita-icon-theme librsvg2-common
            python3 dbus)
test_pkgs=(xvfb xauth poppler-utils clang libclang-rt-14-dev)

say () { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

ensure_packages () {
  local missing=() p
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$p")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo=(sudo)
    elif command -v sudo >/dev/null 2>&1 && [ -t 0 ]; then
      sudo=(sudo)
    else
      echo "These Debian packages are needed and not installed:" >&2
      echo "  ${missing[*]}" >&2
      echo "Install them as root (apt-get install ${missing[*]}) and run this again." >&2
      exit 1
    fi
  fi
  say "Installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q || true
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

configure () {
  local dir=$1; shift
  if [ ! -f "$dir/build.ninja" ]; then
    say "Configuring $dir"
    meson setup "$dir" "$@"
  fi
  say "Building $dir"
  meson compile -C "$dir"
}

# The uninstalled app finds its schema and translations through these.
dev_env () {
  local dir=$1
  export GSETTINGS_SCHEMA_DIR="$here/$dir/data"
  export CQ_ATLAS_LOCALEDIR="$here/$dir/po"
}

# GtkApplication wants a session bus; a bare CI machine has none, so the
# suite gets a private one.
with_bus () {
  if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && command -v dbus-run-session >/dev/null; then
    dbus-run-session -- "$@"
  else
    "$@"
  fi
}

with_display () {
  if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    with_bus "$@"
  else
    if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && command -v dbus-run-session >/dev/null; then
      xvfb-run -a -s "-screen 0 1600x1200x24" dbus-run-session -- "$@"
    else
      xvfb-run -a -s "-screen 0 1600x1200x24" "$@"
    fi
  fi
}

# Prints a closing line "N passed, N failed" from meson's test log(s).
summarize () {
  python3 - "$@" <<'PY'
import json, sys
passed = failed = skipped = 0
for log in sys.argv[1:]:
    try:
        lines = open(log, encoding="utf-8").read().splitlines()
    except OSError:
        continue
    for line in lines:
        if not line.strip():
            continue
        result = json.loads(line).get("result", "")
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
}

cmd=${1:-}
case "$cmd" in
  run)
    shift
    ensure_packages "${build_pkgs[@]}"
    configure build
    dev_env build
    exec ./build/src/cq-atlas "$@"
    ;;
  test)
    shift
    ensure_packages "${build_pkgs[@]}" "${test_pkgs[@]}"
    configure build
    configure build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug
    status=0
    say "Testing build/"
    with_display meson test -C build --print-errorlogs --num-processes 2 "$@" || status=1
    say "Testing build-asan/ (AddressSanitizer + UndefinedBehaviorSanitizer)"
    ASAN_OPTIONS="detect_leaks=0:abort_on_error=1" \
    UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1" \
      with_display meson test -C build-asan --print-errorlogs --num-processes 2 \
        --timeout-multiplier 4 "$@" || status=1
    # The importers' libFuzzer targets, built with clang, run for a bounded
    # time on their seed corpora (suite "fuzz").
    if command -v clang >/dev/null 2>&1; then
      CC=clang configure build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined \
        -Db_lundef=false -Dwerror=false -Dbuildtype=debug -Dc_args=-fsanitize=fuzzer-no-link
      say "Fuzzing the importers (build-fuzz/)"
      ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" \
        meson test -C build-fuzz --print-errorlogs --suite fuzz || status=1
    fi
    summarize build/meson-logs/testlog.json build-asan/meson-logs/testlog.json \
      build-fuzz/meson-logs/testlog.json
    exit $status
    ;;
  *)
    echo "usage: build-aux/dev.sh run [ARGS...] | test [MESON-TEST-ARGS...]" >&2
    exit 2
    ;;
esac
