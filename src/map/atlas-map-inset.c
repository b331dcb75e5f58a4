/* atlas-map-inset.c
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

#include "atlas-map-inset.h"
#include "atlas-projection.h"
#include "atlas-style.h"

/* A small overview of the whole municipality in a corner of the map, with
 * the part the map shows framed: when the camera opens on the main urban
 * districts, the inset says where they are in Chongqing.  A click on it
 * moves the map there (the zoom stays).  It hides itself while the map
 * shows all of Chongqing anyway.
 */

#define INSET_ZOOM 6     /* the district outlines simplified for this zoom */
#define PADDING 6.0
#define MIN_VIEW_HEIGHT 440   /* the buttons' column, the inset, the scale bar */

struct _AtlasMapInset
{
  GtkWidget      parent_instance;

  AtlasMapView  *view;          /* weak: the page holds both */
  GskRenderNode *outline;       /* the districts, for the size drawn */
  AtlasMapScene *outline_scene; /* unowned, only compared */
  int            outline_width, outline_height;
  GdkRGBA        line_color, frame_color, land_color;

  /* Unit coordinates of what the inset shows, and the scale to pixels. */
  double         x0, y0, scale;
};

G_DEFINE_FINAL_TYPE (AtlasMapInset, atlas_map_inset, GTK_TYPE_WIDGET)

/* ---- geometry ------------------------------------------------------------ */

static gboolean
update_transform (AtlasMapInset *self)
{
  AtlasMapScene *scene = self->view ? atlas_map_view_get_scene (self->view) : NULL;
  double min_lon, min_lat, max_lon, max_lat, ux0, uy0, ux1, uy1, w, h;

  if (scene == NULL)
    return FALSE;

  atlas_map_scene_get_bounds (scene, &min_lon, &min_lat, &max_lon, &max_lat);
  ux0 = atlas_projection_lon_to_unit (min_lon);
  ux1 = atlas_projection_lon_to_unit (max_lon);
  uy0 = atlas_projection_lat_to_unit (max_lat);
  uy1 = atlas_projection_lat_to_unit (min_lat);
  w = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * PADDING;
  h = gtk_widget_get_height (GTK_WIDGET (self)) - 2 * PADDING;
  if (w <= 1 || h <= 1 || ux1 <= ux0 || uy1 <= uy0)
    return FALSE;

  self->scale = MIN (w / (ux1 - ux0), h / (uy1 - uy0));
  /* Centred in the inset. */
  self->x0 = ux0 - (w / self->scale - (ux1 - ux0)) / 2 - PADDING / self->scale;
  self->y0 = uy0 - (h / self->scale - (uy1 - uy0)) / 2 - PADDING / self->scale;
  return TRUE;
}

/**
 * atlas_map_inset_get_frame:
 * @frame: (out): the map's view in the inset's coordinates
 *
 * Returns: whether the map shows only part of Chongqing (the frame is
 *   then drawn)
 */
gboolean
atlas_map_inset_get_frame (AtlasMapInset   *self,
                           graphene_rect_t *frame)
{
  AtlasViewport *viewport;
  double world, cx, cy, vw, vh, x, y;
  int width, height;

  g_return_val_if_fail (ATLAS_IS_MAP_INSET (self), FALSE);

  if (self->view == NULL || !update_transform (self))
    return FALSE;

  viewport = atlas_map_view_get_viewport (self->view);
  width = gtk_widget_get_width (GTK_WIDGET (self->view));
  height = gtk_widget_get_height (GTK_WIDGET (self->view));
  if (width <= 1 || height <= 1)
    return FALSE;

  world = atlas_projection_world_size (atlas_viewport_get_zoom (viewport));
  cx = atlas_projection_lon_to_unit (atlas_viewport_get_lon (viewport));
  cy = atlas_projection_lat_to_unit (atlas_viewport_get_lat (viewport));
  vw = width / world;
  vh = height / world;

  x = (cx - vw / 2 - self->x0) * self->scale;
  y = (cy - vh / 2 - self->y0) * self->scale;
  graphene_rect_init (frame, x, y, vw * self->scale, vh * self->scale);

  /* All of Chongqing in view: nothing to point at. */
  return !(x <= PADDING && y <= PADDING &&
           x + vw * self->scale >= gtk_widget_get_width (GTK_WIDGET (self)) - PADDING &&
           y + vh * self->scale >= gtk_widget_get_height (GTK_WIDGET (self)) - PADDING);
}

