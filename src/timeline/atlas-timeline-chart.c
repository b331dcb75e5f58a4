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

#include "atlas-dataset.h"
#include "atlas-date.h"
#include "atlas-event.h"
#include "atlas-session.h"
#include "atlas-format.h"
#include "atlas-item.h"
#include "atlas-labels.h"
#include "atlas-render.h"
#include "atlas-state.h"
#include "atlas-timeline-chart.h"

/* What the timeline draws, without being a widget: the events in lanes by
 * kind under an axis, with an overview strip of the whole period below.  The
 * widget (AtlasTimelineView), exports and the command line's --render and
 * --benchmark all draw through atlas_timeline_chart_snapshot(), so what is
 * measured is what is shown.
 *
 * The layout (which row of its lane each event takes, and how much of its
 * label fits) depends only on the scale, not on the scroll position, so it
 * is kept while panning and redone when the zoom changes.  Rows are filled
 * first come first served; an event that finds no row with room for its
 * mark goes into the lane's density strip, counted per few pixels, which is
 * how ten thousand events stay cheap to draw.
 */

#define AXIS_HEIGHT      30.0
#define OVERVIEW_HEIGHT  44.0
#define OVERVIEW_GAP     10.0
#define GUTTER          150.0
#define RIGHT_PAD        10.0
#define ROW_HEIGHT       22.0
#define DENSITY_HEIGHT    8.0
#define LANE_PAD          4.0
#define MARK_RADIUS       5.0
#define MIN_SPAN_WIDTH    6.0
#define LABEL_OFFSET      9.0
#define LABEL_GAP        10.0
#define MIN_LABEL_WIDTH  26.0
#define BIN_WIDTH         3.0
#define MAX_ROWS         16

typedef struct
{
  AtlasEvent    *event;
  guint32        first_day;
  guint32        last_day;   /* inclusive */
  AtlasEventKind kind;
  gboolean       span;       /* known to the month or year only */
  char          *label;
  double         label_width;
  PangoLayout   *layout;     /* made when first drawn */

  /* Layout at the cached scale, x from the axis' lower bound. */
  int            row;
  double         mark_start;
  double         mark_end;
  double         label_room; /* how much of the label fits; <0: all */
} Entry;

typedef struct
{
  int   bin;
  guint count;
} Bin;

typedef struct
{
  GArray *rows[MAX_ROWS];     /* entry indices, by mark_start */
  double  widest[MAX_ROWS];   /* widest extent in the row, for culling */
  GArray *bins;               /* density of what did not fit */
} Lane;

struct _AtlasTimelineChart
{
  GObject            parent_instance;

  PangoContext      *context;
  AtlasTimeAxis     *axis;
  GArray            *entries;
  Lane               lanes[ATLAS_N_EVENT_KINDS];
  PangoLayout       *lane_titles[ATLAS_N_EVENT_KINDS];
  GHashTable        *tick_layouts;   /* label -> PangoLayout */

  AtlasStyleVariant  variant;
  gboolean           presenting;
  gboolean           focused;
  AtlasEvent        *selection;
  int                focus;
  double             cursor;
  double             brush_first;
  double             brush_last;
  guint32            today;
  double             extent_first;
  double             extent_last;

  /* The layout's key. */
  gboolean           layout_valid;
  double             layout_scale;
  int                layout_rows;
  double             layout_row_height;

  /* Overview density, per pixel column and lane. */
  guint             *overview_bins;
  int                overview_width;
  cairo_surface_t   *overview_texture;   /* the bins drawn, for overview_width */
  AtlasStyleVariant  overview_variant;
};

G_DEFINE_FINAL_TYPE (AtlasTimelineChart, atlas_timeline_chart, G_TYPE_OBJECT)

static void
clear_entry (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->event);
  g_clear_pointer (&entry->label, g_free);
  g_clear_object (&entry->layout);
}

static void
clear_layout (AtlasTimelineChart *self)
{
  for (guint k = 0; k < ATLAS_N_EVENT_KINDS; k++)
    {
      for (guint r = 0; r < MAX_ROWS; r++)
        g_clear_pointer (&self->lanes[k].rows[r], g_array_unref);
      g_clear_pointer (&self->lanes[k].bins, g_array_unref);
    }
  self->layout_valid = FALSE;
}

