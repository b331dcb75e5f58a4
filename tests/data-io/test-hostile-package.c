/* test-hostile-package.c
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

#include "config.h"

#include <glib/gstdio.h>

#include "atlas-package.h"
#include "atlas-signature.h"
#include "atlas-store.h"
#include "atlas-store-private.h"
#include "atlas-test-package.h"

/* Hostile dataset packages, each made by the test from a valid one: every
 * one is refused with a message that says why, in bounded time, and the
 * user's data (a story and a record of their own) and the data shown stay
 * exactly as they were, on screen and on disk.
 */

typedef struct
{
  char       *dir;
  char       *user_path;
  char       *dataset_path;
  AtlasStore *store;
  GBytes     *package;     /* a valid, newer release: 2026.2 */
} Fixture;

static const char user_data_sql[] =
  "INSERT INTO user.story (id, title_zh, title_en) VALUES ('mine', '我的故事', 'My story');"
  "INSERT INTO user.site (id, name_zh, name_en, category, district_adcode, lon, lat,"
  "  location_precision, description_zh, description_en, established_on, note, area_id, note_zh,"
  "  caveat_en, caveat_zh)"
  "  SELECT 'mine-' || id, name_zh, name_en, category, district_adcode, lon, lat,"
  "  location_precision, description_zh, description_en, established_on, note, area_id, note_zh,"
  "  caveat_en, caveat_zh FROM main.site ORDER BY id LIMIT 1;";

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  atlas_test_package_trust_test_key ();
  f->dir = g_dir_make_tmp ("atlas-hostile-XXXXXX", &error);
  g_assert_no_error (error);
  f->user_path = g_build_filename (f->dir, "user.sqlite", NULL);
  f->dataset_path = g_build_filename (f->dir, ATLAS_STORE_DATASET_FILE, NULL);
  f->store = atlas_test_package_open_store (f->user_path);
  g_assert_cmpint (sqlite3_exec (atlas_store_get_db (f->store), user_data_sql, NULL, NULL, NULL), ==, SQLITE_OK);
  f->package = atlas_test_package_make (f->dir, "2026.2", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  g_clear_pointer (&f->package, g_bytes_unref);
  atlas_test_package_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->user_path);
  g_free (f->dataset_path);
}

/* Nothing changed: the data shown, the user's story and record (in the
 * open store and on disk), and no dataset file was written.
 */
static void
assert_untouched (Fixture *f)
{
  g_autofree char *release = atlas_test_package_release_of (f->store);
  g_autoptr(AtlasStore) reopened = NULL;
  sqlite3 *db = atlas_store_get_db (f->store);

  g_assert_cmpstr (release, ==, "2026.1");
  g_assert_cmpint (atlas_test_package_count (db, "SELECT count(*) FROM user.story"), ==, 1);
  g_assert_cmpint (atlas_test_package_count (db, "SELECT count(*) FROM user.site"), ==, 1);
  g_assert_cmpint (atlas_test_package_count (db, "SELECT count(*) FROM v_site"), ==,
                   atlas_test_package_count (db, "SELECT count(*) FROM main.site") + 1);
  g_assert_false (g_file_test (f->dataset_path, G_FILE_TEST_EXISTS));

  reopened = atlas_test_package_open_store (f->user_path);
  g_assert_null (atlas_store_get_user_problem (reopened));
  db = atlas_store_get_db (reopened);
  g_assert_cmpint (atlas_test_package_count (db, "SELECT count(*) FROM user.story"), ==, 1);
  g_assert_cmpint (atlas_test_package_count (db, "SELECT count(*) FROM user.site"), ==, 1);
}

/* Installing @package, signed with the trusted test key: refused with
 * @code and a message holding @expected.
 */
