/* amigo-ec2-limits.c — what EC2 accepts, in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The engine's operations and every dialog ask here, so that a limit is
 * written once. Sources: the EC2 API reference, as botocore's EC2 model
 * (data/ec2/2016-11-15/service-2.json, botocore 1.43) carries it.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "amigo-ec2-limits.h"
#include "amigo-error.h"

/* Sizes: CreateVolumeRequest `Size`, "Valid sizes: gp2: 1 - 16,384 GiB;
 * gp3: 1 - 65,536 GiB; io1: 4 - 16,384 GiB; io2: 4 - 65,536 GiB; st1 and
 * sc1: 125 - 16,384 GiB; standard: 1 - 1024 GiB" (EbsBlockDevice
 * `VolumeSize` says the same). Older references gave gp3 16,384 GiB.
 *
 * IOPS: CreateVolumeRequest `Iops`, "Required for io1 and io2 volumes.
 * Optional for gp3 volumes. Omit for all other volume types. Valid ranges:
 * gp3: 3,000 (default) - 80,000 IOPS; io1: 100 - 64,000 IOPS; io2: 100 -
 * 256,000 IOPS". The IOPS a GiB may have (io1 50, io2 1000, gp3 500) are
 * from the Amazon EBS User Guide, "Amazon EBS volume types".
 *
 * Throughput: CreateVolumeRequest `Throughput`, "Supported for gp3 volumes
 * only. [...] Valid Range: 125 - 2000 MiB/s".
 *
 * In the order the dialogs offer them. */
static const AmigoEc2VolumeLimits volume_limits[] = {
  { "gp3", 1, 65536, FALSE, 3000, 80000, 500, 125, 2000 },
  { "gp2", 1, 16384, FALSE, 0, 0, 0, 0, 0 },
  { "io1", 4, 16384, TRUE, 100, 64000, 50, 0, 0 },
  { "io2", 4, 65536, TRUE, 100, 256000, 1000, 0, 0 },
  { "st1", 125, 16384, FALSE, 0, 0, 0, 0, 0 },
  { "sc1", 125, 16384, FALSE, 0, 0, 0, 0, 0 },
  { "standard", 1, 1024, FALSE, 0, 0, 0, 0, 0 },
};

/**
 * amigo_ec2_get_volume_limits:
 * @volume_type: (nullable): an EBS volume type, e.g. `gp3`
 *
 * Returns: (transfer none) (nullable): what EC2 accepts for a volume of
 *   @volume_type, or %NULL for a type it does not know
 */
const AmigoEc2VolumeLimits *
amigo_ec2_get_volume_limits (const char *volume_type)
{
  for (guint i = 0; i < G_N_ELEMENTS (volume_limits); i++)
    if (g_strcmp0 (volume_limits[i].volume_type, volume_type) == 0)
      return &volume_limits[i];
  return NULL;
}

/**
 * amigo_ec2_get_all_volume_limits:
 * @n_types: (out): how many
 *
 * Returns: (transfer none) (array length=n_types): every EBS volume type,
 *   the general purpose SSDs first, then provisioned IOPS, HDD, magnetic
 */
const AmigoEc2VolumeLimits *
amigo_ec2_get_all_volume_limits (guint *n_types)
{
  g_return_val_if_fail (n_types != NULL, NULL);

  *n_types = G_N_ELEMENTS (volume_limits);
  return volume_limits;
}

/**
 * amigo_ec2_volume_size_is_valid:
 * @volume_type: (nullable): an EBS volume type
 * @size: a size in GiB
 *
 * Returns: whether a volume of @volume_type may be @size GiB (%FALSE for
 *   an unknown type)
 */
gboolean
amigo_ec2_volume_size_is_valid (const char *volume_type,
                                gint        size)
{
  const AmigoEc2VolumeLimits *limits = amigo_ec2_get_volume_limits (volume_type);

  return limits != NULL && size >= limits->min_size && size <= limits->max_size;
}

