/* atlas-chart-point.h
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

#include <glib-object.h>

#include "atlas-types.h"

G_BEGIN_DECLS

/* What clicking a mark does to the shared state. */
typedef enum
{
  ATLAS_CHART_LINK_NONE,
  ATLAS_CHART_LINK_CATEGORY,   /* link value: an AtlasSiteCategory */
  ATLAS_CHART_LINK_DISTRICT,   /* link value: an adcode */
  ATLAS_CHART_LINK_YEAR,       /* link value: a year */
  ATLAS_CHART_LINK_ITEM,       /* the point's item (a statistic) is selected */
} AtlasChartLink;

#define ATLAS_TYPE_CHART_POINT (atlas_chart_point_get_type ())

G_DECLARE_FINAL_TYPE (AtlasChartPoint, atlas_chart_point, ATLAS, CHART_POINT, GObject)

AtlasChartPoint *atlas_chart_point_new           (const char      *label,
                                                  guint            x,
                                                  guint            layer,
                                                  double           value);
const char      *atlas_chart_point_get_label     (AtlasChartPoint *self);
guint            atlas_chart_point_get_x         (AtlasChartPoint *self);
guint            atlas_chart_point_get_layer     (AtlasChartPoint *self);
double           atlas_chart_point_get_value     (AtlasChartPoint *self);
AtlasUnit        atlas_chart_point_get_unit      (AtlasChartPoint *self);
AtlasQualifier   atlas_chart_point_get_qualifier (AtlasChartPoint *self);
gboolean         atlas_chart_point_get_is_target (AtlasChartPoint *self);
const char      *atlas_chart_point_get_period    (AtlasChartPoint *self);
const char      *atlas_chart_point_get_scope     (AtlasChartPoint *self);
AtlasItem       *atlas_chart_point_get_item      (AtlasChartPoint *self);
AtlasChartLink   atlas_chart_point_get_link      (AtlasChartPoint *self);
int              atlas_chart_point_get_link_value (AtlasChartPoint *self);
gboolean         atlas_chart_point_get_muted     (AtlasChartPoint *self);
void             atlas_chart_point_set_measure   (AtlasChartPoint *self,
                                                  AtlasUnit        unit,
                                                  AtlasQualifier   qualifier,
                                                  gboolean         is_target);
void             atlas_chart_point_set_context   (AtlasChartPoint *self,
                                                  const char      *period,
                                                  const char      *scope);
void             atlas_chart_point_set_item      (AtlasChartPoint *self,
                                                  AtlasItem       *item);
void             atlas_chart_point_set_link      (AtlasChartPoint *self,
                                                  AtlasChartLink   link,
                                                  int              value);
void             atlas_chart_point_set_muted     (AtlasChartPoint *self,
                                                  gboolean         muted);
char            *atlas_chart_point_dup_value_text (AtlasChartPoint *self);

G_END_DECLS
