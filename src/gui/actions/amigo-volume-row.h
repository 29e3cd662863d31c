/* amigo-volume-row.h — an EBS volume of an image to make or to launch
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define AMIGO_TYPE_VOLUME_ROW (amigo_volume_row_get_type ())

G_DECLARE_FINAL_TYPE (AmigoVolumeRow, amigo_volume_row, AMIGO, VOLUME_ROW, AdwExpanderRow)

GtkWidget     *amigo_volume_row_new               (const char     *device,
                                                   const char     *title);
const char    *amigo_volume_row_get_device        (AmigoVolumeRow *self);

/* Size in GiB, between @min and @max; @hint under "Size (GiB)", or NULL. */
void           amigo_volume_row_set_size          (AmigoVolumeRow *self,
                                                   int             min,
                                                   int             max,
                                                   int             size,
                                                   const char     *hint);
/* The volume types offered (strings, or anything the combo row shows),
 * @selected among them. */
void           amigo_volume_row_set_types         (AmigoVolumeRow *self,
                                                   GListModel     *types,
                                                   guint           selected);
/* Provisioned IOPS: the row shows only while @shown. */
void           amigo_volume_row_set_iops          (AmigoVolumeRow *self,
                                                   int             iops);
void           amigo_volume_row_set_iops_shown    (AmigoVolumeRow *self,
                                                   gboolean        shown);
/* Delete on termination: a row, when the dialog offers the choice. */
void           amigo_volume_row_set_delete        (AmigoVolumeRow *self,
                                                   gboolean        delete_on_termination);
void           amigo_volume_row_set_delete_shown  (AmigoVolumeRow *self,
                                                   gboolean        shown);
/* Size, type and IOPS shown but not editable, @explanation saying why;
 * NULL makes them editable again. */
void           amigo_volume_row_set_fixed         (AmigoVolumeRow *self,
                                                   const char     *explanation);
gboolean       amigo_volume_row_get_fixed         (AmigoVolumeRow *self);
/* A remove button with @tooltip; NULL for none (a root volume). */
void           amigo_volume_row_set_removable     (AmigoVolumeRow *self,
                                                   const char     *tooltip);

GtkSpinButton *amigo_volume_row_get_size_spin     (AmigoVolumeRow *self);
AdwComboRow   *amigo_volume_row_get_type_row      (AmigoVolumeRow *self);
AdwActionRow  *amigo_volume_row_get_iops_row      (AmigoVolumeRow *self);
GtkSpinButton *amigo_volume_row_get_iops_spin     (AmigoVolumeRow *self);
GtkSwitch     *amigo_volume_row_get_delete_switch (AmigoVolumeRow *self);
/* NULL until amigo_volume_row_set_removable() gives it a tooltip. */
GtkButton     *amigo_volume_row_get_remove_button (AmigoVolumeRow *self);

G_END_DECLS
