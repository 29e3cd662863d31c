/* fuzz-sigv4.c — SigV4 canonicalisation, header and query mode alike
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is a request as text: a method line, a path line, a query
 * line, then "name: value" header lines. It is signed in header mode and
 * in query (presigned) mode: both must succeed or fail alike, and both
 * canonical requests must canonicalise the headers the same way (the
 * canonical header block is the same text in both). The headers the
 * signer itself sets in header mode (date, token, payload hash) are left
 * out of the input.
 */
#include "config.h"

#include <string.h>

#include "amigo-sigv4.h"
#include "fuzz.h"

/* The canonical headers: from the fourth line to the first empty one,
 * less those the signer adds itself in header mode (x-amz-date, the
 * token, the payload hash), which query mode carries in the query. */
static char *
header_block (const char *canonical)
{
  const char *p = canonical;
  const char *end;
  g_autofree char *block = NULL;
  g_auto(GStrv) lines = NULL;
  GString *out = g_string_new (NULL);

  for (int i = 0; i < 3 && p != NULL; i++)
    {
      p = strchr (p, '\n');
      if (p != NULL)
        p++;
    }
  if (p == NULL)
    return g_string_free (out, FALSE);
  end = strstr (p, "\n\n");
  block = end != NULL ? g_strndup (p, end - p) : g_strdup (p);
  lines = g_strsplit (block, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (!g_str_has_prefix (lines[i], "x-amz-date:")
        && !g_str_has_prefix (lines[i], "x-amz-security-token:")
        && !g_str_has_prefix (lines[i], "x-amz-content-sha256:"))
      g_string_append_printf (out, "%s\n", lines[i]);
  return g_string_free (out, FALSE);
}

static AmigoSigV4Request *
parse_request (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", 64);
  guint n = g_strv_length (lines);
  AmigoSigV4Request *req;

  if (n < 3 || *lines[0] == '\0' || lines[1][0] != '/')
    return NULL;
  req = amigo_sigv4_request_new (lines[0], lines[1], lines[2]);
  for (guint i = 3; i < n; i++)
    {
      char *colon = strchr (lines[i], ':');

      if (colon == NULL || colon == lines[i])
        continue;
      *colon = '\0';
      /* The signer owns these in header mode (it sets the date and token
       * it signs with), not in query mode: not comparable. */
      if (g_ascii_strcasecmp (lines[i], "x-amz-date") == 0
          || g_ascii_strcasecmp (lines[i], "x-amz-security-token") == 0
          || g_ascii_strcasecmp (lines[i], "x-amz-content-sha256") == 0
          || g_ascii_strcasecmp (lines[i], "authorization") == 0)
        continue;
      amigo_sigv4_request_add_header (req, lines[i], colon + 1);
    }
  return req;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autoptr(AmigoSigV4Request) header_req = NULL;
  g_autoptr(AmigoSigV4Request) query_req = NULL;
  g_autoptr(AmigoCredentials) credentials = NULL;
  g_autofree char *header_canonical = NULL;
  g_autofree char *query_canonical = NULL;
  AmigoSigV4Params params = { 0 };

  fuzz_quiet_logs ();
  if (memchr (data, '\0', size) != NULL)
    return 0;
  text = g_strndup ((const char *) data, size);
  header_req = parse_request (text);
  query_req = parse_request (text);
  if (header_req == NULL)
    return 0;

  credentials = amigo_credentials_new ("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                                       NULL, 0);
  params.credentials = credentials;
  params.region = "us-east-1";
  params.service = "service";
  params.timestamp = 1440938160;          /* 20150830T123600Z */
  params.normalize_path = TRUE;
  params.expires = 300;

  header_canonical = amigo_sigv4_canonical_request (header_req, &params,
                                                    AMIGO_SIGV4_MODE_HEADER);
  query_canonical = amigo_sigv4_canonical_request (query_req, &params,
                                                   AMIGO_SIGV4_MODE_QUERY);
  g_assert ((header_canonical == NULL) == (query_canonical == NULL));
  if (header_canonical != NULL)
    {
      g_autofree char *a = header_block (header_canonical);
      g_autofree char *b = header_block (query_canonical);
      g_autofree char *to_sign = amigo_sigv4_string_to_sign (header_canonical, &params);
      g_autofree char *signature = to_sign != NULL ? amigo_sigv4_signature (to_sign, &params)
                                                   : NULL;

      g_assert (strcmp (a, b) == 0);
      g_assert (signature == NULL || strlen (signature) == 64);
    }
  return 0;
}
