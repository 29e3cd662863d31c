/* test-xml-reader.c — the streaming XML layer against bad and hostile input,
 * truncation at every byte, and batches of images
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "amigo-ec2-parsers.h"
#include "amigo-error.h"
#include "amigo-record-private.h"
#include "amigo-xml-reader.h"

#define IMAGES_OPEN "<DescribeImagesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
#define IMAGES_CLOSE "</DescribeImagesResponse>"

static char *
read_sample (const char *relative,
             gsize      *len)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, relative, NULL);
  char *buf = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &buf, len, &error);
  g_assert_no_error (error);
  return buf;
}

static void
collect_batch_cb (GPtrArray *batch,
                  gpointer   user_data)
{
  GPtrArray *all = user_data;

  for (guint i = 0; i < batch->len; i++)
    g_ptr_array_add (all, g_object_ref (batch->pdata[i]));
}

/* Parses @len bytes of @buf as DescribeImages, in chunks of @chunk bytes;
 * returns the images delivered and sets @error. */
static GPtrArray *
parse_images (const char  *buf,
              gsize        len,
              gsize        chunk,
              GError     **error)
{
  GPtrArray *images = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AmigoEc2Parser) parser = amigo_ec2_parser_new_describe_images (collect_batch_cb, images);
  gboolean ok = TRUE;

  amigo_ec2_parser_set_batch_size (parser, 1);
  for (gsize off = 0; ok && off < len; off += chunk)
    ok = amigo_ec2_parser_feed (parser, buf + off, MIN (chunk, len - off), error);
  if (ok)
    amigo_ec2_parser_finish (parser, error);
  return images;
}

static void
assert_bad_response (const char *buf,
                     gssize      len,
                     const char *must_contain)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) images = NULL;
  const gsize chunks[] = { G_MAXSIZE, 1, 5 };

  if (len < 0)
    len = strlen (buf);

  for (guint i = 0; i < G_N_ELEMENTS (chunks); i++)
    {
      g_clear_error (&error);
      g_clear_pointer (&images, g_ptr_array_unref);
      images = parse_images (buf, len, chunks[i], &error);
      g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE);
      g_test_message ("%s", error->message);
      if (must_contain != NULL && strstr (error->message, must_contain) == NULL)
        g_error ("“%s” does not say “%s”", error->message, must_contain);
    }
}

/* Bad input */

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;

  assert_bad_response ("", 0, "empty");
  assert_bad_response (" \r\n\t ", -1, "empty");

  error = amigo_xml_parse_error_document (NULL, 0, 502);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE);
  g_assert_nonnull (strstr (error->message, "502"));
}

static void
test_malformed (void)
{
  assert_bad_response (IMAGES_OPEN "<imagesSet><item></imagesSet>" IMAGES_CLOSE, -1, "not valid XML");
  assert_bad_response (IMAGES_OPEN "<requestId>a<b</requestId>" IMAGES_CLOSE, -1, "line 1");
  assert_bad_response ("Internal Server Error", -1, "not valid XML");
  assert_bad_response (IMAGES_OPEN IMAGES_CLOSE "<extra/>", -1, "not valid XML");
  /* An entity no DTD declares */
  assert_bad_response (IMAGES_OPEN "<requestId>&nbsp;</requestId>" IMAGES_CLOSE, -1, "nbsp");
}

static void
test_web_page (void)
{
  g_autoptr(GError) error = NULL;
  static const char page[] =
    "<!DOCTYPE html>\n<html>\n<head><title>500 Internal Server Error</title></head>\n"
    "<body><h1>Internal Server Error</h1><hr><br>nginx</body>\n</html>\n";

  assert_bad_response (page, -1, "web page");
  assert_bad_response ("<HTML><BODY>Bad gateway<BR></BODY></HTML>", -1, "web page");
  assert_bad_response ("\xef\xbb\xbf  <!doctype html><html lang=en><p>oops", -1, "web page");
  /* Well-formed XHTML reaches the root check */
  assert_bad_response ("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">"
                       "<body><p>Service Unavailable</p></body></html>", -1, "web page");

  /* What the client makes of an error page with its status */
  error = amigo_xml_parse_error_document (page, strlen (page), 500);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE);
  g_assert_nonnull (strstr (error->message, "web page"));
  g_assert_nonnull (strstr (error->message, "500"));
}

