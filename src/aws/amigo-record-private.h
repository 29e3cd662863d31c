/* amigo-record-private.h — the field tables behind the EC2 models
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Private to src/aws (and the tests). Each model describes its memory
 * layout once, in a table of fields: the XML element each field comes from
 * (EC2's `locationName`), the member name botocore uses (for tests that
 * compare against botocore's output), the GObject property, and how the
 * value is stored. From that one table come the properties, the parsing,
 * copying and freeing, so they cannot drift apart.
 */
#pragma once

#include <glib-object.h>

#include "amigo-getter-private.h"
#include "amigo-model.h"

G_BEGIN_DECLS

typedef enum {
  AMIGO_FIELD_STRING,      /* char *, g_strdup: values that are mostly unique */
  AMIGO_FIELD_POOLED,      /* char *, an interned GRefString: values that repeat
                            * (states, architectures, owner ids, device names) */
  AMIGO_FIELD_BOOLEAN,     /* gint8, AmigoTristate */
  AMIGO_FIELD_INT,         /* gint32, -1 when absent */
  AMIGO_FIELD_INT64,       /* gint64, -1 when absent */
  AMIGO_FIELD_DATE,        /* char * as sent, and gint64 microseconds at `aux` */
  AMIGO_FIELD_STRUCT,      /* a sub-record embedded at `offset`; a gboolean set
                            * when present at `aux` (or AMIGO_FIELD_NO_AUX).
                            * With offset 0 and no property the sub-record's
                            * fields are the parent's own (flattened). */
  AMIGO_FIELD_LIST,        /* a flat array of `sub` records (pointer at `offset`),
                            * guint count at `aux` */
  AMIGO_FIELD_STRV,        /* char **, NULL-terminated, from <item>text</item> */
  AMIGO_FIELD_GROUP_LIST,  /* parse only: each item's children are read with `sub`
                            * into the same record (reservationSet/item) */
  AMIGO_FIELD_OBJECTS,     /* parse only: each item is a new `sub` object, handed
                            * to the parser's emit function */
} AmigoFieldKind;

#define AMIGO_FIELD_NO_AUX G_MAXUINT16

typedef struct _AmigoRecordType AmigoRecordType;

typedef struct {
  const char *element;     /* XML local name */
  const char *member;      /* botocore member name */
  const char *property;    /* GObject property, or NULL */
  AmigoFieldKind kind;
  guint16 offset;
  guint16 aux;
  const AmigoRecordType *sub;
} AmigoRecordField;

typedef struct {
  GParamSpec *pspec;
  const AmigoRecordField *field;
  gsize offset;            /* from the start of the object */
  gsize aux;
  gboolean is_aux;         /* the -usec property of a date */
} AmigoRecordProperty;

struct _AmigoRecordType {
  const char *name;        /* the AWS shape name */
  gsize size;
  const AmigoRecordField *fields;
  guint n_fields;
  GType (*get_type) (void);  /* the GObject or boxed type, or NULL */
  GDestroyNotify free_func;  /* for boxed records: frees one */
  /* filled in at run time */
  GHashTable *by_element;
  GPtrArray *properties;   /* of AmigoRecordProperty*, index = prop_id - 1 */
};

#define AMIGO_RECORD_TYPE(Name, Struct, fields_, get_type_, free_func_) \
  { Name, sizeof (Struct), fields_, G_N_ELEMENTS (fields_), get_type_, \
    (GDestroyNotify) (free_func_), NULL, NULL }

/* A group of fields that EC2 nests in an element of its own (`Name`) but
 * that the model keeps flat: see AMIGO_RECORD_FLATTEN. */
#define AMIGO_RECORD_NESTED_TYPE(Name, fields_) \
  { Name, 0, fields_, G_N_ELEMENTS (fields_), NULL, NULL, NULL, NULL }

/* Table entries, one a line, for a record of C type Struct. By the naming
 * the models keep, a list `x` has its count in `n_x`, a date `x` its
 * microseconds in `x_usec`, a sub-record `x` its presence in `has_x`. */
#define AMIGO_RECORD_FIELD(Struct, element, member, property, KIND, field) \
  { element, member, property, AMIGO_FIELD_##KIND, \
    G_STRUCT_OFFSET (Struct, field), AMIGO_FIELD_NO_AUX, NULL }
