/* atlas-export-dialog.c
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

#define G_LOG_DOMAIN "atlas-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-dataset.h"
#include "atlas-export-dialog.h"
#include "atlas-export.h"
#include "atlas-item.h"
#include "atlas-package.h"

/* Export: one dialog with the choice of format (CSV files in a new folder,
 * CSV for spreadsheets, JSON, a package) and of records (all, or what the
 * filters show), then a file chooser, the export in a worker thread on a
 * connection of its own, and "Open Folder" at the end.
 */

struct _AtlasExportDialog
{
  AdwWindow         parent_instance;

  AtlasSession     *session;
  GFile            *target;
  GCancellable     *cancellable;

  /* template */
  GtkStack         *stack;
  GtkButton        *export_button;
  GtkButton        *cancel_button;
  GtkCheckButton   *csv_check;
  GtkCheckButton   *spreadsheet_check;
  GtkCheckButton   *json_check;
  GtkCheckButton   *package_check;
  AdwActionRow     *filtered_row;
  GtkSwitch        *filtered_switch;
  GtkSpinner       *spinner;
  AdwStatusPage    *done_page;
  AdwStatusPage    *error_page;
};

G_DEFINE_FINAL_TYPE (AtlasExportDialog, atlas_export_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  GBytes               *dataset;
  char                 *user_path;
  AtlasStore           *store;       /* when there is no file to open again */
  AtlasExportFormat     format;
  GFile                *target;
  AtlasExportSelection *selection;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_pointer (&job->dataset, g_bytes_unref);
  g_free (job->user_path);
  g_clear_object (&job->store);
  g_clear_object (&job->target);
  g_clear_pointer (&job->selection, atlas_export_selection_free);
  g_free (job);
}

static AtlasExportFormat
get_format (AtlasExportDialog *self)
{
  if (gtk_check_button_get_active (self->spreadsheet_check))
    return ATLAS_EXPORT_CSV_SPREADSHEET;
  if (gtk_check_button_get_active (self->json_check))
    return ATLAS_EXPORT_JSON;
  if (gtk_check_button_get_active (self->package_check))
    return ATLAS_EXPORT_PACKAGE;
  return ATLAS_EXPORT_CSV;
}

static void
on_format_toggled (AtlasExportDialog *self)
{
  /* A package is the whole dataset; it has no filtered form. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->filtered_row), get_format (self) != ATLAS_EXPORT_PACKAGE);
}

/* What the session's filters show, with what it refers to. */
static AtlasExportSelection *
selection_from_session (AtlasSession *session)
{
  AtlasExportSelection *selection = atlas_export_selection_new ();
  GListModel *sites = atlas_session_get_sites (session);
  GListModel *events = atlas_session_get_events (session);

  for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
    {
      g_autoptr(AtlasItem) item = g_list_model_get_item (sites, i);
      atlas_export_selection_add_site (selection, atlas_item_get_id (item));
    }
  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(AtlasItem) item = g_list_model_get_item (events, i);
      atlas_export_selection_add_event (selection, atlas_item_get_id (item));
    }
  return selection;
}

