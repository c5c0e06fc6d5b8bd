// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Unit tests of libsinsp's parsing (userspace/libsinsp/): sequences of
 * events built byte by byte, fed in order to a state that never reads
 * /proc (no_proc), and what the state then says: an fd's type and name, a
 * path resolved, a thread's process and files, the counters of a full
 * table. Real captures are compared with sysdig's reading of them in
 * test/bats/savefile_write.bats; these pin the cases a capture rarely
 * shows: both orders of a clone's two events, a thread's close, eviction.
 */
#include <setjmp.h>	/* cmocka.h needs these four first */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evt_builder.h"
#include "sinsp.h"
#include "sinsp_int.h"

#define AT_FDCWD_VALUE (-100)

static uint64_t g_ts = 1000;

/* Finish b as an event of thread tid, feed it to s; return the thread. */
static struct sinsp_threadinfo *feed(struct sinsp *s, struct evt_builder *b, int64_t tid)
{
	const struct scap_evt_view *v;
	uint64_t ts = g_ts++;
	struct sinsp_threadinfo *t;

	v = eb_decode(b);
	memcpy(b->event + offsetof(struct ppm_evt_hdr, ts), &ts, sizeof(ts));
	memcpy(b->event + offsetof(struct ppm_evt_hdr, tid), &tid, sizeof(tid));
	t = sinsp_process_event(s, v);
	assert_non_null(t);
	assert_int_equal(t->tid, tid);
	return t;
}

static struct sinsp *new_state(uint32_t max_threads, uint32_t max_fds)
{
	struct sinsp_options o = { .max_threads = max_threads, .max_fds = max_fds, .no_proc = true };
	struct sinsp *s = sinsp_new(&o);

	assert_non_null(s);
	return s;
}

/* ---- the events, as a driver writes them ---- */

static void openat_pair(struct sinsp *s, int64_t tid, int64_t fd, int64_t dirfd,
			const char *name, uint32_t flags)
{
	struct evt_builder b;

	eb_start(&b, PPME_SYSCALL_OPENAT_2_E);
	eb_s64(&b, dirfd);
	eb_str(&b, name);
	eb_u32(&b, flags);
	eb_u32(&b, 0);
	feed(s, &b, tid);
	eb_start(&b, PPME_SYSCALL_OPENAT_2_X);
	eb_s64(&b, fd);
	eb_s64(&b, dirfd);
	eb_str(&b, name);
	eb_u32(&b, flags);
	eb_u32(&b, 0);
	eb_u32(&b, 0);
	feed(s, &b, tid);
}

static void fd_pair(struct sinsp *s, int64_t tid, uint16_t enter, int64_t fd, int64_t res)
{
	struct evt_builder b;

	eb_start(&b, enter);
	eb_s64(&b, fd);
	feed(s, &b, tid);
	eb_start(&b, enter + 1);
	eb_s64(&b, res);
	feed(s, &b, tid);
}

/* Any event of thread tid: a getppid's enter. */
static void tick(struct sinsp *s, int64_t tid)
{
	struct evt_builder b;

	eb_start(&b, PPME_GENERIC_E);
	eb_u16(&b, 0);
	eb_u16(&b, 110);
	feed(s, &b, tid);
}

static void chdir_exit(struct sinsp *s, int64_t tid, const char *path)
{
	struct evt_builder b;

	eb_start(&b, PPME_SYSCALL_CHDIR_X);
	eb_s64(&b, 0);
	eb_str(&b, path);
	feed(s, &b, tid);
}

/* The 20 params of a clone exit: res, then the thread (tid, pid, ptid, comm...). */
static void clone_exit(struct sinsp *s, int64_t tid, int64_t res, int64_t pid, int64_t ptid,
		       uint32_t flags, const char *comm)
{
	struct evt_builder b;

	eb_start(&b, PPME_SYSCALL_CLONE_20_X);
	eb_s64(&b, res);
	eb_str(&b, "/bin/sh");
	eb_param(&b, "-c\0true\0", 8);
	eb_s64(&b, tid);
	eb_s64(&b, pid);
	eb_s64(&b, ptid);
	eb_str(&b, "/work/");
	eb_s64(&b, 1024);
	eb_u64(&b, 0);
	eb_u64(&b, 0);
	eb_u32(&b, 0);
	eb_u32(&b, 0);
	eb_u32(&b, 0);
	eb_str(&b, comm);
	eb_absent(&b);
	eb_u32(&b, flags);
	eb_u32(&b, 1000);
	eb_u32(&b, 1000);
	eb_s64(&b, tid);
	eb_s64(&b, pid);
	feed(s, &b, tid);
}

