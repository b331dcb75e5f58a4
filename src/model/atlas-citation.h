/* atlas-citation.h
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

#include "atlas-types.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_CITATION (atlas_citation_get_type ())

G_DECLARE_FINAL_TYPE (AtlasCitation, atlas_citation, ATLAS, CITATION, GObject)

AtlasCitation *atlas_citation_new           (const char    *entity,
                                             const char    *entity_id,
                                             AtlasSource   *source,
                                             const char    *quote,
                                             const char    *quote_en);
const char    *atlas_citation_get_entity    (AtlasCitation *self);
const char    *atlas_citation_get_entity_id (AtlasCitation *self);
AtlasSource   *atlas_citation_get_source    (AtlasCitation *self);
const char    *atlas_citation_get_quote     (AtlasCitation *self);
const char    *atlas_citation_get_quote_en  (AtlasCitation *self);

G_END_DECLS
