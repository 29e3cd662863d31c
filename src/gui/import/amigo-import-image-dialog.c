/* amigo-import-image-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Import a virtual machine: a disk image (OVA, VMDK, VHD, VHDX, raw; its
 * format read from the file itself), the bucket it is read from, the
 * vmimport role (checked, and created or extended for the bucket at the
 * person's word: AmigoVmRoleRow), the architecture, boot mode, license,
 * encryption and tags. Import hands the task manager an import task that
 * uploads the file first (amigo-task-upload.c), then sends ImportImage
 * with a client token made once for the dialog and follows it to the AMI.
 * The other method, for the disk formats ImportSnapshot takes, imports the
 * disk as a snapshot and registers the AMI, named here, from it
 * (amigo-task-import-snapshot.c).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-bucket-row.h"
#include "amigo-disk-image.h"
#include "amigo-import-image-dialog.h"
#include "amigo-task-upload.h"
#include "amigo-vm-role-row.h"
#include "actions/amigo-actions.h"
#include "actions/amigo-tags-editor.h"

struct _AmigoImportImageDialog
{
  AmigoActionDialog parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkButton *import_button;
  GtkSpinner *spinner;
  AdwActionRow *file_row;
  AdwComboRow *format_row;
  AdwComboRow *method_row;
  AdwEntryRow *name_row;
  GtkLabel *name_message;
  AmigoBucketRow *bucket_row;
  AdwEntryRow *key_row;
  AmigoVmRoleRow *role_row;
  AdwEntryRow *description_row;
  AdwComboRow *architecture_row;
  AdwComboRow *boot_mode_row;
  AdwComboRow *license_row;
  GtkSwitch *encryption_switch;
  AdwEntryRow *kms_row;
  AmigoTagsEditor *tags_editor;
  GtkLabel *note_label;
  GtkLabel *problem_label;

  /* owned */
  GFile *file;
  char *client_token;
  char *auto_key;
};

G_DEFINE_FINAL_TYPE (AmigoImportImageDialog, amigo_import_image_dialog, AMIGO_TYPE_ACTION_DIALOG)

/* The rows' items, in order, as ImportImage spells them (NULL: not sent). */
static const char * const formats[] = { "OVA", "VMDK", "VHD", "VHDX", "RAW" };
static const char * const architectures[] = { "x86_64", "arm64", "i386" };
static const char * const boot_modes[] = { NULL, "legacy-bios", "uefi" };
static const char * const licenses[] = { NULL, "BYOL", "AWS" };

/* method_row's items */
enum { METHOD_IMAGE, METHOD_SNAPSHOT };

/* ImportSnapshot's DiskContainer Format: "Valid values: VHD | VMDK | RAW"
 * (EC2 API reference): no OVA, no VHDX. */
static gboolean
format_has_snapshot_import (const char *format)
{
  return g_strcmp0 (format, "VMDK") == 0 || g_strcmp0 (format, "VHD") == 0 || g_strcmp0 (format, "RAW") == 0;
}

#define CHOICE(row, values) \
  (values)[MIN (adw_combo_row_get_selected (row), G_N_ELEMENTS (values) - 1)]

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* The method the format allows, the AMI name's row and its problem;
 * returns whether the method's fields are ready. */
static gboolean
update_method (AmigoImportImageDialog *self)
{
  gboolean can_snapshot = format_has_snapshot_import (CHOICE (self->format_row, formats));
  gboolean snapshot;
  g_autoptr(GError) error = NULL;

  if (!can_snapshot && adw_combo_row_get_selected (self->method_row) == METHOD_SNAPSHOT)
    adw_combo_row_set_selected (self->method_row, METHOD_IMAGE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->method_row), can_snapshot);
  snapshot = adw_combo_row_get_selected (self->method_row) == METHOD_SNAPSHOT;
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->method_row),
                               can_snapshot ? "" : _("A snapshot can be imported from VMDK, VHD and raw disks only"));
  gtk_widget_set_visible (GTK_WIDGET (self->name_row), snapshot);
  /* RegisterImage takes no license type. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->license_row), !snapshot);
  amigo_tags_editor_set_description (self->tags_editor,
                                     snapshot ? _("Tags of the image Amigo registers.")
                                     : _("Tags of the import task, to find it in the AWS console."));
  if (!snapshot)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->name_message), FALSE);
      gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
      return TRUE;
    }
  /* Said once something is typed; an empty name only holds Import back. */
  if (!amigo_ec2_validate_image_name (text_of (self->name_row), &error) && *text_of (self->name_row) != '\0')
    {
      gtk_label_set_text (self->name_message, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->name_message), TRUE);
      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      return FALSE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->name_message), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  return error == NULL;
}

