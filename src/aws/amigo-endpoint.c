/* amigo-endpoint.c — regions, partitions and service endpoints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The region table follows botocore's data/endpoints.json; the override
 * order follows the AWS CLI's "service-specific endpoints" rules.
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "amigo-endpoint.h"
#include "amigo-endpoint-rules.h"
#include "amigo-error.h"

static const AmigoRegionInfo known_regions[] = {
  /* aws */
  { "us-east-1",      N_("US East (N. Virginia)"),        AMIGO_PARTITION_AWS, FALSE },
  { "us-east-2",      N_("US East (Ohio)"),               AMIGO_PARTITION_AWS, FALSE },
  { "us-west-1",      N_("US West (N. California)"),      AMIGO_PARTITION_AWS, FALSE },
  { "us-west-2",      N_("US West (Oregon)"),             AMIGO_PARTITION_AWS, FALSE },
  { "af-south-1",     N_("Africa (Cape Town)"),           AMIGO_PARTITION_AWS, TRUE },
  { "ap-east-1",      N_("Asia Pacific (Hong Kong)"),     AMIGO_PARTITION_AWS, TRUE },
  { "ap-east-2",      N_("Asia Pacific (Taipei)"),        AMIGO_PARTITION_AWS, TRUE },
  { "ap-northeast-1", N_("Asia Pacific (Tokyo)"),         AMIGO_PARTITION_AWS, FALSE },
  { "ap-northeast-2", N_("Asia Pacific (Seoul)"),         AMIGO_PARTITION_AWS, FALSE },
  { "ap-northeast-3", N_("Asia Pacific (Osaka)"),         AMIGO_PARTITION_AWS, FALSE },
  { "ap-south-1",     N_("Asia Pacific (Mumbai)"),        AMIGO_PARTITION_AWS, FALSE },
  { "ap-south-2",     N_("Asia Pacific (Hyderabad)"),     AMIGO_PARTITION_AWS, TRUE },
  { "ap-southeast-1", N_("Asia Pacific (Singapore)"),     AMIGO_PARTITION_AWS, FALSE },
  { "ap-southeast-2", N_("Asia Pacific (Sydney)"),        AMIGO_PARTITION_AWS, FALSE },
  { "ap-southeast-3", N_("Asia Pacific (Jakarta)"),       AMIGO_PARTITION_AWS, TRUE },
  { "ap-southeast-4", N_("Asia Pacific (Melbourne)"),     AMIGO_PARTITION_AWS, TRUE },
  { "ap-southeast-5", N_("Asia Pacific (Malaysia)"),      AMIGO_PARTITION_AWS, TRUE },
  { "ap-southeast-6", N_("Asia Pacific (New Zealand)"),   AMIGO_PARTITION_AWS, TRUE },
  { "ap-southeast-7", N_("Asia Pacific (Thailand)"),      AMIGO_PARTITION_AWS, TRUE },
  { "ca-central-1",   N_("Canada (Central)"),             AMIGO_PARTITION_AWS, FALSE },
  { "ca-west-1",      N_("Canada West (Calgary)"),        AMIGO_PARTITION_AWS, TRUE },
  { "eu-central-1",   N_("Europe (Frankfurt)"),           AMIGO_PARTITION_AWS, FALSE },
  { "eu-central-2",   N_("Europe (Zurich)"),              AMIGO_PARTITION_AWS, TRUE },
  { "eu-north-1",     N_("Europe (Stockholm)"),           AMIGO_PARTITION_AWS, FALSE },
  { "eu-south-1",     N_("Europe (Milan)"),               AMIGO_PARTITION_AWS, TRUE },
  { "eu-south-2",     N_("Europe (Spain)"),               AMIGO_PARTITION_AWS, TRUE },
  { "eu-west-1",      N_("Europe (Ireland)"),             AMIGO_PARTITION_AWS, FALSE },
  { "eu-west-2",      N_("Europe (London)"),              AMIGO_PARTITION_AWS, FALSE },
  { "eu-west-3",      N_("Europe (Paris)"),               AMIGO_PARTITION_AWS, FALSE },
  { "il-central-1",   N_("Israel (Tel Aviv)"),            AMIGO_PARTITION_AWS, TRUE },
  { "me-central-1",   N_("Middle East (UAE)"),            AMIGO_PARTITION_AWS, TRUE },
  { "me-south-1",     N_("Middle East (Bahrain)"),        AMIGO_PARTITION_AWS, TRUE },
  { "mx-central-1",   N_("Mexico (Central)"),             AMIGO_PARTITION_AWS, TRUE },
  { "sa-east-1",      N_("South America (São Paulo)"),    AMIGO_PARTITION_AWS, FALSE },
  /* aws-cn */
  { "cn-north-1",     N_("China (Beijing)"),              AMIGO_PARTITION_AWS_CN, FALSE },
  { "cn-northwest-1", N_("China (Ningxia)"),              AMIGO_PARTITION_AWS_CN, FALSE },
  /* aws-us-gov */
  { "us-gov-east-1",  N_("AWS GovCloud (US-East)"),       AMIGO_PARTITION_AWS_US_GOV, FALSE },
  { "us-gov-west-1",  N_("AWS GovCloud (US-West)"),       AMIGO_PARTITION_AWS_US_GOV, FALSE },
  /* aws-eusc */
  { "eusc-de-east-1", N_("AWS European Sovereign Cloud (Germany)"), AMIGO_PARTITION_AWS_EUSC, FALSE },
};

