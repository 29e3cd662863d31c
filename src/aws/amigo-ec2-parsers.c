/* amigo-ec2-parsers.c — EC2 (and STS) responses, parsed as they stream in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parser keeps a stack of frames, one per open element that means
 * something: a record being filled (an image, its block device mapping,
 * the EBS part of that), a list being collected, a list whose items become
 * new objects. Which child element goes where comes from the models' field
 * tables (amigo-record-private.h), so a response is read in one pass with
 * no document tree, and an element no table names is skipped whole.
 */
#include "config.h"

#include <string.h>

#include "amigo-credentials.h"
#include "amigo-ec2-parsers.h"
#include "amigo-record-private.h"
#include "amigo-xml-reader.h"

typedef enum {
  FRAME_RECORD,    /* children are fields of `type` at `base` */
  FRAME_LIST,      /* children are items: records of `field->sub` collected in `items` */
  FRAME_STRV,      /* children are items: strings collected in `items` */
  FRAME_GROUP,     /* children are items whose own children are fields of `type` at `base` */
  FRAME_OBJECTS,   /* children are items: new objects of `type`, emitted when complete */
  FRAME_MAP,       /* children are leaves stored by name (simple results) */
} FrameKind;

typedef struct {
  FrameKind kind;
  guint depth;
  const AmigoRecordType *type;
  guint8 *base;
  const AmigoRecordField *field;
  GArray *items;
  GObject *object;    /* the item of a FRAME_OBJECTS, owned until emitted */
} Frame;

typedef enum {
  LEAF_FIELD,
  LEAF_STRV_ITEM,
  LEAF_MAP,
  LEAF_REQUEST_ID,
} LeafKind;

/* What a response says besides its items */
typedef struct {
  char *request_id;
  char *next_token;
  char *reservation_id;
  char *owner_id;
  char *return_value;
  AmigoSnapshotDeletion *deletions;
  guint n_deletions;
  char *state;          /* GetAllowedImagesSettings */
  char *managed_by;     /* GetAllowedImagesSettings */
} Ec2Result;

/* Element names come from libxml2's dictionary, one pointer per distinct
 * name: a small cache keyed on (table, name pointer) spares the string
 * hashing of most lookups. */
#define LOOKUP_CACHE_SIZE 512

typedef struct {
  const AmigoRecordType *type;
  const char *name;
  const AmigoRecordField *field;
} LookupEntry;

struct _AmigoEc2Parser
{
  AmigoXmlReader *reader;
  LookupEntry lookup_cache[LOOKUP_CACHE_SIZE];
  GArray *frames;                  /* of Frame */

  /* The leaf element being read, if any */
  LeafKind leaf_kind;
  const AmigoRecordField *leaf;
  guint8 *leaf_base;
  guint leaf_depth;                /* 0: none */
  gboolean leaf_spoiled;           /* it had child elements: its text is no value */
  guint skip_depth;                /* 0, or the depth of an element skipped whole */

  const AmigoRecordType *root_type;   /* NULL: a simple result, read into `values` */
  guint8 *root_base;
  Ec2Result result;
  AmigoImageAttribute *attribute;
  GObject *object;                 /* amigo_ec2_parser_new_object() */
  GHashTable *values;

  GPtrArray *items;                /* emitted, not yet handed to the batch function */
  AmigoEc2BatchFunc batch_func;
  gpointer batch_data;
  guint batch_size;
  guint n_items;
};

/* Root tables: the members of each operation's answer */

#define RESULT_STRING(element, member, field) \
  { element, member, NULL, AMIGO_FIELD_STRING, G_STRUCT_OFFSET (Ec2Result, field), AMIGO_FIELD_NO_AUX, NULL }
#define RESULT_OBJECTS(element, member, record) \
  { element, member, NULL, AMIGO_FIELD_OBJECTS, 0, AMIGO_FIELD_NO_AUX, &record }
#define ROOT_TYPE(name, fields) \
  static AmigoRecordType name##_type = { #name, 0, fields, G_N_ELEMENTS (fields), NULL, NULL, NULL, NULL }

static const AmigoRecordField response_metadata_fields[] = {
  RESULT_STRING ("RequestId", "RequestId", request_id),
};
ROOT_TYPE (response_metadata, response_metadata_fields);

static const AmigoRecordField describe_images_fields[] = {
  RESULT_OBJECTS ("imagesSet", "Images", amigo_image_record),
  RESULT_STRING ("nextToken", "NextToken", next_token),
};
ROOT_TYPE (describe_images, describe_images_fields);

static const AmigoRecordField describe_regions_fields[] = {
  RESULT_OBJECTS ("regionInfo", "Regions", amigo_region_record),
};
ROOT_TYPE (describe_regions, describe_regions_fields);

static const AmigoRecordField reservation_fields[] = {
  RESULT_OBJECTS ("instancesSet", "Instances", amigo_instance_record),
};
ROOT_TYPE (reservation, reservation_fields);

static const AmigoRecordField describe_instances_fields[] = {
  { "reservationSet", "Reservations", NULL, AMIGO_FIELD_GROUP_LIST, 0, AMIGO_FIELD_NO_AUX,
    &reservation_type },
  RESULT_STRING ("nextToken", "NextToken", next_token),
};
ROOT_TYPE (describe_instances, describe_instances_fields);

static const AmigoRecordField run_instances_fields[] = {
  RESULT_STRING ("reservationId", "ReservationId", reservation_id),
  RESULT_STRING ("ownerId", "OwnerId", owner_id),
  RESULT_OBJECTS ("instancesSet", "Instances", amigo_instance_record),
};
ROOT_TYPE (run_instances, run_instances_fields);

static const AmigoRecordField describe_snapshots_fields[] = {
  RESULT_OBJECTS ("snapshotSet", "Snapshots", amigo_snapshot_record),
  RESULT_STRING ("nextToken", "NextToken", next_token),
};
ROOT_TYPE (describe_snapshots, describe_snapshots_fields);

static const AmigoRecordField describe_key_pairs_fields[] = {
  RESULT_OBJECTS ("keySet", "KeyPairs", amigo_key_pair_record),
};
ROOT_TYPE (describe_key_pairs, describe_key_pairs_fields);

