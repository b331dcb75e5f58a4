/* test-data-io.c
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

#define _DEFAULT_SOURCE
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "atlas-csv-export.h"
#include "atlas-export.h"
#include "atlas-import.h"
#include "atlas-package.h"
#include "atlas-store.h"
#include "atlas-store-private.h"
#include "data-io-fixture.h"

/* Import, export and packages against a real store: the bundled data and a
 * user database in a temporary folder.
 */

static const char sources_csv[] =
  "id,title_zh,title_en,publisher_zh,publisher_en,published_on,kind\n"
  "hand-source,手工来源,Hand-made source,测试出版社,Test Press,2024-05-01,report\n";

static const char sites_csv[] =
  "id,name_zh,name_en,category,district_adcode,lon,lat,location_precision,established_on,source_id,quote\n"
  "hand-lab,手工实验室,Hand Lab,laboratory,500106,106.30,29.60,approximate,2023-06,hand-source,\"一个实验室, 在重庆\"\n"
  "hand-park,手工园区,Hand Park,industrial_park,500106,106.35,29.58,district,,hand-source,一个园区\n";

static char *self_path;

static AtlasImportPlan *
plan_hand_made (AtlasStore *store)
{
  AtlasImportPlan *plan = atlas_import_plan_new (store);

  atlas_import_plan_add_csv (plan, "sources.csv", sources_csv, strlen (sources_csv));
  atlas_import_plan_add_csv (plan, "sites.csv", sites_csv, strlen (sites_csv));
  atlas_import_plan_validate (plan);
  return plan;
}

/* ---- import ---------------------------------------------------------- */

static void
test_import_hand_made (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(AtlasImportPlan) plan = plan_hand_made (f->store);
  g_autoptr(AtlasImportPlan) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) reopened = NULL;

  g_assert_cmpuint (atlas_import_plan_count (plan, ATLAS_IMPORT_ACTION_REJECT), ==, 0);
  /* One source, two sites, and the two citations from their source_id/quote. */
  g_assert_cmpuint (atlas_import_plan_count (plan, ATLAS_IMPORT_ACTION_ADD), ==, 5);
  g_assert_true (atlas_import_plan_can_apply (plan));

  g_assert_true (atlas_import_plan_apply (plan, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fixture_count (f->store, "SELECT count(*) FROM user.site"), ==, 2);
  g_assert_cmpint (fixture_count (f->store, "SELECT count(*) FROM v_site WHERE id = 'hand-lab'"), ==, 1);
  g_assert_cmpint (fixture_count (f->store, "SELECT count(*) FROM user.citation"), ==, 2);
  g_assert_cmpint (fixture_count (f->store, "SELECT count(*) FROM user.import_log"), ==, 1);
  g_assert_cmpint (fixture_count (f->store, "SELECT count(*) FROM user.search WHERE entity_id = 'hand-lab'"), ==, 1);

  /* The same files again: nothing new. */
  again = plan_hand_made (f->store);
  g_assert_cmpuint (atlas_import_plan_count (again, ATLAS_IMPORT_ACTION_ADD), ==, 0);
  g_assert_cmpuint (atlas_import_plan_count (again, ATLAS_IMPORT_ACTION_UNCHANGED), ==, 3);
  g_assert_false (atlas_import_plan_can_apply (again));

  /* It survives a restart. */
  g_clear_object (&f->store);
  reopened = fixture_open_store (f->user_path);
  g_assert_cmpint (fixture_count (reopened, "SELECT count(*) FROM v_site WHERE id = 'hand-park'"), ==, 1);
}

static void
test_import_change (Fixture       *f,
                    gconstpointer  data)
{
  static const char change[] =
    "id,name_en\n"
    "cas-chongqing-science-center,CAS Chongqing Science Centre (renamed)\n";
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new (f->store);
  g_autoptr(AtlasImportRow) row = NULL;
  g_autoptr(GError) error = NULL;
  int bundled = fixture_count (f->store, "SELECT count(*) FROM v_site");

  atlas_import_plan_add_csv (plan, "sites.csv", change, strlen (change));
  /* name_zh and the others are required for a new site, but this one exists:
   * missing columns of a change keep their values.  The header still needs
   * the required columns, so this is refused, each missing column said once.
   */
  g_assert_cmpuint (atlas_import_plan_count (plan, ATLAS_IMPORT_ACTION_REJECT), ==, 3);
  row = fixture_first_rejection (plan);
  g_assert_nonnull (strstr (atlas_import_row_get_message (row), "name_zh"));
  g_assert_cmpint (fixture_count (f->store, "SELECT count(*) FROM v_site"), ==, bundled);
}

