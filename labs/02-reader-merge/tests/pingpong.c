// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The workload of lab 02: two threads pinned to two CPUs play ping-pong
 * through two pipes, so that every event of one thread has a cause on the
 * other CPU.
 *
 *   main thread, CPU 0                    partner thread, CPU 1
 *   write(ping_pipe, "ping0000")  ──────► read(ping_pipe) = "ping0000"
 *   read(pong_pipe) = "pong0000"  ◄────── write(pong_pipe, "pong0000")
 *   ... ROUNDS times
 *
 * The kernel writes each thread's events into its own CPU's buffer, so only
 * a reader that merges the buffers by timestamp gives them back in the order
 * they happened: a write's enter event before the read that returns its data.
 *
 *   pingpong ROUNDS       (needs two CPUs; errors start with "workload:")
 */
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MSG_LEN 8	/* "ping0042" */

static int ping_pipe[2], pong_pipe[2];
static int rounds;

static void die(const char *what)
{
	fprintf(stderr, "workload: %s: %m\n", what);
	exit(1);
}

static void pin_to_cpu(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (pthread_setaffinity_np(pthread_self(), sizeof(set), &set))
		die("pthread_setaffinity_np");
	if (sched_getcpu() != cpu)
		die("still not on the CPU it is pinned to");
}

static void read_msg(int fd, const char *prefix, int round)
{
	char buf[MSG_LEN + 1] = { 0 }, want[MSG_LEN + 1];

	if (read(fd, buf, MSG_LEN) != MSG_LEN)
		die("read");
	snprintf(want, sizeof(want), "%s%04d", prefix, round % 10000);
	if (strcmp(buf, want)) {
		fprintf(stderr, "workload: read '%s', expected '%s'\n", buf, want);
		exit(1);
	}
}

static void write_msg(int fd, const char *prefix, int round)
{
	char buf[MSG_LEN + 1];

	snprintf(buf, sizeof(buf), "%s%04d", prefix, round % 10000);
	if (write(fd, buf, MSG_LEN) != MSG_LEN)
		die("write");
}

static void *partner(void *arg)
{
	(void)arg;
	pin_to_cpu(1);
	for (int i = 0; i < rounds; i++) {
		read_msg(ping_pipe[0], "ping", i);
		write_msg(pong_pipe[1], "pong", i);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t thread;

	rounds = argc == 2 ? atoi(argv[1]) : 0;
	if (rounds <= 0 || rounds > 9999) {
		fprintf(stderr, "workload: usage: pingpong ROUNDS (1 to 9999)\n");
		return 2;
	}
	if (sysconf(_SC_NPROCESSORS_ONLN) < 2) {
		fprintf(stderr, "workload: needs two CPUs, this machine has one\n");
		return 1;
	}
	if (pipe(ping_pipe) || pipe(pong_pipe))
		die("pipe");
	pin_to_cpu(0);
	if (pthread_create(&thread, NULL, partner, NULL))
		die("pthread_create");
	for (int i = 0; i < rounds; i++) {
		write_msg(ping_pipe[1], "ping", i);
		read_msg(pong_pipe[0], "pong", i);
	}
	if (pthread_join(thread, NULL))
		die("pthread_join");
	/*
	 * A pause before the exit, so the reader drains every ring first.
	 * scap-open stops at the first event after the command's exit; with a
	 * merge that reads CPU 0 ahead of CPU 1, that event may come before
	 * CPU 1's last rounds, which would then be lost on some runs and not
	 * on others. The check of "nothing lost" is about the merge handing out
	 * each head once, and it must say the same thing every time.
	 */
	usleep(200 * 1000);
	return 0;
}
