/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * sendto, recvfrom, sendmsg and recvmsg: write and read on a socket, with
 * the address of the other end when the call names one. The data params
 * are write's and read's (io.h), those over a msghdr's iovecs writev's and
 * readv's (helpers/iovec.h), the tuple connect's or accept's
 * (helpers/socket_tuple.h) with the call's address as the other end.
 * As in Falco, a call without an address has an empty tuple. The kernel
 * module's are in driver/fillers/net_io.c.
 */

/* A tuple from fd and the addrlen-byte address at uaddr; empty without one. */
static __always_inline void bpf_push_addr_tuple(struct filler_data *data, __s32 fd,
						enum socktuple_direction dir,
						unsigned long uaddr, int addrlen)
{
	union scap_sockaddr addr;

	if (bpf_read_user_sockaddr(&addr, uaddr, addrlen))
		bpf_push_socktuple_param(data, fd, dir, &addr, addrlen);
	else
		bpf_push_empty_param(data);
}

/* The caller's struct msghdr; false, counted as a fault read, if unreadable. */
static __always_inline bool bpf_read_user_msghdr(struct user_msghdr *mh, unsigned long umsg)
{
	if (!bpf_probe_read_user(mh, sizeof(*mh), (const void *)umsg))
		return true;
	count_fault_read();
	return false;
}

FILLER(sys_sendto_e)
{
	__s32 fd = bpf_syscall_get_argument(data, 0);

	bpf_frame_begin(data, PPME_SOCKET_SENDTO_E, 3);
	/* Parameter 1: fd (type: PT_FD) */
	bpf_push_s64_to_ring(data, fd);
	/* Parameter 2: size (type: PT_UINT32) */
	bpf_push_u32_to_ring(data, bpf_syscall_get_argument(data, 2));
	/* Parameter 3: tuple (type: PT_SOCKTUPLE), this socket -> dest_addr */
	bpf_push_addr_tuple(data, fd, OUTBOUND, bpf_syscall_get_argument(data, 4),
			    (int)bpf_syscall_get_argument(data, 5));
	return 0;
}

FILLER(sys_sendto_x)
{
	/* Write's params: res, and the data the caller passed. */
	return write_exit(data, PPME_SOCKET_SENDTO_X);
}

FILLER(sys_recvfrom_e)
{
	/* Read's params: fd, and the size asked for. */
	return read_enter(data, PPME_SOCKET_RECVFROM_E);
}

FILLER(sys_recvfrom_x)
{
	unsigned long uaddr = bpf_syscall_get_argument(data, 4);
	unsigned long ulen = bpf_syscall_get_argument(data, 5);
	long ret = bpf_syscall_get_retval(data);
	int addrlen;

	bpf_frame_begin(data, PPME_SOCKET_RECVFROM_X, 3);
	/* Parameter 1: res (type: PT_ERRNO), bytes received or -errno */
	bpf_push_s64_to_ring(data, ret);
	/* Parameter 2: data (type: PT_BYTEBUF), the res bytes received, if any */
	if (ret > 0)
		bpf_val_to_ring_buf(data, bpf_syscall_get_argument(data, 1),
				    snaplen_cut(data, ret), USER);
	else
		bpf_push_empty_param(data);
	/*
	 * Parameter 3: tuple (type: PT_SOCKTUPLE), src_addr -> this socket,
	 * with the length the kernel wrote to *addrlen (0 on a stream socket:
	 * an empty tuple).
	 */
	if (ret < 0 || !uaddr || !ulen) {
		bpf_push_empty_param(data);
		return 0;
	}
	if (bpf_probe_read_user(&addrlen, sizeof(addrlen), (const void *)ulen)) {
		count_fault_read();
		bpf_push_empty_param(data);
		return 0;
	}
	bpf_push_addr_tuple(data, (__s32)bpf_syscall_get_argument(data, 0), INBOUND, uaddr,
			    addrlen);
	return 0;
}

