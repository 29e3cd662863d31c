/* amigo-client-credentials.c — the credentials a client signs with, refreshed
 * before they expire
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * botocore's RefreshableCredentials (credentials.py): temporary credentials
 * are refreshed from 15 minutes before they expire (the advisory window: a
 * failed refresh is logged and the current ones are used on) and must be
 * from 10 minutes before (the mandatory window: a failed refresh fails the
 * call). One refresh at a time per client, that is per account: a call that
 * needs one while it is under way waits for it in the mandatory window, and
 * signs with the current credentials in the advisory window; the call that
 * starts it waits for it. An expired-token answer forces a refresh.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "amigo-client-private.h"
#include "amigo-error.h"

/* botocore credentials.py, RefreshableCredentials */
#define ADVISORY_REFRESH_SECONDS   (15 * 60)
#define MANDATORY_REFRESH_SECONDS  (10 * 60)

typedef struct
{
  gboolean mandatory;
  AmigoCredentialsReady ready;
  gpointer data;
} Waiter;

struct _AmigoCredentialRefresher
{
  AmigoClient *client;          /* not a reference: the client owns this */
  AmigoCredentialsRefreshFunc func;
  gpointer data;
  GDestroyNotify destroy;

  gboolean in_flight;
  GArray *waiters;              /* Waiter, while a refresh is out */
  guint generation;             /* bumped when the function changes */
  guint refreshes;              /* started, for tests and logs */
};

AmigoCredentialRefresher *
_amigo_credential_refresher_new (AmigoClient *client)
{
  AmigoCredentialRefresher *self = g_new0 (AmigoCredentialRefresher, 1);

  self->client = client;
  self->waiters = g_array_new (FALSE, FALSE, sizeof (Waiter));
  return self;
}

void
_amigo_credential_refresher_free (AmigoCredentialRefresher *self)
{
  if (self == NULL)
    return;
  /* Calls hold a reference on the client; none waits when it goes. */
  g_warn_if_fail (self->waiters->len == 0);
  if (self->destroy != NULL)
    self->destroy (self->data);
  g_array_unref (self->waiters);
  g_free (self);
}

void
_amigo_credential_refresher_set_func (AmigoCredentialRefresher    *self,
                                      AmigoCredentialsRefreshFunc  func,
                                      gpointer                     user_data,
                                      GDestroyNotify               destroy)
{
  if (self->destroy != NULL)
    self->destroy (self->data);
  self->func = func;
  self->data = user_data;
  self->destroy = destroy;
  self->generation++;
}

gboolean
_amigo_credential_refresher_has_func (AmigoCredentialRefresher *self)
{
  return self->func != NULL;
}

guint
_amigo_credential_refresher_get_count (AmigoCredentialRefresher *self)
{
  return self->refreshes;
}

static GError *
expired_error (void)
{
  return g_error_new_literal (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_EXPIRED,
                              _("The temporary credentials of this account have expired. "
                                "Sign in again or refresh them, then retry."));
}

/* Hands @credentials (or, when %NULL, @error) to every waiter; advisory
 * waiters get @fallback when the refresh failed. */
static void
answer_waiters (AmigoCredentialRefresher *self,
                AmigoCredentials         *credentials,
                AmigoCredentials         *fallback,
                const GError             *error)
{
  g_autoptr(GArray) waiters = self->waiters;

  self->waiters = g_array_new (FALSE, FALSE, sizeof (Waiter));
  self->in_flight = FALSE;
  for (guint i = 0; i < waiters->len; i++)
    {
      Waiter *w = &g_array_index (waiters, Waiter, i);

      if (credentials != NULL)
        w->ready (w->data, credentials, NULL);
      else if (!w->mandatory && fallback != NULL)
        w->ready (w->data, fallback, NULL);
      else
        w->ready (w->data, NULL, error);
    }
}

typedef struct
{
  AmigoClient *client;
  AmigoCredentials *previous;   /* nullable */
  guint generation;
} Refresh;

static void
refresh_free (Refresh *refresh)
{
  g_clear_pointer (&refresh->previous, amigo_credentials_unref);
  g_object_unref (refresh->client);
  g_free (refresh);
}

