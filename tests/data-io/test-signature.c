/* test-signature.c
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

#include <string.h>

#include "atlas-signature.h"

/* Release signatures against the standard and against keys other tools
 * make: a signature the atlas writes must be the one RFC 8032 defines, and a
 * key file from certtool or OpenSSL must read as the same key. */

static GBytes *
bytes_from_hex (const char *hex)
{
  gsize n = strlen (hex) / 2;
  guint8 *bytes = g_malloc (n + 1);

  for (gsize i = 0; i < n; i++)
    bytes[i] = (g_ascii_xdigit_value (hex[2 * i]) << 4) | g_ascii_xdigit_value (hex[2 * i + 1]);
  return g_bytes_new_take (bytes, n);
}

static char *
prefixed_base64_from_hex (const char *hex)
{
  g_autoptr(GBytes) bytes = bytes_from_hex (hex);
  g_autofree char *base64 = g_base64_encode (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  return g_strconcat (ATLAS_SIGNATURE_PREFIX, base64, NULL);
}

/* A PKCS #8 key file around a 32-byte secret, as certtool writes one. */
static GBytes *
pem_from_secret_hex (const char *secret_hex)
{
  g_autofree char *der_hex = g_strconcat ("302e020100300506032b657004220420", secret_hex, NULL);
  g_autoptr(GBytes) der = bytes_from_hex (der_hex);
  g_autofree char *base64 = g_base64_encode (g_bytes_get_data (der, NULL), g_bytes_get_size (der));
  char *pem = g_strdup_printf ("-----BEGIN PRIVATE KEY-----\n%s\n-----END PRIVATE KEY-----\n", base64);

  return g_bytes_new_take (pem, strlen (pem));
}

/* RFC 8032, section 7.1: tests 1, 2 and 3. */
static const struct
{
  const char *secret;
  const char *public_key;
  const char *message;
  const char *signature;
} rfc8032[] = {
  { "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
    "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
    "",
    "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b" },
  { "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
    "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
    "72",
    "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00" },
  { "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
    "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
    "af82",
    "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a" },
};

static void
test_rfc8032_vectors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (rfc8032); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) key = pem_from_secret_hex (rfc8032[i].secret);
      g_autoptr(GBytes) message = bytes_from_hex (rfc8032[i].message);
      g_autofree char *expected_public = prefixed_base64_from_hex (rfc8032[i].public_key);
      g_autofree char *expected_signature = prefixed_base64_from_hex (rfc8032[i].signature);
      g_autofree char *public_key = atlas_signature_dup_public_key (key, &error);
      g_autofree char *signature = NULL;
      const char *trusted[] = { expected_public, NULL };

      g_test_message ("RFC 8032 test %u", i + 1);
      g_assert_no_error (error);
      g_assert_cmpstr (public_key, ==, expected_public);

      signature = atlas_signature_sign (message, key, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (signature, ==, expected_signature);

      _atlas_signature_set_trusted_keys_for_testing (trusted);
      g_assert_true (atlas_signature_verify (message, expected_signature, &error));
      g_assert_no_error (error);
    }
  _atlas_signature_set_trusted_keys_for_testing (NULL);
}

/* Every single-bit change to the message or to the signature is refused. */
static void
test_any_changed_bit_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) key = pem_from_secret_hex (rfc8032[2].secret);
  g_autofree char *public_key = atlas_signature_dup_public_key (key, NULL);
  const char *trusted[] = { public_key, NULL };
  g_autoptr(GBytes) sig_bytes = bytes_from_hex (rfc8032[2].signature);
  const guint8 message_bytes[] = { 0xaf, 0x82 };

  _atlas_signature_set_trusted_keys_for_testing (trusted);
  for (guint bit = 0; bit < 8 * sizeof message_bytes; bit++)
    {
      guint8 changed[sizeof message_bytes];
      g_autoptr(GBytes) message = NULL;
      g_autofree char *signature = prefixed_base64_from_hex (rfc8032[2].signature);

      memcpy (changed, message_bytes, sizeof changed);
      changed[bit / 8] ^= 1u << (bit % 8);
      message = g_bytes_new (changed, sizeof changed);
      g_assert_false (atlas_signature_verify (message, signature, &error));
      g_assert_error (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_BAD);
      g_clear_error (&error);
    }
  for (guint bit = 0; bit < 8 * g_bytes_get_size (sig_bytes); bit++)
    {
      g_autoptr(GBytes) message = g_bytes_new (message_bytes, sizeof message_bytes);
      g_autofree guint8 *changed = g_memdup2 (g_bytes_get_data (sig_bytes, NULL), 64);
      g_autofree char *base64 = NULL;
      g_autofree char *signature = NULL;

      changed[bit / 8] ^= 1u << (bit % 8);
      base64 = g_base64_encode (changed, 64);
      signature = g_strconcat (ATLAS_SIGNATURE_PREFIX, base64, NULL);
      g_assert_false (atlas_signature_verify (message, signature, &error));
      g_assert_error (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_BAD);
      g_clear_error (&error);
    }
  _atlas_signature_set_trusted_keys_for_testing (NULL);
}

