/* amigo-restore-image-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Restore an AMI stored in S3 (CreateRestoreImageTask): the bucket, the
 * object's key and, optionally, a new name (checked as every image name
 * is); the new image is followed in the task list from pending to
 * available.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "actions/amigo-action-dialog.h"
#include "actions/amigo-actions.h"
#include "amigo-text.h"

struct _AmigoRestoreImageDialog
{
  AmigoActionDialog parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkButton *start_button;
  GtkSpinner *spinner;
  AdwEntryRow *bucket_row;
  AdwEntryRow *key_row;
  AdwEntryRow *name_row;
  GtkLabel *problem_label;
};

G_DECLARE_FINAL_TYPE (AmigoRestoreImageDialog, amigo_restore_image_dialog, AMIGO, RESTORE_IMAGE_DIALOG, AmigoActionDialog)
G_DEFINE_FINAL_TYPE (AmigoRestoreImageDialog, amigo_restore_image_dialog, AMIGO_TYPE_ACTION_DIALOG)

static void
update_state (AmigoRestoreImageDialog *self)
{
  g_autofree char *bucket = amigo_editable_dup_stripped (GTK_EDITABLE (self->bucket_row));
  g_autofree char *key = amigo_editable_dup_stripped (GTK_EDITABLE (self->key_row));
  g_autofree char *name = amigo_editable_dup_stripped (GTK_EDITABLE (self->name_row));
  g_autoptr(GError) name_error = NULL;
  gboolean name_ok = *name == '\0' || amigo_ec2_validate_image_name (name, &name_error);

  amigo_action_dialog_show_field_problem (GTK_WIDGET (self->name_row), NULL,
                                          name_error != NULL ? name_error->message : NULL);
  if (name_error != NULL)
    amigo_action_dialog_show_field_problem (NULL, self->problem_label, name_error->message);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "restore.start",
                                 *bucket != '\0' && *key != '\0' && name_ok
                                 && !amigo_action_dialog_get_busy (AMIGO_ACTION_DIALOG (self)));
}

static void
restore_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(AmigoRestoreImageDialog) self = user_data;
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *image_id = NULL;
  g_autofree char *key = amigo_editable_dup_stripped (GTK_EDITABLE (self->key_row));
  g_autofree char *title = NULL;
  g_autofree char *toast = NULL;
  const char *ids[2] = { NULL, NULL };

  image_id = amigo_ec2_create_restore_image_task_finish (AMIGO_EC2 (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  amigo_action_dialog_set_busy (base, FALSE);
  if (image_id == NULL)
    {
      amigo_action_dialog_show_error (base, _("Could not restore the image"), error);
      update_state (self);
      return;
    }

  ids[0] = image_id;
  /* Translators: %s is the stored object's key, e.g. ami-0123.bin */
  title = g_strdup_printf (_("Restore “%s”"), key);
  amigo_action_context_add_task (amigo_action_dialog_get_context (base), AMIGO_TASK_KIND_RESTORE_IMAGE,
                                 NULL, ids, title, NULL);
  /* Translators: %s is the new image's id */
  toast = g_strdup_printf (_("Restoring as image %s"), image_id);
  amigo_action_dialog_done (base, toast);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AmigoRestoreImageDialog *self = AMIGO_RESTORE_IMAGE_DIALOG (widget);
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  g_autoptr(AmigoEc2) ec2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bucket = amigo_editable_dup_stripped (GTK_EDITABLE (self->bucket_row));
  g_autofree char *key = amigo_editable_dup_stripped (GTK_EDITABLE (self->key_row));
  g_autofree char *name = amigo_editable_dup_stripped (GTK_EDITABLE (self->name_row));
  AmigoRestoreImageRequest request = {
    .s3_bucket = bucket,
    .object_key = key,
    .name = *name != '\0' ? name : NULL,
  };

  amigo_action_dialog_show_problem (base, NULL);
  ec2 = amigo_action_dialog_dup_ec2 (base, NULL, &error);
  if (ec2 == NULL)
    {
      amigo_action_dialog_show_error (base, _("Could not restore the image"), error);
      return;
    }
  amigo_action_dialog_set_busy (base, TRUE);
  amigo_ec2_create_restore_image_task_async (ec2, &request, amigo_action_dialog_get_cancellable (base),
                                             restore_cb, g_object_ref (self));
}

static void
on_field_changed_cb (AmigoRestoreImageDialog *self)
{
  amigo_action_dialog_show_problem (AMIGO_ACTION_DIALOG (self), NULL);
  update_state (self);
}

static void
busy_changed (AmigoActionDialog *dialog)
{
  update_state (AMIGO_RESTORE_IMAGE_DIALOG (dialog));
}

static void
amigo_restore_image_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), amigo_restore_image_dialog_get_type ());
  G_OBJECT_CLASS (amigo_restore_image_dialog_parent_class)->dispose (object);
}

static void
amigo_restore_image_dialog_class_init (AmigoRestoreImageDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = amigo_restore_image_dialog_dispose;
  AMIGO_ACTION_DIALOG_CLASS (klass)->busy_changed = busy_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/import/amigo-restore-image-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoRestoreImageDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AmigoRestoreImageDialog, start_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoRestoreImageDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AmigoRestoreImageDialog, bucket_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoRestoreImageDialog, key_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoRestoreImageDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoRestoreImageDialog, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);

  gtk_widget_class_install_action (widget_class, "restore.start", NULL, start_action);
}

static void
amigo_restore_image_dialog_init (AmigoRestoreImageDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  amigo_action_dialog_set_busy_display (AMIGO_ACTION_DIALOG (self), self->spinner, "restore.start", NULL);
  amigo_action_dialog_set_error_display (AMIGO_ACTION_DIALOG (self), NULL, GTK_WIDGET (self->problem_label));
}

/**
 * amigo_restore_image_dialog_new:
 * @parent: the window it belongs to
 * @context: the account and Region to restore into
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
GtkWindow *
amigo_restore_image_dialog_new (GtkWindow          *parent,
                                AmigoActionContext *context)
{
  AmigoRestoreImageDialog *self;
  g_autofree char *place = NULL;

  g_return_val_if_fail (AMIGO_IS_ACTION_CONTEXT (context), NULL);

  self = g_object_new (amigo_restore_image_dialog_get_type (), "transient-for", parent, "context", context, NULL);
  place = amigo_action_dialog_dup_place (AMIGO_ACTION_DIALOG (self));
  adw_window_title_set_subtitle (self->window_title, place);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->start_button));
  update_state (self);
  return GTK_WINDOW (self);
}
