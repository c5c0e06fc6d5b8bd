/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Running `scap-open -- COMMAND`: the command is forked first and held
 * before its execve until the capture has started, so that none of its
 * syscalls can be missed.
 *
 * scap-open is made the "child subreaper" of everything the command starts
 * (prctl PR_SET_CHILD_SUBREAPER): a descendant whose parent exits is given
 * to scap-open rather than to init. So the kernel's process tree, read in
 * /proc, always leads from every descendant back to scap-open, which is
 * how scope.c places a thread whose clone event was dropped, and
 * how child_kill_all() finds every descendant to stop.
 */
#ifndef SCAP_OPEN_CHILD_H
#define SCAP_OPEN_CHILD_H

#include <stdbool.h>
#include <sys/types.h>

struct child {
	pid_t pid;		/* the command's process */
	int release_fd;		/* write a byte: the command runs; -1 once done */
	int exec_fd;		/* the errno of a failed execve comes from here */
	bool exited;
	int status;		/* its wait status, once exited */
	int exec_errno;		/* 0, or why it could not be run */
};

/*
 * Fork COMMAND, held before execve. With stdout_to_stderr, its stdout is
 * scap-open's stderr, so that it cannot write into an event stream that
 * goes to stdout. Returns 0, or -1 (error printed).
 */
int child_spawn(struct child *c, char **argv, bool stdout_to_stderr);

/* Let the held command run. 0, or -1 (error printed). */
int child_release(struct child *c);

/*
 * Reap every descendant that has exited (the command, and orphans given
 * to scap-open); notes the command's status. Never blocks.
 */
void child_reap(struct child *c);

/*
 * Kill the command and every process descended from scap-open, then reap
 * them. For the end of the capture, when scap-open stops first.
 */
void child_kill_all(struct child *c);

/* The exit status scap-open takes from the command: its own, or 128 + signal. */
int child_exit_status(const struct child *c);

#endif /* SCAP_OPEN_CHILD_H */
