/* test-models.c
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

/* The models over the bundled data: item lists, the shared state, the site
 * and event filters, sorting, and the state's JSON form.
 */

#include "config.h"

#include <gtk/gtk.h>
#include <math.h>

#include "atlas-area.h"
#include "atlas-citation.h"
#include "atlas-dataset.h"
#include "atlas-district.h"
#include "atlas-event.h"
#include "atlas-item.h"
#include "atlas-l10n.h"
#include "atlas-record-list.h"
#include "atlas-site.h"
#include "atlas-session.h"
#include "atlas-source.h"
#include "atlas-statistic.h"
#include "atlas-state.h"
#include "atlas-store.h"
#include "atlas-store-private.h"
#include "atlas-date.h"

typedef struct
{
  AtlasStore   *store;
  AtlasDataset *dataset;
  AtlasState   *state;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bundled = atlas_store_get_bundled_bytes (&error);

  g_assert_no_error (error);
  f->store = atlas_store_new (bundled, NULL, &error);
  g_assert_no_error (error);
  f->dataset = atlas_dataset_new (f->store, &error);
  g_assert_no_error (error);
  f->state = atlas_state_new ();
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->state);
  g_clear_object (&f->dataset);
  g_clear_object (&f->store);
}

static guint
n_items (GListModel *model)
{
  return g_list_model_get_n_items (model);
}

static void
test_lists (Fixture       *f,
            gconstpointer  data)
{
  GListModel *sites = atlas_dataset_get_sites (f->dataset);

  g_assert_cmpuint (n_items (atlas_dataset_get_districts (f->dataset)), ==, 38);
  g_assert_cmpuint (n_items (sites), >, 0);
  g_assert_cmpuint (n_items (atlas_dataset_get_sources (f->dataset)), >, 0);
  g_assert_true (g_list_model_get_item_type (sites) == ATLAS_TYPE_SITE);

  /* Every site is exactly as precise as its precision says, and cited. */
  for (guint i = 0; i < n_items (sites); i++)
    {
      g_autoptr(AtlasSite) site = g_list_model_get_item (sites, i);
      g_autoptr(GListModel) citations = atlas_dataset_list_citations (f->dataset, ATLAS_ITEM (site));
      AtlasLocationPrecision precision = atlas_site_get_location_precision (site);
      AtlasItem *again;

      g_assert_true (atlas_site_has_point (site) == atlas_location_precision_has_point (precision));
      g_assert_true ((atlas_site_get_district (site) != NULL) == atlas_site_has_point (site));
      g_assert_true ((atlas_site_get_area (site) != NULL) == (precision == ATLAS_LOCATION_PRECISION_AREA));
      if (!atlas_site_has_point (site))
        g_assert_true (isnan (atlas_site_get_lon (site)) && isnan (atlas_site_get_lat (site)));
      g_assert_cmpuint (n_items (citations), >, 0);

      again = atlas_dataset_lookup (f->dataset, "site", atlas_item_get_id (ATLAS_ITEM (site)));
      g_assert_true (again == ATLAS_ITEM (site));
    }
}

static void
test_localized_names (Fixture       *f,
                      gconstpointer  data)
{
  AtlasDistrict *yuzhong = atlas_dataset_lookup_district (f->dataset, 500103);

  g_assert_nonnull (yuzhong);
  atlas_l10n_set_chinese (TRUE);
  g_assert_cmpstr (atlas_item_get_name (ATLAS_ITEM (yuzhong)), ==, "渝中区");
  atlas_l10n_set_chinese (FALSE);
  g_assert_cmpstr (atlas_item_get_name (ATLAS_ITEM (yuzhong)), ==, "Yuzhong District");
}

static AtlasSite *
first_site_with_point (GListModel *sites)
{
  for (guint i = 0; i < n_items (sites); i++)
    {
      g_autoptr(AtlasSite) site = g_list_model_get_item (sites, i);

      if (atlas_site_has_point (site))
        return g_steal_pointer (&site);
    }
  g_assert_not_reached ();
}

