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

#include "amigo-create-image-dialog-private.h"
#include "amigo-error.h"
#include "amigo-image-form.h"
#include "amigo-task-manager.h"

G_DEFINE_FINAL_TYPE (AmigoCreateImageDialog, amigo_create_image_dialog, ADW_TYPE_WINDOW)

/* Waiting this long after the last keystroke before asking EC2 whether the
 * name is taken: one request per pause, not per character. */
#define NAME_CHECK_DELAY_MS 400

/* Added volumes get the next free name of /dev/sdf to /dev/sdz, the range
 * the EC2 User Guide recommends for EBS volumes. */
#define FIRST_DEVICE_LETTER 'f'
#define LAST_DEVICE_LETTER  'z'

#define NEW_VOLUME_SIZE 8
#define NEW_VOLUME_TYPE "gp3"

static gboolean update_state (AmigoCreateImageDialog *self);

static void
set_str (char       **field,
         const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

/* ---- volumes --------------------------------------------------------- */

static void
volume_free (gpointer data)
{
  AmigoCreateImageVolume *volume = data;

  g_free (volume->device);
  g_free (volume->volume_id);
  g_free (volume->current_type);
  g_free (volume);
}

static const char *
volume_type (AmigoCreateImageVolume *volume)
{
  guint selected = adw_combo_row_get_selected (volume->type);

  if (selected >= amigo_image_form_get_n_volume_types ())
    return NULL;
  return amigo_image_form_get_volume_type (selected);
}

static int
volume_size (AmigoCreateImageVolume *volume)
{
  return gtk_spin_button_get_value_as_int (volume->size);
}

static int
volume_iops (AmigoCreateImageVolume *volume)
{
  return gtk_spin_button_get_value_as_int (volume->iops);
}

static void
update_volume_row (AmigoCreateImageVolume *volume)
{
  g_autofree char *subtitle = NULL;
  const char *type = volume_type (volume);
  int size = volume_size (volume);

  if (volume->volume_id == NULL)
    /* Translators: a volume added to the image: size in GiB, then its type (gp3, …) */
    subtitle = g_strdup_printf (_("New volume · %d GiB · %s"), size, type ? type : "");
  else if (volume->root)
    /* Translators: the root volume: its id, size in GiB, type (gp3, …) */
    subtitle = g_strdup_printf (_("Root volume · %s · %d GiB · %s"), volume->volume_id, size,
                                type ? type : "");
  else
    /* Translators: a volume: its id, size in GiB, type (gp3, …) */
    subtitle = g_strdup_printf (_("%s · %d GiB · %s"), volume->volume_id, size, type ? type : "");
  adw_expander_row_set_subtitle (volume->row, subtitle);

  gtk_widget_set_visible (GTK_WIDGET (volume->iops_row),
                          amigo_image_form_volume_type_has_iops (type));
}

static AmigoCreateImageVolume *
find_volume (AmigoCreateImageDialog *self,
             GtkWidget              *widget,
             guint                  *index)
{
  for (guint i = 0; i < self->volumes->len; i++)
    {
      AmigoCreateImageVolume *volume = g_ptr_array_index (self->volumes, i);

      if (widget == GTK_WIDGET (volume->row) || gtk_widget_is_ancestor (widget, GTK_WIDGET (volume->row)))
        {
          if (index != NULL)
            *index = i;
          return volume;
        }
    }
  return NULL;
}

static void
on_volume_changed_cb (GtkWidget              *widget,
                      GParamSpec             *pspec,
                      AmigoCreateImageDialog *self)
{
  AmigoCreateImageVolume *volume = find_volume (self, widget, NULL);

  if (volume == NULL)
    return;

  /* io1 and io2 need provisioned IOPS: offer a value that fits the size. */
  if (widget == GTK_WIDGET (volume->type) &&
      amigo_image_form_volume_type_has_iops (volume_type (volume)) &&
      g_strcmp0 (volume_type (volume), volume->current_type) != 0)
    gtk_spin_button_set_value (volume->iops,
                               amigo_image_form_default_iops (volume_type (volume), volume_size (volume)));

  update_volume_row (volume);
  update_state (self);
}

static void
on_volume_value_changed_cb (GtkSpinButton          *spin,
                            AmigoCreateImageDialog *self)
{
  on_volume_changed_cb (GTK_WIDGET (spin), NULL, self);
}

static void
on_volume_remove_clicked_cb (GtkButton              *button,
                             AmigoCreateImageDialog *self)
{
  guint index = 0;
  AmigoCreateImageVolume *volume = find_volume (self, GTK_WIDGET (button), &index);

  if (volume == NULL || volume->root)
    return;

  if (volume->volume_id != NULL)
    g_ptr_array_add (self->left_out, g_strdup (volume->device));
  gtk_list_box_remove (self->volumes_list, GTK_WIDGET (volume->row));
  g_ptr_array_remove_index (self->volumes, index);
  update_state (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_volume_button));
}