static const AmigoRecordField describe_security_groups_fields[] = {
  RESULT_OBJECTS ("securityGroupInfo", "SecurityGroups", amigo_security_group_record),
  RESULT_STRING ("nextToken", "NextToken", next_token),
};
ROOT_TYPE (describe_security_groups, describe_security_groups_fields);

static const AmigoRecordField describe_subnets_fields[] = {
  RESULT_OBJECTS ("subnetSet", "Subnets", amigo_subnet_record),
  RESULT_STRING ("nextToken", "NextToken", next_token),
};
ROOT_TYPE (describe_subnets, describe_subnets_fields);

static const AmigoRecordField describe_vpcs_fields[] = {
  RESULT_OBJECTS ("vpcSet", "Vpcs", amigo_vpc_record),
  RESULT_STRING ("nextToken", "NextToken", next_token),
};
ROOT_TYPE (describe_vpcs, describe_vpcs_fields);

static const AmigoRecordField describe_volumes_fields[] = {
  RESULT_OBJECTS ("volumeSet", "Volumes", amigo_volume_record),
  RESULT_STRING ("nextToken", "NextToken", next_token),
};
ROOT_TYPE (describe_volumes, describe_volumes_fields);

static const AmigoRecordField describe_instance_types_fields[] = {
  RESULT_OBJECTS ("instanceTypeSet", "InstanceTypes", amigo_instance_type_record),
  RESULT_STRING ("nextToken", "NextToken", next_token),
};
ROOT_TYPE (describe_instance_types, describe_instance_types_fields);

/* An offering (instanceType, locationType, location) is read as an
 * #AmigoInstanceType of which only the name is known. */
static const AmigoRecordField describe_instance_type_offerings_fields[] = {
  RESULT_OBJECTS ("instanceTypeOfferingSet", "InstanceTypeOfferings", amigo_instance_type_record),
  RESULT_STRING ("nextToken", "NextToken", next_token),
};
ROOT_TYPE (describe_instance_type_offerings, describe_instance_type_offerings_fields);

static const AmigoRecordField deregister_image_fields[] = {
  RESULT_STRING ("return", "Return", return_value),
  { "deleteSnapshotResultSet", "DeleteSnapshotResults", NULL, AMIGO_FIELD_LIST,
    G_STRUCT_OFFSET (Ec2Result, deletions), G_STRUCT_OFFSET (Ec2Result, n_deletions),
    &amigo_snapshot_deletion_record },
};
ROOT_TYPE (deregister_image, deregister_image_fields);

/* VM Import/Export and AMIs stored in S3 */
static const AmigoRecordField describe_import_image_tasks_fields[] = {
  RESULT_OBJECTS ("importImageTaskSet", "ImportImageTasks", amigo_import_task_record),
  RESULT_STRING ("nextToken", "NextToken", next_token),
};
ROOT_TYPE (describe_import_image_tasks, describe_import_image_tasks_fields);

static const AmigoRecordField describe_import_snapshot_tasks_fields[] = {
  RESULT_OBJECTS ("importSnapshotTaskSet", "ImportSnapshotTasks", amigo_import_task_record),
  RESULT_STRING ("nextToken", "NextToken", next_token),
};
ROOT_TYPE (describe_import_snapshot_tasks, describe_import_snapshot_tasks_fields);

static const AmigoRecordField describe_export_image_tasks_fields[] = {
  RESULT_OBJECTS ("exportImageTaskSet", "ExportImageTasks", amigo_export_image_task_record),
  RESULT_STRING ("nextToken", "NextToken", next_token),
};
ROOT_TYPE (describe_export_image_tasks, describe_export_image_tasks_fields);

static const AmigoRecordField describe_store_image_tasks_fields[] = {
  RESULT_OBJECTS ("storeImageTaskResultSet", "StoreImageTaskResults", amigo_store_image_task_record),
  RESULT_STRING ("nextToken", "NextToken", next_token),
};
ROOT_TYPE (describe_store_image_tasks, describe_store_image_tasks_fields);
/* The image clean-up: references, the Recycle Bin, ancestry, Allowed AMIs */
static const AmigoRecordField describe_image_references_fields[] = {
  RESULT_OBJECTS ("imageReferenceSet", "ImageReferences", amigo_image_reference_record),
  RESULT_STRING ("nextToken", "NextToken", next_token),
};
ROOT_TYPE (describe_image_references, describe_image_references_fields);

static const AmigoRecordField list_images_in_recycle_bin_fields[] = {
  RESULT_OBJECTS ("imageSet", "Images", amigo_recycle_bin_image_record),
  RESULT_STRING ("nextToken", "NextToken", next_token),
};
ROOT_TYPE (list_images_in_recycle_bin, list_images_in_recycle_bin_fields);

static const AmigoRecordField get_image_ancestry_fields[] = {
  RESULT_OBJECTS ("imageAncestryEntrySet", "ImageAncestryEntries", amigo_image_ancestry_entry_record),
};
ROOT_TYPE (get_image_ancestry, get_image_ancestry_fields);

static const AmigoRecordField get_allowed_images_settings_fields[] = {
  RESULT_STRING ("state", "State", state),
  RESULT_OBJECTS ("imageCriterionSet", "ImageCriteria", amigo_image_criterion_record),
  RESULT_STRING ("managedBy", "ManagedBy", managed_by),
};
ROOT_TYPE (get_allowed_images_settings, get_allowed_images_settings_fields);

/* Items */

static void
flush_items (AmigoEc2Parser *self)
{
  if (self->batch_func == NULL || self->items->len == 0)
    return;

  self->batch_func (self->items, self->batch_data);
  g_ptr_array_set_size (self->items, 0);
}

static void
emit_item (AmigoEc2Parser *self,
           GObject        *object)
{
  g_ptr_array_add (self->items, object);
  self->n_items++;
  if (self->batch_func != NULL && self->items->len >= self->batch_size)
    flush_items (self);
}

/* Frames */

