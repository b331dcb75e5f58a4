/* atlas-store-resource.c
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

#define G_LOG_DOMAIN "atlas-store"

#include "config.h"

#include "atlas-db-resources.h"
#include "atlas-store-private.h"

/* For the few files besides atlas.sqlite in the same resource (the dataset
 * schema, the release keys).
 */
GBytes *
_atlas_store_lookup_resource (const char  *name,
                              GError     **error)
{
  static gsize registered = 0;
  g_autofree char *path = g_strconcat (RESOURCE_PREFIX "/", name, NULL);

  /* The database resource is registered by hand: a constructor in a static
   * library is dropped when nothing else pulls its object file in.
   */
  if (g_once_init_enter (&registered))
    {
      atlas_db_register_resource ();
      g_once_init_leave (&registered, 1);
    }

  return g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}
