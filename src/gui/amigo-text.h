/* amigo-text.h — outside text shown as it is, never read as markup; typed
 * text read back
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
/* What the person typed in @editable, without the white space around it. */
char      *amigo_editable_dup_stripped               (GtkEditable   *editable);
/* Whether @text is exactly @n_digits ASCII digits (an account id, an MFA code). */
gboolean   amigo_text_is_digits                      (const char    *text,
                                                      gsize          n_digits);

G_END_DECLS
