/* test-window-layout.c
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

/* The window's size and header, measured on the realized window (Xvfb):
 * it can be 800 pixels wide or narrower on every page, with the details
 * pane open too, and its default height fits a 768-pixel screen; narrow,
 * the view switcher moves to the bottom bar.  The release is in the main
 * menu and in About (not a header badge); the welcome banner offers the
 * story until closed, and remembers.  Run once in English and once with
 * --language=zh_CN, whose labels are longer or shorter in other places.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "atlas-application.h"
#include "atlas-banner.h"
#include "atlas-dataset.h"
#include "atlas-l10n.h"
#include "atlas-site.h"
#include "atlas-state.h"
#include "atlas-store.h"
#include "atlas-window.h"
#include "atlas-test-render.h"
#include "atlas-test-ui.h"

static AtlasApplication *app;

static AtlasWindow *
open_window (void)
{
  AtlasWindow *window = atlas_window_new (GTK_APPLICATION (app), atlas_application_get_dataset (app),
                                         atlas_application_get_settings (app));

  gtk_window_present (GTK_WINDOW (window));
  ATLAS_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  return window;
}

static int
minimum_width (AtlasWindow *window)
{
  int minimum, natural;

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  return minimum;
}

static int
minimum_height (AtlasWindow *window)
{
  int minimum, natural;

  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_VERTICAL, -1, &minimum, &natural, NULL, NULL);
  return minimum;
}

/* Counts the blurred outset shadows it is given, with their size in a
 * GString's text.
 */
typedef struct
{
  guint    n;
  GString *where;
} Shadows;

static void
count_blurred_shadow (GskRenderNode *node,
                      GskTransform  *transform,
                      gpointer       data)
{
  Shadows *shadows = data;
  const GskRoundedRect *outline;

  if (gsk_render_node_get_node_type (node) != GSK_OUTSET_SHADOW_NODE ||
      gsk_outset_shadow_node_get_blur_radius (node) <= 0)
    return;
  outline = gsk_outset_shadow_node_get_outline (node);
  g_string_append_printf (shadows->where, " %g×%g (blur %g)", outline->bounds.size.width,
                          outline->bounds.size.height, gsk_outset_shadow_node_get_blur_radius (node));
  shadows->n++;
}

/* The window's first frame has no blurred shadow, in light and in dark:
 * with software GL each costs an offscreen blur and shaders compiled
 * before the window shows (style.css, HACKING.md "Start-up").
 */
static void
test_first_frame_without_blurred_shadows (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  AdwColorScheme scheme = adw_style_manager_get_color_scheme (style);

  for (guint dark = 0; dark < 2; dark++)
    {
      AtlasWindow *window;
      g_autoptr(GdkPaintable) paintable = NULL;
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GString) where = g_string_new (NULL);
      Shadows shadows = { 0, where };

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      window = open_window ();
      ATLAS_WAIT_UNTIL (gtk_widget_get_mapped (atlas_window_get_page (window, "map")) &&
                        gtk_widget_get_width (atlas_window_get_page (window, "map")) > 0);
      paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
      gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (GTK_WIDGET (window)),
                              gtk_widget_get_height (GTK_WIDGET (window)));
      node = gtk_snapshot_to_node (snapshot);
      g_assert_nonnull (node);
      atlas_test_walk_nodes (node, count_blurred_shadow, &shadows);
      g_test_message ("%s: %u blurred shadows%s", dark ? "dark" : "light", shadows.n, where->str);
      g_assert_cmpuint (shadows.n, ==, 0);
      gtk_window_destroy (GTK_WINDOW (window));
    }
  adw_style_manager_set_color_scheme (style, scheme);
}

/* Every page, with the details pane closed and open: 800 pixels or less. */
static void
test_minimum_width (void)
{
  static const char *pages[] = { "map", "timeline", "charts", "sites", "sources" };
  AtlasWindow *window = open_window ();
  AtlasState *state = atlas_window_get_state (window);
  GListModel *sites = atlas_dataset_get_sites (atlas_window_get_dataset (window));
  g_autoptr(AtlasSite) site = g_list_model_get_item (sites, 0);

  for (guint details = 0; details < 2; details++)
    {
      if (details)
        atlas_state_set_selection (state, ATLAS_ITEM (site));
      for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
        {
          int width, height;

          atlas_state_set_page (state, pages[i]);
          ATLAS_WAIT_UNTIL (gtk_widget_get_mapped (atlas_window_get_page (window, pages[i])));
          width = minimum_width (window);
          height = minimum_height (window);
          g_test_message ("%s%s: at least %d × %d", pages[i], details ? " with details" : "", width, height);
          g_assert_cmpint (width, <=, 800);
          /* An 800×600 screen, less a panel and the window's frame. */
          g_assert_cmpint (height, <=, 528);
        }
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The default size fits a 1366×768 laptop with its panel. */
static void
test_default_height (void)
{
  AtlasWindow *window = open_window ();
  int width, height;

  ATLAS_WAIT_UNTIL (gtk_widget_get_height (GTK_WIDGET (window)) > 0);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_test_message ("default %d × %d, shown %d × %d", width, height,
                  gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)));
  g_assert_cmpint (height, <=, 768 - 64);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (window)), <=, 768 - 64);
  g_assert_cmpint (width, <=, 1366);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean find_label_with (GtkWidget  *widget,
                                 const char *text,
                                 gboolean    popovers);

/* Wide, the pages are switched in the header; narrow, in a bar at the
 * bottom, which only shows then.
 */
