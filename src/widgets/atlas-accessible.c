/* atlas-accessible.c
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

/* Small helpers that keep what a screen reader hears consistent across the
 * views, and work around what GTK 4.8's accessibility layer gets wrong:
 *
 * - GTK 4.8 names a GtkButton with a mnemonic twice: by its raw label
 *   ("_Clear Filters") and again through the label it is "labelled by"
 *   ("Clear Filters"); a GtkCheckButton keeps the raw label alone.
 *   atlas_accessible_fix_mnemonic_names() leaves one name, as shown.
 * - A GtkStack (and AdwViewStack) exposes every page to assistive
 *   technologies, shown or not.  atlas_accessible_follow_stack() marks the
 *   pages that are not shown as hidden.
 * - A widget's own description is remembered here, so that the announcer
 *   (atlas-announcer.c), which speaks through the focused widget's
 *   description on GTK 4.8, can give it back.
 */

#define OWN_DESCRIPTION "atlas-accessible-description"

/**
 * atlas_accessible_strip_mnemonic:
 * @label: (nullable): a label that may mark its mnemonic with "_"
 *
 * Returns: (transfer full): @label as shown, without the mnemonic marks
 */
char *
atlas_accessible_strip_mnemonic (const char *label)
{
  GString *text;

  if (label == NULL)
    return NULL;

  text = g_string_sized_new (strlen (label));
  for (const char *p = label; *p != '\0'; p++)
    {
      /* "__" is a literal underscore; a single one marks the next letter. */
      if (*p == '_')
        {
          if (p[1] == '_')
            {
              g_string_append_c (text, '_');
              p++;
            }
          continue;
        }
      g_string_append_c (text, *p);
    }

  return g_string_free (text, FALSE);
}

/* The accessible name of @widget, without mnemonic marks. */
void
atlas_accessible_set_label (GtkWidget  *widget,
                            const char *label)
{
  g_autofree char *text = atlas_accessible_strip_mnemonic (label);

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (text == NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                    -1);
}

/**
 * atlas_accessible_set_description:
 * @widget: a widget
 * @description: (nullable): what the widget says about itself or its
 *   focused part, or %NULL for nothing
 *
 * Sets the accessible description of @widget and remembers it as the
 * widget's own, so that an announcement that borrowed the description can
 * give it back.
 */
void
atlas_accessible_set_description (GtkWidget  *widget,
                                  const char *description)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data_full (G_OBJECT (widget), OWN_DESCRIPTION, g_strdup (description), g_free);
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * atlas_accessible_get_description:
 *
 * Returns: (nullable): the description last set with
 *   atlas_accessible_set_description()
 */
const char *
atlas_accessible_get_description (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  return g_object_get_data (G_OBJECT (widget), OWN_DESCRIPTION);
}

/**
 * atlas_accessible_restore_description:
 *
 * Gives @widget back its own description: the one set with
 * atlas_accessible_set_description(), else its tooltip (which is where GTK
 * takes a description from), else none.
 */
void
atlas_accessible_restore_description (GtkWidget *widget)
{
  const char *own;
  const char *tooltip;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  own = atlas_accessible_get_description (widget);
  tooltip = gtk_widget_get_tooltip_text (widget);
  if (own != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, own,
                                    -1);
  else if (tooltip != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

/**
 * atlas_accessible_position:
 * @position: 1-based
 *
 * Returns: (transfer full): "3 of 8", where a drawn view's focused mark
 *   stands among its marks
 */
char *
atlas_accessible_position (guint position,
                           guint count)
{
  /* Translators: where the focused item of a chart, map or timeline stands
   * among all of them, read by screen readers: "3 of 8".
   */
  return g_strdup_printf (_("%u of %u"), position, count);
}

static void
fix_mnemonic_name (GtkWidget *widget)
{
  const char *label = NULL;

  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)))
    label = gtk_button_get_label (GTK_BUTTON (widget));
  else if (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget)))
    label = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));

  if (label != NULL)
    {
      /* One name, as shown; the label it is labelled by would repeat it. */
      atlas_accessible_set_label (widget, label);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
    }
  else if (GTK_IS_BUTTON (widget) && ADW_IS_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (widget))))
    {
      /* An icon and a label: the template names the button, and the
       * content it would be labelled by would say it a second time.
       */
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
    }
  else if (GTK_IS_BUTTON (widget) && gtk_button_get_icon_name (GTK_BUTTON (widget)) != NULL)
    {
      /* An icon button is "labelled by" its image, which GTK 4.8 names
       * "GtkImage", and Orca says that before the button's own name.
       */
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
    }
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant (child, type)) != NULL)
        return found;
    }
  return NULL;
}

