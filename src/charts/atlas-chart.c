/* atlas-chart.c
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
#include <pango/pangocairo.h>

#include "atlas-chart.h"
#include "atlas-format.h"
#include "atlas-nice-ticks.h"
#include "atlas-style.h"

/* The painter behind every chart: it lays a series out for a size (axes with
 * nice ticks, bars, a line, donut slices or headline cards), draws it into a
 * GtkSnapshot and answers which mark lies under a point.  The on-screen
 * canvas, the exports and the headless --render all use it, so what is
 * printed is what was on screen.
 *
 * Layout is cached per size: hovering or moving the focus only redraws.
 * When there are more points than pixels the bars and the line are
 * aggregated per pixel column (the tallest bar, the line's minimum and
 * maximum), so a frame costs the same at 100,000 points as at 1,000.
 */

#define BASE_FONT_PX   13.0
#define SMALL_FONT_PX  12.0
#define TITLE_FONT_PX  17.0
#define CARD_FONT_PX   30.0

typedef struct
{
  graphene_rect_t rect;   /* hit area and focus ring */
  guint           point;  /* the point it stands for */
  double          a0, a1; /* donut slices: angles */
} Mark;

struct _AtlasChart
{
  GObject           parent_instance;

  AtlasChartKind    kind;
  AtlasChartSeries *series;
  AtlasStyleVariant variant;
  const AtlasPalette *palette;
  gboolean          presenting;

  /* Plain copies of the series for drawing. */
  guint             n_points;
  double           *values;
  guint            *xs;
  guint            *layers;
  double            max_value;

  /* The layout for width x height. */
  gboolean          layout_valid;
  int               width;
  int               height;
  graphene_rect_t   plot;
  AtlasNiceTicks    ticks;
  guint             decimals;
  GArray           *marks;
  double            donut_cx, donut_cy, donut_r, donut_inner;
};

G_DEFINE_FINAL_TYPE (AtlasChart, atlas_chart, G_TYPE_OBJECT)


static void
atlas_chart_dispose (GObject *object)
{
  AtlasChart *self = ATLAS_CHART (object);

  g_clear_object (&self->series);
  G_OBJECT_CLASS (atlas_chart_parent_class)->dispose (object);
}

static void
atlas_chart_finalize (GObject *object)
{
  AtlasChart *self = ATLAS_CHART (object);

  g_free (self->values);
  g_free (self->xs);
  g_free (self->layers);
  g_array_unref (self->marks);
  G_OBJECT_CLASS (atlas_chart_parent_class)->finalize (object);
}

static void
atlas_chart_class_init (AtlasChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_chart_dispose;
  object_class->finalize = atlas_chart_finalize;
}

static void
atlas_chart_init (AtlasChart *self)
{
  self->palette = atlas_style_get_palette (ATLAS_STYLE_LIGHT);
  self->marks = g_array_new (FALSE, TRUE, sizeof (Mark));
}

AtlasChart *
atlas_chart_new (AtlasChartKind    kind,
                 AtlasChartSeries *series)
{
  AtlasChart *self = g_object_new (ATLAS_TYPE_CHART, NULL);

  self->kind = kind;
  atlas_chart_set_series (self, series);
  return self;
}

AtlasChartKind
atlas_chart_get_kind (AtlasChart *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART (self), ATLAS_CHART_KIND_HBAR);
  return self->kind;
}

AtlasChartSeries *
atlas_chart_get_series (AtlasChart *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART (self), NULL);
  return self->series;
}

void
atlas_chart_set_series (AtlasChart       *self,
                        AtlasChartSeries *series)
{
  g_autofree double *stacks = NULL;
  guint n_categories;

  g_return_if_fail (ATLAS_IS_CHART (self));
  g_return_if_fail (series == NULL || ATLAS_IS_CHART_SERIES (series));

  g_set_object (&self->series, series);
  g_clear_pointer (&self->values, g_free);
  g_clear_pointer (&self->xs, g_free);
  g_clear_pointer (&self->layers, g_free);
  self->n_points = series ? g_list_model_get_n_items (G_LIST_MODEL (series)) : 0;
  self->values = g_new0 (double, self->n_points);
  self->xs = g_new0 (guint, self->n_points);
  self->layers = g_new0 (guint, self->n_points);
  self->max_value = 0;
  self->layout_valid = FALSE;

  n_categories = series ? atlas_chart_series_get_n_categories (series) : 0;
  stacks = g_new0 (double, MAX (1, n_categories));

  for (guint i = 0; i < self->n_points; i++)
    {
      AtlasChartPoint *point = atlas_chart_series_peek_point (series, i);

      self->values[i] = MAX (0, atlas_chart_point_get_value (point));
      self->xs[i] = atlas_chart_point_get_x (point);
      self->layers[i] = atlas_chart_point_get_layer (point);
      if (self->kind == ATLAS_CHART_KIND_STACKED && self->xs[i] < n_categories)
        {
          stacks[self->xs[i]] += self->values[i];
          self->max_value = MAX (self->max_value, stacks[self->xs[i]]);
        }
      else
        self->max_value = MAX (self->max_value, self->values[i]);
    }
}

/* The style to draw in; views follow the style manager and pass it on. */
void
atlas_chart_set_variant (AtlasChart        *self,
                         AtlasStyleVariant  variant)
{
  g_return_if_fail (ATLAS_IS_CHART (self));
  g_return_if_fail (variant < ATLAS_N_STYLES);

  self->variant = variant;
  self->palette = atlas_style_get_palette (variant);
}

AtlasStyleVariant
atlas_chart_get_variant (AtlasChart *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART (self), ATLAS_STYLE_LIGHT);
  return self->variant;
}

void
atlas_chart_set_presenting (AtlasChart *self,
                            gboolean    presenting)
{
  g_return_if_fail (ATLAS_IS_CHART (self));
  if (self->presenting != !!presenting)
    self->layout_valid = FALSE;
  self->presenting = !!presenting;
}

/* Type and line widths grow when presenting to a room. */
double
atlas_chart_get_scale (AtlasChart *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART (self), 1);
  return self->presenting ? ATLAS_PRESENTATION_SCALE : 1;
}

static void
accent (AtlasChart *self,
        guint       index,
        GdkRGBA    *color)
{
  *color = self->palette->series[index % ATLAS_N_SERIES_COLORS];
}

void
atlas_chart_get_layer_color (AtlasChart *self,
                             guint       layer,
                             GdkRGBA    *color)
{
  g_return_if_fail (ATLAS_IS_CHART (self));

  if (self->series != NULL &&
      atlas_chart_series_get_palette (self->series) == ATLAS_CHART_PALETTE_EVENT_KIND &&
      atlas_chart_series_get_layer_kind (self->series, layer) >= 0)
    atlas_style_get_event_kind_color (atlas_chart_series_get_layer_kind (self->series, layer),
                                      self->variant, color);
  else
    accent (self, layer, color);
}

