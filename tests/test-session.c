/* test-session.c
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

/* The session's promise: every view counts with the same filters.  Under a
 * display (Xvfb in CI) the real window is built and, for every district,
 * category, event kind and several time ranges, the map's visible sites, the
 * Sites list, the filter bar, the timeline's events in range and the charts
 * that count sites or events are compared.  Then data is imported and reset:
 * every view follows without a restart.  And changing filters never changes
 * the selection.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <sqlite3.h>
#include <string.h>

#include "atlas-application.h"
#include "atlas-area.h"
#include "atlas-chart-point.h"
#include "atlas-chart-series.h"
#include "atlas-charts-page.h"
#include "atlas-dataset.h"
#include "atlas-district.h"
#include "atlas-event.h"
#include "atlas-filter-bar.h"
#include "atlas-import.h"
#include "atlas-updater.h"
#include "data-io/atlas-test-package.h"
#include "atlas-item.h"
#include "atlas-map-page.h"
#include "atlas-map-view.h"
#include "atlas-session.h"
#include "atlas-site.h"
#include "atlas-sites-page.h"
#include "atlas-state.h"
#include "atlas-timeline-page.h"
#include "atlas-timeline-view.h"
#include "atlas-window.h"
#include "atlas-test-ui.h"

static AtlasApplication *app;

/* The window is built but not shown: what is compared is what the views
 * hold, not what a frame draws, and dozens of states are checked.
 */
static AtlasWindow *
open_window (void)
{
  return atlas_window_new (GTK_APPLICATION (app),
                           atlas_application_get_dataset (app),
                           atlas_application_get_settings (app));
}

/* ---- what each view shows ---------------------------------------------- */

static guint
map_sites (AtlasWindow *window)
{
  AtlasMapPage *page = ATLAS_MAP_PAGE (atlas_window_get_page (window, "map"));

  return atlas_map_scene_get_n_visible (atlas_map_view_get_scene (atlas_map_page_get_view (page)));
}

static guint
list_sites (AtlasWindow *window)
{
  AtlasSitesPage *page = ATLAS_SITES_PAGE (atlas_window_get_page (window, "sites"));

  return g_list_model_get_n_items (atlas_sites_page_get_model (page));
}

static guint
timeline_events (AtlasWindow *window)
{
  AtlasTimelinePage *page = ATLAS_TIMELINE_PAGE (atlas_window_get_page (window, "timeline"));
  AtlasTimelineView *view = atlas_timeline_page_get_view (page);

  return atlas_timeline_chart_get_n_in_brush (atlas_timeline_view_get_chart (view));
}

static AtlasChartSeries *
chart_series (AtlasWindow *window,
              const char  *id)
{
  AtlasChartsPage *page = ATLAS_CHARTS_PAGE (atlas_window_get_page (window, "charts"));
  AtlasChartCard *card = atlas_charts_page_get_card (page, id);

  g_assert_nonnull (card);
  return atlas_chart_card_get_series (card);
}

/* The sum of the marks a chart does not mute: what it says is in view. */
static guint
chart_total (AtlasWindow *window,
             const char  *id)
{
  GListModel *points = G_LIST_MODEL (chart_series (window, id));
  double total = 0;

  for (guint i = 0; i < g_list_model_get_n_items (points); i++)
    {
      g_autoptr(AtlasChartPoint) point = g_list_model_get_item (points, i);

      if (!atlas_chart_point_get_muted (point))
        total += atlas_chart_point_get_value (point);
    }
  return (guint) total;
}

/* The bar of one district in "Sites per district", 0 if it has none. */
static guint
chart_district (AtlasWindow *window,
                int          adcode)
{
  GListModel *points = G_LIST_MODEL (chart_series (window, "sites-per-district"));

  for (guint i = 0; i < g_list_model_get_n_items (points); i++)
    {
      g_autoptr(AtlasChartPoint) point = g_list_model_get_item (points, i);

      if (atlas_chart_point_get_link_value (point) == adcode)
        return (guint) atlas_chart_point_get_value (point);
    }
  return 0;
}

/* What the session itself lets through, counted the long way round. */
static guint
session_sites (AtlasSession *session)
{
  GListModel *sites = atlas_dataset_get_sites (atlas_session_get_dataset (session));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
    {
      g_autoptr(AtlasSite) site = g_list_model_get_item (sites, i);

      n += atlas_session_match_site (session, site, ATLAS_FILTER_NONE);
    }
  return n;
}

