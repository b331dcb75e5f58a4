/* atlas-map-page.c
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
#include "atlas-empty-state.h"
#include "atlas-map-inset.h"
#include "atlas-district.h"
#include "atlas-item.h"
#include "atlas-map-page.h"
#include "atlas-map-render.h"
#include "atlas-map-site-list.h"
#include "atlas-render.h"
#include "atlas-site.h"
#include "atlas-state.h"
#include "atlas-view.h"

/* The Map page: the map view with floating controls (zoom buttons, the
 * choropleth switch and measure, export).  The legend, scale bar and the
 * schematic-map notice are drawn by the painter, so they appear in exports
 * exactly as on screen.
 */

struct _AtlasMapPage
{
  GtkWidget     parent_instance;

  AtlasDataset *dataset;
  AtlasState   *state;
  gboolean      syncing;
  gboolean      presenting;

  AtlasSession *session;
  AtlasMapView *view;
  AtlasEmptyState *empty_state;
  AtlasMapInset *inset;
  GtkSwitch    *choropleth_switch;
  GtkDropDown  *measure_dropdown;
  GtkMenuButton *district_button;
  GtkListBox   *district_list;
  gboolean      districts_stale;  /* the list waits for its popover to show */
  GtkMenuButton *unplaced_button;
  AtlasMapSiteList *unplaced_list;
};

static void atlas_map_page_view_init (AtlasViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasMapPage, atlas_map_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ATLAS_TYPE_VIEW, atlas_map_page_view_init))

static const char *measures[] = { "sites", "events" };

/* ---- districts --------------------------------------------------------- */

/* Choosing a district without a mouse: a list of them, opened with the
 * button or D on the map; a row does what clicking the district does.
 */

static void
update_district_rows (AtlasMapPage *self)
{
  int current = self->state != NULL ? atlas_state_get_district (self->state) : 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->district_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      int adcode = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "adcode"));
      const char *text = g_object_get_data (G_OBJECT (row), "text");
      GtkWidget *check = gtk_widget_get_last_child (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row)));
      g_autofree char *name = NULL;

      if (text == NULL)
        continue;
      gtk_widget_set_visible (check, adcode == current);
      if (adcode == current)
        /* Translators: a district in the list, read by screen readers, when
         * it is the one chosen.
         */
        name = g_strdup_printf (_("%s, selected"), text);
      atlas_accessible_set_label (row, name ? name : text);
    }
}

static void
add_district_row (AtlasMapPage *self,
                  int           adcode,
                  const char   *text)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "adcode", GINT_TO_POINTER (adcode));
  g_object_set_data_full (G_OBJECT (row), "text", g_strdup (text), g_free);
  gtk_list_box_append (self->district_list, row);
}

static int
compare_districts (gconstpointer a,
                   gconstpointer b)
{
  g_autofree char *ka = g_utf8_collate_key (atlas_item_get_name (*(AtlasItem **) a), -1);
  g_autofree char *kb = g_utf8_collate_key (atlas_item_get_name (*(AtlasItem **) b), -1);

  return strcmp (ka, kb);
}

static void
populate_districts (AtlasMapPage *self)
{
  GListModel *districts = atlas_dataset_get_districts (self->dataset);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->district_list))) != NULL)
    gtk_list_box_remove (self->district_list, child);

  for (guint i = 0; i < g_list_model_get_n_items (districts); i++)
    g_ptr_array_add (sorted, g_list_model_get_item (districts, i));
  g_ptr_array_sort (sorted, compare_districts);

  add_district_row (self, 0, _("All of Chongqing"));
  for (guint i = 0; i < sorted->len; i++)
    {
      AtlasDistrict *district = g_ptr_array_index (sorted, i);
      guint n = atlas_district_get_site_count (district);
      g_autofree char *sites = g_strdup_printf (g_dngettext (NULL, "%u site", "%u sites", n), n);
      /* Translators: a district in the map's list of districts: "Beibei, 12 sites". */
      g_autofree char *text = g_strdup_printf (C_("district row", "%s, %s"),
                                               atlas_item_get_name (ATLAS_ITEM (district)), sites);

      add_district_row (self, atlas_district_get_adcode (district), text);
    }
  update_district_rows (self);
}

