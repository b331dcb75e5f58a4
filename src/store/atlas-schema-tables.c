/* atlas-schema-tables.c
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

#include "atlas-schema.h"
#include "atlas-store-private.h"

/* The tables and columns of a dataset, the only names the store ever puts
 * in SQL text (a package or a user file can never supply one), and the
 * dataset's schema as compiled in.  atlas-schema.c holds files from outside
 * to them.
 */

#define TEXT ATLAS_SCHEMA_TYPE_TEXT
#define INTEGER ATLAS_SCHEMA_TYPE_INTEGER
#define REAL ATLAS_SCHEMA_TYPE_REAL
#define BLOB ATLAS_SCHEMA_TYPE_BLOB

static const AtlasSchemaColumn release_columns[] = {
  { "version", TEXT, TRUE, 0 }, { "created_on", TEXT, TRUE, 0 }, { "checksum", TEXT, TRUE, 0 },
};

static const AtlasSchemaColumn source_columns[] = {
  { "id", TEXT, FALSE, 1 }, { "title_zh", TEXT, TRUE, 0 }, { "title_en", TEXT, TRUE, 0 },
  { "publisher_zh", TEXT, TRUE, 0 }, { "publisher_en", TEXT, TRUE, 0 },
  { "published_on", TEXT, TRUE, 0 }, { "kind", TEXT, TRUE, 0 }, { "seed_file", TEXT, FALSE, 0 },
  { "note", TEXT, FALSE, 0 }, { "note_zh", TEXT, FALSE, 0 },
};

static const AtlasSchemaColumn citation_columns[] = {
  { "entity", TEXT, TRUE, 1 }, { "entity_id", TEXT, TRUE, 2 }, { "source_id", TEXT, TRUE, 3 },
  { "quote", TEXT, TRUE, 4 }, { "position", INTEGER, TRUE, 0, "0" }, { "quote_en", TEXT, FALSE, 0 },
};

static const AtlasSchemaColumn district_columns[] = {
  { "adcode", INTEGER, FALSE, 1 }, { "name_zh", TEXT, TRUE, 0 }, { "name_en", TEXT, TRUE, 0 },
  { "kind", TEXT, TRUE, 0 }, { "geometry", BLOB, TRUE, 0 }, { "label_lon", REAL, TRUE, 0 },
  { "label_lat", REAL, TRUE, 0 }, { "min_lon", REAL, TRUE, 0 }, { "min_lat", REAL, TRUE, 0 },
  { "max_lon", REAL, TRUE, 0 }, { "max_lat", REAL, TRUE, 0 },
};

static const AtlasSchemaColumn river_columns[] = {
  { "id", TEXT, FALSE, 1 }, { "name_zh", TEXT, FALSE, 0 }, { "name_en", TEXT, FALSE, 0 },
  { "level", INTEGER, TRUE, 0 }, { "geometry", BLOB, TRUE, 0 }, { "label_lon", REAL, FALSE, 0 },
  { "label_lat", REAL, FALSE, 0 },
};

static const AtlasSchemaColumn area_columns[] = {
  { "id", TEXT, FALSE, 1 }, { "name_zh", TEXT, TRUE, 0 }, { "name_en", TEXT, TRUE, 0 },
  { "description_zh", TEXT, FALSE, 0 }, { "description_en", TEXT, FALSE, 0 },
  { "note", TEXT, FALSE, 0 }, { "note_zh", TEXT, FALSE, 0 },
};

static const AtlasSchemaColumn area_district_columns[] = {
  { "area_id", TEXT, TRUE, 1 }, { "adcode", INTEGER, TRUE, 2 },
};

