/* test-updater.c
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

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "atlas-package.h"
#include "atlas-store.h"
#include "atlas-store-private.h"
#include "atlas-updater.h"

/* The updater against a SoupServer on 127.0.0.1: each failure leaves the
 * data as it was and says why; the happy path swaps the data in.
 */

typedef struct
{
  char        *dir;
  char        *user_path;
  AtlasStore  *store;
  SoupServer  *server;
  GUri        *base;
  GBytes      *package;       /* a valid newer release */
  char        *package_sum;
  char        *manifest;      /* served at /manifest.json */
  char        *loop_url;
  char        *moved_url;
} Fixture;

static AtlasStore *
open_store (const char *user_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bundled = atlas_store_get_bundled_bytes (&error);
  AtlasStore *store = atlas_store_new (bundled, user_path, &error);

  g_assert_no_error (error);
  return store;
}

typedef struct
{
  SoupServerMessage *msg;    /* weak */
} Trickle;

static gboolean
trickle (gpointer user_data)
{
  Trickle *t = user_data;

  if (t->msg == NULL)
    return G_SOURCE_REMOVE;
  soup_message_body_append (soup_server_message_get_response_body (t->msg), SOUP_MEMORY_STATIC, "x", 1);
  soup_server_message_unpause (t->msg);
  return G_SOURCE_CONTINUE;
}

static void
trickle_free (gpointer user_data)
{
  Trickle *t = user_data;

  if (t->msg != NULL)
    g_object_remove_weak_pointer (G_OBJECT (t->msg), (gpointer *) &t->msg);
  g_free (t);
}

