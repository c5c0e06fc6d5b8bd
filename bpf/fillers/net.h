/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * socket, bind, connect, listen, accept and accept4. The kernel module's
 * are in driver/fillers/net.c, the modern driver's in
 * modern_bpf/programs/tail_called/events/syscall_dispatched_events/.
 * Addresses and tuples are built by helpers/socket_tuple.h.
 */

FILLER(sys_socket_e)
{
	bpf_frame_begin(data, PPME_SOCKET_SOCKET_E, 3);
	/* Parameter 1: domain (type: PT_FLAGS32), a PPM_AF_* family */
	bpf_push_u32_to_ring(data, socket_family_to_scap(bpf_syscall_get_argument(data, 0)));
	/* Parameter 2: type (type: PT_UINT32), raw: SOCK_NONBLOCK and SOCK_CLOEXEC included */
	bpf_push_u32_to_ring(data, bpf_syscall_get_argument(data, 1));
	/* Parameter 3: proto (type: PT_UINT32), 0 for the family's default */
	bpf_push_u32_to_ring(data, bpf_syscall_get_argument(data, 2));
	return 0;
}

FILLER(sys_socket_x)
{
	bpf_frame_begin(data, PPME_SOCKET_SOCKET_X, 1);
	/* Parameter 1: fd (type: PT_FD), the new socket, or -errno */
	bpf_push_s64_to_ring(data, bpf_syscall_get_retval(data));
	return 0;
}

FILLER(sys_socketpair_e)
{
	bpf_frame_begin(data, PPME_SOCKET_SOCKETPAIR_E, 3);
	/* Parameters 1 to 3: domain, type, proto, as socket's */
	bpf_push_u32_to_ring(data, socket_family_to_scap(bpf_syscall_get_argument(data, 0)));
	bpf_push_u32_to_ring(data, bpf_syscall_get_argument(data, 1));
	bpf_push_u32_to_ring(data, bpf_syscall_get_argument(data, 2));
	return 0;
}

FILLER(sys_socketpair_x)
{
	long ret = bpf_syscall_get_retval(data);
	__s32 fds[2];
	struct sock *sk;

	bpf_frame_begin(data, PPME_SOCKET_SOCKETPAIR_X, 5);
	/* Parameter 1: res (type: PT_ERRNO) */
	bpf_push_s64_to_ring(data, ret);
	/*
	 * Parameters 2 and 3: fd1, fd2 (type: PT_FD), which the kernel wrote
	 * into the caller's int[2]; 4 and 5: source, peer (type: PT_UINT64),
	 * the two ends' struct sock. Empty if the call failed.
	 */
	if (ret < 0 ||
	    bpf_probe_read_user(fds, sizeof(fds), (const void *)bpf_syscall_get_argument(data, 3))) {
		bpf_push_empty_param(data);
		bpf_push_empty_param(data);
		bpf_push_empty_param(data);
		bpf_push_empty_param(data);
		return 0;
	}
	bpf_push_s64_to_ring(data, fds[0]);
	bpf_push_s64_to_ring(data, fds[1]);
	sk = bpf_fd_to_sock(fds[0]);
	if (!sk) {
		bpf_push_empty_param(data);
		bpf_push_empty_param(data);
		return 0;
	}
	bpf_push_u64_to_ring(data, (unsigned long)sk);
	/* Only a unix sock has a peer field; other families' pairs show none. */
	bpf_push_u64_to_ring(data, bpf_sock_family(sk) == SCAP_KERNEL_AF_UNIX ?
				   (unsigned long)bpf_unix_peer(sk) : 0);
	return 0;
}

FILLER(sys_bind_e)
{
	bpf_frame_begin(data, PPME_SOCKET_BIND_E, 1);
	/* Parameter 1: fd (type: PT_FD) */
	bpf_push_s64_to_ring(data, (__s32)bpf_syscall_get_argument(data, 0));
	return 0;
}

FILLER(sys_bind_x)
{
	bpf_frame_begin(data, PPME_SOCKET_BIND_X, 2);
	/* Parameter 1: res (type: PT_ERRNO) */
	bpf_push_s64_to_ring(data, bpf_syscall_get_retval(data));
	/*
	 * Parameter 2: addr (type: PT_SOCKADDR), as the program passed it, so
	 * that a failed bind (EADDRINUSE) shows what was asked for.
	 */
	bpf_push_sockaddr_param(data, bpf_syscall_get_argument(data, 1),
				(int)bpf_syscall_get_argument(data, 2));
	return 0;
}

