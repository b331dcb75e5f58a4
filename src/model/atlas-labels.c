/* atlas-labels.c
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

#include <glib/gi18n-lib.h>

#include "atlas-labels.h"

/* Human names for the dataset's vocabularies, translated. */

const char *
atlas_site_category_get_label (AtlasSiteCategory category)
{
  switch (category)
    {
    case ATLAS_SITE_CATEGORY_RESEARCH_INSTITUTE: return _("Research institute");
    case ATLAS_SITE_CATEGORY_LABORATORY: return _("Laboratory");
    case ATLAS_SITE_CATEGORY_UNIVERSITY: return _("University");
    case ATLAS_SITE_CATEGORY_HOSPITAL: return _("Hospital");
    case ATLAS_SITE_CATEGORY_INDUSTRIAL_PARK: return _("Industrial park");
    case ATLAS_SITE_CATEGORY_INCUBATOR: return _("Incubator");
    case ATLAS_SITE_CATEGORY_COMPANY: return _("Company");
    case ATLAS_SITE_CATEGORY_ALLIANCE: return _("Alliance");
    case ATLAS_SITE_CATEGORY_PLATFORM: return _("Platform");
    case ATLAS_SITE_CATEGORY_SCIENCE_FACILITY: return _("Science facility");
    case ATLAS_SITE_CATEGORY_EXHIBITION_VENUE: return _("Exhibition venue");
    default: g_return_val_if_reached ("");
    }
}

const char *
atlas_location_precision_get_label (AtlasLocationPrecision precision)
{
  switch (precision)
    {
    case ATLAS_LOCATION_PRECISION_EXACT: return _("Exact");
    case ATLAS_LOCATION_PRECISION_APPROXIMATE: return _("Approximate");
    case ATLAS_LOCATION_PRECISION_DISTRICT: return _("District centre");
    /* Translators: a location precision: only a zone of several districts is known. */
    case ATLAS_LOCATION_PRECISION_AREA: return C_("precision", "Area only");
    /* Translators: a location precision: the sources give no place. */
    case ATLAS_LOCATION_PRECISION_UNKNOWN: return C_("precision", "No known place");
    default: g_return_val_if_reached ("");
    }
}

const char *
atlas_location_precision_get_description (AtlasLocationPrecision precision)
{
  switch (precision)
    {
    case ATLAS_LOCATION_PRECISION_EXACT:
      return _("The building or campus is known.");
    case ATLAS_LOCATION_PRECISION_APPROXIMATE:
      return _("The area is known; the point may be off by a few kilometres.");
    case ATLAS_LOCATION_PRECISION_DISTRICT:
      return _("Only the district is known; the point marks the district.");
    case ATLAS_LOCATION_PRECISION_AREA:
      return _("Only a zone spanning several districts is known: no point, no single district.");
    case ATLAS_LOCATION_PRECISION_UNKNOWN:
      return _("The sources give no place: listed, but not drawn on the map.");
    default:
      g_return_val_if_reached ("");
    }
}

const char *
atlas_event_kind_get_label (AtlasEventKind kind)
{
  switch (kind)
    {
    case ATLAS_EVENT_KIND_AGREEMENT: return _("Agreement");
    case ATLAS_EVENT_KIND_SIGNING: return _("Signing");
    case ATLAS_EVENT_KIND_FOUNDING: return _("Founding");
    case ATLAS_EVENT_KIND_CONFERENCE: return _("Conference");
    case ATLAS_EVENT_KIND_MILESTONE: return _("Milestone");
    default: g_return_val_if_reached ("");
    }
}

const char *
atlas_district_kind_get_label (AtlasDistrictKind kind)
{
  switch (kind)
    {
    case ATLAS_DISTRICT_KIND_DISTRICT: return _("District");
    case ATLAS_DISTRICT_KIND_COUNTY: return _("County");
    case ATLAS_DISTRICT_KIND_AUTONOMOUS_COUNTY: return _("Autonomous county");
    default: g_return_val_if_reached ("");
    }
}

const char *
atlas_date_precision_get_label (AtlasDatePrecision precision)
{
  switch (precision)
    {
    case ATLAS_DATE_PRECISION_DAY: return _("Exact day");
    case ATLAS_DATE_PRECISION_MONTH: return _("Month known");
    case ATLAS_DATE_PRECISION_YEAR: return _("Year known");
    default: g_return_val_if_reached ("");
    }
}

const char *
atlas_party_role_get_label (const char *role)
{
  static const struct { const char *key; const char *label; } roles[] = {
    { "signatory", N_("Signatory") },
    { "organizer", N_("Organizer") },
    { "co_organizer", N_("Co-organizer") },
    { "supporter", N_("Supporter") },
    { "witness", N_("Witness") },
    { "founder", N_("Founder") },
    { "participant", N_("Participant") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (g_strcmp0 (role, roles[i].key) == 0)
      return _(roles[i].label);
  return role ? role : "";
}

const char *
atlas_site_role_get_label (const char *role)
{
  if (g_strcmp0 (role, "venue") == 0)
    return _("Venue");
  if (g_strcmp0 (role, "subject") == 0)
    return _("Concerned");
  return role ? role : "";
}

const char *
atlas_source_kind_get_label (const char *kind)
{
  if (g_strcmp0 (kind, "report") == 0)
    return _("Report");
  if (g_strcmp0 (kind, "newspaper") == 0)
    return _("Newspaper");
  return kind ? kind : "";
}

const char *
atlas_entity_get_label (const char *entity)
{
  static const struct { const char *key; const char *label; } entities[] = {
    { "site", N_("Site") },
    { "event", N_("Event") },
    { "statistic", N_("Statistic") },
    { "series", N_("Series") },
    { "district", N_("District") },
    { "source", N_("Source") },
    { "party", N_("Organisation") },
    { "area", N_("Area") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (g_strcmp0 (entity, entities[i].key) == 0)
      return _(entities[i].label);
  return entity ? entity : "";
}
