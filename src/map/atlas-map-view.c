/* atlas-map-view.c
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

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "atlas-accessible.h"
#include "atlas-dataset.h"
#include "atlas-district.h"
#include "atlas-item.h"
#include "atlas-labels.h"
#include "atlas-map-areas.h"
#include "atlas-map-fit.h"
#include "atlas-map-site-list.h"
#include "atlas-map-render.h"
#include "atlas-map-view-private.h"
#include "atlas-projection.h"
#include "atlas-site.h"
#include "atlas-session.h"
#include "atlas-state.h"

/* The map widget: draws the scene through the painter at the viewport's
 * camera, and turns gestures and keys into camera moves and selections in
 * the shared state.  Markers drawn in the last frame are remembered for
 * hit-testing, tooltips and keyboard focus.
 */

G_DEFINE_FINAL_TYPE (AtlasMapView, atlas_map_view, GTK_TYPE_WIDGET)

/* ---- helpers ----------------------------------------------------------- */

/* Looked up when the style or presenting changes, not per frame. */
static void
update_variant (AtlasMapView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->variant = atlas_style_variant_for (adw_style_manager_get_dark (manager),
                                           adw_style_manager_get_high_contrast (manager),
                                           self->presenting);
}

void
atlas_map_view_get_paint_options (AtlasMapView         *self,
                                  AtlasMapPaintOptions *options)
{
  AtlasItem *selection;

  atlas_map_paint_options_init (options);
  options->variant = self->variant;
  options->presenting = self->presenting;
  options->hover_marker = self->hover;
  options->focus_marker = self->focus;
  options->legend_top = 120;
  options->areas = self->areas;

  if (self->state == NULL || self->scene == NULL)
    return;

  options->choropleth = atlas_state_get_choropleth (self->state);
  options->hidden_categories = ATLAS_ALL_SITE_CATEGORIES & ~atlas_state_get_categories (self->state);
  selection = atlas_state_get_selection (self->state);
  if (selection != NULL && ATLAS_IS_SITE (selection))
    options->selected_site = atlas_map_scene_find_site (self->scene, ATLAS_SITE (selection));
  /* The district filtered by, else the district selected. */
  if (atlas_state_get_district (self->state) != 0)
    options->selected_district = atlas_map_scene_find_district (self->scene,
                                                                atlas_state_get_district (self->state));
  else if (selection != NULL && ATLAS_IS_DISTRICT (selection))
    options->selected_district = atlas_map_scene_find_district (self->scene,
                                                                atlas_district_get_adcode (ATLAS_DISTRICT (selection)));
}

const AtlasMapMarker *
_atlas_map_view_get_marker (AtlasMapView *self,
            int           index)
{
  if (index < 0 || (guint) index >= self->markers->len)
    return NULL;
  return &g_array_index (self->markers, AtlasMapMarker, index);
}

/* The topmost marker whose touch-sized area holds (@x, @y), or -1. */
int
atlas_map_view_marker_at (AtlasMapView *self,
                          double        x,
                          double        y)
{
  double best = G_MAXDOUBLE;
  int found = -1;

  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), -1);

  for (guint i = 0; i < self->markers->len; i++)
    {
      const AtlasMapMarker *m = &g_array_index (self->markers, AtlasMapMarker, i);
      double dx = m->x - x, dy = m->y - y, d2 = dx * dx + dy * dy;
      double r = MAX (m->radius + 4, 16 * (self->presenting ? ATLAS_PRESENTATION_SCALE : 1));

      /* Later markers are drawn on top: they win ties. */
      if (d2 <= r * r && d2 <= best)
        {
          best = d2;
          found = i;
        }
    }
  return found;
}

char *
atlas_map_view_dup_site_name (AtlasMapView *self,
                              guint         index)
{
  const AtlasMapSiteInfo *info = atlas_map_scene_get_site_info (self->scene, index);
  AtlasDistrict *district = atlas_map_scene_get_site_district (self->scene, index);

  /* Translators: the accessible name of a marker: site, category, district, precision */
  return g_strdup_printf (_("%s, %s, %s, location %s"),
                          atlas_map_scene_get_site_name (self->scene, index),
                          atlas_site_category_get_label (info->category),
                          district ? atlas_item_get_name (ATLAS_ITEM (district)) : "",
                          atlas_location_precision_get_label (info->precision));
}

