/* amigo-s3-upload.c — a file uploaded to S3 in parts, resumable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A run: check the file against the state (size and modification time);
 * CreateMultipartUpload, or ListParts to learn which parts S3 already has;
 * then up to max-parallel parts at a time — each hashed in a worker thread
 * (reading the file region once), then sent from the file region with that
 * hash; then CompleteMultipartUpload. A lost Complete answer is checked
 * with HeadObject (the object's ETag follows from the parts'), so a retry
 * neither fails nor makes a second object.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <openssl/evp.h>

#include "amigo-error.h"
#include "amigo-page-guard.h"
#include "amigo-s3-upload.h"

#define STATE_VERSION 1
#define HASH_CHUNK (1024 * 1024)
#define MAX_PART_TRIES 4
#define MAX_COMPLETE_TRIES 3
#define PROGRESS_INTERVAL_US (250 * 1000)
#define MAX_OBJECT_SIZE (G_GUINT64_CONSTANT (5) << 40)

typedef enum {
  PART_TODO,
  PART_HASHING,
  PART_SENDING,
  PART_DONE,
} PartState;

typedef struct {
  AmigoS3Upload *upload;        /* borrowed */
  guint number;
  guint64 offset;
  guint64 length;
  PartState state;
  char *sha256_hex;
  char *checksum;               /* base64 SHA-256, as S3 has it */
  char *etag;
  guint64 sent;                 /* in the current attempt */
  guint tries;
} Part;

struct _AmigoS3Upload
{
  GObject parent_instance;

  /* owned */
  AmigoS3 *s3;
  char *path;
  char *bucket;
  char *key;
  char *upload_id;
  char *etag;
  guint64 part_size;
  guint64 file_size;
  gint64 file_mtime_us;
  Part *parts;
  guint n_parts;
  guint max_parallel;

  /* a run */
  GTask *run;
  GError *run_error;
  guint in_flight;
  guint complete_tries;
  guint parts_resent;
  gboolean completing;
  AmigoPageGuard parts_guard;   /* of the ListParts under way */

  /* progress */
  gint64 last_progress_us;
  guint64 last_progress_done;
  double speed;
};

G_DEFINE_FINAL_TYPE (AmigoS3Upload, amigo_s3_upload, G_TYPE_OBJECT)

G_DEFINE_QUARK (amigo-s3-upload-error-quark, amigo_s3_upload_error)

