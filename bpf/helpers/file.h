/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The file behind an fd of the current task, and facts about it.
 *
 * task->files->fdt->fd[fd] is the fd table. Every hop is a pointer into
 * kernel memory the verifier knows nothing about, so every hop is a
 * bpf_probe_read_kernel() (READ_KERNEL, kernel_types.h). The modern
 * driver's twins: modern_bpf/helpers/extract/task.h and file.h.
 */
#ifndef SCAPLAB_BPF_HELPERS_FILE_H
#define SCAPLAB_BPF_HELPERS_FILE_H

/* The struct file open as fd in the current task, or NULL. */
static __always_inline struct file *bpf_fd_to_file(__s32 fd)
{
	struct task_struct *task = get_current_task();
	struct file **fds;
	struct file *file = NULL;
	unsigned int max_fds;

	if (fd < 0)
		return NULL;
	max_fds = READ_KERNEL(task, files, fdt, max_fds);
	if (fd >= max_fds)
		return NULL;
	fds = READ_KERNEL(task, files, fdt, fd);
	if (bpf_probe_read_kernel(&file, sizeof(file), &fds[fd]))
		return NULL;
	return file;
}

/*
 * A dev_t as stat(2)'s st_dev shows it, the layout Falco stores: the
 * kernel's new_encode_dev() of its major << 20 | minor.
 */
static __always_inline __u32 bpf_encode_dev(__u32 dev)
{
	__u32 major = dev >> 20;
	__u32 minor = dev & ((1U << 20) - 1);

	return (minor & 0xff) | (major << 8) | ((minor & ~0xffU) << 12);
}

/* The device of the filesystem that holds file, as st_dev shows it. */
static __always_inline __u32 bpf_file_dev(struct file *file)
{
	return bpf_encode_dev(READ_KERNEL(file, f_inode, i_sb, s_dev));
}

/* The inode number of file, as st_ino shows it. */
static __always_inline __u64 bpf_file_ino(struct file *file)
{
	return READ_KERNEL(file, f_inode, i_ino);
}

#endif /* SCAPLAB_BPF_HELPERS_FILE_H */
