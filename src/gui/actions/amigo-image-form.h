/* amigo-image-form.h — what the dialogs that make images share: EBS volume
 * rules, AWS's errors in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "amigo-ec2.h"

G_BEGIN_DECLS

/* EBS volume types, in the order the dialogs offer them. */
guint          amigo_image_form_get_n_volume_types     (void);
const char    *amigo_image_form_get_volume_type        (guint        index);
guint          amigo_image_form_find_volume_type       (const char  *type);
GtkStringList *amigo_image_form_new_volume_type_model  (void);
gboolean       amigo_image_form_volume_type_has_iops   (const char  *type);

/* @min_size: the size it must not go below (a snapshot's, a volume's), or
 * 0. Returns %NULL when AWS would accept the volume, else what is wrong
 * with it, for people; @device names it in the message. */
char          *amigo_image_form_check_volume           (const char  *device,
                                                        const char  *type,
                                                        int          size,
                                                        int          min_size,
                                                        int          iops);
int            amigo_image_form_default_iops           (const char  *type,
                                                        int          size);

/* Whether @location is `bucket/path/name.manifest.xml` as RegisterImage's
 * ImageLocation wants it; @error says why not. */
gboolean       amigo_image_form_validate_manifest      (const char  *location,
                                                        GError     **error);


G_END_DECLS
