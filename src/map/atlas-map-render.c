/* atlas-map-render.c
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

#include "atlas-dataset.h"
#include "atlas-map-areas.h"
#include "atlas-map-render.h"
#include "atlas-projection.h"
#include "atlas-render.h"
#include "atlas-session.h"
#include "atlas-state.h"

GskRenderNode *
atlas_map_render_scene (AtlasMapScene              *scene,
                        AtlasViewport              *viewport,
                        const AtlasMapPaintOptions *options,
                        int                         width,
                        int                         height)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

  atlas_map_paint (scene, snapshot, viewport, width, height, options, NULL);
  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

/* Centres on the municipality at the zoom that shows all of it ("0"). */
void
atlas_map_fit_chongqing (AtlasMapScene *scene,
                         AtlasViewport *viewport,
                         double         width,
                         double         height,
                         gboolean       animate,
                         GtkWidget     *widget)
{
  double x0, y0, x1, y1, zoom, cx, cy;

  atlas_map_scene_get_bounds (scene, &x0, &y0, &x1, &y1);
  zoom = atlas_viewport_fit_zoom (viewport, x0, y0, x1, y1, width, height, 24);
  cx = (atlas_projection_lon_to_unit (x0) + atlas_projection_lon_to_unit (x1)) / 2;
  cy = (atlas_projection_lat_to_unit (y0) + atlas_projection_lat_to_unit (y1)) / 2;
  if (animate)
    atlas_viewport_fly_to (viewport, widget, atlas_projection_unit_to_lon (cx),
                           atlas_projection_unit_to_lat (cy), zoom);
  else
    atlas_viewport_set (viewport, atlas_projection_unit_to_lon (cx),
                        atlas_projection_unit_to_lat (cy), zoom);
}

static AtlasViewport *
new_viewport (AtlasMapScene *scene,
              int            width,
              int            height)
{
  AtlasViewport *viewport = atlas_viewport_new ();
  double x0, y0, x1, y1;

  atlas_map_scene_get_bounds (scene, &x0, &y0, &x1, &y1);
  atlas_viewport_set_zoom_range (viewport, ATLAS_MAP_MIN_ZOOM, ATLAS_MAP_MAX_ZOOM);
  atlas_viewport_set_bounds (viewport, x0 - 0.5, y0 - 0.5, x1 + 0.5, y1 + 0.5);
  atlas_map_fit_chongqing (scene, viewport, width, height, FALSE, NULL);
  return viewport;
}

/* `cq-atlas --render map`: the default view as an export draws it, with a
 * title, the legend, the scale bar, the schematic-map notice and the
 * attribution.
 */
GskRenderNode *
atlas_map_render (AtlasSession *session,
                  const char   *variant,
                  int           width,
                  int           height,
                  gboolean      dark)
{
  AtlasState *state = atlas_session_get_state (session);
  g_autoptr(AtlasMapScene) scene = atlas_map_scene_new (atlas_session_get_dataset (session));
  g_autoptr(AtlasViewport) viewport = new_viewport (scene, width, height);
  g_autoptr(AtlasMapAreas) areas = atlas_map_areas_new (session);
  AtlasMapPaintOptions options;

  atlas_map_scene_set_filter (scene, atlas_session_get_site_filter (session));
  atlas_map_paint_options_init (&options);
  options.areas = areas;
  options.variant = atlas_style_variant_for (dark, FALSE, FALSE);
  options.choropleth = atlas_state_get_choropleth (state);
  options.title = _("Science and Technology Sites in Chongqing");
  options.legend_top = 64;
  options.vector = TRUE;

  return atlas_map_render_scene (scene, viewport, &options, width, height);
}

#define BENCH_WIDTH 1280
#define BENCH_HEIGHT 800
#define BENCH_FRAMES 60

