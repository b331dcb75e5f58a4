/* atlas-render.h
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

#include "atlas-session.h"

G_BEGIN_DECLS

/* What a view must provide to be rendered or benchmarked without a display
 * (cq-atlas --render VIEW / --benchmark VIEW) and to be exported to a file.
 *
 * @variant: a view-specific choice (a chart id for "charts"), or %NULL
 * @dark: draw with the dark palette
 *
 * Returns: (transfer full) (nullable): the picture, width x height
 */
typedef GskRenderNode *(*AtlasRenderFunc)    (AtlasSession *session,
                                              const char   *variant,
                                              int           width,
                                              int           height,
                                              gboolean      dark);

/* Prints one line per case ("map-frame sites=1000 median_ms=1.2 max_ms=3.4"). */
typedef void            (*AtlasBenchmarkFunc) (AtlasDataset *dataset);

/* The sizes an exported picture can have. */
typedef enum
{
  ATLAS_EXPORT_SIZE_AS_SHOWN,  /* the view's size on screen */
  ATLAS_EXPORT_SIZE_SLIDE,     /* 1920 × 1080, for someone else's slides */
  ATLAS_EXPORT_SIZE_A4,        /* A4 landscape: 300 dpi PNG, an A4 PDF page */
} AtlasExportSize;

void      atlas_render_ensure_types  (void);
void      atlas_render_export_size_get (AtlasExportSize  size,
                                        int              shown_width,
                                        int              shown_height,
                                        int             *width,
                                        int             *height);
void      atlas_render_add_size_choice (GtkFileChooser  *chooser);
AtlasExportSize atlas_render_get_size_choice (GtkFileChooser *chooser);
gboolean  atlas_render_node_to_file_sized (GskRenderNode   *node,
                                           int              width,
                                           int              height,
                                           AtlasExportSize  size,
                                           GFile           *file,
                                           GError         **error);
gboolean  atlas_render_node_to_file  (GskRenderNode  *node,
                                      int             width,
                                      int             height,
                                      GFile          *file,
                                      GError        **error);
gboolean  atlas_render_node_to_cairo (GskRenderNode  *node,
                                      cairo_t        *cr);
double    atlas_render_time_node     (GskRenderNode  *node,
                                      cairo_surface_t *target);
void      atlas_render_stats         (GArray         *samples_ms,
                                      double         *median_ms,
                                      double         *max_ms);

G_END_DECLS
