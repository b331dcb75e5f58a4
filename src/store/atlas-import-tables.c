/* atlas-import-tables.c
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

#define G_LOG_DOMAIN "atlas-import"

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <math.h>
#include <string.h>

#include "atlas-import-private.h"

/* The tables an import writes, their columns and checks, and the records
 * read from the inputs.  Every SQL text here is a constant of the program:
 * no table or column name that came from a file ever reaches SQLite.
 */

static const ColSpec source_cols[] = {
  { "id", COL_ID, TRUE }, { "title_zh", COL_TEXT, TRUE }, { "title_en", COL_TEXT, TRUE },
  { "publisher_zh", COL_TEXT, TRUE }, { "publisher_en", COL_TEXT, TRUE },
  { "published_on", COL_DATE, TRUE }, { "kind", COL_SOURCE_KIND, TRUE },
  { "seed_file", COL_TEXT }, { "note", COL_TEXT }, { "note_zh", COL_TEXT }, { NULL },
};
/* district_adcode, lon and lat belong to the precisions with a point, and
 * area_id to "area": check_site_place() in atlas-import-validate.c says
 * which a site needs.
 */
static const ColSpec site_cols[] = {
  { "id", COL_ID, TRUE }, { "name_zh", COL_TEXT, TRUE }, { "name_en", COL_TEXT, TRUE },
  { "category", COL_CATEGORY, TRUE }, { "district_adcode", COL_INT, FALSE, "district" },
  { "lon", COL_LON }, { "lat", COL_LAT },
  { "location_precision", COL_PRECISION, TRUE },
  { "description_zh", COL_TEXT }, { "description_en", COL_TEXT },
  { "established_on", COL_DATE }, { "note", COL_TEXT }, { "area_id", COL_ID, FALSE, "area" },
  { "note_zh", COL_TEXT }, { "caveat_en", COL_TEXT }, { "caveat_zh", COL_TEXT }, { NULL },
};
static const ColSpec party_cols[] = {
  { "id", COL_ID, TRUE }, { "name_zh", COL_TEXT, TRUE }, { "name_en", COL_TEXT, TRUE },
  { "kind", COL_PARTY_KIND, TRUE }, { NULL },
};
static const ColSpec event_cols[] = {
  { "id", COL_ID, TRUE }, { "date", COL_DATE, TRUE },
  { "date_precision", COL_DATE_PRECISION, FALSE },
  { "kind", COL_EVENT_KIND, TRUE }, { "title_zh", COL_TEXT, TRUE }, { "title_en", COL_TEXT, TRUE },
  { "summary_zh", COL_TEXT }, { "summary_en", COL_TEXT }, { "amount_cny", COL_REAL },
  { "project_count", COL_INT }, { "place_site_id", COL_ID, FALSE, "site" },
  { "district_adcode", COL_INT, FALSE, "district" }, { "note", COL_TEXT },
  { "amount_qualifier", COL_QUALIFIER }, { "figures_planned", COL_BOOL, FALSE, NULL, "0" },
  { "note_zh", COL_TEXT }, { "caveat_en", COL_TEXT }, { "caveat_zh", COL_TEXT }, { NULL },
};
static const ColSpec event_party_cols[] = {
  { "event_id", COL_ID, TRUE, "event" }, { "party_id", COL_ID, TRUE, "party" },
  { "role", COL_PARTY_ROLE, TRUE }, { NULL },
};
static const ColSpec event_site_cols[] = {
  { "event_id", COL_ID, TRUE, "event" }, { "site_id", COL_ID, TRUE, "site" },
  { "role", COL_SITE_ROLE, TRUE }, { NULL },
};
static const ColSpec series_cols[] = {
  { "id", COL_ID, TRUE }, { "title_zh", COL_TEXT, TRUE }, { "title_en", COL_TEXT, TRUE },
  { "unit", COL_UNIT }, { "stated_total", COL_REAL }, { "note", COL_TEXT },
  { "note_zh", COL_TEXT }, { NULL },
};
static const ColSpec statistic_cols[] = {
  { "id", COL_ID, TRUE }, { "metric", COL_TEXT, TRUE }, { "label_zh", COL_TEXT, TRUE },
  { "label_en", COL_TEXT, TRUE }, { "value", COL_REAL, TRUE }, { "qualifier", COL_QUALIFIER },
  { "unit", COL_UNIT, TRUE }, { "period", COL_TEXT }, { "scope", COL_TEXT, TRUE },
  { "scope_zh", COL_TEXT, TRUE }, { "scope_en", COL_TEXT, TRUE },
  { "district_adcode", COL_INT, FALSE, "district" }, { "site_id", COL_ID, FALSE, "site" },
  { "as_of", COL_DATE, TRUE }, { "is_target", COL_BOOL, FALSE, NULL, "0" },
  { "series", COL_ID, FALSE, "series" }, { "series_order", COL_INT }, { "note", COL_TEXT },
  { "note_zh", COL_TEXT }, { "caveat_en", COL_TEXT }, { "caveat_zh", COL_TEXT }, { NULL },
};
static const ColSpec citation_cols[] = {
  { "entity", COL_ENTITY, TRUE }, { "entity_id", COL_ID, TRUE },
  { "source_id", COL_ID, TRUE, "source" }, { "quote", COL_TEXT, TRUE },
  { "position", COL_INT, FALSE, NULL, "0" }, { "quote_en", COL_TEXT }, { NULL },
};

