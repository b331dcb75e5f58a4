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
 * address, "What Changed" an update.  The import dialog reads, checks
 * and writes off the main loop, shows 100,000 rows through a list view,
 * cancels without writing, and offers Show; the export dialog writes CSV
 * into a new folder.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "atlas-application.h"
#include "atlas-dataset.h"
#include "atlas-export-dialog.h"
#include "atlas-import-dialog.h"
#include "atlas-import.h"
#include "atlas-state.h"
#include "atlas-window.h"
#include "atlas-test-ui.h"
#include "data-io-fixture.h"

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

/* ---- the import dialog ---------------------------------------------------- */

static GListModel *
files_of (const char *path)
{
  GListStore *files = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_list_store_append (files, file);
  return G_LIST_MODEL (files);
}

static char *
temp_file (const char *name,
           const char *contents,
           gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("atlas-dialog-XXXXXX", &error);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, contents, length, &error));
  return path;
}

static void
remove_temp_file (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);

  fixture_remove_tree (dir);
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static gboolean
page_is (AtlasImportDialog *dialog,
         const char        *page)
{
  return g_strcmp0 (atlas_import_dialog_get_page (dialog), page) == 0;
}

static gint64
peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL)
      || (line = strstr (status, "VmHWM:")) == NULL)
    return 0;
  return g_ascii_strtoll (line + strlen ("VmHWM:"), NULL, 10);
}

/* 100,000 sites (4 MB): read and checked in a worker thread while the main
 * loop turns; the preview is a list view that makes a screenful of rows,
 * not 100,000 widgets.
 */
static void
test_import_dialog_100k (void)
{
  AtlasWindow *window = open_window ();
  g_autoptr(GString) csv = g_string_new ("id,name_zh,name_en,category,district_adcode,lon,lat,"
                                         "location_precision,source_id,quote\n");
  g_autofree char *path = NULL;
  g_autoptr(GListModel) files = NULL;
  AtlasImportDialog *dialog;
  AtlasImportPlan *plan;
  GtkWidget *list_view;
  gint64 rss_before = peak_rss_kib ();
  guint turns = 0;

  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (csv, "big-%u,大%u,Big %u,laboratory,500106,106.30,29.60,approximate,"
                            "cas-report,大\n", i, i, i);
  path = temp_file ("sites.csv", csv->str, csv->len);
  files = files_of (path);

  dialog = atlas_import_dialog_preview (GTK_WINDOW (window), atlas_window_get_session (window), files);
  plan = atlas_import_dialog_get_plan (dialog);
  /* It returned at once: the work is in a thread. */
  g_assert_true (page_is (dialog, "working"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan)), ==, 0);
  while (!page_is (dialog, "preview") && !page_is (dialog, "error"))
    {
      g_main_context_iteration (NULL, TRUE);
      turns++;
    }
  g_assert_true (page_is (dialog, "preview"));
  g_test_message ("%u main-loop turns while the worker ran; peak RSS grew by %" G_GINT64_FORMAT " MiB",
                  turns, (peak_rss_kib () - rss_before) / 1024);

  /* Each site and the citation its source_id and quote make. */
  g_assert_cmpuint (atlas_import_plan_count (plan, ATLAS_IMPORT_ACTION_ADD), ==, 200000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plan)), ==, 200000);
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
  list_view = atlas_test_find_child_of_type (GTK_WIDGET (dialog), GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list_view);
  g_assert_cmpuint (count_children (list_view), <, 500);

  /* In the preview, Cancel closes the dialog. */
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.cancel", NULL);
  ATLAS_WAIT_UNTIL (dialog == NULL);
  remove_temp_file (path);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_show_imported (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  *(GVariant **) user_data = g_variant_ref (parameter);
}

/* Cancel while writing: nothing written, back to the preview.  Then the
 * import, its reload, and Show, which hands the window the keys.
 */
