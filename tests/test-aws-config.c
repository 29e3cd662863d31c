/* test-aws-config.c — reading ~/.aws/config and ~/.aws/credentials
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include "amigo-aws-config.h"
#include "amigo-error.h"
#include "amigo-file.h"

#define DATA TEST_DATA_DIR "/aws-config"

/* A private folder, removed (with what the test wrote in it) at the end. */
static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("amigo-aws-config-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_chmod (path, 0700);
  g_rmdir (path);
}

static char *
write_file (const char *dir,
            const char *name,
            const char *contents,
            gssize      len)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, len, &error);
  g_assert_no_error (error);
  return path;
}

static AmigoAwsConfig *
load_fixture (const char * const *envp)
{
  g_autoptr(GError) error = NULL;
  AmigoAwsConfig *config;

  config = amigo_aws_config_load_files (DATA "/config", DATA "/credentials", envp, &error);
  g_assert_no_error (error);
  g_assert_nonnull (config);
  return config;
}

/* ------------------------------------------------------------------------ */

static void
test_list_profiles (void)
{
  g_autoptr(AmigoAwsConfig) config = load_fixture (NULL);
  g_auto(GStrv) names = amigo_aws_config_list_profiles (config);
  /* Union of both files, each once, default first; [bare] and
   * [sso-session corp] and [services local] are not profiles. */
  const char * const expected[] = {
    "default", "creds-only", "plain-endpoint", "profile work", "svc", "with space", "work", NULL,
  };

  g_assert_cmpstrv (names, expected);
  g_assert_true (amigo_aws_config_has_profile (config, "work"));
  g_assert_false (amigo_aws_config_has_profile (config, "bare"));
  g_assert_false (amigo_aws_config_has_profile (config, "corp"));
  g_assert_false (amigo_aws_config_has_profile (config, "local"));
  g_assert_false (amigo_aws_config_has_profile (config, "Work"));
  g_assert_false (amigo_aws_config_has_profile (config, NULL));
}

static void
test_profile_values (void)
{
  g_autoptr(AmigoAwsConfig) config = load_fixture (NULL);
  g_autoptr(AmigoAwsProfile) def = amigo_aws_config_get_profile (config, "default");
  g_autoptr(AmigoAwsProfile) spaced = amigo_aws_config_get_profile (config, "with space");
  g_autoptr(AmigoAwsProfile) creds_only = amigo_aws_config_get_profile (config, "creds-only");

  g_assert_nonnull (def);
  g_assert_cmpstr (amigo_aws_profile_get_name (def), ==, "default");
  g_assert_cmpstr (amigo_aws_profile_get_region (def), ==, "us-east-1");
  g_assert_cmpstr (amigo_aws_profile_get_output (def), ==, "json");
  g_assert_cmpstr (amigo_aws_profile_get_access_key_id (def), ==, "AKIDDEFAULT");
  g_assert_cmpstr (amigo_aws_profile_get_secret_access_key (def), ==, "secretdefault");
  g_assert_null (amigo_aws_profile_get_session_token (def));
  g_assert_cmpint (amigo_aws_profile_get_files (def), ==,
                   AMIGO_AWS_FILE_CONFIG | AMIGO_AWS_FILE_CREDENTIALS);

  /* [profile "with space"]: quotes are removed as by shlex. */
  g_assert_nonnull (spaced);
  g_assert_cmpstr (amigo_aws_profile_get_region (spaced), ==, "sa-east-1");
  g_assert_cmpint (amigo_aws_profile_get_files (spaced), ==, AMIGO_AWS_FILE_CONFIG);

  g_assert_nonnull (creds_only);
  g_assert_cmpint (amigo_aws_profile_get_files (creds_only), ==, AMIGO_AWS_FILE_CREDENTIALS);
  g_assert_cmpstr (amigo_aws_profile_get_session_token (creds_only), ==, "tokencredsonly");
  g_assert_null (amigo_aws_profile_get_region (creds_only));

  g_assert_null (amigo_aws_config_get_profile (config, "bare"));
  g_assert_null (amigo_aws_config_get_profile (config, "nope"));
}

