/* atlas-map-view-input.c
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

#include "atlas-accessible.h"
#include "atlas-district.h"
#include "atlas-item.h"
#include "atlas-labels.h"
#include "atlas-map-site-list.h"
#include "atlas-map-view-private.h"
#include "atlas-projection.h"
#include "atlas-site.h"

/* What the map view does with the pointer, touch and the keyboard: clicks
 * select, drags pan, scrolls and pinches zoom, tooltips name what is under
 * the pointer, Tab walks the markers and then the areas' badges, and keys
 * pan, zoom and pick.  Drawing and the camera are in atlas-map-view.c.
 */

/* ---- gestures ---------------------------------------------------------- */

static void
on_click_released (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   AtlasMapView    *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));

  /* The legend's categories: one click hides or shows one (a second click
   * of a double-click is not a zoom).
   */
  if (_atlas_map_view_toggle_category_at (self, x, y, n_press == 1))
    return;

  if (n_press == 2)
    {
      double zoom = atlas_viewport_get_zoom (self->viewport);
      double lon, lat, cx, cy, px, py;

      /* Zoom in one level keeping the clicked place under the pointer. */
      atlas_viewport_from_screen (self->viewport, x, y, self->last_width, self->last_height, &lon, &lat);
      atlas_projection_to_pixels (lon, lat, zoom + 1, &px, &py);
      cx = px - (x - self->last_width / 2);
      cy = py - (y - self->last_height / 2);
      atlas_projection_from_pixels (cx, cy, zoom + 1, &lon, &lat);
      atlas_viewport_fly_to (self->viewport, GTK_WIDGET (self), lon, lat, zoom + 1);
      return;
    }

  if (n_press == 1)
    _atlas_map_view_click_at (self, x, y);
}

static void
on_drag_begin (GtkGestureDrag *gesture,
               double          x,
               double          y,
               AtlasMapView   *self)
{
  atlas_viewport_stop (self->viewport);
  self->drag_lon = atlas_viewport_get_lon (self->viewport);
  self->drag_lat = atlas_viewport_get_lat (self->viewport);
}

static void
on_drag_update (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                AtlasMapView   *self)
{
  double zoom = atlas_viewport_get_zoom (self->viewport);
  double x, y, lon, lat;

  atlas_projection_to_pixels (self->drag_lon, self->drag_lat, zoom, &x, &y);
  atlas_projection_from_pixels (x - dx, y - dy, zoom, &lon, &lat);
  atlas_viewport_set_center (self->viewport, lon, lat);
  if (fabs (dx) + fabs (dy) > 3)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
}

static void
on_drag_end (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             AtlasMapView   *self)
{
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           AtlasMapView             *self)
{
  double x = self->pointer_x, y = self->pointer_y;
  double step;

  /* Wheels give whole steps, touchpads small deltas. */
  step = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL ? -dy * 0.5 : -dy * 0.02;
  atlas_viewport_stop (self->viewport);
  atlas_viewport_zoom_around (self->viewport, atlas_viewport_get_zoom (self->viewport) + step,
                              x, y, self->last_width, self->last_height);
  return GDK_EVENT_STOP;
}

static void
on_pinch_begin (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                AtlasMapView     *self)
{
  atlas_viewport_stop (self->viewport);
  self->pinch_zoom = atlas_viewport_get_zoom (self->viewport);
}

static void
on_pinch_scale_changed (GtkGestureZoom *gesture,
                        double          scale,
                        AtlasMapView   *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = self->last_width / 2;
      y = self->last_height / 2;
    }
  atlas_viewport_zoom_around (self->viewport, self->pinch_zoom + log2 (MAX (scale, 0.01)),
                              x, y, self->last_width, self->last_height);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           AtlasMapView             *self)
{
  int hover = atlas_map_view_marker_at (self, x, y);
  gboolean badge = self->areas != NULL && atlas_map_areas_badge_at (self->areas, x, y) >= 0;

  self->pointer_x = x;
  self->pointer_y = y;
  if (hover != self->hover || badge)
    {
      self->hover = hover;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hover >= 0 || badge ? "pointer" : NULL);
    }
}

static void
on_leave (GtkEventControllerMotion *controller,
          AtlasMapView             *self)
{
  self->hover = -1;
  self->pointer_x = self->last_width / 2;
  self->pointer_y = self->last_height / 2;
}

