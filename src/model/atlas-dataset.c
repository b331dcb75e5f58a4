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
#include <string.h>

#include "atlas-area.h"
#include "atlas-citation.h"
#include "atlas-dataset.h"
#include "atlas-district.h"
#include "atlas-event.h"
#include "atlas-model-private.h"
#include "atlas-party.h"
#include "atlas-record-list.h"
#include "atlas-river.h"
#include "atlas-series.h"
#include "atlas-site.h"
#include "atlas-site-filter-list.h"
#include "atlas-site-list.h"
#include "atlas-source.h"
#include "atlas-statistic.h"
#include "atlas-store-query.h"

/* AtlasDataset turns the store's rows into the app's records: one list
 * (AtlasRecordList) per kind, with references resolved (a site holds its
 * district, an event its parties and sites) and derived counts filled in.
 * The lists keep their identity across atlas_dataset_reload(), so every
 * filter and view built on them follows an import or an update through
 * items-changed.
 */

/* The records by entity and id.  One table of records by id per entity,
 * keyed by the records' own ids (no key is copied: at 100,000 sites, making
 * "site:id" keys to store and to look up was a tenth of loading them) --
 * except for the sites, which are looked up by halving their rows, sorted by
 * id anyway: a table of 100,000 sites cost as much to fill as a tenth of
 * reading them, on the thread the first window waits for.
 */
typedef struct _Index
{
  GHashTable    *by_entity;     /* entity -> (id -> AtlasItem) */
  AtlasSiteList *sites;         /* by id; NULL until read */
} Index;

static Index *
index_new (void)
{
  Index *index = g_new0 (Index, 1);

  index->by_entity = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                            (GDestroyNotify) g_hash_table_unref);
  return index;
}

static void
index_free (Index *index)
{
  g_hash_table_unref (index->by_entity);
  g_clear_object (&index->sites);
  g_free (index);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Index, index_free)

struct _AtlasDataset
{
  GObject     parent_instance;

  AtlasStore *store;

  AtlasSiteList   *sites;
  AtlasRecordList *events;
  AtlasRecordList *statistics;
  AtlasRecordList *series;
  AtlasRecordList *districts;
  AtlasRecordList *rivers;
  AtlasRecordList *sources;
  AtlasRecordList *parties;
  AtlasRecordList *areas;
  AtlasSiteFilterList *sites_without_point;   /* the few of them, in id order */

  /* The records by entity and id, for lookups; see Index */
  Index *index;
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