static void
test_site_filter (Fixture       *f,
                  gconstpointer  data)
{
  GListModel *sites = atlas_dataset_get_sites (f->dataset);
  g_autoptr(AtlasSession) session = atlas_session_new (f->dataset);
  AtlasState *state = atlas_session_get_state (session);
  GtkFilter *filter = atlas_session_get_site_filter (session);
  g_autoptr(GtkFilterListModel) filtered = NULL;
  g_autoptr(AtlasSite) first = first_site_with_point (sites);
  AtlasSiteCategory category = atlas_site_get_category (first);
  guint all = n_items (sites), in_category = 0;

  filtered = gtk_filter_list_model_new (g_object_ref (sites), g_object_ref (filter));
  g_assert_cmpuint (n_items (G_LIST_MODEL (filtered)), ==, all);

  for (guint i = 0; i < all; i++)
    {
      g_autoptr(AtlasSite) site = g_list_model_get_item (sites, i);

      in_category += atlas_site_get_category (site) == category;
    }

  /* Category: only the first site's category. */
  atlas_state_set_categories (state, 1u << category);
  g_assert_cmpuint (n_items (G_LIST_MODEL (filtered)), ==, in_category);
  atlas_state_set_categories (state, 0);
  g_assert_cmpuint (n_items (G_LIST_MODEL (filtered)), ==, 0);
  atlas_state_reset_filters (state);
  g_assert_cmpuint (n_items (G_LIST_MODEL (filtered)), ==, all);

  /* Search: the first site's Chinese name finds it, and fewer than all. */
  atlas_state_set_search_text (state, atlas_item_get_name_zh (ATLAS_ITEM (first)));
  g_assert_cmpuint (n_items (G_LIST_MODEL (filtered)), >=, 1);
  g_assert_cmpuint (n_items (G_LIST_MODEL (filtered)), <, all);
  for (guint i = 0; i < n_items (G_LIST_MODEL (filtered)); i++)
    {
      g_autoptr(AtlasSite) site = g_list_model_get_item (G_LIST_MODEL (filtered), i);

      if (site == first)
        break;
      g_assert_cmpuint (i + 1, <, n_items (G_LIST_MODEL (filtered)));
    }

  atlas_state_set_search_text (state, "zzzz no such thing qqqq");
  g_assert_cmpuint (n_items (G_LIST_MODEL (filtered)), ==, 0);
  atlas_state_reset_filters (state);

  /* District. */
  atlas_state_set_district (state, atlas_district_get_adcode (atlas_site_get_district (first)));
  g_assert_cmpuint (n_items (G_LIST_MODEL (filtered)), >=, 1);
  for (guint i = 0; i < n_items (G_LIST_MODEL (filtered)); i++)
    {
      g_autoptr(AtlasSite) site = g_list_model_get_item (G_LIST_MODEL (filtered), i);

      g_assert_true (atlas_site_get_district (site) == atlas_site_get_district (first));
    }
}

static void
test_event_filter_time (Fixture       *f,
                        gconstpointer  data)
{
  GListModel *events = atlas_dataset_get_events (f->dataset);
  g_autoptr(AtlasSession) session = atlas_session_new (f->dataset);
  AtlasState *state = atlas_session_get_state (session);
  GtkFilter *filter = atlas_session_get_event_filter (session);
  g_autoptr(GtkFilterListModel) filtered = NULL;
  g_autoptr(AtlasEvent) first = g_list_model_get_item (events, 0);
  guint32 day = atlas_event_get_first_day (first);

  filtered = gtk_filter_list_model_new (g_object_ref (events), g_object_ref (filter));
  g_assert_cmpuint (n_items (G_LIST_MODEL (filtered)), ==, n_items (events));

  /* A range of the event's own days keeps it; a range before all events
   * keeps none.
   */
  atlas_state_set_time_range (state, day, atlas_event_get_last_day (first));
  g_assert_cmpuint (n_items (G_LIST_MODEL (filtered)), >=, 1);
  atlas_state_set_time_range (state, 1000, 1001);
  g_assert_cmpuint (n_items (G_LIST_MODEL (filtered)), ==, 0);
  atlas_state_clear_time_range (state);
  g_assert_cmpuint (n_items (G_LIST_MODEL (filtered)), ==, n_items (events));

  /* Kinds. */
  atlas_state_set_event_kinds (state, 1u << atlas_event_get_kind (first));
  for (guint i = 0; i < n_items (G_LIST_MODEL (filtered)); i++)
    {
      g_autoptr(AtlasEvent) event = g_list_model_get_item (G_LIST_MODEL (filtered), i);

      g_assert_cmpint (atlas_event_get_kind (event), ==, atlas_event_get_kind (first));
    }
}