static void
atlas_timeline_chart_dispose (GObject *object)
{
  AtlasTimelineChart *self = (AtlasTimelineChart *)object;

  clear_layout (self);
  for (guint k = 0; k < ATLAS_N_EVENT_KINDS; k++)
    g_clear_object (&self->lane_titles[k]);
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

  return self;
}

AtlasTimeAxis *
atlas_timeline_chart_get_axis (AtlasTimelineChart *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_CHART (self), NULL);

  return self->axis;
}

/* ---- text ------------------------------------------------------------- */

static double
text_scale (AtlasTimelineChart *self)
{
  return self->presenting ? ATLAS_PRESENTATION_SCALE : 1.0;
}

static PangoLayout *
make_layout (AtlasTimelineChart *self,
             const char         *text,
             gboolean            bold)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *font = pango_font_description_copy (pango_context_get_font_description (self->context));
  int size = pango_font_description_get_size (font);

  if (size <= 0)
    size = 10 * PANGO_SCALE;
  pango_font_description_set_size (font, (int) (size * 0.92 * text_scale (self)));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_font_description_free (font);

  return layout;
}

static double
layout_width (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  return w;
}

static PangoLayout *
tick_layout (AtlasTimelineChart *self,
             const char         *label)
{
  PangoLayout *layout = g_hash_table_lookup (self->tick_layouts, label);

  if (layout == NULL)
    {
      /* Panning across years of days would grow the cache for ever. */
      if (g_hash_table_size (self->tick_layouts) > 2000)
        g_hash_table_remove_all (self->tick_layouts);
      layout = make_layout (self, label, FALSE);
      g_hash_table_insert (self->tick_layouts, g_strdup (label), layout);
    }
  return layout;
}

static double
measure_tick (const char *label,
              gpointer    user_data)
{
  return layout_width (tick_layout (user_data, label));
}

/* Measures every label once; the layout only needs the widths. */
static void
measure_labels (AtlasTimelineChart *self)
{
  g_autoptr(PangoLayout) layout = make_layout (self, "", FALSE);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      pango_layout_set_text (layout, entry->label, -1);
      entry->label_width = layout_width (layout);
      g_clear_object (&entry->layout);
    }

  for (guint k = 0; k < ATLAS_N_EVENT_KINDS; k++)
    {
      g_clear_object (&self->lane_titles[k]);
      self->lane_titles[k] = make_layout (self, atlas_event_kind_get_label (k), TRUE);
      pango_layout_set_width (self->lane_titles[k], (GUTTER - 30) * PANGO_SCALE);
      pango_layout_set_ellipsize (self->lane_titles[k], PANGO_ELLIPSIZE_END);
    }
  g_hash_table_remove_all (self->tick_layouts);
  self->layout_valid = FALSE;
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

  clear_layout (self);
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
  measure_labels (self);

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
  measure_labels (self);
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

/* ---- geometry --------------------------------------------------------- */

static double
row_height (AtlasTimelineChart *self)
{
  return round (ROW_HEIGHT * text_scale (self));
}

static double
plot_width (int width)
{
  return MAX (1.0, width - GUTTER - RIGHT_PAD);
}

static double
lanes_top (void)
{
  return AXIS_HEIGHT;
}

static double
lanes_bottom (int height)
{
  return MAX (lanes_top () + ATLAS_N_EVENT_KINDS * 10, height - OVERVIEW_HEIGHT - OVERVIEW_GAP);
}

static double
lane_height (int height)
{
  return (lanes_bottom (height) - lanes_top ()) / ATLAS_N_EVENT_KINDS;
}

static int
rows_per_lane (AtlasTimelineChart *self,
               int                 height)
{
  int rows = (int) ((lane_height (height) - 2 * LANE_PAD - DENSITY_HEIGHT) / row_height (self));

  return CLAMP (rows, 1, MAX_ROWS);
}

static double
row_top (AtlasTimelineChart *self,
         AtlasEventKind      lane,
         int                 row,
         int                 height)
{
  return lanes_top () + lane * lane_height (height) + LANE_PAD + row * row_height (self);
}

