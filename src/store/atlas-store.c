/* atlas-store.c
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

#define G_LOG_DOMAIN "atlas-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "atlas-schema.h"
#include "atlas-search-index.h"
#include "atlas-store-private.h"

/* AtlasStore is the SQLite connection behind the app.
 *
 * "main" is the bundled dataset, deserialized read-only from the GResource
 * (or from a downloaded dataset package).  "user" is the user's own database
 * under $XDG_DATA_HOME/cq-atlas/, attached beside it and upgraded on open.
 * When the user database is damaged or is not one the atlas made (a
 * schema check fails, its version is impossible), it is moved aside under a
 * new name, never deleted, and a fresh one takes its place.  When it cannot
 * be used for a reason that may pass (locked by another program, from a
 * newer version, unwritable), the file is left untouched and an empty,
 * read-only stand-in is attached: nothing can be saved into it, so no write
 * can seem to succeed and then be lost.  Either way the reason is kept for
 * the window to show, and the app starts with the bundled data.
 *
 * Every connection is hardened (atlas_sqlite_harden()): no file's triggers
 * or views ever run.
 */

struct _AtlasStore
{
  GObject     parent_instance;

  sqlite3    *db;
  GBytes     *bundled;
  char       *user_path;
  GError     *user_problem;
  GHashTable *statements;     /* SQL text -> sqlite3_stmt */
  gboolean    from_update;    /* "main" is a downloaded dataset */
  gboolean    user_wanted;    /* a user file was asked for (not tests' memory) */
  char       *moved_aside;    /* where a broken user file was put, or NULL */
  char       *broken_reason;  /* why, in a few words, for the banner */
};

G_DEFINE_QUARK (atlas-store-error-quark, atlas_store_error)
G_DEFINE_FINAL_TYPE (AtlasStore, atlas_store, G_TYPE_OBJECT)

static void
atlas_store_finalize (GObject *object)
{
  AtlasStore *self = (AtlasStore *)object;

  /* Statements must be finalized before the connection closes. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->bundled, g_bytes_unref);
  g_clear_pointer (&self->user_path, g_free);
  g_clear_pointer (&self->moved_aside, g_free);
  g_clear_pointer (&self->broken_reason, g_free);
  g_clear_error (&self->user_problem);

  G_OBJECT_CLASS (atlas_store_parent_class)->finalize (object);
}

static void
atlas_store_class_init (AtlasStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_store_finalize;
}

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

static void
atlas_store_init (AtlasStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
}

static int
query_int (AtlasStore *self,
           const char *sql,
           int        *rc_out)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int value = -1;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  if (rc_out)
    *rc_out = rc;
  return value;
}

static gboolean
open_bundled (AtlasStore  *self,
              GError     **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (self->bundled, &size);
  g_autoptr(GError) schema_error = NULL;
  int rc, version;

  if (size == 0)
    {
      g_set_error_literal (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT,
                           "The bundled data is empty");
      return FALSE;
    }

  /* One thread at a time uses a store's connection: the thread that opens
   * the data at start hands it to the main thread when it ends, and every
   * worker (import, export, update) opens a store of its own.  Without the
   * connection's own mutex, each sqlite3_column_*() call no longer locks and
   * unlocks it: a sixth of reading 100,000 sites at start.
   */
  if (sqlite3_open_v2 (":memory:", &self->db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      g_set_error_literal (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FAILED,
                           "Cannot create a database connection");
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  atlas_sqlite_harden (self->db);

  /* The bytes outlive the connection (self->bundled), and are never written. */
  rc = sqlite3_deserialize (self->db, "main", (unsigned char *) data, size, size,
                            SQLITE_DESERIALIZE_READONLY);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT,
                   "Cannot open the bundled data: %s", sqlite3_errstr (rc));
      return FALSE;
    }
  /* Pages are read straight from the image (SQLite's in-memory files
   * hand out pointers when memory mapping is on), not copied into the page
   * cache: no second copy of the bundled data.
   */
  atlas_sqlite_exec (self->db, "PRAGMA main.mmap_size = 1073741824",
                     ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FAILED, NULL);

  version = query_int (self, "PRAGMA main.user_version", &rc);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT,
                   "The bundled data is damaged: %s", sqlite3_errstr (rc));
      return FALSE;
    }
  if (version > ATLAS_DATASET_FORMAT)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_TOO_NEW,
                   "The data is of format %d; this version of the app reads format %d",
                   version, ATLAS_DATASET_FORMAT);
      return FALSE;
    }
  /* Cheap (the schema only), and the merged views name columns that must
   * be there: a dataset is held to data/schema.sql before anything reads it.
   */
  if (version < ATLAS_DATASET_FORMAT
      || !atlas_schema_check_dataset (self->db, "main", ATLAS_SCHEMA_CHECK_DATASET, &schema_error)
      || query_int (self, "SELECT count(*) FROM main.release", &rc) != 1 || rc != SQLITE_OK)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT,
                   "The data is not a Chongqing Science Atlas dataset%s%s",
                   schema_error ? ": " : "", schema_error ? schema_error->message : "");
      return FALSE;
    }

  return TRUE;
}

