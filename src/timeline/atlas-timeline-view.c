/* atlas-timeline-view.c
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
#include "atlas-date.h"
#include "atlas-event.h"
#include "atlas-session.h"
#include "atlas-item.h"
#include "atlas-state.h"
#include "atlas-timeline-view.h"

/* The timeline as a widget: draws an AtlasTimelineChart and turns input into
 * changes of its axis and of the shared state.  Drag pans; scrolling and
 * pinching zoom around the pointer; dragging on the overview strip (or
 * shift-dragging on the lanes) brushes a time range into the shared state,
 * which filters the other views; a click or the arrow keys select events,
 * and Shift with the arrow keys brushes the range from the event the
 * keyboard started on to the one it is on.
 * Play moves a cursor through time and widens the shared range behind it,
 * so the other views reveal what the passing events concern.
 *
 * The events shown follow the session's filters but not the time range,
 * which the timeline shows as a tint instead: the session's event filter
 * with its time dimension left out.
 */

#define DAYS_PER_SECOND    365.0   /* play at speed 1 */
#define STATE_INTERVAL_US  80000   /* how often play updates the shared range */
#define ANIMATION_US       400000

typedef enum
{
  DRAG_NONE,
  DRAG_PAN,
  DRAG_BRUSH,
  DRAG_OVERVIEW,
} DragMode;

struct _AtlasTimelineView
{
  GtkWidget           parent_instance;

  AtlasTimelineChart *chart;
  AtlasSession       *session;
  AtlasDataset       *dataset;
  AtlasState         *state;
  GtkFilterListModel *events;

  DragMode            drag;
  double              drag_first;
  double              drag_last;
  double              drag_anchor;
  double              pointer_x;
  double              pointer_y;
  double              zoom_scale;

  guint               tick_id;
  gint64              last_frame;
  gboolean            playing;
  double              speed;
  double              cursor;
  gint64              last_state_update;

  int                 focus;
  char               *focus_description;
  gboolean            syncing;

  /* Shift and the arrow keys choose a range from this event's days. */
  gboolean            extending;
  guint32             anchor_first;
  guint32             anchor_last;
};

