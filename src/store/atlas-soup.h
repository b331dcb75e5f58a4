/* atlas-soup.h
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

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* The few libsoup calls the updater makes, found when it is first used
 * (see atlas-soup.c).
 */
typedef struct
{
  SoupSession        *(*session_new_with_options)   (const char *first_property_name, ...);
  void                (*session_send_async)         (SoupSession         *session,
                                                     SoupMessage         *msg,
                                                     int                  io_priority,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
  GInputStream       *(*session_send_finish)        (SoupSession   *session,
                                                     GAsyncResult  *result,
                                                     GError       **error);
  SoupMessage        *(*message_new_from_uri)       (const char *method,
                                                     GUri       *uri);
  void                (*message_add_flags)          (SoupMessage      *msg,
                                                     SoupMessageFlags  flags);
  guint               (*message_get_status)         (SoupMessage *msg);
  const char         *(*message_get_reason_phrase)  (SoupMessage *msg);
  SoupMessageHeaders *(*message_get_response_headers) (SoupMessage *msg);
  const char         *(*message_headers_get_one)    (SoupMessageHeaders *hdrs,
                                                     const char         *name);
  goffset             (*message_headers_get_content_length) (SoupMessageHeaders *hdrs);
} AtlasSoup;

const AtlasSoup *atlas_soup_get (GError **error);

G_END_DECLS
