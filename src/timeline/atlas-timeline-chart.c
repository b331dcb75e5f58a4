/* atlas-timeline-chart.c
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

#include "atlas-date.h"
#include "atlas-event.h"
#include "atlas-format.h"
#include "atlas-item.h"
#include "atlas-labels.h"
#include "atlas-timeline-chart-private.h"

/* What the timeline draws, without being a widget: the events in lanes by
 * kind under an axis, with an overview strip of the whole period below.  The
 * widget (AtlasTimelineView), exports and the command line's --render and
 * --benchmark all draw through atlas_timeline_chart_snapshot(), so what is
 * measured is what is shown.
 *
 * A frame does little: the lanes' shading and density strips are drawn
 * once into a texture a little wider than the view and copied while
 * panning (likewise the overview's density); only the marks and labels in
 * view are visited, found by binary search in their rows; a label's layout
 * is made when it is first shown and cut anew only when its room changes.
 */

G_DEFINE_FINAL_TYPE (AtlasTimelineChart, atlas_timeline_chart, G_TYPE_OBJECT)

/* Layout x either side of the view that the lanes' texture keeps. */
#define LANES_MARGIN 480.0

static void
clear_entry (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->event);
  g_clear_pointer (&entry->label, g_free);
  g_clear_object (&entry->layout);
}

static void
atlas_timeline_chart_dispose (GObject *object)
{
  AtlasTimelineChart *self = (AtlasTimelineChart *)object;

  _atlas_timeline_clear_layout (self);
  g_clear_pointer (&self->chunks, g_hash_table_unref);
  g_clear_pointer (&self->tiles, g_hash_table_unref);
  g_clear_object (&self->mark_font);
  for (guint k = 0; k < ATLAS_N_EVENT_KINDS; k++)
    g_clear_object (&self->lane_titles[k]);
  g_clear_object (&self->today_label);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->tick_layouts, g_hash_table_unref);
  g_clear_pointer (&self->overview_bins, g_free);
  g_clear_pointer (&self->overview_texture, cairo_surface_destroy);
  g_clear_object (&self->axis);
  g_clear_object (&self->context);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (atlas_timeline_chart_parent_class)->dispose (object);
}

static void
atlas_timeline_chart_class_init (AtlasTimelineChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_timeline_chart_dispose;
}

static void
atlas_timeline_chart_init (AtlasTimelineChart *self)
{
  self->axis = atlas_time_axis_new ();
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, clear_entry);
  self->tick_layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->focus = -1;
  self->today = atlas_julian_today ();
  self->axis_height = 30;
}

/**
 * atlas_timeline_chart_new:
 * @context: (nullable): where text is laid out; %NULL for a display-less
 *   context (exports, the command line)
 */
AtlasTimelineChart *
atlas_timeline_chart_new (PangoContext *context)
{
  AtlasTimelineChart *self = g_object_new (ATLAS_TYPE_TIMELINE_CHART, NULL);

  if (context != NULL)
    self->context = g_object_ref (context);
  else
    {
      PangoFontDescription *font = pango_font_description_from_string ("Sans 10");

      self->context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      pango_context_set_font_description (self->context, font);
      pango_font_description_free (font);
    }
  _atlas_timeline_measure_labels (self);

  return self;
}

AtlasTimeAxis *
atlas_timeline_chart_get_axis (AtlasTimelineChart *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_CHART (self), NULL);

  return self->axis;
}

/* ---- events ----------------------------------------------------------- */

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *x = a, *y = b;

  if (x->first_day != y->first_day)
    return x->first_day < y->first_day ? -1 : 1;
  if (x->last_day != y->last_day)
    return x->last_day < y->last_day ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  return g_strcmp0 (x->label, y->label);
}

