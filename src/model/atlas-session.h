/* atlas-session.h
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

#include <gtk/gtk.h>

#include "atlas-history.h"
#include "atlas-site-list.h"
#include "atlas-import.h"
#include "atlas-updater.h"
#include "atlas-stories.h"
#include "atlas-types.h"

G_BEGIN_DECLS

/* The dimensions of the shared filters.  A view or chart that shows one
 * dimension itself (the timeline shows time, "sites by category" shows
 * categories) asks for the records matching all the others.
 */
typedef enum
{
  ATLAS_FILTER_NONE     = 0,
  ATLAS_FILTER_SEARCH   = 1 << 0,
  ATLAS_FILTER_CATEGORY = 1 << 1,
  ATLAS_FILTER_KIND     = 1 << 2,
  ATLAS_FILTER_TIME     = 1 << 3,
  ATLAS_FILTER_DISTRICT = 1 << 4,
} AtlasFilterDimension;

#define ATLAS_FILTER_ALL (ATLAS_FILTER_SEARCH | ATLAS_FILTER_CATEGORY | ATLAS_FILTER_KIND | \
                          ATLAS_FILTER_TIME | ATLAS_FILTER_DISTRICT)

#define ATLAS_TYPE_SESSION (atlas_session_get_type ())

G_DECLARE_FINAL_TYPE (AtlasSession, atlas_session, ATLAS, SESSION, GObject)

AtlasSession *atlas_session_new                 (AtlasDataset          *dataset);
AtlasDataset *atlas_session_get_dataset         (AtlasSession          *self);
AtlasState   *atlas_session_get_state           (AtlasSession          *self);
AtlasHistory *atlas_session_get_history         (AtlasSession          *self);
AtlasStories *atlas_session_get_stories         (AtlasSession          *self);

GtkFilter    *atlas_session_get_site_filter     (AtlasSession          *self);
GtkFilter    *atlas_session_get_event_filter    (AtlasSession          *self);
GListModel   *atlas_session_get_sites           (AtlasSession          *self);
GListModel   *atlas_session_get_events          (AtlasSession          *self);
GtkFilter    *atlas_session_new_filter          (AtlasSession          *self,
                                                 GType                  item_type,
                                                 AtlasFilterDimension   ignore);

gboolean      atlas_session_match_site          (AtlasSession          *self,
                                                 AtlasSite             *site,
                                                 AtlasFilterDimension   ignore);
gboolean      atlas_session_match_site_at       (AtlasSession          *self,
                                                 AtlasSiteList         *sites,
                                                 guint                  position,
                                                 AtlasFilterDimension   ignore);
gboolean      atlas_session_match_event         (AtlasSession          *self,
                                                 AtlasEvent            *event,
                                                 AtlasFilterDimension   ignore);
gboolean      atlas_session_match_search        (AtlasSession          *self,
                                                 AtlasItem             *item);
AtlasFilterDimension atlas_session_get_active_filters (AtlasSession    *self);
guint         atlas_session_count_uncertain_sites (AtlasSession        *self,
                                                 AtlasArea            **area);
GtkFilterMatch atlas_session_get_strictness     (AtlasSession          *self,
                                                 GType                  item_type,
                                                 AtlasFilterDimension   ignore);

gboolean      atlas_session_get_presenting      (AtlasSession          *self);
void          atlas_session_set_presenting      (AtlasSession          *self,
                                                 gboolean               presenting);

gboolean      atlas_session_reload              (AtlasSession          *self,
                                                 GError               **error);
gboolean      atlas_session_reset_to_bundled    (AtlasSession          *self,
                                                 GError               **error);
void          atlas_session_import_async        (AtlasSession          *self,
                                                 AtlasImportPlan       *plan,
                                                 GCancellable          *cancellable,
                                                 GAsyncReadyCallback    callback,
                                                 gpointer               user_data);
gboolean      atlas_session_import_finish       (AtlasSession          *self,
                                                 GAsyncResult          *result,
                                                 GError               **error);
void          atlas_session_install_update_async  (AtlasSession        *self,
                                                   AtlasUpdater        *updater,
                                                   GBytes              *package,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
GListModel   *atlas_session_install_update_finish (AtlasSession        *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);
gboolean      atlas_session_save_story          (AtlasSession          *self,
                                                 AtlasStory            *story,
                                                 GError               **error);
gboolean      atlas_session_remove_story        (AtlasSession          *self,
                                                 AtlasStory            *story,
                                                 GError               **error);
AtlasStory   *atlas_session_create_story        (AtlasSession          *self,
                                                 const char            *title_zh,
                                                 const char            *title_en,
                                                 GError               **error);
AtlasStory   *atlas_session_import_story        (AtlasSession          *self,
                                                 GFile                 *file,
                                                 GError               **error);

G_END_DECLS
