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

#include <math.h>

#include "atlas-style.h"
#include "atlas-vocabulary.h"

/* Every colour the app draws with lives here, one table per style, so that
 * the map, the timeline, the charts, the lists and the presentation stage
 * agree, and so that one test can check every text colour against what it
 * is drawn on.  Painters look their palette up when the style changes (the
 * views follow AdwStyleManager), never per frame.
 *
 * The surfaces and text follow libadwaita's named colours; high contrast
 * and projector styles darken (or, on dark, lighten) text and lines and
 * make neighbouring surfaces differ more, because a projector in a lit room
 * washes out everything that is not far apart in lightness.
 */

#define RGB(hex)       { ((hex) >> 16 & 0xff) / 255.f, ((hex) >> 8 & 0xff) / 255.f, ((hex) & 0xff) / 255.f, 1.f }
#define RGBA(hex, a)   { ((hex) >> 16 & 0xff) / 255.f, ((hex) >> 8 & 0xff) / 255.f, ((hex) & 0xff) / 255.f, (a) }

/* The translucent tint of a brushed range, over view or shade. */
#define TINT 0.14f

static const AtlasPalette palettes[ATLAS_N_STYLES] = {
  [ATLAS_STYLE_LIGHT] = {
    .window = RGB (0xfafafa), .view = RGB (0xffffff), .card = RGB (0xffffff),
    .shade = RGB (0xf3f3f3), .accent_tint = RGBA (0x1c71d8, TINT),
    .text = RGB (0x1e1e1e), .text_dim = RGB (0x5e5c64), .accent_text = RGB (0x1a5fb4),
    .today = RGB (0xc01c28), .badge = RGB (0xc64600), .badge_text = RGB (0xffffff),
    .grid = RGB (0xdeddda), .axis = RGB (0x77767b), .accent = RGB (0x1c71d8),
    .map_outside = RGB (0xdeddda), .map_land = RGB (0xffffff), .map_border = RGB (0x9a9996),
    .map_river = RGB (0x62a0ea), .map_river_text = RGB (0x1a5fb4), .map_halo = RGB (0xffffff),
    .map_cluster = RGB (0x3d3846), .map_cluster_text = RGB (0xffffff),
    .map_marker_outline = RGB (0xffffff),
    .caption = RGB (0x241f31), .caption_text = RGB (0xffffff), .caption_title = RGB (0xf8e45c),
    .caption_counter = RGB (0xdeddda), .progress_track = RGBA (0x77767b, 0.35f), .progress = RGB (0x3584e4),
    .series = { RGB (0x1c71d8), RGB (0xe66100), RGB (0x26a269), RGB (0x9141ac),
                RGB (0xc01c28), RGB (0x986a44), RGB (0x0e7c86), RGB (0xa0850a) },
    /* ColorBrewer YlGnBu: ordered in lightness, so it reads in grey too. */
    .sequential = { RGB (0xffffcc), RGB (0xc7e9b4), RGB (0x7fcdbb), RGB (0x41b6c4),
                    RGB (0x1d91c0), RGB (0x225ea8), RGB (0x0c2c84) },
  },
  [ATLAS_STYLE_DARK] = {
    .window = RGB (0x242424), .view = RGB (0x1e1e1e), .card = RGB (0x383838),
    .shade = RGB (0x2a2a2a), .accent_tint = RGBA (0x78aeed, TINT),
    .text = RGB (0xffffff), .text_dim = RGB (0xc0bfbc), .accent_text = RGB (0x99c1f1),
    .today = RGB (0xff7b63), .badge = RGB (0xffa348), .badge_text = RGB (0x000000),
    .grid = RGB (0x3d3d3d), .axis = RGB (0x9a9996), .accent = RGB (0x78aeed),
    /* Darker around Chongqing than on its land, so the city stands out. */
    .map_outside = RGB (0x121212), .map_land = RGB (0x3a3a3a), .map_border = RGB (0x77767b),
    .map_river = RGB (0x3584e4), .map_river_text = RGB (0x99c1f1), .map_halo = RGB (0x1e1e1e),
    .map_cluster = RGB (0xdeddda), .map_cluster_text = RGB (0x241f31),
    .map_marker_outline = RGB (0x1e1e1e),
    /* A shade lighter than the dark stage, so the panel stands out. */
    .caption = RGB (0x3d3846), .caption_text = RGB (0xffffff), .caption_title = RGB (0xf8e45c),
    .caption_counter = RGB (0xdeddda), .progress_track = RGBA (0x77767b, 0.5f), .progress = RGB (0x62a0ea),
    .series = { RGB (0x62a0ea), RGB (0xffa348), RGB (0x57e389), RGB (0xdc8add),
                RGB (0xf66151), RGB (0xcdab8f), RGB (0x5fd0da), RGB (0xf8e45c) },
    /* The same hues dark to light, so that "more" stands out on dark. */
    .sequential = { RGB (0x1b2a4a), RGB (0x1d3f73), RGB (0x1f5f99), RGB (0x2a86b8),
                    RGB (0x45b0c8), RGB (0x8fd4c1), RGB (0xe2f3b8) },
  },
  [ATLAS_STYLE_HIGH_CONTRAST] = {
    .window = RGB (0xffffff), .view = RGB (0xffffff), .card = RGB (0xffffff),
    .shade = RGB (0xebebeb), .accent_tint = RGBA (0x1a5fb4, TINT),
    .text = RGB (0x000000), .text_dim = RGB (0x3d3846), .accent_text = RGB (0x0d3f80),
    .today = RGB (0xa51d2d), .badge = RGB (0x9a3f00), .badge_text = RGB (0xffffff),
    .grid = RGB (0x9a9996), .axis = RGB (0x000000), .accent = RGB (0x1a5fb4),
    .map_outside = RGB (0xc0bfbc), .map_land = RGB (0xffffff), .map_border = RGB (0x000000),
    .map_river = RGB (0x1c71d8), .map_river_text = RGB (0x0d3f80), .map_halo = RGB (0xffffff),
    .map_cluster = RGB (0x000000), .map_cluster_text = RGB (0xffffff),
    .map_marker_outline = RGB (0xffffff),
    .caption = RGB (0x241f31), .caption_text = RGB (0xffffff), .caption_title = RGB (0xf8e45c),
    .caption_counter = RGB (0xdeddda), .progress_track = RGBA (0x77767b, 0.35f), .progress = RGB (0x3584e4),
    .series = { RGB (0x0041a8), RGB (0xb34700), RGB (0x006b2e), RGB (0x6a1b8a),
                RGB (0xa00000), RGB (0x5a3a1a), RGB (0x005c63), RGB (0x6f5c00) },
    /* Bigger steps in lightness, so classes stay apart when washed out. */
    .sequential = { RGB (0xffffd9), RGB (0xc7e9b4), RGB (0x41b6c4), RGB (0x1d91c0),
                    RGB (0x225ea8), RGB (0x253494), RGB (0x081d58) },
  },
  [ATLAS_STYLE_HIGH_CONTRAST_DARK] = {
    .window = RGB (0x000000), .view = RGB (0x000000), .card = RGB (0x1e1e1e),
    .shade = RGB (0x1c1c1c), .accent_tint = RGBA (0x99c1f1, TINT),
    .text = RGB (0xffffff), .text_dim = RGB (0xdeddda), .accent_text = RGB (0x99c1f1),
    .today = RGB (0xff7b63), .badge = RGB (0xffa348), .badge_text = RGB (0x000000),
    .grid = RGB (0x5e5c64), .axis = RGB (0xffffff), .accent = RGB (0x99c1f1),
    .map_outside = RGB (0x303030), .map_land = RGB (0x000000), .map_border = RGB (0xc0bfbc),
    .map_river = RGB (0x62a0ea), .map_river_text = RGB (0x99c1f1), .map_halo = RGB (0x000000),
    .map_cluster = RGB (0xffffff), .map_cluster_text = RGB (0x000000),
    .map_marker_outline = RGB (0x000000),
    /* A shade lighter than the dark stage, so the panel stands out. */
    .caption = RGB (0x3d3846), .caption_text = RGB (0xffffff), .caption_title = RGB (0xf8e45c),
    .caption_counter = RGB (0xdeddda), .progress_track = RGBA (0x77767b, 0.5f), .progress = RGB (0x62a0ea),
    .series = { RGB (0x62a0ea), RGB (0xffa348), RGB (0x57e389), RGB (0xdc8add),
                RGB (0xf66151), RGB (0xcdab8f), RGB (0x5fd0da), RGB (0xf8e45c) },
    .sequential = { RGB (0x1b2a4a), RGB (0x1f4f8f), RGB (0x2a7fc0), RGB (0x45b0c8),
                    RGB (0x7fd3bf), RGB (0xc2ecb4), RGB (0xffffd9) },
  },
  /* Presenting: the high-contrast colours with lanes and tiles set further
   * apart, on the stage's light or dark background.
   */
  [ATLAS_STYLE_PROJECTOR] = {
    .window = RGB (0xffffff), .view = RGB (0xffffff), .card = RGB (0xffffff),
    .shade = RGB (0xe8e8e8), .accent_tint = RGBA (0x1a5fb4, TINT),
    .text = RGB (0x000000), .text_dim = RGB (0x241f31), .accent_text = RGB (0x0d3f80),
    .today = RGB (0xa51d2d), .badge = RGB (0x9a3f00), .badge_text = RGB (0xffffff),
    .grid = RGB (0xc0bfbc), .axis = RGB (0x000000), .accent = RGB (0x1a5fb4),
    .map_outside = RGB (0xc0bfbc), .map_land = RGB (0xffffff), .map_border = RGB (0x000000),
    .map_river = RGB (0x1c71d8), .map_river_text = RGB (0x0d3f80), .map_halo = RGB (0xffffff),
    .map_cluster = RGB (0x000000), .map_cluster_text = RGB (0xffffff),
    .map_marker_outline = RGB (0xffffff),
    .caption = RGB (0x241f31), .caption_text = RGB (0xffffff), .caption_title = RGB (0xf8e45c),
    .caption_counter = RGB (0xdeddda), .progress_track = RGBA (0x77767b, 0.35f), .progress = RGB (0x3584e4),
    .series = { RGB (0x0041a8), RGB (0xb34700), RGB (0x006b2e), RGB (0x6a1b8a),
                RGB (0xa00000), RGB (0x5a3a1a), RGB (0x005c63), RGB (0x6f5c00) },
    .sequential = { RGB (0xffffd9), RGB (0xc7e9b4), RGB (0x41b6c4), RGB (0x1d91c0),
                    RGB (0x225ea8), RGB (0x253494), RGB (0x081d58) },
  },
  [ATLAS_STYLE_PROJECTOR_DARK] = {
    .window = RGB (0x000000), .view = RGB (0x000000), .card = RGB (0x1e1e1e),
    .shade = RGB (0x1f1f1f), .accent_tint = RGBA (0x99c1f1, TINT),
    .text = RGB (0xffffff), .text_dim = RGB (0xdeddda), .accent_text = RGB (0x99c1f1),
    .today = RGB (0xff7b63), .badge = RGB (0xffa348), .badge_text = RGB (0x000000),
    .grid = RGB (0x5e5c64), .axis = RGB (0xffffff), .accent = RGB (0x99c1f1),
    .map_outside = RGB (0x303030), .map_land = RGB (0x000000), .map_border = RGB (0xc0bfbc),
    .map_river = RGB (0x62a0ea), .map_river_text = RGB (0x99c1f1), .map_halo = RGB (0x000000),
    .map_cluster = RGB (0xffffff), .map_cluster_text = RGB (0x000000),
    .map_marker_outline = RGB (0x000000),
    /* A shade lighter than the dark stage, so the panel stands out. */
    .caption = RGB (0x3d3846), .caption_text = RGB (0xffffff), .caption_title = RGB (0xf8e45c),
    .caption_counter = RGB (0xdeddda), .progress_track = RGBA (0x77767b, 0.5f), .progress = RGB (0x62a0ea),
    .series = { RGB (0x62a0ea), RGB (0xffa348), RGB (0x57e389), RGB (0xdc8add),
                RGB (0xf66151), RGB (0xcdab8f), RGB (0x5fd0da), RGB (0xf8e45c) },
    .sequential = { RGB (0x1b2a4a), RGB (0x1f4f8f), RGB (0x2a7fc0), RGB (0x45b0c8),
                    RGB (0x7fd3bf), RGB (0xc2ecb4), RGB (0xffffd9) },
  },
};

