// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * kill(2): PPME_SYSCALL_KILL_E / PPME_SYSCALL_KILL_X.
 *
 * Try it (make lab-system LAB=5): sudo ./build/labs/05-debugging/scap-open --syscall kill -- sh -c 'sleep 10 & kill -TERM $!'
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/auxmap_store_params.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(kill_e, struct pt_regs *regs, long id)
{
	struct auxiliary_map *auxmap = auxmap__get();

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_KILL_E, 2);

	/* LAB 05.2 BEGIN: some kill events show the wrong pid: find which with strace and bpftrace */
	/*
	 * Parameter 1: pid (type: PT_PID). A pid_t is an int, and only the low
	 * 32 bits of its register are the argument (the x86_64 ABI leaves the
	 * high half undefined; compilers usually zero it). Sign-extend them,
	 * so kill(-1, ...) (every process) and kill(-pgid, ...) read right.
	 */
	auxmap__store_s64_param(auxmap, (__s32)extract__syscall_argument(regs, 0));
	/* LAB 05.2 STARTER: // Parameter 1: pid (type: PT_PID) */
	/* LAB 05.2 STARTER: auxmap__store_s64_param(auxmap, extract__syscall_argument(regs, 0)); */
	/* LAB 05.2 END */
	/* Parameter 2: sig (type: PT_SIGTYPE), 0 only checks the target exists */
	auxmap__store_u8_param(auxmap, extract__syscall_argument(regs, 1));

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(kill_x, struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap = auxmap__get();

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_KILL_X, 1);

	/* Parameter 1: res (type: PT_ERRNO) */
	auxmap__store_s64_param(auxmap, ret);

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}