static int
compare_by_name (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  g_autofree char *ka = g_utf8_collate_key (atlas_item_get_name ((AtlasItem *) a), -1);
  g_autofree char *kb = g_utf8_collate_key (atlas_item_get_name ((AtlasItem *) b), -1);

  return strcmp (ka, kb);
}

static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  GListModel *sites = atlas_dataset_get_sites (f->dataset);
  g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare_by_name, NULL, NULL));
  g_autoptr(GtkSortListModel) sorted = gtk_sort_list_model_new (g_object_ref (sites), g_object_ref (sorter));
  guint n = n_items (G_LIST_MODEL (sorted));

  g_assert_cmpuint (n, ==, n_items (sites));
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(AtlasItem) a = g_list_model_get_item (G_LIST_MODEL (sorted), i - 1);
      g_autoptr(AtlasItem) b = g_list_model_get_item (G_LIST_MODEL (sorted), i);

      g_assert_cmpint (compare_by_name (a, b, NULL), <=, 0);
    }
}

static void
test_state_json (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(AtlasSite) site = g_list_model_get_item (atlas_dataset_get_sites (f->dataset), 0);
  g_autoptr(AtlasState) copy = atlas_state_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;

  atlas_state_set_selection (f->state, ATLAS_ITEM (site));
  atlas_state_set_search_text (f->state, "科学城");
  atlas_state_set_category (f->state, ATLAS_SITE_CATEGORY_COMPANY, FALSE);
  atlas_state_set_time_range (f->state, atlas_julian_from_ymd (2016, 1, 1),
                              atlas_julian_from_ymd (2020, 12, 31));
  atlas_state_set_district (f->state, 500106);
  atlas_state_set_page (f->state, "sites");

  node = atlas_state_to_json (f->state);
  text = json_to_string (node, FALSE);
  g_test_message ("%s", text);

  g_assert_true (atlas_state_load_json (copy, node, f->dataset, &error));
  g_assert_no_error (error);
  g_assert_true (atlas_state_get_selection (copy) == ATLAS_ITEM (site));
  g_assert_cmpstr (atlas_state_get_search_text (copy), ==, "科学城");
  g_assert_cmpuint (atlas_state_get_categories (copy), ==, atlas_state_get_categories (f->state));
  g_assert_cmpuint (atlas_state_get_time_first (copy), ==, atlas_state_get_time_first (f->state));
  g_assert_cmpuint (atlas_state_get_time_last (copy), ==, atlas_state_get_time_last (f->state));
  g_assert_cmpint (atlas_state_get_district (copy), ==, 500106);
  g_assert_cmpstr (atlas_state_get_page (copy), ==, "sites");

  again = atlas_state_to_json (copy);
  text_again = json_to_string (again, FALSE);
  g_assert_cmpstr (text, ==, text_again);

  /* A selection that no longer exists is an error, not a crash. */
  {
    g_autoptr(JsonNode) bad = json_from_string ("{\"selection\": {\"entity\": \"site\","
                                                  " \"id\": \"no-such-site\"}}", NULL);

    g_assert_false (atlas_state_load_json (copy, bad, f->dataset, &error));
    g_assert_nonnull (error);
  }
}

/* ---- areas and places ------------------------------------------------- */

