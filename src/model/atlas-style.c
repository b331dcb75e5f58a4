/* atlas-style.c
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

#include "atlas-style.h"
#include "atlas-vocabulary.h"

/* Colours and marker shapes of site categories and event kinds, shared by the
 * map, the timeline, the charts and the lists, so that one legend reads
 * everywhere.  The hues start from the Okabe–Ito set, which stays apart for
 * the common colour-vision deficiencies; shapes repeat the distinction for
 * those who cannot tell the colours apart and for washed-out projectors.
 * Each colour has a variant for dark style (lighter) and one for high
 * contrast (darker, more saturated).
 */

typedef struct
{
  const char *light;
  const char *dark;
  const char *high_contrast;
} Swatch;

static const Swatch category_colors[ATLAS_N_SITE_CATEGORIES] = {
  [ATLAS_SITE_CATEGORY_RESEARCH_INSTITUTE] = { "#0072b2", "#56a8e0", "#004a80" },
  [ATLAS_SITE_CATEGORY_LABORATORY]         = { "#e69f00", "#f5c04a", "#a86f00" },
  [ATLAS_SITE_CATEGORY_UNIVERSITY]         = { "#009e73", "#3fd1a4", "#006049" },
  [ATLAS_SITE_CATEGORY_HOSPITAL]           = { "#d55e00", "#ff8a3d", "#9a3f00" },
  [ATLAS_SITE_CATEGORY_INDUSTRIAL_PARK]    = { "#7a5195", "#b58ad1", "#4f2d6b" },
  [ATLAS_SITE_CATEGORY_INCUBATOR]          = { "#cc79a7", "#eaa6cb", "#94406f" },
  [ATLAS_SITE_CATEGORY_COMPANY]            = { "#5e5c64", "#b0aeb6", "#241f31" },
  [ATLAS_SITE_CATEGORY_ALLIANCE]           = { "#b5a000", "#f0e442", "#6f6200" },
  [ATLAS_SITE_CATEGORY_PLATFORM]           = { "#3d7dd6", "#8fb8f2", "#1a4a9a" },
  [ATLAS_SITE_CATEGORY_SCIENCE_FACILITY]   = { "#a51d2d", "#f06070", "#6b0a16" },
  [ATLAS_SITE_CATEGORY_EXHIBITION_VENUE]   = { "#865e3c", "#cda274", "#553619" },
};

static const AtlasMarkerShape category_shapes[ATLAS_N_SITE_CATEGORIES] = {
  [ATLAS_SITE_CATEGORY_RESEARCH_INSTITUTE] = ATLAS_MARKER_SHAPE_CIRCLE,
  [ATLAS_SITE_CATEGORY_LABORATORY]         = ATLAS_MARKER_SHAPE_DIAMOND,
  [ATLAS_SITE_CATEGORY_UNIVERSITY]         = ATLAS_MARKER_SHAPE_SQUARE,
  [ATLAS_SITE_CATEGORY_HOSPITAL]           = ATLAS_MARKER_SHAPE_CROSS,
  [ATLAS_SITE_CATEGORY_INDUSTRIAL_PARK]    = ATLAS_MARKER_SHAPE_HEXAGON,
  [ATLAS_SITE_CATEGORY_INCUBATOR]          = ATLAS_MARKER_SHAPE_TRIANGLE,
  [ATLAS_SITE_CATEGORY_COMPANY]            = ATLAS_MARKER_SHAPE_SQUARE,
  [ATLAS_SITE_CATEGORY_ALLIANCE]           = ATLAS_MARKER_SHAPE_STAR,
  [ATLAS_SITE_CATEGORY_PLATFORM]           = ATLAS_MARKER_SHAPE_TRIANGLE_DOWN,
  [ATLAS_SITE_CATEGORY_SCIENCE_FACILITY]   = ATLAS_MARKER_SHAPE_PENTAGON,
  [ATLAS_SITE_CATEGORY_EXHIBITION_VENUE]   = ATLAS_MARKER_SHAPE_DIAMOND,
};

static const Swatch event_kind_colors[ATLAS_N_EVENT_KINDS] = {
  [ATLAS_EVENT_KIND_AGREEMENT]  = { "#0072b2", "#56a8e0", "#004a80" },
  [ATLAS_EVENT_KIND_SIGNING]    = { "#e69f00", "#f5c04a", "#a86f00" },
  [ATLAS_EVENT_KIND_FOUNDING]   = { "#009e73", "#3fd1a4", "#006049" },
  [ATLAS_EVENT_KIND_CONFERENCE] = { "#cc79a7", "#eaa6cb", "#94406f" },
  [ATLAS_EVENT_KIND_MILESTONE]  = { "#d55e00", "#ff8a3d", "#9a3f00" },
};

/* Sequential, light to dark (ColorBrewer YlGnBu, 7 classes): ordered in
 * lightness so that it also reads in grey and on a washed-out projector.
 */