/**
 * amigo_ec2_tag_key_is_reserved:
 * @key: a tag key
 *
 * The `aws:` prefix is AWS's, in any combination of upper and lower case
 * (AWS General Reference, "Tagging your AWS resources"); the EC2 API
 * reference (Tag `Key`): "May not begin with aws:".
 *
 * Returns: whether @key is AWS's
 */
gboolean
amigo_ec2_tag_key_is_reserved (const char *key)
{
  g_return_val_if_fail (key != NULL, FALSE);
  return g_ascii_strncasecmp (key, "aws:", 4) == 0;
}

/**
 * amigo_ec2_check_tag:
 * @key: a tag key
 * @value: (nullable): its value
 *
 * Checks a tag as CreateTags and `TagSpecification` do. Lengths are in
 * Unicode characters. The key may be 128 long, as the EC2 User Guide ("Tag
 * restrictions") and every other AWS service say (the API reference's Tag
 * `Key` says 127). How many a resource takes is CreateTags's "Each
 * resource can have a maximum of 50 tags".
 *
 * Returns: the first problem with the tag, or %AMIGO_EC2_TAG_OK
 */
AmigoEc2TagProblem
amigo_ec2_check_tag (const char *key,
                     const char *value)
{
  g_return_val_if_fail (key != NULL, AMIGO_EC2_TAG_KEY_EMPTY);

  if (*key == '\0')
    return AMIGO_EC2_TAG_KEY_EMPTY;
  if (g_utf8_strlen (key, -1) > AMIGO_EC2_TAG_KEY_MAX)
    return AMIGO_EC2_TAG_KEY_TOO_LONG;
  if (amigo_ec2_tag_key_is_reserved (key))
    return AMIGO_EC2_TAG_KEY_RESERVED;
  if (value != NULL && g_utf8_strlen (value, -1) > AMIGO_EC2_TAG_VALUE_MAX)
    return AMIGO_EC2_TAG_VALUE_TOO_LONG;
  return AMIGO_EC2_TAG_OK;
}

/**
 * amigo_ec2_validate_user_data:
 * @user_data: (nullable): user data as plain text, before base64
 * @error: where the reason goes, in words for people
 *
 * RunInstances: "User data is limited to 16 KB" (LaunchSpecification
 * `UserData`), counted before base64.
 *
 * Returns: %TRUE if EC2 would accept @user_data
 */
gboolean
amigo_ec2_validate_user_data (const char  *user_data,
                              GError     **error)
{
  gsize len = user_data != NULL ? strlen (user_data) : 0;

  if (len > AMIGO_EC2_USER_DATA_MAX)
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT,
                   _("The user data is %zu bytes long; EC2 takes at most 16 KiB. "
                     "Shorten it, or have it download the rest."),
                   len);
      return FALSE;
    }
  return TRUE;
}

/**
 * amigo_ec2_validate_image_name:
 * @name: (nullable): a name for a new image
 * @error: where the reason goes, in words for people
 *
 * Checks a name as CreateImage, RegisterImage and CopyImage do
 * (CreateImageRequest `Name`): "Constraints: 3-128 alphanumeric
 * characters, parentheses (()), square brackets ([]), spaces ( ), periods
 * (.), slashes (/), dashes (-), single quotes ('), at-signs (@), or
 * underscores(_)". Alphanumeric means ASCII letters and digits.
 *
 * Returns: %TRUE if EC2 would accept @name
 */
gboolean
amigo_ec2_validate_image_name (const char  *name,
                               GError     **error)
{
  gsize len = name != NULL ? strlen (name) : 0;

  if (len < AMIGO_EC2_IMAGE_NAME_MIN || len > AMIGO_EC2_IMAGE_NAME_MAX)
    {
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT,
                   _("An image name must be 3 to 128 characters long."));
      return FALSE;
    }
  for (const char *p = name; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || strchr ("()[] ./-'@_", *p) != NULL)
        continue;
      g_set_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_INVALID_ARGUMENT,
                   _("An image name may only hold letters (A–Z, a–z), digits, spaces "
                     "and ( ) [ ] . / - ' @ _"));
      return FALSE;
    }
  return TRUE;
}
