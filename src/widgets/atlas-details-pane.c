/* atlas-details-pane.c
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

#include "atlas-area.h"
#include "atlas-citation.h"
#include "atlas-dataset.h"
#include "atlas-details-pane.h"
#include "atlas-district.h"
#include "atlas-event.h"
#include "atlas-format.h"
#include "atlas-item.h"
#include "atlas-l10n.h"
#include "atlas-labels.h"
#include "atlas-party.h"
#include "atlas-series.h"
#include "atlas-site.h"
#include "atlas-source.h"
#include "atlas-state.h"
#include "atlas-statistic.h"

/* Shows whatever the shared state has selected: its facts, the records it is
 * linked to (which select in turn), and every citation with its quote, so
 * that each fact on screen can be traced to its source document.
 */

struct _AtlasDetailsPane
{
  GtkWidget     parent_instance;

  AtlasDataset *dataset;
  AtlasState   *state;

  GtkStack     *stack;
  GtkLabel     *kind_label;
  GtkLabel     *title_label;
  GtkLabel     *subtitle_label;
  GtkListBox   *facts;
  GtkLabel     *description_label;
  GtkWidget    *caveat_box;
  GtkLabel     *caveat_label;
  GtkLabel     *related_heading;
  GtkListBox   *related;
  GtkLabel     *sources_heading;
  GtkBox       *citations;
  GtkWidget    *swatch;
  GtkScrolledWindow *scroller;
  GtkButton    *district_button;
  AdwButtonContent *district_button_content;
  guint         n_citations;
};

G_DEFINE_FINAL_TYPE (AtlasDetailsPane, atlas_details_pane, GTK_TYPE_WIDGET)

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_LIST_BOX (box))
        gtk_list_box_remove (GTK_LIST_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

/* Chinese text has no spaces to wrap at: let the row's subtitle break
 * between any two characters, so that long notes stay inside the card.
 */
static void
wrap_subtitles (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "subtitle"))
        gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD_CHAR);
      else
        wrap_subtitles (child);
    }
}

static void
add_fact (AtlasDetailsPane *self,
          const char       *title,
          const char       *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  gtk_widget_add_css_class (row, "property");
  wrap_subtitles (row);
  gtk_list_box_append (self->facts, row);
}

/* A fact whose value is a record: activating it selects the record. */
static void
add_link_row (AtlasDetailsPane *self,
              GtkListBox       *box,
              AtlasItem        *item,
              const char       *title,
              const char       *subtitle)
{
  GtkWidget *row;

  if (item == NULL)
    return;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_object_set_data_full (G_OBJECT (row), "atlas-item", g_object_ref (item), g_object_unref);
  gtk_list_box_append (box, row);
}

static void
on_row_activated (AtlasDetailsPane *self,
                  GtkListBoxRow    *row)
{
  AtlasItem *item = g_object_get_data (G_OBJECT (row), "atlas-item");

  if (item != NULL && self->state != NULL)
    atlas_state_set_selection (self->state, item);
}

static void
on_source_clicked (GtkButton        *button,
                   AtlasDetailsPane *self)
{
  AtlasItem *item = g_object_get_data (G_OBJECT (button), "atlas-item");

  if (item != NULL && self->state != NULL)
    atlas_state_set_selection (self->state, item);
}

