/* atlas-chart-canvas.c
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

#include "atlas-accessible.h"
#include "atlas-chart-canvas.h"
#include "atlas-format.h"

/* The on-screen chart: draws an AtlasChart and makes it readable without a
 * mouse.  Hovering a mark shows its exact value, unit, period and scope;
 * Left/Right (or Up/Down) walk the marks with a visible focus ring; Enter
 * or a click activates the mark ("mark-activated"), which the page turns
 * into a filter or selection in the shared state.
 *
 * For screen readers, as the map and the timeline do: the name is the
 * chart's title; the description is what the keyboard is on, with where it
 * stands ("2 of 6").  Coming into the chart, that is the one-sentence
 * summary, which Left from the first mark comes back to.
 */

struct _AtlasChartCanvas
{
  GtkWidget   parent_instance;

  AtlasChart *chart;
  int         hover;
  int         focus_mark;
  gboolean    presenting;
};

G_DEFINE_FINAL_TYPE (AtlasChartCanvas, atlas_chart_canvas, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CHART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  MARK_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* "R&D base projects: 13 (target) · 2020-12-15 · Science City". */
char *
atlas_chart_canvas_dup_mark_text (AtlasChartCanvas *self,
                                  guint             mark)
{
  AtlasChartPoint *point;
  g_autofree char *value = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  AtlasChartSeries *series;
  const char *layer;

  g_return_val_if_fail (ATLAS_IS_CHART_CANVAS (self), NULL);

  if (self->chart == NULL || (point = atlas_chart_get_mark_point (self->chart, mark)) == NULL)
    return NULL;

  series = atlas_chart_get_series (self->chart);
  value = atlas_chart_point_dup_value_text (point);
  layer = atlas_chart_series_get_n_layers (series) > 1
          ? atlas_chart_series_get_layer (series, atlas_chart_point_get_layer (point)) : NULL;

  g_string_append (text, atlas_chart_point_get_label (point));
  if (layer != NULL && g_strcmp0 (layer, atlas_chart_point_get_label (point)) != 0)
    g_string_append_printf (text, " · %s", layer);
  g_string_append_printf (text, "\n%s", value);
  if (atlas_chart_point_get_is_target (point))
    g_string_append_printf (text, " · %s", _("target or plan, not a result"));
  if (atlas_chart_point_get_period (point) != NULL)
    g_string_append_printf (text, "\n%s %s", _("Period:"), atlas_chart_point_get_period (point));
  if (atlas_chart_point_get_scope (point) != NULL)
    g_string_append_printf (text, "\n%s %s", _("Scope:"), atlas_chart_point_get_scope (point));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The chart's style follows the style manager and presenting; looked up
 * when either changes, never per frame.
 */
static void
update_variant (AtlasChartCanvas *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (self->chart != NULL)
    atlas_chart_set_variant (self->chart,
                             atlas_style_variant_for (adw_style_manager_get_dark (manager),
                                                      adw_style_manager_get_high_contrast (manager),
                                                      self->presenting));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_tooltip (AtlasChartCanvas *self,
                int               mark)
{
  g_autofree char *text = mark >= 0 ? atlas_chart_canvas_dup_mark_text (self, mark) : NULL;

  gtk_widget_set_tooltip_text (GTK_WIDGET (self), text);
  /* GTK makes the tooltip the description: the focused mark keeps it. */
  atlas_accessible_restore_description (GTK_WIDGET (self));
}

/* What a screen reader says of the focused mark, or of the chart before the
 * first mark: its summary.
 */
static void
update_accessible (AtlasChartCanvas *self)
{
  AtlasChartSeries *series = self->chart != NULL ? atlas_chart_get_series (self->chart) : NULL;
  guint n = self->chart != NULL ? atlas_chart_get_n_marks (self->chart) : 0;
  g_autofree char *description = NULL;

  if (series == NULL)
    {
      atlas_accessible_set_description (GTK_WIDGET (self), NULL);
      return;
    }

  if (self->focus_mark >= 0 && (guint) self->focus_mark < n)
    {
      g_autofree char *text = atlas_chart_canvas_dup_mark_text (self, self->focus_mark);
      g_autofree char *position = atlas_accessible_position (self->focus_mark + 1, n);
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
      g_autofree char *line = g_strjoinv (C_("table row", ", "), lines);

      description = g_strconcat (line, C_("table row", ", "), position, NULL);
    }
  else
    {
      g_autofree char *summary = atlas_chart_series_dup_summary (series, atlas_chart_get_kind (self->chart));
      g_autofree char *hint = g_strdup_printf (g_dngettext (NULL,
                                                            "The arrow keys read its %u item; Enter applies it.",
                                                            "The arrow keys read its %u items one by one; Enter applies one.",
                                                            n),
                                               n);

      description = g_strconcat (summary ? summary : "", summary ? " " : "", hint, NULL);
    }

  atlas_accessible_set_description (GTK_WIDGET (self), description);
}

static void
set_hover (AtlasChartCanvas *self,
           int               hover)
{
  if (self->hover == hover)
    return;
  self->hover = hover;
  update_tooltip (self, hover);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hover >= 0 ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_motion (AtlasChartCanvas *self,
           double            x,
           double            y)
{
  if (self->chart != NULL)
    set_hover (self, atlas_chart_hit_test (self->chart, x, y));
}

static void
on_leave (AtlasChartCanvas *self)
{
  set_hover (self, -1);
}

static void
activate_mark (AtlasChartCanvas *self,
               int               mark)
{
  AtlasChartPoint *point;

  if (self->chart == NULL || mark < 0 || (point = atlas_chart_get_mark_point (self->chart, mark)) == NULL)
    return;
  g_signal_emit (self, signals[MARK_ACTIVATED], 0, point);
}

static void
on_released (GtkGestureClick  *gesture,
             int               n_press,
             double            x,
             double            y,
             AtlasChartCanvas *self)
{
  int mark;

  if (self->chart == NULL)
    return;
  mark = atlas_chart_hit_test (self->chart, x, y);
  if (mark >= 0)
    {
      atlas_chart_canvas_set_focus_mark (self, mark);
      gtk_widget_grab_focus (GTK_WIDGET (self));
      activate_mark (self, mark);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                AtlasChartCanvas      *self)
{
  int n = self->chart ? (int) atlas_chart_get_n_marks (self->chart) : 0;
  int mark = self->focus_mark;

  if (n == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)))
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_Up:
    case GDK_KEY_KP_Left:
    case GDK_KEY_KP_Up:
      /* Before the first mark is the chart's summary. */
      mark = mark <= 0 ? -1 : mark - 1;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_Down:
    case GDK_KEY_KP_Right:
    case GDK_KEY_KP_Down:
      mark = mark < 0 ? 0 : MIN (mark + 1, n - 1);
      break;
    case GDK_KEY_Home:
      mark = 0;
      break;
    case GDK_KEY_End:
      mark = n - 1;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      activate_mark (self, mark < 0 ? 0 : mark);
      return TRUE;
    default:
      return FALSE;
    }

  atlas_chart_canvas_set_focus_mark (self, mark);
  return TRUE;
}

static void
on_focus_enter (AtlasChartCanvas *self)
{
  /* Coming in, the summary first (focus_mark -1), or the mark left last:
   * the next Right reads the first mark, not the second.  The description
   * may have been lent to an announcement meanwhile.
   */
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_focus_leave (AtlasChartCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
atlas_chart_canvas_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  AtlasChartCanvas *self = ATLAS_CHART_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (self->chart == NULL)
    return;

  atlas_chart_snapshot (self->chart, snapshot, gtk_widget_get_pango_context (widget), width, height,
                        self->hover, gtk_widget_has_focus (widget) ? self->focus_mark : -1);
}

static void
atlas_chart_canvas_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  AtlasChartCanvas *self = ATLAS_CHART_CANVAS (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 420;
    }
  else
    {
      int h = self->chart ? atlas_chart_get_natural_height (self->chart, gtk_widget_get_pango_context (widget),
                                                            for_size > 0 ? for_size : 420) : 200;

      AtlasChartKind kind = self->chart ? atlas_chart_get_kind (self->chart) : ATLAS_CHART_KIND_VBAR;

      /* Rows of bars and cards need their height to stay readable. */
      if (kind == ATLAS_CHART_KIND_HBAR || kind == ATLAS_CHART_KIND_CARDS || kind == ATLAS_CHART_KIND_DONUT)
        *minimum = h;
      else
        *minimum = MIN (h, 160);
      *natural = h;
    }
}

static GtkSizeRequestMode
atlas_chart_canvas_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
atlas_chart_canvas_dispose (GObject *object)
{
  AtlasChartCanvas *self = ATLAS_CHART_CANVAS (object);

  g_clear_object (&self->chart);
  G_OBJECT_CLASS (atlas_chart_canvas_parent_class)->dispose (object);
}

static void
atlas_chart_canvas_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AtlasChartCanvas *self = ATLAS_CHART_CANVAS (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_chart_canvas_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  AtlasChartCanvas *self = ATLAS_CHART_CANVAS (object);

  switch (prop_id)
    {
    case PROP_CHART:
      atlas_chart_canvas_set_chart (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_chart_canvas_class_init (AtlasChartCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_chart_canvas_dispose;
  object_class->get_property = atlas_chart_canvas_get_property;
  object_class->set_property = atlas_chart_canvas_set_property;
  widget_class->snapshot = atlas_chart_canvas_snapshot;
  widget_class->measure = atlas_chart_canvas_measure;
  widget_class->get_request_mode = atlas_chart_canvas_get_request_mode;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, ATLAS_TYPE_CHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AtlasChartCanvas::mark-activated:
   * @point: the AtlasChartPoint clicked or activated with Enter
   */
  signals[MARK_ACTIVATED] =
    g_signal_new ("mark-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, ATLAS_TYPE_CHART_POINT);

  gtk_widget_class_set_css_name (widget_class, "atlaschartcanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
atlas_chart_canvas_init (AtlasChartCanvas *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->hover = -1;
  self->focus_mark = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);

  g_signal_connect_swapped (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect (click, "released", G_CALLBACK (on_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect_swapped (focus, "enter", G_CALLBACK (on_focus_enter), self);
  g_signal_connect_swapped (focus, "leave", G_CALLBACK (on_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (update_variant), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (update_variant), self, G_CONNECT_SWAPPED);
}

GtkWidget *
atlas_chart_canvas_new (void)
{
  return g_object_new (ATLAS_TYPE_CHART_CANVAS, NULL);
}

AtlasChart *
atlas_chart_canvas_get_chart (AtlasChartCanvas *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_CANVAS (self), NULL);
  return self->chart;
}

void
atlas_chart_canvas_set_chart (AtlasChartCanvas *self,
                              AtlasChart       *chart)
{
  g_return_if_fail (ATLAS_IS_CHART_CANVAS (self));
  g_return_if_fail (chart == NULL || ATLAS_IS_CHART (chart));

  if (!g_set_object (&self->chart, chart))
    return;

  self->hover = -1;
  if (chart != NULL && self->focus_mark >= (int) atlas_chart_get_n_marks (chart))
    self->focus_mark = -1;
  if (chart != NULL)
    atlas_chart_set_presenting (chart, self->presenting);
  update_variant (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  chart && atlas_chart_get_series (chart)
                                    ? atlas_chart_series_get_title (atlas_chart_get_series (chart)) : "",
                                  -1);
  update_accessible (self);

  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

int
atlas_chart_canvas_get_hover (AtlasChartCanvas *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_CANVAS (self), -1);
  return self->hover;
}

int
atlas_chart_canvas_get_focus_mark (AtlasChartCanvas *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_CANVAS (self), -1);
  return self->focus_mark;
}

void
atlas_chart_canvas_set_focus_mark (AtlasChartCanvas *self,
                                   int               mark)
{
  g_return_if_fail (ATLAS_IS_CHART_CANVAS (self));

  if (self->focus_mark == mark)
    return;
  self->focus_mark = mark;
  update_accessible (self);
  /* The focused mark's numbers are the tooltip, as for hovering. */
  update_tooltip (self, mark);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
atlas_chart_canvas_set_presenting (AtlasChartCanvas *self,
                                   gboolean          presenting)
{
  g_return_if_fail (ATLAS_IS_CHART_CANVAS (self));

  self->presenting = !!presenting;
  if (self->chart != NULL)
    atlas_chart_set_presenting (self->chart, presenting);
  update_variant (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}
