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
#include "../../../helpers/store/ringbuf_store_params.h"

SEC("tp_btf/sys_exit")
int BPF_PROG(sys_exit, struct pt_regs *regs, long ret)
{
	/* LAB 03.1 BEGIN: filter like sys_enter, tail call syscall_exit_tail_table, else send PPME_GENERIC_X */
	struct ringbuf_event ev;
	/* sys_exit is given the return value, not the id: read it from regs. */
	__u32 syscall_id = extract__syscall_id(regs);

	if (!syscalls_dispatcher__is_interesting(syscall_id))
		return 0;

	/* On success the tail call never returns. */
	bpf_tail_call(ctx, &syscall_exit_tail_table, syscall_id);

	/* No filler for this syscall: send PPME_GENERIC_X, straight into the ring. */
	if (!ringbuf__reserve_event(&ev, PPME_GENERIC_X, 1, sizeof(__u16)))
		return 0;
	/* Parameter 1: ID (type: PT_SYSCALLID), Falco's code, as in sys_enter. */
	ringbuf__store_u16_param(&ev, maps__get_ppm_sc(syscall_id));
	ringbuf__submit_event(&ev);
	return 0;
	/* LAB 03.1 STARTER: // No exit event at all yet: read sys_enter in syscall_enter.bpf.c first. */
	/* LAB 03.1 STARTER: return 0; */
	/* LAB 03.1 END */
}
