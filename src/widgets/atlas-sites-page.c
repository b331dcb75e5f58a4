/* atlas-sites-page.c
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
#include "atlas-area.h"
#include "atlas-dataset.h"
#include "atlas-district.h"
#include "atlas-format.h"
#include "atlas-item.h"
#include "atlas-l10n.h"
#include "atlas-labels.h"
#include "atlas-site.h"
#include "atlas-sites-page.h"
#include "atlas-state.h"
#include "atlas-style.h"
#include "atlas-view.h"

/* The Sites page: every site in a sortable table, filtered live by the shared
 * state (search text, categories, time range, district).  Selecting a row
 * selects the site everywhere; a site selected elsewhere is selected here.
 */

struct _AtlasSitesPage
{
  GtkWidget           parent_instance;

  AtlasSession       *session;
  AtlasDataset       *dataset;
  AtlasState         *state;
  GListModel         *filtered;     /* the session's filtered sites */
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
  gboolean            syncing;
  gboolean            refiltering;

  GtkStack           *stack;
  GtkColumnView      *column_view;
  GtkWidget          *status_bar;
  GtkLabel           *count_label;
  GtkWidget          *sort_button;
  gboolean            presenting;

  /* The order of the rows, as the Sort menu and the column headers show it. */
  guint               sort_column;
  GtkSortType         sort_order;
  guint               sync_headers_id;
};

static void atlas_sites_page_view_init (AtlasViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasSitesPage, atlas_sites_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (ATLAS_TYPE_VIEW, atlas_sites_page_view_init))

