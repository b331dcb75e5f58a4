/* atlas-chart.h
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

#include "atlas-chart-definition.h"
#include "atlas-chart-layer.h"
#include "atlas-chart-point.h"
#include "atlas-chart-series.h"
#include "atlas-style.h"

G_BEGIN_DECLS

/* Pango has no autoptr for its context on every version we support. */
typedef PangoContext AtlasPangoContext;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasPangoContext, g_object_unref)

#define ATLAS_TYPE_CHART (atlas_chart_get_type ())

G_DECLARE_FINAL_TYPE (AtlasChart, atlas_chart, ATLAS, CHART, GObject)

AtlasChart       *atlas_chart_new              (AtlasChartKind    kind,
                                                AtlasChartSeries *series);
void              atlas_chart_add_layer        (AtlasChart       *self,
                                                AtlasChartLayer  *layer);
AtlasChartKind    atlas_chart_get_kind         (AtlasChart       *self);
AtlasChartSeries *atlas_chart_get_series       (AtlasChart       *self);
void              atlas_chart_set_series       (AtlasChart       *self,
                                                AtlasChartSeries *series);
void              atlas_chart_set_variant      (AtlasChart       *self,
                                                AtlasStyleVariant variant);
AtlasStyleVariant atlas_chart_get_variant      (AtlasChart       *self);
void              atlas_chart_set_presenting   (AtlasChart       *self,
                                                gboolean          presenting);
double            atlas_chart_get_scale        (AtlasChart       *self);
gboolean          atlas_chart_can_sort         (AtlasChart       *self);
gboolean          atlas_chart_get_sort_by_value (AtlasChart      *self);
void              atlas_chart_set_sort_by_value (AtlasChart      *self,
                                                 gboolean         sort_by_value);
guint             atlas_chart_get_slot_category (AtlasChart      *self,
                                                 guint            slot);
void              atlas_chart_snapshot         (AtlasChart       *self,
                                                GtkSnapshot      *snapshot,
                                                PangoContext     *context,
                                                int               width,
                                                int               height,
                                                int               hover,
                                                int               focus);
void              atlas_chart_snapshot_framed  (AtlasChart       *self,
                                                GtkSnapshot      *snapshot,
                                                PangoContext     *context,
                                                int               width,
                                                int               height);
guint             atlas_chart_get_n_marks      (AtlasChart       *self);
int               atlas_chart_hit_test         (AtlasChart       *self,
                                                double            x,
                                                double            y);
gboolean          atlas_chart_get_mark_bounds  (AtlasChart       *self,
                                                guint             mark,
                                                graphene_rect_t  *bounds);
AtlasChartPoint  *atlas_chart_get_mark_point   (AtlasChart       *self,
                                                guint             mark);
void              atlas_chart_get_mark_color   (AtlasChart       *self,
                                                guint             point,
                                                GdkRGBA          *color);
void              atlas_chart_get_layer_color  (AtlasChart       *self,
                                                guint             layer,
                                                GdkRGBA          *color);
int               atlas_chart_get_natural_height (AtlasChart     *self,
                                                  PangoContext   *context,
                                                  int             width);
PangoContext     *atlas_chart_create_headless_context (void);
GskRenderNode    *atlas_chart_render_gallery   (GListModel       *charts,
                                                int               width,
                                                int               height,
                                                gboolean          dark);

G_END_DECLS