static void
test_wrong_root (void)
{
  g_autoptr(GError) error = NULL;

  assert_bad_response ("<DescribeRegionsResponse><regionInfo/></DescribeRegionsResponse>", -1,
                       "<DescribeRegionsResponse>");
  assert_bad_response ("<DescribeImagesResponseX/>", -1, "<DescribeImagesResponse>");

  /* A success document where an error document was expected */
  error = amigo_xml_parse_error_document ("<CreateImageResponse/>", 21, 400);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE);
}

static void
test_truncated_simple (void)
{
  assert_bad_response (IMAGES_OPEN "<imagesSet><item><imageId>ami-1</imageId>", -1, "ended too early");
  assert_bad_response ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", -1, "ended too early");
  assert_bad_response ("<Describe", -1, "ended too early");
}

static void
test_not_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) images = NULL;
  static const char latin1[] =
    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" IMAGES_OPEN
    "<imagesSet><item><imageId>ami-1</imageId><description>caf\xe9</description></item></imagesSet>"
    IMAGES_CLOSE;

  assert_bad_response (IMAGES_OPEN "<requestId>\xff\xfe</requestId>" IMAGES_CLOSE, -1, "UTF-8");
  assert_bad_response (IMAGES_OPEN "<imagesSet><item><name>caf\xe9</name></item></imagesSet>" IMAGES_CLOSE,
                       -1, "UTF-8");
  /* An overlong encoding of "/" and a lone continuation byte */
  assert_bad_response (IMAGES_OPEN "<requestId>\xc0\xaf</requestId>" IMAGES_CLOSE, -1, "UTF-8");
  assert_bad_response (IMAGES_OPEN "<requestId>a\x80</requestId>" IMAGES_CLOSE, -1, "UTF-8");

  /* A declared encoding is honoured: the text comes out as UTF-8 */
  images = parse_images (latin1, strlen (latin1), 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (images->len, ==, 1);
  g_assert_cmpstr (amigo_image_get_description (images->pdata[0]), ==, "caf\xc3\xa9");
}

static void
test_utf8_split_across_chunks (void)
{
  static const char doc[] =
    IMAGES_OPEN "<imagesSet><item><imageId>ami-1</imageId>"
    "<description>웹 서버 – ☃ 𝄞</description></item></imagesSet>" IMAGES_CLOSE;

  for (gsize chunk = 1; chunk <= 5; chunk++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) images = parse_images (doc, strlen (doc), chunk, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (images->len, ==, 1);
      g_assert_cmpstr (amigo_image_get_description (images->pdata[0]), ==, "웹 서버 – ☃ 𝄞");
    }
}

static void
test_xml_bomb (void)
{
  static const char laughs[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE lolz [\n"
    " <!ENTITY lol \"lol\">\n"
    " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
    " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
    " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
    " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
    " <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
    " <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
    " <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
    " <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
    " <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
    "]>\n"
    IMAGES_OPEN "<requestId>&lol9;</requestId>" IMAGES_CLOSE;
  static const char xxe[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE DescribeImagesResponse [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
    IMAGES_OPEN "<requestId>&xxe;</requestId>" IMAGES_CLOSE;
  static const char external_dtd[] =
    "<?xml version=\"1.0\"?>\n"
    "<!DOCTYPE DescribeImagesResponse SYSTEM \"http://example.com/evil.dtd\">\n"
    IMAGES_OPEN IMAGES_CLOSE;

  assert_bad_response (laughs, -1, "document type declaration");
  assert_bad_response (xxe, -1, "document type declaration");
  assert_bad_response (external_dtd, -1, "document type declaration");
}

static void
test_huge_text (void)
{
  g_autoptr(GString) doc = g_string_new (IMAGES_OPEN "<imagesSet><item><imageId>ami-1</imageId><description>");
  g_autoptr(GError) error = NULL;
  g_autoptr(AmigoEc2Parser) parser = amigo_ec2_parser_new_describe_images (NULL, NULL);
  gsize fed = 0;
  char block[4096];
  gboolean ok = TRUE;

  /* 64 MiB of text is never buffered: the parse stops at 1 MiB */
  memset (block, 'x', sizeof block);
  ok = amigo_ec2_parser_feed (parser, doc->str, doc->len, &error);
  while (ok && fed < 64 * 1024 * 1024)
    {
      ok = amigo_ec2_parser_feed (parser, block, sizeof block, &error);
      fed += sizeof block;
    }
  g_assert_false (ok);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "<description>"));
  g_assert_nonnull (strstr (error->message, "MiB"));
  g_assert_cmpuint (fed, <=, 2 * 1024 * 1024);

  /* Later calls repeat the error */
  g_clear_error (&error);
  g_assert_false (amigo_ec2_parser_feed (parser, "x", 1, &error));
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE);
  g_clear_error (&error);
  g_assert_false (amigo_ec2_parser_finish (parser, &error));
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE);
}

