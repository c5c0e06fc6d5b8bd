/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * libscap: open a capture engine, read its events in timestamp order.
 *
 *   char err[SCAP_LASTERR_SIZE];
 *   struct scap_open_args args = { .engine = SCAP_ENGINE_MODERN_BPF };
 *   scap_t *h = scap_open(&args, err, &rc);       // load the driver
 *   scap_start_capture(h);                        // attach: events flow
 *   while (...) {
 *           rc = scap_next(h, &evt, &cpu);        // SCAP_SUCCESS: evt is valid
 *           ...                                   // until the next scap_next
 *   }
 *   scap_stop_capture(h);
 *   scap_get_stats(h, &stats);
 *   scap_close(h);
 *
 * Every function returns one of the SCAP_* codes below; on SCAP_FAILURE,
 * scap_getlasterr() says which step failed and why.
 */
#ifndef SCAPLAB_SCAP_H
#define SCAPLAB_SCAP_H

#include <stdbool.h>
#include <stdint.h>
#include "ppm_events_public.h"

/* Return codes. The values are Falco's. */
#define SCAP_SUCCESS 0
#define SCAP_FAILURE 1
#define SCAP_TIMEOUT -1		/* no event ready: call scap_next again */
#define SCAP_ILLEGAL_INPUT 3	/* a bad argument; nothing was changed */
#define SCAP_EOF 6		/* no event will ever come (end of a file) */
#define SCAP_NOT_SUPPORTED 9

#define SCAP_LASTERR_SIZE 256

enum scap_engine_kind {
	SCAP_ENGINE_MODERN_BPF = 0,
};

/* Largest snaplen: keeps an event with a few buffers far below 64 KiB. */
#define SCAP_MAX_SNAPLEN 4096

/* Default size of each per-CPU ring buffer: 8 MiB, as Falco's. */
#define SCAP_DEFAULT_BUFFER_BYTES (8UL * 1024 * 1024)

struct scap_open_args {
	enum scap_engine_kind engine;
	/* Bytes of each per-CPU ring buffer; a power of 2, at least a page. 0: default. */
	unsigned long buffer_bytes_dim;
	/* Bytes of I/O data kept per event, at most SCAP_MAX_SNAPLEN. 0: the default (80). */
	uint32_t snaplen;
	/*
	 * The syscalls to capture, by x86_64 number. If none is set, all are
	 * captured. Syscalls left out cost almost nothing in the kernel.
	 */
	bool interesting_syscalls[SYSCALL_TABLE_SIZE];
	/* Print libbpf's messages (verifier log included) to stderr. */
	bool verbose;
};

struct scap_stats {
	uint64_t n_evts;		/* events the driver wrote */
	uint64_t n_drops;		/* events lost, all reasons */
	uint64_t n_drops_buffer;	/* ... because a ring buffer was full */
	uint64_t n_drops_max_event_size;/* ... because an event was too large */
	uint64_t n_fault_reads;		/* params left empty: memory unreadable */
};

typedef struct scap scap_t;

/*
 * Load and set up the engine (nothing is captured until scap_start_capture).
 * Returns a handle, or NULL with *rc set and the reason in error.
 */
scap_t *scap_open(const struct scap_open_args *args, char *error, int32_t *rc);
int32_t scap_start_capture(scap_t *handle);
/*
 * The oldest event not yet returned, over all CPUs.
 *
 * SCAP_SUCCESS: *evt points into the engine's buffer and stays valid until
 * the next call; *cpu is the CPU it was captured on. The event fits in the
 * bytes it occupies there: evt->len bytes from evt may be read. libscap
 * checked it for every engine, so the decoder (scap_event_decode(evt,
 * evt->len, ...)) and its callers never read past an event.
 * SCAP_TIMEOUT: nothing arrived within a short wait (about 10 ms); call
 * again.
 * SCAP_FAILURE: a corrupt buffer (an event longer than its record);
 * scap_getlasterr() says where. The event is skipped: calling again goes on.
 */
int32_t scap_next(scap_t *handle, struct ppm_evt_hdr **evt, uint16_t *cpu);
int32_t scap_stop_capture(scap_t *handle);
int32_t scap_get_stats(scap_t *handle, struct scap_stats *stats);
/* Number of per-CPU buffers the engine reads. */
uint32_t scap_get_ndevs(scap_t *handle);
const char *scap_getlasterr(scap_t *handle);
void scap_close(scap_t *handle);

#endif /* SCAPLAB_SCAP_H */
