/* amigo-ec2-private.h — the call plumbing of the query services (EC2,
 * STS), and what the EC2 files share with each other and the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An operation is its query (built from the caller's request), a shape
 * (how each attempt's answer is parsed and what the parsed answer becomes:
 * AmigoEc2OpShape) and, when it needs one, a per-operation struct as its
 * GTask's data. amigo-ec2-call.c holds the plumbing and the shapes many
 * operations share; each resource file (images, instances, networking,
 * snapshots) holds its operations.
 */
#pragma once

#include "amigo-ec2.h"
#include "amigo-ec2-parsers.h"
#include "amigo-ec2-query.h"

G_BEGIN_DECLS

/* Makes CreateImage and RegisterImage behave as if every attempt were a
 * retry, so that tests can reach the InvalidAMIName.Duplicate recovery
 * without a fault injector in front of the server. */
void     _amigo_ec2_set_pretend_retry (AmigoEc2 *self,
                                       gboolean  pretend_retry);
gboolean _amigo_ec2_get_pretend_retry (AmigoEc2 *self);

/* ---- the call plumbing (amigo-ec2-call.c) ------------------------------ */

/* What a parser call does with its answer: reads @parser (the successful
 * attempt's) and completes @task. */
typedef void (*AmigoParserCallDone) (GTask          *task,
                                     AmigoEc2Parser *parser);

/* How an EC2 operation reads its answer. */
typedef struct {
  /* A fresh parser for each attempt (the task data is the operation's);
   * %NULL for the simple parser of the task's action. */
  AmigoEc2Parser *(*new_parser) (GTask *task);
  /* The answer was read whole: complete the task, or send the next page. */
  AmigoParserCallDone done;
  /* (optional) The call failed with @error on its @attempt-th attempt:
   * returns %TRUE when it took @error over (and will complete the task). */
  gboolean (*failed) (GTask  *task,
                      GError *error,
                      guint   attempt);
} AmigoEc2OpShape;

/* Shapes of the simple answers: `<return>true</return>` (a boolean
 * result), `<return>` as a string, `<imageId>` (a string), and
 * `<imageBlockPublicAccessState>` (a string). */
extern const AmigoEc2OpShape _amigo_ec2_shape_return_true;
extern const AmigoEc2OpShape _amigo_ec2_shape_return_string;
extern const AmigoEc2OpShape _amigo_ec2_shape_image_id;
extern const AmigoEc2OpShape _amigo_ec2_shape_block_public_access;
void _amigo_ec2_done_image_id (GTask          *task,
                               AmigoEc2Parser *parser);

AmigoEc2Query *_amigo_ec2_query_new  (const char          *action);
/* @action on one resource, named by @id_key=@id; %NULL (with a critical
 * warning) when @self or @id is wrong. */
AmigoEc2Query *_amigo_ec2_query_for  (AmigoEc2            *self,
                                      const char          *action,
                                      const char          *id_key,
                                      const char          *id);
/* @action on the resources @ids (`@list_key.N`); %NULL (with a critical
 * warning) when @self is wrong or @ids empty. */
AmigoEc2Query *_amigo_ec2_query_for_list (AmigoEc2           *self,
                                          const char         *action,
                                          const char         *list_key,
                                          const char * const *ids);
/* An operation on one resource, table-driven: @action on `@id_key=ID`,
 * with `@arg_key=VALUE` when the caller gives a value (a flag gives
 * "true"; %NULL is a programming error when @arg_required), its answer
 * read as @shape. */
typedef struct {
  const char *action;
  const char *id_key;
  const char *arg_key;
  const AmigoEc2OpShape *shape;
  gboolean arg_required;
} AmigoEc2IdOp;

void _amigo_ec2_id_op_async (AmigoEc2 *self, const AmigoEc2IdOp *op, const char *id,
                             const char *arg_value, GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data, gpointer source_tag);
/* The value of an AmigoEc2IdOp's flag: "true", or %NULL to leave it out. */
#define AMIGO_EC2_FLAG(flag) ((flag) ? "true" : NULL)
/* A task for @self's operation, named after its @action. */
GTask         *_amigo_ec2_task_new   (AmigoEc2            *self,
                                      const char          *action,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data,
                                      gpointer             source_tag);
/* Sends @query (borrowed: encoded at once) for @task (taken). */
void           _amigo_ec2_send       (GTask                 *task,
                                      AmigoEc2Query         *query,
                                      const AmigoEc2OpShape *shape);
