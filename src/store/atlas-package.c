/* atlas-package.c
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

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "atlas-store-private.h"
#include "atlas-package.h"

/* A dataset package (.cqatlas) is one SQLite file with the schema of the
 * bundled atlas.sqlite (PRAGMA user_version = ATLAS_DATASET_FORMAT) and a
 * manifest table of key/value rows: format_version, created, version,
 * sources (the ids of its sources) and checksum, a SHA-256 over the rows of
 * its tables (atlas_package_compute_checksum()).  Updates download one and
 * install it in place of the bundled data; imports read records from one.
 */

/* The tables a package must have, in the order the checksum reads them. */
static const char * const content_tables[] = {
  "source", "citation", "district", "river", "site", "party", "event",
  "event_party", "event_site", "series", "statistic", "area", "area_district", NULL,
};

/* Record tables compared by "what changed". */
static const char * const diff_tables[] = {
  "source", "site", "party", "event", "series", "statistic", NULL,
};

struct _AtlasPackageChange
{
  GObject  parent_instance;
  char    *entity;
  char    *id;
  char    *change;
  char    *detail;
};

G_DEFINE_QUARK (atlas-package-error-quark, atlas_package_error)
G_DEFINE_FINAL_TYPE (AtlasPackageChange, atlas_package_change, G_TYPE_OBJECT)

static void
atlas_package_change_finalize (GObject *object)
{
  AtlasPackageChange *self = (AtlasPackageChange *)object;

  g_free (self->entity);
  g_free (self->id);
  g_free (self->change);
  g_free (self->detail);
  G_OBJECT_CLASS (atlas_package_change_parent_class)->finalize (object);
}

static void
atlas_package_change_class_init (AtlasPackageChangeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_package_change_finalize;
}

static void
atlas_package_change_init (AtlasPackageChange *self)
{
}

static AtlasPackageChange *
change_new (const char *entity,
            const char *id,
            const char *change,
            const char *detail)
{
  AtlasPackageChange *self = g_object_new (ATLAS_TYPE_PACKAGE_CHANGE, NULL);

  self->entity = g_strdup (entity);
  self->id = g_strdup (id);
  self->change = g_strdup (change);
  self->detail = g_strdup (detail);
  return self;
}

const char *
atlas_package_change_get_entity (AtlasPackageChange *self)
{
  g_return_val_if_fail (ATLAS_IS_PACKAGE_CHANGE (self), NULL);
  return self->entity;
}

const char *
atlas_package_change_get_id (AtlasPackageChange *self)
{
  g_return_val_if_fail (ATLAS_IS_PACKAGE_CHANGE (self), NULL);
  return self->id;
}

/* "added", "removed" or "changed" */
const char *
atlas_package_change_get_change (AtlasPackageChange *self)
{
  g_return_val_if_fail (ATLAS_IS_PACKAGE_CHANGE (self), NULL);
  return self->change;
}

const char *
atlas_package_change_get_detail (AtlasPackageChange *self)
{
  g_return_val_if_fail (ATLAS_IS_PACKAGE_CHANGE (self), NULL);
  return self->detail;
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_FAILED, "%s",
                   message ? message : sqlite3_errmsg (db));
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

/* Names of @table's columns in @schema ("main", "old" or "pkg"). */
static GPtrArray *
table_columns (sqlite3    *db,
               const char *schema,
               const char *table)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *columns = g_ptr_array_new_with_free_func (g_free);

  if (sqlite3_prepare_v2 (db, "SELECT name FROM pragma_table_info (?1, ?2) ORDER BY cid",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, schema, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_ptr_array_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }
  return columns;
}

/**
 * atlas_package_compute_checksum:
 * @schema: "main" or "pkg" (a fixed name, never user input)
 *
 * Returns: (transfer full) (nullable): the SHA-256, in hex, of the rows of
 *   the content tables, or %NULL when one is missing
 */
