// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * How much work is the verifier's, program by program? Loads the modern
 * probe's object file as the engine does, asks the kernel for each
 * program's statistics (log level 4, BPF_LOG_STATS) and prints, busiest
 * first, the instructions the verifier walked ("processed") to accept it.
 * That count, not the program's size, is what loading costs: a loop of
 * 1024 iterations is walked 1024 times. In the kmod's guest, under TCG,
 * walking 327,000 fewer instructions cut the probe's load from 28 s to
 * 11 s (modern_bpf/helpers/README.md).
 *
 *   verifier_stats PROBE.bpf.o [MAX_TOTAL MAX_ONE]
 *
 * Prints "N NAME" per program, then "total: N instructions walked in P
 * programs". With the limits, exits 1 if the total is above MAX_TOTAL or
 * a program above MAX_ONE (test/bats/verifier.bats); 2 if it cannot load.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#define LOG_SIZE 4096	/* the stats are the log's last lines */
#define MAX_PROGS 1024

struct prog_stat {
	const char *name;
	long walked;
};

static int by_walked(const void *a, const void *b)
{
	long x = ((const struct prog_stat *)a)->walked, y = ((const struct prog_stat *)b)->walked;

	return x < y ? 1 : x > y ? -1 : 0;
}

/* As size_per_cpu_maps() in userspace/libscap/engine/modern_bpf/modern_bpf.c. */
static int size_per_cpu_maps(struct bpf_object *obj)
{
	int ncpus = libbpf_num_possible_cpus();
	struct bpf_map *map;
	int tmpl;

	if (ncpus <= 0)
		return -1;
	tmpl = bpf_map_create(BPF_MAP_TYPE_RINGBUF, "ringbuf_tmpl", 0, 0, 1 << 20, NULL);
	if (tmpl < 0)
		return -1;
	bpf_object__for_each_map(map, obj) {
		const char *name = bpf_map__name(map);

		if (!strcmp(name, "auxiliary_maps") || !strcmp(name, "counter_maps") ||
		    !strcmp(name, "ringbuf_maps"))
			bpf_map__set_max_entries(map, ncpus);
		if (!strcmp(name, "ringbuf_maps"))
			bpf_map__set_inner_map_fd(map, tmpl);
	}
	return 0;	/* tmpl stays open until the load: libbpf borrows it */
}

int main(int argc, char **argv)
{
	static char logs[MAX_PROGS][LOG_SIZE];
	static struct prog_stat stats[MAX_PROGS];
	long total = 0, max_total = -1, max_one = -1;
	struct bpf_program *prog;
	struct bpf_object *obj;
	int n = 0, bad = 0;

	if (argc != 2 && argc != 4) {
		fprintf(stderr, "usage: verifier_stats PROBE.bpf.o [MAX_TOTAL MAX_ONE]\n");
		return 2;
	}
	if (argc == 4) {
		max_total = atol(argv[2]);
		max_one = atol(argv[3]);
	}
	libbpf_set_print(NULL);	/* its own words on a bad file say less than ours */
	obj = bpf_object__open_file(argv[1], NULL);
	if (!obj) {
		char why[128];

		libbpf_strerror(errno, why, sizeof(why));
		fprintf(stderr, "verifier_stats: cannot open %s: %s\n", argv[1], why);
		return 2;
	}
	if (size_per_cpu_maps(obj)) {
		fprintf(stderr, "verifier_stats: cannot size the per-CPU maps: %s\n", strerror(errno));
		return 2;
	}
	bpf_object__for_each_program(prog, obj) {
		if (n == MAX_PROGS) {
			fprintf(stderr, "verifier_stats: more than %d programs\n", MAX_PROGS);
			return 2;
		}
		bpf_program__set_log_level(prog, 4);
		bpf_program__set_log_buf(prog, logs[n++], LOG_SIZE);
	}
	if (bpf_object__load(obj)) {
		fprintf(stderr, "verifier_stats: %s does not load (scap-open -v says why)\n", argv[1]);
		return 2;
	}
	n = 0;
	bpf_object__for_each_program(prog, obj) {
		char *at = strstr(logs[n], "processed ");

		stats[n].name = bpf_program__name(prog);
		stats[n].walked = at ? atol(at + strlen("processed ")) : 0;
		total += stats[n++].walked;
	}
	qsort(stats, n, sizeof(stats[0]), by_walked);
	for (int i = 0; i < n; i++) {
		bool over = max_one >= 0 && stats[i].walked > max_one;

		printf("%7ld %s%s\n", stats[i].walked, stats[i].name, over ? "  <- above the limit" : "");
		bad |= over;
	}
	printf("total: %ld instructions walked in %d programs\n", total, n);
	if (max_total >= 0 && total > max_total) {
		printf("the total is above the limit of %ld\n", max_total);
		bad = 1;
	}
	bpf_object__close(obj);
	return bad;
}
