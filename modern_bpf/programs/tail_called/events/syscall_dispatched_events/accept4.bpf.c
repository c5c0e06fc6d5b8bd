// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * accept4(2): PPME_SOCKET_ACCEPT4_5_E / PPME_SOCKET_ACCEPT4_5_X.
 *
 * accept with flags for the new socket (SOCK_NONBLOCK, SOCK_CLOEXEC).
 * The exit event is accept's: see accept.bpf.c.
 *
 * Try it: ./build/scap-open --json -s accept4 -- python3 -c \
 *   'import socket; s = socket.create_server(("127.0.0.1", 0)); \
 *   c = socket.create_connection(s.getsockname()); s.accept()'
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/auxmap_store_socket.h"
#include "../../../../helpers/store/ringbuf_store_params.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(accept4_e, struct pt_regs *regs, long id)
{
	struct ringbuf_event ev;

	if (!ringbuf__reserve_event(&ev, PPME_SOCKET_ACCEPT4_5_E, 1, sizeof(__s32)))
		return 0;

	/*
	 * Parameter 1: flags (type: PT_INT32), SOCK_NONBLOCK and SOCK_CLOEXEC
	 * as the kernel numbers them. Falco's drivers store 0 here.
	 */
	ringbuf__store_s32_param(&ev, extract__syscall_argument(regs, 3));

	ringbuf__submit_event(&ev);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(accept4_x, struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap = auxmap__get();

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SOCKET_ACCEPT4_5_X, 5);

	/* Parameter 1: fd (type: PT_FD), the new connection's socket, or -errno */
	auxmap__store_s64_param(auxmap, ret);
	/* Parameter 2: tuple (type: PT_SOCKTUPLE), the client -> us. Empty on failure. */
	auxmap__store_socktuple_param(auxmap, ret, INBOUND, NULL, 0);
	/* Parameters 3 to 5: queuepct, queuelen, queuemax of the listening socket */
	auxmap__store_accept_queue_params(auxmap, extract__syscall_argument(regs, 0));

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}
