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
static const char *rebuild_sql =
  "DELETE FROM %1$s.search;"
  "INSERT INTO %1$s.search (entity, entity_id, name, body)"
  "  SELECT 'site', s.id, s.name_zh || ' ' || s.name_en,"
  "         coalesce (s.description_zh, '') || ' ' || coalesce (s.description_en, '')"
  "         || ' ' || coalesce (d.name_zh, '') || ' ' || coalesce (d.name_en, '')"
  "         || ' ' || coalesce (a.name_zh, '') || ' ' || coalesce (a.name_en, '')"
  "  FROM %1$s.site s LEFT JOIN main.district d ON d.adcode = s.district_adcode"
  "  LEFT JOIN main.area a ON a.id = s.area_id;"
  "INSERT INTO %1$s.search (entity, entity_id, name, body)"
  "  SELECT 'event', e.id, e.title_zh || ' ' || e.title_en,"
  "         coalesce (e.summary_zh, '') || ' ' || coalesce (e.summary_en, '') || ' ' ||"
  "         coalesce ((SELECT group_concat (p.name_zh || ' ' || p.name_en, ' ')"
  "                    FROM %1$s.event_party ep JOIN %1$s.party p ON p.id = ep.party_id"
  "                    WHERE ep.event_id = e.id), '')"
  "  FROM %1$s.event e;"
  "INSERT INTO %1$s.search (entity, entity_id, name, body)"
  "  SELECT 'statistic', id, label_zh || ' ' || label_en, scope_zh || ' ' || scope_en"
  "  FROM %1$s.statistic;";

static const char *district_sql =
  "INSERT INTO main.search (entity, entity_id, name, body)"
  "  SELECT 'district', CAST (adcode AS TEXT), name_zh || ' ' || name_en, ''"
  "  FROM main.district;";

gboolean
atlas_search_index_rebuild (sqlite3     *db,
                            const char  *schema,
                            GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (g_strcmp0 (schema, "main") == 0 || g_strcmp0 (schema, "user") == 0,
                        FALSE);

  /* g_strdup_printf with positional arguments is not portable everywhere;
   * substitute the fixed schema name by hand.
   */
  {
    g_autoptr(GString) s = g_string_new (rebuild_sql);
    g_string_replace (s, "%1$s", schema, 0);
    if (g_str_equal (schema, "main"))
      g_string_append (s, district_sql);
    sql = g_string_free (g_steal_pointer (&s), FALSE);
  }

  if (!atlas_sqlite_exec (db, sql, G_IO_ERROR, G_IO_ERROR_FAILED, error))
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
