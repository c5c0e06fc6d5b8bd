// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Lab 00: capture one event and print its raw bytes, for you to decode by
 * hand. It starts a capture with libscap, forks a child that opens
 * /etc/hostname, and prints the exit event of the child's openat as hex, on
 * one line. (A child, because the probe ignores the reader's own process:
 * g_ignored_tgid in modern_bpf/maps/maps.h.)
 *
 *   sudo build/labs/00-environment/tests/first_event
 *
 * The hex is the event exactly as the probe wrote it into the ring buffer:
 * the 26-byte header, the u16 length of each parameter, then the parameters
 * (driver/ppm_events_public.h). All numbers are little-endian on x86_64.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "scap.h"

#define PATH "/etc/hostname"
#define GIVE_UP_NS (5ULL * 1000 * 1000 * 1000)

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

int main(void)
{
	struct scap_open_args args = { .engine = SCAP_ENGINE_MODERN_BPF };
	char err[SCAP_LASTERR_SIZE];
	pid_t child;
	struct ppm_evt_hdr *evt;
	uint64_t deadline;
	uint16_t cpu;
	int32_t rc;
	scap_t *h;

	/* Only openat: a quiet capture, and our event comes quickly. */
	args.interesting_syscalls[SYS_openat] = true;
	h = scap_open(&args, err, &rc);
	if (!h) {
		fprintf(stderr, "first_event: cannot open the capture: %s\n", err);
		return 1;
	}
	if (scap_start_capture(h) != SCAP_SUCCESS) {
		fprintf(stderr, "first_event: cannot start the capture: %s\n", scap_getlasterr(h));
		scap_close(h);
		return 1;
	}
	child = fork();
	if (child < 0) {
		fprintf(stderr, "first_event: fork: %s\n", strerror(errno));
		scap_close(h);
		return 1;
	}
	if (child == 0) {
		if (open(PATH, O_RDONLY) < 0)
			fprintf(stderr, "first_event: open %s: %s (its event says so too)\n", PATH,
				strerror(errno));
		_exit(0);
	}
	waitpid(child, NULL, 0);
	deadline = now_ns() + GIVE_UP_NS;
	while (now_ns() < deadline) {
		rc = scap_next(h, &evt, &cpu);
		if (rc == SCAP_TIMEOUT)
			continue;
		if (rc != SCAP_SUCCESS) {
			fprintf(stderr, "first_event: scap_next: %s\n", scap_getlasterr(h));
			break;
		}
		if ((pid_t)evt->tid != child || evt->type != PPME_SYSCALL_OPENAT_2_X)
			continue;
		for (uint32_t i = 0; i < evt->len; i++)
			printf("%02x", ((const uint8_t *)evt)[i]);
		printf("\n");
		scap_close(h);
		return 0;
	}
	fprintf(stderr, "first_event: no openat exit event of child %d within 5 s: "
		"does the probe send openat's exit event?\n", (int)child);
	scap_close(h);
	return 1;
}
