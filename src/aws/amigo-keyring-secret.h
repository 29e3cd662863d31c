/* amigo-keyring-secret.h — the secret of a keyring item: a JSON codec
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "amigo-credentials.h"

G_BEGIN_DECLS

char             *amigo_keyring_secret_encode (AmigoCredentials  *credentials);
AmigoCredentials *amigo_keyring_secret_decode (const char        *data,
                                               gsize              len,
                                               GError           **error);

G_END_DECLS
