/* atlas-date.h
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

typedef enum
{
  ATLAS_DATE_PRECISION_DAY,
  ATLAS_DATE_PRECISION_MONTH,
  ATLAS_DATE_PRECISION_YEAR,
} AtlasDatePrecision;

/* A calendar date at the precision a source gives it ("2020-12-15",
 * "2017-11", "2016").  Missing parts are 0.
 */
typedef struct
{
  int                year;
  int                month;
  int                day;
  AtlasDatePrecision precision;
} AtlasDate;

gboolean    atlas_date_parse              (const char         *text,
                                           AtlasDate          *date,
                                           GError            **error);
gboolean    atlas_date_parse_interval     (const char         *text,
                                           AtlasDate          *first,
                                           AtlasDate          *last,
                                           GError            **error);
guint32     atlas_date_get_first_day      (const AtlasDate    *date);
guint32     atlas_date_get_last_day       (const AtlasDate    *date);
char       *atlas_date_to_iso             (const AtlasDate    *date);
int         atlas_date_compare            (const AtlasDate    *a,
                                           const AtlasDate    *b);
const char *atlas_date_precision_to_string (AtlasDatePrecision precision);
gboolean    atlas_date_precision_from_string (const char        *text,
                                              AtlasDatePrecision *precision);
guint32     atlas_julian_from_ymd         (int                 year,
                                           int                 month,
                                           int                 day);
void        atlas_julian_to_ymd           (guint32             julian,
                                           int                *year,
                                           int                *month,
                                           int                *day);
guint32     atlas_julian_today            (void);

G_END_DECLS
