/* atlas-map-areas.c
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

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "atlas-area.h"
#include "atlas-dataset.h"
#include "atlas-district.h"
#include "atlas-item.h"
#include "atlas-map-areas.h"
#include "atlas-map-areas-private.h"
#include "atlas-map-raster.h"
#include "atlas-projection.h"
#include "atlas-record-filter.h"
#include "atlas-site.h"
#include "atlas-site-filter-list.h"
#include "atlas-site-list.h"
#include "atlas-state.h"
#include "atlas-style.h"

/* What a badge counts, and what its list shows, is one filtered list per
 * area, so that the two cannot disagree: the sites of the area, with no
 * point and no district, that pass every session filter but the district
 * one.  Without a district filter these are exactly the area's sites in the
 * session's filtered sites.  With one, a site of an area is never "in" the
 * district (the documents do not say which of its districts it lies in);
 * the badge then counts the sites of the areas that span the district,
 * which are the "N more in the Science City, district not known" of the
 * filter bar.
 */

typedef struct
{
  AtlasArea  *area;
  AtlasState *state;
} Match;

static void
match_free (Match *match)
{
  g_clear_object (&match->area);
  g_clear_object (&match->state);
  g_free (match);
}

typedef struct
{
  AtlasArea          *area;
  GArray             *adcodes;   /* int */
  AtlasSiteFilterList *sites;
  GArray             *anchors;   /* AtlasMapPoint, unit: where the badge may go */
} Entry;

static void
entry_free (Entry *entry)
{
  g_clear_object (&entry->area);
  g_clear_pointer (&entry->adcodes, g_array_unref);
  g_clear_object (&entry->sites);
  g_clear_pointer (&entry->anchors, g_array_unref);
  g_free (entry);
}

struct _AtlasMapAreas
{
  GObject             parent_instance;

  AtlasSession       *session;
  GtkFilter          *others;    /* every session filter but the district */
  GPtrArray          *entries;   /* Entry */
  /* Lists of rows (AtlasSiteFilterList) within the dataset's sites
   * without a point: in a register of sites these may be tens of
   * thousands, and their objects are made only when a list is opened.
   */
  AtlasSiteFilterList *unplaced; /* AtlasSite with no known place, filtered */
  AtlasMapScene      *scene;     /* whose districts the anchors were found in */
  GArray             *badges;    /* AtlasMapBadge, last frame */
  PangoContext       *pango;
  cairo_surface_t    *hatch;     /* the hatching's tile */
  AtlasStyleVariant   hatch_variant;
  cairo_surface_t    *layer;     /* the layer around the screen, see paint_layer() */
  char               *layer_key;
  double              layer_x0, layer_y0, layer_zoom;
  /* What is drawn of it: the part around the view at first, all of it once
   * the camera rests.  In pixels of the layer, from its corner.
   */
  cairo_rectangle_int_t layer_drawn;
  gboolean            layer_complete;
  GHashTable         *layouts;   /* key -> PangoLayout */
  int                 focus;     /* area, or -1 */
  int                 open;      /* area whose list is shown, or -1 */
};

G_DEFINE_FINAL_TYPE (AtlasMapAreas, atlas_map_areas, G_TYPE_OBJECT)

/* ---- the lists ---------------------------------------------------------- */

static gboolean
site_in_area (const AtlasSiteRow *site,
              gpointer            user_data)
{
  Match *match = user_data;
  int adcode;

  if (site->area != match->area || atlas_site_row_has_point (site) || site->district != NULL)
    return FALSE;

  /* Under a district filter, only the areas its sites may be in. */
  adcode = atlas_state_get_district (match->state);
  return adcode == 0 || atlas_area_spans_district (match->area, adcode);
}

static gboolean
site_unplaced (const AtlasSiteRow *site,
               gpointer            user_data)
{
  return !atlas_site_row_has_point (site) && site->location_precision == ATLAS_LOCATION_PRECISION_UNKNOWN;
}

static void
build_entries (AtlasMapAreas *self)
{
  AtlasDataset *dataset = atlas_session_get_dataset (self->session);
  AtlasState *state = atlas_session_get_state (self->session);
  GListModel *areas = atlas_dataset_get_areas (dataset);
  /* The lists look at the few sites with no point, not every site. */
  AtlasSiteFilterList *pointless = ATLAS_SITE_FILTER_LIST (atlas_dataset_get_sites_without_point (dataset));

  g_ptr_array_set_size (self->entries, 0);
  g_array_set_size (self->badges, 0);
  g_clear_object (&self->scene);
  self->focus = -1;
  self->open = -1;

  for (guint i = 0; i < g_list_model_get_n_items (areas); i++)
    {
      Entry *entry = g_new0 (Entry, 1);
      Match *match = g_new0 (Match, 1);

      entry->area = g_list_model_get_item (areas, i);
      entry->adcodes = g_array_new (FALSE, FALSE, sizeof (int));
      for (guint d = 0; d < atlas_area_get_n_districts (entry->area); d++)
        {
          int adcode = atlas_district_get_adcode (atlas_area_get_district (entry->area, d));

          g_array_append_val (entry->adcodes, adcode);
        }

      /* The list holds what it tests: a list handed out before a reload
       * stays safe to use after it.
       */
      match->area = g_object_ref (entry->area);
      match->state = g_object_ref (state);
      entry->sites = atlas_site_filter_list_new_within (pointless, ATLAS_RECORD_FILTER (self->others));
      atlas_site_filter_list_set_row_func (entry->sites, site_in_area, match, (GDestroyNotify) match_free);
      g_ptr_array_add (self->entries, entry);
    }
}

