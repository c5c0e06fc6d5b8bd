// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The libscap front door (scap.h): picks the engine's vtable and forwards
 * every call to it, after checking the caller's arguments.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "scap.h"
#include "scap_vtable.h"

struct scap {
	const struct scap_vtable *vtable;
	struct scap_engine_handle *engine;
	char lasterr[SCAP_LASTERR_SIZE];
};

static const struct scap_vtable *engine_vtable(enum scap_engine_kind kind)
{
	switch (kind) {
	case SCAP_ENGINE_MODERN_BPF:
		return &scap_modern_bpf_engine;
	}
	return NULL;
}

/* A ring buffer must be a power of 2 and a whole number of pages. */
static bool buffer_size_is_valid(unsigned long bytes)
{
	return bytes >= 4096 && (bytes & (bytes - 1)) == 0;
}

scap_t *scap_open(const struct scap_open_args *args, char *error, int32_t *rc)
{
	scap_t *handle;

	if (!args || !error || !rc) {
		if (rc)
			*rc = SCAP_ILLEGAL_INPUT;
		return NULL;
	}
	if (!engine_vtable(args->engine)) {
		snprintf(error, SCAP_LASTERR_SIZE, "unknown engine %d", args->engine);
		*rc = SCAP_ILLEGAL_INPUT;
		return NULL;
	}
	if (args->buffer_bytes_dim && !buffer_size_is_valid(args->buffer_bytes_dim)) {
		snprintf(error, SCAP_LASTERR_SIZE,
			 "buffer size %lu is not a power of 2 of at least 4096 bytes",
			 args->buffer_bytes_dim);
		*rc = SCAP_ILLEGAL_INPUT;
		return NULL;
	}

	if (args->snaplen > SCAP_MAX_SNAPLEN) {
		snprintf(error, SCAP_LASTERR_SIZE, "snaplen %u is above the maximum, %u",
			 args->snaplen, SCAP_MAX_SNAPLEN);
		*rc = SCAP_ILLEGAL_INPUT;
		return NULL;
	}

	handle = calloc(1, sizeof(*handle));
	if (!handle) {
		snprintf(error, SCAP_LASTERR_SIZE, "out of memory allocating the handle");
		*rc = SCAP_FAILURE;
		return NULL;
	}
	handle->vtable = engine_vtable(args->engine);
	*rc = handle->vtable->init(&handle->engine, args, error);
	if (*rc != SCAP_SUCCESS) {
		free(handle);
		return NULL;
	}
	return handle;
}

int32_t scap_start_capture(scap_t *handle)
{
	return handle->vtable->start_capture(handle->engine, handle->lasterr);
}

int32_t scap_stop_capture(scap_t *handle)
{
	return handle->vtable->stop_capture(handle->engine, handle->lasterr);
}

int32_t scap_next(scap_t *handle, struct ppm_evt_hdr **evt, uint16_t *cpu)
{
	uint32_t bytes;
	int32_t rc;

	rc = handle->vtable->next(handle->engine, evt, cpu, &bytes, handle->lasterr);
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
	memset(stats, 0, sizeof(*stats));
	return handle->vtable->get_stats(handle->engine, stats, handle->lasterr);
}

uint32_t scap_get_ndevs(scap_t *handle)
{
	return handle->vtable->get_ndevs(handle->engine);
}

const char *scap_getlasterr(scap_t *handle)
{
	return handle->lasterr;
}

void scap_close(scap_t *handle)
{
	if (!handle)
		return;
	handle->vtable->close(handle->engine);
	free(handle);
}
