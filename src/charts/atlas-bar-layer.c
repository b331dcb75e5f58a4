/* atlas-bar-layer.c
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

#include <math.h>

#include "atlas-bar-layer.h"
#include "atlas-chart-private.h"

/* Bars: rows with their labels on the left, or columns over the category
 * axis, alone, stacked or grouped by the series' layers.  Bars follow the
 * chart's slots, so sorting by value only moves them.  Columns take the
 * value above them when it fits; rows always have their label and value.
 */

struct _AtlasBarLayer
{
  AtlasChartLayer parent_instance;

  AtlasBarLayout  layout;
};

G_DEFINE_FINAL_TYPE (AtlasBarLayer, atlas_bar_layer, ATLAS_TYPE_CHART_LAYER)

static gboolean
is_horizontal (AtlasBarLayer *self)
{
  return self->layout == ATLAS_BAR_LAYOUT_HORIZONTAL;
}

/* Stacks reach their categories' totals. */
static double
atlas_bar_layer_get_value_extent (AtlasChartLayer *layer,
                                  AtlasChart      *chart)
{
  AtlasBarLayer *self = ATLAS_BAR_LAYER (layer);
  double max = 0;

  if (self->layout != ATLAS_BAR_LAYOUT_STACKED)
    return ATLAS_CHART_LAYER_CLASS (atlas_bar_layer_parent_class)->get_value_extent (layer, chart);

  for (guint c = 0; c < chart->n_categories; c++)
    max = MAX (max, chart->totals[c]);
  return max;
}

