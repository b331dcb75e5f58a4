/* atlas-line-layer.c
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

#include "atlas-chart-private.h"
#include "atlas-line-layer.h"

/* A time series as a line over the category axis, with a dot per point
 * where points can be told apart and the value by each dot where there is
 * room -- above the dot, or below it when the line runs through that place,
 * or not at all rather than across the line.  Denser than the pixels, each
 * column is the envelope the stroked line would cover.
 */

struct _AtlasLineLayer
{
  AtlasChartLayer parent_instance;
};

G_DEFINE_FINAL_TYPE (AtlasLineLayer, atlas_line_layer, ATLAS_TYPE_CHART_LAYER)

static void
atlas_line_layer_layout (AtlasChartLayer *layer,
                         AtlasChart      *chart,
                         PangoContext    *context)
{
  const AtlasCategoryAxis *axis = &chart->columns;
  graphene_rect_t *plot = &chart->plot;
  double s = atlas_chart_get_scale (chart), r = 5 * s, col_w, last;

  _atlas_chart_layout_columns (chart, context);
  if (axis->n_columns == 0)
    return;

  col_w = axis->column_width;
  last = atlas_nice_ticks_last (&chart->ticks);

  /* The highest point of each run of columns, in order along the axis. */
  for (guint i = 0; i < chart->n_points; i += axis->bucket)
    {
      guint best = i, column;
      double h, cx, y0 = plot->origin.y + plot->size.height;

      for (guint j = i + 1; j < MIN (chart->n_points, i + axis->bucket); j++)
        if (chart->values[j] > chart->values[best])
          best = j;
      column = chart->xs[best] / axis->bucket;
      h = chart->values[best] / last * plot->size.height;
      cx = plot->origin.x + (column + 0.5) * col_w;
      _atlas_chart_add_mark (chart, cx - MAX (r, col_w / 2), y0 - h - r, MAX (2 * r, col_w), 2 * r, best);
    }
}

