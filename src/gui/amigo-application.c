/* amigo-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-application.h"
#include "amigo-a11y.h"
#include "accounts/amigo-mfa-dialog.h"
#include "amigo-preferences-window.h"
#include "amigo-resources.h"
#include "amigo-sso.h"
#include "amigo-window.h"

struct _AmigoApplication
{
  AdwApplication parent_instance;

  /* owned */
  GSettings *settings;
  AmigoAccountManager *account_manager;
  AmigoTaskManager *task_manager;

  /* whether the running tasks hold the application */
  gboolean held_for_tasks;
};

G_DEFINE_FINAL_TYPE (AmigoApplication, amigo_application, ADW_TYPE_APPLICATION)

static void
amigo_application_quit_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
amigo_application_about_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  static const char *developers[] = { "The Amigo developers", NULL };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  adw_show_about_window (window,
                         "application-name", _("Amigo"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("The Amigo developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Manage your Amazon Machine Images"),
                         "developers", developers,
                         "translator-credits", _("translator-credits"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         NULL);
}

static void
amigo_application_preferences_action (GSimpleAction *action,
                                      GVariant      *parameter,
                                      gpointer       user_data)
{
  AmigoApplication *self = AMIGO_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (amigo_preferences_window_new (window, self->account_manager)));
}

static const GActionEntry app_actions[] = {
  { "quit", amigo_application_quit_action },
  { "about", amigo_application_about_action },
  { "preferences", amigo_application_preferences_action },
};

static void
amigo_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      GtkShortcutsWindow *shortcuts;

      window = GTK_WINDOW (amigo_window_new (AMIGO_APPLICATION (app)));
      shortcuts = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
      if (shortcuts != NULL)
        amigo_a11y_label_shortcuts_window (GTK_WINDOW (shortcuts));
    }

  gtk_window_present (window);
}

static void
accounts_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!amigo_account_manager_load_finish (AMIGO_ACCOUNT_MANAGER (source), result, &error))
    g_warning ("Could not load the accounts: %s", error->message);
  else
    amigo_mfa_dialog_install (amigo_account_manager_get_config (AMIGO_ACCOUNT_MANAGER (source)));
}

/* Running tasks keep Amigo alive after its last window is closed, so that
 * it can say when they end. */
static void
on_tasks_busy_cb (AmigoTaskManager *tasks,
                  GParamSpec       *pspec,
                  AmigoApplication *self)
{
  gboolean busy = amigo_task_manager_get_busy (tasks);

  if (busy && !self->held_for_tasks)
    g_application_hold (G_APPLICATION (self));
  else if (!busy && self->held_for_tasks)
    g_application_release (G_APPLICATION (self));
  self->held_for_tasks = busy;
}

/* A desktop notification when a task ends while nobody is looking. */
static void
on_task_finished_cb (AmigoTaskManager *tasks,
                     AmigoTask        *task,
                     AmigoApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *id = NULL;

  /* Cancelling is the person's own doing: nothing to tell. */
  if (amigo_task_get_state (task) == AMIGO_TASK_STATE_CANCELLED)
    return;
  if (window != NULL && gtk_window_is_active (window))
    return;

  id = g_strconcat ("task-", amigo_task_get_resource_ids (task)[0], NULL);
  notification = amigo_task_new_notification (task);
  g_application_send_notification (G_APPLICATION (self), id, notification);
}

static void
amigo_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<primary>q", NULL };
  AmigoApplication *self = AMIGO_APPLICATION (app);
  g_autofree char *tasks_path = NULL;

  G_APPLICATION_CLASS (amigo_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         (const char *[]) { "<primary>comma", NULL });

  /* IAM Identity Center sign-ins are kept in the keyring. */
  amigo_sso_set_keyring_enabled (TRUE);
  self->settings = g_settings_new (APPLICATION_ID);
  self->account_manager = amigo_account_manager_new (self->settings, NULL);
  amigo_account_manager_load_async (self->account_manager, NULL, accounts_loaded_cb, NULL);

  tasks_path = amigo_task_manager_dup_default_state_path ();
  self->task_manager = amigo_task_manager_new (self->account_manager, tasks_path);
  g_signal_connect_object (self->task_manager, "notify::busy", G_CALLBACK (on_tasks_busy_cb), self, 0);
  g_signal_connect_object (self->task_manager, "task-finished", G_CALLBACK (on_task_finished_cb), self, 0);
  on_tasks_busy_cb (self->task_manager, NULL, self);
}

static void
amigo_application_shutdown (GApplication *app)
{
  AmigoApplication *self = AMIGO_APPLICATION (app);

  G_APPLICATION_CLASS (amigo_application_parent_class)->shutdown (app);

  if (self->task_manager != NULL)
    g_signal_handlers_disconnect_by_data (self->task_manager, self);
  g_clear_object (&self->task_manager);
  g_clear_object (&self->account_manager);
  g_clear_object (&self->settings);
}

static void
amigo_application_class_init (AmigoApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  amigo_register_resource ();

  app_class->activate = amigo_application_activate;
  app_class->startup = amigo_application_startup;
  app_class->shutdown = amigo_application_shutdown;
}

static void
amigo_application_init (AmigoApplication *self)
{
}

AmigoApplication *
amigo_application_new (void)
{
  return g_object_new (AMIGO_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/amigo_app/Amigo",
                       NULL);
}

GSettings *
amigo_application_get_settings (AmigoApplication *self)
{
  g_return_val_if_fail (AMIGO_IS_APPLICATION (self), NULL);
  return self->settings;
}

/**
 * amigo_application_get_account_manager:
 *
 * Returns: (transfer none): the accounts, listed once at start-up
 */
AmigoAccountManager *
amigo_application_get_account_manager (AmigoApplication *self)
{
  g_return_val_if_fail (AMIGO_IS_APPLICATION (self), NULL);
  return self->account_manager;
}

/**
 * amigo_application_get_task_manager:
 *
 * Returns: (transfer none) (nullable): the tasks under way
 */
AmigoTaskManager *
amigo_application_get_task_manager (AmigoApplication *self)
{
  g_return_val_if_fail (AMIGO_IS_APPLICATION (self), NULL);
  return self->task_manager;
}
