/* atlas-dataset.c
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

#define G_LOG_DOMAIN "atlas-model"

#include "config.h"

#include <math.h>

#include "atlas-area.h"
#include "atlas-citation.h"
#include "atlas-dataset.h"
#include "atlas-district.h"
#include "atlas-event.h"
#include "atlas-model-private.h"
#include "atlas-party.h"
#include "atlas-river.h"
#include "atlas-series.h"
#include "atlas-site.h"
#include "atlas-source.h"
#include "atlas-statistic.h"

/* AtlasDataset turns the store's rows into the app's records: one GListStore
 * per kind, with references resolved (a site holds its district, an event its
 * parties and sites) and derived counts filled in.  The stores keep their
 * identity across atlas_dataset_reload(), so every filter and view built on
 * them follows an import or an update through items-changed.
 */

struct _AtlasDataset
{
  GObject     parent_instance;

  AtlasStore *store;

  GListStore *sites;
  GListStore *events;
  GListStore *statistics;
  GListStore *series;
  GListStore *districts;
  GListStore *rivers;
  GListStore *sources;
  GListStore *parties;
  GListStore *areas;

  /* "entity:id" -> AtlasItem, for lookups */
  GHashTable *index;
};

G_DEFINE_FINAL_TYPE (AtlasDataset, atlas_dataset, G_TYPE_OBJECT)

enum {
  RELOADED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
atlas_dataset_dispose (GObject *object)
{
  AtlasDataset *self = (AtlasDataset *)object;

  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_object (&self->sites);
  g_clear_object (&self->events);
  g_clear_object (&self->statistics);
  g_clear_object (&self->series);
  g_clear_object (&self->districts);
  g_clear_object (&self->rivers);
  g_clear_object (&self->sources);
  g_clear_object (&self->parties);
  g_clear_object (&self->areas);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atlas_dataset_parent_class)->dispose (object);
}

