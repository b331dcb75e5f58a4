/* atlas-signature.c
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

#define G_LOG_DOMAIN "atlas-store"

#include "config.h"

#include <glib/gi18n.h>
#include <nettle/eddsa.h>
#include <errno.h>
#include <string.h>
#include <sys/random.h>

#include "atlas-signature.h"
#include "atlas-store-private.h"

/* Release signatures.  A dataset release is signed with Ed25519 by the
 * maintainers' private key (kept offline, see HACKING.md); the program
 * carries the public key(s) in its resources (data/release-keys.txt).  A
 * signature is "ed25519:" and the Base64 of the 64 signature bytes; it
 * covers the package file's bytes exactly, and travels beside the file
 * ("FILE.sig") or in the update manifest ("signature").
 *
 * Nettle does the cryptography (ed25519_sha512_verify and friends).  It is
 * the library GnuTLS itself is built on, so the GNOME runtime and Debian
 * already ship it; linking it alone instead of GnuTLS keeps GnuTLS's
 * constructor and p11-kit out of every start (about 2 MiB and 2 ms, for a
 * check that runs only when an update is installed).
 */

/* nettle/eddsa.h names the sizes: 32-byte keys, 64-byte signatures. */
G_STATIC_ASSERT (ED25519_KEY_SIZE == 32);
G_STATIC_ASSERT (ED25519_SIGNATURE_SIZE == 64);

G_DEFINE_QUARK (atlas-signature-error-quark, atlas_signature_error)

static GMutex testing_lock;
static GStrv testing_keys;

void
_atlas_signature_set_trusted_keys_for_testing (const char * const *keys)
{
  g_mutex_lock (&testing_lock);
  g_clear_pointer (&testing_keys, g_strfreev);
  testing_keys = g_strdupv ((char **) keys);
  g_mutex_unlock (&testing_lock);
}

/* "ed25519:BASE64" -> the bytes, when there are exactly @size of them. */
static guint8 *
decode (const char *text,
        gsize       size)
{
  g_autofree char *trimmed = NULL;
  g_autofree guint8 *bytes = NULL;
  gsize length = 0;

  if (text == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (text));
  if (!g_str_has_prefix (trimmed, ATLAS_SIGNATURE_PREFIX))
    return NULL;
  /* Base64 of @size bytes is at most this long: refuse before decoding. */
  if (strlen (trimmed) > strlen (ATLAS_SIGNATURE_PREFIX) + (size + 2) / 3 * 4)
    return NULL;
  for (const char *p = trimmed + strlen (ATLAS_SIGNATURE_PREFIX); *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '+' && *p != '/' && *p != '=')
      return NULL;
  bytes = g_base64_decode (trimmed + strlen (ATLAS_SIGNATURE_PREFIX), &length);
  if (length != size)
    return NULL;
  return g_steal_pointer (&bytes);
}

static char *
encode (const guint8 *bytes,
        gsize         size)
{
  g_autofree char *base64 = g_base64_encode (bytes, size);

  return g_strconcat (ATLAS_SIGNATURE_PREFIX, base64, NULL);
}

/* The trusted public keys: one per line of the resource, # for comments. */
static GStrv
dup_trusted_keys (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;

  g_mutex_lock (&testing_lock);
  if (testing_keys != NULL)
    {
      GStrv keys = g_strdupv (testing_keys);

      g_mutex_unlock (&testing_lock);
      return keys;
    }
  g_mutex_unlock (&testing_lock);

  bytes = _atlas_store_lookup_resource ("release-keys.txt", error);
  if (bytes == NULL)
    return NULL;
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  lines = g_strsplit (text, "\n", -1);
  builder = g_strv_builder_new ();
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0' && lines[i][0] != '#')
        g_strv_builder_add (builder, lines[i]);
    }
  return g_strv_builder_end (builder);
}

static gboolean
verify_with_key (const char   *key_text,
                 GBytes       *data,
                 const guint8 *signature)
{
  g_autofree guint8 *key = decode (key_text, ED25519_KEY_SIZE);
  gsize size;
  const guint8 *message = g_bytes_get_data (data, &size);

  if (key == NULL)
    {
      g_warning ("A trusted release key is not an Ed25519 public key: %s", key_text);
      return FALSE;
    }
  /* 1 only for a valid signature; a key that is not a curve point fails too. */
  return ed25519_sha512_verify (key, size, message, signature) == 1;
}