static void execve_exit(struct sinsp *s, int64_t tid, const char *exe, const char *comm)
{
	struct evt_builder b;

	eb_start(&b, PPME_SYSCALL_EXECVE_19_X);
	eb_s64(&b, 0);
	eb_str(&b, exe);
	eb_param(&b, "/etc/shadow\0", 12);
	eb_s64(&b, tid);
	eb_s64(&b, tid);
	eb_s64(&b, 1);
	eb_str(&b, "/etc/");
	eb_u64(&b, 1024);
	eb_u64(&b, 0);
	eb_u64(&b, 0);
	eb_u32(&b, 0);
	eb_u32(&b, 0);
	eb_u32(&b, 0);
	eb_str(&b, comm);
	eb_absent(&b);
	eb_absent(&b);
	eb_param(&b, &(int32_t){ 0 }, 4);
	eb_s64(&b, tid);
	eb_param(&b, &(int32_t){ -1 }, 4);
	eb_u32(&b, 0);
	feed(s, &b, tid);
}

static void procexit(struct sinsp *s, int64_t tid)
{
	struct evt_builder b;

	eb_start(&b, PPME_PROCEXIT_1_E);
	eb_s64(&b, 0);
	eb_s64(&b, 0);
	eb_u8(&b, 0);
	eb_u8(&b, 0);
	feed(s, &b, tid);
}

/* "<f>/etc/hosts" for fd of thread tid; "" if the fd is not known. */
static const char *fd_text(struct sinsp *s, int64_t tid, int64_t fd)
{
	static char text[256];
	const struct sinsp_fdinfo *fdi = sinsp_get_fd(sinsp_get_thread(s, tid), fd);
	struct scap_strbuf sb;

	if (!fdi)
		return "";
	assert_int_equal(scap_strbuf_init(&sb), 0);
	sinsp_fd_to_text(&sb, fdi);
	snprintf(text, sizeof(text), "%s", scap_strbuf_str(&sb));
	scap_strbuf_free(&sb);
	return text;
}

/* ---- files ---- */

static void test_openat_relative_to_dirfd_and_cwd(void **state)
{
	struct sinsp *s = new_state(0, 0);
	struct evt_builder b;
	struct scap_strbuf sb;

	(void)state;
	chdir_exit(s, 10, "/tmp");
	openat_pair(s, 10, 3, AT_FDCWD_VALUE, "x", PPM_O_DIRECTORY);
	openat_pair(s, 10, 4, 3, "../etc/./hosts", PPM_O_RDONLY | PPM_O_CLOEXEC);
	openat_pair(s, 10, 5, AT_FDCWD_VALUE, "a//b/..", PPM_O_RDONLY);
	assert_string_equal(fd_text(s, 10, 3), "<d>/tmp/x");
	assert_string_equal(fd_text(s, 10, 4), "<f>/tmp/etc/hosts");
	assert_string_equal(fd_text(s, 10, 5), "<f>/tmp/a");
	assert_true(sinsp_get_fd(sinsp_get_thread(s, 10), 4)->cloexec);

	/* sysdig's text of mkdirat: the fd named, the relative path resolved. */
	eb_start(&b, PPME_SYSCALL_MKDIRAT_X);
	eb_s64(&b, 0);
	eb_s64(&b, 3);
	eb_str(&b, "dir");
	eb_u32(&b, 0755);
	assert_int_equal(scap_strbuf_init(&sb), 0);
	sinsp_format_params_text(&sb, feed(s, &b, 10), &b.view, 0);
	assert_string_equal(scap_strbuf_str(&sb),
			    "res=0 dirfd=3(<d>/tmp/x) path=dir(/tmp/x/dir) mode=0x1ed");
	scap_strbuf_reset(&sb);
	sinsp_format_resolved_json(&sb, sinsp_get_thread(s, 10), &b.view);
	assert_string_equal(scap_strbuf_str(&sb), "{\"dirfd\":\"<d>/tmp/x\",\"path\":\"/tmp/x/dir\"}");
	scap_strbuf_free(&sb);

	fd_pair(s, 10, PPME_SYSCALL_CLOSE_E, 4, 0);
	/* The close's exit still names what it closed; the next event does not. */
	assert_string_equal(fd_text(s, 10, 4), "<f>/tmp/etc/hosts");
	tick(s, 10);
	assert_string_equal(fd_text(s, 10, 4), "");
	/* A failed close leaves the fd. */
	fd_pair(s, 10, PPME_SYSCALL_CLOSE_E, 5, -9);
	assert_string_equal(fd_text(s, 10, 5), "<f>/tmp/a");
	sinsp_free(s);
}