/* Shows the events of @events (AtlasEvents), kept in chronological order. */
void
atlas_timeline_chart_set_events (AtlasTimelineChart *self,
                                 GListModel         *events)
{
  guint n;
  double lower, upper;

  g_return_if_fail (ATLAS_IS_TIMELINE_CHART (self));
  g_return_if_fail (G_IS_LIST_MODEL (events));

  _atlas_timeline_clear_layout (self);
  g_array_set_size (self->entries, 0);
  g_clear_pointer (&self->overview_bins, g_free);
  g_clear_pointer (&self->overview_texture, cairo_surface_destroy);
  self->overview_width = 0;

  n = g_list_model_get_n_items (events);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasEvent) event = g_list_model_get_item (events, i);
      Entry entry = { 0 };

      entry.first_day = atlas_event_get_first_day (event);
      entry.last_day = atlas_event_get_last_day (event);
      if (entry.first_day == 0)
        continue;   /* undated: nowhere to put it */
      if (entry.last_day < entry.first_day)
        entry.last_day = entry.first_day;
      entry.event = g_object_ref (event);
      entry.kind = atlas_event_get_kind (event);
      entry.span = atlas_event_get_date_precision (event) != ATLAS_DATE_PRECISION_DAY;
      entry.label = g_strdup (atlas_item_get_name (ATLAS_ITEM (event)));
      if (entry.label == NULL)
        entry.label = g_strdup ("");
      g_array_append_val (self->entries, entry);
    }
  g_array_sort (self->entries, compare_entries);
  _atlas_timeline_measure_labels (self);

  /* The extent of the events, and bounds a little wider that keep today. */
  if (self->entries->len > 0)
    {
      self->extent_first = g_array_index (self->entries, Entry, 0).first_day;
      self->extent_last = 0;
      for (guint i = 0; i < self->entries->len; i++)
        self->extent_last = MAX (self->extent_last, g_array_index (self->entries, Entry, i).last_day + 1.0);
    }
  else
    {
      self->extent_first = atlas_julian_from_ymd (2013, 1, 1);
      self->extent_last = atlas_julian_from_ymd (2024, 1, 1);
    }
  lower = MIN (self->extent_first, self->today) - 365;
  upper = MAX (self->extent_last, self->today + 1.0) + 365;
  atlas_time_axis_set_bounds (self->axis, lower, upper);

  if (self->focus >= (int) self->entries->len)
    self->focus = -1;
}

guint
atlas_timeline_chart_get_n_events (AtlasTimelineChart *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_CHART (self), 0);

  return self->entries->len;
}

/**
 * atlas_timeline_chart_get_event:
 *
 * Returns: (transfer none): the @index-th event in chronological order
 */
AtlasEvent *
atlas_timeline_chart_get_event (AtlasTimelineChart *self,
                                guint               index)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_CHART (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  return g_array_index (self->entries, Entry, index).event;
}

int
atlas_timeline_chart_find_event (AtlasTimelineChart *self,
                                 AtlasEvent         *event)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_CHART (self), -1);

  for (guint i = 0; event != NULL && i < self->entries->len; i++)
    if (g_array_index (self->entries, Entry, i).event == event)
      return i;
  return -1;
}

/* The first day of the earliest event and the end of the last one. */
gboolean
atlas_timeline_chart_get_extent (AtlasTimelineChart *self,
                                 double             *first,
                                 double             *last)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_CHART (self), FALSE);

  *first = self->extent_first;
  *last = self->extent_last;
  return self->entries->len > 0;
}

/* Every event with a margin either side. */
void
atlas_timeline_chart_get_fit_range (AtlasTimelineChart *self,
                                    double             *first,
                                    double             *last)
{
  double span;

  g_return_if_fail (ATLAS_IS_TIMELINE_CHART (self));

  span = MAX (self->extent_last - self->extent_first, 60.0);
  *first = self->extent_first - span * 0.03;
  /* Labels hang to the right of their marks: leave them more room there. */
  *last = self->extent_last + span * 0.12;
}

void
atlas_timeline_chart_set_variant (AtlasTimelineChart *self,
                                  AtlasStyleVariant   variant)
{
  g_return_if_fail (ATLAS_IS_TIMELINE_CHART (self));

  self->variant = variant;
}