static void
atlas_dataset_class_init (AtlasDatasetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_dataset_dispose;

  /**
   * AtlasDataset::reloaded:
   *
   * Emitted after the records were read again (import, update, reset): items
   * held elsewhere are stale and should be looked up again by id.
   */
  signals[RELOADED] =
    g_signal_new ("reloaded",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
atlas_dataset_init (AtlasDataset *self)
{
  self->sites = g_list_store_new (ATLAS_TYPE_SITE);
  self->events = g_list_store_new (ATLAS_TYPE_EVENT);
  self->statistics = g_list_store_new (ATLAS_TYPE_STATISTIC);
  self->series = g_list_store_new (ATLAS_TYPE_SERIES);
  self->districts = g_list_store_new (ATLAS_TYPE_DISTRICT);
  self->rivers = g_list_store_new (ATLAS_TYPE_RIVER);
  self->sources = g_list_store_new (ATLAS_TYPE_SOURCE);
  self->parties = g_list_store_new (ATLAS_TYPE_PARTY);
  self->areas = g_list_store_new (ATLAS_TYPE_AREA);
  self->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

static const char *
col_text (sqlite3_stmt *stmt,
          int           col)
{
  return (const char *) sqlite3_column_text (stmt, col);
}

static double
col_double_or_default (sqlite3_stmt *stmt,
                       int           col,
                       double        fallback)
{
  return sqlite3_column_type (stmt, col) == SQLITE_NULL ? fallback : sqlite3_column_double (stmt, col);
}

static gboolean
step_error (AtlasDataset  *self,
            int            rc,
            GError       **error)
{
  if (rc == SQLITE_DONE)
    return TRUE;
  g_set_error (error, ATLAS_STORE_ERROR, ATLAS_STORE_ERROR_CORRUPT,
               "Cannot read the data: %s", sqlite3_errmsg (atlas_store_get_db (self->store)));
  return FALSE;
}

static void
index_item (AtlasDataset *self,
            GHashTable   *index,
            gpointer      item)
{
  g_hash_table_insert (index, atlas_item_dup_key (item), g_object_ref (item));
}

static AtlasItem *
find (GHashTable *index,
      const char *entity,
      const char *id)
{
  g_autofree char *key = NULL;

  if (id == NULL)
    return NULL;
  key = g_strconcat (entity, ":", id, NULL);
  return g_hash_table_lookup (index, key);
}

static gboolean
load_sources (AtlasDataset  *self,
              GHashTable    *index,
              GPtrArray     *out,
              GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = atlas_store_prepare (self->store,
                              "SELECT id, title_zh, title_en, publisher_zh, publisher_en,"
                              " published_on, kind, seed_file, note, note_zh FROM v_source"
                              " ORDER BY published_on, id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(AtlasSource) source =
        g_object_new (ATLAS_TYPE_SOURCE,
                      "id", col_text (stmt, 0),
                      "name-zh", col_text (stmt, 1),
                      "name-en", col_text (stmt, 2),
                      "publisher-zh", col_text (stmt, 3),
                      "publisher-en", col_text (stmt, 4),
                      "published-on", col_text (stmt, 5),
                      "kind", col_text (stmt, 6),
                      "seed-file", col_text (stmt, 7),
                      "note", col_text (stmt, 8),
                      "note-zh", col_text (stmt, 9),
                      NULL);
      index_item (self, index, source);
      g_ptr_array_add (out, g_steal_pointer (&source));
    }

  return step_error (self, rc, error);
}

static gboolean
load_districts (AtlasDataset  *self,
                GHashTable    *index,
                GPtrArray     *out,
                GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = atlas_store_prepare (self->store,
                              "SELECT adcode, name_zh, name_en, kind, geometry, label_lon, label_lat"
                              " FROM main.district ORDER BY adcode", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(AtlasGeometry) geometry = NULL;
      g_autoptr(AtlasDistrict) district = NULL;
      g_autofree char *id = g_strdup_printf ("%d", sqlite3_column_int (stmt, 0));
      AtlasDistrictKind kind = ATLAS_DISTRICT_KIND_DISTRICT;

      geometry = atlas_geometry_new_from_blob (sqlite3_column_blob (stmt, 4),
                                               sqlite3_column_bytes (stmt, 4), error);
      if (geometry == NULL)
        return FALSE;
      atlas_district_kind_from_string (col_text (stmt, 3), &kind);

      district = g_object_new (ATLAS_TYPE_DISTRICT,
                               "id", id,
                               "adcode", sqlite3_column_int (stmt, 0),
                               "name-zh", col_text (stmt, 1),
                               "name-en", col_text (stmt, 2),
                               "kind", kind,
                               "geometry", geometry,
                               "label-lon", sqlite3_column_double (stmt, 5),
                               "label-lat", sqlite3_column_double (stmt, 6),
                               NULL);
      index_item (self, index, district);
      g_ptr_array_add (out, g_steal_pointer (&district));
    }

  return step_error (self, rc, error);
}

static gboolean
load_rivers (AtlasDataset  *self,
             GPtrArray     *out,
             GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = atlas_store_prepare (self->store,
                              "SELECT id, name_zh, name_en, level, geometry, label_lon, label_lat"
                              " FROM main.river ORDER BY level DESC, id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(AtlasGeometry) geometry = NULL;

      geometry = atlas_geometry_new_from_blob (sqlite3_column_blob (stmt, 4),
                                               sqlite3_column_bytes (stmt, 4), error);
      if (geometry == NULL)
        return FALSE;

      g_ptr_array_add (out, g_object_new (ATLAS_TYPE_RIVER,
                                          "id", col_text (stmt, 0),
                                          "name-zh", col_text (stmt, 1),
                                          "name-en", col_text (stmt, 2),
                                          "level", sqlite3_column_int (stmt, 3),
                                          "geometry", geometry,
                                          "label-lon", col_double_or_default (stmt, 5, 0),
                                          "label-lat", col_double_or_default (stmt, 6, 0),
                                          NULL));
    }

  return step_error (self, rc, error);
}

/* The multi-district zones.  They are reference data like the districts, so
 * they come from the dataset alone ("main"); the user's records refer to
 * them by id.
 */
static gboolean
load_areas (AtlasDataset  *self,
            GHashTable    *index,
            GPtrArray     *out,
            GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = atlas_store_prepare (self->store,
                              "SELECT id, name_zh, name_en, description_zh, description_en,"
                              " note, note_zh FROM main.area ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(AtlasArea) area = atlas_area_new (col_text (stmt, 0), col_text (stmt, 1),
                                                  col_text (stmt, 2));

      atlas_area_set_texts (area, col_text (stmt, 3), col_text (stmt, 4),
                            col_text (stmt, 6), col_text (stmt, 5));
      index_item (self, index, area);
      g_ptr_array_add (out, g_steal_pointer (&area));
    }
  if (!step_error (self, rc, error))
    return FALSE;

  stmt = atlas_store_prepare (self->store,
                              "SELECT area_id, adcode FROM main.area_district"
                              " ORDER BY area_id, adcode", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *adcode = g_strdup_printf ("%d", sqlite3_column_int (stmt, 1));
      AtlasArea *area = (AtlasArea *) find (index, "area", col_text (stmt, 0));
      AtlasDistrict *district = (AtlasDistrict *) find (index, "district", adcode);

      if (area != NULL && district != NULL)
        _atlas_area_add_district (area, district);
    }

  return step_error (self, rc, error);
}

static gboolean
load_sites (AtlasDataset  *self,
            GHashTable    *index,
            GPtrArray     *out,
            GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = atlas_store_prepare (self->store,
                              "SELECT id, name_zh, name_en, category, district_adcode, lon, lat,"
                              " location_precision, description_zh, description_en,"
                              " established_on, note, from_user, area_id, note_zh, caveat_en,"
                              " caveat_zh FROM v_site ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(AtlasSite) site = NULL;
      g_autofree char *adcode = NULL;
      AtlasSiteCategory category = ATLAS_SITE_CATEGORY_RESEARCH_INSTITUTE;
      AtlasLocationPrecision precision = ATLAS_LOCATION_PRECISION_DISTRICT;
      AtlasDate established;

      atlas_site_category_from_string (col_text (stmt, 3), &category);
      atlas_location_precision_from_string (col_text (stmt, 7), &precision);
      /* A site of precision area or unknown has no district and no point. */
      if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        adcode = g_strdup_printf ("%d", sqlite3_column_int (stmt, 4));

      site = g_object_new (ATLAS_TYPE_SITE,
                           "id", col_text (stmt, 0),
                           "name-zh", col_text (stmt, 1),
                           "name-en", col_text (stmt, 2),
                           "category", category,
                           "district", find (index, "district", adcode),
                           "lon", col_double_or_default (stmt, 5, 0),
                           "lat", col_double_or_default (stmt, 6, 0),
                           "location-precision", precision,
                           "description-zh", col_text (stmt, 8),
                           "description-en", col_text (stmt, 9),
                           "established-on", col_text (stmt, 10),
                           "note", col_text (stmt, 11),
                           "from-user", sqlite3_column_int (stmt, 12) != 0,
                           "area", find (index, "area", col_text (stmt, 13)),
                           "note-zh", col_text (stmt, 14),
                           "caveat-en", col_text (stmt, 15),
                           "caveat-zh", col_text (stmt, 16),
                           NULL);

      if (col_text (stmt, 10) && atlas_date_parse (col_text (stmt, 10), &established, NULL))
        _atlas_site_add_span (site, atlas_date_get_first_day (&established),
                              atlas_date_get_last_day (&established));

      index_item (self, index, site);
      g_ptr_array_add (out, g_steal_pointer (&site));
    }

  return step_error (self, rc, error);
}

static gboolean
load_parties (AtlasDataset  *self,
              GHashTable    *index,
              GPtrArray     *out,
              GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = atlas_store_prepare (self->store,
                              "SELECT id, name_zh, name_en, kind FROM v_party ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(AtlasParty) party =
        g_object_new (ATLAS_TYPE_PARTY,
                      "id", col_text (stmt, 0),
                      "name-zh", col_text (stmt, 1),
                      "name-en", col_text (stmt, 2),
                      "kind", col_text (stmt, 3),
                      NULL);
      index_item (self, index, party);
      g_ptr_array_add (out, g_steal_pointer (&party));
    }

  return step_error (self, rc, error);
}

static gboolean
load_events (AtlasDataset  *self,
             GHashTable    *index,
             GPtrArray     *out,
             GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = atlas_store_prepare (self->store,
                              "SELECT id, date, date_precision, kind, title_zh, title_en,"
                              " summary_zh, summary_en, amount_cny, project_count, place_site_id,"
                              " district_adcode, note, from_user, amount_qualifier, figures_planned,"
                              " note_zh, caveat_en, caveat_zh FROM v_event ORDER BY date, id",
                              error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(AtlasEvent) event = NULL;
      g_autofree char *adcode = NULL;
      AtlasDatePrecision precision = ATLAS_DATE_PRECISION_DAY;
      AtlasEventKind kind = ATLAS_EVENT_KIND_MILESTONE;
      AtlasQualifier qualifier = ATLAS_QUALIFIER_NONE;
      AtlasSite *place;

      atlas_date_precision_from_string (col_text (stmt, 2), &precision);
      atlas_event_kind_from_string (col_text (stmt, 3), &kind);
      if (col_text (stmt, 14) != NULL)
        atlas_qualifier_from_string (col_text (stmt, 14), &qualifier);
      if (sqlite3_column_type (stmt, 11) != SQLITE_NULL)
        adcode = g_strdup_printf ("%d", sqlite3_column_int (stmt, 11));
      place = (AtlasSite *) find (index, "site", col_text (stmt, 10));

      event = g_object_new (ATLAS_TYPE_EVENT,
                            "id", col_text (stmt, 0),
                            "date", col_text (stmt, 1),
                            "date-precision", precision,
                            "kind", kind,
                            "name-zh", col_text (stmt, 4),
                            "name-en", col_text (stmt, 5),
                            "summary-zh", col_text (stmt, 6),
                            "summary-en", col_text (stmt, 7),
                            "amount-cny", col_double_or_default (stmt, 8, -1),
                            "project-count", sqlite3_column_type (stmt, 9) == SQLITE_NULL
                                               ? -1 : sqlite3_column_int (stmt, 9),
                            "place", place,
                            "district", find (index, "district", adcode),
                            "note", col_text (stmt, 12),
                            "from-user", sqlite3_column_int (stmt, 13) != 0,
                            "amount-qualifier", qualifier,
                            "figures-planned", sqlite3_column_int (stmt, 15) != 0,
                            "note-zh", col_text (stmt, 16),
                            "caveat-en", col_text (stmt, 17),
                            "caveat-zh", col_text (stmt, 18),
                            NULL);

      if (place != NULL)
        _atlas_site_add_span (place, atlas_event_get_first_day (event),
                              atlas_event_get_last_day (event));

      index_item (self, index, event);
      g_ptr_array_add (out, g_steal_pointer (&event));
    }

  if (!step_error (self, rc, error))
    return FALSE;

  stmt = atlas_store_prepare (self->store,
                              "SELECT event_id, party_id, role FROM v_event_party", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AtlasEvent *event = (AtlasEvent *) find (index, "event", col_text (stmt, 0));
      AtlasParty *party = (AtlasParty *) find (index, "party", col_text (stmt, 1));

      if (event && party)
        _atlas_event_add_party (event, party, col_text (stmt, 2));
    }
  if (!step_error (self, rc, error))
    return FALSE;

  stmt = atlas_store_prepare (self->store,
                              "SELECT event_id, site_id, role FROM v_event_site", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AtlasEvent *event = (AtlasEvent *) find (index, "event", col_text (stmt, 0));
      AtlasSite *site = (AtlasSite *) find (index, "site", col_text (stmt, 1));

      if (event && site)
        {
          _atlas_event_add_site (event, site, col_text (stmt, 2));
          _atlas_site_add_span (site, atlas_event_get_first_day (event),
                                atlas_event_get_last_day (event));
        }
    }

  return step_error (self, rc, error);
}

static gboolean
load_series (AtlasDataset  *self,
             GHashTable    *index,
             GPtrArray     *out,
             GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = atlas_store_prepare (self->store,
                              "SELECT id, title_zh, title_en, unit, stated_total, note, note_zh"
                              " FROM v_series ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(AtlasSeries) series = NULL;
      AtlasUnit unit = ATLAS_UNIT_COUNT;

      atlas_unit_from_string (col_text (stmt, 3), &unit);
      series = g_object_new (ATLAS_TYPE_SERIES,
                             "id", col_text (stmt, 0),
                             "name-zh", col_text (stmt, 1),
                             "name-en", col_text (stmt, 2),
                             "unit", unit,
                             "stated-total", col_double_or_default (stmt, 4, -1),
                             "note", col_text (stmt, 5),
                             "note-zh", col_text (stmt, 6),
                             NULL);
      index_item (self, index, series);
      g_ptr_array_add (out, g_steal_pointer (&series));
    }

  return step_error (self, rc, error);
}

static gboolean
load_statistics (AtlasDataset  *self,
                 GHashTable    *index,
                 GPtrArray     *out,
                 GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = atlas_store_prepare (self->store,
                              "SELECT id, metric, label_zh, label_en, value, qualifier, unit,"
                              " period, scope, scope_zh, scope_en, district_adcode, site_id, as_of,"
                              " is_target, series, series_order, note, from_user, note_zh,"
                              " caveat_en, caveat_zh FROM v_statistic"
                              " ORDER BY series IS NULL, series, series_order, id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(AtlasStatistic) statistic = NULL;
      g_autofree char *adcode = NULL;
      AtlasQualifier qualifier = ATLAS_QUALIFIER_NONE;
      AtlasUnit unit = ATLAS_UNIT_COUNT;
      AtlasSeries *series;

      atlas_qualifier_from_string (col_text (stmt, 5) ? col_text (stmt, 5) : "", &qualifier);
      atlas_unit_from_string (col_text (stmt, 6), &unit);
      if (sqlite3_column_type (stmt, 11) != SQLITE_NULL)
        adcode = g_strdup_printf ("%d", sqlite3_column_int (stmt, 11));

      statistic = g_object_new (ATLAS_TYPE_STATISTIC,
                                "id", col_text (stmt, 0),
                                "metric", col_text (stmt, 1),
                                "name-zh", col_text (stmt, 2),
                                "name-en", col_text (stmt, 3),
                                "value", sqlite3_column_double (stmt, 4),
                                "qualifier", qualifier,
                                "unit", unit,
                                "period", col_text (stmt, 7),
                                "scope", col_text (stmt, 8),
                                "scope-label-zh", col_text (stmt, 9),
                                "scope-label-en", col_text (stmt, 10),
                                "district", find (index, "district", adcode),
                                "site", find (index, "site", col_text (stmt, 12)),
                                "as-of", col_text (stmt, 13),
                                "is-target", sqlite3_column_int (stmt, 14) != 0,
                                "series-id", col_text (stmt, 15),
                                "series-order", sqlite3_column_int (stmt, 16),
                                "note", col_text (stmt, 17),
                                "from-user", sqlite3_column_int (stmt, 18) != 0,
                                "note-zh", col_text (stmt, 19),
                                "caveat-en", col_text (stmt, 20),
                                "caveat-zh", col_text (stmt, 21),
                                NULL);

      if ((series = (AtlasSeries *) find (index, "series", col_text (stmt, 15))) != NULL)
        _atlas_series_add_statistic (series, statistic);

      index_item (self, index, statistic);
      g_ptr_array_add (out, g_steal_pointer (&statistic));
    }

  return step_error (self, rc, error);
}

static gboolean
count_citations (AtlasDataset  *self,
                 GHashTable    *index,
                 GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = atlas_store_prepare (self->store,
                              "SELECT source_id, count(DISTINCT entity || ':' || entity_id)"
                              " FROM v_citation GROUP BY source_id", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AtlasSource *source = (AtlasSource *) find (index, "source", col_text (stmt, 0));

      if (source != NULL)
        atlas_source_set_citation_count (source, sqlite3_column_int (stmt, 1));
    }

  return step_error (self, rc, error);
}

static void
count_per_district (GPtrArray *districts,
                    GPtrArray *sites,
                    GPtrArray *events)
{
  g_autoptr(GHashTable) site_counts = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) event_counts = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < sites->len; i++)
    {
      AtlasDistrict *d = atlas_site_get_district (g_ptr_array_index (sites, i));
      if (d != NULL)
        g_hash_table_insert (site_counts, d,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (site_counts, d)) + 1));
    }

  /* An event counts in its own district, or else in the districts of its sites. */
  for (guint i = 0; i < events->len; i++)
    {
      AtlasEvent *event = g_ptr_array_index (events, i);
      g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

      if (atlas_event_get_district (event) != NULL)
        g_hash_table_add (seen, atlas_event_get_district (event));
      else
        {
          if (atlas_event_get_place (event) != NULL)
            g_hash_table_add (seen, atlas_site_get_district (atlas_event_get_place (event)));
          for (guint j = 0; j < atlas_event_get_n_sites (event); j++)
            g_hash_table_add (seen, atlas_site_get_district (atlas_event_get_site (event, j, NULL)));
        }

      GHashTableIter iter;
      gpointer d;
      g_hash_table_iter_init (&iter, seen);
      while (g_hash_table_iter_next (&iter, &d, NULL))
        if (d != NULL)
          g_hash_table_insert (event_counts, d,
                               GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (event_counts, d)) + 1));
    }

  for (guint i = 0; i < districts->len; i++)
    {
      AtlasDistrict *d = g_ptr_array_index (districts, i);

      atlas_district_set_site_count (d, GPOINTER_TO_UINT (g_hash_table_lookup (site_counts, d)));
      atlas_district_set_event_count (d, GPOINTER_TO_UINT (g_hash_table_lookup (event_counts, d)));
    }
}

