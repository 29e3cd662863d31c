/* amigo-recycle-bin-image.c — an image kept in the Recycle Bin (ListImagesInRecycleBin)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-recycle-bin-image.h"
#include "amigo-record-private.h"

struct _AmigoRecycleBinImage
{
  GObject parent_instance;

  char *image_id;
  char *name;
  char *description;
  char *recycle_bin_enter_time;
  char *recycle_bin_exit_time;
  gint64 recycle_bin_enter_time_usec;
  gint64 recycle_bin_exit_time_usec;
};

G_DEFINE_FINAL_TYPE (AmigoRecycleBinImage, amigo_recycle_bin_image, G_TYPE_OBJECT)

static const AmigoRecordField fields[] = {
  AMIGO_RECORD_FIELD (AmigoRecycleBinImage, "imageId", "ImageId", "image-id", STRING, image_id),
  AMIGO_RECORD_FIELD (AmigoRecycleBinImage, "name", "Name", "name", STRING, name),
  AMIGO_RECORD_FIELD (AmigoRecycleBinImage, "description", "Description", "description", STRING, description),
  AMIGO_RECORD_DATE (AmigoRecycleBinImage, "recycleBinEnterTime", "RecycleBinEnterTime", "recycle-bin-enter-time", recycle_bin_enter_time),
  AMIGO_RECORD_DATE (AmigoRecycleBinImage, "recycleBinExitTime", "RecycleBinExitTime", "recycle-bin-exit-time", recycle_bin_exit_time),
};

AmigoRecordType amigo_recycle_bin_image_record =
  AMIGO_RECORD_TYPE ("ImageRecycleBinInfo", AmigoRecycleBinImage, fields, amigo_recycle_bin_image_get_type, NULL);

/* One property per field of the table above */
AMIGO_RECORD_DEFINE_OBJECT_METHODS (AmigoRecycleBinImage, amigo_recycle_bin_image, amigo_recycle_bin_image_record)

/**
 * amigo_recycle_bin_image_new:
 *
 * Creates an empty AmigoRecycleBinImage; the parsers fill it from EC2's answers.
 *
 * Returns: (transfer full): a new #AmigoRecycleBinImage
 */
AmigoRecycleBinImage *
amigo_recycle_bin_image_new (void)
{
  return g_object_new (AMIGO_TYPE_RECYCLE_BIN_IMAGE, NULL);
}

#define GETTER(Ret, field, fallback) \
  AMIGO_RECORD_GETTER (AmigoRecycleBinImage, amigo_recycle_bin_image, AMIGO_IS_RECYCLE_BIN_IMAGE, Ret, field, fallback)

/**
 * amigo_recycle_bin_image_get_image_id:
 * @self: an #AmigoRecycleBinImage
 *
 * Returns: (transfer none) (nullable): the image (`imageId`)
 */
GETTER (const char *, image_id, NULL)

/**
 * amigo_recycle_bin_image_get_name:
 * @self: an #AmigoRecycleBinImage
 *
 * Returns: (transfer none) (nullable): its name (`name`)
 */
GETTER (const char *, name, NULL)

/**
 * amigo_recycle_bin_image_get_description:
 * @self: an #AmigoRecycleBinImage
 *
 * Returns: (transfer none) (nullable): its description (`description`)
 */
GETTER (const char *, description, NULL)

/**
 * amigo_recycle_bin_image_get_recycle_bin_enter_time:
 * @self: an #AmigoRecycleBinImage
 *
 * Returns: (transfer none) (nullable): when it entered the Recycle Bin (`recycleBinEnterTime`)
 */
GETTER (const char *, recycle_bin_enter_time, NULL)

/**
 * amigo_recycle_bin_image_get_recycle_bin_enter_time_usec:
 * @self: an #AmigoRecycleBinImage
 *
 * Returns: the same as microseconds since the epoch, or 0 when not given
 */
GETTER (gint64, recycle_bin_enter_time_usec, 0)

/**
 * amigo_recycle_bin_image_get_recycle_bin_exit_time:
 * @self: an #AmigoRecycleBinImage
 *
 * Returns: (transfer none) (nullable): when it will be deleted for good (`recycleBinExitTime`)
 */
GETTER (const char *, recycle_bin_exit_time, NULL)

/**
 * amigo_recycle_bin_image_get_recycle_bin_exit_time_usec:
 * @self: an #AmigoRecycleBinImage
 *
 * Returns: the same as microseconds since the epoch, or 0 when not given
 */
GETTER (gint64, recycle_bin_exit_time_usec, 0)
