// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * workload autofill DIR: one call of each autofilled syscall
 * (driver/autofill_table.h), and semop, with arguments test/bats/autofill.bats
 * knows.
 * Calls that would change the workload's own state for good (setuid to
 * another user, chroot, unshare of a namespace) either pass values that
 * change nothing (setuid(getuid())) or are made to fail in a known way.
 */
#include <linux/futex.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/sem.h>
#include <time.h>
#include "workload.h"

/* sendfile and copy_file_range from af_file (fd, "0123456789") to af_copy. */
static void do_copy_calls(const char *dir, long fd)
{
	char path[PATH_MAX];
	off_t offset = 2;
	long out;

	out = must(syscall(SYS_openat, AT_FDCWD, path_in(path, dir, "af_copy"),
			   O_WRONLY | O_CREAT | O_TRUNC, 0600), "openat af_copy");
	/* 5 bytes from offset 2: "23456"; the offset comes back as 7. */
	must_equal(syscall(SYS_sendfile, out, fd, &offset, 5), 5, "sendfile 5 bytes at 2");
	/* NULL offsets: from and to the files' positions (8 and 5). */
	must_equal(syscall(SYS_copy_file_range, fd, NULL, out, NULL, 3, 0), 2,
		   "copy_file_range 3 bytes (2 left)");
	raw_close(out, "close af_copy");
}

static void do_fd_calls(const char *dir)
{
	char path[PATH_MAX];
	char buf[256];
	long fd;

	fd = must(syscall(SYS_openat, AT_FDCWD, path_in(path, dir, "af_file"),
			  O_RDWR | O_CREAT | O_TRUNC, 0600), "openat af_file");
	must_equal(syscall(SYS_write, fd, "0123456789", 10), 10, "write af_file");
	must_equal(syscall(SYS_lseek, fd, 3, SEEK_SET), 3, "lseek SEEK_SET");
	must_equal(syscall(SYS_lseek, fd, (long)-2, SEEK_END), 8, "lseek SEEK_END");
	must(syscall(SYS_fstat, fd, buf), "fstat");
	must_equal(syscall(SYS_fcntl, fd, F_SETFD, FD_CLOEXEC), 0, "fcntl F_SETFD");
	must_equal(syscall(SYS_fcntl, fd, F_DUPFD_CLOEXEC, 40), 40, "fcntl F_DUPFD_CLOEXEC");
	must_equal(syscall(SYS_flock, fd, LOCK_EX | LOCK_NB), 0, "flock LOCK_EX|LOCK_NB");
	must_equal(syscall(SYS_flock, fd, LOCK_UN), 0, "flock LOCK_UN");
	must_fail(syscall(SYS_ioctl, fd, 0x5401 /* TCGETS */, 0x1234), ENOTTY, "ioctl TCGETS");
	do_copy_calls(dir, fd);
	must_equal(syscall(SYS_fchmod, fd, 0640), 0, "fchmod 0640");
	raw_close(40, "close dup 40");
	raw_close(fd, "close af_file");

	fd = must(syscall(SYS_openat, AT_FDCWD, dir, O_RDONLY | O_DIRECTORY), "openat DIR");
	must(syscall(SYS_getdents64, fd, buf, sizeof(buf)), "getdents64");
	must(syscall(SYS_getdents, fd, buf, sizeof(buf)), "getdents");
	must_equal(syscall(SYS_fchdir, fd), 0, "fchdir DIR");
	raw_close(fd, "close DIR");
	must_equal(syscall(SYS_getcwd, buf, sizeof(buf)), (long)strlen(dir) + 1, "getcwd");
}