static void
test_keys_and_whitespace (void)
{
  g_autoptr(AmigoAwsConfig) config = load_fixture (NULL);
  g_autoptr(AmigoAwsProfile) work = amigo_aws_config_get_profile (config, "work");
  g_auto(GStrv) keys = NULL;
  const char * const expected_keys[] = {
    "aws_access_key_id", "aws_secret_access_key", "custom_unknown_key", "description",
    "ec2", "output", "region", "s3", "signature_version", NULL,
  };

  g_assert_nonnull (work);
  /* "  output   =   text   ": indented, padded. */
  g_assert_cmpstr (amigo_aws_profile_get_output (work), ==, "text");
  /* Keys are lowercased when read ("Aws_Access_Key_Id"), then matched exactly. */
  g_assert_null (amigo_aws_profile_get (work, "Aws_Access_Key_Id"));
  g_assert_true (amigo_aws_profile_has_key (work, "aws_access_key_id"));
  /* Unknown keys are kept, value as written (a ':' inside is fine). */
  g_assert_cmpstr (amigo_aws_profile_get (work, "custom_unknown_key"), ==, "kept: as written");
  /* "ec2 : colon delimiter" */
  g_assert_cmpstr (amigo_aws_profile_get (work, "ec2"), ==, "colon delimiter");
  /* A continuation line joins with a newline; an indented comment is not part of it. */
  g_assert_cmpstr (amigo_aws_profile_get (work, "description"), ==, "first line\nsecond line");

  keys = amigo_aws_profile_list_keys (work);
  g_assert_cmpstrv (keys, expected_keys);
}

static void
test_sub_sections (void)
{
  g_autoptr(AmigoAwsConfig) config = load_fixture (NULL);
  g_autoptr(AmigoAwsProfile) work = amigo_aws_config_get_profile (config, "work");
  g_auto(GStrv) sub_keys = NULL;
  const char * const expected[] = { "Signature_Version", "addressing_style", NULL };

  g_assert_true (amigo_aws_profile_is_sub_section (work, "s3"));
  g_assert_false (amigo_aws_profile_is_sub_section (work, "region"));
  g_assert_false (amigo_aws_profile_is_sub_section (work, "missing"));
  /* A sub-section has no plain value... */
  g_assert_null (amigo_aws_profile_get (work, "s3"));
  g_assert_true (amigo_aws_profile_has_key (work, "s3"));
  /* ...its keys are kept as written (not lowercased), blank lines and
   * comments inside it skipped... */
  g_assert_cmpstr (amigo_aws_profile_get_sub (work, "s3", "addressing_style"), ==, "path");
  g_assert_cmpstr (amigo_aws_profile_get_sub (work, "s3", "Signature_Version"), ==, "s3v4");
  g_assert_null (amigo_aws_profile_get_sub (work, "s3", "signature_version"));
  sub_keys = amigo_aws_profile_list_sub_keys (work, "s3");
  g_assert_cmpstrv (sub_keys, expected);
  /* ...and never confused with top-level keys of the same name. */
  g_assert_null (amigo_aws_profile_get (work, "addressing_style"));
  g_assert_cmpstr (amigo_aws_profile_get (work, "signature_version"), ==, "v4-top-level");
  g_assert_null (amigo_aws_profile_get_sub (work, "region", "anything"));
  g_assert_null (amigo_aws_profile_list_sub_keys (work, "region"));
}

