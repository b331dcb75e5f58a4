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

/* The styles every painter draws in.  Which one applies is decided in one
 * place, atlas_style_variant_for(); the projector styles are what a
 * presentation uses, on a light or a dark stage as the user's style is.
 */
typedef enum
{
  ATLAS_STYLE_LIGHT,
  ATLAS_STYLE_DARK,
  ATLAS_STYLE_HIGH_CONTRAST,
  ATLAS_STYLE_HIGH_CONTRAST_DARK,
  ATLAS_STYLE_PROJECTOR,
  ATLAS_STYLE_PROJECTOR_DARK,
  ATLAS_N_STYLES
} AtlasStyleVariant;

/* Type and line widths while presenting to a room, for every painter. */
#define ATLAS_PRESENTATION_SCALE 1.4

#define ATLAS_N_SERIES_COLORS 8
#define ATLAS_N_SEQUENTIAL_COLORS 7

/* One palette per style.  Text colours name the surface they are drawn on
 * in their comment; tests/test-style.c checks every such pair for a WCAG
 * contrast of at least 4.5:1.
 */
typedef struct
{
  /* Surfaces */
  GdkRGBA window;         /* behind the views; the chart gallery's sheet */
  GdkRGBA view;           /* a view's canvas: timeline, chart, stage */
  GdkRGBA card;           /* a card on the window: chart cards, map legend */
  GdkRGBA shade;          /* on view: every other timeline lane, number tiles */
  GdkRGBA accent_tint;    /* translucent, over view or shade: the brushed range */

  /* Text, on view, window, card, shade and either with accent_tint over it */
  GdkRGBA text;
  GdkRGBA text_dim;       /* ticks, periods, sources, values */
  GdkRGBA accent_text;    /* on view, card and map_halo */
  GdkRGBA today;          /* on view and shade: the "today" line and label */
  GdkRGBA badge;          /* the "Target" pill */
  GdkRGBA badge_text;     /* on badge */

  /* Lines and marks */
  GdkRGBA grid;
  GdkRGBA axis;
  GdkRGBA accent;         /* selection, focus rings, cursor */

  /* The map */
  GdkRGBA map_outside;    /* around Chongqing */
  GdkRGBA map_land;
  GdkRGBA map_border;
  GdkRGBA map_river;
  GdkRGBA map_river_text; /* on map_halo */
  GdkRGBA map_halo;       /* behind map labels (text is drawn on it) */
  GdkRGBA map_cluster;
  GdkRGBA map_cluster_text;
  GdkRGBA map_marker_outline;

  /* The presentation stage (CSS) and the exported slides */
  GdkRGBA caption;        /* the caption panel, over the stage (view) */
  GdkRGBA caption_text;   /* on caption */
  GdkRGBA caption_title;  /* on caption */
  GdkRGBA caption_counter; /* on caption */
  GdkRGBA progress_track; /* translucent, over view */
  GdkRGBA progress;       /* on view: the story's progress */

  /* Data */
  GdkRGBA series[ATLAS_N_SERIES_COLORS];
  GdkRGBA sequential[ATLAS_N_SEQUENTIAL_COLORS];  /* light to dark on light styles */
} AtlasPalette;

AtlasStyleVariant   atlas_style_variant_for        (gboolean           dark,
                                                    gboolean           high_contrast,
                                                    gboolean           presenting);
gboolean            atlas_style_variant_is_dark    (AtlasStyleVariant  variant);
gboolean            atlas_style_variant_is_projector (AtlasStyleVariant variant);
gboolean            atlas_style_variant_is_high_contrast (AtlasStyleVariant variant);
const char         *atlas_style_variant_to_string  (AtlasStyleVariant  variant);
const AtlasPalette *atlas_style_get_palette        (AtlasStyleVariant  variant);

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
double           atlas_style_contrast_ratio     (const GdkRGBA     *foreground,
                                                 const GdkRGBA     *background);
void             atlas_style_composite          (const GdkRGBA     *over,
                                                 const GdkRGBA     *under,
                                                 GdkRGBA           *result);
void             atlas_style_get_area_color     (AtlasStyleVariant  variant,
                                                 GdkRGBA           *color,
                                                 GdkRGBA           *text);
char            *atlas_style_dup_css            (void);

G_END_DECLS
