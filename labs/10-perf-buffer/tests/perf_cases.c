// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Lab 10's cases for the perf buffer reader (engine/bpf/perf_buffer.c):
 * records written by hand into a buffer laid out as the kernel lays one
 * out (a metadata page, then the data), so that each case is exact and
 * includes what the kernel does rarely (a record across the end, a lost
 * record) or never (a record of size 0). The live checks do the rest.
 * Prints every case that goes wrong, and exits 1 if one did.
 *
 *   perf_cases peek      scap_perf_buffer_peek() and record_at_tail()  (10.2)
 *   perf_cases consume   scap_perf_buffer_consume() and publish_tail() (10.3)
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/perf_event.h>
#include "engine/bpf/perf_buffer.h"

#define DATA_SIZE 1024	/* bytes of data: a power of 2, as the kernel's; a 16th is 64 */

static struct perf_event_mmap_page meta;
static uint8_t data[DATA_SIZE];
static struct scap_perf_buffer pb;
static uint64_t head;	/* where the next record goes, as the kernel's data_head */
static int failures;

/* An empty buffer whose tail (and head) is at ABSOLUTE position start. */
static void reset(uint64_t start)
{
	free(pb.bounce);
	memset(&pb, 0, sizeof(pb));
	memset(&meta, 0, sizeof(meta));
	memset(data, 0xee, sizeof(data));
	pb.fd = -1;
	pb.meta = &meta;
	pb.data = data;
	pb.size = DATA_SIZE;
	pb.tail = start;
	pb.published = start;	/* as scap_perf_buffer_open() leaves it */
	meta.data_tail = start;
	head = start;
	meta.data_head = start;
}

/* Write n bytes at the head, going round the end as the kernel does. */
static void put(const void *src, size_t n)
{
	for (size_t i = 0; i < n; i++)
		data[(head + i) % DATA_SIZE] = ((const uint8_t *)src)[i];
	head += n;
}

/* A PERF_RECORD_SAMPLE of raw bytes "<c><c>..." (n of them), padded to 8. */
static void sample(char c, uint32_t n)
{
	struct perf_event_header hdr = { PERF_RECORD_SAMPLE, 0, 0 };
	uint32_t size = (sizeof(hdr) + sizeof(uint32_t) + n + 7) & ~7u;
	uint8_t raw[256];

	hdr.size = size;
	memset(raw, c, sizeof(raw));
	put(&hdr, sizeof(hdr));
	put(&n, sizeof(n));
	put(raw, size - sizeof(hdr) - sizeof(n));
	meta.data_head = head;
}

/* A record of another type (PERF_RECORD_LOST: id, then the count lost). */
static void record(uint32_t type, uint16_t size, uint64_t lost)
{
	struct perf_event_header hdr = { type, 0, size };
	uint64_t body[2] = { 42, lost };
	uint8_t zero[64] = { 0 };

	put(&hdr, sizeof(hdr));
	if (size >= sizeof(hdr) + sizeof(body)) {
		put(body, sizeof(body));
		put(zero, size - sizeof(hdr) - sizeof(body));
	} else if (size > sizeof(hdr)) {
		put(zero, size - sizeof(hdr));
	}
	meta.data_head = head;
}

__attribute__((format(printf, 2, 3))) static void bad(const char *what, const char *fmt, ...)
{
	va_list ap;

	printf("FAIL: %s: ", what);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	failures++;
}

/* peek must give raw bytes "<c>" x n (NULL if n is 0). */
static void expect_peek(const char *what, char c, uint32_t n)
{
	uint32_t len = 0xdeadbeef;
	uint8_t *p = scap_perf_buffer_peek(&pb, &len);

	if (n == 0) {
		if (p)
			bad(what, "peek returned an event of %u bytes, expected NULL", len);
		return;
	}
	if (!p) {
		bad(what, "peek returned NULL, expected an event of %u bytes", n);
		return;
	}
	if (len != n) {
		bad(what, "*len is %u, expected %u (the sample's raw size)", len, n);
		return;
	}
	for (uint32_t i = 0; i < n; i++) {
		if (p[i] != (uint8_t)c) {
			bad(what, "byte %u of the event is 0x%02x, not '%c': not the raw data, or a record torn at the end", i, p[i], c);
			return;
		}
	}
}

static void expect_u64(const char *what, const char *name, uint64_t got, uint64_t want)
{
	if (got != want)
		bad(what, "%s is %llu, expected %llu", name, (unsigned long long)got,
		    (unsigned long long)want);
}

