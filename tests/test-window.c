/* test-window.c
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

/* The window under a display (Xvfb in CI): type in the search entry and
 * the results pop up, Enter picks the first; filtering by the text is an
 * explicit step; the view keys reach the map and the timeline; select a row
 * and the details pane shows the site with its citation; pick a source and
 * the Sources page lists what cites it.
 */

#include "config.h"

#include <glib/gstdio.h>

#include <adwaita.h>

#include "atlas-application.h"
#include "atlas-citation.h"
#include "atlas-dataset.h"
#include "atlas-details-pane.h"
#include "atlas-district.h"
#include "atlas-event.h"
#include "atlas-item.h"
#include "atlas-map-page.h"
#include "atlas-page-slot.h"
#include "atlas-view.h"
#include "atlas-search-popover.h"
#include "atlas-site.h"
#include "atlas-sites-page.h"
#include "atlas-soup.h"
#include "atlas-source.h"
#include "atlas-sources-page.h"
#include "atlas-state.h"
#include "atlas-timeline-page.h"
#include "atlas-soup.h"
#include "atlas-window.h"
#include "atlas-test-ui.h"

static AtlasApplication *app;

static AtlasWindow *
open_window (void)
{
  AtlasDataset *dataset = atlas_application_get_dataset (app);
  AtlasWindow *window;

  g_assert_nonnull (dataset);
  window = atlas_window_new (GTK_APPLICATION (app),
                             dataset,
                             atlas_application_get_settings (app));
  gtk_window_present (GTK_WINDOW (window));
  ATLAS_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  return window;
}

static AtlasSearchPopover *
search_popover (AtlasWindow *window)
{
  GtkWidget *entry = GTK_WIDGET (atlas_window_get_search_entry (window));
  GtkWidget *popover = atlas_test_find_child_of_type (entry, ATLAS_TYPE_SEARCH_POPOVER);

  g_assert_nonnull (popover);
  return ATLAS_SEARCH_POPOVER (popover);
}

/* Types @text as a user would, with the keyboard in the entry, and waits
 * for the results.
 */
static void
type_search (AtlasWindow *window,
             const char  *text)
{
  GtkEditable *entry = atlas_window_get_search_entry (window);
  AtlasSearchPopover *popover = search_popover (window);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  ATLAS_WAIT_UNTIL (gtk_widget_has_focus (gtk_root_get_focus (GTK_ROOT (window))) &&
                    gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (entry)));
  gtk_editable_set_text (entry, text);
  ATLAS_WAIT_UNTIL (gtk_widget_get_visible (GTK_WIDGET (popover)) &&
                    atlas_search_popover_get_n_rows (popover) > 0);
}

/* Typing finds, it does not filter: the results pop up under the entry,
 * grouped, and Enter picks the first — its page comes up, it is selected,
 * the details pane shows it.  Filtering is the popover's last row.
 */