/* The colour of point @point, before muting and hover. */
void
atlas_chart_get_mark_color (AtlasChart *self,
                            guint       point,
                            GdkRGBA    *color)
{
  AtlasChartPalette palette;
  AtlasChartPoint *p;

  g_return_if_fail (ATLAS_IS_CHART (self));
  g_return_if_fail (point < self->n_points);

  p = atlas_chart_series_peek_point (self->series, point);
  palette = atlas_chart_series_get_palette (self->series);

  if (palette == ATLAS_CHART_PALETTE_CATEGORY &&
      atlas_chart_point_get_link (p) == ATLAS_CHART_LINK_CATEGORY)
    atlas_style_get_category_color (atlas_chart_point_get_link_value (p), self->variant, color);
  else if (palette == ATLAS_CHART_PALETTE_SLICES || self->kind == ATLAS_CHART_KIND_DONUT)
    accent (self, point, color);
  else
    atlas_chart_get_layer_color (self, self->layers[point], color);
}

/* --- Text ----------------------------------------------------------------- */

PangoContext *
atlas_chart_create_headless_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  PangoFontDescription *font = pango_font_description_from_string ("Cantarell, Noto Sans, DejaVu Sans, Noto Sans CJK SC, Sans 11");

  pango_context_set_font_description (context, font);
  pango_font_description_free (font);
  return context;
}

static PangoLayout *
make_layout (AtlasChart   *self,
             PangoContext *context,
             const char   *text,
             double        px,
             gboolean      bold,
             double        max_width,
             int           max_lines)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_copy (pango_context_get_font_description (context));

  pango_font_description_set_absolute_size (font, px * atlas_chart_get_scale (self) * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_text (layout, text ? text : "", -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_height (layout, max_lines > 1 ? -max_lines : -1);
    }
  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (width)
    *width = w;
  if (height)
    *height = h;
}

