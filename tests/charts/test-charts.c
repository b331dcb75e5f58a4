/* test-charts.c
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

/* The Charts subsystem without a display: nice ticks, number formatting in
 * both languages, series sums against stated totals, every chart
 * definition resolving to data, CSV and summaries, and `--render charts`
 * drawing something.  Run once in English and once with --language=zh_CN.
 */

#include "config.h"

#include <cairo.h>
#include <math.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <libintl.h>

#include "atlas-chart-definition.h"
#include "atlas-chart-private.h"
#include "atlas-chart-series.h"
#include "atlas-render.h"
#include "atlas-dataset.h"
#include "atlas-format.h"
#include "atlas-l10n.h"
#include "atlas-nice-ticks.h"
#include "atlas-session.h"
#include "atlas-state.h"
#include "atlas-store.h"
#include "atlas-test-render.h"
#include "atlas-test-ui.h"

typedef struct
{
  AtlasStore   *store;
  AtlasDataset *dataset;
  AtlasSession *session;
  AtlasState   *state;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bundled = atlas_store_get_bundled_bytes (&error);

  g_assert_no_error (error);
  f->store = atlas_store_new (bundled, NULL, &error);
  g_assert_no_error (error);
  f->dataset = atlas_dataset_new (f->store, &error);
  g_assert_no_error (error);
  f->session = atlas_session_new (f->dataset);
  f->state = g_object_ref (atlas_session_get_state (f->session));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->state);
  g_clear_object (&f->session);
  g_clear_object (&f->dataset);
  g_clear_object (&f->store);
}

static void
test_nice_ticks (void)
{
  static const struct
  {
    double min, max;
    guint target;
    double first, step;
    guint n_ticks;
  } cases[] = {
    { 0, 13, 5, 0, 5, 4 },          /* 0 5 10 15 */
    { 0, 41, 5, 0, 10, 6 },         /* 0 .. 50 */
    { 0, 719, 4, 0, 200, 5 },       /* 0 200 400 600 800 */
    { 0, 1, 5, 0, 0.2, 6 },
    { 0, 2.36, 5, 0, 0.5, 6 },      /* 0 .. 2.5 */
    { 0, 35238000000.0, 5, 0, 1e10, 5 },
    { 0, 100, 5, 0, 20, 6 },
    { 3, 3, 5, 0, 1, 4 },           /* a single value still gets an axis from zero */
    { 0, 0, 5, 0, 0.2, 6 },
    { -7, 12, 4, -10, 10, 4 },      /* -10 0 10 20: steps of 5 would need 5 intervals */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AtlasNiceTicks ticks;

      atlas_nice_ticks (cases[i].min, cases[i].max, cases[i].target, &ticks);
      g_test_message ("case %u: first %g step %g n %u", i, ticks.first, ticks.step, ticks.n_ticks);
      g_assert_cmpfloat_with_epsilon (ticks.first, cases[i].first, 1e-9);
      g_assert_cmpfloat_with_epsilon (ticks.step, cases[i].step, 1e-9 * cases[i].step);
      /* The ticks always cover the range and the axis starts at or below zero for bars. */
      g_assert_cmpfloat (ticks.first, <=, cases[i].min);
      g_assert_cmpfloat (atlas_nice_ticks_last (&ticks), >=, cases[i].max);
      g_assert_cmpuint (ticks.n_ticks, ==, cases[i].n_ticks);
    }
}

static void
test_format (void)
{
  static const struct
  {
    double value;
    AtlasUnit unit;
    AtlasQualifier qualifier;
    const char *en;
    const char *zh;
  } cases[] = {
    { 160700, ATLAS_UNIT_COUNT, ATLAS_QUALIFIER_NONE, "160,700", "16.07万" },
    { 160700, ATLAS_UNIT_PERSON, ATLAS_QUALIFIER_NONE, "160,700 people", "16.07万人" },
    { 35238000000.0, ATLAS_UNIT_YUAN, ATLAS_QUALIFIER_NONE, "35.238 billion yuan", "352.38亿元" },
    { 35238000000.0, ATLAS_UNIT_COUNT, ATLAS_QUALIFIER_NONE, "35.238 billion", "352.38亿" },
    { 2.36, ATLAS_UNIT_PERCENT, ATLAS_QUALIFIER_NONE, "2.36%", "2.36%" },
    { 13, ATLAS_UNIT_COUNT, ATLAS_QUALIFIER_NONE, "13", "13" },
    { 3456000000.0, ATLAS_UNIT_YUAN, ATLAS_QUALIFIER_NONE, "3.456 billion yuan", "34.56亿元" },
    { 2500000, ATLAS_UNIT_COUNT, ATLAS_QUALIFIER_NONE, "2.5 million", "250万" },
  };
  gboolean chinese = atlas_l10n_is_chinese ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = atlas_format_value (cases[i].value, cases[i].unit, cases[i].qualifier);

      g_assert_cmpstr (text, ==, chinese ? cases[i].zh : cases[i].en);
    }
}

