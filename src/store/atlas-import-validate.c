/* atlas-import-validate.c
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
#include <string.h>

#include "atlas-date.h"
#include "atlas-district-grid.h"
#include "atlas-import-private.h"
#include "atlas-vocabulary.h"

/* Checking the records of an import and classifying each as added, changed,
 * already there or rejected, with every reason.  It runs in the worker
 * thread on the work's own connection.
 *
 * What is already in the data is read once per table into hash sets (keys,
 * names, citations, districts) rather than queried per record: the queries
 * of merged views once made a 100,000-row import take 12 s, mostly here.
 * Only a record whose key exists is read back, to compare it column by
 * column.
 */

/* The columns the checks name, found once per table instead of by comparing
 * names for every record (ten lookups a site, 20 names each).
 */
typedef enum
{
  KNOWN_PRECISION,
  KNOWN_DISTRICT,
  KNOWN_LON,
  KNOWN_LAT,
  KNOWN_AREA,
  KNOWN_CAVEAT_EN,
  KNOWN_CAVEAT_ZH,
  KNOWN_ID,
  KNOWN_NAME,        /* the table's name_col */
  N_KNOWN
} Known;

static const char * const known_names[N_KNOWN] = {
  "location_precision", "district_adcode", "lon", "lat", "area_id", "caveat_en", "caveat_zh", "id",
  NULL,
};

typedef struct
{
  ImportWork        *work;
  ImportTicker      *ticker;
  GHashTable        *existing_keys[16];   /* per table spec: key → NULL */
  GHashTable        *existing_names[16];  /* per table spec: name → id */
  GHashTable        *districts;           /* gint64 adcode */
  GHashTable        *areas;               /* ids of main.area */
  GHashTable        *cited;               /* "entity\x1fid" cited in the data */
  AtlasDistrictGrid *grid;
  GError            *grid_error;
  guint8             known[16][N_KNOWN];  /* per table spec: index + 2, or 0 */

  /* Per table spec, for the import itself; keys and values point into the
   * records (no copies: 200,000 records).
   */
  GHashTable        *seen[16];            /* key → first Record* */
  GHashTable        *seen_names[16];      /* name_col value → Record* */
  GHashTable        *defined[16];         /* ids the import defines */
  GHashTable        *cited_here;          /* "entity\x1fid" cited by the import */
} Checker;

G_STATIC_ASSERT (G_N_ELEMENTS (((Checker *) 0)->existing_keys) >= 9);

static void
checker_clear (Checker *checker)
{
  for (guint i = 0; i < G_N_ELEMENTS (checker->existing_keys); i++)
    {
      g_clear_pointer (&checker->existing_keys[i], g_hash_table_unref);
      g_clear_pointer (&checker->existing_names[i], g_hash_table_unref);
      g_clear_pointer (&checker->seen[i], g_hash_table_unref);
      g_clear_pointer (&checker->seen_names[i], g_hash_table_unref);
      g_clear_pointer (&checker->defined[i], g_hash_table_unref);
    }
  g_clear_pointer (&checker->cited_here, g_hash_table_unref);
  g_clear_pointer (&checker->districts, g_hash_table_unref);
  g_clear_pointer (&checker->areas, g_hash_table_unref);
  g_clear_pointer (&checker->cited, g_hash_table_unref);
  g_clear_pointer (&checker->grid, atlas_district_grid_free);
  g_clear_error (&checker->grid_error);
}

static guint
table_index (const TableSpec *table)
{
  return table - _atlas_import_tables;
}

static GHashTable *
set_of (GHashTable      **sets,
        const TableSpec  *table)
{
  guint i = table_index (table);

  if (sets[i] == NULL)
    sets[i] = g_hash_table_new (g_str_hash, g_str_equal);
  return sets[i];
}

/* Does the import itself define @id in @table? */
static gboolean
defined_here (Checker    *checker,
              const char *table,
              const char *id)
{
  const TableSpec *spec = _atlas_import_find_table (table);

  return spec != NULL && checker->defined[table_index (spec)] != NULL
         && g_hash_table_contains (checker->defined[table_index (spec)], id);
}

