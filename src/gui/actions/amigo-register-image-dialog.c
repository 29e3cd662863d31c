/* amigo-register-image-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RegisterImage in its two forms: an EBS-backed image whose root volume is
 * made of one of your completed snapshots, or an instance store-backed
 * image from a bundle whose manifest is in S3. What the snapshot or bundle
 * holds cannot be read from here, so the person says what it is
 * (architecture, virtualization, boot mode, ENA); the combinations EC2
 * cannot boot are refused before sending (arm64 is HVM with UEFI, ENA
 * needs HVM, UEFI needs a 64-bit system).
 *
 * The name is checked against your images of the region as in the create
 * dialog; RegisterImage has no idempotency token either, so an image with
 * the name and source of a failed earlier attempt is taken as its result.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "amigo-actions.h"
#include "amigo-error.h"
#include "amigo-image-form.h"
#include "amigo-image-name.h"
#include "amigo-register-image-dialog-private.h"
#include "amigo-task-manager.h"

G_DEFINE_FINAL_TYPE (AmigoRegisterImageDialog, amigo_register_image_dialog, AMIGO_TYPE_ACTION_DIALOG)

#define DEFAULT_VOLUME_TYPE "gp3"

static const char * const architectures[] = { "x86_64", "arm64", "i386" };
static const char * const virtualizations[] = { "hvm", "paravirtual" };
static const char * const boot_modes[] = { "legacy-bios", "uefi", "uefi-preferred" };

static const char *
choice (AdwComboRow        *row,
        const char * const *values,
        guint               n_values)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected < n_values ? values[selected] : NULL;
}

#define CHOICE(row, values) choice ((row), (values), G_N_ELEMENTS (values))

static gboolean
from_snapshot (AmigoRegisterImageDialog *self)
{
  return gtk_toggle_button_get_active (self->snapshot_toggle);
}

AmigoSnapshot *
_amigo_register_image_dialog_selected_snapshot (AmigoRegisterImageDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->snapshot_row);

  if (self->loading_snapshots || selected >= self->snapshots->len)
    return NULL;
  return g_ptr_array_index (self->snapshots, selected);
}

static const char *
selected_volume_type (AmigoRegisterImageDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->volume_type_row);

  if (selected >= amigo_image_form_get_n_volume_types ())
    return NULL;
  return amigo_image_form_get_volume_type (selected);
}

/* ---- validation ------------------------------------------------------ */

static void
say (GString    *problems,
     const char *message)
{
  if (problems->len > 0)
    g_string_append_c (problems, '\n');
  g_string_append (problems, message);
}

/* /dev/ then a short name of lowercase letters and digits, such as
 * /dev/xvda, /dev/sda1 or /dev/nvme0n1. */
