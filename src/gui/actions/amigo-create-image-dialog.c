/* amigo-create-image-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CreateImage, point and click: pick one of the region's instances, name
 * the image, decide about the reboot, look over the volumes the image will
 * hold (prefilled from the instance: DescribeInstances says which volume
 * is on which device, DescribeVolumes their sizes and types), tag it.
 *
 * Every field is checked as it is typed; the name is also looked up among
 * your own images of the region (EC2 refuses a duplicate), once shortly
 * after typing stops and again just before the request. CreateImage has no
 * idempotency token: when a first attempt failed in a way that may have
 * reached EC2 and the person tries again, an image with that name made of
 * that instance is the first attempt's, and is taken as the result.
 *
 * For the instance's own volumes only what the person changed is sent;
 * removing one sends `NoDevice` for its device so the image leaves it out.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "amigo-actions.h"
#include "amigo-create-image-dialog-private.h"
#include "amigo-error.h"
#include "amigo-image-form.h"
#include "amigo-image-name.h"
#include "amigo-task-manager.h"

G_DEFINE_FINAL_TYPE (AmigoCreateImageDialog, amigo_create_image_dialog, AMIGO_TYPE_ACTION_DIALOG)

/* ---- instances ------------------------------------------------------- */

static AmigoInstance *
selected_instance (AmigoCreateImageDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->instance_row);

  if (self->loading_instances || selected >= self->instances->len)
    return NULL;
  return g_ptr_array_index (self->instances, selected);
}

static const char *
instance_name (AmigoInstance *instance)
{
  guint n_tags = 0;
  const AmigoTag *tags = amigo_instance_get_tags (instance, &n_tags);

  for (guint i = 0; i < n_tags; i++)
    if (g_strcmp0 (tags[i].key, "Name") == 0 && tags[i].value != NULL && *tags[i].value != '\0')
      return tags[i].value;
  return NULL;
}

static char *
instance_label (AmigoInstance *instance)
{
  const char *name = instance_name (instance);
  const char *state = amigo_instance_get_state (instance);
  const char *type = amigo_instance_get_instance_type (instance);

  if (name != NULL)
    /* Translators: an instance in a list: its Name tag, id, state and
     * instance type, as in “web-1 — i-0abc12 (running, t3.micro)” */
    return g_strdup_printf (_("%s — %s (%s, %s)"), name, amigo_instance_get_instance_id (instance),
                            state ? state : "", type ? type : "");
  /* Translators: an instance without a Name tag: id, state, instance type */
  return g_strdup_printf (_("%s (%s, %s)"), amigo_instance_get_instance_id (instance),
                          state ? state : "", type ? type : "");
}

static int
compare_instances (gconstpointer a,
                   gconstpointer b)
{
  AmigoInstance *x = *(AmigoInstance **) a;
  AmigoInstance *y = *(AmigoInstance **) b;
  const char *x_name = instance_name (x);
  const char *y_name = instance_name (y);

  /* Named instances first, by name; then by id. */
  if ((x_name == NULL) != (y_name == NULL))
    return x_name == NULL ? 1 : -1;
  if (x_name != NULL && g_utf8_collate (x_name, y_name) != 0)
    return g_utf8_collate (x_name, y_name);
  return g_strcmp0 (amigo_instance_get_instance_id (x), amigo_instance_get_instance_id (y));
}

