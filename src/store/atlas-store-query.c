/* atlas-store-query.c
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

#include "atlas-store-private.h"
#include "atlas-store-query.h"

/* The model's questions and the SQL that answers them.  The records come
 * from the merged views (v_site, v_event...), where the user's own records
 * take the place of the dataset's; reference data (districts, rivers, areas)
 * from the dataset alone ("main").
 */

static const char * const queries[ATLAS_N_QUERIES] = {
  [ATLAS_QUERY_SOURCES] =
    "SELECT id, title_zh, title_en, publisher_zh, publisher_en, published_on, kind, seed_file,"
    " note, note_zh FROM v_source ORDER BY published_on, id",
  [ATLAS_QUERY_DISTRICTS] =
    "SELECT adcode, name_zh, name_en, kind, geometry, label_lon, label_lat"
    " FROM main.district ORDER BY adcode",
  [ATLAS_QUERY_RIVERS] =
    "SELECT id, name_zh, name_en, level, geometry, label_lon, label_lat"
    " FROM main.river ORDER BY level DESC, id",
  [ATLAS_QUERY_AREAS] =
    "SELECT id, name_zh, name_en, description_zh, description_en, note, note_zh"
    " FROM main.area ORDER BY id",
  [ATLAS_QUERY_AREA_DISTRICTS] =
    "SELECT area_id, adcode FROM main.area_district ORDER BY area_id, adcode",
  [ATLAS_QUERY_SITES] =
    "SELECT id, name_zh, name_en, category, district_adcode, lon, lat, location_precision,"
    " established_on, note, from_user, area_id, note_zh, caveat_en, caveat_zh"
    /* In the order of the tables, not of the ids: ordering the merged view
     * reads each row through the id index, three times slower at 100,000
     * sites than sorting the records afterwards (atlas-site-list.c does).
     */
    " FROM v_site",
  /* How many rows ATLAS_QUERY_SITES gives at most (a user's row that
   * replaces a bundled one is counted twice), for the model to make room
   * once: counting each table is a walk over its id index, not its rows.
   */
  [ATLAS_QUERY_SITES_AT_MOST] =
    "SELECT (SELECT count (*) FROM user.site) + (SELECT count (*) FROM main.site)",
  [ATLAS_QUERY_PARTIES] =
    "SELECT id, name_zh, name_en, kind FROM v_party ORDER BY id",
  [ATLAS_QUERY_EVENTS] =
    "SELECT id, date, date_precision, kind, title_zh, title_en, summary_zh, summary_en,"
    " amount_cny, project_count, place_site_id, district_adcode, note, from_user,"
    " amount_qualifier, figures_planned, note_zh, caveat_en, caveat_zh"
    " FROM v_event ORDER BY date, id",
  [ATLAS_QUERY_EVENT_PARTIES] =
    "SELECT event_id, party_id, role FROM v_event_party",
  [ATLAS_QUERY_EVENT_SITES] =
    "SELECT event_id, site_id, role FROM v_event_site",
  [ATLAS_QUERY_SERIES] =
    "SELECT id, title_zh, title_en, unit, stated_total, note, note_zh FROM v_series ORDER BY id",
  [ATLAS_QUERY_STATISTICS] =
    "SELECT id, metric, label_zh, label_en, value, qualifier, unit, period, scope, scope_zh,"
    " scope_en, district_adcode, site_id, as_of, is_target, series, series_order, note,"
    " from_user, note_zh, caveat_en, caveat_zh FROM v_statistic"
    " ORDER BY series IS NULL, series, series_order, id",
  /* How many records cite one source (a record citing it twice counts once). */
  [ATLAS_QUERY_CITATION_COUNT_OF] =
    "SELECT count(*) AS records FROM"
    " (SELECT DISTINCT entity, entity_id FROM v_citation WHERE source_id = ?1)",
  [ATLAS_QUERY_CITATIONS_OF] =
    "SELECT source_id, quote, quote_en FROM v_citation"
    " WHERE entity = ?1 AND entity_id = ?2 ORDER BY position",
  [ATLAS_QUERY_RECORDS_CITING] =
    "SELECT DISTINCT entity, entity_id FROM v_citation"
    " WHERE source_id = ?1 ORDER BY entity, entity_id",
  /* The columns of a site that the model reads only when they are shown. */
  [ATLAS_QUERY_SITE_TEXTS] =
    "SELECT description_zh, description_en FROM v_site WHERE id = ?1",
};

