/* amigo-bucket-row.h — a bucket of the Region: typed, picked from the
 * account's buckets, or created
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-account.h"
#include "amigo-client.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_BUCKET_ROW (amigo_bucket_row_get_type ())

G_DECLARE_FINAL_TYPE (AmigoBucketRow, amigo_bucket_row, AMIGO, BUCKET_ROW, AdwEntryRow)

void        amigo_bucket_row_set_account (AmigoBucketRow *self,
                                          AmigoAccount   *account,
                                          AmigoClient    *client,
                                          const char     *region);
/* The name typed, without surrounding blanks (newly allocated). */
char       *amigo_bucket_row_dup_bucket  (AmigoBucketRow *self);
/* TRUE when a name is typed and S3's naming rules allow it ("valid"). */
gboolean    amigo_bucket_row_get_valid   (AmigoBucketRow *self);
/* What is wrong with the name, or why listing or creating failed
 * ("problem"); NULL when nothing is. */
const char *amigo_bucket_row_get_problem (AmigoBucketRow *self);

G_END_DECLS
