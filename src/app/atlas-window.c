/* atlas-window.c
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
#include "atlas-announcer.h"
#include "atlas-charts-page.h"
#include "atlas-dataset.h"
#include "atlas-item.h"
#include "atlas-map-page.h"
#include "atlas-page-slot.h"
#include "atlas-search-popover.h"
#include "atlas-search-results.h"
#include "atlas-site.h"
#include "atlas-source.h"
#include "atlas-state.h"
#include "atlas-store.h"
#include "atlas-timeline-page.h"
#include "atlas-tooltips.h"
#include "atlas-view.h"
#include "atlas-window-private.h"

/* The main window: a header bar with the view switcher, search and menus; the
 * pages in an AdwViewStack; the details pane in a flap on the right.  Each
 * window has its own AtlasSession, which every page and the details pane
 * share: selecting, searching or filtering anywhere shows everywhere.
 */

G_DEFINE_FINAL_TYPE (AtlasWindow, atlas_window, ADW_TYPE_APPLICATION_WINDOW)

/* ---- search ----------------------------------------------------------- */

/* Typing finds: the results pop up under the entry (AtlasSearchPopover)
 * and Enter picks the best one.  Filtering every view by the text is the
 * popover's last row, an explicit step; the state's search text is that
 * filter, which a story step or the filter bar can set or clear too.
 */

static gboolean
entry_has_focus (AtlasWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  return focus != NULL && (focus == GTK_WIDGET (self->search_entry) ||
                           gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_entry)));
}

static void
on_search_changed (AtlasWindow    *self,
                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  atlas_search_results_set_text (self->search_results, text);

  /* Only for the user's typing: the text a story step sets shows no
   * results.
   */
  if (*text != '\0' && entry_has_focus (self))
    gtk_popover_popup (GTK_POPOVER (self->search_popover));
  else
    gtk_popover_popdown (GTK_POPOVER (self->search_popover));
}

/* Enter in the entry picks what the popover highlights, the best match
 * unless the user moved.
 */
static void
on_search_activate (AtlasWindow    *self,
                    GtkSearchEntry *entry)
{
  /* The entry reports changes after a delay; Enter may come first. */
  atlas_search_results_set_text (self->search_results, gtk_editable_get_text (GTK_EDITABLE (entry)));
  atlas_search_popover_activate_selected (self->search_popover);
}

/* The page that shows a kind of record: the Sites list keeps a site it can
 * show, everything else goes to its view.
 */
static const char *
page_for_result (AtlasWindow       *self,
                 AtlasSearchResult *result)
{
  switch (atlas_search_result_get_kind (result))
    {
    case ATLAS_SEARCH_KIND_SITE:
      /* A site the sources give no point for is listed, not drawn. */
      if (g_strcmp0 (atlas_state_get_page (self->state), "sites") == 0 ||
          !atlas_site_has_point (ATLAS_SITE (atlas_search_result_get_item (result))))
        return "sites";
      return "map";
    case ATLAS_SEARCH_KIND_EVENT:
      return "timeline";
    case ATLAS_SEARCH_KIND_FIGURE:
      return "charts";
    case ATLAS_SEARCH_KIND_DISTRICT:
    default:
      return "map";
    }
}

/* The keyboard goes to the view that shows the record, so that +, - and
 * the arrows work on it at once.
 */
static void
focus_page_view (AtlasWindow *self,
                 const char  *page)
{
  GtkWidget *child = atlas_page_resolve (adw_view_stack_get_child_by_name (self->stack, page));
  GtkWidget *view = NULL;

  if (ATLAS_IS_MAP_PAGE (child))
    view = GTK_WIDGET (atlas_map_page_get_view (ATLAS_MAP_PAGE (child)));
  else if (ATLAS_IS_TIMELINE_PAGE (child))
    view = GTK_WIDGET (atlas_timeline_page_get_view (ATLAS_TIMELINE_PAGE (child)));

  if (view != NULL)
    gtk_widget_grab_focus (view);
  else if (child != NULL && !ATLAS_IS_CHARTS_PAGE (child))
    gtk_widget_child_focus (child, GTK_DIR_TAB_FORWARD);
}

