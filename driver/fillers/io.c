// SPDX-License-Identifier: GPL-2.0-only
/*
 * read, write and their vector and positional forms. The data is stored
 * in the exit event, at most the snaplen of it: for a read, what the
 * kernel returned (none after a failure); for a write, what the caller
 * passed, even if the kernel wrote less or nothing.
 * The modern driver's twins: modern_bpf/programs/tail_called/events/
 * syscall_dispatched_events/{read,write,pread64,pwrite64,readv,writev}.bpf.c.
 */
#include "../ppm_fillers.h"
#include "../extract/iovec.h"
#include "io.h"

/*
 * A "data" param of len bytes at the user address ptr. No bytes is an
 * empty param without a read: BPF reads nothing either, so a zero-length
 * write from a bad pointer counts no fault in both drivers.
 */
int store_user_data(struct event_filler_arguments *args, unsigned long ptr, u32 len)
{
	if (!len)
		return push_empty_param(args);
	return val_to_ring(args, ptr, len, true);
}

/*
 * A PT_UINT32 "size" param: the iovecs' total length, cut to 32 bits.
 * Empty if it cannot be known: too many iovecs (the call fails and reads
 * none) or an unreadable one (a fault read).
 */
int store_iovec_size(struct event_filler_arguments *args, unsigned long iov,
		     unsigned long iovcnt)
{
	u64 sum;
	int err;

	/* LAB 09.2 BEGIN: some readv and writev events never reach the reader: find which with dynamic debug, and why with ftrace */
	err = extract_iovec_total_len(iov, iovcnt, &sum);
	if (err == -EFAULT)
		ppm_count_fault_read(args);
	/*
	 * Not an error of the filler's: the call gave an array the kernel
	 * refused too. Returning err would drop the whole event (record_event()
	 * counts it as a driver bug): the param is empty, the event goes on.
	 */
	if (err)
		return push_empty_param(args);
	/* LAB 09.2 STARTER: err = extract_iovec_total_len(iov, iovcnt, &sum); */
	/* LAB 09.2 STARTER: if (err) */
	/* LAB 09.2 STARTER: 	return err; */
	/* LAB 09.2 END */
	return val_to_ring(args, sum, 0, false);
}

/*
 * A PT_BYTEBUF "data" param: the first max_len bytes of the iovecs'
 * buffers, end to end. Empty (and a fault read) if any of them that is
 * needed is unreadable, like val_to_ring() with one buffer.
 */
int store_iovec_data(struct event_filler_arguments *args, unsigned long iov,
		     unsigned long iovcnt, u32 max_len)
{
	long n;

	n = extract_iovec_data(ppm_param_dst(args), ppm_param_room(args), iov, iovcnt, max_len);
	if (n == -EFAULT) {
		ppm_count_fault_read(args);
		return push_empty_param(args);
	}
	if (n < 0)
		return n;
	return ppm_param_commit(args, n);
}

FILLER(sys_read_e)
{
	int res;

	/* Parameter 1: fd (type: PT_FD) */
	res = val_to_ring(args, syscall_arg_fd(args, 0), 0, false);
	if (res)
		return res;
	/* Parameter 2: size (type: PT_UINT32), what the caller asked for */
	return val_to_ring(args, args->args[2], 0, false);
}

FILLER(sys_read_x)
{
	int res;

	/* Parameter 1: res (type: PT_ERRNO), bytes read or -errno */
	res = val_to_ring(args, args->retval, 0, false);
	if (res)
		return res;
	/* Parameter 2: data (type: PT_BYTEBUF), the bytes the kernel wrote */
	if (args->retval <= 0)
		return push_empty_param(args);
	return val_to_ring(args, args->args[1], snaplen_cut(args, args->retval), true);
}

FILLER(sys_write_e)
{
	int res;

	/* Parameter 1: fd (type: PT_FD) */
	res = val_to_ring(args, syscall_arg_fd(args, 0), 0, false);
	if (res)
		return res;
	/* Parameter 2: size (type: PT_UINT32) */
	return val_to_ring(args, args->args[2], 0, false);
}

FILLER(sys_write_x)
{
	int res;

	/* Parameter 1: res (type: PT_ERRNO), bytes written or -errno */
	res = val_to_ring(args, args->retval, 0, false);
	if (res)
		return res;
	/* Parameter 2: data (type: PT_BYTEBUF), what the caller passed */
	return store_user_data(args, args->args[1], snaplen_cut(args, args->args[2]));
}

FILLER(sys_pread64_e)
{
	int res;

	/* Parameter 1: fd (type: PT_FD) */
	res = val_to_ring(args, syscall_arg_fd(args, 0), 0, false);
	if (res)
		return res;
	/* Parameter 2: size (type: PT_UINT32) */
	res = val_to_ring(args, args->args[2], 0, false);
	if (res)
		return res;
	/* Parameter 3: pos (type: PT_UINT64), one register on x86_64 */
	return val_to_ring(args, args->args[3], 0, false);
}

