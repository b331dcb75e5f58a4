/* atlas-tooltips.c
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

#include "atlas-tooltips.h"

/* GTK 4.8 sizes a plain tooltip to its label's smallest width, and a
 * wrapping label can be one Chinese character wide: "主菜单" and "详情"
 * came out one character a line.  A tooltip text is shown instead as a
 * label of our own, one line when it is short, lines of about fifty
 * columns when it is long.  Widgets that draw their own tooltips (the
 * map, the charts) keep them.
 */

#define MAX_COLUMNS 50

/* Columns the text takes: Chinese characters are two wide. */
static guint
columns (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    n += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return n;
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *markup = gtk_widget_get_tooltip_markup (widget);
  g_autofree char *plain = NULL;
  GtkWidget *label;

  if (markup == NULL || *markup == '\0')
    return FALSE;
  if (!pango_parse_markup (markup, -1, 0, NULL, &plain, NULL, NULL))
    return FALSE;

  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (columns (plain) > MAX_COLUMNS)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), MAX_COLUMNS);
      gtk_label_set_max_width_chars (GTK_LABEL (label), MAX_COLUMNS);
    }
  gtk_tooltip_set_custom (tooltip, label);
  return TRUE;
}

static gboolean
draws_own_tooltip (GtkWidget *widget)
{
  GtkWidgetClass *base = g_type_class_peek (GTK_TYPE_WIDGET);

  return GTK_WIDGET_GET_CLASS (widget)->query_tooltip != base->query_tooltip;
}

/**
 * atlas_tooltips_keep_lines:
 *
 * Shows the tooltip texts of @root and every widget under it (now and
 * whenever they change) on whole lines.
 */
void
atlas_tooltips_keep_lines (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (!draws_own_tooltip (root) && g_object_get_data (G_OBJECT (root), "atlas-tooltip-lines") == NULL)
    {
      g_object_set_data (G_OBJECT (root), "atlas-tooltip-lines", GINT_TO_POINTER (1));
      g_signal_connect (root, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    atlas_tooltips_keep_lines (child);
}
