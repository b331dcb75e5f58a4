/* atlas-csv.h
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

#include <glib.h>

G_BEGIN_DECLS

#define ATLAS_CSV_ERROR (atlas_csv_error_quark ())

typedef enum
{
  ATLAS_CSV_ERROR_SYNTAX,
  ATLAS_CSV_ERROR_ENCODING,
  ATLAS_CSV_ERROR_COLUMNS,
  ATLAS_CSV_ERROR_TOO_LARGE,
} AtlasCsvError;

typedef struct _AtlasCsvReader AtlasCsvReader;

GQuark          atlas_csv_error_quark          (void);
AtlasCsvReader *atlas_csv_reader_new           (const char      *data,
                                                gsize            length,
                                                const char      *filename);
void            atlas_csv_reader_free          (AtlasCsvReader  *self);
void            atlas_csv_reader_set_max_field (AtlasCsvReader  *self,
                                                gsize            max_bytes);
gboolean        atlas_csv_reader_read_header   (AtlasCsvReader  *self,
                                                GError         **error);
gboolean        atlas_csv_reader_next          (AtlasCsvReader  *self,
                                                GError         **error);
gboolean        atlas_csv_reader_require       (AtlasCsvReader  *self,
                                                const char     **columns,
                                                GError         **error);
gboolean        atlas_csv_reader_at_end        (AtlasCsvReader  *self);
const char     *atlas_csv_reader_get_error     (AtlasCsvReader  *self,
                                                guint           *line,
                                                guint           *column);
const char     *atlas_csv_reader_get_filename  (AtlasCsvReader  *self);
guint           atlas_csv_reader_get_line      (AtlasCsvReader  *self);
guint           atlas_csv_reader_get_n_columns (AtlasCsvReader  *self);
const char     *atlas_csv_reader_get_column    (AtlasCsvReader  *self,
                                                guint            index);
int             atlas_csv_reader_find_column   (AtlasCsvReader  *self,
                                                const char      *name);
const char     *atlas_csv_reader_get           (AtlasCsvReader  *self,
                                                const char      *column);
const char     *atlas_csv_reader_get_field     (AtlasCsvReader  *self,
                                                guint            index);
char           *atlas_csv_reader_steal_field   (AtlasCsvReader  *self,
                                                guint            index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasCsvReader, atlas_csv_reader_free)

G_END_DECLS
