/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * A task's process state, for the exit events of the clone and execve
 * families (driver/event_table.c, CLONE_EXIT_PARAMS, EXECVE_EXIT_PARAMS):
 * its ids in and out of its pid namespace, credentials, limits, page
 * faults, memory sizes, terminal, and whether it may write its own
 * executable.
 *
 * The modern driver's twins are modern_bpf/helpers/extract/process.h and
 * exe_writable.h. The logic is the same; what differs is how a kernel
 * struct is reached. Every hop here is a READ_KERNEL() (a
 * bpf_probe_read_kernel() of &ptr->field), never a dereference, and where
 * a struct changed between kernels both builds must be told: the CO-RE one
 * at load time (bpf_core_field_exists() on ___flavor structs), the headers
 * one at compile time (LINUX_VERSION_CODE, CONFIG_*), since its offsets are
 * fixed for one kernel anyway.
 */
#ifndef SCAPLAB_BPF_HELPERS_PROCESS_H
#define SCAPLAB_BPF_HELPERS_PROCESS_H

#ifndef SCAPLAB_BPF_CORE
#include <linux/nsproxy.h>
#include <linux/tty.h>
#include <linux/tty_driver.h>
#include <linux/user_namespace.h>
#endif

/* x86_64 pages are 4 KiB; the vm_* params are KiB, as /proc/PID/status shows. */
#define BPF_PAGE_SHIFT 12
#define BPF_PAGES_TO_KB(pages) ((pages) << (BPF_PAGE_SHIFT - 10))

/* RLIMIT_NOFILE, include/uapi/asm-generic/resource.h. */
#define BPF_RLIMIT_NOFILE 7

/*
 * The mm counters, an anonymous enum in include/linux/mm_types_task.h
 * (CO-RE cannot relocate it; it has not changed since Linux 4.5).
 */
#define BPF_MM_FILEPAGES 0
#define BPF_MM_ANONPAGES 1
#define BPF_MM_SWAPENTS 2
#define BPF_MM_SHMEMPAGES 3

#ifdef SCAPLAB_BPF_CORE
/*
 * mm->rss_stat, two layouts: an atomic counter per kind of page up to
 * Linux 6.1, a per-CPU counter per kind from 6.2. libbpf matches a struct
 * named name___anything to the kernel's name, and drops the accesses of
 * the branch whose field the running kernel lacks.
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
#endif

/* ---- ids ---- */

/*
 * pid_nr_ns(): the number pid has in namespace ns, 0 if it has none there.
 * A struct pid carries one (nr, ns) pair per level, from the root
 * namespace down to the one it was made in.
 */
static __always_inline __s32 bpf_pid_nr_ns(struct pid *pid, struct pid_namespace *ns)
{
	unsigned int level = READ_KERNEL(ns, level);
	struct upid upid;

	if (!pid || level > READ_KERNEL(pid, level))
		return 0;
	upid = READ_KERNEL(pid, numbers[level]);
	return upid.ns == ns ? upid.nr : 0;
}

/* task_active_pid_ns(): the namespace of the task's own pid, its deepest level. */
static __always_inline struct pid_namespace *bpf_task_pid_ns(struct task_struct *task)
{
	struct pid *pid = READ_KERNEL(task, thread_pid);
	unsigned int level = READ_KERNEL(pid, level);

	return READ_KERNEL(pid, numbers[level].ns);
}

/*
 * The id of a kind (PIDTYPE_PID, _TGID, _PGID) that the task has in its own
 * namespace: task_pid_vnr() and friends. A thread's pid is its own, the
 * others are its thread group's, kept in signal.
 */
static __always_inline __s32 bpf_task_vnr(struct task_struct *task, enum pid_type type)
{
	struct pid *pid;

	if (type == PIDTYPE_PID)
		pid = READ_KERNEL(task, thread_pid);
	else
		pid = READ_KERNEL(task, signal, pids[type]);
	return bpf_pid_nr_ns(pid, bpf_task_pid_ns(task));
}

/* The real parent's global tid (a ptrace tracer becomes task->parent, not this). */
static __always_inline __s32 bpf_task_ptid(struct task_struct *task)
{
	return READ_KERNEL(task, real_parent, pid);
}

/*
 * PPM_CL_CHILD_IN_PIDNS: the task's pid namespace is not the initial one,
 * or its children's will not be (it called unshare(CLONE_NEWPID)).
 */
static __always_inline __u32 bpf_child_in_pidns_flag(struct task_struct *task)
{
	struct pid_namespace *ns = bpf_task_pid_ns(task);

	if (READ_KERNEL(ns, level) != 0)
		return PPM_CL_CHILD_IN_PIDNS;
	if (READ_KERNEL(task, nsproxy, pid_ns_for_children) != ns)
		return PPM_CL_CHILD_IN_PIDNS;
	return 0;
}