static void
test_credentials_override_config (void)
{
  g_autoptr(AmigoAwsConfig) config = load_fixture (NULL);
  g_autoptr(AmigoAwsProfile) work = amigo_aws_config_get_profile (config, "work");
  g_autoptr(AmigoAwsProfile) prefixed = amigo_aws_config_get_profile (config, "profile work");

  /* [profile work] in config and [work] in credentials are the same profile;
   * the credentials file wins key by key, the rest of the config stays. */
  g_assert_cmpstr (amigo_aws_profile_get_access_key_id (work), ==, "AKIDWORKCREDS");
  g_assert_cmpstr (amigo_aws_profile_get_secret_access_key (work), ==, "secretworkcreds");
  g_assert_cmpstr (amigo_aws_profile_get_region (work), ==, "eu-central-1");
  g_assert_cmpint (amigo_aws_profile_get_key_file (work, "region"), ==, AMIGO_AWS_FILE_CREDENTIALS);
  g_assert_cmpint (amigo_aws_profile_get_key_file (work, "output"), ==, AMIGO_AWS_FILE_CONFIG);
  g_assert_cmpint (amigo_aws_profile_get_key_file (work, "nope"), ==, AMIGO_AWS_FILE_NONE);
  g_assert_cmpstr (amigo_aws_profile_get_output (work), ==, "text");

  /* Each file's own value stays reachable. */
  g_assert_cmpstr (amigo_aws_profile_get_in_file (work, AMIGO_AWS_FILE_CONFIG, "aws_access_key_id"),
                   ==, "AKIDWORKCONFIG");
  g_assert_cmpstr (amigo_aws_profile_get_in_file (work, AMIGO_AWS_FILE_CREDENTIALS, "aws_access_key_id"),
                   ==, "AKIDWORKCREDS");
  g_assert_null (amigo_aws_profile_get_in_file (work, AMIGO_AWS_FILE_CREDENTIALS, "output"));

  /* In the credentials file, [profile work] is a profile named "profile work". */
  g_assert_nonnull (prefixed);
  g_assert_cmpstr (amigo_aws_profile_get_access_key_id (prefixed), ==, "AKIDPREFIXED");
  g_assert_cmpint (amigo_aws_profile_get_files (prefixed), ==, AMIGO_AWS_FILE_CREDENTIALS);
}

static void
test_selected_profile (void)
{
  const struct {
    const char *name;
    const char *env[3];
    const char *expected;
  } cases[] = {
    { "none",            { NULL },                                        "default" },
    { "aws-profile",     { "AWS_PROFILE=work", NULL },                    "work" },
    { "default-profile", { "AWS_DEFAULT_PROFILE=svc", NULL },             "svc" },
    { "both",            { "AWS_DEFAULT_PROFILE=svc", "AWS_PROFILE=work", NULL }, "work" },
    { "empty",           { "AWS_PROFILE=", NULL },                        "default" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AmigoAwsConfig) config = load_fixture (cases[i].env);

      g_test_message ("case %s", cases[i].name);
      g_assert_cmpstr (amigo_aws_config_get_selected_profile_name (config), ==, cases[i].expected);
    }
}

static void
test_region (void)
{
  const struct {
    const char *name;
    const char *env[4];
    const char *profile;
    const char *expected;
  } cases[] = {
    { "default-profile",       { NULL },                                             NULL,   "us-east-1" },
    { "named-profile",         { NULL },                                             "svc",  "ap-northeast-2" },
    { "aws-profile",           { "AWS_PROFILE=svc", NULL },                          NULL,   "ap-northeast-2" },
    { "explicit-beats-env-profile", { "AWS_PROFILE=svc", NULL },                     "work", "eu-central-1" },
    { "default-region-env",    { "AWS_DEFAULT_REGION=eu-north-1", NULL },            "svc",  "eu-north-1" },
    { "region-env",            { "AWS_REGION=ca-central-1", "AWS_DEFAULT_REGION=eu-north-1", NULL },
                                                                                     "svc",  "ca-central-1" },
    { "empty-env-ignored",     { "AWS_REGION=", NULL },                              NULL,   "us-east-1" },
    { "profile-without-region", { NULL },                                            "creds-only", NULL },
    { "missing-profile",       { NULL },                                             "nope", NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AmigoAwsConfig) config = load_fixture (cases[i].env);
      g_autofree char *region = NULL;

      g_test_message ("case %s", cases[i].name);
      region = amigo_aws_config_resolve_region (config, cases[i].profile);
      g_assert_cmpstr (region, ==, cases[i].expected);
    }
}

