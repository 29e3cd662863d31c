/* amigo-rbin.h — Amazon Recycle Bin: the retention rules that keep
 * deregistered images for a while
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-service.h"
#include "amigo-tag.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_RBIN (amigo_rbin_get_type ())

/* Rule resource types (ResourceType) */
#define AMIGO_RBIN_EC2_IMAGE    "EC2_IMAGE"
#define AMIGO_RBIN_EBS_SNAPSHOT "EBS_SNAPSHOT"

/**
 * AmigoRbin:
 *
 * The Recycle Bin (REST-JSON) in one region of one account.
 */
AMIGO_DECLARE_SERVICE (AmigoRbin, amigo_rbin, AMIGO, RBIN)

/**
 * AmigoRbinRule:
 * @identifier: the rule's id
 * @description: (nullable): its description
 * @resource_type: `EC2_IMAGE`, `EBS_SNAPSHOT`, `EBS_VOLUME`
 * @retention_days: how long it keeps what it keeps
 * @lock_state: (nullable): `locked`, `pending_unlock`, `unlocked`
 * @rule_arn: (nullable): its ARN
 * @resource_tag_keys: (array zero-terminated=1): a tag-level rule keeps
 *   what has one of these tags; empty for a Region-level rule
 * @resource_tag_values: (array zero-terminated=1): their values, "" for any
 * @exclude_tag_keys: (array zero-terminated=1): a Region-level rule keeps
 *   everything but what has one of these tags
 * @exclude_tag_values: (array zero-terminated=1): their values, "" for any
 *
 * A Recycle Bin retention rule, with its tags (ListRules, then GetRule).
 */
typedef struct {
  char *identifier;
  char *description;
  char *resource_type;
  guint retention_days;
  char *lock_state;
  char *rule_arn;
  char **resource_tag_keys;
  char **resource_tag_values;
  char **exclude_tag_keys;
  char **exclude_tag_values;
} AmigoRbinRule;

void     amigo_rbin_rule_free  (AmigoRbinRule  *rule);
gboolean amigo_rbin_rule_keeps (const AmigoRbinRule *rule,
                                const AmigoTag      *tags,
                                guint                n_tags);
guint    amigo_rbin_rules_retention_days (GPtrArray      *rules,
                                          const AmigoTag *tags,
                                          guint           n_tags,
                                          const AmigoRbinRule **rule);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmigoRbinRule, amigo_rbin_rule_free)

AMIGO_DECLARE_ASYNC (AmigoRbin, GPtrArray *, amigo_rbin_list_rules, const char *resource_type);
AMIGO_DECLARE_ASYNC (AmigoRbin, char *, amigo_rbin_create_rule,
                     const char *resource_type,
                     guint retention_days,
                     const char *description,
                     const char * const *tag_keys,
                     const char * const *tag_values);

G_END_DECLS
