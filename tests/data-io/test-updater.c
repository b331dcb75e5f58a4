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

#include <sys/stat.h>

#include "atlas-application.h"
#include "atlas-package.h"
#include "atlas-signature.h"
#include "atlas-store.h"
#include "atlas-store-private.h"
#include "atlas-test-package.h"
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
  char        *signature;     /* of the package, by this run's test key */
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

/* A response sent a piece at a time: a byte every 100 ms forever, or the
 * package in pieces at a steady pace, or its first piece and then nothing.
 */
typedef struct
{
  SoupServerMessage *msg;    /* weak */
  GBytes            *data;   /* NULL: "x" forever */
  gsize              offset;
  gsize              piece;
  guint              pieces_left;
} Trickle;

static gboolean
trickle (gpointer user_data)
{
  Trickle *t = user_data;
  SoupMessageBody *body;

  if (t->msg == NULL)
    return G_SOURCE_REMOVE;
  body = soup_server_message_get_response_body (t->msg);
  if (t->data == NULL)
    soup_message_body_append (body, SOUP_MEMORY_STATIC, "x", 1);
  else if (t->pieces_left > 0 && t->offset < g_bytes_get_size (t->data))
    {
      gsize n = MIN (t->piece, g_bytes_get_size (t->data) - t->offset);

      soup_message_body_append (body, SOUP_MEMORY_COPY,
                                (const char *) g_bytes_get_data (t->data, NULL) + t->offset, n);
      t->offset += n;
      t->pieces_left--;
      if (t->offset == g_bytes_get_size (t->data))
        soup_message_body_complete (body);
    }
  else
    return G_SOURCE_CONTINUE;   /* stalled: keep the connection, send nothing */
  soup_server_message_unpause (t->msg);
  return t->offset < (t->data ? g_bytes_get_size (t->data) : G_MAXSIZE) ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
trickle_free (gpointer user_data)
{
  Trickle *t = user_data;

  if (t->msg != NULL)
    g_object_remove_weak_pointer (G_OBJECT (t->msg), (gpointer *) &t->msg);
  g_clear_pointer (&t->data, g_bytes_unref);
  g_free (t);
}

static void
serve_in_pieces (SoupServerMessage *msg,
                 GBytes            *data,
                 guint              n_pieces,
                 guint              send_pieces,
                 guint              interval_ms)
{
  Trickle *t = g_new0 (Trickle, 1);

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                     SOUP_ENCODING_CHUNKED);
  t->msg = msg;
  t->data = data ? g_bytes_ref (data) : NULL;
  t->piece = data ? (g_bytes_get_size (data) + n_pieces - 1) / n_pieces : 1;
  t->pieces_left = send_pieces;
  g_object_add_weak_pointer (G_OBJECT (msg), (gpointer *) &t->msg);
  g_timeout_add_full (G_PRIORITY_DEFAULT, interval_ms, trickle, t, trickle_free);
  soup_server_message_pause (msg);
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
    serve_in_pieces (msg, NULL, 0, G_MAXUINT, 100);
  else if (g_str_equal (path, "/steady.cqatlas"))
    serve_in_pieces (msg, f->package, 10, 10, 300);     /* 3 s, never 300 ms without data */
  else if (g_str_equal (path, "/stalled.cqatlas"))
    serve_in_pieces (msg, f->package, 10, 2, 100);      /* two pieces, then silence */
  else if (g_str_equal (path, "/elsewhere.json"))
    soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "/sub/manifest.json");
  else if (g_str_equal (path, "/sub/manifest.json"))
    soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY,
                                      f->manifest, strlen (f->manifest));
  else if (g_str_equal (path, "/sub/only-here.cqatlas"))
    soup_server_message_set_response (msg, "application/octet-stream", SOUP_MEMORY_COPY, data, size);
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

