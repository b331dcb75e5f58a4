/* atlas-updater.c
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

#define G_LOG_DOMAIN "atlas-updater"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "atlas-input.h"
#include "atlas-package.h"
#include "atlas-signature.h"
#include "atlas-soup.h"
#include "atlas-updater.h"

/* Updates over the network.  The update URL names a small JSON manifest:
 *
 *   { "format": "io.github.cqatlas.ScienceAtlas.update", "version": "2026.2",
 *     "created": "2026-12-01", "size": 123456, "sha256": "…",
 *     "signature": "ed25519:…", "url": "dataset-2026.2.cqatlas", "notes": "…" }
 *
 * as atlas-sign prints it.  "url" may be relative to the manifest's final
 * address (after redirects).  Every request is HTTPS (plain HTTP only to
 * this computer), with certificate checks left on, a cap on its size, at
 * most a few redirects, each checked like the first URL, and two clocks:
 * one that stops a transfer that stalls (nothing received for a while), and
 * one for the whole transfer that grows with its size, so that a slow but
 * steady link finishes and a dead one fails soon.  The package is verified
 * (size, SHA-256 and the release signature, off the main thread) before
 * atlas_package_install_async() checks it as a package and swaps it in.
 */

#define MAX_REDIRECTS 3
#define MAX_MANIFEST_SIZE (64 * 1024)
#define DEFAULT_STALL_MS (30 * 1000)
/* The slowest link a whole transfer is allowed: 8 KiB/s. */
#define DEFAULT_MIN_RATE (8 * 1024)
#define DEFAULT_MAX_SIZE ATLAS_PACKAGE_MAX_SIZE
#define CHUNK_SIZE (16 * 1024)

struct _AtlasUpdater
{
  GObject      parent_instance;

  AtlasStore  *store;
  char        *url;
  const AtlasSoup *soup;     /* NULL until the first transfer */
  SoupSession *session;
  guint        stall_ms;
  guint64      min_rate;
  guint64      max_size;
  double       progress;

  /* From the manifest */
  char        *version;
  char        *created;
  char        *notes;
  char        *sha256;
  char        *signature;
  GUri        *package_uri;
  guint64      size;
};

enum { PROP_0, PROP_PROGRESS, N_PROPS };
static GParamSpec *properties[N_PROPS];

G_DEFINE_QUARK (atlas-updater-error-quark, atlas_updater_error)
G_DEFINE_FINAL_TYPE (AtlasUpdater, atlas_updater, G_TYPE_OBJECT)

static void
atlas_updater_finalize (GObject *object)
{
  AtlasUpdater *self = (AtlasUpdater *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->session);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->version, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->signature, g_free);
  g_clear_pointer (&self->package_uri, g_uri_unref);

  G_OBJECT_CLASS (atlas_updater_parent_class)->finalize (object);
}

