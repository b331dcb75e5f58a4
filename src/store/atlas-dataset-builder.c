/* atlas-dataset-builder.c
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

#include <errno.h>
#include <math.h>
#include <sqlite3.h>
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>

#include "atlas-csv.h"
#include "atlas-dataset-builder.h"
#include "atlas-date.h"
#include "atlas-geometry.h"
#include "atlas-search-index.h"
#include "atlas-sqlite-util.h"
#include "atlas-vocabulary.h"

/* Builds atlas.sqlite from the CSV files of data/ (see data/README.md).
 *
 * Every row is checked before it is inserted; a problem is recorded as
 * "file:line: reason" and the build goes on, so that one run lists every
 * problem in the dataset.  The build fails when there was any.
 */

#define SCHEMA_VERSION 1

struct _AtlasDatasetBuilder
{
  GObject        parent_instance;

  char          *data_dir;
  char          *schema_path;
  char          *seeds_dir;

  GPtrArray     *problems;
  sqlite3       *db;
  GChecksum     *checksum;

  GHashTable    *districts;      /* GINT_TO_POINTER (adcode) -> AtlasGeometry */
  GHashTable    *sources;        /* id -> normalised seed text ("" when unknown) */
  GHashTable    *ids[6];         /* per entity: id -> GUINT_TO_POINTER (line) */
  GHashTable    *series_unit;    /* id -> unit key or "" */
  GHashTable    *series_total;   /* id -> double* stated total */
  GHashTable    *series_sum;     /* id -> double* sum of parts */
  GHashTable    *cited;          /* "entity\x1fid" */
  GHashTable    *seed_cache;     /* seed file -> normalised text */
};

typedef enum
{
  ENTITY_SITE,
  ENTITY_PARTY,
  ENTITY_EVENT,
  ENTITY_SERIES,
  ENTITY_STATISTIC,
  ENTITY_SOURCE,
} Entity;

static const char * const entity_names[] = {
  "site", "party", "event", "series", "statistic", "source",
};

G_DEFINE_FINAL_TYPE (AtlasDatasetBuilder, atlas_dataset_builder, G_TYPE_OBJECT)

static void
atlas_dataset_builder_finalize (GObject *object)
{
  AtlasDatasetBuilder *self = (AtlasDatasetBuilder *)object;

  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->schema_path, g_free);
  g_clear_pointer (&self->seeds_dir, g_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->checksum, g_checksum_free);
  g_clear_pointer (&self->districts, g_hash_table_unref);
  g_clear_pointer (&self->sources, g_hash_table_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->ids); i++)
    g_clear_pointer (&self->ids[i], g_hash_table_unref);
  g_clear_pointer (&self->series_unit, g_hash_table_unref);
  g_clear_pointer (&self->series_total, g_hash_table_unref);
  g_clear_pointer (&self->series_sum, g_hash_table_unref);
  g_clear_pointer (&self->cited, g_hash_table_unref);
  g_clear_pointer (&self->seed_cache, g_hash_table_unref);

  G_OBJECT_CLASS (atlas_dataset_builder_parent_class)->finalize (object);
}

static void
atlas_dataset_builder_class_init (AtlasDatasetBuilderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_dataset_builder_finalize;
}

static void
atlas_dataset_builder_init (AtlasDatasetBuilder *self)
{
  self->problems = g_ptr_array_new_null_terminated (0, g_free, TRUE);
}

AtlasDatasetBuilder *
atlas_dataset_builder_new (const char *data_dir,
                           const char *schema_path)
{
  AtlasDatasetBuilder *self;

  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (schema_path != NULL, NULL);

  self = g_object_new (ATLAS_TYPE_DATASET_BUILDER, NULL);
  self->data_dir = g_strdup (data_dir);
  self->schema_path = g_strdup (schema_path);
  return self;
}

/* With a folder of the source documents, every quote is checked against its
 * document (ignoring white space, which the OCR text breaks up at random).
 */
void
atlas_dataset_builder_set_seeds_dir (AtlasDatasetBuilder *self,
                                     const char          *seeds_dir)
{
  g_return_if_fail (ATLAS_IS_DATASET_BUILDER (self));

  g_free (self->seeds_dir);
  self->seeds_dir = g_strdup (seeds_dir);
}

const char * const *
atlas_dataset_builder_get_problems (AtlasDatasetBuilder *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET_BUILDER (self), NULL);

  return (const char * const *) self->problems->pdata;
}

G_GNUC_PRINTF (3, 4)
static void
problem (AtlasDatasetBuilder *self,
         AtlasCsvReader      *reader,
         const char          *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (reader != NULL)
    g_ptr_array_add (self->problems,
                     g_strdup_printf ("%s:%u: %s",
                                      atlas_csv_reader_get_filename (reader),
                                      atlas_csv_reader_get_line (reader),
                                      message));
  else
    g_ptr_array_add (self->problems, g_steal_pointer (&message));
}

static char *
normalise_text (const char *text)
{
  GString *s = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* U+3000 is the ideographic space of the OCR text. */
      if (!g_unichar_isspace (c) && c != 0x3000 && c != 0xFEFF)
        g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

/* ---- binding helpers -------------------------------------------------- */

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static gboolean
step_insert (AtlasDatasetBuilder *self,
             AtlasCsvReader      *reader,
             sqlite3_stmt        *stmt)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      problem (self, reader, "could not store the row: %s", sqlite3_errmsg (self->db));
      return FALSE;
    }
  return TRUE;
}

static sqlite3_stmt *
prepare (AtlasDatasetBuilder *self,
         const char          *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("Bad SQL in the dataset builder: %s (%s)", sqlite3_errmsg (self->db), sql);
  return stmt;
}

