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
 *   ALERT tid=1234 opened /etc/shadow (openat, fd 3, flags O_RDONLY)
 * and, at the end, on stderr, how many events it read and lost.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/syscall.h>
#include <scaplab/scap.h>
#include <scaplab/scap_event.h>
#include <scaplab/scap_schema.h>
#include <scaplab/scap_flags.h>

#define WATCHED "/etc/shadow"

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

/* The open-type syscalls whose exit event carries the path and the new fd. */
static bool is_open_exit(uint16_t type)
{
	return type == PPME_SYSCALL_OPEN_X || type == PPME_SYSCALL_OPENAT_2_X ||
	       type == PPME_SYSCALL_OPENAT2_X || type == PPME_SYSCALL_CREAT_X;
}

static void check_event(const struct ppm_evt_hdr *hdr)
{
	struct scap_evt_view v;
	const char *name;
	int64_t fd;

	if (!is_open_exit(hdr->type) || scap_event_decode(hdr, hdr->len, &v, NULL, 0))
		return;
	/* Params by their names in the schema: no position written down here. */
	name = scap_evt_param_str_by_name(&v, "name");
	fd = scap_evt_param_s64_by_name(&v, "fd");
	/* Only absolute paths: a relative one needs the process's cwd. */
	if (fd < 0 || !name || strcmp(name, WATCHED))
		return;
	printf("ALERT tid=%llu opened %s (%s, fd %lld, flags %s)\n",
	       (unsigned long long)hdr->tid, name, scap_evt_name(&v), (long long)fd,
	       !scap_evt_param_by_name(&v, "flags") ? "?" :
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
	uint16_t cpu;
	int32_t rc;
	scap_t *h;

	/* Ask the driver for the open syscalls only: it sends nothing else. */
	args.interesting_syscalls[SYS_open] = true;
	args.interesting_syscalls[SYS_openat] = true;
	args.interesting_syscalls[SYS_openat2] = true;
	args.interesting_syscalls[SYS_creat] = true;
	h = scap_open(&args, err, &rc);
	if (!h) {
		fprintf(stderr, "monitor: %s\n", err);
		return 1;
	}
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
		check_event(evt);
	}
	scap_stop_capture(h);
	if (scap_get_stats(h, &stats) == SCAP_SUCCESS)
		fprintf(stderr, "monitor: %llu events read, %llu lost\n", (unsigned long long)n,
			(unsigned long long)stats.n_drops);
	scap_close(h);
	return 0;
}