void
atlas_timeline_chart_set_presenting (AtlasTimelineChart *self,
                                     gboolean            presenting)
{
  g_return_if_fail (ATLAS_IS_TIMELINE_CHART (self));

  if (self->presenting == !!presenting)
    return;
  self->presenting = !!presenting;
  _atlas_timeline_measure_labels (self);
}

gboolean
atlas_timeline_chart_get_presenting (AtlasTimelineChart *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_CHART (self), FALSE);

  return self->presenting;
}

void
atlas_timeline_chart_set_selection (AtlasTimelineChart *self,
                                    AtlasEvent         *event)
{
  g_return_if_fail (ATLAS_IS_TIMELINE_CHART (self));

  g_set_object (&self->selection, event);
}

/* The event the keyboard is on (-1: none). */
void
atlas_timeline_chart_set_focus (AtlasTimelineChart *self,
                                int                 index)
{
  g_return_if_fail (ATLAS_IS_TIMELINE_CHART (self));

  self->focus = index < (int) self->entries->len ? index : -1;
}

/* Whether the widget has the keyboard focus (the focus ring shows). */
void
atlas_timeline_chart_set_focused (AtlasTimelineChart *self,
                                  gboolean            focused)
{
  g_return_if_fail (ATLAS_IS_TIMELINE_CHART (self));

  self->focused = focused;
}

/* The play cursor; events after it are not yet revealed.  0: no cursor. */
void
atlas_timeline_chart_set_cursor (AtlasTimelineChart *self,
                                 double              day)
{
  g_return_if_fail (ATLAS_IS_TIMELINE_CHART (self));

  self->cursor = day;
}

/* The brushed range (the shared time range); 0, 0: none. */
void
atlas_timeline_chart_set_brush (AtlasTimelineChart *self,
                                double              first,
                                double              last)
{
  g_return_if_fail (ATLAS_IS_TIMELINE_CHART (self));

  self->brush_first = MIN (first, last);
  self->brush_last = MAX (first, last);
}

void
atlas_timeline_chart_set_today (AtlasTimelineChart *self,
                                guint32             day)
{
  g_return_if_fail (ATLAS_IS_TIMELINE_CHART (self));

  self->today = day;
}

/* "Signing: 41 projects ..., 15 Dec 2020": the event's accessible name and
 * tooltip.
 */
char *
atlas_timeline_chart_describe (AtlasEvent *event)
{
  g_autofree char *date = atlas_format_date (atlas_event_get_date (event));

  /* Translators: an event on the timeline: kind, title and date. */
  return g_strdup_printf (_("%s: %s, %s"),
                          atlas_event_kind_get_label (atlas_event_get_kind (event)),
                          atlas_item_get_name (ATLAS_ITEM (event)),
                          date);
}

/* ---- drawing ---------------------------------------------------------- */


void
_atlas_timeline_get_palette (AtlasTimelineChart *self,
                             AtlasTimelinePalette *palette)
{
  palette->p = atlas_style_get_palette (self->variant);
  for (guint k = 0; k < ATLAS_N_EVENT_KINDS; k++)
    atlas_style_get_event_kind_color (k, self->variant, &palette->kinds[k]);
}

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color,
            double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
append_text (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             double         x,
             double         y,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (x), round (y)));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

gboolean
_atlas_timeline_is_revealed (AtlasTimelineChart *self,
                             const Entry        *entry)
{
  return self->cursor <= 0 || entry->first_day <= self->cursor;
}

gboolean
_atlas_timeline_in_brush (AtlasTimelineChart *self,
                          const Entry        *entry)
{
  return self->brush_last <= 0 ||
         (entry->first_day <= self->brush_last && entry->last_day >= self->brush_first);
}

/* How many events are drawn in full: inside the brushed range, or all of
 * them without one.  What the audience sees as "the events of 2019–2023".
 */
