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

AMIGO_DECLARE_ASYNC (AmigoEc2, GPtrArray *, amigo_ec2_describe_snapshots,
                     const AmigoDescribeSnapshotsRequest *request);

AMIGO_DECLARE_ASYNC (AmigoEc2, gboolean, amigo_ec2_delete_snapshot, const char *snapshot_id);

/* ---- Volumes ---------------------------------------------------------- */

AMIGO_EC2_DECLARE_DESCRIBE_LIST (describe_volumes);

G_END_DECLS
