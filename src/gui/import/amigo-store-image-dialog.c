/* amigo-store-image-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Store an AMI in S3 (CreateStoreImageTask): one bucket of the Region;
 * the task list follows DescribeStoreImageTasks' progress and says where
 * the object is when EC2 has written it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "actions/amigo-action-dialog.h"
#include "actions/amigo-actions.h"
#include "amigo-text.h"

struct _AmigoStoreImageDialog
{
  AmigoActionDialog parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkButton *start_button;
  GtkSpinner *spinner;
  AdwEntryRow *bucket_row;
  GtkLabel *problem_label;
};

G_DECLARE_FINAL_TYPE (AmigoStoreImageDialog, amigo_store_image_dialog, AMIGO, STORE_IMAGE_DIALOG, AmigoActionDialog)
G_DEFINE_FINAL_TYPE (AmigoStoreImageDialog, amigo_store_image_dialog, AMIGO_TYPE_ACTION_DIALOG)

static void
update_state (AmigoStoreImageDialog *self)
{
  g_autofree char *bucket = amigo_editable_dup_stripped (GTK_EDITABLE (self->bucket_row));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "store.start",
                                 *bucket != '\0' && !amigo_action_dialog_get_busy (AMIGO_ACTION_DIALOG (self)));
}

static void
store_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(AmigoStoreImageDialog) self = user_data;
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  AmigoImage *image = amigo_action_dialog_get_image (base);
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *bucket = amigo_editable_dup_stripped (GTK_EDITABLE (self->bucket_row));
  g_autofree char *location = NULL;
  g_autofree char *title = NULL;
  g_autofree char *toast = NULL;
  const char *ids[3] = { NULL, NULL, NULL };

  key = amigo_ec2_create_store_image_task_finish (AMIGO_EC2 (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  amigo_action_dialog_set_busy (base, FALSE);
  if (key == NULL)
    {
      amigo_action_dialog_show_error (base, _("Could not store the image"), error);
      update_state (self);
      return;
    }

  location = g_strdup_printf ("s3://%s/%s", bucket, key);
  ids[0] = amigo_image_get_image_id (image);
  ids[1] = location;
  /* Translators: %s is the image's name (or id) */
  title = g_strdup_printf (_("Store “%s” in S3"), amigo_action_dialog_image_title (image));
  amigo_action_context_add_task (amigo_action_dialog_get_context (base), AMIGO_TASK_KIND_STORE_IMAGE,
                                 NULL, ids, title, NULL);
  /* Translators: %s is where the object will be, e.g. s3://bucket/ami-0123.bin */
  toast = g_strdup_printf (_("Storing the image as %s"), location);
  amigo_action_dialog_done (base, toast);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AmigoStoreImageDialog *self = AMIGO_STORE_IMAGE_DIALOG (widget);
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  g_autoptr(AmigoEc2) ec2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bucket = amigo_editable_dup_stripped (GTK_EDITABLE (self->bucket_row));

  amigo_action_dialog_show_problem (base, NULL);
  ec2 = amigo_action_dialog_dup_ec2 (base, NULL, &error);
  if (ec2 == NULL)
    {
      amigo_action_dialog_show_error (base, _("Could not store the image"), error);
      return;
    }
  amigo_action_dialog_set_busy (base, TRUE);
  amigo_ec2_create_store_image_task_async (ec2, amigo_image_get_image_id (amigo_action_dialog_get_image (base)),
                                           bucket, amigo_action_dialog_get_cancellable (base), store_cb,
                                           g_object_ref (self));
}

static void
on_field_changed_cb (AmigoStoreImageDialog *self)
{
  update_state (self);
}

static void
busy_changed (AmigoActionDialog *dialog)
{
  update_state (AMIGO_STORE_IMAGE_DIALOG (dialog));
}

static void
amigo_store_image_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), amigo_store_image_dialog_get_type ());
  G_OBJECT_CLASS (amigo_store_image_dialog_parent_class)->dispose (object);
}

static void
amigo_store_image_dialog_class_init (AmigoStoreImageDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = amigo_store_image_dialog_dispose;
  AMIGO_ACTION_DIALOG_CLASS (klass)->busy_changed = busy_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/import/amigo-store-image-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoStoreImageDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AmigoStoreImageDialog, start_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoStoreImageDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AmigoStoreImageDialog, bucket_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoStoreImageDialog, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);

  gtk_widget_class_install_action (widget_class, "store.start", NULL, start_action);
}

static void
amigo_store_image_dialog_init (AmigoStoreImageDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  amigo_action_dialog_set_busy_display (AMIGO_ACTION_DIALOG (self), self->spinner, "store.start", NULL);
  amigo_action_dialog_set_error_display (AMIGO_ACTION_DIALOG (self), NULL, GTK_WIDGET (self->problem_label));
}

/**
 * amigo_store_image_dialog_new:
 * @parent: the window it belongs to
 * @context: the image (one, owned by the account)
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
GtkWindow *
amigo_store_image_dialog_new (GtkWindow          *parent,
                              AmigoActionContext *context)
{
  AmigoStoreImageDialog *self;

  g_return_val_if_fail (AMIGO_IS_ACTION_CONTEXT (context), NULL);
  g_return_val_if_fail (amigo_action_context_get_image (context) != NULL, NULL);

  self = g_object_new (amigo_store_image_dialog_get_type (), "transient-for", parent, "context", context, NULL);
  adw_window_title_set_subtitle (self->window_title,
                                 amigo_action_dialog_image_title (amigo_action_context_get_image (context)));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->start_button));
  update_state (self);
  return GTK_WINDOW (self);
}
