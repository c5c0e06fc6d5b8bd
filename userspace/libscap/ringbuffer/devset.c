// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * See devset.h. The engine's buffers are read in place: no event is copied
 * between the kernel's buffer and the caller.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "devset.h"
#include "scap.h"
#include "scap_merge.h"

int scap_devset_init(struct scap_devset *ds, uint32_t ndevs, const struct scap_dev_ops *ops,
		     void *ctx, long wait_ns)
{
	memset(ds, 0, sizeof(*ds));
	ds->heads = calloc(ndevs, sizeof(*ds->heads));
	ds->head_bytes = calloc(ndevs, sizeof(*ds->head_bytes));
	if (!ds->heads || !ds->head_bytes) {
		scap_devset_fini(ds);
		return -1;
	}
	ds->ops = ops;
	ds->ctx = ctx;
	ds->ndevs = ndevs;
	ds->last = -1;
	ds->wait_ns = wait_ns ? wait_ns : SCAP_DEVSET_WAIT_NS;
	return 0;
}

/*
 * Peek every buffer whose head is not known yet. A record too short for
 * an event header is returned at once (its index; else -1): the merge
 * must not read a timestamp it does not have, and scap.c rejects it.
 */
static int refresh_heads(struct scap_devset *ds)
{
	for (uint32_t dev = 0; dev < ds->ndevs; dev++) {
		if (ds->heads[dev])
			continue;
		ds->heads[dev] = ds->ops->peek(ds->ctx, dev, &ds->head_bytes[dev]);
		if (ds->heads[dev] && ds->head_bytes[dev] < PPM_EVT_HDR_SIZE)
			return dev;
	}
	return -1;
}

static int pick(struct scap_devset *ds)
{
	int short_record = refresh_heads(ds);

	return short_record >= 0 ? short_record : scap_merge_pick_oldest(ds->heads, ds->ndevs);
}

int32_t scap_devset_next(struct scap_devset *ds, struct ppm_evt_hdr **evt, uint16_t *dev,
			 uint32_t *bytes)
{
	int d;

	/* The caller is done with the event we returned last: free its space. */
	if (ds->last >= 0) {
		uint32_t rec = ds->head_bytes[ds->last];
		uint32_t len = rec < PPM_EVT_HDR_SIZE ? rec : ds->heads[ds->last]->len;

		/*
		 * A corrupt length (shorter than a header, or past the record)
		 * gives back the whole record: a byte-stream engine that moved
		 * by 0 would return the same corrupt event forever.
		 */
		if (len < PPM_EVT_HDR_SIZE || len > rec)
			len = rec;
		ds->ops->consume(ds->ctx, ds->last, len);
		ds->heads[ds->last] = NULL;
		ds->last = -1;
	}

	d = pick(ds);
	if (d < 0) {
		struct timespec wait = { .tv_sec = ds->wait_ns / 1000000000L,
					 .tv_nsec = ds->wait_ns % 1000000000L };

		/* Every buffer is empty: let the writers fill them a while. */
		if (ds->idle_wait)
			ds->idle_wait(ds->idle_ctx);
		else
			nanosleep(&wait, NULL);
		d = pick(ds);
		if (d < 0)
			return SCAP_TIMEOUT;
	}
	ds->last = d;
	*evt = ds->heads[d];
	*dev = d;
	*bytes = ds->head_bytes[d];
	return SCAP_SUCCESS;
}

void scap_devset_set_idle_wait(struct scap_devset *ds, void (*idle_wait)(void *ctx), void *ctx)
{
	ds->idle_wait = idle_wait;
	ds->idle_ctx = ctx;
}

void scap_devset_fini(struct scap_devset *ds)
{
	free(ds->heads);
	free(ds->head_bytes);
	memset(ds, 0, sizeof(*ds));
}
