// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * How many events a second the filter engine judges, on one core
 * (libsinsp/sinsp_filter.h). The events of a capture file are read into
 * memory once; then, over and over for about a second each:
 *
 *   state:   sinsp_process_event() on every event
 *   filter:  the same, and sinsp_filter_run() with FILTER
 *
 * The filter's own rate is the events over the difference of the two
 * times. Prints one line of key=value pairs.
 *
 *   filter_rate FILE.scap 'FILTER' [SECONDS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "engine/savefile/savefile_public.h"
#include "scap.h"
#include "sinsp.h"
#include "sinsp_filter.h"

struct loaded {
	uint8_t *bytes;		/* the events, back to back */
	size_t len, cap;
	uint64_t n;
	const struct scap_threadinfo *threads;
	uint32_t nthreads;
};

static int load(const char *file, struct loaded *l, scap_t **handle)
{
	struct scap_savefile_engine_params p = { .fname = file };
	struct scap_open_args args = { .mode = SCAP_MODE_CAPTURE, .engine = SCAP_ENGINE_SAVEFILE,
				       .engine_params = &p };
	char err[SCAP_LASTERR_SIZE];
	struct ppm_evt_hdr *evt;
	uint16_t cpu;
	int32_t rc;

	*handle = scap_open(&args, err, &rc);
	if (!*handle) {
		fprintf(stderr, "filter_rate: %s\n", err);
		return -1;
	}
	while ((rc = scap_next(*handle, &evt, &cpu)) == SCAP_SUCCESS) {
		if (l->len + evt->len > l->cap) {
			l->cap = (l->cap + evt->len) * 2;
			l->bytes = realloc(l->bytes, l->cap);
			if (!l->bytes)
				return -1;
		}
		memcpy(l->bytes + l->len, evt, evt->len);
		l->len += evt->len;
		l->n++;
	}
	if (rc != SCAP_EOF) {
		fprintf(stderr, "filter_rate: %s\n", scap_getlasterr(*handle));
		return -1;
	}
	scap_get_proc_table(*handle, &l->threads, &l->nthreads);
	return 0;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Pass over every event, seconds times over; the seconds per event, and how many passed. */
static double run(const struct loaded *l, struct sinsp_filter *f, double seconds,
		  uint64_t *passed)
{
	uint64_t events = 0;
	double start = now(), t;

	*passed = 0;
	do {
		struct sinsp_options o = { .no_proc = true };
		struct sinsp *s = sinsp_new(&o);
		size_t off = 0;
		uint64_t num = 0;

		for (uint32_t i = 0; i < l->nthreads; i++)
			sinsp_add_thread(s, &l->threads[i]);
		while (off < l->len) {
			const struct ppm_evt_hdr *hdr = (const void *)(l->bytes + off);
			struct scap_evt_view v;
			struct sinsp_evt e = { .state = s, .evt = &v, .num = ++num };

			off += hdr->len;
			if (scap_event_decode(hdr, hdr->len, &v, NULL, 0) != SCAP_SUCCESS)
				continue;
			e.thread = sinsp_process_event(s, &v);
			if (f && sinsp_filter_run(f, &e))
				(*passed)++;
		}
		sinsp_free(s);
		events += l->n;
		t = now() - start;
	} while (t < seconds);
	return t / events;
}

int main(int argc, char **argv)
{
	struct sinsp_filter_error err;
	struct loaded l = { 0 };
	struct sinsp_filter *f;
	double seconds = argc > 3 ? atof(argv[3]) : 1.0, state, both;
	uint64_t passed, dummy;
	scap_t *h;

	if (argc < 3) {
		fprintf(stderr, "usage: filter_rate FILE.scap 'FILTER' [SECONDS]\n");
		return 2;
	}
	f = sinsp_filter_compile(argv[2], &err);
	if (!f) {
		fprintf(stderr, "filter_rate: bad filter at %u: %s\n", err.pos + 1, err.msg);
		return 2;
	}
	if (load(argv[1], &l, &h))
		return 1;
	/* Interleaved, the better of two of each: the machine's noise hits both. */
	state = run(&l, NULL, seconds, &dummy);
	both = run(&l, f, seconds, &passed);
	{
		double s2 = run(&l, NULL, seconds, &dummy), b2 = run(&l, f, seconds, &passed);

		state = s2 < state ? s2 : state;
		both = b2 < both ? b2 : both;
	}
	printf("events=%llu passed=%llu state_ns=%.1f state_and_filter_ns=%.1f "
	       "filter_ns=%.1f filter_events_per_s=%.0f\n",
	       (unsigned long long)l.n, (unsigned long long)passed, state * 1e9, both * 1e9,
	       (both - state) * 1e9, both > state ? 1.0 / (both - state) : 0.0);
	sinsp_filter_free(f);
	scap_close(h);
	free(l.bytes);
	return 0;
}