/* ---- field helpers ---------------------------------------------------- */

static const char *
require_text (AtlasDatasetBuilder *self,
              AtlasCsvReader      *reader,
              const char          *column)
{
  const char *value = atlas_csv_reader_get (reader, column);
  const char *p = value;

  while (p != NULL && g_ascii_isspace (*p))
    p++;
  if (p == NULL || *p == '\0')
    {
      problem (self, reader, "“%s” is empty", column);
      return NULL;
    }
  return value;
}

static gboolean
parse_double (AtlasDatasetBuilder *self,
              AtlasCsvReader      *reader,
              const char          *column,
              gboolean             required,
              double              *out,
              gboolean            *present)
{
  const char *text = atlas_csv_reader_get (reader, column);
  char *end = NULL;
  double v;

  if (present)
    *present = FALSE;
  if (text == NULL)
    {
      if (required)
        problem (self, reader, "“%s” is empty", column);
      return !required;
    }

  errno = 0;
  v = g_ascii_strtod (text, &end);
  if (errno != 0 || end == text || *end != '\0' || !isfinite (v))
    {
      problem (self, reader, "“%s” is not a number: “%s”", column, text);
      return FALSE;
    }

  *out = v;
  if (present)
    *present = TRUE;
  return TRUE;
}

static gboolean
parse_int (AtlasDatasetBuilder *self,
           AtlasCsvReader      *reader,
           const char          *column,
           gboolean             required,
           gint64              *out,
           gboolean            *present)
{
  const char *text = atlas_csv_reader_get (reader, column);
  g_autoptr(GError) error = NULL;

  if (present)
    *present = FALSE;
  if (text == NULL)
    {
      if (required)
        problem (self, reader, "“%s” is empty", column);
      return !required;
    }

  if (!g_ascii_string_to_signed (text, 10, 0, G_MAXINT32, out, &error))
    {
      problem (self, reader, "“%s” is not a whole number ≥ 0: “%s”", column, text);
      return FALSE;
    }

  if (present)
    *present = TRUE;
  return TRUE;
}

static gboolean
check_date (AtlasDatasetBuilder *self,
            AtlasCsvReader      *reader,
            const char          *column,
            gboolean             required,
            AtlasDate           *out)
{
  const char *text = atlas_csv_reader_get (reader, column);
  g_autoptr(GError) error = NULL;
  AtlasDate date;

  if (text == NULL)
    {
      if (required)
        problem (self, reader, "“%s” is empty", column);
      return !required;
    }

  if (!atlas_date_parse (text, &date, &error))
    {
      problem (self, reader, "malformed date in “%s”: %s", column, error->message);
      return FALSE;
    }

  if (out)
    *out = date;
  return TRUE;
}

static gboolean
check_id (AtlasDatasetBuilder *self,
          AtlasCsvReader      *reader,
          Entity               entity,
          const char         **out)
{
  const char *id = atlas_csv_reader_get (reader, "id");
  gpointer first_line;

  if (!atlas_id_is_valid (id))
    {
      problem (self, reader, "id “%s” is not a lower-case slug ([a-z0-9-]+)", id ? id : "");
      return FALSE;
    }
  if ((first_line = g_hash_table_lookup (self->ids[entity], id)) != NULL)
    {
      problem (self, reader, "duplicate %s id “%s” (first on line %u)",
               entity_names[entity], id, GPOINTER_TO_UINT (first_line));
      return FALSE;
    }

  g_hash_table_insert (self->ids[entity], g_strdup (id),
                       GUINT_TO_POINTER (atlas_csv_reader_get_line (reader)));
  *out = id;
  return TRUE;
}