enum {
  SIGNAL_PROGRESS,
  SIGNAL_STATE_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void pump (AmigoS3Upload *self);

/* ---- helpers ---------------------------------------------------------- */

static gboolean
stat_file (const char  *path,
           guint64     *size,
           gint64      *mtime_us,
           GError     **error)
{
  struct stat st;

  if (g_stat (path, &st) != 0)
    {
      int saved = errno;
      g_autofree char *shown = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot read “%s”: %s"), shown, g_strerror (saved));
      return FALSE;
    }
  *size = (guint64) st.st_size;
  *mtime_us = (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000;
  return TRUE;
}

static GError *
file_changed_error (const char *path)
{
  g_autofree char *shown = g_filename_display_name (path);

  return g_error_new (AMIGO_S3_UPLOAD_ERROR, AMIGO_S3_UPLOAD_ERROR_FILE_CHANGED,
                      _("“%s” changed while it was being uploaded (its size or modification "
                        "time is not the same). Make sure nothing writes to it — a running "
                        "virtual machine, say — and start the upload again."), shown);
}

/* The file as the state knows it, or why not. */
static gboolean
check_file (AmigoS3Upload  *self,
            GError        **error)
{
  guint64 size = 0;
  gint64 mtime = 0;

  if (!stat_file (self->path, &size, &mtime, error))
    return FALSE;
  if (size != self->file_size || mtime != self->file_mtime_us)
    {
      g_propagate_error (error, file_changed_error (self->path));
      return FALSE;
    }
  return TRUE;
}

static void
make_parts (AmigoS3Upload *self)
{
  guint64 offset = 0;

  for (guint i = 0; i < self->n_parts; i++)
    {
      g_free (self->parts[i].sha256_hex);
      g_free (self->parts[i].checksum);
      g_free (self->parts[i].etag);
    }
  g_free (self->parts);
  self->n_parts = (guint) ((self->file_size + self->part_size - 1) / self->part_size);
  self->parts = g_new0 (Part, self->n_parts);
  for (guint i = 0; i < self->n_parts; i++)
    {
      Part *part = &self->parts[i];

      part->upload = self;
      part->number = i + 1;
      part->offset = offset;
      part->length = MIN (self->part_size, self->file_size - offset);
      offset += part->length;
    }
}

static guint64
bytes_done (AmigoS3Upload *self)
{
  guint64 done = 0;

  for (guint i = 0; i < self->n_parts; i++)
    done += self->parts[i].state == PART_DONE ? self->parts[i].length : self->parts[i].sent;
  return done;
}

static void
emit_progress (AmigoS3Upload *self,
               gboolean       force)
{
  gint64 now = g_get_monotonic_time ();
  guint64 done;

  if (!force && now - self->last_progress_us < PROGRESS_INTERVAL_US)
    return;
  done = bytes_done (self);
  if (self->last_progress_us != 0 && now > self->last_progress_us && done >= self->last_progress_done)
    {
      double instant = (double) (done - self->last_progress_done) * G_USEC_PER_SEC /
                       (double) (now - self->last_progress_us);

      self->speed = self->speed == 0 ? instant : 0.7 * self->speed + 0.3 * instant;
    }
  self->last_progress_us = now;
  self->last_progress_done = done;
  g_signal_emit (self, signals[SIGNAL_PROGRESS], 0);
}

static void
part_progress_cb (gpointer user_data,
                  guint64  sent)
{
  Part *part = user_data;

  part->sent = sent;
  emit_progress (part->upload, FALSE);
}

static JsonNode *
upload_params (AmigoS3Upload *self,
               JsonBuilder  **out_builder)
{
  JsonBuilder *builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Bucket");
  json_builder_add_string_value (builder, self->bucket);
  json_builder_set_member_name (builder, "Key");
  json_builder_add_string_value (builder, self->key);
  if (self->upload_id != NULL)
    {
      json_builder_set_member_name (builder, "UploadId");
      json_builder_add_string_value (builder, self->upload_id);
    }
  *out_builder = builder;
  return NULL;
}

static JsonNode *
finish_params (JsonBuilder *builder)
{
  JsonNode *node;

  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  g_object_unref (builder);
  return node;
}

static gboolean
error_is_retryable (const GError *error)
{
  const AmigoAwsErrorDetails *details = amigo_aws_error_get_details (error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return FALSE;
  if (error->domain != AMIGO_AWS_ERROR)
    return FALSE;
  return error->code == AMIGO_AWS_ERROR_NETWORK || error->code == AMIGO_AWS_ERROR_THROTTLED ||
         (details != NULL && details->retryable);
}

/* Ends the run once nothing is in flight any more. */
static void
fail (AmigoS3Upload *self,
      GError        *error)
{
  if (self->run_error == NULL)
    self->run_error = error;
  else
    g_error_free (error);
  pump (self);
}

static void
run_return (AmigoS3Upload *self)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->run);

  emit_progress (self, TRUE);
  if (self->run_error != NULL)
    g_task_return_error (task, g_steal_pointer (&self->run_error));
  else
    g_task_return_boolean (task, TRUE);
}

/* ---- hashing a part (worker thread) ---------------------------------- */

typedef struct {
  char *path;
  guint64 offset;
  guint64 length;
  guint64 file_size;
  gint64 file_mtime_us;
  char *sha256_hex;
  char *checksum;
} HashJob;

static void
hash_job_free (gpointer data)
{
  HashJob *job = data;

  g_free (job->path);
  g_free (job->sha256_hex);
  g_free (job->checksum);
  g_free (job);
}

static void
hash_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  HashJob *job = task_data;
  g_autofree guint8 *buffer = g_malloc (HASH_CHUNK);
  EVP_MD_CTX *ctx = EVP_MD_CTX_new ();
  guint8 digest[32];
  unsigned int digest_len = 0;
  guint64 done = 0;
  struct stat st;
  int fd;

  fd = g_open (job->path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || ctx == NULL || !EVP_DigestInit_ex (ctx, EVP_sha256 (), NULL))
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      EVP_MD_CTX_free (ctx);
      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved),
                               _("Cannot read the file to upload: %s"), g_strerror (saved));
      return;
    }
  while (done < job->length)
    {
      gssize n = pread (fd, buffer, (gsize) MIN ((guint64) HASH_CHUNK, job->length - done),
                        (off_t) (job->offset + done));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0 || g_cancellable_is_cancelled (cancellable))
        break;
      EVP_DigestUpdate (ctx, buffer, (gsize) n);
      done += (guint64) n;
    }
  EVP_DigestFinal_ex (ctx, digest, &digest_len);
  EVP_MD_CTX_free (ctx);

  if (g_task_return_error_if_cancelled (task))
    {
      close (fd);
      return;
    }
  /* Checked after reading: a write during the read shows here. */
  if (done < job->length || fstat (fd, &st) != 0 || (guint64) st.st_size != job->file_size ||
      (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000 != job->file_mtime_us)
    {
      close (fd);
      g_task_return_error (task, file_changed_error (job->path));
      return;
    }
  close (fd);

  job->sha256_hex = g_malloc (65);
  for (guint i = 0; i < 32; i++)
    g_snprintf (job->sha256_hex + 2 * i, 3, "%02x", digest[i]);
  job->checksum = g_base64_encode (digest, 32);
  g_task_return_boolean (task, TRUE);
}

/* ---- the steps -------------------------------------------------------- */

static void
part_sent_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Part *part = user_data;
  AmigoS3Upload *self = part->upload;
  g_autoptr(JsonNode) values = NULL;
  GError *error = NULL;

  self->in_flight--;
  values = amigo_s3_call_finish (AMIGO_S3 (source), result, &error);
  if (values == NULL)
    {
      part->sent = 0;
      if (self->run_error == NULL && error_is_retryable (error) && part->tries < MAX_PART_TRIES)
        {
          g_debug ("S3 upload %s: part %u failed (%s); sending it again", self->key,
                   part->number, error->message);
          part->state = PART_TODO;
          self->parts_resent++;
          g_error_free (error);
          pump (self);
        }
      else
        {
          part->state = PART_TODO;
          fail (self, error);
        }
      g_object_unref (self);
      return;
    }

  part->etag = g_strdup (json_object_get_string_member_with_default (json_node_get_object (values),
                                                                     "ETag", NULL));
  part->state = PART_DONE;
  part->sent = 0;
  g_signal_emit (self, signals[SIGNAL_STATE_CHANGED], 0);
  emit_progress (self, FALSE);
  pump (self);
  g_object_unref (self);
}

