// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The capture file writer (scap_dump_open, scap_dump, scap_dump_close in
 * scap.h): Falco's block format, engine/savefile/scap_savefile.h, written
 * from the format's facts, in the order sysdig writes it:
 *
 *   section header | machine info | process list v9 | event | event | ...
 *
 * Blocks are gathered whole in a buffer and written 1 MiB at a time, so
 * the file only ever grows by whole blocks. When a write fails (a full
 * disk), the file is cut back to the end of the last write that
 * succeeded: it stays a readable file of every event before it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "engine/savefile/scap_savefile.h"
#include "scap_error.h"
#include "scap_machine.h"

#define DUMP_BUFFER_BYTES (1024 * 1024)
/* The version sysdig 0.29 writes: 1.2. */
#define DUMP_MINOR_VERSION 2

struct scap_dumper {
	int fd;
	char *fname;
	uint8_t *buf;
	size_t len, cap;
	uint64_t written;	/* bytes in the file: whole blocks only */
	uint64_t n_evts;	/* events given to scap_dump */
	uint64_t n_evts_written;/* ... of which in the file */
	uint32_t buffered_evts;	/* ... of which in the buffer */
	bool failed;
	char lasterr[SCAP_LASTERR_SIZE];
};

/*
 * Of the first n bytes of the buffer, how many make whole blocks; *evts
 * gets the number of event blocks among them.
 */
static size_t whole_blocks(const scap_dumper_t *d, size_t n, uint32_t *evts)
{
	size_t at = 0;

	*evts = 0;
	while (at + BLOCK_HEADER_SIZE <= d->len) {
		struct block_header h;

		memcpy(&h, d->buf + at, sizeof(h));
		if (at + h.block_total_length > n)
			break;
		*evts += h.block_type == EV_BLOCK_TYPE_V2;
		at += h.block_total_length;
	}
	return at;
}

/*
 * Write out the buffer. If the disk fills up part way, the file is cut
 * back to the last whole block that reached it.
 */
static int32_t flush_buffer(scap_dumper_t *d)
{
	size_t off = 0;
	uint32_t evts;

	while (off < d->len) {
		ssize_t n = write(d->fd, d->buf + off, d->len - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			int err = n < 0 ? errno : ENOSPC;
			size_t keep = whole_blocks(d, off, &evts);

			/* Not possible on a pipe or a device: then what was written stays. */
			if (ftruncate(d->fd, d->written + keep) == 0)
				lseek(d->fd, d->written + keep, SEEK_SET);
			d->n_evts_written += evts;
			d->buffered_evts = 0;
			d->failed = true;
			return scap_errprintf(d->lasterr,
					      "writing %s failed at byte %llu: %s; the file keeps "
					      "the %llu events before it",
					      d->fname, (unsigned long long)(d->written + off),
					      strerror(err), (unsigned long long)d->n_evts_written);
		}
		off += n;
	}
	d->written += d->len;
	d->n_evts_written += d->buffered_evts;
	d->buffered_evts = 0;
	d->len = 0;
	return SCAP_SUCCESS;
}

/* Room for a block of total bytes in the buffer (it grows for a large one). */
static int32_t reserve(scap_dumper_t *d, size_t total)
{
	if (d->len + total > d->cap && d->len && flush_buffer(d))
		return SCAP_FAILURE;
	if (total > d->cap) {
		uint8_t *buf = realloc(d->buf, total);

		if (!buf) {
			d->failed = true;
			return scap_errprintf(d->lasterr, "out of memory for a %zu-byte block",
					      total);
		}
		d->buf = buf;
		d->cap = total;
	}
	return SCAP_SUCCESS;
}

/* One block: header, the parts of its body, padding to 4, the length again. */
struct part {
	const void *p;
	size_t n;
};

static int32_t put_block(scap_dumper_t *d, uint32_t type, const struct part *parts, int nparts)
{
	struct block_header h = { type, 0 };
	size_t body = 0, pad;
	uint8_t *w;

	if (d->failed)
		return SCAP_FAILURE;
	for (int i = 0; i < nparts; i++)
		body += parts[i].n;
	pad = (4 - body % 4) % 4;
	h.block_total_length = BLOCK_HEADER_SIZE + body + pad + BLOCK_TRAILER_SIZE;
	if (reserve(d, h.block_total_length))
		return SCAP_FAILURE;
	w = d->buf + d->len;
	memcpy(w, &h, sizeof(h));
	w += sizeof(h);
	for (int i = 0; i < nparts; i++) {
		memcpy(w, parts[i].p, parts[i].n);
		w += parts[i].n;
	}
	memset(w, 0, pad);
	memcpy(w + pad, &h.block_total_length, BLOCK_TRAILER_SIZE);
	d->len += h.block_total_length;
	return SCAP_SUCCESS;
}

