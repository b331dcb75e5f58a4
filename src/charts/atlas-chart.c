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

#include "atlas-bar-layer.h"
#include "atlas-chart-private.h"
#include "atlas-donut-layer.h"
#include "atlas-format.h"
#include "atlas-line-layer.h"
#include "atlas-number-layer.h"

/* A chart is a container of layers (atlas-chart-layer.h) drawing one series
 * against shared axes: the chart keeps a plain copy of the series, the
 * style, the layout for a size and the marks that hit testing, focus and
 * tooltips use; each layer lays out and draws its own kind of mark.  The
 * on-screen canvas, the exports and the headless --render all draw through
 * atlas_chart_snapshot(), so what is printed is what was on screen.
 *
 * Layout is cached per size: hovering or moving the focus only redraws.
 * When there are more points than pixels the layers aggregate per pixel
 * column, so a frame costs the same at 100,000 points as at 1,000.
 */

G_DEFINE_FINAL_TYPE (AtlasChart, atlas_chart, G_TYPE_OBJECT)

static void
atlas_chart_dispose (GObject *object)
{
  AtlasChart *self = ATLAS_CHART (object);

  g_clear_object (&self->series);
  g_clear_pointer (&self->layers, g_ptr_array_unref);
  G_OBJECT_CLASS (atlas_chart_parent_class)->dispose (object);
}

static void
atlas_chart_finalize (GObject *object)
{
  AtlasChart *self = ATLAS_CHART (object);

  g_free (self->values);
  g_free (self->xs);
  g_free (self->layers_of);
  g_free (self->totals);
  g_free (self->slots);
  g_free (self->categories);
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
  self->marks = g_array_new (FALSE, TRUE, sizeof (AtlasChartMark));
  self->layers = g_ptr_array_new_with_free_func (g_object_unref);
  self->palette = atlas_style_get_palette (ATLAS_STYLE_LIGHT);
}

/* Chart kinds are data: each names the layer that draws it. */
static AtlasChartLayer *
layer_for_kind (AtlasChartKind kind)
{
  switch (kind)
    {
    case ATLAS_CHART_KIND_HBAR:
      return atlas_bar_layer_new (ATLAS_BAR_LAYOUT_HORIZONTAL);
    case ATLAS_CHART_KIND_STACKED:
      return atlas_bar_layer_new (ATLAS_BAR_LAYOUT_STACKED);
    case ATLAS_CHART_KIND_GROUPED:
      return atlas_bar_layer_new (ATLAS_BAR_LAYOUT_GROUPED);
    case ATLAS_CHART_KIND_LINE:
      return atlas_line_layer_new ();
    case ATLAS_CHART_KIND_DONUT:
      return atlas_donut_layer_new ();
    case ATLAS_CHART_KIND_CARDS:
      return atlas_number_layer_new ();
    case ATLAS_CHART_KIND_VBAR:
    default:
      return atlas_bar_layer_new (ATLAS_BAR_LAYOUT_COLUMNS);
    }
}

AtlasChart *
atlas_chart_new (AtlasChartKind    kind,
                 AtlasChartSeries *series)
{
  AtlasChart *self = g_object_new (ATLAS_TYPE_CHART, NULL);

  self->kind = kind;
  atlas_chart_add_layer (self, layer_for_kind (kind));
  atlas_chart_set_series (self, series);
  return self;
}

/**
 * atlas_chart_add_layer:
 * @layer: (transfer full): a layer
 *
 * Draws the series with @layer too, on top of the layers before it.
 */
void
atlas_chart_add_layer (AtlasChart      *self,
                       AtlasChartLayer *layer)
{
  g_return_if_fail (ATLAS_IS_CHART (self));
  g_return_if_fail (ATLAS_IS_CHART_LAYER (layer));

  g_ptr_array_add (self->layers, layer);
  self->layout_valid = FALSE;
}

