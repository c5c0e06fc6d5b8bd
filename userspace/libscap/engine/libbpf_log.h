/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * libbpf's messages, for the two engines that load a probe with it
 * (modern_bpf/ and bpf/). libbpf has one message callback for the whole
 * process; this one reports to the load that is running on the calling
 * thread, so two handles never see each other's messages.
 *
 *   struct scap_libbpf_load load = { .verbose = args->verbose };
 *   scap_libbpf_load_begin(&load);
 *   err = bpf_object__load(obj);           // libbpf prints into load
 *   scap_libbpf_load_end();
 *   if (err && load.failed_prog[0]) ...    // the verifier refused it:
 *                                          // load.reason says why
 */
#ifndef SCAPLAB_LIBBPF_LOG_H
#define SCAPLAB_LIBBPF_LOG_H

#include <stdbool.h>

struct scap_libbpf_load {
	bool verbose;		/* print all of libbpf's messages, not only warnings */
	char failed_prog[64];	/* the program the verifier refused, or "" */
	char reason[128];	/* the last line of its verifier log: why */
};

/* Install the callback (once per process) and route messages to load. */
void scap_libbpf_load_begin(struct scap_libbpf_load *load);

/* Messages go back to stderr, warnings only. */
void scap_libbpf_load_end(void);

#endif /* SCAPLAB_LIBBPF_LOG_H */
