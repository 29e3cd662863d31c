/* test-ec2-parsers.c — every EC2 sample parsed and compared, value by value,
 * with what botocore's parser made of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The samples are tests/data/ec2-samples (copied from open-licensed SDKs,
 * plus synthetic ones) and tests/data/ec2-extra (written for Amigo); each
 * NAME.xml has a NAME.expected.json produced by botocore.parsers.EC2QueryParser.
 * Each sample is fed whole, in 1-byte and in 7-byte chunks, and every
 * result must match the expected JSON: each field of each model against the
 * member of the same name, and each member of the JSON against a field
 * (or a documented "not modelled" entry below), so nothing is dropped or
 * invented. Fields are read both from the structures and through the
 * GObject properties.
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "amigo-ec2-parsers.h"
#include "amigo-error.h"
#include "amigo-record-private.h"
#include "amigo-xml-reader.h"

typedef enum {
  OP_DESCRIBE_IMAGES,
  OP_DESCRIBE_REGIONS,
  OP_DESCRIBE_IMAGE_ATTRIBUTE,
  OP_DESCRIBE_INSTANCES,
  OP_RUN_INSTANCES,
  OP_DESCRIBE_SNAPSHOTS,
  OP_DESCRIBE_KEY_PAIRS,
  OP_DESCRIBE_SECURITY_GROUPS,
  OP_DESCRIBE_SUBNETS,
  OP_DESCRIBE_VPCS,
  OP_DESCRIBE_INSTANCE_TYPES,
  OP_SIMPLE,
  OP_STS_SIMPLE,
  OP_ERROR,
} Operation;

typedef struct {
  const char *path;        /* under TEST_DATA_DIR, without .xml */
  Operation op;
  const char *operation;   /* OP_SIMPLE: the operation name; OP_ERROR: the root expected */
  guint http_status;       /* OP_ERROR */
} Sample;

static const Sample samples[] = {
  { "ec2-samples/from-aws-sdk-net/DescribeImages", OP_DESCRIBE_IMAGES },
  { "ec2-samples/from-aws-sdk-net/RunInstances", OP_RUN_INSTANCES },
  { "ec2-samples/from-aws-sdk-net/RegisterImage", OP_SIMPLE, "RegisterImage" },
  { "ec2-samples/from-jclouds/describe_images_ebs", OP_DESCRIBE_IMAGES },
  { "ec2-samples/from-jclouds/describe_images_tags", OP_DESCRIBE_IMAGES },
  { "ec2-samples/from-jclouds/regionEndpoints", OP_DESCRIBE_REGIONS },
  { "ec2-samples/from-jclouds/run_instances", OP_RUN_INSTANCES },
  { "ec2-samples/from-jclouds/dry_run", OP_ERROR, "RunInstancesResponse", 412 },
  { "ec2-samples/from-smithy/error_InvalidInstanceID_NotFound", OP_ERROR, "DescribeInstancesResponse", 400 },
  { "ec2-samples/synthetic/DescribeImages", OP_DESCRIBE_IMAGES },
  { "ec2-samples/synthetic/DescribeRegions", OP_DESCRIBE_REGIONS },
  { "ec2-samples/synthetic/CopyImage", OP_SIMPLE, "CopyImage" },
  { "ec2-samples/synthetic/CreateImage", OP_SIMPLE, "CreateImage" },
  { "ec2-samples/synthetic/error_InvalidAMIID_NotFound", OP_ERROR, "DescribeImagesResponse", 400 },
  { "ec2-samples/synthetic/error_UnauthorizedOperation", OP_ERROR, "CreateImageResponse", 403 },
  { "ec2-extra/DescribeImages_allfields", OP_DESCRIBE_IMAGES },
  { "ec2-extra/DescribeImageAttribute_description", OP_DESCRIBE_IMAGE_ATTRIBUTE },
  { "ec2-extra/DescribeImageAttribute_launchPermission", OP_DESCRIBE_IMAGE_ATTRIBUTE },
  { "ec2-extra/DescribeInstances", OP_DESCRIBE_INSTANCES },
  { "ec2-extra/DescribeSnapshots", OP_DESCRIBE_SNAPSHOTS },
  { "ec2-extra/DescribeKeyPairs", OP_DESCRIBE_KEY_PAIRS },
  { "ec2-extra/DescribeSecurityGroups", OP_DESCRIBE_SECURITY_GROUPS },
  { "ec2-extra/DescribeSubnets", OP_DESCRIBE_SUBNETS },
  { "ec2-extra/DescribeVpcs", OP_DESCRIBE_VPCS },
  { "ec2-extra/DescribeInstanceTypes", OP_DESCRIBE_INSTANCE_TYPES },
  { "ec2-extra/DeregisterImage", OP_SIMPLE, "DeregisterImage" },
  { "ec2-extra/EnableImageDeprecation_false", OP_SIMPLE, "EnableImageDeprecation" },
  { "ec2-extra/GetCallerIdentity", OP_STS_SIMPLE, "GetCallerIdentity" },
  { "ec2-extra/error_sts_ExpiredToken", OP_ERROR, "GetCallerIdentityResponse", 400 },
  { "ec2-extra/error_RequestLimitExceeded", OP_ERROR, "DescribeImagesResponse", 503 },
};

/* Members of AWS shapes the models leave out on purpose; each is named
 * "Shape.Member" as in the field tables. Amigo shows and acts on images;
 * for the other resources it keeps what the dialogs need. */
