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
#include <glib/gstdio.h>
#include <locale.h>
#include <libintl.h>

#include "atlas-chart-definition.h"
#include "atlas-chart-series.h"
#include "atlas-dataset.h"
#include "atlas-format.h"
#include "atlas-l10n.h"
#include "atlas-nice-ticks.h"
#include "atlas-session.h"
#include "atlas-state.h"
#include "atlas-store.h"

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

  g_test_init (&argc, &argv, NULL);

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

  return g_test_run ();
}
