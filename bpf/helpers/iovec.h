/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The params of readv(2) and writev(2), whose buffers are an array of
 * iovcnt struct iovec { void *iov_base; size_t iov_len; } in user memory:
 *   "size": the sum of the iov_len, what the caller offered;
 *   "data": the buffers' bytes back to back, cut at max_len.
 *
 * The modern driver's twin is modern_bpf/helpers/store/auxmap_store_iovec.h,
 * and it stores the same bytes. What differs is how the loops are written.
 * A verifier before Linux 5.3 rejects any backward jump, so a loop must be
 * unrolled by clang (#pragma unroll, a constant trip count) into straight
 * code: each iteration is its own copy of the instructions, and the
 * program grows with the bound. The modern probe's bounded loops are
 * walked by the verifier instead, and cost no code.
 */
#ifndef SCAPLAB_BPF_HELPERS_IOVEC_H
#define SCAPLAB_BPF_HELPERS_IOVEC_H

/* The kernel's UIO_MAXIOV: readv and writev fail with EINVAL above it. */
#define BPF_IOV_MAX 1024

/*
 * The data copy looks at no more than this many iovecs, as the modern
 * probe and the kernel module do (so a call whose first 32 buffers hold
 * less than max_len bytes stores the same short data in all three).
 */
#define BPF_IOV_DATA_MAX 32

/*
 * Where the iovec array is copied to be summed: the upper half of the
 * frame, which an event reaches only with a long param. The size param
 * comes before any long one. Room for BPF_IOV_MAX iovecs and the zeroed
 * ones after them (below): 16 KiB and a little.
 */
#define BPF_IOV_SCRATCH_OFF PPM_MAX_EVENT_SIZE

/*
 * A PT_UINT32 "size" param: the sum of the iov_len of the iovcnt iovecs
 * at iov, cut to 32 bits. Stored empty if it cannot be known: more iovecs
 * than the kernel takes (the call fails with EINVAL and reads none), or
 * an array that cannot be read (counted in n_fault_reads).
 *
 * The modern probe reads one iovec per step of a 1024-step loop. Unrolled,
 * that would be 1024 copies of a helper call. Here the array is copied
 * with one read into the frame, then summed eight iovecs at a time (after
 * zeroing the lengths of the eight that follow the last one, so that the
 * last group adds nothing that is not there): one test of the count per
 * eight, some 2.4 instructions per iovec, about 2500 in all. An unreadable
 * iovec gives the same empty param as in the modern probe: the one read
 * fails here where the modern loop stops.
 */
static __always_inline void bpf_push_iovec_size(struct filler_data *data, unsigned long iov,
						unsigned long iovcnt)
{
	/* LAB 11.2 BEGIN: push the sum of the iov_len (PT_UINT32) as Linux 4.14 allows: no loop the compiler does not unroll, under 4096 instructions in all, so copy the whole array into the frame (at BPF_IOV_SCRATCH_OFF) with one read and add it up eight iovecs at a time; an empty param if iovcnt is above BPF_IOV_MAX or the array is unreadable (count_fault_read) */
	struct iovec *vecs = (struct iovec *)&data->frame->data[BPF_IOV_SCRATCH_OFF];
	__u32 size = iovcnt * sizeof(struct iovec);
	struct iovec *end;
	__u64 last, sum = 0;

	/*
	 * The scratch is 64 KiB into the frame, past the 16-bit offset of a
	 * load instruction: left to itself, clang recomputes the address of
	 * each iovec from the frame. Hiding where vecs points keeps it in a
	 * register, and each iovec at a constant offset from it.
	 */
	asm volatile("" : "+r"(vecs));
	if (iovcnt > BPF_IOV_MAX) {
		bpf_push_empty_param(data);
		return;
	}
	/*
	 * The helper's size must be positive (up to Linux 5.2): an empty
	 * array is a sum of 0 with no read. The mask is the bound the
	 * verifier checks, the scratch's 16 KiB; the empty asm keeps clang,
	 * which knows the size is below it, from deleting the mask.
	 */
	if (iovcnt) {
		asm volatile("" : "+r"(size));
		size = ((size - 1) & (BPF_IOV_MAX * sizeof(*vecs) - 1)) + 1;
		if (bpf_probe_read_user(vecs, size, (const void *)iov)) {
			count_fault_read();
			bpf_push_empty_param(data);
			return;
		}
	}
	/*
	 * The mask changes nothing (iovcnt is at most BPF_IOV_MAX here) but
	 * it is the bound the verifier checks: clang may test a copy of
	 * iovcnt above and index with another, whose range the verifier does
	 * not know. The empty asm keeps clang from deleting the mask.
	 */
	last = iovcnt;
	asm volatile("" : "+r"(last));
	end = &vecs[last & (2 * BPF_IOV_MAX - 1)];
#pragma unroll
	for (__u32 j = 0; j < 8; j++)
		end[j].iov_len = 0;
	/* Written out: clang unrolls no loop nested in this one. */
#pragma unroll
	for (__u32 i = 0; i < BPF_IOV_MAX; i += 8) {
		if (i >= iovcnt)
			break;
		sum += vecs[i].iov_len + vecs[i + 1].iov_len + vecs[i + 2].iov_len +
		       vecs[i + 3].iov_len + vecs[i + 4].iov_len + vecs[i + 5].iov_len +
		       vecs[i + 6].iov_len + vecs[i + 7].iov_len;
	}
	bpf_push_u32_to_ring(data, sum);
	/* LAB 11.2 STARTER: (void)iov; */
	/* LAB 11.2 STARTER: (void)iovcnt; */
	/* LAB 11.2 STARTER: bpf_push_empty_param(data); */
	/* LAB 11.2 END */
}

/*
 * A PT_BYTEBUF "data" param: the first max_len bytes of the iovcnt
 * buffers at iov, end to end, as read() would have put them in one
 * buffer. Empty if an iovec or a buffer it needs cannot be read (counted
 * in n_fault_reads), as bpf_val_to_ring_buf() does with one buffer.
 *
 * Here the iovecs are read one at a time, as the modern probe reads them:
 * an iovec past the ones that fill max_len is never read, so it cannot
 * make the param empty. 32 steps of two helper calls unroll to about
 * 1100 instructions; readv_x, which has both helpers, comes to about 3800,
 * under the 4096 a program could have before Linux 5.2.
 */
static __always_inline void bpf_push_iovec_data(struct filler_data *data, unsigned long iov,
						unsigned long iovcnt, __u32 max_len)
{
	/* LAB 11.3 BEGIN: push the first max_len bytes of the buffers, end to end, as Linux 4.14 allows: an unrolled loop over BPF_IOV_DATA_MAX iovecs at most, one iovec read at a time, and masks (kept from clang with an empty asm) that show the verifier each copy stays in the frame; an empty param if an iovec or a buffer is unreadable (count_fault_read) */
	const struct iovec *vecs = (const struct iovec *)iov;
	__u8 *dst = data->frame->data;
	struct iovec vec;
	/*
	 * 64-bit counters: the probe is built for the first BPF instruction
	 * set (-mcpu=v1), which has no 32-bit compares, and each compare of
	 * a __u32 would first clear its upper half: two more instructions,
	 * copied 32 times.
	 */
	__u64 pos = data->frame->payload_pos;
	__u64 max = max_len;
	__u64 copied = 0;
	__u64 n;

	/* A longer param could not be sent anyway (push_evt_frame). */
	if (max > PPM_MAX_EVENT_SIZE - 1)
		max = PPM_MAX_EVENT_SIZE - 1;

#pragma unroll
	for (__u32 i = 0; i < BPF_IOV_DATA_MAX; i++) {
		if (i >= iovcnt || copied >= max)
			break;
		if (bpf_probe_read_user(&vec, sizeof(vec), &vecs[i]))
			goto fault;
		n = max - copied;
		if (vec.iov_len < n)
			n = vec.iov_len;
		/*
		 * The masks change nothing in an event that can be sent; they
		 * are the bounds the verifier checks: offset and size each
		 * below 64 KiB, inside the 128 KiB frame. n is below 64 KiB
		 * already, which clang sees and the verifier does not (it
		 * learns nothing from comparing two unknown registers): the
		 * empty asm keeps clang from deleting n's mask.
		 */
		asm volatile("" : "+r"(n));
		n &= PPM_MAX_EVENT_SIZE - 1;
		/*
		 * A zero-length buffer is read too (it fails only for a base
		 * beyond user space), as in the modern probe.
		 */
		if (bpf_probe_read_user(&dst[SAFE_ACCESS(pos + copied)], n, vec.iov_base))
			goto fault;
		copied += n;
	}
	bpf_commit_param(data, copied);
	return;

fault:
	count_fault_read();
	bpf_push_empty_param(data);
	/* LAB 11.3 STARTER: (void)iov; */
	/* LAB 11.3 STARTER: (void)iovcnt; */
	/* LAB 11.3 STARTER: (void)max_len; */
	/* LAB 11.3 STARTER: bpf_push_empty_param(data); */
	/* LAB 11.3 END */
}

#endif /* SCAPLAB_BPF_HELPERS_IOVEC_H */
