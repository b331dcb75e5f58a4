/* atlas-time-axis.h
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
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* How fine the ticks of the axis are. */
typedef enum
{
  ATLAS_TICK_DECADE,
  ATLAS_TICK_FIVE_YEARS,
  ATLAS_TICK_TWO_YEARS,
  ATLAS_TICK_YEAR,
  ATLAS_TICK_HALF_YEAR,
  ATLAS_TICK_QUARTER,
  ATLAS_TICK_MONTH,
  ATLAS_TICK_WEEK,
  ATLAS_TICK_DAY,
} AtlasTickLevel;

#define ATLAS_N_TICK_LEVELS (ATLAS_TICK_DAY + 1)

typedef struct
{
  guint32  day;      /* Julian day number where the tick stands */
  char    *label;    /* localized ("2020年12月", "Dec 2020"), NULL on minor ticks */
  gboolean major;
} AtlasTimeTick;

/* Width in pixels that @label takes when drawn. */
typedef double (*AtlasTickMeasureFunc) (const char *label,
                                        gpointer    user_data);

#define ATLAS_TYPE_TIME_AXIS (atlas_time_axis_get_type ())

G_DECLARE_FINAL_TYPE (AtlasTimeAxis, atlas_time_axis, ATLAS, TIME_AXIS, GObject)

AtlasTimeAxis *atlas_time_axis_new            (void);
double         atlas_time_axis_get_first      (AtlasTimeAxis *self);
double         atlas_time_axis_get_last       (AtlasTimeAxis *self);
void           atlas_time_axis_set_range      (AtlasTimeAxis *self,
                                               double         first,
                                               double         last);
void           atlas_time_axis_set_bounds     (AtlasTimeAxis *self,
                                               double         lower,
                                               double         upper);
void           atlas_time_axis_get_bounds     (AtlasTimeAxis *self,
                                               double        *lower,
                                               double        *upper);
void           atlas_time_axis_zoom           (AtlasTimeAxis *self,
                                               double         factor,
                                               double         anchor_day);
void           atlas_time_axis_pan            (AtlasTimeAxis *self,
                                               double         days);
double         atlas_time_axis_day_to_x       (AtlasTimeAxis *self,
                                               double         day,
                                               double         width);
double         atlas_time_axis_x_to_day       (AtlasTimeAxis *self,
                                               double         x,
                                               double         width);
void           atlas_time_axis_animate_to     (AtlasTimeAxis *self,
                                               double         first,
                                               double         last,
                                               gint64         now_us,
                                               gint64         duration_us);
gboolean       atlas_time_axis_step           (AtlasTimeAxis *self,
                                               gint64         now_us);
gboolean       atlas_time_axis_is_animating   (AtlasTimeAxis *self);
AtlasTickLevel atlas_time_axis_pick_level     (AtlasTimeAxis        *self,
                                               double                width,
                                               AtlasTickMeasureFunc  measure,
                                               gpointer              user_data);
GArray        *atlas_time_axis_compute_ticks  (AtlasTimeAxis        *self,
                                               double                width,
                                               AtlasTickMeasureFunc  measure,
                                               gpointer              user_data,
                                               AtlasTickLevel       *level);
GArray        *atlas_time_axis_ticks_for_level (AtlasTimeAxis *self,
                                                AtlasTickLevel level,
                                                gboolean       labelled);
char          *atlas_time_axis_format_tick    (AtlasTickLevel  level,
                                               guint32         day);
JsonNode      *atlas_time_axis_to_json        (AtlasTimeAxis *self);
gboolean       atlas_time_axis_parse_json     (JsonNode      *node,
                                               double        *first,
                                               double        *last);
char          *atlas_time_axis_format_iso     (guint32        day);

G_END_DECLS
