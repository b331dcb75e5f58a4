/* test-timeline.c
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

/* The timeline without a display: ticks at every zoom level, spans for
 * dates known to the month or year, lanes without overlaps, chronological
 * keyboard order, the camera, searches of the view that agree with a scan
 * of every event, and `cq-atlas --render timeline`.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "atlas-dataset.h"
#include "atlas-event.h"
#include "atlas-item.h"
#include "atlas-l10n.h"
#include "atlas-render.h"
#include "atlas-state.h"
#include "atlas-store.h"
#include "atlas-time-axis.h"
#include "atlas-test-render.h"
#include "atlas-timeline-chart-private.h"

static AtlasDataset *dataset;

static void
test_ticks_every_level (void)
{
  g_autoptr(AtlasTimeAxis) axis = atlas_time_axis_new ();
  const double width = 1100;
  /* Spans from decades down to days. */
  const double spans[] = { 70000, 18000, 6000, 3650, 1500, 700, 300, 120, 40, 12 };
  AtlasTickLevel previous = ATLAS_TICK_DECADE;
  double centre = atlas_julian_from_ymd (2020, 12, 15);
  gboolean seen[ATLAS_N_TICK_LEVELS] = { FALSE, };

  atlas_time_axis_set_bounds (axis, atlas_julian_from_ymd (1900, 1, 1), atlas_julian_from_ymd (2100, 1, 1));
  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      g_autoptr(GArray) ticks = NULL;
      AtlasTickLevel level;

      atlas_time_axis_set_range (axis, centre - spans[i] / 2, centre + spans[i] / 2);
      ticks = atlas_time_axis_compute_ticks (axis, width, NULL, NULL, &level);
      g_test_message ("span %.0f days: level %d, %u ticks, first %s", spans[i], level, ticks->len,
                      ticks->len ? g_array_index (ticks, AtlasTimeTick, 0).label : "-");

      /* Finer as the span shrinks, and never an empty or crowded axis. */
      g_assert_cmpint (level, >=, previous);
      previous = level;
      seen[level] = TRUE;
      g_assert_cmpuint (ticks->len, >=, 2);
      g_assert_cmpuint (ticks->len, <=, 40);

      for (guint t = 0; t + 1 < ticks->len; t++)
        {
          AtlasTimeTick *a = &g_array_index (ticks, AtlasTimeTick, t);
          AtlasTimeTick *b = &g_array_index (ticks, AtlasTimeTick, t + 1);
          double xa = atlas_time_axis_day_to_x (axis, a->day, width);
          double xb = atlas_time_axis_day_to_x (axis, b->day, width);
          double label = 0;

          for (const char *p = a->label; *p; p = g_utf8_next_char (p))
            label += g_unichar_iswide (g_utf8_get_char (p)) ? 13 : 7;
          g_assert_cmpuint (a->day, <, b->day);
          /* Labels are drawn from their tick rightwards: no overlap. */
          g_assert_cmpfloat (xb - xa, >=, label);
        }
    }

  g_assert_true (seen[ATLAS_TICK_DECADE] || seen[ATLAS_TICK_FIVE_YEARS]);
  g_assert_true (seen[ATLAS_TICK_YEAR]);
  g_assert_true (seen[ATLAS_TICK_QUARTER] || seen[ATLAS_TICK_HALF_YEAR]);
  g_assert_true (seen[ATLAS_TICK_MONTH]);
  g_assert_true (seen[ATLAS_TICK_DAY] || seen[ATLAS_TICK_WEEK]);
}

static void
test_tick_labels (void)
{
  g_autofree char *year = atlas_time_axis_format_tick (ATLAS_TICK_YEAR, atlas_julian_from_ymd (2020, 1, 1));
  g_autofree char *month = atlas_time_axis_format_tick (ATLAS_TICK_MONTH, atlas_julian_from_ymd (2020, 12, 1));

  /* The suite runs in English. */
  g_assert_cmpstr (year, ==, "2020");
  g_assert_cmpstr (month, ==, "Dec 2020");
}