/* Moves the map so that the inset's point (@x, @y) is in the middle. */
void
atlas_map_inset_jump_to (AtlasMapInset *self,
                         double         x,
                         double         y)
{
  AtlasViewport *viewport;

  g_return_if_fail (ATLAS_IS_MAP_INSET (self));

  if (self->view == NULL || !update_transform (self))
    return;

  viewport = atlas_map_view_get_viewport (self->view);
  atlas_viewport_fly_to (viewport, GTK_WIDGET (self->view),
                         atlas_projection_unit_to_lon (self->x0 + x / self->scale),
                         atlas_projection_unit_to_lat (self->y0 + y / self->scale),
                         atlas_viewport_get_zoom (viewport));
}

/* ---- drawing ------------------------------------------------------------- */

static GskRenderNode *
draw_outline (AtlasMapInset *self,
              AtlasMapScene *scene,
              int            width,
              int            height)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  double world = atlas_projection_world_size (INSET_ZOOM);
  cairo_t *cr;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_scale (cr, self->scale / world, self->scale / world);
  cairo_translate (cr, -self->x0 * world, -self->y0 * world);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  for (guint i = 0; i < atlas_map_scene_get_n_districts (scene); i++)
    {
      AtlasMapShape *shape = atlas_map_scene_get_district (scene, i);
      AtlasMapPaths *paths = atlas_map_scene_get_paths (scene, shape, INSET_ZOOM, TRUE);

      for (guint p = 0; p + 1 < paths->offsets->len; p++)
        {
          guint first = g_array_index (paths->offsets, guint, p);
          guint last = g_array_index (paths->offsets, guint, p + 1);

          for (guint k = first; k < last; k++)
            {
              const AtlasMapPoint *pt = &g_array_index (paths->points, AtlasMapPoint, k);

              if (k == first)
                cairo_move_to (cr, pt->x, pt->y);
              else
                cairo_line_to (cr, pt->x, pt->y);
            }
          cairo_close_path (cr);
        }
    }

  gdk_cairo_set_source_rgba (cr, &self->land_color);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 0.6 * world / self->scale);
  gdk_cairo_set_source_rgba (cr, &self->line_color);
  cairo_stroke (cr);
  cairo_destroy (cr);

  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

static void
atlas_map_inset_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  AtlasMapInset *self = ATLAS_MAP_INSET (widget);
  AtlasMapScene *scene = self->view ? atlas_map_view_get_scene (self->view) : NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t frame;
  gboolean framed;

  if (scene == NULL || !update_transform (self))
    return;

  if (self->outline == NULL || self->outline_scene != scene ||
      self->outline_width != width || self->outline_height != height)
    {
      g_clear_pointer (&self->outline, gsk_render_node_unref);
      self->outline = draw_outline (self, scene, width, height);
      self->outline_scene = scene;
      self->outline_width = width;
      self->outline_height = height;
    }
  gtk_snapshot_append_node (snapshot, self->outline);

  /* On a short map it would run into the zoom buttons: the map itself
   * is small enough to take in then.
   */
  framed = atlas_map_inset_get_frame (self, &frame) &&
           gtk_widget_get_height (GTK_WIDGET (self->view)) >= MIN_VIEW_HEIGHT;
  if (framed)
    {
      GskRoundedRect outline;
      GdkRGBA fill = self->frame_color;
      float w = 2;

      /* At least a few pixels, so that a close view still shows. */
      if (frame.size.width < 6)
        {
          frame.origin.x -= (6 - frame.size.width) / 2;
          frame.size.width = 6;
        }
      if (frame.size.height < 6)
        {
          frame.origin.y -= (6 - frame.size.height) / 2;
          frame.size.height = 6;
        }

      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      fill.alpha = 0.18;
      gtk_snapshot_append_color (snapshot, &fill, &frame);
      gsk_rounded_rect_init_from_rect (&outline, &frame, 0);
      gtk_snapshot_append_border (snapshot, &outline, (float[4]) { w, w, w, w },
                                  (GdkRGBA[4]) { self->frame_color, self->frame_color,
                                                 self->frame_color, self->frame_color });
      gtk_snapshot_pop (snapshot);
    }
}