static void
test_definitions_resolve (Fixture       *f,
                          gconstpointer  data)
{
  static const char *required[] = {
    "projects-2020-12-15-by-type", "sites-by-category", "sites-per-district", "events-per-year",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) definitions = atlas_chart_definition_load_all (&error);
  guint n;
  gboolean kinds[ATLAS_CHART_KIND_CARDS + 1] = { FALSE };

  g_assert_no_error (error);
  n = g_list_model_get_n_items (definitions);
  g_assert_cmpuint (n, >=, G_N_ELEMENTS (required));

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    g_assert_nonnull (atlas_chart_definition_find (definitions, required[i]));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasChartDefinition) definition = g_list_model_get_item (definitions, i);
      g_autoptr(AtlasChartSeries) series = NULL;

      series = atlas_chart_series_new_for_definition (definition, f->session, &error);
      g_assert_no_error (error);
      g_assert_nonnull (series);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (series)), >, 0);
      g_assert_cmpstr (atlas_chart_series_get_title (series), !=, "");
      kinds[atlas_chart_definition_get_kind (definition)] = TRUE;
    }

  /* Every kind of chart appears in the gallery. */
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    g_assert_true (kinds[k]);
}

static void
test_bad_definitions (void)
{
  static const char *bad[] = {
    "{}",
    "{\"charts\": [{\"id\": \"x\", \"kind\": \"pie3d\", \"series\": \"s\"}]}",
    "{\"charts\": [{\"id\": \"x\", \"kind\": \"hbar\"}]}",
    "{\"charts\": [{\"id\": \"x\", \"kind\": \"hbar\", \"series\": \"a\", \"aggregation\": \"b\"}]}",
    "{\"charts\": [{\"id\": \"x\", \"kind\": \"hbar\", \"series\": \"a\"},"
    " {\"id\": \"x\", \"kind\": \"vbar\", \"series\": \"a\"}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) model = atlas_chart_definition_load_from_data (bad[i], -1, &error);

      g_assert_null (model);
      g_assert_nonnull (error);
    }
}

static void
test_unknown_series_is_an_error (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) model = atlas_chart_definition_load_from_data (
    "{\"charts\": [{\"id\": \"x\", \"kind\": \"hbar\", \"series\": \"no-such-series\"}]}", -1, &error);
  g_autoptr(AtlasChartDefinition) definition = NULL;
  g_autoptr(AtlasChartSeries) series = NULL;

  g_assert_no_error (error);
  definition = g_list_model_get_item (model, 0);
  series = atlas_chart_series_new_for_definition (definition, f->session, &error);
  g_assert_null (series);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

/* Where a source states a total, the parts add up to it. */
static void
test_sums_match_stated_totals (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GListModel) definitions = atlas_chart_definition_load_all (NULL);
  guint n = g_list_model_get_n_items (definitions), checked = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AtlasChartDefinition) definition = g_list_model_get_item (definitions, i);
      g_autoptr(AtlasChartSeries) series = atlas_chart_series_new_for_definition (definition, f->session,
                                                                                  NULL);

      if (atlas_chart_series_get_stated_total (series) > 0)
        {
          g_assert_cmpfloat_with_epsilon (atlas_chart_series_get_sum (series),
                                          atlas_chart_series_get_stated_total (series), 1e-6);
          checked++;
        }
    }
  g_assert_cmpuint (checked, >=, 1);

  /* The aggregations count every record once when nothing is filtered. */
  {
    AtlasChartDefinition *by_category = atlas_chart_definition_find (definitions, "sites-by-category");
    AtlasChartDefinition *per_year = atlas_chart_definition_find (definitions, "events-per-year");
    g_autoptr(AtlasChartSeries) sites = atlas_chart_series_new_for_definition (by_category, f->session, NULL);
    g_autoptr(AtlasChartSeries) events = atlas_chart_series_new_for_definition (per_year, f->session, NULL);

    g_assert_cmpfloat (atlas_chart_series_get_sum (sites), ==,
                       g_list_model_get_n_items (atlas_dataset_get_sites (f->dataset)));
    g_assert_cmpfloat (atlas_chart_series_get_sum (events), ==,
                       g_list_model_get_n_items (atlas_dataset_get_events (f->dataset)));
  }
}