/* Picking a result: its page comes up and it is selected; the page's view
 * brings it into sight (the map flies to a site, the timeline centres an
 * event, the Charts page scrolls to the chart that holds a figure) and the
 * details pane shows it.  Page and selection change together, so that one
 * Ctrl+Z undoes both.
 */
static void
on_search_result_activated (AtlasWindow       *self,
                            AtlasSearchResult *result)
{
  const char *page = page_for_result (self, result);
  AtlasItem *item = atlas_search_result_get_item (result);
  gboolean changes = atlas_state_get_selection (self->state) != item;
  g_autofree char *left = g_strdup (atlas_state_get_page (self->state));

  g_object_freeze_notify (G_OBJECT (self->state));
  atlas_state_set_page (self->state, page);
  atlas_state_set_selection (self->state, item);
  g_object_thaw_notify (G_OBJECT (self->state));
  if (changes && g_strcmp0 (left, page) != 0)
    atlas_history_attach_page (self->history, left);

  focus_page_view (self, page);
}

static void
on_search_filter_activated (AtlasWindow *self,
                            const char  *text)
{
  atlas_state_set_search_text (self->state, text);
}

static void
on_state_search_text_changed (AtlasWindow *self)
{
  /* A copy: setting the entry's text can change the state's in turn. */
  g_autofree char *text = g_strdup (atlas_state_get_search_text (self->state));
  const char *shown = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  /* A story step sets a filter: the entry shows its words.  "Clear
   * Filters" takes the words of the filter out of the entry too, but not
   * a search the user is typing.
   */
  if (text != NULL && *text != '\0')
    {
      if (g_strcmp0 (text, shown) != 0)
        gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
      gtk_search_bar_set_search_mode (self->search_bar, TRUE);
    }
  else if (g_strcmp0 (shown, self->filtered_text) == 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");

  g_free (self->filtered_text);
  self->filtered_text = g_steal_pointer (&text);
}

static void
on_search_focus_left (AtlasWindow *self)
{
  if (self->search_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->search_popover));
}

/* Escape with the results closed: the search bar goes; a filter by the
 * text stays, shown in the filter bar, until it is taken off there.
 */