static void
label_descendants (GtkWidget  *widget,
                   GType       type,
                   const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        atlas_accessible_set_label (child, label);
      label_descendants (child, type, label);
    }
}

/* A status page with nothing to focus in it lets its scrolled window take
 * the focus: the page's title names it.
 */
static void
on_status_page_title_changed (AdwStatusPage *page)
{
  GtkWidget *scroller = find_descendant (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW);

  if (scroller != NULL)
    atlas_accessible_set_label (scroller, adw_status_page_get_title (page));
}

#define FIXED "atlas-accessible-fixed"

static void
fix_once (GtkWidget *widget)
{
  GtkWidget *child;

  if (GTK_IS_STACK (widget))
    {
      g_autoptr(GListModel) pages = G_LIST_MODEL (gtk_stack_get_pages (GTK_STACK (widget)));

      atlas_accessible_follow_stack (widget);

      /* A page without a title would be called "GtkStackPage", which Orca
       * says on entering it: an empty name is passed over.
       */
      for (guint i = 0; i < g_list_model_get_n_items (pages); i++)
        {
          g_autoptr(GObject) page = g_list_model_get_item (pages, i);

          if (gtk_stack_page_get_title (GTK_STACK_PAGE (page)) == NULL)
            gtk_accessible_update_property (GTK_ACCESSIBLE (page), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
        }
    }
  else if (GTK_IS_COLUMN_VIEW (widget))
    {
      /* The list inside a column view, which takes the focus when it has no
       * rows, is the column view's.
       */
      for (child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_LIST_VIEW (child))
          gtk_accessible_update_relation (GTK_ACCESSIBLE (child),
                                          GTK_ACCESSIBLE_RELATION_LABELLED_BY, widget, NULL,
                                          -1);
        else if (g_strcmp0 (gtk_widget_get_css_name (child), "header") == 0)
          atlas_accessible_set_label (child, _("Column headers"));
    }
  else if (GTK_IS_STACK_SWITCHER (widget) && gtk_stack_switcher_get_stack (GTK_STACK_SWITCHER (widget)) != NULL &&
           gtk_widget_get_ancestor (widget, GTK_TYPE_SHORTCUTS_WINDOW) != NULL)
    {
      /* A shortcuts window too tall for the screen is in pages titled "_1",
       * "_2" (mnemonics), which are the names of its page tabs: name them
       * "Page 1", "Page 2".
       */
      g_autoptr(GListModel) pages = G_LIST_MODEL (gtk_stack_get_pages (gtk_stack_switcher_get_stack (GTK_STACK_SWITCHER (widget))));
      guint i = 0;

      for (child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child), i++)
        {
          g_autoptr(GObject) page = g_list_model_get_item (pages, i);
          g_autofree char *number = NULL;
          g_autofree char *name = NULL;

          if (page == NULL)
            break;
          number = atlas_accessible_strip_mnemonic (gtk_stack_page_get_title (GTK_STACK_PAGE (page)));
          /* Translators: a tab of the keyboard shortcuts window, read by
           * screen readers: "Page 2".
           */
          name = g_strdup_printf (_("Page %s"), number ? number : "");
          atlas_accessible_set_label (child, name);
        }
    }
  else if (GTK_IS_IMAGE (widget) && gtk_widget_get_tooltip_text (widget) == NULL &&
           gtk_widget_get_ancestor (widget, GTK_TYPE_BUTTON) != NULL)
    {
      /* The icon of a button (a view switcher's, say) says nothing the
       * button does not; unnamed, it would be "GtkImage".
       */
      atlas_accessible_set_label (widget, "");
    }
  else if (ADW_IS_STATUS_PAGE (widget))
    {
      g_signal_connect (widget, "notify::title", G_CALLBACK (on_status_page_title_changed), NULL);
      on_status_page_title_changed (ADW_STATUS_PAGE (widget));
    }
  else if (ADW_IS_ENTRY_ROW (widget))
    {
      const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));

      /* GTK reports the focus of the row's text on the text's parent. */
      if ((child = find_descendant (widget, GTK_TYPE_TEXT)) != NULL)
        atlas_accessible_set_label (gtk_widget_get_parent (child), title);
      if ((child = find_descendant (widget, GTK_TYPE_BUTTON)) != NULL)
        atlas_accessible_set_label (child, _("Apply"));
    }
  else if (((GTK_IS_TOGGLE_BUTTON (widget) &&
              g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "edit-find-symbolic") == 0) ||
             GTK_IS_SEARCH_ENTRY (widget)) &&
           gtk_widget_get_ancestor (widget, GTK_TYPE_SHORTCUTS_WINDOW) != NULL)
    {
      /* The search button and entry of a shortcuts window have no name. */
      atlas_accessible_set_label (widget, _("Search Shortcuts"));
    }
}

