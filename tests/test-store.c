/* test-store.c
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

/* AtlasStore: the bundled data from the resource, the user's database and
 * its migrations, and every way the user's database can be unusable.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "atlas-store.h"
#include "atlas-store-private.h"

typedef struct
{
  char   *dir;
  char   *user_path;
  GBytes *bundled;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("atlas-store-XXXXXX", &error);
  g_assert_no_error (error);
  f->user_path = g_build_filename (f->dir, "cq-atlas", "user.sqlite", NULL);
  f->bundled = atlas_store_get_bundled_bytes (&error);
  g_assert_no_error (error);
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
  g_free (f->user_path);
  g_bytes_unref (f->bundled);
}

static int
count (AtlasStore *store,
       const char *sql)
{
  sqlite3_stmt *stmt = atlas_store_prepare (store, sql, NULL);
  int n;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static void
write_file (const char *path,
            const char *contents,
            gssize      length)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0700);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* ---- the bundled data ------------------------------------------------- */

static void
test_open_from_resource (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (f->bundled, NULL, &error);
  g_autofree char *version = NULL;
  g_autofree char *created_on = NULL;
  g_autofree char *checksum = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_null (atlas_store_get_user_problem (store));

  g_assert_cmpint (count (store, "SELECT count(*) FROM main.district"), ==, 38);
  g_assert_cmpint (count (store, "SELECT count(*) FROM v_source"), >=, 1);
  g_assert_cmpint (count (store, "SELECT count(*) FROM v_site"), >=, 1);
  g_assert_true (atlas_store_get_release (store, &version, &created_on, &checksum));
  g_assert_cmpuint (strlen (checksum), ==, 64);

  /* The bundled data is read-only. */
  g_assert_cmpint (sqlite3_exec (atlas_store_get_db (store), "DELETE FROM main.site", NULL, NULL, NULL),
                   !=, SQLITE_OK);
}

