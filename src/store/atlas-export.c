/* atlas-export.c
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

#include <glib/gi18n.h>

#include "atlas-store-private.h"
#include "atlas-export.h"
#include "atlas-geometry.h"

/* Writes the whole dataset, the bundled rows merged with the user's own, as
 * one JSON document:
 *
 *   { "format": "io.github.cqatlas.ScienceAtlas.dataset", "format_version": 1,
 *     "release": { "version": …, "created_on": …, "checksum": … },
 *     "tables": { "site": [ { "id": …, …, "citations": [ {source_id, quote} ] } ],
 *                 …, "citation": [ … ] } }
 *
 * Geometry columns become arrays of paths of [lon, lat] pairs.  Records that
 * carry citations (sites, events, statistics, series, parties) hold them
 * inline as well, so that one record read alone still says where it is from.
 */

typedef struct
{
  const char *name;
  const char *sql;      /* constant text; no user data is ever formatted in */
  gboolean    cited;
} Table;

static const Table tables[] = {
  { "source", "SELECT * FROM v_source ORDER BY id", FALSE },
  { "district", "SELECT * FROM main.district ORDER BY adcode", FALSE },
  { "river", "SELECT * FROM main.river ORDER BY id", FALSE },
  { "site", "SELECT * FROM v_site ORDER BY id", TRUE },
  { "party", "SELECT * FROM v_party ORDER BY id", TRUE },
  { "event", "SELECT * FROM v_event ORDER BY date, id", TRUE },
  { "event_party", "SELECT * FROM v_event_party ORDER BY event_id, party_id, role", FALSE },
  { "event_site", "SELECT * FROM v_event_site ORDER BY event_id, site_id, role", FALSE },
  { "series", "SELECT * FROM v_series ORDER BY id", TRUE },
  { "statistic", "SELECT * FROM v_statistic ORDER BY id", TRUE },
  { "citation", "SELECT * FROM v_citation ORDER BY entity, entity_id, position, source_id", FALSE },
};

/**
 * atlas_export_get_tables:
 *
 * Returns: (transfer none): the names of the tables an export holds
 */
const char * const *
atlas_export_get_tables (void)
{
  static const char *names[G_N_ELEMENTS (tables) + 1];

  if (names[0] == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
      names[i] = tables[i].name;
  return names;
}

static JsonNode *
geometry_to_json (const void  *blob,
                  int          length,
                  GError     **error)
{
  g_autoptr(AtlasGeometry) geometry = NULL;
  JsonArray *paths;
  JsonNode *node;

  geometry = atlas_geometry_new_from_blob (blob, length, error);
  if (geometry == NULL)
    return NULL;

  paths = json_array_new ();
  for (guint p = 0; p < atlas_geometry_get_n_paths (geometry); p++)
    {
      guint n_points;
      const AtlasPoint *points = atlas_geometry_get_path (geometry, p, &n_points);
      JsonArray *path = json_array_sized_new (n_points);

      for (guint i = 0; i < n_points; i++)
        {
          JsonArray *pair = json_array_sized_new (2);

          json_array_add_double_element (pair, points[i].x);
          json_array_add_double_element (pair, points[i].y);
          json_array_add_array_element (path, pair);
        }
      json_array_add_array_element (paths, path);
    }

  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, paths);
  return node;
}

/* Text from the database as valid UTF-8: an export must always read back,
 * so text that is not (from an old package, say) is repaired.
 */
static char *
valid_text (const unsigned char *text)
{
  return text != NULL ? g_utf8_make_valid ((const char *) text, -1) : NULL;
}

/* "entity:id" → JsonArray of { source_id, quote } */
static GHashTable *
collect_citations (AtlasStore  *store,
                   GError     **error)
{
  g_autoptr(GHashTable) by_record = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           (GDestroyNotify) json_array_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = atlas_store_prepare (store,
                              "SELECT entity, entity_id, source_id, quote FROM v_citation"
                              " ORDER BY entity, entity_id, position, source_id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *key = atlas_store_search_key ((const char *) sqlite3_column_text (stmt, 0),
                                                     (const char *) sqlite3_column_text (stmt, 1));
      JsonArray *list = g_hash_table_lookup (by_record, key);
      JsonObject *citation = json_object_new ();
      g_autofree char *source_id = valid_text (sqlite3_column_text (stmt, 2));
      g_autofree char *quote = valid_text (sqlite3_column_text (stmt, 3));

      if (list == NULL)
        {
          list = json_array_new ();
          g_hash_table_insert (by_record, g_steal_pointer (&key), list);
        }
      json_object_set_string_member (citation, "source_id", source_id);
      json_object_set_string_member (citation, "quote", quote);
      json_array_add_object_element (list, citation);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FAILED,
                   _("Cannot read the citations: %s"), sqlite3_errmsg (atlas_store_get_db (store)));
      return NULL;
    }
  return g_steal_pointer (&by_record);
}

