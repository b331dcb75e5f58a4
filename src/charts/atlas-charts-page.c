/* atlas-charts-page.c
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
#include <stdio.h>

#include "atlas-accessible.h"
#include "atlas-chart-card.h"
#include "atlas-chart-point.h"
#include "atlas-chart.h"
#include "atlas-charts-page.h"
#include "atlas-empty-state.h"
#include "atlas-item.h"
#include "atlas-render.h"
#include "atlas-state.h"
#include "atlas-statistic.h"
#include "atlas-view.h"

/* The Charts page: a gallery of cards, one per chart definition, in a
 * scrolled flow box.  Its camera is the chart brought into view.
 *
 * The cards are made the first time the page is shown (or a card is asked
 * for): thirteen charts with their tables were three tenths of the start-up
 * of a window that opens on the map.
 *
 * The search honours the page: a chart of figures shows while the search
 * finds one of its figures, a chart counting the sites or events while it
 * counts any; when no chart is left, an empty state says so.  A figure
 * selected elsewhere (a search result, the details pane) brings its chart
 * into view.
 */

struct _AtlasChartsPage
{
  GtkWidget     parent_instance;

  GtkStack     *stack;
  GtkScrolledWindow *scroller;
  GtkFlowBox   *gallery;

  AtlasSession *session;
  AtlasState   *state;
  GListModel   *definitions;
  char         *current;
  AtlasChartCard *reveal;       /* the card to bring into view next frame */
  guint         reveal_tick;
  gboolean      presenting;
  gboolean      built;

  /* On stage, a chart step shows its chart alone, as large as the stage
   * allows, instead of scrolling the gallery to it.
   */
  AtlasChartCard *solo;
};

static void atlas_charts_page_view_init (AtlasViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasChartsPage, atlas_charts_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ATLAS_TYPE_VIEW, atlas_charts_page_view_init))

static void
on_card_focus (GtkEventControllerFocus *controller,
               AtlasChartsPage         *self)
{
  AtlasChartCard *card = ATLAS_CHART_CARD (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));

  g_free (self->current);
  self->current = g_strdup (atlas_chart_definition_get_id (atlas_chart_card_get_definition (card)));
}

static void build_cards (AtlasChartsPage *self);

/* Whether the search leaves something in @card: one of its figures found,
 * or (for a count of the sites or events, which follow every filter) any
 * count left.
 */
static gboolean
card_matches (AtlasChartsPage *self,
              AtlasChartCard  *card)
{
  AtlasChartSeries *series = atlas_chart_card_get_series (card);
  AtlasChartDefinition *definition = atlas_chart_card_get_definition (card);
  guint n;

  if (series == NULL)
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (series));
  if (atlas_chart_definition_get_aggregation (definition) != NULL)
    {
      for (guint i = 0; i < n; i++)
        if (atlas_chart_point_get_value (atlas_chart_series_peek_point (series, i)) > 0)
          return TRUE;
      return FALSE;
    }

  if (!(atlas_session_get_active_filters (self->session) & ATLAS_FILTER_SEARCH))
    return TRUE;

  for (guint i = 0; i < n; i++)
    {
      AtlasItem *item = atlas_chart_point_get_item (atlas_chart_series_peek_point (series, i));

      if (item != NULL && atlas_session_match_search (self->session, item))
        return TRUE;
    }
  return FALSE;
}

static void
update_shown (AtlasChartsPage *self)
{
  guint shown = 0;

  if (!self->built)
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->gallery)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *card = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      gboolean matches = ATLAS_IS_CHART_CARD (card) && card_matches (self, ATLAS_CHART_CARD (card));

      gtk_widget_set_visible (child, matches);
      shown += matches;
    }

  gtk_stack_set_visible_child_name (self->stack, shown > 0 ? "charts" : "empty");
}

/* The card whose chart shows @item, if any is shown. */
static AtlasChartCard *
find_card_for (AtlasChartsPage *self,
               AtlasItem       *item)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->gallery)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *card = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      AtlasChartSeries *series;

      if (!ATLAS_IS_CHART_CARD (card) || !gtk_widget_get_visible (child) ||
          (series = atlas_chart_card_get_series (ATLAS_CHART_CARD (card))) == NULL)
        continue;

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (series)); i++)
        if (atlas_chart_point_get_item (atlas_chart_series_peek_point (series, i)) == item)
          return ATLAS_CHART_CARD (card);
    }
  return NULL;
}