static gboolean
check_reference (AtlasDatasetBuilder *self,
                 AtlasCsvReader      *reader,
                 const char          *column,
                 Entity               entity,
                 gboolean             required)
{
  const char *id = atlas_csv_reader_get (reader, column);

  if (id == NULL)
    {
      if (required)
        problem (self, reader, "“%s” is empty", column);
      return !required;
    }
  if (!g_hash_table_contains (self->ids[entity], id))
    {
      problem (self, reader, "“%s” refers to %s “%s”, which does not exist",
               column, entity_names[entity], id);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_district (AtlasDatasetBuilder *self,
                AtlasCsvReader      *reader,
                const char          *column,
                gboolean             required,
                gint64              *adcode,
                gboolean            *present)
{
  if (!parse_int (self, reader, column, required, adcode, present))
    return FALSE;
  if (*present && !g_hash_table_contains (self->districts, GINT_TO_POINTER ((int) *adcode)))
    {
      problem (self, reader, "“%s” refers to district %" G_GINT64_FORMAT ", which does not exist",
               column, *adcode);
      return FALSE;
    }
  return TRUE;
}

static const char *
seed_text (AtlasDatasetBuilder *self,
           const char          *source_id)
{
  return g_hash_table_lookup (self->sources, source_id);
}

/* Records a citation from the row's own source_id/quote columns. */
static gboolean
add_citation (AtlasDatasetBuilder *self,
              AtlasCsvReader      *reader,
              sqlite3_stmt        *stmt,
              const char          *entity,
              const char          *entity_id,
              const char          *source_id,
              const char          *quote,
              gboolean             required)
{
  const char *seed;

  if (source_id == NULL && quote == NULL)
    {
      if (required)
        problem (self, reader, "the %s “%s” has no citation (source_id and quote are empty)",
                 entity, entity_id);
      return !required;
    }
  if (source_id == NULL || quote == NULL)
    {
      problem (self, reader, "a citation needs both source_id and quote");
      return FALSE;
    }
  if (!g_hash_table_contains (self->sources, source_id))
    {
      problem (self, reader, "citation refers to source “%s”, which does not exist", source_id);
      return FALSE;
    }

  seed = seed_text (self, source_id);
  if (seed != NULL && *seed != '\0')
    {
      g_autofree char *needle = normalise_text (quote);

      if (*needle == '\0' || strstr (seed, needle) == NULL)
        {
          problem (self, reader, "the quote “%s” is not in source “%s”", quote, source_id);
          return FALSE;
        }
    }

  bind_text (stmt, 1, entity);
  bind_text (stmt, 2, entity_id);
  bind_text (stmt, 3, source_id);
  bind_text (stmt, 4, quote);
  if (!step_insert (self, reader, stmt))
    return FALSE;

  g_hash_table_add (self->cited, g_strdup_printf ("%s\x1f%s", entity, entity_id));
  return TRUE;
}

/* ---- files ------------------------------------------------------------ */

typedef void (*RowFunc) (AtlasDatasetBuilder *self,
                         AtlasCsvReader      *reader,
                         gpointer             user_data);

static void
load_csv (AtlasDatasetBuilder *self,
          const char          *name,
          const char         **columns,
          RowFunc              row_func,
          gpointer             user_data)
{
  g_autofree char *path = g_build_filename (self->data_dir, name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(AtlasCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      problem (self, NULL, "%s: %s", path, error->message);
      return;
    }

  g_checksum_update (self->checksum, (const guchar *) name, -1);
  g_checksum_update (self->checksum, (const guchar *) contents, length);

  reader = atlas_csv_reader_new (contents, length, path);
  if (!atlas_csv_reader_read_header (reader, &error) ||
      !atlas_csv_reader_require (reader, columns, &error))
    {
      problem (self, NULL, "%s", error->message);
      return;
    }

  while (atlas_csv_reader_next (reader, &error))
    row_func (self, reader, user_data);

  if (error != NULL)
    problem (self, NULL, "%s", error->message);
}

/* release.csv: version, created_on */
static void
release_row (AtlasDatasetBuilder *self,
             AtlasCsvReader      *reader,
             gpointer             user_data)
{
  char **release = user_data;
  const char *version = require_text (self, reader, "version");

  if (version == NULL || !check_date (self, reader, "created_on", TRUE, NULL))
    return;
  if (release[0] != NULL)
    {
      problem (self, reader, "release.csv has more than one row");
      return;
    }
  release[0] = g_strdup (version);
  release[1] = g_strdup (atlas_csv_reader_get (reader, "created_on"));
}

static const char *
load_seed (AtlasDatasetBuilder *self,
           AtlasCsvReader      *reader,
           const char          *seed_file)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char *normalised;

  if (self->seeds_dir == NULL || seed_file == NULL)
    return "";

  if ((normalised = g_hash_table_lookup (self->seed_cache, seed_file)) != NULL)
    return normalised;

  path = g_build_filename (self->seeds_dir, seed_file, NULL);
  if (!g_file_get_contents (path, &contents, NULL, &error))
    {
      problem (self, reader, "cannot read the source document: %s", error->message);
      return "";
    }

  normalised = normalise_text (contents);
  g_hash_table_insert (self->seed_cache, g_strdup (seed_file), normalised);
  return normalised;
}

static void
source_row (AtlasDatasetBuilder *self,
            AtlasCsvReader      *reader,
            gpointer             user_data)
{
  sqlite3_stmt *stmt = user_data;
  const char *id;
  const char *kind = atlas_csv_reader_get (reader, "kind");
  gboolean ok = TRUE;

  if (!check_id (self, reader, ENTITY_SOURCE, &id))
    return;
  ok &= require_text (self, reader, "title_zh") != NULL;
  ok &= require_text (self, reader, "title_en") != NULL;
  ok &= require_text (self, reader, "publisher_zh") != NULL;
  ok &= require_text (self, reader, "publisher_en") != NULL;
  ok &= check_date (self, reader, "published_on", TRUE, NULL);
  if (!atlas_source_kind_is_valid (kind))
    {
      problem (self, reader, "unknown source kind “%s”", kind ? kind : "");
      ok = FALSE;
    }
  if (!ok)
    return;

  g_hash_table_insert (self->sources, g_strdup (id),
                       g_strdup (load_seed (self, reader, atlas_csv_reader_get (reader, "seed_file"))));

  bind_text (stmt, 1, id);
  bind_text (stmt, 2, atlas_csv_reader_get (reader, "title_zh"));
  bind_text (stmt, 3, atlas_csv_reader_get (reader, "title_en"));
  bind_text (stmt, 4, atlas_csv_reader_get (reader, "publisher_zh"));
  bind_text (stmt, 5, atlas_csv_reader_get (reader, "publisher_en"));
  bind_text (stmt, 6, atlas_csv_reader_get (reader, "published_on"));
  bind_text (stmt, 7, kind);
  bind_text (stmt, 8, atlas_csv_reader_get (reader, "seed_file"));
  bind_text (stmt, 9, atlas_csv_reader_get (reader, "note"));
  step_insert (self, reader, stmt);
}

/* ---- GeoJSON ---------------------------------------------------------- */

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
      problem (self, NULL, "%s: %s", path, error->message);
      return NULL;
    }

  g_checksum_update (self->checksum, (const guchar *) contents, length);

  root = json_node_get_object (json_parser_get_root (parser));
  if (root == NULL || (features = json_object_get_array_member (root, "features")) == NULL)
    {
      problem (self, NULL, "%s: not a GeoJSON FeatureCollection", path);
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

  if (!parse_int (self, reader, "adcode", TRUE, &adcode, &present))
    return;
  if (g_hash_table_contains (load->seen, GINT_TO_POINTER ((int) adcode)))
    {
      problem (self, reader, "duplicate district %" G_GINT64_FORMAT, adcode);
      return;
    }
  if ((feature = g_hash_table_lookup (load->features, GINT_TO_POINTER ((int) adcode))) == NULL)
    {
      problem (self, reader, "district %" G_GINT64_FORMAT " is not in geo/chongqing-districts.geojson",
               adcode);
      return;
    }
  g_hash_table_add (load->seen, GINT_TO_POINTER ((int) adcode));

  if ((name_zh = require_text (self, reader, "name_zh")) == NULL ||
      require_text (self, reader, "name_en") == NULL)
    return;
  props = json_object_get_object_member (feature, "properties");
  if (g_strcmp0 (json_object_get_string_member_with_default (props, "name", ""), name_zh) != 0)
    {
      problem (self, reader, "district %" G_GINT64_FORMAT " is named “%s” in the geometry, not “%s”",
               adcode, json_object_get_string_member_with_default (props, "name", ""), name_zh);
      return;
    }
  if (!atlas_district_kind_from_string (kind, NULL))
    {
      problem (self, reader, "unknown district kind “%s”", kind ? kind : "");
      return;
    }

  if (!add_geojson_geometry (geometry, json_object_get_object_member (feature, "geometry")))
    {
      problem (self, reader, "the geometry of district %" G_GINT64_FORMAT " is malformed", adcode);
      return;
    }

  if (!parse_double (self, reader, "label_lon", FALSE, &label_lon, &has_lon) ||
      !parse_double (self, reader, "label_lat", FALSE, &label_lat, &has_lat))
    return;
  if (has_lon != has_lat)
    {
      problem (self, reader, "give both label_lon and label_lat, or neither");
      return;
    }
  if (has_lon && !atlas_geometry_contains (geometry, label_lon, label_lat))
    {
      problem (self, reader, "the label point lies outside the district");
      return;
    }
  if (!has_lon)
    atlas_geometry_get_label_point (geometry, &label_lon, &label_lat);

  atlas_geometry_get_bounds (geometry, &min_x, &min_y, &max_x, &max_y);
  blob = atlas_geometry_to_blob (geometry);

  sqlite3_bind_int64 (load->stmt, 1, adcode);
  bind_text (load->stmt, 2, name_zh);
  bind_text (load->stmt, 3, atlas_csv_reader_get (reader, "name_en"));
  bind_text (load->stmt, 4, kind);
  sqlite3_bind_blob (load->stmt, 5, g_bytes_get_data (blob, NULL), g_bytes_get_size (blob),
                     SQLITE_TRANSIENT);
  sqlite3_bind_double (load->stmt, 6, label_lon);
  sqlite3_bind_double (load->stmt, 7, label_lat);
  sqlite3_bind_double (load->stmt, 8, min_x);
  sqlite3_bind_double (load->stmt, 9, min_y);
  sqlite3_bind_double (load->stmt, 10, max_x);
  sqlite3_bind_double (load->stmt, 11, max_y);
  if (step_insert (self, reader, load->stmt))
    g_hash_table_insert (self->districts, GINT_TO_POINTER ((int) adcode),
                         g_steal_pointer (&geometry));
}

static void
load_districts (AtlasDatasetBuilder *self)
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
          problem (self, NULL, "geo/chongqing-districts.geojson: feature %u has no adcode", i);
          continue;
        }
      g_hash_table_insert (features, GINT_TO_POINTER ((int) adcode), feature);
    }

  stmt = prepare (self, "INSERT INTO district (adcode, name_zh, name_en, kind, geometry,"
                        " label_lon, label_lat, min_lon, min_lat, max_lon, max_lat)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  load.stmt = stmt;
  load.features = features;
  load.seen = seen;
  load_csv (self, "districts.csv", columns, district_row, &load);

  g_hash_table_iter_init (&iter, features);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (seen, key))
      problem (self, NULL, "districts.csv: district %d of the geometry has no row",
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
      problem (self, reader, "id “%s” is not a lower-case slug", id ? id : "");
      return;
    }
  if (!parse_int (self, reader, "level", TRUE, &level, &present) ||
      !parse_double (self, reader, "label_lon", FALSE, &lon, &has_lon) ||
      !parse_double (self, reader, "label_lat", FALSE, &lat, &has_lat))
    return;
  if (features == NULL)
    {
      problem (self, reader, "“features” is empty");
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
          problem (self, reader, "“%s” is not a feature of geo/chongqing-rivers.geojson", indices[i]);
          return;
        }
      if (g_array_index (load->used, guint8, index))
        {
          problem (self, reader, "river feature %s is used twice", indices[i]);
          return;
        }
      g_array_index (load->used, guint8, index) = 1;
      feature = json_array_get_object_element (load->features, index);
      if (!add_geojson_geometry (geometry, json_object_get_object_member (feature, "geometry")))
        {
          problem (self, reader, "river feature %s has malformed geometry", indices[i]);
          return;
        }
    }

  blob = atlas_geometry_to_blob (geometry);
  bind_text (load->stmt, 1, id);
  bind_text (load->stmt, 2, atlas_csv_reader_get (reader, "name_zh"));
  bind_text (load->stmt, 3, atlas_csv_reader_get (reader, "name_en"));
  sqlite3_bind_int64 (load->stmt, 4, level);
  sqlite3_bind_blob (load->stmt, 5, g_bytes_get_data (blob, NULL), g_bytes_get_size (blob),
                     SQLITE_TRANSIENT);
  if (has_lon && has_lat)
    {
      sqlite3_bind_double (load->stmt, 6, lon);
      sqlite3_bind_double (load->stmt, 7, lat);
    }
  step_insert (self, reader, load->stmt);
}