/* The map draws only the sites that have a point (not those known only by
 * their area, or with no known place).
 */
static guint
session_sites_with_point (AtlasSession *session)
{
  GListModel *sites = atlas_dataset_get_sites (atlas_session_get_dataset (session));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
    {
      g_autoptr(AtlasSite) site = g_list_model_get_item (sites, i);

      n += atlas_site_has_point (site) && atlas_session_match_site (session, site, ATLAS_FILTER_NONE);
    }
  return n;
}

static guint
session_events (AtlasSession *session)
{
  GListModel *events = atlas_dataset_get_events (atlas_session_get_dataset (session));
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(AtlasEvent) event = g_list_model_get_item (events, i);

      n += atlas_session_match_event (session, event, ATLAS_FILTER_NONE);
    }
  return n;
}

static void
settle (void)
{
  for (guint i = 0; i < 5; i++)
    g_main_context_iteration (NULL, FALSE);
}

/* Every view and chart reports the same numbers for the state as it is. */
static void
assert_views_agree (AtlasWindow *window,
                    const char  *what)
{
  AtlasSession *session = atlas_window_get_session (window);
  AtlasState *state = atlas_session_get_state (session);
  guint sites = session_sites (session);
  guint events = session_events (session);

  settle ();
  g_test_message ("%s: %u sites, %u events", what, sites, events);

  g_assert_cmpuint (g_list_model_get_n_items (atlas_session_get_sites (session)), ==, sites);
  g_assert_cmpuint (g_list_model_get_n_items (atlas_session_get_events (session)), ==, events);
  g_assert_cmpuint (map_sites (window), ==, session_sites_with_point (session));
  g_assert_cmpuint (list_sites (window), ==, sites);
  g_assert_cmpuint (chart_total (window, "sites-by-category"), ==, sites);
  g_assert_cmpuint (timeline_events (window), ==, events);
  g_assert_cmpuint (chart_total (window, "events-per-year"), ==, events);
  g_assert_cmpuint (chart_total (window, "events-per-year-by-kind"), ==, events);

  if (atlas_state_get_district (state) != 0)
    g_assert_cmpuint (chart_district (window, atlas_state_get_district (state)), ==, sites);
  else
    /* Sites known only by their area, or with no known place, have no
     * district to count in.
     */
    g_assert_cmpuint (chart_total (window, "sites-per-district"), ==, session_sites_with_point (session));
}

static guint32
day (int year, int month, int mday)
{
  return atlas_julian_from_ymd (year, month, mday);
}

