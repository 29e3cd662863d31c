/* amigo-xml-reader.c — streaming XML for AWS query-protocol responses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A libxml2 push parser with SAX2 callbacks, so a response is parsed while
 * it downloads and never held whole. What it refuses, and why:
 *
 *  - any DTD: EC2 never sends one, and refusing it means no entity can be
 *    declared, so neither an entity-expansion bomb nor an external entity
 *    can get in (the five predefined entities and character references
 *    still work);
 *  - more than a set amount of text in one element (1 MiB by default), so a
 *    hostile or broken server cannot make us buffer without end;
 *  - nesting deeper than AMIGO_XML_READER_MAX_DEPTH;
 *  - bytes that are not UTF-8 (libxml2 reports them; we make sure it stops
 *    there rather than carrying on as Latin-1);
 *  - a root element other than the one expected, e.g. an HTML error page
 *    from a proxy.
 *
 * An AWS error document (`<Response><Errors><Error>` from EC2,
 * `<ErrorResponse><Error>` from query services such as STS) is accepted as
 * root in place of the expected one: its code, message and request id are
 * collected, and finish() turns them into an AMIGO_AWS_ERROR_SERVICE error.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "amigo-error.h"
#include "amigo-xml-reader.h"

#define HEAD_SIZE 256

struct _AmigoXmlReader
{
  xmlParserCtxtPtr ctxt;
  char *root_element;           /* NULL: only an error document is expected */
  AmigoXmlReaderCallbacks callbacks;
  gpointer user_data;

  GString *text;
  gsize text_limit;
  guint http_status;

  /* Local names of the open elements; they point into the parser's
   * dictionary, which lives as long as the parser. stack[1] is the root. */
  const char *stack[AMIGO_XML_READER_MAX_DEPTH + 1];
  guint depth;

  guint root_seen : 1;
  guint root_closed : 1;
  guint error_document : 1;
  guint first_error_done : 1;
  guint finished : 1;
  guint finishing : 1;
  guint non_blank_seen : 1;

  GError *error;                /* the first error; every later call repeats it */
  char *xml_message;            /* libxml2's first fatal error */
  int xml_line;
  int xml_code;

  gsize bytes_fed;
  char head[HEAD_SIZE];         /* the first bytes, to recognise a web page */
  gsize head_len;

  /* Our own UTF-8 check of the raw bytes, only to name the error right:
   * libxml2 stops on bad bytes either way, but when a chunk ends inside
   * one it reports an obscure internal error instead. */
  guint8 utf8_carry[4];
  gsize utf8_carry_len;
  gboolean utf8_bad;

  /* What an error document says */
  char *aws_code;
  char *aws_message;
  char *request_id;
};

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static gboolean
name_is (const char *a,
         const char *b)
{
  return g_strcmp0 (a, b) == 0;
}

static gboolean
is_error_root (const char *name)
{
  return name_is (name, "Response") || name_is (name, "ErrorResponse") || name_is (name, "Error");
}

/* Whether the first bytes of the body are an HTML page: "<!DOCTYPE html"
 * or "<html", in any case, after a BOM, blanks, an XML declaration or
 * comments. */