static void
set_user_problem (AtlasStore *self,
                  GError     *error)
{
  g_clear_error (&self->user_problem);
  self->user_problem = error;
}

static gboolean
attach_user (AtlasStore  *self,
             const char  *path,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, "ATTACH DATABASE ?1 AS user", -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FAILED, "%s",
                   sqlite3_errmsg (self->db));
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, path ? path : ":memory:", -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      int base = rc & 0xff;

      if (base == SQLITE_NOTADB || base == SQLITE_CORRUPT)
        g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT,
                     _("Your data file %s is damaged"), path);
      else if (base == SQLITE_BUSY || base == SQLITE_LOCKED)
        g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_LOCKED,
                     _("Your data file %s is in use by another program"), path);
      else if (base == SQLITE_CANTOPEN || base == SQLITE_READONLY || base == SQLITE_PERM)
        g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_READ_ONLY,
                     _("Cannot open your data file %s: %s"), path ? path : ":memory:",
                     sqlite3_errmsg (self->db));
      else
        g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FAILED,
                     _("Cannot open your data file %s: %s"), path ? path : ":memory:",
                     sqlite3_errmsg (self->db));
      return FALSE;
    }

  return TRUE;
}

static void
detach_user (AtlasStore *self)
{
  sqlite3_exec (self->db, "DETACH DATABASE user", NULL, NULL, NULL);
}

/* An empty user database of the current version that cannot be written:
 * it stands in for a file that could not be opened, so that every write
 * fails at once instead of going to memory and being lost at exit.
 */
static gboolean
attach_read_only_stand_in (AtlasStore  *self,
                           GError     **error)
{
  sqlite3 *scratch = NULL;
  unsigned char *image = NULL;
  sqlite3_int64 size = 0;
  gboolean ok;

  ok = sqlite3_open_v2 (":memory:", &scratch, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) == SQLITE_OK
       && _atlas_store_migrate_user (scratch, "main", 0, error)
       && (image = sqlite3_serialize (scratch, "main", &size, 0)) != NULL;
  sqlite3_close (scratch);
  if (!ok)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FAILED,
                             "Cannot make an empty user database");
      sqlite3_free (image);
      return FALSE;
    }

  if (!attach_user (self, NULL, error))
    {
      sqlite3_free (image);
      return FALSE;
    }
  /* SQLite takes the image over, and frees it with the connection. */
  if (sqlite3_deserialize (self->db, "user", image, size, size,
                           SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY) != SQLITE_OK)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FAILED, "%s", sqlite3_errmsg (self->db));
      return FALSE;
    }
  return TRUE;
}

static void
set_broken_reason (AtlasStore *self,
                   const char *reason)
{
  g_free (self->broken_reason);
  self->broken_reason = g_strdup (reason);
}

/* The file's PRAGMA user_version, integrity and schema.  A file that fails
 * with ATLAS_STORE_ERROR_CORRUPT is not one the atlas can use at all.
 */
