/* atlas-signature.h
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

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ATLAS_SIGNATURE_ERROR (atlas_signature_error_quark ())

/* How a signature or a public key is written: this prefix, then Base64. */
#define ATLAS_SIGNATURE_PREFIX "ed25519:"
/* The detached signature of FILE is FILE + this suffix. */
#define ATLAS_SIGNATURE_SUFFIX ".sig"

typedef enum
{
  ATLAS_SIGNATURE_ERROR_MISSING,
  ATLAS_SIGNATURE_ERROR_MALFORMED,
  ATLAS_SIGNATURE_ERROR_BAD,
  ATLAS_SIGNATURE_ERROR_KEY,
  ATLAS_SIGNATURE_ERROR_FAILED,
} AtlasSignatureError;

GQuark    atlas_signature_error_quark        (void);
gboolean  atlas_signature_verify             (GBytes       *data,
                                              const char   *signature,
                                              GError      **error);
char     *atlas_signature_sign               (GBytes       *data,
                                              GBytes       *private_key,
                                              GError      **error);
char     *atlas_signature_dup_public_key     (GBytes       *private_key,
                                              GError      **error);
GBytes   *atlas_signature_generate_key       (GError      **error);
char     *atlas_signature_read_detached      (const char   *path,
                                              GError      **error);

/* Tests only: trust these public keys instead of the release keys. */
void      _atlas_signature_set_trusted_keys_for_testing (const char * const *keys);

G_END_DECLS