/* Colours and marker shapes of site categories and event kinds, shared by
 * the map, the timeline, the charts and the lists, so that one legend reads
 * everywhere.  The hues start from the Okabe–Ito set, which stays apart for
 * the common colour-vision deficiencies; shapes repeat the distinction for
 * those who cannot tell the colours apart and for washed-out projectors.
 * Columns: light, dark (lighter), high contrast and projector (darker, more
 * saturated), high contrast on dark.  Every one stands 3:1 from the land,
 * the canvas and the lane shading of its style (WCAG 1.4.11), which is why
 * the light orange, yellow and pink are a little darker than Okabe–Ito's.
 */
typedef struct
{
  GdkRGBA light;
  GdkRGBA dark;
  GdkRGBA high_contrast;
  GdkRGBA high_contrast_dark;
} Swatch;

static const Swatch category_colors[ATLAS_N_SITE_CATEGORIES] = {
  [ATLAS_SITE_CATEGORY_RESEARCH_INSTITUTE] = { RGB (0x0072b2), RGB (0x56a8e0), RGB (0x004a80), RGB (0x6fb8ec) },
  [ATLAS_SITE_CATEGORY_LABORATORY]         = { RGB (0xb87800), RGB (0xf5c04a), RGB (0xa86f00), RGB (0xf5c04a) },
  [ATLAS_SITE_CATEGORY_UNIVERSITY]         = { RGB (0x009e73), RGB (0x3fd1a4), RGB (0x006049), RGB (0x3fd1a4) },
  [ATLAS_SITE_CATEGORY_HOSPITAL]           = { RGB (0xd55e00), RGB (0xff8a3d), RGB (0x9a3f00), RGB (0xff8a3d) },
  [ATLAS_SITE_CATEGORY_INDUSTRIAL_PARK]    = { RGB (0x7a5195), RGB (0xb58ad1), RGB (0x4f2d6b), RGB (0xc9a3e3) },
  [ATLAS_SITE_CATEGORY_INCUBATOR]          = { RGB (0xc06a9b), RGB (0xeaa6cb), RGB (0x94406f), RGB (0xeaa6cb) },
  [ATLAS_SITE_CATEGORY_COMPANY]            = { RGB (0x5e5c64), RGB (0xb0aeb6), RGB (0x241f31), RGB (0xc0bfbc) },
  [ATLAS_SITE_CATEGORY_ALLIANCE]           = { RGB (0x958400), RGB (0xf0e442), RGB (0x6f6200), RGB (0xf0e442) },
  [ATLAS_SITE_CATEGORY_PLATFORM]           = { RGB (0x3d7dd6), RGB (0x8fb8f2), RGB (0x1a4a9a), RGB (0x8fb8f2) },
  [ATLAS_SITE_CATEGORY_SCIENCE_FACILITY]   = { RGB (0xa51d2d), RGB (0xf06070), RGB (0x6b0a16), RGB (0xf47a88) },
  [ATLAS_SITE_CATEGORY_EXHIBITION_VENUE]   = { RGB (0x865e3c), RGB (0xcda274), RGB (0x553619), RGB (0xcda274) },
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
  [ATLAS_EVENT_KIND_AGREEMENT]  = { RGB (0x0072b2), RGB (0x56a8e0), RGB (0x004a80), RGB (0x6fb8ec) },
  [ATLAS_EVENT_KIND_SIGNING]    = { RGB (0xb87800), RGB (0xf5c04a), RGB (0xa86f00), RGB (0xf5c04a) },
  [ATLAS_EVENT_KIND_FOUNDING]   = { RGB (0x009e73), RGB (0x3fd1a4), RGB (0x006049), RGB (0x3fd1a4) },
  [ATLAS_EVENT_KIND_CONFERENCE] = { RGB (0xc06a9b), RGB (0xeaa6cb), RGB (0x94406f), RGB (0xeaa6cb) },
  [ATLAS_EVENT_KIND_MILESTONE]  = { RGB (0xd55e00), RGB (0xff8a3d), RGB (0x9a3f00), RGB (0xff8a3d) },
};

