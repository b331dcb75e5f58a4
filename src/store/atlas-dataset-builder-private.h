/* atlas-dataset-builder-private.h
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

#pragma once

#include <sqlite3.h>

#include "atlas-csv.h"
#include "atlas-dataset-builder.h"
#include "atlas-date.h"

G_BEGIN_DECLS

/* Shared between the files of the dataset builder:
 *   atlas-dataset-builder.c          the type, the build, sources and release
 *   atlas-dataset-builder-fields.c   problems, field checks, both languages, citations
 *   atlas-dataset-builder-geo.c      districts and rivers from GeoJSON
 *   atlas-dataset-builder-records.c  areas, sites, parties, events, series, statistics
 */

typedef enum
{
  ENTITY_SITE,
  ENTITY_PARTY,
  ENTITY_EVENT,
  ENTITY_SERIES,
  ENTITY_STATISTIC,
  ENTITY_SOURCE,
  ENTITY_AREA,
  N_ENTITIES
} AtlasBuilderEntity;

extern const char * const _atlas_builder_entity_names[N_ENTITIES];

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
  GHashTable    *ids[N_ENTITIES]; /* per entity: id -> GUINT_TO_POINTER (line) */
  GHashTable    *series_unit;    /* id -> unit key or "" */
  GHashTable    *series_total;   /* id -> double* stated total */
  GHashTable    *series_sum;     /* id -> double* sum of parts */
  GHashTable    *cited;          /* "entity\x1fid" */
  GHashTable    *seed_cache;     /* seed file -> normalised text */
};

/* The statements a record file fills: its own table and the citations. */
typedef struct
{
  sqlite3_stmt *insert;
  sqlite3_stmt *cite;
  sqlite3_stmt *extra;           /* area_district for areas.csv */
} AtlasBuilderLoad;

typedef void (*AtlasBuilderRowFunc) (AtlasDatasetBuilder *self,
                                     AtlasCsvReader      *reader,
                                     gpointer             user_data);

/* atlas-dataset-builder.c */
void          _atlas_builder_load_csv        (AtlasDatasetBuilder  *self,
                                              const char           *name,
                                              const char          **columns,
                                              AtlasBuilderRowFunc   row_func,
                                              gpointer              user_data);
sqlite3_stmt *_atlas_builder_prepare         (AtlasDatasetBuilder  *self,
                                              const char           *sql);

/* atlas-dataset-builder-fields.c */
G_GNUC_PRINTF (3, 4)
void          _atlas_builder_problem         (AtlasDatasetBuilder  *self,
                                              AtlasCsvReader       *reader,
                                              const char           *format,
                                              ...);
char         *_atlas_builder_normalise_seed  (const char           *text);
void          _atlas_builder_bind_text       (sqlite3_stmt         *stmt,
                                              int                   index,
                                              const char           *text);
gboolean      _atlas_builder_step_insert     (AtlasDatasetBuilder  *self,
                                              AtlasCsvReader       *reader,
                                              sqlite3_stmt         *stmt);
const char   *_atlas_builder_require_text    (AtlasDatasetBuilder  *self,
                                              AtlasCsvReader       *reader,
                                              const char           *column);
gboolean      _atlas_builder_both_languages  (AtlasDatasetBuilder  *self,
                                              AtlasCsvReader       *reader,
                                              const char           *column_en,
                                              const char           *column_zh);
gboolean      _atlas_builder_parse_double    (AtlasDatasetBuilder  *self,
                                              AtlasCsvReader       *reader,
                                              const char           *column,
                                              gboolean              required,
                                              double               *out,
                                              gboolean             *present);
gboolean      _atlas_builder_parse_int       (AtlasDatasetBuilder  *self,
                                              AtlasCsvReader       *reader,
                                              const char           *column,
                                              gboolean              required,
                                              gint64               *out,
                                              gboolean             *present);
gboolean      _atlas_builder_parse_flag      (AtlasDatasetBuilder  *self,
                                              AtlasCsvReader       *reader,
                                              const char           *column,
                                              gint64               *out);
gboolean      _atlas_builder_check_date      (AtlasDatasetBuilder  *self,
                                              AtlasCsvReader       *reader,
                                              const char           *column,
                                              gboolean              required,
                                              AtlasDate            *out);
gboolean      _atlas_builder_check_id        (AtlasDatasetBuilder  *self,
                                              AtlasCsvReader       *reader,
                                              AtlasBuilderEntity    entity,
                                              const char          **out);
gboolean      _atlas_builder_check_reference (AtlasDatasetBuilder  *self,
                                              AtlasCsvReader       *reader,
                                              const char           *column,
                                              AtlasBuilderEntity    entity,
                                              gboolean              required);
gboolean      _atlas_builder_check_district  (AtlasDatasetBuilder  *self,
                                              AtlasCsvReader       *reader,
                                              const char           *column,
                                              gboolean              required,
                                              gint64               *adcode,
                                              gboolean             *present);
gboolean      _atlas_builder_add_citation    (AtlasDatasetBuilder  *self,
                                              AtlasCsvReader       *reader,
                                              sqlite3_stmt         *stmt,
                                              const char           *entity,
                                              const char           *entity_id,
                                              const char           *source_id,
                                              const char           *quote,
                                              const char           *quote_en,
                                              gboolean              required);
gboolean      _atlas_builder_note_says_assumed (const char         *note_en,
                                                const char         *note_zh);

/* atlas-dataset-builder-geo.c */
void          _atlas_builder_load_districts  (AtlasDatasetBuilder  *self);
void          _atlas_builder_load_rivers     (AtlasDatasetBuilder  *self);

/* atlas-dataset-builder-records.c */
void          _atlas_builder_area_row        (AtlasDatasetBuilder  *self,
                                              AtlasCsvReader       *reader,
                                              gpointer              user_data);
void          _atlas_builder_site_row        (AtlasDatasetBuilder  *self,
                                              AtlasCsvReader       *reader,
                                              gpointer              user_data);
void          _atlas_builder_party_row       (AtlasDatasetBuilder  *self,
                                              AtlasCsvReader       *reader,
                                              gpointer              user_data);
void          _atlas_builder_event_row       (AtlasDatasetBuilder  *self,
                                              AtlasCsvReader       *reader,
                                              gpointer              user_data);
void          _atlas_builder_event_link_row  (AtlasDatasetBuilder  *self,
                                              AtlasCsvReader       *reader,
                                              gpointer              user_data);
void          _atlas_builder_series_row      (AtlasDatasetBuilder  *self,
                                              AtlasCsvReader       *reader,
                                              gpointer              user_data);
void          _atlas_builder_statistic_row   (AtlasDatasetBuilder  *self,
                                              AtlasCsvReader       *reader,
                                              gpointer              user_data);
void          _atlas_builder_citation_row    (AtlasDatasetBuilder  *self,
                                              AtlasCsvReader       *reader,
                                              gpointer              user_data);
void          _atlas_builder_check_series_totals (AtlasDatasetBuilder *self);

G_END_DECLS
