/* test-endpoint.c — regions, partitions, endpoints and their overrides
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "amigo-endpoint.h"
#include "amigo-endpoint-rules.h"
#include "amigo-error.h"
#include "amigo-region.h"
#include "amigo-region-list.h"

static void
test_default_urls (void)
{
  const struct {
    const char *service;
    const char *region;
    const char *url;
  } cases[] = {
    { "ec2", "us-east-1",      "https://ec2.us-east-1.amazonaws.com" },
    { "ec2", "ap-northeast-2", "https://ec2.ap-northeast-2.amazonaws.com" },
    { "ec2", "af-south-1",     "https://ec2.af-south-1.amazonaws.com" },
    { "ec2", "cn-north-1",     "https://ec2.cn-north-1.amazonaws.com.cn" },
    { "ec2", "cn-northwest-1", "https://ec2.cn-northwest-1.amazonaws.com.cn" },
    { "ec2", "us-gov-west-1",  "https://ec2.us-gov-west-1.amazonaws.com" },
    { "ec2", "eu-future-9",    "https://ec2.eu-future-9.amazonaws.com" },
    { "sts", "eu-west-1",      "https://sts.eu-west-1.amazonaws.com" },
    { "sts", "us-east-1",      "https://sts.us-east-1.amazonaws.com" },
    { "sts", "cn-northwest-1", "https://sts.cn-northwest-1.amazonaws.com.cn" },
    { "sts", "us-gov-east-1",  "https://sts.us-gov-east-1.amazonaws.com" },
    { "ssm", "ap-southeast-7", "https://ssm.ap-southeast-7.amazonaws.com" },
    { "ssm", "cn-north-1",     "https://ssm.cn-north-1.amazonaws.com.cn" },
    { "ssm", "us-gov-east-1",  "https://ssm.us-gov-east-1.amazonaws.com" },
    { "ec2", "eusc-de-east-1", "https://ec2.eusc-de-east-1.amazonaws.eu" },
    /* IAM is global in its partition: its rule set says so. */
    { "iam", "eu-west-1",      "https://iam.amazonaws.com" },
    /* No rule set shipped: the partition's usual pattern. */
    { "ebs", "eusc-de-east-1", "https://ebs.eusc-de-east-1.amazonaws.eu" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *url = amigo_endpoint_default_url (cases[i].service, cases[i].region, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (url, ==, cases[i].url);
    }
}

