/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Copyright 2026 The Chongqing Science Atlas authors */

/* Checks the Flatpak manifest (flatpak/io.github.cqatlas.ScienceAtlas.json):
 * the identity, the runtime, the sandbox permissions and the module that
 * builds the app. The manifest is named by $CQ_ATLAS_FLATPAK_MANIFEST or by
 * the first argument that is not a GTest option. */

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#ifndef APP_ID
#define APP_ID "io.github.cqatlas.ScienceAtlas"
#endif

#define MANIFEST_ERROR (manifest_error_quark ())

typedef enum {
  MANIFEST_ERROR_INVALID,
} ManifestError;

static GQuark manifest_error_quark (void);
G_DEFINE_QUARK (cq-atlas-manifest-error, manifest_error)

/* The whole sandbox: nothing more (no filesystem, no session or system bus
 * names), nothing less. The network is only for "Update data", which the user
 * asks for. */
static const char * const allowed_finish_args[] = {
  "--share=ipc",
  "--socket=fallback-x11",
  "--socket=wayland",
  "--device=dri",
  "--share=network",
};

static char *manifest_path;

/* Parses @path; returns the root object, or NULL with @error set. */
static JsonObject *
manifest_load (const char  *path,
               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_file (parser, path, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, MANIFEST_ERROR, MANIFEST_ERROR_INVALID,
                   "%s: the top level is not a JSON object", path);
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}

/* The string member @name of @object, or NULL if missing or not a string. */
static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* The array member @name of @object, or NULL if missing or not an array. */
static JsonArray *
get_array (JsonObject *object,
           const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  return json_node_get_array (node);
}