/* How many sites each area holds (sites of precision area only: a site with a
 * point is counted in its district).
 */
static void
count_per_area (GPtrArray *areas,
                GPtrArray *sites)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < sites->len; i++)
    {
      AtlasArea *area = atlas_site_get_area (g_ptr_array_index (sites, i));

      if (area != NULL)
        g_hash_table_insert (counts, area,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, area)) + 1));
    }
  for (guint i = 0; i < areas->len; i++)
    {
      AtlasArea *area = g_ptr_array_index (areas, i);

      atlas_area_set_site_count (area, GPOINTER_TO_UINT (g_hash_table_lookup (counts, area)));
    }
}

static void
replace_all (GListStore *store,
             GPtrArray  *items)
{
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
}

static gboolean
load (AtlasDataset  *self,
      GError       **error)
{
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) districts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) rivers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) areas = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) sites = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) parties = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) series = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) statistics = g_ptr_array_new_with_free_func (g_object_unref);

  /* Everything is read before anything is replaced: a failure leaves the
   * previous records in place.
   */
  if (!load_sources (self, index, sources, error) ||
      !load_districts (self, index, districts, error) ||
      !load_rivers (self, rivers, error) ||
      !load_areas (self, index, areas, error) ||
      !load_sites (self, index, sites, error) ||
      !load_parties (self, index, parties, error) ||
      !load_events (self, index, events, error) ||
      !load_series (self, index, series, error) ||
      !load_statistics (self, index, statistics, error) ||
      !count_citations (self, index, error))
    return FALSE;

  count_per_district (districts, sites, events);
  count_per_area (areas, sites);

  g_hash_table_unref (self->index);
  self->index = g_steal_pointer (&index);

  replace_all (self->sources, sources);
  replace_all (self->districts, districts);
  replace_all (self->rivers, rivers);
  replace_all (self->areas, areas);
  replace_all (self->sites, sites);
  replace_all (self->parties, parties);
  replace_all (self->events, events);
  replace_all (self->series, series);
  replace_all (self->statistics, statistics);

  return TRUE;
}