static void
load_rivers (AtlasDatasetBuilder *self)
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
  stmt = prepare (self, "INSERT INTO river (id, name_zh, name_en, level, geometry,"
                        " label_lon, label_lat) VALUES (?, ?, ?, ?, ?, ?, ?)");
  load.stmt = stmt;
  load.features = array;
  load.used = used;
  load_csv (self, "rivers.csv", columns, river_row, &load);

  for (guint i = 0; i < used->len; i++)
    if (!g_array_index (used, guint8, i))
      problem (self, NULL, "rivers.csv: river feature %u is not assigned to any river", i);
}

/* ---- records ---------------------------------------------------------- */

typedef struct
{
  sqlite3_stmt *insert;
  sqlite3_stmt *cite;
} RecordLoad;

static void
site_row (AtlasDatasetBuilder *self,
          AtlasCsvReader      *reader,
          gpointer             user_data)
{
  RecordLoad *load = user_data;
  const char *id;
  const char *category = atlas_csv_reader_get (reader, "category");
  const char *precision = atlas_csv_reader_get (reader, "location_precision");
  AtlasGeometry *district;
  gint64 adcode;
  gboolean present, ok = TRUE, in_chongqing = FALSE;
  double lon, lat;
  GHashTableIter iter;
  gpointer value;

  if (!check_id (self, reader, ENTITY_SITE, &id))
    return;

  ok &= require_text (self, reader, "name_zh") != NULL;
  ok &= require_text (self, reader, "name_en") != NULL;
  if (!atlas_site_category_from_string (category, NULL))
    {
      problem (self, reader, "unknown site category “%s”", category ? category : "");
      ok = FALSE;
    }
  if (!atlas_location_precision_from_string (precision, NULL))
    {
      problem (self, reader, "unknown location precision “%s”", precision ? precision : "");
      ok = FALSE;
    }
  ok &= check_date (self, reader, "established_on", FALSE, NULL);
  if (!check_district (self, reader, "district_adcode", TRUE, &adcode, &present) ||
      !parse_double (self, reader, "lon", TRUE, &lon, NULL) ||
      !parse_double (self, reader, "lat", TRUE, &lat, NULL) || !ok)
    return;

  g_hash_table_iter_init (&iter, self->districts);
  while (!in_chongqing && g_hash_table_iter_next (&iter, NULL, &value))
    in_chongqing = atlas_geometry_contains (value, lon, lat);
  if (!in_chongqing)
    {
      problem (self, reader, "the site “%s” at (%g, %g) lies outside Chongqing", id, lon, lat);
      return;
    }

  district = g_hash_table_lookup (self->districts, GINT_TO_POINTER ((int) adcode));
  if (!atlas_geometry_contains (district, lon, lat))
    {
      problem (self, reader, "the site “%s” at (%g, %g) lies outside its district %" G_GINT64_FORMAT,
               id, lon, lat, adcode);
      return;
    }

  bind_text (load->insert, 1, id);
  bind_text (load->insert, 2, atlas_csv_reader_get (reader, "name_zh"));
  bind_text (load->insert, 3, atlas_csv_reader_get (reader, "name_en"));
  bind_text (load->insert, 4, category);
  sqlite3_bind_int64 (load->insert, 5, adcode);
  sqlite3_bind_double (load->insert, 6, lon);
  sqlite3_bind_double (load->insert, 7, lat);
  bind_text (load->insert, 8, precision);
  bind_text (load->insert, 9, atlas_csv_reader_get (reader, "description_zh"));
  bind_text (load->insert, 10, atlas_csv_reader_get (reader, "description_en"));
  bind_text (load->insert, 11, atlas_csv_reader_get (reader, "established_on"));
  bind_text (load->insert, 12, atlas_csv_reader_get (reader, "note"));
  if (step_insert (self, reader, load->insert))
    add_citation (self, reader, load->cite, "site", id,
                  atlas_csv_reader_get (reader, "source_id"),
                  atlas_csv_reader_get (reader, "quote"), TRUE);
}

