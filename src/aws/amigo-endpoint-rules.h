/* amigo-endpoint-rules.h — AWS endpoint rule sets, interpreted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The inputs of a rule set: its built-ins (AWS::Region, AWS::UseFIPS,
 * AWS::UseDualStack, SDK::Endpoint). */
typedef struct {
  const char *region;           /* nullable */
  gboolean use_fips;
  gboolean use_dual_stack;
  const char *endpoint;         /* nullable: a custom endpoint */
} AmigoEndpointParams;

/* What the partition of a region says of itself (botocore's partitions.json). */
typedef struct {
  const char *id;               /* "aws", "aws-cn", "aws-eusc", … */
  const char *dns_suffix;
  const char *dual_stack_dns_suffix;
  gboolean supports_fips;
  gboolean supports_dual_stack;
} AmigoPartitionOutputs;

gboolean  amigo_endpoint_rules_partition (const char             *region,
                                          AmigoPartitionOutputs  *outputs);
gboolean  amigo_endpoint_rules_has_service (const char           *service);
char     *amigo_endpoint_rules_resolve   (const char                *service,
                                          const AmigoEndpointParams *params,
                                          GError                   **error);
char     *amigo_endpoint_rules_resolve_json (const char                *rule_set_json,
                                             const AmigoEndpointParams *params,
                                             GError                   **error);

G_END_DECLS
