/* atlas-store-migrations.c
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

#include "atlas-schema.h"
#include "atlas-store-private.h"

/* The user's database holds what the user adds: imported records, stories,
 * and marks hiding bundled records.  Its record tables have the same columns,
 * in the same order, as the bundled ones (a unit test compares them), so the
 * two can be read as one through the TEMP views made below.
 *
 * Each migration takes the schema from version N - 1 to N in one transaction;
 * PRAGMA user_version records the version reached.  Never edit a migration
 * that has shipped: add a new one.
 */

static const char migration_1[] =
  "CREATE TABLE %s.source ("
  "  id TEXT PRIMARY KEY, title_zh TEXT NOT NULL, title_en TEXT NOT NULL,"
  "  publisher_zh TEXT NOT NULL, publisher_en TEXT NOT NULL, published_on TEXT NOT NULL,"
  "  kind TEXT NOT NULL, seed_file TEXT, note TEXT);"
  "CREATE TABLE %s.citation ("
  "  entity TEXT NOT NULL, entity_id TEXT NOT NULL, source_id TEXT NOT NULL,"
  "  quote TEXT NOT NULL, position INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (entity, entity_id, source_id, quote));"
  "CREATE TABLE %s.site ("
  "  id TEXT PRIMARY KEY, name_zh TEXT NOT NULL, name_en TEXT NOT NULL,"
  "  category TEXT NOT NULL, district_adcode INTEGER NOT NULL, lon REAL NOT NULL,"
  "  lat REAL NOT NULL, location_precision TEXT NOT NULL, description_zh TEXT,"
  "  description_en TEXT, established_on TEXT, note TEXT);"
  "CREATE TABLE %s.party ("
  "  id TEXT PRIMARY KEY, name_zh TEXT NOT NULL, name_en TEXT NOT NULL, kind TEXT NOT NULL);"
  "CREATE TABLE %s.event ("
  "  id TEXT PRIMARY KEY, date TEXT NOT NULL, date_precision TEXT NOT NULL,"
  "  kind TEXT NOT NULL, title_zh TEXT NOT NULL, title_en TEXT NOT NULL, summary_zh TEXT,"
  "  summary_en TEXT, amount_cny REAL, project_count INTEGER, place_site_id TEXT,"
  "  district_adcode INTEGER, note TEXT);"
  "CREATE TABLE %s.event_party ("
  "  event_id TEXT NOT NULL, party_id TEXT NOT NULL, role TEXT NOT NULL,"
  "  PRIMARY KEY (event_id, party_id, role));"
  "CREATE TABLE %s.event_site ("
  "  event_id TEXT NOT NULL, site_id TEXT NOT NULL, role TEXT NOT NULL,"
  "  PRIMARY KEY (event_id, site_id, role));"
  "CREATE TABLE %s.series ("
  "  id TEXT PRIMARY KEY, title_zh TEXT NOT NULL, title_en TEXT NOT NULL, unit TEXT,"
  "  stated_total REAL, note TEXT);"
  "CREATE TABLE %s.statistic ("
  "  id TEXT PRIMARY KEY, metric TEXT NOT NULL, label_zh TEXT NOT NULL,"
  "  label_en TEXT NOT NULL, value REAL NOT NULL, qualifier TEXT, unit TEXT NOT NULL,"
  "  period TEXT, scope TEXT NOT NULL, scope_zh TEXT NOT NULL, scope_en TEXT NOT NULL,"
  "  district_adcode INTEGER, site_id TEXT, as_of TEXT NOT NULL,"
  "  is_target INTEGER NOT NULL DEFAULT 0, series TEXT, series_order INTEGER, note TEXT);"
  "CREATE VIRTUAL TABLE %s.search USING fts5 ("
  "  entity UNINDEXED, entity_id UNINDEXED, name, body, tokenize = 'trigram');";

