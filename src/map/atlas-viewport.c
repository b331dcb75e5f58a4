/* atlas-viewport.c
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
#include <math.h>

#include "atlas-projection.h"
#include "atlas-viewport.h"

/* The map's camera: a centre and a Web Mercator zoom level, kept inside
 * sensible bounds.  A plain object, so that the widget, the painter, the
 * scale bar and the page's buttons all observe the same values, and so that
 * a story step can save and restore it as JSON.  A fly-to animates it on
 * a widget's frame clock.
 */

struct _AtlasViewport
{
  GObject    parent_instance;

  double     lon, lat, zoom;
  double     min_zoom, max_zoom;
  double     min_lon, min_lat, max_lon, max_lat;

  /* The running fly-to, in unit coordinates. */
  GtkWidget *anim_widget;
  guint      anim_tick;
  gint64     anim_start;
  double     from_x, from_y, from_zoom;
  double     to_x, to_y, to_zoom;
};

G_DEFINE_FINAL_TYPE (AtlasViewport, atlas_viewport, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LON,
  PROP_LAT,
  PROP_ZOOM,
  PROP_MIN_ZOOM,
  PROP_MAX_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (AtlasViewport *self,
        double         lon,
        double         lat,
        double         zoom)
{
  zoom = CLAMP (zoom, self->min_zoom, self->max_zoom);
  lon = CLAMP (lon, self->min_lon, self->max_lon);
  lat = CLAMP (lat, self->min_lat, self->max_lat);

  g_object_freeze_notify (G_OBJECT (self));
  if (lon != self->lon)
    {
      self->lon = lon;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LON]);
    }
  if (lat != self->lat)
    {
      self->lat = lat;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAT]);
    }
  if (zoom != self->zoom)
    {
      self->zoom = zoom;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
atlas_viewport_dispose (GObject *object)
{
  atlas_viewport_stop (ATLAS_VIEWPORT (object));

  G_OBJECT_CLASS (atlas_viewport_parent_class)->dispose (object);
}

static void
atlas_viewport_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AtlasViewport *self = ATLAS_VIEWPORT (object);

  switch (prop_id)
    {
    case PROP_LON:
      g_value_set_double (value, self->lon);
      break;
    case PROP_LAT:
      g_value_set_double (value, self->lat);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_MIN_ZOOM:
      g_value_set_double (value, self->min_zoom);
      break;
    case PROP_MAX_ZOOM:
      g_value_set_double (value, self->max_zoom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_viewport_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  AtlasViewport *self = ATLAS_VIEWPORT (object);

  switch (prop_id)
    {
    case PROP_LON:
      update (self, g_value_get_double (value), self->lat, self->zoom);
      break;
    case PROP_LAT:
      update (self, self->lon, g_value_get_double (value), self->zoom);
      break;
    case PROP_ZOOM:
      update (self, self->lon, self->lat, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_viewport_class_init (AtlasViewportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_viewport_dispose;
  object_class->get_property = atlas_viewport_get_property;
  object_class->set_property = atlas_viewport_set_property;

  properties[PROP_LON] =
    g_param_spec_double ("lon", NULL, NULL, -180, 180, 0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LAT] =
    g_param_spec_double ("lat", NULL, NULL, -85.06, 85.06, 0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 0, 22, 8,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MIN_ZOOM] =
    g_param_spec_double ("min-zoom", NULL, NULL, 0, 22, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MAX_ZOOM] =
    g_param_spec_double ("max-zoom", NULL, NULL, 0, 22, 22,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_viewport_init (AtlasViewport *self)
{
  self->min_zoom = 0;
  self->max_zoom = 22;
  self->min_lon = -180;
  self->max_lon = 180;
  self->min_lat = -ATLAS_PROJECTION_MAX_LAT;
  self->max_lat = ATLAS_PROJECTION_MAX_LAT;
  self->zoom = 8;
}

AtlasViewport *
atlas_viewport_new (void)
{
  return g_object_new (ATLAS_TYPE_VIEWPORT, NULL);
}

double
atlas_viewport_get_lon (AtlasViewport *self)
{
  g_return_val_if_fail (ATLAS_IS_VIEWPORT (self), 0);
  return self->lon;
}

double
atlas_viewport_get_lat (AtlasViewport *self)
{
  g_return_val_if_fail (ATLAS_IS_VIEWPORT (self), 0);
  return self->lat;
}

double
atlas_viewport_get_zoom (AtlasViewport *self)
{
  g_return_val_if_fail (ATLAS_IS_VIEWPORT (self), 0);
  return self->zoom;
}

double
atlas_viewport_get_min_zoom (AtlasViewport *self)
{
  g_return_val_if_fail (ATLAS_IS_VIEWPORT (self), 0);
  return self->min_zoom;
}

double
atlas_viewport_get_max_zoom (AtlasViewport *self)
{
  g_return_val_if_fail (ATLAS_IS_VIEWPORT (self), 0);
  return self->max_zoom;
}

void
atlas_viewport_set_zoom_range (AtlasViewport *self,
                               double         min_zoom,
                               double         max_zoom)
{
  g_return_if_fail (ATLAS_IS_VIEWPORT (self));
  g_return_if_fail (min_zoom <= max_zoom);

  self->min_zoom = min_zoom;
  self->max_zoom = max_zoom;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIN_ZOOM]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_ZOOM]);
  update (self, self->lon, self->lat, self->zoom);
}

/* The centre stays inside this box, so the map cannot be lost off-screen. */
void
atlas_viewport_set_bounds (AtlasViewport *self,
                           double         min_lon,
                           double         min_lat,
                           double         max_lon,
                           double         max_lat)
{
  g_return_if_fail (ATLAS_IS_VIEWPORT (self));

  self->min_lon = min_lon;
  self->min_lat = min_lat;
  self->max_lon = max_lon;
  self->max_lat = max_lat;
  update (self, self->lon, self->lat, self->zoom);
}

void
atlas_viewport_set_center (AtlasViewport *self,
                           double         lon,
                           double         lat)
{
  g_return_if_fail (ATLAS_IS_VIEWPORT (self));
  update (self, lon, lat, self->zoom);
}

void
atlas_viewport_set_zoom (AtlasViewport *self,
                         double         zoom)
{
  g_return_if_fail (ATLAS_IS_VIEWPORT (self));
  update (self, self->lon, self->lat, zoom);
}

void
atlas_viewport_set (AtlasViewport *self,
                    double         lon,
                    double         lat,
                    double         zoom)
{
  g_return_if_fail (ATLAS_IS_VIEWPORT (self));
  update (self, lon, lat, zoom);
}

/* Moves the map by (@dx, @dy) screen pixels: content follows the pointer. */
void
atlas_viewport_pan_pixels (AtlasViewport *self,
                           double         dx,
                           double         dy)
{
  double x, y, lon, lat;

  g_return_if_fail (ATLAS_IS_VIEWPORT (self));

  atlas_projection_to_pixels (self->lon, self->lat, self->zoom, &x, &y);
  atlas_projection_from_pixels (x - dx, y - dy, self->zoom, &lon, &lat);
  update (self, lon, lat, self->zoom);
}

void
atlas_viewport_to_screen (AtlasViewport *self,
                          double         lon,
                          double         lat,
                          double         width,
                          double         height,
                          double        *x,
                          double        *y)
{
  double cx, cy, px, py;

  atlas_projection_to_pixels (self->lon, self->lat, self->zoom, &cx, &cy);
  atlas_projection_to_pixels (lon, lat, self->zoom, &px, &py);
  *x = px - cx + width / 2.0;
  *y = py - cy + height / 2.0;
}

void
atlas_viewport_from_screen (AtlasViewport *self,
                            double         x,
                            double         y,
                            double         width,
                            double         height,
                            double        *lon,
                            double        *lat)
{
  double cx, cy;

  atlas_projection_to_pixels (self->lon, self->lat, self->zoom, &cx, &cy);
  atlas_projection_from_pixels (cx + x - width / 2.0, cy + y - height / 2.0, self->zoom, lon, lat);
}

/* Zooms to @new_zoom keeping the place under (@x, @y) where it is. */
void
atlas_viewport_zoom_around (AtlasViewport *self,
                            double         new_zoom,
                            double         x,
                            double         y,
                            double         width,
                            double         height)
{
  double lon, lat, px, py, cx, cy, clon, clat;

  g_return_if_fail (ATLAS_IS_VIEWPORT (self));

  new_zoom = CLAMP (new_zoom, self->min_zoom, self->max_zoom);
  atlas_viewport_from_screen (self, x, y, width, height, &lon, &lat);
  atlas_projection_to_pixels (lon, lat, new_zoom, &px, &py);
  cx = px - (x - width / 2.0);
  cy = py - (y - height / 2.0);
  atlas_projection_from_pixels (cx, cy, new_zoom, &clon, &clat);
  update (self, clon, clat, new_zoom);
}

/* The zoom at which the box fits in @width x @height, less @padding. */
double
atlas_viewport_fit_zoom (AtlasViewport *self,
                         double         min_lon,
                         double         min_lat,
                         double         max_lon,
                         double         max_lat,
                         double         width,
                         double         height,
                         double         padding)
{
  double dx = atlas_projection_lon_to_unit (max_lon) - atlas_projection_lon_to_unit (min_lon);
  double dy = atlas_projection_lat_to_unit (min_lat) - atlas_projection_lat_to_unit (max_lat);
  double w = MAX (width - 2 * padding, 16);
  double h = MAX (height - 2 * padding, 16);
  double zoom;

  g_return_val_if_fail (ATLAS_IS_VIEWPORT (self), 0);

  if (dx <= 0 || dy <= 0)
    return self->max_zoom;

  zoom = MIN (log2 (w / (dx * ATLAS_PROJECTION_TILE_SIZE)),
              log2 (h / (dy * ATLAS_PROJECTION_TILE_SIZE)));
  return CLAMP (zoom, self->min_zoom, self->max_zoom);
}

/* Slow in, slow out (cubic). */
double
atlas_viewport_ease (double t)
{
  t = CLAMP (t, 0.0, 1.0);
  return t < 0.5 ? 4 * t * t * t : 1 - pow (-2 * t + 2, 3) / 2;
}

static gboolean
fly_tick (GtkWidget     *widget,
          GdkFrameClock *clock,
          gpointer       user_data)
{
  AtlasViewport *self = user_data;
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double t, e, x, y, zoom;

  if (self->anim_start == 0)
    self->anim_start = now;

  t = (now - self->anim_start) / (ATLAS_VIEWPORT_FLY_DURATION_MS * 1000.0);
  e = atlas_viewport_ease (t);
  zoom = self->from_zoom + (self->to_zoom - self->from_zoom) * e;
  /* Interpolating the centre in world pixels of each frame's zoom would
   * swing; in unit coordinates the motion looks straight.
   */
  x = self->from_x + (self->to_x - self->from_x) * e;
  y = self->from_y + (self->to_y - self->from_y) * e;
  update (self, atlas_projection_unit_to_lon (x), atlas_projection_unit_to_lat (y), zoom);

  if (t >= 1.0)
    {
      self->anim_tick = 0;
      g_clear_weak_pointer (&self->anim_widget);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* Moves the camera to (@lon, @lat, @zoom), easing in and out over about
 * 400 ms on @widget's frame clock; jumps if @widget is %NULL or not mapped.
 */
void
atlas_viewport_fly_to (AtlasViewport *self,
                       GtkWidget     *widget,
                       double         lon,
                       double         lat,
                       double         zoom)
{
  g_return_if_fail (ATLAS_IS_VIEWPORT (self));

  atlas_viewport_stop (self);

  if (widget == NULL || !gtk_widget_get_mapped (widget) || !adw_get_enable_animations (widget))
    {
      update (self, lon, lat, zoom);
      return;
    }

  self->from_x = atlas_projection_lon_to_unit (self->lon);
  self->from_y = atlas_projection_lat_to_unit (self->lat);
  self->from_zoom = self->zoom;
  self->to_x = atlas_projection_lon_to_unit (CLAMP (lon, self->min_lon, self->max_lon));
  self->to_y = atlas_projection_lat_to_unit (CLAMP (lat, self->min_lat, self->max_lat));
  self->to_zoom = CLAMP (zoom, self->min_zoom, self->max_zoom);
  self->anim_start = 0;
  g_set_weak_pointer (&self->anim_widget, widget);
  self->anim_tick = gtk_widget_add_tick_callback (widget, fly_tick, self, NULL);
}

void
atlas_viewport_stop (AtlasViewport *self)
{
  g_return_if_fail (ATLAS_IS_VIEWPORT (self));

  if (self->anim_tick != 0 && self->anim_widget != NULL)
    gtk_widget_remove_tick_callback (self->anim_widget, self->anim_tick);
  self->anim_tick = 0;
  g_clear_weak_pointer (&self->anim_widget);
}

/**
 * atlas_viewport_get_target:
 *
 * Where the camera is going: the end of the running fly-to, else where it
 * is.
 */
void
atlas_viewport_get_target (AtlasViewport *self,
                           double        *lon,
                           double        *lat,
                           double        *zoom)
{
  g_return_if_fail (ATLAS_IS_VIEWPORT (self));

  if (self->anim_tick != 0)
    {
      *lon = atlas_projection_unit_to_lon (self->to_x);
      *lat = atlas_projection_unit_to_lat (self->to_y);
      *zoom = self->to_zoom;
    }
  else
    {
      *lon = self->lon;
      *lat = self->lat;
      *zoom = self->zoom;
    }
}

gboolean
atlas_viewport_is_animating (AtlasViewport *self)
{
  g_return_val_if_fail (ATLAS_IS_VIEWPORT (self), FALSE);
  return self->anim_tick != 0;
}

/* {"lon": ..., "lat": ..., "zoom": ...}: the map's camera in a story step. */
JsonNode *
atlas_viewport_to_json (AtlasViewport *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (ATLAS_IS_VIEWPORT (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "lon");
  json_builder_add_double_value (builder, self->lon);
  json_builder_set_member_name (builder, "lat");
  json_builder_add_double_value (builder, self->lat);
  json_builder_set_member_name (builder, "zoom");
  json_builder_add_double_value (builder, self->zoom);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
read_number (JsonObject *object,
             const char *name,
             double     *value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
    case G_TYPE_DOUBLE:
      *value = json_node_get_double (node);
      return isfinite (*value);
    default:
      return FALSE;
    }
}

/* Reads a camera; members that are missing or not numbers keep the values
 * passed in.  Returns %FALSE if @node is not an object.
 */
gboolean
atlas_viewport_parse_json (JsonNode *node,
                           double   *lon,
                           double   *lat,
                           double   *zoom)
{
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;

  object = json_node_get_object (node);
  read_number (object, "lon", lon);
  read_number (object, "lat", lat);
  read_number (object, "zoom", zoom);
  return TRUE;
}
