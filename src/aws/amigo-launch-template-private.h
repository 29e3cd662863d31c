/* amigo-launch-template-private.h — the field tables of the launch
 * template models, for their parsers (src/aws and the tests only)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-launch-template.h"
#include "amigo-record-private.h"

G_BEGIN_DECLS

extern AmigoRecordType amigo_launch_template_record;
extern AmigoRecordType amigo_launch_template_version_record;

G_END_DECLS
