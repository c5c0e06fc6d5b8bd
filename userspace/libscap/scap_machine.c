// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* See scap_machine.h. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <unistd.h>
#include "scap_error.h"
#include "scap_machine.h"

void scap_machine_info_of_this_machine(struct scap_machine_info *mi)
{
	struct utsname u;
	FILE *f;

	memset(mi, 0, sizeof(*mi));
	mi->num_cpus = sysconf(_SC_NPROCESSORS_ONLN);
	mi->memory_size_bytes = (uint64_t)sysconf(_SC_PHYS_PAGES) * sysconf(_SC_PAGESIZE);
	f = fopen("/proc/sys/kernel/pid_max", "r");
	if (f) {
		unsigned long long max = 0;

		if (fscanf(f, "%llu", &max) == 1)
			mi->max_pid = max;
		fclose(f);
	}
	if (uname(&u) == 0)
		snprintf(mi->hostname, sizeof(mi->hostname), "%s", u.nodename);
}

/* The whole of a small /proc file into buf, NUL-terminated: its length, or -1. */
static ssize_t read_small(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, size - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = '\0';
	return n;
}

static void read_link(const char *path, char *buf, size_t size)
{
	ssize_t n = readlink(path, buf, size - 1);

	buf[n > 0 ? n : 0] = '\0';
}

/* The number after "key" in a status file, or 0; the last of several ("NSpid:"). */
static long long status_field(const char *status, const char *key, bool last)
{
	const char *p = strstr(status, key);
	long long x = 0;
	char *end;

	if (!p)
		return 0;
	p += strlen(key);
	for (;;) {
		long long v = strtoll(p, &end, 10);

		if (end == p)
			return x;
		x = v;
		if (!last)
			return x;
		p = end;
	}
}

/* The fields of /proc/PID/task/TID/stat after "(comm)": comm may hold ')' and spaces. */
static bool read_stat(const char *dir, struct scap_proc_entry *e)
{
	char path[96], buf[1024];
	unsigned long long minflt, majflt;
	long long ppid, pgrp, sid;
	const char *p;

	snprintf(path, sizeof(path), "%s/stat", dir);
	if (read_small(path, buf, sizeof(buf)) < 0 || !(p = strrchr(buf, ')')))
		return false;
	if (sscanf(p + 1, " %*c %lld %lld %lld %*d %*d %*u %llu %*u %llu", &ppid, &pgrp, &sid,
		   &minflt, &majflt) != 5)
		return false;
	e->ptid = ppid;
	e->vpgid = pgrp;
	e->sid = sid;
	e->pfminor = minflt;
	e->pfmajor = majflt;
	return true;
}

static void read_status(const char *dir, struct scap_proc_entry *e)
{
	char path[96], buf[4096];

	snprintf(path, sizeof(path), "%s/status", dir);
	if (read_small(path, buf, sizeof(buf)) < 0)
		return;
	e->pid = status_field(buf, "\nTgid:", false);
	e->uid = status_field(buf, "\nUid:", false);
	e->gid = status_field(buf, "\nGid:", false);
	e->vmsize_kb = status_field(buf, "\nVmSize:", false);
	e->vmrss_kb = status_field(buf, "\nVmRSS:", false);
	e->vmswap_kb = status_field(buf, "\nVmSwap:", false);
	/* The ids inside the thread's own pid namespace: the last of the list. */
	e->vtid = status_field(buf, "\nNSpid:", true);
	e->vpid = status_field(buf, "\nNStgid:", true);
}

