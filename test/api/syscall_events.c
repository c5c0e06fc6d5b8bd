// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The syscalls that have an event pair of their own, and its name: one
 * line "SYSCALL EVENT" each, in syscall number order, from the schema
 * libscap reads (driver/syscall_table.c, driver/event_table.c). For
 * test/bats/coverage.bats, which looks for every EVENT in captures.
 *
 *   build/test/syscall_events          umount2 umount, eventfd2 eventfd, ...
 */
#include <stdio.h>
#include "ppm_events_public.h"
#include "scap_schema.h"

extern const struct ppm_event_info g_event_info[PPM_EVENT_MAX];

int main(void)
{
	uint16_t enter, exit_type;
	const char *name;
	uint32_t nr;

	for (nr = 0; scap_syscall_events(nr, &enter, &exit_type); nr++) {
		name = scap_syscall_name(nr);
		if (!name || scap_evt_is_generic(enter))
			continue;
		printf("%s %s\n", name, g_event_info[exit_type].name);
	}
	return 0;
}
