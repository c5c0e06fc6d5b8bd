// SPDX-License-Identifier: GPL-2.0-only
/*
 * socket, socketpair, bind, connect, listen, accept and accept4. Addresses
 * and tuples are built by extract/socket.c, in the layouts the modern
 * driver stores. The modern driver's twins: modern_bpf/programs/tail_called/
 * events/syscall_dispatched_events/{socket,socketpair,bind,connect,listen,
 * accept,accept4}.bpf.c.
 */
#include <linux/uaccess.h>
#include "../ppm_fillers.h"
#include "../ppm_flag_helpers.h"
#include "../extract/socket.h"

FILLER(sys_socket_e)
{
	int res;

	/*
	 * Parameter 1: domain (type: PT_FLAGS32), a PPM_AF_* family. The BPF
	 * side converts the argument's low byte: so do we, for equal output.
	 */
	res = val_to_ring(args, socket_family_to_scap((u8)args->args[0]), 0, false);
	if (res)
		return res;
	/* Parameter 2: type (type: PT_UINT32), raw, SOCK_NONBLOCK and SOCK_CLOEXEC included */
	res = val_to_ring(args, (u32)args->args[1], 0, false);
	if (res)
		return res;
	/* Parameter 3: proto (type: PT_UINT32) */
	return val_to_ring(args, (u32)args->args[2], 0, false);
}

FILLER(sys_socket_x)
{
	/* Parameter 1: fd (type: PT_FD), the new socket, or -errno */
	return val_to_ring(args, args->retval, 0, false);
}

FILLER(sys_socketpair_e)
{
	/* Parameters 1 to 3: domain, type, proto, as socket's */
	return f_sys_socket_e(args);
}

FILLER(sys_socketpair_x)
{
	s32 fds[2];
	int i, res;

	/* Parameter 1: res (type: PT_ERRNO) */
	res = val_to_ring(args, args->retval, 0, false);
	if (res)
		return res;
	/*
	 * Parameters 2 and 3: fd1, fd2 (type: PT_FD), the two ends, which the
	 * kernel wrote into the caller's int[2]; parameters 4 and 5: source,
	 * peer (type: PT_UINT64). All empty if the call failed: there are no
	 * ends (Falco 2022 writes 0s, and fd 0 is a real fd).
	 */
	if (args->retval < 0 ||
	    copy_from_user_nofault(fds, (const void __user *)args->args[3], sizeof(fds))) {
		for (i = 0; i < 4; i++) {
			res = push_empty_param(args);
			if (res)
				return res;
		}
		return 0;
	}
	res = val_to_ring(args, (s64)fds[0], 0, false);
	if (res)
		return res;
	res = val_to_ring(args, (s64)fds[1], 0, false);
	if (res)
		return res;
	return socketpair_socks_to_ring(args, fds[0]);
}

FILLER(sys_bind_e)
{
	/* Parameter 1: fd (type: PT_FD) */
	return val_to_ring(args, syscall_arg_fd(args, 0), 0, false);
}

FILLER(sys_bind_x)
{
	int res;

	/* Parameter 1: res (type: PT_ERRNO) */
	res = val_to_ring(args, args->retval, 0, false);
	if (res)
		return res;
	/*
	 * Parameter 2: addr (type: PT_SOCKADDR), as the program passed it,
	 * so that a failed bind shows what was asked for.
	 */
	return sockaddr_to_ring(args, args->args[1], (int)args->args[2]);
}

FILLER(sys_connect_e)
{
	s64 fd = syscall_arg_fd(args, 0);
	int res;

	/* Parameter 1: fd (type: PT_FD) */
	res = val_to_ring(args, fd, 0, false);
	if (res)
		return res;
	/*
	 * Parameter 2: addr (type: PT_SOCKADDR), read before the kernel
	 * copies it. Empty for a negative fd, as in Falco.
	 */
	if (fd < 0)
		return push_empty_param(args);
	return sockaddr_to_ring(args, args->args[1], (int)args->args[2]);
}

FILLER(sys_connect_x)
{
	s64 fd = syscall_arg_fd(args, 0);
	int len = (int)args->args[2];
	union ppm_sockaddr remote;
	int res;

	/* Parameter 1: res (type: PT_ERRNO) */
	res = val_to_ring(args, args->retval, 0, false);
	if (res)
		return res;
	/*
	 * Parameter 2: tuple (type: PT_SOCKTUPLE), this socket -> the address
	 * the program passed, not the kernel's peer: a refused or pending
	 * connect may have none. Empty if either is missing.
	 */
	if (fd >= 0 && ppm_read_user_sockaddr(args, &remote, args->args[1], len))
		return connect_tuple_to_ring(args, fd, &remote, len);
	return push_empty_param(args);
}

FILLER(sys_listen_e)
{
	int res;

	/* Parameter 1: fd (type: PT_FD) */
	res = val_to_ring(args, syscall_arg_fd(args, 0), 0, false);
	if (res)
		return res;
	/* Parameter 2: backlog (type: PT_UINT32), as asked, before the somaxconn cap */
	return val_to_ring(args, (u32)args->args[1], 0, false);
}

FILLER(sys_listen_x)
{
	/* Parameter 1: res (type: PT_ERRNO) */
	return val_to_ring(args, args->retval, 0, false);
}

/* accept and accept4 exit alike: the new connection and the listener's queue. */
static int accept_exit(struct event_filler_arguments *args)
{
	int res;

	/* Parameter 1: fd (type: PT_FD), the new connection's socket, or -errno */
	res = val_to_ring(args, args->retval, 0, false);
	if (res)
		return res;
	/* Parameter 2: tuple (type: PT_SOCKTUPLE), the client -> us; empty on failure */
	res = accept_tuple_to_ring(args, (s32)args->retval);
	if (res)
		return res;
	/* Parameters 3 to 5: queuepct, queuelen, queuemax of the listening socket */
	return accept_queue_to_ring(args, syscall_arg_fd(args, 0));
}

FILLER(sys_accept_e)
{
	/* No parameters: all there is to know is known at exit. */
	return 0;
}

FILLER(sys_accept_x)
{
	return accept_exit(args);
}

FILLER(sys_accept4_e)
{
	/* Parameter 1: flags (type: PT_INT32), SOCK_NONBLOCK and SOCK_CLOEXEC, raw */
	return val_to_ring(args, (s32)args->args[3], 0, false);
}

FILLER(sys_accept4_x)
{
	return accept_exit(args);
}
