/* atlas-csv-export.c
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

#define G_LOG_DOMAIN "atlas-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "atlas-store-private.h"
#include "atlas-csv-export.h"
#include "atlas-export.h"

/* CSV export: one file per table, named as in data/ (sites.csv, events.csv,
 * ...), with the database's columns, so that the importer reads them back.
 * release.csv says which release of the data the export comes from.
 *
 * "CSV for spreadsheets" adds a byte order mark and puts a ' before text
 * that Excel, LibreOffice or WPS would otherwise run as a formula (CSV
 * injection, issue 16); the plain variant is the backup, and reads back
 * exactly.
 */

struct _AtlasExportSelection
{
  GHashTable *sites;
  GHashTable *events;
};

typedef struct
{
  const char *file;
  const char *table;     /* the entity for the selection rules */
  const char *sql;       /* constant text */
} CsvTable;

static const CsvTable csv_tables[] = {
  { "sources.csv", "source",
    "SELECT id, title_zh, title_en, publisher_zh, publisher_en, published_on, kind, seed_file, note,"
    " note_zh FROM v_source ORDER BY id" },
  { "sites.csv", "site",
    "SELECT id, name_zh, name_en, category, district_adcode, lon, lat, location_precision,"
    " description_zh, description_en, established_on, note, area_id, note_zh, caveat_en, caveat_zh"
    " FROM v_site ORDER BY id" },
  { "parties.csv", "party", "SELECT id, name_zh, name_en, kind FROM v_party ORDER BY id" },
  { "events.csv", "event",
    "SELECT id, date, date_precision, kind, title_zh, title_en, summary_zh, summary_en, amount_cny,"
    " project_count, place_site_id, district_adcode, note, amount_qualifier, figures_planned,"
    " note_zh, caveat_en, caveat_zh FROM v_event ORDER BY date, id" },
  { "event_parties.csv", "event_party",
    "SELECT event_id, party_id, role FROM v_event_party ORDER BY event_id, party_id, role" },
  { "event_sites.csv", "event_site",
    "SELECT event_id, site_id, role FROM v_event_site ORDER BY event_id, site_id, role" },
  { "series.csv", "series", "SELECT id, title_zh, title_en, unit, stated_total, note, note_zh FROM v_series ORDER BY id" },
  { "statistics.csv", "statistic",
    "SELECT id, metric, label_zh, label_en, value, qualifier, unit, period, scope, scope_zh,"
    " scope_en, district_adcode, site_id, as_of, is_target, series, series_order, note, note_zh,"
    " caveat_en, caveat_zh FROM v_statistic ORDER BY id" },
  { "citations.csv", "citation",
    "SELECT entity, entity_id, source_id, quote, position, quote_en FROM v_citation"
    " ORDER BY entity, entity_id, position, source_id, quote" },
  { "districts.csv", "district",
    "SELECT adcode, name_zh, name_en, kind, label_lon, label_lat FROM main.district ORDER BY adcode" },
};

AtlasExportSelection *
atlas_export_selection_new (void)
{
  AtlasExportSelection *self = g_new0 (AtlasExportSelection, 1);

  self->sites = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->events = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
atlas_export_selection_free (AtlasExportSelection *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->sites);
  g_hash_table_unref (self->events);
  g_free (self);
}

void
atlas_export_selection_add_site (AtlasExportSelection *self,
                                 const char           *id)
{
  g_hash_table_add (self->sites, g_strdup (id));
}

void
atlas_export_selection_add_event (AtlasExportSelection *self,
                                  const char           *id)
{
  g_hash_table_add (self->events, g_strdup (id));
}

/**
 * atlas_csv_export_get_files:
 *
 * Returns: (transfer none): the names of the files an export writes
 */
const char * const *
atlas_csv_export_get_files (void)
{
  static const char *names[G_N_ELEMENTS (csv_tables) + 2];

  if (names[0] == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (csv_tables); i++)
        names[i] = csv_tables[i].file;
      names[G_N_ELEMENTS (csv_tables)] = "release.csv";
    }
  return names;
}

/* Everything the selected sites and events bring along. */
typedef struct
{
  GHashTable *ids[6];    /* source, site, party, event, series, statistic */
} Included;

static const char * const entities[] = { "source", "site", "party", "event", "series", "statistic" };

static GHashTable *
included_set (Included   *inc,
              const char *entity)
{
  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (g_str_equal (entities[i], entity))
      return inc->ids[i];
  return NULL;
}

static void
included_clear (Included *inc)
{
  for (guint i = 0; i < G_N_ELEMENTS (inc->ids); i++)
    g_clear_pointer (&inc->ids[i], g_hash_table_unref);
}

static void
collect (AtlasStore *store,
         const char *sql,
         GHashTable *from,
         GHashTable *into)
{
  sqlite3_stmt *stmt = atlas_store_prepare (store, sql, NULL);

  if (stmt == NULL)
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *key = (const char *) sqlite3_column_text (stmt, 0);
      const char *value = (const char *) sqlite3_column_text (stmt, 1);

      if (key != NULL && value != NULL && (from == NULL || g_hash_table_contains (from, key)))
        g_hash_table_add (into, g_strdup (value));
    }
  sqlite3_reset (stmt);
}

