/* amigo-text.c — outside text shown as it is, never read as markup
 *
 * Image names, descriptions, tags and AWS's messages may hold anything: an
 * ampersand, a "<" or a whole link. libadwaita 1.2 reads a toast's title,
 * a status page's description and a preferences group's title and
 * description as Pango markup and has no switch to turn that off, so text
 * for them is escaped here, in one place. Rows have a switch, set here too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "amigo-text.h"

/* Only what markup reads in text: "&", "<" and ">". Quotes are text
 * outside a tag, so a description or an error that holds them reads back
 * unchanged from the widget's property. */
static char *
escape_text (const char *text)
{
  GString *escaped = g_string_sized_new (strlen (text) + 16);

  for (const char *p = text; *p != '\0'; p++)
    switch (*p)
      {
      case '&':
        g_string_append (escaped, "&amp;");
        break;
      case '<':
        g_string_append (escaped, "&lt;");
        break;
      case '>':
        g_string_append (escaped, "&gt;");
        break;
      default:
        g_string_append_c (escaped, *p);
        break;
      }
  return g_string_free (escaped, FALSE);
}

/* Sets the markup-reading string @property of @object to show @text. */
static void
set_escaped (gpointer    object,
             const char *property,
             const char *text)
{
  g_autofree char *escaped = text != NULL ? escape_text (text) : NULL;

  g_object_set (object, property, escaped, NULL);
}

/**
 * amigo_toast_new_literal:
 * @text: what the toast says, plain text
 *
 * Returns: (transfer full): a toast showing @text exactly
 */
AdwToast *
amigo_toast_new_literal (const char *text)
{
  g_autofree char *escaped = escape_text (text != NULL ? text : "");

  return adw_toast_new (escaped);
}

/**
 * amigo_status_page_set_description_literal:
 * @text: (nullable): the description, plain text
 *
 * Sets @page's description so that it shows @text exactly.
 */
void
amigo_status_page_set_description_literal (AdwStatusPage *page,
                                           const char    *text)
{
  g_return_if_fail (ADW_IS_STATUS_PAGE (page));

  set_escaped (page, "description", text);
}

/**
 * amigo_preferences_group_set_title_literal:
 * @text: (nullable): the title, plain text (an Auto Scaling group's or a
 *   launch template's name)
 *
 * Sets @group's title so that it shows @text exactly.
 */
void
amigo_preferences_group_set_title_literal (AdwPreferencesGroup *group,
                                           const char          *text)
{
  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));

  set_escaped (group, "title", text);
}

/**
 * amigo_preferences_group_set_description_literal:
 * @text: (nullable): the description, plain text
 *
 * Sets @group's description so that it shows @text exactly.
 */
void
amigo_preferences_group_set_description_literal (AdwPreferencesGroup *group,
                                                 const char          *text)
{
  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));

  set_escaped (group, "description", text);
}

/**
 * amigo_action_row_new_literal:
 * @title: the row's title, plain text
 * @subtitle: (nullable): its subtitle, plain text
 *
 * Returns: (transfer floating): an #AdwActionRow that never reads its
 * title or subtitle as markup
 */
GtkWidget *
amigo_action_row_new_literal (const char *title,
                              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

char *
amigo_editable_dup_stripped (GtkEditable *editable)
{
  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (editable)));
}

gboolean
amigo_text_is_digits (const char *text,
                      gsize       n_digits)
{
  g_return_val_if_fail (text != NULL, FALSE);

  if (strlen (text) != n_digits)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}