static void
test_text_limit_exact (void)
{
  const gsize limit = 1000;

  for (gsize n = limit - 1; n <= limit + 1; n++)
    {
      g_autoptr(GString) doc = g_string_new (IMAGES_OPEN "<imagesSet><item><imageId>ami-1</imageId><name>");
      g_autoptr(AmigoEc2Parser) parser = amigo_ec2_parser_new_describe_images (NULL, NULL);
      g_autoptr(GError) error = NULL;
      gboolean ok;

      for (gsize i = 0; i < n; i++)
        g_string_append_c (doc, 'a' + i % 26);
      g_string_append (doc, "</name></item></imagesSet>" IMAGES_CLOSE);
      amigo_ec2_parser_set_text_limit (parser, limit);
      ok = amigo_ec2_parser_feed (parser, doc->str, doc->len, &error)
           && amigo_ec2_parser_finish (parser, &error);
      if (n <= limit)
        {
          g_autoptr(GPtrArray) images = amigo_ec2_parser_steal_items (parser);
          g_assert_no_error (error);
          g_assert_cmpuint (strlen (amigo_image_get_name (images->pdata[0])), ==, n);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE);
        }
    }
}

static void
test_too_deep (void)
{
  g_autoptr(GString) doc = g_string_new (IMAGES_OPEN);

  for (guint i = 0; i < AMIGO_XML_READER_MAX_DEPTH + 5; i++)
    g_string_append (doc, "<a>");
  assert_bad_response (doc->str, doc->len, "deep");
}

static void
test_cdata (void)
{
  static const char doc[] =
    IMAGES_OPEN "<imagesSet><item><imageId>ami-1</imageId>"
    "<description><![CDATA[<b>bold</b> & more]]></description></item></imagesSet>" IMAGES_CLOSE;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) images = parse_images (doc, strlen (doc), 4, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (amigo_image_get_description (images->pdata[0]), ==, "<b>bold</b> & more");
}

