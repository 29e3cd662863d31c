/* protocol-suite.h — botocore's protocol compliance suites as Amigo models
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "amigo-protocol.h"

G_BEGIN_DECLS

/* One suite of a file: its service model and operations, built from the
 * suite's JSON at run time (real services declare static tables). */
typedef struct _ProtocolSuite ProtocolSuite;

/* Reads tests/data/aws-protocols/<direction>/<name>.json; every suite of
 * it, in order. The file's JSON stays loaded for the program's life. */
GPtrArray               *protocol_suites_load        (const char          *direction,
                                                      const char          *name);
/* Frees every suite loaded, once the tests have run. */
void                     protocol_suites_unload      (void);
const char              *protocol_suite_description  (ProtocolSuite       *suite);
JsonArray               *protocol_suite_cases        (ProtocolSuite       *suite);
const AmigoServiceModel *protocol_suite_model        (ProtocolSuite       *suite);
/* The operation a case's `given` describes (kept with the suite). */
const AmigoOperation    *protocol_suite_operation    (ProtocolSuite       *suite,
                                                      JsonObject          *given);
/* Why a case cannot run here, or NULL. */
const char              *protocol_suite_skip_reason  (ProtocolSuite       *suite,
                                                      JsonObject          *test_case);

/* Values compared as the suites mean them: numbers by value (timestamps
 * may be fractional), NaN and the infinities by name. */
gboolean                 protocol_json_equal         (JsonNode            *expected,
                                                      JsonNode            *actual);

G_END_DECLS
