/* atlas-search-index.c
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

#include "atlas-search-index.h"
#include "atlas-sqlite-util.h"

#include <gio/gio.h>

/* The full-text table "search" holds one row per searchable record: its names
 * in both languages, and a body of descriptions, summaries, district, area and
 * party names.  The same statements fill the bundled database (atlas-dbgen) and the
 * user's database (after an import), each from its own record tables; the
 * schema name is one of a fixed set, never user input.
 */
/* One INSERT per kind of record; %1$s is the schema, and each ends where a
 * filter on the record's id may follow (%2$s, %3$s, %4$s: empty for a
 * rebuild, or the pending ids of an update).
 */
static const char *index_sql =
  "INSERT INTO %1$s.search (entity, entity_id, name, body)"
  "  SELECT 'site', s.id, s.name_zh || ' ' || s.name_en,"
  "         coalesce (s.description_zh, '') || ' ' || coalesce (s.description_en, '')"
  "         || ' ' || coalesce (d.name_zh, '') || ' ' || coalesce (d.name_en, '')"
  "         || ' ' || coalesce (a.name_zh, '') || ' ' || coalesce (a.name_en, '')"
  "  FROM %1$s.site s LEFT JOIN main.district d ON d.adcode = s.district_adcode"
  "  LEFT JOIN main.area a ON a.id = s.area_id%2$s;"
  "INSERT INTO %1$s.search (entity, entity_id, name, body)"
  "  SELECT 'event', e.id, e.title_zh || ' ' || e.title_en,"
  "         coalesce (e.summary_zh, '') || ' ' || coalesce (e.summary_en, '') || ' ' ||"
  "         coalesce ((SELECT group_concat (p.name_zh || ' ' || p.name_en, ' ')"
  "                    FROM %1$s.event_party ep JOIN %1$s.party p ON p.id = ep.party_id"
  "                    WHERE ep.event_id = e.id), '')"
  "  FROM %1$s.event e%3$s;"
  "INSERT INTO %1$s.search (entity, entity_id, name, body)"
  "  SELECT 'statistic', id, label_zh || ' ' || label_en, scope_zh || ' ' || scope_en"
  "  FROM %1$s.statistic%4$s;";

static const char *district_sql =
  "INSERT INTO main.search (entity, entity_id, name, body)"
  "  SELECT 'district', CAST (adcode AS TEXT), name_zh || ' ' || name_en, ''"
  "  FROM main.district;";

static gboolean
run (sqlite3     *db,
     const char  *schema,
     const char  *prefix,
     const char  *site_filter,
     const char  *event_filter,
     const char  *statistic_filter,
     GError     **error)
{
  g_autoptr(GString) sql = g_string_new (prefix);

  /* g_strdup_printf with positional arguments is not portable everywhere;
   * substitute the fixed schema name and filters by hand.
   */
  g_string_append (sql, index_sql);
  g_string_replace (sql, "%1$s", schema, 0);
  g_string_replace (sql, "%2$s", site_filter, 0);
  g_string_replace (sql, "%3$s", event_filter, 0);
  g_string_replace (sql, "%4$s", statistic_filter, 0);
  if (g_str_equal (schema, "main") && *site_filter == '\0')
    g_string_append (sql, district_sql);

  if (!atlas_sqlite_exec (db, sql->str, G_IO_ERROR, G_IO_ERROR_FAILED, error))
    {
      g_prefix_error (error, "could not build the search index: ");
      return FALSE;
    }

  return TRUE;
}

gboolean
atlas_search_index_rebuild (sqlite3     *db,
                            const char  *schema,
                            GError     **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (g_strcmp0 (schema, "main") == 0 || g_strcmp0 (schema, "user") == 0,
                        FALSE);

  return run (db, schema, "DELETE FROM %1$s.search;", "", "", "", error);
}

/* The largest rowid below which the rowids of new rows are known to be
 * larger than every old one: SQLite gives a new row one more than the
 * largest rowid in the table, unless that is the largest possible, when it
 * picks at random.  Far below that, the rows an import adds are exactly
 * those after the mark.
 */
#define LAST_ROWID_LIMIT (G_GINT64_CONSTANT (1) << 62)

/**
 * atlas_search_index_prepare_update:
 * @by_rowid: (out): whether atlas_search_index_update() can find the
 *   records added from now on by their rowids, without a list
 *
 * Call in the transaction that writes, before its first write.  Makes (or
 * empties) temp.atlas_search_pending (entity, entity_id), where the caller
 * lists the user records whose index rows are to be (re)made by
 * atlas_search_index_update(), and notes the last rowid of each user table
 * with index rows.
 */
