// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * What /proc says of the threads that run (see sinsp.h): every one at
 * start (sinsp_scan_proc), and live, a thread met before its clone event.
 * libscap reads the threads (scap_machine.c: ids, comm, argv, cwd, user);
 * this file reads their fds, their container and their namespace's ids:
 *
 *   /proc/<pid>/fd/<N>    a link to what fd N is: "/etc/hosts",
 *                         "socket:[1060]", "pipe:[35417]", "anon_inode:[eventfd]"
 *   /proc/<pid>/fdinfo/<N> its open flags (O_CLOEXEC)
 *   /proc/<tid>/cgroup    its cgroups, which name its container (sinsp_container.c)
 *   /proc/<tid>/status    NSpid: its tid in each pid namespace, its own last
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scap.h"
#include "scap_machine.h"
#include "sinsp_int.h"

/* A /proc folder's path, "/proc/<pid>/task/<tid>" at most, and a file's in it. */
#define DIR_MAX 64
#define FILE_MAX (DIR_MAX + 32)

/* The sockets of /proc/net, read when the first socket fd is met in a scan. */
struct scan {
	struct sinsp *s;
	int n;			/* threads read */
	struct sinsp_socket_map *sockets;
	bool sockets_read;
};

/* The target of a link, NUL-terminated; false if it cannot be read. */
static bool read_link(const char *path, char *buf, size_t size)
{
	ssize_t n = readlink(path, buf, size - 1);

	if (n < 0)
		return false;
	buf[n] = '\0';
	return true;
}

static void read_fd(struct sinsp *s, struct scan *sc, struct sinsp_files *files,
		    const char *dir, int64_t fd)
{
	char path[FILE_MAX], target[PATH_MAX], line[128];
	unsigned long long ino;
	struct sinsp_fdinfo *fdi;
	struct stat st;
	FILE *f;

	snprintf(path, sizeof(path), "%s/fd/%" PRId64, dir, fd);
	if (!read_link(path, target, sizeof(target)) || !(fdi = sinsp_fd_add(s, files, fd)))
		return;
	if (target[0] == '/') {
		fdi->type = stat(path, &st) == 0 && S_ISDIR(st.st_mode) ? SINSP_FD_DIRECTORY
									 : SINSP_FD_FILE;
		sinsp_set_str(&fdi->name, target, strlen(target));
	} else if (sscanf(target, "socket:[%llu]", &ino) == 1) {
		if (!sc->sockets_read) {
			sc->sockets = sinsp_socket_map_read();
			sc->sockets_read = true;
		}
		if (!sinsp_socket_map_fill(sc->sockets, ino, fdi))
			fdi->type = SINSP_FD_OTHER;	/* a socket of another family */
	} else if (!strncmp(target, "pipe:", 5)) {
		fdi->type = SINSP_FD_PIPE;
	} else if (!strcmp(target, "anon_inode:[eventfd]")) {
		fdi->type = SINSP_FD_EVENT;
	} else if (!strcmp(target, "anon_inode:[eventpoll]")) {
		fdi->type = SINSP_FD_EVENTPOLL;
	} else if (!strcmp(target, "anon_inode:[signalfd]")) {
		fdi->type = SINSP_FD_SIGNAL;
	} else if (!strcmp(target, "anon_inode:[timerfd]")) {
		fdi->type = SINSP_FD_TIMERFD;
	} else if (!strcmp(target, "anon_inode:inotify")) {
		fdi->type = SINSP_FD_INOTIFY;
	} else {
		sinsp_set_str(&fdi->name, target, strlen(target));
	}
	snprintf(path, sizeof(path), "%s/fdinfo/%" PRId64, dir, fd);
	f = fopen(path, "r");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		if (!strncmp(line, "flags:", 6)) {
			fdi->cloexec = strtoul(line + 6, NULL, 8) & O_CLOEXEC;
			break;
		}
	}
	fclose(f);
}

static void read_fds(struct sinsp *s, struct scan *sc, struct sinsp_files *files,
		     const char *dir)
{
	char path[FILE_MAX];
	struct dirent *e;
	DIR *d;

	snprintf(path, sizeof(path), "%s/fd", dir);
	d = opendir(path);
	if (!d)
		return;	/* a process of another user, without CAP_SYS_PTRACE */
	while ((e = readdir(d))) {
		char *end;
		long long fd = strtoll(e->d_name, &end, 10);

		if (e->d_name[0] != '.' && !*end)
			read_fd(s, sc, files, dir, fd);
	}
	closedir(d);
}