AtlasDataset *
atlas_dataset_new (AtlasStore  *store,
                   GError     **error)
{
  g_autoptr(AtlasDataset) self = NULL;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  self = g_object_new (ATLAS_TYPE_DATASET, NULL);
  self->store = g_object_ref (store);

  if (!load (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

gboolean
atlas_dataset_reload (AtlasDataset  *self,
                      GError       **error)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), FALSE);

  if (!load (self, error))
    return FALSE;

  g_signal_emit (self, signals[RELOADED], 0);
  return TRUE;
}

AtlasStore *
atlas_dataset_get_store (AtlasDataset *self)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  return self->store;
}

#define DEFINE_GETTER(field)                                          \
  GListModel *                                                        \
  atlas_dataset_get_##field (AtlasDataset *self)                      \
  {                                                                   \
    g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);             \
    return G_LIST_MODEL (self->field);                                \
  }

DEFINE_GETTER (sites)
DEFINE_GETTER (events)
DEFINE_GETTER (statistics)
DEFINE_GETTER (series)
DEFINE_GETTER (districts)
DEFINE_GETTER (rivers)
DEFINE_GETTER (sources)
DEFINE_GETTER (parties)
DEFINE_GETTER (areas)

/**
 * atlas_dataset_lookup:
 * @entity: "site", "event", "statistic", "series", "district", "source", "party", "area"
 *
 * Returns: (transfer none) (nullable): the record
 */