/* A task and its sending in one: for operations without task data. */
void           _amigo_ec2_run        (AmigoEc2 *self, AmigoEc2Query *query,
                                      const AmigoEc2OpShape *shape, GCancellable *cancellable,
                                      GAsyncReadyCallback callback, gpointer user_data,
                                      gpointer source_tag);

/* An operation over one request struct, table-driven: its action, what the
 * request adds to the query (%FALSE, with a critical warning, when the
 * request is wrong), and how its answer is read. */
typedef struct {
  const char *action;
  gboolean (*encode) (AmigoEc2Query *q,
                      gconstpointer  request);
  const AmigoEc2OpShape *shape;
} AmigoEc2RequestOp;

void _amigo_ec2_request_async (AmigoEc2 *self, const AmigoEc2RequestOp *op, gconstpointer request,
                               GCancellable *cancellable, GAsyncReadyCallback callback,
                               gpointer user_data, gpointer source_tag);

/* `ClientToken`: @client_token, or a new one when %NULL. */
void _amigo_ec2_add_client_token (AmigoEc2Query *q, const char *client_token);

/* The SHA-256 of @query (taken) as sent: what a ClientToken is tied to. */
char          *_amigo_ec2_query_fingerprint (AmigoEc2Query *query);

/* ---- lists, page after page ------------------------------------------ */

/* The most pages one list follows: past it the list ends with an error. */
#define AMIGO_EC2_MAX_PAGES 10000

/* For tests: a lower page cap (0 puts AMIGO_EC2_MAX_PAGES back). */
void           _amigo_ec2_set_max_pages      (guint max_pages);

/* The task data of a list operation: the query, sent again with each
 * `NextToken`, and the items collected over the pages. */
typedef struct {
  AmigoEc2Query *query;
  GPtrArray *items;
  GHashTable *tokens;           /* every NextToken followed so far */
  guint n_pages;
  const AmigoEc2OpShape *shape;
  AmigoEc2Parser *(*new_parser) (void);
} AmigoEc2ListOp;

void     _amigo_ec2_list_op_init  (AmigoEc2ListOp        *op,
                                   AmigoEc2Query         *query,
                                   const AmigoEc2OpShape *shape);
void     _amigo_ec2_list_op_clear (AmigoEc2ListOp *op);
/* The `done` of a list shape: collects the parser's items, then sends the
 * next page or returns them all. The task data starts with an AmigoEc2ListOp. */
void     _amigo_ec2_list_done     (GTask          *task,
                                   AmigoEc2Parser *parser);
/* Sends @query (taken), page after page, each answer read by a parser
 * from @new_parser; the result is every item. */
void     _amigo_ec2_list_async    (AmigoEc2 *self, AmigoEc2Query *query,
                                   AmigoEc2Parser *(*new_parser) (void), GCancellable *cancellable,
                                   GAsyncReadyCallback callback, gpointer user_data,
                                   gpointer source_tag);

/* A simple Describe operation, table-driven: its action, the list the
 * request's ids go to, its page size (0: it does not page), its parser. */
typedef struct {
  const char *action;
  const char *ids_key;
  guint page_size;
  AmigoEc2Parser *(*new_parser) (void);
} AmigoEc2DescribeList;

void       _amigo_ec2_describe_list_async (AmigoEc2                   *self,
                                           const AmigoEc2DescribeList *describe,
                                           const AmigoEc2ListRequest  *request,
                                           GCancellable               *cancellable,
                                           GAsyncReadyCallback         callback,
                                           gpointer                    user_data,
                                           gpointer                    source_tag);

/* ---- finishing ------------------------------------------------------- */

gboolean   _amigo_ec2_check_result    (AmigoEc2      *self,
                                       GAsyncResult  *result,
                                       gpointer       source_tag);
gpointer   _amigo_ec2_finish_pointer  (AmigoEc2      *self,
                                       GAsyncResult  *result,
                                       gpointer       source_tag,
                                       GError       **error);
gboolean   _amigo_ec2_finish_boolean  (AmigoEc2      *self,
                                       GAsyncResult  *result,
                                       gpointer       source_tag,
                                       GError       **error);

/* Defines amigo_ec2_<op>_finish (self, result, error) of
 * amigo_ec2_<op>_async(), whose result is a boolean (%FALSE with @error
 * set on failure) or a pointer of @type (%NULL with @error set). */
