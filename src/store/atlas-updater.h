/* atlas-updater.h
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

#include "atlas-store.h"

G_BEGIN_DECLS

#define ATLAS_UPDATER_ERROR (atlas_updater_error_quark ())
#define ATLAS_TYPE_UPDATER (atlas_updater_get_type ())

/* The "format" of an update manifest. */
#define ATLAS_UPDATE_MANIFEST_FORMAT "io.github.cqatlas.ScienceAtlas.update"

typedef enum
{
  ATLAS_UPDATER_ERROR_NO_URL,
  ATLAS_UPDATER_ERROR_INSECURE,
  ATLAS_UPDATER_ERROR_OFFLINE,
  ATLAS_UPDATER_ERROR_HTTP,
  ATLAS_UPDATER_ERROR_TIMEOUT,
  ATLAS_UPDATER_ERROR_TOO_LARGE,
  ATLAS_UPDATER_ERROR_TRUNCATED,
  ATLAS_UPDATER_ERROR_REDIRECTS,
  ATLAS_UPDATER_ERROR_MANIFEST,
  ATLAS_UPDATER_ERROR_CHECKSUM,
  ATLAS_UPDATER_ERROR_PACKAGE,
  ATLAS_UPDATER_ERROR_CANCELLED,
  ATLAS_UPDATER_ERROR_PRESENTING,
  ATLAS_UPDATER_ERROR_SIGNATURE,
  ATLAS_UPDATER_ERROR_NETWORK,
} AtlasUpdaterError;

G_DECLARE_FINAL_TYPE (AtlasUpdater, atlas_updater, ATLAS, UPDATER, GObject)

GQuark        atlas_updater_error_quark     (void);
gboolean      atlas_updater_check_url       (const char           *url,
                                             GError              **error);

AtlasUpdater *atlas_updater_new             (AtlasStore           *store,
                                             const char           *url);
void          atlas_updater_set_timeout     (AtlasUpdater         *self,
                                             guint                 milliseconds);
void          atlas_updater_set_min_rate    (AtlasUpdater         *self,
                                             guint64               bytes_per_second);
void          atlas_updater_set_max_size    (AtlasUpdater         *self,
                                             guint64               bytes);
double        atlas_updater_get_progress    (AtlasUpdater         *self);

void          atlas_updater_check_async     (AtlasUpdater         *self,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean      atlas_updater_check_finish    (AtlasUpdater         *self,
                                             GAsyncResult         *result,
                                             GError              **error);
gboolean      atlas_updater_is_newer        (AtlasUpdater         *self);
const char   *atlas_updater_get_version     (AtlasUpdater         *self);
const char   *atlas_updater_get_created     (AtlasUpdater         *self);
const char   *atlas_updater_get_notes       (AtlasUpdater         *self);
guint64       atlas_updater_get_size        (AtlasUpdater         *self);

void          atlas_updater_download_async  (AtlasUpdater         *self,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
GBytes       *atlas_updater_download_finish (AtlasUpdater         *self,
                                             GAsyncResult         *result,
                                             GError              **error);
gboolean      atlas_updater_install         (AtlasUpdater         *self,
                                             GBytes               *package,
                                             GListModel          **changes,
                                             GError              **error);
void          atlas_updater_install_async   (AtlasUpdater         *self,
                                             GBytes               *package,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
GListModel   *atlas_updater_install_finish  (AtlasUpdater         *self,
                                             GAsyncResult         *result,
                                             GError              **error);

G_END_DECLS
