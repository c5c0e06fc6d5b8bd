// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Unit tests of the timestamp merge (userspace/libscap/scap_merge.c):
 * given the heads of the per-CPU buffers, the oldest must come out first,
 * so that N sorted streams become one sorted stream.
 *
 * Run: make -f test/unit.mk unit-build && build/test/unit/test_merge
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include "scap_merge.h"

static struct ppm_evt_hdr event_at(uint64_t ts)
{
	struct ppm_evt_hdr h = { .ts = ts, .len = PPM_EVT_HDR_SIZE };

	return h;
}

static void all_empty_gives_minus_one(void **state)
{
	struct ppm_evt_hdr *heads[4] = { NULL };

	(void)state;
	assert_int_equal(scap_merge_pick_oldest(heads, 4), -1);
	assert_int_equal(scap_merge_pick_oldest(heads, 0), -1);
}

static void picks_the_smallest_timestamp(void **state)
{
	struct ppm_evt_hdr a = event_at(300), b = event_at(100), c = event_at(200);
	struct ppm_evt_hdr *heads[3] = { &a, &b, &c };

	(void)state;
	assert_int_equal(scap_merge_pick_oldest(heads, 3), 1);
}

static void skips_empty_buffers(void **state)
{
	struct ppm_evt_hdr a = event_at(50);
	struct ppm_evt_hdr *heads[3] = { NULL, NULL, &a };

	(void)state;
	assert_int_equal(scap_merge_pick_oldest(heads, 3), 2);
}

static void tie_goes_to_the_lowest_cpu(void **state)
{
	struct ppm_evt_hdr a = event_at(7), b = event_at(7);
	struct ppm_evt_hdr *heads[3] = { NULL, &a, &b };

	(void)state;
	assert_int_equal(scap_merge_pick_oldest(heads, 3), 1);
}

/*
 * The property that matters: merging sorted per-CPU streams by repeatedly
 * taking the oldest head yields every event once, in timestamp order.
 */
static void merging_sorted_streams_yields_one_sorted_stream(void **state)
{
	enum { NCPU = 4, PER_CPU = 500 };
	static struct ppm_evt_hdr events[NCPU][PER_CPU];
	struct ppm_evt_hdr *heads[NCPU];
	int next[NCPU] = { 0 };
	uint64_t last = 0;
	int total = 0;

	(void)state;
	srand(42);
	for (int cpu = 0; cpu < NCPU; cpu++) {
		uint64_t ts = rand() % 10;

		for (int i = 0; i < PER_CPU; i++) {
			ts += rand() % 7;	/* sorted per CPU, ties allowed */
			events[cpu][i] = event_at(ts);
		}
		heads[cpu] = &events[cpu][0];
	}
	for (;;) {
		int cpu = scap_merge_pick_oldest(heads, NCPU);

		if (cpu < 0)
			break;
		assert_true(heads[cpu]->ts >= last);
		last = heads[cpu]->ts;
		total++;
		next[cpu]++;
		heads[cpu] = next[cpu] < PER_CPU ? &events[cpu][next[cpu]] : NULL;
	}
	assert_int_equal(total, NCPU * PER_CPU);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(all_empty_gives_minus_one),
		cmocka_unit_test(picks_the_smallest_timestamp),
		cmocka_unit_test(skips_empty_buffers),
		cmocka_unit_test(tie_goes_to_the_lowest_cpu),
		cmocka_unit_test(merging_sorted_streams_yields_one_sorted_stream),
	};

	return cmocka_run_group_tests_name("merge", tests, NULL, NULL);
}