static void test_unknown_cwd_resolves_nothing(void **state)
{
	struct sinsp *s = new_state(0, 0);

	(void)state;
	openat_pair(s, 11, 3, AT_FDCWD_VALUE, "rel", 0);
	/* The fd is known, its name is not: a guess would be a lie. */
	assert_string_equal(fd_text(s, 11, 3), "<f>");
	openat_pair(s, 11, 4, 3, "x", 0);
	assert_string_equal(fd_text(s, 11, 4), "<f>");
	sinsp_free(s);
}

static void test_dup_copies_without_cloexec(void **state)
{
	struct sinsp *s = new_state(0, 0);

	(void)state;
	openat_pair(s, 12, 3, AT_FDCWD_VALUE, "/etc/passwd", PPM_O_CLOEXEC);
	fd_pair(s, 12, PPME_SYSCALL_DUP_E, 3, 7);
	assert_string_equal(fd_text(s, 12, 7), "<f>/etc/passwd");
	assert_false(sinsp_get_fd(sinsp_get_thread(s, 12), 7)->cloexec);
	/* A dup of an fd never seen opened makes nothing up. */
	fd_pair(s, 12, PPME_SYSCALL_DUP_E, 9, 8);
	assert_string_equal(fd_text(s, 12, 8), "");
	sinsp_free(s);
}

/* ---- sockets ---- */

static void test_socket_bind_connect(void **state)
{
	static const uint8_t lo[4] = { 127, 0, 0, 1 };
	struct sinsp *s = new_state(0, 0);
	const struct sinsp_fdinfo *fdi;
	struct evt_builder b;

	(void)state;
	eb_start(&b, PPME_SOCKET_SOCKET_E);
	eb_u32(&b, PPM_AF_INET);
	eb_u32(&b, 1);	/* SOCK_STREAM */
	eb_u32(&b, 0);
	feed(s, &b, 13);
	eb_start(&b, PPME_SOCKET_SOCKET_X);
	eb_s64(&b, 3);
	feed(s, &b, 13);
	/* No address yet: no L4 letter either, as sysdig shows it. */
	assert_string_equal(fd_text(s, 13, 3), "<4>");

	eb_start(&b, PPME_SOCKET_BIND_E);
	eb_s64(&b, 3);
	feed(s, &b, 13);
	eb_start(&b, PPME_SOCKET_BIND_X);
	eb_s64(&b, 0);
	eb_sockaddr_inet(&b, lo, 47111);
	feed(s, &b, 13);
	assert_string_equal(fd_text(s, 13, 3), "<4t>127.0.0.1:47111");

	eb_start(&b, PPME_SOCKET_CONNECT_E);
	eb_s64(&b, 3);
	eb_sockaddr_inet(&b, lo, 8080);
	feed(s, &b, 13);
	eb_start(&b, PPME_SOCKET_CONNECT_X);
	eb_s64(&b, 0);
	eb_tuple_inet(&b, lo, 47111, lo, 8080);
	feed(s, &b, 13);
	fdi = sinsp_get_fd(sinsp_get_thread(s, 13), 3);
	assert_string_equal(fd_text(s, 13, 3), "<4t>127.0.0.1:47111->127.0.0.1:8080");
	assert_int_equal(fdi->ip_len, 4);
	assert_int_equal(fdi->sport, 8080);
	assert_int_equal(fdi->cport, 47111);
	assert_false(fdi->is_server);
	assert_memory_equal(fdi->sip, lo, 4);

	/* A unix socket is named at its connect's enter already. */
	eb_start(&b, PPME_SOCKET_CONNECT_E);
	eb_s64(&b, 5);
	eb_sockaddr_unix(&b, "/run/x.sock");
	feed(s, &b, 13);
	assert_string_equal(fd_text(s, 13, 5), "<u>/run/x.sock");
	sinsp_free(s);
}

/* ---- threads ---- */

static void test_fork_copies_files_thread_shares_them(void **state)
{
	struct sinsp *s = new_state(0, 0);
	struct sinsp_threadinfo *child, *thread;

	(void)state;
	openat_pair(s, 100, 3, AT_FDCWD_VALUE, "/etc/hosts", 0);
	/* fork: the parent's side first, then the child's. */
	clone_exit(s, 100, 200, 100, 1, 0, "sh");
	clone_exit(s, 200, 0, 200, 100, 0, "sh");
	child = sinsp_get_thread(s, 200);
	assert_int_equal(child->pid, 200);
	assert_int_equal(child->ptid, 100);
	assert_string_equal(fd_text(s, 200, 3), "<f>/etc/hosts");
	assert_string_equal(child->files->cwd, "/work");
	/* The child's close is its own. */
	fd_pair(s, 200, PPME_SYSCALL_CLOSE_E, 3, 0);
	tick(s, 200);
	assert_string_equal(fd_text(s, 200, 3), "");
	assert_string_equal(fd_text(s, 100, 3), "<f>/etc/hosts");

	/* A thread, its own side first: it shares the fd table both ways. */
	clone_exit(s, 101, 0, 100, 1, PPM_CL_CLONE_THREAD | PPM_CL_CLONE_FILES, "sh");
	clone_exit(s, 100, 101, 100, 1, PPM_CL_CLONE_THREAD | PPM_CL_CLONE_FILES, "sh");
	thread = sinsp_get_thread(s, 101);
	assert_int_equal(thread->pid, 100);
	assert_ptr_equal(thread->files, sinsp_get_thread(s, 100)->files);
	fd_pair(s, 101, PPME_SYSCALL_CLOSE_E, 3, 0);
	tick(s, 101);
	assert_string_equal(fd_text(s, 100, 3), "");
	sinsp_free(s);
}

