/* atlas-search-popover.c
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

#include "atlas-search-popover.h"

/* The results under the search entry, as GNOME Maps shows places: grouped
 * Sites, Events, Figures, Districts, the matching part in bold, the kind's
 * icon.  The entry keeps the keyboard focus while the popover is open
 * (autohide off, nothing in it can take focus): typing goes on, ↑ and ↓
 * move the highlighted row, Enter picks it (the best match until the user
 * moves), Escape closes the popover.  The last row filters every view by
 * the text instead, the explicit form of what typing used to do.
 */

struct _AtlasSearchPopover
{
  GtkPopover          parent_instance;

  GtkScrolledWindow  *scroller;
  GtkListBox         *list;

  GtkSearchEntry     *entry;     /* weak: the popover is its child */
  AtlasSearchResults *results;
  GtkEventController *keys;
  GtkListBoxRow      *filter_row;
  GtkLabel           *placeholder;

  guint               follow_id;     /* keeps the popover under the entry */
  graphene_rect_t     entry_bounds;
};

G_DEFINE_FINAL_TYPE (AtlasSearchPopover, atlas_search_popover, GTK_TYPE_POPOVER)

enum {
  RESULT_ACTIVATED,
  FILTER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define RESULT_KEY "atlas-search-result"

/* ---- rows --------------------------------------------------------------- */

static GtkWidget *
make_row (const char *icon_name,
          const char *title_markup,
          const char *subtitle_markup)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (icon, "dim-label");

  gtk_label_set_markup (GTK_LABEL (title), title_markup);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 40);

  gtk_label_set_markup (GTK_LABEL (subtitle), subtitle_markup ? subtitle_markup : "");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (subtitle), 40);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_visible (subtitle, subtitle_markup != NULL && *subtitle_markup != '\0');

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static GtkWidget *
make_result_row (AtlasSearchResult *result)
{
  g_autofree char *title = atlas_search_result_dup_title_markup (result);
  g_autofree char *subtitle = atlas_search_result_dup_subtitle_markup (result);
  g_autofree char *name = NULL;
  GtkWidget *row;

  row = make_row (atlas_search_kind_get_icon_name (atlas_search_result_get_kind (result)),
                  title, subtitle);
  g_object_set_data_full (G_OBJECT (row), RESULT_KEY, g_object_ref (result), g_object_unref);

  /* Translators: what a screen reader says for a search result, "Site: 重庆大学". */
  name = g_strdup_printf (_("%s: %s"),
                          atlas_search_kind_get_label (atlas_search_result_get_kind (result)),
                          atlas_search_result_get_title (result));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return row;
}

