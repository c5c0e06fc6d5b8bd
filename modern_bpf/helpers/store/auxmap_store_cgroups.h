/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Storing the "cgroups" param of the clone and execve families: for every
 * cgroup controller the kernel has, in the kernel's order, the task's
 * cgroup as "<controller>=<path>", each NUL-terminated:
 *
 *   "cpuset=/\0cpu=/user.slice/session-2.scope\0memory=/user.slice/...\0"
 *
 * the same list Falco's kernel module writes with cgroup_path(). A
 * container runtime names its cgroups after the container, so userspace
 * reads the container id from here.
 *
 * A cgroup is a directory of the cgroup file system (kernfs): its path is
 * its kernfs_node's name, its parent's, and so on up to the hierarchy's
 * top, found in two bpf_loop() passes as in auxmap_store_d_path.h. Like
 * cgroup_path(), the path is relative to the task's cgroup namespace: a
 * containerized process sees its own cgroup as "/". (Only on the unified
 * cgroup v2 hierarchy; on a legacy v1 hierarchy we give the path from its
 * root, which differs inside a cgroup namespace.)
 *
 * At most MAX_CGROUPS_LEN bytes in all, as Falco: a controller whose entry
 * does not fit is left out with all those after it. A path deeper than
 * CGROUP_MAX_DEPTH is left out in the same way rather than cut.
 */
#ifndef SCAPLAB_AUXMAP_STORE_CGROUPS_H
#define SCAPLAB_AUXMAP_STORE_CGROUPS_H

#include "auxmap_store_params.h"

#define MAX_CGROUPS_LEN 4096
/* Controllers we look at, at most: Linux 6.18 knows 15, a kernel has those it builds. */
#define CGROUP_MAX_SUBSYS 16
/* Directories between a cgroup and its hierarchy's top, at most; a mask. */
#define CGROUP_MAX_DEPTH 32
/* Longest controller name we copy, NUL included ("perf_event" is 11). */
#define CGROUP_MAX_SUBSYS_NAME 32

/* kernfs_node->parent became __parent (read under RCU) in Linux 6.15. */
struct kernfs_node___pre_v6_15 {
	struct kernfs_node *parent;
} __attribute__((preserve_access_index));

struct kernfs_node___v6_15 {
	struct kernfs_node *__parent;
} __attribute__((preserve_access_index));

static __always_inline struct kernfs_node *kernfs_parent(struct kernfs_node *kn)
{
	if (bpf_core_field_exists(((struct kernfs_node___v6_15 *)0)->__parent))
		return BPF_CORE_READ((struct kernfs_node___v6_15 *)kn, __parent);
	return BPF_CORE_READ((struct kernfs_node___pre_v6_15 *)kn, parent);
}

/* The state of the kernfs walk's first pass, shared with its callback. */
struct kernfs_walk {
	struct kernfs_node *kn;		/* where we are */
	struct kernfs_node *stop;	/* "/" of the namespace, or NULL */
	struct kernfs_node **nodes;	/* out: nodes to name, leaf first */
	__u32 n;			/* out: how many */
	bool done;			/* out: we reached the top */
};

/* Pass 1, one step: note kn and go to its parent, until the top. */
static long kernfs_walk_step(__u32 i, void *ctx)
{
	struct kernfs_walk *w = ctx;
	struct kernfs_node *parent = kernfs_parent(w->kn);

	/* The top's own name is not part of the path. */
	if (!w->kn || w->kn == w->stop || !parent) {
		w->done = true;
		return 1;
	}
	w->nodes[w->n & (CGROUP_MAX_DEPTH - 1)] = w->kn;
	w->n++;
	w->kn = parent;
	return 0;
}

/* The state of the second pass, shared with its callback. */
struct kernfs_write {
	__u8 *dst;			/* where the string goes */
	struct kernfs_node **nodes;	/* from pass 1 */
	__u32 n;
	__u32 len;			/* out: bytes written so far */
	bool failed;			/* out: a name did not fit */
};

/*
 * Pass 2, one step: append "/<name>" for the i-th node from the top.
 * kernfs keeps no name length: a name that fills all the room left may
 * have been cut, so it counts as not fitting.
 */
static long kernfs_write_step(__u32 i, void *ctx)
{
	struct kernfs_write *w = ctx;
	/* Masked: the verifier then knows len < MAX_PATH in every iteration. */
	__u32 len = w->len & (MAX_PATH - 1);
	__u32 room = MAX_PATH - 1 - len;	/* for the name and its NUL */
	struct kernfs_node *kn;
	long n;

	if (i >= w->n)
		return 1;
	kn = w->nodes[(w->n - 1 - i) & (CGROUP_MAX_DEPTH - 1)];
	w->dst[len] = '/';
	n = bpf_probe_read_kernel_str(&w->dst[len + 1], room, BPF_CORE_READ(kn, name));
	if (n <= 1 || n >= room) {
		w->failed = true;
		return 1;
	}
	w->len = len + n;	/* '/' and the name; its NUL is overwritten next */
	return 0;
}