static const char * const not_modelled[] = {
  "Instance.NetworkInterfaces",          /* Amigo launches, it does not manage networking */
  "Instance.CpuOptions",
  "ProcessorInfo.SustainedClockSpeedInGhz",
  "VCpuInfo.ValidCores",
  "SecurityGroup.IpPermissions",         /* rules are not shown */
  "SecurityGroup.IpPermissionsEgress",
  "Subnet.Ipv6CidrBlockAssociationSet",
  "Vpc.CidrBlockAssociationSet",
  "DeregisterImage.DeleteSnapshotResults", /* a simple result keeps only plain values */
  "RunInstances.Groups",                 /* EC2-Classic reservation groups; each instance has its own */
  NULL,
};

static char *
sample_path (const Sample *sample,
             const char   *suffix)
{
  return g_strconcat (TEST_DATA_DIR, "/", sample->path, suffix, NULL);
}

/* The result of one parse, whatever the operation */
typedef struct {
  GPtrArray *items;
  GError *error;
  char *request_id;
  char *next_token;
  char *reservation_id;
  char *owner_id;
  AmigoImageAttribute *attribute;
  AmigoEc2Parser *parser;    /* kept for the simple results */
} ParseResult;

static void
parse_result_free (ParseResult *r)
{
  g_clear_pointer (&r->items, g_ptr_array_unref);
  g_clear_error (&r->error);
  g_free (r->request_id);
  g_free (r->next_token);
  g_free (r->reservation_id);
  g_free (r->owner_id);
  g_clear_object (&r->attribute);
  g_clear_pointer (&r->parser, amigo_ec2_parser_free);
  g_free (r);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParseResult, parse_result_free)

static void
collect_batch_cb (GPtrArray *batch,
                  gpointer   user_data)
{
  GPtrArray *all = user_data;

  g_assert_cmpuint (batch->len, >, 0);
  for (guint i = 0; i < batch->len; i++)
    g_ptr_array_add (all, g_object_ref (batch->pdata[i]));
}

static AmigoEc2Parser *
parser_for (const Sample *sample,
            GPtrArray    *batches)
{
  switch (sample->op)
    {
    case OP_DESCRIBE_IMAGES:
      return amigo_ec2_parser_new_describe_images (collect_batch_cb, batches);
    case OP_DESCRIBE_REGIONS:
      return amigo_ec2_parser_new_describe_regions ();
    case OP_DESCRIBE_IMAGE_ATTRIBUTE:
      return amigo_ec2_parser_new_describe_image_attribute ();
    case OP_DESCRIBE_INSTANCES:
      return amigo_ec2_parser_new_describe_instances ();
    case OP_RUN_INSTANCES:
      return amigo_ec2_parser_new_run_instances ();
    case OP_DESCRIBE_SNAPSHOTS:
      return amigo_ec2_parser_new_describe_snapshots ();
    case OP_DESCRIBE_KEY_PAIRS:
      return amigo_ec2_parser_new_describe_key_pairs ();
    case OP_DESCRIBE_SECURITY_GROUPS:
      return amigo_ec2_parser_new_describe_security_groups ();
    case OP_DESCRIBE_SUBNETS:
      return amigo_ec2_parser_new_describe_subnets ();
    case OP_DESCRIBE_VPCS:
      return amigo_ec2_parser_new_describe_vpcs ();
    case OP_DESCRIBE_INSTANCE_TYPES:
      return amigo_ec2_parser_new_describe_instance_types ();
    case OP_SIMPLE:
    case OP_STS_SIMPLE:
      return amigo_ec2_parser_new_simple (sample->operation);
    case OP_ERROR:
      {
        /* An error document where the operation's answer was expected */
        g_autofree char *op = g_strndup (sample->operation,
                                         strlen (sample->operation) - strlen ("Response"));
        return amigo_ec2_parser_new_simple (op);
      }
    default:
      g_assert_not_reached ();
    }
}

static ParseResult *
parse_sample (const Sample *sample,
              const char   *buf,
              gsize         len,
              gsize         chunk)
{
  ParseResult *r = g_new0 (ParseResult, 1);
  g_autoptr(GPtrArray) batches = g_ptr_array_new_with_free_func (g_object_unref);
  AmigoEc2Parser *parser = parser_for (sample, batches);
  gboolean ok = TRUE;

  if (sample->op == OP_ERROR)
    amigo_ec2_parser_set_http_status (parser, sample->http_status);

  for (gsize off = 0; ok && off < len; off += chunk)
    ok = amigo_ec2_parser_feed (parser, buf + off, MIN (chunk, len - off), &r->error);
  if (ok)
    ok = amigo_ec2_parser_finish (parser, &r->error);
  g_assert_true (ok == (r->error == NULL));

  if (sample->op == OP_DESCRIBE_IMAGES)
    {
      g_autoptr(GPtrArray) rest = amigo_ec2_parser_steal_items (parser);

      /* With a batch function, nothing is left behind */
      g_assert_cmpuint (rest->len, ==, 0);
      r->items = g_steal_pointer (&batches);
    }
  else
    r->items = amigo_ec2_parser_steal_items (parser);

  g_assert_cmpuint (amigo_ec2_parser_get_n_items (parser), ==, r->items->len);
  r->request_id = g_strdup (amigo_ec2_parser_get_request_id (parser));
  r->next_token = g_strdup (amigo_ec2_parser_get_next_token (parser));
  r->reservation_id = g_strdup (amigo_ec2_parser_get_reservation_id (parser));
  r->owner_id = g_strdup (amigo_ec2_parser_get_owner_id (parser));
  if (amigo_ec2_parser_get_image_attribute (parser) != NULL)
    r->attribute = g_object_ref (amigo_ec2_parser_get_image_attribute (parser));
  r->parser = parser;
  return r;
}