static void
on_stop_search (AtlasWindow *self)
{
  gtk_popover_popdown (GTK_POPOVER (self->search_popover));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

/* ---- announcements ---------------------------------------------------- */

/* What changes away from the keyboard focus is said to screen reader users
 * (atlas-announcer.c).  While presenting, the presentation speaks for
 * itself.
 */

static gboolean
focus_is_within (AtlasWindow *self,
                 GtkWidget   *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
announce_selection (AtlasWindow *self)
{
  AtlasItem *item = atlas_state_get_selection (self->state);
  g_autofree char *text = NULL;

  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  const char *own;

  /* The tables say their selected row themselves, and a drawn view that
   * selects what its keyboard focus is on says it in its description.
   */
  if (atlas_session_get_presenting (self->session) ||
      focus_is_within (self, adw_view_stack_get_child_by_name (self->stack, "sites")) ||
      focus_is_within (self, adw_view_stack_get_child_by_name (self->stack, "sources")))
    return;
  own = focus != NULL ? atlas_accessible_get_description (focus) : NULL;
  if (item != NULL && own != NULL && strstr (own, atlas_item_get_name (item)) != NULL)
    return;

  if (item != NULL)
    /* Translators: said by screen readers when a site, event or figure is
     * selected, e.g. "Selected: Chongqing Institute of Green and
     * Intelligent Technology".
     */
    text = g_strdup_printf (_("Selected: %s"), atlas_item_get_name (item));
  else
    text = g_strdup (_("Nothing selected"));

  atlas_announcer_announce (self->announcer, text);
}

static void
announce_results (AtlasWindow *self)
{
  g_autofree char *text = NULL;
  guint shown, total;

  if (atlas_session_get_presenting (self->session))
    return;

  if (g_strcmp0 (atlas_state_get_page (self->state), "timeline") == 0)
    {
      shown = g_list_model_get_n_items (atlas_session_get_events (self->session));
      total = g_list_model_get_n_items (atlas_dataset_get_events (self->dataset));
      if (shown == total)
        text = g_strdup_printf (g_dngettext (NULL, "Showing all %u event", "Showing all %u events", total),
                                total);
      else
        /* Translators: "Showing 14 of 143 events". */
        text = g_strdup_printf (g_dngettext (NULL, "Showing %u of %u event", "Showing %u of %u events", total),
                                shown, total);
    }
  else
    {
      shown = g_list_model_get_n_items (atlas_session_get_sites (self->session));
      total = g_list_model_get_n_items (atlas_dataset_get_sites (self->dataset));
      if (shown == total)
        text = g_strdup_printf (g_dngettext (NULL, "Showing all %u site", "Showing all %u sites", total),
                                total);
      else
        /* Translators: "Showing 14 of 52 sites". */
        text = g_strdup_printf (g_dngettext (NULL, "Showing %u of %u site", "Showing %u of %u sites", total),
                                shown, total);
    }

  atlas_announcer_announce (self->announcer, text);
}

/* The keyboard focus stays on something shown: left on a control that was
 * hidden (a page's toolbar while presenting, say), it would leave screen
 * readers on an object they cannot reach, and silent.
 */
static gboolean
keep_focus_shown (gpointer data)
{
  AtlasWindow *self = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *page = adw_view_stack_get_visible_child (self->stack);

  self->keep_focus_id = 0;
  /* Only a focus left behind on the page that went, or none: the search
   * entry, say, may not be drawn yet while its bar opens, and keeps it.
   */
  if (page != NULL &&
      (focus == NULL ||
       (gtk_widget_is_ancestor (focus, GTK_WIDGET (self->stack)) &&
        !gtk_widget_is_ancestor (focus, page) && focus != page)))
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
  return G_SOURCE_REMOVE;
}

static void
queue_keep_focus_shown (AtlasWindow *self)
{
  /* After the widgets hidden with this change are unmapped, before GTK
   * would hand the focus to the first button of the window.
   */
  if (self->keep_focus_id == 0 && !gtk_widget_in_destruction (GTK_WIDGET (self)))
    self->keep_focus_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, keep_focus_shown, self, NULL);
}

static void
on_page_changed (AtlasWindow *self)
{
  GtkWidget *page = adw_view_stack_get_visible_child (self->stack);
  g_autofree char *text = NULL;

  queue_keep_focus_shown (self);
  if (page == NULL || atlas_session_get_presenting (self->session))
    return;

  /* Translators: said by screen readers on switching pages, e.g. "Timeline
   * page".
   */
  text = g_strdup_printf (_("%s page"), adw_view_stack_page_get_title (adw_view_stack_get_page (self->stack, page)));
  atlas_announcer_announce (self->announcer, text);
}

/* ---- selection and pages ---------------------------------------------- */

static void
on_selection_changed (AtlasWindow *self)
{
  AtlasItem *item = atlas_state_get_selection (self->state);

  announce_selection (self);
  /* On stage the story moves the selection: this window stays as it is. */
  if (atlas_session_get_presenting (self->session))
    return;

  /* Nothing to show: the pane goes ("Clear All", the selection taken off
   * in the filter bar, a click on the selected district).
   */
  if (item == NULL)
    {
      adw_flap_set_reveal_flap (self->flap, FALSE);
      return;
    }

  /* A source picked from the details pane opens the Sources page; undoing
   * that goes back to the page it came from, but an undo itself never
   * moves.
   */
  if (ATLAS_IS_SOURCE (item) && !atlas_history_is_restoring (self->history))
    {
      g_autofree char *left = g_strdup (atlas_state_get_page (self->state));

      atlas_state_set_page (self->state, "sources");
      if (g_strcmp0 (left, "sources") != 0)
        atlas_history_attach_page (self->history, left);
    }

  adw_flap_set_reveal_flap (self->flap, TRUE);
}

/* Every filter gone and nothing selected ("Clear All"): the pane, which
 * would only say "Nothing Selected", closes too.
 */
static void
on_session_filters_changed (AtlasWindow *self)
{
  if (atlas_state_get_selection (self->state) == NULL &&
      !atlas_state_is_filtering (self->state) &&
      !atlas_session_get_presenting (self->session))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

static void
on_filters_changed (AtlasWindow *self)
{
  if (atlas_state_get_categories (self->state) != ATLAS_ALL_SITE_CATEGORIES)
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
}

/* ---- keys for the drawn views --------------------------------------------- */

/* Whether the keyboard is in something that edits text (the search entry,
 * a spin button, a text view): + and - belong to it then.
 */
static gboolean
focus_is_text (GtkWidget *focus)
{
  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_EDITABLE (w) || GTK_IS_TEXT_VIEW (w))
      return TRUE;
  return FALSE;
}

static gboolean
is_view_key (guint keyval)
{
  switch (keyval)
    {
    case GDK_KEY_plus: case GDK_KEY_equal: case GDK_KEY_KP_Add:
    case GDK_KEY_minus: case GDK_KEY_KP_Subtract:
    case GDK_KEY_0: case GDK_KEY_KP_0:
    case GDK_KEY_Left: case GDK_KEY_KP_Left:
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
    case GDK_KEY_Up: case GDK_KEY_KP_Up:
    case GDK_KEY_Down: case GDK_KEY_KP_Down:
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * atlas_window_get_key_view:
 *
 * The drawn view that +, -, 0 and the arrow keys act on now: the map or
 * the timeline when its page shows and the keyboard is not in a text
 * field (or in a popup), else %NULL.
 *
 * Returns: (transfer none) (nullable): the view
 */
GtkWidget *
atlas_window_get_key_view (AtlasWindow *self)
{
  GtkWidget *page, *focus;

  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  if (atlas_session_get_presenting (self->session))
    return NULL;

  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus != NULL && (focus_is_text (focus) || gtk_widget_get_native (focus) != GTK_NATIVE (self)))
    return NULL;

  page = atlas_page_resolve (adw_view_stack_get_visible_child (self->stack));
  if (ATLAS_IS_MAP_PAGE (page))
    return GTK_WIDGET (atlas_map_page_get_view (ATLAS_MAP_PAGE (page)));
  if (ATLAS_IS_TIMELINE_PAGE (page))
    return GTK_WIDGET (atlas_timeline_page_get_view (ATLAS_TIMELINE_PAGE (page)));
  return NULL;
}

/* Before anything else sees them (the search bar would start a search on
 * "+"; a focused button would move the focus on an arrow), the view keys
 * go to the map or the timeline while its page shows.
 */
static gboolean
on_window_key_pressed (AtlasWindow           *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  GtkWidget *view;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 || !is_view_key (keyval))
    return GDK_EVENT_PROPAGATE;
  if ((view = atlas_window_get_key_view (self)) == NULL || !gtk_widget_get_mapped (view))
    return GDK_EVENT_PROPAGATE;

  return gtk_event_controller_key_forward (controller, view);
}

/* ---- style ------------------------------------------------------------ */

/* The generated category colours (atlas-style.c) key on these classes. */
static void
on_style_changed (AtlasWindow *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (adw_style_manager_get_dark (manager))
    gtk_widget_add_css_class (GTK_WIDGET (self), "dark");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "dark");

  if (adw_style_manager_get_high_contrast (manager))
    gtk_widget_add_css_class (GTK_WIDGET (self), "high-contrast");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "high-contrast");
}