static void
test_import_change_full (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasImportPlan) plan = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) edited = NULL;
  gsize length;

  /* Export, edit one English name, import: one change. */
  path = g_build_filename (f->dir, "export", NULL);
  folder = g_file_new_for_path (path);
  g_assert_true (atlas_csv_export (f->store, folder, NULL, ATLAS_CSV_EXPORT_NONE, &error));
  g_assert_no_error (error);
  g_free (path);
  path = g_build_filename (f->dir, "export", "sites.csv", NULL);
  g_assert_true (g_file_get_contents (path, &text, &length, &error));
  edited = g_string_new (text);
  g_assert_cmpuint (g_string_replace (edited, "CAS Chongqing Science Center,", "CAS Chongqing Science Centre,", 1), ==, 1);

  plan = atlas_import_plan_new (f->store);
  atlas_import_plan_add_csv (plan, "sites.csv", edited->str, edited->len);
  atlas_import_plan_validate (plan);
  g_assert_cmpuint (atlas_import_plan_count (plan, ATLAS_IMPORT_ACTION_REJECT), ==, 0);
  g_assert_cmpuint (atlas_import_plan_count (plan, ATLAS_IMPORT_ACTION_CHANGE), ==, 1);
  g_assert_cmpuint (atlas_import_plan_count (plan, ATLAS_IMPORT_ACTION_ADD), ==, 0);
  g_assert_true (atlas_import_plan_apply (plan, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fixture_count (f->store, "SELECT count(*) FROM v_site WHERE name_en = 'CAS Chongqing Science Centre'"), ==, 1);
  g_assert_cmpint (fixture_count (f->store, "SELECT count(*) FROM v_site WHERE name_en = 'CAS Chongqing Science Center'"), ==, 0);
}

/* The search index keeps one row per record through an add and a change:
 * the old row of a changed record is replaced, while an import of new
 * records only adds rows.
 */
