/* atlas-district-grid.c
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

#define G_LOG_DOMAIN "atlas-import"

#include "config.h"

#include <gio/gio.h>

#include "atlas-district-grid.h"
#include "atlas-geometry.h"
#include "atlas-sqlite-util.h"

/* Point-in-polygon over Chongqing's districts through a grid of cells over
 * their bounding box.  A district whose border does not cross a cell holds
 * all of it or none of it, decided once from the cell's centre; only the
 * districts whose borders cross the cell are tested against the point
 * itself.  Checking 100,000 imported sites costs a few milliseconds instead
 * of a ray cast against every district.  The answer is the one a scan of
 * every district in order would give (the first that holds the point): the
 * simplified borders of neighbours do not meet exactly, and a cell crossed
 * by one district's border may lie wholly inside the other.
 */

#define GRID_SIZE 128

typedef struct
{
  gint64         adcode;
  char          *name_zh;
  char          *name_en;
  AtlasGeometry *geometry;
} District;

typedef struct
{
  GArray *crossing;    /* guint16: districts whose border crosses the cell, in order */
  int     whole;       /* first district + 1 that holds the whole cell, or 0 */
} Cell;

struct _AtlasDistrictGrid
{
  GArray *districts;   /* District */
  double  min_x, min_y, max_x, max_y;
  double  cell_w, cell_h;
  Cell    cells[GRID_SIZE * GRID_SIZE];
};

static void
district_clear (District *district)
{
  g_free (district->name_zh);
  g_free (district->name_en);
  g_clear_pointer (&district->geometry, atlas_geometry_unref);
}

void
atlas_district_grid_free (AtlasDistrictGrid *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (self->cells); i++)
    g_clear_pointer (&self->cells[i].crossing, g_array_unref);
  g_clear_pointer (&self->districts, g_array_unref);
  g_free (self);
}

static int
cell_x (AtlasDistrictGrid *self,
        double             x)
{
  return CLAMP ((int) ((x - self->min_x) / self->cell_w), 0, GRID_SIZE - 1);
}

static int
cell_y (AtlasDistrictGrid *self,
        double             y)
{
  return CLAMP ((int) ((y - self->min_y) / self->cell_h), 0, GRID_SIZE - 1);
}

static void
mark_crossing (AtlasDistrictGrid *self,
               Cell              *cell,
               guint16            district)
{
  if (cell->crossing == NULL)
    cell->crossing = g_array_sized_new (FALSE, FALSE, sizeof (guint16), 2);
  else if (g_array_index (cell->crossing, guint16, cell->crossing->len - 1) == district)
    return;    /* the next edge of the same border, most often */
  else
    for (guint i = 0; i < cell->crossing->len; i++)
      if (g_array_index (cell->crossing, guint16, i) == district)
        return;
  g_array_append_val (cell->crossing, district);
}

/**
 * atlas_district_grid_new:
 * @db: a connection with the dataset as "main"
 *
 * Returns: (transfer full): the grid over main.district, or %NULL
 */
