/* amigo-export-image-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export an AMI as a virtual machine disk (VMDK, VHD, raw) to a bucket:
 * the vmimport role checked for the bucket (AmigoVmRoleRow), ExportImage
 * with a client token made once for the dialog, then the export task in
 * the task list, which says where the file is when AWS has written it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "actions/amigo-action-dialog.h"
#include "actions/amigo-actions.h"
#include "amigo-bucket-row.h"
#include "amigo-export-image-dialog.h"
#include "amigo-task-download.h"
#include "amigo-vm-role-row.h"

struct _AmigoExportImageDialog
{
  AmigoActionDialog parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkButton *start_button;
  GtkSpinner *spinner;
  AmigoBucketRow *bucket_row;
  AdwEntryRow *prefix_row;
  AdwComboRow *format_row;
  AmigoVmRoleRow *role_row;
  GtkLabel *problem_label;
  AdwActionRow *download_row;
  GtkButton *download_clear_button;

  /* owned */
  char *client_token;
  GFile *download_file;
};

G_DECLARE_FINAL_TYPE (AmigoExportImageDialog, amigo_export_image_dialog, AMIGO, EXPORT_IMAGE_DIALOG, AmigoActionDialog)
G_DEFINE_FINAL_TYPE (AmigoExportImageDialog, amigo_export_image_dialog, AMIGO_TYPE_ACTION_DIALOG)

static const char * const formats[] = { "VMDK", "VHD", "RAW" };

static void
update_state (AmigoExportImageDialog *self)
{
  gboolean busy = amigo_action_dialog_get_busy (AMIGO_ACTION_DIALOG (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.start",
                                 !busy && amigo_bucket_row_get_valid (self->bucket_row)
                                 && amigo_vm_role_row_get_ready (self->role_row));
}

static void
export_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(AmigoExportImageDialog) self = user_data;
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoExportImageTask) task = NULL;
  g_autofree char *key = NULL;
  g_autofree char *location = NULL;
  g_autofree char *title = NULL;
  g_autofree char *toast = NULL;
  g_autoptr(JsonNode) pending = NULL;
  const char *ids[3] = { NULL, NULL, NULL };
  const char *image_title = amigo_action_dialog_image_title (amigo_action_dialog_get_image (base));

  task = amigo_ec2_export_image_finish (AMIGO_EC2 (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  amigo_action_dialog_set_busy (base, FALSE);
  if (task == NULL)
    {
      amigo_action_dialog_show_error (base, _("Could not start the export"), error);
      update_state (self);
      return;
    }

  key = amigo_export_image_task_dup_object_key (task, formats[MIN (adw_combo_row_get_selected (self->format_row), 2)]);
  location = g_strdup_printf ("s3://%s/%s", amigo_export_image_task_get_s3_bucket (task) != NULL
                              ? amigo_export_image_task_get_s3_bucket (task) : "", key);
  ids[0] = amigo_export_image_task_get_export_image_task_id (task);
  ids[1] = location;
  /* Translators: %s is the image's name (or id) */
  title = g_strdup_printf (_("Export “%s”"), image_title);
  /* With a file chosen, the task downloads it at the end (amigo-task-download.c). */
  if (self->download_file != NULL)
    pending = amigo_task_download_pending_new (g_file_peek_path (self->download_file));
  amigo_action_context_add_task (amigo_action_dialog_get_context (base), AMIGO_TASK_KIND_EXPORT_IMAGE,
                                 NULL, ids, title, pending);
  /* Translators: %s is where the file will be, e.g. s3://bucket/export-ami-0123.vmdk */
  toast = g_strdup_printf (_("Exporting to %s"), location);
  amigo_action_dialog_done (base, toast);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AmigoExportImageDialog *self = AMIGO_EXPORT_IMAGE_DIALOG (widget);
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  g_autoptr(AmigoEc2) ec2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bucket = amigo_bucket_row_dup_bucket (self->bucket_row);
  const char *prefix = gtk_editable_get_text (GTK_EDITABLE (self->prefix_row));
  AmigoExportImageRequest request = {
    .image_id = amigo_image_get_image_id (amigo_action_dialog_get_image (base)),
    .disk_image_format = formats[MIN (adw_combo_row_get_selected (self->format_row), 2)],
    .s3_bucket = bucket,
    .s3_prefix = *prefix != '\0' ? prefix : NULL,
    .client_token = self->client_token,
  };

  amigo_action_dialog_show_problem (base, NULL);
  ec2 = amigo_action_dialog_dup_ec2 (base, NULL, &error);
  if (ec2 == NULL)
    {
      amigo_action_dialog_show_error (base, _("Could not start the export"), error);
      return;
    }
  amigo_action_dialog_set_busy (base, TRUE);
  amigo_ec2_export_image_async (ec2, &request, amigo_action_dialog_get_cancellable (base), export_cb,
                                g_object_ref (self));
}

static void
on_field_changed_cb (AmigoExportImageDialog *self)
{
  update_state (self);
}

static void
busy_changed (AmigoActionDialog *dialog)
{
  update_state (AMIGO_EXPORT_IMAGE_DIALOG (dialog));
}

/* ---- the copy on this computer ------------------------------------------ */

void
amigo_export_image_dialog_set_download_file (GtkWindow *dialog,
                                             GFile     *file)
{
  AmigoExportImageDialog *self = AMIGO_EXPORT_IMAGE_DIALOG (dialog);

  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_set_object (&self->download_file, file);
  if (file != NULL)
    adw_action_row_set_subtitle (self->download_row, g_file_peek_path (file));
  else
    adw_action_row_set_subtitle (self->download_row, _("None: the disk stays in the bucket"));
  gtk_widget_set_visible (GTK_WIDGET (self->download_clear_button), file != NULL);
}

static void
on_download_chosen (AmigoActionDialog *dialog,
                    GFile             *file)
{
  amigo_export_image_dialog_set_download_file (GTK_WINDOW (dialog), file);
}

static void
choose_download_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  amigo_action_dialog_choose_file (AMIGO_ACTION_DIALOG (widget),
                                   gtk_file_chooser_native_new (_("Save the Exported Disk"), GTK_WINDOW (widget),
                                                                GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), NULL),
                                   on_download_chosen);
}

