// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Loads floor_ring.bpf.o and attaches one pair of its programs: noop (the
 * hook alone), ring (a bare header per syscall in this CPU's BPF ring
 * buffer), tail (the same, one tail call away) or wakeup (ring, with the
 * kernel asked to wake the reader). With ring or tail, it reads the rings
 * as the modern engine does (the same reader,
 * engine/modern_bpf/bpf_ringbuf.c: no wake-up, a look every 10 ms when all
 * are empty); with wakeup, it sleeps in epoll_wait until the kernel wakes
 * it, as libbpf's ring_buffer__poll() does, and its own syscalls are left
 * out of the capture. Until SIGINT or SECONDS pass;
 * then it prints "floor-ring: N events read, M lost".
 *
 *   sudo build/test/bench/floor-ring OBJ noop|ring|tail|wakeup [SECONDS] [RING_BYTES]
 *
 * It says "floor-ring: attached" on stderr once its programs run. Used by
 * scripts/bench.sh.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/epoll.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include "bpf_ringbuf.h"

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static double seconds_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec - t0->tv_sec + (t.tv_nsec - t0->tv_nsec) / 1e9;
}

/*
 * One ring per CPU, in the outer map: as the modern engine sets them up.
 * Each ring's fd is added to epfd (wakeup mode; -1: none).
 */
static struct scap_bpf_ringbuf *open_rings(struct bpf_object *obj, int ncpus, size_t bytes,
					   int epfd)
{
	struct bpf_map *outer = bpf_object__find_map_by_name(obj, "ringbuf_maps");
	struct scap_bpf_ringbuf *rings = calloc(ncpus, sizeof(*rings));
	char err[256];

	if (!rings || !outer)
		return NULL;
	for (int cpu = 0; cpu < ncpus; cpu++) {
		int fd = bpf_map_create(BPF_MAP_TYPE_RINGBUF, "floor_ring", 0, 0, bytes, NULL);

		struct epoll_event ev = { .events = EPOLLIN };

		if (fd < 0 || bpf_map_update_elem(bpf_map__fd(outer), &cpu, &fd, BPF_ANY) ||
		    scap_bpf_ringbuf_init(&rings[cpu], fd, bytes, err, sizeof(err)) ||
		    (epfd >= 0 && epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev))) {
			fprintf(stderr, "floor-ring: the ring of CPU %d: %s\n", cpu,
				fd < 0 ? strerror(errno) : err);
			return NULL;
		}
	}
	return rings;
}

static unsigned long long lost_events(struct bpf_object *obj, int ncpus)
{
	unsigned long long total = 0, *per_cpu = calloc(ncpus, sizeof(*per_cpu));
	__u32 zero = 0;

	if (per_cpu && !bpf_map_lookup_elem(bpf_object__find_map_fd_by_name(obj, "lost"),
					    &zero, per_cpu))
		for (int cpu = 0; cpu < ncpus; cpu++)
			total += per_cpu[cpu];
	free(per_cpu);
	return total;
}

/* Slot 0 of each tail call table: floor_ring's program, its target. */
static int fill_tail_tables(struct bpf_object *obj)
{
	static const char *const dirs[] = { "enter", "exit" };
	char table[48], target[48];
	__u32 zero = 0;

	for (int i = 0; i < 2; i++) {
		int prog_fd;

		snprintf(table, sizeof(table), "floor_tail_%s_table", dirs[i]);
		snprintf(target, sizeof(target), "floor_ring_%s", dirs[i]);
		prog_fd = bpf_program__fd(bpf_object__find_program_by_name(obj, target));
		if (prog_fd < 0 || bpf_map_update_elem(bpf_object__find_map_fd_by_name(obj, table),
						       &zero, &prog_fd, BPF_ANY)) {
			fprintf(stderr, "floor-ring: cannot put %s in %s: %s\n", target, table,
				strerror(errno));
			return -1;
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	const char *mode = argc > 2 ? argv[2] : "";
	double seconds = argc > 3 ? atof(argv[3]) : 600;
	size_t bytes = argc > 4 ? strtoull(argv[4], NULL, 0) : 8 << 20;
	int ncpus = libbpf_num_possible_cpus(), tail = !strcmp(mode, "tail");
	int wakeup = !strcmp(mode, "wakeup"), ring = tail || wakeup || !strcmp(mode, "ring");
	int epfd = wakeup ? epoll_create1(EPOLL_CLOEXEC) : -1;
	struct bpf_link *links[2] = { NULL, NULL };
	struct scap_bpf_ringbuf *rings = NULL;
	unsigned long long events = 0;
	struct bpf_object *obj;
	struct bpf_map *outer;
	struct timespec t0;
	char name[32];

	if (argc < 3 || (!ring && strcmp(mode, "noop")) || ncpus <= 0 || (wakeup && epfd < 0)) {
		fprintf(stderr, "usage: floor-ring OBJ noop|ring|tail|wakeup [SECONDS] [RING_BYTES]\n");
		return 2;
	}
	obj = bpf_object__open_file(argv[1], NULL);
	outer = obj ? bpf_object__find_map_by_name(obj, "ringbuf_maps") : NULL;
	if (!outer) {
		fprintf(stderr, "floor-ring: cannot open %s\n", argv[1]);
		return 1;
	}
	/* The kernel checks each inner ring against this template. */
	bpf_map__set_max_entries(outer, ncpus);
	bpf_map__set_inner_map_fd(outer, bpf_map_create(BPF_MAP_TYPE_RINGBUF, "floor_tmpl",
							 0, 0, bytes, NULL));
	if (bpf_object__load(obj)) {
		fprintf(stderr, "floor-ring: the kernel refused %s (ring size %zu: a power of 2?)\n",
			argv[1], bytes);
		return 1;
	}
	if (ring && !(rings = open_rings(obj, ncpus, bytes, epfd)))
		return 1;
	if (tail && fill_tail_tables(obj))
		return 1;
	if (wakeup) {
		__u32 zero = 0, self = getpid();

		if (bpf_map_update_elem(bpf_object__find_map_fd_by_name(obj, "floor_reader_tgid"),
					&zero, &self, BPF_ANY)) {
			fprintf(stderr, "floor-ring: cannot leave out the reader: %s\n", strerror(errno));
			return 1;
		}
	}
	for (int i = 0; i < 2; i++) {
		snprintf(name, sizeof(name), "floor_%s_%s", mode, i ? "exit" : "enter");
		links[i] = bpf_program__attach(bpf_object__find_program_by_name(obj, name));
		if (!links[i]) {
			fprintf(stderr, "floor-ring: cannot attach %s: %s\n", name, strerror(errno));
			return 1;
		}
	}
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	fprintf(stderr, "floor-ring: attached\n");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (!stop && seconds_since(&t0) < seconds) {
		uint32_t len;
		int any = 0;

		for (int cpu = 0; ring && cpu < ncpus; cpu++) {
			while (scap_bpf_ringbuf_peek(&rings[cpu], &len)) {
				scap_bpf_ringbuf_consume(&rings[cpu]);
				events++;
				any = 1;
			}
		}
		if (any)
			continue;
		if (wakeup) {
			struct epoll_event ev;

			/* The bound lets SIGINT and SECONDS be seen. */
			epoll_wait(epfd, &ev, 1, 100);
		} else {
			nanosleep(&(struct timespec){ 0, 10 * 1000 * 1000 }, NULL);
		}
	}
	for (int i = 0; i < 2; i++)
		bpf_link__destroy(links[i]);
	printf("floor-ring: %llu events read, %llu lost\n", events, lost_events(obj, ncpus));
	bpf_object__close(obj);
	return 0;
}
