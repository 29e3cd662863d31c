/* amigo-region.c — an EC2 region
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-region.h"
#include "amigo-record-private.h"

struct _AmigoRegion
{
  GObject parent_instance;

  char *region_name;  /* pooled */
  char *endpoint;
  char *opt_in_status;  /* pooled */
};

G_DEFINE_FINAL_TYPE (AmigoRegion, amigo_region, G_TYPE_OBJECT)

static const AmigoRecordField region_fields[] = {
  AMIGO_RECORD_FIELD (AmigoRegion, "regionName", "RegionName", "region-name", POOLED, region_name),
  AMIGO_RECORD_FIELD (AmigoRegion, "regionEndpoint", "Endpoint", "endpoint", STRING, endpoint),
  AMIGO_RECORD_FIELD (AmigoRegion, "optInStatus", "OptInStatus", "opt-in-status", POOLED, opt_in_status),
};

AmigoRecordType amigo_region_record =
  AMIGO_RECORD_TYPE ("Region", AmigoRegion, region_fields, amigo_region_get_type, NULL);

/* One property per field of the table above */
AMIGO_RECORD_DEFINE_OBJECT_METHODS (AmigoRegion, amigo_region, amigo_region_record)

/**
 * amigo_region_new:
 *
 * Creates an empty AmigoRegion; set its properties with g_object_set(). The
 * parsers fill them from EC2's answers.
 *
 * Returns: (transfer full): a new #AmigoRegion
 */
AmigoRegion *
amigo_region_new (void)
{
  return g_object_new (AMIGO_TYPE_REGION, NULL);
}

#define GETTER(Ret, field, fallback) \
  AMIGO_RECORD_GETTER (AmigoRegion, amigo_region, AMIGO_IS_REGION, Ret, field, fallback)

/**
 * amigo_region_get_region_name:
 * @self: an #AmigoRegion
 *
 * Returns: (transfer none) (nullable): the name, e.g. `eu-west-1` (`regionName`)
 */
GETTER (const char *, region_name, NULL)

/**
 * amigo_region_get_endpoint:
 * @self: an #AmigoRegion
 *
 * Returns: (transfer none) (nullable): the EC2 endpoint host (`regionEndpoint`)
 */
GETTER (const char *, endpoint, NULL)

/**
 * amigo_region_get_opt_in_status:
 * @self: an #AmigoRegion
 *
 * Returns: (transfer none) (nullable): `opt-in-not-required`, `opted-in` or `not-opted-in` (`optInStatus`)
 */
GETTER (const char *, opt_in_status, NULL)
