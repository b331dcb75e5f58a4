/* test-style.c
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

/* The palette: every text colour the painters and the presentation stage
 * draw reaches a WCAG contrast of 4.5:1 on what it is drawn on, in every
 * style (light, dark, high contrast, projector); one policy picks the
 * style; and the timeline and the charts, drawn in each style, really draw
 * their text on surfaces that give it that contrast.
 */

#include "config.h"

#include <math.h>

#include "atlas-chart.h"
#include "atlas-chart-definition.h"
#include "atlas-chart-series.h"
#include "atlas-dataset.h"
#include "atlas-session.h"
#include "atlas-state.h"
#include "atlas-store.h"
#include "atlas-style.h"
#include "atlas-test-render.h"
#include "atlas-test-ui.h"
#include "atlas-timeline-chart-private.h"

#define MIN_TEXT_CONTRAST 4.5

static gboolean have_display;

typedef struct
{
  const char *text;
  gsize       text_offset;
  const char *surface;
  gsize       surface_offset;
  const char *tint;          /* a translucent colour over the surface, or NULL */
  gsize       tint_offset;
} Pair;

#define ROLE(name) #name, G_STRUCT_OFFSET (AtlasPalette, name)
#define NO_TINT NULL, 0

/* Which text is drawn on which surface, as the painters and the stage do. */
static const Pair pairs[] = {
  { ROLE (text), ROLE (view), NO_TINT },
  { ROLE (text), ROLE (window), NO_TINT },
  { ROLE (text), ROLE (card), NO_TINT },
  { ROLE (text), ROLE (shade), NO_TINT },
  { ROLE (text), ROLE (view), ROLE (accent_tint) },
  { ROLE (text), ROLE (shade), ROLE (accent_tint) },
  { ROLE (text_dim), ROLE (view), NO_TINT },
  { ROLE (text_dim), ROLE (window), NO_TINT },
  { ROLE (text_dim), ROLE (card), NO_TINT },
  { ROLE (text_dim), ROLE (shade), NO_TINT },
  { ROLE (text_dim), ROLE (view), ROLE (accent_tint) },
  { ROLE (text_dim), ROLE (shade), ROLE (accent_tint) },
  { ROLE (accent_text), ROLE (view), NO_TINT },
  { ROLE (accent_text), ROLE (card), NO_TINT },
  { ROLE (accent_text), ROLE (map_halo), NO_TINT },
  { ROLE (today), ROLE (view), NO_TINT },
  { ROLE (today), ROLE (shade), NO_TINT },
  { ROLE (badge_text), ROLE (badge), NO_TINT },
  { ROLE (text), ROLE (map_halo), NO_TINT },
  { ROLE (text), ROLE (map_land), NO_TINT },
  { ROLE (map_river_text), ROLE (map_halo), NO_TINT },
  { ROLE (map_river_text), ROLE (map_land), NO_TINT },
  { ROLE (map_cluster_text), ROLE (map_cluster), NO_TINT },
  { ROLE (caption_text), ROLE (view), ROLE (caption) },
  { ROLE (caption_title), ROLE (view), ROLE (caption) },
  { ROLE (caption_counter), ROLE (view), ROLE (caption) },
};

static const GdkRGBA *
field (const AtlasPalette *palette,
       gsize               offset)
{
  return (const GdkRGBA *) G_STRUCT_MEMBER_P (palette, offset);
}

static void
test_palette_text_contrast (void)
{
  g_autoptr(GString) failures = g_string_new (NULL);

  for (AtlasStyleVariant v = 0; v < ATLAS_N_STYLES; v++)
    {
      const AtlasPalette *palette = atlas_style_get_palette (v);

      for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
        {
          GdkRGBA surface = *field (palette, pairs[i].surface_offset);
          double ratio;

          g_assert_cmpfloat (surface.alpha, ==, 1);
          if (pairs[i].tint != NULL)
            atlas_style_composite (field (palette, pairs[i].tint_offset), &surface, &surface);
          ratio = atlas_style_contrast_ratio (field (palette, pairs[i].text_offset), &surface);
          if (ratio < MIN_TEXT_CONTRAST)
            g_string_append_printf (failures, "%s: %s on %s%s%s is %.2f:1\n",
                                    atlas_style_variant_to_string (v), pairs[i].text,
                                    pairs[i].tint ? pairs[i].tint : "", pairs[i].tint ? " over " : "",
                                    pairs[i].surface, ratio);
        }
    }

  if (failures->len > 0)
    g_test_message ("%s", failures->str);
  g_assert_cmpuint (failures->len, ==, 0);
}

