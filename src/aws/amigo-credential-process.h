/* amigo-credential-process.h — running a profile's credential_process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "amigo-credentials.h"

G_BEGIN_DECLS

void              amigo_credential_process_run_async    (const char             *command_line,
                                                         const char * const     *envp,
                                                         const char             *profile_name,
                                                         guint                   timeout_ms,
                                                         GCancellable           *cancellable,
                                                         GAsyncReadyCallback     callback,
                                                         gpointer                user_data);
AmigoCredentials *amigo_credential_process_run_finish   (GAsyncResult           *result,
                                                         GError                **error);

AmigoCredentials *amigo_credential_process_parse_output (const char             *output,
                                                         gsize                   length,
                                                         const char             *profile_name,
                                                         gint64                  now,
                                                         GError                **error);

G_END_DECLS