AtlasItem *
atlas_dataset_lookup (AtlasDataset *self,
                      const char   *entity,
                      const char   *id)
{
  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);
  g_return_val_if_fail (entity != NULL, NULL);

  return find (self->index, entity, id);
}

AtlasDistrict *
atlas_dataset_lookup_district (AtlasDataset *self,
                               int           adcode)
{
  g_autofree char *id = g_strdup_printf ("%d", adcode);

  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  return (AtlasDistrict *) find (self->index, "district", id);
}

/**
 * atlas_dataset_list_citations:
 *
 * Returns: (transfer full): the #AtlasCitation list of @item
 */
GListModel *
atlas_dataset_list_citations (AtlasDataset *self,
                              AtlasItem    *item)
{
  GListStore *list = g_list_store_new (ATLAS_TYPE_CITATION);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (ATLAS_IS_DATASET (self), G_LIST_MODEL (list));
  g_return_val_if_fail (ATLAS_IS_ITEM (item), G_LIST_MODEL (list));

  stmt = atlas_store_prepare (self->store,
                              "SELECT source_id, quote, quote_en FROM v_citation"
                              " WHERE entity = ?1 AND entity_id = ?2 ORDER BY position", &error);
  if (stmt == NULL)
    {
      g_warning ("Cannot read citations: %s", error->message);
      return G_LIST_MODEL (list);
    }

  sqlite3_bind_text (stmt, 1, atlas_item_get_entity (item), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, atlas_item_get_id (item), -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      AtlasSource *source = (AtlasSource *) find (self->index, "source", col_text (stmt, 0));
      g_autoptr(AtlasCitation) citation = NULL;

      if (source == NULL)
        continue;
      citation = atlas_citation_new (atlas_item_get_entity (item), atlas_item_get_id (item),
                                     source, col_text (stmt, 1), col_text (stmt, 2));
      g_list_store_append (list, citation);
    }
  sqlite3_reset (stmt);

  return G_LIST_MODEL (list);
}

