/* atlas-import-benchmark.c
 *
 * Copyright 2026 The Chongqing Science Atlas authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <http://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "atlas-import"

#include "config.h"

#include <glib/gstdio.h>
#include <sys/resource.h>

#include "atlas-import.h"
#include "atlas-store-private.h"

/* `cq-atlas --benchmark import`: how fast an import of generated sites is,
 * and how long the main loop goes without a turn while it runs.  It goes
 * through the asynchronous path the import dialog uses (load, then apply, in
 * worker threads), against a user database in a temporary folder, never the
 * user's own.  A high-priority 1 ms timeout records the gaps between
 * main-loop iterations; the longest is the stall a window would show.
 *
 * One line per size (or for CQ_ATLAS_BENCHMARK_ROWS only):
 *   import rows=N rows_per_s=R max_stall_ms=S seconds=T cpu_s=C
 * seconds is the wall-clock time of the import; cpu_s the processor time
 * of all its threads, which says more than seconds on a machine others
 * share.  Then the largest import again, cancelled while its search index
 * is made:
 *   import-cancel rows=N while=indexing stopped_after_ms=M max_stall_ms=S
 * M is the time from the Cancel to the end of the import, rolled back.
 */

typedef struct
{
  GMainLoop       *loop;
  AtlasImportPlan *plan;
  GError          *error;
  gint64           last_tick;
  gint64           max_gap;
  /* For a cancelled run: */
  GCancellable    *cancellable;
  guint            cancel_timeout;
  gint64           writing_since;    /* the first report of rows written */
  guint            written_first;    /* how many rows that report gave */
  gint64           cancelled_at;
  gint64           finished_at;
} Bench;