static void
describe_volumes_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AmigoCreateImageDialog) self = user_data;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  AmigoInstance *instance;
  const AmigoInstanceBlockDeviceMapping *mappings;
  guint n_mappings = 0;
  const char *root_device;

  found = amigo_ec2_describe_volumes_finish (AMIGO_EC2 (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading_volumes = FALSE;
  g_clear_object (&self->volumes_cancellable);
  instance = selected_instance (self);
  if (found == NULL || instance == NULL)
    {
      if (error != NULL)
        self->volumes_error = g_strdup_printf (_("The instance’s volumes could not be read: %s"),
                                               error->message);
      _amigo_create_image_dialog_update_state (self);
      return;
    }

  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < found->len; i++)
    {
      AmigoVolume *volume = g_ptr_array_index (found, i);

      if (amigo_volume_get_volume_id (volume) != NULL)
        g_hash_table_insert (by_id, (gpointer) amigo_volume_get_volume_id (volume), volume);
    }

  self->filling = TRUE;
  root_device = amigo_instance_get_root_device_name (instance);
  mappings = amigo_instance_get_block_device_mappings (instance, &n_mappings);
  /* The root volume first, the others as the instance lists them. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n_mappings; i++)
      {
        const AmigoInstanceBlockDeviceMapping *m = &mappings[i];
        gboolean root = g_strcmp0 (m->device_name, root_device) == 0;
        AmigoVolume *volume;
        AmigoCreateImageVolume *row;

        if (!m->has_ebs || m->ebs.volume_id == NULL || m->device_name == NULL || root != (pass == 0))
          continue;
        volume = g_hash_table_lookup (by_id, m->ebs.volume_id);
        if (volume == NULL)
          {
            g_free (self->volumes_error);
            self->volumes_error = g_strdup_printf (_("EC2 did not describe the volume %s of %s."),
                                                   m->ebs.volume_id, m->device_name);
            continue;
          }
        row = _amigo_create_image_dialog_add_volume (self, &(AmigoCreateImageVolumeSpec) {
                                                       .device = m->device_name,
                                                       .volume_id = m->ebs.volume_id,
                                                       .size = MAX (amigo_volume_get_size (volume), 1),
                                                       .type = amigo_volume_get_volume_type (volume),
                                                       .iops = amigo_volume_get_iops (volume),
                                                       .delete_on_termination =
                                                         m->ebs.delete_on_termination == AMIGO_TRISTATE_TRUE,
                                                       .root = root,
                                                     });
        if (root)
          adw_expander_row_set_expanded (row->row, TRUE);
      }
  self->filling = FALSE;

  if (self->volumes->len == 0 && self->volumes_error == NULL)
    self->volumes_error = g_strdup (_("This instance has no EBS volumes. Only an instance "
                                      "that boots from EBS can be made into an image here."));
  _amigo_create_image_dialog_update_state (self);
}

static void
load_volumes (AmigoCreateImageDialog *self)
{
  AmigoInstance *instance = selected_instance (self);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  const AmigoInstanceBlockDeviceMapping *mappings;
  guint n_mappings = 0;
  AmigoEc2ListRequest request = { 0 };

  g_cancellable_cancel (self->volumes_cancellable);
  g_clear_object (&self->volumes_cancellable);
  g_clear_pointer (&self->volumes_error, g_free);
  _amigo_create_image_dialog_clear_volumes (self);
  self->loading_volumes = FALSE;

  if (instance == NULL || self->ec2 == NULL)
    {
      _amigo_create_image_dialog_update_state (self);
      return;
    }

  if (g_strcmp0 (amigo_instance_get_root_device_type (instance), "instance-store") == 0)
    {
      self->volumes_error = g_strdup (_("This instance boots from an instance store volume. "
                                        "Only an instance that boots from EBS can be made into an "
                                        "image here."));
      _amigo_create_image_dialog_update_state (self);
      return;
    }

  mappings = amigo_instance_get_block_device_mappings (instance, &n_mappings);
  for (guint i = 0; i < n_mappings; i++)
    if (mappings[i].has_ebs && mappings[i].ebs.volume_id != NULL)
      g_ptr_array_add (ids, mappings[i].ebs.volume_id);
  if (ids->len == 0)
    {
      self->volumes_error = g_strdup (_("This instance has no EBS volumes. Only an instance "
                                        "that boots from EBS can be made into an image here."));
      _amigo_create_image_dialog_update_state (self);
      return;
    }
  g_ptr_array_add (ids, NULL);

  self->loading_volumes = TRUE;
  self->volumes_cancellable = g_cancellable_new ();
  request.ids = (const char * const *) ids->pdata;
  amigo_ec2_describe_volumes_async (self->ec2, &request, self->volumes_cancellable,
                                    describe_volumes_cb, g_object_ref (self));
  _amigo_create_image_dialog_update_state (self);
}

static void
describe_instances_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(AmigoCreateImageDialog) self = user_data;
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  found = amigo_ec2_describe_instances_finish (AMIGO_EC2 (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading_instances = FALSE;
  if (found == NULL)
    {
      self->instances_error = g_strdup_printf (_("The instances of %s could not be listed: %s"),
                                               amigo_action_context_get_region (amigo_action_dialog_get_context (base)),
                                               error->message);
      _amigo_create_image_dialog_update_state (self);
      return;
    }

  for (guint i = 0; i < found->len; i++)
    {
      AmigoInstance *instance = g_ptr_array_index (found, i);
      const char *state = amigo_instance_get_state (instance);

      /* Gone or going: nothing left to image. */
      if (g_strcmp0 (state, "terminated") == 0 || g_strcmp0 (state, "shutting-down") == 0)
        continue;
      g_ptr_array_add (self->instances, g_object_ref (instance));
    }
  g_ptr_array_sort (self->instances, compare_instances);
  for (guint i = 0; i < self->instances->len; i++)
    {
      g_autofree char *label = instance_label (g_ptr_array_index (self->instances, i));

      gtk_string_list_append (labels, label);
    }

  self->filling = TRUE;
  adw_combo_row_set_model (self->instance_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->instance_row, 0);
  self->filling = FALSE;
  load_volumes (self);
}