/* Fields AWS may add tomorrow, at every level, change nothing. */
static void
test_unknown_elements (void)
{
  static const char plain[] =
    IMAGES_OPEN "<requestId>r-1</requestId><imagesSet><item><imageId>ami-1</imageId>"
    "<blockDeviceMapping><item><deviceName>/dev/xvda</deviceName><ebs><volumeSize>8</volumeSize>"
    "</ebs></item></blockDeviceMapping><tagSet><item><key>k</key><value>v</value></item></tagSet>"
    "<name>n</name></item></imagesSet><nextToken>t</nextToken>" IMAGES_CLOSE;
  static const char extended[] =
    IMAGES_OPEN "<futureRoot><item><imageId>ami-evil</imageId></item></futureRoot>"
    "<requestId>r-1</requestId><imagesSet><item><imageId>ami-1</imageId><futureFlag>true</futureFlag>"
    "<futureStruct><name>not-the-name</name><imageId>ami-nested</imageId></futureStruct>"
    "<blockDeviceMapping><item><deviceName>/dev/xvda</deviceName><futureBdm/><ebs><volumeSize>8</volumeSize>"
    "<volumeFuture><deep><deeper>x</deeper></deep></volumeFuture></ebs></item></blockDeviceMapping>"
    "<tagSet><item><key>k</key><value>v</value><futureTag>1</futureTag></item></tagSet>"
    "<name>n</name><futureList><item>1</item><item>2</item></futureList></item></imagesSet>"
    "<nextToken>t</nextToken><futureTrailer/>" IMAGES_CLOSE;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) a = parse_images (plain, strlen (plain), G_MAXSIZE, &error);
  g_autoptr(GPtrArray) b = parse_images (extended, strlen (extended), 3, &error);
  const AmigoBlockDeviceMapping *bdm;
  const AmigoTag *tags;
  guint n;

  g_assert_no_error (error);
  g_assert_cmpuint (a->len, ==, 1);
  g_assert_cmpuint (b->len, ==, 1);
  g_assert_cmpstr (amigo_image_get_image_id (b->pdata[0]), ==, "ami-1");
  g_assert_cmpstr (amigo_image_get_name (b->pdata[0]), ==, "n");
  bdm = amigo_image_get_block_device_mappings (b->pdata[0], &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (bdm[0].ebs.volume_size, ==, 8);
  tags = amigo_image_get_tags (b->pdata[0], &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (tags[0].value, ==, "v");
}

/* A value that unexpectedly has child elements is not taken for its text. */
static void
test_value_with_children (void)
{
  static const char doc[] =
    IMAGES_OPEN "<imagesSet><item><imageId>ami-1</imageId>"
    "<name>\n  <sub>x</sub>\n</name><description>d</description></item></imagesSet>" IMAGES_CLOSE;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) images = parse_images (doc, strlen (doc), G_MAXSIZE, &error);

  g_assert_no_error (error);
  g_assert_null (amigo_image_get_name (images->pdata[0]));
  g_assert_cmpstr (amigo_image_get_description (images->pdata[0]), ==, "d");
}

/* Numbers and booleans AWS should never send are left unset, not guessed */
static void
test_bad_values (void)
{
  static const char doc[] =
    IMAGES_OPEN "<imagesSet><item><imageId>ami-1</imageId><isPublic> TRUE </isPublic>"
    "<enaSupport>yes</enaSupport><creationDate>last tuesday</creationDate>"
    "<blockDeviceMapping><item><ebs><volumeSize>8GiB</volumeSize><iops>99999999999</iops>"
    "<throughput> 125 </throughput></ebs></item></blockDeviceMapping></item></imagesSet>" IMAGES_CLOSE;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) images = parse_images (doc, strlen (doc), G_MAXSIZE, &error);
  AmigoImage *image;
  const AmigoBlockDeviceMapping *bdm;

  g_assert_no_error (error);
  image = images->pdata[0];
  g_assert_true (amigo_image_get_is_public (image));
  g_assert_false (amigo_image_get_ena_support (image));
  g_assert_true (amigo_model_has_value (image, "ena-support"));
  g_assert_cmpstr (amigo_image_get_creation_date (image), ==, "last tuesday");
  g_assert_cmpint (amigo_image_get_creation_date_usec (image), ==, 0);
  bdm = amigo_image_get_block_device_mappings (image, NULL);
  g_assert_cmpint (bdm[0].ebs.volume_size, ==, -1);
  g_assert_cmpint (bdm[0].ebs.iops, ==, -1);
  g_assert_cmpint (bdm[0].ebs.throughput, ==, 125);
}

/* Error documents */