/* For screen readers, as the timeline and the charts do: the name says what
 * the view is; the description, what the keyboard is on (and whether it is
 * selected) and where it stands in the Tab order ("3 of 8"), or how to move
 * when it is on nothing yet.
 */
void
_atlas_map_view_update_accessible (AtlasMapView *self)
{
  const AtlasMapMarker *m = _atlas_map_view_get_marker (self, self->focus);
  g_autofree char *text = NULL;
  g_autofree char *position = NULL;
  g_autofree char *description = NULL;
  guint n = self->order->len;

  /* A badge has the keyboard: say what it counts. */
  if (m == NULL && self->focus >= 0 && self->areas != NULL && atlas_map_areas_get_focus (self->areas) >= 0)
    text = atlas_map_areas_dup_badge_name (self->areas, atlas_map_areas_get_focus (self->areas));
  else if (m == NULL)
    {
      self->described = self->markers->len;
      description = g_strdup_printf (g_dngettext (NULL,
                                                  "%u place marked. Use Tab to move between the sites shown, "
                                                  "Enter to select, D to choose a district, arrow keys to pan, "
                                                  "plus and minus to zoom",
                                                  "%u places marked. Use Tab to move between the sites shown, "
                                                  "Enter to select, D to choose a district, arrow keys to pan, "
                                                  "plus and minus to zoom",
                                                  self->markers->len),
                                     self->markers->len);
      atlas_accessible_set_description (GTK_WIDGET (self), description);
      return;
    }
  else if (m->count == 1)
    {
      AtlasItem *selection = self->state ? atlas_state_get_selection (self->state) : NULL;
      g_autofree char *name = atlas_map_view_dup_site_name (self, m->site);

      if (ATLAS_IS_SITE (selection) &&
          atlas_map_scene_find_site (self->scene, ATLAS_SITE (selection)) == (int) m->site)
        /* Translators: a site on the map, read by screen readers, when it is
         * the one selected.
         */
        text = g_strdup_printf (_("%s, selected"), name);
      else
        text = g_steal_pointer (&name);
    }
  else
    text = g_strdup_printf (g_dngettext (NULL, "A group of %u site; Enter zooms in",
                                         "A group of %u sites; Enter zooms in", m->count),
                            m->count);

  for (guint i = 0; i < n; i++)
    if ((int) g_array_index (self->order, guint, i) == self->focus)
      position = atlas_accessible_position (i + 1, n);

  description = position ? g_strconcat (text, C_("table row", ", "), position, NULL) : g_steal_pointer (&text);
  atlas_accessible_set_description (GTK_WIDGET (self), description);
}

/* ---- drawing ----------------------------------------------------------- */

