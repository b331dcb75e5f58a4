/* atlas-timeline-layout.c
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

#include "atlas-event.h"
#include "atlas-labels.h"
#include "atlas-timeline-chart-private.h"

/* Where the timeline puts things: the geometry of the axis, the lanes and
 * the overview, and which row of its lane each event takes with how much of
 * its label.
 *
 * The layout depends only on the scale, not on the scroll position, so it
 * is kept while panning and redone when the zoom changes.  Rows are filled
 * first come first served; a label goes left of its mark when the next
 * event in the row leaves no room on the right and the left has it; then
 * labels are shortened; an event that still finds no row goes into the
 * lane's density strip, counted per few pixels, which is how ten thousand
 * events stay cheap to draw.
 */

/* ---- text ------------------------------------------------------------- */

double
_atlas_timeline_text_scale (AtlasTimelineChart *self)
{
  return self->presenting ? ATLAS_PRESENTATION_SCALE : 1.0;
}

PangoLayout *
_atlas_timeline_make_layout (AtlasTimelineChart *self,
                             const char         *text,
                             gboolean            bold)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *font = pango_font_description_copy (pango_context_get_font_description (self->context));
  int size = pango_font_description_get_size (font);

  if (size <= 0)
    size = 10 * PANGO_SCALE;
  pango_font_description_set_size (font, (int) (size * 0.92 * _atlas_timeline_text_scale (self)));
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

PangoLayout *
_atlas_timeline_tick_layout (AtlasTimelineChart *self,
                             const char         *label)
{
  PangoLayout *layout = g_hash_table_lookup (self->tick_layouts, label);

  if (layout == NULL)
    {
      /* Panning across years of days would grow the cache for ever. */
      if (g_hash_table_size (self->tick_layouts) > 2000)
        g_hash_table_remove_all (self->tick_layouts);
      layout = _atlas_timeline_make_layout (self, label, FALSE);
      g_hash_table_insert (self->tick_layouts, g_strdup (label), layout);
    }
  return layout;
}

/* The glyph of a black diamond (U+25C6) at the size that makes it
 * 2 (MARK_RADIUS + 1.5) px wide, for drawing day marks as text; none when
 * no font has it (the marks are then rotated squares).
 */
static void
find_mark_glyph (AtlasTimelineChart *self)
{
  double target = 2 * (MARK_RADIUS + 1.5), size = 20;

  g_clear_object (&self->mark_font);
  for (int attempt = 0; attempt < 2; attempt++)
    {
      g_autoptr(PangoLayout) layout = pango_layout_new (self->context);
      PangoFontDescription *font = pango_font_description_copy (pango_context_get_font_description (self->context));
      PangoLayoutLine *line;
      PangoGlyphItem *run;
      PangoRectangle ink;

      pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
      pango_layout_set_text (layout, "\u25c6", -1);
      line = pango_layout_get_line_readonly (layout, 0);
      if (line == NULL || line->runs == NULL)
        return;
      run = line->runs->data;
      if (run->glyphs->num_glyphs != 1 || (run->glyphs->glyphs[0].glyph & PANGO_GLYPH_UNKNOWN_FLAG))
        return;
      pango_font_get_glyph_extents (run->item->analysis.font, run->glyphs->glyphs[0].glyph, &ink, NULL);
      if (ink.width <= 0 || ink.height <= 0)
        return;
      if (attempt == 0)
        {
          size *= target / ((double) ink.width / PANGO_SCALE);
          continue;
        }
      self->mark_font = g_object_ref (run->item->analysis.font);
      self->mark_glyph = run->glyphs->glyphs[0].glyph;
      self->mark_ink = ink;
    }
}

/* Measures every label once; the layout only needs the widths.  The axis
 * is as tall as its labels need, so that large type (presenting, Chinese
 * fonts) keeps clear of the axis line.
 */
void
_atlas_timeline_measure_labels (AtlasTimelineChart *self)
{
  g_autoptr(PangoLayout) layout = _atlas_timeline_make_layout (self, "2020 年 12 月 Ag", FALSE);
  int tick_h;

  pango_layout_get_pixel_size (layout, NULL, &tick_h);
  self->axis_height = MAX (30.0, ceil (tick_h + 12));

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      pango_layout_set_text (layout, entry->label, -1);
      entry->label_width = layout_width (layout);
      g_clear_object (&entry->layout);
    }

  /* The gutter holds the widest lane title, from 150 px to 300. */
  self->gutter = MIN_GUTTER;
  for (guint k = 0; k < ATLAS_N_EVENT_KINDS; k++)
    {
      int w;

      g_clear_object (&self->lane_titles[k]);
      self->lane_titles[k] = _atlas_timeline_make_layout (self, atlas_event_kind_get_label (k), TRUE);
      pango_layout_get_pixel_size (self->lane_titles[k], &w, NULL);
      self->gutter = CLAMP (w + 40, self->gutter, 2 * MIN_GUTTER);
    }
  for (guint k = 0; k < ATLAS_N_EVENT_KINDS; k++)
    {
      pango_layout_set_width (self->lane_titles[k], (self->gutter - 30) * PANGO_SCALE);
      pango_layout_set_ellipsize (self->lane_titles[k], PANGO_ELLIPSIZE_END);
    }
  find_mark_glyph (self);
  g_clear_object (&self->today_label);
  /* Translators: the label of the line that marks today on the timeline */
  self->today_label = _atlas_timeline_make_layout (self, C_("timeline", "Today"), TRUE);
  g_hash_table_remove_all (self->tick_layouts);
  self->layout_valid = FALSE;
}

