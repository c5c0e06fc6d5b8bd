/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The reader's side of one CPU's ring of the kernel module: map it, peek
 * the oldest event, give it back. driver/ppm_ringbuffer.h has the layout.
 */
#ifndef SCAPLAB_PPM_RING_READER_H
#define SCAPLAB_PPM_RING_READER_H

#include <stddef.h>
#include <stdint.h>
#include "ppm_ringbuffer.h"

struct ppm_ring_reader {
	struct ppm_ring_buffer_info *info;	/* the info page, read-write */
	uint8_t *data;				/* the ring, twice: 2 * size bytes */
	uint32_t size;
	uint32_t tail;				/* where we read */
	uint32_t published;			/* info->tail: what the module sees */
	uint32_t head;				/* info->head as we last read it */
};

/* Map the info page and a ring of size bytes from an open /dev/scaplabN. */
int ppm_ring_reader_map(struct ppm_ring_reader *r, int fd, uint32_t size, char *err,
			size_t errlen);
/* The oldest event and the bytes up to head (*bytes), or NULL if the ring is empty. */
void *ppm_ring_reader_peek(struct ppm_ring_reader *r, uint32_t *bytes);
/* Done with the evt_len bytes of the last peek: given back every 1/16 of the ring. */
void ppm_ring_reader_consume(struct ppm_ring_reader *r, uint32_t evt_len);
/* Unmap; safe on a zeroed reader. */
void ppm_ring_reader_unmap(struct ppm_ring_reader *r);

#endif /* SCAPLAB_PPM_RING_READER_H */
