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

#include "amigo-tags-editor-private.h"

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
set_error (GtkEditable *editable,
           gboolean     error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (editable), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (editable), "error");
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
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_tags = 0;

  g_array_set_size (self->tags, 0);

  for (guint i = 0; i < self->rows->len; i++)
    {
      TagRow *row = g_ptr_array_index (self->rows, i);
      const char *key = gtk_editable_get_text (row->key);
      const char *value = gtk_editable_get_text (row->value);
      gboolean key_bad = FALSE;
      gboolean value_bad = FALSE;

      if (*key == '\0' && *value == '\0')
        {
          set_error (row->key, FALSE);
          set_error (row->value, FALSE);
          continue;
        }

      if (is_blank (key))
        {
          key_bad = TRUE;
          say (problems, _("Every tag needs a key."));
        }
      else if (g_utf8_strlen (key, -1) > AMIGO_TAG_KEY_MAX)
        {
          key_bad = TRUE;
          say (problems, _("A tag key can be at most 128 characters long."));
        }
      else if (g_ascii_strncasecmp (key, "aws:", 4) == 0)
        {
          key_bad = TRUE;
          say (problems, _("Tag keys starting with “aws:” are reserved for AWS."));
        }
      else if (g_hash_table_contains (keys, key))
        {
          g_autofree char *message = NULL;

          key_bad = TRUE;
          message = g_strdup_printf (_("The key “%s” is used twice. Each tag needs its own key."), key);
          say (problems, message);
        }
      g_hash_table_add (keys, (gpointer) key);

      if (g_utf8_strlen (value, -1) > AMIGO_TAG_VALUE_MAX)
        {
          value_bad = TRUE;
          say (problems, _("A tag value can be at most 256 characters long."));
        }

      set_error (row->key, key_bad);
      set_error (row->value, value_bad);

      n_tags++;
      if (!key_bad && !value_bad)
        {
          AmigoEc2Tag tag = { key, value };

          g_array_append_val (self->tags, tag);
        }
    }

  if (n_tags > AMIGO_TAGS_MAX)
    say (problems, _("A resource can have at most 50 tags."));

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

static GtkEditable *
make_entry (const char *placeholder,
            const char *accessible_label)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_widget_set_hexpand (entry, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_input_hints (GTK_ENTRY (entry), GTK_INPUT_HINT_NO_SPELLCHECK | GTK_INPUT_HINT_NO_EMOJI);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  return GTK_EDITABLE (entry);
}

static TagRow *
add_row (AmigoTagsEditor *self)
{
  TagRow *row = g_new0 (TagRow, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  row->key = make_entry (_("Key"), _("Tag key"));
  row->value = make_entry (_("Value"), _("Tag value"));
  row->remove = GTK_BUTTON (gtk_button_new_from_icon_name ("user-trash-symbolic"));
  gtk_widget_set_valign (GTK_WIDGET (row->remove), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (row->remove), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->remove), _("Remove this tag"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Remove this tag"),
                                  -1);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->key));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->value));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->remove));

  row->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row->row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->row), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Tag"), -1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row->row), box);
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

/* ---- for tests ------------------------------------------------------- */

GtkButton *
_amigo_tags_editor_get_add_button (AmigoTagsEditor *self)
{
  return self->add_button;
}

guint
_amigo_tags_editor_get_n_rows (AmigoTagsEditor *self)
{
  return self->rows->len;
}

GtkEditable *
_amigo_tags_editor_get_key_entry (AmigoTagsEditor *self,
                                  guint            index)
{
  g_return_val_if_fail (index < self->rows->len, NULL);
  return ((TagRow *) g_ptr_array_index (self->rows, index))->key;
}

GtkEditable *
_amigo_tags_editor_get_value_entry (AmigoTagsEditor *self,
                                    guint            index)
{
  g_return_val_if_fail (index < self->rows->len, NULL);
  return ((TagRow *) g_ptr_array_index (self->rows, index))->value;
}

GtkButton *
_amigo_tags_editor_get_remove_button (AmigoTagsEditor *self,
                                      guint            index)
{
  g_return_val_if_fail (index < self->rows->len, NULL);
  return ((TagRow *) g_ptr_array_index (self->rows, index))->remove;
}
