// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * socket(2): PPME_SOCKET_SOCKET_E / PPME_SOCKET_SOCKET_X.
 *
 * Try it: ./build/scap-open --json -s socket -- python3 -c \
 *   'import socket; socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)'
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/ringbuf_store_params.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(socket_e, struct pt_regs *regs, long id)
{
	struct ringbuf_event ev;

	if (!ringbuf__reserve_event(&ev, PPME_SOCKET_SOCKET_E, 3, 3 * sizeof(__u32)))
		return 0;

	/* Parameter 1: domain (type: PT_FLAGS32), a PPM_AF_* family */
	ringbuf__store_u32_param(&ev, socket_family_to_scap(extract__syscall_argument(regs, 0)));
	/*
	 * Parameter 2: type (type: PT_UINT32), raw as in Falco: SOCK_STREAM
	 * and friends, with SOCK_NONBLOCK and SOCK_CLOEXEC or'ed in.
	 */
	ringbuf__store_u32_param(&ev, extract__syscall_argument(regs, 1));
	/* Parameter 3: proto (type: PT_UINT32), 0 for the family's default */
	ringbuf__store_u32_param(&ev, extract__syscall_argument(regs, 2));

	ringbuf__submit_event(&ev);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(socket_x, struct pt_regs *regs, long ret)
{
	struct ringbuf_event ev;

	if (!ringbuf__reserve_event(&ev, PPME_SOCKET_SOCKET_X, 1, sizeof(__s64)))
		return 0;

	/* Parameter 1: fd (type: PT_FD), the new socket, or -errno */
	ringbuf__store_s64_param(&ev, ret);

	ringbuf__submit_event(&ev);
	return 0;
}
