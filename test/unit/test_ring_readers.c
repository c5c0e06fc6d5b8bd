// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Unit tests of the two ring readers that batch what they share with the
 * kernel (userspace/libscap/engine/modern_bpf/bpf_ringbuf.c and
 * engine/kmod/ppm_ring_reader.c). Here the kernel's side is plain memory
 * laid out as the kernel lays it out; the live drivers are tested by
 * test/bats (burst.bats: a 4 KiB ring, every event printed or counted).
 *
 * What must hold: every record comes out once, in order; the position
 * the kernel sees (consumer_pos, tail) moves only every 1/16 of the ring
 * or when the reader has caught up, and then to exactly what was read;
 * a record still being written (BUSY) stops the reader.
 *
 * Run: make -f test/unit.mk unit-build && build/test/unit/test_ring_readers
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

/* The readers' own files: their static helpers are what is tested. */
#include "../../userspace/libscap/engine/modern_bpf/bpf_ringbuf.c"
#include "../../userspace/libscap/engine/kmod/ppm_ring_reader.c"

#define RING_SIZE 1024	/* 1/16: 64 bytes */

/* ---- a BPF ring buffer: [u32 len | u32 pg_off][len bytes], 8-aligned ---- */

struct fake_bpf_ring {
	unsigned long consumer_pos, producer_pos;
	uint8_t data[2 * RING_SIZE];
	struct scap_bpf_ringbuf rb;
};

static void bpf_ring_init(struct fake_bpf_ring *f)
{
	memset(f, 0, sizeof(*f));
	f->rb.size = RING_SIZE;
	f->rb.consumer_pos = &f->consumer_pos;
	f->rb.producer_pos = &f->producer_pos;
	f->rb.data = f->data;
}

/* Write a record of len bytes, each byte = tag; flags go in its length word. */
static void bpf_ring_write(struct fake_bpf_ring *f, uint32_t len, uint8_t tag, uint32_t flags)
{
	unsigned long at = f->producer_pos & (RING_SIZE - 1);
	uint32_t hdr[2] = { len | flags, 0 };

	memset(f->data + at + BPF_RINGBUF_HDR_SZ, tag, len);
	memcpy(f->data + at, hdr, sizeof(hdr));
	f->producer_pos += record_bytes(len);
}

static void bpf_records_come_out_in_order_and_the_kernel_sees_batches(void **state)
{
	struct fake_bpf_ring f;
	uint32_t len;
	uint8_t *rec;

	(void)state;
	bpf_ring_init(&f);
	/* 8 records of 16 bytes: 24 bytes each with the header. */
	for (int i = 0; i < 8; i++)
		bpf_ring_write(&f, 16, (uint8_t)i, 0);
	for (int i = 0; i < 8; i++) {
		rec = scap_bpf_ringbuf_peek(&f.rb, &len);
		assert_non_null(rec);
		assert_int_equal(len, 16);
		assert_int_equal(rec[0], i);
		scap_bpf_ringbuf_consume(&f.rb);
		/* 64 bytes (1/16) read: given back after the 3rd record, not before. */
		if (i < 2)
			assert_int_equal(f.consumer_pos, 0);
		if (i == 2)
			assert_int_equal(f.consumer_pos, 72);
	}
	assert_int_equal(f.consumer_pos, 144);	/* given back at 72 and at 144 */
	/* Caught up: everything read is given back. */
	assert_null(scap_bpf_ringbuf_peek(&f.rb, &len));
	assert_int_equal(f.consumer_pos, 192);
}

static void bpf_a_busy_record_stops_the_reader_until_it_is_submitted(void **state)
{
	struct fake_bpf_ring f;
	uint32_t len;

	(void)state;
	bpf_ring_init(&f);
	bpf_ring_write(&f, 8, 1, 0);
	bpf_ring_write(&f, 8, 2, BPF_RINGBUF_BUSY_BIT);
	bpf_ring_write(&f, 8, 3, 0);
	assert_non_null(scap_bpf_ringbuf_peek(&f.rb, &len));
	scap_bpf_ringbuf_consume(&f.rb);
	assert_null(scap_bpf_ringbuf_peek(&f.rb, &len));
	/* Submitted: the kernel clears BUSY. */
	((uint32_t *)(f.data + 16))[0] &= ~BPF_RINGBUF_BUSY_BIT;
	assert_int_equal(((uint8_t *)scap_bpf_ringbuf_peek(&f.rb, &len))[0], 2);
	scap_bpf_ringbuf_consume(&f.rb);
	assert_int_equal(((uint8_t *)scap_bpf_ringbuf_peek(&f.rb, &len))[0], 3);
}

