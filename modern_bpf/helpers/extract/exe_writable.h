/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * PPM_EXE_WRITABLE, the one bit of the execve family's exit "flags": could
 * the process write the executable it is now running? A program that can
 * rewrite itself (or was just dropped by its own user) is worth a look.
 *
 * The kernel module asks the kernel (inode_permission(MAY_WRITE) or
 * inode_owner_or_capable()). A BPF program cannot call those, so this
 * replays their common steps, in their order:
 *   1. a read-only mount or an immutable file: not writable, not even by root;
 *   2. the owner (fsuid == i_uid): writable, the owner may chmod it anyway;
 *   3. the group or other write bit of the mode, for the caller's class;
 *   4. CAP_DAC_OVERRIDE or CAP_FOWNER: writable.
 * What it does not replay: POSIX ACLs, LSMs (SELinux, AppArmor) and
 * capabilities held in a child user namespace (we do not walk its id map, so
 * we credit capabilities only in the initial one). Those cases can make
 * this answer "not writable" where the kernel would allow the write.
 */
#ifndef SCAPLAB_EXTRACT_EXE_WRITABLE_H
#define SCAPLAB_EXTRACT_EXE_WRITABLE_H

#include "../base/common.h"

/* Raw values (include/uapi/linux/stat.h, linux/fs.h, linux/capability.h). */
#define SCAP_KERNEL_S_IFMT		00170000
#define SCAP_KERNEL_S_IFREG		0100000
#define SCAP_KERNEL_S_IFDIR		0040000
#define SCAP_KERNEL_S_IFLNK		0120000
#define SCAP_KERNEL_S_IMMUTABLE		(1U << 3)	/* inode->i_flags */
#define SCAP_KERNEL_SB_RDONLY		(1UL << 0)	/* super_block->s_flags */
#define SCAP_KERNEL_MAY_WRITE		0x2
#define SCAP_KERNEL_CAP_DAC_OVERRIDE	1
#define SCAP_KERNEL_CAP_FOWNER		3
#define SCAP_KERNEL_INVALID_ID		((__u32)-1)

/* log2(NGROUPS_MAX = 65536): steps of a binary search of the groups. */
#define MAX_GROUP_SEARCH_STEPS 16

/* Is gid among the supplementary groups? The kernel keeps them sorted. */
static __always_inline bool extract__in_group_list(const struct cred *cred, __u32 gid)
{
	struct group_info *groups = BPF_CORE_READ(cred, group_info);
	unsigned int left = 0, right, mid;
	__u32 mid_gid;

	if (!groups)
		return false;
	right = BPF_CORE_READ(groups, ngroups);
	for (int i = 0; i < MAX_GROUP_SEARCH_STEPS && left < right; i++) {
		mid = (left + right) / 2;
		mid_gid = BPF_CORE_READ(groups, gid[mid].val);
		if (gid > mid_gid)
			left = mid + 1;
		else if (gid < mid_gid)
			right = mid;
		else
			return true;
	}
	return false;
}

/*
 * The effective capability set as a 64-bit mask. Linux 6.3 turned
 * kernel_cap_t from __u32 cap[2] into a __u64 val; on little-endian x86 the
 * 8 bytes are the same mask either way, so we read them raw.
 */
static __always_inline __u64 extract__cred_cap_effective(const struct cred *cred)
{
	__u64 caps = 0;

	bpf_core_read(&caps, sizeof(caps), &cred->cap_effective);
	return caps;
}

static __always_inline bool extract__exe_writable(struct task_struct *task)
{
	struct inode *inode = BPF_CORE_READ(task, mm, exe_file, f_inode);
	const struct cred *cred = BPF_CORE_READ(task, cred);
	__u32 mode, i_uid, i_gid, fsuid;
	__u64 caps;

	if (!inode || !cred)
		return false;
	mode = BPF_CORE_READ(inode, i_mode);

	/* 1. inode_permission(): no write to a read-only mount or immutable file. */
	if (BPF_CORE_READ(inode, i_sb, s_flags) & SCAP_KERNEL_SB_RDONLY) {
		__u32 fmt = mode & SCAP_KERNEL_S_IFMT;

		if (fmt == SCAP_KERNEL_S_IFREG || fmt == SCAP_KERNEL_S_IFDIR ||
		    fmt == SCAP_KERNEL_S_IFLNK)
			return false;
	}
	if (BPF_CORE_READ(inode, i_flags) & SCAP_KERNEL_S_IMMUTABLE)
		return false;
	i_uid = BPF_CORE_READ(inode, i_uid.val);
	i_gid = BPF_CORE_READ(inode, i_gid.val);
	/* An owner the mount cannot map: the kernel refuses every write. */
	if (i_uid == SCAP_KERNEL_INVALID_ID || i_gid == SCAP_KERNEL_INVALID_ID)
		return false;

	/* 2. inode_owner_or_capable(): the owner. */
	fsuid = BPF_CORE_READ(cred, fsuid.val);
	if (fsuid == i_uid)
		return true;

	/* 3. acl_permission_check(): the group bits for a member, else other's. */
	if (BPF_CORE_READ(cred, fsgid.val) == i_gid || extract__in_group_list(cred, i_gid))
		mode >>= 3;
	if (mode & SCAP_KERNEL_MAY_WRITE)
		return true;

	/* 4. capable_wrt_inode_uidgid(), only in the initial user namespace. */
	if (BPF_CORE_READ(cred, user_ns, level) != 0)
		return false;
	caps = extract__cred_cap_effective(cred);
	return caps & ((1ULL << SCAP_KERNEL_CAP_DAC_OVERRIDE) | (1ULL << SCAP_KERNEL_CAP_FOWNER));
}

#endif /* SCAPLAB_EXTRACT_EXE_WRITABLE_H */