static void
test_filters_apply (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GListModel) definitions = atlas_chart_definition_load_all (NULL);
  AtlasChartDefinition *per_district = atlas_chart_definition_find (definitions, "sites-per-district");
  g_autoptr(AtlasChartSeries) all = atlas_chart_series_new_for_definition (per_district, f->session, NULL);
  g_autoptr(AtlasChartSeries) some = NULL;

  /* One category only: the per-district counts shrink. */
  atlas_state_set_categories (f->state, 1u << ATLAS_SITE_CATEGORY_UNIVERSITY);
  some = atlas_chart_series_new_for_definition (per_district, f->session, NULL);
  g_assert_cmpfloat (atlas_chart_series_get_sum (some), <, atlas_chart_series_get_sum (all));
  g_assert_cmpfloat (atlas_chart_series_get_sum (some), >, 0);
}

static void
test_csv_and_summary (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GListModel) definitions = atlas_chart_definition_load_all (NULL);
  AtlasChartDefinition *projects = atlas_chart_definition_find (definitions, "projects-2020-12-15-by-type");
  g_autoptr(AtlasChartSeries) series = atlas_chart_series_new_for_definition (projects, f->session, NULL);
  g_autofree char *csv = atlas_chart_series_to_csv (series);
  g_autofree char *summary = atlas_chart_series_dup_summary (series, ATLAS_CHART_KIND_HBAR);
  g_auto(GStrv) lines = g_strsplit (csv, "\r\n", -1);

  g_assert_true (g_str_has_prefix (csv, "label,layer,value,unit"));
  /* Header, five types, and the empty string after the last CRLF. */
  g_assert_cmpuint (g_strv_length (lines), ==, 7);
  g_assert_nonnull (strstr (csv, ",13,count,"));

  g_assert_nonnull (strstr (summary, atlas_chart_kind_get_label (ATLAS_CHART_KIND_HBAR)));
  g_assert_nonnull (strstr (summary, atlas_chart_series_get_title (series)));
  g_assert_true (g_str_has_suffix (summary, "13"));
}

static void
test_targets_are_marked (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GListModel) definitions = atlas_chart_definition_load_all (NULL);
  AtlasChartDefinition *plan = atlas_chart_definition_find (definitions, "yizhiwang-service-network-plan");
  g_autoptr(AtlasChartSeries) series = atlas_chart_series_new_for_definition (plan, f->session, NULL);
  g_autofree char *csv = atlas_chart_series_to_csv (series);

  g_assert_true (atlas_chart_series_has_targets (series));
  g_assert_nonnull (strstr (csv, ",1,"));
}

/* The export sizes: a slide is 1920 × 1080; A4 is laid out at 1169 × 827
 * and drawn at 300 dpi as PNG (3507 × 2481 pixels) or on an A4 page as
 * PDF; "as shown" keeps the view's size.
 */
