/* amigo-action-context.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-action-context.h"
#include "amigo-image-store.h"

struct _AmigoActionContext
{
  GObject parent_instance;

  AmigoAccount *account;
  AmigoClient *client;
  char *region;
  GPtrArray *images;
  AmigoTaskManager *tasks;
  char *image_parameter;        /* the public parameter naming the image, or NULL */
};

G_DEFINE_FINAL_TYPE (AmigoActionContext, amigo_action_context, G_TYPE_OBJECT)

enum {
  CHANGED,
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
amigo_action_context_dispose (GObject *object)
{
  AmigoActionContext *self = AMIGO_ACTION_CONTEXT (object);

  g_clear_object (&self->account);
  g_clear_object (&self->client);
  g_clear_pointer (&self->images, g_ptr_array_unref);
  g_clear_object (&self->tasks);

  G_OBJECT_CLASS (amigo_action_context_parent_class)->dispose (object);
}

static void
amigo_action_context_finalize (GObject *object)
{
  AmigoActionContext *self = AMIGO_ACTION_CONTEXT (object);

  g_free (self->region);
  g_free (self->image_parameter);

  G_OBJECT_CLASS (amigo_action_context_parent_class)->finalize (object);
}

static void
amigo_action_context_class_init (AmigoActionContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = amigo_action_context_dispose;
  object_class->finalize = amigo_action_context_finalize;

  /**
   * AmigoActionContext::changed:
   *
   * An action changed something AWS lists: the window lists again.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * AmigoActionContext::toast:
   * @text: short news for the person
   */
  signals[TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
amigo_action_context_init (AmigoActionContext *self)
{
}

/**
 * amigo_action_context_new:
 * @account: the account acted for
 * @client: its client, with valid credentials
 * @region: the region the window shows (used when no image is given)
 * @images: (nullable) (element-type AmigoImage): the selected images
 * @tasks: (nullable): where long work is tracked
 *
 * Returns: (transfer full): a new context
 */
AmigoActionContext *
amigo_action_context_new (AmigoAccount     *account,
                          AmigoClient      *client,
                          const char       *region,
                          GPtrArray        *images,
                          AmigoTaskManager *tasks)
{
  AmigoActionContext *self = g_object_new (AMIGO_TYPE_ACTION_CONTEXT, NULL);

  self->account = g_object_ref (account);
  self->client = g_object_ref (client);
  self->images = images ? g_ptr_array_ref (images) : g_ptr_array_new_with_free_func (g_object_unref);
  self->tasks = tasks ? g_object_ref (tasks) : NULL;

  /* Acting on an image happens in the image's region, which "All
   * Regions" does not name. */
  if (self->images->len > 0 &&
      amigo_image_store_get_image_region (g_ptr_array_index (self->images, 0)) != NULL)
    self->region = g_strdup (amigo_image_store_get_image_region (g_ptr_array_index (self->images, 0)));
  else if (region != NULL && *region != '\0')
    self->region = g_strdup (region);
  else
    self->region = g_strdup (amigo_account_get_default_region (account));

  return self;
}

AmigoAccount *
amigo_action_context_get_account (AmigoActionContext *self)
{
  return self->account;
}

AmigoClient *
amigo_action_context_get_client (AmigoActionContext *self)
{
  return self->client;
}

/**
 * amigo_action_context_get_region:
 *
 * Returns: the region to act in: the image's, else the window's
 */
const char *
amigo_action_context_get_region (AmigoActionContext *self)
{
  return self->region;
}

/**
 * amigo_action_context_get_image:
 *
 * Returns: (transfer none) (nullable): the first selected image
 */
AmigoImage *
amigo_action_context_get_image (AmigoActionContext *self)
{
  return self->images->len > 0 ? g_ptr_array_index (self->images, 0) : NULL;
}

/**
 * amigo_action_context_set_image_parameter:
 * @parameter: (nullable): the Systems Manager public parameter whose value
 *   is the image (a Quick Start image's), e.g.
 *   `/aws/service/debian/release/12/latest/amd64`
 *
 * Lets a launch, or a launch template saved from it, name the parameter
 * instead of the image id, so that it always takes the newest image.
 */
void
amigo_action_context_set_image_parameter (AmigoActionContext *self,
                                          const char         *parameter)
{
  g_return_if_fail (AMIGO_IS_ACTION_CONTEXT (self));
  g_free (self->image_parameter);
  self->image_parameter = g_strdup (parameter);
}

/**
 * amigo_action_context_get_image_parameter:
 *
 * Returns: (nullable): the public parameter naming the image, if known
 */
const char *
amigo_action_context_get_image_parameter (AmigoActionContext *self)
{
  g_return_val_if_fail (AMIGO_IS_ACTION_CONTEXT (self), NULL);
  return self->image_parameter;
}

/**
 * amigo_action_context_get_images:
 *
 * Returns: (transfer none) (element-type AmigoImage): every selected image
 */
GPtrArray *
amigo_action_context_get_images (AmigoActionContext *self)
{
  return self->images;
}

/**
 * amigo_action_context_get_tasks:
 *
 * Returns: (transfer none) (nullable): the task manager
 */
AmigoTaskManager *
amigo_action_context_get_tasks (AmigoActionContext *self)
{
  return self->tasks;
}

/**
 * amigo_action_context_dup_ec2:
 * @region: (nullable): a region, or %NULL for the context's
 *
 * Returns: (transfer full): EC2 in that region for the account
 */
AmigoEc2 *
amigo_action_context_dup_ec2 (AmigoActionContext  *self,
                              const char          *region,
                              GError             **error)
{
  return amigo_ec2_new_for_account (self->account, self->client,
                                    region ? region : self->region, error);
}

/**
 * amigo_action_context_add_task:
 * @region: (nullable): where the work happens, or %NULL for the context's
 * @resource_ids: the image id, or the instance ids of a launch
 * @title: what the task list shows
 * @pending: (nullable): what the task manager still has to do before
 *   following the task (amigo_task_set_pending())
 *
 * Hands long work to the task list, for the context's account. Does
 * nothing when there is no task manager (dialogs opened by tests).
 */
void
amigo_action_context_add_task (AmigoActionContext *self,
                               AmigoTaskKind       kind,
                               const char         *region,
                               const char * const *resource_ids,
                               const char         *title,
                               JsonNode           *pending)
{
  g_autoptr(AmigoTask) task = NULL;

  if (self->tasks == NULL)
    return;
  task = amigo_task_new (kind, amigo_account_get_id (self->account),
                         region ? region : self->region, resource_ids, title);
  amigo_task_set_pending (task, pending);
  amigo_task_manager_add (self->tasks, task);
}

void
amigo_action_context_changed (AmigoActionContext *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

void
amigo_action_context_toast (AmigoActionContext *self,
                            const char         *text)
{
  g_signal_emit (self, signals[TOAST], 0, text);
}
