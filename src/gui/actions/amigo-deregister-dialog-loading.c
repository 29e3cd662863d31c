/* amigo-deregister-dialog-loading.c — what deregistering would delete, looked up before asking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "amigo-deregister-dialog-private.h"
#include "amigo-error.h"
#include "amigo-image-store.h"
#include "amigo-text.h"

static void load_next (AmigoDeregisterDialog *self);

static void
load_failed (AmigoDeregisterDialog *self,
             const GError          *error)
{
  g_autofree char *text = amigo_action_dialog_describe_error (_("AWS did not describe the images"), error);

  self->loading = FALSE;
  amigo_status_page_set_description_literal (self->failed_page, text);
  gtk_stack_set_visible_child_name (self->stack, "failed");
  _amigo_deregister_dialog_update_state (self);
}

static void
describe_snapshots_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(AmigoDeregisterDialog) self = user_data;
  AmigoDeregisterImage *image = g_ptr_array_index (self->images, self->next);
  g_autoptr(GPtrArray) snapshots = NULL;
  g_autoptr(GError) error = NULL;

  snapshots = amigo_ec2_describe_snapshots_finish (AMIGO_EC2 (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* Without sizes the list is still exact: say so and go on. */
  if (error != NULL)
    g_debug ("DescribeSnapshots: %s", error->message);

  for (guint i = 0; snapshots != NULL && i < snapshots->len; i++)
    {
      AmigoSnapshot *snapshot = g_ptr_array_index (snapshots, i);
      AmigoDeregisterSnapshot *entry = _amigo_deregister_dialog_find_snapshot (self, image->region,
                                                      amigo_snapshot_get_snapshot_id (snapshot));

      if (entry != NULL && amigo_snapshot_get_volume_size (snapshot) >= 0)
        entry->size_gib = amigo_snapshot_get_volume_size (snapshot);
    }

  self->next++;
  load_next (self);
}

static void
describe_image_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AmigoDeregisterDialog) self = user_data;
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  AmigoDeregisterImage *entry = g_ptr_array_index (self->images, self->next);
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GPtrArray) new_ids = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const AmigoBlockDeviceMapping *mappings;
  const char *protection;
  guint n = 0;

  images = amigo_ec2_describe_images_finish (AMIGO_EC2 (source), result, NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL && !amigo_aws_error_has_aws_code (error, "InvalidAMIID.NotFound") &&
      !amigo_aws_error_has_aws_code (error, "InvalidAMIID.Unavailable"))
    {
      load_failed (self, error);
      return;
    }

  if (images == NULL || images->len == 0)
    {
      entry->error = g_strdup (_("It is no longer registered."));
      self->next++;
      load_next (self);
      return;
    }

  entry->image = g_object_ref (g_ptr_array_index (images, 0));
  protection = amigo_image_get_deregistration_protection (entry->image);
  entry->protected = protection != NULL && g_str_has_prefix (protection, "enabled");

  mappings = amigo_image_get_block_device_mappings (entry->image, &n);
  for (guint i = 0; i < n; i++)
    {
      const char *snapshot_id = mappings[i].has_ebs ? mappings[i].ebs.snapshot_id : NULL;
      AmigoDeregisterSnapshot *snapshot;

      if (snapshot_id == NULL || *snapshot_id == '\0' ||
          g_ptr_array_find_with_equal_func (entry->snapshot_ids, snapshot_id, g_str_equal, NULL))
        continue;
      g_ptr_array_add (entry->snapshot_ids, g_strdup (snapshot_id));
      /* A protected image's snapshots are kept with it: not listed. */
      if (entry->protected)
        continue;

      snapshot = _amigo_deregister_dialog_find_snapshot (self, entry->region, snapshot_id);
      if (snapshot == NULL)
        {
          snapshot = g_new0 (AmigoDeregisterSnapshot, 1);
          snapshot->snapshot_id = g_strdup (snapshot_id);
          snapshot->region = g_strdup (entry->region);
          snapshot->size_gib = -1;
          snapshot->image_titles = g_strdup (_amigo_deregister_image_title (entry));
          g_ptr_array_add (self->snapshots, snapshot);
          g_ptr_array_add (new_ids, snapshot->snapshot_id);
        }
      else
        {
          /* Shared by two of the selected images. */
          char *titles = g_strdup_printf (_("%s, %s"), snapshot->image_titles, _amigo_deregister_image_title (entry));

          g_free (snapshot->image_titles);
          snapshot->image_titles = titles;
        }
    }

  if (new_ids->len > 0)
    {
      AmigoDescribeSnapshotsRequest request = { 0 };
      g_autoptr(AmigoEc2) ec2 = amigo_action_dialog_dup_ec2 (base, entry->region, NULL);

      if (ec2 != NULL)
        {
          g_ptr_array_add (new_ids, NULL);
          request.snapshot_ids = (const char * const *) new_ids->pdata;
          amigo_ec2_describe_snapshots_async (ec2, &request, amigo_action_dialog_get_cancellable (base),
                                              describe_snapshots_cb, g_object_ref (self));
          return;
        }
    }

  self->next++;
  load_next (self);
}

static void
load_next (AmigoDeregisterDialog *self)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  AmigoDeregisterImage *entry;
  const char *ids[2] = { NULL, NULL };
  AmigoDescribeImagesRequest request = { 0 };
  g_autoptr(AmigoEc2) ec2 = NULL;
  g_autoptr(GError) error = NULL;

  if (self->next >= self->images->len)
    {
      self->loading = FALSE;
      _amigo_deregister_dialog_show_confirm (self);
      _amigo_deregister_dialog_check_rbin (self);
      return;
    }

  entry = g_ptr_array_index (self->images, self->next);
  ec2 = amigo_action_dialog_dup_ec2 (base, entry->region, &error);
  if (ec2 == NULL)
    {
      load_failed (self, error);
      return;
    }
  ids[0] = entry->image_id;
  request.image_ids = ids;
  request.include_deprecated = TRUE;
  request.include_disabled = TRUE;
  amigo_ec2_describe_images_async (ec2, &request, amigo_action_dialog_get_cancellable (base),
                                   describe_image_cb, g_object_ref (self));
}

/* Reads every image again, as AWS has it now. */
void
_amigo_deregister_dialog_load (AmigoDeregisterDialog *self)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  GPtrArray *selected = amigo_action_context_get_images (amigo_action_dialog_get_context (base));

  _amigo_deregister_dialog_clear_rows (self);
  g_ptr_array_set_size (self->images, 0);
  g_ptr_array_set_size (self->snapshots, 0);
  for (guint i = 0; i < selected->len; i++)
    {
      AmigoImage *image = g_ptr_array_index (selected, i);
      AmigoDeregisterImage *entry = g_new0 (AmigoDeregisterImage, 1);
      const char *region = amigo_image_store_get_image_region (image);

      entry->image_id = g_strdup (amigo_image_get_image_id (image));
      entry->region = g_strdup (region != NULL ? region : amigo_action_context_get_region (amigo_action_dialog_get_context (base)));
      entry->snapshot_ids = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (self->images, entry);
    }

  self->loading = TRUE;
  self->next = 0;
  gtk_stack_set_visible_child_name (self->stack, "loading");
  _amigo_deregister_dialog_update_state (self);
  load_next (self);
}
