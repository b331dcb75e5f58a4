/* atlas-map-markers.c
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
#include "atlas-format.h"
#include "atlas-projection.h"

/* Markers and clusters, the rings of the selected, hovered and focused
 * ones, and the small pictures (sprites) that markers and labels are
 * copied from.
 */


static void
trace_shape (cairo_t          *cr,
             AtlasMarkerShape  shape,
             double            x,
             double            y,
             double            r)
{
  switch (shape)
    {
    case ATLAS_MARKER_SHAPE_SQUARE:
      cairo_rectangle (cr, x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      break;
    case ATLAS_MARKER_SHAPE_DIAMOND:
      cairo_move_to (cr, x, y - r * 1.15);
      cairo_line_to (cr, x + r * 1.15, y);
      cairo_line_to (cr, x, y + r * 1.15);
      cairo_line_to (cr, x - r * 1.15, y);
      cairo_close_path (cr);
      break;
    case ATLAS_MARKER_SHAPE_TRIANGLE:
    case ATLAS_MARKER_SHAPE_TRIANGLE_DOWN:
      {
        double d = shape == ATLAS_MARKER_SHAPE_TRIANGLE ? 1 : -1;

        cairo_move_to (cr, x, y - d * r * 1.2);
        cairo_line_to (cr, x + r * 1.1, y + d * r * 0.8);
        cairo_line_to (cr, x - r * 1.1, y + d * r * 0.8);
        cairo_close_path (cr);
      }
      break;
    case ATLAS_MARKER_SHAPE_HEXAGON:
    case ATLAS_MARKER_SHAPE_PENTAGON:
      {
        int sides = shape == ATLAS_MARKER_SHAPE_HEXAGON ? 6 : 5;

        for (int i = 0; i < sides; i++)
          {
            double a = -G_PI / 2 + i * 2 * G_PI / sides;

            if (i == 0)
              cairo_move_to (cr, x + r * 1.1 * cos (a), y + r * 1.1 * sin (a));
            else
              cairo_line_to (cr, x + r * 1.1 * cos (a), y + r * 1.1 * sin (a));
          }
        cairo_close_path (cr);
      }
      break;
    case ATLAS_MARKER_SHAPE_STAR:
      for (int i = 0; i < 10; i++)
        {
          double a = -G_PI / 2 + i * G_PI / 5;
          double rr = i % 2 ? r * 0.55 : r * 1.25;

          if (i == 0)
            cairo_move_to (cr, x + rr * cos (a), y + rr * sin (a));
          else
            cairo_line_to (cr, x + rr * cos (a), y + rr * sin (a));
        }
      cairo_close_path (cr);
      break;
    case ATLAS_MARKER_SHAPE_CROSS:
      {
        double a = r * 0.4, b = r * 1.05;

        cairo_move_to (cr, x - a, y - b);
        cairo_line_to (cr, x + a, y - b);
        cairo_line_to (cr, x + a, y - a);
        cairo_line_to (cr, x + b, y - a);
        cairo_line_to (cr, x + b, y + a);
        cairo_line_to (cr, x + a, y + a);
        cairo_line_to (cr, x + a, y + b);
        cairo_line_to (cr, x - a, y + b);
        cairo_line_to (cr, x - a, y + a);
        cairo_line_to (cr, x - b, y + a);
        cairo_line_to (cr, x - b, y - a);
        cairo_line_to (cr, x - a, y - a);
        cairo_close_path (cr);
      }
      break;
    case ATLAS_MARKER_SHAPE_CIRCLE:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }
}

/* One site marker: the category's colour and shape; the location precision
 * shows as solid (exact), solid with a dashed halo (approximate) or hollow
 * (only the district is known).
 */
void
_atlas_map_draw_site_marker (cairo_t                *cr,
                             const AtlasPalette     *palette,
                             AtlasStyleVariant       variant,
                             AtlasSiteCategory       category,
                             AtlasLocationPrecision  precision,
                             double                  x,
                             double                  y,
                             double                  r,
                             double                  line)
{
  AtlasMarkerShape shape = atlas_style_get_category_shape (category);
  GdkRGBA color;

  atlas_style_get_category_color (category, variant, &color);

  if (precision == ATLAS_LOCATION_PRECISION_APPROXIMATE)
    {
      static const double dash[] = { 2.5, 2.5 };

      cairo_new_path (cr);
      cairo_arc (cr, x, y, r + 4 * line, 0, 2 * G_PI);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_width (cr, 1.5 * line);
      _atlas_map_set_color (cr, &color);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  cairo_new_path (cr);
  trace_shape (cr, shape, x, y, r);
  if (precision == ATLAS_LOCATION_PRECISION_DISTRICT)
    {
      _atlas_map_set_color (cr, &palette->map_marker_outline);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 2.6 * line);
      _atlas_map_set_color (cr, &color);
      cairo_stroke (cr);
    }
  else
    {
      _atlas_map_set_color (cr, &color);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 1.5 * line);
      _atlas_map_set_color (cr, &palette->map_marker_outline);
      cairo_stroke (cr);
    }
}

