// SPDX-License-Identifier: GPL-2.0-only
/*
 * The fillers table: event code -> the function that stores its params.
 * The probe (main.c) looks the event code up in driver/syscall_table.c,
 * then its filler here. Falco's kmod has the same table under the same
 * name (driver/fillers_table.c). The list itself is fillers_list.h, which
 * the legacy eBPF loader reads too.
 */
#include "ppm_fillers.h"

#define FILLER_ENTRY(code, name) [code] = { .filler_callback = f_##name },

const struct ppm_event_entry g_ppm_events[PPM_EVENT_MAX] = {
#include "fillers_list.h"
};
