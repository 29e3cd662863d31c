/* amigo-deregister-work.c — deregistering and deleting, once confirmed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each image is deregistered (without DeleteAssociatedSnapshots: the
 * snapshots are deleted one by one, so each failure is known), then, if
 * asked, exactly the snapshots that were listed are deleted, and only
 * those whose images are all gone now. What fails is reported on the
 * result page; what succeeded stays done.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-deregister-dialog-private.h"
#include "amigo-error.h"

static void deregister_next (AmigoDeregisterDialog *self);
static void delete_next (AmigoDeregisterDialog *self);

static char *
describe_deregister_error (const GError *error)
{
  if (amigo_aws_error_has_aws_code (error, "OperationNotPermitted"))
    return g_strdup_printf (_("Kept: deregistration protection is on (%s)."), error->message);
  return amigo_action_dialog_describe_error (_("Not deregistered"), error);
}

static char *
describe_delete_error (const GError *error)
{
  if (amigo_aws_error_has_aws_code (error, "InvalidSnapshot.InUse"))
    {
      const AmigoAwsErrorDetails *details = amigo_aws_error_get_details (error);
      g_autoptr(GMatchInfo) match = NULL;
      g_autoptr(GRegex) regex = g_regex_new ("ami-[0-9a-f]+", 0, 0, NULL);

      if (details != NULL && details->aws_message != NULL &&
          g_regex_match (regex, details->aws_message, 0, &match))
        {
          g_autofree char *image_id = g_match_info_fetch (match, 0);

          /* Translators: %s is the id of the image that uses the snapshot */
          return g_strdup_printf (_("Kept: it is used by another image, %s."), image_id);
        }
      return g_strdup (_("Kept: it is used by another image."));
    }
  if (amigo_aws_error_has_aws_code (error, "UnauthorizedOperation") ||
      g_error_matches (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_AUTH))
    return g_strdup_printf (_("Kept: this account may not delete it (%s)."), error->message);
  return amigo_action_dialog_describe_error (_("Not deleted"), error);
}

static void
show_result (AmigoDeregisterDialog *self)
{
  guint n_images = 0;
  guint n_snapshots = 0;
  g_autofree char *images_text = NULL;

  _amigo_deregister_dialog_clear_rows (self);
  for (guint i = 0; i < self->images->len; i++)
    {
      AmigoDeregisterImage *entry = g_ptr_array_index (self->images, i);

      if (!_amigo_deregister_image_is_doable (entry))
        continue;
      n_images++;
      if (entry->deregistered)
        _amigo_deregister_dialog_add_row (self, self->done_group, _amigo_deregister_image_title (entry), _("Deregistered"),
                 "object-select-symbolic", "success");
      else
        _amigo_deregister_dialog_add_row (self, self->not_done_group, _amigo_deregister_image_title (entry), entry->error,
                 "dialog-error-symbolic", "error");
    }
  for (guint i = 0; self->delete_snapshots && i < self->snapshots->len; i++)
    {
      AmigoDeregisterSnapshot *entry = g_ptr_array_index (self->snapshots, i);

      n_snapshots++;
      if (entry->deleted)
        _amigo_deregister_dialog_add_row (self, self->done_group, entry->snapshot_id, _("Deleted"),
                 "object-select-symbolic", "success");
      else
        _amigo_deregister_dialog_add_row (self, self->not_done_group, entry->snapshot_id, entry->error,
                 "dialog-error-symbolic", "error");
    }

  /* Translators: the first part of “Deregistered 1 of 2 images; deleted 2 of 3 snapshots.” */
  images_text = g_strdup_printf (ngettext ("Deregistered %u of %u image", "Deregistered %u of %u images",
                                           n_images),
                                 self->n_deregistered, n_images);
  if (n_snapshots > 0)
    {
      /* Translators: %s is “Deregistered 1 of 2 images” */
      g_autofree char *text = g_strdup_printf (ngettext ("%s; deleted %u of %u snapshot.",
                                                         "%s; deleted %u of %u snapshots.", n_snapshots),
                                               images_text, self->n_deleted, n_snapshots);

      gtk_label_set_text (self->summary_label, text);
    }
  else
    {
      g_autofree char *text = g_strconcat (images_text, ".", NULL);

      gtk_label_set_text (self->summary_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->done_group), self->n_deregistered + self->n_deleted > 0);

  self->finished = TRUE;
  gtk_stack_set_visible_child_name (self->stack, "result");
  _amigo_deregister_dialog_update_state (self);
}