static void
draw_layout (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             double         x,
             double         y,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (roundf (x), roundf (y)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* Draws @text with its left edge (@align 0), centre (0.5) or right edge (1)
 * at @x and its top at @y.  Returns the width drawn.
 */
static double
draw_text (AtlasChart    *self,
           GtkSnapshot   *snapshot,
           PangoContext  *context,
           const char    *text,
           double         px,
           gboolean       bold,
           double         x,
           double         y,
           double         align,
           double         max_width,
           const GdkRGBA *color)
{
  g_autoptr(PangoLayout) layout = make_layout (self, context, text, px, bold, max_width, 1);
  double w;

  layout_size (layout, &w, NULL);
  draw_layout (snapshot, layout, x - align * w, y, color);
  return w;
}

static char *
tick_text (AtlasChart *self,
           double      value)
{
  AtlasUnit unit = self->series ? atlas_chart_series_get_unit (self->series) : ATLAS_UNIT_COUNT;

  if (unit == ATLAS_UNIT_PERCENT)
    return atlas_format_value (value, unit, ATLAS_QUALIFIER_NONE);
  if (fabs (value) < 1e4)
    return atlas_format_number (value, self->decimals);
  return atlas_format_compact (value);
}

/* "40 (target)" -- plans must never read as achievements. */
static char *
value_text (AtlasChart *self,
            guint       point)
{
  AtlasChartPoint *p = atlas_chart_series_peek_point (self->series, point);
  g_autofree char *value = atlas_chart_point_dup_value_text (p);

  if (atlas_chart_point_get_is_target (p))
    /* Translators: a planned figure on a chart, "40 (target)". */
    return g_strdup_printf (_("%s (target)"), value);
  return g_steal_pointer (&value);
}

/* --- Layout --------------------------------------------------------------- */

static void
add_mark (AtlasChart *self,
          double      x,
          double      y,
          double      w,
          double      h,
          guint       point)
{
  Mark mark = { GRAPHENE_RECT_INIT (x, y, w, h), point, 0, 0 };

  g_array_append_val (self->marks, mark);
}

static double
line_height (AtlasChart   *self,
             PangoContext *context,
             double        px)
{
  g_autoptr(PangoLayout) layout = make_layout (self, context, "Ag国", px, FALSE, -1, 1);
  double h;

  layout_size (layout, NULL, &h);
  return h;
}

static void
layout_hbar (AtlasChart   *self,
             PangoContext *context)
{
  double s = atlas_chart_get_scale (self), label_w = 0, value_w, row_h, text_h;
  guint n_rows = atlas_chart_series_get_n_categories (self->series), bucket;
  graphene_rect_t *plot = &self->plot;

  text_h = line_height (self, context, BASE_FONT_PX);

  /* Label column: as wide as the longest label, at most 40% of the chart. */
  for (guint i = 0; i < n_rows && i < 200; i++)
    {
      g_autoptr(PangoLayout) layout = make_layout (self, context,
                                                   atlas_chart_series_get_category (self->series, i),
                                                   BASE_FONT_PX, FALSE, -1, 1);
      double w;

      layout_size (layout, &w, NULL);
      label_w = MAX (label_w, w);
    }
  label_w = MIN (label_w + 8 * s, self->width * 0.4);

  {
    g_autofree char *widest = NULL;
    g_autoptr(PangoLayout) layout = NULL;

    for (guint i = 0; i < self->n_points && i < 200; i++)
      {
        g_autofree char *text = value_text (self, i);

        if (widest == NULL || strlen (text) > strlen (widest))
          {
            g_free (widest);
            widest = g_steal_pointer (&text);
          }
      }
    layout = make_layout (self, context, widest ? widest : "0", SMALL_FONT_PX, FALSE, -1, 1);
    layout_size (layout, &value_w, NULL);
  }

  plot->origin.x = label_w;
  plot->origin.y = 4 * s;
  plot->size.width = MAX (10, self->width - label_w - value_w - 12 * s);
  plot->size.height = MAX (10, self->height - plot->origin.y - text_h - 8 * s);

  atlas_nice_ticks (0, self->max_value, MAX (2, (guint) (plot->size.width / (90 * s))), &self->ticks);

  /* One row per pixel at most: beyond that, the longest bar of each run. */
  bucket = MAX (1, (guint) ceil (n_rows / MAX (1.0, plot->size.height)));
  row_h = plot->size.height / MAX (1, (n_rows + bucket - 1) / bucket);
  if (row_h > 40 * s)
    {
      row_h = 40 * s;
    }

  for (guint i = 0; i < self->n_points; i += bucket)
    {
      guint best = i;
      double w;

      for (guint j = i + 1; j < MIN (self->n_points, i + bucket); j++)
        if (self->values[j] > self->values[best])
          best = j;
      w = self->values[best] / atlas_nice_ticks_last (&self->ticks) * plot->size.width;
      add_mark (self, plot->origin.x, plot->origin.y + (i / bucket) * row_h + row_h * 0.15,
                MAX (w, 1), MAX (1, row_h * 0.7), best);
    }
  plot->size.height = MIN (plot->size.height, row_h * ((n_rows + bucket - 1) / bucket));
}

static void
layout_columns (AtlasChart   *self,
                PangoContext *context)
{
  double s = atlas_chart_get_scale (self), text_h, tick_w = 0, col_w, top;
  guint n_x = atlas_chart_series_get_n_categories (self->series);
  guint n_layers = atlas_chart_series_get_n_layers (self->series);
  gboolean line = self->kind == ATLAS_CHART_KIND_LINE;
  graphene_rect_t *plot = &self->plot;
  g_autofree double *stacks = NULL;
  guint bucket;

  text_h = line_height (self, context, SMALL_FONT_PX);
  top = text_h + 6 * s; /* room for value labels above the tallest column */

  atlas_nice_ticks (0, self->max_value, MAX (2, (guint) ((self->height - 2 * text_h) / (50 * s))),
                    &self->ticks);
  self->decimals = atlas_nice_ticks_decimals (&self->ticks);
  for (guint i = 0; i < self->ticks.n_ticks; i++)
    {
      g_autofree char *text = tick_text (self, self->ticks.first + i * self->ticks.step);
      g_autoptr(PangoLayout) layout = make_layout (self, context, text, SMALL_FONT_PX, FALSE, -1, 1);
      double w;

      layout_size (layout, &w, NULL);
      tick_w = MAX (tick_w, w);
    }

  plot->origin.x = tick_w + 8 * s;
  plot->origin.y = top;
  plot->size.width = MAX (10, self->width - plot->origin.x - 8 * s);
  plot->size.height = MAX (10, self->height - top - 2 * text_h - 10 * s);

  if (n_x == 0)
    return;

  /* More columns than pixels: keep the tallest of each run of columns. */
  bucket = (n_layers == 1) ? MAX (1, (guint) ceil (n_x / plot->size.width)) : 1;
  col_w = plot->size.width / ((n_x + bucket - 1) / bucket);
  stacks = g_new0 (double, n_x);

  for (guint i = 0; i < self->n_points; i += bucket)
    {
      guint best = i, x;
      double v, y0, h, left, w;

      for (guint j = i + 1; j < MIN (self->n_points, i + bucket); j++)
        if (self->values[j] > self->values[best])
          best = j;
      x = self->xs[best] / bucket;
      v = self->values[best];
      h = v / atlas_nice_ticks_last (&self->ticks) * plot->size.height;
      y0 = plot->origin.y + plot->size.height;

      if (line)
        {
          double r = 5 * s;
          double cx = plot->origin.x + (x + 0.5) * col_w;

          add_mark (self, cx - MAX (r, col_w / 2), y0 - h - r, MAX (2 * r, col_w), 2 * r, best);
          continue;
        }

      if (self->kind == ATLAS_CHART_KIND_GROUPED && n_layers > 1)
        {
          double group_w = col_w * 0.8;

          w = group_w / n_layers;
          left = plot->origin.x + x * col_w + col_w * 0.1 + self->layers[best] * w;
          w = MAX (1, w - 2 * s);
        }
      else
        {
          w = bucket > 1 || col_w < 4 ? MAX (1, col_w) : col_w * 0.7;
          left = plot->origin.x + x * col_w + (col_w - w) / 2;
        }

      if (self->kind == ATLAS_CHART_KIND_STACKED && self->xs[best] < n_x)
        {
          double below = stacks[self->xs[best]] / atlas_nice_ticks_last (&self->ticks) * plot->size.height;

          stacks[self->xs[best]] += v;
          y0 -= below;
        }
      add_mark (self, left, y0 - h, w, MAX (h, v > 0 ? 1 : 0), best);
    }
}

static void
layout_donut (AtlasChart   *self,
              PangoContext *context)
{
  double total = 0, angle = -G_PI / 2;
  double size = MIN (self->height, self->width * 0.5);

  self->donut_r = size / 2 - 4 * atlas_chart_get_scale (self);
  self->donut_inner = self->donut_r * 0.58;
  self->donut_cx = size / 2;
  self->donut_cy = self->height / 2.0;
  self->plot = GRAPHENE_RECT_INIT (size + 12, 0, MAX (10, self->width - size - 12), self->height);

  for (guint i = 0; i < self->n_points; i++)
    total += self->values[i];

  for (guint i = 0; i < self->n_points && total > 0; i++)
    {
      Mark mark = { GRAPHENE_RECT_INIT (0, 0, 0, 0), i, angle, angle + self->values[i] / total * 2 * G_PI };
      double mid = (mark.a0 + mark.a1) / 2, rm = (self->donut_r + self->donut_inner) / 2;
      double half = (self->donut_r - self->donut_inner) / 2;

      mark.rect = GRAPHENE_RECT_INIT (self->donut_cx + cos (mid) * rm - half, self->donut_cy + sin (mid) * rm - half,
                                      2 * half, 2 * half);
      g_array_append_val (self->marks, mark);
      angle = mark.a1;
    }
}

static void
layout_cards (AtlasChart   *self,
              PangoContext *context)
{
  double s = atlas_chart_get_scale (self);
  guint cols = MAX (1, MIN (self->n_points, (guint) (self->width / (180 * s))));
  guint rows = (self->n_points + cols - 1) / MAX (1, cols);
  double gap = 10 * s, w, h;

  if (self->n_points == 0)
    return;
  w = (self->width - gap * (cols - 1)) / cols;
  h = (self->height - gap * (rows - 1)) / MAX (1, rows);
  for (guint i = 0; i < self->n_points; i++)
    add_mark (self, (i % cols) * (w + gap), (i / cols) * (h + gap), w, h, i);
}

static void
ensure_layout (AtlasChart   *self,
               PangoContext *context,
               int           width,
               int           height)
{
  if (self->layout_valid && self->width == width && self->height == height)
    return;

  self->width = width;
  self->height = height;
  self->layout_valid = TRUE;
  self->decimals = 0;
  g_array_set_size (self->marks, 0);
  self->plot = GRAPHENE_RECT_INIT (0, 0, width, height);

  if (self->series == NULL || width < 20 || height < 20)
    return;

  switch (self->kind)
    {
    case ATLAS_CHART_KIND_HBAR:
      layout_hbar (self, context);
      break;
    case ATLAS_CHART_KIND_DONUT:
      layout_donut (self, context);
      break;
    case ATLAS_CHART_KIND_CARDS:
      layout_cards (self, context);
      break;
    case ATLAS_CHART_KIND_VBAR:
    case ATLAS_CHART_KIND_STACKED:
    case ATLAS_CHART_KIND_GROUPED:
    case ATLAS_CHART_KIND_LINE:
    default:
      layout_columns (self, context);
      break;
    }
  self->decimals = MAX (self->decimals, atlas_nice_ticks_decimals (&self->ticks));
}

/* --- Drawing -------------------------------------------------------------- */

static void
mark_paint (AtlasChart *self,
            guint       point,
            gboolean    hovered,
            GdkRGBA    *color)
{
  AtlasChartPoint *p = atlas_chart_series_peek_point (self->series, point);

  atlas_chart_get_mark_color (self, point, color);
  if (atlas_chart_point_get_muted (p))
    color->alpha *= 0.3;
  if (hovered)
    {
      /* Lighter on dark, darker on light. */
      double k = atlas_style_variant_is_dark (self->variant) ? 0.3 : -0.25;

      color->red = CLAMP (color->red + k * (k > 0 ? 1 - color->red : color->red), 0, 1);
      color->green = CLAMP (color->green + k * (k > 0 ? 1 - color->green : color->green), 0, 1);
      color->blue = CLAMP (color->blue + k * (k > 0 ? 1 - color->blue : color->blue), 0, 1);
    }
}

/* A bar; targets are hollow with a tinted fill so they never read as
 * achievements.
 */
static void
draw_bar (AtlasChart            *self,
          GtkSnapshot           *snapshot,
          const graphene_rect_t *rect,
          guint                  point,
          gboolean               hovered)
{
  GdkRGBA color;

  mark_paint (self, point, hovered, &color);
  if (atlas_chart_point_get_is_target (atlas_chart_series_peek_point (self->series, point)))
    {
      GdkRGBA fill = color;
      GskRoundedRect outline;
      float w = 2 * atlas_chart_get_scale (self);

      fill.alpha *= 0.25;
      gtk_snapshot_append_color (snapshot, &fill, rect);
      gsk_rounded_rect_init_from_rect (&outline, rect, 0);
      gtk_snapshot_append_border (snapshot, &outline, (float[4]) { w, w, w, w },
                                  (GdkRGBA[4]) { color, color, color, color });
    }
  else
    gtk_snapshot_append_color (snapshot, &color, rect);
}

static void
draw_focus_ring (AtlasChart            *self,
                 GtkSnapshot           *snapshot,
                 const graphene_rect_t *rect)
{
  GdkRGBA ring = self->palette->accent;
  GskRoundedRect outline;
  graphene_rect_t r = *rect;
  float w = 3 * atlas_chart_get_scale (self);

  graphene_rect_inset (&r, -4, -4);
  gsk_rounded_rect_init_from_rect (&outline, &r, 4);
  gtk_snapshot_append_border (snapshot, &outline, (float[4]) { w, w, w, w },
                              (GdkRGBA[4]) { ring, ring, ring, ring });
}

static void
draw_value_grid (AtlasChart   *self,
                 GtkSnapshot  *snapshot,
                 PangoContext *context,
                 gboolean      horizontal_values)
{
  const graphene_rect_t *plot = &self->plot;
  double last = atlas_nice_ticks_last (&self->ticks);
  double s = atlas_chart_get_scale (self);
  GdkRGBA grid = self->palette->grid, text = self->palette->text_dim;

  for (guint i = 0; i < self->ticks.n_ticks; i++)
    {
      double value = self->ticks.first + i * self->ticks.step;
      g_autofree char *label = tick_text (self, value);
      double f = value / last;

      if (horizontal_values)
        {
          double x = plot->origin.x + f * plot->size.width;

          gtk_snapshot_append_color (snapshot, &grid,
                                     &GRAPHENE_RECT_INIT (x, plot->origin.y, 1, plot->size.height));
          draw_text (self, snapshot, context, label, SMALL_FONT_PX, FALSE,
                     x, plot->origin.y + plot->size.height + 4 * s, i == 0 ? 0 : 0.5, -1, &text);
        }
      else
        {
          double y = plot->origin.y + plot->size.height - f * plot->size.height;
          g_autoptr(PangoLayout) layout = make_layout (self, context, label, SMALL_FONT_PX, FALSE, -1, 1);
          double w, h;

          layout_size (layout, &w, &h);
          gtk_snapshot_append_color (snapshot, &grid,
                                     &GRAPHENE_RECT_INIT (plot->origin.x, y, plot->size.width, 1));
          draw_layout (snapshot, layout, plot->origin.x - 6 * s - w, y - h / 2, &text);
        }
    }

  /* The zero line, stronger than the grid: bars start there. */
  grid = self->palette->axis;
  if (horizontal_values)
    gtk_snapshot_append_color (snapshot, &grid,
                               &GRAPHENE_RECT_INIT (plot->origin.x, plot->origin.y, 1.5 * s, plot->size.height));
  else
    gtk_snapshot_append_color (snapshot, &grid,
                               &GRAPHENE_RECT_INIT (plot->origin.x, plot->origin.y + plot->size.height,
                                                    plot->size.width, 1.5 * s));
}

static void
snapshot_hbar (AtlasChart   *self,
               GtkSnapshot  *snapshot,
               PangoContext *context,
               int           hover)
{
  double s = atlas_chart_get_scale (self);
  double text_h = line_height (self, context, BASE_FONT_PX);
  GdkRGBA text = self->palette->text, dim = self->palette->text_dim;

  draw_value_grid (self, snapshot, context, TRUE);

  for (guint m = 0; m < self->marks->len; m++)
    {
      Mark *mark = &g_array_index (self->marks, Mark, m);
      AtlasChartPoint *p = atlas_chart_series_peek_point (self->series, mark->point);
      double cy = mark->rect.origin.y + mark->rect.size.height / 2;

      draw_bar (self, snapshot, &mark->rect, mark->point, (int) m == hover);

      /* Labels only where a row is tall enough to read. */
      if (mark->rect.size.height / 0.7 >= text_h * 0.9)
        {
          g_autofree char *value = value_text (self, mark->point);

          draw_text (self, snapshot, context, atlas_chart_point_get_label (p), BASE_FONT_PX, FALSE,
                     self->plot.origin.x - 8 * s, cy - text_h / 2, 1, self->plot.origin.x - 8 * s,
                     &text);
          draw_text (self, snapshot, context, value, SMALL_FONT_PX, TRUE,
                     mark->rect.origin.x + mark->rect.size.width + 6 * s,
                     cy - text_h / 2 + 1, 0, -1, &dim);
        }
    }
}

typedef struct
{
  double *xs;
  double *ys;
  guint   n;
  double  width;
  GdkRGBA color;
} LineData;

static void
line_data_free (gpointer data)
{
  LineData *line = data;

  g_free (line->xs);
  g_free (line->ys);
  g_free (line);
}

static void
draw_polyline (cairo_t  *cr,
               LineData *line)
{
  cairo_set_line_width (cr, line->width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  gdk_cairo_set_source_rgba (cr, &line->color);
  for (guint i = 0; i < line->n; i++)
    cairo_line_to (cr, line->xs[i], line->ys[i]);
  cairo_stroke (cr);
}

static void
snapshot_columns (AtlasChart   *self,
                  GtkSnapshot  *snapshot,
                  PangoContext *context,
                  int           hover)
{
  double s = atlas_chart_get_scale (self);
  guint n_x = atlas_chart_series_get_n_categories (self->series);
  double col_w, text_h = line_height (self, context, SMALL_FONT_PX), next_free = -G_MAXDOUBLE;
  guint n_layers = atlas_chart_series_get_n_layers (self->series);
  gboolean line = self->kind == ATLAS_CHART_KIND_LINE;
  guint bucket;
  GdkRGBA text = self->palette->text, dim = self->palette->text_dim;

  draw_value_grid (self, snapshot, context, FALSE);
  if (n_x == 0)
    return;

  bucket = n_layers == 1 ? MAX (1, (guint) ceil (n_x / self->plot.size.width)) : 1;
  col_w = self->plot.size.width / ((n_x + bucket - 1) / bucket);

  /* Category labels under the axis, skipped where they would collide: a
   * stride from the first label's width keeps the number of layouts small
   * however many columns there are.
   */
  {
    guint stride = 1;
    double label_max = MAX (col_w * 0.96, 56 * s);
    g_autoptr(PangoLayout) probe = make_layout (self, context, atlas_chart_series_get_category (self->series, n_x - 1),
                                                SMALL_FONT_PX, FALSE, label_max, 2);
    double probe_w;

    layout_size (probe, &probe_w, NULL);
    stride = MAX (1, (guint) ceil ((probe_w + 8 * s) / col_w));

    for (guint c = 0; c * bucket < n_x; c += stride)
      {
        guint x = c * bucket;
        g_autoptr(PangoLayout) layout = make_layout (self, context, atlas_chart_series_get_category (self->series, x),
                                                     SMALL_FONT_PX, FALSE, label_max, 2);
        double w, cx = self->plot.origin.x + (c + 0.5) * col_w;

        layout_size (layout, &w, NULL);
        if (cx - w / 2 < next_free || cx + w / 2 > self->width + 2)
          continue;
        draw_layout (snapshot, layout, cx - w / 2, self->plot.origin.y + self->plot.size.height + 4 * s, &text);
        next_free = cx + w / 2 + 8 * s;
      }
  }

  if (line)
    {
      LineData *data = g_new0 (LineData, 1);
      cairo_t *cr;
      guint k = 0;

      data->n = self->marks->len;
      data->xs = g_new (double, MAX (1, data->n));
      data->ys = g_new (double, MAX (1, data->n));
      data->width = 2.5 * s;
      atlas_chart_get_layer_color (self, 0, &data->color);
      for (guint m = 0; m < self->marks->len; m++, k++)
        {
          Mark *mark = &g_array_index (self->marks, Mark, m);

          data->xs[k] = mark->rect.origin.x + mark->rect.size.width / 2;
          data->ys[k] = mark->rect.origin.y + mark->rect.size.height / 2;
        }
      if (col_w >= 4 * s)
        {
          cr = gtk_snapshot_append_cairo (snapshot, &self->plot);
          draw_polyline (cr, data);
          cairo_destroy (cr);
        }
      else
        {
          /* Denser than the pixels: each column is the envelope between
           * neighbouring points, which is what the stroked line would cover
           * at a fraction of the cost.
           */
          for (guint m = 0; m < data->n; m++)
            {
              double x0 = data->xs[m], y0 = data->ys[m];
              double x1 = m + 1 < data->n ? data->xs[m + 1] : x0 + 1;
              double y1 = m + 1 < data->n ? data->ys[m + 1] : y0;
              double top = MIN (y0, y1) - data->width / 2, bottom = MAX (y0, y1) + data->width / 2;

              gtk_snapshot_append_color (snapshot, &data->color,
                                         &GRAPHENE_RECT_INIT (x0, top, MAX (1, x1 - x0), bottom - top));
            }
        }

      /* Dots where each point can be told apart; values on the dots when few. */
      if (col_w >= 6 * s)
        for (guint m = 0; m < self->marks->len; m++)
          {
            Mark *mark = &g_array_index (self->marks, Mark, m);
            double r = ((int) m == hover ? 6 : 4) * s;
            double cx = data->xs[m], cy = data->ys[m];
            GdkRGBA dot;
            GskRoundedRect circle;

            mark_paint (self, mark->point, (int) m == hover, &dot);
            gsk_rounded_rect_init_from_rect (&circle, &GRAPHENE_RECT_INIT (cx - r, cy - r, 2 * r, 2 * r), r);
            gtk_snapshot_push_rounded_clip (snapshot, &circle);
            gtk_snapshot_append_color (snapshot, &dot, &circle.bounds);
            gtk_snapshot_pop (snapshot);

            if (col_w >= 28 * s && self->values[mark->point] > 0)
              {
                g_autofree char *value = value_text (self, mark->point);

                draw_text (self, snapshot, context, value, SMALL_FONT_PX, TRUE, cx,
                           cy - r - text_h - 2 * s, 0.5, -1, &dim);
              }
          }
      line_data_free (data);
      return;
    }

  if (self->marks->len > 150)
    {
      /* Hundreds of columns: one cairo node with a path per run of equal
       * colour costs far less than a node per column.
       */
      cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &self->plot);
      GdkRGBA current = { 0, 0, 0, -1 };

      for (guint m = 0; m < self->marks->len; m++)
        {
          Mark *mark = &g_array_index (self->marks, Mark, m);
          GdkRGBA color;

          mark_paint (self, mark->point, (int) m == hover, &color);
          if (atlas_chart_point_get_is_target (atlas_chart_series_peek_point (self->series, mark->point)))
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

  for (guint m = 0; m < self->marks->len; m++)
    {
      Mark *mark = &g_array_index (self->marks, Mark, m);

      draw_bar (self, snapshot, &mark->rect, mark->point, (int) m == hover);

      /* Values above single columns when there is room. */
      if (self->kind != ATLAS_CHART_KIND_STACKED && bucket == 1)
        {
          g_autofree char *value = value_text (self, mark->point);
          g_autoptr(PangoLayout) layout = make_layout (self, context, value, SMALL_FONT_PX, TRUE, -1, 1);
          double w;

          layout_size (layout, &w, NULL);
          if (w <= mark->rect.size.width + 14 * s)
            draw_layout (snapshot, layout, mark->rect.origin.x + (mark->rect.size.width - w) / 2,
                         mark->rect.origin.y - text_h - 2 * s, &dim);
        }
    }
}

typedef struct
{
  double  cx, cy, r, inner;
  guint   n;
  double *a0, *a1;
  GdkRGBA *colors;
  int     hover;
} DonutData;

static void
snapshot_donut (AtlasChart   *self,
                GtkSnapshot  *snapshot,
                PangoContext *context,
                int           hover)
{
  double s = atlas_chart_get_scale (self), total = 0, y, row_h, sw = 14 * s;
  gboolean approximate = FALSE;
  g_autofree char *total_text = NULL;
  cairo_t *cr;
  GdkRGBA text = self->palette->text, dim = self->palette->text_dim;


  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, self->width, self->height));
  for (guint m = 0; m < self->marks->len; m++)
    {
      Mark *mark = &g_array_index (self->marks, Mark, m);
      double grow = (int) m == hover ? 4 * s : 0;
      GdkRGBA color;

      mark_paint (self, mark->point, (int) m == hover, &color);
      cairo_new_path (cr);
      cairo_arc (cr, self->donut_cx, self->donut_cy, self->donut_r + grow, mark->a0, mark->a1);
      cairo_arc_negative (cr, self->donut_cx, self->donut_cy, self->donut_inner, mark->a1, mark->a0);
      cairo_close_path (cr);
      if (atlas_chart_point_get_is_target (atlas_chart_series_peek_point (self->series, mark->point)))
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
          /* A thin gap between slices in the background colour. */
          gdk_cairo_set_source_rgba (cr, &self->palette->card);
          cairo_set_line_width (cr, 1.5 * s);
          cairo_stroke (cr);
        }
    }
  cairo_destroy (cr);

  for (guint i = 0; i < self->n_points; i++)
    {
      total += self->values[i];
      /* A total of approximate parts is itself approximate. */
      if (atlas_chart_point_get_qualifier (atlas_chart_series_peek_point (self->series, i)) != ATLAS_QUALIFIER_NONE)
        approximate = TRUE;
    }
  total_text = atlas_format_value (total, atlas_chart_series_get_unit (self->series),
                                   approximate ? ATLAS_QUALIFIER_ABOUT : ATLAS_QUALIFIER_NONE);
  {
    g_autoptr(PangoLayout) big = make_layout (self, context, total_text, 24, TRUE, self->donut_inner * 1.7, 1);
    double w, h;

    layout_size (big, &w, &h);
    draw_layout (snapshot, big, self->donut_cx - w / 2, self->donut_cy - h / 2 - 6 * s, &text);
    draw_text (self, snapshot, context, _("in total"), SMALL_FONT_PX, FALSE, self->donut_cx,
               self->donut_cy + h / 2 - 6 * s, 0.5, self->donut_inner * 1.7, &dim);
  }

  /* The legend beside the ring: swatch, label, value and share. */
  row_h = MIN (self->height / MAX (1.0, self->marks->len), 2.6 * line_height (self, context, BASE_FONT_PX));
  y = (self->height - row_h * self->marks->len) / 2;
  for (guint m = 0; m < self->marks->len; m++, y += row_h)
    {
      Mark *mark = &g_array_index (self->marks, Mark, m);
      AtlasChartPoint *p = atlas_chart_series_peek_point (self->series, mark->point);
      g_autofree char *value = value_text (self, mark->point);
      g_autofree char *share = atlas_format_value (total > 0 ? 100 * self->values[mark->point] / total : 0,
                                                   ATLAS_UNIT_PERCENT, ATLAS_QUALIFIER_NONE);
      g_autofree char *line = g_strdup_printf ("%s · %s", value, share);
      GdkRGBA color;
      double x = self->plot.origin.x;

      mark_paint (self, mark->point, (int) m == hover, &color);
      gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x, y + 3 * s, sw, sw));
      draw_text (self, snapshot, context, atlas_chart_point_get_label (p), BASE_FONT_PX, (int) m == hover,
                 x + sw + 8 * s, y, 0, self->plot.size.width - sw - 8 * s, &text);
      if (row_h >= 2 * line_height (self, context, BASE_FONT_PX))
        draw_text (self, snapshot, context, line, SMALL_FONT_PX, TRUE, x + sw + 8 * s,
                   y + line_height (self, context, BASE_FONT_PX), 0, self->plot.size.width - sw - 8 * s, &dim);
    }
}

