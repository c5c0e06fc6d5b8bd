// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * workload burst N: N getppid calls, as fast as possible.
 * The tests that check its events know its arguments by heart: keep both
 * in step (test/bats/).
 */
#include "workload.h"

void do_burst(const char *count)
{
	char *end;
	long n = strtol(count, &end, 10);

	if (*count == '\0' || *end || n < 0) {
		fprintf(stderr, "workload: burst: '%s' is not a count\n", count);
		exit(2);
	}
	for (long i = 0; i < n; i++)
		syscall(SYS_getppid);
}
