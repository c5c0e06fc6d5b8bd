/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Reading the current task's kernel state: the file behind an fd.
 *
 * task->files->fdt->fd[] is the fd table. The task pointer from
 * bpf_get_current_task_btf() is trusted, but the pointers reached through
 * it are not, so every hop is a CO-RE read (BPF_CORE_READ), which also
 * keeps the field offsets right on other kernels.
 */
#ifndef SCAPLAB_EXTRACT_TASK_H
#define SCAPLAB_EXTRACT_TASK_H

#include "../base/common.h"

/* The struct file open as fd in the current task, or NULL. */
static __always_inline struct file *extract__file_from_fd(__s32 fd)
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct file **fds = NULL;
	struct file *file = NULL;
	unsigned int max_fds;

	if (fd < 0)
		return NULL;
	max_fds = BPF_CORE_READ(task, files, fdt, max_fds);
	if (fd >= max_fds)
		return NULL;
	fds = BPF_CORE_READ(task, files, fdt, fd);
	if (bpf_probe_read_kernel(&file, sizeof(file), &fds[fd]))
		return NULL;
	return file;
}

#endif /* SCAPLAB_EXTRACT_TASK_H */
