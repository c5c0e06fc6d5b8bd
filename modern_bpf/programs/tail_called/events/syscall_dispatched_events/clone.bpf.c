// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * clone(2): PPME_SYSCALL_CLONE_20_E / PPME_SYSCALL_CLONE_20_X.
 *
 * One successful clone gives two exit events: the parent's, with res = the
 * child's tid, and the child's, with res = 0, when the child first returns
 * to user space. Each describes the task it runs in; the child's is how a
 * reader learns about a new thread or process.
 *
 * Try it: ./build/scap-open --json -s clone -- sh -c 'true & wait'
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/auxmap_store_proc.h"
#include "../../../../helpers/store/ringbuf_store_params.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(clone_e, struct pt_regs *regs, long id)
{
	struct ringbuf_event ev;

	/* No parameters: all there is to know is known at exit. */
	if (!ringbuf__reserve_event(&ev, PPME_SYSCALL_CLONE_20_E, 0, 0))
		return 0;
	ringbuf__submit_event(&ev);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(clone_x, struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap = auxmap__get();
	struct task_struct *task = bpf_get_current_task_btf();
	/* The child's registers are a copy of the parent's: it sees the flags too. */
	unsigned long flags = extract__syscall_argument(regs, 0);

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_CLONE_20_X, 20);

	/* Parameter 1: res (type: PT_PID), the child's tid in the parent, 0 in the child */
	auxmap__store_s64_param(auxmap, ret);
	/* Parameters 2 and 3: exe, args */
	auxmap__store_clone_exe_args(auxmap, task, ret);
	/* Parameters 4 to 15: tid, pid, ptid, cwd, fdlimit ... comm, cgroups */
	auxmap__store_proc_common_params(auxmap, task);
	/* Parameter 16: flags (type: PT_FLAGS32) */
	auxmap__store_u32_param(auxmap,
				clone_flags_to_scap(flags) | extract__child_in_pidns_flag(task));
	/* Parameters 17 to 20: uid, gid, vtid, vpid */
	auxmap__store_clone_ids_params(auxmap, task);

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}
