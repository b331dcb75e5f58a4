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
#include <gio/gio.h>
#include <glib/gstdio.h>

#include "atlas-dataset-builder-private.h"
#include "atlas-geometry.h"
#include "atlas-search-index.h"
#include "atlas-sqlite-util.h"
#include "atlas-vocabulary.h"

/* Builds atlas.sqlite from the CSV files of data/ (see data/README.md).
 *
 * Every row is checked before it is inserted; a problem is recorded as
 * "file:line: reason" and the build goes on, so that one run lists every
 * problem in the dataset.  The build fails when there was any.
 *
 * This file holds the type and the order of the build; the checks are in
 * atlas-dataset-builder-fields.c, the base map in atlas-dataset-builder-geo.c
 * and the record files in atlas-dataset-builder-records.c.
 */

/* PRAGMA user_version of the database: ATLAS_DATASET_FORMAT of the store.
 * Format 2 added areas, sites without a point, event qualifiers, caveats and
 * the second language of notes and quotes.
 */
#define SCHEMA_VERSION 2

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
/* release.csv: version, created_on */
static void
release_row (AtlasDatasetBuilder *self,
             AtlasCsvReader      *reader,
             gpointer             user_data)
{
  char **release = user_data;
  const char *version = _atlas_builder_require_text (self, reader, "version");

  if (version == NULL || !_atlas_builder_check_date (self, reader, "created_on", TRUE, NULL))
    return;
  if (release[0] != NULL)
    {
      _atlas_builder_problem (self, reader, "release.csv has more than one row");
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
      _atlas_builder_problem (self, reader, "cannot read the source document: %s", error->message);
      return "";
    }

  normalised = _atlas_builder_normalise_seed (contents);
  g_hash_table_insert (self->seed_cache, g_strdup (seed_file), normalised);
  return normalised;
}

/* sources.csv: a source describes itself in both languages (note, note_zh). */
static void
source_row (AtlasDatasetBuilder *self,
            AtlasCsvReader      *reader,
            gpointer             user_data)
{
  sqlite3_stmt *stmt = user_data;
  const char *id;
  const char *kind = atlas_csv_reader_get (reader, "kind");
  gboolean ok = TRUE;

  if (!_atlas_builder_check_id (self, reader, ENTITY_SOURCE, &id))
    return;
  ok &= _atlas_builder_require_text (self, reader, "title_zh") != NULL;
  ok &= _atlas_builder_require_text (self, reader, "title_en") != NULL;
  ok &= _atlas_builder_require_text (self, reader, "publisher_zh") != NULL;
  ok &= _atlas_builder_require_text (self, reader, "publisher_en") != NULL;
  ok &= _atlas_builder_require_text (self, reader, "note") != NULL;
  ok &= _atlas_builder_require_text (self, reader, "note_zh") != NULL;
  ok &= _atlas_builder_check_date (self, reader, "published_on", TRUE, NULL);
  if (!atlas_source_kind_is_valid (kind))
    {
      _atlas_builder_problem (self, reader, "unknown source kind “%s”", kind ? kind : "");
      ok = FALSE;
    }
  if (!ok)
    return;

  g_hash_table_insert (self->sources, g_strdup (id),
                       g_strdup (load_seed (self, reader, atlas_csv_reader_get (reader, "seed_file"))));

  _atlas_builder_bind_text (stmt, 1, id);
  _atlas_builder_bind_text (stmt, 2, atlas_csv_reader_get (reader, "title_zh"));
  _atlas_builder_bind_text (stmt, 3, atlas_csv_reader_get (reader, "title_en"));
  _atlas_builder_bind_text (stmt, 4, atlas_csv_reader_get (reader, "publisher_zh"));
  _atlas_builder_bind_text (stmt, 5, atlas_csv_reader_get (reader, "publisher_en"));
  _atlas_builder_bind_text (stmt, 6, atlas_csv_reader_get (reader, "published_on"));
  _atlas_builder_bind_text (stmt, 7, kind);
  _atlas_builder_bind_text (stmt, 8, atlas_csv_reader_get (reader, "seed_file"));
  _atlas_builder_bind_text (stmt, 9, atlas_csv_reader_get (reader, "note"));
  _atlas_builder_bind_text (stmt, 10, atlas_csv_reader_get (reader, "note_zh"));
  _atlas_builder_step_insert (self, reader, stmt);
}

static gboolean
exec (AtlasDatasetBuilder  *self,
      const char           *sql,
      GError              **error)
{
  return atlas_sqlite_exec (self->db, sql, G_IO_ERROR, G_IO_ERROR_FAILED, error);
}

/* Loads one record file into its table, with its citations. */
static void
load_records (AtlasDatasetBuilder  *self,
              AtlasBuilderLoad     *load,
              const char           *file,
              const char          **columns,
              const char           *insert_sql,
              AtlasBuilderRowFunc   row_func)
{
  load->insert = _atlas_builder_prepare (self, insert_sql);
  _atlas_builder_load_csv (self, file, columns, row_func, load);
  g_clear_pointer (&load->insert, sqlite3_finalize);
}