static void on_district_popover_show (AtlasMapPage *self);

/* The list of districts is filled when its popover first shows, and again
 * after a reload only then: 39 rows of widgets most starts never open.
 */
static void
on_districts_reloaded (AtlasMapPage *self)
{
  GtkPopover *popover = gtk_menu_button_get_popover (self->district_button);

  self->districts_stale = TRUE;
  if (popover != NULL && gtk_widget_get_visible (GTK_WIDGET (popover)))
    on_district_popover_show (self);
}

static void
on_district_popover_show (AtlasMapPage *self)
{
  if (!self->districts_stale || self->dataset == NULL)
    return;
  self->districts_stale = FALSE;
  populate_districts (self);
}

static void
on_district_activated (AtlasMapPage  *self,
                       GtkListBoxRow *row)
{
  gtk_menu_button_popdown (self->district_button);
  atlas_map_view_select_district (self->view, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "adcode")));
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
choose_district_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AtlasMapPage *self = ATLAS_MAP_PAGE (widget);

  if (self->presenting)
    return;
  gtk_menu_button_popup (self->district_button);
}

/* ---- choropleth -------------------------------------------------------- */

static void
on_choropleth_controls_changed (AtlasMapPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->measure_dropdown);

  if (self->syncing || self->state == NULL)
    return;

  self->syncing = TRUE;
  if (gtk_switch_get_active (self->choropleth_switch))
    atlas_state_set_choropleth (self->state, measures[MIN (selected, G_N_ELEMENTS (measures) - 1)]);
  else
    atlas_state_set_choropleth (self->state, NULL);
  self->syncing = FALSE;
}

static void
on_state_choropleth_changed (AtlasMapPage *self)
{
  const char *measure = atlas_state_get_choropleth (self->state);
  gboolean on = measure != NULL && measure[0] != '\0';

  if (self->syncing)
    return;

  self->syncing = TRUE;
  gtk_switch_set_active (self->choropleth_switch, on);
  for (guint i = 0; on && i < G_N_ELEMENTS (measures); i++)
    if (g_str_equal (measure, measures[i]))
      gtk_drop_down_set_selected (self->measure_dropdown, i);
  self->syncing = FALSE;
}

/* ---- rendering and export ---------------------------------------------- */

/**
 * atlas_map_page_render:
 *
 * The map as it is now (same centre, the same area shown), drawn at
 * @width x @height with a title, the legend, the scale bar, the
 * schematic-map notice and the attribution.
 */
GskRenderNode *
atlas_map_page_render (AtlasMapPage *self,
                       int           width,
                       int           height,
                       gboolean      dark)
{
  AtlasViewport *current = atlas_map_view_get_viewport (self->view);
  AtlasMapScene *scene = atlas_map_view_get_scene (self->view);
  g_autoptr(AtlasViewport) viewport = atlas_viewport_new ();
  AtlasMapPaintOptions options;
  int shown_w = gtk_widget_get_width (GTK_WIDGET (self->view));
  int shown_h = gtk_widget_get_height (GTK_WIDGET (self->view));
  double zoom = atlas_viewport_get_zoom (current);

  g_return_val_if_fail (ATLAS_IS_MAP_PAGE (self), NULL);

  if (scene == NULL)
    return NULL;

  if (shown_w > 1 && shown_h > 1)
    zoom += log2 (MIN ((double) width / shown_w, (double) height / shown_h));
  atlas_viewport_set_zoom_range (viewport, ATLAS_MAP_MIN_ZOOM - 2, ATLAS_MAP_MAX_ZOOM);
  atlas_viewport_set (viewport, atlas_viewport_get_lon (current), atlas_viewport_get_lat (current), zoom);

  atlas_map_view_get_paint_options (self->view, &options);
  /* An export keeps a high-contrast style; a slide of the stage keeps the
   * projector's, as the timeline and the charts do.
   */
  options.variant = atlas_style_variant_for (dark,
                                             atlas_style_variant_is_high_contrast (options.variant),
                                             self->presenting);
  options.hover_marker = -1;
  options.focus_marker = -1;
  options.title = _("Science and Technology Sites in Chongqing");
  options.legend_top = 64;
  options.vector = TRUE;

  return atlas_map_render_scene (scene, viewport, &options, width, height);
}

