/* atlas-update-dialog.c
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

#include "atlas-package.h"
#include "atlas-update-dialog.h"
#include "atlas-updater.h"

/* "Check for Updates": a dialog while the manifest is fetched, one saying
 * what is new (or why not), one with the download's progress and a cancel
 * button, one while the package is checked and installed (on a worker
 * thread, cancellable until its files are written), and one listing what
 * changed.  Nothing changes until the verified package is swapped in.
 * Every text from the server or the package is shown as plain text: the
 * message dialogs here never parse markup.
 */

typedef struct
{
  GtkWindow     *parent;
  AtlasSession  *session;
  AtlasUpdater  *updater;
  GCancellable  *cancellable;
  GtkWidget     *dialog;      /* the one shown now */
  GtkWidget     *progress;
} Update;

static void
update_free (Update *update)
{
  g_clear_object (&update->parent);
  g_clear_object (&update->session);
  g_clear_object (&update->updater);
  g_clear_object (&update->cancellable);
  g_free (update);
}

static GtkWidget *
new_dialog (Update     *update,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (update->parent, heading, body);

  update->dialog = dialog;
  return dialog;
}

static void
close_current (Update *update)
{
  if (update->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (update->dialog));
  update->dialog = NULL;
}

static void
show_message (Update     *update,
              const char *heading,
              const char *body)
{
  GtkWidget *dialog = new_dialog (update, heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  update->dialog = NULL;
}

static GtkWidget *
changes_list (GListModel *changes)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  guint n = g_list_model_get_n_items (changes);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasPackageChange) change = g_list_model_get_item (changes, i);
      GtkWidget *row = adw_action_row_new ();
      const char *kind = atlas_package_change_get_change (change);
      const char *label = g_str_equal (kind, "added") ? _("Added")
                          : g_str_equal (kind, "removed") ? _("Removed") : _("Changed");
      g_autofree char *title = g_strdup_printf ("%s · %s %s", label, atlas_package_change_get_entity (change),
                                                atlas_package_change_get_id (change));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (atlas_package_change_get_detail (change) != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), atlas_package_change_get_detail (change));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), MIN (320, 20 + 56 * n));
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroller), 520);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  return scroller;
}

static void
show_changes (GtkWindow  *parent,
              GListModel *changes,
              const char *heading)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  guint n = g_list_model_get_n_items (changes);

  body = g_strdup_printf (g_dngettext (NULL, "%u record differs from the previous release.",
                                       "%u records differ from the previous release.", n), n);
  dialog = adw_message_dialog_new (parent, heading, body);
  if (n > 0)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), changes_list (changes));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
atlas_update_dialog_show_changes (GtkWindow    *parent,
                                  AtlasSession *session)
{
  AtlasStore *store = atlas_dataset_get_store (atlas_session_get_dataset (session));
  g_autoptr(GListModel) changes = atlas_package_list_last_changes (store);

  show_changes (parent, changes, _("What Changed in the Last Update"));
}

static void
on_installed (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Update *update = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) changes = NULL;

  changes = atlas_session_install_update_finish (update->session, result, &error);
  close_current (update);
  if (changes == NULL)
    {
      if (g_error_matches (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_CANCELLED))
        show_message (update, _("The Update Was Not Installed"), _("Cancelled; nothing was changed."));
      else
        show_message (update, _("The Update Failed"), error->message);
    }
  else
    show_changes (update->parent, changes, _("Update Installed"));
  update_free (update);
}

static void
on_install_response (AdwMessageDialog *dialog,
                     const char       *response,
                     Update           *update)
{
  /* The only response is "cancel"; the worker stops at its next step. */
  update->dialog = NULL;
  g_cancellable_cancel (update->cancellable);
}

static void
start_install (Update *update,
               GBytes *package)
{
  GtkWidget *dialog = new_dialog (update, _("Installing the Update"),
                                  _("Checking the package and keeping the previous data as a backup…"));
  GtkWidget *spinner = gtk_spinner_new ();

  gtk_spinner_start (GTK_SPINNER (spinner));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), spinner);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  g_signal_connect (dialog, "response", G_CALLBACK (on_install_response), update);
  gtk_window_present (GTK_WINDOW (dialog));

  atlas_session_install_update_async (update->session, update->updater, package, update->cancellable,
                                      on_installed, update);
}