guint
atlas_timeline_chart_get_n_in_brush (AtlasTimelineChart *self)
{
  guint n = 0;

  g_return_val_if_fail (ATLAS_IS_TIMELINE_CHART (self), 0);

  for (guint i = 0; i < self->entries->len; i++)
    n += _atlas_timeline_in_brush (self, &g_array_index (self->entries, Entry, i));
  return n;
}

void
_atlas_timeline_fill_rect (GtkSnapshot   *snapshot,
                           const GdkRGBA *color,
                           double         alpha,
                           double         x,
                           double         y,
                           double         width,
                           double         height)
{
  GdkRGBA c = *color;
  double x0 = round (x), y0 = round (y);
  double x1 = round (x + width), y1 = round (y + height);

  if (width <= 0 || height <= 0)
    return;
  /* Whole pixels: crisper edges, and cairo fills aligned rectangles on its
   * fast path instead of rasterizing an antialiased polygon.
   */
  if (x1 <= x0)
    x1 = x0 + 1;
  if (y1 <= y0)
    y1 = y0 + 1;
  c.alpha *= alpha;
  gtk_snapshot_append_color (snapshot, &c, &GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0));
}

static void
append_ring (GtkSnapshot   *snapshot,
             const GdkRGBA *color,
             double         x,
             double         y,
             double         width,
             double         height)
{
  GskRoundedRect outline;
  const float widths[4] = { 2, 2, 2, 2 };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (x, y, width, height), 3);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

static void
append_day_line (GtkSnapshot   *snapshot,
                 const GdkRGBA *color,
                 double         x,
                 double         top,
                 double         bottom,
                 gboolean       dashed)
{
  if (!dashed)
    {
      _atlas_timeline_fill_rect (snapshot, color, 1.0, x - 1, top, 2, bottom - top);
      return;
    }
  gtk_snapshot_push_repeat (snapshot, &GRAPHENE_RECT_INIT (x - 1, top, 2, bottom - top),
                            &GRAPHENE_RECT_INIT (x - 1, top, 2, 7));
  _atlas_timeline_fill_rect (snapshot, color, 1.0, x - 1, top, 2, 4);
  gtk_snapshot_pop (snapshot);
}

static void
ensure_overview_bins (AtlasTimelineChart *self,
                      int                 width)
{
  int columns = (int) _atlas_timeline_plot_width (self, width);

  if (self->overview_bins != NULL && self->overview_width == columns)
    return;

  g_clear_pointer (&self->overview_bins, g_free);
  g_clear_pointer (&self->overview_texture, cairo_surface_destroy);
  self->overview_bins = g_new0 (guint, (gsize) columns * ATLAS_N_EVENT_KINDS);
  self->overview_width = columns;
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);
      int c = (int) (atlas_timeline_chart_overview_day_to_x (self, entry->first_day, width) - self->gutter);

      c = CLAMP (c, 0, columns - 1);
      self->overview_bins[entry->kind * columns + c]++;
    }
}

static void
append_overview_texture (AtlasTimelineChart *self,
                         GtkSnapshot        *snapshot,
                         const AtlasTimelinePalette      *palette,
                         int                 width,
                         int                 height)
{
  double strip = (OVERVIEW_HEIGHT - 6) / ATLAS_N_EVENT_KINDS;
  cairo_t *cr;
  int columns;

  ensure_overview_bins (self, width);
  columns = self->overview_width;

  /* The event density changes only with the events, the width and the
   * palette: drawn once into a texture, then only copied.
   */
  if (self->overview_texture == NULL || self->overview_variant != self->variant)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, columns, OVERVIEW_HEIGHT);
      cairo_t *tcr = cairo_create (surface);

      set_source (tcr, &palette->p->shade, 1.0);
      cairo_paint (tcr);
      for (guint k = 0; k < ATLAS_N_EVENT_KINDS; k++)
        {
          set_source (tcr, &palette->kinds[k], 1.0);
          for (int c = 0; c < columns; c++)
            {
              guint count = self->overview_bins[k * columns + c];

              if (count == 0)
                continue;
              cairo_rectangle (tcr, c, 3 + k * strip, MAX (1.5, MIN (3.0, count)), strip - 1);
            }
          cairo_fill (tcr);
        }
      cairo_destroy (tcr);
      cairo_surface_flush (surface);
      g_clear_pointer (&self->overview_texture, cairo_surface_destroy);
      self->overview_texture = surface;
      self->overview_variant = self->variant;
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (self->gutter, height - OVERVIEW_HEIGHT, columns, OVERVIEW_HEIGHT));
  cairo_set_source_surface (cr, self->overview_texture, self->gutter, height - OVERVIEW_HEIGHT);
  cairo_paint (cr);
  cairo_destroy (cr);
}

