/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Reading facts about an open file: the device of its filesystem and its
 * inode number. Get the struct file with extract__file_from_fd() (task.h).
 *
 * The struct file comes out of a helper read (task.h), a bare address
 * that the verifier has no type for: every hop from it is a CO-RE read,
 * one bpf_probe_read_kernel each, not the plain load a typed pointer gets.
 */
#ifndef SCAPLAB_EXTRACT_FILE_H
#define SCAPLAB_EXTRACT_FILE_H

#include "../base/common.h"

/*
 * The kernel keeps a dev_t as major << 20 | minor (MINORBITS is 20), but
 * stat(2) gives userspace another layout, the one Falco stores, so that
 * "dev" reads like st_dev: the low 8 bits of the minor, then the 12 bits
 * of the major, then the rest of the minor. It is the kernel's
 * new_encode_dev().
 */
static __always_inline __u32 extract__encode_dev(dev_t dev)
{
	__u32 major = dev >> 20;
	__u32 minor = dev & ((1U << 20) - 1);

	return (minor & 0xff) | (major << 8) | ((minor & ~0xffU) << 12);
}

/* The device of the filesystem that holds file, as st_dev shows it. */
static __always_inline __u32 extract__file_dev(struct file *file)
{
	return extract__encode_dev(BPF_CORE_READ(file, f_inode, i_sb, s_dev));
}

/* The inode number of file, as st_ino shows it. */
static __always_inline __u64 extract__file_ino(struct file *file)
{
	return BPF_CORE_READ(file, f_inode, i_ino);
}

#endif /* SCAPLAB_EXTRACT_FILE_H */
