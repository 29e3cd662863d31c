/* amigo-tags-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The image's tags as key/value lines, prefilled from DescribeImages. Each
 * line is checked as it is typed (a key of 1–128 characters, used once,
 * not starting with "aws:"; a value of at most 256), and Save sends the
 * difference: CreateTags for the new and changed tags, then DeleteTags for
 * the keys that are gone. A line left entirely empty is ignored. Tags AWS
 * itself set (aws:…) are shown but cannot be changed.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "amigo-actions.h"
#include "amigo-tag-row.h"
#include "amigo-tags-dialog-private.h"

G_DEFINE_FINAL_TYPE (AmigoTagsDialog, amigo_tags_dialog, AMIGO_TYPE_ACTION_DIALOG)

static void update_state (AmigoTagsDialog *self);

/* ---- lines ------------------------------------------------------------ */

static void
line_free (AmigoTagLine *line)
{
  g_free (line);
}

static const char *
line_key (AmigoTagLine *line)
{
  return gtk_editable_get_text (GTK_EDITABLE (line->key_entry));
}

static const char *
line_value (AmigoTagLine *line)
{
  return gtk_editable_get_text (GTK_EDITABLE (line->value_entry));
}

static gboolean
line_is_empty (AmigoTagLine *line)
{
  return *line_key (line) == '\0' && *line_value (line) == '\0';
}

static void
on_remove_clicked_cb (GtkButton       *button,
                      AmigoTagsDialog *self)
{
  for (guint i = 0; i < self->lines->len; i++)
    {
      AmigoTagLine *line = g_ptr_array_index (self->lines, i);

      if (line->remove_button == button)
        {
          gtk_list_box_remove (self->tags_list, GTK_WIDGET (line->row));
          g_ptr_array_remove_index (self->lines, i);
          break;
        }
    }
  amigo_action_dialog_show_problem (AMIGO_ACTION_DIALOG (self), NULL);
  update_state (self);
}

static void
on_line_changed_cb (AmigoTagsDialog *self)
{
  amigo_action_dialog_show_problem (AMIGO_ACTION_DIALOG (self), NULL);
  update_state (self);
}

static AmigoTagLine *
add_line (AmigoTagsDialog *self,
          const char      *key,
          const char      *value)
{
  AmigoTagLine *line = g_new0 (AmigoTagLine, 1);
  AmigoTagRow *row = AMIGO_TAG_ROW (amigo_tag_row_new ());

  line->reserved = key != NULL && amigo_ec2_tag_key_is_reserved (key);
  line->row = GTK_LIST_BOX_ROW (row);
  line->key_entry = GTK_ENTRY (amigo_tag_row_get_key_entry (row));
  line->value_entry = GTK_ENTRY (amigo_tag_row_get_value_entry (row));
  line->problem_label = amigo_tag_row_get_problem_label (row);
  gtk_editable_set_text (GTK_EDITABLE (line->key_entry), key != NULL ? key : "");
  gtk_editable_set_text (GTK_EDITABLE (line->value_entry), value != NULL ? value : "");
  g_signal_connect_swapped (line->key_entry, "changed", G_CALLBACK (on_line_changed_cb), self);
  g_signal_connect_swapped (line->value_entry, "changed", G_CALLBACK (on_line_changed_cb), self);

  if (line->reserved)
    amigo_tag_row_set_reserved (row);
  else
    {
      line->remove_button = amigo_tag_row_get_remove_button (row);
      g_signal_connect (line->remove_button, "clicked", G_CALLBACK (on_remove_clicked_cb), self);
    }

  gtk_list_box_append (self->tags_list, GTK_WIDGET (row));
  g_ptr_array_add (self->lines, line);
  return line;
}

/* ---- checking --------------------------------------------------------- */

/* Shows what is wrong with each line; returns how many lines are wrong. */
static guint
check_lines (AmigoTagsDialog *self,
             guint           *n_tags)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_bad = 0;

  *n_tags = 0;
  for (guint i = 0; i < self->lines->len; i++)
    {
      AmigoTagLine *line = g_ptr_array_index (self->lines, i);
      g_autofree char *key_problem = NULL;
      g_autofree char *value_problem = NULL;

      if (line_is_empty (line))
        {
          amigo_action_dialog_show_field_problem (GTK_WIDGET (line->key_entry), line->problem_label, NULL);
          amigo_action_dialog_show_field_problem (GTK_WIDGET (line->value_entry), NULL, NULL);
          continue;
        }
      (*n_tags)++;

      /* AWS's own tags are shown as they are, not checked. */
      if (line->reserved)
        g_hash_table_add (seen, g_strdup (line_key (line)));
      else
        amigo_tags_check_tag (line_key (line), line_value (line), seen, &key_problem, &value_problem);

      amigo_action_dialog_show_field_problem (GTK_WIDGET (line->key_entry), NULL, key_problem);
      amigo_action_dialog_show_field_problem (GTK_WIDGET (line->value_entry), NULL, value_problem);
      amigo_action_dialog_show_field_problem (NULL, line->problem_label,
                                              key_problem != NULL ? key_problem : value_problem);
      if (key_problem != NULL || value_problem != NULL)
        n_bad++;
    }
  return n_bad;
}

