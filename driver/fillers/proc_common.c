// SPDX-License-Identifier: GPL-2.0-only
/*
 * The process params of the clone and execve families' exit events: see
 * proc_common.h.
 *
 * exe, args, env: where a program's arguments live.
 *   A running process's argv and environ strings sit back to back in its
 *   own memory, between mm->arg_start and arg_end (env_start, env_end),
 *   NUL-separated: "/bin/ls\0-l\0/tmp\0". exe is the first string, args
 *   the rest, as Falco stores them. After a failed execve the new program
 *   never ran, so they come from the syscall's own argv and envp arrays.
 *   At most MAX_PROC_ARG_ENV bytes each.
 *
 * args and env are built string by string with ppm_read_user_str(), which
 * stores each one as bpf_probe_read_user_str() does: where that helper
 * stores "" as nothing (before 6.16), an "" argument vanishes from args on
 * both drivers.
 */
#include <linux/minmax.h>
#include <linux/mm_types.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include <linux/version.h>
#include "../ppm_flags.h"
#include "../extract/cgroups.h"
#include "../extract/path.h"
#include "../extract/process.h"
#include "mem.h"
#include "proc_common.h"

/* TASK_COMM_LEN: comm is at most 15 characters and a NUL. */
#define SCAP_TASK_COMM_LEN 16

static u32 last_param_len(struct event_filler_arguments *args)
{
	const u16 *lens = (const u16 *)(args->buffer + PPM_EVT_HDR_SIZE);

	return lens[args->curarg - 1];
}

/* A string param from user memory; *stored: its length (0 if left empty). */
static int store_user_str(struct event_filler_arguments *args, unsigned long src, u32 max,
			  u32 *stored)
{
	long n = 0;

	if (src) {
		n = ppm_read_user_str(args, 0, src, max);
		if (n == -ENOSPC)
			return n;
		if (n < 0)
			n = 0;
	}
	*stored = n;
	return ppm_param_commit(args, n);
}

/*
 * len bytes of NUL-separated strings from user memory at ptr, ending in
 * NUL even when MAX_PROC_ARG_ENV cut the last one, as Falco ends it.
 */
static int store_string_list(struct event_filler_arguments *args, unsigned long ptr, u32 len)
{
	int res = val_to_ring(args, ptr, len, true);

	if (!res && last_param_len(args))
		args->buffer[args->arg_data_offset - 1] = '\0';
	return res;
}

/*
 * A user array of string pointers (argv, envp), NULL-terminated, as one
 * NUL-separated list of at most max_bytes. It stops, keeping what it has,
 * at a pointer or a string it cannot read.
 */
static int store_user_array(struct event_filler_arguments *args, unsigned long array,
			    u32 max_bytes)
{
	unsigned long str, slot;
	u32 total = 0, i;
	long n;

	/* At most MAX_PROC_ARG_ENV strings, as the BPF side loops. */
	for (i = 0; array && i < MAX_PROC_ARG_ENV && total < max_bytes; i++) {
		slot = array + i * sizeof(str);
		if (copy_from_user_nofault(&str, (const void __user *)slot, sizeof(str))) {
			ppm_count_fault_read(args);
			break;
		}
		if (!str)
			break;
		n = ppm_read_user_str(args, total, str,
				  min_t(u32, max_bytes - total, MAX_PROC_ARG_ENV));
		if (n == -ENOSPC)
			return n;
		if (n < 0)
			break;
		total += n;
	}
	return ppm_param_commit(args, total);
}

int proc_store_exe_args_from_mm(struct event_filler_arguments *args)
{
	struct mm_struct *mm = current->mm;
	unsigned long start = 0, end = 0;
	u32 total = 0, exe_len;
	int res;

	if (mm) {
		/* prctl(PR_SET_MM) moves them under arg_lock, a spinlock. */
		spin_lock(&mm->arg_lock);
		start = mm->arg_start;
		end = mm->arg_end;
		spin_unlock(&mm->arg_lock);
	}
	if (start && end > start)
		total = min_t(unsigned long, end - start, MAX_PROC_ARG_ENV);
	if (!total) {
		/* Parameter 2: exe (type: PT_CHARBUF). Not collected: no argv area. */
		res = push_empty_param(args);
		if (res)
			return res;
		/* Parameter 3: args (type: PT_BYTEBUF). Not collected: no argv area. */
		return push_empty_param(args);
	}
	/* Parameter 2: exe (type: PT_CHARBUF), argv[0] */
	res = store_user_str(args, start, MAX_PROC_ARG_ENV, &exe_len);
	if (res)
		return res;
	/* Parameter 3: args (type: PT_BYTEBUF), argv[1..] as "a\0b\0" */
	return store_string_list(args, start + exe_len, exe_len < total ? total - exe_len : 0);
}

int proc_store_exe_args_from_argv(struct event_filler_arguments *args, unsigned long argv)
{
	unsigned long exe = 0;
	u32 exe_len;
	int res;

	if (argv && copy_from_user_nofault(&exe, (const void __user *)argv, sizeof(exe))) {
		ppm_count_fault_read(args);
		exe = 0;
	}
	/* Parameter 2: exe (type: PT_CHARBUF), argv[0] */
	res = store_user_str(args, exe, MAX_PROC_ARG_ENV, &exe_len);
	if (res)
		return res;
	/* Parameter 3: args (type: PT_BYTEBUF), argv[1..] */
	return store_user_array(args, exe ? argv + sizeof(exe) : 0, MAX_PROC_ARG_ENV - exe_len);
}

