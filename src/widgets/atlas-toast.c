/* atlas-toast.c
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

#include "atlas-toast.h"

/**
 * atlas_toast_new_plain:
 * @message: text to show as it is
 *
 * AdwToast parses its title as Pango markup: a message that quotes a file
 * name or a record ("<data>", "R&D") would show empty or cut.  Every toast
 * of the application goes through here, so messages are always plain text.
 *
 * Returns: (transfer full): a new toast
 */
AdwToast *
atlas_toast_new_plain (const char *message)
{
  g_autofree char *escaped = g_markup_escape_text (message ? message : "", -1);

  return adw_toast_new (escaped);
}