static void
on_filters_changed (AtlasMapAreas *self,
                    guint          changed)
{
  /* The other dimensions reach the lists through the session's filter. */
  if (changed & ATLAS_FILTER_DISTRICT)
    for (guint i = 0; i < self->entries->len; i++)
      atlas_site_filter_list_refilter (((Entry *) g_ptr_array_index (self->entries, i))->sites);
}

/* ---- GObject ------------------------------------------------------------ */

static void
atlas_map_areas_dispose (GObject *object)
{
  AtlasMapAreas *self = ATLAS_MAP_AREAS (object);

  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_object (&self->unplaced);
  g_clear_object (&self->others);
  g_clear_object (&self->scene);
  g_clear_object (&self->session);
  g_clear_pointer (&self->layouts, g_hash_table_unref);
  g_clear_object (&self->pango);
  g_clear_pointer (&self->hatch, cairo_surface_destroy);
  g_clear_pointer (&self->layer, cairo_surface_destroy);
  g_clear_pointer (&self->layer_key, g_free);

  G_OBJECT_CLASS (atlas_map_areas_parent_class)->dispose (object);
}

static void
atlas_map_areas_finalize (GObject *object)
{
  AtlasMapAreas *self = ATLAS_MAP_AREAS (object);

  g_array_unref (self->badges);

  G_OBJECT_CLASS (atlas_map_areas_parent_class)->finalize (object);
}

static void
atlas_map_areas_class_init (AtlasMapAreasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_map_areas_dispose;
  object_class->finalize = atlas_map_areas_finalize;
}

static void
atlas_map_areas_init (AtlasMapAreas *self)
{
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->badges = g_array_new (FALSE, FALSE, sizeof (AtlasMapBadge));
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  self->focus = -1;
  self->open = -1;
}

/**
 * atlas_map_areas_new:
 *
 * The areas of @session's dataset with their filtered sites, and the sites
 * with no known place; they follow the session's filters and reloads.
 */
AtlasMapAreas *
atlas_map_areas_new (AtlasSession *session)
{
  AtlasMapAreas *self;

  g_return_val_if_fail (ATLAS_IS_SESSION (session), NULL);

  self = g_object_new (ATLAS_TYPE_MAP_AREAS, NULL);
  self->session = g_object_ref (session);
  self->others = atlas_session_new_filter (session, ATLAS_TYPE_SITE, ATLAS_FILTER_DISTRICT);
  {
    g_autoptr(GtkFilter) all = atlas_session_new_filter (session, ATLAS_TYPE_SITE, ATLAS_FILTER_NONE);
    AtlasSiteFilterList *pointless =
      ATLAS_SITE_FILTER_LIST (atlas_dataset_get_sites_without_point (atlas_session_get_dataset (session)));

    self->unplaced = atlas_site_filter_list_new_within (pointless, ATLAS_RECORD_FILTER (all));
    atlas_site_filter_list_set_row_func (self->unplaced, site_unplaced, NULL, NULL);
  }
  build_entries (self);

  g_signal_connect_object (session, "filters-changed", G_CALLBACK (on_filters_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "reloaded", G_CALLBACK (build_entries), self,
                           G_CONNECT_SWAPPED);
  return self;
}

guint
atlas_map_areas_get_n_areas (AtlasMapAreas *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_AREAS (self), 0);
  return self->entries->len;
}

/* Callers have checked @area. */
static Entry *
get_entry (AtlasMapAreas *self,
           guint          area)
{
  g_assert (area < self->entries->len);
  return g_ptr_array_index (self->entries, area);
}

AtlasArea *
atlas_map_areas_get_area (AtlasMapAreas *self,
                          guint          area)
{
  g_return_val_if_fail (ATLAS_IS_MAP_AREAS (self), NULL);
  g_return_val_if_fail (area < self->entries->len, NULL);
  return get_entry (self, area)->area;
}

/**
 * atlas_map_areas_get_sites:
 *
 * Returns: (transfer none): the sites @area's badge counts, as they follow
 *   the filters
 */
GListModel *
atlas_map_areas_get_sites (AtlasMapAreas *self,
                           guint          area)
{
  g_return_val_if_fail (ATLAS_IS_MAP_AREAS (self), NULL);
  g_return_val_if_fail (area < self->entries->len, NULL);
  return G_LIST_MODEL (get_entry (self, area)->sites);
}

guint
atlas_map_areas_get_count (AtlasMapAreas *self,
                           guint          area)
{
  g_return_val_if_fail (ATLAS_IS_MAP_AREAS (self), 0);
  g_return_val_if_fail (area < self->entries->len, 0);
  return g_list_model_get_n_items (G_LIST_MODEL (get_entry (self, area)->sites));
}

/**
 * atlas_map_areas_get_unplaced:
 *
 * Returns: (transfer none): the sites passing the filters that have no
 *   known place at all
 */