static void
handle (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  Fixture *f = user_data;
  gsize size;
  const char *data = g_bytes_get_data (f->package, &size);

  /* set_response() leaves the status alone. */
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);

  if (g_str_equal (path, "/manifest.json"))
    soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                      f->manifest, strlen (f->manifest));
  else if (g_str_equal (path, "/data.cqatlas"))
    soup_server_message_set_response (msg, "application/octet-stream", SOUP_MEMORY_COPY, data, size);
  else if (g_str_equal (path, "/half.cqatlas"))
    soup_server_message_set_response (msg, "application/octet-stream", SOUP_MEMORY_COPY, data, size / 2);
  else if (g_str_equal (path, "/double.cqatlas"))
    {
      soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_COPY, data, size);
      soup_message_body_append (soup_server_message_get_response_body (msg), SOUP_MEMORY_COPY, data, size);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
    }
  else if (g_str_equal (path, "/error"))
    soup_server_message_set_status (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
  else if (g_str_equal (path, "/loop"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, f->loop_url);
  else if (g_str_equal (path, "/moved.json"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, f->moved_url);
  else if (g_str_equal (path, "/away.json"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "http://example.com/manifest.json");
  else if (g_str_equal (path, "/slow"))
    {
      Trickle *t = g_new0 (Trickle, 1);

      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                         SOUP_ENCODING_CHUNKED);
      t->msg = msg;
      g_object_add_weak_pointer (G_OBJECT (msg), (gpointer *) &t->msg);
      g_timeout_add_full (G_PRIORITY_DEFAULT, 100, trickle, t, trickle_free);
      soup_server_message_pause (msg);
    }
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static void
set_manifest (Fixture    *f,
              const char *url,
              gint64      size,
              const char *sum)
{
  g_free (f->manifest);
  f->manifest = g_strdup_printf ("{\"format\": \"%s\", \"version\": \"2027.1\", \"created\": \"2027-01-05\","
                                 " \"size\": %" G_GINT64_FORMAT ", \"sha256\": \"%s\", \"url\": \"%s\","
                                 " \"notes\": \"Test release\"}",
                                 ATLAS_UPDATE_MANIFEST_FORMAT, size, sum, url);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *maker_path = NULL;
  g_autofree char *package_path = NULL;
  g_autoptr(AtlasStore) maker = NULL;
  g_autofree char *contents = NULL;
  GSList *uris;
  gsize length;
  static const char change[] =
    "BEGIN;"
    "INSERT INTO user.statistic (id, metric, label_zh, label_en, value, qualifier, unit, period,"
    "  scope, scope_zh, scope_en, district_adcode, site_id, as_of, is_target, series, series_order,"
    "  note) SELECT id, metric, label_zh, label_en, value + 1, qualifier, unit,"
    "  period, scope, scope_zh, scope_en, district_adcode, site_id, as_of, is_target, series,"
    "  series_order, note FROM main.statistic ORDER BY id LIMIT 1;"
    "INSERT INTO user.deleted SELECT 'party', id FROM main.party ORDER BY id LIMIT 1;"
    "COMMIT;";

  f->dir = g_dir_make_tmp ("atlas-updater-XXXXXX", &error);
  g_assert_no_error (error);
  f->user_path = g_build_filename (f->dir, "user.sqlite", NULL);
  f->store = open_store (f->user_path);

  /* A newer release: one statistic changed, one party gone. */
  maker_path = g_build_filename (f->dir, "maker.sqlite", NULL);
  maker = open_store (maker_path);
  g_assert_cmpint (sqlite3_exec (atlas_store_get_db (maker), change, NULL, NULL, NULL), ==, SQLITE_OK);
  package_path = g_build_filename (f->dir, "new.cqatlas", NULL);
  g_assert_true (atlas_package_write (maker, package_path, "2027.1", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (package_path, &contents, &length, NULL));
  f->package = g_bytes_new_take (g_steal_pointer (&contents), length);
  f->package_sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, f->package);
  set_manifest (f, "data.cqatlas", length, f->package_sum);

  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, NULL, handle, f, NULL);
  g_assert_true (soup_server_listen_local (f->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->server);
  f->base = g_uri_ref (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  f->loop_url = g_strdup_printf ("http://127.0.0.1:%d/loop", g_uri_get_port (f->base));
  f->moved_url = g_strdup_printf ("http://127.0.0.1:%d/manifest.json", g_uri_get_port (f->base));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  soup_server_disconnect (f->server);
  g_clear_object (&f->server);
  g_clear_object (&f->store);
  g_clear_pointer (&f->base, g_uri_unref);
  g_clear_pointer (&f->package, g_bytes_unref);
  g_free (f->package_sum);
  g_free (f->manifest);
  g_free (f->loop_url);
  g_free (f->moved_url);

  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->user_path);
}

static char *
url_for (Fixture    *f,
         const char *path)
{
  return g_strdup_printf ("http://127.0.0.1:%d%s", g_uri_get_port (f->base), path);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

/* Runs check and download; returns the package or sets @error. */
static GBytes *
check_and_download (AtlasUpdater  *updater,
                    GError       **error)
{
  g_autoptr(GAsyncResult) checked = NULL;
  g_autoptr(GAsyncResult) downloaded = NULL;

  atlas_updater_check_async (updater, NULL, on_done, &checked);
  if (!atlas_updater_check_finish (updater, wait_for (&checked), error))
    return NULL;
  atlas_updater_download_async (updater, NULL, on_done, &downloaded);
  return atlas_updater_download_finish (updater, wait_for (&downloaded), error);
}

static char *
release_of (AtlasStore *store)
{
  char *version = NULL;

  atlas_store_get_release (store, &version, NULL, NULL);
  return version;
}

static void
on_progress (AtlasUpdater *updater,
             GParamSpec   *pspec,
             double       *last)
{
  *last = atlas_updater_get_progress (updater);
}

static void
test_happy_path (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *url = url_for (f, "/moved.json");
  g_autoptr(AtlasUpdater) updater = atlas_updater_new (f->store, url);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) package = NULL;
  g_autoptr(GListModel) changes = NULL;
  g_autoptr(GListModel) logged = NULL;
  g_autofree char *before = release_of (f->store);
  g_autofree char *after = NULL;
  g_autofree char *backup = g_build_filename (f->dir, ATLAS_STORE_DATASET_FILE ".bak", NULL);
  g_autofree char *installed = g_build_filename (f->dir, ATLAS_STORE_DATASET_FILE, NULL);
  g_autoptr(AtlasStore) restarted = NULL;
  double progress = 0.0;
  gboolean saw_statistic = FALSE, saw_party = FALSE;

  g_signal_connect (updater, "notify::progress", G_CALLBACK (on_progress), &progress);
  package = check_and_download (updater, &error);
  g_assert_no_error (error);
  g_assert_nonnull (package);
  g_assert_cmpstr (atlas_updater_get_version (updater), ==, "2027.1");
  g_assert_true (atlas_updater_is_newer (updater));
  g_assert_cmpfloat (progress, ==, 1.0);

  g_assert_true (atlas_updater_install (updater, package, &changes, &error));
  g_assert_no_error (error);
  after = release_of (f->store);
  g_assert_cmpstr (after, ==, "2027.1");
  g_assert_cmpstr (before, !=, after);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (installed, G_FILE_TEST_IS_REGULAR));

  /* What changed: the statistic's value and the party removed. */
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 2);
  for (guint i = 0; i < g_list_model_get_n_items (changes); i++)
    {
      g_autoptr(AtlasPackageChange) change = g_list_model_get_item (changes, i);
      const char *entity = atlas_package_change_get_entity (change);

      g_test_message ("%s %s %s: %s", atlas_package_change_get_change (change), entity,
                      atlas_package_change_get_id (change), atlas_package_change_get_detail (change));
      if (g_str_equal (entity, "statistic"))
        {
          saw_statistic = TRUE;
          g_assert_cmpstr (atlas_package_change_get_change (change), ==, "changed");
          g_assert_nonnull (strstr (atlas_package_change_get_detail (change), "value:"));
        }
      if (g_str_equal (entity, "party"))
        {
          saw_party = TRUE;
          g_assert_cmpstr (atlas_package_change_get_change (change), ==, "removed");
        }
    }
  g_assert_true (saw_statistic && saw_party);
  logged = atlas_package_list_last_changes (f->store);
  g_assert_cmpuint (g_list_model_get_n_items (logged), ==, 2);

  /* The next start (same data folder) opens the update. */
  g_clear_object (&updater);
  g_clear_object (&f->store);
  {
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (installed, &contents, &length, NULL));
    {
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
      restarted = atlas_store_new (bytes, f->user_path, &error);
    }
  }
  g_assert_no_error (error);
  g_free (after);
  after = release_of (restarted);
  g_assert_cmpstr (after, ==, "2027.1");
}