/**
 * atlas_dataset_list_events_for_site:
 *
 * Returns: (transfer full): the events that took place at @site or concern it
 */
GListModel *
atlas_dataset_list_events_for_site (AtlasDataset *self,
                                    AtlasSite    *site)
{
  GListStore *list = g_list_store_new (ATLAS_TYPE_EVENT);
  guint n;

  g_return_val_if_fail (ATLAS_IS_DATASET (self), G_LIST_MODEL (list));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->events));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasEvent) event = g_list_model_get_item (G_LIST_MODEL (self->events), i);
      gboolean concerns = atlas_event_get_place (event) == site;

      for (guint j = 0; !concerns && j < atlas_event_get_n_sites (event); j++)
        concerns = atlas_event_get_site (event, j, NULL) == site;
      if (concerns)
        g_list_store_append (list, event);
    }

  return G_LIST_MODEL (list);
}

/**
 * atlas_dataset_list_sites_in_district:
 *
 * Returns: (transfer full): the sites of @district
 */
GListModel *
atlas_dataset_list_sites_in_district (AtlasDataset  *self,
                                      AtlasDistrict *district)
{
  GListStore *list = g_list_store_new (ATLAS_TYPE_SITE);
  guint n;

  g_return_val_if_fail (ATLAS_IS_DATASET (self), G_LIST_MODEL (list));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sites));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasSite) site = g_list_model_get_item (G_LIST_MODEL (self->sites), i);

      if (atlas_site_get_district (site) == district)
        g_list_store_append (list, site);
    }

  return G_LIST_MODEL (list);
}