static void
test_switcher_moves_when_narrow (void)
{
  AtlasWindow *window = atlas_window_new (GTK_APPLICATION (app), atlas_application_get_dataset (app),
                                         atlas_application_get_settings (app));
  GtkWidget *bar;

  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 700);
  gtk_window_present (GTK_WINDOW (window));
  ATLAS_WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (window)));
  bar = atlas_test_find_child_of_type (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR);
  g_assert_nonnull (bar);
  ATLAS_WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (window)) >= 1200);
  ATLAS_WAIT_UNTIL (!adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)));
  /* Hidden, it has no buttons to build yet. */
  g_assert_null (adw_view_switcher_bar_get_stack (ADW_VIEW_SWITCHER_BAR (bar)));

  gtk_window_set_default_size (GTK_WINDOW (window), 640, 600);
  ATLAS_WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (window)) <= 700);
  ATLAS_WAIT_UNTIL (adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)));
  /* Shown: a button per page, the map's among them. */
  g_assert_true (adw_view_switcher_bar_get_stack (ADW_VIEW_SWITCHER_BAR (bar)) ==
                 atlas_window_get_pages (window));
  ATLAS_WAIT_UNTIL (find_label_with (bar, _("Map"), FALSE));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A label showing @text under @widget, popovers left out unless @popovers. */
static gboolean
find_label_with (GtkWidget  *widget,
                 const char *text,
                 gboolean    popovers)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if ((popovers || !GTK_IS_POPOVER (child)) && find_label_with (child, text, popovers))
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_primary_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_primary_menu_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The release is in the main menu, not in the header bar. */
static void
test_release_in_menu (void)
{
  AtlasWindow *window = open_window ();
  AtlasStore *store = atlas_dataset_get_store (atlas_window_get_dataset (window));
  GtkWidget *header = atlas_test_find_child_of_type (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
  GtkWidget *menu_button = NULL;
  g_autofree char *version = NULL;
  g_autofree char *created_on = NULL;

  g_assert_true (atlas_store_get_release (store, &version, &created_on, NULL));
  g_assert_false (find_label_with (header, version, FALSE));

  menu_button = find_primary_menu_button (header);
  g_assert_nonnull (menu_button);
  g_assert_true (find_label_with (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button))),
                                  version, TRUE));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* About shows the release of the data on its first page. */
static void
test_about_shows_release (void)
{
  AtlasWindow *window = open_window ();
  AtlasStore *store = atlas_dataset_get_store (atlas_window_get_dataset (window));
  g_autofree char *version = NULL;
  g_autofree char *created_on = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwAboutWindow *about = NULL;

  g_assert_true (atlas_store_get_release (store, &version, &created_on, NULL));
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);

  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && about == NULL; i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_ABOUT_WINDOW (toplevel))
        about = ADW_ABOUT_WINDOW (toplevel);
    }
  g_assert_nonnull (about);
  g_test_message ("%s", adw_about_window_get_comments (about));
  g_assert_nonnull (strstr (adw_about_window_get_comments (about), version));
  g_assert_nonnull (strstr (adw_about_window_get_comments (about), created_on));

  gtk_window_destroy (GTK_WINDOW (about));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* "Start with the story" until the banner is closed, then never again. */
static void
test_welcome_banner (void)
{
  GSettings *settings = atlas_application_get_settings (app);
  AtlasWindow *window;
  AtlasBanner *banner;

  g_assert_nonnull (settings);
  g_settings_reset (settings, "story-banner-dismissed");

  window = open_window ();
  banner = ATLAS_BANNER (atlas_test_find_child_of_type (GTK_WIDGET (window), ATLAS_TYPE_BANNER));
  g_assert_true (atlas_banner_get_revealed (banner));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (window), "start-story"));

  g_signal_emit_by_name (banner, "dismissed");
  g_assert_true (g_settings_get_boolean (settings, "story-banner-dismissed"));
  gtk_window_destroy (GTK_WINDOW (window));

  window = open_window ();
  banner = ATLAS_BANNER (atlas_test_find_child_of_type (GTK_WIDGET (window), ATLAS_TYPE_BANNER));
  g_assert_false (atlas_banner_get_revealed (banner));
  gtk_window_destroy (GTK_WINDOW (window));

  g_settings_reset (settings, "story-banner-dismissed");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *xdg = NULL;
  const char *language = NULL;
  int kept = 1;
  int status;

  /* --language=zh_CN runs the same tests in Chinese. */
  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--language="))
        language = argv[i] + strlen ("--language=");
      else
        argv[kept++] = argv[i];
    }
  argc = kept;
  argv[argc] = NULL;

  g_setenv ("LANGUAGE", language ? language : "en", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CQ_ATLAS_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  atlas_l10n_set_chinese (language != NULL && g_str_has_prefix (language, "zh"));

  xdg = atlas_test_make_data_home ("atlas-layout");

  gtk_test_init (&argc, &argv, NULL);

  app = atlas_test_application_new ();

  g_test_add_func ("/layout/minimum-width-800-every-page", test_minimum_width);
  g_test_add_func ("/layout/default-height-fits-768", test_default_height);
  g_test_add_func ("/layout/switcher-moves-to-bottom-when-narrow", test_switcher_moves_when_narrow);
  g_test_add_func ("/layout/release-in-main-menu", test_release_in_menu);
  g_test_add_func ("/layout/about-shows-release", test_about_shows_release);
  g_test_add_func ("/layout/welcome-banner-remembers", test_welcome_banner);
  g_test_add_func ("/layout/first-frame-without-blurred-shadows", test_first_frame_without_blurred_shadows);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
