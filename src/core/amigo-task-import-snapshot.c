/* amigo-task-import-snapshot.c — an import as a disk snapshot, then an AMI
 *
 * The import dialog's other way in: the uploaded disk image becomes an EBS
 * snapshot (ImportSnapshot, which takes VHD, VMDK and raw disks), and
 * Amigo registers the AMI from it (RegisterImage: the snapshot as the root
 * device /dev/xvda, HVM, ENA, the chosen architecture and boot mode). The
 * task's pending work (amigo-task-upload.c) carries, in its "import"
 * object, "method": "snapshot" and the AMI's "ami_name"; once the upload
 * is done "path" and "upload" go, and the import task's id is the task's
 * resource id (followed as an image import is, amigo-task-watch-vm.c).
 * The snapshot's id is saved ("snapshot_id") before RegisterImage is
 * sent, so a restart in between registers on start.
 *
 * RegisterImage has no ClientToken (EC2 API reference). A registration
 * sent before a restart, or whose answer was lost, meets
 * InvalidAMIName.Duplicate when sent again: an image of that name whose
 * root device is our snapshot is the one made then, and the task's result.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-error.h"
#include "amigo-task-manager-private.h"
#include "amigo-task-private.h"
#include "amigo-task-upload.h"

#define ROOT_DEVICE "/dev/xvda"

/**
 * amigo_task_upload_pending_new_snapshot:
 * @path: the local disk image
 * @request: where it goes and how it is imported (its @format one of
 *   `VHD`, `VMDK`, `RAW`; @license_type, @platform and @task_tags are not
 *   ImportSnapshot's: the tags go to the AMI)
 * @ami_name: the AMI's name (amigo_ec2_validate_image_name())
 *
 * Returns: (transfer full): the pending work of an import task that
 *   imports a snapshot, then registers the AMI @ami_name from it
 */
JsonNode *
amigo_task_upload_pending_new_snapshot (const char                    *path,
                                        const AmigoImportImageRequest *request,
                                        const char                    *ami_name)
{
  JsonNode *pending;
  JsonObject *import;

  g_return_val_if_fail (ami_name != NULL, NULL);

  pending = amigo_task_upload_pending_new (path, request);
  import = json_object_get_object_member (json_node_get_object (pending), "import");
  json_object_set_string_member (import, "method", "snapshot");
  json_object_set_string_member (import, "ami_name", ami_name);
  return pending;
}

/**
 * amigo_task_upload_is_snapshot:
 *
 * Returns: whether @task is an import that makes a snapshot and registers
 *   the AMI from it (amigo_task_upload_pending_new_snapshot())
 */
gboolean
amigo_task_upload_is_snapshot (AmigoTask *task)
{
  g_return_val_if_fail (AMIGO_IS_TASK (task), FALSE);

  return amigo_task_get_kind (task) == AMIGO_TASK_KIND_IMPORT_IMAGE
         && g_strcmp0 (_amigo_task_upload_string (_amigo_task_upload_import_of (task), "method"), "snapshot") == 0;
}

/**
 * amigo_task_upload_get_snapshot_id:
 *
 * Returns: (nullable): the snapshot the import made, once it is done and
 *   the AMI not yet registered
 */
const char *
amigo_task_upload_get_snapshot_id (AmigoTask *task)
{
  g_return_val_if_fail (AMIGO_IS_TASK (task), NULL);

  return _amigo_task_upload_string (_amigo_task_upload_import_of (task), "snapshot_id");
}

/* ---- RegisterImage from the snapshot ------------------------------------ */

static void register_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data);

static void
registered (Watch      *watch,
            const char *image_id)
{
  amigo_task_set_pending (watch->task, NULL);
  _amigo_task_set_percent (watch->task, 100);
  _amigo_task_watch_finish (watch, AMIGO_TASK_STATE_SUCCEEDED, image_id);
}

static void
register_failed (Watch        *watch,
                 const GError *error)
{
  g_autofree char *message = NULL;

  /* Translators: the first %s is a snapshot id, the second why AWS refused */
  message = g_strdup_printf (_("The disk is imported as snapshot %s, but the image could not be registered: %s"),
                             amigo_task_upload_get_snapshot_id (watch->task), error->message);
  _amigo_task_watch_finish (watch, AMIGO_TASK_STATE_FAILED, message);
}

/* Whether @image has our snapshot as its root device. */
static gboolean
image_is_ours (AmigoImage *image,
               const char *snapshot_id)
{
  const AmigoBlockDeviceMapping *mappings;
  guint n = 0;

  mappings = amigo_image_get_block_device_mappings (image, &n);
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (mappings[i].device_name, amigo_image_get_root_device_name (image)) == 0)
      return mappings[i].has_ebs && g_strcmp0 (mappings[i].ebs.snapshot_id, snapshot_id) == 0;
  return FALSE;
}

