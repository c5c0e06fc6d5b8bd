// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * fork(2): PPME_SYSCALL_FORK_20_E / PPME_SYSCALL_FORK_20_X.
 *
 * Like clone: one exit event in the parent (res = the child's pid) and one
 * in the child (res = 0). glibc's fork() calls clone, so only programs that
 * make the raw syscall show fork events.
 *
 * Try it: ./build/scap-open --json -s fork -- python3 -c \
 *   'import ctypes, os; pid = ctypes.CDLL(None).syscall(57); pid or os._exit(0); os.wait()'
 */
#include "../../../../helpers/store/auxmap_store_proc.h"
#include "../../../../helpers/store/ringbuf_store_params.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(fork_e, struct pt_regs *regs, long id)
{
	struct ringbuf_event ev;

	/* No parameters: all there is to know is known at exit. */
	if (!ringbuf__reserve_event(&ev, PPME_SYSCALL_FORK_20_E, 0, 0))
		return 0;
	ringbuf__submit_event(&ev);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(fork_x, struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap = auxmap__get();
	struct task_struct *task = bpf_get_current_task_btf();

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_FORK_20_X, 20);

	/* Parameter 1: res (type: PT_PID), the child's tid in the parent, 0 in the child */
	auxmap__store_s64_param(auxmap, ret);
	/* Parameters 2 and 3: exe, args */
	auxmap__store_clone_exe_args(auxmap, task, ret);
	/* Parameters 4 to 15: tid, pid, ptid, cwd, fdlimit ... comm, cgroups */
	auxmap__store_proc_common_params(auxmap, task);
	/*
	 * Parameter 16: flags (type: PT_FLAGS32). fork(2) takes no flags
	 * argument, so, as Falco, only what we learn from the kernel.
	 */
	auxmap__store_u32_param(auxmap, extract__child_in_pidns_flag(task));
	/* Parameters 17 to 20: uid, gid, vtid, vpid */
	auxmap__store_clone_ids_params(auxmap, task);

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}
