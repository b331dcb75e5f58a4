/* atlas-map-badge.c
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
#include <pango/pangocairo.h>

#include "atlas-map-areas-private.h"
#include "atlas-projection.h"
#include "atlas-style.h"

/* An area's badge: where it goes without covering markers, labels or the
 * page's controls, and how it is drawn (a pill with the count in a disc,
 * and a leader line when it had to go beside the area).
 */

void
_atlas_map_areas_view_init (AtlasMapAreasView          *v,
                            AtlasViewport              *viewport,
                            double                      width,
                            double                      height,
                            const AtlasMapPaintOptions *options)
{
  double cx, cy;

  v->zoom = atlas_viewport_get_zoom (viewport);
  v->k = CLAMP ((int) ceil (v->zoom - 0.001), 0, (int) ATLAS_MAP_MAX_ZOOM + 1);
  v->s = exp2 (v->zoom - v->k);
  atlas_projection_to_pixels (atlas_viewport_get_lon (viewport), atlas_viewport_get_lat (viewport),
                              v->zoom, &cx, &cy);
  v->left = cx - width / 2;
  v->top = cy - height / 2;
  v->width = width;
  v->height = height;
  v->line = options->presenting ? 1.4 : 1.0;
  atlas_style_get_area_color (options->variant, &v->color, &v->text);
}

void
_atlas_map_areas_to_screen (const AtlasMapAreasView *v,
                            double                   ux,
                            double                   uy,
                            double                  *x,
                            double                  *y)
{
  double size = atlas_projection_world_size (v->zoom);

  *x = ux * size - v->left;
  *y = uy * size - v->top;
}

/* Whether the point (unit coordinates) is in one of the districts
 * @adcodes lists.
 */
gboolean
_atlas_map_areas_contains (AtlasMapScene *scene,
                           GArray        *adcodes,
                           double         ux,
                           double         uy)
{
  int district = atlas_map_scene_district_at (scene, atlas_projection_unit_to_lon (ux),
                                              atlas_projection_unit_to_lat (uy));
  int adcode;

  if (district < 0)
    return FALSE;
  adcode = atlas_map_scene_get_district (scene, district)->adcode;
  for (guint i = 0; i < adcodes->len; i++)
    if (g_array_index (adcodes, int, i) == adcode)
      return TRUE;
  return FALSE;
}

static void
rounded_rect (cairo_t               *cr,
              const graphene_rect_t *r,
              double                 radius)
{
  double x = r->origin.x, y = r->origin.y, w = r->size.width, h = r->size.height;

  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* Room for a badge: on screen clear of the page's floating controls (on
 * screen only: the zoom buttons on the right, the switches on top, the
 * inset at the bottom right), of the markers, labels and badges placed so
 * far, with its centre inside the area when @in_area.
 */
static gboolean
badge_fits (const AtlasMapAreasView    *v,
            const AtlasMapPaintOptions *options,
            AtlasMapCollider           *collider,
            AtlasMapScene              *scene,
            GArray                     *adcodes,
            const graphene_rect_t      *r,
            gboolean                    in_area)
{
  graphene_rect_t grown;
  double size = atlas_projection_world_size (v->zoom);
  double top = 8, right = v->width - 8, bottom = v->height - 8;

  if (options->title == NULL && !options->presenting)
    {
      top = 64;
      right = v->width - 68;
      bottom = v->height - 12;
      /* The inset, above the scale bar. */
      if (r->origin.x + r->size.width > v->width - 160 &&
          r->origin.y + r->size.height > v->height - 84 - 124)
        return FALSE;
    }
  if (r->origin.x < 8 || r->origin.y < top ||
      r->origin.x + r->size.width > right || r->origin.y + r->size.height > bottom)
    return FALSE;

  graphene_rect_inset_r (r, -3, -3, &grown);
  if (!atlas_map_collider_test (collider, &grown))
    return FALSE;

  return !in_area || _atlas_map_areas_contains (scene, adcodes,
                                                (v->left + r->origin.x + r->size.width / 2) / size,
                                                (v->top + r->origin.y + r->size.height / 2) / size);
}

