/* amigo-iam.c — AWS IAM: the service role VM Import/Export needs
 *
 * VM Import/Export acts as the role `vmimport` (VM Import/Export User
 * Guide, "Required service role"): its trust policy lets
 * `vmie.amazonaws.com` assume it (with the external id `vmimport`), and its
 * policy lets it read the disk images from, and write exports to, the
 * buckets, and register the AMI. People trip on this step most; Amigo
 * checks the role with GetRole and offers to create it with the documents
 * below.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <glib/gi18n-lib.h>

#include "amigo-error.h"
#include "amigo-gtask-private.h"
#include "amigo-iam.h"
#include "amigo-iam-model.h"
#include "amigo-json-private.h"

struct _AmigoIam
{
  AmigoService parent_instance;
};

G_DEFINE_BOXED_TYPE (AmigoIamRole, amigo_iam_role, amigo_iam_role_copy, amigo_iam_role_free)

/**
 * amigo_iam_new:
 * @client: the account's client
 * @region: the Region to sign for: %AMIGO_IAM_SIGNING_REGION in the aws
 *   partition
 * @endpoint_url: (nullable): where to send requests
 *
 * Returns: (transfer full): IAM
 */
/**
 * amigo_iam_new_for_account:
 * @account: an account
 * @client: the account's client
 * @region: %AMIGO_IAM_SIGNING_REGION (or the partition's global Region)
 * @error: where an unusable endpoint configuration is reported
 *
 * Returns: (transfer full) (nullable): IAM, or %NULL with @error set
 */
AMIGO_DEFINE_SERVICE (AmigoIam, amigo_iam, AMIGO_TYPE_IAM, &amigo_iam_model, "iam")

/* ---- the role -------------------------------------------------------- */

/**
 * amigo_iam_role_copy:
 * @self: an #AmigoIamRole
 *
 * Returns: (transfer full): a copy
 */
AmigoIamRole *
amigo_iam_role_copy (const AmigoIamRole *self)
{
  AmigoIamRole *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (AmigoIamRole, 1);
  copy->role_name = g_strdup (self->role_name);
  copy->arn = g_strdup (self->arn);
  copy->assume_role_policy_document = g_strdup (self->assume_role_policy_document);
  return copy;
}

/**
 * amigo_iam_role_free:
 * @self: (nullable) (transfer full): an #AmigoIamRole
 */
void
amigo_iam_role_free (AmigoIamRole *self)
{
  if (self == NULL)
    return;
  g_free (self->role_name);
  g_free (self->arn);
  g_free (self->assume_role_policy_document);
  g_free (self);
}

/* IAM answers policy documents URL-encoded (RFC 3986); a document that is
 * already JSON is kept. */
static char *
decode_document (const char *text)
{
  char *decoded;

  if (text == NULL)
    return NULL;
  if (strchr (text, '%') == NULL)
    return g_strdup (text);
  decoded = g_uri_unescape_string (text, NULL);
  return decoded != NULL ? decoded : g_strdup (text);
}

static JsonObject *
object_member (JsonObject *obj,
               const char *name)
{
  if (!json_object_has_member (obj, name) || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (obj, name)))
    return NULL;
  return json_object_get_object_member (obj, name);
}

/* GetRole's and CreateRole's answer. */
static void
role_answer (GTask      *task,
             JsonObject *output)
{
  JsonObject *role = object_member (output, "Role");
  AmigoIamRole *out;

  if (role == NULL || amigo_service_member_string (role, "Arn") == NULL)
    {
      g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                               _("IAM answered without the role. Check the IAM endpoint address."));
      return;
    }
  out = g_new0 (AmigoIamRole, 1);
  out->role_name = g_strdup (amigo_service_member_string (role, "RoleName"));
  out->arn = g_strdup (amigo_service_member_string (role, "Arn"));
  out->assume_role_policy_document = decode_document (amigo_service_member_string (role, "AssumeRolePolicyDocument"));
  g_task_return_pointer (task, out, (GDestroyNotify) amigo_iam_role_free);
}

static const AmigoServiceTypedOp get_role_op = {
  &amigo_iam_op_get_role, role_answer, amigo_iam_get_role_async
};

/**
 * amigo_iam_get_role_async:
 * @role_name: the role, e.g. `vmimport`
 *
 * GetRole.
 */
void
amigo_iam_get_role_async (AmigoIam            *self,
                          const char          *role_name,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (AMIGO_IS_IAM (self));
  g_return_if_fail (role_name != NULL);

  amigo_service_call_strings_async (AMIGO_SERVICE (self), &get_role_op, cancellable, callback, user_data,
                                    "RoleName", role_name, NULL);
}

