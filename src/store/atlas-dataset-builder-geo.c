/* atlas-dataset-builder-geo.c
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

#include <json-glib/json-glib.h>

#include "atlas-dataset-builder-private.h"
#include "atlas-geometry.h"
#include "atlas-sqlite-util.h"
#include "atlas-vocabulary.h"

/* The base map: the district polygons (with their label points and bounds)
 * and the river lines, read from data/geo/ (GeoJSON) and tied to the rows of
 * districts.csv and rivers.csv.  Every site's point is later checked against
 * the district polygons kept in self->districts.
 */

static gboolean
add_ring (AtlasGeometry *geometry,
          JsonArray     *ring)
{
  atlas_geometry_begin_path (geometry);
  for (guint i = 0; i < json_array_get_length (ring); i++)
    {
      JsonArray *pt = json_array_get_array_element (ring, i);

      if (pt == NULL || json_array_get_length (pt) < 2)
        return FALSE;
      atlas_geometry_add_point (geometry,
                                json_array_get_double_element (pt, 0),
                                json_array_get_double_element (pt, 1));
    }
  return TRUE;
}

/* Turns a GeoJSON geometry (Polygon, MultiPolygon, LineString,
 * MultiLineString) into paths appended to @geometry.
 */
static gboolean
add_geojson_geometry (AtlasGeometry *geometry,
                      JsonObject    *object)
{
  const char *type = json_object_get_string_member_with_default (object, "type", "");
  JsonArray *coords = json_object_get_array_member (object, "coordinates");

  if (coords == NULL)
    return FALSE;

  if (g_str_equal (type, "LineString"))
    return add_ring (geometry, coords);

  for (guint i = 0; i < json_array_get_length (coords); i++)
    {
      JsonArray *part = json_array_get_array_element (coords, i);

      if (part == NULL)
        return FALSE;
      if (g_str_equal (type, "Polygon") || g_str_equal (type, "MultiLineString"))
        {
          if (!add_ring (geometry, part))
            return FALSE;
        }
      else if (g_str_equal (type, "MultiPolygon"))
        {
          for (guint j = 0; j < json_array_get_length (part); j++)
            if (!add_ring (geometry, json_array_get_array_element (part, j)))
              return FALSE;
        }
      else
        return FALSE;
    }

  return TRUE;
}

static JsonArray *
load_features (AtlasDatasetBuilder *self,
               const char          *name,
               JsonParser         **parser_out)
{
  g_autofree char *path = g_build_filename (self->data_dir, "geo", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *features;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error) ||
      !json_parser_load_from_data (parser, contents, length, &error))
    {
      _atlas_builder_problem (self, NULL, "%s: %s", path, error->message);
      return NULL;
    }

  g_checksum_update (self->checksum, (const guchar *) contents, length);

  root = json_node_get_object (json_parser_get_root (parser));
  if (root == NULL || (features = json_object_get_array_member (root, "features")) == NULL)
    {
      _atlas_builder_problem (self, NULL, "%s: not a GeoJSON FeatureCollection", path);
      return NULL;
    }

  *parser_out = g_steal_pointer (&parser);
  return features;
}

typedef struct
{
  sqlite3_stmt *stmt;
  GHashTable   *features;    /* adcode -> JsonObject (feature) */
  GHashTable   *seen;        /* adcodes with a row */
} DistrictLoad;

