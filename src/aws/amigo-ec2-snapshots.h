/* amigo-ec2-snapshots.h — EBS snapshots and volumes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (AMIGO_EC2_INSIDE)
#error "Include amigo-ec2.h, not this header."
#endif

#include "amigo-snapshot.h"
#include "amigo-volume.h"

G_BEGIN_DECLS

/* ---- Snapshots -------------------------------------------------------- */

/**
 * AmigoDescribeSnapshotsRequest:
 * @owners: (array zero-terminated=1) (nullable): `Owner.N`: `self`,
 *   `amazon` or account ids. Without owners or ids, every snapshot you may
 *   restore is listed, public ones included: usually pass `self`
 * @snapshot_ids: (array zero-terminated=1) (nullable): `SnapshotId.N`
 * @filters: (array length=n_filters) (nullable): `Filter.N`
 * @n_filters: how many filters
 * @page_size: `MaxResults`, 5–1000, 0 for 1000 (not sent with @snapshot_ids)
 */
typedef struct {
  const char * const *owners;
  const char * const *snapshot_ids;
  const AmigoEc2Filter *filters;
  guint n_filters;
  guint page_size;
} AmigoDescribeSnapshotsRequest;

void       amigo_ec2_describe_snapshots_async  (AmigoEc2                            *self,
                                                const AmigoDescribeSnapshotsRequest *request,
                                                GCancellable                        *cancellable,
                                                GAsyncReadyCallback                  callback,
                                                gpointer                             user_data);
GPtrArray *amigo_ec2_describe_snapshots_finish (AmigoEc2                            *self,
                                                GAsyncResult                        *result,
                                                GError                             **error);

void     amigo_ec2_delete_snapshot_async  (AmigoEc2            *self,
                                           const char          *snapshot_id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
gboolean amigo_ec2_delete_snapshot_finish (AmigoEc2            *self,
                                           GAsyncResult        *result,
                                           GError             **error);

/* ---- Volumes ---------------------------------------------------------- */

void       amigo_ec2_describe_volumes_async          (AmigoEc2                  *self,
                                                      const AmigoEc2ListRequest *request,
                                                      GCancellable              *cancellable,
                                                      GAsyncReadyCallback        callback,
                                                      gpointer                   user_data);
GPtrArray *amigo_ec2_describe_volumes_finish         (AmigoEc2                  *self,
                                                      GAsyncResult              *result,
                                                      GError                   **error);

G_END_DECLS