static void
load_instances (AmigoCreateImageDialog *self)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  static const char * const states[] = { "pending", "running", "stopping", "stopped", NULL };
  AmigoEc2Filter filter = { "instance-state-name", states };
  AmigoEc2ListRequest request = { .filters = &filter, .n_filters = 1 };

  self->loading_instances = TRUE;
  amigo_ec2_describe_instances_async (self->ec2, &request, amigo_action_dialog_get_cancellable (base),
                                      describe_instances_cb, g_object_ref (self));
}

/* ---- the name -------------------------------------------------------- */

static const char *
entered_name (AmigoCreateImageDialog *self)
{
  return amigo_image_name_get_text (self->name);
}

/* ---- validation ------------------------------------------------------ */

static gboolean
validate_volumes (AmigoCreateImageDialog *self)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  gboolean valid = self->volumes_error == NULL && !self->loading_volumes &&
                   selected_instance (self) != NULL && self->volumes->len > 0;

  for (guint i = 0; i < self->volumes->len; i++)
    {
      AmigoCreateImageVolume *volume = g_ptr_array_index (self->volumes, i);
      g_autofree char *problem =
        amigo_image_form_check_volume (volume->device, _amigo_create_image_dialog_volume_type (volume),
                                       _amigo_create_image_dialog_volume_size (volume),
                                       volume->current_size,
                                       _amigo_create_image_dialog_volume_iops (volume));

      amigo_action_dialog_set_invalid (volume->size, problem != NULL);
      amigo_action_dialog_set_invalid (volume->row, problem != NULL);
      if (problem != NULL)
        {
          valid = FALSE;
          adw_expander_row_set_expanded (volume->row, TRUE);
          if (problems->len > 0)
            g_string_append_c (problems, '\n');
          g_string_append (problems, problem);
        }
    }

  if (self->volumes_error != NULL)
    amigo_action_dialog_show_message (self->volumes_message, self->volumes_error, TRUE);
  else if (problems->len > 0)
    amigo_action_dialog_show_message (self->volumes_message, problems->str, TRUE);
  else if (self->loading_volumes)
    amigo_action_dialog_show_message (self->volumes_message, _("Reading the instance’s volumes…"), FALSE);
  else if (self->left_out->len > 0)
    {
      g_autoptr(GString) devices = g_string_new (NULL);
      g_autofree char *text = NULL;

      for (guint i = 0; i < self->left_out->len; i++)
        {
          if (i > 0)
            /* Translators: between device names in a list */
            g_string_append (devices, _(", "));
          g_string_append (devices, g_ptr_array_index (self->left_out, i));
        }
      /* Translators: %s lists device names, such as “/dev/sdb, /dev/sdc” */
      text = g_strdup_printf (_("Left out of the image: %s"), devices->str);
      amigo_action_dialog_show_message (self->volumes_message, text, FALSE);
    }
  else
    amigo_action_dialog_show_message (self->volumes_message, NULL, FALSE);

  gtk_widget_set_visible (GTK_WIDGET (self->volumes_list), self->volumes->len > 0);
  return valid;
}