typedef struct
{
  AtlasMapPage  *page;
  GtkSpinButton *width;
  GtkSpinButton *height;
  GtkDropDown   *format;
  GtkDropDown   *size;       /* custom (the spin buttons), slide, A4 */
} ExportRequest;

/* The entries of the Size drop-down, in order. */
static const AtlasExportSize export_sizes[] = {
  ATLAS_EXPORT_SIZE_AS_SHOWN, ATLAS_EXPORT_SIZE_SLIDE, ATLAS_EXPORT_SIZE_A4,
};

/* A preset fills in the width and height; only "Custom" lets them change. */
static void
on_export_size_changed (GtkDropDown   *size,
                        GParamSpec    *pspec,
                        ExportRequest *request)
{
  guint selected = MIN (gtk_drop_down_get_selected (size), G_N_ELEMENTS (export_sizes) - 1);
  gboolean custom = export_sizes[selected] == ATLAS_EXPORT_SIZE_AS_SHOWN;

  if (!custom)
    {
      int width, height;

      atlas_render_export_size_get (export_sizes[selected], 0, 0, &width, &height);
      gtk_spin_button_set_value (request->width, width);
      gtk_spin_button_set_value (request->height, height);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (request->width), custom);
  gtk_widget_set_sensitive (GTK_WIDGET (request->height), custom);
}

static void
export_request_free (ExportRequest *request)
{
  g_clear_object (&request->page);
  g_free (request);
}

static const char *formats[] = { "png", "svg", "pdf" };

static void
show_error (AtlasMapPage *self,
            const char   *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              _("The Map Could Not Be Exported"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_file_chosen (GtkNativeDialog *chooser,
                int              response,
                gpointer         user_data)
{
  ExportRequest *request = user_data;
  AtlasMapPage *self = request->page;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      int w = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "export-width"));
      int h = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "export-height"));

      AtlasExportSize size = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "export-size"));

      node = atlas_map_page_render (self, w, h, adw_style_manager_get_dark (adw_style_manager_get_default ()));
      if (node == NULL || !atlas_render_node_to_file_sized (node, w, h, size, file, &error))
        show_error (self, error ? error->message : _("Nothing to draw"));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  export_request_free (request);
}

