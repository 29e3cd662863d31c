/* amigo-ec2-image-lineage.h — an image's ancestry, from GetImageAncestry or,
 * where that call is unavailable, from sourceImageId/sourceImageRegion hop
 * by hop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-ec2.h"
#include "amigo-image.h"
#include "amigo-image-ancestry-entry.h"

G_BEGIN_DECLS

/* The longest chain the hop-by-hop fallback follows */
#define AMIGO_EC2_ANCESTRY_MAX_HOPS 64

gboolean amigo_ec2_ancestry_unavailable (const GError *error);

AMIGO_DECLARE_ASYNC (AmigoEc2, GPtrArray *, amigo_ec2_trace_image_ancestry, const char *image_id);

/**
 * AmigoImageCopy:
 * @region: the region the copy is in
 * @image: the copy, as DescribeImages describes it (its id, its state)
 *
 * A copy of an image, found by its source (amigo_ec2_find_image_copies_async()).
 */
typedef struct {
  char *region;
  AmigoImage *image;
} AmigoImageCopy;

void amigo_image_copy_free (AmigoImageCopy *copy);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmigoImageCopy, amigo_image_copy_free)

AMIGO_DECLARE_ASYNC (AmigoEc2, GPtrArray *, amigo_ec2_find_image_copies, const char *image_id);

G_END_DECLS
