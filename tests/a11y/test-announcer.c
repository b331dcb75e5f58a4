/* test-announcer.c
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

/* The live region: what the announcer says reaches the object a screen
 * reader has the focus on (GTK 4.8) and leaves it again with the focus; the
 * window announces selections, filter results and page switches.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "atlas-accessible.h"
#include "atlas-announcer.h"
#include "atlas-application.h"
#include "atlas-dataset.h"
#include "atlas-item.h"
#include "atlas-session.h"
#include "atlas-site.h"
#include "atlas-state.h"
#include "atlas-window.h"
#include "atlas-test-ui.h"

static AtlasApplication *app;

typedef struct
{
  GtkWindow      *window;
  AtlasAnnouncer *announcer;
  GtkWidget      *button;
  GtkWidget      *other;
  GtkWidget      *entry;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  fixture->announcer = ATLAS_ANNOUNCER (atlas_announcer_new ());
  fixture->button = gtk_button_new_with_label ("Zoom In");
  fixture->other = gtk_button_new_with_label ("Zoom Out");
  fixture->entry = gtk_search_entry_new ();
  gtk_widget_set_tooltip_text (fixture->button, "Closer");

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->announcer));
  gtk_box_append (GTK_BOX (box), fixture->button);
  gtk_box_append (GTK_BOX (box), fixture->other);
  gtk_box_append (GTK_BOX (box), fixture->entry);
  gtk_window_set_child (fixture->window, box);
  gtk_window_present (fixture->window);
  ATLAS_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (fixture->window)));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
}

static void
say (AtlasAnnouncer *announcer,
     const char     *message)
{
  atlas_announcer_announce (announcer, message);
  ATLAS_WAIT_UNTIL (g_strcmp0 (atlas_announcer_get_message (announcer), message) == 0);
}

static void
test_found_through_any_widget (Fixture       *fixture,
                               gconstpointer  data)
{
  g_assert_true (atlas_announcer_get_for_widget (fixture->other) == fixture->announcer);

  atlas_announce (fixture->other, "Showing 7 of 76 sites");
  g_assert_null (atlas_announcer_get_message (fixture->announcer));
  ATLAS_WAIT_UNTIL (g_strcmp0 (atlas_announcer_get_message (fixture->announcer), "Showing 7 of 76 sites") == 0);

  /* Its own name is the last message: a status bar a screen reader can read
   * again.
   */
  gtk_test_accessible_assert_role (fixture->announcer, GTK_ACCESSIBLE_ROLE_STATUS);
  gtk_test_accessible_assert_property (fixture->announcer, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Showing 7 of 76 sites");
}

static void
test_one_iteration_is_said_once (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *expected = g_strconcat ("Selected: Beibei", C_("announcement", ". "),
                                           "Showing 7 of 76 sites", NULL);

  atlas_announcer_announce (fixture->announcer, "Selected: Beibei");
  atlas_announcer_announce (fixture->announcer, "Showing 7 of 76 sites");
  atlas_announcer_announce (fixture->announcer, "Selected: Beibei");
  atlas_announcer_announce (fixture->announcer, "");
  atlas_announcer_flush (fixture->announcer);

  g_assert_cmpstr (atlas_announcer_get_message (fixture->announcer), ==, expected);
}

