/* amigo-ec2-image-lineage.h — an image's ancestry, from GetImageAncestry or,
 * where that call is unavailable, from sourceImageId/sourceImageRegion hop
 * by hop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-ec2.h"
#include "amigo-image-ancestry-entry.h"

G_BEGIN_DECLS

/* The longest chain the hop-by-hop fallback follows */
#define AMIGO_EC2_ANCESTRY_MAX_HOPS 64

gboolean amigo_ec2_ancestry_unavailable (const GError *error);

AMIGO_DECLARE_ASYNC (AmigoEc2, GPtrArray *, amigo_ec2_trace_image_ancestry, const char *image_id);

G_END_DECLS