/* The layer that lays out the plot and owns the marks. */
static AtlasChartLayer *
main_layer (AtlasChart *self)
{
  return self->layers->len > 0 ? g_ptr_array_index (self->layers, 0) : NULL;
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

static int
compare_totals (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const double *totals = user_data;
  guint x = *(const guint *) a, y = *(const guint *) b;

  if (totals[x] != totals[y])
    return totals[x] > totals[y] ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

/* Where each category is drawn: in the series' order, or largest first. */
static void
update_slots (AtlasChart *self)
{
  for (guint c = 0; c < self->n_categories; c++)
    self->categories[c] = c;
  if (self->sort_by_value && atlas_chart_can_sort (self))
    g_qsort_with_data (self->categories, self->n_categories, sizeof (guint), compare_totals, self->totals);
  for (guint s = 0; s < self->n_categories; s++)
    self->slots[self->categories[s]] = s;
  self->layout_valid = FALSE;
}

void
atlas_chart_set_series (AtlasChart       *self,
                        AtlasChartSeries *series)
{
  g_return_if_fail (ATLAS_IS_CHART (self));
  g_return_if_fail (series == NULL || ATLAS_IS_CHART_SERIES (series));

  g_set_object (&self->series, series);
  g_clear_pointer (&self->values, g_free);
  g_clear_pointer (&self->xs, g_free);
  g_clear_pointer (&self->layers_of, g_free);
  g_clear_pointer (&self->totals, g_free);
  g_clear_pointer (&self->slots, g_free);
  g_clear_pointer (&self->categories, g_free);
  self->n_points = series ? g_list_model_get_n_items (G_LIST_MODEL (series)) : 0;
  self->n_categories = series ? atlas_chart_series_get_n_categories (series) : 0;
  self->values = g_new0 (double, MAX (1, self->n_points));
  self->xs = g_new0 (guint, MAX (1, self->n_points));
  self->layers_of = g_new0 (guint, MAX (1, self->n_points));
  self->totals = g_new0 (double, MAX (1, self->n_categories));
  self->slots = g_new0 (guint, MAX (1, self->n_categories));
  self->categories = g_new0 (guint, MAX (1, self->n_categories));
  self->layout_valid = FALSE;

  for (guint i = 0; i < self->n_points; i++)
    {
      AtlasChartPoint *point = atlas_chart_series_peek_point (series, i);

      self->values[i] = MAX (0, atlas_chart_point_get_value (point));
      self->xs[i] = atlas_chart_point_get_x (point);
      self->layers_of[i] = atlas_chart_point_get_layer (point);
      if (self->xs[i] < self->n_categories)
        self->totals[self->xs[i]] += self->values[i];
    }
  update_slots (self);

  self->max_value = 0;
  for (guint l = 0; l < self->layers->len; l++)
    self->max_value = MAX (self->max_value,
                           atlas_chart_layer_get_value_extent (g_ptr_array_index (self->layers, l), self));
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

/* Whether the chart's bars can be put in order of their values. */
gboolean
atlas_chart_can_sort (AtlasChart *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART (self), FALSE);
  return main_layer (self) != NULL && atlas_chart_layer_can_sort (main_layer (self)) &&
         self->n_categories > 1;
}

gboolean
atlas_chart_get_sort_by_value (AtlasChart *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART (self), FALSE);
  return self->sort_by_value;
}

/* Bars largest first instead of in the series' order. */
void
atlas_chart_set_sort_by_value (AtlasChart *self,
                               gboolean    sort_by_value)
{
  g_return_if_fail (ATLAS_IS_CHART (self));

  if (self->sort_by_value == !!sort_by_value)
    return;
  self->sort_by_value = !!sort_by_value;
  update_slots (self);
}

/* The category drawn in place @slot (0: first, at the top or the left). */
guint
atlas_chart_get_slot_category (AtlasChart *self,
                               guint       slot)
{
  g_return_val_if_fail (ATLAS_IS_CHART (self), 0);
  g_return_val_if_fail (slot < self->n_categories, 0);
  return self->categories[slot];
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
  else if (palette == ATLAS_CHART_PALETTE_SLICES ||
           (main_layer (self) != NULL && atlas_chart_layer_colors_points (main_layer (self))))
    accent (self, point, color);
  else
    atlas_chart_get_layer_color (self, self->layers_of[point], color);
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

PangoLayout *
_atlas_chart_make_layout (AtlasChart   *self,
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

/* @text on one line at @px, made smaller (down to @min_factor of it)
 * rather than cut when it is wider than @max_width; cut only below that.
 */
PangoLayout *
_atlas_chart_fit_layout (AtlasChart   *self,
                         PangoContext *context,
                         const char   *text,
                         double        px,
                         gboolean      bold,
                         double        max_width,
                         double        min_factor)
{
  PangoLayout *layout = _atlas_chart_make_layout (self, context, text, px, bold, -1, 1);
  double w;

  _atlas_chart_layout_size (layout, &w, NULL);
  if (w <= max_width)
    return layout;

  /* Widths do not scale exactly with the size (hinting): a few tries. */
  for (int attempt = 0; attempt < 6; attempt++)
    {
      double smaller = MAX (px * min_factor, px * max_width / w * (1 - 0.03 * attempt));
      double sw;

      g_object_unref (layout);
      layout = _atlas_chart_make_layout (self, context, text, smaller, bold, -1, 1);
      _atlas_chart_layout_size (layout, &sw, NULL);
      if (sw <= max_width)
        return layout;
      if (smaller <= px * min_factor)
        break;
    }

  g_object_unref (layout);
  return _atlas_chart_make_layout (self, context, text, px * min_factor, bold, max_width, 1);
}

void
_atlas_chart_layout_size (PangoLayout *layout,
                          double      *width,
                          double      *height)
{
  PangoRectangle logical;

  /* Rounded up, not to the nearest pixel: a column measured half a pixel
   * short ellipsizes the text it was measured for (a 7-character Chinese
   * label at the presentation scale did).
   */
  pango_layout_get_extents (layout, NULL, &logical);
  if (width)
    *width = ceil ((double) logical.width / PANGO_SCALE);
  if (height)
    *height = ceil ((double) logical.height / PANGO_SCALE);
}

void
_atlas_chart_draw_layout (GtkSnapshot   *snapshot,
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
double
_atlas_chart_draw_text (AtlasChart    *self,
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
  g_autoptr(PangoLayout) layout = _atlas_chart_make_layout (self, context, text, px, bold, max_width, 1);
  double w;

  _atlas_chart_layout_size (layout, &w, NULL);
  _atlas_chart_draw_layout (snapshot, layout, x - align * w, y, color);
  return w;
}

double
_atlas_chart_line_height (AtlasChart   *self,
                          PangoContext *context,
                          double        px)
{
  g_autoptr(PangoLayout) layout = _atlas_chart_make_layout (self, context, "Ag国", px, FALSE, -1, 1);
  double h;

  _atlas_chart_layout_size (layout, NULL, &h);
  return h;
}

char *
_atlas_chart_tick_text (AtlasChart *self,
                        double      value)
{
  AtlasUnit unit = self->series ? atlas_chart_series_get_unit (self->series) : ATLAS_UNIT_COUNT;

  if (unit == ATLAS_UNIT_PERCENT)
    return atlas_format_value (value, unit, ATLAS_QUALIFIER_NONE);
  if (fabs (value) < 1e4)
    return atlas_format_number (value, self->decimals);
  return atlas_format_compact (value);
}

gboolean
_atlas_chart_point_is_target (AtlasChart *self,
                              guint       point)
{
  return atlas_chart_point_get_is_target (atlas_chart_series_peek_point (self->series, point));
}

/* "40 (target)" -- plans must never read as achievements. */
char *
_atlas_chart_value_text (AtlasChart *self,
                         guint       point)
{
  AtlasChartPoint *p = atlas_chart_series_peek_point (self->series, point);
  g_autofree char *value = atlas_chart_point_dup_value_text (p);

  if (atlas_chart_point_get_is_target (p))
    /* Translators: a planned figure on a chart, "40 (target)". */
    return g_strdup_printf (_("%s (target)"), value);
  return g_steal_pointer (&value);
}

/* --- Marks ---------------------------------------------------------------- */

void
_atlas_chart_add_mark (AtlasChart *self,
                       double      x,
                       double      y,
                       double      w,
                       double      h,
                       guint       point)
{
  AtlasChartMark mark = { GRAPHENE_RECT_INIT (x, y, w, h), point, 0, 0 };

  g_array_append_val (self->marks, mark);
}

void
_atlas_chart_mark_paint (AtlasChart *self,
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
void
_atlas_chart_draw_bar (AtlasChart            *self,
                       GtkSnapshot           *snapshot,
                       const graphene_rect_t *rect,
                       guint                  point,
                       gboolean               hovered)
{
  GdkRGBA color;

  _atlas_chart_mark_paint (self, point, hovered, &color);
  if (_atlas_chart_point_is_target (self, point))
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

/* --- Layout and drawing --------------------------------------------------- */

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
  memset (&self->ticks, 0, sizeof self->ticks);
  g_array_set_size (self->marks, 0);
  self->plot = GRAPHENE_RECT_INIT (0, 0, width, height);

  if (self->series == NULL || width < 20 || height < 20)
    return;

  for (guint l = 0; l < self->layers->len; l++)
    atlas_chart_layer_layout (g_ptr_array_index (self->layers, l), self, context);
  self->decimals = MAX (self->decimals, atlas_nice_ticks_decimals (&self->ticks));
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
      _atlas_chart_draw_text (self, snapshot, context, _("No data for the current filters"),
                              ATLAS_CHART_BASE_FONT_PX, FALSE, width / 2.0, height / 2.0 - 10, 0.5, width,
                              &self->palette->text_dim);
      return;
    }

  for (guint l = 0; l < self->layers->len; l++)
    atlas_chart_layer_snapshot (g_ptr_array_index (self->layers, l), self, snapshot, context, hover);

  if (focus >= 0 && (guint) focus < self->marks->len)
    draw_focus_ring (self, snapshot, &g_array_index (self->marks, AtlasChartMark, focus).rect);
}

/* What the legend lists: the layers, or nothing for one-layer charts. */
static gboolean
has_legend (AtlasChart *self)
{
  return self->series != NULL && atlas_chart_series_get_n_layers (self->series) > 1 &&
         main_layer (self) != NULL && atlas_chart_layer_shows_layer_legend (main_layer (self));
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
  const AtlasPalette *p;
  double s, pad, y, source_h, w;
  GskRoundedRect card;
  g_autofree char *source = NULL;

  g_return_if_fail (ATLAS_IS_CHART (self));

  p = self->palette;
  s = atlas_chart_get_scale (self);
  pad = 16 * s;
  w = width - 2 * pad;

  gsk_rounded_rect_init_from_rect (&card, &GRAPHENE_RECT_INIT (0, 0, width, height), 12);
  gtk_snapshot_push_rounded_clip (snapshot, &card);
  gtk_snapshot_append_color (snapshot, &p->card, &card.bounds);
  gtk_snapshot_pop (snapshot);

  y = pad;
  if (self->series != NULL)
    {
      g_autoptr(PangoLayout) title = _atlas_chart_make_layout (self, context, atlas_chart_series_get_title (self->series),
                                                               ATLAS_CHART_TITLE_FONT_PX, TRUE, w, 2);
      double h;

      _atlas_chart_layout_size (title, NULL, &h);
      _atlas_chart_draw_layout (snapshot, title, pad, y, &p->text);
      y += h + 8 * s;
      source = atlas_chart_series_dup_source_text (self->series);
    }

  if (has_legend (self) || (self->series && atlas_chart_series_has_targets (self->series) &&
                            self->kind != ATLAS_CHART_KIND_CARDS))
    {
      double x = pad, sw = 12 * s, lh = _atlas_chart_line_height (self, context, ATLAS_CHART_SMALL_FONT_PX);

      for (guint l = 0; has_legend (self) && l < atlas_chart_series_get_n_layers (self->series); l++)
        {
          GdkRGBA color;

          atlas_chart_get_layer_color (self, l, &color);
          gtk_snapshot_append_color (snapshot, &color, &GRAPHENE_RECT_INIT (x, y + (lh - sw) / 2, sw, sw));
          x += sw + 4 * s;
          x += _atlas_chart_draw_text (self, snapshot, context, atlas_chart_series_get_layer (self->series, l),
                                       ATLAS_CHART_SMALL_FONT_PX, FALSE, x, y, 0, w / 2, &p->text) + 12 * s;
        }
      if (atlas_chart_series_has_targets (self->series))
        _atlas_chart_draw_text (self, snapshot, context, _("Hollow marks are targets or plans, not results"),
                                ATLAS_CHART_SMALL_FONT_PX, FALSE, x, y, 0, MAX (40, width - pad - x), &p->text_dim);
      y += lh + 6 * s;
    }

  source_h = _atlas_chart_line_height (self, context, ATLAS_CHART_SMALL_FONT_PX) + 6 * s;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (pad, y));
  atlas_chart_snapshot (self, snapshot, context, (int) w, (int) MAX (20, height - y - pad - source_h), -1, -1);
  gtk_snapshot_restore (snapshot);

  if (source != NULL)
    _atlas_chart_draw_text (self, snapshot, context, source, ATLAS_CHART_SMALL_FONT_PX, FALSE, pad,
                            height - pad - source_h + 6 * s, 0, w, &p->text_dim);
}

guint
atlas_chart_get_n_marks (AtlasChart *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART (self), 0);
  return self->marks->len;
}

/* Returns: the mark at (@x, @y) in the last layout, or -1 */
int
atlas_chart_hit_test (AtlasChart *self,
                      double      x,
                      double      y)
{
  g_return_val_if_fail (ATLAS_IS_CHART (self), -1);

  /* The top layer first. */
  for (guint l = self->layers->len; l > 0; l--)
    {
      int hit = atlas_chart_layer_hit_test (g_ptr_array_index (self->layers, l - 1), self, x, y);

      if (hit >= 0)
        return hit;
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
  *bounds = g_array_index (self->marks, AtlasChartMark, mark).rect;
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
  return atlas_chart_series_peek_point (self->series, g_array_index (self->marks, AtlasChartMark, mark).point);
}

/* A height that shows every bar row or number readably at @width. */
int
atlas_chart_get_natural_height (AtlasChart   *self,
                                PangoContext *context,
                                int           width)
{
  g_return_val_if_fail (ATLAS_IS_CHART (self), 200);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 200);

  if (main_layer (self) == NULL)
    return 200;
  return atlas_chart_layer_get_natural_height (main_layer (self), self, context, width);
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

          row_h = MAX (row_h, atlas_chart_get_natural_height (chart, context, (int) cell_w - 32) + 110);
        }
      /* Never shorter than the charts need: the sheet is scaled to fit. */
      row_h = MAX (row_h, 280);

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
