/* atlas-map-labels.c
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
#include "atlas-projection.h"

/* Names on the map, placed without overlap: the selected site and a lone
 * search match first, where they always show, then districts (larger
 * first), rivers and the sites beside single markers.
 */

static void
note_label (Frame                 *f,
            const graphene_rect_t *box,
            int                    site)
{
  AtlasMapLabel label = { *box, site };

  if (f->options->labels != NULL && site >= 0)
    g_array_append_val (f->options->labels, label);
}

static gboolean
place_label (Frame         *f,
             cairo_t       *cr,
             PangoLayout   *layout,
             double         x,
             double         y,
             gboolean       centred,
             const GdkRGBA *color,
             int            site)
{
  int lw, lh;
  graphene_rect_t box;
  double left, top;

  pango_layout_get_pixel_size (layout, &lw, &lh);
  left = centred ? x - lw / 2.0 : x;
  top = y - lh / 2.0;
  if (left < 2 || top < 2 || left + lw > f->width - 2 || top + lh > f->height - 2)
    return FALSE;

  box = GRAPHENE_RECT_INIT (left - 2, top - 1, lw + 4, lh + 2);
  if (!atlas_map_collider_try_add (f->collider, &box))
    return FALSE;

  _atlas_map_put_label (f, cr, layout, left, top, color, 3.0 * f->scale);
  note_label (f, &GRAPHENE_RECT_INIT (left, top, lw, lh), site);
  return TRUE;
}

/* A name that must show, beside the site at (@x, @y) whose marker reaches
 * @reach: right of it, else left, above or below, wherever nothing else
 * is; where none is free, right of it (or wherever it fits on screen)
 * over whatever is there.
 */
static void
place_forced (Frame         *f,
              cairo_t       *cr,
              PangoLayout   *layout,
              double         x,
              double         y,
              double         reach,
              const GdkRGBA *color,
              int            site)
{
  double gap = 4 * f->scale;
  int lw, lh;
  graphene_rect_t fallback = { { -1, -1 }, { 0, 0 } };

  pango_layout_get_pixel_size (layout, &lw, &lh);
  for (int pass = 0; pass < 2; pass++)
    for (int side = 0; side < 4; side++)
      {
        double left = side == 0 ? x + reach + gap : side == 1 ? x - reach - gap - lw : x - lw / 2.0;
        double top = side == 2 ? y - reach - gap - lh : side == 3 ? y + reach + gap : y - lh / 2.0;
        graphene_rect_t box = GRAPHENE_RECT_INIT (left - 2, top - 1, lw + 4, lh + 2);

        if (left < 2 || top < 2 || left + lw > f->width - 2 || top + lh > f->height - 2)
          continue;
        if (pass == 0 && !atlas_map_collider_test (f->collider, &box))
          {
            if (fallback.origin.x < 0)
              fallback = GRAPHENE_RECT_INIT (left, top, lw, lh);
            continue;
          }
        atlas_map_collider_add (f->collider, &box);
        _atlas_map_put_label (f, cr, layout, left, top, color, 3.0 * f->scale);
        note_label (f, &GRAPHENE_RECT_INIT (left, top, lw, lh), site);
        return;
      }
}

static int
compare_area (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  AtlasMapScene *scene = user_data;
  double x = atlas_map_scene_get_district (scene, *(const guint *) a)->area;
  double y = atlas_map_scene_get_district (scene, *(const guint *) b)->area;

  if (x != y)
    return x > y ? -1 : 1;
  return *(const guint *) a < *(const guint *) b ? -1 : 1;
}

void
_atlas_map_paint_labels (Frame   *f,
                         cairo_t *cr)
{
  AtlasMapScene *scene = f->scene;
  const AtlasMapPaintOptions *o = f->options;
  double size = atlas_projection_world_size (f->zoom);
  double ox = f->width / 2 - f->cx, oy = f->height / 2 - f->cy;
  /* Type grows with the presentation scale, as everything else does. */
  int big = (int) lround (10 * f->scale);
  int small = (int) lround (9 * f->scale);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  guint attempts = 0;

  /* The selected site's name first, and the only site a search left:
   * they must show.
   */
  for (int pass = 0; pass < 2; pass++)
    {
      int site = pass == 0 ? o->selected_site
               : atlas_map_scene_get_n_visible (scene) == 1 ? atlas_map_scene_get_first_visible (scene) : -1;
      const AtlasMapPoint *p;

      if (site < 0 || !atlas_map_scene_is_visible (scene, site) || (pass == 1 && site == o->selected_site))
        continue;
      p = &atlas_map_scene_get_points (scene)[site];
      place_forced (f, cr, atlas_map_scene_get_layout (scene, atlas_map_scene_get_site_name (scene, site), big, TRUE),
                    p->x * size + ox, p->y * size + oy,
                    (pass == 0 ? ATLAS_MAP_SELECTED_REACH : atlas_map_cluster_radius (1) + 2) * f->scale,
                    &f->palette->text, site);
    }

  /* District names, larger districts first. */
  for (guint i = 0; i < atlas_map_scene_get_n_districts (scene); i++)
    g_array_append_val (order, i);
  g_array_sort_with_data (order, compare_area, scene);
  for (guint j = 0; j < order->len; j++)
    {
      AtlasMapShape *shape = atlas_map_scene_get_district (scene, g_array_index (order, guint, j));
      gboolean selected = g_array_index (order, guint, j) == (guint) o->selected_district;
      PangoLayout *layout;

      if (shape->name == NULL)
        continue;
      layout = atlas_map_scene_get_layout (scene, shape->name, big, selected);
      place_label (f, cr, layout, shape->label_x * size + ox, shape->label_y * size + oy, TRUE,
                   selected ? &f->palette->accent_text : &f->palette->text, -1);
    }

  /* River names. */
  for (guint i = 0; i < atlas_map_scene_get_n_rivers (scene); i++)
    {
      AtlasMapShape *shape = atlas_map_scene_get_river (scene, i);
      PangoLayout *layout;

      if (shape->name == NULL)
        continue;
      layout = atlas_map_scene_get_layout (scene, shape->name, small, FALSE);
      place_label (f, cr, layout, shape->label_x * size + ox, shape->label_y * size + oy, TRUE,
                   &f->palette->map_river_text, -1);
    }

  /* Site names beside single markers, where there is room. */
  for (guint i = 0; i < f->markers->len && attempts < 400; i++)
    {
      const AtlasMapMarker *m = &g_array_index (f->markers, AtlasMapMarker, i);
      PangoLayout *layout;

      if (m->count != 1 || (int) m->site == o->selected_site || atlas_map_scene_get_n_visible (scene) == 1)
        continue;
      attempts++;
      layout = atlas_map_scene_get_layout (scene, atlas_map_scene_get_site_name (scene, m->site), small, FALSE);
      place_label (f, cr, layout, m->x + m->radius + 5 * f->scale, m->y, FALSE, &f->palette->text, m->site);
    }
}

