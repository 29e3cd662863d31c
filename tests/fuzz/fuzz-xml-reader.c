/* fuzz-xml-reader.c — the streaming XML reader, whole and in random chunks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first bytes choose the chunk sizes; the rest is the document. The
 * same document is fed whole and in those chunks: both must succeed or
 * fail alike and report the same elements and texts (the reader must not
 * depend on where the network splits an answer).
 */
#include "config.h"

#include <string.h>

#include "amigo-xml-reader.h"
#include "fuzz.h"

static void
start_cb (gpointer    user_data,
          const char *name,
          guint       depth)
{
  g_string_append_printf (user_data, "<%u:%s>", depth, name);
}

static void
end_cb (gpointer    user_data,
        const char *name,
        guint       depth,
        const char *text,
        gsize       text_len)
{
  g_string_append_printf (user_data, "</%u:%s=", depth, name);
  g_string_append_len (user_data, text, (gssize) text_len);
  g_string_append_c (user_data, '>');
}

static const AmigoXmlReaderCallbacks callbacks = { start_cb, end_cb };

static gboolean
run (const char *root,
     const guint8 *doc,
     gsize         len,
     const guint8 *splits,
     gsize         n_splits,
     GString      *events)
{
  g_autoptr(AmigoXmlReader) reader = amigo_xml_reader_new (root, &callbacks, events);
  g_autoptr(GError) error = NULL;
  gsize offset = 0;
  gsize i = 0;

  amigo_xml_reader_set_text_limit (reader, 4096);
  while (offset < len)
    {
      /* 1..256 bytes a chunk, or everything when no splits are given. */
      gsize chunk = n_splits > 0 ? (gsize) splits[i++ % n_splits] + 1 : len;

      chunk = MIN (chunk, len - offset);
      if (!amigo_xml_reader_feed (reader, (const char *) doc + offset, chunk, &error))
        {
          g_assert (error != NULL);
          return FALSE;
        }
      offset += chunk;
    }
  if (!amigo_xml_reader_finish (reader, &error))
    {
      g_assert (error != NULL && error->message != NULL);
      return FALSE;
    }
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char *roots[] = {
    "DescribeImagesResponse", "CreateImageResponse", "Response", NULL,
  };
  g_autoptr(GString) whole = g_string_new (NULL);
  g_autoptr(GString) chunked = g_string_new (NULL);
  const char *root;
  guint n_splits;
  gboolean ok_whole, ok_chunked;

  fuzz_quiet_logs ();
  root = roots[fuzz_take_uint (&data, &size, 1) % G_N_ELEMENTS (roots)];
  n_splits = fuzz_take_uint (&data, &size, 1) % 16;
  n_splits = MIN (n_splits, size);

  ok_whole = run (root, data + n_splits, size - n_splits, NULL, 0, whole);
  ok_chunked = run (root, data + n_splits, size - n_splits, data, n_splits, chunked);
  /* Where the parse fails may differ (an error is found when its bytes
   * arrive); what was reported up to a success may not. */
  g_assert (ok_whole == ok_chunked);
  if (ok_whole)
    g_assert (strcmp (whole->str, chunked->str) == 0);
  return 0;
}
