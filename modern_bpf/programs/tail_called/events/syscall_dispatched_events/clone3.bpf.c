// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * clone3(2): PPME_SYSCALL_CLONE3_E / PPME_SYSCALL_CLONE3_X.
 *
 * clone with its arguments in a struct clone_args in user memory, which
 * glibc 2.34+ uses for pthread_create() and posix_spawn(). Like clone: one
 * exit event in the parent (res = the child's tid) and one in the child
 * (res = 0).
 *
 * Try it: ./build/scap-open --json -s clone3 -- python3 -c \
 *   'import threading; t = threading.Thread(target=print); t.start(); t.join()'
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/auxmap_store_proc.h"
#include "../../../../helpers/store/ringbuf_store_params.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(clone3_e, struct pt_regs *regs, long id)
{
	struct ringbuf_event ev;

	/* No parameters: all there is to know is known at exit. */
	if (!ringbuf__reserve_event(&ev, PPME_SYSCALL_CLONE3_E, 0, 0))
		return 0;
	ringbuf__submit_event(&ev);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(clone3_x, struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap = auxmap__get();
	struct task_struct *task = bpf_get_current_task_btf();
	/* The child's registers are a copy of the parent's: it sees uargs too. */
	unsigned long uargs = extract__syscall_argument(regs, 0);
	__u64 flags;

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_CLONE3_X, 20);

	/* Parameter 1: res (type: PT_PID), the child's tid in the parent, 0 in the child */
	auxmap__store_s64_param(auxmap, ret);
	/* Parameters 2 and 3: exe, args */
	auxmap__store_clone_exe_args(auxmap, task, ret);
	/* Parameters 4 to 15: tid, pid, ptid, cwd, fdlimit ... comm, cgroups */
	auxmap__store_proc_common_params(auxmap, task);
	/*
	 * Parameter 16: flags (type: PT_FLAGS32), clone_args.flags: the struct
	 * is uapi, its layout fixed, flags its first __u64.
	 * Not collected in a child that shares the parent's memory (a thread):
	 * the parent has returned and may have reused the struct (glibc keeps
	 * it on its stack) by the time the child runs. The parent's event has
	 * the flags. A child with its own memory reads its own copy.
	 */
	if (ret == 0 && extract__mm_is_shared(BPF_CORE_READ(task, mm))) {
		auxmap__store_empty_param(auxmap);
	} else if (bpf_probe_read_user(&flags, sizeof(flags), (const void *)uargs)) {
		count_fault_read();
		auxmap__store_empty_param(auxmap);	/* Not collected: unreadable */
	} else {
		auxmap__store_u32_param(auxmap, clone_flags_to_scap(flags) |
					extract__child_in_pidns_flag(task));
	}
	/* Parameters 17 to 20: uid, gid, vtid, vpid */
	auxmap__store_clone_ids_params(auxmap, task);

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}
