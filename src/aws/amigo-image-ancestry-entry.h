/* amigo-image-ancestry-entry.h — one image of an ancestry chain and its source (GetImageAncestry)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AMIGO_TYPE_IMAGE_ANCESTRY_ENTRY (amigo_image_ancestry_entry_get_type ())

G_DECLARE_FINAL_TYPE (AmigoImageAncestryEntry, amigo_image_ancestry_entry, AMIGO, IMAGE_ANCESTRY_ENTRY, GObject)

AmigoImageAncestryEntry *amigo_image_ancestry_entry_new (void);
const char *amigo_image_ancestry_entry_get_image_id (AmigoImageAncestryEntry *self);
const char *amigo_image_ancestry_entry_get_creation_date (AmigoImageAncestryEntry *self);
gint64      amigo_image_ancestry_entry_get_creation_date_usec (AmigoImageAncestryEntry *self);
const char *amigo_image_ancestry_entry_get_image_owner_alias (AmigoImageAncestryEntry *self);
const char *amigo_image_ancestry_entry_get_source_image_id (AmigoImageAncestryEntry *self);
const char *amigo_image_ancestry_entry_get_source_image_region (AmigoImageAncestryEntry *self);

G_END_DECLS