/* ---- the process list (PL_BLOCK_TYPE_V9), gathered before it is written ---- */

struct proclist {
	uint8_t *buf;
	size_t len, cap;
	bool oom;
};

static void pl_put(struct proclist *pl, const void *p, size_t n)
{
	if (pl->oom)
		return;
	if (pl->len + n > pl->cap) {
		size_t cap = pl->cap ? pl->cap * 2 : 64 * 1024;
		uint8_t *buf;

		while (cap < pl->len + n)
			cap *= 2;
		buf = realloc(pl->buf, cap);
		if (!buf) {
			pl->oom = true;
			return;
		}
		pl->buf = buf;
		pl->cap = cap;
	}
	memcpy(pl->buf + pl->len, p, n);
	pl->len += n;
}

#define PL_PUT(pl, x) pl_put(pl, &(x), sizeof(x))

/* A u16 length, then the bytes, without a NUL (as sysdig writes strings here). */
static void pl_put_str(struct proclist *pl, const char *s, uint16_t n)
{
	PL_PUT(pl, n);
	pl_put(pl, s, n);
}

/*
 * One v9 entry, in the order of the format: its length (counting itself),
 * ids, comm, exe, exepath, args, cwd, fdlimit, flags, uid, gid, memory,
 * page faults, env, vtid, vpid, cgroups, root, loginuid, exe_writable.
 */
static int32_t pl_put_entry(void *ctx, const struct scap_proc_entry *e)
{
	struct proclist *pl = ctx;
	size_t start = pl->len;
	uint32_t len = 0, flags = 0, zero16 = 0;
	uint8_t exe_writable = 0;

	PL_PUT(pl, len);	/* set below */
	PL_PUT(pl, e->tid);
	PL_PUT(pl, e->pid);
	PL_PUT(pl, e->ptid);
	PL_PUT(pl, e->sid);
	PL_PUT(pl, e->vpgid);
	pl_put_str(pl, e->comm, strlen(e->comm));
	pl_put_str(pl, e->exe, strlen(e->exe));
	pl_put_str(pl, e->exepath, strlen(e->exepath));
	pl_put_str(pl, e->args, e->args_len);
	pl_put_str(pl, e->cwd, strlen(e->cwd));
	PL_PUT(pl, e->fdlimit);
	PL_PUT(pl, flags);
	PL_PUT(pl, e->uid);
	PL_PUT(pl, e->gid);
	PL_PUT(pl, e->vmsize_kb);
	PL_PUT(pl, e->vmrss_kb);
	PL_PUT(pl, e->vmswap_kb);
	PL_PUT(pl, e->pfmajor);
	PL_PUT(pl, e->pfminor);
	pl_put(pl, &zero16, 2);		/* env: left out */
	PL_PUT(pl, e->vtid);
	PL_PUT(pl, e->vpid);
	pl_put(pl, &zero16, 2);		/* cgroups: left out */
	pl_put_str(pl, "/", 1);		/* root */
	PL_PUT(pl, e->loginuid);
	PL_PUT(pl, exe_writable);
	if (pl->oom)
		return SCAP_FAILURE;
	len = pl->len - start;
	memcpy(pl->buf + start, &len, sizeof(len));
	return SCAP_SUCCESS;
}

/*
 * A capture file's threads: what its process list said (ids and comm).
 * SCAP_NOT_SUPPORTED for a live engine, which has no such list.
 */
static int32_t file_threads(scap_t *handle, struct proclist *pl)
{
	const struct scap_threadinfo *t;
	uint32_t n;
	int32_t rc = scap_get_proc_table(handle, &t, &n);

	if (rc != SCAP_SUCCESS)
		return rc;
	for (uint32_t i = 0; i < n; i++) {
		struct scap_proc_entry e = {
			.tid = t[i].tid, .pid = t[i].pid, .ptid = t[i].ptid,
			.sid = -1, .vpgid = -1, .vtid = t[i].tid, .vpid = t[i].pid,
			.loginuid = (uint32_t)-1,
		};

		memcpy(e.comm, t[i].comm, sizeof(e.comm));
		if (pl_put_entry(pl, &e))
			return SCAP_FAILURE;
	}
	return SCAP_SUCCESS;
}

