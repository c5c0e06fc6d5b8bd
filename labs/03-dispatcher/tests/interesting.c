// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Lab 03's checker of the dispatchers' filter. It loads the probe itself,
 * asking for two syscalls only, as `scap-open -s openat,getppid` would:
 *
 *   interesting_syscalls = { openat (has a filler), getppid (has none) }
 *
 * Then, while capturing, this process (the reader) and a child it forks
 * both call openat, close, getppid, getpid and uname. It prints every event
 * of the two processes, as the probe sent it, one JSON line each:
 *
 *   {"who":"child","dir":"<","name":"openat","generic":false}
 *
 * and last {"done":true,"reader":PID,"child":PID,"drops":N}. scap-open
 * cannot be used for this: it drops the events of the syscalls it did not
 * ask for, and its own, in userspace, and so would hide a dispatcher that
 * sends them.
 *
 * Try it: sudo build/labs/03-dispatcher/tests/interesting
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "scap.h"
#include "scap_event.h"
#include "scap_schema.h"

#define DRAIN_NS (2ULL * 1000 * 1000 * 1000)	/* give up reading after 2 s */

static void die(const char *what, const char *why)
{
	fprintf(stderr, "interesting: %s: %s\n", what, why);
	exit(1);
}

/* The same calls in the reader and in the child; each result is checked. */
static void make_calls(void)
{
	struct utsname u;
	long fd;

	fd = syscall(SYS_openat, AT_FDCWD, "/dev/null", O_RDONLY);
	if (fd < 0)
		die("openat /dev/null", strerror(errno));
	if (syscall(SYS_close, fd))
		die("close", strerror(errno));
	if (syscall(SYS_getppid) <= 0)
		die("getppid", strerror(errno));
	if (syscall(SYS_getpid) <= 0)
		die("getpid", strerror(errno));
	if (syscall(SYS_uname, &u))
		die("uname", strerror(errno));
}

static unsigned long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

static void print_event(const struct ppm_evt_hdr *hdr, const char *who)
{
	char err[SCAP_LASTERR_SIZE];
	struct scap_evt_view v;
	const char *name;
	bool generic;

	if (scap_event_decode(hdr, hdr->len, &v, err, sizeof(err)) != SCAP_SUCCESS) {
		printf("{\"who\":\"%s\",\"corrupt\":true}\n", who);
		return;
	}
	generic = hdr->type == PPME_GENERIC_E || hdr->type == PPME_GENERIC_X;
	name = v.info->name;
	/* The generic event's syscall: by its ID, Falco's code, or else its nativeID. */
	if (generic) {
		name = scap_evt_name(&v);
		if (!strcmp(name, "syscall"))
			name = "?";
	}
	printf("{\"who\":\"%s\",\"dir\":\"%c\",\"name\":\"%s\",\"generic\":%s}\n", who,
	       PPME_IS_ENTER(hdr->type) ? '>' : '<', name, generic ? "true" : "false");
}

int main(void)
{
	struct scap_open_args args = { .engine = SCAP_ENGINE_MODERN_BPF };
	char err[SCAP_LASTERR_SIZE];
	pid_t reader = getpid(), child;
	unsigned long long deadline;
	struct ppm_evt_hdr *hdr;
	struct scap_stats stats;
	int32_t rc;
	uint16_t cpu;
	int status, timeouts = 0;
	scap_t *h;

	args.interesting_syscalls[SYS_openat] = true;
	args.interesting_syscalls[SYS_getppid] = true;
	h = scap_open(&args, err, &rc);
	if (!h)
		die("scap_open", err);
	if (scap_start_capture(h) != SCAP_SUCCESS)
		die("scap_start_capture", scap_getlasterr(h));

	make_calls();		/* the reader's own: they must not be captured */
	child = fork();
	if (child < 0)
		die("fork", strerror(errno));
	if (child == 0) {
		make_calls();
		_exit(0);
	}
	if (waitpid(child, &status, 0) != child)
		die("waitpid", strerror(errno));
	if (!WIFEXITED(status) || WEXITSTATUS(status))
		die("the child", "failed (see its message above)");

	/*
	 * Every event of the child is in the rings now: a syscall's exit event
	 * is written before the syscall returns. Read until the rings stay
	 * empty (two timeouts in a row), or for 2 s at most.
	 */
	deadline = now_ns() + DRAIN_NS;
	while (timeouts < 2 && now_ns() < deadline) {
		rc = scap_next(h, &hdr, &cpu);
		if (rc == SCAP_TIMEOUT) {
			timeouts++;
			continue;
		}
		if (rc != SCAP_SUCCESS)
			die("scap_next", scap_getlasterr(h));
		timeouts = 0;
		if (hdr->tid == (uint64_t)child)
			print_event(hdr, "child");
		else if (hdr->tid == (uint64_t)reader)
			print_event(hdr, "reader");
	}
	if (scap_stop_capture(h) != SCAP_SUCCESS)
		die("scap_stop_capture", scap_getlasterr(h));
	if (scap_get_stats(h, &stats) != SCAP_SUCCESS)
		die("scap_get_stats", scap_getlasterr(h));
	printf("{\"done\":true,\"reader\":%d,\"child\":%d,\"drops\":%llu}\n", reader, child,
	       (unsigned long long)stats.n_drops);
	scap_close(h);
	if (fflush(stdout))
		die("stdout", strerror(errno));
	return 0;
}
