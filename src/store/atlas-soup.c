/* atlas-soup.c
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
#include <gmodule.h>

#include "atlas-soup.h"
#include "atlas-updater.h"

/* libsoup is opened the first time the updater is used, not linked.
 * Linked, it and the ten libraries it brings (Kerberos, libpsl, nghttp2,
 * libidn2, libunistring…) were loaded and relocated at every start, about
 * 2 MiB and 5 ms of a start-up we hold against an empty window, for
 * something only Check for Updates uses.  Its ABI is fixed by its soname
 * (libsoup 3: libsoup-3.0.so.0), which meson checks at configure time.
 */

static GMutex lock;
static AtlasSoup soup;
static gboolean loaded;

#define FIND(module, field, symbol) \
  g_module_symbol (module, symbol, (gpointer *) &soup.field)

const AtlasSoup *
atlas_soup_get (GError **error)
{
  GModule *module;
  gboolean found;

  g_mutex_lock (&lock);
  if (loaded)
    {
      g_mutex_unlock (&lock);
      return &soup;
    }

  module = g_module_open (ATLAS_SOUP_SONAME, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  found = module != NULL &&
          FIND (module, session_new_with_options, "soup_session_new_with_options") &&
          FIND (module, session_send_async, "soup_session_send_async") &&
          FIND (module, session_send_finish, "soup_session_send_finish") &&
          FIND (module, message_new_from_uri, "soup_message_new_from_uri") &&
          FIND (module, message_add_flags, "soup_message_add_flags") &&
          FIND (module, message_get_status, "soup_message_get_status") &&
          FIND (module, message_get_reason_phrase, "soup_message_get_reason_phrase") &&
          FIND (module, message_get_response_headers, "soup_message_get_response_headers") &&
          FIND (module, message_headers_get_one, "soup_message_headers_get_one") &&
          FIND (module, message_headers_get_content_length, "soup_message_headers_get_content_length");
  if (!found)
    {
      g_autofree char *why = g_strdup (g_module_error ());

      g_set_error (error, ATLAS_UPDATER_ERROR, ATLAS_UPDATER_ERROR_NETWORK,
                   _("The network library %s cannot be used: %s"), ATLAS_SOUP_SONAME,
                   why != NULL ? why : "?");
      if (module != NULL)
        g_module_close (module);
      g_mutex_unlock (&lock);
      return NULL;
    }
  /* Kept open for the life of the process: libsoup registers types. */
  g_module_make_resident (module);
  loaded = TRUE;
  g_mutex_unlock (&lock);
  return &soup;
}