  g_clear_pointer (&self->index, index_free);
  g_clear_object (&self->sites);
  g_clear_object (&self->events);
  g_clear_object (&self->statistics);
  g_clear_object (&self->series);
  g_clear_object (&self->districts);
  g_clear_object (&self->rivers);
  g_clear_object (&self->sources);
  g_clear_object (&self->parties);
  g_clear_object (&self->areas);
  g_clear_object (&self->sites_without_point);
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

static gboolean
has_no_point (const AtlasSiteRow *row,
              gpointer            user_data)
{
  return !atlas_site_row_has_point (row);
}

static void
atlas_dataset_init (AtlasDataset *self)
{
  self->sites = atlas_site_list_new ();
  self->events = atlas_record_list_new (ATLAS_TYPE_EVENT);
  self->statistics = atlas_record_list_new (ATLAS_TYPE_STATISTIC);
  self->series = atlas_record_list_new (ATLAS_TYPE_SERIES);
  self->districts = atlas_record_list_new (ATLAS_TYPE_DISTRICT);
  self->rivers = atlas_record_list_new (ATLAS_TYPE_RIVER);
  self->sources = atlas_record_list_new (ATLAS_TYPE_SOURCE);
  self->parties = atlas_record_list_new (ATLAS_TYPE_PARTY);
  self->areas = atlas_record_list_new (ATLAS_TYPE_AREA);
  self->sites_without_point = atlas_site_filter_list_new (self->sites, NULL);
  atlas_site_filter_list_set_row_func (self->sites_without_point, has_no_point, NULL, NULL);
  self->index = index_new ();
}

static void
index_item (Index      *index,
            gpointer    item)
{
  const char *entity = atlas_item_get_entity (item);
  GHashTable *by_id = g_hash_table_lookup (index->by_entity, entity);

  g_assert (!ATLAS_IS_SITE (item));
  if (by_id == NULL)
    {
      by_id = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
      g_hash_table_insert (index->by_entity, (gpointer) entity, by_id);
    }
  /* Replace, not insert: the key belongs to the record it stands for. */
  g_hash_table_replace (by_id, (gpointer) atlas_item_get_id (item), g_object_ref (item));
}

/* A site by id, and where it is; its object is made if it was not yet. */
static AtlasSite *
find_site (Index      *index,
           const char *id,
           guint      *position)
{
  guint at;

  if (index->sites == NULL || !atlas_site_list_find (index->sites, id, &at))
    return NULL;
  if (position != NULL)
    *position = at;
  return atlas_site_list_get_site (index->sites, at);
}

static AtlasItem *
find (Index      *index,
      const char *entity,
      const char *id)
{
  GHashTable *by_id;

  if (id == NULL || entity == NULL)
    return NULL;
  if (strcmp (entity, "site") == 0)
    return (AtlasItem *) find_site (index, id, NULL);
  if ((by_id = g_hash_table_lookup (index->by_entity, entity)) == NULL)
    return NULL;
  return g_hash_table_lookup (by_id, id);
}

/* A district by the adcode in @column, if there is one. */
static AtlasItem *
find_district (Index      *index,
               AtlasRows  *rows,
               int         column)
{
  char id[16];

  if (atlas_rows_is_null (rows, column))
    return NULL;
  g_snprintf (id, sizeof id, "%d", atlas_rows_int (rows, column, 0));
  return find (index, "district", id);
}

/* Every loader asks the store one question and reads the answer by column
 * name; the names are looked up once, before the rows.
 */
#define COL(name) int name = atlas_rows_column (rows, #name)

static gboolean
load_sources (AtlasDataset  *self,
              Index         *index,
              GPtrArray     *out,
              GError       **error)
{
  g_autoptr(AtlasRows) rows = atlas_store_query (self->store, ATLAS_QUERY_SOURCES, NULL, NULL, error);
  if (rows == NULL)
    return FALSE;

  COL (id); COL (title_zh); COL (title_en); COL (publisher_zh); COL (publisher_en);
  COL (published_on); COL (kind); COL (seed_file); COL (note); COL (note_zh);

  while (atlas_rows_next (rows))
    {
      g_autoptr(AtlasSource) source =
        g_object_new (ATLAS_TYPE_SOURCE,
                      "id", atlas_rows_text (rows, id),
                      "name-zh", atlas_rows_text (rows, title_zh),
                      "name-en", atlas_rows_text (rows, title_en),
                      "publisher-zh", atlas_rows_text (rows, publisher_zh),
                      "publisher-en", atlas_rows_text (rows, publisher_en),
                      "published-on", atlas_rows_text (rows, published_on),
                      "kind", atlas_rows_text (rows, kind),
                      "seed-file", atlas_rows_text (rows, seed_file),
                      "note", atlas_rows_text (rows, note),
                      "note-zh", atlas_rows_text (rows, note_zh),
                      NULL);
      /* Counted when first shown (the details pane of a source). */
      _atlas_source_count_citations_in (source, self->store);
      index_item (index, source);
      g_ptr_array_add (out, g_steal_pointer (&source));
    }

  return atlas_rows_finish (rows, error);
}

static gboolean
load_districts (AtlasDataset  *self,
                Index         *index,
                GPtrArray     *out,
                GError       **error)
{
  g_autoptr(AtlasRows) rows = atlas_store_query (self->store, ATLAS_QUERY_DISTRICTS, NULL, NULL, error);
  if (rows == NULL)
    return FALSE;

  COL (adcode); COL (name_zh); COL (name_en); COL (kind); COL (geometry);
  COL (label_lon); COL (label_lat);

  while (atlas_rows_next (rows))
    {
      g_autoptr(AtlasGeometry) shape = NULL;
      g_autoptr(AtlasDistrict) district = NULL;
      g_autofree char *id = g_strdup_printf ("%d", atlas_rows_int (rows, adcode, 0));
      AtlasDistrictKind district_kind = ATLAS_DISTRICT_KIND_DISTRICT;
      gconstpointer blob;
      gsize size;

      blob = atlas_rows_blob (rows, geometry, &size);
      if ((shape = atlas_geometry_new_from_blob (blob, size, error)) == NULL)
        return FALSE;
      atlas_district_kind_from_string (atlas_rows_text (rows, kind), &district_kind);

      district = g_object_new (ATLAS_TYPE_DISTRICT,
                               "id", id,
                               "adcode", atlas_rows_int (rows, adcode, 0),
                               "name-zh", atlas_rows_text (rows, name_zh),
                               "name-en", atlas_rows_text (rows, name_en),
                               "kind", district_kind,
                               "geometry", shape,
                               "label-lon", atlas_rows_double (rows, label_lon, 0),
                               "label-lat", atlas_rows_double (rows, label_lat, 0),
                               NULL);
      index_item (index, district);
      g_ptr_array_add (out, g_steal_pointer (&district));
    }

  return atlas_rows_finish (rows, error);
}

static gboolean
load_rivers (AtlasDataset  *self,
             GPtrArray     *out,
             GError       **error)
{
  g_autoptr(AtlasRows) rows = atlas_store_query (self->store, ATLAS_QUERY_RIVERS, NULL, NULL, error);
  if (rows == NULL)
    return FALSE;

  COL (id); COL (name_zh); COL (name_en); COL (level); COL (geometry);
  COL (label_lon); COL (label_lat);

  while (atlas_rows_next (rows))
    {
      g_autoptr(AtlasGeometry) shape = NULL;
      gconstpointer blob;
      gsize size;

      blob = atlas_rows_blob (rows, geometry, &size);
      if ((shape = atlas_geometry_new_from_blob (blob, size, error)) == NULL)
        return FALSE;

      g_ptr_array_add (out, g_object_new (ATLAS_TYPE_RIVER,
                                          "id", atlas_rows_text (rows, id),
                                          "name-zh", atlas_rows_text (rows, name_zh),
                                          "name-en", atlas_rows_text (rows, name_en),
                                          "level", atlas_rows_int (rows, level, 0),
                                          "geometry", shape,
                                          "label-lon", atlas_rows_double (rows, label_lon, 0),
                                          "label-lat", atlas_rows_double (rows, label_lat, 0),
                                          NULL));
    }

  return atlas_rows_finish (rows, error);
}

/* The multi-district zones.  They are reference data like the districts, so
 * they come from the dataset alone; the user's records refer to them by id.
 */
static gboolean
load_areas (AtlasDataset  *self,
            Index         *index,
            GPtrArray     *out,
            GError       **error)
{
  g_autoptr(AtlasRows) rows = atlas_store_query (self->store, ATLAS_QUERY_AREAS, NULL, NULL, error);

  if (rows == NULL)
    return FALSE;

  COL (id); COL (name_zh); COL (name_en); COL (description_zh); COL (description_en);
  COL (note); COL (note_zh);

  while (atlas_rows_next (rows))
    {
      g_autoptr(AtlasArea) area = atlas_area_new (atlas_rows_text (rows, id),
                                                  atlas_rows_text (rows, name_zh),
                                                  atlas_rows_text (rows, name_en));

      atlas_area_set_texts (area, atlas_rows_text (rows, description_zh),
                            atlas_rows_text (rows, description_en),
                            atlas_rows_text (rows, note_zh), atlas_rows_text (rows, note));
      index_item (index, area);
      g_ptr_array_add (out, g_steal_pointer (&area));
    }

  return atlas_rows_finish (rows, error);
}

static gboolean
load_area_districts (AtlasDataset  *self,
                     Index         *index,
                     GError       **error)
{
  g_autoptr(AtlasRows) rows = atlas_store_query (self->store, ATLAS_QUERY_AREA_DISTRICTS, NULL, NULL, error);

  if (rows == NULL)
    return FALSE;

  COL (area_id); COL (adcode);

  while (atlas_rows_next (rows))
    {
      AtlasArea *area = (AtlasArea *) find (index, "area", atlas_rows_text (rows, area_id));
      AtlasDistrict *district = (AtlasDistrict *) find_district (index, rows, adcode);

      if (area != NULL && district != NULL)
        _atlas_area_add_district (area, district);
    }

  return atlas_rows_finish (rows, error);
}

/* The sites, as rows of a new AtlasSiteList: no objects are made here. */
static gboolean
load_sites (AtlasDataset  *self,
            Index         *index,
            GPtrArray     *districts,
            GPtrArray     *areas,
            GError       **error)
{
  AtlasSiteList *sites = _atlas_site_list_read (self->store, districts, areas, error);

  if (sites == NULL)
    return FALSE;
  g_clear_object (&index->sites);
  index->sites = sites;
  return TRUE;
}

static gboolean
load_parties (AtlasDataset  *self,
              Index         *index,
              GPtrArray     *out,
              GError       **error)
{
  g_autoptr(AtlasRows) rows = atlas_store_query (self->store, ATLAS_QUERY_PARTIES, NULL, NULL, error);
  if (rows == NULL)
    return FALSE;

  COL (id); COL (name_zh); COL (name_en); COL (kind);

  while (atlas_rows_next (rows))
    {
      g_autoptr(AtlasParty) party =
        g_object_new (ATLAS_TYPE_PARTY,
                      "id", atlas_rows_text (rows, id),
                      "name-zh", atlas_rows_text (rows, name_zh),
                      "name-en", atlas_rows_text (rows, name_en),
                      "kind", atlas_rows_text (rows, kind),
                      NULL);
      index_item (index, party);
      g_ptr_array_add (out, g_steal_pointer (&party));
    }

  return atlas_rows_finish (rows, error);
}

/* Who took part in each event, and which sites it concerns. */
static gboolean
load_event_links (AtlasDataset  *self,
                  Index         *index,
                  AtlasQuery     query,
                  GError       **error)
{
  g_autoptr(AtlasRows) rows = atlas_store_query (self->store, query, NULL, NULL, error);
  int event_id, other_id, role;

  if (rows == NULL)
    return FALSE;

  event_id = atlas_rows_column (rows, "event_id");
  other_id = atlas_rows_column (rows, query == ATLAS_QUERY_EVENT_PARTIES ? "party_id" : "site_id");
  role = atlas_rows_column (rows, "role");

  while (atlas_rows_next (rows))
    {
      AtlasEvent *event = (AtlasEvent *) find (index, "event", atlas_rows_text (rows, event_id));

      if (event == NULL)
        continue;

      if (query == ATLAS_QUERY_EVENT_PARTIES)
        {
          AtlasParty *party = (AtlasParty *) find (index, "party", atlas_rows_text (rows, other_id));

          if (party != NULL)
            _atlas_event_add_party (event, party, atlas_rows_text (rows, role));
        }
      else
        {
          guint at;
          AtlasSite *site = find_site (index, atlas_rows_text (rows, other_id), &at);

          if (site != NULL)
            {
              _atlas_event_add_site (event, site, atlas_rows_text (rows, role));
              _atlas_site_list_add_span (index->sites, at, atlas_event_get_first_day (event),
                                         atlas_event_get_last_day (event));
            }
        }
    }

  return atlas_rows_finish (rows, error);
}

static gboolean
load_events (AtlasDataset  *self,
             Index         *index,
             GPtrArray     *out,
             GError       **error)
{
  g_autoptr(AtlasRows) rows = atlas_store_query (self->store, ATLAS_QUERY_EVENTS, NULL, NULL, error);
  if (rows == NULL)
    return FALSE;

  COL (id); COL (date); COL (date_precision); COL (kind); COL (title_zh); COL (title_en);
  COL (summary_zh); COL (summary_en); COL (amount_cny); COL (project_count); COL (place_site_id);
  COL (district_adcode); COL (note); COL (from_user); COL (amount_qualifier);
  COL (figures_planned); COL (note_zh); COL (caveat_en); COL (caveat_zh);

  while (atlas_rows_next (rows))
    {
      g_autoptr(AtlasEvent) event = NULL;
      AtlasDatePrecision precision = ATLAS_DATE_PRECISION_DAY;
      AtlasEventKind event_kind = ATLAS_EVENT_KIND_MILESTONE;
      AtlasQualifier qualifier = ATLAS_QUALIFIER_NONE;
      AtlasSite *place;
      guint place_at = 0;

      atlas_date_precision_from_string (atlas_rows_text (rows, date_precision), &precision);
      atlas_event_kind_from_string (atlas_rows_text (rows, kind), &event_kind);
      if (atlas_rows_text (rows, amount_qualifier) != NULL)
        atlas_qualifier_from_string (atlas_rows_text (rows, amount_qualifier), &qualifier);
      place = find_site (index, atlas_rows_text (rows, place_site_id), &place_at);

      event = g_object_new (ATLAS_TYPE_EVENT,
                            "id", atlas_rows_text (rows, id),
                            "date", atlas_rows_text (rows, date),
                            "date-precision", precision,
                            "kind", event_kind,
                            "name-zh", atlas_rows_text (rows, title_zh),
                            "name-en", atlas_rows_text (rows, title_en),
                            "summary-zh", atlas_rows_text (rows, summary_zh),
                            "summary-en", atlas_rows_text (rows, summary_en),
                            "amount-cny", atlas_rows_double (rows, amount_cny, -1),
                            "project-count", atlas_rows_int (rows, project_count, -1),
                            "place", place,
                            "district", find_district (index, rows, district_adcode),
                            "note", atlas_rows_text (rows, note),
                            "from-user", atlas_rows_int (rows, from_user, 0) != 0,
                            "amount-qualifier", qualifier,
                            "figures-planned", atlas_rows_int (rows, figures_planned, 0) != 0,
                            "note-zh", atlas_rows_text (rows, note_zh),
                            "caveat-en", atlas_rows_text (rows, caveat_en),
                            "caveat-zh", atlas_rows_text (rows, caveat_zh),
                            NULL);

      if (place != NULL)
        _atlas_site_list_add_span (index->sites, place_at, atlas_event_get_first_day (event),
                                   atlas_event_get_last_day (event));

      index_item (index, event);
      g_ptr_array_add (out, g_steal_pointer (&event));
    }

  if (!atlas_rows_finish (rows, error))
    return FALSE;

  return load_event_links (self, index, ATLAS_QUERY_EVENT_PARTIES, error) &&
         load_event_links (self, index, ATLAS_QUERY_EVENT_SITES, error);
}

static gboolean
load_series (AtlasDataset  *self,
             Index         *index,
             GPtrArray     *out,
             GError       **error)
{
  g_autoptr(AtlasRows) rows = atlas_store_query (self->store, ATLAS_QUERY_SERIES, NULL, NULL, error);
  if (rows == NULL)
    return FALSE;

  COL (id); COL (title_zh); COL (title_en); COL (unit); COL (stated_total); COL (note);
  COL (note_zh);

  while (atlas_rows_next (rows))
    {
      g_autoptr(AtlasSeries) series = NULL;
      AtlasUnit series_unit = ATLAS_UNIT_COUNT;

      atlas_unit_from_string (atlas_rows_text (rows, unit), &series_unit);
      series = g_object_new (ATLAS_TYPE_SERIES,
                             "id", atlas_rows_text (rows, id),
                             "name-zh", atlas_rows_text (rows, title_zh),
                             "name-en", atlas_rows_text (rows, title_en),
                             "unit", series_unit,
                             "stated-total", atlas_rows_double (rows, stated_total, -1),
                             "note", atlas_rows_text (rows, note),
                             "note-zh", atlas_rows_text (rows, note_zh),
                             NULL);
      index_item (index, series);
      g_ptr_array_add (out, g_steal_pointer (&series));
    }

  return atlas_rows_finish (rows, error);
}

static gboolean
load_statistics (AtlasDataset  *self,
                 Index         *index,
                 GPtrArray     *out,
                 GError       **error)
{
  g_autoptr(AtlasRows) rows = atlas_store_query (self->store, ATLAS_QUERY_STATISTICS, NULL, NULL, error);
  if (rows == NULL)
    return FALSE;

  COL (id); COL (metric); COL (label_zh); COL (label_en); COL (value); COL (qualifier);
  COL (unit); COL (period); COL (scope); COL (scope_zh); COL (scope_en); COL (district_adcode);
  COL (site_id); COL (as_of); COL (is_target); COL (series); COL (series_order); COL (note);
  COL (from_user); COL (note_zh); COL (caveat_en); COL (caveat_zh);

  while (atlas_rows_next (rows))
    {
      g_autoptr(AtlasStatistic) statistic = NULL;
      AtlasQualifier value_qualifier = ATLAS_QUALIFIER_NONE;
      AtlasUnit value_unit = ATLAS_UNIT_COUNT;
      const char *series_id = atlas_rows_text (rows, series);
      AtlasSeries *in_series;

      atlas_qualifier_from_string (atlas_rows_text (rows, qualifier) ? atlas_rows_text (rows, qualifier) : "",
                                   &value_qualifier);
      atlas_unit_from_string (atlas_rows_text (rows, unit), &value_unit);

      statistic = g_object_new (ATLAS_TYPE_STATISTIC,
                                "id", atlas_rows_text (rows, id),
                                "metric", atlas_rows_text (rows, metric),
                                "name-zh", atlas_rows_text (rows, label_zh),
                                "name-en", atlas_rows_text (rows, label_en),
                                "value", atlas_rows_double (rows, value, 0),
                                "qualifier", value_qualifier,
                                "unit", value_unit,
                                "period", atlas_rows_text (rows, period),
                                "scope", atlas_rows_text (rows, scope),
                                "scope-label-zh", atlas_rows_text (rows, scope_zh),
                                "scope-label-en", atlas_rows_text (rows, scope_en),
                                "district", find_district (index, rows, district_adcode),
                                "site", find (index, "site", atlas_rows_text (rows, site_id)),
                                "as-of", atlas_rows_text (rows, as_of),
                                "is-target", atlas_rows_int (rows, is_target, 0) != 0,
                                "series-id", series_id,
                                "series-order", atlas_rows_int (rows, series_order, 0),
                                "note", atlas_rows_text (rows, note),
                                "from-user", atlas_rows_int (rows, from_user, 0) != 0,
                                "note-zh", atlas_rows_text (rows, note_zh),
                                "caveat-en", atlas_rows_text (rows, caveat_en),
                                "caveat-zh", atlas_rows_text (rows, caveat_zh),
                                NULL);

      if ((in_series = (AtlasSeries *) find (index, "series", series_id)) != NULL)
        _atlas_series_add_statistic (in_series, statistic);

      index_item (index, statistic);
      g_ptr_array_add (out, g_steal_pointer (&statistic));
    }

  return atlas_rows_finish (rows, error);
}

#undef COL

static void
count_per_district (GPtrArray     *districts,
                    AtlasSiteList *sites,
                    GPtrArray     *events)
{
  g_autoptr(GHashTable) site_counts = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) event_counts = g_hash_table_new (NULL, NULL);
  guint n_sites = g_list_model_get_n_items (G_LIST_MODEL (sites));