static gboolean
settle_cb (gpointer data)
{
  AtlasMapView *self = data;

  self->settle_id = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static void
on_zoom_changed (AtlasMapView *self)
{
  self->zoom_changed = g_get_monotonic_time ();
}

static gboolean
prepare_outlines (gpointer data)
{
  AtlasMapView *self = data;

  self->prepare_id = 0;
  if (self->scene != NULL)
    atlas_map_scene_prepare_outlines (self->scene);
  return G_SOURCE_REMOVE;
}

static void
atlas_map_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  AtlasMapView *self = ATLAS_MAP_VIEW (widget);
  AtlasMapPaintOptions options;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  guint focus_site = self->focus_site;
  gboolean had_focus = self->focus >= 0;

  if (self->scene == NULL)
    return;

  /* The other zooms' outlines once this frame is out (see
   * atlas_map_scene_prepare_outlines()).
   */
  if (self->prepare_id == 0 && !atlas_map_scene_get_outlines_prepared (self->scene))
    self->prepare_id = g_idle_add_full (G_PRIORITY_LOW, prepare_outlines, self, NULL);

  atlas_map_view_get_paint_options (self, &options);
  options.focus_marker = -1;
  options.hover_marker = -1;
  options.pixel_scale = gtk_widget_get_scale_factor (widget);
  g_array_set_size (self->legend_hits, 0);
  options.legend_hits = self->presenting ? NULL : self->legend_hits;
  options.allow_stale_base = atlas_viewport_is_animating (self->viewport) ||
                             g_get_monotonic_time () - self->zoom_changed < 150 * 1000;
  if (atlas_map_paint (self->scene, snapshot, self->viewport, width, height, &options, self->markers) &&
      self->settle_id == 0)
    self->settle_id = g_timeout_add (160, settle_cb, self);
  atlas_map_focus_order (self->markers, self->order);
  atlas_map_areas_add_focus_order (self->areas, self->markers->len, self->order);

  /* Markers are rebuilt each frame: find the focused site (or badge) again. */
  self->focus = -1;
  if (had_focus && atlas_map_areas_get_focus (self->areas) >= 0)
    {
      int badge = atlas_map_areas_find_badge (self->areas, atlas_map_areas_get_focus (self->areas));

      /* Its area may have no site left to show: the keyboard lets go. */
      self->focus = badge >= 0 ? (int) self->markers->len + badge : -1;
      if (badge < 0)
        atlas_map_areas_set_focus (self->areas, -1);
    }
  else if (had_focus)
    for (guint i = 0; i < self->markers->len; i++)
      if (g_array_index (self->markers, AtlasMapMarker, i).site == focus_site)
        self->focus = i;

  /* The description counts the markers: keep it true before the focus
   * comes (GTK 4.8 reports a description set before as a change then).
   */
  if (self->focus < 0 && self->described != self->markers->len)
    _atlas_map_view_update_accessible (self);

  /* Focus and hover rings on top, from this frame's markers (or badges). */
  {
    const AtlasMapMarker *m = _atlas_map_view_get_marker (self, self->focus);
    int badge = self->focus - (int) self->markers->len;

    if ((m != NULL || badge >= 0) && gtk_widget_has_focus (widget))
      {
        GdkRGBA accent = atlas_style_get_palette (options.variant)->accent;
        GskRoundedRect ring;
        float r = m != NULL ? m->radius + 6 : 0;

        if (m != NULL)
          gsk_rounded_rect_init_from_rect (&ring, &GRAPHENE_RECT_INIT (m->x - r, m->y - r, 2 * r, 2 * r), r);
        else
          {
            graphene_rect_t box;

            graphene_rect_inset_r (&atlas_map_areas_get_badge (self->areas, badge)->rect, -4, -4, &box);
            gsk_rounded_rect_init_from_rect (&ring, &box, box.size.height / 2);
          }
        gtk_snapshot_append_border (snapshot, &ring, (float[4]) { 3, 3, 3, 3 },
                                    (GdkRGBA[4]) { accent, accent, accent, accent });
      }
  }
}

static void apply_fit (AtlasMapView *self, CameraFit fit, double width, double height, gboolean animate);

/* Whether the camera is (or is flying to) what the last fit set. */
static gboolean
camera_is_fitted (AtlasMapView *self)
{
  double lon, lat, zoom;

  if (self->fit == CAMERA_USER)
    return FALSE;
  atlas_viewport_get_target (self->viewport, &lon, &lat, &zoom);
  return fabs (lon - self->fit_lon) < 1e-6 &&
         fabs (lat - self->fit_lat) < 1e-6 &&
         fabs (zoom - self->fit_zoom) < 1e-4;
}

/* How far out the camera may go for this size: a little beyond all of
 * Chongqing.
 */
static void
update_zoom_range (AtlasMapView *self,
                   double        width,
                   double        height)
{
  if (self->scene != NULL)
    atlas_map_fit_zoom_range (self->scene, self->viewport, width, height);
}

static void
atlas_map_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  AtlasMapView *self = ATLAS_MAP_VIEW (widget);
  gboolean resized = width != self->last_width || height != self->last_height;
  gboolean fitted = camera_is_fitted (self);

  if (resized)
    update_zoom_range (self, width, height);

  if (self->scene != NULL && !self->placed && width > 1 && height > 1)
    {
      apply_fit (self, CAMERA_SITES, width, height, FALSE);
      self->placed = TRUE;
    }
  else if (resized && fitted && width > 1 && height > 1)
    apply_fit (self, self->fit, width, height, FALSE);

  self->last_width = width;
  self->last_height = height;
  if (self->area_list != NULL)
    gtk_popover_present (GTK_POPOVER (self->area_list));
}