static gboolean
device_name_is_valid (const char *device)
{
  const char *name;
  gsize len;

  if (!g_str_has_prefix (device, "/dev/"))
    return FALSE;
  name = device + strlen ("/dev/");
  len = strlen (name);
  if (len < 2 || len > 16 || !g_ascii_islower (name[0]))
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

static gboolean
validate_snapshot_source (AmigoRegisterImageDialog *self)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  AmigoSnapshot *snapshot = _amigo_register_image_dialog_selected_snapshot (self);
  const char *device = gtk_editable_get_text (GTK_EDITABLE (self->root_device_row));
  const char *type = selected_volume_type (self);
  g_autoptr(GString) problems = g_string_new (NULL);
  gboolean valid = TRUE;
  gboolean device_bad = !device_name_is_valid (device);
  g_autofree char *volume_problem = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->snapshot_spinner), self->loading_snapshots);
  gtk_spinner_set_spinning (self->snapshot_spinner, self->loading_snapshots);
  gtk_widget_set_visible (GTK_WIDGET (self->iops_row), amigo_image_form_volume_type_has_iops (type));

  if (self->snapshots_error != NULL)
    {
      amigo_action_dialog_show_message (self->snapshot_message, self->snapshots_error, TRUE);
      return FALSE;
    }
  if (self->loading_snapshots)
    {
      /* Translators: %s is a region code */
      g_autofree char *text = g_strdup_printf (_("Looking for your snapshots in %s…"),
                                               amigo_action_context_get_region (amigo_action_dialog_get_context (base)));

      amigo_action_dialog_show_message (self->snapshot_message, text, FALSE);
      return FALSE;
    }
  if (snapshot == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("You have no completed snapshots in %s. Create "
                                                 "one from a volume, or register from an S3 "
                                                 "manifest."),
                                               amigo_action_context_get_region (amigo_action_dialog_get_context (base)));

      amigo_action_dialog_show_message (self->snapshot_message, text, TRUE);
      return FALSE;
    }

  if (device_bad)
    {
      valid = FALSE;
      say (problems, _("Enter the root device name, such as /dev/xvda or /dev/sda1."));
    }
  amigo_action_dialog_set_invalid (self->root_device_row, device_bad);

  volume_problem = amigo_image_form_check_volume (device_bad ? _("The root volume") : device, type,
                                                  gtk_spin_button_get_value_as_int (self->size_spin),
                                                  amigo_snapshot_get_volume_size (snapshot),
                                                  gtk_spin_button_get_value_as_int (self->iops_spin));
  amigo_action_dialog_set_invalid (self->size_spin, volume_problem != NULL);
  if (volume_problem != NULL)
    {
      valid = FALSE;
      say (problems, volume_problem);
    }

  amigo_action_dialog_show_message (self->snapshot_message, problems->str, TRUE);
  return valid;
}

static gboolean
validate_manifest_source (AmigoRegisterImageDialog *self)
{
  const char *location = gtk_editable_get_text (GTK_EDITABLE (self->manifest_row));
  g_autoptr(GError) error = NULL;
  gboolean valid = amigo_image_form_validate_manifest (location, &error);
  gboolean shown = !valid && (self->manifest_touched || *location != '\0');

  amigo_action_dialog_set_invalid (self->manifest_row, shown);
  amigo_action_dialog_show_message (self->manifest_message, shown ? error->message : NULL, TRUE);
  return valid;
}

/* An id such as aki-1a2b3c4d or aki-0123456789abcdef0, or nothing. */
static gboolean
optional_id_is_valid (const char *id,
                      const char *prefix)
{
  gsize len;

  if (*id == '\0')
    return TRUE;
  if (!g_str_has_prefix (id, prefix))
    return FALSE;
  id += strlen (prefix);
  len = strlen (id);
  if (len != 8 && len != 17)
    return FALSE;
  for (; *id != '\0'; id++)
    if (!g_ascii_isxdigit (*id) || g_ascii_isupper (*id))
      return FALSE;
  return TRUE;
}

static gboolean
validate_system (AmigoRegisterImageDialog *self)
{
  const char *architecture = CHOICE (self->architecture_row, architectures);
  const char *virtualization = CHOICE (self->virtualization_row, virtualizations);
  const char *boot_mode = CHOICE (self->boot_mode_row, boot_modes);
  gboolean snapshot = from_snapshot (self);
  gboolean paravirtual = g_strcmp0 (virtualization, "paravirtual") == 0;
  const char *kernel = gtk_editable_get_text (GTK_EDITABLE (self->kernel_row));
  const char *ramdisk = gtk_editable_get_text (GTK_EDITABLE (self->ramdisk_row));
  g_autoptr(GString) problems = g_string_new (NULL);
  gboolean kernel_bad = FALSE;
  gboolean ramdisk_bad = FALSE;

  /* Boot mode and ENA are for EBS-backed images; a kernel and a RAM disk
   * for paravirtual bundles. */
  gtk_widget_set_visible (GTK_WIDGET (self->boot_mode_row), snapshot);
  gtk_widget_set_visible (GTK_WIDGET (self->ena_row), snapshot);
  gtk_widget_set_visible (GTK_WIDGET (self->kernel_row), !snapshot && paravirtual);
  gtk_widget_set_visible (GTK_WIDGET (self->ramdisk_row), !snapshot && paravirtual);

  if (g_strcmp0 (architecture, "arm64") == 0 && paravirtual)
    say (problems, _("Arm64 images use HVM virtualization."));
  if (snapshot && g_strcmp0 (architecture, "arm64") == 0 && g_strcmp0 (boot_mode, "legacy-bios") == 0)
    say (problems, _("Arm64 images boot with UEFI: choose UEFI or UEFI Preferred."));
  if (snapshot && g_strcmp0 (architecture, "i386") == 0 && g_strcmp0 (boot_mode, "uefi") == 0)
    say (problems, _("UEFI needs a 64-bit architecture: choose x86_64, or Legacy BIOS."));
  if (snapshot && paravirtual && gtk_switch_get_active (self->ena_switch))
    say (problems, _("ENA needs HVM virtualization: turn ENA support off, or choose HVM."));
  if (!snapshot && paravirtual)
    {
      kernel_bad = !optional_id_is_valid (kernel, "aki-");
      ramdisk_bad = !optional_id_is_valid (ramdisk, "ari-");
      if (kernel_bad)
        say (problems, _("A kernel ID looks like aki-1a2b3c4d. Leave it empty for the default."));
      if (ramdisk_bad)
        say (problems, _("A RAM disk ID looks like ari-1a2b3c4d. Leave it empty for the default."));
    }
  amigo_action_dialog_set_invalid (self->kernel_row, kernel_bad);
  amigo_action_dialog_set_invalid (self->ramdisk_row, ramdisk_bad);

  amigo_action_dialog_show_message (self->system_message, problems->str, TRUE);
  return problems->len == 0;
}