/* Comparing a record with botocore's JSON */

static gboolean
is_not_modelled (const char *shape,
                 const char *member)
{
  g_autofree char *name = g_strconcat (shape, ".", member, NULL);
  return g_strv_contains (not_modelled, name);
}

static gboolean
node_is_empty (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_HOLDS_ARRAY (node))
    return json_array_get_length (json_node_get_array (node)) == 0;
  if (JSON_NODE_HOLDS_OBJECT (node))
    return json_object_get_size (json_node_get_object (node)) == 0;
  return FALSE;
}

/* Expected timestamps are botocore's ISO form: read them with GDateTime,
 * not with the code under test. */
static gint64
expected_usec (const char *iso)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, utc);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt);
}

#define AT(base, off, T) (*(const T *) ((const guint8 *) (base) + (off)))

static void compare_record (const AmigoRecordType *type,
                            gconstpointer          base,
                            JsonObject            *expected,
                            const char            *where);

static void
compare_field (const AmigoRecordField *f,
               gconstpointer           base,
               JsonNode               *node,
               const char             *where)
{
  g_autofree char *here = g_strconcat (where, ".", f->member, NULL);

  switch (f->kind)
    {
    case AMIGO_FIELD_STRING:
    case AMIGO_FIELD_POOLED:
      if (node == NULL)
        {
          if (AT (base, f->offset, char *) != NULL)
            g_error ("%s: botocore has no value, we have “%s”", here, AT (base, f->offset, char *));
        }
      else
        {
          if (g_strcmp0 (AT (base, f->offset, char *), json_node_get_string (node)) != 0)
            g_error ("%s: expected “%s”, got “%s”", here, json_node_get_string (node),
                     AT (base, f->offset, char *));
        }
      break;

    case AMIGO_FIELD_DATE:
      if (node == NULL)
        {
          g_assert_null (AT (base, f->offset, char *));
          g_assert_cmpint (AT (base, f->aux, gint64), ==, 0);
        }
      else
        {
          const char *want = json_node_get_string (node);
          const char *got = AT (base, f->offset, char *);

          g_assert_nonnull (got);
          /* Strings in the model (Image.CreationDate) come back verbatim;
           * timestamps (Instance.LaunchTime) come back as botocore's ISO
           * form, so only the instant can match. */
          if (strcmp (want, got) != 0 && expected_usec (want) != expected_usec (got))
            g_error ("%s: expected %s, got %s", here, want, got);
          g_assert_cmpint (AT (base, f->aux, gint64), ==, expected_usec (want));
        }
      break;

    case AMIGO_FIELD_BOOLEAN:
      if (node == NULL)
        g_assert_cmpint (AT (base, f->offset, gint8), ==, AMIGO_TRISTATE_UNSET);
      else
        g_assert_cmpint (AT (base, f->offset, gint8), ==,
                         json_node_get_boolean (node) ? AMIGO_TRISTATE_TRUE : AMIGO_TRISTATE_FALSE);
      break;

    case AMIGO_FIELD_INT:
      if (node == NULL)
        g_assert_cmpint (AT (base, f->offset, gint32), ==, -1);
      else
        g_assert_cmpint (AT (base, f->offset, gint32), ==, json_node_get_int (node));
      break;

    case AMIGO_FIELD_INT64:
      if (node == NULL)
        g_assert_cmpint (AT (base, f->offset, gint64), ==, -1);
      else
        g_assert_cmpint (AT (base, f->offset, gint64), ==, json_node_get_int (node));
      break;

    case AMIGO_FIELD_STRUCT:
      if (node_is_empty (node))
        {
          if (amigo_record_field_has_value (f, base))
            g_error ("%s: botocore has nothing, we have a value", here);
        }
      else
        {
          g_assert_true (amigo_record_field_has_value (f, base));
          compare_record (f->sub, (const guint8 *) base + f->offset,
                          json_node_get_object (node), here);
        }
      break;

    case AMIGO_FIELD_LIST:
      {
        guint n = AT (base, f->aux, guint);
        gconstpointer items = AT (base, f->offset, gpointer);

        /* An empty list and an absent one are the same to the models */
        if (node_is_empty (node))
          {
            g_assert_cmpuint (n, ==, 0);
            g_assert_null (items);
          }
        else
          {
            JsonArray *array = json_node_get_array (node);

            g_assert_cmpuint (n, ==, json_array_get_length (array));
            for (guint i = 0; i < n; i++)
              {
                g_autofree char *item = g_strdup_printf ("%s[%u]", here, i);
                compare_record (f->sub, (const guint8 *) items + i * f->sub->size,
                                json_array_get_object_element (array, i), item);
              }
          }
      }
      break;

    case AMIGO_FIELD_STRV:
      {
        char * const *strv = *(char * const * const *) ((const guint8 *) base + f->offset);

        if (node_is_empty (node))
          g_assert_true (strv == NULL || strv[0] == NULL);
        else
          {
            JsonArray *array = json_node_get_array (node);

            g_assert_nonnull (strv);
            g_assert_cmpuint (g_strv_length ((char **) strv), ==, json_array_get_length (array));
            for (guint i = 0; i < json_array_get_length (array); i++)
              g_assert_cmpstr (strv[i], ==, json_array_get_string_element (array, i));
          }
      }
      break;

    case AMIGO_FIELD_GROUP_LIST:
    case AMIGO_FIELD_OBJECTS:
    default:
      g_assert_not_reached ();
    }
}

