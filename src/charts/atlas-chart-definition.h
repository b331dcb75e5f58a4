/* atlas-chart-definition.h
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

G_BEGIN_DECLS

typedef enum
{
  ATLAS_CHART_KIND_HBAR,     /* horizontal bars: long labels */
  ATLAS_CHART_KIND_VBAR,     /* vertical bars */
  ATLAS_CHART_KIND_STACKED,  /* vertical bars, layers stacked */
  ATLAS_CHART_KIND_GROUPED,  /* vertical bars, layers side by side */
  ATLAS_CHART_KIND_LINE,     /* a time series */
  ATLAS_CHART_KIND_DONUT,    /* shares of a whole */
  ATLAS_CHART_KIND_CARDS,    /* headline figures */
} AtlasChartKind;

gboolean    atlas_chart_kind_from_string (const char     *text,
                                          AtlasChartKind *kind);
const char *atlas_chart_kind_to_string   (AtlasChartKind  kind);
const char *atlas_chart_kind_get_label   (AtlasChartKind  kind);

#define ATLAS_TYPE_CHART_DEFINITION (atlas_chart_definition_get_type ())

G_DECLARE_FINAL_TYPE (AtlasChartDefinition, atlas_chart_definition, ATLAS, CHART_DEFINITION, GObject)

GListModel     *atlas_chart_definition_load_all        (GError              **error);
GListModel     *atlas_chart_definition_load_from_data  (const char           *json,
                                                        gssize                length,
                                                        GError              **error);
AtlasChartDefinition *atlas_chart_definition_find      (GListModel           *definitions,
                                                        const char           *id);
const char     *atlas_chart_definition_get_id          (AtlasChartDefinition *self);
AtlasChartKind  atlas_chart_definition_get_kind        (AtlasChartDefinition *self);
const char     *atlas_chart_definition_get_title       (AtlasChartDefinition *self);
const char     *atlas_chart_definition_get_series      (AtlasChartDefinition *self);
const char     *atlas_chart_definition_get_aggregation (AtlasChartDefinition *self);
guint           atlas_chart_definition_get_n_layers    (AtlasChartDefinition *self);
const char * const *atlas_chart_definition_get_statistics (AtlasChartDefinition *self,
                                                           guint                 layer);

G_END_DECLS
