// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * writev(2): PPME_SYSCALL_WRITEV_E / PPME_SYSCALL_WRITEV_X, and pwritev(2),
 * the same at a position: PPME_SYSCALL_PWRITEV_E / PPME_SYSCALL_PWRITEV_X.
 *
 * write(2) from several buffers, listed in an iovec array. As for write,
 * the data is what the caller asked to write (the buffers end to end, up
 * to g_snaplen bytes), whatever the kernel did with it.
 *
 * Try it: sudo ./build/scap-open --syscall writev -- python3 -c 'import os; os.writev(1, [b"hel", b"lo\n"])'
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/auxmap_store_iovec.h"

/* writev's enter (fd, size) and pwritev's (fd, size, pos). */
static __always_inline int writev_enter(struct pt_regs *regs, __u16 type, bool pos)
{
	struct auxiliary_map *auxmap = auxmap__get();

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, type, pos ? 3 : 2);

	/* Parameter 1: fd (type: PT_FD) */
	auxmap__store_s64_param(auxmap, (__s32)extract__syscall_argument(regs, 0));
	/* Parameter 2: size (type: PT_UINT32), the buffers' total size */
	auxmap__store_iovec_size_param(auxmap, extract__syscall_argument(regs, 1),
				       extract__syscall_argument(regs, 2));
	/* pwritev's Parameter 3: pos (type: PT_UINT64) */
	if (pos)
		auxmap__store_u64_param(auxmap, extract__syscall_argument(regs, 3));

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}

/* writev's and pwritev's exits: res, data. */
static __always_inline int writev_exit(struct pt_regs *regs, long ret, __u16 type)
{
	struct auxiliary_map *auxmap = auxmap__get();

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, type, 2);

	/* Parameter 1: res (type: PT_ERRNO), bytes written or -errno */
	auxmap__store_s64_param(auxmap, ret);
	/* Parameter 2: data (type: PT_BYTEBUF) */
	auxmap__store_iovec_data_param(auxmap, extract__syscall_argument(regs, 1),
				       extract__syscall_argument(regs, 2), g_snaplen);

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}

SEC("tp_btf/sys_enter")
int BPF_PROG(writev_e, struct pt_regs *regs, long id)
{
	return writev_enter(regs, PPME_SYSCALL_WRITEV_E, false);
}

SEC("tp_btf/sys_exit")
int BPF_PROG(writev_x, struct pt_regs *regs, long ret)
{
	return writev_exit(regs, ret, PPME_SYSCALL_WRITEV_X);
}

SEC("tp_btf/sys_enter")
int BPF_PROG(pwritev_e, struct pt_regs *regs, long id)
{
	return writev_enter(regs, PPME_SYSCALL_PWRITEV_E, true);
}

SEC("tp_btf/sys_exit")
int BPF_PROG(pwritev_x, struct pt_regs *regs, long ret)
{
	return writev_exit(regs, ret, PPME_SYSCALL_PWRITEV_X);
}