/* In the order they are written: what is referred to before what refers.
 * The INSERT statements list the columns in the order of the specs above.
 */
const TableSpec _atlas_import_tables[] = {
  { "source", source_cols, 1, FALSE, "title_zh", "title_zh", "title_en",
    "SELECT * FROM v_source WHERE id = ?1",
    "SELECT id FROM v_source",
    "SELECT title_zh, id FROM v_source",
    "INSERT OR REPLACE INTO user.source (id, title_zh, title_en, publisher_zh, publisher_en,"
    " published_on, kind, seed_file, note, note_zh) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)" },
  { "site", site_cols, 1, TRUE, "name_zh", "name_zh", "name_en",
    "SELECT * FROM v_site WHERE id = ?1",
    "SELECT id FROM v_site",
    "SELECT name_zh, id FROM v_site",
    "INSERT OR REPLACE INTO user.site (id, name_zh, name_en, category, district_adcode, lon, lat,"
    " location_precision, description_zh, description_en, established_on, note, area_id,"
    " note_zh, caveat_en, caveat_zh)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)" },
  { "party", party_cols, 1, FALSE, "name_zh", "name_zh", "name_en",
    "SELECT * FROM v_party WHERE id = ?1",
    "SELECT id FROM v_party",
    "SELECT name_zh, id FROM v_party",
    "INSERT OR REPLACE INTO user.party (id, name_zh, name_en, kind) VALUES (?1, ?2, ?3, ?4)" },
  { "event", event_cols, 1, TRUE, NULL, "title_zh", "title_en",
    "SELECT * FROM v_event WHERE id = ?1",
    "SELECT id FROM v_event",
    NULL,
    "INSERT OR REPLACE INTO user.event (id, date, date_precision, kind, title_zh, title_en,"
    " summary_zh, summary_en, amount_cny, project_count, place_site_id, district_adcode, note,"
    " amount_qualifier, figures_planned, note_zh, caveat_en, caveat_zh)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)" },
  { "series", series_cols, 1, TRUE, NULL, "title_zh", "title_en",
    "SELECT * FROM v_series WHERE id = ?1",
    "SELECT id FROM v_series",
    NULL,
    "INSERT OR REPLACE INTO user.series (id, title_zh, title_en, unit, stated_total, note, note_zh)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)" },
  { "statistic", statistic_cols, 1, TRUE, NULL, "label_zh", "label_en",
    "SELECT * FROM v_statistic WHERE id = ?1",
    "SELECT id FROM v_statistic",
    NULL,
    "INSERT OR REPLACE INTO user.statistic (id, metric, label_zh, label_en, value, qualifier,"
    " unit, period, scope, scope_zh, scope_en, district_adcode, site_id, as_of, is_target,"
    " series, series_order, note, note_zh, caveat_en, caveat_zh)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
    " ?19, ?20, ?21)" },
  { "event_party", event_party_cols, 3, FALSE, NULL, NULL, NULL,
    "SELECT * FROM v_event_party WHERE event_id = ?1 AND party_id = ?2 AND role = ?3",
    "SELECT event_id, party_id, role FROM v_event_party",
    NULL,
    "INSERT OR REPLACE INTO user.event_party (event_id, party_id, role) VALUES (?1, ?2, ?3)" },
  { "event_site", event_site_cols, 3, FALSE, NULL, NULL, NULL,
    "SELECT * FROM v_event_site WHERE event_id = ?1 AND site_id = ?2 AND role = ?3",
    "SELECT event_id, site_id, role FROM v_event_site",
    NULL,
    "INSERT OR REPLACE INTO user.event_site (event_id, site_id, role) VALUES (?1, ?2, ?3)" },
  { "citation", citation_cols, 4, FALSE, NULL, NULL, NULL,
    "SELECT * FROM v_citation WHERE entity = ?1 AND entity_id = ?2 AND source_id = ?3"
    " AND quote = ?4",
    "SELECT entity, entity_id, source_id, quote FROM v_citation",
    NULL,
    "INSERT OR REPLACE INTO user.citation (entity, entity_id, source_id, quote, position, quote_en)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)" },
};

