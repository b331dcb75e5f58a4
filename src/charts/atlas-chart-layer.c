/* atlas-chart-layer.c
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

#include "config.h"

#include "atlas-chart-private.h"

G_DEFINE_ABSTRACT_TYPE (AtlasChartLayer, atlas_chart_layer, G_TYPE_OBJECT)

/* The largest value of any point: what plain bars and lines need. */
static double
atlas_chart_layer_real_get_value_extent (AtlasChartLayer *self,
                                         AtlasChart      *chart)
{
  double max = 0;

  for (guint i = 0; i < chart->n_points; i++)
    max = MAX (max, chart->values[i]);
  return max;
}

static int
atlas_chart_layer_real_hit_test (AtlasChartLayer *self,
                                 AtlasChart      *chart,
                                 double           x,
                                 double           y)
{
  for (guint m = 0; m < chart->marks->len; m++)
    {
      const AtlasChartMark *mark = &g_array_index (chart->marks, AtlasChartMark, m);

      if (graphene_rect_contains_point (&mark->rect, &GRAPHENE_POINT_INIT (x, y)))
        return m;
    }
  return -1;
}

static int
atlas_chart_layer_real_get_natural_height (AtlasChartLayer *self,
                                           AtlasChart      *chart,
                                           PangoContext    *context,
                                           int              width)
{
  return (int) (240 * atlas_chart_get_scale (chart));
}

static void
atlas_chart_layer_class_init (AtlasChartLayerClass *klass)
{
  klass->get_value_extent = atlas_chart_layer_real_get_value_extent;
  klass->hit_test = atlas_chart_layer_real_hit_test;
  klass->get_natural_height = atlas_chart_layer_real_get_natural_height;
  klass->shows_layer_legend = TRUE;
}

static void
atlas_chart_layer_init (AtlasChartLayer *self)
{
}

double
atlas_chart_layer_get_value_extent (AtlasChartLayer *self,
                                    AtlasChart      *chart)
{
  g_return_val_if_fail (ATLAS_IS_CHART_LAYER (self), 0);

  return ATLAS_CHART_LAYER_GET_CLASS (self)->get_value_extent (self, chart);
}

void
atlas_chart_layer_layout (AtlasChartLayer *self,
                          AtlasChart      *chart,
                          PangoContext    *context)
{
  g_return_if_fail (ATLAS_IS_CHART_LAYER (self));

  if (ATLAS_CHART_LAYER_GET_CLASS (self)->layout != NULL)
    ATLAS_CHART_LAYER_GET_CLASS (self)->layout (self, chart, context);
}

void
atlas_chart_layer_snapshot (AtlasChartLayer *self,
                            AtlasChart      *chart,
                            GtkSnapshot     *snapshot,
                            PangoContext    *context,
                            int              hover)
{
  g_return_if_fail (ATLAS_IS_CHART_LAYER (self));

  ATLAS_CHART_LAYER_GET_CLASS (self)->snapshot (self, chart, snapshot, context, hover);
}

int
atlas_chart_layer_hit_test (AtlasChartLayer *self,
                            AtlasChart      *chart,
                            double           x,
                            double           y)
{
  g_return_val_if_fail (ATLAS_IS_CHART_LAYER (self), -1);

  return ATLAS_CHART_LAYER_GET_CLASS (self)->hit_test (self, chart, x, y);
}

int
atlas_chart_layer_get_natural_height (AtlasChartLayer *self,
                                      AtlasChart      *chart,
                                      PangoContext    *context,
                                      int              width)
{
  g_return_val_if_fail (ATLAS_IS_CHART_LAYER (self), 200);

  return ATLAS_CHART_LAYER_GET_CLASS (self)->get_natural_height (self, chart, context, width);
}

gboolean
atlas_chart_layer_shows_layer_legend (AtlasChartLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_LAYER (self), FALSE);

  return ATLAS_CHART_LAYER_GET_CLASS (self)->shows_layer_legend;
}

gboolean
atlas_chart_layer_colors_points (AtlasChartLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_LAYER (self), FALSE);

  return ATLAS_CHART_LAYER_GET_CLASS (self)->colors_points;
}

gboolean
atlas_chart_layer_can_sort (AtlasChartLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_LAYER (self), FALSE);

  return ATLAS_CHART_LAYER_GET_CLASS (self)->can_sort;
}
