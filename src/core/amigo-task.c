/* amigo-task.c — long work AWS does for us, watched until it ends
 *
 * A task is a record of what was asked (kind, account, region, resource
 * ids, title) and of what AWS last said about it (state, percent,
 * message). Only AmigoTaskManager changes the latter, through
 * amigo-task-private.h (amigo_task_restore_state() restores them from a
 * saved record); widgets bind to the properties.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-endpoint.h"
#include "amigo-task-private.h"
#include "amigo-task-upload.h"

struct _AmigoTask
{
  GObject parent_instance;

  AmigoTaskKind kind;
  char *account_id;
  char *region;
  char **resource_ids;
  JsonNode *pending;
  char *title;
  AmigoTaskState state;
  int percent;
  char *message;
  gint64 started;
  gint64 finished;
};

G_DEFINE_FINAL_TYPE (AmigoTask, amigo_task, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (AmigoTaskKind, amigo_task_kind,
  G_DEFINE_ENUM_VALUE (AMIGO_TASK_KIND_CREATE_IMAGE, "create-image"),
  G_DEFINE_ENUM_VALUE (AMIGO_TASK_KIND_REGISTER_IMAGE, "register-image"),
  G_DEFINE_ENUM_VALUE (AMIGO_TASK_KIND_COPY_IMAGE, "copy-image"),
  G_DEFINE_ENUM_VALUE (AMIGO_TASK_KIND_LAUNCH, "launch"),
  G_DEFINE_ENUM_VALUE (AMIGO_TASK_KIND_IMPORT_IMAGE, "import-image"),
  G_DEFINE_ENUM_VALUE (AMIGO_TASK_KIND_EXPORT_IMAGE, "export-image"),
  G_DEFINE_ENUM_VALUE (AMIGO_TASK_KIND_STORE_IMAGE, "store-image"),
  G_DEFINE_ENUM_VALUE (AMIGO_TASK_KIND_RESTORE_IMAGE, "restore-image"),
  G_DEFINE_ENUM_VALUE (AMIGO_TASK_KIND_INSTANCE_REFRESH, "instance-refresh"))

G_DEFINE_ENUM_TYPE (AmigoTaskState, amigo_task_state,
  G_DEFINE_ENUM_VALUE (AMIGO_TASK_STATE_RUNNING, "running"),
  G_DEFINE_ENUM_VALUE (AMIGO_TASK_STATE_SUCCEEDED, "succeeded"),
  G_DEFINE_ENUM_VALUE (AMIGO_TASK_STATE_FAILED, "failed"),
  G_DEFINE_ENUM_VALUE (AMIGO_TASK_STATE_CANCELLED, "cancelled"))

enum {
  PROP_0,
  PROP_KIND,
  PROP_ACCOUNT_ID,
  PROP_REGION,
  PROP_RESOURCE_IDS,
  PROP_TITLE,
  PROP_STATE,
  PROP_PERCENT,
  PROP_MESSAGE,
  PROP_STARTED,
  PROP_FINISHED,
  PROP_CAN_CANCEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- names ----------------------------------------------------------- */

static const char *
enum_nick (GType type,
           int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value (klass, value);

  return found != NULL ? found->value_nick : NULL;
}

static gboolean
enum_from_nick (GType       type,
                const char *text,
                int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *found;

  if (text == NULL)
    return FALSE;
  klass = g_type_class_ref (type);
  found = g_enum_get_value_by_nick (klass, text);
  if (found == NULL)
    return FALSE;
  *value = found->value;
  return TRUE;
}

const char *
_amigo_task_kind_to_string (AmigoTaskKind kind)
{
  return enum_nick (AMIGO_TYPE_TASK_KIND, kind);
}

gboolean
_amigo_task_kind_from_string (const char    *text,
                              AmigoTaskKind *kind)
{
  int value;

  if (!enum_from_nick (AMIGO_TYPE_TASK_KIND, text, &value))
    return FALSE;
  *kind = value;
  return TRUE;
}

const char *
_amigo_task_state_to_string (AmigoTaskState state)
{
  return enum_nick (AMIGO_TYPE_TASK_STATE, state);
}

