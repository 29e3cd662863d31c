/* amigo-deprecation-dialog.h — set, change or remove when images become deprecated
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-action-dialog.h"

G_BEGIN_DECLS

/* EnableImageDeprecation: "The upper limit for DeprecateAt is 10 years from
 * now, except for public AMIs, where the upper limit is 2 years from the
 * creation date." Counted in days, as the shorter reading. */
#define AMIGO_DEPRECATION_MAX_DAYS        (10 * 365)
#define AMIGO_DEPRECATION_PUBLIC_MAX_DAYS (2 * 365)

#define AMIGO_TYPE_DEPRECATION_DIALOG (amigo_deprecation_dialog_get_type ())

G_DECLARE_FINAL_TYPE (AmigoDeprecationDialog, amigo_deprecation_dialog, AMIGO, DEPRECATION_DIALOG, AmigoActionDialog)

/* The time chosen, in UTC, to the minute. */
GDateTime *amigo_deprecation_dialog_dup_time (AmigoDeprecationDialog *self);

G_END_DECLS