static void test_execve_closes_cloexec_fds(void **state)
{
	struct sinsp *s = new_state(0, 0);
	struct sinsp_threadinfo *t;

	(void)state;
	for (int fd = 3; fd < 40; fd++)
		openat_pair(s, 300, fd, AT_FDCWD_VALUE, "/etc/hosts", fd % 2 ? PPM_O_CLOEXEC : 0);
	execve_exit(s, 300, "cat", "cat");
	t = sinsp_get_thread(s, 300);
	for (int fd = 3; fd < 40; fd++)
		assert_int_equal(sinsp_get_fd(t, fd) != NULL, fd % 2 == 0);
	assert_string_equal(t->comm, "cat");
	assert_string_equal(t->exe, "cat");
	assert_memory_equal(t->args, "/etc/shadow", 12);
	assert_string_equal(t->files->cwd, "/etc");
	sinsp_free(s);
}

static void test_procexit_forgets_after_the_next_event(void **state)
{
	struct sinsp *s = new_state(0, 0);
	struct sinsp_stats st;

	(void)state;
	openat_pair(s, 400, 3, AT_FDCWD_VALUE, "/etc/hosts", 0);
	procexit(s, 400);
	/* Its own event still knows it... */
	assert_non_null(sinsp_get_thread(s, 400));
	chdir_exit(s, 401, "/");
	/* ... the next one does not. */
	assert_null(sinsp_get_thread(s, 400));
	sinsp_get_stats(s, &st);
	assert_int_equal(st.threads, 1);
	assert_int_equal(st.threads_removed, 1);
	assert_int_equal(st.fds, 0);
	sinsp_free(s);
}

/* ---- bounds ---- */

static void test_tables_stay_bounded(void **state)
{
	struct sinsp *s = new_state(64, 16);
	struct sinsp_stats st;

	(void)state;
	/* 1000 children whose procexit was dropped: the oldest make room. */
	for (int64_t tid = 1000; tid < 2000; tid++)
		clone_exit(s, tid, 0, tid, 1, 0, "worker");
	for (int fd = 0; fd < 100; fd++)
		openat_pair(s, 1999, fd, AT_FDCWD_VALUE, "/etc/hosts", 0);
	sinsp_get_stats(s, &st);
	assert_true(st.threads <= 64);
	assert_int_equal(st.threads + st.threads_evicted, 1000);
	assert_non_null(sinsp_get_thread(s, 1999));	/* the newest stay */
	assert_null(sinsp_get_thread(s, 1000));
	assert_int_equal(st.fds, 16);
	assert_int_equal(st.fds_dropped, 84);
	assert_true(st.memory_bytes < 64 * 1024);
	sinsp_free(s);
}

static void test_path_join(void **state)
{
	static const char *const cases[][3] = {
		{ "/tmp", "x", "/tmp/x" },
		{ "/tmp", "../..", "/" },
		{ "/", "a/./b//c/", "/a/b/c" },
		{ "/tmp/", "/etc/../etc/hosts", "/etc/hosts" },
		{ "/a/b", "..", "/a" },
		{ "/", ".", "/" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *p = sinsp_path_join(cases[i][0], cases[i][1], strlen(cases[i][1]));

		assert_non_null(p);
		assert_string_equal(p, cases[i][2]);
		free(p);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_openat_relative_to_dirfd_and_cwd),
		cmocka_unit_test(test_unknown_cwd_resolves_nothing),
		cmocka_unit_test(test_dup_copies_without_cloexec),
		cmocka_unit_test(test_socket_bind_connect),
		cmocka_unit_test(test_fork_copies_files_thread_shares_them),
		cmocka_unit_test(test_execve_closes_cloexec_fds),
		cmocka_unit_test(test_procexit_forgets_after_the_next_event),
		cmocka_unit_test(test_tables_stay_bounded),
		cmocka_unit_test(test_path_join),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