static Frame *
push_frame (AmigoEc2Parser *self,
            FrameKind       kind,
            guint           depth)
{
  Frame frame = { kind, depth, NULL, NULL, NULL, NULL, NULL };

  g_array_append_val (self->frames, frame);
  return &g_array_index (self->frames, Frame, self->frames->len - 1);
}

static void
free_strv_items (GArray *items)
{
  for (guint i = 0; i < items->len; i++)
    g_free (g_array_index (items, char *, i));
  g_array_free (items, TRUE);
}

/* Closes the innermost frame; @complete says whether its element ended
 * (rather than the parse stopping half-way). */
static void
pop_frame (AmigoEc2Parser *self,
           gboolean        complete)
{
  Frame frame = g_array_index (self->frames, Frame, self->frames->len - 1);

  g_array_set_size (self->frames, self->frames->len - 1);

  switch (frame.kind)
    {
    case FRAME_RECORD:
      if (frame.object != NULL)
        {
          if (complete)
            emit_item (self, frame.object);
          else
            g_object_unref (frame.object);
        }
      break;

    case FRAME_LIST:
      if (complete)
        {
          gsize n = 0;
          gpointer data = g_array_steal (frame.items, &n);

          amigo_record_set_list (frame.field, frame.base, data, n);
          g_array_free (frame.items, TRUE);
        }
      else
        {
          for (guint i = 0; i < frame.items->len; i++)
            amigo_record_clear (frame.field->sub,
                                frame.items->data + (gsize) i * frame.field->sub->size);
          g_array_free (frame.items, TRUE);
        }
      break;

    case FRAME_STRV:
      if (complete)
        {
          char *end = NULL;

          g_array_append_val (frame.items, end);
          amigo_record_set_strv (frame.field, frame.base,
                                 (char **) g_array_free (frame.items, FALSE));
        }
      else
        free_strv_items (frame.items);
      break;

    case FRAME_GROUP:
    case FRAME_OBJECTS:
    case FRAME_MAP:
    default:
      break;
    }
}

static const AmigoRecordField *
lookup_field (AmigoEc2Parser        *self,
              const AmigoRecordType *type,
              const char            *name)
{
  guintptr key = (guintptr) type ^ ((guintptr) name * 31);
  LookupEntry *entry = &self->lookup_cache[(key >> 3) % LOOKUP_CACHE_SIZE];

  if (entry->type != type || entry->name != name)
    {
      entry->type = type;
      entry->name = name;
      entry->field = amigo_record_type_lookup (type, name);
    }
  return entry->field;
}

static void
start_leaf (AmigoEc2Parser         *self,
            LeafKind                kind,
            const AmigoRecordField *field,
            guint8                 *base,
            guint                   depth)
{
  self->leaf_kind = kind;
  self->leaf = field;
  self->leaf_base = base;
  self->leaf_depth = depth;
  self->leaf_spoiled = FALSE;
}

static gboolean
is_result_wrapper (const char *name)
{
  return g_str_has_suffix (name, "Result") || strcmp (name, "ResponseMetadata") == 0;
}

static void
on_start_element_cb (gpointer    user_data,
                     const char *name,
                     guint       depth)
{
  AmigoEc2Parser *self = user_data;
  Frame *top;
  Frame *frame;
  const AmigoRecordField *f;

  if (self->skip_depth != 0)
    return;

  if (self->leaf_depth != 0)
    {
      /* A value with child elements: not what we know, skip it */
      self->leaf_spoiled = TRUE;
      self->skip_depth = depth;
      return;
    }

  if (depth == 1)
    {
      if (self->root_type != NULL)
        {
          frame = push_frame (self, FRAME_RECORD, depth);
          frame->type = self->root_type;
          frame->base = self->root_base;
        }
      else
        push_frame (self, FRAME_MAP, depth);
      return;
    }

  top = &g_array_index (self->frames, Frame, self->frames->len - 1);
  if (top->depth + 1 != depth)
    {
      self->skip_depth = depth;
      return;
    }

  /* What every response may carry, whatever the operation */
  if (depth == 2 && strcmp (name, "requestId") == 0)
    {
      start_leaf (self, LEAF_REQUEST_ID, NULL, NULL, depth);
      return;
    }
  if (depth == 2 && strcmp (name, "ResponseMetadata") == 0)
    {
      frame = push_frame (self, FRAME_RECORD, depth);
      frame->type = &response_metadata_type;
      frame->base = (guint8 *) &self->result;
      return;
    }

  switch (top->kind)
    {
    case FRAME_RECORD:
      f = lookup_field (self, top->type, name);
      if (f == NULL)
        {
          self->skip_depth = depth;
          return;
        }
      switch (f->kind)
        {
        case AMIGO_FIELD_STRING:
        case AMIGO_FIELD_POOLED:
        case AMIGO_FIELD_BOOLEAN:
        case AMIGO_FIELD_INT:
        case AMIGO_FIELD_INT64:
        case AMIGO_FIELD_DATE:
          start_leaf (self, LEAF_FIELD, f, top->base, depth);
          break;

        case AMIGO_FIELD_STRUCT:
          {
            guint8 *base = top->base;

            if (f->aux != AMIGO_FIELD_NO_AUX)
              *(gboolean *) (base + f->aux) = TRUE;
            frame = push_frame (self, FRAME_RECORD, depth);
            frame->type = f->sub;
            frame->base = base + f->offset;
          }
          break;

        case AMIGO_FIELD_LIST:
          {
            guint8 *base = top->base;

            frame = push_frame (self, FRAME_LIST, depth);
            frame->field = f;
            frame->base = base;
            frame->items = g_array_new (FALSE, TRUE, f->sub->size);
          }
          break;

        case AMIGO_FIELD_STRV:
          {
            guint8 *base = top->base;

            frame = push_frame (self, FRAME_STRV, depth);
            frame->field = f;
            frame->base = base;
            frame->items = g_array_new (FALSE, FALSE, sizeof (char *));
          }
          break;

        case AMIGO_FIELD_GROUP_LIST:
          {
            guint8 *base = top->base;

            frame = push_frame (self, FRAME_GROUP, depth);
            frame->type = f->sub;
            frame->base = base;
          }
          break;

        case AMIGO_FIELD_OBJECTS:
          frame = push_frame (self, FRAME_OBJECTS, depth);
          frame->type = f->sub;
          break;

        default:
          self->skip_depth = depth;
          break;
        }
      break;

    case FRAME_LIST:
      {
        const AmigoRecordType *sub = top->field->sub;
        guint8 *item;

        g_array_set_size (top->items, top->items->len + 1);
        item = (guint8 *) top->items->data + (gsize) (top->items->len - 1) * sub->size;
        amigo_record_init (sub, item);
        frame = push_frame (self, FRAME_RECORD, depth);
        frame->type = sub;
        frame->base = item;
      }
      break;

    case FRAME_STRV:
      start_leaf (self, LEAF_STRV_ITEM, NULL, NULL, depth);
      break;

    case FRAME_GROUP:
      {
        const AmigoRecordType *type = top->type;
        guint8 *base = top->base;

        frame = push_frame (self, FRAME_RECORD, depth);
        frame->type = type;
        frame->base = base;
      }
      break;

    case FRAME_OBJECTS:
      {
        const AmigoRecordType *type = top->type;
        GObject *object = g_object_new (type->get_type (), NULL);

        frame = push_frame (self, FRAME_RECORD, depth);
        frame->type = type;
        frame->base = (guint8 *) object;
        frame->object = object;
      }
      break;

    case FRAME_MAP:
      if (depth == 2 && is_result_wrapper (name))
        push_frame (self, FRAME_MAP, depth);
      else
        start_leaf (self, LEAF_MAP, NULL, NULL, depth);
      break;

    default:
      self->skip_depth = depth;
      break;
    }
}