static JsonArray *
export_table (AtlasStore   *store,
              const Table  *table,
              GHashTable   *citations,
              GError      **error)
{
  g_autoptr(JsonArray) rows = json_array_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = atlas_store_prepare (store, table->sql, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JsonObject *row = json_object_new ();
      int n_columns = sqlite3_column_count (stmt);

      json_array_add_object_element (rows, row);

      for (int c = 0; c < n_columns; c++)
        {
          const char *name = sqlite3_column_name (stmt, c);

          /* Bookkeeping of the merged views, not data. */
          if (g_strcmp0 (name, "from_user") == 0)
            continue;

          switch (sqlite3_column_type (stmt, c))
            {
            case SQLITE_INTEGER:
              json_object_set_int_member (row, name, sqlite3_column_int64 (stmt, c));
              break;

            case SQLITE_FLOAT:
              json_object_set_double_member (row, name, sqlite3_column_double (stmt, c));
              break;

            case SQLITE_TEXT:
              {
                g_autofree char *text = valid_text (sqlite3_column_text (stmt, c));

                json_object_set_string_member (row, name, text);
              }
              break;

            case SQLITE_BLOB:
              {
                JsonNode *geometry = geometry_to_json (sqlite3_column_blob (stmt, c),
                                                       sqlite3_column_bytes (stmt, c), error);

                if (geometry == NULL)
                  {
                    g_prefix_error (error, "%s %s: ", table->name, name);
                    sqlite3_reset (stmt);
                    return NULL;
                  }
                json_object_set_member (row, name, geometry);
              }
              break;

            case SQLITE_NULL:
            default:
              json_object_set_null_member (row, name);
              break;
            }
        }

      if (table->cited && json_object_has_member (row, "id"))
        {
          g_autofree char *key = atlas_store_search_key (table->name,
                                                         json_object_get_string_member (row, "id"));
          JsonArray *list = g_hash_table_lookup (citations, key);

          json_object_set_array_member (row, "citations",
                                        list ? json_array_ref (list) : json_array_new ());
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FAILED,
                   _("Cannot read the table “%s”: %s"), table->name,
                   sqlite3_errmsg (atlas_store_get_db (store)));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/**
 * atlas_export_build_json:
 *
 * Returns: (transfer full): the dataset as a JSON document, or %NULL
 */
JsonNode *
atlas_export_build_json (AtlasStore  *store,
                         GError     **error)
{
  g_autoptr(GHashTable) citations = NULL;
  g_autoptr(JsonObject) root = json_object_new ();
  JsonObject *release = json_object_new ();
  JsonObject *out_tables = json_object_new ();
  g_autofree char *version = NULL;
  g_autofree char *created_on = NULL;
  g_autofree char *checksum = NULL;
  JsonNode *node;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  json_object_set_string_member (root, "format", ATLAS_EXPORT_FORMAT);
  json_object_set_int_member (root, "format_version", ATLAS_EXPORT_FORMAT_VERSION);
  json_object_set_string_member (root, "generator", "cq-atlas " PACKAGE_VERSION);

  if (atlas_store_get_release (store, &version, &created_on, &checksum))
    {
      json_object_set_string_member (release, "version", version);
      json_object_set_string_member (release, "created_on", created_on);
      json_object_set_string_member (release, "checksum", checksum);
    }
  json_object_set_object_member (root, "release", release);
  json_object_set_object_member (root, "tables", out_tables);

  citations = collect_citations (store, error);
  if (citations == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      JsonArray *rows = export_table (store, &tables[i], citations, error);

      if (rows == NULL)
        return NULL;
      json_object_set_array_member (out_tables, tables[i].name, rows);
    }

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, root);
  return node;
}

/**
 * atlas_export_json:
 *
 * Writes the dataset to @file, replacing it only once the whole document is
 * written (a failed export leaves an existing file as it was).
 */
gboolean
atlas_export_json (AtlasStore  *store,
                   GFile       *file,
                   GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (ATLAS_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  root = atlas_export_build_json (store, error);
  if (root == NULL)
    return FALSE;

  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 1);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);

  return g_file_replace_contents (file, text, length, NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}