static void
on_export_response (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  ExportRequest *request = user_data;
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;
  guint format;

  if (g_strcmp0 (response, "export") != 0)
    {
      export_request_free (request);
      return;
    }

  format = MIN (gtk_drop_down_get_selected (request->format), G_N_ELEMENTS (formats) - 1);
  chooser = gtk_file_chooser_native_new (_("Export Map"),
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (request->page))),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  /* Translators: the suggested file name of an exported map, without extension */
  name = g_strdup_printf ("%s.%s", _("chongqing-map"), formats[format]);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data (G_OBJECT (chooser), "export-width",
                     GINT_TO_POINTER (gtk_spin_button_get_value_as_int (request->width)));
  g_object_set_data (G_OBJECT (chooser), "export-height",
                     GINT_TO_POINTER (gtk_spin_button_get_value_as_int (request->height)));
  g_object_set_data (G_OBJECT (chooser), "export-size",
                     GINT_TO_POINTER (export_sizes[MIN (gtk_drop_down_get_selected (request->size),
                                                        G_N_ELEMENTS (export_sizes) - 1)]));

  /* The request (and its page reference) moves on to the chooser; the
   * dialog's widgets go with the dialog.
   */
  request->width = request->height = NULL;
  request->format = request->size = NULL;
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static GtkWidget *
labelled (const char *text,
          GtkWidget  *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  return box;
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AtlasMapPage *self = ATLAS_MAP_PAGE (widget);
  const char *format_names[] = { "PNG", "SVG", "PDF", NULL };
  const char *size_names[] = {
    _("Custom"), _("Slide, 1920 × 1080"), _("Print, A4 landscape at 300 dpi"), NULL
  };
  g_autoptr(GtkListItemFactory) size_factory = atlas_accessible_label_factory_new (NULL);
  ExportRequest *request;
  GtkWidget *dialog, *box;
  g_autoptr(GtkListItemFactory) factory = atlas_accessible_label_factory_new (NULL);

  /* Editing actions are off while presenting. */
  if (self->presenting)
    return;

  request = g_new0 (ExportRequest, 1);

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Export Map"),
                                   _("The map is saved as it is shown now, with a title, the legend and "
                                     "the data attribution. It is a schematic map: the district "
                                     "boundaries are not authoritative."));
  request->page = g_object_ref (self);
  request->width = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (320, 8000, 10));
  request->height = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (240, 8000, 10));
  request->format = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (format_names));
  gtk_drop_down_set_factory (request->format, factory);
  atlas_accessible_name_drop_down (request->format, _("_Format"));
  gtk_spin_button_set_value (request->width, MAX (gtk_widget_get_width (GTK_WIDGET (self->view)), 1280));
  gtk_spin_button_set_value (request->height, MAX (gtk_widget_get_height (GTK_WIDGET (self->view)), 800));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  request->size = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (size_names));
  gtk_drop_down_set_factory (request->size, size_factory);
  atlas_accessible_name_drop_down (request->size, _("_Size"));
  g_signal_connect (request->size, "notify::selected", G_CALLBACK (on_export_size_changed), request);

  gtk_box_append (GTK_BOX (box), labelled (_("_Format"), GTK_WIDGET (request->format)));
  gtk_box_append (GTK_BOX (box), labelled (_("_Size"), GTK_WIDGET (request->size)));
  gtk_box_append (GTK_BOX (box), labelled (_("_Width (pixels)"), GTK_WIDGET (request->width)));
  gtk_box_append (GTK_BOX (box), labelled (_("_Height (pixels)"), GTK_WIDGET (request->height)));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "export", _("_Export…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), request);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AtlasMapPage *self = ATLAS_MAP_PAGE (widget);

  if (g_str_equal (action_name, "map.zoom-in"))
    atlas_map_view_zoom_by (self->view, 1);
  else if (g_str_equal (action_name, "map.zoom-out"))
    atlas_map_view_zoom_by (self->view, -1);
  else
    atlas_map_view_zoom_to_fit (self->view, TRUE);
}

static void
update_zoom_actions (AtlasMapPage *self)
{
  AtlasViewport *viewport = atlas_map_view_get_viewport (self->view);
  double zoom = atlas_viewport_get_zoom (viewport);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.zoom-in",
                                 zoom < atlas_viewport_get_max_zoom (viewport) - 0.01);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.zoom-out",
                                 zoom > atlas_viewport_get_min_zoom (viewport) + 0.01);
}

/* No site passes the filters: say so over the map, with the way out. */
static void
update_empty_state (AtlasMapPage *self)
{
  GListModel *sites = atlas_session_get_sites (self->session);

  gtk_widget_set_visible (GTK_WIDGET (self->empty_state),
                          g_list_model_get_n_items (sites) == 0 && !self->presenting);
}

/* The sites with no known place that pass the filters: "5 sites have no
 * known place", opening their list.
 */
static void
update_unplaced (AtlasMapPage *self)
{
  GListModel *unplaced = atlas_map_areas_get_unplaced (atlas_map_view_get_areas (self->view));
  guint n = g_list_model_get_n_items (unplaced);
  g_autofree char *text = g_strdup_printf (g_dngettext (NULL, "%u site has no known place",
                                                        "%u sites have no known place", n), n);

  gtk_menu_button_set_label (self->unplaced_button, text);
  gtk_widget_set_visible (GTK_WIDGET (self->unplaced_button), n > 0 && !self->presenting);
}

/* ---- AtlasView --------------------------------------------------------- */