static void
show_instances_state (AmigoCreateImageDialog *self)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  const char *region = amigo_action_context_get_region (amigo_action_dialog_get_context (base));
  g_autofree char *text = NULL;
  gboolean error = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->instance_spinner), self->loading_instances);
  gtk_spinner_set_spinning (self->instance_spinner, self->loading_instances);

  if (self->instances_error != NULL)
    {
      text = g_strdup (self->instances_error);
      error = TRUE;
    }
  else if (self->loading_instances)
    /* Translators: %s is a region code */
    text = g_strdup_printf (_("Looking for instances in %s…"), region);
  else if (self->instances->len == 0)
    {
      text = g_strdup_printf (_("There are no instances in %s to make an image of. Launch one, "
                                "or choose another region."), region);
      error = TRUE;
    }
  amigo_action_dialog_show_message (self->instance_message, text, error);
}

/* Shows what is wrong and what is going on; returns whether the image
 * can be created as the fields are. */
gboolean
_amigo_create_image_dialog_update_state (AmigoCreateImageDialog *self)
{
  gboolean name_ok = amigo_image_name_validate (self->name);
  gboolean volumes_ok = validate_volumes (self);
  gboolean tags_ok = amigo_tags_editor_is_valid (self->tags_editor);
  gboolean have_instance = selected_instance (self) != NULL;
  g_autofree char *device = _amigo_create_image_dialog_next_free_device (self);
  gboolean busy = amigo_action_dialog_get_busy (AMIGO_ACTION_DIALOG (self));
  gboolean can_create = self->ec2 != NULL && have_instance && name_ok && volumes_ok && tags_ok &&
                        !busy;

  show_instances_state (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "create-image.create", can_create);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "create-image.add-volume",
                                 have_instance && !self->loading_volumes && self->volumes_error == NULL &&
                                 device != NULL && !busy);

  gtk_widget_set_sensitive (GTK_WIDGET (self->instance_row),
                            !busy && !self->loading_instances && self->instances->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->image_group), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->volumes_list), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->tags_editor), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->tag_snapshots_switch), !busy);
  return can_create;
}

/* ---- creating -------------------------------------------------------- */

static void
describe_task (const char  *name,
               char       **title,
               char       **toast)
{
  /* Translators: a task in the list of work under way; %s is the image name */
  *title = g_strdup_printf (_("Create image “%s”"), name);
  /* Translators: %s is the image name */
  *toast = g_strdup_printf (_("Creating image “%s”…"), name);
}

static void
create_image_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AmigoCreateImageDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *image_id = NULL;

  image_id = amigo_ec2_create_image_finish (AMIGO_EC2 (source), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  amigo_image_name_send_finished (self->name, image_id, error);
}

static void
add_mapping (GArray     *mappings,
             const char *device)
{
  AmigoBlockDeviceMapping m = { 0 };

  m.device_name = (char *) device;
  m.ebs.volume_size = -1;
  m.ebs.iops = -1;
  m.ebs.throughput = -1;
  m.ebs.delete_on_termination = AMIGO_TRISTATE_UNSET;
  m.ebs.encrypted = AMIGO_TRISTATE_UNSET;
  g_array_append_val (mappings, m);
}

