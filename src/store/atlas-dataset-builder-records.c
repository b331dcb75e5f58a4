/* atlas-dataset-builder-records.c
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

#include <math.h>
#include <string.h>

#include "atlas-dataset-builder-private.h"
#include "atlas-geometry.h"
#include "atlas-vocabulary.h"

/* The record files: one function per row of each.  A row is checked field by
 * field (every problem of the row is reported), then inserted with its own
 * citation.  The rules that keep the data honest live here: a site is exactly
 * as precise as its sources, a figure keeps its qualifier and its kind, and
 * every text a reader sees exists in both languages.
 */

#define get(reader, column) atlas_csv_reader_get ((reader), (column))

static gboolean
add_own_citation (AtlasDatasetBuilder *self,
                  AtlasCsvReader      *reader,
                  AtlasBuilderLoad    *load,
                  const char          *entity,
                  const char          *id,
                  gboolean             required)
{
  return _atlas_builder_add_citation (self, reader, load->cite, entity, id,
                                      get (reader, "source_id"), get (reader, "quote"),
                                      get (reader, "quote_en"), required);
}

/* areas.csv: a named zone and the districts it spans. */
void
_atlas_builder_area_row (AtlasDatasetBuilder *self,
                         AtlasCsvReader      *reader,
                         gpointer             user_data)
{
  AtlasBuilderLoad *load = user_data;
  g_autoptr(GArray) adcodes = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(GStrv) parts = NULL;
  const char *districts = get (reader, "districts");
  const char *id;
  gboolean ok = TRUE;

  if (!_atlas_builder_check_id (self, reader, ENTITY_AREA, &id))
    return;
  ok &= _atlas_builder_require_text (self, reader, "name_zh") != NULL;
  ok &= _atlas_builder_require_text (self, reader, "name_en") != NULL;
  ok &= _atlas_builder_both_languages (self, reader, "description_en", "description_zh");
  ok &= _atlas_builder_both_languages (self, reader, "note", "note_zh");

  parts = g_strsplit (districts ? districts : "", " ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      gint64 adcode;
      gboolean seen = FALSE;

      if (*parts[i] == '\0')
        continue;
      if (!g_ascii_string_to_signed (parts[i], 10, 1, G_MAXINT32, &adcode, NULL) ||
          !g_hash_table_contains (self->districts, GINT_TO_POINTER ((int) adcode)))
        {
          _atlas_builder_problem (self, reader, "“districts”: “%s” is not a district", parts[i]);
          ok = FALSE;
          continue;
        }
      for (guint j = 0; j < adcodes->len; j++)
        seen |= g_array_index (adcodes, gint64, j) == adcode;
      if (!seen)
        g_array_append_val (adcodes, adcode);
    }
  /* One district is a district, not an area: use precision "district". */
  if (ok && adcodes->len < 2)
    {
      _atlas_builder_problem (self, reader,
                              "an area spans at least two districts (“districts” lists %u)",
                              adcodes->len);
      ok = FALSE;
    }
  if (!ok)
    return;

  _atlas_builder_bind_text (load->insert, 1, id);
  _atlas_builder_bind_text (load->insert, 2, get (reader, "name_zh"));
  _atlas_builder_bind_text (load->insert, 3, get (reader, "name_en"));
  _atlas_builder_bind_text (load->insert, 4, get (reader, "description_zh"));
  _atlas_builder_bind_text (load->insert, 5, get (reader, "description_en"));
  _atlas_builder_bind_text (load->insert, 6, get (reader, "note"));
  _atlas_builder_bind_text (load->insert, 7, get (reader, "note_zh"));
  if (!_atlas_builder_step_insert (self, reader, load->insert))
    return;

  for (guint i = 0; i < adcodes->len; i++)
    {
      _atlas_builder_bind_text (load->extra, 1, id);
      sqlite3_bind_int64 (load->extra, 2, g_array_index (adcodes, gint64, i));
      _atlas_builder_step_insert (self, reader, load->extra);
    }
  add_own_citation (self, reader, load, "area", id, TRUE);
}

/* Where a site is: a point in a district, an area, or nowhere known.  The
 * columns that do not belong to the precision must be empty, so that nothing
 * more precise than the sources creeps in.
 */
