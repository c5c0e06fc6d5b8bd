/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Storing a path the kernel holds as a (dentry, vfsmount) pair, such as a
 * task's working directory, as the absolute path string d_path() returns
 * (readlink /proc/PID/cwd).
 *
 * The bpf_d_path() helper is allowed only at a few attach points (some
 * LSM hooks and VFS functions), not at sys_exit, so we redo d_path()'s
 * walk (prepend_path() in fs/d_path.c): from the dentry up its
 * d_parent chain to the root of its mount, then jump to where that mount
 * is mounted and go on, until we reach the task's root directory.
 *
 *   /home/ann/src     dentry "src" -> "ann" -> "home" = root of /home's mount
 *                     -> its mountpoint "home" on / -> "/" = the root: stop
 *
 * The walk meets the names leaf first but they are written root first, so
 * it takes two passes: note the dentries (in scratch space just after the
 * param's room), then write their names in reverse. Each pass is a
 * bpf_loop() (Linux 5.17+) rather than a for loop: the verifier checks a
 * for loop's body once per iteration and per path taken through it (mount
 * crossed or name noted), which past a few dozen iterations exceeds its
 * budget of 1M instructions; a bpf_loop() callback it checks as a function.
 *
 * The walk is bounded (D_PATH_MAX_COMPONENTS steps, MAX_PATH bytes): a
 * longer path is not cut into a wrong one, the param is stored empty.
 * Unlike d_path(), a deleted directory gets no " (deleted)" suffix.
 */
#ifndef SCAPLAB_AUXMAP_STORE_D_PATH_H
#define SCAPLAB_AUXMAP_STORE_D_PATH_H

#include "auxmap_store_params.h"

/*
 * Steps (a directory or a mount crossing) we walk at most. Each directory
 * adds at least 2 bytes ("/" and a name), so any path that fits MAX_PATH
 * has fewer. A power of 2: it is also a mask. The scratch space it needs,
 * 8 bytes a step after the param's MAX_PATH, still ends well inside the
 * auxiliary map's second half.
 */
#define D_PATH_MAX_COMPONENTS (MAX_PATH / 2)
/* NAME_MAX: no file system gives a dentry a longer name. */
#define D_PATH_MAX_NAME 255

/* The state of pass 1, shared with its bpf_loop() callback. */
struct d_path_walk {
	struct dentry *dentry;		/* where we are */
	struct vfsmount *vfsmnt;	/* the mount we see it through */
	struct dentry *root_dentry;	/* where we stop */
	struct vfsmount *root_vfsmnt;
	struct dentry **names;		/* out: dentries to name, leaf first */
	__u32 n;			/* out: how many */
	bool done;			/* out: we reached the root */
};

/*
 * One step of pass 1. struct vfsmount is the public part of the kernel's
 * struct mount, which also knows the parent mount and the mountpoint;
 * container_of() gets from one to the other, its offset relocated by CO-RE.
 * Returns 1 to stop the loop, 0 to go on.
 */
static long d_path_walk_step(__u32 i, void *ctx)
{
	struct d_path_walk *w = ctx;
	struct dentry *dentry = w->dentry;
	struct vfsmount *vfsmnt = w->vfsmnt;
	struct dentry *parent = BPF_CORE_READ(dentry, d_parent);
	struct mount *mnt, *mnt_parent;

	if (dentry == w->root_dentry && vfsmnt == w->root_vfsmnt) {
		w->done = true;
		return 1;
	}
	if (dentry == BPF_CORE_READ(vfsmnt, mnt_root)) {
		/* The root of this mount: continue from its mountpoint. */
		mnt = container_of(vfsmnt, struct mount, mnt);
		mnt_parent = BPF_CORE_READ(mnt, mnt_parent);
		if (mnt_parent == mnt) {
			/* The root of the mount namespace: the root, for us too. */
			w->done = true;
			return 1;
		}
		w->dentry = BPF_CORE_READ(mnt, mnt_mountpoint);
		w->vfsmnt = (struct vfsmount *)((char *)mnt_parent +
						bpf_core_field_offset(struct mount, mnt));
		return 0;
	}
	if (dentry == parent) {
		/* Its own parent but no mount's root: as far as d_path() goes. */
		w->done = true;
		return 1;
	}
	w->names[w->n & (D_PATH_MAX_COMPONENTS - 1)] = dentry;
	w->n++;
	w->dentry = parent;
	return 0;
}

/* The state of pass 2, shared with its bpf_loop() callback. */
struct d_path_write {
	__u8 *param;			/* where the string goes */
	struct dentry **names;		/* from pass 1 */
	__u32 n;
	__u32 len;			/* out: bytes written so far */
	bool failed;			/* out: a name did not fit */
};

/*
 * One step of pass 2: append "/<name>" for the i-th dentry from the root.
 * d_name.len is exact, so a name is copied whole or the path is given up.
 */
static long d_path_write_step(__u32 i, void *ctx)
{
	struct d_path_write *w = ctx;
	/* Masked: the verifier then knows len < MAX_PATH in every iteration. */
	__u32 len = w->len & (MAX_PATH - 1);
	struct dentry *dentry;
	__u32 name_len;

	if (i >= w->n)
		return 1;
	dentry = w->names[(w->n - 1 - i) & (D_PATH_MAX_COMPONENTS - 1)];
	name_len = BPF_CORE_READ(dentry, d_name.len);
	/* Room for '/', the name and the final NUL. */
	if (name_len > D_PATH_MAX_NAME || len + name_len + 2 > MAX_PATH) {
		w->failed = true;
		return 1;
	}
	w->param[len] = '/';
	if (bpf_probe_read_kernel(&w->param[len + 1], name_len & D_PATH_MAX_NAME,
				  BPF_CORE_READ(dentry, d_name.name))) {
		w->failed = true;
		return 1;
	}
	w->len = len + 1 + name_len;
	return 0;
}

/*
 * Store, as a PT_CHARBUF, the path of (dentry, vfsmnt) relative to the root
 * (root_dentry, root_vfsmnt), which for a task is its root directory, "/"
 * unless chrooted. Empty param if the path is deeper or longer than we walk.
 */
static __always_inline void auxmap__store_d_path_param(struct auxiliary_map *auxmap,
						       struct dentry *dentry,
						       struct vfsmount *vfsmnt,
						       struct dentry *root_dentry,
						       struct vfsmount *root_vfsmnt)
{
	__u8 *param = &auxmap->data[SAFE_ACCESS(auxmap->payload_pos)];
	/* Scratch for pass 1, past the longest path this param may take. */
	struct dentry **names = (struct dentry **)(param + MAX_PATH);
	struct d_path_walk walk = {
		.dentry = dentry,
		.vfsmnt = vfsmnt,
		.root_dentry = root_dentry,
		.root_vfsmnt = root_vfsmnt,
		.names = names,
	};
	struct d_path_write write = { .param = param, .names = names };
	__u32 len;

	bpf_loop(D_PATH_MAX_COMPONENTS, d_path_walk_step, &walk, 0);
	if (!walk.done) {
		auxmap__store_empty_param(auxmap);
		return;
	}
	write.n = walk.n;
	bpf_loop(D_PATH_MAX_COMPONENTS, d_path_write_step, &write, 0);
	if (write.failed) {
		auxmap__store_empty_param(auxmap);
		return;
	}
	len = write.len & (MAX_PATH - 1);
	/* The root itself has no name: it is "/". */
	if (!len)
		param[len++] = '/';
	param[len++] = '\0';
	auxmap__commit_param(auxmap, len);
}

#endif /* SCAPLAB_AUXMAP_STORE_D_PATH_H */