static void
test_import_search_rows (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(AtlasImportPlan) plan = plan_hand_made (f->store);
  g_autoptr(AtlasImportPlan) change = atlas_import_plan_new (f->store);
  g_autoptr(GString) renamed = g_string_new (sites_csv);
  g_autoptr(GError) error = NULL;

  g_assert_true (atlas_import_plan_apply (plan, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fixture_count (f->store, "SELECT count(*) FROM user.search WHERE entity_id = 'hand-lab'"), ==, 1);
  g_assert_cmpint (fixture_count (f->store, "SELECT count(*) FROM user.search WHERE entity_id = 'hand-park'"), ==, 1);

  g_assert_cmpuint (g_string_replace (renamed, ",Hand Lab,", ",Hand Laboratory,", 1), ==, 1);
  atlas_import_plan_add_csv (change, "sites.csv", renamed->str, renamed->len);
  atlas_import_plan_validate (change);
  g_assert_cmpuint (atlas_import_plan_count (change, ATLAS_IMPORT_ACTION_CHANGE), ==, 1);
  g_assert_true (atlas_import_plan_apply (change, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (fixture_count (f->store, "SELECT count(*) FROM user.search WHERE entity_id = 'hand-lab'"), ==, 1);
  g_assert_cmpint (fixture_count (f->store, "SELECT count(*) FROM user.search WHERE entity_id = 'hand-lab'"
                                            " AND name LIKE '%Hand Laboratory%'"), ==, 1);
  g_assert_cmpint (fixture_count (f->store, "SELECT count(*) FROM user.search WHERE entity_id = 'hand-park'"), ==, 1);
}

typedef struct
{
  const char *name;
  const char *file;
  const char *content;
  const char *expected;   /* in the rejection's message */
  const char *location;   /* prefix of "file:line:column" */
} BadInput;

static const BadInput bad_inputs[] = {
  { "bad-utf8", "sites.csv",
    "id,name_zh,name_en,category,district_adcode,lon,lat,location_precision,source_id,quote\n"
    "bad-a,\xff\xfe,Bad,laboratory,500106,106.3,29.6,exact,cas-report-2021,q\n",
    "UTF-8", "sites.csv:2" },
  { "wrong-columns", "sites.csv",
    "id,name_zh,name_en,colour\nx,a,b,red\n", "colour", "sites.csv:1" },
  { "row-width", "sources.csv",
    "id,title_zh,title_en,publisher_zh,publisher_en,published_on,kind\n"
    "a-source,甲,A,乙,B,2024-01-01\n", "fields", "sources.csv:2" },
  { "bad-date", "sources.csv",
    "id,title_zh,title_en,publisher_zh,publisher_en,published_on,kind\n"
    "date-source,甲,A,乙,B,2024-13-45,report\n", "not a date", "sources.csv:2:6 (published_on)" },
  { "unknown-reference", "sites.csv",
    "id,name_zh,name_en,category,district_adcode,lon,lat,location_precision,source_id,quote\n"
    "ref-site,参照,Ref,laboratory,500106,106.3,29.6,exact,no-such-source,quote\n",
    "Unknown source", "sites.csv:2:9 (source_id)" },
  { "unknown-district", "sites.csv",
    "id,name_zh,name_en,category,district_adcode,lon,lat,location_precision,source_id,quote\n"
    "ref-site,参照,Ref,laboratory,123456,106.3,29.6,exact,cas-report,quote\n",
    "Unknown district", "sites.csv:2:5 (district_adcode)" },
  { "missing-source", "sites.csv",
    "id,name_zh,name_en,category,district_adcode,lon,lat,location_precision\n"
    "lonely-site,孤独,Lonely,laboratory,500106,106.3,29.6,exact\n",
    "no source", "sites.csv:2" },
  { "duplicate-id", "parties.csv",
    "id,name_zh,name_en,kind\n"
    "twin,双甲,Twin A,company\n"
    "twin,双乙,Twin B,company\n",
    "also on line 2", "parties.csv:3:1 (id)" },
  { "duplicate-name", "parties.csv",
    "id,name_zh,name_en,kind\n"
    "twin-a,双子,Twin A,company\n"
    "twin-b,双子,Twin B,company\n",
    "same name", "parties.csv:3" },
  { "bad-json", "data.json", "{\"format\": \"io.github.cqatlas.ScienceAtlas.dataset\",\n \"tables\": [", "not valid JSON", "data.json:2" },
  { "json-bad-date", "data.json",
    "{\"format\": \"io.github.cqatlas.ScienceAtlas.dataset\", \"format_version\": 1,\n"
    " \"tables\": {\"source\": [\n"
    "  {\"id\": \"j-source\", \"title_zh\": \"甲\", \"title_en\": \"A\", \"publisher_zh\": \"乙\",\n"
    "   \"publisher_en\": \"B\", \"published_on\": \"yesterday\", \"kind\": \"report\"}]}}\n",
    "not a date", "data.json:4:published_on" },
  /* Found by the JSON fuzzer: a huge number where a whole one belongs. */
  { "json-huge-number", "data.json",
    "{\"format\": \"io.github.cqatlas.ScienceAtlas.dataset\", \"format_version\": 1,\n"
    " \"tables\": {\"site\": [\n"
    "  {\"id\": \"j-site\", \"name_zh\": \"甲\", \"name_en\": \"A\", \"category\": \"laboratory\",\n"
    "   \"district_adcode\": 1e300}]}}\n",
    "not a whole number", "data.json:4:district_adcode" },
  { "unknown-table", "widgets.csv", "id\nx\n", "Neither the file name nor the header", "widgets.csv:1" },
};

static void
test_import_rejects (Fixture       *f,
                     gconstpointer  data)
{
  const BadInput *bad = data;
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new (f->store);
  g_autoptr(AtlasImportRow) row = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *location = NULL;
  g_autofree char *before = fixture_export_text (f->store);
  g_autofree char *after = NULL;

  if (g_str_has_suffix (bad->file, ".json"))
    atlas_import_plan_add_json (plan, bad->file, bad->content, strlen (bad->content));
  else
    atlas_import_plan_add_csv (plan, bad->file, bad->content, strlen (bad->content));
  atlas_import_plan_validate (plan);

  row = fixture_first_rejection (plan);
  g_assert_nonnull (row);
  location = atlas_import_row_dup_location (row);
  g_test_message ("%s: %s", location, atlas_import_row_get_message (row));
  g_assert_nonnull (strstr (atlas_import_row_get_message (row), bad->expected));
  g_assert_true (g_str_has_prefix (location, bad->location));

  g_assert_false (atlas_import_plan_can_apply (plan));
  g_assert_false (atlas_import_plan_apply (plan, NULL, NULL, &error));
  g_assert_error (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_REJECTED);

  after = fixture_export_text (f->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (fixture_count (f->store, "SELECT count(*) FROM user.import_log"), ==, 0);
}

static void
test_import_huge_field (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("id,name_zh,name_en,kind\nhuge,");
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new (f->store);
  g_autoptr(AtlasImportRow) row = NULL;

  for (guint i = 0; i < ATLAS_IMPORT_MAX_FIELD + 10; i++)
    g_string_append_c (csv, 'x');
  g_string_append (csv, ",Huge,company\n");
  atlas_import_plan_add_csv (plan, "parties.csv", csv->str, csv->len);
  row = fixture_first_rejection (plan);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (atlas_import_row_get_message (row), "larger than"));
  g_assert_false (atlas_import_plan_can_apply (plan));
  g_assert_cmpint (fixture_count (f->store, "SELECT count(*) FROM user.party"), ==, 0);
}

/* ---- round trips ----------------------------------------------------- */

static void
import_folder (AtlasStore      *store,
               const char      *path,
               AtlasImportPlan **plan_out)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  AtlasImportPlan *plan = atlas_import_plan_new (store);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file_path = g_build_filename (path, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (file_path);
      g_autoptr(GError) error = NULL;

      g_assert_true (atlas_import_plan_add_file (plan, file, NULL, &error));
      g_assert_no_error (error);
    }
  atlas_import_plan_validate (plan);
  {
    g_autoptr(AtlasImportRow) row = fixture_first_rejection (plan);
    if (row != NULL)
      g_test_message ("%s:%u: %s", atlas_import_row_get_file (row), atlas_import_row_get_line (row),
                      atlas_import_row_get_message (row));
  }
  *plan_out = plan;
}

static void
test_csv_round_trip (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(AtlasImportPlan) hand = plan_hand_made (f->store);
  g_autoptr(AtlasImportPlan) same = NULL;
  g_autoptr(AtlasImportPlan) fresh = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *path = g_build_filename (f->dir, "csv", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *user2 = g_build_filename (f->dir, "user2.sqlite", NULL);
  g_autoptr(AtlasStore) other = NULL;
  g_autofree char *release = NULL;
  g_autofree char *release_path = NULL;

  g_assert_true (atlas_import_plan_apply (hand, NULL, NULL, &error));
  g_assert_no_error (error);
  before = fixture_export_text (f->store);

  folder = g_file_new_for_path (path);
  g_assert_true (atlas_csv_export (f->store, folder, NULL, ATLAS_CSV_EXPORT_BOM, &error));
  g_assert_no_error (error);

  /* The release is in every export. */
  release_path = g_build_filename (path, "release.csv", NULL);
  g_assert_true (g_file_get_contents (release_path, &release, NULL, NULL));
  g_assert_true (g_str_has_prefix (release, "\xEF\xBB\xBFversion,created_on,checksum"));

  /* Read back against the same database: every row is already there. */
  import_folder (f->store, path, &same);
  g_assert_cmpuint (atlas_import_plan_count (same, ATLAS_IMPORT_ACTION_REJECT), ==, 0);
  g_assert_cmpuint (atlas_import_plan_count (same, ATLAS_IMPORT_ACTION_ADD), ==, 0);
  g_assert_cmpuint (atlas_import_plan_count (same, ATLAS_IMPORT_ACTION_CHANGE), ==, 0);
  g_assert_cmpuint (atlas_import_plan_count (same, ATLAS_IMPORT_ACTION_UNCHANGED), >, 100);

  /* Into an empty user database: the result equals the original. */
  other = fixture_open_store (user2);
  import_folder (other, path, &fresh);
  g_assert_cmpuint (atlas_import_plan_count (fresh, ATLAS_IMPORT_ACTION_REJECT), ==, 0);
  g_assert_cmpuint (atlas_import_plan_count (fresh, ATLAS_IMPORT_ACTION_ADD), ==, 5);
  g_assert_true (atlas_import_plan_apply (fresh, NULL, NULL, &error));
  g_assert_no_error (error);
  after = fixture_export_text (other);
  g_assert_cmpstr (before, ==, after);
}

static void
test_json_round_trip (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(AtlasImportPlan) hand = plan_hand_made (f->store);
  g_autoptr(AtlasImportPlan) fresh = NULL;
  g_autoptr(AtlasImportPlan) same = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "data.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *user2 = g_build_filename (f->dir, "user2.sqlite", NULL);
  g_autoptr(AtlasStore) other = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (atlas_import_plan_apply (hand, NULL, NULL, &error));
  before = fixture_export_text (f->store);
  g_assert_true (atlas_export_json (f->store, file, &error));
  g_assert_no_error (error);

  same = atlas_import_plan_new (f->store);
  g_assert_true (atlas_import_plan_add_file (same, file, NULL, &error));
  g_assert_cmpuint (atlas_import_plan_count (same, ATLAS_IMPORT_ACTION_REJECT), ==, 0);
  g_assert_cmpuint (atlas_import_plan_count (same, ATLAS_IMPORT_ACTION_ADD), ==, 0);
  g_assert_cmpuint (atlas_import_plan_count (same, ATLAS_IMPORT_ACTION_CHANGE), ==, 0);

  other = fixture_open_store (user2);
  fresh = atlas_import_plan_new (other);
  g_assert_true (atlas_import_plan_add_file (fresh, file, NULL, &error));
  g_assert_cmpuint (atlas_import_plan_count (fresh, ATLAS_IMPORT_ACTION_REJECT), ==, 0);
  g_assert_true (atlas_import_plan_apply (fresh, NULL, NULL, &error));
  g_assert_no_error (error);
  after = fixture_export_text (other);
  g_assert_cmpstr (before, ==, after);
}

static void
test_selection_export (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(AtlasExportSelection) selection = atlas_export_selection_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "sel", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autofree char *sites = NULL;
  g_autofree char *sites_path = g_build_filename (path, "sites.csv", NULL);
  g_auto(GStrv) lines = NULL;

  atlas_export_selection_add_site (selection, "cas-chongqing-science-center");
  g_assert_true (atlas_csv_export (f->store, folder, selection, ATLAS_CSV_EXPORT_NONE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (sites_path, &sites, NULL, NULL));
  lines = g_strsplit (sites, "\r\n", -1);
  /* The header, one site, and the empty string after the last line. */
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[1], "cas-chongqing-science-center,"));
}

/* ---- packages -------------------------------------------------------- */

static void
test_package_round_trip (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(AtlasImportPlan) hand = plan_hand_made (f->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "data.cqatlas", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AtlasStore) from_package = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *version = NULL;
  sqlite3 *db;
  gsize length;

  g_assert_true (atlas_import_plan_apply (hand, NULL, NULL, &error));
  before = fixture_export_text (f->store);
  g_assert_true (atlas_package_write (f->store, path, "test.1", &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  db = atlas_package_open (bytes, &error);
  g_assert_no_error (error);
  sqlite3_close (db);

  from_package = atlas_store_new (bytes, NULL, &error);
  g_assert_no_error (error);
  after = fixture_export_text (from_package);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (atlas_store_get_release (from_package, &version, NULL, NULL));
  g_assert_cmpstr (version, ==, "test.1");

  /* One flipped byte in the middle: refused. */
  {
    gsize size = g_bytes_get_size (bytes);
    guint8 *copy = g_memdup2 (g_bytes_get_data (bytes, NULL), size);
    g_autoptr(GBytes) damaged = NULL;

    for (gsize i = size / 2; i < size; i++)
      if (copy[i] == 'L')   /* inside a record's text */
        {
          copy[i] = 'M';
          break;
        }
    damaged = g_bytes_new_take (copy, size);
    db = atlas_package_open (damaged, &error);
    g_assert_null (db);
    g_assert_nonnull (error);
    g_clear_error (&error);
  }
}

static void
test_package_import (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(AtlasImportPlan) hand = plan_hand_made (f->store);
  g_autoptr(AtlasImportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "data.cqatlas", NULL);
  g_autofree char *user2 = g_build_filename (f->dir, "user2.sqlite", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AtlasStore) other = NULL;

  g_assert_true (atlas_import_plan_apply (hand, NULL, NULL, &error));
  g_assert_true (atlas_package_write (f->store, path, "test.2", &error));
  other = fixture_open_store (user2);
  plan = atlas_import_plan_new (other);
  g_assert_true (atlas_import_plan_add_file (plan, file, NULL, &error));
  g_assert_cmpuint (atlas_import_plan_count (plan, ATLAS_IMPORT_ACTION_REJECT), ==, 0);
  g_assert_cmpuint (atlas_import_plan_count (plan, ATLAS_IMPORT_ACTION_ADD), ==, 5);
}

static void
test_reset_to_bundled (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(AtlasImportPlan) hand = plan_hand_made (f->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  g_assert_true (atlas_import_plan_apply (hand, NULL, NULL, &error));
  g_assert_cmpint (fixture_count (f->store, "SELECT count(*) FROM v_site WHERE id = 'hand-lab'"), ==, 1);
  g_assert_true (atlas_store_reset_to_bundled (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fixture_count (f->store, "SELECT count(*) FROM v_site WHERE id = 'hand-lab'"), ==, 0);
  label = atlas_store_dup_release_label (f->store);
  g_assert_nonnull (strstr (label, "·"));
}

/* ---- robustness ------------------------------------------------------ */

static gboolean
child_progress (guint    done,
                guint    total,
                gpointer user_data)
{
  /* Tell the parent the transaction is open, then take our time. */
  fputs ("writing\n", stdout);
  fflush (stdout);
  g_usleep (20 * 1000);
  return TRUE;
}

static int
run_child_import (const char *user_path)
{
  g_autoptr(AtlasStore) store = fixture_open_store (user_path);
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new (store);
  g_autoptr(GString) csv = g_string_new ("id,name_zh,name_en,kind,\n");
  g_autoptr(GError) error = NULL;

  g_string_assign (csv, "id,name_zh,name_en,kind\n");
  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (csv, "bulk-%u,批量%u,Bulk %u,company\n", i, i, i);
  atlas_import_plan_add_csv (plan, "parties.csv", csv->str, csv->len);
  atlas_import_plan_apply (plan, child_progress, NULL, &error);
  return 0;
}

static void
test_kill_during_import (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(AtlasImportPlan) hand = plan_hand_made (f->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  g_autoptr(AtlasStore) reopened = NULL;
  sqlite3 *db = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* Committed before the crash. */
  g_assert_true (atlas_import_plan_apply (hand, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&f->store);

  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            self_path,
                            "--child-import", f->user_path, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_cmpstr (line, ==, "writing");
  g_clear_pointer (&line, g_free);
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_cmpstr (line, ==, "writing");
  g_subprocess_send_signal (child, SIGKILL);
  g_subprocess_wait (child, NULL, NULL);
  g_assert_true (g_subprocess_get_if_signaled (child));

  g_assert_cmpint (sqlite3_open (f->user_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close (db);

  reopened = fixture_open_store (f->user_path);
  g_assert_null (atlas_store_get_user_problem (reopened));
  g_assert_cmpint (fixture_count (reopened, "SELECT count(*) FROM user.site"), ==, 2);
  g_assert_cmpint (fixture_count (reopened, "SELECT count(*) FROM user.party"), ==, 0);
  g_assert_cmpint (fixture_count (reopened, "SELECT count(*) FROM user.import_log"), ==, 1);
}

/* Each broken user database: the store opens with the bundled data and
 * says why.
 */
static void
test_user_db_problems (Fixture       *f,
                       gconstpointer  data)
{
  const char *kind = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bundled = atlas_store_get_bundled_bytes (&error);
  g_autoptr(AtlasStore) store = NULL;
  sqlite3 *locker = NULL;
  const GError *problem;

  g_clear_object (&f->store);

  if (g_str_equal (kind, "corrupt"))
    g_assert_true (g_file_set_contents (f->user_path, "SQLite format 3\0 garbage garbage garbage", 40, NULL));
  else if (g_str_equal (kind, "newer"))
    {
      sqlite3 *db;
      g_assert_cmpint (sqlite3_open (f->user_path, &db), ==, SQLITE_OK);
      sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL);
      sqlite3_close (db);
    }
  else if (g_str_equal (kind, "locked"))
    {
      g_unlink (f->user_path);
      g_assert_cmpint (sqlite3_open (f->user_path, &locker), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (locker, "CREATE TABLE x (y); BEGIN EXCLUSIVE; INSERT INTO x VALUES (1);",
                                     NULL, NULL, NULL), ==, SQLITE_OK);
    }
  else if (g_str_equal (kind, "read-only"))
    {
      g_unlink (f->user_path);
      g_assert_cmpint (g_chmod (f->dir, 0500), ==, 0);
      if (access (f->dir, W_OK) == 0)
        {
          /* Root writes anywhere; /proc takes no new folders even from root. */
          g_chmod (f->dir, 0700);
          g_free (f->user_path);
          f->user_path = g_strdup ("/proc/self/cq-atlas-test/user.sqlite");
        }
    }
  else if (g_str_equal (kind, "full"))
    {
      /* /dev/full accepts the open and fails every write with ENOSPC. */
      g_unlink (f->user_path);
      if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS) || symlink ("/dev/full", f->user_path) != 0)
        {
          g_test_skip ("no /dev/full");
          return;
        }
    }

  store = atlas_store_new (bundled, f->user_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  problem = atlas_store_get_user_problem (store);
  g_assert_nonnull (problem);
  g_test_message ("%s: %s", kind, problem->message);
  g_assert_cmpint (fixture_count (store, "SELECT count(*) FROM v_site"), >, 50);

  if (locker != NULL)
    {
      sqlite3_exec (locker, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close (locker);
    }
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--child-import"))
    return run_child_import (argv[2]);

  g_test_init (&argc, &argv, NULL);
  self_path = g_canonicalize_filename (argv[0], NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/data-io/import/hand-made", test_import_hand_made);
  ADD ("/data-io/import/change-partial-header", test_import_change);
  ADD ("/data-io/import/change", test_import_change_full);
  ADD ("/data-io/import/huge-field", test_import_huge_field);
  ADD ("/data-io/import/search-rows", test_import_search_rows);
  for (guint i = 0; i < G_N_ELEMENTS (bad_inputs); i++)
    {
      g_autofree char *path = g_strdup_printf ("/data-io/import/rejects/%s", bad_inputs[i].name);

      g_test_add (path, Fixture, &bad_inputs[i], fixture_set_up, test_import_rejects, fixture_tear_down);
    }
  ADD ("/data-io/export/csv-round-trip", test_csv_round_trip);
  ADD ("/data-io/export/json-round-trip", test_json_round_trip);
  ADD ("/data-io/export/selection", test_selection_export);
  ADD ("/data-io/package/round-trip", test_package_round_trip);
  ADD ("/data-io/package/import", test_package_import);
  ADD ("/data-io/store/reset-to-bundled", test_reset_to_bundled);
  ADD ("/data-io/robustness/kill-during-import", test_kill_during_import);
  g_test_add ("/data-io/robustness/corrupt", Fixture, "corrupt", fixture_set_up, test_user_db_problems, fixture_tear_down);
  g_test_add ("/data-io/robustness/newer", Fixture, "newer", fixture_set_up, test_user_db_problems, fixture_tear_down);
  g_test_add ("/data-io/robustness/locked", Fixture, "locked", fixture_set_up, test_user_db_problems, fixture_tear_down);
  g_test_add ("/data-io/robustness/read-only", Fixture, "read-only", fixture_set_up, test_user_db_problems, fixture_tear_down);
  g_test_add ("/data-io/robustness/full-disk", Fixture, "full", fixture_set_up, test_user_db_problems, fixture_tear_down);

  return g_test_run ();
}
