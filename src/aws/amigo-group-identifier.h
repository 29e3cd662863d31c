/* amigo-group-identifier.h — a security group as an instance refers to it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "amigo-model.h"

G_BEGIN_DECLS

/**
 * AmigoGroupIdentifier:
 * @group_id: the group id (`groupId`) (pooled)
 * @group_name: the group name (`groupName`) (pooled)
 *
 * A security group as an instance refers to it.
 * Strings marked (pooled) are interned #GRefString: never g_free() them,
 * assign g_ref_string_new_intern() values; the others are g_strdup()ed.
 * Booleans are #AmigoTristate, integers -1 when not given.
 */
typedef struct {
  char *group_id;
  char *group_name;
} AmigoGroupIdentifier;

#define AMIGO_TYPE_GROUP_IDENTIFIER (amigo_group_identifier_get_type ())

GType                 amigo_group_identifier_get_type (void) G_GNUC_CONST;
AmigoGroupIdentifier *amigo_group_identifier_new      (const char *group_id,
                                                       const char *group_name);
AmigoGroupIdentifier *amigo_group_identifier_copy     (const AmigoGroupIdentifier *self);
void                  amigo_group_identifier_free     (AmigoGroupIdentifier *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmigoGroupIdentifier, amigo_group_identifier_free)

G_END_DECLS
