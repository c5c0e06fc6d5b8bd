// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * connect(2): PPME_SOCKET_CONNECT_E / PPME_SOCKET_CONNECT_X.
 *
 * The enter event has the address asked for; the exit event the whole
 * connection, local end first. As in Falco, the remote end of the tuple is
 * the address the program passed, not the kernel's peer: after a refused
 * or pending (non-blocking, EINPROGRESS) connect the kernel may have none,
 * and the tuple still says where the program tried to go. That address is
 * read again at exit, when another thread may have rewritten it: only the
 * enter event's copy is the one the kernel used (labs/06-toctou).
 *
 * Try it, in lab 06's system (make lab-system LAB=6):
 *   sudo ./build/labs/06-toctou/scap-open --json -s connect -- python3 -c \
 *   'import socket; socket.socket().connect_ex(("127.0.0.1", 9))'
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/auxmap_store_socket.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(connect_e, struct pt_regs *regs, long id)
{
	struct auxiliary_map *auxmap = auxmap__get();
	__s32 fd = extract__syscall_argument(regs, 0);

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SOCKET_CONNECT_E, 2);

	/* Parameter 1: fd (type: PT_FD) */
	auxmap__store_s64_param(auxmap, fd);
	/*
	 * Parameter 2: addr (type: PT_SOCKADDR), read before the kernel copies
	 * it (move_addr_to_kernel). Empty for a bad fd, as in Falco.
	 */
	/* LAB 06.3 BEGIN: store the sockaddr (argument 1, argument 2 bytes) when fd >= 0, else empty */
	if (fd >= 0)
		auxmap__store_sockaddr_param(auxmap, extract__syscall_argument(regs, 1),
					     (int)extract__syscall_argument(regs, 2));
	else
		auxmap__store_empty_param(auxmap);
	/* LAB 06.3 STARTER: auxmap__store_empty_param(auxmap); */
	/* LAB 06.3 END */

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(connect_x, struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap = auxmap__get();
	__s32 fd = extract__syscall_argument(regs, 0);
	int len = extract__syscall_argument(regs, 2);
	union scap_sockaddr remote;

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SOCKET_CONNECT_X, 2);

	/* Parameter 1: res (type: PT_ERRNO) */
	auxmap__store_s64_param(auxmap, ret);
	/* Parameter 2: tuple (type: PT_SOCKTUPLE), this socket -> the address asked for */
	if (fd >= 0 && read_user_sockaddr(&remote, extract__syscall_argument(regs, 1), len))
		auxmap__store_socktuple_param(auxmap, fd, OUTBOUND, &remote, len);
	else
		auxmap__store_empty_param(auxmap);

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}
