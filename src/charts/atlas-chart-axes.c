/* atlas-chart-axes.c
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

/* The axes the layers draw against: the value axis (nice ticks, a grid,
 * the zero line) and the category axis under columns and lines, where
 * every column keeps its label -- wrapped under it when the words fit,
 * turned 45 degrees when they do not, and only thinned out when there are
 * more columns than lines of text fit side by side.
 */

/* The value axis: grid lines, their labels outside the plot, and the zero
 * line.  Labels keep a gap from the axis line at every scale and script.
 */
void
_atlas_chart_draw_value_grid (AtlasChart   *self,
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
      g_autofree char *label = _atlas_chart_tick_text (self, value);
      double f = value / last;

      if (horizontal_values)
        {
          double x = plot->origin.x + f * plot->size.width;

          gtk_snapshot_append_color (snapshot, &grid,
                                     &GRAPHENE_RECT_INIT (x, plot->origin.y, 1, plot->size.height));
          _atlas_chart_draw_text (self, snapshot, context, label, ATLAS_CHART_SMALL_FONT_PX, FALSE,
                                  x, plot->origin.y + plot->size.height + 6 * s, i == 0 ? 0 : 0.5, -1, &text);
        }
      else
        {
          double y = plot->origin.y + plot->size.height - f * plot->size.height;
          g_autoptr(PangoLayout) layout = _atlas_chart_make_layout (self, context, label, ATLAS_CHART_SMALL_FONT_PX,
                                                                    FALSE, -1, 1);
          double w, h;

          _atlas_chart_layout_size (layout, &w, &h);
          gtk_snapshot_append_color (snapshot, &grid,
                                     &GRAPHENE_RECT_INIT (plot->origin.x, y, plot->size.width, 1));
          _atlas_chart_draw_layout (snapshot, layout, plot->origin.x - 8 * s - w, y - h / 2, &text);
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

/* Whether @text stands under a column of @width: at most three lines, no
 * word broken in the middle (Chinese and Japanese break between any two
 * characters, so only words of other scripts count).
 */
static gboolean
fits_under_column (AtlasChart   *self,
                   PangoContext *context,
                   const char   *text,
                   double        width,
                   double       *height)
{
  g_autoptr(PangoLayout) layout = _atlas_chart_make_layout (self, context, text, ATLAS_CHART_SMALL_FONT_PX, FALSE,
                                                            width, 3);
  g_auto(GStrv) words = NULL;

  if (pango_layout_is_ellipsized (layout))
    return FALSE;
  _atlas_chart_layout_size (layout, NULL, height);

  /* A line of one character ("2013年" as "2013" and "年") reads badly:
   * better turned than wrapped so.
   */
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;

      if (g_utf8_strlen (pango_layout_get_text (layout) + line->start_index, line->length) < 2 &&
          pango_layout_get_line_count (layout) > 1)
        return FALSE;
    }

  words = g_strsplit (text ? text : "", " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean wide = FALSE;
      double w;

      for (const char *p = words[i]; *p && !wide; p = g_utf8_next_char (p))
        wide = g_unichar_iswide (g_utf8_get_char (p));
      if (wide || words[i][0] == '\0')
        continue;
      g_object_unref (layout);
      layout = _atlas_chart_make_layout (self, context, words[i], ATLAS_CHART_SMALL_FONT_PX, FALSE, -1, 1);
      _atlas_chart_layout_size (layout, &w, NULL);
      if (w > width)
        return FALSE;
    }
  return TRUE;
}

/* Decides how the categories share @plot_width and how their labels fit
 * in a chart @height tall; returns the height the labels take under the
 * axis.
 */
double
_atlas_chart_measure_column_labels (AtlasChart        *self,
                                    PangoContext      *context,
                                    double             plot_width,
                                    double             height,
                                    AtlasCategoryAxis *axis)
{
  double s = atlas_chart_get_scale (self);
  double text_h = _atlas_chart_line_height (self, context, ATLAS_CHART_SMALL_FONT_PX);
  guint n_x = self->n_categories;
  guint n_layers = self->series ? atlas_chart_series_get_n_layers (self->series) : 1;

  /* More columns than pixels: one column stands for a run of them. */
  axis->bucket = n_layers == 1 ? MAX (1, (guint) ceil (n_x / MAX (1.0, plot_width))) : 1;
  axis->n_columns = (n_x + axis->bucket - 1) / axis->bucket;
  axis->column_width = plot_width / MAX (1, axis->n_columns);
  axis->stride = axis->column_width >= text_h * 1.3 ? 1 : (guint) ceil (text_h * 1.3 / axis->column_width);
  axis->rotated = FALSE;
  axis->label_width = MAX (axis->column_width * axis->stride - 6 * s, 8 * s);
  axis->label_height = text_h;

  if (axis->stride == 1 && axis->n_columns <= 60)
    {
      double tallest = text_h, longest = 0;
      gboolean fits = TRUE;

      for (guint c = 0; c < axis->n_columns && fits; c++)
        {
          double h;

          fits = fits_under_column (self, context, atlas_chart_series_get_category (self->series, self->categories[c]),
                                    axis->label_width, &h);
          tallest = MAX (tallest, h);
        }

      if (fits)
        axis->label_height = tallest;
      else
        {
          for (guint c = 0; c < axis->n_columns; c++)
            {
              g_autoptr(PangoLayout) layout = _atlas_chart_make_layout (self, context,
                                                                        atlas_chart_series_get_category (self->series,
                                                                                                         self->categories[c]),
                                                                        ATLAS_CHART_SMALL_FONT_PX, FALSE, -1, 1);
              double w;

              _atlas_chart_layout_size (layout, &w, NULL);
              longest = MAX (longest, w);
            }
          axis->rotated = TRUE;
          axis->label_width = MIN (longest, MAX (80 * s, height * 0.45));
          axis->label_height = (axis->label_width + text_h) * (1 / G_SQRT2);
        }
    }

  return axis->label_height + 6 * s;
}

/* Ticks on the left, categories under the plot, room above the tallest
 * column for its value.
 */
void
_atlas_chart_layout_columns (AtlasChart   *self,
                             PangoContext *context)
{
  double s = atlas_chart_get_scale (self);
  double text_h = _atlas_chart_line_height (self, context, ATLAS_CHART_SMALL_FONT_PX);
  double top = text_h + 6 * s, tick_w = 0, labels_h;
  graphene_rect_t *plot = &self->plot;

  atlas_nice_ticks (0, self->max_value, MAX (2, (guint) ((self->height - 2 * text_h) / (50 * s))), &self->ticks);
  self->decimals = atlas_nice_ticks_decimals (&self->ticks);
  for (guint i = 0; i < self->ticks.n_ticks; i++)
    {
      g_autofree char *text = _atlas_chart_tick_text (self, self->ticks.first + i * self->ticks.step);
      g_autoptr(PangoLayout) layout = _atlas_chart_make_layout (self, context, text, ATLAS_CHART_SMALL_FONT_PX,
                                                                FALSE, -1, 1);
      double w;

      _atlas_chart_layout_size (layout, &w, NULL);
      tick_w = MAX (tick_w, w);
    }

  plot->origin.x = tick_w + 10 * s;
  plot->origin.y = top;
  plot->size.width = MAX (10, self->width - plot->origin.x - 8 * s);
  labels_h = _atlas_chart_measure_column_labels (self, context, plot->size.width, self->height, &self->columns);
  plot->size.height = MAX (10, self->height - top - labels_h - 6 * s);
}

/* The x of the middle of column @column. */
double
_atlas_chart_column_center (AtlasChart *self,
                            guint       column)
{
  return self->plot.origin.x + (column + 0.5) * self->columns.column_width;
}

void
_atlas_chart_draw_column_labels (AtlasChart   *self,
                                 GtkSnapshot  *snapshot,
                                 PangoContext *context)
{
  const AtlasCategoryAxis *axis = &self->columns;
  double s = atlas_chart_get_scale (self);
  double y = self->plot.origin.y + self->plot.size.height + 6 * s;
  const GdkRGBA *color = &self->palette->text;

  for (guint c = 0; c < axis->n_columns; c += axis->stride)
    {
      const char *text = atlas_chart_series_get_category (self->series, self->categories[c * axis->bucket]);
      double cx = _atlas_chart_column_center (self, c);

      if (axis->rotated)
        {
          double h = _atlas_chart_line_height (self, context, ATLAS_CHART_SMALL_FONT_PX);
          /* Cut labels that would run out of the chart on the left. */
          double room = MIN (axis->label_width, (cx - 0.36 * h) / (1 / G_SQRT2));
          g_autoptr(PangoLayout) layout = _atlas_chart_make_layout (self, context, text, ATLAS_CHART_SMALL_FONT_PX,
                                                                    FALSE, MAX (room, 8 * s), 1);
          double w;

          _atlas_chart_layout_size (layout, &w, &h);
          gtk_snapshot_save (snapshot);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (cx, y + 0.36 * h));
          gtk_snapshot_rotate (snapshot, -45);
          gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-w, -h / 2));
          gtk_snapshot_append_layout (snapshot, layout, color);
          gtk_snapshot_restore (snapshot);
        }
      else
        {
          g_autoptr(PangoLayout) layout = _atlas_chart_make_layout (self, context, text, ATLAS_CHART_SMALL_FONT_PX,
                                                                    FALSE, axis->label_width,
                                                                    axis->stride == 1 ? 3 : 1);

          pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
          _atlas_chart_draw_layout (snapshot, layout, cx - axis->label_width / 2, y, color);
        }
    }
}