gboolean
_amigo_task_state_from_string (const char     *text,
                               AmigoTaskState *state)
{
  int value;

  if (!enum_from_nick (AMIGO_TYPE_TASK_STATE, text, &value))
    return FALSE;
  *state = value;
  return TRUE;
}

/* ---- GObject --------------------------------------------------------- */

static void
amigo_task_finalize (GObject *object)
{
  AmigoTask *self = AMIGO_TASK (object);

  g_free (self->account_id);
  g_free (self->region);
  g_strfreev (self->resource_ids);
  g_clear_pointer (&self->pending, json_node_unref);
  g_free (self->title);
  g_free (self->message);

  G_OBJECT_CLASS (amigo_task_parent_class)->finalize (object);
}

static void
amigo_task_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AmigoTask *self = AMIGO_TASK (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_ACCOUNT_ID:
      g_value_set_string (value, self->account_id);
      break;
    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;
    case PROP_RESOURCE_IDS:
      g_value_set_boxed (value, self->resource_ids);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_PERCENT:
      g_value_set_int (value, self->percent);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    case PROP_STARTED:
      g_value_set_int64 (value, self->started);
      break;
    case PROP_FINISHED:
      g_value_set_int64 (value, self->finished);
      break;
    case PROP_CAN_CANCEL:
      g_value_set_boolean (value, amigo_task_get_can_cancel (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amigo_task_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  AmigoTask *self = AMIGO_TASK (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_ACCOUNT_ID:
      self->account_id = g_value_dup_string (value);
      break;
    case PROP_REGION:
      self->region = g_value_dup_string (value);
      break;
    case PROP_RESOURCE_IDS:
      self->resource_ids = g_value_dup_boxed (value);
      break;
    case PROP_TITLE:
      self->title = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
amigo_task_constructed (GObject *object)
{
  AmigoTask *self = AMIGO_TASK (object);

  G_OBJECT_CLASS (amigo_task_parent_class)->constructed (object);

  if (self->resource_ids == NULL)
    self->resource_ids = g_new0 (char *, 1);
  if (self->title == NULL)
    self->title = g_strdup (self->resource_ids[0] ? self->resource_ids[0] : "");
}

static void
amigo_task_class_init (AmigoTaskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags read_only = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = amigo_task_finalize;
  object_class->get_property = amigo_task_get_property;
  object_class->set_property = amigo_task_set_property;
  object_class->constructed = amigo_task_constructed;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, AMIGO_TYPE_TASK_KIND,
                       AMIGO_TASK_KIND_CREATE_IMAGE, construct);
  properties[PROP_ACCOUNT_ID] =
    g_param_spec_string ("account-id", NULL, NULL, NULL, construct);
  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL, construct);
  properties[PROP_RESOURCE_IDS] =
    g_param_spec_boxed ("resource-ids", NULL, NULL, G_TYPE_STRV, construct);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, construct);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, AMIGO_TYPE_TASK_STATE,
                       AMIGO_TASK_STATE_RUNNING, read_only);
  properties[PROP_PERCENT] =
    g_param_spec_int ("percent", NULL, NULL, -1, 100, -1, read_only);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL, read_only);
  properties[PROP_STARTED] =
    g_param_spec_int64 ("started", NULL, NULL, 0, G_MAXINT64, 0, read_only);
  properties[PROP_FINISHED] =
    g_param_spec_int64 ("finished", NULL, NULL, 0, G_MAXINT64, 0, read_only);
  properties[PROP_CAN_CANCEL] =
    g_param_spec_boolean ("can-cancel", NULL, NULL, FALSE, read_only);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
amigo_task_init (AmigoTask *self)
{
  self->state = AMIGO_TASK_STATE_RUNNING;
  self->percent = -1;
  self->started = g_get_real_time ();
}

/* ---- private setters -------------------------------------------------- */

void
_amigo_task_set_state (AmigoTask      *self,
                       AmigoTaskState  state)
{
  g_return_if_fail (AMIGO_IS_TASK (self));

  if (self->state == state)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  self->state = state;
  if (state != AMIGO_TASK_STATE_RUNNING && self->finished == 0)
    _amigo_task_set_finished (self, g_get_real_time ());
  else if (state == AMIGO_TASK_STATE_RUNNING)
    _amigo_task_set_finished (self, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_CANCEL]);
  g_object_thaw_notify (G_OBJECT (self));
}