gboolean
_amigo_register_image_dialog_update_state (AmigoRegisterImageDialog *self)
{
  gboolean name_ok = amigo_image_name_validate (self->name);
  gboolean source_ok = from_snapshot (self) ? validate_snapshot_source (self)
                                            : validate_manifest_source (self);
  gboolean system_ok = validate_system (self);
  gboolean tags_ok = amigo_tags_editor_is_valid (self->tags_editor);
  gboolean busy = amigo_action_dialog_get_busy (AMIGO_ACTION_DIALOG (self));
  gboolean can_register = self->ec2 != NULL && name_ok && source_ok && system_ok && tags_ok &&
                          !busy;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "register-image.register", can_register);


  gtk_widget_set_sensitive (GTK_WIDGET (self->snapshot_toggle), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->manifest_toggle), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->image_group), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->source_box), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->snapshot_row),
                            !self->loading_snapshots && self->snapshots->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->system_group), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->tags_editor), !busy);

  return can_register;
}

/* ---- registering ----------------------------------------------------- */

static char *
dup_source (AmigoRegisterImageDialog *self)
{
  if (from_snapshot (self))
    return g_strdup (amigo_snapshot_get_snapshot_id (_amigo_register_image_dialog_selected_snapshot (self)));
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->manifest_row)));
}

/* Whether @image, of the name sent, is what this dialog asked for
 * before: the same snapshot or manifest. */
static gboolean
is_earlier_attempt (AmigoActionDialog *base,
                    AmigoImage        *image)
{
  AmigoRegisterImageDialog *self = AMIGO_REGISTER_IMAGE_DIALOG (base);
  g_autofree char *source = dup_source (self);
  const AmigoBlockDeviceMapping *mappings;
  guint n_mappings = 0;

  if (g_strcmp0 (source, self->sent_source) != 0)
    return FALSE;
  if (!from_snapshot (self))
    return g_strcmp0 (amigo_image_get_image_location (image), source) == 0;
  mappings = amigo_image_get_block_device_mappings (image, &n_mappings);
  for (guint i = 0; i < n_mappings; i++)
    if (mappings[i].has_ebs && g_strcmp0 (mappings[i].ebs.snapshot_id, source) == 0)
      return TRUE;
  return FALSE;
}

static void
describe_task (const char  *name,
               char       **title,
               char       **toast)
{
  /* Translators: a task in the list of work under way; %s is the image name */
  *title = g_strdup_printf (_("Register image “%s”"), name);
  /* Translators: %s is the image name */
  *toast = g_strdup_printf (_("Registering image “%s”…"), name);
}