FILLER(sys_connect_e)
{
	__s32 fd = bpf_syscall_get_argument(data, 0);

	bpf_frame_begin(data, PPME_SOCKET_CONNECT_E, 2);
	/* Parameter 1: fd (type: PT_FD) */
	bpf_push_s64_to_ring(data, fd);
	/*
	 * Parameter 2: addr (type: PT_SOCKADDR), read before the kernel copies
	 * it. Empty for a negative fd, as in Falco.
	 */
	if (fd >= 0)
		bpf_push_sockaddr_param(data, bpf_syscall_get_argument(data, 1),
					(int)bpf_syscall_get_argument(data, 2));
	else
		bpf_push_empty_param(data);
	return 0;
}

FILLER(sys_connect_x)
{
	__s32 fd = bpf_syscall_get_argument(data, 0);
	int len = bpf_syscall_get_argument(data, 2);
	union scap_sockaddr remote;

	bpf_frame_begin(data, PPME_SOCKET_CONNECT_X, 2);
	/* Parameter 1: res (type: PT_ERRNO) */
	bpf_push_s64_to_ring(data, bpf_syscall_get_retval(data));
	/*
	 * Parameter 2: tuple (type: PT_SOCKTUPLE), this socket -> the address
	 * the program passed, not the kernel's peer: after a refused or pending
	 * connect there may be none. Read again at exit, so another thread may
	 * have changed it since the enter event.
	 */
	if (fd >= 0 && bpf_read_user_sockaddr(&remote, bpf_syscall_get_argument(data, 1), len))
		bpf_push_socktuple_param(data, fd, OUTBOUND, &remote, len);
	else
		bpf_push_empty_param(data);
	return 0;
}

FILLER(sys_listen_e)
{
	bpf_frame_begin(data, PPME_SOCKET_LISTEN_E, 2);
	/* Parameter 1: fd (type: PT_FD) */
	bpf_push_s64_to_ring(data, (__s32)bpf_syscall_get_argument(data, 0));
	/* Parameter 2: backlog (type: PT_UINT32), as asked; the kernel caps it at somaxconn */
	bpf_push_u32_to_ring(data, bpf_syscall_get_argument(data, 1));
	return 0;
}

FILLER(sys_listen_x)
{
	bpf_frame_begin(data, PPME_SOCKET_LISTEN_X, 1);
	/* Parameter 1: res (type: PT_ERRNO) */
	bpf_push_s64_to_ring(data, bpf_syscall_get_retval(data));
	return 0;
}

/* accept and accept4 exit alike: the new connection and the listener's queue. */
static __always_inline void bpf_accept_exit(struct filler_data *data, __u32 event_type)
{
	long ret = bpf_syscall_get_retval(data);

	bpf_frame_begin(data, event_type, 5);
	/* Parameter 1: fd (type: PT_FD), the new connection's socket, or -errno */
	bpf_push_s64_to_ring(data, ret);
	/* Parameter 2: tuple (type: PT_SOCKTUPLE), the client -> us. Empty on failure */
	bpf_push_socktuple_param(data, ret, INBOUND, NULL, 0);
	/* Parameters 3 to 5: queuepct, queuelen, queuemax of the listening socket */
	bpf_push_accept_queue_params(data, bpf_syscall_get_argument(data, 0));
}

FILLER(sys_accept_e)
{
	/* No parameters: all there is to know is known at exit. */
	bpf_frame_begin(data, PPME_SOCKET_ACCEPT_5_E, 0);
	return 0;
}

FILLER(sys_accept_x)
{
	bpf_accept_exit(data, PPME_SOCKET_ACCEPT_5_X);
	return 0;
}

FILLER(sys_accept4_e)
{
	bpf_frame_begin(data, PPME_SOCKET_ACCEPT4_5_E, 1);
	/*
	 * Parameter 1: flags (type: PT_INT32), SOCK_NONBLOCK and SOCK_CLOEXEC
	 * as the kernel numbers them. Falco's drivers store 0 here.
	 */
	bpf_push_s32_to_ring(data, bpf_syscall_get_argument(data, 3));
	return 0;
}

FILLER(sys_accept4_x)
{
	bpf_accept_exit(data, PPME_SOCKET_ACCEPT4_5_X);
	return 0;
}
