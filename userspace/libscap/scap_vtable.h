/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The engine vtable: what a capture engine (modern_bpf, kmod, savefile;
 * later bpf) provides so that scap.c can drive it without knowing which
 * one it is. A new engine is one folder, engine/NAME/, that defines one
 * struct scap_vtable, and one line in scap.c's engine table.
 *
 * scap.c checks the caller's arguments and the handle; an engine may
 * assume they are sane. It also checks every event an engine returns
 * against the bytes it occupies (the length contract, scap_next in scap.h),
 * so no engine repeats that check.
 *
 * Every operation returns SCAP_SUCCESS or SCAP_FAILURE and, on failure,
 * writes the reason into lasterr (SCAP_LASTERR_SIZE bytes), naming the
 * step that failed. Other codes are listed per operation. An engine keeps
 * all its state in its handle: two handles in one process never see each
 * other.
 *
 * A live engine with per-CPU buffers implements next with the shared
 * device set (ringbuffer/devset.h): it only says how to peek and consume
 * one record of one buffer.
 */
#ifndef SCAPLAB_SCAP_VTABLE_H
#define SCAPLAB_SCAP_VTABLE_H

#include "scap.h"

struct scap_engine_handle;	/* each engine defines its own */

struct scap_vtable {
	const char *name;
	enum scap_mode mode;	/* the mode it serves: a live engine cannot read a file */

	/*
	 * Allocate the engine's state and load its driver (or open its file).
	 * args->engine_params is the engine's own struct or NULL; a wrong one
	 * is SCAP_ILLEGAL_INPUT. On failure nothing stays loaded and *engine
	 * is NULL.
	 */
	int32_t (*init)(struct scap_engine_handle **engine, const struct scap_open_args *args,
			char *lasterr);

	/*
	 * Live: attach to the kernel, events start to flow. Idempotent.
	 * NULL for an engine that reads a file (scap.c answers
	 * SCAP_NOT_SUPPORTED).
	 */
	int32_t (*start_capture)(struct scap_engine_handle *engine, char *lasterr);

	/* Live: detach, no new events; buffered events can still be read. Idempotent. */
	int32_t (*stop_capture)(struct scap_engine_handle *engine, char *lasterr);

	/*
	 * The oldest unread event: SCAP_SUCCESS with *evt, *cpu and *bytes
	 * (the bytes the event's record occupies, at least as many as may be
	 * read from *evt) set. The event stays valid until the next call.
	 * SCAP_TIMEOUT if no event came within a short wait (scap.c turns it
	 * into SCAP_STOPPED once the capture is stopped); SCAP_EOF if none
	 * ever will (the end of a file); SCAP_FAILURE on a corrupt buffer.
	 * An engine that cannot go on after a failure (a file whose framing
	 * is broken) fails again on every later call, never crashes.
	 */
	int32_t (*next)(struct scap_engine_handle *engine, struct ppm_evt_hdr **evt,
			uint16_t *cpu, uint32_t *bytes, char *lasterr);

	/*
	 * The driver's counters summed over all CPUs (stats is zeroed by
	 * scap.c). NULL where there are none, as for a file: scap.c answers
	 * SCAP_NOT_SUPPORTED.
	 */
	int32_t (*get_stats)(struct scap_engine_handle *engine, struct scap_stats *stats,
			     char *lasterr);

	/*
	 * A capture file's counters (stats is zeroed by scap.c). NULL for a
	 * live engine: scap.c answers SCAP_NOT_SUPPORTED.
	 */
	int32_t (*get_file_stats)(struct scap_engine_handle *engine,
				  struct scap_file_stats *stats);

	/*
	 * The process list of a capture file, valid until close. NULL for a
	 * live engine: scap.c answers SCAP_NOT_SUPPORTED.
	 */
	int32_t (*get_proc_table)(struct scap_engine_handle *engine,
				  const struct scap_threadinfo **threads, uint32_t *n);

	/*
	 * The machine a capture file names. NULL for a live engine: scap.c
	 * reads this machine. SCAP_NOT_SUPPORTED for a file without one.
	 */
	int32_t (*get_machine_info)(struct scap_engine_handle *engine,
				    struct scap_machine_info *mi);

	/* Number of per-CPU buffers (1 for a file). Cannot fail. */
	uint32_t (*get_ndevs)(struct scap_engine_handle *engine);

	/* Detach, unload, free. Cannot fail; engine may be NULL. */
	void (*close)(struct scap_engine_handle *engine);
};

#endif /* SCAPLAB_SCAP_VTABLE_H */