  for (guint i = 0; i < n_sites; i++)
    {
      AtlasDistrict *d = atlas_site_list_get_row (sites, i)->district;
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
count_per_area (GPtrArray     *areas,
                AtlasSiteList *sites)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  guint n_sites = g_list_model_get_n_items (G_LIST_MODEL (sites));

  for (guint i = 0; i < n_sites; i++)
    {
      AtlasArea *area = atlas_site_list_get_row (sites, i)->area;

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
replace_all (AtlasRecordList *list,
             GPtrArray       *items)
{
  atlas_record_list_replace_all (list, items);
}

static gboolean
load (AtlasDataset  *self,
      GError       **error)
{
  g_autoptr(Index) index = index_new ();
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) districts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) rivers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) areas = g_ptr_array_new_with_free_func (g_object_unref);
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
      !load_area_districts (self, index, error) ||
      !load_sites (self, index, districts, areas, error) ||
      !load_parties (self, index, parties, error) ||
      !load_events (self, index, events, error) ||
      !load_series (self, index, series, error) ||
      !load_statistics (self, index, statistics, error))
    return FALSE;

  count_per_district (districts, index->sites, events);
  count_per_area (areas, index->sites);

  /* The index finds sites in the dataset's own list from now on. */
  _atlas_site_list_take (self->sites, index->sites);
  g_set_object (&index->sites, self->sites);
  index_free (self->index);
  self->index = g_steal_pointer (&index);

  replace_all (self->sources, sources);
  replace_all (self->districts, districts);
  replace_all (self->rivers, rivers);
  replace_all (self->areas, areas);
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
 * atlas_dataset_get_sites_without_point:
 *
 * The sites known only by the area they lie in, or not placed at all
 * (atlas_site_has_point() is %FALSE), in id order: a few among many,
 * found from the rows once per reload, so that the map's lists of them
 * need not look through every site (atlas_site_filter_list_new_within()).
 * Their objects are made when asked for.
 *
 * Returns: (transfer none): the sites without a point, following reloads
 */