static void
set_manifest_full (Fixture    *f,
                   const char *version,
                   const char *url,
                   gint64      size,
                   const char *sum,
                   const char *signature)
{
  g_autofree char *signature_member = signature
                                      ? g_strdup_printf (" \"signature\": \"%s\",", signature)
                                      : g_strdup ("");

  g_free (f->manifest);
  f->manifest = g_strdup_printf ("{\"format\": \"%s\", \"version\": \"%s\", \"created\": \"2027-01-05\","
                                 " \"size\": %" G_GINT64_FORMAT ", \"sha256\": \"%s\",%s \"url\": \"%s\","
                                 " \"notes\": \"Test release\"}",
                                 ATLAS_UPDATE_MANIFEST_FORMAT, version, size, sum, signature_member, url);
}

static void
set_manifest (Fixture    *f,
              const char *url,
              gint64      size,
              const char *sum)
{
  set_manifest_full (f, "2027.1", url, size, sum, f->signature);
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

  atlas_test_package_trust_test_key ();
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
  f->signature = atlas_test_package_sign (f->package);
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
  g_free (f->signature);
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
  g_autofree char *before = atlas_test_package_release_of (f->store);
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
  after = atlas_test_package_release_of (f->store);
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
  after = atlas_test_package_release_of (restarted);
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
  g_autofree char *before = atlas_test_package_release_of (f->store);
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
  /* A transfer slower than 64 KiB/s on average fails: the endless trickle. */
  atlas_updater_set_min_rate (updater, 64 * 1024);
  package = check_and_download (updater, &error);
  g_assert_null (package);
  g_assert_nonnull (error);
  g_test_message ("%s: %s", failure->name, error->message);
  g_assert_error (error, ATLAS_UPDATER_ERROR, (int) failure->code);
  g_assert_nonnull (strstr (error->message, failure->expected));

  after = atlas_test_package_release_of (f->store);
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
  g_autofree char *before = atlas_test_package_release_of (f->store);
  g_autofree char *after = NULL;

  g_autofree char *signature = atlas_test_package_sign (junk);

  /* Unsigned: refused before it is read at all. */
  g_assert_false (atlas_package_install (f->store, junk, NULL, NULL, NULL, &error));
  g_assert_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_SIGNATURE);
  g_clear_error (&error);

  /* Signed, but not a package. */
  g_assert_false (atlas_package_install (f->store, junk, signature, NULL, NULL, &error));
  g_assert_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_INVALID);
  after = atlas_test_package_release_of (f->store);
  g_assert_cmpstr (before, ==, after);
}


/* Issue 16, item 11: the manifest moved (a redirect), and names its
 * package relative to where it was found in the end.
 */
static void
test_relative_after_redirect (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *url = url_for (f, "/elsewhere.json");
  g_autoptr(AtlasUpdater) updater = atlas_updater_new (f->store, url);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) package = NULL;

  /* Served only as /sub/only-here.cqatlas: /only-here.cqatlas is a 404. */
  set_manifest (f, "only-here.cqatlas", g_bytes_get_size (f->package), f->package_sum);
  package = check_and_download (updater, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (package, f->package));
}

/* A link that is slow but never stops: finishes, though it takes longer
 * than the stall timeout many times over.
 */
static void
test_steady_link (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *url = url_for (f, "/manifest.json");
  g_autoptr(AtlasUpdater) updater = atlas_updater_new (f->store, url);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) package = NULL;
  gint64 start = g_get_monotonic_time ();

  set_manifest (f, "steady.cqatlas", g_bytes_get_size (f->package), f->package_sum);
  atlas_updater_set_timeout (updater, 1000);
  package = check_and_download (updater, &error);
  g_test_message ("a steady link: %.1f s", (g_get_monotonic_time () - start) / 1e6);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (package, f->package));
}