static void
atlas_updater_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AtlasUpdater *self = ATLAS_UPDATER (object);

  switch (prop_id)
    {
    case PROP_PROGRESS:
      g_value_set_double (value, self->progress);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_updater_class_init (AtlasUpdaterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_updater_finalize;
  object_class->get_property = atlas_updater_get_property;

  /* The fraction of the package downloaded, 0 to 1. */
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_updater_init (AtlasUpdater *self)
{
  self->stall_ms = DEFAULT_STALL_MS;
  self->min_rate = DEFAULT_MIN_RATE;
  self->max_size = DEFAULT_MAX_SIZE;
}

/* The network session, made for the first transfer (libsoup is loaded
 * then, see atlas-soup.c).  No accept-certificate handler: TLS errors fail
 * the request.  The session's own timeout is per read, like our stall
 * clock.
 */
static gboolean
ensure_session (AtlasUpdater  *self,
                GError       **error)
{
  if (self->session != NULL)
    return TRUE;
  if ((self->soup = atlas_soup_get (error)) == NULL)
    return FALSE;
  self->session = self->soup->session_new_with_options ("user-agent", "cq-atlas/" PACKAGE_VERSION,
                                                        "timeout", MAX (1u, (self->stall_ms + 999) / 1000),
                                                        "idle-timeout", 30, NULL);
  return TRUE;
}

AtlasUpdater *
atlas_updater_new (AtlasStore *store,
                   const char *url)
{
  AtlasUpdater *self;

  g_return_val_if_fail (ATLAS_IS_STORE (store), NULL);

  self = g_object_new (ATLAS_TYPE_UPDATER, NULL);
  self->store = g_object_ref (store);
  self->url = g_strdup (url);
  return self;
}

/* How long a transfer may go without receiving anything. */
void
atlas_updater_set_timeout (AtlasUpdater *self,
                           guint         milliseconds)
{
  g_return_if_fail (ATLAS_IS_UPDATER (self));
  self->stall_ms = MAX (1u, milliseconds);
  if (self->session != NULL)
    g_object_set (self->session, "timeout", MAX (1u, (milliseconds + 999) / 1000), NULL);
}

/* The slowest average rate a whole transfer may have, in bytes per second:
 * a transfer of N bytes may take the stall timeout plus N / @bytes_per_second.
 */
void
atlas_updater_set_min_rate (AtlasUpdater *self,
                            guint64       bytes_per_second)
{
  g_return_if_fail (ATLAS_IS_UPDATER (self));
  self->min_rate = MAX (1u, bytes_per_second);
}

void
atlas_updater_set_max_size (AtlasUpdater *self,
                            guint64       bytes)
{
  g_return_if_fail (ATLAS_IS_UPDATER (self));
  self->max_size = bytes;
}

double
atlas_updater_get_progress (AtlasUpdater *self)
{
  g_return_val_if_fail (ATLAS_IS_UPDATER (self), 0.0);
  return self->progress;
}

static void
set_progress (AtlasUpdater *self,
              double        progress)
{
  if (self->progress == progress)
    return;
  self->progress = progress;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static gboolean
is_local_host (const char *host)
{
  return host != NULL
         && (g_ascii_strcasecmp (host, "localhost") == 0 || g_str_equal (host, "127.0.0.1")
             || g_str_equal (host, "::1") || g_str_equal (host, "[::1]"));
}

static gboolean
check_uri (GUri    *uri,
           GError **error)
{
  const char *scheme = g_uri_get_scheme (uri);

  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;
  if (g_ascii_strcasecmp (scheme, "http") == 0)
    {
      if (is_local_host (g_uri_get_host (uri)))
        return TRUE;
      g_set_error (error, ATLAS_UPDATER_ERROR, ATLAS_UPDATER_ERROR_INSECURE,
                   _("Refusing the unencrypted address %s: updates need HTTPS"),
                   g_uri_get_host (uri));
      return FALSE;
    }
  g_set_error (error, ATLAS_UPDATER_ERROR, ATLAS_UPDATER_ERROR_INSECURE,
               _("Updates need an HTTPS address, not “%s:”"), scheme);
  return FALSE;
}

/**
 * atlas_updater_check_url:
 *
 * Whether @url may be used to update: an HTTPS URL, or HTTP to localhost.
 */
gboolean
atlas_updater_check_url (const char  *url,
                         GError     **error)
{
  g_autoptr(GUri) uri = NULL;

  if (url == NULL || *url == '\0')
    {
      g_set_error_literal (error, ATLAS_UPDATER_ERROR, ATLAS_UPDATER_ERROR_NO_URL,
                           _("No update address is set; add one in Preferences"));
      return FALSE;
    }
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    {
      g_set_error (error, ATLAS_UPDATER_ERROR, ATLAS_UPDATER_ERROR_NO_URL,
                   _("“%s” is not a web address"), url);
      return FALSE;
    }
  return check_uri (uri, error);
}

/* ---- one bounded request ---------------------------------------------- */

typedef struct
{
  SoupMessage  *message;
  GInputStream *stream;
  GByteArray   *data;
  GUri         *uri;
  GCancellable *cancellable;     /* ours: the caller's or a clock cancel it */
  gulong        cancelled_id;
  GCancellable *caller;
  guint         stall_id;
  guint         deadline_id;
  guint         stall_ms;
  guint         deadline_ms;
  gboolean      stalled;
  gboolean      timed_out;
  guint         redirects;
  guint64       cap;
  gint64        expected;        /* -1 when unknown */
  gboolean      report_progress;
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  g_clear_handle_id (&fetch->stall_id, g_source_remove);
  g_clear_handle_id (&fetch->deadline_id, g_source_remove);
  if (fetch->caller != NULL && fetch->cancelled_id != 0)
    g_cancellable_disconnect (fetch->caller, fetch->cancelled_id);
  g_clear_object (&fetch->caller);
  g_clear_object (&fetch->message);
  g_clear_object (&fetch->stream);
  g_clear_pointer (&fetch->data, g_byte_array_unref);
  g_clear_pointer (&fetch->uri, g_uri_unref);
  g_clear_object (&fetch->cancellable);
  g_free (fetch);
}

static gboolean
on_deadline (gpointer user_data)
{
  Fetch *fetch = user_data;

  fetch->deadline_id = 0;
  fetch->timed_out = TRUE;
  g_cancellable_cancel (fetch->cancellable);
  return G_SOURCE_REMOVE;
}

static gboolean
on_stall (gpointer user_data)
{
  Fetch *fetch = user_data;

  fetch->stall_id = 0;
  fetch->stalled = TRUE;
  g_cancellable_cancel (fetch->cancellable);
  return G_SOURCE_REMOVE;
}

/* Something arrived: the stall clock starts again. */
static void
fetch_alive (Fetch *fetch)
{
  g_clear_handle_id (&fetch->stall_id, g_source_remove);
  fetch->stall_id = g_timeout_add (fetch->stall_ms, on_stall, fetch);
}

static void
fetch_stop_clocks (Fetch *fetch)
{
  g_clear_handle_id (&fetch->stall_id, g_source_remove);
  g_clear_handle_id (&fetch->deadline_id, g_source_remove);
}

static void
on_caller_cancelled (GCancellable *caller,
                     GCancellable *ours)
{
  g_cancellable_cancel (ours);
}

static void
fetch_fail (GTask  *task,
            GError *error)
{
  AtlasUpdater *self = g_task_get_source_object (task);
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr(GError) owned = error;
  g_autofree char *host = g_strdup (fetch->uri ? g_uri_get_host (fetch->uri) : "");
  g_autofree char *rate = g_format_size (self->min_rate);

  fetch_stop_clocks (fetch);
  if (fetch->stalled)
    g_task_return_new_error (task, ATLAS_UPDATER_ERROR, ATLAS_UPDATER_ERROR_TIMEOUT,
                             _("The server %s did not answer in time: nothing arrived for %u s"),
                             host, (fetch->stall_ms + 999) / 1000);
  else if (fetch->timed_out)
    g_task_return_new_error (task, ATLAS_UPDATER_ERROR, ATLAS_UPDATER_ERROR_TIMEOUT,
                             _("The server %s did not answer in time: the transfer was slower "
                               "than %s/s and was stopped after %u s"), host,
                             rate, (fetch->deadline_ms + 999) / 1000);
  else if (fetch->caller != NULL && g_cancellable_is_cancelled (fetch->caller))
    g_task_return_new_error (task, ATLAS_UPDATER_ERROR, ATLAS_UPDATER_ERROR_CANCELLED,
                             _("Cancelled"));
  else if (owned->domain == ATLAS_UPDATER_ERROR)
    g_task_return_error (task, g_steal_pointer (&owned));
  else if (owned->domain == G_TLS_ERROR)
    g_task_return_new_error (task, ATLAS_UPDATER_ERROR, ATLAS_UPDATER_ERROR_INSECURE,
                             _("The secure connection to %s failed: %s"), host, owned->message);
  else if (owned->domain == G_RESOLVER_ERROR
           || g_error_matches (owned, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED)
           || g_error_matches (owned, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE)
           || g_error_matches (owned, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE)
           || g_error_matches (owned, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND))
    g_task_return_new_error (task, ATLAS_UPDATER_ERROR, ATLAS_UPDATER_ERROR_OFFLINE,
                             _("Cannot reach %s (%s). Check the network connection; nothing "
                               "was changed."), host, owned->message);
  else if (g_error_matches (owned, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    g_task_return_new_error (task, ATLAS_UPDATER_ERROR, ATLAS_UPDATER_ERROR_TIMEOUT,
                             _("The server %s did not answer in time: nothing arrived for %u s"),
                             host, (fetch->stall_ms + 999) / 1000);
  else if (g_error_matches (owned, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
    g_task_return_new_error (task, ATLAS_UPDATER_ERROR, ATLAS_UPDATER_ERROR_TRUNCATED,
                             _("The connection to %s closed before the download was complete"),
                             host);
  else
    g_task_return_new_error (task, ATLAS_UPDATER_ERROR, ATLAS_UPDATER_ERROR_OFFLINE,
                             _("The download from %s failed: %s"), host, owned->message);
  g_object_unref (task);
}

static void fetch_send (GTask *task);

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  AtlasUpdater *self = g_task_get_source_object (task);
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr(GBytes) chunk = NULL;
  GError *error = NULL;
  gsize length;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (chunk == NULL)
    {
      fetch_fail (task, error);
      return;
    }

  length = g_bytes_get_size (chunk);
  if (length == 0)
    {
      GBytes *body;

      fetch_stop_clocks (fetch);
      if (fetch->expected >= 0 && (gint64) fetch->data->len < fetch->expected)
        {
          fetch_fail (task, g_error_new (ATLAS_UPDATER_ERROR, ATLAS_UPDATER_ERROR_TRUNCATED,
                                         _("The download is incomplete: %u of %.0f bytes"),
                                         fetch->data->len, (double) fetch->expected));
          return;
        }
      body = g_byte_array_free_to_bytes (g_steal_pointer (&fetch->data));
      g_task_return_pointer (task, body, (GDestroyNotify) g_bytes_unref);
      g_object_unref (task);
      return;
    }

  fetch_alive (fetch);
  g_byte_array_append (fetch->data, g_bytes_get_data (chunk, NULL), length);
  if (fetch->data->len > fetch->cap
      || (fetch->expected >= 0 && (gint64) fetch->data->len > fetch->expected))
    {
      g_cancellable_cancel (fetch->cancellable);
      fetch_fail (task, g_error_new (ATLAS_UPDATER_ERROR, ATLAS_UPDATER_ERROR_TOO_LARGE,
                                     _("The download is larger than announced (more than %.0f bytes); "
                                       "it was stopped"),
                                     fetch->expected >= 0 ? (double) fetch->expected : (double) fetch->cap));
      return;
    }
  if (fetch->report_progress && fetch->expected > 0)
    set_progress (self, (double) fetch->data->len / fetch->expected);

  g_input_stream_read_bytes_async (fetch->stream, CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   fetch->cancellable, on_read, task);
}

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  Fetch *fetch = g_task_get_task_data (task);
  GError *error = NULL;
  guint status;
  goffset length;

  AtlasUpdater *self = g_task_get_source_object (task);

  fetch->stream = self->soup->session_send_finish ((SoupSession *) source, result, &error);
  if (fetch->stream == NULL)
    {
      fetch_fail (task, error);
      return;
    }

  fetch_alive (fetch);
  status = self->soup->message_get_status (fetch->message);
  if (SOUP_STATUS_IS_REDIRECTION (status))
    {
      const char *location =
        self->soup->message_headers_get_one (self->soup->message_get_response_headers (fetch->message),
                                             "Location");
      g_autoptr(GUri) next = NULL;

      if (location == NULL)
        {
          fetch_fail (task, g_error_new (ATLAS_UPDATER_ERROR, ATLAS_UPDATER_ERROR_HTTP,
                                         _("The server %s redirected nowhere"),
                                         g_uri_get_host (fetch->uri)));
          return;
        }
      if (++fetch->redirects > MAX_REDIRECTS)
        {
          fetch_fail (task, g_error_new (ATLAS_UPDATER_ERROR, ATLAS_UPDATER_ERROR_REDIRECTS,
                                         _("Too many redirects (more than %d)"), MAX_REDIRECTS));
          return;
        }
      next = g_uri_parse_relative (fetch->uri, location, G_URI_FLAGS_NONE, &error);
      if (next == NULL || !check_uri (next, &error))
        {
          fetch_fail (task, error);
          return;
        }
      g_clear_pointer (&fetch->uri, g_uri_unref);
      fetch->uri = g_steal_pointer (&next);
      g_clear_object (&fetch->stream);
      g_clear_object (&fetch->message);
      fetch_send (task);
      return;
    }

  if (status != SOUP_STATUS_OK)
    {
      fetch_fail (task, g_error_new (ATLAS_UPDATER_ERROR, ATLAS_UPDATER_ERROR_HTTP,
                                     _("The server %s answered “%u %s”"), g_uri_get_host (fetch->uri),
                                     status, self->soup->message_get_reason_phrase (fetch->message)));
      return;
    }

  length = self->soup->message_headers_get_content_length (self->soup->message_get_response_headers (fetch->message));
  if (length > 0 && (guint64) length > fetch->cap)
    {
      fetch_fail (task, g_error_new (ATLAS_UPDATER_ERROR, ATLAS_UPDATER_ERROR_TOO_LARGE,
                                     _("The download is too large (%.0f bytes)"),
                                     (double) length));
      return;
    }

  fetch->data = g_byte_array_new ();
  g_input_stream_read_bytes_async (fetch->stream, CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   fetch->cancellable, on_read, task);
}

static void
fetch_send (GTask *task)
{
  AtlasUpdater *self = g_task_get_source_object (task);
  Fetch *fetch = g_task_get_task_data (task);

  fetch->message = self->soup->message_new_from_uri ("GET", fetch->uri);
  /* Redirects are followed by hand, each checked and counted. */
  self->soup->message_add_flags (fetch->message, SOUP_MESSAGE_NO_REDIRECT);
  self->soup->session_send_async (self->session, fetch->message, G_PRIORITY_DEFAULT,
                           fetch->cancellable, on_sent, task);
}

static void
fetch_async (AtlasUpdater        *self,
             GUri                *uri,
             guint64              cap,
             gint64               expected,
             gboolean             report_progress,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Fetch *fetch = g_new0 (Fetch, 1);
  GError *error = NULL;

  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, fetch, (GDestroyNotify) fetch_free);
  fetch->uri = g_uri_ref (uri);
  fetch->cap = cap;
  fetch->expected = expected;
  fetch->report_progress = report_progress;
  fetch->cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    {
      fetch->caller = g_object_ref (cancellable);
      fetch->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (on_caller_cancelled),
                                                   fetch->cancellable, NULL);
    }

  if (!check_uri (uri, &error) || !ensure_session (self, &error))
    {
      fetch_fail (task, error);
      return;
    }

  /* The whole transfer may take the stall time, plus its size at the
   * slowest rate allowed.
   */
  fetch->stall_ms = self->stall_ms;
  fetch->deadline_ms = self->stall_ms
                       + (guint) MIN ((guint64) G_MAXUINT / 2,
                                      (expected > 0 ? (guint64) expected : cap) * 1000 / self->min_rate);
  fetch->deadline_id = g_timeout_add (fetch->deadline_ms, on_deadline, fetch);
  fetch_alive (fetch);
  fetch_send (task);
}

/* ---- check ------------------------------------------------------------ */

static char *
dup_member (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

static void
on_manifest (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AtlasUpdater *self = g_task_get_source_object (task);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  Fetch *fetch = g_task_get_task_data (G_TASK (result));
  g_autofree char *location = NULL;
  GError *error = NULL;
  JsonNode *root;
  JsonObject *object;
  JsonNode *size;
  gsize length;
  const char *data;

  body = g_task_propagate_pointer (G_TASK (result), &error);
  if (body == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  data = g_bytes_get_data (body, &length);
  if (!atlas_json_parser_load (parser, data, length, NULL)
      || (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_task_return_new_error (task, ATLAS_UPDATER_ERROR, ATLAS_UPDATER_ERROR_MANIFEST,
                               _("The update server’s answer is not an update description"));
      return;
    }
  object = json_node_get_object (root);

  g_clear_pointer (&self->version, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->signature, g_free);
  g_clear_pointer (&self->package_uri, g_uri_unref);

  self->version = dup_member (object, "version");
  self->created = dup_member (object, "created");
  self->notes = dup_member (object, "notes");
  self->sha256 = dup_member (object, "sha256");
  self->signature = dup_member (object, "signature");
  location = dup_member (object, "url");
  size = json_object_get_member (object, "size");

  if (g_strcmp0 (json_object_get_string_member_with_default (object, "format", ""),
                 ATLAS_UPDATE_MANIFEST_FORMAT) != 0
      || self->version == NULL || self->sha256 == NULL || strlen (self->sha256) != 64
      || location == NULL || size == NULL || !JSON_NODE_HOLDS_VALUE (size)
      || json_node_get_value_type (size) != G_TYPE_INT64 || json_node_get_int (size) <= 0)
    {
      g_task_return_new_error (task, ATLAS_UPDATER_ERROR, ATLAS_UPDATER_ERROR_MANIFEST,
                               _("The update description is incomplete (it needs format, version, "
                                 "size, sha256 and url)"));
      return;
    }
  if (!atlas_package_version_is_valid (self->version))
    {
      g_task_return_new_error (task, ATLAS_UPDATER_ERROR, ATLAS_UPDATER_ERROR_MANIFEST,
                               _("The update description names no valid release version"));
      return;
    }
  if (self->signature == NULL)
    {
      g_task_return_new_error (task, ATLAS_UPDATER_ERROR, ATLAS_UPDATER_ERROR_SIGNATURE,
                               _("The update is not signed; only releases signed by the atlas’s "
                                 "maintainers can be installed"));
      return;
    }
  self->size = json_node_get_int (size);
  if (self->size > self->max_size)
    {
      g_task_return_new_error (task, ATLAS_UPDATER_ERROR, ATLAS_UPDATER_ERROR_TOO_LARGE,
                               _("The update is too large (%.0f bytes; at most %.0f)"),
                               (double) self->size, (double) self->max_size);
      return;
    }

  /* Relative to where the manifest was found in the end, after redirects. */
  self->package_uri = g_uri_parse_relative (fetch->uri, location, G_URI_FLAGS_NONE, &error);
  if (self->package_uri == NULL || !check_uri (self->package_uri, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * atlas_updater_check_async:
 *
 * Fetches the update manifest.  Nothing is downloaded or changed.
 */
void
atlas_updater_check_async (AtlasUpdater        *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GUri) uri = NULL;
  GError *error = NULL;

  g_return_if_fail (ATLAS_IS_UPDATER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_check_cancellable (task, FALSE);
  if (!atlas_updater_check_url (self->url, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  uri = g_uri_parse (self->url, G_URI_FLAGS_NONE, NULL);
  fetch_async (self, uri, MAX_MANIFEST_SIZE, -1, FALSE, cancellable, on_manifest,
               g_steal_pointer (&task));
}

gboolean
atlas_updater_check_finish (AtlasUpdater  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Whether the manifest's release is after the one shown (compared as
 * release numbers: "2026.10" is after "2026.9").
 */
gboolean
atlas_updater_is_newer (AtlasUpdater *self)
{
  g_autofree char *current = NULL;

  g_return_val_if_fail (ATLAS_IS_UPDATER (self), FALSE);

  if (self->version == NULL)
    return FALSE;
  atlas_store_get_release (self->store, &current, NULL, NULL);
  return atlas_package_compare_versions (self->version, current) > 0;
}

const char *
atlas_updater_get_version (AtlasUpdater *self)
{
  g_return_val_if_fail (ATLAS_IS_UPDATER (self), NULL);
  return self->version;
}

const char *
atlas_updater_get_created (AtlasUpdater *self)
{
  g_return_val_if_fail (ATLAS_IS_UPDATER (self), NULL);
  return self->created;
}

const char *
atlas_updater_get_notes (AtlasUpdater *self)
{
  g_return_val_if_fail (ATLAS_IS_UPDATER (self), NULL);
  return self->notes;
}

guint64
atlas_updater_get_size (AtlasUpdater *self)
{
  g_return_val_if_fail (ATLAS_IS_UPDATER (self), 0);
  return self->size;
}

/* ---- download --------------------------------------------------------- */

typedef struct
{
  char *sha256;
  char *signature;
} Verify;

static void
verify_free (Verify *verify)
{
  g_free (verify->sha256);
  g_free (verify->signature);
  g_free (verify);
}

/* The checksum and the signature of a download, on a worker thread: both
 * read every byte of it.
 */
static void
verify_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GBytes *body = g_task_get_task_data (task);
  Verify *verify = g_object_get_data (G_OBJECT (task), "verify");
  g_autofree char *sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, body);
  g_autoptr(GError) error = NULL;

  if (g_ascii_strcasecmp (sum, verify->sha256) != 0)
    {
      g_task_return_new_error (task, ATLAS_UPDATER_ERROR, ATLAS_UPDATER_ERROR_CHECKSUM,
                               _("The download does not match its SHA-256 checksum; it was "
                                 "discarded"));
      return;
    }
  if (!atlas_signature_verify (body, verify->signature, &error))
    {
      g_task_return_new_error (task, ATLAS_UPDATER_ERROR, ATLAS_UPDATER_ERROR_SIGNATURE,
                               _("The download was discarded: %s"), error->message);
      return;
    }
  g_task_return_pointer (task, g_bytes_ref (body), (GDestroyNotify) g_bytes_unref);
}

static void
on_verified (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GBytes *body = g_task_propagate_pointer (G_TASK (result), &error);

  if (body == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, body, (GDestroyNotify) g_bytes_unref);
}

static void
on_package (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AtlasUpdater *self = g_task_get_source_object (task);
  g_autoptr(GTask) worker = NULL;
  g_autoptr(GBytes) body = NULL;
  GError *error = NULL;
  Verify *verify;

  body = g_task_propagate_pointer (G_TASK (result), &error);
  if (body == NULL)
    {
      set_progress (self, 0.0);
      g_task_return_error (task, error);
      return;
    }

  verify = g_new0 (Verify, 1);
  verify->sha256 = g_strdup (self->sha256);
  verify->signature = g_strdup (self->signature);
  worker = g_task_new (self, g_task_get_cancellable (task), on_verified, g_object_ref (task));
  g_task_set_check_cancellable (worker, FALSE);
  g_task_set_task_data (worker, g_steal_pointer (&body), (GDestroyNotify) g_bytes_unref);
  g_object_set_data_full (G_OBJECT (worker), "verify", verify, (GDestroyNotify) verify_free);
  g_task_run_in_thread (worker, verify_thread);
}

/**
 * atlas_updater_download_async:
 *
 * Downloads the package the manifest names (call after a successful check),
 * with progress in #AtlasUpdater:progress, and verifies its size, SHA-256
 * and release signature.
 */
void
atlas_updater_download_async (AtlasUpdater        *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (ATLAS_IS_UPDATER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_check_cancellable (task, FALSE);
  if (self->package_uri == NULL)
    {
      g_task_return_new_error (task, ATLAS_UPDATER_ERROR, ATLAS_UPDATER_ERROR_MANIFEST,
                               _("Check for updates first"));
      return;
    }
  set_progress (self, 0.0);
  fetch_async (self, self->package_uri, MIN (self->max_size, self->size), self->size, TRUE,
               cancellable, on_package, g_steal_pointer (&task));
}

GBytes *
atlas_updater_download_finish (AtlasUpdater  *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * atlas_updater_install:
 *
 * Installs a downloaded package as the release the manifest announced:
 * see atlas_package_install().  Blocks; the window uses
 * atlas_updater_install_async().
 */
gboolean
atlas_updater_install (AtlasUpdater  *self,
                       GBytes        *package,
                       GListModel   **changes,
                       GError       **error)
{
  g_return_val_if_fail (ATLAS_IS_UPDATER (self), FALSE);

  return atlas_package_install (self->store, package, self->signature, self->version, changes, error);
}

static void
on_installed (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GListModel *changes = NULL;
  GError *error = NULL;

  if (atlas_package_install_finish (ATLAS_STORE (source), result, &changes, &error))
    g_task_return_pointer (task, changes, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * atlas_updater_install_async:
 *
 * atlas_updater_install() with the checks on a worker thread: see
 * atlas_package_install_async().
 */
void
atlas_updater_install_async (AtlasUpdater        *self,
                             GBytes              *package,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (ATLAS_IS_UPDATER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_check_cancellable (task, FALSE);
  atlas_package_install_async (self->store, package, self->signature, self->version, cancellable,
                               on_installed, task);
}

/**
 * atlas_updater_install_finish:
 *
 * Returns: (transfer full) (nullable): what changed, or %NULL on failure
 */
GListModel *
atlas_updater_install_finish (AtlasUpdater  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