static void set_accessible_label (gpointer    widget,
                                  const char *format,
                                  ...) G_GNUC_PRINTF (2, 3);

static void
set_accessible_label (gpointer    widget,
                      const char *format,
                      ...)
{
  g_autofree char *label = NULL;
  va_list args;

  va_start (args, format);
  label = g_strdup_vprintf (format, args);
  va_end (args);

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static GtkSpinButton *
make_spin (double min,
           double max,
           double value)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, 1);

  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 0);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  return GTK_SPIN_BUTTON (spin);
}

static AmigoCreateImageVolume *
add_volume (AmigoCreateImageDialog *self,
            const char             *device,
            const char             *volume_id,
            int                     size,
            const char             *type,
            int                     iops,
            gboolean                delete_on_termination,
            gboolean                root)
{
  AmigoCreateImageVolume *volume = g_new0 (AmigoCreateImageVolume, 1);
  g_autoptr(GtkStringList) types = amigo_image_form_new_volume_type_model ();
  AdwActionRow *size_row;
  AdwActionRow *delete_row;
  guint type_index = amigo_image_form_find_volume_type (type);

  volume->device = g_strdup (device);
  volume->volume_id = g_strdup (volume_id);
  volume->current_type = g_strdup (type);
  volume->current_size = volume_id != NULL ? size : 0;
  volume->current_iops = iops;
  volume->current_delete = delete_on_termination;
  volume->root = root;

  volume->row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (volume->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (volume->row), device);
  /* libadwaita 1.2 does not name an expander row by its title. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (volume->row), GTK_ACCESSIBLE_PROPERTY_LABEL, device, -1);

  /* Size */
  size_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (size_row), _("Size (GiB)"));
  if (volume_id != NULL)
    {
      /* Translators: %d is a size in GiB */
      g_autofree char *subtitle = g_strdup_printf (_("At least %d GiB, its current size"), size);

      adw_action_row_set_subtitle (size_row, subtitle);
    }
  volume->size = make_spin (1, 65536, size);
  set_accessible_label (volume->size, _("Size of %s in GiB"), device);
  adw_action_row_add_suffix (size_row, GTK_WIDGET (volume->size));
  adw_action_row_set_activatable_widget (size_row, GTK_WIDGET (volume->size));
  adw_expander_row_add_row (volume->row, GTK_WIDGET (size_row));

  /* Type */
  volume->type = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (volume->type), _("Volume Type"));
  /* The type's name is long: as a subtitle it is not cut. */
  adw_combo_row_set_use_subtitle (volume->type, TRUE);
  adw_combo_row_set_model (volume->type, G_LIST_MODEL (types));
  adw_combo_row_set_selected (volume->type,
                              type_index != GTK_INVALID_LIST_POSITION ? type_index
                              : amigo_image_form_find_volume_type (NEW_VOLUME_TYPE));
  set_accessible_label (volume->type, _("Volume type of %s"), device);
  adw_expander_row_add_row (volume->row, GTK_WIDGET (volume->type));

  /* IOPS, for io1 and io2 */
  volume->iops_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (volume->iops_row), _("IOPS"));
  volume->iops = make_spin (100, 256000, iops > 0 ? iops : amigo_image_form_default_iops (type, size));
  set_accessible_label (volume->iops, _("Provisioned IOPS of %s"), device);
  adw_action_row_add_suffix (volume->iops_row, GTK_WIDGET (volume->iops));
  adw_action_row_set_activatable_widget (volume->iops_row, GTK_WIDGET (volume->iops));
  adw_expander_row_add_row (volume->row, GTK_WIDGET (volume->iops_row));

  /* Delete on termination */
  delete_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (delete_row), _("Delete on Termination"));
  adw_action_row_set_subtitle (delete_row, _("Delete the volume when an instance launched from the image ends"));
  adw_action_row_set_subtitle_lines (delete_row, 0);
  volume->delete_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (volume->delete_switch), GTK_ALIGN_CENTER);
  gtk_switch_set_active (volume->delete_switch, delete_on_termination);
  set_accessible_label (volume->delete_switch, _("Delete %s on termination"), device);
  adw_action_row_add_suffix (delete_row, GTK_WIDGET (volume->delete_switch));
  adw_action_row_set_activatable_widget (delete_row, GTK_WIDGET (volume->delete_switch));
  adw_expander_row_add_row (volume->row, GTK_WIDGET (delete_row));

  /* The root volume stays: an image boots from it. */
  if (!root)
    {
      volume->remove = GTK_BUTTON (gtk_button_new_from_icon_name ("user-trash-symbolic"));
      gtk_widget_set_valign (GTK_WIDGET (volume->remove), GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (GTK_WIDGET (volume->remove), "flat");
      gtk_widget_set_tooltip_text (GTK_WIDGET (volume->remove),
                                   volume_id != NULL ? _("Leave this volume out of the image")
                                                     : _("Remove this volume"));
      set_accessible_label (volume->remove, _("Remove %s"), device);
      adw_expander_row_add_action (volume->row, GTK_WIDGET (volume->remove));
      g_signal_connect (volume->remove, "clicked", G_CALLBACK (on_volume_remove_clicked_cb), self);
    }

  g_signal_connect (volume->size, "value-changed", G_CALLBACK (on_volume_value_changed_cb), self);
  g_signal_connect (volume->iops, "value-changed", G_CALLBACK (on_volume_value_changed_cb), self);
  g_signal_connect (volume->type, "notify::selected", G_CALLBACK (on_volume_changed_cb), self);
  g_signal_connect (volume->delete_switch, "notify::active", G_CALLBACK (on_volume_changed_cb), self);

  g_ptr_array_add (self->volumes, volume);
  gtk_list_box_append (self->volumes_list, GTK_WIDGET (volume->row));
  update_volume_row (volume);
  return volume;
}