double
atlas_timeline_chart_day_to_x (AtlasTimelineChart *self,
                               double              day,
                               int                 width)
{
  return GUTTER + atlas_time_axis_day_to_x (self->axis, day, plot_width (width));
}

double
atlas_timeline_chart_x_to_day (AtlasTimelineChart *self,
                               double              x,
                               int                 width)
{
  return atlas_time_axis_x_to_day (self->axis, x - GUTTER, plot_width (width));
}

double
atlas_timeline_chart_overview_day_to_x (AtlasTimelineChart *self,
                                        double              day,
                                        int                 width)
{
  double lower, upper;

  atlas_time_axis_get_bounds (self->axis, &lower, &upper);
  return GUTTER + (day - lower) / (upper - lower) * plot_width (width);
}

double
atlas_timeline_chart_overview_x_to_day (AtlasTimelineChart *self,
                                        double              x,
                                        int                 width)
{
  double lower, upper;

  atlas_time_axis_get_bounds (self->axis, &lower, &upper);
  return lower + CLAMP ((x - GUTTER) / plot_width (width), 0.0, 1.0) * (upper - lower);
}

AtlasTimelineRegion
atlas_timeline_chart_region_at (AtlasTimelineChart *self,
                                double              x,
                                double              y,
                                int                 width,
                                int                 height)
{
  if (x < 0 || y < 0 || x > width || y > height)
    return ATLAS_TIMELINE_REGION_NONE;
  if (y < lanes_top ())
    return ATLAS_TIMELINE_REGION_AXIS;
  if (y < lanes_bottom (height))
    return ATLAS_TIMELINE_REGION_LANES;
  if (y >= height - OVERVIEW_HEIGHT)
    return ATLAS_TIMELINE_REGION_OVERVIEW;
  return ATLAS_TIMELINE_REGION_NONE;
}

/* ---- layout ----------------------------------------------------------- */

static double
origin (AtlasTimelineChart *self)
{
  double lower;

  atlas_time_axis_get_bounds (self->axis, &lower, NULL);
  return lower;
}

static void
place_marks (Entry  *entry,
             double  lower,
             double  scale)
{
  double x = (entry->first_day - lower) * scale;

  if (entry->span)
    {
      entry->mark_start = x;
      entry->mark_end = MAX (x + MIN_SPAN_WIDTH, (entry->last_day + 1.0 - lower) * scale);
    }
  else
    {
      /* Mid-day, so a day-precise mark sits inside its day at any zoom. */
      x += 0.5 * scale;
      entry->mark_start = x - MARK_RADIUS;
      entry->mark_end = x + MARK_RADIUS;
    }
}

static double
label_start (const Entry *entry)
{
  return entry->span ? entry->mark_start + 5 : entry->mark_start + MARK_RADIUS + LABEL_OFFSET;
}

static double
shown_label_width (const Entry *entry)
{
  return entry->label_room < 0 ? entry->label_width : entry->label_room;
}

/* The x where the next event in the row may start. */
static double
entry_end (const Entry *entry)
{
  double end = entry->mark_end;

  if (shown_label_width (entry) > 0)
    end = MAX (end, label_start (entry) + shown_label_width (entry));
  return end + LABEL_GAP;
}