static gboolean
check_site_place (AtlasDatasetBuilder    *self,
                  AtlasCsvReader         *reader,
                  const char             *id,
                  AtlasLocationPrecision  precision,
                  gint64                 *adcode,
                  double                 *lon,
                  double                 *lat)
{
  const char *precision_key = atlas_location_precision_to_string (precision);
  gboolean has_district, has_lon, has_lat, ok = TRUE;
  AtlasGeometry *district;
  GHashTableIter iter;
  gpointer value;
  gboolean in_chongqing = FALSE;

  if (!_atlas_builder_check_district (self, reader, "district_adcode", FALSE, adcode, &has_district) ||
      !_atlas_builder_parse_double (self, reader, "lon", FALSE, lon, &has_lon) ||
      !_atlas_builder_parse_double (self, reader, "lat", FALSE, lat, &has_lat))
    return FALSE;

  if (!atlas_location_precision_has_point (precision))
    {
      if (has_district || has_lon || has_lat)
        {
          _atlas_builder_problem (self, reader,
                                  "a site of precision “%s” has no point and no district: "
                                  "leave district_adcode, lon and lat empty", precision_key);
          ok = FALSE;
        }
      if (precision == ATLAS_LOCATION_PRECISION_AREA)
        ok &= _atlas_builder_check_reference (self, reader, "area_id", ENTITY_AREA, TRUE);
      else if (get (reader, "area_id") != NULL)
        {
          _atlas_builder_problem (self, reader,
                                  "“area_id” is only for precision “area”, not “%s”", precision_key);
          ok = FALSE;
        }
      return ok;
    }

  if (!has_district || !has_lon || !has_lat)
    {
      _atlas_builder_problem (self, reader,
                              "a site of precision “%s” needs district_adcode, lon and lat; "
                              "use “area” or “unknown” when the sources give no point",
                              precision_key);
      return FALSE;
    }
  if (get (reader, "area_id") != NULL)
    {
      _atlas_builder_problem (self, reader,
                              "“area_id” is only for precision “area”, not “%s”", precision_key);
      return FALSE;
    }
  if (_atlas_builder_note_says_assumed (get (reader, "note"), get (reader, "note_zh")))
    {
      _atlas_builder_problem (self, reader,
                              "the note says the place of “%s” is assumed, so it cannot have "
                              "precision “%s”: use “area” or “unknown”", id, precision_key);
      return FALSE;
    }

  g_hash_table_iter_init (&iter, self->districts);
  while (!in_chongqing && g_hash_table_iter_next (&iter, NULL, &value))
    in_chongqing = atlas_geometry_contains (value, *lon, *lat);
  if (!in_chongqing)
    {
      _atlas_builder_problem (self, reader, "the site “%s” at (%g, %g) lies outside Chongqing",
                              id, *lon, *lat);
      return FALSE;
    }

  district = g_hash_table_lookup (self->districts, GINT_TO_POINTER ((int) *adcode));
  if (!atlas_geometry_contains (district, *lon, *lat))
    {
      _atlas_builder_problem (self, reader,
                              "the site “%s” at (%g, %g) lies outside its district %" G_GINT64_FORMAT,
                              id, *lon, *lat, *adcode);
      return FALSE;
    }
  return TRUE;
}