static gboolean
run_export (ExportJob  *job,
            AtlasStore *store,
            GError    **error)
{
  switch (job->format)
    {
    case ATLAS_EXPORT_CSV:
    case ATLAS_EXPORT_CSV_SPREADSHEET:
      /* Into a new folder: never files mixed into an old export. */
      if (!g_file_make_directory (job->target, NULL, error))
        return FALSE;
      return atlas_csv_export (store, job->target, job->selection,
                               job->format == ATLAS_EXPORT_CSV ? ATLAS_CSV_EXPORT_NONE
                                                               : ATLAS_CSV_EXPORT_SPREADSHEET,
                               error);
    case ATLAS_EXPORT_JSON:
      return atlas_json_export_selection (store, job->target, job->selection, error);
    case ATLAS_EXPORT_PACKAGE:
    default:
      {
        g_autofree char *path = g_file_get_path (job->target);
        g_autofree char *version = NULL;

        if (path == NULL)
          {
            g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                 _("A package can only be written to a local file"));
            return FALSE;
          }
        atlas_store_get_release (store, &version, NULL, NULL);
        return atlas_package_write (store, path, version ? version : "local", error);
      }
    }
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(AtlasStore) store = NULL;
  GError *error = NULL;

  store = atlas_store_new (job->dataset, job->user_path, &error);
  if (store == NULL || !run_export (job, store, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
show_error (AtlasExportDialog *self,
            const char        *message)
{
  /* A status page's description is markup. */
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_status_page_set_description (self->error_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "error");
  gtk_button_set_label (self->cancel_button, _("_Close"));
  gtk_widget_set_visible (GTK_WIDGET (self->export_button), FALSE);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AtlasExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  g_autofree char *escaped = NULL;

  gtk_spinner_stop (self->spinner);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      show_error (self, error->message);
      return;
    }

  name = g_file_get_parse_name (self->target);
  body = g_strdup_printf (_("The data was written to %s."), name);
  escaped = g_markup_escape_text (body, -1);
  adw_status_page_set_description (self->done_page, escaped);
  gtk_stack_set_visible_child_name (self->stack, "done");
  gtk_button_set_label (self->cancel_button, _("_Close"));
  gtk_widget_set_visible (GTK_WIDGET (self->export_button), FALSE);
}

/**
 * atlas_export_dialog_export:
 * @target: the new folder (CSV) or the file to write
 *
 * Exports in @format to @target, in a worker thread, and shows the result.
 */
void
atlas_export_dialog_export (AtlasExportDialog *self,
                            AtlasExportFormat  format,
                            GFile             *target)
{
  AtlasStore *store = atlas_dataset_get_store (atlas_session_get_dataset (self->session));
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (ATLAS_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (target));

  g_set_object (&self->target, target);
  job = g_new0 (ExportJob, 1);
  job->format = format;
  job->target = g_object_ref (target);
  if (format != ATLAS_EXPORT_PACKAGE && gtk_switch_get_active (self->filtered_switch))
    job->selection = selection_from_session (self->session);

  gtk_stack_set_visible_child_name (self->stack, "working");
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
  gtk_spinner_start (self->spinner);

  task = g_task_new (self, self->cancellable, on_exported, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);

  /* Without a file of the user's own data, the window's connection is the
   * only one that sees it: then the export runs here.
   */
  if (atlas_store_get_user_path (store) == NULL)
    {
      GError *error = NULL;

      if (run_export (job, store, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      return;
    }
  job->dataset = g_bytes_ref (atlas_store_get_dataset_bytes (store));
  job->user_path = g_strdup (atlas_store_get_user_path (store));
  g_task_run_in_thread (task, export_thread);
}

static void
on_target_chosen (GtkNativeDialog   *chooser,
                  int                response,
                  AtlasExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) target = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      atlas_export_dialog_export (self, get_format (self), target);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
choose_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AtlasExportDialog *self = ATLAS_EXPORT_DIALOG (widget);
  AtlasExportFormat format = get_format (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  switch (format)
    {
    case ATLAS_EXPORT_CSV:
    case ATLAS_EXPORT_CSV_SPREADSHEET:
      name = g_strdup_printf ("cq-atlas-%s", date);
      break;
    case ATLAS_EXPORT_JSON:
      name = g_strdup_printf ("cq-atlas-%s.json", date);
      break;
    case ATLAS_EXPORT_PACKAGE:
    default:
      name = g_strdup_printf ("cq-atlas-%s.cqatlas", date);
      break;
    }

  /* CSV goes into a folder the export makes: its name is chosen like a
   * file's.
   */
  chooser = gtk_file_chooser_native_new (format <= ATLAS_EXPORT_CSV_SPREADSHEET
                                         ? _("Name the New Folder") : _("Export Data"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_target_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_folder_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AtlasExportDialog *self = ATLAS_EXPORT_DIALOG (widget);
  g_autoptr(GFile) folder = NULL;
  g_autofree char *uri = NULL;

  if (self->target == NULL)
    return;
  folder = get_format (self) <= ATLAS_EXPORT_CSV_SPREADSHEET ? g_object_ref (self->target)
                                                              : g_file_get_parent (self->target);
  if (folder == NULL)
    return;
  uri = g_file_get_uri (folder);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
atlas_export_dialog_dispose (GObject *object)
{
  AtlasExportDialog *self = (AtlasExportDialog *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (atlas_export_dialog_parent_class)->dispose (object);
}

static void
atlas_export_dialog_finalize (GObject *object)
{
  AtlasExportDialog *self = (AtlasExportDialog *)object;

  g_clear_object (&self->session);
  g_clear_object (&self->target);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (atlas_export_dialog_parent_class)->finalize (object);
}

static void
atlas_export_dialog_class_init (AtlasExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_export_dialog_dispose;
  object_class->finalize = atlas_export_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, csv_check);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, spreadsheet_check);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, json_check);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, package_check);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, filtered_row);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, filtered_switch);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, done_page);
  gtk_widget_class_bind_template_child (widget_class, AtlasExportDialog, error_page);
  gtk_widget_class_bind_template_callback (widget_class, on_format_toggled);

  gtk_widget_class_install_action (widget_class, "export.choose", NULL, choose_activated);
  gtk_widget_class_install_action (widget_class, "export.open-folder", NULL, open_folder_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
atlas_export_dialog_init (AtlasExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

/**
 * atlas_export_dialog_new:
 * @session: the window's session: its data, and its filters for "only the
 *   records the filters show"
 *
 * Returns: (transfer none): the dialog, owned by GTK until it is closed
 */
AtlasExportDialog *
atlas_export_dialog_new (GtkWindow    *parent,
                         AtlasSession *session)
{
  AtlasExportDialog *self;

  g_return_val_if_fail (ATLAS_IS_SESSION (session), NULL);

  self = g_object_new (ATLAS_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  on_format_toggled (self);
  return self;
}

/**
 * atlas_export_dialog_get_page:
 *
 * Returns: which page shows: "choose", "working", "done" or "error"
 */
const char *
atlas_export_dialog_get_page (AtlasExportDialog *self)
{
  g_return_val_if_fail (ATLAS_IS_EXPORT_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

void
atlas_export_dialog_open (GtkWindow    *parent,
                          AtlasSession *session)
{
  gtk_window_present (GTK_WINDOW (atlas_export_dialog_new (parent, session)));
}
