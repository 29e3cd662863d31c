/* amigo-ec2-snapshots.c — EBS snapshots and volumes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-ec2-private.h"

/* DescribeVolumes: "This value can be between 5 and 500". */
#define VOLUMES_PAGE_SIZE 500

static const AmigoEc2DescribeList
  describe_volumes = { "DescribeVolumes", "VolumeId", VOLUMES_PAGE_SIZE, amigo_ec2_parser_new_describe_volumes };

/**
 * amigo_ec2_describe_snapshots_async:
 * @self: an #AmigoEc2
 * @request: which snapshots (see #AmigoDescribeSnapshotsRequest)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every page has been read
 * @user_data: data for @callback
 *
 * DescribeSnapshots, every page: state, progress, size, tags…
 */
void
amigo_ec2_describe_snapshots_async (AmigoEc2                            *self,
                                    const AmigoDescribeSnapshotsRequest *request,
                                    GCancellable                        *cancellable,
                                    GAsyncReadyCallback                  callback,
                                    gpointer                             user_data)
{
  AmigoEc2Query *q;

  g_return_if_fail (AMIGO_IS_EC2 (self));
  g_return_if_fail (request != NULL);

  q = _amigo_ec2_query_new ("DescribeSnapshots");
  amigo_ec2_query_add_list (q, "Owner", request->owners);
  amigo_ec2_query_add_list (q, "SnapshotId", request->snapshot_ids);
  _amigo_ec2_add_filters (q, request->filters, request->n_filters);
  if (_amigo_ec2_strv_is_empty (request->snapshot_ids))
    amigo_ec2_query_add_int (q, "MaxResults",
                             _amigo_ec2_page_size_or (request->page_size, AMIGO_EC2_DEFAULT_PAGE_SIZE));
  _amigo_ec2_list_async (self, q, amigo_ec2_parser_new_describe_snapshots, cancellable, callback,
                         user_data, amigo_ec2_describe_snapshots_async);
}

/**
 * amigo_ec2_describe_snapshots_finish:
 *
 * Returns: (transfer container) (element-type AmigoSnapshot) (nullable):
 *   the snapshots, or %NULL with @error set
 */
AMIGO_EC2_DEFINE_FINISH_POINTER (GPtrArray *, describe_snapshots)

/**
 * amigo_ec2_describe_volumes_async:
 * @self: an #AmigoEc2
 * @request: (nullable): `ids` are volume ids (`VolumeId.N`); filters such
 *   as `attachment.instance-id`, `status`
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every page has been read
 * @user_data: data for @callback
 *
 * DescribeVolumes, every page: size, type and snapshot of EBS volumes
 * (what an image made of an instance starts from).
 */
/**
 * amigo_ec2_describe_volumes_finish:
 *
 * Returns: (transfer container) (element-type AmigoVolume) (nullable):
 *   the volumes, or %NULL with @error set
 */
AMIGO_EC2_DEFINE_DESCRIBE_LIST (describe_volumes, describe_volumes)

/**
 * amigo_ec2_delete_snapshot_async:
 * @self: an #AmigoEc2
 * @snapshot_id: the snapshot
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * DeleteSnapshot. EC2 refuses while a registered image uses it.
 */
/**
 * amigo_ec2_delete_snapshot_finish:
 *
 * Returns: %TRUE when the snapshot was deleted
 */
AMIGO_EC2_DEFINE_ID_OP_BOOLEAN (delete_snapshot, "DeleteSnapshot", "SnapshotId")