gboolean
atlas_search_index_prepare_update (sqlite3   *db,
                                   gboolean  *by_rowid,
                                   GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (by_rowid != NULL, FALSE);

  *by_rowid = FALSE;
  if (!atlas_sqlite_exec (db, "CREATE TEMP TABLE IF NOT EXISTS atlas_search_pending"
                              " (entity TEXT NOT NULL, entity_id TEXT NOT NULL,"
                              "  PRIMARY KEY (entity, entity_id)) WITHOUT ROWID;"
                              "DELETE FROM temp.atlas_search_pending;"
                              "CREATE TEMP TABLE IF NOT EXISTS atlas_search_mark"
                              " (entity TEXT PRIMARY KEY, last_rowid INTEGER NOT NULL);"
                              "DELETE FROM temp.atlas_search_mark;"
                              "INSERT INTO temp.atlas_search_mark (entity, last_rowid)"
                              "  SELECT 'site', coalesce (max (rowid), 0) FROM user.site"
                              "  UNION ALL SELECT 'event', coalesce (max (rowid), 0) FROM user.event"
                              "  UNION ALL SELECT 'statistic', coalesce (max (rowid), 0) FROM user.statistic;",
                          G_IO_ERROR, G_IO_ERROR_FAILED, error))
    {
      g_prefix_error (error, "could not prepare the search index: ");
      return FALSE;
    }
  if (sqlite3_prepare_v2 (db, "SELECT max (last_rowid) FROM temp.atlas_search_mark", -1, &stmt, NULL) != SQLITE_OK
      || sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "could not prepare the search index: %s", sqlite3_errmsg (db));
      return FALSE;
    }
  *by_rowid = sqlite3_column_int64 (stmt, 0) < LAST_ROWID_LIMIT;
  return TRUE;
}

/**
 * atlas_search_index_update:
 * @how: which records to (re)make the index rows of
 *
 * Remakes the user index rows of some records only, as
 * atlas_search_index_rebuild() would make them: an import of ten records
 * into 100,000 does not tokenize the 100,000 again.
 *
 * %ATLAS_SEARCH_UPDATE_ADDED: every user site, event and figure written
 * since atlas_search_index_prepare_update(), which must have said @by_rowid;
 * all of them new (an add, not a change), so without rows yet.
 *
 * %ATLAS_SEARCH_UPDATE_LISTED_NEW: those in temp.atlas_search_pending, all
 * new; %ATLAS_SEARCH_UPDATE_LISTED: those listed, which may have rows to
 * replace.  Events whose parties are listed (entity "party") are remade too.
 */
gboolean
atlas_search_index_update (sqlite3           *db,
                           AtlasSearchUpdate  how,
                           GError           **error)
{
  /* A larger buffer of pending terms while the rows go in: FTS5 then writes
   * a few large segments instead of merging many small ones, which halves
   * the cost of indexing 100,000 records.  The default is put back after.
   */
  static const char prefix[] =
    "INSERT INTO user.search (search, rank) VALUES ('hashsize', 33554432);"
    "INSERT OR IGNORE INTO temp.atlas_search_pending (entity, entity_id)"
    "  SELECT 'event', event_id FROM user.event_party"
    "  WHERE party_id IN (SELECT entity_id FROM temp.atlas_search_pending WHERE entity = 'party');";
  /* The index has no key on entity_id: finding the old rows reads all of
   * user.search (2 s at 100,000 records), so it is left out when every
   * listed record is new and cannot have a row yet.
   */
  static const char remove_old[] =
    "DELETE FROM user.search WHERE rowid IN"
    "  (SELECT s.rowid FROM user.search s JOIN temp.atlas_search_pending p"
    "   ON p.entity = s.entity AND p.entity_id = s.entity_id);";
  g_autofree char *start = g_strconcat (prefix, how == ATLAS_SEARCH_UPDATE_LISTED ? remove_old : "", NULL);
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);

  /* The added rows are a range of rowids, read in order; a list would be
   * made, sorted and looked up for each of them.
   */
  if (how == ATLAS_SEARCH_UPDATE_ADDED)
    ok = run (db, "user", start,
              " WHERE s.rowid > (SELECT last_rowid FROM temp.atlas_search_mark WHERE entity = 'site')",
              " WHERE e.rowid > (SELECT last_rowid FROM temp.atlas_search_mark WHERE entity = 'event')",
              " WHERE rowid > (SELECT last_rowid FROM temp.atlas_search_mark WHERE entity = 'statistic')",
              error);
  else
    ok = run (db, "user", start,
              " WHERE s.id IN (SELECT entity_id FROM temp.atlas_search_pending WHERE entity = 'site')",
              " WHERE e.id IN (SELECT entity_id FROM temp.atlas_search_pending WHERE entity = 'event')",
              " WHERE id IN (SELECT entity_id FROM temp.atlas_search_pending WHERE entity = 'statistic')",
              error);
  if (!ok)
    return FALSE;
  if (!atlas_sqlite_exec (db, "INSERT INTO user.search (search, rank) VALUES ('hashsize', 1048576)",
                          G_IO_ERROR, G_IO_ERROR_FAILED, error))
    {
      g_prefix_error (error, "could not build the search index: ");
      return FALSE;
    }
  return TRUE;
}

/* An FTS5 query matching @text as one phrase (any substring with the trigram
 * tokenizer).  Quotes are doubled, so the text cannot add query syntax.
 */
char *
atlas_search_build_match (const char *text)
{
  g_autoptr(GString) s = g_string_new ("\"");

  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (s, '"');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '"');
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* A LIKE pattern (with ESCAPE '\') for texts too short for trigrams. */
char *
atlas_search_build_like (const char *text)
{
  g_autoptr(GString) s = g_string_new ("%");

  for (const char *p = text; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '%');
  return g_string_free (g_steal_pointer (&s), FALSE);
}
