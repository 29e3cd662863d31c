/* amigo-credentials.h — one set of AWS credentials
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define AMIGO_TYPE_CREDENTIALS (amigo_credentials_get_type ())

/* Immutable and reference counted; the secret and token are wiped from
 * memory when the last reference goes. Never print them: use
 * amigo_credentials_describe() for logs. */
typedef struct _AmigoCredentials AmigoCredentials;

GType             amigo_credentials_get_type          (void) G_GNUC_CONST;
AmigoCredentials *amigo_credentials_new               (const char       *access_key_id,
                                                       const char       *secret_access_key,
                                                       const char       *session_token,
                                                       gint64            expiration);
AmigoCredentials *amigo_credentials_ref               (AmigoCredentials *self);
void              amigo_credentials_unref             (AmigoCredentials *self);
const char       *amigo_credentials_get_access_key_id (const AmigoCredentials *self);
const char       *amigo_credentials_get_secret_access_key (const AmigoCredentials *self);
const char       *amigo_credentials_get_session_token (const AmigoCredentials *self);
gint64            amigo_credentials_get_expiration    (const AmigoCredentials *self);
gboolean          amigo_credentials_is_expired        (const AmigoCredentials *self,
                                                       gint64            now);
char             *amigo_credentials_describe          (const AmigoCredentials *self);

/* Overwrites @len bytes of @mem in a way the compiler may not elide. */
void              amigo_secure_wipe                   (gpointer          mem,
                                                       gsize             len);
/* Wipes a NUL-terminated string, then frees it. NULL is ignored. */
void              amigo_secure_free_string            (char             *str);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmigoCredentials, amigo_credentials_unref)

G_END_DECLS