GListModel *
atlas_map_areas_get_unplaced (AtlasMapAreas *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_AREAS (self), NULL);
  return G_LIST_MODEL (self->unplaced);
}

char *
atlas_map_areas_dup_badge_name (AtlasMapAreas *self,
                                guint          area)
{
  guint n;

  g_return_val_if_fail (ATLAS_IS_MAP_AREAS (self), NULL);
  g_return_val_if_fail (area < self->entries->len, NULL);

  n = atlas_map_areas_get_count (self, area);
  /* Translators: a badge on the map counting the sites known only to lie
   * somewhere in a zone: "Western (Chongqing) Science City: 7 sites,
   * district not known".
   */
  return g_strdup_printf (g_dngettext (NULL, "%s: %u site, district not known",
                                       "%s: %u sites, district not known", n),
                          atlas_item_get_name (ATLAS_ITEM (get_entry (self, area)->area)), n);
}

/* What the list of an area's sites says under its name. */
char *
atlas_map_areas_dup_description (AtlasMapAreas *self,
                                 guint          area)
{
  AtlasArea *item;
  g_autoptr(GString) districts = g_string_new (NULL);

  g_return_val_if_fail (ATLAS_IS_MAP_AREAS (self), NULL);
  g_return_val_if_fail (area < self->entries->len, NULL);

  item = get_entry (self, area)->area;
  for (guint i = 0; i < atlas_area_get_n_districts (item); i++)
    {
      if (i > 0)
        /* Translators: between the names of a list, "、" in Chinese. */
        g_string_append (districts, C_("list separator", ", "));
      g_string_append (districts, atlas_item_get_name (ATLAS_ITEM (atlas_area_get_district (item, i))));
    }
  /* Translators: a tooltip; %s is a list of districts. */
  return g_strdup_printf (_("In one of these districts, which one is not known: %s"), districts->str);
}

/* ---- geometry ----------------------------------------------------------- */

/* The centroid and area of a district's outline (unit coordinates). */
static double
shape_centroid (AtlasMapShape *shape,
                double        *cx,
                double        *cy)
{
  const AtlasMapPoint *p = (const AtlasMapPoint *) shape->unit->data;
  double total = 0, sx = 0, sy = 0;

  for (guint r = 0; r + 1 < shape->unit_offsets->len; r++)
    {
      guint first = g_array_index (shape->unit_offsets, guint, r);
      guint last = g_array_index (shape->unit_offsets, guint, r + 1);
      double a = 0, x = 0, y = 0;

      for (guint i = first; i < last; i++)
        {
          const AtlasMapPoint *u = &p[i];
          const AtlasMapPoint *v = &p[i + 1 < last ? i + 1 : first];
          double cross = u->x * v->y - v->x * u->y;

          a += cross;
          x += (u->x + v->x) * cross;
          y += (u->y + v->y) * cross;
        }
      /* Rings of either orientation add up; districts have no holes. */
      if (fabs (a) < 1e-18)
        continue;
      total += fabs (a) / 2;
      sx += x / (3 * a) * fabs (a) / 2;
      sy += y / (3 * a) * fabs (a) / 2;
    }

  if (total <= 0)
    {
      *cx = shape->label_x;
      *cy = shape->label_y;
      return 0;
    }
  *cx = sx / total;
  *cy = sy / total;
  return total;
}

typedef struct
{
  double area;
  double x, y;
} Anchor;

#define GRID 6

static int
compare_anchors (gconstpointer a,
                 gconstpointer b)
{
  const Anchor *x = a, *y = b;

  return x->area > y->area ? -1 : x->area < y->area ? 1 : 0;
}

/* Where a badge may go, best first: the centre of the area's districts
 * taken together when it lies inside one of them (the Science City's
 * does), then each district's label point, largest district first.
 */
static void
find_anchors (AtlasMapScene *scene,
              Entry         *entry)
{
  g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (Anchor));
  double total = 0, sx = 0, sy = 0;

  g_clear_pointer (&entry->anchors, g_array_unref);
  entry->anchors = g_array_new (FALSE, FALSE, sizeof (AtlasMapPoint));

  for (guint i = 0; i < entry->adcodes->len; i++)
    {
      int index = atlas_map_scene_find_district (scene, g_array_index (entry->adcodes, int, i));
      AtlasMapShape *shape;
      Anchor anchor;
      double cx, cy, a;

      if (index < 0)
        continue;
      shape = atlas_map_scene_get_district (scene, index);
      a = shape_centroid (shape, &cx, &cy);
      total += a;
      sx += cx * a;
      sy += cy * a;
      anchor = (Anchor) { a, shape->label_x, shape->label_y };
      g_array_append_val (labels, anchor);
    }

  if (total > 0 && _atlas_map_areas_contains (scene, entry->adcodes, sx / total, sy / total))
    {
      AtlasMapPoint centre = { sx / total, sy / total };

      g_array_append_val (entry->anchors, centre);
    }
  g_array_sort (labels, compare_anchors);
  for (guint i = 0; i < labels->len; i++)
    {
      const Anchor *anchor = &g_array_index (labels, Anchor, i);
      AtlasMapPoint point = { anchor->x, anchor->y };

      g_array_append_val (entry->anchors, point);
    }

  /* Then points spread over the area, for when the camera shows only part
   * of it, or markers crowd the places above.
   */
  if (total > 0)
    {
      double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

      for (guint i = 0; i < entry->adcodes->len; i++)
        {
          int index = atlas_map_scene_find_district (scene, g_array_index (entry->adcodes, int, i));
          AtlasMapShape *shape;

          if (index < 0)
            continue;
          shape = atlas_map_scene_get_district (scene, index);
          x0 = MIN (x0, shape->min_x);
          y0 = MIN (y0, shape->min_y);
          x1 = MAX (x1, shape->max_x);
          y1 = MAX (y1, shape->max_y);
        }
      for (int j = 1; j < GRID; j++)
        for (int i = 1; i < GRID; i++)
          {
            AtlasMapPoint point = { x0 + (x1 - x0) * i / GRID, y0 + (y1 - y0) * j / GRID };

            if (_atlas_map_areas_contains (scene, entry->adcodes, point.x, point.y))
              g_array_append_val (entry->anchors, point);
          }
    }
}

