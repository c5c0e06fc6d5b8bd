// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The savefile engine: reads the events of a capture file (.scap) that
 * Falco's libs or sysdig wrote (`sysdig -w`), one block at a time.
 *
 * Opening (savefile_init):
 *   1. the section header block   our byte order, major version 1
 *   2. the blocks before the      the process list is kept (proclist.c),
 *      first event                the other descriptions skipped
 * Reading (savefile_next): each event block gives one event, checked
 * against its block (its length, its length array); other blocks are
 * skipped, those of a type no version of the format has are counted.
 *
 * A file is untrusted input: every length in it is checked before use
 * (block_reader.c for the blocks, check_event here for the events), and
 * every error names the byte offset.
 *
 * Try it: build/scap-open -r test/data/falco-kmod-2022.scap -n 20
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "block_reader.h"
#include "proclist.h"
#include "savefile_public.h"
#include "scap_savefile.h"
#include "../../scap_vtable.h"
#include "scap_error.h"

struct scap_engine_handle {
	struct scap_block_reader reader;
	struct scap_proclist procs;
	struct scap_file_stats stats;
	struct scap_machine_info machine;
	bool has_machine;		/* the file has a machine info block */
	struct scap_block pending;	/* the first event block, met by init */
	bool has_pending;
	bool broken;			/* the framing is broken: fail from now on */
	char broken_err[SCAP_LASTERR_SIZE];
};

/* A section header block's body: can we read the section it starts? */
static int32_t check_section(struct scap_engine_handle *h, const struct scap_block *b,
			     char *err)
{
	struct section_header_block shb;
	const char *fname = h->reader.fname;

	if (b->body_len < sizeof(shb))
		return scap_errprintf(
			err,
			"%s: the section header block at byte %llu has a %u-byte body, "
			"less than the %zu it needs",
			fname, (unsigned long long)b->offset, b->body_len, sizeof(shb));
	memcpy(&shb, b->body, sizeof(shb));
	/* A later section may have been written elsewhere: checked again. */
	if (shb.byte_order_magic == SHB_MAGIC_SWAPPED)
		return scap_errprintf(
			err,
			"%s: the section at byte %llu was written in the other byte "
			"order (big-endian): this reader reads only little-endian files",
			fname, (unsigned long long)b->offset);
	if (shb.byte_order_magic != SHB_MAGIC)
		return scap_errprintf(
			err,
			"%s: the section header block at byte %llu has byte-order magic "
			"0x%08x, not 0x%08x",
			fname, (unsigned long long)b->offset, shb.byte_order_magic, SHB_MAGIC);
	if (shb.major_version != CURRENT_MAJOR_VERSION)
		return scap_errprintf(
			err,
			"%s: capture file format version %u.%u is not supported (this "
			"reader reads version %u.x)",
			fname, shb.major_version, shb.minor_version, CURRENT_MAJOR_VERSION);
	h->stats.major_version = shb.major_version;
	h->stats.minor_version = shb.minor_version;
	return SCAP_SUCCESS;
}

enum block_kind { BLOCK_EVENT, BLOCK_SKIP };

/*
 * What to do with block b: an event block to return (BLOCK_EVENT), or
 * anything else, handled here (BLOCK_SKIP). SCAP_FAILURE (as a negative
 * value, -1) if a block's contents are corrupt.
 */