static void
append_overview (AtlasTimelineChart *self,
                 GtkSnapshot        *snapshot,
                 const AtlasTimelinePalette      *palette,
                 int                 width,
                 int                 height)
{
  double top = height - OVERVIEW_HEIGHT;
  double x0, x1;

  /* The brushed range, then the visible window. */
  if (self->brush_last > 0)
    {
      x0 = atlas_timeline_chart_overview_day_to_x (self, self->brush_first, width);
      x1 = MAX (x0 + 2, atlas_timeline_chart_overview_day_to_x (self, self->brush_last + 1, width));
      _atlas_timeline_fill_rect (snapshot, &palette->p->accent_tint, 1.0, x0, top, x1 - x0, OVERVIEW_HEIGHT);
      _atlas_timeline_fill_rect (snapshot, &palette->p->accent, 1.0, x0 - 1, top, 2, OVERVIEW_HEIGHT);
      _atlas_timeline_fill_rect (snapshot, &palette->p->accent, 1.0, x1 - 1, top, 2, OVERVIEW_HEIGHT);
    }

  x0 = atlas_timeline_chart_overview_day_to_x (self, atlas_time_axis_get_first (self->axis), width);
  x1 = atlas_timeline_chart_overview_day_to_x (self, atlas_time_axis_get_last (self->axis), width);
  append_ring (snapshot, &palette->p->axis, x0, top, MAX (4, x1 - x0), OVERVIEW_HEIGHT);
}

static double
measure_tick (const char *label,
              gpointer    user_data)
{
  int w;

  pango_layout_get_pixel_size (_atlas_timeline_tick_layout (user_data, label), &w, NULL);
  return w;
}

/* Where "Today" stands in the axis band: right of its line, or left of it
 * near the end of the plot.  FALSE when today is not in view.
 */
static gboolean
today_label_box (AtlasTimelineChart *self,
                 int                 width,
                 graphene_rect_t    *box)
{
  double x = atlas_timeline_chart_day_to_x (self, self->today + 0.5, width);
  double right = self->gutter + _atlas_timeline_plot_width (self, width);
  int w, h;

  if (self->today == 0 || x < self->gutter || x > right)
    return FALSE;
  pango_layout_get_pixel_size (self->today_label, &w, &h);
  x = x + 4 + w <= right ? x + 4 : x - 4 - w;
  *box = GRAPHENE_RECT_INIT (round (x), round ((self->axis_height - 6 - h) / 2), w, h);
  return TRUE;
}

/* The axis: tick labels right of their line, or left of it where the plot
 * ends, so that the last year is not cut; none under "Today".
 */
static void
append_tick_labels (AtlasTimelineChart    *self,
                    GtkSnapshot           *snapshot,
                    GArray                *ticks,
                    const GdkRGBA         *color,
                    const graphene_rect_t *today,
                    int                    width)
{
  double right = self->gutter + _atlas_timeline_plot_width (self, width);
  double next_free = self->gutter;

  for (guint i = 0; i < ticks->len; i++)
    {
      AtlasTimeTick *tick = &g_array_index (ticks, AtlasTimeTick, i);
      PangoLayout *layout = _atlas_timeline_tick_layout (self, tick->label);
      double x = round (atlas_timeline_chart_day_to_x (self, tick->day, width));
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      if (x + 4 + w > right)
        x -= 4 + w;
      else
        x += 4;
      if (x < next_free || x + w > right)
        continue;
      if (today != NULL && x < today->origin.x + today->size.width + 4 && x + w + 4 > today->origin.x)
        continue;
      append_text (snapshot, layout, x, (self->axis_height - 6 - h) / 2, color);
      next_free = x + w + 4;
    }
}