static void
ensure_layout (AtlasTimelineChart *self,
               int                 width,
               int                 height)
{
  double scale = plot_width (width) / (atlas_time_axis_get_last (self->axis) - atlas_time_axis_get_first (self->axis));
  int rows = rows_per_lane (self, height);
  double lower = origin (self);
  int last_in_row[ATLAS_N_EVENT_KINDS][MAX_ROWS];

  if (self->layout_valid && self->layout_scale == scale && self->layout_rows == rows &&
      self->layout_row_height == row_height (self))
    return;

  clear_layout (self);
  for (guint k = 0; k < ATLAS_N_EVENT_KINDS; k++)
    {
      for (int r = 0; r < rows; r++)
        {
          self->lanes[k].rows[r] = g_array_new (FALSE, FALSE, sizeof (guint));
          self->lanes[k].widest[r] = 0;
          last_in_row[k][r] = -1;
        }
      self->lanes[k].bins = g_array_new (FALSE, FALSE, sizeof (Bin));
    }

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);
      Lane *lane = &self->lanes[entry->kind];
      int *last = last_in_row[entry->kind];
      int chosen = -1;

      place_marks (entry, lower, scale);
      entry->label_room = entry->label_width;
      entry->row = -1;

      /* A row where the whole label fits, top first... */
      for (int r = 0; r < rows && chosen < 0; r++)
        if (last[r] < 0 || entry_end (&g_array_index (self->entries, Entry, last[r])) <= entry->mark_start)
          chosen = r;

      /* ...or one where the label before can be shortened to make room. */
      for (int r = 0; r < rows && chosen < 0; r++)
        {
          Entry *before = &g_array_index (self->entries, Entry, last[r]);
          double room = entry->mark_start - LABEL_GAP - label_start (before);

          if (before->mark_end + LABEL_GAP <= entry->mark_start)
            {
              before->label_room = room >= MIN_LABEL_WIDTH ? MIN (room, before->label_width) : 0;
              chosen = r;
            }
        }

      if (chosen >= 0)
        {
          entry->row = chosen;
          g_array_append_val (lane->rows[chosen], i);
          last[chosen] = i;
        }
      else
        {
          int bin = (int) floor (entry->mark_start / BIN_WIDTH);
          Bin *tail = lane->bins->len > 0 ? &g_array_index (lane->bins, Bin, lane->bins->len - 1) : NULL;

          if (tail != NULL && tail->bin == bin)
            tail->count++;
          else
            {
              Bin fresh = { bin, 1 };
              g_array_append_val (lane->bins, fresh);
            }
        }
    }

  /* Widest extent per row, so drawing can skip what is off screen. */
  for (guint k = 0; k < ATLAS_N_EVENT_KINDS; k++)
    for (int r = 0; r < rows; r++)
      {
        GArray *row = self->lanes[k].rows[r];

        for (guint j = 0; j < row->len; j++)
          {
            Entry *entry = &g_array_index (self->entries, Entry, g_array_index (row, guint, j));

            if (entry->label_room >= entry->label_width - 0.5)
              entry->label_room = -1;
            self->lanes[k].widest[r] = MAX (self->lanes[k].widest[r], entry_end (entry) - entry->mark_start);
          }
      }

  self->layout_valid = TRUE;
  self->layout_scale = scale;
  self->layout_rows = rows;
  self->layout_row_height = row_height (self);
}

/* The layout's x of the left edge of the plot. */
static double
scroll_offset (AtlasTimelineChart *self)
{
  return (atlas_time_axis_get_first (self->axis) - origin (self)) * self->layout_scale;
}

/* Index in @row of the first entry whose mark starts at or after @x. */
static guint
search_row (AtlasTimelineChart *self,
            GArray             *row,
            double              x)
{
  guint lo = 0, hi = row->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->entries, Entry, g_array_index (row, guint, mid)).mark_start < x)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

gboolean
atlas_timeline_chart_get_placement (AtlasTimelineChart     *self,
                                    guint                   index,
                                    int                     width,
                                    int                     height,
                                    AtlasTimelinePlacement *placement)
{
  Entry *entry;
  double shift;

  g_return_val_if_fail (ATLAS_IS_TIMELINE_CHART (self), FALSE);
  g_return_val_if_fail (index < self->entries->len, FALSE);

  ensure_layout (self, width, height);
  entry = &g_array_index (self->entries, Entry, index);
  shift = GUTTER - scroll_offset (self);

  placement->lane = entry->kind;
  placement->row = entry->row;
  placement->mark_start = entry->mark_start + shift;
  placement->mark_end = entry->mark_end + shift;
  placement->label_start = label_start (entry) + shift;
  placement->label_width = entry->row >= 0 ? shown_label_width (entry) : 0;
  placement->ellipsized = entry->row >= 0 && entry->label_room >= 0;
  placement->height = row_height (self);
  placement->y = entry->row >= 0 ? row_top (self, entry->kind, entry->row, height)
                                 : row_top (self, entry->kind, self->layout_rows, height);
  return entry->row >= 0;
}