/* ---- geometry --------------------------------------------------------- */

double
_atlas_timeline_row_height (AtlasTimelineChart *self)
{
  return round (ROW_HEIGHT * _atlas_timeline_text_scale (self));
}

double
_atlas_timeline_plot_width (AtlasTimelineChart *self,
                            int                 width)
{
  return MAX (1.0, width - self->gutter - RIGHT_PAD);
}

double
_atlas_timeline_lanes_top (AtlasTimelineChart *self)
{
  return self->axis_height;
}

double
_atlas_timeline_lanes_bottom (AtlasTimelineChart *self,
                              int                 height)
{
  return MAX (_atlas_timeline_lanes_top (self) + ATLAS_N_EVENT_KINDS * 10,
              height - OVERVIEW_HEIGHT - OVERVIEW_GAP);
}

double
_atlas_timeline_lane_height (AtlasTimelineChart *self,
                             int                 height)
{
  return (_atlas_timeline_lanes_bottom (self, height) - _atlas_timeline_lanes_top (self)) / ATLAS_N_EVENT_KINDS;
}

static int
rows_per_lane (AtlasTimelineChart *self,
               int                 height)
{
  int rows = (int) ((_atlas_timeline_lane_height (self, height) - 2 * LANE_PAD - DENSITY_HEIGHT) /
                    _atlas_timeline_row_height (self));

  return CLAMP (rows, 1, MAX_ROWS);
}

double
_atlas_timeline_row_top (AtlasTimelineChart *self,
                         AtlasEventKind      lane,
                         int                 row,
                         int                 height)
{
  return _atlas_timeline_lanes_top (self) + lane * _atlas_timeline_lane_height (self, height) + LANE_PAD +
         row * _atlas_timeline_row_height (self);
}

double
atlas_timeline_chart_day_to_x (AtlasTimelineChart *self,
                               double              day,
                               int                 width)
{
  return self->gutter + atlas_time_axis_day_to_x (self->axis, day, _atlas_timeline_plot_width (self, width));
}

double
atlas_timeline_chart_x_to_day (AtlasTimelineChart *self,
                               double              x,
                               int                 width)
{
  return atlas_time_axis_x_to_day (self->axis, x - self->gutter, _atlas_timeline_plot_width (self, width));
}

double
atlas_timeline_chart_overview_day_to_x (AtlasTimelineChart *self,
                                        double              day,
                                        int                 width)
{
  double lower, upper;

  atlas_time_axis_get_bounds (self->axis, &lower, &upper);
  return self->gutter + (day - lower) / (upper - lower) * _atlas_timeline_plot_width (self, width);
}

double
atlas_timeline_chart_overview_x_to_day (AtlasTimelineChart *self,
                                        double              x,
                                        int                 width)
{
  double lower, upper;

  atlas_time_axis_get_bounds (self->axis, &lower, &upper);
  return lower + CLAMP ((x - self->gutter) / _atlas_timeline_plot_width (self, width), 0.0, 1.0) * (upper - lower);
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
  if (y < _atlas_timeline_lanes_top (self))
    return ATLAS_TIMELINE_REGION_AXIS;
  if (y < _atlas_timeline_lanes_bottom (self, height))
    return ATLAS_TIMELINE_REGION_LANES;
  if (y >= height - OVERVIEW_HEIGHT)
    return ATLAS_TIMELINE_REGION_OVERVIEW;
  return ATLAS_TIMELINE_REGION_NONE;
}

/* ---- layout ----------------------------------------------------------- */

void
_atlas_timeline_clear_layout (AtlasTimelineChart *self)
{
  for (guint k = 0; k < ATLAS_N_EVENT_KINDS; k++)
    {
      for (guint r = 0; r < MAX_ROWS; r++)
        {
          g_clear_pointer (&self->lanes[k].rows[r], g_array_unref);
          g_clear_pointer (&self->lanes[k].labelled[r], g_array_unref);
        }
      g_clear_pointer (&self->lanes[k].bins, g_array_unref);
    }
  _atlas_timeline_clear_lanes (self);
  self->layout_valid = FALSE;
}

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