static const struct {
  AmigoPartition partition;
  const char *id;
} partition_ids[] = {
  { AMIGO_PARTITION_AWS,        "aws" },
  { AMIGO_PARTITION_AWS_CN,     "aws-cn" },
  { AMIGO_PARTITION_AWS_US_GOV, "aws-us-gov" },
  { AMIGO_PARTITION_AWS_EUSC,   "aws-eusc" },
  { AMIGO_PARTITION_AWS_ISO,    "aws-iso" },
  { AMIGO_PARTITION_AWS_ISO_B,  "aws-iso-b" },
  { AMIGO_PARTITION_AWS_ISO_E,  "aws-iso-e" },
  { AMIGO_PARTITION_AWS_ISO_F,  "aws-iso-f" },
};

/**
 * amigo_partition_for_region:
 * @region: a region code
 *
 * The partition botocore's data gives: a region it lists, or one matching
 * a partition's pattern (`cn-*`, `us-gov-*`, `eusc-*`, the ISO ones), or
 * else aws (including regions newer than the data).
 *
 * Returns: the region's partition
 */
AmigoPartition
amigo_partition_for_region (const char *region)
{
  AmigoPartitionOutputs outputs;

  g_return_val_if_fail (region != NULL, AMIGO_PARTITION_AWS);

  if (amigo_endpoint_rules_partition (region, &outputs))
    for (gsize i = 0; i < G_N_ELEMENTS (partition_ids); i++)
      if (g_strcmp0 (partition_ids[i].id, outputs.id) == 0)
        return partition_ids[i].partition;
  return AMIGO_PARTITION_AWS;
}

/**
 * amigo_partition_get_id:
 * @partition: a partition
 *
 * Returns: (transfer none): its id as in ARNs: `aws`, `aws-cn`, `aws-us-gov`,
 *   `aws-eusc`, …
 */
const char *
amigo_partition_get_id (AmigoPartition partition)
{
  for (gsize i = 0; i < G_N_ELEMENTS (partition_ids); i++)
    if (partition_ids[i].partition == partition)
      return partition_ids[i].id;
  return "aws";
}

/**
 * amigo_partition_get_dns_suffix:
 * @partition: a partition
 *
 * Returns: (transfer none): the domain its endpoints live under
 */
const char *
amigo_partition_get_dns_suffix (AmigoPartition partition)
{
  static const char *example_regions[] = {
    [AMIGO_PARTITION_AWS] = "us-east-1",
    [AMIGO_PARTITION_AWS_CN] = "cn-north-1",
    [AMIGO_PARTITION_AWS_US_GOV] = "us-gov-west-1",
    [AMIGO_PARTITION_AWS_EUSC] = "eusc-de-east-1",
    [AMIGO_PARTITION_AWS_ISO] = "us-iso-east-1",
    [AMIGO_PARTITION_AWS_ISO_B] = "us-isob-east-1",
    [AMIGO_PARTITION_AWS_ISO_E] = "eu-isoe-west-1",
    [AMIGO_PARTITION_AWS_ISO_F] = "us-isof-east-1",
  };
  AmigoPartitionOutputs outputs;

  if ((gsize) partition >= G_N_ELEMENTS (example_regions)
      || !amigo_endpoint_rules_partition (example_regions[partition], &outputs))
    return "amazonaws.com";
  return outputs.dns_suffix;
}