static gboolean
check_string (JsonObject  *object,
              const char  *name,
              const char  *expected,
              GError     **error)
{
  const char *value = get_string (object, name);

  if (g_strcmp0 (value, expected) != 0)
    {
      g_set_error (error, MANIFEST_ERROR, MANIFEST_ERROR_INVALID,
                   "\"%s\" is %s%s%s, expected \"%s\"", name,
                   value ? "\"" : "", value ? value : "missing or not a string",
                   value ? "\"" : "", expected);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_allowed_finish_arg (const char *arg)
{
  for (gsize i = 0; i < G_N_ELEMENTS (allowed_finish_args); i++)
    if (g_str_equal (arg, allowed_finish_args[i]))
      return TRUE;

  return FALSE;
}

static gboolean
check_finish_args (JsonObject  *manifest,
                   GError     **error)
{
  JsonArray *args = get_array (manifest, "finish-args");
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n;

  if (args == NULL)
    {
      g_set_error (error, MANIFEST_ERROR, MANIFEST_ERROR_INVALID,
                   "\"finish-args\" is missing or not an array");
      return FALSE;
    }

  n = json_array_get_length (args);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (args, i);
      const char *arg;

      if (!JSON_NODE_HOLDS_VALUE (node) ||
          json_node_get_value_type (node) != G_TYPE_STRING)
        {
          g_set_error (error, MANIFEST_ERROR, MANIFEST_ERROR_INVALID,
                       "finish-args[%u] is not a string", i);
          return FALSE;
        }

      arg = json_node_get_string (node);
      if (!is_allowed_finish_arg (arg))
        {
          g_set_error (error, MANIFEST_ERROR, MANIFEST_ERROR_INVALID,
                       "finish-args: \"%s\" is not an allowed permission", arg);
          return FALSE;
        }
      if (!g_hash_table_add (seen, (gpointer) arg))
        {
          g_set_error (error, MANIFEST_ERROR, MANIFEST_ERROR_INVALID,
                       "finish-args: \"%s\" is given twice", arg);
          return FALSE;
        }
    }

  for (gsize i = 0; i < G_N_ELEMENTS (allowed_finish_args); i++)
    if (!g_hash_table_contains (seen, allowed_finish_args[i]))
      {
        g_set_error (error, MANIFEST_ERROR, MANIFEST_ERROR_INVALID,
                     "finish-args: \"%s\" is missing", allowed_finish_args[i]);
        return FALSE;
      }

  return TRUE;
}

static gboolean
array_has_string (JsonArray  *array,
                  const char *value)
{
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_STRING &&
          g_strcmp0 (json_node_get_string (node), value) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The last module is the app itself: meson, tests off, built from the
 * source tree (a "dir" source). */
static gboolean
check_app_module (JsonObject  *manifest,
                  GError     **error)
{
  JsonArray *modules = get_array (manifest, "modules");
  JsonArray *sources, *config_opts;
  JsonNode *last;
  JsonObject *module;
  gboolean has_dir_source = FALSE;
  guint n;

  if (modules == NULL || json_array_get_length (modules) == 0)
    {
      g_set_error (error, MANIFEST_ERROR, MANIFEST_ERROR_INVALID,
                   "\"modules\" is missing, not an array or empty");
      return FALSE;
    }

  last = json_array_get_element (modules, json_array_get_length (modules) - 1);
  if (!JSON_NODE_HOLDS_OBJECT (last))
    {
      g_set_error (error, MANIFEST_ERROR, MANIFEST_ERROR_INVALID,
                   "the last module is not an object");
      return FALSE;
    }
  module = json_node_get_object (last);

  if (!check_string (module, "name", "cq-atlas", error) ||
      !check_string (module, "buildsystem", "meson", error))
    return FALSE;

  config_opts = get_array (module, "config-opts");
  if (config_opts == NULL || !array_has_string (config_opts, "-Dtests=false"))
    {
      g_set_error (error, MANIFEST_ERROR, MANIFEST_ERROR_INVALID,
                   "the app module does not configure with -Dtests=false");
      return FALSE;
    }

  sources = get_array (module, "sources");
  if (sources == NULL)
    {
      g_set_error (error, MANIFEST_ERROR, MANIFEST_ERROR_INVALID,
                   "the app module has no \"sources\" array");
      return FALSE;
    }

  n = json_array_get_length (sources);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (sources, i);
      JsonObject *source;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      source = json_node_get_object (node);
      if (g_strcmp0 (get_string (source, "type"), "dir") == 0 &&
          g_strcmp0 (get_string (source, "path"), "..") == 0)
        has_dir_source = TRUE;
    }

  if (!has_dir_source)
    {
      g_set_error (error, MANIFEST_ERROR, MANIFEST_ERROR_INVALID,
                   "the app module is not built from a {\"type\": \"dir\", \"path\": \"..\"} source");
      return FALSE;
    }

  return TRUE;
}

/* Every check on a parsed manifest; stops at the first problem. */
static gboolean
manifest_check (JsonObject  *manifest,
                GError     **error)
{
  const char *id = get_string (manifest, "id");
  const char *app_id = get_string (manifest, "app-id");
  const char *version;

  /* flatpak-builder accepts either key; exactly one should be there. */
  if ((id == NULL) == (app_id == NULL))
    {
      g_set_error (error, MANIFEST_ERROR, MANIFEST_ERROR_INVALID,
                   "exactly one of \"id\" and \"app-id\" must be given");
      return FALSE;
    }
  if (!check_string (manifest, id ? "id" : "app-id", APP_ID, error) ||
      !check_string (manifest, "runtime", "org.gnome.Platform", error) ||
      !check_string (manifest, "sdk", "org.gnome.Sdk", error) ||
      !check_string (manifest, "command", "cq-atlas", error))
    return FALSE;

  /* A GNOME release ("51"), not a moving branch such as "master". */
  version = get_string (manifest, "runtime-version");
  if (version == NULL || *version == '\0' ||
      strspn (version, "0123456789") != strlen (version))
    {
      g_set_error (error, MANIFEST_ERROR, MANIFEST_ERROR_INVALID,
                   "\"runtime-version\" is not a GNOME release number");
      return FALSE;
    }

  return check_finish_args (manifest, error) &&
         check_app_module (manifest, error);
}

/* Writes @contents to a new temporary file and returns its path. */
static char *
write_temp_manifest (const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd;

  fd = g_file_open_tmp ("cq-atlas-manifest-XXXXXX.json", &path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd, >=, 0);
  g_close (fd, &error);
  g_assert_no_error (error);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return path;
}

static char *
read_manifest_text (void)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (manifest_path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* Loads a variant of the manifest from a temporary file and checks it. */
static gboolean
load_and_check_text (const char  *contents,
                     GError     **error)
{
  g_autofree char *path = write_temp_manifest (contents);
  JsonObject *manifest = manifest_load (path, error);
  gboolean ok = FALSE;

  if (manifest != NULL)
    {
      ok = manifest_check (manifest, error);
      json_object_unref (manifest);
    }

  g_unlink (path);
  return ok;
}

static void
test_manifest_valid (void)
{
  g_autoptr(GError) error = NULL;
  JsonObject *manifest = manifest_load (manifest_path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (manifest);

  manifest_check (manifest, &error);
  g_assert_no_error (error);

  json_object_unref (manifest);
}

static void
test_manifest_exact_finish_args (void)
{
  g_autoptr(GError) error = NULL;
  JsonObject *manifest = manifest_load (manifest_path, &error);
  JsonArray *args;

  g_assert_no_error (error);
  args = get_array (manifest, "finish-args");
  g_assert_nonnull (args);
  g_assert_cmpuint (json_array_get_length (args), ==, G_N_ELEMENTS (allowed_finish_args));

  for (guint i = 0; i < json_array_get_length (args); i++)
    {
      const char *arg = json_array_get_string_element (args, i);

      g_assert_false (g_str_has_prefix (arg, "--filesystem"));
      g_assert_false (g_str_has_prefix (arg, "--talk-name"));
      g_assert_false (g_str_has_prefix (arg, "--own-name"));
      g_assert_false (g_str_has_prefix (arg, "--system-talk-name"));
      g_assert_false (g_str_has_prefix (arg, "--socket=session-bus"));
      g_assert_false (g_str_has_prefix (arg, "--socket=system-bus"));
      g_assert_false (g_str_has_prefix (arg, "--device=all"));
    }

  json_object_unref (manifest);
}

static void
test_manifest_broken_json (void)
{
  g_autofree char *contents = read_manifest_text ();
  g_autoptr(GError) error = NULL;
  gsize len = strlen (contents);

  /* Cut the manifest in half and add a stray token: a parse error with
   * a message, not a crash. */
  g_assert_cmpuint (len, >, 10);
  contents[len / 2] = '\0';
  {
    g_autofree char *broken = g_strconcat (contents, " ,, }", NULL);

    g_assert_false (load_and_check_text (broken, &error));
    g_assert_nonnull (error);
    g_assert_true (error->domain == JSON_PARSER_ERROR);
    g_assert_nonnull (error->message);
    g_test_message ("expected parse error: %s", error->message);
  }

  g_clear_error (&error);
  g_assert_false (load_and_check_text ("", &error));
  g_assert_nonnull (error);
  g_test_message ("empty file: %s", error->message);

  g_clear_error (&error);
  g_assert_false (load_and_check_text ("[\"not\", \"an\", \"object\"]", &error));
  g_assert_error (error, MANIFEST_ERROR, MANIFEST_ERROR_INVALID);

  g_clear_error (&error);
  g_assert_false (load_and_check_text ("{\"id\": 42, \"modules\": \"no\"}", &error));
  g_assert_error (error, MANIFEST_ERROR, MANIFEST_ERROR_INVALID);
}

static void
test_manifest_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  JsonObject *manifest = manifest_load ("/nonexistent/cq-atlas/manifest.json", &error);

  g_assert_null (manifest);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

/* Replaces the first @old in the manifest text by @replacement and expects
 * the check to fail with a message containing @expect. */
static void
expect_rejected (const char *old,
                 const char *replacement,
                 const char *expect)
{
  g_autofree char *contents = read_manifest_text ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) changed = g_string_new (contents);

  g_assert_nonnull (strstr (contents, old));
  g_string_replace (changed, old, replacement, 1);

  g_assert_false (load_and_check_text (changed->str, &error));
  g_assert_error (error, MANIFEST_ERROR, MANIFEST_ERROR_INVALID);
  if (strstr (error->message, expect) == NULL)
    g_error ("\"%s\" does not mention \"%s\"", error->message, expect);
}

static void
test_manifest_rejects_changes (void)
{
  expect_rejected ("\"--share=ipc\",",
                   "\"--share=ipc\", \"--filesystem=home\",",
                   "--filesystem=home");
  expect_rejected ("\"--share=ipc\",",
                   "\"--share=ipc\", \"--talk-name=org.freedesktop.Flatpak\",",
                   "--talk-name");
  expect_rejected ("\"--share=ipc\",", "", "--share=ipc");
  expect_rejected ("\"--share=ipc\",", "\"--share=ipc\", \"--share=ipc\",", "twice");
  expect_rejected ("\"org.gnome.Platform\"", "\"org.kde.Platform\"", "runtime");
  expect_rejected ("\"org.gnome.Sdk\"", "\"org.kde.Sdk\"", "sdk");
  expect_rejected ("\"command\": \"cq-atlas\"", "\"command\": \"sh\"", "command");
  expect_rejected ("\"buildsystem\": \"meson\"", "\"buildsystem\": \"cmake\"", "buildsystem");
  expect_rejected ("\"type\": \"dir\"", "\"type\": \"git\"", "dir");
  expect_rejected ("\"-Dtests=false\"", "\"-Dtests=true\"", "tests=false");
  expect_rejected (APP_ID "\"", "org.example.Other\"", APP_ID);
}

static const char *
find_manifest_argument (int    argc,
                        char **argv)
{
  const char *env = g_getenv ("CQ_ATLAS_FLATPAK_MANIFEST");

  if (env != NULL && *env != '\0')
    return env;

  /* g_test_init() removes the options it knows; what is left that does not
   * start with a dash is the manifest. */
  for (int i = 1; i < argc; i++)
    if (argv[i] != NULL && argv[i][0] != '-')
      return argv[i];

  return NULL;
}

int
main (int    argc,
      char **argv)
{
  const char *path;
  int status;

  g_test_init (&argc, &argv, NULL);

  path = find_manifest_argument (argc, argv);
  if (path == NULL)
    {
      g_printerr ("usage: %s MANIFEST.json (or set CQ_ATLAS_FLATPAK_MANIFEST)\n", argv[0]);
      return 2;
    }
  manifest_path = g_strdup (path);

  g_test_add_func ("/flatpak-manifest/valid", test_manifest_valid);
  g_test_add_func ("/flatpak-manifest/exact-finish-args", test_manifest_exact_finish_args);
  g_test_add_func ("/flatpak-manifest/broken-json", test_manifest_broken_json);
  g_test_add_func ("/flatpak-manifest/missing-file", test_manifest_missing_file);
  g_test_add_func ("/flatpak-manifest/rejects-changes", test_manifest_rejects_changes);

  status = g_test_run ();
  g_free (manifest_path);

  return status;
}