static void
party_row (AtlasDatasetBuilder *self,
           AtlasCsvReader      *reader,
           gpointer             user_data)
{
  RecordLoad *load = user_data;
  const char *kind = atlas_csv_reader_get (reader, "kind");
  const char *id;

  if (!check_id (self, reader, ENTITY_PARTY, &id))
    return;
  if (require_text (self, reader, "name_zh") == NULL || require_text (self, reader, "name_en") == NULL)
    return;
  if (!atlas_party_kind_is_valid (kind))
    {
      problem (self, reader, "unknown party kind “%s”", kind ? kind : "");
      return;
    }

  bind_text (load->insert, 1, id);
  bind_text (load->insert, 2, atlas_csv_reader_get (reader, "name_zh"));
  bind_text (load->insert, 3, atlas_csv_reader_get (reader, "name_en"));
  bind_text (load->insert, 4, kind);
  step_insert (self, reader, load->insert);
}

static void
event_row (AtlasDatasetBuilder *self,
           AtlasCsvReader      *reader,
           gpointer             user_data)
{
  RecordLoad *load = user_data;
  const char *kind = atlas_csv_reader_get (reader, "kind");
  const char *id;
  AtlasDate date;
  double amount = 0;
  gint64 count = 0, adcode = 0;
  gboolean has_amount, has_count, has_district, ok = TRUE;

  if (!check_id (self, reader, ENTITY_EVENT, &id))
    return;

  ok &= check_date (self, reader, "date", TRUE, &date);
  ok &= require_text (self, reader, "title_zh") != NULL;
  ok &= require_text (self, reader, "title_en") != NULL;
  if (!atlas_event_kind_from_string (kind, NULL))
    {
      problem (self, reader, "unknown event kind “%s”", kind ? kind : "");
      ok = FALSE;
    }
  ok &= parse_double (self, reader, "amount_cny", FALSE, &amount, &has_amount);
  if (has_amount && amount < 0)
    {
      problem (self, reader, "“amount_cny” is negative");
      ok = FALSE;
    }
  ok &= parse_int (self, reader, "project_count", FALSE, &count, &has_count);
  ok &= check_reference (self, reader, "place_site_id", ENTITY_SITE, FALSE);
  ok &= check_district (self, reader, "district_adcode", FALSE, &adcode, &has_district);
  if (!ok)
    return;

  bind_text (load->insert, 1, id);
  bind_text (load->insert, 2, atlas_csv_reader_get (reader, "date"));
  bind_text (load->insert, 3, atlas_date_precision_to_string (date.precision));
  bind_text (load->insert, 4, kind);
  bind_text (load->insert, 5, atlas_csv_reader_get (reader, "title_zh"));
  bind_text (load->insert, 6, atlas_csv_reader_get (reader, "title_en"));
  bind_text (load->insert, 7, atlas_csv_reader_get (reader, "summary_zh"));
  bind_text (load->insert, 8, atlas_csv_reader_get (reader, "summary_en"));
  if (has_amount)
    sqlite3_bind_double (load->insert, 9, amount);
  if (has_count)
    sqlite3_bind_int64 (load->insert, 10, count);
  bind_text (load->insert, 11, atlas_csv_reader_get (reader, "place_site_id"));
  if (has_district)
    sqlite3_bind_int64 (load->insert, 12, adcode);
  bind_text (load->insert, 13, atlas_csv_reader_get (reader, "note"));
  if (step_insert (self, reader, load->insert))
    add_citation (self, reader, load->cite, "event", id,
                  atlas_csv_reader_get (reader, "source_id"),
                  atlas_csv_reader_get (reader, "quote"), TRUE);
}

