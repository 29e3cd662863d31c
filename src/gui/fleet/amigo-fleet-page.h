/* amigo-fleet-page.h — what the fleet pages (Quick Start, launch templates,
 * Auto Scaling groups) share: loading one region of one account, the
 * loading, empty, error and "choose a region" states, and the list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "amigo-account.h"
#include "amigo-client.h"
#include "amigo-image.h"

G_BEGIN_DECLS

#define AMIGO_TYPE_FLEET_PAGE (amigo_fleet_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (AmigoFleetPage, amigo_fleet_page, AMIGO, FLEET_PAGE, GtkBox)

struct _AmigoFleetPageClass
{
  GtkBoxClass parent_class;

  /* Forgets what was listed: a new account or region is being loaded. */
  void     (*clear)   (AmigoFleetPage *self);
  /* Adds a group per thing listed (amigo_fleet_page_add_group) and
   * returns whether anything is loaded; %FALSE keeps the stack as it is
   * (loading). */
  gboolean (*rebuild) (AmigoFleetPage *self);
  /* Starts listing with @client (cancel with the page's cancellable);
   * %FALSE with @error when it cannot. */
  gboolean (*start)   (AmigoFleetPage *self,
                       AmigoClient    *client,
                       GError        **error);
};

void          amigo_fleet_page_load            (AmigoFleetPage      *self,
                                                AmigoAccount        *account,
                                                const char          *region);
void          amigo_fleet_page_rebuild         (AmigoFleetPage      *self);
void          amigo_fleet_page_add_group       (AmigoFleetPage      *self,
                                                AdwPreferencesGroup *group);
void          amigo_fleet_page_show_error      (AmigoFleetPage      *self,
                                                const GError        *error);
void          amigo_fleet_page_choose_image    (AmigoFleetPage      *self,
                                                AmigoImage          *image,
                                                const char          *view);
AmigoAccount *amigo_fleet_page_get_account     (AmigoFleetPage      *self);
const char   *amigo_fleet_page_get_region      (AmigoFleetPage      *self);
GCancellable *amigo_fleet_page_get_cancellable (AmigoFleetPage      *self);

/* A small label at the end of @row: "Free tier eligible", "Uses the selected image" */
void          amigo_fleet_row_add_mark         (GtkWidget           *row,
                                                const char          *text,
                                                const char          *style_class);

G_END_DECLS
