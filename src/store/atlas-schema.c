/* atlas-schema.c
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

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "atlas-schema.h"
#include "atlas-store-private.h"

/* What a dataset and a user database must look like, and the checks that
 * hold a file from outside to it.
 *
 * The names below are the only table and column names the store ever puts
 * in SQL text: a package or a user file can never supply one.  A unit test
 * holds this list to the bundled atlas.sqlite (made from data/schema.sql),
 * so the two cannot drift apart.
 *
 * A file passes only when every object in its schema is one the atlas
 * makes, with the very CREATE statement the atlas uses (SQLite keeps that
 * text in sqlite_master): so no view, trigger, virtual table, extra table
 * or index, and no column the atlas does not know, whatever its name.
 */

G_DEFINE_QUARK (atlas-schema-error-quark, atlas_schema_error)

/* ---- the objects of a schema ------------------------------------------ */

typedef struct
{
  char *type;
  char *name;
  char *tbl_name;
  char *sql;
} SchemaObject;

static void
schema_object_free (gpointer data)
{
  SchemaObject *object = data;

  g_free (object->type);
  g_free (object->name);
  g_free (object->tbl_name);
  g_free (object->sql);
  g_free (object);
}

static gboolean
is_known_schema (const char *schema)
{
  return g_strcmp0 (schema, "main") == 0 || g_strcmp0 (schema, "user") == 0;
}

static gboolean
is_search_shadow (const char *name)
{
  return g_strv_contains (atlas_schema_get_search_shadow_tables (), name);
}

/* Name -> SchemaObject of every entry of @schema's sqlite_master. */
static GHashTable *
read_objects (sqlite3     *db,
              const char  *schema,
              GError     **error)
{
  g_autoptr(GHashTable) objects = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         schema_object_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *sql;
  int rc;

  /* Two fixed texts: the schema name is not a value SQLite can bind. */
  sql = g_str_equal (schema, "user")
        ? "SELECT type, name, tbl_name, sql FROM user.sqlite_master"
        : "SELECT type, name, tbl_name, sql FROM main.sqlite_master";
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, ATLAS_SCHEMA_ERROR, ATLAS_SCHEMA_ERROR_INVALID,
                   _("Its schema cannot be read: %s"), sqlite3_errmsg (db));
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SchemaObject *object = g_new0 (SchemaObject, 1);

      object->type = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      object->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      object->tbl_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      object->sql = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      if (object->type == NULL || object->name == NULL)
        {
          schema_object_free (object);
          continue;
        }
      g_hash_table_replace (objects, object->name, object);
    }
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, ATLAS_SCHEMA_ERROR, ATLAS_SCHEMA_ERROR_INVALID,
                   _("Its schema cannot be read: %s"), sqlite3_errmsg (db));
      return NULL;
    }
  return g_steal_pointer (&objects);
}

/* The objects data/schema.sql makes, and the manifest table; made once, in
 * a private connection, from the program's own text.
 */
static GHashTable *
dataset_reference (void)
{
  static GHashTable *reference = NULL;

  if (g_once_init_enter (&reference))
    {
      g_autoptr(GError) error = NULL;
      GHashTable *objects = NULL;
      sqlite3 *db = NULL;

      if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK
          || !atlas_sqlite_exec (db, atlas_schema_get_dataset_sql (), ATLAS_SCHEMA_ERROR,
                                 ATLAS_SCHEMA_ERROR_FAILED, &error)
          || !atlas_sqlite_exec (db, atlas_schema_get_manifest_sql (), ATLAS_SCHEMA_ERROR, ATLAS_SCHEMA_ERROR_FAILED, &error)
          || (objects = read_objects (db, "main", &error)) == NULL)
        g_error ("The dataset schema of this build cannot be made: %s",
                 error ? error->message : sqlite3_errmsg (db));
      sqlite3_close (db);
      g_once_init_leave (&reference, objects);
    }
  return reference;
}

/* The objects the user database has at @version, made by the migrations
 * themselves in a private connection.
 */
static GHashTable *
user_reference (int      version,
                GError **error)
{
  g_autoptr(GHashTable) objects = NULL;
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) == SQLITE_OK
      && _atlas_store_migrate_user_to (db, "main", 0, version, error))
    objects = read_objects (db, "main", error);
  sqlite3_close (db);
  return g_steal_pointer (&objects);
}