void
_atlas_builder_site_row (AtlasDatasetBuilder *self,
                         AtlasCsvReader      *reader,
                         gpointer             user_data)
{
  AtlasBuilderLoad *load = user_data;
  const char *id;
  const char *category = get (reader, "category");
  const char *precision_key = get (reader, "location_precision");
  AtlasLocationPrecision precision = ATLAS_LOCATION_PRECISION_UNKNOWN;
  gint64 adcode = 0;
  gboolean ok = TRUE;
  double lon = 0, lat = 0;

  if (!_atlas_builder_check_id (self, reader, ENTITY_SITE, &id))
    return;

  ok &= _atlas_builder_require_text (self, reader, "name_zh") != NULL;
  ok &= _atlas_builder_require_text (self, reader, "name_en") != NULL;
  ok &= _atlas_builder_both_languages (self, reader, "description_en", "description_zh");
  ok &= _atlas_builder_both_languages (self, reader, "note", "note_zh");
  ok &= _atlas_builder_both_languages (self, reader, "caveat_en", "caveat_zh");
  if (!atlas_site_category_from_string (category, NULL))
    {
      _atlas_builder_problem (self, reader, "unknown site category “%s”", category ? category : "");
      ok = FALSE;
    }
  ok &= _atlas_builder_check_date (self, reader, "established_on", FALSE, NULL);
  if (!atlas_location_precision_from_string (precision_key, &precision))
    {
      _atlas_builder_problem (self, reader, "unknown location precision “%s”",
                              precision_key ? precision_key : "");
      return;
    }
  if (!check_site_place (self, reader, id, precision, &adcode, &lon, &lat) || !ok)
    return;

  _atlas_builder_bind_text (load->insert, 1, id);
  _atlas_builder_bind_text (load->insert, 2, get (reader, "name_zh"));
  _atlas_builder_bind_text (load->insert, 3, get (reader, "name_en"));
  _atlas_builder_bind_text (load->insert, 4, category);
  if (atlas_location_precision_has_point (precision))
    {
      sqlite3_bind_int64 (load->insert, 5, adcode);
      sqlite3_bind_double (load->insert, 6, lon);
      sqlite3_bind_double (load->insert, 7, lat);
    }
  _atlas_builder_bind_text (load->insert, 8, precision_key);
  _atlas_builder_bind_text (load->insert, 9, get (reader, "description_zh"));
  _atlas_builder_bind_text (load->insert, 10, get (reader, "description_en"));
  _atlas_builder_bind_text (load->insert, 11, get (reader, "established_on"));
  _atlas_builder_bind_text (load->insert, 12, get (reader, "note"));
  _atlas_builder_bind_text (load->insert, 13, get (reader, "area_id"));
  _atlas_builder_bind_text (load->insert, 14, get (reader, "note_zh"));
  _atlas_builder_bind_text (load->insert, 15, get (reader, "caveat_en"));
  _atlas_builder_bind_text (load->insert, 16, get (reader, "caveat_zh"));
  if (_atlas_builder_step_insert (self, reader, load->insert))
    add_own_citation (self, reader, load, "site", id, TRUE);
}

void
_atlas_builder_party_row (AtlasDatasetBuilder *self,
                          AtlasCsvReader      *reader,
                          gpointer             user_data)
{
  AtlasBuilderLoad *load = user_data;
  const char *kind = get (reader, "kind");
  const char *id;

  if (!_atlas_builder_check_id (self, reader, ENTITY_PARTY, &id))
    return;
  if (_atlas_builder_require_text (self, reader, "name_zh") == NULL ||
      _atlas_builder_require_text (self, reader, "name_en") == NULL)
    return;
  if (!atlas_party_kind_is_valid (kind))
    {
      _atlas_builder_problem (self, reader, "unknown party kind “%s”", kind ? kind : "");
      return;
    }

  _atlas_builder_bind_text (load->insert, 1, id);
  _atlas_builder_bind_text (load->insert, 2, get (reader, "name_zh"));
  _atlas_builder_bind_text (load->insert, 3, get (reader, "name_en"));
  _atlas_builder_bind_text (load->insert, 4, kind);
  _atlas_builder_step_insert (self, reader, load->insert);
}

/* An event's figures keep the source's wording: a qualifier ("超100亿元" is
 * over 10 billion yuan) and whether they are plans rather than results.
 */
