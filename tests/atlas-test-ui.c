/* atlas-test-ui.c
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

#include "atlas-store.h"
#include "atlas-test-ui.h"

gboolean
atlas_test_timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* The first widget of @type in the tree under @widget (itself included). */
GtkWidget *
atlas_test_find_child_of_type (GtkWidget *widget,
                               GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = atlas_test_find_child_of_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first event controller of @type on @widget; the widget keeps it. */
GtkEventController *
atlas_test_find_controller (GtkWidget *widget,
                            GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  return NULL;
}

/* A data folder of the test's own (XDG_DATA_HOME, where the user database
 * goes), made as "@name-XXXXXX" in the temporary folder.  Call it before
 * GTK and the application start.
 */
char *
atlas_test_make_data_home (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strconcat (name, "-XXXXXX", NULL);
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  return dir;
}

/* The application the UI tests open their windows in: not unique (tests
 * run side by side), registered, not run.
 */
AtlasApplication *
atlas_test_application_new (void)
{
  g_autoptr(GError) error = NULL;
  AtlasApplication *app = atlas_application_new ();

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

/* The bundled data alone (no user database), opened once for the tests of
 * one program.
 */
AtlasDataset *
atlas_test_open_bundled_dataset (void)
{
  static AtlasStore *store;
  static AtlasDataset *dataset;
  g_autoptr(GError) error = NULL;

  if (dataset == NULL)
    {
      g_autoptr(GBytes) bundled = atlas_store_get_bundled_bytes (&error);

      g_assert_no_error (error);
      store = atlas_store_new (bundled, NULL, &error);
      g_assert_no_error (error);
      dataset = atlas_dataset_new (store, &error);
      g_assert_no_error (error);
    }
  return dataset;
}

/* @inner lies within @outer, give or take @slack pixels on each side. */
gboolean
atlas_test_rect_inside (const graphene_rect_t *outer,
                        const graphene_rect_t *inner,
                        double                 slack)
{
  return inner->origin.x >= outer->origin.x - slack && inner->origin.y >= outer->origin.y - slack &&
         inner->origin.x + inner->size.width <= outer->origin.x + outer->size.width + slack &&
         inner->origin.y + inner->size.height <= outer->origin.y + outer->size.height + slack;
}

/* @a and @b share more than @slack pixels both ways. */
gboolean
atlas_test_rects_overlap (const graphene_rect_t *a,
                          const graphene_rect_t *b,
                          double                 slack)
{
  return a->origin.x + a->size.width > b->origin.x + slack && b->origin.x + b->size.width > a->origin.x + slack &&
         a->origin.y + a->size.height > b->origin.y + slack && b->origin.y + b->size.height > a->origin.y + slack;
}