static void
snapshot_cards (AtlasChart   *self,
                GtkSnapshot  *snapshot,
                PangoContext *context,
                int           hover)
{
  double s = atlas_chart_get_scale (self);
  GdkRGBA text = self->palette->text, dim = self->palette->text_dim, tile = self->palette->shade;

  for (guint m = 0; m < self->marks->len; m++)
    {
      Mark *mark = &g_array_index (self->marks, Mark, m);
      AtlasChartPoint *p = atlas_chart_series_peek_point (self->series, mark->point);
      g_autofree char *value = atlas_chart_point_dup_value_text (p);
      const graphene_rect_t *r = &mark->rect;
      double pad = 12 * s, y = r->origin.y + pad, w = r->size.width - 2 * pad, h;
      GskRoundedRect rounded;
      GdkRGBA bg = tile;

      if ((int) m == hover)
        atlas_style_composite (&self->palette->accent_tint, &tile, &bg);
      gsk_rounded_rect_init_from_rect (&rounded, r, 10 * s);
      gtk_snapshot_push_rounded_clip (snapshot, &rounded);
      gtk_snapshot_append_color (snapshot, &bg, r);
      gtk_snapshot_pop (snapshot);

      if (atlas_chart_point_get_is_target (p))
        {
          /* A "Target" badge: the figure is a plan, not a result. */
          g_autoptr(PangoLayout) badge = make_layout (self, context, _("Target"), SMALL_FONT_PX, TRUE, -1, 1);
          double bw, bh;
          GskRoundedRect pill;
          GdkRGBA orange = self->palette->badge;

          layout_size (badge, &bw, &bh);
          gsk_rounded_rect_init_from_rect (&pill, &GRAPHENE_RECT_INIT (r->origin.x + r->size.width - pad - bw - 12 * s,
                                                                       r->origin.y + pad * 0.6, bw + 12 * s, bh + 2 * s),
                                           (bh + 2 * s) / 2);
          gtk_snapshot_push_rounded_clip (snapshot, &pill);
          gtk_snapshot_append_color (snapshot, &orange, &pill.bounds);
          gtk_snapshot_pop (snapshot);
          draw_layout (snapshot, badge, pill.bounds.origin.x + 6 * s, pill.bounds.origin.y + s,
                       &self->palette->badge_text);
          y += bh * 0.6;
        }

      {
        g_autoptr(PangoLayout) big = make_layout (self, context, value, CARD_FONT_PX, TRUE, w, 1);
        GdkRGBA big_color = atlas_chart_point_get_is_target (p) ? dim : text;

        /* Shrink headline numbers that would not fit rather than cut them. */
        layout_size (big, NULL, &h);
        for (double f = 0.8; pango_layout_is_ellipsized (big) && f > 0.45; f -= 0.15)
          {
            g_clear_object (&big);
            big = make_layout (self, context, value, CARD_FONT_PX * f, TRUE, w, 1);
            layout_size (big, NULL, &h);
          }
        draw_layout (snapshot, big, r->origin.x + pad, y, &big_color);
        y += h + 4 * s;
      }
      {
        g_autoptr(PangoLayout) label = make_layout (self, context, atlas_chart_point_get_label (p),
                                                    BASE_FONT_PX, FALSE, w, 2);

        layout_size (label, NULL, &h);
        draw_layout (snapshot, label, r->origin.x + pad, y, &text);
        y += h + 2 * s;
      }
      {
        const char *period = atlas_chart_point_get_period (p);
        const char *scope = atlas_chart_point_get_scope (p);
        g_autofree char *context_text = period && scope ? g_strdup_printf ("%s · %s", scope, period)
                                                          : g_strdup (scope ? scope : period);

        if (context_text != NULL && y + line_height (self, context, SMALL_FONT_PX) <= r->origin.y + r->size.height)
          draw_text (self, snapshot, context, context_text, SMALL_FONT_PX, FALSE,
                     r->origin.x + pad, y, 0, w, &dim);
      }
    }
}

