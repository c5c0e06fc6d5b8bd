// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The libscap front door (scap.h): picks the engine's vtable, checks the
 * caller's arguments, forwards every call, and checks every event an
 * engine returns against the bytes it occupies.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "scap.h"
#include "scap_engines.h"
#include "scap_machine.h"
#include "scap_schema.h"
#include "scap_vtable.h"

struct scap {
	const struct scap_vtable *vtable;
	struct scap_engine_handle *engine;
	bool stopped;			/* scap_stop_capture was called */
	char lasterr[SCAP_LASTERR_SIZE];
};

const char *scap_engine_name(enum scap_engine_kind kind)
{
	const struct scap_engine_entry *e = scap_engine_entry(kind);

	return e ? e->name : NULL;
}

bool scap_engine_available(enum scap_engine_kind kind, const char **why_not)
{
	const struct scap_engine_entry *e = scap_engine_entry(kind);

	if (e && e->vtable)
		return true;
	if (why_not)
		*why_not = e ? e->why_missing : "no such engine";
	return false;
}

/* Is args sane for the engine it names? 0, or an SCAP_* code with the reason in error. */
static int32_t check_open_args(const struct scap_open_args *args, char *error)
{
	const struct scap_engine_entry *e = scap_engine_entry(args->engine);

	if (!e) {
		snprintf(error, SCAP_LASTERR_SIZE, "unknown engine %d", args->engine);
		return SCAP_ILLEGAL_INPUT;
	}
	if (!e->vtable) {
		snprintf(error, SCAP_LASTERR_SIZE, "the %s engine is not in this build: %s",
			 e->name, e->why_missing);
		return SCAP_NOT_SUPPORTED;
	}
	if (args->mode != e->vtable->mode) {
		const char *what = e->vtable->mode == SCAP_MODE_LIVE ?
			"captures live; it reads no file" : "reads a file; it cannot capture live";

		snprintf(error, SCAP_LASTERR_SIZE, "the %s engine %s", e->name, what);
		return SCAP_ILLEGAL_INPUT;
	}
	if (args->buffer_bytes_dim && !scap_buffer_size_is_valid(args->buffer_bytes_dim)) {
		snprintf(error, SCAP_LASTERR_SIZE,
			 "buffer size %lu is not a power of 2 of at least 4096 bytes",
			 args->buffer_bytes_dim);
		return SCAP_ILLEGAL_INPUT;
	}
	if (args->snaplen > SCAP_MAX_SNAPLEN) {
		snprintf(error, SCAP_LASTERR_SIZE, "snaplen %u is above the maximum, %u",
			 args->snaplen, SCAP_MAX_SNAPLEN);
		return SCAP_ILLEGAL_INPUT;
	}
	return SCAP_SUCCESS;
}

scap_t *scap_open(const struct scap_open_args *args, char *error, int32_t *rc)
{
	scap_t *handle;

	if (!args || !error || !rc) {
		if (rc)
			*rc = SCAP_ILLEGAL_INPUT;
		return NULL;
	}
	*rc = check_open_args(args, error);
	if (*rc != SCAP_SUCCESS)
		return NULL;
	handle = calloc(1, sizeof(*handle));
	if (!handle) {
		snprintf(error, SCAP_LASTERR_SIZE, "out of memory allocating the handle");
		*rc = SCAP_FAILURE;
		return NULL;
	}
	handle->vtable = scap_engine_entry(args->engine)->vtable;
	*rc = handle->vtable->init(&handle->engine, args, error);
	if (*rc != SCAP_SUCCESS) {
		free(handle);
		return NULL;
	}
	return handle;
}

int32_t scap_start_capture(scap_t *handle)
{
	if (!handle)
		return SCAP_ILLEGAL_INPUT;
	if (!handle->vtable->start_capture) {
		snprintf(handle->lasterr, SCAP_LASTERR_SIZE, "the %s engine captures nothing live",
			 handle->vtable->name);
		return SCAP_NOT_SUPPORTED;
	}
	handle->stopped = false;
	return handle->vtable->start_capture(handle->engine, handle->lasterr);
}