/* CreateTags for what is new or changed, DeleteTags for the keys that are
 * gone (strings borrowed from the entries and @self->original). */
static void
compute_change (AmigoTagsDialog *self,
                GArray          *set,
                GArray          *unset)
{
  g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < self->lines->len; i++)
    {
      AmigoTagLine *line = g_ptr_array_index (self->lines, i);
      AmigoEc2Tag tag = { line_key (line), line_value (line) };
      const char *current;

      if (line->reserved || line_is_empty (line))
        continue;
      g_hash_table_add (shown, (gpointer) tag.key);
      current = g_hash_table_lookup (self->original, tag.key);
      if (current == NULL || strcmp (current, tag.value) != 0)
        g_array_append_val (set, tag);
    }

  g_hash_table_iter_init (&iter, self->original);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (shown, key))
      {
        /* No value: whatever the value, the key goes. */
        AmigoEc2Tag tag = { key, NULL };

        g_array_append_val (unset, tag);
      }
}

/* ---- state ------------------------------------------------------------ */

static void
update_state (AmigoTagsDialog *self)
{
  g_autoptr(GArray) set = g_array_new (FALSE, FALSE, sizeof (AmigoEc2Tag));
  g_autoptr(GArray) unset = g_array_new (FALSE, FALSE, sizeof (AmigoEc2Tag));
  g_autofree char *problem = NULL;
  gboolean busy = amigo_action_dialog_get_busy (AMIGO_ACTION_DIALOG (self));
  guint n_tags = 0;
  guint n_bad = check_lines (self, &n_tags);

  compute_change (self, set, unset);
  problem = amigo_tags_check_count (n_tags);
  amigo_action_dialog_show_field_problem (NULL, self->problem_label, problem);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tags.save",
                                 !busy && n_bad == 0 && problem == NULL &&
                                 set->len + unset->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "tags.add", !busy);

  for (guint i = 0; i < self->lines->len; i++)
    {
      AmigoTagLine *line = g_ptr_array_index (self->lines, i);

      /* Not insensitive: GTK 4.8 then keeps blinking the cursor of a
       * field that had the focus. */
      gtk_editable_set_editable (GTK_EDITABLE (line->key_entry), !line->reserved && !busy);
      gtk_editable_set_editable (GTK_EDITABLE (line->value_entry), !line->reserved && !busy);
      if (line->remove_button != NULL)
        gtk_widget_set_sensitive (GTK_WIDGET (line->remove_button), !busy);
    }
}

/* ---- saving ----------------------------------------------------------- */

static void save_next (AmigoTagsDialog *self);

static void
saving_failed (AmigoTagsDialog *self,
               const GError    *error)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);

  amigo_action_dialog_set_busy (base, FALSE);
  amigo_action_dialog_show_error (base, _("Could not save the tags"), error);
}

static void
create_tags_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AmigoTagsDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  amigo_ec2_create_tags_finish (AMIGO_EC2 (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      saving_failed (self, error);
      return;
    }

  /* Done, whatever happens next: pressing Save again sends only the rest. */
  for (guint i = 0; i < self->lines->len; i++)
    {
      AmigoTagLine *line = g_ptr_array_index (self->lines, i);

      if (!line->reserved && !line_is_empty (line))
        g_hash_table_replace (self->original, g_strdup (line_key (line)), g_strdup (line_value (line)));
    }
  save_next (self);
}

static void
delete_tags_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AmigoTagsDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) set = g_array_new (FALSE, FALSE, sizeof (AmigoEc2Tag));
  g_autoptr(GArray) unset = g_array_new (FALSE, FALSE, sizeof (AmigoEc2Tag));

  amigo_ec2_delete_tags_finish (AMIGO_EC2 (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      saving_failed (self, error);
      return;
    }

  compute_change (self, set, unset);
  for (guint i = 0; i < unset->len; i++)
    g_hash_table_remove (self->original, g_array_index (unset, AmigoEc2Tag, i).key);
  save_next (self);
}

/* Sends what is still to do: the new and changed tags first, then the
 * removals; closes when nothing is left. */