static void
add_citations (AtlasDetailsPane *self,
               AtlasItem        *item)
{
  g_autoptr(GListModel) list = atlas_dataset_list_citations (self->dataset, item);
  guint n = g_list_model_get_n_items (list);

  self->n_citations = n;
  gtk_widget_set_visible (GTK_WIDGET (self->sources_heading), n > 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasCitation) citation = g_list_model_get_item (list, i);
      AtlasSource *source = atlas_citation_get_source (citation);
      g_autofree char *quoted = NULL;
      g_autofree char *date = NULL;
      g_autofree char *source_text = NULL;
      GtkWidget *card, *quote, *button;

      card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      gtk_widget_add_css_class (card, "card");
      gtk_widget_add_css_class (card, "citation");

      /* Translators: a verbatim quote from a source, 「…」 in Chinese. */
      quoted = g_strdup_printf (_("“%s”"), atlas_citation_get_quote (citation));
      quote = gtk_label_new (quoted);
      gtk_label_set_wrap (GTK_LABEL (quote), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (quote), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (quote), 0);
      gtk_label_set_selectable (GTK_LABEL (quote), TRUE);
      gtk_widget_add_css_class (quote, "quote");
      gtk_box_append (GTK_BOX (card), quote);

      /* The quote is the source's Chinese, verbatim.  English readers get our
       * gloss under it, labelled as ours so that it is never taken for the
       * source's words.
       */
      if (!atlas_l10n_is_chinese () && atlas_citation_get_quote_en (citation) != NULL)
        {
          g_autofree char *gloss_text = NULL;
          GtkWidget *gloss;

          /* Translators: under a Chinese quote, our English gloss of it. */
          gloss_text = g_strdup_printf (_("Our translation: “%s”"), atlas_citation_get_quote_en (citation));
          gloss = gtk_label_new (gloss_text);
          gtk_label_set_wrap (GTK_LABEL (gloss), TRUE);
          gtk_label_set_wrap_mode (GTK_LABEL (gloss), PANGO_WRAP_WORD_CHAR);
          gtk_label_set_xalign (GTK_LABEL (gloss), 0);
          gtk_label_set_selectable (GTK_LABEL (gloss), TRUE);
          gtk_widget_add_css_class (gloss, "quote-gloss");
          gtk_widget_add_css_class (gloss, "dim-label");
          gtk_box_append (GTK_BOX (card), gloss);
        }

      date = atlas_format_date (atlas_source_get_published_on (source));
      /* Translators: source line under a quote: title, publisher, date. */
      source_text = g_strdup_printf (_("%s · %s · %s"),
                                     atlas_item_get_name (ATLAS_ITEM (source)),
                                     atlas_source_get_publisher (source), date);
      button = gtk_button_new_with_label (source_text);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "source-link");
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_label_set_wrap (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), TRUE);
      gtk_label_set_xalign (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), 0);
      gtk_widget_set_tooltip_text (button, _("Show this source"));
      g_object_set_data_full (G_OBJECT (button), "atlas-item", g_object_ref (source), g_object_unref);
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_source_clicked), self, 0);
      gtk_box_append (GTK_BOX (card), button);

      gtk_box_append (self->citations, card);
    }
}

/* Where the sources disagree or are unclear about the record, said before
 * its facts.
 */
static void
set_caveat (AtlasDetailsPane *self,
            const char       *caveat)
{
  gtk_label_set_text (self->caveat_label, caveat ? caveat : "");
  gtk_widget_set_visible (self->caveat_box, caveat != NULL && *caveat != '\0');
}

/* A statistic's value as a list shows it: a target says so. */
static char *
dup_statistic_figure (AtlasStatistic *stat)
{
  return atlas_format_figure (atlas_statistic_get_value (stat),
                              atlas_statistic_get_unit (stat),
                              atlas_statistic_get_qualifier (stat),
                              atlas_statistic_get_is_target (stat)
                              ? ATLAS_FIGURE_TARGET : ATLAS_FIGURE_REPORTED);
}