static void
test_partitions (void)
{
  const struct {
    const char *region;
    AmigoPartition partition;
    const char *id;
    const char *suffix;
  } cases[] = {
    { "us-east-1",      AMIGO_PARTITION_AWS,        "aws",        "amazonaws.com" },
    { "eu-central-2",   AMIGO_PARTITION_AWS,        "aws",        "amazonaws.com" },
    { "cn-north-1",     AMIGO_PARTITION_AWS_CN,     "aws-cn",     "amazonaws.com.cn" },
    { "cn-northwest-1", AMIGO_PARTITION_AWS_CN,     "aws-cn",     "amazonaws.com.cn" },
    { "us-gov-west-1",  AMIGO_PARTITION_AWS_US_GOV, "aws-us-gov", "amazonaws.com" },
    { "us-gov-east-1",  AMIGO_PARTITION_AWS_US_GOV, "aws-us-gov", "amazonaws.com" },
    { "eusc-de-east-1", AMIGO_PARTITION_AWS_EUSC,   "aws-eusc",   "amazonaws.eu" },
    { "eusc-de-west-2", AMIGO_PARTITION_AWS_EUSC,   "aws-eusc",   "amazonaws.eu" },
    { "us-iso-east-1",  AMIGO_PARTITION_AWS_ISO,    "aws-iso",    "c2s.ic.gov" },
    { "us-isob-east-1", AMIGO_PARTITION_AWS_ISO_B,  "aws-iso-b",  "sc2s.sgov.gov" },
    { "eu-isoe-west-1", AMIGO_PARTITION_AWS_ISO_E,  "aws-iso-e",  "cloud.adc-e.uk" },
    { "us-isof-south-1", AMIGO_PARTITION_AWS_ISO_F, "aws-iso-f",  "csp.hci.ic.gov" },
    /* Prefixes must be whole words. */
    { "us-govcloud-1",  AMIGO_PARTITION_AWS,        "aws",        "amazonaws.com" },
    { "cnx-north-1",    AMIGO_PARTITION_AWS,        "aws",        "amazonaws.com" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      AmigoPartition p = amigo_partition_for_region (cases[i].region);

      g_test_message ("region %s", cases[i].region);
      g_assert_cmpint (p, ==, cases[i].partition);
      g_assert_cmpstr (amigo_partition_get_id (p), ==, cases[i].id);
      g_assert_cmpstr (amigo_partition_get_dns_suffix (p), ==, cases[i].suffix);
    }
}

static void
test_known_regions (void)
{
  gsize n = 0;
  const AmigoRegionInfo *regions = amigo_region_get_known (&n);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const struct {
    const char *code;
    const char *name;
    gboolean opt_in;
  } spot_checks[] = {
    { "ap-northeast-2", "Asia Pacific (Seoul)",    FALSE },
    { "us-east-1",      "US East (N. Virginia)",   FALSE },
    { "af-south-1",     "Africa (Cape Town)",      TRUE },
    { "me-central-1",   "Middle East (UAE)",       TRUE },
    { "mx-central-1",   "Mexico (Central)",        TRUE },
    { "ap-southeast-7", "Asia Pacific (Thailand)", TRUE },
    { "cn-north-1",     "China (Beijing)",         FALSE },
    { "us-gov-west-1",  "AWS GovCloud (US-West)",  FALSE },
  };
  guint n_cn = 0, n_gov = 0;

  g_assert_cmpuint (n, >=, 38);
  for (gsize i = 0; i < n; i++)
    {
      g_test_message ("region %s", regions[i].code);
      g_assert_true (amigo_region_is_valid_name (regions[i].code));
      g_assert_false (g_hash_table_contains (seen, regions[i].code));
      g_hash_table_add (seen, (gpointer) regions[i].code);
      g_assert_cmpint (regions[i].partition, ==, amigo_partition_for_region (regions[i].code));
      g_assert_nonnull (regions[i].display_name);
      g_assert_cmpstr (regions[i].display_name, !=, "");
      g_assert_true (amigo_region_lookup (regions[i].code) == &regions[i]);
      if (regions[i].partition == AMIGO_PARTITION_AWS_CN)
        n_cn++;
      if (regions[i].partition == AMIGO_PARTITION_AWS_US_GOV)
        n_gov++;
    }
  g_assert_cmpuint (n_cn, ==, 2);
  g_assert_cmpuint (n_gov, ==, 2);

  for (gsize i = 0; i < G_N_ELEMENTS (spot_checks); i++)
    {
      const AmigoRegionInfo *info = amigo_region_lookup (spot_checks[i].code);

      g_assert_nonnull (info);
      g_assert_cmpstr (info->display_name, ==, spot_checks[i].name);
      /* Untranslated in the C locale the tests run in. */
      g_assert_cmpstr (amigo_region_info_get_display_name (info), ==, spot_checks[i].name);
      g_assert_cmpint (info->opt_in, ==, spot_checks[i].opt_in);
    }

  g_assert_null (amigo_region_lookup ("eu-future-9"));
  g_assert_null (amigo_region_lookup (NULL));
}

static void
test_invalid_regions (void)
{
  const struct {
    const char *region;
    int code;
  } cases[] = {
    { NULL,               AMIGO_AWS_ERROR_CONFIG },
    { "",                 AMIGO_AWS_ERROR_CONFIG },
    { "US-EAST-1",        AMIGO_AWS_ERROR_INVALID_ARGUMENT },
    { "us_east_1",        AMIGO_AWS_ERROR_INVALID_ARGUMENT },
    { "evil.com/x",       AMIGO_AWS_ERROR_INVALID_ARGUMENT },
    { "us-east-1.evil",   AMIGO_AWS_ERROR_INVALID_ARGUMENT },
    { "-us-east-1",       AMIGO_AWS_ERROR_INVALID_ARGUMENT },
    { "us-east-1-",       AMIGO_AWS_ERROR_INVALID_ARGUMENT },
    { "us--east-1",       AMIGO_AWS_ERROR_INVALID_ARGUMENT },
    { "us east 1",        AMIGO_AWS_ERROR_INVALID_ARGUMENT },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *url = NULL;
      g_autoptr(AmigoEndpoint) endpoint = NULL;

      g_test_message ("region “%s”", cases[i].region ? cases[i].region : "(null)");
      url = amigo_endpoint_default_url ("ec2", cases[i].region, &error);
      g_assert_null (url);
      g_assert_error (error, AMIGO_AWS_ERROR, cases[i].code);
      g_clear_error (&error);

      /* An override does not excuse a bad region: it is still the signing region. */
      endpoint = amigo_endpoint_resolve ("ec2", cases[i].region, NULL, "http://localhost:5000",
                                         NULL, &error);
      g_assert_null (endpoint);
      g_assert_error (error, AMIGO_AWS_ERROR, cases[i].code);
      g_assert_false (amigo_region_is_valid_name (cases[i].region));
    }
}

static void
test_invalid_service (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = amigo_endpoint_default_url ("EC2.evil", "us-east-1", &error);

  g_assert_null (url);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT);
}

