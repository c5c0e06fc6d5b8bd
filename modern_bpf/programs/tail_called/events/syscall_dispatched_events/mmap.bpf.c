// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * mmap(2): PPME_SYSCALL_MMAP_E / PPME_SYSCALL_MMAP_X.
 *
 * The exit event adds the process's memory use right after the call, as
 * /proc/<pid>/status would show it (helpers/extract/process.h says how it
 * is read on kernels before and after 6.2).
 *
 * Try it: sudo ./build/scap-open --syscall mmap -- cat /etc/hostname
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/extract/process.h"
#include "../../../../helpers/store/ringbuf_store_params.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(mmap_e, struct pt_regs *regs, long id)
{
	struct ringbuf_event ev;

	if (!ringbuf__reserve_event(&ev, PPME_SYSCALL_MMAP_E, 6,
				    3 * sizeof(__u64) + 2 * sizeof(__u32) + sizeof(__s64)))
		return 0;

	/* Parameter 1: addr (type: PT_UINT64), the caller's hint */
	ringbuf__store_u64_param(&ev, extract__syscall_argument(regs, 0));
	/* Parameter 2: length (type: PT_UINT64) */
	ringbuf__store_u64_param(&ev, extract__syscall_argument(regs, 1));
	/* Parameter 3: prot (type: PT_FLAGS32) */
	ringbuf__store_u32_param(&ev, prot_flags_to_scap(extract__syscall_argument(regs, 2)));
	/* Parameter 4: flags (type: PT_FLAGS32) */
	ringbuf__store_u32_param(&ev, mmap_flags_to_scap(extract__syscall_argument(regs, 3)));
	/* Parameter 5: fd (type: PT_FD), -1 for an anonymous mapping */
	ringbuf__store_s64_param(&ev, (__s32)extract__syscall_argument(regs, 4));
	/* Parameter 6: offset (type: PT_UINT64) */
	ringbuf__store_u64_param(&ev, extract__syscall_argument(regs, 5));

	ringbuf__submit_event(&ev);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(mmap_x, struct pt_regs *regs, long ret)
{
	struct ringbuf_event ev;
	struct task_struct *task = bpf_get_current_task_btf();
	/* Never NULL in a syscall: only kernel threads have no mm. */
	struct mm_struct *mm = BPF_CORE_READ(task, mm);

	if (!ringbuf__reserve_event(&ev, PPME_SYSCALL_MMAP_X, 4, sizeof(__u64) + 3 * sizeof(__u32)))
		return 0;

	/*
	 * Parameter 1: res (type: PT_UINT64), the mapping's address. The
	 * schema makes it unsigned, so an error shows as -errno in two's
	 * complement (0xfffffffffffffff4 for ENOMEM), as in Falco.
	 */
	ringbuf__store_u64_param(&ev, ret);
	/* Parameter 2: vm_size (type: PT_UINT32), KiB */
	ringbuf__store_u32_param(&ev, extract__mm_vm_size(mm));
	/* Parameter 3: vm_rss (type: PT_UINT32), KiB */
	ringbuf__store_u32_param(&ev, extract__mm_vm_rss(mm));
	/* Parameter 4: vm_swap (type: PT_UINT32), KiB */
	ringbuf__store_u32_param(&ev, extract__mm_vm_swap(mm));

	ringbuf__submit_event(&ev);
	return 0;
}
