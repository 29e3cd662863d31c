/* fuzz-ec2-parsers.c — every EC2 response parser over hostile answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte picks the parser (each operation's field table), the
 * second the HTTP status it pretends to have come with; the rest is the
 * body, fed in two chunks split where the third byte says. Success or
 * failure, nothing may crash, leak or read out of bounds, and what the
 * parser reports must be readable.
 */
#include "config.h"

#include "amigo-ec2-parsers.h"
#include "fuzz.h"

static void
batch_cb (GPtrArray *batch,
          gpointer   user_data)
{
  guint *n = user_data;

  *n += batch->len;
}

static AmigoEc2Parser *
new_parser (guint which,
            guint *n_batched)
{
  switch (which % 14)
    {
    case 0: return amigo_ec2_parser_new_describe_images (batch_cb, n_batched);
    case 1: return amigo_ec2_parser_new_describe_regions ();
    case 2: return amigo_ec2_parser_new_describe_image_attribute ();
    case 3: return amigo_ec2_parser_new_describe_instances ();
    case 4: return amigo_ec2_parser_new_run_instances ();
    case 5: return amigo_ec2_parser_new_describe_snapshots ();
    case 6: return amigo_ec2_parser_new_describe_key_pairs ();
    case 7: return amigo_ec2_parser_new_describe_security_groups ();
    case 8: return amigo_ec2_parser_new_describe_subnets ();
    case 9: return amigo_ec2_parser_new_describe_vpcs ();
    case 10: return amigo_ec2_parser_new_describe_volumes ();
    case 11: return amigo_ec2_parser_new_describe_instance_types ();
    case 12: return amigo_ec2_parser_new_get_caller_identity ();
    default: return amigo_ec2_parser_new_simple ("CreateImage");
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const guint statuses[] = { 200, 400, 403, 500, 503 };
  g_autoptr(GError) error = NULL;
  AmigoEc2Parser *parser;
  guint n_batched = 0;
  guint which, status;
  gsize split;
  gboolean ok;

  fuzz_quiet_logs ();
  which = fuzz_take_uint (&data, &size, 1);
  status = statuses[fuzz_take_uint (&data, &size, 1) % G_N_ELEMENTS (statuses)];
  split = fuzz_take_uint (&data, &size, 2);
  split = size > 0 ? split % (size + 1) : 0;

  parser = new_parser (which, &n_batched);
  amigo_ec2_parser_set_http_status (parser, status);
  amigo_ec2_parser_set_text_limit (parser, 8192);
  ok = amigo_ec2_parser_feed (parser, (const char *) data, split, &error)
       && amigo_ec2_parser_feed (parser, (const char *) data + split, size - split, &error)
       && amigo_ec2_parser_finish (parser, &error);
  if (ok)
    {
      g_assert (error == NULL);
      (void) amigo_ec2_parser_get_request_id (parser);
      (void) amigo_ec2_parser_get_next_token (parser);
      (void) amigo_ec2_parser_get_n_items (parser);
    }
  else
    g_assert (error != NULL && g_utf8_validate (error->message, -1, NULL));
  amigo_ec2_parser_free (parser);
  return 0;
}