static gboolean
check_event_figures (AtlasDatasetBuilder *self,
                     AtlasCsvReader      *reader,
                     double              *amount,
                     gboolean            *has_amount,
                     gint64              *count,
                     gboolean            *has_count,
                     gint64              *planned)
{
  const char *qualifier = get (reader, "amount_qualifier");
  gboolean ok = TRUE;

  ok &= _atlas_builder_parse_double (self, reader, "amount_cny", FALSE, amount, has_amount);
  if (*has_amount && *amount < 0)
    {
      _atlas_builder_problem (self, reader, "“amount_cny” is negative");
      ok = FALSE;
    }
  ok &= _atlas_builder_parse_int (self, reader, "project_count", FALSE, count, has_count);
  ok &= _atlas_builder_parse_flag (self, reader, "figures_planned", planned);

  if (qualifier != NULL && !atlas_qualifier_from_string (qualifier, NULL))
    {
      _atlas_builder_problem (self, reader, "unknown amount qualifier “%s”", qualifier);
      ok = FALSE;
    }
  else if (qualifier != NULL && !*has_amount)
    {
      _atlas_builder_problem (self, reader, "“amount_qualifier” is given without “amount_cny”");
      ok = FALSE;
    }
  if (*planned && !*has_amount && !*has_count)
    {
      _atlas_builder_problem (self, reader,
                              "“figures_planned” is set but the event has no amount or project count");
      ok = FALSE;
    }
  return ok;
}

void
_atlas_builder_event_row (AtlasDatasetBuilder *self,
                          AtlasCsvReader      *reader,
                          gpointer             user_data)
{
  AtlasBuilderLoad *load = user_data;
  const char *kind = get (reader, "kind");
  const char *id;
  AtlasDate date;
  double amount = 0;
  gint64 count = 0, adcode = 0, planned = 0;
  gboolean has_amount, has_count, has_district, ok = TRUE;

  if (!_atlas_builder_check_id (self, reader, ENTITY_EVENT, &id))
    return;

  ok &= _atlas_builder_check_date (self, reader, "date", TRUE, &date);
  ok &= _atlas_builder_require_text (self, reader, "title_zh") != NULL;
  ok &= _atlas_builder_require_text (self, reader, "title_en") != NULL;
  ok &= _atlas_builder_both_languages (self, reader, "summary_en", "summary_zh");
  ok &= _atlas_builder_both_languages (self, reader, "note", "note_zh");
  ok &= _atlas_builder_both_languages (self, reader, "caveat_en", "caveat_zh");
  if (!atlas_event_kind_from_string (kind, NULL))
    {
      _atlas_builder_problem (self, reader, "unknown event kind “%s”", kind ? kind : "");
      ok = FALSE;
    }
  ok &= check_event_figures (self, reader, &amount, &has_amount, &count, &has_count, &planned);
  ok &= _atlas_builder_check_reference (self, reader, "place_site_id", ENTITY_SITE, FALSE);
  ok &= _atlas_builder_check_district (self, reader, "district_adcode", FALSE, &adcode, &has_district);
  if (!ok)
    return;

  _atlas_builder_bind_text (load->insert, 1, id);
  _atlas_builder_bind_text (load->insert, 2, get (reader, "date"));
  _atlas_builder_bind_text (load->insert, 3, atlas_date_precision_to_string (date.precision));
  _atlas_builder_bind_text (load->insert, 4, kind);
  _atlas_builder_bind_text (load->insert, 5, get (reader, "title_zh"));
  _atlas_builder_bind_text (load->insert, 6, get (reader, "title_en"));
  _atlas_builder_bind_text (load->insert, 7, get (reader, "summary_zh"));
  _atlas_builder_bind_text (load->insert, 8, get (reader, "summary_en"));
  if (has_amount)
    sqlite3_bind_double (load->insert, 9, amount);
  if (has_count)
    sqlite3_bind_int64 (load->insert, 10, count);
  _atlas_builder_bind_text (load->insert, 11, get (reader, "place_site_id"));
  if (has_district)
    sqlite3_bind_int64 (load->insert, 12, adcode);
  _atlas_builder_bind_text (load->insert, 13, get (reader, "note"));
  _atlas_builder_bind_text (load->insert, 14, get (reader, "amount_qualifier"));
  sqlite3_bind_int64 (load->insert, 15, planned);
  _atlas_builder_bind_text (load->insert, 16, get (reader, "note_zh"));
  _atlas_builder_bind_text (load->insert, 17, get (reader, "caveat_en"));
  _atlas_builder_bind_text (load->insert, 18, get (reader, "caveat_zh"));
  if (_atlas_builder_step_insert (self, reader, load->insert))
    add_own_citation (self, reader, load, "event", id, TRUE);
}