static void
test_error_documents (void)
{
  static const struct {
    const char *body;
    guint status;
    const char *code;
    const char *message;
    const char *request_id;
    gboolean retryable;
  } cases[] = {
    { "<Response><Errors><Error><Code>InvalidAMIID.Malformed</Code><Message>Invalid id: \"ami-1\"</Message>"
      "</Error></Errors><RequestID>req-1</RequestID></Response>",
      400, "InvalidAMIID.Malformed", "Invalid id: \"ami-1\"", "req-1", FALSE },
    /* Two errors: the first counts */
    { "<Response><Errors><Error><Code>First</Code><Message>one</Message></Error>"
      "<Error><Code>Second</Code><Message>two</Message></Error></Errors><RequestID>r</RequestID></Response>",
      400, "First", "one", "r", FALSE },
    /* STS and other query services */
    { "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>"
      "<Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message>"
      "</Error><RequestId>sts-1</RequestId></ErrorResponse>",
      403, "InvalidClientTokenId", "The security token included in the request is invalid.", "sts-1", FALSE },
    { "<Response><Errors><Error><Code>Unavailable</Code><Message>down</Message></Error></Errors></Response>",
      503, "Unavailable", "down", NULL, TRUE },
    { "<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>slow down</Message></Error></Errors>"
      "<RequestID>r</RequestID></Response>",
      400, "RequestLimitExceeded", "slow down", "r", TRUE },
    /* No message */
    { "<Response><Errors><Error><Code>AuthFailure</Code></Error></Errors></Response>",
      401, "AuthFailure", NULL, NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = amigo_xml_parse_error_document (cases[i].body, strlen (cases[i].body),
                                                                cases[i].status);
      const AmigoAwsErrorDetails *details;

      g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_SERVICE);
      details = amigo_aws_error_get_details (error);
      g_assert_cmpstr (details->aws_code, ==, cases[i].code);
      g_assert_cmpstr (details->aws_message, ==, cases[i].message);
      g_assert_cmpstr (details->request_id, ==, cases[i].request_id);
      g_assert_cmpuint (details->http_status, ==, cases[i].status);
      g_assert_true (details->retryable == cases[i].retryable);
      g_assert_nonnull (strstr (error->message, cases[i].code));
    }

  /* An error document without a code */
  {
    g_autoptr(GError) error = amigo_xml_parse_error_document ("<Response><Errors/></Response>", 30, 400);
    g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE);
  }
  /* A truncated error document */
  {
    g_autoptr(GError) error = amigo_xml_parse_error_document ("<Response><Errors><Error><Code>X", 32, 400);
    g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE);
  }
}

/* The low-level reader: names without namespace, depths, text */
typedef struct {
  GString *log;
} Trace;

static void
trace_start_cb (gpointer    user_data,
                const char *name,
                guint       depth)
{
  Trace *t = user_data;
  g_string_append_printf (t->log, "<%s@%u>", name, depth);
}

static void
trace_end_cb (gpointer    user_data,
              const char *name,
              guint       depth,
              const char *text,
              gsize       text_len)
{
  Trace *t = user_data;
  g_assert_cmpuint (strlen (text), ==, text_len);
  g_string_append_printf (t->log, "</%s@%u:%s>", name, depth, text);
}