static void
register_image_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AmigoRegisterImageDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *image_id = NULL;

  image_id = amigo_ec2_register_image_finish (AMIGO_EC2 (source), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  amigo_image_name_send_finished (self->name, image_id, error);
}

static void
send_register (AmigoActionDialog *base)
{
  AmigoRegisterImageDialog *self = AMIGO_REGISTER_IMAGE_DIALOG (base);
  const char *description = gtk_editable_get_text (GTK_EDITABLE (self->description_row));
  const char *virtualization = CHOICE (self->virtualization_row, virtualizations);
  AmigoRegisterImageRequest request = { 0 };
  AmigoBlockDeviceMapping root = { 0 };
  AmigoEc2Tag *tags;
  guint n_tags = 0;

  tags = amigo_tags_editor_get_tags (self->tags_editor, &n_tags);

  request.name = amigo_image_name_get_text (self->name);
  request.description = *description != '\0' ? description : NULL;
  request.architecture = CHOICE (self->architecture_row, architectures);
  request.virtualization_type = virtualization;
  request.image_tags = tags;
  request.n_image_tags = n_tags;

  if (from_snapshot (self))
    {
      const char *type = selected_volume_type (self);

      request.root_device_name = gtk_editable_get_text (GTK_EDITABLE (self->root_device_row));
      request.boot_mode = CHOICE (self->boot_mode_row, boot_modes);
      request.ena_support = gtk_switch_get_active (self->ena_switch);

      /* The root mapping in full, rather than root_snapshot_id, so that
       * DeleteOnTermination and IOPS go too. */
      root.device_name = (char *) request.root_device_name;
      root.has_ebs = TRUE;
      root.ebs.snapshot_id =
        (char *) amigo_snapshot_get_snapshot_id (_amigo_register_image_dialog_selected_snapshot (self));
      root.ebs.volume_size = gtk_spin_button_get_value_as_int (self->size_spin);
      root.ebs.volume_type = (char *) type;
      root.ebs.iops = amigo_image_form_volume_type_has_iops (type)
                      ? gtk_spin_button_get_value_as_int (self->iops_spin) : -1;
      root.ebs.throughput = -1;
      root.ebs.delete_on_termination = gtk_switch_get_active (self->delete_switch)
                                       ? AMIGO_TRISTATE_TRUE : AMIGO_TRISTATE_FALSE;
      root.ebs.encrypted = AMIGO_TRISTATE_UNSET;
      request.block_device_mappings = &root;
      request.n_block_device_mappings = 1;
    }
  else
    {
      const char *kernel = gtk_editable_get_text (GTK_EDITABLE (self->kernel_row));
      const char *ramdisk = gtk_editable_get_text (GTK_EDITABLE (self->ramdisk_row));

      request.image_location = gtk_editable_get_text (GTK_EDITABLE (self->manifest_row));
      if (g_strcmp0 (virtualization, "paravirtual") == 0)
        {
          request.kernel_id = *kernel != '\0' ? kernel : NULL;
          request.ramdisk_id = *ramdisk != '\0' ? ramdisk : NULL;
        }
    }

  amigo_image_name_sent (self->name);
  g_free (self->sent_source);
  self->sent_source = dup_source (self);
  amigo_ec2_register_image_async (self->ec2, &request, amigo_action_dialog_get_cancellable (base),
                                  register_image_cb,
                                  g_object_ref (self));
}

static void
register_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AmigoRegisterImageDialog *self = AMIGO_REGISTER_IMAGE_DIALOG (widget);

  self->manifest_touched = TRUE;
  amigo_image_name_submit (self->name);
}

/* ---- callbacks ------------------------------------------------------- */

static void
on_source_toggled_cb (AmigoRegisterImageDialog *self)
{
  gboolean snapshot = from_snapshot (self);

  gtk_widget_set_visible (GTK_WIDGET (self->snapshot_page), snapshot);
  gtk_widget_set_visible (GTK_WIDGET (self->manifest_page), !snapshot);
  if (!self->filling)
    _amigo_register_image_dialog_update_state (self);
}

static void
on_name_changed_cb (AmigoRegisterImageDialog *self)
{
  if (self->filling)
    return;
  amigo_image_name_changed (self->name);
  _amigo_register_image_dialog_update_state (self);
}

