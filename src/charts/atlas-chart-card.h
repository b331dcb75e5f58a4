/* atlas-chart-card.h
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

#include "atlas-render.h"

#include "atlas-chart-canvas.h"
#include "atlas-chart-definition.h"
#include "atlas-session.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_CHART_CARD (atlas_chart_card_get_type ())

G_DECLARE_FINAL_TYPE (AtlasChartCard, atlas_chart_card, ATLAS, CHART_CARD, GtkWidget)

GtkWidget            *atlas_chart_card_new            (AtlasChartDefinition *definition);
AtlasChartDefinition *atlas_chart_card_get_definition (AtlasChartCard       *self);
AtlasChartCanvas     *atlas_chart_card_get_canvas     (AtlasChartCard       *self);
AtlasChartSeries     *atlas_chart_card_get_series     (AtlasChartCard       *self);
gboolean              atlas_chart_card_bind           (AtlasChartCard       *self,
                                                       AtlasSession         *session,
                                                       GError              **error);
void                  atlas_chart_card_refresh        (AtlasChartCard       *self);
void                  atlas_chart_card_set_presenting (AtlasChartCard       *self,
                                                       gboolean              presenting);
void                  atlas_chart_card_set_table_visible (AtlasChartCard    *self,
                                                          gboolean           visible);
gboolean              atlas_chart_card_get_table_visible (AtlasChartCard    *self);
GskRenderNode        *atlas_chart_card_render         (AtlasChartCard       *self,
                                                       int                   width,
                                                       int                   height,
                                                       gboolean              dark);
gboolean              atlas_chart_card_export         (AtlasChartCard       *self,
                                                       GFile                *file,
                                                       GError              **error);
gboolean        atlas_chart_card_export_sized (AtlasChartCard   *self,
                                               GFile            *file,
                                               AtlasExportSize   size,
                                               GError          **error);
void                  atlas_chart_card_apply_point    (AtlasChartCard       *self,
                                                       AtlasChartPoint      *point);

G_END_DECLS
