/* atlas-timeline-chart-private.h
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

#pragma once

#include "atlas-timeline-chart.h"

G_BEGIN_DECLS

/* What the timeline painter's files share: the events laid out in rows of
 * lanes (atlas-timeline-layout.c), drawn by atlas-timeline-chart.c.
 */

#define MIN_GUTTER      150.0   /* room for the lane titles, at least */
#define RIGHT_PAD        10.0
#define OVERVIEW_HEIGHT  44.0
#define OVERVIEW_GAP     10.0
#define ROW_HEIGHT       22.0
#define DENSITY_HEIGHT    8.0
#define LANE_PAD          4.0
#define MARK_RADIUS       5.0
#define MIN_SPAN_WIDTH    6.0
#define LABEL_OFFSET      4.0   /* between a mark and its label */
#define LABEL_GAP        10.0   /* between a label and the next mark */
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
  double         layout_room; /* the width @layout is cut at; <0: not cut */

  /* Layout at the cached scale, x from the axis' lower bound. */
  int            row;
  double         mark_start;
  double         mark_end;
  double         label_room; /* how much of the label fits; <0: all */
  gboolean       label_left; /* the label stands left of the mark */
} Entry;

typedef struct
{
  int   bin;
  guint count;
} Bin;

typedef struct
{
  GArray *rows[MAX_ROWS];     /* entry indices, by mark_start */
  double  widest[MAX_ROWS];   /* reach right of a mark in the row, for culling */
  double  reach_left[MAX_ROWS]; /* reach left of a mark (left labels) */
  GArray *labelled[MAX_ROWS]; /* the entries of rows[] with some label shown */
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
  PangoLayout       *today_label;
  GHashTable        *tick_layouts;   /* label -> PangoLayout */
  double             axis_height;    /* grows with the ticks' text */
  double             gutter;         /* left of the plot: the lane titles */

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
  int                layout_height;

  /* The lanes' strips and marks as render nodes in chunks of layout x
   * (atlas-timeline-chart.c), and what they were built for.
   */
  GHashTable        *chunks;         /* chunk index -> GskRenderNode */
  GHashTable        *tiles;          /* tile index -> cairo_surface_t */
  AtlasStyleVariant  chunks_variant;
  double             chunks_cursor;
  double             chunks_brush_first;
  double             chunks_brush_last;

  /* The diamond glyph day marks are drawn with, and its ink rectangle. */
  PangoFont         *mark_font;
  PangoGlyph         mark_glyph;
  PangoRectangle     mark_ink;

  /* Overview density, per pixel column and lane. */
  guint             *overview_bins;
  int                overview_width;
  cairo_surface_t   *overview_texture;   /* the bins drawn, for overview_width */
  AtlasStyleVariant  overview_variant;
};

/* The timeline's colours: the style's palette, and the kinds' colours
 * looked up with it.
 */
typedef struct
{
  const AtlasPalette *p;
  GdkRGBA             kinds[ATLAS_N_EVENT_KINDS];
} AtlasTimelinePalette;

/* Drawing (atlas-timeline-chart.c, atlas-timeline-lanes.c) */
void         _atlas_timeline_get_palette   (AtlasTimelineChart *self,
                                            AtlasTimelinePalette *palette);
gboolean     _atlas_timeline_is_revealed   (AtlasTimelineChart *self,
                                            const Entry        *entry);
gboolean     _atlas_timeline_in_brush      (AtlasTimelineChart *self,
                                            const Entry        *entry);
void         _atlas_timeline_fill_rect     (GtkSnapshot        *snapshot,
                                            const GdkRGBA      *color,
                                            double              alpha,
                                            double              x,
                                            double              y,
                                            double              width,
                                            double              height);
void         _atlas_timeline_append_lanes  (AtlasTimelineChart *self,
                                            GtkSnapshot        *snapshot,
                                            const AtlasTimelinePalette *palette,
                                            int                 width,
                                            int                 height);
void         _atlas_timeline_clear_lanes   (AtlasTimelineChart *self);

/* Text */
double       _atlas_timeline_text_scale    (AtlasTimelineChart *self);
PangoLayout *_atlas_timeline_make_layout   (AtlasTimelineChart *self,
                                            const char         *text,
                                            gboolean            bold);
PangoLayout *_atlas_timeline_tick_layout   (AtlasTimelineChart *self,
                                            const char         *label);
void         _atlas_timeline_measure_labels (AtlasTimelineChart *self);
void         _atlas_timeline_clear_layout  (AtlasTimelineChart *self);

/* Geometry */
double       _atlas_timeline_row_height    (AtlasTimelineChart *self);
double       _atlas_timeline_plot_width    (AtlasTimelineChart *self,
                                            int                 width);
double       _atlas_timeline_lanes_top     (AtlasTimelineChart *self);
double       _atlas_timeline_lanes_bottom  (AtlasTimelineChart *self,
                                            int                 height);
double       _atlas_timeline_lane_height   (AtlasTimelineChart *self,
                                            int                 height);
double       _atlas_timeline_row_top       (AtlasTimelineChart *self,
                                            AtlasEventKind      lane,
                                            int                 row,
                                            int                 height);

/* Layout */
void         _atlas_timeline_ensure_layout (AtlasTimelineChart *self,
                                            int                 width,
                                            int                 height);
double       _atlas_timeline_scroll_offset (AtlasTimelineChart *self);
guint        _atlas_timeline_search_row    (AtlasTimelineChart *self,
                                            GArray             *row,
                                            double              x);
double       _atlas_timeline_label_start   (const Entry        *entry);
double       _atlas_timeline_shown_label_width (const Entry    *entry);
double       _atlas_timeline_entry_begin   (const Entry        *entry);
double       _atlas_timeline_entry_end     (const Entry        *entry);

G_END_DECLS
