// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * See block_reader.h. Try it: build/scap-open -r test/data/falco-kmod-2022.scap -q
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "block_reader.h"
#include "../../scap.h"
#include "scap_error.h"

/*
 * Read exactly n bytes. Returns the bytes read; fewer means the file
 * ended (or a read error, which *err_no then says).
 */
static size_t read_bytes(struct scap_block_reader *r, void *dst, size_t n, int *err_no)
{
	size_t got = fread(dst, 1, n, r->f);

	*err_no = got < n && ferror(r->f) ? errno : 0;
	return got;
}

static int32_t short_read(struct scap_block_reader *r, uint64_t at, size_t got, int err_no,
			  const struct scap_block *b, char *err)
{
	if (err_no)
		return scap_errprintf(err, "%s: reading at byte %llu failed: %s", r->fname,
				      (unsigned long long)at, strerror(err_no));
	return scap_errprintf(err,
			      "%s: truncated at byte %llu, inside the %u-byte block at byte %llu "
			      "(type 0x%x)",
			      r->fname, (unsigned long long)(at + got), b->total_length,
			      (unsigned long long)b->offset, b->type);
}

/* Is b's length one a block can have here? The checks of block_reader.h. */
static int32_t check_length(const struct scap_block_reader *r, const struct scap_block *b,
			    char *err)
{
	uint32_t len = b->total_length;

	if (len < BLOCK_HEADER_SIZE + BLOCK_TRAILER_SIZE)
		return scap_errprintf(err,
				      "%s: the block at byte %llu (type 0x%x) says it is %u bytes, "
				      "less than a block's header and trailer (12)",
				      r->fname, (unsigned long long)b->offset, b->type, len);
	if (len % 4)
		return scap_errprintf(err,
				      "%s: the block at byte %llu (type 0x%x) says it is %u bytes, "
				      "not a multiple of 4",
				      r->fname, (unsigned long long)b->offset, b->type, len);
	if (len > SCAP_SAVEFILE_MAX_BLOCK)
		return scap_errprintf(err,
				      "%s: the block at byte %llu (type 0x%x) says it is %u bytes, "
				      "more than the largest this reader accepts (%u)",
				      r->fname, (unsigned long long)b->offset, b->type, len,
				      SCAP_SAVEFILE_MAX_BLOCK);
	/* Known before reading: a lying length is not allocated for. */
	if (r->file_size && b->offset + len > r->file_size)
		return scap_errprintf(
			err,
			"%s: truncated at byte %llu, inside the %u-byte block at byte "
			"%llu (type 0x%x)",
			r->fname, (unsigned long long)r->file_size, len,
			(unsigned long long)b->offset, b->type);
	return SCAP_SUCCESS;
}

/*
 * Read the rest of block b, whose header is read and whose first `have`
 * body bytes are already in r->buf, and check its trailer.
 */
static int32_t read_rest(struct scap_block_reader *r, struct scap_block *b, uint32_t have,
			 char *err)
{
	uint32_t rest = b->total_length - BLOCK_HEADER_SIZE;	/* body + trailer */
	uint32_t trailer;
	size_t got;
	int err_no;

	if (check_length(r, b, err))
		return SCAP_FAILURE;
	if (rest > r->cap) {
		uint32_t cap = r->cap ? r->cap : 4096;
		uint8_t *buf;

		while (cap < rest)
			cap *= 2;
		buf = realloc(r->buf, cap);
		if (!buf)
			return scap_errprintf(err, "out of memory for a %u-byte block",
					      b->total_length);
		r->buf = buf;
		r->cap = cap;
	}
	got = read_bytes(r, r->buf + have, rest - have, &err_no);
	if (got < rest - have)
		return short_read(r, b->offset + BLOCK_HEADER_SIZE + have, got, err_no, b, err);
	memcpy(&trailer, r->buf + rest - BLOCK_TRAILER_SIZE, sizeof(trailer));
	if (trailer != b->total_length)
		return scap_errprintf(err,
				      "%s: the block at byte %llu (type 0x%x) ends with length %u, "
				      "but starts with %u",
				      r->fname, (unsigned long long)b->offset, b->type, trailer,
				      b->total_length);
	b->body = r->buf;
	b->body_len = rest - BLOCK_TRAILER_SIZE;
	r->offset += b->total_length;
	return SCAP_SUCCESS;
}