static gboolean
check_user (AtlasStore  *self,
            const char  *path,
            gboolean     checked_before,
            int         *version_out,
            GError     **error)
{
  g_autoptr(GError) schema_error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc, version, base;

  version = query_int (self, "PRAGMA user.user_version", &rc);
  base = rc & 0xff;
  /* The integrity check reads every page; a file unchanged since it last
   * passed (same stamp) is not read again.  Damage SQLite meets later
   * still comes back as an error from the read that met it.
   */
  if (rc == SQLITE_OK && !checked_before)
    {
      if (sqlite3_prepare_v2 (self->db, "PRAGMA user.quick_check", -1, &stmt, NULL) == SQLITE_OK &&
          sqlite3_step (stmt) == SQLITE_ROW &&
          g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
        base = SQLITE_CORRUPT;
      else
        base = sqlite3_errcode (self->db) & 0xff;
      if (base == SQLITE_ROW || base == SQLITE_DONE)
        base = SQLITE_OK;
    }

  if (base == SQLITE_NOTADB || base == SQLITE_CORRUPT)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT,
                   _("Your data file %s is damaged"), path);
      set_broken_reason (self, _("it is damaged"));
      return FALSE;
    }
  if (base == SQLITE_BUSY || base == SQLITE_LOCKED)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_LOCKED,
                   _("Your data file %s is in use by another program"), path);
      return FALSE;
    }
  if (base != SQLITE_OK)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FAILED,
                   _("Cannot read your data file %s: %s"), path, sqlite3_errstr (base));
      return FALSE;
    }

  /* The version indexes the migrations: one that no release ever wrote is
   * a damaged file, never a position to read.
   */
  if (version < 0)
    {
      g_autofree char *reason = NULL;

      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT,
                   _("Your data file %s has an impossible version number (%d)"), path, version);
      reason = g_strdup_printf (_("its version number %d is impossible"), version);
      set_broken_reason (self, reason);
      return FALSE;
    }
  if (version > ATLAS_USER_SCHEMA_VERSION)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_TOO_NEW,
                   _("Your data file %s was written by a newer version of the app"), path);
      return FALSE;
    }

  if (!atlas_schema_check_user (self->db, "user", version, &schema_error))
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT,
                   _("Your data file %s is not one the atlas made: %s"), path,
                   schema_error->message);
      set_broken_reason (self, schema_error->message);
      return FALSE;
    }

  *version_out = version;
  return TRUE;
}

/* Opens and upgrades the user database at @path; on failure leaves nothing
 * attached and the file as it was.
 */
static gboolean
open_user (AtlasStore  *self,
           const char  *path,
           GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  gboolean checked_before;
  int version = 0;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_READ_ONLY,
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  if (!attach_user (self, path, error))
    return FALSE;

  /* A busy timeout keeps a second instance from failing at once. */
  sqlite3_busy_timeout (self->db, 2000);

  checked_before = _atlas_store_user_check_is_current (path);
  if (!check_user (self, path, checked_before, &version, error))
    {
      detach_user (self);
      return FALSE;
    }

  if (version < ATLAS_USER_SCHEMA_VERSION)
    {
      g_autoptr(GError) local_error = NULL;

      if (!_atlas_store_migrate_user (self->db, "user", version, &local_error))
        {
          int code = sqlite3_errcode (self->db) & 0xff;

          g_set_error (error, ATLAS_STORE_ERROR,
                       code == SQLITE_READONLY ? ATLAS_STORE_ERROR_READ_ONLY
                       : code == SQLITE_BUSY ? ATLAS_STORE_ERROR_LOCKED
                       : ATLAS_STORE_ERROR_FAILED,
                       _("Cannot prepare your data file %s: %s"), path, local_error->message);
          detach_user (self);
          return FALSE;
        }
    }

  /* After the upgrade, which writes: the stamp is of the file as it is left. */
  if (!checked_before)
    _atlas_store_record_user_check (path);

  return TRUE;
}

/* Opens the user database, moving a broken one aside for a fresh one; on a
 * problem that may pass, attaches the read-only stand-in.
 */
