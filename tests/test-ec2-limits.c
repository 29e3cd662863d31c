/* test-ec2-limits.c — EC2's rules as the engine holds them, and the
 * ClientToken policy
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * - /ec2-limits/volume-size/…: each EBS type's sizes, from the EC2 API
 *   reference (CreateVolume `Size`), edges included.
 * - /ec2-limits/volume-types: the types in the order the dialogs offer
 *   them, which need IOPS, which take a throughput.
 * - /ec2-limits/tag/…: key and value lengths in characters, `aws:`.
 * - /ec2-limits/user-data, /ec2-limits/image-name.
 * - /ec2/client-token/…: the fingerprint of a request is its encoded
 *   query but the token; the policy keeps a token while it is the same.
 */
#include "config.h"

#include <string.h>

#include "amigo-ec2.h"
#include "amigo-error.h"

/* ---- volumes ----------------------------------------------------------- */

typedef struct {
  const char *name;
  const char *type;
  gint size;
  gboolean valid;
} SizeCase;

static const SizeCase size_cases[] = {
  { "gp3-smallest", "gp3", 1, TRUE },
  { "gp3-largest", "gp3", 65536, TRUE },
  { "gp3-too-large", "gp3", 65537, FALSE },
  { "gp3-zero", "gp3", 0, FALSE },
  { "gp2-largest", "gp2", 16384, TRUE },
  { "gp2-too-large", "gp2", 16385, FALSE },
  { "io1-too-small", "io1", 3, FALSE },
  { "io1-smallest", "io1", 4, TRUE },
  { "io1-too-large", "io1", 16385, FALSE },
  { "io2-largest", "io2", 65536, TRUE },
  { "st1-too-small", "st1", 124, FALSE },
  { "st1-smallest", "st1", 125, TRUE },
  { "sc1-too-large", "sc1", 16385, FALSE },
  { "standard-largest", "standard", 1024, TRUE },
  { "standard-too-large", "standard", 1025, FALSE },
  { "unknown-type", "gp9", 8, FALSE },
};

static void
test_volume_size (gconstpointer data)
{
  const SizeCase *c = data;

  g_assert_cmpint (amigo_ec2_volume_size_is_valid (c->type, c->size), ==, c->valid);
}

static void
test_volume_types (void)
{
  static const char * const order[] = { "gp3", "gp2", "io1", "io2", "st1", "sc1", "standard" };
  const AmigoEc2VolumeLimits *all;
  guint n = 0;
  gint largest = 0;

  all = amigo_ec2_get_all_volume_limits (&n);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (order));
  for (guint i = 0; i < n; i++)
    {
      const AmigoEc2VolumeLimits *t = &all[i];
      gboolean provisioned = g_str_equal (t->volume_type, "io1") || g_str_equal (t->volume_type, "io2");

      g_assert_cmpstr (t->volume_type, ==, order[i]);
      g_assert_true (amigo_ec2_get_volume_limits (order[i]) == t);
      g_assert_cmpint (t->min_size, >=, 1);
      g_assert_cmpint (t->min_size, <, t->max_size);
      g_assert_cmpint (t->iops_required, ==, provisioned);
      /* Only gp3 takes a throughput; only the SSDs above take IOPS. */
      g_assert_cmpint (t->max_throughput > 0, ==, g_str_equal (t->volume_type, "gp3"));
      g_assert_cmpint (t->max_iops > 0, ==, provisioned || g_str_equal (t->volume_type, "gp3"));
      g_assert_cmpint (t->min_iops, <=, t->max_iops);
      largest = MAX (largest, t->max_size);
    }
  g_assert_cmpint (largest, ==, AMIGO_EC2_VOLUME_SIZE_MAX);

  g_assert_cmpint (amigo_ec2_get_volume_limits ("gp3")->min_iops, ==, 3000);
  g_assert_cmpint (amigo_ec2_get_volume_limits ("gp3")->max_iops, ==, 80000);
  g_assert_cmpint (amigo_ec2_get_volume_limits ("gp3")->min_throughput, ==, 125);
  g_assert_cmpint (amigo_ec2_get_volume_limits ("gp3")->max_throughput, ==, 2000);
  g_assert_cmpint (amigo_ec2_get_volume_limits ("io1")->max_iops, ==, 64000);
  g_assert_cmpint (amigo_ec2_get_volume_limits ("io2")->max_iops, ==, 256000);
  g_assert_null (amigo_ec2_get_volume_limits (NULL));
  g_assert_null (amigo_ec2_get_volume_limits ("GP3"));
}

/* ---- tags -------------------------------------------------------------- */

typedef struct {
  const char *name;
  const char *key;              /* "k*129": 129 × "k" */
  const char *value;
  AmigoEc2TagProblem problem;
} TagCase;

