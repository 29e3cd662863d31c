/* amigo-register-image-dialog-snapshots.c — the snapshots a new image can boot from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "amigo-register-image-dialog-private.h"

/* ---- snapshots ------------------------------------------------------- */

static int
compare_snapshots (gconstpointer a,
                   gconstpointer b)
{
  AmigoSnapshot *x = *(AmigoSnapshot **) a;
  AmigoSnapshot *y = *(AmigoSnapshot **) b;
  gint64 x_time = amigo_snapshot_get_start_time_usec (x);
  gint64 y_time = amigo_snapshot_get_start_time_usec (y);

  /* Newest first. */
  if (x_time != y_time)
    return x_time > y_time ? -1 : 1;
  return g_strcmp0 (amigo_snapshot_get_snapshot_id (x), amigo_snapshot_get_snapshot_id (y));
}

static char *
snapshot_label (AmigoSnapshot *snapshot)
{
  const char *description = amigo_snapshot_get_description (snapshot);

  if (description != NULL && *description != '\0')
    /* Translators: a snapshot in a list: id, size in GiB, description,
     * as in “snap-0abc — 8 GiB — web server” */
    return g_strdup_printf (_("%s — %d GiB — %s"), amigo_snapshot_get_snapshot_id (snapshot),
                            amigo_snapshot_get_volume_size (snapshot), description);
  /* Translators: a snapshot in a list: id and size in GiB */
  return g_strdup_printf (_("%s — %d GiB"), amigo_snapshot_get_snapshot_id (snapshot),
                          amigo_snapshot_get_volume_size (snapshot));
}

void
_amigo_register_image_dialog_follow_snapshot (AmigoRegisterImageDialog *self)
{
  AmigoSnapshot *snapshot = _amigo_register_image_dialog_selected_snapshot (self);
  g_autofree char *subtitle = NULL;
  int size;

  if (snapshot == NULL)
    {
      adw_action_row_set_subtitle (self->size_row, "");
      return;
    }

  /* The volume starts at the snapshot's size; it may be made larger. */
  size = MAX (amigo_snapshot_get_volume_size (snapshot), 1);
  gtk_spin_button_set_value (self->size_spin, size);
  /* Translators: %d is a size in GiB */
  subtitle = g_strdup_printf (_("At least %d GiB, the snapshot’s size"), size);
  adw_action_row_set_subtitle (self->size_row, subtitle);
}

static void
describe_snapshots_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(AmigoRegisterImageDialog) self = user_data;
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  found = amigo_ec2_describe_snapshots_finish (AMIGO_EC2 (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading_snapshots = FALSE;
  if (found == NULL)
    {
      self->snapshots_error = g_strdup_printf (_("Your snapshots in %s could not be listed: %s"),
                                               amigo_action_context_get_region (amigo_action_dialog_get_context (base)),
                                               error->message);
      _amigo_register_image_dialog_update_state (self);
      return;
    }

  for (guint i = 0; i < found->len; i++)
    {
      AmigoSnapshot *snapshot = g_ptr_array_index (found, i);

      /* Only a completed snapshot can back an image. */
      if (g_strcmp0 (amigo_snapshot_get_state (snapshot), "completed") == 0)
        g_ptr_array_add (self->snapshots, g_object_ref (snapshot));
    }
  g_ptr_array_sort (self->snapshots, compare_snapshots);
  for (guint i = 0; i < self->snapshots->len; i++)
    {
      g_autofree char *label = snapshot_label (g_ptr_array_index (self->snapshots, i));

      gtk_string_list_append (labels, label);
    }

  self->filling = TRUE;
  adw_combo_row_set_model (self->snapshot_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->snapshot_row, 0);
  self->filling = FALSE;
  _amigo_register_image_dialog_follow_snapshot (self);
  _amigo_register_image_dialog_update_state (self);
}

void
_amigo_register_image_dialog_load_snapshots (AmigoRegisterImageDialog *self)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  static const char * const self_owner[] = { "self", NULL };
  static const char * const completed[] = { "completed", NULL };
  AmigoEc2Filter filter = { "status", completed };
  AmigoDescribeSnapshotsRequest request = { .owners = self_owner, .filters = &filter, .n_filters = 1 };

  self->loading_snapshots = TRUE;
  amigo_ec2_describe_snapshots_async (self->ec2, &request, amigo_action_dialog_get_cancellable (base),
                                      describe_snapshots_cb, g_object_ref (self));
}


/* ---- public accessors, for its tests ----------------------------------- */

/* Whether the snapshots are still coming; why they did not. */
gboolean
amigo_register_image_dialog_get_loading_snapshots (AmigoRegisterImageDialog *self)
{
  return self->loading_snapshots;
}

const char *
amigo_register_image_dialog_get_snapshots_error (AmigoRegisterImageDialog *self)
{
  return self->snapshots_error;
}

/* (element-type AmigoSnapshot) (transfer none): the snapshots the
 * snapshot row offers, in its order. */
GPtrArray *
amigo_register_image_dialog_get_snapshots (AmigoRegisterImageDialog *self)
{
  return self->snapshots;
}

/* (transfer full): every problem the dialog shows, one a line. */
char *
amigo_register_image_dialog_dup_problems (AmigoRegisterImageDialog *self)
{
  return _amigo_register_image_dialog_dup_problems (self);
}
