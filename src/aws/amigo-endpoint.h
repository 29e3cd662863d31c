/* amigo-endpoint.h — regions, partitions and service endpoints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * AmigoPartition:
 * @AMIGO_PARTITION_AWS: the commercial regions (`amazonaws.com`)
 * @AMIGO_PARTITION_AWS_CN: China (`amazonaws.com.cn`)
 * @AMIGO_PARTITION_AWS_US_GOV: AWS GovCloud (US) (`amazonaws.com`)
 */
typedef enum {
  AMIGO_PARTITION_AWS,
  AMIGO_PARTITION_AWS_CN,
  AMIGO_PARTITION_AWS_US_GOV,
  AMIGO_PARTITION_AWS_EUSC,
  AMIGO_PARTITION_AWS_ISO,
  AMIGO_PARTITION_AWS_ISO_B,
  AMIGO_PARTITION_AWS_ISO_E,
  AMIGO_PARTITION_AWS_ISO_F,
} AmigoPartition;

AmigoPartition  amigo_partition_for_region      (const char     *region);
const char     *amigo_partition_get_id          (AmigoPartition  partition);
const char     *amigo_partition_get_dns_suffix  (AmigoPartition  partition);

/**
 * AmigoRegionInfo:
 * @code: the region's code, e.g. `ap-northeast-2`
 * @display_name: its English name, e.g. "Asia Pacific (Seoul)", marked with
 *   N_(): show it through amigo_region_info_get_display_name()
 * @partition: the partition it belongs to
 * @opt_in: whether an account must enable the region before using it
 */
typedef struct {
  const char *code;
  const char *display_name;
  AmigoPartition partition;
  gboolean opt_in;
} AmigoRegionInfo;

const AmigoRegionInfo *amigo_region_get_known         (gsize                 *n_regions);
const AmigoRegionInfo *amigo_region_lookup            (const char            *code);
const char            *amigo_region_info_get_display_name (const AmigoRegionInfo *info);
gboolean               amigo_region_is_valid_name     (const char            *region);

/**
 * AmigoEndpointSource:
 * @AMIGO_ENDPOINT_SOURCE_DEFAULT: the region's standard endpoint
 * @AMIGO_ENDPOINT_SOURCE_PROFILE: the profile's `endpoint_url`, or its
 *   `[services]` section's
 * @AMIGO_ENDPOINT_SOURCE_ACCOUNT: the account's own custom endpoint
 * @AMIGO_ENDPOINT_SOURCE_ENV: `AWS_ENDPOINT_URL`
 * @AMIGO_ENDPOINT_SOURCE_ENV_SERVICE: `AWS_ENDPOINT_URL_<SERVICE>`, e.g.
 *   `AWS_ENDPOINT_URL_EC2`
 *
 * Where an endpoint came from, lowest precedence first.
 */
typedef enum {
  AMIGO_ENDPOINT_SOURCE_DEFAULT,
  AMIGO_ENDPOINT_SOURCE_PROFILE,
  AMIGO_ENDPOINT_SOURCE_ACCOUNT,
  AMIGO_ENDPOINT_SOURCE_ENV,
  AMIGO_ENDPOINT_SOURCE_ENV_SERVICE,
} AmigoEndpointSource;

/* Where to send a service's requests, and how to sign them. The signing
 * region is always the real region, whatever the URL (moto, LocalStack and
 * VPC endpoints check the signature with it). */
typedef struct {
  char *service;                /* e.g. "ec2" */
  char *url;                    /* e.g. "https://ec2.eu-west-1.amazonaws.com" */
  char *signing_region;         /* e.g. "eu-west-1" */
  AmigoPartition partition;
  AmigoEndpointSource source;
} AmigoEndpoint;

char          *amigo_endpoint_default_url   (const char          *service,
                                             const char          *region,
                                             GError             **error);

/* Endpoint variants, as the AWS CLI's use_fips_endpoint and
 * use_dualstack_endpoint settings ask for them. */
typedef enum {
  AMIGO_ENDPOINT_VARIANT_NONE       = 0,
  AMIGO_ENDPOINT_VARIANT_FIPS       = 1 << 0,
  AMIGO_ENDPOINT_VARIANT_DUAL_STACK = 1 << 1,
} AmigoEndpointVariant;

char          *amigo_endpoint_variant_url   (const char          *service,
                                             const char          *region,
                                             AmigoEndpointVariant variant,
                                             GError             **error);
AmigoEndpointVariant amigo_endpoint_variant_from_environ (const char * const *envp,
                                                         AmigoEndpointVariant profile_variant);
char          *amigo_endpoint_env_variable  (const char          *service);
gboolean       amigo_endpoint_host_is_loopback (const char       *host);
gboolean       amigo_endpoint_url_needs_plain_http_consent (const char *url);
gboolean       amigo_endpoint_validate_url  (const char          *url,
                                             const char          *origin,
                                             GError             **error);
AmigoEndpoint *amigo_endpoint_resolve       (const char          *service,
                                             const char          *region,
                                             const char * const  *envp,
                                             const char          *account_url,
                                             const char          *profile_url,
                                             GError             **error);
AmigoEndpoint *amigo_endpoint_resolve_variant (const char          *service,
                                               const char          *region,
                                               const char * const  *envp,
                                               const char          *account_url,
                                               const char          *profile_url,
                                               AmigoEndpointVariant profile_variant,
                                               GError             **error);
void           amigo_endpoint_free          (AmigoEndpoint       *endpoint);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmigoEndpoint, amigo_endpoint_free)

G_END_DECLS
