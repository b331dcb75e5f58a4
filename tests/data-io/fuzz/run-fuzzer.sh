#!/bin/sh
# Runs a libFuzzer target for a bounded time on a copy of its seed corpus.
#   run-fuzzer.sh FUZZER SEEDS_DIR WORK_DIR SECONDS
# Copyright 2026 The Chongqing Science Atlas authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
fuzzer=$1 seeds=$2 work=$3 seconds=$4
rm -rf "$work"
mkdir -p "$work/corpus"
cp "$seeds"/* "$work/corpus/"
# Inputs up to 256 KiB: deep nesting (issue 16's 80,000 levels are 160 kB)
# and long fields lie far beyond libFuzzer's default of 4 KiB.
exec "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=262144 \
  -artifact_prefix="$work/" "$work/corpus"