static void
test_areas (Fixture       *f,
            gconstpointer  data)
{
  GListModel *areas = atlas_dataset_get_areas (f->dataset);
  AtlasArea *city = ATLAS_AREA (atlas_dataset_lookup (f->dataset, "area", "western-chongqing-science-city"));
  AtlasArea *liangjiang = ATLAS_AREA (atlas_dataset_lookup (f->dataset, "area", "liangjiang-new-area"));
  AtlasSite *center = ATLAS_SITE (atlas_dataset_lookup (f->dataset, "site", "cas-chongqing-science-center"));
  g_autoptr(GListModel) in_city = NULL;
  guint counted = 0;

  g_assert_cmpuint (n_items (areas), >=, 2);
  g_assert_true (g_list_model_get_item_type (areas) == ATLAS_TYPE_AREA);
  g_assert_nonnull (city);
  g_assert_nonnull (liangjiang);

  /* The Science City spans five districts, Liangjiang New Area three. */
  g_assert_cmpuint (atlas_area_get_n_districts (city), ==, 5);
  g_assert_cmpuint (atlas_area_get_n_districts (liangjiang), ==, 3);
  g_assert_true (atlas_area_spans_district (city, 500116));    /* Jiangjin */
  g_assert_true (atlas_area_spans_district (city, 500106));    /* Shapingba */
  g_assert_false (atlas_area_spans_district (city, 500103));   /* Yuzhong */
  g_assert_true (atlas_area_spans_district (liangjiang, 500112));
  g_assert_cmpuint (n_items (atlas_area_get_districts (city)), ==, 5);

  /* The CAS Chongqing Science Center is known only to be in the Science City:
   * no point, no district, in any of its districts for a filter's purposes.
   */
  g_assert_nonnull (center);
  g_assert_cmpint (atlas_site_get_location_precision (center), ==, ATLAS_LOCATION_PRECISION_AREA);
  g_assert_true (atlas_site_get_area (center) == city);
  g_assert_null (atlas_site_get_district (center));
  g_assert_false (atlas_site_has_point (center));
  g_assert_true (atlas_site_may_be_in_district (center, 500109));
  g_assert_true (atlas_site_may_be_in_district (center, 500120));
  g_assert_false (atlas_site_may_be_in_district (center, 500103));

  /* The area's sites: listed, and counted on the area. */
  in_city = atlas_dataset_list_sites_in_area (f->dataset, city);
  g_assert_cmpuint (n_items (in_city), ==, atlas_area_get_site_count (city));
  for (guint i = 0; i < n_items (in_city); i++)
    {
      g_autoptr(AtlasSite) site = g_list_model_get_item (in_city, i);

      g_assert_true (atlas_site_get_area (site) == city);
      counted += site == center;
    }
  g_assert_cmpuint (counted, ==, 1);

  /* An area is cited like any record. */
  {
    g_autoptr(GListModel) citations = atlas_dataset_list_citations (f->dataset, ATLAS_ITEM (city));
    g_assert_cmpuint (n_items (citations), >, 0);
  }
}

/* A site the sources name without a place is listed and searchable. */
static void
test_unknown_place_is_searchable (Fixture       *f,
                                  gconstpointer  data)
{
  AtlasSite *lab = ATLAS_SITE (atlas_dataset_lookup (f->dataset, "site", "jialingjiang-laboratory"));
  g_autoptr(AtlasSession) session = atlas_session_new (f->dataset);
  GtkFilter *filter = atlas_session_get_site_filter (session);
  g_autoptr(GtkFilterListModel) filtered = NULL;
  gboolean found = FALSE;

  g_assert_nonnull (lab);
  g_assert_cmpint (atlas_site_get_location_precision (lab), ==, ATLAS_LOCATION_PRECISION_UNKNOWN);
  g_assert_null (atlas_site_get_area (lab));
  g_assert_false (atlas_site_has_point (lab));
  g_assert_false (atlas_site_may_be_in_district (lab, 500109));

  filtered = gtk_filter_list_model_new (g_object_ref (atlas_dataset_get_sites (f->dataset)),
                                        g_object_ref (filter));
  atlas_state_set_search_text (atlas_session_get_state (session), "嘉陵江实验室");
  for (guint i = 0; i < n_items (G_LIST_MODEL (filtered)); i++)
    {
      g_autoptr(AtlasSite) site = g_list_model_get_item (G_LIST_MODEL (filtered), i);

      found |= site == lab;
    }
  g_assert_true (found);
}

/* Filtering events by district must not trip over sites without a district
 * (the 41 projects of 2020-12-15 took place in the Science City, an area).
 */
static void
test_event_filter_area_places (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(AtlasSession) session = atlas_session_new (f->dataset);
  GtkFilter *filter = atlas_session_get_event_filter (session);
  g_autoptr(GtkFilterListModel) filtered = NULL;
  AtlasEvent *signing = ATLAS_EVENT (atlas_dataset_lookup (f->dataset, "event",
                                                           "science-city-41-electronic-information-projects-2020"));

  g_assert_nonnull (signing);
  g_assert_nonnull (atlas_event_get_place (signing));
  g_assert_false (atlas_site_has_point (atlas_event_get_place (signing)));

  filtered = gtk_filter_list_model_new (g_object_ref (atlas_dataset_get_events (f->dataset)),
                                        g_object_ref (filter));
  atlas_state_set_district (atlas_session_get_state (session), 500107);
  for (guint i = 0; i < n_items (G_LIST_MODEL (filtered)); i++)
    {
      g_autoptr(AtlasEvent) event = g_list_model_get_item (G_LIST_MODEL (filtered), i);

      g_assert_nonnull (event);
    }
}

/* ---- meanings ------------------------------------------------------------ */