/**
 * amigo_region_get_known:
 * @n_regions: (out): the number of regions
 *
 * The regions this version of Amigo knows, commercial (opt-in ones
 * included), China and GovCloud.
 *
 * Returns: (transfer none) (array length=n_regions): the table
 */
const AmigoRegionInfo *
amigo_region_get_known (gsize *n_regions)
{
  g_return_val_if_fail (n_regions != NULL, NULL);
  *n_regions = G_N_ELEMENTS (known_regions);
  return known_regions;
}

/**
 * amigo_region_lookup:
 * @code: a region code
 *
 * Returns: (transfer none) (nullable): the region's entry, or %NULL when
 *   it is not in the table
 */
const AmigoRegionInfo *
amigo_region_lookup (const char *code)
{
  if (code == NULL)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (known_regions); i++)
    if (strcmp (known_regions[i].code, code) == 0)
      return &known_regions[i];
  return NULL;
}

/**
 * amigo_region_info_get_display_name:
 * @info: a region's entry
 *
 * Returns: (transfer none): its name, translated
 */
const char *
amigo_region_info_get_display_name (const AmigoRegionInfo *info)
{
  g_return_val_if_fail (info != NULL, NULL);
  return g_dgettext (GETTEXT_PACKAGE, info->display_name);
}

/**
 * amigo_region_is_valid_name:
 * @region: (nullable): a region code
 *
 * Whether @region can be a region code, known or not: lowercase letters
 * and digits in groups joined by single hyphens. It becomes part of a host
 * name, so nothing else may get through.
 *
 * Returns: %TRUE if it is well-formed
 */
gboolean
amigo_region_is_valid_name (const char *region)
{
  gsize len;

  if (region == NULL)
    return FALSE;
  len = strlen (region);
  if (len == 0 || len > 50 || region[0] == '-' || region[len - 1] == '-')
    return FALSE;
  for (gsize i = 0; i < len; i++)
    {
      char c = region[i];

      if (c == '-')
        {
          if (region[i + 1] == '-')
            return FALSE;
        }
      else if (!g_ascii_islower (c) && !g_ascii_isdigit (c))
        return FALSE;
    }
  return TRUE;
}

static gboolean
service_is_valid (const char *service)
{
  if (service == NULL || *service == '\0')
    return FALSE;
  for (const char *c = service; *c != '\0'; c++)
    if (!g_ascii_islower (*c) && !g_ascii_isdigit (*c) && *c != '-')
      return FALSE;
  return TRUE;
}

static gboolean
check_region_and_service (const char  *service,
                          const char  *region,
                          GError     **error)
{
  if (!service_is_valid (service))
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not an AWS service name."), service != NULL ? service : "");
      return FALSE;
    }
  if (region == NULL || *region == '\0')
    {
      g_set_error_literal (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                           _("No AWS region is set. Choose a region for the account, "
                             "or set AWS_REGION or “region” in the profile."));
      return FALSE;
    }
  if (!amigo_region_is_valid_name (region))
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not an AWS region name; region names look like “eu-west-1”."),
                   region);
      return FALSE;
    }
  return TRUE;
}

/**
 * amigo_endpoint_default_url:
 * @service: a service's signing name: `ec2`, `sts`, `ssm`
 * @region: a region code
 * @error: return location for an error
 *
 * The service's standard endpoint in @region, as its AWS rule set gives it
 * (`https://ec2.eu-west-1.amazonaws.com`, `https://iam.amazonaws.com`,
 * `https://ec2.eusc-de-east-1.amazonaws.eu`).
 *
 * Returns: (transfer full) (nullable): the URL, without a trailing slash,
 *   or %NULL if @service or @region is malformed
 */
char *
amigo_endpoint_default_url (const char  *service,
                            const char  *region,
                            GError     **error)
{
  return amigo_endpoint_variant_url (service, region, AMIGO_ENDPOINT_VARIANT_NONE, error);
}