static GtkWidget *
make_filter_row (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  /* Translators: the last line of the search results: show only what
   * matches the text, in every view.
   */
  g_autofree char *title = g_strdup_printf (_("Filter by “%s”"), escaped);
  g_autofree char *name = g_strdup_printf (_("Filter by “%s”"), text);
  GtkWidget *row;

  row = make_row ("funnel-symbolic", title, _("Show only what matches, in every view"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return row;
}

static AtlasSearchResult *
row_result (GtkListBoxRow *row)
{
  return row ? g_object_get_data (G_OBJECT (row), RESULT_KEY) : NULL;
}

/* A heading above the first row of each group, and a line above the
 * filter row.
 */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       user_data)
{
  AtlasSearchPopover *self = user_data;
  AtlasSearchResult *result = row_result (row);
  AtlasSearchResult *previous = row_result (before);

  /* Rows go with the list after the popover let go of the results. */
  if (self->results == NULL)
    return;

  if (result == NULL)
    {
      gtk_list_box_row_set_header (row, before ? gtk_separator_new (GTK_ORIENTATION_HORIZONTAL) : NULL);
      return;
    }

  if (previous == NULL || atlas_search_result_get_kind (previous) != atlas_search_result_get_kind (result))
    {
      AtlasSearchKind kind = atlas_search_result_get_kind (result);
      guint found = atlas_search_results_get_n_found (self->results, kind);
      g_autofree char *text = NULL;
      GtkWidget *label;

      /* Translators: a group of search results and how many were found, "Sites (12)". */
      text = g_strdup_printf (_("%s (%u)"), atlas_search_kind_get_label (kind), found);
      label = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_top (label, before ? 10 : 6);
      gtk_widget_set_margin_bottom (label, 2);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_row_set_header (row, label);
    }
  else
    gtk_list_box_row_set_header (row, NULL);
}

static void
select_first (AtlasSearchPopover *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->list, 0);

  gtk_list_box_select_row (self->list, first);
  if (first != NULL)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/* The list follows the model: few rows, rebuilt whole. */
static void
rebuild (AtlasSearchPopover *self)
{
  GListModel *model = G_LIST_MODEL (self->results);
  const char *text = atlas_search_results_get_text (self->results);
  guint n = g_list_model_get_n_items (model);

  /* Rows only: the placeholder is a child of the list too. */
  for (GtkListBoxRow *row; (row = gtk_list_box_get_row_at_index (self->list, 0)) != NULL; )
    gtk_list_box_remove (self->list, GTK_WIDGET (row));
  self->filter_row = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasSearchResult) result = g_list_model_get_item (model, i);

      gtk_list_box_append (self->list, make_result_row (result));
    }

  {
    /* Translators: shown under the search entry when the text finds nothing. */
    g_autofree char *nothing = g_strdup_printf (_("Nothing found for “%s”"), text);

    gtk_label_set_text (self->placeholder, nothing);
  }

  /* Filtering by a text nothing matches would only empty every view. */
  if (n > 0)
    {
      self->filter_row = GTK_LIST_BOX_ROW (make_filter_row (text));
      gtk_list_box_append (self->list, GTK_WIDGET (self->filter_row));
    }

  select_first (self);
}

static void
on_row_activated (AtlasSearchPopover *self,
                  GtkListBoxRow      *row)
{
  gtk_list_box_select_row (self->list, row);
  atlas_search_popover_activate_selected (self);
}

/* ---- keys on the entry ---------------------------------------------------- */

static gboolean
on_entry_key_pressed (AtlasSearchPopover    *self,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      GtkEventControllerKey *controller)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    return GDK_EVENT_PROPAGATE;
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      atlas_search_popover_move (self, 1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      atlas_search_popover_move (self, -1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      atlas_search_popover_move (self, 5);
      return GDK_EVENT_STOP;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      atlas_search_popover_move (self, -5);
      return GDK_EVENT_STOP;
    case GDK_KEY_Escape:
      /* The first Escape closes the results, the next the search. */
      gtk_popover_popdown (GTK_POPOVER (self));
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

/* ---- following the entry -------------------------------------------------- */

/* A popover is placed when its parent is allocated, and a search entry does
 * not know it has one: while the search bar slides in (or a banner above
 * comes or goes) the entry moves and the popover must follow, every frame
 * it is shown.
 */
static gboolean
follow_entry (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  AtlasSearchPopover *self = ATLAS_SEARCH_POPOVER (widget);
  graphene_rect_t bounds;

  if (self->entry == NULL)
    return G_SOURCE_CONTINUE;

  if (gtk_widget_compute_bounds (GTK_WIDGET (self->entry),
                                 GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self->entry))), &bounds) &&
      !graphene_rect_equal (&bounds, &self->entry_bounds))
    {
      self->entry_bounds = bounds;
      gtk_popover_present (GTK_POPOVER (self));
    }
  return G_SOURCE_CONTINUE;
}

static void
atlas_search_popover_map (GtkWidget *widget)
{
  AtlasSearchPopover *self = ATLAS_SEARCH_POPOVER (widget);

  GTK_WIDGET_CLASS (atlas_search_popover_parent_class)->map (widget);

  graphene_rect_init (&self->entry_bounds, 0, 0, 0, 0);
  if (self->follow_id == 0)
    self->follow_id = gtk_widget_add_tick_callback (widget, follow_entry, NULL, NULL);
}