enum
{
  PROP_0,
  PROP_SORT_COLUMN,
  PROP_SORT_ORDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- cells ------------------------------------------------------------ */

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
setup_category (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

typedef enum
{
  COLUMN_NAME,
  COLUMN_CATEGORY,
  COLUMN_DISTRICT,
  COLUMN_PRECISION,
  COLUMN_ESTABLISHED,
} Column;

/* What the District column says: the district of a site with a point, the
 * area of a site known only to lie in one (never a made-up district), or
 * that no place is known.
 */
static const char *
place_label (AtlasSite *site)
{
  if (atlas_site_get_district (site) != NULL)
    return atlas_item_get_name (ATLAS_ITEM (atlas_site_get_district (site)));
  if (atlas_site_get_area (site) != NULL)
    return atlas_item_get_name (ATLAS_ITEM (atlas_site_get_area (site)));
  /* Translators: the District column of a site whose place the sources do not give. */
  return C_("district", "Not known");
}

static char *
place_tooltip (AtlasSite *site)
{
  AtlasArea *area = atlas_site_get_area (site);
  g_autoptr(GString) districts = NULL;

  if (atlas_site_get_district (site) != NULL)
    return NULL;
  if (area == NULL)
    return g_strdup (_("The sources name this site but give no place"));

  districts = g_string_new (NULL);
  for (guint i = 0; i < atlas_area_get_n_districts (area); i++)
    {
      if (i > 0)
        /* Translators: between the names of a list, "、" in Chinese. */
        g_string_append (districts, C_("list separator", ", "));
      g_string_append (districts, atlas_item_get_name (ATLAS_ITEM (atlas_area_get_district (area, i))));
    }
  /* Translators: a tooltip; %s is a list of districts. */
  return g_strdup_printf (_("In one of these districts, which one is not known: %s"), districts->str);
}

/* What a cell shows, and what a screen reader says of it. */
static char *
dup_cell_text (AtlasSite *site,
               Column     column)
{
  switch (column)
    {
    case COLUMN_NAME:
      return g_strdup (atlas_item_get_name (ATLAS_ITEM (site)));

    case COLUMN_CATEGORY:
      return g_strdup (atlas_site_category_get_label (atlas_site_get_category (site)));

    case COLUMN_DISTRICT:
      return g_strdup (place_label (site));

    case COLUMN_PRECISION:
      return g_strdup (atlas_location_precision_get_label (atlas_site_get_location_precision (site)));

    case COLUMN_ESTABLISHED:
      return atlas_format_date (atlas_site_get_established_on (site));

    default:
      g_assert_not_reached ();
    }
}

/* A row, as a screen reader says it: every cell in turn, the empty ones
 * left out.
 */
static char *
dup_row_text (AtlasSite *site)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (Column column = COLUMN_NAME; column <= COLUMN_ESTABLISHED; column++)
    {
      g_autofree char *cell = dup_cell_text (site, column);

      if (cell == NULL || *cell == '\0')
        continue;
      if (text->len > 0)
        /* Translators: between the cells of a table row read aloud. */
        g_string_append (text, C_("table row", ", "));
      g_string_append (text, cell);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  AtlasSite *site = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  g_autofree char *text = dup_cell_text (site, column);
  g_autofree char *row = dup_row_text (site);

  switch (column)
    {
    case COLUMN_NAME:
      gtk_label_set_text (GTK_LABEL (child), text);
      gtk_widget_set_tooltip_text (child, text);
      break;

    case COLUMN_CATEGORY:
      {
        GtkWidget *swatch = gtk_widget_get_first_child (child);
        GtkWidget *label = gtk_widget_get_last_child (child);
        g_autofree char *css = g_strdup_printf ("category-%s",
                                                atlas_site_category_to_string (atlas_site_get_category (site)));
        const char *classes[] = { "swatch", css, NULL };

        gtk_widget_set_css_classes (swatch, classes);
        gtk_label_set_text (GTK_LABEL (label), text);
      }
      break;

    case COLUMN_DISTRICT:
      {
        g_autofree char *tooltip = place_tooltip (site);

        gtk_label_set_text (GTK_LABEL (child), text);
        gtk_widget_set_tooltip_text (child, tooltip);
        /* Not a district: set apart, as GNOME lists do with secondary text. */
        if (atlas_site_has_point (site))
          gtk_widget_remove_css_class (child, "dim-label");
        else
          gtk_widget_add_css_class (child, "dim-label");
      }
      break;

    case COLUMN_PRECISION:
      gtk_label_set_text (GTK_LABEL (child), text);
      gtk_widget_set_tooltip_text (child,
                                   atlas_location_precision_get_description (atlas_site_get_location_precision (site)));
      break;

    case COLUMN_ESTABLISHED:
      gtk_label_set_text (GTK_LABEL (child), text);
      break;

    default:
      g_assert_not_reached ();
    }

  /* GTK 4.8 would call every row "GtkListItemWidget". */
  atlas_accessible_label_column_cell (item, text, row);
}

/* ---- sorting ---------------------------------------------------------- */

/* Sorting compares collation keys made once: for the names, districts and
 * areas the records keep theirs (atlas_item_get_sort_key()); the eleven
 * category labels are keyed here.  Making keys on every comparison was most
 * of the start-up with 100,000 sites.
 */
static const char *
category_sort_key (AtlasSiteCategory category)
{
  static char *keys[2][ATLAS_N_SITE_CATEGORIES];
  gboolean chinese = atlas_l10n_is_chinese ();

  if (keys[chinese][category] == NULL)
    keys[chinese][category] = g_utf8_collate_key (atlas_site_category_get_label (category), -1);
  return keys[chinese][category];
}

/* The key of the place the District column shows, "" when none is known. */
static const char *
place_sort_key (AtlasSite *site)
{
  if (atlas_site_get_district (site) != NULL)
    return atlas_item_get_sort_key (ATLAS_ITEM (atlas_site_get_district (site)));
  if (atlas_site_get_area (site) != NULL)
    return atlas_item_get_sort_key (ATLAS_ITEM (atlas_site_get_area (site)));
  return "";
}

static int
compare_sites (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  AtlasSite *sa = (AtlasSite *) a;
  AtlasSite *sb = (AtlasSite *) b;
  int result = 0;

  switch (column)
    {
    case COLUMN_CATEGORY:
      result = strcmp (category_sort_key (atlas_site_get_category (sa)),
                       category_sort_key (atlas_site_get_category (sb)));
      break;

    case COLUMN_DISTRICT:
      /* Districts first, then areas, then sites with no known place. */
      result = (atlas_site_get_district (sa) == NULL) - (atlas_site_get_district (sb) == NULL);
      if (result == 0)
        result = (atlas_site_get_area (sa) == NULL) - (atlas_site_get_area (sb) == NULL);
      if (result == 0)
        result = strcmp (place_sort_key (sa), place_sort_key (sb));
      break;

    case COLUMN_PRECISION:
      result = (int) atlas_site_get_location_precision (sa) - (int) atlas_site_get_location_precision (sb);
      break;

    case COLUMN_ESTABLISHED:
      /* Undated sites sort last either way round is not possible with one
       * comparison; they sort first, as "earliest unknown".
       */
      result = g_strcmp0 (atlas_site_get_established_on (sa), atlas_site_get_established_on (sb));
      break;

    case COLUMN_NAME:
    default:
      break;
    }

  /* Ties (and the name column) fall back to the name. */
  if (result == 0)
    result = strcmp (atlas_item_get_sort_key (ATLAS_ITEM (sa)), atlas_item_get_sort_key (ATLAS_ITEM (sb)));

  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
add_column (AtlasSitesPage *self,
            Column          column,
            const char     *title,
            gboolean        expand,
            int             fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) col = NULL;
  g_autoptr(GtkSorter) sorter = NULL;

  g_signal_connect (factory, "setup",
                    column == COLUMN_CATEGORY ? G_CALLBACK (setup_category) : G_CALLBACK (setup_label),
                    NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));

  col = gtk_column_view_column_new (title, factory);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_sites, GINT_TO_POINTER (column), NULL));
  gtk_column_view_column_set_sorter (col, sorter);
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_column_set_resizable (col, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (col, fixed_width);
  gtk_column_view_append_column (self->column_view, col);
}