static void
atlas_map_page_bind (AtlasView    *view,
                     AtlasSession *session)
{
  AtlasMapPage *self = ATLAS_MAP_PAGE (view);

  g_return_if_fail (self->dataset == NULL);

  self->session = g_object_ref (session);
  self->dataset = g_object_ref (atlas_session_get_dataset (session));
  self->state = g_object_ref (atlas_session_get_state (session));
  atlas_map_view_bind (self->view, session);

  atlas_map_site_list_bind (self->unplaced_list, session);
  atlas_map_site_list_set_sites (self->unplaced_list,
                                 atlas_map_areas_get_unplaced (atlas_map_view_get_areas (self->view)),
                                 _("Sites with No Known Place"),
                                 _("The sources name these sites but give no place for them, so the map cannot show them."));
  g_signal_connect_object (atlas_map_areas_get_unplaced (atlas_map_view_get_areas (self->view)), "items-changed",
                           G_CALLBACK (update_unplaced), self, G_CONNECT_SWAPPED);
  update_unplaced (self);

  atlas_map_inset_set_view (self->inset, self->view);
  g_signal_connect_object (atlas_session_get_sites (session), "items-changed",
                           G_CALLBACK (update_empty_state), self, G_CONNECT_SWAPPED);
  update_empty_state (self);

  g_signal_connect_object (self->state, "notify::choropleth",
                           G_CALLBACK (on_state_choropleth_changed), self, G_CONNECT_SWAPPED);
  on_state_choropleth_changed (self);

  g_signal_connect_object (self->state, "notify::district",
                           G_CALLBACK (update_district_rows), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "reloaded",
                           G_CALLBACK (on_districts_reloaded), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_menu_button_get_popover (self->district_button), "show",
                           G_CALLBACK (on_district_popover_show), self, G_CONNECT_SWAPPED);
  on_districts_reloaded (self);
}

static JsonNode *
atlas_map_page_save_camera (AtlasView *view)
{
  AtlasMapPage *self = ATLAS_MAP_PAGE (view);

  return atlas_viewport_to_json (atlas_map_view_get_viewport (self->view));
}

static void
atlas_map_page_restore_camera (AtlasView *view,
                               JsonNode  *camera,
                               gboolean   animate)
{
  AtlasMapPage *self = ATLAS_MAP_PAGE (view);
  AtlasViewport *viewport = atlas_map_view_get_viewport (self->view);
  double lon = atlas_viewport_get_lon (viewport);
  double lat = atlas_viewport_get_lat (viewport);
  double zoom = atlas_viewport_get_zoom (viewport);

  if (!atlas_viewport_parse_json (camera, &lon, &lat, &zoom))
    return;

  if (animate)
    atlas_viewport_fly_to (viewport, GTK_WIDGET (self->view), lon, lat, zoom);
  else
    {
      atlas_viewport_stop (viewport);
      atlas_viewport_set (viewport, lon, lat, zoom);
    }
}

static GskRenderNode *
atlas_map_page_view_render (AtlasView *view,
                            int        width,
                            int        height,
                            gboolean   dark)
{
  return atlas_map_page_render (ATLAS_MAP_PAGE (view), width, height, dark);
}

