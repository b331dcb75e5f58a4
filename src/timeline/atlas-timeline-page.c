/* atlas-timeline-page.c
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

#include "atlas-accessible.h"
#include "atlas-dataset.h"
#include "atlas-empty-state.h"
#include "atlas-event.h"
#include "atlas-labels.h"
#include "atlas-render.h"
#include "atlas-state.h"
#include "atlas-timeline-page.h"
#include "atlas-view.h"

/* The Timeline page: a toolbar (fit, zoom, play and its speed, clear the
 * brushed range, a legend that also filters kinds, export) over the
 * AtlasTimelineView.
 */

struct _AtlasTimelinePage
{
  GtkWidget          parent_instance;

  AtlasState        *state;
  gboolean           presenting;
  guint              frame_id;       /* tick: fit the selection on stage */
  char              *last_camera;

  AtlasTimelineView *view;
  GtkToggleButton   *play_button;
  GtkDropDown       *speed_dropdown;
  GtkButton         *clear_button;
  GtkBox            *legend;
  GtkBox            *kinds_box;
  AtlasEmptyState   *empty_state;
  GtkWidget         *kind_buttons[ATLAS_N_EVENT_KINDS];
  GtkWidget         *kind_checks[ATLAS_N_EVENT_KINDS];   /* the same, in the narrow form */
};

static void atlas_timeline_page_view_init (AtlasViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasTimelinePage, atlas_timeline_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ATLAS_TYPE_VIEW, atlas_timeline_page_view_init))

static const double speeds[] = { 0.5, 1.0, 2.0 };

AtlasTimelineView *
atlas_timeline_page_get_view (AtlasTimelinePage *self)
{
  g_return_val_if_fail (ATLAS_IS_TIMELINE_PAGE (self), NULL);

  return self->view;
}

/* No event passes the filters: say so over the timeline. */
static void
update_empty_state (AtlasTimelinePage *self)
{
  AtlasTimelineChart *chart = atlas_timeline_view_get_chart (self->view);

  gtk_widget_set_visible (GTK_WIDGET (self->empty_state),
                          self->state != NULL && !self->presenting &&
                          atlas_timeline_chart_get_n_events (chart) == 0);
}

static void
update_controls (AtlasTimelinePage *self)
{
  gboolean playing = atlas_timeline_view_get_playing (self->view);

  gtk_toggle_button_set_active (self->play_button, playing);
  gtk_button_set_icon_name (GTK_BUTTON (self->play_button),
                            playing ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->play_button),
                               playing ? _("Pause") : _("Play Through Time"));
  atlas_accessible_set_label (GTK_WIDGET (self->play_button), playing ? _("Pause") : _("Play Through Time"));
  atlas_accessible_fix_names (GTK_WIDGET (self->play_button));
  gtk_widget_set_visible (GTK_WIDGET (self->clear_button),
                          self->state != NULL && atlas_state_has_time_range (self->state));

  for (guint k = 0; k < ATLAS_N_EVENT_KINDS && self->state != NULL; k++)
    {
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->kind_buttons[k]),
                                    atlas_state_has_event_kind (self->state, k));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (self->kind_checks[k]),
                                   atlas_state_has_event_kind (self->state, k));
    }
}

static void
on_play_toggled (AtlasTimelinePage *self)
{
  atlas_timeline_view_set_playing (self->view, gtk_toggle_button_get_active (self->play_button));
  update_controls (self);
}

static void
on_speed_selected (AtlasTimelinePage *self)
{
  guint i = gtk_drop_down_get_selected (self->speed_dropdown);

  if (i < G_N_ELEMENTS (speeds))
    atlas_timeline_view_set_speed (self->view, speeds[i]);
}

static void
set_kind_shown (AtlasTimelinePage *self,
                int                kind,
                gboolean           shown)
{
  if (self->state != NULL && atlas_state_has_event_kind (self->state, kind) != shown)
    {
      guint kinds = atlas_state_get_event_kinds (self->state);

      atlas_state_set_event_kinds (self->state, shown ? kinds | (1u << kind) : kinds & ~(1u << kind));
    }
}

static void
on_kind_toggled (GtkToggleButton   *button,
                 AtlasTimelinePage *self)
{
  set_kind_shown (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "kind")),
                  gtk_toggle_button_get_active (button));
}

static void
on_kind_checked (GtkCheckButton    *button,
                 AtlasTimelinePage *self)
{
  set_kind_shown (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "kind")),
                  gtk_check_button_get_active (button));
}

/* ---- actions ---------------------------------------------------------- */

