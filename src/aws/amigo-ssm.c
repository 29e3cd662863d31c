/* amigo-ssm.c — AWS Systems Manager Parameter Store: reading parameters
 *
 * An #AmigoService over the SSM model (amigo-ssm-model.h, generated from
 * src/aws/models/ssm.json), speaking AWS
 * JSON 1.1; each operation is one _async/_finish pair over
 * amigo_service_call_async().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "amigo-service-pages.h"
#include "amigo-ssm.h"
#include "amigo-ssm-model.h"

struct _AmigoSsm
{
  AmigoService parent_instance;
};

AMIGO_DEFINE_SERVICE (AmigoSsm, amigo_ssm, AMIGO_TYPE_SSM, &amigo_ssm_model, "ssm")

G_DEFINE_BOXED_TYPE (AmigoSsmParameter, amigo_ssm_parameter,
                     amigo_ssm_parameter_copy, amigo_ssm_parameter_free)

/**
 * amigo_ssm_parameter_copy:
 * @self: a parameter
 *
 * Returns: (transfer full): a deep copy
 */
AmigoSsmParameter *
amigo_ssm_parameter_copy (const AmigoSsmParameter *self)
{
  AmigoSsmParameter *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (AmigoSsmParameter, 1);
  copy->name = g_strdup (self->name);
  copy->value = g_strdup (self->value);
  copy->version = self->version;
  copy->last_modified_usec = self->last_modified_usec;
  return copy;
}

/**
 * amigo_ssm_parameter_free:
 * @self: (transfer full) (nullable): a parameter
 */
void
amigo_ssm_parameter_free (AmigoSsmParameter *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->value);
  g_free (self);
}

/* The parameters of an answer's `Parameters`, appended to @into. */
static void
collect_parameters (JsonObject *answer,
                    GPtrArray  *into)
{
  JsonArray *list;

  if (!json_object_has_member (answer, "Parameters"))
    return;
  list = json_object_get_array_member (answer, "Parameters");
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *p = json_array_get_object_element (list, i);
      AmigoSsmParameter *parameter;

      if (p == NULL || !json_object_has_member (p, "Name"))
        continue;
      parameter = g_new0 (AmigoSsmParameter, 1);
      parameter->name = g_strdup (json_object_get_string_member (p, "Name"));
      parameter->value = g_strdup (json_object_get_string_member_with_default (p, "Value", NULL));
      parameter->version = json_object_get_int_member_with_default (p, "Version", -1);
      if (json_object_has_member (p, "LastModifiedDate"))
        parameter->last_modified_usec =
          (gint64) (json_object_get_double_member (p, "LastModifiedDate") * G_USEC_PER_SEC);
      g_ptr_array_add (into, parameter);
    }
}

/* ---- GetParametersByPath --------------------------------------------- */

/**
 * amigo_ssm_get_parameters_by_path_async:
 * @self: an #AmigoSsm
 * @path: the hierarchy to list, e.g. `/aws/service/canonical/ubuntu/server`
 * @recursive: also the parameters of the levels below @path
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every page has been read
 * @user_data: data for @callback
 *
 * GetParametersByPath, every page (`NextToken`).
 */
void
amigo_ssm_get_parameters_by_path_async (AmigoSsm            *self,
                                        const char          *path,
                                        gboolean             recursive,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_if_fail (AMIGO_IS_SSM (self));
  g_return_if_fail (path != NULL && path[0] == '/');

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Path");
  json_builder_add_string_value (builder, path);
  json_builder_set_member_name (builder, "Recursive");
  json_builder_add_boolean_value (builder, recursive);
  json_builder_set_member_name (builder, "MaxResults");
  json_builder_add_int_value (builder, AMIGO_SSM_BY_PATH_PAGE_SIZE);
  json_builder_end_object (builder);
  amigo_service_call_pages_async (AMIGO_SERVICE (self), &amigo_ssm_op_get_parameters_by_path,
                                  json_builder_get_root (builder), collect_parameters,
                                  (GDestroyNotify) amigo_ssm_parameter_free,
                                  g_strdup_printf (_("Systems Manager kept answering more pages of %s. "
                                                     "Try again later."), path),
                                  amigo_ssm_get_parameters_by_path_async,
                                  cancellable, callback, user_data);
}

/**
 * amigo_ssm_get_parameters_by_path_finish:
 *
 * Returns: (transfer container) (element-type AmigoSsmParameter) (nullable):
 *   the parameters, or %NULL with @error set
 */
GPtrArray *
amigo_ssm_get_parameters_by_path_finish (AmigoSsm      *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- GetParameters --------------------------------------------------- */

typedef struct {
  GStrv names;
  guint next;                   /* the first name not asked yet */
  GPtrArray *parameters;
} GetOp;

static void
get_op_free (gpointer data)
{
  GetOp *op = data;

  g_strfreev (op->names);
  g_ptr_array_unref (op->parameters);
  g_free (op);
}

static void get_send (GTask *task);

static void
get_cb (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  GTask *task = user_data;
  GetOp *op = g_task_get_task_data (task);
  g_autoptr(JsonNode) answer = NULL;
  GError *error = NULL;

  answer = amigo_service_call_finish (AMIGO_SERVICE (source), result, &error);
  if (answer == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  collect_parameters (json_node_get_object (answer), op->parameters);
  if (op->names[op->next] != NULL)
    {
      get_send (task);
      return;
    }
  g_task_return_pointer (task, g_ptr_array_ref (op->parameters), (GDestroyNotify) g_ptr_array_unref);
  g_object_unref (task);
}

static void
get_send (GTask *task)
{
  GetOp *op = g_task_get_task_data (task);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) params = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Names");
  json_builder_begin_array (builder);
  for (guint i = 0; i < AMIGO_SSM_GET_PARAMETERS_MAX_NAMES && op->names[op->next] != NULL; i++)
    json_builder_add_string_value (builder, op->names[op->next++]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  params = json_builder_get_root (builder);

  amigo_service_call_async (AMIGO_SERVICE (g_task_get_source_object (task)),
                            &amigo_ssm_op_get_parameters, params,
                            g_task_get_cancellable (task), get_cb, task);
}

/**
 * amigo_ssm_get_parameters_async:
 * @self: an #AmigoSsm
 * @names: (array zero-terminated=1): the parameters' names (any number:
 *   asked ten at a time)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every name has been asked
 * @user_data: data for @callback
 *
 * GetParameters. Names SSM does not know are left out of the answer.
 */
void
amigo_ssm_get_parameters_async (AmigoSsm            *self,
                                const char * const  *names,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;
  GetOp *op;

  g_return_if_fail (AMIGO_IS_SSM (self));
  g_return_if_fail (names != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_ssm_get_parameters_async);
  op = g_new0 (GetOp, 1);
  op->names = g_strdupv ((char **) names);
  op->parameters = g_ptr_array_new_with_free_func ((GDestroyNotify) amigo_ssm_parameter_free);
  g_task_set_task_data (task, op, get_op_free);
  if (op->names[0] == NULL)
    {
      g_task_return_pointer (task, g_ptr_array_ref (op->parameters), (GDestroyNotify) g_ptr_array_unref);
      g_object_unref (task);
      return;
    }
  get_send (task);
}

/**
 * amigo_ssm_get_parameters_finish:
 *
 * Returns: (transfer container) (element-type AmigoSsmParameter) (nullable):
 *   the parameters found, or %NULL with @error set
 */
GPtrArray *
amigo_ssm_get_parameters_finish (AmigoSsm      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
