// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Unit tests of the device set (userspace/libscap/ringbuffer/devset.c),
 * with fake buffers: each "device" is an array of events, and the fake
 * engine counts what the layer peeks and consumes. The layer must give the
 * events back in timestamp order, consume each one exactly once and only
 * when the next is asked for, and never read a timestamp from a record too
 * short to hold a header.
 *
 * Run: make -f test/unit.mk unit-build && build/test/unit/test_devset
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include "devset.h"
#include "scap.h"

#define MAX_EVTS 8

/* One fake buffer: its events, and how far the reader has consumed. */
struct fake_dev {
	struct ppm_evt_hdr evts[MAX_EVTS];
	uint32_t record_bytes[MAX_EVTS];	/* 0: sizeof(hdr) */
	uint32_t n, next;
	uint32_t peeks_since_consume;
	uint32_t consumed_len[MAX_EVTS];
};

struct fake_engine {
	struct fake_dev devs[3];
};

static void *fake_peek(void *ctx, uint32_t dev, uint32_t *bytes)
{
	struct fake_dev *d = &((struct fake_engine *)ctx)->devs[dev];

	if (d->next >= d->n)
		return NULL;
	/* The contract: peek is not called again before consume. */
	assert_int_equal(d->peeks_since_consume, 0);
	d->peeks_since_consume++;
	*bytes = d->record_bytes[d->next] ? d->record_bytes[d->next] : sizeof(struct ppm_evt_hdr);
	return &d->evts[d->next];
}

static void fake_consume(void *ctx, uint32_t dev, uint32_t evt_len)
{
	struct fake_dev *d = &((struct fake_engine *)ctx)->devs[dev];

	assert_int_equal(d->peeks_since_consume, 1);
	d->consumed_len[d->next++] = evt_len;
	d->peeks_since_consume = 0;
}

static const struct scap_dev_ops fake_ops = { .peek = fake_peek, .consume = fake_consume };

static void add(struct fake_engine *e, uint32_t dev, uint64_t ts, uint32_t len)
{
	struct fake_dev *d = &e->devs[dev];

	d->evts[d->n].ts = ts;
	d->evts[d->n].len = len;
	d->n++;
}

static void merges_in_timestamp_order_and_consumes_each_once(void **state)
{
	struct fake_engine e = { 0 };
	struct scap_devset ds;
	struct ppm_evt_hdr *evt;
	uint64_t want[] = { 10, 20, 30, 40, 50 };
	uint16_t dev;
	uint32_t bytes;

	(void)state;
	add(&e, 0, 10, PPM_EVT_HDR_SIZE);
	add(&e, 0, 40, PPM_EVT_HDR_SIZE);
	add(&e, 0, 50, PPM_EVT_HDR_SIZE);
	add(&e, 1, 20, PPM_EVT_HDR_SIZE);
	add(&e, 2, 30, PPM_EVT_HDR_SIZE);
	assert_int_equal(scap_devset_init(&ds, 3, &fake_ops, &e, 1000), 0);
	for (size_t i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		assert_int_equal(scap_devset_next(&ds, &evt, &dev, &bytes), SCAP_SUCCESS);
		assert_int_equal(evt->ts, want[i]);
		assert_int_equal(bytes, sizeof(struct ppm_evt_hdr));
	}
	/* The last event is consumed only when the next is asked for. */
	assert_int_equal(e.devs[0].next, 2);
	assert_int_equal(scap_devset_next(&ds, &evt, &dev, &bytes), SCAP_TIMEOUT);
	assert_int_equal(e.devs[0].next, 3);
	assert_int_equal(e.devs[1].next, 1);
	assert_int_equal(e.devs[2].next, 1);
	/* consume is told the event's length. */
	assert_int_equal(e.devs[0].consumed_len[0], PPM_EVT_HDR_SIZE);
	scap_devset_fini(&ds);
}