static void
clear_volumes (AmigoCreateImageDialog *self)
{
  for (guint i = 0; i < self->volumes->len; i++)
    {
      AmigoCreateImageVolume *volume = g_ptr_array_index (self->volumes, i);

      gtk_list_box_remove (self->volumes_list, GTK_WIDGET (volume->row));
    }
  g_ptr_array_set_size (self->volumes, 0);
  g_ptr_array_set_size (self->left_out, 0);
}

/* The letter a device name is known by, whatever its style: /dev/sdf,
 * /dev/xvdf and xvdf are the same device to EC2's Xen and Nitro drivers. */
static char
device_letter (const char *device)
{
  if (g_str_has_prefix (device, "/dev/"))
    device += strlen ("/dev/");
  if (g_str_has_prefix (device, "xvd"))
    device += 3;
  else if (g_str_has_prefix (device, "sd") || g_str_has_prefix (device, "hd"))
    device += 2;
  return *device;
}

static gboolean
device_letter_is_used (AmigoCreateImageDialog *self,
                       char                    letter)
{
  for (guint i = 0; i < self->volumes->len; i++)
    if (device_letter (((AmigoCreateImageVolume *) g_ptr_array_index (self->volumes, i))->device) == letter)
      return TRUE;
  for (guint i = 0; i < self->left_out->len; i++)
    if (device_letter (g_ptr_array_index (self->left_out, i)) == letter)
      return TRUE;
  return FALSE;
}