FILLER(sys_pread64_x)
{
	int res;

	/* Parameter 1: res (type: PT_ERRNO), bytes read or -errno */
	res = val_to_ring(args, args->retval, 0, false);
	if (res)
		return res;
	/* Parameter 2: data (type: PT_BYTEBUF), the bytes the kernel wrote */
	if (args->retval <= 0)
		return push_empty_param(args);
	return val_to_ring(args, args->args[1], snaplen_cut(args, args->retval), true);
}

FILLER(sys_pwrite64_e)
{
	int res;

	/* Parameter 1: fd (type: PT_FD) */
	res = val_to_ring(args, syscall_arg_fd(args, 0), 0, false);
	if (res)
		return res;
	/* Parameter 2: size (type: PT_UINT32) */
	res = val_to_ring(args, args->args[2], 0, false);
	if (res)
		return res;
	/* Parameter 3: pos (type: PT_UINT64), one register on x86_64 */
	return val_to_ring(args, args->args[3], 0, false);
}

FILLER(sys_pwrite64_x)
{
	int res;

	/* Parameter 1: res (type: PT_ERRNO), bytes written or -errno */
	res = val_to_ring(args, args->retval, 0, false);
	if (res)
		return res;
	/* Parameter 2: data (type: PT_BYTEBUF), what the caller asked to write */
	return store_user_data(args, args->args[1], snaplen_cut(args, args->args[2]));
}

FILLER(sys_readv_e)
{
	/* Parameter 1: fd (type: PT_FD) */
	return val_to_ring(args, syscall_arg_fd(args, 0), 0, false);
}

int store_read_iovecs(struct event_filler_arguments *args, unsigned long iov,
		      unsigned long iovcnt)
{
	int res;

	/*
	 * size (type: PT_UINT32), the buffers' total size cut to what was
	 * read, as in Falco. The kernel never reads more than the buffers
	 * hold, so after a success that is res: only a failure needs the sum.
	 */
	if (args->retval >= 0)
		res = val_to_ring(args, args->retval, 0, false);
	else
		res = store_iovec_size(args, iov, iovcnt);
	if (res)
		return res;
	/* data (type: PT_BYTEBUF), the res bytes read, if any */
	if (args->retval <= 0)
		return push_empty_param(args);
	return store_iovec_data(args, iov, iovcnt, snaplen_cut(args, args->retval));
}

FILLER(sys_readv_x)
{
	int res;

	/* Parameter 1: res (type: PT_ERRNO), bytes read or -errno */
	res = val_to_ring(args, args->retval, 0, false);
	if (res)
		return res;
	/* Parameters 2 and 3: size, data */
	return store_read_iovecs(args, args->args[1], args->args[2]);
}

FILLER(sys_writev_e)
{
	int res;

	/* Parameter 1: fd (type: PT_FD) */
	res = val_to_ring(args, syscall_arg_fd(args, 0), 0, false);
	if (res)
		return res;
	/* Parameter 2: size (type: PT_UINT32), the buffers' total size */
	return store_iovec_size(args, args->args[1], args->args[2]);
}

FILLER(sys_writev_x)
{
	int res;

	/* Parameter 1: res (type: PT_ERRNO), bytes written or -errno */
	res = val_to_ring(args, args->retval, 0, false);
	if (res)
		return res;
	/*
	 * Parameter 2: data (type: PT_BYTEBUF), what the caller asked to
	 * write, whatever the kernel did with it, as for write.
	 */
	return store_iovec_data(args, args->args[1], args->args[2], args->snaplen);
}

/* preadv and pwritev: readv and writev at a position (the file's own stays put). */
FILLER(sys_preadv_e)
{
	int res;

	/* Parameter 1: fd (type: PT_FD) */
	res = val_to_ring(args, syscall_arg_fd(args, 0), 0, false);
	if (res)
		return res;
	/* Parameter 2: pos (type: PT_UINT64), one register on x86_64 (pos_l) */
	return val_to_ring(args, args->args[3], 0, false);
}

FILLER(sys_preadv_x)
{
	/* The params of readv's exit: res, size, data. */
	return f_sys_readv_x(args);
}

FILLER(sys_pwritev_e)
{
	int res;

	/* Parameters 1 and 2: fd, size, as writev's */
	res = f_sys_writev_e(args);
	if (res)
		return res;
	/* Parameter 3: pos (type: PT_UINT64) */
	return val_to_ring(args, args->args[3], 0, false);
}

FILLER(sys_pwritev_x)
{
	/* The params of writev's exit: res, data. */
	return f_sys_writev_x(args);
}
