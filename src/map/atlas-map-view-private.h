/* atlas-map-view-private.h
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

#include "atlas-dataset.h"
#include "atlas-map-areas.h"
#include "atlas-map-render.h"
#include "atlas-map-view.h"
#include "atlas-session.h"
#include "atlas-state.h"

G_BEGIN_DECLS

/* Shared by atlas-map-view.c (drawing, camera, state) and
 * atlas-map-view-input.c (pointer, touch and keys); nothing else includes
 * it.
 */

#define KEY_PAN 96.0

typedef enum
{
  CAMERA_USER,        /* moved by the user or a story */
  CAMERA_ALL,         /* all of Chongqing, as "0" and the button fit it */
  CAMERA_SITES,       /* the opening frame around the sites shown */
} CameraFit;

struct _AtlasMapView
{
  GtkWidget        parent_instance;

  AtlasDataset    *dataset;
  AtlasState      *state;
  AtlasMapScene   *scene;
  AtlasSession    *session;
  GtkFilter       *filter;     /* the session's site filter */
  AtlasViewport   *viewport;
  GArray          *markers;        /* AtlasMapMarker, last frame */
  GArray          *order;          /* guint, Tab order of markers */
  AtlasMapAreas   *areas;          /* badges follow the markers in the order */
  GtkWidget       *area_list;      /* AtlasMapSiteList of a badge */
  GArray          *legend_hits;    /* AtlasMapLegendHit, last frame */

  int              hover;          /* marker index or -1 */
  int              focus;          /* marker index or -1 */
  guint            focus_site;     /* site of the focused marker */
  guint            described;      /* markers counted in the description */
  gboolean         placed;         /* the camera was set for a size */
  gboolean         presenting;
  AtlasStyleVariant variant;       /* follows the style manager */
  gboolean         selecting;      /* our own change of the selection */
  double           drag_lon, drag_lat;
  double           pinch_zoom;
  double           pointer_x, pointer_y;
  gint64           zoom_changed;   /* when the zoom last moved */
  guint            settle_id;      /* redraw sharp once the zoom rests */
  guint            prepare_id;     /* outlines simplified after the first frame */
  double           last_width, last_height;

  /* The camera as a fit last set it: while it still is, a new size (the
   * window maximised, the details pane opened) fits again.
   */
  CameraFit        fit;
  double           fit_lon, fit_lat, fit_zoom;
  double           fit_box[4];      /* the sites' box (unit), kept for a resize */
  gboolean         has_fit_box;
};

const AtlasMapMarker *   _atlas_map_view_get_marker (AtlasMapView *self, int index);
void                     _atlas_map_view_update_accessible (AtlasMapView *self);
void                     _atlas_map_view_click_at (AtlasMapView *self, double x, double y);
void                     _atlas_map_view_activate_marker (AtlasMapView *self, int index);
gboolean                 _atlas_map_view_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip);
void                     _atlas_map_view_on_has_focus_changed (AtlasMapView *self);
void                     _atlas_map_view_add_controllers (AtlasMapView *self);
gboolean                 _atlas_map_view_toggle_category_at (AtlasMapView *self, double x, double y, gboolean toggle);

G_END_DECLS