static gboolean
head_looks_like_html (const char *head,
                      gsize       len)
{
  const char *p = head;
  const char *end = head + len;

  if (len >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  for (;;)
    {
      while (p < end && is_blank (*p))
        p++;
      if (end - p >= 5 && memcmp (p, "<?xml", 5) == 0)
        {
          const char *q = g_strstr_len (p, end - p, "?>");
          if (q == NULL)
            return FALSE;
          p = q + 2;
          continue;
        }
      if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        {
          const char *q = g_strstr_len (p, end - p, "-->");
          if (q == NULL)
            return FALSE;
          p = q + 3;
          continue;
        }
      break;
    }

  if (end - p >= 14 && g_ascii_strncasecmp (p, "<!doctype html", 14) == 0)
    return TRUE;
  if (end - p >= 5 && g_ascii_strncasecmp (p, "<html", 5) == 0
      && (end - p == 5 || p[5] == '>' || is_blank (p[5])))
    return TRUE;
  return FALSE;
}

static GError *
web_page_error (AmigoXmlReader *self)
{
  if (self->http_status != 0)
    return g_error_new (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                        _("The server answered with a web page (HTTP %u) instead of an AWS "
                          "response. Check the endpoint address and any proxy in between, "
                          "then try again."),
                        self->http_status);
  return g_error_new_literal (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                              _("The server answered with a web page instead of an AWS "
                                "response. Check the endpoint address and any proxy in "
                                "between, then try again."));
}

/* Records the first error and stops libxml2. */
static void
set_error (AmigoXmlReader *self,
           GError         *error)
{
  if (self->error == NULL)
    self->error = error;
  else
    g_error_free (error);

  if (self->ctxt != NULL)
    xmlStopParser (self->ctxt);
}

/* SAX callbacks */

static void
on_start_element_cb (void           *ctx,
                     const xmlChar  *localname,
                     const xmlChar  *prefix,
                     const xmlChar  *uri,
                     int             nb_namespaces,
                     const xmlChar **namespaces,
                     int             nb_attributes,
                     int             nb_defaulted,
                     const xmlChar **attributes)
{
  AmigoXmlReader *self = ctx;
  const char *name = (const char *) localname;

  if (self->error != NULL)
    return;

  if (self->depth == 0)
    {
      if (self->root_seen)
        {
          /* libxml2 reports a second root itself; be safe anyway */
          set_error (self, g_error_new_literal (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                                                _("The server's answer has more than one root element.")));
          return;
        }
      self->root_seen = TRUE;

      if (self->root_element != NULL && name_is (name, self->root_element))
        ;
      else if (self->finishing)
        {
          /* libxml2 reports a start tag cut short at the end of the body
           * ("<Describe") as a whole one: the body was truncated. */
          xmlStopParser (self->ctxt);
          return;
        }
      else if (is_error_root (name))
        self->error_document = TRUE;
      else if (g_ascii_strcasecmp (name, "html") == 0)
        {
          set_error (self, web_page_error (self));
          return;
        }
      else if (self->root_element != NULL)
        {
          set_error (self, g_error_new (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                                        _("The server answered <%s> where AWS sends <%s>. "
                                          "Check the endpoint address, then try again."),
                                        name, self->root_element));
          return;
        }
      else
        {
          set_error (self, g_error_new (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                                        _("The server answered <%s> where AWS sends an error "
                                          "document. Check the endpoint address, then try again."),
                                        name));
          return;
        }
    }

  if (self->depth == AMIGO_XML_READER_MAX_DEPTH)
    {
      set_error (self, g_error_new (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                                    _("The server's answer nests elements more than %u deep; "
                                      "it was refused."),
                                    (guint) AMIGO_XML_READER_MAX_DEPTH));
      return;
    }

  self->stack[++self->depth] = name;
  g_string_truncate (self->text, 0);

  if (self->callbacks.start_element != NULL)
    self->callbacks.start_element (self->user_data, name, self->depth);
}

static void
collect_error_document (AmigoXmlReader *self,
                        const char     *name,
                        const char     *text)
{
  const char *parent = self->depth >= 2 ? self->stack[self->depth - 1] : NULL;

  if (name_is (name, "RequestID") || name_is (name, "RequestId"))
    {
      if (self->request_id == NULL)
        self->request_id = g_strdup (text);
      return;
    }

  if (self->first_error_done || !name_is (parent, "Error"))
    return;

  if (name_is (name, "Code") && self->aws_code == NULL)
    self->aws_code = g_strdup (text);
  else if (name_is (name, "Message") && self->aws_message == NULL)
    self->aws_message = g_strdup (text);
}

static void
on_end_element_cb (void          *ctx,
                   const xmlChar *localname,
                   const xmlChar *prefix,
                   const xmlChar *uri)
{
  AmigoXmlReader *self = ctx;
  const char *name = (const char *) localname;

  if (self->error != NULL || self->depth == 0)
    return;

  if (self->error_document)
    {
      collect_error_document (self, name, self->text->str);
      /* Only the first <Error> counts, as for botocore. */
      if (name_is (name, "Error") && self->aws_code != NULL)
        self->first_error_done = TRUE;
    }

  if (self->callbacks.end_element != NULL)
    self->callbacks.end_element (self->user_data, name, self->depth,
                                 self->text->str, self->text->len);

  g_string_truncate (self->text, 0);
  self->depth--;
  if (self->depth == 0)
    self->root_closed = TRUE;
}

static void
on_characters_cb (void          *ctx,
                  const xmlChar *ch,
                  int            len)
{
  AmigoXmlReader *self = ctx;

  if (self->error != NULL || len <= 0)
    return;

  if (self->text->len + (gsize) len > self->text_limit)
    {
      g_autofree char *limit = g_format_size_full (self->text_limit, G_FORMAT_SIZE_IEC_UNITS);
      const char *name = self->depth > 0 ? self->stack[self->depth] : "?";

      set_error (self, g_error_new (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                                    _("The element <%s> of the server's answer holds more "
                                      "than %s of text; the answer was refused."),
                                    name, limit));
      g_string_truncate (self->text, 0);
      return;
    }

  g_string_append_len (self->text, (const char *) ch, len);
}

static void
on_internal_subset_cb (void          *ctx,
                       const xmlChar *name,
                       const xmlChar *external_id,
                       const xmlChar *system_id)
{
  AmigoXmlReader *self = ctx;

  if (name != NULL && g_ascii_strcasecmp ((const char *) name, "html") == 0)
    set_error (self, web_page_error (self));
  else
    set_error (self, g_error_new_literal (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                                          _("The server's answer carries a document type "
                                            "declaration, which AWS never sends; it was "
                                            "refused for safety.")));
}

static void
on_structured_error_cb (void        *ctx,
                        xmlErrorPtr  xml_error)
{
  AmigoXmlReader *self = ctx;

  if (xml_error == NULL || xml_error->level != XML_ERR_FATAL || self->xml_message != NULL)
    return;

  self->xml_message = g_strchomp (g_strdup (xml_error->message ? xml_error->message : ""));
  self->xml_line = xml_error->line;
  self->xml_code = xml_error->code;
}

/* Length of the UTF-8 sequence @c starts, or 0 */
static gsize
utf8_sequence_length (guint8 c)
{
  if (c < 0x80)
    return 1;
  if (c >= 0xc2 && c <= 0xdf)
    return 2;
  if (c >= 0xe0 && c <= 0xef)
    return 3;
  if (c >= 0xf0 && c <= 0xf4)
    return 4;
  return 0;
}

/* Validates the next raw bytes, carrying a sequence cut by the chunk end. */
static void
check_utf8 (AmigoXmlReader *self,
            const guint8   *p,
            gsize           len)
{
  const guint8 *end = p + len;

  while (self->utf8_carry_len > 0 && p < end)
    {
      gsize need = utf8_sequence_length (self->utf8_carry[0]);

      if ((*p & 0xc0) != 0x80)
        {
          self->utf8_bad = TRUE;
          return;
        }
      self->utf8_carry[self->utf8_carry_len++] = *p++;
      if (self->utf8_carry_len == need)
        {
          if (!g_utf8_validate_len ((const char *) self->utf8_carry, need, NULL))
            {
              self->utf8_bad = TRUE;
              return;
            }
          self->utf8_carry_len = 0;
        }
    }

  while (p < end)
    {
      const char *stop = NULL;
      gsize need;

      /* Answers are almost all ASCII: skip it a word at a time */
      while (end - p >= 8)
        {
          guint64 word;

          memcpy (&word, p, sizeof word);
          if (word & G_GUINT64_CONSTANT (0x8080808080808080))
            break;
          p += 8;
        }
      if (g_utf8_validate_len ((const char *) p, end - p, &stop))
        return;
      p = (const guint8 *) stop;
      need = utf8_sequence_length (*p);
      /* Only a sequence that starts well and is cut by the end is kept */
      if (need == 0 || need <= (gsize) (end - p))
        {
          self->utf8_bad = TRUE;
          return;
        }
      for (const guint8 *q = p + 1; q < end; q++)
        if ((*q & 0xc0) != 0x80)
          {
            self->utf8_bad = TRUE;
            return;
          }
      memcpy (self->utf8_carry, p, end - p);
      self->utf8_carry_len = end - p;
      return;
    }
}

/* Whether the document declares an encoding other than UTF-8, or starts
 * with a UTF-16 byte order mark. */
static gboolean
head_declares_other_encoding (const char *head,
                              gsize       len)
{
  const char *decl_end;
  const char *enc;

  if (len >= 2 && ((guint8) head[0] == 0xfe || (guint8) head[0] == 0xff || head[0] == '\0' || head[1] == '\0'))
    return TRUE;
  if (len < 5 || memcmp (head, "<?xml", 5) != 0)
    return FALSE;
  decl_end = g_strstr_len (head, len, "?>");
  if (decl_end == NULL)
    return FALSE;
  enc = g_strstr_len (head, decl_end - head, "encoding");
  if (enc == NULL)
    return FALSE;
  enc += strlen ("encoding");
  while (enc < decl_end && (is_blank (*enc) || *enc == '=' || *enc == '"' || *enc == '\''))
    enc++;
  return g_ascii_strncasecmp (enc, "utf-8", 5) != 0 && g_ascii_strncasecmp (enc, "utf8", 4) != 0;
}

/* Turns libxml2's first fatal error into ours. */
static GError *
xml_error_to_gerror (AmigoXmlReader *self)
{
  if (head_looks_like_html (self->head, self->head_len))
    return web_page_error (self);

  if ((self->utf8_bad && !head_declares_other_encoding (self->head, self->head_len))
      || self->xml_code == XML_ERR_INVALID_CHAR || self->xml_code == XML_ERR_INVALID_ENCODING
      || self->xml_code == XML_ERR_UNKNOWN_ENCODING || self->xml_code == XML_ERR_UNSUPPORTED_ENCODING)
    return g_error_new (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                        _("The server's answer is not valid UTF-8 text (line %d). "
                          "Try again; if it keeps happening, check the endpoint or proxy."),
                        self->xml_line);

  return g_error_new (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                      _("The server's answer is not valid XML: %s (line %d). "
                        "Try again; if it keeps happening, check the endpoint or proxy."),
                      self->xml_message ? self->xml_message : "?", self->xml_line);
}

/**
 * amigo_xml_reader_new:
 * @root_element: (nullable): the local name the root element must have,
 *   e.g. `DescribeImagesResponse`; %NULL to accept only an error document
 * @callbacks: (nullable): what to call for each element
 * @user_data: data for @callbacks
 *
 * Creates a reader. An AWS error document is accepted as root in place of
 * @root_element: the callbacks still see its elements, and
 * amigo_xml_reader_finish() then fails with the service error.
 *
 * Returns: (transfer full): a new reader; free with amigo_xml_reader_free()
 */
AmigoXmlReader *
amigo_xml_reader_new (const char                    *root_element,
                      const AmigoXmlReaderCallbacks *callbacks,
                      gpointer                       user_data)
{
  static gsize initialized = 0;
  xmlSAXHandler sax;
  AmigoXmlReader *self;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }

  self = g_new0 (AmigoXmlReader, 1);
  self->root_element = g_strdup (root_element);
  if (callbacks != NULL)
    self->callbacks = *callbacks;
  self->user_data = user_data;
  self->text = g_string_sized_new (256);
  self->text_limit = AMIGO_XML_READER_DEFAULT_TEXT_LIMIT;

  /* Only what we need: no entity, notation or DTD handlers at all. */
  memset (&sax, 0, sizeof sax);
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = on_start_element_cb;
  sax.endElementNs = on_end_element_cb;
  sax.characters = on_characters_cb;
  sax.cdataBlock = on_characters_cb;
  sax.internalSubset = on_internal_subset_cb;
  sax.serror = on_structured_error_cb;

  self->ctxt = xmlCreatePushParserCtxt (&sax, self, NULL, 0, NULL);
  g_assert (self->ctxt != NULL);
  xmlCtxtUseOptions (self->ctxt, XML_PARSE_NONET);

  return self;
}

