/* amigo-deregister-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Deregistering is the one action here that destroys something, so the
 * dialog first reads what it is about (each image as DescribeImages shows
 * it now, its EBS snapshots and their sizes), lists it, and asks again
 * with the exact list before doing anything. An image under
 * deregistration protection is listed as kept, with a way to turn the
 * protection off.
 *
 * Then each image is deregistered (without DeleteAssociatedSnapshots: the
 * snapshots are deleted one by one, so each failure is known), and, if
 * asked, exactly the snapshots that were listed are deleted, and only
 * those whose images are all gone now. What fails (a snapshot another
 * image uses, a missing permission) is reported on a last page, while what
 * succeeded stays done.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "amigo-actions.h"
#include "amigo-confirm.h"
#include "amigo-deregister-dialog-private.h"
#include "amigo-error.h"
#include "amigo-image-store.h"
#include "amigo-text.h"

G_DEFINE_FINAL_TYPE (AmigoDeregisterDialog, amigo_deregister_dialog, AMIGO_TYPE_ACTION_DIALOG)

/* ---- entries ---------------------------------------------------------- */

static void
image_entry_free (AmigoDeregisterImage *entry)
{
  g_free (entry->image_id);
  g_free (entry->region);
  g_clear_object (&entry->image);
  g_clear_pointer (&entry->snapshot_ids, g_ptr_array_unref);
  g_free (entry->error);
  g_free (entry);
}

static void
snapshot_entry_free (AmigoDeregisterSnapshot *entry)
{
  g_free (entry->snapshot_id);
  g_free (entry->region);
  g_free (entry->image_titles);
  g_free (entry->error);
  g_free (entry);
}

const char *
_amigo_deregister_image_title (AmigoDeregisterImage *entry)
{
  return entry->image != NULL ? amigo_action_dialog_image_title (entry->image) : entry->image_id;
}

/* Will be deregistered when the person confirms. */
gboolean
_amigo_deregister_image_is_doable (AmigoDeregisterImage *entry)
{
  return entry->image != NULL && !entry->protected;
}

static guint
count_doable (AmigoDeregisterDialog *self)
{
  guint n = 0;

  for (guint i = 0; i < self->images->len; i++)
    n += _amigo_deregister_image_is_doable (g_ptr_array_index (self->images, i));
  return n;
}

AmigoDeregisterSnapshot *
_amigo_deregister_dialog_find_snapshot (AmigoDeregisterDialog *self,
                                        const char            *region,
                                        const char            *snapshot_id)
{
  for (guint i = 0; i < self->snapshots->len; i++)
    {
      AmigoDeregisterSnapshot *entry = g_ptr_array_index (self->snapshots, i);

      if (g_str_equal (entry->snapshot_id, snapshot_id) && g_str_equal (entry->region, region))
        return entry;
    }
  return NULL;
}

static gint64
total_gib (AmigoDeregisterDialog *self,
           gboolean              *all_known)
{
  gint64 total = 0;

  *all_known = TRUE;
  for (guint i = 0; i < self->snapshots->len; i++)
    {
      AmigoDeregisterSnapshot *entry = g_ptr_array_index (self->snapshots, i);

      if (entry->size_gib >= 0)
        total += entry->size_gib;
      else
        *all_known = FALSE;
    }
  return total;
}

static char *
format_gib (gint64 gib)
{
  /* Translators: a size in gibibytes, as AWS writes volume sizes */
  return g_strdup_printf (_("%u GiB"), (guint) MIN (gib, G_MAXUINT));
}

/* ---- rows ------------------------------------------------------------- */

void
_amigo_deregister_dialog_clear_rows (AmigoDeregisterDialog *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

AdwActionRow *
_amigo_deregister_dialog_add_row (AmigoDeregisterDialog *self,
         AdwPreferencesGroup   *group,
         const char            *title,
         const char            *subtitle,
         const char            *icon_name,
         const char            *icon_class)
{
  AdwActionRow *row = ADW_ACTION_ROW (amigo_action_row_new_literal (title, subtitle != NULL ? subtitle : ""));

  adw_action_row_set_subtitle_lines (row, 0);
  if (icon_name != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      subtitle, -1);
      if (icon_class != NULL)
        gtk_widget_add_css_class (icon, icon_class);
      adw_action_row_add_prefix (row, icon);
    }
  adw_preferences_group_add (group, GTK_WIDGET (row));
  g_ptr_array_add (self->rows, row);
  return row;
}