/* The one policy every view follows: presenting picks a projector style,
 * on a dark stage when the user's style is dark; otherwise the system's
 * high contrast setting, then light or dark.
 */
AtlasStyleVariant
atlas_style_variant_for (gboolean dark,
                         gboolean high_contrast,
                         gboolean presenting)
{
  if (presenting)
    return dark ? ATLAS_STYLE_PROJECTOR_DARK : ATLAS_STYLE_PROJECTOR;
  if (high_contrast)
    return dark ? ATLAS_STYLE_HIGH_CONTRAST_DARK : ATLAS_STYLE_HIGH_CONTRAST;
  return dark ? ATLAS_STYLE_DARK : ATLAS_STYLE_LIGHT;
}

gboolean
atlas_style_variant_is_dark (AtlasStyleVariant variant)
{
  return variant == ATLAS_STYLE_DARK || variant == ATLAS_STYLE_HIGH_CONTRAST_DARK ||
         variant == ATLAS_STYLE_PROJECTOR_DARK;
}

gboolean
atlas_style_variant_is_projector (AtlasStyleVariant variant)
{
  return variant == ATLAS_STYLE_PROJECTOR || variant == ATLAS_STYLE_PROJECTOR_DARK;
}

/* High contrast and projector styles: stronger lines and borders. */
gboolean
atlas_style_variant_is_high_contrast (AtlasStyleVariant variant)
{
  return variant == ATLAS_STYLE_HIGH_CONTRAST || variant == ATLAS_STYLE_HIGH_CONTRAST_DARK ||
         atlas_style_variant_is_projector (variant);
}

