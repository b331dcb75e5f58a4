/* atlas-timeline-lanes.c
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

#include "atlas-timeline-chart-private.h"

/* The lanes of the timeline: their shading, the density strips of what did
 * not fit in a row, and the marks.  Two ways, for the two costs that
 * matter:
 *
 * - With few marks in view (the bundled story's events), nodes: strips and
 *   marks are kept as render nodes in chunks of layout x, built once per
 *   layout, style, brush and cursor and appended while panning; day marks
 *   are glyphs of a diamond, one text node per row, which renderers draw
 *   from their glyph caches (a rotated square would be a polygon each).
 * - With hundreds of marks in view (thousands of events), tiles: the same
 *   rasterized into images of TILE_WIDTH layout x and copied, so that a
 *   frame costs one copy however many events are in view.
 */

#define DENSE_MARKS 160

/* The lanes' density strips and marks are kept as render nodes in chunks
 * CHUNK_WIDTH of layout x wide, built once per layout, style, brush and
 * cursor and appended while panning: a frame visits only the chunks in
 * view.  Day marks are glyphs of a diamond, one text node per row, which
 * the renderers draw from their glyph caches; rotated squares would each
 * be a polygon to rasterize.
 */
#define CHUNK_WIDTH 512
#define MAX_CHUNKS  32

typedef void (*RectFunc) (gpointer data,
                          double   x,
                          double   y,
                          double   width,
                          double   height);

typedef struct
{
  GtkSnapshot   *snapshot;
  const GdkRGBA *color;
  double         dx;
} StripNodes;

static void
add_strip_node (gpointer data,
                double   x,
                double   y,
                double   width,
                double   height)
{
  StripNodes *nodes = data;

  _atlas_timeline_fill_rect (nodes->snapshot, nodes->color, 1.0, x + nodes->dx, y, width, height);
}

/* The density strips of lane @k for layout x [@x0, @x0 + @width), each
 * run of neighbouring bins of one height as one rectangle, x from @x0.
 */
static void
for_each_strip (AtlasTimelineChart *self,
                guint               k,
                double              x0,
                double              width,
                double              strip_y,
                RectFunc            add,
                gpointer            data)
{
  Lane *lane = &self->lanes[k];
  double run_start = 0, run_end = -1, run_height = 0;
  guint lo = 0, hi = lane->bins->len;

  /* Bins are in order: start at the first one in the stretch. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if ((g_array_index (lane->bins, Bin, mid).bin + 1) * BIN_WIDTH < x0)
        lo = mid + 1;
      else
        hi = mid;
    }

  for (guint b = lo; b <= lane->bins->len; b++)
    {
      Bin *bin = b < lane->bins->len ? &g_array_index (lane->bins, Bin, b) : NULL;
      double x = bin ? bin->bin * BIN_WIDTH : 0;
      double h = bin ? MIN (DENSITY_HEIGHT, 2 + 2 * floor (log2 (bin->count + 1.0))) : 0;

      if (bin != NULL && x >= x0 + width)
        bin = NULL;
      if (bin != NULL && h == run_height && x <= run_end + 0.01)
        {
          run_end = x + BIN_WIDTH;
          continue;
        }
      if (run_end > run_start)
        add (data, run_start - x0, strip_y + DENSITY_HEIGHT - run_height,
                        MAX (1, run_end - run_start - 0.5), run_height);
      if (bin == NULL)
        break;
      run_start = x;
      run_end = x + BIN_WIDTH;
      run_height = h;
    }
}

/* A month or a year: a tinted band with a solid left edge and base line. */
static void
append_span (GtkSnapshot   *snapshot,
             const GdkRGBA *color,
             double         alpha,
             double         x0,
             double         x1,
             double         y,
             double         h)
{
  _atlas_timeline_fill_rect (snapshot, color, alpha * 0.3, x0, y + 2, x1 - x0, h - 4);
  _atlas_timeline_fill_rect (snapshot, color, alpha, x0, y + 2, 3, h - 4);
  _atlas_timeline_fill_rect (snapshot, color, alpha, x0, y + h - 5, x1 - x0, 3);
}

/* A day: a diamond, as a rotated square where no font has the glyph. */
static void
append_diamond (GtkSnapshot   *snapshot,
                const GdkRGBA *color,
                double         x,
                double         y)
{
  double side = (MARK_RADIUS + 1.5) * G_SQRT2;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_rotate (snapshot, 45);
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (-side / 2, -side / 2, side, side));
  gtk_snapshot_restore (snapshot);
}