const guint _atlas_import_n_tables = G_N_ELEMENTS (_atlas_import_tables);

/* Tables of an export that are not the user's to import; skipped quietly. */
static const char * const ignored_tables[] = {
  "district", "districts", "river", "rivers", "release", "area", "areas", "area_district",
  "area_districts", NULL
};

const TableSpec *
_atlas_import_find_table (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (_atlas_import_tables); i++)
    if (g_strcmp0 (_atlas_import_tables[i].name, name) == 0)
      return &_atlas_import_tables[i];
  return NULL;
}

guint
_atlas_import_n_columns (const TableSpec *table)
{
  guint n = 0;

  while (table->cols[n].name != NULL)
    n++;
  return n;
}

int
_atlas_import_column_index (const TableSpec *table,
                            const char      *name)
{
  for (guint i = 0; table->cols[i].name != NULL; i++)
    if (g_str_equal (table->cols[i].name, name))
      return i;
  return -1;
}

gboolean
_atlas_import_is_ignored_table (const char *name)
{
  return g_strv_contains (ignored_tables, name);
}

/* "sites.csv" → site, "event_parties.csv" → event_party. */
const TableSpec *
_atlas_import_table_for_filename (const char *filename)
{
  g_autofree char *base = g_path_get_basename (filename);
  char *dot = strrchr (base, '.');
  static const struct { const char *plural; const char *table; } plurals[] = {
    { "sources", "source" }, { "sites", "site" }, { "parties", "party" },
    { "events", "event" }, { "event_parties", "event_party" },
    { "event_sites", "event_site" }, { "statistics", "statistic" },
    { "citations", "citation" },
  };

  if (dot != NULL)
    *dot = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (plurals); i++)
    if (g_str_equal (base, plurals[i].plural))
      return _atlas_import_find_table (plurals[i].table);
  return _atlas_import_find_table (base);
}

/* How well a header fits @table: -1 when it cannot be that table (a
 * required column is missing or a column is unknown to it), otherwise the
 * number of its columns the header names.
 */
static int
header_fit (const TableSpec    *table,
            const char * const *header,
            guint               n_header)
{
  int matched = 0;

  for (guint i = 0; i < n_header; i++)
    {
      if (_atlas_import_column_index (table, header[i]) >= 0)
        matched++;
      else if (!(table->cited && (g_str_equal (header[i], "source_id")
                                  || g_str_equal (header[i], "quote"))))
        return -1;
    }
  for (guint c = 0; table->cols[c].name != NULL; c++)
    {
      gboolean found = FALSE;

      if (!table->cols[c].required)
        continue;
      for (guint i = 0; i < n_header && !found; i++)
        found = g_str_equal (header[i], table->cols[c].name);
      if (!found)
        return -1;
    }
  return matched;
}