/* ---- the confirmation page -------------------------------------------- */

static void on_unprotect_clicked_cb (GtkButton             *button,
                                     AmigoDeregisterDialog *self);

static char *
describe_image_entry (AmigoDeregisterDialog *self,
                      AmigoDeregisterImage  *entry)
{
  gint64 gib = 0;
  gboolean known = TRUE;
  guint n = entry->snapshot_ids->len;
  g_autofree char *snapshots = NULL;

  if (entry->image == NULL)
    return g_strdup (entry->error);
  if (entry->protected)
    return g_strdup (_("Deregistration protection is on: this image is kept. Turn the protection "
                       "off to deregister it."));
  if (n == 0)
    /* Translators: %s is an image id */
    return g_strdup_printf (_("%s · no snapshots"), entry->image_id);

  for (guint i = 0; i < n; i++)
    {
      AmigoDeregisterSnapshot *snapshot = _amigo_deregister_dialog_find_snapshot (self, entry->region,
                                                         g_ptr_array_index (entry->snapshot_ids, i));

      if (snapshot != NULL && snapshot->size_gib >= 0)
        gib += snapshot->size_gib;
      else
        known = FALSE;
    }
  if (known)
    {
      g_autofree char *size = format_gib (gib);

      /* Translators: the number of snapshots, then their total size */
      snapshots = g_strdup_printf (ngettext ("%u snapshot, %s", "%u snapshots, %s", n), n, size);
    }
  else
    snapshots = g_strdup_printf (ngettext ("%u snapshot", "%u snapshots", n), n);
  /* Translators: an image id, then what its snapshots are */
  return g_strdup_printf (_("%s · %s"), entry->image_id, snapshots);
}

void
_amigo_deregister_dialog_show_confirm (AmigoDeregisterDialog *self)
{
  gboolean all_known;
  gint64 gib = total_gib (self, &all_known);
  guint n_snapshots = self->snapshots->len;
  guint n_images = count_doable (self);
  g_autofree char *size = format_gib (gib);
  g_autofree char *check_title = NULL;
  g_autofree char *button_label = NULL;

  _amigo_deregister_dialog_clear_rows (self);
  for (guint i = 0; i < self->images->len; i++)
    {
      AmigoDeregisterImage *entry = g_ptr_array_index (self->images, i);
      g_autofree char *subtitle = describe_image_entry (self, entry);
      gboolean doable = _amigo_deregister_image_is_doable (entry);

      entry->row = _amigo_deregister_dialog_add_row (self, self->images_group,
                                                     _amigo_deregister_image_title (entry), subtitle,
                            doable ? NULL : "changes-prevent-symbolic", doable ? NULL : "warning");
      entry->unprotect_button = NULL;
      if (entry->protected)
        {
          g_autofree char *label = NULL;

          entry->unprotect_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Turn Off Protection")));
          gtk_widget_set_valign (GTK_WIDGET (entry->unprotect_button), GTK_ALIGN_CENTER);
          /* Translators: %s is an image's name (or id) */
          label = g_strdup_printf (_("Turn off the deregistration protection of %s"), _amigo_deregister_image_title (entry));
          gtk_accessible_update_property (GTK_ACCESSIBLE (entry->unprotect_button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          g_signal_connect (entry->unprotect_button, "clicked", G_CALLBACK (on_unprotect_clicked_cb), self);
          adw_action_row_add_suffix (entry->row, GTK_WIDGET (entry->unprotect_button));
        }
    }

  for (guint i = 0; i < self->snapshots->len; i++)
    {
      AmigoDeregisterSnapshot *entry = g_ptr_array_index (self->snapshots, i);
      g_autofree char *subtitle = NULL;

      if (entry->size_gib >= 0)
        {
          g_autofree char *entry_size = format_gib (entry->size_gib);

          /* Translators: a snapshot's size, then the images it belongs to */
          subtitle = g_strdup_printf (_("%s · %s"), entry_size, entry->image_titles);
        }
      else
        subtitle = g_strdup (entry->image_titles);
      entry->row = _amigo_deregister_dialog_add_row (self, self->snapshots_group, entry->snapshot_id,
                                                     subtitle, NULL, NULL);
    }

  if (n_snapshots == 1 && all_known)
    /* Translators: %s is the snapshot's size, e.g. “8 GiB” */
    check_title = g_strdup_printf (_("Also delete this snapshot (%s)"), size);
  else if (n_snapshots == 1)
    check_title = g_strdup (_("Also delete this snapshot"));
  else if (all_known)
    /* Translators: the number of snapshots (2 or more), then their total size, e.g. “16 GiB” */
    check_title = g_strdup_printf (ngettext ("Also delete these %u snapshots (%s)",
                                             "Also delete these %u snapshots (%s)", n_snapshots),
                                   n_snapshots, size);
  else
    check_title = g_strdup_printf (ngettext ("Also delete these %u snapshots",
                                             "Also delete these %u snapshots", n_snapshots),
                                   n_snapshots);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->delete_row), check_title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->delete_check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, check_title, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->snapshots_group), n_snapshots > 0);

  if (n_images == 0)
    button_label = g_strdup (_("_Deregister"));
  else
    button_label = g_strdup_printf (ngettext ("_Deregister %u Image", "_Deregister %u Images", n_images),
                                    n_images);
  gtk_button_set_label (self->deregister_button, button_label);

  gtk_stack_set_visible_child_name (self->stack, "confirm");
  _amigo_deregister_dialog_update_state (self);
}

