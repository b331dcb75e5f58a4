/* atlas-sources-page.c
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
#include "atlas-citation.h"
#include "atlas-dataset.h"
#include "atlas-format.h"
#include "atlas-item.h"
#include "atlas-labels.h"
#include "atlas-source.h"
#include "atlas-sources-page.h"
#include "atlas-state.h"
#include "atlas-view.h"

/* The Sources page: the documents everything in the atlas comes from.  The
 * sidebar lists them; the main part shows the chosen one and every record
 * that cites it, with the quote.  Activating a record selects it, so the
 * details pane (and the other views) follow.
 */

struct _AtlasSourcesPage
{
  GtkWidget           parent_instance;

  AtlasDataset       *dataset;
  AtlasState         *state;
  GtkSingleSelection *selection;
  AtlasSource        *shown;      /* the source the records list is for */
  gboolean            stale;      /* the list does not show it yet */
  gboolean            syncing;

  GtkListView        *source_list;
  GtkLabel           *title_label;
  GtkLabel           *subtitle_label;
  GtkLabel           *summary_label;
  GtkLabel           *note_label;
  GtkListBox         *records;
  GtkStack           *stack;
};

static void atlas_sources_page_view_init (AtlasViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasSourcesPage, atlas_sources_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ATLAS_TYPE_VIEW, atlas_sources_page_view_init))

/* ---- the sidebar ------------------------------------------------------ */

static void
setup_source_row (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (item, box);
}

static char *
dup_source_subtitle (AtlasSource *source)
{
  g_autofree char *date = atlas_format_date (atlas_source_get_published_on (source));

  /* Translators: publisher and date of a source document. */
  return g_strdup_printf (_("%s · %s"), atlas_source_get_publisher (source), date);
}

static void
bind_source_row (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  AtlasSource *source = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  g_autofree char *subtitle = dup_source_subtitle (source);
  /* Translators: how a screen reader reads a source in the list: its
   * title, then its publisher and date.
   */
  g_autofree char *name = g_strdup_printf (C_("source row", "%s, %s"),
                                           atlas_item_get_name (ATLAS_ITEM (source)), subtitle);

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)),
                      atlas_item_get_name (ATLAS_ITEM (source)));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (box)), subtitle);
  atlas_accessible_label_list_item (item, name);
}

/* ---- the chosen source ------------------------------------------------ */

static GtkWidget *
create_record_row (AtlasSourcesPage *self,
                   AtlasSource      *source,
                   AtlasItem        *item)
{
  g_autoptr(GListModel) citations = atlas_dataset_list_citations (self->dataset, item);
  GtkWidget *row, *box, *header, *kind, *name, *arrow;
  guint n = g_list_model_get_n_items (citations);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  kind = gtk_label_new (atlas_entity_get_label (atlas_item_get_entity (item)));
  gtk_widget_add_css_class (kind, "tag");
  gtk_widget_set_valign (kind, GTK_ALIGN_CENTER);
  name = gtk_label_new (atlas_item_get_name (item));
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "heading");
  arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  gtk_box_append (GTK_BOX (header), kind);
  gtk_box_append (GTK_BOX (header), name);
  gtk_box_append (GTK_BOX (header), arrow);
  gtk_box_append (GTK_BOX (box), header);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasCitation) citation = g_list_model_get_item (citations, i);
      g_autofree char *quoted = NULL;
      GtkWidget *quote;

      if (atlas_citation_get_source (citation) != source)
        continue;

      quoted = g_strdup_printf (_("“%s”"), atlas_citation_get_quote (citation));
      quote = gtk_label_new (quoted);
      gtk_label_set_xalign (GTK_LABEL (quote), 0);
      gtk_label_set_wrap (GTK_LABEL (quote), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (quote), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (quote, "quote");
      gtk_box_append (GTK_BOX (box), quote);
    }

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, atlas_item_get_name (item),
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "atlas-item", g_object_ref (item), g_object_unref);

  return row;
}

static void
fill_source (AtlasSourcesPage *self,
             AtlasSource      *source)
{
  g_autoptr(GListModel) records = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->records))) != NULL)
    gtk_list_box_remove (self->records, child);

  if (source == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }

  records = atlas_dataset_list_records_citing (self->dataset, source);
  n = g_list_model_get_n_items (records);

  subtitle = dup_source_subtitle (source);
  summary = g_strdup_printf (g_dngettext (NULL,
                                          "%s · cited by %u record",
                                          "%s · cited by %u records", n),
                             atlas_source_kind_get_label (atlas_source_get_kind (source)), n);

  gtk_label_set_text (self->title_label, atlas_item_get_name (ATLAS_ITEM (source)));
  gtk_label_set_text (self->subtitle_label, subtitle);
  gtk_label_set_text (self->summary_label, summary);
  gtk_label_set_text (self->note_label, atlas_source_get_note (source));
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), atlas_source_get_note (source) != NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasItem) item = g_list_model_get_item (records, i);

      gtk_list_box_append (self->records, create_record_row (self, source, item));
    }

  gtk_stack_set_visible_child_name (self->stack, "source");
}