static void
send_create (AmigoActionDialog *base)
{
  AmigoCreateImageDialog *self = AMIGO_CREATE_IMAGE_DIALOG (base);
  AmigoInstance *instance = selected_instance (self);
  g_autoptr(GArray) mappings = g_array_new (FALSE, TRUE, sizeof (AmigoBlockDeviceMapping));
  const char *description = gtk_editable_get_text (GTK_EDITABLE (self->description_row));
  AmigoCreateImageRequest request = { 0 };
  AmigoEc2Tag *tags;
  guint n_tags = 0;
  g_autoptr(GPtrArray) instance_devices = g_ptr_array_new ();
  const AmigoInstanceBlockDeviceMapping *instance_mappings;
  guint n_instance_mappings = 0;

  instance_mappings = amigo_instance_get_block_device_mappings (instance, &n_instance_mappings);
  for (guint i = 0; i < n_instance_mappings; i++)
    if (instance_mappings[i].device_name != NULL)
      g_ptr_array_add (instance_devices, instance_mappings[i].device_name);
  g_ptr_array_add (instance_devices, NULL);

  for (guint i = 0; i < self->left_out->len; i++)
    {
      add_mapping (mappings, g_ptr_array_index (self->left_out, i));
      g_array_index (mappings, AmigoBlockDeviceMapping, mappings->len - 1).no_device = (char *) "";
    }

  for (guint i = 0; i < self->volumes->len; i++)
    {
      AmigoCreateImageVolume *volume = g_ptr_array_index (self->volumes, i);
      const char *type = _amigo_create_image_dialog_volume_type (volume);
      int size = _amigo_create_image_dialog_volume_size (volume);
      gboolean delete = gtk_switch_get_active (volume->delete_switch);
      AmigoBlockDeviceMapping *m;

      /* The instance's volumes go into the image as they are; only
       * whether they are deleted on termination can change. */
      if (volume->volume_id != NULL && delete == volume->current_delete)
        continue;

      add_mapping (mappings, volume->device);
      m = &g_array_index (mappings, AmigoBlockDeviceMapping, mappings->len - 1);
      m->has_ebs = TRUE;
      if (volume->volume_id == NULL)
        {
          m->ebs.volume_size = size;
          m->ebs.volume_type = (char *) type;
          if (amigo_image_form_volume_type_has_iops (type))
            m->ebs.iops = _amigo_create_image_dialog_volume_iops (volume);
        }
      m->ebs.delete_on_termination = delete ? AMIGO_TRISTATE_TRUE : AMIGO_TRISTATE_FALSE;
    }

  tags = amigo_tags_editor_get_tags (self->tags_editor, &n_tags);

  request.instance_id = amigo_instance_get_instance_id (instance);
  request.name = entered_name (self);
  request.description = *description != '\0' ? description : NULL;
  request.no_reboot = gtk_switch_get_active (self->no_reboot_switch);
  request.block_device_mappings = (const AmigoBlockDeviceMapping *) (gpointer) mappings->data;
  request.n_block_device_mappings = mappings->len;
  request.instance_devices = (const char * const *) instance_devices->pdata;
  request.image_tags = tags;
  request.n_image_tags = n_tags;
  if (gtk_switch_get_active (self->tag_snapshots_switch))
    {
      request.snapshot_tags = tags;
      request.n_snapshot_tags = n_tags;
    }

  amigo_image_name_sent (self->name);
  g_free (self->sent_instance_id);
  self->sent_instance_id = g_strdup (request.instance_id);
  amigo_ec2_create_image_async (self->ec2, &request, amigo_action_dialog_get_cancellable (base),
                                create_image_cb,
                                g_object_ref (self));
}

/* An image of yours with the name sent: the earlier attempt's when it is
 * made of the instance that attempt named, still the one chosen. */
