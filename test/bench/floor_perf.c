// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Loads floor_perf.bpf.o and reads its perf buffers the way the bpf engine
 * does (the same reader, engine/bpf/perf_buffer.c: no wake-up per sample,
 * a look every 10 ms), until SIGINT or SECONDS pass. Prints the events
 * read and the samples lost.
 *
 *   sudo build/test/bench/floor-perf OBJ [SECONDS] [WAKEUP_EVENTS] [BUFFER_BYTES]
 *
 * WAKEUP_EVENTS (default 0): 1 asks the kernel to wake a poller after
 * every sample, as libbpf's perf_buffer__new() does; the reader still
 * polls, so only the cost to the traced program changes. Used by
 * scripts/bench-drivers.sh.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include "perf_buffer.h"

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

int main(int argc, char **argv)
{
	double seconds = argc > 2 ? atof(argv[2]) : 600;
	unsigned int wakeup = argc > 3 ? atoi(argv[3]) : 0;
	size_t bytes = argc > 4 ? strtoull(argv[4], NULL, 0) : 8 << 20;
	int ncpus = libbpf_num_possible_cpus();
	struct bpf_link *links[2] = { NULL, NULL };
	const char *progs[2] = { "floor_enter", "floor_exit" };
	struct scap_perf_buffer *pbs;
	unsigned long long events = 0, lost = 0;
	struct bpf_object *obj;
	struct timespec t0, t;
	char err[256];
	int map_fd;

	if (argc < 2 || ncpus <= 0) {
		fprintf(stderr, "usage: floor-perf OBJ [SECONDS] [WAKEUP_EVENTS] [BUFFER_BYTES]\n");
		return 2;
	}
	obj = bpf_object__open_file(argv[1], NULL);
	if (!obj || bpf_object__load(obj)) {
		fprintf(stderr, "floor-perf: failed to open or load %s\n", argv[1]);
		return 1;
	}
	map_fd = bpf_object__find_map_fd_by_name(obj, "perf_map");
	pbs = calloc(ncpus, sizeof(*pbs));
	if (!pbs)
		return 1;
	for (int cpu = 0; cpu < ncpus; cpu++) {
		pbs[cpu].fd = -1;
		if (scap_perf_buffer_open(&pbs[cpu], cpu, bytes, wakeup, err, sizeof(err)) ||
		    bpf_map_update_elem(map_fd, &cpu, &pbs[cpu].fd, BPF_ANY)) {
			fprintf(stderr, "floor-perf: CPU %d: %s\n", cpu, err);
			return 1;
		}
	}
	for (int i = 0; i < 2; i++) {
		links[i] = bpf_program__attach_raw_tracepoint(
			bpf_object__find_program_by_name(obj, progs[i]), i ? "sys_exit" : "sys_enter");
		if (!links[i]) {
			fprintf(stderr, "floor-perf: failed to attach %s: %s\n", progs[i],
				strerror(errno));
			return 1;
		}
	}
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	fprintf(stderr, "floor-perf: attached\n");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (!stop) {
		uint32_t len;
		int any = 0;

		for (int cpu = 0; cpu < ncpus; cpu++) {
			while (scap_perf_buffer_peek(&pbs[cpu], &len)) {
				scap_perf_buffer_consume(&pbs[cpu]);
				events++;
				any = 1;
			}
		}
		clock_gettime(CLOCK_MONOTONIC, &t);
		if (t.tv_sec - t0.tv_sec + (t.tv_nsec - t0.tv_nsec) / 1e9 > seconds)
			break;
		if (!any)
			nanosleep(&(struct timespec){ 0, 10 * 1000 * 1000 }, NULL);
	}
	for (int i = 0; i < 2; i++)
		bpf_link__destroy(links[i]);
	for (int cpu = 0; cpu < ncpus; cpu++) {
		lost += pbs[cpu].n_lost;
		scap_perf_buffer_close(&pbs[cpu]);
	}
	printf("floor-perf: %llu events read, %llu lost\n", events, lost);
	bpf_object__close(obj);
	return 0;
}