static void
test_search_finds (void)
{
  AtlasWindow *window = open_window ();
  AtlasState *state = atlas_window_get_state (window);
  AtlasSitesPage *page = ATLAS_SITES_PAGE (atlas_window_get_page (window, "sites"));
  GListModel *model = atlas_sites_page_get_model (page);
  AtlasDetailsPane *pane = ATLAS_DETAILS_PANE (atlas_window_get_details_pane (window));
  AtlasSearchPopover *popover = search_popover (window);
  guint all = g_list_model_get_n_items (model);
  g_autoptr(AtlasSite) site = NULL;
  const char *name;
  GtkEditable *entry = atlas_window_get_search_entry (window);

  /* A site on the map. */
  for (guint i = 3; i < all && site == NULL; i++)
    {
      g_autoptr(AtlasSite) candidate = g_list_model_get_item (model, i);

      if (atlas_site_has_point (candidate))
        site = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (site);
  name = atlas_item_get_name_zh (ATLAS_ITEM (site));

  atlas_state_set_page (state, "timeline");
  type_search (window, name);
  g_assert_cmpstr (atlas_state_get_search_text (state), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, all);

  /* The first row is the site, highlighted: Enter picks it. */
  g_assert_nonnull (atlas_search_popover_get_selected (popover));
  g_assert_true (atlas_search_result_get_item (atlas_search_popover_get_selected (popover)) == ATLAS_ITEM (site));
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (atlas_state_get_selection (state) == ATLAS_ITEM (site));
  g_assert_cmpstr (atlas_state_get_page (state), ==, "map");
  g_assert_cmpstr (atlas_details_pane_get_title (pane), ==, atlas_item_get_name (ATLAS_ITEM (site)));
  ATLAS_WAIT_UNTIL (!gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, all);

  /* ↓ moves the highlight; the last row filters every view by the text. */
  type_search (window, "重庆");
  atlas_search_popover_move (popover, 1);
  g_assert_true (atlas_search_popover_get_selected (popover) != NULL);
  atlas_search_popover_move (popover, 1000);
  g_assert_true (atlas_search_popover_get_filter_selected (popover));
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (atlas_state_get_search_text (state), ==, "重庆");
  g_assert_cmpuint (g_list_model_get_n_items (model), <, all);
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 1);

  /* Clear Filters takes the filter's words out of the entry too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, all);
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Each kind of result brings up the page that shows it. */
static void
test_search_result_pages (void)
{
  AtlasWindow *window = open_window ();
  AtlasState *state = atlas_window_get_state (window);
  AtlasDataset *dataset = atlas_window_get_dataset (window);
  GtkEditable *entry = atlas_window_get_search_entry (window);
  AtlasSearchPopover *popover = search_popover (window);
  struct { GListModel *records; const char *page; } kinds[] = {
    { atlas_dataset_get_events (dataset), "timeline" },
    { atlas_dataset_get_statistics (dataset), "charts" },
    { atlas_dataset_get_districts (dataset), "map" },
  };

  /* A site without a point is listed, not drawn: the Sites page. */
  {
    GListModel *sites = atlas_dataset_get_sites (dataset);
    g_autoptr(AtlasSite) unplaced = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (sites) && unplaced == NULL; i++)
      {
        g_autoptr(AtlasSite) site = g_list_model_get_item (sites, i);

        if (!atlas_site_has_point (site))
          unplaced = g_steal_pointer (&site);
      }
    g_assert_nonnull (unplaced);
    atlas_state_set_page (state, "map");
    type_search (window, atlas_item_get_name_zh (ATLAS_ITEM (unplaced)));
    g_assert_true (atlas_search_result_get_item (atlas_search_popover_get_selected (popover)) == ATLAS_ITEM (unplaced));
    g_signal_emit_by_name (entry, "activate");
    g_assert_cmpstr (atlas_state_get_page (state), ==, "sites");
  }

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(AtlasItem) item = g_list_model_get_item (kinds[k].records, 0);
      AtlasSearchResult *first;

      atlas_state_set_page (state, "sources");
      type_search (window, atlas_item_get_name_zh (item));
      first = atlas_search_popover_get_selected (popover);
      g_test_message ("%s → %s", atlas_item_get_name_zh (item), atlas_search_result_get_title (first));
      g_assert_true (atlas_search_result_get_item (first) == item);
      g_signal_emit_by_name (entry, "activate");
      g_assert_true (atlas_state_get_selection (state) == item);
      g_assert_cmpstr (atlas_state_get_page (state), ==, kinds[k].page);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Right after launch, +, -, 0 and the arrows belong to the map (or the
 * timeline) while its page shows — unless the keyboard is in a text field.
 */
static void
test_keys_reach_views (void)
{
  AtlasWindow *window = open_window ();
  AtlasState *state = atlas_window_get_state (window);
  AtlasMapPage *map = ATLAS_MAP_PAGE (atlas_window_get_page (window, "map"));
  AtlasTimelinePage *timeline = ATLAS_TIMELINE_PAGE (atlas_window_get_page (window, "timeline"));
  GtkWidget *button;

  atlas_state_set_page (state, "map");
  ATLAS_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (atlas_map_page_get_view (map))));
  gtk_root_set_focus (GTK_ROOT (window), NULL);
  g_assert_true (atlas_window_get_key_view (window) == GTK_WIDGET (atlas_map_page_get_view (map)));

  /* A button of the page's own has the keyboard: still the map. */
  button = atlas_test_find_child_of_type (GTK_WIDGET (map), GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  gtk_widget_grab_focus (button);
  g_assert_true (atlas_window_get_key_view (window) == GTK_WIDGET (atlas_map_page_get_view (map)));

  atlas_state_set_page (state, "timeline");
  g_assert_true (atlas_window_get_key_view (window) == GTK_WIDGET (atlas_timeline_page_get_view (timeline)));

  /* Typing a search: the keys are text. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  ATLAS_WAIT_UNTIL (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                            GTK_WIDGET (atlas_window_get_search_entry (window))));
  g_assert_null (atlas_window_get_key_view (window));

  /* Pages without a drawn view take no view keys. */
  gtk_root_set_focus (GTK_ROOT (window), NULL);
  atlas_state_set_page (state, "sites");
  g_assert_null (atlas_window_get_key_view (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The button in the details pane of a selected district: the page of
 * every district's sites and events, until it is pressed.
 */
static GtkWidget *
find_district_button (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && ADW_IS_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (widget))))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_district_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Selecting a district shows it; filtering by it is the pane's button. */
static void
test_district_selects_then_filters (void)
{
  AtlasWindow *window = open_window ();
  AtlasState *state = atlas_window_get_state (window);
  AtlasSession *session = atlas_window_get_session (window);
  AtlasDetailsPane *pane = ATLAS_DETAILS_PANE (atlas_window_get_details_pane (window));
  AtlasDistrict *district = atlas_dataset_lookup_district (atlas_window_get_dataset (window), 500106);
  guint all = g_list_model_get_n_items (atlas_session_get_sites (session));
  GtkWidget *button;

  g_assert_nonnull (district);
  atlas_state_set_selection (state, ATLAS_ITEM (district));
  g_assert_cmpstr (atlas_details_pane_get_title (pane), ==, atlas_item_get_name (ATLAS_ITEM (district)));
  g_assert_cmpint (atlas_state_get_district (state), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (atlas_session_get_sites (session)), ==, all);

  button = find_district_button (GTK_WIDGET (pane));
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (atlas_state_get_district (state), ==, 500106);
  g_assert_cmpuint (g_list_model_get_n_items (atlas_session_get_sites (session)), <, all);

  /* Again: every district. */
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (atlas_state_get_district (state), ==, 0);

  /* Not for a site. */
  {
    g_autoptr(AtlasSite) site = g_list_model_get_item (atlas_dataset_get_sites (atlas_window_get_dataset (window)), 0);

    atlas_state_set_selection (state, ATLAS_ITEM (site));
    g_assert_false (gtk_widget_get_visible (button));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A new selection starts at the top of the pane. */
static void
test_pane_scrolls_to_top (void)
{
  AtlasWindow *window = open_window ();
  AtlasState *state = atlas_window_get_state (window);
  AtlasDetailsPane *pane = ATLAS_DETAILS_PANE (atlas_window_get_details_pane (window));
  GtkAdjustment *adjustment = atlas_details_pane_get_vadjustment (pane);
  GListModel *sources = atlas_dataset_get_sources (atlas_window_get_dataset (window));
  g_autoptr(AtlasItem) first = g_list_model_get_item (sources, 0);
  g_autoptr(AtlasItem) second = g_list_model_get_item (sources, 1);

  /* A source lists every record citing it: long enough to scroll. */
  atlas_state_set_selection (state, first);
  ATLAS_WAIT_UNTIL (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) > 100);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 100);

  atlas_state_set_selection (state, second);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Ctrl+Z takes back a filter and stays on the page shown; a change that
 * came with its own page (a search result picked) goes back to the page it
 * left.
 */
static void
test_undo_keeps_page (void)
{
  AtlasWindow *window = open_window ();
  AtlasState *state = atlas_window_get_state (window);
  AtlasDataset *dataset = atlas_window_get_dataset (window);
  g_autoptr(AtlasEvent) event = g_list_model_get_item (atlas_dataset_get_events (dataset), 0);
  GtkEditable *entry = atlas_window_get_search_entry (window);

  /* Each change its own step, however quick the test is. */
  atlas_history_set_coalesce_time (atlas_session_get_history (atlas_window_get_session (window)), 0);

  atlas_state_set_page (state, "map");
  atlas_state_set_district (state, 500106);
  atlas_state_set_page (state, "timeline");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (atlas_state_get_district (state), ==, 0);
  g_assert_cmpstr (atlas_state_get_page (state), ==, "timeline");

  /* A source picked in the details pane opens the Sources page; undoing
   * it returns, and the undone selection does not open it again.
   */
  atlas_state_set_page (state, "charts");
  {
    g_autoptr(AtlasItem) source = g_list_model_get_item (atlas_dataset_get_sources (dataset), 0);

    atlas_state_set_selection (state, source);
    g_assert_cmpstr (atlas_state_get_page (state), ==, "sources");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    g_assert_cmpstr (atlas_state_get_page (state), ==, "charts");
    g_assert_null (atlas_state_get_selection (state));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
    g_assert_cmpstr (atlas_state_get_page (state), ==, "sources");
    g_assert_true (atlas_state_get_selection (state) == source);
    atlas_state_set_selection (state, NULL);
  }

  /* Picking an event from the map: the timeline; undo: back to the map. */
  atlas_state_set_page (state, "map");
  type_search (window, atlas_item_get_name_zh (ATLAS_ITEM (event)));
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (atlas_state_get_page (state), ==, "timeline");
  g_assert_true (atlas_state_get_selection (state) == ATLAS_ITEM (event));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpstr (atlas_state_get_page (state), ==, "map");
  g_assert_null (atlas_state_get_selection (state));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* "Clear All" with nothing left selected closes the details pane. */
static void
test_clear_all_closes_pane (void)
{
  AtlasWindow *window = open_window ();
  AtlasState *state = atlas_window_get_state (window);
  GActionGroup *group = G_ACTION_GROUP (window);
  g_autoptr(AtlasSite) site = g_list_model_get_item (atlas_dataset_get_sites (atlas_window_get_dataset (window)), 2);
  g_autoptr(GVariant) open = NULL;
  g_autoptr(GVariant) closed = NULL;

  atlas_state_set_district (state, 500106);
  atlas_state_set_selection (state, ATLAS_ITEM (site));
  open = g_action_group_get_action_state (group, "toggle-details");
  g_assert_true (g_variant_get_boolean (open));

  /* What the filter bar's Clear All does. */
  g_object_freeze_notify (G_OBJECT (state));
  atlas_state_reset_filters (state);
  atlas_state_set_selection (state, NULL);
  g_object_thaw_notify (G_OBJECT (state));
  closed = g_action_group_get_action_state (group, "toggle-details");
  g_assert_false (g_variant_get_boolean (closed));

  /* Opened by hand with nothing selected, then the filters cleared. */
  g_action_group_change_action_state (group, "toggle-details", g_variant_new_boolean (TRUE));
  atlas_state_set_district (state, 500106);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL));
  g_clear_pointer (&closed, g_variant_unref);
  closed = g_action_group_get_action_state (group, "toggle-details");
  g_assert_false (g_variant_get_boolean (closed));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The Sites page says how many sites once: its own line while nothing is
 * filtered, the filter bar (with its one Clear All) otherwise.
 */
static void
test_sites_status_once (void)
{
  AtlasWindow *window = open_window ();
  AtlasState *state = atlas_window_get_state (window);
  GtkWidget *page = atlas_window_get_page (window, "sites");
  GtkWidget *count;

  atlas_state_set_page (state, "sites");
  count = atlas_test_find_child_of_type (page, GTK_TYPE_LABEL);
  g_assert_nonnull (count);
  ATLAS_WAIT_UNTIL (gtk_widget_get_mapped (page));
  g_assert_true (gtk_widget_is_visible (count));

  atlas_state_set_district (state, 500106);
  g_assert_false (gtk_widget_is_visible (count));
  atlas_state_reset_filters (state);
  g_assert_true (gtk_widget_is_visible (count));

  /* A selection shows the filter bar too. */
  {
    g_autoptr(AtlasSite) site = g_list_model_get_item (atlas_dataset_get_sites (atlas_window_get_dataset (window)), 1);

    atlas_state_set_selection (state, ATLAS_ITEM (site));
    g_assert_false (gtk_widget_is_visible (count));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_select_row_shows_citation (void)
{
  AtlasWindow *window = open_window ();
  AtlasState *state = atlas_window_get_state (window);
  AtlasSitesPage *page = ATLAS_SITES_PAGE (atlas_window_get_page (window, "sites"));
  AtlasDetailsPane *pane = ATLAS_DETAILS_PANE (atlas_window_get_details_pane (window));
  GtkColumnView *view;
  GtkSelectionModel *selection;
  g_autoptr(AtlasSite) site = NULL;
  g_autoptr(GListModel) citations = NULL;
  g_autoptr(AtlasCitation) citation = NULL;
  g_autofree char *text = NULL;

  atlas_state_set_page (state, "sites");
  view = GTK_COLUMN_VIEW (atlas_test_find_child_of_type (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW));
  g_assert_nonnull (view);
  selection = gtk_column_view_get_model (view);

  /* Select the second row, as a click would. */
  g_assert_true (gtk_selection_model_select_item (selection, 1, TRUE));
  site = g_list_model_get_item (G_LIST_MODEL (selection), 1);
  g_assert_true (atlas_state_get_selection (state) == ATLAS_ITEM (site));

  g_assert_cmpstr (atlas_details_pane_get_title (pane), ==, atlas_item_get_name (ATLAS_ITEM (site)));
  g_assert_cmpuint (atlas_details_pane_get_n_citations (pane), >=, 1);

  citations = atlas_dataset_list_citations (atlas_window_get_dataset (window), ATLAS_ITEM (site));
  citation = g_list_model_get_item (citations, 0);
  text = atlas_details_pane_dup_text (pane);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, atlas_citation_get_quote (citation)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A window opens on the map: the hidden Sites table has no rows to make
 * until its page is first shown, then shows every site.
 */
static void
test_sites_table_waits_for_its_page (void)
{
  AtlasWindow *window = open_window ();
  AtlasState *state = atlas_window_get_state (window);
  AtlasSitesPage *page = ATLAS_SITES_PAGE (atlas_window_get_page (window, "sites"));
  GtkColumnView *view = GTK_COLUMN_VIEW (atlas_test_find_child_of_type (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW));
  GListModel *sites = atlas_dataset_get_sites (atlas_window_get_dataset (window));

  gtk_window_present (GTK_WINDOW (window));
  atlas_state_set_page (state, "map");
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (gtk_column_view_get_model (view));

  atlas_state_set_page (state, "sites");
  g_assert_nonnull (gtk_column_view_get_model (view));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (view))), ==,
                    g_list_model_get_n_items (sites));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_sources_page (void)
{
  AtlasWindow *window = open_window ();
  AtlasState *state = atlas_window_get_state (window);
  AtlasSourcesPage *page = ATLAS_SOURCES_PAGE (atlas_window_get_page (window, "sources"));
  GListModel *sources = atlas_sources_page_get_model (page);
  g_autoptr(AtlasSource) source = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (sources), >=, 1);
  source = g_list_model_get_item (sources, 0);

  /* Selecting a source anywhere opens the Sources page on it. */
  atlas_state_set_page (state, "sites");
  atlas_state_set_selection (state, ATLAS_ITEM (source));
  g_assert_cmpstr (atlas_state_get_page (state), ==, "sources");
  g_assert_cmpuint (atlas_sources_page_get_n_records (page), >=, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
count_view (gpointer view,
            gpointer user_data)
{
  g_assert_true (ATLAS_IS_VIEW (view));
  (*(guint *) user_data)++;
}

/* A start on the map builds no other page; a page is built when it is
 * first shown (and drawn in that frame, bound to the window's session) or
 * when something asks for it by name.
 */
static void
test_pages_built_when_first_needed (void)
{
  guint n_views = 0;
  AtlasWindow *window = open_window ();
  AtlasState *state = atlas_window_get_state (window);
  AdwViewStack *pages = atlas_window_get_pages (window);
  GListModel *sites = atlas_dataset_get_sites (atlas_window_get_dataset (window));
  const char *later[] = { "timeline", "charts", "sites", "sources" };
  AtlasPageSlot *slot;
  GtkWidget *page;
  GtkColumnView *table;

  atlas_state_set_page (state, "map");
  ATLAS_WAIT_UNTIL (gtk_widget_get_mapped (atlas_window_get_page (window, "map")));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (later); i++)
    {
      GtkWidget *child = adw_view_stack_get_child_by_name (pages, later[i]);

      g_assert_true (ATLAS_IS_PAGE_SLOT (child));
      g_assert_null (atlas_page_slot_peek_page (ATLAS_PAGE_SLOT (child)));
    }

  /* Shown: built and mapped at once, bound to the session. */
  slot = ATLAS_PAGE_SLOT (adw_view_stack_get_child_by_name (pages, "sites"));
  atlas_state_set_page (state, "sites");
  page = atlas_page_slot_peek_page (slot);
  g_assert_true (ATLAS_IS_SITES_PAGE (page));
  g_assert_true (gtk_widget_get_mapped (page));
  table = GTK_COLUMN_VIEW (atlas_test_find_child_of_type (page, GTK_TYPE_COLUMN_VIEW));
  g_assert_nonnull (gtk_column_view_get_model (table));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table))), ==,
                    g_list_model_get_n_items (sites));
  g_assert_true (atlas_window_get_page (window, "sites") == page);

  /* Asked for by name (a story step, a search result): built, not shown. */
  slot = ATLAS_PAGE_SLOT (adw_view_stack_get_child_by_name (pages, "timeline"));
  g_assert_null (atlas_page_slot_peek_page (slot));
  page = GTK_WIDGET (atlas_view_find (pages, "timeline"));
  g_assert_true (ATLAS_IS_TIMELINE_PAGE (page));
  g_assert_true (atlas_page_slot_peek_page (slot) == page);
  g_assert_false (gtk_widget_get_mapped (page));
  g_assert_null (atlas_page_slot_peek_page (ATLAS_PAGE_SLOT (adw_view_stack_get_child_by_name (pages, "charts"))));

  /* Every page, for a presentation's cameras: built now. */
  atlas_view_foreach (pages, count_view, &n_views);
  g_assert_cmpuint (n_views, ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (later); i++)
    g_assert_nonnull (atlas_page_slot_peek_page (ATLAS_PAGE_SLOT (adw_view_stack_get_child_by_name (pages, later[i]))));

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_menu_button_with_icon (GtkWidget  *widget,
                            const char *icon_name)
{
  if (GTK_IS_MENU_BUTTON (widget) &&
      g_strcmp0 (gtk_menu_button_get_icon_name (GTK_MENU_BUTTON (widget)), icon_name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_button_with_icon (child, icon_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

/* The filter menu and the map's list of districts are made when they first
 * open, not at every start, and are whole when they do.
 */
static void
test_menus_filled_when_first_opened (void)
{
  AtlasWindow *window = open_window ();
  AtlasSession *session = atlas_window_get_session (window);
  GListModel *districts = atlas_dataset_get_districts (atlas_window_get_dataset (window));
  GtkWidget *filter, *district_button;
  GtkListBox *list;
  GMenuModel *menu;
  guint n_categories = 0;

  atlas_state_set_page (atlas_window_get_state (window), "map");
  ATLAS_WAIT_UNTIL (gtk_widget_get_mapped (atlas_window_get_page (window, "map")));

  filter = find_menu_button_with_icon (GTK_WIDGET (window), "funnel-symbolic");
  g_assert_nonnull (filter);
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (filter)));
  g_assert_true (gtk_widget_get_sensitive (filter));
  gtk_menu_button_popup (GTK_MENU_BUTTON (filter));
  ATLAS_WAIT_UNTIL (gtk_menu_button_get_popover (GTK_MENU_BUTTON (filter)) != NULL &&
                    gtk_widget_get_mapped (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (filter)))));
  menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (filter));
  g_assert_nonnull (menu);
  /* A section of categories, one of "show all" and "clear". */
  g_assert_cmpint (g_menu_model_get_n_items (menu), ==, 2);
  n_categories = g_menu_model_get_n_items (g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION));
  g_assert_cmpuint (n_categories, ==, ATLAS_N_SITE_CATEGORIES);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (filter));

  district_button = find_menu_button_with_icon (atlas_window_get_page (window, "map"), "find-location-symbolic");
  g_assert_nonnull (district_button);
  list = GTK_LIST_BOX (atlas_test_find_child_of_type (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (district_button))),
                                                      GTK_TYPE_LIST_BOX));
  g_assert_nonnull (list);
  g_assert_cmpuint (count_rows (list), ==, 0);
  /* A reload while it is closed leaves it for later too. */
  g_assert_true (atlas_session_reload (session, NULL));
  g_assert_cmpuint (count_rows (list), ==, 0);

  gtk_menu_button_popup (GTK_MENU_BUTTON (district_button));
  ATLAS_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (list)));
  /* All of Chongqing, then every district. */
  g_assert_cmpuint (count_rows (list), ==, 1 + g_list_model_get_n_items (districts));

  /* A reload while it is open fills it again at once. */
  g_assert_true (atlas_session_reload (session, NULL));
  g_assert_cmpuint (count_rows (list), ==, 1 + g_list_model_get_n_items (districts));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (district_button));

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
process_maps (const char *library)
{
  g_autofree char *maps = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  return strstr (maps, library) != NULL;
}