static void
test_env_variable_names (void)
{
  const struct {
    const char *service;
    const char *variable;
  } cases[] = {
    { "ec2", "AWS_ENDPOINT_URL_EC2" },
    { "sts", "AWS_ENDPOINT_URL_STS" },
    { "ssm", "AWS_ENDPOINT_URL_SSM" },
    { "resource-groups", "AWS_ENDPOINT_URL_RESOURCE_GROUPS" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *variable = amigo_endpoint_env_variable (cases[i].service);

      g_assert_cmpstr (variable, ==, cases[i].variable);
    }
}

typedef struct {
  const char *name;
  const char *service;
  const char *region;
  const char *env[4];
  const char *account_url;
  const char *profile_url;
  const char *url;
  AmigoEndpointSource source;
} OverrideCase;

static const OverrideCase override_cases[] = {
  { "default", "ec2", "eu-west-1", { NULL }, NULL, NULL,
    "https://ec2.eu-west-1.amazonaws.com", AMIGO_ENDPOINT_SOURCE_DEFAULT },
  { "profile", "ec2", "eu-west-1", { NULL }, NULL, "https://profile.example",
    "https://profile.example", AMIGO_ENDPOINT_SOURCE_PROFILE },
  { "account-beats-profile", "ec2", "eu-west-1", { NULL }, "http://account.example:8080",
    "https://profile.example", "http://account.example:8080", AMIGO_ENDPOINT_SOURCE_ACCOUNT },
  { "env-beats-account", "ec2", "eu-west-1", { "AWS_ENDPOINT_URL=http://env.example", NULL },
    "http://account.example", "https://profile.example", "http://env.example", AMIGO_ENDPOINT_SOURCE_ENV },
  { "service-env-beats-env", "ec2", "eu-west-1",
    { "AWS_ENDPOINT_URL=http://env.example", "AWS_ENDPOINT_URL_EC2=http://127.0.0.1:5000", NULL },
    "http://account.example", "https://profile.example", "http://127.0.0.1:5000",
    AMIGO_ENDPOINT_SOURCE_ENV_SERVICE },
  { "other-service-env-ignored", "ec2", "eu-west-1",
    { "AWS_ENDPOINT_URL_STS=http://sts.local", NULL }, NULL, NULL,
    "https://ec2.eu-west-1.amazonaws.com", AMIGO_ENDPOINT_SOURCE_DEFAULT },
  { "sts-service-env", "sts", "cn-north-1",
    { "AWS_ENDPOINT_URL_STS=http://sts.local", "AWS_ENDPOINT_URL_EC2=http://ec2.local", NULL },
    NULL, NULL, "http://sts.local", AMIGO_ENDPOINT_SOURCE_ENV_SERVICE },
  { "empty-values-ignored", "ec2", "eu-west-1",
    { "AWS_ENDPOINT_URL=", "AWS_ENDPOINT_URL_EC2=", NULL }, "", "https://profile.example",
    "https://profile.example", AMIGO_ENDPOINT_SOURCE_PROFILE },
  { "ignore-configured", "ec2", "eu-west-1",
    { "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true", "AWS_ENDPOINT_URL_EC2=http://ec2.local", NULL },
    NULL, "https://profile.example", "https://ec2.eu-west-1.amazonaws.com", AMIGO_ENDPOINT_SOURCE_DEFAULT },
  { "ignore-configured-keeps-account", "ec2", "eu-west-1",
    { "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=TRUE", "AWS_ENDPOINT_URL=http://env.local", NULL },
    "http://account.local", NULL, "http://account.local", AMIGO_ENDPOINT_SOURCE_ACCOUNT },
  { "ignore-configured-false", "ec2", "eu-west-1",
    { "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=false", "AWS_ENDPOINT_URL=http://env.local", NULL },
    NULL, NULL, "http://env.local", AMIGO_ENDPOINT_SOURCE_ENV },
  { "trailing-slash-trimmed", "ec2", "us-east-1",
    { "AWS_ENDPOINT_URL=http://localhost:4566/", NULL }, NULL, NULL,
    "http://localhost:4566", AMIGO_ENDPOINT_SOURCE_ENV },
  { "path-kept", "ec2", "us-east-1", { NULL }, "https://gateway.example/aws/ec2/", NULL,
    "https://gateway.example/aws/ec2", AMIGO_ENDPOINT_SOURCE_ACCOUNT },
  { "ipv6", "ec2", "us-east-1", { NULL }, "http://[::1]:5000", NULL,
    "http://[::1]:5000", AMIGO_ENDPOINT_SOURCE_ACCOUNT },
};

static void
check_override (gconstpointer data)
{
  const OverrideCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoEndpoint) endpoint = NULL;

  endpoint = amigo_endpoint_resolve (c->service, c->region, c->env, c->account_url,
                                     c->profile_url, &error);
  g_assert_no_error (error);
  g_assert_nonnull (endpoint);
  g_assert_cmpstr (endpoint->url, ==, c->url);
  g_assert_cmpint (endpoint->source, ==, c->source);
  g_assert_cmpstr (endpoint->service, ==, c->service);
  /* Whatever the URL, requests are signed for the real region. */
  g_assert_cmpstr (endpoint->signing_region, ==, c->region);
  g_assert_cmpint (endpoint->partition, ==, amigo_partition_for_region (c->region));
}

