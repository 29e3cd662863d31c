/* amigo-image-name.h — the name of the image a dialog makes, and the
 * making up to the request
 *
 * Create Image and Register Image share it. The name is checked as it is
 * typed, and looked up among your own images of the region (EC2 refuses a
 * duplicate) once shortly after typing stops and again just before the
 * request. Neither request has an idempotency token: when a first attempt
 * failed in a way that may have reached EC2 and the person tries again, an
 * image of that name the dialog knows as that attempt's is the result.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-action-dialog.h"
#include "amigo-task.h"

G_BEGIN_DECLS

typedef struct _AmigoImageName AmigoImageName;

/* What differs between the dialogs. */
typedef struct {
  /* The dialog shows its state again (the name's message among it);
   * returns whether the request can be sent as the fields are. */
  gboolean (*update)             (AmigoActionDialog *dialog);
  /* The name is free: send the request, then call
   * amigo_image_name_sent() and amigo_image_name_send_finished(). */
  void     (*send)               (AmigoActionDialog *dialog);
  /* One of your images has the name this dialog last sent and failed
   * with: whether that attempt made it after all. */
  gboolean (*is_earlier_attempt) (AmigoActionDialog *dialog,
                                  AmigoImage        *image);
  /* The task that follows the new image, and the toast that says so,
   * for an image called @name. */
  AmigoTaskKind task_kind;
  void     (*describe_task)      (const char        *name,
                                  char             **title,
                                  char             **toast);
} AmigoImageNameOps;

AmigoImageName *amigo_image_name_new            (AmigoActionDialog       *dialog,
                                                 const AmigoImageNameOps *ops,
                                                 AdwEntryRow             *row,
                                                 GtkLabel                *message,
                                                 GtkScrolledWindow       *scroller);
void            amigo_image_name_free           (AmigoImageName          *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmigoImageName, amigo_image_name_free)

void            amigo_image_name_set_ec2        (AmigoImageName          *self,
                                                 AmigoEc2                *ec2);
const char     *amigo_image_name_get_text       (AmigoImageName          *self);

/* The person typed: looked up once typing stops. */
void            amigo_image_name_changed        (AmigoImageName          *self);
/* No lookup while typing any more (submitting, closing). */
void            amigo_image_name_stop           (AmigoImageName          *self);
/* Shows what is wrong with the name, if anything; returns whether it
 * can be sent. */
gboolean        amigo_image_name_validate       (AmigoImageName          *self);

/* The submit action: every field's problem shown; when there is none,
 * busy, the last lookup, then ops->send when the name is free. */
void            amigo_image_name_submit         (AmigoImageName          *self);
/* ops->send sent the request for the name typed. */
void            amigo_image_name_sent           (AmigoImageName          *self);
/* The request's answer (not a cancellation): @image_id, or @error. */
void            amigo_image_name_send_finished  (AmigoImageName          *self,
                                                 const char              *image_id,
                                                 const GError            *error);

/* For tests: the image made, the name last found free, one found taken. */
const char     *amigo_image_name_get_made_id    (AmigoImageName          *self);
const char     *amigo_image_name_get_free_name  (AmigoImageName          *self);
const char     *amigo_image_name_get_taken_name (AmigoImageName          *self);

G_END_DECLS
