/* amigo-tags-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list of key/value rows under a "Tags" heading. The rules are EC2's
 * (Tag: keys up to 128 characters, values up to 256, keys unique on a
 * resource, the `aws:` prefix reserved, 50 tags at most); a row left
 * entirely empty is ignored rather than refused, so adding one never
 * blocks the dialog by itself.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "amigo-action-dialog.h"
#include "amigo-tag-row.h"
#include "amigo-tags-editor.h"

/* An AmigoTagRow and its parts. */
typedef struct {
  GtkWidget *row;
  GtkEditable *key;
  GtkEditable *value;
  GtkButton *remove;
} TagRow;

struct _AmigoTagsEditor
{
  AdwBin parent_instance;

  /* template widgets */
  AdwPreferencesGroup *group;
  GtkButton *add_button;
  GtkListBox *list;
  GtkLabel *problem_label;

  /* owned */
  GPtrArray *rows;              /* of TagRow*, in list order */
  char *problem;
  GArray *tags;                 /* of AmigoEc2Tag, borrowing the entries' text */
  char *taken_key;              /* set by another field of the dialog, or NULL */
  char *taken_problem;
};

G_DEFINE_FINAL_TYPE (AmigoTagsEditor, amigo_tags_editor, ADW_TYPE_BIN)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- validation ------------------------------------------------------ */

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

static void
say (GString    *problems,
     const char *message)
{
  /* Each kind of problem once, however many rows have it. */
  if (strstr (problems->str, message) != NULL)
    return;
  if (problems->len > 0)
    g_string_append_c (problems, '\n');
  g_string_append (problems, message);
}

static void
validate (AmigoTagsEditor *self)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *count_problem = NULL;
  guint n_tags = self->taken_key != NULL ? 1 : 0;

  g_array_set_size (self->tags, 0);

  for (guint i = 0; i < self->rows->len; i++)
    {
      TagRow *row = g_ptr_array_index (self->rows, i);
      const char *key = gtk_editable_get_text (row->key);
      const char *value = gtk_editable_get_text (row->value);
      g_autofree char *key_problem = NULL;
      g_autofree char *value_problem = NULL;
      gboolean key_bad;
      gboolean value_bad;

      if (*key == '\0' && *value == '\0')
        {
          amigo_action_dialog_set_invalid (row->key, FALSE);
          amigo_action_dialog_set_invalid (row->value, FALSE);
          continue;
        }

      amigo_tags_check_tag (key, value, keys, &key_problem, &value_problem);
      if (self->taken_key != NULL && g_str_equal (key, self->taken_key))
        {
          /* Set by another field: only a doubled key could be wrong with
           * it otherwise, and this says more. */
          g_free (key_problem);
          key_problem = g_strdup (self->taken_problem);
        }
      key_bad = key_problem != NULL;
      value_bad = value_problem != NULL;
      if (key_bad)
        say (problems, key_problem);
      if (value_bad)
        say (problems, value_problem);

      amigo_action_dialog_set_invalid (row->key, key_bad);
      amigo_action_dialog_set_invalid (row->value, value_bad);

      n_tags++;
      if (!key_bad && !value_bad)
        {
          AmigoEc2Tag tag = { key, value };

          g_array_append_val (self->tags, tag);
        }
    }

  count_problem = amigo_tags_check_count (n_tags);
  if (count_problem != NULL)
    say (problems, count_problem);

  g_free (self->problem);
  self->problem = problems->len > 0 ? g_strdup (problems->str) : NULL;
  gtk_label_set_text (self->problem_label, problems->str);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problems->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->list), self->rows->len > 0);
}

static void
changed (AmigoTagsEditor *self)
{
  validate (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

/* ---- rows ------------------------------------------------------------ */

static void
on_entry_changed_cb (AmigoTagsEditor *self)
{
  changed (self);
}

static TagRow *
find_row (AmigoTagsEditor *self,
          GtkWidget       *widget,
          guint           *index)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      TagRow *row = g_ptr_array_index (self->rows, i);

      if (gtk_widget_is_ancestor (widget, row->row))
        {
          *index = i;
          return row;
        }
    }
  return NULL;
}

static void
on_remove_clicked_cb (GtkButton       *button,
                      AmigoTagsEditor *self)
{
  guint index = 0;
  TagRow *row = find_row (self, GTK_WIDGET (button), &index);

  if (row == NULL)
    return;

  gtk_list_box_remove (self->list, row->row);
  g_ptr_array_remove_index (self->rows, index);
  changed (self);

  /* Focus stays in the list: on the row that took the removed one's place,
   * or the add button. */
  if (index < self->rows->len)
    gtk_widget_grab_focus (GTK_WIDGET (((TagRow *) g_ptr_array_index (self->rows, index))->key));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->add_button));
}