/* The diamonds at @xs (centres, one row, in order) as one text node. */
static void
append_diamond_glyphs (AtlasTimelineChart *self,
                       GtkSnapshot        *snapshot,
                       const GdkRGBA      *color,
                       GArray             *xs,
                       double              y)
{
  g_autoptr(GskRenderNode) node = NULL;
  PangoGlyphString *glyphs;
  double ink_x, ink_y;

  if (xs->len == 0)
    return;
  if (self->mark_font == NULL)
    {
      for (guint i = 0; i < xs->len; i++)
        append_diamond (snapshot, color, g_array_index (xs, double, i), y);
      return;
    }

  ink_x = (self->mark_ink.x + self->mark_ink.width / 2.0) / PANGO_SCALE;
  ink_y = (self->mark_ink.y + self->mark_ink.height / 2.0) / PANGO_SCALE;
  glyphs = pango_glyph_string_new ();
  pango_glyph_string_set_size (glyphs, xs->len);
  for (guint i = 0; i < xs->len; i++)
    {
      PangoGlyphInfo *info = &glyphs->glyphs[i];
      double next = i + 1 < xs->len ? g_array_index (xs, double, i + 1) : g_array_index (xs, double, i);

      info->glyph = self->mark_glyph;
      info->geometry.width = (int) round ((next - g_array_index (xs, double, i)) * PANGO_SCALE);
      info->geometry.x_offset = 0;
      info->geometry.y_offset = 0;
      info->attr.is_cluster_start = 1;
      glyphs->log_clusters[i] = i;
    }
  node = gsk_text_node_new (self->mark_font, glyphs, color,
                            &GRAPHENE_POINT_INIT (g_array_index (xs, double, 0) - ink_x, y - ink_y));
  if (node != NULL)
    gtk_snapshot_append_node (snapshot, node);
  pango_glyph_string_free (glyphs);
}

/* The strips and marks whose marks start in chunk @index, x from the
 * chunk's left edge.
 */
static GskRenderNode *
build_chunk (AtlasTimelineChart *self,
             const AtlasTimelinePalette      *palette,
             int                 index,
             int                 height)
{
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GArray) xs = g_array_new (FALSE, FALSE, sizeof (double));
  double x0 = (double) index * CHUNK_WIDTH, rh = _atlas_timeline_row_height (self);

  for (guint k = 0; k < ATLAS_N_EVENT_KINDS; k++)
    {
      Lane *lane = &self->lanes[k];
      GdkRGBA strip = palette->kinds[k], faded = palette->kinds[k];
      StripNodes nodes = { snapshot, &strip, 0 };

      strip.alpha *= 0.55;
      faded.alpha *= 0.25;
      for_each_strip (self, k, x0, CHUNK_WIDTH, _atlas_timeline_row_top (self, k, self->layout_rows, height),
                      add_strip_node, &nodes);

      for (int r = 0; r < self->layout_rows; r++)
        {
          GArray *row = lane->rows[r];
          double y = _atlas_timeline_row_top (self, k, r, height);

          /* Spans first, then the diamonds, the faded ones apart. */
          for (int pass = 0; pass < 3; pass++)
            {
              g_array_set_size (xs, 0);
              for (guint j = _atlas_timeline_search_row (self, row, x0); j < row->len; j++)
                {
                  Entry *entry = &g_array_index (self->entries, Entry, g_array_index (row, guint, j));
                  gboolean dim = !_atlas_timeline_is_revealed (self, entry) || !_atlas_timeline_in_brush (self, entry);

                  if (entry->mark_start >= x0 + CHUNK_WIDTH)
                    break;
                  if (pass == 0 && entry->span)
                    append_span (snapshot, &palette->kinds[k], dim ? 0.25 : 1.0,
                                 entry->mark_start - x0, entry->mark_end - x0, y, rh);
                  else if (pass > 0 && !entry->span && dim == (pass == 2))
                    {
                      double cx = round ((entry->mark_start + entry->mark_end) / 2 - x0);

                      g_array_append_val (xs, cx);
                    }
                }
              if (pass > 0)
                append_diamond_glyphs (self, snapshot, pass == 2 ? &faded : &palette->kinds[k], xs, round (y + rh / 2));
            }
        }
    }
  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

