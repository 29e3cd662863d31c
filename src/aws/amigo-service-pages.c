/* amigo-service-pages.c — an operation called page after page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Auto Scaling's Describe… operations and SSM's GetParametersByPath answer
 * a page and a `NextToken`; the same input with that token asks the next
 * page, until an answer has none.
 */
#include "config.h"

#include "amigo-error.h"
#include "amigo-page-guard.h"
#include "amigo-service-pages.h"

typedef struct {
  const AmigoOperation *operation;
  JsonNode *params;             /* without NextToken */
  AmigoServicePageFunc collect;
  GPtrArray *items;
  char *too_many_pages;
  AmigoPageGuard guard;
} PagesOp;

static void
pages_op_free (gpointer data)
{
  PagesOp *op = data;

  json_node_unref (op->params);
  g_ptr_array_unref (op->items);
  g_free (op->too_many_pages);
  amigo_page_guard_clear (&op->guard);
  g_free (op);
}

static void pages_send (GTask      *task,
                        const char *next_token);

static void
pages_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GTask *task = user_data;
  PagesOp *op = g_task_get_task_data (task);
  g_autoptr(JsonNode) answer = NULL;
  GError *error = NULL;
  JsonObject *obj;
  const char *next;

  answer = amigo_service_call_finish (AMIGO_SERVICE (source), result, &error);
  if (answer == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }
  obj = json_node_get_object (answer);
  op->collect (obj, op->items);
  next = json_object_get_string_member_with_default (obj, "NextToken", NULL);
  if (next != NULL && *next != '\0')
    {
      AmigoService *service = AMIGO_SERVICE (source);
      g_autofree char *who = g_strdup_printf ("%s (%s)", amigo_service_get_model (service)->signing_name,
                                              amigo_service_get_region (service));

      if (!amigo_page_guard_next (&op->guard, next, who, op->operation->name, &error))
        {
          /* The caller's words say what a list without end means here. */
          if (op->guard.n_pages >= op->guard.max_pages)
            {
              g_clear_error (&error);
              error = g_error_new_literal (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE, op->too_many_pages);
            }
          g_task_return_error (task, error);
          g_object_unref (task);
          return;
        }
      pages_send (task, next);
      return;
    }
  g_task_return_pointer (task, g_ptr_array_ref (op->items), (GDestroyNotify) g_ptr_array_unref);
  g_object_unref (task);
}

static void
pages_send (GTask      *task,
            const char *next_token)
{
  PagesOp *op = g_task_get_task_data (task);
  g_autoptr(JsonNode) params = json_node_copy (op->params);

  if (next_token != NULL)
    json_object_set_string_member (json_node_get_object (params), "NextToken", next_token);
  amigo_service_call_async (AMIGO_SERVICE (g_task_get_source_object (task)), op->operation, params,
                            g_task_get_cancellable (task), pages_cb, task);
}

/**
 * amigo_service_call_pages_async:
 * @self: a service
 * @operation: one of its model's operations (static) that pages with
 *   `NextToken`
 * @params: (transfer full): the input values, an object without `NextToken`
 * @collect: appends each page's items
 * @item_free: (nullable): frees an item
 * @too_many_pages: (transfer full): the error's message when the service
 *   answers more than %AMIGO_SERVICE_MAX_PAGES pages
 * @source_tag: the _async function (the task's tag)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when every page has been read
 * @user_data: data for @callback
 *
 * Calls @operation page after page; the task's result is a #GPtrArray of
 * the items of every page (transfer container), or an error.
 */
void
amigo_service_call_pages_async (AmigoService         *self,
                                const AmigoOperation *operation,
                                JsonNode             *params,
                                AmigoServicePageFunc  collect,
                                GDestroyNotify        item_free,
                                char                 *too_many_pages,
                                gpointer              source_tag,
                                GCancellable         *cancellable,
                                GAsyncReadyCallback   callback,
                                gpointer              user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  PagesOp *op = g_new0 (PagesOp, 1);

  g_task_set_source_tag (task, source_tag);
  op->operation = operation;
  op->params = params;
  op->collect = collect;
  op->items = g_ptr_array_new_with_free_func (item_free);
  op->too_many_pages = too_many_pages;
  amigo_page_guard_init (&op->guard, AMIGO_SERVICE_MAX_PAGES);
  g_task_set_task_data (task, op, pages_op_free);
  pages_send (task, NULL);
}