static void
on_manifest_changed_cb (AmigoRegisterImageDialog *self)
{
  if (self->filling)
    return;
  self->manifest_touched = TRUE;
  _amigo_register_image_dialog_update_state (self);
}

static void
on_field_changed_cb (AmigoRegisterImageDialog *self)
{
  if (self->filling)
    return;
  _amigo_register_image_dialog_update_state (self);
}

static void
on_snapshot_selected_cb (AmigoRegisterImageDialog *self)
{
  if (self->filling)
    return;
  _amigo_register_image_dialog_follow_snapshot (self);
  _amigo_register_image_dialog_update_state (self);
}

static void
on_volume_type_selected_cb (AmigoRegisterImageDialog *self)
{
  const char *type = selected_volume_type (self);

  if (self->filling)
    return;
  if (amigo_image_form_volume_type_has_iops (type))
    gtk_spin_button_set_value (self->iops_spin,
                               amigo_image_form_default_iops (type, gtk_spin_button_get_value_as_int (self->size_spin)));
  _amigo_register_image_dialog_update_state (self);
}

static void
on_architecture_selected_cb (AmigoRegisterImageDialog *self)
{
  if (self->filling)
    return;

  /* Until the person picks a boot mode, it follows the architecture: Arm
   * boots with UEFI, x86 and i386 images usually with a BIOS. */
  if (!self->boot_mode_chosen)
    {
      self->filling = TRUE;
      adw_combo_row_set_selected (self->boot_mode_row,
                                  adw_combo_row_get_selected (self->architecture_row) == AMIGO_REGISTER_ARCH_ARM64
                                  ? AMIGO_REGISTER_BOOT_UEFI : AMIGO_REGISTER_BOOT_LEGACY_BIOS);
      self->filling = FALSE;
    }
  _amigo_register_image_dialog_update_state (self);
}

static void
on_boot_mode_selected_cb (AmigoRegisterImageDialog *self)
{
  if (self->filling)
    return;
  self->boot_mode_chosen = TRUE;
  _amigo_register_image_dialog_update_state (self);
}

/* ---- object ---------------------------------------------------------- */

static gboolean
update (AmigoActionDialog *dialog)
{
  return _amigo_register_image_dialog_update_state (AMIGO_REGISTER_IMAGE_DIALOG (dialog));
}

static void
busy_changed (AmigoActionDialog *dialog)
{
  update (dialog);
}

static const AmigoImageNameOps name_ops = {
  .update = update,
  .send = send_register,
  .is_earlier_attempt = is_earlier_attempt,
  .task_kind = AMIGO_TASK_KIND_REGISTER_IMAGE,
  .describe_task = describe_task,
};

static void
amigo_register_image_dialog_dispose (GObject *object)
{
  AmigoRegisterImageDialog *self = AMIGO_REGISTER_IMAGE_DIALOG (object);

  /* The base cancels the rest. */
  amigo_image_name_stop (self->name);

  gtk_widget_dispose_template (GTK_WIDGET (self), AMIGO_TYPE_REGISTER_IMAGE_DIALOG);

  g_clear_object (&self->ec2);

  G_OBJECT_CLASS (amigo_register_image_dialog_parent_class)->dispose (object);
}

static void
amigo_register_image_dialog_finalize (GObject *object)
{
  AmigoRegisterImageDialog *self = AMIGO_REGISTER_IMAGE_DIALOG (object);

  g_ptr_array_unref (self->snapshots);
  g_free (self->snapshots_error);
  g_free (self->sent_source);
  amigo_image_name_free (self->name);

  G_OBJECT_CLASS (amigo_register_image_dialog_parent_class)->finalize (object);
}