static char *
next_free_device (AmigoCreateImageDialog *self)
{
  for (char letter = FIRST_DEVICE_LETTER; letter <= LAST_DEVICE_LETTER; letter++)
    if (!device_letter_is_used (self, letter))
      return g_strdup_printf ("/dev/sd%c", letter);
  return NULL;
}

static void
add_volume_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AmigoCreateImageDialog *self = AMIGO_CREATE_IMAGE_DIALOG (widget);
  g_autofree char *device = next_free_device (self);
  AmigoCreateImageVolume *volume;

  if (device == NULL)
    return;

  volume = add_volume (self, device, NULL, NEW_VOLUME_SIZE, NEW_VOLUME_TYPE, 0, TRUE, FALSE);
  adw_expander_row_set_expanded (volume->row, TRUE);
  update_state (self);
  gtk_widget_grab_focus (GTK_WIDGET (volume->size));
}

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
      update_state (self);
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
        row = add_volume (self, m->device_name, m->ebs.volume_id,
                          MAX (amigo_volume_get_size (volume), 1),
                          amigo_volume_get_volume_type (volume),
                          amigo_volume_get_iops (volume),
                          m->ebs.delete_on_termination == AMIGO_TRISTATE_TRUE, root);
        if (root)
          adw_expander_row_set_expanded (row->row, TRUE);
      }
  self->filling = FALSE;

  if (self->volumes->len == 0 && self->volumes_error == NULL)
    self->volumes_error = g_strdup (_("This instance has no EBS volumes. Only an instance "
                                      "that boots from EBS can be made into an image here."));
  update_state (self);
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
  clear_volumes (self);
  self->loading_volumes = FALSE;

  if (instance == NULL || self->ec2 == NULL)
    {
      update_state (self);
      return;
    }

  if (g_strcmp0 (amigo_instance_get_root_device_type (instance), "instance-store") == 0)
    {
      self->volumes_error = g_strdup (_("This instance boots from an instance store volume. "
                                        "Only an instance that boots from EBS can be made into an "
                                        "image here."));
      update_state (self);
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
      update_state (self);
      return;
    }
  g_ptr_array_add (ids, NULL);

  self->loading_volumes = TRUE;
  self->volumes_cancellable = g_cancellable_new ();
  request.ids = (const char * const *) ids->pdata;
  amigo_ec2_describe_volumes_async (self->ec2, &request, self->volumes_cancellable,
                                    describe_volumes_cb, g_object_ref (self));
  update_state (self);
}

static void
describe_instances_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(AmigoCreateImageDialog) self = user_data;
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
                                               amigo_action_context_get_region (self->context),
                                               error->message);
      update_state (self);
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
  static const char * const states[] = { "pending", "running", "stopping", "stopped", NULL };
  AmigoEc2Filter filter = { "instance-state-name", states };
  AmigoEc2ListRequest request = { .filters = &filter, .n_filters = 1 };

  self->loading_instances = TRUE;
  amigo_ec2_describe_instances_async (self->ec2, &request, self->cancellable,
                                      describe_instances_cb, g_object_ref (self));
}

/* ---- the name -------------------------------------------------------- */

static const char *
entered_name (AmigoCreateImageDialog *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->name_row));
}

static void
name_check_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AmigoCreateImageDialog) self = user_data;
  g_autoptr(AmigoImage) image = NULL;
  g_autoptr(GError) error = NULL;
  const char *name = g_task_get_task_data (G_TASK (result));

  image = amigo_image_form_find_own_image_finish (AMIGO_EC2 (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->name_cancellable);
  /* A failed check is no verdict: the check before creating tells. */
  if (error != NULL)
    return;

  if (image != NULL)
    set_str (&self->taken_name, name);
  else
    set_str (&self->free_name, name);
  update_state (self);
}

static gboolean
name_check_timeout_cb (gpointer user_data)
{
  AmigoCreateImageDialog *self = user_data;

  self->name_timeout_id = 0;
  g_cancellable_cancel (self->name_cancellable);
  g_clear_object (&self->name_cancellable);
  self->name_cancellable = g_cancellable_new ();
  amigo_image_form_find_own_image_async (self->ec2, entered_name (self), self->name_cancellable,
                                         name_check_cb, g_object_ref (self));
  return G_SOURCE_REMOVE;
}

