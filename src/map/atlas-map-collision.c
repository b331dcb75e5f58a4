/* atlas-map-collision.c
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

#include <math.h>

#include "atlas-map-collision.h"

#define CELL 64.0

struct _AtlasMapCollider
{
  GArray  *boxes;    /* graphene_rect_t */
  GArray **cells;    /* per grid cell: guint indices into boxes */
  int      columns;
  int      rows;
};

static void
clear_cells (AtlasMapCollider *self)
{
  for (int i = 0; i < self->columns * self->rows; i++)
    g_clear_pointer (&self->cells[i], g_array_unref);
  g_clear_pointer (&self->cells, g_free);
}

void
atlas_map_collider_reset (AtlasMapCollider *self,
                          double            width,
                          double            height)
{
  int columns = MAX (1, (int) ceil (width / CELL));
  int rows = MAX (1, (int) ceil (height / CELL));

  g_array_set_size (self->boxes, 0);
  if (columns != self->columns || rows != self->rows || self->cells == NULL)
    {
      clear_cells (self);
      self->columns = columns;
      self->rows = rows;
      self->cells = g_new0 (GArray *, columns * rows);
    }
  else
    {
      for (int i = 0; i < columns * rows; i++)
        if (self->cells[i] != NULL)
          g_array_set_size (self->cells[i], 0);
    }
}

AtlasMapCollider *
atlas_map_collider_new (double width,
                        double height)
{
  AtlasMapCollider *self = g_new0 (AtlasMapCollider, 1);

  self->boxes = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));
  atlas_map_collider_reset (self, width, height);
  return self;
}

void
atlas_map_collider_free (AtlasMapCollider *self)
{
  if (self == NULL)
    return;
  clear_cells (self);
  g_array_unref (self->boxes);
  g_free (self);
}

/* Cell range a box covers; boxes partly off-screen use the border cells. */
static void
cell_range (AtlasMapCollider      *self,
            const graphene_rect_t *box,
            int                   *c0,
            int                   *r0,
            int                   *c1,
            int                   *r1)
{
  *c0 = CLAMP ((int) floor (box->origin.x / CELL), 0, self->columns - 1);
  *r0 = CLAMP ((int) floor (box->origin.y / CELL), 0, self->rows - 1);
  *c1 = CLAMP ((int) floor ((box->origin.x + box->size.width) / CELL), 0, self->columns - 1);
  *r1 = CLAMP ((int) floor ((box->origin.y + box->size.height) / CELL), 0, self->rows - 1);
}

static gboolean
overlap (const graphene_rect_t *a,
         const graphene_rect_t *b)
{
  return a->origin.x < b->origin.x + b->size.width &&
         b->origin.x < a->origin.x + a->size.width &&
         a->origin.y < b->origin.y + b->size.height &&
         b->origin.y < a->origin.y + a->size.height;
}

gboolean
atlas_map_collider_test (AtlasMapCollider      *self,
                         const graphene_rect_t *box)
{
  int c0, r0, c1, r1;

  cell_range (self, box, &c0, &r0, &c1, &r1);
  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      {
        GArray *cell = self->cells[r * self->columns + c];

        if (cell == NULL)
          continue;
        for (guint i = 0; i < cell->len; i++)
          if (overlap (box, &g_array_index (self->boxes, graphene_rect_t,
                                            g_array_index (cell, guint, i))))
            return FALSE;
      }
  return TRUE;
}

/* Keeps @box as an obstacle even if it overlaps (markers, the legend). */
void
atlas_map_collider_add (AtlasMapCollider      *self,
                        const graphene_rect_t *box)
{
  guint index = self->boxes->len;
  int c0, r0, c1, r1;

  g_array_append_val (self->boxes, *box);
  cell_range (self, box, &c0, &r0, &c1, &r1);
  for (int r = r0; r <= r1; r++)
    for (int c = c0; c <= c1; c++)
      {
        GArray **cell = &self->cells[r * self->columns + c];

        if (*cell == NULL)
          *cell = g_array_new (FALSE, FALSE, sizeof (guint));
        g_array_append_val (*cell, index);
      }
}

gboolean
atlas_map_collider_try_add (AtlasMapCollider      *self,
                            const graphene_rect_t *box)
{
  if (!atlas_map_collider_test (self, box))
    return FALSE;
  atlas_map_collider_add (self, box);
  return TRUE;
}

guint
atlas_map_collider_get_n (AtlasMapCollider *self)
{
  return self->boxes->len;
}

const graphene_rect_t *
atlas_map_collider_get (AtlasMapCollider *self,
                        guint             index)
{
  g_return_val_if_fail (index < self->boxes->len, NULL);
  return &g_array_index (self->boxes, graphene_rect_t, index);
}
