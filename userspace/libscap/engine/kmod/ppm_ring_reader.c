// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * See ppm_ring_reader.h. The ordering rules are in driver/ppm_ringbuffer.h:
 * an acquire load of head before reading events, a release store of tail
 * after reading them. The data is mapped twice back to back, so an event
 * that wraps past the end is read from one pointer like any other.
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
	return 0;
}

void *ppm_ring_reader_peek(struct ppm_ring_reader *r, uint32_t *bytes)
{
	uint32_t head = __atomic_load_n(&r->info->head, __ATOMIC_ACQUIRE);

	if (head == r->tail || head >= r->size)
		return NULL;
	/* Everything up to head is whole events: the first one is ours. */
	*bytes = (head - r->tail) & (r->size - 1);
	return r->data + r->tail;
}

void ppm_ring_reader_consume(struct ppm_ring_reader *r, uint32_t evt_len)
{
	r->tail = (r->tail + evt_len) & (r->size - 1);
	__atomic_store_n(&r->info->tail, r->tail, __ATOMIC_RELEASE);
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
