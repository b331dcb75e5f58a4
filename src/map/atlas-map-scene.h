/* atlas-map-scene.h
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

#include "atlas-map-cluster.h"
#include "atlas-style.h"
#include "atlas-types.h"

G_BEGIN_DECLS

/* The faces of the text the map draws, as the charts': Latin text (numbers,
 * English names) in a Latin face, so that the large CJK font is opened only
 * for Chinese text, which gets its Simplified Chinese glyphs whatever the
 * locale.
 */
#define ATLAS_MAP_FONT_FAMILIES "Cantarell, Noto Sans, DejaVu Sans, Noto Sans CJK SC, sans"

/* What the map draws, prepared once from the dataset so that no frame reads
 * SQLite: district and river outlines in unit coordinates, simplified per
 * integer zoom on first use; site points with category and precision;
 * the filtered sites' clusters per integer zoom; label layouts.
 */

#define ATLAS_TYPE_MAP_SCENE (atlas_map_scene_get_type ())

G_DECLARE_FINAL_TYPE (AtlasMapScene, atlas_map_scene, ATLAS, MAP_SCENE, GObject)

#define ATLAS_MAP_MIN_ZOOM 6.0
/* How far the selected site's marker and ring reach, in pixels before
 * the presentation scale: no cluster is drawn closer.
 */
#define ATLAS_MAP_SELECTED_REACH 21.0
/* Closer than this the schematic base map shows little but an empty
 * district: the zoom stops here.
 */
#define ATLAS_MAP_MAX_ZOOM 14.0

typedef struct
{
  GArray *points;     /* AtlasMapPoint, world pixels at the cache's zoom */
  GArray *offsets;    /* guint: first point of each path, plus the end */
} AtlasMapPaths;

typedef struct
{
  AtlasDistrict  *district;
  int             adcode;
  char           *name;
  AtlasGeometry  *geometry;       /* lon/lat */
  GArray         *unit;           /* AtlasMapPoint */
  GArray         *unit_offsets;   /* guint, n_paths + 1 */
  double          min_x, min_y, max_x, max_y;  /* unit */
  double          label_x, label_y;            /* unit */
  double          area;                        /* unit^2, for label priority */
  AtlasMapPaths  *cache[(int) ATLAS_MAP_MAX_ZOOM + 2];
  PangoLayout    *layout;
} AtlasMapShape;

typedef struct
{
  /* Where the site is in the scene's list of sites (its row, and its
   * object when asked for); ATLAS_MAP_NO_SITE for synthetic points.
   */
  guint             position;
  AtlasSiteCategory category;
  AtlasLocationPrecision precision;
} AtlasMapSiteInfo;

#define ATLAS_MAP_NO_SITE G_MAXUINT

/* The base map (districts, rivers) drawn once into an image a little larger
 * than the screen, reused while the camera pans within it.
 */
typedef struct _AtlasMapMask AtlasMapMask;

typedef struct
{
  cairo_surface_t  *surface;      /* kept for reuse while not valid */
  gboolean          valid;
  AtlasMapMask     *mask;         /* for the borders, reused */
  AtlasMapMask     *river_mask;   /* for the rivers, reused */
  cairo_surface_t  *part;         /* the part last shown, a subsurface */
  int               part_x, part_y, part_width, part_height;
  double            zoom;
  double            x0, y0;       /* world pixels at @zoom of the top-left */
  int               width, height;
  int               drawn_x, drawn_y, drawn_width, drawn_height;  /* what is drawn yet, image px */
  AtlasStyleVariant variant;
  char             *measure;
  int               district;
  double            line_scale;
  int               pixel_scale;
} AtlasMapBaseCache;

AtlasMapScene  *atlas_map_scene_new            (AtlasDataset   *dataset);
void            atlas_map_scene_prepare_outlines      (AtlasMapScene *self);
gboolean        atlas_map_scene_get_outlines_prepared (AtlasMapScene *self);
AtlasMapBaseCache *atlas_map_scene_get_base_cache (AtlasMapScene *self);
cairo_surface_t *atlas_map_scene_lookup_sprite (AtlasMapScene  *self,
                                                const char     *key);
void            atlas_map_scene_add_sprite     (AtlasMapScene  *self,
                                                const char     *key,
                                                cairo_surface_t *sprite);
AtlasMapScene  *atlas_map_scene_new_synthetic  (AtlasDataset   *dataset,
                                                guint           n_sites,
                                                guint32         seed);
AtlasDataset   *atlas_map_scene_get_dataset    (AtlasMapScene  *self);
void            atlas_map_scene_set_filter     (AtlasMapScene  *self,
                                                GtkFilter      *filter);
guint           atlas_map_scene_get_n_districts (AtlasMapScene *self);
AtlasMapShape  *atlas_map_scene_get_district   (AtlasMapScene  *self,
                                                guint           index);
guint           atlas_map_scene_get_n_rivers   (AtlasMapScene  *self);
AtlasMapShape  *atlas_map_scene_get_river      (AtlasMapScene  *self,
                                                guint           index);
int             atlas_map_scene_get_river_level (AtlasMapScene *self,
                                                 guint          index);
AtlasMapPaths  *atlas_map_scene_get_paths      (AtlasMapScene  *self,
                                                AtlasMapShape  *shape,
                                                int             zoom,
                                                gboolean        closed);
guint           atlas_map_scene_get_n_sites    (AtlasMapScene  *self);
const AtlasMapPoint *atlas_map_scene_get_points (AtlasMapScene *self);
const AtlasMapSiteInfo *atlas_map_scene_get_site_info (AtlasMapScene *self,
                                                       guint          index);
const char     *atlas_map_scene_get_site_name  (AtlasMapScene  *self,
                                                guint           index);
AtlasSite      *atlas_map_scene_get_site       (AtlasMapScene  *self,
                                                guint           index);
AtlasDistrict  *atlas_map_scene_get_site_district (AtlasMapScene *self,
                                                   guint          index);
int             atlas_map_scene_find_site      (AtlasMapScene  *self,
                                                AtlasSite      *site);
guint           atlas_map_scene_get_n_visible  (AtlasMapScene  *self);
int             atlas_map_scene_get_first_visible (AtlasMapScene *self);
guint           atlas_map_scene_get_category_count (AtlasMapScene *self,
                                                    AtlasSiteCategory category);
gboolean        atlas_map_scene_is_visible     (AtlasMapScene  *self,
                                                guint           index);
const AtlasMapClusterSet *atlas_map_scene_get_clusters (AtlasMapScene *self,
                                                        double         zoom,
                                                        double         x0,
                                                        double         y0,
                                                        double         x1,
                                                        double         y1,
                                                        int            excluded,
                                                        double         scale);
int             atlas_map_scene_district_at    (AtlasMapScene  *self,
                                                double          lon,
                                                double          lat);
int             atlas_map_scene_find_district  (AtlasMapScene  *self,
                                                int             adcode);
void            atlas_map_scene_get_bounds     (AtlasMapScene  *self,
                                                double         *min_lon,
                                                double         *min_lat,
                                                double         *max_lon,
                                                double         *max_lat);
PangoLayout    *atlas_map_scene_get_layout     (AtlasMapScene  *self,
                                                const char     *text,
                                                int             size_pt,
                                                gboolean        bold);
void            atlas_map_scene_reset_layouts  (AtlasMapScene  *self);
void            atlas_map_scene_drop_zoom_caches (AtlasMapScene *self);

G_END_DECLS