/* A link that stops sending: fails after the stall timeout, not later. */
static void
test_stalled_link (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *url = url_for (f, "/manifest.json");
  g_autoptr(AtlasUpdater) updater = atlas_updater_new (f->store, url);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) package = NULL;
  g_autofree char *installed = g_build_filename (f->dir, ATLAS_STORE_DATASET_FILE, NULL);
  gint64 start = g_get_monotonic_time ();

  set_manifest (f, "stalled.cqatlas", g_bytes_get_size (f->package), f->package_sum);
  atlas_updater_set_timeout (updater, 1000);
  package = check_and_download (updater, &error);
  g_test_message ("a stalled link: %.1f s: %s", (g_get_monotonic_time () - start) / 1e6,
                  error ? error->message : "");
  g_assert_null (package);
  g_assert_error (error, ATLAS_UPDATER_ERROR, ATLAS_UPDATER_ERROR_TIMEOUT);
  g_assert_nonnull (strstr (error->message, "nothing arrived"));
  g_assert_false (g_file_test (installed, G_FILE_TEST_EXISTS));
}

static void
test_unsigned_manifest (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *url = url_for (f, "/manifest.json");
  g_autoptr(AtlasUpdater) updater = atlas_updater_new (f->store, url);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) package = NULL;

  set_manifest_full (f, "2027.1", "data.cqatlas", g_bytes_get_size (f->package), f->package_sum, NULL);
  package = check_and_download (updater, &error);
  g_assert_null (package);
  g_assert_error (error, ATLAS_UPDATER_ERROR, ATLAS_UPDATER_ERROR_SIGNATURE);
}

/* Signed by someone else, or served changed with a checksum to match: the
 * checksum is public, the signature is what counts.
 */
static void
test_wrong_signature_manifest (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *url = url_for (f, "/manifest.json");
  g_autoptr(AtlasUpdater) updater = atlas_updater_new (f->store, url);
  g_autofree char *other = atlas_test_package_sign_other (f->package);
  g_autofree char *installed = g_build_filename (f->dir, ATLAS_STORE_DATASET_FILE, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) package = NULL;

  set_manifest_full (f, "2027.1", "data.cqatlas", g_bytes_get_size (f->package), f->package_sum, other);
  package = check_and_download (updater, &error);
  g_assert_null (package);
  g_assert_error (error, ATLAS_UPDATER_ERROR, ATLAS_UPDATER_ERROR_SIGNATURE);
  g_assert_false (g_file_test (installed, G_FILE_TEST_EXISTS));
}

/* An older release offered as an update is not "newer", and cannot be
 * installed; a manifest that lies about the release is caught at install.
 */
static void
test_rollback_and_lies (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *url = url_for (f, "/manifest.json");
  g_autoptr(AtlasUpdater) updater = NULL;
  g_autoptr(GBytes) older = atlas_test_package_make (f->dir, "2025.1", NULL);
  g_autofree char *older_signature = atlas_test_package_sign (older);
  g_autofree char *older_sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, older);
  g_autofree char *before = atlas_test_package_release_of (f->store);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) package = NULL;

  g_bytes_unref (f->package);
  f->package = g_bytes_ref (older);
  set_manifest_full (f, "2025.1", "data.cqatlas", g_bytes_get_size (older), older_sum, older_signature);
  updater = atlas_updater_new (f->store, url);
  package = check_and_download (updater, &error);
  g_assert_no_error (error);
  g_assert_false (atlas_updater_is_newer (updater));
  g_assert_false (atlas_updater_install (updater, package, NULL, &error));
  g_assert_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_NOT_NEWER);
  g_clear_error (&error);
  g_clear_pointer (&package, g_bytes_unref);
  g_clear_object (&updater);

  /* Announced as 2099.1, but the signed package is 2025.1. */
  set_manifest_full (f, "2099.1", "data.cqatlas", g_bytes_get_size (older), older_sum, older_signature);
  updater = atlas_updater_new (f->store, url);
  package = check_and_download (updater, &error);
  g_assert_no_error (error);
  g_assert_true (atlas_updater_is_newer (updater));
  g_assert_false (atlas_updater_install (updater, package, NULL, &error));
  g_assert_error (error, ATLAS_PACKAGE_ERROR, ATLAS_PACKAGE_ERROR_VERSION);

  after = atlas_test_package_release_of (f->store);
  g_assert_cmpstr (before, ==, after);
}

