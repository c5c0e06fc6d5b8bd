// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The cheapest syscall in a loop: what capture adds to each syscall shows
 * up here undiluted by the syscall's own work.
 *
 *   getppid_loop N      makes N getppid calls, prints "ns_per_call=<x>"
 *
 * Used by scripts/bench.sh (make bench).
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>

int main(int argc, char **argv)
{
	struct timespec a, b;
	long n = argc > 1 ? atol(argv[1]) : 1000000;
	double ns;

	if (n <= 0) {
		fprintf(stderr, "usage: getppid_loop N (N > 0)\n");
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &a);
	for (long i = 0; i < n; i++)
		syscall(SYS_getppid);	/* not glibc's getppid(): never cached */
	clock_gettime(CLOCK_MONOTONIC, &b);
	ns = (b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec);
	printf("ns_per_call=%.1f\n", ns / n);
	return 0;
}
