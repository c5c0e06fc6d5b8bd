/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * scap-open's state during a capture (main.c), and the choice of events it
 * keeps (filter.c): the options turned into scap_open's arguments, and
 * each event checked against -p, -t, -c, -s and the command's scope.
 */
#ifndef SCAP_OPEN_CAPTURE_H
#define SCAP_OPEN_CAPTURE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "child.h"
#include "engine/savefile/savefile_public.h"
#include "options.h"
#include "scap.h"
#include "scap_event.h"
#include "scap_strbuf.h"
#include "scope.h"
#include "sinsp.h"
#include "sinsp_filter.h"

/* Why the capture loop stopped early. */
enum stop_reason {
	STOP_NONE,
	STOP_OUTPUT_GONE,	/* the reader of stdout went away (| head): quietly */
	STOP_OUTPUT_FAILED,	/* writing the events failed (full disk): an error */
};

struct capture {
	struct options opts;
	scap_t *handle;
	struct sinsp *state;			/* threads and fds (libsinsp) */
	struct sinsp_filter *filter;		/* FILTER, or NULL */
	struct sinsp_format *format;		/* -p FORMAT, or NULL */
	uint64_t read;				/* events read: evt.num of the last one */
	struct scope scope;			/* -- COMMAND's threads */
	struct scap_strbuf out;
	FILE *out_file;				/* stdout, or -o FILE */
	bool event_wanted[PPM_EVENT_MAX];	/* from --syscall */
	bool code_wanted[PPM_SC_MAX];		/* ... its generic syscalls, by Falco's code */
	struct child child;
	uint64_t child_exit_ts;			/* 0 while the command runs */
	struct scap_savefile_engine_params file;	/* -r FILE */
	scap_dumper_t *dumper;				/* -w FILE */
	uint64_t printed;
	uint64_t corrupt;
	enum stop_reason stop;
};

/*
 * Compile FILTER and -p FORMAT. 0, or -1 after showing the error (with a
 * caret under where it is) on stderr.
 */
int capture_compile(struct capture *c);

/* scap_open's arguments from the options; fills the event filters too. */
void capture_open_args(struct capture *c, struct scap_open_args *args);

/*
 * Does this run only count events? With -q on a live capture and no
 * filter, every event is kept and none is shown: nothing needs decoding,
 * nor the state (libsinsp), and the reader's cost per event is then the
 * rings' own (make bench measures it so). The driver's counters still
 * count drops; scap_next() still checks each event's length.
 */
bool capture_counts_only(const struct capture *c);

/* The statistics on stderr, at the end (stats.c). */
void capture_print_stats(struct capture *c, double seconds);

/* Does this event pass every filter given on the command line? */
bool capture_wanted(const struct capture *c, const struct sinsp_evt *e, bool in_scope);

#endif /* SCAP_OPEN_CAPTURE_H */