/**
 * atlas_signature_verify:
 * @signature: (nullable): "ed25519:BASE64"
 *
 * Whether @signature is a release key's signature of @data.  Nothing else
 * (a checksum, where the file came from) stands in for it.
 */
gboolean
atlas_signature_verify (GBytes      *data,
                        const char  *signature,
                        GError     **error)
{
  g_autofree guint8 *sig = NULL;
  g_auto(GStrv) keys = NULL;

  g_return_val_if_fail (data != NULL, FALSE);

  if (signature == NULL || *signature == '\0')
    {
      g_set_error_literal (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_MISSING,
                           _("It is not signed; only releases signed by the atlas’s maintainers "
                             "can be installed"));
      return FALSE;
    }
  if (g_bytes_get_size (data) > G_MAXUINT)
    {
      g_set_error_literal (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_BAD,
                           _("It is too large to verify"));
      return FALSE;
    }
  if ((sig = decode (signature, ED25519_SIGNATURE_SIZE)) == NULL)
    {
      g_set_error_literal (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_MALFORMED,
                           _("Its signature is not an Ed25519 signature"));
      return FALSE;
    }
  if ((keys = dup_trusted_keys (error)) == NULL)
    return FALSE;

  for (guint i = 0; keys[i] != NULL; i++)
    if (verify_with_key (keys[i], data, sig))
      return TRUE;

  g_set_error_literal (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_BAD,
                       _("Its signature is not that of the atlas’s maintainers, or the file was "
                         "changed after it was signed"));
  return FALSE;
}

/**
 * atlas_signature_read_detached:
 * @path: the signed file; its signature is read from @path + ".sig"
 *
 * Returns: (transfer full) (nullable): the signature text, or %NULL when
 *   there is no such file (@error says so)
 */
