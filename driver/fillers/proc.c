// SPDX-License-Identifier: GPL-2.0-only
/*
 * execve, execveat and the clone family: clone, clone3, fork, vfork.
 *
 * Their exit events carry the full state of a process that just started
 * (a clone's child) or just became another program (execve), so that a
 * reader can keep its process table without reading /proc. The 20 params
 * are stored by fillers/proc_common.c; each filler here says only what is
 * its syscall's own: its event, and where its flags, argv and envp are.
 *
 * One successful clone gives two exit events: the parent's, with res =
 * the child's tid, and the child's, with res = 0, when the child first
 * returns to user space. The child's registers are a copy of the
 * parent's, so it sees the same syscall arguments. Each event describes
 * the task it runs in.
 *
 * The modern driver's twins: modern_bpf/programs/tail_called/events/
 * syscall_dispatched_events/{execve,execveat,clone,clone3,fork,vfork}.bpf.c.
 */
#include <linux/sched.h>
#include <linux/uaccess.h>
#include "../ppm_fillers.h"
#include "../ppm_flag_helpers.h"
#include "../extract/process.h"
#include "proc_common.h"

/*
 * The execve family's exit, argv and envp being the syscall arguments
 * argv_idx and argv_idx + 1. On success the process's memory, argv,
 * environment and comm are the new program's; on failure the old program
 * goes on, and exe, args and env say what it tried to run.
 */
static int execve_family_x(struct event_filler_arguments *args, int argv_idx)
{
	bool ok = args->retval == 0;
	int res;

	/* Parameter 1: res (type: PT_ERRNO) */
	res = val_to_ring(args, args->retval, 0, false);
	if (res)
		return res;
	/* Parameters 2 and 3: exe, args, of the new program or from argv */
	if (ok)
		res = proc_store_exe_args_from_mm(args);
	else
		res = proc_store_exe_args_from_argv(args, args->args[argv_idx]);
	if (res)
		return res;
	/* Parameters 4 to 15: tid, pid, ptid, cwd, fdlimit ... comm, cgroups */
	res = proc_store_common_params(args);
	if (res)
		return res;
	/* Parameter 16: env (type: PT_BYTEBUF), of the new program or from envp */
	if (ok)
		res = proc_store_env_from_mm(args);
	else
		res = proc_store_env_from_envp(args, args->args[argv_idx + 1]);
	if (res)
		return res;
	/* Parameters 17 to 20: tty, pgid, loginuid, flags */
	return proc_store_execve_tail_params(args);
}

FILLER(sys_execve_e)
{
	/* Parameter 1: filename (type: PT_FSPATH), as the caller gave it */
	return val_to_ring(args, args->args[0], MAX_PATH, true);
}

FILLER(sys_execve_x)
{
	return execve_family_x(args, 1);
}

FILLER(sys_execveat_e)
{
	int res;

	/* Parameter 1: dirfd (type: PT_FD). AT_FDCWD stays -100, as in Falco. */
	res = val_to_ring(args, syscall_arg_fd(args, 0), 0, false);
	if (res)
		return res;
	/* Parameter 2: pathname (type: PT_FSRELPATH), "" with AT_EMPTY_PATH */
	res = val_to_ring(args, args->args[1], MAX_PATH, true);
	if (res)
		return res;
	/* Parameter 3: flags (type: PT_FLAGS32) */
	return val_to_ring(args, execveat_flags_to_scap(args->args[4]), 0, false);
}

/*
 * Only a failed execveat gets here: after a successful one the syscall
 * number in the saved registers is execve's, so the new program is
 * announced by execve's exit, as on the BPF side and in Falco's drivers.
 */
FILLER(sys_execveat_x)
{
	return execve_family_x(args, 2);
}

/* No parameters: all there is to know is known at exit. */
FILLER(sys_clone_e)
{
	return 0;
}

FILLER(sys_clone3_e)
{
	return 0;
}

FILLER(sys_fork_e)
{
	return 0;
}

FILLER(sys_vfork_e)
{
	return 0;
}

/* Parameters 1 to 15 of the clone family, the same in all four. */
static int clone_family_head(struct event_filler_arguments *args)
{
	int res;

	/* Parameter 1: res (type: PT_PID), the child's tid in the parent, 0 in the child */
	res = val_to_ring(args, args->retval, 0, false);
	if (res)
		return res;
	/*
	 * Parameters 2 and 3: exe, args, the task's own, in the parent as in
	 * the child (which runs the same program). A failed clone started no
	 * process: both empty.
	 */
	if (args->retval >= 0) {
		res = proc_store_exe_args_from_mm(args);
	} else {
		/* Parameter 2: exe (type: PT_CHARBUF). Not collected: the clone failed. */
		res = push_empty_param(args);
		if (res)
			return res;
		/* Parameter 3: args (type: PT_BYTEBUF). Not collected: the clone failed. */
		res = push_empty_param(args);
	}
	if (res)
		return res;
	/* Parameters 4 to 15: tid, pid, ptid, cwd, fdlimit ... comm, cgroups */
	return proc_store_common_params(args);
}

/* A clone family exit whose Parameter 16, flags, is the value given. */
static int clone_family_x(struct event_filler_arguments *args, u32 flags)
{
	int res;

	res = clone_family_head(args);
	if (res)
		return res;
	/* Parameter 16: flags (type: PT_FLAGS32) */
	res = val_to_ring(args, flags, 0, false);
	if (res)
		return res;
	/* Parameters 17 to 20: uid, gid, vtid, vpid */
	return proc_store_clone_ids_params(args);
}

FILLER(sys_clone_x)
{
	return clone_family_x(args, clone_flags_to_scap(args->args[0]) |
				    extract_child_in_pidns_flag());
}

/*
 * fork(2) and vfork(2) take no flags argument (the kernel runs vfork as
 * clone(CLONE_VM | CLONE_VFORK), but Falco records the argument): as
 * Falco, only what we learn from the kernel.
 */
FILLER(sys_fork_x)
{
	return clone_family_x(args, extract_child_in_pidns_flag());
}

FILLER(sys_vfork_x)
{
	return clone_family_x(args, extract_child_in_pidns_flag());
}

FILLER(sys_clone3_x)
{
	/* The child's registers are a copy of the parent's: it sees uargs too. */
	unsigned long uargs = args->args[0];
	u64 flags;
	int res;

	res = clone_family_head(args);
	if (res)
		return res;
	/*
	 * Parameter 16: flags (type: PT_FLAGS32), clone_args.flags: the struct
	 * is uapi, its layout fixed, flags its first __u64.
	 * Not collected in a child that shares the parent's memory (a thread):
	 * the parent has returned and may have reused the struct (glibc keeps
	 * it on its stack) by the time the child runs. The parent's event has
	 * the flags. A child with its own memory reads its own copy.
	 */
	if (args->retval == 0 && current->mm && extract_mm_is_shared(current->mm)) {
		res = push_empty_param(args);
	} else if (copy_from_user_nofault(&flags, (const void __user *)uargs, sizeof(flags))) {
		ppm_count_fault_read(args);
		res = push_empty_param(args);	/* Not collected: unreadable */
	} else {
		res = val_to_ring(args, clone_flags_to_scap(flags) | extract_child_in_pidns_flag(),
				  0, false);
	}
	if (res)
		return res;
	/* Parameters 17 to 20: uid, gid, vtid, vpid */
	return proc_store_clone_ids_params(args);
}
