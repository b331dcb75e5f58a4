/* atlas-map-painter.c
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

#include "atlas-district.h"
#include "atlas-map-painter-private.h"
#include "atlas-map-areas.h"
#include "atlas-projection.h"

/* The map's painter: one frame is the base map, markers and clusters, the
 * legend, labels without overlap, highlights, the notice and a title, each
 * drawn by its own file into the same Frame.
 */

void
atlas_map_paint_options_init (AtlasMapPaintOptions *options)
{
  memset (options, 0, sizeof *options);
  options->variant = ATLAS_STYLE_LIGHT;
  options->selected_site = -1;
  options->hover_marker = -1;
  options->focus_marker = -1;
  options->selected_district = -1;
  options->legend = TRUE;
  options->notice = TRUE;
  options->pixel_scale = 1;
}

const char *
atlas_map_measure_get_label (const char *measure)
{
  if (g_strcmp0 (measure, "events") == 0)
    return _("Events per district");
  return _("Sites per district");
}

double
_atlas_map_measure_value (AtlasMapShape *shape,
                          const char    *measure)
{
  if (shape->district == NULL)
    return 0;
  if (g_strcmp0 (measure, "events") == 0)
    return atlas_district_get_event_count (shape->district);
  return atlas_district_get_site_count (shape->district);
}

gboolean
_atlas_map_has_choropleth (const AtlasMapPaintOptions *options)
{
  return options->choropleth != NULL && options->choropleth[0] != '\0';
}

void
_atlas_map_set_color (cairo_t       *cr,
                      const GdkRGBA *color)
{
  gdk_cairo_set_source_rgba (cr, color);
}

/* ---- entry points ------------------------------------------------------- */

gboolean
atlas_map_paint (AtlasMapScene              *scene,
                 GtkSnapshot                *snapshot,
                 AtlasViewport              *viewport,
                 double                      width,
                 double                      height,
                 const AtlasMapPaintOptions *options,
                 GArray                     *markers)
{
  g_autoptr(GArray) own_markers = NULL;
  Frame f = { 0 };
  cairo_t *cr;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);

  g_return_val_if_fail (ATLAS_IS_MAP_SCENE (scene), FALSE);
  g_return_val_if_fail (ATLAS_IS_VIEWPORT (viewport), FALSE);

  if (width < 1 || height < 1)
    return FALSE;

  if (markers == NULL)
    markers = own_markers = g_array_new (FALSE, FALSE, sizeof (AtlasMapMarker));
  g_array_set_size (markers, 0);

  f.scene = scene;
  f.options = options;
  f.width = width;
  f.height = height;
  f.zoom = atlas_viewport_get_zoom (viewport);
  atlas_projection_to_pixels (atlas_viewport_get_lon (viewport), atlas_viewport_get_lat (viewport),
                              f.zoom, &f.cx, &f.cy);
  f.scale = options->presenting ? ATLAS_PRESENTATION_SCALE : 1.0;
  f.markers = markers;
  f.collider = atlas_map_collider_new (width, height);
  f.palette = atlas_style_get_palette (options->variant);

  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  _atlas_map_compute_classes (&f);
  _atlas_map_paint_base (&f, cr);

  /* The page's own controls and the notice are obstacles for labels. */
  if (options->notice)
    {
      graphene_rect_t box = GRAPHENE_RECT_INIT (width - 520, height - 72, 520, 72);
      atlas_map_collider_add (f.collider, &box);
    }
  if (options->title != NULL)
    {
      graphene_rect_t box = GRAPHENE_RECT_INIT (0, 0, 520, 56);
      atlas_map_collider_add (f.collider, &box);
    }

  if (options->areas != NULL &&
      !atlas_map_areas_paint_layer (options->areas, cr, scene, viewport, width, height, options))
    f.stale = TRUE;
  _atlas_map_paint_markers (&f, cr);
  if (options->legend)
    _atlas_map_paint_legend (&f, cr);
  if (options->areas != NULL)
    atlas_map_areas_paint_badges (options->areas, cr, scene, viewport, width, height, options, f.collider);
  _atlas_map_paint_labels (&f, cr);
  _atlas_map_paint_highlights (&f, cr);
  if (options->notice)
    _atlas_map_paint_notice (&f, cr);
  if (options->title != NULL)
    _atlas_map_paint_title (&f, cr);
  cairo_destroy (cr);

  atlas_map_collider_free (f.collider);
  return f.stale;
}

typedef struct
{
  guint  index;
  double x, y;
} Ordered;

static int
compare_reading (gconstpointer a,
                 gconstpointer b)
{
  const Ordered *x = a, *y = b;
  int bx = (int) floor (x->y / 64.0), by = (int) floor (y->y / 64.0);

  if (bx != by)
    return bx < by ? -1 : 1;
  if (x->x != y->x)
    return x->x < y->x ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index ? 1 : 0;
}

/* The order Tab visits markers: in bands 64 px high from the top, left to
 * right in each band, as one reads a page.  @order receives marker indices.
 */
void
atlas_map_focus_order (GArray *markers,
                       GArray *order)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Ordered));

  for (guint i = 0; i < markers->len; i++)
    {
      const AtlasMapMarker *m = &g_array_index (markers, AtlasMapMarker, i);
      Ordered o = { i, m->x, m->y };

      if (m->x < 0 || m->y < 0)
        continue;
      g_array_append_val (items, o);
    }
  g_array_sort (items, compare_reading);

  g_array_set_size (order, 0);
  for (guint i = 0; i < items->len; i++)
    g_array_append_val (order, g_array_index (items, Ordered, i).index);
}