double
_atlas_timeline_shown_label_width (const Entry *entry)
{
  return entry->label_room < 0 ? entry->label_width : entry->label_room;
}

/* Labels stand beside their mark, never over a range's band. */
double
_atlas_timeline_label_start (const Entry *entry)
{
  if (entry->label_left)
    return entry->mark_start - LABEL_OFFSET - _atlas_timeline_shown_label_width (entry);
  return entry->mark_end + LABEL_OFFSET;
}

/* The x where the entry begins: its mark, or its label on the left. */
double
_atlas_timeline_entry_begin (const Entry *entry)
{
  if (entry->label_left && _atlas_timeline_shown_label_width (entry) > 0)
    return _atlas_timeline_label_start (entry);
  return entry->mark_start;
}

/* The x where the next event in the row may start. */
double
_atlas_timeline_entry_end (const Entry *entry)
{
  double end = entry->mark_end;

  if (!entry->label_left && _atlas_timeline_shown_label_width (entry) > 0)
    end = MAX (end, _atlas_timeline_label_start (entry) + _atlas_timeline_shown_label_width (entry));
  return end + LABEL_GAP;
}

/* Moves @entry's label to the left of its mark if it fits there whole,
 * after @limit (where the row's previous entry ends) and inside the axis
 * (layout x 0 is its lower bound).
 */
static gboolean
try_label_left (Entry  *entry,
                double  limit)
{
  if (entry->label_width <= 0 || entry->mark_start - LABEL_OFFSET - entry->label_width < MAX (limit, 0))
    return FALSE;
  entry->label_left = TRUE;
  entry->label_room = entry->label_width;
  return TRUE;
}

void
_atlas_timeline_ensure_layout (AtlasTimelineChart *self,
                               int                 width,
                               int                 height)
{
  double span = atlas_time_axis_get_last (self->axis) - atlas_time_axis_get_first (self->axis);
  double scale = _atlas_timeline_plot_width (self, width) / span;
  int rows = rows_per_lane (self, height);
  double lower = origin (self), upper;
  int last_in_row[ATLAS_N_EVENT_KINDS][MAX_ROWS];
  double limit[ATLAS_N_EVENT_KINDS][MAX_ROWS];   /* where the entry before the last ends */

  if (self->layout_valid && self->layout_scale == scale && self->layout_rows == rows &&
      self->layout_row_height == _atlas_timeline_row_height (self) && self->layout_height == height)
    return;

  atlas_time_axis_get_bounds (self->axis, NULL, &upper);
  _atlas_timeline_clear_layout (self);
  for (guint k = 0; k < ATLAS_N_EVENT_KINDS; k++)
    {
      for (int r = 0; r < rows; r++)
        {
          self->lanes[k].rows[r] = g_array_new (FALSE, FALSE, sizeof (guint));
          self->lanes[k].widest[r] = 0;
          self->lanes[k].reach_left[r] = 0;
          self->lanes[k].labelled[r] = g_array_new (FALSE, FALSE, sizeof (guint));
          last_in_row[k][r] = -1;
          limit[k][r] = -G_MAXDOUBLE;
        }
      self->lanes[k].bins = g_array_new (FALSE, FALSE, sizeof (Bin));
    }

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);
      Lane *lane = &self->lanes[entry->kind];
      int *last = last_in_row[entry->kind];
      double *row_limit = limit[entry->kind];
      int chosen = -1;

      place_marks (entry, lower, scale);
      entry->label_room = entry->label_width;
      entry->label_left = FALSE;
      entry->row = -1;

      /* A row where the whole label fits, top first... */
      for (int r = 0; r < rows && chosen < 0; r++)
        if (last[r] < 0 || _atlas_timeline_entry_end (&g_array_index (self->entries, Entry, last[r])) <= entry->mark_start)
          chosen = r;

      /* ...or one where the label before has no room on its right and
       * moves to the left of its mark...
       */
      for (int r = 0; r < rows && chosen < 0; r++)
        {
          Entry *before = &g_array_index (self->entries, Entry, last[r]);

          if (!before->label_left && before->mark_end + LABEL_GAP <= entry->mark_start &&
              try_label_left (before, row_limit[r]))
            chosen = r;
        }

      /* ...or one where the label before can be shortened to make room. */
      for (int r = 0; r < rows && chosen < 0; r++)
        {
          Entry *before = &g_array_index (self->entries, Entry, last[r]);
          double room = entry->mark_start - LABEL_GAP - _atlas_timeline_label_start (before);

          if (!before->label_left && before->mark_end + LABEL_GAP <= entry->mark_start)
            {
              before->label_room = room >= MIN_LABEL_WIDTH ? MIN (room, before->label_width) : 0;
              chosen = r;
            }
        }

      if (chosen >= 0)
        {
          entry->row = chosen;
          g_array_append_val (lane->rows[chosen], i);
          if (last[chosen] >= 0)
            row_limit[chosen] = _atlas_timeline_entry_end (&g_array_index (self->entries, Entry, last[chosen]));
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

  /* The last label of a row that would run past the end of the axis goes
   * left when there is room.
   */
  for (guint k = 0; k < ATLAS_N_EVENT_KINDS; k++)
    for (int r = 0; r < rows; r++)
      if (last_in_row[k][r] >= 0)
        {
          Entry *entry = &g_array_index (self->entries, Entry, last_in_row[k][r]);

          if (!entry->label_left && _atlas_timeline_entry_end (entry) - LABEL_GAP > (upper - lower) * scale)
            try_label_left (entry, limit[k][r]);
        }

  /* How far entries reach either side of their marks, so that drawing can
   * skip what is off screen.
   */
  for (guint k = 0; k < ATLAS_N_EVENT_KINDS; k++)
    for (int r = 0; r < rows; r++)
      {
        GArray *row = self->lanes[k].rows[r];

        for (guint j = 0; j < row->len; j++)
          {
            Entry *entry = &g_array_index (self->entries, Entry, g_array_index (row, guint, j));

            if (entry->label_room >= entry->label_width - 0.5)
              entry->label_room = -1;
            if (_atlas_timeline_shown_label_width (entry) > 0)
              g_array_append_val (self->lanes[k].labelled[r], g_array_index (row, guint, j));
            self->lanes[k].widest[r] = MAX (self->lanes[k].widest[r],
                                            _atlas_timeline_entry_end (entry) - entry->mark_start);
            self->lanes[k].reach_left[r] = MAX (self->lanes[k].reach_left[r],
                                                entry->mark_start - _atlas_timeline_entry_begin (entry));
          }
      }

  self->layout_valid = TRUE;
  self->layout_scale = scale;
  self->layout_rows = rows;
  self->layout_row_height = _atlas_timeline_row_height (self);
  self->layout_height = height;
}