static void
refresh_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Refresh *refresh = user_data;
  AmigoClient *client = refresh->client;
  AmigoCredentialRefresher *self = _amigo_client_get_refresher (client);
  g_autoptr(AmigoCredentials) fresh = NULL;
  g_autoptr(GError) cause = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = _amigo_client_signing_now (client);

  fresh = g_task_propagate_pointer (G_TASK (result), &cause);
  if (fresh != NULL && amigo_credentials_is_expired (fresh, now))
    {
      /* botocore: "Credentials were refreshed, but the refreshed
       * credentials are still expired." */
      g_clear_pointer (&fresh, amigo_credentials_unref);
      cause = g_error_new_literal (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_EXPIRED,
                                   _("The refreshed credentials have expired already. "
                                     "Check the system clock and what the credential "
                                     "source hands out."));
    }

  if (fresh != NULL)
    {
      g_autofree char *shown = amigo_credentials_describe (fresh);

      g_debug ("Credentials refreshed: %s, expiring in %" G_GINT64_FORMAT " s", shown,
               amigo_credentials_get_expiration (fresh) > 0
                 ? amigo_credentials_get_expiration (fresh) - now : (gint64) -1);
      /* Kept only if nobody replaced the source meanwhile. */
      if (refresh->generation == self->generation)
        amigo_client_set_credentials (client, fresh);
      answer_waiters (self, fresh, NULL, NULL);
    }
  else
    {
      g_debug ("Refreshing temporary credentials failed: %s", cause->message);
      /* A sign-in is needed (IAM Identity Center): said as such, so that
       * the GUI offers to sign in rather than an error page. */
      if (g_error_matches (cause, AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_SIGN_IN_REQUIRED))
        error = g_error_copy (cause);
      else if (refresh->previous != NULL && amigo_credentials_is_expired (refresh->previous, now))
        error = g_error_new (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_EXPIRED,
                             _("The temporary credentials of this account have expired "
                               "and could not be refreshed: %s"), cause->message);
      else
        error = g_error_new (AMIGO_AWS_ERROR, AMIGO_AWS_ERROR_EXPIRED,
                             _("The temporary credentials of this account expire in less "
                               "than 10 minutes and could not be refreshed: %s"),
                             cause->message);
      answer_waiters (self, NULL, refresh->previous, error);
    }
  refresh_free (refresh);
}

static void
start_refresh (AmigoCredentialRefresher *self,
               AmigoCredentials         *previous)
{
  Refresh *refresh = g_new0 (Refresh, 1);
  GTask *task;

  refresh->client = g_object_ref (self->client);
  refresh->previous = previous ? amigo_credentials_ref (previous) : NULL;
  refresh->generation = self->generation;
  self->in_flight = TRUE;
  self->refreshes++;
  g_debug ("Refreshing temporary credentials (refresh %u)", self->refreshes);

  /* Not cancellable: other calls may be waiting for the same answer. */
  task = g_task_new (self->client, NULL, refresh_done_cb, refresh);
  g_task_set_source_tag (task, _amigo_credential_refresher_get);
  self->func (self->client, task, self->data);
}

/**
 * _amigo_credential_refresher_get:
 * @current: (nullable): the credentials the client holds
 * @now: the (corrected) time, Unix seconds
 * @force: refresh whatever the expiry says (after an expired-token answer)
 * @ready: called once, now or after a refresh, with the credentials to sign
 *   with or an error
 *
 * Without a refresh function, @current as it is (an error when it has
 * expired).
 */
void
_amigo_credential_refresher_get (AmigoCredentialRefresher *self,
                                 AmigoCredentials         *current,
                                 gint64                    now,
                                 gboolean                  force,
                                 AmigoCredentialsReady     ready,
                                 gpointer                  data)
{
  gint64 expiration = current ? amigo_credentials_get_expiration (current) : 0;
  gboolean mandatory;
  Waiter waiter;

  if (self->func == NULL || (!force && current != NULL &&
                             (expiration == 0 || expiration - now >= ADVISORY_REFRESH_SECONDS)))
    {
      if (current != NULL && amigo_credentials_is_expired (current, now))
        {
          g_autoptr(GError) error = expired_error ();
          ready (data, NULL, error);
        }
      else
        ready (data, current, NULL);
      return;
    }

  mandatory = force || current == NULL || expiration - now < MANDATORY_REFRESH_SECONDS;
  if (self->in_flight && !mandatory)
    {
      ready (data, current, NULL);
      return;
    }

  waiter.mandatory = mandatory;
  waiter.ready = ready;
  waiter.data = data;
  g_array_append_val (self->waiters, waiter);
  if (!self->in_flight)
    start_refresh (self, current);
}

/**
 * amigo_client_set_credentials_refresh_func:
 * @self: a client
 * @func: (nullable): fetches fresh temporary credentials
 * @user_data: data for @func
 * @destroy: (nullable): frees @user_data when replaced or at finalize
 *
 * How the client refreshes credentials that expire (see #AmigoClient).
 * What @func returns replaces the credentials (amigo_client_set_credentials()).
 */
void
amigo_client_set_credentials_refresh_func (AmigoClient                 *self,
                                           AmigoCredentialsRefreshFunc  func,
                                           gpointer                     user_data,
                                           GDestroyNotify               destroy)
{
  g_return_if_fail (AMIGO_IS_CLIENT (self));
  _amigo_credential_refresher_set_func (_amigo_client_get_refresher (self), func, user_data, destroy);
}