static void
test_export_sizes (void)
{
  g_autofree char *dir = g_dir_make_tmp ("atlas-export-size-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "a4.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "a4.pdf", NULL);
  g_autoptr(GFile) png_file = g_file_new_for_path (png);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  const char *media_box = "/MediaBox [ 0 0 841.68 595.44 ]";
  cairo_surface_t *surface;
  gboolean found = FALSE;
  gsize length = 0;
  int width, height;

  atlas_render_export_size_get (ATLAS_EXPORT_SIZE_AS_SHOWN, 640, 480, &width, &height);
  g_assert_cmpint (width, ==, 640);
  g_assert_cmpint (height, ==, 480);
  atlas_render_export_size_get (ATLAS_EXPORT_SIZE_SLIDE, 640, 480, &width, &height);
  g_assert_cmpint (width, ==, 1920);
  g_assert_cmpint (height, ==, 1080);
  atlas_render_export_size_get (ATLAS_EXPORT_SIZE_A4, 640, 480, &width, &height);
  g_assert_cmpint (width, ==, 1169);
  g_assert_cmpint (height, ==, 827);

  atlas_render_ensure_types ();
  node = gsk_color_node_new (&(GdkRGBA) { 0.2, 0.4, 0.6, 1 }, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (atlas_render_node_to_file_sized (node, width, height, ATLAS_EXPORT_SIZE_A4, png_file, &error));
  g_assert_no_error (error);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 3507);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 2481);
  cairo_surface_destroy (surface);

  g_assert_true (atlas_render_node_to_file_sized (node, width, height, ATLAS_EXPORT_SIZE_A4, pdf_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
  /* An A4 landscape page is 842 × 595 points (the file holds binary
   * streams: search all of it).
   */
  for (gsize i = 0; i + strlen (media_box) <= length && !found; i++)
    found = memcmp (contents + i, media_box, strlen (media_box)) == 0;
  g_assert_true (found);

  g_unlink (png);
  g_unlink (pdf);
  g_rmdir (dir);
}

/* `cq-atlas --render charts` writes a PNG that is not one flat colour. */
static void
test_render_not_blank (void)
{
  const char *bin = g_getenv ("CQ_ATLAS_BIN");
  g_autofree char *dir = g_dir_make_tmp ("atlas-charts-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "charts.png", NULL);
  const char *argv[] = { bin, "--render", "charts", "--output", png, "--size", "1200x900", NULL };
  const char *argv_one[] = { bin, "--render", "charts", "--chart", "events-per-year", "--output", png, NULL };
  const char *argv_bad[] = { bin, "--render", "charts", "--chart", "no-such-chart", "--output", png, NULL };
  int status;

  if (bin == NULL)
    {
      g_test_skip ("CQ_ATLAS_BIN is not set");
      return;
    }

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(GError) error = NULL;
      cairo_surface_t *surface;
      unsigned char *pixels;
      int stride, w, h;
      guint distinct = 0;
      guint32 first;

      g_spawn_sync (NULL, (char **) (round == 0 ? argv : argv_one), NULL, G_SPAWN_DEFAULT,
                    NULL, NULL, NULL, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));

      surface = cairo_image_surface_create_from_png (png);
      g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
      pixels = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);
      w = cairo_image_surface_get_width (surface);
      h = cairo_image_surface_get_height (surface);
      first = *(guint32 *) pixels;
      for (int y = 0; y < h; y += 3)
        for (int x = 0; x < w; x += 3)
          if (*(guint32 *) (pixels + y * stride + x * 4) != first)
            distinct++;
      cairo_surface_destroy (surface);
      /* Charts cover a good share of the picture, not a few stray pixels. */
      g_assert_cmpuint (distinct, >, (guint) (w / 3) * (h / 3) / 10);
    }

  g_spawn_sync (NULL, (char **) argv_bad, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                &status, NULL);
  g_assert_false (g_spawn_check_wait_status (status, NULL));

  g_unlink (png);
  g_rmdir (dir);
}

/* ---- the painter ------------------------------------------------------- */

/* @chart drawn at @width x @height: its text nodes. */
static GArray *
draw_chart (AtlasChart *chart,
            int         width,
            int         height)
{
  g_autoptr(AtlasPangoContext) context = atlas_chart_create_headless_context ();
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  atlas_chart_snapshot (chart, snapshot, context, width, height, -1, -1);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  return atlas_test_collect_text (node);
}

static AtlasChart *
chart_for (Fixture    *f,
           GListModel *definitions,
           const char *id,
           gboolean    presenting)
{
  AtlasChartDefinition *definition = atlas_chart_definition_find (definitions, id);
  g_autoptr(AtlasChartSeries) series = NULL;
  AtlasChart *chart;

  g_assert_nonnull (definition);
  series = atlas_chart_series_new_for_definition (definition, f->session, NULL);
  g_assert_nonnull (series);
  chart = atlas_chart_new (atlas_chart_definition_get_kind (definition), series);
  atlas_chart_set_presenting (chart, presenting);
  return chart;
}