static void bpf_discarded_records_are_skipped_and_given_back(void **state)
{
	struct fake_bpf_ring f;
	uint32_t len;

	(void)state;
	bpf_ring_init(&f);
	bpf_ring_write(&f, 8, 1, BPF_RINGBUF_DISCARD_BIT);
	bpf_ring_write(&f, 8, 2, 0);
	assert_int_equal(((uint8_t *)scap_bpf_ringbuf_peek(&f.rb, &len))[0], 2);
	scap_bpf_ringbuf_consume(&f.rb);
	assert_null(scap_bpf_ringbuf_peek(&f.rb, &len));
	assert_int_equal(f.consumer_pos, 32);
}

static void bpf_records_written_after_the_last_look_are_found(void **state)
{
	struct fake_bpf_ring f;
	uint32_t len;

	(void)state;
	bpf_ring_init(&f);
	bpf_ring_write(&f, 8, 1, 0);
	assert_non_null(scap_bpf_ringbuf_peek(&f.rb, &len));
	bpf_ring_write(&f, 8, 2, 0);	/* past our copy of producer_pos */
	scap_bpf_ringbuf_consume(&f.rb);
	assert_int_equal(((uint8_t *)scap_bpf_ringbuf_peek(&f.rb, &len))[0], 2);
}

/* ---- the kernel module's ring: head and tail in the info page ---- */

struct fake_ppm_ring {
	struct ppm_ring_buffer_info info;
	uint8_t data[2 * RING_SIZE];
	struct ppm_ring_reader r;
};

static void ppm_ring_init(struct fake_ppm_ring *f)
{
	memset(f, 0, sizeof(*f));
	f->r.info = &f->info;
	f->r.data = f->data;
	f->r.size = RING_SIZE;
}

static void ppm_tail_moves_every_sixteenth_and_when_caught_up(void **state)
{
	struct fake_ppm_ring f;
	uint32_t bytes;

	(void)state;
	ppm_ring_init(&f);
	f.info.head = 200;	/* 10 events of 20 bytes */
	for (int i = 0; i < 10; i++) {
		assert_non_null(ppm_ring_reader_peek(&f.r, &bytes));
		assert_int_equal(bytes, 200 - 20 * i);
		ppm_ring_reader_consume(&f.r, 20);
		if (i < 3)
			assert_int_equal(f.info.tail, 0);
		if (i == 3)
			assert_int_equal(f.info.tail, 80);
	}
	assert_int_equal(f.info.tail, 160);
	assert_null(ppm_ring_reader_peek(&f.r, &bytes));
	assert_int_equal(f.info.tail, 200);
}

static void ppm_events_past_the_wrap_and_after_the_last_look_are_found(void **state)
{
	struct fake_ppm_ring f;
	uint32_t bytes;

	(void)state;
	ppm_ring_init(&f);
	f.r.tail = f.r.head = f.r.published = f.info.tail = RING_SIZE - 20;
	f.info.head = RING_SIZE - 20;
	assert_null(ppm_ring_reader_peek(&f.r, &bytes));
	f.info.head = 20;	/* 40 bytes, across the end */
	assert_int_equal(ppm_ring_reader_peek(&f.r, &bytes), f.data + RING_SIZE - 20);
	assert_int_equal(bytes, 40);
	ppm_ring_reader_consume(&f.r, 40);
	assert_null(ppm_ring_reader_peek(&f.r, &bytes));
	assert_int_equal(f.info.tail, 20);
}

static void ppm_a_head_outside_the_ring_reads_nothing(void **state)
{
	struct fake_ppm_ring f;
	uint32_t bytes;

	(void)state;
	ppm_ring_init(&f);
	f.info.head = RING_SIZE + 8;
	assert_null(ppm_ring_reader_peek(&f.r, &bytes));
	assert_int_equal(f.info.tail, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(bpf_records_come_out_in_order_and_the_kernel_sees_batches),
		cmocka_unit_test(bpf_a_busy_record_stops_the_reader_until_it_is_submitted),
		cmocka_unit_test(bpf_discarded_records_are_skipped_and_given_back),
		cmocka_unit_test(bpf_records_written_after_the_last_look_are_found),
		cmocka_unit_test(ppm_tail_moves_every_sixteenth_and_when_caught_up),
		cmocka_unit_test(ppm_events_past_the_wrap_and_after_the_last_look_are_found),
		cmocka_unit_test(ppm_a_head_outside_the_ring_reads_nothing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