DEFINE_GETTER (sites_without_point)

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
  g_autoptr(AtlasRows) rows = NULL;
  int source_id, quote, quote_en;

  g_return_val_if_fail (ATLAS_IS_DATASET (self), G_LIST_MODEL (list));
  g_return_val_if_fail (ATLAS_IS_ITEM (item), G_LIST_MODEL (list));

  rows = atlas_store_query (self->store, ATLAS_QUERY_CITATIONS_OF, atlas_item_get_entity (item),
                            atlas_item_get_id (item), &error);
  if (rows == NULL)
    {
      g_warning ("Cannot read citations: %s", error->message);
      return G_LIST_MODEL (list);
    }

  source_id = atlas_rows_column (rows, "source_id");
  quote = atlas_rows_column (rows, "quote");
  quote_en = atlas_rows_column (rows, "quote_en");
  while (atlas_rows_next (rows))
    {
      AtlasSource *source = (AtlasSource *) find (self->index, "source", atlas_rows_text (rows, source_id));
      g_autoptr(AtlasCitation) citation = NULL;

      if (source == NULL)
        continue;
      citation = atlas_citation_new (atlas_item_get_entity (item), atlas_item_get_id (item),
                                     source, atlas_rows_text (rows, quote),
                                     atlas_rows_text (rows, quote_en));
      g_list_store_append (list, citation);
    }
  if (!atlas_rows_finish (rows, &error))
    g_warning ("Cannot read citations: %s", error->message);

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

  /* By row: only the sites listed get their objects. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->sites));
  for (guint i = 0; i < n; i++)
    if (atlas_site_list_get_row (self->sites, i)->district == district)
      g_list_store_append (list, atlas_site_list_get_site (self->sites, i));

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
    if (atlas_site_list_get_row (self->sites, i)->area == area)
      g_list_store_append (list, atlas_site_list_get_site (self->sites, i));

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
  g_autoptr(AtlasRows) rows = NULL;
  int entity, entity_id;

  g_return_val_if_fail (ATLAS_IS_DATASET (self), G_LIST_MODEL (list));

  rows = atlas_store_query (self->store, ATLAS_QUERY_RECORDS_CITING,
                            atlas_item_get_id (ATLAS_ITEM (source)), NULL, &error);
  if (rows == NULL)
    {
      g_warning ("Cannot read citations: %s", error->message);
      return G_LIST_MODEL (list);
    }

  entity = atlas_rows_column (rows, "entity");
  entity_id = atlas_rows_column (rows, "entity_id");
  while (atlas_rows_next (rows))
    {
      AtlasItem *item = find (self->index, atlas_rows_text (rows, entity), atlas_rows_text (rows, entity_id));

      if (item != NULL)
        g_list_store_append (list, item);
    }
  if (!atlas_rows_finish (rows, &error))
    g_warning ("Cannot read citations: %s", error->message);

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
