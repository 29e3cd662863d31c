/* amigo-image-reference.c — a resource that still uses an image (DescribeImageReferences)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-image-reference.h"
#include "amigo-record-private.h"

struct _AmigoImageReference
{
  GObject parent_instance;

  char *image_id;
  char *resource_type;  /* pooled */
  char *arn;
};

G_DEFINE_FINAL_TYPE (AmigoImageReference, amigo_image_reference, G_TYPE_OBJECT)

static const AmigoRecordField fields[] = {
  AMIGO_RECORD_FIELD (AmigoImageReference, "imageId", "ImageId", "image-id", STRING, image_id),
  AMIGO_RECORD_FIELD (AmigoImageReference, "resourceType", "ResourceType", "resource-type", POOLED, resource_type),
  AMIGO_RECORD_FIELD (AmigoImageReference, "arn", "Arn", "arn", STRING, arn),
};

AmigoRecordType amigo_image_reference_record =
  AMIGO_RECORD_TYPE ("ImageReference", AmigoImageReference, fields, amigo_image_reference_get_type, NULL);

/* One property per field of the table above */
AMIGO_RECORD_DEFINE_OBJECT_METHODS (AmigoImageReference, amigo_image_reference, amigo_image_reference_record)

/**
 * amigo_image_reference_new:
 *
 * Creates an empty AmigoImageReference; the parsers fill it from EC2's answers.
 *
 * Returns: (transfer full): a new #AmigoImageReference
 */
AmigoImageReference *
amigo_image_reference_new (void)
{
  return g_object_new (AMIGO_TYPE_IMAGE_REFERENCE, NULL);
}

#define GETTER(Ret, field, fallback) \
  AMIGO_RECORD_GETTER (AmigoImageReference, amigo_image_reference, AMIGO_IS_IMAGE_REFERENCE, Ret, field, fallback)

/**
 * amigo_image_reference_get_image_id:
 * @self: an #AmigoImageReference
 *
 * Returns: (transfer none) (nullable): the image referred to (`imageId`)
 */
GETTER (const char *, image_id, NULL)

/**
 * amigo_image_reference_get_resource_type:
 * @self: an #AmigoImageReference
 *
 * Returns: (transfer none) (nullable): `ec2:Instance`, `ec2:LaunchTemplate`, `ssm:Parameter`, `imagebuilder:ImageRecipe` or `imagebuilder:ContainerRecipe` (`resourceType`)
 */
GETTER (const char *, resource_type, NULL)

/**
 * amigo_image_reference_get_arn:
 * @self: an #AmigoImageReference
 *
 * Returns: (transfer none) (nullable): the ARN of the resource that refers to it (`arn`)
 */
GETTER (const char *, arn, NULL)
