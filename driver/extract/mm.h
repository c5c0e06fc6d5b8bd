/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The memory use of a process, in KiB, as /proc/PID/status shows it
 * (VmSize, VmRSS, VmSwap): the vm_* params of the mmap and munmap exits.
 *
 * A filler may not sleep, so it takes no mmap_lock: total_vm is read as
 * one word, racing with a mapping change in another thread exactly as
 * /proc does, and the page counters are the mm's shared atomics (or
 * per-CPU counters since 6.2), read with get_mm_counter(), which needs no
 * lock either.
 *
 * The modern driver's twin: modern_bpf/helpers/extract/process.h
 * (extract__mm_vm_size, _vm_rss, _vm_swap). It reads the same fields and
 * clamps a counter below 0 to 0 as get_mm_counter() does, so the two
 * drivers store the same numbers, truncated to 32 bits the same way.
 * Neither adds the few page counts a thread caches before it folds them
 * into the mm (until 6.2, SPLIT_RSS_COUNTING; since, per-CPU deltas).
 */
#ifndef SCAPLAB_EXTRACT_MM_H
#define SCAPLAB_EXTRACT_MM_H

#include <linux/mm.h>
#include <linux/mm_types.h>

#define EXTRACT_PAGES_TO_KB(pages) ((u64)(pages) << (PAGE_SHIFT - 10))

/* An mm may be NULL (a kernel thread): BPF's CO-RE reads then give 0. */
static inline u32 extract_mm_vm_size_kb(struct mm_struct *mm)
{
	return mm ? EXTRACT_PAGES_TO_KB(READ_ONCE(mm->total_vm)) : 0;
}

/* File, anonymous and shmem pages; swap entries are not resident. */
static inline u32 extract_mm_vm_rss_kb(struct mm_struct *mm)
{
	return mm ? EXTRACT_PAGES_TO_KB(get_mm_rss(mm)) : 0;
}

static inline u32 extract_mm_vm_swap_kb(struct mm_struct *mm)
{
	return mm ? EXTRACT_PAGES_TO_KB(get_mm_counter(mm, MM_SWAPENTS)) : 0;
}

#endif /* SCAPLAB_EXTRACT_MM_H */