/* What the chunks and tiles were made for; any change makes them again. */
static gboolean
caches_valid (AtlasTimelineChart *self)
{
  return self->chunks != NULL && self->chunks_variant == self->variant &&
         self->chunks_cursor == self->cursor &&
         self->chunks_brush_first == self->brush_first && self->chunks_brush_last == self->brush_last;
}

static void
clear_caches (AtlasTimelineChart *self)
{
  if (self->chunks == NULL)
    {
      self->chunks = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) gsk_render_node_unref);
      self->tiles = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) cairo_surface_destroy);
    }
  g_hash_table_remove_all (self->chunks);
  g_hash_table_remove_all (self->tiles);
  self->chunks_variant = self->variant;
  self->chunks_cursor = self->cursor;
  self->chunks_brush_first = self->brush_first;
  self->chunks_brush_last = self->brush_last;
}

static GskRenderNode *
ensure_chunk (AtlasTimelineChart *self,
              const AtlasTimelinePalette      *palette,
              int                 index,
              int                 height)
{
  GskRenderNode *chunk;

  if (!caches_valid (self))
    clear_caches (self);

  chunk = g_hash_table_lookup (self->chunks, GINT_TO_POINTER (index));
  if (chunk == NULL)
    {
      if (g_hash_table_size (self->chunks) >= MAX_CHUNKS)
        g_hash_table_remove_all (self->chunks);
      chunk = build_chunk (self, palette, index, height);
      if (chunk == NULL)
        chunk = gsk_container_node_new (NULL, 0);
      g_hash_table_insert (self->chunks, GINT_TO_POINTER (index), chunk);
    }
  return chunk;
}

/* The chunks of strips and marks in view, as nodes (a mark may hang into
 * the next chunk: one more on the left).
 */
static void
append_chunks (AtlasTimelineChart         *self,
               GtkSnapshot                *snapshot,
               const AtlasTimelinePalette *palette,
               int                         width,
               int                         height)
{
  double view_left = _atlas_timeline_scroll_offset (self), plot_w = _atlas_timeline_plot_width (self, width);
  int first = (int) floor ((view_left - CHUNK_WIDTH / 2.0) / CHUNK_WIDTH);
  int last = (int) floor ((view_left + plot_w) / CHUNK_WIDTH);

  for (int c = first; c <= last; c++)
    {
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (self->gutter + round ((double) c * CHUNK_WIDTH - view_left), 0));
      gtk_snapshot_append_node (snapshot, ensure_chunk (self, palette, c, height));
      gtk_snapshot_restore (snapshot);
    }
}


/* ---- tiles ------------------------------------------------------------ */

#define TILE_WIDTH 512
#define MAX_TILES  24

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color,
            double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
trace_diamond (cairo_t *cr,
               double   x,
               double   y)
{
  double r = MARK_RADIUS + 1.5;

  cairo_move_to (cr, x, y - r);
  cairo_line_to (cr, x + r, y);
  cairo_line_to (cr, x, y + r);
  cairo_line_to (cr, x - r, y);
  cairo_close_path (cr);
}

/* The marks of lane @k in layout x [@x0, @x0 + @width), the lanes' top at
 * y 0: one path per kind of mark and fading, not one fill per mark.
 */
static void
draw_tile_marks (AtlasTimelineChart         *self,
                 cairo_t                    *cr,
                 const AtlasTimelinePalette *palette,
                 guint                       k,
                 double                      x0,
                 double                      width,
                 int                         height)
{
  Lane *lane = &self->lanes[k];
  double top = _atlas_timeline_lanes_top (self), rh = _atlas_timeline_row_height (self);

  for (int pass = 0; pass < 4; pass++)
    {
      gboolean faded_pass = pass % 2 == 1, span_pass = pass >= 2;

      for (int edges = 0; edges < (span_pass ? 2 : 1); edges++)
        {
          for (int r = 0; r < self->layout_rows; r++)
            {
              GArray *row = lane->rows[r];
              double y = _atlas_timeline_row_top (self, k, r, height) - top;

              for (guint j = _atlas_timeline_search_row (self, row, x0 - 2 * MARK_RADIUS - lane->widest[r]);
                   j < row->len; j++)
                {
                  Entry *entry = &g_array_index (self->entries, Entry, g_array_index (row, guint, j));
                  gboolean faded = !_atlas_timeline_is_revealed (self, entry) || !_atlas_timeline_in_brush (self, entry);
                  double a, b;

                  if (entry->mark_start > x0 + width + 2 * MARK_RADIUS)
                    break;
                  if (entry->mark_end < x0 - 2 * MARK_RADIUS || faded != faded_pass || entry->span != span_pass)
                    continue;
                  if (!entry->span)
                    {
                      trace_diamond (cr, round ((entry->mark_start + entry->mark_end) / 2 - x0), round (y + rh / 2));
                      continue;
                    }
                  /* A tinted band with a solid left edge and base line. */
                  a = round (entry->mark_start - x0);
                  b = MAX (a + 1, round (entry->mark_end - x0));
                  if (edges == 0)
                    cairo_rectangle (cr, a, round (y + 2), b - a, round (rh - 4));
                  else
                    {
                      cairo_rectangle (cr, a, round (y + 2), 3, round (rh - 4));
                      cairo_rectangle (cr, a, round (y + rh - 5), b - a, 3);
                    }
                }
            }
          set_source (cr, &palette->kinds[k], (faded_pass ? 0.25 : 1.0) * (span_pass && edges == 0 ? 0.3 : 1.0));
          cairo_fill (cr);
        }
    }
}

