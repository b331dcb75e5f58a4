/* atlas-time-axis.c
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

#include "atlas-date.h"
#include "atlas-format.h"
#include "atlas-time-axis.h"

/* The timeline's horizontal scale: which stretch of time is visible (as
 * Julian day numbers, fractional while zooming), kept within bounds and
 * between a shortest and a longest span; zooming around a day, panning, an
 * eased change of range, and ticks that get finer as the scale grows, from
 * decades down to single days, each labelled in the interface's language.
 */

#define MIN_SPAN_DAYS 10.0
#define LABEL_GAP     14.0
#define MIN_LABEL_PX  18.0

struct _AtlasTimeAxis
{
  GObject parent_instance;

  double  first;
  double  last;
  double  lower;
  double  upper;

  /* An eased change of range in progress. */
  gboolean animating;
  double   from_first, from_last;
  double   to_first, to_last;
  gint64   start_us;
  gint64   duration_us;
};

G_DEFINE_FINAL_TYPE (AtlasTimeAxis, atlas_time_axis, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FIRST,
  PROP_LAST,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The shortest distance, in days, between two ticks of each level. */
static const double level_min_days[ATLAS_N_TICK_LEVELS] = {
  [ATLAS_TICK_DECADE]     = 3652,
  [ATLAS_TICK_FIVE_YEARS] = 1826,
  [ATLAS_TICK_TWO_YEARS]  = 730,
  [ATLAS_TICK_YEAR]       = 365,
  [ATLAS_TICK_HALF_YEAR]  = 181,
  [ATLAS_TICK_QUARTER]    = 90,
  [ATLAS_TICK_MONTH]      = 28,
  [ATLAS_TICK_WEEK]       = 7,
  [ATLAS_TICK_DAY]        = 1,
};

static void
atlas_time_axis_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AtlasTimeAxis *self = ATLAS_TIME_AXIS (object);

  switch (prop_id)
    {
    case PROP_FIRST:
      g_value_set_double (value, self->first);
      break;

    case PROP_LAST:
      g_value_set_double (value, self->last);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_time_axis_class_init (AtlasTimeAxisClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = atlas_time_axis_get_property;

  properties[PROP_FIRST] =
    g_param_spec_double ("first", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LAST] =
    g_param_spec_double ("last", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_time_axis_init (AtlasTimeAxis *self)
{
  self->lower = atlas_julian_from_ymd (1980, 1, 1);
  self->upper = atlas_julian_from_ymd (2050, 1, 1);
  self->first = atlas_julian_from_ymd (2013, 1, 1);
  self->last = atlas_julian_from_ymd (2024, 1, 1);
}

AtlasTimeAxis *
atlas_time_axis_new (void)
{
  return g_object_new (ATLAS_TYPE_TIME_AXIS, NULL);
}

double
atlas_time_axis_get_first (AtlasTimeAxis *self)
{
  g_return_val_if_fail (ATLAS_IS_TIME_AXIS (self), 0);

  return self->first;
}

double
atlas_time_axis_get_last (AtlasTimeAxis *self)
{
  g_return_val_if_fail (ATLAS_IS_TIME_AXIS (self), 0);

  return self->last;
}

/* Keeps [first, last] at least MIN_SPAN_DAYS long and inside the bounds,
 * moving it rather than cutting it where possible.
 */
static void
clamp_range (AtlasTimeAxis *self,
             double        *first,
             double        *last)
{
  double span = *last - *first;
  double max_span = self->upper - self->lower;
  double centre = (*first + *last) / 2;

  if (!(span >= MIN_SPAN_DAYS))
    span = MIN_SPAN_DAYS;
  if (span > max_span)
    span = max_span;

  *first = centre - span / 2;
  *last = centre + span / 2;
  if (*first < self->lower)
    {
      *first = self->lower;
      *last = self->lower + span;
    }
  if (*last > self->upper)
    {
      *last = self->upper;
      *first = self->upper - span;
    }
}

static void
apply_range (AtlasTimeAxis *self,
             double         first,
             double         last)
{
  clamp_range (self, &first, &last);

  if (first != self->first)
    {
      self->first = first;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST]);
    }
  if (last != self->last)
    {
      self->last = last;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST]);
    }
}

/* Shows [first, last] at once (an animation in progress stops). */
void
atlas_time_axis_set_range (AtlasTimeAxis *self,
                           double         first,
                           double         last)
{
  g_return_if_fail (ATLAS_IS_TIME_AXIS (self));

  self->animating = FALSE;
  if (first > last)
    {
      double tmp = first;
      first = last;
      last = tmp;
    }
  apply_range (self, first, last);
}