/* ---- camera ------------------------------------------------------------ */

void
atlas_map_view_zoom_by (AtlasMapView *self,
                        double        delta)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  atlas_viewport_fly_to (self->viewport, GTK_WIDGET (self),
                         atlas_viewport_get_lon (self->viewport),
                         atlas_viewport_get_lat (self->viewport),
                         round (atlas_viewport_get_zoom (self->viewport) + delta));
}

static void
apply_fit (AtlasMapView *self,
           CameraFit     fit,
           double        width,
           double        height,
           gboolean      animate)
{
  if (self->scene == NULL)
    return;

  /* A new size frames the same box: filters changed since then do not
   * move the camera.
   */
  if (fit == CAMERA_SITES && !(self->fit == CAMERA_SITES && self->has_fit_box && !animate))
    self->has_fit_box = atlas_map_fit_sites_box (self->scene, self->fit_box);
  if (fit == CAMERA_SITES && !self->has_fit_box)
    fit = CAMERA_ALL;

  if (fit == CAMERA_SITES)
    {
      atlas_map_fit_box (self->viewport, self->fit_box, width, height,
                         &self->fit_lon, &self->fit_lat, &self->fit_zoom);
      if (animate)
        atlas_viewport_fly_to (self->viewport, GTK_WIDGET (self), self->fit_lon, self->fit_lat,
                               self->fit_zoom);
      else
        atlas_viewport_set (self->viewport, self->fit_lon, self->fit_lat, self->fit_zoom);
    }
  else
    {
      fit = CAMERA_ALL;
      atlas_map_fit_chongqing (self->scene, self->viewport, width, height, animate, GTK_WIDGET (self));
      if (animate)
        {
          /* Where the flight ends: the fit again, without moving. */
          g_autoptr(AtlasViewport) end = atlas_viewport_new ();

          atlas_viewport_set_zoom_range (end, atlas_viewport_get_min_zoom (self->viewport),
                                         atlas_viewport_get_max_zoom (self->viewport));
          atlas_map_fit_chongqing (self->scene, end, width, height, FALSE, NULL);
          self->fit_lon = atlas_viewport_get_lon (end);
          self->fit_lat = atlas_viewport_get_lat (end);
          self->fit_zoom = atlas_viewport_get_zoom (end);
        }
      else
        {
          self->fit_lon = atlas_viewport_get_lon (self->viewport);
          self->fit_lat = atlas_viewport_get_lat (self->viewport);
          self->fit_zoom = atlas_viewport_get_zoom (self->viewport);
        }
    }

  /* What the viewport made of it (its bounds and zoom range apply). */
  if (!animate)
    {
      self->fit_lon = atlas_viewport_get_lon (self->viewport);
      self->fit_lat = atlas_viewport_get_lat (self->viewport);
      self->fit_zoom = atlas_viewport_get_zoom (self->viewport);
    }
  self->fit = fit;
}

/* "0" and the button: all of Chongqing. */
void
atlas_map_view_zoom_to_fit (AtlasMapView *self,
                            gboolean      animate)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  if (self->scene == NULL)
    return;
  apply_fit (self, CAMERA_ALL,
             MAX (gtk_widget_get_width (GTK_WIDGET (self)), 320),
             MAX (gtk_widget_get_height (GTK_WIDGET (self)), 240),
             animate);
  self->placed = TRUE;
}

/**
 * atlas_map_view_frame_sites:
 *
 * The opening camera: the area where the sites shown are, most of them
 * in the main urban districts, rather than the whole municipality.
 */
void
atlas_map_view_frame_sites (AtlasMapView *self,
                            gboolean      animate)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  if (self->scene == NULL)
    return;
  self->has_fit_box = FALSE;
  apply_fit (self, CAMERA_SITES,
             MAX (gtk_widget_get_width (GTK_WIDGET (self)), 320),
             MAX (gtk_widget_get_height (GTK_WIDGET (self)), 240),
             animate);
  self->placed = TRUE;
}

