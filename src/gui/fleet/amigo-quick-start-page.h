/* amigo-quick-start-page.h — the current official images of the common systems
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-account.h"
#include "amigo-fleet-page.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_QUICK_START_PAGE (amigo_quick_start_page_get_type ())

G_DECLARE_FINAL_TYPE (AmigoQuickStartPage, amigo_quick_start_page, AMIGO, QUICK_START_PAGE, AmigoFleetPage)

GtkWidget *amigo_quick_start_page_new      (void);
void       amigo_quick_start_page_load     (AmigoQuickStartPage *self,
                                            AmigoAccount        *account,
                                            const char          *region);
GPtrArray *amigo_quick_start_page_get_entries (AmigoQuickStartPage *self);
void       amigo_quick_start_page_set_architecture (AmigoQuickStartPage *self,
                                                    const char          *architecture);

G_END_DECLS
