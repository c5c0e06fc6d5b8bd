// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * recvmsg(2): PPME_SOCKET_RECVMSG_E / PPME_SOCKET_RECVMSG_X.
 *
 * readv(2) on a socket, the buffers and room for the sender's address
 * held by a struct msghdr. The kernel writes the address to msg_name and
 * its length back into msg_namelen, so the exit event reads the msghdr
 * again for the tuple, msg_name -> this socket. Size and data are readv's.
 *
 * Try it: sudo ./build/scap-open --syscall recvmsg -- python3 -c \
 *   'import socket; s = socket.socket(type=socket.SOCK_DGRAM); s.bind(("127.0.0.1", 0)); s.sendto(b"hi", s.getsockname()); s.recvmsg(9)'
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/auxmap_store_iovec.h"
#include "../../../../helpers/store/auxmap_store_sockmsg.h"
#include "../../../../helpers/store/ringbuf_store_params.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(recvmsg_e, struct pt_regs *regs, long id)
{
	struct ringbuf_event ev;

	if (!ringbuf__reserve_event(&ev, PPME_SOCKET_RECVMSG_E, 1, sizeof(__s64)))
		return 0;

	/* Parameter 1: fd (type: PT_FD) */
	ringbuf__store_s64_param(&ev, (__s32)extract__syscall_argument(regs, 0));

	ringbuf__submit_event(&ev);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(recvmsg_x, struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap = auxmap__get();
	struct user_msghdr mh;

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SOCKET_RECVMSG_X, 4);

	/* Parameter 1: res (type: PT_ERRNO), bytes received or -errno */
	auxmap__store_s64_param(auxmap, ret);
	if (!read_user_msghdr(&mh, extract__syscall_argument(regs, 1))) {
		/* Parameters 2 to 4: empty, the msghdr is unreadable */
		auxmap__store_empty_param(auxmap);
		auxmap__store_empty_param(auxmap);
		auxmap__store_empty_param(auxmap);
		goto submit;
	}
	/* Parameter 2: size (type: PT_UINT32), as readv's: res, or the sum after a failure */
	if (ret >= 0)
		auxmap__store_u32_param(auxmap, ret);
	else
		auxmap__store_iovec_size_param(auxmap, (unsigned long)mh.msg_iov, mh.msg_iovlen);
	/* Parameter 3: data (type: PT_BYTEBUF), the res bytes received, if any */
	if (ret > 0)
		auxmap__store_iovec_data_param(auxmap, (unsigned long)mh.msg_iov, mh.msg_iovlen,
					       snaplen_cut(ret));
	else
		auxmap__store_empty_param(auxmap);
	/* Parameter 4: tuple (type: PT_SOCKTUPLE), msg_name -> this socket */
	if (ret >= 0)
		auxmap__store_addr_tuple_param(auxmap, (__s32)extract__syscall_argument(regs, 0),
					       INBOUND, (unsigned long)mh.msg_name, mh.msg_namelen);
	else
		auxmap__store_empty_param(auxmap);

submit:
	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}