void
_amigo_task_set_percent (AmigoTask *self,
                         int        percent)
{
  g_return_if_fail (AMIGO_IS_TASK (self));

  percent = CLAMP (percent, -1, 100);
  if (self->percent == percent)
    return;
  self->percent = percent;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERCENT]);
}

void
_amigo_task_set_message (AmigoTask  *self,
                         const char *message)
{
  g_return_if_fail (AMIGO_IS_TASK (self));

  if (message != NULL && *message == '\0')
    message = NULL;
  if (g_strcmp0 (self->message, message) == 0)
    return;
  g_free (self->message);
  self->message = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

void
_amigo_task_set_started (AmigoTask *self,
                         gint64     started)
{
  g_return_if_fail (AMIGO_IS_TASK (self));

  if (self->started == started)
    return;
  self->started = started;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STARTED]);
}

void
_amigo_task_set_finished (AmigoTask *self,
                          gint64     finished)
{
  g_return_if_fail (AMIGO_IS_TASK (self));

  if (self->finished == finished)
    return;
  self->finished = finished;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINISHED]);
}

/* ---- public API ------------------------------------------------------ */

/**
 * amigo_task_new:
 * @kind: what AWS is doing
 * @account_id: the id of the account (amigo_account_get_id()) it runs in
 * @region: the region of the resources
 * @resource_ids: (array zero-terminated=1): the image id (image kinds) or
 *   the instance ids (launch)
 * @title: (nullable): what the task list shows, e.g. "Copy “web” to Seoul";
 *   %NULL for the first resource id
 *
 * Returns: (transfer full): a running task, started now; hand it to
 *   amigo_task_manager_add() to have it watched
 */
AmigoTask *
amigo_task_new (AmigoTaskKind       kind,
                const char         *account_id,
                const char         *region,
                const char * const *resource_ids,
                const char         *title)
{
  g_return_val_if_fail (account_id != NULL, NULL);
  g_return_val_if_fail (region != NULL, NULL);
  g_return_val_if_fail (resource_ids != NULL && resource_ids[0] != NULL, NULL);

  return g_object_new (AMIGO_TYPE_TASK,
                       "kind", kind,
                       "account-id", account_id,
                       "region", region,
                       "resource-ids", resource_ids,
                       "title", title,
                       NULL);
}

/**
 * amigo_task_restore_state:
 * @self: a task just made with amigo_task_new()
 * @state: where it is: %AMIGO_TASK_STATE_RUNNING, or how it ended
 * @message: (nullable): what AWS last said about it, e.g. why it failed
 * @started: when it began (wall clock, µs), 0 for now
 * @finished: when it ended (wall clock, µs), 0 for now; ignored while
 *   @state is %AMIGO_TASK_STATE_RUNNING
 *
 * Puts a task where a record of it says, as the task state file keeps one
 * across restarts. A task that succeeded is at 100 %. A running one then
 * goes to amigo_task_manager_add() to be watched again.
 */
void
amigo_task_restore_state (AmigoTask      *self,
                          AmigoTaskState  state,
                          const char     *message,
                          gint64          started,
                          gint64          finished)
{
  g_return_if_fail (AMIGO_IS_TASK (self));

  if (started != 0)
    _amigo_task_set_started (self, started);
  _amigo_task_set_message (self, message);
  if (state != AMIGO_TASK_STATE_RUNNING)
    {
      _amigo_task_set_finished (self, finished);
      _amigo_task_set_state (self, state);
      if (state == AMIGO_TASK_STATE_SUCCEEDED)
        _amigo_task_set_percent (self, 100);
    }
}

AmigoTaskKind
amigo_task_get_kind (AmigoTask *self)
{
  g_return_val_if_fail (AMIGO_IS_TASK (self), 0);
  return self->kind;
}

const char *
amigo_task_get_title (AmigoTask *self)
{
  g_return_val_if_fail (AMIGO_IS_TASK (self), NULL);
  return self->title;
}

const char *
amigo_task_get_account_id (AmigoTask *self)
{
  g_return_val_if_fail (AMIGO_IS_TASK (self), NULL);
  return self->account_id;
}