static void
test_axis_zoom_and_camera (void)
{
  g_autoptr(AtlasTimeAxis) axis = atlas_time_axis_new ();
  g_autoptr(JsonNode) camera = NULL;
  g_autofree char *json = NULL;
  double anchor = atlas_julian_from_ymd (2020, 12, 15);
  double x_before, first, last;

  atlas_time_axis_set_range (axis, atlas_julian_from_ymd (2013, 1, 1), atlas_julian_from_ymd (2024, 1, 1));
  x_before = atlas_time_axis_day_to_x (axis, anchor, 1000);
  atlas_time_axis_zoom (axis, 4, anchor);
  /* The anchor stays under the pointer. */
  g_assert_cmpfloat_with_epsilon (atlas_time_axis_day_to_x (axis, anchor, 1000), x_before, 1e-6);

  /* Clamped: never shorter than a few days, never outside the bounds. */
  atlas_time_axis_zoom (axis, 1e6, anchor);
  g_assert_cmpfloat (atlas_time_axis_get_last (axis) - atlas_time_axis_get_first (axis), >=, 9.99);
  atlas_time_axis_zoom (axis, 1e-6, anchor);
  atlas_time_axis_get_bounds (axis, &first, &last);
  g_assert_cmpfloat (atlas_time_axis_get_first (axis), >=, first);
  g_assert_cmpfloat (atlas_time_axis_get_last (axis), <=, last);

  atlas_time_axis_set_range (axis, atlas_julian_from_ymd (2020, 1, 1), atlas_julian_from_ymd (2020, 12, 31));
  camera = atlas_time_axis_to_json (axis);
  json = json_to_string (camera, FALSE);
  g_assert_cmpstr (json, ==, "{\"first\":\"2020-01-01\",\"last\":\"2020-12-31\"}");
  g_assert_true (atlas_time_axis_parse_json (camera, &first, &last));
  g_assert_cmpfloat (first, ==, atlas_julian_from_ymd (2020, 1, 1));
  g_assert_cmpfloat (last, ==, atlas_julian_from_ymd (2020, 12, 31));

  /* An eased change reaches its end. */
  atlas_time_axis_animate_to (axis, atlas_julian_from_ymd (2016, 1, 1), atlas_julian_from_ymd (2017, 1, 1), 0, 400000);
  g_assert_true (atlas_time_axis_step (axis, 200000));
  g_assert_false (atlas_time_axis_step (axis, 400000));
  g_assert_cmpfloat (atlas_time_axis_get_first (axis), ==, atlas_julian_from_ymd (2016, 1, 1));
}

static AtlasTimelineChart *
chart_for (GListModel *events,
           int         width,
           int         height)
{
  AtlasTimelineChart *chart = atlas_timeline_chart_new (NULL);
  double first, last;

  atlas_timeline_chart_set_events (chart, events);
  atlas_timeline_chart_get_fit_range (chart, &first, &last);
  atlas_time_axis_set_range (atlas_timeline_chart_get_axis (chart), first, last);
  return chart;
}