/* The record of @entity whose own citation @citation is. */
static Record *
owner_of (Checker *checker,
          Record  *citation)
{
  const TableSpec *spec = _atlas_import_find_table (citation->values[0]);

  if (spec == NULL || spec->n_keys != 1 || checker->seen[table_index (spec)] == NULL
      || citation->values[1] == NULL)
    return NULL;
  return g_hash_table_lookup (checker->seen[table_index (spec)], citation->values[1]);
}

/* Runs @sql (a constant) and joins the columns of each row with U+001F. */
static GHashTable *
load_set (AtlasStore *store,
          const char *sql,
          gboolean    as_map)
{
  /* A set keeps its keys as values: only a map frees values of its own. */
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, as_map ? g_free : NULL);
  sqlite3_stmt *stmt = atlas_store_prepare (store, sql, NULL);

  if (stmt == NULL)
    return set;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (as_map)
        {
          const char *name = (const char *) sqlite3_column_text (stmt, 0);

          if (name != NULL && !g_hash_table_contains (set, name))
            g_hash_table_insert (set, g_strdup (name),
                                 g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
        }
      else
        {
          g_autoptr(GString) key = g_string_new (NULL);

          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, c);

              if (c > 0)
                g_string_append_c (key, '\x1f');
              g_string_append (key, text ? text : "");
            }
          g_hash_table_add (set, g_string_free (g_steal_pointer (&key), FALSE));
        }
    }
  sqlite3_reset (stmt);
  return set;
}

static GHashTable *
existing_keys (Checker         *checker,
               const TableSpec *table)
{
  guint i = table_index (table);

  if (checker->existing_keys[i] == NULL)
    checker->existing_keys[i] = load_set (checker->work->store, table->keys_sql, FALSE);
  return checker->existing_keys[i];
}

static GHashTable *
existing_names (Checker         *checker,
                const TableSpec *table)
{
  guint i = table_index (table);

  if (checker->existing_names[i] == NULL)
    checker->existing_names[i] = load_set (checker->work->store, table->names_sql, TRUE);
  return checker->existing_names[i];
}

static gboolean
district_exists (Checker    *checker,
                 const char *value)
{
  gint64 adcode;

  if (checker->districts == NULL)
    {
      sqlite3_stmt *stmt = atlas_store_prepare (checker->work->store,
                                                "SELECT adcode FROM main.district", NULL);

      checker->districts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      if (stmt != NULL)
        {
          while (sqlite3_step (stmt) == SQLITE_ROW)
            {
              gint64 *key = g_new (gint64, 1);

              *key = sqlite3_column_int64 (stmt, 0);
              g_hash_table_add (checker->districts, key);
            }
          sqlite3_reset (stmt);
        }
    }
  return _atlas_import_parse_int (value, &adcode) && g_hash_table_contains (checker->districts, &adcode);
}

/* Does the merged data (bundled and user) hold @id in @table? */
static gboolean
exists_in_store (Checker    *checker,
                 const char *table,
                 const char *id)
{
  const TableSpec *spec;

  if (g_str_equal (table, "district"))
    return district_exists (checker, id);
  /* Areas come with the dataset only; an import refers to them. */
  if (g_str_equal (table, "area"))
    {
      if (checker->areas == NULL)
        checker->areas = load_set (checker->work->store, "SELECT id FROM main.area", FALSE);
      return g_hash_table_contains (checker->areas, id);
    }
  spec = _atlas_import_find_table (table);
  if (spec == NULL || spec->n_keys != 1)
    return FALSE;
  return g_hash_table_contains (existing_keys (checker, spec), id);
}

static gboolean
has_citation_in_store (Checker    *checker,
                       const char *entity,
                       const char *id)
{
  g_autofree char *key = g_strconcat (entity, "\x1f", id, NULL);

  if (checker->cited == NULL)
    checker->cited = load_set (checker->work->store,
                               "SELECT DISTINCT entity, entity_id FROM v_citation", FALSE);
  return g_hash_table_contains (checker->cited, key);
}

static AtlasDistrictGrid *
get_grid (Checker *checker)
{
  if (checker->grid == NULL && checker->grid_error == NULL)
    checker->grid = atlas_district_grid_new (atlas_store_get_db (checker->work->store),
                                             &checker->grid_error);
  return checker->grid;
}

