/* atlas-map-classes.c
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
#include <stdlib.h>

#include "atlas-format.h"
#include "atlas-map-classes.h"

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

guint
atlas_map_classes_compute (const double *values,
                           guint         n_values,
                           double       *uppers)
{
  g_autofree double *sorted = g_memdup2 (values, sizeof (double) * MAX (n_values, 1));
  guint n_classes = 0, first_positive = 0, n_positive;
  guint wanted;

  if (n_values == 0)
    return 0;

  qsort (sorted, n_values, sizeof (double), compare_doubles);
  while (first_positive < n_values && sorted[first_positive] <= 0)
    first_positive++;

  if (first_positive > 0)
    uppers[n_classes++] = 0;

  n_positive = n_values - first_positive;
  if (n_positive == 0)
    return n_classes;

  wanted = ATLAS_MAP_MAX_CLASSES - n_classes;
  for (guint i = 1; i <= wanted; i++)
    {
      /* Upper bound of quantile class i, rounded up to a whole count. */
      guint at = (guint) ceil ((double) i * n_positive / wanted) - 1;
      double upper = ceil (sorted[first_positive + MIN (at, n_positive - 1)]);

      if (n_classes > 0 && upper <= uppers[n_classes - 1])
        continue;
      uppers[n_classes++] = upper;
    }

  return n_classes;
}

/* The class @value falls in; values above the last bound go in the last. */
guint
atlas_map_classes_find (const double *uppers,
                        guint         n_classes,
                        double        value)
{
  for (guint i = 0; i < n_classes; i++)
    if (value <= uppers[i])
      return i;
  return n_classes > 0 ? n_classes - 1 : 0;
}

char *
atlas_map_classes_label (const double *uppers,
                         guint         n_classes,
                         guint         index)
{
  double lower, upper;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_return_val_if_fail (index < n_classes, NULL);

  lower = index == 0 ? MIN (uppers[0], 1) : uppers[index - 1] + 1;
  if (index == 0 && uppers[0] == 0)
    lower = 0;
  upper = uppers[index];
  a = atlas_format_number (lower, 0);
  if (lower >= upper)
    return g_steal_pointer (&a);
  b = atlas_format_number (upper, 0);
  return g_strdup_printf ("%s–%s", a, b);
}