static gboolean
remove_highlight (gpointer data)
{
  gtk_widget_remove_css_class (GTK_WIDGET (data), "highlight");
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

static void
highlight (AtlasChartCard *card)
{
  gtk_widget_add_css_class (GTK_WIDGET (card), "highlight");
  g_timeout_add (1200, remove_highlight, g_object_ref (card));
}

/* On the first frame the page is shown and laid out: scroll so that the
 * card is in view, without taking the keyboard from where it is.
 */
static gboolean
reveal_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  AtlasChartsPage *self = ATLAS_CHARTS_PAGE (widget);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_rect_t bounds;

  self->reveal_tick = 0;
  if (self->reveal == NULL)
    return G_SOURCE_REMOVE;

  if (gtk_widget_compute_bounds (GTK_WIDGET (self->reveal), GTK_WIDGET (self->gallery), &bounds))
    {
      double page = gtk_adjustment_get_page_size (adjustment);
      double top = bounds.origin.y - 18;

      /* The card's top in view, and as much of it as fits. */
      if (bounds.size.height < page)
        top -= (page - bounds.size.height) / 3;
      gtk_adjustment_set_value (adjustment, MAX (top, 0));
    }
  highlight (self->reveal);
  g_clear_object (&self->reveal);
  return G_SOURCE_REMOVE;
}

static void
on_selection_changed (AtlasChartsPage *self)
{
  AtlasItem *item = atlas_state_get_selection (self->state);
  AtlasChartCard *card;

  if (item == NULL || !ATLAS_IS_STATISTIC (item))
    return;

  /* A figure to show: the page will be, so its cards are needed now. */
  build_cards (self);
  if ((card = find_card_for (self, item)) == NULL)
    return;

  g_set_object (&self->reveal, card);
  g_free (self->current);
  self->current = g_strdup (atlas_chart_definition_get_id (atlas_chart_card_get_definition (card)));
  if (self->reveal_tick == 0)
    self->reveal_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_tick, NULL, NULL);
}

/**
 * atlas_charts_page_get_n_shown:
 *
 * Returns: how many charts the search and filters leave on the page
 */
guint
atlas_charts_page_get_n_shown (AtlasChartsPage *self)
{
  guint shown = 0;

  g_return_val_if_fail (ATLAS_IS_CHARTS_PAGE (self), 0);

  build_cards (self);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->gallery)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    shown += gtk_widget_get_visible (child);
  return shown;
}

/**
 * atlas_charts_page_get_revealed:
 *
 * Returns: (nullable): the id of the chart last brought into view
 */
const char *
atlas_charts_page_get_revealed (AtlasChartsPage *self)
{
  g_return_val_if_fail (ATLAS_IS_CHARTS_PAGE (self), NULL);

  return self->current;
}

static void
build_cards (AtlasChartsPage *self)
{
  AtlasSession *session = self->session;
  GtkWidget *child;
  guint n;

  if (self->built || session == NULL)
    return;
  self->built = TRUE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->gallery))) != NULL)
    gtk_flow_box_remove (self->gallery, child);

  n = self->definitions ? g_list_model_get_n_items (self->definitions) : 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasChartDefinition) definition = g_list_model_get_item (self->definitions, i);
      g_autoptr(GError) error = NULL;
      GtkWidget *card = atlas_chart_card_new (definition);
      GtkEventController *focus;

      g_object_ref_sink (card);
      if (!atlas_chart_card_bind (ATLAS_CHART_CARD (card), session, &error))
        {
          g_warning ("Chart left out: %s", error->message);
          g_object_unref (card);
          continue;
        }
      gtk_widget_set_size_request (card, 380, -1);
      atlas_chart_card_set_presenting (ATLAS_CHART_CARD (card), self->presenting);
      focus = gtk_event_controller_focus_new ();
      g_signal_connect (focus, "enter", G_CALLBACK (on_card_focus), self);
      gtk_widget_add_controller (card, focus);
      gtk_flow_box_append (self->gallery, card);
      /* The flow box child itself need not take focus: the chart does. */
      gtk_widget_set_focusable (gtk_widget_get_parent (card), FALSE);
      /* Screen readers say which chart the keyboard is in. */
      atlas_accessible_set_label (gtk_widget_get_parent (card),
                                  atlas_chart_series_get_title (atlas_chart_card_get_series (ATLAS_CHART_CARD (card))));
      g_object_unref (card);
    }

  /* After the cards: they refresh their numbers first. */
  g_signal_connect_object (session, "filters-changed", G_CALLBACK (update_shown), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "reloaded", G_CALLBACK (update_shown), self, G_CONNECT_SWAPPED);
  update_shown (self);
}

