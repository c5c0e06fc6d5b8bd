/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Merging per-CPU event streams into one stream in timestamp order.
 *
 * Each CPU writes its own buffer, and each buffer is in order by itself.
 * A thread that runs on CPU 0, then migrates to CPU 1, leaves its events in
 * two buffers: to give them back in the order they happened, the reader
 * must always take the oldest of the heads of all buffers.
 *
 *   CPU 0: [t=10][t=40][t=50]
 *   CPU 1: [t=20][t=30]          ->  10 20 30 40 50
 */
#ifndef SCAPLAB_SCAP_MERGE_H
#define SCAPLAB_SCAP_MERGE_H

#include <stdint.h>
#include "ppm_events_public.h"

/*
 * Given the head (oldest unread event) of each of n buffers, NULL where a
 * buffer is empty, return the index of the head with the smallest
 * timestamp; on a tie, the lowest index. -1 if every buffer is empty.
 */
int scap_merge_pick_oldest(struct ppm_evt_hdr *const heads[], uint32_t n);

#endif /* SCAPLAB_SCAP_MERGE_H */