G_DEFINE_FINAL_TYPE (AtlasTimelineView, atlas_timeline_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PLAYING,
  PROP_SPEED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void ensure_ticking (AtlasTimelineView *self);

/* ---- helpers ---------------------------------------------------------- */

static int
width_of (AtlasTimelineView *self)
{
  return gtk_widget_get_width (GTK_WIDGET (self));
}

static int
height_of (AtlasTimelineView *self)
{
  return gtk_widget_get_height (GTK_WIDGET (self));
}

static AtlasTimeAxis *
axis_of (AtlasTimelineView *self)
{
  return atlas_timeline_chart_get_axis (self->chart);
}

static void
update_style (AtlasTimelineView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  atlas_timeline_chart_set_variant (self->chart,
                                    atlas_style_variant_for (adw_style_manager_get_dark (manager),
                                                             adw_style_manager_get_high_contrast (manager),
                                                             atlas_timeline_chart_get_presenting (self->chart)));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* For screen readers, as the map and the charts do: the name says what the
 * view is; the description, what the keyboard is on and where it stands
 * ("3 of 120"), or how to move when it is on nothing yet.
 */
static void
update_accessible (AtlasTimelineView *self)
{
  guint n = atlas_timeline_chart_get_n_events (self->chart);
  g_autofree char *description = NULL;

  g_clear_pointer (&self->focus_description, g_free);
  if (self->focus >= 0)
    self->focus_description = atlas_timeline_chart_describe (atlas_timeline_chart_get_event (self->chart, self->focus));

  if (self->focus_description != NULL)
    {
      g_autofree char *position = atlas_accessible_position (self->focus + 1, n);

      description = g_strconcat (self->focus_description, C_("table row", ", "), position, NULL);
    }
  else
    description = g_strdup (_("Left and Right move between events, Shift with Left and Right chooses a time "
                              "range, Home and End go to the first and last, plus and minus zoom, 0 shows all"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline of events"),
                                  -1);
  atlas_accessible_set_description (GTK_WIDGET (self), description);
}

static void
set_focus_index (AtlasTimelineView *self,
                 int                index)
{
  self->focus = index;
  atlas_timeline_chart_set_focus (self->chart, index);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Pans (animated) so that the event at @index is on screen: in the middle
 * when @centre (an event picked elsewhere, which the eye must find), else
 * just far enough in (stepping with the keyboard).
 */
static void
reveal_event (AtlasTimelineView *self,
              int                index,
              gboolean           centre)
{
  AtlasEvent *event = atlas_timeline_chart_get_event (self->chart, index);
  double first = atlas_time_axis_get_first (axis_of (self));
  double last = atlas_time_axis_get_last (axis_of (self));
  double span = last - first;
  double start = atlas_event_get_first_day (event);
  double end = atlas_event_get_last_day (event) + 1.0;
  double margin = centre ? 0.25 : 0.02;

  if (start >= first + span * margin && end <= last - span * MAX (margin, 0.1))
    return;

  if (centre)
    first = (start + end) / 2 - span / 2;
  else
    first = start - span * 0.3;
  atlas_timeline_view_set_range (self, first, first + span, gtk_widget_get_mapped (GTK_WIDGET (self)));
}

static void
select_index (AtlasTimelineView *self,
              int                index)
{
  AtlasEvent *event = atlas_timeline_chart_get_event (self->chart, index);

  set_focus_index (self, index);
  if (self->state != NULL)
    {
      self->syncing = TRUE;
      atlas_state_set_selection (self->state, ATLAS_ITEM (event));
      self->syncing = FALSE;
    }
  atlas_timeline_chart_set_selection (self->chart, event);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- state ------------------------------------------------------------ */

static void
on_events_changed (AtlasTimelineView *self)
{
  AtlasEvent *focused = self->focus >= 0 ? g_object_ref (atlas_timeline_chart_get_event (self->chart, self->focus)) : NULL;

  atlas_timeline_chart_set_events (self->chart, G_LIST_MODEL (self->events));
  set_focus_index (self, atlas_timeline_chart_find_event (self->chart, focused));
  g_clear_object (&focused);
}

static void
on_time_range_changed (AtlasTimelineView *self)
{
  if (atlas_state_has_time_range (self->state))
    atlas_timeline_chart_set_brush (self->chart, atlas_state_get_time_first (self->state),
                                    atlas_state_get_time_last (self->state));
  else
    {
      atlas_timeline_chart_set_brush (self->chart, 0, 0);
      self->extending = FALSE;
      /* The range the play cursor drove is gone: so is the cursor. */
      if (!self->playing)
        {
          self->cursor = 0;
          atlas_timeline_chart_set_cursor (self->chart, 0);
        }
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_selection_changed (AtlasTimelineView *self)
{
  AtlasItem *item = atlas_state_get_selection (self->state);
  AtlasEvent *event = item != NULL && ATLAS_IS_EVENT (item) ? ATLAS_EVENT (item) : NULL;

  atlas_timeline_chart_set_selection (self->chart, event);
  if (!self->syncing && event != NULL)
    {
      int index = atlas_timeline_chart_find_event (self->chart, event);

      if (index >= 0)
        {
          set_focus_index (self, index);
          reveal_event (self, index, TRUE);
        }
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
atlas_timeline_view_bind (AtlasTimelineView *self,
                          AtlasSession      *session)
{
  AtlasDataset *dataset;

  g_return_if_fail (ATLAS_IS_TIMELINE_VIEW (self));
  g_return_if_fail (ATLAS_IS_SESSION (session));
  g_return_if_fail (self->dataset == NULL);

  dataset = atlas_session_get_dataset (session);
  self->session = g_object_ref (session);
  self->dataset = g_object_ref (dataset);
  self->state = g_object_ref (atlas_session_get_state (session));

  self->events = gtk_filter_list_model_new (g_object_ref (atlas_dataset_get_events (dataset)),
                                            atlas_session_new_filter (session, ATLAS_TYPE_EVENT,
                                                                      ATLAS_FILTER_TIME));
  g_signal_connect_object (self->events, "items-changed",
                           G_CALLBACK (on_events_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::time-first",
                           G_CALLBACK (on_time_range_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::time-last",
                           G_CALLBACK (on_time_range_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::selection",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);

  on_events_changed (self);
  atlas_timeline_view_fit_all (self, FALSE);
  on_time_range_changed (self);
  on_selection_changed (self);
}

AtlasTimelineChart *
atlas_timeline_view_get_chart (AtlasTimelineView *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_VIEW (self), NULL);

  return self->chart;
}

/* ---- range ------------------------------------------------------------ */

void
atlas_timeline_view_set_range (AtlasTimelineView *self,
                               double             first,
                               double             last,
                               gboolean           animate)
{
  g_return_if_fail (ATLAS_IS_TIMELINE_VIEW (self));

  if (animate && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

      atlas_time_axis_animate_to (axis_of (self), first, last,
                                  clock ? gdk_frame_clock_get_frame_time (clock) : g_get_monotonic_time (),
                                  ANIMATION_US);
      ensure_ticking (self);
    }
  else
    atlas_time_axis_set_range (axis_of (self), first, last);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
atlas_timeline_view_fit_all (AtlasTimelineView *self,
                             gboolean           animate)
{
  double first, last;

  g_return_if_fail (ATLAS_IS_TIMELINE_VIEW (self));

  atlas_timeline_chart_get_fit_range (self->chart, &first, &last);

  /* The range ends with the year of the last event, not in an empty
   * stretch after it.
   */
  {
    double extent_first, extent_last;
    int year, month, day;

    if (atlas_timeline_chart_get_extent (self->chart, &extent_first, &extent_last) &&
        extent_last > extent_first)
      {
        atlas_julian_to_ymd ((guint32) (extent_last - 1), &year, &month, &day);
        last = atlas_julian_from_ymd (year + 1, 1, 1);
      }
  }
  atlas_timeline_view_set_range (self, first, last, animate);
}

/* Zooms around the pointer when it is over the view, else the centre. */
void
atlas_timeline_view_zoom (AtlasTimelineView *self,
                          double             factor)
{
  double anchor;

  g_return_if_fail (ATLAS_IS_TIMELINE_VIEW (self));

  if (self->pointer_x > 0 && self->pointer_x < width_of (self))
    anchor = atlas_timeline_chart_x_to_day (self->chart, self->pointer_x, width_of (self));
  else
    anchor = (atlas_time_axis_get_first (axis_of (self)) + atlas_time_axis_get_last (axis_of (self))) / 2;
  atlas_time_axis_zoom (axis_of (self), factor, anchor);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

JsonNode *
atlas_timeline_view_save_camera (AtlasTimelineView *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_VIEW (self), NULL);

  return atlas_time_axis_to_json (axis_of (self));
}

void
atlas_timeline_view_restore_camera (AtlasTimelineView *self,
                                    JsonNode          *camera,
                                    gboolean           animate)
{
  double first, last;

  g_return_if_fail (ATLAS_IS_TIMELINE_VIEW (self));

  if (atlas_time_axis_parse_json (camera, &first, &last))
    atlas_timeline_view_set_range (self, first, last, animate);
}

/* ---- brushing --------------------------------------------------------- */

/* Sets the shared time range to the days from @first_day to @last_day. */
void
atlas_timeline_view_brush (AtlasTimelineView *self,
                           double             first_day,
                           double             last_day)
{
  guint32 first, last;

  g_return_if_fail (ATLAS_IS_TIMELINE_VIEW (self));

  if (self->state == NULL)
    return;
  first = (guint32) floor (MIN (first_day, last_day));
  last = (guint32) floor (MAX (first_day, last_day));
  atlas_state_set_time_range (self->state, first, MAX (first, last));
}

void
atlas_timeline_view_clear_range (AtlasTimelineView *self)
{
  g_return_if_fail (ATLAS_IS_TIMELINE_VIEW (self));

  atlas_timeline_view_set_playing (self, FALSE);
  self->cursor = 0;
  atlas_timeline_chart_set_cursor (self->chart, 0);
  if (self->state != NULL)
    atlas_state_clear_time_range (self->state);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ---- play ------------------------------------------------------------- */

gboolean
atlas_timeline_view_get_playing (AtlasTimelineView *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_VIEW (self), FALSE);

  return self->playing;
}

static void
push_play_range (AtlasTimelineView *self)
{
  double first, last;

  if (self->state == NULL || !atlas_timeline_chart_get_extent (self->chart, &first, &last))
    return;
  atlas_state_set_time_range (self->state, (guint32) first, (guint32) MAX (first, floor (self->cursor)));
}

void
atlas_timeline_view_set_playing (AtlasTimelineView *self,
                                 gboolean           playing)
{
  double first, last;

  g_return_if_fail (ATLAS_IS_TIMELINE_VIEW (self));

  playing = !!playing;
  if (self->playing == playing)
    return;

  if (playing)
    {
      if (!atlas_timeline_chart_get_extent (self->chart, &first, &last))
        return;
      /* From the start, unless paused on the way. */
      if (self->cursor < first || self->cursor >= last)
        self->cursor = first;
      atlas_timeline_chart_set_cursor (self->chart, self->cursor);
      self->last_frame = 0;
      push_play_range (self);
    }
  self->playing = playing;
  if (playing)
    ensure_ticking (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYING]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
atlas_timeline_view_get_speed (AtlasTimelineView *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_VIEW (self), 1.0);

  return self->speed;
}

void
atlas_timeline_view_set_speed (AtlasTimelineView *self,
                               double             speed)
{
  g_return_if_fail (ATLAS_IS_TIMELINE_VIEW (self));
  g_return_if_fail (speed > 0);

  if (self->speed == speed)
    return;
  self->speed = speed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPEED]);
}

double
atlas_timeline_view_get_cursor (AtlasTimelineView *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_VIEW (self), 0);

  return self->cursor;
}

/* Moves the play cursor on by @days; at the last event, play stops. */
void
atlas_timeline_view_advance (AtlasTimelineView *self,
                             double             days)
{
  double first, last, view_first, view_last;

  g_return_if_fail (ATLAS_IS_TIMELINE_VIEW (self));

  if (!self->playing || !atlas_timeline_chart_get_extent (self->chart, &first, &last))
    return;

  self->cursor = MIN (self->cursor + days, last);
  atlas_timeline_chart_set_cursor (self->chart, self->cursor);

  /* Keep the cursor in sight. */
  view_first = atlas_time_axis_get_first (axis_of (self));
  view_last = atlas_time_axis_get_last (axis_of (self));
  if (!atlas_time_axis_is_animating (axis_of (self)) &&
      (self->cursor > view_last - (view_last - view_first) * 0.1 || self->cursor < view_first))
    atlas_time_axis_pan (axis_of (self), self->cursor - (view_first + (view_last - view_first) * 0.5));

  if (self->cursor >= last)
    {
      push_play_range (self);
      atlas_timeline_view_set_playing (self, FALSE);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
on_tick (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  AtlasTimelineView *self = ATLAS_TIMELINE_VIEW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  gboolean animating = atlas_time_axis_step (axis_of (self), now);

  if (self->playing)
    {
      if (self->last_frame > 0)
        atlas_timeline_view_advance (self, (now - self->last_frame) / 1e6 * DAYS_PER_SECOND * self->speed);
      self->last_frame = now;
      if (self->playing && now - self->last_state_update >= STATE_INTERVAL_US)
        {
          push_play_range (self);
          self->last_state_update = now;
        }
    }

  gtk_widget_queue_draw (widget);
  if (animating || self->playing)
    return G_SOURCE_CONTINUE;

  self->tick_id = 0;
  return G_SOURCE_REMOVE;
}

static void
ensure_ticking (AtlasTimelineView *self)
{
  if (self->tick_id == 0)
    self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), on_tick, NULL, NULL);
}

/* ---- pointer ---------------------------------------------------------- */

/* A click at (@x, @y): selects the event there.  Returns whether one was. */
gboolean
atlas_timeline_view_click (AtlasTimelineView *self,
                           double             x,
                           double             y)
{
  int index;

  g_return_val_if_fail (ATLAS_IS_TIMELINE_VIEW (self), FALSE);

  index = atlas_timeline_chart_pick (self->chart, x, y, width_of (self), height_of (self));
  if (index < 0)
    return FALSE;
  select_index (self, index);
  return TRUE;
}

static void
on_click_released (GtkGestureClick   *gesture,
                   int                n_press,
                   double             x,
                   double             y,
                   AtlasTimelineView *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (atlas_timeline_view_click (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
on_drag_begin (GtkGestureDrag    *gesture,
               double             x,
               double             y,
               AtlasTimelineView *self)
{
  AtlasTimelineRegion region = atlas_timeline_chart_region_at (self->chart, x, y, width_of (self), height_of (self));
  GdkModifierType modifiers = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  if (region == ATLAS_TIMELINE_REGION_OVERVIEW)
    {
      self->drag = DRAG_OVERVIEW;
      self->drag_anchor = atlas_timeline_chart_overview_x_to_day (self->chart, x, width_of (self));
    }
  else if (region != ATLAS_TIMELINE_REGION_NONE && (modifiers & GDK_SHIFT_MASK))
    {
      self->drag = DRAG_BRUSH;
      self->drag_anchor = atlas_timeline_chart_x_to_day (self->chart, x, width_of (self));
    }
  else if (region != ATLAS_TIMELINE_REGION_NONE)
    {
      self->drag = DRAG_PAN;
      self->drag_first = atlas_time_axis_get_first (axis_of (self));
      self->drag_last = atlas_time_axis_get_last (axis_of (self));
    }
  else
    self->drag = DRAG_NONE;
}

static double
drag_day (AtlasTimelineView *self,
          double             x)
{
  return self->drag == DRAG_OVERVIEW ? atlas_timeline_chart_overview_x_to_day (self->chart, x, width_of (self))
                                     : atlas_timeline_chart_x_to_day (self->chart, x, width_of (self));
}

static void
on_drag_update (GtkGestureDrag    *gesture,
                double             dx,
                double             dy,
                AtlasTimelineView *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  switch (self->drag)
    {
    case DRAG_PAN:
      {
        double days = -dx / MAX (1.0, width_of (self) - 160.0) * (self->drag_last - self->drag_first);

        atlas_time_axis_set_range (axis_of (self), self->drag_first + days, self->drag_last + days);
      }
      break;

    case DRAG_BRUSH:
    case DRAG_OVERVIEW:
      if (fabs (dx) >= 3)
        atlas_timeline_chart_set_brush (self->chart, self->drag_anchor, drag_day (self, x + dx));
      break;

    case DRAG_NONE:
    default:
      return;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_drag_end (GtkGestureDrag    *gesture,
             double             dx,
             double             dy,
             AtlasTimelineView *self)
{
  double x, y;

  gtk_gesture_drag_get_start_point (gesture, &x, &y);
  if (self->drag == DRAG_BRUSH || self->drag == DRAG_OVERVIEW)
    {
      if (fabs (dx) >= 3)
        atlas_timeline_view_brush (self, self->drag_anchor, drag_day (self, x + dx));
      else if (self->drag == DRAG_OVERVIEW)
        {
          /* A click on the overview brings that moment to the middle. */
          double span = atlas_time_axis_get_last (axis_of (self)) - atlas_time_axis_get_first (axis_of (self));

          atlas_timeline_view_set_range (self, self->drag_anchor - span / 2, self->drag_anchor + span / 2, TRUE);
        }
      on_time_range_changed (self);
    }
  self->drag = DRAG_NONE;
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           AtlasTimelineView        *self)
{
  if (dy != 0)
    atlas_timeline_view_zoom (self, exp (-dy * 0.2));
  if (dx != 0)
    {
      double span = atlas_time_axis_get_last (axis_of (self)) - atlas_time_axis_get_first (axis_of (self));

      atlas_time_axis_pan (axis_of (self), dx * span * 0.05);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  return GDK_EVENT_STOP;
}

static void
on_zoom_begin (GtkGesture        *gesture,
               GdkEventSequence  *sequence,
               AtlasTimelineView *self)
{
  self->zoom_scale = 1.0;
}

static void
on_zoom_scale_changed (GtkGestureZoom    *gesture,
                       double             scale,
                       AtlasTimelineView *self)
{
  double x, y;

  if (gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    self->pointer_x = x;
  if (self->zoom_scale > 0 && scale > 0)
    atlas_timeline_view_zoom (self, scale / self->zoom_scale);
  self->zoom_scale = scale;
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           AtlasTimelineView        *self)
{
  int index;

  self->pointer_x = x;
  self->pointer_y = y;
  index = atlas_timeline_chart_pick (self->chart, x, y, width_of (self), height_of (self));
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), index >= 0 ? "pointer" : NULL);
}

static void
on_leave (GtkEventControllerMotion *controller,
          AtlasTimelineView        *self)
{
  self->pointer_x = self->pointer_y = -1;
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  AtlasTimelineView *self = ATLAS_TIMELINE_VIEW (widget);
  int index = keyboard ? self->focus
                       : atlas_timeline_chart_pick (self->chart, x, y, width_of (self), height_of (self));

  if (index >= 0)
    {
      g_autofree char *text = atlas_timeline_chart_describe (atlas_timeline_chart_get_event (self->chart, index));

      gtk_tooltip_set_text (tooltip, text);
      return TRUE;
    }
  if (!keyboard && atlas_timeline_chart_region_at (self->chart, x, y, width_of (self), height_of (self)) == ATLAS_TIMELINE_REGION_OVERVIEW)
    {
      gtk_tooltip_set_text (tooltip, _("Drag to choose a time range; click to go there"));
      return TRUE;
    }
  return FALSE;
}

/* ---- keyboard --------------------------------------------------------- */

/* Moves the keyboard focus to the previous (-1) or next (1) event in time,
 * or the first (-2) or last (2), and selects it.
 */
void
atlas_timeline_view_move_focus (AtlasTimelineView *self,
                                int                direction)
{
  int n, index;

  g_return_if_fail (ATLAS_IS_TIMELINE_VIEW (self));

  n = atlas_timeline_chart_get_n_events (self->chart);
  if (n == 0)
    return;
  if (direction <= -2)
    index = 0;
  else if (direction >= 2)
    index = n - 1;
  else
    index = atlas_timeline_chart_step (self->chart, self->focus, direction);

  select_index (self, index);
  reveal_event (self, index, FALSE);
}

int
atlas_timeline_view_get_focus_index (AtlasTimelineView *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_VIEW (self), -1);

  return self->focus;
}

/* The accessible name of the event the keyboard is on, with its date. */
const char *
atlas_timeline_view_get_focus_description (AtlasTimelineView *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_VIEW (self), NULL);

  return self->focus_description;
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AtlasTimelineView *self = ATLAS_TIMELINE_VIEW (widget);

  /* The next Shift and arrow starts a range afresh. */
  self->extending = FALSE;
  atlas_timeline_view_move_focus (self, g_variant_get_int32 (parameter));
}

/**
 * atlas_timeline_view_extend_range:
 * @direction: as for atlas_timeline_view_move_focus()
 *
 * Moves the keyboard focus as atlas_timeline_view_move_focus() does and
 * makes the shared time range run from the event the focus was on when
 * extending began to the event it is on now: Shift and the arrow keys
 * choose a range without a mouse.
 */
void
atlas_timeline_view_extend_range (AtlasTimelineView *self,
                                  int                direction)
{
  AtlasEvent *event;

  g_return_if_fail (ATLAS_IS_TIMELINE_VIEW (self));

  if (atlas_timeline_chart_get_n_events (self->chart) == 0)
    return;

  /* Extending starts from the focused event, or from the first one reached
   * when the keyboard is on none yet.
   */
  if (self->focus < 0)
    {
      atlas_timeline_view_move_focus (self, direction);
      self->extending = FALSE;
    }
  else if (!self->extending)
    {
      event = atlas_timeline_chart_get_event (self->chart, self->focus);
      self->anchor_first = atlas_event_get_first_day (event);
      self->anchor_last = atlas_event_get_last_day (event);
      self->extending = TRUE;
      atlas_timeline_view_move_focus (self, direction);
    }
  else
    atlas_timeline_view_move_focus (self, direction);

  if (!self->extending)
    {
      event = atlas_timeline_chart_get_event (self->chart, self->focus);
      self->anchor_first = atlas_event_get_first_day (event);
      self->anchor_last = atlas_event_get_last_day (event);
    }

  event = atlas_timeline_chart_get_event (self->chart, self->focus);
  atlas_timeline_view_brush (self,
                             MIN (self->anchor_first, atlas_event_get_first_day (event)),
                             MAX (self->anchor_last, atlas_event_get_last_day (event)));
  self->extending = TRUE;
}

static void
extend_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  atlas_timeline_view_extend_range (ATLAS_TIMELINE_VIEW (widget), g_variant_get_int32 (parameter));
}

static void
fit_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  atlas_timeline_view_fit_all (ATLAS_TIMELINE_VIEW (widget), TRUE);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AtlasTimelineView *self = ATLAS_TIMELINE_VIEW (widget);

  /* From the keyboard, zoom around the middle. */
  self->pointer_x = -1;
  atlas_timeline_view_zoom (self, g_variant_get_double (parameter));
}

/* ---- drawing ---------------------------------------------------------- */

static void
atlas_timeline_view_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  AtlasTimelineView *self = ATLAS_TIMELINE_VIEW (widget);

  atlas_timeline_chart_snapshot (self->chart, snapshot, width_of (self), height_of (self));
}

static void
atlas_timeline_view_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  /* Short enough that the window fits an 800×600 screen with its bars. */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 320 : 200;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 900 : 560;
}

static void
on_focus_changed (AtlasTimelineView *self)
{
  atlas_timeline_chart_set_focused (self->chart, gtk_widget_has_focus (GTK_WIDGET (self)));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
atlas_timeline_view_set_presenting (AtlasTimelineView *self,
                                    gboolean           presenting)
{
  g_return_if_fail (ATLAS_IS_TIMELINE_VIEW (self));

  atlas_timeline_chart_set_presenting (self->chart, presenting);
  update_style (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The view as it is now at @width x @height, on its background: in the
 * projector's colours for a slide of the stage, as the map and the charts.
 */
GskRenderNode *
atlas_timeline_view_render (AtlasTimelineView *self,
                            int                width,
                            int                height,
                            gboolean           dark)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  AtlasStyleVariant variant;

  g_return_val_if_fail (ATLAS_IS_TIMELINE_VIEW (self), NULL);

  variant = atlas_style_variant_for (dark, FALSE, atlas_timeline_chart_get_presenting (self->chart));

  atlas_timeline_chart_set_variant (self->chart, variant);
  gtk_snapshot_append_color (snapshot, &atlas_style_get_palette (variant)->view,
                             &GRAPHENE_RECT_INIT (0, 0, width, height));
  atlas_timeline_chart_snapshot (self->chart, snapshot, width, height);
  update_style (self);

  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

/* ---- GObject ---------------------------------------------------------- */

static void
atlas_timeline_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  AtlasTimelineView *self = ATLAS_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLAYING:
      g_value_set_boolean (value, self->playing);
      break;

    case PROP_SPEED:
      g_value_set_double (value, self->speed);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_timeline_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  AtlasTimelineView *self = ATLAS_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_PLAYING:
      atlas_timeline_view_set_playing (self, g_value_get_boolean (value));
      break;

    case PROP_SPEED:
      atlas_timeline_view_set_speed (self, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_timeline_view_dispose (GObject *object)
{
  AtlasTimelineView *self = (AtlasTimelineView *)object;

  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
  g_clear_object (&self->events);
  g_clear_object (&self->session);
  g_clear_object (&self->state);
  g_clear_object (&self->dataset);
  g_clear_object (&self->chart);
  g_clear_pointer (&self->focus_description, g_free);

  G_OBJECT_CLASS (atlas_timeline_view_parent_class)->dispose (object);
}

static void
atlas_timeline_view_class_init (AtlasTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct { guint key; int direction; } moves[] = {
    { GDK_KEY_Left, -1 }, { GDK_KEY_KP_Left, -1 }, { GDK_KEY_Right, 1 }, { GDK_KEY_KP_Right, 1 },
    { GDK_KEY_Home, -2 }, { GDK_KEY_KP_Home, -2 }, { GDK_KEY_End, 2 }, { GDK_KEY_KP_End, 2 },
  };
  static const struct { guint key; double factor; } zooms[] = {
    { GDK_KEY_plus, 1.5 }, { GDK_KEY_equal, 1.5 }, { GDK_KEY_KP_Add, 1.5 },
    { GDK_KEY_minus, 1 / 1.5 }, { GDK_KEY_KP_Subtract, 1 / 1.5 },
  };

  object_class->dispose = atlas_timeline_view_dispose;
  object_class->get_property = atlas_timeline_view_get_property;
  object_class->set_property = atlas_timeline_view_set_property;

  widget_class->snapshot = atlas_timeline_view_snapshot;
  widget_class->measure = atlas_timeline_view_measure;
  widget_class->query_tooltip = on_query_tooltip;

  properties[PROP_PLAYING] =
    g_param_spec_boolean ("playing", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SPEED] =
    g_param_spec_double ("speed", NULL, NULL, 0.01, 100, 1,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "timeline-view.move", "i", move_action);
  gtk_widget_class_install_action (widget_class, "timeline-view.extend", "i", extend_action);
  gtk_widget_class_install_action (widget_class, "timeline-view.zoom", "d", zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline-view.fit", NULL, fit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "timeline-view.fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, 0, "timeline-view.fit", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, moves[i].key, 0, "timeline-view.move", "i", moves[i].direction);
      gtk_widget_class_add_binding_action (widget_class, moves[i].key, GDK_SHIFT_MASK,
                                           "timeline-view.extend", "i", moves[i].direction);
    }
  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    gtk_widget_class_add_binding_action (widget_class, zooms[i].key, 0, "timeline-view.zoom", "d", zooms[i].factor);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
atlas_timeline_view_init (AtlasTimelineView *self)
{
  GtkGesture *click, *drag, *zoom;
  GtkEventController *scroll, *motion;

  self->chart = atlas_timeline_chart_new (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  self->speed = 1.0;
  self->focus = -1;
  self->pointer_x = self->pointer_y = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  drag = gtk_gesture_drag_new ();
  g_signal_connect (drag, "drag-begin", G_CALLBACK (on_drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (on_drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (on_drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect (zoom, "begin", G_CALLBACK (on_zoom_begin), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect (self, "notify::has-focus", G_CALLBACK (on_focus_changed), NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_style), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (update_style), self, G_CONNECT_SWAPPED);
  update_style (self);
  update_accessible (self);
}

GtkWidget *
atlas_timeline_view_new (void)
{
  return g_object_new (ATLAS_TYPE_TIMELINE_VIEW, NULL);
}