static const TagCase tag_cases[] = {
  { "ok", "Team", "web", AMIGO_EC2_TAG_OK },
  { "no-value", "Team", NULL, AMIGO_EC2_TAG_OK },
  { "empty-value", "Team", "", AMIGO_EC2_TAG_OK },
  { "empty-key", "", "web", AMIGO_EC2_TAG_KEY_EMPTY },
  { "longest-key", "k*128", "v", AMIGO_EC2_TAG_OK },
  { "key-too-long", "k*129", "v", AMIGO_EC2_TAG_KEY_TOO_LONG },
  /* Characters, not bytes: 128 Hangul syllables are 384 bytes. */
  { "longest-key-hangul", "가*128", "v", AMIGO_EC2_TAG_OK },
  { "key-too-long-hangul", "가*129", "v", AMIGO_EC2_TAG_KEY_TOO_LONG },
  { "reserved", "aws:cloudformation:stack-name", "s", AMIGO_EC2_TAG_KEY_RESERVED },
  { "reserved-any-case", "AWS:x", "s", AMIGO_EC2_TAG_KEY_RESERVED },
  { "aws-without-colon", "awsome", "s", AMIGO_EC2_TAG_OK },
  { "longest-value", "k", "v*256", AMIGO_EC2_TAG_OK },
  { "value-too-long", "k", "v*257", AMIGO_EC2_TAG_VALUE_TOO_LONG },
  { "longest-value-hangul", "k", "값*256", AMIGO_EC2_TAG_OK },
  { "value-too-long-hangul", "k", "값*257", AMIGO_EC2_TAG_VALUE_TOO_LONG },
  /* The key's problem comes first. */
  { "key-before-value", "k*129", "v*257", AMIGO_EC2_TAG_KEY_TOO_LONG },
};

/* "x*N" → N copies of x (one character, maybe several bytes). */
static char *
expand (const char *spec)
{
  const char *star = spec != NULL ? strstr (spec, "*") : NULL;
  g_autofree char *unit = NULL;
  GString *out;
  guint64 n;

  if (star == NULL)
    return g_strdup (spec);
  unit = g_strndup (spec, star - spec);
  n = g_ascii_strtoull (star + 1, NULL, 10);
  out = g_string_new (NULL);
  for (guint64 i = 0; i < n; i++)
    g_string_append (out, unit);
  return g_string_free (out, FALSE);
}

static void
test_tag (gconstpointer data)
{
  const TagCase *c = data;
  g_autofree char *key = expand (c->key);
  g_autofree char *value = expand (c->value);

  g_assert_cmpint (amigo_ec2_check_tag (key, value), ==, c->problem);
  g_assert_cmpint (amigo_ec2_tag_key_is_reserved (key), ==, c->problem == AMIGO_EC2_TAG_KEY_RESERVED);
}

static void
test_tag_count (void)
{
  /* CreateTags: "Each resource can have a maximum of 50 tags." */
  g_assert_cmpint (AMIGO_EC2_TAGS_PER_RESOURCE_MAX, ==, 50);
}

/* ---- user data, image names ------------------------------------------- */

static void
test_user_data (void)
{
  g_autofree char *largest = g_strnfill (16 * 1024, 'x');
  g_autofree char *too_large = g_strnfill (16 * 1024 + 1, 'x');
  g_autoptr(GError) error = NULL;

  g_assert_true (amigo_ec2_validate_user_data (NULL, NULL));
  g_assert_true (amigo_ec2_validate_user_data ("", NULL));
  g_assert_true (amigo_ec2_validate_user_data (largest, NULL));
  g_assert_false (amigo_ec2_validate_user_data (too_large, &error));
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "16385"));
}

static void
test_image_name (void)
{
  g_autofree char *longest = g_strnfill (AMIGO_EC2_IMAGE_NAME_MAX, 'n');
  g_autofree char *too_long = g_strnfill (AMIGO_EC2_IMAGE_NAME_MAX + 1, 'n');
  g_autoptr(GError) error = NULL;

  g_assert_true (amigo_ec2_validate_image_name ("web (2026-12-07) [v1.2] ./-'@_", NULL));
  g_assert_true (amigo_ec2_validate_image_name ("abc", NULL));
  g_assert_true (amigo_ec2_validate_image_name (longest, NULL));
  g_assert_false (amigo_ec2_validate_image_name ("ab", NULL));
  g_assert_false (amigo_ec2_validate_image_name (too_long, NULL));
  g_assert_false (amigo_ec2_validate_image_name (NULL, NULL));
  g_assert_false (amigo_ec2_validate_image_name ("web:1", &error));
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT);
  g_assert_cmpint (AMIGO_EC2_IMAGE_DESCRIPTION_MAX, ==, 255);
}

/* ---- ClientToken ------------------------------------------------------- */