/* "Shapingba District, Jiulongpo District, ..." */
static char *
dup_district_names (AtlasArea *area)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < atlas_area_get_n_districts (area); i++)
    {
      if (i > 0)
        g_string_append (names, C_("list separator", ", "));
      g_string_append (names, atlas_item_get_name (ATLAS_ITEM (atlas_area_get_district (area, i))));
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
set_swatch (AtlasDetailsPane *self,
            const char       *css_class)
{
  const char *classes[] = { "swatch", css_class, NULL };

  gtk_widget_set_visible (self->swatch, css_class != NULL);
  if (css_class != NULL)
    gtk_widget_set_css_classes (self->swatch, classes);
}

static void
show_site (AtlasDetailsPane *self,
           AtlasSite        *site)
{
  AtlasLocationPrecision precision = atlas_site_get_location_precision (site);
  AtlasDistrict *district = atlas_site_get_district (site);
  g_autoptr(GListModel) events = atlas_dataset_list_events_for_site (self->dataset, site);
  g_autoptr(GListModel) stats = atlas_dataset_list_statistics_for (self->dataset, ATLAS_ITEM (site));
  g_autofree char *swatch = g_strdup_printf ("category-%s",
                                             atlas_site_category_to_string (atlas_site_get_category (site)));
  AtlasArea *area = atlas_site_get_area (site);
  g_autofree char *position = NULL;
  g_autofree char *location = NULL;
  g_autofree char *established = NULL;

  gtk_label_set_text (self->kind_label, atlas_site_category_get_label (atlas_site_get_category (site)));
  set_swatch (self, swatch);
  gtk_label_set_text (self->subtitle_label,
                      atlas_l10n_is_chinese () ? atlas_item_get_name_en (ATLAS_ITEM (site))
                                               : atlas_item_get_name_zh (ATLAS_ITEM (site)));
  gtk_label_set_text (self->description_label, atlas_site_get_description (site));

  set_caveat (self, atlas_site_get_caveat (site));

  /* A site is shown exactly as precisely as its sources place it: a district
   * and a point, an area and the districts it may be in, or no place.
   */
  if (district != NULL)
    add_link_row (self, self->facts, ATLAS_ITEM (district), _("District"),
                  atlas_item_get_name (ATLAS_ITEM (district)));
  if (area != NULL)
    {
      g_autofree char *names = dup_district_names (area);
      g_autofree char *somewhere = NULL;

      add_link_row (self, self->facts, ATLAS_ITEM (area), _("Area"),
                    atlas_item_get_name (ATLAS_ITEM (area)));
      /* Translators: the districts a site of an area may be in; %s lists them. */
      somewhere = g_strdup_printf (_("One of %s; which one is not known"), names);
      add_fact (self, _("District"), somewhere);
    }

  /* Translators: "Approximate — The area is known; ..." */
  location = g_strdup_printf (_("%s — %s"), atlas_location_precision_get_label (precision),
                              atlas_location_precision_get_description (precision));
  add_fact (self, _("Location precision"), location);
  if (atlas_site_has_point (site))
    {
      position = atlas_format_lon_lat (atlas_site_get_lon (site), atlas_site_get_lat (site));
      add_fact (self, _("Position"), position);
    }
  if (atlas_site_get_established_on (site) != NULL)
    {
      established = atlas_format_date (atlas_site_get_established_on (site));
      add_fact (self, _("Established"), established);
    }
  add_fact (self, _("Note"), atlas_site_get_note (site));

  for (guint i = 0; i < g_list_model_get_n_items (events); i++)
    {
      g_autoptr(AtlasEvent) event = g_list_model_get_item (events, i);
      g_autofree char *date = atlas_format_date (atlas_event_get_date (event));

      add_link_row (self, self->related, ATLAS_ITEM (event),
                    atlas_item_get_name (ATLAS_ITEM (event)), date);
    }
  for (guint i = 0; i < g_list_model_get_n_items (stats); i++)
    {
      g_autoptr(AtlasStatistic) stat = g_list_model_get_item (stats, i);
      g_autofree char *value = dup_statistic_figure (stat);

      add_link_row (self, self->related, ATLAS_ITEM (stat),
                    atlas_item_get_name (ATLAS_ITEM (stat)), value);
    }
  gtk_label_set_text (self->related_heading, _("Related"));
}

static void
show_event (AtlasDetailsPane *self,
            AtlasEvent       *event)
{
  g_autofree char *date = atlas_format_date (atlas_event_get_date (event));
  g_autofree char *swatch = g_strdup_printf ("event-kind-%s",
                                             atlas_event_kind_to_string (atlas_event_get_kind (event)));
  g_autofree char *when = NULL;

  gtk_label_set_text (self->kind_label, atlas_event_kind_get_label (atlas_event_get_kind (event)));
  set_swatch (self, swatch);
  gtk_label_set_text (self->subtitle_label, date);
  gtk_label_set_text (self->description_label, atlas_event_get_summary (event));
  set_caveat (self, atlas_event_get_caveat (event));

  /* Translators: a date and how precisely the source gives it, "Dec 2020 (month known)". */
  when = g_strdup_printf (_("%s (%s)"), date,
                          atlas_date_precision_get_label (atlas_event_get_date_precision (event)));
  add_fact (self, _("Date"), when);
  /* The figures keep the source's qualifier ("超100亿元") and say when they
   * are plans.
   */
  if (!isnan (atlas_event_get_amount_cny (event)))
    {
      g_autofree char *amount = atlas_format_figure (atlas_event_get_amount_cny (event),
                                                     ATLAS_UNIT_YUAN,
                                                     atlas_event_get_amount_qualifier (event),
                                                     atlas_event_get_figures_planned (event)
                                                     ? ATLAS_FIGURE_PLANNED : ATLAS_FIGURE_REPORTED);
      add_fact (self, _("Amount"), amount);
    }
  if (atlas_event_get_project_count (event) >= 0)
    {
      g_autofree char *count = atlas_format_figure (atlas_event_get_project_count (event),
                                                    ATLAS_UNIT_COUNT, ATLAS_QUALIFIER_NONE,
                                                    atlas_event_get_figures_planned (event)
                                                    ? ATLAS_FIGURE_PLANNED : ATLAS_FIGURE_REPORTED);
      add_fact (self, _("Projects"), count);
    }
  if (atlas_event_get_place (event) != NULL)
    add_link_row (self, self->facts, ATLAS_ITEM (atlas_event_get_place (event)), _("Place"),
                  atlas_item_get_name (ATLAS_ITEM (atlas_event_get_place (event))));
  if (atlas_event_get_district (event) != NULL)
    add_link_row (self, self->facts, ATLAS_ITEM (atlas_event_get_district (event)), _("District"),
                  atlas_item_get_name (ATLAS_ITEM (atlas_event_get_district (event))));
  add_fact (self, _("Note"), atlas_event_get_note (event));

  for (guint i = 0; i < atlas_event_get_n_parties (event); i++)
    {
      const char *role = NULL;
      AtlasParty *party = atlas_event_get_party (event, i, &role);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), atlas_item_get_name (ATLAS_ITEM (party)));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), atlas_party_role_get_label (role));
      gtk_list_box_append (self->related, row);
    }
  for (guint i = 0; i < atlas_event_get_n_sites (event); i++)
    {
      const char *role = NULL;
      AtlasSite *site = atlas_event_get_site (event, i, &role);

      add_link_row (self, self->related, ATLAS_ITEM (site), atlas_item_get_name (ATLAS_ITEM (site)),
                    atlas_site_role_get_label (role));
    }
  gtk_label_set_text (self->related_heading, _("Parties and sites"));
}

