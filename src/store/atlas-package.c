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

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-package-private.h"
#include "atlas-schema.h"
#include "atlas-search-index.h"
#include "atlas-store-private.h"

/* A dataset package (.cqatlas) is one SQLite file with the schema of the
 * bundled atlas.sqlite (PRAGMA user_version = ATLAS_DATASET_FORMAT) and a
 * manifest table of key/value rows: format_version, created, version,
 * sources (the ids of its sources) and checksum, a SHA-256 over the rows of
 * its tables (atlas_package_compute_checksum()).  Updates download one and
 * install it in place of the bundled data (atlas-package-install.c);
 * imports read records from one; "Export as package" writes one.
 *
 * Every package is read as hostile, signed or not.  It is opened read-only
 * from memory on a hardened connection of its own, its schema must be the
 * atlas's to the letter (atlas-schema.c), and then its rows are copied, one
 * value at a time, each checked for its column's type and for valid UTF-8,
 * into a new database made from the atlas's own schema.  Only that copy is
 * ever used: no statement of the package's schema, and no name from it,
 * reaches a connection the atlas works with.
 */

/* The tables the checksum reads, in this order. */
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

AtlasPackageChange *
_atlas_package_change_new (const char *entity,
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


/**
 * atlas_package_compute_checksum:
 * @schema: "main" (the only schema packages and datasets are opened as)
 *
 * Returns: (transfer full) (nullable): the SHA-256, in hex, of the rows of
 *   the content tables, or %NULL when one cannot be read
 */
char *
atlas_package_compute_checksum (sqlite3    *db,
                                const char *schema)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  g_return_val_if_fail (g_strcmp0 (schema, "main") == 0, NULL);

  for (guint t = 0; content_tables[t] != NULL; t++)
    {
      const AtlasSchemaTable *table = atlas_schema_lookup_table (content_tables[t]);
      g_autoptr(GString) sql = g_string_new ("SELECT ");
      g_autoptr(sqlite3_stmt) stmt = NULL;
      int rc;

      /* Our names, in our order; ordered by every column. */
      atlas_schema_append_columns (sql, table, NULL);
      g_string_append (sql, " FROM main.");
      atlas_sqlite_append_identifier (sql, table->name);
      g_string_append (sql, " ORDER BY ");
      for (guint c = 0; c < table->n_columns; c++)
        g_string_append_printf (sql, "%s%u", c > 0 ? ", " : "", c + 1);
      if (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
        return NULL;

      g_checksum_update (checksum, (const guchar *) table->name, -1);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
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
      if (rc != SQLITE_DONE)
        return NULL;
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
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) == SQLITE_TEXT)
    {
      const char *text = (const char *) sqlite3_column_text (stmt, 0);

      if (g_utf8_validate (text, -1, NULL))
        value = g_strdup (text);
    }
  return value;
}