static void
amigo_register_image_dialog_class_init (AmigoRegisterImageDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AmigoActionDialogClass *dialog_class = AMIGO_ACTION_DIALOG_CLASS (klass);

  object_class->dispose = amigo_register_image_dialog_dispose;
  object_class->finalize = amigo_register_image_dialog_finalize;
  dialog_class->busy_changed = busy_changed;

  g_type_ensure (AMIGO_TYPE_TAGS_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/actions/amigo-register-image-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, register_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, scroller);
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, error_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, error_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, snapshot_toggle);
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, manifest_toggle);
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, image_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, name_message);
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, source_box);
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, snapshot_page);
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, manifest_page);
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, snapshot_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, snapshot_spinner);
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, root_device_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, size_spin);
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, volume_type_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, iops_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, iops_spin);
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, delete_switch);
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, snapshot_message);
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, manifest_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, manifest_message);
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, system_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, architecture_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, virtualization_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, boot_mode_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, ena_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, ena_switch);
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, kernel_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, ramdisk_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, system_message);
  gtk_widget_class_bind_template_child (widget_class, AmigoRegisterImageDialog, tags_editor);
  gtk_widget_class_bind_template_callback (widget_class, on_source_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_manifest_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_snapshot_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_volume_type_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_architecture_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_boot_mode_selected_cb);

  gtk_widget_class_install_action (widget_class, "register-image.register", NULL, register_action);
}

static void
amigo_register_image_dialog_init (AmigoRegisterImageDialog *self)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  g_autoptr(GtkStringList) types = amigo_image_form_new_volume_type_model ();

  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->snapshots = g_ptr_array_new_with_free_func (g_object_unref);
  self->name = amigo_image_name_new (base, &name_ops, self->name_row, self->name_message, self->scroller);

  adw_combo_row_set_model (self->volume_type_row, G_LIST_MODEL (types));
  adw_combo_row_set_selected (self->volume_type_row, amigo_image_form_find_volume_type (DEFAULT_VOLUME_TYPE));
  adw_combo_row_set_selected (self->boot_mode_row, AMIGO_REGISTER_BOOT_LEGACY_BIOS);
  self->filling = FALSE;

  amigo_action_dialog_set_busy_display (base, self->spinner, "register-image.register", NULL);
  amigo_action_dialog_set_error_display (base, GTK_WIDGET (self->error_group),
                                         GTK_WIDGET (self->error_row));

  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->register_button));
}

/**
 * amigo_register_image_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @context: the account and region to act in
 *
 * Returns: (transfer floating): the dialog, not yet shown
 */
GtkWindow *
amigo_register_image_dialog_new (GtkWindow          *parent,
                                 AmigoActionContext *context)
{
  AmigoRegisterImageDialog *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (AMIGO_IS_ACTION_CONTEXT (context), NULL);

  self = g_object_new (AMIGO_TYPE_REGISTER_IMAGE_DIALOG, "transient-for", parent, "context", context, NULL);

  subtitle = amigo_action_dialog_dup_place (AMIGO_ACTION_DIALOG (self));
  adw_window_title_set_subtitle (self->window_title, subtitle);

  self->ec2 = amigo_action_context_dup_ec2 (context, NULL, &error);
  amigo_image_name_set_ec2 (self->name, self->ec2);
  if (self->ec2 == NULL)
    self->snapshots_error = g_strdup (error->message);
  else
    _amigo_register_image_dialog_load_snapshots (self);

  _amigo_register_image_dialog_update_state (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return GTK_WINDOW (self);
}

/* ---- for tests ------------------------------------------------------- */

char *
_amigo_register_image_dialog_dup_problems (AmigoRegisterImageDialog *self)
{
  GtkLabel *labels[] = {
    self->name_message,
    from_snapshot (self) ? self->snapshot_message : self->manifest_message,
    self->system_message,
  };

  return amigo_action_dialog_dup_problems (AMIGO_ACTION_DIALOG (self), labels, G_N_ELEMENTS (labels),
                                           amigo_tags_editor_get_problem (self->tags_editor));
}

/* For its tests: the image made, once RegisterImage answered. */
const char *
amigo_register_image_dialog_get_registered_image_id (AmigoRegisterImageDialog *self)
{
  return amigo_image_name_get_made_id (self->name);
}

/* For its tests: the name last found free. */
const char *
amigo_register_image_dialog_get_free_name (AmigoRegisterImageDialog *self)
{
  return amigo_image_name_get_free_name (self->name);
}
