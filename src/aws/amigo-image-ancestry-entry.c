/* amigo-image-ancestry-entry.c — one image of an ancestry chain and its source (GetImageAncestry)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-image-ancestry-entry.h"
#include "amigo-record-private.h"

struct _AmigoImageAncestryEntry
{
  GObject parent_instance;

  char *image_id;
  char *creation_date;
  char *image_owner_alias;  /* pooled */
  char *source_image_id;
  char *source_image_region;  /* pooled */
  gint64 creation_date_usec;
};

G_DEFINE_FINAL_TYPE (AmigoImageAncestryEntry, amigo_image_ancestry_entry, G_TYPE_OBJECT)

static const AmigoRecordField fields[] = {
  AMIGO_RECORD_FIELD (AmigoImageAncestryEntry, "imageId", "ImageId", "image-id", STRING, image_id),
  AMIGO_RECORD_DATE (AmigoImageAncestryEntry, "creationDate", "CreationDate", "creation-date", creation_date),
  AMIGO_RECORD_FIELD (AmigoImageAncestryEntry, "imageOwnerAlias", "ImageOwnerAlias", "image-owner-alias", POOLED, image_owner_alias),
  AMIGO_RECORD_FIELD (AmigoImageAncestryEntry, "sourceImageId", "SourceImageId", "source-image-id", STRING, source_image_id),
  AMIGO_RECORD_FIELD (AmigoImageAncestryEntry, "sourceImageRegion", "SourceImageRegion", "source-image-region", POOLED, source_image_region),
};

AmigoRecordType amigo_image_ancestry_entry_record =
  AMIGO_RECORD_TYPE ("ImageAncestryEntry", AmigoImageAncestryEntry, fields, amigo_image_ancestry_entry_get_type, NULL);

/* One property per field of the table above */
AMIGO_RECORD_DEFINE_OBJECT_METHODS (AmigoImageAncestryEntry, amigo_image_ancestry_entry, amigo_image_ancestry_entry_record)

/**
 * amigo_image_ancestry_entry_new:
 *
 * Creates an empty AmigoImageAncestryEntry; the parsers fill it from EC2's answers.
 *
 * Returns: (transfer full): a new #AmigoImageAncestryEntry
 */
AmigoImageAncestryEntry *
amigo_image_ancestry_entry_new (void)
{
  return g_object_new (AMIGO_TYPE_IMAGE_ANCESTRY_ENTRY, NULL);
}

#define GETTER(Ret, field, fallback) \
  AMIGO_RECORD_GETTER (AmigoImageAncestryEntry, amigo_image_ancestry_entry, AMIGO_IS_IMAGE_ANCESTRY_ENTRY, Ret, field, fallback)

/**
 * amigo_image_ancestry_entry_get_image_id:
 * @self: an #AmigoImageAncestryEntry
 *
 * Returns: (transfer none) (nullable): the image (`imageId`)
 */
GETTER (const char *, image_id, NULL)

/**
 * amigo_image_ancestry_entry_get_creation_date:
 * @self: an #AmigoImageAncestryEntry
 *
 * Returns: (transfer none) (nullable): when it was made (`creationDate`)
 */
GETTER (const char *, creation_date, NULL)

/**
 * amigo_image_ancestry_entry_get_creation_date_usec:
 * @self: an #AmigoImageAncestryEntry
 *
 * Returns: the same as microseconds since the epoch, or 0 when not given
 */
GETTER (gint64, creation_date_usec, 0)

/**
 * amigo_image_ancestry_entry_get_image_owner_alias:
 * @self: an #AmigoImageAncestryEntry
 *
 * Returns: (transfer none) (nullable): its owner's alias, e.g. `amazon` (`imageOwnerAlias`)
 */
GETTER (const char *, image_owner_alias, NULL)

/**
 * amigo_image_ancestry_entry_get_source_image_id:
 * @self: an #AmigoImageAncestryEntry
 *
 * Returns: (transfer none) (nullable): the image it was made from (`sourceImageId`); %NULL for the root
 */
GETTER (const char *, source_image_id, NULL)

/**
 * amigo_image_ancestry_entry_get_source_image_region:
 * @self: an #AmigoImageAncestryEntry
 *
 * Returns: (transfer none) (nullable): the region of that image (`sourceImageRegion`)
 */
GETTER (const char *, source_image_region, NULL)