static TagRow *
add_row (AmigoTagsEditor *self)
{
  TagRow *row = g_new0 (TagRow, 1);
  AmigoTagRow *widget = AMIGO_TAG_ROW (amigo_tag_row_new ());

  row->row = GTK_WIDGET (widget);
  row->key = amigo_tag_row_get_key_entry (widget);
  row->value = amigo_tag_row_get_value_entry (widget);
  row->remove = amigo_tag_row_get_remove_button (widget);
  gtk_list_box_append (self->list, row->row);
  g_ptr_array_add (self->rows, row);

  g_signal_connect_swapped (row->key, "changed", G_CALLBACK (on_entry_changed_cb), self);
  g_signal_connect_swapped (row->value, "changed", G_CALLBACK (on_entry_changed_cb), self);
  g_signal_connect (row->remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self);
  return row;
}

static void
on_add_clicked_cb (AmigoTagsEditor *self)
{
  TagRow *row = add_row (self);

  changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (row->key));
}

/* ---- object ---------------------------------------------------------- */

static void
amigo_tags_editor_dispose (GObject *object)
{
  AmigoTagsEditor *self = AMIGO_TAGS_EDITOR (object);

  g_ptr_array_set_size (self->rows, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), AMIGO_TYPE_TAGS_EDITOR);

  G_OBJECT_CLASS (amigo_tags_editor_parent_class)->dispose (object);
}

static void
amigo_tags_editor_finalize (GObject *object)
{
  AmigoTagsEditor *self = AMIGO_TAGS_EDITOR (object);

  g_ptr_array_unref (self->rows);
  g_array_unref (self->tags);
  g_free (self->problem);
  g_free (self->taken_key);
  g_free (self->taken_problem);

  G_OBJECT_CLASS (amigo_tags_editor_parent_class)->finalize (object);
}