static void
on_end_element_cb (gpointer    user_data,
                   const char *name,
                   guint       depth,
                   const char *text,
                   gsize       text_len)
{
  AmigoEc2Parser *self = user_data;

  if (self->skip_depth != 0)
    {
      if (depth == self->skip_depth)
        self->skip_depth = 0;
      return;
    }

  if (self->leaf_depth != 0)
    {
      if (depth != self->leaf_depth)
        return;
      self->leaf_depth = 0;
      if (self->leaf_spoiled)
        return;

      switch (self->leaf_kind)
        {
        case LEAF_FIELD:
          amigo_record_set_text (self->leaf, self->leaf_base, text, text_len);
          break;
        case LEAF_STRV_ITEM:
          {
            Frame *top = &g_array_index (self->frames, Frame, self->frames->len - 1);
            char *copy = g_strndup (text, text_len);
            g_array_append_val (top->items, copy);
          }
          break;
        case LEAF_MAP:
          g_hash_table_replace (self->values, g_strdup (name), g_strndup (text, text_len));
          break;
        case LEAF_REQUEST_ID:
          g_free (self->result.request_id);
          self->result.request_id = g_strndup (text, text_len);
          break;
        default:
          break;
        }
      return;
    }

  if (self->frames->len > 0
      && g_array_index (self->frames, Frame, self->frames->len - 1).depth == depth)
    pop_frame (self, TRUE);
}

static AmigoEc2Parser *
parser_new (const char            *root_element,
            const AmigoRecordType *root_type)
{
  static const AmigoXmlReaderCallbacks callbacks = {
    on_start_element_cb,
    on_end_element_cb,
  };
  AmigoEc2Parser *self = g_new0 (AmigoEc2Parser, 1);

  self->reader = amigo_xml_reader_new (root_element, &callbacks, self);
  self->frames = g_array_sized_new (FALSE, FALSE, sizeof (Frame), 16);
  self->root_type = root_type;
  self->root_base = (guint8 *) &self->result;
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->batch_size = AMIGO_EC2_PARSER_DEFAULT_BATCH_SIZE;
  if (root_type == NULL)
    self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) amigo_secure_free_string);
  return self;
}

/**
 * amigo_ec2_parser_new_describe_images:
 * @func: (nullable) (scope forever): called with each batch of #AmigoImage
 *   while the body is parsed; %NULL to collect them all for
 *   amigo_ec2_parser_steal_items()
 * @user_data: data for @func
 *
 * Reads `DescribeImagesResponse`: images (in batches of
 * %AMIGO_EC2_PARSER_DEFAULT_BATCH_SIZE unless changed) and `nextToken`.
 * Every image whose `</item>` was read is handed to @func, in order, before
 * feed() or finish() returns — also when they then report an error.
 *
 * Returns: (transfer full): a new parser
 */
AmigoEc2Parser *
amigo_ec2_parser_new_describe_images (AmigoEc2BatchFunc func,
                                      gpointer          user_data)
{
  AmigoEc2Parser *self = parser_new ("DescribeImagesResponse", &describe_images_type);

  amigo_ec2_parser_set_batch_func (self, func, user_data);
  return self;
}

/**
 * amigo_ec2_parser_new_describe_regions:
 *
 * Reads `DescribeRegionsResponse`: #AmigoRegion items.
 *
 * Returns: (transfer full): a new parser
 */
AmigoEc2Parser *
amigo_ec2_parser_new_describe_regions (void)
{
  return parser_new ("DescribeRegionsResponse", &describe_regions_type);
}

/**
 * amigo_ec2_parser_new_describe_image_attribute:
 *
 * Reads `DescribeImageAttributeResponse` into an #AmigoImageAttribute
 * (amigo_ec2_parser_get_image_attribute()).
 *
 * Returns: (transfer full): a new parser
 */
AmigoEc2Parser *
amigo_ec2_parser_new_describe_image_attribute (void)
{
  AmigoEc2Parser *self = parser_new ("DescribeImageAttributeResponse", &amigo_image_attribute_record);

  self->attribute = amigo_image_attribute_new ();
  self->root_base = (guint8 *) self->attribute;
  return self;
}

/**
 * amigo_ec2_parser_new_describe_instances:
 *
 * Reads `DescribeInstancesResponse`: the #AmigoInstance items of every
 * reservation, and `nextToken`.
 *
 * Returns: (transfer full): a new parser
 */