typedef struct {
  const char *name;
  const char *env[3];
  const char *account_url;
  const char *profile_url;
  const char *must_mention;
  const char *must_not_mention;
} BadOverrideCase;

static const BadOverrideCase bad_override_cases[] = {
  { "ftp-scheme", { "AWS_ENDPOINT_URL_EC2=ftp://ec2.example", NULL }, NULL, NULL,
    "AWS_ENDPOINT_URL_EC2", NULL },
  { "no-scheme", { "AWS_ENDPOINT_URL=localhost:5000", NULL }, NULL, NULL, "AWS_ENDPOINT_URL", NULL },
  { "not-a-url", { NULL }, "not a url at all", NULL, "custom endpoint", NULL },
  { "no-host", { NULL }, "http://", NULL, "no host", NULL },
  { "relative", { NULL }, NULL, "/just/a/path", "endpoint_url", NULL },
  { "password", { NULL }, "https://user:hunter2@ec2.example", NULL, "user name or password", "hunter2" },
  { "query", { NULL }, "https://ec2.example/?Action=x", NULL, "query", NULL },
  { "fragment", { NULL }, "https://ec2.example/#x", NULL, "fragment", NULL },
  /* The first override found is the one checked: a bad one is never skipped. */
  { "bad-env-hides-good-account", { "AWS_ENDPOINT_URL=mailto:x@y", NULL }, "http://ok.example", NULL,
    "AWS_ENDPOINT_URL", NULL },
};