static const char *
describe_type (const char *type)
{
  if (g_strcmp0 (type, "view") == 0)
    return _("a view");
  if (g_strcmp0 (type, "trigger") == 0)
    return _("a trigger");
  if (g_strcmp0 (type, "index") == 0)
    return _("an index");
  return _("a table");
}

/* Every object of @objects is in @reference, of the same kind, on the same
 * table and made by the same statement.
 */
static gboolean
objects_are_known (GHashTable  *objects,
                   GHashTable  *reference,
                   GError     **error)
{
  GHashTableIter iter;
  SchemaObject *object;

  g_hash_table_iter_init (&iter, objects);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &object))
    {
      SchemaObject *expected = g_hash_table_lookup (reference, object->name);

      if (expected == NULL)
        {
          /* Translators: the first %s is "a view", "a trigger", "an index" or "a table" */
          g_set_error (error, ATLAS_SCHEMA_ERROR, ATLAS_SCHEMA_ERROR_INVALID,
                       _("It holds %s “%s” that the atlas does not make"),
                       describe_type (object->type), object->name);
          return FALSE;
        }
      if (!g_str_equal (object->type, expected->type))
        {
          /* Translators: "site" is a view, not a table */
          g_set_error (error, ATLAS_SCHEMA_ERROR, ATLAS_SCHEMA_ERROR_INVALID,
                       _("“%s” is %s, not %s"), object->name, describe_type (object->type),
                       describe_type (expected->type));
          return FALSE;
        }
      if (g_strcmp0 (object->tbl_name, expected->tbl_name) != 0
          || (!is_search_shadow (object->name) && g_strcmp0 (object->sql, expected->sql) != 0))
        {
          g_set_error (error, ATLAS_SCHEMA_ERROR, ATLAS_SCHEMA_ERROR_INVALID,
                       _("“%s” is not defined the way the atlas defines it"), object->name);
          return FALSE;
        }
    }
  return TRUE;
}

/* Each table's columns, as SQLite reads them, are the ones of our list. */
static gboolean
columns_match (sqlite3                 *db,
               const char              *schema,
               const AtlasSchemaTable  *table,
               GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n = 0;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT name, type, \"notnull\", pk, dflt_value, hidden"
                              " FROM pragma_table_xinfo (?1, ?2) ORDER BY cid",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, ATLAS_SCHEMA_ERROR, ATLAS_SCHEMA_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, table->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, schema, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const AtlasSchemaColumn *column = n < table->n_columns ? &table->columns[n] : NULL;

      if (column == NULL
          || g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), column->name) != 0
          || g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), atlas_schema_type_name (column->type)) != 0
          || sqlite3_column_int (stmt, 2) != column->not_null
          || sqlite3_column_int (stmt, 3) != column->pk
          || g_strcmp0 ((const char *) sqlite3_column_text (stmt, 4), column->fallback) != 0
          || sqlite3_column_int (stmt, 5) != 0)
        {
          g_set_error (error, ATLAS_SCHEMA_ERROR, ATLAS_SCHEMA_ERROR_INVALID,
                       _("The columns of the table “%s” are not the atlas’s"), table->name);
          return FALSE;
        }
      n++;
    }
  if (rc != SQLITE_DONE || n != table->n_columns)
    {
      g_set_error (error, ATLAS_SCHEMA_ERROR, ATLAS_SCHEMA_ERROR_INVALID,
                   _("The columns of the table “%s” are not the atlas’s"), table->name);
      return FALSE;
    }
  return TRUE;
}

/**
 * atlas_schema_check_dataset:
 * @schema: "main" (the only schema a dataset or package is opened as)
 *
 * Holds a dataset or a package to data/schema.sql: see the top of this file.
 * Reads nothing but its schema.
 */