/* A label with its halo: the text drawn around itself in the halo colour
 * at eight offsets, then on top.  Glyphs come from the font cache; a
 * stroked outline of the text would cost ten times more per new label.
 */
static void
show_layout_at (cairo_t       *cr,
                PangoLayout   *layout,
                double         x,
                double         y,
                const GdkRGBA *color,
                const GdkRGBA *halo,
                double         halo_width)
{
  if (halo != NULL)
    {
      double r = halo_width / 2;

      _atlas_map_set_color (cr, halo);
      for (int i = 0; i < 8; i++)
        {
          double a = i * G_PI / 4;

          cairo_move_to (cr, x + r * cos (a), y + r * sin (a));
          pango_cairo_show_layout (cr, layout);
        }
    }
  cairo_move_to (cr, x, y);
  _atlas_map_set_color (cr, color);
  pango_cairo_show_layout (cr, layout);
}


/* Draws what @draw draws around the anchor (@x, @y), within the box
 * (@ox, @oy, @w, @h) relative to the anchor: through a cached image for the
 * screen, directly for vector exports.
 */
void
_atlas_map_blit (Frame        *f,
                 cairo_t      *cr,
                 const char   *key,
                 double        x,
                 double        y,
                 int           ox,
                 int           oy,
                 int           w,
                 int           h,
                 SpriteDraw    draw,
                 gconstpointer data)
{
  cairo_surface_t *sprite;
  int ps = MAX (f->options->pixel_scale, 1);

  if (f->options->vector)
    {
      cairo_save (cr);
      cairo_translate (cr, x, y);
      draw (f, cr, data);
      cairo_restore (cr);
      return;
    }

  sprite = atlas_map_scene_lookup_sprite (f->scene, key);
  if (sprite == NULL)
    {
      cairo_t *scr;

      sprite = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (w, 1) * ps, MAX (h, 1) * ps);
      cairo_surface_set_device_scale (sprite, ps, ps);
      scr = cairo_create (sprite);
      cairo_translate (scr, -ox, -oy);
      draw (f, scr, data);
      cairo_destroy (scr);
      atlas_map_scene_add_sprite (f->scene, key, sprite);
    }

  cairo_set_source_surface (cr, sprite, round (x) + ox, round (y) + oy);
  cairo_paint (cr);
}

typedef struct
{
  AtlasSiteCategory      category;
  AtlasLocationPrecision precision;
  double                 r;
} MarkerSprite;

static void
draw_marker_sprite (Frame        *f,
                    cairo_t      *cr,
                    gconstpointer data)
{
  const MarkerSprite *m = data;

  _atlas_map_draw_site_marker (cr, f->palette, f->options->variant, m->category, m->precision, 0, 0, m->r, f->scale);
}

static void
put_marker (Frame                 *f,
            cairo_t               *cr,
            AtlasSiteCategory      category,
            AtlasLocationPrecision precision,
            double                 x,
            double                 y,
            double                 r)
{
  MarkerSprite m = { category, precision, r };
  char key[64];
  int half = (int) ceil (r * 1.3 + 6 * f->scale) + 1;

  g_snprintf (key, sizeof key, "m%d|%d|%d|%d|%g", f->options->variant, category, precision,
              (int) (r * 10), f->scale);
  _atlas_map_blit (f, cr, key, x, y, -half, -half, 2 * half, 2 * half, draw_marker_sprite, &m);
}

typedef struct
{
  PangoLayout *layout;
  double       r;
} ClusterSprite;