static void
test_precision_spans (void)
{
  g_autoptr(AtlasTimelineChart) chart = chart_for (atlas_dataset_get_events (dataset), 1280, 800);
  guint spans = 0;

  for (guint i = 0; i < atlas_timeline_chart_get_n_events (chart); i++)
    {
      AtlasEvent *event = atlas_timeline_chart_get_event (chart, i);
      AtlasTimelinePlacement place;
      double day_width = atlas_timeline_chart_day_to_x (chart, 1, 1280) - atlas_timeline_chart_day_to_x (chart, 0, 1280);
      guint days = atlas_event_get_last_day (event) - atlas_event_get_first_day (event) + 1;

      atlas_timeline_chart_get_placement (chart, i, 1280, 800, &place);
      switch (atlas_event_get_date_precision (event))
        {
        case ATLAS_DATE_PRECISION_DAY:
          g_assert_cmpuint (days, ==, 1);
          break;
        case ATLAS_DATE_PRECISION_MONTH:
          g_assert_cmpuint (days, >=, 28);
          g_assert_cmpuint (days, <=, 31);
          spans++;
          /* Drawn over its whole month (or a minimum width). */
          g_assert_cmpfloat (place.mark_end - place.mark_start, >=, MIN (6.0, days * day_width) - 0.01);
          g_assert_cmpfloat_with_epsilon (place.mark_start, atlas_timeline_chart_day_to_x (chart, atlas_event_get_first_day (event), 1280), 0.01);
          break;
        case ATLAS_DATE_PRECISION_YEAR:
          g_assert_cmpuint (days, >=, 365);
          spans++;
          g_assert_cmpfloat_with_epsilon (place.mark_end - place.mark_start, days * day_width, 0.01);
          break;
        }
    }
  g_assert_cmpuint (spans, >, 0);
}

static GListModel *
synthetic (guint n)
{
  GListStore *store = g_list_store_new (ATLAS_TYPE_EVENT);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autofree char *name = g_strdup_printf ("Event number %u with a longish title", i);
      g_autofree char *date = g_strdup_printf ("%04d-%02d-%02d", g_rand_int_range (rand, 2013, 2024),
                                               g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
      g_autoptr(AtlasEvent) event = g_object_new (ATLAS_TYPE_EVENT, "id", id, "name-en", name, "name-zh", name,
                                                  "date", date, "kind", g_rand_int_range (rand, 0, 5), NULL);
      g_list_store_append (store, event);
    }
  return G_LIST_MODEL (store);
}

static void
assert_no_overlap (AtlasTimelineChart *chart,
                   int                 width,
                   int                 height,
                   guint              *n_ellipsized,
                   guint              *n_folded)
{
  guint n = atlas_timeline_chart_get_n_events (chart);
  g_autofree AtlasTimelinePlacement *places = g_new0 (AtlasTimelinePlacement, n);

  *n_ellipsized = *n_folded = 0;
  for (guint i = 0; i < n; i++)
    {
      if (!atlas_timeline_chart_get_placement (chart, i, width, height, &places[i]))
        (*n_folded)++;
      if (places[i].ellipsized)
        (*n_ellipsized)++;
    }

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        AtlasTimelinePlacement *a = &places[i], *b = &places[j];
        double a_begin = a->label_width > 0 ? MIN (a->mark_start, a->label_start) : a->mark_start;
        double b_begin = b->label_width > 0 ? MIN (b->mark_start, b->label_start) : b->mark_start;
        double a_end = MAX (a->mark_end, a->label_start + a->label_width);
        double b_end = MAX (b->mark_end, b->label_start + b->label_width);

        if (a->row < 0 || b->row < 0 || a->lane != b->lane || a->row != b->row)
          continue;
        /* Marks and labels (either side of their mark) in one row never touch. */
        g_assert_true (a_end <= b_begin || b_end <= a_begin);
      }
}

