// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * See scap_merge.h. A linear scan: with one buffer per CPU, n is small, and
 * a heap would cost more than it saves below a few dozen CPUs.
 */
#include <stddef.h>
#include "scap_merge.h"

int scap_merge_pick_oldest(struct ppm_evt_hdr *const heads[], uint32_t n)
{
	/* LAB 02.1 BEGIN: return the index of the oldest head (lowest index on a tie), -1 if all are NULL */
	int oldest = -1;
	uint64_t oldest_ts = 0;

	for (uint32_t i = 0; i < n; i++) {
		if (!heads[i])
			continue;
		if (oldest < 0 || heads[i]->ts < oldest_ts) {
			oldest = i;
			oldest_ts = heads[i]->ts;
		}
	}
	return oldest;
	/* LAB 02.1 STARTER: // For now: the first buffer that has an event. It runs, but */
	/* LAB 02.1 STARTER: // it drains CPU 0 before it looks at CPU 1's older events. */
	/* LAB 02.1 STARTER: for (uint32_t i = 0; i < n; i++) */
	/* LAB 02.1 STARTER: 	if (heads[i]) */
	/* LAB 02.1 STARTER: 		return i; */
	/* LAB 02.1 STARTER: return -1; */
	/* LAB 02.1 END */
}
