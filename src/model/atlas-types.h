/* atlas-types.h
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

#include "atlas-date.h"
#include "atlas-enums.h"
#include "atlas-geometry.h"
#include "atlas-vocabulary.h"

G_BEGIN_DECLS

typedef struct _AtlasArea      AtlasArea;
typedef struct _AtlasCitation  AtlasCitation;
typedef struct _AtlasDataset   AtlasDataset;
typedef struct _AtlasDistrict  AtlasDistrict;
typedef struct _AtlasEvent     AtlasEvent;
typedef struct _AtlasItem      AtlasItem;
typedef struct _AtlasParty     AtlasParty;
typedef struct _AtlasRiver     AtlasRiver;
typedef struct _AtlasSeries    AtlasSeries;
typedef struct _AtlasSite      AtlasSite;
typedef struct _AtlasSource    AtlasSource;
typedef struct _AtlasState     AtlasState;
typedef struct _AtlasStatistic AtlasStatistic;

G_END_DECLS
