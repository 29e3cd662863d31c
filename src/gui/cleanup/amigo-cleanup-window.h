/* amigo-cleanup-window.h — Clean Up: the account's own images weighed by
 * what they cost and whether they are used, the Recycle Bin, the guard rails
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-account.h"
#include "amigo-client.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_CLEANUP_WINDOW (amigo_cleanup_window_get_type ())

G_DECLARE_FINAL_TYPE (AmigoCleanupWindow, amigo_cleanup_window, AMIGO, CLEANUP_WINDOW, AdwWindow)

AmigoCleanupWindow *amigo_cleanup_window_new (GtkWindow          *parent,
                                              AmigoAccount       *account,
                                              AmigoClient        *client,
                                              const char * const *regions,
                                              const char         *region);

G_END_DECLS