static void
assert_install_refused (Fixture           *f,
                        GBytes            *package,
                        AtlasPackageError  code,
                        const char        *expected)
{
  g_autofree char *signature = atlas_test_package_sign (package);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) changes = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_false (atlas_package_install (f->store, package, signature, NULL, &changes, &error));
  g_test_message ("refused in %.0f ms: %s", (g_get_monotonic_time () - start) / 1000.0,
                  error ? error->message : "(no message)");
  g_assert_error (error, ATLAS_PACKAGE_ERROR, (int) code);
  g_assert_nonnull (strstr (error->message, expected));
  g_assert_null (changes);
  assert_untouched (f);
}

/* Reading @package as an import (a user's own export): refused too. */
static void
assert_open_refused (GBytes     *package,
                     const char *expected)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = atlas_package_open (package, &error);

  g_assert_null (db);
  g_assert_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_INVALID);
  g_test_message ("open refused: %s", error->message);
  g_assert_nonnull (strstr (error->message, expected));
}

/* ---- the schema ------------------------------------------------------- */

/* Issue 16, item 1: a column name that closes the statement it is pasted
 * into and runs its own (here: writes a file and deletes the stories).
 */
static void
test_injected_column_name (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *pwned = g_build_filename (f->dir, "pwned.sqlite", NULL);
  g_autofree char *sql = NULL;
  g_autoptr(GBytes) hostile = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) as_dataset = NULL;

  /* x" FROM main.statistic; ATTACH '…/pwned.sqlite' AS p; CREATE TABLE p.t (x);
   * DELETE FROM user.story; --
   */
  sql = g_strdup_printf ("ALTER TABLE statistic RENAME COLUMN note TO "
                         "\"x\"\" FROM main.statistic; ATTACH DATABASE '%s' AS p; CREATE TABLE p.t (x);"
                         " DELETE FROM user.story; --\"", pwned);
  hostile = atlas_test_package_alter (f->package, f->dir, sql, FALSE);

  assert_open_refused (hostile, "statistic");
  assert_install_refused (f, hostile, ATLAS_PACKAGE_ERROR_INVALID, "statistic");

  /* Even opened straight as the data shown (a tampered installed file),
   * its names never reach SQL: the store refuses it, nothing runs.
   */
  as_dataset = atlas_store_new (hostile, f->user_path, &error);
  g_assert_null (as_dataset);
  g_assert_nonnull (error);
  g_test_message ("as the dataset: %s", error->message);

  g_assert_false (g_file_test (pwned, G_FILE_TEST_EXISTS));
  assert_untouched (f);
}

/* Issue 16, item 5: a content table that is a VIEW of an endless query is
 * refused at once instead of being read forever.
 */
static void
test_view_as_content_table (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GBytes) hostile = NULL;

  hostile = atlas_test_package_alter (f->package, f->dir,
                                      "DROP TABLE site;"
                                      "CREATE VIEW site AS WITH RECURSIVE r (n) AS"
                                      " (SELECT 1 UNION ALL SELECT n + 1 FROM r)"
                                      " SELECT n AS id, n AS name_zh FROM r;",
                                      FALSE);
  assert_open_refused (hostile, "view");
  assert_install_refused (f, hostile, ATLAS_PACKAGE_ERROR_INVALID, "“site” is a view");
}

static void
test_trigger (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GBytes) hostile = NULL;

  hostile = atlas_test_package_alter (f->package, f->dir,
                                      "CREATE TRIGGER wipe AFTER INSERT ON site"
                                      " BEGIN DELETE FROM source; END;",
                                      FALSE);
  assert_open_refused (hostile, "trigger");
  assert_install_refused (f, hostile, ATLAS_PACKAGE_ERROR_INVALID, "a trigger “wipe”");
}

static void
test_extra_table (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GBytes) hostile = NULL;

  hostile = atlas_test_package_alter (f->package, f->dir,
                                      "CREATE TABLE story_extra (id TEXT PRIMARY KEY, payload BLOB);",
                                      TRUE);
  assert_open_refused (hostile, "story_extra");
  assert_install_refused (f, hostile, ATLAS_PACKAGE_ERROR_INVALID, "story_extra");
}