/* ---- header and menu ------------------------------------------------- */

/* The release of the data, at the foot of the main menu (and in About and
 * every export): the header keeps room for the pages.
 */
static void
update_release_label (AtlasWindow *self)
{
  g_autofree char *label = atlas_store_dup_release_label (atlas_dataset_get_store (self->dataset));
  g_autofree char *text = g_strdup_printf (_("Data %s"), label);

  gtk_label_set_text (self->release_label, text);
}

static void
add_release_to_menu (AtlasWindow *self)
{
  GtkPopover *popover = gtk_menu_button_get_popover (self->menu_button);

  self->release_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->release_label, 0);
  gtk_label_set_selectable (self->release_label, FALSE);
  gtk_widget_set_margin_start (GTK_WIDGET (self->release_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->release_label), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->release_label), 4);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->release_label), 4);
  gtk_widget_add_css_class (GTK_WIDGET (self->release_label), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->release_label), "dim-label");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->release_label), _("Release of the data shown"));
  if (GTK_IS_POPOVER_MENU (popover))
    gtk_popover_menu_add_child (GTK_POPOVER_MENU (popover), GTK_WIDGET (self->release_label), "release");
}

/* ---- GObject ---------------------------------------------------------- */

static gboolean
atlas_window_close_request (GtkWindow *window)
{
  AtlasWindow *self = ATLAS_WINDOW (window);
  const char *page = adw_view_stack_get_visible_child_name (self->stack);

  if (self->settings != NULL && page != NULL)
    g_settings_set_string (self->settings, "last-page", page);

  return GTK_WINDOW_CLASS (atlas_window_parent_class)->close_request (window);
}