static void
update_state (AmigoImportImageDialog *self)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  gboolean busy = amigo_action_dialog_get_busy (base);
  const char *bucket = text_of (ADW_ENTRY_ROW (self->bucket_row));
  const char *key = text_of (self->key_row);
  g_autofree char *note = NULL;
  gboolean method_ready = update_method (self);
  gboolean ready;

  if (*bucket != '\0' && *key != '\0' && adw_combo_row_get_selected (self->method_row) == METHOD_SNAPSHOT)
    /* Translators: %s are the bucket and the key */
    note = g_strdup_printf (_("Amigo uploads the file to s3://%s/%s (the upload goes on after a restart), then AWS imports it as an EBS snapshot and Amigo registers the image from it."),
                            bucket, key);
  else if (*bucket != '\0' && *key != '\0')
    /* Translators: %s are the bucket and the key */
    note = g_strdup_printf (_("Amigo uploads the file to s3://%s/%s (the upload goes on after a restart), then AWS imports it from there."),
                            bucket, key);
  else
    note = g_strdup (_("Choose a file and a bucket."));
  gtk_label_set_text (self->note_label, note);

  ready = self->file != NULL && method_ready && amigo_bucket_row_get_valid (self->bucket_row) && *key != '\0'
          && amigo_vm_role_row_get_ready (self->role_row)
          && amigo_tags_editor_is_valid (self->tags_editor);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.start", ready && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose-file", !busy);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  AmigoImportImageDialog *self = AMIGO_IMPORT_IMAGE_DIALOG (widget);
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  g_autofree AmigoEc2Tag *tags = NULL;
  g_autoptr(JsonNode) pending = NULL;
  g_autofree char *location = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  g_autofree char *toast = NULL;
  const char *ids[2] = { NULL, NULL };
  guint n_tags = 0;
  g_autofree char *bucket = amigo_bucket_row_dup_bucket (self->bucket_row);
  gboolean encrypted = gtk_switch_get_active (self->encryption_switch);
  gboolean snapshot = adw_combo_row_get_selected (self->method_row) == METHOD_SNAPSHOT;
  AmigoImportImageRequest request = {
    .format = CHOICE (self->format_row, formats),
    .s3_bucket = bucket,
    .s3_key = text_of (self->key_row),
    .architecture = CHOICE (self->architecture_row, architectures),
    .boot_mode = CHOICE (self->boot_mode_row, boot_modes),
    .license_type = snapshot ? NULL : CHOICE (self->license_row, licenses),
    .encrypted = encrypted,
    .client_token = self->client_token,
  };

  if (self->file == NULL)
    return;
  amigo_action_dialog_show_problem (base, NULL);
  if (*text_of (self->description_row) != '\0')
    request.description = text_of (self->description_row);
  if (encrypted && *text_of (self->kms_row) != '\0')
    request.kms_key_id = text_of (self->kms_row);
  tags = amigo_tags_editor_get_tags (self->tags_editor, &n_tags);
  request.task_tags = tags;
  request.n_task_tags = n_tags;

  /* The task manager uploads the file (resumably, across restarts), then
   * sends ImportImage (or ImportSnapshot, then RegisterImage) and follows
   * the import to the AMI. */
  if (snapshot)
    pending = amigo_task_upload_pending_new_snapshot (g_file_peek_path (self->file), &request,
                                                      text_of (self->name_row));
  else
    pending = amigo_task_upload_pending_new (g_file_peek_path (self->file), &request);
  location = amigo_task_upload_dup_location (&request);
  ids[0] = location;
  name = g_path_get_basename (text_of (self->key_row));
  /* Translators: %s is the disk image's file name */
  title = g_strdup_printf (_("Import “%s”"), name);
  amigo_action_context_add_task (amigo_action_dialog_get_context (base), AMIGO_TASK_KIND_IMPORT_IMAGE,
                                 NULL, ids, title, pending);
  /* Translators: %s is the disk image's file name */
  toast = g_strdup_printf (_("Uploading “%s”: the task list shows the progress; the image appears in the list when AWS is done"), name);
  amigo_action_dialog_done (base, toast);
}

/* ---- the file ------------------------------------------------------------ */

void
amigo_import_image_dialog_set_file (AmigoImportImageDialog *self,
                                    GFile                  *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  const char *format;

  g_return_if_fail (AMIGO_IS_IMPORT_IMAGE_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);
  name = g_file_get_basename (file);
  /* The file's own bytes say what it is; its name is only a hint. */
  format = amigo_disk_image_detect_file (file, NULL, &error);
  if (error != NULL)
    /* Translators: %s is why the file could not be read */
    subtitle = g_strdup_printf (_("Could not read the file: %s"), error->message);
  else if (format == NULL)
    {
      format = amigo_disk_image_format_for_name (name);
      subtitle = g_strdup_printf (_("%s — not a disk image Amigo recognises; AWS will refuse it unless it is one"),
                                  g_file_peek_path (file));
    }
  else
    subtitle = g_strdup (g_file_peek_path (file));
  adw_action_row_set_subtitle (self->file_row, subtitle);
  for (guint i = 0; format != NULL && i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (formats[i], format))
      adw_combo_row_set_selected (self->format_row, i);
  /* The key follows the file until the person typed one of their own. */
  if (*text_of (self->key_row) == '\0' || g_strcmp0 (text_of (self->key_row), self->auto_key) == 0)
    gtk_editable_set_text (GTK_EDITABLE (self->key_row), name);
  g_free (self->auto_key);
  self->auto_key = g_strdup (name);
  update_state (self);
}