gboolean
_atlas_map_view_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard,
                              GtkTooltip *tooltip)
{
  AtlasMapView *self = ATLAS_MAP_VIEW (widget);
  int index = keyboard ? self->focus : atlas_map_view_marker_at (self, x, y);
  const AtlasMapMarker *m = _atlas_map_view_get_marker (self, index);
  g_autofree char *markup = NULL;

  if (self->scene == NULL || (self->area_list != NULL && gtk_widget_get_visible (self->area_list)))
    return FALSE;

  /* A badge: what it counts, and what a click does. */
  {
    int badge = keyboard ? self->focus - (int) self->markers->len : atlas_map_areas_badge_at (self->areas, x, y);

    if (badge >= 0 && (guint) badge < atlas_map_areas_get_n_badges (self->areas))
      {
        const AtlasMapBadge *b = atlas_map_areas_get_badge (self->areas, badge);
        g_autofree char *name = atlas_map_areas_dup_badge_name (self->areas, b->area);

        markup = g_markup_printf_escaped ("<b>%s</b>\n%s", name, _("Click to list them"));
        gtk_tooltip_set_markup (tooltip, markup);
        gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { b->rect.origin.x, b->rect.origin.y,
                                                             b->rect.size.width, b->rect.size.height });
        return TRUE;
      }
  }

  if (m != NULL && m->count == 1)
    {
      const AtlasMapSiteInfo *info = atlas_map_scene_get_site_info (self->scene, m->site);
      AtlasDistrict *district = atlas_map_scene_get_site_district (self->scene, m->site);

      markup = g_markup_printf_escaped ("<b>%s</b>\n%s · %s\n<small>%s: %s</small>",
                                        atlas_map_scene_get_site_name (self->scene, m->site),
                                        atlas_site_category_get_label (info->category),
                                        district ? atlas_item_get_name (ATLAS_ITEM (district)) : "",
                                        atlas_location_precision_get_label (info->precision),
                                        atlas_location_precision_get_description (info->precision));
    }
  else if (m != NULL)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (NULL, "%u site here", "%u sites here", m->count),
                                               m->count);

      markup = g_markup_printf_escaped ("<b>%s</b>\n%s", text, _("Click to zoom in"));
    }
  else if (!keyboard)
    {
      double lon, lat;
      int district;

      atlas_viewport_from_screen (self->viewport, x, y, self->last_width, self->last_height, &lon, &lat);
      district = atlas_map_scene_district_at (self->scene, lon, lat);
      if (district >= 0)
        {
          AtlasMapShape *shape = atlas_map_scene_get_district (self->scene, district);
          guint sites = shape->district ? atlas_district_get_site_count (shape->district) : 0;
          guint events = shape->district ? atlas_district_get_event_count (shape->district) : 0;
          g_autofree char *s = g_strdup_printf (g_dngettext (NULL, "%u site", "%u sites", sites), sites);
          g_autofree char *e = g_strdup_printf (g_dngettext (NULL, "%u event", "%u events", events), events);

          markup = g_markup_printf_escaped ("<b>%s</b>\n%s · %s", shape->name, s, e);
        }
    }

  if (markup == NULL)
    return FALSE;
  gtk_tooltip_set_markup (tooltip, markup);
  if (m != NULL)
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { m->x - m->radius, m->y - m->radius,
                                                         2 * m->radius, 2 * m->radius });
  return TRUE;
}

/* ---- keyboard ---------------------------------------------------------- */

static gboolean
move_focus (AtlasMapView *self,
            gboolean      backward)
{
  int position = -1;

  if (self->order->len == 0)
    return FALSE;

  for (guint i = 0; i < self->order->len; i++)
    if ((int) g_array_index (self->order, guint, i) == self->focus)
      position = i;

  if (position < 0)
    position = backward ? (int) self->order->len - 1 : 0;
  else
    position += backward ? -1 : 1;

  if (position < 0 || position >= (int) self->order->len)
    {
      /* Past the last site: let the focus leave the map. */
      self->focus = -1;
      atlas_map_areas_set_focus (self->areas, -1);
      _atlas_map_view_update_accessible (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return FALSE;
    }

  self->focus = g_array_index (self->order, guint, position);
  if ((guint) self->focus < self->markers->len)
    {
      self->focus_site = g_array_index (self->markers, AtlasMapMarker, self->focus).site;
      atlas_map_areas_set_focus (self->areas, -1);
    }
  else
    atlas_map_areas_set_focus (self->areas,
                               atlas_map_areas_get_badge (self->areas, self->focus - self->markers->len)->area);
  _atlas_map_view_update_accessible (self);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return TRUE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                AtlasMapView          *self)
{
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      atlas_viewport_pan_pixels (self->viewport, KEY_PAN, 0);
      return GDK_EVENT_STOP;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      atlas_viewport_pan_pixels (self->viewport, -KEY_PAN, 0);
      return GDK_EVENT_STOP;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      atlas_viewport_pan_pixels (self->viewport, 0, KEY_PAN);
      return GDK_EVENT_STOP;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      atlas_viewport_pan_pixels (self->viewport, 0, -KEY_PAN);
      return GDK_EVENT_STOP;
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      atlas_map_view_zoom_by (self, 1);
      return GDK_EVENT_STOP;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      atlas_map_view_zoom_by (self, -1);
      return GDK_EVENT_STOP;
    case GDK_KEY_0:
    case GDK_KEY_KP_0:
      atlas_map_view_zoom_to_fit (self, TRUE);
      return GDK_EVENT_STOP;
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
      return move_focus (self, FALSE) ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
    case GDK_KEY_ISO_Left_Tab:
      return move_focus (self, TRUE) ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (self->focus < 0)
        return GDK_EVENT_PROPAGATE;
      _atlas_map_view_activate_marker (self, self->focus);
      return GDK_EVENT_STOP;
    case GDK_KEY_d:
    case GDK_KEY_D:
      /* The page's list of districts, for choosing one without a mouse. */
      return gtk_widget_activate_action (GTK_WIDGET (self), "map.choose-district", NULL)
             ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;
    case GDK_KEY_Escape:
      if (self->focus < 0)
        return GDK_EVENT_PROPAGATE;
      self->focus = -1;
      atlas_map_areas_set_focus (self->areas, -1);
      _atlas_map_view_update_accessible (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

/* Coming in, the description counts the markers as they are now (and
 * takes back what an announcement borrowed).
 */
void
_atlas_map_view_on_has_focus_changed (AtlasMapView *self)
{
  if (gtk_widget_has_focus (GTK_WIDGET (self)))
    _atlas_map_view_update_accessible (self);
}

/* The pointer, touch and keyboard controllers of a new map view. */
void
_atlas_map_view_add_controllers (AtlasMapView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (on_pinch_begin), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (on_pinch_scale_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}