static int32_t write_head(scap_dumper_t *d, scap_t *handle)
{
	struct section_header_block shb = {
		SHB_MAGIC, CURRENT_MAJOR_VERSION, DUMP_MINOR_VERSION, (uint64_t)-1
	};
	struct scap_machine_info mi;
	struct proclist pl = { 0 };
	int32_t rc;

	if (put_block(d, SHB_BLOCK_TYPE, &(struct part){ &shb, sizeof(shb) }, 1))
		return SCAP_FAILURE;
	/* A file without machine info is copied without one. */
	if (scap_get_machine_info(handle, &mi) == SCAP_SUCCESS &&
	    put_block(d, MI_BLOCK_TYPE, &(struct part){ &mi, sizeof(mi) }, 1))
		return SCAP_FAILURE;
	rc = file_threads(handle, &pl);
	if (rc == SCAP_NOT_SUPPORTED)	/* live: this machine's threads */
		rc = scap_proc_scan(pl_put_entry, &pl, d->lasterr);
	if (rc == SCAP_SUCCESS && pl.oom)
		rc = scap_errprintf(d->lasterr, "out of memory for the process list");
	if (rc == SCAP_SUCCESS && pl.len)
		rc = put_block(d, PL_BLOCK_TYPE_V9, &(struct part){ pl.buf, pl.len }, 1);
	free(pl.buf);
	return rc;
}

scap_dumper_t *scap_dump_open(scap_t *handle, const char *fname, char *error)
{
	scap_dumper_t *d;

	if (!handle || !fname || !error) {
		if (error)
			snprintf(error, SCAP_LASTERR_SIZE, "scap_dump_open: a NULL argument");
		return NULL;
	}
	d = calloc(1, sizeof(*d));
	if (!d || !(d->fname = strdup(fname)) || !(d->buf = malloc(DUMP_BUFFER_BYTES))) {
		snprintf(error, SCAP_LASTERR_SIZE, "out of memory for the capture file writer");
		goto fail;
	}
	d->cap = DUMP_BUFFER_BYTES;
	d->fd = open(fname, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (d->fd < 0) {
		snprintf(error, SCAP_LASTERR_SIZE, "cannot write %s: %s", fname, strerror(errno));
		goto fail;
	}
	/* The head is written now: a capture that writes no event is still a file. */
	if (write_head(d, handle) || flush_buffer(d)) {
		snprintf(error, SCAP_LASTERR_SIZE, "%s", d->lasterr);
		close(d->fd);
		goto fail;
	}
	return d;

fail:
	if (d) {
		free(d->buf);
		free(d->fname);
		free(d);
	}
	return NULL;
}

int32_t scap_dump(scap_dumper_t *d, const struct ppm_evt_hdr *evt, uint16_t cpu)
{
	struct part parts[] = { { &cpu, sizeof(cpu) }, { evt, evt->len } };

	if (!d || !evt)
		return SCAP_ILLEGAL_INPUT;
	if (put_block(d, EV_BLOCK_TYPE_V2, parts, 2))
		return SCAP_FAILURE;
	d->n_evts++;
	d->buffered_evts++;
	return SCAP_SUCCESS;
}

uint64_t scap_dump_count(const scap_dumper_t *d)
{
	return d ? d->n_evts_written + d->buffered_evts : 0;
}

const char *scap_dump_getlasterr(const scap_dumper_t *d)
{
	return d ? d->lasterr : "no writer (scap_dump_open failed: its error says why)";
}

int32_t scap_dump_close(scap_dumper_t *d, char *error)
{
	int32_t rc = SCAP_SUCCESS;

	if (!d)
		return SCAP_SUCCESS;
	if (!d->failed)
		flush_buffer(d);
	if (close(d->fd) && !d->failed) {
		d->failed = true;
		scap_errprintf(d->lasterr, "closing %s failed: %s", d->fname, strerror(errno));
	}
	if (d->failed) {
		rc = SCAP_FAILURE;
		if (error)
			snprintf(error, SCAP_LASTERR_SIZE, "%s", d->lasterr);
	}
	free(d->buf);
	free(d->fname);
	free(d);
	return rc;
}
