// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * bind(2): PPME_SOCKET_BIND_E / PPME_SOCKET_BIND_X.
 *
 * The address is stored at exit, as the program passed it, so that a
 * failed bind (EADDRINUSE) shows what was asked for.
 *
 * Try it: ./build/scap-open --json -s bind -- python3 -c \
 *   'import socket; socket.socket().bind(("127.0.0.1", 8080))'
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/auxmap_store_socket.h"
#include "../../../../helpers/store/ringbuf_store_params.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(bind_e, struct pt_regs *regs, long id)
{
	struct ringbuf_event ev;

	if (!ringbuf__reserve_event(&ev, PPME_SOCKET_BIND_E, 1, sizeof(__s64)))
		return 0;

	/* Parameter 1: fd (type: PT_FD) */
	ringbuf__store_s64_param(&ev, (__s32)extract__syscall_argument(regs, 0));

	ringbuf__submit_event(&ev);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(bind_x, struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap = auxmap__get();

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SOCKET_BIND_X, 2);

	/* Parameter 1: res (type: PT_ERRNO) */
	auxmap__store_s64_param(auxmap, ret);
	/* Parameter 2: addr (type: PT_SOCKADDR), the sockaddr and its length */
	auxmap__store_sockaddr_param(auxmap, extract__syscall_argument(regs, 1),
				     (int)extract__syscall_argument(regs, 2));

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}