/* ---- credentials ---- */

/* The effective uid and gid as kuids: their values in the initial user namespace. */
static __always_inline __u32 bpf_task_euid(struct task_struct *task)
{
	return READ_KERNEL(task, cred, euid.val);
}

static __always_inline __u32 bpf_task_egid(struct task_struct *task)
{
	return READ_KERNEL(task, cred, egid.val);
}

/*
 * The audit loginuid, -1 until pam_loginuid sets it. false when the kernel
 * was built without CONFIG_AUDIT: task_struct then has no such field. The
 * headers build knows from the kernel's config, CO-RE asks the kernel's BTF.
 */
static __always_inline bool bpf_task_loginuid(struct task_struct *task, __u32 *loginuid)
{
#ifdef SCAPLAB_BPF_CORE
	if (!bpf_core_field_exists(task->loginuid))
		return false;
	*loginuid = READ_KERNEL(task, loginuid.val);
	return true;
#elif defined(CONFIG_AUDIT)
	*loginuid = READ_KERNEL(task, loginuid.val);
	return true;
#else
	return false;
#endif
}

/* ---- limits, faults, memory ---- */

/* The soft limit on open files; RLIM_INFINITY is ~0. */
static __always_inline __u64 bpf_task_fdlimit(struct task_struct *task)
{
	return READ_KERNEL(task, signal, rlim[BPF_RLIMIT_NOFILE].rlim_cur);
}

/* Is this memory used by another task too (a thread, a CLONE_VM child)? */
static __always_inline bool bpf_mm_is_shared(struct mm_struct *mm)
{
	return READ_KERNEL(mm, mm_users.counter) > 1;
}

/* VmSize: the address space, in KiB. */
static __always_inline __u32 bpf_mm_vm_size(struct mm_struct *mm)
{
	return BPF_PAGES_TO_KB(READ_KERNEL(mm, total_vm));
}

/*
 * One mm counter as get_mm_counter() reads it: the shared value, never
 * below 0 (from 6.2 on, the per-CPU deltas not yet folded in are left out,
 * as the kernel module and the modern probe leave them out).
 */
static __always_inline __u64 bpf_mm_counter(struct mm_struct *mm, int member)
{
	__s64 pages;

#ifdef SCAPLAB_BPF_CORE
	if (bpf_core_field_exists(((struct mm_struct___v6_2 *)0)->rss_stat))
		pages = READ_KERNEL((struct mm_struct___v6_2 *)mm, rss_stat[member].count);
	else
		pages = READ_KERNEL((struct mm_struct___pre_v6_2 *)mm,
				    rss_stat.count[member].counter);
#elif LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
	pages = READ_KERNEL(mm, rss_stat[member].count);
#else
	pages = READ_KERNEL(mm, rss_stat.count[member].counter);
#endif
	return pages > 0 ? pages : 0;
}

/* VmRSS: file, anonymous and shmem pages, in KiB. */
static __always_inline __u32 bpf_mm_vm_rss(struct mm_struct *mm)
{
	return BPF_PAGES_TO_KB(bpf_mm_counter(mm, BPF_MM_FILEPAGES) +
			       bpf_mm_counter(mm, BPF_MM_ANONPAGES) +
			       bpf_mm_counter(mm, BPF_MM_SHMEMPAGES));
}

/* VmSwap, in KiB. */
static __always_inline __u32 bpf_mm_vm_swap(struct mm_struct *mm)
{
	return BPF_PAGES_TO_KB(bpf_mm_counter(mm, BPF_MM_SWAPENTS));
}

/* ---- terminal ---- */

/*
 * The controlling terminal as tty_nr in /proc/PID/stat, 0 if none: the
 * device (driver's major, minor_start + index), encoded as stat(2) does.
 */
static __always_inline __s32 bpf_task_tty(struct task_struct *task)
{
	struct tty_struct *tty = READ_KERNEL(task, signal, tty);
	struct tty_driver *driver;
	__u32 major, minor;

	if (!tty)
		return 0;
	driver = READ_KERNEL(tty, driver);
	if (!driver)
		return 0;
	major = READ_KERNEL(driver, major);
	minor = READ_KERNEL(driver, minor_start) + READ_KERNEL(tty, index);
	/* MKDEV(): 20 bits of minor. */
	return bpf_encode_dev((major << 20) | minor);
}

/* ---- may the task write its own executable? (PPM_EXE_WRITABLE) ---- */

