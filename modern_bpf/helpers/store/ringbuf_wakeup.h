/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Whether submitting an event wakes the reader: both ways of submitting
 * (auxmap__submit_event, ringbuf__submit_event) ask this.
 */
#ifndef SCAPLAB_RINGBUF_WAKEUP_H
#define SCAPLAB_RINGBUF_WAKEUP_H

#include "../../maps/maps.h"

/*
 * How the event is submitted: BPF_RB_NO_WAKEUP, the reader polls (as
 * Falco's does). Waking it whenever it has caught up costs an irq_work and
 * a wake-up per event while it keeps pace: measured 2093 -> 940 ns per
 * getppid call (lab 12 measures it again). Only when the rings stayed
 * empty a while does the reader sleep until woken (modern_bpf.c,
 * rings_wait): then the first event wakes it, once, and clears the flag.
 */
static __always_inline __u64 ringbuf__wakeup_flag(void)
{
	if (!g_reader_waiting)
		return BPF_RB_NO_WAKEUP;
	g_reader_waiting = 0;
	return BPF_RB_FORCE_WAKEUP;
}

#endif /* SCAPLAB_RINGBUF_WAKEUP_H */