static void
test_views_agree (void)
{
  AtlasWindow *window = open_window ();
  AtlasSession *session = atlas_window_get_session (window);
  AtlasState *state = atlas_session_get_state (session);
  GListModel *districts = atlas_dataset_get_districts (atlas_session_get_dataset (session));
  static const struct { int y0, m0, d0, y1, m1, d1; } ranges[] = {
    { 2016, 1, 1, 2016, 12, 31 },
    { 2019, 1, 1, 2023, 12, 31 },
    { 2020, 6, 15, 2021, 3, 1 },      /* cuts years in two */
    { 1990, 1, 1, 1999, 12, 31 },     /* before everything */
  };
  guint nonempty = 0;

  assert_views_agree (window, "no filter");

  for (guint i = 0; i < g_list_model_get_n_items (districts); i++)
    {
      g_autoptr(AtlasDistrict) district = g_list_model_get_item (districts, i);
      g_autofree char *what = g_strdup_printf ("district %d", atlas_district_get_adcode (district));

      atlas_state_set_district (state, atlas_district_get_adcode (district));
      assert_views_agree (window, what);
      nonempty += session_sites (session) > 0;
    }
  atlas_state_reset_filters (state);
  /* The dataset has sites in more than a handful of districts. */
  g_assert_cmpuint (nonempty, >=, 5);

  for (guint c = 0; c < ATLAS_N_SITE_CATEGORIES; c++)
    {
      g_autofree char *what = g_strdup_printf ("category %s", atlas_site_category_to_string (c));

      atlas_state_set_categories (state, 1u << c);
      assert_views_agree (window, what);
    }
  atlas_state_reset_filters (state);

  for (guint k = 0; k < ATLAS_N_EVENT_KINDS; k++)
    {
      g_autofree char *what = g_strdup_printf ("kind %s", atlas_event_kind_to_string (k));

      atlas_state_set_event_kinds (state, 1u << k);
      assert_views_agree (window, what);
    }
  atlas_state_reset_filters (state);

  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    {
      g_autofree char *what = g_strdup_printf ("range %d–%d", ranges[r].y0, ranges[r].y1);

      atlas_state_set_time_range (state, day (ranges[r].y0, ranges[r].m0, ranges[r].d0),
                                  day (ranges[r].y1, ranges[r].m1, ranges[r].d1));
      assert_views_agree (window, what);
    }

  /* Several at once, and the search text. */
  atlas_state_set_time_range (state, day (2019, 1, 1), day (2023, 12, 31));
  atlas_state_set_district (state, 500106);
  assert_views_agree (window, "Shapingba 2019–2023");
  atlas_state_set_search_text (state, "重庆");
  assert_views_agree (window, "Shapingba 2019–2023 重庆");
  atlas_state_reset_filters (state);
  atlas_state_set_search_text (state, "科学城");
  assert_views_agree (window, "科学城");
  atlas_state_reset_filters (state);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- sites known only by their area ------------------------------------ */

static void
test_area_sites_in_district_filter (void)
{
  AtlasWindow *window = open_window ();
  AtlasSession *session = atlas_window_get_session (window);
  AtlasState *state = atlas_session_get_state (session);
  AtlasDataset *dataset = atlas_session_get_dataset (session);
  GListModel *sites = atlas_dataset_get_sites (dataset);
  GListModel *districts = atlas_dataset_get_districts (dataset);
  AtlasArea *area = NULL;
  guint uncertain;

  g_assert_cmpuint (atlas_session_count_uncertain_sites (session, NULL), ==, 0);

  /* Bishan: no site of the Science City is counted as in it, and the
   * ones that may be are counted apart, all in the Science City.
   */
  atlas_state_set_district (state, 500120);
  uncertain = atlas_session_count_uncertain_sites (session, &area);
  g_assert_cmpuint (uncertain, >, 0);
  g_assert_nonnull (area);
  g_assert_cmpstr (atlas_item_get_id (ATLAS_ITEM (area)), ==, "western-chongqing-science-city");
  assert_views_agree (window, "Bishan");
  {
    GtkWidget *bar = atlas_test_find_child_of_type (GTK_WIDGET (window), ATLAS_TYPE_FILTER_BAR);
    g_autofree char *text = atlas_filter_bar_dup_text (ATLAS_FILTER_BAR (bar));
    g_autofree char *expected = g_strdup_printf ("%u more in the Western (Chongqing) Science City, district not known",
                                                 uncertain);

    g_assert_nonnull (strstr (text, expected));
  }

  /* Jiulongpo lies in the Science City and the High-tech Zone. */
  atlas_state_set_district (state, 500107);
  g_assert_cmpuint (atlas_session_count_uncertain_sites (session, &area), >, uncertain);
  g_assert_null (area);

  /* For every district: the sites in it and the sites that may be in it are
   * exactly those whose place allows it.
   */
  for (guint i = 0; i < g_list_model_get_n_items (districts); i++)
    {
      g_autoptr(AtlasDistrict) district = g_list_model_get_item (districts, i);
      int adcode = atlas_district_get_adcode (district);
      guint possible = 0;

      atlas_state_set_district (state, adcode);
      for (guint j = 0; j < g_list_model_get_n_items (sites); j++)
        {
          g_autoptr(AtlasSite) site = g_list_model_get_item (sites, j);

          possible += atlas_site_may_be_in_district (site, adcode);
        }
      g_assert_cmpuint (session_sites (session) + atlas_session_count_uncertain_sites (session, NULL),
                        ==, possible);
    }

  /* The other filters apply to them too. */
  atlas_state_set_district (state, 500107);
  atlas_state_set_search_text (state, "zzzz nothing qqqq");
  g_assert_cmpuint (atlas_session_count_uncertain_sites (session, NULL), ==, 0);
  atlas_state_reset_filters (state);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- import, then look -------------------------------------------------- */

static const char sources_csv[] =
  "id,title_zh,title_en,publisher_zh,publisher_en,published_on,kind\n"
  "session-source,会话来源,Session source,测试出版社,Test Press,2024-05-01,report\n";

static const char sites_csv[] =
  "id,name_zh,name_en,category,district_adcode,lon,lat,location_precision,established_on,source_id,quote\n"
  "session-lab,会话实验室,Session Lab,laboratory,500106,106.30,29.60,approximate,2023-06,session-source,一个实验室\n"
  "session-park,会话园区,Session Park,industrial_park,500106,106.35,29.58,district,,session-source,一个园区\n";

static void
count_reload (guint *reloads)
{
  (*reloads)++;
}

static void
on_imported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
import_two_sites (AtlasSession *session)
{
  AtlasStore *store = atlas_dataset_get_store (atlas_session_get_dataset (session));
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new (store);
  g_autoptr(GError) error = NULL;
  GAsyncResult *result = NULL;
  guint reloads;
  gulong id;

  atlas_import_plan_add_csv (plan, "sources.csv", sources_csv, strlen (sources_csv));
  atlas_import_plan_add_csv (plan, "sites.csv", sites_csv, strlen (sites_csv));
  atlas_import_plan_validate (plan);
  g_assert_true (atlas_import_plan_can_apply (plan));

  /* As the import dialog does: the session writes on a worker thread,
   * reads the data again and tells every view once.
   */
  reloads = 0;
  id = g_signal_connect_swapped (session, "reloaded", G_CALLBACK (count_reload), &reloads);
  atlas_session_import_async (session, plan, NULL, on_imported, &result);
  ATLAS_WAIT_UNTIL (result != NULL);
  g_assert_true (atlas_session_import_finish (session, result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (reloads, ==, 1);
  g_signal_handler_disconnect (session, id);
  g_clear_object (&result);
}

static void
test_import_then_look (void)
{
  AtlasWindow *window = open_window ();
  AtlasSession *session = atlas_window_get_session (window);
  AtlasState *state = atlas_session_get_state (session);
  guint before = session_sites (session);
  guint drawn_before = session_sites_with_point (session);
  guint labs_before, shapingba_before;
  g_autoptr(GError) error = NULL;

  atlas_state_set_categories (state, 1u << ATLAS_SITE_CATEGORY_LABORATORY);
  settle ();
  labs_before = chart_total (window, "sites-by-category");
  atlas_state_reset_filters (state);
  shapingba_before = chart_district (window, 500106);

  import_two_sites (session);
  g_assert_cmpuint (session_sites (session), ==, before + 2);
  assert_views_agree (window, "after the import");
  g_assert_cmpuint (list_sites (window), ==, before + 2);
  g_assert_cmpuint (map_sites (window), ==, drawn_before + 2);
  g_assert_cmpuint (chart_district (window, 500106), ==, shapingba_before + 2);
  atlas_state_set_categories (state, 1u << ATLAS_SITE_CATEGORY_LABORATORY);
  assert_views_agree (window, "laboratories after the import");
  g_assert_cmpuint (chart_total (window, "sites-by-category"), ==, labs_before + 1);
  atlas_state_reset_filters (state);

  /* The search finds what was imported, in every view. */
  atlas_state_set_search_text (state, "会话实验室");
  assert_views_agree (window, "search for the import");
  g_assert_cmpuint (list_sites (window), ==, 1);
  atlas_state_reset_filters (state);

  /* Reset to the bundled data: the imported records leave every view. */
  g_assert_true (atlas_session_reset_to_bundled (session, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (session_sites (session), ==, before);
  assert_views_agree (window, "after the reset");
  g_assert_cmpuint (chart_district (window, 500106), ==, shapingba_before);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* ---- update, then look -------------------------------------------------- */

typedef struct
{
  GBytes *package;
  char   *manifest;
} Release;

static void
serve_release (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  Release *release = user_data;

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  if (g_str_equal (path, "/manifest.json"))
    soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                      release->manifest, strlen (release->manifest));
  else if (g_str_equal (path, "/data.cqatlas"))
    soup_server_message_set_response (msg, "application/octet-stream", SOUP_MEMORY_COPY,
                                      g_bytes_get_data (release->package, NULL),
                                      g_bytes_get_size (release->package));
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static void
keep_result (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* A signed release from a server on 127.0.0.1 in which one research
 * institute became a laboratory, installed as the update dialog installs
 * it: through the session, which reloads once; every view follows.
 */
static void
test_update_then_look (void)
{
  static const char change[] =
    "INSERT INTO user.site (id, name_zh, name_en, category, district_adcode, lon, lat,"
    "  location_precision) SELECT id, name_zh, name_en, 'laboratory', district_adcode, lon, lat,"
    "  location_precision FROM main.site WHERE id = 'cas-cigit';";
  AtlasWindow *window = open_window ();
  AtlasSession *session = atlas_window_get_session (window);
  AtlasState *state = atlas_session_get_state (session);
  AtlasStore *store = atlas_dataset_get_store (atlas_session_get_dataset (session));
  Release release = { NULL, NULL };
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(AtlasUpdater) updater = NULL;
  g_autoptr(GAsyncResult) checked = NULL, downloaded = NULL, installed = NULL;
  g_autoptr(GBytes) package = NULL;
  g_autoptr(GListModel) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL, *signature = NULL, *sum = NULL, *url = NULL;
  guint before = session_sites (session);
  guint labs_before, reloads = 0;
  GSList *uris;
  gulong id;

  atlas_state_set_categories (state, 1u << ATLAS_SITE_CATEGORY_LABORATORY);
  settle ();
  labs_before = chart_total (window, "sites-by-category");
  atlas_state_reset_filters (state);

  atlas_test_package_trust_test_key ();
  dir = g_dir_make_tmp ("atlas-session-update-XXXXXX", &error);
  g_assert_no_error (error);
  release.package = atlas_test_package_make (dir, "2099.1", change);
  signature = atlas_test_package_sign (release.package);
  sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, release.package);
  release.manifest = g_strdup_printf ("{\"format\": \"%s\", \"version\": \"2099.1\", \"created\": \"2099-01-05\","
                                      " \"size\": %" G_GSIZE_FORMAT ", \"sha256\": \"%s\", \"signature\": \"%s\","
                                      " \"url\": \"data.cqatlas\"}",
                                      ATLAS_UPDATE_MANIFEST_FORMAT, g_bytes_get_size (release.package),
                                      sum, signature);
  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, serve_release, &release, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d/manifest.json", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  updater = atlas_updater_new (store, url);
  atlas_updater_check_async (updater, NULL, keep_result, &checked);
  ATLAS_WAIT_UNTIL_MS (checked != NULL, 20000);
  g_assert_true (atlas_updater_check_finish (updater, checked, &error));
  g_assert_no_error (error);
  atlas_updater_download_async (updater, NULL, keep_result, &downloaded);
  ATLAS_WAIT_UNTIL_MS (downloaded != NULL, 20000);
  package = atlas_updater_download_finish (updater, downloaded, &error);
  g_assert_no_error (error);
  g_assert_nonnull (package);

  id = g_signal_connect_swapped (session, "reloaded", G_CALLBACK (count_reload), &reloads);
  atlas_session_install_update_async (session, updater, package, NULL, keep_result, &installed);
  ATLAS_WAIT_UNTIL_MS (installed != NULL, 60000);
  changes = atlas_session_install_update_finish (session, installed, &error);
  g_assert_no_error (error);
  g_assert_nonnull (changes);
  g_assert_cmpuint (g_list_model_get_n_items (changes), >=, 1);
  g_assert_cmpuint (reloads, ==, 1);
  g_signal_handler_disconnect (session, id);

  /* The same sites, one of them now a laboratory, in every view. */
  g_assert_cmpuint (session_sites (session), ==, before);
  assert_views_agree (window, "after the update");
  atlas_state_set_categories (state, 1u << ATLAS_SITE_CATEGORY_LABORATORY);
  assert_views_agree (window, "laboratories after the update");
  g_assert_cmpuint (chart_total (window, "sites-by-category"), ==, labs_before + 1);
  atlas_state_reset_filters (state);

  /* Reset to the bundled data: the release goes, in every view. */
  g_assert_true (atlas_session_reset_to_bundled (session, &error));
  g_assert_no_error (error);
  atlas_state_set_categories (state, 1u << ATLAS_SITE_CATEGORY_LABORATORY);
  assert_views_agree (window, "laboratories after the reset");
  g_assert_cmpuint (chart_total (window, "sites-by-category"), ==, labs_before);
  atlas_state_reset_filters (state);

  soup_server_disconnect (server);
  gtk_window_destroy (GTK_WINDOW (window));
  g_bytes_unref (release.package);
  g_free (release.manifest);
  atlas_test_package_remove_tree (dir);
}

/* ---- filters never move the selection ---------------------------------- */

/* The site the Sites table has selected, or NULL. */
static gpointer
table_selection (AtlasWindow *window)
{
  GtkWidget *page = atlas_window_get_page (window, "sites");
  GtkWidget *table = atlas_test_find_child_of_type (page, GTK_TYPE_COLUMN_VIEW);
  GtkSelectionModel *model = gtk_column_view_get_model (GTK_COLUMN_VIEW (table));

  return gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (model));
}

static void
test_filters_keep_selection (void)
{
  AtlasWindow *window = open_window ();
  AtlasSession *session = atlas_window_get_session (window);
  AtlasState *state = atlas_session_get_state (session);
  GListModel *sites = atlas_dataset_get_sites (atlas_session_get_dataset (session));
  g_autoptr(AtlasSite) site = g_list_model_get_item (sites, 3);
  g_autoptr(AtlasSite) other = g_list_model_get_item (sites, 0);
  AtlasSiteCategory category = atlas_site_get_category (site);

  /* The Sites page shows the list, with the site selected in it (the
   * table takes its rows when the page is first on screen).
   */
  gtk_window_present (GTK_WINDOW (window));
  atlas_state_set_page (state, "sites");
  atlas_state_set_selection (state, ATLAS_ITEM (site));
  settle ();

  /* Hide the site's category, then its district, then narrow the search:
   * the table refilters under its selected row each time.
   */
  atlas_state_set_categories (state, ATLAS_ALL_SITE_CATEGORIES & ~(1u << category));
  settle ();
  g_assert_true (atlas_state_get_selection (state) == ATLAS_ITEM (site));
  atlas_state_reset_filters (state);
  settle ();
  g_assert_true (atlas_state_get_selection (state) == ATLAS_ITEM (site));

  if (atlas_site_get_district (other) != NULL)
    {
      atlas_state_set_district (state, atlas_district_get_adcode (atlas_site_get_district (other)));
      settle ();
      g_assert_true (atlas_state_get_selection (state) == ATLAS_ITEM (site));
    }
  atlas_state_set_search_text (state, "zzzz nothing qqqq");
  settle ();
  g_assert_true (atlas_state_get_selection (state) == ATLAS_ITEM (site));
  atlas_state_reset_filters (state);
  settle ();
  g_assert_true (atlas_state_get_selection (state) == ATLAS_ITEM (site));

  /* Another category only: the site leaves the table, the selection stays. */
  atlas_state_set_categories (state, 1u << atlas_site_get_category (other));
  settle ();
  g_assert_true (atlas_state_get_selection (state) == ATLAS_ITEM (site));

  /* A site selected while the table hides it (as a story step does: the
   * selection comes before the filters) is the table's selected row once
   * the filters let it in.
   */
  atlas_state_set_categories (state, ATLAS_ALL_SITE_CATEGORIES & ~(1u << category));
  atlas_state_set_selection (state, NULL);
  atlas_state_set_selection (state, ATLAS_ITEM (site));
  settle ();
  g_assert_null (table_selection (window));
  atlas_state_reset_filters (state);
  settle ();
  g_assert_true (table_selection (window) == (gpointer) site);
  g_assert_true (atlas_state_get_selection (state) == ATLAS_ITEM (site));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *xdg = NULL;
  int status;

  xdg = atlas_test_make_data_home ("atlas-session");

  gtk_test_init (&argc, &argv, NULL);

  app = atlas_test_application_new ();

  g_test_add_func ("/session/views-agree", test_views_agree);
  g_test_add_func ("/session/area-sites-in-district-filter", test_area_sites_in_district_filter);
  g_test_add_func ("/session/import-then-look", test_import_then_look);
  g_test_add_func ("/session/update-then-look", test_update_then_look);
  g_test_add_func ("/session/filters-keep-selection", test_filters_keep_selection);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
