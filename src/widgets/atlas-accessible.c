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

/**
 * atlas_accessible_fix_mnemonic_names:
 * @widget: the top of a widget tree
 *
 * Every button under @widget (and @widget itself) whose label has a
 * mnemonic keeps only the name its label gives it.  Run it once a template
 * is built; run it again on a button whose label changes.
 */
void
atlas_accessible_fix_mnemonic_names (GtkWidget *widget)
{
  const char *label = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));

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

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    atlas_accessible_fix_mnemonic_names (child);
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

  g_signal_connect (stack, "notify::visible-child", G_CALLBACK (on_stack_visible_child_changed), NULL);
  on_stack_visible_child_changed (stack);
}
