/* atlas-package-install.c
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

#define G_LOG_DOMAIN "atlas-package"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "atlas-package-private.h"
#include "atlas-signature.h"
#include "atlas-store-private.h"

/* Installing a release in place of the data shown.
 *
 * In order, and nothing changes on disk or on screen until the last two
 * steps: the release signature over the package's bytes (before SQLite
 * reads a byte of it), the package checks and the checked copy
 * (atlas-package.c), the release version (a valid version, the one the
 * update server announced, newer than the one shown: no rollback), what
 * changed.  Then the previous data is kept as a backup, the copy is written
 * in its place, and a connection to it is opened; all of that runs on a
 * worker thread with its own connections.  Last, on the main thread, the
 * store swaps that connection in and logs the update.
 */

typedef struct
{
  AtlasStore  *store;
  GBytes      *package;
  char        *signature;
  char        *expected_version;
  GBytes      *previous;
  char        *installed_version;
  char        *target;
  char        *backup;
  gboolean     was_from_update;

  /* Made by install_prepare() */
  char        *version;
  char        *checksum;
  GListModel  *changes;
  AtlasStore  *fresh;
} Install;

static void
install_free (Install *install)
{
  g_clear_object (&install->store);
  g_clear_pointer (&install->package, g_bytes_unref);
  g_clear_pointer (&install->signature, g_free);
  g_clear_pointer (&install->expected_version, g_free);
  g_clear_pointer (&install->previous, g_bytes_unref);
  g_clear_pointer (&install->installed_version, g_free);
  g_clear_pointer (&install->target, g_free);
  g_clear_pointer (&install->backup, g_free);
  g_clear_pointer (&install->version, g_free);
  g_clear_pointer (&install->checksum, g_free);
  g_clear_object (&install->changes);
  g_clear_object (&install->fresh);
  g_free (install);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Install, install_free)

/* What the worker needs from the store, read on the main thread. */
static Install *
install_new (AtlasStore  *store,
             GBytes      *package,
             const char  *signature,
             const char  *expected_version,
             GError     **error)
{
  g_autoptr(Install) install = g_new0 (Install, 1);
  g_autofree char *dir = NULL;
  const char *user_path = atlas_store_get_user_path (store);

  if (user_path == NULL)
    {
      g_set_error_literal (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_FAILED,
                           _("Your own data could not be opened, so an update cannot be kept"));
      return NULL;
    }
  dir = g_path_get_dirname (user_path);

  install->store = g_object_ref (store);
  install->package = g_bytes_ref (package);
  install->signature = g_strdup (signature);
  install->expected_version = g_strdup (expected_version);
  install->previous = g_bytes_ref (atlas_store_get_dataset_bytes (store));
  install->target = g_build_filename (dir, ATLAS_STORE_DATASET_FILE, NULL);
  install->backup = g_strconcat (install->target, ".bak", NULL);
  install->was_from_update = atlas_store_is_from_update (store);
  atlas_store_get_release (store, &install->installed_version, NULL, NULL);
  return g_steal_pointer (&install);
}

static gboolean
is_cancelled (GCancellable  *cancellable,
              GError       **error)
{
  if (cancellable == NULL || !g_cancellable_is_cancelled (cancellable))
    return FALSE;
  g_set_error_literal (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_CANCELLED, _("Cancelled"));
  return TRUE;
}

static gboolean
check_version (Install  *install,
               GError  **error)
{
  if (!atlas_package_version_is_valid (install->version))
    {
      g_set_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_VERSION,
                   _("“%s” is not a release version; a release is numbered like 2026.1"),
                   install->version);
      return FALSE;
    }
  if (install->expected_version != NULL && g_strcmp0 (install->expected_version, install->version) != 0)
    {
      g_set_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_VERSION,
                   _("The update server announced release %s, but the package is release %s"),
                   install->expected_version, install->version);
      return FALSE;
    }
  /* No rollback: going back takes "Reset to Bundled Data" first. */
  if (atlas_package_compare_versions (install->version, install->installed_version) <= 0)
    {
      g_set_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_NOT_NEWER,
                   _("Release %s is not newer than the release shown now (%s). To go back to an "
                     "older release, reset to the bundled data first."),
                   install->version, install->installed_version ? install->installed_version : "?");
      return FALSE;
    }
  return TRUE;
}

