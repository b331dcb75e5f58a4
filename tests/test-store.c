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

/* pwrite(), futimens() and struct stat's nanoseconds: POSIX, outside C11. */
#define _GNU_SOURCE

#include "config.h"

#include <glib/gstdio.h>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atlas-import.h"
#include "atlas-schema.h"
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

/* The bundled data is read in place: the pages come from the image, not
 * from a copy in SQLite's page cache (which grew as large as what was
 * read: the outlines alone are most of the file).
 */
static void
test_bundled_read_in_place (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (f->bundled, NULL, &error);
  sqlite3 *db;
  int before = 0, used = 0, highest = 0;
  gint64 outlines;

  g_assert_no_error (error);
  db = atlas_store_get_db (store);
  g_assert_cmpint (count (store, "SELECT count(*) FROM main.district"), ==, 38);
  g_assert_cmpint (sqlite3_db_status (db, SQLITE_DBSTATUS_CACHE_USED, &before, &highest, FALSE), ==, SQLITE_OK);

  outlines = count (store, "SELECT sum (length (hex (geometry))) / 2 FROM main.district") +
             count (store, "SELECT sum (length (hex (geometry))) / 2 FROM main.river");
  g_assert_cmpint (outlines, >, 256 * 1024);

  g_assert_cmpint (sqlite3_db_status (db, SQLITE_DBSTATUS_CACHE_USED, &used, &highest, FALSE), ==, SQLITE_OK);
  g_test_message ("outlines %" G_GINT64_FORMAT " bytes read, page cache grew %d bytes", outlines, used - before);
  g_assert_cmpint (used - before, <, outlines / 4);
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

/* A damaged file is moved aside, byte for byte, and a fresh one takes its
 * place; the message says where the old one is.
 */
static void
test_user_corrupt (Fixture       *f,
                   gconstpointer  data)
{
  const char garbage[] = "SQLite format 3\0 but then nothing that makes sense ...........";
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *message = NULL;
  const GError *problem;
  const char *moved;

  write_file (f->user_path, garbage, sizeof garbage);
  before = read_file (f->user_path);

  store = atlas_store_new (f->bundled, f->user_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  problem = atlas_store_get_user_problem (store);
  g_assert_error (problem, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (problem->message, f->user_path));

  /* Kept, never deleted; the app works, and can save again. */
  moved = atlas_store_get_user_moved_aside (store);
  g_assert_nonnull (moved);
  g_assert_true (g_str_has_prefix (moved, f->user_path));
  g_assert_nonnull (strstr (moved, ".broken-"));
  after = read_file (moved);
  g_assert_true (g_bytes_equal (before, after));
  message = atlas_store_dup_user_problem_message (store);
  g_assert_nonnull (strstr (message, moved));
  g_assert_cmpstr (atlas_store_get_user_path (store), ==, f->user_path);
  g_assert_true (atlas_store_is_user_writable (store));
  g_assert_cmpint (count (store, "SELECT count(*) FROM v_site"), >, 0);
}

/* Fills the page of the user's table "site" with bytes no b-tree page has,
 * leaving the header and the schema readable: only a check of every page
 * finds it.  Returns with the file's time a second later than before, as a
 * later write leaves it (the clock may not tick between two quick writes).
 */
static void
damage_user_site_table (const char *path)
{
  guint8 junk[4096];
  struct stat info;
  struct timespec times[2];
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int root, page_size, fd;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage, (SELECT page_size FROM pragma_page_size)"
                                           " FROM sqlite_schema WHERE name = 'site'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  root = sqlite3_column_int (stmt, 0);
  page_size = sqlite3_column_int (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpint (root, >, 1);
  g_assert_cmpint (page_size, <=, (int) sizeof junk);

  memset (junk, 0xff, sizeof junk);
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (pwrite (fd, junk, page_size, (off_t) (root - 1) * page_size), ==, page_size);
  g_assert_cmpint (fstat (fd, &info), ==, 0);
  times[0] = info.st_atim;
  times[1] = info.st_mtim;
  times[1].tv_sec += 1;
  g_assert_cmpint (futimens (fd, times), ==, 0);
  close (fd);
}

/* The integrity check reads the whole file: a start notes that the file
 * passed it, and the next one checks again only when the file changed.
 */
static void
test_user_check_noted (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (f->bundled, f->user_path, &error);

  g_assert_no_error (error);
  g_assert_null (atlas_store_get_user_problem (store));
  g_clear_object (&store);
  g_assert_true (_atlas_store_user_check_is_current (f->user_path));

  /* Damaged after it passed: the file changed, so it is checked again. */
  damage_user_site_table (f->user_path);
  g_assert_false (_atlas_store_user_check_is_current (f->user_path));
  store = atlas_store_new (f->bundled, f->user_path, &error);
  g_assert_no_error (error);
  g_assert_error (atlas_store_get_user_problem (store), ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT);
  g_assert_nonnull (atlas_store_get_user_moved_aside (store));
}

/* A file unchanged since its check is not read whole again (here, one noted
 * as checked while damaged opens without a problem); the damage still
 * comes back as an error from the first read that meets it.
 */
static void
test_user_check_skipped_when_unchanged (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (f->bundled, f->user_path, &error);
  sqlite3_stmt *stmt;

  g_assert_no_error (error);
  g_clear_object (&store);
  damage_user_site_table (f->user_path);
  _atlas_store_record_user_check (f->user_path);

  store = atlas_store_new (f->bundled, f->user_path, &error);
  g_assert_no_error (error);
  g_assert_null (atlas_store_get_user_problem (store));
  g_assert_null (atlas_store_get_user_moved_aside (store));

  stmt = atlas_store_prepare (store, "SELECT count (name_zh) FROM user.site NOT INDEXED", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt) & 0xff, ==, SQLITE_CORRUPT);
  sqlite3_reset (stmt);
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


/* ---- hostile user databases (issue 16, items 3, 8 and 12) -------------- */

/* A user database of the current version holding a story and a site of
 * the user's own, as the app would have left it.
 */
static void
make_user_database (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (f->bundled, f->user_path, &error);

  g_assert_no_error (error);
  g_assert_null (atlas_store_get_user_problem (store));
  g_assert_cmpint (sqlite3_exec (atlas_store_get_db (store),
                                 "INSERT INTO user.story (id, title_zh, title_en) VALUES ('mine', '我的', 'Mine');"
                                 "INSERT INTO user.site (id, name_zh, name_en, category, district_adcode,"
                                 "  lon, lat, location_precision, description_zh, description_en,"
                                 "  established_on, note, area_id, note_zh, caveat_en, caveat_zh)"
                                 "  SELECT 'mine-' || id, name_zh, name_en, category, district_adcode, lon,"
                                 "  lat, location_precision, description_zh, description_en, established_on,"
                                 "  note, area_id, note_zh, caveat_en, caveat_zh FROM main.site"
                                 "  ORDER BY id LIMIT 1;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
}

/* Runs @sql on the user's file with a plain connection. */
static void
alter_user_database (Fixture    *f,
                     const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (f->user_path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static int
count_in_file (const char *path,
               const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* The store moved the file aside (same bytes, records intact), started on
 * a fresh, writable one, and says so, naming where the old file is.
 */
static void
assert_moved_aside (Fixture    *f,
                    GBytes     *before,
                    const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (f->bundled, f->user_path, &error);
  g_autoptr(GBytes) moved_bytes = NULL;
  g_autofree char *message = NULL;
  const GError *problem;
  const char *moved;

  g_assert_no_error (error);
  g_assert_nonnull (store);
  problem = atlas_store_get_user_problem (store);
  g_assert_error (problem, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT);
  g_test_message ("%s", problem->message);
  g_assert_nonnull (strstr (problem->message, expected));

  moved = atlas_store_get_user_moved_aside (store);
  g_assert_nonnull (moved);
  moved_bytes = read_file (moved);
  g_assert_true (g_bytes_equal (before, moved_bytes));
  message = atlas_store_dup_user_problem_message (store);
  g_assert_nonnull (strstr (message, moved));

  /* A fresh file in its place, and it works. */
  g_assert_true (atlas_store_is_user_writable (store));
  g_assert_cmpint (count (store, "SELECT count(*) FROM user.story"), ==, 0);
  g_assert_cmpint (sqlite3_exec (atlas_store_get_db (store),
                                 "INSERT INTO user.story (id, title_zh, title_en) VALUES ('new', '新', 'New')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_object (&store);
  g_assert_cmpint (count_in_file (f->user_path, "SELECT count(*) FROM story"), ==, 1);
}

static void
test_user_negative_version (Fixture       *f,
                            gconstpointer  data)
{
  static const int versions[] = { -1, -2, -3, G_MININT };

  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", versions[i]);
      g_autofree char *expected = g_strdup_printf ("(%d)", versions[i]);
      g_autoptr(GBytes) before = NULL;

      remove_tree (f->dir);
      make_user_database (f);
      alter_user_database (f, sql);
      before = read_file (f->user_path);
      assert_moved_aside (f, before, expected);
    }
}

/* A version from the future: left alone for the newer app, and nothing
 * can be saved meanwhile (the stand-in refuses every write).
 */
static void
test_user_huge_version (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  make_user_database (f);
  alter_user_database (f, "PRAGMA user_version = 2147483647");
  before = read_file (f->user_path);

  store = atlas_store_new (f->bundled, f->user_path, &error);
  g_assert_no_error (error);
  g_assert_error (atlas_store_get_user_problem (store), ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_TOO_NEW);
  g_assert_null (atlas_store_get_user_moved_aside (store));
  g_assert_false (atlas_store_check_writable (store, &error));
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_READ_ONLY);
  g_assert_cmpint (sqlite3_exec (atlas_store_get_db (store),
                                 "INSERT INTO user.story (id, title_zh, title_en) VALUES ('x', 'x', 'x')",
                                 NULL, NULL, NULL), !=, SQLITE_OK);
  g_clear_object (&store);
  after = read_file (f->user_path);
  g_assert_true (g_bytes_equal (before, after));
}

typedef struct
{
  const char *name;
  const char *sql;
  const char *expected;
} BrokenUser;

static const BrokenUser broken_users[] = {
  { "missing-table", "DROP TABLE story_step", "“story_step”" },
  { "missing-column", "ALTER TABLE site DROP COLUMN note", "“site”" },
  { "extra-view", "CREATE VIEW story_titles AS SELECT title_en FROM story", "a view “story_titles”" },
  /* Would empty the user's sites whenever a story is saved. */
  { "extra-trigger", "CREATE TRIGGER wipe AFTER INSERT ON story BEGIN DELETE FROM site; END",
    "a trigger “wipe”" },
  { "extra-table", "CREATE TABLE notes (body TEXT)", "a table “notes”" },
  { "foreign-database", "DROP TABLE story; DROP TABLE story_step; DROP TABLE meta;"
                        " CREATE TABLE story (x); PRAGMA user_version = 2", "not one the atlas made" },
};

static void
test_user_broken_schema (Fixture       *f,
                         gconstpointer  data)
{
  const BrokenUser *broken = data;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *moved = NULL;

  make_user_database (f);
  alter_user_database (f, broken->sql);
  before = read_file (f->user_path);
  assert_moved_aside (f, before, broken->expected);

  /* The user's records are in the file that was moved aside. */
  {
    g_autofree char *parent = g_path_get_dirname (f->user_path);
    g_autoptr(GDir) listing = g_dir_open (parent, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (listing)) != NULL)
      if (strstr (name, ".broken-") != NULL && !g_str_has_suffix (name, "-journal"))
        moved = g_build_filename (parent, name, NULL);
  }
  g_assert_nonnull (moved);
  if (!g_str_equal (broken->name, "missing-column") && !g_str_equal (broken->name, "foreign-database"))
    g_assert_cmpint (count_in_file (moved, "SELECT count(*) FROM site"), ==, 1);
}

/* Issue 16, item 12: another program holds the file locked at start.  An
 * import must fail and say why, not report success into memory; the file
 * keeps its records.
 */
static void
test_user_locked (Fixture       *f,
                  gconstpointer  data)
{
  static const char sources_csv[] =
    "id,title_zh,title_en,publisher_zh,publisher_en,published_on,kind\n"
    "locked-source,锁定来源,Locked source,测试出版社,Test Press,2024-05-01,report\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasImportPlan) plan = NULL;
  sqlite3 *holder = NULL;

  make_user_database (f);
  g_assert_cmpint (sqlite3_open (f->user_path, &holder), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (holder, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  store = atlas_store_new (f->bundled, f->user_path, &error);
  g_assert_no_error (error);
  g_assert_error (atlas_store_get_user_problem (store), ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_LOCKED);
  g_assert_null (atlas_store_get_user_moved_aside (store));
  g_assert_false (atlas_store_is_user_writable (store));
  g_assert_false (atlas_store_check_writable (store, &error));
  g_assert_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_READ_ONLY);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  plan = atlas_import_plan_new (store);
  atlas_import_plan_add_csv (plan, "sources.csv", sources_csv, strlen (sources_csv));
  atlas_import_plan_validate (plan);
  g_assert_false (atlas_import_plan_apply (plan, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("import: %s", error->message);
  g_assert_cmpint (count (store, "SELECT count(*) FROM v_source WHERE id = 'locked-source'"), ==, 0);

  sqlite3_exec (holder, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (holder);
  g_clear_object (&store);

  /* Nothing was lost, nothing half-written. */
  g_assert_cmpint (count_in_file (f->user_path, "SELECT count(*) FROM story"), ==, 1);
  g_assert_cmpint (count_in_file (f->user_path, "SELECT count(*) FROM site"), ==, 1);
  g_assert_cmpint (count_in_file (f->user_path, "SELECT count(*) FROM source WHERE id = 'locked-source'"), ==, 0);
}

/* The list of names the store builds SQL from is the bundled schema's. */
static void
test_schema_list_matches_bundled (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new (f->bundled, NULL, &error);
  guint n_tables;
  const AtlasSchemaTable *tables = atlas_schema_get_tables (&n_tables);
  guint n_bundled;

  g_assert_no_error (error);
  g_assert_true (atlas_schema_check_dataset (atlas_store_get_db (store), "main",
                                             ATLAS_SCHEMA_CHECK_DATASET, &error));
  g_assert_no_error (error);

  /* And every ordinary table of the bundled data is in the list. */
  n_bundled = count (store, "SELECT count(*) FROM main.sqlite_master WHERE type = 'table'"
                            " AND name NOT LIKE 'search%' AND name NOT LIKE 'sqlite%'");
  g_assert_cmpuint (n_bundled, ==, n_tables);
  for (guint i = 0; i < n_tables; i++)
    g_assert_true (atlas_schema_lookup_table (tables[i].name) == &tables[i]);
}

/* Issue 16, item 11: the temporary files a killed write leaves are swept
 * at the next start; one still being written (locked) is not.
 */
static void
test_sweep_temporary_files (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *dir = g_path_get_dirname (f->user_path);
  g_autofree char *stale = g_build_filename (dir, ATLAS_STORE_TEMP_PREFIX "Ab12Cd", NULL);
  g_autofree char *legacy = g_build_filename (dir, ATLAS_STORE_DATASET_FILE ".Xy34Zw", NULL);
  g_autofree char *live = g_build_filename (dir, ATLAS_STORE_TEMP_PREFIX "Live01", NULL);
  g_autofree char *target = g_build_filename (dir, ATLAS_STORE_DATASET_FILE, NULL);
  g_autofree char *unrelated = g_build_filename (dir, "notes.txt", NULL);
  g_autoptr(GBytes) bytes = g_bytes_new_static ("complete", 8);
  g_autoptr(GError) error = NULL;
  int fd;

  write_file (stale, "half a datab", 12);
  write_file (legacy, "half", 4);
  write_file (live, "being written", 13);
  write_file (unrelated, "keep", 4);
  fd = g_open (live, O_RDWR, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (flock (fd, LOCK_EX), ==, 0);

  g_assert_cmpuint (_atlas_store_sweep_temporary_files (dir), ==, 2);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (legacy, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (live, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (unrelated, G_FILE_TEST_EXISTS));
  close (fd);

  /* A write leaves the whole file under its name and no temporary one. */
  g_assert_true (_atlas_store_write_file (target, bytes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (_atlas_store_sweep_temporary_files (dir), ==, 1);   /* the live one, now unlocked */
  {
    g_autoptr(GBytes) written = read_file (target);
    g_assert_true (g_bytes_equal (written, bytes));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/store/open-from-resource", test_open_from_resource);
  ADD ("/store/bundled-read-in-place", test_bundled_read_in_place);
  ADD ("/store/bundled-damaged", test_bundled_damaged);
  ADD ("/store/user/created", test_user_created);
  ADD ("/store/user/migration-v1", test_user_migration);
  ADD ("/store/user/corrupt", test_user_corrupt);
  ADD ("/store/user/newer", test_user_newer);
  ADD ("/store/user/check-noted", test_user_check_noted);
  ADD ("/store/user/check-skipped-when-unchanged", test_user_check_skipped_when_unchanged);
  ADD ("/store/user/unopenable", test_user_unopenable);
  ADD ("/store/user/bundled-parity", test_user_bundled_parity);
  ADD ("/store/search", test_search);
  ADD ("/store/user/negative-version", test_user_negative_version);
  ADD ("/store/user/huge-version", test_user_huge_version);
  ADD ("/store/user/locked", test_user_locked);
  ADD ("/store/schema-list-matches-bundled", test_schema_list_matches_bundled);
  ADD ("/store/sweep-temporary-files", test_sweep_temporary_files);
  for (guint i = 0; i < G_N_ELEMENTS (broken_users); i++)
    {
      g_autofree char *path = g_strdup_printf ("/store/user/broken/%s", broken_users[i].name);

      g_test_add (path, Fixture, &broken_users[i], fixture_set_up, test_user_broken_schema,
                  fixture_tear_down);
    }

#undef ADD

  return g_test_run ();
}