void
_atlas_builder_event_link_row (AtlasDatasetBuilder *self,
                               AtlasCsvReader      *reader,
                               gpointer             user_data)
{
  AtlasBuilderLoad *load = user_data;
  gboolean is_party = atlas_csv_reader_find_column (reader, "party_id") >= 0;
  const char *column = is_party ? "party_id" : "site_id";
  const char *role = get (reader, "role");
  gboolean ok = TRUE;

  ok &= _atlas_builder_check_reference (self, reader, "event_id", ENTITY_EVENT, TRUE);
  ok &= _atlas_builder_check_reference (self, reader, column,
                                        is_party ? ENTITY_PARTY : ENTITY_SITE, TRUE);
  if (is_party ? !atlas_party_role_is_valid (role) : !atlas_site_role_is_valid (role))
    {
      _atlas_builder_problem (self, reader, "unknown role “%s”", role ? role : "");
      ok = FALSE;
    }
  if (!ok)
    return;

  _atlas_builder_bind_text (load->insert, 1, get (reader, "event_id"));
  _atlas_builder_bind_text (load->insert, 2, get (reader, column));
  _atlas_builder_bind_text (load->insert, 3, role);
  _atlas_builder_step_insert (self, reader, load->insert);
}

void
_atlas_builder_series_row (AtlasDatasetBuilder *self,
                           AtlasCsvReader      *reader,
                           gpointer             user_data)
{
  AtlasBuilderLoad *load = user_data;
  const char *unit = get (reader, "unit");
  const char *id;
  double total = 0;
  gboolean has_total, ok = TRUE;

  if (!_atlas_builder_check_id (self, reader, ENTITY_SERIES, &id))
    return;
  ok &= _atlas_builder_require_text (self, reader, "title_zh") != NULL;
  ok &= _atlas_builder_require_text (self, reader, "title_en") != NULL;
  ok &= _atlas_builder_both_languages (self, reader, "note", "note_zh");
  ok &= _atlas_builder_parse_double (self, reader, "stated_total", FALSE, &total, &has_total);
  if (unit != NULL && !atlas_unit_from_string (unit, NULL))
    {
      _atlas_builder_problem (self, reader, "unknown unit “%s”", unit);
      ok = FALSE;
    }
  if (!ok)
    return;

  g_hash_table_insert (self->series_unit, g_strdup (id), g_strdup (unit ? unit : ""));
  g_hash_table_insert (self->series_sum, g_strdup (id), g_new0 (double, 1));
  if (has_total)
    g_hash_table_insert (self->series_total, g_strdup (id), g_memdup2 (&total, sizeof total));

  _atlas_builder_bind_text (load->insert, 1, id);
  _atlas_builder_bind_text (load->insert, 2, get (reader, "title_zh"));
  _atlas_builder_bind_text (load->insert, 3, get (reader, "title_en"));
  _atlas_builder_bind_text (load->insert, 4, unit);
  if (has_total)
    sqlite3_bind_double (load->insert, 5, total);
  _atlas_builder_bind_text (load->insert, 6, get (reader, "note"));
  _atlas_builder_bind_text (load->insert, 7, get (reader, "note_zh"));
  if (_atlas_builder_step_insert (self, reader, load->insert))
    add_own_citation (self, reader, load, "series", id, FALSE);
}

/* A figure's unit must fit what it measures: a rank is an ordinal, not a
 * count, and "增长N倍" (an increase by N times) is not a multiple.
 */
