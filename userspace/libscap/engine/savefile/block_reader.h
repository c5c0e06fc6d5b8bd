/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Reading a capture file block by block (the layout: scap_savefile.h).
 *
 * Only one block is in memory at a time, in a buffer that grows to the
 * largest block met, so a file of any size can be read. Every length in
 * the file is checked before it is used: a block shorter than its own
 * header, a length that is not a multiple of 4, one larger than the rest
 * of the file or than SCAP_SAVEFILE_MAX_BLOCK, a trailing length that
 * differs from the leading one. Each error names the byte offset.
 *
 * Errors here break the file's framing: once one is returned, no later
 * block can be found, and the reader must not be asked again.
 */
#ifndef SCAPLAB_BLOCK_READER_H
#define SCAPLAB_BLOCK_READER_H

#include <stdint.h>
#include <stdio.h>
#include "scap_savefile.h"

struct scap_block_reader {
	FILE *f;
	const char *fname;	/* for messages; the caller's string */
	uint64_t offset;	/* where the next block starts */
	uint64_t file_size;	/* 0: unknown (a pipe) */
	uint8_t *buf;		/* the body of the last block read */
	uint32_t cap;
};

/* One block, as scap_block_next() returns it. */
struct scap_block {
	uint32_t type;
	uint32_t total_length;
	uint64_t offset;	/* of its first byte in the file */
	const uint8_t *body;	/* valid until the next call; padding included */
	uint32_t body_len;	/* total_length - 12 */
};

/*
 * Open fname and read its first block, which must be a section header
 * block in our byte order (anything else: a clear error, SCAP_FAILURE).
 * *shb is it; its body holds at least the magic.
 */
int32_t scap_block_reader_open(struct scap_block_reader *r, const char *fname,
			       struct scap_block *shb, char *err);

/*
 * The next block. SCAP_SUCCESS and *b; SCAP_EOF if the file ends right
 * before it; SCAP_FAILURE with err naming the offset if the file ends
 * inside it or a length lies.
 */
int32_t scap_block_next(struct scap_block_reader *r, struct scap_block *b, char *err);

/* Close and free. Safe on a zeroed reader. */
void scap_block_reader_close(struct scap_block_reader *r);

#endif /* SCAPLAB_BLOCK_READER_H */