static void
event_link_row (AtlasDatasetBuilder *self,
                AtlasCsvReader      *reader,
                gpointer             user_data)
{
  RecordLoad *load = user_data;
  gboolean is_party = atlas_csv_reader_find_column (reader, "party_id") >= 0;
  const char *column = is_party ? "party_id" : "site_id";
  const char *role = atlas_csv_reader_get (reader, "role");
  gboolean ok = TRUE;

  ok &= check_reference (self, reader, "event_id", ENTITY_EVENT, TRUE);
  ok &= check_reference (self, reader, column, is_party ? ENTITY_PARTY : ENTITY_SITE, TRUE);
  if (is_party ? !atlas_party_role_is_valid (role) : !atlas_site_role_is_valid (role))
    {
      problem (self, reader, "unknown role “%s”", role ? role : "");
      ok = FALSE;
    }
  if (!ok)
    return;

  bind_text (load->insert, 1, atlas_csv_reader_get (reader, "event_id"));
  bind_text (load->insert, 2, atlas_csv_reader_get (reader, column));
  bind_text (load->insert, 3, role);
  step_insert (self, reader, load->insert);
}

static void
series_row (AtlasDatasetBuilder *self,
            AtlasCsvReader      *reader,
            gpointer             user_data)
{
  RecordLoad *load = user_data;
  const char *unit = atlas_csv_reader_get (reader, "unit");
  const char *id;
  double total = 0;
  gboolean has_total;

  if (!check_id (self, reader, ENTITY_SERIES, &id))
    return;
  if (require_text (self, reader, "title_zh") == NULL ||
      require_text (self, reader, "title_en") == NULL ||
      !parse_double (self, reader, "stated_total", FALSE, &total, &has_total))
    return;
  if (unit != NULL && !atlas_unit_from_string (unit, NULL))
    {
      problem (self, reader, "unknown unit “%s”", unit);
      return;
    }

  g_hash_table_insert (self->series_unit, g_strdup (id), g_strdup (unit ? unit : ""));
  g_hash_table_insert (self->series_sum, g_strdup (id), g_new0 (double, 1));
  if (has_total)
    g_hash_table_insert (self->series_total, g_strdup (id), g_memdup2 (&total, sizeof total));

  bind_text (load->insert, 1, id);
  bind_text (load->insert, 2, atlas_csv_reader_get (reader, "title_zh"));
  bind_text (load->insert, 3, atlas_csv_reader_get (reader, "title_en"));
  bind_text (load->insert, 4, unit);
  if (has_total)
    sqlite3_bind_double (load->insert, 5, total);
  bind_text (load->insert, 6, atlas_csv_reader_get (reader, "note"));
  if (step_insert (self, reader, load->insert))
    add_citation (self, reader, load->cite, "series", id,
                  atlas_csv_reader_get (reader, "source_id"),
                  atlas_csv_reader_get (reader, "quote"), FALSE);
}

