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
#include "../../../helpers/store/auxmap_store_params.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(sys_enter, struct pt_regs *regs, long syscall_id)
{
	struct auxiliary_map *auxmap;

	if (!syscalls_dispatcher__is_interesting(syscall_id))
		return 0;

	/* On success the tail call never returns. */
	bpf_tail_call(ctx, &syscall_enter_tail_table, syscall_id);

	/* No filler for this syscall: send PPME_GENERIC_E. */
	auxmap = auxmap__get();
	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_GENERIC_E, 2);
	/*
	 * Parameter 1: ID (type: PT_SYSCALLID), Falco's code for the syscall
	 * (driver/ppm_sc.h), the same on every architecture. is_interesting()
	 * checked that syscall_id is inside the table.
	 */
	auxmap__store_u16_param(auxmap, maps__get_ppm_sc(syscall_id));
	/* Parameter 2: nativeID (type: PT_UINT16), the x86_64 number */
	auxmap__store_u16_param(auxmap, syscall_id);
	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}

char LICENSE[] SEC("license") = "Dual MIT/GPL";