char *
atlas_package_compute_checksum (sqlite3    *db,
                                const char *schema)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_return_val_if_fail (g_strcmp0 (schema, "main") == 0 || g_strcmp0 (schema, "pkg") == 0
                        || g_strcmp0 (schema, "old") == 0, NULL);

  for (guint t = 0; content_tables[t] != NULL; t++)
    {
      g_autoptr(GPtrArray) columns = table_columns (db, schema, content_tables[t]);
      g_autoptr(GString) sql = g_string_new (NULL);
      g_autoptr(sqlite3_stmt) stmt = NULL;

      if (columns->len == 0)
        return NULL;

      /* Names from the file's own schema, quoted; ordered by every column. */
      g_string_append_printf (sql, "SELECT * FROM %s.\"%s\" ORDER BY ", schema, content_tables[t]);
      for (guint c = 0; c < columns->len; c++)
        g_string_append_printf (sql, "%s%u", c > 0 ? ", " : "", c + 1);
      if (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
        return NULL;

      g_checksum_update (checksum, (const guchar *) content_tables[t], -1);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              int type = sqlite3_column_type (stmt, c);
              guchar tag = (guchar) type;
              char number[64];

              g_checksum_update (checksum, &tag, 1);
              switch (type)
                {
                case SQLITE_INTEGER:
                  g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT,
                              (gint64) sqlite3_column_int64 (stmt, c));
                  g_checksum_update (checksum, (const guchar *) number, -1);
                  break;
                case SQLITE_FLOAT:
                  g_ascii_formatd (number, sizeof number, "%.17g", sqlite3_column_double (stmt, c));
                  g_checksum_update (checksum, (const guchar *) number, -1);
                  break;
                case SQLITE_TEXT:
                case SQLITE_BLOB:
                  {
                    const void *data = sqlite3_column_blob (stmt, c);
                    guint32 length = sqlite3_column_bytes (stmt, c);

                    g_checksum_update (checksum, (const guchar *) &length, sizeof length);
                    if (length > 0)
                      g_checksum_update (checksum, data, length);
                  }
                  break;
                default:
                  break;
                }
            }
        }
    }

  return g_strdup (g_checksum_get_string (checksum));
}

static char *
manifest_get (sqlite3    *db,
              const char *key)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (db, "SELECT value FROM main.manifest WHERE key = ?1", -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  return value;
}

/**
 * atlas_package_open:
 *
 * Opens a package read-only and checks it: a SQLite file, undamaged, of a
 * format this version reads, with every table, and with its manifest's
 * checksum matching its rows.
 *
 * Returns: (transfer full): the connection, its package as "main"
 */