static void
test_lane_stacking (void)
{
  g_autoptr(AtlasTimelineChart) real = chart_for (atlas_dataset_get_events (dataset), 1280, 800);
  g_autoptr(GListModel) events = synthetic (400);
  g_autoptr(AtlasTimelineChart) dense = chart_for (events, 1280, 800);
  guint ellipsized, folded, rows_used = 0;

  assert_no_overlap (real, 1280, 800, &ellipsized, &folded);
  /* The real events all get a row of their own lane. */
  g_assert_cmpuint (folded, ==, 0);
  for (guint i = 0; i < atlas_timeline_chart_get_n_events (real); i++)
    {
      AtlasTimelinePlacement place;

      atlas_timeline_chart_get_placement (real, i, 1280, 800, &place);
      g_assert_cmpint (place.lane, ==, atlas_event_get_kind (atlas_timeline_chart_get_event (real, i)));
      rows_used = MAX (rows_used, (guint) place.row + 1);
    }
  g_assert_cmpuint (rows_used, >, 1);   /* some stacking happened */

  /* Crowded: labels get shortened, and what has no room is folded away. */
  assert_no_overlap (dense, 1280, 800, &ellipsized, &folded);
  g_assert_cmpuint (ellipsized, >, 0);
  g_assert_cmpuint (folded, >, 0);

  /* Zoomed in, the same holds. */
  atlas_time_axis_zoom (atlas_timeline_chart_get_axis (dense), 8, atlas_julian_from_ymd (2018, 6, 1));
  assert_no_overlap (dense, 1280, 800, &ellipsized, &folded);
}

/* A label whose right side is taken by the next event in its row goes left
 * of its mark when there is room there, instead of being cut.
 */
static void
test_label_goes_left (void)
{
  GListStore *store = g_list_store_new (ATLAS_TYPE_EVENT);
  const char *dates[] = { "2013-06-10", "2020-01-15", "2021-02-01" };
  g_autoptr(AtlasTimelineChart) chart = NULL;
  AtlasTimelinePlacement first, second, third;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autoptr(AtlasEvent) event = g_object_new (ATLAS_TYPE_EVENT, "id", id,
                                                  "name-en", "A signing with a title long enough to need room",
                                                  "name-zh", "一个标题足够长、需要空间的签约",
                                                  "date", dates[i], "kind", ATLAS_EVENT_KIND_SIGNING, NULL);
      g_list_store_append (store, event);
    }
  chart = chart_for (G_LIST_MODEL (store), 1280, 800);
  g_object_unref (store);

  /* So short that each lane has one row. */
  g_assert_true (atlas_timeline_chart_get_placement (chart, 0, 1280, 300, &first));
  g_assert_true (atlas_timeline_chart_get_placement (chart, 1, 1280, 300, &second));
  g_assert_true (atlas_timeline_chart_get_placement (chart, 2, 1280, 300, &third));

  /* The second event's label has no room before the third: it moved left,
   * whole, between the first event and its own mark, in the same row.
   */
  g_assert_cmpint (second.row, ==, third.row);
  g_assert_true (second.label_left);
  g_assert_false (second.ellipsized);
  g_assert_cmpfloat (second.label_start + second.label_width, <=, second.mark_start);
  g_assert_cmpfloat (second.label_start, >=, MAX (first.mark_end, first.label_start + first.label_width));
  /* With room on the right, labels stay there. */
  g_assert_false (third.label_left);
  g_assert_cmpfloat (third.label_start, >=, third.mark_end);
}

/* A month or year band never has a label painted over it. */
static void
test_labels_beside_ranges (void)
{
  g_autoptr(AtlasTimelineChart) chart = chart_for (atlas_dataset_get_events (dataset), 1280, 800);
  guint spans = 0;

  for (guint i = 0; i < atlas_timeline_chart_get_n_events (chart); i++)
    {
      AtlasTimelinePlacement place;

      if (!atlas_timeline_chart_get_placement (chart, i, 1280, 800, &place) || place.label_width <= 0)
        continue;
      if (atlas_event_get_date_precision (atlas_timeline_chart_get_event (chart, i)) != ATLAS_DATE_PRECISION_DAY)
        spans++;
      g_assert_true (place.label_start >= place.mark_end || place.label_start + place.label_width <= place.mark_start);
    }
  g_assert_cmpuint (spans, >, 3);
}

/* The axis: every tick label whole inside the plot (the last year too),
 * clear above the axis line and its minor ticks, at normal and presenting
 * sizes, in English and Chinese; and "Today" labelled.
 */
