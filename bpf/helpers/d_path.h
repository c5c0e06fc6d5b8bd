/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * A path the kernel holds as a (dentry, vfsmount) pair, a task's working
 * directory for one, as the string d_path() gives (readlink /proc/PID/cwd).
 *
 * The bpf_d_path() helper (Linux 5.10) is allowed only in a few programs
 * attached to LSM hooks and VFS functions, never in a tracepoint, so we
 * redo prepend_path() of fs/d_path.c: from the dentry up its d_parent chain
 * to the root of its mount, then on from the point that mount is mounted
 * on, until the task's root directory.
 *
 *   /home/ann/src   "src" -> "ann" -> "home", the root of /home's mount
 *                   -> its mountpoint "home" in / -> "/", the task's root
 *
 * The walk meets the names leaf first. The modern probe notes the dentries
 * in one bpf_loop() and writes them root first in a second one. Here the
 * loop is unrolled, and each copy of its body costs instructions and
 * verifier work, so there is one pass, that writes as prepend_path() does:
 * right to left, from the end of a scratch buffer. A dentry knows its
 * name's length (d_name.len), so each name goes straight to its place.
 * The finished string is then copied to the param in one read.
 *
 * The walk is bounded (D_PATH_MAX_STEPS steps, a directory or a mount
 * crossing each; MAX_PATH bytes): a longer path is stored empty, never cut
 * into a wrong one. The modern probe walks up to 2048 steps, so a path of
 * more than D_PATH_MAX_STEPS steps is empty here only.
 * Unlike d_path(), a deleted directory gets no " (deleted)".
 */
#ifndef SCAPLAB_BPF_HELPERS_D_PATH_H
#define SCAPLAB_BPF_HELPERS_D_PATH_H

/*
 * Steps we walk at most: each one is a copy of the loop body (about 40
 * instructions). /home/user/src/project/build/debug/x is 7 of them.
 */
#define D_PATH_MAX_STEPS 32
/* NAME_MAX: no file system names a dentry longer. A mask too. */
#define D_PATH_MAX_NAME 255

/*
 * Store, as a PT_CHARBUF, the path of (dentry, vfsmnt) below the root
 * (root_dentry, root_vfsmnt), which for a task is its root directory, "/"
 * unless chrooted. Empty param if the walk is deeper or the path longer
 * than we take.
 *
 * The MAX_PATH bytes after the param's own MAX_PATH are the scratch buffer;
 * the frame is twice the largest event, so both stay inside it.
 */
static __always_inline void bpf_store_d_path(struct filler_data *data, struct dentry *dentry,
					     struct vfsmount *vfsmnt, struct dentry *root_dentry,
					     struct vfsmount *root_vfsmnt)
{
	__u8 *param = &data->frame->data[SAFE_ACCESS(data->frame->payload_pos)];
	__u8 *buf = param + MAX_PATH;
	/* Where the string starts in buf: it grows leftwards from its NUL. */
	__u32 off = MAX_PATH - 1;
	bool done = false;
	__u32 len;

	buf[MAX_PATH - 1] = '\0';
#pragma unroll
	for (int i = 0; i < D_PATH_MAX_STEPS; i++) {
		struct dentry *parent = READ_KERNEL(dentry, d_parent);
		struct mount *mnt, *mnt_parent;
		__u32 name_len;

		if (dentry == root_dentry && vfsmnt == root_vfsmnt) {
			done = true;
			break;
		}
		if (dentry == READ_KERNEL(vfsmnt, mnt_root)) {
			/*
			 * The root of this mount: go on from its mountpoint in
			 * the parent mount. struct vfsmount is the public part
			 * of the kernel's struct mount, which knows both.
			 */
			mnt = container_of(vfsmnt, struct mount, mnt);
			mnt_parent = READ_KERNEL(mnt, mnt_parent);
			if (mnt_parent == mnt) {
				/* The mount namespace's root: as far as anyone goes. */
				done = true;
				break;
			}
			dentry = READ_KERNEL(mnt, mnt_mountpoint);
			/* An address, not a read: no probe needed. */
			vfsmnt = &mnt_parent->mnt;
			continue;
		}
		if (dentry == parent) {
			/* Its own parent but no mount's root: d_path() stops here too. */
			done = true;
			break;
		}
		/* "/name" must fit, with the NUL already at the end. */
		name_len = READ_KERNEL(dentry, d_name.len);
		if (name_len > D_PATH_MAX_NAME || name_len + 1 > off)
			break;
		off -= name_len;
		/* The mask is the bound the verifier checks; it changes nothing. */
		off &= MAX_PATH - 1;
		if (bpf_probe_read_kernel(&buf[off], name_len & D_PATH_MAX_NAME,
					  READ_KERNEL(dentry, d_name.name)))
			break;
		off = (off - 1) & (MAX_PATH - 1);
		buf[off] = '/';
		dentry = parent;
	}
	if (!done) {
		bpf_push_empty_param(data);
		return;
	}
	/* The root itself has no name: it is "/". */
	if (off == MAX_PATH - 1) {
		off = MAX_PATH - 2;
		buf[off] = '/';
	}
	/* From '/' to the NUL included: 2 to MAX_PATH bytes. */
	len = MAX_PATH - off;
	/* A mask that changes nothing, kept by the asm: the bound the verifier checks. */
	asm volatile("" : "+r"(len));
	len &= 2 * MAX_PATH - 1;
	if (bpf_probe_read_kernel(param, len, &buf[off & (MAX_PATH - 1)])) {
		bpf_push_empty_param(data);
		return;
	}
	bpf_commit_param(data, len);
}

#endif /* SCAPLAB_BPF_HELPERS_D_PATH_H */
