/* amigo-description-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One field, the image's description, checked as it is typed (at most 255
 * characters; empty clears it), then ModifyImageAttribute Description.Value.
 * A failure leaves the dialog open with the text as it was typed.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-actions.h"
#include "amigo-description-dialog-private.h"

G_DEFINE_FINAL_TYPE (AmigoDescriptionDialog, amigo_description_dialog, AMIGO_TYPE_ACTION_DIALOG)

static void
update_state (AmigoDescriptionDialog *self)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->description_row));
  const char *current = amigo_image_get_description (amigo_action_dialog_get_image (base));
  glong length = g_utf8_strlen (text, -1);
  gboolean too_long = length > AMIGO_DESCRIPTION_MAX;
  gboolean changed = g_strcmp0 (text, current != NULL ? current : "") != 0;
  gboolean busy = amigo_action_dialog_get_busy (base);
  g_autofree char *count = g_strdup_printf ("%ld/%d", length, AMIGO_DESCRIPTION_MAX);
  g_autofree char *problem = NULL;

  gtk_label_set_text (self->count_label, count);
  if (too_long)
    /* Translators: the first %d is always 255 */
    problem = g_strdup_printf (ngettext ("A description can have at most %d characters; this one has %ld character too many.",
                                         "A description can have at most %d characters; this one has %ld characters too many.",
                                         (gulong) (length - AMIGO_DESCRIPTION_MAX)),
                               AMIGO_DESCRIPTION_MAX, length - AMIGO_DESCRIPTION_MAX);

  /* The problem label tells AWS's failures too, which are not the
   * field's fault: the text's own problem comes first. */
  amigo_action_dialog_show_field_problem (GTK_WIDGET (self->description_row), NULL, problem);
  if (problem != NULL)
    amigo_action_dialog_show_field_problem (NULL, self->problem_label, problem);
  else
    amigo_action_dialog_show_problem (base, amigo_action_dialog_get_problem (base));
  if (too_long)
    gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->count_label), "error");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "description.save",
                                 changed && !too_long && !busy);
  /* Not insensitive: GTK 4.8 then keeps blinking the cursor of a field
   * that had the focus. */
  gtk_editable_set_editable (GTK_EDITABLE (self->description_row), !busy);
}

static void
modify_description_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(AmigoDescriptionDialog) self = user_data;
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;

  amigo_ec2_modify_image_description_finish (AMIGO_EC2 (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  amigo_action_dialog_set_busy (base, FALSE);
  if (error != NULL)
    {
      amigo_action_dialog_show_error (base, _("Could not change the description"), error);
      update_state (self);
      return;
    }

  self->saved = TRUE;
  /* Translators: %s is the image's name (or id) */
  toast = g_strdup_printf (_("Description of “%s” changed"), amigo_action_dialog_image_title (amigo_action_dialog_get_image (base)));
  amigo_action_dialog_done (base, toast);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AmigoDescriptionDialog *self = AMIGO_DESCRIPTION_DIALOG (widget);
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  g_autoptr(AmigoEc2) ec2 = NULL;
  g_autoptr(GError) error = NULL;

  amigo_action_dialog_show_problem (base, NULL);
  ec2 = amigo_action_dialog_dup_ec2 (base, NULL, &error);
  if (ec2 == NULL)
    {
      amigo_action_dialog_show_error (base, _("Could not change the description"), error);
      update_state (self);
      return;
    }

  amigo_action_dialog_set_busy (base, TRUE);
  amigo_ec2_modify_image_description_async (ec2, amigo_image_get_image_id (amigo_action_dialog_get_image (base)),
                                            gtk_editable_get_text (GTK_EDITABLE (self->description_row)),
                                            amigo_action_dialog_get_cancellable (base), modify_description_cb,
                                            g_object_ref (self));
}

static void
on_description_changed_cb (AmigoDescriptionDialog *self)
{
  amigo_action_dialog_show_problem (AMIGO_ACTION_DIALOG (self), NULL);
  update_state (self);
}

static void
busy_changed (AmigoActionDialog *dialog)
{
  update_state (AMIGO_DESCRIPTION_DIALOG (dialog));
}

static void
amigo_description_dialog_dispose (GObject *object)
{
  AmigoDescriptionDialog *self = AMIGO_DESCRIPTION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AMIGO_TYPE_DESCRIPTION_DIALOG);

  G_OBJECT_CLASS (amigo_description_dialog_parent_class)->dispose (object);
}

static void
amigo_description_dialog_class_init (AmigoDescriptionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AmigoActionDialogClass *dialog_class = AMIGO_ACTION_DIALOG_CLASS (klass);

  object_class->dispose = amigo_description_dialog_dispose;
  dialog_class->busy_changed = busy_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/actions/amigo-description-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoDescriptionDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AmigoDescriptionDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoDescriptionDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AmigoDescriptionDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoDescriptionDialog, count_label);
  gtk_widget_class_bind_template_child (widget_class, AmigoDescriptionDialog, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, on_description_changed_cb);

  gtk_widget_class_install_action (widget_class, "description.save", NULL, save_action);
}

static void
amigo_description_dialog_init (AmigoDescriptionDialog *self)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  amigo_action_dialog_set_busy_display (base, self->spinner, "description.save", NULL);
  amigo_action_dialog_set_error_display (base, NULL, GTK_WIDGET (self->problem_label));
}

/**
 * amigo_description_dialog_new:
 * @parent: the window it belongs to
 * @context: the image (one, owned by the account)
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
GtkWindow *
amigo_description_dialog_new (GtkWindow          *parent,
                              AmigoActionContext *context)
{
  AmigoDescriptionDialog *self;
  AmigoImage *image = amigo_action_context_get_image (context);
  const char *description;

  g_return_val_if_fail (AMIGO_IS_ACTION_CONTEXT (context), NULL);
  g_return_val_if_fail (image != NULL, NULL);

  self = g_object_new (AMIGO_TYPE_DESCRIPTION_DIALOG, "transient-for", parent, "context", context, NULL);

  adw_window_title_set_subtitle (self->window_title, amigo_action_dialog_image_title (image));
  description = amigo_image_get_description (image);
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), description != NULL ? description : "");
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  update_state (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->description_row));

  return GTK_WINDOW (self);
}