static void
test_axis_labels (void)
{
  for (int chinese = 0; chinese < 2; chinese++)
    for (int presenting = 0; presenting < 2; presenting++)
      {
        g_autoptr(AtlasTimelineChart) chart = NULL;
        g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
        g_autoptr(GskRenderNode) node = NULL;
        g_autoptr(GArray) texts = NULL;
        const int width = 1100, height = 700;
        double top, first, last;
        guint in_axis = 0, today = 0;

        atlas_l10n_set_chinese (chinese);
        chart = atlas_timeline_chart_new (NULL);
        atlas_timeline_chart_set_presenting (chart, presenting);
        atlas_timeline_chart_set_events (chart, atlas_dataset_get_events (dataset));
        atlas_timeline_chart_get_fit_range (chart, &first, &last);
        atlas_timeline_chart_set_today (chart, (guint32) (first + (last - first) * 0.9));
        atlas_time_axis_set_range (atlas_timeline_chart_get_axis (chart), first, last);
        atlas_timeline_chart_snapshot (chart, snapshot, width, height);
        node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
        texts = atlas_test_collect_text (node);
        top = _atlas_timeline_lanes_top (chart);

        for (guint i = 0; i < texts->len; i++)
          {
            AtlasTestText *text = &g_array_index (texts, AtlasTestText, i);
            const graphene_rect_t *b = &text->bounds;

            if (b->origin.y >= top || b->origin.x < chart->gutter - 1)
              continue;
            in_axis++;
            g_test_message ("%s%s: axis text at %.0f,%.0f %.0fx%.0f, axis line at %.0f", chinese ? "zh" : "en",
                            presenting ? " presenting" : "", b->origin.x, b->origin.y, b->size.width,
                            b->size.height, top - 1);
            g_assert_cmpfloat (b->origin.y + b->size.height, <=, top - 5);
            g_assert_cmpfloat (b->origin.x + b->size.width, <=, width - RIGHT_PAD + 1);
            if (gdk_rgba_equal (&text->color, &atlas_style_get_palette (ATLAS_STYLE_LIGHT)->today) ||
                gdk_rgba_equal (&text->color, &atlas_style_get_palette (ATLAS_STYLE_PROJECTOR)->today))
              today++;
          }
        g_assert_cmpuint (in_axis, >=, 5);
        g_assert_cmpuint (today, ==, 1);
      }
  atlas_l10n_set_chinese (FALSE);
}

/* The painter and pick find what is in view by binary search in each row
 * and skip rows without labels: what they find is what a scan of every
 * event finds, at the edges of the view too.
 */
