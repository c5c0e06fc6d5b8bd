// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Lab 02's table of cases for scap_merge_pick_oldest(): heads made by hand,
 * no kernel needed. Prints every case that gives the wrong answer, with the
 * heads it was given, and exits 1 if there was one.
 *
 *   merge_cases
 */
#include <stdio.h>
#include "scap_merge.h"

#define NONE 0	/* an empty buffer: its head is NULL */

struct merge_case {
	const char *what;
	uint32_t n;
	uint64_t ts[4];	/* NONE for an empty buffer */
	int want;
};

static const struct merge_case cases[] = {
	{ "one buffer, one event", 1, { 5 }, 0 },
	{ "every buffer empty", 3, { NONE, NONE, NONE }, -1 },
	{ "no buffer at all (n = 0)", 0, { NONE }, -1 },
	{ "the oldest is on the last CPU", 3, { 30, 20, 10 }, 2 },
	{ "the oldest is in the middle", 3, { 30, 10, 20 }, 1 },
	{ "empty buffers before and after", 4, { NONE, 40, NONE, 7 }, 3 },
	{ "a tie goes to the lowest index", 3, { 9, 4, 4 }, 1 },
	{ "timestamps above 2^32", 2, { 0x100000002ULL, 0x100000001ULL }, 1 },
	{ "timestamps that differ in the top bit", 2, { 1ULL << 63, 1 }, 1 },
};

int main(void)
{
	int failed = 0;

	for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
		const struct merge_case *mc = &cases[c];
		struct ppm_evt_hdr evts[4] = { 0 };
		struct ppm_evt_hdr *heads[4] = { 0 };
		int got;

		for (uint32_t i = 0; i < mc->n; i++) {
			evts[i].ts = mc->ts[i];
			heads[i] = mc->ts[i] == NONE ? NULL : &evts[i];
		}
		got = scap_merge_pick_oldest(heads, mc->n);
		if (got == mc->want)
			continue;
		failed = 1;
		printf("%s: heads {", mc->what);
		for (uint32_t i = 0; i < mc->n; i++) {
			if (heads[i])
				printf(" ts=%llu", (unsigned long long)mc->ts[i]);
			else
				printf(" NULL");
		}
		printf(" }: expected %d, got %d\n", mc->want, got);
	}
	return failed;
}