/**
 * amigo_xml_reader_free:
 * @self: (transfer full) (nullable): a reader
 *
 * Frees the reader and all it holds.
 */
void
amigo_xml_reader_free (AmigoXmlReader *self)
{
  if (self == NULL)
    return;

  if (self->ctxt != NULL)
    {
      /* The context's SAX handler is a copy of ours; libxml2 frees it. */
      xmlFreeParserCtxt (self->ctxt);
    }
  g_free (self->root_element);
  g_string_free (self->text, TRUE);
  g_clear_error (&self->error);
  g_free (self->xml_message);
  g_free (self->aws_code);
  g_free (self->aws_message);
  g_free (self->request_id);
  g_free (self);
}

/**
 * amigo_xml_reader_set_text_limit:
 * @self: a reader
 * @limit: the most bytes of text one element may hold
 *
 * Changes the cap on the text of one element
 * (%AMIGO_XML_READER_DEFAULT_TEXT_LIMIT by default).
 */
void
amigo_xml_reader_set_text_limit (AmigoXmlReader *self,
                                 gsize           limit)
{
  g_return_if_fail (self != NULL);
  self->text_limit = MAX (limit, 1);
}

/**
 * amigo_xml_reader_set_http_status:
 * @self: a reader
 * @http_status: the HTTP status of the response being read
 *
 * Records the status, which errors then report.
 */