/* A new, empty dataset made from the atlas's own schema, writable. */
static sqlite3 *
new_dataset (GError **error)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_set_error_literal (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_FAILED,
                           "Cannot create a database connection");
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, TRUE);
  atlas_sqlite_harden (db);
  /* Records a user hid may leave references dangling in an export: the
   * copy holds each row to its table's own rules only.
   */
  if (!atlas_sqlite_exec (db, atlas_schema_get_dataset_sql (), ATLAS_PACKAGE_ERROR,
                          ATLAS_PACKAGE_ERROR_FAILED, error)
      || !atlas_sqlite_exec (db, "PRAGMA foreign_keys = OFF;"
                                 "PRAGMA main.user_version = " G_STRINGIFY (ATLAS_DATASET_FORMAT),
                             ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_FAILED, error))
    {
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

/**
 * _atlas_package_copy_table:
 * @from_table: the name to read @table's rows from in @from ("main.site",
 *   "temp.v_site"), a constant of the program
 * @check_values: hold each value to its column (rows from outside)
 *
 * Copies the rows of @table, value by value, from @from into "main" of @to.
 * A refused value or row is reported with the table, the row (its rowid
 * when @check_values) and the column.
 */
gboolean
_atlas_package_copy_table (sqlite3                 *from,
                           const char              *from_table,
                           sqlite3                 *to,
                           const AtlasSchemaTable  *table,
                           gboolean                 check_values,
                           GError                 **error)
{
  g_autoptr(GString) select = g_string_new ("SELECT ");
  g_autoptr(GString) insert = g_string_new ("INSERT INTO main.");
  g_autoptr(sqlite3_stmt) read = NULL;
  g_autoptr(sqlite3_stmt) write = NULL;
  gint64 row = 0;
  int rc;

  g_string_append (select, check_values ? "rowid, " : "NULL, ");
  atlas_schema_append_columns (select, table, NULL);
  g_string_append_printf (select, " FROM %s%s", from_table, check_values ? " ORDER BY rowid" : "");

  atlas_sqlite_append_identifier (insert, table->name);
  g_string_append (insert, " (");
  atlas_schema_append_columns (insert, table, NULL);
  g_string_append (insert, ") VALUES (");
  for (guint c = 0; c < table->n_columns; c++)
    g_string_append_printf (insert, "%s?%u", c > 0 ? ", " : "", c + 1);
  g_string_append (insert, ")");

  if (sqlite3_prepare_v2 (from, select->str, -1, &read, NULL) != SQLITE_OK)
    {
      g_set_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_INVALID,
                   _("The table “%s” cannot be read: %s"), table->name, sqlite3_errmsg (from));
      return FALSE;
    }
  if (sqlite3_prepare_v2 (to, insert->str, -1, &write, NULL) != SQLITE_OK)
    {
      g_set_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_FAILED, "%s", sqlite3_errmsg (to));
      return FALSE;
    }

  while ((rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      row = check_values ? sqlite3_column_int64 (read, 0) : row + 1;
      sqlite3_reset (write);
      for (guint c = 0; c < table->n_columns; c++)
        {
          sqlite3_value *value = sqlite3_column_value (read, c + 1);
          g_autoptr(GError) value_error = NULL;

          if (check_values && !atlas_schema_check_value (table, c, value, &value_error))
            {
              g_autofree char *where = g_strdup_printf ("%" G_GINT64_FORMAT, row);

              /* Translators: table “site”, row 12, column “name_en”: the text is not valid UTF-8 */
              g_set_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_INVALID,
                           _("table “%s”, row %s, column “%s”: %s"),
                           table->name, where, table->columns[c].name, value_error->message);
              return FALSE;
            }
          sqlite3_bind_value (write, c + 1, value);
        }
      if (sqlite3_step (write) != SQLITE_DONE)
        {
          g_autofree char *where = g_strdup_printf ("%" G_GINT64_FORMAT, row);

          /* Translators: table “site”, row 12: UNIQUE constraint failed: site.id */
          g_set_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_INVALID,
                       _("table “%s”, row %s: %s"), table->name, where, sqlite3_errmsg (to));
          return FALSE;
        }
    }
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_INVALID,
                   _("The table “%s” cannot be read: %s"), table->name, sqlite3_errmsg (from));
      return FALSE;
    }
  return TRUE;
}

static void
set_invalid (GError     **error,
             const char  *reason)
{
  /* Translators: %s says why, e.g. It holds a trigger “x” that the atlas does not make */
  g_set_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_INVALID,
               _("The file is not a dataset package of the atlas, or it is damaged: %s"), reason);
}

/* The checks of a package on its read-only connection: format, schema,
 * integrity, checksum.
 */
