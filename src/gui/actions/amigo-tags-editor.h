/* amigo-tags-editor.h — key/value rows for the tags of a new resource
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-ec2.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_TAGS_EDITOR (amigo_tags_editor_get_type ())

G_DECLARE_FINAL_TYPE (AmigoTagsEditor, amigo_tags_editor, AMIGO, TAGS_EDITOR, AdwBin)

/* Keys and values as EC2 limits them (Tag: Key 128, Value 256 Unicode
 * characters; 50 tags a resource). */
#define AMIGO_TAG_KEY_MAX   128
#define AMIGO_TAG_VALUE_MAX 256
#define AMIGO_TAGS_MAX      50

GtkWidget   *amigo_tags_editor_new         (void);
void         amigo_tags_editor_add         (AmigoTagsEditor *self,
                                            const char      *key,
                                            const char      *value);
void         amigo_tags_editor_set_description (AmigoTagsEditor *self,
                                                const char      *description);
void         amigo_tags_editor_set_taken_key   (AmigoTagsEditor *self,
                                                const char      *key,
                                                const char      *problem);
gboolean     amigo_tags_editor_is_valid    (AmigoTagsEditor *self);
const char  *amigo_tags_editor_get_problem (AmigoTagsEditor *self);
AmigoEc2Tag *amigo_tags_editor_get_tags    (AmigoTagsEditor *self,
                                            guint           *n_tags);

G_END_DECLS
