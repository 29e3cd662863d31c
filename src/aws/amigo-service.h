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
 */
struct _AmigoServiceClass
{
  GObjectClass parent_class;

  const AmigoServiceModel *model;

  /*< private >*/
  gpointer padding[8];
};

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

void                     amigo_service_call_async       (AmigoService            *self,
                                                         const AmigoOperation    *operation,
                                                         JsonNode                *params,
                                                         GCancellable            *cancellable,
                                                         GAsyncReadyCallback      callback,
                                                         gpointer                 user_data);
JsonNode                *amigo_service_call_finish      (AmigoService            *self,
                                                         GAsyncResult            *result,
                                                         GError                 **error);

G_END_DECLS
