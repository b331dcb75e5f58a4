/* test-update-dialog.c
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

/* "Check for Updates" in a window, against a SoupServer on 127.0.0.1: the
 * offer, the download, the install on a worker thread with its own dialog,
 * and what changed; and a wrongly signed release refused in a dialog that
 * says why, the data unchanged.
 */

#include "config.h"

#include <adwaita.h>
#include <libsoup/soup.h>

#include "atlas-dataset.h"
#include "atlas-session.h"
#include "atlas-store.h"
#include "atlas-test-package.h"
#include "atlas-test-ui.h"
#include "atlas-update-dialog.h"
#include "atlas-updater.h"

typedef struct
{
  char         *dir;
  AtlasStore   *store;
  AtlasDataset *dataset;
  AtlasSession *session;
  GtkWindow    *parent;
  SoupServer   *server;
  GBytes       *package;
  char         *manifest;
  char         *url;
} Fixture;

static void
handle (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  Fixture *f = user_data;

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  if (g_str_equal (path, "/manifest.json"))
    soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                      f->manifest, strlen (f->manifest));
  else if (g_str_equal (path, "/data.cqatlas"))
    soup_server_message_set_response (msg, "application/octet-stream", SOUP_MEMORY_COPY,
                                      g_bytes_get_data (f->package, NULL), g_bytes_get_size (f->package));
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static void
set_manifest (Fixture    *f,
              const char *signature)
{
  g_autofree char *sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, f->package);

  g_free (f->manifest);
  f->manifest = g_strdup_printf ("{\"format\": \"%s\", \"version\": \"2027.1\", \"created\": \"2027-01-05\","
                                 " \"size\": %" G_GSIZE_FORMAT ", \"sha256\": \"%s\", \"signature\": \"%s\","
                                 " \"url\": \"data.cqatlas\", \"notes\": \"<b>Not markup</b> & more\"}",
                                 ATLAS_UPDATE_MANIFEST_FORMAT, g_bytes_get_size (f->package), sum, signature);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *user_path = NULL;
  g_autofree char *signature = NULL;
  GSList *uris;

  atlas_test_package_trust_test_key ();
  f->dir = g_dir_make_tmp ("atlas-update-dialog-XXXXXX", &error);
  g_assert_no_error (error);
  user_path = g_build_filename (f->dir, "user.sqlite", NULL);
  f->store = atlas_test_package_open_store (user_path);
  f->dataset = atlas_dataset_new (f->store, &error);
  g_assert_no_error (error);
  f->session = atlas_session_new (f->dataset);
  f->package = atlas_test_package_make (f->dir, "2027.1",
                                        "INSERT INTO user.deleted SELECT 'party', id FROM main.party"
                                        " ORDER BY id LIMIT 1;");
  signature = atlas_test_package_sign (f->package);
  set_manifest (f, signature);

  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, NULL, handle, f, NULL);
  g_assert_true (soup_server_listen_local (f->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->server);
  f->url = g_strdup_printf ("http://127.0.0.1:%d/manifest.json", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  f->parent = GTK_WINDOW (gtk_window_new ());
  gtk_window_present (f->parent);
  ATLAS_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (f->parent)));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (f->parent);
  soup_server_disconnect (f->server);
  g_clear_object (&f->server);
  g_clear_object (&f->session);
  g_clear_object (&f->dataset);
  g_clear_object (&f->store);
  g_clear_pointer (&f->package, g_bytes_unref);
  atlas_test_package_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->manifest);
  g_free (f->url);
}

/* The message dialog whose heading is @heading, if one is shown. */
static AdwMessageDialog *
find_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window)
          && gtk_widget_get_visible (GTK_WIDGET (window))
          && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (window)), heading) == 0)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
on_reloaded (AtlasSession *session,
             guint        *reloads)
{
  (*reloads)++;
}

static void
test_offer_download_install (Fixture       *f,
                             gconstpointer  data)
{
  AdwMessageDialog *dialog;
  g_autofree char *release = NULL;
  guint reloads = 0;

  g_signal_connect (f->session, "reloaded", G_CALLBACK (on_reloaded), &reloads);
  atlas_update_dialog_open (f->parent, f->session, f->url);

  ATLAS_WAIT_UNTIL_MS ((dialog = find_dialog ("A New Release of the Data")) != NULL, 20000);
  /* The server's notes are shown as they are, not as markup. */
  g_assert_false (adw_message_dialog_get_body_use_markup (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "<b>Not markup</b> & more"));
  adw_message_dialog_response (dialog, "install");

  ATLAS_WAIT_UNTIL_MS ((dialog = find_dialog ("Update Installed")) != NULL, 30000);
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "1 record"));
  release = atlas_test_package_release_of (f->store);
  g_assert_cmpstr (release, ==, "2027.1");
  g_assert_cmpuint (reloads, >, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_wrong_signature_refused (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *other = atlas_test_package_sign_other (f->package);
  AdwMessageDialog *dialog;
  g_autofree char *release = NULL;

  set_manifest (f, other);
  atlas_update_dialog_open (f->parent, f->session, f->url);
  ATLAS_WAIT_UNTIL_MS ((dialog = find_dialog ("A New Release of the Data")) != NULL, 20000);
  adw_message_dialog_response (dialog, "install");

  ATLAS_WAIT_UNTIL_MS ((dialog = find_dialog ("The Update Failed")) != NULL, 30000);
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "signature"));
  release = atlas_test_package_release_of (f->store);
  g_assert_cmpstr (release, ==, "2026.1");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/update-dialog/offer-download-install", Fixture, NULL, fixture_set_up,
              test_offer_download_install, fixture_tear_down);
  g_test_add ("/update-dialog/wrong-signature-refused", Fixture, NULL, fixture_set_up,
              test_wrong_signature_refused, fixture_tear_down);

  return g_test_run ();
}
