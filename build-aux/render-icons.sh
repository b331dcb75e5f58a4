#!/usr/bin/env bash
# Renders the fixed-size PNG copies of the atlas's icons from their SVG
# drawings.  Run it after changing an SVG under data/icons, and commit the
# PNGs it writes.
#
# Why PNGs: GTK loads an SVG through librsvg, which costs a start-up ~7 MiB
# of memory and its loading time.  At start the window needs the app icon
# (X11 asks for it at 16-128 px) and the filter button's funnel; both are
# found as PNGs first, so librsvg is not loaded until an SVG is really
# needed.  The scalable SVGs stay installed for the shell.
#
# Needs: cc, pkg-config, gdk-pixbuf development files and its SVG loader.
#
# Copyright 2026 The Chongqing Science Atlas authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(dirname "$here")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# shellcheck disable=SC2046
cc -O2 -o "$work/render-icon" "$here/render-icon.c" $(pkg-config --cflags --libs gdk-pixbuf-2.0)

app=io.github.cqatlas.ScienceAtlas
for size in 16 24 32 48 64 128 256; do
  dir="$root/data/icons/hicolor/${size}x${size}/apps"
  mkdir -p "$dir"
  "$work/render-icon" "$root/data/icons/hicolor/scalable/apps/$app.svg" "$size" "$dir/$app.png"
done

for svg in "$root"/data/icons/symbolic-sources/*-symbolic.svg; do
  name=$(basename "$svg" .svg)
  for size in 16 24 32 48 64; do
    dir="$root/resources/icons/${size}x${size}/actions"
    mkdir -p "$dir"
    "$work/render-icon" "$svg" "$size" "$dir/$name.symbolic.png" --symbolic
  done
done