static void
draw_badge (cairo_t                 *cr,
            const AtlasMapAreasView *v,
            const graphene_rect_t *r,
            PangoLayout           *count,
            PangoLayout           *name,
            gboolean               strong)
{
  double h = r->size.height, d = h - 6;
  int cw, ch, nw, nh;

  pango_layout_get_pixel_size (count, &cw, &ch);
  pango_layout_get_pixel_size (name, &nw, &nh);

  /* A pill of the area's colour with a rim of the text colour, so that it
   * stands apart from the hatching under it.
   */
  cairo_new_path (cr);
  rounded_rect (cr, r, h / 2);
  gdk_cairo_set_source_rgba (cr, &v->color);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, (strong ? 2.5 : 1.5) * v->line);
  gdk_cairo_set_source_rgba (cr, &v->text);
  cairo_stroke (cr);

  /* The count in a disc, as a cluster shows its count. */
  {
    graphene_rect_t disc = GRAPHENE_RECT_INIT (r->origin.x + 3, r->origin.y + 3, MAX (d, cw + 8), d);

    cairo_new_path (cr);
    rounded_rect (cr, &disc, d / 2);
    gdk_cairo_set_source_rgba (cr, &v->text);
    cairo_fill (cr);
    cairo_move_to (cr, disc.origin.x + (disc.size.width - cw) / 2, disc.origin.y + (d - ch) / 2);
    gdk_cairo_set_source_rgba (cr, &v->color);
    pango_cairo_show_layout (cr, count);

    cairo_move_to (cr, disc.origin.x + disc.size.width + 6, r->origin.y + (h - nh) / 2);
    gdk_cairo_set_source_rgba (cr, &v->text);
    pango_cairo_show_layout (cr, name);
  }
}

typedef struct
{
  double dx, dy;
} Offset;

static int
compare_offsets (gconstpointer a,
                 gconstpointer b)
{
  const Offset *x = a, *y = b;
  double da = x->dx * x->dx + x->dy * x->dy, db = y->dx * y->dx + y->dy * y->dy;

  return da < db ? -1 : da > db ? 1 : 0;
}

/* Places around an anchor, nearest first: a grid of @hstep by @vstep up
 * to @rings steps away.
 */
static GArray *
offsets_new (double hstep,
             double vstep,
             int    rings)
{
  GArray *offsets = g_array_new (FALSE, FALSE, sizeof (Offset));

  for (int j = -rings; j <= rings; j++)
    for (int i = -rings; i <= rings; i++)
      {
        Offset o = { i * hstep, j * vstep };

        g_array_append_val (offsets, o);
      }
  g_array_sort (offsets, compare_offsets);
  return offsets;
}

static void
leader_end (double                 x,
            double                 y,
            const graphene_rect_t *r,
            double                *tx,
            double                *ty)
{
  *tx = CLAMP (x, r->origin.x + r->size.height / 2, r->origin.x + r->size.width - r->size.height / 2);
  *ty = CLAMP (y, r->origin.y, r->origin.y + r->size.height);
}

/* Whether a leader from (@x, @y) to @r would cross a marker, a label or
 * a badge placed before: tested every few pixels along it.
 */
static gboolean
leader_is_clear (AtlasMapCollider      *collider,
                 double                 x,
                 double                 y,
                 const graphene_rect_t *r)
{
  double tx, ty, length;
  int steps;

  leader_end (x, y, r, &tx, &ty);
  length = hypot (tx - x, ty - y);
  steps = MAX (1, (int) (length / 4));
  for (int i = 0; i <= steps; i++)
    {
      double px = x + (tx - x) * i / steps, py = y + (ty - y) * i / steps;
      graphene_rect_t dot = GRAPHENE_RECT_INIT (px - 3, py - 3, 6, 6);

      if (!atlas_map_collider_test (collider, &dot))
        return FALSE;
    }
  return TRUE;
}

/* From the anchor to the nearest point of a badge placed away from it. */
static void
draw_leader (cairo_t                 *cr,
             const AtlasMapAreasView *v,
             double                 x,
             double                 y,
             const graphene_rect_t *r)
{
  double tx, ty;

  leader_end (x, y, r, &tx, &ty);

  cairo_new_path (cr);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, tx, ty);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, 4 * v->line);
  gdk_cairo_set_source_rgba (cr, &v->text);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, 2 * v->line);
  gdk_cairo_set_source_rgba (cr, &v->color);
  cairo_stroke (cr);

  cairo_new_path (cr);
  cairo_arc (cr, x, y, 4 * v->line, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, &v->color);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 1.5 * v->line);
  gdk_cairo_set_source_rgba (cr, &v->text);
  cairo_stroke (cr);
}

