/* amigo-image-details-ancestry.c — where an image came from: for a copy,
 * a Trace button asks for its ancestry (GetImageAncestry, or hop by hop
 * where that call is unavailable; only when asked:
 * the details make no call of their own) and shows it as a chain, each
 * step a button that shows that image (win.show-image), whatever its region
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-ec2-image-lineage.h"
#include "amigo-image-details-private.h"
#include "amigo-text.h"

#define CANCELLABLE_KEY "amigo-ancestry-cancellable"
#define COPIES_CANCELLABLE_KEY "amigo-copies-cancellable"

/* ---- a row whose button asks EC2 about the shown image ------------------ */

/* The Ancestry and Copies rows ask only when their button is clicked (the
 * details make no call of their own); a newer question, or another image
 * shown, cancels the one on its way. */
typedef struct {
  AmigoImageDetails *details;   /* owned */
  char *image_id;               /* the image it was asked about */
  GtkWidget *row;               /* the row (the pane's) */
  GtkWidget *button;            /* its button */
} Question;

static void
question_free (Question *question)
{
  g_object_unref (question->details);
  g_free (question->image_id);
  g_free (question);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Question, question_free)

typedef void (*AskFunc) (AmigoEc2            *ec2,
                         const char          *image_id,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data);

/* Cancels the question kept under @key, if one is on its way. */
static void
forget_question (AmigoImageDetails *self,
                 const char        *key)
{
  GCancellable *old = g_object_get_data (G_OBJECT (self), key);

  if (old != NULL)
    g_cancellable_cancel (old);
  g_object_set_data (G_OBJECT (self), key, NULL);
}

/* @button was clicked: @ask_func asks about the shown image, @callback
 * gets the Question. Returns FALSE when no image is shown. */
static gboolean
ask (AmigoImageDetails   *self,
     GtkButton           *button,
     const char          *key,
     AskFunc              ask_func,
     GAsyncReadyCallback  callback)
{
  GCancellable *cancellable;
  Question *question;

  forget_question (self, key);
  if (self->image == NULL || self->ec2 == NULL)
    return FALSE;
  cancellable = g_cancellable_new ();
  g_object_set_data_full (G_OBJECT (self), key, cancellable, g_object_unref);
  question = g_new0 (Question, 1);
  question->details = g_object_ref (self);
  question->image_id = g_strdup (amigo_image_get_image_id (self->image));
  question->button = GTK_WIDGET (button);
  question->row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  ask_func (self->ec2, question->image_id, cancellable, callback, question);
  return TRUE;
}

/* TRUE when @answered and the image asked about is still shown: the button
 * goes. Otherwise, where the call is unknown or refused, the row says why
 * and its button may ask again. */
static gboolean
question_answered (Question     *question,
                   gboolean      answered,
                   const GError *error)
{
  AmigoImageDetails *self = question->details;

  if (answered && self->image != NULL
      && g_strcmp0 (amigo_image_get_image_id (self->image), question->image_id) == 0)
    {
      gtk_widget_set_visible (question->button, FALSE);
      return TRUE;
    }
  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->image != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (question->row), error->message);
      gtk_widget_set_sensitive (question->button, TRUE);
    }
  return FALSE;
}

/* A row saying what its button (@mnemonic, widget name @name) would ask. */
static void
add_question_row (AmigoImageDetails *self,
                  const char        *title,
                  const char        *subtitle,
                  const char        *mnemonic,
                  const char        *name,
                  const char        *accessible_name,
                  GCallback          clicked)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (mnemonic);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_name (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_name, -1);
  g_signal_connect (button, "clicked", clicked, self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (self->source_group, row);
  g_ptr_array_add (self->rows, row);
}

/* ---- the ancestry of a copy --------------------------------------------- */

/* A step of the chain: "ami-… · eu-west-1", showing that image. */
static GtkWidget *
step_button (const char *image_id,
             const char *region)
{
  g_autofree char *label = g_strdup_printf ("%s · %s", image_id, region);
  /* Translators: the accessible name of a step of an image's ancestry */
  g_autofree char *name = g_strdup_printf (_("Show %s in %s"), image_id, region);
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-image");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(ss)", region, image_id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_name (button, image_id);
  return button;
}