/* The Sort menu (for the keyboard: GTK 4.8's column headers take no focus)
 * and the headers agree: the menu sorts through the column view, and a
 * click on a header shows in the menu.
 */
static const char *sort_columns[] = { "name", "category", "district", "location", "established" };

static void
apply_sort (AtlasSitesPage *self)
{
  g_autoptr(GtkColumnViewColumn) column =
    g_list_model_get_item (gtk_column_view_get_columns (self->column_view), self->sort_column);

  if (column == NULL)
    return;
  /* GTK 4.8 leaves the arrow of the column sorted by before on its header
   * unless the sorting is cleared first.
   */
  gtk_column_view_sort_by_column (self->column_view, NULL, GTK_SORT_ASCENDING);
  gtk_column_view_sort_by_column (self->column_view, column, self->sort_order);
}

static gboolean
sync_headers (gpointer data)
{
  AtlasSitesPage *self = data;
  GtkSortType order = GTK_SORT_ASCENDING;
  int column;

  self->sync_headers_id = 0;
  column = atlas_accessible_name_column_headers (self->column_view, &order);
  if (column < 0 || column >= (int) G_N_ELEMENTS (sort_columns))
    return G_SOURCE_REMOVE;

  if (self->sort_column != (guint) column)
    {
      self->sort_column = column;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_COLUMN]);
    }
  if (self->sort_order != order)
    {
      self->sort_order = order;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_ORDER]);
    }
  return G_SOURCE_REMOVE;
}

static void
on_sorter_changed (AtlasSitesPage *self)
{
  /* The headers update their sort indicators on the same signal.  (The
   * columns going away with the page change the sorter too.)
   */
  if (self->sync_headers_id == 0 && self->column_view != NULL && !gtk_widget_in_destruction (GTK_WIDGET (self)))
    /* Above redrawing: an animation elsewhere must not hold it back. */
    self->sync_headers_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, sync_headers, self, NULL);
}

/* ---- state ------------------------------------------------------------ */

/* What makes the window's filter bar show (see atlas-filter-bar.c). */
static gboolean
filter_bar_shows (AtlasSitesPage *self)
{
  const char *choropleth = atlas_state_get_choropleth (self->state);

  return atlas_state_is_filtering (self->state) ||
         atlas_state_get_selection (self->state) != NULL ||
         (choropleth != NULL && *choropleth != '\0');
}

static void
update_count (AtlasSitesPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint total = g_list_model_get_n_items (atlas_dataset_get_sites (self->dataset));
  g_autofree char *text = NULL;

  if (shown == total)
    text = g_strdup_printf (g_dngettext (NULL, "%u site", "%u sites", total), total);
  else
    /* Translators: "Showing 14 of 52 sites". */
    text = g_strdup_printf (g_dngettext (NULL, "Showing %u of %u site", "Showing %u of %u sites", total),
                            shown, total);

  gtk_label_set_text (self->count_label, text);

  /* The filter bar says "Showing 14 of 52 sites" and has "Clear All"
   * whenever it shows (a filter, a selection or a shaded map): the page's
   * own line only when it does not, so the count is said once.  On stage
   * there is no filter bar: the line says it.
   */
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), self->presenting || !filter_bar_shows (self));
  gtk_widget_set_visible (GTK_WIDGET (self->sort_button), !self->presenting);
  gtk_stack_set_visible_child_name (self->stack, shown > 0 ? "list" : "empty");
}