static gboolean
is_earlier_attempt (AmigoActionDialog *base,
                    AmigoImage        *image)
{
  AmigoCreateImageDialog *self = AMIGO_CREATE_IMAGE_DIALOG (base);

  return g_strcmp0 (amigo_image_get_source_instance_id (image), self->sent_instance_id) == 0 &&
         g_strcmp0 (self->sent_instance_id, amigo_instance_get_instance_id (selected_instance (self))) == 0;
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  amigo_image_name_submit (AMIGO_CREATE_IMAGE_DIALOG (widget)->name);
}

/* ---- callbacks ------------------------------------------------------- */

static void
on_instance_selected_cb (AmigoCreateImageDialog *self)
{
  if (self->filling)
    return;
  load_volumes (self);
}

static void
on_name_changed_cb (AmigoCreateImageDialog *self)
{
  if (self->filling)
    return;
  amigo_image_name_changed (self->name);
  _amigo_create_image_dialog_update_state (self);
}

static void
on_field_changed_cb (AmigoCreateImageDialog *self)
{
  if (self->filling)
    return;
  _amigo_create_image_dialog_update_state (self);
}

/* ---- object ---------------------------------------------------------- */

static gboolean
update (AmigoActionDialog *dialog)
{
  return _amigo_create_image_dialog_update_state (AMIGO_CREATE_IMAGE_DIALOG (dialog));
}

static void
busy_changed (AmigoActionDialog *dialog)
{
  update (dialog);
}

static const AmigoImageNameOps name_ops = {
  .update = update,
  .send = send_create,
  .is_earlier_attempt = is_earlier_attempt,
  .task_kind = AMIGO_TASK_KIND_CREATE_IMAGE,
  .describe_task = describe_task,
};

static void
amigo_create_image_dialog_dispose (GObject *object)
{
  AmigoCreateImageDialog *self = AMIGO_CREATE_IMAGE_DIALOG (object);

  /* The base cancels the rest. */
  g_cancellable_cancel (self->volumes_cancellable);
  g_clear_object (&self->volumes_cancellable);
  amigo_image_name_stop (self->name);
  if (self->volumes != NULL)
    g_ptr_array_set_size (self->volumes, 0);

  gtk_widget_dispose_template (GTK_WIDGET (self), AMIGO_TYPE_CREATE_IMAGE_DIALOG);

  g_clear_object (&self->ec2);

  G_OBJECT_CLASS (amigo_create_image_dialog_parent_class)->dispose (object);
}

static void
amigo_create_image_dialog_finalize (GObject *object)
{
  AmigoCreateImageDialog *self = AMIGO_CREATE_IMAGE_DIALOG (object);

  g_ptr_array_unref (self->instances);
  g_ptr_array_unref (self->volumes);
  g_ptr_array_unref (self->left_out);
  g_free (self->instances_error);
  g_free (self->volumes_error);
  g_free (self->sent_instance_id);
  amigo_image_name_free (self->name);

  G_OBJECT_CLASS (amigo_create_image_dialog_parent_class)->finalize (object);
}

