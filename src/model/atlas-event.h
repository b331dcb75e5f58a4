/* atlas-event.h
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

#include "atlas-item.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_EVENT (atlas_event_get_type ())

G_DECLARE_FINAL_TYPE (AtlasEvent, atlas_event, ATLAS, EVENT, AtlasItem)

const char *atlas_event_get_date (AtlasEvent *self);
AtlasDatePrecision atlas_event_get_date_precision (AtlasEvent *self);
AtlasEventKind atlas_event_get_kind (AtlasEvent *self);
const char *atlas_event_get_summary_zh (AtlasEvent *self);
const char *atlas_event_get_summary_en (AtlasEvent *self);
const char *atlas_event_get_summary (AtlasEvent *self);
double atlas_event_get_amount_cny (AtlasEvent *self);
int atlas_event_get_project_count (AtlasEvent *self);
AtlasSite *atlas_event_get_place (AtlasEvent *self);
AtlasDistrict *atlas_event_get_district (AtlasEvent *self);
const char *atlas_event_get_note (AtlasEvent *self);
gboolean atlas_event_get_from_user (AtlasEvent *self);
guint32     atlas_event_get_first_day (AtlasEvent  *self);
guint32     atlas_event_get_last_day  (AtlasEvent  *self);
guint       atlas_event_get_n_parties (AtlasEvent  *self);
AtlasParty *atlas_event_get_party     (AtlasEvent  *self,
                                       guint        index,
                                       const char **role);
guint       atlas_event_get_n_sites   (AtlasEvent  *self);
AtlasSite  *atlas_event_get_site      (AtlasEvent  *self,
                                       guint        index,
                                       const char **role);

const char *atlas_event_get_note_en (AtlasEvent *self);
const char *atlas_event_get_note_zh (AtlasEvent *self);
const char *atlas_event_get_caveat (AtlasEvent *self);
const char *atlas_event_get_caveat_en (AtlasEvent *self);
const char *atlas_event_get_caveat_zh (AtlasEvent *self);

AtlasQualifier atlas_event_get_amount_qualifier (AtlasEvent *self);
gboolean atlas_event_get_figures_planned (AtlasEvent *self);

G_END_DECLS