static void
send_part (AmigoS3Upload *self,
           Part          *part)
{
  JsonBuilder *builder;
  g_autoptr(JsonNode) params = NULL;
  AmigoS3FileBody body = {
    .path = self->path,
    .offset = part->offset,
    .length = part->length,
    .sha256_hex = part->sha256_hex,
    .progress = part_progress_cb,
    .progress_data = part,
  };
  const AmigoS3Transfer transfer = { .body = &body };

  upload_params (self, &builder);
  json_builder_set_member_name (builder, "PartNumber");
  json_builder_add_int_value (builder, part->number);
  json_builder_set_member_name (builder, "ChecksumSHA256");
  json_builder_add_string_value (builder, part->checksum);
  json_builder_set_member_name (builder, "ChecksumAlgorithm");
  json_builder_add_string_value (builder, "SHA256");
  params = finish_params (builder);

  part->state = PART_SENDING;
  part->tries++;
  part->sent = 0;
  self->in_flight++;
  /* The part is the callback's data; the reference is dropped there. */
  g_object_ref (self);
  amigo_s3_call_async (self->s3, &amigo_s3_op_upload_part, params, &transfer,
                       g_task_get_cancellable (self->run), part_sent_cb, part);
}

static void
part_hashed_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Part *part = user_data;
  AmigoS3Upload *self = AMIGO_S3_UPLOAD (source);
  HashJob *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  self->in_flight--;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      part->state = PART_TODO;
      fail (self, error);
      return;
    }
  part->sha256_hex = g_steal_pointer (&job->sha256_hex);
  g_free (part->checksum);
  part->checksum = g_steal_pointer (&job->checksum);
  if (self->run_error != NULL)
    {
      part->state = PART_TODO;
      pump (self);
      return;
    }
  send_part (self, part);
}

static void
start_part (AmigoS3Upload *self,
            Part          *part)
{
  g_autoptr(GTask) task = NULL;
  HashJob *job;

  if (part->sha256_hex != NULL)
    {
      send_part (self, part);
      return;
    }
  part->state = PART_HASHING;
  self->in_flight++;
  job = g_new0 (HashJob, 1);
  job->path = g_strdup (self->path);
  job->offset = part->offset;
  job->length = part->length;
  job->file_size = self->file_size;
  job->file_mtime_us = self->file_mtime_us;
  task = g_task_new (self, g_task_get_cancellable (self->run), part_hashed_cb, part);
  g_task_set_source_tag (task, start_part);
  g_task_set_task_data (task, job, hash_job_free);
  g_task_run_in_thread (task, hash_thread);
}

static void complete (AmigoS3Upload *self);

static void
completed_check_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(AmigoS3Upload) self = user_data;
  g_autoptr(JsonNode) values = amigo_s3_call_finish (AMIGO_S3 (source), result, NULL);
  g_autoptr(GPtrArray) etags = g_ptr_array_new ();
  g_autofree char *expected = NULL;
  const char *etag = NULL;

  for (guint i = 0; i < self->n_parts; i++)
    g_ptr_array_add (etags, self->parts[i].etag);
  expected = amigo_s3_multipart_etag ((const char * const *) etags->pdata, etags->len);
  if (values != NULL)
    etag = json_object_get_string_member_with_default (json_node_get_object (values), "ETag", NULL);

  self->completing = FALSE;
  if (etag != NULL && expected != NULL && g_str_equal (etag, expected))
    {
      /* An earlier Complete took effect; its answer was lost. */
      self->etag = g_strdup (etag);
      g_clear_pointer (&self->upload_id, g_free);
      g_signal_emit (self, signals[SIGNAL_STATE_CHANGED], 0);
      run_return (self);
      return;
    }
  g_clear_pointer (&self->upload_id, g_free);
  make_parts (self);
  g_signal_emit (self, signals[SIGNAL_STATE_CHANGED], 0);
  fail (self, g_error_new (AMIGO_S3_UPLOAD_ERROR, AMIGO_S3_UPLOAD_ERROR_UPLOAD_GONE,
                           _("S3 no longer knows the upload of “%s” and the object is not there: "
                             "it was cancelled or expired. Start the upload again."), self->key));
}

