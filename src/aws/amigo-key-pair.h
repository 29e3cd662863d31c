/* amigo-key-pair.h — an EC2 key pair
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "amigo-model.h"
#include "amigo-tag.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_KEY_PAIR (amigo_key_pair_get_type ())

G_DECLARE_FINAL_TYPE (AmigoKeyPair, amigo_key_pair, AMIGO, KEY_PAIR, GObject)

AmigoKeyPair   *amigo_key_pair_new                  (void);
const char     *amigo_key_pair_get_key_pair_id      (AmigoKeyPair *self);
const char     *amigo_key_pair_get_key_name         (AmigoKeyPair *self);
const char     *amigo_key_pair_get_key_fingerprint  (AmigoKeyPair *self);
const char     *amigo_key_pair_get_key_type         (AmigoKeyPair *self);
const char     *amigo_key_pair_get_public_key       (AmigoKeyPair *self);
const char     *amigo_key_pair_get_create_time      (AmigoKeyPair *self);
gint64          amigo_key_pair_get_create_time_usec (AmigoKeyPair *self);
const AmigoTag *amigo_key_pair_get_tags             (AmigoKeyPair *self,
                                                     guint        *n_tags);

G_END_DECLS
