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

/* Names on the map, placed without overlap: the selected site first, then
 * districts (larger first), rivers and the sites beside single markers.
 */


static gboolean
place_label (Frame         *f,
             cairo_t       *cr,
             PangoLayout   *layout,
             double         x,
             double         y,
             gboolean       centred,
             const GdkRGBA *color)
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
  return TRUE;
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
  int big = o->presenting ? 13 : 10;
  int small = o->presenting ? 11 : 9;
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  guint attempts = 0;

  /* The selected site's name first: it must show. */
  if (o->selected_site >= 0 && atlas_map_scene_is_visible (scene, o->selected_site))
    {
      const AtlasMapPoint *p = &atlas_map_scene_get_points (scene)[o->selected_site];
      PangoLayout *layout = atlas_map_scene_get_layout (scene, atlas_map_scene_get_site_name (scene, o->selected_site),
                                                        big, TRUE);

      place_label (f, cr, layout, p->x * size + ox + 22 * f->scale, p->y * size + oy, FALSE, &f->palette->text);
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
                   selected ? &f->palette->accent_text : &f->palette->text);
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
                   &f->palette->map_river_text);
    }

  /* Site names beside single markers, where there is room. */
  for (guint i = 0; i < f->markers->len && attempts < 400; i++)
    {
      const AtlasMapMarker *m = &g_array_index (f->markers, AtlasMapMarker, i);
      PangoLayout *layout;

      if (m->count != 1 || (int) m->site == o->selected_site)
        continue;
      attempts++;
      layout = atlas_map_scene_get_layout (scene, atlas_map_scene_get_site_name (scene, m->site), small, FALSE);
      place_label (f, cr, layout, m->x + m->radius + 5 * f->scale, m->y, FALSE, &f->palette->text);
    }
}

