// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * A monitor of one rule, on top of the installed library: alert when a
 * process opens /etc/shadow. The starting point for a monitor of your own:
 * the Makefile beside it says how to build it, and the repository's
 * README.md ("Your own program") what it leaves out.
 *
 *   sudo ./monitor [SECONDS]      (default: until Ctrl-C)
 *
 * Prints one line per alert, on stdout:
 *   ALERT cat (pid 1234, parent bash) opened /etc/shadow (openat, fd 3, O_RDONLY)
 * and, at the end, on stderr, how many events it read and lost.
 *
 * libsinsp keeps the state: which process each thread is, and what each
 * fd names, resolved against the cwd, so `cd /etc && cat shadow` alerts too.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <scaplab/scap.h>
#include <scaplab/scap_event.h>
#include <scaplab/scap_schema.h>
#include <scaplab/scap_flags.h>
#include <scaplab/sinsp.h>

#define WATCHED "/etc/shadow"

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static void check_event(struct sinsp *state, const struct ppm_evt_hdr *hdr)
{
	const struct sinsp_threadinfo *t, *parent;
	const struct sinsp_fdinfo *fdi;
	struct scap_evt_view v;
	int64_t fd;

	if (scap_event_decode(hdr, hdr->len, &v, NULL, 0) != SCAP_SUCCESS)
		return;
	/* Every event, in order: the state must see the clones, execs and chdirs. */
	t = sinsp_process_event(state, &v);
	if (!t || !sinsp_is_open_exit(hdr->type))
		return;
	/* Params by their names in the schema: no position written down here. */
	fd = scap_evt_param_s64_by_name(&v, "fd");
	/* The fd's name: the path resolved against the dirfd or the cwd. */
	fdi = sinsp_get_fd(t, fd);
	if (fd < 0 || !fdi || strcmp(fdi->name, WATCHED))
		return;
	parent = sinsp_get_parent(state, t);
	printf("ALERT %s (pid %lld, parent %s) opened %s (%s, fd %lld, %s)\n", t->comm,
	       (long long)t->pid, parent ? parent->comm : "?", fdi->name, scap_evt_name(&v),
	       (long long)fd, !scap_evt_param_by_name(&v, "flags") ? "?" :
	       scap_open_access_name(scap_evt_param_u32_by_name(&v, "flags")));
	fflush(stdout);
}

int main(int argc, char **argv)
{
	struct scap_open_args args = { .engine = SCAP_ENGINE_MODERN_BPF };
	double seconds = argc > 1 ? atof(argv[1]) : 0;
	char err[SCAP_LASTERR_SIZE];
	struct scap_stats stats;
	struct ppm_evt_hdr *evt;
	time_t end = seconds > 0 ? time(NULL) + (time_t)seconds : 0;
	uint64_t n = 0;
	struct sinsp *state = sinsp_new(NULL);
	uint16_t cpu;
	int32_t rc;
	scap_t *h;

	/* Ask the driver for the syscalls the state needs (opens among them): nothing else. */
	sinsp_add_state_syscalls(args.interesting_syscalls);
	h = scap_open(&args, err, &rc);
	if (!h || !state) {
		fprintf(stderr, "monitor: %s\n", h ? "out of memory" : err);
		return 1;
	}
	/* What runs already, and its open fds; the events teach the rest. */
	if (sinsp_scan_proc(state) < 0)
		perror("monitor: reading /proc");
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	if (scap_start_capture(h) != SCAP_SUCCESS) {
		fprintf(stderr, "monitor: %s\n", scap_getlasterr(h));
		scap_close(h);
		return 1;
	}
	fprintf(stderr, "monitor: watching opens of %s\n", WATCHED);
	while (!stop && (!end || time(NULL) < end)) {
		rc = scap_next(h, &evt, &cpu);
		if (rc == SCAP_TIMEOUT)
			continue;
		if (rc != SCAP_SUCCESS) {
			fprintf(stderr, "monitor: %s\n", scap_getlasterr(h));
			break;
		}
		n++;
		check_event(state, evt);
	}
	scap_stop_capture(h);
	if (scap_get_stats(h, &stats) == SCAP_SUCCESS)
		fprintf(stderr, "monitor: %llu events read, %llu lost\n", (unsigned long long)n,
			(unsigned long long)stats.n_drops);
	scap_close(h);
	sinsp_free(state);
	return 0;
}
