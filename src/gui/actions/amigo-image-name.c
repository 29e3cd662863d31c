/* amigo-image-name.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-error.h"
#include "amigo-image-name.h"

/* Waiting this long after the last keystroke before asking EC2 whether the
 * name is taken: one request per pause, not per character. */
#define CHECK_DELAY_MS 400

struct _AmigoImageName
{
  AmigoActionDialog *dialog;            /* borrowed: owns this */
  const AmigoImageNameOps *ops;
  AdwEntryRow *row;
  GtkLabel *message;
  GtkScrolledWindow *scroller;

  AmigoEc2 *ec2;
  GCancellable *cancellable;            /* the lookup while typing */
  guint timeout_id;
  char *taken_name;                     /* one of your images has it */
  char *free_name;                      /* looked up: none has it */
  char *sent_name;                      /* the request was sent with it and failed */
  char *made_id;
  gboolean touched;
};

static void
set_str (char       **field,
         const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

AmigoImageName *
amigo_image_name_new (AmigoActionDialog       *dialog,
                      const AmigoImageNameOps *ops,
                      AdwEntryRow             *row,
                      GtkLabel                *message,
                      GtkScrolledWindow       *scroller)
{
  AmigoImageName *self = g_new0 (AmigoImageName, 1);

  self->dialog = dialog;
  self->ops = ops;
  self->row = row;
  self->message = message;
  self->scroller = scroller;
  return self;
}

/* From the dialog's finalize. */
void
amigo_image_name_free (AmigoImageName *self)
{
  amigo_image_name_stop (self);
  g_clear_object (&self->ec2);
  g_free (self->taken_name);
  g_free (self->free_name);
  g_free (self->sent_name);
  g_free (self->made_id);
  g_free (self);
}

void
amigo_image_name_set_ec2 (AmigoImageName *self,
                          AmigoEc2       *ec2)
{
  g_set_object (&self->ec2, ec2);
}

const char *
amigo_image_name_get_text (AmigoImageName *self)
{
  return gtk_editable_get_text (GTK_EDITABLE (self->row));
}

/* ---- looking the name up --------------------------------------------- */

/* What a lookup of the name found, for a lookup that was not cancelled. */
typedef void (*LookedUp) (AmigoImageName *self,
                          const char     *name,
                          AmigoImage     *image,
                          const GError   *error);

typedef struct {
  AmigoImageName *self;
  LookedUp looked_up;
} Lookup;

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autofree Lookup *lookup = user_data;
  /* The lookup's reference: the dialog, and this with it, last until here. */
  g_autoptr(AmigoActionDialog) dialog = lookup->self->dialog;
  g_autoptr(AmigoImage) image = NULL;
  g_autoptr(GError) error = NULL;

  image = amigo_ec2_find_own_image_by_name_finish (AMIGO_EC2 (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  lookup->looked_up (lookup->self, g_task_get_task_data (G_TASK (result)), image, error);
}

/* Looks the name typed up among your images; the dialog, and this with
 * it (freed when the dialog is finalized), last until @looked_up ran. */
static void
look_up (AmigoImageName *self,
         GCancellable   *cancellable,
         LookedUp        looked_up)
{
  Lookup *lookup = g_new (Lookup, 1);

  lookup->self = self;
  lookup->looked_up = looked_up;
  g_object_ref (self->dialog);
  amigo_ec2_find_own_image_by_name_async (self->ec2, amigo_image_name_get_text (self), cancellable,
                                          lookup_cb, lookup);
}

/* ---- while typing ---------------------------------------------------- */

static void
typed_name_looked_up (AmigoImageName *self,
                      const char     *name,
                      AmigoImage     *image,
                      const GError   *error)
{
  g_clear_object (&self->cancellable);
  /* A failed lookup is no verdict: the one before sending tells. */
  if (error != NULL)
    return;

  set_str (image != NULL ? &self->taken_name : &self->free_name, name);
  self->ops->update (self->dialog);
}

static gboolean
check_timeout_cb (gpointer user_data)
{
  AmigoImageName *self = user_data;

  self->timeout_id = 0;
  self->cancellable = g_cancellable_new ();
  look_up (self, self->cancellable, typed_name_looked_up);
  return G_SOURCE_REMOVE;
}

void
amigo_image_name_stop (AmigoImageName *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

void
amigo_image_name_changed (AmigoImageName *self)
{
  const char *name = amigo_image_name_get_text (self);

  self->touched = TRUE;
  amigo_image_name_stop (self);
  if (self->ec2 == NULL || !amigo_ec2_validate_image_name (name, NULL) ||
      g_strcmp0 (name, self->taken_name) == 0 || g_strcmp0 (name, self->free_name) == 0)
    return;
  self->timeout_id = g_timeout_add (CHECK_DELAY_MS, check_timeout_cb, self);
}

gboolean
amigo_image_name_validate (AmigoImageName *self)
{
  const char *name = amigo_image_name_get_text (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean valid = TRUE;

  if (*name == '\0')
    {
      valid = FALSE;
      if (self->touched)
        message = g_strdup (_("Enter a name for the image."));
    }
  else if (!amigo_ec2_validate_image_name (name, &error))
    {
      valid = FALSE;
      message = g_strdup (error->message);
    }
  else if (g_strcmp0 (name, self->taken_name) == 0)
    {
      valid = FALSE;
      /* Translators: %s is the image name, then the region */
      message = g_strdup_printf (_("You already have an image called “%s” in %s. Choose another name."),
                                 name, amigo_action_context_get_region (amigo_action_dialog_get_context (self->dialog)));
    }

  amigo_action_dialog_set_invalid (self->row, message != NULL);
  amigo_action_dialog_show_message (self->message, message, TRUE);
  return valid;
}

/* ---- making ---------------------------------------------------------- */

static void
made (AmigoImageName *self,
      const char     *image_id)
{
  AmigoActionContext *context = amigo_action_dialog_get_context (self->dialog);
  const char *ids[] = { image_id, NULL };
  g_autofree char *title = NULL;
  g_autofree char *toast = NULL;

  set_str (&self->made_id, image_id);
  self->ops->describe_task (amigo_image_name_get_text (self), &title, &toast);
  amigo_action_context_add_task (context, self->ops->task_kind, NULL, ids, title, NULL);
  amigo_action_dialog_done (self->dialog, toast);
}

static void
failed (AmigoImageName *self,
        const char     *message)
{
  amigo_action_dialog_set_busy (self->dialog, FALSE);
  amigo_action_dialog_show_problem (self->dialog, message);
  /* The message is at the top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->row));
}

static void
taken (AmigoImageName *self,
       const char     *name)
{
  set_str (&self->taken_name, name);
  amigo_action_dialog_set_busy (self->dialog, FALSE);
  self->ops->update (self->dialog);
  gtk_widget_grab_focus (GTK_WIDGET (self->row));
}

static void
submitted_name_looked_up (AmigoImageName *self,
                          const char     *name,
                          AmigoImage     *image,
                          const GError   *error)
{
  if (error != NULL)
    {
      g_autofree char *message = amigo_action_dialog_describe_error (NULL, error);
      g_autofree char *text = g_strdup_printf (_("Amigo could not check that the name is free: %s"),
                                               message);

      failed (self, text);
      return;
    }

  if (image != NULL)
    {
      /* The image an earlier attempt of this dialog made, though its
       * answer was lost: that is the result. */
      if (g_strcmp0 (name, self->sent_name) == 0 && self->ops->is_earlier_attempt (self->dialog, image))
        made (self, amigo_image_get_image_id (image));
      else
        taken (self, name);
      return;
    }

  set_str (&self->free_name, name);
  self->ops->send (self->dialog);
}

void
amigo_image_name_submit (AmigoImageName *self)
{
  self->touched = TRUE;
  if (!self->ops->update (self->dialog))
    return;

  amigo_image_name_stop (self);
  /* The fields turn insensitive: a focused entry would lose the focus
   * without knowing (GTK then warns that its cursor still blinks). */
  gtk_window_set_focus (GTK_WINDOW (self->dialog), NULL);
  amigo_action_dialog_show_problem (self->dialog, NULL);
  amigo_action_dialog_set_busy (self->dialog, TRUE);

  look_up (self, amigo_action_dialog_get_cancellable (self->dialog), submitted_name_looked_up);
}

void
amigo_image_name_sent (AmigoImageName *self)
{
  set_str (&self->sent_name, amigo_image_name_get_text (self));
}

void
amigo_image_name_send_finished (AmigoImageName *self,
                                const char     *image_id,
                                const GError   *error)
{
  g_autofree char *message = NULL;

  if (image_id != NULL)
    {
      made (self, image_id);
      return;
    }
  if (amigo_aws_error_has_aws_code (error, "InvalidAMIName.Duplicate"))
    {
      /* Someone took the name between the lookup and the request. */
      g_autofree char *name = g_steal_pointer (&self->sent_name);

      taken (self, name);
      return;
    }
  message = amigo_action_dialog_describe_error (NULL, error);
  failed (self, message);
}

const char *
amigo_image_name_get_made_id (AmigoImageName *self)
{
  return self->made_id;
}

const char *
amigo_image_name_get_free_name (AmigoImageName *self)
{
  return self->free_name;
}

const char *
amigo_image_name_get_taken_name (AmigoImageName *self)
{
  return self->taken_name;
}