static void
on_file_chosen (AmigoActionDialog *dialog,
                GFile             *file)
{
  amigo_import_image_dialog_set_file (AMIGO_IMPORT_IMAGE_DIALOG (dialog), file);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) disks = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  static const char * const patterns[] = { "*.ova", "*.vmdk", "*.vhd", "*.vhdx", "*.raw", "*.img" };

  gtk_file_filter_set_name (disks, _("Disk images"));
  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    gtk_file_filter_add_pattern (disks, patterns[i]);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  chooser = gtk_file_chooser_native_new (_("Choose a Disk Image"), GTK_WINDOW (widget),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"), NULL);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), disks);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  amigo_action_dialog_choose_file (AMIGO_ACTION_DIALOG (widget), chooser, on_file_chosen);
}

/* ---- callbacks ----------------------------------------------------------- */

static void
on_field_changed_cb (AmigoImportImageDialog *self)
{
  update_state (self);
}

static void
busy_changed (AmigoActionDialog *dialog)
{
  update_state (AMIGO_IMPORT_IMAGE_DIALOG (dialog));
}

static void
amigo_import_image_dialog_finalize (GObject *object)
{
  AmigoImportImageDialog *self = AMIGO_IMPORT_IMAGE_DIALOG (object);

  g_clear_object (&self->file);
  g_free (self->client_token);
  g_free (self->auto_key);

  G_OBJECT_CLASS (amigo_import_image_dialog_parent_class)->finalize (object);
}

static void
amigo_import_image_dialog_class_init (AmigoImportImageDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AmigoActionDialogClass *dialog_class = AMIGO_ACTION_DIALOG_CLASS (klass);

  object_class->finalize = amigo_import_image_dialog_finalize;
  dialog_class->busy_changed = busy_changed;

  g_type_ensure (AMIGO_TYPE_VM_ROLE_ROW);
  g_type_ensure (AMIGO_TYPE_BUCKET_ROW);
  g_type_ensure (AMIGO_TYPE_TAGS_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/import/amigo-import-image-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoImportImageDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AmigoImportImageDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoImportImageDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AmigoImportImageDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoImportImageDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoImportImageDialog, method_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoImportImageDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoImportImageDialog, name_message);
  gtk_widget_class_bind_template_child (widget_class, AmigoImportImageDialog, bucket_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoImportImageDialog, key_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoImportImageDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoImportImageDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoImportImageDialog, architecture_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoImportImageDialog, boot_mode_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoImportImageDialog, license_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoImportImageDialog, encryption_switch);
  gtk_widget_class_bind_template_child (widget_class, AmigoImportImageDialog, kms_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoImportImageDialog, tags_editor);
  gtk_widget_class_bind_template_child (widget_class, AmigoImportImageDialog, note_label);
  gtk_widget_class_bind_template_child (widget_class, AmigoImportImageDialog, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);

  gtk_widget_class_install_action (widget_class, "import.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "import.choose-file", NULL, choose_file_action);
}

static void
amigo_import_image_dialog_init (AmigoImportImageDialog *self)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  amigo_action_dialog_set_busy_display (base, self->spinner, "import.start", NULL);
  amigo_action_dialog_set_error_display (base, NULL, GTK_WIDGET (self->problem_label));
  adw_combo_row_set_selected (self->format_row, G_N_ELEMENTS (formats) - 1);
  self->client_token = amigo_client_token_new ();
}

/**
 * amigo_import_image_dialog_new:
 * @parent: the window it belongs to
 * @context: the account and Region to import into
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
GtkWindow *
amigo_import_image_dialog_new (GtkWindow          *parent,
                               AmigoActionContext *context)
{
  AmigoImportImageDialog *self;
  g_autofree char *place = NULL;

  g_return_val_if_fail (AMIGO_IS_ACTION_CONTEXT (context), NULL);

  self = g_object_new (AMIGO_TYPE_IMPORT_IMAGE_DIALOG, "transient-for", parent, "context", context, NULL);
  place = amigo_action_dialog_dup_place (AMIGO_ACTION_DIALOG (self));
  adw_window_title_set_subtitle (self->window_title, place);
  amigo_vm_role_row_attach (self->role_row, self->bucket_row, AMIGO_ACTION_DIALOG (self),
                            G_CALLBACK (on_field_changed_cb));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->import_button));
  update_state (self);
  return GTK_WINDOW (self);
}
