/* fuzz-endpoint-rules.c — the endpoint rule-set interpreter on any JSON
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rule sets are shipped data, but the interpreter must still refuse a
 * malformed one with an error rather than crash or loop: the first byte
 * chooses the parameters, the rest is the rule set.
 */
#include "config.h"

#include "amigo-endpoint-rules.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char *regions[] = { "us-east-1", "eusc-de-east-1", "cn-north-1", "", NULL };
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  AmigoEndpointParams params = { 0 };
  guint choice;

  fuzz_quiet_logs ();
  choice = fuzz_take_uint (&data, &size, 1);
  params.region = regions[choice % G_N_ELEMENTS (regions)];
  params.use_fips = (choice & 0x10) != 0;
  params.use_dual_stack = (choice & 0x20) != 0;
  params.endpoint = (choice & 0x40) != 0 ? "https://example.com" : NULL;

  text = g_strndup ((const char *) data, size);
  url = amigo_endpoint_rules_resolve_json (text, &params, &error);
  g_assert ((url == NULL) != (error == NULL));
  return 0;
}
