// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Unit tests of the savefile engine (userspace/libscap/engine/savefile/),
 * through its vtable, on real files: each test writes a small capture file
 * into a temporary directory with the writer below, which lays blocks out
 * as Falco's libs do (scap_savefile.h), then reads it back. The bad cases
 * are the ones a truncated or hostile file has: wrong magic, other byte
 * order, unknown version, block lengths that lie, events that disagree
 * with their block, and a cut at every byte.
 *
 * Run: make -f test/unit.mk unit-build && build/test/unit/test_savefile
 * (from the top of the repo: one test reads test/data/falco-kmod-2022.scap).
 */
#include <setjmp.h>	/* cmocka.h needs these four first */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "savefile_public.h"
#include "scap_event_raw.h"
#include "scap_savefile.h"
#include "scap_vtable.h"

extern const struct scap_vtable scap_savefile_engine;

/* ---- the writer: a file built in memory ---------------------------------- */

struct file {
	uint8_t bytes[8192];
	uint32_t len;
	uint32_t event_ends[64];	/* where each event block ends */
	uint32_t nevents;
};

static void put(struct file *f, const void *p, uint32_t n)
{
	assert_true(f->len + n <= sizeof(f->bytes));
	memcpy(f->bytes + f->len, p, n);
	f->len += n;
}

static void put_u32(struct file *f, uint32_t x) { put(f, &x, 4); }

/* A block of type with body; lead/trail: its lengths (0: the right one). */
static void block_lengths(struct file *f, uint32_t type, const void *body, uint32_t n,
			  uint32_t lead, uint32_t trail)
{
	uint32_t pad = (4 - n % 4) % 4, total = 8 + n + pad + 4;
	static const uint8_t zeros[4];

	put_u32(f, type);
	put_u32(f, lead ? lead : total);
	put(f, body, n);
	put(f, zeros, pad);
	put_u32(f, trail ? trail : total);
}

static void block(struct file *f, uint32_t type, const void *body, uint32_t n)
{
	block_lengths(f, type, body, n, 0, 0);
}

static void shb(struct file *f, uint32_t magic, uint16_t major)
{
	struct section_header_block s = { magic, major, 2, (uint64_t)-1 };

	block(f, SHB_BLOCK_TYPE, &s, sizeof(s));
}

/*
 * An event of a code our schema does not have (234, Falco's procinfo),
 * with two u64 params: ts and a marker, so tests can tell events apart.
 * Writes it into out; returns its length.
 */
static uint32_t event(uint8_t *out, uint64_t ts, uint64_t marker)
{
	struct ppm_evt_hdr h = { .ts = ts, .tid = 42, .type = 234, .nparams = 2 };
	uint16_t lens[2] = { 8, 8 };

	h.len = PPM_EVT_HDR_SIZE + sizeof(lens) + 16;
	memcpy(out, &h, PPM_EVT_HDR_SIZE);
	memcpy(out + PPM_EVT_HDR_SIZE, lens, sizeof(lens));
	memcpy(out + PPM_EVT_HDR_SIZE + 4, &ts, 8);
	memcpy(out + PPM_EVT_HDR_SIZE + 12, &marker, 8);
	return h.len;
}

/* An EV_BLOCK_TYPE_V2 (or, with flags, EVF) block holding one event. */
static void ev_block(struct file *f, uint16_t cpu, uint64_t ts, bool flags)
{
	uint8_t body[256];
	uint32_t at = flags ? 6 : 2, flagword = 1;

	memcpy(body, &cpu, 2);
	if (flags)
		memcpy(body + 2, &flagword, 4);
	block(f, flags ? EVF_BLOCK_TYPE_V2 : EV_BLOCK_TYPE_V2, body, at + event(body + at, ts, ts));
	f->event_ends[f->nevents++] = f->len;
}