static void
compare_record (const AmigoRecordType *type,
                gconstpointer          base,
                JsonObject            *expected,
                const char            *where)
{
  g_autoptr(GList) members = json_object_get_members (expected);

  /* Every field against botocore's member of the same name */
  for (guint i = 0; i < type->n_fields; i++)
    {
      const AmigoRecordField *f = &type->fields[i];
      JsonNode *node = json_object_get_member (expected, f->member);

      compare_field (f, base, node, where);
    }

  /* Every member botocore found against a field */
  for (GList *l = members; l != NULL; l = l->next)
    {
      if (amigo_record_type_find_member (type, l->data) != NULL)
        continue;
      if (is_not_modelled (type->name, l->data))
        continue;
      g_error ("%s: botocore found %s.%s, which no field reads", where, type->name,
               (const char *) l->data);
    }
}

/* The same values through the GObject properties (another path than the
 * structure offsets: the property tables and their getters). */
static void
compare_properties (GObject    *object,
                    JsonObject *expected,
                    const char *where)
{
  guint n_pspecs = 0;
  g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  guint checked = 0;

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;
      gboolean has = amigo_model_has_value (object, pspec->name);

      g_value_init (&value, pspec->value_type);
      g_object_get_property (object, pspec->name, &value);

      if (pspec->value_type == G_TYPE_STRING)
        g_assert_true (has == (g_value_get_string (&value) != NULL));
      else if (pspec->value_type == G_TYPE_INT)
        g_assert_true (has == (g_value_get_int (&value) != -1));
      else if (pspec->value_type == G_TYPE_PTR_ARRAY)
        g_assert_true (has == (g_value_get_boxed (&value) != NULL
                               && ((GPtrArray *) g_value_get_boxed (&value))->len > 0));
      checked++;
    }
  g_assert_cmpuint (checked, >, 0);

  /* A few by name, against the JSON directly */
  if (AMIGO_IS_IMAGE (object))
    {
      g_autofree char *image_id = NULL;
      g_autofree char *name = NULL;
      g_autoptr(GPtrArray) mappings = NULL;
      g_autoptr(GPtrArray) tags = NULL;
      gboolean is_public;
      JsonArray *want_mappings = json_object_has_member (expected, "BlockDeviceMappings")
                                 ? json_object_get_array_member (expected, "BlockDeviceMappings") : NULL;
      JsonArray *want_tags = json_object_has_member (expected, "Tags")
                             ? json_object_get_array_member (expected, "Tags") : NULL;

      g_object_get (object, "image-id", &image_id, "name", &name, "is-public", &is_public,
                    "block-device-mappings", &mappings, "tags", &tags, NULL);
      g_assert_cmpstr (image_id, ==, json_object_get_string_member (expected, "ImageId"));
      g_assert_cmpstr (name, ==, json_object_get_string_member_with_default (expected, "Name", NULL));
      g_assert_true (is_public == json_object_get_boolean_member_with_default (expected, "Public", FALSE));
      g_assert_cmpuint (mappings->len, ==, want_mappings ? json_array_get_length (want_mappings) : 0);
      for (guint i = 0; i < mappings->len; i++)
        {
          AmigoBlockDeviceMapping *m = mappings->pdata[i];
          JsonObject *want = json_array_get_object_element (want_mappings, i);
          g_assert_cmpstr (m->device_name, ==, json_object_get_string_member (want, "DeviceName"));
          g_assert_true (m->has_ebs == json_object_has_member (want, "Ebs"));
        }
      g_assert_cmpuint (tags->len, ==, want_tags ? json_array_get_length (want_tags) : 0);
      for (guint i = 0; i < tags->len; i++)
        {
          AmigoTag *t = tags->pdata[i];
          JsonObject *want = json_array_get_object_element (want_tags, i);
          g_assert_cmpstr (t->key, ==, json_object_get_string_member (want, "Key"));
          g_assert_cmpstr (t->value, ==, json_object_get_string_member (want, "Value"));
        }
    }
}

static void
compare_objects (GPtrArray             *items,
                 const AmigoRecordType *type,
                 JsonArray             *expected,
                 const char            *where)
{
  g_assert_cmpuint (items->len, ==, expected != NULL ? json_array_get_length (expected) : 0);
  for (guint i = 0; i < items->len; i++)
    {
      g_autofree char *item = g_strdup_printf ("%s[%u]", where, i);
      JsonObject *want = json_array_get_object_element (expected, i);

      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (items->pdata[i], type->get_type ()));
      compare_record (type, items->pdata[i], want, item);
      compare_properties (items->pdata[i], want, item);
    }
}

static JsonArray *
array_member (JsonObject *object,
              const char *member)
{
  return json_object_has_member (object, member) ? json_object_get_array_member (object, member) : NULL;
}