/**
 * amigo_iam_get_role_finish:
 * @error: where a failure goes (`NoSuchEntity` for a missing role)
 *
 * Returns: (transfer full) (nullable): the role, or %NULL with @error set
 */
AMIGO_DEFINE_FINISH_POINTER (AmigoIam, AmigoIamRole *, amigo_iam_get_role)

static const AmigoServiceTypedOp create_role_op = {
  &amigo_iam_op_create_role, role_answer, amigo_iam_create_role_async
};

/**
 * amigo_iam_create_role_async:
 * @role_name: the role
 * @assume_role_policy_document: its trust policy (JSON)
 * @description: (nullable): its description
 *
 * CreateRole.
 */
void
amigo_iam_create_role_async (AmigoIam            *self,
                             const char          *role_name,
                             const char          *assume_role_policy_document,
                             const char          *description,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (AMIGO_IS_IAM (self));
  g_return_if_fail (role_name != NULL && assume_role_policy_document != NULL);

  amigo_service_call_strings_async (AMIGO_SERVICE (self), &create_role_op, cancellable, callback, user_data,
                                    "RoleName", role_name,
                                    "AssumeRolePolicyDocument", assume_role_policy_document,
                                    "Description", description, NULL);
}

/**
 * amigo_iam_create_role_finish:
 * @error: where a failure goes (`EntityAlreadyExists`…)
 *
 * Returns: (transfer full) (nullable): the new role, or %NULL with @error set
 */
AMIGO_DEFINE_FINISH_POINTER (AmigoIam, AmigoIamRole *, amigo_iam_create_role)

static void
role_policy_answer (GTask      *task,
                    JsonObject *output)
{
  const char *document = amigo_service_member_string (output, "PolicyDocument");

  if (document == NULL)
    {
      g_task_return_new_error (task, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                               _("IAM answered without the policy document."));
      return;
    }
  g_task_return_pointer (task, decode_document (document), g_free);
}

static const AmigoServiceTypedOp get_role_policy_op = {
  &amigo_iam_op_get_role_policy, role_policy_answer, amigo_iam_get_role_policy_async
};

/**
 * amigo_iam_get_role_policy_async:
 * @role_name: the role
 * @policy_name: its inline policy
 *
 * GetRolePolicy.
 */
void
amigo_iam_get_role_policy_async (AmigoIam            *self,
                                 const char          *role_name,
                                 const char          *policy_name,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (AMIGO_IS_IAM (self));
  g_return_if_fail (role_name != NULL && policy_name != NULL);

  amigo_service_call_strings_async (AMIGO_SERVICE (self), &get_role_policy_op,
                                    cancellable, callback, user_data,
                                    "RoleName", role_name, "PolicyName", policy_name, NULL);
}

/**
 * amigo_iam_get_role_policy_finish:
 * @error: where a failure goes (`NoSuchEntity`…)
 *
 * Returns: (transfer full) (nullable): the policy document (JSON), or
 *   %NULL with @error set
 */
AMIGO_DEFINE_FINISH_POINTER (AmigoIam, char *, amigo_iam_get_role_policy)

static void
put_role_policy_answer (GTask      *task,
                        JsonObject *output)
{
  g_task_return_boolean (task, TRUE);
}

static const AmigoServiceTypedOp put_role_policy_op = {
  &amigo_iam_op_put_role_policy, put_role_policy_answer, amigo_iam_put_role_policy_async
};

/**
 * amigo_iam_put_role_policy_async:
 * @role_name: the role
 * @policy_name: the inline policy (replaced if it exists)
 * @policy_document: its document (JSON)
 *
 * PutRolePolicy.
 */
void
amigo_iam_put_role_policy_async (AmigoIam            *self,
                                 const char          *role_name,
                                 const char          *policy_name,
                                 const char          *policy_document,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (AMIGO_IS_IAM (self));
  g_return_if_fail (role_name != NULL && policy_name != NULL && policy_document != NULL);

  amigo_service_call_strings_async (AMIGO_SERVICE (self), &put_role_policy_op,
                                    cancellable, callback, user_data,
                                    "RoleName", role_name, "PolicyName", policy_name,
                                    "PolicyDocument", policy_document, NULL);
}

/**
 * amigo_iam_put_role_policy_finish:
 * @error: where a failure goes
 *
 * Returns: %TRUE when the policy was written
 */
AMIGO_DEFINE_FINISH_BOOLEAN (AmigoIam, amigo_iam_put_role_policy)

/**
 * amigo_iam_error_is_no_such_entity:
 * @error: (nullable): an error from an #AmigoIam call
 *
 * Returns: whether IAM answered that the role or policy does not exist
 */