static void
schedule_name_check (AmigoCreateImageDialog *self)
{
  const char *name = entered_name (self);

  g_clear_handle_id (&self->name_timeout_id, g_source_remove);
  g_cancellable_cancel (self->name_cancellable);
  g_clear_object (&self->name_cancellable);

  if (self->ec2 == NULL || !amigo_ec2_validate_image_name (name, NULL) ||
      g_strcmp0 (name, self->taken_name) == 0 || g_strcmp0 (name, self->free_name) == 0)
    return;
  self->name_timeout_id = g_timeout_add (NAME_CHECK_DELAY_MS, name_check_timeout_cb, self);
}

/* ---- validation ------------------------------------------------------ */

static void
set_error_class (gpointer widget,
                 gboolean error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (widget), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (widget), "error");
}

static void
show_message (GtkLabel   *label,
              const char *text,
              gboolean    error)
{
  gtk_label_set_text (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
  set_error_class (label, error);
  if (!error)
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
}

static gboolean
validate_name (AmigoCreateImageDialog *self)
{
  const char *name = entered_name (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean valid = TRUE;

  if (*name == '\0')
    {
      valid = FALSE;
      if (self->name_touched)
        message = g_strdup (_("Enter a name for the image."));
    }
  else if (!amigo_ec2_validate_image_name (name, &error))
    {
      valid = FALSE;
      message = g_strdup (error->message);
    }
  else if (g_strcmp0 (name, self->taken_name) == 0)
    {
      valid = FALSE;
      /* Translators: %s is the image name, then the region */
      message = g_strdup_printf (_("You already have an image called “%s” in %s. Choose another name."),
                                 name, amigo_action_context_get_region (self->context));
    }

  set_error_class (self->name_row, message != NULL);
  show_message (self->name_message, message, TRUE);
  return valid;
}

static gboolean
validate_volumes (AmigoCreateImageDialog *self)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  gboolean valid = self->volumes_error == NULL && !self->loading_volumes &&
                   selected_instance (self) != NULL && self->volumes->len > 0;

  for (guint i = 0; i < self->volumes->len; i++)
    {
      AmigoCreateImageVolume *volume = g_ptr_array_index (self->volumes, i);
      g_autofree char *problem = amigo_image_form_check_volume (volume->device, volume_type (volume),
                                                                volume_size (volume),
                                                                volume->current_size,
                                                                volume_iops (volume));

      set_error_class (volume->size, problem != NULL);
      set_error_class (volume->row, problem != NULL);
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
    show_message (self->volumes_message, self->volumes_error, TRUE);
  else if (problems->len > 0)
    show_message (self->volumes_message, problems->str, TRUE);
  else if (self->loading_volumes)
    show_message (self->volumes_message, _("Reading the instance’s volumes…"), FALSE);
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
      show_message (self->volumes_message, text, FALSE);
    }
  else
    show_message (self->volumes_message, NULL, FALSE);

  gtk_widget_set_visible (GTK_WIDGET (self->volumes_list), self->volumes->len > 0);
  return valid;
}

static void
show_instances_state (AmigoCreateImageDialog *self)
{
  const char *region = amigo_action_context_get_region (self->context);
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
  show_message (self->instance_message, text, error);
}

/* Shows what is wrong and what is going on; returns whether the image
 * can be created as the fields are. */
static gboolean
update_state (AmigoCreateImageDialog *self)
{
  gboolean name_ok = validate_name (self);
  gboolean volumes_ok = validate_volumes (self);
  gboolean tags_ok = amigo_tags_editor_is_valid (self->tags_editor);
  gboolean have_instance = selected_instance (self) != NULL;
  g_autofree char *device = next_free_device (self);
  gboolean can_create = self->ec2 != NULL && have_instance && name_ok && volumes_ok && tags_ok &&
                        !self->busy;

  show_instances_state (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "create-image.create", can_create);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "create-image.add-volume",
                                 have_instance && !self->loading_volumes && self->volumes_error == NULL &&
                                 device != NULL && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "window.close", !self->busy);

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->busy);
  gtk_spinner_set_spinning (self->spinner, self->busy);

  gtk_widget_set_sensitive (GTK_WIDGET (self->instance_row),
                            !self->busy && !self->loading_instances && self->instances->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->image_group), !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->volumes_list), !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->tags_editor), !self->busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->tag_snapshots_switch), !self->busy);

  adw_action_row_set_subtitle (self->error_row, self->aws_error ? self->aws_error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_group), self->aws_error != NULL);
  return can_create;
}