static void
test_missing_table (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GBytes) hostile = NULL;

  hostile = atlas_test_package_alter (f->package, f->dir, "DROP TABLE river;", FALSE);
  assert_open_refused (hostile, "“river”");
  assert_install_refused (f, hostile, ATLAS_PACKAGE_ERROR_INVALID, "“river”");
}

/* A view that would load a library, a generated column that would make a
 * gigabyte of text whenever it is read, and a virtual table of another
 * module: none is ever run, the schema check refuses each.
 */
static void
test_load_extension (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GBytes) with_view = NULL;
  g_autoptr(GBytes) with_column = NULL;
  g_autoptr(GBytes) with_vtab = NULL;

  with_view = atlas_test_package_alter (f->package, f->dir,
                                        "CREATE VIEW load AS SELECT load_extension ('/tmp/atlas-evil.so');",
                                        FALSE);
  assert_open_refused (with_view, "“load”");
  assert_install_refused (f, with_view, ATLAS_PACKAGE_ERROR_INVALID, "“load”");

  with_column = atlas_test_package_alter (f->package, f->dir,
                                          "ALTER TABLE party ADD COLUMN evil"
                                          " AS (hex (zeroblob (1000000000)));",
                                          FALSE);
  assert_open_refused (with_column, "party");
  assert_install_refused (f, with_column, ATLAS_PACKAGE_ERROR_INVALID, "party");

  with_vtab = atlas_test_package_alter (f->package, f->dir,
                                        "CREATE VIRTUAL TABLE notes USING fts5 (body);", FALSE);
  assert_open_refused (with_vtab, "notes");
  assert_install_refused (f, with_vtab, ATLAS_PACKAGE_ERROR_INVALID, "notes");
}

/* ---- the rows ---------------------------------------------------------- */

/* Issue 16, item 6: invalid UTF-8 in a text column, with the checksum made
 * to match (it is public): refused with table, row and column.
 */
static void
test_invalid_utf8 (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GBytes) hostile = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *open_expected = NULL;
  sqlite3 *db = NULL;
  g_autofree char *path = g_build_filename (f->dir, "probe.sqlite", NULL);
  int rowid;

  hostile = atlas_test_package_alter (f->package, f->dir,
                                      "UPDATE site SET name_en = CAST (X'4368C3' AS TEXT)"
                                      " WHERE rowid = (SELECT min (rowid) FROM site);",
                                      TRUE);
  atlas_test_package_write (path, hostile);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  rowid = atlas_test_package_count (db, "SELECT min (rowid) FROM site");
  sqlite3_close (db);

  expected = g_strdup_printf ("table “site”, row %d, column “name_en”: the text is not valid UTF-8", rowid);
  assert_open_refused (hostile, expected);
  assert_install_refused (f, hostile, ATLAS_PACKAGE_ERROR_INVALID, expected);
}

static void
test_wrong_type (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GBytes) blob = NULL;
  g_autoptr(GBytes) null_id = NULL;

  blob = atlas_test_package_alter (f->package, f->dir,
                                   "UPDATE party SET name_zh = X'00FF00FF'"
                                   " WHERE rowid = (SELECT min (rowid) FROM party);",
                                   TRUE);
  assert_open_refused (blob, "column “name_zh”: the value is not of the column’s type (TEXT)");
  assert_install_refused (f, blob, ATLAS_PACKAGE_ERROR_INVALID, "“party”");

  null_id = atlas_test_package_alter (f->package, f->dir,
                                      "UPDATE series SET id = NULL WHERE rowid = (SELECT min (rowid) FROM series);",
                                      TRUE);
  assert_open_refused (null_id, "column “id”: a value is required");
}