static int
compare_points (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  AtlasChart *chart = user_data;
  guint x = *(const guint *) a, y = *(const guint *) b;
  guint sx = chart->xs[x] < chart->n_categories ? chart->slots[chart->xs[x]] : G_MAXUINT;
  guint sy = chart->xs[y] < chart->n_categories ? chart->slots[chart->xs[y]] : G_MAXUINT;

  if (sx != sy)
    return sx < sy ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

/* The points in drawing order (by slot, then as in the series), keeping
 * the largest of each run of @bucket slots when there are more slots than
 * pixels.
 */
static GArray *
points_in_order (AtlasChart *chart,
                 guint       bucket)
{
  GArray *order = g_array_sized_new (FALSE, FALSE, sizeof (guint), chart->n_points);

  for (guint i = 0; i < chart->n_points; i++)
    if (chart->xs[i] < chart->n_categories)
      g_array_append_val (order, i);
  g_array_sort_with_data (order, compare_points, chart);

  if (bucket > 1)
    {
      guint kept = 0;

      for (guint j = 0; j < order->len; j++)
        {
          guint i = g_array_index (order, guint, j);
          guint run = chart->slots[chart->xs[i]] / bucket;
          guint *last = kept > 0 ? &g_array_index (order, guint, kept - 1) : NULL;

          if (last != NULL && chart->slots[chart->xs[*last]] / bucket == run)
            {
              if (chart->values[i] > chart->values[*last])
                *last = i;
            }
          else
            g_array_index (order, guint, kept++) = i;
        }
      g_array_set_size (order, kept);
    }
  return order;
}

static void
layout_rows (AtlasBarLayer *self,
             AtlasChart    *chart,
             PangoContext  *context)
{
  double s = atlas_chart_get_scale (chart), label_w = 0, value_w = 0, row_h, text_h;
  guint n_rows = chart->n_categories, bucket, n_runs;
  graphene_rect_t *plot = &chart->plot;
  g_autoptr(GArray) order = NULL;

  text_h = _atlas_chart_line_height (chart, context, ATLAS_CHART_BASE_FONT_PX);

  /* Label column: as wide as the longest label, at most 40% of the chart. */
  for (guint c = 0; c < n_rows && c < 200; c++)
    {
      g_autoptr(PangoLayout) layout = _atlas_chart_make_layout (chart, context,
                                                                atlas_chart_series_get_category (chart->series, c),
                                                                ATLAS_CHART_BASE_FONT_PX, FALSE, -1, 1);
      double w;

      _atlas_chart_layout_size (layout, &w, NULL);
      label_w = MAX (label_w, w);
    }
  /* A pixel to spare: Pango may break a line set to exactly its own
   * width, and the label would be ellipsized.
   */
  label_w = MIN (label_w + 1 + 8 * s, chart->width * 0.4);

  for (guint i = 0; i < chart->n_points && i < 200; i++)
    {
      g_autofree char *text = _atlas_chart_value_text (chart, i);
      g_autoptr(PangoLayout) layout = _atlas_chart_make_layout (chart, context, text, ATLAS_CHART_SMALL_FONT_PX,
                                                                TRUE, -1, 1);
      double w;

      _atlas_chart_layout_size (layout, &w, NULL);
      value_w = MAX (value_w, w);
    }

  plot->origin.x = label_w;
  plot->origin.y = 4 * s;
  plot->size.width = MAX (10, chart->width - label_w - value_w - 12 * s);
  plot->size.height = MAX (10, chart->height - plot->origin.y - text_h - 10 * s);

  atlas_nice_ticks (0, chart->max_value, MAX (2, (guint) (plot->size.width / (90 * s))), &chart->ticks);

  /* One row per pixel at most: beyond that, the longest bar of each run. */
  bucket = MAX (1, (guint) ceil (n_rows / MAX (1.0, plot->size.height)));
  n_runs = MAX (1, (n_rows + bucket - 1) / bucket);
  row_h = MIN (plot->size.height / n_runs, 40 * s);

  order = points_in_order (chart, bucket);
  for (guint j = 0; j < order->len; j++)
    {
      guint i = g_array_index (order, guint, j);
      guint run = chart->slots[chart->xs[i]] / bucket;
      double w = chart->values[i] / atlas_nice_ticks_last (&chart->ticks) * plot->size.width;

      _atlas_chart_add_mark (chart, plot->origin.x, plot->origin.y + run * row_h + row_h * 0.15,
                             MAX (w, 1), MAX (1, row_h * 0.7), i);
    }
  plot->size.height = MIN (plot->size.height, row_h * n_runs);
}

static void
layout_columns (AtlasBarLayer *self,
                AtlasChart    *chart,
                PangoContext  *context)
{
  const AtlasCategoryAxis *axis = &chart->columns;
  guint n_layers = atlas_chart_series_get_n_layers (chart->series);
  graphene_rect_t *plot = &chart->plot;
  double s = atlas_chart_get_scale (chart), col_w, last;
  g_autofree double *stacks = NULL;
  g_autoptr(GArray) order = NULL;

  _atlas_chart_layout_columns (chart, context);
  if (axis->n_columns == 0)
    return;

  col_w = axis->column_width;
  last = atlas_nice_ticks_last (&chart->ticks);
  stacks = g_new0 (double, MAX (1, chart->n_categories));
  order = points_in_order (chart, axis->bucket);

  for (guint j = 0; j < order->len; j++)
    {
      guint i = g_array_index (order, guint, j);
      guint column = chart->slots[chart->xs[i]] / axis->bucket;
      double v = chart->values[i], h = v / last * plot->size.height;
      double y0 = plot->origin.y + plot->size.height, left, w;

      if (self->layout == ATLAS_BAR_LAYOUT_GROUPED && n_layers > 1)
        {
          w = col_w * 0.8 / n_layers;
          left = plot->origin.x + column * col_w + col_w * 0.1 + chart->layers_of[i] * w;
          w = MAX (1, w - 2 * s);
        }
      else
        {
          w = axis->bucket > 1 || col_w < 4 ? MAX (1, col_w) : col_w * 0.7;
          left = plot->origin.x + column * col_w + (col_w - w) / 2;
        }

      if (self->layout == ATLAS_BAR_LAYOUT_STACKED)
        {
          y0 -= stacks[chart->xs[i]] / last * plot->size.height;
          stacks[chart->xs[i]] += v;
        }
      _atlas_chart_add_mark (chart, left, y0 - h, w, MAX (h, v > 0 ? 1 : 0), i);
    }
}

static void
atlas_bar_layer_layout (AtlasChartLayer *layer,
                        AtlasChart      *chart,
                        PangoContext    *context)
{
  AtlasBarLayer *self = ATLAS_BAR_LAYER (layer);

  if (is_horizontal (self))
    layout_rows (self, chart, context);
  else
    layout_columns (self, chart, context);
}

static void
snapshot_rows (AtlasBarLayer *self,
               AtlasChart    *chart,
               GtkSnapshot   *snapshot,
               PangoContext  *context,
               int            hover)
{
  double s = atlas_chart_get_scale (chart);
  double text_h = _atlas_chart_line_height (chart, context, ATLAS_CHART_BASE_FONT_PX);
  const AtlasPalette *p = chart->palette;

  _atlas_chart_draw_value_grid (chart, snapshot, context, TRUE);

  for (guint m = 0; m < chart->marks->len; m++)
    {
      AtlasChartMark *mark = &g_array_index (chart->marks, AtlasChartMark, m);
      AtlasChartPoint *point = atlas_chart_series_peek_point (chart->series, mark->point);
      double cy = mark->rect.origin.y + mark->rect.size.height / 2;

      _atlas_chart_draw_bar (chart, snapshot, &mark->rect, mark->point, (int) m == hover);

      /* Labels only where a row is tall enough to read. */
      if (mark->rect.size.height / 0.7 >= text_h * 0.9)
        {
          g_autofree char *value = _atlas_chart_value_text (chart, mark->point);

          _atlas_chart_draw_text (chart, snapshot, context, atlas_chart_point_get_label (point),
                                  ATLAS_CHART_BASE_FONT_PX, FALSE, chart->plot.origin.x - 8 * s, cy - text_h / 2, 1,
                                  chart->plot.origin.x - 8 * s, &p->text);
          _atlas_chart_draw_text (chart, snapshot, context, value, ATLAS_CHART_SMALL_FONT_PX, TRUE,
                                  mark->rect.origin.x + mark->rect.size.width + 6 * s,
                                  cy - text_h / 2 + 1, 0, -1, &p->text_dim);
        }
    }
}

static void
snapshot_columns (AtlasBarLayer *self,
                  AtlasChart    *chart,
                  GtkSnapshot   *snapshot,
                  PangoContext  *context,
                  int            hover)
{
  double s = atlas_chart_get_scale (chart);
  double text_h = _atlas_chart_line_height (chart, context, ATLAS_CHART_SMALL_FONT_PX);

  _atlas_chart_draw_value_grid (chart, snapshot, context, FALSE);
  if (chart->columns.n_columns == 0)
    return;
  _atlas_chart_draw_column_labels (chart, snapshot, context);

  if (chart->marks->len > 150)
    {
      /* Hundreds of columns: one cairo node with a path per run of equal
       * colour costs far less than a node per column.
       */
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &chart->plot);
      GdkRGBA current = { 0, 0, 0, -1 };

      for (guint m = 0; m < chart->marks->len; m++)
        {
          AtlasChartMark *mark = &g_array_index (chart->marks, AtlasChartMark, m);
          GdkRGBA color;

          _atlas_chart_mark_paint (chart, mark->point, (int) m == hover, &color);
          if (_atlas_chart_point_is_target (chart, mark->point))
            color.alpha *= 0.4;
          if (!gdk_rgba_equal (&color, &current))
            {
              cairo_fill (cr);
              gdk_cairo_set_source_rgba (cr, &color);
              current = color;
            }
          cairo_rectangle (cr, mark->rect.origin.x, mark->rect.origin.y, mark->rect.size.width, mark->rect.size.height);
        }
      cairo_fill (cr);
      cairo_destroy (cr);
      return;
    }

  for (guint m = 0; m < chart->marks->len; m++)
    {
      AtlasChartMark *mark = &g_array_index (chart->marks, AtlasChartMark, m);

      _atlas_chart_draw_bar (chart, snapshot, &mark->rect, mark->point, (int) m == hover);

      /* Values above single columns when there is room. */
      if (self->layout != ATLAS_BAR_LAYOUT_STACKED && chart->columns.bucket == 1)
        {
          g_autofree char *value = _atlas_chart_value_text (chart, mark->point);
          g_autoptr(PangoLayout) layout = _atlas_chart_make_layout (chart, context, value, ATLAS_CHART_SMALL_FONT_PX,
                                                                    TRUE, -1, 1);
          double w;

          _atlas_chart_layout_size (layout, &w, NULL);
          if (w <= mark->rect.size.width + 14 * s)
            _atlas_chart_draw_layout (snapshot, layout, mark->rect.origin.x + (mark->rect.size.width - w) / 2,
                                      mark->rect.origin.y - text_h - 2 * s, &chart->palette->text_dim);
        }
    }
}

