/* atlas-filter-bar.c
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

#include "atlas-dataset.h"
#include "atlas-district.h"
#include "atlas-filter-bar.h"
#include "atlas-format.h"
#include "atlas-item.h"
#include "atlas-labels.h"
#include "atlas-session.h"
#include "atlas-state.h"

/* The active state in words, under the header bar: "Showing 14 of 52 sites"
 * followed by one removable part per filter ("两江新区", "2019–2023", the
 * search text, the categories...) and the selection.  One click on a part
 * takes that filter off; the bar hides when nothing is active.
 */

typedef enum
{
  PART_SEARCH,
  PART_CATEGORIES,
  PART_EVENT_KINDS,
  PART_DISTRICT,
  PART_TIME,
  PART_CHOROPLETH,
  PART_SELECTION,
} PartKind;

struct _AtlasFilterBar
{
  GtkWidget           parent_instance;

  AtlasSession       *session;
  AtlasDataset       *dataset;
  AtlasState         *state;
  GListModel         *sites;      /* the session's filtered sites */
  GArray             *parts;     /* of PartKind, in the order shown */
  GPtrArray          *texts;     /* the words of each part */

  GtkRevealer        *revealer;
  GtkLabel           *count_label;
  GtkBox             *parts_box;
  GtkButton          *clear_button;
};

G_DEFINE_FINAL_TYPE (AtlasFilterBar, atlas_filter_bar, GTK_TYPE_WIDGET)

static char *
mask_words (guint        mask,
            guint        n,
            const char *(*label) (int),
            gboolean     kinds)
{
  g_autoptr(GString) words = g_string_new (NULL);
  guint count = 0;

  for (guint i = 0; i < n; i++)
    if (mask & (1u << i))
      count++;

  if (count == 0)
    return g_strdup (_("None"));

  if (count > 3 && kinds)
    /* Translators: "3 of 5 kinds of event". */
    return g_strdup_printf (_("%u of %u kinds of event"), count, n);
  if (count > 3)
    /* Translators: "4 of 11 categories". */
    return g_strdup_printf (_("%u of %u categories"), count, n);

  for (guint i = 0; i < n; i++)
    if (mask & (1u << i))
      {
        if (words->len > 0)
          /* Translators: separates items of a list, "Laboratory, University". */
          g_string_append (words, _(", "));
        g_string_append (words, label (i));
      }
  return g_string_free (g_steal_pointer (&words), FALSE);
}

static const char *
category_label (int value)
{
  return atlas_site_category_get_label (value);
}

static const char *
kind_label (int value)
{
  return atlas_event_kind_get_label (value);
}

static char *
time_words (guint32 first,
            guint32 last)
{
  int y1, m1, d1, y2, m2, d2;

  atlas_julian_to_ymd (first, &y1, &m1, &d1);
  atlas_julian_to_ymd (last, &y2, &m2, &d2);

  /* Whole years read as years. */
  if (m1 == 1 && d1 == 1 && m2 == 12 && d2 == 31)
    {
      g_autofree char *a = atlas_format_year (y1);
      g_autofree char *b = atlas_format_year (y2);

      if (y1 == y2)
        return g_steal_pointer (&a);
      /* Translators: a range of years, "2019–2023". */
      return g_strdup_printf (_("%s–%s"), a, b);
    }
  else
    {
      g_autofree char *a = atlas_format_day (first);
      g_autofree char *b = atlas_format_day (last);

      if (first == last)
        return g_steal_pointer (&a);
      /* Translators: a range of dates. */
      return g_strdup_printf (_("%s – %s"), a, b);
    }
}