static const char migration_2[] =
  "CREATE TABLE %s.story ("
  "  id TEXT PRIMARY KEY, title_zh TEXT NOT NULL, title_en TEXT NOT NULL);"
  "CREATE TABLE %s.story_step ("
  "  story_id TEXT NOT NULL, position INTEGER NOT NULL, view TEXT NOT NULL,"
  "  state_json TEXT NOT NULL, caption_zh TEXT NOT NULL, caption_en TEXT NOT NULL,"
  "  notes TEXT, PRIMARY KEY (story_id, position));"
  "CREATE TABLE %s.deleted ("
  "  entity TEXT NOT NULL, entity_id TEXT NOT NULL, PRIMARY KEY (entity, entity_id));"
  "CREATE TABLE %s.meta (key TEXT PRIMARY KEY, value TEXT);";

/* Version 3: a log of imports and of dataset updates, with what each changed
 * ("what changed" after an update is read from update_change).
 */
static const char migration_3[] =
  "CREATE TABLE %s.import_log ("
  "  id INTEGER PRIMARY KEY, imported_at TEXT NOT NULL, file TEXT NOT NULL,"
  "  added INTEGER NOT NULL, changed INTEGER NOT NULL);"
  "CREATE TABLE %s.update_log ("
  "  id INTEGER PRIMARY KEY, updated_at TEXT NOT NULL, from_version TEXT,"
  "  to_version TEXT NOT NULL, checksum TEXT NOT NULL, backup TEXT);"
  "CREATE TABLE %s.update_change ("
  "  update_id INTEGER NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL,"
  "  change TEXT NOT NULL, detail TEXT);";

/* Version 4 (dataset format 2): a site may have no point and no district
 * (precision "area" or "unknown"), so the site table is made again without
 * NOT NULL on district_adcode, lon and lat; the records gain the second
 * language of their notes, caveats, an event's amount qualifier and planned
 * flag, and a citation its English gloss.  New columns go at the end, in the
 * bundled schema's order.
 */
static const char migration_4[] =
  "CREATE TABLE %s.site_v4 ("
  "  id TEXT PRIMARY KEY, name_zh TEXT NOT NULL, name_en TEXT NOT NULL,"
  "  category TEXT NOT NULL, district_adcode INTEGER, lon REAL, lat REAL,"
  "  location_precision TEXT NOT NULL, description_zh TEXT, description_en TEXT,"
  "  established_on TEXT, note TEXT, area_id TEXT, note_zh TEXT, caveat_en TEXT,"
  "  caveat_zh TEXT);"
  "INSERT INTO %s.site_v4 (id, name_zh, name_en, category, district_adcode, lon, lat,"
  "  location_precision, description_zh, description_en, established_on, note)"
  "  SELECT id, name_zh, name_en, category, district_adcode, lon, lat, location_precision,"
  "  description_zh, description_en, established_on, note FROM %s.site;"
  "DROP TABLE %s.site;"
  "ALTER TABLE %s.site_v4 RENAME TO site;"
  "ALTER TABLE %s.source ADD COLUMN note_zh TEXT;"
  "ALTER TABLE %s.citation ADD COLUMN quote_en TEXT;"
  "ALTER TABLE %s.event ADD COLUMN amount_qualifier TEXT;"
  "ALTER TABLE %s.event ADD COLUMN figures_planned INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE %s.event ADD COLUMN note_zh TEXT;"
  "ALTER TABLE %s.event ADD COLUMN caveat_en TEXT;"
  "ALTER TABLE %s.event ADD COLUMN caveat_zh TEXT;"
  "ALTER TABLE %s.series ADD COLUMN note_zh TEXT;"
  "ALTER TABLE %s.statistic ADD COLUMN note_zh TEXT;"
  "ALTER TABLE %s.statistic ADD COLUMN caveat_en TEXT;"
  "ALTER TABLE %s.statistic ADD COLUMN caveat_zh TEXT;";

/* Version 5: speaker notes in both languages; "notes" keeps the notes as
 * they were written (the bundled story's are English), "notes_zh" adds the
 * Chinese ones.
 */
static const char migration_5[] =
  "ALTER TABLE %s.story_step ADD COLUMN notes_zh TEXT NOT NULL DEFAULT '';";

