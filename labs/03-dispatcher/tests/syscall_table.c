// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Print driver/syscall_table.c, one JSON line per syscall with a filler:
 *   {"nr":257,"name":"openat","enter":"openat","exit":"openat"}
 * name is the syscall's (its fillers are "<name>_e" and "<name>_x"); enter
 * and exit are the names of the events it makes (dup2 makes "dup" events).
 * Lab 03's grader checks the tail tables of the running probe against it.
 *
 * Try it: build/labs/03-dispatcher/tests/syscall_table
 */
#include <stdio.h>
#include "ppm_events_public.h"

int main(void)
{
	for (int nr = 0; nr < SYSCALL_TABLE_SIZE; nr++) {
		const struct syscall_evt_pair *p = &g_syscall_table[nr];

		if (!(p->flags & UF_USED))
			continue;
		if (!g_syscall_names[nr]) {
			fprintf(stderr, "syscall_table: syscall %d is in g_syscall_table but has no name\n", nr);
			return 1;
		}
		printf("{\"nr\":%d,\"name\":\"%s\",\"enter\":\"%s\",\"exit\":\"%s\"}\n", nr,
		       g_syscall_names[nr], g_event_info[p->enter_event_type].name,
		       g_event_info[p->exit_event_type].name);
	}
	if (fflush(stdout)) {
		perror("syscall_table: stdout");
		return 1;
	}
	return 0;
}
