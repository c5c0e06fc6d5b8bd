/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * How the modern engine's reader waits when every ring is empty.
 *
 * The probe never wakes the reader while events flow (a wake-up per event
 * costs more than the event, lab 12): the reader sleeps NEXT_WAIT_NS and
 * looks again. On an idle machine that would be 100 wake-ups a second for
 * nothing. So once the rings have stayed empty for IDLE_AFTER_WAITS sleeps
 * in a row, the reader sets the probe's g_reader_waiting and sleeps in
 * poll() on the rings' fds. The first event the probe then submits asks
 * the kernel to wake the reader (BPF_RB_FORCE_WAKEUP) and clears the flag
 * (modern_bpf/helpers/store/ringbuf_wakeup.h).
 *
 *   events flow:  peek ─ empty ─ sleep 10 ms ─ peek ─ event ...
 *   idle:         ... 10 empty sleeps ─ flag = 1 ─ poll() ─────── woken ─ event
 *                                                     probe: flag? wake, flag = 0
 *
 * poll() looks at the rings before it sleeps, so an event submitted before
 * the flag was set is seen. One submitted while the flag is being set may
 * not wake the reader: it waits for the next event or IDLE_MAX_WAIT_MS.
 */
#ifndef SCAPLAB_MODERN_BPF_IDLE_WAIT_H
#define SCAPLAB_MODERN_BPF_IDLE_WAIT_H

#include <poll.h>
#include <stdbool.h>
#include <stdint.h>

/* The sleep while events flow, as the other engines do. */
#define NEXT_WAIT_NS (10 * 1000 * 1000)
/* Empty sleeps in a row after which the machine is taken to be idle: 100 ms. */
#define IDLE_AFTER_WAITS 10
/* The longest poll(): what scap_next may block when nothing happens. */
#define IDLE_MAX_WAIT_MS 500

struct scap_idle_wait {
	struct pollfd *fds;		/* one per ring */
	uint32_t nfds;
	volatile uint32_t *reader_waiting;	/* the probe's g_reader_waiting (mmapped .bss) */
	uint32_t empty_waits;		/* empty sleeps in a row */
	bool stopped;			/* after stop_capture: never sleep long */
	uint64_t long_waits;		/* poll()s, for the tests */
};

/* Watch the rings' fds; 0, or -1 if out of memory. */
int scap_idle_wait_init(struct scap_idle_wait *w, const int *ring_fds, uint32_t nfds,
			volatile uint32_t *reader_waiting);
void scap_idle_wait_fini(struct scap_idle_wait *w);

/* The devset's idle_wait: every ring is empty (ctx: the scap_idle_wait). */
void scap_idle_wait(void *ctx);

/* An event came: the reader is busy again; take the flag back. */
static inline void scap_idle_wait_got_event(struct scap_idle_wait *w)
{
	w->empty_waits = 0;
	if (*w->reader_waiting)
		*w->reader_waiting = 0;
}

#endif /* SCAPLAB_MODERN_BPF_IDLE_WAIT_H */