static const AtlasSchemaColumn site_columns[] = {
  { "id", TEXT, FALSE, 1 }, { "name_zh", TEXT, TRUE, 0 }, { "name_en", TEXT, TRUE, 0 },
  { "category", TEXT, TRUE, 0 }, { "district_adcode", INTEGER, FALSE, 0 },
  { "lon", REAL, FALSE, 0 }, { "lat", REAL, FALSE, 0 }, { "location_precision", TEXT, TRUE, 0 },
  { "description_zh", TEXT, FALSE, 0 }, { "description_en", TEXT, FALSE, 0 },
  { "established_on", TEXT, FALSE, 0 }, { "note", TEXT, FALSE, 0 },
  { "area_id", TEXT, FALSE, 0 }, { "note_zh", TEXT, FALSE, 0 }, { "caveat_en", TEXT, FALSE, 0 },
  { "caveat_zh", TEXT, FALSE, 0 },
};

static const AtlasSchemaColumn party_columns[] = {
  { "id", TEXT, FALSE, 1 }, { "name_zh", TEXT, TRUE, 0 }, { "name_en", TEXT, TRUE, 0 },
  { "kind", TEXT, TRUE, 0 },
};

static const AtlasSchemaColumn event_columns[] = {
  { "id", TEXT, FALSE, 1 }, { "date", TEXT, TRUE, 0 }, { "date_precision", TEXT, TRUE, 0 },
  { "kind", TEXT, TRUE, 0 }, { "title_zh", TEXT, TRUE, 0 }, { "title_en", TEXT, TRUE, 0 },
  { "summary_zh", TEXT, FALSE, 0 }, { "summary_en", TEXT, FALSE, 0 },
  { "amount_cny", REAL, FALSE, 0 }, { "project_count", INTEGER, FALSE, 0 },
  { "place_site_id", TEXT, FALSE, 0 }, { "district_adcode", INTEGER, FALSE, 0 },
  { "note", TEXT, FALSE, 0 }, { "amount_qualifier", TEXT, FALSE, 0 },
  { "figures_planned", INTEGER, TRUE, 0, "0" }, { "note_zh", TEXT, FALSE, 0 },
  { "caveat_en", TEXT, FALSE, 0 }, { "caveat_zh", TEXT, FALSE, 0 },
};

static const AtlasSchemaColumn event_party_columns[] = {
  { "event_id", TEXT, TRUE, 1 }, { "party_id", TEXT, TRUE, 2 }, { "role", TEXT, TRUE, 3 },
};

static const AtlasSchemaColumn event_site_columns[] = {
  { "event_id", TEXT, TRUE, 1 }, { "site_id", TEXT, TRUE, 2 }, { "role", TEXT, TRUE, 3 },
};

static const AtlasSchemaColumn series_columns[] = {
  { "id", TEXT, FALSE, 1 }, { "title_zh", TEXT, TRUE, 0 }, { "title_en", TEXT, TRUE, 0 },
  { "unit", TEXT, FALSE, 0 }, { "stated_total", REAL, FALSE, 0 }, { "note", TEXT, FALSE, 0 },
  { "note_zh", TEXT, FALSE, 0 },
};

static const AtlasSchemaColumn statistic_columns[] = {
  { "id", TEXT, FALSE, 1 }, { "metric", TEXT, TRUE, 0 }, { "label_zh", TEXT, TRUE, 0 },
  { "label_en", TEXT, TRUE, 0 }, { "value", REAL, TRUE, 0 }, { "qualifier", TEXT, FALSE, 0 },
  { "unit", TEXT, TRUE, 0 }, { "period", TEXT, FALSE, 0 }, { "scope", TEXT, TRUE, 0 },
  { "scope_zh", TEXT, TRUE, 0 }, { "scope_en", TEXT, TRUE, 0 },
  { "district_adcode", INTEGER, FALSE, 0 }, { "site_id", TEXT, FALSE, 0 },
  { "as_of", TEXT, TRUE, 0 }, { "is_target", INTEGER, TRUE, 0, "0" },
  { "series", TEXT, FALSE, 0 }, { "series_order", INTEGER, FALSE, 0 }, { "note", TEXT, FALSE, 0 },
  { "note_zh", TEXT, FALSE, 0 }, { "caveat_en", TEXT, FALSE, 0 }, { "caveat_zh", TEXT, FALSE, 0 },
};