static void
atlas_search_popover_unmap (GtkWidget *widget)
{
  AtlasSearchPopover *self = ATLAS_SEARCH_POPOVER (widget);

  if (self->follow_id != 0)
    gtk_widget_remove_tick_callback (widget, self->follow_id);
  self->follow_id = 0;

  GTK_WIDGET_CLASS (atlas_search_popover_parent_class)->unmap (widget);
}

/* ---- GObject ------------------------------------------------------------ */

static void
atlas_search_popover_show (GtkWidget *widget)
{
  AtlasSearchPopover *self = ATLAS_SEARCH_POPOVER (widget);

  /* As wide as the entry, not narrower than the rows need. */
  if (self->entry != NULL)
    gtk_widget_set_size_request (GTK_WIDGET (self->scroller),
                                 MAX (gtk_widget_get_width (GTK_WIDGET (self->entry)), 360), -1);

  GTK_WIDGET_CLASS (atlas_search_popover_parent_class)->show (widget);
}

static void
atlas_search_popover_dispose (GObject *object)
{
  AtlasSearchPopover *self = (AtlasSearchPopover *)object;

  atlas_search_popover_detach (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_SEARCH_POPOVER);

  G_OBJECT_CLASS (atlas_search_popover_parent_class)->dispose (object);
}

static void
atlas_search_popover_class_init (AtlasSearchPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_search_popover_dispose;
  widget_class->show = atlas_search_popover_show;
  widget_class->map = atlas_search_popover_map;
  widget_class->unmap = atlas_search_popover_unmap;

  /**
   * AtlasSearchPopover::result-activated:
   * @result: the #AtlasSearchResult picked
   */
  signals[RESULT_ACTIVATED] =
    g_signal_new ("result-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, ATLAS_TYPE_SEARCH_RESULT);

  /**
   * AtlasSearchPopover::filter-activated:
   * @text: the text to filter by
   */
  signals[FILTER_ACTIVATED] =
    g_signal_new ("filter-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-search-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasSearchPopover, scroller);
  gtk_widget_class_bind_template_child (widget_class, AtlasSearchPopover, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
atlas_search_popover_init (AtlasSearchPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_header_func (self->list, update_header, self, NULL);

  self->placeholder = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->placeholder, TRUE);
  gtk_label_set_max_width_chars (self->placeholder, 40);
  gtk_widget_set_margin_top (GTK_WIDGET (self->placeholder), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->placeholder), 18);
  gtk_widget_set_margin_start (GTK_WIDGET (self->placeholder), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->placeholder), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->placeholder), "dim-label");
  gtk_list_box_set_placeholder (self->list, GTK_WIDGET (self->placeholder));
}

AtlasSearchPopover *
atlas_search_popover_new (void)
{
  return g_object_new (ATLAS_TYPE_SEARCH_POPOVER, NULL);
}

/**
 * atlas_search_popover_attach:
 *
 * Shows @results under @entry and takes ↑, ↓, Page Up, Page Down and
 * Escape from it while open.  The popover becomes the entry's child: call
 * atlas_search_popover_detach() before the entry goes.
 */