static gboolean
on_tick (gpointer user_data)
{
  Bench *bench = user_data;
  gint64 now = g_get_monotonic_time ();

  if (bench->last_tick != 0)
    bench->max_gap = MAX (bench->max_gap, now - bench->last_tick);
  bench->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
on_applied (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Bench *bench = user_data;

  bench->finished_at = g_get_monotonic_time ();
  atlas_import_plan_apply_finish (bench->plan, result, &bench->error);
  g_main_loop_quit (bench->loop);
}

static gboolean
cancel_now (gpointer user_data)
{
  Bench *bench = user_data;

  bench->cancel_timeout = 0;
  bench->cancelled_at = g_get_monotonic_time ();
  g_cancellable_cancel (bench->cancellable);
  return G_SOURCE_REMOVE;
}

/* Once three quarters of the writing is reported, the Cancel is timed for
 * just after the rest: at the rate the writing has gone so far, and 20 ms
 * more, into the search index, which reports nothing until it is done
 * (about half a second at 100,000 rows).  Reports are at most 20 a second,
 * so the next one may be the last, after the index: a fixed 300 ms after
 * "nine tenths" missed the index on a fast machine.
 */
static void
on_progress (AtlasImportPlan  *plan,
             AtlasImportPhase  phase,
             guint             done,
             guint             total,
             Bench            *bench)
{
  gint64 now = g_get_monotonic_time ();

  if (phase != ATLAS_IMPORT_PHASE_WRITING || bench->cancel_timeout != 0 || bench->cancelled_at != 0)
    return;
  if (bench->writing_since == 0)
    {
      bench->writing_since = now;
      bench->written_first = done;
      return;
    }
  if (done >= total - total / 4 && done < total && done > bench->written_first)
    {
      double per_row_us = (double) (now - bench->writing_since) / (done - bench->written_first);
      guint rest_ms = (guint) ((total - done) * per_row_us / 1000.0);

      bench->cancel_timeout = g_timeout_add (rest_ms + 20, cancel_now, bench);
    }
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Bench *bench = user_data;

  if (!atlas_import_plan_load_finish (bench->plan, result, &bench->error))
    {
      g_main_loop_quit (bench->loop);
      return;
    }
  if (bench->cancellable != NULL)
    g_signal_connect (bench->plan, "progress", G_CALLBACK (on_progress), bench);
  atlas_import_plan_apply_async (bench->plan, bench->cancellable, on_applied, bench);
}

static gboolean
start_import (gpointer user_data)
{
  Bench *bench = user_data;
  GListModel *files = g_object_get_data (G_OBJECT (bench->plan), "files");

  atlas_import_plan_load_async (bench->plan, files, NULL, on_loaded, bench);
  return G_SOURCE_REMOVE;
}

/* @n sites spread over the label points of the districts, each citing a
 * bundled source.
 */
static GString *
generate_sites (AtlasStore *store,
                guint       n)
{
  GString *csv = g_string_new ("id,name_zh,name_en,category,district_adcode,lon,lat,"
                               "location_precision,source_id,quote\n");
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (double) * 3);
  sqlite3_stmt *stmt = atlas_store_prepare (store, "SELECT adcode, label_lon, label_lat"
                                                   " FROM main.district ORDER BY adcode", NULL);
  g_autofree char *source = NULL;

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      double p[3] = { sqlite3_column_int (stmt, 0), sqlite3_column_double (stmt, 1),
                      sqlite3_column_double (stmt, 2) };

      g_array_append_vals (points, p, 1);
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);
  stmt = atlas_store_prepare (store, "SELECT id FROM main.source ORDER BY id LIMIT 1", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    source = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (stmt != NULL)
    sqlite3_reset (stmt);
  g_return_val_if_fail (points->len > 0 && source != NULL, csv);

  for (guint i = 0; i < n; i++)
    {
      const double *p = &g_array_index (points, double, 3 * (i % points->len));
      char lon[G_ASCII_DTOSTR_BUF_SIZE], lat[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (csv, "bench-site-%u,基准站点%u,Benchmark site %u,laboratory,%d,%s,%s,"
                              "approximate,%s,基准数据\n",
                              i, i, i, (int) p[0], g_ascii_dtostr (lon, sizeof lon, p[1]),
                              g_ascii_dtostr (lat, sizeof lat, p[2]), source);
    }
  return csv;
}

/* Processor time of the whole process (every thread), in seconds. */
static double
cpu_seconds (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return 0;
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/* With @cancel, the import is cancelled while its search index is made, and
 * the line says how long the Cancel took to stop it.
 */
static gboolean
run_one (guint    n,
         gboolean cancel)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("cq-atlas-bench-XXXXXX", &error);
  g_autofree char *user_path = NULL;
  g_autofree char *csv_path = NULL;
  g_autoptr(GBytes) bundled = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GString) csv = NULL;
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  Bench bench = { 0 };
  gint64 start, elapsed;
  double cpu_start, cpu;
  guint tick;

  if (dir == NULL || (bundled = atlas_store_get_bundled_bytes (&error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  user_path = g_build_filename (dir, "user.sqlite", NULL);
  csv_path = g_build_filename (dir, "sites.csv", NULL);
  if ((store = atlas_store_new (bundled, user_path, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  csv = generate_sites (store, n);
  if (!g_file_set_contents (csv_path, csv->str, csv->len, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  file = g_file_new_for_path (csv_path);
  g_list_store_append (files, file);

  loop = g_main_loop_new (NULL, FALSE);
  bench.loop = loop;
  bench.plan = atlas_import_plan_new (store);
  g_object_set_data (G_OBJECT (bench.plan), "files", files);
  if (cancel)
    bench.cancellable = g_cancellable_new ();

  tick = g_timeout_add_full (G_PRIORITY_HIGH, 1, on_tick, &bench, NULL);
  g_idle_add (start_import, &bench);
  start = g_get_monotonic_time ();
  cpu_start = cpu_seconds ();
  g_main_loop_run (loop);
  elapsed = g_get_monotonic_time () - start;
  cpu = cpu_seconds () - cpu_start;
  on_tick (&bench);
  g_source_remove (tick);

  if (cancel)
    {
      if (bench.cancel_timeout != 0)
        g_source_remove (bench.cancel_timeout);
      if (bench.cancelled_at != 0
          && g_error_matches (bench.error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_CANCELLED))
        g_print ("import-cancel rows=%u while=indexing stopped_after_ms=%.1f max_stall_ms=%.1f\n", n,
                 (bench.finished_at - bench.cancelled_at) / 1000.0, bench.max_gap / 1000.0);
      else
        g_printerr ("import-cancel rows=%u failed: %s\n", n,
                    bench.error != NULL ? bench.error->message : "the import finished before the Cancel");
    }
  else
    {
      if (bench.error == NULL && atlas_import_plan_count (bench.plan, ATLAS_IMPORT_ACTION_REJECT) > 0)
        g_set_error (&bench.error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_REJECTED, "rows rejected");
      if (bench.error != NULL)
        g_printerr ("import rows=%u failed: %s\n", n, bench.error->message);
      else
        g_print ("import rows=%u rows_per_s=%.0f max_stall_ms=%.1f seconds=%.2f cpu_s=%.2f\n", n,
                 n / MAX (elapsed / 1e6, 1e-6), bench.max_gap / 1000.0, elapsed / 1e6, cpu);
    }

  g_clear_error (&bench.error);
  g_clear_object (&bench.cancellable);
  g_clear_object (&bench.plan);
  g_clear_object (&store);
  g_unlink (csv_path);
  g_unlink (user_path);
  g_rmdir (dir);
  return TRUE;
}

void
atlas_import_benchmark (void)
{
  static const guint sizes[] = { 1000, 10000, 100000 };
  /* One size only, for a profiler (callgrind on 100,000 rows takes long):
   * CQ_ATLAS_BENCHMARK_ROWS=20000 cq-atlas --benchmark import
   */
  const char *rows = g_getenv ("CQ_ATLAS_BENCHMARK_ROWS");
  guint64 n;

  if (rows != NULL && g_ascii_string_to_unsigned (rows, 10, 1, 10000000, &n, NULL))
    {
      run_one ((guint) n, FALSE);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    if (!run_one (sizes[i], FALSE))
      return;
  run_one (sizes[G_N_ELEMENTS (sizes) - 1], TRUE);
}