/**
 * atlas_chart_snapshot:
 * @hover: the mark under the pointer, or -1
 * @focus: the mark with the keyboard focus (drawn with a ring), or -1
 *
 * Draws the chart's plot area (no title or source line) at @width x @height.
 */
void
atlas_chart_snapshot (AtlasChart   *self,
                      GtkSnapshot  *snapshot,
                      PangoContext *context,
                      int           width,
                      int           height,
                      int           hover,
                      int           focus)
{
  g_return_if_fail (ATLAS_IS_CHART (self));
  g_return_if_fail (GTK_IS_SNAPSHOT (snapshot));
  g_return_if_fail (PANGO_IS_CONTEXT (context));

  ensure_layout (self, context, width, height);
  if (self->series == NULL || self->marks->len == 0)
    {
      GdkRGBA dim = self->palette->text_dim;

      draw_text (self, snapshot, context, _("No data for the current filters"), BASE_FONT_PX, FALSE,
                 width / 2.0, height / 2.0 - 10, 0.5, width, &dim);
      return;
    }

  switch (self->kind)
    {
    case ATLAS_CHART_KIND_HBAR:
      snapshot_hbar (self, snapshot, context, hover);
      break;
    case ATLAS_CHART_KIND_DONUT:
      snapshot_donut (self, snapshot, context, hover);
      break;
    case ATLAS_CHART_KIND_CARDS:
      snapshot_cards (self, snapshot, context, hover);
      break;
    case ATLAS_CHART_KIND_VBAR:
    case ATLAS_CHART_KIND_STACKED:
    case ATLAS_CHART_KIND_GROUPED:
    case ATLAS_CHART_KIND_LINE:
    default:
      snapshot_columns (self, snapshot, context, hover);
      break;
    }

  if (focus >= 0 && (guint) focus < self->marks->len)
    draw_focus_ring (self, snapshot, &g_array_index (self->marks, Mark, focus).rect);
}