static void do_path_calls(const char *dir)
{
	char file[PATH_MAX], link[PATH_MAX], sym[PATH_MAX], sub[PATH_MAX];
	char buf[256];

	path_in(file, dir, "af_file");
	must(syscall(SYS_stat, file, buf), "stat");
	must(syscall(SYS_lstat, file, buf), "lstat");
	must_equal(syscall(SYS_access, file, R_OK | W_OK), 0, "access R_OK|W_OK");
	must_equal(syscall(SYS_chmod, file, 04755), 0, "chmod 04755");
	must_equal(syscall(SYS_link, file, path_in(link, dir, "af_link")), 0, "link");
	must_equal(syscall(SYS_symlink, "af_file", path_in(sym, dir, "af_sym")), 0, "symlink");
	must_equal(syscall(SYS_linkat, AT_FDCWD, sym, AT_FDCWD, path_in(link, dir, "af_linkat"),
			   AT_SYMLINK_FOLLOW), 0, "linkat AT_SYMLINK_FOLLOW");
	must_equal(syscall(SYS_symlinkat, "/nowhere", AT_FDCWD, path_in(sym, dir, "af_symat")), 0,
		   "symlinkat");
	must_equal(syscall(SYS_fchmodat, AT_FDCWD, file, 0600, 0), 0, "fchmodat 0600");
	must_equal(syscall(SYS_mkdir, path_in(sub, dir, "af_dir"), 0700), 0, "mkdir af_dir");
	must_equal(syscall(SYS_rmdir, sub), 0, "rmdir af_dir");
	/* A chroot to a file fails before it changes anything. */
	must_fail(syscall(SYS_chroot, file), ENOTDIR, "chroot af_file");
	must_fail(syscall(SYS_umount2, sub, MNT_DETACH), ENOENT, "umount2 af_dir");
	/* No file system of that name: refused after the flags are read (root only). */
	must_fail(syscall(SYS_mount, "none", dir, "scaplabfs",
			  MS_MGC_VAL | MS_RDONLY | MS_NOSUID, NULL), ENODEV, "mount scaplabfs");
}

static void do_id_calls(void)
{
	long uid = syscall(SYS_getuid), gid = syscall(SYS_getgid);

	must_equal(syscall(SYS_geteuid), uid, "geteuid");
	must_equal(syscall(SYS_getegid), gid, "getegid");
	must_equal(syscall(SYS_setuid, uid), 0, "setuid(getuid())");
	must_equal(syscall(SYS_setgid, gid), 0, "setgid(getgid())");
	/* -1 leaves each id as it is */
	must_equal(syscall(SYS_setresuid, -1, -1, -1), 0, "setresuid(-1, -1, -1)");
	must_equal(syscall(SYS_setresgid, -1, -1, -1), 0, "setresgid(-1, -1, -1)");
	must_fail(syscall(SYS_setpgid, 0, -5), EINVAL, "setpgid(0, -5)");
	/*
	 * scap-open's child leads no process group, so setsid succeeds and
	 * returns the workload's pid; the workload has no terminal to lose.
	 */
	must_equal(syscall(SYS_setsid), getpid(), "setsid");
}

/* The calls whose values the kernel reads from, or writes to, our memory. */
static void do_user_memory_calls(void)
{
	unsigned int ids[3];
	struct rlimit rl, old;

	must_equal(syscall(SYS_getresuid, &ids[0], &ids[1], &ids[2]), 0, "getresuid");
	must_equal(syscall(SYS_getresgid, &ids[0], &ids[1], &ids[2]), 0, "getresgid");
	must_equal(syscall(SYS_getrlimit, RLIMIT_NOFILE, &rl), 0, "getrlimit NOFILE");
	must_equal(syscall(SYS_setrlimit, RLIMIT_NOFILE, &rl), 0, "setrlimit NOFILE (unchanged)");
	/* A resource that does not exist: nothing is written back. */
	must_fail(syscall(SYS_getrlimit, 999, &old), EINVAL, "getrlimit(999)");
	must_equal(syscall(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, &old), 0, "prlimit64 (get only)");
	must_equal(syscall(SYS_nanosleep, &(struct timespec){ .tv_nsec = 1000 }, NULL), 0,
		   "nanosleep 1 us");
	/* The break, asked with 0: nothing moves. */
	must(syscall(SYS_brk, 0), "brk(0)");
}