AmigoEc2Parser *
amigo_ec2_parser_new_describe_instances (void)
{
  return parser_new ("DescribeInstancesResponse", &describe_instances_type);
}

/**
 * amigo_ec2_parser_new_run_instances:
 *
 * Reads `RunInstancesResponse`: the #AmigoInstance items launched, the
 * reservation id and owner id.
 *
 * Returns: (transfer full): a new parser
 */
AmigoEc2Parser *
amigo_ec2_parser_new_run_instances (void)
{
  return parser_new ("RunInstancesResponse", &run_instances_type);
}

/**
 * amigo_ec2_parser_new_describe_snapshots:
 *
 * Reads `DescribeSnapshotsResponse`: #AmigoSnapshot items and `nextToken`.
 *
 * Returns: (transfer full): a new parser
 */
AmigoEc2Parser *
amigo_ec2_parser_new_describe_snapshots (void)
{
  return parser_new ("DescribeSnapshotsResponse", &describe_snapshots_type);
}

/**
 * amigo_ec2_parser_new_describe_key_pairs:
 *
 * Reads `DescribeKeyPairsResponse`: #AmigoKeyPair items.
 *
 * Returns: (transfer full): a new parser
 */
AmigoEc2Parser *
amigo_ec2_parser_new_describe_key_pairs (void)
{
  return parser_new ("DescribeKeyPairsResponse", &describe_key_pairs_type);
}

/**
 * amigo_ec2_parser_new_describe_security_groups:
 *
 * Reads `DescribeSecurityGroupsResponse`: #AmigoSecurityGroup items and
 * `nextToken`.
 *
 * Returns: (transfer full): a new parser
 */
AmigoEc2Parser *
amigo_ec2_parser_new_describe_security_groups (void)
{
  return parser_new ("DescribeSecurityGroupsResponse", &describe_security_groups_type);
}

/**
 * amigo_ec2_parser_new_describe_subnets:
 *
 * Reads `DescribeSubnetsResponse`: #AmigoSubnet items and `nextToken`.
 *
 * Returns: (transfer full): a new parser
 */
AmigoEc2Parser *
amigo_ec2_parser_new_describe_subnets (void)
{
  return parser_new ("DescribeSubnetsResponse", &describe_subnets_type);
}

/**
 * amigo_ec2_parser_new_describe_vpcs:
 *
 * Reads `DescribeVpcsResponse`: #AmigoVpc items and `nextToken`.
 *
 * Returns: (transfer full): a new parser
 */
AmigoEc2Parser *
amigo_ec2_parser_new_describe_vpcs (void)
{
  return parser_new ("DescribeVpcsResponse", &describe_vpcs_type);
}

/**
 * amigo_ec2_parser_new_describe_volumes:
 *
 * Reads `DescribeVolumesResponse`: #AmigoVolume items and `nextToken`.
 *
 * Returns: (transfer full): a new parser
 */
AmigoEc2Parser *
amigo_ec2_parser_new_describe_volumes (void)
{
  return parser_new ("DescribeVolumesResponse", &describe_volumes_type);
}

/**
 * amigo_ec2_parser_new_describe_instance_types:
 *
 * Reads `DescribeInstanceTypesResponse`: #AmigoInstanceType items and
 * `nextToken`.
 *
 * Returns: (transfer full): a new parser
 */
AmigoEc2Parser *
amigo_ec2_parser_new_describe_instance_types (void)
{
  return parser_new ("DescribeInstanceTypesResponse", &describe_instance_types_type);
}

/**
 * amigo_ec2_parser_new_describe_instance_type_offerings:
 *
 * Reads `DescribeInstanceTypeOfferingsResponse`: one #AmigoInstanceType
 * per offering, with only its name (`instanceType`), and `nextToken`.
 *
 * Returns: (transfer full): a new parser
 */
AmigoEc2Parser *
amigo_ec2_parser_new_describe_instance_type_offerings (void)
{
  return parser_new ("DescribeInstanceTypeOfferingsResponse", &describe_instance_type_offerings_type);
}

/**
 * amigo_ec2_parser_new_describe_import_image_tasks:
 *
 * Reads `DescribeImportImageTasksResponse`: #AmigoImportTask items and
 * `nextToken`.
 *
 * Returns: (transfer full): a new parser
 */
AmigoEc2Parser *
amigo_ec2_parser_new_describe_import_image_tasks (void)
{
  return parser_new ("DescribeImportImageTasksResponse", &describe_import_image_tasks_type);
}

/**
 * amigo_ec2_parser_new_describe_import_snapshot_tasks:
 *
 * Reads `DescribeImportSnapshotTasksResponse`: #AmigoImportTask items (their
 * state read from `snapshotTaskDetail`) and `nextToken`.
 *
 * Returns: (transfer full): a new parser
 */
AmigoEc2Parser *
amigo_ec2_parser_new_describe_import_snapshot_tasks (void)
{
  return parser_new ("DescribeImportSnapshotTasksResponse", &describe_import_snapshot_tasks_type);
}

/**
 * amigo_ec2_parser_new_describe_export_image_tasks:
 *
 * Reads `DescribeExportImageTasksResponse`: #AmigoExportImageTask items and
 * `nextToken`.
 *
 * Returns: (transfer full): a new parser
 */
AmigoEc2Parser *
amigo_ec2_parser_new_describe_export_image_tasks (void)
{
  return parser_new ("DescribeExportImageTasksResponse", &describe_export_image_tasks_type);
}

/**
 * amigo_ec2_parser_new_describe_store_image_tasks:
 *
 * Reads `DescribeStoreImageTasksResponse`: #AmigoStoreImageTask items and
 * `nextToken`.
 *
 * Returns: (transfer full): a new parser
 */
AmigoEc2Parser *
amigo_ec2_parser_new_describe_store_image_tasks (void)
{
  return parser_new ("DescribeStoreImageTasksResponse", &describe_store_image_tasks_type);
}

