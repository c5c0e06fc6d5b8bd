// SPDX-License-Identifier: GPL-2.0-only
/*
 * The events every syscall without a filler of its own produces (the
 * generic pair), and procexit, from the sched_process_exit tracepoint.
 * The modern driver's twins: modern_bpf/programs/attached/dispatchers/
 * and modern_bpf/programs/attached/events/sched_process_exit.bpf.c.
 */
#include <linux/sched.h>
#include "../ppm_fillers.h"

FILLER(sys_generic_e)
{
	int res;

	/*
	 * Parameter 1: ID (type: PT_SYSCALLID), Falco's code for the syscall
	 * (driver/ppm_sc.h): the same on every architecture. The dispatcher
	 * checked that syscall_id is inside the table.
	 */
	res = val_to_ring(args, g_syscall_code_routing_table[args->syscall_id], 0, false);
	if (res)
		return res;
	/* Parameter 2: nativeID (type: PT_UINT16), the x86_64 number */
	return val_to_ring(args, args->syscall_id, 0, false);
}

FILLER(sys_generic_x)
{
	/* Parameter 1: ID (type: PT_SYSCALLID), Falco's code, as on enter. */
	return val_to_ring(args, g_syscall_code_routing_table[args->syscall_id], 0, false);
}

/* The wait(2) status macros, on the kernel's exit_code. */
#define EXIT_STATUS(code) (((code) >> 8) & 0xff)
#define TERM_SIG(code) ((code) & 0x7f)
#define WAS_SIGNALED(code) (((s8)(((code) & 0x7f) + 1) >> 1) > 0)
#define CORE_DUMPED(code) (((code) & 0x80) != 0)

/* The exiting thread is current: sched_process_exit fires in do_exit(). */
FILLER(sched_procexit_e)
{
	s32 exit_code = current->exit_code;
	int res;

	/* Parameter 1: status (type: PT_ERRNO), the raw wait status */
	res = val_to_ring(args, (s64)exit_code, 0, false);
	if (res)
		return res;
	/* Parameter 2: ret (type: PT_ERRNO), the exit status */
	res = val_to_ring(args, EXIT_STATUS(exit_code), 0, false);
	if (res)
		return res;
	/* Parameter 3: sig (type: PT_SIGTYPE), the killing signal or 0 */
	res = val_to_ring(args, WAS_SIGNALED(exit_code) ? TERM_SIG(exit_code) : 0, 0, false);
	if (res)
		return res;
	/* Parameter 4: core (type: PT_UINT8), 1 if a core was dumped */
	return val_to_ring(args, CORE_DUMPED(exit_code), 0, false);
}