static void
atlas_window_dispose (GObject *object)
{
  AtlasWindow *self = (AtlasWindow *)object;

  /* The popover is the entry's child, not the template's. */
  if (self->search_popover != NULL)
    atlas_search_popover_detach (self->search_popover);
  self->search_popover = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_WINDOW);
  g_clear_handle_id (&self->keep_focus_id, g_source_remove);
  if (self->story_editor != NULL)
    gtk_window_destroy (GTK_WINDOW (self->story_editor));
  g_clear_object (&self->presentation);
  self->history = NULL;
  self->stories = NULL;
  self->dataset = NULL;
  self->state = NULL;
  g_clear_object (&self->search_results);
  g_clear_pointer (&self->filtered_text, g_free);
  g_clear_object (&self->session);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (atlas_window_parent_class)->dispose (object);
}

static void
atlas_window_class_init (AtlasWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = atlas_window_dispose;
  window_class->close_request = atlas_window_close_request;

  g_type_ensure (ATLAS_TYPE_BANNER);
  g_type_ensure (ATLAS_TYPE_DETAILS_PANE);
  g_type_ensure (ATLAS_TYPE_MAP_PAGE);
  g_type_ensure (ATLAS_TYPE_PAGE_SLOT);
  g_type_ensure (ATLAS_TYPE_CHARTS_PAGE);
  g_type_ensure (ATLAS_TYPE_SITES_PAGE);
  g_type_ensure (ATLAS_TYPE_SOURCES_PAGE);
  g_type_ensure (ATLAS_TYPE_TIMELINE_PAGE);
  g_type_ensure (ATLAS_TYPE_FILTER_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/atlas-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, banner);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, filter_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, details_pane);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, AtlasWindow, present_overlay);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
}

/* The bottom switcher (a narrow window) gets the pages when it first shows:
 * its five buttons are otherwise built, styled and measured for nothing.
 */
