/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The "scope" of `scap-open -- COMMAND`: the command's process and every
 * thread and process it creates. libsinsp knows the threads (pid, parent,
 * comm); this file only decides which of them are the command's, and
 * keeps the answer in each thread's `user` bits (sinsp.h).
 *
 * The clone events say who is a child of whom; a thread met before (or
 * without) its clone event, because the driver dropped it, is placed by
 * its ancestry in /proc, which always leads back to scap-open for the
 * command's descendants (scap-open is their subreaper, see child.h). A
 * thread gone from /proc before its first event is read cannot be placed:
 * its events are counted (unplaced_events), not silently taken or left.
 *
 * Reading a capture file (from_file), /proc is never asked: it describes
 * this machine now, not the one the file was written on.
 */
#ifndef SCAP_OPEN_SCOPE_H
#define SCAP_OPEN_SCOPE_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include "scap_event.h"
#include "sinsp.h"

struct scope {
	int64_t root_tid;		/* the COMMAND's first thread, or -1 */
	int64_t reaper;			/* scap-open, the subreaper of the scope */
	uint64_t root_exec_ts;		/* the COMMAND's execve is done by then (0: not yet) */
	uint64_t unplaced_events;	/* events of threads that could not be placed */
	bool from_file;
};

/* No command yet: nothing is in the scope. */
void scope_init(struct scope *sc, bool from_file);

/* The thread that `scap-open -- COMMAND` started: in the scope from its execve. */
void scope_set_root(struct scope *sc, pid_t pid);

/*
 * Learn from one event, after sinsp_process_event() gave its thread t,
 * and say whether t is in the scope. Call it for every event, in order.
 */
bool scope_update(struct scope *sc, struct sinsp *s, struct sinsp_threadinfo *t,
		  const struct scap_evt_view *evt);

#endif /* SCAP_OPEN_SCOPE_H */
