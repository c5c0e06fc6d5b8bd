// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* See idle_wait.h: a short sleep while events flow, a long poll() when idle. */
#include <stdlib.h>
#include <time.h>

#include "idle_wait.h"

int scap_idle_wait_init(struct scap_idle_wait *w, const int *ring_fds, uint32_t nfds,
			volatile uint32_t *reader_waiting)
{
	w->fds = calloc(nfds, sizeof(*w->fds));
	if (!w->fds)
		return -1;
	for (uint32_t i = 0; i < nfds; i++) {
		w->fds[i].fd = ring_fds[i];
		w->fds[i].events = POLLIN;
	}
	w->nfds = nfds;
	w->reader_waiting = reader_waiting;
	w->empty_waits = 0;
	w->stopped = false;
	w->long_waits = 0;
	return 0;
}

void scap_idle_wait_fini(struct scap_idle_wait *w)
{
	free(w->fds);
	w->fds = NULL;
}

void scap_idle_wait(void *ctx)
{
	struct scap_idle_wait *w = ctx;
	struct timespec wait = { .tv_nsec = NEXT_WAIT_NS };

	if (w->stopped || w->empty_waits < IDLE_AFTER_WAITS) {
		w->empty_waits++;
		nanosleep(&wait, NULL);
		return;
	}
	/* Idle: ask the probe to wake us, then sleep until it does. */
	*w->reader_waiting = 1;
	/* The flag must be visible before poll() looks at the rings. */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	w->long_waits++;
	/* A signal (Ctrl-C) ends it early: the caller checks its own flags. */
	poll(w->fds, w->nfds, IDLE_MAX_WAIT_MS);
}
