/* atlas-chart-series.h
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

#include <gio/gio.h>

#include "atlas-chart-definition.h"
#include "atlas-chart-point.h"
#include "atlas-session.h"

G_BEGIN_DECLS

/* How a chart colours its marks. */
typedef enum
{
  ATLAS_CHART_PALETTE_ACCENT,      /* one colour per layer from the chart palette */
  ATLAS_CHART_PALETTE_CATEGORY,    /* each point in its site category's colour */
  ATLAS_CHART_PALETTE_EVENT_KIND,  /* each layer is an event kind */
  ATLAS_CHART_PALETTE_SLICES,      /* each point its own colour (donuts) */
} AtlasChartPalette;

#define ATLAS_TYPE_CHART_SERIES (atlas_chart_series_get_type ())

G_DECLARE_FINAL_TYPE (AtlasChartSeries, atlas_chart_series, ATLAS, CHART_SERIES, GObject)

AtlasChartSeries *atlas_chart_series_new              (const char        *title,
                                                       AtlasUnit          unit);
AtlasChartSeries *atlas_chart_series_new_for_definition (AtlasChartDefinition *definition,
                                                         AtlasSession         *session,
                                                         GError              **error);
void              atlas_chart_series_append           (AtlasChartSeries  *self,
                                                       AtlasChartPoint   *point);
guint             atlas_chart_series_add_category     (AtlasChartSeries  *self,
                                                       const char        *label);
guint             atlas_chart_series_add_layer        (AtlasChartSeries  *self,
                                                       const char        *label,
                                                       int                kind);
const char       *atlas_chart_series_get_title        (AtlasChartSeries  *self);
AtlasUnit         atlas_chart_series_get_unit         (AtlasChartSeries  *self);
guint             atlas_chart_series_get_n_categories (AtlasChartSeries  *self);
const char       *atlas_chart_series_get_category     (AtlasChartSeries  *self,
                                                       guint              index);
guint             atlas_chart_series_get_n_layers     (AtlasChartSeries  *self);
const char       *atlas_chart_series_get_layer        (AtlasChartSeries  *self,
                                                       guint              index);
int               atlas_chart_series_get_layer_kind   (AtlasChartSeries  *self,
                                                       guint              index);
AtlasChartPalette atlas_chart_series_get_palette      (AtlasChartSeries  *self);
void              atlas_chart_series_set_palette      (AtlasChartSeries  *self,
                                                       AtlasChartPalette  palette);
AtlasChartPoint  *atlas_chart_series_peek_point       (AtlasChartSeries  *self,
                                                       guint              index);
double            atlas_chart_series_get_sum          (AtlasChartSeries  *self);
double            atlas_chart_series_get_stated_total (AtlasChartSeries  *self);
gboolean          atlas_chart_series_has_targets      (AtlasChartSeries  *self);
GPtrArray        *atlas_chart_series_get_sources      (AtlasChartSeries  *self);
void              atlas_chart_series_add_source       (AtlasChartSeries  *self,
                                                       AtlasSource       *source);
char             *atlas_chart_series_dup_source_text  (AtlasChartSeries  *self);
char             *atlas_chart_series_to_csv           (AtlasChartSeries  *self);
char             *atlas_chart_series_dup_summary      (AtlasChartSeries  *self,
                                                       AtlasChartKind     kind);

G_END_DECLS