static void
atlas_map_page_set_presenting (AtlasView *view,
                               gboolean   presenting)
{
  AtlasMapPage *self = ATLAS_MAP_PAGE (view);

  GtkWidget *overlay = gtk_widget_get_parent (GTK_WIDGET (self->view));

  self->presenting = !!presenting;
  atlas_map_view_set_presenting (self->view, presenting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.export", !presenting);

  /* On stage the map stands alone: the floating controls (zoom, choropleth,
   * export) are for editing, and the legend is drawn by the painter anyway.
   */
  for (GtkWidget *child = gtk_widget_get_first_child (overlay); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (child != GTK_WIDGET (self->view))
      gtk_widget_set_visible (child, !presenting);
  /* ...and the empty state and the notice only when they have something to say. */
  if (self->session != NULL)
    {
      update_empty_state (self);
      update_unplaced (self);
    }
}

/* The selected site's marker, or the whole map when nothing is selected. */
static gboolean
atlas_map_page_get_subject_bounds (AtlasView       *view,
                                   graphene_rect_t *bounds)
{
  AtlasMapPage *self = ATLAS_MAP_PAGE (view);
  AtlasItem *item = self->state ? atlas_state_get_selection (self->state) : NULL;
  int w = gtk_widget_get_width (GTK_WIDGET (self->view));
  int h = gtk_widget_get_height (GTK_WIDGET (self->view));
  graphene_point_t origin;
  double x, y;

  if (item == NULL || !ATLAS_IS_SITE (item) || w <= 0 || h <= 0 ||
      !gtk_widget_compute_point (GTK_WIDGET (self->view), GTK_WIDGET (self),
                                 &GRAPHENE_POINT_INIT (0, 0), &origin))
    return FALSE;
  /* A site known only by its area has no marker: the map is the subject. */
  if (!atlas_site_has_point (ATLAS_SITE (item)))
    return FALSE;
  atlas_viewport_to_screen (atlas_map_view_get_viewport (self->view),
                            atlas_site_get_lon (ATLAS_SITE (item)), atlas_site_get_lat (ATLAS_SITE (item)),
                            w, h, &x, &y);
  /* The marker and the ring drawn round it when selected. */
  graphene_rect_init (bounds, origin.x + x - 12, origin.y + y - 12, 24, 24);
  return TRUE;
}

static void
atlas_map_page_view_init (AtlasViewInterface *iface)
{
  iface->bind = atlas_map_page_bind;
  iface->save_camera = atlas_map_page_save_camera;
  iface->restore_camera = atlas_map_page_restore_camera;
  iface->render = atlas_map_page_view_render;
  iface->set_presenting = atlas_map_page_set_presenting;
  iface->get_subject_bounds = atlas_map_page_get_subject_bounds;
}

/* ---- GObject ----------------------------------------------------------- */

static void
atlas_map_page_dispose (GObject *object)
{
  AtlasMapPage *self = ATLAS_MAP_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_MAP_PAGE);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL; )
    gtk_widget_unparent (child);
  g_clear_object (&self->dataset);
  g_clear_object (&self->state);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (atlas_map_page_parent_class)->dispose (object);
}

static void
atlas_map_page_class_init (AtlasMapPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_map_page_dispose;

  g_type_ensure (ATLAS_TYPE_MAP_VIEW);
  g_type_ensure (ATLAS_TYPE_EMPTY_STATE);
  g_type_ensure (ATLAS_TYPE_MAP_INSET);
  g_type_ensure (ATLAS_TYPE_MAP_SITE_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-map-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasMapPage, view);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapPage, empty_state);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapPage, inset);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapPage, choropleth_switch);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapPage, measure_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapPage, district_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapPage, district_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapPage, unplaced_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasMapPage, unplaced_list);
  gtk_widget_class_bind_template_callback (widget_class, on_choropleth_controls_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_district_activated);

  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "map.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "map.choose-district", NULL, choose_district_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
atlas_map_page_init (AtlasMapPage *self)
{
  g_autoptr(GtkStringList) names = NULL;
  g_autoptr(GtkListItemFactory) factory = atlas_accessible_label_factory_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  names = gtk_string_list_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    gtk_string_list_append (names, atlas_map_measure_get_label (measures[i]));
  self->syncing = TRUE;
  gtk_drop_down_set_factory (self->measure_dropdown, factory);
  gtk_drop_down_set_model (self->measure_dropdown, G_LIST_MODEL (names));
  self->syncing = FALSE;
  atlas_accessible_name_drop_down (self->measure_dropdown, _("Measure"));

  g_signal_connect_object (atlas_map_view_get_viewport (self->view), "notify::zoom",
                           G_CALLBACK (update_zoom_actions), self, G_CONNECT_SWAPPED);
  update_zoom_actions (self);
}

AtlasMapView *
atlas_map_page_get_view (AtlasMapPage *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_PAGE (self), NULL);
  return self->view;
}
