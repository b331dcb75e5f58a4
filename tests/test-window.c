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

/* The window under a display (Xvfb in CI): type in the search entry and the
 * Sites list shrinks; select a row and the details pane shows the site with
 * its citation; pick a source and the Sources page lists what cites it.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "atlas-application.h"
#include "atlas-citation.h"
#include "atlas-dataset.h"
#include "atlas-details-pane.h"
#include "atlas-item.h"
#include "atlas-site.h"
#include "atlas-sites-page.h"
#include "atlas-source.h"
#include "atlas-sources-page.h"
#include "atlas-state.h"
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

static void
test_search_shrinks_sites (void)
{
  AtlasWindow *window = open_window ();
  AtlasState *state = atlas_window_get_state (window);
  AtlasSitesPage *page = ATLAS_SITES_PAGE (atlas_window_get_page (window, "sites"));
  GListModel *model = atlas_sites_page_get_model (page);
  guint all = g_list_model_get_n_items (model);
  g_autoptr(AtlasSite) site = g_list_model_get_item (model, 0);
  const char *name = atlas_item_get_name_zh (ATLAS_ITEM (site));

  atlas_state_set_page (state, "sites");
  g_assert_cmpuint (all, ==, g_list_model_get_n_items (atlas_dataset_get_sites (atlas_window_get_dataset (window))));

  /* Type as a user would: the entry's search-changed (after its delay)
   * updates the shared state, and the table filters.
   */
  gtk_editable_set_text (atlas_window_get_search_entry (window), name);
  ATLAS_WAIT_UNTIL (g_strcmp0 (atlas_state_get_search_text (state), name) == 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), <, all);

  /* Nothing matches: the empty state's Clear Filters brings all back. */
  gtk_editable_set_text (atlas_window_get_search_entry (window), "qqqq zzzz");
  ATLAS_WAIT_UNTIL (g_list_model_get_n_items (model) == 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.clear-filters", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, all);
  g_assert_cmpstr (gtk_editable_get_text (atlas_window_get_search_entry (window)), ==, "");

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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xdg = NULL;
  int status;

  /* A private home for the user database. */
  xdg = g_dir_make_tmp ("atlas-window-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", xdg, TRUE);

  gtk_test_init (&argc, &argv, NULL);

  app = atlas_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/window/search-shrinks-sites", test_search_shrinks_sites);
  g_test_add_func ("/window/select-row-shows-citation", test_select_row_shows_citation);
  g_test_add_func ("/window/sources-page", test_sources_page);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
