/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The parameters of readv(2) and writev(2), whose buffer is an array of
 * struct iovec { void *iov_base; size_t iov_len; } in user memory:
 *   "size": the sum of the iov_len, what the caller offered;
 *   "data": the bytes of the buffers back to back, cut at g_snaplen.
 *
 * The array is read one struct iovec at a time. The verifier accepts a loop
 * only if it can see it end, so each loop has a constant bound besides
 * iovcnt, and the verifier walks it iteration by iteration.
 */
#ifndef SCAPLAB_AUXMAP_STORE_IOVEC_H
#define SCAPLAB_AUXMAP_STORE_IOVEC_H

#include "auxmap_store_params.h"

/* The kernel's UIO_MAXIOV: readv and writev fail with EINVAL above it. */
#define SCAPLAB_IOV_MAX 1024

/*
 * The data loop stops after this many iovecs. snaplen is small (80 bytes
 * by default), so the first few iovecs almost always fill it; a call whose
 * first 32 iovecs hold less than snaplen bytes keeps only those bytes.
 */
#define SCAPLAB_MAX_IOVCNT 32

/*
 * A PT_UINT32 "size" param: the sum of the iov_len of the iovcnt iovecs at
 * iov. Stored empty if it cannot be known: more iovecs than the kernel
 * takes (the call fails with EINVAL and reads none), or an iovec that
 * cannot be read (counted in n_fault_reads).
 */
static __always_inline void auxmap__store_iovec_size_param(struct auxiliary_map *auxmap,
							   unsigned long iov,
							   unsigned long iovcnt)
{
	/* LAB 11.1 BEGIN: store the sum of the iov_len of the iovcnt iovecs at iov (PT_UINT32), reading them one at a time in a loop the verifier can see end; an empty param if iovcnt is above SCAPLAB_IOV_MAX or an iovec is unreadable (count_fault_read) */
	const struct iovec *vecs = (const struct iovec *)iov;
	struct iovec vec;
	__u64 sum = 0;

	if (iovcnt > SCAPLAB_IOV_MAX) {
		auxmap__store_empty_param(auxmap);
		return;
	}
	for (__u32 i = 0; i < SCAPLAB_IOV_MAX && i < iovcnt; i++) {
		if (bpf_probe_read_user(&vec, sizeof(vec), &vecs[i])) {
			count_fault_read();
			auxmap__store_empty_param(auxmap);
			return;
		}
		sum += vec.iov_len;
	}
	auxmap__store_u32_param(auxmap, sum);
	/* LAB 11.1 STARTER: (void)iov; */
	/* LAB 11.1 STARTER: (void)iovcnt; */
	/* LAB 11.1 STARTER: auxmap__store_empty_param(auxmap); */
	/* LAB 11.1 END */
}

/*
 * A PT_BYTEBUF "data" param: the first max_len bytes of the iovcnt buffers
 * at iov, concatenated, as read() would have put them in one buffer. The
 * caller sets max_len: g_snaplen, and for a read no more than the kernel
 * returned. If an iovec or a buffer cannot be read, the param is stored
 * empty and counted in n_fault_reads, like auxmap__store_bytebuf_param.
 */
static __always_inline void auxmap__store_iovec_data_param(struct auxiliary_map *auxmap,
							   unsigned long iov,
							   unsigned long iovcnt, __u32 max_len)
{
	/* LAB 11.1 BEGIN: store the first max_len bytes of the buffers, end to end, looking at SCAPLAB_MAX_IOVCNT iovecs at most; masks that show the verifier each copy stays in the scratch area; an empty param if an iovec or a buffer is unreadable (count_fault_read) */
	const struct iovec *vecs = (const struct iovec *)iov;
	struct iovec vec;
	__u32 copied = 0;
	__u32 n;

	/* A param longer than this could not be sent anyway (see submit). */
	if (max_len > PPM_MAX_EVENT_SIZE - 1)
		max_len = PPM_MAX_EVENT_SIZE - 1;

	for (__u32 i = 0; i < SCAPLAB_MAX_IOVCNT && i < iovcnt && copied < max_len; i++) {
		if (bpf_probe_read_user(&vec, sizeof(vec), &vecs[i]))
			goto fault;
		n = max_len - copied;
		if (vec.iov_len < n)
			n = vec.iov_len;
		/*
		 * The masks change nothing in an event that can be sent (n is
		 * below max_len; an event past PPM_MAX_EVENT_SIZE is dropped at
		 * submit). They show the verifier that the write stays inside
		 * the scratch area.
		 */
		if (bpf_probe_read_user(&auxmap->data[SAFE_ACCESS(auxmap->payload_pos + copied)],
					n & (PPM_MAX_EVENT_SIZE - 1), vec.iov_base))
			goto fault;
		copied += n;
	}
	auxmap__commit_param(auxmap, copied);
	return;

fault:
	count_fault_read();
	push__param_len(auxmap, 0);
	/* LAB 11.1 STARTER: (void)iov; */
	/* LAB 11.1 STARTER: (void)iovcnt; */
	/* LAB 11.1 STARTER: (void)max_len; */
	/* LAB 11.1 STARTER: auxmap__store_empty_param(auxmap); */
	/* LAB 11.1 END */
}

#endif /* SCAPLAB_AUXMAP_STORE_IOVEC_H */