/**
 * atlas_accessible_fix_names:
 * @widget: the top of a widget tree
 *
 * Mends what GTK 4.8 and libadwaita 1.2 give screen readers in the tree
 * under @widget: buttons with a mnemonic say their label once, icon buttons
 * are not labelled by their image (run it again on a button whose icon
 * changes); pages a
 * stack does not show are hidden, and untitled pages are not called
 * "GtkStackPage"; the list inside a column view, the
 * scrolled window of a status page and the text of an entry row are named
 * after what holds them.  Run it once a
 * template is built; it leaves what it has mended alone the next time.
 */
void
atlas_accessible_fix_names (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  fix_mnemonic_name (widget);
  if (g_object_get_data (G_OBJECT (widget), FIXED) == NULL)
    {
      g_object_set_data (G_OBJECT (widget), FIXED, GINT_TO_POINTER (TRUE));
      fix_once (widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    atlas_accessible_fix_names (child);
}

/* ---- rows of lists and tables ------------------------------------------- */

static GtkWidget *
get_list_item_widget (GtkListItem *item)
{
  GtkWidget *child = gtk_list_item_get_child (item);

  return child != NULL ? gtk_widget_get_parent (child) : NULL;
}

/**
 * atlas_accessible_label_list_item:
 * @item: a list item, bound
 * @label: what the row says
 *
 * Names the row that shows @item (GTK 4.8 names it after its type).  Call
 * it from the factory's bind.
 */
void
atlas_accessible_label_list_item (GtkListItem *item,
                                  const char  *label)
{
  GtkWidget *row;

  g_return_if_fail (GTK_IS_LIST_ITEM (item));

  if ((row = get_list_item_widget (item)) != NULL)
    atlas_accessible_set_label (row, label);
}

/**
 * atlas_accessible_label_column_cell:
 * @item: the list item of one cell of a column view, bound
 * @cell_label: what the cell says
 * @row_label: what the whole row says, every column in turn
 *
 * Names the cell and the row it is in; the row is what takes the focus.
 */
void
atlas_accessible_label_column_cell (GtkListItem *item,
                                    const char  *cell_label,
                                    const char  *row_label)
{
  GtkWidget *cell, *row;

  g_return_if_fail (GTK_IS_LIST_ITEM (item));

  if ((cell = get_list_item_widget (item)) == NULL)
    return;
  atlas_accessible_set_label (cell, cell_label);
  /* An empty cell's label would be called "GtkLabel". */
  if (cell_label == NULL || *cell_label == '\0')
    atlas_accessible_set_label (gtk_list_item_get_child (item), "");
  if ((row = gtk_widget_get_parent (cell)) != NULL)
    atlas_accessible_set_label (row, row_label);
}

static char *
dup_item_text (GtkExpression *expression,
               gpointer       item)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (item == NULL)
    return NULL;
  if (expression != NULL && gtk_expression_evaluate (expression, item, &value) &&
      G_VALUE_HOLDS_STRING (&value))
    return g_value_dup_string (&value);
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (item));
  return NULL;
}

