/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* The command line of scap-open, parsed and checked. */
#ifndef SCAP_OPEN_OPTIONS_H
#define SCAP_OPEN_OPTIONS_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include "scap.h"

#define MAX_FILTER_VALUES 16

struct options {
	enum scap_engine_kind engine;
	uint64_t num_events;		/* stop after this many printed; 0: no limit */
	double duration_s;		/* stop after this long; 0: no limit */
	unsigned long buffer_bytes;	/* per-CPU ring size; 0: default */
	uint32_t snaplen;		/* 0: default */
	bool json;
	const char *output;		/* -o FILE; NULL: stdout */
	bool quiet;			/* print no events, only the stats */
	bool verbose;
	/* Filters: an event is printed if it matches every filter given. */
	pid_t pids[MAX_FILTER_VALUES];
	int npids;
	pid_t tids[MAX_FILTER_VALUES];
	int ntids;
	const char *comms[MAX_FILTER_VALUES];
	int ncomms;
	bool syscalls[SYSCALL_TABLE_SIZE];	/* asked for with --syscall */
	bool any_syscall_filter;
	const char *scap_file;		/* -r FILE: read it instead of capturing */
	const char *write_file;		/* -w FILE: write the events there, as a .scap */
	const char *live_only;		/* the first option given that only a live capture takes */
	char **command;			/* after "--": run it, capture it and its children */
	char *filter;			/* the words before "--", joined: sysdig's filter language */
	const char *format;		/* -p: "%evt.num %proc.name ..." instead of the text line */
	bool list_fields;		/* --list-fields */
	bool filter_oom;
	bool all_processes;		/* with command: every process, not its scope only */
};

/*
 * Fill opts from argv. Returns 0, or -1 after printing a one-line error to
 * stderr; 1 if --help was printed.
 */
int options_parse(struct options *opts, int argc, char **argv);
void options_free(struct options *opts);

#endif /* SCAP_OPEN_OPTIONS_H */