static int classify(struct scap_engine_handle *h, const struct scap_block *b, char *err)
{
	switch (b->type) {
	case EV_BLOCK_TYPE_V2:
	case EVF_BLOCK_TYPE_V2:
		return BLOCK_EVENT;
	case SHB_BLOCK_TYPE:
		return check_section(h, b, err) ? -1 : BLOCK_SKIP;
	case PL_BLOCK_TYPE_V9:
		if (scap_proclist_read_v9(&h->procs, b->body, b->body_len, b->offset,
					  h->reader.fname, err))
			return -1;
		return BLOCK_SKIP;
	/* Known, but in a layout not read here: counted, so nothing is lost silently. */
	case EV_BLOCK_TYPE:
	case EV_BLOCK_TYPE_INT:
	case EVF_BLOCK_TYPE:
	case EV_BLOCK_TYPE_V2_LARGE:
	case EVF_BLOCK_TYPE_V2_LARGE:
	case PL_BLOCK_TYPE_V1: case PL_BLOCK_TYPE_V1_INT:
	case PL_BLOCK_TYPE_V2: case PL_BLOCK_TYPE_V2_INT:
	case PL_BLOCK_TYPE_V3: case PL_BLOCK_TYPE_V3_INT:
	case PL_BLOCK_TYPE_V4: case PL_BLOCK_TYPE_V5: case PL_BLOCK_TYPE_V6:
	case PL_BLOCK_TYPE_V7: case PL_BLOCK_TYPE_V8:
		h->stats.n_blocks_unread++;
		return BLOCK_SKIP;
	case MI_BLOCK_TYPE: case MI_BLOCK_TYPE_INT:
		/* Kept for scap_get_machine_info; a short one is of no use. */
		if (b->body_len >= sizeof(h->machine)) {
			memcpy(&h->machine, b->body, sizeof(h->machine));
			h->machine.hostname[sizeof(h->machine.hostname) - 1] = '\0';
			h->has_machine = true;
		}
		return BLOCK_SKIP;
	/* Known, and of no use to this reader. */
	case IL_BLOCK_TYPE: case IL_BLOCK_TYPE_INT: case IL_BLOCK_TYPE_V2:
	case UL_BLOCK_TYPE: case UL_BLOCK_TYPE_INT: case UL_BLOCK_TYPE_V2:
	case FDL_BLOCK_TYPE: case FDL_BLOCK_TYPE_INT: case FDL_BLOCK_TYPE_V2:
		return BLOCK_SKIP;
	default:
		h->stats.n_blocks_unknown++;
		return BLOCK_SKIP;
	}
}

/*
 * The event in event block b, checked the way scap_next's callers rely
 * on: it fills its block (up to the padding), and its length array and
 * params lie inside it. The schema is not consulted: a file may hold
 * events this libscap does not know, and they are returned too.
 */
static int32_t check_event(const struct scap_engine_handle *h, const struct scap_block *b,
			   struct ppm_evt_hdr **evt, uint16_t *cpu, uint32_t *bytes, char *err)
{
	uint32_t at = b->type == EVF_BLOCK_TYPE_V2 ? 2 + 4 : 2;	/* cpu, [flags] */
	unsigned long long evt_off = b->offset + BLOCK_HEADER_SIZE + at;
	const char *fname = h->reader.fname;
	struct ppm_evt_hdr hdr;
	uint32_t avail, off;

	if (b->body_len < at + PPM_EVT_HDR_SIZE)
		return scap_errprintf(
			err,
			"%s: the event block at byte %llu is too short (%u bytes) for "
			"an event header",
			fname, (unsigned long long)b->offset, b->total_length);
	memcpy(cpu, b->body, sizeof(*cpu));
	memcpy(&hdr, b->body + at, sizeof(hdr));
	avail = b->body_len - at;
	if (hdr.len < PPM_EVT_HDR_SIZE || hdr.len > avail || avail - hdr.len >= 4)
		return scap_errprintf(
			err,
			"%s: the event at byte %llu says it is %u bytes, but its block "
			"holds %u (and at most 3 bytes of padding)",
			fname, evt_off, hdr.len, avail);
	if (hdr.nparams > PPM_MAX_EVENT_PARAMS)
		return scap_errprintf(err,
				      "%s: the event at byte %llu says it has %u params, more than "
				      "any event has (%d)",
				      fname, evt_off, hdr.nparams, PPM_MAX_EVENT_PARAMS);
	off = PPM_EVT_HDR_SIZE + hdr.nparams * PPM_PARAM_LEN_SIZE;
	if (off > hdr.len)
		return scap_errprintf(
			err,
			"%s: the event at byte %llu: its %u param lengths end past its "
			"%u bytes",
			fname, evt_off, hdr.nparams, hdr.len);
	for (uint32_t i = 0; i < hdr.nparams; i++) {
		uint16_t len;

		memcpy(&len, b->body + at + PPM_EVT_HDR_SIZE + i * PPM_PARAM_LEN_SIZE, sizeof(len));
		if (len > hdr.len - off)
			return scap_errprintf(
				err,
				"%s: the event at byte %llu: param %u (%u bytes) runs past "
				"the event's end",
				fname, evt_off, i + 1, len);
		off += len;
	}
	if (off != hdr.len)
		return scap_errprintf(
			err,
			"%s: the event at byte %llu: its params end at byte %u of it, "
			"but it says it is %u bytes",
			fname, evt_off, off, hdr.len);
	/* The body starts 8 bytes into the block: the event is not aligned. Packed: fine. */
	*evt = (struct ppm_evt_hdr *)(b->body + at);
	*bytes = hdr.len;
	return SCAP_SUCCESS;
}

