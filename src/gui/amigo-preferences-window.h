/* amigo-preferences-window.h — accounts and other preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-account-manager.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_PREFERENCES_WINDOW (amigo_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (AmigoPreferencesWindow, amigo_preferences_window, AMIGO, PREFERENCES_WINDOW, AdwPreferencesWindow)

AmigoPreferencesWindow *amigo_preferences_window_new (GtkWindow           *parent,
                                                      AmigoAccountManager *manager);

G_END_DECLS
