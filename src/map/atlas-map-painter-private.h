/* atlas-map-painter-private.h
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

#include <pango/pangocairo.h>

#include "atlas-map-classes.h"
#include "atlas-map-collision.h"
#include "atlas-map-painter.h"

G_BEGIN_DECLS

/* What the map painter's files share: one frame being drawn.  The base map
 * (atlas-map-base.c), markers and sprites (atlas-map-markers.c), labels
 * (atlas-map-labels.c) and the legend, notice and title
 * (atlas-map-legend.c) all draw into it.
 */

typedef struct
{
  AtlasMapScene              *scene;
  const AtlasMapPaintOptions *options;
  const AtlasPalette         *palette;
  double                      width, height;
  double                      zoom;
  double                      cx, cy;      /* centre in world pixels at zoom */
  double                      scale;       /* sizes: 1, larger when presenting */
  double                      area_left, area_top, area_width, area_height;  /* base drawing area, world px */
  gboolean                    stale;       /* an out-of-date base was scaled, or a part is missing */
  const AtlasMapClusterSet   *clusters;
  GArray                     *markers;
  AtlasMapCollider           *collider;
  guint                       n_classes;
  double                      uppers[ATLAS_MAP_MAX_CLASSES];
} Frame;


typedef void (*SpriteDraw) (Frame        *f,
                            cairo_t      *cr,
                            gconstpointer data);

void     _atlas_map_set_color        (cairo_t                    *cr,
                                      const GdkRGBA              *color);
gboolean _atlas_map_has_choropleth   (const AtlasMapPaintOptions *options);
double   _atlas_map_measure_value    (AtlasMapShape              *shape,
                                      const char                 *measure);
void     _atlas_map_blit             (Frame                      *f,
                                      cairo_t                    *cr,
                                      const char                 *key,
                                      double                      x,
                                      double                      y,
                                      int                         ox,
                                      int                         oy,
                                      int                         w,
                                      int                         h,
                                      SpriteDraw                  draw,
                                      gconstpointer               data);
void     _atlas_map_put_label        (Frame                      *f,
                                      cairo_t                    *cr,
                                      PangoLayout                *layout,
                                      double                      x,
                                      double                      y,
                                      const GdkRGBA              *color,
                                      double                      halo);
void     _atlas_map_draw_site_marker (cairo_t                    *cr,
                                      const AtlasPalette         *palette,
                                      AtlasStyleVariant           variant,
                                      AtlasSiteCategory           category,
                                      AtlasLocationPrecision      precision,
                                      double                      x,
                                      double                      y,
                                      double                      r,
                                      double                      line);
void     _atlas_map_rounded_rect     (cairo_t                    *cr,
                                      double                      x,
                                      double                      y,
                                      double                      w,
                                      double                      h,
                                      double                      r);

void     _atlas_map_compute_classes  (Frame                      *f);
void     _atlas_map_paint_base       (Frame                      *f,
                                      cairo_t                    *cr);
void     _atlas_map_paint_markers    (Frame                      *f,
                                      cairo_t                    *cr);
void     _atlas_map_paint_highlights (Frame                      *f,
                                      cairo_t                    *cr);
void     _atlas_map_paint_labels     (Frame                      *f,
                                      cairo_t                    *cr);
void     _atlas_map_paint_legend     (Frame                      *f,
                                      cairo_t                    *cr);
void     _atlas_map_paint_notice     (Frame                      *f,
                                      cairo_t                    *cr);
void     _atlas_map_paint_title      (Frame                      *f,
                                      cairo_t                    *cr);

G_END_DECLS