static void
check_result (const Sample *sample,
              ParseResult  *r,
              JsonObject   *expected)
{
  JsonObject *metadata = json_object_get_object_member (expected, "ResponseMetadata");
  const char *request_id = json_object_get_string_member_with_default (metadata, "RequestId", NULL);
  const char *shape_name = NULL;
  g_autoptr(GList) members = NULL;

  if (sample->op == OP_ERROR)
    {
      JsonObject *want = json_object_get_object_member (expected, "Error");
      const AmigoAwsErrorDetails *details;

      g_assert_error (r->error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_SERVICE);
      details = amigo_aws_error_get_details (r->error);
      g_assert_nonnull (details);
      g_assert_cmpstr (details->aws_code, ==, json_object_get_string_member (want, "Code"));
      g_assert_cmpstr (details->aws_message, ==, json_object_get_string_member (want, "Message"));
      g_assert_cmpstr (details->request_id, ==, request_id);
      g_assert_cmpuint (details->http_status, ==, json_object_get_int_member (metadata, "HTTPStatusCode"));
      /* The person sees AWS's words and code */
      g_assert_nonnull (strstr (r->error->message, json_object_get_string_member (want, "Code")));
      g_assert_cmpuint (r->items->len, ==, 0);
      return;
    }

  g_assert_no_error (r->error);
  g_assert_cmpstr (r->request_id, ==, request_id);

  switch (sample->op)
    {
    case OP_DESCRIBE_IMAGES:
      compare_objects (r->items, &amigo_image_record, array_member (expected, "Images"), "Images");
      g_assert_cmpstr (r->next_token, ==, json_object_get_string_member_with_default (expected, "NextToken", NULL));
      shape_name = "DescribeImages";
      break;
    case OP_DESCRIBE_REGIONS:
      compare_objects (r->items, &amigo_region_record, array_member (expected, "Regions"), "Regions");
      shape_name = "DescribeRegions";
      break;
    case OP_RUN_INSTANCES:
      compare_objects (r->items, &amigo_instance_record, array_member (expected, "Instances"), "Instances");
      g_assert_cmpstr (r->reservation_id, ==, json_object_get_string_member (expected, "ReservationId"));
      g_assert_cmpstr (r->owner_id, ==, json_object_get_string_member (expected, "OwnerId"));
      shape_name = "RunInstances";
      break;
    case OP_DESCRIBE_INSTANCES:
      {
        g_autoptr(JsonArray) all = json_array_new ();
        JsonArray *reservations = array_member (expected, "Reservations");

        for (guint i = 0; reservations && i < json_array_get_length (reservations); i++)
          {
            JsonArray *instances = array_member (json_array_get_object_element (reservations, i), "Instances");
            for (guint j = 0; instances && j < json_array_get_length (instances); j++)
              json_array_add_element (all, json_node_copy (json_array_get_element (instances, j)));
          }
        compare_objects (r->items, &amigo_instance_record, all, "Reservations[].Instances");
        g_assert_cmpstr (r->next_token, ==, json_object_get_string_member_with_default (expected, "NextToken", NULL));
        shape_name = "DescribeInstances";
      }
      break;
    case OP_DESCRIBE_SNAPSHOTS:
      compare_objects (r->items, &amigo_snapshot_record, array_member (expected, "Snapshots"), "Snapshots");
      g_assert_cmpstr (r->next_token, ==, json_object_get_string_member_with_default (expected, "NextToken", NULL));
      shape_name = "DescribeSnapshots";
      break;
    case OP_DESCRIBE_KEY_PAIRS:
      compare_objects (r->items, &amigo_key_pair_record, array_member (expected, "KeyPairs"), "KeyPairs");
      shape_name = "DescribeKeyPairs";
      break;
    case OP_DESCRIBE_SECURITY_GROUPS:
      compare_objects (r->items, &amigo_security_group_record, array_member (expected, "SecurityGroups"), "SecurityGroups");
      g_assert_cmpstr (r->next_token, ==, json_object_get_string_member_with_default (expected, "NextToken", NULL));
      shape_name = "DescribeSecurityGroups";
      break;
    case OP_DESCRIBE_SUBNETS:
      compare_objects (r->items, &amigo_subnet_record, array_member (expected, "Subnets"), "Subnets");
      shape_name = "DescribeSubnets";
      break;
    case OP_DESCRIBE_VPCS:
      compare_objects (r->items, &amigo_vpc_record, array_member (expected, "Vpcs"), "Vpcs");
      shape_name = "DescribeVpcs";
      break;
    case OP_DESCRIBE_INSTANCE_TYPES:
      compare_objects (r->items, &amigo_instance_type_record, array_member (expected, "InstanceTypes"), "InstanceTypes");
      g_assert_cmpstr (r->next_token, ==, json_object_get_string_member_with_default (expected, "NextToken", NULL));
      shape_name = "DescribeInstanceTypes";
      break;
    case OP_DESCRIBE_IMAGE_ATTRIBUTE:
      {
        g_autoptr(JsonObject) copy = json_object_new ();
        g_autoptr(GList) names = json_object_get_members (expected);

        /* The answer's members are the attribute's, apart from the metadata */
        for (GList *l = names; l != NULL; l = l->next)
          if (strcmp (l->data, "ResponseMetadata") != 0)
            json_object_set_member (copy, l->data,
                                    json_node_copy (json_object_get_member (expected, l->data)));
        g_assert_nonnull (r->attribute);
        compare_record (&amigo_image_attribute_record, r->attribute, copy, "ImageAttribute");
        compare_properties (G_OBJECT (r->attribute), copy, "ImageAttribute");
        return;
      }
    case OP_SIMPLE:
    case OP_STS_SIMPLE:
      members = json_object_get_members (expected);
      for (GList *l = members; l != NULL; l = l->next)
        {
          const char *member = l->data;
          JsonNode *node = json_object_get_member (expected, member);
          g_autofree char *element = g_strdup (member);

          if (strcmp (member, "ResponseMetadata") == 0 || is_not_modelled (sample->operation, member))
            continue;
          /* EC2 names elements in lowerCamel (ImageId → imageId); STS as the member */
          if (sample->op == OP_SIMPLE)
            element[0] = g_ascii_tolower (element[0]);
          if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
            {
              g_assert_nonnull (amigo_ec2_parser_get_value (r->parser, element));
              g_assert_true (amigo_ec2_parser_get_return (r->parser) == json_node_get_boolean (node));
            }
          else
            g_assert_cmpstr (amigo_ec2_parser_get_value (r->parser, element), ==, json_node_get_string (node));
        }
      if (json_object_has_member (expected, "ImageId"))
        g_assert_cmpstr (amigo_ec2_parser_get_image_id (r->parser), ==,
                         json_object_get_string_member (expected, "ImageId"));
      g_assert_cmpuint (r->items->len, ==, 0);
      return;
    case OP_ERROR:
    default:
      g_assert_not_reached ();
    }

  /* The answer's own members: the list and the ones checked above */
  members = json_object_get_members (expected);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *member = l->data;
      static const char * const known[] = {
        "ResponseMetadata", "NextToken", "ReservationId", "OwnerId", "Images", "Regions",
        "Instances", "Reservations", "Snapshots", "KeyPairs", "SecurityGroups", "Subnets",
        "Vpcs", "InstanceTypes", NULL,
      };

      if (!g_strv_contains (known, member) && !is_not_modelled (shape_name, member))
        g_error ("%s: botocore found %s, which the parser does not read", sample->path, member);
    }
}

