/* amigo-rbin-shapes.c — the Recycle Bin operations Amigo uses (REST-JSON,
 * 2021-06-15), by hand from botocore's `rbin` service-2.json until the
 * generated models (build-aux/gen-model.py) replace this file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-rbin-private.h"

const AmigoServiceModel _amigo_rbin_model = {
  .protocol = AMIGO_PROTOCOL_REST_JSON,
  .api_version = "2021-06-15",
  .signing_name = "rbin",
};

static const AmigoShape string_shape = { .type = AMIGO_SHAPE_STRING };
static const AmigoShape integer_shape = { .type = AMIGO_SHAPE_INTEGER };
static const AmigoShape timestamp_shape = { .type = AMIGO_SHAPE_TIMESTAMP };

#define STRUCTURE(var, shape_name, members_array) \
  static const AmigoShape var = { .type = AMIGO_SHAPE_STRUCTURE, .name = shape_name, \
                                  .members = members_array, .n_members = G_N_ELEMENTS (members_array) }
#define LIST_OF(var, item_shape) \
  static const AmigoMember var##_item = { .shape = &(item_shape) }; \
  static const AmigoShape var = { .type = AMIGO_SHAPE_LIST, .item = &var##_item }

static const AmigoMember retention_members[] = {
  { .name = "RetentionPeriodValue", .shape = &integer_shape },
  { .name = "RetentionPeriodUnit", .shape = &string_shape },
};
STRUCTURE (retention_shape, "RetentionPeriod", retention_members);

static const AmigoMember resource_tag_members[] = {
  { .name = "ResourceTagKey", .shape = &string_shape },
  { .name = "ResourceTagValue", .shape = &string_shape },
};
STRUCTURE (resource_tag_shape, "ResourceTag", resource_tag_members);
LIST_OF (resource_tags_shape, resource_tag_shape);

static const AmigoMember tag_members[] = {
  { .name = "Key", .shape = &string_shape },
  { .name = "Value", .shape = &string_shape },
};
STRUCTURE (tag_shape, "Tag", tag_members);
LIST_OF (tags_shape, tag_shape);

static const AmigoMember unlock_delay_members[] = {
  { .name = "UnlockDelayValue", .shape = &integer_shape },
  { .name = "UnlockDelayUnit", .shape = &string_shape },
};
STRUCTURE (unlock_delay_shape, "UnlockDelay", unlock_delay_members);
static const AmigoMember lock_members[] = {
  { .name = "UnlockDelay", .shape = &unlock_delay_shape },
};
STRUCTURE (lock_shape, "LockConfiguration", lock_members);

/* ListRules */
static const AmigoMember list_rules_in_members[] = {
  { .name = "MaxResults", .shape = &integer_shape },
  { .name = "NextToken", .shape = &string_shape },
  { .name = "ResourceType", .shape = &string_shape },
  { .name = "ResourceTags", .shape = &resource_tags_shape },
  { .name = "LockState", .shape = &string_shape },
  { .name = "ExcludeResourceTags", .shape = &resource_tags_shape },
};
STRUCTURE (list_rules_in_shape, "ListRulesRequest", list_rules_in_members);
static const AmigoMember rule_summary_members[] = {
  { .name = "Identifier", .shape = &string_shape },
  { .name = "Description", .shape = &string_shape },
  { .name = "RetentionPeriod", .shape = &retention_shape },
  { .name = "LockState", .shape = &string_shape },
  { .name = "RuleArn", .shape = &string_shape },
};
STRUCTURE (rule_summary_shape, "RuleSummary", rule_summary_members);
LIST_OF (rule_summaries_shape, rule_summary_shape);
static const AmigoMember list_rules_out_members[] = {
  { .name = "Rules", .shape = &rule_summaries_shape },
  { .name = "NextToken", .shape = &string_shape },
};
STRUCTURE (list_rules_out_shape, "ListRulesResponse", list_rules_out_members);
static const AmigoMember list_rules_in = { .shape = &list_rules_in_shape };
static const AmigoMember list_rules_out = { .shape = &list_rules_out_shape };
const AmigoOperation _amigo_rbin_op_list_rules = {
  .name = "ListRules", .http_method = "POST", .request_uri = "/list-rules",
  .input = &list_rules_in, .output = &list_rules_out,
};

/* GetRule */
static const AmigoMember get_rule_in_members[] = {
  { .name = "Identifier", .shape = &string_shape, .location = AMIGO_LOCATION_URI,
    .location_name = "identifier" },
};
STRUCTURE (get_rule_in_shape, "GetRuleRequest", get_rule_in_members);
static const AmigoMember rule_members[] = {
  { .name = "Identifier", .shape = &string_shape },
  { .name = "Description", .shape = &string_shape },
  { .name = "ResourceType", .shape = &string_shape },
  { .name = "RetentionPeriod", .shape = &retention_shape },
  { .name = "ResourceTags", .shape = &resource_tags_shape },
  { .name = "Status", .shape = &string_shape },
  { .name = "LockConfiguration", .shape = &lock_shape },
  { .name = "LockState", .shape = &string_shape },
  { .name = "LockEndTime", .shape = &timestamp_shape },
  { .name = "RuleArn", .shape = &string_shape },
  { .name = "ExcludeResourceTags", .shape = &resource_tags_shape },
};
STRUCTURE (get_rule_out_shape, "GetRuleResponse", rule_members);
static const AmigoMember get_rule_in = { .shape = &get_rule_in_shape };
static const AmigoMember get_rule_out = { .shape = &get_rule_out_shape };
const AmigoOperation _amigo_rbin_op_get_rule = {
  .name = "GetRule", .http_method = "GET", .request_uri = "/rules/{identifier}",
  .input = &get_rule_in, .output = &get_rule_out,
};

/* CreateRule */
static const AmigoMember create_rule_in_members[] = {
  { .name = "RetentionPeriod", .shape = &retention_shape },
  { .name = "Description", .shape = &string_shape },
  { .name = "Tags", .shape = &tags_shape },
  { .name = "ResourceType", .shape = &string_shape },
  { .name = "ResourceTags", .shape = &resource_tags_shape },
  { .name = "LockConfiguration", .shape = &lock_shape },
  { .name = "ExcludeResourceTags", .shape = &resource_tags_shape },
};
STRUCTURE (create_rule_in_shape, "CreateRuleRequest", create_rule_in_members);
STRUCTURE (create_rule_out_shape, "CreateRuleResponse", rule_members);
static const AmigoMember create_rule_in = { .shape = &create_rule_in_shape };
static const AmigoMember create_rule_out = { .shape = &create_rule_out_shape };
const AmigoOperation _amigo_rbin_op_create_rule = {
  .name = "CreateRule", .http_method = "POST", .request_uri = "/rules",
  .input = &create_rule_in, .output = &create_rule_out,
};
