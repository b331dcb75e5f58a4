/* test-data-io-window.c
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

/* Data in and out in the window: the menu's actions exist; updates and
 * imports are disabled while presenting; an import reloads the data without
 * leaving the page shown (the Sources page's autoselect must not switch to
 * it); the release in the main menu follows the data.  Updates need an
 * address, "What Changed" an update.
 */

#include "config.h"

#include "atlas-application.h"
#include "atlas-dataset.h"
#include "atlas-import.h"
#include "atlas-state.h"
#include "atlas-window.h"
#include "atlas-test-ui.h"

static AtlasApplication *app;

static AtlasWindow *
open_window (void)
{
  AtlasWindow *window = atlas_window_new (GTK_APPLICATION (app),
                                          atlas_application_get_dataset (app),
                                          atlas_application_get_settings (app));

  gtk_window_present (GTK_WINDOW (window));
  ATLAS_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  return window;
}

static void
test_actions_and_presenting (void)
{
  AtlasWindow *window = open_window ();
  GActionGroup *group = G_ACTION_GROUP (window);
  GSettings *settings = atlas_application_get_settings (app);
  static const char * const names[] = { "import", "export-data", "reset-data", NULL };

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_assert_true (g_action_group_has_action (group, names[i]));
      g_assert_true (g_action_group_get_action_enabled (group, names[i]));
    }

  /* No address to update from: the menu offers to set one instead; what
   * changed waits for an update.
   */
  g_assert_nonnull (settings);
  g_settings_set_string (settings, "update-url", "");
  g_assert_false (g_action_group_get_action_enabled (group, "check-updates"));
  g_assert_true (g_action_group_get_action_enabled (group, "set-update-address"));
  g_assert_false (g_action_group_get_action_enabled (group, "show-update-changes"));
  g_settings_set_string (settings, "update-url", "https://example.org/atlas/latest.cqatlas");
  g_assert_true (g_action_group_get_action_enabled (group, "check-updates"));
  g_assert_false (g_action_group_get_action_enabled (group, "set-update-address"));

  /* While the window presents, the data stays as it is. */
  atlas_session_set_presenting (atlas_window_get_session (window), TRUE);
  g_assert_false (g_action_group_get_action_enabled (group, "check-updates"));
  g_assert_false (g_action_group_get_action_enabled (group, "import"));
  g_assert_false (g_action_group_get_action_enabled (group, "reset-data"));
  g_assert_true (g_action_group_get_action_enabled (group, "export-data"));
  atlas_session_set_presenting (atlas_window_get_session (window), FALSE);
  g_assert_true (g_action_group_get_action_enabled (group, "check-updates"));
  g_settings_reset (settings, "update-url");

  /* A second window keeps its data still while the first presents. */
  {
    AtlasWindow *other = open_window ();
    GActionGroup *other_group = G_ACTION_GROUP (other);

    g_assert_true (g_action_group_get_action_enabled (other_group, "import"));
    atlas_session_set_presenting (atlas_window_get_session (window), TRUE);
    g_assert_true (atlas_application_get_presenting (app));
    g_assert_false (g_action_group_get_action_enabled (other_group, "import"));
    g_assert_false (g_action_group_get_action_enabled (other_group, "reset-data"));
    atlas_session_set_presenting (atlas_window_get_session (window), FALSE);
    g_assert_false (atlas_application_get_presenting (app));
    g_assert_true (g_action_group_get_action_enabled (other_group, "import"));
    gtk_window_destroy (GTK_WINDOW (other));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_import_keeps_page (void)
{
  static const char sources_csv[] =
    "id,title_zh,title_en,publisher_zh,publisher_en,published_on,kind\n"
    "window-source,窗口来源,Window source,测试出版社,Test Press,2024-05-01,report\n";
  AtlasWindow *window = open_window ();
  AtlasState *state = atlas_window_get_state (window);
  AtlasDataset *dataset = atlas_window_get_dataset (window);
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new (atlas_dataset_get_store (dataset));
  g_autoptr(GError) error = NULL;
  guint before = g_list_model_get_n_items (atlas_dataset_get_sources (dataset));

  atlas_state_set_page (state, "sites");
  atlas_import_plan_add_csv (plan, "sources.csv", sources_csv, strlen (sources_csv));
  g_assert_true (atlas_import_plan_apply (plan, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (atlas_dataset_reload (dataset, &error));
  g_assert_no_error (error);

  /* Let the Sources page's list settle. */
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (atlas_dataset_get_sources (dataset)), ==, before + 1);
  g_assert_cmpstr (atlas_state_get_page (state), ==, "sites");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *xdg = NULL;
  int status;

  xdg = g_dir_make_tmp ("atlas-data-io-window-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", xdg, TRUE);

  gtk_test_init (&argc, &argv, NULL);

  app = atlas_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/data-io-window/actions-and-presenting", test_actions_and_presenting);
  g_test_add_func ("/data-io-window/import-keeps-page", test_import_keeps_page);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
