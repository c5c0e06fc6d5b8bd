/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Running `scap-open -- COMMAND`: the command is forked first and held
 * before its execve until the capture has started, so that none of its
 * syscalls can be missed.
 */
#ifndef SCAP_OPEN_CHILD_H
#define SCAP_OPEN_CHILD_H

#include <sys/types.h>

/* Fork COMMAND, held before execve. Returns its pid, or -1 (error printed). */
pid_t child_spawn(char **argv, int *release_fd);

/* Let the held command run. 0, or -1 (error printed). */
int child_release(int release_fd);

#endif /* SCAP_OPEN_CHILD_H */
