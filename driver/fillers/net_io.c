// SPDX-License-Identifier: GPL-2.0-only
/*
 * sendto, recvfrom, sendmsg and recvmsg: write and read on a socket, with
 * the address of the other end when the call names one. Their data params
 * are write's and read's, their size and data over a msghdr's iovecs are
 * writev's and readv's (io.c), and their tuple is connect's or accept's
 * (extract/socket.c), the other end being the address the call carries.
 *
 * As in Falco, the tuple is stored only when the call gives an address: a
 * connected socket's send has none, and its fd already has a tuple from
 * connect or accept. The modern driver's twins: modern_bpf/programs/
 * tail_called/events/syscall_dispatched_events/{sendto,recvfrom,sendmsg,
 * recvmsg}.bpf.c.
 */
#include <linux/socket.h>
#include <linux/uaccess.h>
#include "../ppm_fillers.h"
#include "../extract/socket.h"
#include "io.h"

/*
 * A tuple from fd and the addrlen-byte address at user address uaddr:
 * outbound for a send (we are the source), inbound for a receive. Empty
 * without an address, as in Falco.
 */
static int addr_tuple_to_ring(struct event_filler_arguments *args, s32 fd, bool inbound,
			      unsigned long uaddr, int addrlen)
{
	union ppm_sockaddr addr;

	if (!ppm_read_user_sockaddr(args, &addr, uaddr, addrlen))
		return push_empty_param(args);
	return socktuple_to_ring(args, fd, inbound, &addr, addrlen);
}

/* The caller's struct msghdr; false, counted as a fault read, if unreadable. */
static bool read_user_msghdr(struct event_filler_arguments *args, struct user_msghdr *mh,
			     unsigned long umsg)
{
	if (!copy_from_user_nofault(mh, (const void __user *)umsg, sizeof(*mh)))
		return true;
	ppm_count_fault_read(args);
	return false;
}

FILLER(sys_sendto_e)
{
	s64 fd = syscall_arg_fd(args, 0);
	int res;

	/* Parameter 1: fd (type: PT_FD) */
	res = val_to_ring(args, fd, 0, false);
	if (res)
		return res;
	/* Parameter 2: size (type: PT_UINT32) */
	res = val_to_ring(args, (u32)args->args[2], 0, false);
	if (res)
		return res;
	/* Parameter 3: tuple (type: PT_SOCKTUPLE), this socket -> dest_addr */
	return addr_tuple_to_ring(args, fd, false, args->args[4], (int)args->args[5]);
}

FILLER(sys_sendto_x)
{
	/* The params of write's exit: res, and the data the caller passed. */
	return f_sys_write_x(args);
}

FILLER(sys_recvfrom_e)
{
	/* The params of read's enter: fd, and the size asked for. */
	return f_sys_read_e(args);
}

FILLER(sys_recvfrom_x)
{
	unsigned long uaddr = args->args[4], ulen = args->args[5];
	int addrlen, res;

	/* Parameter 1: res (type: PT_ERRNO), bytes received or -errno */
	res = val_to_ring(args, args->retval, 0, false);
	if (res)
		return res;
	/* Parameter 2: data (type: PT_BYTEBUF), the res bytes received, if any */
	if (args->retval > 0)
		res = val_to_ring(args, args->args[1], snaplen_cut(args, args->retval), true);
	else
		res = push_empty_param(args);
	if (res)
		return res;
	/*
	 * Parameter 3: tuple (type: PT_SOCKTUPLE), src_addr -> this socket.
	 * The kernel wrote the sender's address and its length (*addrlen);
	 * a stream socket writes a length of 0, and the tuple is empty.
	 */
	if (args->retval < 0 || !uaddr || !ulen)
		return push_empty_param(args);
	if (copy_from_user_nofault(&addrlen, (const void __user *)ulen, sizeof(addrlen))) {
		ppm_count_fault_read(args);
		return push_empty_param(args);
	}
	return addr_tuple_to_ring(args, (s32)args->args[0], true, uaddr, addrlen);
}

FILLER(sys_sendmsg_e)
{
	s64 fd = syscall_arg_fd(args, 0);
	struct user_msghdr mh;
	int res;

	/* Parameter 1: fd (type: PT_FD) */
	res = val_to_ring(args, fd, 0, false);
	if (res)
		return res;
	/* Parameters 2 and 3 come from the msghdr: both empty if it is unreadable. */
	if (!read_user_msghdr(args, &mh, args->args[1])) {
		res = push_empty_param(args);
		return res ? res : push_empty_param(args);
	}
	/* Parameter 2: size (type: PT_UINT32), the iovecs' total size, as writev's */
	res = store_iovec_size(args, (unsigned long)mh.msg_iov, mh.msg_iovlen);
	if (res)
		return res;
	/* Parameter 3: tuple (type: PT_SOCKTUPLE), this socket -> msg_name */
	return addr_tuple_to_ring(args, fd, false, (unsigned long)mh.msg_name, mh.msg_namelen);
}

FILLER(sys_sendmsg_x)
{
	struct user_msghdr mh;
	int res;

	/* Parameter 1: res (type: PT_ERRNO), bytes sent or -errno */
	res = val_to_ring(args, args->retval, 0, false);
	if (res)
		return res;
	/* Parameter 2: data (type: PT_BYTEBUF), what the caller passed, as writev's */
	if (!read_user_msghdr(args, &mh, args->args[1]))
		return push_empty_param(args);
	return store_iovec_data(args, (unsigned long)mh.msg_iov, mh.msg_iovlen, args->snaplen);
}

FILLER(sys_recvmsg_e)
{
	/* Parameter 1: fd (type: PT_FD) */
	return val_to_ring(args, syscall_arg_fd(args, 0), 0, false);
}

FILLER(sys_recvmsg_x)
{
	struct user_msghdr mh;
	int i, res;

	/* Parameter 1: res (type: PT_ERRNO), bytes received or -errno */
	res = val_to_ring(args, args->retval, 0, false);
	if (res)
		return res;
	if (!read_user_msghdr(args, &mh, args->args[1])) {
		for (i = 0; i < 3; i++) {
			res = push_empty_param(args);
			if (res)
				return res;
		}
		return 0;
	}
	/* Parameters 2 and 3: size, data, as readv's */
	res = store_read_iovecs(args, (unsigned long)mh.msg_iov, mh.msg_iovlen);
	if (res)
		return res;
	/*
	 * Parameter 4: tuple (type: PT_SOCKTUPLE), msg_name -> this socket.
	 * The kernel wrote the sender's address there and its length into
	 * msg_namelen, which we read at exit for that.
	 */
	if (args->retval < 0)
		return push_empty_param(args);
	return addr_tuple_to_ring(args, (s32)args->args[0], true, (unsigned long)mh.msg_name,
				  mh.msg_namelen);
}
