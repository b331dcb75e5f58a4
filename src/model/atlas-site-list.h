/* atlas-site-list.h
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

#include "atlas-types.h"

G_BEGIN_DECLS

/* What few sites have: notes, caveats, more than one span of days. */
typedef struct _AtlasSiteRowExtras
{
  const char *note;
  const char *note_zh;
  const char *caveat_en;
  const char *caveat_zh;
  GArray     *more_spans;     /* guint32 pairs after the first span, or NULL */
} AtlasSiteRowExtras;

/**
 * AtlasSiteRow:
 *
 * One site as the dataset read it: what the map, the counts and the filters
 * need, without an object (88 bytes).  The strings and the district and area
 * belong to the list's data and live as long as it (or any AtlasSite made
 * from it).  Read-only; the spans are read through
 * atlas_site_row_is_active_between().
 */
typedef struct _AtlasSiteRow
{
  const char               *id;
  const char               *name_zh;
  const char               *name_en;
  const char               *established_on;
  AtlasDistrict            *district;      /* NULL without a point */
  AtlasArea                *area;          /* NULL unless precision area */
  double                    lon;
  double                    lat;
  /* The first span of days (a pair of Julian days) in which something
   * happened to the site: its founding or an event that concerns it
   * (first_span[0] == 0: none); more are in the extras.
   */
  guint32                   first_span[2];
  const AtlasSiteRowExtras *extras;        /* NULL for most sites */
  guint8                    category;             /* AtlasSiteCategory */
  guint8                    location_precision;   /* AtlasLocationPrecision */
  guint8                    from_user;
} AtlasSiteRow;

gboolean    atlas_site_row_has_point         (const AtlasSiteRow *row);
const char *atlas_site_row_get_name          (const AtlasSiteRow *row);
gboolean    atlas_site_row_is_active_between (const AtlasSiteRow *row,
                                              guint32             first_day,
                                              guint32             last_day);
guint32     atlas_site_row_get_first_day     (const AtlasSiteRow *row);

#define ATLAS_TYPE_SITE_LIST (atlas_site_list_get_type ())

G_DECLARE_FINAL_TYPE (AtlasSiteList, atlas_site_list, ATLAS, SITE_LIST, GObject)

AtlasSiteList      *atlas_site_list_new        (void);
const AtlasSiteRow *atlas_site_list_get_row    (AtlasSiteList *self,
                                                guint          position);
AtlasSite          *atlas_site_list_get_site   (AtlasSiteList *self,
                                                guint          position);
AtlasSite          *atlas_site_list_peek_site  (AtlasSiteList *self,
                                                guint          position);
gboolean            atlas_site_list_find       (AtlasSiteList *self,
                                                const char    *id,
                                                guint         *position);
AtlasSiteList      *atlas_site_list_snapshot   (AtlasSiteList *self);
guint               atlas_site_list_get_n_made (AtlasSiteList *self);

G_END_DECLS