static void
atlas_charts_page_bind (AtlasView    *view,
                        AtlasSession *session)
{
  AtlasChartsPage *self = ATLAS_CHARTS_PAGE (view);

  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  self->state = g_object_ref (atlas_session_get_state (session));
  g_signal_connect_object (self->state, "notify::selection", G_CALLBACK (on_selection_changed), self,
                           G_CONNECT_SWAPPED);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    build_cards (self);
}

static void
atlas_charts_page_map (GtkWidget *widget)
{
  build_cards (ATLAS_CHARTS_PAGE (widget));

  GTK_WIDGET_CLASS (atlas_charts_page_parent_class)->map (widget);
}

AtlasChartCard *
atlas_charts_page_get_card (AtlasChartsPage *self,
                            const char      *id)
{
  g_return_val_if_fail (ATLAS_IS_CHARTS_PAGE (self), NULL);

  build_cards (self);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->gallery)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *card = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (ATLAS_IS_CHART_CARD (card) &&
          g_strcmp0 (atlas_chart_definition_get_id (atlas_chart_card_get_definition (ATLAS_CHART_CARD (card))), id) == 0)
        return ATLAS_CHART_CARD (card);
    }
  return NULL;
}

static JsonNode *
atlas_charts_page_save_camera (AtlasView *view)
{
  AtlasChartsPage *self = ATLAS_CHARTS_PAGE (view);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *id = self->current;

  if (id == NULL && self->definitions && g_list_model_get_n_items (self->definitions) > 0)
    {
      g_autoptr(AtlasChartDefinition) first = g_list_model_get_item (self->definitions, 0);

      id = atlas_chart_definition_get_id (first);
    }
  if (id == NULL)
    return NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "chart");
  json_builder_add_string_value (builder, id);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static void
clear_solo (AtlasChartsPage *self)
{
  if (self->solo != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->solo));
  self->solo = NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->stack), TRUE);
}

/* A card of its own for @card's chart, filling the page over the hidden
 * gallery.
 */
static void
show_solo (AtlasChartsPage *self,
           AtlasChartCard  *card)
{
  AtlasChartDefinition *definition = atlas_chart_card_get_definition (card);
  g_autoptr(GError) error = NULL;
  GtkWidget *solo;

  if (self->solo != NULL && atlas_chart_card_get_definition (self->solo) == definition)
    return;
  clear_solo (self);
  if (self->session == NULL)
    return;
  solo = g_object_ref_sink (atlas_chart_card_new (definition));
  if (!atlas_chart_card_bind (ATLAS_CHART_CARD (solo), self->session, &error))
    {
      g_warning ("Chart left out: %s", error->message);
      g_object_unref (solo);
      return;
    }
  atlas_chart_card_set_presenting (ATLAS_CHART_CARD (solo), TRUE);
  gtk_widget_add_css_class (solo, "solo");
  /* The plot takes the height the stage gives, not its natural height. */
  gtk_widget_set_vexpand (GTK_WIDGET (atlas_chart_card_get_canvas (ATLAS_CHART_CARD (solo))), TRUE);
  gtk_widget_set_parent (solo, GTK_WIDGET (self));
  g_object_unref (solo);
  self->solo = ATLAS_CHART_CARD (solo);
  gtk_widget_set_visible (GTK_WIDGET (self->stack), FALSE);
}

/**
 * atlas_charts_page_get_solo:
 *
 * Returns: (transfer none) (nullable): the chart shown alone on stage
 */
AtlasChartCard *
atlas_charts_page_get_solo (AtlasChartsPage *self)
{
  g_return_val_if_fail (ATLAS_IS_CHARTS_PAGE (self), NULL);

  return self->solo;
}