static void
draw_polyline (cairo_t       *cr,
               const double  *xs,
               const double  *ys,
               guint          n,
               double         width,
               const GdkRGBA *color)
{
  cairo_set_line_width (cr, width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  gdk_cairo_set_source_rgba (cr, color);
  for (guint i = 0; i < n; i++)
    cairo_line_to (cr, xs[i], ys[i]);
  cairo_stroke (cr);
}

/* Whether the line through (@xs, @ys), @width wide, crosses @box. */
static gboolean
line_crosses (const double          *xs,
              const double          *ys,
              guint                  n,
              double                 width,
              const graphene_rect_t *box)
{
  double x0 = box->origin.x, x1 = box->origin.x + box->size.width;
  double top = box->origin.y - width / 2, bottom = box->origin.y + box->size.height + width / 2;

  for (guint i = 0; i + 1 < n; i++)
    {
      double ax = xs[i], ay = ys[i], bx = xs[i + 1], by = ys[i + 1];
      double lo, hi, ya, yb;

      if (bx < x0 || ax > x1 || bx <= ax)
        continue;
      /* The segment's heights where it enters and leaves the box's span. */
      lo = MAX (ax, x0);
      hi = MIN (bx, x1);
      ya = ay + (by - ay) * (lo - ax) / (bx - ax);
      yb = ay + (by - ay) * (hi - ax) / (bx - ax);
      if (MAX (ya, yb) >= top && MIN (ya, yb) <= bottom)
        return TRUE;
    }
  return FALSE;
}

static void
atlas_line_layer_snapshot (AtlasChartLayer *layer,
                           AtlasChart      *chart,
                           GtkSnapshot     *snapshot,
                           PangoContext    *context,
                           int              hover)
{
  double s = atlas_chart_get_scale (chart), width = 2.5 * s;
  double col_w = chart->columns.column_width;
  guint n = chart->marks->len;
  g_autofree double *xs = g_new (double, MAX (1, n));
  g_autofree double *ys = g_new (double, MAX (1, n));
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  GdkRGBA color;

  _atlas_chart_draw_value_grid (chart, snapshot, context, FALSE);
  if (chart->columns.n_columns == 0)
    return;
  _atlas_chart_draw_column_labels (chart, snapshot, context);

  atlas_chart_get_layer_color (chart, 0, &color);
  for (guint m = 0; m < n; m++)
    {
      AtlasChartMark *mark = &g_array_index (chart->marks, AtlasChartMark, m);

      xs[m] = mark->rect.origin.x + mark->rect.size.width / 2;
      ys[m] = mark->rect.origin.y + mark->rect.size.height / 2;
    }

  if (col_w >= 4 * s)
    {
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &chart->plot);

      draw_polyline (cr, xs, ys, n, width, &color);
      cairo_destroy (cr);
    }
  else
    {
      /* Denser than the pixels: each column is the envelope between
       * neighbouring points, which is what the stroked line would cover at
       * a fraction of the cost.
       */
      for (guint m = 0; m < n; m++)
        {
          double x0 = xs[m], y0 = ys[m];
          double x1 = m + 1 < n ? xs[m + 1] : x0 + 1;
          double y1 = m + 1 < n ? ys[m + 1] : y0;
          double top = MIN (y0, y1) - width / 2, bottom = MAX (y0, y1) + width / 2;

          gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x0, top, MAX (1, x1 - x0), bottom - top));
        }
    }

  /* Dots where each point can be told apart; values by the dots when few. */
  if (col_w < 6 * s)
    return;
  for (guint m = 0; m < n; m++)
    {
      AtlasChartMark *mark = &g_array_index (chart->marks, AtlasChartMark, m);
      double r = ((int) m == hover ? 6 : 4) * s;
      GdkRGBA dot;
      GskRoundedRect circle;

      _atlas_chart_mark_paint (chart, mark->point, (int) m == hover, &dot);
      gsk_rounded_rect_init_from_rect (&circle, &GRAPHENE_RECT_INIT (xs[m] - r, ys[m] - r, 2 * r, 2 * r), r);
      gtk_snapshot_push_rounded_clip (snapshot, &circle);
      gtk_snapshot_append_color (snapshot, &dot, &circle.bounds);
      gtk_snapshot_pop (snapshot);

      if (col_w >= 28 * s && chart->values[mark->point] > 0)
        {
          g_autofree char *value = _atlas_chart_value_text (chart, mark->point);
          g_autoptr(PangoLayout) layout = _atlas_chart_make_layout (chart, context, value, ATLAS_CHART_SMALL_FONT_PX,
                                                                    TRUE, -1, 1);
          double w, h, tops[2];

          _atlas_chart_layout_size (layout, &w, &h);
          tops[0] = ys[m] - r - h - 2 * s;
          tops[1] = ys[m] + r + 2 * s;
          for (guint c = 0; c < G_N_ELEMENTS (tops); c++)
            {
              graphene_rect_t box = GRAPHENE_RECT_INIT (xs[m] - w / 2, tops[c], w, h);
              gboolean clear = box.origin.y >= 0 && box.origin.y + h <= chart->plot.origin.y + chart->plot.size.height &&
                               !line_crosses (xs, ys, n, width + 2 * s, &box);

              for (guint k = 0; clear && k < placed->len; k++)
                clear = !graphene_rect_intersection (&box, &g_array_index (placed, graphene_rect_t, k), NULL);
              if (!clear)
                continue;
              _atlas_chart_draw_layout (snapshot, layout, box.origin.x, box.origin.y, &chart->palette->text_dim);
              g_array_append_val (placed, box);
              break;
            }
        }
    }
}

static int
atlas_line_layer_get_natural_height (AtlasChartLayer *layer,
                                     AtlasChart      *chart,
                                     PangoContext    *context,
                                     int              width)
{
  double s = atlas_chart_get_scale (chart);
  AtlasCategoryAxis axis;

  return (int) (200 * s + _atlas_chart_measure_column_labels (chart, context, MAX (10, width - 60 * s),
                                                              240 * s, &axis));
}

static void
atlas_line_layer_class_init (AtlasLineLayerClass *klass)
{
  AtlasChartLayerClass *layer_class = ATLAS_CHART_LAYER_CLASS (klass);

  layer_class->layout = atlas_line_layer_layout;
  layer_class->snapshot = atlas_line_layer_snapshot;
  layer_class->get_natural_height = atlas_line_layer_get_natural_height;
}

static void
atlas_line_layer_init (AtlasLineLayer *self)
{
}

AtlasChartLayer *
atlas_line_layer_new (void)
{
  return g_object_new (ATLAS_TYPE_LINE_LAYER, NULL);
}