static guint
assert_view_search_matches_scan (AtlasTimelineChart *chart,
                                 int                 width,
                                 int                 height)
{
  guint n = atlas_timeline_chart_get_n_events (chart), n_labelled = 0;
  g_autofree AtlasTimelinePlacement *places = g_new0 (AtlasTimelinePlacement, n);
  g_autoptr(GArray) in_row = g_array_new (FALSE, FALSE, sizeof (guint));
  double left = chart->gutter, right = chart->gutter + _atlas_timeline_plot_width (chart, width);
  double rh = _atlas_timeline_row_height (chart);

  for (guint i = 0; i < n; i++)
    atlas_timeline_chart_get_placement (chart, i, width, height, &places[i]);

  for (guint k = 0; k < ATLAS_N_EVENT_KINDS; k++)
    for (int r = 0; r < chart->layout_rows; r++)
      {
        GArray *row = chart->lanes[k].rows[r], *labelled = chart->lanes[k].labelled[r];
        double y = _atlas_timeline_row_top (chart, k, r, height) + rh / 2;
        guint m = 0;

        /* Every event in the row with some of its label shown, in order,
         * is among the row's labelled ones, and no other...
         */
        for (guint j = 0; j < row->len; j++)
          {
            guint index = g_array_index (row, guint, j);

            if (_atlas_timeline_shown_label_width (&g_array_index (chart->entries, Entry, index)) <= 0)
              continue;
            g_assert_cmpuint (m, <, labelled->len);
            g_assert_cmpuint (g_array_index (labelled, guint, m), ==, index);
            m++;
          }
        g_assert_cmpuint (m, ==, labelled->len);
        n_labelled += m;

        /* ...the searches land where scans do, on and beside each mark... */
        for (guint j = 0; j < row->len; j++)
          {
            double x = g_array_index (chart->entries, Entry, g_array_index (row, guint, j)).mark_start;

            for (int d = -1; d <= 1; d++)
              {
                guint before = 0, labelled_before = 0;

                for (guint i = 0; i < row->len; i++)
                  before += g_array_index (chart->entries, Entry, g_array_index (row, guint, i)).mark_start < x + d * 0.5;
                for (guint i = 0; i < labelled->len; i++)
                  labelled_before += g_array_index (chart->entries, Entry, g_array_index (labelled, guint, i)).mark_start < x + d * 0.5;
                g_assert_cmpuint (_atlas_timeline_search_row (chart, row, x + d * 0.5), ==, before);
                g_assert_cmpuint (_atlas_timeline_search_row (chart, labelled, x + d * 0.5), ==, labelled_before);
              }
          }

        /* ...and a point in the row picks the one event a scan of the
         * placements finds there.
         */
        g_array_set_size (in_row, 0);
        for (guint i = 0; i < n; i++)
          if (places[i].lane == k && places[i].row == r)
            g_array_append_val (in_row, i);
        g_assert_cmpuint (in_row->len, ==, row->len);
        for (double x = left + 0.25; x < right; x += 1.0)
          {
            int found = -1, picked = atlas_timeline_chart_pick (chart, x, y, width, height);

            for (guint q = 0; q < in_row->len; q++)
              {
                guint i = g_array_index (in_row, guint, q);
                AtlasTimelinePlacement *p = &places[i];
                double begin = p->label_left && p->label_width > 0 ? p->label_start : p->mark_start;
                double end = !p->label_left && p->label_width > 0 ? MAX (p->mark_end, p->label_start + p->label_width)
                                                                  : p->mark_end;

                if (x < begin - 2 || x > end + 2)
                  continue;
                g_assert_cmpint (found, ==, -1);   /* rows never overlap */
                found = i;
              }
            g_assert_cmpint (picked, ==, found);
          }
      }
  return n_labelled;
}

static void
test_view_search_matches_scan (void)
{
  g_autoptr(GListModel) events = synthetic (3000);
  g_autoptr(AtlasTimelineChart) chart = chart_for (events, 1280, 800);
  AtlasTimeAxis *axis = atlas_timeline_chart_get_axis (chart);

  guint labelled;

  /* The whole period, where most marks have no label... */
  labelled = assert_view_search_matches_scan (chart, 1280, 800);
  g_assert_cmpuint (labelled, <, atlas_timeline_chart_get_n_events (chart) / 10);
  /* ...zoomed in until labels show, the view's edges in the middle of the
   * events, and panned by a fraction of a pixel's worth of days.
   */
  for (int step = 0; step < 4; step++)
    {
      atlas_time_axis_zoom (axis, 3, atlas_julian_from_ymd (2018, 6, 1) + step * 7.3);
      assert_view_search_matches_scan (chart, 1280, 800);
      atlas_time_axis_pan (axis, (atlas_time_axis_get_last (axis) - atlas_time_axis_get_first (axis)) / 2247.0);
      labelled = assert_view_search_matches_scan (chart, 1280, 800);
    }
  g_assert_cmpuint (labelled, >, 0);
}