static void
test_figures_keep_their_meaning (Fixture       *f,
                                 gconstpointer  data)
{
  AtlasEvent *signing = ATLAS_EVENT (atlas_dataset_lookup (f->dataset, "event",
                                                           "science-city-41-electronic-information-projects-2020"));
  AtlasEvent *plan = ATLAS_EVENT (atlas_dataset_lookup (f->dataset, "event", "chongqing-major-sci-tech-projects-2023"));
  AtlasStatistic *growth = ATLAS_STATISTIC (atlas_dataset_lookup (f->dataset, "statistic",
                                                                  "hitech-enterprises-growth-5-years"));
  AtlasStatistic *rank = ATLAS_STATISTIC (atlas_dataset_lookup (f->dataset, "statistic",
                                                                "sponge-city-pilot-evaluation-rank"));

  /* "总投资额超100亿元": over 10 billion yuan. */
  g_assert_cmpint (atlas_event_get_amount_qualifier (signing), ==, ATLAS_QUALIFIER_OVER);
  g_assert_false (atlas_event_get_figures_planned (signing));
  /* "拟实施重大项目40项": a plan. */
  g_assert_true (atlas_event_get_figures_planned (plan));
  /* "增长3.1倍" is an increase by 3.1 times; "第6" is a rank. */
  g_assert_cmpint (atlas_statistic_get_unit (growth), ==, ATLAS_UNIT_INCREASE_TIMES);
  g_assert_cmpfloat (atlas_statistic_get_value (growth), ==, 3.1);
  g_assert_cmpint (atlas_statistic_get_unit (rank), ==, ATLAS_UNIT_RANK);
}

/* The report says "two" agreements and lists a third: both records carry
 * the conflict.
 */
static void
test_conflict_on_both_records (Fixture       *f,
                               gconstpointer  data)
{
  AtlasStatistic *count = ATLAS_STATISTIC (atlas_dataset_lookup (f->dataset, "statistic",
                                                                 "cas-chongqing-agreements-13th-fyp"));
  AtlasEvent *third = ATLAS_EVENT (atlas_dataset_lookup (f->dataset, "event",
                                                         "cas-chongqing-science-education-agreement-2018"));

  g_assert_nonnull (atlas_statistic_get_caveat_en (count));
  g_assert_nonnull (atlas_statistic_get_caveat_zh (count));
  g_assert_nonnull (atlas_event_get_caveat_en (third));
  g_assert_nonnull (atlas_event_get_caveat_zh (third));

  atlas_l10n_set_chinese (TRUE);
  g_assert_true (atlas_event_get_caveat (third) == atlas_event_get_caveat_zh (third));
  atlas_l10n_set_chinese (FALSE);
  g_assert_true (atlas_event_get_caveat (third) == atlas_event_get_caveat_en (third));
}

/* Nothing a reader sees exists in one language only. */
static void
test_both_languages (Fixture       *f,
                     gconstpointer  data)
{
  GListModel *sites = atlas_dataset_get_sites (f->dataset);
  GListModel *events = atlas_dataset_get_events (f->dataset);
  GListModel *statistics = atlas_dataset_get_statistics (f->dataset);
  GListModel *sources = atlas_dataset_get_sources (f->dataset);

  for (guint i = 0; i < n_items (sites); i++)
    {
      g_autoptr(AtlasSite) site = g_list_model_get_item (sites, i);
      g_autoptr(GListModel) citations = atlas_dataset_list_citations (f->dataset, ATLAS_ITEM (site));

      g_assert_true ((atlas_site_get_note_en (site) != NULL) == (atlas_site_get_note_zh (site) != NULL));
      g_assert_true ((atlas_site_get_description_en (site) != NULL) ==
                     (atlas_site_get_description_zh (site) != NULL));
      for (guint j = 0; j < n_items (citations); j++)
        {
          g_autoptr(AtlasCitation) citation = g_list_model_get_item (citations, j);

          g_assert_nonnull (atlas_citation_get_quote_en (citation));
          g_assert_null (strstr (atlas_citation_get_quote (citation), "**"));
        }
    }
  for (guint i = 0; i < n_items (events); i++)
    {
      g_autoptr(AtlasEvent) event = g_list_model_get_item (events, i);

      g_assert_true ((atlas_event_get_note_en (event) != NULL) == (atlas_event_get_note_zh (event) != NULL));
    }
  for (guint i = 0; i < n_items (statistics); i++)
    {
      g_autoptr(AtlasStatistic) statistic = g_list_model_get_item (statistics, i);

      g_assert_true ((atlas_statistic_get_note_en (statistic) != NULL) ==
                     (atlas_statistic_get_note_zh (statistic) != NULL));
    }
  for (guint i = 0; i < n_items (sources); i++)
    {
      g_autoptr(AtlasSource) source = g_list_model_get_item (sources, i);

      g_assert_nonnull (atlas_source_get_note_en (source));
      g_assert_nonnull (atlas_source_get_note_zh (source));
    }
}

