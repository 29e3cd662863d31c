/* amigo-service.h — the base of every AWS service: client, region, endpoint, protocol
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "amigo-async.h"
#include "amigo-account.h"
#include "amigo-client.h"
#include "amigo-protocol.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_SERVICE (amigo_service_get_type ())

/**
 * AmigoService:
 *
 * One AWS service in one region of one account: the account's
 * #AmigoClient, the region requests are signed for, the endpoint they go
 * to, and (from the class) the service's model — its protocol, API
 * version and signing name. A service is a subclass that sets
 * #AmigoServiceClass.model and adds typed `_async/_finish` pairs over
 * amigo_service_call_async().
 */
G_DECLARE_DERIVABLE_TYPE (AmigoService, amigo_service, AMIGO, SERVICE, GObject)

/**
 * AmigoServiceClass:
 * @parent_class: the parent class
 * @model: the service model every operation of the subclass shares
 * @translate_error: (nullable): the service's own reading of a failed
 *   call's error (takes it, returns the one to report), applied by
 *   amigo_service_call_finish()
 */
struct _AmigoServiceClass
{
  GObjectClass parent_class;

  const AmigoServiceModel *model;
  GError *(*translate_error) (AmigoService *self,
                              GError       *error);

  /*< private >*/
  gpointer padding[7];
};

/**
 * AmigoServiceAnswerFunc:
 * @task: the task of a typed operation (amigo_service_call_typed_async())
 * @output: the operation's output values
 *
 * Makes the operation's typed result from its output values and returns
 * it, or an error, on @task.
 */
typedef void (*AmigoServiceAnswerFunc) (GTask      *task,
                                        JsonObject *output);

gpointer                 amigo_service_new              (GType                    service_type,
                                                         AmigoClient             *client,
                                                         const char              *region,
                                                         const char              *endpoint_url);
gpointer                 amigo_service_new_for_account  (GType                    service_type,
                                                         const char              *endpoint_id,
                                                         AmigoAccount            *account,
                                                         AmigoClient             *client,
                                                         const char              *region,
                                                         GError                 **error);

AmigoClient             *amigo_service_get_client       (AmigoService            *self);
const char              *amigo_service_get_region       (AmigoService            *self);
const char              *amigo_service_get_endpoint_url (AmigoService            *self);
const AmigoServiceModel *amigo_service_get_model        (AmigoService            *self);

AMIGO_DECLARE_ASYNC (AmigoService, JsonNode *, amigo_service_call,
                     const AmigoOperation *operation,
                     JsonNode *params);

/**
 * AmigoServiceTypedOp:
 * @operation: the model's operation (static)
 * @answer: makes the typed result from its output values
 * @source_tag: the typed `_async` function (its task's tag, which its
 *   `_finish` checks)
 *
 * A typed operation: one table line per `_async` function.
 */
typedef struct {
  const AmigoOperation   *operation;
  AmigoServiceAnswerFunc  answer;
  gpointer                source_tag;
} AmigoServiceTypedOp;

void                     amigo_service_call_typed_async (AmigoService              *self,
                                                         const AmigoServiceTypedOp *op,
                                                         JsonNode                  *params,
                                                         GCancellable              *cancellable,
                                                         GAsyncReadyCallback        callback,
                                                         gpointer                   user_data);
void                     amigo_service_call_strings_async (AmigoService              *self,
                                                           const AmigoServiceTypedOp *op,
                                                           GCancellable              *cancellable,
                                                           GAsyncReadyCallback        callback,
                                                           gpointer                   user_data,
                                                           const char                *first_name,
                                                           ...) G_GNUC_NULL_TERMINATED;

JsonNode                *amigo_service_params           (const char              *first_name,
                                                         ...) G_GNUC_NULL_TERMINATED;
const char              *amigo_service_member_string    (JsonObject              *object,
                                                         const char              *name);

/* Declares a service type that AMIGO_DEFINE_SERVICE defines: its
 * G_DECLARE_FINAL_TYPE over #AmigoService and its two constructors. */
#define AMIGO_DECLARE_SERVICE(TypeName, type_name, MODULE, OBJ_NAME)          \
  G_DECLARE_FINAL_TYPE (TypeName, type_name, MODULE, OBJ_NAME, AmigoService)  \
                                                                              \
  TypeName *type_name##_new             (AmigoClient   *client,               \
                                         const char    *region,               \
                                         const char    *endpoint_url);        \
  TypeName *type_name##_new_for_account (AmigoAccount  *account,              \
                                         AmigoClient   *client,               \
                                         const char    *region,               \
                                         GError       **error);

/* Defines a final service type TypeName (type_name_get_type()) whose class
 * serves @model_, and its two constructors:
 *   TypeName *type_name_new (client, region, endpoint_url)
 *   TypeName *type_name_new_for_account (account, client, region, error)
 * the latter at the endpoint the account's configuration names for
 * @endpoint_id (`ec2`, `sts`: the key of `AWS_ENDPOINT_URL_<ID>` and of the
 * profile's `services` section). The instance struct is the service's own. */
#define AMIGO_DEFINE_SERVICE(TypeName, type_name, TYPE, model_, endpoint_id)  \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, AMIGO_TYPE_SERVICE)               \
                                                                              \
  static void                                                                 \
  type_name##_class_init (TypeName##Class *klass)                             \
  {                                                                           \
    AMIGO_SERVICE_CLASS (klass)->model = (model_);                            \
  }                                                                           \
                                                                              \
  static void                                                                 \
  type_name##_init (TypeName *self)                                           \
  {                                                                           \
  }                                                                           \
                                                                              \
  TypeName *                                                                  \
  type_name##_new (AmigoClient *client,                                       \
                   const char  *region,                                       \
                   const char  *endpoint_url)                                 \
  {                                                                           \
    return amigo_service_new (TYPE, client, region, endpoint_url);            \
  }                                                                           \
                                                                              \
  TypeName *                                                                  \
  type_name##_new_for_account (AmigoAccount  *account,                        \
                               AmigoClient   *client,                         \
                               const char    *region,                         \
                               GError       **error)                          \
  {                                                                           \
    return amigo_service_new_for_account (TYPE, endpoint_id, account, client, \
                                          region, error);                     \
  }

G_END_DECLS
