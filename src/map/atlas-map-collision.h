/* atlas-map-collision.h
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

#include <graphene.h>
#include <glib.h>

G_BEGIN_DECLS

/* Label placement without overlap: boxes are offered in priority order and
 * a box is kept only if it touches no box kept before.  A coarse grid over
 * the screen keeps each test to the few boxes nearby.
 */
typedef struct _AtlasMapCollider AtlasMapCollider;

AtlasMapCollider *atlas_map_collider_new     (double                 width,
                                              double                 height);
void              atlas_map_collider_free    (AtlasMapCollider      *self);
void              atlas_map_collider_reset   (AtlasMapCollider      *self,
                                              double                 width,
                                              double                 height);
gboolean          atlas_map_collider_test    (AtlasMapCollider      *self,
                                              const graphene_rect_t *box);
gboolean          atlas_map_collider_try_add (AtlasMapCollider      *self,
                                              const graphene_rect_t *box);
void              atlas_map_collider_add     (AtlasMapCollider      *self,
                                              const graphene_rect_t *box);
guint             atlas_map_collider_get_n   (AtlasMapCollider      *self);
const graphene_rect_t *atlas_map_collider_get (AtlasMapCollider     *self,
                                               guint                 index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasMapCollider, atlas_map_collider_free)

G_END_DECLS
