/* amigo-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "amigo-window.h"

struct _AmigoWindow
{
  AdwApplicationWindow parent_instance;

  /* template widgets */
  GtkStack *main_stack;
};

G_DEFINE_FINAL_TYPE (AmigoWindow, amigo_window, ADW_TYPE_APPLICATION_WINDOW)

static void
amigo_window_class_init (AmigoWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/amigo_app/Amigo/amigo-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AmigoWindow, main_stack);
}

static void
amigo_window_init (AmigoWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AmigoWindow *
amigo_window_new (AmigoApplication *application)
{
  return g_object_new (AMIGO_TYPE_WINDOW, "application", application, NULL);
}
