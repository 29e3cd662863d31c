/* amigo-ec2-private.h — AmigoEc2 internals shared with the tests and STS
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "amigo-ec2.h"
#include "amigo-ec2-parsers.h"
#include "amigo-ec2-query.h"

G_BEGIN_DECLS

/* Makes CreateImage and RegisterImage behave as if every attempt were a
 * retry, so that tests can reach the InvalidAMIName.Duplicate recovery
 * without a fault injector in front of the server. */
void _amigo_ec2_set_pretend_retry (AmigoEc2 *self,
                                   gboolean  pretend_retry);

/* What a parser call does with its answer: reads @parser (the successful
 * attempt's) and completes @task. */
typedef void (*AmigoParserCallDone) (GTask          *task,
                                     AmigoEc2Parser *parser);

/* The call plumbing the query services (EC2, STS) share: sends @query to
 * @service through @client, streams each attempt's answer into a fresh
 * parser from @new_parser (stopping when @task's cancellable is cancelled),
 * then hands the parser to @done, or completes @task with the failure.
 * Takes @task; the task data stays the caller's. */
void _amigo_parser_call_async (AmigoClient         *client,
                               const char          *service,
                               const char          *region,
                               const char          *endpoint_url,
                               AmigoEc2Query       *query,
                               AmigoEc2Parser     *(*new_parser) (void),
                               AmigoParserCallDone  done,
                               GTask               *task);

G_END_DECLS
