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
#include "atlas-store.h"

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

/* data/districts.csv with each district's label point filled in from the
 * bundled database.  Placing the 38 labels is most of a build's time; the
 * rules under test do not depend on it, and the points are the ones the
 * generator computed from the same geometry.  Made once per run.
 */
static const char *
districts_with_labels (void)
{
  static char *contents;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bundled = NULL;
  g_autoptr(GString) csv = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gsize size;
  guchar *copy;

  if (contents != NULL)
    return contents;

  bundled = atlas_store_get_bundled_bytes (&error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  size = g_bytes_get_size (bundled);
  copy = sqlite3_malloc64 (size);
  memcpy (copy, g_bytes_get_data (bundled, NULL), size);
  g_assert_cmpint (sqlite3_deserialize (db, "main", copy, size, size,
                                        SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY),
                   ==, SQLITE_OK);

  csv = g_string_new ("adcode,name_zh,name_en,kind,label_lon,label_lat\n");
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT adcode, name_zh, name_en, kind, label_lon, label_lat"
                                           " FROM district ORDER BY adcode", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      char lon[G_ASCII_DTOSTR_BUF_SIZE], lat[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_dtostr (lon, sizeof lon, sqlite3_column_double (stmt, 4));
      g_ascii_dtostr (lat, sizeof lat, sqlite3_column_double (stmt, 5));
      g_string_append_printf (csv, "%d,%s,%s,%s,%s,%s\n", sqlite3_column_int (stmt, 0),
                              sqlite3_column_text (stmt, 1), sqlite3_column_text (stmt, 2),
                              sqlite3_column_text (stmt, 3), lon, lat);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  contents = g_string_free (g_steal_pointer (&csv), FALSE);
  return contents;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  const char *real[] = { "rivers.csv", "release.csv", NULL };
  const char *mini[] = { "sources.csv", "areas.csv", "sites.csv", "parties.csv", "events.csv",
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
  {
    g_autofree char *to = g_build_filename (f->dir, "districts.csv", NULL);

    g_file_set_contents (to, districts_with_labels (), -1, &error);
    g_assert_no_error (error);
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

  /* A site known only by its area has no point and no district; the area
   * lists the districts it spans.
   */
  sqlite3_prepare_v2 (db, "SELECT s.district_adcode IS NULL, s.lon IS NULL, s.area_id,"
                          " (SELECT count(*) FROM area_district d WHERE d.area_id = s.area_id)"
                          " FROM site s WHERE s.id = 'gic-western-institute'", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 1);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, "liangjiang-new-area");
  g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, 3);
  sqlite3_finalize (stmt);

  /* An event keeps its amount's qualifier; a caveat and a gloss are stored. */
  sqlite3_prepare_v2 (db, "SELECT amount_qualifier, figures_planned FROM event WHERE id = 'casmart-founded'",
                      -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "over");
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 0);
  sqlite3_finalize (stmt);
  sqlite3_prepare_v2 (db, "SELECT count(*) FROM citation WHERE quote_en IS NULL OR quote_en = ''",
                      -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);

  /* The seed's bold marks do not stop a quote across them from matching:
   * the file has "全市研发人员**16.07万人**".
   */
  sqlite3_prepare_v2 (db, "SELECT quote FROM citation WHERE entity_id = 'rd-personnel'", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "全市研发人员16.07万人");
  sqlite3_finalize (stmt);

  sqlite3_close (db);
}

static void
test_missing_citation (Fixture       *f,
                       gconstpointer  data)
{
  edit (f, "sites.csv", ",cas-report,共建重庆市江北科技孵化园,co-built the Jiangbei incubation park,", ",,,,");
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


/* ---- precision ---------------------------------------------------------- */

static void
test_district_precision_with_assumed_note (Fixture       *f,
                                           gconstpointer  data)
{
  edit (f, "sites.csv", "The district comes from the name.", "The district is assumed.");
  assert_rejected (f, "sites.csv:2:", "is assumed");
}

static void
test_assumed_note_in_chinese (Fixture       *f,
                              gconstpointer  data)
{
  edit (f, "sites.csv", "区县来自名称。", "区县为假定。");
  assert_rejected (f, "sites.csv:2:", "is assumed");
}

static void
test_area_site_with_point (Fixture       *f,
                           gconstpointer  data)
{
  edit (f, "sites.csv", "research_institute,,,,area,", "research_institute,500112,106.52,29.64,area,");
  assert_rejected (f, "sites.csv:4:", "has no point and no district");
}

static void
test_area_site_without_area (Fixture       *f,
                             gconstpointer  data)
{
  edit (f, "sites.csv", ",area,liangjiang-new-area,", ",area,,");
  assert_rejected (f, "sites.csv:4:", "“area_id” is empty");
}

static void
test_point_site_without_point (Fixture       *f,
                               gconstpointer  data)
{
  edit (f, "sites.csv", ",,,unknown,,", ",,,district,,");
  assert_rejected (f, "sites.csv:3:", "needs district_adcode, lon and lat");
}

static void
test_unknown_site_with_area (Fixture       *f,
                             gconstpointer  data)
{
  edit (f, "sites.csv", ",,,unknown,,", ",,,unknown,liangjiang-new-area,");
  assert_rejected (f, "sites.csv:3:", "only for precision “area”");
}

static void
test_area_of_one_district (Fixture       *f,
                           gconstpointer  data)
{
  edit (f, "areas.csv", ",500105 500109 500112,", ",500112,");
  assert_rejected (f, "areas.csv:2:", "at least two districts");
}

static void
test_area_unknown_district (Fixture       *f,
                            gconstpointer  data)
{
  edit (f, "areas.csv", ",500105 500109 500112,", ",500105 500199,");
  assert_rejected (f, "areas.csv:2:", "“500199” is not a district");
}

/* ---- both languages ----------------------------------------------------- */

static void
test_quote_without_gloss (Fixture       *f,
                          gconstpointer  data)
{
  edit (f, "statistics.csv", ",five provincial-level innovation platforms,", ",,");
  assert_rejected (f, "statistics.csv:4:", "has no English gloss");
}

static void
test_extra_citation_without_gloss (Fixture       *f,
                                   gconstpointer  data)
{
  edit (f, "citations.csv", ",CAS Guangzhou Chemistry and the Liangjiang New Area administration signed an agreement", ",");
  assert_rejected (f, "citations.csv:3:", "has no English gloss");
}

static void
test_note_without_chinese (Fixture       *f,
                           gconstpointer  data)
{
  edit (f, "sites.csv", "Only the new area is known.,只知道位于两江新区。", "Only the new area is known.,");
  assert_rejected (f, "sites.csv:4:", "“note” is given without “note_zh”");
}

static void
test_caveat_without_english (Fixture       *f,
                             gconstpointer  data)
{
  edit (f, "events.csv", ",\"The report counts two agreements, and lists a third.\",", ",,");
  assert_rejected (f, "events.csv:2:", "“caveat_zh” is given without “caveat_en”");
}

static void
test_source_without_chinese_description (Fixture       *f,
                                         gconstpointer  data)
{
  edit (f, "sources.csv", ",回顾“十三五”期间合作的报告。", ",");
  assert_rejected (f, "sources.csv:2:", "“note_zh” is empty");
}

/* ---- quotes --------------------------------------------------------------- */

static void
test_bold_marks_in_quote (Fixture       *f,
                          gconstpointer  data)
{
  edit (f, "statistics.csv", ",全市研发人员16.07万人,", ",全市研发人员**16.07万人**,");
  assert_rejected (f, "statistics.csv:6:", "Markdown bold marks");
}

/* Only "**" is ignored: a quote that drops other characters of the source
 * still fails.
 */
static void
test_quote_check_ignores_only_bold_marks (Fixture       *f,
                                          gconstpointer  data)
{
  edit (f, "statistics.csv", ",全市研发人员16.07万人,", ",全市研发人员16.07万,");
  g_assert_true (build (f, NULL));
  g_remove (f->output);
  edit (f, "statistics.csv", ",全市研发人员16.07万,", ",全市研发人员1607万人,");
  assert_rejected (f, "statistics.csv:6:", "is not in source");
}

/* ---- figures ------------------------------------------------------------ */

static void
test_rank_as_count (Fixture       *f,
                    gconstpointer  data)
{
  edit (f, "statistics.csv", "Sponge-city evaluation rank,6,,rank,", "Sponge-city evaluation rank,6,,count,");
  assert_rejected (f, "statistics.csv:5:", "is a rank");
}

static void
test_growth_as_multiple (Fixture       *f,
                         gconstpointer  data)
{
  edit (f, "statistics.csv", "platforms,provincial_platforms,省部级创新平台,Provincial-level innovation platforms,5,,count,",
        "platforms,platforms_growth,省部级创新平台,Provincial-level innovation platforms,5,,times,");
  assert_rejected (f, "statistics.csv:4:", "increase_times");
}

static void
test_qualifier_without_amount (Fixture       *f,
                               gconstpointer  data)
{
  edit (f, "events.csv", ",100000000,over,", ",,over,");
  assert_rejected (f, "events.csv:3:", "“amount_qualifier” is given without “amount_cny”");
}

static void
test_unknown_amount_qualifier (Fixture       *f,
                               gconstpointer  data)
{
  edit (f, "events.csv", ",100000000,over,", ",100000000,roughly,");
  assert_rejected (f, "events.csv:3:", "unknown amount qualifier");
}

static void
test_planned_without_figures (Fixture       *f,
                              gconstpointer  data)
{
  edit (f, "events.csv", "全面科技合作协议,Comprehensive S&T Co-operation Agreement,,,,,,,",
        "全面科技合作协议,Comprehensive S&T Co-operation Agreement,,,,,,1,");
  assert_rejected (f, "events.csv:2:", "no amount or project count");
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
  ADD ("/dbgen/precision/assumed-note-rejects-district", test_district_precision_with_assumed_note);
  ADD ("/dbgen/precision/assumed-note-in-chinese", test_assumed_note_in_chinese);
  ADD ("/dbgen/precision/area-site-has-no-point", test_area_site_with_point);
  ADD ("/dbgen/precision/area-site-needs-area", test_area_site_without_area);
  ADD ("/dbgen/precision/point-site-needs-point", test_point_site_without_point);
  ADD ("/dbgen/precision/unknown-site-has-no-area", test_unknown_site_with_area);
  ADD ("/dbgen/area/spans-two-districts", test_area_of_one_district);
  ADD ("/dbgen/area/unknown-district", test_area_unknown_district);
  ADD ("/dbgen/languages/quote-needs-gloss", test_quote_without_gloss);
  ADD ("/dbgen/languages/extra-citation-needs-gloss", test_extra_citation_without_gloss);
  ADD ("/dbgen/languages/note-needs-chinese", test_note_without_chinese);
  ADD ("/dbgen/languages/caveat-needs-english", test_caveat_without_english);
  ADD ("/dbgen/languages/source-needs-chinese-description", test_source_without_chinese_description);
  ADD ("/dbgen/quotes/bold-marks-rejected", test_bold_marks_in_quote);
  ADD ("/dbgen/quotes/only-bold-marks-ignored", test_quote_check_ignores_only_bold_marks);
  ADD ("/dbgen/figures/rank-is-not-a-count", test_rank_as_count);
  ADD ("/dbgen/figures/growth-is-an-increase", test_growth_as_multiple);
  ADD ("/dbgen/figures/qualifier-needs-amount", test_qualifier_without_amount);
  ADD ("/dbgen/figures/unknown-amount-qualifier", test_unknown_amount_qualifier);
  ADD ("/dbgen/figures/planned-needs-figures", test_planned_without_figures);

#undef ADD

  return g_test_run ();
}
