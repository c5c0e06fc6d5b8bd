// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * munmap(2): PPME_SYSCALL_MUNMAP_E / PPME_SYSCALL_MUNMAP_X.
 *
 * The exit event adds the process's memory use right after the call, as
 * mmap's does.
 *
 * Try it: sudo ./build/scap-open --syscall munmap -- python3 -c 'import mmap; mmap.mmap(-1, 1 << 20).close()'
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/extract/process.h"
#include "../../../../helpers/store/ringbuf_store_params.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(munmap_e, struct pt_regs *regs, long id)
{
	struct ringbuf_event ev;

	if (!ringbuf__reserve_event(&ev, PPME_SYSCALL_MUNMAP_E, 2, 2 * sizeof(__u64)))
		return 0;

	/* Parameter 1: addr (type: PT_UINT64) */
	ringbuf__store_u64_param(&ev, extract__syscall_argument(regs, 0));
	/* Parameter 2: length (type: PT_UINT64) */
	ringbuf__store_u64_param(&ev, extract__syscall_argument(regs, 1));

	ringbuf__submit_event(&ev);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(munmap_x, struct pt_regs *regs, long ret)
{
	struct ringbuf_event ev;
	struct task_struct *task = bpf_get_current_task_btf();
	/* Never NULL in a syscall: only kernel threads have no mm. */
	struct mm_struct *mm = BPF_CORE_READ(task, mm);

	if (!ringbuf__reserve_event(&ev, PPME_SYSCALL_MUNMAP_X, 4,
				    sizeof(__s64) + 3 * sizeof(__u32)))
		return 0;

	/* Parameter 1: res (type: PT_ERRNO) */
	ringbuf__store_s64_param(&ev, ret);
	/* Parameter 2: vm_size (type: PT_UINT32), KiB */
	ringbuf__store_u32_param(&ev, extract__mm_vm_size(mm));
	/* Parameter 3: vm_rss (type: PT_UINT32), KiB */
	ringbuf__store_u32_param(&ev, extract__mm_vm_rss(mm));
	/* Parameter 4: vm_swap (type: PT_UINT32), KiB */
	ringbuf__store_u32_param(&ev, extract__mm_vm_swap(mm));

	ringbuf__submit_event(&ev);
	return 0;
}
