/* amigo-iam-shapes.c — the IAM operations Amigo uses (AWS query protocol),
 * as botocore's IAM model (2010-05-08) has them, trimmed to the members
 * Amigo sends and reads. To be replaced by the generated model.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-iam-shapes.h"

const AmigoServiceModel amigo_iam_model = {
  .protocol = AMIGO_PROTOCOL_QUERY,
  .api_version = "2010-05-08",
  .signing_name = "iam",
};

static const AmigoShape string_shape = { .type = AMIGO_SHAPE_STRING };
static const AmigoShape timestamp_shape = { .type = AMIGO_SHAPE_TIMESTAMP };

#define STRUCTURE(var, shape_name, members_array) \
  static const AmigoShape var = { .type = AMIGO_SHAPE_STRUCTURE, .name = shape_name, \
                                  .members = members_array, .n_members = G_N_ELEMENTS (members_array) }

static const AmigoMember tag_members[] = {
  { .name = "Key", .shape = &string_shape },
  { .name = "Value", .shape = &string_shape },
};
STRUCTURE (tag_shape, "Tag", tag_members);
static const AmigoMember tag_item = { .shape = &tag_shape, .location_name = "member" };
static const AmigoShape tags_shape = { .type = AMIGO_SHAPE_LIST, .item = &tag_item };

static const AmigoMember role_members[] = {
  { .name = "Path", .shape = &string_shape },
  { .name = "RoleName", .shape = &string_shape },
  { .name = "RoleId", .shape = &string_shape },
  { .name = "Arn", .shape = &string_shape },
  { .name = "CreateDate", .shape = &timestamp_shape },
  { .name = "AssumeRolePolicyDocument", .shape = &string_shape },
  { .name = "Description", .shape = &string_shape },
};
STRUCTURE (role_shape, "Role", role_members);

static const AmigoMember role_output_members[] = {
  { .name = "Role", .shape = &role_shape },
};

/* GetRole */
static const AmigoMember get_role_in_members[] = {
  { .name = "RoleName", .shape = &string_shape },
};
STRUCTURE (get_role_in_shape, "GetRoleRequest", get_role_in_members);
STRUCTURE (get_role_out_shape, "GetRoleResponse", role_output_members);
static const AmigoMember get_role_in = { .shape = &get_role_in_shape };
static const AmigoMember get_role_out = { .shape = &get_role_out_shape };
const AmigoOperation amigo_iam_op_get_role = {
  .name = "GetRole", .http_method = "POST", .request_uri = "/",
  .input = &get_role_in, .output = &get_role_out, .result_wrapper = "GetRoleResult",
};

/* CreateRole */
static const AmigoMember create_role_in_members[] = {
  { .name = "Path", .shape = &string_shape },
  { .name = "RoleName", .shape = &string_shape },
  { .name = "AssumeRolePolicyDocument", .shape = &string_shape },
  { .name = "Description", .shape = &string_shape },
  { .name = "Tags", .shape = &tags_shape },
};
STRUCTURE (create_role_in_shape, "CreateRoleRequest", create_role_in_members);
STRUCTURE (create_role_out_shape, "CreateRoleResponse", role_output_members);
static const AmigoMember create_role_in = { .shape = &create_role_in_shape };
static const AmigoMember create_role_out = { .shape = &create_role_out_shape };
const AmigoOperation amigo_iam_op_create_role = {
  .name = "CreateRole", .http_method = "POST", .request_uri = "/",
  .input = &create_role_in, .output = &create_role_out, .result_wrapper = "CreateRoleResult",
};

/* GetRolePolicy */
static const AmigoMember role_policy_in_members[] = {
  { .name = "RoleName", .shape = &string_shape },
  { .name = "PolicyName", .shape = &string_shape },
};
STRUCTURE (get_role_policy_in_shape, "GetRolePolicyRequest", role_policy_in_members);
static const AmigoMember get_role_policy_out_members[] = {
  { .name = "RoleName", .shape = &string_shape },
  { .name = "PolicyName", .shape = &string_shape },
  { .name = "PolicyDocument", .shape = &string_shape },
};
STRUCTURE (get_role_policy_out_shape, "GetRolePolicyResponse", get_role_policy_out_members);
static const AmigoMember get_role_policy_in = { .shape = &get_role_policy_in_shape };
static const AmigoMember get_role_policy_out = { .shape = &get_role_policy_out_shape };
const AmigoOperation amigo_iam_op_get_role_policy = {
  .name = "GetRolePolicy", .http_method = "POST", .request_uri = "/",
  .input = &get_role_policy_in, .output = &get_role_policy_out,
  .result_wrapper = "GetRolePolicyResult",
};

/* PutRolePolicy */
static const AmigoMember put_role_policy_in_members[] = {
  { .name = "RoleName", .shape = &string_shape },
  { .name = "PolicyName", .shape = &string_shape },
  { .name = "PolicyDocument", .shape = &string_shape },
};
STRUCTURE (put_role_policy_in_shape, "PutRolePolicyRequest", put_role_policy_in_members);
static const AmigoMember put_role_policy_in = { .shape = &put_role_policy_in_shape };
const AmigoOperation amigo_iam_op_put_role_policy = {
  .name = "PutRolePolicy", .http_method = "POST", .request_uri = "/",
  .input = &put_role_policy_in,
};