static void
test_reader_events (void)
{
  static const AmigoXmlReaderCallbacks callbacks = { trace_start_cb, trace_end_cb };
  static const char doc[] =
    "<?xml version='1.0'?><a:Root xmlns:a=\"urn:a\" xmlns=\"urn:d\" attr=\"x\">"
    "<b:child xmlns:b=\"urn:b\">t&amp;&#x41;&lt;</b:child><plain/></a:Root>";
  Trace t = { g_string_new (NULL) };
  g_autoptr(AmigoXmlReader) reader = amigo_xml_reader_new ("Root", &callbacks, &t);
  g_autoptr(GError) error = NULL;

  for (gsize i = 0; i < strlen (doc); i++)
    g_assert_true (amigo_xml_reader_feed (reader, doc + i, 1, &error));
  g_assert_true (amigo_xml_reader_finish (reader, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (t.log->str, ==, "<Root@1><child@2></child@2:t&A<><plain@2></plain@2:></Root@1:>");
  g_assert_cmpuint (amigo_xml_reader_get_bytes_fed (reader), ==, strlen (doc));
  g_assert_false (amigo_xml_reader_is_error_document (reader));
  g_string_free (t.log, TRUE);
}

/* Truncation at every byte of a real answer: a clean error every time
 * (never a crash), and the images delivered are exactly the complete ones,
 * identical to those of the whole parse, in order. */
static void
test_truncated_everywhere (void)
{
  gsize len;
  g_autofree char *buf = read_sample ("ec2-samples/synthetic/DescribeImages.xml", &len);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) whole = parse_images (buf, len, G_MAXSIZE, &error);
  const char *end_of_item = NULL;
  gsize first_item_end;
  gsize second_item_end;
  gsize root_end = strstr (buf, IMAGES_CLOSE) - buf + strlen (IMAGES_CLOSE);

  g_assert_no_error (error);
  g_assert_cmpuint (whole->len, ==, 2);
  end_of_item = strstr (buf, "</item>\n        <item>");
  g_assert_nonnull (end_of_item);
  first_item_end = end_of_item - buf + strlen ("</item>");
  end_of_item = strstr (buf, "</item>\n    </imagesSet>");
  g_assert_nonnull (end_of_item);
  second_item_end = end_of_item - buf + strlen ("</item>");

  for (gsize cut = 0; cut < len; cut++)
    {
      g_autoptr(GError) cut_error = NULL;
      g_autoptr(GPtrArray) images = parse_images (buf, cut, 1 + cut % 97, &cut_error);

      if (cut >= root_end)
        {
          g_assert_no_error (cut_error);
          g_assert_cmpuint (images->len, ==, 2);
          continue;
        }
      g_assert_error (cut_error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE);
      g_assert_cmpuint (images->len, ==, (cut >= first_item_end) + (cut >= second_item_end));
      for (guint i = 0; i < images->len; i++)
        {
          guint n_a, n_b;

          g_assert_cmpstr (amigo_image_get_image_id (images->pdata[i]), ==,
                           amigo_image_get_image_id (whole->pdata[i]));
          g_assert_cmpstr (amigo_image_get_deprecation_time (images->pdata[i]), ==,
                           amigo_image_get_deprecation_time (whole->pdata[i]));
          amigo_image_get_block_device_mappings (images->pdata[i], &n_a);
          amigo_image_get_block_device_mappings (whole->pdata[i], &n_b);
          g_assert_cmpuint (n_a, ==, n_b);
          amigo_image_get_tags (images->pdata[i], &n_a);
          amigo_image_get_tags (whole->pdata[i], &n_b);
          g_assert_cmpuint (n_a, ==, n_b);
        }
    }
}

/* Same, every 53 bytes, through every other parser and sample */
static void
test_truncated_other_operations (void)
{
  static const struct {
    const char *path;
    AmigoEc2Parser *(*make) (void);
  } cases[] = {
    { "ec2-extra/DescribeInstances.xml", amigo_ec2_parser_new_describe_instances },
    { "ec2-samples/from-aws-sdk-net/RunInstances.xml", amigo_ec2_parser_new_run_instances },
    { "ec2-extra/DescribeImageAttribute_launchPermission.xml", amigo_ec2_parser_new_describe_image_attribute },
    { "ec2-extra/DescribeInstanceTypes.xml", amigo_ec2_parser_new_describe_instance_types },
    { "ec2-extra/GetCallerIdentity.xml", amigo_ec2_parser_new_get_caller_identity },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      gsize len;
      g_autofree char *buf = read_sample (cases[c].path, &len);

      for (gsize cut = 0; cut < len; cut += 53)
        {
          g_autoptr(AmigoEc2Parser) parser = cases[c].make ();
          g_autoptr(GError) error = NULL;

          if (amigo_ec2_parser_feed (parser, buf, cut, &error))
            amigo_ec2_parser_finish (parser, &error);
          g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE);
        }
    }
}

/* Batches */

static char *
generate_images (guint  n,
                 gsize *len)
{
  GString *doc = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" IMAGES_OPEN
                               "<requestId>batch-test</requestId><imagesSet>");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (doc,
                            "<item><imageId>ami-%017u</imageId><imageState>available</imageState>"
                            "<name>image %u</name><blockDeviceMapping><item><deviceName>/dev/xvda</deviceName>"
                            "<ebs><volumeSize>%u</volumeSize></ebs></item></blockDeviceMapping>"
                            "<tagSet><item><key>index</key><value>%u</value></item></tagSet></item>",
                            i, i, 8 + i % 100, i);
  g_string_append (doc, "</imagesSet><nextToken>page-2</nextToken>" IMAGES_CLOSE);
  *len = doc->len;
  return g_string_free (doc, FALSE);
}

typedef struct {
  GPtrArray *images;
  GArray *sizes;
} Batches;

static void
record_batch_cb (GPtrArray *batch,
                 gpointer   user_data)
{
  Batches *b = user_data;
  guint size = batch->len;

  g_array_append_val (b->sizes, size);
  for (guint i = 0; i < batch->len; i++)
    g_ptr_array_add (b->images, g_object_ref (batch->pdata[i]));
}