static void
test_token_policy (void)
{
  g_autoptr(AmigoClientTokenPolicy) policy = amigo_client_token_policy_new ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_null (amigo_client_token_policy_peek_token (policy));

  first = g_strdup (amigo_client_token_policy_get_token (policy, "a"));
  g_assert_nonnull (first);
  g_assert_cmpstr (amigo_client_token_policy_peek_token (policy), ==, first);
  /* The same request: the same token, however often. */
  g_assert_cmpstr (amigo_client_token_policy_get_token (policy, "a"), ==, first);
  g_assert_cmpstr (amigo_client_token_policy_get_token (policy, "a"), ==, first);

  /* Another request: another token. */
  second = g_strdup (amigo_client_token_policy_get_token (policy, "b"));
  g_assert_cmpstr (second, !=, first);
  g_assert_cmpstr (amigo_client_token_policy_get_token (policy, "b"), ==, second);

  /* Back to the first request: the first token went with it. */
  g_assert_cmpstr (amigo_client_token_policy_get_token (policy, "a"), !=, first);
  g_assert_cmpstr (amigo_client_token_policy_get_token (policy, "a"), !=, second);
}

static void
test_run_instances_fingerprint (void)
{
  static const char * const groups[] = { "sg-1", NULL };
  const AmigoEc2Tag tags[] = { { "Name", "web" } };
  AmigoRunInstancesRequest request = {
    .image_id = "ami-1",
    .instance_type = "t3.micro",
    .security_group_ids = groups,
    .user_data = "#!/bin/sh\necho hi\n",
    .instance_tags = tags,
    .n_instance_tags = 1,
  };
  AmigoRunInstancesRequest changed;
  g_autofree char *fingerprint = amigo_ec2_run_instances_fingerprint (&request);
  g_autofree char *again = amigo_ec2_run_instances_fingerprint (&request);
  g_autofree char *with_token = NULL;
  g_autofree char *with_profile = NULL;
  g_autofree char *with_user_data = NULL;
  g_autofree char *with_count = NULL;

  g_assert_cmpstr (fingerprint, ==, again);

  /* The token itself is not part of what it is tied to. */
  changed = request;
  changed.client_token = "token-1";
  with_token = amigo_ec2_run_instances_fingerprint (&changed);
  g_assert_cmpstr (with_token, ==, fingerprint);

  /* Everything sent is: also what a dialog's own text left out. */
  changed = request;
  changed.iam_instance_profile = "web-role";
  with_profile = amigo_ec2_run_instances_fingerprint (&changed);
  g_assert_cmpstr (with_profile, !=, fingerprint);

  changed = request;
  changed.user_data = "#!/bin/sh\necho bye\n";
  with_user_data = amigo_ec2_run_instances_fingerprint (&changed);
  g_assert_cmpstr (with_user_data, !=, fingerprint);

  /* 0 and 1 instances are the same request (MinCount 1). */
  changed = request;
  changed.min_count = 1;
  with_count = amigo_ec2_run_instances_fingerprint (&changed);
  g_assert_cmpstr (with_count, ==, fingerprint);
}

static void
test_copy_image_fingerprint (void)
{
  AmigoCopyImageRequest request = {
    .source_region = "us-east-1",
    .source_image_id = "ami-1",
    .name = "web copy",
  };
  AmigoCopyImageRequest changed;
  g_autofree char *fingerprint = amigo_ec2_copy_image_fingerprint (&request);
  g_autofree char *with_token = NULL;
  g_autofree char *encrypted = NULL;
  g_autofree char *renamed = NULL;
  g_autoptr(AmigoClientTokenPolicy) policy = amigo_client_token_policy_new ();
  g_autofree char *token = NULL;

  changed = request;
  changed.client_token = "token-1";
  with_token = amigo_ec2_copy_image_fingerprint (&changed);
  g_assert_cmpstr (with_token, ==, fingerprint);

  changed = request;
  changed.encrypted = TRUE;
  encrypted = amigo_ec2_copy_image_fingerprint (&changed);
  g_assert_cmpstr (encrypted, !=, fingerprint);

  changed = request;
  changed.name = "web copy 2";
  renamed = amigo_ec2_copy_image_fingerprint (&changed);
  g_assert_cmpstr (renamed, !=, fingerprint);

  /* A retry of the same copy gets the same token; a renamed one does not. */
  token = g_strdup (amigo_client_token_policy_get_token (policy, fingerprint));
  g_assert_cmpstr (amigo_client_token_policy_get_token (policy, with_token), ==, token);
  g_assert_cmpstr (amigo_client_token_policy_get_token (policy, renamed), !=, token);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (size_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ec2-limits/volume-size/%s", size_cases[i].name);
      g_test_add_data_func (path, &size_cases[i], test_volume_size);
    }
  g_test_add_func ("/ec2-limits/volume-types", test_volume_types);
  for (guint i = 0; i < G_N_ELEMENTS (tag_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ec2-limits/tag/%s", tag_cases[i].name);
      g_test_add_data_func (path, &tag_cases[i], test_tag);
    }
  g_test_add_func ("/ec2-limits/tag-count", test_tag_count);
  g_test_add_func ("/ec2-limits/user-data", test_user_data);
  g_test_add_func ("/ec2-limits/image-name", test_image_name);
  g_test_add_func ("/ec2/client-token/policy", test_token_policy);
  g_test_add_func ("/ec2/client-token/run-instances-fingerprint", test_run_instances_fingerprint);
  g_test_add_func ("/ec2/client-token/copy-image-fingerprint", test_copy_image_fingerprint);

  return g_test_run ();
}
