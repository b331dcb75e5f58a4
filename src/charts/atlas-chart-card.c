/* atlas-chart-card.c
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
#include "atlas-chart-card.h"
#include "atlas-chart.h"
#include "atlas-dataset.h"
#include "atlas-date.h"
#include "atlas-item.h"
#include "atlas-render.h"
#include "atlas-source.h"
#include "atlas-state.h"

/* One chart of the gallery: its title, legend, the chart (or, with the
 * Table toggle, the numbers behind it), the source line that selects the
 * source, and a menu to export the picture or the data.  Clicking a mark
 * that stands for sites, a district or a year applies it to the shared
 * state, as the map and the timeline do.
 */

struct _AtlasChartCard
{
  GtkWidget             parent_instance;

  GtkLabel             *title_label;
  GtkLabel             *legend_label;
  GtkStack             *stack;
  AtlasChartCanvas     *canvas;
  GtkColumnView        *table;
  GtkToggleButton      *table_button;
  GtkMenuButton        *menu_button;
  GtkToggleButton      *sort_button;
  GtkButton            *source_button;
  GtkLabel             *source_label;

  AtlasChartDefinition *definition;
  AtlasSession         *session;
  AtlasState           *state;
  AtlasChartSeries     *series;
  gboolean              presenting;
};

G_DEFINE_FINAL_TYPE (AtlasChartCard, atlas_chart_card, GTK_TYPE_WIDGET)

enum
{
  COLUMN_LABEL,
  COLUMN_VALUE,
  COLUMN_PERIOD,
  COLUMN_SCOPE,
  N_COLUMNS
};

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (data) == COLUMN_VALUE ? 1 : 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  if (GPOINTER_TO_INT (data) == COLUMN_VALUE)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static char *
dup_cell_text (AtlasChartCard  *self,
               AtlasChartPoint *point,
               int              column)
{
  switch (column)
    {
    case COLUMN_LABEL:
      {
        const char *layer = atlas_chart_series_get_n_layers (self->series) > 1
                            ? atlas_chart_series_get_layer (self->series, atlas_chart_point_get_layer (point))
                            : NULL;
        return layer ? g_strdup_printf ("%s · %s", atlas_chart_point_get_label (point), layer)
                     : g_strdup (atlas_chart_point_get_label (point));
      }
    case COLUMN_VALUE:
      {
        g_autofree char *value = atlas_chart_point_dup_value_text (point);

        return atlas_chart_point_get_is_target (point)
               ? g_strdup_printf (_("%s (target)"), value) : g_steal_pointer (&value);
      }
    case COLUMN_PERIOD:
      return g_strdup (atlas_chart_point_get_period (point));
    case COLUMN_SCOPE:
    default:
      return g_strdup (atlas_chart_point_get_scope (point));
    }
}

/* A row, as a screen reader says it: every cell in turn. */
static char *
dup_row_text (AtlasChartCard  *self,
              AtlasChartPoint *point)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (int column = COLUMN_LABEL; column < N_COLUMNS; column++)
    {
      g_autofree char *cell = dup_cell_text (self, point, column);

      if (cell == NULL || *cell == '\0')
        continue;
      if (text->len > 0)
        g_string_append (text, C_("table row", ", "));
      g_string_append (text, cell);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  AtlasChartCard *self = g_object_get_data (G_OBJECT (factory), "card");
  AtlasChartPoint *point = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *text = dup_cell_text (self, point, GPOINTER_TO_INT (data));
  g_autofree char *row = dup_row_text (self, point);

  gtk_label_set_text (label, text ? text : "");
  /* GTK 4.8 would call every row "GtkListItemWidget". */
  atlas_accessible_label_column_cell (item, text, row);
}

static void
add_column (AtlasChartCard *self,
            const char     *title,
            int             column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "card", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, column == COLUMN_LABEL);
  gtk_column_view_append_column (self->table, view_column);
}

