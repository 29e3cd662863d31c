/* amigo-ec2.h — typed EC2 operations: the service, tags, and (included
 * from one header per resource) images, instances, networking, snapshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amigo-async.h"
#include "amigo-account.h"
#include "amigo-block-device-mapping.h"
#include "amigo-client.h"
#include "amigo-client-token-policy.h"
#include "amigo-ec2-limits.h"
#include "amigo-service.h"
#include "amigo-tag.h"

G_BEGIN_DECLS

/* The EC2 API version every request names. */
#define AMIGO_EC2_API_VERSION "2016-11-15"

#define AMIGO_TYPE_EC2 (amigo_ec2_get_type ())

/**
 * AmigoEc2:
 *
 * EC2 in one region of one account: an #AmigoService (client, region,
 * endpoint) speaking EC2's query dialect.
 *
 * Every operation is `amigo_ec2_<verb>_async()` + `_finish()`. Requests are
 * plain structures the caller fills (on the stack is fine) and keeps
 * ownership of: they are read, and serialized with the documented EC2 names,
 * before the `_async()` function returns, so nothing in them needs to live
 * longer. Unset fields (%NULL, 0, %FALSE) are left out of the request and
 * AWS applies its defaults.
 *
 * Errors are in the %AMIGO_AWS_ERROR domain (amigo_aws_error_get_details()
 * has AWS's code and message), or %G_IO_ERROR_CANCELLED.
 *
 * Idempotency: RunInstances and CopyImage take a `client_token` that the
 * caller makes once per user action with amigo_client_token_new() and
 * passes again if the person tries the same action again. The client
 * retries a failed attempt with the very same body, so retries carry the
 * same token and EC2 never creates the thing twice. CreateImage and
 * RegisterImage have no token: when a retried attempt meets
 * `InvalidAMIName.Duplicate`, the image the earlier attempt made is looked
 * up by name and returned (see amigo_ec2_create_image_finish()).
 */
AMIGO_DECLARE_SERVICE (AmigoEc2, amigo_ec2, AMIGO, EC2)

/**
 * AmigoEc2Filter:
 * @name: the filter, e.g. `name`, `tag:Team`, `architecture`
 * @values: (array zero-terminated=1): the accepted values (wildcards `*`
 *   and `?` where EC2 allows them); a filter without values is left out
 *
 * One `Filter.N` of a Describe request.
 */
typedef struct {
  const char *name;
  const char * const *values;
} AmigoEc2Filter;

/**
 * AmigoEc2Tag:
 * @key: the tag's key
 * @value: (nullable): its value; for DeleteTags, %NULL matches any value
 *
 * A tag to set or remove. Unlike #AmigoTag (what AWS describes), its
 * strings are borrowed, so literals do: `{ "Team", "web" }`.
 */
typedef struct {
  const char *key;
  const char *value;
} AmigoEc2Tag;

/**
 * AmigoEc2ListRequest:
 * @ids: (array zero-terminated=1) (nullable): the resources to describe;
 *   what they are depends on the operation (instance ids, key names, …)
 * @filters: (array length=n_filters) (nullable): filters
 * @n_filters: how many filters
 * @page_size: `MaxResults` of each page where the operation pages, 0 for
 *   Amigo's default; every page is fetched whatever the size
 *
 * What to describe, for the simple Describe operations. A %NULL request
 * describes everything.
 */
typedef struct {
  const char * const *ids;
  const AmigoEc2Filter *filters;
  guint n_filters;
  guint page_size;
} AmigoEc2ListRequest;

/* Declares amigo_ec2_<op>_async (self, request, cancellable, callback,
 * user_data) and amigo_ec2_<op>_finish, which returns the items read from
 * every page (transfer container), or %NULL with @error set: the
 * Describe… operations over an #AmigoEc2ListRequest. */
#define AMIGO_EC2_DECLARE_DESCRIBE_LIST(op) \
  AMIGO_DECLARE_ASYNC (AmigoEc2, GPtrArray *, amigo_ec2_##op, const AmigoEc2ListRequest *request)

AmigoClient *amigo_ec2_get_client          (AmigoEc2      *self);
const char  *amigo_ec2_get_region          (AmigoEc2      *self);
const char  *amigo_ec2_get_endpoint_url    (AmigoEc2      *self);

/* ---- Tags, of any resource ------------------------------------------- */

AMIGO_DECLARE_ASYNC (AmigoEc2, gboolean, amigo_ec2_create_tags,
                     const char * const *resource_ids,
                     const AmigoEc2Tag *tags,
                     guint n_tags);

AMIGO_DECLARE_ASYNC (AmigoEc2, gboolean, amigo_ec2_delete_tags,
                     const char * const *resource_ids,
                     const AmigoEc2Tag *tags,
                     guint n_tags);

G_END_DECLS

#define AMIGO_EC2_INSIDE
#include "amigo-ec2-images.h"
#include "amigo-ec2-instances.h"
#include "amigo-ec2-networking.h"
#include "amigo-ec2-snapshots.h"
#include "amigo-ec2-launch-templates.h"
#include "amigo-ec2-vm-import.h"
#undef AMIGO_EC2_INSIDE