static void
amigo_tags_editor_class_init (AmigoTagsEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amigo_tags_editor_dispose;
  object_class->finalize = amigo_tags_editor_finalize;

  /**
   * AmigoTagsEditor::changed:
   *
   * A tag was added, removed or edited; check amigo_tags_editor_is_valid().
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/actions/amigo-tags-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoTagsEditor, group);
  gtk_widget_class_bind_template_child (widget_class, AmigoTagsEditor, add_button);
  gtk_widget_class_bind_template_child (widget_class, AmigoTagsEditor, list);
  gtk_widget_class_bind_template_child (widget_class, AmigoTagsEditor, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, on_add_clicked_cb);
}

static void
amigo_tags_editor_init (AmigoTagsEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new_with_free_func (g_free);
  self->tags = g_array_new (FALSE, FALSE, sizeof (AmigoEc2Tag));
  validate (self);
}

/**
 * amigo_tags_editor_new:
 *
 * Returns: (transfer floating): an editor without tags
 */
GtkWidget *
amigo_tags_editor_new (void)
{
  return g_object_new (AMIGO_TYPE_TAGS_EDITOR, NULL);
}

/**
 * amigo_tags_editor_add:
 * @key: the key
 * @value: (nullable): the value
 *
 * Adds a row filled with @key and @value.
 */
void
amigo_tags_editor_add (AmigoTagsEditor *self,
                       const char      *key,
                       const char      *value)
{
  TagRow *row;

  g_return_if_fail (AMIGO_IS_TAGS_EDITOR (self));

  row = add_row (self);
  gtk_editable_set_text (row->key, key);
  gtk_editable_set_text (row->value, value ? value : "");
  changed (self);
}

/**
 * amigo_tags_editor_set_description:
 * @description: (nullable): what the tags go on, under the heading
 */
void
amigo_tags_editor_set_description (AmigoTagsEditor *self,
                                   const char      *description)
{
  g_return_if_fail (AMIGO_IS_TAGS_EDITOR (self));

  adw_preferences_group_set_description (self->group, description);
}

/**
 * amigo_tags_editor_set_taken_key:
 * @key: (nullable): a tag key another field of the dialog sets, or %NULL
 * @problem: (nullable): what to say of a row using @key
 *
 * The tag another field makes (an instance's name is its Name tag) counts
 * towards the limit, and no row may set it again. Checks the rows again
 * without emitting #AmigoTagsEditor::changed, so a dialog may call it
 * while it validates.
 */
void
amigo_tags_editor_set_taken_key (AmigoTagsEditor *self,
                                 const char      *key,
                                 const char      *problem)
{
  g_return_if_fail (AMIGO_IS_TAGS_EDITOR (self));

  if (g_strcmp0 (key, self->taken_key) == 0 && g_strcmp0 (problem, self->taken_problem) == 0)
    return;
  g_free (self->taken_key);
  g_free (self->taken_problem);
  self->taken_key = g_strdup (key);
  self->taken_problem = g_strdup (problem);
  validate (self);
}

/**
 * amigo_tags_editor_is_valid:
 *
 * Returns: whether every tag follows EC2's rules
 */
gboolean
amigo_tags_editor_is_valid (AmigoTagsEditor *self)
{
  g_return_val_if_fail (AMIGO_IS_TAGS_EDITOR (self), FALSE);

  return self->problem == NULL;
}

/**
 * amigo_tags_editor_get_problem:
 *
 * Returns: (nullable): what is wrong with the tags, for people, or %NULL
 */
const char *
amigo_tags_editor_get_problem (AmigoTagsEditor *self)
{
  g_return_val_if_fail (AMIGO_IS_TAGS_EDITOR (self), NULL);

  return self->problem;
}

/**
 * amigo_tags_editor_get_tags:
 * @n_tags: (out): how many
 *
 * The tags, rows left empty skipped. Their strings belong to the editor's
 * entries: use them before the editor changes (a request copies them).
 *
 * Returns: (transfer none) (array length=n_tags) (nullable): the tags
 */
AmigoEc2Tag *
amigo_tags_editor_get_tags (AmigoTagsEditor *self,
                            guint           *n_tags)
{
  g_return_val_if_fail (AMIGO_IS_TAGS_EDITOR (self), NULL);

  validate (self);
  *n_tags = self->tags->len;
  return self->tags->len > 0 ? (AmigoEc2Tag *) (gpointer) self->tags->data : NULL;
}

/**
 * amigo_tags_check_tag:
 * @key: the key as typed
 * @value: the value as typed
 * @seen: (element-type utf8 utf8): the keys of the tags before this one,
 *   owned by the table (g_free); @key is added
 * @key_problem: (out) (optional) (nullable) (transfer full): what is wrong
 *   with the key
 * @value_problem: (out) (optional) (nullable) (transfer full): what is
 *   wrong with the value
 *
 * Checks a tag as EC2 does (Tag: a key of 1 to 128 characters, not
 * starting with aws:, once per resource; a value of up to 256), in the
 * words every dialog uses.
 *
 * Returns: whether the tag is fine
 */
gboolean
amigo_tags_check_tag (const char  *key,
                      const char  *value,
                      GHashTable  *seen,
                      char       **key_problem,
                      char       **value_problem)
{
  g_autofree char *key_text = NULL;
  g_autofree char *value_text = NULL;

  if (is_blank (key))
    key_text = g_strdup (_("Every tag needs a key."));
  else if (g_utf8_strlen (key, -1) > AMIGO_TAG_KEY_MAX)
    key_text = g_strdup (_("A tag key can be at most 128 characters long."));
  else if (amigo_ec2_tag_key_is_reserved (key))
    key_text = g_strdup (_("Tag keys starting with “aws:” are reserved for AWS."));
  else if (seen != NULL && g_hash_table_contains (seen, key))
    key_text = g_strdup_printf (_("The key “%s” is used twice. Each tag needs its own key."), key);
  if (seen != NULL && !g_hash_table_contains (seen, key))
    g_hash_table_add (seen, g_strdup (key));

  if (g_utf8_strlen (value, -1) > AMIGO_TAG_VALUE_MAX)
    value_text = g_strdup (_("A tag value can be at most 256 characters long."));

  if (key_problem != NULL)
    *key_problem = g_strdup (key_text);
  if (value_problem != NULL)
    *value_problem = g_strdup (value_text);
  return key_text == NULL && value_text == NULL;
}

/**
 * amigo_tags_check_count:
 *
 * Returns: (transfer full) (nullable): what is wrong with @n_tags tags on
 *   one resource, or %NULL
 */
char *
amigo_tags_check_count (guint n_tags)
{
  if (n_tags > AMIGO_TAGS_MAX)
    return g_strdup (_("A resource can have at most 50 tags."));
  return NULL;
}
