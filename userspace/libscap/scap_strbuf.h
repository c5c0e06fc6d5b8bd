/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * strbuf: a growable, always NUL-terminated string buffer.
 *
 * The formatters write events of any length (a path is up to 4 KiB, an
 * execve's args more), so they append to one of these instead of a fixed
 * char array that would cut the text short.
 *
 *   struct scap_strbuf sb;
 *   if (scap_strbuf_init(&sb))
 *           ... out of memory ...
 *   scap_strbuf_appendf(&sb, "fd=%d", 3);
 *   if (scap_strbuf_failed(&sb))
 *           ... some append ran out of memory ...
 *   fwrite(scap_strbuf_str(&sb), 1, scap_strbuf_len(&sb), stdout);
 *   scap_strbuf_reset(&sb);                 // empty again, memory kept
 *   scap_strbuf_free(&sb);
 *
 * An append that cannot allocate leaves the text as it was, returns -1 and
 * marks the buffer failed until the next scap_strbuf_reset, so a caller that
 * appends many pieces may check once at the end.
 */
#ifndef SCAPLAB_STRBUF_H
#define SCAPLAB_STRBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct scap_strbuf {
	char *buf;	/* the text, NUL-terminated; NULL before scap_strbuf_init */
	size_t len;	/* bytes of text, the NUL not counted */
	size_t cap;	/* bytes allocated at buf */
	bool failed;	/* an append ran out of memory since the last reset */
};

/* Allocate a small empty buffer. Returns 0, or -1 if out of memory. */
int scap_strbuf_init(struct scap_strbuf *sb);

/* Append the C string s. Returns 0, or -1 if out of memory. */
int scap_strbuf_append(struct scap_strbuf *sb, const char *s);

/* Append n bytes of data (which may hold NULs). Returns 0, or -1. */
int scap_strbuf_append_bytes(struct scap_strbuf *sb, const void *data, size_t n);

/* Append one character. Returns 0, or -1. */
int scap_strbuf_append_char(struct scap_strbuf *sb, char c);

/*
 * Append a number in decimal: what printf's %llu and %lld write, without
 * printf's cost (a reader formats millions of them). Returns 0, or -1.
 */
int scap_strbuf_append_u64(struct scap_strbuf *sb, uint64_t x);
int scap_strbuf_append_s64(struct scap_strbuf *sb, int64_t x);

/* Append printf-style text, however long. Returns 0, or -1. */
int scap_strbuf_appendf(struct scap_strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Make the text empty and clear the failed mark; the memory is kept. */
void scap_strbuf_reset(struct scap_strbuf *sb);

/* Cut the text back to its first len bytes (a len past the end changes nothing). */
void scap_strbuf_truncate(struct scap_strbuf *sb, size_t len);

/* Release the memory. The buffer may be used again after scap_strbuf_init. */
void scap_strbuf_free(struct scap_strbuf *sb);

/* The text so far; "" if nothing was ever allocated. */
const char *scap_strbuf_str(const struct scap_strbuf *sb);

/* Bytes of text so far. */
size_t scap_strbuf_len(const struct scap_strbuf *sb);

/* Did an append run out of memory since the last reset? */
bool scap_strbuf_failed(const struct scap_strbuf *sb);

#endif /* SCAPLAB_STRBUF_H */
