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

#define G_LOG_DOMAIN "atlas-widgets"

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-dataset.h"
#include "atlas-import-dialog.h"
#include "atlas-l10n.h"

/* The import: choosing files, the preview (what will be added, changed,
 * rejected and why, line by line), the import itself with its progress and
 * Cancel, and what comes after (Show, Save Report).  Reading, checking and
 * writing happen in worker threads (atlas_import_plan_load_async() and
 * _apply_async()); the preview is a GtkListView over the plan, so 100,000
 * rows cost a screenful of widgets.  Text from the files is only ever set
 * as plain text, or escaped where a widget reads markup.
 *
 * The dialog only asks: the window's session writes the plan and tells
 * every view (atlas_session_import_async()).
 */

typedef enum
{
  STATE_LOADING,
  STATE_PREVIEW,
  STATE_APPLYING,
  STATE_DONE,
  STATE_FAILED,
} State;

struct _AtlasImportDialog
{
  AdwWindow         parent_instance;

  AtlasSession     *session;
  AtlasImportPlan  *plan;
  GCancellable     *cancellable;
  State             state;
  gboolean          closing;      /* close once the worker has stopped */
  guint             added;
  guint             changed;
  GStrv             keys;         /* of what was written, for Show */

  /* template */
  AdwToastOverlay  *toasts;
  GtkButton        *cancel_button;
  GtkButton        *import_button;
  GtkStack         *stack;
  AdwStatusPage    *working_page;
  GtkProgressBar   *progress_bar;
  GtkLabel         *summary_label;
  GtkLabel         *notice_label;
  GtkListView      *list_view;
  GtkLabel         *limits_label;
  AdwStatusPage    *done_page;
  GtkButton        *show_button;
  AdwStatusPage    *error_page;
};

G_DEFINE_FINAL_TYPE (AtlasImportDialog, atlas_import_dialog, ADW_TYPE_WINDOW)

static void
set_state (AtlasImportDialog *self,
           State              state)
{
  static const char * const pages[] = { "working", "preview", "working", "done", "error" };
  gboolean finished = state == STATE_DONE || state == STATE_FAILED;

  self->state = state;
  gtk_stack_set_visible_child_name (self->stack, pages[state]);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), state == STATE_PREVIEW);
  gtk_button_set_label (self->cancel_button, finished ? _("_Close") : _("_Cancel"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply",
                                 state == STATE_PREVIEW && atlas_import_plan_can_apply (self->plan));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.save-report",
                                 state == STATE_PREVIEW || state == STATE_DONE);
  if (state == STATE_LOADING || state == STATE_APPLYING)
    {
      adw_status_page_set_title (self->working_page,
                                 state == STATE_LOADING ? _("Reading the Files") : _("Importing"));
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      gtk_progress_bar_set_text (self->progress_bar, NULL);
    }
}

/* A status page's description is markup: text from outside is escaped. */
static void
show_error (AtlasImportDialog *self,
            const char        *title,
            const char        *message)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, escaped);
  set_state (self, STATE_FAILED);
}

static void
toast (AtlasImportDialog *self,
       const char        *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (escaped));
}

/* ---- the rows ---------------------------------------------------------- */

