// SPDX-License-Identifier: GPL-2.0-only
/*
 * mmap and munmap. Their exit events add the process's memory use right
 * after the call (extract/mm.h says how it is read without sleeping).
 * The modern driver's twins: modern_bpf/programs/tail_called/events/
 * syscall_dispatched_events/{mmap,munmap}.bpf.c.
 */
#include <linux/sched.h>
#include "../ppm_fillers.h"
#include "../ppm_flag_helpers.h"
#include "../extract/mm.h"
#include "mem.h"

/*
 * vm_size, vm_rss, vm_swap of mm, in KiB (PT_UINT32 each; 0 without an
 * mm): params 2-4 of mmap's and munmap's exits, 11-13 of the process
 * events (proc_common.c).
 */
int mem_store_vm_sizes(struct event_filler_arguments *args, struct mm_struct *mm)
{
	int res;

	res = val_to_ring(args, extract_mm_vm_size_kb(mm), 0, false);
	if (res)
		return res;
	res = val_to_ring(args, extract_mm_vm_rss_kb(mm), 0, false);
	if (res)
		return res;
	return val_to_ring(args, extract_mm_vm_swap_kb(mm), 0, false);
}

FILLER(sys_mmap_e)
{
	int res;

	/* Parameter 1: addr (type: PT_UINT64), the caller's hint */
	res = val_to_ring(args, args->args[0], 0, false);
	if (res)
		return res;
	/* Parameter 2: length (type: PT_UINT64) */
	res = val_to_ring(args, args->args[1], 0, false);
	if (res)
		return res;
	/* Parameter 3: prot (type: PT_FLAGS32) */
	res = val_to_ring(args, prot_flags_to_scap(args->args[2]), 0, false);
	if (res)
		return res;
	/* Parameter 4: flags (type: PT_FLAGS32) */
	res = val_to_ring(args, mmap_flags_to_scap(args->args[3]), 0, false);
	if (res)
		return res;
	/* Parameter 5: fd (type: PT_FD), -1 for an anonymous mapping */
	res = val_to_ring(args, syscall_arg_fd(args, 4), 0, false);
	if (res)
		return res;
	/* Parameter 6: offset (type: PT_UINT64) */
	return val_to_ring(args, args->args[5], 0, false);
}

FILLER(sys_mmap_x)
{
	int res;

	/*
	 * Parameter 1: res (type: PT_UINT64), the mapping's address. The
	 * schema makes it unsigned, so an error is -errno in two's complement
	 * (0xfffffffffffffff4 for ENOMEM), as in Falco.
	 */
	res = val_to_ring(args, args->retval, 0, false);
	if (res)
		return res;
	/* Parameters 2-4 */
	/* Parameters 2-4: vm_size, vm_rss, vm_swap */
	return mem_store_vm_sizes(args, current->mm);
}

FILLER(sys_munmap_e)
{
	int res;

	/* Parameter 1: addr (type: PT_UINT64) */
	res = val_to_ring(args, args->args[0], 0, false);
	if (res)
		return res;
	/* Parameter 2: length (type: PT_UINT64) */
	return val_to_ring(args, args->args[1], 0, false);
}

FILLER(sys_munmap_x)
{
	int res;

	/* Parameter 1: res (type: PT_ERRNO) */
	res = val_to_ring(args, args->retval, 0, false);
	if (res)
		return res;
	/* Parameters 2-4 */
	/* Parameters 2-4: vm_size, vm_rss, vm_swap */
	return mem_store_vm_sizes(args, current->mm);
}
