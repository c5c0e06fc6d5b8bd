// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * strbuf: a growable, always NUL-terminated string buffer (see strbuf.h).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scap_strbuf.h"

#define STRBUF_INITIAL_CAP 256

/*
 * Make room for "extra" more bytes of text plus the NUL. Capacity doubles,
 * so appending n bytes one by one costs O(n) in total, not O(n^2).
 * Returns 0, or -1 (and marks the buffer failed) if out of memory.
 */
static int strbuf_grow(struct scap_strbuf *sb, size_t extra)
{
	size_t need, cap;
	char *p;

	/* len + extra + 1 must not wrap around: a huge request is a failure. */
	if (extra > SIZE_MAX - sb->len - 1)
		goto fail;
	need = sb->len + extra + 1;
	if (need <= sb->cap)
		return 0;

	cap = sb->cap ? sb->cap : STRBUF_INITIAL_CAP;
	while (cap < need) {
		if (cap > SIZE_MAX / 2) {
			cap = need;
			break;
		}
		cap *= 2;
	}
	p = realloc(sb->buf, cap);
	if (!p)
		goto fail;
	/* A buffer that had no memory yet must still read as "". */
	if (!sb->buf)
		p[0] = '\0';
	sb->buf = p;
	sb->cap = cap;
	return 0;
fail:
	sb->failed = true;
	return -1;
}

int scap_strbuf_init(struct scap_strbuf *sb)
{
	sb->buf = NULL;
	sb->len = 0;
	sb->cap = 0;
	sb->failed = false;
	return strbuf_grow(sb, 0);
}

int scap_strbuf_append_bytes(struct scap_strbuf *sb, const void *data, size_t n)
{
	/* The formatters append a few bytes at a time: room is the usual case. */
	if (n >= sb->cap - sb->len && strbuf_grow(sb, n))
		return -1;
	/* memcpy's pointers must be valid even for 0 bytes, and data may be NULL then. */
	if (n)
		memcpy(sb->buf + sb->len, data, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
	return 0;
}

int scap_strbuf_append(struct scap_strbuf *sb, const char *s)
{
	return scap_strbuf_append_bytes(sb, s, strlen(s));
}

int scap_strbuf_append_char(struct scap_strbuf *sb, char c)
{
	if (sb->len + 1 >= sb->cap && strbuf_grow(sb, 1))
		return -1;
	sb->buf[sb->len++] = c;
	sb->buf[sb->len] = '\0';
	return 0;
}

int scap_strbuf_append_u64(struct scap_strbuf *sb, uint64_t x)
{
	char digits[20];	/* 18446744073709551615 */
	int n = sizeof(digits);

	do {
		digits[--n] = (char)('0' + x % 10);
		x /= 10;
	} while (x);
	return scap_strbuf_append_bytes(sb, digits + n, sizeof(digits) - n);
}

int scap_strbuf_append_s64(struct scap_strbuf *sb, int64_t x)
{
	if (x >= 0)
		return scap_strbuf_append_u64(sb, (uint64_t)x);
	/* -(x + 1) + 1: INT64_MIN has no positive twin in int64_t. */
	return scap_strbuf_append_char(sb, '-') ||
	       scap_strbuf_append_u64(sb, (uint64_t)(-(x + 1)) + 1);
}

int scap_strbuf_appendf(struct scap_strbuf *sb, const char *fmt, ...)
{
	size_t room = sb->cap - sb->len;
	va_list ap;
	int n;

	/* Into the room there is: it is almost always enough. */
	va_start(ap, fmt);
	n = sb->buf ? vsnprintf(sb->buf + sb->len, room, fmt, ap) : vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		sb->failed = true;
		if (sb->buf)
			sb->buf[sb->len] = '\0';
		return -1;
	}
	if (sb->buf && (size_t)n < room) {
		sb->len += (size_t)n;
		return 0;
	}
	/* It was cut: make room, and write it again, NUL included. */
	if (strbuf_grow(sb, (size_t)n)) {
		if (sb->buf)
			sb->buf[sb->len] = '\0';	/* not the cut text */
		return -1;
	}
	va_start(ap, fmt);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)n;
	return 0;
}

void scap_strbuf_truncate(struct scap_strbuf *sb, size_t len)
{
	if (!sb->buf || len >= sb->len)
		return;
	sb->len = len;
	sb->buf[len] = '\0';
}

void scap_strbuf_reset(struct scap_strbuf *sb)
{
	sb->len = 0;
	if (sb->buf)
		sb->buf[0] = '\0';
	sb->failed = false;
}

void scap_strbuf_free(struct scap_strbuf *sb)
{
	free(sb->buf);
	sb->buf = NULL;
	sb->len = 0;
	sb->cap = 0;
}

const char *scap_strbuf_str(const struct scap_strbuf *sb)
{
	return sb->buf ? sb->buf : "";
}

size_t scap_strbuf_len(const struct scap_strbuf *sb)
{
	return sb->len;
}

bool scap_strbuf_failed(const struct scap_strbuf *sb)
{
	return sb->failed;
}