static int
natural_height (AtlasChart *chart,
                int         width)
{
  g_autoptr(AtlasPangoContext) context = atlas_chart_create_headless_context ();

  return atlas_chart_get_natural_height (chart, context, width);
}

/* Under every column stands its category's label (Qijiang's "Innovation
 * entities", Yizhiwang's targets): wrapped, or turned when too long, never
 * dropped -- at card and presentation sizes, in both languages.
 */
static void
test_every_column_labelled (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GListModel) definitions = atlas_chart_definition_load_all (NULL);
  const char *ids[] = { "qijiang-innovation-entities-2020", "yizhiwang-service-network-plan",
                        "events-per-year", "events-per-year-by-kind", "major-programmes-2022-2023" };
  const int widths[] = { 300, 420, 640 };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      for (int presenting = 0; presenting < 2; presenting++)
        {
          g_autoptr(AtlasChart) chart = NULL;
          g_autoptr(GArray) texts = NULL;
          double axis;
          int height;

          /* Presenting, cards are never this narrow. */
          if (presenting && widths[w] < 400)
            continue;
          chart = chart_for (f, definitions, ids[i], presenting);
          height = natural_height (chart, widths[w]);
          texts = draw_chart (chart, widths[w], height);
          axis = chart->plot.origin.y + chart->plot.size.height;

          g_test_message ("%s at %d x %d%s", ids[i], widths[w], height, presenting ? ", presenting" : "");
          g_assert_cmpuint (chart->columns.n_columns, ==, chart->n_categories);
          g_assert_cmpuint (chart->columns.stride, ==, 1);
          for (guint c = 0; c < chart->columns.n_columns; c++)
            {
              double cx = _atlas_chart_column_center (chart, c);
              gboolean found = FALSE;

              for (guint t = 0; t < texts->len && !found; t++)
                {
                  const graphene_rect_t *b = &g_array_index (texts, AtlasTestText, t).bounds;

                  /* Under the column; turned labels end at it. */
                  found = b->origin.y >= axis && b->origin.y + b->size.height <= height + 1 &&
                          ((b->origin.x <= cx + 1 && b->origin.x + b->size.width >= cx - 1) ||
                           (chart->columns.rotated &&
                            fabs (b->origin.x + b->size.width - cx) <= chart->columns.column_width / 2));
                }
              g_assert_true (found);
            }
        }
}

/* Every row of horizontal bars has its label left of the bar, inside the
 * chart.
 */
static void
test_every_row_labelled (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GListModel) definitions = atlas_chart_definition_load_all (NULL);
  const char *ids[] = { "sites-by-category", "sites-per-district", "projects-2020-12-15-by-type" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    for (int presenting = 0; presenting < 2; presenting++)
      {
        g_autoptr(AtlasChart) chart = chart_for (f, definitions, ids[i], presenting);
        int height = natural_height (chart, 420);
        g_autoptr(GArray) texts = draw_chart (chart, 420, height);

        g_assert_cmpuint (atlas_chart_get_n_marks (chart), ==, chart->n_categories);
        for (guint m = 0; m < atlas_chart_get_n_marks (chart); m++)
          {
            graphene_rect_t bar;
            gboolean found = FALSE;
            double cy;

            g_assert_true (atlas_chart_get_mark_bounds (chart, m, &bar));
            cy = bar.origin.y + bar.size.height / 2;
            for (guint t = 0; t < texts->len && !found; t++)
              {
                const graphene_rect_t *b = &g_array_index (texts, AtlasTestText, t).bounds;

                /* Ink may overhang the text's box by a pixel. */
                found = b->origin.x >= -2 && b->origin.x + b->size.width <= bar.origin.x &&
                        b->origin.y <= cy && b->origin.y + b->size.height >= cy;
              }
            g_assert_true (found);
          }
      }

  /* On stage the chart is as wide as the screen: no label is cut short
   * (a label measured half a pixel short was ellipsized).
   */
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(AtlasChart) chart = chart_for (f, definitions, ids[i], TRUE);
      g_autoptr(AtlasPangoContext) context = atlas_chart_create_headless_context ();
      int height = natural_height (chart, 1300);
      g_autoptr(GArray) texts = draw_chart (chart, 1300, height);
      double s = atlas_chart_get_scale (chart);

      for (guint c = 0; c < chart->n_categories; c++)
        {
          const char *label = atlas_chart_series_get_category (chart->series, c);
          g_autoptr(PangoLayout) layout = _atlas_chart_make_layout (chart, context, label, ATLAS_CHART_BASE_FONT_PX,
                                                                    FALSE, chart->plot.origin.x - 8 * s, 1);

          if (pango_layout_is_ellipsized (layout))
            g_test_message ("%s: “%s” is cut (room %.1f, scale %.2f, width %d)", ids[i], label,
                            chart->plot.origin.x - 8 * s, s, chart->width);
          g_assert_false (pango_layout_is_ellipsized (layout));
        }
    }
}