static void
atlas_bar_layer_snapshot (AtlasChartLayer *layer,
                          AtlasChart      *chart,
                          GtkSnapshot     *snapshot,
                          PangoContext    *context,
                          int              hover)
{
  AtlasBarLayer *self = ATLAS_BAR_LAYER (layer);

  if (is_horizontal (self))
    snapshot_rows (self, chart, snapshot, context, hover);
  else
    snapshot_columns (self, chart, snapshot, context, hover);
}

/* Short bars are easy to miss: a row, or a column's height, counts. */
static int
atlas_bar_layer_hit_test (AtlasChartLayer *layer,
                          AtlasChart      *chart,
                          double           x,
                          double           y)
{
  AtlasBarLayer *self = ATLAS_BAR_LAYER (layer);

  for (guint m = 0; m < chart->marks->len; m++)
    {
      graphene_rect_t r = g_array_index (chart->marks, AtlasChartMark, m).rect;

      if (is_horizontal (self))
        {
          r.origin.x = 0;
          r.size.width = chart->width;
        }
      else if (self->layout != ATLAS_BAR_LAYOUT_STACKED)
        {
          r.origin.y = chart->plot.origin.y;
          r.size.height = chart->plot.size.height;
        }
      if (graphene_rect_contains_point (&r, &GRAPHENE_POINT_INIT (x, y)))
        return m;
    }
  return -1;
}

