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
void      amigo_preferences_group_set_title_literal       (AdwPreferencesGroup *group,
                                                            const char          *text);
void      amigo_preferences_group_set_description_literal (AdwPreferencesGroup *group,
                                                            const char          *text);
/* A row whose @title and @subtitle (may be %NULL) show exactly as given. */
GtkWidget *amigo_action_row_new_literal              (const char    *title,
                                                      const char    *subtitle);

G_END_DECLS
