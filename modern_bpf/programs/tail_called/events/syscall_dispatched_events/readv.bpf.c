// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * readv(2): PPME_SYSCALL_READV_E / PPME_SYSCALL_READV_X, and preadv(2),
 * the same at a position: PPME_SYSCALL_PREADV_E / PPME_SYSCALL_PREADV_X.
 *
 * read(2) into several buffers, listed in an iovec array. The kernel fills
 * them in order, so the first ret bytes of the buffers put end to end are
 * what was read; the data param keeps the first g_snaplen of them.
 *
 * Try it: sudo ./build/scap-open --syscall readv -- python3 -c 'import os; os.readv(os.open("/etc/hostname", os.O_RDONLY), [bytearray(3), bytearray(100)])'
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/auxmap_store_iovec.h"
#include "../../../../helpers/store/ringbuf_store_params.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(readv_e, struct pt_regs *regs, long id)
{
	struct ringbuf_event ev;

	if (!ringbuf__reserve_event(&ev, PPME_SYSCALL_READV_E, 1, sizeof(__s64)))
		return 0;

	/* Parameter 1: fd (type: PT_FD) */
	ringbuf__store_s64_param(&ev, (__s32)extract__syscall_argument(regs, 0));

	ringbuf__submit_event(&ev);
	return 0;
}

/* readv's and preadv's exits: res, size, data. */
static __always_inline int readv_exit(struct pt_regs *regs, long ret, __u16 type)
{
	struct auxiliary_map *auxmap = auxmap__get();
	unsigned long iov = extract__syscall_argument(regs, 1);
	unsigned long iovcnt = extract__syscall_argument(regs, 2);

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, type, 3);

	/* Parameter 1: res (type: PT_ERRNO), bytes read or -errno */
	auxmap__store_s64_param(auxmap, ret);
	/*
	 * Parameter 2: size (type: PT_UINT32): the buffers' total size, cut
	 * to what was read, as in Falco. The kernel never reads more than the
	 * buffers hold, so after a success that is res, and only a failed
	 * call needs the sum.
	 */
	if (ret >= 0)
		auxmap__store_u32_param(auxmap, ret);
	else
		auxmap__store_iovec_size_param(auxmap, iov, iovcnt);
	/* Parameter 3: data (type: PT_BYTEBUF), the ret bytes read, if any */
	if (ret > 0)
		auxmap__store_iovec_data_param(auxmap, iov, iovcnt,
					       snaplen_cut(ret));
	else
		auxmap__store_empty_param(auxmap);

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(readv_x, struct pt_regs *regs, long ret)
{
	return readv_exit(regs, ret, PPME_SYSCALL_READV_X);
}

SEC("tp_btf/sys_enter")
int BPF_PROG(preadv_e, struct pt_regs *regs, long id)
{
	struct ringbuf_event ev;

	if (!ringbuf__reserve_event(&ev, PPME_SYSCALL_PREADV_E, 2, sizeof(__s64) + sizeof(__u64)))
		return 0;

	/* Parameter 1: fd (type: PT_FD) */
	ringbuf__store_s64_param(&ev, (__s32)extract__syscall_argument(regs, 0));
	/* Parameter 2: pos (type: PT_UINT64), one register on x86_64 (pos_l) */
	ringbuf__store_u64_param(&ev, extract__syscall_argument(regs, 3));

	ringbuf__submit_event(&ev);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(preadv_x, struct pt_regs *regs, long ret)
{
	return readv_exit(regs, ret, PPME_SYSCALL_PREADV_X);
}