AtlasDistrictGrid *
atlas_district_grid_new (sqlite3  *db,
                         GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  AtlasDistrictGrid *self;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT adcode, name_zh, name_en, geometry FROM main.district",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      return NULL;
    }

  self = g_new0 (AtlasDistrictGrid, 1);
  self->districts = g_array_new (FALSE, TRUE, sizeof (District));
  g_array_set_clear_func (self->districts, (GDestroyNotify) district_clear);
  self->min_x = self->min_y = G_MAXDOUBLE;
  self->max_x = self->max_y = -G_MAXDOUBLE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && self->districts->len < G_MAXUINT16)
    {
      District district = { 0 };
      double x0, y0, x1, y1;

      district.geometry = atlas_geometry_new_from_blob (sqlite3_column_blob (stmt, 3),
                                                        sqlite3_column_bytes (stmt, 3), NULL);
      if (district.geometry == NULL || atlas_geometry_get_n_points (district.geometry) == 0)
        {
          g_clear_pointer (&district.geometry, atlas_geometry_unref);
          continue;
        }
      district.adcode = sqlite3_column_int64 (stmt, 0);
      district.name_zh = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      district.name_en = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      atlas_geometry_get_bounds (district.geometry, &x0, &y0, &x1, &y1);
      self->min_x = MIN (self->min_x, x0);
      self->min_y = MIN (self->min_y, y0);
      self->max_x = MAX (self->max_x, x1);
      self->max_y = MAX (self->max_y, y1);
      g_array_append_val (self->districts, district);
    }
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", sqlite3_errmsg (db));
      atlas_district_grid_free (self);
      return NULL;
    }
  if (self->districts->len == 0)
    return self;

  self->cell_w = MAX ((self->max_x - self->min_x) / GRID_SIZE, 1e-9);
  self->cell_h = MAX ((self->max_y - self->min_y) / GRID_SIZE, 1e-9);

  /* The cells each border edge may cross (its bounding box of cells). */
  for (guint d = 0; d < self->districts->len; d++)
    {
      District *district = &g_array_index (self->districts, District, d);

      for (guint p = 0; p < atlas_geometry_get_n_paths (district->geometry); p++)
        {
          guint n;
          const AtlasPoint *pts = atlas_geometry_get_path (district->geometry, p, &n);

          for (guint j = 0, k = n - 1; j < n; k = j++)
            {
              int ax = cell_x (self, pts[j].x), bx = cell_x (self, pts[k].x);
              int ay = cell_y (self, pts[j].y), by = cell_y (self, pts[k].y);

              for (int y = MIN (ay, by); y <= MAX (ay, by); y++)
                for (int x = MIN (ax, bx); x <= MAX (ax, bx); x++)
                  mark_crossing (self, &self->cells[y * GRID_SIZE + x], d);
            }
        }
    }

  /* The first district holding each cell whole: one whose border does not
   * cross it and that holds its centre.
   */
  for (int y = 0; y < GRID_SIZE; y++)
    for (int x = 0; x < GRID_SIZE; x++)
      {
        Cell *cell = &self->cells[y * GRID_SIZE + x];
        double cx = self->min_x + (x + 0.5) * self->cell_w;
        double cy = self->min_y + (y + 0.5) * self->cell_h;
        guint next = 0;    /* index into cell->crossing */

        for (guint d = 0; d < self->districts->len && cell->whole == 0; d++)
          {
            if (cell->crossing != NULL && next < cell->crossing->len
                && g_array_index (cell->crossing, guint16, next) == d)
              {
                next++;
                continue;
              }
            if (atlas_geometry_contains (g_array_index (self->districts, District, d).geometry, cx, cy))
              cell->whole = d + 1;
          }
      }

  return self;
}

/**
 * atlas_district_grid_lookup:
 *
 * Returns: the adcode of the district (@lon, @lat) lies in, or 0 when it
 *   lies outside Chongqing
 */
gint64
atlas_district_grid_lookup (AtlasDistrictGrid *self,
                            double             lon,
                            double             lat)
{
  Cell *cell;

  g_return_val_if_fail (self != NULL, 0);

  if (self->districts->len == 0 || !(lon >= self->min_x && lon <= self->max_x
                                     && lat >= self->min_y && lat <= self->max_y))
    return 0;

  cell = &self->cells[cell_y (self, lat) * GRID_SIZE + cell_x (self, lon)];
  if (cell->crossing == NULL)
    return cell->whole > 0 ? g_array_index (self->districts, District, cell->whole - 1).adcode : 0;

  /* The crossing districts before the one that holds the cell, in order. */
  for (guint i = 0; i < cell->crossing->len; i++)
    {
      guint d = g_array_index (cell->crossing, guint16, i);
      District *district = &g_array_index (self->districts, District, d);

      if (cell->whole > 0 && d >= (guint) cell->whole - 1)
        break;
      if (atlas_geometry_contains (district->geometry, lon, lat))
        return district->adcode;
    }
  return cell->whole > 0 ? g_array_index (self->districts, District, cell->whole - 1).adcode : 0;
}

/**
 * atlas_district_grid_get_name:
 *
 * Returns: (nullable): the name of the district @adcode
 */
const char *
atlas_district_grid_get_name (AtlasDistrictGrid *self,
                              gint64             adcode,
                              gboolean           chinese)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint d = 0; d < self->districts->len; d++)
    {
      District *district = &g_array_index (self->districts, District, d);

      if (district->adcode == adcode)
        return chinese ? district->name_zh : district->name_en;
    }
  return NULL;
}
