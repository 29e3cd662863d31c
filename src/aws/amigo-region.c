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
  { "regionName", "RegionName", "region-name", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoRegion, region_name), AMIGO_FIELD_NO_AUX, NULL },
  { "regionEndpoint", "Endpoint", "endpoint", AMIGO_FIELD_STRING,
    G_STRUCT_OFFSET (AmigoRegion, endpoint), AMIGO_FIELD_NO_AUX, NULL },
  { "optInStatus", "OptInStatus", "opt-in-status", AMIGO_FIELD_POOLED,
    G_STRUCT_OFFSET (AmigoRegion, opt_in_status), AMIGO_FIELD_NO_AUX, NULL },
};

AmigoRecordType amigo_region_record =
  AMIGO_RECORD_TYPE ("Region", AmigoRegion, region_fields, amigo_region_get_type, NULL);

static void
amigo_region_finalize (GObject *object)
{
  amigo_record_clear (&amigo_region_record, object);

  G_OBJECT_CLASS (amigo_region_parent_class)->finalize (object);
}

static void
amigo_region_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  amigo_record_get_property (&amigo_region_record, object, prop_id, value, pspec);
}

static void
amigo_region_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  amigo_record_set_property (&amigo_region_record, object, prop_id, value, pspec);
}

static void
amigo_region_class_init (AmigoRegionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amigo_region_finalize;
  object_class->get_property = amigo_region_get_property;
  object_class->set_property = amigo_region_set_property;

  /* One property per field of the table above */
  amigo_record_class_install_properties (object_class, &amigo_region_record);
}

static void
amigo_region_init (AmigoRegion *self)
{
  amigo_record_init (&amigo_region_record, self);
}

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