static void
atlas_charts_page_restore_camera (AtlasView *view,
                                  JsonNode  *camera,
                                  gboolean   animate)
{
  AtlasChartsPage *self = ATLAS_CHARTS_PAGE (view);
  AtlasChartCard *card;
  const char *id;

  if (camera == NULL || !JSON_NODE_HOLDS_OBJECT (camera))
    return;
  id = json_object_get_string_member_with_default (json_node_get_object (camera), "chart", NULL);
  if (id == NULL || (card = atlas_charts_page_get_card (self, id)) == NULL)
    return;

  g_free (self->current);
  self->current = g_strdup (id);
  if (self->presenting)
    {
      show_solo (self, card);
      return;
    }

  /* Focusing the chart scrolls it into view (the viewport follows focus). */
  gtk_widget_grab_focus (GTK_WIDGET (atlas_chart_card_get_canvas (card)));
  if (animate)
    highlight (card);
}

static GskRenderNode *
atlas_charts_page_render (AtlasView *view,
                          int        width,
                          int        height,
                          gboolean   dark)
{
  AtlasChartsPage *self = ATLAS_CHARTS_PAGE (view);
  g_autoptr(GListStore) charts = NULL;

  /* On stage the picture is the one chart shown. */
  if (self->solo != NULL)
    return atlas_chart_card_render (self->solo, width, height, dark);

  charts = g_list_store_new (ATLAS_TYPE_CHART);

  build_cards (self);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->gallery)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *card = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      AtlasChartSeries *series = atlas_chart_card_get_series (ATLAS_CHART_CARD (card));
      g_autoptr(AtlasChart) chart = NULL;

      if (series == NULL)
        continue;
      chart = atlas_chart_new (atlas_chart_definition_get_kind (atlas_chart_card_get_definition (ATLAS_CHART_CARD (card))),
                               series);
      atlas_chart_set_presenting (chart, self->presenting);
      g_list_store_append (charts, chart);
    }
  return atlas_chart_render_gallery (G_LIST_MODEL (charts), width, height, dark);
}

static void
atlas_charts_page_set_presenting (AtlasView *view,
                                  gboolean   presenting)
{
  AtlasChartsPage *self = ATLAS_CHARTS_PAGE (view);

  self->presenting = !!presenting;
  if (!presenting)
    clear_solo (self);
  gtk_flow_box_set_max_children_per_line (self->gallery, presenting ? 2 : 3);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->gallery)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    atlas_chart_card_set_presenting (ATLAS_CHART_CARD (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child))),
                                     presenting);
}

static gboolean
atlas_charts_page_get_subject_bounds (AtlasView       *view,
                                      graphene_rect_t *bounds)
{
  AtlasChartsPage *self = ATLAS_CHARTS_PAGE (view);

  return self->solo != NULL &&
         gtk_widget_compute_bounds (GTK_WIDGET (self->solo), GTK_WIDGET (self), bounds);
}

static void
atlas_charts_page_view_init (AtlasViewInterface *iface)
{
  iface->get_subject_bounds = atlas_charts_page_get_subject_bounds;
  iface->bind = atlas_charts_page_bind;
  iface->save_camera = atlas_charts_page_save_camera;
  iface->restore_camera = atlas_charts_page_restore_camera;
  iface->render = atlas_charts_page_render;
  iface->set_presenting = atlas_charts_page_set_presenting;
}

static void
atlas_charts_page_dispose (GObject *object)
{
  AtlasChartsPage *self = ATLAS_CHARTS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_CHARTS_PAGE);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  self->solo = NULL;
  if (self->reveal_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick);
  self->reveal_tick = 0;
  g_clear_object (&self->reveal);
  g_clear_object (&self->definitions);
  g_clear_object (&self->state);
  g_clear_object (&self->session);
  g_clear_pointer (&self->current, g_free);
  G_OBJECT_CLASS (atlas_charts_page_parent_class)->dispose (object);
}

static void
atlas_charts_page_class_init (AtlasChartsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_charts_page_dispose;

  widget_class->map = atlas_charts_page_map;

  g_type_ensure (ATLAS_TYPE_EMPTY_STATE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cqatlas/ScienceAtlas/ui/atlas-charts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasChartsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasChartsPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, AtlasChartsPage, gallery);
  gtk_widget_class_set_css_name (widget_class, "atlaschartspage");
}

static void
atlas_charts_page_init (AtlasChartsPage *self)
{
  g_autoptr(GError) error = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The page's own style sheet, once per display. */
  if (gdk_display_get_default () != NULL &&
      g_object_get_data (G_OBJECT (gdk_display_get_default ()), "atlas-charts-css") == NULL)
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, "/io/github/cqatlas/ScienceAtlas/charts/charts.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_object_set_data (G_OBJECT (gdk_display_get_default ()), "atlas-charts-css", GINT_TO_POINTER (1));
    }

  self->definitions = atlas_chart_definition_load_all (&error);
  if (self->definitions == NULL)
    g_critical ("Cannot read the chart definitions: %s", error->message);
}