/**
 * atlas_dataset_list_sites_in_area:
 *
 * Returns: (transfer full): the sites known only to lie in @area (precision
 *   area), in the dataset's order
 */
GListModel *
atlas_dataset_list_sites_in_area (AtlasDataset *self,
                                  AtlasArea    *area)
{
  GListStore *list = g_list_store_new (ATLAS_TYPE_SITE);
  guint n;

  g_return_val_if_fail (ATLAS_IS_DATASET (self), G_LIST_MODEL (list));
  g_return_val_if_fail (ATLAS_IS_AREA (area), G_LIST_MODEL (list));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sites));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasSite) site = g_list_model_get_item (G_LIST_MODEL (self->sites), i);

      if (atlas_site_get_area (site) == area)
        g_list_store_append (list, site);
    }

  return G_LIST_MODEL (list);
}

/**
 * atlas_dataset_list_statistics_for:
 * @item: a district or a site
 *
 * Returns: (transfer full): the statistics whose scope is @item
 */
GListModel *
atlas_dataset_list_statistics_for (AtlasDataset *self,
                                   AtlasItem    *item)
{
  GListStore *list = g_list_store_new (ATLAS_TYPE_STATISTIC);
  guint n;

  g_return_val_if_fail (ATLAS_IS_DATASET (self), G_LIST_MODEL (list));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->statistics));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasStatistic) statistic = g_list_model_get_item (G_LIST_MODEL (self->statistics), i);

      if ((AtlasItem *) atlas_statistic_get_district (statistic) == item ||
          (AtlasItem *) atlas_statistic_get_site (statistic) == item)
        g_list_store_append (list, statistic);
    }

  return G_LIST_MODEL (list);
}

