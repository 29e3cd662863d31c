/* amigo-aws-config-private.h — shared by the files of AmigoAwsConfig
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-aws-config.h"

G_BEGIN_DECLS

char *_amigo_aws_config_path_from_env (char       **envp,
                                       const char  *variable,
                                       const char  *fallback);

G_END_DECLS
