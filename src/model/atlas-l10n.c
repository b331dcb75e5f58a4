/* atlas-l10n.c
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

#include "atlas-l10n.h"

/* The data carries its texts in Chinese and English.  Which one the app shows
 * follows the language of its translation: Chinese when the user's first
 * language is Chinese (LANGUAGE=zh_CN, LANG=zh_CN.UTF-8 ...), English
 * otherwise.
 */

static int chinese = -1;

void
atlas_l10n_init (void)
{
  const char * const *names = g_get_language_names ();

  chinese = FALSE;
  for (guint i = 0; names[i] != NULL; i++)
    {
      /* The first real language decides; "C" means untranslated English. */
      if (g_str_equal (names[i], "C") || g_str_equal (names[i], "POSIX"))
        break;
      chinese = g_str_has_prefix (names[i], "zh");
      break;
    }
}

gboolean
atlas_l10n_is_chinese (void)
{
  if (chinese < 0)
    atlas_l10n_init ();
  return chinese;
}

void
atlas_l10n_set_chinese (gboolean value)
{
  chinese = !!value;
}

/* Picks the text for the interface language, falling back to the other. */
const char *
atlas_l10n_pick (const char *zh,
                 const char *en)
{
  if (atlas_l10n_is_chinese ())
    return zh && *zh ? zh : en;
  return en && *en ? en : zh;
}
