// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Lab 12.3: a burst, and a reader that stalls through it.
 *
 *   sudo build/labs/12-performance/tests/burst BUFFER_MIB SYSCALLS
 *
 * SYSCALLS is "all" or a comma-separated list (openat,close), as in
 * capture.conf. It opens a capture with the modern driver, BUFFER_MIB MiB
 * per CPU and those syscalls, and starts one producer pinned on each of
 * the first two CPUs. Each producer, mixed together:
 *
 *   OPENS times  openat() of a file whose path is PATH_LEN bytes, close()
 *   NOISE times  getppid()
 *
 * The reader does not read until both producers are done: the worst case,
 * a reader stuck for the length of the burst (writing to a slow disk, say).
 * So the result does not depend on how fast this machine is or how busy:
 * the burst's events fit in each CPU's ring, or they do not. Then it reads
 * everything and prints, per producer, how many of its openat events
 * arrived, the ring bytes they took, and the drops.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "scap.h"
#include "scap_schema.h"

#define OPENS 20000
#define NOISE 100000
#define PATH_LEN 200
#define PRODUCERS 2
/* A BPF ring buffer record: an 8-byte header, the event, rounded up to 8. */
#define RING_BYTES(len) ((8 + (len) + 7) / 8 * 8)

struct producer {
	pid_t pid;
	unsigned long enter, exit;	/* openat events that arrived */
	unsigned long long bytes;	/* ring bytes of every event of its own */
};

static int parse_syscalls(struct scap_open_args *args, const char *list)
{
	char copy[512], *name, *save;

	if (!strcmp(list, "all"))
		return 0;
	if (strlen(list) >= sizeof(copy)) {
		fprintf(stderr, "burst: the list of syscalls is too long\n");
		return -1;
	}
	strcpy(copy, list);
	for (name = strtok_r(copy, ", ", &save); name; name = strtok_r(NULL, ", ", &save)) {
		int nr = scap_syscall_by_name(name);

		if (nr < 0) {
			fprintf(stderr, "burst: no syscall named '%s'\n", name);
			return -1;
		}
		args->interesting_syscalls[nr] = true;
	}
	return 0;
}

static void produce(int cpu, const char *path)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set))
		_exit(3);
	for (int i = 0; i < OPENS; i++) {
		long fd = syscall(SYS_openat, AT_FDCWD, path, O_RDONLY);

		if (fd >= 0)
			syscall(SYS_close, fd);
		for (int j = 0; j < NOISE / OPENS; j++)
			syscall(SYS_getppid);
	}
	_exit(0);
}

/* The file every producer opens: a directory name long enough for PATH_LEN. */
static int make_path(char *path, size_t size)
{
	int n = snprintf(path, size, "/tmp/scaplab-lab12-%d/", (int)getpid());
	int fd;

	if (mkdir(path, 0755) && errno != EEXIST)
		return -1;
	memset(path + n, 'f', PATH_LEN - n);
	path[PATH_LEN] = '\0';
	fd = open(path, O_CREAT | O_WRONLY, 0644);
	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

static void remove_path(char *path)
{
	unlink(path);
	*strrchr(path, '/') = '\0';
	rmdir(path);
}

int main(int argc, char **argv)
{
	struct scap_open_args args = { .engine = SCAP_ENGINE_MODERN_BPF };
	struct producer prod[PRODUCERS] = { 0 };
	int nprod = sysconf(_SC_NPROCESSORS_ONLN) >= 2 ? 2 : 1, timeouts = 0, failed = 0;
	char err[SCAP_LASTERR_SIZE], path[PATH_LEN + 1];
	struct scap_stats stats = { 0 };
	struct ppm_evt_hdr *evt;
	long mib = argc == 3 ? strtol(argv[1], NULL, 10) : 0;
	uint16_t cpu;
	int32_t rc;
	scap_t *h;

	if (argc != 3 || mib < 1 || mib > 1024 || (mib & (mib - 1))) {
		fprintf(stderr, "usage: burst BUFFER_MIB SYSCALLS (BUFFER_MIB: a power of 2, 1 to 1024)\n");
		return 2;
	}
	args.buffer_bytes_dim = (unsigned long)mib << 20;
	if (parse_syscalls(&args, argv[2]))
		return 2;
	if (make_path(path, sizeof(path))) {
		fprintf(stderr, "burst: cannot make the file to open: %s\n", strerror(errno));
		return 1;
	}
	h = scap_open(&args, err, &rc);
	if (!h) {
		fprintf(stderr, "burst: cannot open the capture: %s\n", err);
		remove_path(path);
		return 1;
	}
	if (scap_start_capture(h) != SCAP_SUCCESS) {
		fprintf(stderr, "burst: cannot start the capture: %s\n", scap_getlasterr(h));
		failed = 1;
		goto out;
	}
	for (int i = 0; i < nprod; i++) {
		prod[i].pid = fork();
		if (prod[i].pid == 0)
			produce(i, path);
		if (prod[i].pid < 0) {
			fprintf(stderr, "burst: fork: %s\n", strerror(errno));
			failed = 1;
			nprod = i;
		}
	}
	for (int i = 0; i < nprod; i++) {
		int status;

		if (waitpid(prod[i].pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status)) {
			fprintf(stderr, "burst: producer %d failed\n", i);
			failed = 1;
		}
	}
	/* Now read it all: three looks in a row that find nothing end it. */
	while (timeouts < 3) {
		rc = scap_next(h, &evt, &cpu);
		if (rc == SCAP_TIMEOUT) {
			timeouts++;
			continue;
		}
		if (rc != SCAP_SUCCESS) {
			fprintf(stderr, "burst: scap_next: %s\n", scap_getlasterr(h));
			failed = 1;
			break;
		}
		timeouts = 0;
		for (int i = 0; i < nprod; i++) {
			if ((pid_t)evt->tid != prod[i].pid)
				continue;
			prod[i].bytes += RING_BYTES(evt->len);
			prod[i].enter += evt->type == PPME_SYSCALL_OPENAT_2_E;
			prod[i].exit += evt->type == PPME_SYSCALL_OPENAT_2_X;
		}
	}
	scap_stop_capture(h);
	if (scap_get_stats(h, &stats) != SCAP_SUCCESS) {
		fprintf(stderr, "burst: scap_get_stats: %s\n", scap_getlasterr(h));
		failed = 1;
	}
	printf("burst: %d producers, each %d openat+close of a %d-byte path and %d getppid; "
	       "%ld MiB a CPU, syscalls %s\n", nprod, OPENS, PATH_LEN, NOISE, mib, argv[2]);
	for (int i = 0; i < nprod; i++)
		printf("producer=%d openat_enter=%lu openat_exit=%lu expected=%d ring_mib=%.1f\n", i,
		       prod[i].enter, prod[i].exit, OPENS, prod[i].bytes / 1048576.0);
	printf("drops=%llu drops_buffer=%llu\n", (unsigned long long)stats.n_drops,
	       (unsigned long long)stats.n_drops_buffer);
out:
	scap_close(h);
	remove_path(path);
	return failed;
}
