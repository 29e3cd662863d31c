/* amigo-iam.h — AWS IAM: the service role VM Import/Export needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amigo-async.h"
#include "amigo-account.h"
#include "amigo-client.h"
#include "amigo-service.h"

G_BEGIN_DECLS

/* IAM is global: requests are signed for this Region (aws partition). */
#define AMIGO_IAM_SIGNING_REGION "us-east-1"

/* The inline policy Amigo writes on the vmimport role. */
#define AMIGO_IAM_VM_IMPORT_POLICY_NAME "vmimport"

/**
 * AmigoIamRole:
 * @role_name: `RoleName`
 * @arn: `Arn`
 * @assume_role_policy_document: the trust policy, decoded (IAM sends it
 *   URL-encoded)
 *
 * What GetRole and CreateRole answer.
 */
typedef struct {
  char *role_name;
  char *arn;
  char *assume_role_policy_document;
} AmigoIamRole;

#define AMIGO_TYPE_IAM_ROLE (amigo_iam_role_get_type ())

GType         amigo_iam_role_get_type (void) G_GNUC_CONST;
AmigoIamRole *amigo_iam_role_copy     (const AmigoIamRole *self);
void          amigo_iam_role_free     (AmigoIamRole       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmigoIamRole, amigo_iam_role_free)

#define AMIGO_TYPE_IAM (amigo_iam_get_type ())

/**
 * AmigoIam:
 *
 * IAM of one account: an #AmigoService speaking the AWS query protocol,
 * signed for `us-east-1` whatever Region the account works in.
 */
AMIGO_DECLARE_SERVICE (AmigoIam, amigo_iam, AMIGO, IAM)

/* GetRole; a missing role fails with the AWS code `NoSuchEntity`
 * (amigo_iam_error_is_no_such_entity()). */
AMIGO_DECLARE_ASYNC (AmigoIam, AmigoIamRole *, amigo_iam_get_role,
                     const char *role_name);
AMIGO_DECLARE_ASYNC (AmigoIam, AmigoIamRole *, amigo_iam_create_role,
                     const char *role_name,
                     const char *assume_role_policy_document,
                     const char *description);
/* GetRolePolicy: the inline policy's document, decoded. */
AMIGO_DECLARE_ASYNC (AmigoIam, char *, amigo_iam_get_role_policy,
                     const char *role_name,
                     const char *policy_name);
AMIGO_DECLARE_ASYNC (AmigoIam, gboolean, amigo_iam_put_role_policy,
                     const char *role_name,
                     const char *policy_name,
                     const char *policy_document);

gboolean amigo_iam_error_is_no_such_entity         (const GError       *error);
/* The Region IAM is signed for from @region's partition: us-east-1,
 * cn-north-1 (China), us-gov-west-1 (GovCloud). */
const char *amigo_iam_signing_region_for            (const char         *region);

char    *amigo_iam_vm_import_trust_policy          (void);
char    *amigo_iam_vm_import_role_policy           (const char         *region,
                                                    const char * const *buckets,
                                                    const char * const *kms_key_arns);
gboolean amigo_iam_vm_import_policy_covers_bucket  (const char         *policy_document,
                                                    const char         *region,
                                                    const char         *bucket);
gboolean amigo_iam_vm_import_trust_policy_is_valid (const char         *trust_policy);

G_END_DECLS