/* The records of a source are listed only while the page is shown: a row
 * with its quotes for every record citing the first source was a fifth of
 * the start-up of a window that opens on the map.
 */
static void
show_source (AtlasSourcesPage *self,
             AtlasSource      *source)
{
  g_set_object (&self->shown, source);
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      fill_source (self, source);
      self->stale = FALSE;
    }
}

static void
atlas_sources_page_map (GtkWidget *widget)
{
  AtlasSourcesPage *self = ATLAS_SOURCES_PAGE (widget);

  if (self->stale)
    {
      fill_source (self, self->shown);
      self->stale = FALSE;
    }

  GTK_WIDGET_CLASS (atlas_sources_page_parent_class)->map (widget);
}

static void
on_selected_source_changed (AtlasSourcesPage *self)
{
  AtlasSource *source = gtk_single_selection_get_selected_item (self->selection);

  show_source (self, source);

  /* Only a source the user picks becomes the selection: the list's own
   * autoselect (at bind time or after a reload) must not switch pages.
   */
  if (self->syncing || source == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  self->syncing = TRUE;
  atlas_state_set_selection (self->state, ATLAS_ITEM (source));
  self->syncing = FALSE;
}

static void
on_state_selection_changed (AtlasSourcesPage *self)
{
  AtlasItem *item = atlas_state_get_selection (self->state);
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  if (self->syncing || item == NULL || !ATLAS_IS_SOURCE (item))
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) candidate = g_list_model_get_item (model, i);

      if (candidate == (GObject *) item)
        {
          self->syncing = TRUE;
          gtk_single_selection_set_selected (self->selection, i);
          self->syncing = FALSE;
          break;
        }
    }
}

static void
on_record_activated (AtlasSourcesPage *self,
                     GtkListBoxRow    *row)
{
  AtlasItem *item = g_object_get_data (G_OBJECT (row), "atlas-item");

  if (item != NULL)
    atlas_state_set_selection (self->state, item);
}

static void
on_dataset_reloaded (AtlasSourcesPage *self)
{
  show_source (self, gtk_single_selection_get_selected_item (self->selection));
}

static void
atlas_sources_page_dispose (GObject *object)
{
  AtlasSourcesPage *self = (AtlasSourcesPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_SOURCES_PAGE);
  /* The template's unnamed top-level child is not cleared by the above. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL; )
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->shown);
  g_clear_object (&self->dataset);
  g_clear_object (&self->state);

  G_OBJECT_CLASS (atlas_sources_page_parent_class)->dispose (object);
}

static void
atlas_sources_page_class_init (AtlasSourcesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_sources_page_dispose;

  widget_class->map = atlas_sources_page_map;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-sources-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasSourcesPage, source_list);
  gtk_widget_class_bind_template_child (widget_class, AtlasSourcesPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasSourcesPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasSourcesPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasSourcesPage, note_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasSourcesPage, records);
  gtk_widget_class_bind_template_child (widget_class, AtlasSourcesPage, stack);
  gtk_widget_class_bind_template_callback (widget_class, on_record_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
atlas_sources_page_init (AtlasSourcesPage *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_source_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_source_row), NULL);
  gtk_list_view_set_factory (self->source_list, factory);
  g_object_unref (factory);
}

void
atlas_sources_page_bind (AtlasSourcesPage *self,
                         AtlasSession     *session)
{
  AtlasDataset *dataset;

  g_return_if_fail (ATLAS_IS_SOURCES_PAGE (self));
  g_return_if_fail (ATLAS_IS_SESSION (session));
  g_return_if_fail (self->dataset == NULL);

  dataset = atlas_session_get_dataset (session);
  self->dataset = g_object_ref (dataset);
  self->state = g_object_ref (atlas_session_get_state (session));

  self->selection = gtk_single_selection_new (g_object_ref (atlas_dataset_get_sources (dataset)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_list_view_set_model (self->source_list, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_source_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::selection",
                           G_CALLBACK (on_state_selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "reloaded",
                           G_CALLBACK (on_dataset_reloaded), self, G_CONNECT_SWAPPED);

  show_source (self, gtk_single_selection_get_selected_item (self->selection));
  on_state_selection_changed (self);
}

/**
 * atlas_sources_page_get_model:
 *
 * Returns: (transfer none): the sources the sidebar lists
 */
GListModel *
atlas_sources_page_get_model (AtlasSourcesPage *self)
{
  g_return_val_if_fail (ATLAS_IS_SOURCES_PAGE (self), NULL);

  return G_LIST_MODEL (self->selection);
}

/* The records the chosen source supports, as rows (for tests). */
guint
atlas_sources_page_get_n_records (AtlasSourcesPage *self)
{
  guint n = 0;

  g_return_val_if_fail (ATLAS_IS_SOURCES_PAGE (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->records));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static void
atlas_sources_page_view_bind (AtlasView    *view,
                              AtlasSession *session)
{
  atlas_sources_page_bind (ATLAS_SOURCES_PAGE (view), session);
}

static void
atlas_sources_page_view_init (AtlasViewInterface *iface)
{
  iface->bind = atlas_sources_page_view_bind;
}