static void do_misc_calls(void)
{
	long self = syscall(SYS_gettid);
	int word = 0;
	long page;

	must_equal(syscall(SYS_tkill, self, 0), 0, "tkill(self, 0)");
	must_equal(syscall(SYS_tgkill, getpid(), self, 0), 0, "tgkill(pid, self, 0)");
	must_equal(syscall(SYS_futex, &word, FUTEX_WAKE | FUTEX_PRIVATE_FLAG, 7, NULL, NULL, 0), 0,
		   "futex FUTEX_WAKE_PRIVATE");
	page = must(syscall(SYS_mmap, 0, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
		    "mmap a page");
	must_equal(syscall(SYS_mprotect, page, 4096, PROT_READ | PROT_WRITE), 0, "mprotect");
	must_equal(syscall(SYS_select, 0, NULL, NULL, NULL, &(struct timeval){0}), 0, "select");
	must_fail(syscall(SYS_epoll_wait, -1, NULL, 9, 0), EBADF, "epoll_wait(-1, 9)");
	must_fail(syscall(SYS_shutdown, -1, SHUT_WR), EBADF, "shutdown(-1, SHUT_WR)");
	must_fail(syscall(SYS_getsockname, -1, NULL, NULL), EBADF, "getsockname(-1)");
	must_fail(syscall(SYS_getpeername, -1, NULL, NULL), EBADF, "getpeername(-1)");
	must_fail(syscall(SYS_recvmmsg, -1, NULL, 0, 0, NULL), EBADF, "recvmmsg(-1)");
	must_fail(syscall(SYS_sendmmsg, -1, NULL, 0, 0), EBADF, "sendmmsg(-1)");
	must_fail(syscall(SYS_splice, -1, NULL, -2, NULL, 4096, 1 /* SPLICE_F_MOVE */), EBADF,
		  "splice(-1, -2)");
	must_fail(syscall(SYS_unshare, CLONE_NEWUTS | 0x1), EINVAL, "unshare(CLONE_NEWUTS | 0x1)");
	must_fail(syscall(SYS_setns, -1, CLONE_NEWNET), EBADF, "setns(-1, CLONE_NEWNET)");
	must_fail(syscall(SYS_seccomp, 99, 0, NULL), EINVAL, "seccomp(99)");
	/* IPC_EXCL without IPC_CREAT: only looks the key up, and it is not there. */
	must_fail(syscall(SYS_semget, 0x5ca1ab, 2, IPC_EXCL | 0600), ENOENT, "semget(0x5ca1ab)");
	must_fail(syscall(SYS_userfaultfd, 0x7fffffff), EINVAL, "userfaultfd(bad flags)");
	raw_close(must(syscall(SYS_eventfd2, 5, O_CLOEXEC), "eventfd2(5)"), "close eventfd");
	raw_close(must(syscall(SYS_inotify_init1, O_CLOEXEC), "inotify_init1"), "close inotify");
	raw_close(must(syscall(SYS_timerfd_create, CLOCK_MONOTONIC, O_CLOEXEC), "timerfd_create"),
		  "close timerfd");
	must_fail(syscall(SYS_signalfd4, -1, NULL, 8, 0), EFAULT, "signalfd4(-1, NULL)");
}

/*
 * A private set of 2 semaphores: semop with two operations (sem 0 += 1,
 * SEM_UNDO; sem 1 += 2, IPC_NOWAIT) and with one; semctl SETVAL 7 on
 * sem 1, GETVAL of it (7), IPC_RMID. semop is the raw syscall: glibc's
 * semop() calls semtimedop.
 */
static void do_sem_calls(void)
{
	struct sembuf ops[2] = { { 0, 1, SEM_UNDO }, { 1, 2, IPC_NOWAIT } };
	long id = must(syscall(SYS_semget, IPC_PRIVATE, 2, IPC_CREAT | 0600), "semget(IPC_PRIVATE)");

	if (id < 0)
		return;
	must_equal(syscall(SYS_semop, id, ops, 2), 0, "semop(2 operations)");
	must_equal(syscall(SYS_semop, id, &ops[1], 1), 0, "semop(1 operation)");
	must_equal(syscall(SYS_semctl, id, 1, SETVAL, 7), 0, "semctl(SETVAL 7)");
	must_equal(syscall(SYS_semctl, id, 1, GETVAL, 0), 7, "semctl(GETVAL)");
	must_equal(syscall(SYS_semctl, id, 0, IPC_RMID, 0), 0, "semctl(IPC_RMID)");
}

void do_autofill(const char *dir)
{
	do_fd_calls(dir);
	do_path_calls(dir);
	do_id_calls();
	do_user_memory_calls();
	do_misc_calls();
	do_sem_calls();
}
