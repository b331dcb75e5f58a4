/* atlas-number-layer.c
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
#include "atlas-number-layer.h"

/* Headline figures: one tile per point with the number large, its period
 * beside it ("160,700 people · 2021"), what it counts and where.  Tiles are
 * as wide as the widest number needs and as tall as their text: columns
 * are dropped before a number is made small, and nothing is cut.
 */

struct _AtlasNumberLayer
{
  AtlasChartLayer parent_instance;
};

G_DEFINE_FINAL_TYPE (AtlasNumberLayer, atlas_number_layer, ATLAS_TYPE_CHART_LAYER)

#define PERIOD_FONT_PX 16.0

/* The laid-out text of one tile at a width. */
typedef struct
{
  PangoLayout *badge;
  PangoLayout *value;
  PangoLayout *period;
  PangoLayout *label;
  PangoLayout *scope;
  gboolean     period_beside;  /* on the number's line */
  double       height;
} Tile;

static void
tile_clear (Tile *tile)
{
  g_clear_object (&tile->badge);
  g_clear_object (&tile->value);
  g_clear_object (&tile->period);
  g_clear_object (&tile->label);
  g_clear_object (&tile->scope);
}

static double
padding (AtlasChart *chart)
{
  return 12 * atlas_chart_get_scale (chart);
}

static double
gap (AtlasChart *chart)
{
  return 10 * atlas_chart_get_scale (chart);
}

static double
height_of (PangoLayout *layout)
{
  double h = 0;

  if (layout != NULL)
    _atlas_chart_layout_size (layout, NULL, &h);
  return h;
}

static double
width_of (PangoLayout *layout)
{
  double w = 0;

  if (layout != NULL)
    _atlas_chart_layout_size (layout, &w, NULL);
  return w;
}

static void
tile_layout (AtlasChart   *chart,
             PangoContext *context,
             guint         point,
             double        width,
             Tile         *tile)
{
  AtlasChartPoint *p = atlas_chart_series_peek_point (chart->series, point);
  g_autofree char *value = atlas_chart_point_dup_value_text (p);
  const char *period = atlas_chart_point_get_period (p);
  const char *scope = atlas_chart_point_get_scope (p);
  double s = atlas_chart_get_scale (chart), pad = padding (chart), inner = MAX (10, width - 2 * pad);

  tile->height = 2 * pad;
  if (atlas_chart_point_get_is_target (p))
    {
      /* A "Target" badge: the figure is a plan, not a result. */
      tile->badge = _atlas_chart_make_layout (chart, context, _("Target"), ATLAS_CHART_SMALL_FONT_PX, TRUE, -1, 1);
      tile->height += height_of (tile->badge) + 4 * s;
    }

  tile->value = _atlas_chart_fit_layout (chart, context, value, ATLAS_CHART_CARD_FONT_PX, TRUE, inner, 0.55);
  tile->height += height_of (tile->value);
  if (period != NULL && period[0] != '\0')
    {
      g_autofree char *text = g_strdup_printf ("· %s", period);

      tile->period = _atlas_chart_make_layout (chart, context, text, PERIOD_FONT_PX, FALSE, -1, 1);
      tile->period_beside = width_of (tile->value) + 6 * s + width_of (tile->period) <= inner;
      if (!tile->period_beside)
        {
          g_object_unref (tile->period);
          tile->period = _atlas_chart_make_layout (chart, context, period, ATLAS_CHART_SMALL_FONT_PX, FALSE, inner, 1);
          tile->height += height_of (tile->period);
        }
    }
  tile->height += 4 * s;

  tile->label = _atlas_chart_make_layout (chart, context, atlas_chart_point_get_label (p),
                                          ATLAS_CHART_BASE_FONT_PX, FALSE, inner, 3);
  tile->height += height_of (tile->label);
  if (scope != NULL && scope[0] != '\0')
    {
      tile->scope = _atlas_chart_make_layout (chart, context, scope, ATLAS_CHART_SMALL_FONT_PX, FALSE, inner, 2);
      tile->height += 2 * s + height_of (tile->scope);
    }
}

/* The width tile @point would like: its number and period on one line, a
 * label that need not wrap much, and at least 150 px.
 */
static double
preferred_width (AtlasChart   *chart,
                 PangoContext *context,
                 guint         point)
{
  AtlasChartPoint *p = atlas_chart_series_peek_point (chart->series, point);
  g_autofree char *value = atlas_chart_point_dup_value_text (p);
  const char *period = atlas_chart_point_get_period (p);
  double s = atlas_chart_get_scale (chart);
  g_autoptr(PangoLayout) number = _atlas_chart_make_layout (chart, context, value, ATLAS_CHART_CARD_FONT_PX, TRUE, -1, 1);
  g_autoptr(PangoLayout) label = _atlas_chart_make_layout (chart, context, atlas_chart_point_get_label (p),
                                                           ATLAS_CHART_BASE_FONT_PX, FALSE, -1, 1);
  double line = width_of (number);

  if (period != NULL && period[0] != '\0')
    {
      g_autofree char *text = g_strdup_printf ("· %s", period);
      g_autoptr(PangoLayout) beside = _atlas_chart_make_layout (chart, context, text, PERIOD_FONT_PX, FALSE, -1, 1);

      line += 6 * s + width_of (beside);
    }
  return MAX (MAX (line, MIN (width_of (label), 240 * s)), 150 * s) + 2 * padding (chart);
}

