/* atlas-test-package.c
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
#include <unistd.h>

#include "atlas-signature.h"
#include "atlas-store-private.h"
#include "atlas-test-package.h"

static GBytes *
test_key (void)
{
  static GBytes *key = NULL;

  if (key == NULL)
    {
      g_autoptr(GError) error = NULL;

      key = atlas_signature_generate_key (&error);
      g_assert_no_error (error);
    }
  return key;
}

/* The app trusts only this run's throwaway key from now on. */
void
atlas_test_package_trust_test_key (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *public_key = atlas_signature_dup_public_key (test_key (), &error);
  const char *keys[] = { public_key, NULL };

  g_assert_no_error (error);
  _atlas_signature_set_trusted_keys_for_testing (keys);
}

char *
atlas_test_package_sign (GBytes *package)
{
  g_autoptr(GError) error = NULL;
  char *signature = atlas_signature_sign (package, test_key (), &error);

  g_assert_no_error (error);
  return signature;
}

/* A signature by a key the app does not trust. */
char *
atlas_test_package_sign_other (GBytes *package)
{
  static GBytes *other = NULL;
  g_autoptr(GError) error = NULL;
  char *signature;

  if (other == NULL)
    other = atlas_signature_generate_key (&error);
  g_assert_no_error (error);
  signature = atlas_signature_sign (package, other, &error);
  g_assert_no_error (error);
  return signature;
}

AtlasStore *
atlas_test_package_open_store (const char *user_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bundled = atlas_store_get_bundled_bytes (&error);
  AtlasStore *store;

  g_assert_no_error (error);
  store = atlas_store_new (bundled, user_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* The release the store shows. */
char *
atlas_test_package_release_of (AtlasStore *store)
{
  char *version = NULL;

  atlas_store_get_release (store, &version, NULL, NULL);
  return version;
}

int
atlas_test_package_count (sqlite3    *db,
                          const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

void
atlas_test_package_write (const char *path,
                          GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/**
 * atlas_test_package_make:
 * @change_sql: (nullable): SQL run on a fresh store first (on its "user"
 *   database and merged views), such as a changed statistic
 *
 * Returns: a package of the bundled data, as release @version
 */
GBytes *
atlas_test_package_make (const char *dir,
                         const char *version,
                         const char *change_sql)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *maker_path = g_build_filename (dir, "maker-XXXXXX", NULL);
  g_autofree char *package_path = NULL;
  g_autoptr(AtlasStore) maker = NULL;
  GBytes *bytes;
  int fd;

  fd = g_mkstemp (maker_path);
  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_unlink (maker_path);
  maker = atlas_test_package_open_store (maker_path);
  if (change_sql != NULL)
    g_assert_cmpint (sqlite3_exec (atlas_store_get_db (maker), change_sql, NULL, NULL, NULL), ==, SQLITE_OK);
  package_path = g_strconcat (maker_path, ".cqatlas", NULL);
  g_assert_true (atlas_package_write (maker, package_path, version, &error));
  g_assert_no_error (error);
  bytes = read_file (package_path);
  g_clear_object (&maker);
  g_unlink (package_path);
  g_unlink (maker_path);
  return bytes;
}

/**
 * atlas_test_package_alter:
 * @sql: run on a writable copy of @package, with the schema writable
 * @fix_checksum: recompute the manifest's checksum afterwards, as anyone can
 *
 * Returns: the altered package
 */
GBytes *
atlas_test_package_alter (GBytes     *package,
                          const char *dir,
                          const char *sql,
                          gboolean    fix_checksum)
{
  g_autofree char *path = g_build_filename (dir, "altered-XXXXXX", NULL);
  char *message = NULL;
  sqlite3 *db = NULL;
  GBytes *bytes;
  int fd;

  fd = g_mkstemp (path);
  g_assert_cmpint (fd, >=, 0);
  close (fd);
  atlas_test_package_write (path, package);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 0, NULL);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("Cannot alter the test package: %s\n%s", message, sql);
  if (fix_checksum)
    {
      g_autofree char *checksum = atlas_package_compute_checksum (db, "main");
      sqlite3_stmt *stmt = NULL;

      g_assert_nonnull (checksum);
      g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE manifest SET value = ?1 WHERE key = 'checksum'",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, checksum, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);

  bytes = read_file (path);
  g_unlink (path);
  return bytes;
}

void
atlas_test_package_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        atlas_test_package_remove_tree (child);
      }
  g_remove (path);
}