static void
completed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AmigoS3Upload) self = user_data;
  g_autoptr(JsonNode) values = NULL;
  GError *error = NULL;

  values = amigo_s3_call_finish (AMIGO_S3 (source), result, &error);
  if (values == NULL)
    {
      if (amigo_aws_error_has_aws_code (error, "NoSuchUpload"))
        {
          JsonBuilder *builder;
          g_autoptr(JsonNode) params = NULL;
          char *id = g_steal_pointer (&self->upload_id);

          /* Done already (a lost answer), or gone: the object tells. */
          upload_params (self, &builder);
          params = finish_params (builder);
          self->upload_id = id;
          g_error_free (error);
          amigo_s3_call_async (self->s3, &amigo_s3_op_head_object, params, NULL,
                               g_task_get_cancellable (self->run), completed_check_cb,
                               g_object_ref (self));
          return;
        }
      self->completing = FALSE;
      if (error_is_retryable (error) && self->complete_tries < MAX_COMPLETE_TRIES)
        {
          g_error_free (error);
          complete (self);
          return;
        }
      fail (self, error);
      return;
    }
  self->completing = FALSE;
  self->etag = g_strdup (json_object_get_string_member_with_default (json_node_get_object (values),
                                                                     "ETag", NULL));
  g_clear_pointer (&self->upload_id, g_free);
  g_signal_emit (self, signals[SIGNAL_STATE_CHANGED], 0);
  run_return (self);
}

static void
complete (AmigoS3Upload *self)
{
  JsonBuilder *builder;
  g_autoptr(JsonNode) params = NULL;
  GError *error = NULL;

  if (!check_file (self, &error))
    {
      fail (self, error);
      return;
    }
  upload_params (self, &builder);
  json_builder_set_member_name (builder, "MultipartUpload");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Parts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->n_parts; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "PartNumber");
      json_builder_add_int_value (builder, self->parts[i].number);
      json_builder_set_member_name (builder, "ETag");
      json_builder_add_string_value (builder, self->parts[i].etag);
      if (self->parts[i].checksum != NULL)
        {
          json_builder_set_member_name (builder, "ChecksumSHA256");
          json_builder_add_string_value (builder, self->parts[i].checksum);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  params = finish_params (builder);

  self->completing = TRUE;
  self->complete_tries++;
  amigo_s3_call_async (self->s3, &amigo_s3_op_complete_multipart_upload, params, NULL,
                       g_task_get_cancellable (self->run), completed_cb, g_object_ref (self));
}

static void
pump (AmigoS3Upload *self)
{
  gboolean all_done = TRUE;

  if (self->run == NULL || self->completing)
    return;
  if (self->run_error == NULL && g_cancellable_is_cancelled (g_task_get_cancellable (self->run)))
    g_cancellable_set_error_if_cancelled (g_task_get_cancellable (self->run), &self->run_error);
  if (self->run_error != NULL)
    {
      if (self->in_flight == 0)
        run_return (self);
      return;
    }

  for (guint i = 0; i < self->n_parts && self->in_flight < self->max_parallel; i++)
    if (self->parts[i].state == PART_TODO)
      start_part (self, &self->parts[i]);

  for (guint i = 0; i < self->n_parts; i++)
    if (self->parts[i].state != PART_DONE)
      all_done = FALSE;
  if (all_done && self->in_flight == 0)
    complete (self);
}

/* ---- starting: a new upload, or the parts S3 already has ------------- */

static void list_parts (AmigoS3Upload *self,
                        gint64         marker);

static void
created_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(AmigoS3Upload) self = user_data;
  g_autoptr(JsonNode) values = NULL;
  GError *error = NULL;
  const char *id;

  values = amigo_s3_call_finish (AMIGO_S3 (source), result, &error);
  if (values == NULL)
    {
      fail (self, error);
      return;
    }
  id = json_object_get_string_member_with_default (json_node_get_object (values), "UploadId", NULL);
  if (id == NULL || *id == '\0')
    {
      fail (self, g_error_new_literal (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_BAD_RESPONSE,
                                       _("S3 started the upload without giving its id.")));
      return;
    }
  self->upload_id = g_strdup (id);
  g_signal_emit (self, signals[SIGNAL_STATE_CHANGED], 0);
  pump (self);
}

static void
create_upload (AmigoS3Upload *self)
{
  JsonBuilder *builder;
  g_autoptr(JsonNode) params = NULL;

  upload_params (self, &builder);
  json_builder_set_member_name (builder, "ChecksumAlgorithm");
  json_builder_add_string_value (builder, "SHA256");
  params = finish_params (builder);
  amigo_s3_call_async (self->s3, &amigo_s3_op_create_multipart_upload, params, NULL,
                       g_task_get_cancellable (self->run), created_cb, g_object_ref (self));
}

