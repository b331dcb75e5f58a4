/* atlas-timeline-chart.h
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

#include <gtk/gtk.h>

#include "atlas-style.h"
#include "atlas-time-axis.h"
#include "atlas-session.h"

G_BEGIN_DECLS

/* The parts of the timeline a point can be in. */
typedef enum
{
  ATLAS_TIMELINE_REGION_NONE,
  ATLAS_TIMELINE_REGION_AXIS,
  ATLAS_TIMELINE_REGION_LANES,
  ATLAS_TIMELINE_REGION_OVERVIEW,
} AtlasTimelineRegion;

/* Where an event is drawn, for tests and hit testing. */
typedef struct
{
  AtlasEventKind lane;
  int            row;          /* -1: folded into the lane's density strip */
  double         mark_start;   /* x of the mark's left end */
  double         mark_end;     /* x of its right end */
  double         label_start;  /* x where the label begins */
  double         label_width;  /* width of the label as drawn (0: none) */
  gboolean       label_left;   /* the label stands left of the mark */
  gboolean       ellipsized;
  double         y;            /* top of its row */
  double         height;
} AtlasTimelinePlacement;

#define ATLAS_TYPE_TIMELINE_CHART (atlas_timeline_chart_get_type ())

G_DECLARE_FINAL_TYPE (AtlasTimelineChart, atlas_timeline_chart, ATLAS, TIMELINE_CHART, GObject)

AtlasTimelineChart *atlas_timeline_chart_new             (PangoContext *context);
AtlasTimeAxis      *atlas_timeline_chart_get_axis        (AtlasTimelineChart *self);
void                atlas_timeline_chart_set_events      (AtlasTimelineChart *self,
                                                          GListModel         *events);
guint               atlas_timeline_chart_get_n_events    (AtlasTimelineChart *self);
guint               atlas_timeline_chart_get_n_in_brush  (AtlasTimelineChart *self);
AtlasEvent         *atlas_timeline_chart_get_event       (AtlasTimelineChart *self,
                                                          guint               index);
int                 atlas_timeline_chart_find_event      (AtlasTimelineChart *self,
                                                          AtlasEvent         *event);
gboolean            atlas_timeline_chart_get_extent      (AtlasTimelineChart *self,
                                                          double             *first,
                                                          double             *last);
void                atlas_timeline_chart_get_fit_range   (AtlasTimelineChart *self,
                                                          double             *first,
                                                          double             *last);
void                atlas_timeline_chart_set_variant     (AtlasTimelineChart *self,
                                                          AtlasStyleVariant   variant);
void                atlas_timeline_chart_set_presenting  (AtlasTimelineChart *self,
                                                          gboolean            presenting);
gboolean            atlas_timeline_chart_get_presenting  (AtlasTimelineChart *self);
void                atlas_timeline_chart_set_selection   (AtlasTimelineChart *self,
                                                          AtlasEvent         *event);
void                atlas_timeline_chart_set_focus       (AtlasTimelineChart *self,
                                                          int                 index);
void                atlas_timeline_chart_set_focused     (AtlasTimelineChart *self,
                                                          gboolean            focused);
void                atlas_timeline_chart_set_cursor      (AtlasTimelineChart *self,
                                                          double              day);
void                atlas_timeline_chart_set_brush       (AtlasTimelineChart *self,
                                                          double              first,
                                                          double              last);
void                atlas_timeline_chart_set_today       (AtlasTimelineChart *self,
                                                          guint32             day);
void                atlas_timeline_chart_snapshot        (AtlasTimelineChart *self,
                                                          GtkSnapshot        *snapshot,
                                                          int                 width,
                                                          int                 height);
AtlasTimelineRegion atlas_timeline_chart_region_at       (AtlasTimelineChart *self,
                                                          double              x,
                                                          double              y,
                                                          int                 width,
                                                          int                 height);
double              atlas_timeline_chart_x_to_day        (AtlasTimelineChart *self,
                                                          double              x,
                                                          int                 width);
double              atlas_timeline_chart_day_to_x        (AtlasTimelineChart *self,
                                                          double              day,
                                                          int                 width);
double              atlas_timeline_chart_overview_x_to_day (AtlasTimelineChart *self,
                                                          double              x,
                                                          int                 width);
double              atlas_timeline_chart_overview_day_to_x (AtlasTimelineChart *self,
                                                          double              day,
                                                          int                 width);
int                 atlas_timeline_chart_pick            (AtlasTimelineChart *self,
                                                          double              x,
                                                          double              y,
                                                          int                 width,
                                                          int                 height);
gboolean            atlas_timeline_chart_get_placement   (AtlasTimelineChart *self,
                                                          guint               index,
                                                          int                 width,
                                                          int                 height,
                                                          AtlasTimelinePlacement *placement);
int                 atlas_timeline_chart_step            (AtlasTimelineChart *self,
                                                          int                 index,
                                                          int                 direction);
char               *atlas_timeline_chart_describe        (AtlasEvent         *event);

GskRenderNode      *atlas_timeline_render                (AtlasSession       *session,
                                                          const char         *variant,
                                                          int                 width,
                                                          int                 height,
                                                          gboolean            dark);
void                atlas_timeline_benchmark             (AtlasDataset       *dataset);

G_END_DECLS