static gboolean
check_package (sqlite3       *pkg,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *format = NULL;
  g_autofree char *stated = NULL;
  g_autofree char *computed = NULL;
  gint64 format_number;
  int version = -1;

  if (sqlite3_prepare_v2 (pkg, "PRAGMA main.user_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (version > ATLAS_DATASET_FORMAT)
    {
      g_set_error_literal (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_TOO_NEW,
                           _("The package was made by a newer version of the atlas"));
      return FALSE;
    }
  if (version != ATLAS_DATASET_FORMAT)
    {
      set_invalid (error, _("its format is unknown"));
      return FALSE;
    }

  if (!atlas_schema_check_image (pkg, ATLAS_SCHEMA_CHECK_PACKAGE, cancellable, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_set_error_literal (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_CANCELLED, _("Cancelled"));
      else
        set_invalid (error, local_error->message);
      return FALSE;
    }

  format = manifest_get (pkg, "format_version");
  if (format == NULL || !g_ascii_string_to_signed (format, 10, 1, G_MAXINT, &format_number, NULL))
    {
      set_invalid (error, _("its manifest has no format version"));
      return FALSE;
    }
  if (format_number > ATLAS_PACKAGE_FORMAT)
    {
      g_set_error_literal (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_TOO_NEW,
                           _("The package was made by a newer version of the atlas"));
      return FALSE;
    }

  stated = manifest_get (pkg, "checksum");
  {
    g_autoptr(AtlasSqliteBudget) budget = atlas_sqlite_budget_begin (pkg, ATLAS_SQLITE_DEFAULT_BUDGET_MS,
                                                                     cancellable);

    computed = atlas_package_compute_checksum (pkg, "main");
    if (!atlas_sqlite_budget_end (budget, &local_error))
      {
        set_invalid (error, local_error->message);
        return FALSE;
      }
  }
  if (computed == NULL)
    {
      set_invalid (error, sqlite3_errmsg (pkg));
      return FALSE;
    }
  if (g_strcmp0 (stated, computed) != 0)
    {
      g_set_error_literal (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_CHECKSUM,
                           _("The package’s content does not match its checksum"));
      return FALSE;
    }
  return TRUE;
}

/**
 * _atlas_package_load:
 * @with_search: build the search index of the copy (for a dataset to open)
 * @version: (out) (optional): the release the package says it is
 *
 * Checks @bytes as a package and copies its rows into a new database made
 * from the atlas's schema (see the top of this file).
 *
 * Returns: (transfer full): a connection whose "main" is the copy
 */
sqlite3 *
_atlas_package_load (GBytes        *bytes,
                     gboolean       with_search,
                     GCancellable  *cancellable,
                     char         **version,
                     GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *manifest_version = NULL;
  g_autofree char *release_version = NULL;
  sqlite3 *pkg = NULL;
  sqlite3 *copy = NULL;
  guint n_tables;
  const AtlasSchemaTable *tables = atlas_schema_get_tables (&n_tables);

  g_return_val_if_fail (bytes != NULL, NULL);

  if (g_bytes_get_size (bytes) > ATLAS_PACKAGE_MAX_SIZE)
    {
      g_set_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_TOO_LARGE,
                   _("The package is too large (more than %u MB)"),
                   (guint) (ATLAS_PACKAGE_MAX_SIZE / (1024 * 1024)));
      return NULL;
    }

  if ((pkg = atlas_schema_open_image (bytes, &local_error)) == NULL)
    {
      if (g_error_matches (local_error, ATLAS_SCHEMA_ERROR, ATLAS_SCHEMA_ERROR_INVALID))
        g_set_error_literal (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_INVALID,
                             _("The file is not a dataset package"));
      else
        g_set_error_literal (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_FAILED, local_error->message);
      return NULL;
    }

  if (!check_package (pkg, cancellable, error))
    goto failed;

  manifest_version = manifest_get (pkg, "version");
  if ((copy = new_dataset (error)) == NULL)
    goto failed;

  {
    g_autoptr(AtlasSqliteBudget) budget = atlas_sqlite_budget_begin (pkg, ATLAS_SQLITE_DEFAULT_BUDGET_MS,
                                                                     cancellable);
    gboolean ok = atlas_sqlite_exec (copy, "BEGIN", ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_FAILED, error);

    for (guint t = 0; ok && t < n_tables; t++)
      {
        g_autoptr(GString) from = g_string_new ("main.");

        atlas_sqlite_append_identifier (from, tables[t].name);
        ok = _atlas_package_copy_table (pkg, from->str, copy, &tables[t], TRUE, &local_error);
      }
    if (!atlas_sqlite_budget_end (budget, error))
      goto failed;
    if (!ok && local_error != NULL)
      {
        g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s",
                                    _("The package cannot be used: "));
        goto failed;
      }
    if (!ok || !atlas_sqlite_exec (copy, "COMMIT", ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_FAILED, error))
      goto failed;
  }
  g_clear_pointer (&pkg, sqlite3_close);

  /* One release row, the one the manifest names. */
  {
    g_autoptr(sqlite3_stmt) stmt = NULL;

    if (sqlite3_prepare_v2 (copy, "SELECT version, (SELECT count(*) FROM main.release) FROM main.release",
                            -1, &stmt, NULL) == SQLITE_OK
        && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 1) == 1)
      release_version = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  }
  if (release_version == NULL)
    {
      set_invalid (error, _("it does not say which release it is"));
      goto failed;
    }
  if (g_strcmp0 (manifest_version, release_version) != 0)
    {
      g_set_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_VERSION,
                   _("The package’s manifest says release “%s” but its data is release “%s”"),
                   manifest_version ? manifest_version : "?", release_version);
      goto failed;
    }

  if (with_search && !atlas_search_index_rebuild (copy, "main", error))
    goto failed;

  if (version != NULL)
    *version = g_steal_pointer (&release_version);
  return copy;

