/* amigo-image-search.h — a search box's text as DescribeImages filters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "amigo-ec2.h"

G_BEGIN_DECLS

typedef struct _AmigoImageSearch AmigoImageSearch;

AmigoImageSearch     *amigo_image_search_new        (const char             *text);
void                  amigo_image_search_free       (AmigoImageSearch       *search);
const char           *amigo_image_search_get_text   (const AmigoImageSearch *search);
const AmigoEc2Filter *amigo_image_search_get_filter (const AmigoImageSearch *search);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmigoImageSearch, amigo_image_search_free)

G_END_DECLS
