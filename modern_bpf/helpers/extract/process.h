/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Reading a task's process state: its ids, credentials, limits, memory
 * counters and terminal. The clone and execve families store these in
 * their exit events (driver/event_table.c, CLONE_EXIT_PARAMS and
 * EXECVE_EXIT_PARAMS).
 *
 * Every pointer hop is a CO-RE read (BPF_CORE_READ): the field offsets are
 * fixed up at load time for the running kernel, so the same object loads on
 * the 6.1 and the 6.18 kernels although struct task_struct differs. Where a
 * field itself changed between the two, both layouts are described below
 * as "flavors" (a struct named <kernel name>___<anything>, which libbpf
 * matches to the kernel's <kernel name>), and bpf_core_field_exists()
 * picks the one the running kernel has.
 */
#ifndef SCAPLAB_EXTRACT_PROCESS_H
#define SCAPLAB_EXTRACT_PROCESS_H

#include "../base/common.h"
#include "file.h"

/* x86_64: 4 KiB pages; the vm_* params are in KiB, as in /proc/PID/status. */
#define SCAP_PAGE_SHIFT 12
#define PAGES_TO_KB(pages) ((pages) << (SCAP_PAGE_SHIFT - 10))

/* include/uapi/asm-generic/resource.h: the index of the open-files limit. */
#define SCAP_KERNEL_RLIMIT_NOFILE 7

/*
 * The mm counters (include/linux/mm_types_task.h). An anonymous enum in
 * the kernel, so CO-RE cannot relocate it; the values have not moved since
 * Linux 4.5.
 */
#define SCAP_MM_FILEPAGES 0
#define SCAP_MM_ANONPAGES 1
#define SCAP_MM_SWAPENTS 2
#define SCAP_MM_SHMEMPAGES 3

/*
 * mm->rss_stat up to Linux 6.1: one atomic counter per kind of page.
 * Linux 6.2 made it an array of per-CPU counters (next flavor).
 */
struct mm_rss_stat___pre_v6_2 {
	atomic_long_t count[4];
} __attribute__((preserve_access_index));

struct mm_struct___pre_v6_2 {
	struct mm_rss_stat___pre_v6_2 rss_stat;
} __attribute__((preserve_access_index));

struct mm_struct___v6_2 {
	struct percpu_counter rss_stat[4];
} __attribute__((preserve_access_index));

/* ---- ids ---- */

/*
 * The number of pid in namespace ns, or 0 if pid is not visible there:
 * the kernel's pid_nr_ns(). A struct pid holds one upid per namespace level
 * from the root down to the namespace the pid was created in.
 */
static __always_inline __s32 extract__pid_nr_ns(struct pid *pid, struct pid_namespace *ns)
{
	unsigned int ns_level = BPF_CORE_READ(ns, level);
	struct upid upid = {};

	if (!pid || ns_level > BPF_CORE_READ(pid, level))
		return 0;
	if (BPF_CORE_READ_INTO(&upid, pid, numbers[ns_level]))
		return 0;
	return upid.ns == ns ? upid.nr : 0;
}

/* The pid namespace the task lives in: the kernel's task_active_pid_ns(). */
static __always_inline struct pid_namespace *extract__task_pid_ns(struct task_struct *task)
{
	struct pid *pid = BPF_CORE_READ(task, thread_pid);
	unsigned int level = BPF_CORE_READ(pid, level);

	return BPF_CORE_READ(pid, numbers[level].ns);
}

/*
 * The task's id of a kind (thread, process, process group) as seen inside
 * its own pid namespace: task_pid_vnr(), task_tgid_vnr(), task_pgrp_vnr().
 * In the initial namespace this is the global id; in a container it is
 * the id the container sees (1 for its init).
 */
static __always_inline __s32 extract__task_vnr(struct task_struct *task, enum pid_type type)
{
	struct pid *pid;

	/*
	 * The thread's own pid hangs off the task, the ones its thread group
	 * shares off signal (since Linux 4.19, as PIDTYPE_TGID itself).
	 */
	if (type == PIDTYPE_PID)
		pid = BPF_CORE_READ(task, thread_pid);
	else
		pid = BPF_CORE_READ(task, signal, pids[type]);
	return extract__pid_nr_ns(pid, extract__task_pid_ns(task));
}

/* The parent's global thread id. real_parent, not parent: a tracer is not it. */
static __always_inline __s32 extract__task_ptid(struct task_struct *task)
{
	return BPF_CORE_READ(task, real_parent, pid);
}

/*
 * PPM_CL_CHILD_IN_PIDNS, for the clone family's flags: the task lives in a
 * pid namespace below the initial one, or its children will (after
 * unshare(CLONE_NEWPID)), so its pid and vpid differ.
 */
static __always_inline __u32 extract__child_in_pidns_flag(struct task_struct *task)
{
	struct pid_namespace *ns = extract__task_pid_ns(task);

	if (BPF_CORE_READ(ns, level) != 0)
		return PPM_CL_CHILD_IN_PIDNS;
	if (BPF_CORE_READ(task, nsproxy, pid_ns_for_children) != ns)
		return PPM_CL_CHILD_IN_PIDNS;
	return 0;
}

/* ---- credentials ---- */

/*
 * The effective uid and gid, as the kernel's kuid: the id in the initial
 * user namespace. In a child user namespace the kernel module's
 * from_kuid_munged() would translate them into that namespace's ids.
 */
static __always_inline __u32 extract__task_euid(struct task_struct *task)
{
	return BPF_CORE_READ(task, cred, euid.val);
}

static __always_inline __u32 extract__task_egid(struct task_struct *task)
{
	return BPF_CORE_READ(task, cred, egid.val);
}

/*
 * The audit login uid (set by pam_loginuid at login, inherited since), or
 * -1 if never set. false if the kernel has no CONFIG_AUDIT and so no such
 * field.
 */
static __always_inline bool extract__task_loginuid(struct task_struct *task, __u32 *loginuid)
{
	if (!bpf_core_field_exists(task->loginuid))
		return false;
	*loginuid = BPF_CORE_READ(task, loginuid.val);
	return true;
}

/* ---- limits, faults, memory ---- */

/* The soft limit on open files (RLIMIT_NOFILE), RLIM_INFINITY = ~0. */
static __always_inline __u64 extract__task_fdlimit(struct task_struct *task)
{
	return BPF_CORE_READ(task, signal, rlim[SCAP_KERNEL_RLIMIT_NOFILE].rlim_cur);
}

/* Page faults of this thread that needed I/O (major) and that did not (minor). */
static __always_inline __u64 extract__task_maj_flt(struct task_struct *task)
{
	return BPF_CORE_READ(task, maj_flt);
}

static __always_inline __u64 extract__task_min_flt(struct task_struct *task)
{
	return BPF_CORE_READ(task, min_flt);
}

/*
 * Does anyone else use this memory (a thread, a CLONE_VM child or parent)?
 * mm_users counts them; a reader of /proc/PID/mem holds a short-lived
 * count too, so "shared" may be a false alarm, never a miss.
 */
static __always_inline bool extract__mm_is_shared(struct mm_struct *mm)
{
	return BPF_CORE_READ(mm, mm_users.counter) > 1;
}

/* Size of the address space in KiB: VmSize in /proc/PID/status. */
static __always_inline __u32 extract__mm_vm_size(struct mm_struct *mm)
{
	return PAGES_TO_KB(BPF_CORE_READ(mm, total_vm));
}

/*
 * One of the mm's page counters, read as the kernel's get_mm_counter()
 * reads it, and so as the kernel module's get_mm_rss(): the shared total,
 * never below 0. Since Linux 6.2 each CPU also keeps a small delta not yet
 * folded into it, so a new process can read a little low (even 0).
 */
static __always_inline __u64 extract__mm_counter(struct mm_struct *mm, int member)
{
	__s64 pages = 0;

	if (bpf_core_field_exists(((struct mm_struct___v6_2 *)0)->rss_stat)) {
		struct mm_struct___v6_2 *mm_new = (void *)mm;

		BPF_CORE_READ_INTO(&pages, mm_new, rss_stat[member].count);
	} else {
		struct mm_struct___pre_v6_2 *mm_old = (void *)mm;

		BPF_CORE_READ_INTO(&pages, mm_old, rss_stat.count[member].counter);
	}
	return pages > 0 ? pages : 0;
}

/* Resident memory in KiB (file + anonymous + shmem pages): VmRSS. */
static __always_inline __u32 extract__mm_vm_rss(struct mm_struct *mm)
{
	return PAGES_TO_KB(extract__mm_counter(mm, SCAP_MM_FILEPAGES) +
			   extract__mm_counter(mm, SCAP_MM_ANONPAGES) +
			   extract__mm_counter(mm, SCAP_MM_SHMEMPAGES));
}

/* Swapped-out memory in KiB: VmSwap. */
static __always_inline __u32 extract__mm_vm_swap(struct mm_struct *mm)
{
	return PAGES_TO_KB(extract__mm_counter(mm, SCAP_MM_SWAPENTS));
}

/* ---- terminal ---- */

/*
 * The controlling terminal as the tty_nr of /proc/PID/stat, 0 if none: its
 * device number, encoded as stat(2) does (extract__encode_dev). A tty's
 * device is its driver's (major, minor_start + index).
 */
static __always_inline __s32 extract__task_tty(struct task_struct *task)
{
	struct tty_struct *tty = BPF_CORE_READ(task, signal, tty);
	struct tty_driver *driver;
	__u32 major, minor;

	if (!tty)
		return 0;
	driver = BPF_CORE_READ(tty, driver);
	if (!driver)
		return 0;
	major = BPF_CORE_READ(driver, major);
	minor = BPF_CORE_READ(driver, minor_start) + BPF_CORE_READ(tty, index);
	/* The kernel's MKDEV(): MINORBITS is 20. */
	return extract__encode_dev((major << 20) | minor);
}

#endif /* SCAPLAB_EXTRACT_PROCESS_H */