/* The range never goes outside [lower, upper]. */
void
atlas_time_axis_set_bounds (AtlasTimeAxis *self,
                            double         lower,
                            double         upper)
{
  g_return_if_fail (ATLAS_IS_TIME_AXIS (self));
  g_return_if_fail (upper - lower >= MIN_SPAN_DAYS);

  self->lower = lower;
  self->upper = upper;
  apply_range (self, self->first, self->last);
}

void
atlas_time_axis_get_bounds (AtlasTimeAxis *self,
                            double        *lower,
                            double        *upper)
{
  g_return_if_fail (ATLAS_IS_TIME_AXIS (self));

  if (lower != NULL)
    *lower = self->lower;
  if (upper != NULL)
    *upper = self->upper;
}

/* Zooms in (@factor > 1) or out around @anchor_day, which stays where it is
 * on screen unless the bounds push the range.
 */
void
atlas_time_axis_zoom (AtlasTimeAxis *self,
                      double         factor,
                      double         anchor_day)
{
  double first, last;

  g_return_if_fail (ATLAS_IS_TIME_AXIS (self));
  g_return_if_fail (factor > 0);

  self->animating = FALSE;
  first = anchor_day - (anchor_day - self->first) / factor;
  last = anchor_day + (self->last - anchor_day) / factor;

  /* At the shortest or longest span, zooming further must not slide. */
  if (last - first < MIN_SPAN_DAYS || last - first > self->upper - self->lower)
    {
      double span = CLAMP (last - first, MIN_SPAN_DAYS, self->upper - self->lower);
      double ratio = (anchor_day - self->first) / (self->last - self->first);

      first = anchor_day - ratio * span;
      last = first + span;
    }
  apply_range (self, first, last);
}

void
atlas_time_axis_pan (AtlasTimeAxis *self,
                     double         days)
{
  g_return_if_fail (ATLAS_IS_TIME_AXIS (self));

  self->animating = FALSE;
  apply_range (self, self->first + days, self->last + days);
}

double
atlas_time_axis_day_to_x (AtlasTimeAxis *self,
                          double         day,
                          double         width)
{
  return (day - self->first) / (self->last - self->first) * width;
}

double
atlas_time_axis_x_to_day (AtlasTimeAxis *self,
                          double         x,
                          double         width)
{
  if (width <= 0)
    return self->first;
  return self->first + x / width * (self->last - self->first);
}

/* Starts an eased change of range; atlas_time_axis_step() moves it on. */
void
atlas_time_axis_animate_to (AtlasTimeAxis *self,
                            double         first,
                            double         last,
                            gint64         now_us,
                            gint64         duration_us)
{
  g_return_if_fail (ATLAS_IS_TIME_AXIS (self));

  clamp_range (self, &first, &last);
  if (duration_us <= 0)
    {
      atlas_time_axis_set_range (self, first, last);
      return;
    }

  self->animating = TRUE;
  self->from_first = self->first;
  self->from_last = self->last;
  self->to_first = first;
  self->to_last = last;
  self->start_us = now_us;
  self->duration_us = duration_us;
}

/* Moves an animation to @now_us; returns whether it goes on. */
gboolean
atlas_time_axis_step (AtlasTimeAxis *self,
                      gint64         now_us)
{
  double t, eased;

  g_return_val_if_fail (ATLAS_IS_TIME_AXIS (self), FALSE);

  if (!self->animating)
    return FALSE;

  t = CLAMP ((double) (now_us - self->start_us) / self->duration_us, 0.0, 1.0);
  /* Ease in and out (cubic). */
  eased = t < 0.5 ? 4 * t * t * t : 1 - pow (-2 * t + 2, 3) / 2;

  apply_range (self,
               self->from_first + (self->to_first - self->from_first) * eased,
               self->from_last + (self->to_last - self->from_last) * eased);
  self->animating = t < 1.0;
  return self->animating;
}

gboolean
atlas_time_axis_is_animating (AtlasTimeAxis *self)
{
  g_return_val_if_fail (ATLAS_IS_TIME_AXIS (self), FALSE);

  return self->animating;
}

/* ---- ticks ------------------------------------------------------------ */

