/* amigo-image-users.h — which launch templates and Auto Scaling groups launch an image
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-autoscaling.h"
#include "amigo-ec2.h"

G_BEGIN_DECLS

/**
 * AmigoImageUser:
 * @is_group: an Auto Scaling group (else a launch template)
 * @name: the template's or group's name
 * @detail: which version launches the image, for people (translated)
 *
 * One user of an image.
 */
typedef struct {
  gboolean is_group;
  char *name;
  char *detail;
} AmigoImageUser;

void       amigo_image_user_free          (AmigoImageUser   *self);

void       amigo_image_users_find_async   (AmigoEc2         *ec2,
                                           AmigoAutoscaling *autoscaling,
                                           const char       *image_id,
                                           GCancellable     *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer          user_data);
GPtrArray *amigo_image_users_find_finish  (GAsyncResult     *result,
                                           GError          **error);

G_END_DECLS