static void
draw_cluster_sprite (Frame        *f,
                     cairo_t      *cr,
                     gconstpointer data)
{
  const ClusterSprite *c = data;
  int lw, lh;

  cairo_new_path (cr);
  cairo_arc (cr, 0, 0, c->r, 0, 2 * G_PI);
  _atlas_map_set_color (cr, &f->palette->map_cluster);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 2 * f->scale);
  _atlas_map_set_color (cr, &f->palette->map_marker_outline);
  cairo_stroke (cr);

  pango_layout_get_pixel_size (c->layout, &lw, &lh);
  cairo_move_to (cr, -lw / 2.0, -lh / 2.0);
  _atlas_map_set_color (cr, &f->palette->map_cluster_text);
  pango_cairo_show_layout (cr, c->layout);
}

typedef struct
{
  PangoLayout   *layout;
  const GdkRGBA *color;
  double         halo;
} LabelSprite;

static void
draw_label_sprite (Frame        *f,
                   cairo_t      *cr,
                   gconstpointer data)
{
  const LabelSprite *l = data;

  show_layout_at (cr, l->layout, 0, 0, l->color, &f->palette->map_halo, l->halo);
}

/* A label with its halo, top-left corner at (@x, @y). */
void
_atlas_map_put_label (Frame         *f,
                      cairo_t       *cr,
                      PangoLayout   *layout,
                      double         x,
                      double         y,
                      const GdkRGBA *color,
                      double         halo)
{
  LabelSprite l = { layout, color, halo };
  char key[96];
  int lw, lh, pad = (int) ceil (halo) + 1;

  /* Layouts are the scene's, and colours the palette's, for as long as
   * the sprites (the scene forgets both together): their addresses will do
   * as a key, and cost nothing to make.
   */
  g_snprintf (key, sizeof key, "l%p|%p|%p|%g", (gpointer) layout, (gconstpointer) color,
              (gconstpointer) &f->palette->map_halo, halo);
  pango_layout_get_pixel_size (layout, &lw, &lh);
  _atlas_map_blit (f, cr, key, x, y, -pad, -pad, lw + 2 * pad, lh + 2 * pad, draw_label_sprite, &l);
}

/* Clusters and single markers in view.  The selected site is left out of
 * clusters and drawn on top later; clusters it would cover were placed
 * just clear of it, and a thin line leads back to where they belong.
 */
