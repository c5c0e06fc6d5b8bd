/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * A process's memory use in KiB, as /proc/PID/status shows it (VmSize,
 * VmRSS, VmSwap): the vm_* params of the mmap and munmap exits, and of
 * the clone and execve families' exits (helpers/process.h).
 *
 * The same fields as the kernel module (driver/extract/mm.h) and the
 * modern probe (modern_bpf/helpers/extract/process.h) read, with no lock:
 * total_vm as one word, and the page counters as get_mm_counter() reads
 * them, never below 0. Each read is a bpf_probe_read_kernel(), so a NULL
 * mm (a kernel thread) reads 0 everywhere, as with the modern CO-RE reads.
 *
 * mm->rss_stat changed in Linux 6.2, from one struct of atomic counters
 * to an array of per-CPU counters. The headers build sees one layout, the
 * target kernel's, and picks it by LINUX_VERSION_CODE at compile time. The
 * CO-RE build must load on either, so it describes both as "flavors" (a
 * struct named <kernel name>___<anything> that libbpf matches to the
 * kernel's <kernel name>) and asks at load time which one the running
 * kernel has (bpf_core_field_exists).
 */
#ifndef SCAPLAB_BPF_HELPERS_MM_H
#define SCAPLAB_BPF_HELPERS_MM_H

/* x86_64 pages are 4 KiB. */
#define BPF_PAGE_SHIFT 12
#define BPF_PAGES_TO_KB(pages) ((__u64)(pages) << (BPF_PAGE_SHIFT - 10))

/*
 * The mm counters (include/linux/mm_types_task.h), an anonymous enum:
 * CO-RE cannot relocate it, and its values have not moved since 4.5.
 */
#define BPF_MM_FILEPAGES 0
#define BPF_MM_ANONPAGES 1
#define BPF_MM_SWAPENTS 2
#define BPF_MM_SHMEMPAGES 3

#ifdef SCAPLAB_BPF_CORE
/* Up to Linux 6.1: struct mm_rss_stat { atomic_long_t count[4]; }. */
struct mm_rss_stat___pre_v6_2 {
	atomic_long_t count[4];
} __attribute__((preserve_access_index));

struct mm_struct___pre_v6_2 {
	struct mm_rss_stat___pre_v6_2 rss_stat;
} __attribute__((preserve_access_index));

/* Since Linux 6.2: struct percpu_counter rss_stat[4]. */
struct mm_struct___v6_2 {
	struct percpu_counter rss_stat[4];
} __attribute__((preserve_access_index));
#endif

/* Size of the address space: VmSize. */
static __always_inline __u32 bpf_mm_vm_size(struct mm_struct *mm)
{
	return BPF_PAGES_TO_KB(READ_KERNEL(mm, total_vm));
}

/*
 * One page counter of mm. Since 6.2 each CPU also keeps a small delta not
 * yet folded into the shared count, and, as the other drivers, we read the
 * shared count only: a new process can read a little low.
 */
static __always_inline __u64 bpf_mm_counter(struct mm_struct *mm, int member)
{
	__s64 pages;

#ifdef SCAPLAB_BPF_CORE
	if (bpf_core_field_exists(((struct mm_struct___v6_2 *)0)->rss_stat))
		pages = READ_KERNEL((struct mm_struct___v6_2 *)mm, rss_stat[member].count);
	else
		pages = READ_KERNEL((struct mm_struct___pre_v6_2 *)mm,
				    rss_stat.count[member].counter);
#elif LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
	pages = READ_KERNEL(mm, rss_stat[member].count);
#else
	pages = READ_KERNEL(mm, rss_stat.count[member].counter);
#endif
	return pages > 0 ? pages : 0;
}

/* Resident pages (file, anonymous, shmem): VmRSS, the kernel's get_mm_rss(). */
static __always_inline __u32 bpf_mm_vm_rss(struct mm_struct *mm)
{
	return BPF_PAGES_TO_KB(bpf_mm_counter(mm, BPF_MM_FILEPAGES) +
			       bpf_mm_counter(mm, BPF_MM_ANONPAGES) +
			       bpf_mm_counter(mm, BPF_MM_SHMEMPAGES));
}

/* Swapped-out pages: VmSwap. */
static __always_inline __u32 bpf_mm_vm_swap(struct mm_struct *mm)
{
	return BPF_PAGES_TO_KB(bpf_mm_counter(mm, BPF_MM_SWAPENTS));
}

#endif /* SCAPLAB_BPF_HELPERS_MM_H */