static void
ensure_anchors (AtlasMapAreas *self,
                AtlasMapScene *scene)
{
  if (self->scene == scene)
    return;
  g_set_object (&self->scene, scene);
  g_clear_pointer (&self->layer, cairo_surface_destroy);
  for (guint i = 0; i < self->entries->len; i++)
    find_anchors (scene, g_ptr_array_index (self->entries, i));
}

/* ---- painting ----------------------------------------------------------- */

static gboolean
shape_on_screen (const AtlasMapAreasView *v,
                 AtlasMapShape *shape)
{
  double x0, y0, x1, y1;

  _atlas_map_areas_to_screen (v, shape->min_x, shape->min_y, &x0, &y0);
  _atlas_map_areas_to_screen (v, shape->max_x, shape->max_y, &x1, &y1);
  return x1 >= -4 && x0 <= v->width + 4 && y1 >= -4 && y0 <= v->height + 4;
}

/* The outline at the integer zoom k; the caller scales by s. */
static void
trace_shape (cairo_t       *cr,
             AtlasMapScene *scene,
             AtlasMapShape *shape,
             int            k)
{
  AtlasMapPaths *paths = atlas_map_scene_get_paths (scene, shape, k, TRUE);
  const AtlasMapPoint *points = (const AtlasMapPoint *) paths->points->data;

  for (guint p = 0; p + 1 < paths->offsets->len; p++)
    {
      guint first = g_array_index (paths->offsets, guint, p);
      guint last = g_array_index (paths->offsets, guint, p + 1);

      cairo_move_to (cr, points[first].x, points[first].y);
      for (guint i = first + 1; i < last; i++)
        cairo_line_to (cr, points[i].x, points[i].y);
      cairo_close_path (cr);
    }
}

static gboolean
entry_is_shown (AtlasMapAreas *self,
                guint          i)
{
  return atlas_map_areas_get_count (self, i) > 0;
}

/* The badge has the keyboard, its list is open, or one of its sites is
 * the selection (the details pane shows it; the map shows where it may be).
 */
static gboolean
entry_is_highlighted (AtlasMapAreas *self,
                      guint          i)
{
  AtlasItem *selection = atlas_state_get_selection (atlas_session_get_state (self->session));

  if ((int) i == self->focus || (int) i == self->open)
    return TRUE;
  return selection != NULL && ATLAS_IS_SITE (selection) &&
         atlas_site_get_area (ATLAS_SITE (selection)) == get_entry (self, i)->area &&
         !atlas_site_has_point (ATLAS_SITE (selection));
}

/* The hatching's tile for this style and scale, drawn once.  For the
 * alpha-only layer the tile is alpha-only too (@format A8): only its alpha
 * counts there, and pixman lays an A8 tile on an A8 image in about 60% of
 * the time an ARGB32 one takes (a twentieth of the map's first frame).
 * Vector exports draw the layer in colour and take an ARGB32 tile.
 */
static cairo_surface_t *
get_hatch_tile (AtlasMapAreas           *self,
                const AtlasMapAreasView *v,
                AtlasStyleVariant        variant,
                cairo_format_t           format)
{
  int n = (int) round (10 * v->line);
  gboolean strong = variant == ATLAS_STYLE_HIGH_CONTRAST;
  GdkRGBA tint = v->color;
  cairo_t *cr;

  if (self->hatch != NULL && self->hatch_variant == variant &&
      cairo_image_surface_get_width (self->hatch) == n &&
      cairo_image_surface_get_format (self->hatch) == format)
    return self->hatch;

  g_clear_pointer (&self->hatch, cairo_surface_destroy);
  self->hatch = cairo_image_surface_create (format, n, n);
  self->hatch_variant = variant;
  cr = cairo_create (self->hatch);
  tint.alpha = strong ? 0.10 : 0.05;
  gdk_cairo_set_source_rgba (cr, &tint);
  cairo_paint (cr);
  /* One diagonal, and the corners of its neighbours, so that tiles join. */
  cairo_move_to (cr, -1, n + 1);
  cairo_line_to (cr, n + 1, -1);
  cairo_move_to (cr, -1, 1);
  cairo_line_to (cr, 1, -1);
  cairo_move_to (cr, n - 1, n + 1);
  cairo_line_to (cr, n + 1, n - 1);
  /* Light enough that the markers and labels over it stay the figure. */
  tint.alpha = strong ? 0.45 : 0.3;
  gdk_cairo_set_source_rgba (cr, &tint);
  cairo_set_line_width (cr, 1.2 * v->line);
  cairo_stroke (cr);
  cairo_destroy (cr);
  return self->hatch;
}

