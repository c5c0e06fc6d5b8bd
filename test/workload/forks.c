// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * workload forks N: N times, fork a child that exits at once, and wait
 * for it. What a busy build machine does all day: the state library's
 * tables must not grow with it (test/bats/state.bats).
 */
#include <sys/wait.h>
#include "workload.h"

void do_forks(const char *count)
{
	char *end;
	long n = strtol(count, &end, 10);

	if (*count == '\0' || *end || n < 0) {
		fprintf(stderr, "workload: forks: '%s' is not a count\n", count);
		exit(2);
	}
	for (long i = 0; i < n; i++) {
		pid_t pid = fork();

		if (pid < 0)
			failed("fork");
		if (pid == 0)
			_exit(0);
		if (waitpid(pid, NULL, 0) != pid)
			failed("waitpid");
	}
}
