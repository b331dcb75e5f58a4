/* atlas-input.h
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

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The limits on anything the app reads from outside (imports, story files,
 * story steps saved in the user's database).  They are defined here and
 * nowhere else; atlas_input_dup_limits_text() states them to users.
 */
#define ATLAS_INPUT_MAX_FILE_SIZE (64 * 1024 * 1024)  /* bytes of one file */
#define ATLAS_INPUT_MAX_ROWS      200000              /* records in one import */
#define ATLAS_INPUT_MAX_DEPTH     64                  /* nesting of JSON arrays and objects */
#define ATLAS_INPUT_MAX_FIELD     (64 * 1024)         /* bytes of one value */

#define ATLAS_INPUT_ERROR (atlas_input_error_quark ())

typedef enum
{
  ATLAS_INPUT_ERROR_NOT_REGULAR,
  ATLAS_INPUT_ERROR_TOO_LARGE,
  ATLAS_INPUT_ERROR_TOO_DEEP,
  ATLAS_INPUT_ERROR_ENCODING,
  ATLAS_INPUT_ERROR_SYNTAX,
  ATLAS_INPUT_ERROR_DUPLICATE_KEY,
  ATLAS_INPUT_ERROR_NUMBER,
} AtlasInputError;

GQuark    atlas_input_error_quark     (void);
char     *atlas_input_dup_limits_text (void);
GBytes   *atlas_input_load_file       (GFile         *file,
                                       gsize          max_size,
                                       GCancellable  *cancellable,
                                       GError       **error);
gboolean  atlas_input_check_json      (const char    *data,
                                       gssize         length,
                                       guint          max_depth,
                                       guint         *line,
                                       guint         *column,
                                       GError       **error);
gboolean  atlas_json_parser_load      (JsonParser    *parser,
                                       const char    *data,
                                       gssize         length,
                                       GError       **error);

G_END_DECLS