/* Adds to @cr's path, in the layer's coordinates, the outline of every
 * district of the shown areas that is on screen, each district once even
 * when two areas share it.  @highlighted: only the areas that are (1) or
 * are not (0) highlighted, or all of them (-1).
 *
 * Returns: whether it added anything
 */
static gboolean
trace_districts (AtlasMapAreas           *self,
                 cairo_t                 *cr,
                 AtlasMapScene           *scene,
                 const AtlasMapAreasView *v,
                 int                      highlighted)
{
  g_autoptr(GHashTable) traced = g_hash_table_new (NULL, NULL);
  gboolean any = FALSE;

  cairo_save (cr);
  cairo_translate (cr, -v->left, -v->top);
  cairo_scale (cr, v->s, v->s);
  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (!entry_is_shown (self, i) ||
          (highlighted >= 0 && entry_is_highlighted (self, i) != (highlighted == 1)))
        continue;
      for (guint d = 0; d < entry->adcodes->len; d++)
        {
          int adcode = g_array_index (entry->adcodes, int, d);
          int index = atlas_map_scene_find_district (scene, adcode);
          AtlasMapShape *shape;

          if (index < 0 || !g_hash_table_add (traced, GINT_TO_POINTER (adcode)))
            continue;
          shape = atlas_map_scene_get_district (scene, index);
          if (!shape_on_screen (v, shape))
            continue;
          trace_shape (cr, scene, shape, v->k);
          any = TRUE;
        }
    }
  cairo_restore (cr);
  return any;
}

/* The dashed outlines of @cr's path into its target, an alpha-only image,
 * through the map's own line rasterizer (atlas-map-raster.c) within @cr's
 * clip: cairo's stroker took 6 ms of the map's first frame for the
 * thousands of dashes, this a fraction of one.  The path is taken flat, in
 * the image's pixels; where a dash crosses the hatching the larger
 * coverage stays.  Vector exports stroke with cairo.
 */
static void
stroke_dashes_alpha_only (cairo_t      *cr,
                          double        width,
                          double        alpha,
                          const double *dashes,
                          guint         n_dashes)
{
  cairo_surface_t *target = cairo_get_target (cr);
  g_autoptr(AtlasMapMask) mask = NULL;
  g_autofree double *device_dashes = g_new (double, n_dashes);
  cairo_path_t *path;
  double x0, y0, x1, y1, scale = 1, unused = 0;

  cairo_user_to_device_distance (cr, &scale, &unused);
  for (guint i = 0; i < n_dashes; i++)
    device_dashes[i] = dashes[i] * scale;

  path = cairo_copy_path_flat (cr);
  cairo_new_path (cr);
  for (int i = 0; i < path->num_data; i += path->data[i].header.length)
    for (int k = 1; k < path->data[i].header.length; k++)
      cairo_user_to_device (cr, &path->data[i + k].point.x, &path->data[i + k].point.y);

  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
  cairo_user_to_device (cr, &x0, &y0);
  cairo_user_to_device (cr, &x1, &y1);

  cairo_surface_flush (target);
  mask = atlas_map_mask_new_for_surface (target);
  atlas_map_mask_set_clip (mask, (int) floor (x0), (int) floor (y0),
                           (int) ceil (x1) - (int) floor (x0), (int) ceil (y1) - (int) floor (y0));
  atlas_map_mask_dash_path (mask, path, width * scale, alpha, device_dashes, n_dashes);
  cairo_surface_mark_dirty (target);
  cairo_path_destroy (path);
}

/* The districts of every area with sites to show, hatched once each (a
 * district in two areas is not hatched twice), then their outlines, once
 * each too: dashed, solid and wider for the area highlighted.  @v gives
 * the area drawn, its top-left at cairo's origin.
 */