/* A v9 process list with one entry per (tid, comm). */
static void proclist(struct file *f, int n, const int64_t *tids, const char *const *comms)
{
	uint8_t body[1024];
	uint32_t len = 0;

	for (int i = 0; i < n; i++) {
		uint16_t comm_len = strlen(comms[i]);
		uint32_t entry = 46 + comm_len + 6;	/* and a 6-byte exe field, skipped */
		int64_t zero = 0;

		memcpy(body + len, &entry, 4);
		memcpy(body + len + 4, &tids[i], 8);	/* tid */
		memcpy(body + len + 12, &tids[i], 8);	/* pid */
		for (int k = 20; k < 44; k += 8)
			memcpy(body + len + k, &zero, 8);	/* ptid, sid, vpgid */
		memcpy(body + len + 44, &comm_len, 2);
		memcpy(body + len + 46, comms[i], comm_len);
		memcpy(body + len + 46 + comm_len, "\4\0/bin", 6);
		len += entry;
	}
	block(f, PL_BLOCK_TYPE_V9, body, len);
}

/* The good file most tests start from: 4 events, 1 unknown block. */
static void good_file(struct file *f)
{
	static const int64_t tids[] = { 1, 42 };
	static const char *const comms[] = { "init", "workload-with-a-long-name" };
	uint8_t mi[24] = { 0 };

	memset(f, 0, sizeof(*f));
	shb(f, SHB_MAGIC, CURRENT_MAJOR_VERSION);
	block(f, MI_BLOCK_TYPE, mi, sizeof(mi));
	proclist(f, 2, tids, comms);
	ev_block(f, 0, 100, false);
	ev_block(f, 1, 200, true);
	block(f, 0x999, mi, 5);	/* a type no version of the format has */
	ev_block(f, 2, 300, false);
	ev_block(f, 3, 400, false);
}

/* ---- reading it back -------------------------------------------------------- */

static char g_dir[] = "/tmp/scaplab-savefile-XXXXXX";