static void
on_ancestry_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Question) question = user_data;
  AmigoImageDetails *self = question->details;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) chain = amigo_ec2_trace_image_ancestry_finish (AMIGO_EC2 (source), result, &error);
  GtkWidget *box;
  const char *region = amigo_ec2_get_region (AMIGO_EC2 (source));

  /* Unanswered: the source rows above stay the only word on it. */
  if (!question_answered (question, chain != NULL, error))
    return;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (question->row), _("From this image to the one it all started from"));
  box = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (box), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (box), 8);
  gtk_widget_set_name (box, "ancestry-chain");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Ancestry"), -1);
  for (guint i = 0; i < chain->len; i++)
    {
      AmigoImageAncestryEntry *entry = g_ptr_array_index (chain, i);

      if (i > 0)
        gtk_flow_box_append (GTK_FLOW_BOX (box), gtk_label_new ("←"));
      gtk_flow_box_append (GTK_FLOW_BOX (box), step_button (amigo_image_ancestry_entry_get_image_id (entry), region));
      /* The next entry lives where this one came from */
      if (amigo_image_ancestry_entry_get_source_image_region (entry) != NULL)
        region = amigo_image_ancestry_entry_get_source_image_region (entry);
    }
  adw_preferences_group_add (self->source_group, box);
  g_ptr_array_add (self->rows, box);
}

static void
on_trace_clicked_cb (GtkButton         *button,
                     AmigoImageDetails *self)
{
  ask (self, button, CANCELLABLE_KEY, amigo_ec2_trace_image_ancestry_async, on_ancestry_cb);
}

/* For a copy: an Ancestry row whose Trace button asks for the chain. */
void
_amigo_image_details_load_ancestry (AmigoImageDetails *self)
{
  forget_question (self, CANCELLABLE_KEY);
  if (self->image == NULL || self->ec2 == NULL
      || !_amigo_image_details_is_set (amigo_image_get_source_image_id (self->image)))
    return;

  add_question_row (self, _("Ancestry"), _("The images this copy came from, region by region"),
                    _("_Trace"), "ancestry-trace", _("Trace the ancestry"), G_CALLBACK (on_trace_clicked_cb));
}

/* ---- the copies of an image, region by region --------------------------- */

/* One row per region: the copy's id and state; activating it shows it. */
static GtkWidget *
copy_row (const AmigoImageCopy *copy)
{
  const char *image_id = amigo_image_get_image_id (copy->image);
  const char *state = amigo_image_get_state (copy->image);
  /* Translators: an image id, then its state (available, pending, disabled…) */
  g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), image_id, state != NULL ? state : "?");
  g_autofree char *name = g_strdup_printf ("copy-%s", copy->region);
  GtkWidget *row = amigo_action_row_new_literal (copy->region, subtitle);
  GtkWidget *button = step_button (image_id, copy->region);

  gtk_button_set_icon_name (GTK_BUTTON (button), "go-next-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Show the copy"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  gtk_widget_set_name (row, name);
  return row;
}

static void
on_copies_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Question) question = user_data;
  AmigoImageDetails *self = question->details;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) copies = amigo_ec2_find_image_copies_finish (AMIGO_EC2 (source), result, &error);

  if (!question_answered (question, copies != NULL, error))
    return;

  if (copies->len == 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (question->row), _("None in the account’s regions"));
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (question->row),
                                 g_dngettext (GETTEXT_PACKAGE, "One copy, by region:",
                                              "Its copies, region by region:", copies->len));
  for (guint i = 0; i < copies->len; i++)
    {
      GtkWidget *row = copy_row (g_ptr_array_index (copies, i));

      adw_preferences_group_add (self->source_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
on_find_copies_clicked_cb (GtkButton         *button,
                           AmigoImageDetails *self)
{
  if (ask (self, button, COPIES_CANCELLABLE_KEY, amigo_ec2_find_image_copies_async, on_copies_cb))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW)),
                                 _("Looking in every region of the account…"));
}

/**
 * _amigo_image_details_load_copies:
 *
 * A Copies row whose Find button looks for the account's copies of the
 * image in each of its regions (only when asked: the details make no call
 * of their own), then shows them one row per region.
 */
void
_amigo_image_details_load_copies (AmigoImageDetails *self)
{
  forget_question (self, COPIES_CANCELLABLE_KEY);
  if (self->image == NULL || self->ec2 == NULL)
    return;

  add_question_row (self, _("Copies"), _("The account’s copies of this image in other regions"),
                    _("_Find"), "copies-find", _("Find the copies in other regions"),
                    G_CALLBACK (on_find_copies_clicked_cb));
  gtk_widget_set_visible (GTK_WIDGET (self->source_group), TRUE);
}
