/* amigo-ec2-limits.h — what EC2 accepts: volume sizes and performance,
 * tags, user data, image names and descriptions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Tags: a key of 1 to 128 Unicode characters not starting with `aws:`, a
 * value of at most 256, at most 50 tags a resource. */
#define AMIGO_EC2_TAG_KEY_MAX           128
#define AMIGO_EC2_TAG_VALUE_MAX         256
#define AMIGO_EC2_TAGS_PER_RESOURCE_MAX 50

/* RunInstances: user data is at most 16 KiB, before base64. */
#define AMIGO_EC2_USER_DATA_MAX (16 * 1024)

/* CreateImage, RegisterImage, CopyImage: a name of 3 to 128 characters
 * (amigo_ec2_validate_image_name()), a description of at most 255 (the
 * API reference leaves it out; EC2 refuses longer ones, and its console
 * says so). */
#define AMIGO_EC2_IMAGE_NAME_MIN        3
#define AMIGO_EC2_IMAGE_NAME_MAX        128
#define AMIGO_EC2_IMAGE_DESCRIPTION_MAX 255

/* The largest size of any EBS volume type, in GiB (gp3, io2). */
#define AMIGO_EC2_VOLUME_SIZE_MAX 65536

/**
 * AmigoEc2VolumeLimits:
 * @volume_type: the EBS volume type, e.g. `gp3`
 * @min_size: the smallest size, in GiB
 * @max_size: the largest size, in GiB
 * @iops_required: whether `Iops` must be given (io1, io2)
 * @min_iops: the fewest IOPS that can be provisioned, 0 when none can
 * @max_iops: the most IOPS that can be provisioned, 0 when none can
 * @max_iops_per_gib: the most IOPS per GiB of size, 0 for no such bound
 * @min_throughput: the least `Throughput` in MiB/s, 0 when it cannot be set
 * @max_throughput: the most `Throughput` in MiB/s, 0 when it cannot be set
 *
 * What EC2 accepts for a volume of one type (CreateVolume, and the `Ebs`
 * of a block device mapping).
 */
typedef struct {
  const char *volume_type;
  gint min_size;
  gint max_size;
  gboolean iops_required;
  gint min_iops;
  gint max_iops;
  gint max_iops_per_gib;
  gint min_throughput;
  gint max_throughput;
} AmigoEc2VolumeLimits;

/**
 * AmigoEc2TagProblem:
 * @AMIGO_EC2_TAG_OK: EC2 takes the tag
 * @AMIGO_EC2_TAG_KEY_EMPTY: the key is empty
 * @AMIGO_EC2_TAG_KEY_TOO_LONG: the key has more than %AMIGO_EC2_TAG_KEY_MAX characters
 * @AMIGO_EC2_TAG_KEY_RESERVED: the key starts with `aws:` (in any case)
 * @AMIGO_EC2_TAG_VALUE_TOO_LONG: the value has more than
 *   %AMIGO_EC2_TAG_VALUE_MAX characters
 *
 * What is wrong with a tag, the first problem found in this order.
 */
typedef enum {
  AMIGO_EC2_TAG_OK,
  AMIGO_EC2_TAG_KEY_EMPTY,
  AMIGO_EC2_TAG_KEY_TOO_LONG,
  AMIGO_EC2_TAG_KEY_RESERVED,
  AMIGO_EC2_TAG_VALUE_TOO_LONG,
} AmigoEc2TagProblem;

const AmigoEc2VolumeLimits *amigo_ec2_get_volume_limits        (const char  *volume_type);
const AmigoEc2VolumeLimits *amigo_ec2_get_all_volume_limits    (guint       *n_types);
gboolean                    amigo_ec2_volume_size_is_valid     (const char  *volume_type,
                                                                gint         size);

gboolean                    amigo_ec2_tag_key_is_reserved      (const char  *key);
AmigoEc2TagProblem          amigo_ec2_check_tag                (const char  *key,
                                                                const char  *value);

gboolean                    amigo_ec2_validate_user_data       (const char  *user_data,
                                                                GError     **error);
gboolean                    amigo_ec2_validate_image_name      (const char  *name,
                                                                GError     **error);

G_END_DECLS
