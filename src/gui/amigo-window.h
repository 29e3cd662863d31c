/* amigo-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-application.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_WINDOW (amigo_window_get_type ())

G_DECLARE_FINAL_TYPE (AmigoWindow, amigo_window, AMIGO, WINDOW, AdwApplicationWindow)

AmigoWindow *amigo_window_new (AmigoApplication *application);

G_END_DECLS