/* Everything up to the swap; safe on a worker thread. */
static gboolean
install_prepare (Install       *install,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) dataset = NULL;
  sqlite3 *copy;

  if (g_bytes_get_size (install->package) > ATLAS_PACKAGE_MAX_SIZE)
    {
      g_set_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_TOO_LARGE,
                   _("The package is too large (more than %u MB)"),
                   (guint) (ATLAS_PACKAGE_MAX_SIZE / (1024 * 1024)));
      return FALSE;
    }

  /* The signature first: an unsigned file is not parsed at all. */
  if (!atlas_signature_verify (install->package, install->signature, &local_error))
    {
      g_set_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_SIGNATURE,
                   _("The package cannot be installed: %s"), local_error->message);
      return FALSE;
    }
  if (is_cancelled (cancellable, error))
    return FALSE;

  copy = _atlas_package_load (install->package, TRUE, cancellable, &install->version, error);
  if (copy == NULL)
    return FALSE;
  {
    g_autoptr(sqlite3_stmt) stmt = NULL;

    if (sqlite3_prepare_v2 (copy, "SELECT checksum FROM main.release", -1, &stmt, NULL) == SQLITE_OK
        && sqlite3_step (stmt) == SQLITE_ROW)
      install->checksum = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  }
  dataset = _atlas_package_serialize (copy, error);
  sqlite3_close (copy);
  if (dataset == NULL || !check_version (install, error))
    return FALSE;

  install->changes = atlas_package_diff (install->previous, dataset, error);
  if (install->changes == NULL || is_cancelled (cancellable, error))
    return FALSE;

  /* The backup first, then the new data over the old in one rename. */
  if (!_atlas_store_write_file (install->backup, install->previous, error)
      || !_atlas_store_write_file (install->target, dataset, error))
    return FALSE;

  install->fresh = _atlas_store_open_replacement (install->store, dataset, error);
  if (install->fresh == NULL)
    {
      /* Put the previous data back where the next start will find it. */
      if (install->was_from_update)
        _atlas_store_write_file (install->target, install->previous, NULL);
      else
        g_unlink (install->target);
      return FALSE;
    }
  return TRUE;
}