static gboolean
count_tick (gpointer user_data)
{
  (*(guint *) user_data)++;
  return G_SOURCE_CONTINUE;
}

/* The dialog's path: checks and writing on a worker thread; the main loop
 * keeps turning meanwhile.
 */
static void
test_install_async (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *url = url_for (f, "/manifest.json");
  g_autoptr(AtlasUpdater) updater = atlas_updater_new (f->store, url);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) package = NULL;
  g_autoptr(GAsyncResult) installed = NULL;
  g_autoptr(GListModel) changes = NULL;
  g_autofree char *after = NULL;
  guint ticks = 0;
  guint tick_id;

  package = check_and_download (updater, &error);
  g_assert_no_error (error);
  tick_id = g_timeout_add (5, count_tick, &ticks);
  atlas_updater_install_async (updater, package, NULL, on_done, &installed);
  while (installed == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick_id);
  g_test_message ("a 5 ms timer ran %u times on the main loop during the install", ticks);
  changes = atlas_updater_install_finish (updater, installed, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (changes), ==, 2);
  after = atlas_test_package_release_of (f->store);
  g_assert_cmpstr (after, ==, "2027.1");
}

/* ---- the command line ------------------------------------------------- */

/* cq-atlas with @args, in this process (so that it trusts this run's test
 * key) and with this test's own data folder.
 */
static GString *cli_output;

static void
print_to_buffer (const char *text)
{
  g_string_append (cli_output, text);
}

static int
run_cli (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(AtlasApplication) app = atlas_application_new ();
  GPrintFunc saved;
  int status;

  g_ptr_array_add (argv, (char *) "cq-atlas");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  /* What it prints goes to the test log, not into the TAP stream. */
  cli_output = g_string_new (NULL);
  saved = g_set_print_handler (print_to_buffer);
  status = g_application_run (G_APPLICATION (app), argv->len - 1, (char **) argv->pdata);
  g_set_print_handler (saved);
  g_test_message ("cq-atlas %s: %d\n%s", args[0], status, cli_output->str);
  g_string_free (g_steal_pointer (&cli_output), TRUE);
  return status;
}

/* The real binary, for the refusals (it trusts only the release key),
 * with its own data folder.
 */
static int
spawn_cli (const char * const *args,
           char              **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  int status = 0;

  g_ptr_array_add (argv, (char *) g_getenv ("CQ_ATLAS_BIN"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, NULL, err,
                &status, &error);
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL) ? 0 : 1;
}

static char *
default_release (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_new_default (&error);

  g_assert_no_error (error);
  return atlas_test_package_release_of (store);
}

static void
test_cli_install_package (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "release.cqatlas", NULL);
  g_autofree char *sig = g_strconcat (path, ATLAS_SIGNATURE_SUFFIX, NULL);
  g_autofree char *fifo = g_build_filename (f->dir, "fifo.cqatlas", NULL);
  g_autofree char *line = g_strconcat (f->signature, "\n", NULL);
  g_autofree char *err = NULL;
  g_autofree char *release = NULL;
  const char *install[] = { "--install-package", path, NULL };
  const char *install_fifo[] = { "--install-package", fifo, NULL };

  atlas_test_package_write (path, f->package);

  /* No signature beside it. */
  g_assert_cmpint (run_cli (install), ==, EXIT_FAILURE);
  g_assert_cmpint (spawn_cli (install, &err), ==, 1);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, ATLAS_SIGNATURE_SUFFIX));
  g_clear_pointer (&err, g_free);

  /* Signed by this run's key: the installed binary trusts only the real
   * release key and refuses it; the same code trusting the test key takes it.
   */
  g_assert_true (g_file_set_contents (sig, line, -1, NULL));
  g_assert_cmpint (spawn_cli (install, &err), ==, 1);
  g_assert_nonnull (strstr (err, "signature"));
  g_assert_cmpint (run_cli (install), ==, EXIT_SUCCESS);
  release = default_release ();
  g_assert_cmpstr (release, ==, "2027.1");

  /* The same release again: not newer. */
  g_assert_cmpint (run_cli (install), ==, EXIT_FAILURE);

  /* A FIFO is refused before it is read (it would block for ever). */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (run_cli (install_fifo), ==, EXIT_FAILURE);
}