static gboolean
open_or_replace_user (AtlasStore  *self,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(GError) user_error = NULL;
  g_autoptr(GError) move_error = NULL;
  g_autofree char *moved = NULL;

  if (open_user (self, path, &user_error))
    {
      self->user_path = g_strdup (path);
      return TRUE;
    }
  g_debug ("%s", user_error->message);

  if (g_error_matches (user_error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT)
      && (moved = _atlas_store_move_aside (path, &move_error)) != NULL)
    {
      g_autoptr(GError) fresh_error = NULL;

      self->moved_aside = g_strdup (moved);
      if (open_user (self, path, &fresh_error))
        {
          self->user_path = g_strdup (path);
          set_user_problem (self, g_steal_pointer (&user_error));
          return TRUE;
        }
      g_prefix_error (&fresh_error, "%s; ", user_error->message);
      g_clear_error (&user_error);
      user_error = g_steal_pointer (&fresh_error);
    }
  else if (move_error != NULL)
    g_prefix_error (&user_error, "%s; ", move_error->message);

  set_user_problem (self, g_steal_pointer (&user_error));
  return attach_read_only_stand_in (self, error);
}

/**
 * atlas_store_new:
 * @bundled: the dataset (an atlas.sqlite image)
 * @user_path: (nullable): the user's database, or %NULL for none (in memory)
 * @error: set when the bundled data cannot be used
 *
 * Problems with the user database are not errors here: see
 * atlas_store_get_user_problem().
 */
AtlasStore *
atlas_store_new (GBytes      *bundled,
                 const char  *user_path,
                 GError     **error)
{
  g_autoptr(AtlasStore) self = NULL;

  g_return_val_if_fail (bundled != NULL, NULL);

  self = g_object_new (ATLAS_TYPE_STORE, NULL);
  self->bundled = g_bytes_ref (bundled);

  if (!open_bundled (self, error))
    return NULL;

  if (user_path != NULL)
    {
      self->user_wanted = TRUE;
      if (!open_or_replace_user (self, user_path, error))
        return NULL;
    }
  else if (!attach_user (self, NULL, error) ||
           !_atlas_store_migrate_user (self->db, "user", 0, error))
    return NULL;

  if (!_atlas_store_create_merged_views (self->db, error))
    return NULL;

  return g_steal_pointer (&self);
}

GBytes *
atlas_store_get_bundled_bytes (GError **error)
{
  return _atlas_store_lookup_resource ("atlas.sqlite", error);
}

char *
atlas_store_get_default_user_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "cq-atlas", "user.sqlite", NULL);
}

char *
atlas_store_get_default_dataset_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "cq-atlas", ATLAS_STORE_DATASET_FILE, NULL);
}

/* Reads the dataset an update installed, if any, and holds it to the
 * dataset schema: the file sits in the user's folder, so it is read like
 * any file from outside.
 */
static GBytes *
read_installed_dataset (const char  *path,
                        GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GStatBuf info;
  gsize length = 0;
  sqlite3 *db;
  gboolean ok;

  if (g_stat (path, &info) == 0 && info.st_size > ATLAS_DATASET_MAX_SIZE)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT,
                   _("It is too large (more than %u MB)"), (guint) (ATLAS_DATASET_MAX_SIZE / (1024 * 1024)));
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  if ((db = atlas_schema_open_image (bytes, error)) == NULL)
    return NULL;
  ok = atlas_schema_check_image (db, ATLAS_SCHEMA_CHECK_DATASET, NULL, error);
  sqlite3_close (db);
  return ok ? g_steal_pointer (&bytes) : NULL;
}

AtlasStore *
atlas_store_new_default (GError **error)
{
  g_autoptr(GBytes) bundled = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *user_path = NULL;
  g_autofree char *dataset_path = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GError) dataset_error = NULL;
  AtlasStore *store;

  if ((bundled = atlas_store_get_bundled_bytes (&local_error)) == NULL)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_MISSING,
                   "The bundled data is missing from this installation: %s",
                   local_error->message);
      return NULL;
    }

  user_path = atlas_store_get_default_user_path ();
  dir = g_path_get_dirname (user_path);
  _atlas_store_sweep_temporary_files (dir);

  /* A dataset installed by an update takes the place of the bundled one;
   * when it cannot be read, the bundled data is shown and the reason kept.
   */
  dataset_path = atlas_store_get_default_dataset_path ();
  if (g_file_test (dataset_path, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GBytes) bytes = read_installed_dataset (dataset_path, &dataset_error);

      if (bytes != NULL)
        {
          store = atlas_store_new (bytes, user_path, &dataset_error);
          if (store != NULL)
            {
              store->from_update = TRUE;
              return store;
            }
        }
    }

  store = atlas_store_new (bundled, user_path, error);
  if (store != NULL && dataset_error != NULL && store->user_problem == NULL)
    {
      g_prefix_error (&dataset_error, _("The downloaded data %s cannot be used: "), dataset_path);
      set_user_problem (store, g_steal_pointer (&dataset_error));
    }
  return store;
}

