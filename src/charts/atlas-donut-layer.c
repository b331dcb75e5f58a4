/* atlas-donut-layer.c
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

#include <glib/gi18n.h>
#include <math.h>

#include "atlas-chart-private.h"
#include "atlas-donut-layer.h"
#include "atlas-format.h"

/* Shares of a whole: a ring of slices with the total in the middle (made
 * smaller to fit the hole rather than cut), and beside it a legend of
 * label, value and share.
 */

struct _AtlasDonutLayer
{
  AtlasChartLayer parent_instance;

  double          cx, cy, r, inner;
};

G_DEFINE_FINAL_TYPE (AtlasDonutLayer, atlas_donut_layer, ATLAS_TYPE_CHART_LAYER)

static void
atlas_donut_layer_layout (AtlasChartLayer *layer,
                          AtlasChart      *chart,
                          PangoContext    *context)
{
  AtlasDonutLayer *self = ATLAS_DONUT_LAYER (layer);
  double total = 0, angle = -G_PI / 2;
  double size = MIN (chart->height, chart->width * 0.5);

  self->r = size / 2 - 4 * atlas_chart_get_scale (chart);
  self->inner = self->r * 0.58;
  self->cx = size / 2;
  self->cy = chart->height / 2.0;
  chart->plot = GRAPHENE_RECT_INIT (size + 12, 0, MAX (10, chart->width - size - 12), chart->height);

  for (guint i = 0; i < chart->n_points; i++)
    total += chart->values[i];

  for (guint i = 0; i < chart->n_points && total > 0; i++)
    {
      AtlasChartMark mark = { GRAPHENE_RECT_INIT (0, 0, 0, 0), i, angle, angle + chart->values[i] / total * 2 * G_PI };
      double mid = (mark.a0 + mark.a1) / 2, rm = (self->r + self->inner) / 2;
      double half = (self->r - self->inner) / 2;

      mark.rect = GRAPHENE_RECT_INIT (self->cx + cos (mid) * rm - half, self->cy + sin (mid) * rm - half,
                                      2 * half, 2 * half);
      g_array_append_val (chart->marks, mark);
      angle = mark.a1;
    }
}

static void
atlas_donut_layer_snapshot (AtlasChartLayer *layer,
                            AtlasChart      *chart,
                            GtkSnapshot     *snapshot,
                            PangoContext    *context,
                            int              hover)
{
  AtlasDonutLayer *self = ATLAS_DONUT_LAYER (layer);
  const AtlasPalette *p = chart->palette;
  double s = atlas_chart_get_scale (chart), total = 0, y, row_h, sw = 14 * s;
  double base_h = _atlas_chart_line_height (chart, context, ATLAS_CHART_BASE_FONT_PX);
  gboolean approximate = FALSE;
  g_autofree char *total_text = NULL;
  cairo_t *cr;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, chart->width, chart->height));
  for (guint m = 0; m < chart->marks->len; m++)
    {
      AtlasChartMark *mark = &g_array_index (chart->marks, AtlasChartMark, m);
      double grow = (int) m == hover ? 4 * s : 0;
      GdkRGBA color;

      _atlas_chart_mark_paint (chart, mark->point, (int) m == hover, &color);
      cairo_new_path (cr);
      cairo_arc (cr, self->cx, self->cy, self->r + grow, mark->a0, mark->a1);
      cairo_arc_negative (cr, self->cx, self->cy, self->inner, mark->a1, mark->a0);
      cairo_close_path (cr);
      if (_atlas_chart_point_is_target (chart, mark->point))
        {
          GdkRGBA fill = color;

          fill.alpha *= 0.25;
          gdk_cairo_set_source_rgba (cr, &fill);
          cairo_fill_preserve (cr);
          gdk_cairo_set_source_rgba (cr, &color);
          cairo_set_line_width (cr, 2 * s);
          cairo_stroke (cr);
        }
      else
        {
          gdk_cairo_set_source_rgba (cr, &color);
          cairo_fill_preserve (cr);
          /* A thin gap between slices in the card's colour. */
          gdk_cairo_set_source_rgba (cr, &p->card);
          cairo_set_line_width (cr, 1.5 * s);
          cairo_stroke (cr);
        }
    }
  cairo_destroy (cr);

  for (guint i = 0; i < chart->n_points; i++)
    {
      total += chart->values[i];
      /* A total of approximate parts is itself approximate. */
      if (atlas_chart_point_get_qualifier (atlas_chart_series_peek_point (chart->series, i)) != ATLAS_QUALIFIER_NONE)
        approximate = TRUE;
    }
  total_text = atlas_format_value (total, atlas_chart_series_get_unit (chart->series),
                                   approximate ? ATLAS_QUALIFIER_ABOUT : ATLAS_QUALIFIER_NONE);
  {
    /* The widest line the hole holds a little above its middle. */
    double room = 2 * self->inner * 0.86;
    g_autoptr(PangoLayout) big = _atlas_chart_fit_layout (chart, context, total_text, 24, TRUE, room, 0.4);
    g_autoptr(PangoLayout) caption = _atlas_chart_fit_layout (chart, context, _("in total"),
                                                              ATLAS_CHART_SMALL_FONT_PX, FALSE, room * 0.8, 0.7);
    double w, h, cw, ch;

    _atlas_chart_layout_size (big, &w, &h);
    _atlas_chart_layout_size (caption, &cw, &ch);
    _atlas_chart_draw_layout (snapshot, big, self->cx - w / 2, self->cy - (h + ch) / 2, &p->text);
    _atlas_chart_draw_layout (snapshot, caption, self->cx - cw / 2, self->cy - (h + ch) / 2 + h, &p->text_dim);
  }

  /* The legend beside the ring: swatch, label, value and share. */
  row_h = MIN (chart->height / MAX (1.0, chart->marks->len), 2.6 * base_h);
  y = (chart->height - row_h * chart->marks->len) / 2;
  for (guint m = 0; m < chart->marks->len; m++, y += row_h)
    {
      AtlasChartMark *mark = &g_array_index (chart->marks, AtlasChartMark, m);
      AtlasChartPoint *point = atlas_chart_series_peek_point (chart->series, mark->point);
      g_autofree char *value = _atlas_chart_value_text (chart, mark->point);
      g_autofree char *share = atlas_format_value (total > 0 ? 100 * chart->values[mark->point] / total : 0,
                                                   ATLAS_UNIT_PERCENT, ATLAS_QUALIFIER_NONE);
      g_autofree char *line = g_strdup_printf ("%s · %s", value, share);
      GdkRGBA color;
      double x = chart->plot.origin.x;

      _atlas_chart_mark_paint (chart, mark->point, (int) m == hover, &color);
      gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x, y + 3 * s, sw, sw));
      _atlas_chart_draw_text (chart, snapshot, context, atlas_chart_point_get_label (point), ATLAS_CHART_BASE_FONT_PX,
                              (int) m == hover, x + sw + 8 * s, y, 0, chart->plot.size.width - sw - 8 * s, &p->text);
      if (row_h >= 2 * base_h)
        _atlas_chart_draw_text (chart, snapshot, context, line, ATLAS_CHART_SMALL_FONT_PX, TRUE, x + sw + 8 * s,
                                y + base_h, 0, chart->plot.size.width - sw - 8 * s, &p->text_dim);
    }
}

