/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Where the legacy probe's kernel types come from: the first include of
 * bpf/probe.c. It is built in one of two ways (bpf/Makefile.inc):
 *
 *   against the kernel's headers     against the kernel's BTF (CO-RE)
 *   (build/bpf/<release>/probe.o)    (build/bpf/core/probe.o)
 *   ---------------------------      ---------------------------------
 *   struct task_struct from          struct task_struct from vmlinux.h,
 *   <linux/sched.h>: its field       which bpftool wrote from
 *   offsets are numbers in the       /sys/kernel/btf/vmlinux: each field
 *   code, right for that one kernel  access is a relocation that libbpf
 *   build and wrong for any other.   fixes at load time for the running
 *   Loads with no BTF at all.        kernel. Needs BTF at load time.
 *
 * Falco's legacy probe was built the first way, on the machine it ran on,
 * for the kernels of 2016-2020 that had no BTF. scaplab builds it that way
 * for every kernel whose headers are installed (the VM's Debian 6.1), and
 * the second way for a kernel with BTF and no headers (this repo's host).
 *
 * The probe's code is the same for both: every read of kernel memory goes
 * through bpf_probe_read_kernel() on the address of a field, &task->tgid.
 * With the headers clang computes that address from a fixed offset; with
 * vmlinux.h every struct carries preserve_access_index, so clang records
 * the access and libbpf patches the offset. READ_KERNEL() below is that
 * read, as a chain of fields: READ_KERNEL(task, real_parent, tgid).
 */
#ifndef SCAPLAB_BPF_KERNEL_TYPES_H
#define SCAPLAB_BPF_KERNEL_TYPES_H

#ifdef SCAPLAB_BPF_CORE

#include "vmlinux.h"

#else /* the target kernel's headers, through Kbuild (bpf/Kbuild) */

#include <linux/version.h>
#include <uapi/linux/bpf.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/cred.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/mount.h>
#include <linux/mm_types.h>
#include <linux/pid_namespace.h>
#include <linux/net.h>
#include <linux/un.h>
#include <linux/in.h>
#include <linux/in6.h>
#include <linux/sem.h>
#include <linux/poll.h>
#include <linux/time_types.h>
#include <net/sock.h>
#include <net/inet_sock.h>
#include <net/af_unix.h>

/*
 * fs/mount.h is private to fs/ and not in the headers package, but a path
 * walk must step from one mount to its parent. These four fields open
 * struct mount in every kernel from 3.13 on; container_of() from the
 * struct vfsmount inside it needs no more.
 */
struct mount {
	struct hlist_node mnt_hash;
	struct mount *mnt_parent;
	struct dentry *mnt_mountpoint;
	struct vfsmount mnt;
};

#endif /* SCAPLAB_BPF_CORE */

#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

/*
 * bpf_probe_read_kernel() and _user() came in Linux 5.5. Before, one
 * helper read both (bpf_probe_read), as Falco's probe did on 4.14; on x86
 * it still could, but a kernel with both must be told which it is.
 */
#if !defined(SCAPLAB_BPF_CORE) && LINUX_VERSION_CODE < KERNEL_VERSION(5, 5, 0)
#define bpf_probe_read_kernel bpf_probe_read
#define bpf_probe_read_user bpf_probe_read
#define bpf_probe_read_kernel_str bpf_probe_read_str
#define bpf_probe_read_user_str bpf_probe_read_str
#endif

/*
 * A chain of kernel pointers, read field by field, each hop with
 * bpf_probe_read_kernel(): READ_KERNEL(task, mm, arg_start). libbpf's
 * BPF_CORE_READ() without the forced relocation (its BPF_PROBE_READ() uses
 * the old bpf_probe_read()). A hop that faults reads 0, and so does every
 * hop after it.
 */
#define READ_KERNEL(src, a, ...) ({						\
	___type((src), a, ##__VA_ARGS__) __r;					\
	___core_read(bpf_probe_read_kernel, bpf_probe_read_kernel, &__r, (src),	\
		     a, ##__VA_ARGS__);						\
	__r;									\
})

#endif /* SCAPLAB_BPF_KERNEL_TYPES_H */