static const char *
action_icon (AtlasImportAction action)
{
  switch (action)
    {
    case ATLAS_IMPORT_ACTION_ADD: return "list-add-symbolic";
    case ATLAS_IMPORT_ACTION_CHANGE: return "document-edit-symbolic";
    case ATLAS_IMPORT_ACTION_UNCHANGED: return "object-select-symbolic";
    case ATLAS_IMPORT_ACTION_REJECT:
    default: return "dialog-error-symbolic";
    }
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (subtitle), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_hexpand (texts, TRUE);

  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static char *
row_title (AtlasImportRow *row)
{
  const char *label = atlas_import_action_to_label (atlas_import_row_get_action (row));
  const char *table = atlas_import_row_get_table (row);
  const char *name;

  if (table == NULL)
    return g_strdup (label);
  if (atlas_import_row_get_about (row) != NULL)
    /* Translators: what the import does · citation · the kind of record its id */
    return g_strdup_printf (_("%s · %s · %s %s"), label, atlas_import_table_to_label (table),
                            atlas_import_table_to_label (atlas_import_row_get_about (row)),
                            atlas_import_row_get_id (row));
  name = atlas_l10n_pick (atlas_import_row_get_name_zh (row), atlas_import_row_get_name_en (row));
  if (name != NULL && *name != '\0')
    /* Translators: what the import does · the kind of record “its name” (its id) */
    return g_strdup_printf (_("%s · %s “%s” (%s)"), label, atlas_import_table_to_label (table),
                            name, atlas_import_row_get_id (row));
  return g_strdup_printf ("%s · %s %s", label, atlas_import_table_to_label (table),
                          atlas_import_row_get_id (row) ? atlas_import_row_get_id (row) : "");
}

static char *
row_subtitle (AtlasImportRow *row)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = atlas_import_row_get_n_problems (row);

  if (n == 0)
    {
      g_autofree char *location = atlas_import_row_dup_location (row);
      const char *message = atlas_import_row_get_message (row);

      g_string_append (text, location);
      if (message != NULL)
        g_string_append_printf (text, " — %s", message);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *location = atlas_import_row_dup_problem_location (row, i);

      g_string_append_printf (text, "%s%s — %s", i > 0 ? "\n" : "", location,
                              atlas_import_row_get_problem (row, i, NULL));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  AtlasImportRow *row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *texts = gtk_widget_get_next_sibling (icon);
  GtkWidget *title = gtk_widget_get_first_child (texts);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  AtlasImportAction action = atlas_import_row_get_action (row);
  g_autofree char *title_text = row_title (row);
  g_autofree char *subtitle_text = row_subtitle (row);

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), action_icon (action));
  gtk_widget_remove_css_class (icon, "error");
  gtk_widget_remove_css_class (icon, "success");
  if (action == ATLAS_IMPORT_ACTION_REJECT)
    gtk_widget_add_css_class (icon, "error");
  else if (action == ATLAS_IMPORT_ACTION_ADD)
    gtk_widget_add_css_class (icon, "success");
  /* Plain text: names and messages come from the files. */
  gtk_label_set_text (GTK_LABEL (title), title_text);
  gtk_label_set_text (GTK_LABEL (subtitle), subtitle_text);
}

/* ---- loading and applying ---------------------------------------------- */

static void
on_progress (AtlasImportDialog *self,
             AtlasImportPhase   phase,
             guint              done,
             guint              total)
{
  g_autofree char *text = NULL;

  if (self->state != STATE_LOADING && self->state != STATE_APPLYING)
    return;
  switch (phase)
    {
    case ATLAS_IMPORT_PHASE_READING:
      text = g_strdup_printf (_("Reading file %u of %u"), MIN (done + 1, total), total);
      break;
    case ATLAS_IMPORT_PHASE_CHECKING:
      text = g_strdup (_("Checking the records"));
      break;
    case ATLAS_IMPORT_PHASE_WRITING:
    default:
      text = g_strdup_printf (_("Writing record %u of %u"), done, total);
      break;
    }
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 0);
}

static void
show_preview (AtlasImportDialog *self)
{
  g_autofree char *summary = atlas_import_plan_dup_summary (self->plan);
  g_autofree char *text = NULL;

  if (atlas_import_plan_count (self->plan, ATLAS_IMPORT_ACTION_REJECT) > 0)
    /* Translators: the summary of an import, then what follows from it */
    text = g_strdup_printf (_("%s. %s"), summary,
                            _("Nothing will be imported until the rejected lines are fixed."));
  else if (!atlas_import_plan_can_apply (self->plan))
    text = g_strdup_printf (_("%s. %s"), summary, _("There is nothing new to import."));
  else
    /* Translators: the summary of an import, as a sentence */
    text = g_strdup_printf (_("%s."), summary);
  gtk_label_set_text (self->summary_label, text);
  set_state (self, STATE_PREVIEW);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AtlasImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!atlas_import_plan_load_finish (self->plan, result, &error))
    {
      if (self->closing || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_window_destroy (GTK_WINDOW (self));
      else
        show_error (self, _("Nothing Can Be Imported"), error->message);
      return;
    }
  if (self->closing)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  show_preview (self);
}

