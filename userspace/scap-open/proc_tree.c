// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* See proc_tree.h. */
#include <stdio.h>
#include <string.h>
#include "proc_tree.h"

pid_t proc_parent(pid_t pid)
{
	char path[64], buf[512], *p;
	pid_t ppid = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	f = fopen(path, "r");
	if (!f)
		return -1;
	/* "pid (comm) state ppid ...": comm may hold spaces and ')'. */
	if (fgets(buf, sizeof(buf), f) && (p = strrchr(buf, ')')))
		sscanf(p + 1, " %*c %d", &ppid);
	fclose(f);
	return ppid;
}

bool proc_descends_from(pid_t pid, pid_t ancestor)
{
	for (int depth = 0; depth < 64 && pid > 1; depth++) {
		if (pid == ancestor)
			return true;
		pid = proc_parent(pid);
	}
	return false;
}