static void
test_batches (void)
{
  const guint n = 1000;
  const guint batch_sizes[] = { 1, 7, 100, 256, 999, 1000, 1001, 5000 };
  gsize len;
  g_autofree char *doc = generate_images (n, &len);

  for (guint s = 0; s < G_N_ELEMENTS (batch_sizes); s++)
    {
      Batches b = { g_ptr_array_new_with_free_func (g_object_unref), g_array_new (FALSE, FALSE, sizeof (guint)) };
      g_autoptr(AmigoEc2Parser) parser = amigo_ec2_parser_new_describe_images (record_batch_cb, &b);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rest = NULL;
      guint expected_batches = (n + batch_sizes[s] - 1) / batch_sizes[s];

      amigo_ec2_parser_set_batch_size (parser, batch_sizes[s]);
      for (gsize off = 0; off < len; off += 65536)
        g_assert_true (amigo_ec2_parser_feed (parser, doc + off, MIN (65536, len - off), &error));
      g_assert_true (amigo_ec2_parser_finish (parser, &error));
      g_assert_no_error (error);

      g_assert_cmpuint (b.images->len, ==, n);
      g_assert_cmpuint (amigo_ec2_parser_get_n_items (parser), ==, n);
      g_assert_cmpuint (b.sizes->len, ==, expected_batches);
      for (guint i = 0; i < b.sizes->len; i++)
        g_assert_cmpuint (g_array_index (b.sizes, guint, i), ==,
                          i + 1 < b.sizes->len ? batch_sizes[s] : n - batch_sizes[s] * (expected_batches - 1));
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *id = g_strdup_printf ("ami-%017u", i);
          const AmigoTag *tags;
          guint n_tags;

          g_assert_cmpstr (amigo_image_get_image_id (b.images->pdata[i]), ==, id);
          tags = amigo_image_get_tags (b.images->pdata[i], &n_tags);
          g_assert_cmpuint (n_tags, ==, 1);
          g_assert_cmpuint (g_ascii_strtoull (tags[0].value, NULL, 10), ==, i);
        }
      g_assert_cmpstr (amigo_ec2_parser_get_next_token (parser), ==, "page-2");
      g_assert_cmpstr (amigo_ec2_parser_get_request_id (parser), ==, "batch-test");
      rest = amigo_ec2_parser_steal_items (parser);
      g_assert_cmpuint (rest->len, ==, 0);

      g_ptr_array_unref (b.images);
      g_array_unref (b.sizes);
    }
}

/* While the body streams in, batches come out: not all at the end */
static void
test_batches_while_feeding (void)
{
  gsize len;
  g_autofree char *doc = generate_images (1000, &len);
  Batches b = { g_ptr_array_new_with_free_func (g_object_unref), g_array_new (FALSE, FALSE, sizeof (guint)) };
  g_autoptr(AmigoEc2Parser) parser = amigo_ec2_parser_new_describe_images (record_batch_cb, &b);
  g_autoptr(GError) error = NULL;

  /* Default batch size */
  g_assert_true (amigo_ec2_parser_feed (parser, doc, len / 2, &error));
  g_assert_cmpuint (b.images->len, >=, AMIGO_EC2_PARSER_DEFAULT_BATCH_SIZE);
  g_assert_cmpuint (b.images->len % AMIGO_EC2_PARSER_DEFAULT_BATCH_SIZE, ==, 0);
  g_assert_true (amigo_ec2_parser_feed (parser, doc + len / 2, len - len / 2, &error));
  g_assert_true (amigo_ec2_parser_finish (parser, &error));
  g_assert_cmpuint (b.images->len, ==, 1000);

  g_ptr_array_unref (b.images);
  g_array_unref (b.sizes);
}

/* An error half-way hands out the complete images first, then fails */
static void
test_batches_then_error (void)
{
  gsize len;
  g_autofree char *doc = generate_images (10, &len);
  g_autoptr(GString) broken = g_string_new_len (doc, strstr (doc, "ami-00000000000000005") - doc);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) images = NULL;

  g_string_append (broken, "</broken>");
  images = parse_images (broken->str, broken->len, 64, &error);
  g_assert_error (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE);
  g_assert_cmpuint (images->len, ==, 5);
  g_assert_cmpstr (amigo_image_get_image_id (images->pdata[4]), ==, "ami-00000000000000004");
}

/* Dates */