static void
listed_parts_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(AmigoS3Upload) self = user_data;
  g_autoptr(JsonNode) values = NULL;
  GError *error = NULL;
  JsonObject *out;
  JsonArray *listed = NULL;
  gboolean changed = FALSE;
  gint64 next_marker;

  values = amigo_s3_call_finish (AMIGO_S3 (source), result, &error);
  if (values == NULL)
    {
      if (amigo_aws_error_has_aws_code (error, "NoSuchUpload"))
        {
          /* Aborted, expired or completed: completed is checked when the
           * parts are all there; otherwise start over. */
          gboolean all_done = TRUE;

          for (guint i = 0; i < self->n_parts; i++)
            all_done = all_done && self->parts[i].state == PART_DONE;
          g_error_free (error);
          if (all_done)
            {
              complete (self);
              return;
            }
          g_debug ("S3 upload %s: the upload is gone; starting a new one", self->key);
          g_clear_pointer (&self->upload_id, g_free);
          make_parts (self);
          create_upload (self);
          return;
        }
      fail (self, error);
      return;
    }

  out = json_node_get_object (values);
  if (json_object_has_member (out, "Parts"))
    listed = json_object_get_array_member (out, "Parts");
  for (guint i = 0; listed != NULL && i < json_array_get_length (listed); i++)
    {
      JsonObject *p = json_array_get_object_element (listed, i);
      gint64 number = json_object_get_int_member_with_default (p, "PartNumber", 0);
      const char *etag = json_object_get_string_member_with_default (p, "ETag", NULL);
      gint64 size = json_object_get_int_member_with_default (p, "Size", -1);
      Part *part;

      if (number < 1 || number > self->n_parts || etag == NULL)
        continue;
      part = &self->parts[number - 1];
      /* A part S3 has whole (its answer may have been lost) counts as done;
       * one we recorded with another ETag is sent again. */
      if (size >= 0 && (guint64) size != part->length)
        continue;
      if (part->state == PART_DONE && g_strcmp0 (part->etag, etag) == 0)
        {
          part->state = PART_SENDING;    /* marked: seen */
          continue;
        }
      g_free (part->etag);
      part->etag = g_strdup (etag);
      g_free (part->checksum);
      part->checksum = g_strdup (json_object_get_string_member_with_default (p, "ChecksumSHA256", NULL));
      part->state = PART_SENDING;
      changed = TRUE;
    }

  /* NextPartNumberMarker is an integer in S3's model. */
  next_marker = json_object_get_int_member_with_default (out, "NextPartNumberMarker", 0);
  if (json_object_get_boolean_member_with_default (out, "IsTruncated", FALSE) && next_marker > 0)
    {
      g_autofree char *marker = g_strdup_printf ("%" G_GINT64_FORMAT, next_marker);

      /* A marker handed out again, or pages without end, are an error. */
      if (!amigo_page_guard_next (&self->parts_guard, marker, "S3", "ListParts", &error))
        {
          fail (self, error);
          return;
        }
      list_parts (self, next_marker);
      return;
    }

  /* Seen parts are done; recorded ones S3 does not have are sent again. */
  for (guint i = 0; i < self->n_parts; i++)
    {
      Part *part = &self->parts[i];

      if (part->state == PART_SENDING)
        part->state = PART_DONE;
      else if (part->state == PART_DONE)
        {
          part->state = PART_TODO;
          g_clear_pointer (&part->etag, g_free);
          changed = TRUE;
        }
    }
  if (changed)
    g_signal_emit (self, signals[SIGNAL_STATE_CHANGED], 0);
  emit_progress (self, TRUE);
  pump (self);
}

/* @marker: the part number the page starts after; 0 for the first page */
static void
list_parts (AmigoS3Upload *self,
            gint64         marker)
{
  JsonBuilder *builder;
  g_autoptr(JsonNode) params = NULL;

  upload_params (self, &builder);
  if (marker > 0)
    {
      json_builder_set_member_name (builder, "PartNumberMarker");
      json_builder_add_int_value (builder, marker);
    }
  params = finish_params (builder);
  amigo_s3_call_async (self->s3, &amigo_s3_op_list_parts, params, NULL,
                       g_task_get_cancellable (self->run), listed_parts_cb, g_object_ref (self));
}

/* ---- GObject ---------------------------------------------------------- */

static void
amigo_s3_upload_finalize (GObject *object)
{
  AmigoS3Upload *self = AMIGO_S3_UPLOAD (object);

  for (guint i = 0; i < self->n_parts; i++)
    {
      g_free (self->parts[i].sha256_hex);
      g_free (self->parts[i].checksum);
      g_free (self->parts[i].etag);
    }
  g_free (self->parts);
  g_clear_object (&self->s3);
  g_free (self->path);
  g_free (self->bucket);
  g_free (self->key);
  g_free (self->upload_id);
  g_free (self->etag);
  g_clear_error (&self->run_error);
  amigo_page_guard_clear (&self->parts_guard);

  G_OBJECT_CLASS (amigo_s3_upload_parent_class)->finalize (object);
}