static char *
part_words (AtlasFilterBar *self,
            PartKind        kind)
{
  AtlasState *state = self->state;

  switch (kind)
    {
    case PART_SEARCH:
      /* Translators: the search text shown as a filter. */
      return g_strdup_printf (_("“%s”"), atlas_state_get_search_text (state));

    case PART_CATEGORIES:
      return mask_words (atlas_state_get_categories (state), ATLAS_N_SITE_CATEGORIES, category_label,
                         FALSE);

    case PART_EVENT_KINDS:
      return mask_words (atlas_state_get_event_kinds (state), ATLAS_N_EVENT_KINDS, kind_label,
                         TRUE);

    case PART_DISTRICT:
      {
        AtlasDistrict *district = atlas_dataset_lookup_district (self->dataset,
                                                                 atlas_state_get_district (state));

        if (district != NULL)
          return g_strdup (atlas_item_get_name (ATLAS_ITEM (district)));
        return g_strdup_printf (_("District %d"), atlas_state_get_district (state));
      }

    case PART_TIME:
      return time_words (atlas_state_get_time_first (state), atlas_state_get_time_last (state));

    case PART_CHOROPLETH:
      if (g_strcmp0 (atlas_state_get_choropleth (state), "events") == 0)
        return g_strdup (_("Districts shaded by events"));
      return g_strdup (_("Districts shaded by sites"));

    case PART_SELECTION:
      /* Translators: the selected record, shown as part of the filters. */
      return g_strdup_printf (_("Selected: %s"), atlas_item_get_name (atlas_state_get_selection (state)));

    default:
      g_assert_not_reached ();
    }
}

static void
remove_kind (AtlasFilterBar *self,
             PartKind        kind)
{
  switch (kind)
    {
    case PART_SEARCH:
      atlas_state_set_search_text (self->state, "");
      break;
    case PART_CATEGORIES:
      atlas_state_set_categories (self->state, ATLAS_ALL_SITE_CATEGORIES);
      break;
    case PART_EVENT_KINDS:
      atlas_state_set_event_kinds (self->state, ATLAS_ALL_EVENT_KINDS);
      break;
    case PART_DISTRICT:
      atlas_state_set_district (self->state, 0);
      break;
    case PART_TIME:
      atlas_state_clear_time_range (self->state);
      break;
    case PART_CHOROPLETH:
      atlas_state_set_choropleth (self->state, "");
      break;
    case PART_SELECTION:
      atlas_state_set_selection (self->state, NULL);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
on_part_clicked (GtkButton      *button,
                 AtlasFilterBar *self)
{
  remove_kind (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "part")));
}

static void
on_clear_clicked (AtlasFilterBar *self)
{
  g_object_freeze_notify (G_OBJECT (self->state));
  atlas_state_reset_filters (self->state);
  atlas_state_set_choropleth (self->state, "");
  atlas_state_set_selection (self->state, NULL);
  g_object_thaw_notify (G_OBJECT (self->state));
}

static GtkWidget *
make_part_button (AtlasFilterBar *self,
                  PartKind        kind,
                  const char     *words)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (words);
  GtkWidget *icon = gtk_image_new_from_icon_name ("window-close-symbolic");
  g_autofree char *tooltip = g_strdup_printf (_("Remove “%s”"), words);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 12);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_widget_add_css_class (button, "filter-part");
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "small");
  g_object_set_data (G_OBJECT (button), "part", GINT_TO_POINTER (kind));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_part_clicked), self, 0);
  return button;
}

static void
add_part (AtlasFilterBar *self,
          PartKind        kind)
{
  char *words = part_words (self, kind);

  g_array_append_val (self->parts, kind);
  g_ptr_array_add (self->texts, words);
  gtk_box_append (self->parts_box, make_part_button (self, kind, words));
}