/* A flipped byte: the checksum no longer matches. */
static void
test_checksum (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GBytes) hostile = NULL;
  g_autoptr(GError) error = NULL;

  hostile = atlas_test_package_alter (f->package, f->dir,
                                      "UPDATE statistic SET value = value + 1"
                                      " WHERE rowid = (SELECT min (rowid) FROM statistic);",
                                      FALSE);
  g_assert_null (atlas_package_open (hostile, &error));
  g_assert_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_CHECKSUM);
  assert_install_refused (f, hostile, ATLAS_PACKAGE_ERROR_CHECKSUM, "checksum");
}

/* ---- signatures and versions ------------------------------------------- */

static void
test_unsigned (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* Whatever its checksum says. */
  g_assert_false (atlas_package_install (f->store, f->package, NULL, NULL, NULL, &error));
  g_assert_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_SIGNATURE);
  g_assert_nonnull (strstr (error->message, "not signed"));
  assert_untouched (f);
}

static void
test_wrong_signature (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *other = atlas_test_package_sign_other (f->package);
  g_autofree char *good = atlas_test_package_sign (f->package);
  g_autoptr(GBytes) tampered = NULL;
  g_autoptr(GError) error = NULL;

  /* Signed, but not by a key the atlas trusts. */
  g_assert_false (atlas_package_install (f->store, f->package, other, NULL, NULL, &error));
  g_assert_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_SIGNATURE);
  g_clear_error (&error);

  /* Changed after signing, its checksum made to match again. */
  tampered = atlas_test_package_alter (f->package, f->dir,
                                       "UPDATE statistic SET value = value * 10;", TRUE);
  g_assert_false (atlas_package_install (f->store, tampered, good, NULL, NULL, &error));
  g_assert_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_SIGNATURE);
  g_clear_error (&error);

  /* Not a signature at all. */
  g_assert_false (atlas_package_install (f->store, f->package, "ed25519:AAAA", NULL, NULL, &error));
  g_assert_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_SIGNATURE);
  assert_untouched (f);
}

/* Issue 16, item 11: no rollback, and "newer" means newer. */
static void
test_rollback (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GBytes) same = atlas_test_package_make (f->dir, "2026.1", NULL);
  g_autoptr(GBytes) older = atlas_test_package_make (f->dir, "2025.12", NULL);
  g_autoptr(GBytes) local = atlas_test_package_make (f->dir, "local", NULL);

  assert_install_refused (f, same, ATLAS_PACKAGE_ERROR_NOT_NEWER, "not newer");
  assert_install_refused (f, older, ATLAS_PACKAGE_ERROR_NOT_NEWER, "2025.12");
  assert_install_refused (f, local, ATLAS_PACKAGE_ERROR_VERSION, "not a release version");
}

static void
test_version_mismatch (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GBytes) relabelled = NULL;
  g_autofree char *signature = atlas_test_package_sign (f->package);
  g_autoptr(GError) error = NULL;

  /* The update server announced another release than the package is. */
  g_assert_false (atlas_package_install (f->store, f->package, signature, "2027.9", NULL, &error));
  g_assert_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_VERSION);
  g_assert_nonnull (strstr (error->message, "2027.9"));
  assert_untouched (f);

  /* The manifest inside says another release than its data. */
  relabelled = atlas_test_package_alter (f->package, f->dir,
                                         "UPDATE manifest SET value = '2099.1' WHERE key = 'version';",
                                         FALSE);
  assert_install_refused (f, relabelled, ATLAS_PACKAGE_ERROR_VERSION, "2099.1");
}

static void
test_compare_versions (void)
{
  g_assert_cmpint (atlas_package_compare_versions ("2026.10", "2026.9"), >, 0);
  g_assert_cmpint (atlas_package_compare_versions ("2026.9", "2026.10"), <, 0);
  g_assert_cmpint (atlas_package_compare_versions ("2027.1", "2026.12.5"), >, 0);
  g_assert_cmpint (atlas_package_compare_versions ("2026.1", "2026.1.0"), ==, 0);
  g_assert_cmpint (atlas_package_compare_versions ("2026.01", "2026.1"), ==, 0);
  g_assert_cmpint (atlas_package_compare_versions ("local", "2026.1"), <, 0);
  g_assert_cmpint (atlas_package_compare_versions ("2026.1", "2026.1-evil"), >, 0);
  g_assert_false (atlas_package_version_is_valid (""));
  g_assert_false (atlas_package_version_is_valid ("2026..1"));
  g_assert_false (atlas_package_version_is_valid ("-1"));
  g_assert_false (atlas_package_version_is_valid ("99999999999999999999"));
  g_assert_true (atlas_package_version_is_valid ("2026.1"));
}