static void
statistic_row (AtlasDatasetBuilder *self,
               AtlasCsvReader      *reader,
               gpointer             user_data)
{
  RecordLoad *load = user_data;
  const char *unit = atlas_csv_reader_get (reader, "unit");
  const char *qualifier = atlas_csv_reader_get (reader, "qualifier");
  const char *period = atlas_csv_reader_get (reader, "period");
  const char *series = atlas_csv_reader_get (reader, "series");
  const char *id;
  double value = 0;
  gint64 adcode = 0, is_target = 0, order = 0;
  gboolean has_district, has_target, has_order, ok = TRUE;

  if (!check_id (self, reader, ENTITY_STATISTIC, &id))
    return;

  ok &= require_text (self, reader, "metric") != NULL;
  ok &= require_text (self, reader, "label_zh") != NULL;
  ok &= require_text (self, reader, "label_en") != NULL;
  ok &= require_text (self, reader, "scope") != NULL;
  ok &= require_text (self, reader, "scope_zh") != NULL;
  ok &= require_text (self, reader, "scope_en") != NULL;
  ok &= parse_double (self, reader, "value", TRUE, &value, NULL);
  if (!atlas_unit_from_string (unit, NULL))
    {
      problem (self, reader, "unknown unit “%s”", unit ? unit : "");
      ok = FALSE;
    }
  if (qualifier != NULL && !atlas_qualifier_from_string (qualifier, NULL))
    {
      problem (self, reader, "unknown qualifier “%s”", qualifier);
      ok = FALSE;
    }
  if (period != NULL)
    {
      g_autoptr(GError) error = NULL;
      AtlasDate first, last;

      if (!atlas_date_parse_interval (period, &first, &last, &error))
        {
          problem (self, reader, "malformed period: %s", error->message);
          ok = FALSE;
        }
    }
  ok &= check_date (self, reader, "as_of", TRUE, NULL);
  ok &= check_district (self, reader, "district_adcode", FALSE, &adcode, &has_district);
  ok &= check_reference (self, reader, "site_id", ENTITY_SITE, FALSE);
  ok &= parse_int (self, reader, "is_target", FALSE, &is_target, &has_target);
  if (is_target > 1)
    {
      problem (self, reader, "“is_target” must be 0 or 1");
      ok = FALSE;
    }
  ok &= check_reference (self, reader, "series", ENTITY_SERIES, FALSE);
  ok &= parse_int (self, reader, "series_order", FALSE, &order, &has_order);
  if (ok && series != NULL)
    {
      const char *series_unit = g_hash_table_lookup (self->series_unit, series);

      if (series_unit && *series_unit && g_strcmp0 (series_unit, unit) != 0)
        {
          problem (self, reader, "unit “%s” differs from the unit “%s” of series “%s”",
                   unit, series_unit, series);
          ok = FALSE;
        }
    }
  if (!ok)
    return;

  if (series != NULL)
    *(double *) g_hash_table_lookup (self->series_sum, series) += value;

  bind_text (load->insert, 1, id);
  bind_text (load->insert, 2, atlas_csv_reader_get (reader, "metric"));
  bind_text (load->insert, 3, atlas_csv_reader_get (reader, "label_zh"));
  bind_text (load->insert, 4, atlas_csv_reader_get (reader, "label_en"));
  sqlite3_bind_double (load->insert, 5, value);
  bind_text (load->insert, 6, qualifier);
  bind_text (load->insert, 7, unit);
  bind_text (load->insert, 8, period);
  bind_text (load->insert, 9, atlas_csv_reader_get (reader, "scope"));
  bind_text (load->insert, 10, atlas_csv_reader_get (reader, "scope_zh"));
  bind_text (load->insert, 11, atlas_csv_reader_get (reader, "scope_en"));
  if (has_district)
    sqlite3_bind_int64 (load->insert, 12, adcode);
  bind_text (load->insert, 13, atlas_csv_reader_get (reader, "site_id"));
  bind_text (load->insert, 14, atlas_csv_reader_get (reader, "as_of"));
  sqlite3_bind_int64 (load->insert, 15, is_target);
  bind_text (load->insert, 16, series);
  if (has_order)
    sqlite3_bind_int64 (load->insert, 17, order);
  bind_text (load->insert, 18, atlas_csv_reader_get (reader, "note"));
  if (step_insert (self, reader, load->insert))
    add_citation (self, reader, load->cite, "statistic", id,
                  atlas_csv_reader_get (reader, "source_id"),
                  atlas_csv_reader_get (reader, "quote"), TRUE);
}

static void
citation_row (AtlasDatasetBuilder *self,
              AtlasCsvReader      *reader,
              gpointer             user_data)
{
  RecordLoad *load = user_data;
  const char *entity = atlas_csv_reader_get (reader, "entity");
  const char *entity_id = atlas_csv_reader_get (reader, "entity_id");
  int index = -1;

  for (guint i = 0; i < G_N_ELEMENTS (entity_names); i++)
    if (g_strcmp0 (entity, entity_names[i]) == 0 && i != ENTITY_SOURCE)
      index = i;
  if (index < 0)
    {
      problem (self, reader, "unknown entity “%s”", entity ? entity : "");
      return;
    }
  if (!check_reference (self, reader, "entity_id", index, TRUE))
    return;
  if (require_text (self, reader, "source_id") == NULL || require_text (self, reader, "quote") == NULL)
    return;

  add_citation (self, reader, load->cite, entity, entity_id,
                atlas_csv_reader_get (reader, "source_id"),
                atlas_csv_reader_get (reader, "quote"), TRUE);
}

static void
check_series_totals (AtlasDatasetBuilder *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->series_total);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      double total = *(double *) value;
      double sum = *(double *) g_hash_table_lookup (self->series_sum, key);

      if (fabs (sum - total) > 1e-9 * MAX (1.0, fabs (total)))
        problem (self, NULL, "%s/series.csv:%u: the parts of series “%s” add up to %g, "
                 "the source states %g",
                 self->data_dir,
                 GPOINTER_TO_UINT (g_hash_table_lookup (self->ids[ENTITY_SERIES], key)),
                 (const char *) key, sum, total);
    }
}

static gboolean
exec (AtlasDatasetBuilder  *self,
      const char           *sql,
      GError              **error)
{
  char *message = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", message);
      sqlite3_free (message);
      return FALSE;
    }
  return TRUE;
}

