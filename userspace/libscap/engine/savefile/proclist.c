// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * See proclist.h. One entry of a v9 process list, as far as it is read:
 *
 *   u32 entry_len (counting itself) | u64 tid | u64 pid | u64 ptid | u64 sid |
 *   u64 vpgid | u16 comm_len | comm (no NUL) | exe | exepath | args | cwd
 *   (each a u16 length and its bytes) | u64 fdlimit | u32 flags | u32 uid |
 *   u32 gid | ... (the rest: skipped)
 *
 * What follows comm is read as far as the entry holds it; a field cut
 * short by the entry's end is left unknown.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "proclist.h"
#include "scap_error.h"

#define ENTRY_LEN_SIZE 4
#define COMM_LEN_AT 44		/* after entry_len and the five u64s */
#define COMM_AT 46
/* Blocks are padded to 4 bytes: fewer bytes than an entry_len are padding. */
#define MIN_ENTRY ENTRY_LEN_SIZE

static struct scap_threadinfo *append(struct scap_proclist *pl)
{
	if (pl->n == pl->cap) {
		uint32_t cap = pl->cap ? pl->cap * 2 : 64;
		struct scap_threadinfo *t = realloc(pl->threads, cap * sizeof(*t));

		if (!t)
			return NULL;
		pl->threads = t;
		pl->cap = cap;
	}
	return &pl->threads[pl->n++];
}

/*
 * A u16-length string at *at, if the entry holds it all: copied into dst
 * (cut to its size, NUL-terminated unless raw). Its length, or -1.
 */
static int read_str(const uint8_t *e, uint32_t entry_len, uint32_t *at, char *dst,
		    size_t size, bool raw)
{
	uint16_t len;
	size_t n;

	if (*at + 2u > entry_len)
		return -1;
	memcpy(&len, e + *at, 2);
	if (*at + 2u + len > entry_len)
		return -1;
	n = len < size - (raw ? 0 : 1) ? len : size - (raw ? 0 : 1);
	if (dst) {
		memcpy(dst, e + *at + 2, n);
		if (!raw)
			dst[n] = '\0';
	}
	*at += 2u + len;
	return (int)n;
}

/* exe, exepath, args, cwd, uid and gid: what follows comm, as far as the entry holds it. */
static void read_rest(struct scap_threadinfo *t, const uint8_t *e, uint32_t entry_len,
		      uint32_t at)
{
	int args;

	t->exe[0] = t->exepath[0] = t->cwd[0] = '\0';
	t->args_len = 0;
	t->uid = t->gid = (uint32_t)-1;
	if (read_str(e, entry_len, &at, t->exe, sizeof(t->exe), false) < 0 ||
	    read_str(e, entry_len, &at, t->exepath, sizeof(t->exepath), false) < 0 ||
	    (args = read_str(e, entry_len, &at, t->args, sizeof(t->args), true)) < 0)
		return;
	t->args_len = (uint16_t)args;
	if (read_str(e, entry_len, &at, t->cwd, sizeof(t->cwd), false) < 0 ||
	    at + 8u + 4u + 8u > entry_len)	/* fdlimit, flags, uid and gid */
		return;
	memcpy(&t->uid, e + at + 12, 4);
	memcpy(&t->gid, e + at + 16, 4);
}

int32_t scap_proclist_read_v9(struct scap_proclist *pl, const uint8_t *body, uint32_t len,
			      uint64_t block_offset, const char *fname, char *err)
{
	uint32_t off = 0;

	for (uint32_t i = 1; len - off >= MIN_ENTRY; i++) {
		/* 8: the block's header; the body starts after it. */
		unsigned long long at = block_offset + 8 + off;
		const uint8_t *e = body + off;
		struct scap_threadinfo *t;
		uint32_t entry_len;
		uint16_t comm_len;

		memcpy(&entry_len, e, sizeof(entry_len));
		if (entry_len < COMM_AT || entry_len > len - off)
			return scap_errprintf(
				err,
				"%s: process list at byte %llu: entry %u (byte %llu) says "
				"it is %u bytes; it must hold at least %u and fit in the %u "
				"left",
				fname, (unsigned long long)block_offset, i, at, entry_len, COMM_AT,
				len - off);
		memcpy(&comm_len, e + COMM_LEN_AT, sizeof(comm_len));
		if (comm_len > entry_len - COMM_AT)
			return scap_errprintf(err,
					      "%s: process list at byte %llu: the comm of entry %u "
					      "(byte %llu) is %u bytes, past the entry's end",
					      fname, (unsigned long long)block_offset, i, at,
					      comm_len);
		t = append(pl);
		if (!t)
			return scap_errprintf(err, "out of memory for the process list");
		memcpy(&t->tid, e + 4, sizeof(t->tid));
		memcpy(&t->pid, e + 12, sizeof(t->pid));
		memcpy(&t->ptid, e + 20, sizeof(t->ptid));
		read_rest(t, e, entry_len, COMM_AT + comm_len);
		/* The file's comm has no NUL; the kernel's is at most 15 bytes anyway. */
		if (comm_len > sizeof(t->comm) - 1)
			comm_len = sizeof(t->comm) - 1;
		memcpy(t->comm, e + COMM_AT, comm_len);
		t->comm[comm_len] = '\0';
		off += entry_len;
	}
	return SCAP_SUCCESS;
}

void scap_proclist_free(struct scap_proclist *pl)
{
	free(pl->threads);
	memset(pl, 0, sizeof(*pl));
}