static void
show_statistic (AtlasDetailsPane *self,
                AtlasStatistic   *stat)
{
  g_autofree char *value = atlas_format_value (atlas_statistic_get_value (stat),
                                               atlas_statistic_get_unit (stat),
                                               atlas_statistic_get_qualifier (stat));
  g_autofree char *as_of = atlas_format_date (atlas_statistic_get_as_of (stat));
  g_autofree char *figure = atlas_format_figure (atlas_statistic_get_value (stat),
                                                 atlas_statistic_get_unit (stat),
                                                 atlas_statistic_get_qualifier (stat),
                                                 atlas_statistic_get_is_target (stat)
                                                 ? ATLAS_FIGURE_TARGET : ATLAS_FIGURE_REPORTED);
  AtlasItem *series = NULL;

  gtk_label_set_text (self->kind_label, atlas_statistic_get_is_target (stat)
                                        ? _("Target") : _("Statistic"));
  set_swatch (self, NULL);
  gtk_label_set_text (self->subtitle_label, figure);
  gtk_label_set_text (self->description_label, NULL);
  set_caveat (self, atlas_statistic_get_caveat (stat));

  add_fact (self, _("Value"), value);
  if (atlas_statistic_get_is_target (stat))
    add_fact (self, _("Status"), _("A plan or target, not an achievement"));
  if (atlas_statistic_get_period (stat) != NULL)
    {
      g_autofree char *period = atlas_format_period (atlas_statistic_get_period (stat));
      add_fact (self, _("Period"), period);
    }
  add_fact (self, _("Scope"), atlas_statistic_get_scope_label (stat));
  add_fact (self, _("As of"), as_of);
  if (atlas_statistic_get_district (stat) != NULL)
    add_link_row (self, self->facts, ATLAS_ITEM (atlas_statistic_get_district (stat)), _("District"),
                  atlas_item_get_name (ATLAS_ITEM (atlas_statistic_get_district (stat))));
  if (atlas_statistic_get_site (stat) != NULL)
    add_link_row (self, self->facts, ATLAS_ITEM (atlas_statistic_get_site (stat)), _("Site"),
                  atlas_item_get_name (ATLAS_ITEM (atlas_statistic_get_site (stat))));
  if (atlas_statistic_get_series_id (stat) != NULL)
    series = atlas_dataset_lookup (self->dataset, "series", atlas_statistic_get_series_id (stat));
  if (series != NULL)
    add_fact (self, _("Series"), atlas_item_get_name (series));
  add_fact (self, _("Note"), atlas_statistic_get_note (stat));
  gtk_label_set_text (self->related_heading, NULL);
}