char *
atlas_signature_read_detached (const char  *path,
                               GError     **error)
{
  g_autofree char *sig_path = g_strconcat (path, ATLAS_SIGNATURE_SUFFIX, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (sig_path);
  g_autoptr(GFileInfo) info = NULL;
  gsize length;

  /* A signature is a line: a FIFO or a device is never one. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    {
      g_set_error (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_MISSING,
                   _("There is no signature %s beside it; only releases signed by the atlas’s "
                     "maintainers can be installed"), sig_path);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR || g_file_info_get_size (info) > 4096)
    {
      g_set_error (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_MALFORMED,
                   _("%s is not a signature file"), sig_path);
      return NULL;
    }
  if (!g_file_get_contents (sig_path, &contents, &length, error))
    return NULL;
  return g_steal_pointer (&contents);
}

/* ---- for maintainers and tests: keys and signing ----------------------- */

/* An Ed25519 private key in PKCS #8 (RFC 8410) is 48 bytes of DER: this
 * fixed header (a version 0, the algorithm 1.3.101.112, an octet string in
 * an octet string) and the 32-byte seed.  It is what `certtool
 * --generate-privkey --key-type=ed25519` and `openssl genpkey -algorithm
 * ed25519` write, and what atlas_signature_generate_key() writes. */
static const guint8 pkcs8_ed25519_header[16] = {
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06,
  0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
};

#define PEM_BEGIN "-----BEGIN PRIVATE KEY-----"
#define PEM_END "-----END PRIVATE KEY-----"

/* Zeroes key material before it is freed; through a volatile pointer so
 * that the compiler cannot drop the stores as dead. */
static void
wipe (guint8 *bytes,
      gsize   size)
{
  volatile guint8 *p = bytes;

  if (p == NULL)
    return;
  while (size-- > 0)
    *p++ = 0;
}

/* The 32-byte seed of @pem, in memory the caller wipes and frees. */
static guint8 *
import_private_key (GBytes  *pem,
                    GError **error)
{
  gsize size;
  const char *data = g_bytes_get_data (pem, &size);
  g_autofree char *text = NULL;
  g_autofree guint8 *der = NULL;
  const char *begin, *end;
  gsize der_size = 0;
  guint8 *seed;

  /* A key file is a few lines; anything large is not one. */
  if (data == NULL || size > 16384)
    goto bad;
  text = g_strndup (data, size);
  if ((begin = strstr (text, PEM_BEGIN)) == NULL
      || (end = strstr (begin, PEM_END)) == NULL)
    goto bad;
  begin += strlen (PEM_BEGIN);
  for (const char *p = begin; p < end; p++)
    if (!g_ascii_isalnum (*p) && *p != '+' && *p != '/' && *p != '=' && !g_ascii_isspace (*p))
      goto bad;
  text[end - text] = '\0';
  der = g_base64_decode (begin, &der_size);
  if (der_size != sizeof pkcs8_ed25519_header + ED25519_KEY_SIZE
      || memcmp (der, pkcs8_ed25519_header, sizeof pkcs8_ed25519_header) != 0)
    {
      wipe (der, der_size);
      goto bad;
    }
  seed = g_memdup2 (der + sizeof pkcs8_ed25519_header, ED25519_KEY_SIZE);
  wipe (der, der_size);
  wipe ((guint8 *) text, size);
  return seed;

bad:
  if (text != NULL)
    wipe ((guint8 *) text, size);
  g_set_error_literal (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_KEY,
                       "Not an Ed25519 private key in PEM form (PKCS #8)");
  return NULL;
}

/**
 * atlas_signature_sign:
 * @private_key: an Ed25519 private key in PEM (PKCS #8), as made by
 *   atlas_signature_generate_key() or `certtool --generate-privkey
 *   --key-type=ed25519`
 *
 * Returns: (transfer full): the signature of @data, "ed25519:BASE64"
 */
char *
atlas_signature_sign (GBytes      *data,
                      GBytes      *private_key,
                      GError     **error)
{
  g_autofree guint8 *seed = NULL;
  guint8 public_key[ED25519_KEY_SIZE];
  guint8 signature[ED25519_SIGNATURE_SIZE];
  const guint8 *message;
  gsize size;

  if ((seed = import_private_key (private_key, error)) == NULL)
    return NULL;
  message = g_bytes_get_data (data, &size);
  ed25519_sha512_public_key (public_key, seed);
  ed25519_sha512_sign (public_key, seed, size, message, signature);
  wipe (seed, ED25519_KEY_SIZE);
  return encode (signature, sizeof signature);
}

/**
 * atlas_signature_dup_public_key:
 *
 * Returns: (transfer full): the public key of @private_key, "ed25519:BASE64",
 *   as the release keys resource lists it
 */
char *
atlas_signature_dup_public_key (GBytes  *private_key,
                                GError **error)
{
  g_autofree guint8 *seed = NULL;
  guint8 public_key[ED25519_KEY_SIZE];

  if ((seed = import_private_key (private_key, error)) == NULL)
    return NULL;
  ed25519_sha512_public_key (public_key, seed);
  wipe (seed, ED25519_KEY_SIZE);
  return encode (public_key, sizeof public_key);
}

/**
 * atlas_signature_generate_key:
 *
 * Returns: (transfer full): a new Ed25519 private key in PEM (PKCS #8)
 */
GBytes *
atlas_signature_generate_key (GError **error)
{
  guint8 der[sizeof pkcs8_ed25519_header + ED25519_KEY_SIZE];
  guint8 *seed = der + sizeof pkcs8_ed25519_header;
  g_autofree char *base64 = NULL;
  char *pem;
  gsize filled = 0;

  memcpy (der, pkcs8_ed25519_header, sizeof pkcs8_ed25519_header);
  /* The seed comes from the kernel's random source, nothing weaker. */
  while (filled < ED25519_KEY_SIZE)
    {
      gssize got = getrandom (seed + filled, ED25519_KEY_SIZE - filled, 0);

      if (got < 0 && errno == EINTR)
        continue;
      if (got <= 0)
        {
          int saved = errno;

          wipe (der, sizeof der);
          g_set_error (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_FAILED,
                       "Cannot make a key: %s", g_strerror (saved));
          return NULL;
        }
      filled += got;
    }
  base64 = g_base64_encode (der, sizeof der);
  wipe (der, sizeof der);
  pem = g_strconcat (PEM_BEGIN "\n", base64, "\n" PEM_END "\n", NULL);
  wipe ((guint8 *) base64, strlen (base64));
  return g_bytes_new_take (pem, strlen (pem));
}