static void
add_cairo_rect (gpointer data,
                double   x,
                double   y,
                double   width,
                double   height)
{
  cairo_rectangle (data, round (x), round (y), MAX (1, round (width)), height);
}

/* One tile: layout x [@x0, @x0 + @width), the lanes' top at y 0, opaque. */
static void
draw_tile (AtlasTimelineChart         *self,
           cairo_t                    *cr,
           const AtlasTimelinePalette *palette,
           double                      x0,
           double                      width,
           int                         height)
{
  double top = _atlas_timeline_lanes_top (self);
  double lane_h = _atlas_timeline_lane_height (self, height);

  gdk_cairo_set_source_rgba (cr, &palette->p->view);
  cairo_paint (cr);
  gdk_cairo_set_source_rgba (cr, &palette->p->shade);
  for (guint k = 1; k < ATLAS_N_EVENT_KINDS; k += 2)
    cairo_rectangle (cr, 0, round (k * lane_h), width, round ((k + 1) * lane_h) - round (k * lane_h));
  cairo_fill (cr);

  for (guint k = 0; k < ATLAS_N_EVENT_KINDS; k++)
    {
      set_source (cr, &palette->kinds[k], 0.55);
      for_each_strip (self, k, x0, width, _atlas_timeline_row_top (self, k, self->layout_rows, height) - top,
                      add_cairo_rect, cr);
      cairo_fill (cr);
      draw_tile_marks (self, cr, palette, k, x0, width, height);
    }
}

static cairo_surface_t *
ensure_tile (AtlasTimelineChart         *self,
             const AtlasTimelinePalette *palette,
             int                         index,
             int                         lanes_h,
             int                         height)
{
  cairo_surface_t *tile;
  cairo_t *cr;

  if (!caches_valid (self))
    clear_caches (self);
  tile = g_hash_table_lookup (self->tiles, GINT_TO_POINTER (index));
  if (tile != NULL)
    return tile;

  if (g_hash_table_size (self->tiles) >= MAX_TILES)
    g_hash_table_remove_all (self->tiles);
  tile = cairo_image_surface_create (CAIRO_FORMAT_RGB24, TILE_WIDTH, MAX (lanes_h, 1));
  cr = cairo_create (tile);
  draw_tile (self, cr, palette, (double) index * TILE_WIDTH, TILE_WIDTH, height);
  cairo_destroy (cr);
  cairo_surface_flush (tile);
  g_hash_table_insert (self->tiles, GINT_TO_POINTER (index), tile);
  return tile;
}

/* The tiles in view, copied where the lanes have rows and strips; their
 * empty margins above and below are plain colour.  A cairo node is drawn
 * by way of an image as large as its bounds, once each frame, so every
 * pixel left out of one is a pixel not copied three times.
 */