static void
test_bundled_damaged (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) garbage = g_bytes_new_static ("this is not a database at all, no", 34);
  g_autoptr(AtlasStore) store = NULL;
  gsize size;
  const guint8 *data_ = g_bytes_get_data (f->bundled, &size);
  g_autoptr(GBytes) truncated = g_bytes_new (data_, size / 3);

  store = atlas_store_new (empty, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT);
  g_clear_error (&error);

  store = atlas_store_new (garbage, NULL, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_clear_error (&error);

  store = atlas_store_new (truncated, NULL, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
}

/* ---- the user's database ---------------------------------------------- */

static void
test_user_created (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;

  /* Missing: the folder and the file are made. */
  g_assert_false (g_file_test (f->user_path, G_FILE_TEST_EXISTS));
  store = atlas_store_new (f->bundled, f->user_path, &error);
  g_assert_no_error (error);
  g_assert_null (atlas_store_get_user_problem (store));
  g_assert_cmpstr (atlas_store_get_user_path (store), ==, f->user_path);
  g_assert_true (g_file_test (f->user_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (count (store, "PRAGMA user.user_version"), ==, ATLAS_USER_SCHEMA_VERSION);
}

static void
test_user_migration (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  sqlite3 *db = NULL;
  g_autofree char *dir = g_path_get_dirname (f->user_path);
  int sites;

  /* A database as version 1 of the app left it, with a site of the user's. */
  g_mkdir_with_parents (dir, 0700);
  g_assert_cmpint (sqlite3_open (f->user_path, &db), ==, SQLITE_OK);
  g_assert_true (_atlas_store_migrate_user_to (db, "main", 0, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO site (id, name_zh, name_en, category, district_adcode,"
                                 " lon, lat, location_precision) VALUES ('my-lab', '我的实验室',"
                                 " 'My Lab', 'laboratory', 500106, 106.37, 29.6, 'district')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = atlas_store_new (f->bundled, f->user_path, &error);
  g_assert_no_error (error);
  g_assert_null (atlas_store_get_user_problem (store));
  g_assert_cmpint (count (store, "PRAGMA user.user_version"), ==, ATLAS_USER_SCHEMA_VERSION);

  /* Version 2 added stories; the user's site survived and shows. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM user.story"), ==, 0);
  g_assert_cmpint (count (store, "SELECT count(*) FROM v_site WHERE id = 'my-lab' AND from_user = 1"), ==, 1);
  sites = count (store, "SELECT count(*) FROM v_site");
  g_assert_cmpint (sites, ==, count (store, "SELECT count(*) FROM main.site") + 1);
}

static void
test_user_corrupt (Fixture       *f,
                   gconstpointer  data)
{
  const char garbage[] = "SQLite format 3\0 but then nothing that makes sense ...........";
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  const GError *problem;

  write_file (f->user_path, garbage, sizeof garbage);
  before = read_file (f->user_path);

  store = atlas_store_new (f->bundled, f->user_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  problem = atlas_store_get_user_problem (store);
  g_assert_error (problem, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (problem->message, f->user_path));

  /* The app still works on the bundled data, and the file is untouched. */
  g_assert_cmpint (count (store, "SELECT count(*) FROM v_site"), >, 0);
  after = read_file (f->user_path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_user_newer (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autofree char *dir = g_path_get_dirname (f->user_path);
  sqlite3 *db = NULL;

  g_mkdir_with_parents (dir, 0700);
  g_assert_cmpint (sqlite3_open (f->user_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE future (x); PRAGMA user_version = 99;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = atlas_store_new (f->bundled, f->user_path, &error);
  g_assert_no_error (error);
  g_assert_error (atlas_store_get_user_problem (store), ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_TOO_NEW);
  g_assert_cmpint (count (store, "SELECT count(*) FROM v_site"), >, 0);

  /* Not downgraded. */
  g_assert_cmpint (sqlite3_open (f->user_path, &db), ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;

    sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 99);
    sqlite3_finalize (stmt);
  }
  sqlite3_close (db);
}

static void
test_user_unopenable (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;

  /* A folder where the file should be cannot be opened as a database. */
  g_mkdir_with_parents (f->user_path, 0700);

  store = atlas_store_new (f->bundled, f->user_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (atlas_store_get_user_problem (store));
  g_assert_null (atlas_store_get_user_path (store));
  g_assert_cmpint (count (store, "SELECT count(*) FROM v_site"), >, 0);
}

/* The user tables must have the bundled tables' columns in the same order:
 * the merged views select the same column list from both.
 */
static void
test_user_bundled_parity (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (f->bundled, NULL, &error);
  const char *tables[] = { "source", "site", "party", "event", "event_party", "event_site",
                           "series", "statistic", "citation", NULL };

  g_assert_no_error (error);

  for (guint i = 0; tables[i] != NULL; i++)
    {
      g_autoptr(GString) main_columns = g_string_new (NULL);
      g_autoptr(GString) user_columns = g_string_new (NULL);
      sqlite3_stmt *stmt;

      stmt = atlas_store_prepare (store, "SELECT group_concat (name || ':' || type, ',')"
                                         " FROM pragma_table_info (?1, 'main')", NULL);
      sqlite3_bind_text (stmt, 1, tables[i], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_string_append (main_columns, (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);

      stmt = atlas_store_prepare (store, "SELECT group_concat (name || ':' || type, ',')"
                                         " FROM pragma_table_info (?1, 'user')", NULL);
      sqlite3_bind_text (stmt, 1, tables[i], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_string_append (user_columns, (const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);

      g_test_message ("%s: %s", tables[i], main_columns->str);
      g_assert_cmpstr (user_columns->str, ==, main_columns->str);
    }
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (f->bundled, NULL, &error);
  g_autoptr(GHashTable) matches = NULL;
  g_autoptr(GHashTable) none = NULL;
  sqlite3_stmt *stmt;
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;

  /* Any site's Chinese name finds that site. */
  stmt = atlas_store_prepare (store, "SELECT id, name_zh FROM v_site ORDER BY id LIMIT 1", NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  key = atlas_store_search_key ("site", (const char *) sqlite3_column_text (stmt, 0));
  name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  sqlite3_reset (stmt);

  matches = atlas_store_search (store, name, &error);
  g_assert_no_error (error);
  g_assert_true (g_hash_table_contains (matches, key));

  /* Quotes and operators in the text are data, not syntax. */
  none = atlas_store_search (store, "\") OR 1=1 --", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (none), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/open-from-resource", test_open_from_resource);
  ADD ("/store/bundled-damaged", test_bundled_damaged);
  ADD ("/store/user/created", test_user_created);
  ADD ("/store/user/migration-v1", test_user_migration);
  ADD ("/store/user/corrupt", test_user_corrupt);
  ADD ("/store/user/newer", test_user_newer);
  ADD ("/store/user/unopenable", test_user_unopenable);
  ADD ("/store/user/bundled-parity", test_user_bundled_parity);
  ADD ("/store/search", test_search);

#undef ADD

  return g_test_run ();
}