static void
amigo_s3_upload_class_init (AmigoS3UploadClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = amigo_s3_upload_finalize;

  /**
   * AmigoS3Upload::progress:
   *
   * Bytes done, speed or time left changed (at most four times a second,
   * and at the end of a run).
   */
  signals[SIGNAL_PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * AmigoS3Upload::state-changed:
   *
   * The saved state is out of date: save amigo_s3_upload_dup_state().
   */
  signals[SIGNAL_STATE_CHANGED] =
    g_signal_new ("state-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
amigo_s3_upload_init (AmigoS3Upload *self)
{
  self->max_parallel = AMIGO_S3_UPLOAD_DEFAULT_PARALLEL;
}

/* ---- public API ------------------------------------------------------- */

/**
 * amigo_s3_upload_choose_part_size:
 * @file_size: the file's size
 *
 * 8 MiB, doubled until the file fits in 10 000 parts: 8–64 MiB up to
 * 625 GiB; bigger for bigger files (memory does not grow with the part
 * size: parts are streamed from the file).
 *
 * Returns: the part size
 */
guint64
amigo_s3_upload_choose_part_size (guint64 file_size)
{
  guint64 size = AMIGO_S3_UPLOAD_MIN_PART_SIZE;

  while ((file_size + size - 1) / size > AMIGO_S3_UPLOAD_MAX_PARTS)
    size *= 2;
  return size;
}

/**
 * amigo_s3_upload_new:
 * @s3: the S3 service (its region is where the bucket is looked for first)
 * @path: the local file
 * @bucket: the bucket
 * @key: the object's key
 * @error: where an unreadable, empty or too big file is reported
 *
 * Returns: (transfer full) (nullable): a new upload, not started
 */
AmigoS3Upload *
amigo_s3_upload_new (AmigoS3     *s3,
                     const char  *path,
                     const char  *bucket,
                     const char  *key,
                     GError     **error)
{
  g_autoptr(AmigoS3Upload) self = NULL;

  g_return_val_if_fail (AMIGO_IS_S3 (s3), NULL);
  g_return_val_if_fail (path != NULL && bucket != NULL && key != NULL, NULL);

  self = g_object_new (AMIGO_TYPE_S3_UPLOAD, NULL);
  self->s3 = g_object_ref (s3);
  self->path = g_strdup (path);
  self->bucket = g_strdup (bucket);
  self->key = g_strdup (key);
  if (!stat_file (path, &self->file_size, &self->file_mtime_us, error))
    return NULL;
  if (self->file_size == 0 || self->file_size > MAX_OBJECT_SIZE)
    {
      g_autofree char *shown = g_filename_display_name (path);

      if (self->file_size == 0)
        g_set_error (error, AMIGO_S3_UPLOAD_ERROR, AMIGO_S3_UPLOAD_ERROR_TOO_BIG,
                     _("“%s” is empty: there is nothing to upload."), shown);
      else
        g_set_error (error, AMIGO_S3_UPLOAD_ERROR, AMIGO_S3_UPLOAD_ERROR_TOO_BIG,
                     _("“%s” is bigger than 5 TiB, the largest object S3 holds."), shown);
      return NULL;
    }
  self->part_size = amigo_s3_upload_choose_part_size (self->file_size);
  make_parts (self);
  return g_steal_pointer (&self);
}

/**
 * amigo_s3_upload_set_part_size:
 * @self: an upload not started yet
 * @part_size: at least 5 MiB (S3's minimum), the file in at most 10 000 parts
 */
void
amigo_s3_upload_set_part_size (AmigoS3Upload *self,
                               guint64        part_size)
{
  g_return_if_fail (AMIGO_IS_S3_UPLOAD (self));
  g_return_if_fail (self->upload_id == NULL && self->run == NULL);
  g_return_if_fail (part_size >= 5 * 1024 * 1024);
  g_return_if_fail ((self->file_size + part_size - 1) / part_size <= AMIGO_S3_UPLOAD_MAX_PARTS);

  self->part_size = part_size;
  make_parts (self);
}

/**
 * amigo_s3_upload_set_max_parallel:
 * @self: an upload
 * @max_parallel: how many parts are sent at once (1–16; 4 by default)
 */
void
amigo_s3_upload_set_max_parallel (AmigoS3Upload *self,
                                  guint          max_parallel)
{
  g_return_if_fail (AMIGO_IS_S3_UPLOAD (self));
  self->max_parallel = CLAMP (max_parallel, 1, 16);
}

/**
 * amigo_s3_upload_dup_state:
 * @self: an upload
 *
 * What resumes it: bucket, key, path, upload id, part size, the file's size
 * and modification time, and the finished parts with their ETags and
 * checksums. No secret is in it.
 *
 * Returns: (transfer full): a JSON object
 */
JsonNode *
amigo_s3_upload_dup_state (AmigoS3Upload *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *region = NULL;

  g_return_val_if_fail (AMIGO_IS_S3_UPLOAD (self), NULL);

  region = amigo_s3_dup_bucket_region (self->s3, self->bucket);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, STATE_VERSION);
  json_builder_set_member_name (builder, "bucket");
  json_builder_add_string_value (builder, self->bucket);
  if (region != NULL)
    {
      json_builder_set_member_name (builder, "bucket-region");
      json_builder_add_string_value (builder, region);
    }
  json_builder_set_member_name (builder, "key");
  json_builder_add_string_value (builder, self->key);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, self->path);
  if (self->upload_id != NULL)
    {
      json_builder_set_member_name (builder, "upload-id");
      json_builder_add_string_value (builder, self->upload_id);
    }
  if (self->etag != NULL)
    {
      json_builder_set_member_name (builder, "etag");
      json_builder_add_string_value (builder, self->etag);
    }
  json_builder_set_member_name (builder, "part-size");
  json_builder_add_int_value (builder, (gint64) self->part_size);
  json_builder_set_member_name (builder, "file-size");
  json_builder_add_int_value (builder, (gint64) self->file_size);
  json_builder_set_member_name (builder, "file-mtime-us");
  json_builder_add_int_value (builder, self->file_mtime_us);
  json_builder_set_member_name (builder, "parts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->n_parts; i++)
    {
      const Part *part = &self->parts[i];

      if (part->state != PART_DONE || part->etag == NULL)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "number");
      json_builder_add_int_value (builder, part->number);
      json_builder_set_member_name (builder, "etag");
      json_builder_add_string_value (builder, part->etag);
      if (part->checksum != NULL)
        {
          json_builder_set_member_name (builder, "checksum-sha256");
          json_builder_add_string_value (builder, part->checksum);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static GError *
bad_state (void)
{
  return g_error_new_literal (AMIGO_S3_UPLOAD_ERROR, AMIGO_S3_UPLOAD_ERROR_BAD_STATE,
                              _("The saved upload cannot be resumed: its record is damaged. "
                                "Start the upload again."));
}

/**
 * amigo_s3_upload_new_from_state:
 * @s3: the S3 service
 * @state: what amigo_s3_upload_dup_state() gave
 * @error: where a damaged state is reported
 *
 * The file itself is checked when the upload runs (a changed file fails it
 * with %AMIGO_S3_UPLOAD_ERROR_FILE_CHANGED).
 *
 * Returns: (transfer full) (nullable): the upload, to run again
 */
AmigoS3Upload *
amigo_s3_upload_new_from_state (AmigoS3   *s3,
                                JsonNode  *state,
                                GError   **error)
{
  g_autoptr(AmigoS3Upload) self = NULL;
  JsonObject *o;
  JsonArray *parts;
  const char *region;
  gint64 part_size, file_size;

  g_return_val_if_fail (AMIGO_IS_S3 (s3), NULL);
  g_return_val_if_fail (state != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (state) ||
      json_object_get_int_member_with_default (o = json_node_get_object (state), "version", 0) != STATE_VERSION ||
      json_object_get_string_member_with_default (o, "bucket", NULL) == NULL ||
      json_object_get_string_member_with_default (o, "key", NULL) == NULL ||
      json_object_get_string_member_with_default (o, "path", NULL) == NULL ||
      !json_object_has_member (o, "parts") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (o, "parts")))
    {
      g_propagate_error (error, bad_state ());
      return NULL;
    }
  part_size = json_object_get_int_member_with_default (o, "part-size", 0);
  file_size = json_object_get_int_member_with_default (o, "file-size", 0);
  if (part_size < 5 * 1024 * 1024 || file_size <= 0 || (guint64) file_size > MAX_OBJECT_SIZE ||
      (file_size + part_size - 1) / part_size > AMIGO_S3_UPLOAD_MAX_PARTS)
    {
      g_propagate_error (error, bad_state ());
      return NULL;
    }

  self = g_object_new (AMIGO_TYPE_S3_UPLOAD, NULL);
  self->s3 = g_object_ref (s3);
  self->bucket = g_strdup (json_object_get_string_member (o, "bucket"));
  self->key = g_strdup (json_object_get_string_member (o, "key"));
  self->path = g_strdup (json_object_get_string_member (o, "path"));
  self->upload_id = g_strdup (json_object_get_string_member_with_default (o, "upload-id", NULL));
  self->etag = g_strdup (json_object_get_string_member_with_default (o, "etag", NULL));
  self->part_size = (guint64) part_size;
  self->file_size = (guint64) file_size;
  self->file_mtime_us = json_object_get_int_member_with_default (o, "file-mtime-us", 0);
  region = json_object_get_string_member_with_default (o, "bucket-region", NULL);
  if (region != NULL)
    amigo_s3_set_bucket_region (s3, self->bucket, region);
  make_parts (self);

  parts = json_object_get_array_member (o, "parts");
  for (guint i = 0; i < json_array_get_length (parts); i++)
    {
      JsonNode *node = json_array_get_element (parts, i);
      JsonObject *p;
      gint64 number;
      const char *etag;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      p = json_node_get_object (node);
      number = json_object_get_int_member_with_default (p, "number", 0);
      etag = json_object_get_string_member_with_default (p, "etag", NULL);
      if (number < 1 || number > self->n_parts || etag == NULL)
        continue;
      self->parts[number - 1].state = PART_DONE;
      self->parts[number - 1].etag = g_strdup (etag);
      self->parts[number - 1].checksum =
        g_strdup (json_object_get_string_member_with_default (p, "checksum-sha256", NULL));
    }
  return g_steal_pointer (&self);
}

/**
 * amigo_s3_upload_run_async:
 * @self: an upload
 * @cancellable: (nullable): stops the run; the upload stays resumable
 * @callback: called when the object exists, or on failure
 * @user_data: its data
 *
 * Uploads what is missing and completes the upload. Emits
 * #AmigoS3Upload::progress and #AmigoS3Upload::state-changed on the way.
 */
void
amigo_s3_upload_run_async (AmigoS3Upload       *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;

  g_return_if_fail (AMIGO_IS_S3_UPLOAD (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_s3_upload_run_async);
  if (self->run != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               _("The upload is already running."));
      return;
    }
  if (self->etag != NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (!check_file (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  self->run = g_steal_pointer (&task);
  self->complete_tries = 0;
  self->last_progress_us = 0;
  self->speed = 0;
  if (self->upload_id == NULL)
    {
      make_parts (self);
      create_upload (self);
    }
  else
    {
      amigo_page_guard_clear (&self->parts_guard);
      amigo_page_guard_init (&self->parts_guard, 0);
      list_parts (self, 0);
    }
}

/**
 * amigo_s3_upload_run_finish:
 * @self: an upload
 * @result: the #GAsyncResult
 * @error: where a failure goes (%AMIGO_S3_UPLOAD_ERROR_FILE_CHANGED, an
 *   %AMIGO_AWS_ERROR, %G_IO_ERROR_CANCELLED, …)
 *
 * Returns: %TRUE when the object is complete (amigo_s3_upload_get_etag())
 */
gboolean
amigo_s3_upload_run_finish (AmigoS3Upload  *self,
                            GAsyncResult   *result,
                            GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, amigo_s3_upload_run_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
aborted_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AmigoS3Upload *self = g_task_get_source_object (task);
  g_autoptr(JsonNode) values = NULL;
  GError *error = NULL;

  values = amigo_s3_call_finish (AMIGO_S3 (source), result, &error);
  if (values == NULL && !amigo_aws_error_has_aws_code (error, "NoSuchUpload"))
    {
      g_task_return_error (task, error);
      return;
    }
  g_clear_error (&error);
  g_clear_pointer (&self->upload_id, g_free);
  make_parts (self);
  g_signal_emit (self, signals[SIGNAL_STATE_CHANGED], 0);
  g_task_return_boolean (task, TRUE);
}

/**
 * amigo_s3_upload_abort_async:
 * @self: an upload that is not running (cancel its run first)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when S3 has deleted the upload and its parts
 * @user_data: its data
 *
 * AbortMultipartUpload: the parts sent so far are deleted (S3 bills them
 * until then). An upload S3 no longer knows counts as aborted.
 */
void
amigo_s3_upload_abort_async (AmigoS3Upload       *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  JsonBuilder *builder;
  g_autoptr(JsonNode) params = NULL;

  g_return_if_fail (AMIGO_IS_S3_UPLOAD (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, amigo_s3_upload_abort_async);
  if (self->run != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_BUSY,
                               _("The upload is still running: cancel it first."));
      return;
    }
  if (self->upload_id == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  upload_params (self, &builder);
  params = finish_params (builder);
  amigo_s3_call_async (self->s3, &amigo_s3_op_abort_multipart_upload, params, NULL,
                       cancellable, aborted_cb, g_steal_pointer (&task));
}

/**
 * amigo_s3_upload_abort_finish:
 * @self: an upload
 * @result: the #GAsyncResult
 * @error: where a failure goes
 *
 * Returns: %TRUE when the upload no longer exists
 */
gboolean
amigo_s3_upload_abort_finish (AmigoS3Upload  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, amigo_s3_upload_abort_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- getters ---------------------------------------------------------- */

const char *
amigo_s3_upload_get_path (AmigoS3Upload *self)
{
  return self->path;
}

const char *
amigo_s3_upload_get_bucket (AmigoS3Upload *self)
{
  return self->bucket;
}

const char *
amigo_s3_upload_get_key (AmigoS3Upload *self)
{
  return self->key;
}

/**
 * amigo_s3_upload_get_upload_id:
 * @self: an upload
 *
 * Returns: (nullable): S3's id of the multipart upload, while there is one
 */
const char *
amigo_s3_upload_get_upload_id (AmigoS3Upload *self)
{
  return self->upload_id;
}

/**
 * amigo_s3_upload_get_etag:
 * @self: an upload
 *
 * Returns: (nullable): the finished object's ETag (with its quotes)
 */
const char *
amigo_s3_upload_get_etag (AmigoS3Upload *self)
{
  return self->etag;
}

guint64
amigo_s3_upload_get_part_size (AmigoS3Upload *self)
{
  return self->part_size;
}

guint
amigo_s3_upload_get_n_parts (AmigoS3Upload *self)
{
  return self->n_parts;
}

guint64
amigo_s3_upload_get_file_size (AmigoS3Upload *self)
{
  return self->file_size;
}

/**
 * amigo_s3_upload_get_bytes_done:
 * @self: an upload
 *
 * Returns: bytes of finished parts plus what the parts in flight have sent
 */
guint64
amigo_s3_upload_get_bytes_done (AmigoS3Upload *self)
{
  return self->etag != NULL ? self->file_size : bytes_done (self);
}

/**
 * amigo_s3_upload_get_speed:
 * @self: an upload
 *
 * Returns: bytes per second, smoothed; 0 before it is known
 */
double
amigo_s3_upload_get_speed (AmigoS3Upload *self)
{
  return self->speed;
}

/**
 * amigo_s3_upload_get_seconds_left:
 * @self: an upload
 *
 * Returns: the time left at the current speed, or -1 when it is not known
 */
gint64
amigo_s3_upload_get_seconds_left (AmigoS3Upload *self)
{
  guint64 done = amigo_s3_upload_get_bytes_done (self);

  if (self->speed <= 1.0)
    return done >= self->file_size ? 0 : -1;
  return (gint64) ((double) (self->file_size - done) / self->speed + 0.5);
}

/**
 * amigo_s3_upload_get_parts_resent:
 * @self: an upload
 *
 * Returns: how many times a failed part was sent again (in this object's life)
 */
guint
amigo_s3_upload_get_parts_resent (AmigoS3Upload *self)
{
  return self->parts_resent;
}
