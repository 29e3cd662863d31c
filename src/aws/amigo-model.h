/* amigo-model.h — what the EC2 models have in common
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * AmigoTristate:
 * @AMIGO_TRISTATE_UNSET: AWS did not say
 * @AMIGO_TRISTATE_FALSE: AWS said false
 * @AMIGO_TRISTATE_TRUE: AWS said true
 *
 * A boolean AWS may leave out. Kept in a #gint8 in the boxed structures;
 * the models' boolean properties read %FALSE when it is unset, and
 * amigo_model_has_value() tells the two apart.
 */
typedef enum {
  AMIGO_TRISTATE_UNSET = -1,
  AMIGO_TRISTATE_FALSE = 0,
  AMIGO_TRISTATE_TRUE = 1,
} AmigoTristate;

/* Models follow these conventions: a string property is %NULL when AWS
 * left it out (and "" when AWS sent an empty element); an integer property
 * is -1 when AWS left it out; a date is kept as AWS wrote it (property
 * `NAME`) and as microseconds since the Unix epoch, UTC (property
 * `NAME-usec`, 0 when absent or unreadable), for sorting; a list is a flat
 * array of boxed structures (an empty list and an absent one are the same). */

gboolean amigo_model_has_value (gpointer    model,
                                const char *property_name);

G_END_DECLS
