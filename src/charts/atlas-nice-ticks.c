/* atlas-nice-ticks.c
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

#include "atlas-nice-ticks.h"

/* Readers compare bars against gridlines, so ticks must land on numbers a
 * person would say aloud: multiples of 1, 2, 2.5 or 5 times a power of ten.
 * The step is the smallest such number that needs at most @target intervals.
 */
void
atlas_nice_ticks (double          min,
                  double          max,
                  guint           target,
                  AtlasNiceTicks *ticks)
{
  static const double mantissas[] = { 1, 2, 2.5, 5, 10 };
  double span, raw, magnitude, step = 1, first, last;

  g_return_if_fail (ticks != NULL);

  if (target < 1)
    target = 1;
  if (!isfinite (min) || !isfinite (max))
    min = max = 0;
  if (min > max)
    {
      double t = min;
      min = max;
      max = t;
    }
  if (min == max)
    {
      /* A single value still needs an axis: widen it to a unit around zero. */
      if (min == 0)
        max = 1;
      else if (min > 0)
        min = 0;
      else
        max = 0;
    }

  span = max - min;
  raw = span / target;
  magnitude = pow (10, floor (log10 (raw)));

  for (guint i = 0; i < G_N_ELEMENTS (mantissas); i++)
    {
      step = mantissas[i] * magnitude;
      first = floor (min / step + 1e-9) * step;
      last = ceil (max / step - 1e-9) * step;
      if ((last - first) / step <= target + 1e-9)
        break;
    }

  first = floor (min / step + 1e-9) * step;
  last = ceil (max / step - 1e-9) * step;

  ticks->first = first == 0 ? 0 : first; /* no "-0" */
  ticks->step = step;
  ticks->n_ticks = (guint) llround ((last - first) / step) + 1;
}

double
atlas_nice_ticks_last (const AtlasNiceTicks *ticks)
{
  return ticks->first + ticks->step * (ticks->n_ticks - 1);
}

/* How many decimals the tick labels need: 0 for 5, 1 for 0.5, 2 for 0.25. */
guint
atlas_nice_ticks_decimals (const AtlasNiceTicks *ticks)
{
  guint decimals = 0;
  double step = ticks->step;

  while (decimals < 6 && fabs (step - round (step)) > 1e-9 * MAX (1, fabs (step)))
    {
      step *= 10;
      decimals++;
    }
  return decimals;
}