void
amigo_xml_reader_set_http_status (AmigoXmlReader *self,
                                  guint           http_status)
{
  g_return_if_fail (self != NULL);
  self->http_status = http_status;
}

static gboolean
check_error (AmigoXmlReader  *self,
             GError         **error)
{
  if (self->error == NULL && self->ctxt->wellFormed == 0)
    self->error = xml_error_to_gerror (self);
  if (self->error == NULL && self->ctxt->errNo != XML_ERR_OK && self->xml_message != NULL)
    self->error = xml_error_to_gerror (self);

  if (self->error != NULL)
    {
      if (error != NULL)
        *error = g_error_copy (self->error);
      return FALSE;
    }
  return TRUE;
}

/**
 * amigo_xml_reader_feed:
 * @self: a reader
 * @buf: (array length=len): the next bytes of the body
 * @len: how many
 * @error: return location for an error
 *
 * Parses the next chunk; callbacks run from inside this call. Chunks may be
 * cut anywhere, even inside a UTF-8 sequence.
 *
 * Returns: %FALSE once the body is known to be bad (every later call
 *   returns the same error)
 */
gboolean
amigo_xml_reader_feed (AmigoXmlReader  *self,
                       const char      *buf,
                       gsize            len,
                       GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->finished, FALSE);
  g_return_val_if_fail (buf != NULL || len == 0, FALSE);

  if (self->error != NULL)
    return check_error (self, error);

  if (self->head_len < HEAD_SIZE)
    {
      gsize n = MIN (len, HEAD_SIZE - self->head_len);
      memcpy (self->head + self->head_len, buf, n);
      self->head_len += n;
    }
  if (!self->non_blank_seen)
    {
      for (gsize i = 0; i < len; i++)
        if (!is_blank (buf[i]))
          {
            self->non_blank_seen = TRUE;
            break;
          }
    }
  self->bytes_fed += len;
  if (!self->utf8_bad)
    check_utf8 (self, (const guint8 *) buf, len);

  /* libxml2 takes an int length */
  while (len > 0)
    {
      int n = (int) MIN (len, (gsize) (G_MAXINT / 2));

      xmlParseChunk (self->ctxt, buf, n, 0);
      if (!check_error (self, error))
        return FALSE;
      buf += n;
      len -= n;
    }

  return TRUE;
}