static gboolean
check_unit_kind (AtlasDatasetBuilder *self,
                 AtlasCsvReader      *reader,
                 const char          *metric,
                 AtlasUnit            unit,
                 double               value,
                 const char          *qualifier)
{
  gboolean is_rank_metric = metric != NULL && (g_str_has_suffix (metric, "_rank") ||
                                               g_str_equal (metric, "rank"));

  if (is_rank_metric != (unit == ATLAS_UNIT_RANK))
    {
      _atlas_builder_problem (self, reader, is_rank_metric
                              ? "the metric “%s” is a rank: its unit must be “rank”, not a count"
                              : "the metric “%s” is not a rank, but its unit is “rank”",
                              metric);
      return FALSE;
    }
  if (unit == ATLAS_UNIT_RANK && (value < 1 || value != floor (value) || qualifier != NULL))
    {
      _atlas_builder_problem (self, reader, "a rank is a whole number from 1, without a qualifier");
      return FALSE;
    }
  if (unit == ATLAS_UNIT_TIMES && metric != NULL && strstr (metric, "growth") != NULL)
    {
      _atlas_builder_problem (self, reader,
                              "growth given as “增长N倍” is an increase by N times: "
                              "use the unit “increase_times”, not “times”");
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_statistic_series (AtlasDatasetBuilder *self,
                        AtlasCsvReader      *reader,
                        const char          *unit)
{
  const char *series = get (reader, "series");
  const char *series_unit;
  gint64 order = 0;
  gboolean has_order;

  if (!_atlas_builder_check_reference (self, reader, "series", ENTITY_SERIES, FALSE) ||
      !_atlas_builder_parse_int (self, reader, "series_order", FALSE, &order, &has_order))
    return FALSE;
  if (series == NULL)
    return TRUE;

  series_unit = g_hash_table_lookup (self->series_unit, series);
  if (series_unit && *series_unit && g_strcmp0 (series_unit, unit) != 0)
    {
      _atlas_builder_problem (self, reader, "unit “%s” differs from the unit “%s” of series “%s”",
                              unit, series_unit, series);
      return FALSE;
    }
  if (g_strcmp0 (unit, "rank") == 0 && g_hash_table_contains (self->series_total, series))
    {
      _atlas_builder_problem (self, reader, "ranks cannot add up to the total of series “%s”", series);
      return FALSE;
    }
  return TRUE;
}

void
_atlas_builder_statistic_row (AtlasDatasetBuilder *self,
                              AtlasCsvReader      *reader,
                              gpointer             user_data)
{
  AtlasBuilderLoad *load = user_data;
  const char *unit_key = get (reader, "unit");
  const char *qualifier = get (reader, "qualifier");
  const char *period = get (reader, "period");
  const char *series = get (reader, "series");
  const char *metric;
  const char *id;
  AtlasUnit unit = ATLAS_UNIT_COUNT;
  double value = 0;
  gint64 adcode = 0, is_target = 0, order = 0;
  gboolean has_district, has_order, has_value, ok = TRUE;

  if (!_atlas_builder_check_id (self, reader, ENTITY_STATISTIC, &id))
    return;

  ok &= (metric = _atlas_builder_require_text (self, reader, "metric")) != NULL;
  ok &= _atlas_builder_require_text (self, reader, "label_zh") != NULL;
  ok &= _atlas_builder_require_text (self, reader, "label_en") != NULL;
  ok &= _atlas_builder_require_text (self, reader, "scope") != NULL;
  ok &= _atlas_builder_require_text (self, reader, "scope_zh") != NULL;
  ok &= _atlas_builder_require_text (self, reader, "scope_en") != NULL;
  ok &= _atlas_builder_both_languages (self, reader, "note", "note_zh");
  ok &= _atlas_builder_both_languages (self, reader, "caveat_en", "caveat_zh");
  ok &= _atlas_builder_parse_double (self, reader, "value", TRUE, &value, &has_value);
  if (!atlas_unit_from_string (unit_key, &unit))
    {
      _atlas_builder_problem (self, reader, "unknown unit “%s”", unit_key ? unit_key : "");
      ok = FALSE;
    }
  else if (has_value)
    ok &= check_unit_kind (self, reader, metric, unit, value, qualifier);
  if (qualifier != NULL && !atlas_qualifier_from_string (qualifier, NULL))
    {
      _atlas_builder_problem (self, reader, "unknown qualifier “%s”", qualifier);
      ok = FALSE;
    }
  if (period != NULL)
    {
      g_autoptr(GError) error = NULL;
      AtlasDate first, last;

      if (!atlas_date_parse_interval (period, &first, &last, &error))
        {
          _atlas_builder_problem (self, reader, "malformed period: %s", error->message);
          ok = FALSE;
        }
    }
  ok &= _atlas_builder_check_date (self, reader, "as_of", TRUE, NULL);
  ok &= _atlas_builder_check_district (self, reader, "district_adcode", FALSE, &adcode, &has_district);
  ok &= _atlas_builder_check_reference (self, reader, "site_id", ENTITY_SITE, FALSE);
  ok &= _atlas_builder_parse_flag (self, reader, "is_target", &is_target);
  if (ok)
    ok &= check_statistic_series (self, reader, unit_key);
  if (!ok)
    return;

  _atlas_builder_parse_int (self, reader, "series_order", FALSE, &order, &has_order);
  if (series != NULL)
    *(double *) g_hash_table_lookup (self->series_sum, series) += value;

  _atlas_builder_bind_text (load->insert, 1, id);
  _atlas_builder_bind_text (load->insert, 2, metric);
  _atlas_builder_bind_text (load->insert, 3, get (reader, "label_zh"));
  _atlas_builder_bind_text (load->insert, 4, get (reader, "label_en"));
  sqlite3_bind_double (load->insert, 5, value);
  _atlas_builder_bind_text (load->insert, 6, qualifier);
  _atlas_builder_bind_text (load->insert, 7, unit_key);
  _atlas_builder_bind_text (load->insert, 8, period);
  _atlas_builder_bind_text (load->insert, 9, get (reader, "scope"));
  _atlas_builder_bind_text (load->insert, 10, get (reader, "scope_zh"));
  _atlas_builder_bind_text (load->insert, 11, get (reader, "scope_en"));
  if (has_district)
    sqlite3_bind_int64 (load->insert, 12, adcode);
  _atlas_builder_bind_text (load->insert, 13, get (reader, "site_id"));
  _atlas_builder_bind_text (load->insert, 14, get (reader, "as_of"));
  sqlite3_bind_int64 (load->insert, 15, is_target);
  _atlas_builder_bind_text (load->insert, 16, series);
  if (has_order)
    sqlite3_bind_int64 (load->insert, 17, order);
  _atlas_builder_bind_text (load->insert, 18, get (reader, "note"));
  _atlas_builder_bind_text (load->insert, 19, get (reader, "note_zh"));
  _atlas_builder_bind_text (load->insert, 20, get (reader, "caveat_en"));
  _atlas_builder_bind_text (load->insert, 21, get (reader, "caveat_zh"));
  if (_atlas_builder_step_insert (self, reader, load->insert))
    add_own_citation (self, reader, load, "statistic", id, TRUE);
}

/* citations.csv: a further source or passage for a record. */
void
_atlas_builder_citation_row (AtlasDatasetBuilder *self,
                             AtlasCsvReader      *reader,
                             gpointer             user_data)
{
  AtlasBuilderLoad *load = user_data;
  const char *entity = get (reader, "entity");
  const char *entity_id = get (reader, "entity_id");
  int index = -1;

  for (guint i = 0; i < N_ENTITIES; i++)
    if (g_strcmp0 (entity, _atlas_builder_entity_names[i]) == 0 && i != ENTITY_SOURCE)
      index = i;
  if (index < 0)
    {
      _atlas_builder_problem (self, reader, "unknown entity “%s”", entity ? entity : "");
      return;
    }
  if (!_atlas_builder_check_reference (self, reader, "entity_id", index, TRUE))
    return;
  if (_atlas_builder_require_text (self, reader, "source_id") == NULL ||
      _atlas_builder_require_text (self, reader, "quote") == NULL)
    return;

  _atlas_builder_add_citation (self, reader, load->cite, entity, entity_id,
                               get (reader, "source_id"), get (reader, "quote"),
                               get (reader, "quote_en"), TRUE);
}

void
_atlas_builder_check_series_totals (AtlasDatasetBuilder *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->series_total);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      double total = *(double *) value;
      double sum = *(double *) g_hash_table_lookup (self->series_sum, key);

      if (fabs (sum - total) > 1e-9 * MAX (1.0, fabs (total)))
        _atlas_builder_problem (self, NULL, "%s/series.csv:%u: the parts of series “%s” add up to %g, "
                                "the source states %g",
                                self->data_dir,
                                GPOINTER_TO_UINT (g_hash_table_lookup (self->ids[ENTITY_SERIES], key)),
                                (const char *) key, sum, total);
    }
}