/* ---- turning protection off ------------------------------------------- */

static void
unprotect_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(AmigoDeregisterDialog) self = user_data;
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *state = NULL;

  state = amigo_ec2_disable_image_deregistration_protection_finish (AMIGO_EC2 (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  amigo_action_dialog_set_busy (base, FALSE);
  if (state == NULL)
    {
      amigo_action_dialog_show_error (base, _("Could not turn the protection off"), error);
      return;
    }
  amigo_action_context_changed (amigo_action_dialog_get_context (base));
  _amigo_deregister_dialog_load (self);
}

static void
on_unprotect_clicked_cb (GtkButton             *button,
                         AmigoDeregisterDialog *self)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);

  for (guint i = 0; i < self->images->len; i++)
    {
      AmigoDeregisterImage *entry = g_ptr_array_index (self->images, i);
      g_autoptr(AmigoEc2) ec2 = NULL;
      g_autoptr(GError) error = NULL;

      if (entry->unprotect_button != button)
        continue;
      ec2 = amigo_action_dialog_dup_ec2 (base, entry->region, &error);
      if (ec2 == NULL)
        {
          amigo_action_dialog_show_error (base, _("Could not turn the protection off"), error);
          return;
        }
      amigo_action_dialog_show_problem (base, NULL);
      amigo_action_dialog_set_busy (base, TRUE);
      amigo_ec2_disable_image_deregistration_protection_async (ec2, entry->image_id,
                                                               amigo_action_dialog_get_cancellable (base),
                                                               unprotect_cb, g_object_ref (self));
      return;
    }
}

static void
on_confirm_response_cb (AdwMessageDialog      *dialog,
                        const char            *response,
                        AmigoDeregisterDialog *self)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);

  if (g_strcmp0 (response, "deregister") != 0 || amigo_action_dialog_get_busy (base) ||
      self->loading || self->finished)
    return;

  self->delete_snapshots = gtk_check_button_get_active (self->delete_check) && self->snapshots->len > 0;
  _amigo_deregister_dialog_start (self);
}