/* An event's label, as much of it as fits in @room, at @x. */
static void
append_label (AtlasTimelineChart *self,
              GtkSnapshot        *snapshot,
              Entry              *entry,
              double              x,
              double              y,
              double              room,
              gboolean            shortened,
              const GdkRGBA      *color)
{
  double rh = _atlas_timeline_row_height (self);
  double wanted = shortened ? room : -1;
  int w, h;

  if (entry->layout == NULL)
    {
      entry->layout = _atlas_timeline_make_layout (self, entry->label, FALSE);
      entry->layout_room = -1;
    }
  /* Cutting a layout lays it out again: only when its room changed. */
  if (fabs (entry->layout_room - wanted) > 0.5)
    {
      pango_layout_set_ellipsize (entry->layout, shortened ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
      pango_layout_set_width (entry->layout, shortened ? (int) (room * PANGO_SCALE) : -1);
      entry->layout_room = wanted;
    }
  pango_layout_get_pixel_size (entry->layout, &w, &h);
  append_text (snapshot, entry->layout, x, y + (rh - h) / 2, color);
}

static void
append_event_labels (AtlasTimelineChart *self,
                     GtkSnapshot        *snapshot,
                     const GdkRGBA      *text,
                     const GdkRGBA      *dim_text,
                     int                 width,
                     int                 height)
{
  double view_left = _atlas_timeline_scroll_offset (self);
  double view_right = view_left + _atlas_timeline_plot_width (self, width);
  double shift = self->gutter - view_left;

  for (guint k = 0; k < ATLAS_N_EVENT_KINDS; k++)
    {
      Lane *lane = &self->lanes[k];

      for (int r = 0; r < self->layout_rows; r++)
        {
          GArray *row = lane->rows[r];
          /* Thousands of events leave most marks without a label: only
           * those with one are visited.
           */
          GArray *labelled = lane->labelled[r];
          double y = _atlas_timeline_row_top (self, k, r, height);

          for (guint j = _atlas_timeline_search_row (self, labelled, view_left - lane->widest[r]); j < labelled->len; j++)
            {
              Entry *entry = &g_array_index (self->entries, Entry, g_array_index (labelled, guint, j));
              double room = _atlas_timeline_shown_label_width (entry);
              double x = _atlas_timeline_label_start (entry);
              gboolean shortened = entry->label_room >= 0;

              if (entry->mark_start - lane->reach_left[r] > view_right)
                break;
              if (room <= 0 || !_atlas_timeline_is_revealed (self, entry))
                continue;

              /* A label that an edge of the view would cut goes to the
               * other side of its mark when it fits there whole, between
               * its neighbours in the row and inside the view.
               */
              if ((!entry->label_left && x + room > view_right) || (entry->label_left && x < view_left))
                {
                  /* Marks in a row never overlap: this finds the entry's own place. */
                  guint at = _atlas_timeline_search_row (self, row, entry->mark_start);
                  Entry *prev = at > 0 ? &g_array_index (self->entries, Entry, g_array_index (row, guint, at - 1)) : NULL;
                  Entry *next = at + 1 < row->len ? &g_array_index (self->entries, Entry, g_array_index (row, guint, at + 1))
                                                  : NULL;
                  double left = entry->mark_start - LABEL_OFFSET - entry->label_width;
                  double right = entry->mark_end + LABEL_OFFSET;

                  if (!entry->label_left &&
                      left >= MAX (prev ? _atlas_timeline_entry_end (prev) : -G_MAXDOUBLE, view_left))
                    {
                      x = left;
                      room = entry->label_width;
                      shortened = FALSE;
                    }
                  else if (entry->label_left &&
                           right + entry->label_width <= MIN (next ? _atlas_timeline_entry_begin (next) - LABEL_GAP
                                                                  : G_MAXDOUBLE, view_right))
                    {
                      x = right;
                      room = entry->label_width;
                      shortened = FALSE;
                    }
                }

              /* Labels whose mark has scrolled away go with it. */
              if (x + room < view_left || x > view_right || entry->mark_end < view_left)
                continue;
              if (x < view_left)
                {
                  room -= view_left - x;
                  x = view_left;
                  shortened = TRUE;
                  if (room < MIN_LABEL_WIDTH)
                    continue;
                }
              if (x + room > view_right)
                {
                  room = view_right - x;
                  shortened = TRUE;
                  if (room < MIN_LABEL_WIDTH)
                    continue;
                }

              append_label (self, snapshot, entry, x + shift, y, room, shortened,
                            _atlas_timeline_in_brush (self, entry) ? text : dim_text);
            }
        }
    }
}

/* The "today" line through the lanes, labelled in the axis band. */
static void
append_today (AtlasTimelineChart    *self,
              GtkSnapshot           *snapshot,
              const AtlasTimelinePalette         *palette,
              const graphene_rect_t *box,
              int                    width,
              int                    height)
{
  double x = atlas_timeline_chart_day_to_x (self, self->today + 0.5, width);
  double top = _atlas_timeline_lanes_top (self);

  append_day_line (snapshot, &palette->p->today, x, top - 6, _atlas_timeline_lanes_bottom (self, height), TRUE);
  append_text (snapshot, self->today_label, box->origin.x, box->origin.y, &palette->p->today);
}

void
atlas_timeline_chart_snapshot (AtlasTimelineChart *self,
                               GtkSnapshot        *snapshot,
                               int                 width,
                               int                 height)
{
  AtlasTimelinePalette palette;
  g_autoptr(GArray) ticks = NULL;
  g_autoptr(GArray) minor = NULL;
  AtlasTickLevel level;
  double rh, top, bottom, plot_w;
  graphene_rect_t today;
  gboolean has_today;

  g_return_if_fail (ATLAS_IS_TIMELINE_CHART (self));

  if (width <= self->gutter + RIGHT_PAD || height <= self->axis_height + OVERVIEW_HEIGHT)
    return;

  _atlas_timeline_get_palette (self, &palette);
  _atlas_timeline_ensure_layout (self, width, height);
  rh = _atlas_timeline_row_height (self);
  top = _atlas_timeline_lanes_top (self);
  bottom = _atlas_timeline_lanes_bottom (self, height);
  plot_w = _atlas_timeline_plot_width (self, width);

  ticks = atlas_time_axis_compute_ticks (self->axis, plot_w, measure_tick, self, &level);
  has_today = today_label_box (self, width, &today);
  if (level < ATLAS_TICK_DAY)
    {
      minor = atlas_time_axis_ticks_for_level (self->axis, level + 1, FALSE);
      if (minor->len > plot_w / 6)
        g_clear_pointer (&minor, g_array_unref);
    }

  /* The canvas: plain colour nodes and copies of cached textures. */
  _atlas_timeline_fill_rect (snapshot, &palette.p->view, 1.0, 0, 0, width, top);
  _atlas_timeline_fill_rect (snapshot, &palette.p->view, 1.0, 0, bottom, width, height - bottom);
  _atlas_timeline_append_lanes (self, snapshot, &palette, width, height);
  for (guint k = 0; k < ATLAS_N_EVENT_KINDS; k++)
    _atlas_timeline_fill_rect (snapshot, &palette.kinds[k], 1.0, 10, top + k * _atlas_timeline_lane_height (self, height) + LANE_PAD + rh / 2 - 5, 10, 10);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (self->gutter, 0, plot_w, bottom));

  /* Brushed range: a tint over the lanes. */
  if (self->brush_last > 0)
    {
      double x0 = atlas_timeline_chart_day_to_x (self, self->brush_first, width);
      double x1 = atlas_timeline_chart_day_to_x (self, self->brush_last + 1, width);

      _atlas_timeline_fill_rect (snapshot, &palette.p->accent_tint, 1.0, x0, top, x1 - x0, bottom - top);
    }

  /* Grid and ticks. */
  for (guint i = 0; i < ticks->len; i++)
    {
      double x = round (atlas_timeline_chart_day_to_x (self, g_array_index (ticks, AtlasTimeTick, i).day, width));

      _atlas_timeline_fill_rect (snapshot, &palette.p->grid, 1.0, x, 6, 1, bottom - 6);
    }
  for (guint i = 0; minor != NULL && i < minor->len; i++)
    {
      double x = round (atlas_timeline_chart_day_to_x (self, g_array_index (minor, AtlasTimeTick, i).day, width));

      _atlas_timeline_fill_rect (snapshot, &palette.p->axis, 1.0, x, top - 5, 1, 5);
    }
  _atlas_timeline_fill_rect (snapshot, &palette.p->axis, 1.0, self->gutter, top - 1, plot_w, 1);

  /* Selection and keyboard focus rings. */
  for (int pass = 0; pass < 2; pass++)
    {
      int index = pass == 0 ? atlas_timeline_chart_find_event (self, self->selection)
                            : (self->focused ? self->focus : -1);
      AtlasTimelinePlacement place;
      double left, right;

      if (index < 0 || !atlas_timeline_chart_get_placement (self, index, width, height, &place))
        continue;
      if (pass == 0)
        append_ring (snapshot, &palette.p->text, place.mark_start - 3, place.y - 1,
                     place.mark_end - place.mark_start + 6, place.height + 2);
      else
        {
          left = MIN (place.mark_start, place.label_start) - 5;
          right = MAX (place.mark_end, place.label_start + place.label_width) + 3;
          append_ring (snapshot, &palette.p->accent, left, place.y - 2, right - left, place.height + 4);
        }
    }

  /* Today, and the play cursor. */
  if (has_today)
    append_today (self, snapshot, &palette, &today, width, height);
  if (self->cursor > 0)
    append_day_line (snapshot, &palette.p->accent, atlas_timeline_chart_day_to_x (self, self->cursor, width),
                     4, bottom, FALSE);
  gtk_snapshot_pop (snapshot);

  /* The overview: its density drawn once, the ranges on top. */
  append_overview_texture (self, snapshot, &palette, width, height);
  append_overview (self, snapshot, &palette, width, height);
  if (self->today > 0)
    append_day_line (snapshot, &palette.p->today, atlas_timeline_chart_overview_day_to_x (self, self->today + 0.5, width),
                     height - OVERVIEW_HEIGHT, height, TRUE);
  if (self->cursor > 0)
    append_day_line (snapshot, &palette.p->accent, atlas_timeline_chart_overview_day_to_x (self, self->cursor, width),
                     height - OVERVIEW_HEIGHT, height, FALSE);

  /* Lane titles. */
  for (guint k = 0; k < ATLAS_N_EVENT_KINDS; k++)
    {
      int w, h;

      pango_layout_get_pixel_size (self->lane_titles[k], &w, &h);
      append_text (snapshot, self->lane_titles[k], 26,
                   top + k * _atlas_timeline_lane_height (self, height) + LANE_PAD + (rh - h) / 2, &palette.p->text);
    }

  /* Tick labels, event labels and today, inside the plot. */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (self->gutter, 0, plot_w, height));
  append_tick_labels (self, snapshot, ticks, &palette.p->text_dim, has_today ? &today : NULL, width);
  append_event_labels (self, snapshot, &palette.p->text, &palette.p->text_dim, width, height);
  gtk_snapshot_pop (snapshot);

}
