/* amigo-confirm.h — asking before something that cannot be undone, and
 * telling what happened
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A question over @parent with two answers: @cancel_label (answered by
 * @cancel_id; the default, and what closing the dialog answers) and
 * @act_label (answered by @act_id), shown as destructive. The caller
 * connects to "response" or uses amigo_confirm_connect(), then presents. */
AdwMessageDialog *amigo_confirm_new     (GtkWindow  *parent,
                                         const char *heading,
                                         const char *body,
                                         const char *cancel_id,
                                         const char *cancel_label,
                                         const char *act_id,
                                         const char *act_label);

typedef void (*AmigoConfirmFunc) (gpointer owner,
                                  gpointer item);

/* Calls @confirmed (@owner, @item) once @dialog is answered with @act_id;
 * @owner and @item (GObjects; @item may be %NULL) are kept until the
 * dialog goes. */
void              amigo_confirm_connect (AdwMessageDialog *dialog,
                                         const char       *act_id,
                                         AmigoConfirmFunc  confirmed,
                                         gpointer          owner,
                                         gpointer          item);

/* A notice over @near's window with one answer, Close (the default, and
 * what closing the dialog answers); @heading and @body (may be %NULL) are
 * shown as text, never markup. The caller presents it. */
AdwMessageDialog *amigo_confirm_tell    (GtkWidget  *near,
                                         const char *heading,
                                         const char *body);

G_END_DECLS
