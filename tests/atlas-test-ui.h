/* atlas-test-ui.h
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

#pragma once

#include <gtk/gtk.h>

#include "atlas-application.h"
#include "atlas-dataset.h"

G_BEGIN_DECLS

/* Helpers the UI tests share. */

gboolean            atlas_test_timeout_cb         (gpointer   data);
char               *atlas_test_make_data_home     (const char *name);
AtlasApplication   *atlas_test_application_new    (void);
AtlasDataset       *atlas_test_open_bundled_dataset (void);
gboolean            atlas_test_rect_inside        (const graphene_rect_t *outer,
                                                   const graphene_rect_t *inner,
                                                   double                 slack);
gboolean            atlas_test_rects_overlap      (const graphene_rect_t *a,
                                                   const graphene_rect_t *b,
                                                   double                 slack);
GtkWidget          *atlas_test_find_child_of_type (GtkWidget *widget,
                                                   GType      type);
GtkEventController *atlas_test_find_controller    (GtkWidget *widget,
                                                   GType      type);

/* Runs the main loop until @done (checked each iteration) or @timeout_ms
 * pass, then asserts @done.
 */
#define ATLAS_WAIT_UNTIL_MS(done, timeout_ms)                                 \
  G_STMT_START {                                                               \
    gboolean timed_out_ = FALSE;                                               \
    guint id_ = g_timeout_add ((timeout_ms), atlas_test_timeout_cb, &timed_out_); \
    while (!(done) && !timed_out_)                                             \
      g_main_context_iteration (NULL, TRUE);                                   \
    if (!timed_out_)                                                           \
      g_source_remove (id_);                                                   \
    g_assert_true (done);                                                      \
  } G_STMT_END

#define ATLAS_WAIT_UNTIL(done) ATLAS_WAIT_UNTIL_MS (done, 5000)

G_END_DECLS
