/* amigo-ssm.h — AWS Systems Manager Parameter Store: reading parameters,
 * AWS's public ones above all (the current official images)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amigo-async.h"
#include "amigo-service.h"

G_BEGIN_DECLS

/**
 * AmigoSsmParameter:
 * @name: the parameter's full name (`Name`), e.g.
 *   `/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64`
 * @value: its value (`Value`): for an image parameter, an AMI id
 * @version: its version (`Version`), -1 when not given
 * @last_modified_usec: when it last changed (`LastModifiedDate`), in
 *   microseconds since the Unix epoch, UTC; 0 when not given
 *
 * One parameter as GetParameters and GetParametersByPath answer it.
 */
typedef struct {
  char *name;
  char *value;
  gint64 version;
  gint64 last_modified_usec;
} AmigoSsmParameter;

#define AMIGO_TYPE_SSM_PARAMETER (amigo_ssm_parameter_get_type ())

GType              amigo_ssm_parameter_get_type (void) G_GNUC_CONST;
AmigoSsmParameter *amigo_ssm_parameter_copy     (const AmigoSsmParameter *self);
void               amigo_ssm_parameter_free     (AmigoSsmParameter       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmigoSsmParameter, amigo_ssm_parameter_free)

/* GetParameters takes at most 10 names a call ("Maximum number of 10
 * items", botocore's model); amigo_ssm_get_parameters_async() splits. */
#define AMIGO_SSM_GET_PARAMETERS_MAX_NAMES 10
/* GetParametersByPath pages hold at most 10 ("Valid Range: Maximum value
 * of 10"). */
#define AMIGO_SSM_BY_PATH_PAGE_SIZE 10

#define AMIGO_TYPE_SSM (amigo_ssm_get_type ())

/**
 * AmigoSsm:
 *
 * Systems Manager in one region of one account: an #AmigoService speaking
 * AWS JSON 1.1 (`X-Amz-Target: AmazonSSM.<Operation>`).
 */
AMIGO_DECLARE_SERVICE (AmigoSsm, amigo_ssm, AMIGO, SSM)

AMIGO_DECLARE_ASYNC (AmigoSsm, GPtrArray *, amigo_ssm_get_parameters_by_path,
                     const char *path,
                     gboolean recursive);
AMIGO_DECLARE_ASYNC (AmigoSsm, GPtrArray *, amigo_ssm_get_parameters,
                     const char * const *names);

G_END_DECLS
