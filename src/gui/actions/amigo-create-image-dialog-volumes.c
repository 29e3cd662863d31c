/* amigo-create-image-dialog-volumes.c — the volumes the image will hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prefilled from the instance (which volume is on which device, their
 * sizes and types); the instance's volumes can be left out or change
 * whether they are deleted on termination, new volumes can be added.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "amigo-create-image-dialog-private.h"
#include "amigo-image-form.h"
#include "amigo-volume-row.h"

/* Added volumes get the next free name of /dev/sdf to /dev/sdz, the range
 * the EC2 User Guide recommends for EBS volumes. */
#define FIRST_DEVICE_LETTER 'f'
#define LAST_DEVICE_LETTER  'z'

#define NEW_VOLUME_SIZE 8
#define NEW_VOLUME_TYPE "gp3"

/* ---- volumes --------------------------------------------------------- */

void
_amigo_create_image_dialog_volume_free (gpointer data)
{
  AmigoCreateImageVolume *volume = data;

  g_free (volume->device);
  g_free (volume->volume_id);
  g_free (volume->current_type);
  g_free (volume);
}

const char *
_amigo_create_image_dialog_volume_type (AmigoCreateImageVolume *volume)
{
  guint selected = adw_combo_row_get_selected (volume->type);

  if (selected >= amigo_image_form_get_n_volume_types ())
    return NULL;
  return amigo_image_form_get_volume_type (selected);
}

int
_amigo_create_image_dialog_volume_size (AmigoCreateImageVolume *volume)
{
  return gtk_spin_button_get_value_as_int (volume->size);
}

int
_amigo_create_image_dialog_volume_iops (AmigoCreateImageVolume *volume)
{
  return gtk_spin_button_get_value_as_int (volume->iops);
}

static void
update_volume_row (AmigoCreateImageVolume *volume)
{
  g_autofree char *subtitle = NULL;
  const char *type = _amigo_create_image_dialog_volume_type (volume);
  int size = _amigo_create_image_dialog_volume_size (volume);

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
      amigo_image_form_volume_type_has_iops (_amigo_create_image_dialog_volume_type (volume)) &&
      g_strcmp0 (_amigo_create_image_dialog_volume_type (volume), volume->current_type) != 0)
    gtk_spin_button_set_value (volume->iops,
                               amigo_image_form_default_iops (_amigo_create_image_dialog_volume_type (volume),
                                                              _amigo_create_image_dialog_volume_size (volume)));

  update_volume_row (volume);
  _amigo_create_image_dialog_update_state (self);
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
  _amigo_create_image_dialog_update_state (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_volume_button));
}

AmigoCreateImageVolume *
_amigo_create_image_dialog_add_volume (AmigoCreateImageDialog           *self,
                                       const AmigoCreateImageVolumeSpec *spec)
{
  AmigoCreateImageVolume *volume = g_new0 (AmigoCreateImageVolume, 1);
  g_autoptr(GtkStringList) types = amigo_image_form_new_volume_type_model ();
  AmigoVolumeRow *row;
  guint type_index = amigo_image_form_find_volume_type (spec->type);

  volume->device = g_strdup (spec->device);
  volume->volume_id = g_strdup (spec->volume_id);
  volume->current_type = g_strdup (spec->type);
  volume->current_size = spec->volume_id != NULL ? spec->size : 0;
  volume->current_iops = spec->iops;
  volume->current_delete = spec->delete_on_termination;
  volume->root = spec->root;

  row = AMIGO_VOLUME_ROW (amigo_volume_row_new (spec->device, NULL));
  volume->row = ADW_EXPANDER_ROW (row);
  amigo_volume_row_set_size (row, 1, AMIGO_EC2_VOLUME_SIZE_MAX, spec->size, NULL);
  amigo_volume_row_set_types (row, G_LIST_MODEL (types),
                              type_index != GTK_INVALID_LIST_POSITION ? type_index
                              : amigo_image_form_find_volume_type (NEW_VOLUME_TYPE));
  /* IOPS, for io1 and io2 */
  amigo_volume_row_set_iops (row, spec->iops > 0 ? spec->iops
                                                 : amigo_image_form_default_iops (spec->type, spec->size));
  amigo_volume_row_set_delete (row, spec->delete_on_termination);
  /* CreateImage: "The only option that can be changed for existing mappings
   * or snapshots is DeleteOnTermination" (the engine refuses the rest). */
  if (spec->volume_id != NULL)
    amigo_volume_row_set_fixed (row, _("An image takes the instance’s volumes as they are: only “Delete on "
                                       "Termination” can change here. To resize or retype this volume, "
                                       "modify it on the instance first."));
  /* The root volume stays: an image boots from it. */
  if (!spec->root)
    amigo_volume_row_set_removable (row, spec->volume_id != NULL ? _("Leave this volume out of the image")
                                                                 : _("Remove this volume"));

  volume->size = amigo_volume_row_get_size_spin (row);
  volume->type = amigo_volume_row_get_type_row (row);
  volume->iops_row = amigo_volume_row_get_iops_row (row);
  volume->iops = amigo_volume_row_get_iops_spin (row);
  volume->delete_switch = amigo_volume_row_get_delete_switch (row);
  volume->remove = amigo_volume_row_get_remove_button (row);
  if (volume->remove != NULL)
    g_signal_connect (volume->remove, "clicked", G_CALLBACK (on_volume_remove_clicked_cb), self);

  g_signal_connect (volume->size, "value-changed", G_CALLBACK (on_volume_value_changed_cb), self);
  g_signal_connect (volume->iops, "value-changed", G_CALLBACK (on_volume_value_changed_cb), self);
  g_signal_connect (volume->type, "notify::selected", G_CALLBACK (on_volume_changed_cb), self);
  g_signal_connect (volume->delete_switch, "notify::active", G_CALLBACK (on_volume_changed_cb), self);

  g_ptr_array_add (self->volumes, volume);
  gtk_list_box_append (self->volumes_list, GTK_WIDGET (volume->row));
  update_volume_row (volume);
  return volume;
}

