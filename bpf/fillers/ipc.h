/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * pipe, pipe2 and kill: a channel between processes, and a signal. The
 * kernel module's are in driver/fillers/ipc.c, the modern driver's in
 * modern_bpf/programs/tail_called/events/syscall_dispatched_events/
 * (pipe.bpf.c, kill.bpf.c).
 *
 * pipe and pipe2 share one event pair (driver/syscall_table.c), so one
 * pair of fillers serves both: each takes the int[2] as argument 0, and
 * the schema has no param for pipe2's flags.
 */

FILLER(sys_pipe_e)
{
	bpf_frame_begin(data, PPME_SYSCALL_PIPE_E, 0);
	return 0;
}

FILLER(sys_pipe_x)
{
	long ret = bpf_syscall_get_retval(data);
	struct file *file;
	__s32 fds[2];

	bpf_frame_begin(data, PPME_SYSCALL_PIPE_X, 4);
	/* Parameter 1: res (type: PT_ERRNO) */
	bpf_push_s64_to_ring(data, ret);
	if (!bpf_read_pipe_fds(data, ret, fds)) {
		/* Parameters 2-4: not collected, see bpf_read_pipe_fds() */
		bpf_push_empty_param(data);
		bpf_push_empty_param(data);
		bpf_push_empty_param(data);
		return 0;
	}
	/* Parameter 2: fd1 (type: PT_FD), the read end */
	bpf_push_s64_to_ring(data, fds[0]);
	/* Parameter 3: fd2 (type: PT_FD), the write end */
	bpf_push_s64_to_ring(data, fds[1]);
	/*
	 * Parameter 4: ino (type: PT_UINT64), of the inode both ends share.
	 * Not collected if another thread closed fd1 already.
	 */
	file = bpf_fd_to_file(fds[0]);
	if (file)
		bpf_push_u64_to_ring(data, bpf_file_ino(file));
	else
		bpf_push_empty_param(data);
	return 0;
}

FILLER(sys_kill_e)
{
	bpf_frame_begin(data, PPME_SYSCALL_KILL_E, 2);
	/*
	 * Parameter 1: pid (type: PT_PID). A pid_t is an int, in the low 32
	 * bits of its register (the ABI leaves the high half undefined):
	 * widened with its sign, so that kill(-1, ...) and kill(-pgid, ...)
	 * read right.
	 */
	bpf_push_s64_to_ring(data, (__s32)bpf_syscall_get_argument(data, 0));
	/* Parameter 2: sig (type: PT_SIGTYPE), 0 only checks the target exists */
	bpf_push_u8_to_ring(data, bpf_syscall_get_argument(data, 1));
	return 0;
}

FILLER(sys_kill_x)
{
	bpf_frame_begin(data, PPME_SYSCALL_KILL_X, 1);
	/* Parameter 1: res (type: PT_ERRNO) */
	bpf_push_s64_to_ring(data, bpf_syscall_get_retval(data));
	return 0;
}