static void
check_bad_override (gconstpointer data)
{
  const BadOverrideCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoEndpoint) endpoint = NULL;

  endpoint = amigo_endpoint_resolve ("ec2", "us-east-1", c->env, c->account_url, c->profile_url,
                                     &error);
  g_assert_null (endpoint);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, c->must_mention));
  if (c->must_not_mention != NULL)
    g_assert_null (strstr (error->message, c->must_not_mention));
}

static void
test_validate_url (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (amigo_endpoint_validate_url ("HTTPS://EC2.Example.com", "test", &error));
  g_assert_no_error (error);
  g_assert_false (amigo_endpoint_validate_url (NULL, "test", &error));
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG);
}

/* botocore's own rule engine over the same data, every region of every
 * partition with and without FIPS and dual-stack
 * (build-aux/update-endpoint-data.py). */
typedef struct {
  char *service;
  char *region;
  char *endpoint;
  gboolean fips;
  gboolean dual_stack;
  char *url;                    /* or */
  char *error;
} BotocoreCase;

static void
botocore_case_free (gpointer data)
{
  BotocoreCase *c = data;

  g_free (c->service);
  g_free (c->region);
  g_free (c->endpoint);
  g_free (c->url);
  g_free (c->error);
  g_free (c);
}

static void
check_botocore_case (gconstpointer data)
{
  const BotocoreCase *c = data;
  AmigoEndpointParams params = {
    .region = c->region,
    .use_fips = c->fips,
    .use_dual_stack = c->dual_stack,
    .endpoint = c->endpoint,
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *url = amigo_endpoint_rules_resolve (c->service, &params, &error);

  if (c->url != NULL)
    {
      g_assert_no_error (error);
      g_assert_cmpstr (url, ==, c->url);
    }
  else
    {
      g_assert_null (url);
      g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG);
      g_assert_true (g_str_has_suffix (error->message, c->error));
    }

  /* The public entry point agrees where it applies (no custom endpoint). */
  if (c->endpoint == NULL && amigo_region_is_valid_name (c->region))
    {
      g_autoptr(GError) error2 = NULL;
      g_autofree char *url2 =
        amigo_endpoint_variant_url (c->service, c->region,
                                    (c->fips ? AMIGO_ENDPOINT_VARIANT_FIPS : 0)
                                    | (c->dual_stack ? AMIGO_ENDPOINT_VARIANT_DUAL_STACK : 0),
                                    &error2);

      g_assert_cmpstr (url2, ==, c->url);
    }
}

static GPtrArray *
load_botocore_cases (void)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "endpoints", "cases.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *cases = g_ptr_array_new_with_free_func (botocore_case_free);
  JsonArray *list;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  list = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                       "cases");
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *o = json_array_get_object_element (list, i);
      BotocoreCase *c = g_new0 (BotocoreCase, 1);

      c->service = g_strdup (json_object_get_string_member (o, "service"));
      c->region = g_strdup (json_object_get_string_member (o, "region"));
      c->endpoint = g_strdup (json_object_get_string_member_with_default (o, "endpoint", NULL));
      c->fips = json_object_get_boolean_member (o, "fips");
      c->dual_stack = json_object_get_boolean_member (o, "dualstack");
      c->url = g_strdup (json_object_get_string_member_with_default (o, "url", NULL));
      c->error = g_strdup (json_object_get_string_member_with_default (o, "error", NULL));
      g_ptr_array_add (cases, c);
    }
  return cases;
}