gboolean
amigo_iam_error_is_no_such_entity (const GError *error)
{
  return error != NULL && amigo_aws_error_has_aws_code (error, "NoSuchEntity");
}

/**
 * amigo_iam_signing_region_for:
 * @region: (nullable): a Region of the partition
 *
 * IAM is global in each partition, and signed for the partition's first
 * Region.
 *
 * Returns: (transfer none): the Region to sign IAM requests for
 */
const char *
amigo_iam_signing_region_for (const char *region)
{
  if (region != NULL && g_str_has_prefix (region, "cn-"))
    return "cn-north-1";
  if (region != NULL && g_str_has_prefix (region, "us-gov-"))
    return "us-gov-west-1";
  return AMIGO_IAM_SIGNING_REGION;
}

/* ---- the documents of the VM Import/Export User Guide ----------------- */

static const char *
partition_of (const char *region)
{
  if (region != NULL && g_str_has_prefix (region, "cn-"))
    return "aws-cn";
  if (region != NULL && g_str_has_prefix (region, "us-gov-"))
    return "aws-us-gov";
  return "aws";
}

/* A policy document begun: `{"Version": "2012-10-17", "Statement": [`. */
static JsonBuilder *
policy_begin (void)
{
  JsonBuilder *builder = json_builder_new ();

  json_builder_begin_object (builder);
  _amigo_json_add_string (builder, "Version", "2012-10-17");
  json_builder_set_member_name (builder, "Statement");
  json_builder_begin_array (builder);
  return builder;
}

/* A statement begun: `{"Effect": "Allow"`; json_builder_end_object()
 * ends it. */
static void
allow_begin (JsonBuilder *builder)
{
  json_builder_begin_object (builder);
  _amigo_json_add_string (builder, "Effect", "Allow");
}

/* The document of policy_begin() ended and written out. */
static char *
policy_end (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

/**
 * amigo_iam_vm_import_trust_policy:
 *
 * The trust policy of the `vmimport` role, as the VM Import/Export User
 * Guide gives it: `vmie.amazonaws.com` may assume the role, with the
 * external id `vmimport`.
 *
 * Returns: (transfer full): the document (JSON)
 */
char *
amigo_iam_vm_import_trust_policy (void)
{
  g_autoptr(JsonBuilder) builder = policy_begin ();

  allow_begin (builder);
  json_builder_set_member_name (builder, "Principal");
  json_builder_begin_object (builder);
  _amigo_json_add_string (builder, "Service", "vmie.amazonaws.com");
  json_builder_end_object (builder);
  _amigo_json_add_string (builder, "Action", "sts:AssumeRole");
  json_builder_set_member_name (builder, "Condition");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "StringEquals");
  json_builder_begin_object (builder);
  _amigo_json_add_string (builder, "sts:Externalid", "vmimport");
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  return policy_end (builder);
}

/**
 * amigo_iam_vm_import_role_policy:
 * @region: the Region the buckets are in (for the ARN partition)
 * @buckets: (array zero-terminated=1): the buckets disk images are read
 *   from and exports written to
 * @kms_key_arns: (array zero-terminated=1) (nullable): KMS keys of
 *   encrypted imports, if not the default EBS key
 *
 * The role policy of the `vmimport` role, as the VM Import/Export User
 * Guide gives it: read (and, for exports, write) the buckets; copy and
 * register the snapshots and AMI; use the KMS keys.
 *
 * Returns: (transfer full): the document (JSON)
 */
char *
amigo_iam_vm_import_role_policy (const char         *region,
                                 const char * const *buckets,
                                 const char * const *kms_key_arns)
{
  static const char * const s3_actions[] = {
    "s3:GetBucketLocation", "s3:GetObject", "s3:ListBucket", "s3:PutObject", "s3:GetBucketAcl", NULL,
  };
  static const char * const ec2_actions[] = {
    "ec2:ModifySnapshotAttribute", "ec2:CopySnapshot", "ec2:RegisterImage", "ec2:Describe*", NULL,
  };
  static const char * const kms_actions[] = {
    "kms:CreateGrant", "kms:Decrypt", "kms:DescribeKey", "kms:Encrypt",
    "kms:GenerateDataKey*", "kms:ReEncrypt*", NULL,
  };
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GPtrArray) resources = g_ptr_array_new_with_free_func (g_free);
  const char *partition = partition_of (region);

  g_return_val_if_fail (buckets != NULL && buckets[0] != NULL, NULL);

  for (guint i = 0; buckets[i] != NULL; i++)
    {
      g_ptr_array_add (resources, g_strdup_printf ("arn:%s:s3:::%s", partition, buckets[i]));
      g_ptr_array_add (resources, g_strdup_printf ("arn:%s:s3:::%s/*", partition, buckets[i]));
    }
  g_ptr_array_add (resources, NULL);

  builder = policy_begin ();
  allow_begin (builder);
  _amigo_json_add_strings (builder, "Action", s3_actions);
  _amigo_json_add_strings (builder, "Resource", (const char * const *) resources->pdata);
  json_builder_end_object (builder);

  allow_begin (builder);
  _amigo_json_add_strings (builder, "Action", ec2_actions);
  _amigo_json_add_string (builder, "Resource", "*");
  json_builder_end_object (builder);

  if (kms_key_arns != NULL && kms_key_arns[0] != NULL)
    {
      allow_begin (builder);
      _amigo_json_add_strings (builder, "Action", kms_actions);
      _amigo_json_add_strings (builder, "Resource", kms_key_arns);
      json_builder_end_object (builder);
    }
  return policy_end (builder);
}

