/* amigo-state-badge.c — an image's state as a small coloured label
 *
 * The look is in style.css (`.state-badge`); the colour comes from
 * libadwaita's `success`, `warning` and `error` classes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-state-badge.h"

typedef struct {
  const char *state;
  const char *label;
  const char *style_class;
} AmigoStateInfo;

/* Every ImageState of the EC2 API. */
static const AmigoStateInfo states[] = {
  { "available", NC_("image state", "Available"), "success" },
  { "pending", NC_("image state", "Pending"), "warning" },
  { "transient", NC_("image state", "Transient"), "warning" },
  { "failed", NC_("image state", "Failed"), "error" },
  { "error", NC_("image state", "Error"), "error" },
  { "invalid", NC_("image state", "Invalid"), "error" },
  /* Gone or switched off: nothing is wrong, so no colour. */
  { "deregistered", NC_("image state", "Deregistered"), NULL },
  { "disabled", NC_("image state", "Disabled"), NULL },
};

static const char * const style_classes[] = { "success", "warning", "error" };

static const AmigoStateInfo *
find_state (const char *state)
{
  if (state == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    if (g_str_equal (states[i].state, state))
      return &states[i];

  return NULL;
}

/**
 * amigo_image_state_to_label:
 * @state: (nullable): an EC2 image state, e.g. `available`
 *
 * Returns: (transfer none): the state in words for people; a state AWS
 *   added after this was written is returned as it is, and %NULL as
 *   "Unknown"
 */
const char *
amigo_image_state_to_label (const char *state)
{
  const AmigoStateInfo *info = find_state (state);

  if (info != NULL)
    return g_dpgettext2 (NULL, "image state", info->label);
  if (state == NULL || *state == '\0')
    return _("Unknown");
  return state;
}

/**
 * amigo_image_state_to_style_class:
 * @state: (nullable): an EC2 image state
 *
 * Returns: (transfer none) (nullable): `success`, `warning`, `error`, or
 *   %NULL for a state that needs no colour
 */
const char *
amigo_image_state_to_style_class (const char *state)
{
  const AmigoStateInfo *info = find_state (state);

  return info != NULL ? info->style_class : NULL;
}

/**
 * amigo_state_badge_new:
 * @state: (nullable): an EC2 image state
 *
 * Returns: (transfer floating): a #GtkLabel showing @state as a badge
 */
GtkWidget *
amigo_state_badge_new (const char *state)
{
  GtkWidget *badge = gtk_label_new (NULL);

  gtk_widget_add_css_class (badge, "state-badge");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (badge, GTK_ALIGN_START);
  amigo_state_badge_set_state (GTK_LABEL (badge), state);

  return badge;
}

/**
 * amigo_state_badge_set_state:
 * @badge: a label made by amigo_state_badge_new()
 * @state: (nullable): an EC2 image state
 *
 * Shows @state on @badge, in its colour.
 */
void
amigo_state_badge_set_state (GtkLabel   *badge,
                             const char *state)
{
  const char *style_class = amigo_image_state_to_style_class (state);

  g_return_if_fail (GTK_IS_LABEL (badge));

  for (guint i = 0; i < G_N_ELEMENTS (style_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (badge), style_classes[i]);
  if (style_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (badge), style_class);

  gtk_label_set_text (badge, amigo_image_state_to_label (state));
}
