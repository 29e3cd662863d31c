/* amigo-task-state-file.c — the task list kept across restarts
 *
 * A small JSON file, rewritten whole (atomically) on every change, so that
 * Amigo resumes watching after a restart. It holds what was asked and how
 * it ended — never credentials. Finished tasks stay in the file for a day.
 *
 *   {"version": 1, "tasks": [{"kind": "copy-image", "account_id": "…",
 *     "region": "eu-west-1", "resource_ids": ["ami-…"], "title": "…",
 *     "state": "running", "started": "2026-12-01T10:00:00.000000Z"}, …]}
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "amigo-file.h"
#include "amigo-task-private.h"
#include "amigo-task-state-file.h"

#define STATE_FILE_VERSION 1
/* Far above any real task list: a larger file is not read into memory. */
#define STATE_FILE_MAX_SIZE (8 * 1024 * 1024)
/* How long a task that ended stays in the list. */
#define KEEP_FINISHED_USEC (G_TIME_SPAN_DAY)

static gboolean
is_expired (AmigoTask *task,
            gint64     now)
{
  return amigo_task_get_state (task) != AMIGO_TASK_STATE_RUNNING &&
         now - amigo_task_get_finished (task) > KEEP_FINISHED_USEC;
}

static char *
format_time (gint64 usec)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) exact = NULL;

  if (time == NULL)
    return NULL;
  exact = g_date_time_add (time, usec % G_USEC_PER_SEC);
  return g_date_time_format_iso8601 (exact);
}

static gint64
parse_time (const char *text)
{
  g_autoptr(GDateTime) time = NULL;

  if (text == NULL)
    return 0;
  time = g_date_time_new_from_iso8601 (text, NULL);
  if (time == NULL)
    return 0;
  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

static JsonNode *
task_to_json (AmigoTask *task)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *started = format_time (amigo_task_get_started (task));
  const char * const *ids = amigo_task_get_resource_ids (task);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, _amigo_task_kind_to_string (amigo_task_get_kind (task)));
  json_builder_set_member_name (builder, "account_id");
  json_builder_add_string_value (builder, amigo_task_get_account_id (task));
  json_builder_set_member_name (builder, "region");
  json_builder_add_string_value (builder, amigo_task_get_region (task));
  json_builder_set_member_name (builder, "resource_ids");
  json_builder_begin_array (builder);
  for (guint i = 0; ids[i] != NULL; i++)
    json_builder_add_string_value (builder, ids[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, amigo_task_get_title (task));
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, _amigo_task_state_to_string (amigo_task_get_state (task)));
  json_builder_set_member_name (builder, "started");
  json_builder_add_string_value (builder, started);
  /* An import's upload: the file, the bucket, the upload's id and parts. */
  if (amigo_task_get_state (task) == AMIGO_TASK_STATE_RUNNING && amigo_task_get_pending (task) != NULL)
    {
      json_builder_set_member_name (builder, "pending");
      json_builder_add_value (builder, json_node_copy (amigo_task_get_pending (task)));
    }
  if (amigo_task_get_state (task) != AMIGO_TASK_STATE_RUNNING)
    {
      g_autofree char *finished = format_time (amigo_task_get_finished (task));

      json_builder_set_member_name (builder, "finished");
      json_builder_add_string_value (builder, finished);
      /* How it ended, e.g. AWS's state reason (never a credential). */
      if (amigo_task_get_message (task) != NULL)
        {
          json_builder_set_member_name (builder, "message");
          json_builder_add_string_value (builder, amigo_task_get_message (task));
        }
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * amigo_task_state_file_save:
 * @path: the state file
 * @tasks: a #GListModel of #AmigoTask, newest first
 * @now: the current time, Unix µs, to leave out tasks that ended long ago
 *
 * Rewrites @path whole, atomically; a failure is logged, the list stays
 * in memory.
 */
void
amigo_task_state_file_save (const char *path,
                            GListModel *tasks,
                            gint64      now)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *dir = NULL;
  guint n;

  g_return_if_fail (path != NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, STATE_FILE_VERSION);
  json_builder_set_member_name (builder, "tasks");
  json_builder_begin_array (builder);
  n = g_list_model_get_n_items (tasks);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AmigoTask) task = g_list_model_get_item (tasks, i);

      if (!is_expired (task, now))
        json_builder_add_value (builder, task_to_json (task));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_warning ("Could not create %s to keep the task list: %s", dir, g_strerror (saved_errno));
      return;
    }
  if (!g_file_set_contents_full (path, data, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_warning ("Could not save the task list: %s", error->message);
}

/* A string member, or NULL when absent or of another type (a hand-edited
 * or damaged file must not trip json-glib's checks). */
static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static AmigoTask *
task_from_json (JsonNode *node)
{
  JsonObject *object;
  JsonArray *array;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(AmigoTask) task = NULL;
  AmigoTaskKind kind;
  AmigoTaskState state;
  const char *account_id, *region, *title, *message;
  gint64 started, finished;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);

  if (!_amigo_task_kind_from_string (get_string (object, "kind"), &kind) ||
      !_amigo_task_state_from_string (get_string (object, "state"), &state))
    return NULL;
  account_id = get_string (object, "account_id");
  region = get_string (object, "region");
  title = get_string (object, "title");
  message = get_string (object, "message");
  started = parse_time (get_string (object, "started"));
  finished = parse_time (get_string (object, "finished"));
  if (account_id == NULL || region == NULL || started == 0 ||
      !json_object_has_member (object, "resource_ids") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "resource_ids")))
    return NULL;

  array = json_object_get_array_member (object, "resource_ids");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING ||
          *json_node_get_string (element) == '\0')
        return NULL;
      g_ptr_array_add (ids, (gpointer) json_node_get_string (element));
    }
  if (ids->len == 0)
    return NULL;
  g_ptr_array_add (ids, NULL);

  /* Only an ended task's message is restored. */
  task = amigo_task_new (kind, account_id, region, (const char * const *) ids->pdata, title);
  if (task == NULL)
    return NULL;
  amigo_task_restore_state (task, state, state != AMIGO_TASK_STATE_RUNNING ? message : NULL,
                            started, finished != 0 ? finished : started);
  if (state == AMIGO_TASK_STATE_RUNNING && json_object_has_member (object, "pending") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "pending")))
    {
      g_autoptr(JsonNode) pending = json_node_copy (json_object_get_member (object, "pending"));

      amigo_task_set_pending (task, pending);
    }
  return g_steal_pointer (&task);
}

