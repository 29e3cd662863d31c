/* amigo-xml-reader.h — streaming XML for AWS query-protocol responses
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An EC2 response of 100 000 images is ~150 MB: it is never held whole.
 * The reader is a libxml2 push parser fed chunk by chunk that calls back
 * for each element start and end, with the element's own text on end.
 * Element names are local names (the namespace is ignored). No DTD is
 * accepted (no entity can be declared, so no XML bomb and no external
 * entity), and the text of one element is capped. */
typedef struct _AmigoXmlReader AmigoXmlReader;

/* Default cap on the text of one element: 1 MiB. */
#define AMIGO_XML_READER_DEFAULT_TEXT_LIMIT (1024 * 1024)

/* Deepest element nesting accepted (EC2 answers nest ~10 deep). */
#define AMIGO_XML_READER_MAX_DEPTH 128

/**
 * AmigoXmlStartFunc:
 * @user_data: the data given to amigo_xml_reader_new()
 * @name: the element's local name
 * @depth: 1 for the root element, 2 for its children, …
 *
 * Called when an element starts.
 */
typedef void (*AmigoXmlStartFunc) (gpointer    user_data,
                                   const char *name,
                                   guint       depth);

/**
 * AmigoXmlEndFunc:
 * @user_data: the data given to amigo_xml_reader_new()
 * @name: the element's local name
 * @depth: the same depth as at its start
 * @text: the text since the last child element ended (or since the start
 *   for a leaf), entities decoded, NUL-terminated; valid until the callback
 *   returns
 * @text_len: the length of @text in bytes
 *
 * Called when an element ends.
 */
typedef void (*AmigoXmlEndFunc) (gpointer    user_data,
                                 const char *name,
                                 guint       depth,
                                 const char *text,
                                 gsize       text_len);

typedef struct {
  AmigoXmlStartFunc start_element;
  AmigoXmlEndFunc   end_element;
} AmigoXmlReaderCallbacks;

AmigoXmlReader *amigo_xml_reader_new               (const char                    *root_element,
                                                    const AmigoXmlReaderCallbacks *callbacks,
                                                    gpointer                       user_data);
void            amigo_xml_reader_free              (AmigoXmlReader                *self);
void            amigo_xml_reader_set_text_limit    (AmigoXmlReader                *self,
                                                    gsize                          limit);
void            amigo_xml_reader_set_http_status   (AmigoXmlReader                *self,
                                                    guint                          http_status);
gboolean        amigo_xml_reader_feed              (AmigoXmlReader                *self,
                                                    const char                    *buf,
                                                    gsize                          len,
                                                    GError                       **error);
gboolean        amigo_xml_reader_finish            (AmigoXmlReader                *self,
                                                    GError                       **error);
void            amigo_xml_reader_abort             (AmigoXmlReader                *self,
                                                    GError                        *error);
gboolean        amigo_xml_reader_is_error_document (AmigoXmlReader                *self);
const char     *amigo_xml_reader_get_parent_name   (AmigoXmlReader                *self,
                                                    guint                          depth);
gsize           amigo_xml_reader_get_bytes_fed     (AmigoXmlReader                *self);

GError         *amigo_xml_parse_error_document     (const char                    *buf,
                                                    gsize                          len,
                                                    guint                          http_status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmigoXmlReader, amigo_xml_reader_free)

G_END_DECLS
