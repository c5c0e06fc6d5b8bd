// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The sys_enter dispatcher: the one program attached to the sys_enter
 * tracepoint. It runs before every syscall, decides if the syscall is
 * wanted, and jumps to that syscall's enter filler ("<name>_e") through the
 * syscall_enter_tail_table. A syscall with no filler gets the generic event.
 *
 * Try it: sudo ./build/scap-open -n 20
 */
#include "../../../helpers/interfaces/syscalls_dispatcher.h"
#include "../../../helpers/store/ringbuf_store_params.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(sys_enter, struct pt_regs *regs, long syscall_id)
{
	struct ringbuf_event ev;

	if (!syscalls_dispatcher__is_interesting(syscall_id))
		return 0;

	/* On success the tail call never returns. */
	bpf_tail_call(ctx, &syscall_enter_tail_table, syscall_id);

	/*
	 * No filler for this syscall: send PPME_GENERIC_E. Two u16 params, a
	 * fixed size: written straight into the ring (ringbuf_store_params.h).
	 */
	if (!ringbuf__reserve_event(&ev, PPME_GENERIC_E, 2, 2 * sizeof(__u16)))
		return 0;
	/*
	 * Parameter 1: ID (type: PT_SYSCALLID), Falco's code for the syscall
	 * (driver/ppm_sc.h), the same on every architecture. is_interesting()
	 * checked that syscall_id is inside the table.
	 */
	ringbuf__store_u16_param(&ev, maps__get_ppm_sc(syscall_id));
	/* Parameter 2: nativeID (type: PT_UINT16), the x86_64 number */
	ringbuf__store_u16_param(&ev, syscall_id);
	ringbuf__submit_event(&ev);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
