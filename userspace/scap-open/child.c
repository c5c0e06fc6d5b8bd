// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * See child.h. The hold is a pipe: the child blocks reading it, the parent
 * writes one byte to release it, or closes it (by exiting) to cancel.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <signal.h>
#include "child.h"

pid_t child_spawn(char **argv, int *release_fd)
{
	int fds[2];
	pid_t pid;
	char go;

	if (pipe2(fds, O_CLOEXEC)) {
		fprintf(stderr, "scap-open: pipe failed: %s\n", strerror(errno));
		return -1;
	}
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "scap-open: fork failed: %s\n", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid > 0) {
		close(fds[0]);
		*release_fd = fds[1];
		return pid;
	}

	/* The child: die with scap-open rather than run uncaptured. */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	close(fds[1]);
	if (read(fds[0], &go, 1) != 1)
		_exit(127);	/* scap-open gave up before the capture started */
	close(fds[0]);
	execvp(argv[0], argv);
	fprintf(stderr, "scap-open: cannot run '%s': %s\n", argv[0], strerror(errno));
	_exit(127);
}

int child_release(int release_fd)
{
	char go = 1;
	int ret = 0;

	if (write(release_fd, &go, 1) != 1) {
		fprintf(stderr, "scap-open: cannot start the command: %s\n", strerror(errno));
		ret = -1;
	}
	close(release_fd);
	return ret;
}
