/* amigo-service-pages.h — an operation of a service on #AmigoService
 * called page after page (`NextToken`), its items collected
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "amigo-service.h"

G_BEGIN_DECLS

/* The most pages one listing follows: past it the listing fails. */
#define AMIGO_SERVICE_MAX_PAGES 1000

/**
 * AmigoServicePageFunc:
 * @output: one page's output values
 * @items: where the page's items go
 *
 * Appends the items of one page to @items.
 */
typedef void (*AmigoServicePageFunc) (JsonObject *output,
                                      GPtrArray  *items);

void amigo_service_call_pages_async (AmigoService *self, const AmigoOperation *operation,
                                     JsonNode *params, AmigoServicePageFunc collect,
                                     GDestroyNotify item_free, char *too_many_pages,
                                     gpointer source_tag, GCancellable *cancellable,
                                     GAsyncReadyCallback callback, gpointer user_data);

G_END_DECLS
