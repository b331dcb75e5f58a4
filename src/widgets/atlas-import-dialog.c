/* atlas-import-dialog.c
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

#include <glib/gi18n.h>

#include "atlas-csv-export.h"
#include "atlas-event.h"
#include "atlas-import-dialog.h"
#include "atlas-import.h"
#include "atlas-item.h"
#include "atlas-package.h"
#include "atlas-site.h"

/* The dialogs of data in and out: choosing files, the import preview (what
 * will be added, changed, rejected and why, line by line), export, and
 * "Reset to Bundled Data".
 */

static void
show_result (GtkWindow  *parent,
             const char *heading,
             const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static const char *
action_icon (AtlasImportAction action)
{
  switch (action)
    {
    case ATLAS_IMPORT_ACTION_ADD: return "list-add-symbolic";
    case ATLAS_IMPORT_ACTION_CHANGE: return "document-edit-symbolic";
    case ATLAS_IMPORT_ACTION_UNCHANGED: return "object-select-symbolic";
    default: return "dialog-error-symbolic";
    }
}

static const char *
action_label (AtlasImportAction action)
{
  switch (action)
    {
    case ATLAS_IMPORT_ACTION_ADD: return _("Add");
    case ATLAS_IMPORT_ACTION_CHANGE: return _("Change");
    case ATLAS_IMPORT_ACTION_UNCHANGED: return _("Already there");
    default: return _("Rejected");
    }
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  AtlasImportRow *row = item;
  g_autofree char *location = atlas_import_row_dup_location (row);
  g_autofree char *title = NULL;
  const char *message = atlas_import_row_get_message (row);
  AtlasImportAction action = atlas_import_row_get_action (row);
  GtkWidget *widget = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (action_icon (action));

  if (atlas_import_row_get_id (row) != NULL)
    title = g_strdup_printf ("%s · %s %s", action_label (action), atlas_import_row_get_table (row),
                             atlas_import_row_get_id (row));
  else
    title = g_strdup (action_label (action));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), title);
  if (message != NULL)
    {
      g_autofree char *subtitle = g_strdup_printf ("%s — %s", location, message);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (widget), subtitle);
    }
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (widget), location);
  if (action == ATLAS_IMPORT_ACTION_REJECT)
    gtk_widget_add_css_class (icon, "error");
  else if (action == ATLAS_IMPORT_ACTION_ADD)
    gtk_widget_add_css_class (icon, "success");
  adw_action_row_add_prefix (ADW_ACTION_ROW (widget), icon);
  return widget;
}

static void
on_preview_response (AdwMessageDialog *dialog,
                     const char       *response,
                     AtlasImportPlan  *plan)
{
  AtlasSession *session = g_object_get_data (G_OBJECT (dialog), "session");
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "import"))
    return;

  if (!atlas_import_plan_apply (plan, NULL, NULL, &error))
    {
      show_result (parent, _("Nothing Was Imported"), error->message);
      return;
    }
  if (!atlas_session_reload (session, &error))
    g_warning ("Cannot reload the data: %s", error->message);
  show_result (parent, _("Import Complete"), _("The records are now part of your own data."));
}

/**
 * atlas_import_dialog_preview:
 * @files: a list of #GFile
 *
 * Reads @files and shows what importing them would do.
 */
void
atlas_import_dialog_preview (GtkWindow    *parent,
                             AtlasSession *session,
                             GListModel   *files)
{
  AtlasDataset *dataset = atlas_session_get_dataset (session);
  g_autoptr(AtlasImportPlan) plan = atlas_import_plan_new (atlas_dataset_get_store (dataset));
  g_autofree char *summary = NULL;
  GtkWidget *dialog, *scroller, *list;

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autoptr(GError) error = NULL;

      if (!atlas_import_plan_add_file (plan, file, NULL, &error))
        {
          show_result (parent, _("Cannot Read the File"), error->message);
          return;
        }
    }
  atlas_import_plan_validate (plan);
  summary = atlas_import_plan_dup_summary (plan);

  dialog = adw_message_dialog_new (parent, _("Import Preview"), NULL);
  if (atlas_import_plan_count (plan, ATLAS_IMPORT_ACTION_REJECT) > 0)
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s. %s", summary,
                                    _("Nothing will be imported until the rejected lines are fixed."));
  else
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s.", summary);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_bind_model (GTK_LIST_BOX (list), atlas_import_plan_get_rows (plan), create_row, NULL, NULL);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroller), 560);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "import",
                                           atlas_import_plan_can_apply (plan));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "session", g_object_ref (session), g_object_unref);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_preview_response),
                         g_object_ref (plan), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 640, -1);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_chosen (GtkNativeDialog *chooser,
                  int              response,
                  AtlasSession    *session)
{
  GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      atlas_import_dialog_preview (parent, session, files);
    }
  g_object_unref (chooser);
}

void
atlas_import_dialog_open (GtkWindow    *parent,
                          AtlasSession *session)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import Data"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("CSV, JSON or dataset package"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_pattern (filter, "*.cqatlas");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_import_chosen),
                         g_object_ref (session), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- export ----------------------------------------------------------- */

