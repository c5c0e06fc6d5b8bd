/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * read, write and their positional and vector forms. The data is stored
 * in the exit event, at most the snaplen of it: for a read, what the
 * kernel returned (none after a failure); for a write, what the caller
 * passed, even if the kernel wrote less or nothing. The kernel module's
 * are in driver/fillers/io.c, the modern driver's in
 * modern_bpf/programs/tail_called/events/syscall_dispatched_events/.
 */

/* read's and recvfrom's enters: fd, size. */
static __always_inline int read_enter(struct filler_data *data, __u32 type)
{
	bpf_frame_begin(data, type, 2);
	/* Parameter 1: fd (type: PT_FD) */
	bpf_push_s64_to_ring(data, (__s32)bpf_syscall_get_argument(data, 0));
	/* Parameter 2: size (type: PT_UINT32), what the caller asked for */
	bpf_push_u32_to_ring(data, bpf_syscall_get_argument(data, 2));
	return 0;
}

FILLER(sys_read_e)
{
	return read_enter(data, PPME_SYSCALL_READ_E);
}

FILLER(sys_read_x)
{
	long ret = bpf_syscall_get_retval(data);

	bpf_frame_begin(data, PPME_SYSCALL_READ_X, 2);
	/* Parameter 1: res (type: PT_ERRNO), bytes read or -errno */
	bpf_push_s64_to_ring(data, ret);
	/*
	 * Parameter 2: data (type: PT_BYTEBUF). Only the ret bytes the kernel
	 * wrote are data; after an error or at end of file there is none.
	 */
	if (ret > 0)
		bpf_val_to_ring_buf(data, bpf_syscall_get_argument(data, 1),
				    snaplen_cut(data, ret), USER);
	else
		bpf_push_empty_param(data);
	return 0;
}

FILLER(sys_write_e)
{
	bpf_frame_begin(data, PPME_SYSCALL_WRITE_E, 2);
	/* Parameter 1: fd (type: PT_FD) */
	bpf_push_s64_to_ring(data, (__s32)bpf_syscall_get_argument(data, 0));
	/* Parameter 2: size (type: PT_UINT32) */
	bpf_push_u32_to_ring(data, bpf_syscall_get_argument(data, 2));
	return 0;
}

/* write's and sendto's exits: res, data. */
static __always_inline int write_exit(struct filler_data *data, __u32 type)
{
	bpf_frame_begin(data, type, 2);
	/* Parameter 1: res (type: PT_ERRNO), bytes written or -errno */
	bpf_push_s64_to_ring(data, bpf_syscall_get_retval(data));
	/* Parameter 2: data (type: PT_BYTEBUF), what the caller passed */
	bpf_val_to_ring_buf(data, bpf_syscall_get_argument(data, 1),
			    snaplen_cut(data, bpf_syscall_get_argument(data, 2)), USER);
	return 0;
}

FILLER(sys_write_x)
{
	return write_exit(data, PPME_SYSCALL_WRITE_X);
}

FILLER(sys_pread64_e)
{
	bpf_frame_begin(data, PPME_SYSCALL_PREAD_E, 3);
	/* Parameter 1: fd (type: PT_FD) */
	bpf_push_s64_to_ring(data, (__s32)bpf_syscall_get_argument(data, 0));
	/* Parameter 2: size (type: PT_UINT32) */
	bpf_push_u32_to_ring(data, bpf_syscall_get_argument(data, 2));
	/* Parameter 3: pos (type: PT_UINT64), one register on x86_64 */
	bpf_push_u64_to_ring(data, bpf_syscall_get_argument(data, 3));
	return 0;
}

FILLER(sys_pread64_x)
{
	long ret = bpf_syscall_get_retval(data);

	bpf_frame_begin(data, PPME_SYSCALL_PREAD_X, 2);
	/* Parameter 1: res (type: PT_ERRNO), bytes read or -errno */
	bpf_push_s64_to_ring(data, ret);
	/* Parameter 2: data (type: PT_BYTEBUF), the ret bytes read, if any */
	if (ret > 0)
		bpf_val_to_ring_buf(data, bpf_syscall_get_argument(data, 1),
				    snaplen_cut(data, ret), USER);
	else
		bpf_push_empty_param(data);
	return 0;
}

FILLER(sys_pwrite64_e)
{
	bpf_frame_begin(data, PPME_SYSCALL_PWRITE_E, 3);
	/* Parameter 1: fd (type: PT_FD) */
	bpf_push_s64_to_ring(data, (__s32)bpf_syscall_get_argument(data, 0));
	/* Parameter 2: size (type: PT_UINT32) */
	bpf_push_u32_to_ring(data, bpf_syscall_get_argument(data, 2));
	/* Parameter 3: pos (type: PT_UINT64), one register on x86_64 */
	bpf_push_u64_to_ring(data, bpf_syscall_get_argument(data, 3));
	return 0;
}

