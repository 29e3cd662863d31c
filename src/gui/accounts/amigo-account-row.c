/* amigo-account-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An account's name, where its keys come from, and a check mark on the
 * account the window shows.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-account-row.h"

struct _AmigoAccountRow
{
  GtkListBoxRow parent_instance;

  /* template widgets */
  GtkLabel *name_label;
  GtkLabel *kind_label;
  GtkImage *check_image;

  /* owned */
  AmigoAccount *account;
};

G_DEFINE_FINAL_TYPE (AmigoAccountRow, amigo_account_row, GTK_TYPE_LIST_BOX_ROW)

static const char *
describe_kind (AmigoAccountKind kind)
{
  switch (kind)
    {
    case AMIGO_ACCOUNT_KIND_ENVIRONMENT:
      return _("From the environment");
    case AMIGO_ACCOUNT_KIND_PROFILE:
      return _("AWS CLI profile");
    case AMIGO_ACCOUNT_KIND_SSO:
      return _("IAM Identity Center");
    case AMIGO_ACCOUNT_KIND_ROLE:
      return _("Switched role");
    case AMIGO_ACCOUNT_KIND_KEYRING:
    default:
      return _("Stored in the keyring");
    }
}

static void
amigo_account_row_dispose (GObject *object)
{
  AmigoAccountRow *self = AMIGO_ACCOUNT_ROW (object);

  g_clear_object (&self->account);

  G_OBJECT_CLASS (amigo_account_row_parent_class)->dispose (object);
}

static void
amigo_account_row_class_init (AmigoAccountRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = amigo_account_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/accounts/amigo-account-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoAccountRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, AmigoAccountRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, AmigoAccountRow, check_image);
}

static void
amigo_account_row_init (AmigoAccountRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * amigo_account_row_new:
 * @current: whether the window shows @account (a check mark)
 *
 * Returns: (transfer floating): a row for @account
 */
GtkWidget *
amigo_account_row_new (AmigoAccount *account,
                       gboolean      current)
{
  AmigoAccountRow *self = g_object_new (AMIGO_TYPE_ACCOUNT_ROW, NULL);
  const char *kind_text = describe_kind (amigo_account_get_kind (account));
  g_autofree char *web_text = NULL;
  g_autofree char *role_arn = NULL;
  g_autofree char *token_file = NULL;

  /* A web identity says which role it becomes, and with which token. */
  if (amigo_account_dup_web_identity (account, &role_arn, &token_file))
    {
      g_autofree char *tooltip = NULL;

      /* Translators: an account's kind; %s is the ARN of the IAM role it assumes */
      web_text = g_strdup_printf (_("Web identity, role %s"), role_arn);
      /* Translators: %s is the path of a web identity token file */
      tooltip = g_strdup_printf (_("Token from %s"), token_file);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
      kind_text = web_text;
    }

  self->account = g_object_ref (account);
  gtk_label_set_label (self->name_label, amigo_account_get_name (account));
  gtk_label_set_label (self->kind_label, kind_text);
  gtk_widget_set_opacity (GTK_WIDGET (self->check_image), current ? 1.0 : 0.0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, amigo_account_get_name (account),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, kind_text,
                                  -1);
  return GTK_WIDGET (self);
}

/**
 * amigo_account_row_get_account:
 *
 * Returns: (transfer none): the row's account
 */
AmigoAccount *
amigo_account_row_get_account (AmigoAccountRow *self)
{
  g_return_val_if_fail (AMIGO_IS_ACCOUNT_ROW (self), NULL);

  return self->account;
}
