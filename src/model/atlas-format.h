/* atlas-format.h
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

#include "atlas-types.h"

G_BEGIN_DECLS

/* Whether a figure reports what was done, or a plan or a target. */
typedef enum
{
  ATLAS_FIGURE_REPORTED,
  ATLAS_FIGURE_PLANNED,
  ATLAS_FIGURE_TARGET,
} AtlasFigureKind;

char *atlas_format_number        (double          value,
                                  guint           max_decimals);
char *atlas_format_value         (double          value,
                                  AtlasUnit       unit,
                                  AtlasQualifier  qualifier);
char *atlas_format_figure        (double          value,
                                  AtlasUnit       unit,
                                  AtlasQualifier  qualifier,
                                  AtlasFigureKind kind);
char *atlas_format_compact       (double          value);
char *atlas_format_amount        (double          yuan);
char *atlas_format_date          (const char     *iso);
char *atlas_format_day           (guint32         julian);
char *atlas_format_month         (int             year,
                                  int             month);
char *atlas_format_year          (int             year);
char *atlas_format_period        (const char     *period);
char *atlas_format_lon_lat       (double          lon,
                                  double          lat);

G_END_DECLS
