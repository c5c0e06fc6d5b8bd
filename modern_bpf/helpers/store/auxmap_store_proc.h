/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Storing the process parameters of the clone and execve families' exit
 * events. The two share their first 15 params (driver/event_table.c,
 * CLONE_EXIT_PARAMS and EXECVE_EXIT_PARAMS); this header stores those and
 * each family's last ones, so that each <syscall>.bpf.c only says what is
 * its own: which event, and where its flags, argv or envp come from.
 *
 * Falco calls this filler proc_startupdate: every exit of these syscalls
 * tells userspace the full state of a process that just started (clone's
 * child), or that just became another program (execve), so it can update
 * its process table without reading /proc.
 *
 * exe, args, env: where a program's arguments live.
 *   A running process's argv and environ strings sit back to back in its
 *   own memory, between mm->arg_start and arg_end (env_start, env_end),
 *   NUL-separated: "/bin/ls\0-l\0/tmp\0". exe is the first string, args
 *   the rest, as Falco stores them. After a failed execve the new program
 *   never ran, so they come from the syscall's own argv and envp arrays.
 *   At most MAX_PROC_ARG_ENV bytes each, like Falco: one page.
 */
#ifndef SCAPLAB_AUXMAP_STORE_PROC_H
#define SCAPLAB_AUXMAP_STORE_PROC_H

#include "auxmap_store_params.h"
#include "auxmap_store_d_path.h"
#include "auxmap_store_cgroups.h"
#include "../extract/process.h"
#include "../extract/exe_writable.h"

/* Longest exe + args, or env, we copy. A power of 2: it is a mask too. */
#define MAX_PROC_ARG_ENV 4096
/* TASK_COMM_LEN: comm is at most 15 characters and a NUL. */
#define SCAP_TASK_COMM_LEN 16

/*
 * The args (or env) string list: len bytes from user memory at ptr, ending
 * in NUL even when MAX_PROC_ARG_ENV cut the last string, as Falco ends it.
 */
static __always_inline void auxmap__store_string_list_param(struct auxiliary_map *auxmap,
							    unsigned long ptr, __u32 len)
{
	if (auxmap__store_bytebuf_param(auxmap, ptr, len, USER))
		auxmap->data[SAFE_ACCESS(auxmap->payload_pos - 1)] = '\0';
}

/* Parameters 2 and 3, exe and args, from the current process's memory. */
static __always_inline void auxmap__store_exe_args_from_mm(struct auxiliary_map *auxmap,
							   struct mm_struct *mm)
{
	unsigned long start = BPF_CORE_READ(mm, arg_start);
	unsigned long end = BPF_CORE_READ(mm, arg_end);
	__u32 total = 0;
	__u16 exe_len;

	if (start && end > start)
		total = end - start > MAX_PROC_ARG_ENV ? MAX_PROC_ARG_ENV : end - start;
	if (!total) {
		/* Parameter 2: exe (type: PT_CHARBUF). Not collected: no argv area. */
		auxmap__store_empty_param(auxmap);
		/* Parameter 3: args (type: PT_BYTEBUF). Not collected: no argv area. */
		auxmap__store_empty_param(auxmap);
		return;
	}
	/* Parameter 2: exe (type: PT_CHARBUF), argv[0] */
	exe_len = auxmap__store_charbuf_param(auxmap, start, MAX_PROC_ARG_ENV, USER);
	/* Parameter 3: args (type: PT_BYTEBUF), argv[1..] as "a\0b\0" */
	auxmap__store_string_list_param(auxmap, start + exe_len,
					exe_len < total ? total - exe_len : 0);
}

/*
 * Parameters 2 and 3 of the clone family: the task's own exe and args, in
 * the parent as in the child (which runs the same program). A failed clone
 * started no process: both empty.
 */
static __always_inline void auxmap__store_clone_exe_args(struct auxiliary_map *auxmap,
							 struct task_struct *task, long ret)
{
	if (ret >= 0) {
		auxmap__store_exe_args_from_mm(auxmap, BPF_CORE_READ(task, mm));
		return;
	}
	/* Parameter 2: exe (type: PT_CHARBUF). Not collected: the clone failed. */
	auxmap__store_empty_param(auxmap);
	/* Parameter 3: args (type: PT_BYTEBUF). Not collected: the clone failed. */
	auxmap__store_empty_param(auxmap);
}

