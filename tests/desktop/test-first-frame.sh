#!/bin/sh
# Runs PROGRAM with build-aux/first-frame-probe preloaded and checks that the
# probe ended it on its first painted frame with a report line: what
# build-aux/bench-startup.sh relies on, for the empty window and for the atlas.
#
#   test-first-frame.sh PROBE PROGRAM
#
# Copyright 2026 The Chongqing Science Atlas authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

probe=$1
program=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

status=0
XDG_DATA_HOME=$work FIRST_FRAME_PROBE_REPORT=$work/report \
  timeout 60 env LD_PRELOAD="$probe" "$program" >"$work/log" 2>&1 || status=$?
if [ "$status" -ne 0 ]; then
  echo "$program did not end on its first frame (exit $status):"
  cat "$work/log"
  exit 1
fi
if ! grep -Eqs '^first_frame_ms=[0-9]+\.[0-9] maxrss_kib=[1-9][0-9]*$' "$work/report"; then
  echo "no report line from the probe:"
  cat "$work/report" 2>/dev/null || true
  exit 1
fi
# Figures are printed, never judged.
cat "$work/report"