const char *
atlas_style_variant_to_string (AtlasStyleVariant variant)
{
  static const char *names[ATLAS_N_STYLES] = {
    "light", "dark", "high-contrast", "high-contrast-dark", "projector", "projector-dark",
  };

  g_return_val_if_fail (variant < ATLAS_N_STYLES, NULL);
  return names[variant];
}

/**
 * atlas_style_get_palette:
 *
 * Returns: (transfer none): the colours of @variant, valid for ever
 */
const AtlasPalette *
atlas_style_get_palette (AtlasStyleVariant variant)
{
  g_return_val_if_fail (variant < ATLAS_N_STYLES, &palettes[ATLAS_STYLE_LIGHT]);
  return &palettes[variant];
}

static const GdkRGBA *
pick (const Swatch      *swatch,
      AtlasStyleVariant  variant)
{
  switch (variant)
    {
    case ATLAS_STYLE_DARK:
      return &swatch->dark;
    case ATLAS_STYLE_HIGH_CONTRAST:
    case ATLAS_STYLE_PROJECTOR:
      return &swatch->high_contrast;
    case ATLAS_STYLE_HIGH_CONTRAST_DARK:
    case ATLAS_STYLE_PROJECTOR_DARK:
      return &swatch->high_contrast_dark;
    case ATLAS_STYLE_LIGHT:
    case ATLAS_N_STYLES:
    default:
      return &swatch->light;
    }
}