char *
atlas_time_axis_format_tick (AtlasTickLevel level,
                             guint32        day)
{
  int y, m, d;

  atlas_julian_to_ymd (day, &y, &m, &d);
  switch (level)
    {
    case ATLAS_TICK_DECADE:
    case ATLAS_TICK_FIVE_YEARS:
    case ATLAS_TICK_TWO_YEARS:
    case ATLAS_TICK_YEAR:
      return atlas_format_year (y);

    case ATLAS_TICK_HALF_YEAR:
    case ATLAS_TICK_QUARTER:
    case ATLAS_TICK_MONTH:
      return atlas_format_month (y, m);

    case ATLAS_TICK_WEEK:
    case ATLAS_TICK_DAY:
    default:
      return atlas_format_day (day);
    }
}

static void
clear_tick (gpointer data)
{
  AtlasTimeTick *tick = data;

  g_clear_pointer (&tick->label, g_free);
}

static void
add_tick (GArray         *ticks,
          AtlasTickLevel  level,
          guint32         day,
          gboolean        labelled)
{
  AtlasTimeTick tick = { day, NULL, labelled };

  if (labelled)
    tick.label = atlas_time_axis_format_tick (level, day);
  g_array_append_val (ticks, tick);
}

/* The ticks of @level inside the visible range, in order. */
GArray *
atlas_time_axis_ticks_for_level (AtlasTimeAxis  *self,
                                 AtlasTickLevel  level,
                                 gboolean        labelled)
{
  GArray *ticks = g_array_new (FALSE, TRUE, sizeof (AtlasTimeTick));
  guint32 first = (guint32) MAX (1.0, floor (self->first));
  guint32 last = (guint32) ceil (self->last);
  int y0, m0, d0, y1, m1, d1;

  g_array_set_clear_func (ticks, clear_tick);
  atlas_julian_to_ymd (first, &y0, &m0, &d0);
  atlas_julian_to_ymd (last, &y1, &m1, &d1);

  switch (level)
    {
    case ATLAS_TICK_DECADE:
    case ATLAS_TICK_FIVE_YEARS:
    case ATLAS_TICK_TWO_YEARS:
    case ATLAS_TICK_YEAR:
      {
        int step = level == ATLAS_TICK_DECADE ? 10 : level == ATLAS_TICK_FIVE_YEARS ? 5
                 : level == ATLAS_TICK_TWO_YEARS ? 2 : 1;

        for (int y = y0 - (y0 % step + step) % step; y <= y1; y += step)
          {
            guint32 day = atlas_julian_from_ymd (y, 1, 1);

            if (day >= first && day <= last)
              add_tick (ticks, level, day, labelled);
          }
      }
      break;

    case ATLAS_TICK_HALF_YEAR:
    case ATLAS_TICK_QUARTER:
    case ATLAS_TICK_MONTH:
      {
        int step = level == ATLAS_TICK_HALF_YEAR ? 6 : level == ATLAS_TICK_QUARTER ? 3 : 1;

        for (int i = y0 * 12; i <= y1 * 12 + 11; i++)
          {
            int y = i / 12, m = i % 12 + 1;
            guint32 day;

            if ((m - 1) % step != 0)
              continue;
            day = atlas_julian_from_ymd (y, m, 1);
            if (day >= first && day <= last)
              add_tick (ticks, level, day, labelled);
          }
      }
      break;

    case ATLAS_TICK_WEEK:
      for (int i = y0 * 12 + m0 - 1; i <= y1 * 12 + m1 - 1; i++)
        {
          static const int days[] = { 1, 8, 15, 22 };

          for (guint k = 0; k < G_N_ELEMENTS (days); k++)
            {
              guint32 day = atlas_julian_from_ymd (i / 12, i % 12 + 1, days[k]);

              if (day >= first && day <= last)
                add_tick (ticks, level, day, labelled);
            }
        }
      break;

    case ATLAS_TICK_DAY:
    default:
      for (guint32 day = first; day <= last; day++)
        add_tick (ticks, level, day, labelled);
      break;
    }

  return ticks;
}

/* A stand-in for text measurement: Latin characters about 7 px, Chinese
 * ones about 13 px at the default size.
 */