static const char *sequential_light[] = {
  "#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84",
};
/* The same hues for dark style, dark to light, so that "more" stands out. */
static const char *sequential_dark[] = {
  "#1b2a4a", "#1d3f73", "#1f5f99", "#2a86b8", "#45b0c8", "#8fd4c1", "#e2f3b8",
};

/* For projectors (high contrast): bigger steps in lightness, so that the
 * classes stay apart when the picture is washed out.
 */
static const char *sequential_high_contrast[] = {
  "#ffffd9", "#c7e9b4", "#41b6c4", "#1d91c0", "#225ea8", "#253494", "#081d58",
};

static void
pick (const Swatch      *swatch,
      AtlasStyleVariant  variant,
      GdkRGBA           *color)
{
  const char *spec = variant == ATLAS_STYLE_DARK ? swatch->dark
                   : variant == ATLAS_STYLE_HIGH_CONTRAST ? swatch->high_contrast
                   : swatch->light;

  if (!gdk_rgba_parse (color, spec))
    g_assert_not_reached ();
}

void
atlas_style_get_category_color (AtlasSiteCategory  category,
                                AtlasStyleVariant  variant,
                                GdkRGBA           *color)
{
  g_return_if_fail (category < ATLAS_N_SITE_CATEGORIES);
  g_return_if_fail (color != NULL);

  pick (&category_colors[category], variant, color);
}

AtlasMarkerShape
atlas_style_get_category_shape (AtlasSiteCategory category)
{
  g_return_val_if_fail (category < ATLAS_N_SITE_CATEGORIES, ATLAS_MARKER_SHAPE_CIRCLE);

  return category_shapes[category];
}

void
atlas_style_get_event_kind_color (AtlasEventKind     kind,
                                  AtlasStyleVariant  variant,
                                  GdkRGBA           *color)
{
  g_return_if_fail (kind < ATLAS_N_EVENT_KINDS);
  g_return_if_fail (color != NULL);

  pick (&event_kind_colors[kind], variant, color);
}

/* Class @step (0-based) of @n_steps classes of a sequential scale. */
void
atlas_style_get_sequential_color (guint              step,
                                  guint              n_steps,
                                  AtlasStyleVariant  variant,
                                  GdkRGBA           *color)
{
  const char **ramp = variant == ATLAS_STYLE_DARK ? sequential_dark
                    : variant == ATLAS_STYLE_HIGH_CONTRAST ? sequential_high_contrast
                    : sequential_light;
  guint n = G_N_ELEMENTS (sequential_light);
  guint index;

  g_return_if_fail (color != NULL);
  g_return_if_fail (n_steps > 0 && step < n_steps);

  /* Spread the classes over the ramp, keeping its ends. */
  index = n_steps == 1 ? n - 1 : step * (n - 1) / (n_steps - 1);
  if (!gdk_rgba_parse (color, ramp[index]))
    g_assert_not_reached ();
}

/* Named zones of several districts (the Science City, Liangjiang New
 * Area): one colour for their hatching, outline and badge, apart from the
 * categories' hues, the rivers' blue and the choropleth's ramp; and the
 * text drawn on a badge of that colour (at least 4.5:1 against it).
 */
static const Swatch area_color = { "#00707a", "#6fd6e0", "#004a52" };
static const Swatch area_text = { "#ffffff", "#1e1e1e", "#ffffff" };

void
atlas_style_get_area_color (AtlasStyleVariant  variant,
                            GdkRGBA           *color,
                            GdkRGBA           *text)
{
  g_return_if_fail (color != NULL);

  pick (&area_color, variant, color);
  if (text != NULL)
    pick (&area_text, variant, text);
}

/* CSS classes .category-<key> and .event-kind-<key> with the colours above,
 * for widgets (legend swatches, list dots) that are styled with CSS.
 */
char *
atlas_style_dup_css (void)
{
  GString *css = g_string_new (NULL);

  for (guint i = 0; i < ATLAS_N_SITE_CATEGORIES; i++)
    {
      const char *key = atlas_site_category_to_string (i);

      g_string_append_printf (css, ".swatch.category-%s { background-color: %s; }\n",
                              key, category_colors[i].light);
      g_string_append_printf (css, "window.dark .swatch.category-%s,"
                                   " .dark .swatch.category-%s { background-color: %s; }\n",
                              key, key, category_colors[i].dark);
    }
  for (guint i = 0; i < ATLAS_N_EVENT_KINDS; i++)
    {
      const char *key = atlas_event_kind_to_string (i);

      g_string_append_printf (css, ".swatch.event-kind-%s { background-color: %s; }\n",
                              key, event_kind_colors[i].light);
      g_string_append_printf (css, "window.dark .swatch.event-kind-%s,"
                                   " .dark .swatch.event-kind-%s { background-color: %s; }\n",
                              key, key, event_kind_colors[i].dark);
    }

  return g_string_free (css, FALSE);
}