static void
test_iso8601 (void)
{
  static const struct {
    const char *text;
    gint64 usec;
  } cases[] = {
    { "2024-06-01T12:34:56.000Z", G_GINT64_CONSTANT (1717245296000000) },
    { "2024-06-01T12:34:56Z", G_GINT64_CONSTANT (1717245296000000) },
    { "2024-06-01T12:34:56.5Z", G_GINT64_CONSTANT (1717245296500000) },
    { "2000-01-02T20:34:56.123456789Z", G_GINT64_CONSTANT (946845296123456) },
    { "2019-12-16T22:48:18-01:00", G_GINT64_CONSTANT (1576540098000000) },
    { "2019-12-17T00:48:18+01:00", G_GINT64_CONSTANT (1576540098000000) },
    { "2019-12-17T00:48:18+0100", G_GINT64_CONSTANT (1576540098000000) },
    { "1970-01-01T00:00:00Z", 0 },
    { "1969-12-31T23:59:59Z", -G_USEC_PER_SEC },
    { "2024-02-29T00:00:00Z", G_GINT64_CONSTANT (1709164800000000) },
    { " 2014-04-29T18:30:38+00:00\n", G_GINT64_CONSTANT (1398796238000000) },
    { "2014-04-29 18:30:38", G_GINT64_CONSTANT (1398796238000000) },
  };
  static const char *bad[] = { "", "yesterday", "2024-13-01T00:00:00Z", "2024-06-01T12:34Z", "2024-06-01T25:00:00Z" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 usec = -1;
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
      g_autofree char *stripped = g_strstrip (g_strdup (cases[i].text));
      g_autoptr(GDateTime) dt = NULL;

      g_assert_true (amigo_parse_iso8601 (cases[i].text, strlen (cases[i].text), &usec));
      g_assert_cmpint (usec, ==, cases[i].usec);
      /* And GDateTime agrees wherever it reads the form */
      dt = g_date_time_new_from_iso8601 (stripped, utc);
      if (dt != NULL)
        g_assert_cmpint (g_date_time_to_unix (dt) * G_USEC_PER_SEC + g_date_time_get_microsecond (dt), ==, usec);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      gint64 usec;
      g_assert_false (amigo_parse_iso8601 (bad[i], strlen (bad[i]), &usec));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/xml-reader/bad/empty", test_empty);
  g_test_add_func ("/xml-reader/bad/malformed", test_malformed);
  g_test_add_func ("/xml-reader/bad/web-page", test_web_page);
  g_test_add_func ("/xml-reader/bad/wrong-root", test_wrong_root);
  g_test_add_func ("/xml-reader/bad/truncated", test_truncated_simple);
  g_test_add_func ("/xml-reader/bad/truncated-at-every-byte", test_truncated_everywhere);
  g_test_add_func ("/xml-reader/bad/truncated-other-operations", test_truncated_other_operations);
  g_test_add_func ("/xml-reader/bad/not-utf8", test_not_utf8);
  g_test_add_func ("/xml-reader/bad/xml-bomb-and-dtd", test_xml_bomb);
  g_test_add_func ("/xml-reader/bad/huge-text", test_huge_text);
  g_test_add_func ("/xml-reader/bad/text-limit-exact", test_text_limit_exact);
  g_test_add_func ("/xml-reader/bad/too-deep", test_too_deep);
  g_test_add_func ("/xml-reader/bad/values", test_bad_values);
  g_test_add_func ("/xml-reader/bad/value-with-children", test_value_with_children);
  g_test_add_func ("/xml-reader/good/utf8-split-across-chunks", test_utf8_split_across_chunks);
  g_test_add_func ("/xml-reader/good/cdata", test_cdata);
  g_test_add_func ("/xml-reader/good/unknown-elements-ignored", test_unknown_elements);
  g_test_add_func ("/xml-reader/good/events", test_reader_events);
  g_test_add_func ("/xml-reader/error-documents", test_error_documents);
  g_test_add_func ("/xml-reader/batches/1000-images", test_batches);
  g_test_add_func ("/xml-reader/batches/while-feeding", test_batches_while_feeding);
  g_test_add_func ("/xml-reader/batches/then-error", test_batches_then_error);
  g_test_add_func ("/xml-reader/dates/iso8601", test_iso8601);

  return g_test_run ();
}
