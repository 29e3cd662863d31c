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

/* Keys and values as EC2 limits them (amigo-ec2-limits.h). */
#define AMIGO_TAG_KEY_MAX   AMIGO_EC2_TAG_KEY_MAX
#define AMIGO_TAG_VALUE_MAX AMIGO_EC2_TAG_VALUE_MAX
#define AMIGO_TAGS_MAX      AMIGO_EC2_TAGS_PER_RESOURCE_MAX

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

/* EC2's rules for one tag, as every dialog that edits tags checks them.
 * @seen holds the keys of the tags before it; @key is added. Sets
 * @key_problem and @value_problem (both may be %NULL) to what is wrong. */
gboolean     amigo_tags_check_tag          (const char      *key,
                                            const char      *value,
                                            GHashTable      *seen,
                                            char           **key_problem,
                                            char           **value_problem);
/* Returns: (transfer full) (nullable): what is wrong with that many tags */
char        *amigo_tags_check_count        (guint            n_tags);
/* Whether AWS keeps @key for itself (aws:…, in any case). */

G_END_DECLS