static void
compute_included (AtlasStore           *store,
                  AtlasExportSelection *selection,
                  Included             *inc)
{
  GHashTable *cited_sources;

  for (guint i = 0; i < G_N_ELEMENTS (inc->ids); i++)
    inc->ids[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  collect (store, "SELECT id, id FROM v_site", selection->sites, included_set (inc, "site"));
  collect (store, "SELECT id, id FROM v_event", selection->events, included_set (inc, "event"));
  collect (store, "SELECT event_id, party_id FROM v_event_party", included_set (inc, "event"),
           included_set (inc, "party"));
  /* Statistics about a selected site, or about no site at all. */
  collect (store, "SELECT site_id, id FROM v_statistic", included_set (inc, "site"),
           included_set (inc, "statistic"));
  collect (store, "SELECT id, id FROM v_statistic WHERE site_id IS NULL", NULL,
           included_set (inc, "statistic"));
  collect (store, "SELECT id, series FROM v_statistic", included_set (inc, "statistic"),
           included_set (inc, "series"));

  cited_sources = included_set (inc, "source");
  for (guint i = 1; i < G_N_ELEMENTS (entities); i++)
    {
      sqlite3_stmt *stmt = atlas_store_prepare (store, "SELECT entity_id, source_id FROM v_citation"
                                                       " WHERE entity = ?1", NULL);
      if (stmt == NULL)
        continue;
      sqlite3_bind_text (stmt, 1, entities[i], -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        if (g_hash_table_contains (inc->ids[i], sqlite3_column_text (stmt, 0)))
          g_hash_table_add (cited_sources, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      sqlite3_reset (stmt);
    }
}

/* Whether the row @stmt is on belongs in an export of @inc (NULL: all). */
static gboolean
row_included (const CsvTable *table,
              sqlite3_stmt   *stmt,
              Included       *inc)
{
  GHashTable *set;

  if (inc == NULL)
    return TRUE;

  if (g_str_equal (table->table, "event_party") || g_str_equal (table->table, "event_site"))
    return g_hash_table_contains (included_set (inc, "event"), sqlite3_column_text (stmt, 0))
           && (g_str_equal (table->table, "event_party")
               || g_hash_table_contains (included_set (inc, "site"), sqlite3_column_text (stmt, 1)));
  if (g_str_equal (table->table, "citation"))
    {
      set = included_set (inc, (const char *) sqlite3_column_text (stmt, 0));
      return set != NULL && g_hash_table_contains (set, sqlite3_column_text (stmt, 1));
    }
  if (g_str_equal (table->table, "district"))
    return TRUE;

  set = included_set (inc, table->table);
  return set != NULL && g_hash_table_contains (set, sqlite3_column_text (stmt, 0));
}

/* Text a spreadsheet would take for a formula (or, with a tab or a carriage
 * return first, could be made to): "=HYPERLINK(…)", "+1+1", "-2+3", "@SUM(…)".
 */
static gboolean
looks_like_formula (const char *value)
{
  return value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@'
         || value[0] == '\t' || value[0] == '\r';
}

static void
append_field (GString     *out,
              const char  *value,
              gboolean     neutralize)
{
  g_autofree char *valid = NULL;
  g_autofree char *quoted = NULL;

  if (value == NULL)
    return;
  /* An export must always read back: text that is not UTF-8 (from an old
   * package, say) is repaired rather than written as it is.
   */
  if (!g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);
  /* Only in CSV for spreadsheets: a leading ' makes the cell text. */
  if (neutralize && looks_like_formula (value))
    value = quoted = g_strconcat ("'", value, NULL);

  if (strpbrk (value, ",\"\r\n") != NULL || (*value == '#' && out->len == 0))
    {
      g_string_append_c (out, '"');
      for (const char *p = value; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, value);
}

static gboolean
write_csv (GFile       *folder,
           const char  *name,
           GString     *text,
           GError     **error)
{
  g_autoptr(GFile) file = g_file_get_child (folder, name);

  return g_file_replace_contents (file, text->str, text->len, NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

/**
 * atlas_csv_export:
 * @folder: where the files go (created if needed)
 * @selection: (nullable): the records to export, or %NULL for all
 *
 * Writes one CSV file per table into @folder.
 */
gboolean
atlas_csv_export (AtlasStore            *store,
                  GFile                 *folder,
                  AtlasExportSelection  *selection,
                  AtlasCsvExportFlags    flags,
                  GError               **error)
{
  Included inc = { 0 };
  g_autoptr(GError) local_error = NULL;
  g_autofree char *version = NULL;
  g_autofree char *created_on = NULL;
  g_autofree char *checksum = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format_iso8601 (now);
  gboolean ok = TRUE;

  g_return_val_if_fail (ATLAS_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);

  if (!g_file_make_directory_with_parents (folder, NULL, &local_error)
      && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (selection != NULL)
    compute_included (store, selection, &inc);

  for (guint t = 0; ok && t < G_N_ELEMENTS (csv_tables); t++)
    {
      const CsvTable *table = &csv_tables[t];
      g_autoptr(GString) text = g_string_new ((flags & ATLAS_CSV_EXPORT_BOM) ? "\xEF\xBB\xBF" : "");
      sqlite3_stmt *stmt = atlas_store_prepare (store, table->sql, error);
      int rc;

      if (stmt == NULL)
        {
          ok = FALSE;
          break;
        }
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        g_string_append_printf (text, "%s%s", c > 0 ? "," : "", sqlite3_column_name (stmt, c));
      g_string_append (text, "\r\n");

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_autoptr(GString) line = g_string_new (NULL);

          if (!row_included (table, stmt, selection != NULL ? &inc : NULL))
            continue;
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              if (c > 0)
                g_string_append_c (line, ',');
              /* Numbers are never formulas: only text is neutralized. */
              append_field (line, (const char *) sqlite3_column_text (stmt, c),
                            (flags & ATLAS_CSV_EXPORT_FORMULAS) != 0
                            && sqlite3_column_type (stmt, c) == SQLITE_TEXT);
            }
          g_string_append (text, line->str);
          g_string_append (text, "\r\n");
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_FAILED, "%s",
                       sqlite3_errmsg (atlas_store_get_db (store)));
          ok = FALSE;
          break;
        }
      ok = write_csv (folder, table->file, text, error);
    }

  if (ok)
    {
      g_autoptr(GString) text = g_string_new ((flags & ATLAS_CSV_EXPORT_BOM) ? "\xEF\xBB\xBF" : "");

      atlas_store_get_release (store, &version, &created_on, &checksum);
      g_string_append (text, "version,created_on,checksum,exported_at,selection\r\n");
      append_field (text, version, FALSE);
      g_string_append_c (text, ',');
      append_field (text, created_on, FALSE);
      g_string_append_c (text, ',');
      append_field (text, checksum, FALSE);
      g_string_append_c (text, ',');
      append_field (text, stamp, FALSE);
      g_string_append_printf (text, ",%s\r\n", selection != NULL ? "filtered" : "all");
      ok = write_csv (folder, "release.csv", text, error);
    }

  included_clear (&inc);
  return ok;
}

static void
filter_json_table (JsonObject *tables,
                   const char *name,
                   Included   *inc)
{
  JsonArray *rows, *kept;

  if (!json_object_has_member (tables, name))
    return;
  rows = json_object_get_array_member (tables, name);
  kept = json_array_new ();
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      gboolean keep;

      if (g_str_equal (name, "event_party"))
        keep = g_hash_table_contains (included_set (inc, "event"),
                                      json_object_get_string_member_with_default (row, "event_id", ""));
      else if (g_str_equal (name, "event_site"))
        keep = g_hash_table_contains (included_set (inc, "event"),
                                      json_object_get_string_member_with_default (row, "event_id", ""))
               && g_hash_table_contains (included_set (inc, "site"),
                                         json_object_get_string_member_with_default (row, "site_id", ""));
      else if (g_str_equal (name, "citation"))
        {
          GHashTable *set = included_set (inc, json_object_get_string_member_with_default (row, "entity", ""));
          keep = set != NULL && g_hash_table_contains (set, json_object_get_string_member_with_default (row, "entity_id", ""));
        }
      else
        {
          GHashTable *set = included_set (inc, name);
          keep = set == NULL || g_hash_table_contains (set, json_object_get_string_member_with_default (row, "id", ""));
        }
      if (keep)
        json_array_add_element (kept, json_node_copy (json_array_get_element (rows, i)));
    }
  json_object_set_array_member (tables, name, kept);
}

/**
 * atlas_json_export_selection:
 * @selection: (nullable): the records to export, or %NULL for all
 *
 * Like atlas_export_json(), limited to @selection.
 */
gboolean
atlas_json_export_selection (AtlasStore            *store,
                             GFile                 *file,
                             AtlasExportSelection  *selection,
                             GError               **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autofree char *text = NULL;
  Included inc = { 0 };
  gsize length;

  if (selection == NULL)
    return atlas_export_json (store, file, error);

  root = atlas_export_build_json (store, error);
  if (root == NULL)
    return FALSE;

  compute_included (store, selection, &inc);
  {
    JsonObject *tables = json_object_get_object_member (json_node_get_object (root), "tables");
    static const char * const names[] = {
      "source", "site", "party", "event", "event_party", "event_site", "series", "statistic",
      "citation", NULL,
    };

    for (guint i = 0; names[i] != NULL; i++)
      filter_json_table (tables, names[i], &inc);
    json_object_set_string_member (json_node_get_object (root), "selection", "filtered");
  }
  included_clear (&inc);

  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 1);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, &length);

  return g_file_replace_contents (file, text, length, NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}