typedef struct
{
  const char        *name;
  const char        *url;        /* manifest path, or a full URL */
  const char        *package;    /* package path in the manifest */
  gboolean           bad_sum;
  AtlasUpdaterError  code;
  const char        *expected;
} Failure;

static const Failure failures[] = {
  { "not-found", "/missing.json", "data.cqatlas", FALSE, ATLAS_UPDATER_ERROR_HTTP, "404" },
  { "server-error", "/error", "data.cqatlas", FALSE, ATLAS_UPDATER_ERROR_HTTP, "500" },
  { "package-not-found", "/manifest.json", "gone.cqatlas", FALSE, ATLAS_UPDATER_ERROR_HTTP, "404" },
  { "wrong-checksum", "/manifest.json", "data.cqatlas", TRUE, ATLAS_UPDATER_ERROR_CHECKSUM, "SHA-256" },
  { "truncated", "/manifest.json", "half.cqatlas", FALSE, ATLAS_UPDATER_ERROR_TRUNCATED, "incomplete" },
  { "oversized", "/manifest.json", "double.cqatlas", FALSE, ATLAS_UPDATER_ERROR_TOO_LARGE, "large" },
  { "slow-trickle", "/slow", "data.cqatlas", FALSE, ATLAS_UPDATER_ERROR_TIMEOUT, "in time" },
  { "redirect-loop", "/loop", "data.cqatlas", FALSE, ATLAS_UPDATER_ERROR_REDIRECTS, "redirects" },
  { "redirect-to-http", "/away.json", "data.cqatlas", FALSE, ATLAS_UPDATER_ERROR_INSECURE, "HTTPS" },
  { "plain-http", "http://example.com/manifest.json", "data.cqatlas", FALSE, ATLAS_UPDATER_ERROR_INSECURE, "HTTPS" },
  { "package-plain-http", "/manifest.json", "http://example.com/data.cqatlas", FALSE, ATLAS_UPDATER_ERROR_INSECURE, "HTTPS" },
  { "offline", "http://127.0.0.1:1/manifest.json", "data.cqatlas", FALSE, ATLAS_UPDATER_ERROR_OFFLINE, "nothing was changed" },
  { "no-url", "", "data.cqatlas", FALSE, ATLAS_UPDATER_ERROR_NO_URL, "Preferences" },
};

