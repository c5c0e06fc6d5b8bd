// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The sys_exit dispatcher: the one program attached to the sys_exit
 * tracepoint. It runs after every syscall, when the return value is known,
 * and jumps to that syscall's exit filler ("<name>_x") through the
 * syscall_exit_tail_table. A syscall with no filler gets the generic event.
 *
 * Try it, in lab 03's system (make lab-system LAB=3):
 *   sudo ./build/labs/03-dispatcher/scap-open -n 20
 */
#include "../../../helpers/interfaces/syscalls_dispatcher.h"
#include "../../../helpers/store/auxmap_store_params.h"

SEC("tp_btf/sys_exit")
int BPF_PROG(sys_exit, struct pt_regs *regs, long ret)
{
	/* LAB 03.1 BEGIN: filter like sys_enter, tail call syscall_exit_tail_table, else send PPME_GENERIC_X */
	struct auxiliary_map *auxmap;
	/* sys_exit is given the return value, not the id: read it from regs. */
	__u32 syscall_id = extract__syscall_id(regs);

	if (!syscalls_dispatcher__is_interesting(syscall_id))
		return 0;

	/* On success the tail call never returns. */
	bpf_tail_call(ctx, &syscall_exit_tail_table, syscall_id);

	/* No filler for this syscall: send PPME_GENERIC_X. */
	auxmap = auxmap__get();
	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_GENERIC_X, 1);
	/* Parameter 1: ID (type: PT_SYSCALLID), Falco's code, as in sys_enter. */
	auxmap__store_u16_param(auxmap, maps__get_ppm_sc(syscall_id));
	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
	/* LAB 03.1 STARTER: // No exit event at all yet: read sys_enter in syscall_enter.bpf.c first. */
	/* LAB 03.1 STARTER: return 0; */
	/* LAB 03.1 END */
}
