/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * libsinsp: what the events mean together.
 *
 * libscap hands over one event at a time, and an event says little by
 * itself: "thread 4242 read fd 3". This library remembers what came
 * before, so that the same event can say "cat (pid 4242, child of bash)
 * read /etc/shadow". Falco's library for this is also called libsinsp
 * ("system inspection"); this one is much smaller, with the same names.
 *
 *   scap_next() ──► sinsp_process_event() ──► struct sinsp_threadinfo
 *                     │ learns from it          ├─ pid, ptid, comm, exe, args, uid
 *                     │                         ├─ vpid, vtid, container (its cgroups)
 *                     ▼                         └─ files (shared by a process's threads)
 *                   thread table                      ├─ cwd
 *                   (tid → thread)                    └─ fd table: 3 → <f>/etc/hosts
 *
 * Where it learns:
 *   - at start, from /proc (sinsp_scan_proc), or from a capture file's
 *     process list (sinsp_add_thread);
 *   - then from the events: clone, fork, vfork, clone3, execve, execveat
 *     and procexit for threads (with the cgroups that name a container:
 *     sinsp_container.c); open, openat, openat2, creat, socket, bind,
 *     connect, accept, pipe, dup and close for fds; chdir for the cwd;
 *   - live, a thread met before its clone event is read from /proc/<tid>.
 *
 * Memory is bounded (sinsp_options): past max_threads the threads seen
 * least recently are evicted, past max_fds a process's new fds are not
 * kept; both are counted (sinsp_stats), so nothing is lost in silence.
 */
#ifndef SCAPLAB_SINSP_H
#define SCAPLAB_SINSP_H

#include <stdbool.h>
#include <stdint.h>

#include "scap.h"
#include "scap_event.h"
#include "scap_strbuf.h"

/* What an fd is: the letter sysdig shows, "3(<f>/etc/hosts)". */
#define SINSP_FD_FILE		'f'
#define SINSP_FD_DIRECTORY	'd'
#define SINSP_FD_IPV4_SOCK	'4'
#define SINSP_FD_IPV6_SOCK	'6'
#define SINSP_FD_UNIX_SOCK	'u'
#define SINSP_FD_PIPE		'p'
#define SINSP_FD_EVENT		'e'	/* eventfd */
#define SINSP_FD_SIGNAL		's'	/* signalfd */
#define SINSP_FD_EVENTPOLL	'l'	/* epoll */
#define SINSP_FD_INOTIFY	'i'
#define SINSP_FD_TIMERFD	't'
#define SINSP_FD_NETLINK	'n'
#define SINSP_FD_OTHER		'o'	/* a socket of another family, an anon inode... */

/* The longest PT_SOCKTUPLE: a unix one, family + 2 socks + 108-byte path + NUL. */
#define SINSP_TUPLE_MAX (1 + 8 + 8 + 108 + 1)

struct sinsp_fdinfo {
	int64_t fd;
	char type;		/* SINSP_FD_*; 0 in a free slot of the table */
	char l4;		/* an IP socket's 't' (TCP), 'u' (UDP), 'r' (raw), else 0 */
	bool cloexec;		/* closed by a successful execve */
	bool is_server;		/* the accepting (or bound) side of a connection */
	/*
	 * An IP socket's ends, as sysdig names them: the client's and the
	 * server's. ip_len 4 (IPv4, in the first 4 bytes) or 16; 0 if none is
	 * known. Addresses in network order, ports in the machine's.
	 */
	uint8_t ip_len;
	uint8_t cip[16];
	uint8_t sip[16];
	uint16_t cport;
	uint16_t sport;
	char *name;		/* path, "ip:port->ip:port", unix path; "" if unknown */
};

/* What a process's threads share: the fd table and the cwd. */
struct sinsp_files {
	uint32_t refs;			/* threads pointing at it */
	uint32_t nfds;
	uint32_t capacity;		/* of slots: a power of 2, 0 when empty */
	struct sinsp_fdinfo *slots;
	char *cwd;			/* absolute, no trailing '/' (but "/"); "" if unknown */
	bool counted;			/* sinsp_get_stats's mark */
};

struct sinsp_threadinfo {
	int64_t tid;
	int64_t pid;		/* its process (thread group); -1 if unknown */
	int64_t ptid;		/* the thread that created it; -1 if unknown */
	uint32_t uid;		/* (uint32_t)-1 if unknown */
	uint32_t gid;
	char comm[16];		/* "<NA>" if unknown */
	char *exe;		/* argv[0], as execve's "exe" param ("" if unknown) */
	char *exepath;		/* the file it runs, absolute ("" if unknown) */
	char *args;		/* argv[1..], each ended by a NUL (args_len bytes) */
	uint32_t args_len;
	struct sinsp_files *files;	/* never NULL */
	int64_t vtid;		/* its ids in its own pid namespace; -1 if unknown */
	int64_t vpid;
	char container_id[13];	/* its container's id, 12 hex digits; "" on the host */
	const char *container_type;	/* its runtime: "docker", "podman"...; NULL on the host */
	uint64_t lastevent_ts;	/* of its last event: the eviction order */
	/* What its last enter event said, for the exit to use (close's fd...). */
	int64_t lastevent_fd;
	char *lastevent_path;		/* execve's enter: the file, resolved (or NULL) */
	uint32_t lastevent_socket_type;	/* socket(): its type and family */
	uint8_t lastevent_socket_domain;
	uint8_t lastevent_fcntl_cmd;	/* fcntl(): its cmd, PPM_FCNTL_* */
	uint16_t lastevent_tuple_len;	/* sendto(), sendmsg(): their tuple */
	uint8_t lastevent_tuple[SINSP_TUPLE_MAX];
	uint16_t generic_nr;		/* nativeID of its last generic enter event */
	uint16_t lastevent_type;
	bool exited;		/* procexit seen: forgotten at the next event */
	uint64_t user;		/* the program's own: the library never reads it */
};

struct sinsp_options {
	uint32_t max_threads;	/* 0: SINSP_DEFAULT_MAX_THREADS */
	uint32_t max_fds;	/* per process; 0: SINSP_DEFAULT_MAX_FDS */
	bool no_proc;		/* never read /proc (the events come from a file) */
};

/* Falco's defaults: its thread table's size, and its fd table's. */
#define SINSP_DEFAULT_MAX_THREADS 131072
#define SINSP_DEFAULT_MAX_FDS 4096

struct sinsp_stats {
	uint64_t threads;		/* in the table now */
	uint64_t threads_added;		/* ever: from /proc, a file, or an event */
	uint64_t threads_removed;	/* after their procexit */
	uint64_t threads_evicted;	/* the table was full: seen least recently */
	uint64_t fds;			/* open fds known now, in every process */
	uint64_t fds_dropped;		/* not kept: their process had max_fds */
	uint64_t memory_bytes;		/* held by the tables (the allocations' sizes) */
};

struct sinsp;

/* A new, empty state; NULL if out of memory. opts may be NULL (the defaults). */
struct sinsp *sinsp_new(const struct sinsp_options *opts);
void sinsp_free(struct sinsp *s);

/*
 * Read every process on this machine, with its threads, cwd and open fds,
 * from /proc. Call it before the capture starts: what runs after is
 * learned from the events. Returns the number of threads read, or -1 with
 * errno set if /proc cannot be read.
 */
int sinsp_scan_proc(struct sinsp *s);

/*
 * Add to a scap_open_args' interesting_syscalls the syscalls the state
 * learns from (clone, execve, open, close, chdir, socket...), as Falco
 * does: a program that asks the driver for a few syscalls only still gets
 * threads and fds right. (procexit is not a syscall: it always comes.)
 */
void sinsp_add_state_syscalls(bool interesting[SYSCALL_TABLE_SIZE]);

/*
 * A thread a capture file's process list names (scap_get_proc_table):
 * its ids, comm, exe, args, cwd and user.
 */
struct sinsp_threadinfo *sinsp_add_thread(struct sinsp *s, const struct scap_threadinfo *ti);

/*
 * Learn from one event, and return the thread that made it (NULL only if
 * out of memory). Call it for every event, in order. The state it leaves
 * is the state after the event: an openat exit's fd is in the table, a
 * close enter's fd still is (its exit removes it).
 */
struct sinsp_threadinfo *sinsp_process_event(struct sinsp *s, const struct scap_evt_view *evt);

/* The thread with this tid, or NULL; never reads /proc. */
struct sinsp_threadinfo *sinsp_get_thread(struct sinsp *s, int64_t tid);

/* The thread's parent thread (by ptid), or NULL if unknown. */
struct sinsp_threadinfo *sinsp_get_parent(struct sinsp *s, const struct sinsp_threadinfo *t);

/* What fd is in t's process, or NULL. */
const struct sinsp_fdinfo *sinsp_get_fd(const struct sinsp_threadinfo *t, int64_t fd);

void sinsp_get_stats(struct sinsp *s, struct sinsp_stats *stats);

/* ---- the events as sysdig shows them (sinsp_format.c) ---- */

/* Append "<4t>10.0.0.1:5000->10.0.0.2:80": an fd's type and name, as in sysdig. */
void sinsp_fd_to_text(struct scap_strbuf *sb, const struct sinsp_fdinfo *fdi);

/*
 * scap_format_params_text, plus what the state knows: an fd with its type
 * and name, "fd=3(<f>/etc/hosts)", and a relative path resolved against
 * its dirfd or the cwd, "path=dir(/tmp/x/dir)". Call it after
 * sinsp_process_event() of the same event. t may be NULL.
 */
void sinsp_format_params_text(struct scap_strbuf *sb, const struct sinsp_threadinfo *t,
			      const struct scap_evt_view *evt, uint32_t max_data);

/* Param i alone, as sinsp_format_params_text shows it: "3(<f>/etc/hosts)". */
void sinsp_format_param_text(struct scap_strbuf *sb, const struct sinsp_threadinfo *t,
			     const struct scap_evt_view *evt, uint32_t i, uint32_t max_data);

/*
 * The event's name: "openat"; a generic event's syscall name. A generic
 * exit of a syscall without Falco code (ID 0) does not say which syscall
 * it was: its thread's generic enter event, just before it, did.
 */
const char *sinsp_event_name(const struct sinsp_threadinfo *t, const struct scap_evt_view *evt);

/*
 * The same resolved values as a JSON object keyed by param name,
 * {"fd":"<f>/etc/hosts","path":"/tmp/x/dir"}; "{}" if there are none.
 */
void sinsp_format_resolved_json(struct scap_strbuf *sb, const struct sinsp_threadinfo *t,
				const struct scap_evt_view *evt);

/* Is this the exit event of open, openat, openat2 or creat (its fd, its path)? */
bool sinsp_is_open_exit(uint16_t type);

/*
 * The container of a process, from its cgroups (sinsp_container.c): the
 * drivers' "cgroups" param (NUL-separated "ctrl=path") or the text of
 * /proc/PID/cgroup, len bytes. Its runtime ("docker", "podman",
 * "containerd", "cri-o") and its 12-digit id into id; NULL and "" if the
 * paths name no container.
 */
const char *sinsp_container_from_cgroups(const char *cgroups, size_t len, char id[13]);

/* Is this the exit event of clone, fork, vfork or clone3 (either side)? */
bool sinsp_is_clone_exit(uint16_t type);

#endif /* SCAPLAB_SINSP_H */