const GError *
atlas_store_get_user_problem (AtlasStore *self)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  return self->user_problem;
}

const char *
atlas_store_get_user_path (AtlasStore *self)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  return self->user_path;
}

/**
 * atlas_store_get_user_moved_aside:
 *
 * Returns: (nullable): where a damaged or foreign user database was moved
 *   when the store opened (a fresh one took its place), or %NULL
 */
const char *
atlas_store_get_user_moved_aside (AtlasStore *self)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  return self->moved_aside;
}

/**
 * atlas_store_dup_user_problem_message:
 *
 * Returns: (transfer full) (nullable): a sentence for the window saying what
 *   went wrong with the user's data at start and what it means, or %NULL
 */
char *
atlas_store_dup_user_problem_message (AtlasStore *self)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  if (self->user_problem == NULL)
    return NULL;
  if (self->moved_aside != NULL && self->user_path != NULL)
    {
      const char *home = g_get_home_dir ();
      g_autofree char *shown = NULL;

      /* The folder is long; under the home folder it reads as "~/…". */
      if (home != NULL && g_str_has_prefix (self->moved_aside, home)
          && self->moved_aside[strlen (home)] == G_DIR_SEPARATOR)
        shown = g_strconcat ("~", self->moved_aside + strlen (home), NULL);
      else
        shown = g_strdup (self->moved_aside);
      return g_strdup_printf (_("Your data file could not be used (%s). It was kept as %s, and the "
                                "atlas started with a new, empty one."),
                              self->broken_reason ? self->broken_reason : self->user_problem->message,
                              shown);
    }
  if (self->user_wanted && self->user_path == NULL)
    return g_strdup_printf (_("Your own data could not be opened (%s). The atlas shows the bundled "
                              "data; nothing can be saved until it is restarted."),
                            self->user_problem->message);
  return g_strdup (self->user_problem->message);
}

/**
 * atlas_store_is_user_writable:
 *
 * Returns: whether what the user adds can be saved: %FALSE when the user
 *   database could not be opened at start
 */
gboolean
atlas_store_is_user_writable (AtlasStore *self)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);

  return !self->user_wanted || self->user_path != NULL;
}

/**
 * atlas_store_check_writable:
 *
 * Every caller about to save the user's records asks this first, so that a
 * refusal says why instead of SQLite's "readonly database".
 */
gboolean
atlas_store_check_writable (AtlasStore  *self,
                            GError     **error)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);

  if (atlas_store_is_user_writable (self))
    return TRUE;
  g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_READ_ONLY,
               _("Nothing can be saved: your data file could not be opened when the atlas "
                 "started (%s). Close other programs using it and start the atlas again."),
               self->user_problem ? self->user_problem->message : "?");
  return FALSE;
}

sqlite3 *
atlas_store_get_db (AtlasStore *self)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  return self->db;
}

/**
 * atlas_store_prepare:
 *
 * Returns: (transfer none): a cached statement for @sql, reset and with its
 *   bindings cleared.  @sql must be a constant of the program, never built
 *   from user data: values go through sqlite3_bind_*().
 */