/*
 * The kernel module asks inode_permission(); a BPF program cannot call it,
 * so this replays its usual steps: read-only mount or immutable file (no),
 * owner (yes), the group or other write bit, then CAP_DAC_OVERRIDE or
 * CAP_FOWNER in the initial user namespace. ACLs and LSMs are not seen.
 * Raw values from include/uapi/linux/stat.h, linux/fs.h, linux/capability.h.
 */
#define BPF_S_IFMT		00170000
#define BPF_S_IFREG		0100000
#define BPF_S_IFDIR		0040000
#define BPF_S_IFLNK		0120000
#define BPF_S_IMMUTABLE		(1U << 3)
#define BPF_SB_RDONLY		(1UL << 0)
#define BPF_MAY_WRITE		0x2
#define BPF_CAP_DAC_OVERRIDE	1
#define BPF_CAP_FOWNER		3
#define BPF_INVALID_ID		((__u32)-1)

/* log2(NGROUPS_MAX): the steps of a binary search of the sorted groups. */
#define BPF_GROUP_SEARCH_STEPS 16

/*
 * Is gid one of the supplementary groups? An unrolled binary search: the
 * modern probe writes the same for loop, which a 5.3+ verifier walks as a
 * bounded loop; here clang copies its body 16 times.
 */
static __always_inline bool bpf_in_group_list(const struct cred *cred, __u32 gid)
{
	struct group_info *groups = READ_KERNEL(cred, group_info);
	unsigned int left = 0, right, mid;
	__u32 mid_gid;

	if (!groups)
		return false;
	right = READ_KERNEL(groups, ngroups);
	/*
	 * The range test ends each step, not begins it: with an exit before
	 * any work, clang 14 declines to unroll (-Wpass-failed).
	 */
	if (left >= right)
		return false;
#pragma unroll
	for (int i = 0; i < BPF_GROUP_SEARCH_STEPS; i++) {
		mid = (left + right) / 2;
		mid_gid = READ_KERNEL(groups, gid[mid].val);
		if (gid == mid_gid)
			return true;
		if (gid > mid_gid)
			left = mid + 1;
		else
			right = mid;
		if (left >= right)
			break;
	}
	return false;
}

/*
 * The effective capabilities as a 64-bit mask: kernel_cap_t is __u32 cap[2]
 * up to Linux 6.2 and a __u64 from 6.3, the same 8 bytes on x86.
 */
static __always_inline __u64 bpf_cred_cap_effective(const struct cred *cred)
{
	__u64 caps = 0;

	bpf_probe_read_kernel(&caps, sizeof(caps), &cred->cap_effective);
	return caps;
}

static __always_inline bool bpf_exe_writable(struct task_struct *task)
{
	struct inode *inode = READ_KERNEL(task, mm, exe_file, f_inode);
	const struct cred *cred = READ_KERNEL(task, cred);
	__u32 mode, i_uid, i_gid;
	__u64 caps;

	if (!inode || !cred)
		return false;
	mode = READ_KERNEL(inode, i_mode);

	/* A read-only mount refuses every write to a file, dir or link; so does S_IMMUTABLE. */
	if (READ_KERNEL(inode, i_sb, s_flags) & BPF_SB_RDONLY) {
		__u32 fmt = mode & BPF_S_IFMT;

		if (fmt == BPF_S_IFREG || fmt == BPF_S_IFDIR || fmt == BPF_S_IFLNK)
			return false;
	}
	if (READ_KERNEL(inode, i_flags) & BPF_S_IMMUTABLE)
		return false;
	i_uid = READ_KERNEL(inode, i_uid.val);
	i_gid = READ_KERNEL(inode, i_gid.val);
	if (i_uid == BPF_INVALID_ID || i_gid == BPF_INVALID_ID)
		return false;

	/* The owner may always chmod it writable. */
	if (READ_KERNEL(cred, fsuid.val) == i_uid)
		return true;

	/* A member of the file's group is judged by the group bits, others by other's. */
	if (READ_KERNEL(cred, fsgid.val) == i_gid || bpf_in_group_list(cred, i_gid))
		mode >>= 3;
	if (mode & BPF_MAY_WRITE)
		return true;

	/* Capabilities count only in the initial user namespace (no id map walk). */
	if (READ_KERNEL(cred, user_ns, level) != 0)
		return false;
	caps = bpf_cred_cap_effective(cred);
	return caps & ((1ULL << BPF_CAP_DAC_OVERRIDE) | (1ULL << BPF_CAP_FOWNER));
}

#endif /* SCAPLAB_BPF_HELPERS_PROCESS_H */