static void
test_variants_from_environment (void)
{
  const char *fips_env[] = { "AWS_USE_FIPS_ENDPOINT=true", NULL };
  const char *both_env[] = { "AWS_USE_FIPS_ENDPOINT=TRUE", "AWS_USE_DUALSTACK_ENDPOINT=true", NULL };
  const char *off_env[] = { "AWS_USE_FIPS_ENDPOINT=false", NULL };
  const char *custom_env[] = { "AWS_USE_FIPS_ENDPOINT=true",
                               "AWS_ENDPOINT_URL=http://127.0.0.1:4566", NULL };
  const struct {
    const char * const *envp;
    AmigoEndpointVariant profile;
    const char *region;
    const char *url;
  } cases[] = {
    { fips_env, 0, "us-east-1", "https://ec2-fips.us-east-1.amazonaws.com" },
    { both_env, 0, "eu-west-1", "https://ec2-fips.eu-west-1.api.aws" },
    { NULL, AMIGO_ENDPOINT_VARIANT_DUAL_STACK, "eusc-de-east-1",
      "https://ec2.eusc-de-east-1.api.amazonwebservices.eu" },
    /* The environment wins over the profile, setting by setting. */
    { off_env, AMIGO_ENDPOINT_VARIANT_FIPS, "us-east-1", "https://ec2.us-east-1.amazonaws.com" },
    { off_env, AMIGO_ENDPOINT_VARIANT_FIPS | AMIGO_ENDPOINT_VARIANT_DUAL_STACK, "us-east-1",
      "https://ec2.us-east-1.api.aws" },
    /* GovCloud's EC2 endpoints are FIPS already (its rule set). */
    { fips_env, 0, "us-gov-west-1", "https://ec2.us-gov-west-1.amazonaws.com" },
    /* A custom endpoint is used as it is. */
    { custom_env, 0, "us-east-1", "http://127.0.0.1:4566" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AmigoEndpoint) endpoint =
        amigo_endpoint_resolve_variant ("ec2", cases[i].region, cases[i].envp, NULL, NULL,
                                        cases[i].profile, &error);

      g_test_message ("case %" G_GSIZE_FORMAT, i);
      g_assert_no_error (error);
      g_assert_cmpstr (endpoint->url, ==, cases[i].url);
      g_assert_cmpstr (endpoint->signing_region, ==, cases[i].region);
    }
}

static void
test_bad_rule_sets (void)
{
  const char *bad[] = {
    "[]",
    "{\"rules\": 3}",
    "{\"rules\": [{\"type\": \"tree\", \"conditions\": [], \"rules\": []}]}",
    "{\"rules\": [{\"type\": \"endpoint\", \"conditions\": [{\"fn\": \"aws.parseArn\", "
    "\"argv\": [\"x\"]}], \"endpoint\": {\"url\": \"https://x\"}}]}",
    "{\"rules\": [{\"type\": \"endpoint\", \"conditions\": [], "
    "\"endpoint\": {\"url\": \"https://{Nothing}.example.com\"}}]}",
    "{\"rules\": [{\"type\": \"endpoint\", \"conditions\": [], "
    "\"endpoint\": {\"url\": \"https://{Region\"}}]}",
    "{\"rules\": [{\"type\": \"magic\", \"conditions\": []}]}",
    "{\"rules\": []}",
    "not json",
    /* No value at all: json-glib loads it without a root (a fuzzing find). */
    "",
    " \n",
  };
  AmigoEndpointParams params = { .region = "us-east-1" };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *url = amigo_endpoint_rules_resolve_json (bad[i], &params, &error);

      g_test_message ("rule set %s", bad[i]);
      g_assert_null (url);
      g_assert_nonnull (error);
    }
}

/* ---- the regions as an account sees them ------------------------------- */

static AmigoRegion *
described_region (const char *name,
                  const char *status)
{
  AmigoRegion *region = amigo_region_new ();

  g_object_set (region, "region-name", name, "opt-in-status", status, NULL);
  return region;
}

