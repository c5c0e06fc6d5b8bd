/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * execve, execveat, clone, clone3, fork and vfork. The kernel module's are
 * in driver/fillers/proc.c and proc_common.c, the modern driver's in
 * modern_bpf/programs/tail_called/events/syscall_dispatched_events/.
 *
 * The exit events of the two families share their first 15 params
 * (driver/event_table.c, CLONE_EXIT_PARAMS and EXECVE_EXIT_PARAMS): the
 * full state of a process that just started (a clone's child) or just
 * became another program (execve), so that userspace can keep its process
 * table without reading /proc. Falco calls that filler proc_startupdate.
 *
 * Their exits are the largest events the probe sends. Written as one
 * program each, the six exit fillers cost the verifier 696 ms on 6.18
 * (execve's 184k instructions processed, clone's 87k), and half a minute
 * under the guest's emulated CPU: each held its own copy of the cwd walk
 * and of the 16 x 16 unrolled cgroups walk. So each writes params 1 to 3
 * and goes on, by tail call, in programs the six share, each verified
 * once, and each under the 4096 instructions of Linux 4.14:
 *
 *   f_sys_execve_x ─┐
 *   f_sys_clone_x  ─┼─► f_proc_startupdate_common ─► f_proc_startupdate_cgroups ─┐
 *   ... (6)        ─┘    params 4 to 14                param 15, one controller  │
 *                                                      a round (it calls itself) │
 *                                                                                │
 *   perf buffer ◄─┬── f_proc_startupdate_execve ◄── the execve family ◄──────────┤
 *                 └── f_proc_startupdate_clone  ◄── the clone family ◄───────────┘
 *                     params 16 to 20
 *
 * The frame (its payload and length positions) is in a map, so it
 * outlives each program; the registers are read again from the context.
 * Falco's legacy probe split its proc_startupdate too, in three, for 4.14's
 * 4096-instruction limit.
 */

/* TASK_COMM_LEN: comm is at most 15 characters and a NUL. */
#define BPF_TASK_COMM_LEN 16

/* ---- params 1 to 3, each syscall's own program ---- */

/*
 * Parameters 2 and 3 of the clone family: the task's exe and args, the
 * same in the parent and in the child, which runs the same program. A
 * failed clone started nothing: both empty.
 */
static __always_inline void bpf_store_clone_exe_args(struct filler_data *data,
						     struct task_struct *task, long ret)
{
	if (ret >= 0) {
		bpf_store_exe_args_from_mm(data, READ_KERNEL(task, mm));
		return;
	}
	/* Parameter 2: exe (type: PT_CHARBUF). Not collected: the clone failed. */
	bpf_push_empty_param(data);
	/* Parameter 3: args (type: PT_BYTEBUF). Not collected: the clone failed. */
	bpf_push_empty_param(data);
}

/*
 * Parameters 1 to 3 of a clone family exit, then on to the shared
 * programs. One successful call gives two exits: the parent's (res = the
 * child's tid) and the child's (res = 0), when it first returns to user
 * space; each describes the task it runs in.
 */
static __always_inline int bpf_clone_exit_begin(struct filler_data *data, __u32 event_type)
{
	long ret = bpf_syscall_get_retval(data);

	bpf_frame_begin(data, event_type, 20);
	/* Parameter 1: res (type: PT_PID), the child's tid in the parent, 0 in the child */
	bpf_push_s64_to_ring(data, ret);
	/* Parameters 2 and 3: exe, args */
	bpf_store_clone_exe_args(data, get_current_task(), ret);
	return bpf_tail_call_next(data, SCAP_BPF_TAIL_PROC_STARTUPDATE_COMMON);
}

/*
 * Parameters 1 to 3 of an execve or execveat exit. On success the process
 * is already the new program: exe and args are read from its memory. On
 * failure the old one goes on, and they come from the call's argv
 * (execve's argument 1, execveat's 2).
 */
static __always_inline int bpf_execve_exit_begin(struct filler_data *data, __u32 event_type,
						 int argv_idx)
{
	long ret = bpf_syscall_get_retval(data);

	bpf_frame_begin(data, event_type, 20);
	/* Parameter 1: res (type: PT_ERRNO) */
	bpf_push_s64_to_ring(data, ret);
	/* Parameters 2 and 3: exe, args */
	if (ret == 0)
		bpf_store_exe_args_from_mm(data, READ_KERNEL(get_current_task(), mm));
	else
		bpf_store_exe_args_from_argv(data, bpf_syscall_get_argument(data, argv_idx));
	return bpf_tail_call_next(data, SCAP_BPF_TAIL_PROC_STARTUPDATE_COMMON);
}

FILLER(sys_execve_e)
{
	bpf_frame_begin(data, PPME_SYSCALL_EXECVE_19_E, 1);
	/* Parameter 1: filename (type: PT_FSPATH), as the caller gave it */
	bpf_val_to_ring_str(data, bpf_syscall_get_argument(data, 0), MAX_PATH, USER);
	return 0;
}

FILLER(sys_execve_x)
{
	return bpf_execve_exit_begin(data, PPME_SYSCALL_EXECVE_19_X, 1);
}

FILLER(sys_execveat_e)
{
	bpf_frame_begin(data, PPME_SYSCALL_EXECVEAT_E, 3);
	/* Parameter 1: dirfd (type: PT_FD). AT_FDCWD stays -100, as in Falco. */
	bpf_push_s64_to_ring(data, (__s32)bpf_syscall_get_argument(data, 0));
	/* Parameter 2: pathname (type: PT_FSRELPATH), "" with AT_EMPTY_PATH */
	bpf_val_to_ring_str(data, bpf_syscall_get_argument(data, 1), MAX_PATH, USER);
	/* Parameter 3: flags (type: PT_FLAGS32) */
	bpf_push_u32_to_ring(data, execveat_flags_to_scap(bpf_syscall_get_argument(data, 4)));
	return 0;
}

/*
 * Only a failed execveat gets here. After a successful one, the registers
 * sys_exit reads hold execve's number, so the dispatcher sends execve's
 * exit event instead (the other drivers do the same).
 */
FILLER(sys_execveat_x)
{
	return bpf_execve_exit_begin(data, PPME_SYSCALL_EXECVEAT_X, 2);
}

/* No parameters at enter: all there is to know is known at exit. */
FILLER(sys_clone_e)
{
	bpf_frame_begin(data, PPME_SYSCALL_CLONE_20_E, 0);
	return 0;
}

FILLER(sys_clone_x)
{
	return bpf_clone_exit_begin(data, PPME_SYSCALL_CLONE_20_X);
}

FILLER(sys_clone3_e)
{
	bpf_frame_begin(data, PPME_SYSCALL_CLONE3_E, 0);
	return 0;
}

FILLER(sys_clone3_x)
{
	return bpf_clone_exit_begin(data, PPME_SYSCALL_CLONE3_X);
}

FILLER(sys_fork_e)
{
	bpf_frame_begin(data, PPME_SYSCALL_FORK_20_E, 0);
	return 0;
}

FILLER(sys_fork_x)
{
	return bpf_clone_exit_begin(data, PPME_SYSCALL_FORK_20_X);
}

FILLER(sys_vfork_e)
{
	bpf_frame_begin(data, PPME_SYSCALL_VFORK_20_E, 0);
	return 0;
}

FILLER(sys_vfork_x)
{
	return bpf_clone_exit_begin(data, PPME_SYSCALL_VFORK_20_X);
}

/* ---- params 4 to 15, the same in both families ---- */

FILLER(proc_startupdate_common)
{
	struct task_struct *task = get_current_task();
	struct mm_struct *mm = READ_KERNEL(task, mm);
	struct fs_struct *fs = READ_KERNEL(task, fs);

	/* Parameter 4: tid (type: PT_PID), the global thread id */
	bpf_push_s64_to_ring(data, READ_KERNEL(task, pid));
	/* Parameter 5: pid (type: PT_PID), the global process id (tgid) */
	bpf_push_s64_to_ring(data, READ_KERNEL(task, tgid));
	/* Parameter 6: ptid (type: PT_PID), the parent's thread id */
	bpf_push_s64_to_ring(data, bpf_task_ptid(task));
	/*
	 * Parameter 7: cwd (type: PT_CHARBUF). Falco's 2022 drivers store ""
	 * and leave chdir() to userspace; like the other two drivers, we walk it.
	 */
	bpf_store_d_path(data, READ_KERNEL(fs, pwd.dentry), READ_KERNEL(fs, pwd.mnt),
			 READ_KERNEL(fs, root.dentry), READ_KERNEL(fs, root.mnt));
	/* Parameter 8: fdlimit (type: PT_INT64 in clone, PT_UINT64 in execve: 8 bytes both) */
	bpf_push_u64_to_ring(data, bpf_task_fdlimit(task));
	/* Parameter 9: pgft_maj (type: PT_UINT64), this thread's faults that needed I/O */
	bpf_push_u64_to_ring(data, READ_KERNEL(task, maj_flt));
	/* Parameter 10: pgft_min (type: PT_UINT64) */
	bpf_push_u64_to_ring(data, READ_KERNEL(task, min_flt));
	/* Parameter 11: vm_size (type: PT_UINT32), KiB; 0 for a task without memory */
	bpf_push_u32_to_ring(data, mm ? bpf_mm_vm_size(mm) : 0);
	/* Parameter 12: vm_rss (type: PT_UINT32), KiB */
	bpf_push_u32_to_ring(data, mm ? bpf_mm_vm_rss(mm) : 0);
	/* Parameter 13: vm_swap (type: PT_UINT32), KiB */
	bpf_push_u32_to_ring(data, mm ? bpf_mm_vm_swap(mm) : 0);
	/* Parameter 14: comm (type: PT_CHARBUF), the name ps shows; task->comm is an address */
	bpf_val_to_ring_str(data, (unsigned long)task->comm, BPF_TASK_COMM_LEN, KERNEL);
	data->frame->round = 0;
	data->frame->round_len = 0;
	return bpf_tail_call_next(data, SCAP_BPF_TAIL_PROC_STARTUPDATE_CGROUPS);
}

/*
 * Parameter 15: cgroups (type: PT_BYTEBUF), one controller's entry a
 * round: the program tail-calls itself for the next, and the tail once
 * there is none (helpers/cgroups.h says why). A chain of tail calls is
 * a loop that the verifier checks once, and that 4.14 allowed: up to 32
 * calls in a row, and this chain makes at most 3 + 16.
 */
FILLER(proc_startupdate_cgroups)
{
	struct scap_bpf_frame *frame = data->frame;
	__u32 len = bpf_cgroup_entry(data, get_current_task(), frame->round, frame->round_len);

	if (len) {
		frame->round++;
		frame->round_len += len;
		return bpf_tail_call_next(data, SCAP_BPF_TAIL_PROC_STARTUPDATE_CGROUPS);
	}
	bpf_commit_param(data, frame->round_len);
	switch (((struct ppm_evt_hdr *)frame->data)->type) {
	case PPME_SYSCALL_EXECVE_19_X:
	case PPME_SYSCALL_EXECVEAT_X:
		return bpf_tail_call_next(data, SCAP_BPF_TAIL_PROC_STARTUPDATE_EXECVE);
	default:
		return bpf_tail_call_next(data, SCAP_BPF_TAIL_PROC_STARTUPDATE_CLONE);
	}
}

/* ---- params 16 to 20, each family's own ---- */

/* Parameters 16 to 20 of an execve or execveat exit (argv_idx as above). */
static __always_inline void bpf_store_execve_tail(struct filler_data *data,
						  struct task_struct *task, int argv_idx)
{
	__u32 loginuid;

	/* Parameter 16: env (type: PT_BYTEBUF) */
	if (bpf_syscall_get_retval(data) == 0)
		bpf_store_env_from_mm(data, READ_KERNEL(task, mm));
	else
		bpf_store_env_from_envp(data, bpf_syscall_get_argument(data, argv_idx + 1));
	/* Parameter 17: tty (type: PT_INT32), the controlling terminal's device, 0 if none */
	bpf_push_s32_to_ring(data, bpf_task_tty(task));
	/* Parameter 18: pgid (type: PT_PID), the process group inside its pid namespace */
	bpf_push_s64_to_ring(data, bpf_task_vnr(task, PIDTYPE_PGID));
	/*
	 * Parameter 19: loginuid (type: PT_INT32), -1 if never set.
	 * Not collected on a kernel without CONFIG_AUDIT, which has none.
	 */
	if (bpf_task_loginuid(task, &loginuid))
		bpf_push_s32_to_ring(data, loginuid);
	else
		bpf_push_empty_param(data);
	/* Parameter 20: flags (type: PT_FLAGS32) */
	bpf_push_u32_to_ring(data, bpf_exe_writable(task) ? PPM_EXE_WRITABLE : 0);
}

/*
 * Parameter 16 of a clone family exit: flags (type: PT_FLAGS32). In the
 * child too the registers are a copy of the parent's: it reads the
 * syscall's arguments as the parent does.
 */
static __always_inline void bpf_store_clone_flags(struct filler_data *data,
						  struct task_struct *task, __u16 event_type)
{
	unsigned long arg0 = bpf_syscall_get_argument(data, 0);
	__u64 flags;

	switch (event_type) {
	case PPME_SYSCALL_CLONE_20_X:
		bpf_push_u32_to_ring(data, clone_flags_to_scap(arg0) | bpf_child_in_pidns_flag(task));
		return;
	case PPME_SYSCALL_CLONE3_X:
		/*
		 * clone_args.flags, the first __u64 of a uapi struct at arg0.
		 * Not collected in a child that shares the parent's memory (a
		 * thread): the parent may have returned and reused the struct
		 * (glibc keeps it on its stack) before the child runs; the
		 * parent's event has them. A child with its own memory reads
		 * its copy.
		 */
		if (bpf_syscall_get_retval(data) == 0 && bpf_mm_is_shared(READ_KERNEL(task, mm))) {
			bpf_push_empty_param(data);
		} else if (bpf_probe_read_user(&flags, sizeof(flags), (const void *)arg0)) {
			count_fault_read();
			bpf_push_empty_param(data);	/* Not collected: unreadable */
		} else {
			bpf_push_u32_to_ring(data, clone_flags_to_scap(flags) |
					     bpf_child_in_pidns_flag(task));
		}
		return;
	default:
		/*
		 * fork(2) and vfork(2) have no flags argument: only what the
		 * kernel tells, as Falco. (The kernel runs vfork as
		 * clone(CLONE_VM | CLONE_VFORK), but Falco records the caller's
		 * argument.)
		 */
		bpf_push_u32_to_ring(data, bpf_child_in_pidns_flag(task));
	}
}

/*
 * Parameters 16 to 20 of a clone family exit. In the child they describe
 * the child, in the parent the parent.
 */
static __always_inline void bpf_store_clone_tail(struct filler_data *data,
						 struct task_struct *task, __u16 event_type)
{
	/* Parameter 16: flags (type: PT_FLAGS32) */
	bpf_store_clone_flags(data, task, event_type);
	/* Parameter 17: uid (type: PT_UINT32), the effective uid */
	bpf_push_u32_to_ring(data, bpf_task_euid(task));
	/* Parameter 18: gid (type: PT_UINT32), the effective gid */
	bpf_push_u32_to_ring(data, bpf_task_egid(task));
	/* Parameter 19: vtid (type: PT_PID), the tid inside its pid namespace */
	bpf_push_s64_to_ring(data, bpf_task_vnr(task, PIDTYPE_PID));
	/* Parameter 20: vpid (type: PT_PID), the pid inside its pid namespace */
	bpf_push_s64_to_ring(data, bpf_task_vnr(task, PIDTYPE_TGID));
}

/* The last programs of the chain, one per family: their params differ. */
FILLER(proc_startupdate_execve)
{
	__u16 event_type = ((struct ppm_evt_hdr *)data->frame->data)->type;

	bpf_store_execve_tail(data, get_current_task(),
			      event_type == PPME_SYSCALL_EXECVEAT_X ? 2 : 1);
	return 0;
}

FILLER(proc_startupdate_clone)
{
	__u16 event_type = ((struct ppm_evt_hdr *)data->frame->data)->type;

	bpf_store_clone_tail(data, get_current_task(), event_type);
	return 0;
}
