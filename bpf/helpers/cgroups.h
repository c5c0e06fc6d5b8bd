/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The "cgroups" param of the clone and execve families: for each cgroup
 * controller the kernel was built with, in the kernel's order, the task's
 * cgroup as "<controller>=<path>", each ending in NUL:
 *
 *   "cpuset=/\0cpu=/user.slice/session-2.scope\0memory=/user.slice/...\0"
 *
 * as the kernel module writes it with cgroup_path(). Container runtimes
 * name cgroups after their containers: userspace finds the container here.
 *
 * A cgroup is a directory of the cgroup file system (kernfs). Its path is
 * its kernfs_node's name after its parent's, up to the hierarchy's top,
 * relative to the task's cgroup namespace as cgroup_path() gives it (on the
 * unified v2 hierarchy; a v1 hierarchy's path is from its root).
 *
 * The walk meets the names leaf first, so as in d_path.h it writes them
 * right to left in a scratch buffer. Unlike a dentry, a kernfs_node keeps
 * no name length: each name is read to a small buffer first (which tells
 * its length), then copied to its place. The modern probe instead notes
 * the nodes in one bpf_loop() and writes them in a second.
 *
 * At most MAX_CGROUPS_LEN bytes in all, as Falco: a controller whose entry
 * does not fit is left out with those after it; so is one whose path is
 * deeper than we walk (CGROUP_MAX_DEPTH, half the modern probe's: each
 * level is a copy of the loop body).
 */
#ifndef SCAPLAB_BPF_HELPERS_CGROUPS_H
#define SCAPLAB_BPF_HELPERS_CGROUPS_H

#ifndef SCAPLAB_BPF_CORE
#include <linux/cgroup.h>
#include <linux/kernfs.h>
#endif

#define MAX_CGROUPS_LEN 4096
/* Controllers we look at, at most: Linux 6.18 has 15, a kernel those it was built with. */
#define CGROUP_MAX_SUBSYS 16
/* Directories between a cgroup and its hierarchy's top, at most (the modern probe: 32). */
#define CGROUP_MAX_DEPTH 16
/* Longest controller name we copy, NUL included ("perf_event" is 11). A mask too. */
#define CGROUP_MAX_SUBSYS_NAME 32
/* A kernfs name and its NUL: NAME_MAX + 1. */
#define KERNFS_MAX_NAME 256

/*
 * Where the walk writes, from the param's start: the param may reach
 * MAX_CGROUPS_LEN and a controller name past it while an entry is tried,
 * then comes the path buffer (MAX_PATH), then the name buffer.
 */
#define CGROUP_PATH_BUF (2 * MAX_PATH)
#define CGROUP_NAME_BUF (CGROUP_PATH_BUF + MAX_PATH)

#ifdef SCAPLAB_BPF_CORE
/* kernfs_node->parent became __parent (read under RCU) in Linux 6.15. */
struct kernfs_node___pre_v6_15 {
	struct kernfs_node *parent;
} __attribute__((preserve_access_index));

struct kernfs_node___v6_15 {
	struct kernfs_node *__parent;
} __attribute__((preserve_access_index));
#endif

static __always_inline struct kernfs_node *bpf_kernfs_parent(struct kernfs_node *kn)
{
#ifdef SCAPLAB_BPF_CORE
	if (bpf_core_field_exists(((struct kernfs_node___v6_15 *)0)->__parent))
		return READ_KERNEL((struct kernfs_node___v6_15 *)kn, __parent);
	return READ_KERNEL((struct kernfs_node___pre_v6_15 *)kn, parent);
#elif LINUX_VERSION_CODE >= KERNEL_VERSION(6, 15, 0)
	return READ_KERNEL(kn, __parent);
#else
	return READ_KERNEL(kn, parent);
#endif
}

/*
 * Write the path of kn below stop (or below its hierarchy's top) at the
 * end of buf (MAX_PATH bytes), "/a/b" and a NUL, using name (KERNFS_MAX_NAME
 * bytes) as scratch. Returns its length with the NUL and sets *start to
 * where it begins in buf; 0 if too deep or too long.
 */
static __always_inline __u32 bpf_kernfs_path(__u8 *buf, __u8 *name, struct kernfs_node *kn,
					     struct kernfs_node *stop, __u32 *start)
{
	__u32 off = MAX_PATH - 1;
	bool done = false;
	long n;