typedef struct
{
  AtlasSession *session;
  char         *format;      /* "csv", "json" or "cqatlas" */
  gboolean      filtered;
  gboolean      bom;
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_clear_object (&request->session);
  g_free (request->format);
  g_free (request);
}

static AtlasExportSelection *
selection_from_state (AtlasSession *session)
{
  AtlasExportSelection *selection = atlas_export_selection_new ();
  GListModel *sites = atlas_session_get_sites (session);
  GListModel *events = atlas_session_get_events (session);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (sites)); i++)
    {
      g_autoptr(AtlasItem) item = g_list_model_get_item (G_LIST_MODEL (sites), i);
      atlas_export_selection_add_site (selection, atlas_item_get_id (item));
    }
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (events)); i++)
    {
      g_autoptr(AtlasItem) item = g_list_model_get_item (G_LIST_MODEL (events), i);
      atlas_export_selection_add_event (selection, atlas_item_get_id (item));
    }
  return selection;
}

static void
on_export_chosen (GtkNativeDialog *chooser,
                  int              response,
                  ExportRequest   *request)
{
  GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasExportSelection) selection = NULL;
  AtlasStore *store = atlas_dataset_get_store (atlas_session_get_dataset (request->session));
  gboolean ok;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      g_object_unref (chooser);
      return;
    }

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (request->filtered)
    selection = selection_from_state (request->session);

  if (g_str_equal (request->format, "csv"))
    ok = atlas_csv_export (store, file, selection,
                           request->bom ? ATLAS_CSV_EXPORT_BOM : ATLAS_CSV_EXPORT_NONE, &error);
  else if (g_str_equal (request->format, "json"))
    ok = atlas_json_export_selection (store, file, selection, &error);
  else
    {
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *version = NULL;

      atlas_store_get_release (store, &version, NULL, NULL);
      ok = path != NULL && atlas_package_write (store, path, version ? version : "local", &error);
    }

  if (ok)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *body = g_strdup_printf (_("The data was written to %s."), name);
      show_result (parent, _("Export Complete"), body);
    }
  else
    show_result (parent, _("Export Failed"), error ? error->message : _("Unknown error"));
  g_object_unref (chooser);
}

static void
on_export_format (AdwMessageDialog *dialog,
                  const char       *response,
                  ExportRequest    *request)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  GtkWidget *filtered = gtk_widget_get_first_child (box);
  GtkWidget *bom = gtk_widget_get_next_sibling (filtered);
  GtkFileChooserNative *chooser;
  ExportRequest *copy;
  gboolean folder = g_str_equal (response, "csv");

  if (g_str_equal (response, "cancel"))
    return;

  copy = g_new0 (ExportRequest, 1);
  copy->session = g_object_ref (request->session);
  copy->format = g_strdup (response);
  copy->filtered = gtk_check_button_get_active (GTK_CHECK_BUTTON (filtered));
  copy->bom = gtk_check_button_get_active (GTK_CHECK_BUTTON (bom));

  chooser = gtk_file_chooser_native_new (folder ? _("Export to Folder") : _("Export Data"), parent,
                                         folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                                : GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  if (!folder)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser),
                                       g_str_equal (response, "json") ? "cq-atlas.json" : "cq-atlas.cqatlas");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_export_chosen), copy,
                         (GClosureNotify) (void (*) (void)) export_request_free, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
atlas_export_dialog_open (GtkWindow    *parent,
                          AtlasSession *session)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Export Data"),
                                              _("CSV writes one file per table into a folder; JSON "
                                                "writes one document; a dataset package (.cqatlas) "
                                                "is one SQLite file that another atlas can import."));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  ExportRequest *request = g_new0 (ExportRequest, 1);

  gtk_box_append (GTK_BOX (box), gtk_check_button_new_with_mnemonic (_("Only the records the _filters show")));
  gtk_box_append (GTK_BOX (box), gtk_check_button_new_with_mnemonic (_("CSV for _spreadsheets (UTF-8 with BOM)")));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "cqatlas", _("_Package"),
                                    "json", _("_JSON"),
                                    "csv", _("C_SV"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "csv", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  request->session = g_object_ref (session);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_export_format), request,
                         (GClosureNotify) (void (*) (void)) export_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- reset ------------------------------------------------------------ */

static void
on_reset_response (AdwMessageDialog *dialog,
                   const char       *response,
                   AtlasSession     *session)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "reset"))
    return;
  if (!atlas_session_reset_to_bundled (session, &error))
    show_result (parent, _("Cannot Reset the Data"), error->message);
}

void
atlas_reset_dialog_open (GtkWindow    *parent,
                         AtlasSession *session)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Reset to Bundled Data?"),
                                              _("The records you imported are removed and a "
                                                "downloaded update is set aside as a backup. Your "
                                                "stories are kept."));

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reset", _("_Reset"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reset", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_reset_response),
                         g_object_ref (session), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