static void
update_legend (AtlasChartCard *self)
{
  AtlasChart *chart = atlas_chart_canvas_get_chart (self->canvas);
  AtlasChartKind kind = atlas_chart_definition_get_kind (self->definition);
  g_autoptr(GString) markup = g_string_new (NULL);

  if (chart == NULL)
    return;

  if (atlas_chart_series_get_n_layers (self->series) > 1 &&
      kind != ATLAS_CHART_KIND_DONUT && kind != ATLAS_CHART_KIND_CARDS)
    for (guint l = 0; l < atlas_chart_series_get_n_layers (self->series); l++)
      {
        GdkRGBA color;
        g_autofree char *hex = NULL;
        g_autofree char *name = g_markup_escape_text (atlas_chart_series_get_layer (self->series, l), -1);

        atlas_chart_get_layer_color (chart, l, &color);
        hex = g_strdup_printf ("#%02x%02x%02x", (int) (color.red * 255), (int) (color.green * 255),
                               (int) (color.blue * 255));
        g_string_append_printf (markup, "%s<span foreground=\"%s\">■</span> %s",
                                markup->len ? "   " : "", hex, name);
      }

  if (atlas_chart_series_has_targets (self->series) && kind != ATLAS_CHART_KIND_CARDS)
    {
      g_autofree char *note = g_markup_escape_text (_("Hollow marks are targets or plans, not results"), -1);

      g_string_append_printf (markup, "%s□ %s", markup->len ? "   " : "", note);
    }

  gtk_label_set_markup (self->legend_label, markup->str);
  gtk_widget_set_visible (GTK_WIDGET (self->legend_label), markup->len > 0);
}

/* Rebuilds the numbers (the shared filters may have changed) and everything
 * that shows them.
 */
void
atlas_chart_card_refresh (AtlasChartCard *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasChartSeries) series = NULL;
  g_autoptr(AtlasChart) chart = NULL;
  g_autofree char *source = NULL;
  g_autofree char *export_name = NULL;
  g_autofree char *table_name = NULL;
  g_autofree char *source_name = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (ATLAS_IS_CHART_CARD (self));

  if (self->session == NULL)
    return;

  series = atlas_chart_series_new_for_definition (self->definition, self->session, &error);
  if (series == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }
  g_set_object (&self->series, series);

  chart = atlas_chart_new (atlas_chart_definition_get_kind (self->definition), series);
  atlas_chart_set_presenting (chart, self->presenting);
  atlas_chart_set_sort_by_value (chart, gtk_toggle_button_get_active (self->sort_button));
  gtk_widget_set_visible (GTK_WIDGET (self->sort_button), atlas_chart_can_sort (chart));
  atlas_chart_canvas_set_chart (self->canvas, chart);

  gtk_label_set_text (self->title_label, atlas_chart_series_get_title (series));
  atlas_accessible_set_label (GTK_WIDGET (self), atlas_chart_series_get_title (series));
  source = atlas_chart_series_dup_source_text (series);
  gtk_label_set_text (self->source_label, source);

  /* Thirteen cards: each button says which chart it is for. */
  export_name = g_strdup_printf (_("Export “%s”"), atlas_chart_series_get_title (series));
  atlas_accessible_set_label (GTK_WIDGET (self->menu_button), export_name);
  table_name = g_strdup_printf (_("Table of “%s”"), atlas_chart_series_get_title (series));
  atlas_accessible_set_label (GTK_WIDGET (self->table_button), table_name);
  /* Translators: the name screen readers give the source line under a
   * chart, which shows the source: "Source: Chongqing Daily, 2021, for the
   * chart “R&D spending”".
   */
  source_name = g_strdup_printf (C_("chart source button", "%s, for the chart “%s”"),
                                 source, atlas_chart_series_get_title (series));
  atlas_accessible_set_label (GTK_WIDGET (self->source_button), source_name);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (series)));
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (selection));
  update_legend (self);
}

