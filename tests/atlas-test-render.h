/* atlas-test-render.h
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

G_BEGIN_DECLS

/* What a painter drew, read back from its render nodes: the tests of the
 * painters and of the palette share these.
 */

typedef struct
{
  graphene_rect_t bounds;   /* in the coordinates of the node given */
  GdkRGBA         color;
  guint           n_glyphs;
  PangoFont      *font;     /* not a reference: valid while the node is */
} AtlasTestText;

typedef void (*AtlasTestNodeFunc) (GskRenderNode *node,
                                   GskTransform  *transform,
                                   gpointer       data);

void             atlas_test_walk_nodes   (GskRenderNode         *node,
                                          AtlasTestNodeFunc      func,
                                          gpointer               data);
GArray          *atlas_test_collect_text (GskRenderNode         *node);
cairo_surface_t *atlas_test_draw_node    (GskRenderNode         *node,
                                          int                    width,
                                          int                    height);
gboolean         atlas_test_background_under (cairo_surface_t   *surface,
                                          const graphene_rect_t *bounds,
                                          GdkRGBA               *color);

G_END_DECLS