/* Not text, but still to be seen (WCAG 1.4.11 asks 3:1 of graphics), in
 * every style: focus rings, axes, clusters and the story's progress bar;
 * every category colour on the land and on the legend's card; every event
 * kind on the timeline's canvas and on its shaded lanes; every series
 * colour on the chart card and canvas.
 */
#define MIN_GRAPHIC_CONTRAST 3.0

static void
check_graphic (GString           *failures,
               AtlasStyleVariant  variant,
               const char        *what,
               const GdkRGBA     *mark,
               const char        *surface_name,
               const GdkRGBA     *surface)
{
  double ratio = atlas_style_contrast_ratio (mark, surface);

  if (ratio < MIN_GRAPHIC_CONTRAST)
    g_string_append_printf (failures, "%s: %s on %s is %.2f:1\n",
                            atlas_style_variant_to_string (variant), what, surface_name, ratio);
}

static void
test_palette_graphics_contrast (void)
{
  g_autoptr(GString) failures = g_string_new (NULL);

  for (AtlasStyleVariant v = 0; v < ATLAS_N_STYLES; v++)
    {
      const AtlasPalette *p = atlas_style_get_palette (v);

      check_graphic (failures, v, "accent", &p->accent, "view", &p->view);
      check_graphic (failures, v, "axis", &p->axis, "view", &p->view);
      check_graphic (failures, v, "map_cluster", &p->map_cluster, "map_land", &p->map_land);
      check_graphic (failures, v, "progress", &p->progress, "view", &p->view);

      for (guint i = 0; i < ATLAS_N_SERIES_COLORS; i++)
        {
          g_autofree char *what = g_strdup_printf ("series %u", i);

          check_graphic (failures, v, what, &p->series[i], "card", &p->card);
          check_graphic (failures, v, what, &p->series[i], "view", &p->view);
        }
      for (guint c = 0; c < ATLAS_N_SITE_CATEGORIES; c++)
        {
          const char *what = atlas_site_category_to_string (c);
          GdkRGBA color;

          atlas_style_get_category_color (c, v, &color);
          check_graphic (failures, v, what, &color, "map_land", &p->map_land);
          check_graphic (failures, v, what, &color, "card", &p->card);
        }
      for (guint k = 0; k < ATLAS_N_EVENT_KINDS; k++)
        {
          const char *what = atlas_event_kind_to_string (k);
          GdkRGBA color;

          atlas_style_get_event_kind_color (k, v, &color);
          check_graphic (failures, v, what, &color, "view", &p->view);
          check_graphic (failures, v, what, &color, "shade", &p->shade);
        }
    }

  if (failures->len > 0)
    g_test_message ("%s", failures->str);
  g_assert_cmpuint (failures->len, ==, 0);
}

/* Chongqing must stand out from what is around it, dark styles included. */
static void
test_palette_land_distinct (void)
{
  for (AtlasStyleVariant v = 0; v < ATLAS_N_STYLES; v++)
    {
      const AtlasPalette *p = atlas_style_get_palette (v);

      g_assert_cmpfloat (atlas_style_contrast_ratio (&p->map_land, &p->map_outside), >=,
                         atlas_style_variant_is_dark (v) ? 1.5 : 1.3);
    }
}