/* ---- creating -------------------------------------------------------- */

static void
created (AmigoCreateImageDialog *self,
         const char             *image_id)
{
  const char *name = entered_name (self);
  const char *ids[] = { image_id, NULL };
  g_autofree char *title = NULL;
  g_autofree char *toast = NULL;

  set_str (&self->created_image_id, image_id);

  /* Translators: a task in the list of work under way; %s is the image name */
  title = g_strdup_printf (_("Create image “%s”"), name);
  amigo_action_context_add_task (self->context, AMIGO_TASK_KIND_CREATE_IMAGE, NULL, ids, title);

  /* Translators: %s is the image name */
  toast = g_strdup_printf (_("Creating image “%s”…"), name);
  amigo_action_context_toast (self->context, toast);
  amigo_action_context_changed (self->context);

  self->busy = FALSE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
failed (AmigoCreateImageDialog *self,
        const char             *message)
{
  self->busy = FALSE;
  set_str (&self->aws_error, message);
  update_state (self);

  /* The message is at the top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
create_image_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AmigoCreateImageDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *image_id = NULL;
  g_autofree char *message = NULL;

  image_id = amigo_ec2_create_image_finish (AMIGO_EC2 (source), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (image_id != NULL)
    {
      created (self, image_id);
      return;
    }

  if (amigo_aws_error_has_aws_code (error, "InvalidAMIName.Duplicate"))
    {
      /* Someone took the name between the check and the request. */
      set_str (&self->taken_name, self->sent_name);
      g_clear_pointer (&self->sent_name, g_free);
      self->busy = FALSE;
      update_state (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }

  message = amigo_image_form_describe_error (error);
  failed (self, message);
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
send_create (AmigoCreateImageDialog *self)
{
  AmigoInstance *instance = selected_instance (self);
  g_autoptr(GArray) mappings = g_array_new (FALSE, TRUE, sizeof (AmigoBlockDeviceMapping));
  const char *description = gtk_editable_get_text (GTK_EDITABLE (self->description_row));
  AmigoCreateImageRequest request = { 0 };
  AmigoEc2Tag *tags;
  guint n_tags = 0;

  for (guint i = 0; i < self->left_out->len; i++)
    {
      add_mapping (mappings, g_ptr_array_index (self->left_out, i));
      g_array_index (mappings, AmigoBlockDeviceMapping, mappings->len - 1).no_device = (char *) "";
    }

  for (guint i = 0; i < self->volumes->len; i++)
    {
      AmigoCreateImageVolume *volume = g_ptr_array_index (self->volumes, i);
      const char *type = volume_type (volume);
      int size = volume_size (volume);
      gboolean delete = gtk_switch_get_active (volume->delete_switch);
      gboolean type_changed = g_strcmp0 (type, volume->current_type) != 0;
      gboolean has_iops = amigo_image_form_volume_type_has_iops (type);
      gboolean iops_changed = has_iops && (type_changed || volume_iops (volume) != volume->current_iops);
      AmigoBlockDeviceMapping *m;

      /* The instance's volumes go into the image as they are unless changed. */
      if (volume->volume_id != NULL && size == volume->current_size && !type_changed &&
          !iops_changed && delete == volume->current_delete)
        continue;

      add_mapping (mappings, volume->device);
      m = &g_array_index (mappings, AmigoBlockDeviceMapping, mappings->len - 1);
      m->has_ebs = TRUE;
      if (volume->volume_id == NULL || size != volume->current_size)
        m->ebs.volume_size = size;
      if (volume->volume_id == NULL || type_changed)
        m->ebs.volume_type = (char *) type;
      if (has_iops && (volume->volume_id == NULL || iops_changed))
        m->ebs.iops = volume_iops (volume);
      m->ebs.delete_on_termination = delete ? AMIGO_TRISTATE_TRUE : AMIGO_TRISTATE_FALSE;
    }

  tags = amigo_tags_editor_get_tags (self->tags_editor, &n_tags);

  request.instance_id = amigo_instance_get_instance_id (instance);
  request.name = entered_name (self);
  request.description = *description != '\0' ? description : NULL;
  request.no_reboot = gtk_switch_get_active (self->no_reboot_switch);
  request.block_device_mappings = (const AmigoBlockDeviceMapping *) (gpointer) mappings->data;
  request.n_block_device_mappings = mappings->len;
  request.image_tags = tags;
  request.n_image_tags = n_tags;
  if (gtk_switch_get_active (self->tag_snapshots_switch))
    {
      request.snapshot_tags = tags;
      request.n_snapshot_tags = n_tags;
    }

  set_str (&self->sent_name, request.name);
  set_str (&self->sent_instance_id, request.instance_id);
  amigo_ec2_create_image_async (self->ec2, &request, self->cancellable, create_image_cb,
                                g_object_ref (self));
}

static void
submit_check_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AmigoCreateImageDialog) self = user_data;
  g_autoptr(AmigoImage) image = NULL;
  g_autoptr(GError) error = NULL;
  const char *name = g_task_get_task_data (G_TASK (result));

  image = amigo_image_form_find_own_image_finish (AMIGO_EC2 (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL)
    {
      g_autofree char *message = amigo_image_form_describe_error (error);
      g_autofree char *text = g_strdup_printf (_("Amigo could not check that the name is free: %s"),
                                               message);

      failed (self, text);
      return;
    }

  if (image != NULL)
    {
      /* The image an earlier attempt of this dialog made, though its
       * answer was lost: that is the result. */
      if (g_strcmp0 (name, self->sent_name) == 0 &&
          g_strcmp0 (amigo_image_get_source_instance_id (image), self->sent_instance_id) == 0 &&
          g_strcmp0 (self->sent_instance_id, amigo_instance_get_instance_id (selected_instance (self))) == 0)
        {
          created (self, amigo_image_get_image_id (image));
          return;
        }
      set_str (&self->taken_name, name);
      self->busy = FALSE;
      update_state (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }

  set_str (&self->free_name, name);
  send_create (self);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AmigoCreateImageDialog *self = AMIGO_CREATE_IMAGE_DIALOG (widget);

  self->name_touched = TRUE;
  if (!update_state (self))
    return;

  g_clear_handle_id (&self->name_timeout_id, g_source_remove);
  g_cancellable_cancel (self->name_cancellable);
  g_clear_object (&self->name_cancellable);

  /* The fields turn insensitive: a focused entry would lose the focus
   * without knowing (GTK then warns that its cursor still blinks). */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  self->busy = TRUE;
  g_clear_pointer (&self->aws_error, g_free);
  update_state (self);

  amigo_image_form_find_own_image_async (self->ec2, entered_name (self), self->cancellable,
                                         submit_check_cb, g_object_ref (self));
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
  self->name_touched = TRUE;
  schedule_name_check (self);
  update_state (self);
}

static void
on_field_changed_cb (AmigoCreateImageDialog *self)
{
  if (self->filling)
    return;
  update_state (self);
}

/* ---- object ---------------------------------------------------------- */

static gboolean
amigo_create_image_dialog_close_request (GtkWindow *window)
{
  AmigoCreateImageDialog *self = AMIGO_CREATE_IMAGE_DIALOG (window);

  /* CreateImage may already have been accepted: the dialog waits for the
   * answer rather than leave the person not knowing. */
  if (self->busy)
    return TRUE;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->volumes_cancellable);
  g_cancellable_cancel (self->name_cancellable);
  g_clear_handle_id (&self->name_timeout_id, g_source_remove);

  /* The focused entry stops its cursor now, not when it is finalized. */
  gtk_window_set_focus (window, NULL);

  return GTK_WINDOW_CLASS (amigo_create_image_dialog_parent_class)->close_request (window);
}

static void
amigo_create_image_dialog_dispose (GObject *object)
{
  AmigoCreateImageDialog *self = AMIGO_CREATE_IMAGE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->volumes_cancellable);
  g_cancellable_cancel (self->name_cancellable);
  g_clear_handle_id (&self->name_timeout_id, g_source_remove);
  g_clear_object (&self->volumes_cancellable);
  g_clear_object (&self->name_cancellable);
  if (self->volumes != NULL)
    g_ptr_array_set_size (self->volumes, 0);

  gtk_widget_dispose_template (GTK_WIDGET (self), AMIGO_TYPE_CREATE_IMAGE_DIALOG);

  g_clear_object (&self->context);
  g_clear_object (&self->ec2);

  G_OBJECT_CLASS (amigo_create_image_dialog_parent_class)->dispose (object);
}