/* What the legend lists: the layers, or nothing for one-layer charts. */
static gboolean
has_legend (AtlasChart *self)
{
  return self->series != NULL && atlas_chart_series_get_n_layers (self->series) > 1 &&
         self->kind != ATLAS_CHART_KIND_DONUT && self->kind != ATLAS_CHART_KIND_CARDS;
}

/**
 * atlas_chart_snapshot_framed:
 *
 * Draws the chart as a self-contained picture for exports and the headless
 * gallery: a card with the title, the legend, the plot and the source line.
 */
void
atlas_chart_snapshot_framed (AtlasChart   *self,
                             GtkSnapshot  *snapshot,
                             PangoContext *context,
                             int           width,
                             int           height)
{
  double s, pad, y, source_h, w;
  GdkRGBA bg, text, dim;
  GskRoundedRect card;
  g_autofree char *source = NULL;

  g_return_if_fail (ATLAS_IS_CHART (self));

  s = atlas_chart_get_scale (self);
  pad = 16 * s;
  w = width - 2 * pad;
  bg = self->palette->card;
  text = self->palette->text;
  dim = self->palette->text_dim;

  gsk_rounded_rect_init_from_rect (&card, &GRAPHENE_RECT_INIT (0, 0, width, height), 12);
  gtk_snapshot_push_rounded_clip (snapshot, &card);
  gtk_snapshot_append_color (snapshot, &bg, &card.bounds);
  gtk_snapshot_pop (snapshot);

  y = pad;
  if (self->series != NULL)
    {
      g_autoptr(PangoLayout) title = make_layout (self, context, atlas_chart_series_get_title (self->series),
                                                  TITLE_FONT_PX, TRUE, w, 2);
      double h;

      layout_size (title, NULL, &h);
      draw_layout (snapshot, title, pad, y, &text);
      y += h + 8 * s;
      source = atlas_chart_series_dup_source_text (self->series);
    }

  if (has_legend (self) || (self->series && atlas_chart_series_has_targets (self->series) &&
                            self->kind != ATLAS_CHART_KIND_CARDS))
    {
      double x = pad, sw = 12 * s, lh = line_height (self, context, SMALL_FONT_PX);

      for (guint l = 0; has_legend (self) && l < atlas_chart_series_get_n_layers (self->series); l++)
        {
          GdkRGBA color;

          atlas_chart_get_layer_color (self, l, &color);
          gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x, y + (lh - sw) / 2, sw, sw));
          x += sw + 4 * s;
          x += draw_text (self, snapshot, context, atlas_chart_series_get_layer (self->series, l),
                          SMALL_FONT_PX, FALSE, x, y, 0, w / 2, &text) + 12 * s;
        }
      if (atlas_chart_series_has_targets (self->series))
        draw_text (self, snapshot, context, _("Hollow marks are targets or plans, not results"),
                   SMALL_FONT_PX, FALSE, x, y, 0, MAX (40, width - pad - x), &dim);
      y += lh + 6 * s;
    }

  source_h = line_height (self, context, SMALL_FONT_PX) + 6 * s;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (pad, y));
  atlas_chart_snapshot (self, snapshot, context, (int) w, (int) MAX (20, height - y - pad - source_h), -1, -1);
  gtk_snapshot_restore (snapshot);

  if (source != NULL)
    draw_text (self, snapshot, context, source, SMALL_FONT_PX, FALSE, pad,
               height - pad - source_h + 6 * s, 0, w, &dim);
}

