/* atlas-nice-ticks.h
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

#include <glib.h>

G_BEGIN_DECLS

/* Round axis steps (1, 2, 2.5 or 5 times a power of ten) covering a range. */
typedef struct
{
  double first;   /* the lowest tick, <= the range's minimum */
  double step;    /* distance between ticks, > 0 */
  guint  n_ticks; /* ticks from first to the last one >= the range's maximum */
} AtlasNiceTicks;

void   atlas_nice_ticks      (double          min,
                              double          max,
                              guint           target,
                              AtlasNiceTicks *ticks);
double atlas_nice_ticks_last (const AtlasNiceTicks *ticks);
guint  atlas_nice_ticks_decimals (const AtlasNiceTicks *ticks);

G_END_DECLS