#define AMIGO_RECORD_DATE(Struct, element, member, property, field) \
  { element, member, property, AMIGO_FIELD_DATE, \
    G_STRUCT_OFFSET (Struct, field), G_STRUCT_OFFSET (Struct, field##_usec), NULL }
#define AMIGO_RECORD_LIST(Struct, element, member, property, field, record) \
  { element, member, property, AMIGO_FIELD_LIST, \
    G_STRUCT_OFFSET (Struct, field), G_STRUCT_OFFSET (Struct, n_##field), &(record) }
#define AMIGO_RECORD_STRUCT(Struct, element, member, property, field, record) \
  { element, member, property, AMIGO_FIELD_STRUCT, \
    G_STRUCT_OFFSET (Struct, field), G_STRUCT_OFFSET (Struct, has_##field), &(record) }
/* The fields of @nested_type (AMIGO_RECORD_NESTED_TYPE) read into the
 * parent itself. */
#define AMIGO_RECORD_FLATTEN(element, member, nested_type) \
  { element, member, NULL, AMIGO_FIELD_STRUCT, 0, AMIGO_FIELD_NO_AUX, &(nested_type) }

const AmigoRecordField *amigo_record_type_lookup      (const AmigoRecordType *type,
                                                       const char            *element);
const AmigoRecordField *amigo_record_type_find_member (const AmigoRecordType *type,
                                                       const char            *member);

void     amigo_record_init           (const AmigoRecordType *type,
                                      gpointer               base);
void     amigo_record_clear          (const AmigoRecordType *type,
                                      gpointer               base);
void     amigo_record_copy_into      (const AmigoRecordType *type,
                                      gpointer               dest,
                                      gconstpointer          src);
gpointer amigo_record_new            (const AmigoRecordType *type);
gpointer amigo_record_dup            (const AmigoRecordType *type,
                                      gconstpointer          src);
void     amigo_record_free           (const AmigoRecordType *type,
                                      gpointer               record);

void     amigo_record_set_text       (const AmigoRecordField *field,
                                      gpointer                base,
                                      const char             *text,
                                      gsize                   len);
void     amigo_record_set_list       (const AmigoRecordField *field,
                                      gpointer                base,
                                      gpointer                items,
                                      guint                   n_items);
void     amigo_record_set_strv       (const AmigoRecordField *field,
                                      gpointer                base,
                                      char                  **strv);
gboolean amigo_record_field_has_value (const AmigoRecordField *field,
                                       gconstpointer           base);

/* GObject glue for a model whose instance layout `type` describes. */
void     amigo_record_class_install_properties (GObjectClass    *klass,
                                                AmigoRecordType *type);
void     amigo_record_get_property (AmigoRecordType *type,
                                    GObject         *object,
                                    guint            prop_id,
                                    GValue          *value,
                                    GParamSpec      *pspec);
void     amigo_record_set_property (AmigoRecordType *type,
                                    GObject         *object,
                                    guint            prop_id,
                                    const GValue    *value,
                                    GParamSpec      *pspec);

/* Pooled strings */
char    *amigo_pool_intern (const char *str);
void     amigo_pool_release (char *str);

gboolean amigo_parse_iso8601 (const char *text,
                              gsize       len,
                              gint64     *usec);

/* The tables, defined beside each model */
extern AmigoRecordType amigo_tag_record;
extern AmigoRecordType amigo_product_code_record;
extern AmigoRecordType amigo_ebs_block_device_record;
extern AmigoRecordType amigo_ebs_instance_block_device_record;
extern AmigoRecordType amigo_block_device_mapping_record;
extern AmigoRecordType amigo_state_reason_record;
extern AmigoRecordType amigo_launch_permission_record;
extern AmigoRecordType amigo_image_record;
extern AmigoRecordType amigo_image_attribute_record;
extern AmigoRecordType amigo_region_record;
extern AmigoRecordType amigo_instance_block_device_mapping_record;
extern AmigoRecordType amigo_group_identifier_record;
extern AmigoRecordType amigo_instance_record;
extern AmigoRecordType amigo_snapshot_record;
extern AmigoRecordType amigo_snapshot_deletion_record;
extern AmigoRecordType amigo_key_pair_record;
extern AmigoRecordType amigo_security_group_record;
extern AmigoRecordType amigo_subnet_record;
extern AmigoRecordType amigo_vpc_record;
extern AmigoRecordType amigo_volume_record;
extern AmigoRecordType amigo_instance_type_record;
extern AmigoRecordType amigo_import_task_record;
extern AmigoRecordType amigo_export_image_task_record;
extern AmigoRecordType amigo_store_image_task_record;
extern AmigoRecordType amigo_image_reference_record;
extern AmigoRecordType amigo_recycle_bin_image_record;
extern AmigoRecordType amigo_image_ancestry_entry_record;
extern AmigoRecordType amigo_image_criterion_record;

/* The GObject methods of a model whose whole state is the fields of
 * @record: class_init installs one property per field, init sets the
 * fields to "absent", finalize frees them. Goes after the type's
 * G_DEFINE_FINAL_TYPE and @record. */
#define AMIGO_RECORD_DEFINE_OBJECT_METHODS(TypeName, type_name, record)           \
  static void                                                                   \
  type_name##_finalize (GObject *object)                                        \
  {                                                                             \
    amigo_record_clear (&(record), object);                                     \
    G_OBJECT_CLASS (type_name##_parent_class)->finalize (object);               \
  }                                                                             \
                                                                                \
  static void                                                                   \
  type_name##_get_property (GObject    *object,                                 \
                            guint       prop_id,                                \
                            GValue     *value,                                  \
                            GParamSpec *pspec)                                  \
  {                                                                             \
    amigo_record_get_property (&(record), object, prop_id, value, pspec);       \
  }                                                                             \
                                                                                \
  static void                                                                   \
  type_name##_set_property (GObject      *object,                               \
                            guint         prop_id,                              \
                            const GValue *value,                                \
                            GParamSpec   *pspec)                                \
  {                                                                             \
    amigo_record_set_property (&(record), object, prop_id, value, pspec);       \
  }                                                                             \
                                                                                \
  static void                                                                   \
  type_name##_class_init (TypeName##Class *klass)                               \
  {                                                                             \
    GObjectClass *object_class = G_OBJECT_CLASS (klass);                        \
                                                                                \
    object_class->finalize = type_name##_finalize;                              \
    object_class->get_property = type_name##_get_property;                      \
    object_class->set_property = type_name##_set_property;                      \
    amigo_record_class_install_properties (object_class, &(record));            \
  }                                                                             \
                                                                                \
  static void                                                                   \
  type_name##_init (TypeName *self)                                             \
  {                                                                             \
    amigo_record_init (&(record), self);                                        \
  }

/* TypeName *type_name_copy (const TypeName *self) and
 * void type_name_free (TypeName *self) of a boxed record, deep, from the
 * fields of @record. */
#define AMIGO_RECORD_DEFINE_BOXED_METHODS(TypeName, type_name, record)            \
  TypeName *                                                                    \
  type_name##_copy (const TypeName *self)                                       \
  {                                                                             \
    g_return_val_if_fail (self != NULL, NULL);                                  \
    return amigo_record_dup (&(record), self);                                  \
  }                                                                             \
                                                                                \
  void                                                                          \
  type_name##_free (TypeName *self)                                             \
  {                                                                             \
    amigo_record_free (&(record), self);                                        \
  }

/* A model's getters, from one line each: a field returned as it is, and an
 * array field with its length (`n_<field>`). A model file wraps these in
 * GETTER/ARRAY_GETTER with its own type, prefix and type check. */
#define AMIGO_RECORD_GETTER AMIGO_DEFINE_FIELD_GETTER

#define AMIGO_RECORD_ARRAY_GETTER(Model, prefix, CHECK, Item, field)     \
  const Item *                                                          \
  prefix##_get_##field (Model *self,                                    \
                        guint *n_##field)                               \
  {                                                                     \
    g_return_val_if_fail (CHECK (self), NULL);                          \
    if (n_##field != NULL)                                              \
      *n_##field = self->n_##field;                                     \
    return self->field;                                                 \
  }

/* A tristate field (AMIGO_FIELD_BOOLEAN) as a gboolean: %FALSE when EC2
 * did not say. */
#define AMIGO_RECORD_TRISTATE_GETTER(Model, prefix, CHECK, field)           \
  gboolean                                                              \
  prefix##_get_##field (Model *self)                                    \
  {                                                                     \
    g_return_val_if_fail (CHECK (self), FALSE);                         \
    return self->field == AMIGO_TRISTATE_TRUE;                          \
  }

/* A string list field (AMIGO_FIELD_STRV), %NULL-terminated. */
#define AMIGO_RECORD_STRV_GETTER(Model, prefix, CHECK, field)               \
  const char * const *                                                  \
  prefix##_get_##field (Model *self)                                    \
  {                                                                     \
    g_return_val_if_fail (CHECK (self), NULL);                          \
    return (const char * const *) self->field;                          \
  }

G_END_DECLS