static void
test_cli_check_update (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *url = url_for (f, "/manifest.json");
  g_autofree char *option = g_strconcat ("--check-update=", url, NULL);
  g_autofree char *err = NULL;
  g_autofree char *release = NULL;
  const char *check[] = { option, NULL };
  const char *offline[] = { "--check-update", "http://127.0.0.1:1/manifest.json", NULL };
  const char *insecure[] = { "--check-update", "http://example.com/manifest.json", NULL };

  g_assert_cmpint (spawn_cli (offline, &err), ==, 1);
  g_test_message ("%s", err);
  g_assert_nonnull (strstr (err, "127.0.0.1"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (spawn_cli (insecure, &err), ==, 1);
  g_assert_nonnull (strstr (err, "HTTPS"));

  g_assert_cmpint (run_cli (check), ==, EXIT_SUCCESS);
  release = default_release ();
  g_assert_cmpstr (release, ==, "2027.1");
  /* Again: up to date, still a success. */
  g_assert_cmpint (run_cli (check), ==, EXIT_SUCCESS);
}

int
main (int   argc,
      char *argv[])
{
  /* Each test gets its own data folder (the command line uses the default
   * one); the desktop's proxy settings are not there, and only 127.0.0.1
   * is ever contacted.
   */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/updater/happy-path", Fixture, NULL, fixture_set_up, test_happy_path, fixture_tear_down);
  g_test_add ("/updater/cancel", Fixture, NULL, fixture_set_up, test_cancel, fixture_tear_down);
  g_test_add ("/updater/bad-package", Fixture, NULL, fixture_set_up, test_bad_package, fixture_tear_down);
  g_test_add ("/updater/relative-url-after-redirect", Fixture, NULL, fixture_set_up,
              test_relative_after_redirect, fixture_tear_down);
  g_test_add ("/updater/steady-link", Fixture, NULL, fixture_set_up, test_steady_link, fixture_tear_down);
  g_test_add ("/updater/stalled-link", Fixture, NULL, fixture_set_up, test_stalled_link, fixture_tear_down);
  g_test_add ("/updater/refuses/unsigned-manifest", Fixture, NULL, fixture_set_up, test_unsigned_manifest,
              fixture_tear_down);
  g_test_add ("/updater/refuses/wrong-signature", Fixture, NULL, fixture_set_up,
              test_wrong_signature_manifest, fixture_tear_down);
  g_test_add ("/updater/refuses/rollback-and-lies", Fixture, NULL, fixture_set_up, test_rollback_and_lies,
              fixture_tear_down);
  g_test_add ("/updater/install-async", Fixture, NULL, fixture_set_up, test_install_async, fixture_tear_down);
  g_test_add ("/updater/cli/install-package", Fixture, NULL, fixture_set_up, test_cli_install_package,
              fixture_tear_down);
  g_test_add ("/updater/cli/check-update", Fixture, NULL, fixture_set_up, test_cli_check_update,
              fixture_tear_down);
  for (guint i = 0; i < G_N_ELEMENTS (failures); i++)
    {
      g_autofree char *path = g_strdup_printf ("/updater/refuses/%s", failures[i].name);

      g_test_add (path, Fixture, &failures[i], fixture_set_up, test_failure, fixture_tear_down);
    }

  return g_test_run ();
}