/* The event under (@x, @y), or -1. */
int
atlas_timeline_chart_pick (AtlasTimelineChart *self,
                           double              x,
                           double              y,
                           int                 width,
                           int                 height)
{
  double lane_y, lx;
  int kind, row;
  GArray *entries;
  guint j;

  g_return_val_if_fail (ATLAS_IS_TIMELINE_CHART (self), -1);

  if (atlas_timeline_chart_region_at (self, x, y, width, height) != ATLAS_TIMELINE_REGION_LANES || x < GUTTER)
    return -1;

  ensure_layout (self, width, height);
  kind = (int) ((y - lanes_top ()) / lane_height (height));
  if (kind < 0 || kind >= ATLAS_N_EVENT_KINDS)
    return -1;
  lane_y = y - lanes_top () - kind * lane_height (height) - LANE_PAD;
  row = (int) floor (lane_y / row_height (self));
  if (lane_y < 0 || row >= self->layout_rows)
    return -1;

  entries = self->lanes[kind].rows[row];
  lx = x - GUTTER + scroll_offset (self);
  for (j = search_row (self, entries, lx - self->lanes[kind].widest[row]); j < entries->len; j++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, g_array_index (entries, guint, j));

      if (entry->mark_start - 2 > lx)
        break;
      if (lx <= entry_end (entry) - LABEL_GAP + 2)
        return g_array_index (entries, guint, j);
    }
  return -1;
}

/* The next (@direction > 0) or previous event in time from @index; from
 * none (-1), the first or last.  Stays put at either end.
 */
int
atlas_timeline_chart_step (AtlasTimelineChart *self,
                           int                 index,
                           int                 direction)
{
  int n;

  g_return_val_if_fail (ATLAS_IS_TIMELINE_CHART (self), -1);

  n = self->entries->len;
  if (n == 0)
    return -1;
  if (index < 0 || index >= n)
    return direction >= 0 ? 0 : n - 1;
  return CLAMP (index + (direction > 0 ? 1 : direction < 0 ? -1 : 0), 0, n - 1);
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

/* The timeline's colours: the style's palette, and the kinds' colours
 * looked up with it when the style changes.
 */
typedef struct
{
  const AtlasPalette *p;
  GdkRGBA             kinds[ATLAS_N_EVENT_KINDS];
} Palette;

static void
get_palette (AtlasTimelineChart *self,
             Palette            *palette)
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
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static gboolean
is_revealed (AtlasTimelineChart *self,
             const Entry        *entry)
{
  return self->cursor <= 0 || entry->first_day <= self->cursor;
}

static gboolean
in_brush (AtlasTimelineChart *self,
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
    n += in_brush (self, &g_array_index (self->entries, Entry, i));
  return n;
}

static void
fill_rect (GtkSnapshot   *snapshot,
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

/* A day as a diamond; a month or a year as a tinted band with a solid left
 * edge and base line.
 */
static void
append_mark (GtkSnapshot   *snapshot,
             const Entry   *entry,
             const GdkRGBA *color,
             double         alpha,
             double         x0,
             double         x1,
             double         y,
             double         h)
{
  if (entry->span)
    {
      fill_rect (snapshot, color, alpha * 0.3, x0, y + 2, x1 - x0, h - 4);
      fill_rect (snapshot, color, alpha, x0, y + 2, 3, h - 4);
      fill_rect (snapshot, color, alpha, x0, y + h - 5, x1 - x0, 3);
    }
  else
    {
      double side = (MARK_RADIUS + 1) * G_SQRT2;

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((x0 + x1) / 2, y + h / 2));
      gtk_snapshot_rotate (snapshot, 45);
      fill_rect (snapshot, color, alpha, -side / 2, -side / 2, side, side);
      gtk_snapshot_restore (snapshot);
    }
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
      fill_rect (snapshot, color, 1.0, x - 1, top, 2, bottom - top);
      return;
    }
  gtk_snapshot_push_repeat (snapshot, &GRAPHENE_RECT_INIT (x - 1, top, 2, bottom - top),
                            &GRAPHENE_RECT_INIT (x - 1, top, 2, 7));
  fill_rect (snapshot, color, 1.0, x - 1, top, 2, 4);
  gtk_snapshot_pop (snapshot);
}

