/* amigo-region-list.h — the regions as an account sees them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amigo-endpoint.h"
#include "amigo-sts.h"

G_BEGIN_DECLS

/**
 * AmigoRegionState:
 * @AMIGO_REGION_STATE_UNKNOWN: from Amigo's own table: DescribeRegions has
 *   not answered yet, or was denied; the region is asked and may fail
 * @AMIGO_REGION_STATE_ENABLED: `opt-in-not-required` or `opted-in`
 * @AMIGO_REGION_STATE_NOT_ENABLED: `not-opted-in`: never asked anything
 */
typedef enum {
  AMIGO_REGION_STATE_UNKNOWN,
  AMIGO_REGION_STATE_ENABLED,
  AMIGO_REGION_STATE_NOT_ENABLED,
} AmigoRegionState;

/**
 * AmigoRegionEntry:
 * @code: the region's code, e.g. `eu-south-1`
 * @state: whether the account can use it
 */
typedef struct {
  char *code;
  AmigoRegionState state;
} AmigoRegionEntry;

GPtrArray        *amigo_region_list_new_static     (AmigoPartition  partition);
GPtrArray        *amigo_region_list_new_described  (AmigoPartition  partition,
                                                    GPtrArray      *regions);
const AmigoRegionEntry *amigo_region_list_lookup   (GPtrArray      *list,
                                                    const char     *code);
const char       *amigo_region_get_enable_url      (AmigoPartition  partition);

/**
 * AmigoRegionProblem:
 * @AMIGO_REGION_PROBLEM_NONE: not a region's problem (the credentials, the
 *   network, anything else)
 * @AMIGO_REGION_PROBLEM_NOT_ENABLED: `AuthFailure` or `OptInRequired` from a
 *   region whose credentials work elsewhere: the account has not enabled it
 * @AMIGO_REGION_PROBLEM_DENIED: `UnauthorizedOperation`: a policy (an IAM
 *   policy, a service control policy's region deny) refuses it
 */
typedef enum {
  AMIGO_REGION_PROBLEM_NONE,
  AMIGO_REGION_PROBLEM_NOT_ENABLED,
  AMIGO_REGION_PROBLEM_DENIED,
} AmigoRegionProblem;

AmigoRegionProblem amigo_region_problem_from_error     (const GError        *error);
void               amigo_region_problem_confirm_async  (AmigoSts            *sts,
                                                        const GError        *error,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
AmigoRegionProblem amigo_region_problem_confirm_finish (AmigoSts            *sts,
                                                        GAsyncResult        *result,
                                                        GError             **error);

G_END_DECLS