#if !GTK_CHECK_VERSION (4, 14, 0)
static void
test_speaks_through_the_focus (Fixture       *fixture,
                               gconstpointer  data)
{
  gtk_widget_grab_focus (fixture->button);
  say (fixture->announcer, "Showing 7 of 76 sites");
  gtk_test_accessible_assert_property (fixture->button, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Showing 7 of 76 sites");

  /* The focus moves on: the button has its tooltip for a description again
   * (where Orca no longer listens), and the next message goes with the
   * focus.
   */
  gtk_widget_grab_focus (fixture->other);
  gtk_test_accessible_assert_property (fixture->button, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Closer");
  say (fixture->announcer, "Timeline page");
  gtk_test_accessible_assert_property (fixture->other, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Timeline page");
  gtk_test_accessible_assert_property (fixture->button, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Closer");

  /* A widget's own description comes back as it was last set. */
  atlas_accessible_set_description (fixture->other, "Beibei District, 3 of 8");
  say (fixture->announcer, "Selected: Beibei");
  gtk_test_accessible_assert_property (fixture->other, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, "Selected: Beibei");
  gtk_widget_grab_focus (fixture->button);
  gtk_test_accessible_assert_property (fixture->other, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Beibei District, 3 of 8");
}

static void
test_entry_speaks_for_its_text (Fixture       *fixture,
                                gconstpointer  data)
{
  /* The focus is on the entry's GtkText, which screen readers never see;
   * GTK reports the focus on the entry, so the entry must speak.
   */
  gtk_widget_grab_focus (fixture->entry);
  g_assert_false (gtk_root_get_focus (GTK_ROOT (fixture->window)) == fixture->entry);
  say (fixture->announcer, "Showing 3 of 76 sites");
  gtk_test_accessible_assert_property (fixture->entry, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Showing 3 of 76 sites");
}
#endif

/* ---- the window's announcements ----------------------------------------- */

static AtlasWindow *
open_window (void)
{
  AtlasWindow *window = atlas_window_new (GTK_APPLICATION (app), atlas_application_get_dataset (app),
                                         atlas_application_get_settings (app));

  gtk_window_present (GTK_WINDOW (window));
  ATLAS_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  return window;
}

static gboolean
heard (AtlasWindow *window,
       const char  *text)
{
  const char *message = atlas_announcer_get_message (atlas_window_get_announcer (window));

  return message != NULL && strstr (message, text) != NULL;
}

static void
test_window_announces_results_and_selection (void)
{
  AtlasWindow *window = open_window ();
  AtlasSession *session = atlas_window_get_session (window);
  AtlasState *state = atlas_window_get_state (window);
  guint total = g_list_model_get_n_items (atlas_dataset_get_sites (atlas_window_get_dataset (window)));
  g_autoptr(AtlasSite) site = NULL;
  g_autofree char *showing = NULL;
  g_autofree char *all = NULL;
  g_autofree char *selected = NULL;
  guint shown;

  atlas_state_set_page (state, "map");
  atlas_state_set_categories (state, 1u << ATLAS_SITE_CATEGORY_RESEARCH_INSTITUTE);
  shown = g_list_model_get_n_items (atlas_session_get_sites (session));
  g_assert_cmpuint (shown, <, total);
  showing = g_strdup_printf ("Showing %u of %u sites", shown, total);
  ATLAS_WAIT_UNTIL (heard (window, showing));

  site = g_list_model_get_item (atlas_session_get_sites (session), 0);
  atlas_state_set_selection (state, ATLAS_ITEM (site));
  selected = g_strdup_printf ("Selected: %s", atlas_item_get_name (ATLAS_ITEM (site)));
  ATLAS_WAIT_UNTIL (heard (window, selected));

  atlas_state_set_categories (state, ATLAS_ALL_SITE_CATEGORIES);
  all = g_strdup_printf ("Showing all %u sites", total);
  ATLAS_WAIT_UNTIL (heard (window, all));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_announces_pages_and_keeps_focus_in_them (void)
{
  AtlasWindow *window = open_window ();
  AtlasState *state = atlas_window_get_state (window);
  GtkWidget *timeline = atlas_window_get_page (window, "timeline");
  GtkWidget *sites = atlas_window_get_page (window, "sites");
  GtkWidget *focus;

  atlas_state_set_page (state, "timeline");
  ATLAS_WAIT_UNTIL (heard (window, "Timeline page"));

  /* With the focus in the page that goes away, the focus goes along into
   * the page that comes at once (the stack does it), before the
   * announcement is made: said through the focus, it would not be heard
   * from a widget no longer shown.
   */
  g_assert_true (gtk_widget_child_focus (timeline, GTK_DIR_TAB_FORWARD));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "sites"));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, sites));
  ATLAS_WAIT_UNTIL (heard (window, "Sites page"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *xdg = NULL;
  int status;

  xdg = atlas_test_make_data_home ("atlas-announcer");
  /* Accessible properties are read back from GTK's test backend. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);

  gtk_test_init (&argc, &argv, NULL);

  app = atlas_test_application_new ();

  g_test_add ("/a11y/announcer/found-through-any-widget", Fixture, NULL,
              fixture_set_up, test_found_through_any_widget, fixture_tear_down);
  g_test_add ("/a11y/announcer/one-iteration-is-said-once", Fixture, NULL,
              fixture_set_up, test_one_iteration_is_said_once, fixture_tear_down);
#if !GTK_CHECK_VERSION (4, 14, 0)
  g_test_add ("/a11y/announcer/speaks-through-the-focus", Fixture, NULL,
              fixture_set_up, test_speaks_through_the_focus, fixture_tear_down);
  g_test_add ("/a11y/announcer/entry-speaks-for-its-text", Fixture, NULL,
              fixture_set_up, test_entry_speaks_for_its_text, fixture_tear_down);
#endif
  g_test_add_func ("/a11y/window/announces-results-and-selection", test_window_announces_results_and_selection);
  g_test_add_func ("/a11y/window/announces-pages-and-keeps-focus-in-them",
                   test_window_announces_pages_and_keeps_focus_in_them);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
