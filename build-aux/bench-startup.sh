#!/usr/bin/env bash
# Start-up benchmark: how long the installed atlas takes to its first painted
# frame, and how much memory it has used by then, next to an empty libadwaita
# window started the same way.
#
#   build-aux/bench-startup.sh [-n RUNS] [--sites N] [--prefix DIR] [--keep-data DIR]
#
#   -n RUNS      paired rounds to count, after one warm-up round (default 10)
#   --sites N    also start with N sites of the user's own (default 100000;
#                0 leaves that out)
#   --prefix DIR where the atlas is installed (default: the folder above the
#                cq-atlas found in $PATH)
#   --keep-data DIR  only make the data of the N-site start, copy it to DIR
#                (use as XDG_DATA_HOME, e.g. under perf record) and stop
#
# Each round starts, one after the other: the empty window
# (build-aux/empty-window.c), the atlas with the bundled data only, and the
# atlas with N generated sites in the user's database.  All three run with
# build-aux/first-frame-probe.c preloaded, which ends the process as soon as its
# first frame has been painted, so the same code decides "first frame" for
# each.  The figures are the median (and min–max) over the rounds; the ratios
# are taken round by round, then their median, so that a machine whose speed
# drifts (other people compiling) still compares like with like.  Times
# are wall-clock, from starting the process to its exit on the first frame.
#
# Without a display the script runs itself under xvfb-run, and without a
# session bus under dbus-run-session.  Settings live in memory
# (GSETTINGS_BACKEND=memory): every start is a first start at the default
# window size and page.  $GSK_RENDERER and other GTK variables pass through.
#
# Needs: cc, pkg-config, the libadwaita development files, sqlite3 and
# gresource (libglib2.0-bin) for the generated sites, xvfb-run without a display.
#
# Copyright 2026 The Chongqing Science Atlas authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
runs=10
sites=100000
prefix=
keep_data=
args=("$@")

usage () {
  sed -n '2,15s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
  exit 2
}

while [ $# -gt 0 ]; do
  case "$1" in
    -n) runs=${2:?}; shift 2 ;;
    --sites) sites=${2:?}; shift 2 ;;
    --prefix) prefix=${2:?}; shift 2 ;;
    --keep-data) keep_data=${2:?}; shift 2 ;;
    -h|--help) usage ;;
    *) echo "bench-startup: unknown argument $1" >&2; usage ;;
  esac
done
case "$runs$sites" in *[!0-9]*) echo "bench-startup: -n and --sites take numbers" >&2; exit 2 ;; esac
[ "$runs" -ge 1 ] || { echo "bench-startup: -n must be at least 1" >&2; exit 2; }

# A display and a session bus, as the application expects.
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  command -v xvfb-run >/dev/null || { echo "bench-startup: no display and no xvfb-run" >&2; exit 1; }
  exec xvfb-run -a -s "-screen 0 1600x1200x24" "${BASH_SOURCE[0]}" "${args[@]}"
fi
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  command -v dbus-run-session >/dev/null || { echo "bench-startup: no session bus and no dbus-run-session" >&2; exit 1; }
  exec dbus-run-session -- "${BASH_SOURCE[0]}" "${args[@]}"
fi

if [ -z "$prefix" ]; then
  app=$(command -v cq-atlas || true)
  [ -n "$app" ] || { echo "bench-startup: cq-atlas is not in PATH; give --prefix" >&2; exit 1; }
  prefix=$(cd "$(dirname "$app")/.." && pwd)
