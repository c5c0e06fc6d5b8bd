/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * libsinsp's insides, shared by its files and by no one else:
 *   sinsp_threads.c   the thread table, eviction, stats
 *   sinsp_fdtable.c   a process's files: the fd table and the cwd
 *   sinsp_parsers.c   what each event changes (fds, the cwd)
 *   sinsp_parse_process.c  ... and the threads (clone, execve)
 *   sinsp_proc.c      /proc: the scan at start, a thread met late
 *   sinsp_path.c      joining and cleaning paths
 *   sinsp_format.c    the events as sysdig shows them
 */
#ifndef SCAPLAB_SINSP_INT_H
#define SCAPLAB_SINSP_INT_H

#include <stddef.h>
#include "sinsp.h"

struct sinsp {
	struct sinsp_options opts;
	struct sinsp_threadinfo **slots;	/* open addressing by tid, NULL = free */
	uint32_t capacity;			/* a power of 2 */
	uint32_t nthreads;
	struct sinsp_threadinfo *to_forget;	/* procexit was its last event */
	struct sinsp_threadinfo *current;	/* the thread of the event being parsed */
	/*
	 * A close's fd, removed at the next event: its exit event can still be
	 * asked what it closed (fd.name), as in sysdig.
	 */
	struct sinsp_files *close_files;	/* holds a reference */
	int64_t close_fd;
	bool current_is_new;			/* ... created for this event */
	struct sinsp_stats stats;
};

/* ---- threads (sinsp_threads.c) ---- */

/* A new thread with nothing known but its tid (files: new and empty). */
struct sinsp_threadinfo *sinsp_thread_create(struct sinsp *s, int64_t tid);
void sinsp_thread_remove(struct sinsp *s, struct sinsp_threadinfo *t);
/* Give t the files f (dropping its own): threads of one process share them. */
void sinsp_thread_share_files(struct sinsp_threadinfo *t, struct sinsp_files *f);
/* A copy of n bytes as a NUL-terminated string; "" for n 0; NULL if out of memory. */
char *sinsp_strndup(const void *src, size_t n);
/* Replace *dst with a copy of src (kept as it was if out of memory). */
void sinsp_set_str(char **dst, const void *src, size_t n);
/* Replace t's args (NUL-separated, len bytes) with a copy, likewise. */
void sinsp_set_args(struct sinsp_threadinfo *t, const void *args, uint32_t len);

/* ---- files (sinsp_fdtable.c) ---- */

struct sinsp_files *sinsp_files_new(void);
void sinsp_files_unref(struct sinsp_files *f);
/* fork(): a copy, with its own refs (1); NULL if out of memory. */
struct sinsp_files *sinsp_files_copy(const struct sinsp_files *f);
struct sinsp_fdinfo *sinsp_fd_find(const struct sinsp_files *f, int64_t fd);
/*
 * The slot for fd, blank (type 'o', name ""), replacing what fd was.
 * NULL if the process holds max_fds already, or out of memory: counted.
 */
struct sinsp_fdinfo *sinsp_fd_add(struct sinsp *s, struct sinsp_files *f, int64_t fd);
void sinsp_fd_remove(struct sinsp_files *f, int64_t fd);
/* execve: the fds opened with O_CLOEXEC are gone. */
void sinsp_files_close_on_exec(struct sinsp_files *f);
size_t sinsp_files_memory(const struct sinsp_files *f);

/* ---- parsing (sinsp_parsers.c) ---- */

void sinsp_parse_event(struct sinsp *s, struct sinsp_threadinfo *t,
		       const struct scap_evt_view *evt);
/* sinsp_parse_fds.c: eventfd, socketpair, fcntl's F_DUPFD...; false if not one of them. */
bool sinsp_parse_new_fd_exit(struct sinsp *s, struct sinsp_threadinfo *t,
			     const struct scap_evt_view *evt);
/* sinsp_parse_datagrams.c: a datagram socket named by its last datagram's tuple. */
void sinsp_parse_send_enter(struct sinsp_threadinfo *t, const struct scap_evt_view *evt);
void sinsp_parse_datagram_exit(struct sinsp *s, struct sinsp_threadinfo *t,
			       const struct scap_evt_view *evt);
/* sinsp_parsers.c's socket helpers. The fd type of a family (PPM_AF_*). */
char sinsp_socket_fd_type(uint8_t family);
/* Give fdi the name text of a PT_SOCKADDR (tuple false) or PT_SOCKTUPLE param. */
void sinsp_set_socket_name(struct sinsp_fdinfo *fdi, const struct scap_evt_param *p,
			   bool tuple);
/* The client's and the server's ends, from a PT_SOCKTUPLE: the drivers write the client first. */
void sinsp_set_tuple(struct sinsp_fdinfo *fdi, const struct scap_evt_param *p);
/* sinsp_parse_process.c: the events that make, change and end threads. */
void parse_clone_exit(struct sinsp *s, struct sinsp_threadinfo *t,
		      const struct scap_evt_view *evt);
void parse_execve_enter(struct sinsp_threadinfo *t, const struct scap_evt_view *evt);
void parse_execve_exit(struct sinsp_threadinfo *t, const struct scap_evt_view *evt);
/* Is this the child's side of a clone (res 0)? Its thread is not read from /proc. */
bool sinsp_is_clone_child(const struct scap_evt_view *evt);

/* ---- /proc (sinsp_proc.c) ---- */

/* Fill t (tid set) from /proc/<tid>; false if the thread is gone. */
bool sinsp_proc_read_thread(struct sinsp *s, struct sinsp_threadinfo *t);

/* sinsp_proc_net.c: the sockets of /proc/net, by inode, to name socket fds. */
struct sinsp_socket_map;
struct sinsp_socket_map *sinsp_socket_map_read(void);
void sinsp_socket_map_free(struct sinsp_socket_map *m);
/* Fill fdi (type, l4, name, tuple) for socket inode ino; false if not found. */
bool sinsp_socket_map_fill(const struct sinsp_socket_map *m, uint64_t ino,
			   struct sinsp_fdinfo *fdi);

/* ---- paths (sinsp_path.c) ---- */

/*
 * dir + "/" + path, cleaned of ".", ".." and "//" as sysdig does, into a
 * new string; path alone if it is absolute. NULL if out of memory.
 */
char *sinsp_path_join(const char *dir, const char *path, size_t path_len);
/*
 * The absolute path that path param i of evt names, in a new string; NULL
 * if it cannot be known: relative to a dirfd not in the table, or to a cwd
 * not known.
 */
char *sinsp_path_of_param(const struct sinsp_threadinfo *t, const struct scap_evt_view *evt,
			  uint32_t i);

#endif /* SCAPLAB_SINSP_INT_H */
