// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * See ppm_ring_reader.h. The ordering rules are in driver/ppm_ringbuffer.h:
 * an acquire load of head before reading events, a release store of tail
 * after reading them. The data is mapped twice back to back, so an event
 * that wraps past the end is read from one pointer like any other.
 *
 * head and tail share the info page's first cache line with the module's
 * counters: reading head and writing tail at every event would move that
 * line between the two CPUs at every syscall. So head is read again only
 * once we reach our copy of it, and tail is published every 1/16 of the
 * ring, or when the ring is empty (modern_bpf/bpf_ringbuf.c does the same).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "ppm_ring_reader.h"

int ppm_ring_reader_map(struct ppm_ring_reader *r, int fd, uint32_t size, char *err,
			size_t errlen)
{
	long page = sysconf(_SC_PAGESIZE);
	void *p;

	memset(r, 0, sizeof(*r));
	p = mmap(NULL, page, PROT_READ | PROT_WRITE, MAP_SHARED, fd,
		 PPM_RING_INFO_PGOFF * page);
	if (p == MAP_FAILED) {
		snprintf(err, errlen, "mmap of the ring's info page failed: %s", strerror(errno));
		return -1;
	}
	r->info = p;
	p = mmap(NULL, 2 * (size_t)size, PROT_READ, MAP_SHARED, fd, PPM_RING_DATA_PGOFF * page);
	if (p == MAP_FAILED) {
		snprintf(err, errlen, "mmap of %u bytes of ring failed: %s", size,
			 strerror(errno));
		ppm_ring_reader_unmap(r);
		return -1;
	}
	r->data = p;
	r->size = size;
	/* The module starts a new session at 0, but a reader may start anywhere. */
	r->tail = __atomic_load_n(&r->info->tail, __ATOMIC_RELAXED);
	r->head = r->tail;
	r->published = r->tail;
	return 0;
}

static void publish_tail(struct ppm_ring_reader *r)
{
	if (r->published == r->tail)
		return;
	__atomic_store_n(&r->info->tail, r->tail, __ATOMIC_RELEASE);
	r->published = r->tail;
}

void *ppm_ring_reader_peek(struct ppm_ring_reader *r, uint32_t *bytes)
{
	if (r->head == r->tail) {
		uint32_t head = __atomic_load_n(&r->info->head, __ATOMIC_ACQUIRE);

		if (head >= r->size)
			return NULL;
		r->head = head;
		if (head == r->tail) {
			/* Caught up: the module may have all the space. */
			publish_tail(r);
			return NULL;
		}
	}
	/* Everything up to head is whole events: the first one is ours. */
	*bytes = (r->head - r->tail) & (r->size - 1);
	return r->data + r->tail;
}

void ppm_ring_reader_consume(struct ppm_ring_reader *r, uint32_t evt_len)
{
	r->tail = (r->tail + evt_len) & (r->size - 1);
	if (((r->tail - r->published) & (r->size - 1)) >= r->size / 16)
		publish_tail(r);
}

void ppm_ring_reader_unmap(struct ppm_ring_reader *r)
{
	long page = sysconf(_SC_PAGESIZE);

	if (r->data)
		munmap(r->data, 2 * (size_t)r->size);
	if (r->info)
		munmap(r->info, page);
	memset(r, 0, sizeof(*r));
}
