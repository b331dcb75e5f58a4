/* atlas-chart-private.h
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

#include "atlas-chart.h"
#include "atlas-chart-layer.h"
#include "atlas-nice-ticks.h"

G_BEGIN_DECLS

/* What AtlasChart shares with its layers: the series copied for drawing,
 * the style, the layout of the plot and its axes, the marks, and the text
 * helpers every layer draws labels with.
 */

#define ATLAS_CHART_BASE_FONT_PX   13.0
#define ATLAS_CHART_SMALL_FONT_PX  12.0
#define ATLAS_CHART_TITLE_FONT_PX  17.0
#define ATLAS_CHART_CARD_FONT_PX   30.0

/* The category axis under columns and lines: how categories share the
 * plot's width, and how their labels fit under it.
 */
typedef struct
{
  guint    bucket;      /* categories per column, when there are more than pixels */
  guint    n_columns;
  double   column_width;
  guint    stride;      /* a label every this many columns */
  gboolean rotated;     /* labels at 45 degrees: too long to stand under a column */
  double   label_width; /* where labels wrap (or, rotated, where they are cut) */
  double   label_height;
} AtlasCategoryAxis;

typedef struct
{
  graphene_rect_t rect;   /* hit area and focus ring */
  guint           point;  /* the point it stands for */
  double          a0, a1; /* donut slices: angles */
} AtlasChartMark;

struct _AtlasChart
{
  GObject             parent_instance;

  AtlasChartKind      kind;
  AtlasChartSeries   *series;
  GPtrArray          *layers;      /* AtlasChartLayer; the first owns the axes */
  AtlasStyleVariant   variant;
  const AtlasPalette *palette;
  gboolean            presenting;
  gboolean            sort_by_value;

  /* Plain copies of the series for drawing. */
  guint               n_points;
  double             *values;
  guint              *xs;
  guint              *layers_of;   /* each point's layer in the series */
  double             *totals;      /* per category: the sum of its points */
  guint              *slots;       /* per category: where it is drawn */
  guint              *categories;  /* per slot: the category drawn there */
  guint               n_categories;
  double              max_value;

  /* The layout for width x height. */
  gboolean            layout_valid;
  int                 width;
  int                 height;
  graphene_rect_t     plot;
  AtlasNiceTicks      ticks;
  guint               decimals;
  AtlasCategoryAxis   columns;
  GArray             *marks;       /* AtlasChartMark */
};

PangoLayout *_atlas_chart_make_layout    (AtlasChart    *self,
                                          PangoContext  *context,
                                          const char    *text,
                                          double         px,
                                          gboolean       bold,
                                          double         max_width,
                                          int            max_lines);
void         _atlas_chart_layout_size    (PangoLayout   *layout,
                                          double        *width,
                                          double        *height);
void         _atlas_chart_draw_layout    (GtkSnapshot   *snapshot,
                                          PangoLayout   *layout,
                                          double         x,
                                          double         y,
                                          const GdkRGBA *color);
double       _atlas_chart_draw_text      (AtlasChart    *self,
                                          GtkSnapshot   *snapshot,
                                          PangoContext  *context,
                                          const char    *text,
                                          double         px,
                                          gboolean       bold,
                                          double         x,
                                          double         y,
                                          double         align,
                                          double         max_width,
                                          const GdkRGBA *color);
double       _atlas_chart_line_height    (AtlasChart    *self,
                                          PangoContext  *context,
                                          double         px);
PangoLayout *_atlas_chart_fit_layout     (AtlasChart    *self,
                                          PangoContext  *context,
                                          const char    *text,
                                          double         px,
                                          gboolean       bold,
                                          double         max_width,
                                          double         min_factor);
char        *_atlas_chart_tick_text      (AtlasChart    *self,
                                          double         value);
char        *_atlas_chart_value_text     (AtlasChart    *self,
                                          guint          point);
void         _atlas_chart_add_mark       (AtlasChart    *self,
                                          double         x,
                                          double         y,
                                          double         w,
                                          double         h,
                                          guint          point);
void         _atlas_chart_mark_paint     (AtlasChart    *self,
                                          guint          point,
                                          gboolean       hovered,
                                          GdkRGBA       *color);
void         _atlas_chart_draw_bar       (AtlasChart    *self,
                                          GtkSnapshot   *snapshot,
                                          const graphene_rect_t *rect,
                                          guint          point,
                                          gboolean       hovered);
void         _atlas_chart_draw_value_grid (AtlasChart   *self,
                                          GtkSnapshot   *snapshot,
                                          PangoContext  *context,
                                          gboolean       horizontal_values);
gboolean     _atlas_chart_point_is_target (AtlasChart   *self,
                                          guint          point);
void         _atlas_chart_layout_columns (AtlasChart    *self,
                                          PangoContext  *context);
double       _atlas_chart_measure_column_labels (AtlasChart *self,
                                          PangoContext  *context,
                                          double         plot_width,
                                          double         height,
                                          AtlasCategoryAxis *axis);
void         _atlas_chart_draw_column_labels (AtlasChart *self,
                                          GtkSnapshot   *snapshot,
                                          PangoContext  *context);
double       _atlas_chart_column_center  (AtlasChart    *self,
                                          guint          slot);

G_END_DECLS
