/* atlas-map-classes.h
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

#define ATLAS_MAP_MAX_CLASSES 6

/* Classes of a per-district count for the choropleth: "none" (0) on its own
 * if some districts have nothing, then up to five quantile classes of the
 * rest, with whole-number bounds.  @uppers receives each class's inclusive
 * upper bound; the lower bound of class i is uppers[i - 1] + 1 (0 for the
 * first).
 */
guint atlas_map_classes_compute (const double *values,
                                 guint         n_values,
                                 double       *uppers);
guint atlas_map_classes_find    (const double *uppers,
                                 guint         n_classes,
                                 double        value);
char *atlas_map_classes_label   (const double *uppers,
                                 guint         n_classes,
                                 guint         index);

G_END_DECLS