static const AtlasSchemaColumn story_columns[] = {
  { "id", TEXT, FALSE, 1 }, { "title_zh", TEXT, TRUE, 0 }, { "title_en", TEXT, TRUE, 0 },
};

static const AtlasSchemaColumn story_step_columns[] = {
  { "story_id", TEXT, TRUE, 1 }, { "position", INTEGER, TRUE, 2 }, { "view", TEXT, TRUE, 0 },
  { "state_json", TEXT, TRUE, 0 }, { "caption_zh", TEXT, TRUE, 0 },
  { "caption_en", TEXT, TRUE, 0 }, { "notes", TEXT, FALSE, 0 },
};

#undef TEXT
#undef INTEGER
#undef REAL
#undef BLOB

#define TABLE(name) { #name, name##_columns, G_N_ELEMENTS (name##_columns) }

/* In the order rows are copied: a table's references come before it. */
static const AtlasSchemaTable tables[] = {
  TABLE (release), TABLE (source), TABLE (citation), TABLE (district), TABLE (river),
  TABLE (area), TABLE (area_district), TABLE (site), TABLE (party), TABLE (event), TABLE (event_party), TABLE (event_site),
  TABLE (series), TABLE (statistic), TABLE (story), TABLE (story_step),
};

#undef TABLE

/* The package's own table; its key/value rows are read with bound keys. */
static const char manifest_sql[] =
  "CREATE TABLE manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL)";

/* The tables FTS5 makes for the "search" index.  Their CREATE text is
 * SQLite's, not ours, and may differ between SQLite releases, so only their
 * names are held to; the atlas never reads them from a package.
 */
static const char * const search_shadow_tables[] = {
  "search_data", "search_idx", "search_content", "search_docsize", "search_config", NULL,
};

const AtlasSchemaTable *
atlas_schema_get_tables (guint *n_tables)
{
  if (n_tables != NULL)
    *n_tables = G_N_ELEMENTS (tables);
  return tables;
}

const AtlasSchemaTable *
atlas_schema_lookup_table (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_strcmp0 (tables[i].name, name) == 0)
      return &tables[i];
  return NULL;
}

const char *
atlas_schema_type_name (AtlasSchemaType type)
{
  switch (type)
    {
    case ATLAS_SCHEMA_TYPE_TEXT: return "TEXT";
    case ATLAS_SCHEMA_TYPE_INTEGER: return "INTEGER";
    case ATLAS_SCHEMA_TYPE_REAL: return "REAL";
    case ATLAS_SCHEMA_TYPE_BLOB: return "BLOB";
    default: g_return_val_if_reached (NULL);
    }
}

/**
 * atlas_schema_append_columns:
 * @prefix: (nullable): a table alias put before each name, such as "n"
 *
 * Appends the quoted column names of @table, comma-separated.
 */
void
atlas_schema_append_columns (GString                *sql,
                             const AtlasSchemaTable *table,
                             const char             *prefix)
{
  for (guint c = 0; c < table->n_columns; c++)
    {
      if (c > 0)
        g_string_append (sql, ", ");
      if (prefix != NULL)
        g_string_append_printf (sql, "%s.", prefix);
      atlas_sqlite_append_identifier (sql, table->columns[c].name);
    }
}

/**
 * atlas_schema_get_dataset_sql:
 *
 * Returns: (transfer none): data/schema.sql, as compiled into the program
 */
const char *
atlas_schema_get_dataset_sql (void)
{
  static char *sql = NULL;

  if (g_once_init_enter (&sql))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = _atlas_store_lookup_resource ("schema.sql", &error);
      char *text;

      /* The resource is part of the build: without it nothing works. */
      if (bytes == NULL)
        g_error ("The dataset schema is missing from this build: %s", error->message);
      text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_once_init_leave (&sql, text);
    }
  return sql;
}

const char *
atlas_schema_get_manifest_sql (void)
{
  return manifest_sql;
}

/* The names of the tables FTS5 keeps for the search index. */
const char * const *
atlas_schema_get_search_shadow_tables (void)
{
  return search_shadow_tables;
}