static void
ensure_overview_bins (AtlasTimelineChart *self,
                      int                 width)
{
  int columns = (int) plot_width (width);

  if (self->overview_bins != NULL && self->overview_width == columns)
    return;

  g_clear_pointer (&self->overview_bins, g_free);
  g_clear_pointer (&self->overview_texture, cairo_surface_destroy);
  self->overview_bins = g_new0 (guint, (gsize) columns * ATLAS_N_EVENT_KINDS);
  self->overview_width = columns;
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);
      int c = (int) (atlas_timeline_chart_overview_day_to_x (self, entry->first_day, width) - GUTTER);

      c = CLAMP (c, 0, columns - 1);
      self->overview_bins[entry->kind * columns + c]++;
    }
}

static void
append_overview_texture (AtlasTimelineChart *self,
                         GtkSnapshot        *snapshot,
                         const Palette      *palette,
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
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, columns, OVERVIEW_HEIGHT);
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

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (GUTTER, height - OVERVIEW_HEIGHT, columns, OVERVIEW_HEIGHT));
  cairo_set_source_surface (cr, self->overview_texture, GUTTER, height - OVERVIEW_HEIGHT);
  cairo_paint (cr);
  cairo_destroy (cr);
}

static void
append_overview (AtlasTimelineChart *self,
                 GtkSnapshot        *snapshot,
                 const Palette      *palette,
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
      fill_rect (snapshot, &palette->p->accent_tint, 1.0, x0, top, x1 - x0, OVERVIEW_HEIGHT);
      fill_rect (snapshot, &palette->p->accent, 1.0, x0 - 1, top, 2, OVERVIEW_HEIGHT);
      fill_rect (snapshot, &palette->p->accent, 1.0, x1 - 1, top, 2, OVERVIEW_HEIGHT);
    }

  x0 = atlas_timeline_chart_overview_day_to_x (self, atlas_time_axis_get_first (self->axis), width);
  x1 = atlas_timeline_chart_overview_day_to_x (self, atlas_time_axis_get_last (self->axis), width);
  append_ring (snapshot, &palette->p->axis, x0, top, MAX (4, x1 - x0), OVERVIEW_HEIGHT);
}