/* Flows the tiles into rows at their preferred widths, stretches each row
 * to @width, and makes each row as tall as its tallest tile.  Adds marks
 * when @marks; returns the height of them all.
 */
static double
arrange (AtlasChart   *chart,
         PangoContext *context,
         int           width,
         gboolean      marks)
{
  double g = gap (chart), y = 0;
  g_autofree double *widths = g_new0 (double, MAX (1, chart->n_points));
  guint first = 0;

  for (guint i = 0; i < chart->n_points; i++)
    widths[i] = MIN (preferred_width (chart, context, i), width);

  while (first < chart->n_points)
    {
      guint end = first + 1;
      double used = widths[first], extra, x = 0, row_h = 0;

      while (end < chart->n_points && used + g + widths[end] <= width)
        used += g + widths[end++];
      extra = (width - used) / (end - first);

      for (guint i = first; i < end; i++)
        {
          Tile tile = { 0 };

          widths[i] += extra;
          tile_layout (chart, context, i, widths[i], &tile);
          row_h = MAX (row_h, tile.height);
          tile_clear (&tile);
        }
      for (guint i = first; i < end; i++)
        {
          if (marks)
            _atlas_chart_add_mark (chart, x, y, widths[i], row_h, i);
          x += widths[i] + g;
        }
      y += row_h + g;
      first = end;
    }
  return MAX (0, y - g);
}

static void
atlas_number_layer_layout (AtlasChartLayer *layer,
                           AtlasChart      *chart,
                           PangoContext    *context)
{
  arrange (chart, context, chart->width, TRUE);
}

static void
atlas_number_layer_snapshot (AtlasChartLayer *layer,
                             AtlasChart      *chart,
                             GtkSnapshot     *snapshot,
                             PangoContext    *context,
                             int              hover)
{
  const AtlasPalette *p = chart->palette;
  double s = atlas_chart_get_scale (chart), pad = padding (chart);

  for (guint m = 0; m < chart->marks->len; m++)
    {
      AtlasChartMark *mark = &g_array_index (chart->marks, AtlasChartMark, m);
      const graphene_rect_t *r = &mark->rect;
      gboolean target = _atlas_chart_point_is_target (chart, mark->point);
      double x = r->origin.x + pad, y = r->origin.y + pad;
      Tile tile = { 0 };
      GskRoundedRect rounded;
      GdkRGBA bg = p->shade;

      tile_layout (chart, context, mark->point, r->size.width, &tile);
      if ((int) m == hover)
        atlas_style_composite (&p->accent_tint, &p->shade, &bg);
      gsk_rounded_rect_init_from_rect (&rounded, r, 10 * s);
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, &bg, r);
      gtk_snapshot_pop (snapshot);

      if (tile.badge != NULL)
        {
          double bw = width_of (tile.badge), bh = height_of (tile.badge);
          GskRoundedRect pill;

          gsk_rounded_rect_init_from_rect (&pill, &GRAPHENE_RECT_INIT (x, y, bw + 12 * s, bh + 2 * s), (bh + 2 * s) / 2);
          gtk_snapshot_push_rounded_clip (snapshot, &pill);
          gtk_snapshot_append_color (snapshot, &p->badge, &pill.bounds);
          gtk_snapshot_pop (snapshot);
          _atlas_chart_draw_layout (snapshot, tile.badge, x + 6 * s, y + s, &p->badge_text);
          y += bh + 4 * s;
        }

      /* A plan's number is not as dark as a result's, still legible. */
      _atlas_chart_draw_layout (snapshot, tile.value, x, y, target ? &p->text_dim : &p->text);
      if (tile.period != NULL && tile.period_beside)
        {
          double shift = (pango_layout_get_baseline (tile.value) - pango_layout_get_baseline (tile.period)) / (double) PANGO_SCALE;

          _atlas_chart_draw_layout (snapshot, tile.period, x + width_of (tile.value) + 6 * s, y + shift, &p->text_dim);
        }
      y += height_of (tile.value);
      if (tile.period != NULL && !tile.period_beside)
        {
          _atlas_chart_draw_layout (snapshot, tile.period, x, y, &p->text_dim);
          y += height_of (tile.period);
        }
      y += 4 * s;

      _atlas_chart_draw_layout (snapshot, tile.label, x, y, &p->text);
      y += height_of (tile.label) + 2 * s;
      if (tile.scope != NULL)
        _atlas_chart_draw_layout (snapshot, tile.scope, x, y, &p->text_dim);
      tile_clear (&tile);
    }
}

static int
atlas_number_layer_get_natural_height (AtlasChartLayer *layer,
                                       AtlasChart      *chart,
                                       PangoContext    *context,
                                       int              width)
{
  return (int) ceil (arrange (chart, context, width, FALSE));
}

static void
atlas_number_layer_class_init (AtlasNumberLayerClass *klass)
{
  AtlasChartLayerClass *layer_class = ATLAS_CHART_LAYER_CLASS (klass);

  layer_class->layout = atlas_number_layer_layout;
  layer_class->snapshot = atlas_number_layer_snapshot;
  layer_class->get_natural_height = atlas_number_layer_get_natural_height;
  layer_class->shows_layer_legend = FALSE;
}

static void
atlas_number_layer_init (AtlasNumberLayer *self)
{
}

AtlasChartLayer *
atlas_number_layer_new (void)
{
  return g_object_new (ATLAS_TYPE_NUMBER_LAYER, NULL);
}