gboolean
atlas_dataset_builder_build (AtlasDatasetBuilder  *self,
                             const char           *output_path,
                             GError              **error)
{
  static const char *source_columns[] = { "id", "title_zh", "title_en", "publisher_zh",
                                          "publisher_en", "published_on", "kind", NULL };
  static const char *site_columns[] = { "id", "name_zh", "name_en", "category",
                                        "district_adcode", "lon", "lat", "location_precision",
                                        "source_id", "quote", NULL };
  static const char *party_columns[] = { "id", "name_zh", "name_en", "kind", NULL };
  static const char *event_columns[] = { "id", "date", "kind", "title_zh", "title_en",
                                         "source_id", "quote", NULL };
  static const char *event_party_columns[] = { "event_id", "party_id", "role", NULL };
  static const char *event_site_columns[] = { "event_id", "site_id", "role", NULL };
  static const char *series_columns[] = { "id", "title_zh", "title_en", NULL };
  static const char *statistic_columns[] = { "id", "metric", "label_zh", "label_en", "value",
                                             "unit", "scope", "scope_zh", "scope_en", "as_of",
                                             "source_id", "quote", NULL };
  static const char *citation_columns[] = { "entity", "entity_id", "source_id", "quote", NULL };
  static const char *release_columns[] = { "version", "created_on", NULL };
  g_autofree char *schema = NULL;
  /* version, created_on; a g_autofree array would free only the first. */
  g_auto(GStrv) release = g_new0 (char *, 3);
  g_autoptr(sqlite3_stmt) cite = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  RecordLoad load;

  g_return_val_if_fail (ATLAS_IS_DATASET_BUILDER (self), FALSE);
  g_return_val_if_fail (self->db == NULL, FALSE);

  if (!g_file_get_contents (self->schema_path, &schema, NULL, error))
    return FALSE;

  self->checksum = g_checksum_new (G_CHECKSUM_SHA256);
  self->districts = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) atlas_geometry_unref);
  self->sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->ids); i++)
    self->ids[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->series_unit = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->series_total = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->series_sum = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->cited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->seed_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (sqlite3_open (":memory:", &self->db) != SQLITE_OK)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "cannot create a database");
      return FALSE;
    }
  if (!exec (self, schema, error) || !exec (self, "BEGIN", error))
    return FALSE;

  load_csv (self, "release.csv", release_columns, release_row, release);
  if (release[0] == NULL)
    problem (self, NULL, "%s/release.csv: no release row", self->data_dir);

  stmt = prepare (self, "INSERT INTO source VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  load_csv (self, "sources.csv", source_columns, source_row, stmt);
  g_clear_pointer (&stmt, sqlite3_finalize);

  load_districts (self);
  load_rivers (self);

  cite = prepare (self, "INSERT OR IGNORE INTO citation (entity, entity_id, source_id, quote,"
                        " position) VALUES (?, ?, ?, ?,"
                        " (SELECT count(*) FROM citation WHERE entity = ?1 AND entity_id = ?2))");
  load.cite = cite;

  load.insert = stmt = prepare (self, "INSERT INTO site VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  load_csv (self, "sites.csv", site_columns, site_row, &load);
  g_clear_pointer (&stmt, sqlite3_finalize);

  load.insert = stmt = prepare (self, "INSERT INTO party VALUES (?, ?, ?, ?)");
  load_csv (self, "parties.csv", party_columns, party_row, &load);
  g_clear_pointer (&stmt, sqlite3_finalize);

  load.insert = stmt = prepare (self, "INSERT INTO event VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  load_csv (self, "events.csv", event_columns, event_row, &load);
  g_clear_pointer (&stmt, sqlite3_finalize);

  load.insert = stmt = prepare (self, "INSERT OR IGNORE INTO event_party VALUES (?, ?, ?)");
  load_csv (self, "event_parties.csv", event_party_columns, event_link_row, &load);
  g_clear_pointer (&stmt, sqlite3_finalize);

  load.insert = stmt = prepare (self, "INSERT OR IGNORE INTO event_site VALUES (?, ?, ?)");
  load_csv (self, "event_sites.csv", event_site_columns, event_link_row, &load);
  g_clear_pointer (&stmt, sqlite3_finalize);

  load.insert = stmt = prepare (self, "INSERT INTO series VALUES (?, ?, ?, ?, ?, ?)");
  load_csv (self, "series.csv", series_columns, series_row, &load);
  g_clear_pointer (&stmt, sqlite3_finalize);

  load.insert = stmt = prepare (self, "INSERT INTO statistic VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                                      " ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  load_csv (self, "statistics.csv", statistic_columns, statistic_row, &load);
  g_clear_pointer (&stmt, sqlite3_finalize);

  load_csv (self, "citations.csv", citation_columns, citation_row, &load);

  check_series_totals (self);

  if (self->problems->len > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "the dataset has %u problem(s)", self->problems->len);
      return FALSE;
    }

  if (!atlas_search_index_rebuild (self->db, "main", error))
    return FALSE;

  stmt = prepare (self, "INSERT INTO release VALUES (?, ?, ?)");
  bind_text (stmt, 1, release[0]);
  bind_text (stmt, 2, release[1]);
  bind_text (stmt, 3, g_checksum_get_string (self->checksum));
  if (!step_insert (self, NULL, stmt))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!exec (self, "COMMIT; PRAGMA user_version = " G_STRINGIFY (SCHEMA_VERSION) ";", error))
    return FALSE;

  if (output_path != NULL)
    {
      if (g_unlink (output_path) != 0 && errno != ENOENT)
        {
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                       "cannot replace %s: %s", output_path, g_strerror (errno));
          return FALSE;
        }

      stmt = prepare (self, "VACUUM INTO ?");
      bind_text (stmt, 1, output_path);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "cannot write %s: %s",
                       output_path, sqlite3_errmsg (self->db));
          return FALSE;
        }
    }

  return TRUE;
}
