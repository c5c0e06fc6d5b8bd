/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * mmap and munmap. Their exit events add the process's memory use right
 * after the call (helpers/mm.h). The kernel module's are in
 * driver/fillers/mem.c, the modern driver's in
 * modern_bpf/programs/tail_called/events/syscall_dispatched_events/.
 */

FILLER(sys_mmap_e)
{
	bpf_frame_begin(data, PPME_SYSCALL_MMAP_E, 6);
	/* Parameter 1: addr (type: PT_UINT64), the caller's hint */
	bpf_push_u64_to_ring(data, bpf_syscall_get_argument(data, 0));
	/* Parameter 2: length (type: PT_UINT64) */
	bpf_push_u64_to_ring(data, bpf_syscall_get_argument(data, 1));
	/* Parameter 3: prot (type: PT_FLAGS32) */
	bpf_push_u32_to_ring(data, prot_flags_to_scap(bpf_syscall_get_argument(data, 2)));
	/* Parameter 4: flags (type: PT_FLAGS32) */
	bpf_push_u32_to_ring(data, mmap_flags_to_scap(bpf_syscall_get_argument(data, 3)));
	/* Parameter 5: fd (type: PT_FD), -1 for an anonymous mapping */
	bpf_push_s64_to_ring(data, (__s32)bpf_syscall_get_argument(data, 4));
	/* Parameter 6: offset (type: PT_UINT64) */
	bpf_push_u64_to_ring(data, bpf_syscall_get_argument(data, 5));
	return 0;
}

FILLER(sys_mmap_x)
{
	/*
	 * current->mm, one probe read: never NULL in a syscall, only kernel
	 * threads have no mm.
	 */
	struct mm_struct *mm = READ_KERNEL(get_current_task(), mm);

	bpf_frame_begin(data, PPME_SYSCALL_MMAP_X, 4);
	/*
	 * Parameter 1: res (type: PT_UINT64), the mapping's address. The
	 * schema makes it unsigned, so an error shows as -errno in two's
	 * complement (0xfffffffffffffff4 for ENOMEM), as in Falco.
	 */
	bpf_push_u64_to_ring(data, bpf_syscall_get_retval(data));
	/* Parameter 2: vm_size (type: PT_UINT32), KiB */
	bpf_push_u32_to_ring(data, bpf_mm_vm_size(mm));
	/* Parameter 3: vm_rss (type: PT_UINT32), KiB */
	bpf_push_u32_to_ring(data, bpf_mm_vm_rss(mm));
	/* Parameter 4: vm_swap (type: PT_UINT32), KiB */
	bpf_push_u32_to_ring(data, bpf_mm_vm_swap(mm));
	return 0;
}

FILLER(sys_munmap_e)
{
	bpf_frame_begin(data, PPME_SYSCALL_MUNMAP_E, 2);
	/* Parameter 1: addr (type: PT_UINT64) */
	bpf_push_u64_to_ring(data, bpf_syscall_get_argument(data, 0));
	/* Parameter 2: length (type: PT_UINT64) */
	bpf_push_u64_to_ring(data, bpf_syscall_get_argument(data, 1));
	return 0;
}

FILLER(sys_munmap_x)
{
	struct mm_struct *mm = READ_KERNEL(get_current_task(), mm);

	bpf_frame_begin(data, PPME_SYSCALL_MUNMAP_X, 4);
	/* Parameter 1: res (type: PT_ERRNO) */
	bpf_push_s64_to_ring(data, bpf_syscall_get_retval(data));
	/* Parameter 2: vm_size (type: PT_UINT32), KiB */
	bpf_push_u32_to_ring(data, bpf_mm_vm_size(mm));
	/* Parameter 3: vm_rss (type: PT_UINT32), KiB */
	bpf_push_u32_to_ring(data, bpf_mm_vm_rss(mm));
	/* Parameter 4: vm_swap (type: PT_UINT32), KiB */
	bpf_push_u32_to_ring(data, bpf_mm_vm_swap(mm));
	return 0;
}