static int
atlas_bar_layer_get_natural_height (AtlasChartLayer *layer,
                                    AtlasChart      *chart,
                                    PangoContext    *context,
                                    int              width)
{
  AtlasBarLayer *self = ATLAS_BAR_LAYER (layer);
  double s = atlas_chart_get_scale (chart);
  AtlasCategoryAxis axis;

  if (is_horizontal (self))
    return (int) ((MIN (chart->n_categories, 40) * 30 + 30) * s +
                  _atlas_chart_line_height (chart, context, ATLAS_CHART_SMALL_FONT_PX));

  /* The plot, and however much room the category labels need under it. */
  return (int) (200 * s + _atlas_chart_measure_column_labels (chart, context, MAX (10, width - 60 * s),
                                                              240 * s, &axis));
}

static void
atlas_bar_layer_class_init (AtlasBarLayerClass *klass)
{
  AtlasChartLayerClass *layer_class = ATLAS_CHART_LAYER_CLASS (klass);

  layer_class->get_value_extent = atlas_bar_layer_get_value_extent;
  layer_class->layout = atlas_bar_layer_layout;
  layer_class->snapshot = atlas_bar_layer_snapshot;
  layer_class->hit_test = atlas_bar_layer_hit_test;
  layer_class->get_natural_height = atlas_bar_layer_get_natural_height;
  layer_class->can_sort = TRUE;
}

static void
atlas_bar_layer_init (AtlasBarLayer *self)
{
}

AtlasChartLayer *
atlas_bar_layer_new (AtlasBarLayout layout)
{
  AtlasBarLayer *self = g_object_new (ATLAS_TYPE_BAR_LAYER, NULL);

  self->layout = layout;
  return ATLAS_CHART_LAYER (self);
}

AtlasBarLayout
atlas_bar_layer_get_layout (AtlasBarLayer *self)
{
  g_return_val_if_fail (ATLAS_IS_BAR_LAYER (self), ATLAS_BAR_LAYOUT_COLUMNS);

  return self->layout;
}