static double
normalize_angle (double a)
{
  while (a < -G_PI / 2)
    a += 2 * G_PI;
  while (a >= 3 * G_PI / 2)
    a -= 2 * G_PI;
  return a;
}

/* A slice of the ring, or a row of the legend beside it. */
static int
atlas_donut_layer_hit_test (AtlasChartLayer *layer,
                            AtlasChart      *chart,
                            double           x,
                            double           y)
{
  AtlasDonutLayer *self = ATLAS_DONUT_LAYER (layer);
  double dx = x - self->cx, dy = y - self->cy, d = hypot (dx, dy);

  if (d >= self->inner && d <= self->r + 4)
    {
      double a = normalize_angle (atan2 (dy, dx));

      for (guint m = 0; m < chart->marks->len; m++)
        {
          AtlasChartMark *mark = &g_array_index (chart->marks, AtlasChartMark, m);

          if (a >= mark->a0 && a < mark->a1)
            return m;
        }
    }
  return ATLAS_CHART_LAYER_CLASS (atlas_donut_layer_parent_class)->hit_test (layer, chart, x, y);
}

static int
atlas_donut_layer_get_natural_height (AtlasChartLayer *layer,
                                      AtlasChart      *chart,
                                      PangoContext    *context,
                                      int              width)
{
  return (int) (MAX (220, chart->n_points * 40) * atlas_chart_get_scale (chart));
}

static void
atlas_donut_layer_class_init (AtlasDonutLayerClass *klass)
{
  AtlasChartLayerClass *layer_class = ATLAS_CHART_LAYER_CLASS (klass);

  layer_class->layout = atlas_donut_layer_layout;
  layer_class->snapshot = atlas_donut_layer_snapshot;
  layer_class->hit_test = atlas_donut_layer_hit_test;
  layer_class->get_natural_height = atlas_donut_layer_get_natural_height;
  layer_class->shows_layer_legend = FALSE;
  layer_class->colors_points = TRUE;
}

static void
atlas_donut_layer_init (AtlasDonutLayer *self)
{
}

AtlasChartLayer *
atlas_donut_layer_new (void)
{
  return g_object_new (ATLAS_TYPE_DONUT_LAYER, NULL);
}
