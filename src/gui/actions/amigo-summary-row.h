/* amigo-summary-row.h — a title over a value, for a summary to check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AMIGO_TYPE_SUMMARY_ROW (amigo_summary_row_get_type ())

G_DECLARE_FINAL_TYPE (AmigoSummaryRow, amigo_summary_row, AMIGO, SUMMARY_ROW, AdwPreferencesRow)

GtkWidget *amigo_summary_row_new (const char *title,
                                  const char *value);

G_END_DECLS
