// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * recvfrom(2): PPME_SOCKET_RECVFROM_E / PPME_SOCKET_RECVFROM_X.
 *
 * read(2) on a socket, with the sender's address if the caller asks for
 * it. The kernel writes that address to src_addr and its length to
 * *addrlen; the exit event reads both back for the tuple, src_addr ->
 * this socket. A stream socket writes a length of 0: an empty tuple.
 *
 * Try it: sudo ./build/scap-open --syscall recvfrom -- python3 -c \
 *   'import socket; s = socket.socket(type=socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); s.sendto(b"hi", s.getsockname()); s.recvfrom(9)'
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/auxmap_store_sockmsg.h"
#include "../../../../helpers/store/ringbuf_store_params.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(recvfrom_e, struct pt_regs *regs, long id)
{
	struct ringbuf_event ev;

	if (!ringbuf__reserve_event(&ev, PPME_SOCKET_RECVFROM_E, 2, sizeof(__s64) + sizeof(__u32)))
		return 0;

	/* Parameter 1: fd (type: PT_FD) */
	ringbuf__store_s64_param(&ev, (__s32)extract__syscall_argument(regs, 0));
	/* Parameter 2: size (type: PT_UINT32), what the caller asked for */
	ringbuf__store_u32_param(&ev, extract__syscall_argument(regs, 2));

	ringbuf__submit_event(&ev);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(recvfrom_x, struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap = auxmap__get();
	unsigned long uaddr = extract__syscall_argument(regs, 4);
	unsigned long ulen = extract__syscall_argument(regs, 5);
	int addrlen;

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SOCKET_RECVFROM_X, 3);

	/* Parameter 1: res (type: PT_ERRNO), bytes received or -errno */
	auxmap__store_s64_param(auxmap, ret);
	/* Parameter 2: data (type: PT_BYTEBUF), the res bytes received, if any */
	if (ret > 0)
		auxmap__store_bytebuf_param(auxmap, extract__syscall_argument(regs, 1),
					    snaplen_cut(ret), USER);
	else
		auxmap__store_empty_param(auxmap);
	/* Parameter 3: tuple (type: PT_SOCKTUPLE), src_addr -> this socket */
	if (ret < 0 || !uaddr || !ulen) {
		auxmap__store_empty_param(auxmap);
	} else if (bpf_probe_read_user(&addrlen, sizeof(addrlen), (const void *)ulen)) {
		count_fault_read();
		auxmap__store_empty_param(auxmap);
	} else {
		auxmap__store_addr_tuple_param(auxmap, (__s32)extract__syscall_argument(regs, 0),
					       INBOUND, uaddr, addrlen);
	}

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}