static void
unref_expression (gpointer  data,
                  GClosure *closure)
{
  gtk_expression_unref (data);
}

static void
label_factory_setup (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
label_factory_bind (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    GtkExpression            *expression)
{
  g_autofree char *text = dup_item_text (expression, gtk_list_item_get_item (item));

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text ? text : "");
  atlas_accessible_label_list_item (item, text);
}

/**
 * atlas_accessible_label_factory_new:
 * @expression: (transfer full) (nullable): what of an item to show, a
 *   string; %NULL for the items of a #GtkStringList
 *
 * Returns: (transfer full): a factory of rows that show one line of text and
 *   are named by it, for drop-down lists and combo rows
 */
GtkListItemFactory *
atlas_accessible_label_factory_new (GtkExpression *expression)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (label_factory_setup), NULL);
  if (expression != NULL)
    g_signal_connect_data (factory, "bind", G_CALLBACK (label_factory_bind), expression,
                           unref_expression, 0);
  else
    g_signal_connect (factory, "bind", G_CALLBACK (label_factory_bind), NULL);
  return factory;
}

/**
 * atlas_accessible_name_column_headers:
 * @view: a column view
 * @order: (out) (optional): how the rows are sorted, if they are
 *
 * Names each column header of @view after its column and the order the
 * rows are in by it ("Name, sorted ascending"): GTK 4.8 leaves them
 * unnamed.  Call it again when the sorting changes.
 *
 * Returns: the position of the column the rows are sorted by, as the
 *   headers show it, or -1
 */
int
atlas_accessible_name_column_headers (GtkColumnView *view,
                                      GtkSortType   *order)
{
  GtkWidget *header = NULL;
  int sorted = -1, i = 0;

  g_return_val_if_fail (GTK_IS_COLUMN_VIEW (view), -1);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child; child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (gtk_widget_get_css_name (child), "header") == 0)
      header = child;
  if (header == NULL)
    return -1;

  /* Each header holds its title and, last, the sort indicator, whose style
   * classes are all GTK 4.8 tells of the order.
   */
  for (GtkWidget *title = gtk_widget_get_first_child (header); title; title = gtk_widget_get_next_sibling (title), i++)
    {
      GtkWidget *box = gtk_widget_get_first_child (title);
      GtkWidget *label = box ? gtk_widget_get_first_child (box) : NULL;
      GtkWidget *indicator = box ? gtk_widget_get_last_child (box) : NULL;
      g_autofree char *name = NULL;

      if (!GTK_IS_LABEL (label) || indicator == label)
        continue;

      if (gtk_widget_get_visible (indicator) && gtk_widget_has_css_class (indicator, "ascending"))
        {
          /* Translators: a column header of a table, as a screen reader
           * says it: "Name, sorted ascending".
           */
          name = g_strdup_printf (_("%s, sorted ascending"), gtk_label_get_text (GTK_LABEL (label)));
          sorted = i;
          if (order != NULL)
            *order = GTK_SORT_ASCENDING;
        }
      else if (gtk_widget_get_visible (indicator) && gtk_widget_has_css_class (indicator, "descending"))
        {
          name = g_strdup_printf (_("%s, sorted descending"), gtk_label_get_text (GTK_LABEL (label)));
          sorted = i;
          if (order != NULL)
            *order = GTK_SORT_DESCENDING;
        }
      atlas_accessible_set_label (title, name ? name : gtk_label_get_text (GTK_LABEL (label)));
    }

  return sorted;
}

/* ---- drop-down lists ---------------------------------------------------- */

#define DROP_DOWN_TITLE "atlas-accessible-title"