/* The state of a walk over a user array of strings, shared with its callback. */
struct user_array_walk {
	struct auxiliary_map *auxmap;
	unsigned long array;		/* the first string pointer to read */
	__u32 max_bytes;
	__u32 total;			/* out: bytes stored */
};

/* One string of the array; stops at its NULL end or when max_bytes is full. */
static long user_array_step(__u32 i, void *ctx)
{
	struct user_array_walk *w = ctx;
	struct auxiliary_map *auxmap = w->auxmap;
	unsigned long str = 0;
	unsigned long room;	/* register-wide, unsigned: the verifier bounds it */
	long n;

	if (w->total >= w->max_bytes)
		return 1;
	if (bpf_probe_read_user(&str, sizeof(str), (const void *)(w->array + i * sizeof(str)))) {
		count_fault_read();
		return 1;
	}
	if (!str)
		return 1;
	room = w->max_bytes - w->total;
	barrier_var(room);
	if (room > MAX_PROC_ARG_ENV)
		room = MAX_PROC_ARG_ENV;
	/* A string longer than room is cut, and still ends in NUL. */
	n = bpf_probe_read_user_str(&auxmap->data[SAFE_ACCESS(auxmap->payload_pos + w->total)],
				    room, (const void *)str);
	if (n < 0) {
		count_fault_read();
		return 1;
	}
	w->total += n;
	return 0;
}

/*
 * A user array of string pointers (argv, envp) as one NUL-separated list
 * of at most max_bytes. Every string takes a byte at least, so
 * MAX_PROC_ARG_ENV iterations always reach the end or the byte limit.
 */
static __always_inline void auxmap__store_user_array_param(struct auxiliary_map *auxmap,
							   unsigned long array, __u32 max_bytes)
{
	struct user_array_walk walk = {
		.auxmap = auxmap,
		.array = array,
		.max_bytes = max_bytes,
	};

	if (array)
		bpf_loop(MAX_PROC_ARG_ENV, user_array_step, &walk, 0);
	auxmap__commit_param(auxmap, walk.total);
}

/* Parameters 2 and 3, exe and args, from the argv array of a failed execve. */
static __always_inline void auxmap__store_exe_args_from_argv(struct auxiliary_map *auxmap,
							     unsigned long argv)
{
	unsigned long exe = 0;
	__u16 exe_len = 0;

	if (argv && bpf_probe_read_user(&exe, sizeof(exe), (const void *)argv))
		count_fault_read();
	/* Parameter 2: exe (type: PT_CHARBUF), argv[0] */
	exe_len = auxmap__store_charbuf_param(auxmap, exe, MAX_PROC_ARG_ENV, USER);
	/* Parameter 3: args (type: PT_BYTEBUF), argv[1..] */
	auxmap__store_user_array_param(auxmap, exe ? argv + sizeof(exe) : 0,
				       MAX_PROC_ARG_ENV - exe_len);
}

/*
 * Parameters 4 to 15, the same in both families: who the process is, where
 * it runs, what it may use and uses. task is the current task.
 */
static __always_inline void auxmap__store_proc_common_params(struct auxiliary_map *auxmap,
							     struct task_struct *task)
{
	struct mm_struct *mm = BPF_CORE_READ(task, mm);
	struct fs_struct *fs = BPF_CORE_READ(task, fs);

	/* Parameter 4: tid (type: PT_PID), the global thread id */
	auxmap__store_s64_param(auxmap, BPF_CORE_READ(task, pid));
	/* Parameter 5: pid (type: PT_PID), the global process id (tgid) */
	auxmap__store_s64_param(auxmap, BPF_CORE_READ(task, tgid));
	/* Parameter 6: ptid (type: PT_PID), the parent's thread id */
	auxmap__store_s64_param(auxmap, extract__task_ptid(task));
	/*
	 * Parameter 7: cwd (type: PT_CHARBUF). Falco's 2022 drivers store ""
	 * here and let userspace track chdir(); we walk the real one.
	 */
	auxmap__store_d_path_param(auxmap,
				   BPF_CORE_READ(fs, pwd.dentry), BPF_CORE_READ(fs, pwd.mnt),
				   BPF_CORE_READ(fs, root.dentry), BPF_CORE_READ(fs, root.mnt));
	/* Parameter 8: fdlimit (type: PT_INT64 in clone, PT_UINT64 in execve: 8 bytes both) */
	auxmap__store_u64_param(auxmap, extract__task_fdlimit(task));
	/* Parameter 9: pgft_maj (type: PT_UINT64) */
	auxmap__store_u64_param(auxmap, extract__task_maj_flt(task));
	/* Parameter 10: pgft_min (type: PT_UINT64) */
	auxmap__store_u64_param(auxmap, extract__task_min_flt(task));
	/* Parameter 11: vm_size (type: PT_UINT32), KiB; 0 for a task without memory */
	auxmap__store_u32_param(auxmap, mm ? extract__mm_vm_size(mm) : 0);
	/* Parameter 12: vm_rss (type: PT_UINT32), KiB */
	auxmap__store_u32_param(auxmap, mm ? extract__mm_vm_rss(mm) : 0);
	/* Parameter 13: vm_swap (type: PT_UINT32), KiB */
	auxmap__store_u32_param(auxmap, mm ? extract__mm_vm_swap(mm) : 0);
	/* Parameter 14: comm (type: PT_CHARBUF), the name ps shows */
	auxmap__store_charbuf_param(auxmap, (unsigned long)task->comm, SCAP_TASK_COMM_LEN, KERNEL);
	/* Parameter 15: cgroups (type: PT_BYTEBUF) */
	auxmap__store_cgroups_param(auxmap, task);
}