/**
 * amigo_ec2_parser_new_answer_object:
 * @root_element: the response element, e.g. `ImportImageResponse`
 * @record: the model whose fields the response's children are, e.g.
 *   amigo_import_task_record for ImportImage
 *
 * Reads an answer that is one model itself (ImportImage, ImportSnapshot,
 * ExportImage answer the task they started, its fields directly under the
 * response element — unlike amigo_ec2_parser_new_object(), whose object is
 * one child element); amigo_ec2_parser_get_object() has it.
 *
 * Returns: (transfer full): a new parser
 */
AmigoEc2Parser *
amigo_ec2_parser_new_answer_object (const char            *root_element,
                                    const AmigoRecordType *record)
{
  AmigoEc2Parser *self;

  g_return_val_if_fail (root_element != NULL, NULL);
  g_return_val_if_fail (record != NULL && record->get_type != NULL, NULL);

  self = parser_new (root_element, record);
  self->object = g_object_new (record->get_type (), NULL);
  self->root_base = (guint8 *) self->object;
  return self;
}

/**
 * amigo_ec2_parser_get_object:
 * @self: a parser from amigo_ec2_parser_new_answer_object()
 *
 * Returns: (transfer none) (nullable): the model read
 */
GObject *
amigo_ec2_parser_get_object (AmigoEc2Parser *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->object;
}

/**
 * amigo_ec2_parser_new_deregister_image:
 *
 * Reads `DeregisterImageResponse`: its `return`
 * (amigo_ec2_parser_get_return()) and, when the snapshots were to be
 * deleted too, what happened to each
 * (amigo_ec2_parser_steal_snapshot_deletions()).
 *
 * Returns: (transfer full): a new parser
 */
AmigoEc2Parser *
amigo_ec2_parser_new_deregister_image (void)
{
  return parser_new ("DeregisterImageResponse", &deregister_image_type);
}

/**
 * amigo_ec2_parser_new_describe_image_references:
 *
 * Reads `DescribeImageReferencesResponse`: #AmigoImageReference items and
 * `nextToken`.
 *
 * Returns: (transfer full): a new parser
 */
AmigoEc2Parser *
amigo_ec2_parser_new_describe_image_references (void)
{
  return parser_new ("DescribeImageReferencesResponse", &describe_image_references_type);
}

/**
 * amigo_ec2_parser_new_list_images_in_recycle_bin:
 *
 * Reads `ListImagesInRecycleBinResponse`: #AmigoRecycleBinImage items and
 * `nextToken`.
 *
 * Returns: (transfer full): a new parser
 */
AmigoEc2Parser *
amigo_ec2_parser_new_list_images_in_recycle_bin (void)
{
  return parser_new ("ListImagesInRecycleBinResponse", &list_images_in_recycle_bin_type);
}

/**
 * amigo_ec2_parser_new_get_image_ancestry:
 *
 * Reads `GetImageAncestryResponse`: #AmigoImageAncestryEntry items, from
 * the image asked about to its root.
 *
 * Returns: (transfer full): a new parser
 */
AmigoEc2Parser *
amigo_ec2_parser_new_get_image_ancestry (void)
{
  return parser_new ("GetImageAncestryResponse", &get_image_ancestry_type);
}

/**
 * amigo_ec2_parser_new_get_allowed_images_settings:
 *
 * Reads `GetAllowedImagesSettingsResponse`: #AmigoImageCriterion items,
 * `state` and `managedBy` (amigo_ec2_parser_get_value()).
 *
 * Returns: (transfer full): a new parser
 */
AmigoEc2Parser *
amigo_ec2_parser_new_get_allowed_images_settings (void)
{
  return parser_new ("GetAllowedImagesSettingsResponse", &get_allowed_images_settings_type);
}

/**
 * amigo_ec2_parser_new_simple:
 * @operation: the operation, e.g. `CreateImage`
 *
 * Reads `<operation>Response` whose members are plain values: `imageId`
 * (CreateImage, CopyImage, RegisterImage), `return` (DeregisterImage,
 * ModifyImageAttribute, CreateTags, …), and so on. Every value directly
 * inside the root, or inside a `…Result` wrapper (query services), is kept
 * by element name for amigo_ec2_parser_get_value(); deeper ones are not.
 * Values are wiped from memory when the parser is freed (CreateKeyPair's
 * `keyMaterial` is a private key).
 *
 * Returns: (transfer full): a new parser
 */
AmigoEc2Parser *
amigo_ec2_parser_new_simple (const char *operation)
{
  g_autofree char *root = NULL;

  g_return_val_if_fail (operation != NULL, NULL);

  root = g_strconcat (operation, "Response", NULL);
  return parser_new (root, NULL);
}

/**
 * amigo_ec2_parser_new_get_caller_identity:
 *
 * Reads STS `GetCallerIdentityResponse`: `Account`, `Arn` and `UserId`
 * with amigo_ec2_parser_get_value(), the request id from
 * `ResponseMetadata`.
 *
 * Returns: (transfer full): a new parser
 */
AmigoEc2Parser *
amigo_ec2_parser_new_get_caller_identity (void)
{
  return amigo_ec2_parser_new_simple ("GetCallerIdentity");
}

/**
 * amigo_ec2_parser_free:
 * @self: (transfer full) (nullable): a parser
 *
 * Frees the parser and every result not taken from it.
 */
void
amigo_ec2_parser_free (AmigoEc2Parser *self)
{
  if (self == NULL)
    return;

  while (self->frames->len > 0)
    pop_frame (self, FALSE);
  g_array_free (self->frames, TRUE);
  amigo_xml_reader_free (self->reader);
  g_ptr_array_unref (self->items);
  g_clear_object (&self->attribute);
  g_clear_object (&self->object);
  g_clear_pointer (&self->values, g_hash_table_unref);
  g_free (self->result.request_id);
  g_free (self->result.next_token);
  g_free (self->result.reservation_id);
  g_free (self->result.owner_id);
  g_free (self->result.return_value);
  g_free (self->result.state);
  g_free (self->result.managed_by);
  for (guint i = 0; i < self->result.n_deletions; i++)
    amigo_record_clear (&amigo_snapshot_deletion_record, &self->result.deletions[i]);
  g_free (self->result.deletions);
  g_free (self);
}