static void
zoom_into_cluster (AtlasMapView         *self,
                   const AtlasMapMarker *m)
{
  /* The marker carries its members' bounds. */
  double x0 = m->x0, y0 = m->y0, x1 = m->x1, y1 = m->y1;
  double zoom = atlas_viewport_get_zoom (self->viewport);
  double fit;

  fit = atlas_viewport_fit_zoom (self->viewport,
                                 atlas_projection_unit_to_lon (x0), atlas_projection_unit_to_lat (y1),
                                 atlas_projection_unit_to_lon (x1), atlas_projection_unit_to_lat (y0),
                                 self->last_width, self->last_height, 80);
  /* At least one level in, so that the cluster splits or comes closer. */
  fit = MAX (fit, zoom + 1);

  if (zoom >= atlas_viewport_get_max_zoom (self->viewport) - 0.01)
    {
      /* Cannot split further: select the first of them. */
      AtlasSite *site = atlas_map_scene_get_site (self->scene, m->site);

      if (site != NULL)
        atlas_state_set_selection (self->state, ATLAS_ITEM (site));
      return;
    }

  atlas_viewport_fly_to (self->viewport, GTK_WIDGET (self),
                         atlas_projection_unit_to_lon ((x0 + x1) / 2),
                         atlas_projection_unit_to_lat ((y0 + y1) / 2), fit);
}