/*
 * Write the path of kn below stop (or below the hierarchy's top) at dst,
 * NUL-terminated, using the bytes after dst + MAX_PATH as scratch. Returns
 * the bytes written, or 0 if too deep or too long.
 */
static __always_inline __u32 write_kernfs_path(__u8 *dst, struct kernfs_node *kn,
					       struct kernfs_node *stop)
{
	struct kernfs_node **nodes = (struct kernfs_node **)(dst + MAX_PATH);
	struct kernfs_walk walk = { .kn = kn, .stop = stop, .nodes = nodes };
	struct kernfs_write write = { .dst = dst, .nodes = nodes };
	__u32 len;

	bpf_loop(CGROUP_MAX_DEPTH, kernfs_walk_step, &walk, 0);
	if (!walk.done)
		return 0;
	write.n = walk.n;
	bpf_loop(CGROUP_MAX_DEPTH, kernfs_write_step, &write, 0);
	if (write.failed)
		return 0;
	len = write.len & (MAX_PATH - 1);
	/* The top itself: "/". */
	if (!len)
		dst[len++] = '/';
	dst[len++] = '\0';
	return len;
}

/* The state of the walk over the controllers, shared with its callback. */
struct cgroups_walk {
	struct auxiliary_map *auxmap;
	struct css_set *cset;		/* the task's cgroups */
	struct cgroup *ns_root;		/* "/" of its cgroup namespace (v2) */
	__u32 nr_subsys;		/* controllers this kernel has */
	__u32 total;			/* out: bytes written so far */
};

/*
 * One controller: append "<controller>=<path>\0", or stop. A callback, not
 * the body of a for loop: the verifier checks a for loop's body once per
 * iteration, two bpf_loop() calls included, and that was 42,000 of the
 * 45,000 instructions it processed for clone's exit (84,000 of execve's).
 */
static long cgroups_walk_step(__u32 id, void *ctx)
{
	struct cgroups_walk *w = ctx;
	/* Locals: BPF_CORE_READ(w->cset, ...) would relocate w's own fields. */
	struct css_set *cset = w->cset;
	struct cgroup *ns_root = w->ns_root;
	__u32 total = w->total & (MAX_CGROUPS_LEN - 1);
	__u8 *dst = &w->auxmap->data[SAFE_ACCESS(w->auxmap->payload_pos + total)];
	struct cgroup_subsys_state *css;
	struct kernfs_node *stop = NULL;
	struct cgroup *cgrp;
	long name_len;
	__u32 path_len;

	if (id >= w->nr_subsys)
		return 1;
	css = BPF_CORE_READ(cset, subsys[id & (CGROUP_MAX_SUBSYS - 1)]);
	cgrp = BPF_CORE_READ(css, cgroup);
	if (!cgrp)
		return 1;
	/* "<controller>=" */
	name_len = bpf_probe_read_kernel_str(dst, CGROUP_MAX_SUBSYS_NAME,
					     BPF_CORE_READ(css, ss, name));
	if (name_len <= 1)
		return 1;
	dst[(name_len - 1) & (CGROUP_MAX_SUBSYS_NAME - 1)] = '=';
	/* On the v2 hierarchy, the path starts at the namespace's root. */
	if (BPF_CORE_READ(cgrp, root) == BPF_CORE_READ(ns_root, root))
		stop = BPF_CORE_READ(ns_root, kn);
	path_len = write_kernfs_path(dst + (name_len & (CGROUP_MAX_SUBSYS_NAME - 1)),
				     BPF_CORE_READ(cgrp, kn), stop);
	if (!path_len || total + name_len + path_len > MAX_CGROUPS_LEN)
		return 1;
	w->total = total + name_len + path_len;
	return 0;
}

/* Parameter "cgroups" (type: PT_BYTEBUF) of the current task. */
static __always_inline void auxmap__store_cgroups_param(struct auxiliary_map *auxmap,
							struct task_struct *task)
{
	struct cgroups_walk walk = {
		.auxmap = auxmap,
		.cset = BPF_CORE_READ(task, cgroups),
		.ns_root = BPF_CORE_READ(task, nsproxy, cgroup_ns, root_cset, dfl_cgrp),
		.nr_subsys = bpf_core_enum_value(enum cgroup_subsys_id, CGROUP_SUBSYS_COUNT),
	};

	bpf_loop(CGROUP_MAX_SUBSYS, cgroups_walk_step, &walk, 0);
	auxmap__commit_param(auxmap, walk.total);
}

#endif /* SCAPLAB_AUXMAP_STORE_CGROUPS_H */