/* Read blocks up to the next event block. SCAP_SUCCESS, SCAP_EOF or SCAP_FAILURE. */
static int32_t next_event_block(struct scap_engine_handle *h, struct scap_block *b, char *err)
{
	for (;;) {
		int32_t rc = scap_block_next(&h->reader, b, err);
		int kind;

		if (rc)
			return rc;
		kind = classify(h, b, err);
		if (kind < 0)
			return SCAP_FAILURE;
		if (kind == BLOCK_EVENT)
			return SCAP_SUCCESS;
	}
}

static void savefile_close(struct scap_engine_handle *h)
{
	if (!h)
		return;
	scap_block_reader_close(&h->reader);
	scap_proclist_free(&h->procs);
	free(h);
}

static int32_t savefile_init(struct scap_engine_handle **engine,
			     const struct scap_open_args *args, char *lasterr)
{
	const struct scap_savefile_engine_params *params = args->engine_params;
	struct scap_engine_handle *h;
	struct scap_block shb;
	int32_t rc;

	*engine = NULL;
	if (!params || !params->fname) {
		snprintf(lasterr, SCAP_LASTERR_SIZE,
			 "the savefile engine needs engine_params with a file name");
		return SCAP_ILLEGAL_INPUT;
	}
	h = calloc(1, sizeof(*h));
	if (!h)
		return scap_errprintf(lasterr, "out of memory for the engine");
	/* Step 1: the section header block. */
	if (scap_block_reader_open(&h->reader, params->fname, &shb, lasterr) ||
	    check_section(h, &shb, lasterr))
		goto cleanup;
	/* Step 2: the descriptions, up to the first event, so the process list is complete. */
	rc = next_event_block(h, &h->pending, lasterr);
	if (rc == SCAP_FAILURE)
		goto cleanup;
	h->has_pending = rc == SCAP_SUCCESS;
	*engine = h;
	return SCAP_SUCCESS;

cleanup:
	savefile_close(h);
	return SCAP_FAILURE;
}

static int32_t savefile_next(struct scap_engine_handle *h, struct ppm_evt_hdr **evt,
			     uint16_t *cpu, uint32_t *bytes, char *lasterr)
{
	struct scap_block b;
	int32_t rc;

	if (h->broken) {
		snprintf(lasterr, SCAP_LASTERR_SIZE, "%s", h->broken_err);
		return SCAP_FAILURE;
	}
	if (h->has_pending) {
		b = h->pending;
		h->has_pending = false;
	} else {
		rc = next_event_block(h, &b, lasterr);
		if (rc == SCAP_EOF)
			return SCAP_EOF;
		if (rc) {
			/* No block boundary can be trusted after this one. */
			h->broken = true;
			snprintf(h->broken_err, sizeof(h->broken_err), "%s", lasterr);
			return rc;
		}
	}
	/* A bad event in a sound block: skipped, and the next call goes on. */
	rc = check_event(h, &b, evt, cpu, bytes, lasterr);
	if (rc == SCAP_SUCCESS)
		h->stats.n_evts++;
	return rc;
}

static int32_t savefile_get_file_stats(struct scap_engine_handle *h,
				       struct scap_file_stats *stats)
{
	*stats = h->stats;
	stats->offset = h->reader.offset;
	return SCAP_SUCCESS;
}

static int32_t savefile_get_proc_table(struct scap_engine_handle *h,
				       const struct scap_threadinfo **threads, uint32_t *n)
{
	*threads = h->procs.threads;
	*n = h->procs.n;
	return SCAP_SUCCESS;
}

static int32_t savefile_get_machine_info(struct scap_engine_handle *h,
					 struct scap_machine_info *mi)
{
	if (!h->has_machine)
		return SCAP_NOT_SUPPORTED;
	*mi = h->machine;
	return SCAP_SUCCESS;
}

static uint32_t savefile_get_ndevs(struct scap_engine_handle *h)
{
	(void)h;
	return 1;
}

const struct scap_vtable scap_savefile_engine = {
	.name = "savefile",
	.mode = SCAP_MODE_CAPTURE,
	.init = savefile_init,
	/* A file captures nothing live: no start_capture, stop_capture, get_stats. */
	.next = savefile_next,
	.get_file_stats = savefile_get_file_stats,
	.get_proc_table = savefile_get_proc_table,
	.get_machine_info = savefile_get_machine_info,
	.get_ndevs = savefile_get_ndevs,
	.close = savefile_close,
};
