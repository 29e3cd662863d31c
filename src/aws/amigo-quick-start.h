/* amigo-quick-start.h — the current official images of the common systems,
 * from the public parameters AWS and the publishers keep in Systems Manager
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amigo-ec2.h"
#include "amigo-image.h"
#include "amigo-ssm.h"

G_BEGIN_DECLS

/**
 * AmigoQuickStartImage:
 * @architecture: the image's architecture as EC2 names it (`x86_64`,
 *   `arm64`, `x86_64_mac`, `arm64_mac`)
 * @parameter_name: the public parameter that names it; launches and launch
 *   templates can refer to it (amigo_ec2_image_parameter_reference()) to
 *   always take the newest image
 * @image_id: the image the parameter names now
 * @image: (nullable): the image as DescribeImages describes it (its date,
 *   its free-tier mark); %NULL when the region does not describe it
 * @last_modified_usec: when the parameter last changed, or 0
 *
 * The latest image of one system and version for one architecture.
 */
typedef struct {
  char *architecture;
  char *parameter_name;
  char *image_id;
  AmigoImage *image;
  gint64 last_modified_usec;
} AmigoQuickStartImage;

#define AMIGO_TYPE_QUICK_START_ENTRY (amigo_quick_start_entry_get_type ())

G_DECLARE_FINAL_TYPE (AmigoQuickStartEntry, amigo_quick_start_entry, AMIGO, QUICK_START_ENTRY, GObject)

const char *amigo_quick_start_entry_get_system  (AmigoQuickStartEntry *self);
const char *amigo_quick_start_entry_get_version (AmigoQuickStartEntry *self);
const char *amigo_quick_start_entry_get_title   (AmigoQuickStartEntry *self);
const AmigoQuickStartImage *
            amigo_quick_start_entry_get_images  (AmigoQuickStartEntry *self,
                                                 guint                *n_images);
const AmigoQuickStartImage *
            amigo_quick_start_entry_get_image_for (AmigoQuickStartEntry *self,
                                                   const char           *architecture);

const char * const *amigo_quick_start_get_paths (void);

AmigoQuickStartEntry *amigo_quick_start_entry_new_from_parameter (const char *parameter_name,
                                                                  const char *image_id);

void       amigo_quick_start_list_async  (AmigoSsm             *ssm,
                                          AmigoEc2             *ec2,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
GPtrArray *amigo_quick_start_list_finish (GAsyncResult         *result,
                                          GError              **error);

G_END_DECLS