static void
on_selected_item_changed (AtlasSitesPage *self)
{
  AtlasSite *site;

  /* While the list refilters, the row under the selection changes by
   * itself; that is not the user choosing another site.
   */
  if (self->syncing || self->refiltering)
    return;

  site = gtk_single_selection_get_selected_item (self->selection);
  if (site != NULL)
    {
      self->syncing = TRUE;
      atlas_state_set_selection (self->state, ATLAS_ITEM (site));
      self->syncing = FALSE;
    }
}

/* Brings a row into view (GTK 4.8 has no gtk_column_view_scroll_to ()). */
static void
scroll_to (AtlasSitesPage *self,
           guint           position)
{
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->column_view), "list.scroll-to-item", "u", position);
}

static void
on_state_selection_changed (AtlasSitesPage *self)
{
  AtlasItem *item = atlas_state_get_selection (self->state);
  GListModel *model = G_LIST_MODEL (self->sorted);
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->syncing || self->refiltering)
    return;

  if (item != NULL && ATLAS_IS_SITE (item))
    {
      guint n = g_list_model_get_n_items (model);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) candidate = g_list_model_get_item (model, i);

          if (candidate == (GObject *) item)
            {
              position = i;
              break;
            }
        }
    }

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing = FALSE;

  /* If the table has its rows yet; ensure_attached() brings it then. */
  if (gtk_column_view_get_model (self->column_view) != NULL)
    scroll_to (self, position);
}

static void
ensure_sorted (AtlasSitesPage *self)
{
  if (self->sorted == NULL || gtk_sort_list_model_get_sorter (self->sorted) != NULL)
    return;
  gtk_sort_list_model_set_sorter (self->sorted, gtk_column_view_get_sorter (self->column_view));
}

/* The table gets its rows only when the page first shows: a column view
 * given a model makes row widgets for it even while hidden, and a window
 * that opens on the map need not pay for that (a tenth of its start-up).
 */
static void
ensure_attached (AtlasSitesPage *self)
{
  if (self->selection == NULL || gtk_column_view_get_model (self->column_view) != NULL)
    return;
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  scroll_to (self, gtk_single_selection_get_selected (self->selection));
}

static void
atlas_sites_page_map (GtkWidget *widget)
{
  ensure_sorted (ATLAS_SITES_PAGE (widget));
  ensure_attached (ATLAS_SITES_PAGE (widget));

  GTK_WIDGET_CLASS (atlas_sites_page_parent_class)->map (widget);
}

