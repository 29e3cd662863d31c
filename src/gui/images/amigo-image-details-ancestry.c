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

typedef struct {
  AmigoImageDetails *details;   /* owned */
  char *image_id;               /* the image it was asked for */
  GtkWidget *row;               /* the Ancestry row (the pane's) */
  GtkWidget *button;            /* its Trace button */
} Ancestry;

static void
ancestry_free (Ancestry *ancestry)
{
  g_object_unref (ancestry->details);
  g_free (ancestry->image_id);
  g_free (ancestry);
}

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
  Ancestry *ancestry = user_data;
  AmigoImageDetails *self = ancestry->details;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) chain = amigo_ec2_trace_image_ancestry_finish (AMIGO_EC2 (source), result, &error);
  GtkWidget *row;
  GtkWidget *box;
  const char *region = amigo_ec2_get_region (AMIGO_EC2 (source));

  if (chain == NULL || self->image == NULL
      || g_strcmp0 (amigo_image_get_image_id (self->image), ancestry->image_id) != 0)
    {
      /* Where the call is unknown or refused, the source rows above stay
       * the only word on it; the row says why. */
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->image != NULL)
        {
          adw_action_row_set_subtitle (ADW_ACTION_ROW (ancestry->row), error->message);
          gtk_widget_set_sensitive (ancestry->button, TRUE);
        }
      ancestry_free (ancestry);
      return;
    }

  row = ancestry->row;
  gtk_widget_set_visible (ancestry->button, FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("From this image to the one it all started from"));
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
  ancestry_free (ancestry);
}

static void
on_trace_clicked_cb (GtkButton         *button,
                     AmigoImageDetails *self)
{
  GCancellable *old = g_object_get_data (G_OBJECT (self), CANCELLABLE_KEY);
  GCancellable *cancellable;
  Ancestry *ancestry;

  if (old != NULL)
    g_cancellable_cancel (old);
  if (self->image == NULL || self->ec2 == NULL)
    return;
  cancellable = g_cancellable_new ();
  g_object_set_data_full (G_OBJECT (self), CANCELLABLE_KEY, cancellable, g_object_unref);
  ancestry = g_new0 (Ancestry, 1);
  ancestry->details = g_object_ref (self);
  ancestry->image_id = g_strdup (amigo_image_get_image_id (self->image));
  ancestry->button = GTK_WIDGET (button);
  ancestry->row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  amigo_ec2_trace_image_ancestry_async (self->ec2, ancestry->image_id, cancellable, on_ancestry_cb, ancestry);
}

/* For a copy: an Ancestry row whose Trace button asks for the chain. */
void
_amigo_image_details_load_ancestry (AmigoImageDetails *self)
{
  GCancellable *old = g_object_get_data (G_OBJECT (self), CANCELLABLE_KEY);
  GtkWidget *row;
  GtkWidget *button;

  if (old != NULL)
    g_cancellable_cancel (old);
  g_object_set_data (G_OBJECT (self), CANCELLABLE_KEY, NULL);
  if (self->image == NULL || self->ec2 == NULL
      || !_amigo_image_details_is_set (amigo_image_get_source_image_id (self->image)))
    return;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Ancestry"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("The images this copy came from, region by region"));
  button = gtk_button_new_with_mnemonic (_("_Trace"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_name (button, "ancestry-trace");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Trace the ancestry"), -1);
  g_signal_connect (button, "clicked", G_CALLBACK (on_trace_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (self->source_group, row);
  g_ptr_array_add (self->rows, row);
}

/* ---- the copies of an image, region by region --------------------------- */

#define COPIES_CANCELLABLE_KEY "amigo-copies-cancellable"

typedef struct {
  AmigoImageDetails *details;   /* owned */
  char *image_id;               /* the image they were asked for */
  GtkWidget *row;               /* the Copies row (the pane's) */
  GtkWidget *button;            /* its Find button */
} CopiesSearch;

static void
copies_search_free (CopiesSearch *search)
{
  g_object_unref (search->details);
  g_free (search->image_id);
  g_free (search);
}

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
  CopiesSearch *search = user_data;
  AmigoImageDetails *self = search->details;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) copies = amigo_ec2_find_image_copies_finish (AMIGO_EC2 (source), result, &error);

  if (copies == NULL || self->image == NULL
      || g_strcmp0 (amigo_image_get_image_id (self->image), search->image_id) != 0)
    {
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && self->image != NULL)
        {
          adw_action_row_set_subtitle (ADW_ACTION_ROW (search->row), error->message);
          gtk_widget_set_sensitive (search->button, TRUE);
        }
      copies_search_free (search);
      return;
    }

  gtk_widget_set_visible (search->button, FALSE);
  if (copies->len == 0)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (search->row), _("None in the account’s regions"));
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (search->row),
                                 g_dngettext (GETTEXT_PACKAGE, "One copy, by region:",
                                              "Its copies, region by region:", copies->len));
  for (guint i = 0; i < copies->len; i++)
    {
      GtkWidget *row = copy_row (g_ptr_array_index (copies, i));

      adw_preferences_group_add (self->source_group, row);
      g_ptr_array_add (self->rows, row);
    }
  copies_search_free (search);
}

static void
on_find_copies_clicked_cb (GtkButton         *button,
                           AmigoImageDetails *self)
{
  GCancellable *old = g_object_get_data (G_OBJECT (self), COPIES_CANCELLABLE_KEY);
  GCancellable *cancellable;
  CopiesSearch *search;

  if (old != NULL)
    g_cancellable_cancel (old);
  if (self->image == NULL || self->ec2 == NULL)
    return;
  cancellable = g_cancellable_new ();
  g_object_set_data_full (G_OBJECT (self), COPIES_CANCELLABLE_KEY, cancellable, g_object_unref);
  search = g_new0 (CopiesSearch, 1);
  search->details = g_object_ref (self);
  search->image_id = g_strdup (amigo_image_get_image_id (self->image));
  search->button = GTK_WIDGET (button);
  search->row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (search->row), _("Looking in every region of the account…"));
  amigo_ec2_find_image_copies_async (self->ec2, search->image_id, cancellable, on_copies_cb, search);
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
  GCancellable *old = g_object_get_data (G_OBJECT (self), COPIES_CANCELLABLE_KEY);
  GtkWidget *row;
  GtkWidget *button;

  if (old != NULL)
    g_cancellable_cancel (old);
  g_object_set_data (G_OBJECT (self), COPIES_CANCELLABLE_KEY, NULL);
  if (self->image == NULL || self->ec2 == NULL)
    return;

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Copies"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("The account’s copies of this image in other regions"));
  button = gtk_button_new_with_mnemonic (_("_Find"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_name (button, "copies-find");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Find the copies in other regions"), -1);
  g_signal_connect (button, "clicked", G_CALLBACK (on_find_copies_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_preferences_group_add (self->source_group, row);
  g_ptr_array_add (self->rows, row);
  gtk_widget_set_visible (GTK_WIDGET (self->source_group), TRUE);
}