void
_atlas_map_paint_markers (Frame   *f,
                          cairo_t *cr)
{
  AtlasMapScene *scene = f->scene;
  const AtlasMapPaintOptions *o = f->options;
  double size = atlas_projection_world_size (f->zoom);
  double ox = f->width / 2 - f->cx, oy = f->height / 2 - f->cy;
  double line = f->scale;
  int text_pt = (int) lround (9 * f->scale);
  int excluded = o->selected_site >= 0 && atlas_map_scene_is_visible (scene, o->selected_site) ? o->selected_site : -1;
  double sx = 0, sy = 0, sel_r = ATLAS_MAP_SELECTED_REACH * line;

  f->clusters = atlas_map_scene_get_clusters (scene, f->zoom,
                                              (f->cx - f->width / 2) / size, (f->cy - f->height / 2) / size,
                                              (f->cx + f->width / 2) / size, (f->cy + f->height / 2) / size,
                                              excluded, line);
  if (excluded >= 0)
    {
      const AtlasMapPoint *p = &atlas_map_scene_get_points (scene)[excluded];

      sx = p->x * size + ox;
      sy = p->y * size + oy;
    }

  for (guint i = 0; i < atlas_map_cluster_set_get_n (f->clusters); i++)
    {
      const AtlasMapCluster *c = atlas_map_cluster_set_get (f->clusters, i);
      const guint *members = atlas_map_cluster_get_members (f->clusters, c);
      double x = c->x * size + ox, y = c->y * size + oy;
      double r = atlas_map_cluster_radius (c->count) * line;
      AtlasMapMarker marker;
      graphene_rect_t box;

      /* Moved clear of the selected site: the leader to where it belongs. */
      if (c->anchor_x != c->x || c->anchor_y != c->y)
        {
          double tx = c->anchor_x * size + ox, ty = c->anchor_y * size + oy;
          double d = MAX (hypot (tx - x, ty - y), 1e-6);

          cairo_new_path (cr);
          cairo_move_to (cr, x + (tx - x) / d * r, y + (ty - y) / d * r);
          cairo_line_to (cr, tx, ty);
          cairo_set_line_width (cr, 1.5 * line);
          _atlas_map_set_color (cr, &f->palette->map_cluster);
          cairo_stroke (cr);
          cairo_new_path (cr);
          cairo_arc (cr, tx, ty, 2 * line, 0, 2 * G_PI);
          cairo_fill (cr);
        }

      if (x < -r - 4 || y < -r - 4 || x > f->width + r + 4 || y > f->height + r + 4)
        continue;

      marker = (AtlasMapMarker) { x, y, r, i, c->count, members[0], c->x0, c->y0, c->x1, c->y1 };
      g_array_append_val (f->markers, marker);
      box = GRAPHENE_RECT_INIT (x - r - 2, y - r - 2, 2 * r + 4, 2 * r + 4);
      atlas_map_collider_add (f->collider, &box);

      if (c->count == 1)
        {
          const AtlasMapSiteInfo *info = atlas_map_scene_get_site_info (scene, members[0]);

          put_marker (f, cr, info->category, info->precision, x, y, r);
        }
      else
        {
          g_autofree char *count = atlas_format_compact (c->count);
          ClusterSprite sprite = { atlas_map_scene_get_layout (scene, count, text_pt, TRUE), r };
          int half = (int) ceil (r + 2 * line) + 1;
          char key[64];

          g_snprintf (key, sizeof key, "c%d|%s|%g|%g", o->variant, count, r, line);
          _atlas_map_blit (f, cr, key, x, y, -half, -half, 2 * half, 2 * half, draw_cluster_sprite, &sprite);
        }
    }

  /* The selected site: a marker of its own (drawn with the highlights). */
  if (excluded >= 0 && sx > -sel_r && sy > -sel_r && sx < f->width + sel_r && sy < f->height + sel_r)
    {
      const AtlasMapPoint *p = &atlas_map_scene_get_points (scene)[excluded];
      AtlasMapMarker marker = { sx, sy, 12 * line, G_MAXUINT, 1, excluded, p->x, p->y, p->x, p->y };
      graphene_rect_t box = GRAPHENE_RECT_INIT (sx - sel_r, sy - sel_r, 2 * sel_r, 2 * sel_r);

      g_array_append_val (f->markers, marker);
      atlas_map_collider_add (f->collider, &box);
    }
}

/* Rings for the selected, hovered and focused markers, on top. */
void
_atlas_map_paint_highlights (Frame   *f,
                             cairo_t *cr)
{
  const AtlasMapPaintOptions *o = f->options;
  AtlasMapScene *scene = f->scene;
  double line = f->scale;

  if (o->selected_site >= 0 && atlas_map_scene_is_visible (scene, o->selected_site))
    {
      const AtlasMapPoint *p = &atlas_map_scene_get_points (scene)[o->selected_site];
      const AtlasMapSiteInfo *info = atlas_map_scene_get_site_info (scene, o->selected_site);
      double size = atlas_projection_world_size (f->zoom);
      double x = p->x * size + f->width / 2 - f->cx, y = p->y * size + f->height / 2 - f->cy;
      double r = 12 * line;

      /* Drawn larger and on top, even inside a cluster. */
      cairo_new_path (cr);
      cairo_arc (cr, x, y, r + 6 * line, 0, 2 * G_PI);
      cairo_set_line_width (cr, 6 * line);
      _atlas_map_set_color (cr, &f->palette->map_halo);
      cairo_stroke_preserve (cr);
      cairo_set_line_width (cr, 3 * line);
      _atlas_map_set_color (cr, &f->palette->accent);
      cairo_stroke (cr);
      _atlas_map_draw_site_marker (cr, f->palette, o->variant, info->category, info->precision, x, y, r, line);
    }

  for (int pass = 0; pass < 2; pass++)
    {
      int index = pass == 0 ? o->hover_marker : o->focus_marker;
      const AtlasMapMarker *m;

      if (index < 0 || (guint) index >= f->markers->len)
        continue;
      m = &g_array_index (f->markers, AtlasMapMarker, index);
      cairo_new_path (cr);
      cairo_arc (cr, m->x, m->y, m->radius + 5 * line, 0, 2 * G_PI);
      if (pass == 1)
        {
          static const double dash[] = { 4, 3 };
          cairo_set_dash (cr, dash, 2, 0);
        }
      cairo_set_line_width (cr, 2.5 * line);
      _atlas_map_set_color (cr, pass == 0 ? &f->palette->text : &f->palette->accent);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