/* ---- what is accepted ----------------------------------------------------- */

/* A signed, newer release installs; the installed copy passes the check
 * at the next start; the user's data is still there.
 */
static void
test_install_and_restart (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *signature = atlas_test_package_sign (f->package);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) changes = NULL;
  g_autofree char *release = NULL;
  g_autoptr(AtlasStore) restarted = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (atlas_package_install (f->store, f->package, signature, "2026.2", &changes, &error));
  g_assert_no_error (error);
  release = atlas_test_package_release_of (f->store);
  g_assert_cmpstr (release, ==, "2026.2");
  g_assert_cmpint (atlas_test_package_count (atlas_store_get_db (f->store), "SELECT count(*) FROM user.story"), ==, 1);
  g_assert_true (g_file_test (f->dataset_path, G_FILE_TEST_IS_REGULAR));

  /* The installed file is the checked copy, not the package's bytes. */
  g_assert_true (g_file_get_contents (f->dataset_path, &contents, &length, NULL));
  g_assert_false (length == g_bytes_get_size (f->package)
                  && memcmp (contents, g_bytes_get_data (f->package, NULL), length) == 0);

  /* The next start, with the default paths, opens it. */
  g_clear_object (&f->store);
  g_setenv ("XDG_DATA_HOME", f->dir, TRUE);
  {
    g_autofree char *default_dir = g_build_filename (f->dir, "cq-atlas", NULL);
    g_autofree char *default_dataset = g_build_filename (default_dir, ATLAS_STORE_DATASET_FILE, NULL);

    g_mkdir_with_parents (default_dir, 0700);
    g_assert_cmpint (g_rename (f->dataset_path, default_dataset), ==, 0);
    restarted = atlas_store_new_default (&error);
    g_assert_no_error (error);
    g_assert_null (atlas_store_get_user_problem (restarted));
    g_free (release);
    release = atlas_test_package_release_of (restarted);
    g_assert_cmpstr (release, ==, "2026.2");
    g_assert_true (atlas_store_is_from_update (restarted));
    g_clear_object (&restarted);

    /* Tampered on disk: refused at start, the bundled data shown. */
    {
      g_autoptr(GBytes) installed = NULL;
      g_autoptr(GBytes) hostile = NULL;
      g_autofree char *installed_text = NULL;
      gsize installed_length;

      g_assert_true (g_file_get_contents (default_dataset, &installed_text, &installed_length, NULL));
      installed = g_bytes_new_take (g_steal_pointer (&installed_text), installed_length);
      hostile = atlas_test_package_alter (installed, f->dir,
                                          "CREATE TRIGGER wipe AFTER INSERT ON site"
                                          " BEGIN DELETE FROM source; END;", FALSE);
      atlas_test_package_write (default_dataset, hostile);
      restarted = atlas_store_new_default (&error);
      g_assert_no_error (error);
      g_assert_nonnull (atlas_store_get_user_problem (restarted));
      g_test_message ("%s", atlas_store_get_user_problem (restarted)->message);
      g_assert_nonnull (strstr (atlas_store_get_user_problem (restarted)->message, "wipe"));
      g_free (release);
      release = atlas_test_package_release_of (restarted);
      g_assert_cmpstr (release, ==, "2026.1");
    }
  }
  g_unsetenv ("XDG_DATA_HOME");
}

/* A user's own export is not release-signed: it is read (for Import)
 * through the same checks, and refused as an update.
 */
