/* amigo-action-dialog.h — what every action dialog shares
 *
 * An action dialog acts on an AmigoActionContext (the account, its
 * client, the region, the chosen images). The base keeps its lifecycle in
 * one place: the context and the EC2 clients made from it, a cancellable
 * cancelled when the dialog closes or goes, the busy state (a spinner
 * turning, the submit actions and closing refused while a request that
 * changes something is under way), and the place where a failed request
 * is told, as plain text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-action-context.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_ACTION_DIALOG (amigo_action_dialog_get_type ())

G_DECLARE_DERIVABLE_TYPE (AmigoActionDialog, amigo_action_dialog, AMIGO, ACTION_DIALOG, AdwWindow)

struct _AmigoActionDialogClass
{
  AdwWindowClass parent_class;

  /* Called after the busy state changed: what else depends on it. */
  void (*busy_changed) (AmigoActionDialog *self);

  gpointer padding[4];
};

typedef void (*AmigoActionDialogFileChosen) (AmigoActionDialog *self,
                                             GFile             *file);

AmigoActionContext *amigo_action_dialog_get_context     (AmigoActionDialog  *self);
/* The context's first image, for dialogs that act on one */
AmigoImage         *amigo_action_dialog_get_image       (AmigoActionDialog  *self);
AmigoEc2           *amigo_action_dialog_dup_ec2         (AmigoActionDialog  *self,
                                                         const char         *region,
                                                         GError            **error);
GCancellable       *amigo_action_dialog_get_cancellable (AmigoActionDialog  *self);
/* “<account> — <region>”, as a dialog's subtitle says where it acts */
char               *amigo_action_dialog_dup_place       (AmigoActionDialog  *self);
/* The context's images, as a dialog's subtitle says what it acts on: the
 * image's name (or id) when there is one, else how many */
char               *amigo_action_dialog_dup_images_title (AmigoActionDialog *self);
gboolean            amigo_action_dialog_is_closed       (AmigoActionDialog  *self);

gboolean            amigo_action_dialog_get_busy        (AmigoActionDialog  *self);
void                amigo_action_dialog_set_busy        (AmigoActionDialog  *self,
                                                         gboolean            busy);
void                amigo_action_dialog_set_busy_display (AmigoActionDialog *self,
                                                          GtkSpinner        *spinner,
                                                          const char        *first_action,
                                                          ...) G_GNUC_NULL_TERMINATED;

/* The work is done: the lists refresh, @toast (may be %NULL) says so,
 * the dialog stops being busy and closes. */
void                amigo_action_dialog_done            (AmigoActionDialog  *self,
                                                         const char         *toast);

void                amigo_action_dialog_set_error_display (AmigoActionDialog *self,
                                                           GtkWidget         *shown,
                                                           GtkWidget         *text);
void                amigo_action_dialog_show_error      (AmigoActionDialog  *self,
                                                         const char         *what,
                                                         const GError       *error);
void                amigo_action_dialog_show_problem    (AmigoActionDialog  *self,
                                                         const char         *text);
const char         *amigo_action_dialog_get_problem     (AmigoActionDialog  *self);
/* Every problem shown: the visible error @labels, @more, then the
 * failure; one a line. For tests. */
char               *amigo_action_dialog_dup_problems    (AmigoActionDialog  *self,
                                                         GtkLabel * const   *labels,
                                                         guint               n_labels,
                                                         const char         *more);

/* What to tell people about a failed request: @what failed (may be
 * %NULL), AWS's code and message, and what to do when that is known. */
char               *amigo_action_dialog_describe_error  (const char         *what,
                                                         const GError       *error);

/* Marks @widget (a row, an entry, a button) as invalid or not, for the
 * eye (the “error” style) and for screen readers. */
void                amigo_action_dialog_set_invalid     (gpointer            widget,
                                                         gboolean            invalid);
/* Marks @widget (may be %NULL) invalid when @message is set, with
 * @message as its description, and shows @message in @label (may be
 * %NULL; hidden when there is no message). */
void                amigo_action_dialog_show_field_problem (GtkWidget       *widget,
                                                            GtkLabel        *label,
                                                            const char      *message);
/* Shows @text in @label (hidden when empty), as an error or as a note. */
void                amigo_action_dialog_show_message    (GtkLabel           *label,
                                                         const char         *text,
                                                         gboolean            is_error);

/* Shows @chooser (transfer full), kept until answered; @chosen gets the
 * file when one is chosen. */
void                amigo_action_dialog_choose_file     (AmigoActionDialog           *self,
                                                         GtkFileChooserNative        *chooser,
                                                         AmigoActionDialogFileChosen  chosen);

/* The image as people know it: its name, else its id. */
const char         *amigo_action_dialog_image_title     (AmigoImage         *image);

G_END_DECLS
