/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The kernel's process tree, read from /proc: who is whose parent. scope.c
 * places a thread whose clone event was dropped by it, and
 * child_kill_all() finds every process the command started (child.h says
 * why that tree always leads back to scap-open).
 */
#ifndef SCAP_OPEN_PROC_TREE_H
#define SCAP_OPEN_PROC_TREE_H

#include <stdbool.h>
#include <sys/types.h>

/* The parent of process pid; -1 if it is gone. */
pid_t proc_parent(pid_t pid);

/*
 * Is process pid ancestor itself, or descended from it? Walks up at most
 * 64 parents, so that a chain that loops (pids reused under us) ends.
 */
bool proc_descends_from(pid_t pid, pid_t ancestor);

#endif /* SCAP_OPEN_PROC_TREE_H */