#define AMIGO_EC2_DEFINE_FINISH_BOOLEAN(op)                                           \
  gboolean                                                                            \
  amigo_ec2_##op##_finish (AmigoEc2      *self,                                       \
                           GAsyncResult  *result,                                     \
                           GError       **error)                                      \
  {                                                                                   \
    return _amigo_ec2_finish_boolean (self, result, amigo_ec2_##op##_async, error);   \
  }
#define AMIGO_EC2_DEFINE_FINISH_POINTER(type, op)                                     \
  type                                                                                \
  amigo_ec2_##op##_finish (AmigoEc2      *self,                                       \
                           GAsyncResult  *result,                                     \
                           GError       **error)                                      \
  {                                                                                   \
    return _amigo_ec2_finish_pointer (self, result, amigo_ec2_##op##_async, error);   \
  }

/* Defines amigo_ec2_<op>_async and _finish (AMIGO_EC2_DECLARE_DESCRIBE_LIST)
 * of the Describe… operation @describe, an #AmigoEc2DescribeList. */
#define AMIGO_EC2_DEFINE_DESCRIBE_LIST(op, describe)                                 \
  void                                                                              \
  amigo_ec2_##op##_async (AmigoEc2                  *self,                          \
                          const AmigoEc2ListRequest *request,                       \
                          GCancellable              *cancellable,                   \
                          GAsyncReadyCallback        callback,                      \
                          gpointer                   user_data)                     \
  {                                                                                 \
    _amigo_ec2_describe_list_async (self, &(describe), request, cancellable,        \
                                    callback, user_data, amigo_ec2_##op##_async);   \
  }                                                                                 \
                                                                                    \
  AMIGO_EC2_DEFINE_FINISH_POINTER (GPtrArray *, op)

/* Defines amigo_ec2_<op>_async (self, request, …) and _finish of the
 * #AmigoEc2RequestOp @request_op, whose @request is a `const Request *` and
 * whose result a pointer of type @Ret. */
#define AMIGO_EC2_DEFINE_REQUEST_OP(Request, Ret, op, request_op)                  \
  void                                                                              \
  amigo_ec2_##op##_async (AmigoEc2            *self,                                \
                          const Request       *request,                             \
                          GCancellable        *cancellable,                         \
                          GAsyncReadyCallback  callback,                            \
                          gpointer             user_data)                           \
  {                                                                                 \
    _amigo_ec2_request_async (self, &(request_op), request, cancellable,            \
                              callback, user_data, amigo_ec2_##op##_async);         \
  }                                                                                 \
                                                                                    \
  AMIGO_EC2_DEFINE_FINISH_POINTER (Ret, op)

/* Defines amigo_ec2_<op>_async (self, ids, …) and _finish of the Describe…
 * operation @describe (an #AmigoEc2DescribeList) over a list of ids only
 * (%NULL: every one). */
#define AMIGO_EC2_DEFINE_DESCRIBE_IDS(op, describe)                                  \
  void                                                                              \
  amigo_ec2_##op##_async (AmigoEc2            *self,                                \
                          const char * const  *ids,                                 \
                          GCancellable        *cancellable,                         \
                          GAsyncReadyCallback  callback,                            \
                          gpointer             user_data)                           \
  {                                                                                 \
    const AmigoEc2ListRequest request = { .ids = ids };                             \
                                                                                    \
    _amigo_ec2_describe_list_async (self, &(describe), &request, cancellable,       \
                                    callback, user_data, amigo_ec2_##op##_async);   \
  }                                                                                 \
                                                                                    \
  AMIGO_EC2_DEFINE_FINISH_POINTER (GPtrArray *, op)

/* Define amigo_ec2_<op>_async (self, id, …) and (self, id, arg, …) of the
 * #AmigoEc2IdOp whose members follow @op; their _finish is defined apart. */
#define AMIGO_EC2_DEFINE_ID_OP(op, ...)                                             \
  void                                                                              \
  amigo_ec2_##op##_async (AmigoEc2            *self,                                \
                          const char          *id,                                  \
                          GCancellable        *cancellable,                         \
                          GAsyncReadyCallback  callback,                            \
                          gpointer             user_data)                           \
  {                                                                                 \
    static const AmigoEc2IdOp id_op = { __VA_ARGS__ };                              \
                                                                                    \
    _amigo_ec2_id_op_async (self, &id_op, id, NULL, cancellable, callback,          \
                            user_data, amigo_ec2_##op##_async);                     \
  }
/* Like AMIGO_EC2_DEFINE_ID_OP, with an argument of C type @Arg after the id,
 * sent as the value `@to_value (arg)` makes of it (a string, or %NULL to
 * leave it out: AMIGO_EC2_FLAG, an enum's to_string, AMIGO_EC2_STRING). */
#define AMIGO_EC2_DEFINE_ID_VALUE_OP(op, Arg, to_value, ...)                        \
  void                                                                              \
  amigo_ec2_##op##_async (AmigoEc2            *self,                                \
                          const char          *id,                                  \
                          Arg                  arg,                                 \
                          GCancellable        *cancellable,                         \
                          GAsyncReadyCallback  callback,                            \
                          gpointer             user_data)                           \
  {                                                                                 \
    static const AmigoEc2IdOp id_op = { __VA_ARGS__ };                              \
                                                                                    \
    _amigo_ec2_id_op_async (self, &id_op, id, to_value (arg), cancellable,          \
                            callback, user_data, amigo_ec2_##op##_async);           \
  }
#define AMIGO_EC2_STRING(value) (value)
#define AMIGO_EC2_DEFINE_ID_ARG_OP(op, ...)                                         \
  AMIGO_EC2_DEFINE_ID_VALUE_OP (op, const char *, AMIGO_EC2_STRING, __VA_ARGS__)

/* Define amigo_ec2_<op>_async (self, …) of @action on the account in the
 * client's region, with `@key=@value` unless @value is %NULL, its answer
 * read as @shape; its _finish is defined apart. */
#define AMIGO_EC2_DEFINE_REGION_OP(op, action, key, value, shape)                   \
  void                                                                              \
  amigo_ec2_##op##_async (AmigoEc2            *self,                                \
                          GCancellable        *cancellable,                         \
                          GAsyncReadyCallback  callback,                            \
                          gpointer             user_data)                           \
  {                                                                                 \
    AmigoEc2Query *q;                                                               \
                                                                                    \
    g_return_if_fail (AMIGO_IS_EC2 (self));                                         \
                                                                                    \
    q = _amigo_ec2_query_new (action);                                              \
    amigo_ec2_query_add_string (q, key, value);                                     \
    _amigo_ec2_run (self, q, shape, cancellable, callback, user_data,               \
                    amigo_ec2_##op##_async);                                        \
  }

/* Define amigo_ec2_<op>_async (self, id, …) and its _finish (%TRUE, or
 * %FALSE with the error) of @action on the resource `@id_key=ID` that
 * answers only whether it was done. */
#define AMIGO_EC2_DEFINE_ID_OP_BOOLEAN(op, action, id_key)                          \
  AMIGO_EC2_DEFINE_ID_OP (op, action, id_key, NULL, &_amigo_ec2_shape_return_true)  \
                                                                                    \
  AMIGO_EC2_DEFINE_FINISH_BOOLEAN (op)

/* ---- request fields ---------------------------------------------------- */

/* Pages: the largest EC2 accepts (DescribeInstanceTypes: 100;
 * DescribeVolumes: "This value can be between 5 and 500"). */
#define AMIGO_EC2_DEFAULT_PAGE_SIZE 1000
#define AMIGO_EC2_MIN_PAGE_SIZE     5

guint    _amigo_ec2_page_size_or             (guint                          page_size,
                                              guint                          fallback);
gboolean _amigo_ec2_strv_is_empty            (const char * const            *strv);
void     _amigo_ec2_add_filters              (AmigoEc2Query                 *q,
                                              const AmigoEc2Filter          *filters,
                                              guint                          n_filters);
void     _amigo_ec2_add_tags                 (AmigoEc2Query                 *q,
                                              const char                    *list_key,
                                              const AmigoEc2Tag             *tags,
                                              guint                          n_tags);
void     _amigo_ec2_add_tag_specification    (AmigoEc2Query                 *q,
                                              const char                    *resource_type,
                                              const AmigoEc2Tag             *tags,
                                              guint                          n_tags);
void     _amigo_ec2_add_positive             (AmigoEc2Query                 *q,
                                              const char                    *key,
                                              gint64                         value);
void     _amigo_ec2_add_block_device_mappings (AmigoEc2Query                 *q,
                                               const AmigoBlockDeviceMapping *mappings,
                                               guint                          n_mappings);

/* RunInstances's members but the token (the counts unless @max_count is
 * 0), at @q's prefix (also a launch template's LaunchTemplateData):
 * amigo-ec2-instances.c. */
void     _amigo_ec2_add_launch_data          (AmigoEc2Query                  *q,
                                              const AmigoRunInstancesRequest *request,
                                              guint                           min_count,
                                              guint                           max_count);

G_END_DECLS