/**
 * amigo_ec2_parser_set_batch_func:
 * @self: a parser
 * @func: (nullable): called with each batch of items; %NULL to collect
 *   them for amigo_ec2_parser_steal_items()
 * @user_data: data for @func
 *
 * Sets where the items of a list operation go while they are parsed. The
 * function must not free the parser.
 */
void
amigo_ec2_parser_set_batch_func (AmigoEc2Parser    *self,
                                 AmigoEc2BatchFunc  func,
                                 gpointer           user_data)
{
  g_return_if_fail (self != NULL);
  self->batch_func = func;
  self->batch_data = user_data;
}

/**
 * amigo_ec2_parser_set_batch_size:
 * @self: a parser
 * @batch_size: how many items each batch holds (the last may hold fewer)
 */
void
amigo_ec2_parser_set_batch_size (AmigoEc2Parser *self,
                                 guint           batch_size)
{
  g_return_if_fail (self != NULL);
  self->batch_size = MAX (batch_size, 1);
}

/**
 * amigo_ec2_parser_set_http_status:
 * @self: a parser
 * @http_status: the HTTP status of the response
 *
 * Lets errors (a service error document, a web page) report the status.
 */
void
amigo_ec2_parser_set_http_status (AmigoEc2Parser *self,
                                  guint           http_status)
{
  g_return_if_fail (self != NULL);
  amigo_xml_reader_set_http_status (self->reader, http_status);
}

/**
 * amigo_ec2_parser_set_text_limit:
 * @self: a parser
 * @limit: the most bytes of text one element may hold
 *
 * See amigo_xml_reader_set_text_limit().
 */
void
amigo_ec2_parser_set_text_limit (AmigoEc2Parser *self,
                                 gsize           limit)
{
  g_return_if_fail (self != NULL);
  amigo_xml_reader_set_text_limit (self->reader, limit);
}

/**
 * amigo_ec2_parser_feed:
 * @self: a parser
 * @buf: (array length=len): the next bytes of the body
 * @len: how many
 * @error: return location for an error
 *
 * Parses the next chunk of the body; chunks may be cut anywhere. Batches
 * are handed out from inside this call.
 *
 * Returns: %FALSE once the body is known to be bad
 */
gboolean
amigo_ec2_parser_feed (AmigoEc2Parser  *self,
                       const char      *buf,
                       gsize            len,
                       GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!amigo_xml_reader_feed (self->reader, buf, len, error))
    {
      flush_items (self);
      return FALSE;
    }
  return TRUE;
}

/**
 * amigo_ec2_parser_finish:
 * @self: a parser
 * @error: return location for an error
 *
 * Ends the body: checks it was whole and hands out the last batch.
 *
 * Returns: %TRUE when the whole answer was read
 */
gboolean
amigo_ec2_parser_finish (AmigoEc2Parser  *self,
                         GError         **error)
{
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);

  ok = amigo_xml_reader_finish (self->reader, error);
  flush_items (self);
  return ok;
}

/**
 * amigo_ec2_parser_get_request_id:
 * @self: a parser
 *
 * Returns: (transfer none) (nullable): the request id AWS gave
 */
const char *
amigo_ec2_parser_get_request_id (AmigoEc2Parser *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->result.request_id;
}

/**
 * amigo_ec2_parser_get_next_token:
 * @self: a parser
 *
 * Returns: (transfer none) (nullable): the token of the next page, or
 *   %NULL on the last page
 */
const char *
amigo_ec2_parser_get_next_token (AmigoEc2Parser *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  /* EC2 sends an empty <nextToken/> on some last pages */
  if (self->result.next_token != NULL && self->result.next_token[0] == '\0')
    return NULL;
  return self->result.next_token;
}

/**
 * amigo_ec2_parser_get_n_items:
 * @self: a parser
 *
 * Returns: how many items were parsed, including those handed to the
 *   batch function
 */
guint
amigo_ec2_parser_get_n_items (AmigoEc2Parser *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_items;
}

/**
 * amigo_ec2_parser_steal_items:
 * @self: a parser
 *
 * Takes the items parsed and not handed to a batch function (all of them
 * when there is none), in document order.
 *
 * Returns: (transfer full) (element-type GObject): the items
 */
GPtrArray *
amigo_ec2_parser_steal_items (AmigoEc2Parser *self)
{
  GPtrArray *items;

  g_return_val_if_fail (self != NULL, NULL);

  items = g_steal_pointer (&self->items);
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  return items;
}

/**
 * amigo_ec2_parser_get_reservation_id:
 * @self: a RunInstances parser
 *
 * Returns: (transfer none) (nullable): the `reservationId`
 */
const char *
amigo_ec2_parser_get_reservation_id (AmigoEc2Parser *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->result.reservation_id;
}

/**
 * amigo_ec2_parser_get_owner_id:
 * @self: a RunInstances parser
 *
 * Returns: (transfer none) (nullable): the `ownerId` of the reservation
 */
const char *
amigo_ec2_parser_get_owner_id (AmigoEc2Parser *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->result.owner_id;
}

/**
 * amigo_ec2_parser_get_image_attribute:
 * @self: a DescribeImageAttribute parser
 *
 * Returns: (transfer none) (nullable): what was read, or %NULL for other
 *   parsers; g_object_ref() it to keep it
 */
AmigoImageAttribute *
amigo_ec2_parser_get_image_attribute (AmigoEc2Parser *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->attribute;
}

/**
 * amigo_ec2_parser_steal_snapshot_deletions:
 * @self: a DeregisterImage parser
 *
 * Returns: (transfer full) (element-type AmigoSnapshotDeletion): what
 *   happened to each snapshot, in document order (empty unless they were
 *   to be deleted)
 */
GPtrArray *
amigo_ec2_parser_steal_snapshot_deletions (AmigoEc2Parser *self)
{
  GPtrArray *deletions;

  g_return_val_if_fail (self != NULL, NULL);

  deletions = g_ptr_array_new_full (self->result.n_deletions,
                                    (GDestroyNotify) amigo_snapshot_deletion_free);
  for (guint i = 0; i < self->result.n_deletions; i++)
    {
      AmigoSnapshotDeletion *d = &self->result.deletions[i];
      AmigoSnapshotDeletion *copy = g_new0 (AmigoSnapshotDeletion, 1);

      copy->snapshot_id = g_strstrip (g_steal_pointer (&d->snapshot_id));
      copy->return_code = g_strstrip (g_steal_pointer (&d->return_code));
      g_ptr_array_add (deletions, copy);
    }
  return deletions;
}