static void
test_contrast_ratio_known_values (void)
{
  GdkRGBA black = { 0, 0, 0, 1 }, white = { 1, 1, 1, 1 }, half = { 0, 0, 0, 0.5 }, grey;

  g_assert_cmpfloat_with_epsilon (atlas_style_contrast_ratio (&black, &white), 21.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (atlas_style_contrast_ratio (&white, &white), 1.0, 1e-6);
  /* #767676 on white is the classic 4.54:1. */
  gdk_rgba_parse (&grey, "rgb(118,118,118)");
  g_assert_cmpfloat_with_epsilon (atlas_style_contrast_ratio (&grey, &white), 4.54, 0.01);
  /* Translucent text is composited first: half black on white is #7f7f7f. */
  g_assert_cmpfloat_with_epsilon (atlas_style_contrast_ratio (&half, &white), 3.98, 0.01);
}

static void
test_variant_policy (void)
{
  /* Presenting wins, on a stage as dark as the user's style. */
  g_assert_cmpint (atlas_style_variant_for (FALSE, FALSE, TRUE), ==, ATLAS_STYLE_PROJECTOR);
  g_assert_cmpint (atlas_style_variant_for (TRUE, FALSE, TRUE), ==, ATLAS_STYLE_PROJECTOR_DARK);
  g_assert_cmpint (atlas_style_variant_for (TRUE, TRUE, TRUE), ==, ATLAS_STYLE_PROJECTOR_DARK);
  g_assert_cmpint (atlas_style_variant_for (FALSE, TRUE, FALSE), ==, ATLAS_STYLE_HIGH_CONTRAST);
  g_assert_cmpint (atlas_style_variant_for (TRUE, TRUE, FALSE), ==, ATLAS_STYLE_HIGH_CONTRAST_DARK);
  g_assert_cmpint (atlas_style_variant_for (TRUE, FALSE, FALSE), ==, ATLAS_STYLE_DARK);
  g_assert_cmpint (atlas_style_variant_for (FALSE, FALSE, FALSE), ==, ATLAS_STYLE_LIGHT);

  for (AtlasStyleVariant v = 0; v < ATLAS_N_STYLES; v++)
    {
      const AtlasPalette *p = atlas_style_get_palette (v);

      /* Dark styles have light text, and the other way round. */
      g_assert_cmpint (atlas_style_variant_is_dark (v), ==,
                       atlas_style_contrast_ratio (&p->view, &(GdkRGBA) { 0, 0, 0, 1 }) <
                       atlas_style_contrast_ratio (&p->view, &(GdkRGBA) { 1, 1, 1, 1 }));
      g_assert_nonnull (atlas_style_variant_to_string (v));
    }
}

static void
on_parsing_error (GtkCssProvider *provider,
                  GtkCssSection  *section,
                  const GError   *error,
                  gpointer        user_data)
{
  g_autofree char *where = gtk_css_section_to_string (section);

  g_test_message ("%s: %s", where, error->message);
  (*(guint *) user_data)++;
}

/* The generated style sheet parses, and styles each window state. */
static void
test_css_parses (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  g_autofree char *css = atlas_style_dup_css ();
  guint errors = 0;

  if (!have_display)
    {
      g_test_skip ("GTK's style sheets need a display");
      return;
    }

  g_signal_connect (provider, "parsing-error", G_CALLBACK (on_parsing_error), &errors);
  gtk_css_provider_load_from_data (provider, css, -1);
  g_assert_cmpuint (errors, ==, 0);

  g_assert_nonnull (strstr (css, "window.atlas-stage.dark, "));
  g_assert_nonnull (strstr (css, "window.atlas-stage presenthud .present-caption"));
  g_assert_nonnull (strstr (css, "window.atlas-stage.dark presenthud .present-title"));
  g_assert_nonnull (strstr (css, "window.dark.high-contrast .swatch.category-laboratory"));
}

/* ---- what the painters really draw ------------------------------------ */

/* Draws @node on an opaque image and checks every text node (but those in
 * @symbols, the font marks are drawn with) against what is under it.
 * Returns how many texts were checked.
 */
static guint
check_drawn_text (GskRenderNode *node,
                  int            width,
                  int            height,
                  PangoFont     *symbols,
                  const char    *what,
                  GString       *failures)
{
  cairo_surface_t *surface = atlas_test_draw_node (node, width, height);
  g_autoptr(GArray) texts = atlas_test_collect_text (node);
  guint checked = 0;

  for (guint i = 0; i < texts->len; i++)
    {
      AtlasTestText *drawn = &g_array_index (texts, AtlasTestText, i);
      GdkRGBA under;
      double ratio;

      /* Marks drawn as glyphs (the timeline's diamonds) are not text. */
      if (symbols != NULL && drawn->font == symbols)
        continue;
      if (!atlas_test_background_under (surface, &drawn->bounds, &under))
        continue;
      checked++;
      ratio = atlas_style_contrast_ratio (&drawn->color, &under);
      if (ratio < MIN_TEXT_CONTRAST)
        g_string_append_printf (failures, "%s: text (%u glyphs) at %.0f,%.0f is %.2f:1 on its background\n",
                                what, drawn->n_glyphs, drawn->bounds.origin.x, drawn->bounds.origin.y, ratio);
    }

  cairo_surface_destroy (surface);
  return checked;
}

static void
test_timeline_draws_legible_text (void)
{
  AtlasDataset *dataset = atlas_test_open_bundled_dataset ();
  g_autoptr(GString) failures = g_string_new (NULL);

  for (AtlasStyleVariant v = 0; v < ATLAS_N_STYLES; v++)
    {
      g_autoptr(AtlasTimelineChart) chart = atlas_timeline_chart_new (NULL);
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      double first, last;
      guint checked;

      atlas_timeline_chart_set_events (chart, atlas_dataset_get_events (dataset));
      atlas_timeline_chart_set_presenting (chart, atlas_style_variant_is_projector (v));
      atlas_timeline_chart_set_variant (chart, v);
      atlas_timeline_chart_get_fit_range (chart, &first, &last);
      atlas_time_axis_set_range (atlas_timeline_chart_get_axis (chart), first, last);
      /* A brushed range: labels over its tint must read too. */
      atlas_timeline_chart_set_brush (chart, first + (last - first) / 3, first + (last - first) / 2);

      gtk_snapshot_append_color (snapshot, &atlas_style_get_palette (v)->view, &GRAPHENE_RECT_INIT (0, 0, 1366, 700));
      atlas_timeline_chart_snapshot (chart, snapshot, 1366, 700);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      checked = check_drawn_text (node, 1366, 700, chart->mark_font, atlas_style_variant_to_string (v), failures);
      g_assert_cmpuint (checked, >, 20);
    }

  if (failures->len > 0)
    g_test_message ("%s", failures->str);
  g_assert_cmpuint (failures->len, ==, 0);
}

static void
test_charts_draw_legible_text (void)
{
  AtlasDataset *dataset = atlas_test_open_bundled_dataset ();
  g_autoptr(AtlasSession) session = atlas_session_new (dataset);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) definitions = atlas_chart_definition_load_all (&error);
  g_autoptr(GString) failures = g_string_new (NULL);
  g_autoptr(AtlasPangoContext) context = atlas_chart_create_headless_context ();

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (definitions); i++)
    {
      g_autoptr(AtlasChartDefinition) definition = g_list_model_get_item (definitions, i);
      g_autoptr(AtlasChartSeries) series = atlas_chart_series_new_for_definition (definition, session, &error);

      g_assert_no_error (error);
      for (AtlasStyleVariant v = 0; v < ATLAS_N_STYLES; v++)
        {
          g_autoptr(AtlasChart) chart = atlas_chart_new (atlas_chart_definition_get_kind (definition), series);
          g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
          g_autoptr(GskRenderNode) node = NULL;
          g_autofree char *what = g_strdup_printf ("%s, %s", atlas_chart_definition_get_id (definition),
                                                   atlas_style_variant_to_string (v));

          atlas_chart_set_presenting (chart, atlas_style_variant_is_projector (v));
          atlas_chart_set_variant (chart, v);
          atlas_chart_snapshot_framed (chart, snapshot, context, 640, 480);
          node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
          g_assert_cmpuint (check_drawn_text (node, 640, 480, NULL, what, failures), >, 0);
        }
    }

  if (failures->len > 0)
    g_test_message ("%s", failures->str);
  g_assert_cmpuint (failures->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  have_display = gtk_init_check ();

  g_test_add_func ("/style/contrast/ratio-known-values", test_contrast_ratio_known_values);
  g_test_add_func ("/style/contrast/palette-text-on-its-surfaces", test_palette_text_contrast);
  g_test_add_func ("/style/contrast/palette-graphics", test_palette_graphics_contrast);
  g_test_add_func ("/style/contrast/chongqing-stands-out", test_palette_land_distinct);
  g_test_add_func ("/style/policy/one-variant-for-every-painter", test_variant_policy);
  g_test_add_func ("/style/css/parses-and-covers-window-states", test_css_parses);
  g_test_add_func ("/style/contrast/timeline-draws-legible-text", test_timeline_draws_legible_text);
  g_test_add_func ("/style/contrast/charts-draw-legible-text", test_charts_draw_legible_text);

  return g_test_run ();
}