static void
test_import_dialog_cancel_then_show (void)
{
  AtlasWindow *window = open_window ();
  AtlasDataset *dataset = atlas_window_get_dataset (window);
  AtlasStore *store = atlas_dataset_get_store (dataset);
  g_autoptr(GString) csv = g_string_new ("id,name_zh,name_en,kind\n");
  g_autoptr(GSimpleAction) show = g_simple_action_new ("show-imported", G_VARIANT_TYPE_STRING_ARRAY);
  g_autoptr(GVariant) shown = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GListModel) files = NULL;
  AtlasImportDialog *dialog;
  int before = fixture_count_user_records (store);
  guint parties = g_list_model_get_n_items (atlas_dataset_get_parties (dataset));
  g_autofree char *key = NULL;

  /* The window's side of Show, as the window will offer it. */
  g_signal_connect (show, "activate", G_CALLBACK (on_show_imported), &shown);
  g_action_map_add_action (G_ACTION_MAP (window), G_ACTION (show));

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (csv, "dialog-%u,对话%u,Dialog %u,company\n", i, i, i);
  path = temp_file ("parties.csv", csv->str, csv->len);
  files = files_of (path);
  dialog = atlas_import_dialog_preview (GTK_WINDOW (window), atlas_window_get_session (window), files);
  ATLAS_WAIT_UNTIL_MS (page_is (dialog, "preview"), 60000);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL);
  g_assert_true (page_is (dialog, "working"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.cancel", NULL);
  ATLAS_WAIT_UNTIL_MS (page_is (dialog, "preview"), 60000);
  g_assert_cmpint (fixture_count_user_records (store), ==, before);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL);
  ATLAS_WAIT_UNTIL_MS (page_is (dialog, "done"), 60000);
  g_assert_cmpint (fixture_count (store, "SELECT count(*) FROM user.party WHERE id LIKE 'dialog-%'"), ==, 3000);
  g_assert_cmpuint (g_list_model_get_n_items (atlas_dataset_get_parties (dataset)), ==, parties + 3000);

  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.show", NULL);
  g_assert_nonnull (shown);
  g_assert_cmpuint (g_variant_n_children (shown), ==, 3000);
  g_variant_get_child (shown, 0, "s", &key);
  g_assert_cmpstr (key, ==, "party:dialog-0");

  g_assert_true (atlas_store_reset_to_bundled (store, NULL));
  g_assert_true (atlas_dataset_reload (dataset, NULL));
  remove_temp_file (path);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The user database cannot be written: the dialog says so, and the
 * message (which holds a path with "<data>" in it) is shown as text, not
 * parsed as markup.
 */
static void
test_import_dialog_refuses_read_only (void)
{
  static const char csv[] = "id,name_zh,name_en,kind\nro-party,只读,Read-only,company\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("atlas-ro-XXXXXX", &error);
  g_autofree char *blocker = g_build_filename (dir, "<data>", NULL);
  g_autofree char *user_path = g_build_filename (blocker, "user.sqlite", NULL);
  g_autofree char *path = temp_file ("parties.csv", csv, strlen (csv));
  g_autoptr(GListModel) files = files_of (path);
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasDataset) dataset = NULL;
  g_autoptr(AtlasSession) session = NULL;
  AtlasWindow *window = open_window ();
  AtlasImportDialog *dialog;
  AdwStatusPage *page;

  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  store = fixture_open_store (user_path);
  dataset = atlas_dataset_new (store, &error);
  g_assert_no_error (error);
  session = atlas_session_new (dataset);

  dialog = atlas_import_dialog_preview (GTK_WINDOW (window), session, files);
  ATLAS_WAIT_UNTIL (page_is (dialog, "error"));
  page = ADW_STATUS_PAGE (gtk_stack_get_visible_child (GTK_STACK (atlas_test_find_child_of_type (GTK_WIDGET (dialog), GTK_TYPE_STACK))));
  g_test_message ("%s", adw_status_page_get_description (page));
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "could not be opened for writing"));
  g_assert_nonnull (strstr (adw_status_page_get_description (page), "&lt;data&gt;"));
  g_assert_cmpint (fixture_count (store, "SELECT count(*) FROM user.party"), ==, 0);

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  remove_temp_file (path);
  fixture_remove_tree (dir);
}

/* ---- the export dialog ------------------------------------------------------ */

static gboolean
export_page_is (AtlasExportDialog *dialog,
                const char        *page)
{
  return g_strcmp0 (atlas_export_dialog_get_page (dialog), page) == 0;
}

/* CSV goes into a new folder; an existing one is never written into. */
static void
test_export_dialog_new_folder (void)
{
  AtlasWindow *window = open_window ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("atlas-export-dialog-XXXXXX", &error);
  g_autofree char *target_path = g_build_filename (dir, "backup", NULL);
  g_autofree char *sites_path = g_build_filename (target_path, "sites.csv", NULL);
  g_autoptr(GFile) target = g_file_new_for_path (target_path);
  AtlasExportDialog *dialog;

  dialog = atlas_export_dialog_new (GTK_WINDOW (window), atlas_window_get_session (window));
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (export_page_is (dialog, "choose"));
  atlas_export_dialog_export (dialog, ATLAS_EXPORT_CSV, target);
  ATLAS_WAIT_UNTIL_MS (export_page_is (dialog, "done"), 30000);
  g_assert_true (g_file_test (sites_path, G_FILE_TEST_IS_REGULAR));
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = atlas_export_dialog_new (GTK_WINDOW (window), atlas_window_get_session (window));
  gtk_window_present (GTK_WINDOW (dialog));
  atlas_export_dialog_export (dialog, ATLAS_EXPORT_CSV_SPREADSHEET, target);
  ATLAS_WAIT_UNTIL_MS (export_page_is (dialog, "error"), 30000);
  gtk_window_destroy (GTK_WINDOW (dialog));

  fixture_remove_tree (dir);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *xdg = NULL;
  int status;

  xdg = atlas_test_make_data_home ("atlas-data-io-window");

  gtk_test_init (&argc, &argv, NULL);

  app = atlas_test_application_new ();

  g_test_add_func ("/data-io-window/actions-and-presenting", test_actions_and_presenting);
  g_test_add_func ("/data-io-window/import-keeps-page", test_import_keeps_page);
  g_test_add_func ("/data-io-window/import-dialog/100000-rows", test_import_dialog_100k);
  g_test_add_func ("/data-io-window/import-dialog/cancel-then-show", test_import_dialog_cancel_then_show);
  g_test_add_func ("/data-io-window/import-dialog/refuses-read-only", test_import_dialog_refuses_read_only);
  g_test_add_func ("/data-io-window/export-dialog/new-folder", test_export_dialog_new_folder);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
