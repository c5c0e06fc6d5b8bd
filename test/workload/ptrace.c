// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * workload ptrace: attach to a child with PTRACE_ATTACH, as a debugger
 * (or a credential thief) does, then let it go. Raises the rule
 * "Ptrace by a non-debugger" (test/bats/monitor.bats).
 */
#include <signal.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include "workload.h"

void do_ptrace(void)
{
	int status;
	pid_t child = fork();

	if (child < 0)
		failed("fork");
	if (child == 0) {
		pause();
		_exit(0);
	}
	if (ptrace(PTRACE_ATTACH, child, NULL, NULL) < 0)
		failed("ptrace(PTRACE_ATTACH)");
	if (waitpid(child, &status, 0) != child)
		failed("waitpid");
	if (ptrace(PTRACE_DETACH, child, NULL, NULL) < 0)
		failed("ptrace(PTRACE_DETACH)");
	kill(child, SIGKILL);
	waitpid(child, &status, 0);
}