sqlite3_stmt *
atlas_store_prepare (AtlasStore  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  if ((stmt = g_hash_table_lookup (self->statements, sql)) != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FAILED,
                   "%s", sqlite3_errmsg (self->db));
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

char *
atlas_store_search_key (const char *entity,
                        const char *id)
{
  return g_strconcat (entity, ":", id, NULL);
}

static gboolean
collect_matches (AtlasStore  *self,
                 const char  *sql,
                 const char  *pattern,
                 GHashTable  *matches,
                 GError     **error)
{
  sqlite3_stmt *stmt = atlas_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, pattern, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (matches,
                      atlas_store_search_key ((const char *) sqlite3_column_text (stmt, 0),
                                              (const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FAILED,
                   "%s", sqlite3_errmsg (self->db));
      return FALSE;
    }
  return TRUE;
}

/**
 * atlas_store_search:
 *
 * Finds the records whose names or texts contain @text (case-insensitive),
 * in the bundled and the user data.
 *
 * Returns: (transfer full): a set of keys made by atlas_store_search_key()
 */
GHashTable *
atlas_store_search (AtlasStore  *self,
                    const char  *text,
                    GError     **error)
{
  g_autoptr(GHashTable) matches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    return g_steal_pointer (&matches);

  /* The trigram tokenizer needs three characters; shorter queries (two
   * Chinese characters are a common word) scan with LIKE instead.
   */
  if (g_utf8_strlen (stripped, -1) >= 3)
    {
      g_autofree char *match = atlas_search_build_match (stripped);

      if (!collect_matches (self, "SELECT entity, entity_id FROM main.search WHERE search MATCH ?1"
                                  " UNION SELECT entity, entity_id FROM user.search"
                                  " WHERE search MATCH ?1",
                            match, matches, error))
        return NULL;
    }
  else
    {
      g_autofree char *like = atlas_search_build_like (stripped);

      if (!collect_matches (self, "SELECT entity, entity_id FROM main.search"
                                  " WHERE name LIKE ?1 ESCAPE '\\' OR body LIKE ?1 ESCAPE '\\'"
                                  " UNION SELECT entity, entity_id FROM user.search"
                                  " WHERE name LIKE ?1 ESCAPE '\\' OR body LIKE ?1 ESCAPE '\\'",
                            like, matches, error))
        return NULL;
    }

  return g_steal_pointer (&matches);
}

gboolean
atlas_store_get_release (AtlasStore  *self,
                         char       **version,
                         char       **created_on,
                         char       **checksum)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);

  stmt = atlas_store_prepare (self, "SELECT version, created_on, checksum FROM main.release", NULL);
  if (stmt == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return FALSE;

  if (version)
    *version = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  if (created_on)
    *created_on = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  if (checksum)
    *checksum = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  sqlite3_reset (stmt);
  return TRUE;
}

/**
 * atlas_store_dup_release_label:
 *
 * Returns: (transfer full): a short label of the dataset's release, such as
 *   "2026.1 · 2026-11-22", for badges and exports
 */
char *
atlas_store_dup_release_label (AtlasStore *self)
{
  g_autofree char *version = NULL;
  g_autofree char *created_on = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  if (!atlas_store_get_release (self, &version, &created_on, NULL))
    return g_strdup ("?");
  return g_strdup_printf ("%s · %s", version, created_on);
}

/**
 * atlas_store_get_dataset_bytes:
 *
 * Returns: (transfer none): the image of the dataset "main" was opened from
 */
GBytes *
atlas_store_get_dataset_bytes (AtlasStore *self)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);

  return self->bundled;
}

/**
 * atlas_store_is_from_update:
 *
 * Returns: whether the dataset is a downloaded update rather than the bundled one
 */
gboolean
atlas_store_is_from_update (AtlasStore *self)
{
  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);

  return self->from_update;
}

/**
 * _atlas_store_open_replacement:
 * @dataset: an atlas.sqlite image (the bundled one, or a checked package)
 *
 * Opens @dataset on a connection of its own, with the same user database
 * attached, ready for _atlas_store_adopt().  Touches nothing of @self but
 * what never changes after it was made, so a worker thread may call it.
 *
 * Returns: (transfer full): a store to hand to _atlas_store_adopt()
 */