/* The question restates exactly what goes. */
static char *
confirm_body (AmigoDeregisterDialog *self,
              gboolean               delete_snapshots)
{
  GString *body = g_string_new (NULL);
  guint n_images = count_doable (self);
  guint n_kept = self->images->len - n_images;

  g_string_append (body, ngettext ("This image will be deregistered: no one can launch instances "
                                   "from it any more.",
                                   "These images will be deregistered: no one can launch instances "
                                   "from them any more.", n_images));
  g_string_append_c (body, '\n');
  for (guint i = 0; i < self->images->len; i++)
    {
      AmigoDeregisterImage *entry = g_ptr_array_index (self->images, i);

      if (_amigo_deregister_image_is_doable (entry))
        /* Translators: a line of a list: an image's name, then its id */
        g_string_append_printf (body, _("• %s (%s)\n"), _amigo_deregister_image_title (entry), entry->image_id);
    }

  if (delete_snapshots)
    {
      g_string_append_c (body, '\n');
      g_string_append (body, ngettext ("This snapshot will be deleted:", "These snapshots will be deleted:",
                                       self->snapshots->len));
      g_string_append_c (body, '\n');
      for (guint i = 0; i < self->snapshots->len; i++)
        {
          AmigoDeregisterSnapshot *entry = g_ptr_array_index (self->snapshots, i);

          if (entry->size_gib >= 0)
            {
              g_autofree char *size = format_gib (entry->size_gib);

              /* Translators: a line of a list: a snapshot id, then its size */
              g_string_append_printf (body, _("• %s (%s)\n"), entry->snapshot_id, size);
            }
          else
            g_string_append_printf (body, "• %s\n", entry->snapshot_id);
        }
    }
  else if (self->snapshots->len > 0)
    {
      g_string_append_c (body, '\n');
      g_string_append (body, ngettext ("Its snapshot is kept.", "Their snapshots are kept.",
                                       self->snapshots->len));
      g_string_append_c (body, '\n');
    }

  if (n_kept > 0)
    {
      g_string_append_c (body, '\n');
      g_string_append (body, ngettext ("The image under deregistration protection is kept.",
                                       "The images under deregistration protection are kept.", n_kept));
      g_string_append_c (body, '\n');
    }

  g_string_append_c (body, '\n');
  g_string_append (body, _("This cannot be undone."));
  return g_string_free (body, FALSE);
}

static void
ask_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AmigoDeregisterDialog *self = AMIGO_DEREGISTER_DIALOG (widget);
  guint n_images = count_doable (self);
  gboolean delete_snapshots = gtk_check_button_get_active (self->delete_check) && self->snapshots->len > 0;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *button = NULL;
  AdwMessageDialog *dialog;

  if (n_images == 0)
    return;

  heading = g_strdup_printf (ngettext ("Deregister %u Image?", "Deregister %u Images?", n_images), n_images);
  body = confirm_body (self, delete_snapshots);
  button = g_strdup_printf (ngettext ("_Deregister %u Image", "_Deregister %u Images", n_images), n_images);
  dialog = amigo_confirm_new (GTK_WINDOW (self), heading, body, "cancel", _("_Cancel"), "deregister", button);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response_cb), self, 0);

  g_set_weak_pointer (&self->confirm_dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  _amigo_deregister_dialog_load (AMIGO_DEREGISTER_DIALOG (widget));
}

/* ---- state ------------------------------------------------------------ */

void
_amigo_deregister_dialog_update_state (AmigoDeregisterDialog *self)
{
  gboolean busy = amigo_action_dialog_get_busy (AMIGO_ACTION_DIALOG (self));
  gboolean ready = !self->loading && !busy && !self->finished &&
                   g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "confirm") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deregister.ask", ready && count_doable (self) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "deregister.reload", !self->loading && !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->delete_row), ready);
  for (guint i = 0; i < self->images->len; i++)
    {
      AmigoDeregisterImage *entry = g_ptr_array_index (self->images, i);

      if (entry->unprotect_button != NULL)
        gtk_widget_set_sensitive (GTK_WIDGET (entry->unprotect_button), ready);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->deregister_button), !self->finished);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), !self->finished);
  gtk_widget_set_visible (GTK_WIDGET (self->close_button), self->finished);
  gtk_window_set_default_widget (GTK_WINDOW (self),
                                 GTK_WIDGET (self->finished ? self->close_button : self->cancel_button));
}

static void
on_delete_toggled_cb (AmigoDeregisterDialog *self)
{
  _amigo_deregister_dialog_update_state (self);
}

/* ---- object ----------------------------------------------------------- */

static void
busy_changed (AmigoActionDialog *dialog)
{
  _amigo_deregister_dialog_update_state (AMIGO_DEREGISTER_DIALOG (dialog));
}

static void
amigo_deregister_dialog_dispose (GObject *object)
{
  AmigoDeregisterDialog *self = AMIGO_DEREGISTER_DIALOG (object);

  g_clear_weak_pointer (&self->confirm_dialog);

  gtk_widget_dispose_template (GTK_WIDGET (self), AMIGO_TYPE_DEREGISTER_DIALOG);

  G_OBJECT_CLASS (amigo_deregister_dialog_parent_class)->dispose (object);
}