/**
 * amigo_endpoint_variant_url:
 * @service: a service's signing name: `ec2`, `sts`, `ssm`
 * @region: a region code
 * @variant: FIPS, dual-stack, both, or neither
 * @error: return location for an error
 *
 * The endpoint AWS's rule set for @service gives (botocore's data, shipped
 * in src/aws/endpoints/); for a service without one, the partition's
 * usual pattern `https://SERVICE[-fips].REGION.SUFFIX`, with the
 * dual-stack suffix when asked. A variant the partition does not offer
 * is an error, never a quiet fallback to the plain endpoint.
 *
 * Returns: (transfer full) (nullable): the URL, or %NULL
 */
char *
amigo_endpoint_variant_url (const char           *service,
                            const char           *region,
                            AmigoEndpointVariant  variant,
                            GError              **error)
{
  AmigoEndpointParams params = {
    .region = region,
    .use_fips = (variant & AMIGO_ENDPOINT_VARIANT_FIPS) != 0,
    .use_dual_stack = (variant & AMIGO_ENDPOINT_VARIANT_DUAL_STACK) != 0,
  };
  AmigoPartitionOutputs outputs;

  if (!check_region_and_service (service, region, error))
    return NULL;
  if (amigo_endpoint_rules_has_service (service))
    return amigo_endpoint_rules_resolve (service, &params, error);

  amigo_endpoint_rules_partition (region, &outputs);
  if ((params.use_fips && !outputs.supports_fips)
      || (params.use_dual_stack && !outputs.supports_dual_stack))
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                   _("The %s partition has no FIPS or dual-stack endpoints. "
                     "Turn off use_fips_endpoint and use_dualstack_endpoint for this region."),
                   outputs.id);
      return NULL;
    }
  return g_strdup_printf ("https://%s%s.%s.%s", service, params.use_fips ? "-fips" : "",
                          region,
                          params.use_dual_stack ? outputs.dual_stack_dns_suffix
                                                : outputs.dns_suffix);
}

/**
 * amigo_endpoint_variant_from_environ:
 * @envp: (nullable) (array zero-terminated=1): the environment
 * @profile_variant: what the profile's use_fips_endpoint and
 *   use_dualstack_endpoint ask for
 *
 * `AWS_USE_FIPS_ENDPOINT` and `AWS_USE_DUALSTACK_ENDPOINT` (`true` or
 * `false`) win over the profile, each on its own, as in the AWS CLI.
 *
 * Returns: the variant to use
 */
AmigoEndpointVariant
amigo_endpoint_variant_from_environ (const char * const   *envp,
                                     AmigoEndpointVariant  profile_variant)
{
  static const struct {
    const char *name;
    AmigoEndpointVariant flag;
  } vars[] = {
    { "AWS_USE_FIPS_ENDPOINT", AMIGO_ENDPOINT_VARIANT_FIPS },
    { "AWS_USE_DUALSTACK_ENDPOINT", AMIGO_ENDPOINT_VARIANT_DUAL_STACK },
  };
  AmigoEndpointVariant variant = profile_variant;

  for (gsize i = 0; i < G_N_ELEMENTS (vars); i++)
    {
      const char *value = g_environ_getenv ((char **) envp, vars[i].name);

      if (value == NULL)
        continue;
      if (g_ascii_strcasecmp (value, "true") == 0)
        variant |= vars[i].flag;
      else if (g_ascii_strcasecmp (value, "false") == 0)
        variant &= ~vars[i].flag;
    }
  return variant;
}

/**
 * amigo_endpoint_env_variable:
 * @service: a service's endpoint prefix, e.g. `ec2`
 *
 * Returns: (transfer full): the variable that overrides its endpoint,
 *   e.g. `AWS_ENDPOINT_URL_EC2`
 */
char *
amigo_endpoint_env_variable (const char *service)
{
  g_autofree char *upper = NULL;

  g_return_val_if_fail (service != NULL, NULL);

  upper = g_ascii_strup (service, -1);
  g_strdelimit (upper, "- ", '_');
  return g_strconcat ("AWS_ENDPOINT_URL_", upper, NULL);
}

/**
 * amigo_endpoint_host_is_loopback:
 * @host: a URL's host, without brackets
 *
 * Returns: %TRUE for `localhost` and loopback addresses (127.0.0.0/8, ::1),
 *   the hosts an `http://` endpoint may name without an opt-in
 */