void
atlas_timeline_chart_snapshot (AtlasTimelineChart *self,
                               GtkSnapshot        *snapshot,
                               int                 width,
                               int                 height)
{
  Palette palette;
  g_autoptr(GArray) ticks = NULL;
  g_autoptr(GArray) minor = NULL;
  AtlasTickLevel level;
  double shift, view_left, view_right, rh;
  GdkRGBA text, dim_text;

  g_return_if_fail (ATLAS_IS_TIMELINE_CHART (self));

  if (width <= GUTTER + RIGHT_PAD || height <= AXIS_HEIGHT + OVERVIEW_HEIGHT)
    return;

  get_palette (self, &palette);
  ensure_layout (self, width, height);
  rh = row_height (self);
  shift = GUTTER - scroll_offset (self);
  view_left = scroll_offset (self);
  view_right = view_left + plot_width (width);
  text = palette.p->text;
  dim_text = palette.p->text_dim;

  ticks = atlas_time_axis_compute_ticks (self->axis, plot_width (width), measure_tick, self, &level);
  if (level < ATLAS_TICK_DAY)
    {
      minor = atlas_time_axis_ticks_for_level (self->axis, level + 1, FALSE);
      if (minor->len > plot_width (width) / 6)
        g_clear_pointer (&minor, g_array_unref);
    }

  /* Plain colour nodes for the shapes: they draw straight onto the target,
   * with no full-size intermediate surface.
   */
  for (guint k = 0; k < ATLAS_N_EVENT_KINDS; k++)
    {
      double y = lanes_top () + k * lane_height (height);

      if (k % 2)
        fill_rect (snapshot, &palette.p->shade, 1.0, 0, y, width, lane_height (height));
      fill_rect (snapshot, &palette.kinds[k], 1.0, 10, y + LANE_PAD + rh / 2 - 5, 10, 10);
    }

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (GUTTER, 0, plot_width (width), lanes_bottom (height)));

  /* Brushed range: a tint over the lanes. */
  if (self->brush_last > 0)
    {
      double x0 = atlas_timeline_chart_day_to_x (self, self->brush_first, width);
      double x1 = atlas_timeline_chart_day_to_x (self, self->brush_last + 1, width);

      fill_rect (snapshot, &palette.p->accent_tint, 1.0, x0, lanes_top (), x1 - x0, lanes_bottom (height) - lanes_top ());
    }

  /* Grid and ticks. */
  for (guint i = 0; i < ticks->len; i++)
    {
      double x = round (atlas_timeline_chart_day_to_x (self, g_array_index (ticks, AtlasTimeTick, i).day, width));

      fill_rect (snapshot, &palette.p->grid, 1.0, x, 6, 1, lanes_bottom (height) - 6);
    }
  for (guint i = 0; minor != NULL && i < minor->len; i++)
    {
      double x = round (atlas_timeline_chart_day_to_x (self, g_array_index (minor, AtlasTimeTick, i).day, width));

      fill_rect (snapshot, &palette.p->axis, 1.0, x, AXIS_HEIGHT - 5, 1, 5);
    }
  fill_rect (snapshot, &palette.p->axis, 1.0, GUTTER, AXIS_HEIGHT - 1, plot_width (width), 1);

  /* Events, lane by lane: density strips, then the marks of each row. */
  for (guint k = 0; k < ATLAS_N_EVENT_KINDS; k++)
    {
      Lane *lane = &self->lanes[k];
      double strip_y = row_top (self, k, self->layout_rows, height);
      double run_start = 0, run_end = -1, run_height = 0;

      /* Neighbouring bins of one height make one rectangle. */
      for (guint b = 0; b <= lane->bins->len; b++)
        {
          Bin *bin = b < lane->bins->len ? &g_array_index (lane->bins, Bin, b) : NULL;
          double x = bin ? bin->bin * BIN_WIDTH : 0;
          double h = bin ? MIN (DENSITY_HEIGHT, 2 + 2 * floor (log2 (bin->count + 1.0))) : 0;

          if (bin != NULL && (x + BIN_WIDTH < view_left || x > view_right))
            continue;
          if (bin != NULL && h == run_height && x <= run_end + 0.01)
            {
              run_end = x + BIN_WIDTH;
              continue;
            }
          if (run_end > run_start)
            fill_rect (snapshot, &palette.kinds[k], 0.55, run_start + shift, strip_y + DENSITY_HEIGHT - run_height,
                       run_end - run_start - 0.5, run_height);
          run_start = x;
          run_end = x + BIN_WIDTH;
          run_height = h;
        }

      for (int r = 0; r < self->layout_rows; r++)
        {
          GArray *row = lane->rows[r];
          double y = row_top (self, k, r, height);

          for (guint j = search_row (self, row, view_left - lane->widest[r]); j < row->len; j++)
            {
              Entry *entry = &g_array_index (self->entries, Entry, g_array_index (row, guint, j));
              gboolean faded = !is_revealed (self, entry) || !in_brush (self, entry);

              if (entry->mark_start > view_right)
                break;
              append_mark (snapshot, entry, &palette.kinds[k], faded ? 0.25 : 1.0,
                           entry->mark_start + shift, entry->mark_end + shift, y, rh);
            }
        }
    }

  /* Selection and keyboard focus rings. */
  for (int pass = 0; pass < 2; pass++)
    {
      int index = pass == 0 ? atlas_timeline_chart_find_event (self, self->selection)
                            : (self->focused ? self->focus : -1);
      AtlasTimelinePlacement place;
      double right;

      if (index < 0 || !atlas_timeline_chart_get_placement (self, index, width, height, &place))
        continue;
      if (pass == 0)
        append_ring (snapshot, &palette.p->text, place.mark_start - 3, place.y - 1,
                     place.mark_end - place.mark_start + 6, place.height + 2);
      else
        {
          right = MAX (place.mark_end, place.label_start + place.label_width) + 3;
          append_ring (snapshot, &palette.p->accent, place.mark_start - 5, place.y - 2,
                       right - place.mark_start + 5, place.height + 4);
        }
    }

  /* Today, and the play cursor. */
  if (self->today > 0)
    append_day_line (snapshot, &palette.p->today, atlas_timeline_chart_day_to_x (self, self->today + 0.5, width),
                     AXIS_HEIGHT - 6, lanes_bottom (height), TRUE);
  if (self->cursor > 0)
    append_day_line (snapshot, &palette.p->accent, atlas_timeline_chart_day_to_x (self, self->cursor, width),
                     4, lanes_bottom (height), FALSE);
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
      append_text (snapshot, self->lane_titles[k], 26, lanes_top () + k * lane_height (height) + LANE_PAD + (rh - h) / 2, &text);
    }

  /* Tick labels. */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (GUTTER, 0, plot_width (width), height));
  for (guint i = 0; i < ticks->len; i++)
    {
      AtlasTimeTick *tick = &g_array_index (ticks, AtlasTimeTick, i);
      PangoLayout *layout = tick_layout (self, tick->label);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      append_text (snapshot, layout, round (atlas_timeline_chart_day_to_x (self, tick->day, width)) + 4,
                   (AXIS_HEIGHT - h) / 2, &dim_text);
    }

  /* Event labels. */
  for (guint k = 0; k < ATLAS_N_EVENT_KINDS; k++)
    {
      Lane *lane = &self->lanes[k];

      for (int r = 0; r < self->layout_rows; r++)
        {
          GArray *row = lane->rows[r];
          double y = row_top (self, k, r, height);

          for (guint j = search_row (self, row, view_left - lane->widest[r]); j < row->len; j++)
            {
              Entry *entry = &g_array_index (self->entries, Entry, g_array_index (row, guint, j));
              double room = shown_label_width (entry);
              gboolean shortened;
              double x;
              int w, h;

              if (entry->mark_start > view_right)
                break;
              if (room <= 0 || !is_revealed (self, entry))
                continue;
              if (!entry->span && label_start (entry) + room < view_left)
                continue;

              /* A span running in from the left keeps its label in view;
               * a day whose mark has scrolled away loses it.
               */
              x = label_start (entry);
              if (entry->mark_start < view_left)
                {
                  if (!entry->span || entry->mark_end - view_left < MIN_LABEL_WIDTH)
                    continue;
                  room -= view_left + 4 - x;
                  x = view_left + 4;
                  if (room < MIN_LABEL_WIDTH)
                    continue;
                }

              /* Cut at the right edge too, with an ellipsis. */
              shortened = entry->label_room >= 0 || x != label_start (entry);
              if (x + room > view_right)
                {
                  room = MAX (view_right - x, MIN_LABEL_WIDTH);
                  shortened = TRUE;
                }

              if (entry->layout == NULL)
                entry->layout = make_layout (self, entry->label, FALSE);
              pango_layout_set_ellipsize (entry->layout, shortened ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
              pango_layout_set_width (entry->layout, shortened ? (int) (room * PANGO_SCALE) : -1);
              pango_layout_get_pixel_size (entry->layout, &w, &h);
              append_text (snapshot, entry->layout, x + shift, y + (rh - h) / 2,
                           in_brush (self, entry) ? &text : &dim_text);
            }
        }
    }
  gtk_snapshot_pop (snapshot);
}

/* ---- command line ----------------------------------------------------- */

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
  Palette palette;
  double first, last;

  atlas_timeline_chart_set_variant (chart, atlas_style_variant_for (dark, FALSE, FALSE));
  atlas_timeline_chart_set_events (chart, events);
  atlas_timeline_chart_get_fit_range (chart, &first, &last);
  atlas_time_axis_set_range (atlas_timeline_chart_get_axis (chart), first, last);
  if (atlas_state_has_time_range (state))
    atlas_timeline_chart_set_brush (chart, atlas_state_get_time_first (state), atlas_state_get_time_last (state));

  get_palette (chart, &palette);
  gtk_snapshot_append_color (snapshot, &palette.p->view, &GRAPHENE_RECT_INIT (0, 0, width, height));
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