static void
on_area_list_closed (AtlasMapView *self)
{
  atlas_map_areas_set_open (self->areas, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A badge (clicked, or Enter on it): the list of its area's sites beside
 * it; the area is outlined while the list is open.
 */
static void
open_area_list (AtlasMapView *self,
                guint         badge)
{
  const AtlasMapBadge *b;
  g_autofree char *description = NULL;

  if (badge >= atlas_map_areas_get_n_badges (self->areas))
    return;
  b = atlas_map_areas_get_badge (self->areas, badge);
  if (self->area_list == NULL)
    {
      self->area_list = atlas_map_site_list_new ();
      atlas_map_site_list_bind (ATLAS_MAP_SITE_LIST (self->area_list), self->session);
      gtk_widget_set_parent (self->area_list, GTK_WIDGET (self));
      g_signal_connect_object (self->area_list, "closed", G_CALLBACK (on_area_list_closed), self,
                               G_CONNECT_SWAPPED);
    }
  description = atlas_map_areas_dup_description (self->areas, b->area);
  atlas_map_site_list_set_sites (ATLAS_MAP_SITE_LIST (self->area_list),
                                 atlas_map_areas_get_sites (self->areas, b->area),
                                 atlas_item_get_name (ATLAS_ITEM (atlas_map_areas_get_area (self->areas, b->area))),
                                 description);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->area_list),
                               &(GdkRectangle) { b->rect.origin.x, b->rect.origin.y,
                                                 b->rect.size.width, b->rect.size.height });
  atlas_map_areas_set_open (self->areas, b->area);
  gtk_popover_popup (GTK_POPOVER (self->area_list));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_atlas_map_view_activate_marker (AtlasMapView *self,
                 int           index)
{
  const AtlasMapMarker *m = _atlas_map_view_get_marker (self, index);
  AtlasSite *site;

  if (m == NULL && index >= (int) self->markers->len)
    {
      open_area_list (self, index - self->markers->len);
      return;
    }
  if (m == NULL)
    return;

  if (m->count > 1)
    {
      zoom_into_cluster (self, m);
      return;
    }

  /* The site's object is made now, the first time anybody asks for it. */
  if ((site = atlas_map_scene_get_site (self->scene, m->site)) == NULL)
    return;

  self->focus = index;
  self->focus_site = m->site;
  self->selecting = TRUE;
  atlas_state_set_selection (self->state, ATLAS_ITEM (site));
  self->selecting = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A click: a marker selects its site (or zooms into its cluster), a
 * district selects the district — the details pane shows it, with a button
 * that filters by it; a casual click never hides sites.  Clicking the
 * selected district again lets go of it.
 */
void
_atlas_map_view_click_at (AtlasMapView *self,
          double        x,
          double        y)
{
  int marker = atlas_map_view_marker_at (self, x, y);
  AtlasItem *selection;
  AtlasMapShape *shape;
  double lon, lat;
  int district;

  if (self->state == NULL)
    return;

  /* Badges are drawn over the markers. */
  if (atlas_map_areas_badge_at (self->areas, x, y) >= 0)
    {
      open_area_list (self, atlas_map_areas_badge_at (self->areas, x, y));
      return;
    }
  if (marker >= 0)
    {
      _atlas_map_view_activate_marker (self, marker);
      return;
    }

  atlas_viewport_from_screen (self->viewport, x, y, self->last_width, self->last_height, &lon, &lat);
  district = atlas_map_scene_district_at (self->scene, lon, lat);
  if (district < 0)
    return;

  shape = atlas_map_scene_get_district (self->scene, district);
  if (shape->district == NULL)
    return;

  selection = atlas_state_get_selection (self->state);
  self->selecting = TRUE;
  if (selection == ATLAS_ITEM (shape->district))
    atlas_state_set_selection (self->state, NULL);
  else
    atlas_state_set_selection (self->state, ATLAS_ITEM (shape->district));
  self->selecting = FALSE;
}

/**
 * atlas_map_view_select_district:
 * @adcode: a district's code, or 0 for none
 *
 * What clicking a district does, for the keyboard: the district is
 * selected and filters the markers; the map flies to it.
 */
void
atlas_map_view_select_district (AtlasMapView *self,
                                int           adcode)
{
  AtlasMapShape *shape;
  int index;
  double fit;

  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  if (self->state == NULL || self->scene == NULL)
    return;

  index = adcode != 0 ? atlas_map_scene_find_district (self->scene, adcode) : -1;
  if (index < 0)
    {
      atlas_state_set_district (self->state, 0);
      atlas_map_view_zoom_to_fit (self, gtk_widget_get_mapped (GTK_WIDGET (self)));
      return;
    }

  shape = atlas_map_scene_get_district (self->scene, index);
  atlas_state_set_district (self->state, shape->adcode);
  self->selecting = TRUE;
  atlas_state_set_selection (self->state, ATLAS_ITEM (shape->district));
  self->selecting = FALSE;

  fit = atlas_viewport_fit_zoom (self->viewport,
                                 atlas_projection_unit_to_lon (shape->min_x),
                                 atlas_projection_unit_to_lat (shape->max_y),
                                 atlas_projection_unit_to_lon (shape->max_x),
                                 atlas_projection_unit_to_lat (shape->min_y),
                                 MAX (self->last_width, 320), MAX (self->last_height, 240), 80);
  atlas_viewport_fly_to (self->viewport, GTK_WIDGET (self),
                         atlas_projection_unit_to_lon ((shape->min_x + shape->max_x) / 2),
                         atlas_projection_unit_to_lat ((shape->min_y + shape->max_y) / 2), fit);
}

/* A click on a category's row in the legend hides that category, or shows
 * it again (the filter every view shares).  The last category shown stays.
 */
gboolean
_atlas_map_view_toggle_category_at (AtlasMapView *self,
                                    double        x,
                                    double        y,
                                    gboolean      toggle)
{
  for (guint i = 0; self->state != NULL && i < self->legend_hits->len; i++)
    {
      const AtlasMapLegendHit *hit = &g_array_index (self->legend_hits, AtlasMapLegendHit, i);
      guint shown, toggled;

      if (!graphene_rect_contains_point (&hit->rect, &GRAPHENE_POINT_INIT (x, y)))
        continue;
      if (!toggle)
        return TRUE;
      shown = atlas_state_get_categories (self->state);
      toggled = (shown ^ (1u << hit->category)) & ATLAS_ALL_SITE_CATEGORIES;
      if (toggled != 0)
        atlas_state_set_categories (self->state, toggled);
      return TRUE;
    }
  return FALSE;
}

/* ---- state ------------------------------------------------------------- */

static void
on_selection_changed (AtlasMapView *self)
{
  AtlasItem *item = atlas_state_get_selection (self->state);
  int index;

  gtk_widget_queue_draw (GTK_WIDGET (self));
  /* The focused site says whether it is the one selected. */
  if (self->focus >= 0)
    _atlas_map_view_update_accessible (self);
  if (self->selecting || item == NULL)
    return;

  /* A district picked elsewhere (a search, the details pane): fit it. */
  if (ATLAS_IS_DISTRICT (item))
    {
      int district = atlas_map_scene_find_district (self->scene,
                                                    atlas_district_get_adcode (ATLAS_DISTRICT (item)));
      AtlasMapShape *shape;
      double zoom;

      if (district < 0 || self->last_width < 1)
        return;
      shape = atlas_map_scene_get_district (self->scene, district);
      zoom = atlas_viewport_fit_zoom (self->viewport,
                                      atlas_projection_unit_to_lon (shape->min_x),
                                      atlas_projection_unit_to_lat (shape->max_y),
                                      atlas_projection_unit_to_lon (shape->max_x),
                                      atlas_projection_unit_to_lat (shape->min_y),
                                      self->last_width, self->last_height, 48);
      atlas_viewport_fly_to (self->viewport, GTK_WIDGET (self),
                             atlas_projection_unit_to_lon ((shape->min_x + shape->max_x) / 2),
                             atlas_projection_unit_to_lat ((shape->min_y + shape->max_y) / 2), zoom);
      return;
    }

  if (!ATLAS_IS_SITE (item))
    return;

  /* Selected elsewhere: bring it to the middle, close enough to see it. */
  index = atlas_map_scene_find_site (self->scene, ATLAS_SITE (item));
  if (index < 0)
    return;
  atlas_viewport_fly_to (self->viewport, GTK_WIDGET (self),
                         atlas_site_get_lon (ATLAS_SITE (item)), atlas_site_get_lat (ATLAS_SITE (item)),
                         MAX (atlas_viewport_get_zoom (self->viewport), 10));
}

static void
on_style_changed (AtlasMapView *self)
{
  update_variant (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
atlas_map_view_set_presenting (AtlasMapView *self,
                               gboolean      presenting)
{
  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));

  self->presenting = !!presenting;
  update_variant (self);
  if (self->scene != NULL)
    atlas_map_scene_reset_layouts (self->scene);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- GObject ----------------------------------------------------------- */

static void
atlas_map_view_dispose (GObject *object)
{
  AtlasMapView *self = ATLAS_MAP_VIEW (object);

  g_clear_handle_id (&self->settle_id, g_source_remove);
  g_clear_handle_id (&self->prepare_id, g_source_remove);
  if (self->viewport != NULL)
    atlas_viewport_stop (self->viewport);
  g_clear_object (&self->viewport);
  g_clear_pointer (&self->area_list, gtk_widget_unparent);
  g_clear_object (&self->areas);
  g_clear_object (&self->scene);
  g_clear_object (&self->filter);
  g_clear_object (&self->session);
  g_clear_object (&self->state);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (atlas_map_view_parent_class)->dispose (object);
}

static void
atlas_map_view_finalize (GObject *object)
{
  AtlasMapView *self = ATLAS_MAP_VIEW (object);

  g_array_unref (self->markers);
  g_array_unref (self->order);
  g_array_unref (self->legend_hits);

  G_OBJECT_CLASS (atlas_map_view_parent_class)->finalize (object);
}

static void
atlas_map_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 200;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 600;
}

static void
atlas_map_view_class_init (AtlasMapViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_map_view_dispose;
  object_class->finalize = atlas_map_view_finalize;

  widget_class->snapshot = atlas_map_view_snapshot;
  widget_class->size_allocate = atlas_map_view_size_allocate;
  widget_class->measure = atlas_map_view_measure;
  widget_class->query_tooltip = _atlas_map_view_query_tooltip;

  gtk_widget_class_set_css_name (widget_class, "atlas-map");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
atlas_map_view_init (AtlasMapView *self)
{
  self->markers = g_array_new (FALSE, FALSE, sizeof (AtlasMapMarker));
  self->order = g_array_new (FALSE, FALSE, sizeof (guint));
  self->legend_hits = g_array_new (FALSE, FALSE, sizeof (AtlasMapLegendHit));
  self->hover = -1;
  self->focus = -1;
  self->viewport = atlas_viewport_new ();
  atlas_viewport_set_zoom_range (self->viewport, ATLAS_MAP_MIN_ZOOM, ATLAS_MAP_VIEW_MAX_ZOOM);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "notify::has-focus", G_CALLBACK (_atlas_map_view_on_has_focus_changed), NULL);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  g_signal_connect_object (self->viewport, "notify::zoom", G_CALLBACK (on_zoom_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->viewport, "notify", G_CALLBACK (gtk_widget_queue_draw), self,
                           G_CONNECT_SWAPPED);

  _atlas_map_view_add_controllers (self);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);
  update_variant (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Map of Chongqing"),
                                  -1);
  _atlas_map_view_update_accessible (self);
}

GtkWidget *
atlas_map_view_new (void)
{
  return g_object_new (ATLAS_TYPE_MAP_VIEW, NULL);
}

/* An import, an update or a reset replaced the dataset's records: build the
 * scene again from the new ones.
 */
static void
on_dataset_reloaded (AtlasMapView *self)
{
  g_autoptr(AtlasMapScene) scene = atlas_map_scene_new (self->dataset);

  atlas_map_scene_set_filter (scene, self->filter);
  g_set_object (&self->scene, scene);
  g_array_set_size (self->markers, 0);
  g_array_set_size (self->order, 0);
  self->hover = -1;
  self->focus = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
atlas_map_view_bind (AtlasMapView *self,
                     AtlasSession *session)
{
  double x0, y0, x1, y1;
  AtlasDataset *dataset;
  AtlasState *state;

  g_return_if_fail (ATLAS_IS_MAP_VIEW (self));
  g_return_if_fail (ATLAS_IS_SESSION (session));
  g_return_if_fail (self->dataset == NULL);

  dataset = atlas_session_get_dataset (session);
  state = atlas_session_get_state (session);
  self->session = g_object_ref (session);
  self->dataset = g_object_ref (dataset);
  self->state = g_object_ref (state);
  self->scene = atlas_map_scene_new (dataset);
  self->filter = g_object_ref (atlas_session_get_site_filter (session));
  atlas_map_scene_set_filter (self->scene, self->filter);
  self->areas = atlas_map_areas_new (session);

  atlas_map_scene_get_bounds (self->scene, &x0, &y0, &x1, &y1);
  atlas_viewport_set_bounds (self->viewport, x0 - 0.5, y0 - 0.5, x1 + 0.5, y1 + 0.5);

  g_signal_connect_object (self->filter, "changed", G_CALLBACK (gtk_widget_queue_draw), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (state, "notify::selection", G_CALLBACK (on_selection_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "reloaded", G_CALLBACK (on_dataset_reloaded), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (state, "notify::choropleth", G_CALLBACK (gtk_widget_queue_draw), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (state, "notify::district", G_CALLBACK (gtk_widget_queue_draw), self,
                           G_CONNECT_SWAPPED);

  if (gtk_widget_get_width (GTK_WIDGET (self)) > 1)
    {
      update_zoom_range (self, gtk_widget_get_width (GTK_WIDGET (self)),
                         gtk_widget_get_height (GTK_WIDGET (self)));
      atlas_map_view_frame_sites (self, FALSE);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

AtlasViewport *
atlas_map_view_get_viewport (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), NULL);
  return self->viewport;
}

AtlasMapScene *
atlas_map_view_get_scene (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), NULL);
  return self->scene;
}

/* The markers of the last frame drawn (AtlasMapMarker). */
GArray *
atlas_map_view_get_markers (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), NULL);
  return self->markers;
}

int
atlas_map_view_get_focus (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), -1);
  return self->focus;
}

AtlasMapAreas *
atlas_map_view_get_areas (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), NULL);
  return self->areas;
}

/* The legend's category rows in the last frame (AtlasMapLegendHit). */
GArray *
atlas_map_view_get_legend_hits (AtlasMapView *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_VIEW (self), NULL);

  return self->legend_hits;
}