guint
atlas_chart_get_n_marks (AtlasChart *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART (self), 0);
  return self->marks->len;
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

/* Returns: the mark at (@x, @y) in the last layout, or -1 */
int
atlas_chart_hit_test (AtlasChart *self,
                      double      x,
                      double      y)
{
  g_return_val_if_fail (ATLAS_IS_CHART (self), -1);

  if (self->kind == ATLAS_CHART_KIND_DONUT)
    {
      double dx = x - self->donut_cx, dy = y - self->donut_cy, d = hypot (dx, dy), a;

      if (d >= self->donut_inner && d <= self->donut_r + 4)
        {
          a = normalize_angle (atan2 (dy, dx));
          for (guint m = 0; m < self->marks->len; m++)
            {
              Mark *mark = &g_array_index (self->marks, Mark, m);

              if (a >= mark->a0 && a < mark->a1)
                return m;
            }
        }
    }

  /* Bars are easy to miss when short: a row or column counts as the bar. */
  for (guint m = 0; m < self->marks->len; m++)
    {
      Mark *mark = &g_array_index (self->marks, Mark, m);
      graphene_rect_t r = mark->rect;

      if (self->kind == ATLAS_CHART_KIND_HBAR)
        {
          r.origin.x = 0;
          r.size.width = self->width;
        }
      else if (self->kind == ATLAS_CHART_KIND_VBAR || self->kind == ATLAS_CHART_KIND_GROUPED)
        {
          r.origin.y = self->plot.origin.y;
          r.size.height = self->plot.size.height;
        }
      if (graphene_rect_contains_point (&r, &GRAPHENE_POINT_INIT (x, y)))
        return m;
    }
  return -1;
}