static char *
dup_text (AtlasStore *store,
          const char *sql,
          const char *id)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = atlas_store_prepare (store, sql, &error);
  char *text = NULL;

  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return text;
}

/* A site's descriptions are read from the store when first asked for, and
 * they are those of the record the site was made from: the user's own
 * version of a bundled site, the bundled text otherwise.
 */
static void
test_site_descriptions_on_demand (Fixture       *f,
                                  gconstpointer  data)
{
  GListModel *sites = atlas_dataset_get_sites (f->dataset);
  g_autoptr(GError) error = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *property = NULL;
  AtlasSite *edited;
  gboolean chinese;
  guint checked = 0;
  sqlite3_stmt *stmt;

  for (guint i = 0; i < n_items (sites) && mine == NULL; i++)
    {
      g_autoptr(AtlasSite) site = g_list_model_get_item (sites, i);

      if (atlas_site_get_description_zh (site) != NULL)
        mine = g_strdup (atlas_item_get_id (ATLAS_ITEM (site)));
    }
  g_assert_nonnull (mine);

  /* The user's own version of that site, with other descriptions. */
  stmt = atlas_store_prepare (f->store,
                              "INSERT INTO user.site (id, name_zh, name_en, category, district_adcode,"
                              " lon, lat, location_precision, description_zh, description_en)"
                              " SELECT id, name_zh, name_en, category, district_adcode, lon, lat,"
                              " location_precision, '用户写的说明', 'What the user wrote'"
                              " FROM main.site WHERE id = ?1", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, mine, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  g_assert_true (atlas_dataset_reload (f->dataset, &error));
  g_assert_no_error (error);

  edited = ATLAS_SITE (atlas_dataset_lookup (f->dataset, "site", mine));
  g_assert_true (atlas_site_get_from_user (edited));
  g_assert_cmpstr (atlas_site_get_description_zh (edited), ==, "用户写的说明");
  g_assert_cmpstr (atlas_site_get_description_en (edited), ==, "What the user wrote");
  g_object_get (edited, "description-en", &property, NULL);
  g_assert_cmpstr (property, ==, "What the user wrote");

  /* Every other site shows the bundled text of its own row. */
  for (guint i = 0; i < n_items (sites); i++)
    {
      g_autoptr(AtlasSite) site = g_list_model_get_item (sites, i);
      const char *id = atlas_item_get_id (ATLAS_ITEM (site));
      g_autofree char *zh = NULL;
      g_autofree char *en = NULL;

      if (g_str_equal (id, mine))
        continue;
      zh = dup_text (f->store, "SELECT description_zh FROM main.site WHERE id = ?1", id);
      en = dup_text (f->store, "SELECT description_en FROM main.site WHERE id = ?1", id);
      g_assert_cmpstr (atlas_site_get_description_zh (site), ==, zh);
      g_assert_cmpstr (atlas_site_get_description_en (site), ==, en);
      checked++;
    }
  g_assert_cmpuint (checked, ==, n_items (sites) - 1);

  /* The user's rows and the bundled ones come as one list in id order. */
  for (guint i = 1; i < n_items (sites); i++)
    {
      g_autoptr(AtlasSite) before = g_list_model_get_item (sites, i - 1);
      g_autoptr(AtlasSite) after = g_list_model_get_item (sites, i);

      g_assert_cmpint (strcmp (atlas_item_get_id (ATLAS_ITEM (before)),
                               atlas_item_get_id (ATLAS_ITEM (after))), <, 0);
    }

  /* The description shown follows the interface's language. */
  chinese = atlas_l10n_is_chinese ();
  atlas_l10n_set_chinese (FALSE);
  g_assert_cmpstr (atlas_site_get_description (edited), ==, "What the user wrote");
  atlas_l10n_set_chinese (TRUE);
  g_assert_cmpstr (atlas_site_get_description (edited), ==, "用户写的说明");
  atlas_l10n_set_chinese (chinese);
}

/* A source's count of the records citing it, read when first asked for, is
 * the number of records the details pane lists under it.
 */
static void
test_source_citation_counts (Fixture       *f,
                             gconstpointer  data)
{
  GListModel *sources = atlas_dataset_get_sources (f->dataset);
  guint total = 0;

  g_assert_cmpuint (n_items (sources), >, 0);
  for (guint i = 0; i < n_items (sources); i++)
    {
      g_autoptr(AtlasSource) source = g_list_model_get_item (sources, i);
      g_autoptr(GListModel) citing = atlas_dataset_list_records_citing (f->dataset, source);
      guint property = 0;

      g_assert_cmpuint (atlas_source_get_citation_count (source), ==, n_items (citing));
      g_object_get (source, "citation-count", &property, NULL);
      g_assert_cmpuint (property, ==, n_items (citing));
      total += n_items (citing);
    }
  g_assert_cmpuint (total, >, 0);
}

static void
count_changes (GListModel *list,
               guint       position,
               guint       removed,
               guint       added,
               guint      *changes)
{
  g_assert_cmpuint (position, ==, 0);
  /* Handlers see the new records already. */
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, added);
  changes[0]++;
  changes[1] = removed;
  changes[2] = added;
}