failed:
  sqlite3_close (pkg);
  sqlite3_close (copy);
  return NULL;
}

/**
 * atlas_package_open:
 *
 * Checks a package (see the top of this file) and opens the checked copy
 * of its rows.  A user's own export needs no signature to be read here;
 * installing a release does (atlas_package_install()).
 *
 * Returns: (transfer full): the connection, the copy as "main"
 */
sqlite3 *
atlas_package_open (GBytes  *bytes,
                    GError **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);

  return _atlas_package_load (bytes, FALSE, NULL, NULL, error);
}

/**
 * _atlas_package_serialize:
 *
 * Returns: (transfer full) (nullable): the image of "main" of @db
 */
GBytes *
_atlas_package_serialize (sqlite3  *db,
                          GError  **error)
{
  sqlite3_int64 size = 0;
  unsigned char *image = sqlite3_serialize (db, "main", &size, 0);

  if (image == NULL)
    {
      g_set_error_literal (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_FAILED, "Out of memory");
      return NULL;
    }
  return g_bytes_new_with_free_func (image, size, sqlite3_free, image);
}

/* ---- writing a package -------------------------------------------------- */

/* Where each table's rows come from in the store: the merged views for what
 * the user can add to, the bundled data for the base map.  Constants.
 */
static const struct
{
  const char *table;
  const char *from;
} write_sources[] = {
  { "source", "temp.v_source" }, { "citation", "temp.v_citation" },
  { "district", "main.district" }, { "river", "main.river" },
  { "area", "main.area" }, { "area_district", "main.area_district" },
  { "site", "temp.v_site" }, { "party", "temp.v_party" }, { "event", "temp.v_event" },
  { "event_party", "temp.v_event_party" }, { "event_site", "temp.v_event_site" },
  { "series", "temp.v_series" }, { "statistic", "temp.v_statistic" },
};