static void
draw_layer (AtlasMapAreas           *self,
            cairo_t                 *cr,
            AtlasMapScene           *scene,
            const AtlasMapAreasView *v,
            AtlasStyleVariant        variant)
{
  cairo_surface_t *target = cairo_get_target (cr);
  gboolean alpha_only = cairo_surface_get_type (target) == CAIRO_SURFACE_TYPE_IMAGE &&
                        cairo_image_surface_get_format (target) == CAIRO_FORMAT_A8;
  GdkRGBA tint;

  cairo_new_path (cr);
  if (!trace_districts (self, cr, scene, v, -1))
    return;

  /* A light wash and diagonal lines 10 px apart, inside the districts: one
   * fill with a repeating tile, far cheaper than lines through a clip.  The
   * tile is pinned to the map, not the screen, so that the lines move with
   * it when it pans.
   */
  {
    cairo_surface_t *tile = get_hatch_tile (self, v, variant,
                                            alpha_only ? CAIRO_FORMAT_A8 : CAIRO_FORMAT_ARGB32);
    cairo_pattern_t *pattern = cairo_pattern_create_for_surface (tile);
    int n = cairo_image_surface_get_width (tile);
    cairo_matrix_t matrix;

    cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
    cairo_matrix_init_translate (&matrix, fmod (v->left, n), fmod (v->top, n));
    cairo_pattern_set_matrix (pattern, &matrix);
    cairo_set_source (cr, pattern);
    cairo_fill (cr);
    cairo_pattern_destroy (pattern);
  }

  /* Outlines, the highlighted areas last so that they are on top.  A
   * district in two areas (the Science City and the High-tech Zone share
   * some) is outlined once per pass: one path, one stroke.
   */
  for (int pass = 0; pass < 2; pass++)
    {
      gboolean strong = pass == 1;
      static const double dash[] = { 6, 4 };

      cairo_new_path (cr);
      trace_districts (self, cr, scene, v, strong);

      tint = v->color;
      tint.alpha = strong ? 1.0 : 0.85;
      if (!strong && alpha_only)
        {
          stroke_dashes_alpha_only (cr, 1.5 * v->line, tint.alpha, dash, G_N_ELEMENTS (dash));
          continue;
        }
      gdk_cairo_set_source_rgba (cr, &tint);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_line_width (cr, (strong ? 3.0 : 1.5) * v->line);
      if (!strong)
        cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

/* What the cached layer shows besides the camera: the style, and which
 * areas are drawn and highlighted.
 */
static char *
dup_layer_key (AtlasMapAreas              *self,
               const AtlasMapAreasView    *v,
               const AtlasMapPaintOptions *options)
{
  GString *key = g_string_new (NULL);

  g_string_append_printf (key, "%d|%g|%d|", options->variant, v->line, MAX (options->pixel_scale, 1));
  for (guint i = 0; i < self->entries->len; i++)
    g_string_append_c (key, !entry_is_shown (self, i) ? '0' : entry_is_highlighted (self, i) ? '2' : '1');
  return g_string_free (key, FALSE);
}

#define LAYER_MARGIN 160
#define LAYER_NEAR   8

/* Draws the layer of @area into self->layer, within @clip (pixels of the
 * layer) or, with @outside, everywhere but there.
 */
static void
draw_layer_part (AtlasMapAreas               *self,
                 AtlasMapScene               *scene,
                 const AtlasMapAreasView     *area,
                 const cairo_rectangle_int_t *clip,
                 gboolean                     outside,
                 AtlasStyleVariant            variant)
{
  cairo_t *lcr = cairo_create (self->layer);

  if (outside)
    {
      cairo_set_fill_rule (lcr, CAIRO_FILL_RULE_EVEN_ODD);
      cairo_rectangle (lcr, 0, 0, area->width, area->height);
    }
  cairo_rectangle (lcr, clip->x, clip->y, clip->width, clip->height);
  cairo_clip (lcr);
  cairo_set_fill_rule (lcr, CAIRO_FILL_RULE_WINDING);
  draw_layer (self, lcr, scene, area, variant);
  cairo_destroy (lcr);
}

/* The layer over the base map and under the markers.  As the base map is,
 * it is drawn once into an image a little larger than the screen and
 * copied while the camera pans within it (its dashed outlines through
 * thousands of points cost some 20 ms a frame otherwise); redrawn when the
 * zoom, the style, the counts or the highlight change.  While the zoom
 * moves, an image of a nearby zoom is scaled, as the base map's is.
 * Exports draw it as vectors.
 *
 * As the base map's, a new image is drawn in two goes: the part in view at
 * once, the margin around it for panning on a frame when the camera rests.
 *
 * Returns: %FALSE if a part is still to be drawn: the caller draws again
 *   when the camera rests
 */
gboolean
atlas_map_areas_paint_layer (AtlasMapAreas              *self,
                             cairo_t                    *cr,
                             AtlasMapScene              *scene,
                             AtlasViewport              *viewport,
                             double                      width,
                             double                      height,
                             const AtlasMapPaintOptions *options)
{
  g_autofree char *key = NULL;
  AtlasMapAreasView v;
  GdkRGBA ink;
  int ps = MAX (options->pixel_scale, 1);
  gboolean same, covered;

  g_return_val_if_fail (ATLAS_IS_MAP_AREAS (self), TRUE);

  _atlas_map_areas_view_init (&v, viewport, width, height, options);
  ensure_anchors (self, scene);
  /* The layer's opacities are its own (see draw_layer()). */
  ink = v.color;
  ink.alpha = 1.0;

  if (options->vector)
    {
      draw_layer (self, cr, scene, &v, options->variant);
      return TRUE;
    }

  key = dup_layer_key (self, &v, options);
  same = self->layer != NULL && g_strcmp0 (key, self->layer_key) == 0;

  /* Within what is drawn of the layer. */
  covered = same && self->layer_zoom == v.zoom &&
            v.left >= self->layer_x0 + self->layer_drawn.x &&
            v.top >= self->layer_y0 + self->layer_drawn.y &&
            v.left + width <= self->layer_x0 + self->layer_drawn.x + self->layer_drawn.width &&
            v.top + height <= self->layer_y0 + self->layer_drawn.y + self->layer_drawn.height;

  if (!covered && same && options->allow_stale_base && fabs (v.zoom - self->layer_zoom) < 1.0)
    {
      double r = exp2 (v.zoom - self->layer_zoom);

      cairo_save (cr);
      cairo_translate (cr, self->layer_x0 * r - v.left, self->layer_y0 * r - v.top);
      cairo_scale (cr, r, r);
      gdk_cairo_set_source_rgba (cr, &ink);
      cairo_mask_surface (cr, self->layer, 0, 0);
      cairo_restore (cr);
      return FALSE;
    }

  if (covered && !self->layer_complete && !options->allow_stale_base)
    {
      /* The camera rests: the margin, around what is drawn. */
      AtlasMapAreasView area = v;

      area.left = self->layer_x0;
      area.top = self->layer_y0;
      area.width = cairo_image_surface_get_width (self->layer) / ps;
      area.height = cairo_image_surface_get_height (self->layer) / ps;
      draw_layer_part (self, scene, &area, &self->layer_drawn, TRUE, options->variant);
      self->layer_drawn = (cairo_rectangle_int_t) { 0, 0, area.width, area.height };
      self->layer_complete = TRUE;
    }

  if (!covered)
    {
      AtlasMapAreasView area = v;

      area.left = floor (v.left) - LAYER_MARGIN;
      area.top = floor (v.top) - LAYER_MARGIN;
      area.width = ceil (width) + 2 * LAYER_MARGIN;
      area.height = ceil (height) + 2 * LAYER_MARGIN;

      /* Everything in the layer is the one area colour at some opacity: an
       * alpha-only image, laid on in that colour, holds it in a quarter of
       * the memory.
       */
      g_clear_pointer (&self->layer, cairo_surface_destroy);
      self->layer = cairo_image_surface_create (CAIRO_FORMAT_A8, area.width * ps, area.height * ps);
      cairo_surface_set_device_scale (self->layer, ps, ps);
      self->layer_x0 = area.left;
      self->layer_y0 = area.top;
      self->layer_zoom = v.zoom;
      g_free (self->layer_key);
      self->layer_key = g_steal_pointer (&key);

      /* The view (which starts within a pixel of LAYER_MARGIN) and a
       * little around it, now; the rest when the camera rests.
       */
      self->layer_drawn.x = self->layer_drawn.y = LAYER_MARGIN - LAYER_NEAR;
      self->layer_drawn.width = MIN ((int) ceil (width) + 2 * LAYER_NEAR + 1, (int) area.width - self->layer_drawn.x);
      self->layer_drawn.height = MIN ((int) ceil (height) + 2 * LAYER_NEAR + 1, (int) area.height - self->layer_drawn.y);
      self->layer_complete = FALSE;
      atlas_map_prefault_rows (self->layer, self->layer_drawn.y * ps,
                               (self->layer_drawn.y + self->layer_drawn.height) * ps);
      draw_layer_part (self, scene, &area, &self->layer_drawn, FALSE, options->variant);
    }

  gdk_cairo_set_source_rgba (cr, &ink);
  cairo_mask_surface (cr, self->layer, round (self->layer_x0 - v.left), round (self->layer_y0 - v.top));
  return self->layer_complete;
}

/* A layout of our own: the badge's name is cut to a width, which must not
 * touch the scene's shared layouts.
 */
static PangoLayout *
get_layout (AtlasMapAreas *self,
            const char    *text,
            int            size_pt,
            gboolean       bold,
            int            max_width)
{
  g_autofree char *key = g_strdup_printf ("%d|%d|%d|%s", size_pt, bold, max_width, text);
  PangoLayout *layout = g_hash_table_lookup (self->layouts, key);

  if (layout == NULL)
    {
      g_autoptr(PangoFontDescription) font = pango_font_description_from_string (ATLAS_MAP_FONT_FAMILIES);

      if (g_hash_table_size (self->layouts) > 256)
        g_hash_table_remove_all (self->layouts);
      pango_font_description_set_size (font, size_pt * PANGO_SCALE);
      pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
      layout = pango_layout_new (self->pango);
      pango_layout_set_font_description (layout, font);
      pango_layout_set_text (layout, text, -1);
      if (max_width > 0)
        {
          pango_layout_set_width (layout, max_width * PANGO_SCALE);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
        }
      g_hash_table_insert (self->layouts, g_steal_pointer (&key), layout);
    }
  return layout;
}

/* One badge per area with sites to show: the count and the area's name.
 * Placed after the markers and the legend and before the labels, and
 * offered to the collider so that labels keep clear of it.  It goes at
 * the first anchor on screen where it covers nothing and its centre is in
 * the area; failing that (zoomed out, the area is smaller than the badge
 * or crowded with markers) beside the best anchor, with a leader line to
 * it; failing that over whatever is there, since the area's sites must not
 * vanish.  An area with no anchor on screen gets no badge.
 */
void
atlas_map_areas_paint_badges (AtlasMapAreas              *self,
                              cairo_t                    *cr,
                              AtlasMapScene              *scene,
                              AtlasViewport              *viewport,
                              double                      width,
                              double                      height,
                              const AtlasMapPaintOptions *options,
                              AtlasMapCollider           *collider)
{
  int pt = options->presenting ? 12 : 9;
  g_autoptr(GArray) badges = NULL;
  AtlasMapAreasView v;

  g_return_if_fail (ATLAS_IS_MAP_AREAS (self));

  _atlas_map_areas_view_init (&v, viewport, width, height, options);
  ensure_anchors (self, scene);
  /* On screen, the switches and the notice of sites with no known place
   * float over the top-left corner: labels keep clear of them too.
   */
  if (options->title == NULL && !options->presenting)
    atlas_map_collider_add (collider, &GRAPHENE_RECT_INIT (0, 0, 380, 112));
  /* Exports (vectors, at another size) leave alone the badges the screen
   * shows, which clicks and the keyboard go by.
   */
  badges = options->vector ? g_array_new (FALSE, FALSE, sizeof (AtlasMapBadge)) : g_array_ref (self->badges);
  g_array_set_size (badges, 0);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      guint n = atlas_map_areas_get_count (self, i);
      g_autofree char *number = NULL;
      PangoLayout *count, *name;
      int cw, ch, nw, nh;
      double w, h, ax = 0, ay = 0;
      graphene_rect_t rect;
      gboolean leader = FALSE;

      if (n == 0)
        continue;

      number = g_strdup_printf ("%u", n);
      count = get_layout (self, number, pt, TRUE, -1);
      name = get_layout (self, atlas_item_get_name (ATLAS_ITEM (entry->area)), pt, TRUE,
                         (int) (220 * v.line));
      pango_layout_get_pixel_size (count, &cw, &ch);
      pango_layout_get_pixel_size (name, &nw, &nh);
      h = MAX (ch, nh) + 10 * v.line;
      w = 3 + MAX (h - 6, cw + 8) + 6 + nw + 12;
      if (!_atlas_map_badge_place (&v, options, collider, scene, entry->adcodes, entry->anchors,
                                   w, h, &rect, &leader, &ax, &ay))
        continue;

      atlas_map_collider_add (collider, &rect);
      _atlas_map_badge_draw (cr, &v, &rect, count, name, entry_is_highlighted (self, i),
                             leader, ax, ay);
      g_array_append_val (badges, ((AtlasMapBadge) { rect, i }));
    }
}

/* ---- hit-testing and focus ---------------------------------------------- */

guint
atlas_map_areas_get_n_badges (AtlasMapAreas *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_AREAS (self), 0);
  return self->badges->len;
}