static void
district_row (AtlasDatasetBuilder *self,
              AtlasCsvReader      *reader,
              gpointer             user_data)
{
  DistrictLoad *load = user_data;
  g_autoptr(AtlasGeometry) geometry = atlas_geometry_new ();
  g_autoptr(GBytes) blob = NULL;
  const char *kind = atlas_csv_reader_get (reader, "kind");
  const char *name_zh;
  JsonObject *feature, *props;
  gint64 adcode;
  gboolean present, has_lon, has_lat;
  double label_lon = 0, label_lat = 0;
  double min_x, min_y, max_x, max_y;

  if (!_atlas_builder_parse_int (self, reader, "adcode", TRUE, &adcode, &present))
    return;
  if (g_hash_table_contains (load->seen, GINT_TO_POINTER ((int) adcode)))
    {
      _atlas_builder_problem (self, reader, "duplicate district %" G_GINT64_FORMAT, adcode);
      return;
    }
  if ((feature = g_hash_table_lookup (load->features, GINT_TO_POINTER ((int) adcode))) == NULL)
    {
      _atlas_builder_problem (self, reader, "district %" G_GINT64_FORMAT " is not in geo/chongqing-districts.geojson",
               adcode);
      return;
    }
  g_hash_table_add (load->seen, GINT_TO_POINTER ((int) adcode));

  if ((name_zh = _atlas_builder_require_text (self, reader, "name_zh")) == NULL ||
      _atlas_builder_require_text (self, reader, "name_en") == NULL)
    return;
  props = json_object_get_object_member (feature, "properties");
  if (g_strcmp0 (json_object_get_string_member_with_default (props, "name", ""), name_zh) != 0)
    {
      _atlas_builder_problem (self, reader, "district %" G_GINT64_FORMAT " is named “%s” in the geometry, not “%s”",
               adcode, json_object_get_string_member_with_default (props, "name", ""), name_zh);
      return;
    }
  if (!atlas_district_kind_from_string (kind, NULL))
    {
      _atlas_builder_problem (self, reader, "unknown district kind “%s”", kind ? kind : "");
      return;
    }

  if (!add_geojson_geometry (geometry, json_object_get_object_member (feature, "geometry")))
    {
      _atlas_builder_problem (self, reader, "the geometry of district %" G_GINT64_FORMAT " is malformed", adcode);
      return;
    }

  if (!_atlas_builder_parse_double (self, reader, "label_lon", FALSE, &label_lon, &has_lon) ||
      !_atlas_builder_parse_double (self, reader, "label_lat", FALSE, &label_lat, &has_lat))
    return;
  if (has_lon != has_lat)
    {
      _atlas_builder_problem (self, reader, "give both label_lon and label_lat, or neither");
      return;
    }
  if (has_lon && !atlas_geometry_contains (geometry, label_lon, label_lat))
    {
      _atlas_builder_problem (self, reader, "the label point lies outside the district");
      return;
    }
  if (!has_lon)
    atlas_geometry_get_label_point (geometry, &label_lon, &label_lat);

  atlas_geometry_get_bounds (geometry, &min_x, &min_y, &max_x, &max_y);
  blob = atlas_geometry_to_blob (geometry);

  sqlite3_bind_int64 (load->stmt, 1, adcode);
  _atlas_builder_bind_text (load->stmt, 2, name_zh);
  _atlas_builder_bind_text (load->stmt, 3, atlas_csv_reader_get (reader, "name_en"));
  _atlas_builder_bind_text (load->stmt, 4, kind);
  sqlite3_bind_blob (load->stmt, 5, g_bytes_get_data (blob, NULL), g_bytes_get_size (blob),
                     SQLITE_TRANSIENT);
  sqlite3_bind_double (load->stmt, 6, label_lon);
  sqlite3_bind_double (load->stmt, 7, label_lat);
  sqlite3_bind_double (load->stmt, 8, min_x);
  sqlite3_bind_double (load->stmt, 9, min_y);
  sqlite3_bind_double (load->stmt, 10, max_x);
  sqlite3_bind_double (load->stmt, 11, max_y);
  if (_atlas_builder_step_insert (self, reader, load->stmt))
    g_hash_table_insert (self->districts, GINT_TO_POINTER ((int) adcode),
                         g_steal_pointer (&geometry));
}

void
_atlas_builder_load_districts (AtlasDatasetBuilder *self)
{
  static const char *columns[] = { "adcode", "name_zh", "name_en", "kind", NULL };
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) features = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  DistrictLoad load;
  JsonArray *array;
  GHashTableIter iter;
  gpointer key;

  if ((array = load_features (self, "chongqing-districts.geojson", &parser)) == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *feature = json_array_get_object_element (array, i);
      JsonObject *props = feature ? json_object_get_object_member (feature, "properties") : NULL;
      JsonNode *code = props ? json_object_get_member (props, "adcode") : NULL;
      gint64 adcode = 0;

      /* The adcode is a string in the published file, a number in others. */
      if (code != NULL && JSON_NODE_HOLDS_VALUE (code))
        {
          if (json_node_get_value_type (code) == G_TYPE_STRING)
            adcode = g_ascii_strtoll (json_node_get_string (code), NULL, 10);
          else if (json_node_get_value_type (code) == G_TYPE_INT64)
            adcode = json_node_get_int (code);
        }

      if (adcode <= 0)
        {
          _atlas_builder_problem (self, NULL, "geo/chongqing-districts.geojson: feature %u has no adcode", i);
          continue;
        }
      g_hash_table_insert (features, GINT_TO_POINTER ((int) adcode), feature);
    }

  stmt = _atlas_builder_prepare (self, "INSERT INTO district (adcode, name_zh, name_en, kind, geometry,"
                        " label_lon, label_lat, min_lon, min_lat, max_lon, max_lat)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  load.stmt = stmt;
  load.features = features;
  load.seen = seen;
  _atlas_builder_load_csv (self, "districts.csv", columns, district_row, &load);

  g_hash_table_iter_init (&iter, features);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (seen, key))
      _atlas_builder_problem (self, NULL, "districts.csv: district %d of the geometry has no row",
               GPOINTER_TO_INT (key));
}