static void
test_user_export (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "backup.cqatlas", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) backup = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  sqlite3 *db;

  g_assert_true (atlas_package_write (f->store, path, "local", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  backup = g_bytes_new_take (g_steal_pointer (&contents), length);

  db = atlas_package_open (backup, &error);
  g_assert_no_error (error);
  g_assert_cmpint (atlas_test_package_count (db, "SELECT count(*) FROM main.site WHERE id LIKE 'mine-%'"), ==, 1);
  sqlite3_close (db);

  g_assert_false (atlas_package_install (f->store, backup, NULL, NULL, NULL, &error));
  g_assert_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_SIGNATURE);
  assert_untouched (f);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* The worker-thread install: cancelled before it writes, nothing changed;
 * run to the end, the store swapped on the main thread.
 */
static void
test_install_async (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *signature = atlas_test_package_sign (f->package);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) cancelled = NULL;
  g_autoptr(GAsyncResult) done = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) changes = NULL;
  g_autofree char *release = NULL;

  g_cancellable_cancel (cancellable);
  atlas_package_install_async (f->store, f->package, signature, NULL, cancellable, on_done, &cancelled);
  while (cancelled == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (atlas_package_install_finish (f->store, cancelled, NULL, &error));
  g_assert_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_CANCELLED);
  g_clear_error (&error);
  assert_untouched (f);

  atlas_package_install_async (f->store, f->package, signature, NULL, NULL, on_done, &done);
  while (done == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (atlas_package_install_finish (f->store, done, &changes, &error));
  g_assert_no_error (error);
  g_assert_nonnull (changes);
  release = atlas_test_package_release_of (f->store);
  g_assert_cmpstr (release, ==, "2026.2");
}

/* The fuzzer's seeds (made by fuzz/make-package-seeds.py): the valid ones
 * pass every check, so the fuzzer starts from inputs that reach the copy;
 * the hostile ones are refused.
 */
static void
test_fuzz_seeds (void)
{
  static const struct { const char *name; gboolean valid; } seeds[] = {
    { "empty.cqatlas", TRUE }, { "rows.cqatlas", TRUE }, { "view-for-table.cqatlas", FALSE },
    { "trigger.cqatlas", FALSE }, { "renamed-column.cqatlas", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data-io", "fuzz", "seeds-package",
                                                     seeds[i].name, NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gsize length;
      sqlite3 *db;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
      db = atlas_package_open (bytes, &error);
      g_test_message ("%s: %s", seeds[i].name, error ? error->message : "accepted");
      g_assert_true ((db != NULL) == seeds[i].valid);
      sqlite3_close (db);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/hostile-package/injected-column-name", test_injected_column_name);
  ADD ("/hostile-package/view-as-content-table", test_view_as_content_table);
  ADD ("/hostile-package/trigger", test_trigger);
  ADD ("/hostile-package/extra-table", test_extra_table);
  ADD ("/hostile-package/missing-table", test_missing_table);
  ADD ("/hostile-package/load-extension", test_load_extension);
  ADD ("/hostile-package/invalid-utf8", test_invalid_utf8);
  ADD ("/hostile-package/wrong-type", test_wrong_type);
  ADD ("/hostile-package/checksum", test_checksum);
  ADD ("/hostile-package/unsigned", test_unsigned);
  ADD ("/hostile-package/wrong-signature", test_wrong_signature);
  ADD ("/hostile-package/rollback", test_rollback);
  ADD ("/hostile-package/version-mismatch", test_version_mismatch);
  ADD ("/hostile-package/install-and-restart", test_install_and_restart);
  ADD ("/hostile-package/user-export", test_user_export);
  ADD ("/hostile-package/install-async", test_install_async);
  g_test_add_func ("/hostile-package/compare-versions", test_compare_versions);
  g_test_add_func ("/hostile-package/fuzz-seeds", test_fuzz_seeds);

#undef ADD

  return g_test_run ();
}
