/* atlas-vocabulary.h
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

/* The closed vocabularies of the dataset.  The data files spell the values as
 * the keys below (see data/README.md); the enums are what the code uses.
 */

typedef enum
{
  ATLAS_SITE_CATEGORY_RESEARCH_INSTITUTE,
  ATLAS_SITE_CATEGORY_LABORATORY,
  ATLAS_SITE_CATEGORY_UNIVERSITY,
  ATLAS_SITE_CATEGORY_HOSPITAL,
  ATLAS_SITE_CATEGORY_INDUSTRIAL_PARK,
  ATLAS_SITE_CATEGORY_INCUBATOR,
  ATLAS_SITE_CATEGORY_COMPANY,
  ATLAS_SITE_CATEGORY_ALLIANCE,
  ATLAS_SITE_CATEGORY_PLATFORM,
  ATLAS_SITE_CATEGORY_SCIENCE_FACILITY,
  ATLAS_SITE_CATEGORY_EXHIBITION_VENUE,
} AtlasSiteCategory;

#define ATLAS_N_SITE_CATEGORIES (ATLAS_SITE_CATEGORY_EXHIBITION_VENUE + 1)
#define ATLAS_ALL_SITE_CATEGORIES ((1u << ATLAS_N_SITE_CATEGORIES) - 1)

typedef enum
{
  ATLAS_LOCATION_PRECISION_EXACT,
  ATLAS_LOCATION_PRECISION_APPROXIMATE,
  ATLAS_LOCATION_PRECISION_DISTRICT,
  /* Only a named zone spanning several districts is known (an AtlasArea):
   * the site has no point and no single district.
   */
  ATLAS_LOCATION_PRECISION_AREA,
  /* The sources name the site but give no place: listed, never drawn. */
  ATLAS_LOCATION_PRECISION_UNKNOWN,
} AtlasLocationPrecision;

#define ATLAS_N_LOCATION_PRECISIONS (ATLAS_LOCATION_PRECISION_UNKNOWN + 1)

typedef enum
{
  ATLAS_EVENT_KIND_AGREEMENT,
  ATLAS_EVENT_KIND_SIGNING,
  ATLAS_EVENT_KIND_FOUNDING,
  ATLAS_EVENT_KIND_CONFERENCE,
  ATLAS_EVENT_KIND_MILESTONE,
} AtlasEventKind;

#define ATLAS_N_EVENT_KINDS (ATLAS_EVENT_KIND_MILESTONE + 1)
#define ATLAS_ALL_EVENT_KINDS ((1u << ATLAS_N_EVENT_KINDS) - 1)

typedef enum
{
  ATLAS_UNIT_COUNT,
  ATLAS_UNIT_PERSON,
  ATLAS_UNIT_PERSON_TIME,
  ATLAS_UNIT_YUAN,
  ATLAS_UNIT_PERCENT,
  ATLAS_UNIT_PERCENTAGE_POINT,
  ATLAS_UNIT_SQUARE_METRE,
  ATLAS_UNIT_MU,
  ATLAS_UNIT_TIMES,
  ATLAS_UNIT_YEAR,
  ATLAS_UNIT_KILOMETRE,
  ATLAS_UNIT_PATENTS_PER_10K_PEOPLE,
  /* A place in a ranking ("第6名"): an ordinal, never summed or averaged. */
  ATLAS_UNIT_RANK,
  /* "增长3.1倍": an increase *by* the value, so the new level is
   * (value + 1) times the old one.  Plain ATLAS_UNIT_TIMES is a multiple
   * ("是……的3倍").
   */
  ATLAS_UNIT_INCREASE_TIMES,
} AtlasUnit;

typedef enum
{
  ATLAS_QUALIFIER_NONE,
  ATLAS_QUALIFIER_OVER,
  ATLAS_QUALIFIER_ABOUT,
  ATLAS_QUALIFIER_NEARLY,
  ATLAS_QUALIFIER_AT_LEAST,
} AtlasQualifier;

typedef enum
{
  ATLAS_DISTRICT_KIND_DISTRICT,
  ATLAS_DISTRICT_KIND_COUNTY,
  ATLAS_DISTRICT_KIND_AUTONOMOUS_COUNTY,
} AtlasDistrictKind;

gboolean     atlas_site_category_from_string      (const char             *key,
                                                   AtlasSiteCategory      *value);
const char  *atlas_site_category_to_string        (AtlasSiteCategory       value);
gboolean     atlas_location_precision_from_string (const char             *key,
                                                   AtlasLocationPrecision *value);
const char  *atlas_location_precision_to_string   (AtlasLocationPrecision  value);
gboolean     atlas_event_kind_from_string         (const char             *key,
                                                   AtlasEventKind         *value);
const char  *atlas_event_kind_to_string           (AtlasEventKind          value);
gboolean     atlas_unit_from_string               (const char             *key,
                                                   AtlasUnit              *value);
const char  *atlas_unit_to_string                 (AtlasUnit               value);
gboolean     atlas_qualifier_from_string          (const char             *key,
                                                   AtlasQualifier         *value);
const char  *atlas_qualifier_to_string            (AtlasQualifier          value);
gboolean     atlas_district_kind_from_string      (const char             *key,
                                                   AtlasDistrictKind      *value);
const char  *atlas_district_kind_to_string        (AtlasDistrictKind       value);
gboolean     atlas_party_kind_is_valid            (const char             *key);
gboolean     atlas_party_role_is_valid            (const char             *key);
gboolean     atlas_site_role_is_valid             (const char             *key);
gboolean     atlas_location_precision_has_point   (AtlasLocationPrecision  value);
gboolean     atlas_source_kind_is_valid           (const char             *key);
gboolean     atlas_id_is_valid                    (const char             *id);

G_END_DECLS