/**
 * amigo_xml_reader_finish:
 * @self: a reader
 * @error: return location for an error
 *
 * Tells the reader the body has ended, and checks it was whole.
 *
 * Returns: %TRUE when the expected document was read whole; %FALSE with
 *   %AMIGO_AWS_ERROR_BAD_RESPONSE for an empty, truncated or malformed body,
 *   or with %AMIGO_AWS_ERROR_SERVICE when it was an AWS error document
 */
gboolean
amigo_xml_reader_finish (AmigoXmlReader  *self,
                         GError         **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->finished || self->error != NULL)
    {
      self->finished = TRUE;
      return check_error (self, error);
    }
  self->finished = TRUE;

  if (!self->non_blank_seen)
    {
      if (self->http_status != 0)
        self->error = g_error_new (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                                   _("The server sent an empty answer (HTTP %u). Try again; "
                                     "if it keeps happening, check the endpoint address."),
                                   self->http_status);
      else
        self->error = g_error_new_literal (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                                           _("The server sent an empty answer. Try again; if "
                                             "it keeps happening, check the endpoint address."));
      return check_error (self, error);
    }

  self->finishing = TRUE;
  xmlParseChunk (self->ctxt, NULL, 0, 1);

  if (self->error == NULL && !self->root_closed)
    {
      if (head_looks_like_html (self->head, self->head_len))
        self->error = web_page_error (self);
      else if (self->root_seen || self->xml_message == NULL
               || self->xml_code == XML_ERR_DOCUMENT_END
               || self->xml_code == XML_ERR_DOCUMENT_EMPTY)
        self->error = g_error_new (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                                   _("The server's answer ended too early, after %lu bytes; "
                                     "the connection may have been cut. Try again."),
                                   (gulong) self->bytes_fed);
    }
  if (!check_error (self, error))
    return FALSE;

  if (self->error_document)
    {
      if (self->aws_code == NULL)
        self->error = g_error_new_literal (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                                           _("The server answered with an error document that "
                                             "names no error. Try again later."));
      else
        {
          gboolean retryable = self->http_status >= 500
                               || name_is (self->aws_code, "RequestLimitExceeded")
                               || name_is (self->aws_code, "Throttling")
                               || name_is (self->aws_code, "ThrottlingException")
                               || name_is (self->aws_code, "RequestThrottled")
                               || name_is (self->aws_code, "RequestThrottledException")
                               || name_is (self->aws_code, "InternalError")
                               || name_is (self->aws_code, "InternalFailure")
                               || name_is (self->aws_code, "ServiceUnavailable")
                               || name_is (self->aws_code, "Unavailable");

          self->error = amigo_aws_error_new_service (AMIGO_AWS_ERROR_SERVICE,
                                                     self->aws_code, self->aws_message,
                                                     self->request_id, self->http_status,
                                                     retryable);
        }
      return check_error (self, error);
    }

  return TRUE;
}