static void
amigo_create_image_dialog_finalize (GObject *object)
{
  AmigoCreateImageDialog *self = AMIGO_CREATE_IMAGE_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_ptr_array_unref (self->instances);
  g_ptr_array_unref (self->volumes);
  g_ptr_array_unref (self->left_out);
  g_free (self->instances_error);
  g_free (self->volumes_error);
  g_free (self->aws_error);
  g_free (self->taken_name);
  g_free (self->free_name);
  g_free (self->sent_name);
  g_free (self->sent_instance_id);
  g_free (self->created_image_id);

  G_OBJECT_CLASS (amigo_create_image_dialog_parent_class)->finalize (object);
}

static void
amigo_create_image_dialog_class_init (AmigoCreateImageDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = amigo_create_image_dialog_dispose;
  object_class->finalize = amigo_create_image_dialog_finalize;
  window_class->close_request = amigo_create_image_dialog_close_request;

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
  gtk_widget_class_install_action (widget_class, "create-image.add-volume", NULL, add_volume_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
amigo_create_image_dialog_init (AmigoCreateImageDialog *self)
{
  self->filling = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->filling = FALSE;

  self->cancellable = g_cancellable_new ();
  self->instances = g_ptr_array_new_with_free_func (g_object_unref);
  self->volumes = g_ptr_array_new_with_free_func (volume_free);
  self->left_out = g_ptr_array_new_with_free_func (g_free);

  /* AWS's messages are shown as they are, never as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->error_row), FALSE);
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

  self = g_object_new (AMIGO_TYPE_CREATE_IMAGE_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);

  /* Translators: the dialog's subtitle: the account's name, then the region */
  subtitle = g_strdup_printf (_("%s — %s"),
                              amigo_account_get_name (amigo_action_context_get_account (context)),
                              amigo_action_context_get_region (context));
  adw_window_title_set_subtitle (self->window_title, subtitle);

  self->ec2 = amigo_action_context_dup_ec2 (context, NULL, &error);
  if (self->ec2 == NULL)
    self->instances_error = g_strdup (error->message);
  else
    load_instances (self);

  update_state (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return GTK_WINDOW (self);
}

/* ---- for tests ------------------------------------------------------- */

char *
_amigo_create_image_dialog_dup_problems (AmigoCreateImageDialog *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GtkLabel *labels[] = { self->instance_message, self->name_message, self->volumes_message };
  const char *tags = amigo_tags_editor_get_problem (self->tags_editor);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (gtk_widget_get_visible (GTK_WIDGET (labels[i])) &&
        gtk_widget_has_css_class (GTK_WIDGET (labels[i]), "error"))
      g_string_append_printf (text, "%s\n", gtk_label_get_text (labels[i]));
  if (tags != NULL)
    g_string_append_printf (text, "%s\n", tags);
  if (self->aws_error != NULL)
    g_string_append_printf (text, "%s\n", self->aws_error);
  return g_string_free (g_steal_pointer (&text), FALSE);
}