static void
atlas_sites_page_dispose (GObject *object)
{
  AtlasSitesPage *self = (AtlasSitesPage *)object;

  /* Taking the columns away re-sorts the list: nothing to follow then. */
  if (self->sorted != NULL)
    g_signal_handlers_disconnect_by_data (self->sorted, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_SITES_PAGE);
  g_clear_handle_id (&self->sync_headers_id, g_source_remove);
  /* The template's unnamed top-level child is not cleared by the above. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL; )
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->dataset);
  g_clear_object (&self->state);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (atlas_sites_page_parent_class)->dispose (object);
}

static void
atlas_sites_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AtlasSitesPage *self = ATLAS_SITES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SORT_COLUMN:
      g_value_set_string (value, sort_columns[self->sort_column]);
      break;

    case PROP_SORT_ORDER:
      g_value_set_string (value, self->sort_order == GTK_SORT_DESCENDING ? "descending" : "ascending");
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_sites_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AtlasSitesPage *self = ATLAS_SITES_PAGE (object);
  const char *text = g_value_get_string (value);

  switch (prop_id)
    {
    case PROP_SORT_COLUMN:
      for (guint i = 0; i < G_N_ELEMENTS (sort_columns); i++)
        if (g_strcmp0 (text, sort_columns[i]) == 0 && self->sort_column != i)
          {
            self->sort_column = i;
            apply_sort (self);
            g_object_notify_by_pspec (object, pspec);
          }
      break;

    case PROP_SORT_ORDER:
      {
        GtkSortType order = g_strcmp0 (text, "descending") == 0 ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING;

        if (self->sort_order != order)
          {
            self->sort_order = order;
            apply_sort (self);
            g_object_notify_by_pspec (object, pspec);
          }
      }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_sites_page_class_init (AtlasSitesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_sites_page_dispose;
  widget_class->map = atlas_sites_page_map;
  object_class->get_property = atlas_sites_page_get_property;
  object_class->set_property = atlas_sites_page_set_property;

  /**
   * AtlasSitesPage:sort-column:
   *
   * The column the rows are sorted by: "name", "category", "district",
   * "location" or "established".
   */
  properties[PROP_SORT_COLUMN] =
    g_param_spec_string ("sort-column", NULL, NULL, "name",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * AtlasSitesPage:sort-order:
   *
   * "ascending" or "descending".
   */
  properties[PROP_SORT_ORDER] =
    g_param_spec_string ("sort-order", NULL, NULL, "ascending",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_property_action (widget_class, "sites.sort-column", "sort-column");
  gtk_widget_class_install_property_action (widget_class, "sites.sort-order", "sort-order");

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-sites-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasSitesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasSitesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, AtlasSitesPage, status_bar);
  gtk_widget_class_bind_template_child (widget_class, AtlasSitesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasSitesPage, sort_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
atlas_sites_page_init (AtlasSitesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_column (self, COLUMN_NAME, _("Name"), TRUE, -1);
  add_column (self, COLUMN_CATEGORY, _("Category"), FALSE, 190);
  add_column (self, COLUMN_DISTRICT, _("District"), FALSE, 240);
  add_column (self, COLUMN_PRECISION, _("Location"), FALSE, 140);
  add_column (self, COLUMN_ESTABLISHED, _("Established"), FALSE, 130);

  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed), self, G_CONNECT_SWAPPED);
  atlas_accessible_name_column_headers (self->column_view, NULL);
}

/* The sorted list is about to change under the selection model. */
static void
on_sorted_items_changing (AtlasSitesPage *self)
{
  self->refiltering = TRUE;
}

/* ... and has changed: the selected row follows the state's selection,
 * never the other way round.
 */
static void
on_sorted_items_changed (AtlasSitesPage *self)
{
  self->refiltering = FALSE;
  on_state_selection_changed (self);
}

void
atlas_sites_page_bind (AtlasSitesPage *self,
                       AtlasSession   *session)
{
  g_return_if_fail (ATLAS_IS_SITES_PAGE (self));
  g_return_if_fail (ATLAS_IS_SESSION (session));
  g_return_if_fail (self->session == NULL);

  self->session = g_object_ref (session);
  self->dataset = g_object_ref (atlas_session_get_dataset (session));
  self->state = g_object_ref (atlas_session_get_state (session));

  self->filtered = g_object_ref (atlas_session_get_sites (session));
  /* Sorted when the page is first shown (ensure_sorted()): a window that
   * opens on the map need not sort the sites.
   */
  self->sorted = gtk_sort_list_model_new (g_object_ref (self->filtered), NULL);
  /* Around the selection model's own handler, which is connected when it is
   * made: one before it, one after every handler.
   */
  g_signal_connect_object (self->sorted, "items-changed",
                           G_CALLBACK (on_sorted_items_changing), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sorted, "items-changed",
                           G_CALLBACK (on_sorted_items_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  /* Sorted by name until the user picks a column. */
  {
    g_autoptr(GtkColumnViewColumn) name = g_list_model_get_item (gtk_column_view_get_columns (self->column_view), 0);

    gtk_column_view_sort_by_column (self->column_view, name, GTK_SORT_ASCENDING);
  }
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      ensure_sorted (self);
      ensure_attached (self);
    }

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_item_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "items-changed",
                           G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::selection",
                           G_CALLBACK (on_state_selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::selection",
                           G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::choropleth",
                           G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "filters-changed",
                           G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "reloaded",
                           G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);

  update_count (self);
  on_state_selection_changed (self);
}

/**
 * atlas_sites_page_get_model:
 *
 * Returns: (transfer none): the sites as the table shows them, filtered and sorted
 */
GListModel *
atlas_sites_page_get_model (AtlasSitesPage *self)
{
  g_return_val_if_fail (ATLAS_IS_SITES_PAGE (self), NULL);

  ensure_sorted (self);
  return G_LIST_MODEL (self->sorted);
}

static void
atlas_sites_page_view_bind (AtlasView    *view,
                            AtlasSession *session)
{
  atlas_sites_page_bind (ATLAS_SITES_PAGE (view), session);
}

/* ---- on stage and on paper -------------------------------------------- */

static void
atlas_sites_page_set_presenting (AtlasView *view,
                                 gboolean   presenting)
{
  AtlasSitesPage *self = ATLAS_SITES_PAGE (view);

  self->presenting = !!presenting;
  if (self->state != NULL)
    update_count (self);
  if (presenting)
    gtk_widget_add_css_class (GTK_WIDGET (self), "presenting");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "presenting");
}

static gboolean
atlas_sites_page_get_subject_bounds (AtlasView       *view,
                                     graphene_rect_t *bounds)
{
  AtlasSitesPage *self = ATLAS_SITES_PAGE (view);

  return gtk_widget_compute_bounds (GTK_WIDGET (self->stack), GTK_WIDGET (self), bounds);
}

static void
append_text (GtkSnapshot          *snapshot,
             PangoLayout          *layout,
             const char           *text,
             double                x,
             double                y,
             double                width,
             const GdkRGBA        *color)
{
  pango_layout_set_text (layout, text ? text : "", -1);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

/* The filtered table as a picture, for handouts and slides: the same rows in
 * the same order as on screen, as many as fit, the selected site in bold.
 */
static GskRenderNode *
atlas_sites_page_render (AtlasView *view,
                         int        width,
                         int        height,
                         gboolean   dark)
{
  AtlasSitesPage *self = ATLAS_SITES_PAGE (view);
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  AtlasItem *selected;
  const char *headers[] = { _("Name"), _("Category"), _("District") };
  const double columns[] = { 0.0, 0.55, 0.8, 1.0 };
  const AtlasPalette *palette = atlas_style_get_palette (atlas_style_variant_for (dark, FALSE, self->presenting));
  GdkRGBA fg = palette->text, bg = palette->view, rule = palette->grid, band = palette->shade;
  PangoFontDescription *font;
  double row_h, font_px, pad;
  guint n, shown;

  if (self->sorted == NULL)
    return NULL;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
  selected = self->state ? atlas_state_get_selection (self->state) : NULL;

  /* Rows of a readable size; what does not fit is counted at the end. */
  font_px = CLAMP (height / 40.0, 9, 28);
  row_h = font_px * 1.9;
  pad = font_px * 0.6;
  shown = MIN (n, (guint) MAX (0, height / row_h - 2));

  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_color (snapshot, &bg, &GRAPHENE_RECT_INIT (0, 0, width, height));
  layout = pango_layout_new (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  font = pango_font_description_from_string ("Sans");
  pango_font_description_set_absolute_size (font, font_px * PANGO_SCALE);

  pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    append_text (snapshot, layout, headers[c], columns[c] * width + pad, (row_h - font_px * 1.3) / 2,
                 (columns[c + 1] - columns[c]) * width - 2 * pad, &fg);
  gtk_snapshot_append_color (snapshot, &rule, &GRAPHENE_RECT_INIT (0, row_h - 1, width, 1));

  for (guint i = 0; i < shown; i++)
    {
      g_autoptr(AtlasSite) site = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);
      AtlasDistrict *district = atlas_site_get_district (site);
      const char *cells[3];
      double y = row_h * (i + 1);

      cells[0] = atlas_item_get_name (ATLAS_ITEM (site));
      cells[1] = atlas_site_category_get_label (atlas_site_get_category (site));
      cells[2] = district ? atlas_item_get_name (ATLAS_ITEM (district)) : "";
      if (i % 2 == 1)
        gtk_snapshot_append_color (snapshot, &band, &GRAPHENE_RECT_INIT (0, y, width, row_h));
      pango_font_description_set_weight (font, ATLAS_ITEM (site) == selected ? PANGO_WEIGHT_BOLD
                                                                               : PANGO_WEIGHT_NORMAL);
      pango_layout_set_font_description (layout, font);
      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        append_text (snapshot, layout, cells[c], columns[c] * width + pad, y + (row_h - font_px * 1.3) / 2,
                     (columns[c + 1] - columns[c]) * width - 2 * pad, &fg);
    }

  if (shown < n)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("… and %u more site", "… and %u more sites", n - shown),
                                               n - shown);

      pango_font_description_set_weight (font, PANGO_WEIGHT_NORMAL);
      pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
      pango_layout_set_font_description (layout, font);
      append_text (snapshot, layout, more, pad, row_h * (shown + 1) + (row_h - font_px * 1.3) / 2,
                   width - 2 * pad, &fg);
    }
  pango_font_description_free (font);

  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

static void
atlas_sites_page_view_init (AtlasViewInterface *iface)
{
  iface->bind = atlas_sites_page_view_bind;
  iface->set_presenting = atlas_sites_page_set_presenting;
  iface->get_subject_bounds = atlas_sites_page_get_subject_bounds;
  iface->render = atlas_sites_page_render;
}