static const char * const migrations[] = {
  migration_1, migration_2, migration_3, migration_4, migration_5,
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == ATLAS_USER_SCHEMA_VERSION);

/* Tables whose rows the user database can add to the bundled ones. */
const char * const _atlas_store_record_tables[] = {
  "source", "site", "party", "event", "series", "statistic", NULL,
};

static const char * const link_tables[] = {
  "citation", "event_party", "event_site", NULL,
};

/* The schema name is "user" or "main" (tests), never user input. */
gboolean
_atlas_store_migrate_user (sqlite3     *db,
                           const char  *schema,
                           int          from_version,
                           GError     **error)
{
  return _atlas_store_migrate_user_to (db, schema, from_version, ATLAS_USER_SCHEMA_VERSION, error);
}

/* Tests use this to make databases of an old version. */
gboolean
_atlas_store_migrate_user_to (sqlite3     *db,
                              const char  *schema,
                              int          from_version,
                              int          to_version,
                              GError     **error)
{
  g_return_val_if_fail (g_strcmp0 (schema, "user") == 0 || g_strcmp0 (schema, "main") == 0,
                        FALSE);
  /* The versions index migrations[]: a file's own number is checked by the
   * store before it gets here (atlas-store.c, check_user()).
   */
  g_return_val_if_fail (from_version >= 0, FALSE);
  g_return_val_if_fail (to_version <= ATLAS_USER_SCHEMA_VERSION, FALSE);

  for (int v = from_version; v < to_version; v++)
    {
      g_autoptr(GString) sql = g_string_new (migrations[v]);
      g_autofree char *version = NULL;

      g_string_replace (sql, "%s", schema, 0);
      version = g_strdup_printf ("PRAGMA %s.user_version = %d;", schema, v + 1);
      /* Deferred: IMMEDIATE would lock the read-only bundled data too. */
      g_string_prepend (sql, "BEGIN;");
      g_string_append (sql, version);
      g_string_append (sql, "COMMIT;");

      if (!atlas_sqlite_exec (db, sql->str, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FAILED, error))
        {
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          g_prefix_error (error, "cannot upgrade your data to version %d: ", v + 1);
          return FALSE;
        }
    }

  return TRUE;
}

/* TEMP views v_<table> that read the bundled and the user rows as one: a user
 * row replaces the bundled row of the same id, and a "deleted" mark hides one.
 * The column names come from the atlas's own list (atlas-schema.c), never
 * from either file: "main" may be a downloaded dataset.
 */
gboolean
_atlas_store_create_merged_views (sqlite3  *db,
                                  GError  **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);

  for (guint i = 0; _atlas_store_record_tables[i] != NULL; i++)
    {
      const char *table = _atlas_store_record_tables[i];
      g_autoptr(GString) columns = g_string_new (NULL);

      atlas_schema_append_columns (columns, atlas_schema_lookup_table (table), NULL);
      g_string_append_printf (sql,
                              "CREATE TEMP VIEW v_%1$s AS"
                              " SELECT %2$s, 1 AS from_user FROM user.%1$s"
                              " UNION ALL"
                              " SELECT %2$s, 0 AS from_user FROM main.%1$s"
                              " WHERE id NOT IN (SELECT id FROM user.%1$s)"
                              " AND id NOT IN (SELECT entity_id FROM user.deleted"
                              "                WHERE entity = '%1$s');",
                              table, columns->str);
    }

  for (guint i = 0; link_tables[i] != NULL; i++)
    {
      const char *table = link_tables[i];
      g_autoptr(GString) columns = g_string_new (NULL);

      atlas_schema_append_columns (columns, atlas_schema_lookup_table (table), NULL);
      g_string_append_printf (sql,
                              "CREATE TEMP VIEW v_%1$s AS"
                              " SELECT %2$s FROM user.%1$s"
                              " UNION ALL SELECT %2$s FROM main.%1$s;",
                              table, columns->str);
    }

  return atlas_sqlite_exec (db, sql->str, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FAILED, error);
}