typedef struct {
  Watch *watch;
  GError *duplicate;
} Lookup;

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Lookup *lookup = user_data;
  g_autoptr(Watch) watch = lookup->watch;
  g_autoptr(GError) duplicate = lookup->duplicate;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoImage) image = NULL;

  g_free (lookup);
  image = amigo_ec2_find_own_image_by_name_finish (AMIGO_EC2 (source), result, &error);
  if (_amigo_task_watch_is_stopped (watch))
    return;
  watch->in_flight = FALSE;
  if (image != NULL && image_is_ours (image, amigo_task_upload_get_snapshot_id (watch->task)))
    {
      g_debug ("task %s: the image %s was registered from the snapshot before",
               amigo_task_get_title (watch->task), amigo_image_get_image_id (image));
      registered (watch, amigo_image_get_image_id (image));
      return;
    }
  register_failed (watch, duplicate);
}

static void
register_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Watch) watch = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *image_id = NULL;

  image_id = amigo_ec2_register_image_finish (AMIGO_EC2 (source), result, NULL, &error);
  if (_amigo_task_watch_is_stopped (watch))
    return;
  if (image_id != NULL)
    {
      watch->in_flight = FALSE;
      registered (watch, image_id);
      return;
    }
  if (amigo_aws_error_has_aws_code (error, "InvalidAMIName.Duplicate"))
    {
      Lookup *lookup = g_new0 (Lookup, 1);

      lookup->watch = g_steal_pointer (&watch);
      lookup->duplicate = g_steal_pointer (&error);
      amigo_ec2_find_own_image_by_name_async (AMIGO_EC2 (source), _amigo_task_upload_string (_amigo_task_upload_import_of (lookup->watch->task),
                                                                                 "ami_name"),
                                              lookup->watch->cancellable, lookup_cb, lookup);
      return;
    }
  watch->in_flight = FALSE;
  register_failed (watch, error);
}

static void
send_register (Watch *watch)
{
  JsonObject *import = _amigo_task_upload_import_of (watch->task);
  g_autoptr(GArray) tags = g_array_new (FALSE, TRUE, sizeof (AmigoEc2Tag));
  AmigoImportImageRequest saved;
  AmigoRegisterImageRequest request = {
    .name = _amigo_task_upload_string (import, "ami_name"),
    .root_device_name = ROOT_DEVICE,
    .virtualization_type = "hvm",
    .ena_support = TRUE,
    .root_snapshot_id = amigo_task_upload_get_snapshot_id (watch->task),
  };

  if (!_amigo_task_upload_read_request (import, &saved, tags) || request.name == NULL)
    {
      _amigo_task_watch_finish (watch, AMIGO_TASK_STATE_FAILED, _("The saved import cannot be read."));
      return;
    }
  request.description = saved.description;
  request.architecture = saved.architecture;
  request.boot_mode = saved.boot_mode;
  /* ImportSnapshot takes no tags of ours: the dialog's go to the AMI. */
  request.image_tags = saved.task_tags;
  request.n_image_tags = saved.n_task_tags;

  _amigo_task_set_message (watch->task, _("The disk is imported; registering the image…"));
  _amigo_task_set_percent (watch->task, 100);
  amigo_ec2_register_image_async (watch->ec2, &request, watch->cancellable, register_cb,
                                  _amigo_task_watch_ref (watch));
}

/* The import task made @snapshot_id: saved (a restart from here on
 * registers), then RegisterImage. */
void
_amigo_task_watch_register_snapshot (Watch      *watch,
                                     const char *snapshot_id)
{
  JsonObject *import = _amigo_task_upload_import_of (watch->task);

  if (import == NULL || snapshot_id == NULL)
    {
      _amigo_task_watch_finish (watch, AMIGO_TASK_STATE_FAILED, _("The saved import cannot be read."));
      return;
    }
  json_object_set_string_member (import, "snapshot_id", snapshot_id);
  _amigo_task_manager_save (watch->manager);
  send_register (watch);
}

/* Polls a snapshot import: TRUE when @watch's task is one (registering
 * at once when its snapshot is known), else FALSE. */
gboolean
_amigo_task_watch_poll_import_snapshot (Watch               *watch,
                                        GAsyncReadyCallback  tasks_cb)
{
  const char *ids[2] = { amigo_task_get_resource_ids (watch->task)[0], NULL };

  if (!amigo_task_upload_is_snapshot (watch->task))
    return FALSE;
  if (amigo_task_upload_get_snapshot_id (watch->task) != NULL)
    send_register (watch);
  else
    amigo_ec2_describe_import_snapshot_tasks_async (watch->ec2, ids, watch->cancellable,
                                                    tasks_cb, _amigo_task_watch_ref (watch));
  return TRUE;
}
