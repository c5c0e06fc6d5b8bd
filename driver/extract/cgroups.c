// SPDX-License-Identifier: GPL-2.0-only
/*
 * The current task's cgroups: see cgroups.h.
 *
 * No cgroup_path_ns(): it takes cgroup_mutex, which may sleep. A cgroup
 * is a kernfs directory, and kernfs_path_from_node() builds its path
 * under kernfs_rename_lock, an rwlock it read-locks with interrupts off
 * (newer kernels add or use RCU): allowed here, and safe against a
 * cgroup v1 rename freeing the name we copy. Which node the path starts from is the BPF
 * side's rule, found by the same walk up the parents:
 *  - on the cgroup v2 hierarchy, the root of the task's cgroup namespace,
 *    so a containerized process sees its own cgroup as "/";
 *  - elsewhere, and for a cgroup outside the namespace, the hierarchy's
 *    top, so the path is absolute (cgroup_path_ns() would write "/../x").
 *
 * Everything is read under rcu_read_lock(): the task's css_set is swapped
 * under RCU when it moves to another cgroup, and the old one, with the
 * references it holds on its cgroups, is freed after a grace period.
 */
#include <linux/cgroup.h>
#include <linux/kernfs.h>
#include <linux/minmax.h>
#include <linux/nsproxy.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/version.h>
#include "cgroups.h"

/* The BPF side's bounds: controllers, directories walked, controller name. */
#define CGROUP_MAX_SUBSYS 16
#define CGROUP_MAX_DEPTH 32
#define CGROUP_MAX_SUBSYS_NAME 32

#ifdef CONFIG_CGROUPS

static struct kernfs_node *kn_parent(struct kernfs_node *kn)
{
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 15, 0)
	return rcu_dereference(kn->__parent);
#else
	/* Fixed for a cgroup: not even a v1 rename moves it to another parent. */
	return kn->parent;
#endif
}

/*
 * Where the path of kn starts: stop if it is kn or one of kn's ancestors,
 * else the hierarchy's top. NULL if that is farther than the BPF walk
 * goes (CGROUP_MAX_DEPTH nodes, the top included).
 */
static struct kernfs_node *path_base(struct kernfs_node *kn, struct kernfs_node *stop)
{
	struct kernfs_node *parent;
	int depth;

	for (depth = 0; depth < CGROUP_MAX_DEPTH; depth++) {
		parent = kn_parent(kn);
		if (kn == stop || !parent)
			return kn;
		kn = parent;
	}
	return NULL;
}

/*
 * One "<controller>=<path>\0" at dst, which has room bytes, of which the
 * list may still take budget. Returns its length; 0 when it does not fit
 * budget (the list ends there, as on the BPF side); -ENOSPC when it might
 * have fit budget but not room.
 */
static int cgroup_entry(char *dst, u32 room, u32 budget, struct cgroup_subsys_state *css,
			struct cgroup *ns_root)
{
	struct cgroup *cgrp = css ? css->cgroup : NULL;
	struct kernfs_node *stop = NULL, *base;
	u32 name_len, path_budget, buflen;
	int n;

	if (!cgrp || !cgrp->kn || !css->ss)
		return 0;
	/* The name and '=' in place of its NUL; a longer name is cut, as BPF does. */
	name_len = strnlen(css->ss->name, CGROUP_MAX_SUBSYS_NAME - 1) + 1;
	if (name_len <= 1)
		return 0;
	if (ns_root && cgrp->root == ns_root->root)
		stop = ns_root->kn;
	base = path_base(cgrp->kn, stop);
	/* The shortest path, "/" and its NUL, takes 2 bytes. */
	if (!base || budget < name_len + 2)
		return 0;
	path_budget = budget - name_len;
	if (room < name_len + 2)
		return -ENOSPC;
	buflen = min(path_budget, room - name_len);

	memcpy(dst, css->ss->name, name_len - 1);
	dst[name_len - 1] = '=';
	/* The length it needs, NUL not counted; or an error when cut, since it uses strscpy(). */
	n = kernfs_path_from_node(cgrp->kn, base, dst + name_len, buflen);
	if (n >= 0 && n + 1 > path_budget)
		return 0;
	if (n < 0 || n >= buflen)
		return buflen < path_budget ? -ENOSPC : 0;
	return name_len + n + 1;
}

int extract_cgroups(char *buf, u32 room)
{
	struct nsproxy *nsproxy = current->nsproxy;
	struct cgroup *ns_root = NULL;
	struct css_set *cset;
	u32 total = 0;
	int id, n = 0;

	rcu_read_lock();
	cset = task_css_set(current);
	/* The cgroup v2 cgroup that is "/" in the task's cgroup namespace. */
	if (nsproxy && nsproxy->cgroup_ns && nsproxy->cgroup_ns->root_cset)
		ns_root = nsproxy->cgroup_ns->root_cset->dfl_cgrp;
	for (id = 0; id < min_t(int, CGROUP_SUBSYS_COUNT, CGROUP_MAX_SUBSYS); id++) {
		n = cgroup_entry(buf + total, room - total, MAX_CGROUPS_LEN - total,
				 cset->subsys[id], ns_root);
		if (n <= 0)
			break;
		total += n;
	}
	rcu_read_unlock();
	return n < 0 ? n : total;
}

#else /* !CONFIG_CGROUPS */

int extract_cgroups(char *buf, u32 room)
{
	return 0;
}

#endif