/* The container of t, from /proc/<tid>/cgroup. */
static void read_container(struct sinsp_threadinfo *t)
{
	char path[FILE_MAX], buf[4096];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%" PRId64 "/cgroup", t->tid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	n = read(fd, buf, sizeof(buf));
	close(fd);
	if (n > 0)
		t->container_type = sinsp_container_from_cgroups(buf, n, t->container_id);
}

/* The last number of a /proc status line "NSpid:\t4242\t1": the id in t's own namespace. */
static int64_t last_id(const char *line)
{
	const char *p = line + strlen(line);

	while (p > line && (p[-1] == '\n' || p[-1] == ' ' || p[-1] == '\t'))
		p--;
	while (p > line && p[-1] >= '0' && p[-1] <= '9')
		p--;
	return *p >= '0' && *p <= '9' ? strtoll(p, NULL, 10) : -1;
}

/* t's tid and pid in its pid namespace, from /proc/<tid>/status. */
static void read_ns_ids(struct sinsp_threadinfo *t)
{
	char path[FILE_MAX], line[256];
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%" PRId64 "/status", t->tid);
	f = fopen(path, "re");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		if (!strncmp(line, "NStgid:", 7))
			t->vpid = last_id(line);
		else if (!strncmp(line, "NSpid:", 6))
			t->vtid = last_id(line);
	}
	fclose(f);
}

/*
 * Fill t from what /proc said of it (e). Its files are its process's if
 * that is known already, else read from /proc/<pid>.
 */
static void fill_thread(struct sinsp *s, struct scan *sc, struct sinsp_threadinfo *t,
			const struct scap_proc_entry *e)
{
	struct sinsp_threadinfo *leader;
	char dir[DIR_MAX];

	t->pid = e->pid;
	t->ptid = e->ptid;
	t->uid = e->uid;
	t->gid = e->gid;
	memcpy(t->comm, e->comm, sizeof(t->comm));
	sinsp_set_str(&t->exe, e->exe, strlen(e->exe));
	sinsp_set_str(&t->exepath, e->exepath, strlen(e->exepath));
	if (e->args_len)
		sinsp_set_args(t, e->args, e->args_len);
	read_container(t);
	read_ns_ids(t);
	leader = t->pid != t->tid ? sinsp_get_thread(s, t->pid) : NULL;
	if (leader) {
		sinsp_thread_share_files(t, leader->files);
		return;
	}
	sinsp_set_str(&t->files->cwd, e->cwd, strlen(e->cwd));
	snprintf(dir, sizeof(dir), "/proc/%" PRId64, t->pid);
	read_fds(s, sc, t->files, dir);
}

bool sinsp_proc_read_thread(struct sinsp *s, struct sinsp_threadinfo *t)
{
	struct scap_proc_entry e;
	struct scan sc = { .s = s };

	if (scap_proc_read_thread(t->tid, &e) != SCAP_SUCCESS)
		return false;
	fill_thread(s, &sc, t, &e);
	sinsp_socket_map_free(sc.sockets);
	return true;
}

/* One thread of the scan; the leader of a process comes before its other threads. */
static int32_t scan_one(void *ctx, const struct scap_proc_entry *e)
{
	struct scan *sc = ctx;
	struct sinsp_threadinfo *t;

	if (sinsp_get_thread(sc->s, e->tid))
		return SCAP_SUCCESS;
	t = sinsp_thread_create(sc->s, e->tid);
	if (!t)
		return SCAP_FAILURE;
	fill_thread(sc->s, sc, t, e);
	sc->n++;
	return SCAP_SUCCESS;
}

int sinsp_scan_proc(struct sinsp *s)
{
	struct scan sc = { .s = s };
	char err[SCAP_LASTERR_SIZE];
	int32_t rc = scap_proc_scan(scan_one, &sc, err);

	sinsp_socket_map_free(sc.sockets);
	if (rc != SCAP_SUCCESS) {
		errno = rc == SCAP_FAILURE && sc.n ? ENOMEM : ENOENT;
		return -1;
	}
	return sc.n;
}
