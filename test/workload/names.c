// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * workload names DIR: file names with UTF-8, a newline, a quote.
 * The tests that check its events know its arguments by heart: keep both
 * in step (test/bats/).
 */
#include "workload.h"

void do_names(const char *dir)
{
	static const char *const files[] = { "caf\xc3\xa9-\xc3\xa9.txt", "new\nline",
					     "q\"uo\\te" };
	char p[PATH_MAX];

	/* openat(AT_FDCWD, DIR/<name>, O_WRONLY|O_CREAT|O_TRUNC, 0644) for each name */
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		long fd = must(syscall(SYS_openat, AT_FDCWD, path_in(p, dir, files[i]),
				       O_WRONLY | O_CREAT | O_TRUNC, 0644), files[i]);
		if (fd >= 0)
			raw_close(fd, "close of a named file");
	}
	/* mkdir(DIR/répertoire, 0755) */
	must(syscall(SYS_mkdir, path_in(p, dir, "r\xc3\xa9pertoire"), 0755), "mkdir of répertoire");
}
