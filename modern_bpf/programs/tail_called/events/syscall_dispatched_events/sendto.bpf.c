// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * sendto(2): PPME_SOCKET_SENDTO_E / PPME_SOCKET_SENDTO_X.
 *
 * write(2) on a socket, to dest_addr if the caller names one (a datagram
 * socket's usual way). The enter event has the tuple, this socket ->
 * dest_addr, read before the kernel copies the address; the exit event
 * has the data, as write's.
 *
 * Try it: sudo ./build/scap-open --syscall sendto -- python3 -c \
 *   'import socket; socket.socket(type=socket.SOCK_DGRAM).sendto(b"hi", ("127.0.0.1", 9))'
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/auxmap_store_sockmsg.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(sendto_e, struct pt_regs *regs, long id)
{
	struct auxiliary_map *auxmap = auxmap__get();
	__s32 fd = extract__syscall_argument(regs, 0);

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SOCKET_SENDTO_E, 3);

	/* Parameter 1: fd (type: PT_FD) */
	auxmap__store_s64_param(auxmap, fd);
	/* Parameter 2: size (type: PT_UINT32) */
	auxmap__store_u32_param(auxmap, extract__syscall_argument(regs, 2));
	/* Parameter 3: tuple (type: PT_SOCKTUPLE), this socket -> dest_addr */
	auxmap__store_addr_tuple_param(auxmap, fd, OUTBOUND, extract__syscall_argument(regs, 4),
				       (int)extract__syscall_argument(regs, 5));

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(sendto_x, struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap = auxmap__get();

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SOCKET_SENDTO_X, 2);

	/* Parameter 1: res (type: PT_ERRNO), bytes sent or -errno */
	auxmap__store_s64_param(auxmap, ret);
	/* Parameter 2: data (type: PT_BYTEBUF), what the caller passed, as write's */
	auxmap__store_bytebuf_param(auxmap, extract__syscall_argument(regs, 1),
				    snaplen_cut(extract__syscall_argument(regs, 2)), USER);

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}