static void
test_region_list_static (void)
{
  g_autoptr(GPtrArray) list = amigo_region_list_new_static (AMIGO_PARTITION_AWS);
  const AmigoRegionEntry *entry;

  g_assert_cmpuint (list->len, >, 17);
  entry = amigo_region_list_lookup (list, "us-east-1");
  g_assert_nonnull (entry);
  g_assert_cmpint (entry->state, ==, AMIGO_REGION_STATE_UNKNOWN);
  /* The partition's own regions only */
  g_assert_null (amigo_region_list_lookup (list, "cn-north-1"));
  g_assert_null (amigo_region_list_lookup (list, "us-gov-west-1"));
  g_assert_null (amigo_region_list_lookup (list, NULL));
}

static void
test_region_list_described (void)
{
  g_autoptr(GPtrArray) regions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) list = NULL;
  const AmigoRegionEntry *entry;

  /* In no particular order, as DescribeRegions may answer */
  g_ptr_array_add (regions, described_region ("eu-south-1", "not-opted-in"));
  g_ptr_array_add (regions, described_region ("zz-future-9", "opted-in"));
  g_ptr_array_add (regions, described_region ("us-east-1", "opt-in-not-required"));
  g_ptr_array_add (regions, described_region ("af-south-1", "opted-in"));
  g_ptr_array_add (regions, described_region ("cn-north-1", "opt-in-not-required"));
  g_ptr_array_add (regions, described_region ("eu-west-1", NULL));
  g_ptr_array_add (regions, described_region ("us-east-1", "opt-in-not-required"));
  g_ptr_array_add (regions, described_region ("not a region", "opted-in"));

  list = amigo_region_list_new_described (AMIGO_PARTITION_AWS, regions);

  /* The answer decides which exist: the table's other regions are gone,
   * other partitions and bad names left out, duplicates once. */
  g_assert_cmpuint (list->len, ==, 5);
  g_assert_null (amigo_region_list_lookup (list, "ap-northeast-2"));
  g_assert_null (amigo_region_list_lookup (list, "cn-north-1"));

  entry = amigo_region_list_lookup (list, "eu-south-1");
  g_assert_cmpint (entry->state, ==, AMIGO_REGION_STATE_NOT_ENABLED);
  entry = amigo_region_list_lookup (list, "af-south-1");
  g_assert_cmpint (entry->state, ==, AMIGO_REGION_STATE_ENABLED);
  entry = amigo_region_list_lookup (list, "us-east-1");
  g_assert_cmpint (entry->state, ==, AMIGO_REGION_STATE_ENABLED);
  /* No status: it was listed, so it can be used */
  entry = amigo_region_list_lookup (list, "eu-west-1");
  g_assert_cmpint (entry->state, ==, AMIGO_REGION_STATE_ENABLED);

  /* The table's order (us-east-1 comes before the others), then regions
   * Amigo does not know yet, kept */
  g_assert_cmpstr (((AmigoRegionEntry *) g_ptr_array_index (list, 0))->code, ==, "us-east-1");
  g_assert_cmpstr (((AmigoRegionEntry *) g_ptr_array_index (list, list->len - 1))->code, ==, "zz-future-9");
  entry = amigo_region_list_lookup (list, "zz-future-9");
  g_assert_cmpint (entry->state, ==, AMIGO_REGION_STATE_ENABLED);
}