static void
amigo_deregister_dialog_finalize (GObject *object)
{
  AmigoDeregisterDialog *self = AMIGO_DEREGISTER_DIALOG (object);

  g_ptr_array_unref (self->images);
  g_ptr_array_unref (self->snapshots);
  g_ptr_array_unref (self->rows);
  g_free (self->load_error);

  G_OBJECT_CLASS (amigo_deregister_dialog_parent_class)->finalize (object);
}

static void
amigo_deregister_dialog_class_init (AmigoDeregisterDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AmigoActionDialogClass *dialog_class = AMIGO_ACTION_DIALOG_CLASS (klass);

  object_class->dispose = amigo_deregister_dialog_dispose;
  object_class->finalize = amigo_deregister_dialog_finalize;
  dialog_class->busy_changed = busy_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/actions/amigo-deregister-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoDeregisterDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AmigoDeregisterDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoDeregisterDialog, deregister_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoDeregisterDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoDeregisterDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, AmigoDeregisterDialog, failed_page);
  gtk_widget_class_bind_template_child (widget_class, AmigoDeregisterDialog, images_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoDeregisterDialog, snapshots_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoDeregisterDialog, delete_row);
  gtk_widget_class_bind_template_child (widget_class, AmigoDeregisterDialog, delete_check);
  gtk_widget_class_bind_template_child (widget_class, AmigoDeregisterDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AmigoDeregisterDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AmigoDeregisterDialog, not_done_group);
  gtk_widget_class_bind_template_child (widget_class, AmigoDeregisterDialog, done_group);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_toggled_cb);

  gtk_widget_class_install_action (widget_class, "deregister.ask", NULL, ask_action);
  gtk_widget_class_install_action (widget_class, "deregister.reload", NULL, reload_action);
}

static void
amigo_deregister_dialog_init (AmigoDeregisterDialog *self)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  amigo_action_dialog_set_busy_display (base, NULL, "deregister.ask", "deregister.reload", NULL);
  amigo_action_dialog_set_error_display (base, NULL, GTK_WIDGET (self->error_label));
  self->images = g_ptr_array_new_with_free_func ((GDestroyNotify) image_entry_free);
  self->snapshots = g_ptr_array_new_with_free_func ((GDestroyNotify) snapshot_entry_free);
  self->rows = g_ptr_array_new ();
}

/**
 * amigo_deregister_dialog_new:
 * @parent: the window it belongs to
 * @context: the images (one or more, owned by the account)
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
GtkWindow *
amigo_deregister_dialog_new (GtkWindow          *parent,
                             AmigoActionContext *context)
{
  AmigoDeregisterDialog *self;
  GPtrArray *images = amigo_action_context_get_images (context);
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (AMIGO_IS_ACTION_CONTEXT (context), NULL);
  g_return_val_if_fail (images->len > 0, NULL);

  self = g_object_new (AMIGO_TYPE_DEREGISTER_DIALOG, "transient-for", parent, "context", context, NULL);

  subtitle = amigo_action_dialog_dup_images_title (AMIGO_ACTION_DIALOG (self));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  _amigo_deregister_dialog_load (self);

  return GTK_WINDOW (self);
}

/* For its tests: what it is doing (describing; deregistering, deleting or
 * turning protection off), whether the result page is shown, and counts. */
gboolean
amigo_deregister_dialog_get_loading (AmigoDeregisterDialog *self)
{
  return self->loading;
}

gboolean
amigo_deregister_dialog_get_finished (AmigoDeregisterDialog *self)
{
  return self->finished;
}

guint
amigo_deregister_dialog_get_n_deregistered (AmigoDeregisterDialog *self)
{
  return self->n_deregistered;
}

guint
amigo_deregister_dialog_get_n_deleted (AmigoDeregisterDialog *self)
{
  return self->n_deleted;
}

/* Returns: (transfer full): the snapshots listed. */
GStrv
amigo_deregister_dialog_dup_snapshot_ids (AmigoDeregisterDialog *self)
{
  GStrv ids = g_new0 (char *, self->snapshots->len + 1);

  for (guint i = 0; i < self->snapshots->len; i++)
    ids[i] = g_strdup (((AmigoDeregisterSnapshot *) g_ptr_array_index (self->snapshots, i))->snapshot_id);
  return ids;
}

/* Returns: (transfer none) (nullable): the question before deleting. */
AdwMessageDialog *
amigo_deregister_dialog_get_confirm_dialog (AmigoDeregisterDialog *self)
{
  return self->confirm_dialog;
}
