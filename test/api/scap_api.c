// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * libscap's API contracts, checked on the real engine (test/bats/api.bats
 * runs it as root): a NULL handle, wrong modes and engine parameters are
 * refused; a stopped capture ends in SCAP_STOPPED once its buffers are
 * read; two handles in one process do not see each other.
 *
 * Prints one "ok N - what" or "not ok N - what: why" line per check (TAP)
 * and exits 1 if any failed.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include "scap.h"

static int g_n, g_failed;

static void check(int ok, const char *what, const char *why)
{
	g_n++;
	if (ok) {
		printf("ok %d - %s\n", g_n, what);
		return;
	}
	g_failed++;
	printf("not ok %d - %s: %s\n", g_n, what, why);
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static scap_t *open_getppid_only(char *err, int32_t *rc)
{
	struct scap_open_args args = { .engine = SCAP_ENGINE_MODERN_BPF };

	args.interesting_syscalls[SYS_getppid] = true;
	return scap_open(&args, err, rc);
}

/*
 * A child that calls getppid n times and exits: the engine leaves the
 * capturing process itself out. Its pid, once it has exited.
 */
static pid_t getppid_child(int n)
{
	pid_t pid = fork();

	if (pid == 0) {
		for (int i = 0; i < n; i++)
			syscall(SYS_getppid);
		_exit(0);
	}
	waitpid(pid, NULL, 0);
	return pid;
}

/* Events of the child's getppid calls in h: (enter + exit) per call. */
static int count_getppid_of(scap_t *h, pid_t child, int32_t *last_rc)
{
	struct ppm_evt_hdr *evt;
	uint16_t cpu;
	int n = 0;
	double end = now_s() + 5;

	while (now_s() < end) {
		*last_rc = scap_next(h, &evt, &cpu);
		if (*last_rc == SCAP_TIMEOUT)
			continue;
		if (*last_rc != SCAP_SUCCESS)
			break;
		if (evt->tid == (uint64_t)child &&
		    (evt->type == PPME_GENERIC_E || evt->type == PPME_GENERIC_X))
			n++;
	}
	return n;
}

static void null_handle(void)
{
	struct ppm_evt_hdr *evt;
	struct scap_stats st;
	uint16_t cpu;

	check(scap_next(NULL, &evt, &cpu) == SCAP_ILLEGAL_INPUT, "scap_next(NULL)",
	      "not SCAP_ILLEGAL_INPUT");
	check(scap_start_capture(NULL) == SCAP_ILLEGAL_INPUT &&
	      scap_stop_capture(NULL) == SCAP_ILLEGAL_INPUT &&
	      scap_get_stats(NULL, &st) == SCAP_ILLEGAL_INPUT && scap_get_ndevs(NULL) == 0,
	      "start, stop, stats and ndevs of NULL", "not refused");
	check(scap_getlasterr(NULL) && *scap_getlasterr(NULL), "scap_getlasterr(NULL)",
	      "no message");
	scap_close(NULL);
	check(1, "scap_close(NULL) returns", "");
}

static void wrong_args(void)
{
	struct scap_open_args args = { .engine = SCAP_ENGINE_MODERN_BPF };
	char err[SCAP_LASTERR_SIZE] = "";
	int params = 1;
	int32_t rc;
	scap_t *h;

	args.mode = SCAP_MODE_CAPTURE;
	h = scap_open(&args, err, &rc);
	check(!h && rc == SCAP_ILLEGAL_INPUT && strstr(err, "captures live"),
	      "modern_bpf in file mode is refused", err);
	args.mode = SCAP_MODE_LIVE;
	args.engine_params = &params;
	h = scap_open(&args, err, &rc);
	check(!h && rc == SCAP_ILLEGAL_INPUT && strstr(err, "engine_params"),
	      "modern_bpf with engine_params is refused", err);
	args.engine_params = NULL;
	args.engine = SCAP_ENGINE_COUNT;
	h = scap_open(&args, err, &rc);
	check(!h && rc == SCAP_ILLEGAL_INPUT, "an unknown engine is refused", err);
	check(scap_engine_available(SCAP_ENGINE_MODERN_BPF, NULL) &&
	      !strcmp(scap_engine_name(SCAP_ENGINE_MODERN_BPF), "modern_bpf"),
	      "modern_bpf is in this build", "scap_engine_available says no");
}

static void stopped_then_drained(void)
{
	char err[SCAP_LASTERR_SIZE];
	struct ppm_evt_hdr *evt;
	uint16_t cpu;
	int32_t rc, last;
	scap_t *h = open_getppid_only(err, &rc);
	char why[64];
	pid_t child;
	int n;

	if (!h) {
		check(0, "open the modern_bpf engine", err);
		return;
	}
	scap_start_capture(h);
	child = getppid_child(100);
	scap_stop_capture(h);
	n = count_getppid_of(h, child, &last);
	check(last == SCAP_STOPPED, "a stopped capture ends in SCAP_STOPPED", "another code");
	snprintf(why, sizeof(why), "%d events", n);
	check(n == 200, "every event before the stop is read", why);
	check(scap_next(h, &evt, &cpu) == SCAP_STOPPED, "and stays SCAP_STOPPED",
	      "another code");
	scap_close(h);
}

static void two_handles(void)
{
	char err[SCAP_LASTERR_SIZE];
	int32_t rc, last1, last2;
	scap_t *h1 = open_getppid_only(err, &rc);
	scap_t *h2 = h1 ? open_getppid_only(err, &rc) : NULL;
	int n1, n2;
	char why[64];
	pid_t child;

	if (!h1 || !h2) {
		check(0, "open two handles", err);
		scap_close(h1);
		return;
	}
	scap_start_capture(h1);
	scap_start_capture(h2);
	child = getppid_child(50);
	scap_stop_capture(h1);
	scap_stop_capture(h2);
	n1 = count_getppid_of(h1, child, &last1);
	scap_close(h1);
	n2 = count_getppid_of(h2, child, &last2);
	snprintf(why, sizeof(why), "%d and %d events", n1, n2);
	check(n1 == 100 && n2 == 100, "two handles each get every event", why);
	scap_close(h2);
}

int main(void)
{
	null_handle();
	wrong_args();
	stopped_then_drained();
	two_handles();
	printf("1..%d\n", g_n);
	return g_failed ? 1 : 0;
}