/* Selecting a district (one click on the map) shows it; filtering every
 * view by it is this button, so that a casual click hides nothing.
 */
static void
update_district_button (AtlasDetailsPane *self)
{
  AtlasItem *item = self->state ? atlas_state_get_selection (self->state) : NULL;
  gboolean filtering;
  const char *label;

  if (item == NULL || !ATLAS_IS_DISTRICT (item))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->district_button), FALSE);
      return;
    }

  filtering = atlas_state_get_district (self->state) == atlas_district_get_adcode (ATLAS_DISTRICT (item));
  label = filtering ? _("Show All Districts") : _("Show Only This District");
  adw_button_content_set_label (self->district_button_content, label);
  adw_button_content_set_icon_name (self->district_button_content,
                                    filtering ? "edit-clear-all-symbolic" : "funnel-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->district_button),
                               filtering ? _("Show the sites and events of every district again")
                                         : _("Show only the sites and events of this district, in every view"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->district_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->district_button), TRUE);
}

static void
on_district_button_clicked (AtlasDetailsPane *self)
{
  AtlasItem *item = self->state ? atlas_state_get_selection (self->state) : NULL;
  int adcode;

  if (item == NULL || !ATLAS_IS_DISTRICT (item))
    return;

  adcode = atlas_district_get_adcode (ATLAS_DISTRICT (item));
  atlas_state_set_district (self->state, atlas_state_get_district (self->state) == adcode ? 0 : adcode);
}