AtlasStore *
_atlas_store_open_replacement (AtlasStore  *self,
                               GBytes      *dataset,
                               GError     **error)
{
  g_autoptr(AtlasStore) fresh = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), NULL);
  g_return_val_if_fail (dataset != NULL, NULL);

  fresh = g_object_new (ATLAS_TYPE_STORE, NULL);
  fresh->bundled = g_bytes_ref (dataset);
  if (!open_bundled (fresh, error))
    return NULL;

  /* A file can be attached to two connections at once. */
  if (self->user_path != NULL)
    {
      if (!open_user (fresh, self->user_path, error))
        return NULL;
    }
  else if (self->user_wanted)
    {
      if (!attach_read_only_stand_in (fresh, error))
        return NULL;
    }
  else if (!attach_user (fresh, NULL, error) ||
           !_atlas_store_migrate_user (fresh->db, "user", 0, error))
    return NULL;

  if (!_atlas_store_create_merged_views (fresh->db, error))
    return NULL;

  return g_steal_pointer (&fresh);
}

/**
 * _atlas_store_adopt:
 * @fresh: from _atlas_store_open_replacement() on @self
 *
 * Swaps @fresh's connection in; the old one closes with @fresh.
 */
void
_atlas_store_adopt (AtlasStore *self,
                    AtlasStore *fresh,
                    gboolean    from_update)
{
  sqlite3 *old_db;
  GBytes *old_bytes;

  g_return_if_fail (ATLAS_IS_STORE (self));
  g_return_if_fail (ATLAS_IS_STORE (fresh));

  g_hash_table_remove_all (self->statements);
  old_db = self->db;
  old_bytes = self->bundled;
  self->db = fresh->db;
  self->bundled = fresh->bundled;
  fresh->db = old_db;
  fresh->bundled = old_bytes;
  self->from_update = from_update;
}

/**
 * atlas_store_replace_dataset:
 * @dataset: an atlas.sqlite image (the bundled one, or a checked package)
 * @from_update: whether @dataset is a downloaded update
 *
 * Opens @dataset in place of the current "main" database and attaches the
 * same user database again.  On failure the store is left as it was.
 */
gboolean
atlas_store_replace_dataset (AtlasStore  *self,
                             GBytes      *dataset,
                             gboolean     from_update,
                             GError     **error)
{
  g_autoptr(AtlasStore) fresh = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);
  g_return_val_if_fail (dataset != NULL, FALSE);

  /* Open the new data on a connection of its own first: if anything is
   * wrong with it, nothing of the current one has been touched.
   */
  fresh = _atlas_store_open_replacement (self, dataset, error);
  if (fresh == NULL)
    return FALSE;
  _atlas_store_adopt (self, fresh, from_update);
  return TRUE;
}

/**
 * atlas_store_reset_to_bundled:
 *
 * Removes every record the user imported (stories stay), sets a downloaded
 * dataset aside as a backup, and opens the bundled data again.
 */
gboolean
atlas_store_reset_to_bundled (AtlasStore  *self,
                              GError     **error)
{
  static const char clear_sql[] =
    "BEGIN;"
    "DELETE FROM user.citation; DELETE FROM user.event_party; DELETE FROM user.event_site;"
    "DELETE FROM user.statistic; DELETE FROM user.series; DELETE FROM user.event;"
    "DELETE FROM user.party; DELETE FROM user.site; DELETE FROM user.source;"
    "DELETE FROM user.search; DELETE FROM user.deleted;"
    "COMMIT;";
  g_autoptr(GBytes) bundled = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (self), FALSE);

  if (!atlas_store_check_writable (self, error))
    return FALSE;
  if ((bundled = atlas_store_get_bundled_bytes (error)) == NULL)
    return FALSE;

  g_hash_table_remove_all (self->statements);
  if (!atlas_sqlite_exec (self->db, clear_sql, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FAILED, error))
    {
      g_prefix_error (error, _("Cannot clear your data: "));
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  if (self->from_update && self->user_path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self->user_path);
      g_autofree char *mine = g_build_filename (dir, ATLAS_STORE_DATASET_FILE, NULL);
      g_autofree char *backup = g_strconcat (mine, ".bak", NULL);

      if (g_file_test (mine, G_FILE_TEST_EXISTS) && g_rename (mine, backup) != 0)
        {
          int saved = errno;
          g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FAILED,
                       "Cannot set the downloaded data aside: %s", g_strerror (saved));
          return FALSE;
        }
    }

  return atlas_store_replace_dataset (self, bundled, FALSE, error);
}