static void
no_download_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  amigo_export_image_dialog_set_download_file (GTK_WINDOW (widget), NULL);
}

static void
amigo_export_image_dialog_finalize (GObject *object)
{
  g_free (AMIGO_EXPORT_IMAGE_DIALOG (object)->client_token);
  g_clear_object (&AMIGO_EXPORT_IMAGE_DIALOG (object)->download_file);
  G_OBJECT_CLASS (amigo_export_image_dialog_parent_class)->finalize (object);
}

static void
amigo_export_image_dialog_class_init (AmigoExportImageDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = amigo_export_image_dialog_finalize;
  AMIGO_ACTION_DIALOG_CLASS (klass)->busy_changed = busy_changed;

  g_type_ensure (AMIGO_TYPE_VM_ROLE_ROW);
  g_type_ensure (AMIGO_TYPE_BUCKET_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/import/amigo-export-image-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoExportImageDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AmigoExportImageDialog, start_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoExportImageDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AmigoExportImageDialog, bucket_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoExportImageDialog, prefix_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoExportImageDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoExportImageDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoExportImageDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, AmigoExportImageDialog, download_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoExportImageDialog, download_clear_button);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);

  gtk_widget_class_install_action (widget_class, "export.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "export.choose-download", NULL, choose_download_action);
  gtk_widget_class_install_action (widget_class, "export.no-download", NULL, no_download_action);
}

static void
amigo_export_image_dialog_init (AmigoExportImageDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  amigo_action_dialog_set_busy_display (AMIGO_ACTION_DIALOG (self), self->spinner, "export.start", NULL);
  amigo_action_dialog_set_error_display (AMIGO_ACTION_DIALOG (self), NULL, GTK_WIDGET (self->problem_label));
  self->client_token = amigo_client_token_new ();
}

/**
 * amigo_export_image_dialog_new:
 * @parent: the window it belongs to
 * @context: the image (one, owned by the account)
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
GtkWindow *
amigo_export_image_dialog_new (GtkWindow          *parent,
                               AmigoActionContext *context)
{
  AmigoExportImageDialog *self;

  g_return_val_if_fail (AMIGO_IS_ACTION_CONTEXT (context), NULL);
  g_return_val_if_fail (amigo_action_context_get_image (context) != NULL, NULL);

  self = g_object_new (amigo_export_image_dialog_get_type (), "transient-for", parent, "context", context, NULL);
  adw_window_title_set_subtitle (self->window_title,
                                 amigo_action_dialog_image_title (amigo_action_context_get_image (context)));
  amigo_vm_role_row_attach (self->role_row, self->bucket_row, AMIGO_ACTION_DIALOG (self),
                            G_CALLBACK (on_field_changed_cb));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->start_button));
  update_state (self);
  return GTK_WINDOW (self);
}