struct _AtlasRows
{
  AtlasStore   *store;
  sqlite3_stmt *stmt;      /* the store's cached statement, reset when done */
  gboolean      done;
  int           rc;        /* how stepping ended */
  char         *message;   /* why, when it failed */
};

/**
 * atlas_store_query:
 * @param1: (nullable): the value of ?1, for the queries that take one
 * @param2: (nullable): the value of ?2
 *
 * Returns: (transfer full) (nullable): the answer, to read row by row with
 *   atlas_rows_next(); %NULL with @error set when the question cannot be
 *   asked (a damaged database)
 */
AtlasRows *
atlas_store_query (AtlasStore  *store,
                   AtlasQuery   query,
                   const char  *param1,
                   const char  *param2,
                   GError     **error)
{
  AtlasRows *rows;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);
  g_return_val_if_fail (query < ATLAS_N_QUERIES, NULL);

  if ((stmt = atlas_store_prepare (store, queries[query], error)) == NULL)
    return NULL;
  if (param1 != NULL)
    sqlite3_bind_text (stmt, 1, param1, -1, SQLITE_TRANSIENT);
  if (param2 != NULL)
    sqlite3_bind_text (stmt, 2, param2, -1, SQLITE_TRANSIENT);

  rows = g_new0 (AtlasRows, 1);
  rows->store = g_object_ref (store);
  rows->stmt = stmt;
  return rows;
}

/**
 * atlas_rows_next:
 *
 * Moves to the next row.
 *
 * Returns: %TRUE on a row; %FALSE at the end or when reading failed (see
 *   atlas_rows_finish())
 */
gboolean
atlas_rows_next (AtlasRows *rows)
{
  g_return_val_if_fail (rows != NULL, FALSE);

  if (rows->done)
    return FALSE;

  rows->rc = sqlite3_step (rows->stmt);
  if (rows->rc == SQLITE_ROW)
    return TRUE;

  rows->done = TRUE;
  if (rows->rc != SQLITE_DONE)
    rows->message = g_strdup (sqlite3_errmsg (atlas_store_get_db (rows->store)));
  sqlite3_reset (rows->stmt);
  return FALSE;
}

/**
 * atlas_rows_finish:
 *
 * Returns: %TRUE when every row was read; %FALSE with @error set when
 *   reading stopped on a failure
 */
gboolean
atlas_rows_finish (AtlasRows  *rows,
                   GError    **error)
{
  g_return_val_if_fail (rows != NULL, FALSE);

  if (rows->message == NULL)
    return TRUE;
  g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT,
               "Cannot read the data: %s", rows->message);
  return FALSE;
}

/* The position of the column @name, to read it by; -1 if there is none.
 * Look it up once, before the rows.
 */
int
atlas_rows_column (AtlasRows  *rows,
                   const char *name)
{
  int n;

  g_return_val_if_fail (rows != NULL, -1);

  n = sqlite3_column_count (rows->stmt);
  for (int i = 0; i < n; i++)
    if (g_strcmp0 (sqlite3_column_name (rows->stmt, i), name) == 0)
      return i;

  g_critical ("The store's answer has no column “%s”", name);
  return -1;
}

const char *
atlas_rows_text (AtlasRows *rows,
                 int        column)
{
  return column >= 0 ? (const char *) sqlite3_column_text (rows->stmt, column) : NULL;
}

gboolean
atlas_rows_is_null (AtlasRows *rows,
                    int        column)
{
  return column < 0 || sqlite3_column_type (rows->stmt, column) == SQLITE_NULL;
}

int
atlas_rows_int (AtlasRows *rows,
                int        column,
                int        if_null)
{
  return atlas_rows_is_null (rows, column) ? if_null : sqlite3_column_int (rows->stmt, column);
}

double
atlas_rows_double (AtlasRows *rows,
                   int        column,
                   double     if_null)
{
  return atlas_rows_is_null (rows, column) ? if_null : sqlite3_column_double (rows->stmt, column);
}

gconstpointer
atlas_rows_blob (AtlasRows *rows,
                 int        column,
                 gsize     *size)
{
  if (column < 0)
    {
      *size = 0;
      return NULL;
    }
  *size = sqlite3_column_bytes (rows->stmt, column);
  return sqlite3_column_blob (rows->stmt, column);
}

void
atlas_rows_free (AtlasRows *rows)
{
  if (rows == NULL)
    return;
  /* The statement belongs to the store's cache: leave it ready for reuse. */
  sqlite3_reset (rows->stmt);
  sqlite3_clear_bindings (rows->stmt);
  g_clear_object (&rows->store);
  g_free (rows->message);
  g_free (rows);
}
