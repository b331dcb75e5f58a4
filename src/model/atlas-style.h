/* atlas-style.h
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

#include <gdk/gdk.h>

#include "atlas-types.h"

G_BEGIN_DECLS

typedef enum
{
  ATLAS_MARKER_SHAPE_CIRCLE,
  ATLAS_MARKER_SHAPE_SQUARE,
  ATLAS_MARKER_SHAPE_DIAMOND,
  ATLAS_MARKER_SHAPE_TRIANGLE,
  ATLAS_MARKER_SHAPE_TRIANGLE_DOWN,
  ATLAS_MARKER_SHAPE_HEXAGON,
  ATLAS_MARKER_SHAPE_STAR,
  ATLAS_MARKER_SHAPE_PENTAGON,
  ATLAS_MARKER_SHAPE_CROSS,
} AtlasMarkerShape;

typedef enum
{
  ATLAS_STYLE_LIGHT,
  ATLAS_STYLE_DARK,
  ATLAS_STYLE_HIGH_CONTRAST,
} AtlasStyleVariant;

void             atlas_style_get_category_color (AtlasSiteCategory  category,
                                                 AtlasStyleVariant  variant,
                                                 GdkRGBA           *color);
AtlasMarkerShape atlas_style_get_category_shape (AtlasSiteCategory  category);
void             atlas_style_get_event_kind_color (AtlasEventKind   kind,
                                                   AtlasStyleVariant variant,
                                                   GdkRGBA          *color);
void             atlas_style_get_sequential_color (guint             step,
                                                   guint             n_steps,
                                                   AtlasStyleVariant variant,
                                                   GdkRGBA          *color);
void             atlas_style_get_area_color     (AtlasStyleVariant  variant,
                                                 GdkRGBA           *color,
                                                 GdkRGBA           *text);
char            *atlas_style_dup_css            (void);

G_END_DECLS