static void
append_tiles (AtlasTimelineChart         *self,
              GtkSnapshot                *snapshot,
              const AtlasTimelinePalette *palette,
              int                         width,
              int                         height)
{
  double top = _atlas_timeline_lanes_top (self), bottom = _atlas_timeline_lanes_bottom (self, height);
  double lane_h = _atlas_timeline_lane_height (self, height);
  double view_left = _atlas_timeline_scroll_offset (self), plot_w = _atlas_timeline_plot_width (self, width);
  int lanes_h = (int) ceil (bottom - top);
  int first = (int) floor (view_left / TILE_WIDTH), last = (int) floor ((view_left + plot_w) / TILE_WIDTH);
  g_autoptr(GPtrArray) tiles = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);

  /* Held here: making one tile may drop others from a full cache. */
  for (int t = first; t <= last; t++)
    g_ptr_array_add (tiles, cairo_surface_reference (ensure_tile (self, palette, t, lanes_h, height)));

  for (guint k = 0; k < ATLAS_N_EVENT_KINDS; k++)
    {
      /* Lane @k in tile y, as draw_tile() shades it, and its content. */
      double lane_top = round (k * lane_h), lane_bottom = round ((k + 1) * lane_h);
      double y0 = CLAMP (floor (_atlas_timeline_row_top (self, k, 0, height) - top), lane_top, lane_bottom);
      double y1 = CLAMP (ceil (_atlas_timeline_row_top (self, k, self->layout_rows, height) + DENSITY_HEIGHT - top),
                         y0, lane_bottom);
      const GdkRGBA *background = k % 2 ? &palette->p->shade : &palette->p->view;
      cairo_t *cr;

      _atlas_timeline_fill_rect (snapshot, background, 1.0, self->gutter, top + lane_top, plot_w, y0 - lane_top);
      _atlas_timeline_fill_rect (snapshot, background, 1.0, self->gutter, top + y1, plot_w, lane_bottom - y1);
      if (y1 <= y0)
        continue;

      /* Opaque tiles: copies, no blending. */
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (self->gutter, top + y0, plot_w, y1 - y0));
      cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
      for (int t = first; t <= last; t++)
        {
          double x = self->gutter + round ((double) t * TILE_WIDTH - view_left);
          double x0 = MAX (x, self->gutter), x1 = MIN (x + TILE_WIDTH, self->gutter + plot_w);

          if (x1 <= x0)
            continue;
          cairo_set_source_surface (cr, g_ptr_array_index (tiles, t - first), x, top);
          cairo_rectangle (cr, x0, top + y0, x1 - x0, y1 - y0);
          cairo_fill (cr);
        }
      cairo_destroy (cr);
    }
}

/* ---- either ----------------------------------------------------------- */

/* How many marks are in view. */
static guint
count_marks_in_view (AtlasTimelineChart *self,
                     double              view_left,
                     double              view_right)
{
  guint n = 0;

  for (guint k = 0; k < ATLAS_N_EVENT_KINDS; k++)
    for (int r = 0; r < self->layout_rows; r++)
      {
        GArray *row = self->lanes[k].rows[r];

        n += _atlas_timeline_search_row (self, row, view_right) -
             _atlas_timeline_search_row (self, row, view_left - self->lanes[k].widest[r]);
      }
  return n;
}

void
_atlas_timeline_append_lanes (AtlasTimelineChart         *self,
                              GtkSnapshot                *snapshot,
                              const AtlasTimelinePalette *palette,
                              int                         width,
                              int                         height)
{
  double top = _atlas_timeline_lanes_top (self), bottom = _atlas_timeline_lanes_bottom (self, height);
  double lane_h = _atlas_timeline_lane_height (self, height);
  double view_left = _atlas_timeline_scroll_offset (self), plot_w = _atlas_timeline_plot_width (self, width);
  gboolean dense = count_marks_in_view (self, view_left, view_left + plot_w) > DENSE_MARKS;

  /* The shading, under the lane titles and, with nodes, the lanes. */
  for (guint k = 1; k < ATLAS_N_EVENT_KINDS; k += 2)
    _atlas_timeline_fill_rect (snapshot, &palette->p->shade, 1.0, 0, top + round (k * lane_h),
                               dense ? self->gutter : width, round ((k + 1) * lane_h) - round (k * lane_h));

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (self->gutter, top, plot_w, bottom - top));
  if (dense)
    append_tiles (self, snapshot, palette, width, height);
  else
    append_chunks (self, snapshot, palette, width, height);
  gtk_snapshot_pop (snapshot);
}

/* Forgets the chunks and tiles (the layout changed). */
void
_atlas_timeline_clear_lanes (AtlasTimelineChart *self)
{
  if (self->chunks != NULL)
    g_hash_table_remove_all (self->chunks);
  if (self->tiles != NULL)
    g_hash_table_remove_all (self->tiles);
}
