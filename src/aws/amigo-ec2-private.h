/* amigo-ec2-private.h — AmigoEc2 internals shared with the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-ec2.h"

G_BEGIN_DECLS

/* Makes CreateImage and RegisterImage behave as if every attempt were a
 * retry, so that tests can reach the InvalidAMIName.Duplicate recovery
 * without a fault injector in front of the server. */
void _amigo_ec2_set_pretend_retry (AmigoEc2 *self,
                                   gboolean  pretend_retry);

G_END_DECLS