/**
 * amigo_xml_reader_abort:
 * @self: a reader
 * @error: (transfer full): why
 *
 * Stops the parse from inside a callback: the current and every later
 * feed() or finish() fails with @error (unless an error came first).
 */
void
amigo_xml_reader_abort (AmigoXmlReader *self,
                        GError         *error)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (error != NULL);
  set_error (self, error);
}

/**
 * amigo_xml_reader_is_error_document:
 * @self: a reader
 *
 * Returns: whether the root element seen so far is an AWS error document
 */
gboolean
amigo_xml_reader_is_error_document (AmigoXmlReader *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->error_document;
}

/**
 * amigo_xml_reader_get_parent_name:
 * @self: a reader
 * @depth: a depth between 1 (the root) and the current depth
 *
 * For use inside callbacks: the name of the open element at @depth.
 *
 * Returns: (transfer none) (nullable): the local name, or %NULL when no
 *   element is open at @depth
 */
const char *
amigo_xml_reader_get_parent_name (AmigoXmlReader *self,
                                  guint           depth)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (depth == 0 || depth > self->depth)
    return NULL;
  return self->stack[depth];
}

/**
 * amigo_xml_reader_get_bytes_fed:
 * @self: a reader
 *
 * Returns: how many bytes were fed so far
 */
gsize
amigo_xml_reader_get_bytes_fed (AmigoXmlReader *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->bytes_fed;
}

/**
 * amigo_xml_parse_error_document:
 * @buf: (array length=len) (nullable): the whole body of an error response
 * @len: its length
 * @http_status: the HTTP status of the response
 *
 * Reads the body of a failed request (HTTP 4xx/5xx): the EC2 form
 * `<Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>`
 * or the query form (STS) `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`.
 *
 * Returns: (transfer full): %AMIGO_AWS_ERROR_SERVICE with AWS's code,
 *   message, request id and @http_status when the body is such a document;
 *   otherwise %AMIGO_AWS_ERROR_BAD_RESPONSE saying what came instead (a web
 *   page, nothing, something else)
 */
GError *
amigo_xml_parse_error_document (const char *buf,
                                gsize       len,
                                guint       http_status)
{
  g_autoptr(AmigoXmlReader) reader = amigo_xml_reader_new (NULL, NULL, NULL);
  GError *error = NULL;

  amigo_xml_reader_set_http_status (reader, http_status);
  if (amigo_xml_reader_feed (reader, buf != NULL ? buf : "", buf != NULL ? len : 0, &error)
      && amigo_xml_reader_finish (reader, &error))
    {
      /* Cannot happen: with no expected root, only an error document is
       * accepted, and finish() fails with it. */
      error = g_error_new (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE, "HTTP %u", http_status);
    }

  return error;
}