	buf[MAX_PATH - 1] = '\0';
#pragma unroll
	for (int i = 0; i < CGROUP_MAX_DEPTH; i++) {
		struct kernfs_node *parent = bpf_kernfs_parent(kn);

		/* The top's own name is not part of the path. */
		if (!kn || kn == stop || !parent) {
			done = true;
			break;
		}
		n = bpf_probe_read_kernel_str(name, KERNFS_MAX_NAME, READ_KERNEL(kn, name));
		/*
		 * "/name" must leave a byte free: a name that fills the room
		 * may have been cut (the modern probe's rule, kept equal).
		 */
		if (n <= 1 || n >= off)
			break;
		off = (off - (n - 1)) & (MAX_PATH - 1);
		if (bpf_probe_read_kernel(&buf[off], (n - 1) & (KERNFS_MAX_NAME - 1), name))
			break;
		off = (off - 1) & (MAX_PATH - 1);
		buf[off] = '/';
		kn = parent;
	}
	if (!done)
		return 0;
	/* The top itself: "/". */
	if (off == MAX_PATH - 1) {
		off = MAX_PATH - 2;
		buf[off] = '/';
	}
	*start = off;
	return MAX_PATH - off;
}

/*
 * The entry of controller id of the "cgroups" param (PT_BYTEBUF) of task,
 * "<controller>=<path>" and its NUL, written total bytes into the param.
 * Returns its length, or 0 if there is none: no such controller, or an
 * entry that does not fit, which ends the param.
 *
 * One entry per run of f_proc_startupdate_cgroups (bpf/fillers/proc.h),
 * which tail-calls itself for the next: as one program, the 16 x 16
 * unrolled walks came to 8371 instructions (Linux 4.14 took 4096), and
 * clang left the outer loop a loop.
 */
static __always_inline __u32 bpf_cgroup_entry(struct filler_data *data, struct task_struct *task,
					      __u32 id, __u32 total)
{
	struct scap_bpf_frame *frame = data->frame;
	__u8 *param = &frame->data[SAFE_ACCESS(frame->payload_pos)];
	__u8 *dst = &frame->data[SAFE_ACCESS(frame->payload_pos + total)];
	struct cgroup_subsys_state *css;
	struct kernfs_node *stop = NULL;
	struct cgroup *cgrp, *ns_root;
	__u32 path_len, start = 0;
	long name_len;
#ifdef SCAPLAB_BPF_CORE
	__u32 nr_subsys = bpf_core_enum_value(enum cgroup_subsys_id, CGROUP_SUBSYS_COUNT);
#else
	__u32 nr_subsys = CGROUP_SUBSYS_COUNT;
#endif

	if (id >= nr_subsys || id >= CGROUP_MAX_SUBSYS)
		return 0;
	css = READ_KERNEL(task, cgroups, subsys[id & (CGROUP_MAX_SUBSYS - 1)]);
	cgrp = READ_KERNEL(css, cgroup);
	if (!cgrp)
		return 0;
	/* "<controller>=" */
	name_len = bpf_probe_read_kernel_str(dst, CGROUP_MAX_SUBSYS_NAME, READ_KERNEL(css, ss, name));
	if (name_len <= 1)
		return 0;
	dst[(name_len - 1) & (CGROUP_MAX_SUBSYS_NAME - 1)] = '=';
	/* On the v2 hierarchy the path starts at the root of the task's cgroup namespace. */
	ns_root = READ_KERNEL(task, nsproxy, cgroup_ns, root_cset, dfl_cgrp);
	if (READ_KERNEL(cgrp, root) == READ_KERNEL(ns_root, root))
		stop = READ_KERNEL(ns_root, kn);
	path_len = bpf_kernfs_path(param + CGROUP_PATH_BUF, param + CGROUP_NAME_BUF,
				   READ_KERNEL(cgrp, kn), stop, &start);
	if (!path_len || total + name_len + path_len > MAX_CGROUPS_LEN)
		return 0;
	/*
	 * path_len is 2 to MAX_PATH: the mask changes nothing, but it is the
	 * bound the verifier needs on the size read. The empty asm keeps
	 * clang from dropping it, or from masking a copy and passing the
	 * helper the unmasked register (6.1 refuses that).
	 */
	asm volatile("" : "+r"(path_len));
	path_len &= 2 * MAX_PATH - 1;
	if (bpf_probe_read_kernel(dst + (name_len & (CGROUP_MAX_SUBSYS_NAME - 1)), path_len,
				  param + CGROUP_PATH_BUF + (start & (MAX_PATH - 1))))
		return 0;
	return name_len + path_len;
}

#endif /* SCAPLAB_BPF_HELPERS_CGROUPS_H */