static gboolean
node_has_string (JsonNode   *node,
                 const char *wanted)
{
  if (node == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (node))
    return g_strcmp0 (json_node_get_string (node), wanted) == 0;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (node_has_string (json_array_get_element (array, i), wanted))
          return TRUE;
    }
  return FALSE;
}

static JsonArray *
statements_of (JsonParser *parser,
               const char *document)
{
  JsonNode *root;
  JsonNode *statement;

  if (document == NULL || !json_parser_load_from_data (parser, document, -1, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  statement = json_object_get_member (json_node_get_object (root), "Statement");
  if (statement == NULL || !JSON_NODE_HOLDS_ARRAY (statement))
    return NULL;
  return json_node_get_array (statement);
}

/* The @i-th of @statements when it is an `Allow` statement, else %NULL. */
static JsonObject *
allowing_statement (JsonArray *statements,
                    guint      i)
{
  JsonNode *node = json_array_get_element (statements, i);
  JsonObject *statement;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  statement = json_node_get_object (node);
  if (g_strcmp0 (json_object_get_string_member_with_default (statement, "Effect", ""), "Allow") != 0)
    return NULL;
  return statement;
}

/**
 * amigo_iam_vm_import_policy_covers_bucket:
 * @policy_document: (nullable): the role's inline policy (JSON)
 * @region: the bucket's Region
 * @bucket: the bucket
 *
 * Whether the policy lets VM Import/Export read and write the objects of
 * @bucket: an `Allow` statement with `s3:GetObject` and `s3:PutObject`
 * (or `s3:*`) on the bucket's objects (its ARN followed by a slash and a star, or a star alone).
 * What Amigo wrote for another bucket does not cover this one.
 *
 * Returns: %TRUE when it does
 */
gboolean
amigo_iam_vm_import_policy_covers_bucket (const char *policy_document,
                                          const char *region,
                                          const char *bucket)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *objects = NULL;
  gboolean get = FALSE, put = FALSE;
  JsonArray *statements;

  g_return_val_if_fail (bucket != NULL, FALSE);

  statements = statements_of (parser, policy_document);
  if (statements == NULL)
    return FALSE;
  objects = g_strdup_printf ("arn:%s:s3:::%s/*", partition_of (region), bucket);
  for (guint i = 0; i < json_array_get_length (statements); i++)
    {
      JsonObject *statement = allowing_statement (statements, i);
      JsonNode *action, *resource;

      if (statement == NULL)
        continue;
      action = json_object_get_member (statement, "Action");
      resource = json_object_get_member (statement, "Resource");
      if (!node_has_string (resource, objects) && !node_has_string (resource, "*"))
        continue;
      if (node_has_string (action, "s3:*"))
        get = put = TRUE;
      get = get || node_has_string (action, "s3:GetObject");
      put = put || node_has_string (action, "s3:PutObject");
    }
  return get && put;
}

/**
 * amigo_iam_vm_import_trust_policy_is_valid:
 * @trust_policy: (nullable): a role's trust policy (JSON)
 *
 * Returns: whether it lets `vmie.amazonaws.com` assume the role
 */
gboolean
amigo_iam_vm_import_trust_policy_is_valid (const char *trust_policy)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *statements = statements_of (parser, trust_policy);

  if (statements == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (statements); i++)
    {
      JsonObject *statement = allowing_statement (statements, i);
      JsonObject *principal = statement != NULL ? object_member (statement, "Principal") : NULL;

      if (principal == NULL)
        continue;
      if (node_has_string (json_object_get_member (principal, "Service"), "vmie.amazonaws.com")
          && node_has_string (json_object_get_member (statement, "Action"), "sts:AssumeRole"))
        return TRUE;
    }
  return FALSE;
}