static void
test_endpoint_url (void)
{
  g_autoptr(AmigoAwsConfig) config = load_fixture (NULL);
  const struct {
    const char *profile;
    const char *service;
    const char *expected;
  } cases[] = {
    /* [services local] wins for the services it names... */
    { "svc", "ec2", "http://localhost:5000/" },
    { "svc", "sts", "http://localhost:5001" },
    /* ...the profile's endpoint_url covers the rest. */
    { "svc", "ssm", "https://global.example.com" },
    { "plain-endpoint", "ec2", "https://profile.example.com" },
    { "default", "ec2", NULL },
    { "nope", "ec2", NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *url = amigo_aws_config_get_endpoint_url (config, cases[i].profile,
                                                                cases[i].service);

      g_test_message ("case %s/%s", cases[i].profile, cases[i].service);
      g_assert_cmpstr (url, ==, cases[i].expected);
    }

  g_assert_cmpstr (amigo_aws_config_get_services_value (config, "local", "ec2", "endpoint_url"),
                   ==, "http://localhost:5000/");
  g_assert_null (amigo_aws_config_get_services_value (config, "other", "ec2", "endpoint_url"));
  g_assert_null (amigo_aws_config_get_services_value (config, NULL, "ec2", "endpoint_url"));
}

static void
test_lookup_missing_profile (void)
{
  g_autoptr(AmigoAwsConfig) config = load_fixture (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoAwsProfile) profile = NULL;

  profile = amigo_aws_config_lookup_profile (config, "no-such-profile", &error);
  g_assert_null (profile);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“no-such-profile”"));
  g_assert_nonnull (strstr (error->message, DATA "/config"));
  g_assert_nonnull (strstr (error->message, DATA "/credentials"));
}

static void
test_missing_files (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *config_path = g_build_filename (dir, "no-config", NULL);
  g_autofree char *credentials_path = g_build_filename (dir, "no-such-dir", "credentials", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoAwsConfig) config = NULL;
  g_auto(GStrv) names = NULL;

  config = amigo_aws_config_load_files (config_path, credentials_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (config);
  names = amigo_aws_config_list_profiles (config);
  g_assert_cmpuint (g_strv_length (names), ==, 0);
  g_assert_cmpstr (amigo_aws_config_get_config_path (config), ==, config_path);

  remove_tree (dir);
}

/* The environment picks the files, with ~ and $VAR expanded. */
static void
test_paths_from_environment (void)
{
  g_autofree char *home = make_tmp_dir ();
  g_autofree char *aws_dir = g_build_filename (home, ".aws", NULL);
  g_autofree char *home_env = g_strconcat ("HOME=", home, NULL);
  g_autofree char *expected_config = g_build_filename (home, ".aws", "config", NULL);
  g_autofree char *expected_alt = g_build_filename (home, "alt-credentials", NULL);

  g_assert_cmpint (g_mkdir (aws_dir, 0700), ==, 0);
  g_free (write_file (aws_dir, "config", "[default]\nregion = eu-west-2\n", -1));
  g_free (write_file (aws_dir, "credentials", "[from-default-path]\naws_access_key_id = A\n", -1));
  g_free (write_file (home, "alt-config", "[profile alt]\nregion = us-west-2\n", -1));
  g_free (write_file (home, "alt-credentials", "[alt-creds]\naws_access_key_id = B\n", -1));

  {
    /* No variables: ~/.aws/config and ~/.aws/credentials. */
    const char *env[] = { home_env, NULL };
    g_autoptr(GError) error = NULL;
    g_autoptr(AmigoAwsConfig) config = amigo_aws_config_load (env, &error);
    g_auto(GStrv) names = NULL;
    const char * const expected[] = { "default", "from-default-path", NULL };

    g_assert_no_error (error);
    names = amigo_aws_config_list_profiles (config);
    g_assert_cmpstrv (names, expected);
    g_assert_cmpstr (amigo_aws_config_get_config_path (config), ==, expected_config);
  }

  {
    /* Overrides, with ~ and $VAR / ${VAR}. */
    const char *env[] = {
      home_env,
      "AWS_CONFIG_FILE=~/alt-config",
      "AWS_SHARED_CREDENTIALS_FILE=${MY_DIR}/alt-credentials",
      NULL, NULL,
    };
    g_autofree char *my_dir = g_strconcat ("MY_DIR=", home, NULL);
    g_autoptr(GError) error = NULL;
    g_autoptr(AmigoAwsConfig) config = NULL;
    g_auto(GStrv) names = NULL;
    const char * const expected[] = { "alt", "alt-creds", NULL };

    env[3] = my_dir;
    config = amigo_aws_config_load (env, &error);
    g_assert_no_error (error);
    names = amigo_aws_config_list_profiles (config);
    g_assert_cmpstrv (names, expected);
    g_assert_cmpstr (amigo_aws_config_get_credentials_path (config), ==, expected_alt);
  }

  {
    /* An empty variable names no file at all, as in botocore. */
    const char *env[] = { home_env, "AWS_CONFIG_FILE=", "AWS_SHARED_CREDENTIALS_FILE=", NULL };
    g_autoptr(GError) error = NULL;
    g_autoptr(AmigoAwsConfig) config = amigo_aws_config_load (env, &error);
    g_auto(GStrv) names = NULL;

    g_assert_no_error (error);
    names = amigo_aws_config_list_profiles (config);
    g_assert_cmpuint (g_strv_length (names), ==, 0);
    g_assert_null (amigo_aws_config_get_config_path (config));
  }

  remove_tree (home);
}

static void
test_expand_path (void)
{
  const char *env[] = { "HOME=/home/amigo/", "DIR=/srv", "EMPTY=", NULL };
  const struct {
    const char *in;
    const char *out;
  } cases[] = {
    { "~", "/home/amigo" },
    { "~/.aws/config", "/home/amigo/.aws/config" },
    { "$DIR/config", "/srv/config" },
    { "${DIR}/config", "/srv/config" },
    { "${DIR}config", "/srvconfig" },
    { "$UNDEFINED/config", "$UNDEFINED/config" },
    { "${UNDEFINED}/config", "${UNDEFINED}/config" },
    { "${DIR", "${DIR" },
    { "a$EMPTY/b", "a/b" },
    { "~other/config", "~other/config" },
    { "/etc/~/x", "/etc/~/x" },
    { "plain", "plain" },
    { "$", "$" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = amigo_aws_config_expand_path (cases[i].in, env);

      g_assert_cmpstr (out, ==, cases[i].out);
    }

  /* ~user: that user's home, as the system's user database has it. */
  {
    struct passwd *root = getpwnam ("root");
    g_autofree char *expected = NULL;
    g_autofree char *out = amigo_aws_config_expand_path ("~root/.aws/config", env);
    g_autofree char *alone = amigo_aws_config_expand_path ("~root", env);

    g_assert_nonnull (root);
    expected = g_build_filename (root->pw_dir, ".aws", "config", NULL);
    g_assert_cmpstr (out, ==, expected);
    g_assert_cmpstr (alone, ==, root->pw_dir);
  }
}

/* [DEFAULT], [default] vs [profile default], CRLF, BOM: botocore's corners. */
static void
test_ini_corners (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *config_path = write_file (dir, "config",
    "\xef\xbb\xbf[DEFAULT]\r\n"
    "output = table\r\n"
    "[default]\r\n"
    "region = us-east-1\r\n"
    "[profile default]\r\n"
    "region = eu-west-1\r\n"
    "[profile two]\r\n"
    "region = us-west-1\r\n"
    "output = json\r\n"
    "[profile three words here]\r\n"
    "region = nowhere\r\n"
    "[profile]\r\n"
    "region = nowhere\r\n"
    /* botocore would take "y" from this; we want the word "profile". */
    "[profilex y]\r\n"
    "region = nowhere\r\n"
    "[profile  spaced ]  \r\n"
    "region = ap-east-1\r\n", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoAwsConfig) config = NULL;
  g_autoptr(AmigoAwsProfile) def = NULL;
  g_autoptr(AmigoAwsProfile) two = NULL;
  g_autoptr(AmigoAwsProfile) spaced = NULL;
  g_auto(GStrv) names = NULL;
  const char * const expected[] = { "default", "spaced", "two", NULL };

  config = amigo_aws_config_load_files (config_path, NULL, NULL, &error);
  g_assert_no_error (error);

  names = amigo_aws_config_list_profiles (config);
  g_assert_cmpstrv (names, expected);

  /* The later of [default] and [profile default] replaces the earlier. */
  def = amigo_aws_config_get_profile (config, "default");
  g_assert_cmpstr (amigo_aws_profile_get_region (def), ==, "eu-west-1");
  /* [DEFAULT] fills in keys a section lacks, and only those. */
  g_assert_cmpstr (amigo_aws_profile_get_output (def), ==, "table");
  two = amigo_aws_config_get_profile (config, "two");
  g_assert_cmpstr (amigo_aws_profile_get_output (two), ==, "json");
  /* No stray \r at the end of values. */
  g_assert_cmpstr (amigo_aws_profile_get_region (two), ==, "us-west-1");
  spaced = amigo_aws_config_get_profile (config, "spaced");
  g_assert_cmpstr (amigo_aws_profile_get_region (spaced), ==, "ap-east-1");

  remove_tree (dir);
}

typedef struct {
  const char *name;
  const char *contents;
  guint line;                   /* expected in the message; 0 = don't check */
  const char *must_mention;     /* NULL = nothing more */
} BadCase;

static const BadCase bad_cases[] = {
  { "not-key-value", "[default]\nregion = us-east-1\nthis line is not a setting\n", 3, NULL },
  { "secret-not-echoed", "[default]\naws_secret_access_key wJalrXUtnFEMIK7MDENGbPxRfiCY\n", 2, NULL },
  { "unterminated-section", "[default]\nregion = x\n\n[profile broken\nregion = y\n", 4, "no closing" },
  { "empty-section-name", "[]\nregion = x\n", 1, NULL },
  { "setting-before-section", "# comment\nregion = us-east-1\n[default]\n", 2, "before the first" },
  { "indented-before-section", "  region = us-east-1\n", 1, NULL },
  { "duplicate-section", "[default]\na = 1\n[profile x]\n[default]\nb = 2\n", 4, "[default]" },
  { "duplicate-key", "[default]\nregion = a\noutput = json\nRegion = b\n", 4, "“region”" },
  { "empty-key", "[default]\n= value\n", 2, NULL },
  { "bad-sub-section", "[default]\ns3 =\n  addressing_style = path\n  no equals here\n", 4, "“s3”" },
  { "not-utf8", "[default]\nregion = us-east-1\nname = \xff\xfe\n", 3, "UTF-8" },
};

static void
check_bad_case (gconstpointer data)
{
  const BadCase *c = data;
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = write_file (dir, "config", c->contents, -1);
  g_autofree char *line = g_strdup_printf ("line %u ", c->line);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoAwsConfig) config = NULL;

  /* As the config file, then as the credentials file. */
  for (guint as_credentials = 0; as_credentials < 2; as_credentials++)
    {
      g_clear_error (&error);
      config = amigo_aws_config_load_files (as_credentials ? NULL : path,
                                            as_credentials ? path : NULL, NULL, &error);
      g_assert_null (config);
      g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, path));
      g_assert_nonnull (strstr (error->message, line));
      if (c->must_mention != NULL)
        g_assert_nonnull (strstr (error->message, c->must_mention));
      /* The line itself is never quoted. */
      g_assert_null (strstr (error->message, "wJalr"));
      g_assert_null (strstr (error->message, "not a setting"));
    }

  remove_tree (dir);
}

