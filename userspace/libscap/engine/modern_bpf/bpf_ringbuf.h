/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * A reader of one BPF ring buffer (BPF_MAP_TYPE_RINGBUF) that can look at
 * the oldest record without consuming it.
 *
 * libbpf's ring_buffer__poll() hands each record to a callback and consumes
 * it at once. To merge several rings by timestamp we must see the head of
 * every ring before deciding which one to take, so we map the ring
 * ourselves, as Falco's modern engine does. The kernel's layout
 * (kernel/bpf/ringbuf.c):
 *
 *   mmap offset 0          consumer page   (read-write): consumer_pos
 *   mmap offset 1 page     producer page   (read-only):  producer_pos
 *   mmap offset 2 pages    data, mapped twice in a row, so a record that
 *                          wraps past the end is still contiguous
 *
 *   each record: [u32 len | u32 pg_off][len bytes], rounded up to 8 bytes
 */
#ifndef SCAPLAB_BPF_RINGBUF_H
#define SCAPLAB_BPF_RINGBUF_H

#include <stddef.h>
#include <stdint.h>

struct scap_bpf_ringbuf {
	int map_fd;
	size_t size;			/* data bytes: a power of 2 */
	unsigned long *consumer_pos;	/* the consumer page, shared with the kernel */
	unsigned long *producer_pos;	/* the producer page */
	uint8_t *data;
	unsigned long cons;		/* where we read: ahead of consumer_pos */
	unsigned long published;	/* what we last stored in consumer_pos */
	unsigned long prod;		/* producer_pos as we last read it */
	unsigned long pending;		/* bytes of the record peek returned */
};

/* Map the ring behind map_fd. 0, or -1 with the reason in err. */
int scap_bpf_ringbuf_init(struct scap_bpf_ringbuf *rb, int map_fd, size_t size, char *err,
			  size_t errlen);

/*
 * The oldest complete record, or NULL if there is none. *len gets its size.
 * The record stays in the ring (and valid) until scap_bpf_ringbuf_consume().
 */
void *scap_bpf_ringbuf_peek(struct scap_bpf_ringbuf *rb, uint32_t *len);

/*
 * Done with the record returned by the last peek: it is given back to the
 * kernel with the next 1/16 of the ring, or when the ring runs empty.
 */
void scap_bpf_ringbuf_consume(struct scap_bpf_ringbuf *rb);

void scap_bpf_ringbuf_fini(struct scap_bpf_ringbuf *rb);

/*
 * The device set's operations (ringbuffer/devset.h) on an array of rings,
 * one per CPU: ctx is the array. A ring's records have their own size, so
 * consume does not need the event's length.
 */
extern const struct scap_dev_ops scap_bpf_ringbuf_ops;

#endif /* SCAPLAB_BPF_RINGBUF_H */