typedef struct
{
  sqlite3_stmt *stmt;
  JsonArray    *features;
  GArray       *used;     /* guint8 per feature */
} RiverLoad;

static void
river_row (AtlasDatasetBuilder *self,
           AtlasCsvReader      *reader,
           gpointer             user_data)
{
  RiverLoad *load = user_data;
  g_autoptr(AtlasGeometry) geometry = atlas_geometry_new ();
  g_autoptr(GBytes) blob = NULL;
  g_auto(GStrv) indices = NULL;
  const char *id = atlas_csv_reader_get (reader, "id");
  const char *features = atlas_csv_reader_get (reader, "features");
  gint64 level;
  gboolean present, has_lon, has_lat;
  double lon = 0, lat = 0;

  if (!atlas_id_is_valid (id))
    {
      _atlas_builder_problem (self, reader, "id “%s” is not a lower-case slug", id ? id : "");
      return;
    }
  if (!_atlas_builder_parse_int (self, reader, "level", TRUE, &level, &present) ||
      !_atlas_builder_parse_double (self, reader, "label_lon", FALSE, &lon, &has_lon) ||
      !_atlas_builder_parse_double (self, reader, "label_lat", FALSE, &lat, &has_lat))
    return;
  if (features == NULL)
    {
      _atlas_builder_problem (self, reader, "“features” is empty");
      return;
    }

  indices = g_strsplit (features, " ", -1);
  for (guint i = 0; indices[i] != NULL; i++)
    {
      guint64 index;
      JsonObject *feature;

      if (*indices[i] == '\0')
        continue;
      if (!g_ascii_string_to_unsigned (indices[i], 10, 0, load->used->len - 1, &index, NULL))
        {
          _atlas_builder_problem (self, reader, "“%s” is not a feature of geo/chongqing-rivers.geojson", indices[i]);
          return;
        }
      if (g_array_index (load->used, guint8, index))
        {
          _atlas_builder_problem (self, reader, "river feature %s is used twice", indices[i]);
          return;
        }
      g_array_index (load->used, guint8, index) = 1;
      feature = json_array_get_object_element (load->features, index);
      if (!add_geojson_geometry (geometry, json_object_get_object_member (feature, "geometry")))
        {
          _atlas_builder_problem (self, reader, "river feature %s has malformed geometry", indices[i]);
          return;
        }
    }

  blob = atlas_geometry_to_blob (geometry);
  _atlas_builder_bind_text (load->stmt, 1, id);
  _atlas_builder_bind_text (load->stmt, 2, atlas_csv_reader_get (reader, "name_zh"));
  _atlas_builder_bind_text (load->stmt, 3, atlas_csv_reader_get (reader, "name_en"));
  sqlite3_bind_int64 (load->stmt, 4, level);
  sqlite3_bind_blob (load->stmt, 5, g_bytes_get_data (blob, NULL), g_bytes_get_size (blob),
                     SQLITE_TRANSIENT);
  if (has_lon && has_lat)
    {
      sqlite3_bind_double (load->stmt, 6, lon);
      sqlite3_bind_double (load->stmt, 7, lat);
    }
  _atlas_builder_step_insert (self, reader, load->stmt);
}

void
_atlas_builder_load_rivers (AtlasDatasetBuilder *self)
{
  static const char *columns[] = { "id", "name_zh", "name_en", "level", "features", NULL };
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) used = NULL;
  RiverLoad load;
  JsonArray *array;

  if ((array = load_features (self, "chongqing-rivers.geojson", &parser)) == NULL)
    return;

  used = g_array_new (FALSE, TRUE, sizeof (guint8));
  g_array_set_size (used, json_array_get_length (array));
  stmt = _atlas_builder_prepare (self, "INSERT INTO river (id, name_zh, name_en, level, geometry,"
                        " label_lon, label_lat) VALUES (?, ?, ?, ?, ?, ?, ?)");
  load.stmt = stmt;
  load.features = array;
  load.used = used;
  _atlas_builder_load_csv (self, "rivers.csv", columns, river_row, &load);

  for (guint i = 0; i < used->len; i++)
    if (!g_array_index (used, guint8, i))
      _atlas_builder_problem (self, NULL, "rivers.csv: river feature %u is not assigned to any river", i);
}