/**
 * atlas_import_dialog_load:
 * @files: a list of #GFile
 *
 * Reads and checks @files in a worker thread and shows the preview.
 */
void
atlas_import_dialog_load (AtlasImportDialog *self,
                          GListModel        *files)
{
  g_return_if_fail (ATLAS_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));
  g_return_if_fail (self->plan == NULL);

  self->plan = atlas_import_plan_new (atlas_dataset_get_store (atlas_session_get_dataset (self->session)));
  g_signal_connect_object (self->plan, "progress", G_CALLBACK (on_progress), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->plan)))));
  set_state (self, STATE_LOADING);
  atlas_import_plan_load_async (self->plan, files, self->cancellable, on_loaded, g_object_ref (self));
}

static void
on_applied (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(AtlasImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *added = NULL;
  g_autofree char *escaped = NULL;

  if (!atlas_session_import_finish (self->session, result, &error))
    {
      if (self->closing)
        gtk_window_destroy (GTK_WINDOW (self));
      else if (g_error_matches (error, ATLAS_IMPORT_ERROR, ATLAS_IMPORT_ERROR_CANCELLED))
        {
          g_clear_object (&self->cancellable);
          self->cancellable = g_cancellable_new ();
          gtk_label_set_text (self->notice_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->notice_label), TRUE);
          set_state (self, STATE_PREVIEW);
        }
      else
        show_error (self, _("Nothing Was Imported"), error->message);
      return;
    }

  if (self->closing)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  added = g_strdup_printf (g_dngettext (NULL, "%u record was added", "%u records were added",
                                        self->added), self->added);
  description = g_strdup_printf (g_dngettext (NULL, "%s and %u changed. They are part of your own data now.",
                                              "%s and %u changed. They are part of your own data now.",
                                              self->changed),
                                 added, self->changed);
  escaped = g_markup_escape_text (description, -1);
  adw_status_page_set_description (self->done_page, escaped);
  set_state (self, STATE_DONE);
}

static void
apply_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AtlasImportDialog *self = ATLAS_IMPORT_DIALOG (widget);

  if (self->state != STATE_PREVIEW || !atlas_import_plan_can_apply (self->plan))
    return;

  self->added = atlas_import_plan_count (self->plan, ATLAS_IMPORT_ACTION_ADD);
  self->changed = atlas_import_plan_count (self->plan, ATLAS_IMPORT_ACTION_CHANGE);
  g_clear_pointer (&self->keys, g_strfreev);
  self->keys = atlas_import_plan_dup_keys (self->plan);
  gtk_widget_set_visible (GTK_WIDGET (self->notice_label), FALSE);
  set_state (self, STATE_APPLYING);
  atlas_session_import_async (self->session, self->plan, self->cancellable, on_applied, g_object_ref (self));
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AtlasImportDialog *self = ATLAS_IMPORT_DIALOG (widget);

  if (self->state == STATE_LOADING || self->state == STATE_APPLYING)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

/* A window closed while a worker runs: it is told to stop (an import is
 * rolled back), and the window goes once it has.
 */
static gboolean
atlas_import_dialog_close_request (GtkWindow *window)
{
  AtlasImportDialog *self = ATLAS_IMPORT_DIALOG (window);

  if (self->state == STATE_LOADING || self->state == STATE_APPLYING)
    {
      self->closing = TRUE;
      g_cancellable_cancel (self->cancellable);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (atlas_import_dialog_parent_class)->close_request (window);
}

static void
show_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AtlasImportDialog *self = ATLAS_IMPORT_DIALOG (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent != NULL && self->keys != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win." ATLAS_IMPORT_DIALOG_SHOW_ACTION,
                                "^as", self->keys);
  gtk_window_close (GTK_WINDOW (self));
}

/* ---- the report --------------------------------------------------------- */

static void
on_report_written (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AtlasImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      g_autofree char *text = g_strdup_printf (_("The report could not be saved: %s"), error->message);
      toast (self, text);
    }
  else
    toast (self, _("The report was saved"));
}