static void
test_sample (gconstpointer data)
{
  const Sample *sample = data;
  g_autofree char *xml_path = sample_path (sample, ".xml");
  g_autofree char *json_path = sample_path (sample, ".expected.json");
  g_autofree char *buf = NULL;
  gsize len = 0;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) json = json_parser_new ();
  const gsize chunks[] = { G_MAXSIZE, 1, 7, 4096 };

  g_file_get_contents (xml_path, &buf, &len, &error);
  g_assert_no_error (error);
  json_parser_load_from_file (json, json_path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (chunks); i++)
    {
      g_autoptr(ParseResult) r = parse_sample (sample, buf, len, chunks[i]);
      g_autoptr(JsonNode) expected = json_node_copy (json_parser_get_root (json));

      g_test_message ("%s in chunks of %" G_GSIZE_FORMAT " bytes", sample->path, MIN (chunks[i], len));
      check_result (sample, r, json_node_get_object (expected));
    }

  if (sample->op == OP_ERROR)
    {
      /* What the client does with a 4xx/5xx body */
      g_autoptr(ParseResult) r = g_new0 (ParseResult, 1);
      g_autoptr(JsonNode) expected = json_node_copy (json_parser_get_root (json));

      r->items = g_ptr_array_new ();
      r->error = amigo_xml_parse_error_document (buf, len, sample->http_status);
      check_result (sample, r, json_node_get_object (expected));
      g_assert_true (amigo_aws_error_get_details (r->error)->retryable
                     == (strstr (sample->path, "RequestLimitExceeded") != NULL));
    }
}

/* Every XML file of the sample folders is in the table above. */
static void
test_every_sample_listed (void)
{
  const char *dirs[] = {
    "ec2-samples/from-aws-sdk-net", "ec2-samples/from-jclouds", "ec2-samples/from-smithy",
    "ec2-samples/synthetic", "ec2-extra",
  };
  guint n_files = 0;

  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autofree char *path = g_build_filename (TEST_DATA_DIR, dirs[d], NULL);
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *stem = NULL;
          gboolean found = FALSE;

          if (!g_str_has_suffix (name, ".xml"))
            continue;
          stem = g_strdup_printf ("%s/%.*s", dirs[d], (int) strlen (name) - 4, name);
          for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
            found |= strcmp (samples[i].path, stem) == 0;
          if (!found)
            g_error ("%s is not in the samples table", stem);
          n_files++;
        }
    }
  g_assert_cmpuint (n_files, ==, G_N_ELEMENTS (samples));
}

/* Each getter of AmigoImage, by hand, on the synthetic sample: the
 * getters read the structure directly, apart from the tables. */