fi
app=$prefix/bin/cq-atlas
[ -x "$app" ] || { echo "bench-startup: no $app (install the atlas first: meson install)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/cq-atlas-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The probe and the yardstick, built for this machine's GTK.
read -r -a gtk_flags <<<"$(pkg-config --cflags --libs gtk4)"
read -r -a adw_flags <<<"$(pkg-config --cflags --libs libadwaita-1)"
cc -O2 -shared -fPIC -o "$work/first-frame-probe.so" "$here/first-frame-probe.c" "${gtk_flags[@]}"
cc -O2 -o "$work/empty-window" "$here/empty-window.c" "${adw_flags[@]}"

export GSETTINGS_BACKEND=memory
export XDG_DATA_DIRS="$prefix/share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
if [ -d "$prefix/share/glib-2.0/schemas" ]; then
  export GSETTINGS_SCHEMA_DIR="$prefix/share/glib-2.0/schemas"
fi
mkdir -p "$work/bundled" "$work/many"

# run NAME DATA_HOME COMMAND...: one start to the first frame; appends
# "NAME wall_ms=.. first_frame_ms=.. maxrss_kib=.." to $work/results.
run () {
  local name=$1 data_home=$2; shift 2
  local report=$work/report start end status=0

  rm -f "$report"
  start=$(date +%s%N)
  XDG_DATA_HOME=$data_home FIRST_FRAME_PROBE_REPORT=$report \
    timeout 600 env LD_PRELOAD="$work/first-frame-probe.so" "$@" >"$work/last.log" 2>&1 || status=$?
  end=$(date +%s%N)
  if [ "$status" -ne 0 ] || [ ! -s "$report" ]; then
    echo "bench-startup: $name did not reach its first frame (exit $status):" >&2
    cat "$work/last.log" >&2
    exit 1
  fi
  echo "$name wall_ms=$(( (end - start) / 1000000 )) $(cat "$report")" >>"$work/results"
}

# The user's database with $sites sites, as an import of a register of sites
# leaves it: the atlas makes the database (its own schema, at its own
# version) on a first start; then come one source of the user's, the sites as
# copies of the bundled ones spread around them, one citation each, and a row
# each in the search index as atlas-search-index.c writes it.
if [ "$sites" -gt 0 ]; then
  command -v sqlite3 >/dev/null || { echo "bench-startup: --sites needs sqlite3" >&2; exit 1; }
  command -v gresource >/dev/null || { echo "bench-startup: --sites needs gresource" >&2; exit 1; }
  run setup "$work/many" "$app"
  # awk reads the whole list: with pipefail, head would end gresource by SIGPIPE
  db_path=$(gresource --section atlas_db list "$app" | awk 'NR == 1')
  gresource --section atlas_db extract "$app" "$db_path" >"$work/atlas.sqlite"
  sqlite3 "$work/many/cq-atlas/user.sqlite" <<SQL
ATTACH '$work/atlas.sqlite' AS bundled;
BEGIN;
CREATE TEMP TABLE template AS
  SELECT row_number () OVER (ORDER BY id) - 1 AS k, * FROM bundled.site;
CREATE TEMP TABLE n AS
  WITH RECURSIVE c (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i + 1 < $sites)
  SELECT i, i % (SELECT count (*) FROM template) AS k FROM c;
INSERT INTO source (id, title_zh, title_en, publisher_zh, publisher_en, published_on, kind,
                    seed_file, note)
  VALUES ('bench-register', '基准测试站点名录', 'Benchmark register of sites', '基准测试',
          'Benchmark', '2026-01-01', 'report', NULL, 'Made by build-aux/bench-startup.sh');
INSERT INTO site (id, name_zh, name_en, category, district_adcode, lon, lat,
                  location_precision, description_zh, description_en, established_on, note)
  SELECT printf ('bench-site-%06d', n.i), t.name_zh || ' ' || n.i, t.name_en || ' ' || n.i,
         t.category, t.district_adcode,
         t.lon + ((n.i * 7919) % 1000 - 500) / 10000.0,
         t.lat + ((n.i * 104729) % 1000 - 500) / 10000.0,
         t.location_precision, t.description_zh, t.description_en, t.established_on, NULL
  FROM n JOIN template t ON t.k = n.k;
INSERT INTO citation (entity, entity_id, source_id, quote, position)
  SELECT 'site', printf ('bench-site-%06d', i), 'bench-register',
         printf ('Entry %d of the register', i), 0
  FROM n;
INSERT INTO search (entity, entity_id, name, body)
  SELECT 'site', s.id, s.name_zh || ' ' || s.name_en,
         coalesce (s.description_zh, '') || ' ' || coalesce (s.description_en, '')
         || ' ' || coalesce (d.name_zh, '') || ' ' || coalesce (d.name_en, '')
  FROM site s LEFT JOIN bundled.district d ON d.adcode = s.district_adcode;
COMMIT;
SQL
fi
if [ -n "$keep_data" ]; then
  [ "$sites" -gt 0 ] || { echo "bench-startup: --keep-data needs --sites above 0" >&2; exit 2; }
  mkdir -p "$keep_data"
  cp -a "$work/many/." "$keep_data/"
  echo "bench-startup: the data of the $sites-site start is in $keep_data (XDG_DATA_HOME)"
  exit 0
fi

bundled_sites=$(command -v sqlite3 >/dev/null && [ -f "$work/atlas.sqlite" ] \
                && sqlite3 "$work/atlas.sqlite" "SELECT count (*) FROM site" || echo "bundled")

# One warm-up round (disk cache, font cache, the accessibility bus), not
# counted; then the counted rounds.
for round in $(seq 0 "$runs"); do
  [ "$round" -eq 1 ] && : >"$work/results"
  run empty "$work/bundled" "$work/empty-window"
  run atlas "$work/bundled" "$app"
  if [ "$sites" -gt 0 ]; then
    run many "$work/many" "$app"
  fi
done

# Figures: medians (min–max) per program, then the round-by-round ratios.
awk -v runs="$runs" -v sites="$sites" -v bundled="$bundled_sites" \
    -v renderer="${GSK_RENDERER:-default}" -v display="${WAYLAND_DISPLAY:-${DISPLAY:-}}" '
function field(line, key,    m) {
  if (match(line, key "=[0-9.]+")) return substr(line, RSTART + length(key) + 1, RLENGTH - length(key) - 1) + 0
  return -1
}
function median(a, n,    i, j, t) {
  for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
  return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
function stats(a, n, fmt,    m) {
  m = median(a, n)
  return sprintf(fmt " (" fmt ".." fmt ")", m, a[1], a[n])
}
{
  name = $1; r = ++count[name]
  wall[name, r] = field($0, "wall_ms"); rss[name, r] = field($0, "maxrss_kib") / 1024
}
END {
  names["empty"] = "empty window"; names["atlas"] = "atlas, " bundled " sites"
  names["many"] = "atlas, " sites " more sites"
  printf "start-up to the first painted frame; rounds counted: %d; display %s; GSK renderer %s\n", runs, display, renderer
  printf "  %-28s %26s %26s\n", "", "wall ms: median (min..max)", "peak RSS MiB: median (..)"
  split("empty atlas many", order, " ")
  for (o = 1; o <= 3; o++) {
    k = order[o]; n = count[k]; if (n == 0) continue
    for (i = 1; i <= n; i++) { w[i] = wall[k, i]; m[i] = rss[k, i] }
    printf "  %-28s %26s %26s\n", names[k], stats(w, n, "%.0f"), stats(m, n, "%.0f")
    rssmed[k] = median(m, n)
  }
  n = count["atlas"]
  for (i = 1; i <= n; i++) ratio[i] = wall["atlas", i] / wall["empty", i]
  printf "ratio atlas / empty window, per round: median %s\n", stats(ratio, n, "%.2f")
  printf "peak RSS over the empty window: +%.0f MiB\n", rssmed["atlas"] - rssmed["empty"]
  if (count["many"] > 0) {
    for (i = 1; i <= n; i++) ratio[i] = wall["many", i] / wall["atlas", i]
    printf "ratio with %d more sites / bundled only, per round: median %s\n", sites, stats(ratio, n, "%.2f")
    for (i = 1; i <= n; i++) ratio[i] = wall["many", i] / wall["empty", i]
    printf "ratio with %d more sites / empty window, per round: median %s\n", sites, stats(ratio, n, "%.2f")
    printf "peak RSS with %d more sites over bundled only: +%.0f MiB\n", sites, rssmed["many"] - rssmed["atlas"]
  }
}' "$work/results"