static void
test_unreadable_directory (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoAwsConfig) config = NULL;

  /* A folder where the file should be fails for root too. */
  config = amigo_aws_config_load_files (dir, NULL, NULL, &error);
  g_assert_null (config);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, dir));

  g_clear_error (&error);
  config = amigo_aws_config_load_files (NULL, dir, NULL, &error);
  g_assert_null (config);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "AWS_SHARED_CREDENTIALS_FILE"));

  remove_tree (dir);
}

static void
test_not_a_regular_file (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *fifo = g_build_filename (dir, "config", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoAwsConfig) config = NULL;

  /* A FIFO nobody writes to would block the read for ever; a device such
   * as /dev/zero would never end: both are refused before reading. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  config = amigo_aws_config_load_files (fifo, NULL, NULL, &error);
  g_assert_null (config);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, fifo));
  g_assert_nonnull (strstr (error->message, "AWS_CONFIG_FILE"));

  g_clear_error (&error);
  config = amigo_aws_config_load_files (NULL, "/dev/zero", NULL, &error);
  g_assert_null (config);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, "/dev/zero"));
  g_assert_nonnull (strstr (error->message, "AWS_SHARED_CREDENTIALS_FILE"));

  remove_tree (dir);
}

/* The reader every outside file goes through (the AWS CLI's files, the
 * web identity token, the CLI's SSO cache, the task state, the price
 * cache): what it refuses, and that it never waits on a FIFO. */
static void
test_read_bounded (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *fifo = g_build_filename (dir, "token", NULL);
  g_autofree char *file = g_build_filename (dir, "file", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_false (amigo_file_read_bounded (fifo, 1024, &contents, &length, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);
  g_assert_false (amigo_file_read_bounded ("/dev/zero", 1024, &contents, &length, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_clear_error (&error);
  g_assert_false (amigo_file_read_bounded (dir, 1024, &contents, &length, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);
  g_assert_false (amigo_file_read_bounded (missing, 1024, &contents, &length, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (file, "12345678", -1, NULL));
  g_assert_false (amigo_file_read_bounded (file, 7, &contents, &length, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
  g_clear_error (&error);
  g_assert_null (contents);
  g_assert_true (amigo_file_read_bounded (file, 8, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, ==, 8);
  g_assert_cmpstr (contents, ==, "12345678");
  g_free (contents);

  remove_tree (dir);
}

/* A file past the size limit (1 MiB) is refused before it is read. */
static void
test_too_large (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "credentials", NULL);
  g_autofree char *big = NULL;
  gsize size = 1024 * 1024 + 1;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoAwsConfig) config = NULL;

  big = g_malloc (size);
  memset (big, '#', size);
  g_assert_true (g_file_set_contents (path, big, size, NULL));
  config = amigo_aws_config_load_files (NULL, path, NULL, &error);
  g_assert_null (config);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "1024 KiB"));

  /* Just under it is read as usual (a file of comments: no profile). */
  g_clear_error (&error);
  g_assert_true (g_file_set_contents (path, big, size - 1, NULL));
  config = amigo_aws_config_load_files (NULL, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (config);

  remove_tree (dir);
}

static void
test_unreadable_permissions (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoAwsConfig) config = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root reads files whatever their mode; /aws-config/error/unreadable-directory "
                   "covers unreadable files for root");
      return;
    }

  dir = make_tmp_dir ();
  path = write_file (dir, "credentials", "[default]\n", -1);
  g_assert_cmpint (g_chmod (path, 0), ==, 0);
  config = amigo_aws_config_load_files (NULL, path, NULL, &error);
  g_assert_null (config);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG);
  g_assert_nonnull (strstr (error->message, path));
  remove_tree (dir);
}

static void
load_async_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GMainLoop *loop = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoAwsConfig) config = amigo_aws_config_load_finish (result, &error);

  g_assert_no_error (error);
  g_assert_true (amigo_aws_config_has_profile (config, "work"));
  g_assert_cmpstr (amigo_aws_config_getenv (config, "AWS_PROFILE"), ==, "svc");
  g_main_loop_quit (loop);
}

static void
load_async_error_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GMainLoop *loop = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoAwsConfig) config = amigo_aws_config_load_finish (result, &error);

  g_assert_null (config);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG);
  g_main_loop_quit (loop);
}