static void
save_next (AmigoTagsDialog *self)
{
  g_autoptr(GArray) set = g_array_new (FALSE, FALSE, sizeof (AmigoEc2Tag));
  g_autoptr(GArray) unset = g_array_new (FALSE, FALSE, sizeof (AmigoEc2Tag));
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);
  const char *ids[] = { amigo_image_get_image_id (amigo_action_dialog_get_image (base)), NULL };
  g_autoptr(AmigoEc2) ec2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;

  compute_change (self, set, unset);
  if (set->len + unset->len > 0)
    {
      ec2 = amigo_action_dialog_dup_ec2 (base, NULL, &error);
      if (ec2 == NULL)
        {
          saving_failed (self, error);
          return;
        }
      /* The requests are serialized before these return. */
      if (set->len > 0)
        amigo_ec2_create_tags_async (ec2, ids, (AmigoEc2Tag *) set->data, set->len,
                                     amigo_action_dialog_get_cancellable (base), create_tags_cb, g_object_ref (self));
      else
        amigo_ec2_delete_tags_async (ec2, ids, (AmigoEc2Tag *) unset->data, unset->len,
                                     amigo_action_dialog_get_cancellable (base), delete_tags_cb, g_object_ref (self));
      return;
    }

  /* Translators: %s is the image's name (or id) */
  toast = g_strdup_printf (_("Tags of “%s” saved"), amigo_action_dialog_image_title (amigo_action_dialog_get_image (base)));
  amigo_action_dialog_done (base, toast);
}

/* ---- actions ---------------------------------------------------------- */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AmigoTagsDialog *self = AMIGO_TAGS_DIALOG (widget);
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);

  amigo_action_dialog_show_problem (base, NULL);
  amigo_action_dialog_set_busy (base, TRUE);
  save_next (self);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  AmigoTagsDialog *self = AMIGO_TAGS_DIALOG (widget);
  AmigoTagLine *line = add_line (self, NULL, NULL);

  update_state (self);
  gtk_widget_grab_focus (GTK_WIDGET (line->key_entry));
}

/* ---- object ----------------------------------------------------------- */

static void
busy_changed (AmigoActionDialog *dialog)
{
  update_state (AMIGO_TAGS_DIALOG (dialog));
}

static void
amigo_tags_dialog_dispose (GObject *object)
{
  AmigoTagsDialog *self = AMIGO_TAGS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AMIGO_TYPE_TAGS_DIALOG);

  G_OBJECT_CLASS (amigo_tags_dialog_parent_class)->dispose (object);
}

static void
amigo_tags_dialog_finalize (GObject *object)
{
  AmigoTagsDialog *self = AMIGO_TAGS_DIALOG (object);

  g_hash_table_unref (self->original);
  g_ptr_array_unref (self->lines);

  G_OBJECT_CLASS (amigo_tags_dialog_parent_class)->finalize (object);
}

static void
amigo_tags_dialog_class_init (AmigoTagsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AmigoActionDialogClass *dialog_class = AMIGO_ACTION_DIALOG_CLASS (klass);

  object_class->dispose = amigo_tags_dialog_dispose;
  object_class->finalize = amigo_tags_dialog_finalize;
  dialog_class->busy_changed = busy_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/actions/amigo-tags-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoTagsDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AmigoTagsDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoTagsDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, AmigoTagsDialog, tags_list);
  gtk_widget_class_bind_template_child (widget_class, AmigoTagsDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoTagsDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, AmigoTagsDialog, error_label);

  gtk_widget_class_install_action (widget_class, "tags.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "tags.add", NULL, add_action);
}

static void
amigo_tags_dialog_init (AmigoTagsDialog *self)
{
  AmigoActionDialog *base = AMIGO_ACTION_DIALOG (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  amigo_action_dialog_set_busy_display (base, self->spinner, "tags.save", "tags.add", NULL);
  amigo_action_dialog_set_error_display (base, NULL, GTK_WIDGET (self->error_label));
  self->original = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
}

/**
 * amigo_tags_dialog_new:
 * @parent: the window it belongs to
 * @context: the image (one, owned by the account)
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
GtkWindow *
amigo_tags_dialog_new (GtkWindow          *parent,
                       AmigoActionContext *context)
{
  AmigoTagsDialog *self;
  AmigoImage *image = amigo_action_context_get_image (context);
  const AmigoTag *tags;
  guint n_tags = 0;

  g_return_val_if_fail (AMIGO_IS_ACTION_CONTEXT (context), NULL);
  g_return_val_if_fail (image != NULL, NULL);

  self = g_object_new (AMIGO_TYPE_TAGS_DIALOG, "transient-for", parent, "context", context, NULL);

  adw_window_title_set_subtitle (self->window_title, amigo_action_dialog_image_title (image));
  tags = amigo_image_get_tags (image, &n_tags);
  for (guint i = 0; i < n_tags; i++)
    {
      const char *value = tags[i].value != NULL ? tags[i].value : "";

      add_line (self, tags[i].key, value);
      if (!amigo_ec2_tag_key_is_reserved (tags[i].key))
        g_hash_table_replace (self->original, g_strdup (tags[i].key), g_strdup (value));
    }
  /* An image without tags: a line ready to type in. */
  if (n_tags == 0)
    add_line (self, NULL, NULL);

  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  update_state (self);

  return GTK_WINDOW (self);
}