gboolean
amigo_endpoint_host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;
  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/**
 * amigo_endpoint_url_needs_plain_http_consent:
 * @url: (nullable): an endpoint URL
 *
 * Whether requests to @url would travel unencrypted to another computer:
 * an `http://` URL whose host is not loopback. Amigo sends them only for an
 * account whose owner allowed it (amigo_client_set_allow_plain_http()).
 *
 * Returns: %TRUE for such a URL; %FALSE for `https://`, loopback, %NULL or
 *   a URL that does not parse
 */
gboolean
amigo_endpoint_url_needs_plain_http_consent (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (url == NULL)
    return FALSE;
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  scheme = uri ? g_uri_get_scheme (uri) : NULL;
  return scheme != NULL && g_ascii_strcasecmp (scheme, "http") == 0 &&
         g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0' &&
         !amigo_endpoint_host_is_loopback (g_uri_get_host (uri));
}

/**
 * amigo_endpoint_validate_url:
 * @url: an endpoint URL
 * @origin: where it came from, for the message, e.g. `AWS_ENDPOINT_URL_EC2`
 * @error: return location for an %AMIGO_AWS_ERROR_CONFIG error
 *
 * An override must be an absolute `http://` or `https://` URL with a host,
 * and no user name, password, query or fragment.
 *
 * Returns: %TRUE if @url is usable
 */