static void
amigo_create_image_dialog_class_init (AmigoCreateImageDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AmigoActionDialogClass *dialog_class = AMIGO_ACTION_DIALOG_CLASS (klass);

  object_class->dispose = amigo_create_image_dialog_dispose;
  object_class->finalize = amigo_create_image_dialog_finalize;
  dialog_class->busy_changed = busy_changed;

  g_type_ensure (AMIGO_TYPE_TAGS_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/actions/amigo-create-image-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoCreateImageDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AmigoCreateImageDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoCreateImageDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AmigoCreateImageDialog, scroller);
  gtk_widget_class_bind_template_child (widget_class, AmigoCreateImageDialog, error_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoCreateImageDialog, error_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoCreateImageDialog, instance_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoCreateImageDialog, instance_spinner);
  gtk_widget_class_bind_template_child (widget_class, AmigoCreateImageDialog, instance_message);
  gtk_widget_class_bind_template_child (widget_class, AmigoCreateImageDialog, image_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoCreateImageDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoCreateImageDialog, description_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoCreateImageDialog, no_reboot_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoCreateImageDialog, no_reboot_switch);
  gtk_widget_class_bind_template_child (widget_class, AmigoCreateImageDialog, name_message);
  gtk_widget_class_bind_template_child (widget_class, AmigoCreateImageDialog, volumes_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoCreateImageDialog, add_volume_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoCreateImageDialog, volumes_list);
  gtk_widget_class_bind_template_child (widget_class, AmigoCreateImageDialog, volumes_message);
  gtk_widget_class_bind_template_child (widget_class, AmigoCreateImageDialog, tags_editor);
  gtk_widget_class_bind_template_child (widget_class, AmigoCreateImageDialog, tag_snapshots_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_instance_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);

  gtk_widget_class_install_action (widget_class, "create-image.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "create-image.add-volume", NULL,
                                   _amigo_create_image_dialog_add_volume_action);
}

static void
amigo_create_image_dialog_init (AmigoCreateImageDialog *self)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);

  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->filling = FALSE;

  self->instances = g_ptr_array_new_with_free_func (g_object_unref);
  self->volumes = g_ptr_array_new_with_free_func (_amigo_create_image_dialog_volume_free);
  self->left_out = g_ptr_array_new_with_free_func (g_free);
  self->name = amigo_image_name_new (base, &name_ops, self->name_row, self->name_message, self->scroller);

  amigo_action_dialog_set_busy_display (base, self->spinner,
                                        "create-image.create", "create-image.add-volume", NULL);
  amigo_action_dialog_set_error_display (base, GTK_WIDGET (self->error_group),
                                         GTK_WIDGET (self->error_row));
  /* AWS's messages are shown as they are, never as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->instance_row), FALSE);

  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->create_button));
}

/**
 * amigo_create_image_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @context: the account and region to act in
 *
 * Returns: (transfer floating): the dialog, not yet shown
 */
GtkWindow *
amigo_create_image_dialog_new (GtkWindow          *parent,
                               AmigoActionContext *context)
{
  AmigoCreateImageDialog *self;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (AMIGO_IS_ACTION_CONTEXT (context), NULL);

  self = g_object_new (AMIGO_TYPE_CREATE_IMAGE_DIALOG, "transient-for", parent, "context", context, NULL);

  subtitle = amigo_action_dialog_dup_place (AMIGO_ACTION_DIALOG (self));
  adw_window_title_set_subtitle (self->window_title, subtitle);

  self->ec2 = amigo_action_context_dup_ec2 (context, NULL, &error);
  amigo_image_name_set_ec2 (self->name, self->ec2);
  if (self->ec2 == NULL)
    self->instances_error = g_strdup (error->message);
  else
    load_instances (self);

  _amigo_create_image_dialog_update_state (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return GTK_WINDOW (self);
}

/* ---- for tests ------------------------------------------------------- */

char *
_amigo_create_image_dialog_dup_problems (AmigoCreateImageDialog *self)
{
  GtkLabel *labels[] = { self->instance_message, self->name_message, self->volumes_message };

  return amigo_action_dialog_dup_problems (AMIGO_ACTION_DIALOG (self), labels, G_N_ELEMENTS (labels),
                                           amigo_tags_editor_get_problem (self->tags_editor));
}

/* For its tests: the image made, once CreateImage answered. */
const char *
amigo_create_image_dialog_get_created_image_id (AmigoCreateImageDialog *self)
{
  return amigo_image_name_get_made_id (self->name);
}

/* For its tests: the name last found free, and one found taken. */
const char *
amigo_create_image_dialog_get_free_name (AmigoCreateImageDialog *self)
{
  return amigo_image_name_get_free_name (self->name);
}

const char *
amigo_create_image_dialog_get_taken_name (AmigoCreateImageDialog *self)
{
  return amigo_image_name_get_taken_name (self->name);
}