const char *
amigo_task_get_region (AmigoTask *self)
{
  g_return_val_if_fail (AMIGO_IS_TASK (self), NULL);
  return self->region;
}

/**
 * amigo_task_get_resource_ids:
 *
 * Returns: (transfer none) (array zero-terminated=1): the image id or the
 *   instance ids
 */
const char * const *
amigo_task_get_resource_ids (AmigoTask *self)
{
  g_return_val_if_fail (AMIGO_IS_TASK (self), NULL);
  return (const char * const *) self->resource_ids;
}

AmigoTaskState
amigo_task_get_state (AmigoTask *self)
{
  g_return_val_if_fail (AMIGO_IS_TASK (self), 0);
  return self->state;
}

int
amigo_task_get_percent (AmigoTask *self)
{
  g_return_val_if_fail (AMIGO_IS_TASK (self), -1);
  return self->percent;
}

/**
 * amigo_task_get_message:
 *
 * Returns: (nullable): what AWS last said (a state reason, or the last
 *   polling error while it keeps trying)
 */
const char *
amigo_task_get_message (AmigoTask *self)
{
  g_return_val_if_fail (AMIGO_IS_TASK (self), NULL);
  return self->message;
}

/**
 * amigo_task_get_started:
 *
 * Returns: when the task started, in µs since the epoch (g_get_real_time())
 */
gint64
amigo_task_get_started (AmigoTask *self)
{
  g_return_val_if_fail (AMIGO_IS_TASK (self), 0);
  return self->started;
}

gint64
amigo_task_get_finished (AmigoTask *self)
{
  g_return_val_if_fail (AMIGO_IS_TASK (self), 0);
  return self->finished;
}

gboolean
amigo_task_get_can_cancel (AmigoTask *self)
{
  g_return_val_if_fail (AMIGO_IS_TASK (self), FALSE);

  /* Deregistering a pending copy is AWS's documented way to stop it;
   * CancelImportTask stops an import. */
  return (self->kind == AMIGO_TASK_KIND_COPY_IMAGE || self->kind == AMIGO_TASK_KIND_IMPORT_IMAGE
          || self->kind == AMIGO_TASK_KIND_INSTANCE_REFRESH)
         && self->state == AMIGO_TASK_STATE_RUNNING
         /* A snapshot import that is done: only RegisterImage is left. */
         && amigo_task_upload_get_snapshot_id (self) == NULL;
}

gboolean
amigo_task_get_can_roll_back (AmigoTask *self)
{
  g_return_val_if_fail (AMIGO_IS_TASK (self), FALSE);

  return self->kind == AMIGO_TASK_KIND_INSTANCE_REFRESH && self->state == AMIGO_TASK_STATE_RUNNING;
}

/**
 * amigo_task_get_result_image_id:
 *
 * Returns: (transfer none) (nullable): the image a task that succeeded
 *   made: an import's AMI (kept as its message), the image of the image
 *   kinds; %NULL for launches, exports and stores, or before success
 */
const char *
amigo_task_get_result_image_id (AmigoTask *self)
{
  g_return_val_if_fail (AMIGO_IS_TASK (self), NULL);

  if (self->state != AMIGO_TASK_STATE_SUCCEEDED)
    return NULL;
  switch (self->kind)
    {
    case AMIGO_TASK_KIND_IMPORT_IMAGE:
      return self->message;
    case AMIGO_TASK_KIND_CREATE_IMAGE:
    case AMIGO_TASK_KIND_REGISTER_IMAGE:
    case AMIGO_TASK_KIND_COPY_IMAGE:
    case AMIGO_TASK_KIND_RESTORE_IMAGE:
      return self->resource_ids[0];
    case AMIGO_TASK_KIND_LAUNCH:
    case AMIGO_TASK_KIND_EXPORT_IMAGE:
    case AMIGO_TASK_KIND_STORE_IMAGE:
    case AMIGO_TASK_KIND_INSTANCE_REFRESH:
    default:
      return NULL;
    }
}

/**
 * amigo_task_get_result_location:
 *
 * Returns: (transfer none) (nullable): where an export's file or a stored
 *   image is (`s3://bucket/key`), once the task succeeded
 */