/* graphene_rect_contains_rect() compares a union for equality, which
 * rounding defeats.
 */
static gboolean
rect_inside (const graphene_rect_t *inner,
             const graphene_rect_t *outer)
{
  return inner->origin.x >= outer->origin.x - 0.01 && inner->origin.y >= outer->origin.y - 0.01 &&
         inner->origin.x + inner->size.width <= outer->origin.x + outer->size.width + 0.01 &&
         inner->origin.y + inner->size.height <= outer->origin.y + outer->size.height + 0.01;
}

/* Number tiles are as big as their text: at their natural height nothing
 * is drawn outside its tile, tiles do not overlap, and every figure shows
 * its period.
 */
static void
test_number_tiles_hold_their_text (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GListModel) definitions = atlas_chart_definition_load_all (NULL);
  const char *ids[] = { "headline-rd", "science-city-indicators", "yizhiwang-targets" };
  const int widths[] = { 260, 420, 900 };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
      for (int presenting = 0; presenting < 2; presenting++)
        {
          g_autoptr(AtlasChart) chart = chart_for (f, definitions, ids[i], presenting);
          int height = natural_height (chart, widths[w]);
          g_autoptr(GArray) texts = draw_chart (chart, widths[w], height);
          guint n = atlas_chart_get_n_marks (chart);

          g_assert_cmpuint (n, ==, chart->n_points);
          for (guint m = 0; m < n; m++)
            {
              graphene_rect_t tile, other;

              g_assert_true (atlas_chart_get_mark_bounds (chart, m, &tile));
              g_assert_cmpfloat (tile.origin.y + tile.size.height, <=, height + 0.5);
              g_assert_cmpfloat (tile.origin.x + tile.size.width, <=, widths[w] + 0.5);
              for (guint k = m + 1; k < n; k++)
                {
                  g_assert_true (atlas_chart_get_mark_bounds (chart, k, &other));
                  g_assert_false (graphene_rect_intersection (&tile, &other, NULL));
                }
              g_assert_nonnull (atlas_chart_point_get_period (atlas_chart_get_mark_point (chart, m)));
            }
          for (guint t = 0; t < texts->len; t++)
            {
              graphene_rect_t b = g_array_index (texts, AtlasTestText, t).bounds;
              gboolean inside = FALSE;

              graphene_rect_inset (&b, 1, 1);
              for (guint m = 0; m < n && !inside; m++)
                {
                  graphene_rect_t tile;

                  atlas_chart_get_mark_bounds (chart, m, &tile);
                  inside = rect_inside (&b, &tile);
                }
              g_assert_true (inside);
            }
        }
}

/* A total too wide for the donut's hole is drawn smaller, not cut. */
static void
test_fit_layout_shrinks_before_cutting (void)
{
  g_autoptr(AtlasChart) chart = atlas_chart_new (ATLAS_CHART_KIND_DONUT, NULL);
  g_autoptr(AtlasPangoContext) context = atlas_chart_create_headless_context ();
  g_autoptr(PangoLayout) full = _atlas_chart_fit_layout (chart, context, "about 60", 24, TRUE, 1000, 0.4);
  g_autoptr(PangoLayout) fitted = NULL;
  double full_w, w;

  _atlas_chart_layout_size (full, &full_w, NULL);
  fitted = _atlas_chart_fit_layout (chart, context, "about 60", 24, TRUE, full_w * 0.6, 0.4);
  _atlas_chart_layout_size (fitted, &w, NULL);
  g_assert_false (pango_layout_is_ellipsized (fitted));
  g_assert_cmpfloat (w, <=, full_w * 0.6 + 1);
  g_assert_cmpfloat (w, >, 0);
}