gboolean
atlas_chart_get_mark_bounds (AtlasChart      *self,
                             guint            mark,
                             graphene_rect_t *bounds)
{
  g_return_val_if_fail (ATLAS_IS_CHART (self), FALSE);

  if (mark >= self->marks->len)
    return FALSE;
  *bounds = g_array_index (self->marks, Mark, mark).rect;
  return TRUE;
}

/* Returns: (transfer none) (nullable) */
AtlasChartPoint *
atlas_chart_get_mark_point (AtlasChart *self,
                            guint       mark)
{
  g_return_val_if_fail (ATLAS_IS_CHART (self), NULL);

  if (mark >= self->marks->len)
    return NULL;
  return atlas_chart_series_peek_point (self->series, g_array_index (self->marks, Mark, mark).point);
}

/* A height that shows every bar row or card readably at @width. */
int
atlas_chart_get_natural_height (AtlasChart *self,
                                int         width)
{
  double s;
  guint n;

  g_return_val_if_fail (ATLAS_IS_CHART (self), 200);

  s = atlas_chart_get_scale (self);
  n = self->series ? atlas_chart_series_get_n_categories (self->series) : 0;
  switch (self->kind)
    {
    case ATLAS_CHART_KIND_HBAR:
      return (int) (MIN (n, 40) * 30 * s + 30 * s);
    case ATLAS_CHART_KIND_CARDS:
      {
        guint cols = MAX (1, MIN (self->n_points, (guint) (width / (180 * s))));
        return (int) (((self->n_points + cols - 1) / cols) * 140 * s);
      }
    case ATLAS_CHART_KIND_DONUT:
      return (int) (MAX (220, self->n_points * 40) * s);
    default:
      return (int) (240 * s);
    }
}

/**
 * atlas_chart_render_gallery:
 * @charts: (element-type AtlasChart): the charts, in order
 *
 * Draws every chart as a framed card in a grid filling @width x @height,
 * for `cq-atlas --render charts` and handouts.
 */
GskRenderNode *
atlas_chart_render_gallery (GListModel *charts,
                            int         width,
                            int         height,
                            gboolean    dark)
{
  g_autoptr(GtkSnapshot) sheet = gtk_snapshot_new ();
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(AtlasPangoContext) context = atlas_chart_create_headless_context ();
  guint n = g_list_model_get_n_items (charts);
  guint cols = CLAMP (width / 440, 1, 4);
  double gap = 16, cell_w, scale, virtual_w, y = gap;
  AtlasStyleVariant variant = atlas_style_variant_for (dark, FALSE, FALSE);
  GdkRGBA bg = atlas_style_get_palette (variant)->window;
  cairo_t *cr;


  /* Lay the sheet out at a readable size, each row as tall as its tallest
   * chart needs, then scale the whole sheet to fit.
   */
  virtual_w = MAX (width, cols * 440.0);
  cell_w = (virtual_w - gap * (cols + 1)) / cols;
  for (guint row = 0; row * cols < n; row++)
    {
      double row_h = 0;

      for (guint i = row * cols; i < MIN (n, (row + 1) * cols); i++)
        {
          g_autoptr(AtlasChart) chart = g_list_model_get_item (charts, i);

          row_h = MAX (row_h, atlas_chart_get_natural_height (chart, (int) cell_w - 32) + 110);
        }
      row_h = CLAMP (row_h, 280, 640);

      for (guint i = row * cols; i < MIN (n, (row + 1) * cols); i++)
        {
          g_autoptr(AtlasChart) chart = g_list_model_get_item (charts, i);

          atlas_chart_set_variant (chart, variant);
          gtk_snapshot_save (sheet);
          gtk_snapshot_translate (sheet, &GRAPHENE_POINT_INIT (gap + (i % cols) * (cell_w + gap), y));
          atlas_chart_snapshot_framed (chart, sheet, context, (int) cell_w, (int) row_h);
          gtk_snapshot_restore (sheet);
        }
      y += row_h + gap;
    }
  node = gtk_snapshot_free_to_node (g_steal_pointer (&sheet));

  scale = MIN (1.0, MIN (width / virtual_w, height / y));

  /* Scaled through cairo: GTK 4.8 mis-places cairo nodes under a scale
   * transform, and this keeps SVG and PDF output vector.
   */
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_color (snapshot, &bg, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_translate (cr, (width - virtual_w * scale) / 2, 0);
  cairo_scale (cr, scale, scale);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);

  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}