gboolean
amigo_endpoint_validate_url (const char  *url,
                             const char  *origin,
                             GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;
  /* A URL with an "@" may carry a password: don't repeat it. */
  gboolean quotable = url != NULL && strchr (url, '@') == NULL;
  const char *problem = NULL;

  if (url != NULL)
    uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  if (uri == NULL)
    problem = _("it is not a URL");
  else if ((scheme = g_uri_get_scheme (uri)) == NULL
           || (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    problem = _("it does not start with http:// or https://");
  else if ((host = g_uri_get_host (uri)) == NULL || *host == '\0')
    problem = _("it has no host name");
  else if (g_uri_get_userinfo (uri) != NULL)
    problem = _("it holds a user name or password");
  else if (g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    problem = _("it has a query (?) or fragment (#) part");

  if (problem == NULL)
    return TRUE;

  /* Translators: “set by %s” names where the URL came from: a variable
   * such as AWS_ENDPOINT_URL, or “the account’s custom endpoint”; the last
   * %s is one of the “it …” phrases saying what is wrong with it. */
  if (quotable)
    g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                 _("The endpoint “%s” set by %s cannot be used: %s. "
                   "Use a URL such as “https://ec2.example.com” or “http://localhost:5000”."),
                 url, origin, problem);
  else
    g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_CONFIG,
                 _("The endpoint set by %s cannot be used: %s. "
                   "Use a URL such as “https://ec2.example.com” or “http://localhost:5000”."),
                 origin, problem);
  return FALSE;
}

static gboolean
env_is_true (const char * const *envp,
             const char         *name)
{
  const char *value = g_environ_getenv ((char **) envp, name);

  return value != NULL && g_ascii_strcasecmp (value, "true") == 0;
}

/**
 * amigo_endpoint_resolve:
 * @service: a service's endpoint prefix: `ec2`, `sts`, `ssm`
 * @region: the region to work in; it stays the signing region whatever
 *   the URL
 * @envp: (nullable) (array zero-terminated=1): the environment, e.g. from
 *   amigo_aws_config_get_environ()
 * @account_url: (nullable): the account's custom endpoint, if it has one
 * @profile_url: (nullable): the profile's endpoint for @service, from
 *   amigo_aws_config_get_endpoint_url()
 * @error: return location for an error
 *
 * Picks the endpoint, highest precedence first: `AWS_ENDPOINT_URL_<SERVICE>`,
 * `AWS_ENDPOINT_URL`, @account_url, @profile_url, the region's standard
 * endpoint. `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true` drops the environment
 * and profile overrides, as in the CLI. Empty values count as unset. The
 * chosen override is validated: a malformed one is an error, never skipped.
 *
 * Returns: (transfer full) (nullable): the endpoint, or %NULL
 */
AmigoEndpoint *
amigo_endpoint_resolve (const char          *service,
                        const char          *region,
                        const char * const  *envp,
                        const char          *account_url,
                        const char          *profile_url,
                        GError             **error)
{
  return amigo_endpoint_resolve_variant (service, region, envp, account_url, profile_url,
                                         AMIGO_ENDPOINT_VARIANT_NONE, error);
}

/**
 * amigo_endpoint_resolve_variant:
 * @service: a service's signing name
 * @region: the region to work in
 * @envp: (nullable) (array zero-terminated=1): the environment
 * @account_url: (nullable): the account's custom endpoint
 * @profile_url: (nullable): the profile's endpoint for @service
 * @profile_variant: the profile's use_fips_endpoint / use_dualstack_endpoint
 * @error: return location for an error
 *
 * amigo_endpoint_resolve(), with FIPS and dual-stack endpoints when the
 * environment (`AWS_USE_FIPS_ENDPOINT`, `AWS_USE_DUALSTACK_ENDPOINT`) or
 * the profile asks for them. A custom endpoint is used as it is: the
 * variants choose among AWS's own endpoints only.
 *
 * Returns: (transfer full) (nullable): the endpoint, or %NULL
 */
AmigoEndpoint *
amigo_endpoint_resolve_variant (const char          *service,
                                const char          *region,
                                const char * const  *envp,
                                const char          *account_url,
                                const char          *profile_url,
                                AmigoEndpointVariant profile_variant,
                                GError             **error)
{
  g_autoptr(AmigoEndpoint) endpoint = NULL;
  g_autofree char *service_variable = NULL;
  gboolean ignore_configured;
  const char *url = NULL;
  const char *origin = NULL;
  AmigoEndpointSource source = AMIGO_ENDPOINT_SOURCE_DEFAULT;

  if (!check_region_and_service (service, region, error))
    return NULL;

  service_variable = amigo_endpoint_env_variable (service);
  ignore_configured = env_is_true (envp, "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");

  {
    struct {
      const char *value;
      const char *origin;
      AmigoEndpointSource source;
      gboolean configured;
    } candidates[] = {
      { g_environ_getenv ((char **) envp, service_variable), service_variable,
        AMIGO_ENDPOINT_SOURCE_ENV_SERVICE, TRUE },
      { g_environ_getenv ((char **) envp, "AWS_ENDPOINT_URL"), "AWS_ENDPOINT_URL",
        AMIGO_ENDPOINT_SOURCE_ENV, TRUE },
      { account_url, _("the account’s custom endpoint"), AMIGO_ENDPOINT_SOURCE_ACCOUNT, FALSE },
      { profile_url, _("the AWS profile’s endpoint_url"), AMIGO_ENDPOINT_SOURCE_PROFILE, TRUE },
    };

    for (gsize i = 0; i < G_N_ELEMENTS (candidates); i++)
      {
        if (candidates[i].value == NULL || *candidates[i].value == '\0')
          continue;
        if (candidates[i].configured && ignore_configured)
          continue;
        url = candidates[i].value;
        origin = candidates[i].origin;
        source = candidates[i].source;
        break;
      }
  }

  endpoint = g_new0 (AmigoEndpoint, 1);
  endpoint->service = g_strdup (service);
  endpoint->signing_region = g_strdup (region);
  endpoint->partition = amigo_partition_for_region (region);
  endpoint->source = source;

  if (url != NULL)
    {
      gsize len;

      if (!amigo_endpoint_validate_url (url, origin, error))
        return NULL;
      endpoint->url = g_strdup (url);
      len = strlen (endpoint->url);
      while (len > 0 && endpoint->url[len - 1] == '/')
        endpoint->url[--len] = '\0';
    }
  else
    {
      endpoint->url = amigo_endpoint_variant_url (service, region,
                                                  amigo_endpoint_variant_from_environ (envp, profile_variant),
                                                  error);
      if (endpoint->url == NULL)
        return NULL;
    }

  return g_steal_pointer (&endpoint);
}

/**
 * amigo_endpoint_free:
 * @endpoint: (nullable): an endpoint
 */
void
amigo_endpoint_free (AmigoEndpoint *endpoint)
{
  if (endpoint == NULL)
    return;
  g_free (endpoint->service);
  g_free (endpoint->url);
  g_free (endpoint->signing_region);
  g_free (endpoint);
}