/**
 * amigo_ec2_parser_get_value:
 * @self: a parser from amigo_ec2_parser_new_simple(), or (for `return`
 *   only) from amigo_ec2_parser_new_deregister_image()
 * @element: an element name, e.g. `imageId`, `return`, `Account`
 *
 * Returns: (transfer none) (nullable): the element's text, or %NULL when
 *   it was not in the answer
 */
const char *
amigo_ec2_parser_get_value (AmigoEc2Parser *self,
                            const char     *element)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (element != NULL, NULL);

  if (self->values == NULL)
    {
      if (strcmp (element, "state") == 0)
        return self->result.state;
      if (strcmp (element, "managedBy") == 0)
        return self->result.managed_by;
      return strcmp (element, "return") == 0 ? self->result.return_value : NULL;
    }
  return g_hash_table_lookup (self->values, element);
}

/**
 * amigo_ec2_parser_get_image_id:
 * @self: a parser from amigo_ec2_parser_new_simple()
 *
 * For CreateImage, CopyImage, RegisterImage, ImportImage…
 *
 * Returns: (transfer none) (nullable): the `imageId`
 */
const char *
amigo_ec2_parser_get_image_id (AmigoEc2Parser *self)
{
  return amigo_ec2_parser_get_value (self, "imageId");
}

/**
 * amigo_ec2_parser_get_return:
 * @self: a parser from amigo_ec2_parser_new_simple()
 *
 * For the many operations that answer `<return>true</return>`.
 *
 * Returns: whether `return` was `true`
 */
gboolean
amigo_ec2_parser_get_return (AmigoEc2Parser *self)
{
  const char *value = amigo_ec2_parser_get_value (self, "return");

  if (value == NULL)
    return FALSE;
  while (g_ascii_isspace (*value))
    value++;
  return g_ascii_strncasecmp (value, "true", 4) == 0;
}

/* ---- parsers for operations whose tables live beside their models ----- */

/* Root types made on demand, one per (operation, element), kept for the
 * life of the process (their index is built on first use). */
G_LOCK_DEFINE_STATIC (root_types);
static GHashTable *root_types;

static const AmigoRecordType *
root_type_for (const char            *operation,
               const char            *element,
               const AmigoRecordType *record,
               gboolean               list)
{
  g_autofree char *key = g_strdup_printf ("%s/%s/%s", operation, element, list ? "list" : "one");
  AmigoRecordType *type;

  G_LOCK (root_types);
  if (root_types == NULL)
    root_types = g_hash_table_new (g_str_hash, g_str_equal);
  type = g_hash_table_lookup (root_types, key);
  if (type == NULL)
    {
      AmigoRecordField *fields = g_new0 (AmigoRecordField, 2);

      fields[0].element = g_intern_string (element);
      fields[0].kind = list ? AMIGO_FIELD_OBJECTS : AMIGO_FIELD_STRUCT;
      fields[0].aux = AMIGO_FIELD_NO_AUX;
      fields[0].sub = record;
      fields[1].element = "nextToken";
      fields[1].kind = AMIGO_FIELD_STRING;
      fields[1].offset = G_STRUCT_OFFSET (Ec2Result, next_token);
      fields[1].aux = AMIGO_FIELD_NO_AUX;
      type = g_new0 (AmigoRecordType, 1);
      type->name = g_intern_string (key);
      type->fields = fields;
      type->n_fields = list ? 2 : 1;
      g_hash_table_insert (root_types, (gpointer) type->name, type);
    }
  G_UNLOCK (root_types);
  return type;
}

/**
 * amigo_ec2_parser_new_objects:
 * @operation: the operation, e.g. `DescribeLaunchTemplates`
 * @set_element: the list of the answer, e.g. `launchTemplates`
 * @record: the record (a GObject model) each `<item>` becomes
 *
 * Reads `<operation>Response`: the items of @set_element and `nextToken`.
 *
 * Returns: (transfer full): a new parser
 */
AmigoEc2Parser *
amigo_ec2_parser_new_objects (const char            *operation,
                              const char            *set_element,
                              const AmigoRecordType *record)
{
  g_autofree char *root = NULL;

  g_return_val_if_fail (operation != NULL && set_element != NULL && record != NULL, NULL);

  root = g_strconcat (operation, "Response", NULL);
  return parser_new (root, root_type_for (operation, set_element, record, TRUE));
}

/**
 * amigo_ec2_parser_new_object:
 * @operation: the operation, e.g. `CreateLaunchTemplate`
 * @element: the element of the answer that is the object, e.g. `launchTemplate`
 * @record: the record (a GObject model) it becomes
 *
 * Reads `<operation>Response` whose @element is one object, for
 * amigo_ec2_parser_steal_object().
 *
 * Returns: (transfer full): a new parser
 */
AmigoEc2Parser *
amigo_ec2_parser_new_object (const char            *operation,
                             const char            *element,
                             const AmigoRecordType *record)
{
  g_autofree char *root = NULL;
  AmigoEc2Parser *self;

  g_return_val_if_fail (operation != NULL && element != NULL && record != NULL, NULL);

  root = g_strconcat (operation, "Response", NULL);
  self = parser_new (root, root_type_for (operation, element, record, FALSE));
  self->object = g_object_new (record->get_type (), NULL);
  self->root_base = (guint8 *) self->object;
  return self;
}

/**
 * amigo_ec2_parser_steal_object:
 * @self: a parser from amigo_ec2_parser_new_object()
 *
 * Returns: (transfer full) (nullable): the object read (empty when the
 *   answer did not name it), or %NULL for other parsers
 */
GObject *
amigo_ec2_parser_steal_object (AmigoEc2Parser *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_steal_pointer (&self->object);
}