int proc_store_common_params(struct event_filler_arguments *args)
{
	struct mm_struct *mm = current->mm;
	int res, n;

	/* Parameter 4: tid (type: PT_PID), the global thread id */
	res = val_to_ring(args, current->pid, 0, false);
	if (res)
		return res;
	/* Parameter 5: pid (type: PT_PID), the global process id (tgid) */
	res = val_to_ring(args, current->tgid, 0, false);
	if (res)
		return res;
	/* Parameter 6: ptid (type: PT_PID), the parent's thread id */
	res = val_to_ring(args, extract_task_ptid(), 0, false);
	if (res)
		return res;
	/*
	 * Parameter 7: cwd (type: PT_CHARBUF). Falco's 2022 drivers store ""
	 * here and let userspace track chdir(); we collect the real one.
	 */
	n = extract_cwd(ppm_param_dst(args), ppm_param_room(args));
	if (n < 0)
		return n;
	res = ppm_param_commit(args, n);
	if (res)
		return res;
	/* Parameter 8: fdlimit (type: PT_INT64 in clone, PT_UINT64 in execve: 8 bytes both) */
	res = val_to_ring(args, extract_task_fdlimit(), 0, false);
	if (res)
		return res;
	/* Parameter 9: pgft_maj (type: PT_UINT64), this thread's faults that needed I/O */
	res = val_to_ring(args, current->maj_flt, 0, false);
	if (res)
		return res;
	/* Parameter 10: pgft_min (type: PT_UINT64) */
	res = val_to_ring(args, current->min_flt, 0, false);
	if (res)
		return res;
	/* Parameters 11-13: vm_size, vm_rss, vm_swap (KiB; 0 for a task without memory) */
	res = mem_store_vm_sizes(args, mm);
	if (res)
		return res;
	/* Parameter 14: comm (type: PT_CHARBUF), the name ps shows */
	res = val_to_ring(args, (unsigned long)current->comm, SCAP_TASK_COMM_LEN, false);
	if (res)
		return res;
	/* Parameter 15: cgroups (type: PT_BYTEBUF), "cpuset=/\0cpu=/...\0" */
	n = extract_cgroups(ppm_param_dst(args), ppm_param_room(args));
	if (n < 0)
		return n;
	return ppm_param_commit(args, n);
}

int proc_store_env_from_mm(struct event_filler_arguments *args)
{
	struct mm_struct *mm = current->mm;
	unsigned long start = 0, end = 0;
	u32 total = 0;

	if (mm) {
		spin_lock(&mm->arg_lock);
		start = mm->env_start;
		end = mm->env_end;
		spin_unlock(&mm->arg_lock);
	}
	if (start && end > start)
		total = min_t(unsigned long, end - start, MAX_PROC_ARG_ENV);
	/* Parameter 16: env (type: PT_BYTEBUF), "HOME=/root\0PATH=...\0" */
	return store_string_list(args, start, total);
}

int proc_store_env_from_envp(struct event_filler_arguments *args, unsigned long envp)
{
	/* Parameter 16: env (type: PT_BYTEBUF) */
	return store_user_array(args, envp, MAX_PROC_ARG_ENV);
}

int proc_store_execve_tail_params(struct event_filler_arguments *args)
{
	u32 loginuid;
	int res;

	/* Parameter 17: tty (type: PT_INT32), the controlling terminal's device, 0 if none */
	res = val_to_ring(args, extract_task_tty(), 0, false);
	if (res)
		return res;
	/* Parameter 18: pgid (type: PT_PID), the process group inside its pid namespace */
	res = val_to_ring(args, task_pgrp_vnr(current), 0, false);
	if (res)
		return res;
	/*
	 * Parameter 19: loginuid (type: PT_INT32), -1 if never set.
	 * Not collected on a kernel without CONFIG_AUDIT, which has none.
	 */
	if (extract_task_loginuid(&loginuid))
		res = val_to_ring(args, loginuid, 0, false);
	else
		res = push_empty_param(args);
	if (res)
		return res;
	/* Parameter 20: flags (type: PT_FLAGS32) */
	return val_to_ring(args, extract_exe_writable() ? PPM_EXE_WRITABLE : 0, 0, false);
}

int proc_store_clone_ids_params(struct event_filler_arguments *args)
{
	int res;

	/* Parameter 17: uid (type: PT_UINT32), the effective uid */
	res = val_to_ring(args, extract_task_euid(), 0, false);
	if (res)
		return res;
	/* Parameter 18: gid (type: PT_UINT32), the effective gid */
	res = val_to_ring(args, extract_task_egid(), 0, false);
	if (res)
		return res;
	/* Parameter 19: vtid (type: PT_PID), the tid inside its pid namespace */
	res = val_to_ring(args, task_pid_vnr(current), 0, false);
	if (res)
		return res;
	/* Parameter 20: vpid (type: PT_PID), the pid inside its pid namespace */
	return val_to_ring(args, task_tgid_vnr(current), 0, false);
}
