/* amigo-product-code.c — a product code (AWS Marketplace, DevPay)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "amigo-product-code.h"
#include "amigo-record-private.h"

G_DEFINE_BOXED_TYPE (AmigoProductCode, amigo_product_code, amigo_product_code_copy, amigo_product_code_free)

static const AmigoRecordField product_code_fields[] = {
  AMIGO_RECORD_FIELD (AmigoProductCode, "productCode", "ProductCodeId", NULL, POOLED, product_code_id),
  AMIGO_RECORD_FIELD (AmigoProductCode, "type", "ProductCodeType", NULL, POOLED, product_code_type),
};

AmigoRecordType amigo_product_code_record =
  AMIGO_RECORD_TYPE ("ProductCode", AmigoProductCode, product_code_fields, amigo_product_code_get_type, amigo_product_code_free);

/**
 * amigo_product_code_new:
 * @product_code_id: (nullable): the product code
 * @product_code_type: (nullable): `marketplace` or `devpay`
 *
 * Returns: (transfer full): a new #AmigoProductCode
 */
AmigoProductCode *
amigo_product_code_new (const char *product_code_id,
                        const char *product_code_type)
{
  AmigoProductCode *self = amigo_record_new (&amigo_product_code_record);
  self->product_code_id = amigo_pool_intern (product_code_id);
  self->product_code_type = amigo_pool_intern (product_code_type);

  return self;
}

/**
 * amigo_product_code_copy:
 * @self: a #AmigoProductCode
 *
 * Returns: (transfer full): a deep copy of @self
 */
/**
 * amigo_product_code_free:
 * @self: (transfer full) (nullable): a #AmigoProductCode
 *
 * Frees @self and what it holds.
 */
AMIGO_RECORD_DEFINE_BOXED_METHODS (AmigoProductCode, amigo_product_code, amigo_product_code_record)
