// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * sendmsg(2): PPME_SOCKET_SENDMSG_E / PPME_SOCKET_SENDMSG_X.
 *
 * writev(2) on a socket, the buffers and the address (msg_name) held by a
 * struct msghdr. The enter event has the buffers' total size and the
 * tuple, this socket -> msg_name; the exit event the data, as writev's.
 *
 * Try it: sudo ./build/scap-open --syscall sendmsg -- python3 -c \
 *   'import socket; socket.socket(type=socket.SOCK_DGRAM).sendmsg([b"hi", b"!"], [], 0, ("127.0.0.1", 9))'
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/auxmap_store_iovec.h"
#include "../../../../helpers/store/auxmap_store_sockmsg.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(sendmsg_e, struct pt_regs *regs, long id)
{
	struct auxiliary_map *auxmap = auxmap__get();
	__s32 fd = extract__syscall_argument(regs, 0);
	struct user_msghdr mh;

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SOCKET_SENDMSG_E, 3);

	/* Parameter 1: fd (type: PT_FD) */
	auxmap__store_s64_param(auxmap, fd);
	if (read_user_msghdr(&mh, extract__syscall_argument(regs, 1))) {
		/* Parameter 2: size (type: PT_UINT32), the iovecs' total size, as writev's */
		auxmap__store_iovec_size_param(auxmap, (unsigned long)mh.msg_iov, mh.msg_iovlen);
		/* Parameter 3: tuple (type: PT_SOCKTUPLE), this socket -> msg_name */
		auxmap__store_addr_tuple_param(auxmap, fd, OUTBOUND, (unsigned long)mh.msg_name,
					       mh.msg_namelen);
	} else {
		/* Parameters 2 and 3: empty, the msghdr is unreadable */
		auxmap__store_empty_param(auxmap);
		auxmap__store_empty_param(auxmap);
	}

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(sendmsg_x, struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap = auxmap__get();
	struct user_msghdr mh;

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SOCKET_SENDMSG_X, 2);

	/* Parameter 1: res (type: PT_ERRNO), bytes sent or -errno */
	auxmap__store_s64_param(auxmap, ret);
	/* Parameter 2: data (type: PT_BYTEBUF), what the caller passed, as writev's */
	if (read_user_msghdr(&mh, extract__syscall_argument(regs, 1)))
		auxmap__store_iovec_data_param(auxmap, (unsigned long)mh.msg_iov, mh.msg_iovlen,
					       g_snaplen);
	else
		auxmap__store_empty_param(auxmap);

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}