static gboolean
write_output (AtlasDatasetBuilder  *self,
              const char           *output_path,
              GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (g_unlink (output_path) != 0 && errno != ENOENT)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   "cannot replace %s: %s", output_path, g_strerror (errno));
      return FALSE;
    }

  stmt = _atlas_builder_prepare (self, "VACUUM INTO ?");
  _atlas_builder_bind_text (stmt, 1, output_path);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "cannot write %s: %s",
                   output_path, sqlite3_errmsg (self->db));
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
  static const char *area_columns[] = { "id", "name_zh", "name_en", "districts", "source_id",
                                        "quote", "quote_en", NULL };
  static const char *site_columns[] = { "id", "name_zh", "name_en", "category",
                                        "district_adcode", "lon", "lat", "location_precision",
                                        "area_id", "source_id", "quote", "quote_en", NULL };
  static const char *party_columns[] = { "id", "name_zh", "name_en", "kind", NULL };
  static const char *event_columns[] = { "id", "date", "kind", "title_zh", "title_en",
                                         "source_id", "quote", "quote_en", NULL };
  static const char *event_party_columns[] = { "event_id", "party_id", "role", NULL };
  static const char *event_site_columns[] = { "event_id", "site_id", "role", NULL };
  static const char *series_columns[] = { "id", "title_zh", "title_en", NULL };
  static const char *statistic_columns[] = { "id", "metric", "label_zh", "label_en", "value",
                                             "unit", "scope", "scope_zh", "scope_en", "as_of",
                                             "source_id", "quote", "quote_en", NULL };
  static const char *citation_columns[] = { "entity", "entity_id", "source_id", "quote",
                                             "quote_en", NULL };
  static const char *release_columns[] = { "version", "created_on", NULL };
  g_autofree char *schema = NULL;
  /* version, created_on; a g_autofree array would free only the first. */
  g_auto(GStrv) release = g_new0 (char *, 3);
  g_autoptr(sqlite3_stmt) cite = NULL;
  g_autoptr(sqlite3_stmt) area_district = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  AtlasBuilderLoad load = { NULL, NULL, NULL };

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

  _atlas_builder_load_csv (self, "release.csv", release_columns, release_row, release);
  if (release[0] == NULL)
    _atlas_builder_problem (self, NULL, "%s/release.csv: no release row", self->data_dir);

  stmt = _atlas_builder_prepare (self, "INSERT INTO source VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  _atlas_builder_load_csv (self, "sources.csv", source_columns, source_row, stmt);
  g_clear_pointer (&stmt, sqlite3_finalize);

  _atlas_builder_load_districts (self);
  _atlas_builder_load_rivers (self);

  cite = _atlas_builder_prepare (self, "INSERT OR IGNORE INTO citation (entity, entity_id, source_id,"
                                       " quote, quote_en, position) VALUES (?1, ?2, ?3, ?4, ?5,"
                                       " (SELECT count(*) FROM citation"
                                       "  WHERE entity = ?1 AND entity_id = ?2))");
  load.cite = cite;

  load.extra = area_district = _atlas_builder_prepare (self, "INSERT INTO area_district VALUES (?, ?)");
  load_records (self, &load, "areas.csv", area_columns,
                "INSERT INTO area VALUES (?, ?, ?, ?, ?, ?, ?)", _atlas_builder_area_row);
  load.extra = NULL;

  load_records (self, &load, "sites.csv", site_columns,
                "INSERT INTO site VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                _atlas_builder_site_row);
  load_records (self, &load, "parties.csv", party_columns,
                "INSERT INTO party VALUES (?, ?, ?, ?)", _atlas_builder_party_row);
  load_records (self, &load, "events.csv", event_columns,
                "INSERT INTO event VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                _atlas_builder_event_row);
  load_records (self, &load, "event_parties.csv", event_party_columns,
                "INSERT OR IGNORE INTO event_party VALUES (?, ?, ?)", _atlas_builder_event_link_row);
  load_records (self, &load, "event_sites.csv", event_site_columns,
                "INSERT OR IGNORE INTO event_site VALUES (?, ?, ?)", _atlas_builder_event_link_row);
  load_records (self, &load, "series.csv", series_columns,
                "INSERT INTO series VALUES (?, ?, ?, ?, ?, ?, ?)", _atlas_builder_series_row);
  load_records (self, &load, "statistics.csv", statistic_columns,
                "INSERT INTO statistic VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                " ?, ?, ?, ?)", _atlas_builder_statistic_row);

  _atlas_builder_load_csv (self, "citations.csv", citation_columns, _atlas_builder_citation_row, &load);

  _atlas_builder_check_series_totals (self);

  if (self->problems->len > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "the dataset has %u problem(s)", self->problems->len);
      return FALSE;
    }

  if (!atlas_search_index_rebuild (self->db, "main", error))
    return FALSE;

  stmt = _atlas_builder_prepare (self, "INSERT INTO release VALUES (?, ?, ?)");
  _atlas_builder_bind_text (stmt, 1, release[0]);
  _atlas_builder_bind_text (stmt, 2, release[1]);
  _atlas_builder_bind_text (stmt, 3, g_checksum_get_string (self->checksum));
  if (!_atlas_builder_step_insert (self, NULL, stmt))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (!exec (self, "COMMIT; PRAGMA user_version = " G_STRINGIFY (SCHEMA_VERSION) ";", error))
    return FALSE;

  return output_path == NULL || write_output (self, output_path, error);
}