static int peek_cases(void)
{
	reset(0);
	expect_peek("an empty buffer", 0, 0);

	reset(0);
	sample('a', 20);
	expect_peek("one sample", 'a', 20);
	expect_peek("the same sample, peeked again before consume", 'a', 20);
	expect_u64("peek alone", "the tail", pb.tail, 0);

	reset(0);
	record(PERF_RECORD_LOST, 24, 7);
	sample('b', 12);
	expect_peek("a lost record, then a sample", 'b', 12);
	expect_u64("a lost record, then a sample", "n_lost", pb.n_lost, 7);
	expect_u64("a lost record, then a sample", "the tail (past the lost record, at the sample)",
		   pb.tail, 24);

	reset(0);
	record(PERF_RECORD_LOST, 24, 3);
	record(PERF_RECORD_LOST, 24, 4);
	expect_peek("two lost records and nothing else", 0, 0);
	expect_u64("two lost records and nothing else", "n_lost", pb.n_lost, 7);

	reset(0);
	record(PERF_RECORD_THROTTLE, 24, 0);
	sample('c', 5);
	expect_peek("a record of another type, then a sample", 'c', 5);

	/* 40 bytes from 24 before the end: 16 past it. */
	reset(DATA_SIZE - 24);
	sample('d', 25);
	expect_peek("a sample that runs past the end of the data", 'd', 25);

	reset(10 * DATA_SIZE + 248);
	sample('e', 40);
	expect_peek("a sample whose header is the last 8 bytes, after 10 rounds", 'e', 40);

	reset(64);
	sample('f', 8);
	data[64 + 6] = 0;	/* its header's size: 0 */
	data[64 + 7] = 0;
	expect_peek("a record of size 0 (the kernel never writes one): NULL, no endless loop", 0, 0);

	reset(0);
	sample('g', 8);
	data[6] = 0;	/* size 0x2000, more than the whole buffer */
	data[7] = 0x20;
	expect_peek("a record larger than the buffer: NULL, nothing copied", 0, 0);

	reset(0);
	sample('i', 4);		/* a 16-byte record */
	data[8] = 200;		/* its raw size: 200, past the record's 4 */
	expect_peek("a sample whose raw size runs past its record: NULL", 0, 0);

	reset(0);
	sample('h', 30);
	meta.data_head = 8;	/* the kernel has published only 8 bytes of it */
	expect_peek("a record the kernel has not finished (head inside it)", 0, 0);
	return failures;
}

static int consume_cases(void)
{
	reset(0);
	sample('a', 20);	/* 8 + 4 + 20 = 32 bytes */
	sample('b', 4);		/* 16 bytes */
	sample('c', 20);	/* 32 bytes */
	if (!scap_perf_buffer_peek(&pb, &(uint32_t){ 0 })) {
		printf("FAIL: peek returns NULL on a buffer with a sample: write peek first (10.2)\n");
		return 1;
	}
	scap_perf_buffer_consume(&pb);
	expect_u64("consume after one peek", "the tail", pb.tail, 32);
	expect_u64("consume after one peek: 32 bytes read, less than a 16th (64)",
		   "meta->data_tail (what the kernel sees)", meta.data_tail, 0);
	expect_peek("the next sample after consume", 'b', 4);
	scap_perf_buffer_consume(&pb);
	expect_u64("consume of the second: 48 bytes read", "meta->data_tail", meta.data_tail, 0);
	expect_peek("the third sample", 'c', 20);
	scap_perf_buffer_consume(&pb);
	expect_u64("consume of the third: 80 bytes read, a 16th or more", "meta->data_tail",
		   meta.data_tail, 80);
	scap_perf_buffer_consume(&pb);
	expect_u64("a second consume with no peek between", "the tail", pb.tail, 80);

	reset(0);
	sample('d', 4);
	scap_perf_buffer_peek(&pb, &(uint32_t){ 0 });
	scap_perf_buffer_consume(&pb);
	expect_peek("caught up: nothing more", 0, 0);
	expect_u64("caught up: peek found nothing more, so it gave all back (publish_tail)",
		   "meta->data_tail", meta.data_tail, 16);

	reset(0);
	record(PERF_RECORD_LOST, 24, 3);
	expect_peek("a lost record and nothing else", 0, 0);
	expect_u64("a lost record and nothing else: given back once caught up", "meta->data_tail",
		   meta.data_tail, 24);

	reset(DATA_SIZE - 24);
	sample('e', 25);	/* 40 bytes, across the end */
	sample('f', 60);	/* 72 bytes */
	scap_perf_buffer_peek(&pb, &(uint32_t){ 0 });
	scap_perf_buffer_consume(&pb);
	scap_perf_buffer_peek(&pb, &(uint32_t){ 0 });
	scap_perf_buffer_consume(&pb);
	expect_u64("consume of a record across the end, then one more (112 bytes)",
		   "meta->data_tail", meta.data_tail, DATA_SIZE - 24 + 112);
	return failures;
}

int main(int argc, char **argv)
{
	int rc;

	if (argc == 2 && !strcmp(argv[1], "peek"))
		rc = peek_cases();
	else if (argc == 2 && !strcmp(argv[1], "consume"))
		rc = consume_cases();
	else {
		fprintf(stderr, "usage: perf_cases peek|consume\n");
		return 2;
	}
	if (!rc)
		printf("ok: every case\n");
	free(pb.bounce);
	return rc ? 1 : 0;
}