static gboolean
fill_package (AtlasStore  *store,
              sqlite3     *out,
              const char  *version,
              GError     **error)
{
  sqlite3 *db = atlas_store_get_db (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) sources = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *checksum = NULL;

  if (!atlas_sqlite_exec (out, atlas_schema_get_manifest_sql (), ATLAS_PACKAGE_ERROR,
                          ATLAS_PACKAGE_ERROR_FAILED, error)
      || !atlas_sqlite_exec (out, "BEGIN", ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_FAILED, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (write_sources); i++)
    if (!_atlas_package_copy_table (db, write_sources[i].from, out,
                                    atlas_schema_lookup_table (write_sources[i].table), FALSE, error))
      return FALSE;
  if (!atlas_search_index_rebuild (out, "main", error))
    return FALSE;

  checksum = atlas_package_compute_checksum (out, "main");
  if (checksum == NULL)
    {
      g_set_error_literal (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_FAILED,
                           "Cannot compute the package’s checksum");
      return FALSE;
    }

  if (sqlite3_prepare_v2 (out, "SELECT id FROM main.source ORDER BY id", -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_string_append_printf (sources, "%s%s", sources->len > 0 ? "," : "",
                              (const char *) sqlite3_column_text (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (sqlite3_prepare_v2 (out, "INSERT INTO main.release (version, created_on, checksum) VALUES (?1, ?2, ?3)",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto failed;
  sqlite3_bind_text (stmt, 1, version, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, created, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, checksum, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    goto failed;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (sqlite3_prepare_v2 (out, "INSERT INTO main.manifest (key, value) VALUES"
                               " ('format_version', ?1), ('created', ?2), ('version', ?3),"
                               " ('sources', ?4), ('checksum', ?5)", -1, &stmt, NULL) != SQLITE_OK)
    goto failed;
  sqlite3_bind_text (stmt, 1, G_STRINGIFY (ATLAS_PACKAGE_FORMAT), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, created, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, version, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, sources->str, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, checksum, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    goto failed;

  return atlas_sqlite_exec (out, "COMMIT", ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_FAILED, error);

failed:
  g_set_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_FAILED, "%s", sqlite3_errmsg (out));
  return FALSE;
}

/**
 * atlas_package_write:
 * @version: the release version the package carries
 *
 * Writes the whole dataset, bundled and user records merged, as a package at
 * @path; the file appears complete or not at all.  The package is not
 * signed: a release is signed by the maintainers' tool, atlas-sign.
 */
gboolean
atlas_package_write (AtlasStore  *store,
                     const char  *path,
                     const char  *version,
                     GError     **error)
{
  g_autoptr(GBytes) image = NULL;
  sqlite3 *out;
  gboolean ok;

  g_return_val_if_fail (ATLAS_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (version != NULL, FALSE);

  if ((out = new_dataset (error)) == NULL)
    return FALSE;
  ok = fill_package (store, out, version, error) && (image = _atlas_package_serialize (out, error)) != NULL;
  sqlite3_close (out);

  return ok && _atlas_store_write_file (path, image, error);
}

/* ---- what changed ------------------------------------------------------- */

static gboolean
attach_image (sqlite3     *db,
              const char  *schema,
              GBytes      *bytes,
              GError     **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  unsigned char *copy;
  const char *attach = g_str_equal (schema, "old") ? "ATTACH DATABASE ':memory:' AS old"
                                                   : "ATTACH DATABASE ':memory:' AS pkg";

  if (!atlas_sqlite_exec (db, attach, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_FAILED, error))
    return FALSE;
  copy = sqlite3_malloc64 (MAX (size, 1));
  if (copy == NULL)
    {
      g_set_error_literal (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_FAILED, "Out of memory");
      return FALSE;
    }
  memcpy (copy, data, size);
  if (sqlite3_deserialize (db, schema, copy, size, size,
                           SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY) != SQLITE_OK)
    {
      g_set_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_INVALID, "%s", sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

static char *
describe_change (sqlite3_stmt           *stmt,
                 const AtlasSchemaTable *table)
{
  g_autoptr(GString) detail = g_string_new (NULL);
  guint n = table->n_columns;

  /* Columns 2..n+1 are the new row, n+2..2n+1 the old one. */
  for (guint c = 0; c < n; c++)
    {
      const char *now = (const char *) sqlite3_column_text (stmt, 2 + c);
      const char *was = (const char *) sqlite3_column_text (stmt, 2 + n + c);
      const char *name = table->columns[c].name;

      if (g_strcmp0 (now, was) == 0)
        continue;
      if (detail->len > 0)
        g_string_append (detail, "; ");
      if (g_str_equal (name, "value") || g_str_equal (name, "amount_cny")
          || g_str_equal (name, "project_count") || g_str_equal (name, "stated_total"))
        g_string_append_printf (detail, "%s: %s → %s", name, was ? was : "—", now ? now : "—");
      else
        g_string_append (detail, name);
    }
  return g_string_free (g_steal_pointer (&detail), FALSE);
}

/**
 * atlas_package_diff:
 * @old_dataset: a dataset the atlas opened (bundled, or a checked copy)
 * @new_dataset: the same, for the new release
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
  atlas_sqlite_harden (db);
  if (!attach_image (db, "old", old_dataset, error) || !attach_image (db, "pkg", new_dataset, error))
    goto out;

  for (guint t = 0; diff_tables[t] != NULL; t++)
    {
      const AtlasSchemaTable *table = atlas_schema_lookup_table (diff_tables[t]);
      g_autoptr(GString) list_new = g_string_new (NULL);
      g_autoptr(GString) list_old = g_string_new (NULL);
      g_autoptr(GString) differs = g_string_new (NULL);
      g_autofree char *sql = NULL;
      g_autoptr(sqlite3_stmt) stmt = NULL;
      int rc;

      atlas_schema_append_columns (list_new, table, "n");
      atlas_schema_append_columns (list_old, table, "o");
      for (guint c = 0; c < table->n_columns; c++)
        {
          g_string_append_printf (differs, "%sn.", c > 0 ? " OR " : "");
          atlas_sqlite_append_identifier (differs, table->columns[c].name);
          g_string_append (differs, " IS NOT o.");
          atlas_sqlite_append_identifier (differs, table->columns[c].name);
        }

      /* Added, then removed, then changed; every name is one of ours. */
      sql = g_strdup_printf ("SELECT 'added', n.id, %1$s, %2$s FROM pkg.%3$s n LEFT JOIN old.%3$s o USING (id)"
                             " WHERE o.id IS NULL"
                             " UNION ALL SELECT 'removed', o.id, %1$s, %2$s FROM old.%3$s o"
                             " LEFT JOIN pkg.%3$s n USING (id) WHERE n.id IS NULL"
                             " UNION ALL SELECT 'changed', n.id, %1$s, %2$s FROM pkg.%3$s n"
                             " JOIN old.%3$s o USING (id) WHERE %4$s",
                             list_new->str, list_old->str, table->name, differs->str);
      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          g_set_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_FAILED, "%s", sqlite3_errmsg (db));
          goto out;
        }
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *change = (const char *) sqlite3_column_text (stmt, 0);
          g_autofree char *detail = NULL;
          g_autoptr(AtlasPackageChange) item = NULL;

          if (g_str_equal (change, "changed"))
            detail = describe_change (stmt, table);
          item = _atlas_package_change_new (table->name, (const char *) sqlite3_column_text (stmt, 1),
                                            change, detail);
          g_list_store_append (changes, item);
        }
      if (rc != SQLITE_DONE)
        {
          g_set_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_FAILED, "%s", sqlite3_errmsg (db));
          goto out;
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

/* ---- release versions --------------------------------------------------- */

#define MAX_VERSION_PARTS 8

/* A release version is dot-separated decimal numbers: "2026.1", "2027.12.3". */
static guint
parse_version (const char *text,
               guint64     parts[MAX_VERSION_PARTS])
{
  g_auto(GStrv) pieces = NULL;
  guint n;

  if (text == NULL || *text == '\0' || strlen (text) > 64)
    return 0;
  pieces = g_strsplit (text, ".", -1);
  n = g_strv_length (pieces);
  if (n > MAX_VERSION_PARTS)
    return 0;
  for (guint i = 0; i < n; i++)
    {
      if (pieces[i][0] == '\0' || strlen (pieces[i]) > 9)
        return 0;
      for (const char *p = pieces[i]; *p != '\0'; p++)
        if (!g_ascii_isdigit (*p))
          return 0;
      parts[i] = g_ascii_strtoull (pieces[i], NULL, 10);
    }
  return n;
}

gboolean
atlas_package_version_is_valid (const char *version)
{
  guint64 parts[MAX_VERSION_PARTS];

  return parse_version (version, parts) > 0;
}

/**
 * atlas_package_compare_versions:
 *
 * Compares two release versions part by part, as numbers ("2026.10" is
 * after "2026.9"; missing parts count as 0).  A version that is not one
 * ("local", "") comes before every valid one.
 *
 * Returns: negative, 0 or positive, as @a is before, the same as or after @b
 */
int
atlas_package_compare_versions (const char *a,
                                const char *b)
{
  guint64 pa[MAX_VERSION_PARTS], pb[MAX_VERSION_PARTS];
  guint na = parse_version (a, pa);
  guint nb = parse_version (b, pb);

  if (na == 0 || nb == 0)
    return (na > 0) - (nb > 0);
  for (guint i = 0; i < MAX (na, nb); i++)
    {
      guint64 x = i < na ? pa[i] : 0;
      guint64 y = i < nb ? pb[i] : 0;

      if (x != y)
        return x < y ? -1 : 1;
    }
  return 0;
}