static void
on_report_chosen (GtkNativeDialog   *chooser,
                  int                response,
                  AtlasImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *report = atlas_import_plan_dup_report (self->plan);
      g_autoptr(GBytes) bytes = NULL;
      gsize length = strlen (report);

      bytes = g_bytes_new_take (g_steal_pointer (&report), length);
      g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                           NULL, on_report_written, g_object_ref (self));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
save_report_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  AtlasImportDialog *self = ATLAS_IMPORT_DIALOG (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save the Import Report"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "import-report.txt");
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_report_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- the type ----------------------------------------------------------- */

static void
atlas_import_dialog_dispose (GObject *object)
{
  AtlasImportDialog *self = (AtlasImportDialog *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (atlas_import_dialog_parent_class)->dispose (object);
}

static void
atlas_import_dialog_finalize (GObject *object)
{
  AtlasImportDialog *self = (AtlasImportDialog *)object;

  g_clear_object (&self->session);
  g_clear_object (&self->plan);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->keys, g_strfreev);

  G_OBJECT_CLASS (atlas_import_dialog_parent_class)->finalize (object);
}

static void
atlas_import_dialog_class_init (AtlasImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = atlas_import_dialog_dispose;
  object_class->finalize = atlas_import_dialog_finalize;
  window_class->close_request = atlas_import_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, working_page);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, notice_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, list_view);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, limits_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, done_page);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, show_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasImportDialog, error_page);

  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_activated);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_activated);
  gtk_widget_class_install_action (widget_class, "import.show", NULL, show_activated);
  gtk_widget_class_install_action (widget_class, "import.save-report", NULL, save_report_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
atlas_import_dialog_init (AtlasImportDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autofree char *limits = atlas_input_dup_limits_text ();
  g_autofree char *escaped = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);

  gtk_label_set_text (self->limits_label, limits);
  escaped = g_markup_escape_text (limits, -1);
  adw_status_page_set_description (self->working_page, escaped);
}

/**
 * atlas_import_dialog_new:
 *
 * Returns: (transfer none): a new import dialog over @parent, owned by GTK
 *   until it is closed
 */
AtlasImportDialog *
atlas_import_dialog_new (GtkWindow    *parent,
                         AtlasSession *session)
{
  AtlasImportDialog *self;

  g_return_val_if_fail (ATLAS_IS_SESSION (session), NULL);

  self = g_object_new (ATLAS_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  /* Show only where the window can: it offers the action. */
  gtk_widget_set_visible (GTK_WIDGET (self->show_button),
                          G_IS_ACTION_GROUP (parent)
                          && g_action_group_has_action (G_ACTION_GROUP (parent),
                                                        ATLAS_IMPORT_DIALOG_SHOW_ACTION));
  return self;
}

/**
 * atlas_import_dialog_get_plan:
 *
 * Returns: (transfer none) (nullable): the import shown
 */
AtlasImportPlan *
atlas_import_dialog_get_plan (AtlasImportDialog *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_DIALOG (self), NULL);

  return self->plan;
}

/**
 * atlas_import_dialog_get_page:
 *
 * Returns: which page shows: "working", "preview", "done" or "error"
 */
const char *
atlas_import_dialog_get_page (AtlasImportDialog *self)
{
  g_return_val_if_fail (ATLAS_IS_IMPORT_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * atlas_import_dialog_preview:
 * @files: a list of #GFile
 *
 * Reads @files and shows what importing them would do.
 *
 * Returns: (transfer none): the dialog
 */
AtlasImportDialog *
atlas_import_dialog_preview (GtkWindow    *parent,
                             AtlasSession *session,
                             GListModel   *files)
{
  AtlasImportDialog *self = atlas_import_dialog_new (parent, session);

  atlas_import_dialog_load (self, files);
  gtk_window_present (GTK_WINDOW (self));
  return self;
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

/* ---- reset -------------------------------------------------------------- */

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
    {
      /* The body is plain text (body-use-markup is off). */
      GtkWidget *failed = adw_message_dialog_new (parent, _("Cannot Reset the Data"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (failed), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (failed));
    }
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