/* Read a block header at r->offset: SCAP_EOF if none is there at all. */
static int32_t read_header(struct scap_block_reader *r, struct scap_block *b, char *err)
{
	struct block_header bh;
	size_t got;
	int err_no;

	got = read_bytes(r, &bh, sizeof(bh), &err_no);
	if (got == 0 && !err_no)
		return SCAP_EOF;
	if (err_no)
		return scap_errprintf(err, "%s: reading at byte %llu failed: %s", r->fname,
				      (unsigned long long)r->offset, strerror(err_no));
	if (got < sizeof(bh))
		return scap_errprintf(
			err,
			"%s: truncated at byte %llu, inside the header of the block at "
			"byte %llu (%zu of its 8 bytes)",
			r->fname, (unsigned long long)(r->offset + got),
			(unsigned long long)r->offset, got);
	b->type = bh.block_type;
	b->total_length = bh.block_total_length;
	b->offset = r->offset;
	return SCAP_SUCCESS;
}

int32_t scap_block_reader_open(struct scap_block_reader *r, const char *fname,
			       struct scap_block *shb, char *err)
{
	uint32_t magic;
	struct stat st;
	size_t got;
	int err_no;
	int32_t rc;

	memset(r, 0, sizeof(*r));
	r->fname = fname;
	r->f = fopen(fname, "rb");
	if (!r->f)
		return scap_errprintf(err, "cannot open %s: %s", fname, strerror(errno));
	if (fstat(fileno(r->f), &st) == 0 && S_ISREG(st.st_mode))
		r->file_size = st.st_size;

	rc = read_header(r, shb, err);
	if (rc == SCAP_EOF)
		return scap_errprintf(err, "%s is empty, not a capture file", fname);
	if (rc)
		return rc;
	if (shb->type != SHB_BLOCK_TYPE)
		return scap_errprintf(
			err,
			"%s is not a capture file (.scap): it starts with 0x%08x, not "
			"a section header block (0x%08x)",
			fname, shb->type, SHB_BLOCK_TYPE);
	/* Before the length: in the other byte order the length is garbage too. */
	got = read_bytes(r, &magic, sizeof(magic), &err_no);
	if (got < sizeof(magic))
		return short_read(r, BLOCK_HEADER_SIZE, got, err_no, shb, err);
	if (magic == SHB_MAGIC_SWAPPED)
		return scap_errprintf(err,
				      "%s was written on a machine of the other byte order "
				      "(big-endian): this reader reads only little-endian files",
				      fname);
	if (magic != SHB_MAGIC)
		return scap_errprintf(err,
				      "%s is not a capture file (.scap): its byte-order magic is "
				      "0x%08x, not 0x%08x",
				      fname, magic, SHB_MAGIC);
	if (r->cap < sizeof(magic)) {
		r->buf = malloc(4096);
		if (!r->buf)
			return scap_errprintf(err, "out of memory");
		r->cap = 4096;
	}
	memcpy(r->buf, &magic, sizeof(magic));
	return read_rest(r, shb, sizeof(magic), err);
}

int32_t scap_block_next(struct scap_block_reader *r, struct scap_block *b, char *err)
{
	int32_t rc = read_header(r, b, err);

	if (rc)
		return rc;
	return read_rest(r, b, 0, err);
}

void scap_block_reader_close(struct scap_block_reader *r)
{
	if (r->f)
		fclose(r->f);
	free(r->buf);
	memset(r, 0, sizeof(*r));
}
