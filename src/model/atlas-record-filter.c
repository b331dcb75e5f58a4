/* atlas-record-filter.c
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

#include "atlas-event.h"
#include "atlas-record-filter.h"
#include "atlas-site.h"

/* A GtkFilter over sites or events that asks the session: the filter holds
 * no meaning of its own, only which record type it sees and which of the
 * session's dimensions it leaves out.  It tells its list models to refilter
 * when one of the dimensions it tests changes.
 */

struct _AtlasRecordFilter
{
  GtkFilter             parent_instance;

  AtlasSession         *session;    /* weak: the session may own us */
  GType                 item_type;
  AtlasFilterDimension  ignore;
};

G_DEFINE_FINAL_TYPE (AtlasRecordFilter, atlas_record_filter, GTK_TYPE_FILTER)

static gboolean
atlas_record_filter_match (GtkFilter *filter,
                           gpointer   item)
{
  AtlasRecordFilter *self = ATLAS_RECORD_FILTER (filter);

  if (self->session == NULL)
    return FALSE;
  if (self->item_type == ATLAS_TYPE_SITE)
    return atlas_session_match_site (self->session, item, self->ignore);
  return atlas_session_match_event (self->session, item, self->ignore);
}

static GtkFilterMatch
atlas_record_filter_get_strictness (GtkFilter *filter)
{
  AtlasRecordFilter *self = ATLAS_RECORD_FILTER (filter);

  if (self->session == NULL)
    return GTK_FILTER_MATCH_NONE;
  return atlas_session_get_strictness (self->session, self->item_type, self->ignore);
}

static void
on_filters_changed (AtlasRecordFilter *self,
                    guint              changed)
{
  AtlasFilterDimension tested = ATLAS_FILTER_ALL & ~self->ignore;

  /* Categories belong to sites and kinds to events. */
  tested &= self->item_type == ATLAS_TYPE_SITE ? ~ATLAS_FILTER_KIND : ~ATLAS_FILTER_CATEGORY;

  if (changed & tested)
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
atlas_record_filter_dispose (GObject *object)
{
  AtlasRecordFilter *self = (AtlasRecordFilter *)object;

  g_clear_weak_pointer (&self->session);

  G_OBJECT_CLASS (atlas_record_filter_parent_class)->dispose (object);
}

static void
atlas_record_filter_class_init (AtlasRecordFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->dispose = atlas_record_filter_dispose;

  filter_class->match = atlas_record_filter_match;
  filter_class->get_strictness = atlas_record_filter_get_strictness;
}

static void
atlas_record_filter_init (AtlasRecordFilter *self)
{
}

/**
 * atlas_record_filter_new:
 * @item_type: %ATLAS_TYPE_SITE or %ATLAS_TYPE_EVENT
 * @ignore: the session's dimensions this filter does not test
 */
AtlasRecordFilter *
atlas_record_filter_new (AtlasSession         *session,
                         GType                 item_type,
                         AtlasFilterDimension  ignore)
{
  AtlasRecordFilter *self;

  g_return_val_if_fail (ATLAS_IS_SESSION (session), NULL);
  g_return_val_if_fail (item_type == ATLAS_TYPE_SITE || item_type == ATLAS_TYPE_EVENT, NULL);

  self = g_object_new (ATLAS_TYPE_RECORD_FILTER, NULL);
  g_set_weak_pointer (&self->session, session);
  self->item_type = item_type;
  self->ignore = ignore;

  g_signal_connect_object (session, "filters-changed", G_CALLBACK (on_filters_changed), self,
                           G_CONNECT_SWAPPED);
  return self;
}

AtlasFilterDimension
atlas_record_filter_get_ignore (AtlasRecordFilter *self)
{
  g_return_val_if_fail (ATLAS_IS_RECORD_FILTER (self), ATLAS_FILTER_NONE);

  return self->ignore;
}