const AtlasMapBadge *
atlas_map_areas_get_badge (AtlasMapAreas *self,
                           guint          badge)
{
  g_return_val_if_fail (ATLAS_IS_MAP_AREAS (self), NULL);
  g_return_val_if_fail (badge < self->badges->len, NULL);
  return &g_array_index (self->badges, AtlasMapBadge, badge);
}

/* The badge of the last frame under (@x, @y), with a few pixels to spare
 * for touch, or -1.
 */
int
atlas_map_areas_badge_at (AtlasMapAreas *self,
                          double         x,
                          double         y)
{
  g_return_val_if_fail (ATLAS_IS_MAP_AREAS (self), -1);

  for (guint i = self->badges->len; i > 0; i--)
    {
      graphene_rect_t r;

      graphene_rect_inset_r (&g_array_index (self->badges, AtlasMapBadge, i - 1).rect, -4, -4, &r);
      if (graphene_rect_contains_point (&r, &GRAPHENE_POINT_INIT (x, y)))
        return i - 1;
    }
  return -1;
}

/* The badge of @area in the last frame, or -1. */
int
atlas_map_areas_find_badge (AtlasMapAreas *self,
                            guint          area)
{
  g_return_val_if_fail (ATLAS_IS_MAP_AREAS (self), -1);

  for (guint i = 0; i < self->badges->len; i++)
    if (g_array_index (self->badges, AtlasMapBadge, i).area == area)
      return i;
  return -1;
}