static void
atlas_map_inset_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  /* Chongqing is about as wide as it is high on the map. */
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 132 : 120;
}

/* Colours from the palette the map draws with (its accent for the frame,
 * its land under the outline), looked up when the style changes, not per
 * frame.
 */
static void
atlas_map_inset_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  AtlasMapInset *self = ATLAS_MAP_INSET (widget);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  const AtlasPalette *palette = atlas_style_get_palette (
    atlas_style_variant_for (adw_style_manager_get_dark (manager),
                             adw_style_manager_get_high_contrast (manager), FALSE));
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  GTK_WIDGET_CLASS (atlas_map_inset_parent_class)->css_changed (widget, change);

  gtk_style_context_get_color (context, &self->line_color);
  self->line_color.alpha *= 0.45;
  G_GNUC_END_IGNORE_DEPRECATIONS
  self->frame_color = palette->accent;
  self->land_color = palette->map_land;

  g_clear_pointer (&self->outline, gsk_render_node_unref);
  gtk_widget_queue_draw (widget);
}

/* ---- input --------------------------------------------------------------- */

static void
on_pressed (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            AtlasMapInset   *self)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  atlas_map_inset_jump_to (self, x, y);
}

/* ---- GObject ------------------------------------------------------------- */

static void
on_viewport_changed (AtlasMapInset *self)
{
  graphene_rect_t frame;

  if (self->view == NULL)
    return;

  gboolean framed;

  /* On a short map it would run into the zoom buttons: the map itself
   * is small enough to take in then.
   */
  framed = atlas_map_inset_get_frame (self, &frame) &&
           gtk_widget_get_height (GTK_WIDGET (self->view)) >= MIN_VIEW_HEIGHT;

  /* Faded out rather than hidden: it keeps its size, which the frame is
   * measured against.
   */
  gtk_widget_set_opacity (GTK_WIDGET (self), framed ? 1.0 : 0.0);
  gtk_widget_set_can_target (GTK_WIDGET (self), framed);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
atlas_map_inset_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  on_viewport_changed (ATLAS_MAP_INSET (widget));
}

static void
atlas_map_inset_dispose (GObject *object)
{
  AtlasMapInset *self = (AtlasMapInset *)object;

  g_clear_weak_pointer (&self->view);
  g_clear_pointer (&self->outline, gsk_render_node_unref);

  G_OBJECT_CLASS (atlas_map_inset_parent_class)->dispose (object);
}

static void
atlas_map_inset_class_init (AtlasMapInsetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_map_inset_dispose;

  widget_class->snapshot = atlas_map_inset_snapshot;
  widget_class->measure = atlas_map_inset_measure;
  widget_class->size_allocate = atlas_map_inset_size_allocate;
  widget_class->css_changed = atlas_map_inset_css_changed;

  gtk_widget_class_set_css_name (widget_class, "atlasmapinset");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
atlas_map_inset_init (AtlasMapInset *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  g_signal_connect (click, "pressed", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), _("All of Chongqing: click to move the map there"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Overview of Chongqing"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("The whole municipality, with the part the map shows framed"),
                                  -1);
}

GtkWidget *
atlas_map_inset_new (void)
{
  return g_object_new (ATLAS_TYPE_MAP_INSET, NULL);
}

/* Follows @view's camera and scene. */
void
atlas_map_inset_set_view (AtlasMapInset *self,
                          AtlasMapView  *view)
{
  g_return_if_fail (ATLAS_IS_MAP_INSET (self));
  g_return_if_fail (ATLAS_IS_MAP_VIEW (view));

  g_set_weak_pointer (&self->view, view);
  g_signal_connect_object (atlas_map_view_get_viewport (view), "notify",
                           G_CALLBACK (on_viewport_changed), self, G_CONNECT_SWAPPED);
  on_viewport_changed (self);
}
