// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * workload wrap N: N writes to /dev/null, each with data a test can rebuild
 * from its number alone, so that an event torn at the end of a small ring
 * or perf buffer shows (the wrap checks of labs 07 and 10).
 *
 *   write i:  "w%06d:" then (i % 41) times the letter 'a' + i % 26
 *
 * The lengths differ (7 to 47 bytes), so the events start at every offset
 * of the buffer and cross its end at every point. They come in batches of
 * 16 with a pause of 30 ms after each: the reader sleeps 10 ms when the
 * buffers are empty, and a buffer of 4 KiB holds about 30 of these calls,
 * so the events go round it about N / 30 times with few or no drops.
 */
#include <time.h>
#include "workload.h"

#define WRAP_BATCH 16
#define WRAP_PAUSE_NS (30 * 1000 * 1000)

void do_wrap(const char *count)
{
	struct timespec pause = { 0, WRAP_PAUSE_NS };
	char *end, buf[64];
	long n = strtol(count, &end, 10);
	int fd, len;

	if (*count == '\0' || *end || n <= 0 || n > 999999) {
		fprintf(stderr, "workload: wrap: '%s' is not a count from 1 to 999999\n", count);
		exit(2);
	}
	fd = must(syscall(SYS_openat, AT_FDCWD, "/dev/null", O_WRONLY | O_CLOEXEC), "open /dev/null");
	if (fd < 0)
		exit(1);
	for (long i = 0; i < n; i++) {
		len = snprintf(buf, sizeof(buf), "w%06ld:", i);
		memset(buf + len, 'a' + i % 26, i % 41);
		len += i % 41;
		must_equal(syscall(SYS_write, fd, buf, len), len, "write");
		if (i % WRAP_BATCH == WRAP_BATCH - 1)
			nanosleep(&pause, NULL);
	}
	raw_close(fd, "close /dev/null");
}
