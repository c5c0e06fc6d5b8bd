// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * See child.h. The hold is a pipe: the child blocks reading it, the parent
 * writes one byte to release it, or closes it (by exiting) to cancel. A
 * second pipe, closed by a successful execve (O_CLOEXEC), brings back the
 * errno of a failed one: so "could not run" is never confused with a
 * command that ran and exited 127.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include "child.h"
#include "proc_tree.h"

int child_spawn(struct child *c, char **argv, bool stdout_to_stderr)
{
	int hold[2], err[2];
	char go;

	memset(c, 0, sizeof(*c));
	c->release_fd = c->exec_fd = -1;
	if (prctl(PR_SET_CHILD_SUBREAPER, 1)) {
		fprintf(stderr, "scap-open: prctl(PR_SET_CHILD_SUBREAPER) failed: %s\n",
			strerror(errno));
		return -1;
	}
	if (pipe2(hold, O_CLOEXEC)) {
		fprintf(stderr, "scap-open: pipe failed: %s\n", strerror(errno));
		return -1;
	}
	if (pipe2(err, O_CLOEXEC)) {
		fprintf(stderr, "scap-open: pipe failed: %s\n", strerror(errno));
		close(hold[0]);
		close(hold[1]);
		return -1;
	}
	c->pid = fork();
	if (c->pid < 0) {
		fprintf(stderr, "scap-open: fork failed: %s\n", strerror(errno));
		close(hold[0]);
		close(hold[1]);
		close(err[0]);
		close(err[1]);
		return -1;
	}
	if (c->pid > 0) {
		close(hold[0]);
		close(err[1]);
		c->release_fd = hold[1];
		c->exec_fd = err[0];
		return 0;
	}

	/* The child: die with scap-open rather than run uncaptured. */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	close(hold[1]);
	close(err[0]);
	if (read(hold[0], &go, 1) != 1)
		_exit(127);	/* scap-open gave up before the capture started */
	close(hold[0]);
	if (stdout_to_stderr && dup2(STDERR_FILENO, STDOUT_FILENO) < 0)
		_exit(127);
	execvp(argv[0], argv);
	go = errno < 256 ? (char)errno : EINVAL;
	if (write(err[1], &go, 1) != 1)
		_exit(127);
	fprintf(stderr, "scap-open: cannot run '%s': %s\n", argv[0], strerror(errno));
	_exit(127);
}

int child_release(struct child *c)
{
	char go = 1, why;
	int ret = 0;

	if (write(c->release_fd, &go, 1) != 1) {
		fprintf(stderr, "scap-open: cannot start the command: %s\n", strerror(errno));
		ret = -1;
	}
	close(c->release_fd);
	c->release_fd = -1;
	/* EOF: execve succeeded. A byte: its errno. Waits only for the execve. */
	if (read(c->exec_fd, &why, 1) == 1)
		c->exec_errno = (unsigned char)why;
	close(c->exec_fd);
	c->exec_fd = -1;
	return ret;
}

void child_reap(struct child *c)
{
	int status;
	pid_t pid;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		if (pid == c->pid) {
			c->exited = true;
			c->status = status;
		}
	}
}

/* Kill every process whose parent chain reaches us; how many were found. */
static int kill_descendants(void)
{
	pid_t me = getpid(), pid;
	struct dirent *e;
	int found = 0;
	DIR *d = opendir("/proc");

	if (!d)
		return 0;
	while ((e = readdir(d))) {
		pid = strtol(e->d_name, NULL, 10);
		if (pid <= 1 || pid == me)
			continue;
		if (proc_descends_from(pid, me)) {
			kill(pid, SIGKILL);
			found++;
		}
	}
	closedir(d);
	return found;
}

void child_kill_all(struct child *c)
{
	/* Again until none is left: a process may fork while we kill its siblings. */
	for (int round = 0; round < 10 && kill_descendants(); round++) {
		usleep(10 * 1000);
		child_reap(c);
	}
	child_reap(c);
}

int child_exit_status(const struct child *c)
{
	if (c->exec_errno)
		return 127;
	if (!c->exited)
		return 0;
	if (WIFSIGNALED(c->status))
		return 128 + WTERMSIG(c->status);
	return WEXITSTATUS(c->status);
}