/* What all threads of process pid share: argv, exe, cwd, limits. */
static void read_process(long pid, struct scap_proc_entry *e)
{
	char path[64], cmdline[sizeof(e->exe) + sizeof(e->args)];
	struct rlimit rl;
	ssize_t n;
	size_t argv0;

	snprintf(path, sizeof(path), "/proc/%ld/cmdline", pid);
	n = read_small(path, cmdline, sizeof(cmdline));
	if (n > 0) {
		argv0 = strnlen(cmdline, n);
		snprintf(e->exe, sizeof(e->exe), "%.*s", (int)argv0, cmdline);
		if ((size_t)n > argv0 + 1) {
			e->args_len = n - argv0 - 1 < sizeof(e->args) ? n - argv0 - 1 : sizeof(e->args);
			memcpy(e->args, cmdline + argv0 + 1, e->args_len);
		}
	}
	snprintf(path, sizeof(path), "/proc/%ld/exe", pid);
	read_link(path, e->exepath, sizeof(e->exepath));
	snprintf(path, sizeof(path), "/proc/%ld/cwd", pid);
	read_link(path, e->cwd, sizeof(e->cwd));
	snprintf(path, sizeof(path), "/proc/%ld/loginuid", pid);
	if (read_small(path, cmdline, 32) > 0)
		e->loginuid = strtoul(cmdline, NULL, 10);
	if (prlimit(pid, RLIMIT_NOFILE, NULL, &rl) == 0)
		e->fdlimit = rl.rlim_cur;
}

/* comm, ids, user and the rest of the thread in dir (its process's part is not read). */
static bool read_thread(const char *dir, struct scap_proc_entry *e)
{
	char path[96];

	if (!read_stat(dir, e))
		return false;	/* gone */
	read_status(dir, e);
	snprintf(path, sizeof(path), "%s/comm", dir);
	if (read_small(path, e->comm, sizeof(e->comm)) > 0)
		e->comm[strcspn(e->comm, "\n")] = '\0';
	return true;
}

static int32_t scan_threads(long pid, scap_proc_cb cb, void *ctx)
{
	struct scap_proc_entry proc, e;
	char path[96], dir[64];
	struct dirent *de;
	DIR *tasks;
	int32_t rc = SCAP_SUCCESS;

	memset(&proc, 0, sizeof(proc));
	proc.pid = pid;
	proc.loginuid = (uint32_t)-1;
	read_process(pid, &proc);
	snprintf(path, sizeof(path), "/proc/%ld/task", pid);
	tasks = opendir(path);
	if (!tasks)
		return SCAP_SUCCESS;	/* gone meanwhile */
	while (rc == SCAP_SUCCESS && (de = readdir(tasks))) {
		long tid = strtol(de->d_name, NULL, 10);

		if (tid <= 0)
			continue;
		e = proc;
		e.tid = tid;
		snprintf(dir, sizeof(dir), "/proc/%ld/task/%ld", pid, tid);
		if (!read_thread(dir, &e))
			continue;	/* gone meanwhile */
		e.pid = pid;
		rc = cb(ctx, &e);
	}
	closedir(tasks);
	return rc;
}

int32_t scap_proc_read_thread(int64_t tid, struct scap_proc_entry *e)
{
	char dir[64];

	memset(e, 0, sizeof(*e));
	e->tid = tid;
	e->loginuid = (uint32_t)-1;
	/* /proc/<tid> is there for every thread, though ls shows only processes. */
	snprintf(dir, sizeof(dir), "/proc/%lld", (long long)tid);
	if (!read_thread(dir, e) || e->pid <= 0)
		return SCAP_NOT_SUPPORTED;
	read_process(e->pid, e);
	return SCAP_SUCCESS;
}

int32_t scap_proc_scan(scap_proc_cb cb, void *ctx, char *error)
{
	DIR *procs = opendir("/proc");
	struct dirent *de;
	int32_t rc = SCAP_SUCCESS;

	if (!procs)
		return scap_errprintf(error, "cannot read /proc: %s", strerror(errno));
	while (rc == SCAP_SUCCESS && (de = readdir(procs))) {
		long pid = strtol(de->d_name, NULL, 10);

		if (pid > 0)
			rc = scan_threads(pid, cb, ctx);
	}
	closedir(procs);
	return rc;
}
