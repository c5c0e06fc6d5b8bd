/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * What the reader knows about each thread: its process id and name.
 *
 * An event's header carries only the thread id. Like sysdig's thread table,
 * this one learns the rest from the events themselves (clone, execve and
 * procexit carry pid and comm) and, for a thread it has not seen start,
 * from /proc/<tid>. A thread that started and exited between two reads of
 * /proc is only known from its events.
 *
 * It also tracks the "scope" of `scap-open -- COMMAND`: the command's
 * process and every thread and process it creates. The clone events say
 * who is a child of whom; a thread met before (or without) its clone
 * event, because the driver dropped it, is placed by its ancestry in
 * /proc, which always leads back to scap-open for the command's
 * descendants (scap-open is their subreaper, see child.h). A thread gone
 * from /proc before its first event is read cannot be placed: its events
 * are counted (unplaced_events), not silently taken or left.
 *
 * Reading a capture file (from_file), /proc is never asked: it describes
 * this machine now, not the one the file was written on. The file's
 * process list seeds the table (thread_table_add_known) and its events
 * teach the rest; a thread neither names stays pid -1, comm "<NA>".
 */
#ifndef SCAP_OPEN_THREAD_TABLE_H
#define SCAP_OPEN_THREAD_TABLE_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include "scap_event.h"

struct thread_info {
	int64_t tid;		/* 0: free slot */
	int64_t pid;		/* -1 if unknown */
	char comm[16];		/* "<NA>" if unknown */
	bool in_scope;
	bool unplaced;		/* met gone from /proc, scope unknown */
	bool exited;		/* procexit seen: forget after this event */
	uint16_t generic_nr;	/* nativeID of its last generic enter event */
};

struct thread_table {
	struct thread_info *slots;
	uint32_t capacity;	/* a power of 2 */
	uint32_t used;
	struct thread_info *to_forget;
	int64_t root_tid;	/* the COMMAND's first thread, or -1 */
	int64_t reaper;		/* scap-open, the subreaper of the scope */
	uint64_t root_exec_ts;	/* the COMMAND's execve is done by then (0: not yet) */
	uint64_t unplaced_events;	/* events of threads that could not be placed */
	bool from_file;		/* never read /proc: the events come from a file */
};

int thread_table_init(struct thread_table *tt);
void thread_table_fini(struct thread_table *tt);

/* Put the thread that `scap-open -- COMMAND` started into the scope. */
void thread_table_add_root(struct thread_table *tt, pid_t pid);

/* A thread a capture file's process list names (from_file). */
void thread_table_add_known(struct thread_table *tt, int64_t tid, int64_t pid,
			    const char *comm);

/*
 * Learn from one event, and return the thread that made it (never NULL
 * unless out of memory). Call it for every event, in order.
 */
struct thread_info *thread_table_update(struct thread_table *tt,
					const struct scap_evt_view *evt);

#endif /* SCAP_OPEN_THREAD_TABLE_H */