void
_amigo_create_image_dialog_clear_volumes (AmigoCreateImageDialog *self)
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

char *
_amigo_create_image_dialog_next_free_device (AmigoCreateImageDialog *self)
{
  for (char letter = FIRST_DEVICE_LETTER; letter <= LAST_DEVICE_LETTER; letter++)
    if (!device_letter_is_used (self, letter))
      return g_strdup_printf ("/dev/sd%c", letter);
  return NULL;
}

void
_amigo_create_image_dialog_add_volume_action (GtkWidget  *widget,
                                              const char *action_name,
                                              GVariant   *parameter)
{
  AmigoCreateImageDialog *self = AMIGO_CREATE_IMAGE_DIALOG (widget);
  g_autofree char *device = _amigo_create_image_dialog_next_free_device (self);
  AmigoCreateImageVolume *volume;

  if (device == NULL)
    return;

  volume = _amigo_create_image_dialog_add_volume (self, &(AmigoCreateImageVolumeSpec) {
                                                    .device = device,
                                                    .size = NEW_VOLUME_SIZE,
                                                    .type = NEW_VOLUME_TYPE,
                                                    .delete_on_termination = TRUE,
                                                  });
  adw_expander_row_set_expanded (volume->row, TRUE);
  _amigo_create_image_dialog_update_state (self);
  gtk_widget_grab_focus (GTK_WIDGET (volume->size));
}


/* ---- public accessors, for its tests ----------------------------------- */

/* Whether the region's instances are still coming; why they did not. */
gboolean
amigo_create_image_dialog_get_loading_instances (AmigoCreateImageDialog *self)
{
  return self->loading_instances;
}

const char *
amigo_create_image_dialog_get_instances_error (AmigoCreateImageDialog *self)
{
  return self->instances_error;
}

/* (element-type AmigoInstance) (transfer none): the instances the
 * instance row offers, in its order. */
GPtrArray *
amigo_create_image_dialog_get_instances (AmigoCreateImageDialog *self)
{
  return self->instances;
}

/* Whether the chosen instance's volumes are still coming; why they did not. */
gboolean
amigo_create_image_dialog_get_loading_volumes (AmigoCreateImageDialog *self)
{
  return self->loading_volumes;
}

const char *
amigo_create_image_dialog_get_volumes_error (AmigoCreateImageDialog *self)
{
  return self->volumes_error;
}

/* Whether @row (an AmigoVolumeRow of the list) is the root volume's. */
gboolean
amigo_create_image_dialog_is_root_volume (AmigoCreateImageDialog *self,
                                          GtkWidget              *row)
{
  for (guint i = 0; i < self->volumes->len; i++)
    {
      AmigoCreateImageVolume *volume = g_ptr_array_index (self->volumes, i);

      if (GTK_WIDGET (volume->row) == row)
        return volume->root;
    }
  return FALSE;
}

/* (element-type utf8) (transfer none): the devices of the instance left
 * out of the image. */
GPtrArray *
amigo_create_image_dialog_get_left_out (AmigoCreateImageDialog *self)
{
  return self->left_out;
}

/* (transfer full): every problem the dialog shows, one a line. */
char *
amigo_create_image_dialog_dup_problems (AmigoCreateImageDialog *self)
{
  return _amigo_create_image_dialog_dup_problems (self);
}