/* A window, its pages and a frame do not load the network library; the
 * updater's first use does (this test program does not link it itself).
 */
static void
test_network_library_on_first_use (void)
{
  AtlasWindow *window = open_window ();
  g_autoptr(GError) error = NULL;

  atlas_state_set_page (atlas_window_get_state (window), "map");
  ATLAS_WAIT_UNTIL (gtk_widget_get_mapped (atlas_window_get_page (window, "map")));
  atlas_view_foreach (atlas_window_get_pages (window), count_view, &(guint) { 0 });
  g_assert_false (process_maps (ATLAS_SOUP_SONAME));

  g_assert_nonnull (atlas_soup_get (&error));
  g_assert_no_error (error);
  g_assert_true (process_maps (ATLAS_SOUP_SONAME));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *xdg = NULL;
  int status;

  /* A private home for the user database. */
  xdg = atlas_test_make_data_home ("atlas-window");

  gtk_test_init (&argc, &argv, NULL);

  app = atlas_test_application_new ();

  g_test_add_func ("/window/search/enter-picks-first-and-filter-is-explicit", test_search_finds);
  g_test_add_func ("/window/search/result-brings-its-page", test_search_result_pages);
  g_test_add_func ("/window/keys-reach-views-unless-typing", test_keys_reach_views);
  g_test_add_func ("/window/district-selects-then-filters", test_district_selects_then_filters);
  g_test_add_func ("/window/details-pane-scrolls-to-top", test_pane_scrolls_to_top);
  g_test_add_func ("/window/undo-keeps-page", test_undo_keeps_page);
  g_test_add_func ("/window/clear-all-closes-pane", test_clear_all_closes_pane);
  g_test_add_func ("/window/sites-status-said-once", test_sites_status_once);
  g_test_add_func ("/window/select-row-shows-citation", test_select_row_shows_citation);
  g_test_add_func ("/window/sources-page", test_sources_page);
  g_test_add_func ("/window/sites-table-waits-for-its-page", test_sites_table_waits_for_its_page);
  g_test_add_func ("/window/pages-built-when-first-needed", test_pages_built_when_first_needed);
  g_test_add_func ("/window/menus-filled-when-first-opened", test_menus_filled_when_first_opened);
  g_test_add_func ("/window/network-library-on-first-use", test_network_library_on_first_use);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
