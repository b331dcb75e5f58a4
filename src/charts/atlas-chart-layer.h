/* atlas-chart-layer.h
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

#include "atlas-types.h"

G_BEGIN_DECLS

/* One way of drawing a chart's series against its axes: bars, a line, a
 * donut, headline numbers.  AtlasChart is a container of layers; a new
 * kind of chart is a new layer, not another case in the chart.  The first
 * layer lays out the plot and the axes, later ones draw against them.
 */

typedef struct _AtlasChart AtlasChart;

#define ATLAS_TYPE_CHART_LAYER (atlas_chart_layer_get_type ())

G_DECLARE_DERIVABLE_TYPE (AtlasChartLayer, atlas_chart_layer, ATLAS, CHART_LAYER, GObject)

struct _AtlasChartLayerClass
{
  GObjectClass parent_class;

  /* The largest value the value axis must reach. */
  double   (*get_value_extent) (AtlasChartLayer *self,
                                AtlasChart      *chart);
  /* Sets the chart's plot, axes and marks for its width and height. */
  void     (*layout)           (AtlasChartLayer *self,
                                AtlasChart      *chart,
                                PangoContext    *context);
  void     (*snapshot)         (AtlasChartLayer *self,
                                AtlasChart      *chart,
                                GtkSnapshot     *snapshot,
                                PangoContext    *context,
                                int              hover);
  /* The mark under (x, y), or -1; by default the mark's rectangle. */
  int      (*hit_test)         (AtlasChartLayer *self,
                                AtlasChart      *chart,
                                double           x,
                                double           y);
  /* A height that shows every mark readably at @width. */
  int      (*get_natural_height) (AtlasChartLayer *self,
                                  AtlasChart      *chart,
                                  PangoContext    *context,
                                  int              width);

  /* Whether the chart's legend lists the series' layers for this layer
   * (donuts and numbers label each mark themselves).
   */
  gboolean shows_layer_legend;
  /* Whether each point has a colour of its own (donut slices). */
  gboolean colors_points;
  /* Whether bars can be put in order of their values. */
  gboolean can_sort;

  gpointer padding[8];
};

double   atlas_chart_layer_get_value_extent   (AtlasChartLayer *self,
                                               AtlasChart      *chart);
void     atlas_chart_layer_layout             (AtlasChartLayer *self,
                                               AtlasChart      *chart,
                                               PangoContext    *context);
void     atlas_chart_layer_snapshot           (AtlasChartLayer *self,
                                               AtlasChart      *chart,
                                               GtkSnapshot     *snapshot,
                                               PangoContext    *context,
                                               int              hover);
int      atlas_chart_layer_hit_test           (AtlasChartLayer *self,
                                               AtlasChart      *chart,
                                               double           x,
                                               double           y);
int      atlas_chart_layer_get_natural_height (AtlasChartLayer *self,
                                               AtlasChart      *chart,
                                               PangoContext    *context,
                                               int              width);
gboolean atlas_chart_layer_shows_layer_legend (AtlasChartLayer *self);
gboolean atlas_chart_layer_colors_points      (AtlasChartLayer *self);
gboolean atlas_chart_layer_can_sort           (AtlasChartLayer *self);

G_END_DECLS
