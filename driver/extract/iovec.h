/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The buffers of readv(2) and writev(2): an array of iovcnt
 * struct iovec { void __user *iov_base; size_t iov_len; } in user memory.
 *
 * Everything is read with copy_from_user_nofault(), the very function
 * behind bpf_probe_read_user(): a filler may not sleep, so memory that is
 * not resident is a fault (an empty param), not a page-in. The modern
 * driver's twin, modern_bpf/helpers/store/auxmap_store_iovec.h, reads one
 * iovec at a time with it and stops where we stop, so the same call gives
 * the same bytes, and fails on the same iovec, in both drivers.
 */
#ifndef SCAPLAB_EXTRACT_IOVEC_H
#define SCAPLAB_EXTRACT_IOVEC_H

#include <linux/errno.h>
#include <linux/limits.h>
#include <linux/minmax.h>
#include <linux/uaccess.h>
#include <linux/uio.h>

/*
 * The data copy looks at no more than this many iovecs. The BPF side
 * must bound its loop for the verifier and chose 32; a kernel module needs
 * no bound, but keeps it so that a call whose first 32 buffers hold less
 * than the snaplen stores the same (short) data in both drivers.
 */
#define EXTRACT_IOV_DATA_MAX 32

/*
 * The sum of the iov_len of the iovcnt iovecs at iov, what the caller
 * offered. -EINVAL if there are more than UIO_MAXIOV (the syscall then
 * fails with EINVAL and reads none), -EFAULT if an iovec is unreadable.
 */
static inline int extract_iovec_total_len(unsigned long iov, unsigned long iovcnt, u64 *sum)
{
	const struct iovec __user *vecs = (const struct iovec __user *)iov;
	struct iovec vec;
	unsigned long i;

	if (iovcnt > UIO_MAXIOV)
		return -EINVAL;
	*sum = 0;
	for (i = 0; i < iovcnt; i++) {
		if (copy_from_user_nofault(&vec, &vecs[i], sizeof(vec)))
			return -EFAULT;
		*sum += vec.iov_len;
	}
	return 0;
}

/*
 * Copy the first max_len bytes of the iovecs' buffers, put end to end, to
 * dst, which has room bytes: what read() would have put in one buffer.
 * Returns the bytes copied; -EFAULT if an iovec or a buffer it reaches is
 * unreadable; -ENOSPC if they do not fit in room.
 *
 * A zero-length buffer is still "read" (0 bytes), as BPF does: that fails
 * only for a base beyond user space, and fails in both drivers.
 */
static inline long extract_iovec_data(void *dst, u32 room, unsigned long iov,
				      unsigned long iovcnt, u32 max_len)
{
	const struct iovec __user *vecs = (const struct iovec __user *)iov;
	struct iovec vec;
	u32 copied = 0, n;
	unsigned long i;

	/* A param's length is a u16: longer data could not be stored anyway. */
	max_len = min_t(u32, max_len, U16_MAX);
	for (i = 0; i < EXTRACT_IOV_DATA_MAX && i < iovcnt && copied < max_len; i++) {
		if (copy_from_user_nofault(&vec, &vecs[i], sizeof(vec)))
			return -EFAULT;
		n = min_t(u64, vec.iov_len, max_len - copied);
		if (n > room - copied)
			return -ENOSPC;
		if (copy_from_user_nofault(dst + copied, vec.iov_base, n))
			return -EFAULT;
		copied += n;
	}
	return copied;
}

#endif /* SCAPLAB_EXTRACT_IOVEC_H */