/* The dataset's lists: replaced whole, with one items-changed saying so. */
static void
test_record_list (Fixture       *f,
                  gconstpointer  data)
{
  GListModel *sites = atlas_dataset_get_sites (f->dataset);
  g_autoptr(AtlasRecordList) list = atlas_record_list_new (ATLAS_TYPE_SITE);
  g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) second = g_ptr_array_new_with_free_func (g_object_unref);
  guint changes[3] = { 0, 0, 0 };

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == ATLAS_TYPE_SITE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_signal_connect (list, "items-changed", G_CALLBACK (count_changes), changes);

  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (first, g_list_model_get_item (sites, i));
  g_ptr_array_add (second, g_list_model_get_item (sites, 3));

  atlas_record_list_replace_all (list, first);
  g_assert_cmpuint (changes[0], ==, 1);
  g_assert_cmpuint (changes[1], ==, 0);
  g_assert_cmpuint (changes[2], ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autoptr(GObject) expected = g_list_model_get_item (sites, i);

      g_assert_true (item == expected);
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 3));

  atlas_record_list_replace_all (list, second);
  g_assert_cmpuint (changes[0], ==, 2);
  g_assert_cmpuint (changes[1], ==, 3);
  g_assert_cmpuint (changes[2], ==, 1);

  /* Nothing to nothing is no change. */
  g_ptr_array_set_size (first, 0);
  atlas_record_list_replace_all (list, first);
  g_assert_cmpuint (changes[0], ==, 3);
  atlas_record_list_replace_all (list, first);
  g_assert_cmpuint (changes[0], ==, 3);
}