static void
fit_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  atlas_timeline_view_fit_all (ATLAS_TIMELINE_PAGE (widget)->view, TRUE);
}

static void
zoom_in_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  atlas_timeline_view_zoom (ATLAS_TIMELINE_PAGE (widget)->view, 1.5);
}

static void
zoom_out_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  atlas_timeline_view_zoom (ATLAS_TIMELINE_PAGE (widget)->view, 1 / 1.5);
}

static void
play_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  AtlasTimelinePage *self = ATLAS_TIMELINE_PAGE (widget);

  if (!self->presenting || TRUE)
    atlas_timeline_view_set_playing (self->view, !atlas_timeline_view_get_playing (self->view));
}

static void
clear_range_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  atlas_timeline_view_clear_range (ATLAS_TIMELINE_PAGE (widget)->view);
}

static void
on_export_response (GtkNativeDialog   *dialog,
                    int                response,
                    AtlasTimelinePage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      AtlasExportSize size = atlas_render_get_size_choice (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GError) error = NULL;
      int width, height;

      atlas_render_export_size_get (size,
                                    MAX (gtk_widget_get_width (GTK_WIDGET (self->view)), 800),
                                    MAX (gtk_widget_get_height (GTK_WIDGET (self->view)), 500),
                                    &width, &height);
      node = atlas_timeline_view_render (self->view, width, height, FALSE);
      if (!atlas_render_node_to_file_sized (node, width, height, size, file, &error))
        {
          GtkWidget *toplevel = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
          GtkWidget *message = gtk_message_dialog_new (GTK_WINDOW (toplevel), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                                       GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                                       _("Cannot export the timeline"));

          gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (message), "%s", error->message);
          g_signal_connect (message, "response", G_CALLBACK (gtk_window_destroy), NULL);
          gtk_window_present (GTK_WINDOW (message));
        }
    }
  g_object_unref (dialog);
}

static void
export_action (GtkWidget *widget, const char *name, GVariant *parameter)
{
  AtlasTimelinePage *self = ATLAS_TIMELINE_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *dialog;
  static const struct { const char *name; const char *pattern; } formats[] = {
    { N_("PNG Image"), "*.png" }, { N_("SVG Drawing"), "*.svg" }, { N_("PDF Document"), "*.pdf" },
  };

  dialog = gtk_file_chooser_native_new (_("Export Timeline"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(formats[i].name));
      gtk_file_filter_add_pattern (filter, formats[i].pattern);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
    }
  atlas_render_add_size_choice (GTK_FILE_CHOOSER (dialog));
  /* Translators: the suggested file name of an exported timeline. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("timeline.png"));
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- AtlasView -------------------------------------------------------- */

static void
atlas_timeline_page_bind (AtlasView    *view,
                          AtlasSession *session)
{
  AtlasTimelinePage *self = ATLAS_TIMELINE_PAGE (view);

  g_return_if_fail (self->state == NULL);

  self->state = g_object_ref (atlas_session_get_state (session));
  atlas_timeline_view_bind (self->view, session);
  g_signal_connect_object (session, "filters-changed", G_CALLBACK (update_controls), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "filters-changed", G_CALLBACK (update_empty_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "reloaded", G_CALLBACK (update_empty_state), self,
                           G_CONNECT_SWAPPED);
  update_controls (self);
  update_empty_state (self);
}

static JsonNode *
atlas_timeline_page_save_camera (AtlasView *view)
{
  return atlas_timeline_view_save_camera (ATLAS_TIMELINE_PAGE (view)->view);
}

/* On stage, a step's range was chosen in a window of another width: once
 * the camera has settled, slide the range so that the selected event's mark
 * and label are on screen, as far as the mark allows.
 */
static gboolean
frame_selection (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  AtlasTimelinePage *self = ATLAS_TIMELINE_PAGE (widget);
  AtlasTimelineChart *chart = atlas_timeline_view_get_chart (self->view);
  AtlasItem *item = self->state ? atlas_state_get_selection (self->state) : NULL;
  int w = gtk_widget_get_width (GTK_WIDGET (self->view));
  int h = gtk_widget_get_height (GTK_WIDGET (self->view));
  g_autoptr(JsonNode) camera = NULL;
  g_autofree char *text = NULL;
  AtlasTimelinePlacement place;
  double first, last, right, shift, margin = 24;
  int index;

  if (!self->presenting || item == NULL || !ATLAS_IS_EVENT (item) || chart == NULL)
    goto done;
  if (w <= 0 || h <= 0)
    return G_SOURCE_CONTINUE;

  /* Wait for a fly-to to end: the range stays the same for a frame. */
  camera = atlas_timeline_view_save_camera (self->view);
  text = camera ? json_to_string (camera, FALSE) : NULL;
  if (g_strcmp0 (text, self->last_camera) != 0)
    {
      g_free (self->last_camera);
      self->last_camera = g_steal_pointer (&text);
      return G_SOURCE_CONTINUE;
    }

  if ((index = atlas_timeline_chart_find_event (chart, ATLAS_EVENT (item))) < 0 ||
      !atlas_timeline_chart_get_placement (chart, index, w, h, &place) ||
      !atlas_time_axis_parse_json (camera, &first, &last))
    goto done;
  right = MAX (place.mark_end, place.label_start + place.label_width);
  shift = MIN (right - (w - margin), place.mark_start - margin);
  /* A label the painter had to shorten gets the room left of the mark. */
  if (place.ellipsized && place.mark_start > w * 0.2)
    shift = place.mark_start - w * 0.1;
  if ((right > w - margin || place.ellipsized) && shift > 0)
    {
      double days = atlas_timeline_chart_x_to_day (chart, shift, w) - atlas_timeline_chart_x_to_day (chart, 0, w);

      atlas_timeline_view_set_range (self->view, first + days, last + days, FALSE);
    }

done:
  self->frame_id = 0;
  g_clear_pointer (&self->last_camera, g_free);
  return G_SOURCE_REMOVE;
}

static void
atlas_timeline_page_restore_camera (AtlasView *view,
                                    JsonNode  *camera,
                                    gboolean   animate)
{
  AtlasTimelinePage *self = ATLAS_TIMELINE_PAGE (view);

  atlas_timeline_view_restore_camera (self->view, camera, animate);
  if (self->presenting && self->frame_id == 0)
    {
      g_clear_pointer (&self->last_camera, g_free);
      self->frame_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), frame_selection, NULL, NULL);
    }
}