static void
test_image_getters (void)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "ec2-samples/synthetic/DescribeImages.xml", NULL);
  g_autofree char *buf = NULL;
  gsize len;
  g_autoptr(AmigoEc2Parser) parser = amigo_ec2_parser_new_describe_images (NULL, NULL);
  g_autoptr(GPtrArray) images = NULL;
  g_autoptr(GError) error = NULL;
  AmigoImage *image;
  const AmigoBlockDeviceMapping *bdm;
  const AmigoProductCode *codes;
  const AmigoTag *tags;
  guint n;

  g_assert_true (g_file_get_contents (path, &buf, &len, NULL));
  g_assert_true (amigo_ec2_parser_feed (parser, buf, len, &error));
  g_assert_true (amigo_ec2_parser_finish (parser, &error));
  g_assert_no_error (error);
  images = amigo_ec2_parser_steal_items (parser);
  g_assert_cmpuint (images->len, ==, 2);
  image = images->pdata[0];

  g_assert_cmpstr (amigo_image_get_image_id (image), ==, "ami-0abcdef1234567890");
  g_assert_cmpstr (amigo_image_get_image_location (image), ==, "123456789012/my-web-server-2024.06.01");
  g_assert_cmpstr (amigo_image_get_state (image), ==, "available");
  g_assert_cmpstr (amigo_image_get_owner_id (image), ==, "123456789012");
  g_assert_cmpstr (amigo_image_get_creation_date (image), ==, "2024-06-01T12:34:56.000Z");
  g_assert_cmpint (amigo_image_get_creation_date_usec (image), ==, G_GINT64_CONSTANT (1717245296) * G_USEC_PER_SEC);
  g_assert_false (amigo_image_get_is_public (image));
  g_assert_true (amigo_model_has_value (image, "is-public"));
  codes = amigo_image_get_product_codes (image, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (codes[0].product_code_id, ==, "abcdefghijklmnop0123456789");
  g_assert_cmpstr (codes[0].product_code_type, ==, "marketplace");
  g_assert_cmpstr (amigo_image_get_architecture (image), ==, "x86_64");
  g_assert_cmpstr (amigo_image_get_image_type (image), ==, "machine");
  g_assert_null (amigo_image_get_kernel_id (image));
  g_assert_null (amigo_image_get_ramdisk_id (image));
  g_assert_null (amigo_image_get_platform (image));
  g_assert_cmpstr (amigo_image_get_platform_details (image), ==, "Linux/UNIX");
  g_assert_cmpstr (amigo_image_get_usage_operation (image), ==, "RunInstances");
  g_assert_cmpstr (amigo_image_get_sriov_net_support (image), ==, "simple");
  g_assert_true (amigo_image_get_ena_support (image));
  g_assert_null (amigo_image_get_state_reason (image));
  g_assert_null (amigo_image_get_image_owner_alias (image));
  g_assert_cmpstr (amigo_image_get_name (image), ==, "my-web-server-2024.06.01");
  g_assert_cmpstr (amigo_image_get_description (image), ==, "Web server image & tools (built by <pipeline>)");
  g_assert_cmpstr (amigo_image_get_root_device_type (image), ==, "ebs");
  g_assert_cmpstr (amigo_image_get_root_device_name (image), ==, "/dev/xvda");
  bdm = amigo_image_get_block_device_mappings (image, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (bdm[0].device_name, ==, "/dev/xvda");
  g_assert_true (bdm[0].has_ebs);
  g_assert_cmpstr (bdm[0].ebs.snapshot_id, ==, "snap-1234567890abcdef0");
  g_assert_cmpint (bdm[0].ebs.volume_size, ==, 8);
  g_assert_cmpstr (bdm[0].ebs.volume_type, ==, "gp3");
  g_assert_cmpint (bdm[0].ebs.iops, ==, 3000);
  g_assert_cmpint (bdm[0].ebs.throughput, ==, 125);
  g_assert_cmpint (bdm[0].ebs.encrypted, ==, AMIGO_TRISTATE_FALSE);
  g_assert_cmpint (bdm[0].ebs.delete_on_termination, ==, AMIGO_TRISTATE_TRUE);
  g_assert_null (bdm[0].ebs.kms_key_id);
  g_assert_cmpstr (bdm[1].virtual_name, ==, "ephemeral0");
  g_assert_false (bdm[1].has_ebs);
  g_assert_cmpint (bdm[1].ebs.volume_size, ==, -1);
  g_assert_cmpstr (bdm[2].no_device, ==, "");
  g_assert_cmpstr (amigo_image_get_virtualization_type (image), ==, "hvm");
  tags = amigo_image_get_tags (image, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (tags[1].key, ==, "cost-center");
  g_assert_cmpstr (tags[1].value, ==, "R&D");
  g_assert_cmpstr (amigo_image_get_hypervisor (image), ==, "xen");
  g_assert_cmpstr (amigo_image_get_boot_mode (image), ==, "uefi-preferred");
  g_assert_cmpstr (amigo_image_get_tpm_support (image), ==, "v2.0");
  g_assert_cmpstr (amigo_image_get_deprecation_time (image), ==, "2026-06-01T12:34:00.000Z");
  g_assert_cmpint (amigo_image_get_deprecation_time_usec (image), ==, G_GINT64_CONSTANT (1780317240) * G_USEC_PER_SEC);
  g_assert_cmpstr (amigo_image_get_imds_support (image), ==, "v2.0");
  g_assert_null (amigo_image_get_source_instance_id (image));
  g_assert_cmpstr (amigo_image_get_deregistration_protection (image), ==, "disabled");
  g_assert_cmpstr (amigo_image_get_last_launched_time (image), ==, "2024-07-15T08:00:00Z");
  g_assert_cmpint (amigo_image_get_last_launched_time_usec (image), ==, G_GINT64_CONSTANT (1721030400) * G_USEC_PER_SEC);
  g_assert_false (amigo_image_get_image_allowed (image));
  g_assert_false (amigo_model_has_value (image, "image-allowed"));
  g_assert_cmpstr (amigo_image_get_source_image_id (image), ==, "ami-1234567890abcdef0");
  g_assert_cmpstr (amigo_image_get_source_image_region (image), ==, "us-west-2");
  g_assert_false (amigo_image_get_free_tier_eligible (image));

  /* Repeated values are shared, not copied per image */
  g_assert_true (amigo_image_get_state (images->pdata[0]) == amigo_image_get_state (images->pdata[1]));
  g_assert_true (amigo_image_get_hypervisor (images->pdata[0]) == amigo_image_get_hypervisor (images->pdata[1]));
}

/* Properties can be set (UI tests build fake images), notify once, and
 * copy lists in and out. */
static void
test_image_properties (void)
{
  g_autoptr(AmigoImage) image = amigo_image_new ();
  g_autoptr(GPtrArray) tags = g_ptr_array_new_with_free_func ((GDestroyNotify) amigo_tag_free);
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(AmigoStateReason) reason = amigo_state_reason_new ("Server.InternalError", "Internal error");
  const AmigoTag *stored;
  guint n;

  g_assert_null (amigo_image_get_name (image));
  g_assert_false (amigo_model_has_value (image, "name"));
  g_assert_false (amigo_model_has_value (image, "ena-support"));
  g_assert_false (amigo_model_has_value (image, "tags"));
  g_assert_false (amigo_model_has_value (image, "state-reason"));

  g_ptr_array_add (tags, amigo_tag_new ("Name", "web"));
  g_ptr_array_add (tags, amigo_tag_new ("env", "prod"));
  g_object_set (image,
                "name", "web-2024",
                "ena-support", FALSE,
                "creation-date", "2024-01-02T03:04:05Z",
                "tags", tags,
                "state-reason", reason,
                NULL);
  g_assert_cmpstr (amigo_image_get_name (image), ==, "web-2024");
  g_assert_true (amigo_model_has_value (image, "ena-support"));
  g_assert_false (amigo_image_get_ena_support (image));
  g_assert_cmpint (amigo_image_get_creation_date_usec (image), ==, G_GINT64_CONSTANT (1704164645) * G_USEC_PER_SEC);
  stored = amigo_image_get_tags (image, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (stored[1].value, ==, "prod");
  g_assert_cmpstr (amigo_image_get_state_reason (image)->code, ==, "Server.InternalError");
  g_object_get (image, "tags", &back, NULL);
  g_assert_cmpuint (back->len, ==, 2);
  g_assert_cmpstr (((AmigoTag *) back->pdata[0])->key, ==, "Name");

  g_object_set (image, "state-reason", NULL, "tags", NULL, NULL);
  g_assert_null (amigo_image_get_state_reason (image));
  g_assert_null (amigo_image_get_tags (image, &n));
  g_assert_cmpuint (n, ==, 0);
}

/* DeregisterImage's own answer: `return`, and what became of each
 * snapshot, read whatever the chunks (values are trimmed). */
static void
test_deregister_image (void)
{
  static const char xml[] =
    "<DeregisterImageResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
    "<requestId>r-1</requestId><return>true</return><deleteSnapshotResultSet>"
    "<item><snapshotId> snap-1 </snapshotId><returnCode>success</returnCode></item>"
    "<item><snapshotId>snap-2</snapshotId><returnCode>skipped</returnCode><unknown/></item>"
    "</deleteSnapshotResultSet></DeregisterImageResponse>";
  static const char bare[] =
    "<DeregisterImageResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
    "<requestId>r-2</requestId><return>false</return></DeregisterImageResponse>";

  for (gsize cut = 1; cut < sizeof xml - 1; cut += 37)
    {
      g_autoptr(AmigoEc2Parser) parser = amigo_ec2_parser_new_deregister_image ();
      g_autoptr(GPtrArray) deletions = NULL;
      g_autoptr(GError) error = NULL;
      const AmigoSnapshotDeletion *d;

      g_assert_true (amigo_ec2_parser_feed (parser, xml, cut, &error));
      g_assert_true (amigo_ec2_parser_feed (parser, xml + cut, sizeof xml - 1 - cut, &error));
      g_assert_true (amigo_ec2_parser_finish (parser, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (amigo_ec2_parser_get_request_id (parser), ==, "r-1");
      g_assert_true (amigo_ec2_parser_get_return (parser));
      deletions = amigo_ec2_parser_steal_snapshot_deletions (parser);
      g_assert_cmpuint (deletions->len, ==, 2);
      d = g_ptr_array_index (deletions, 0);
      g_assert_cmpstr (d->snapshot_id, ==, "snap-1");
      g_assert_cmpstr (d->return_code, ==, "success");
      d = g_ptr_array_index (deletions, 1);
      g_assert_cmpstr (d->snapshot_id, ==, "snap-2");
      g_assert_cmpstr (d->return_code, ==, "skipped");
    }

  {
    g_autoptr(AmigoEc2Parser) parser = amigo_ec2_parser_new_deregister_image ();
    g_autoptr(GPtrArray) deletions = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_true (amigo_ec2_parser_feed (parser, bare, sizeof bare - 1, &error));
    g_assert_true (amigo_ec2_parser_finish (parser, &error));
    g_assert_cmpstr (amigo_ec2_parser_get_value (parser, "return"), ==, "false");
    g_assert_false (amigo_ec2_parser_get_return (parser));
    deletions = amigo_ec2_parser_steal_snapshot_deletions (parser);
    g_assert_cmpuint (deletions->len, ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *name = g_strdup_printf ("/ec2-parsers/sample/%s", samples[i].path);
      g_test_add_data_func (name, &samples[i], test_sample);
    }
  g_test_add_func ("/ec2-parsers/samples/all-listed", test_every_sample_listed);
  g_test_add_func ("/ec2-parsers/image/getters", test_image_getters);
  g_test_add_func ("/ec2-parsers/deregister-image", test_deregister_image);
  g_test_add_func ("/ec2-parsers/image/properties", test_image_properties);

  return g_test_run ();
}