/* --- Without a display: cq-atlas --render charts / --benchmark charts ---- */

GskRenderNode *
atlas_charts_render (AtlasSession *session,
                     const char   *variant,
                     int           width,
                     int           height,
                     gboolean      dark)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) definitions = atlas_chart_definition_load_all (&error);
  g_autoptr(GListStore) charts = g_list_store_new (ATLAS_TYPE_CHART);
  guint n;

  if (definitions == NULL)
    {
      g_printerr ("%s\n", error->message);
      return NULL;
    }

  n = g_list_model_get_n_items (definitions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasChartDefinition) definition = g_list_model_get_item (definitions, i);
      g_autoptr(AtlasChartSeries) series = NULL;
      g_autoptr(AtlasChart) chart = NULL;

      if (variant != NULL && !g_str_equal (variant, atlas_chart_definition_get_id (definition)))
        continue;
      series = atlas_chart_series_new_for_definition (definition, session, &error);
      if (series == NULL)
        {
          g_printerr ("%s\n", error->message);
          return NULL;
        }
      chart = atlas_chart_new (atlas_chart_definition_get_kind (definition), series);
      atlas_chart_set_variant (chart, atlas_style_variant_for (dark, FALSE, FALSE));

      if (variant != NULL)
        {
          g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
          g_autoptr(AtlasPangoContext) context = atlas_chart_create_headless_context ();
          gtk_snapshot_append_color (snapshot, &atlas_style_get_palette (atlas_style_variant_for (dark, FALSE, FALSE))->window,
                                     &GRAPHENE_RECT_INIT (0, 0, width, height));
          atlas_chart_snapshot_framed (chart, snapshot, context, width, height);
          return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
        }
      g_list_store_append (charts, chart);
    }

  if (variant != NULL)
    return NULL;
  return atlas_chart_render_gallery (G_LIST_MODEL (charts), width, height, dark);
}

/* Synthetic series of @n points: the benchmark measures drawing, not data. */
static AtlasChartSeries *
synthetic_series (guint n)
{
  AtlasChartSeries *series = atlas_chart_series_new ("benchmark", ATLAS_UNIT_COUNT);
  guint32 seed = 12345;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = g_strdup_printf ("%u", 2000 + i);
      g_autoptr(AtlasChartPoint) point = NULL;
      guint x = atlas_chart_series_add_category (series, label);

      seed = seed * 1103515245 + 12345;
      point = atlas_chart_point_new (label, x, 0, 10 + (seed >> 16) % 1000);
      atlas_chart_series_append (series, point);
    }
  return series;
}

void
atlas_charts_benchmark (AtlasDataset *dataset)
{
  static const guint sizes[] = { 10, 1000, 100000 };
  static const struct { const char *name; AtlasChartKind kind; } kinds[] = {
    { "bar", ATLAS_CHART_KIND_VBAR },
    { "line", ATLAS_CHART_KIND_LINE },
  };
  const int width = 800, height = 400;
  g_autoptr(AtlasPangoContext) context = atlas_chart_create_headless_context ();
  cairo_surface_t *target = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
      {
        g_autoptr(AtlasChartSeries) series = synthetic_series (sizes[s]);
        g_autoptr(AtlasChart) chart = atlas_chart_new (kinds[k].kind, series);
        g_autoptr(GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
        double median, max;

        /* A frame: build the node (layout cached after the first, as on
         * screen while hovering) and draw it; the hovered mark moves.
         */
        for (guint i = 0; i < 41; i++)
          {
            g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
            g_autoptr(GskRenderNode) node = NULL;
            gint64 start = g_get_monotonic_time ();
            double ms;

            atlas_chart_snapshot (chart, snapshot, context, width, height, (int) i, -1);
            node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
            ms = (g_get_monotonic_time () - start) / 1000.0 + atlas_render_time_node (node, target);
            if (i > 0)
              g_array_append_val (samples, ms);
          }
        atlas_render_stats (samples, &median, &max);
        printf ("chart-frame kind=%s points=%u median_ms=%.2f\n", kinds[k].name, sizes[s], median);
      }

  cairo_surface_destroy (target);
}
