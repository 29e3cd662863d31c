/* amigo-product-code.h — a product code (AWS Marketplace, DevPay)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "amigo-model.h"

G_BEGIN_DECLS

/**
 * AmigoProductCode:
 * @product_code_id: the product code (`productCode`) (pooled)
 * @product_code_type: `marketplace` or `devpay` (`type`) (pooled)
 *
 * A product code (AWS Marketplace, DevPay).
 * Strings marked (pooled) are interned #GRefString: never g_free() them,
 * assign g_ref_string_new_intern() values; the others are g_strdup()ed.
 * Booleans are #AmigoTristate, integers -1 when not given.
 */
typedef struct {
  char *product_code_id;
  char *product_code_type;
} AmigoProductCode;

#define AMIGO_TYPE_PRODUCT_CODE (amigo_product_code_get_type ())

GType             amigo_product_code_get_type (void) G_GNUC_CONST;
AmigoProductCode *amigo_product_code_new      (const char *product_code_id,
                                               const char *product_code_type);
AmigoProductCode *amigo_product_code_copy     (const AmigoProductCode *self);
void              amigo_product_code_free     (AmigoProductCode *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmigoProductCode, amigo_product_code_free)

G_END_DECLS
