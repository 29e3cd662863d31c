/* amigo-deregister-dialog-rbin.c — whether the Recycle Bin would keep the
 * images to deregister: a warning for each one no retention rule keeps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-deregister-dialog-private.h"
#include "amigo-rbin.h"

typedef struct {
  AmigoDeregisterDialog *dialog;  /* owned */
  char *region;
} RulesCall;

static void
rules_call_free (RulesCall *call)
{
  g_object_unref (call->dialog);
  g_free (call->region);
  g_free (call);
}

static void
on_rules_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  RulesCall *call = user_data;
  AmigoDeregisterDialog *self = call->dialog;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = amigo_rbin_list_rules_finish (AMIGO_RBIN (source), result, &error);

  /* Unknown (no permission, no Recycle Bin there): nothing is claimed */
  if (rules == NULL || self->loading || self->finished)
    {
      rules_call_free (call);
      return;
    }
  for (guint i = 0; i < self->images->len; i++)
    {
      AmigoDeregisterImage *entry = g_ptr_array_index (self->images, i);
      const AmigoTag *tags = NULL;
      guint n_tags = 0;
      guint days;
      g_autofree char *text = NULL;

      if (entry->image == NULL || g_strcmp0 (entry->region, call->region) != 0)
        continue;
      tags = amigo_image_get_tags (entry->image, &n_tags);
      days = amigo_rbin_rules_retention_days (rules, tags, n_tags, NULL);
      if (days == 0)
        {
          /* Translators: %s is an image's name or id */
          text = g_strdup_printf (_("No Recycle Bin rule keeps %s: once deregistered it can’t be restored."),
                                  _amigo_deregister_image_title (entry));
          _amigo_deregister_dialog_add_row (self, self->images_group, _("Not Recoverable"), text,
                                            "dialog-warning-symbolic", "warning");
        }
      else
        {
          text = g_strdup_printf (g_dngettext (NULL, "The Recycle Bin keeps %s for %u day after it is deregistered.",
                                               "The Recycle Bin keeps %s for %u days after it is deregistered.", days),
                                  _amigo_deregister_image_title (entry), days);
          _amigo_deregister_dialog_add_row (self, self->images_group, _("Recoverable"), text,
                                            "user-trash-symbolic", NULL);
        }
    }
  rules_call_free (call);
}

/* Asks each region's Recycle Bin which rules keep images. */
void
_amigo_deregister_dialog_check_rbin (AmigoDeregisterDialog *self)
{
  AmigoActionContext *context = amigo_action_dialog_get_context (AMIGO_ACTION_DIALOG (self));
  g_autoptr(GHashTable) asked = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->images->len; i++)
    {
      AmigoDeregisterImage *entry = g_ptr_array_index (self->images, i);
      g_autoptr(AmigoRbin) rbin = NULL;
      RulesCall *call;

      if (entry->image == NULL || !g_hash_table_add (asked, entry->region))
        continue;
      rbin = amigo_rbin_new_for_account (amigo_action_context_get_account (context),
                                         amigo_action_context_get_client (context), entry->region, NULL);
      if (rbin == NULL)
        continue;
      call = g_new0 (RulesCall, 1);
      call->dialog = g_object_ref (self);
      call->region = g_strdup (entry->region);
      amigo_rbin_list_rules_async (rbin, AMIGO_RBIN_EC2_IMAGE,
                                   amigo_action_dialog_get_cancellable (AMIGO_ACTION_DIALOG (self)),
                                   on_rules_cb, call);
    }
}