/* The layout's x of the left edge of the plot. */
double
_atlas_timeline_scroll_offset (AtlasTimelineChart *self)
{
  return (atlas_time_axis_get_first (self->axis) - origin (self)) * self->layout_scale;
}

/* Index in @row of the first entry whose mark starts at or after @x. */
guint
_atlas_timeline_search_row (AtlasTimelineChart *self,
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

  _atlas_timeline_ensure_layout (self, width, height);
  entry = &g_array_index (self->entries, Entry, index);
  shift = self->gutter - _atlas_timeline_scroll_offset (self);

  placement->lane = entry->kind;
  placement->row = entry->row;
  placement->mark_start = entry->mark_start + shift;
  placement->mark_end = entry->mark_end + shift;
  placement->label_start = _atlas_timeline_label_start (entry) + shift;
  placement->label_width = entry->row >= 0 ? _atlas_timeline_shown_label_width (entry) : 0;
  placement->label_left = entry->label_left;
  placement->ellipsized = entry->row >= 0 && entry->label_room >= 0;
  placement->height = _atlas_timeline_row_height (self);
  placement->y = entry->row >= 0 ? _atlas_timeline_row_top (self, entry->kind, entry->row, height)
                                 : _atlas_timeline_row_top (self, entry->kind, self->layout_rows, height);
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

  if (atlas_timeline_chart_region_at (self, x, y, width, height) != ATLAS_TIMELINE_REGION_LANES || x < self->gutter)
    return -1;

  _atlas_timeline_ensure_layout (self, width, height);
  kind = (int) ((y - _atlas_timeline_lanes_top (self)) / _atlas_timeline_lane_height (self, height));
  if (kind < 0 || kind >= ATLAS_N_EVENT_KINDS)
    return -1;
  lane_y = y - _atlas_timeline_lanes_top (self) - kind * _atlas_timeline_lane_height (self, height) - LANE_PAD;
  row = (int) floor (lane_y / _atlas_timeline_row_height (self));
  if (lane_y < 0 || row >= self->layout_rows)
    return -1;

  entries = self->lanes[kind].rows[row];
  lx = x - self->gutter + _atlas_timeline_scroll_offset (self);
  for (j = _atlas_timeline_search_row (self, entries, lx - self->lanes[kind].widest[row]); j < entries->len; j++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, g_array_index (entries, guint, j));

      if (entry->mark_start - self->lanes[kind].reach_left[row] - 2 > lx)
        break;
      if (lx >= _atlas_timeline_entry_begin (entry) - 2 && lx <= _atlas_timeline_entry_end (entry) - LABEL_GAP + 2)
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
