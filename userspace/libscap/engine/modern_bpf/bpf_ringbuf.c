// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * See bpf_ringbuf.h for the ring's layout.
 *
 * Ordering: the kernel writes a record, then clears the BUSY bit of its
 * length with a release store. We read the length with an acquire load, so
 * once BUSY is clear the record's bytes are visible. When we are done we
 * publish consumer_pos with a release store, and only then may the kernel
 * reuse the space.
 *
 * Batching: producer_pos and consumer_pos each sit on a cache line that
 * the writing CPU and this one share. Touching them once per event costs
 * a cache miss on both sides for every syscall, so we read producer_pos
 * again only when we reach our last copy of it, and publish consumer_pos
 * only every 1/16 of the ring, or when the ring is empty. The kernel sees
 * at most 1/16 of the ring as still in use; a record's own length word
 * still says, with its BUSY bit, whether the record is complete.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include <linux/bpf.h>
#include "bpf_ringbuf.h"
#include "../../ringbuffer/devset.h"

int scap_bpf_ringbuf_init(struct scap_bpf_ringbuf *rb, int map_fd, size_t size, char *err,
			  size_t errlen)
{
	long page = sysconf(_SC_PAGESIZE);
	void *p;

	memset(rb, 0, sizeof(*rb));
	rb->map_fd = map_fd;
	rb->size = size;

	p = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_SHARED, map_fd, 0);
	if (p == MAP_FAILED) {
		snprintf(err, errlen, "mmap of the ring's consumer page failed: %s",
			 strerror(errno));
		return -1;
	}
	rb->consumer_pos = p;

	p = mmap(NULL, page + 2 * size, PROT_READ, MAP_SHARED, map_fd, page);
	if (p == MAP_FAILED) {
		snprintf(err, errlen, "mmap of the ring's data pages failed: %s", strerror(errno));
		munmap(rb->consumer_pos, page);
		rb->consumer_pos = NULL;
		return -1;
	}
	rb->producer_pos = p;
	rb->data = (uint8_t *)p + page;
	rb->cons = __atomic_load_n(rb->consumer_pos, __ATOMIC_ACQUIRE);
	rb->published = rb->cons;
	rb->prod = rb->cons;
	return 0;
}

/* Give the space read so far back to the kernel. */
static inline void publish(struct scap_bpf_ringbuf *rb)
{
	if (rb->published == rb->cons)
		return;
	__atomic_store_n(rb->consumer_pos, rb->cons, __ATOMIC_RELEASE);
	rb->published = rb->cons;
}

/* Consumed bytes not yet given back: publish every 1/16 of the ring. */
static inline void advance(struct scap_bpf_ringbuf *rb, unsigned long bytes)
{
	rb->cons += bytes;
	if (rb->cons - rb->published >= rb->size / 16)
		publish(rb);
}

static inline unsigned long record_bytes(uint32_t len)
{
	/* header + payload, rounded up to 8 */
	return (BPF_RINGBUF_HDR_SZ + len + 7) & ~7UL;
}

void *scap_bpf_ringbuf_peek(struct scap_bpf_ringbuf *rb, uint32_t *len)
{
	for (;;) {
		uint32_t *hdr;
		uint32_t hlen;

		if (rb->cons >= rb->prod) {
			rb->prod = __atomic_load_n(rb->producer_pos, __ATOMIC_ACQUIRE);
			if (rb->cons >= rb->prod) {
				/* Caught up: the kernel may have all the space. */
				publish(rb);
				return NULL;
			}
		}
		hdr = (uint32_t *)(rb->data + (rb->cons & (rb->size - 1)));
		hlen = __atomic_load_n(hdr, __ATOMIC_ACQUIRE);
		/* Reserved but not yet submitted: later records must wait for it. */
		if (hlen & BPF_RINGBUF_BUSY_BIT)
			return NULL;
		if (hlen & BPF_RINGBUF_DISCARD_BIT) {
			advance(rb, record_bytes(hlen & ~BPF_RINGBUF_DISCARD_BIT));
			continue;
		}
		rb->pending = record_bytes(hlen);
		*len = hlen;
		return (uint8_t *)hdr + BPF_RINGBUF_HDR_SZ;
	}
}

void scap_bpf_ringbuf_consume(struct scap_bpf_ringbuf *rb)
{
	if (!rb->pending)
		return;
	advance(rb, rb->pending);
	rb->pending = 0;
}

void scap_bpf_ringbuf_fini(struct scap_bpf_ringbuf *rb)
{
	long page = sysconf(_SC_PAGESIZE);

	if (rb->producer_pos)
		munmap(rb->producer_pos, page + 2 * rb->size);
	if (rb->consumer_pos)
		munmap(rb->consumer_pos, page);
	memset(rb, 0, sizeof(*rb));
}

/* In this file, so that the compiler inlines peek and consume into them. */
static void *ops_peek(void *rings, uint32_t cpu, uint32_t *bytes)
{
	return scap_bpf_ringbuf_peek((struct scap_bpf_ringbuf *)rings + cpu, bytes);
}

static void ops_consume(void *rings, uint32_t cpu, uint32_t evt_len)
{
	(void)evt_len;
	scap_bpf_ringbuf_consume((struct scap_bpf_ringbuf *)rings + cpu);
}

const struct scap_dev_ops scap_bpf_ringbuf_ops = {
	.peek = ops_peek,
	.consume = ops_consume,
};