const char *
amigo_task_get_result_location (AmigoTask *self)
{
  g_return_val_if_fail (AMIGO_IS_TASK (self), NULL);

  if (self->state != AMIGO_TASK_STATE_SUCCEEDED
      || (self->kind != AMIGO_TASK_KIND_EXPORT_IMAGE && self->kind != AMIGO_TASK_KIND_STORE_IMAGE)
      || g_strv_length (self->resource_ids) < 2)
    return NULL;
  return self->resource_ids[1];
}

/**
 * amigo_task_get_cancel_hint:
 *
 * Returns: (transfer none): what cancelling does, or why it is not
 *   possible, in a sentence for a tooltip
 */
const char *
amigo_task_get_cancel_hint (AmigoTask *self)
{
  g_return_val_if_fail (AMIGO_IS_TASK (self), NULL);

  if (self->state != AMIGO_TASK_STATE_RUNNING)
    return _("The task has ended");

  switch (self->kind)
    {
    case AMIGO_TASK_KIND_COPY_IMAGE:
      return _("Stop the copy and deregister the unfinished image");
    case AMIGO_TASK_KIND_CREATE_IMAGE:
    case AMIGO_TASK_KIND_REGISTER_IMAGE:
    case AMIGO_TASK_KIND_RESTORE_IMAGE:
      return _("AWS cannot stop an image being made; deregister it once it is available if you do not want it");
    case AMIGO_TASK_KIND_IMPORT_IMAGE:
      if (amigo_task_upload_get_snapshot_id (self) != NULL)
        return _("The disk is imported; deregister the image once it is registered if you do not want it");
      return _("Stop the import; nothing is registered");
    case AMIGO_TASK_KIND_EXPORT_IMAGE:
      return _("AWS cannot stop an export; delete the file from the bucket once it is written if you do not want it");
    case AMIGO_TASK_KIND_STORE_IMAGE:
      return _("AWS cannot stop storing an image; delete the object from the bucket once it is written if you do not want it");
    case AMIGO_TASK_KIND_LAUNCH:
      return _("Launching cannot be undone here; terminate the instances once they run if you do not want them");
    case AMIGO_TASK_KIND_INSTANCE_REFRESH:
      return _("Stop replacing instances; those already replaced keep the new image");
    default:
      g_assert_not_reached ();
    }
}

/**
 * amigo_task_state_to_label:
 *
 * Returns: (transfer none): the state in a word, for a badge
 */
const char *
amigo_task_state_to_label (AmigoTaskState state)
{
  switch (state)
    {
    case AMIGO_TASK_STATE_RUNNING:
      return C_("task state", "In Progress");
    case AMIGO_TASK_STATE_SUCCEEDED:
      return C_("task state", "Completed");
    case AMIGO_TASK_STATE_FAILED:
      return C_("task state", "Failed");
    case AMIGO_TASK_STATE_CANCELLED:
      return C_("task state", "Cancelled");
    default:
      return _("Unknown");
    }
}

static const char *
region_name (const char *code)
{
  const AmigoRegionInfo *info = amigo_region_lookup (code);

  return info != NULL ? amigo_region_info_get_display_name (info) : code;
}

/**
 * amigo_task_dup_outcome:
 *
 * Returns: (transfer full): how the task ended (or its state while it
 *   runs), in a sentence for a notification or a toast
 */