/**
 * _atlas_import_table_for_header:
 * @named: (nullable): the table the file name says
 *
 * The table a CSV header belongs to: the named one when the header fits it,
 * otherwise the one table it fits best ("my-labs.csv" with the columns of
 * sites.csv is sites).  %NULL when it fits none, or two equally well.
 */
const TableSpec *
_atlas_import_table_for_header (const TableSpec    *named,
                                const char * const *header,
                                guint               n_header)
{
  const TableSpec *best = NULL;
  int best_fit = -1;
  gboolean tie = FALSE;

  if (named != NULL && header_fit (named, header, n_header) >= 0)
    return named;

  for (guint t = 0; t < G_N_ELEMENTS (_atlas_import_tables); t++)
    {
      int fit = header_fit (&_atlas_import_tables[t], header, n_header);

      if (fit > best_fit)
        {
          best = &_atlas_import_tables[t];
          best_fit = fit;
          tie = FALSE;
        }
      else if (fit >= 0 && fit == best_fit)
        tie = TRUE;
    }
  return tie ? NULL : best;
}

/* ---- records ---------------------------------------------------------- */

static void
problem_free (Problem *problem)
{
  g_free (problem->column);
  g_free (problem->message);
  g_free (problem);
}

void
_atlas_record_free (Record *record)
{
  guint n = _atlas_import_n_columns (record->table);

  for (guint i = 0; i < n; i++)
    g_free (record->values[i]);
  g_free (record->values);
  g_free (record->reals);
  g_free (record->present);
  g_free (record->columns);
  g_free (record->key);
  g_free (record->changes);
  g_clear_pointer (&record->problems, g_ptr_array_unref);
  g_free (record);
}

Record *
_atlas_record_new (const TableSpec *table,
                   const char      *file,
                   guint            line)
{
  Record *record = g_new0 (Record, 1);
  guint n = _atlas_import_n_columns (table);

  record->table = table;
  record->values = g_new0 (char *, n);
  record->present = g_new0 (gboolean, n);
  record->columns = g_new0 (guint, n);
  record->file = file;
  record->line = line;
  record->action = ATLAS_IMPORT_ACTION_ADD;
  return record;
}

void
_atlas_record_set (Record     *record,
                   guint       index,
                   const char *value,
                   guint       column)
{
  g_free (record->values[index]);
  record->real_ok &= ~(G_GUINT64_CONSTANT (1) << index);
  /* An empty field is a missing value: CSV cannot tell them apart. */
  record->values[index] = (value != NULL && *value != '\0') ? g_strdup (value) : NULL;
  record->present[index] = TRUE;
  record->columns[index] = column;
}

/* Like _atlas_record_set(), taking @value. */
void
_atlas_record_take (Record *record,
                    guint   index,
                    char   *value,
                    guint   column)
{
  g_free (record->values[index]);
  record->real_ok &= ~(G_GUINT64_CONSTANT (1) << index);
  if (value != NULL && *value == '\0')
    g_clear_pointer (&value, g_free);
  record->values[index] = value;
  record->present[index] = TRUE;
  record->columns[index] = column;
}

/* Puts @value (taken) in place of the value of column @index, as is. */
void
_atlas_record_replace (Record *record,
                       guint   index,
                       char   *value)
{
  g_free (record->values[index]);
  record->values[index] = value;
  record->real_ok &= ~(G_GUINT64_CONSTANT (1) << index);
}

/* The value of column @index read as a number, read once: the checks and
 * the write each ask for a site's point, and a coordinate of 17 digits
 * costs strtod a microsecond.  FALSE when there is no value or it is not a
 * number.
 */
gboolean
_atlas_record_get_double (Record *record,
                          guint   index,
                          double *value)
{
  guint64 bit = G_GUINT64_CONSTANT (1) << index;

  if (record->values[index] == NULL)
    return FALSE;
  if ((record->real_ok & bit) != 0)
    {
      *value = record->reals[index];
      return TRUE;
    }
  if (!_atlas_import_parse_double (record->values[index], value))
    return FALSE;
  if (record->reals == NULL)
    record->reals = g_new0 (double, _atlas_import_n_columns (record->table));
  record->reals[index] = *value;
  record->real_ok |= bit;
  return TRUE;
}