FILLER(sys_sendmsg_e)
{
	__s32 fd = bpf_syscall_get_argument(data, 0);
	struct user_msghdr mh;

	bpf_frame_begin(data, PPME_SOCKET_SENDMSG_E, 3);
	/* Parameter 1: fd (type: PT_FD) */
	bpf_push_s64_to_ring(data, fd);
	/* Parameters 2 and 3 come from the msghdr: both empty if it is unreadable. */
	if (!bpf_read_user_msghdr(&mh, bpf_syscall_get_argument(data, 1))) {
		bpf_push_empty_param(data);
		bpf_push_empty_param(data);
		return 0;
	}
	/* Parameter 2: size (type: PT_UINT32), the iovecs' total size, as writev's */
	bpf_push_iovec_size(data, (unsigned long)mh.msg_iov, mh.msg_iovlen);
	/* Parameter 3: tuple (type: PT_SOCKTUPLE), this socket -> msg_name */
	bpf_push_addr_tuple(data, fd, OUTBOUND, (unsigned long)mh.msg_name, mh.msg_namelen);
	return 0;
}

FILLER(sys_sendmsg_x)
{
	struct user_msghdr mh;

	bpf_frame_begin(data, PPME_SOCKET_SENDMSG_X, 2);
	/* Parameter 1: res (type: PT_ERRNO), bytes sent or -errno */
	bpf_push_s64_to_ring(data, bpf_syscall_get_retval(data));
	/* Parameter 2: data (type: PT_BYTEBUF), what the caller passed, as writev's */
	if (bpf_read_user_msghdr(&mh, bpf_syscall_get_argument(data, 1)))
		bpf_push_iovec_data(data, (unsigned long)mh.msg_iov, mh.msg_iovlen,
				    data->settings->snaplen);
	else
		bpf_push_empty_param(data);
	return 0;
}

FILLER(sys_recvmsg_e)
{
	bpf_frame_begin(data, PPME_SOCKET_RECVMSG_E, 1);
	/* Parameter 1: fd (type: PT_FD) */
	bpf_push_s64_to_ring(data, (__s32)bpf_syscall_get_argument(data, 0));
	return 0;
}

FILLER(sys_recvmsg_x)
{
	long ret = bpf_syscall_get_retval(data);
	struct user_msghdr mh;

	bpf_frame_begin(data, PPME_SOCKET_RECVMSG_X, 4);
	/* Parameter 1: res (type: PT_ERRNO), bytes received or -errno */
	bpf_push_s64_to_ring(data, ret);
	if (!bpf_read_user_msghdr(&mh, bpf_syscall_get_argument(data, 1))) {
		bpf_push_empty_param(data);
		bpf_push_empty_param(data);
		bpf_push_empty_param(data);
		return 0;
	}
	/* Parameters 2 and 3: size, data, as readv's */
	bpf_push_read_iovecs(data, (unsigned long)mh.msg_iov, mh.msg_iovlen, ret);
	if (ret < 0) {
		bpf_push_empty_param(data);
		return 0;
	}
	/*
	 * The tuple would take this program past Linux 4.14's 4096
	 * instructions (the size sum alone is some 2500): it goes on in
	 * f_sys_recvmsg_x_tuple.
	 */
	return bpf_tail_call_next(data, SCAP_BPF_TAIL_RECVMSG_TUPLE);
}

/*
 * Parameter 4 of recvmsg's exit: tuple (type: PT_SOCKTUPLE), msg_name ->
 * this socket, with the length the kernel wrote back into msg_namelen.
 * Only after a success: the msghdr was readable a moment ago, in this
 * same syscall's exit, so a failed read now is counted and left empty.
 */
FILLER(sys_recvmsg_x_tuple)
{
	struct user_msghdr mh;

	if (bpf_read_user_msghdr(&mh, bpf_syscall_get_argument(data, 1)))
		bpf_push_addr_tuple(data, (__s32)bpf_syscall_get_argument(data, 0), INBOUND,
				    (unsigned long)mh.msg_name, mh.msg_namelen);
	else
		bpf_push_empty_param(data);
	return 0;
}