/**
 * atlas_dataset_list_records_citing:
 *
 * Returns: (transfer full): the #AtlasItem records that cite @source
 */
GListModel *
atlas_dataset_list_records_citing (AtlasDataset *self,
                                   AtlasSource  *source)
{
  GListStore *list = g_list_store_new (ATLAS_TYPE_ITEM);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (ATLAS_IS_DATASET (self), G_LIST_MODEL (list));

  stmt = atlas_store_prepare (self->store,
                              "SELECT DISTINCT entity, entity_id FROM v_citation"
                              " WHERE source_id = ?1 ORDER BY entity, entity_id", &error);
  if (stmt == NULL)
    {
      g_warning ("Cannot read citations: %s", error->message);
      return G_LIST_MODEL (list);
    }

  sqlite3_bind_text (stmt, 1, atlas_item_get_id (ATLAS_ITEM (source)), -1, SQLITE_TRANSIENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      AtlasItem *item = find (self->index, col_text (stmt, 0), col_text (stmt, 1));

      if (item != NULL)
        g_list_store_append (list, item);
    }
  sqlite3_reset (stmt);

  return G_LIST_MODEL (list);
}

/**
 * atlas_dataset_search:
 *
 * Returns: (transfer full) (nullable): the keys ("entity:id") of the records
 *   matching @text, or %NULL when the search failed
 */
GHashTable *
atlas_dataset_search (AtlasDataset *self,
                      const char   *text)
{
  g_autoptr(GError) error = NULL;
  GHashTable *matches;

  g_return_val_if_fail (ATLAS_IS_DATASET (self), NULL);

  matches = atlas_store_search (self->store, text, &error);
  if (matches == NULL)
    g_warning ("Search failed: %s", error->message);
  return matches;
}