const char *
_atlas_record_get (Record     *record,
                   const char *name)
{
  int i = _atlas_import_column_index (record->table, name);

  return i >= 0 ? record->values[i] : NULL;
}

static void
add_problem (Record     *record,
             const char *column,
             const char *message)
{
  Problem *problem;

  if (record->problems == NULL)
    record->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);

  /* Each problem is said once, however many checks find it. */
  for (guint i = 0; i < record->problems->len; i++)
    {
      Problem *other = g_ptr_array_index (record->problems, i);

      if (g_strcmp0 (other->message, message) == 0 && g_strcmp0 (other->column, column) == 0)
        return;
    }

  problem = g_new0 (Problem, 1);
  problem->column = g_strdup (column);
  problem->message = g_strdup (message);
  g_ptr_array_add (record->problems, problem);
}

/* Rejects @record for one more reason; every reason is kept. */
void
_atlas_record_reject (Record     *record,
                      const char *column,
                      const char *format,
                      ...)
{
  g_autofree char *where = NULL;
  g_autofree char *message = NULL;
  va_list args;

  record->action = ATLAS_IMPORT_ACTION_REJECT;
  if (column != NULL)
    {
      int i = _atlas_import_column_index (record->table, column);

      if (i >= 0 && record->columns[i] > 0)
        where = g_strdup_printf ("%u (%s)", record->columns[i], column);
      else
        where = g_strdup (column);
      if (i >= 0)
        record->bad_columns |= G_GUINT64_CONSTANT (1) << i;
    }
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  add_problem (record, where, message);
}

/* A record's own citation is rejected: the record says why. */
void
_atlas_record_take_problems (Record *record,
                             Record *from)
{
  if (from->problems == NULL)
    return;
  record->action = ATLAS_IMPORT_ACTION_REJECT;
  for (guint i = 0; i < from->problems->len; i++)
    {
      Problem *problem = g_ptr_array_index (from->problems, i);

      add_problem (record, problem->column, problem->message);
    }
}

/* Plain decimals ("106.5512", "-3", "29.6") of at most 15 significant
 * digits, the most a file holds, are read exactly without strtod: the digits
 * form an integer below 2^53 and 10^k (k <= 22) is exact in a double, so
 * their quotient is rounded once, correctly, as strtod would round it.
 * strtod's arbitrary precision cost a microsecond per value, six values per
 * site.  Anything else goes to g_ascii_strtod.
 */
static gboolean
parse_plain_decimal (const char *text,
                     double     *value)
{
  static const double powers[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10,
                                   1e11, 1e12, 1e13, 1e14, 1e15 };
  const char *p = text;
  gboolean negative = FALSE;
  guint64 mantissa = 0;
  guint digits = 0, decimals = 0;
  gboolean point = FALSE;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  for (; *p != '\0'; p++)
    {
      if (*p >= '0' && *p <= '9')
        {
          if (++digits > 15)
            return FALSE;
          mantissa = mantissa * 10 + (guint64) (*p - '0');
          decimals += point;
        }
      else if (*p == '.' && !point)
        point = TRUE;
      else
        return FALSE;
    }
  /* "", "-", ".", "1." and ".5" are left to strtod, which knows them. */
  if (digits == 0 || (point && (p[-1] == '.' || text[negative] == '.')))
    return FALSE;

  *value = (double) mantissa / powers[decimals];
  if (negative)
    *value = -*value;
  return TRUE;
}

gboolean
_atlas_import_parse_double (const char *text,
                            double     *value)
{
  char *end = NULL;

  if (parse_plain_decimal (text, value))
    return TRUE;

  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*value);
}

gboolean
_atlas_import_parse_int (const char *text,
                         gint64     *value)
{
  char *end = NULL;
  double d;

  errno = 0;
  *value = g_ascii_strtoll (text, &end, 10);
  if (end != text && *end == '\0')
    return errno != ERANGE;    /* 2^63 and beyond would be clamped */
  /* "41.0" from a spreadsheet is 41. */
  if (_atlas_import_parse_double (text, &d) && fabs (d) < 1e15 && d == (double) (gint64) d)
    {
      *value = (gint64) d;
      return TRUE;
    }
  return FALSE;
}