static void
on_filters_changed (AtlasChartCard *self)
{
  /* Only aggregations of the records follow the filters. */
  if (atlas_chart_definition_get_aggregation (self->definition) != NULL)
    atlas_chart_card_refresh (self);
}

static void
on_dark_changed (AtlasChartCard *self)
{
  update_legend (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

/**
 * atlas_chart_card_apply_point:
 *
 * What activating a mark does: a category bar shows only that category
 * (again: all), a district bar filters to the district (again: clears), a
 * year limits the time range to the year (again: clears), a statistic is
 * selected for the details pane.
 */
void
atlas_chart_card_apply_point (AtlasChartCard  *self,
                              AtlasChartPoint *point)
{
  int value = atlas_chart_point_get_link_value (point);

  g_return_if_fail (ATLAS_IS_CHART_CARD (self));
  if (self->state == NULL)
    return;

  switch (atlas_chart_point_get_link (point))
    {
    case ATLAS_CHART_LINK_CATEGORY:
      if (atlas_state_get_categories (self->state) == (1u << value))
        atlas_state_set_categories (self->state, ATLAS_ALL_SITE_CATEGORIES);
      else
        atlas_state_set_categories (self->state, 1u << value);
      break;
    case ATLAS_CHART_LINK_DISTRICT:
      atlas_state_set_district (self->state, atlas_state_get_district (self->state) == value ? 0 : value);
      break;
    case ATLAS_CHART_LINK_YEAR:
      {
        guint32 first = atlas_julian_from_ymd (value, 1, 1);
        guint32 last = atlas_julian_from_ymd (value, 12, 31);

        if (atlas_state_has_time_range (self->state) &&
            atlas_state_get_time_first (self->state) == first &&
            atlas_state_get_time_last (self->state) == last)
          atlas_state_clear_time_range (self->state);
        else
          atlas_state_set_time_range (self->state, first, last);
      }
      break;
    case ATLAS_CHART_LINK_ITEM:
      if (atlas_chart_point_get_item (point) != NULL)
        atlas_state_set_selection (self->state, atlas_chart_point_get_item (point));
      break;
    case ATLAS_CHART_LINK_NONE:
    default:
      break;
    }
}

static void
on_mark_activated (AtlasChartCard  *self,
                   AtlasChartPoint *point)
{
  atlas_chart_card_apply_point (self, point);
}

/* Bars largest first, or back in the series' order. */
static void
on_sort_toggled (AtlasChartCard *self)
{
  AtlasChart *chart = atlas_chart_canvas_get_chart (self->canvas);

  if (chart == NULL)
    return;
  atlas_chart_set_sort_by_value (chart, gtk_toggle_button_get_active (self->sort_button));
  gtk_widget_queue_draw (GTK_WIDGET (self->canvas));
}

static void
on_table_toggled (AtlasChartCard *self)
{
  gtk_stack_set_visible_child_name (self->stack,
                                    gtk_toggle_button_get_active (self->table_button) ? "table" : "chart");
}

static void
select_source (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AtlasChartCard *self = ATLAS_CHART_CARD (widget);
  GPtrArray *sources;

  if (self->state == NULL || self->series == NULL)
    return;

  sources = atlas_chart_series_get_sources (self->series);
  if (sources->len > 0)
    atlas_state_set_selection (self->state, ATLAS_ITEM (g_ptr_array_index (sources, 0)));
  else
    atlas_state_set_page (self->state, "sources");
}

/* The picture of the chart as exported: title, legend, plot and source. */
GskRenderNode *
atlas_chart_card_render (AtlasChartCard *self,
                         int             width,
                         int             height,
                         gboolean        dark)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(AtlasPangoContext) context = atlas_chart_create_headless_context ();
  g_autoptr(AtlasChart) chart = NULL;

  g_return_val_if_fail (ATLAS_IS_CHART_CARD (self), NULL);
  if (self->series == NULL)
    return NULL;

  chart = atlas_chart_new (atlas_chart_definition_get_kind (self->definition), self->series);
  atlas_chart_set_variant (chart, atlas_style_variant_for (dark, FALSE, self->presenting));
  atlas_chart_set_presenting (chart, self->presenting);
  atlas_chart_set_sort_by_value (chart, gtk_toggle_button_get_active (self->sort_button));
  atlas_chart_snapshot_framed (chart, snapshot, context, width, height);
  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

/* Writes the chart as PNG/SVG/PDF or its data as CSV, by @file's extension. */
gboolean
atlas_chart_card_export (AtlasChartCard  *self,
                         GFile           *file,
                         GError         **error)
{
  return atlas_chart_card_export_sized (self, file, ATLAS_EXPORT_SIZE_AS_SHOWN, error);
}

/**
 * atlas_chart_card_export_sized:
 * @size: AS_SHOWN lays the chart out 1200 pixels wide at its natural
 *   height; SLIDE and A4 at their own sizes (see atlas_render_export_size_get())
 */
gboolean
atlas_chart_card_export_sized (AtlasChartCard   *self,
                               GFile            *file,
                               AtlasExportSize   size,
                               GError          **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (ATLAS_IS_CHART_CARD (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->series == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The chart has no data"));
      return FALSE;
    }

  name = g_file_get_basename (file);
  if (g_str_has_suffix (name, ".csv") || g_str_has_suffix (name, ".CSV"))
    {
      g_autofree char *csv = atlas_chart_series_to_csv (self->series);

      return g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE,
                                      G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
    }
  else
    {
      g_autoptr(AtlasChart) chart = atlas_chart_new (atlas_chart_definition_get_kind (self->definition),
                                                     self->series);
      g_autoptr(AtlasPangoContext) context = atlas_chart_create_headless_context ();
      int width, height;
      g_autoptr(GskRenderNode) node = NULL;

      atlas_render_export_size_get (size, 1200, atlas_chart_get_natural_height (chart, context, 1100) + 160,
                                    &width, &height);
      node = atlas_chart_card_render (self, width, height, FALSE);
      return atlas_render_node_to_file_sized (node, width, height, size, file, error);
    }
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    AtlasChartCard  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;

      if (!atlas_chart_card_export_sized (self, file, atlas_render_get_size_choice (GTK_FILE_CHOOSER (dialog)),
                                          &error))
        {
          GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
          GtkWidget *message = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Export failed"), error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (message), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (message));
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  AtlasChartCard *self = ATLAS_CHART_CARD (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *name = g_strdup_printf ("%s.%s", atlas_chart_definition_get_id (self->definition), format);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (g_str_equal (format, "csv") ? _("Export Data") : _("Export Chart"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (!g_str_equal (format, "csv"))
    atlas_render_add_size_choice (GTK_FILE_CHOOSER (chooser));
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
atlas_chart_card_dispose (GObject *object)
{
  AtlasChartCard *self = ATLAS_CHART_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_CHART_CARD);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->definition);
  g_clear_object (&self->session);
  g_clear_object (&self->state);
  g_clear_object (&self->series);
  G_OBJECT_CLASS (atlas_chart_card_parent_class)->dispose (object);
}

static void
atlas_chart_card_class_init (AtlasChartCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_chart_card_dispose;

  g_type_ensure (ATLAS_TYPE_CHART_CANVAS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cqatlas/ScienceAtlas/ui/atlas-chart-card.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasChartCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasChartCard, legend_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasChartCard, stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasChartCard, canvas);
  gtk_widget_class_bind_template_child (widget_class, AtlasChartCard, table);
  gtk_widget_class_bind_template_child (widget_class, AtlasChartCard, table_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasChartCard, menu_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasChartCard, sort_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasChartCard, source_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasChartCard, source_label);
  gtk_widget_class_bind_template_callback (widget_class, on_mark_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_table_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_sort_toggled);

  gtk_widget_class_install_action (widget_class, "card.export", "s", export_activated);
  gtk_widget_class_install_action (widget_class, "card.select-source", NULL, select_source);
  gtk_widget_class_set_css_name (widget_class, "atlaschartcard");
  /* A group named by its chart, not a "AtlasChartCard" filler. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
atlas_chart_card_init (AtlasChartCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_column (self, _("Item"), COLUMN_LABEL);
  add_column (self, _("Value"), COLUMN_VALUE);
  add_column (self, _("Period"), COLUMN_PERIOD);
  add_column (self, _("Scope"), COLUMN_SCOPE);
  atlas_accessible_name_column_headers (self->table, NULL);

  /* The chart or its table, never both, for screen readers too; the rest
   * mended as for the window (cards are made after it, when the Charts page
   * is first shown).
   */
  atlas_accessible_follow_stack (GTK_WIDGET (self->stack));
  atlas_accessible_fix_names (GTK_WIDGET (self));

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);
}

GtkWidget *
atlas_chart_card_new (AtlasChartDefinition *definition)
{
  AtlasChartCard *self;

  g_return_val_if_fail (ATLAS_IS_CHART_DEFINITION (definition), NULL);

  self = g_object_new (ATLAS_TYPE_CHART_CARD, NULL);
  self->definition = g_object_ref (definition);
  return GTK_WIDGET (self);
}

AtlasChartDefinition *
atlas_chart_card_get_definition (AtlasChartCard *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_CARD (self), NULL);
  return self->definition;
}

AtlasChartCanvas *
atlas_chart_card_get_canvas (AtlasChartCard *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_CARD (self), NULL);
  return self->canvas;
}

AtlasChartSeries *
atlas_chart_card_get_series (AtlasChartCard *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_CARD (self), NULL);
  return self->series;
}

/* The card counts with the session's filters and follows its changes and
 * reloads.
 */
gboolean
atlas_chart_card_bind (AtlasChartCard  *self,
                       AtlasSession    *session,
                       GError         **error)
{
  g_autoptr(AtlasChartSeries) probe = NULL;

  g_return_val_if_fail (ATLAS_IS_CHART_CARD (self), FALSE);
  g_return_val_if_fail (ATLAS_IS_SESSION (session), FALSE);
  g_return_val_if_fail (self->session == NULL, FALSE);

  probe = atlas_chart_series_new_for_definition (self->definition, session, error);
  if (probe == NULL)
    return FALSE;

  self->session = g_object_ref (session);
  self->state = g_object_ref (atlas_session_get_state (session));
  g_signal_connect_object (session, "filters-changed", G_CALLBACK (on_filters_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "reloaded", G_CALLBACK (atlas_chart_card_refresh), self,
                           G_CONNECT_SWAPPED);

  atlas_chart_card_refresh (self);
  return TRUE;
}

void
atlas_chart_card_set_presenting (AtlasChartCard *self,
                                 gboolean        presenting)
{
  g_return_if_fail (ATLAS_IS_CHART_CARD (self));

  self->presenting = !!presenting;
  atlas_chart_canvas_set_presenting (self->canvas, presenting);
  if (presenting)
    gtk_widget_add_css_class (GTK_WIDGET (self), "presenting");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "presenting");

  /* The audience sees the chart, not the buttons to turn it into a table or
   * a file; the source stays, as text.
   */
  if (presenting)
    atlas_chart_card_set_table_visible (self, FALSE);
  for (GtkWidget *child = gtk_widget_get_first_child (gtk_widget_get_parent (GTK_WIDGET (self->table_button)));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_MENU_BUTTON (child) || child == GTK_WIDGET (self->table_button))
      gtk_widget_set_visible (child, !presenting);
  gtk_widget_set_can_target (GTK_WIDGET (self->source_button), !presenting);
}

void
atlas_chart_card_set_table_visible (AtlasChartCard *self,
                                    gboolean        visible)
{
  g_return_if_fail (ATLAS_IS_CHART_CARD (self));
  gtk_toggle_button_set_active (self->table_button, visible);
}

gboolean
atlas_chart_card_get_table_visible (AtlasChartCard *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_CARD (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "table") == 0;
}
