/* atlas-chart-point.c
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

#include "atlas-chart-point.h"
#include "atlas-format.h"
#include "atlas-item.h"

/* One number of a chart: a bar, a slice, a point of a line or a card.
 * Besides the value it keeps what a reader needs to trust it (unit,
 * qualifier, period, scope, whether it is a target rather than an
 * achievement) and what clicking it should select.
 */
struct _AtlasChartPoint
{
  GObject         parent_instance;

  char           *label;
  guint           x;
  guint           layer;
  double          value;
  AtlasUnit       unit;
  AtlasQualifier  qualifier;
  gboolean        is_target;
  gboolean        muted;
  char           *period;
  char           *scope;
  AtlasItem      *item;
  AtlasChartLink  link;
  int             link_value;
};

G_DEFINE_FINAL_TYPE (AtlasChartPoint, atlas_chart_point, G_TYPE_OBJECT)

static void
atlas_chart_point_dispose (GObject *object)
{
  AtlasChartPoint *self = ATLAS_CHART_POINT (object);

  g_clear_object (&self->item);
  G_OBJECT_CLASS (atlas_chart_point_parent_class)->dispose (object);
}

static void
atlas_chart_point_finalize (GObject *object)
{
  AtlasChartPoint *self = ATLAS_CHART_POINT (object);

  g_free (self->label);
  g_free (self->period);
  g_free (self->scope);
  G_OBJECT_CLASS (atlas_chart_point_parent_class)->finalize (object);
}

static void
atlas_chart_point_class_init (AtlasChartPointClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_chart_point_dispose;
  object_class->finalize = atlas_chart_point_finalize;
}

static void
atlas_chart_point_init (AtlasChartPoint *self)
{
  self->unit = ATLAS_UNIT_COUNT;
}

AtlasChartPoint *
atlas_chart_point_new (const char *label,
                       guint       x,
                       guint       layer,
                       double      value)
{
  AtlasChartPoint *self = g_object_new (ATLAS_TYPE_CHART_POINT, NULL);

  self->label = g_strdup (label ? label : "");
  self->x = x;
  self->layer = layer;
  self->value = value;
  return self;
}

const char *
atlas_chart_point_get_label (AtlasChartPoint *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_POINT (self), NULL);
  return self->label;
}

guint
atlas_chart_point_get_x (AtlasChartPoint *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_POINT (self), 0);
  return self->x;
}

guint
atlas_chart_point_get_layer (AtlasChartPoint *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_POINT (self), 0);
  return self->layer;
}

double
atlas_chart_point_get_value (AtlasChartPoint *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_POINT (self), 0);
  return self->value;
}

AtlasUnit
atlas_chart_point_get_unit (AtlasChartPoint *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_POINT (self), ATLAS_UNIT_COUNT);
  return self->unit;
}

AtlasQualifier
atlas_chart_point_get_qualifier (AtlasChartPoint *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_POINT (self), ATLAS_QUALIFIER_NONE);
  return self->qualifier;
}

gboolean
atlas_chart_point_get_is_target (AtlasChartPoint *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_POINT (self), FALSE);
  return self->is_target;
}

const char *
atlas_chart_point_get_period (AtlasChartPoint *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_POINT (self), NULL);
  return self->period;
}

const char *
atlas_chart_point_get_scope (AtlasChartPoint *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_POINT (self), NULL);
  return self->scope;
}

AtlasItem *
atlas_chart_point_get_item (AtlasChartPoint *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_POINT (self), NULL);
  return self->item;
}

AtlasChartLink
atlas_chart_point_get_link (AtlasChartPoint *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_POINT (self), ATLAS_CHART_LINK_NONE);
  return self->link;
}

int
atlas_chart_point_get_link_value (AtlasChartPoint *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_POINT (self), 0);
  return self->link_value;
}

gboolean
atlas_chart_point_get_muted (AtlasChartPoint *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_POINT (self), FALSE);
  return self->muted;
}

void
atlas_chart_point_set_measure (AtlasChartPoint *self,
                               AtlasUnit        unit,
                               AtlasQualifier   qualifier,
                               gboolean         is_target)
{
  g_return_if_fail (ATLAS_IS_CHART_POINT (self));
  self->unit = unit;
  self->qualifier = qualifier;
  self->is_target = !!is_target;
}

void
atlas_chart_point_set_context (AtlasChartPoint *self,
                               const char      *period,
                               const char      *scope)
{
  g_return_if_fail (ATLAS_IS_CHART_POINT (self));
  g_free (self->period);
  g_free (self->scope);
  self->period = g_strdup (period && *period ? period : NULL);
  self->scope = g_strdup (scope && *scope ? scope : NULL);
}

void
atlas_chart_point_set_item (AtlasChartPoint *self,
                            AtlasItem       *item)
{
  g_return_if_fail (ATLAS_IS_CHART_POINT (self));
  g_set_object (&self->item, item);
}

void
atlas_chart_point_set_link (AtlasChartPoint *self,
                            AtlasChartLink   link,
                            int              value)
{
  g_return_if_fail (ATLAS_IS_CHART_POINT (self));
  self->link = link;
  self->link_value = value;
}

void
atlas_chart_point_set_muted (AtlasChartPoint *self,
                             gboolean         muted)
{
  g_return_if_fail (ATLAS_IS_CHART_POINT (self));
  self->muted = !!muted;
}

/* The value as a reader sees it everywhere: "16.07万人", "2.36%". */
char *
atlas_chart_point_dup_value_text (AtlasChartPoint *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_POINT (self), NULL);
  return atlas_format_value (self->value, self->unit, self->qualifier);
}
