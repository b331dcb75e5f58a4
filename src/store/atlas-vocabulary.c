/* atlas-vocabulary.c
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

#include "atlas-vocabulary.h"

static const char * const site_categories[] = {
  "research_institute", "laboratory", "university", "hospital", "industrial_park",
  "incubator", "company", "alliance", "platform", "science_facility", "exhibition_venue",
};
static const char * const location_precisions[] = {
  "exact", "approximate", "district", "area", "unknown",
};
static const char * const event_kinds[] = {
  "agreement", "signing", "founding", "conference", "milestone",
};
static const char * const units[] = {
  "count", "person", "person_time", "yuan", "percent", "percentage_point",
  "square_metre", "mu", "times", "year", "kilometre", "patents_per_10k_people", "rank",
  "increase_times",
};
static const char * const qualifiers[] = { "", "over", "about", "nearly", "at_least" };
static const char * const district_kinds[] = { "district", "county", "autonomous_county" };
static const char * const party_kinds[] = {
  "government", "academy", "institute", "university", "company", "association",
  "hospital", "park", "media", NULL,
};
static const char * const party_roles[] = {
  "signatory", "organizer", "co_organizer", "supporter", "witness", "founder",
  "participant", NULL,
};
static const char * const site_roles[] = { "venue", "subject", NULL };
static const char * const source_kinds[] = { "report", "newspaper", NULL };

static gboolean
lookup (const char * const *table,
        guint               n,
        const char         *key,
        int                *value)
{
  if (key == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      if (g_str_equal (table[i], key))
        {
          *value = i;
          return TRUE;
        }
    }
  return FALSE;
}

#define DEFINE_VOCABULARY(TypeName, type_name, table)                          \
  gboolean                                                                    \
  type_name##_from_string (const char *key,                                   \
                           TypeName   *value)                                 \
  {                                                                           \
    int v;                                                                    \
    if (!lookup (table, G_N_ELEMENTS (table), key, &v))                       \
      return FALSE;                                                           \
    if (value)                                                                \
      *value = (TypeName) v;                                                  \
    return TRUE;                                                              \
  }                                                                           \
  const char *                                                                \
  type_name##_to_string (TypeName value)                                      \
  {                                                                           \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (table), table[0]);    \
    return table[value];                                                      \
  }

DEFINE_VOCABULARY (AtlasSiteCategory, atlas_site_category, site_categories)
DEFINE_VOCABULARY (AtlasLocationPrecision, atlas_location_precision, location_precisions)
DEFINE_VOCABULARY (AtlasEventKind, atlas_event_kind, event_kinds)
DEFINE_VOCABULARY (AtlasUnit, atlas_unit, units)
DEFINE_VOCABULARY (AtlasQualifier, atlas_qualifier, qualifiers)
DEFINE_VOCABULARY (AtlasDistrictKind, atlas_district_kind, district_kinds)

gboolean
atlas_party_kind_is_valid (const char *key)
{
  return key != NULL && g_strv_contains (party_kinds, key);
}

gboolean
atlas_party_role_is_valid (const char *key)
{
  return key != NULL && g_strv_contains (party_roles, key);
}

gboolean
atlas_site_role_is_valid (const char *key)
{
  return key != NULL && g_strv_contains (site_roles, key);
}

/* Whether a site of this precision has a point (and a district) of its own. */
gboolean
atlas_location_precision_has_point (AtlasLocationPrecision value)
{
  return value == ATLAS_LOCATION_PRECISION_EXACT ||
         value == ATLAS_LOCATION_PRECISION_APPROXIMATE ||
         value == ATLAS_LOCATION_PRECISION_DISTRICT;
}

gboolean
atlas_source_kind_is_valid (const char *key)
{
  return key != NULL && g_strv_contains (source_kinds, key);
}

/* Ids are lower-case ASCII slugs: stable, safe in file names and URLs. */
gboolean
atlas_id_is_valid (const char *id)
{
  if (id == NULL || *id == '\0' || *id == '-')
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-'))
      return FALSE;
  return TRUE;
}
