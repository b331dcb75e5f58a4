/* test-dbgen.c
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

/* atlas-dbgen's rules, one test each.  A tiny dataset (tests/data/mini,
 * beside the real districts, rivers and geometry of data/) must build; then
 * each test breaks one rule in a copy and checks that the generator refuses
 * it and names the file, the line and the reason.
 */

#include "config.h"

#include <glib/gstdio.h>

#include <sqlite3.h>

#include "atlas-dataset-builder.h"

typedef struct
{
  char *dir;       /* the dataset copy */
  char *output;
  char *schema;
  char *seeds;
} Fixture;

static char *
source_path (const char *first,
             ...)
{
  const char *root = g_getenv ("ATLAS_SOURCE_ROOT");
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;
  va_list args;

  g_assert_nonnull (root);
  g_ptr_array_add (parts, (gpointer) root);
  g_ptr_array_add (parts, (gpointer) first);
  va_start (args, first);
  while ((part = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((char **) parts->pdata);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, length, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *real[] = { "districts.csv", "rivers.csv", "release.csv", NULL };
  const char *mini[] = { "sources.csv", "sites.csv", "parties.csv", "events.csv",
                         "event_parties.csv", "event_sites.csv", "series.csv",
                         "statistics.csv", "citations.csv", NULL };
  const char *geo[] = { "chongqing-districts.geojson", "chongqing-rivers.geojson", NULL };
  g_autofree char *geo_dir = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("atlas-dbgen-XXXXXX", &error);
  g_assert_no_error (error);
  geo_dir = g_build_filename (f->dir, "geo", NULL);
  g_mkdir (geo_dir, 0700);

  for (guint i = 0; real[i] != NULL; i++)
    {
      g_autofree char *from = source_path ("data", real[i], NULL);
      g_autofree char *to = g_build_filename (f->dir, real[i], NULL);

      copy_file (from, to);
    }
  for (guint i = 0; mini[i] != NULL; i++)
    {
      g_autofree char *from = source_path ("tests", "data", "mini", mini[i], NULL);
      g_autofree char *to = g_build_filename (f->dir, mini[i], NULL);

      copy_file (from, to);
    }
  for (guint i = 0; geo[i] != NULL; i++)
    {
      g_autofree char *from = source_path ("data", "geo", geo[i], NULL);
      g_autofree char *to = g_build_filename (geo_dir, geo[i], NULL);

      copy_file (from, to);
    }

  f->output = g_build_filename (f->dir, "out.sqlite", NULL);
  f->schema = source_path ("data", "schema.sql", NULL);
  f->seeds = source_path ("tests", "data", "mini", "seeds", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        remove_tree (child);
      }
  g_remove (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->output);
  g_free (f->schema);
  g_free (f->seeds);
}

/* Replaces the first @old in the dataset's @file by @new. */
static void
edit (Fixture    *f,
      const char *file,
      const char *old,
      const char *new)
{
  g_autofree char *path = g_build_filename (f->dir, file, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) error = NULL;
  char *at;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  at = strstr (contents, old);
  g_assert_nonnull (at);

  text = g_string_new_len (contents, at - contents);
  g_string_append (text, new);
  g_string_append (text, at + strlen (old));
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
}

static gboolean
build (Fixture             *f,
       AtlasDatasetBuilder **out_builder)
{
  g_autoptr(AtlasDatasetBuilder) builder = atlas_dataset_builder_new (f->dir, f->schema);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  atlas_dataset_builder_set_seeds_dir (builder, f->seeds);
  ok = atlas_dataset_builder_build (builder, f->output, &error);
  if (!ok)
    {
      const char * const *problems = atlas_dataset_builder_get_problems (builder);

      g_assert_nonnull (error);
      for (guint i = 0; problems[i] != NULL; i++)
        g_test_message ("problem: %s", problems[i]);
    }
  if (out_builder != NULL)
    *out_builder = g_steal_pointer (&builder);
  return ok;
}

/* The build fails with exactly one problem, at @where ("sites.csv:3:"),
 * whose text contains @reason.
 */
static void
assert_rejected (Fixture    *f,
                 const char *where,
                 const char *reason)
{
  g_autoptr(AtlasDatasetBuilder) builder = NULL;
  const char * const *problems;
  gboolean found = FALSE;

  g_assert_false (build (f, &builder));
  problems = atlas_dataset_builder_get_problems (builder);
  g_assert_nonnull (problems[0]);

  for (guint i = 0; problems[i] != NULL; i++)
    if (strstr (problems[i], where) != NULL && strstr (problems[i], reason) != NULL)
      found = TRUE;

  if (!found)
    g_error ("expected a problem at “%s” saying “%s”; got “%s”", where, reason, problems[0]);

  /* Nothing half-written is left behind. */
  g_assert_false (g_file_test (f->output, G_FILE_TEST_EXISTS));
}

static void
test_valid (Fixture       *f,
            gconstpointer  data)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_true (build (f, NULL));
  g_assert_cmpint (sqlite3_open_v2 (f->output, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  /* Every site, event, statistic and series has a citation. */
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                      "SELECT count(*) FROM (SELECT 'site' AS entity, id FROM site"
                                      " UNION ALL SELECT 'event', id FROM event"
                                      " UNION ALL SELECT 'statistic', id FROM statistic"
                                      " UNION ALL SELECT 'series', id FROM series) AS r"
                                      " WHERE NOT EXISTS (SELECT 1 FROM citation c"
                                      "                   WHERE c.entity = r.entity AND c.entity_id = r.id)",
                                      -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);

  sqlite3_prepare_v2 (db, "SELECT date_precision FROM event WHERE id = 'casmart-founded'", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "month");
  sqlite3_finalize (stmt);

  sqlite3_prepare_v2 (db, "SELECT count(*) FROM search WHERE search MATCH '孵化园'", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_finalize (stmt);

  sqlite3_close (db);
}

static void
test_missing_citation (Fixture       *f,
                       gconstpointer  data)
{
  edit (f, "sites.csv", "district,,,,cas-report,共建重庆市江北科技孵化园,", "district,,,,,,");
  assert_rejected (f, "sites.csv:2:", "has no citation");
}

static void
test_dangling_reference (Fixture       *f,
                         gconstpointer  data)
{
  edit (f, "event_sites.csv", "casmart-founded,hechuan-casmart,", "casmart-founded,no-such-site,");
  assert_rejected (f, "event_sites.csv:2:", "which does not exist");
}

static void
test_unknown_district (Fixture       *f,
                       gconstpointer  data)
{
  edit (f, "sites.csv", "incubator,500105,", "incubator,500199,");
  assert_rejected (f, "sites.csv:2:", "district 500199");
}

static void
test_malformed_date (Fixture       *f,
                     gconstpointer  data)
{
  edit (f, "events.csv", "agreement-2016,2016-04-21,", "agreement-2016,2016-04-31,");
  assert_rejected (f, "events.csv:2:", "malformed date");
}

static void
test_site_outside_district (Fixture       *f,
                            gconstpointer  data)
{
  /* Jiangbei's incubator moved to a point in Hechuan. */
  edit (f, "sites.csv", "500105,106.6542,29.6157,", "500105,106.2892,30.1534,");
  assert_rejected (f, "sites.csv:2:", "outside its district");
}

static void
test_site_outside_chongqing (Fixture       *f,
                             gconstpointer  data)
{
  /* Beijing. */
  edit (f, "sites.csv", "500105,106.6542,29.6157,", "500105,116.3975,39.9087,");
  assert_rejected (f, "sites.csv:2:", "outside Chongqing");
}

static void
test_series_total (Fixture       *f,
                   gconstpointer  data)
{
  edit (f, "series.csv", "count,2,cas-report", "count,3,cas-report");
  assert_rejected (f, "series.csv:2:", "add up to 2");
}

static void
test_quote_not_in_source (Fixture       *f,
                          gconstpointer  data)
{
  edit (f, "statistics.csv", "等5个省部级创新平台", "等6个省部级创新平台");
  assert_rejected (f, "statistics.csv:4:", "is not in source");
}

static void
test_duplicate_id (Fixture       *f,
                   gconstpointer  data)
{
  edit (f, "parties.csv", "chongqing-government,", "cas,");
  assert_rejected (f, "parties.csv:3:", "duplicate");
}

static void
test_unknown_vocabulary (Fixture       *f,
                         gconstpointer  data)
{
  edit (f, "sites.csv", ",incubator,", ",spaceport,");
  assert_rejected (f, "sites.csv:2:", "unknown site category");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/dbgen/valid", test_valid);
  ADD ("/dbgen/reject/missing-citation", test_missing_citation);
  ADD ("/dbgen/reject/dangling-reference", test_dangling_reference);
  ADD ("/dbgen/reject/unknown-district", test_unknown_district);
  ADD ("/dbgen/reject/malformed-date", test_malformed_date);
  ADD ("/dbgen/reject/site-outside-district", test_site_outside_district);
  ADD ("/dbgen/reject/site-outside-chongqing", test_site_outside_chongqing);
  ADD ("/dbgen/reject/series-total", test_series_total);
  ADD ("/dbgen/reject/quote-not-in-source", test_quote_not_in_source);
  ADD ("/dbgen/reject/duplicate-id", test_duplicate_id);
  ADD ("/dbgen/reject/unknown-vocabulary", test_unknown_vocabulary);

#undef ADD

  return g_test_run ();
}