/* Sorting puts bars largest first and back; only bars sort. */
static void
test_sort_by_value (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GListModel) definitions = atlas_chart_definition_load_all (NULL);
  const char *ids[] = { "projects-2020-12-15-by-type", "qijiang-innovation-entities-2020" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(AtlasChart) chart = chart_for (f, definitions, ids[i], FALSE);
      g_autoptr(GArray) before = NULL, after = NULL, again = NULL;
      graphene_rect_t first, second;
      double previous = G_MAXDOUBLE;
      gboolean was_sorted = TRUE;

      g_assert_true (atlas_chart_can_sort (chart));
      before = draw_chart (chart, 420, 300);
      for (guint m = 0; m < atlas_chart_get_n_marks (chart); m++)
        {
          double v = atlas_chart_point_get_value (atlas_chart_get_mark_point (chart, m));

          was_sorted = was_sorted && v <= previous;
          previous = v;
        }
      /* The data are not already in order, or the test would prove nothing. */
      g_assert_false (was_sorted);

      atlas_chart_set_sort_by_value (chart, TRUE);
      after = draw_chart (chart, 420, 300);
      previous = G_MAXDOUBLE;
      for (guint m = 0; m < atlas_chart_get_n_marks (chart); m++)
        {
          double v = atlas_chart_point_get_value (atlas_chart_get_mark_point (chart, m));

          g_assert_cmpfloat (v, <=, previous);
          previous = v;
        }
      /* Marks are in reading order: down the rows, or along the columns. */
      atlas_chart_get_mark_bounds (chart, 0, &first);
      atlas_chart_get_mark_bounds (chart, 1, &second);
      g_assert_true (first.origin.y < second.origin.y || first.origin.x < second.origin.x);

      atlas_chart_set_sort_by_value (chart, FALSE);
      again = draw_chart (chart, 420, 300);
      g_assert_cmpfloat (atlas_chart_point_get_value (atlas_chart_get_mark_point (chart, 0)), ==,
                         atlas_chart_point_get_value (atlas_chart_series_peek_point (atlas_chart_get_series (chart), 0)));
    }

  {
    g_autoptr(AtlasChart) line = chart_for (f, definitions, "events-per-year", FALSE);
    g_autoptr(AtlasChart) donut = chart_for (f, definitions, "projects-2020-12-15-share", FALSE);
    g_autoptr(AtlasChart) cards = chart_for (f, definitions, "headline-rd", FALSE);

    g_assert_false (atlas_chart_can_sort (line));
    g_assert_false (atlas_chart_can_sort (donut));
    g_assert_false (atlas_chart_can_sort (cards));
  }
}

/* Whether the segment (@ax, @ay)-(@bx, @by), @width wide, crosses @box. */
static gboolean
segment_crosses (double                 ax,
                 double                 ay,
                 double                 bx,
                 double                 by,
                 double                 width,
                 const graphene_rect_t *box)
{
  for (int k = 0; k <= 64; k++)
    {
      double x = ax + (bx - ax) * k / 64.0, y = ay + (by - ay) * k / 64.0;
      graphene_rect_t r = *box;

      graphene_rect_inset (&r, -width / 2, -width / 2);
      if (graphene_rect_contains_point (&r, &GRAPHENE_POINT_INIT (x, y)))
        return TRUE;
    }
  return FALSE;
}

