/* amigo-manage-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-error.h"
#include "amigo-manage-util.h"

const char *
amigo_manage_image_title (AmigoImage *image)
{
  const char *name = amigo_image_get_name (image);

  if (name != NULL && *name != '\0')
    return name;
  return amigo_image_get_image_id (image);
}

void
amigo_manage_show_problem (GtkWidget  *widget,
                           GtkLabel   *label,
                           const char *message)
{
  gboolean invalid = message != NULL && *message != '\0';

  if (widget != NULL)
    {
      if (invalid)
        gtk_widget_add_css_class (widget, "error");
      else
        gtk_widget_remove_css_class (widget, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                                   GTK_ACCESSIBLE_STATE_INVALID,
                                   invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                                   -1);
      if (invalid)
        gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (widget),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }

  if (label != NULL)
    {
      gtk_label_set_text (label, invalid ? message : "");
      gtk_widget_set_visible (GTK_WIDGET (label), invalid);
    }
}

char *
amigo_manage_describe_error (const char   *what,
                             const GError *error)
{
  if (g_error_matches (error, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_AUTH) ||
      amigo_aws_error_has_aws_code (error, "UnauthorizedOperation"))
    /* Translators: %s says what failed, e.g. “Could not save the tags”;
     * the account may lack the IAM permission for the call. */
    return g_strdup_printf (_("%s: AWS refused it for this account (%s). Ask for the "
                              "permission in IAM, or use another account."),
                            what, error->message);
  /* Translators: %s says what failed, then AWS's own words */
  return g_strdup_printf (_("%s: %s"), what, error->message);
}