void
atlas_style_get_category_color (AtlasSiteCategory  category,
                                AtlasStyleVariant  variant,
                                GdkRGBA           *color)
{
  g_return_if_fail (category < ATLAS_N_SITE_CATEGORIES);
  g_return_if_fail (color != NULL);

  *color = *pick (&category_colors[category], variant);
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

  *color = *pick (&event_kind_colors[kind], variant);
}

/* Class @step (0-based) of @n_steps classes of a sequential scale. */
void
atlas_style_get_sequential_color (guint              step,
                                  guint              n_steps,
                                  AtlasStyleVariant  variant,
                                  GdkRGBA           *color)
{
  const AtlasPalette *palette = atlas_style_get_palette (variant);
  guint n = ATLAS_N_SEQUENTIAL_COLORS;
  guint index;

  g_return_if_fail (color != NULL);
  g_return_if_fail (n_steps > 0 && step < n_steps);

  /* Spread the classes over the ramp, keeping its ends. */
  index = n_steps == 1 ? n - 1 : step * (n - 1) / (n_steps - 1);
  *color = palette->sequential[index];
}

static double
channel_luminance (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
relative_luminance (const GdkRGBA *color)
{
  return 0.2126 * channel_luminance (color->red) +
         0.7152 * channel_luminance (color->green) +
         0.0722 * channel_luminance (color->blue);
}

/* @over drawn on the opaque @under, as one opaque colour. */
void
atlas_style_composite (const GdkRGBA *over,
                       const GdkRGBA *under,
                       GdkRGBA       *result)
{
  float a = over->alpha;

  result->red = over->red * a + under->red * (1 - a);
  result->green = over->green * a + under->green * (1 - a);
  result->blue = over->blue * a + under->blue * (1 - a);
  result->alpha = 1;
}

/* The WCAG 2 contrast ratio (1 to 21) of @foreground drawn on the opaque
 * @background; a translucent foreground is composited first.
 */
double
atlas_style_contrast_ratio (const GdkRGBA *foreground,
                            const GdkRGBA *background)
{
  GdkRGBA fg;
  double a, b;

  g_return_val_if_fail (foreground != NULL && background != NULL, 1);

  atlas_style_composite (foreground, background, &fg);
  a = relative_luminance (&fg);
  b = relative_luminance (background);
  return (MAX (a, b) + 0.05) / (MIN (a, b) + 0.05);
}

/* Named zones of several districts (the Science City, Liangjiang New
 * Area): one colour for their hatching, outline and badge, apart from the
 * categories' hues, the rivers' blue and the choropleth's ramp; and the
 * text drawn on a badge of that colour (at least 4.5:1 against it).
 */
static const Swatch area_color = { RGB (0x00707a), RGB (0x6fd6e0), RGB (0x004a52), RGB (0x6fd6e0) };
static const Swatch area_text = { RGB (0xffffff), RGB (0x1e1e1e), RGB (0xffffff), RGB (0x1e1e1e) };

void
atlas_style_get_area_color (AtlasStyleVariant  variant,
                            GdkRGBA           *color,
                            GdkRGBA           *text)
{
  g_return_if_fail (color != NULL);

  *color = *pick (&area_color, variant);
  if (text != NULL)
    *text = *pick (&area_text, variant);
}

static void
append_rule (GString       *css,
             const char    *selector,
             const char    *property,
             const GdkRGBA *color)
{
  g_autofree char *value = gdk_rgba_to_string (color);

  g_string_append_printf (css, "%s { %s: %s; }\n", selector, property, value);
}

/* The swatches of one style under @scope ("" for the default). */
static void
append_swatches (GString           *css,
                 const char        *scope,
                 AtlasStyleVariant  variant)
{
  for (guint i = 0; i < ATLAS_N_SITE_CATEGORIES; i++)
    {
      g_autofree char *selector = g_strdup_printf ("%s.swatch.category-%s", scope,
                                                   atlas_site_category_to_string (i));

      append_rule (css, selector, "background-color", pick (&category_colors[i], variant));
    }
  for (guint i = 0; i < ATLAS_N_EVENT_KINDS; i++)
    {
      g_autofree char *selector = g_strdup_printf ("%s.swatch.event-kind-%s", scope,
                                                   atlas_event_kind_to_string (i));

      append_rule (css, selector, "background-color", pick (&event_kind_colors[i], variant));
    }
}

/* The stage while presenting (an AtlasStage window, .dark on a dark
 * stage): the projector palette's view and text, and the caption panel,
 * counter and progress bar over it.
 */
static void
append_stage (GString           *css,
              const char        *window,
              AtlasStyleVariant  variant)
{
  const AtlasPalette *p = atlas_style_get_palette (variant);
  g_autofree char *stage = g_strdup_printf ("%s, %s columnview, %s columnview row", window, window, window);
  g_autofree char *panel = g_strdup_printf ("%s presenthud .present-caption, %s presenthud .present-message",
                                            window, window);
  g_autofree char *title = g_strdup_printf ("%s presenthud .present-title", window);
  g_autofree char *counter = g_strdup_printf ("%s presenthud .present-counter", window);
  g_autofree char *track = g_strdup_printf ("%s presenthud progressbar.present-progress > trough", window);
  g_autofree char *bar = g_strdup_printf ("%s presenthud progressbar.present-progress > trough > progress", window);

  append_rule (css, stage, "background-color", &p->view);
  append_rule (css, stage, "color", &p->text);
  append_rule (css, panel, "background-color", &p->caption);
  append_rule (css, panel, "color", &p->caption_text);
  append_rule (css, title, "color", &p->caption_title);
  append_rule (css, counter, "color", &p->caption_counter);
  append_rule (css, track, "background-color", &p->progress_track);
  append_rule (css, bar, "background-color", &p->progress);
}

/* CSS for what widgets draw with these colours: .swatch.category-<key> and
 * .swatch.event-kind-<key> (legends, list dots) for each style the window
 * can be in (its .dark and .high-contrast classes, an AtlasStage's .atlas-stage), and the
 * presentation stage.
 */
char *
atlas_style_dup_css (void)
{
  GString *css = g_string_new (NULL);

  append_swatches (css, "", ATLAS_STYLE_LIGHT);
  append_swatches (css, "window.dark ", ATLAS_STYLE_DARK);
  append_swatches (css, "window.high-contrast ", ATLAS_STYLE_HIGH_CONTRAST);
  append_swatches (css, "window.dark.high-contrast ", ATLAS_STYLE_HIGH_CONTRAST_DARK);
  append_swatches (css, "window.atlas-stage ", ATLAS_STYLE_PROJECTOR);
  append_swatches (css, "window.atlas-stage.dark ", ATLAS_STYLE_PROJECTOR_DARK);
  append_stage (css, "window.atlas-stage", ATLAS_STYLE_PROJECTOR);
  append_stage (css, "window.atlas-stage.dark", ATLAS_STYLE_PROJECTOR_DARK);

  return g_string_free (css, FALSE);
}