static void
test_failure (Fixture       *f,
              gconstpointer  data)
{
  const Failure *failure = data;
  g_autofree char *url = NULL;
  g_autoptr(AtlasUpdater) updater = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) package = NULL;
  g_autofree char *before = release_of (f->store);
  g_autofree char *after = NULL;
  g_autofree char *installed = g_build_filename (f->dir, ATLAS_STORE_DATASET_FILE, NULL);
  gsize size = g_bytes_get_size (f->package);

  if (failure->url[0] == '/')
    url = url_for (f, failure->url);
  else
    url = g_strdup (failure->url);
  set_manifest (f, failure->package, size,
                failure->bad_sum ? "0000000000000000000000000000000000000000000000000000000000000000"
                                 : f->package_sum);
  if (g_str_equal (failure->url, "/slow"))
    {
      /* The slow path serves the manifest itself, byte by byte. */
    }

  updater = atlas_updater_new (f->store, url);
  atlas_updater_set_timeout (updater, 1500);
  package = check_and_download (updater, &error);
  g_assert_null (package);
  g_assert_nonnull (error);
  g_test_message ("%s: %s", failure->name, error->message);
  g_assert_error (error, ATLAS_UPDATER_ERROR, (int) failure->code);
  g_assert_nonnull (strstr (error->message, failure->expected));

  after = release_of (f->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (g_file_test (installed, G_FILE_TEST_EXISTS));
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *url = url_for (f, "/slow");
  g_autoptr(AtlasUpdater) updater = atlas_updater_new (f->store, url);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) checked = NULL;
  g_autoptr(GError) error = NULL;

  atlas_updater_check_async (updater, cancellable, on_done, &checked);
  g_timeout_add_once (300, (GSourceOnceFunc) g_cancellable_cancel, cancellable);
  g_assert_false (atlas_updater_check_finish (updater, wait_for (&checked), &error));
  g_assert_error (error, ATLAS_UPDATER_ERROR, ATLAS_UPDATER_ERROR_CANCELLED);
}

static void
test_bad_package (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) junk = g_bytes_new_static ("not a database at all", 21);
  g_autofree char *before = release_of (f->store);
  g_autofree char *after = NULL;

  g_assert_false (atlas_package_install (f->store, junk, NULL, NULL, NULL, &error));
  g_assert_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_INVALID);
  after = release_of (f->store);
  g_assert_cmpstr (before, ==, after);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/updater/happy-path", Fixture, NULL, fixture_set_up, test_happy_path, fixture_tear_down);
  g_test_add ("/updater/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/updater/bad-package", Fixture, NULL, fixture_set_up, test_bad_package, fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (failures); i++)
    {
      g_autofree char *path = g_strdup_printf ("/updater/refuses/%s", failures[i].name);

      g_test_add (path, Fixture, &failures[i], fixture_set_up, test_failure, fixture_tear_down);
    }

  return g_test_run ();
}
