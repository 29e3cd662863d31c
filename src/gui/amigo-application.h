/* amigo-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AMIGO_TYPE_APPLICATION (amigo_application_get_type ())

G_DECLARE_FINAL_TYPE (AmigoApplication, amigo_application, AMIGO, APPLICATION, AdwApplication)

AmigoApplication *amigo_application_new (void);

G_END_DECLS
