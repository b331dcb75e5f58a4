/* atlas-map-painter.h
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

#include <gtk/gtk.h>

#include "atlas-map-scene.h"
#include "atlas-style.h"
#include "atlas-viewport.h"

G_BEGIN_DECLS

/* Draws the map: districts (or the choropleth), rivers, markers and
 * clusters, labels without overlap, and optionally the legend, scale bar,
 * the "schematic map" notice with the attribution, and a title.  The widget's
 * snapshot(), the export and `cq-atlas --render/--benchmark map` all draw
 * through atlas_map_paint(), so what is measured is what is shown.
 */

typedef struct _AtlasMapAreas AtlasMapAreas;

typedef struct
{
  AtlasStyleVariant variant;
  gboolean          presenting;
  const char       *choropleth;        /* "sites", "events", or NULL */
  int               selected_site;     /* scene site index, or -1 */
  int               hover_marker;      /* index into the last frame's markers, or -1 */
  int               focus_marker;      /* the same, for keyboard focus */
  int               selected_district; /* scene district index, or -1 */
  gboolean          legend;
  gboolean          notice;            /* scale bar, schematic notice, attribution */
  const char       *title;             /* exports only */
  double            legend_top;        /* keep the legend below this y */
  gboolean          vector;            /* draw everything as vectors (SVG/PDF exports) */
  gboolean          allow_stale_base;  /* the zoom is moving: a scaled base will do */
  int               pixel_scale;       /* device pixels per pixel */
  GArray           *labels;            /* (nullable): receives AtlasMapLabel */
  AtlasMapAreas    *areas;             /* (nullable): zones and their badges */
  guint             hidden_categories; /* bits: listed in the legend, dimmed */
  GArray           *legend_hits;       /* (nullable): receives AtlasMapLegendHit */
} AtlasMapPaintOptions;

/* A category's row in the legend as drawn: a click there hides or shows
 * that category.
 */
typedef struct
{
  graphene_rect_t rect;      /* screen pixels */
  guint           category;  /* AtlasSiteCategory */
} AtlasMapLegendHit;

/* A site's name as placed on the map (for tests and assistive tools). */
typedef struct
{
  graphene_rect_t box;   /* screen pixels */
  int             site;  /* scene index */
} AtlasMapLabel;

typedef struct
{
  double x, y, radius;   /* screen pixels */
  guint  cluster;        /* index in the cluster set drawn */
  guint  count;
  guint  site;           /* the first member's scene index */
  double x0, y0, x1, y1; /* the members' bounds, unit coordinates */
} AtlasMapMarker;

void  atlas_map_paint_options_init (AtlasMapPaintOptions *options);
gboolean atlas_map_paint           (AtlasMapScene              *scene,
                                    GtkSnapshot                *snapshot,
                                    AtlasViewport              *viewport,
                                    double                      width,
                                    double                      height,
                                    const AtlasMapPaintOptions *options,
                                    GArray                     *markers);
void  atlas_map_focus_order        (GArray                     *markers,
                                    GArray                     *order);
char *atlas_map_dup_attribution    (AtlasMapScene              *scene);
const char *atlas_map_measure_get_label (const char            *measure);

G_END_DECLS
