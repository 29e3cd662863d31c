/* amigo-text.h — outside text shown as it is, never read as markup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

AdwToast *amigo_toast_new_literal                    (const char    *text);
void      amigo_status_page_set_description_literal (AdwStatusPage *page,
                                                      const char    *text);

G_END_DECLS