/* A throwaway key made with `openssl genpkey -algorithm ed25519`, and the
 * public key `openssl pkey -pubout` gives for it. */
static const char openssl_key[] =
  "-----BEGIN PRIVATE KEY-----\n"
  "MC4CAQAwBQYDK2VwBCIEILONDASTOYvQMYFQSQ1LDAZINU0bRc7sp4vvYgH9LC4O\n"
  "-----END PRIVATE KEY-----\n";
static const char openssl_public_key[] = "ed25519:CSiB1TyYLkyxx0YvKYEb8Bo9Pps0XaITWnE0FJvYfME=";

static void
test_key_from_openssl (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) key = g_bytes_new_static (openssl_key, strlen (openssl_key));
  g_autofree char *public_key = atlas_signature_dup_public_key (key, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (public_key, ==, openssl_public_key);
}

/* Two made keys differ; each one's signatures verify under it alone. */
static void
test_generated_keys (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = atlas_signature_generate_key (&error);
  g_autoptr(GBytes) second = atlas_signature_generate_key (&error);
  g_autoptr(GBytes) data = g_bytes_new_static ("重庆科创图谱", strlen ("重庆科创图谱"));
  g_autofree char *first_public = atlas_signature_dup_public_key (first, &error);
  g_autofree char *second_public = atlas_signature_dup_public_key (second, &error);
  g_autofree char *signature = atlas_signature_sign (data, first, &error);
  const char *trust_first[] = { first_public, NULL };
  const char *trust_second[] = { second_public, NULL };

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (first, NULL), "-----BEGIN PRIVATE KEY-----\n"));
  g_assert_false (g_bytes_equal (first, second));
  g_assert_cmpstr (first_public, !=, second_public);

  _atlas_signature_set_trusted_keys_for_testing (trust_first);
  g_assert_true (atlas_signature_verify (data, signature, &error));
  g_assert_no_error (error);
  _atlas_signature_set_trusted_keys_for_testing (trust_second);
  g_assert_false (atlas_signature_verify (data, signature, &error));
  g_assert_error (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_BAD);
  _atlas_signature_set_trusted_keys_for_testing (NULL);
}

/* Key files that are not an Ed25519 PKCS #8 key give the key error. */
static void
test_hostile_key_files (void)
{
  g_autofree char *huge = NULL;
  g_autofree char *long_key = NULL;
  const char *files[] = {
    "",
    "-----BEGIN PRIVATE KEY-----\n",
    "-----END PRIVATE KEY-----\n-----BEGIN PRIVATE KEY-----\n",
    /* an X25519 key: same shape, another algorithm (1.3.101.110) */
    "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VuBCIEILONDASTOYvQMYFQSQ1LDAZINU0bRc7sp4vvYgH9LC4O\n-----END PRIVATE KEY-----\n",
    /* one byte short */
    "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEILONDASTOYvQMYFQSQ1LDAZINU0bRc7sp4vvYgH9LC4=\n-----END PRIVATE KEY-----\n",
    /* not Base64 */
    "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIE*LONDASTOYvQMYFQSQ1LDAZINU0bRc7sp4vvYgH9LC4O\n-----END PRIVATE KEY-----\n",
    "ed25519:CSiB1TyYLkyxx0YvKYEb8Bo9Pps0XaITWnE0FJvYfME=",
    NULL, /* huge */
    NULL, /* a key with too many bytes */
  };

  huge = g_strnfill (1 << 20, 'A');
  files[G_N_ELEMENTS (files) - 2] = huge;
  long_key = g_strconcat ("-----BEGIN PRIVATE KEY-----\n",
                          "MC4CAQAwBQYDK2VwBCIEILONDASTOYvQMYFQSQ1LDAZINU0bRc7sp4vvYgH9LC4OAAAA\n",
                          "-----END PRIVATE KEY-----\n", NULL);
  files[G_N_ELEMENTS (files) - 1] = long_key;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) key = g_bytes_new_static (files[i], strlen (files[i]));
      g_autoptr(GBytes) data = g_bytes_new_static ("x", 1);
      g_autofree char *public_key = atlas_signature_dup_public_key (key, &error);
      g_autofree char *signature = NULL;

      g_test_message ("key file %u", i);
      g_assert_null (public_key);
      g_assert_error (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_KEY);
      g_clear_error (&error);
      signature = atlas_signature_sign (data, key, &error);
      g_assert_null (signature);
      g_assert_error (error, ATLAS_SIGNATURE_ERROR, ATLAS_SIGNATURE_ERROR_KEY);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/signature/rfc8032-vectors", test_rfc8032_vectors);
  g_test_add_func ("/signature/any-changed-bit-refused", test_any_changed_bit_refused);
  g_test_add_func ("/signature/key-from-openssl", test_key_from_openssl);
  g_test_add_func ("/signature/generated-keys", test_generated_keys);
  g_test_add_func ("/signature/hostile-key-files", test_hostile_key_files);

  return g_test_run ();
}
