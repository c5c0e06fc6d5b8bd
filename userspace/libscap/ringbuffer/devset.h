/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The device set: the per-CPU buffers of a live engine, read as one stream
 * in timestamp order. Falco calls the set of per-CPU buffers a "devset"
 * (one "device" per CPU); so do we.
 *
 * Each engine knows how its own buffers work (a BPF ring buffer, the kernel
 * module's head/tail buffer, a perf buffer) and provides three small
 * operations per buffer (struct scap_dev_ops). This layer owns everything
 * they share:
 *
 *   - the head of every buffer (its oldest event), peeked once and kept;
 *   - the merge: the oldest head of all buffers is the next event
 *     (scap_merge_pick_oldest(), scap_merge.c, lab 02);
 *   - consuming the event the caller had last, when it asks for the next;
 *   - the wait when every buffer is empty.
 *
 *   engine                        devset                         scap.c
 *   peek(dev 0) ──► [t=10] ─┐
 *   peek(dev 1) ──► [t=20] ─┼─ pick oldest ─► event, dev, bytes ─► length check
 *   peek(dev 2) ──► NULL   ─┘                                     ─► caller
 *   consume(dev 0) ◄─────────── on the next scap_next
 *
 * The caller of scap_devset_next() gets the event's record size with it;
 * scap_next() (scap.c) checks that the event fits in it, for every
 * engine, before any event leaves libscap.
 */
#ifndef SCAPLAB_DEVSET_H
#define SCAPLAB_DEVSET_H

#include <stdint.h>
#include "ppm_events_public.h"

/*
 * What an engine provides for each of its buffers. ctx is the engine's
 * own pointer, given to scap_devset_init(); dev is a buffer's index
 * (its CPU), 0 <= dev < ndevs. The layer calls them from one thread.
 */
struct scap_dev_ops {
	/*
	 * The oldest complete record of buffer dev, or NULL if there is none
	 * yet. *bytes: how many bytes from the returned pointer belong to the
	 * record; the event in it must fit in them, or it is corrupt.
	 *
	 * Ownership: the record stays in the buffer, untouched by the writer
	 * and valid, until consume(dev) is called; the pointer is invalid
	 * after that. Peek is called again only after consume.
	 *
	 * Memory ordering: the engine must return a record only once the
	 * writer has published all of it (for a BPF ring, an acquire load of
	 * its length word that finds the BUSY bit clear), so that every byte
	 * of it is visible to this thread.
	 */
	void *(*peek)(void *ctx, uint32_t dev, uint32_t *bytes);
	/*
	 * Give the record of the last peek(dev) back to the writer. evt_len is
	 * the length its event says it has (hdr->len); an engine whose
	 * buffer is a byte stream advances by it, one of whose records have
	 * their own size (a BPF ring) may ignore it. The engine publishes the
	 * new position with a release store, so the writer reuses the space
	 * only after this thread is done reading it.
	 */
	void (*consume)(void *ctx, uint32_t dev, uint32_t evt_len);
};

struct scap_devset {
	const struct scap_dev_ops *ops;
	void *ctx;
	uint32_t ndevs;
	struct ppm_evt_hdr **heads;	/* head of each buffer, NULL if none peeked */
	uint32_t *head_bytes;		/* bytes of each head's record */
	int last;			/* buffer of the event returned last, or -1 */
	long wait_ns;			/* sleep when every buffer is empty */
	/* If set, called instead of that sleep (scap_devset_set_idle_wait). */
	void (*idle_wait)(void *ctx);
	void *idle_ctx;
};

/* How long scap_devset_next() sleeps when every buffer is empty, by default. */
#define SCAP_DEVSET_WAIT_NS (10 * 1000 * 1000)

/*
 * Set up a devset of ndevs buffers read through ops. 0, or -1 if memory
 * ran out. wait_ns: the sleep when every buffer is empty (0: the default).
 */
int scap_devset_init(struct scap_devset *ds, uint32_t ndevs, const struct scap_dev_ops *ops,
		     void *ctx, long wait_ns);

/*
 * Let the engine wait its own way when every buffer is empty: idle_wait
 * is called instead of the sleep of wait_ns, and returns when data may be
 * there (the buffers are looked at again) or its own time is up.
 */
void scap_devset_set_idle_wait(struct scap_devset *ds, void (*idle_wait)(void *ctx), void *ctx);

/*
 * The oldest event of all buffers. First consumes the event returned by
 * the previous call: the caller must be done with it.
 *
 * SCAP_SUCCESS: *evt points into buffer *dev, its record is *bytes long,
 * and it stays valid until the next call. SCAP_TIMEOUT: every buffer was
 * still empty after a wait of ds->wait_ns (or after idle_wait).
 */
int32_t scap_devset_next(struct scap_devset *ds, struct ppm_evt_hdr **evt, uint16_t *dev,
			 uint32_t *bytes);

/* Free the heads; the engine frees its buffers. Safe on a zeroed devset. */
void scap_devset_fini(struct scap_devset *ds);

#endif /* SCAPLAB_DEVSET_H */