void
atlas_search_popover_attach (AtlasSearchPopover *self,
                             GtkSearchEntry     *entry,
                             AtlasSearchResults *results)
{
  g_return_if_fail (ATLAS_IS_SEARCH_POPOVER (self));
  g_return_if_fail (GTK_IS_SEARCH_ENTRY (entry));
  g_return_if_fail (ATLAS_IS_SEARCH_RESULTS (results));
  g_return_if_fail (self->entry == NULL);

  self->entry = entry;
  self->results = g_object_ref (results);
  gtk_widget_set_parent (GTK_WIDGET (self), GTK_WIDGET (entry));

  /* Before the entry's text sees them. */
  self->keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (self->keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (self->keys, "key-pressed", G_CALLBACK (on_entry_key_pressed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (entry), self->keys);

  g_signal_connect_object (results, "items-changed", G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  rebuild (self);
}

void
atlas_search_popover_detach (AtlasSearchPopover *self)
{
  g_return_if_fail (ATLAS_IS_SEARCH_POPOVER (self));

  if (self->results != NULL)
    g_signal_handlers_disconnect_by_data (self->results, self);
  g_clear_object (&self->results);
  if (self->entry != NULL)
    {
      gtk_widget_remove_controller (GTK_WIDGET (self->entry), self->keys);
      self->keys = NULL;
      self->entry = NULL;
      gtk_widget_unparent (GTK_WIDGET (self));
    }
}

/* Moves the highlight by @delta rows, stopping at the ends. */
void
atlas_search_popover_move (AtlasSearchPopover *self,
                           int                 delta)
{
  GtkListBoxRow *row;
  int index, n = 0;

  g_return_if_fail (ATLAS_IS_SEARCH_POPOVER (self));

  while (gtk_list_box_get_row_at_index (self->list, n) != NULL)
    n++;
  if (n == 0)
    return;

  row = gtk_list_box_get_selected_row (self->list);
  index = row ? gtk_list_box_row_get_index (row) : -1;
  index = CLAMP (index + delta, 0, n - 1);
  row = gtk_list_box_get_row_at_index (self->list, index);
  gtk_list_box_select_row (self->list, row);

  /* Keep it in view (the list cannot take focus to scroll itself). */
  {
    graphene_rect_t bounds;
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

    if (gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->list), &bounds))
      {
        double top = bounds.origin.y, bottom = top + bounds.size.height;
        double value = gtk_adjustment_get_value (adjustment);
        double page = gtk_adjustment_get_page_size (adjustment);

        if (top < value)
          gtk_adjustment_set_value (adjustment, top);
        else if (bottom > value + page)
          gtk_adjustment_set_value (adjustment, bottom - page);
      }
  }
}

/**
 * atlas_search_popover_get_selected:
 *
 * Returns: (transfer none) (nullable): the highlighted result; %NULL when
 *   the filter row or nothing is highlighted
 */
AtlasSearchResult *
atlas_search_popover_get_selected (AtlasSearchPopover *self)
{
  g_return_val_if_fail (ATLAS_IS_SEARCH_POPOVER (self), NULL);

  return row_result (gtk_list_box_get_selected_row (self->list));
}

gboolean
atlas_search_popover_get_filter_selected (AtlasSearchPopover *self)
{
  g_return_val_if_fail (ATLAS_IS_SEARCH_POPOVER (self), FALSE);

  return self->filter_row != NULL && gtk_list_box_get_selected_row (self->list) == self->filter_row;
}

/**
 * atlas_search_popover_activate_selected:
 *
 * What Enter does: picks the highlighted result (the first, unless the
 * user moved), or filters by the text if that row is highlighted, and
 * closes the popover.
 *
 * Returns: whether there was something to pick
 */
gboolean
atlas_search_popover_activate_selected (AtlasSearchPopover *self)
{
  AtlasSearchResult *result;

  g_return_val_if_fail (ATLAS_IS_SEARCH_POPOVER (self), FALSE);

  if (atlas_search_popover_get_filter_selected (self))
    {
      g_autofree char *text = g_strdup (atlas_search_results_get_text (self->results));

      gtk_popover_popdown (GTK_POPOVER (self));
      g_signal_emit (self, signals[FILTER_ACTIVATED], 0, text);
      return TRUE;
    }

  result = atlas_search_popover_get_selected (self);
  if (result == NULL)
    return FALSE;

  g_object_ref (result);
  gtk_popover_popdown (GTK_POPOVER (self));
  g_signal_emit (self, signals[RESULT_ACTIVATED], 0, result);
  g_object_unref (result);
  return TRUE;
}

/* The rows shown, the filter row included. */
guint
atlas_search_popover_get_n_rows (AtlasSearchPopover *self)
{
  guint n = 0;

  g_return_val_if_fail (ATLAS_IS_SEARCH_POPOVER (self), 0);

  while (gtk_list_box_get_row_at_index (self->list, n) != NULL)
    n++;
  return n;
}