sqlite3 *
atlas_package_open (GBytes  *bytes,
                    GError **error)
{
  sqlite3 *db = NULL;
  gsize size;
  const guint8 *data;
  unsigned char *copy;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *format = NULL;
  g_autofree char *stated = NULL;
  g_autofree char *computed = NULL;
  int version = -1;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size < 512 || memcmp (data, "SQLite format 3", 16) != 0)
    {
      g_set_error_literal (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_INVALID,
                           _("The file is not a dataset package"));
      return NULL;
    }

  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_set_error_literal (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_FAILED,
                           "Cannot create a database connection");
      sqlite3_close (db);
      return NULL;
    }

  /* SQLite owns (and frees) its own copy. */
  copy = sqlite3_malloc64 (size);
  if (copy == NULL)
    {
      g_set_error_literal (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_FAILED, "Out of memory");
      sqlite3_close (db);
      return NULL;
    }
  memcpy (copy, data, size);
  if (sqlite3_deserialize (db, "main", copy, size, size,
                           SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY) != SQLITE_OK)
    goto invalid;

  if (sqlite3_prepare_v2 (db, "PRAGMA main.integrity_check", -1, &stmt, NULL) != SQLITE_OK
      || sqlite3_step (stmt) != SQLITE_ROW
      || g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    goto invalid;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (sqlite3_prepare_v2 (db, "PRAGMA main.user_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  format = manifest_get (db, "format_version");
  if (format == NULL)
    goto invalid;
  if (version > ATLAS_DATASET_FORMAT || g_ascii_strtoll (format, NULL, 10) > ATLAS_PACKAGE_FORMAT)
    {
      g_set_error_literal (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_TOO_NEW,
                           _("The package was made by a newer version of the atlas"));
      sqlite3_close (db);
      return NULL;
    }
  if (version != ATLAS_DATASET_FORMAT)
    goto invalid;

  stated = manifest_get (db, "checksum");
  computed = atlas_package_compute_checksum (db, "main");
  if (computed == NULL)
    goto invalid;
  if (g_strcmp0 (stated, computed) != 0)
    {
      g_set_error_literal (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_CHECKSUM,
                           _("The package’s content does not match its checksum"));
      sqlite3_close (db);
      return NULL;
    }

  return db;

invalid:
  g_set_error_literal (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_INVALID,
                       _("The file is not a dataset package of the atlas, or it is damaged"));
  sqlite3_close (db);
  return NULL;
}

/* "CREATE TABLE x" → "CREATE TABLE pkg.x", and the same for indexes and
 * virtual tables; the statements come from the dataset's own schema.
 */
static char *
schema_sql_for_pkg (const char *sql)
{
  static const char * const prefixes[] = {
    "CREATE TABLE ", "CREATE VIRTUAL TABLE ", "CREATE INDEX ", "CREATE UNIQUE INDEX ", NULL,
  };

  for (guint i = 0; prefixes[i] != NULL; i++)
    if (g_str_has_prefix (sql, prefixes[i]))
      return g_strconcat (prefixes[i], "pkg.", sql + strlen (prefixes[i]), NULL);
  return NULL;
}

static gboolean
write_package (AtlasStore  *store,
               sqlite3     *db,
               const char  *version,
               GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) sources = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *checksum = NULL;
  g_autofree char *format = g_strdup_printf ("%d", ATLAS_PACKAGE_FORMAT);
  g_autofree char *user_version = g_strdup_printf ("PRAGMA pkg.user_version = %d", ATLAS_DATASET_FORMAT);
  static const char * const merged[] = {
    "source", "site", "party", "event", "series", "statistic",
    "citation", "event_party", "event_site", NULL,
  };

  /* The dataset's schema, shadow tables of the search index excepted. */
  if (sqlite3_prepare_v2 (db, "SELECT sql FROM main.sqlite_master WHERE sql IS NOT NULL"
                              " AND type IN ('table', 'index') AND name NOT LIKE 'search\\_%' ESCAPE '\\'"
                              " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type DESC, rowid",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      return FALSE;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autofree char *sql = schema_sql_for_pkg ((const char *) sqlite3_column_text (stmt, 0));

      if (sql != NULL && !exec_sql (db, sql, error))
        return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!exec_sql (db, "CREATE TABLE pkg.manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL)", error))
    return FALSE;

  for (guint t = 0; merged[t] != NULL; t++)
    {
      g_autoptr(GPtrArray) columns = table_columns (db, "main", merged[t]);
      g_autoptr(GString) list = g_string_new (NULL);
      g_autofree char *sql = NULL;

      for (guint c = 0; c < columns->len; c++)
        g_string_append_printf (list, "%s\"%s\"", c > 0 ? ", " : "",
                                (const char *) g_ptr_array_index (columns, c));
      sql = g_strdup_printf ("INSERT INTO pkg.\"%s\" (%s) SELECT %s FROM temp.\"v_%s\"",
                             merged[t], list->str, list->str, merged[t]);
      if (!exec_sql (db, sql, error))
        return FALSE;
    }
  if (!exec_sql (db,
                 "INSERT INTO pkg.district SELECT * FROM main.district;"
                 "INSERT INTO pkg.river SELECT * FROM main.river;"
                 "INSERT INTO pkg.area SELECT * FROM main.area;"
                 "INSERT INTO pkg.area_district SELECT * FROM main.area_district;"
                 "INSERT INTO pkg.search (entity, entity_id, name, body)"
                 "  SELECT entity, entity_id, name, body FROM user.search;"
                 "INSERT INTO pkg.search (entity, entity_id, name, body)"
                 "  SELECT entity, entity_id, name, body FROM main.search m"
                 "  WHERE NOT EXISTS (SELECT 1 FROM user.search u"
                 "                    WHERE u.entity = m.entity AND u.entity_id = m.entity_id);",
                 error))
    return FALSE;

  checksum = atlas_package_compute_checksum (db, "pkg");
  if (checksum == NULL)
    {
      g_set_error_literal (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_FAILED,
                           "Cannot compute the package’s checksum");
      return FALSE;
    }

  if (sqlite3_prepare_v2 (db, "SELECT id FROM pkg.source ORDER BY id", -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_string_append_printf (sources, "%s%s", sources->len > 0 ? "," : "",
                              (const char *) sqlite3_column_text (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (sqlite3_prepare_v2 (db, "INSERT INTO pkg.release (version, created_on, checksum) VALUES (?1, ?2, ?3)",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, version, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, created, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, checksum, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_set_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (sqlite3_prepare_v2 (db, "INSERT INTO pkg.manifest (key, value) VALUES"
                              " ('format_version', ?1), ('created', ?2), ('version', ?3),"
                              " ('sources', ?4), ('checksum', ?5)", -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, format, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, created, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, version, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, sources->str, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, checksum, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_set_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      return FALSE;
    }

  return exec_sql (db, user_version, error);
}

/**
 * atlas_package_write:
 * @version: the release version the package carries
 *
 * Writes the whole dataset, bundled and user records merged, as a package at
 * @path; the file appears complete or not at all.
 */
gboolean
atlas_package_write (AtlasStore  *store,
                     const char  *path,
                     const char  *version,
                     GError     **error)
{
  sqlite3 *db;
  g_autoptr(sqlite3_stmt) attach = NULL;
  g_autofree char *partial = NULL;
  gboolean ok;

  g_return_val_if_fail (ATLAS_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (version != NULL, FALSE);

  db = atlas_store_get_db (store);
  partial = g_strconcat (path, ".part", NULL);
  g_unlink (partial);

  if (sqlite3_prepare_v2 (db, "ATTACH DATABASE ?1 AS pkg", -1, &attach, NULL) != SQLITE_OK)
    {
      g_set_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      return FALSE;
    }
  sqlite3_bind_text (attach, 1, partial, -1, SQLITE_STATIC);
  if (sqlite3_step (attach) != SQLITE_DONE)
    {
      g_set_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_FAILED,
                   _("Cannot write %s: %s"), partial, sqlite3_errmsg (db));
      return FALSE;
    }

  ok = write_package (store, db, version, error);
  sqlite3_exec (db, "DETACH DATABASE pkg", NULL, NULL, NULL);

  if (ok && g_rename (partial, path) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot write %s: %s"), path, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (partial);
  return ok;
}

static gboolean
attach_image (sqlite3     *db,
              const char  *schema,
              GBytes      *bytes,
              GError     **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  unsigned char *copy;
  g_autofree char *sql = g_strdup_printf ("ATTACH DATABASE ':memory:' AS %s", schema);

  if (!exec_sql (db, sql, error))
    return FALSE;
  copy = sqlite3_malloc64 (MAX (size, 1));
  if (copy == NULL)
    return FALSE;
  memcpy (copy, data, size);
  if (sqlite3_deserialize (db, schema, copy, size, size,
                           SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY) != SQLITE_OK)
    {
      g_set_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_INVALID, "%s", sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

/**
 * atlas_package_diff:
 *
 * Returns: (transfer full): the #AtlasPackageChange of each record added,
 *   removed or changed from @old_dataset to @new_dataset
 */
GListModel *
atlas_package_diff (GBytes  *old_dataset,
                    GBytes  *new_dataset,
                    GError **error)
{
  g_autoptr(GListStore) changes = g_list_store_new (ATLAS_TYPE_PACKAGE_CHANGE);
  sqlite3 *db = NULL;
  GListModel *result = NULL;

  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    goto out;
  if (!attach_image (db, "old", old_dataset, error) || !attach_image (db, "pkg", new_dataset, error))
    goto out;

  for (guint t = 0; diff_tables[t] != NULL; t++)
    {
      const char *table = diff_tables[t];
      g_autoptr(GPtrArray) columns = table_columns (db, "pkg", table);
      g_autoptr(GPtrArray) old_columns = table_columns (db, "old", table);
      g_autoptr(GString) list_new = g_string_new (NULL);
      g_autoptr(GString) list_old = g_string_new (NULL);
      g_autoptr(GString) differs = g_string_new (NULL);
      g_autofree char *sql = NULL;
      g_autoptr(sqlite3_stmt) stmt = NULL;

      if (columns->len == 0 || old_columns->len == 0)
        continue;
      for (guint c = 0; c < columns->len; c++)
        {
          const char *name = g_ptr_array_index (columns, c);
          gboolean shared = FALSE;

          for (guint o = 0; o < old_columns->len; o++)
            shared |= g_str_equal (name, g_ptr_array_index (old_columns, o));
          if (!shared)
            continue;
          g_string_append_printf (list_new, ", n.\"%s\"", name);
          g_string_append_printf (list_old, ", o.\"%s\"", name);
          g_string_append_printf (differs, "%sn.\"%s\" IS NOT o.\"%s\"",
                                  differs->len > 0 ? " OR " : "", name, name);
        }

      /* Added, then removed, then changed; the names come from the files' schemas. */
      sql = g_strdup_printf ("SELECT 'added', n.id%1$s%2$s FROM pkg.%3$s n LEFT JOIN old.%3$s o USING (id)"
                             " WHERE o.id IS NULL"
                             " UNION ALL SELECT 'removed', o.id%1$s%2$s FROM old.%3$s o"
                             " LEFT JOIN pkg.%3$s n USING (id) WHERE n.id IS NULL"
                             " UNION ALL SELECT 'changed', n.id%1$s%2$s FROM pkg.%3$s n"
                             " JOIN old.%3$s o USING (id) WHERE %4$s",
                             list_new->str, list_old->str, table, differs->str);
      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          g_set_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_FAILED, "%s", sqlite3_errmsg (db));
          goto out;
        }
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          const char *change = (const char *) sqlite3_column_text (stmt, 0);
          g_autofree char *detail = NULL;
          g_autoptr(AtlasPackageChange) item = NULL;
          int n = (sqlite3_column_count (stmt) - 2) / 2;

          if (g_str_equal (change, "changed"))
            {
              /* describe_change reads columns 1..n and n+1..2n after the id. */
              g_autoptr(GString) d = g_string_new (NULL);

              for (int c = 0; c < n; c++)
                {
                  const char *now = (const char *) sqlite3_column_text (stmt, 2 + c);
                  const char *was = (const char *) sqlite3_column_text (stmt, 2 + n + c);
                  const char *name = sqlite3_column_name (stmt, 2 + c);

                  if (g_strcmp0 (now, was) == 0)
                    continue;
                  if (d->len > 0)
                    g_string_append (d, "; ");
                  if (g_str_equal (name, "value") || g_str_equal (name, "amount_cny")
                      || g_str_equal (name, "project_count") || g_str_equal (name, "stated_total"))
                    g_string_append_printf (d, "%s: %s → %s", name, was ? was : "—", now ? now : "—");
                  else
                    g_string_append (d, name);
                }
              detail = g_string_free (g_steal_pointer (&d), FALSE);
            }
          item = change_new (table, (const char *) sqlite3_column_text (stmt, 1), change, detail);
          g_list_store_append (changes, item);
        }
    }

  result = G_LIST_MODEL (g_steal_pointer (&changes));

out:
  if (result == NULL && error != NULL && *error == NULL)
    g_set_error_literal (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_FAILED,
                         "Cannot compare the two releases");
  sqlite3_close (db);
  return result;
}

static gboolean
write_file_synced (const char  *path,
                   GBytes      *bytes,
                   GError     **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  /* g_file_set_contents() writes a temporary file, fsyncs and renames. */
  return g_file_set_contents_full (path, data, size,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

/**
 * atlas_package_install:
 * @changes: (out) (optional) (transfer full): what differs from the data before
 *
 * Checks @package, keeps the data shown until now as a backup beside the
 * user database, puts @package in its place with an atomic rename, opens it,
 * and logs the update with its changes.  On failure nothing has changed.
 */
gboolean
atlas_package_install (AtlasStore   *store,
                       GBytes       *package,
                       GListModel  **changes,
                       GError      **error)
{
  sqlite3 *check;
  g_autofree char *dir = NULL;
  g_autofree char *target = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *old_version = NULL;
  g_autofree char *new_version = NULL;
  g_autofree char *checksum = NULL;
  g_autoptr(GListModel) diff = NULL;
  g_autoptr(GBytes) previous = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);
  const char *user_path;
  sqlite3 *db;
  sqlite3_int64 update_id;

  g_return_val_if_fail (ATLAS_IS_STORE (store), FALSE);
  g_return_val_if_fail (package != NULL, FALSE);

  if ((check = atlas_package_open (package, error)) == NULL)
    return FALSE;
  sqlite3_close (check);

  previous = g_bytes_ref (atlas_store_get_dataset_bytes (store));
  diff = atlas_package_diff (previous, package, error);
  if (diff == NULL)
    return FALSE;

  user_path = atlas_store_get_user_path (store);
  if (user_path == NULL)
    {
      g_set_error_literal (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_FAILED,
                           _("Your own data could not be opened, so an update cannot be kept"));
      return FALSE;
    }
  dir = g_path_get_dirname (user_path);
  target = g_build_filename (dir, ATLAS_STORE_DATASET_FILE, NULL);
  backup = g_strconcat (target, ".bak", NULL);

  atlas_store_get_release (store, &old_version, NULL, NULL);

  /* The backup first, then the new data over the old in one rename. */
  if (!write_file_synced (backup, previous, error))
    return FALSE;
  if (!write_file_synced (target, package, error))
    return FALSE;

  if (!atlas_store_replace_dataset (store, package, TRUE, error))
    {
      /* Put the previous data back where the next start will find it. */
      if (atlas_store_is_from_update (store))
        write_file_synced (target, previous, NULL);
      else
        g_unlink (target);
      return FALSE;
    }

  atlas_store_get_release (store, &new_version, NULL, &checksum);

  db = atlas_store_get_db (store);
  if (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK)
    {
      g_autoptr(sqlite3_stmt) log = NULL;
      g_autoptr(sqlite3_stmt) item = NULL;
      gboolean ok = TRUE;

      ok &= sqlite3_prepare_v2 (db, "INSERT INTO user.update_log (updated_at, from_version, to_version,"
                                    " checksum, backup) VALUES (?1, ?2, ?3, ?4, ?5)",
                                -1, &log, NULL) == SQLITE_OK;
      if (ok)
        {
          sqlite3_bind_text (log, 1, stamp, -1, SQLITE_STATIC);
          sqlite3_bind_text (log, 2, old_version, -1, SQLITE_STATIC);
          sqlite3_bind_text (log, 3, new_version ? new_version : "?", -1, SQLITE_STATIC);
          sqlite3_bind_text (log, 4, checksum ? checksum : "", -1, SQLITE_STATIC);
          sqlite3_bind_text (log, 5, backup, -1, SQLITE_STATIC);
          ok &= sqlite3_step (log) == SQLITE_DONE;
        }
      update_id = sqlite3_last_insert_rowid (db);
      ok &= sqlite3_prepare_v2 (db, "INSERT INTO user.update_change (update_id, entity, entity_id,"
                                    " change, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
                                -1, &item, NULL) == SQLITE_OK;
      for (guint i = 0; ok && i < g_list_model_get_n_items (diff); i++)
        {
          g_autoptr(AtlasPackageChange) change = g_list_model_get_item (diff, i);

          sqlite3_reset (item);
          sqlite3_bind_int64 (item, 1, update_id);
          sqlite3_bind_text (item, 2, change->entity, -1, SQLITE_STATIC);
          sqlite3_bind_text (item, 3, change->id, -1, SQLITE_STATIC);
          sqlite3_bind_text (item, 4, change->change, -1, SQLITE_STATIC);
          sqlite3_bind_text (item, 5, change->detail, -1, SQLITE_STATIC);
          ok &= sqlite3_step (item) == SQLITE_DONE;
        }
      /* The log is a convenience: the update stands without it. */
      sqlite3_exec (db, ok ? "COMMIT" : "ROLLBACK", NULL, NULL, NULL);
    }

  if (changes != NULL)
    *changes = g_steal_pointer (&diff);
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
        change_new ((const char *) sqlite3_column_text (stmt, 0),
                    (const char *) sqlite3_column_text (stmt, 1),
                    (const char *) sqlite3_column_text (stmt, 2),
                    (const char *) sqlite3_column_text (stmt, 3));
      g_list_store_append (changes, change);
    }
  sqlite3_reset (stmt);
  return G_LIST_MODEL (changes);
}
