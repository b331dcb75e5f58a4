/* atlas-timeline-render.c
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

#include "atlas-dataset.h"
#include "atlas-date.h"
#include "atlas-event.h"
#include "atlas-session.h"
#include "atlas-render.h"
#include "atlas-state.h"
#include "atlas-style.h"
#include "atlas-timeline-chart.h"

/* The timeline without a window: `cq-atlas --render timeline` and
 * `--benchmark timeline`, through the same painter as the widget.
 */

/* The events the timeline shows: every filter but the time range, which the
 * timeline draws as its brush.
 */
static GListModel *
filtered_events (AtlasSession *session)
{
  GtkFilter *filter = atlas_session_new_filter (session, ATLAS_TYPE_EVENT, ATLAS_FILTER_TIME);
  g_autoptr(GtkFilterListModel) model =
    gtk_filter_list_model_new (g_object_ref (atlas_dataset_get_events (atlas_session_get_dataset (session))),
                               filter);
  GListStore *store = g_list_store_new (ATLAS_TYPE_EVENT);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) event = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_list_store_append (store, event);
    }
  return G_LIST_MODEL (store);
}

/* All the (filtered) events, fitted to @width x @height. */
GskRenderNode *
atlas_timeline_render (AtlasSession *session,
                       const char   *variant,
                       int           width,
                       int           height,
                       gboolean      dark)
{
  AtlasState *state = atlas_session_get_state (session);
  g_autoptr(AtlasTimelineChart) chart = atlas_timeline_chart_new (NULL);
  g_autoptr(GListModel) events = filtered_events (session);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  AtlasStyleVariant style = atlas_style_variant_for (dark, FALSE, FALSE);
  double first, last;

  atlas_timeline_chart_set_variant (chart, style);
  atlas_timeline_chart_set_events (chart, events);
  atlas_timeline_chart_get_fit_range (chart, &first, &last);
  atlas_time_axis_set_range (atlas_timeline_chart_get_axis (chart), first, last);
  if (atlas_state_has_time_range (state))
    atlas_timeline_chart_set_brush (chart, atlas_state_get_time_first (state), atlas_state_get_time_last (state));

  /* On the view's colour, as on screen: the chart leaves every other lane
   * unshaded, and a dark image with holes there would lose its light lane
   * titles on a white page.
   */
  gtk_snapshot_append_color (snapshot, &atlas_style_get_palette (style)->view,
                             &GRAPHENE_RECT_INIT (0, 0, width, height));
  atlas_timeline_chart_snapshot (chart, snapshot, width, height);
  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

static GListModel *
synthetic_events (guint n)
{
  GListStore *store = g_list_store_new (ATLAS_TYPE_EVENT);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20201215);

  for (guint i = 0; i < n; i++)
    {
      int year = g_rand_int_range (rand, 2013, 2024);
      int month = g_rand_int_range (rand, 1, 13);
      int day = g_rand_int_range (rand, 1, 29);
      double p = g_rand_double (rand);
      AtlasDatePrecision precision = p < 0.8 ? ATLAS_DATE_PRECISION_DAY
                                   : p < 0.95 ? ATLAS_DATE_PRECISION_MONTH : ATLAS_DATE_PRECISION_YEAR;
      g_autofree char *id = g_strdup_printf ("synthetic-%u", i);
      g_autofree char *name = g_strdup_printf ("Synthetic event %u", i);
      g_autofree char *date = precision == ATLAS_DATE_PRECISION_DAY ? g_strdup_printf ("%04d-%02d-%02d", year, month, day)
                            : precision == ATLAS_DATE_PRECISION_MONTH ? g_strdup_printf ("%04d-%02d", year, month)
                            : g_strdup_printf ("%04d", year);
      g_autoptr(AtlasEvent) event = g_object_new (ATLAS_TYPE_EVENT,
                                                  "id", id,
                                                  "name-zh", name,
                                                  "name-en", name,
                                                  "date", date,
                                                  "date-precision", precision,
                                                  "kind", g_rand_int_range (rand, 0, ATLAS_N_EVENT_KINDS),
                                                  NULL);
      g_list_store_append (store, event);
    }
  return G_LIST_MODEL (store);
}

/* Frames as a user makes them: the whole period, then panning and zooming
 * in steps.  Each frame builds the nodes and draws them.
 */
static void
benchmark_events (GListModel *events)
{
  const int width = 1280, height = 800;
  g_autoptr(AtlasTimelineChart) chart = atlas_timeline_chart_new (NULL);
  g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  cairo_surface_t *target = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  AtlasTimeAxis *axis = atlas_timeline_chart_get_axis (chart);
  double first, last, median, max;

  atlas_timeline_chart_set_events (chart, events);
  atlas_timeline_chart_get_fit_range (chart, &first, &last);

  for (int frame = -5; frame < 120; frame++)
    {
      g_autoptr(GtkSnapshot) snapshot = NULL;
      g_autoptr(GskRenderNode) node = NULL;
      gint64 start;
      double ms;

      if (frame <= 0)
        atlas_time_axis_set_range (axis, first, last);
      else if (frame % 30 == 0)
        atlas_time_axis_zoom (axis, 1.6, (atlas_time_axis_get_first (axis) + atlas_time_axis_get_last (axis)) / 2);
      else
        atlas_time_axis_pan (axis, (frame / 30 % 2 ? -1 : 1) * (atlas_time_axis_get_last (axis) - atlas_time_axis_get_first (axis)) / 60);

      start = g_get_monotonic_time ();
      snapshot = gtk_snapshot_new ();
      atlas_timeline_chart_snapshot (chart, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      ms = (g_get_monotonic_time () - start) / 1000.0;
      ms += atlas_render_time_node (node, target);
      if (frame > 0)
        g_array_append_val (samples, ms);
    }

  atlas_render_stats (samples, &median, &max);
  g_print ("timeline-frame events=%u median_ms=%.2f max_ms=%.2f\n",
           atlas_timeline_chart_get_n_events (chart), median, max);
  cairo_surface_destroy (target);
}

void
atlas_timeline_benchmark (AtlasDataset *dataset)
{
  const guint sizes[] = { 1000, 10000 };

  benchmark_events (atlas_dataset_get_events (dataset));
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GListModel) events = synthetic_events (sizes[i]);

      benchmark_events (events);
    }
}
