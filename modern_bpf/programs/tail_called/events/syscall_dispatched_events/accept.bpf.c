// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * accept(2): PPME_SOCKET_ACCEPT_5_E / PPME_SOCKET_ACCEPT_5_X.
 *
 * The exit event describes the new connection (its socket's tuple) and
 * the listening socket's queue. glibc's accept() makes this syscall;
 * CPython's socket.accept() makes accept4.
 *
 * Try it: ./build/scap-open --json -s accept -- python3 -c \
 *   'import ctypes, socket; s = socket.create_server(("127.0.0.1", 0)); \
 *   c = socket.create_connection(s.getsockname()); ctypes.CDLL(None).accept(s.fileno(), 0, 0)'
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/auxmap_store_socket.h"
#include "../../../../helpers/store/ringbuf_store_params.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(accept_e, struct pt_regs *regs, long id)
{
	struct ringbuf_event ev;

	/* No parameters: all there is to know is known at exit. */
	if (!ringbuf__reserve_event(&ev, PPME_SOCKET_ACCEPT_5_E, 0, 0))
		return 0;
	ringbuf__submit_event(&ev);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(accept_x, struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap = auxmap__get();

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SOCKET_ACCEPT_5_X, 5);

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
