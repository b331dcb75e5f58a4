/* atlas-test-render.c
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

#include <math.h>

#include "atlas-test-render.h"

/* Calls @func on @node and on every node below it, parents first, with the
 * transform from that node's coordinates to @node's.
 */
static void
walk (GskRenderNode     *node,
      GskTransform      *transform,
      AtlasTestNodeFunc  func,
      gpointer           data)
{
  func (node, transform, data);

  switch (gsk_render_node_get_node_type (node))
    {
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        walk (gsk_container_node_get_child (node, i), transform, func, data);
      break;
    case GSK_TRANSFORM_NODE:
      {
        g_autoptr(GskTransform) inner = gsk_transform_transform (gsk_transform_ref (transform),
                                                                 gsk_transform_node_get_transform (node));

        walk (gsk_transform_node_get_child (node), inner, func, data);
      }
      break;
    case GSK_CLIP_NODE:
      walk (gsk_clip_node_get_child (node), transform, func, data);
      break;
    case GSK_ROUNDED_CLIP_NODE:
      walk (gsk_rounded_clip_node_get_child (node), transform, func, data);
      break;
    case GSK_OPACITY_NODE:
      walk (gsk_opacity_node_get_child (node), transform, func, data);
      break;
    /* What a widget's own snapshot wraps its children in. */
    case GSK_DEBUG_NODE:
      walk (gsk_debug_node_get_child (node), transform, func, data);
      break;
    case GSK_SHADOW_NODE:
      walk (gsk_shadow_node_get_child (node), transform, func, data);
      break;
    case GSK_COLOR_MATRIX_NODE:
      walk (gsk_color_matrix_node_get_child (node), transform, func, data);
      break;
    case GSK_REPEAT_NODE:
      walk (gsk_repeat_node_get_child (node), transform, func, data);
      break;
    case GSK_BLUR_NODE:
      walk (gsk_blur_node_get_child (node), transform, func, data);
      break;
    case GSK_BLEND_NODE:
      walk (gsk_blend_node_get_bottom_child (node), transform, func, data);
      walk (gsk_blend_node_get_top_child (node), transform, func, data);
      break;
    case GSK_CROSS_FADE_NODE:
      walk (gsk_cross_fade_node_get_start_child (node), transform, func, data);
      walk (gsk_cross_fade_node_get_end_child (node), transform, func, data);
      break;
    default:
      break;
    }
}

/**
 * atlas_test_walk_nodes:
 * @func: called for @node and every node below it, parents first, with the
 *   transform from that node's coordinates to @node's
 */
void
atlas_test_walk_nodes (GskRenderNode     *node,
                       AtlasTestNodeFunc  func,
                       gpointer           data)
{
  if (node != NULL)
    walk (node, NULL, func, data);
}

static void
collect_text (GskRenderNode *node,
              GskTransform  *transform,
              gpointer       data)
{
  GArray *found = data;
  AtlasTestText text;
  graphene_rect_t bounds;

  if (gsk_render_node_get_node_type (node) != GSK_TEXT_NODE)
    return;
  text = (AtlasTestText) { { { 0 } }, *gsk_text_node_get_color (node), gsk_text_node_get_num_glyphs (node),
                           gsk_text_node_get_font (node) };
  gsk_render_node_get_bounds (node, &bounds);
  gsk_transform_transform_bounds (transform, &bounds, &text.bounds);
  g_array_append_val (found, text);
}

/**
 * atlas_test_collect_text:
 *
 * Returns: (transfer full) (element-type AtlasTestText): every text node
 *   under @node, with its bounds in @node's coordinates
 */
GArray *
atlas_test_collect_text (GskRenderNode *node)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (AtlasTestText));

  atlas_test_walk_nodes (node, collect_text, found);
  return found;
}

/* @node drawn on an opaque image of @width x @height. */
cairo_surface_t *
atlas_test_draw_node (GskRenderNode *node,
                      int            width,
                      int            height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* The commonest colour of the opaque @surface in @bounds: what text there
 * is drawn on (its glyphs cover a minority of their box, spread over many
 * antialiased shades).
 */
gboolean
atlas_test_background_under (cairo_surface_t       *surface,
                             const graphene_rect_t *bounds,
                             GdkRGBA               *color)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  const guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);
  int x0 = MAX (0, (int) floor (bounds->origin.x)), y0 = MAX (0, (int) floor (bounds->origin.y));
  int x1 = MIN (w, (int) ceil (bounds->origin.x + bounds->size.width));
  int y1 = MIN (h, (int) ceil (bounds->origin.y + bounds->size.height));
  guint best = 0;
  guint32 mode = 0;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      {
        guint32 p = *(const guint32 *) (data + y * stride + x * 4) & 0xffffff;
        guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (p))) + 1;

        g_hash_table_insert (counts, GUINT_TO_POINTER (p), GUINT_TO_POINTER (n));
        if (n > best)
          {
            best = n;
            mode = p;
          }
      }
  if (best == 0)
    return FALSE;

  *color = (GdkRGBA) { ((mode >> 16) & 0xff) / 255.f, ((mode >> 8) & 0xff) / 255.f, (mode & 0xff) / 255.f, 1 };
  return TRUE;
}