/* The swap and the log; on the main thread. */
static void
install_commit (Install *install)
{
  AtlasStore *store = install->store;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);
  g_autoptr(sqlite3_stmt) log = NULL;
  g_autoptr(sqlite3_stmt) item = NULL;
  sqlite3_int64 update_id;
  sqlite3 *db;
  gboolean ok = TRUE;

  _atlas_store_adopt (store, install->fresh, TRUE);

  db = atlas_store_get_db (store);
  if (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    return;

  ok &= sqlite3_prepare_v2 (db, "INSERT INTO user.update_log (updated_at, from_version, to_version,"
                                " checksum, backup) VALUES (?1, ?2, ?3, ?4, ?5)",
                            -1, &log, NULL) == SQLITE_OK;
  if (ok)
    {
      sqlite3_bind_text (log, 1, stamp, -1, SQLITE_STATIC);
      sqlite3_bind_text (log, 2, install->installed_version, -1, SQLITE_STATIC);
      sqlite3_bind_text (log, 3, install->version, -1, SQLITE_STATIC);
      sqlite3_bind_text (log, 4, install->checksum ? install->checksum : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (log, 5, install->backup, -1, SQLITE_STATIC);
      ok &= sqlite3_step (log) == SQLITE_DONE;
    }
  update_id = sqlite3_last_insert_rowid (db);
  ok &= sqlite3_prepare_v2 (db, "INSERT INTO user.update_change (update_id, entity, entity_id,"
                                " change, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
                            -1, &item, NULL) == SQLITE_OK;
  for (guint i = 0; ok && i < g_list_model_get_n_items (install->changes); i++)
    {
      g_autoptr(AtlasPackageChange) change = g_list_model_get_item (install->changes, i);

      sqlite3_reset (item);
      sqlite3_bind_int64 (item, 1, update_id);
      sqlite3_bind_text (item, 2, atlas_package_change_get_entity (change), -1, SQLITE_STATIC);
      sqlite3_bind_text (item, 3, atlas_package_change_get_id (change), -1, SQLITE_STATIC);
      sqlite3_bind_text (item, 4, atlas_package_change_get_change (change), -1, SQLITE_STATIC);
      sqlite3_bind_text (item, 5, atlas_package_change_get_detail (change), -1, SQLITE_STATIC);
      ok &= sqlite3_step (item) == SQLITE_DONE;
    }
  /* The log is a convenience: the update stands without it. */
  sqlite3_exec (db, ok ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
}

/**
 * atlas_package_install:
 * @signature: (nullable): the release signature of @package
 * @expected_version: (nullable): the release the update server announced
 * @changes: (out) (optional) (transfer full): what differs from the data before
 *
 * Checks @package as a release (see the top of this file), keeps the data
 * shown until now as a backup beside the user database, puts the checked
 * copy in its place with an atomic rename, opens it, and logs the update
 * with its changes.  On failure nothing has changed.  Blocks: the window
 * uses atlas_package_install_async().
 */
gboolean
atlas_package_install (AtlasStore   *store,
                       GBytes       *package,
                       const char   *signature,
                       const char   *expected_version,
                       GListModel  **changes,
                       GError      **error)
{
  g_autoptr(Install) install = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (store), FALSE);
  g_return_val_if_fail (package != NULL, FALSE);

  install = install_new (store, package, signature, expected_version, error);
  if (install == NULL || !install_prepare (install, NULL, error))
    return FALSE;
  install_commit (install);
  if (changes != NULL)
    *changes = g_steal_pointer (&install->changes);
  return TRUE;
}

static void
install_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GError *error = NULL;

  if (install_prepare (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_prepared (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Install *install = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  install_commit (install);
  g_task_return_pointer (task, g_steal_pointer (&install->changes), g_object_unref);
}

/**
 * atlas_package_install_async:
 *
 * atlas_package_install() with the checks and the writing on a worker
 * thread; @cancellable stops it up to the point where the files are
 * written.  The store is swapped on the thread-default main context.
 */
void
atlas_package_install_async (AtlasStore          *store,
                             GBytes              *package,
                             const char          *signature,
                             const char          *expected_version,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  GError *error = NULL;
  Install *install;

  g_return_if_fail (ATLAS_IS_STORE (store));
  g_return_if_fail (package != NULL);

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, atlas_package_install_async);
  /* Once the files are written the swap must happen, cancelled or not:
   * install_prepare() itself decides when a cancel still counts.
   */
  g_task_set_check_cancellable (task, FALSE);
  install = install_new (store, package, signature, expected_version, &error);
  if (install == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  worker = g_task_new (store, cancellable, on_prepared, g_steal_pointer (&task));
  g_task_set_task_data (worker, install, (GDestroyNotify) install_free);
  g_task_set_check_cancellable (worker, FALSE);
  g_task_run_in_thread (worker, install_thread);
}

/**
 * atlas_package_install_finish:
 * @changes: (out) (optional) (transfer full): what differs from the data before
 */
gboolean
atlas_package_install_finish (AtlasStore    *store,
                              GAsyncResult  *result,
                              GListModel   **changes,
                              GError       **error)
{
  g_autoptr(GListModel) model = NULL;

  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  model = g_task_propagate_pointer (G_TASK (result), error);
  if (model == NULL)
    return FALSE;
  if (changes != NULL)
    *changes = g_steal_pointer (&model);
  return TRUE;
}

/**
 * atlas_package_list_last_changes:
 *
 * Returns: (transfer full): the changes of the last update installed
 */
GListModel *
atlas_package_list_last_changes (AtlasStore *store)
{
  GListStore *changes = g_list_store_new (ATLAS_TYPE_PACKAGE_CHANGE);
  sqlite3_stmt *stmt;

  stmt = atlas_store_prepare (store, "SELECT entity, entity_id, change, detail FROM user.update_change"
                                     " WHERE update_id = (SELECT max (id) FROM user.update_log)"
                                     " ORDER BY rowid", NULL);
  if (stmt == NULL)
    return G_LIST_MODEL (changes);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(AtlasPackageChange) change =
        _atlas_package_change_new ((const char *) sqlite3_column_text (stmt, 0),
                                   (const char *) sqlite3_column_text (stmt, 1),
                                   (const char *) sqlite3_column_text (stmt, 2),
                                   (const char *) sqlite3_column_text (stmt, 3));
      g_list_store_append (changes, change);
    }
  sqlite3_reset (stmt);
  return G_LIST_MODEL (changes);
}