/* Each measured frame builds the render node through atlas_map_paint() and
 * draws it with cairo into a 1280x800 image, as GSK's cairo renderer does.
 * The camera pans by a few pixels every frame so that labels are placed
 * anew each time; the district outlines and clusters for the zoom level are
 * cached after the first (warm-up) frame, as they are on screen.
 */
static void
bench_scene (AtlasMapScene *scene,
             guint          n_sites)
{
  g_autoptr(AtlasViewport) viewport = new_viewport (scene, BENCH_WIDTH, BENCH_HEIGHT);
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  cairo_surface_t *target = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, BENCH_WIDTH, BENCH_HEIGHT);
  AtlasMapPaintOptions options;
  double median, max;

  atlas_map_paint_options_init (&options);

  for (int i = -3; i < BENCH_FRAMES; i++)
    {
      g_autoptr(GskRenderNode) node = NULL;
      gint64 start;
      double ms;

      atlas_viewport_pan_pixels (viewport, (i % 2) ? 3 : -3, (i % 3) - 1);
      start = g_get_monotonic_time ();
      node = atlas_map_render_scene (scene, viewport, &options, BENCH_WIDTH, BENCH_HEIGHT);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      ms += atlas_render_time_node (node, target);
      if (i >= 0)
        g_array_append_val (samples, ms);
    }

  atlas_render_stats (samples, &median, &max);
  g_print ("map-frame sites=%u median_ms=%.2f max_ms=%.2f\n", n_sites, median, max);
  cairo_surface_destroy (target);
}

#define ZOOM_FRAMES 40

/* What a pinch or a story's fly-to costs when it lands: every frame is at a
 * zoom level no frame was drawn at before (a golden-ratio walk over the
 * zooms the page allows, centred on the dense main urban area), and the
 * scene first forgets whatever it kept for particular zooms.  Layouts of
 * names and marker images do not depend on the zoom and stay.
 */
static void
bench_zoom (AtlasMapScene *scene,
            guint          n_sites)
{
  g_autoptr(AtlasViewport) viewport = new_viewport (scene, BENCH_WIDTH, BENCH_HEIGHT);
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  cairo_surface_t *target = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, BENCH_WIDTH, BENCH_HEIGHT);
  double low = atlas_viewport_get_zoom (viewport) - 0.5, high = 13.0;
  AtlasMapPaintOptions options;
  double median, max;

  atlas_map_paint_options_init (&options);

  for (int i = -2; i < ZOOM_FRAMES; i++)
    {
      g_autoptr(GskRenderNode) node = NULL;
      double zoom = low + fmod ((i + 3) * 0.6180339887, 1.0) * (high - low);
      gint64 start;
      double ms;

      atlas_viewport_set (viewport, 106.55, 29.57, zoom);
      atlas_map_scene_drop_zoom_caches (scene);
      start = g_get_monotonic_time ();
      node = atlas_map_render_scene (scene, viewport, &options, BENCH_WIDTH, BENCH_HEIGHT);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      ms += atlas_render_time_node (node, target);
      if (i >= 0)
        g_array_append_val (samples, ms);
    }

  atlas_render_stats (samples, &median, &max);
  g_print ("map-zoom-frame sites=%u median_ms=%.2f max_ms=%.2f\n", n_sites, median, max);
  cairo_surface_destroy (target);
}

void
atlas_map_benchmark (AtlasDataset *dataset)
{
  static const guint counts[] = { 1000, 10000, 100000 };
  g_autoptr(AtlasMapScene) real = atlas_map_scene_new (dataset);

  /* As in the app, where the map view prepares them after its first frame. */
  atlas_map_scene_prepare_outlines (real);

  bench_scene (real, atlas_map_scene_get_n_sites (real));
  bench_zoom (real, atlas_map_scene_get_n_sites (real));
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autoptr(AtlasMapScene) scene = atlas_map_scene_new_synthetic (dataset, counts[i], 20201215);

      bench_scene (scene, counts[i]);
      bench_zoom (scene, counts[i]);
    }
}