int32_t scap_stop_capture(scap_t *handle)
{
	if (!handle)
		return SCAP_ILLEGAL_INPUT;
	if (!handle->vtable->stop_capture)
		return SCAP_NOT_SUPPORTED;
	handle->stopped = true;
	return handle->vtable->stop_capture(handle->engine, handle->lasterr);
}

int32_t scap_next(scap_t *handle, struct ppm_evt_hdr **evt, uint16_t *cpu)
{
	uint32_t bytes;
	int32_t rc;

	if (!handle || !evt || !cpu)
		return SCAP_ILLEGAL_INPUT;
	rc = handle->vtable->next(handle->engine, evt, cpu, &bytes, handle->lasterr);
	if (rc == SCAP_TIMEOUT && handle->stopped)
		return SCAP_STOPPED;
	if (rc != SCAP_SUCCESS)
		return rc;
	/*
	 * The length contract, once for every engine: the decoder and every
	 * caller trust evt->len, so it must lie inside the record, or they
	 * would read the next event (or past the buffer).
	 */
	if (bytes < PPM_EVT_HDR_SIZE || (*evt)->len < PPM_EVT_HDR_SIZE || (*evt)->len > bytes) {
		snprintf(handle->lasterr, SCAP_LASTERR_SIZE,
			 "corrupt buffer of CPU %u: a %u-byte record holds an event whose "
			 "header says %u bytes", *cpu, bytes,
			 bytes < PPM_EVT_HDR_SIZE ? 0 : (*evt)->len);
		return SCAP_FAILURE;
	}
	return SCAP_SUCCESS;
}

int32_t scap_get_stats(scap_t *handle, struct scap_stats *stats)
{
	if (!handle || !stats)
		return SCAP_ILLEGAL_INPUT;
	memset(stats, 0, sizeof(*stats));
	if (!handle->vtable->get_stats) {
		snprintf(handle->lasterr, SCAP_LASTERR_SIZE, "the %s engine has no statistics",
			 handle->vtable->name);
		return SCAP_NOT_SUPPORTED;
	}
	return handle->vtable->get_stats(handle->engine, stats, handle->lasterr);
}

int32_t scap_get_file_stats(scap_t *handle, struct scap_file_stats *stats)
{
	if (!handle || !stats)
		return SCAP_ILLEGAL_INPUT;
	memset(stats, 0, sizeof(*stats));
	if (!handle->vtable->get_file_stats) {
		snprintf(handle->lasterr, SCAP_LASTERR_SIZE, "the %s engine reads no file",
			 handle->vtable->name);
		return SCAP_NOT_SUPPORTED;
	}
	return handle->vtable->get_file_stats(handle->engine, stats);
}

int32_t scap_get_proc_table(scap_t *handle, const struct scap_threadinfo **threads,
			    uint32_t *n)
{
	if (!handle || !threads || !n)
		return SCAP_ILLEGAL_INPUT;
	*threads = NULL;
	*n = 0;
	if (!handle->vtable->get_proc_table) {
		snprintf(handle->lasterr, SCAP_LASTERR_SIZE,
			 "the %s engine reads no file: ask /proc", handle->vtable->name);
		return SCAP_NOT_SUPPORTED;
	}
	return handle->vtable->get_proc_table(handle->engine, threads, n);
}

int32_t scap_get_machine_info(scap_t *handle, struct scap_machine_info *mi)
{
	if (!handle || !mi)
		return SCAP_ILLEGAL_INPUT;
	memset(mi, 0, sizeof(*mi));
	if (handle->vtable->get_machine_info)
		return handle->vtable->get_machine_info(handle->engine, mi);
	scap_machine_info_of_this_machine(mi);
	return SCAP_SUCCESS;
}

uint32_t scap_get_ndevs(scap_t *handle)
{
	return handle ? handle->vtable->get_ndevs(handle->engine) : 0;
}

const char *scap_getlasterr(scap_t *handle)
{
	return handle ? handle->lasterr : "no handle (scap_open failed: its error says why)";
}

void scap_close(scap_t *handle)
{
	if (!handle)
		return;
	handle->vtable->close(handle->engine);
	free(handle);
}