/* Parameter 16 of the execve family, env, from the current process's memory. */
static __always_inline void auxmap__store_env_from_mm(struct auxiliary_map *auxmap,
						      struct mm_struct *mm)
{
	unsigned long start = BPF_CORE_READ(mm, env_start);
	unsigned long end = BPF_CORE_READ(mm, env_end);
	__u32 total = 0;

	if (start && end > start)
		total = end - start > MAX_PROC_ARG_ENV ? MAX_PROC_ARG_ENV : end - start;
	/* Parameter 16: env (type: PT_BYTEBUF), "HOME=/root\0PATH=...\0" */
	auxmap__store_string_list_param(auxmap, start, total);
}

/* Parameter 16 of the execve family, env, from the envp array of a failed execve. */
static __always_inline void auxmap__store_env_from_envp(struct auxiliary_map *auxmap,
							unsigned long envp)
{
	/* Parameter 16: env (type: PT_BYTEBUF) */
	auxmap__store_user_array_param(auxmap, envp, MAX_PROC_ARG_ENV);
}

/*
 * Parameters 17 to 20 of the clone family (16, flags, is the caller's). In
 * the child they describe the child, in the parent the parent.
 */
static __always_inline void auxmap__store_clone_ids_params(struct auxiliary_map *auxmap,
							   struct task_struct *task)
{
	/* Parameter 17: uid (type: PT_UINT32), the effective uid */
	auxmap__store_u32_param(auxmap, extract__task_euid(task));
	/* Parameter 18: gid (type: PT_UINT32), the effective gid */
	auxmap__store_u32_param(auxmap, extract__task_egid(task));
	/* Parameter 19: vtid (type: PT_PID), the tid inside its pid namespace */
	auxmap__store_s64_param(auxmap, extract__task_vnr(task, PIDTYPE_PID));
	/* Parameter 20: vpid (type: PT_PID), the pid inside its pid namespace */
	auxmap__store_s64_param(auxmap, extract__task_vnr(task, PIDTYPE_TGID));
}

/* Parameters 17 to 20 of the execve family (16, env, comes from one of the two above). */
static __always_inline void auxmap__store_execve_tail_params(struct auxiliary_map *auxmap,
							     struct task_struct *task)
{
	__u32 loginuid;

	/* Parameter 17: tty (type: PT_INT32), the controlling terminal's device, 0 if none */
	auxmap__store_s32_param(auxmap, extract__task_tty(task));
	/* Parameter 18: pgid (type: PT_PID), the process group inside its pid namespace */
	auxmap__store_s64_param(auxmap, extract__task_vnr(task, PIDTYPE_PGID));
	/*
	 * Parameter 19: loginuid (type: PT_INT32), -1 if never set.
	 * Not collected on a kernel without CONFIG_AUDIT, which has none.
	 */
	if (extract__task_loginuid(task, &loginuid))
		auxmap__store_s32_param(auxmap, loginuid);
	else
		auxmap__store_empty_param(auxmap);
	/* Parameter 20: flags (type: PT_FLAGS32) */
	auxmap__store_u32_param(auxmap, extract__exe_writable(task) ? PPM_EXE_WRITABLE : 0);
}

#endif /* SCAPLAB_AUXMAP_STORE_PROC_H */
