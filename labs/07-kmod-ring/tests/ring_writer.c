// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The workload of lab 07's wrap check: N writes to /dev/null, each with
 * data the grader can rebuild from its number alone, so that an event torn
 * at the end of the ring shows.
 *
 *   write i:  "w%06d:" then (i % 41) times the letter 'a' + i % 26
 *
 * The lengths differ (7 to 47 bytes), so the events start at every offset
 * of the ring and cross its end at every point. They come in batches of 16
 * with a pause of 30 ms after each: the reader sleeps 10 ms when the rings
 * are empty, and a ring of 4 KiB holds about 30 of these calls, so the
 * events go round it about N / 30 times with few or no drops.
 *
 *   ring_writer N
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define BATCH 16
#define PAUSE_NS (30 * 1000 * 1000)

int main(int argc, char **argv)
{
	struct timespec pause = { 0, PAUSE_NS };
	char buf[64];
	long n, i;
	int fd, len;

	n = argc == 2 ? strtol(argv[1], NULL, 10) : 0;
	if (n <= 0 || n > 999999) {
		fprintf(stderr, "usage: ring_writer N (1 to 999999 writes)\n");
		return 2;
	}
	fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (fd < 0) {
		perror("workload: open /dev/null");
		return 1;
	}
	for (i = 0; i < n; i++) {
		len = snprintf(buf, sizeof(buf), "w%06ld:", i);
		memset(buf + len, 'a' + i % 26, i % 41);
		len += i % 41;
		if (write(fd, buf, len) != len) {
			perror("workload: write");
			return 1;
		}
		if (i % BATCH == BATCH - 1)
			nanosleep(&pause, NULL);
	}
	close(fd);
	return 0;
}