static GskRenderNode *
atlas_timeline_page_render (AtlasView *view,
                            int        width,
                            int        height,
                            gboolean   dark)
{
  return atlas_timeline_view_render (ATLAS_TIMELINE_PAGE (view)->view, width, height, dark);
}

static void
atlas_timeline_page_set_presenting (AtlasView *view,
                                    gboolean   presenting)
{
  AtlasTimelinePage *self = ATLAS_TIMELINE_PAGE (view);

  self->presenting = presenting;
  atlas_timeline_view_set_presenting (self->view, presenting);
  /* Editing actions: exporting is the only one here. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.export", !presenting);
  /* On stage the lanes stand alone: the toolbar and its separator are for
   * exploring, and they set the page's minimum width.
   */
  {
    /* The view sits in an overlay with its empty state. */
    GtkWidget *stage = gtk_widget_get_parent (GTK_WIDGET (self->view));

    for (GtkWidget *child = gtk_widget_get_first_child (gtk_widget_get_parent (stage));
         child != NULL; child = gtk_widget_get_next_sibling (child))
      if (child != stage)
        gtk_widget_set_visible (child, !presenting);
  }
  update_empty_state (self);
}

/* The selected event's mark and label, or the whole page without one. */
static gboolean
atlas_timeline_page_get_subject_bounds (AtlasView       *view,
                                        graphene_rect_t *bounds)
{
  AtlasTimelinePage *self = ATLAS_TIMELINE_PAGE (view);
  AtlasItem *item = self->state ? atlas_state_get_selection (self->state) : NULL;
  AtlasTimelineChart *chart = atlas_timeline_view_get_chart (self->view);
  int w = gtk_widget_get_width (GTK_WIDGET (self->view));
  int h = gtk_widget_get_height (GTK_WIDGET (self->view));
  AtlasTimelinePlacement place;
  graphene_point_t origin;
  int index;
  double right;

  if (item == NULL || !ATLAS_IS_EVENT (item) || chart == NULL || w <= 0 || h <= 0 ||
      (index = atlas_timeline_chart_find_event (chart, ATLAS_EVENT (item))) < 0 ||
      !atlas_timeline_chart_get_placement (chart, index, w, h, &place) ||
      !gtk_widget_compute_point (GTK_WIDGET (self->view), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (0, 0), &origin))
    return FALSE;
  /* A label longer than the view is cut at its edge by the painter: the
   * subject is what shows.
   */
  right = MIN (MAX (place.mark_end, place.label_start + place.label_width), MAX (place.mark_end, w));
  graphene_rect_init (bounds, origin.x + place.mark_start, origin.y + place.y,
                      MAX (right - place.mark_start, 1), MAX (place.height, 1));
  return TRUE;
}