static void
on_drop_down_selected (GtkDropDown *drop_down)
{
  const char *title = g_object_get_data (G_OBJECT (drop_down), DROP_DOWN_TITLE);
  GtkWidget *button = find_descendant (GTK_WIDGET (drop_down), GTK_TYPE_TOGGLE_BUTTON);
  g_autofree char *text = dup_item_text (gtk_drop_down_get_expression (drop_down),
                                         gtk_drop_down_get_selected_item (drop_down));
  g_autofree char *name = NULL;

  if (button == NULL)
    return;

  if (text != NULL)
    /* Translators: the name of a drop-down list for screen readers: what
     * it chooses and what is chosen, e.g. "Playback Speed: 1 year per
     * second".
     */
    name = g_strdup_printf (C_("drop-down list", "%s: %s"), title, text);
  atlas_accessible_set_label (button, name ? name : title);
}

/**
 * atlas_accessible_name_drop_down:
 * @title: what the drop-down list chooses (a mnemonic mark is dropped)
 *
 * Names @drop_down, the button that opens it (with what is chosen) and the
 * list it opens.
 */
void
atlas_accessible_name_drop_down (GtkDropDown *drop_down,
                                 const char  *title)
{
  GtkWidget *popover;

  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));
  g_return_if_fail (title != NULL);

  atlas_accessible_set_label (GTK_WIDGET (drop_down), title);
  if ((popover = find_descendant (GTK_WIDGET (drop_down), GTK_TYPE_POPOVER)) != NULL)
    label_descendants (popover, GTK_TYPE_LIST_VIEW, title);

  if (g_object_get_data (G_OBJECT (drop_down), DROP_DOWN_TITLE) == NULL)
    g_signal_connect (drop_down, "notify::selected-item", G_CALLBACK (on_drop_down_selected), NULL);
  g_object_set_data_full (G_OBJECT (drop_down), DROP_DOWN_TITLE,
                          atlas_accessible_strip_mnemonic (title), g_free);
  on_drop_down_selected (drop_down);
}

/**
 * atlas_accessible_name_combo_row:
 *
 * Gives the rows of @row's list names, and its lists the row's title.
 */
void
atlas_accessible_name_combo_row (AdwComboRow *row)
{
  GtkExpression *expression;
  g_autoptr(GtkListItemFactory) factory = NULL;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  expression = adw_combo_row_get_expression (row);
  factory = atlas_accessible_label_factory_new (expression ? gtk_expression_ref (expression) : NULL);
  adw_combo_row_set_factory (row, factory);
  label_descendants (GTK_WIDGET (row), GTK_TYPE_LIST_VIEW,
                     adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}

static void
on_stack_visible_child_changed (GtkWidget *stack)
{
  g_autoptr(GtkWidget) visible = NULL;
  GtkWidget *pages;

  g_object_get (stack, "visible-child", &visible, NULL);
  if (visible == NULL)
    return;

  /* The page widgets are siblings of the visible one (an AdwViewStack keeps
   * them in a stack of its own).
   */
  pages = gtk_widget_get_parent (visible);
  for (GtkWidget *page = gtk_widget_get_first_child (pages);
       page != NULL;
       page = gtk_widget_get_next_sibling (page))
    gtk_accessible_update_state (GTK_ACCESSIBLE (page),
                                 GTK_ACCESSIBLE_STATE_HIDDEN, page != visible,
                                 -1);
}

/**
 * atlas_accessible_follow_stack:
 * @stack: a #GtkStack or #AdwViewStack
 *
 * Keeps the pages of @stack that are not shown out of what screen readers
 * see, from now on.
 */
void
atlas_accessible_follow_stack (GtkWidget *stack)
{
  g_return_if_fail (GTK_IS_WIDGET (stack));
  g_return_if_fail (g_object_class_find_property (G_OBJECT_GET_CLASS (stack), "visible-child") != NULL);

  if (g_signal_handler_find (stack, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                             on_stack_visible_child_changed, NULL) == 0)
    g_signal_connect (stack, "notify::visible-child", G_CALLBACK (on_stack_visible_child_changed), NULL);
  on_stack_visible_child_changed (stack);
}