static void
test_keyboard_order (void)
{
  g_autoptr(AtlasTimelineChart) chart = chart_for (atlas_dataset_get_events (dataset), 1280, 800);
  int index = atlas_timeline_chart_step (chart, -1, 1);
  guint visited = 1;

  g_assert_cmpint (index, ==, 0);
  for (;;)
    {
      int next = atlas_timeline_chart_step (chart, index, 1);
      AtlasEvent *a, *b;

      if (next == index)
        break;
      a = atlas_timeline_chart_get_event (chart, index);
      b = atlas_timeline_chart_get_event (chart, next);
      g_assert_cmpuint (atlas_event_get_first_day (a), <=, atlas_event_get_first_day (b));
      index = next;
      visited++;
    }
  g_assert_cmpuint (visited, ==, atlas_timeline_chart_get_n_events (chart));
  g_assert_cmpuint (visited, ==, g_list_model_get_n_items (atlas_dataset_get_events (dataset)));
  g_assert_cmpint (atlas_timeline_chart_step (chart, index, -1), ==, index - 1);
}

/* The exported timeline, light and dark: many colours (not a blank), and
 * opaque everywhere, so that a dark image keeps its white lane titles on
 * whatever page or slide it is laid on.
 */
static void
test_render_not_blank (void)
{
  g_autofree char *dir = g_dir_make_tmp ("timeline-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "timeline.png", NULL);

  for (int dark = 0; dark < 2; dark++)
    {
      const char *argv[] = { g_getenv ("CQ_ATLAS_BIN"), "--render", "timeline", "--output", path,
                             "--size", "900x500", dark ? "--dark" : NULL, NULL };
      g_autoptr(GError) error = NULL;
      int status;
      cairo_surface_t *surface;
      GHashTable *colours = g_hash_table_new (NULL, NULL);
      guint see_through = 0;
      guchar *data;
      int stride;

      g_assert_nonnull (argv[0]);
      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));

      surface = cairo_image_surface_create_from_png (path);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 900);
      data = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);
      for (int y = 0; y < 500; y++)
        for (int x = 0; x < 900; x++)
          {
            guint32 pixel = *(guint32 *) (data + y * stride + x * 4);

            if (x % 2 == 0 && y % 2 == 0)
              g_hash_table_add (colours, GUINT_TO_POINTER (pixel));
            if ((pixel >> 24) != 0xff)
              see_through++;
          }
      /* Marks in five kind colours, text, grid: many colours, not a blank. */
      g_assert_cmpuint (g_hash_table_size (colours), >, 20);
      g_assert_cmpuint (see_through, ==, 0);

      g_hash_table_unref (colours);
      cairo_surface_destroy (surface);
      g_unlink (path);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xdg = NULL;
  int status;

  g_setenv ("LANGUAGE", "en", TRUE);
  xdg = g_dir_make_tmp ("atlas-timeline-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", xdg, TRUE);
  g_test_init (&argc, &argv, NULL);
  atlas_render_ensure_types ();

  store = atlas_store_new_default (&error);
  g_assert_no_error (error);
  dataset = atlas_dataset_new (store, &error);
  g_assert_no_error (error);

  g_test_add_func ("/timeline/ticks-every-level", test_ticks_every_level);
  g_test_add_func ("/timeline/tick-labels", test_tick_labels);
  g_test_add_func ("/timeline/axis-zoom-camera", test_axis_zoom_and_camera);
  g_test_add_func ("/timeline/precision-spans", test_precision_spans);
  g_test_add_func ("/timeline/lane-stacking", test_lane_stacking);
  g_test_add_func ("/timeline/keyboard-order", test_keyboard_order);
  g_test_add_func ("/timeline/render-not-blank", test_render_not_blank);
  g_test_add_func ("/timeline/labels/go-left-without-room-right", test_label_goes_left);
  g_test_add_func ("/timeline/labels/beside-range-bars", test_labels_beside_ranges);
  g_test_add_func ("/timeline/axis/labels-whole-and-clear-of-the-line", test_axis_labels);
  g_test_add_func ("/timeline/view/search-matches-a-full-scan", test_view_search_matches_scan);

  status = g_test_run ();
  g_clear_object (&dataset);
  return status;
}