static void
show_district (AtlasDetailsPane *self,
               AtlasDistrict    *district)
{
  g_autoptr(GListModel) sites = atlas_dataset_list_sites_in_district (self->dataset, district);
  g_autoptr(GListModel) stats = atlas_dataset_list_statistics_for (self->dataset, ATLAS_ITEM (district));
  g_autofree char *site_count = g_strdup_printf ("%u", atlas_district_get_site_count (district));
  g_autofree char *event_count = g_strdup_printf ("%u", atlas_district_get_event_count (district));

  gtk_label_set_text (self->kind_label, atlas_district_kind_get_label (atlas_district_get_kind (district)));
  set_swatch (self, NULL);
  gtk_label_set_text (self->subtitle_label,
                      atlas_l10n_is_chinese () ? atlas_item_get_name_en (ATLAS_ITEM (district))
                                               : atlas_item_get_name_zh (ATLAS_ITEM (district)));
  gtk_label_set_text (self->description_label, NULL);

  add_fact (self, _("Sites"), site_count);
  add_fact (self, _("Events"), event_count);
  add_fact (self, _("Administrative code"), atlas_item_get_id (ATLAS_ITEM (district)));

  for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
    {
      g_autoptr(AtlasSite) site = g_list_model_get_item (sites, i);

      add_link_row (self, self->related, ATLAS_ITEM (site), atlas_item_get_name (ATLAS_ITEM (site)),
                    atlas_site_category_get_label (atlas_site_get_category (site)));
    }
  /* Sites known only to lie in an area that spans this district may be here
   * too; they are counted apart, never in the district.
   */
  for (guint i = 0; i < g_list_model_get_n_items (atlas_dataset_get_areas (self->dataset)); i++)
    {
      g_autoptr(AtlasArea) area = g_list_model_get_item (atlas_dataset_get_areas (self->dataset), i);
      g_autofree char *subtitle = NULL;
      guint n = atlas_area_get_site_count (area);

      if (n == 0 || !atlas_area_spans_district (area, atlas_district_get_adcode (district)))
        continue;
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               /* Translators: sites of an area that spans a district. */
                                               "%u more site in this area, district not known",
                                               "%u more sites in this area, district not known", n), n);
      add_link_row (self, self->related, ATLAS_ITEM (area), atlas_item_get_name (ATLAS_ITEM (area)), subtitle);
    }
  for (guint i = 0; i < g_list_model_get_n_items (stats); i++)
    {
      g_autoptr(AtlasStatistic) stat = g_list_model_get_item (stats, i);
      g_autofree char *value = dup_statistic_figure (stat);

      add_link_row (self, self->related, ATLAS_ITEM (stat), atlas_item_get_name (ATLAS_ITEM (stat)), value);
    }
  gtk_label_set_text (self->related_heading, _("Sites and statistics"));
}

static void
show_area (AtlasDetailsPane *self,
           AtlasArea        *area)
{
  g_autoptr(GListModel) sites = atlas_dataset_list_sites_in_area (self->dataset, area);
  g_autofree char *names = dup_district_names (area);
  g_autofree char *count = g_strdup_printf ("%u", atlas_area_get_site_count (area));

  gtk_label_set_text (self->kind_label, _("Area"));
  set_swatch (self, NULL);
  gtk_label_set_text (self->subtitle_label,
                      atlas_l10n_is_chinese () ? atlas_item_get_name_en (ATLAS_ITEM (area))
                                               : atlas_item_get_name_zh (ATLAS_ITEM (area)));
  gtk_label_set_text (self->description_label, atlas_area_get_description (area));

  add_fact (self, _("Districts"), names);
  add_fact (self, _("Sites known only to be here"), count);
  add_fact (self, _("Note"), atlas_area_get_note (area));

  for (guint i = 0; i < g_list_model_get_n_items (sites); i++)
    {
      g_autoptr(AtlasSite) site = g_list_model_get_item (sites, i);

      add_link_row (self, self->related, ATLAS_ITEM (site), atlas_item_get_name (ATLAS_ITEM (site)),
                    atlas_site_category_get_label (atlas_site_get_category (site)));
    }
  gtk_label_set_text (self->related_heading, _("Sites in this area"));
}