char *
amigo_task_dup_outcome (AmigoTask *self)
{
  g_autofree char *ids = NULL;
  guint n_ids;

  g_return_val_if_fail (AMIGO_IS_TASK (self), NULL);

  n_ids = g_strv_length (self->resource_ids);
  ids = g_strjoinv (", ", self->resource_ids);

  switch (self->state)
    {
    case AMIGO_TASK_STATE_SUCCEEDED:
      if (self->kind == AMIGO_TASK_KIND_LAUNCH)
        /* Translators: %s is one instance id, or several separated by commas */
        return g_strdup_printf (ngettext ("Instance %s is running.",
                                          "Instances %s are running.", n_ids), ids);
      if (self->kind == AMIGO_TASK_KIND_COPY_IMAGE)
        /* Translators: "The copy ami-0123 is available in Asia Pacific (Seoul)." */
        return g_strdup_printf (_("The copy %s is available in %s."), ids, region_name (self->region));
      if (self->kind == AMIGO_TASK_KIND_IMPORT_IMAGE && self->message != NULL)
        /* Translators: %s is the id of the image the import made */
        return g_strdup_printf (_("Imported as image %s."), self->message);
      if ((self->kind == AMIGO_TASK_KIND_EXPORT_IMAGE || self->kind == AMIGO_TASK_KIND_STORE_IMAGE)
          && n_ids > 1)
        /* Translators: %s is where the file is, e.g. s3://my-bucket/exports/export-ami-0123.vmdk */
        return g_strdup_printf (_("Written to %s."), self->resource_ids[1]);
      if (self->kind == AMIGO_TASK_KIND_INSTANCE_REFRESH)
        /* Translators: %s is an Auto Scaling group's name */
        return g_strdup_printf (_("The instances of group %s are replaced."), self->resource_ids[0]);
      /* Translators: %s is an image id */
      return g_strdup_printf (_("Image %s is available."), ids);
    case AMIGO_TASK_STATE_FAILED:
      if (self->message != NULL)
        /* Translators: %s is what AWS said went wrong */
        return g_strdup_printf (_("Failed: %s"), self->message);
      return g_strdup (_("Failed."));
    case AMIGO_TASK_STATE_CANCELLED:
      if (self->kind == AMIGO_TASK_KIND_INSTANCE_REFRESH && self->message != NULL)
        return g_strdup (self->message);
      return g_strdup (_("Cancelled."));
    case AMIGO_TASK_STATE_RUNNING:
    default:
      return g_strdup (amigo_task_state_to_label (self->state));
    }
}

/**
 * amigo_task_dup_notification_body:
 *
 * The outcome as a desktop notification's body: GNOME Shell reads the body
 * of a notification as Pango markup (its title as plain text), and the
 * outcome holds AWS's words, so it is escaped to show as it is written.
 *
 * Returns: (transfer full): amigo_task_dup_outcome(), markup-escaped
 */
char *
amigo_task_dup_notification_body (AmigoTask *self)
{
  g_autofree char *outcome = NULL;

  g_return_val_if_fail (AMIGO_IS_TASK (self), NULL);

  outcome = amigo_task_dup_outcome (self);
  return g_markup_escape_text (outcome, -1);
}

/**
 * amigo_task_new_notification:
 *
 * Returns: (transfer full): a notification saying how the task ended: the
 *   task's title, and amigo_task_dup_notification_body() as its body
 */
GNotification *
amigo_task_new_notification (AmigoTask *self)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (AMIGO_IS_TASK (self), NULL);

  notification = g_notification_new (self->title);
  body = amigo_task_dup_notification_body (self);
  g_notification_set_body (notification, body);
  if (self->state == AMIGO_TASK_STATE_FAILED)
    g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  return g_steal_pointer (&notification);
}

/**
 * amigo_task_set_pending:
 * @pending: (nullable): what Amigo itself still has to do before AWS's
 *   task exists (an import's upload: see amigo-task-upload.c), or %NULL
 *
 * Kept in the state file with the task while it runs.
 */
void
amigo_task_set_pending (AmigoTask *self,
                        JsonNode  *pending)
{
  g_return_if_fail (AMIGO_IS_TASK (self));

  if (pending != NULL)
    json_node_ref (pending);
  g_clear_pointer (&self->pending, json_node_unref);
  self->pending = pending;
}

/* Returns: (transfer none) (nullable): see amigo_task_set_pending() */
JsonNode *
amigo_task_get_pending (AmigoTask *self)
{
  g_return_val_if_fail (AMIGO_IS_TASK (self), NULL);

  return self->pending;
}

void
_amigo_task_set_resource_ids (AmigoTask          *self,
                              const char * const *resource_ids)
{
  g_return_if_fail (AMIGO_IS_TASK (self));
  g_return_if_fail (resource_ids != NULL && resource_ids[0] != NULL);

  g_strfreev (self->resource_ids);
  self->resource_ids = g_strdupv ((char **) resource_ids);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOURCE_IDS]);
}