static void
test_load_async (void)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  const char *env[] = {
    "AWS_CONFIG_FILE=" DATA "/config",
    "AWS_SHARED_CREDENTIALS_FILE=" DATA "/credentials",
    "AWS_PROFILE=svc",
    NULL,
  };
  const char *bad_env[] = { "AWS_CONFIG_FILE=" DATA, NULL };

  amigo_aws_config_load_async (env, NULL, load_async_cb, loop);
  g_main_loop_run (loop);
  amigo_aws_config_load_async (bad_env, NULL, load_async_error_cb, loop);
  g_main_loop_run (loop);
}

static void
test_timeout_setting (void)
{
  g_autoptr(AmigoAwsConfig) config = load_fixture (NULL);

  g_assert_cmpuint (amigo_aws_config_get_credential_process_timeout (config), ==, 60000);
  amigo_aws_config_set_credential_process_timeout (config, 250);
  g_assert_cmpuint (amigo_aws_config_get_credential_process_timeout (config), ==, 250);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/aws-config/profiles/list-union-sorted-default-first", test_list_profiles);
  g_test_add_func ("/aws-config/profiles/values", test_profile_values);
  g_test_add_func ("/aws-config/profiles/keys-whitespace-unknown", test_keys_and_whitespace);
  g_test_add_func ("/aws-config/profiles/sub-sections", test_sub_sections);
  g_test_add_func ("/aws-config/profiles/credentials-override-config", test_credentials_override_config);
  g_test_add_func ("/aws-config/profiles/selected", test_selected_profile);
  g_test_add_func ("/aws-config/profiles/lookup-missing", test_lookup_missing_profile);
  g_test_add_func ("/aws-config/region/precedence", test_region);
  g_test_add_func ("/aws-config/endpoint-url", test_endpoint_url);
  g_test_add_func ("/aws-config/files/missing-is-empty", test_missing_files);
  g_test_add_func ("/aws-config/files/paths-from-environment", test_paths_from_environment);
  g_test_add_func ("/aws-config/files/expand-path", test_expand_path);
  g_test_add_func ("/aws-config/files/ini-corners", test_ini_corners);
  g_test_add_func ("/aws-config/files/load-async", test_load_async);
  g_test_add_func ("/aws-config/files/process-timeout-setting", test_timeout_setting);
  g_test_add_func ("/aws-config/error/unreadable-directory", test_unreadable_directory);
  g_test_add_func ("/aws-config/error/not-a-regular-file", test_not_a_regular_file);
  g_test_add_func ("/aws-config/error/read-bounded", test_read_bounded);
  g_test_add_func ("/aws-config/error/too-large", test_too_large);
  g_test_add_func ("/aws-config/error/unreadable-permissions", test_unreadable_permissions);
  for (gsize i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/aws-config/error/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], check_bad_case);
    }

  return g_test_run ();
}