gboolean
atlas_schema_check_dataset (sqlite3           *db,
                            const char        *schema,
                            AtlasSchemaCheck   check,
                            GError           **error)
{
  g_autoptr(GHashTable) objects = NULL;
  GHashTable *reference = dataset_reference ();
  GHashTableIter iter;
  SchemaObject *expected;

  g_return_val_if_fail (g_strcmp0 (schema, "main") == 0, FALSE);

  if ((objects = read_objects (db, schema, error)) == NULL)
    return FALSE;
  if (!objects_are_known (objects, reference, error))
    return FALSE;

  /* Everything required is there: a package needs its tables and manifest,
   * an opened dataset everything but the manifest.
   */
  g_hash_table_iter_init (&iter, reference);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &expected))
    {
      gboolean required;

      if (g_strcmp0 (expected->tbl_name, "manifest") == 0)
        required = check == ATLAS_SCHEMA_CHECK_PACKAGE;
      else if (check == ATLAS_SCHEMA_CHECK_PACKAGE)
        required = atlas_schema_lookup_table (expected->name) != NULL;
      else
        required = TRUE;

      if (required && !g_hash_table_contains (objects, expected->name))
        {
          g_set_error (error, ATLAS_SCHEMA_ERROR, ATLAS_SCHEMA_ERROR_INVALID,
                       _("It has no table “%s”"), expected->name);
          return FALSE;
        }
    }

  const AtlasSchemaTable *tables;
  guint n_tables;

  tables = atlas_schema_get_tables (&n_tables);
  for (guint t = 0; t < n_tables; t++)
    if (!columns_match (db, schema, &tables[t], error))
      return FALSE;

  return TRUE;
}

/**
 * atlas_schema_check_user:
 * @schema: "user" (or "main" in tests)
 * @version: the PRAGMA user_version of the file, between 0 and
 *   %ATLAS_USER_SCHEMA_VERSION
 *
 * Holds a user database to what the migrations make at @version: every
 * table there, nothing else.
 */
gboolean
atlas_schema_check_user (sqlite3     *db,
                         const char  *schema,
                         int          version,
                         GError     **error)
{
  g_autoptr(GHashTable) objects = NULL;
  g_autoptr(GHashTable) reference = NULL;
  GHashTableIter iter;
  SchemaObject *expected;

  g_return_val_if_fail (is_known_schema (schema), FALSE);
  g_return_val_if_fail (version >= 0 && version <= ATLAS_USER_SCHEMA_VERSION, FALSE);

  if ((reference = user_reference (version, error)) == NULL)
    return FALSE;
  if ((objects = read_objects (db, schema, error)) == NULL)
    return FALSE;
  if (!objects_are_known (objects, reference, error))
    return FALSE;

  g_hash_table_iter_init (&iter, reference);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &expected))
    if (!g_hash_table_contains (objects, expected->name))
      {
        g_set_error (error, ATLAS_SCHEMA_ERROR, ATLAS_SCHEMA_ERROR_INVALID,
                     _("It has no table “%s”"), expected->name);
        return FALSE;
      }

  return TRUE;
}

/**
 * atlas_schema_check_value:
 *
 * Whether @value may stand in @column of @table: of the column's type (an
 * integer is a number too), not %NULL where the column needs a value, text
 * in valid UTF-8 without NUL bytes, numbers finite.
 */
gboolean
atlas_schema_check_value (const AtlasSchemaTable  *table,
                          guint                    column,
                          sqlite3_value           *value,
                          GError                 **error)
{
  const AtlasSchemaColumn *spec;
  int type = sqlite3_value_type (value);

  g_return_val_if_fail (column < table->n_columns, FALSE);
  spec = &table->columns[column];

  if (type == SQLITE_NULL)
    {
      if (!spec->not_null && spec->pk == 0)
        return TRUE;
      g_set_error_literal (error, ATLAS_SCHEMA_ERROR, ATLAS_SCHEMA_ERROR_INVALID,
                           _("a value is required"));
      return FALSE;
    }

  switch (spec->type)
    {
    case ATLAS_SCHEMA_TYPE_TEXT:
      if (type == SQLITE_TEXT)
        {
          const char *text = (const char *) sqlite3_value_text (value);
          int length = sqlite3_value_bytes (value);

          if (length == 0 || g_utf8_validate_len (text, length, NULL))
            return TRUE;
          g_set_error_literal (error, ATLAS_SCHEMA_ERROR, ATLAS_SCHEMA_ERROR_INVALID,
                               _("the text is not valid UTF-8"));
          return FALSE;
        }
      break;
    case ATLAS_SCHEMA_TYPE_INTEGER:
      if (type == SQLITE_INTEGER)
        return TRUE;
      break;
    case ATLAS_SCHEMA_TYPE_REAL:
      if (type == SQLITE_INTEGER || (type == SQLITE_FLOAT && isfinite (sqlite3_value_double (value))))
        return TRUE;
      break;
    case ATLAS_SCHEMA_TYPE_BLOB:
      if (type == SQLITE_BLOB)
        return TRUE;
      break;
    default:
      break;
    }

  /* Translators: %s is TEXT, INTEGER, REAL or BLOB */
  g_set_error (error, ATLAS_SCHEMA_ERROR, ATLAS_SCHEMA_ERROR_INVALID,
               _("the value is not of the column’s type (%s)"), atlas_schema_type_name (spec->type));
  return FALSE;
}