static void
finish_work (AmigoDeregisterDialog *self)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  gboolean failed = FALSE;
  g_autofree char *images_text = NULL;
  g_autofree char *toast = NULL;

  amigo_action_dialog_set_busy (base, FALSE);
  for (guint i = 0; i < self->images->len; i++)
    {
      AmigoDeregisterImage *entry = g_ptr_array_index (self->images, i);

      failed |= _amigo_deregister_image_is_doable (entry) && !entry->deregistered;
    }
  for (guint i = 0; self->delete_snapshots && i < self->snapshots->len; i++)
    failed |= !((AmigoDeregisterSnapshot *) g_ptr_array_index (self->snapshots, i))->deleted;

  if (self->n_deregistered + self->n_deleted > 0)
    {
      amigo_action_context_changed (amigo_action_dialog_get_context (base));
      images_text = g_strdup_printf (ngettext ("Deregistered %u image", "Deregistered %u images",
                                               self->n_deregistered),
                                     self->n_deregistered);
      if (self->n_deleted > 0)
        /* Translators: %s is “Deregistered 2 images” */
        toast = g_strdup_printf (ngettext ("%s and deleted %u snapshot", "%s and deleted %u snapshots",
                                           self->n_deleted),
                                 images_text, self->n_deleted);
      else
        toast = g_steal_pointer (&images_text);
      amigo_action_context_toast (amigo_action_dialog_get_context (base), toast);
    }

  if (failed)
    show_result (self);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
delete_snapshot_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AmigoDeregisterDialog) self = user_data;
  AmigoDeregisterSnapshot *entry = g_ptr_array_index (self->snapshots, self->next);
  g_autoptr(GError) error = NULL;

  amigo_ec2_delete_snapshot_finish (AMIGO_EC2 (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Gone already is what was asked for. */
  if (error == NULL || amigo_aws_error_has_aws_code (error, "InvalidSnapshot.NotFound"))
    {
      entry->deleted = TRUE;
      self->n_deleted++;
    }
  else
    entry->error = describe_delete_error (error);
  self->next++;
  delete_next (self);
}

/* Whether every selected image that uses @snapshot is gone now. */
static gboolean
snapshot_is_free (AmigoDeregisterDialog   *self,
                  AmigoDeregisterSnapshot *snapshot)
{
  for (guint i = 0; i < self->images->len; i++)
    {
      AmigoDeregisterImage *entry = g_ptr_array_index (self->images, i);

      if (g_str_equal (entry->region, snapshot->region) &&
          g_ptr_array_find_with_equal_func (entry->snapshot_ids, snapshot->snapshot_id, g_str_equal, NULL) &&
          !entry->deregistered)
        return FALSE;
    }
  return TRUE;
}

static void
delete_next (AmigoDeregisterDialog *self)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);

  for (; self->delete_snapshots && self->next < self->snapshots->len; self->next++)
    {
      AmigoDeregisterSnapshot *entry = g_ptr_array_index (self->snapshots, self->next);
      g_autoptr(AmigoEc2) ec2 = NULL;
      g_autoptr(GError) error = NULL;

      if (!snapshot_is_free (self, entry))
        {
          entry->error = g_strdup (_("Kept: its image was not deregistered."));
          continue;
        }
      ec2 = amigo_action_dialog_dup_ec2 (base, entry->region, &error);
      if (ec2 == NULL)
        {
          entry->error = describe_delete_error (error);
          continue;
        }
      amigo_ec2_delete_snapshot_async (ec2, entry->snapshot_id, amigo_action_dialog_get_cancellable (base),
                                       delete_snapshot_cb, g_object_ref (self));
      return;
    }
  finish_work (self);
}

static void
deregister_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AmigoDeregisterDialog) self = user_data;
  AmigoDeregisterImage *entry = g_ptr_array_index (self->images, self->next);
  g_autoptr(GPtrArray) deletions = NULL;
  g_autoptr(GError) error = NULL;

  deletions = amigo_ec2_deregister_image_finish (AMIGO_EC2 (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (deletions != NULL)
    {
      entry->deregistered = TRUE;
      self->n_deregistered++;
    }
  else
    entry->error = describe_deregister_error (error);
  self->next++;
  deregister_next (self);
}

static void
deregister_next (AmigoDeregisterDialog *self)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);

  for (; self->next < self->images->len; self->next++)
    {
      AmigoDeregisterImage *entry = g_ptr_array_index (self->images, self->next);
      g_autoptr(AmigoEc2) ec2 = NULL;
      g_autoptr(GError) error = NULL;

      if (!_amigo_deregister_image_is_doable (entry) || entry->deregistered)
        continue;
      ec2 = amigo_action_dialog_dup_ec2 (base, entry->region, &error);
      if (ec2 == NULL)
        {
          entry->error = describe_deregister_error (error);
          continue;
        }
      /* The snapshots are deleted one by one afterwards, so that each
       * one that cannot be is known and reported. */
      amigo_ec2_deregister_image_async (ec2, entry->image_id, FALSE,
                                        amigo_action_dialog_get_cancellable (base),
                                        deregister_cb, g_object_ref (self));
      return;
    }

  self->next = 0;
  delete_next (self);
}

/**
 * _amigo_deregister_dialog_start:
 *
 * Deregisters the listed images, then deletes the listed snapshots if
 * asked (self->delete_snapshots), one by one.
 */
void
_amigo_deregister_dialog_start (AmigoDeregisterDialog *self)
{
  amigo_action_dialog_set_busy (AMIGO_ACTION_DIALOG (self), TRUE);
  self->next = 0;
  self->n_deregistered = 0;
  self->n_deleted = 0;
  gtk_stack_set_visible_child_name (self->stack, "working");
  _amigo_deregister_dialog_update_state (self);
  deregister_next (self);
}