static void
show_source (AtlasDetailsPane *self,
             AtlasSource      *source)
{
  g_autoptr(GListModel) records = atlas_dataset_list_records_citing (self->dataset, source);
  g_autofree char *date = atlas_format_date (atlas_source_get_published_on (source));
  g_autofree char *count = NULL;

  gtk_label_set_text (self->kind_label, atlas_source_kind_get_label (atlas_source_get_kind (source)));
  set_swatch (self, NULL);
  gtk_label_set_text (self->subtitle_label, atlas_source_get_publisher (source));
  gtk_label_set_text (self->description_label, atlas_source_get_note (source));

  add_fact (self, _("Published"), date);
  add_fact (self, _("Document"), atlas_source_get_seed_file (source));
  count = g_strdup_printf ("%u", atlas_source_get_citation_count (source));
  add_fact (self, _("Records citing it"), count);

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(AtlasItem) item = g_list_model_get_item (records, i);

      add_link_row (self, self->related, item, atlas_item_get_name (item),
                    atlas_entity_get_label (atlas_item_get_entity (item)));
    }
  gtk_label_set_text (self->related_heading, _("Records citing this source"));
}

static void
show_party (AtlasDetailsPane *self,
            AtlasParty       *party)
{
  gtk_label_set_text (self->kind_label, _("Organisation"));
  set_swatch (self, NULL);
  gtk_label_set_text (self->subtitle_label,
                      atlas_l10n_is_chinese () ? atlas_item_get_name_en (ATLAS_ITEM (party))
                                               : atlas_item_get_name_zh (ATLAS_ITEM (party)));
  gtk_label_set_text (self->description_label, NULL);
  gtk_label_set_text (self->related_heading, NULL);
}

static void
update (AtlasDetailsPane *self)
{
  AtlasItem *item = self->state ? atlas_state_get_selection (self->state) : NULL;
  const char *description;

  clear_box (GTK_WIDGET (self->facts));
  clear_box (GTK_WIDGET (self->related));
  clear_box (GTK_WIDGET (self->citations));
  self->n_citations = 0;
  set_caveat (self, NULL);

  if (item == NULL || self->dataset == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_label_set_text (self->title_label, atlas_item_get_name (item));

  if (ATLAS_IS_SITE (item))
    show_site (self, ATLAS_SITE (item));
  else if (ATLAS_IS_EVENT (item))
    show_event (self, ATLAS_EVENT (item));
  else if (ATLAS_IS_STATISTIC (item))
    show_statistic (self, ATLAS_STATISTIC (item));
  else if (ATLAS_IS_DISTRICT (item))
    show_district (self, ATLAS_DISTRICT (item));
  else if (ATLAS_IS_SOURCE (item))
    show_source (self, ATLAS_SOURCE (item));
  else if (ATLAS_IS_PARTY (item))
    show_party (self, ATLAS_PARTY (item));
  else if (ATLAS_IS_AREA (item))
    show_area (self, ATLAS_AREA (item));

  add_citations (self, item);

  description = gtk_label_get_text (self->description_label);
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), description && *description);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label),
                          *gtk_label_get_text (self->subtitle_label) != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->facts),
                          gtk_widget_get_first_child (GTK_WIDGET (self->facts)) != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->related),
                          gtk_widget_get_first_child (GTK_WIDGET (self->related)) != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->related_heading),
                          gtk_widget_get_visible (GTK_WIDGET (self->related)));

  update_district_button (self);
  gtk_stack_set_visible_child_name (self->stack, "details");

  /* A new record starts at its top, not where the last one was scrolled. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
atlas_details_pane_dispose (GObject *object)
{
  AtlasDetailsPane *self = (AtlasDetailsPane *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_DETAILS_PANE);
  /* The template's unnamed top-level child is not cleared by the above. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL; )
    gtk_widget_unparent (child);
  g_clear_object (&self->dataset);
  g_clear_object (&self->state);

  G_OBJECT_CLASS (atlas_details_pane_parent_class)->dispose (object);
}

/* An empty label the keyboard could still select would be a stop with
 * nothing to say.
 */