/* ---- files from outside ------------------------------------------------- */

/**
 * atlas_schema_open_image:
 * @bytes: a database image from outside (a package, an installed dataset)
 *
 * Opens a private copy of @bytes as "main" of a new connection that can
 * only read it, hardened (atlas_sqlite_harden()) and with low limits
 * (atlas_sqlite_limit_untrusted()).  Nothing is read from it yet.
 *
 * Returns: (transfer full) (nullable): the connection
 */
sqlite3 *
atlas_schema_open_image (GBytes  *bytes,
                         GError **error)
{
  sqlite3 *db = NULL;
  unsigned char *copy;
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  if (size < 512 || memcmp (data, "SQLite format 3", 16) != 0)
    {
      g_set_error_literal (error, ATLAS_SCHEMA_ERROR, ATLAS_SCHEMA_ERROR_INVALID,
                           _("It is not an SQLite database"));
      return NULL;
    }

  if (sqlite3_open_v2 (":memory:", &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error_literal (error, ATLAS_SCHEMA_ERROR, ATLAS_SCHEMA_ERROR_FAILED,
                           "Cannot create a database connection");
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, TRUE);
  atlas_sqlite_harden (db);
  atlas_sqlite_limit_untrusted (db);

  /* SQLite owns (and frees) its own copy: the caller's bytes may go. */
  copy = sqlite3_malloc64 (size);
  if (copy == NULL)
    {
      g_set_error_literal (error, ATLAS_SCHEMA_ERROR, ATLAS_SCHEMA_ERROR_FAILED, "Out of memory");
      sqlite3_close (db);
      return NULL;
    }
  memcpy (copy, data, size);
  if (sqlite3_deserialize (db, "main", copy, size, size,
                           SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY) != SQLITE_OK)
    {
      g_set_error (error, ATLAS_SCHEMA_ERROR, ATLAS_SCHEMA_ERROR_INVALID,
                   _("It cannot be opened: %s"), sqlite3_errmsg (db));
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

/**
 * atlas_schema_check_image:
 * @db: from atlas_schema_open_image()
 *
 * Checks the whole file for damage, then its schema, within
 * %ATLAS_SQLITE_DEFAULT_BUDGET_MS.
 */
gboolean
atlas_schema_check_image (sqlite3           *db,
                          AtlasSchemaCheck   check,
                          GCancellable      *cancellable,
                          GError           **error)
{
  g_autoptr(AtlasSqliteBudget) budget = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  budget = atlas_sqlite_budget_begin (db, ATLAS_SQLITE_DEFAULT_BUDGET_MS, cancellable);

  /* The schema first: it is small, and it is what a hostile file would
   * use to make the rest slow.
   */
  ok = atlas_schema_check_dataset (db, "main", check, &local_error);
  if (ok && (sqlite3_prepare_v2 (db, "PRAGMA main.integrity_check (1)", -1, &stmt, NULL) != SQLITE_OK
             || sqlite3_step (stmt) != SQLITE_ROW
             || g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0))
    {
      ok = FALSE;
      g_set_error_literal (&local_error, ATLAS_SCHEMA_ERROR, ATLAS_SCHEMA_ERROR_INVALID,
                           _("It is damaged"));
    }

  if (!atlas_sqlite_budget_end (budget, error))
    return FALSE;
  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}