static void
on_downloaded (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Update *update = user_data;
  g_autoptr(GBytes) package = NULL;
  g_autoptr(GError) error = NULL;

  package = atlas_updater_download_finish (update->updater, result, &error);
  close_current (update);
  if (package == NULL)
    {
      if (!g_error_matches (error, ATLAS_UPDATER_ERROR, ATLAS_UPDATER_ERROR_CANCELLED))
        show_message (update, _("The Update Failed"), error->message);
      update_free (update);
      return;
    }

  /* A presentation that started during the download waits for nothing. */
  if (atlas_session_get_presenting (update->session))
    {
      show_message (update, _("The Update Was Not Installed"),
                    _("A presentation is running. Check for updates again when it ends."));
      update_free (update);
      return;
    }

  start_install (update, package);
}

static void
on_progress (AtlasUpdater *updater,
             GParamSpec   *pspec,
             Update       *update)
{
  if (update->progress != NULL)
    gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (update->progress),
                                   atlas_updater_get_progress (updater));
}

static void
on_download_response (AdwMessageDialog *dialog,
                      const char       *response,
                      Update           *update)
{
  /* The only response is "cancel". */
  update->dialog = NULL;
  update->progress = NULL;
  g_cancellable_cancel (update->cancellable);
}

static void
start_download (Update *update)
{
  GtkWidget *dialog = new_dialog (update, _("Downloading the Update"), NULL);
  g_autofree char *body = g_strdup_printf (_("Release %s — the previous data is kept as a backup."),
                                           atlas_updater_get_version (update->updater));

  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body);
  update->progress = gtk_progress_bar_new ();
  gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (update->progress), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), update->progress);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  g_signal_connect (dialog, "response", G_CALLBACK (on_download_response), update);
  g_signal_connect (update->updater, "notify::progress", G_CALLBACK (on_progress), update);
  gtk_window_present (GTK_WINDOW (dialog));

  atlas_updater_download_async (update->updater, update->cancellable, on_downloaded, update);
}

static void
on_offer_response (AdwMessageDialog *dialog,
                   const char       *response,
                   Update           *update)
{
  update->dialog = NULL;
  if (g_str_equal (response, "install"))
    start_download (update);
  else
    update_free (update);
}

static void
on_checked (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Update *update = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *size = NULL;
  GtkWidget *dialog;

  close_current (update);
  if (!atlas_updater_check_finish (update->updater, result, &error))
    {
      if (!g_error_matches (error, ATLAS_UPDATER_ERROR, ATLAS_UPDATER_ERROR_CANCELLED))
        show_message (update, _("Cannot Check for Updates"), error->message);
      update_free (update);
      return;
    }

  if (!atlas_updater_is_newer (update->updater))
    {
      show_message (update, _("The Data Is Up to Date"), _("There is no newer release of the dataset."));
      update_free (update);
      return;
    }

  size = g_format_size (atlas_updater_get_size (update->updater));
  body = g_strdup_printf (_("Release %s of %s (%s).\n%s"), atlas_updater_get_version (update->updater),
                          atlas_updater_get_created (update->updater)
                          ? atlas_updater_get_created (update->updater) : "?",
                          size,
                          atlas_updater_get_notes (update->updater)
                          ? atlas_updater_get_notes (update->updater) : "");
  dialog = new_dialog (update, _("A New Release of the Data"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Not Now"),
                                    "install", _("_Download and Install"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "install", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_offer_response), update);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_check_response (AdwMessageDialog *dialog,
                   const char       *response,
                   Update           *update)
{
  update->dialog = NULL;
  g_cancellable_cancel (update->cancellable);
}

void
atlas_update_dialog_open (GtkWindow    *parent,
                          AtlasSession *session,
                          const char   *url)
{
  Update *update = g_new0 (Update, 1);
  GtkWidget *dialog, *spinner;

  update->parent = g_object_ref (parent);
  update->session = g_object_ref (session);
  update->updater = atlas_updater_new (atlas_dataset_get_store (atlas_session_get_dataset (session)), url);
  update->cancellable = g_cancellable_new ();

  dialog = new_dialog (update, _("Checking for Updates…"), url);
  spinner = gtk_spinner_new ();
  gtk_spinner_start (GTK_SPINNER (spinner));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), spinner);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  g_signal_connect (dialog, "response", G_CALLBACK (on_check_response), update);
  gtk_window_present (GTK_WINDOW (dialog));

  atlas_updater_check_async (update->updater, update->cancellable, on_checked, update);
}
