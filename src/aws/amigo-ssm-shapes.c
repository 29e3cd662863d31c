/* amigo-ssm-shapes.c — SSM GetParametersByPath and GetParameters, the
 * members Amigo sends and reads, as botocore's SSM model (2014-11-06) has them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hand-written until the models generated from botocore take their place.
 */
#include "config.h"

#include "amigo-ssm-model.h"

const AmigoServiceModel amigo_ssm_model = {
  .protocol = AMIGO_PROTOCOL_JSON,
  .api_version = "2014-11-06",
  .json_version = "1.1",
  .target_prefix = "AmazonSSM",
  .signing_name = "ssm",
};

static const AmigoShape string_shape = { .type = AMIGO_SHAPE_STRING };
static const AmigoShape boolean_shape = { .type = AMIGO_SHAPE_BOOLEAN };
static const AmigoShape integer_shape = { .type = AMIGO_SHAPE_INTEGER };
static const AmigoShape long_shape = { .type = AMIGO_SHAPE_LONG };
static const AmigoShape timestamp_shape = { .type = AMIGO_SHAPE_TIMESTAMP };

static const AmigoMember string_item = { .shape = &string_shape };

static const AmigoShape string_list_shape = {
  .type = AMIGO_SHAPE_LIST,
  .item = &string_item,
};

/* Parameter */
static const AmigoMember parameter_members[] = {
  { .name = "Name", .shape = &string_shape },
  { .name = "Type", .shape = &string_shape },
  { .name = "Value", .shape = &string_shape },
  { .name = "Version", .shape = &long_shape },
  { .name = "LastModifiedDate", .shape = &timestamp_shape },
  { .name = "ARN", .shape = &string_shape },
  { .name = "DataType", .shape = &string_shape },
};

static const AmigoShape parameter_shape = {
  .type = AMIGO_SHAPE_STRUCTURE,
  .name = "Parameter",
  .members = parameter_members,
  .n_members = G_N_ELEMENTS (parameter_members),
};

static const AmigoMember parameter_item = { .shape = &parameter_shape };

static const AmigoShape parameter_list_shape = {
  .type = AMIGO_SHAPE_LIST,
  .item = &parameter_item,
};

/* GetParametersByPath */
static const AmigoMember by_path_input_members[] = {
  { .name = "Path", .shape = &string_shape },
  { .name = "Recursive", .shape = &boolean_shape },
  { .name = "MaxResults", .shape = &integer_shape },
  { .name = "NextToken", .shape = &string_shape },
};

static const AmigoShape by_path_input_shape = {
  .type = AMIGO_SHAPE_STRUCTURE,
  .name = "GetParametersByPathRequest",
  .members = by_path_input_members,
  .n_members = G_N_ELEMENTS (by_path_input_members),
};

static const AmigoMember by_path_input = { .shape = &by_path_input_shape };

static const AmigoMember by_path_output_members[] = {
  { .name = "Parameters", .shape = &parameter_list_shape },
  { .name = "NextToken", .shape = &string_shape },
};

static const AmigoShape by_path_output_shape = {
  .type = AMIGO_SHAPE_STRUCTURE,
  .name = "GetParametersByPathResult",
  .members = by_path_output_members,
  .n_members = G_N_ELEMENTS (by_path_output_members),
};

static const AmigoMember by_path_output = { .shape = &by_path_output_shape };

const AmigoOperation amigo_ssm_op_get_parameters_by_path = {
  .name = "GetParametersByPath",
  .http_method = "POST",
  .request_uri = "/",
  .input = &by_path_input,
  .output = &by_path_output,
};

/* GetParameters */
static const AmigoMember get_parameters_input_members[] = {
  { .name = "Names", .shape = &string_list_shape },
};

static const AmigoShape get_parameters_input_shape = {
  .type = AMIGO_SHAPE_STRUCTURE,
  .name = "GetParametersRequest",
  .members = get_parameters_input_members,
  .n_members = G_N_ELEMENTS (get_parameters_input_members),
};

static const AmigoMember get_parameters_input = { .shape = &get_parameters_input_shape };

static const AmigoMember get_parameters_output_members[] = {
  { .name = "Parameters", .shape = &parameter_list_shape },
  { .name = "InvalidParameters", .shape = &string_list_shape },
};

static const AmigoShape get_parameters_output_shape = {
  .type = AMIGO_SHAPE_STRUCTURE,
  .name = "GetParametersResult",
  .members = get_parameters_output_members,
  .n_members = G_N_ELEMENTS (get_parameters_output_members),
};

static const AmigoMember get_parameters_output = { .shape = &get_parameters_output_shape };

const AmigoOperation amigo_ssm_op_get_parameters = {
  .name = "GetParameters",
  .http_method = "POST",
  .request_uri = "/",
  .input = &get_parameters_input,
  .output = &get_parameters_output,
};