/* Adds a user site of id @id, a copy of a bundled one. */
static void
add_user_site (Fixture    *f,
               const char *id)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  stmt = atlas_store_prepare (f->store,
                              "INSERT INTO user.site (id, name_zh, name_en, category, district_adcode,"
                              " lon, lat, location_precision)"
                              " SELECT ?1, name_zh, name_en, category, district_adcode, lon, lat,"
                              " location_precision FROM main.site ORDER BY id LIMIT 1", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

/* The sites come in id order and each is found by its id, however the
 * rows were written: the user's in two ascending runs (merged), then in no
 * order at all (sorted); the bundled ones after them either way.
 */
static void
test_sites_in_id_order (Fixture       *f,
                        gconstpointer  data)
{
  GListModel *sites = atlas_dataset_get_sites (f->dataset);
  guint bundled = n_items (sites);
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;

  for (guint round = 0; round < 2; round++)
    {
      guint added = round == 0 ? 60 : 600;

      stmt = atlas_store_prepare (f->store, "DELETE FROM user.site", &error);
      g_assert_no_error (error);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
      for (guint i = 0; i < added; i++)
        {
          g_autofree char *id = NULL;

          if (round == 0)
            /* "zz-…" after every bundled id, then "00-…" before them. */
            id = g_strdup_printf ("%s-%04u", i < added / 2 ? "zz" : "00", i);
          else
            /* Descending, with every other one from the far end. */
            id = g_strdup_printf ("mixed-%04u", i % 2 ? i : added - i);
          add_user_site (f, id);
        }
      g_assert_true (atlas_dataset_reload (f->dataset, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n_items (sites), ==, bundled + added);

      for (guint i = 0; i < n_items (sites); i++)
        {
          g_autoptr(AtlasSite) site = g_list_model_get_item (sites, i);
          const char *id = atlas_item_get_id (ATLAS_ITEM (site));

          if (i > 0)
            {
              g_autoptr(AtlasSite) before = g_list_model_get_item (sites, i - 1);

              g_assert_cmpint (strcmp (atlas_item_get_id (ATLAS_ITEM (before)), id), <, 0);
            }
          g_assert_true (atlas_dataset_lookup (f->dataset, "site", id) == ATLAS_ITEM (site));
        }
      g_assert_null (atlas_dataset_lookup (f->dataset, "site", "no-such-site"));
      g_assert_null (atlas_dataset_lookup (f->dataset, "site", ""));
      g_assert_null (atlas_dataset_lookup (f->dataset, "site", "zzzz"));
    }
}

/* The dataset's list of sites without a point is exactly those of its
 * sites, in the same order, and follows a reload.
 */
static void
check_sites_without_point (AtlasDataset *dataset)
{
  GListModel *sites = atlas_dataset_get_sites (dataset);
  GListModel *without = atlas_dataset_get_sites_without_point (dataset);
  guint next = 0;

  g_assert_true (g_list_model_get_item_type (without) == ATLAS_TYPE_SITE);
  for (guint i = 0; i < n_items (sites); i++)
    {
      g_autoptr(AtlasSite) site = g_list_model_get_item (sites, i);
      g_autoptr(AtlasSite) listed = NULL;

      if (atlas_site_has_point (site))
        continue;
      g_assert_cmpuint (next, <, n_items (without));
      listed = g_list_model_get_item (without, next++);
      g_assert_true (listed == site);
    }
  g_assert_cmpuint (next, ==, n_items (without));
}

static void
test_sites_without_point (Fixture       *f,
                          gconstpointer  data)
{
  GListModel *without = atlas_dataset_get_sites_without_point (f->dataset);
  g_autoptr(GError) error = NULL;
  guint before, changes[3] = { 0, 0, 0 };
  sqlite3_stmt *stmt;

  check_sites_without_point (f->dataset);
  before = n_items (without);
  g_assert_cmpuint (before, >, 0);

  stmt = atlas_store_prepare (f->store,
                              "INSERT INTO user.site (id, name_zh, name_en, category, location_precision)"
                              " SELECT 'zz-nowhere', name_zh, name_en, category, 'unknown'"
                              " FROM main.site ORDER BY id LIMIT 1", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
  g_signal_connect (without, "items-changed", G_CALLBACK (count_changes), changes);
  g_assert_true (atlas_dataset_reload (f->dataset, &error));
  g_assert_no_error (error);

  /* One change, all replaced. */
  g_assert_cmpuint (changes[0], ==, 1);
  g_assert_cmpuint (changes[1], ==, before);
  g_assert_cmpuint (changes[2], ==, before + 1);
  g_assert_cmpuint (n_items (without), ==, before + 1);
  check_sites_without_point (f->dataset);
  g_assert_true (atlas_dataset_lookup (f->dataset, "site", "zz-nowhere") != NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/models/lists", test_lists);
  ADD ("/models/localized-names", test_localized_names);
  ADD ("/models/site-filter", test_site_filter);
  ADD ("/models/event-filter", test_event_filter_time);
  ADD ("/models/sort", test_sort);
  ADD ("/models/state-json", test_state_json);
  ADD ("/models/areas", test_areas);
  ADD ("/models/unknown-place-is-searchable", test_unknown_place_is_searchable);
  ADD ("/models/event-filter/area-places", test_event_filter_area_places);
  ADD ("/models/figures-keep-their-meaning", test_figures_keep_their_meaning);
  ADD ("/models/conflict-on-both-records", test_conflict_on_both_records);
  ADD ("/models/both-languages", test_both_languages);
  ADD ("/models/site-descriptions-on-demand", test_site_descriptions_on_demand);
  ADD ("/models/source-citation-counts", test_source_citation_counts);
  ADD ("/models/record-list", test_record_list);
  ADD ("/models/sites-in-id-order", test_sites_in_id_order);
  ADD ("/models/sites-without-point", test_sites_without_point);

#undef ADD

  return g_test_run ();
}