static void
on_switcher_bar_reveal (AtlasWindow *self)
{
  AdwViewSwitcherBar *bar = ADW_VIEW_SWITCHER_BAR (self->switcher_bar);

  if (adw_view_switcher_bar_get_reveal (bar) && adw_view_switcher_bar_get_stack (bar) == NULL)
    adw_view_switcher_bar_set_stack (bar, self->stack);
}

static void
atlas_window_init (AtlasWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->switcher_bar, "notify::reveal", G_CALLBACK (on_switcher_bar_reveal),
                           self, G_CONNECT_SWAPPED);
  on_switcher_bar_reveal (self);

  /* Heard by screen readers, not seen (atlas-announcer.c). */
  self->announcer = ATLAS_ANNOUNCER (atlas_announcer_new ());
  gtk_overlay_add_overlay (self->present_overlay, GTK_WIDGET (self->announcer));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  /* The results close when the keyboard leaves the entry (a click on the
   * map, Tab); they stay for clicks into the popover, which takes no focus.
   */
  {
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_signal_connect_object (focus, "leave", G_CALLBACK (on_search_focus_left), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->search_entry), focus);
  }
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));

  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    gtk_event_controller_set_name (keys, "atlas-window-view-keys");
    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_window_key_pressed), self,
                             G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self), keys);
  }

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::high-contrast",
                           G_CALLBACK (on_style_changed), self, G_CONNECT_SWAPPED);
  on_style_changed (self);
}

static void
bind_settings (AtlasWindow *self)
{
  g_autofree char *page = NULL;

  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  page = g_settings_get_string (self->settings, "last-page");
  if (adw_view_stack_get_child_by_name (self->stack, page) != NULL)
    atlas_state_set_page (self->state, page);
}

/* A saved or default size larger than the screen (a 1024×768 projector
 * laptop) would put the header or the bottom bar off-screen: keep inside
 * the first monitor, leaving room for a panel.
 */
static void
fit_default_size (AtlasWindow *self)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (self)));
  g_autoptr(GdkMonitor) monitor = NULL;
  GdkRectangle area;
  int width, height;

  if (g_list_model_get_n_items (monitors) == 0)
    return;
  monitor = g_list_model_get_item (monitors, 0);
  gdk_monitor_get_geometry (monitor, &area);
  if (area.width < 320 || area.height < 240)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  width = MIN (width, area.width - 32);
  height = MIN (height, area.height - 72);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
}

/* Presenting: the story is told on a stage window of its own (src/present),
 * so this window keeps its layout, size and place; hiding its chrome would
 * only make it relayout and resize behind the stage (issue 12).  Editing is
 * turned off by _atlas_window_update_actions.
 */
static void
on_presenting_changed (AtlasWindow *self)
{
  /* While presenting, a step's selection must not open the details pane
   * behind the stage; what was open comes back afterwards.
   */
  if (atlas_session_get_presenting (self->session))
    self->saved_flap = adw_flap_get_reveal_flap (self->flap);
  else
    adw_flap_set_reveal_flap (self->flap, self->saved_flap);
  queue_keep_focus_shown (self);
}

/* A newcomer's way in: the guided story, offered until it is used or the
 * banner is closed (remembered in GSettings).
 */
static void
on_banner_dismissed (AtlasWindow *self)
{
  if (self->settings != NULL && self->welcoming)
    g_settings_set_boolean (self->settings, "story-banner-dismissed", TRUE);
  self->welcoming = FALSE;
}

static void
show_welcome (AtlasWindow *self)
{
  if (self->settings == NULL || g_settings_get_boolean (self->settings, "story-banner-dismissed"))
    return;
  if (g_list_model_get_n_items (G_LIST_MODEL (self->stories)) == 0)
    return;

  self->welcoming = TRUE;
  atlas_banner_show_welcome (self->banner,
                             _("New here? Start with the story: a short guided tour of Chongqing’s "
                               "science co-operation, step by step."),
                             _("Start the Story"), "win.start-story");
}

