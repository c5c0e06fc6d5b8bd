/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * One CPU's ring buffer, as the module sees it. The layout userspace sees
 * is in ppm_ringbuffer.h; this is the module's side of it: allocation, the
 * two mmaps, and the producer (reserve room at head, publish the event).
 */
#ifndef SCAPLAB_PPM_RING_H
#define SCAPLAB_PPM_RING_H

#include <linux/mm_types.h>
#include <linux/types.h>
#include "ppm_ringbuffer.h"

struct ppm_ring {
	struct ppm_ring_buffer_info *info;	/* the info page, mapped by the reader */
	struct page *info_page;
	struct page **pages;	/* the data pages, nr_pages of them */
	unsigned long nr_pages;
	u8 *data;		/* the data pages mapped twice: 2 * size bytes */
	u32 size;		/* 0 until the reader maps the data */
	u32 head;		/* ours; info->head is the copy the reader sees */
};

int ppm_ring_init(struct ppm_ring *ring, int cpu);
void ppm_ring_free(struct ppm_ring *ring);
int ppm_ring_mmap(struct ppm_ring *ring, int cpu, struct vm_area_struct *vma);

/*
 * The producer. ppm_ring_reserve() returns where the next event goes and
 * sets *room to the bytes it may take (never more than PPM_MAX_EVENT_SIZE),
 * or returns NULL if the ring is not mapped yet or its tail is corrupt.
 * ppm_ring_publish() makes an event of len <= *room bytes visible to the
 * reader. Between the two, nothing the reader can see has changed.
 */
u8 *ppm_ring_reserve(struct ppm_ring *ring, u32 *room);
void ppm_ring_publish(struct ppm_ring *ring, u32 len);

#endif /* SCAPLAB_PPM_RING_H */