static int make_dir(void **state)
{
	(void)state;
	return mkdtemp(g_dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
	char path[64];

	(void)state;
	snprintf(path, sizeof(path), "%s/f.scap", g_dir);
	unlink(path);
	return rmdir(g_dir);
}

/* Write the first n bytes of f to the test's file; its path. */
static const char *write_file(const struct file *f, uint32_t n)
{
	static char path[64];
	FILE *out;

	snprintf(path, sizeof(path), "%s/f.scap", g_dir);
	out = fopen(path, "wb");
	assert_non_null(out);
	assert_int_equal(fwrite(f->bytes, 1, n, out), n);
	assert_int_equal(fclose(out), 0);
	return path;
}

struct reading {
	struct scap_engine_handle *h;
	char err[SCAP_LASTERR_SIZE];
	uint64_t ts[64];	/* of each event read */
	uint16_t cpu[64];
	uint32_t n;
};

static int32_t open_file(struct reading *r, const struct file *f, uint32_t n)
{
	struct scap_savefile_engine_params p = { .fname = write_file(f, n) };
	struct scap_open_args args = { .mode = SCAP_MODE_CAPTURE, .engine_params = &p };

	memset(r, 0, sizeof(*r));
	return scap_savefile_engine.init(&r->h, &args, r->err);
}

/* Read until something else than an event; returns that code. */
static int32_t read_all(struct reading *r)
{
	for (;;) {
		struct ppm_evt_hdr *evt;
		uint32_t bytes;
		uint16_t cpu;
		int32_t rc = scap_savefile_engine.next(r->h, &evt, &cpu, &bytes, r->err);

		if (rc != SCAP_SUCCESS)
			return rc;
		/* What scap.c's length contract checks, for every engine. */
		assert_true(evt->len >= PPM_EVT_HDR_SIZE && evt->len <= bytes);
		assert_true(r->n < 64);
		r->cpu[r->n] = cpu;
		r->ts[r->n++] = evt->ts;
	}
}

/* Opening must fail with a message holding want. */
static void assert_open_fails(const struct file *f, uint32_t n, const char *want)
{
	struct reading r;

	assert_int_not_equal(open_file(&r, f, n), SCAP_SUCCESS);
	assert_null(r.h);
	if (!strstr(r.err, want))
		fail_msg("error \"%s\" does not say \"%s\"", r.err, want);
}

/* Reading must give `events` events, then fail with a message holding want, and again. */
static void assert_read_fails_after(const struct file *f, uint32_t events, const char *want)
{
	struct reading r;

	assert_int_equal(open_file(&r, f, f->len), SCAP_SUCCESS);
	assert_int_equal(read_all(&r), SCAP_FAILURE);
	assert_int_equal(r.n, events);
	if (!strstr(r.err, want))
		fail_msg("error \"%s\" does not say \"%s\"", r.err, want);
	/* A broken framing stays broken: no crash, the same answer. */
	r.err[0] = '\0';
	assert_int_equal(read_all(&r), SCAP_FAILURE);
	assert_true(strstr(r.err, want) != NULL);
	scap_savefile_engine.close(r.h);
}

/* ---- the tests ---------------------------------------------------------------- */

static void a_good_file_gives_every_event_then_eof(void **state)
{
	const struct scap_threadinfo *threads;
	struct scap_file_stats stats;
	struct reading r;
	struct file f;
	uint32_t n;

	(void)state;
	good_file(&f);
	assert_int_equal(open_file(&r, &f, f.len), SCAP_SUCCESS);
	assert_int_equal(read_all(&r), SCAP_EOF);
	assert_int_equal(r.n, 4);
	for (uint32_t i = 0; i < 4; i++) {
		assert_int_equal(r.ts[i], 100 * (i + 1));
		assert_int_equal(r.cpu[i], i);
	}
	/* EOF stays EOF. */
	assert_int_equal(read_all(&r), SCAP_EOF);

	assert_int_equal(scap_savefile_engine.get_file_stats(r.h, &stats), SCAP_SUCCESS);
	assert_int_equal(stats.n_evts, 4);
	assert_int_equal(stats.n_blocks_unknown, 1);
	assert_int_equal(stats.n_blocks_unread, 0);
	assert_int_equal(stats.major_version, 1);
	assert_int_equal(stats.offset, f.len);

	assert_int_equal(scap_savefile_engine.get_proc_table(r.h, &threads, &n), SCAP_SUCCESS);
	assert_int_equal(n, 2);
	assert_int_equal(threads[0].tid, 1);
	assert_string_equal(threads[0].comm, "init");
	assert_int_equal(threads[1].pid, 42);
	assert_string_equal(threads[1].comm, "workload-with-a");	/* cut at 15, as the kernel does */
	scap_savefile_engine.close(r.h);
}

static void a_file_that_is_not_a_capture_is_refused(void **state)
{
	struct file f = { .len = 0 };

	(void)state;
	put(&f, "#!/bin/sh\necho hello, not a capture\n", 36);
	assert_open_fails(&f, f.len, "is not a capture file");
	assert_open_fails(&f, 0, "is empty");
	/* The right block type, the wrong magic. */
	memset(&f, 0, sizeof(f));
	shb(&f, 0x12345678, 1);
	assert_open_fails(&f, f.len, "byte-order magic is 0x12345678");
}

static void the_other_byte_order_is_refused(void **state)
{
	struct file f = { .len = 0 };

	(void)state;
	shb(&f, SHB_MAGIC_SWAPPED, 1);
	assert_open_fails(&f, f.len, "other byte order");
}

static void an_unknown_major_version_is_refused(void **state)
{
	struct file f = { .len = 0 };

	(void)state;
	shb(&f, SHB_MAGIC, 2);
	assert_open_fails(&f, f.len, "version 2.2 is not supported");
}

/* A good file, then one bad block after its first event. */
static void one_event_then(struct file *f)
{
	memset(f, 0, sizeof(*f));
	shb(f, SHB_MAGIC, 1);
	ev_block(f, 0, 100, false);
}

static void block_lengths_that_lie_are_errors_naming_the_offset(void **state)
{
	uint8_t body[8] = { 0 };
	struct file f;
	char want[96];

	(void)state;
	one_event_then(&f);
	snprintf(want, sizeof(want), "block at byte %u (type 0x216) says it is 8 bytes", f.len);
	block_lengths(&f, EV_BLOCK_TYPE_V2, body, 8, 8, 0);	/* smaller than header + trailer */
	ev_block(&f, 0, 200, false);
	assert_read_fails_after(&f, 1, want);

	one_event_then(&f);
	block_lengths(&f, EV_BLOCK_TYPE_V2, body, 8, 22, 0);
	ev_block(&f, 0, 200, false);
	assert_read_fails_after(&f, 1, "not a multiple of 4");

	one_event_then(&f);
	block_lengths(&f, EV_BLOCK_TYPE_V2, body, 8, 0, 24);	/* it is 20 */
	assert_read_fails_after(&f, 1, "ends with length 24, but starts with 20");

	one_event_then(&f);
	snprintf(want, sizeof(want), "truncated at byte %u, inside the 1024-byte block at byte %u",
		 f.len + 20, f.len);
	block_lengths(&f, EV_BLOCK_TYPE_V2, body, 8, 1024, 1024);	/* past the end */
	assert_read_fails_after(&f, 1, want);

	one_event_then(&f);
	block_lengths(&f, 0x999, body, 8, 0x7ffffff0, 0);		/* above the maximum */
	assert_read_fails_after(&f, 1, "more than the largest this reader accepts");
}

/* An event block whose event is damaged by edit(); the blocks stay sound. */
static void damaged_event(struct file *f, void (*edit)(uint8_t *evt))
{
	one_event_then(f);
	ev_block(f, 0, 200, false);
	/* The second event starts 8 + 2 bytes into its block. */
	edit(f->bytes + f->event_ends[0] + 10);
	ev_block(f, 0, 300, false);
}

static void len_minus_4(uint8_t *evt)
{
	uint32_t len;

	memcpy(&len, evt + 16, 4);
	len -= 4;
	memcpy(evt + 16, &len, 4);
}

static void len_plus_4(uint8_t *evt)
{
	uint32_t len;

	memcpy(&len, evt + 16, 4);
	len += 4;
	memcpy(evt + 16, &len, 4);
}

static void param_2_overruns(uint8_t *evt)
{
	uint16_t len = 9;

	memcpy(evt + PPM_EVT_HDR_SIZE + 2, &len, 2);
}

static void nparams_1000(uint8_t *evt)
{
	uint32_t n = 1000;

	memcpy(evt + 22, &n, 4);
}

/* The bad event is an error naming it; the next call goes on to the event after it. */
static void assert_bad_event_skipped(void (*edit)(uint8_t *), const char *want)
{
	struct reading r;
	struct file f;

	damaged_event(&f, edit);
	assert_int_equal(open_file(&r, &f, f.len), SCAP_SUCCESS);
	assert_int_equal(read_all(&r), SCAP_FAILURE);
	assert_int_equal(r.n, 1);
	if (!strstr(r.err, want))
		fail_msg("error \"%s\" does not say \"%s\"", r.err, want);
	assert_non_null(strstr(r.err, "the event at byte 98"));	/* 28 (SHB) + 60 (event 1) + 8 + 2 */
	assert_int_equal(read_all(&r), SCAP_EOF);
	assert_int_equal(r.n, 2);
	assert_int_equal(r.ts[1], 300);
	scap_savefile_engine.close(r.h);
}

static void events_that_disagree_with_their_block_are_errors(void **state)
{
	(void)state;
	assert_bad_event_skipped(len_minus_4, "says it is 42 bytes, but its block holds 46");
	assert_bad_event_skipped(len_plus_4, "says it is 50 bytes, but its block holds 46");
	assert_bad_event_skipped(param_2_overruns, "param 2 (9 bytes) runs past");
	assert_bad_event_skipped(nparams_1000, "1000 params");
}

static void unknown_and_unread_blocks_are_skipped_and_counted(void **state)
{
	struct scap_file_stats stats;
	uint8_t body[12] = { 0 };
	struct reading r;
	struct file f;

	(void)state;
	one_event_then(&f);
	block(&f, 0xdeadbeef, body, 12);
	block(&f, EV_BLOCK_TYPE, body, 12);		/* v1 events: not read */
	block(&f, PL_BLOCK_TYPE_V4, body, 3);		/* old process list: not read */
	block(&f, FDL_BLOCK_TYPE_V2, body, 12);	/* known, of no use: not counted */
	block(&f, 0x12345, body, 0);
	ev_block(&f, 0, 200, false);
	assert_int_equal(open_file(&r, &f, f.len), SCAP_SUCCESS);
	assert_int_equal(read_all(&r), SCAP_EOF);
	assert_int_equal(r.n, 2);
	scap_savefile_engine.get_file_stats(r.h, &stats);
	assert_int_equal(stats.n_blocks_unknown, 2);
	assert_int_equal(stats.n_blocks_unread, 2);
	scap_savefile_engine.close(r.h);
}

static void a_process_list_whose_entry_lies_is_refused(void **state)
{
	static const int64_t tids[] = { 7 };
	static const char *const comms[] = { "x" };
	struct file f = { .len = 0 };
	uint32_t big = 4000;

	(void)state;
	shb(&f, SHB_MAGIC, 1);
	proclist(&f, 1, tids, comms);
	memcpy(f.bytes + 28 + 8, &big, 4);	/* entry 1's length */
	assert_open_fails(&f, f.len, "entry 1 (byte 36) says it is 4000 bytes");
}

/*
 * Cut the good file at every byte: never a crash; every event whose block
 * ends before the cut comes out; then EOF if the cut falls between two
 * blocks, else an error naming the byte the file ends at.
 */
static void a_cut_at_every_byte_gives_the_events_before_it_then_an_error(void **state)
{
	struct file f;
	char want[64];

	(void)state;
	good_file(&f);
	for (uint32_t cut = 0; cut < f.len; cut++) {
		uint32_t whole = 0;
		bool boundary = false;
		struct reading r;
		int32_t rc;

		for (uint32_t i = 0; i < f.nevents; i++)
			whole += f.event_ends[i] <= cut;
		/* The writer's blocks, walked by their lengths. */
		for (uint32_t off = 0, total; off < f.len; off += total) {
			boundary |= off == cut;
			memcpy(&total, f.bytes + off + 4, 4);
		}
		snprintf(want, sizeof(want), "truncated at byte %u", cut);
		rc = open_file(&r, &f, cut);
		if (cut == 0) {
			assert_int_not_equal(rc, SCAP_SUCCESS);
			continue;
		}
		if (rc != SCAP_SUCCESS) {
			/* Opening reads up to the first event: only a cut before its end fails it. */
			if (cut >= f.event_ends[0] || !strstr(r.err, want))
				fail_msg("cut at %u: open says \"%s\"", cut, r.err);
			continue;
		}
		rc = read_all(&r);
		if (r.n != whole)
			fail_msg("cut at %u: %u events, %u whole before it", cut, r.n, whole);
		if (boundary) {
			if (rc != SCAP_EOF)
				fail_msg("cut at %u, between blocks: %d, \"%s\"", cut, rc, r.err);
		} else if (rc != SCAP_FAILURE || !strstr(r.err, want)) {
			fail_msg("cut at %u: %d, \"%s\"", cut, rc, r.err);
		}
		scap_savefile_engine.close(r.h);
	}
}

/* The real file from Falco's tools: its counts, and cuts through it. */
static void the_falco_fixture_reads_whole_and_cut(void **state)
{
	const char *fixture = "test/data/falco-kmod-2022.scap";
	struct scap_savefile_engine_params p = { .fname = fixture };
	struct scap_open_args args = { .mode = SCAP_MODE_CAPTURE, .engine_params = &p };
	const struct scap_threadinfo *threads;
	struct scap_file_stats stats;
	struct reading r = { 0 };
	uint32_t n, total;
	static struct file big;
	FILE *in;

	(void)state;
	assert_int_equal(scap_savefile_engine.init(&r.h, &args, r.err), SCAP_SUCCESS);
	/* read_all keeps 64 timestamps: count here instead. */
	for (;;) {
		struct ppm_evt_hdr *evt;
		uint32_t bytes;
		uint16_t cpu;

		if (scap_savefile_engine.next(r.h, &evt, &cpu, &bytes, r.err) != SCAP_SUCCESS)
			break;
		r.n++;
	}
	scap_savefile_engine.get_file_stats(r.h, &stats);
	assert_int_equal(r.n, 682);
	assert_int_equal(stats.n_blocks_unknown + stats.n_blocks_unread, 0);
	assert_int_equal(scap_savefile_engine.get_proc_table(r.h, &threads, &n), SCAP_SUCCESS);
	assert_int_equal(n, 6);
	assert_string_equal(threads[5].comm, "sysdig");
	assert_int_equal(threads[5].tid, 132);
	total = stats.offset;
	scap_savefile_engine.close(r.h);

	/* Cut through its first 8 KiB (header blocks and events) at every byte. */
	in = fopen(fixture, "rb");
	assert_non_null(in);
	big.len = fread(big.bytes, 1, sizeof(big.bytes), in);
	fclose(in);
	assert_true(total > big.len);
	for (uint32_t cut = 1; cut < big.len; cut++) {
		int32_t rc = open_file(&r, &big, cut);

		if (rc == SCAP_SUCCESS) {
			rc = read_all(&r);
			scap_savefile_engine.close(r.h);
		}
		assert_true(rc == SCAP_EOF || rc == SCAP_FAILURE);
		if (rc == SCAP_FAILURE && !strstr(r.err, "truncated at byte"))
			fail_msg("cut at %u: \"%s\"", cut, r.err);
	}
}

/* An event the schema does not know decodes raw, and prints by position. */
static void raw_events_decode_by_layout_and_print_by_position(void **state)
{
	struct scap_evt_view v;
	struct scap_strbuf sb;
	uint8_t evt[128];
	uint32_t len = event(evt, 5, (uint64_t)-2);
	char err[128];
	uint16_t lie = 9;

	(void)state;
	/* The schema decoder refuses it: that is why the raw one exists. */
	assert_int_equal(scap_event_decode(evt, len, &v, err, sizeof(err)), SCAP_FAILURE);
	assert_int_equal(scap_event_decode_raw(evt, len, &v, err, sizeof(err)), SCAP_SUCCESS);
	assert_true(scap_evt_is_raw(&v));
	assert_int_equal(v.nparams, 2);
	assert_int_equal(scap_strbuf_init(&sb), 0);
	scap_format_raw_text(&sb, &v, 80);
	assert_string_equal(scap_strbuf_str(&sb), "type=234 param1=5 param2=-2");
	scap_strbuf_reset(&sb);
	scap_format_raw_json(&sb, &v);
	assert_string_equal(scap_strbuf_str(&sb), "{\"type\":234,\"param1\":5,\"param2\":-2}");
	scap_strbuf_free(&sb);
	/* A length that overruns is refused, and nothing past len is read. */
	assert_int_equal(scap_event_decode_raw(evt, len - 1, &v, err, sizeof(err)), SCAP_FAILURE);
	memcpy(evt + PPM_EVT_HDR_SIZE + 2, &lie, 2);
	assert_int_equal(scap_event_decode_raw(evt, len, &v, err, sizeof(err)), SCAP_FAILURE);
	assert_non_null(strstr(err, "param 2 is 1 bytes past its end"));
	/* Two bytes that could be the string "'" are the number 39 (getpid's). */
	{
		struct ppm_evt_hdr h = { .len = PPM_EVT_HDR_SIZE + 2 + 2, .type = 1, .nparams = 1 };
		uint16_t two = 2, nr = 39;

		memcpy(evt, &h, PPM_EVT_HDR_SIZE);
		memcpy(evt + PPM_EVT_HDR_SIZE, &two, 2);
		memcpy(evt + PPM_EVT_HDR_SIZE + 2, &nr, 2);
		assert_int_equal(scap_event_decode_raw(evt, h.len, &v, err, sizeof(err)), SCAP_SUCCESS);
		assert_int_equal(scap_strbuf_init(&sb), 0);
		scap_format_raw_json(&sb, &v);
		assert_string_equal(scap_strbuf_str(&sb), "{\"type\":1,\"param1\":39}");
		scap_strbuf_free(&sb);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_good_file_gives_every_event_then_eof),
		cmocka_unit_test(a_file_that_is_not_a_capture_is_refused),
		cmocka_unit_test(the_other_byte_order_is_refused),
		cmocka_unit_test(an_unknown_major_version_is_refused),
		cmocka_unit_test(block_lengths_that_lie_are_errors_naming_the_offset),
		cmocka_unit_test(events_that_disagree_with_their_block_are_errors),
		cmocka_unit_test(unknown_and_unread_blocks_are_skipped_and_counted),
		cmocka_unit_test(a_process_list_whose_entry_lies_is_refused),
		cmocka_unit_test(a_cut_at_every_byte_gives_the_events_before_it_then_an_error),
		cmocka_unit_test(the_falco_fixture_reads_whole_and_cut),
		cmocka_unit_test(raw_events_decode_by_layout_and_print_by_position),
	};

	return cmocka_run_group_tests(tests, make_dir, remove_dir);
}