static void
test_region_problem (void)
{
  static const struct {
    AmigoAwsErrorCode kind;
    const char *aws_code;
    AmigoRegionProblem problem;
  } cases[] = {
    { AMIGO_AWS_ERROR_AUTH, "AuthFailure", AMIGO_REGION_PROBLEM_NOT_ENABLED },
    { AMIGO_AWS_ERROR_SERVICE, "OptInRequired", AMIGO_REGION_PROBLEM_NOT_ENABLED },
    { AMIGO_AWS_ERROR_SERVICE, "UnauthorizedOperation", AMIGO_REGION_PROBLEM_DENIED },
    /* The keys themselves: never a region's problem */
    { AMIGO_AWS_ERROR_AUTH, "SignatureDoesNotMatch", AMIGO_REGION_PROBLEM_NONE },
    { AMIGO_AWS_ERROR_AUTH, "InvalidClientTokenId", AMIGO_REGION_PROBLEM_NONE },
    { AMIGO_AWS_ERROR_EXPIRED, "ExpiredToken", AMIGO_REGION_PROBLEM_NONE },
    { AMIGO_AWS_ERROR_SERVICE, "InvalidAMIID.NotFound", AMIGO_REGION_PROBLEM_NONE },
    { AMIGO_AWS_ERROR_THROTTLED, "RequestLimitExceeded", AMIGO_REGION_PROBLEM_NONE },
  };
  g_autoptr(GError) network = g_error_new_literal (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_NETWORK, "reset");
  g_autoptr(GError) io = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "AuthFailure");

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = amigo_aws_error_new_service (cases[i].kind, cases[i].aws_code, "words",
                                                             "req-1", 400, FALSE);

      g_test_message ("%s", cases[i].aws_code);
      g_assert_cmpint (amigo_region_problem_from_error (error), ==, cases[i].problem);
    }
  g_assert_cmpint (amigo_region_problem_from_error (NULL), ==, AMIGO_REGION_PROBLEM_NONE);
  g_assert_cmpint (amigo_region_problem_from_error (network), ==, AMIGO_REGION_PROBLEM_NONE);
  g_assert_cmpint (amigo_region_problem_from_error (io), ==, AMIGO_REGION_PROBLEM_NONE);

  /* Only the commercial partition has opt-in regions */
  g_assert_nonnull (amigo_region_get_enable_url (AMIGO_PARTITION_AWS));
  g_assert_null (amigo_region_get_enable_url (AMIGO_PARTITION_AWS_US_GOV));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) botocore_cases = NULL;

  g_test_init (&argc, &argv, NULL);

  botocore_cases = load_botocore_cases ();
  /* Eight services, every region of eight partitions, four variants. */
  g_assert_cmpuint (botocore_cases->len, >=, 1800);
  for (guint i = 0; i < botocore_cases->len; i++)
    {
      BotocoreCase *c = g_ptr_array_index (botocore_cases, i);
      g_autofree char *path =
        g_strdup_printf ("/endpoint/botocore/%s/%s/%s%s%s", c->service, c->region,
                         c->fips ? "fips" : "", c->fips && c->dual_stack ? "-" : "",
                         c->dual_stack ? "dualstack" : (c->fips ? "" : "plain"));

      if (c->endpoint != NULL)
        {
          g_autofree char *custom = g_strconcat (path, "/custom-endpoint", NULL);
          g_test_add_data_func (custom, c, check_botocore_case);
        }
      else
        g_test_add_data_func (path, c, check_botocore_case);
    }
  g_test_add_func ("/endpoint/variant/environment", test_variants_from_environment);
  g_test_add_func ("/endpoint/rules/malformed", test_bad_rule_sets);

  g_test_add_func ("/endpoint/default/urls", test_default_urls);
  g_test_add_func ("/endpoint/default/partitions", test_partitions);
  g_test_add_func ("/endpoint/default/invalid-region", test_invalid_regions);
  g_test_add_func ("/endpoint/default/invalid-service", test_invalid_service);
  g_test_add_func ("/endpoint/regions/known", test_known_regions);
  g_test_add_func ("/regions/list/static", test_region_list_static);
  g_test_add_func ("/regions/list/described", test_region_list_described);
  g_test_add_func ("/regions/problem/from-error", test_region_problem);
  g_test_add_func ("/endpoint/override/env-variable-names", test_env_variable_names);
  g_test_add_func ("/endpoint/override/validate-url", test_validate_url);
  for (gsize i = 0; i < G_N_ELEMENTS (override_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/endpoint/override/%s", override_cases[i].name);

      g_test_add_data_func (path, &override_cases[i], check_override);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (bad_override_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/endpoint/override/invalid/%s",
                                               bad_override_cases[i].name);

      g_test_add_data_func (path, &bad_override_cases[i], check_bad_override);
    }

  return g_test_run ();
}