static double
estimate_width (const char *label,
                gpointer    user_data)
{
  double width = 0;

  for (const char *p = label; *p != '\0'; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 13 : 7;
  return width;
}

/* Whether the labels of @ticks, each drawn from its tick to the right, keep
 * apart at @width pixels for the visible range.
 */
static gboolean
labels_fit (AtlasTimeAxis        *self,
            GArray               *ticks,
            double                width,
            AtlasTickMeasureFunc  measure,
            gpointer              user_data)
{
  for (guint i = 0; i + 1 < ticks->len; i++)
    {
      AtlasTimeTick *a = &g_array_index (ticks, AtlasTimeTick, i);
      AtlasTimeTick *b = &g_array_index (ticks, AtlasTimeTick, i + 1);
      double xa = atlas_time_axis_day_to_x (self, a->day, width);
      double xb = atlas_time_axis_day_to_x (self, b->day, width);

      if (xb - xa < measure (a->label, user_data) + LABEL_GAP)
        return FALSE;
    }
  return TRUE;
}

/* The finest level whose labels do not run into each other, and its
 * labelled ticks when @ticks is given (made to check the fit anyway).
 */
static AtlasTickLevel
pick_level (AtlasTimeAxis        *self,
            double                width,
            AtlasTickMeasureFunc  measure,
            gpointer              user_data,
            GArray              **ticks)
{
  double px_per_day;

  if (measure == NULL)
    measure = estimate_width;
  if (width <= 0)
    return ATLAS_TICK_DECADE;

  px_per_day = width / (self->last - self->first);
  for (int level = ATLAS_TICK_DAY; level > ATLAS_TICK_DECADE; level--)
    {
      g_autoptr(GArray) candidates = NULL;

      /* Too tight for any label: do not even generate the ticks. */
      if (level_min_days[level] * px_per_day < MIN_LABEL_PX + LABEL_GAP)
        continue;

      candidates = atlas_time_axis_ticks_for_level (self, level, TRUE);
      if (labels_fit (self, candidates, width, measure, user_data))
        {
          if (ticks != NULL)
            *ticks = g_steal_pointer (&candidates);
          return level;
        }
    }
  return ATLAS_TICK_DECADE;
}

AtlasTickLevel
atlas_time_axis_pick_level (AtlasTimeAxis        *self,
                            double                width,
                            AtlasTickMeasureFunc  measure,
                            gpointer              user_data)
{
  g_return_val_if_fail (ATLAS_IS_TIME_AXIS (self), ATLAS_TICK_DECADE);

  return pick_level (self, width, measure, user_data, NULL);
}

/* The labelled ticks for the visible range at @width pixels. */
GArray *
atlas_time_axis_compute_ticks (AtlasTimeAxis        *self,
                               double                width,
                               AtlasTickMeasureFunc  measure,
                               gpointer              user_data,
                               AtlasTickLevel       *level)
{
  AtlasTickLevel picked;
  GArray *ticks = NULL;

  g_return_val_if_fail (ATLAS_IS_TIME_AXIS (self), NULL);

  /* The fitting level's ticks are kept, not made a second time: the axis
   * is laid out every frame while panning.
   */
  picked = pick_level (self, width, measure, user_data, &ticks);
  if (level != NULL)
    *level = picked;
  if (ticks == NULL)
    ticks = atlas_time_axis_ticks_for_level (self, picked, TRUE);
  return ticks;
}

/* ---- camera ----------------------------------------------------------- */

char *
atlas_time_axis_format_iso (guint32 day)
{
  int y, m, d;

  atlas_julian_to_ymd (day, &y, &m, &d);
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

/* {"first": "YYYY-MM-DD", "last": "YYYY-MM-DD"}: the visible range. */
JsonNode *
atlas_time_axis_to_json (AtlasTimeAxis *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  g_return_val_if_fail (ATLAS_IS_TIME_AXIS (self), NULL);

  first = atlas_time_axis_format_iso ((guint32) floor (self->first + 0.5));
  last = atlas_time_axis_format_iso ((guint32) floor (self->last + 0.5));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "first");
  json_builder_add_string_value (builder, first);
  json_builder_set_member_name (builder, "last");
  json_builder_add_string_value (builder, last);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Reads a camera; a month or a year as "last" counts to its end. */
gboolean
atlas_time_axis_parse_json (JsonNode *node,
                            double   *first,
                            double   *last)
{
  JsonObject *object;
  const char *text;
  AtlasDate date;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;

  object = json_node_get_object (node);
  text = json_object_get_string_member_with_default (object, "first", NULL);
  if (text == NULL || !atlas_date_parse (text, &date, NULL))
    return FALSE;
  *first = atlas_date_get_first_day (&date);

  text = json_object_get_string_member_with_default (object, "last", NULL);
  if (text == NULL || !atlas_date_parse (text, &date, NULL))
    return FALSE;
  *last = atlas_date_get_last_day (&date);

  return *last > *first;
}