static void
on_selectable_label_changed (GtkLabel *label)
{
  const char *text = gtk_label_get_label (label);

  gtk_label_set_selectable (label, text != NULL && *text != '\0');
}

static void
atlas_details_pane_class_init (AtlasDetailsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_details_pane_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/atlas-details-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPane, stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPane, kind_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPane, title_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPane, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPane, facts);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPane, description_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPane, caveat_box);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPane, caveat_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPane, related_heading);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPane, related);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPane, sources_heading);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPane, citations);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPane, swatch);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPane, scroller);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPane, district_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasDetailsPane, district_button_content);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_district_button_clicked);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "atlasdetailspane");
}

static void
atlas_details_pane_init (AtlasDetailsPane *self)
{
  GtkLabel *selectable[3];

  gtk_widget_init_template (GTK_WIDGET (self));

  selectable[0] = self->title_label;
  selectable[1] = self->subtitle_label;
  selectable[2] = self->description_label;
  for (guint i = 0; i < G_N_ELEMENTS (selectable); i++)
    {
      g_signal_connect (selectable[i], "notify::label", G_CALLBACK (on_selectable_label_changed), NULL);
      on_selectable_label_changed (selectable[i]);
    }
}

void
atlas_details_pane_bind (AtlasDetailsPane *self,
                         AtlasDataset     *dataset,
                         AtlasState       *state)
{
  g_return_if_fail (ATLAS_IS_DETAILS_PANE (self));
  g_return_if_fail (ATLAS_IS_DATASET (dataset));
  g_return_if_fail (ATLAS_IS_STATE (state));

  g_set_object (&self->dataset, dataset);
  g_set_object (&self->state, state);
  g_signal_connect_object (state, "notify::selection", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (state, "notify::district", G_CALLBACK (update_district_button), self,
                           G_CONNECT_SWAPPED);
  update (self);
}

const char *
atlas_details_pane_get_title (AtlasDetailsPane *self)
{
  g_return_val_if_fail (ATLAS_IS_DETAILS_PANE (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "details") != 0)
    return NULL;
  return gtk_label_get_text (self->title_label);
}

guint
atlas_details_pane_get_n_citations (AtlasDetailsPane *self)
{
  g_return_val_if_fail (ATLAS_IS_DETAILS_PANE (self), 0);

  return self->n_citations;
}

/* How far the pane is scrolled: a new selection starts at the top. */
GtkAdjustment *
atlas_details_pane_get_vadjustment (AtlasDetailsPane *self)
{
  g_return_val_if_fail (ATLAS_IS_DETAILS_PANE (self), NULL);

  return gtk_scrolled_window_get_vadjustment (self->scroller);
}

/* All the text the pane shows, one piece a line: for tests and for copying. */
char *
atlas_details_pane_dup_text (AtlasDetailsPane *self)
{
  GString *text = g_string_new (NULL);
  GtkWidget *root;
  GPtrArray *stack;

  g_return_val_if_fail (ATLAS_IS_DETAILS_PANE (self), NULL);

  root = gtk_stack_get_visible_child (self->stack);
  stack = g_ptr_array_new ();
  g_ptr_array_add (stack, root);
  while (stack->len > 0)
    {
      GtkWidget *w = g_ptr_array_steal_index (stack, stack->len - 1);

      if (!gtk_widget_get_visible (w))
        continue;
      if (GTK_IS_LABEL (w) && *gtk_label_get_text (GTK_LABEL (w)) != '\0')
        g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (w)));
      for (GtkWidget *c = gtk_widget_get_last_child (w); c; c = gtk_widget_get_prev_sibling (c))
        g_ptr_array_add (stack, c);
    }
  g_ptr_array_unref (stack);

  return g_string_free (text, FALSE);
}