static void
update (AtlasFilterBar *self)
{
  AtlasState *state = self->state;
  AtlasArea *area = NULL;
  guint shown, total, uncertain;
  g_autofree char *count = NULL;

  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self->parts_box))) != NULL; )
    gtk_box_remove (self->parts_box, child);
  g_array_set_size (self->parts, 0);
  g_ptr_array_set_size (self->texts, 0);

  if (atlas_state_get_district (state) != 0)
    add_part (self, PART_DISTRICT);
  if (atlas_state_has_time_range (state))
    add_part (self, PART_TIME);
  if (atlas_state_get_categories (state) != ATLAS_ALL_SITE_CATEGORIES)
    add_part (self, PART_CATEGORIES);
  if (atlas_state_get_event_kinds (state) != ATLAS_ALL_EVENT_KINDS)
    add_part (self, PART_EVENT_KINDS);
  if (atlas_state_get_search_text (state)[0] != '\0')
    add_part (self, PART_SEARCH);
  if (atlas_state_get_choropleth (state) != NULL && atlas_state_get_choropleth (state)[0] != '\0')
    add_part (self, PART_CHOROPLETH);
  if (atlas_state_get_selection (state) != NULL)
    add_part (self, PART_SELECTION);

  shown = g_list_model_get_n_items (G_LIST_MODEL (self->sites));
  total = g_list_model_get_n_items (atlas_dataset_get_sites (self->dataset));
  if (shown == total)
    count = g_strdup_printf (g_dngettext (NULL, "All %u site", "All %u sites", total), total);
  else
    /* Translators: "Showing 14 of 52 sites". */
    count = g_strdup_printf (g_dngettext (NULL, "Showing %u of %u site", "Showing %u of %u sites", total),
                             shown, total);
  /* Sites that may be in the district: their area spans it. */
  uncertain = atlas_session_count_uncertain_sites (self->session, &area);
  if (uncertain > 0)
    {
      g_autofree char *more = NULL;

      if (area != NULL)
        /* Translators: "Showing 3 of 104 sites · 17 more in the Western (Chongqing) Science City, district not known". */
        more = g_strdup_printf (g_dngettext (NULL, "%u more in the %s, district not known",
                                             "%u more in the %s, district not known", uncertain),
                                uncertain, atlas_item_get_name (ATLAS_ITEM (area)));
      else
        more = g_strdup_printf (g_dngettext (NULL, "%u more in areas that span it, district not known",
                                             "%u more in areas that span it, district not known",
                                             uncertain),
                                uncertain);
      char *both = g_strconcat (count, " · ", more, NULL);

      g_free (count);
      count = both;
    }

  gtk_label_set_text (self->count_label, count);
  g_ptr_array_insert (self->texts, 0, g_steal_pointer (&count));

  gtk_revealer_set_reveal_child (self->revealer, self->parts->len > 0);
}

static void
atlas_filter_bar_dispose (GObject *object)
{
  AtlasFilterBar *self = (AtlasFilterBar *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_FILTER_BAR);
  g_clear_object (&self->sites);
  g_clear_object (&self->dataset);
  g_clear_object (&self->state);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (atlas_filter_bar_parent_class)->dispose (object);
}

static void
atlas_filter_bar_finalize (GObject *object)
{
  AtlasFilterBar *self = (AtlasFilterBar *)object;

  g_clear_pointer (&self->parts, g_array_unref);
  g_clear_pointer (&self->texts, g_ptr_array_unref);

  G_OBJECT_CLASS (atlas_filter_bar_parent_class)->finalize (object);
}

static void
atlas_filter_bar_class_init (AtlasFilterBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_filter_bar_dispose;
  object_class->finalize = atlas_filter_bar_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-filter-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterBar, revealer);
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterBar, count_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterBar, parts_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasFilterBar, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "filterbar");
}

static void
atlas_filter_bar_init (AtlasFilterBar *self)
{
  self->parts = g_array_new (FALSE, FALSE, sizeof (PartKind));
  self->texts = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));
}

void
atlas_filter_bar_bind (AtlasFilterBar *self,
                       AtlasSession   *session)
{
  g_return_if_fail (ATLAS_IS_FILTER_BAR (self));
  g_return_if_fail (ATLAS_IS_SESSION (session));
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  self->dataset = g_object_ref (atlas_session_get_dataset (session));
  self->state = g_object_ref (atlas_session_get_state (session));
  self->sites = g_object_ref (atlas_session_get_sites (session));

  g_signal_connect_object (self->sites, "items-changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

/* The bar's words, "Showing 14 of 52 sites · 两江新区 · 2019–2023". */
char *
atlas_filter_bar_dup_text (AtlasFilterBar *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (ATLAS_IS_FILTER_BAR (self), NULL);

  for (guint i = 0; i < self->texts->len; i++)
    {
      if (i > 0)
        g_string_append (text, " · ");
      g_string_append (text, g_ptr_array_index (self->texts, i));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* How many removable parts the bar shows. */
guint
atlas_filter_bar_get_n_parts (AtlasFilterBar *self)
{
  g_return_val_if_fail (ATLAS_IS_FILTER_BAR (self), 0);

  return self->parts->len;
}

/* What a click on the @index-th part does. */
void
atlas_filter_bar_remove_part (AtlasFilterBar *self,
                              guint           index)
{
  g_return_if_fail (ATLAS_IS_FILTER_BAR (self));
  g_return_if_fail (index < self->parts->len);

  remove_kind (self, g_array_index (self->parts, PartKind, index));
}
