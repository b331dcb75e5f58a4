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
#include <gnutls/abstract.h>
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include <string.h>

#include "atlas-signature.h"
#include "atlas-store-private.h"

/* Release signatures.  A dataset release is signed with Ed25519 by the
 * maintainers' private key (kept offline, see HACKING.md); the program
 * carries the public key(s) in its resources (data/release-keys.txt).  A
 * signature is "ed25519:" and the Base64 of the 64 signature bytes; it
 * covers the package file's bytes exactly, and travels beside the file
 * ("FILE.sig") or in the update manifest ("signature").
 *
 * GnuTLS does the cryptography: the GNOME runtime and Debian already ship
 * it (libsoup's TLS goes through it), so it adds no new library to either.
 */

#define ED25519_KEY_SIZE 32
#define ED25519_SIGNATURE_SIZE 64

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
  gnutls_pubkey_t pubkey = NULL;
  gnutls_datum_t x, message, sig;
  gsize size;
  int rc;

  if (key == NULL)
    {
      g_warning ("A trusted release key is not an Ed25519 public key: %s", key_text);
      return FALSE;
    }
  if (gnutls_pubkey_init (&pubkey) < 0)
    return FALSE;
  x.data = key;
  x.size = ED25519_KEY_SIZE;
  rc = gnutls_pubkey_import_ecc_raw (pubkey, GNUTLS_ECC_CURVE_ED25519, &x, NULL);
  if (rc >= 0)
    {
      message.data = (unsigned char *) g_bytes_get_data (data, &size);
      message.size = size;
      sig.data = (unsigned char *) signature;
      sig.size = ED25519_SIGNATURE_SIZE;
      rc = gnutls_pubkey_verify_data2 (pubkey, GNUTLS_SIGN_EDDSA_ED25519, 0, &message, &sig);
    }
  gnutls_pubkey_deinit (pubkey);
  return rc >= 0;
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

static gnutls_privkey_t
import_private_key (GBytes  *pem,
                    GError **error)
{
  gnutls_privkey_t key = NULL;
  gnutls_datum_t datum;
  gsize size;
  int rc;

  datum.data = (unsigned char *) g_bytes_get_data (pem, &size);
  datum.size = size;
  if ((rc = gnutls_privkey_init (&key)) >= 0)
    rc = gnutls_privkey_import_x509_raw (key, &datum, GNUTLS_X509_FMT_PEM, NULL, 0);
  if (rc >= 0 && gnutls_privkey_get_pk_algorithm (key, NULL) != GNUTLS_PK_EDDSA_ED25519)
    rc = GNUTLS_E_UNKNOWN_PK_ALGORITHM;
  if (rc < 0)
    {
      g_set_error (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_KEY,
                   "Not an Ed25519 private key in PEM form: %s", gnutls_strerror (rc));
      if (key != NULL)
        gnutls_privkey_deinit (key);
      return NULL;
    }
  return key;
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
  gnutls_privkey_t key;
  gnutls_datum_t message, sig = { NULL, 0 };
  char *result = NULL;
  gsize size;
  int rc;

  if ((key = import_private_key (private_key, error)) == NULL)
    return NULL;
  message.data = (unsigned char *) g_bytes_get_data (data, &size);
  message.size = size;
  rc = gnutls_privkey_sign_data2 (key, GNUTLS_SIGN_EDDSA_ED25519, 0, &message, &sig);
  if (rc >= 0 && sig.size == ED25519_SIGNATURE_SIZE)
    result = encode (sig.data, sig.size);
  else
    g_set_error (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_FAILED,
                 "Cannot sign: %s", gnutls_strerror (rc));
  gnutls_free (sig.data);
  gnutls_privkey_deinit (key);
  return result;
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
  gnutls_privkey_t key;
  gnutls_pubkey_t pubkey = NULL;
  gnutls_datum_t x = { NULL, 0 };
  gnutls_ecc_curve_t curve;
  char *result = NULL;
  int rc;

  if ((key = import_private_key (private_key, error)) == NULL)
    return NULL;
  if ((rc = gnutls_pubkey_init (&pubkey)) >= 0
      && (rc = gnutls_pubkey_import_privkey (pubkey, key, 0, 0)) >= 0
      && (rc = gnutls_pubkey_export_ecc_raw2 (pubkey, &curve, &x, NULL, 0)) >= 0
      && x.size == ED25519_KEY_SIZE)
    result = encode (x.data, x.size);
  else
    g_set_error (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_KEY,
                 "Cannot read the public key: %s", gnutls_strerror (rc));
  gnutls_free (x.data);
  if (pubkey != NULL)
    gnutls_pubkey_deinit (pubkey);
  gnutls_privkey_deinit (key);
  return result;
}

/**
 * atlas_signature_generate_key:
 *
 * Returns: (transfer full): a new Ed25519 private key in PEM (PKCS #8)
 */
GBytes *
atlas_signature_generate_key (GError **error)
{
  gnutls_privkey_t key = NULL;
  gnutls_x509_privkey_t x509 = NULL;
  gnutls_datum_t pem = { NULL, 0 };
  GBytes *result = NULL;
  int rc;

  if ((rc = gnutls_privkey_init (&key)) >= 0
      && (rc = gnutls_privkey_generate2 (key, GNUTLS_PK_EDDSA_ED25519, 256, 0, NULL, 0)) >= 0
      && (rc = gnutls_privkey_export_x509 (key, &x509)) >= 0
      && (rc = gnutls_x509_privkey_export2_pkcs8 (x509, GNUTLS_X509_FMT_PEM, NULL,
                                                  GNUTLS_PKCS_PLAIN, &pem)) >= 0)
    result = g_bytes_new (pem.data, pem.size);
  else
    g_set_error (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_FAILED,
                 "Cannot make a key: %s", gnutls_strerror (rc));
  gnutls_free (pem.data);
  if (x509 != NULL)
    gnutls_x509_privkey_deinit (x509);
  if (key != NULL)
    gnutls_privkey_deinit (key);
  return result;
}