static void a_record_too_short_for_a_header_comes_out_first(void **state)
{
	struct fake_engine e = { 0 };
	struct scap_devset ds;
	struct ppm_evt_hdr *evt;
	uint16_t dev;
	uint32_t bytes;

	(void)state;
	add(&e, 0, 10, PPM_EVT_HDR_SIZE);
	add(&e, 1, 99, 1000);		/* its ts and len are not really there */
	e.devs[1].record_bytes[0] = 4;
	assert_int_equal(scap_devset_init(&ds, 2, &fake_ops, &e, 1000), 0);
	assert_int_equal(scap_devset_next(&ds, &evt, &dev, &bytes), SCAP_SUCCESS);
	assert_int_equal(dev, 1);
	assert_int_equal(bytes, 4);
	/* Skipped on the next call: consumed with the bytes it had, not its len. */
	assert_int_equal(scap_devset_next(&ds, &evt, &dev, &bytes), SCAP_SUCCESS);
	assert_int_equal(evt->ts, 10);
	assert_int_equal(e.devs[1].consumed_len[0], 4);
	scap_devset_fini(&ds);
}

static void an_event_longer_than_its_record_is_consumed_by_its_record(void **state)
{
	struct fake_engine e = { 0 };
	struct scap_devset ds;
	struct ppm_evt_hdr *evt;
	uint16_t dev;
	uint32_t bytes;

	(void)state;
	add(&e, 0, 10, 5000);		/* the header says 5000 bytes: a lie */
	add(&e, 0, 20, PPM_EVT_HDR_SIZE);
	assert_int_equal(scap_devset_init(&ds, 1, &fake_ops, &e, 1000), 0);
	assert_int_equal(scap_devset_next(&ds, &evt, &dev, &bytes), SCAP_SUCCESS);
	/* The layer hands over the record's size: scap_next rejects the event. */
	assert_true(evt->len > bytes);
	assert_int_equal(scap_devset_next(&ds, &evt, &dev, &bytes), SCAP_SUCCESS);
	assert_int_equal(evt->ts, 20);
	assert_int_equal(e.devs[0].consumed_len[0], sizeof(struct ppm_evt_hdr));
	scap_devset_fini(&ds);
}

/*
 * A byte-stream engine (the kmod's ring) advances by evt_len: a len shorter
 * than a header, 0 above all, would hand back the same corrupt event forever.
 */
static void an_event_shorter_than_a_header_is_consumed_by_its_record(void **state)
{
	struct fake_engine e = { 0 };
	struct scap_devset ds;
	struct ppm_evt_hdr *evt;
	uint16_t dev;
	uint32_t bytes;

	(void)state;
	add(&e, 0, 10, 0);		/* the header says 0 bytes */
	add(&e, 0, 20, PPM_EVT_HDR_SIZE);
	e.devs[0].record_bytes[0] = 100;
	assert_int_equal(scap_devset_init(&ds, 1, &fake_ops, &e, 1000), 0);
	assert_int_equal(scap_devset_next(&ds, &evt, &dev, &bytes), SCAP_SUCCESS);
	assert_int_equal(evt->len, 0);
	assert_int_equal(scap_devset_next(&ds, &evt, &dev, &bytes), SCAP_SUCCESS);
	assert_int_equal(evt->ts, 20);
	assert_int_equal(e.devs[0].consumed_len[0], 100);
	scap_devset_fini(&ds);
}

static void all_empty_is_a_timeout_after_the_wait(void **state)
{
	struct fake_engine e = { 0 };
	struct scap_devset ds;
	struct ppm_evt_hdr *evt;
	uint16_t dev;
	uint32_t bytes;

	(void)state;
	assert_int_equal(scap_devset_init(&ds, 3, &fake_ops, &e, 1000), 0);
	assert_int_equal(ds.wait_ns, 1000);
	assert_int_equal(scap_devset_next(&ds, &evt, &dev, &bytes), SCAP_TIMEOUT);
	scap_devset_fini(&ds);
	assert_int_equal(scap_devset_init(&ds, 1, &fake_ops, &e, 0), 0);
	assert_int_equal(ds.wait_ns, SCAP_DEVSET_WAIT_NS);
	scap_devset_fini(&ds);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(merges_in_timestamp_order_and_consumes_each_once),
		cmocka_unit_test(a_record_too_short_for_a_header_comes_out_first),
		cmocka_unit_test(an_event_longer_than_its_record_is_consumed_by_its_record),
		cmocka_unit_test(an_event_shorter_than_a_header_is_consumed_by_its_record),
		cmocka_unit_test(all_empty_is_a_timeout_after_the_wait),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