/* The values by a line's dots never sit on the line. */
static void
test_line_values_clear_of_line (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GListModel) definitions = atlas_chart_definition_load_all (NULL);
  const int widths[] = { 420, 640, 900 };
  guint labels = 0;

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    for (int presenting = 0; presenting < 2; presenting++)
      {
        g_autoptr(AtlasChart) chart = chart_for (f, definitions, "events-per-year", presenting);
        g_autoptr(GArray) texts = draw_chart (chart, widths[w], 300);
        double width = 2.5 * atlas_chart_get_scale (chart);
        guint n = atlas_chart_get_n_marks (chart);

        for (guint t = 0; t < texts->len; t++)
          {
            graphene_rect_t box = g_array_index (texts, AtlasTestText, t).bounds;

            /* Values are inside the plot; tick and category labels outside. */
            if (box.origin.x < chart->plot.origin.x ||
                box.origin.y + box.size.height > chart->plot.origin.y + chart->plot.size.height)
              continue;
            labels++;
            graphene_rect_inset (&box, 1, 1);
            for (guint m = 0; m + 1 < n; m++)
              {
                graphene_rect_t a, b;

                atlas_chart_get_mark_bounds (chart, m, &a);
                atlas_chart_get_mark_bounds (chart, m + 1, &b);
                g_assert_false (segment_crosses (a.origin.x + a.size.width / 2, a.origin.y + a.size.height / 2,
                                                 b.origin.x + b.size.width / 2, b.origin.y + b.size.height / 2,
                                                 width, &box));
              }
          }
      }
  g_assert_cmpuint (labels, >, 10);
}

int
main (int   argc,
      char *argv[])
{
  const char *language = NULL;
  int kept = 1;

  /* --language=zh_CN runs the same tests in Chinese. */
  for (int i = 1; i < argc; i++)
    {
      if (g_str_has_prefix (argv[i], "--language="))
        language = argv[i] + strlen ("--language=");
      else
        argv[kept++] = argv[i];
    }
  argc = kept;
  argv[argc] = NULL;

  g_setenv ("LANGUAGE", language ? language : "en", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CQ_ATLAS_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  atlas_l10n_set_chinese (language != NULL && g_str_has_prefix (language, "zh"));
  /* `cq-atlas --render` runs with this folder as its data, not the user's. */
  g_free (atlas_test_make_data_home ("atlas-charts"));

  g_test_init (&argc, &argv, NULL);
  /* Render nodes need GTK's types; no display is needed to draw them. */
  (void) gtk_init_check ();

  g_test_add_func ("/charts/nice-ticks", test_nice_ticks);
  g_test_add_func ("/charts/format", test_format);
  g_test_add_func ("/charts/definitions/bad-files-are-errors", test_bad_definitions);
  g_test_add ("/charts/definitions/all-resolve", Fixture, NULL,
              fixture_set_up, test_definitions_resolve, fixture_tear_down);
  g_test_add ("/charts/definitions/unknown-series-is-an-error", Fixture, NULL,
              fixture_set_up, test_unknown_series_is_an_error, fixture_tear_down);
  g_test_add ("/charts/series/sums-match-stated-totals", Fixture, NULL,
              fixture_set_up, test_sums_match_stated_totals, fixture_tear_down);
  g_test_add ("/charts/series/filters-apply", Fixture, NULL,
              fixture_set_up, test_filters_apply, fixture_tear_down);
  g_test_add ("/charts/series/csv-and-summary", Fixture, NULL,
              fixture_set_up, test_csv_and_summary, fixture_tear_down);
  g_test_add ("/charts/series/targets-are-marked", Fixture, NULL,
              fixture_set_up, test_targets_are_marked, fixture_tear_down);
  g_test_add_func ("/charts/render/not-blank", test_render_not_blank);
  g_test_add_func ("/charts/render/export-sizes", test_export_sizes);
  g_test_add ("/charts/painter/every-column-labelled", Fixture, NULL,
              fixture_set_up, test_every_column_labelled, fixture_tear_down);
  g_test_add ("/charts/painter/every-row-labelled", Fixture, NULL,
              fixture_set_up, test_every_row_labelled, fixture_tear_down);
  g_test_add ("/charts/painter/number-tiles-hold-their-text", Fixture, NULL,
              fixture_set_up, test_number_tiles_hold_their_text, fixture_tear_down);
  g_test_add_func ("/charts/painter/fit-shrinks-before-cutting", test_fit_layout_shrinks_before_cutting);
  g_test_add ("/charts/painter/sort-by-value", Fixture, NULL,
              fixture_set_up, test_sort_by_value, fixture_tear_down);
  g_test_add ("/charts/painter/line-values-clear-of-line", Fixture, NULL,
              fixture_set_up, test_line_values_clear_of_line, fixture_tear_down);

  return g_test_run ();
}
