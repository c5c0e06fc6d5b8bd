// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * workload files DIR: open, openat, openat2, creat, mkdir, mkdirat, chdir, rename, renameat,
 * renameat2, unlink, unlinkat.
 * The tests that check its events know its arguments by heart: keep both
 * in step (test/bats/).
 */
#include "workload.h"

void do_files(const char *dir)
{
	char p[PATH_MAX], q[PATH_MAX];
	struct open_how how = {
		.flags = O_RDWR | O_CREAT,
		.mode = 0600,
		.resolve = RESOLVE_NO_SYMLINKS,
	};
	long fd, dirfd;

	/* open(DIR/open_file, O_WRONLY|O_CREAT|O_TRUNC, 0644) */
	fd = must(syscall(SYS_open, path_in(p, dir, "open_file"), O_WRONLY | O_CREAT | O_TRUNC,
			  0644), "open");
	if (fd >= 0)
		raw_close(fd, "close of open_file");
	/* openat(AT_FDCWD, DIR/openat_file, O_WRONLY|O_CREAT|O_TRUNC, 0644) */
	fd = must(syscall(SYS_openat, AT_FDCWD, path_in(p, dir, "openat_file"),
			  O_WRONLY | O_CREAT | O_TRUNC, 0644), "openat");
	if (fd >= 0)
		raw_close(fd, "close of openat_file");
	/* openat2(AT_FDCWD, DIR/openat2_file, {O_RDWR|O_CREAT, 0600, RESOLVE_NO_SYMLINKS}) */
	fd = must(syscall(SYS_openat2, AT_FDCWD, path_in(p, dir, "openat2_file"), &how,
			  sizeof(how)), "openat2");
	if (fd >= 0)
		raw_close(fd, "close of openat2_file");
	/* creat(DIR/creat_file, 0640) */
	fd = must(syscall(SYS_creat, path_in(p, dir, "creat_file"), 0640), "creat");
	if (fd >= 0)
		raw_close(fd, "close of creat_file");

	/* mkdir(DIR/mkdir_dir, 0755) */
	must(syscall(SYS_mkdir, path_in(p, dir, "mkdir_dir"), 0755), "mkdir");
	/* dirfd = openat(AT_FDCWD, DIR, O_RDONLY|O_DIRECTORY|O_CLOEXEC) */
	dirfd = must(syscall(SYS_openat, AT_FDCWD, dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0),
		     "openat of DIR");
	if (dirfd < 0)
		return;
	/* mkdirat(dirfd, "mkdirat_dir", 0700) */
	must(syscall(SYS_mkdirat, dirfd, "mkdirat_dir", 0700), "mkdirat");
	/* chdir(DIR/mkdir_dir), then chdir(DIR) */
	must(syscall(SYS_chdir, path_in(p, dir, "mkdir_dir")), "chdir to mkdir_dir");
	must(syscall(SYS_chdir, dir), "chdir to DIR");

	/* rename(DIR/open_file, DIR/renamed_file) */
	must(syscall(SYS_rename, path_in(p, dir, "open_file"), path_in(q, dir, "renamed_file")),
	     "rename");
	/* renameat(dirfd, "openat_file", dirfd, "renamedat_file") */
	must(syscall(SYS_renameat, dirfd, "openat_file", dirfd, "renamedat_file"), "renameat");
	/* renameat2(dirfd, "creat_file", dirfd, "renamedat2_file", RENAME_NOREPLACE) */
	must(syscall(SYS_renameat2, dirfd, "creat_file", dirfd, "renamedat2_file",
		     RENAME_NOREPLACE), "renameat2");
	/* unlink(DIR/renamed_file) */
	must(syscall(SYS_unlink, path_in(p, dir, "renamed_file")), "unlink");
	/* unlinkat(dirfd, "renamedat_file", 0) */
	must(syscall(SYS_unlinkat, dirfd, "renamedat_file", 0), "unlinkat of a file");
	/* unlinkat(dirfd, "mkdirat_dir", AT_REMOVEDIR) */
	must(syscall(SYS_unlinkat, dirfd, "mkdirat_dir", AT_REMOVEDIR), "unlinkat of a dir");
	raw_close(dirfd, "close of dirfd");
}