static gboolean
show_user_problem (AtlasWindow *self)
{
  /* The store says what happened and, if it moved a broken file aside,
   * where that file is now.
   */
  g_autofree char *message = atlas_store_dup_user_problem_message (atlas_dataset_get_store (self->dataset));

  if (message == NULL)
    return FALSE;

  atlas_banner_show_message (self->banner, message, NULL, NULL);
  return TRUE;
}

static void
bind_pages (AtlasWindow *self)
{
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (self->stack);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (pages));

  /* Pages not built yet are bound when they are (AtlasPageSlot). */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkWidget *child = adw_view_stack_page_get_child (page);

      if (ATLAS_IS_PAGE_SLOT (child))
        atlas_page_slot_bind (ATLAS_PAGE_SLOT (child), self->session);
      else if (ATLAS_IS_VIEW (child))
        atlas_view_bind (ATLAS_VIEW (child), self->session);
    }
}

/**
 * atlas_window_new:
 * @settings: (nullable): the application's settings; %NULL runs with the
 *   defaults (an uninstalled build without its schema)
 */
AtlasWindow *
atlas_window_new (GtkApplication *application,
                  AtlasDataset   *dataset,
                  GSettings      *settings)
{
  AtlasWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (ATLAS_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (ATLAS_TYPE_WINDOW, NULL);
  self->session = atlas_session_new (dataset);
  /* Only now: the application follows the window's session from the moment
   * the window joins it.
   */
  gtk_window_set_application (GTK_WINDOW (self), application);
  self->dataset = atlas_session_get_dataset (self->session);
  self->state = atlas_session_get_state (self->session);
  self->history = atlas_session_get_history (self->session);
  self->stories = atlas_session_get_stories (self->session);

  atlas_state_set_page (self->state, adw_view_stack_get_visible_child_name (self->stack));
  g_object_bind_property (self->state, "page", self->stack, "visible-child-name",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  atlas_details_pane_bind (self->details_pane, dataset, self->state);
  bind_pages (self);

  /* The filter bar and presentation mode (src/present). */
  atlas_filter_bar_bind (self->filter_bar, self->session);
  self->presentation = atlas_presentation_new (GTK_WINDOW (self), self->session, self->stack,
                                               self->present_overlay);
  g_signal_connect_object (self->session, "notify::presenting",
                           G_CALLBACK (on_presenting_changed), self, G_CONNECT_SWAPPED);

  /* The search popover, fed by the session's data. */
  self->search_results = atlas_search_results_new (self->dataset);
  self->search_popover = atlas_search_popover_new ();
  atlas_search_popover_attach (self->search_popover, self->search_entry, self->search_results);
  g_signal_connect_object (self->search_popover, "result-activated",
                           G_CALLBACK (on_search_result_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_popover, "filter-activated",
                           G_CALLBACK (on_search_filter_activated), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->state, "notify::search-text",
                           G_CALLBACK (on_state_search_text_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::selection",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state, "notify::categories",
                           G_CALLBACK (on_filters_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "filters-changed",
                           G_CALLBACK (on_session_filters_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "filters-changed",
                           G_CALLBACK (announce_results), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stack, "notify::visible-child",
                           G_CALLBACK (on_page_changed), self, G_CONNECT_SWAPPED);

  _atlas_window_install_actions (self);

  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      atlas_presentation_bind_settings (self->presentation, settings);
      bind_settings (self);
      g_signal_connect_object (settings, "changed::update-url",
                               G_CALLBACK (_atlas_window_update_actions), self, G_CONNECT_SWAPPED);
      _atlas_window_update_actions (self);
    }

  fit_default_size (self);

  /* What GTK 4.8 tells screen readers, mended (atlas-accessible.c). */
  atlas_accessible_fix_names (GTK_WIDGET (self));

  /* A problem with the user's data comes before the welcome. */
  g_signal_connect_object (self->banner, "dismissed", G_CALLBACK (on_banner_dismissed), self,
                           G_CONNECT_SWAPPED);
  if (!show_user_problem (self))
    show_welcome (self);
  add_release_to_menu (self);
  update_release_label (self);

  /* Chinese tooltips on whole lines (see atlas-tooltips.c). */
  atlas_tooltips_keep_lines (GTK_WIDGET (self));
  g_signal_connect_object (self->session, "reloaded", G_CALLBACK (update_release_label), self,
                           G_CONNECT_SWAPPED);

  return self;
}

/* Keyboard shortcuts of the window's actions; also listed in
 * ui/atlas-shortcuts-window.ui.
 */
void
atlas_window_set_accels (GtkApplication *application)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "win.search", { "<Primary>f", NULL } },
    { "win.toggle-details", { "F9", NULL } },
    { "win.clear-filters", { "<Primary><Shift>r", NULL } },
    { "win.undo", { "<Primary>z", NULL } },
    { "win.redo", { "<Primary><Shift>z", NULL } },
    { "win.present", { "F5", NULL } },
    { "win.page::map", { "<Alt>1", NULL } },
    { "win.page::timeline", { "<Alt>2", NULL } },
    { "win.page::charts", { "<Alt>3", NULL } },
    { "win.page::sites", { "<Alt>4", NULL } },
    { "win.page::sources", { "<Alt>5", NULL } },
    { "window.close", { "<Primary>w", NULL } },
    { "win.show-help-overlay", { "<Primary>question", "<Primary>slash", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (application, accels[i].action, accels[i].accels);
}

/* Some window of the application presents: the data must stay still in
 * every window until it ends.
 */
void
atlas_window_update_actions (AtlasWindow *self)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));

  _atlas_window_update_actions (self);
}

/**
 * atlas_window_get_state:
 *
 * Returns: (transfer none): the state the window's views share
 */
AtlasState *
atlas_window_get_state (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return self->state;
}

/**
 * atlas_window_get_session:
 *
 * Returns: (transfer none): the window's session
 */
AtlasSession *
atlas_window_get_session (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return self->session;
}

/**
 * atlas_window_get_dataset:
 *
 * Returns: (transfer none): the dataset the window shows
 */
AtlasDataset *
atlas_window_get_dataset (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return self->dataset;
}

/**
 * atlas_window_get_page:
 *
 * The page called @name, built if it was not yet (pages other than the
 * map are built when first needed, see AtlasPageSlot).
 *
 * Returns: (transfer none) (nullable): the page called @name
 */
GtkWidget *
atlas_window_get_page (AtlasWindow *self,
                       const char  *name)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return atlas_page_resolve (adw_view_stack_get_child_by_name (self->stack, name));
}

/**
 * atlas_window_get_pages:
 *
 * Returns: (transfer none): the stack of the window's pages
 */
AdwViewStack *
atlas_window_get_pages (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return self->stack;
}

/**
 * atlas_window_get_announcer:
 *
 * Returns: (transfer none): what speaks to screen reader users in this window
 */
AtlasAnnouncer *
atlas_window_get_announcer (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return self->announcer;
}

/**
 * atlas_window_get_details_pane:
 *
 * Returns: (transfer none): the details pane
 */
GtkWidget *
atlas_window_get_details_pane (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return GTK_WIDGET (self->details_pane);
}

/**
 * atlas_window_get_search_entry:
 *
 * Returns: (transfer none): the search entry
 */
GtkEditable *
atlas_window_get_search_entry (AtlasWindow *self)
{
  g_return_val_if_fail (ATLAS_IS_WINDOW (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

/* A short confirmation ("Exported 52 sites") as a toast. */
void
atlas_window_show_message (AtlasWindow *self,
                           const char  *message)
{
  g_return_if_fail (ATLAS_IS_WINDOW (self));

  _atlas_window_show_toast (self, message);
}