static void
atlas_timeline_page_view_init (AtlasViewInterface *iface)
{
  iface->bind = atlas_timeline_page_bind;
  iface->save_camera = atlas_timeline_page_save_camera;
  iface->restore_camera = atlas_timeline_page_restore_camera;
  iface->render = atlas_timeline_page_render;
  iface->set_presenting = atlas_timeline_page_set_presenting;
  iface->get_subject_bounds = atlas_timeline_page_get_subject_bounds;
}

/* ---- GObject ---------------------------------------------------------- */

static void
atlas_timeline_page_dispose (GObject *object)
{
  AtlasTimelinePage *self = (AtlasTimelinePage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_TIMELINE_PAGE);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL; )
    gtk_widget_unparent (child);
  if (self->frame_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->frame_id);
  self->frame_id = 0;
  g_clear_pointer (&self->last_camera, g_free);
  g_clear_object (&self->state);

  G_OBJECT_CLASS (atlas_timeline_page_parent_class)->dispose (object);
}

static void
atlas_timeline_page_class_init (AtlasTimelinePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_timeline_page_dispose;

  g_type_ensure (ATLAS_TYPE_TIMELINE_VIEW);
  g_type_ensure (ATLAS_TYPE_EMPTY_STATE);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-timeline-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasTimelinePage, view);
  gtk_widget_class_bind_template_child (widget_class, AtlasTimelinePage, play_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasTimelinePage, speed_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AtlasTimelinePage, clear_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasTimelinePage, legend);
  gtk_widget_class_bind_template_child (widget_class, AtlasTimelinePage, kinds_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasTimelinePage, empty_state);

  gtk_widget_class_install_action (widget_class, "timeline.fit", NULL, fit_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "timeline.play", NULL, play_action);
  gtk_widget_class_install_action (widget_class, "timeline.clear-range", NULL, clear_range_action);
  gtk_widget_class_install_action (widget_class, "timeline.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "timeline.fit", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
atlas_timeline_page_init (AtlasTimelinePage *self)
{
  g_autoptr(GtkListItemFactory) factory = atlas_accessible_label_factory_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The legend: the kinds' colours, each a toggle for its kind. */
  for (guint k = 0; k < ATLAS_N_EVENT_KINDS; k++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      g_autofree char *css = g_strdup_printf ("event-kind-%s", atlas_event_kind_to_string (k));

      gtk_widget_add_css_class (swatch, "swatch");
      gtk_widget_add_css_class (swatch, css);
      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), swatch);
      gtk_box_append (GTK_BOX (box), gtk_label_new (atlas_event_kind_get_label (k)));
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Show or hide this kind of event"));
      /* Named by its kind; pressed means shown. */
      atlas_accessible_set_label (button, atlas_event_kind_get_label (k));
      g_object_set_data (G_OBJECT (button), "kind", GINT_TO_POINTER (k));
      g_signal_connect (button, "toggled", G_CALLBACK (on_kind_toggled), self);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      atlas_event_kind_get_label (k), -1);
      gtk_box_append (self->legend, button);
      self->kind_buttons[k] = button;

      /* The narrow form: a check button per kind, with its colour. */
      {
        GtkWidget *check = gtk_check_button_new ();
        GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
        GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

        gtk_widget_add_css_class (dot, "swatch");
        gtk_widget_add_css_class (dot, css);
        gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
        gtk_box_append (GTK_BOX (row), dot);
        gtk_box_append (GTK_BOX (row), gtk_label_new (atlas_event_kind_get_label (k)));
        gtk_check_button_set_child (GTK_CHECK_BUTTON (check), row);
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
        gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        atlas_event_kind_get_label (k), -1);
        g_object_set_data (G_OBJECT (check), "kind", GINT_TO_POINTER (k));
        g_signal_connect (check, "toggled", G_CALLBACK (on_kind_checked), self);
        gtk_box_append (self->kinds_box, check);
        self->kind_checks[k] = check;
      }
    }

  gtk_drop_down_set_factory (self->speed_dropdown, factory);
  atlas_accessible_name_drop_down (self->speed_dropdown, _("Playback Speed"));

  g_signal_connect_swapped (self->play_button, "toggled", G_CALLBACK (on_play_toggled), self);
  g_signal_connect_swapped (self->speed_dropdown, "notify::selected", G_CALLBACK (on_speed_selected), self);
  g_signal_connect_object (self->view, "notify::playing", G_CALLBACK (update_controls), self, G_CONNECT_SWAPPED);
  update_controls (self);
}
