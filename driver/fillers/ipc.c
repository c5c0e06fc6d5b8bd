// SPDX-License-Identifier: GPL-2.0-only
/*
 * pipe, pipe2 and kill: a channel between processes, and a signal.
 * The modern driver's twins: modern_bpf/programs/tail_called/events/
 * syscall_dispatched_events/{pipe,kill}.bpf.c.
 */
#include <linux/uaccess.h>
#include "../ppm_fillers.h"
#include "../extract/pipe.h"

/*
 * pipe and pipe2 share one event pair (syscall_table.c), and these fillers
 * need not tell them apart (args->syscall_id would): both take the int[2]
 * as argument 0, and the schema has no param for pipe2's flags, as in
 * Falco's 2022 schema.
 */
FILLER(sys_pipe_e)
{
	return 0;
}

/*
 * The two fds the kernel wrote into the caller's int[2]. false if there are
 * none to show: on failure the kernel wrote nothing and the array holds
 * whatever the caller left there, or it has become unreadable since (a
 * fault read).
 */
static bool read_pipe_fds(struct event_filler_arguments *args, s32 fds[2])
{
	if (args->retval != 0)
		return false;
	/* LAB 09.1 BEGIN: a captured pipe() oopses the kernel here: read the oops (README: Reading an oops), then fix the read */
	if (copy_from_user_nofault(fds, (const void __user *)args->args[0], 2 * sizeof(fds[0]))) {
		ppm_count_fault_read(args);
		return false;
	}
	return true;
	/* LAB 09.1 STARTER: memcpy(fds, (const void *)args->args[0], 2 * sizeof(fds[0])); */
	/* LAB 09.1 STARTER: return true; */
	/* LAB 09.1 END */
}

FILLER(sys_pipe_x)
{
	s32 fds[2];
	u64 ino;
	int res;

	/* Parameter 1: res (type: PT_ERRNO) */
	res = val_to_ring(args, args->retval, 0, false);
	if (res)
		return res;
	if (!read_pipe_fds(args, fds)) {
		/* Parameters 2-4: not collected, see read_pipe_fds() */
		res = push_empty_param(args);
		if (!res)
			res = push_empty_param(args);
		if (!res)
			res = push_empty_param(args);
		return res;
	}
	/* Parameter 2: fd1 (type: PT_FD), the read end */
	res = val_to_ring(args, (s64)fds[0], 0, false);
	if (res)
		return res;
	/* Parameter 3: fd2 (type: PT_FD), the write end */
	res = val_to_ring(args, (s64)fds[1], 0, false);
	if (res)
		return res;
	/*
	 * Parameter 4: ino (type: PT_UINT64), of the inode both ends share.
	 * Not collected if another thread closed fd1 already.
	 */
	if (!extract_fd_ino(fds[0], &ino))
		return push_empty_param(args);
	return val_to_ring(args, ino, 0, false);
}

FILLER(sys_kill_e)
{
	int res;

	/*
	 * Parameter 1: pid (type: PT_PID). A pid_t is an int: widened with its
	 * sign, so that kill(-1, ...) and kill(-pgid, ...) read right.
	 */
	res = val_to_ring(args, (s64)(s32)args->args[0], 0, false);
	if (res)
		return res;
	/* Parameter 2: sig (type: PT_SIGTYPE), 0 only checks the target exists */
	return val_to_ring(args, args->args[1], 0, false);
}

FILLER(sys_kill_x)
{
	/* Parameter 1: res (type: PT_ERRNO) */
	return val_to_ring(args, args->retval, 0, false);
}