FILLER(sys_pwrite64_x)
{
	bpf_frame_begin(data, PPME_SYSCALL_PWRITE_X, 2);
	/* Parameter 1: res (type: PT_ERRNO), bytes written or -errno */
	bpf_push_s64_to_ring(data, bpf_syscall_get_retval(data));
	/* Parameter 2: data (type: PT_BYTEBUF), what the caller asked to write */
	bpf_val_to_ring_buf(data, bpf_syscall_get_argument(data, 1),
			    snaplen_cut(data, bpf_syscall_get_argument(data, 2)), USER);
	return 0;
}

FILLER(sys_readv_e)
{
	bpf_frame_begin(data, PPME_SYSCALL_READV_E, 1);
	/* Parameter 1: fd (type: PT_FD) */
	bpf_push_s64_to_ring(data, (__s32)bpf_syscall_get_argument(data, 0));
	return 0;
}

/* The size and data params of a read into iovecs (readv, preadv, recvmsg) that returned ret. */
static __always_inline void bpf_push_read_iovecs(struct filler_data *data, unsigned long iov,
						 unsigned long iovcnt, long ret)
{
	/*
	 * size (type: PT_UINT32): the buffers' total size, cut to what was
	 * read, as in Falco. The kernel never reads more than the buffers
	 * hold, so after a success that is res, and only a failed call needs
	 * the sum.
	 */
	if (ret >= 0)
		bpf_push_u32_to_ring(data, ret);
	else
		bpf_push_iovec_size(data, iov, iovcnt);
	/* data (type: PT_BYTEBUF), the ret bytes read, if any */
	if (ret > 0)
		bpf_push_iovec_data(data, iov, iovcnt, snaplen_cut(data, ret));
	else
		bpf_push_empty_param(data);
}

/* readv's and preadv's exits: res, size, data. */
static __always_inline int readv_exit(struct filler_data *data, __u32 type)
{
	long ret = bpf_syscall_get_retval(data);

	bpf_frame_begin(data, type, 3);
	/* Parameter 1: res (type: PT_ERRNO), bytes read or -errno */
	bpf_push_s64_to_ring(data, ret);
	/* Parameters 2 and 3: size, data */
	bpf_push_read_iovecs(data, bpf_syscall_get_argument(data, 1),
			     bpf_syscall_get_argument(data, 2), ret);
	return 0;
}

FILLER(sys_readv_x)
{
	return readv_exit(data, PPME_SYSCALL_READV_X);
}

FILLER(sys_writev_e)
{
	bpf_frame_begin(data, PPME_SYSCALL_WRITEV_E, 2);
	/* Parameter 1: fd (type: PT_FD) */
	bpf_push_s64_to_ring(data, (__s32)bpf_syscall_get_argument(data, 0));
	/* Parameter 2: size (type: PT_UINT32), the buffers' total size */
	bpf_push_iovec_size(data, bpf_syscall_get_argument(data, 1),
			    bpf_syscall_get_argument(data, 2));
	return 0;
}

/* writev's and pwritev's exits: res, data. */
static __always_inline int writev_exit(struct filler_data *data, __u32 type)
{
	bpf_frame_begin(data, type, 2);
	/* Parameter 1: res (type: PT_ERRNO), bytes written or -errno */
	bpf_push_s64_to_ring(data, bpf_syscall_get_retval(data));
	/*
	 * Parameter 2: data (type: PT_BYTEBUF), what the caller asked to
	 * write, whatever the kernel did with it, as for write.
	 */
	bpf_push_iovec_data(data, bpf_syscall_get_argument(data, 1),
			    bpf_syscall_get_argument(data, 2), data->settings->snaplen);
	return 0;
}

FILLER(sys_writev_x)
{
	return writev_exit(data, PPME_SYSCALL_WRITEV_X);
}

/* preadv and pwritev: readv and writev at a position (the file's own stays put). */
FILLER(sys_preadv_e)
{
	bpf_frame_begin(data, PPME_SYSCALL_PREADV_E, 2);
	/* Parameter 1: fd (type: PT_FD) */
	bpf_push_s64_to_ring(data, (__s32)bpf_syscall_get_argument(data, 0));
	/* Parameter 2: pos (type: PT_UINT64), one register on x86_64 (pos_l) */
	bpf_push_u64_to_ring(data, bpf_syscall_get_argument(data, 3));
	return 0;
}

FILLER(sys_preadv_x)
{
	return readv_exit(data, PPME_SYSCALL_PREADV_X);
}

FILLER(sys_pwritev_e)
{
	bpf_frame_begin(data, PPME_SYSCALL_PWRITEV_E, 3);
	/* Parameter 1: fd (type: PT_FD) */
	bpf_push_s64_to_ring(data, (__s32)bpf_syscall_get_argument(data, 0));
	/* Parameter 2: size (type: PT_UINT32), the buffers' total size */
	bpf_push_iovec_size(data, bpf_syscall_get_argument(data, 1),
			    bpf_syscall_get_argument(data, 2));
	/* Parameter 3: pos (type: PT_UINT64) */
	bpf_push_u64_to_ring(data, bpf_syscall_get_argument(data, 3));
	return 0;
}

FILLER(sys_pwritev_x)
{
	return writev_exit(data, PPME_SYSCALL_PWRITEV_X);
}