/* Checks one value against its column; returns a reason, or NULL. */
static char *
check_value (Record *record,
             guint   c)
{
  const ColSpec *col = &record->table->cols[c];
  const char *value = record->values[c];
  double d;
  gint64 i;
  AtlasDate date;
  int category;

  switch (col->type)
    {
    case COL_TEXT:
      return NULL;
    case COL_ID:
      if (!atlas_id_is_valid (value))
        return g_strdup_printf (_("“%s” is not a valid id (lower-case letters, digits and "
                                  "hyphens)"), value);
      return NULL;
    case COL_REAL:
      if (!_atlas_record_get_double (record, c, &d))
        return g_strdup_printf (_("“%s” is not a number"), value);
      return NULL;
    case COL_INT:
      if (!_atlas_import_parse_int (value, &i))
        {
          const char *p = value + (*value == '-');

          if (*p != '\0' && strspn (p, "0123456789") == strlen (p))
            return g_strdup_printf (_("“%s” is too large for a whole number"), value);
          return g_strdup_printf (_("“%s” is not a whole number"), value);
        }
      return NULL;
    case COL_BOOL:
      if (!g_str_equal (value, "0") && !g_str_equal (value, "1"))
        return g_strdup_printf (_("“%s” is neither 0 nor 1"), value);
      return NULL;
    case COL_DATE:
      if (!atlas_date_parse (value, &date, NULL))
        return g_strdup_printf (_("“%s” is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"), value);
      return NULL;
    case COL_CATEGORY:
      if (!atlas_site_category_from_string (value, (AtlasSiteCategory *) &category))
        return g_strdup_printf (_("“%s” is not a site category"), value);
      return NULL;
    case COL_PRECISION:
      if (!atlas_location_precision_from_string (value, (AtlasLocationPrecision *) &category))
        return g_strdup_printf (_("“%s” is not a location precision (exact, approximate, "
                                  "district)"), value);
      return NULL;
    case COL_DATE_PRECISION:
      if (!atlas_date_precision_from_string (value, (AtlasDatePrecision *) &category))
        return g_strdup_printf (_("“%s” is not a date precision (day, month, year)"), value);
      return NULL;
    case COL_EVENT_KIND:
      if (!atlas_event_kind_from_string (value, (AtlasEventKind *) &category))
        return g_strdup_printf (_("“%s” is not a kind of event"), value);
      return NULL;
    case COL_QUALIFIER:
      if (!atlas_qualifier_from_string (value, (AtlasQualifier *) &category))
        return g_strdup_printf (_("“%s” is not a qualifier (over, about, nearly, at_least)"), value);
      return NULL;
    case COL_UNIT:
      if (!atlas_unit_from_string (value, (AtlasUnit *) &category))
        return g_strdup_printf (_("“%s” is not a unit"), value);
      return NULL;
    case COL_ENTITY:
      if (!g_str_equal (value, "site") && !g_str_equal (value, "event")
          && !g_str_equal (value, "statistic") && !g_str_equal (value, "series")
          && !g_str_equal (value, "party") && !g_str_equal (value, "area"))
        return g_strdup_printf (_("“%s” is not a kind of record (site, event, statistic, series, "
                                  "party, area)"), value);
      return NULL;
    case COL_PARTY_KIND:
      if (!atlas_party_kind_is_valid (value))
        return g_strdup_printf (_("“%s” is not a kind of party"), value);
      return NULL;
    case COL_PARTY_ROLE:
      if (!atlas_party_role_is_valid (value))
        return g_strdup_printf (_("“%s” is not a role of a party"), value);
      return NULL;
    case COL_SITE_ROLE:
      if (!atlas_site_role_is_valid (value))
        return g_strdup_printf (_("“%s” is not a role of a site"), value);
      return NULL;
    case COL_SOURCE_KIND:
      if (!atlas_source_kind_is_valid (value))
        return g_strdup_printf (_("“%s” is not a kind of source"), value);
      return NULL;
    case COL_LON:
      if (!_atlas_record_get_double (record, c, &d))
        return g_strdup_printf (_("“%s” is not a number"), value);
      if (d < 105.0 || d > 110.5)
        return g_strdup_printf (_("Longitude %s is outside Chongqing"), value);
      return NULL;
    case COL_LAT:
      if (!_atlas_record_get_double (record, c, &d))
        return g_strdup_printf (_("“%s” is not a number"), value);
      if (d < 28.0 || d > 32.5)
        return g_strdup_printf (_("Latitude %s is outside Chongqing"), value);
      return NULL;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
column_ok (Record     *record,
           const char *name)
{
  int i = _atlas_import_column_index (record->table, name);

  return i >= 0 && record->values[i] != NULL
         && (record->bad_columns & (G_GUINT64_CONSTANT (1) << i)) == 0;
}

/* The index of a known column in @table, or -1. */
static int
known_index (Checker         *checker,
             const TableSpec *table,
             Known            column)
{
  guint8 *slot = &checker->known[table_index (table)][column];

  if (*slot == 0)
    {
      const char *name = column == KNOWN_NAME ? table->name_col : known_names[column];
      int i = name != NULL ? _atlas_import_column_index (table, name) : -1;

      g_assert (i < G_MAXUINT8 - 2);
      *slot = i + 2;
    }
  return (int) *slot - 2;
}

static const char *
known_value (Checker *checker,
             Record  *record,
             Known    column)
{
  int i = known_index (checker, record->table, column);

  return i >= 0 ? record->values[i] : NULL;
}

static gboolean
known_ok (Checker *checker,
          Record  *record,
          Known    column)
{
  int i = known_index (checker, record->table, column);

  return i >= 0 && record->values[i] != NULL
         && (record->bad_columns & (G_GUINT64_CONSTANT (1) << i)) == 0;
}

/* Where a site is, as the dataset builder has it: a point inside Chongqing
 * and inside the district it names (exact, approximate, district); a named
 * area and nothing else (area); or nothing (unknown).  A column that does
 * not belong to the precision must be empty, so that nothing more precise
 * than the sources creeps in.
 */
static void
check_site_place (Checker *checker,
                  Record  *record)
{
  static const char * const place[] = { "district_adcode", "lon", "lat" };
  static const Known place_known[] = { KNOWN_DISTRICT, KNOWN_LON, KNOWN_LAT };
  const char *precision_key = known_value (checker, record, KNOWN_PRECISION);
  const char *lon_text = known_value (checker, record, KNOWN_LON);
  const char *lat_text = known_value (checker, record, KNOWN_LAT);
  const char *district_text = known_value (checker, record, KNOWN_DISTRICT);
  const char *area = known_value (checker, record, KNOWN_AREA);
  AtlasLocationPrecision precision;
  AtlasDistrictGrid *grid;
  double lon, lat;
  gint64 stated, found;

  if (!known_ok (checker, record, KNOWN_PRECISION)
      || !atlas_location_precision_from_string (precision_key, &precision))
    return;

  if (!atlas_location_precision_has_point (precision))
    {
      /* Said once, at the first column that should be empty. */
      for (guint i = 0; i < G_N_ELEMENTS (place); i++)
        if (known_value (checker, record, place_known[i]) != NULL)
          {
            _atlas_record_reject (record, place[i],
                                  _("A site of precision “%s” has no point and no district: leave "
                                    "district_adcode, lon and lat empty"), precision_key);
            break;
          }
      if (precision == ATLAS_LOCATION_PRECISION_AREA && area == NULL)
        _atlas_record_reject (record, "area_id", _("A site of precision “area” needs the area_id "
                                                   "of its area"));
      else if (precision != ATLAS_LOCATION_PRECISION_AREA && area != NULL)
        _atlas_record_reject (record, "area_id", _("“area_id” is only for precision “area”, not “%s”"),
                              precision_key);
      return;
    }

  if (area != NULL)
    _atlas_record_reject (record, "area_id", _("“area_id” is only for precision “area”, not “%s”"),
                          precision_key);
  for (guint i = 0; i < G_N_ELEMENTS (place); i++)
    if (known_value (checker, record, place_known[i]) == NULL)
      {
        _atlas_record_reject (record, place[i],
                              _("A site of precision “%s” needs district_adcode, lon and lat; use "
                                "“area” or “unknown” when the sources give no point"), precision_key);
        break;
      }

  if (!known_ok (checker, record, KNOWN_LON) || !known_ok (checker, record, KNOWN_LAT)
      || (grid = get_grid (checker)) == NULL)
    return;

  _atlas_record_get_double (record, known_index (checker, record->table, KNOWN_LON), &lon);
  _atlas_record_get_double (record, known_index (checker, record->table, KNOWN_LAT), &lat);
  found = atlas_district_grid_lookup (grid, lon, lat);
  if (found == 0)
    {
      _atlas_record_reject (record, "lon", _("The point (%s, %s) lies outside Chongqing"),
                            lon_text, lat_text);
      return;
    }
  if (known_ok (checker, record, KNOWN_DISTRICT)
      && _atlas_import_parse_int (district_text, &stated)
      && stated != found && district_exists (checker, district_text))
    {
      g_autofree char *found_text = g_strdup_printf ("%" G_GINT64_FORMAT, found);

      _atlas_record_reject (record, "district_adcode",
                            _("The point (%s, %s) lies in %s %s (%s), not in district %s"),
                            lon_text, lat_text,
                            atlas_district_grid_get_name (grid, found, TRUE),
                            atlas_district_grid_get_name (grid, found, FALSE), found_text,
                            district_text);
    }
}

/* Rules across columns, as the dataset builder has them. */
static void
check_record_rules (Checker *checker,
                    Record  *record)
{
  const TableSpec *table = record->table;
  const char *planned;
  const char *caveat_en = known_value (checker, record, KNOWN_CAVEAT_EN);
  const char *caveat_zh = known_value (checker, record, KNOWN_CAVEAT_ZH);

  /* A caveat is said in both languages, or not at all. */
  if (known_index (checker, table, KNOWN_CAVEAT_EN) >= 0 && (caveat_en == NULL) != (caveat_zh == NULL))
    _atlas_record_reject (record, caveat_en == NULL ? "caveat_en" : "caveat_zh",
                          _("A caveat needs both caveat_en and caveat_zh"));

  if (!g_str_equal (table->name, "event"))
    return;
  if (_atlas_record_get (record, "amount_qualifier") != NULL && _atlas_record_get (record, "amount_cny") == NULL)
    _atlas_record_reject (record, "amount_qualifier", _("“amount_qualifier” is given without “amount_cny”"));
  planned = _atlas_record_get (record, "figures_planned");
  if (planned != NULL && g_str_equal (planned, "1") && _atlas_record_get (record, "amount_cny") == NULL
      && _atlas_record_get (record, "project_count") == NULL)
    _atlas_record_reject (record, "figures_planned",
                          _("“figures_planned” is set but the event has no amount or project count"));
}

static char *
make_key (const TableSpec *table,
          char           **values)
{
  g_autoptr(GString) key = g_string_new (NULL);

  for (guint k = 0; k < table->n_keys; k++)
    {
      if (k > 0)
        g_string_append_c (key, '\x1f');
      g_string_append (key, values[k] ? values[k] : "");
    }
  return g_string_free (g_steal_pointer (&key), FALSE);
}

static gboolean
values_equal (const ColSpec *col,
              const char    *a,
              const char    *b)
{
  double x, y;

  if (a == NULL || *a == '\0')
    return b == NULL || *b == '\0';
  if (b == NULL || *b == '\0')
    return FALSE;
  if ((col->type == COL_REAL || col->type == COL_INT || col->type == COL_LON
       || col->type == COL_LAT || col->type == COL_BOOL)
      && _atlas_import_parse_double (a, &x) && _atlas_import_parse_double (b, &y))
    return x == y;
  return g_str_equal (a, b);
}

/* At most 40 characters of @text, for the preview.  @text may come from a
 * database: it is made valid UTF-8 before it is measured (an invalid one
 * once sent g_utf8_substring() reading past its end).
 */
static char *
shorten (const char *text)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    return g_strdup ("");
  valid = g_utf8_make_valid (text, -1);
  if (g_utf8_strlen (valid, -1) <= 40)
    return g_steal_pointer (&valid);
  return g_strconcat (g_utf8_substring (valid, 0, 39), "…", NULL);
}

/* Compares @record with the row of the same key in the merged data. */
static void
classify (Checker *checker,
          Record  *record)
{
  const TableSpec *table = record->table;
  sqlite3_stmt *stmt;
  g_autoptr(GString) changes = NULL;
  guint n_changes = 0;

  if (!g_hash_table_contains (existing_keys (checker, table), record->key))
    {
      record->action = ATLAS_IMPORT_ACTION_ADD;
      return;
    }

  stmt = atlas_store_prepare (checker->work->store, table->lookup_sql, NULL);
  if (stmt == NULL)
    return;
  for (guint k = 0; k < table->n_keys; k++)
    sqlite3_bind_text (stmt, k + 1, record->values[k] ? record->values[k] : "", -1,
                       SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      record->action = ATLAS_IMPORT_ACTION_ADD;
      sqlite3_reset (stmt);
      return;
    }

  changes = g_string_new (NULL);
  for (int c = 0; c < sqlite3_column_count (stmt); c++)
    {
      const char *name = sqlite3_column_name (stmt, c);
      int index = _atlas_import_column_index (table, name);
      const char *old;

      if (index < 0 || !record->present[index])
        continue;
      old = (const char *) sqlite3_column_text (stmt, c);
      if (!values_equal (&table->cols[index], record->values[index], old))
        {
          if (n_changes++ < 3)
            {
              g_autofree char *was = shorten (old);
              g_autofree char *now = shorten (record->values[index]);

              if (changes->len > 0)
                g_string_append (changes, "; ");
              g_string_append_printf (changes, "%s: “%s” → “%s”", name, was, now);
            }
        }
    }
  sqlite3_reset (stmt);

  if (n_changes == 0)
    record->action = ATLAS_IMPORT_ACTION_UNCHANGED;
  else
    {
      record->action = ATLAS_IMPORT_ACTION_CHANGE;
      if (n_changes > 3)
        g_string_append_printf (changes, _(" (and %u more)"), n_changes - 3);
      g_free (record->changes);
      record->changes = g_string_free (g_steal_pointer (&changes), FALSE);
    }
}

/* Forgets what an earlier validation found; keeps what reading found. */
static void
reset_record (Record *record)
{
  if (!record->sealed)
    {
      record->n_read_problems = record->problems != NULL ? record->problems->len : 0;
      record->read_bad_columns = record->bad_columns;
      record->sealed = TRUE;
    }
  if (record->problems != NULL)
    g_ptr_array_set_size (record->problems, record->n_read_problems);
  record->bad_columns = record->read_bad_columns;
  record->action = record->n_read_problems > 0 ? ATLAS_IMPORT_ACTION_REJECT : ATLAS_IMPORT_ACTION_ADD;
  g_clear_pointer (&record->changes, g_free);
}

/* Pass 1: each value on its own; the point of a site; duplicates inside the
 * import.
 */
static void
check_values (Checker *checker,
              Record  *record)
{
  const TableSpec *table = record->table;
  GHashTable *seen;
  gboolean key_ok = TRUE;
  Record *first;

  for (guint c = 0; table->cols[c].name != NULL; c++)
    {
      const ColSpec *col = &table->cols[c];
      const char *value = record->values[c];
      g_autofree char *reason = NULL;

      if ((record->bad_columns & (G_GUINT64_CONSTANT (1) << c)) != 0)
        ;    /* already said while reading */
      else if (value == NULL)
        {
          if (col->required)
            _atlas_record_reject (record, col->name, _("“%s” is required"), col->name);
        }
      else if (strlen (value) > ATLAS_INPUT_MAX_FIELD)
        _atlas_record_reject (record, col->name, _("The value of “%s” is larger than %u bytes"),
                              col->name, (guint) ATLAS_INPUT_MAX_FIELD);
      else if ((reason = check_value (record, c)) != NULL)
        _atlas_record_reject (record, col->name, "%s", reason);

      if (c < table->n_keys && (value == NULL || (record->bad_columns & (G_GUINT64_CONSTANT (1) << c))))
        key_ok = FALSE;
    }

  if (g_str_equal (table->name, "site"))
    check_site_place (checker, record);
  check_record_rules (checker, record);

  if (!key_ok)
    return;

  g_free (record->key);
  record->key = make_key (table, record->values);
  seen = set_of (checker->seen, table);
  first = g_hash_table_lookup (seen, record->key);
  if (first != NULL)
    {
      if (first->synthesized && !record->synthesized)
        {
          /* A record's own citation and a row of the citation table: the
           * row says more (position, quote_en), so it is the one written.
           */
          if (first->action != ATLAS_IMPORT_ACTION_REJECT)
            first->action = ATLAS_IMPORT_ACTION_UNCHANGED;
          g_hash_table_insert (seen, record->key, record);
        }
      else if (record->synthesized || first->synthesized)
        {
          if (record->action != ATLAS_IMPORT_ACTION_REJECT)
            record->action = ATLAS_IMPORT_ACTION_UNCHANGED;   /* the same citation twice */
        }
      else
        _atlas_record_reject (record, table->cols[0].name,
                              _("Duplicate: the same %s “%s” is also on line %u of %s"),
                              atlas_import_table_to_label (table->name), record->values[0], first->line,
                              first->file);
      return;
    }
  g_hash_table_insert (seen, record->key, record);

  if (table->name_col != NULL && known_ok (checker, record, KNOWN_NAME))
    {
      const char *name = known_value (checker, record, KNOWN_NAME);
      GHashTable *names = set_of (checker->seen_names, table);
      Record *same = g_hash_table_lookup (names, name);

      if (same != NULL)
        _atlas_record_reject (record, table->name_col,
                              _("Duplicate: “%s” has the same name as %s “%s” on line %u of %s"),
                              record->values[0], atlas_import_table_to_label (table->name), same->values[0],
                              same->line,
                              same->file);
      else
        g_hash_table_insert (names, (gpointer) name, record);
    }
}

/* Pass 2: references, sources, and what is already in the data. */
static void
check_links (Checker *checker,
             Record  *record)
{
  GHashTable *cited = checker->cited_here;
  const TableSpec *table = record->table;
  gboolean is_citation = g_str_equal (table->name, "citation");

  for (guint c = 0; table->cols[c].name != NULL; c++)
    {
      const ColSpec *col = &table->cols[c];
      const char *value = record->values[c];

      if (col->ref == NULL || value == NULL || (record->bad_columns & (G_GUINT64_CONSTANT (1) << c)))
        continue;
      if (!defined_here (checker, col->ref, value) && !exists_in_store (checker, col->ref, value))
        _atlas_record_reject (record, col->name, _("Unknown %s “%s”"),
                              atlas_import_table_to_label (col->ref), value);
    }

  /* A record's own citation cites it, whatever becomes of the record. */
  if (is_citation && !record->synthesized && column_ok (record, "entity") && column_ok (record, "entity_id"))
    {
      const char *entity = record->values[0];
      const char *id = record->values[1];

      if (!defined_here (checker, entity, id) && !exists_in_store (checker, entity, id))
        _atlas_record_reject (record, "entity_id", _("Unknown %s “%s”"),
                              atlas_import_table_to_label (entity), id);
      else if (record->action != ATLAS_IMPORT_ACTION_REJECT)
        g_hash_table_add (cited, g_strconcat (entity, "\x1f", id, NULL));
    }

  if (record->synthesized)
    {
      Record *owner = owner_of (checker, record);

      /* The record has a source, good or bad: "no source" would be said
       * twice.  A bad one: the record says why.
       */
      g_hash_table_add (cited, g_strconcat (record->values[0], "\x1f", record->values[1], NULL));
      if (record->action == ATLAS_IMPORT_ACTION_REJECT)
        {
          if (owner != NULL)
            _atlas_record_take_problems (owner, record);
          return;
        }
    }

  if (table->cited && known_ok (checker, record, KNOWN_ID))
    {
      g_autofree char *cited_key = g_strconcat (table->name, "\x1f", record->values[0], NULL);

      if (!g_hash_table_contains (cited, cited_key)
          && !has_citation_in_store (checker, table->name, record->values[0]))
        _atlas_record_reject (record, NULL,
                              _("%s “%s” has no source: give it a source_id and a quote, or a row "
                                "in citations.csv"), atlas_import_table_to_label (table->name),
                              record->values[0]);
    }

  if (record->action == ATLAS_IMPORT_ACTION_REJECT)
    return;

  if (g_str_equal (table->name, "event") && record->values[2] == NULL)
    {
      AtlasDate date;

      if (atlas_date_parse (record->values[1], &date, NULL))
        {
          _atlas_record_replace (record, 2, g_strdup (atlas_date_precision_to_string (date.precision)));
          record->present[2] = record->present[1];
        }
    }

  classify (checker, record);

  if (record->action == ATLAS_IMPORT_ACTION_ADD && table->names_sql != NULL)
    {
      const char *other = g_hash_table_lookup (existing_names (checker, table),
                                               known_value (checker, record, KNOWN_NAME));

      if (other != NULL && g_strcmp0 (other, record->values[0]) != 0)
        _atlas_record_reject (record, table->name_col,
                              _("Duplicate: %s “%s” has the same name as “%s”, already in the atlas"),
                              atlas_import_table_to_label (table->name), record->values[0], other);
    }
}

/**
 * _atlas_import_validate:
 *
 * Checks every record read so far and classifies it.  Returns %FALSE only
 * when @ticker says to stop.
 */
gboolean
_atlas_import_validate (ImportWork   *work,
                        ImportTicker *ticker)
{
  Checker checker = { 0 };
  guint n = work->records->len;
  gboolean ok = FALSE;

  checker.work = work;
  checker.ticker = ticker;
  checker.cited_here = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < n; i++)
    {
      Record *record = g_ptr_array_index (work->records, i);

      if ((i & 1023) == 0 && !_atlas_import_ticker_tick (ticker, ATLAS_IMPORT_PHASE_CHECKING, i, 2 * n))
        goto out;
      reset_record (record);
      check_values (&checker, record);
    }

  /* What the import itself defines. */
  for (guint i = 0; i < n; i++)
    {
      Record *record = g_ptr_array_index (work->records, i);

      if (record->action == ATLAS_IMPORT_ACTION_REJECT || record->table->n_keys != 1)
        continue;
      g_hash_table_add (set_of (checker.defined, record->table), record->values[0]);
    }

  /* Citations first, so records can tell whether they are cited. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        Record *record = g_ptr_array_index (work->records, i);
        gboolean is_citation = g_str_equal (record->table->name, "citation");

        if ((i & 1023) == 0
            && !_atlas_import_ticker_tick (ticker, ATLAS_IMPORT_PHASE_CHECKING, n + (pass * n + i) / 2, 2 * n))
          goto out;
        if ((pass == 0) != is_citation)
          continue;
        if (record->action == ATLAS_IMPORT_ACTION_UNCHANGED && record->synthesized)
          continue;
        check_links (&checker, record);
      }

  /* A record rejected leaves its citations nothing to cite. */
  for (guint i = 0; i < n; i++)
    {
      Record *record = g_ptr_array_index (work->records, i);
      Record *owner;

      if (!record->synthesized || record->action == ATLAS_IMPORT_ACTION_REJECT)
        continue;
      owner = owner_of (&checker, record);
      if (owner != NULL && owner->action == ATLAS_IMPORT_ACTION_REJECT)
        record->action = ATLAS_IMPORT_ACTION_UNCHANGED;
    }

  if (checker.grid_error != NULL)
    _atlas_import_work_add_problem (work, "", 0, NULL, _("Cannot read the districts: %s"),
                                    checker.grid_error->message);

  work->validated = TRUE;
  ok = TRUE;

out:
  checker_clear (&checker);
  return ok;
}

/**
 * _atlas_import_build_rows:
 *
 * Returns: (transfer full): the rows the report shows, problems with whole
 *   inputs first
 */
RowSet *
_atlas_import_build_rows (ImportWork *work)
{
  RowSet *set = _atlas_row_set_new ();

  for (guint i = 0; i < work->problems->len; i++)
    _atlas_row_set_add_problem (set, g_ptr_array_index (work->problems, i));
  for (guint i = 0; i < work->records->len; i++)
    {
      Record *record = g_ptr_array_index (work->records, i);

      /* A record's own citation shows through the record. */
      if (record->synthesized && record->action != ATLAS_IMPORT_ACTION_ADD)
        continue;
      _atlas_row_set_add_record (set, record);
    }
  return set;
}