/* Where the badge of an area goes (see atlas_map_areas_paint_badges()):
 * the first place near an anchor on screen where it covers nothing and its
 * centre is in the area; else beside an anchor, the leader from it
 * running over nothing; else over the first anchor on screen, whatever is
 * there.  %FALSE when no anchor is on screen.
 */
gboolean
_atlas_map_badge_place (const AtlasMapAreasView    *v,
                        const AtlasMapPaintOptions *options,
                        AtlasMapCollider           *collider,
                        AtlasMapScene              *scene,
                        GArray                     *adcodes,
                        GArray                     *anchors,
                        double                      w,
                        double                      h,
                        graphene_rect_t            *rect,
                        gboolean                   *leader,
                        double                     *anchor_x,
                        double                     *anchor_y)
{
  g_autoptr(GArray) near = NULL;
  g_autoptr(GArray) far = NULL;
  gboolean placed = FALSE, has_anchor = FALSE;
  double ax = 0, ay = 0;

  *leader = FALSE;
  near = offsets_new (MIN (w / 2, 48), h + 4, 2);
  far = offsets_new (MIN (w / 2, 48), h + 4, 5);

  for (guint a = 0; a < anchors->len && !placed; a++)
    {
      const AtlasMapPoint *p = &g_array_index (anchors, AtlasMapPoint, a);
      double x, y;

      _atlas_map_areas_to_screen (v, p->x, p->y, &x, &y);
      if (x < 0 || y < 0 || x > v->width || y > v->height)
        continue;
      if (!has_anchor)
        {
          ax = x;
          ay = y;
          has_anchor = TRUE;
        }
      for (guint o = 0; o < near->len && !placed; o++)
        {
          const Offset *off = &g_array_index (near, Offset, o);

          *rect = GRAPHENE_RECT_INIT (round (x - w / 2 + off->dx), round (y - h / 2 + off->dy), w, h);
          placed = badge_fits (v, options, collider, scene, adcodes, rect, TRUE);
        }
    }
  if (!has_anchor)
    return FALSE;

  /* Beside the area: the leader must not run over markers either. */
  for (guint a = 0; a < anchors->len && !placed; a++)
    {
      const AtlasMapPoint *p = &g_array_index (anchors, AtlasMapPoint, a);
      double x, y;

      _atlas_map_areas_to_screen (v, p->x, p->y, &x, &y);
      if (x < 0 || y < 0 || x > v->width || y > v->height)
        continue;
      for (guint o = 0; o < far->len && !placed; o++)
        {
          const Offset *off = &g_array_index (far, Offset, o);

          *rect = GRAPHENE_RECT_INIT (round (x - w / 2 + off->dx), round (y - h / 2 + off->dy), w, h);
          placed = *leader = badge_fits (v, options, collider, scene, adcodes, rect, FALSE) &&
                             leader_is_clear (collider, x, y, rect);
          if (placed)
            {
              ax = x;
              ay = y;
            }
        }
    }
  if (!placed)
    *rect = GRAPHENE_RECT_INIT (CLAMP (ax - w / 2, 8, MAX (8, v->width - w - 8)),
                               CLAMP (ay - h / 2, 8, MAX (8, v->height - h - 8)), w, h);

  *anchor_x = ax;
  *anchor_y = ay;
  return TRUE;
}

void
_atlas_map_badge_draw (cairo_t                 *cr,
                       const AtlasMapAreasView *v,
                       const graphene_rect_t   *rect,
                       PangoLayout             *count,
                       PangoLayout             *name,
                       gboolean                 strong,
                       gboolean                 leader,
                       double                   anchor_x,
                       double                   anchor_y)
{
  if (leader)
    draw_leader (cr, v, anchor_x, anchor_y, rect);
  draw_badge (cr, v, rect, count, name, strong);
}