/* Keeps an unreadable file for a person to look at, and starts afresh. */
static void
set_aside (const char *path,
           const char *reason)
{
  g_autofree char *bad = g_strconcat (path, ".bad", NULL);

  if (g_rename (path, bad) != 0)
    {
      int saved_errno = errno;

      g_warning ("The task list %s could not be read (%s), nor set aside as %s (%s)",
                 path, reason, bad, g_strerror (saved_errno));
      return;
    }
  g_warning ("The task list %s could not be read (%s): it was set aside as %s",
             path, reason, bad);
}

/**
 * amigo_task_state_file_load:
 * @path: the state file
 * @now: the current time, Unix µs, to leave out tasks that ended long ago
 * @out_rewrite: (out): set to %TRUE when some tasks could not be read:
 *   the file was set aside and the caller should save the list again
 *
 * Reads @path. A missing file is an empty list; an unreadable one is
 * renamed `*.bad` for a person to look at (with a warning), and the tasks
 * that could be read go on.
 *
 * Returns: (transfer full) (element-type AmigoTask): the tasks, newest first
 */
GPtrArray *
amigo_task_state_file_load (const char *path,
                            gint64      now,
                            gboolean   *out_rewrite)
{
  GPtrArray *tasks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  JsonObject *root;
  JsonNode *version;
  JsonArray *array;
  guint n_bad = 0;

  g_return_val_if_fail (path != NULL, tasks);
  if (out_rewrite != NULL)
    *out_rewrite = FALSE;

  /* Only a regular file of a sane size: a FIFO would block, a device
   * (/dev/zero) would never end. */
  if (!amigo_file_read_bounded (path, STATE_FILE_MAX_SIZE, &data, &length, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
        set_aside (path, "not a regular file");
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        set_aside (path, "larger than 8 MiB");
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        set_aside (path, error->message);
      return tasks;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, &error))
    {
      set_aside (path, error->message);
      return tasks;
    }
  /* A text with no value at all (only white space) loads without a root. */
  if (json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      set_aside (path, "not a JSON object");
      return tasks;
    }
  root = json_node_get_object (json_parser_get_root (parser));
  version = json_object_get_member (root, "version");
  if (version == NULL || !JSON_NODE_HOLDS_VALUE (version) ||
      json_node_get_value_type (version) != G_TYPE_INT64 ||
      json_node_get_int (version) != STATE_FILE_VERSION ||
      !json_object_has_member (root, "tasks") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "tasks")))
    {
      set_aside (path, "not a task list of version 1");
      return tasks;
    }

  array = json_object_get_array_member (root, "tasks");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(AmigoTask) task = task_from_json (json_array_get_element (array, i));

      if (task == NULL)
        {
          n_bad++;
          continue;
        }
      if (is_expired (task, now))
        continue;
      /* The file is newest first, as the list. */
      g_ptr_array_add (tasks, g_steal_pointer (&task));
    }

  if (n_bad > 0)
    {
      g_autofree char *reason = g_strdup_printf ("%u unreadable tasks", n_bad);

      /* Keep the whole file for a person to look at; the tasks that could
       * be read go on. */
      set_aside (path, reason);
      if (out_rewrite != NULL)
        *out_rewrite = TRUE;
    }
  return tasks;
}