/* The badges come after the markers in the Tab order: @first + badge. */
void
atlas_map_areas_add_focus_order (AtlasMapAreas *self,
                                 guint          first,
                                 GArray        *order)
{
  g_return_if_fail (ATLAS_IS_MAP_AREAS (self));

  for (guint i = 0; i < self->badges->len; i++)
    {
      guint index = first + i;

      g_array_append_val (order, index);
    }
}

/* The area whose badge has the keyboard, or -1. */
int
atlas_map_areas_get_focus (AtlasMapAreas *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_AREAS (self), -1);
  return self->focus;
}

void
atlas_map_areas_set_focus (AtlasMapAreas *self,
                           int            area)
{
  g_return_if_fail (ATLAS_IS_MAP_AREAS (self));
  self->focus = area >= 0 && (guint) area < self->entries->len ? area : -1;
}

/* The area whose list of sites is open, or -1. */
int
atlas_map_areas_get_open (AtlasMapAreas *self)
{
  g_return_val_if_fail (ATLAS_IS_MAP_AREAS (self), -1);
  return self->open;
}

void
atlas_map_areas_set_open (AtlasMapAreas *self,
                          int            area)
{
  g_return_if_fail (ATLAS_IS_MAP_AREAS (self));
  self->open = area >= 0 && (guint) area < self->entries->len ? area : -1;
}
