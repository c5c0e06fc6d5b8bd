// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The two tail tables of the modern probe: slot nr of
 * syscall_enter_tail_table holds the program "<name>_e", slot nr of
 * syscall_exit_tail_table the program "<name>_x" (see tail_tables.h).
 * Called by modern_bpf_init() after the load, when every program has an fd.
 *
 * The two tables are filled by two loops that read the same on purpose:
 * the enter one is the example to read, the exit one is lab 03's exercise.
 *
 * See them while a capture runs:
 *   sudo ./build/labs/03-dispatcher/scap-open -q --duration 60 &     (make lab-system LAB=3)
 *   sudo bpftool map dump name syscall_exit_ta
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#include "ppm_events_public.h"
#include "../../scap.h"
#include "tail_tables.h"

int32_t scap_fill_enter_tail_table(struct bpf_object *obj, int table_fd, char *lasterr)
{
	struct bpf_program *prog;
	char name[64];
	int prog_fd;

	for (uint32_t nr = 0; nr < SYSCALL_TABLE_SIZE; nr++) {
		/* Only the syscalls of driver/syscall_table.c have fillers. */
		if (!(g_syscall_table[nr].flags & UF_USED) || !g_syscall_names[nr])
			continue;
		snprintf(name, sizeof(name), "%s_e", g_syscall_names[nr]);
		prog = bpf_object__find_program_by_name(obj, name);
		if (!prog)
			continue;	/* no filler yet: the generic event */
		prog_fd = bpf_program__fd(prog);
		if (bpf_map_update_elem(table_fd, &nr, &prog_fd, BPF_ANY)) {
			snprintf(lasterr, SCAP_LASTERR_SIZE,
				 "failed to put %s in syscall_enter_tail_table: %s", name,
				 strerror(errno));
			return SCAP_FAILURE;
		}
	}
	return SCAP_SUCCESS;
}

int32_t scap_fill_exit_tail_table(struct bpf_object *obj, int table_fd, char *lasterr)
{
	/* LAB 03.2 BEGIN: put the fd of program "<name>_x" at slot nr of the exit table (table_fd) */
	struct bpf_program *prog;
	char name[64];
	int prog_fd;

	for (uint32_t nr = 0; nr < SYSCALL_TABLE_SIZE; nr++) {
		if (!(g_syscall_table[nr].flags & UF_USED) || !g_syscall_names[nr])
			continue;
		snprintf(name, sizeof(name), "%s_x", g_syscall_names[nr]);
		prog = bpf_object__find_program_by_name(obj, name);
		if (!prog)
			continue;	/* no filler yet: the generic event */
		prog_fd = bpf_program__fd(prog);
		if (bpf_map_update_elem(table_fd, &nr, &prog_fd, BPF_ANY)) {
			snprintf(lasterr, SCAP_LASTERR_SIZE,
				 "failed to put %s in syscall_exit_tail_table: %s", name,
				 strerror(errno));
			return SCAP_FAILURE;
		}
	}
	return SCAP_SUCCESS;
	/* LAB 03.2 STARTER: // The table stays empty: every exit is the generic event. */
	/* LAB 03.2 STARTER: (void)obj; */
	/* LAB 03.2 STARTER: (void)table_fd; */
	/* LAB 03.2 STARTER: (void)lasterr; */
	/* LAB 03.2 STARTER: return SCAP_SUCCESS; */
	/* LAB 03.2 END */
}
