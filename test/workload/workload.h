/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The workload's shared part: the checks every scenario uses, the fixed
 * values the tests know, and one function per scenario (one file each:
 * files.c, io.c, ...). workload.c holds main() and the checks.
 */
#ifndef SCAPLAB_WORKLOAD_H
#define SCAPLAB_WORKLOAD_H

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <linux/sched.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef __x86_64__
#error "workload: the raw syscalls here (and vfork's asm) are x86_64's"
#endif

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#endif

/* The network endpoints (test/bats/network.bats and errors.bats know them). */
#define PORT4_SERVER 47101	/* 127.0.0.1, listen backlog 7 */
#define PORT6_SERVER 47102	/* [::1], listen backlog 5 */
#define PORT4_CLIENT1 47111	/* accepted with accept4(SOCK_CLOEXEC) */
#define PORT4_CLIENT2 47112	/* accepted with accept */
#define PORT6_CLIENT 47113
#define PORT_REFUSED 47199	/* nothing listens here */
#define PORT_REFUSED_CLIENT 47198
#define PORT4_DGRAM_SERVER 47121	/* UDP, 127.0.0.1 (netio.c) */
#define PORT4_DGRAM_CLIENT 47122
#define PORT6_DGRAM_SERVER 47123	/* UDP, [::1] */
#define PORT6_DGRAM_CLIENT 47124

/* privileged.c's values (test/bats/privileged.bats knows them). */
/* Under 2^53, so that jq 1.6's doubles hold them exactly. */
#define PTRACE_WORD_BEFORE 0x1badcafe0beefUL	/* in the tracee, peeked */
#define PTRACE_WORD_AFTER 0x1badcafe0f00dUL	/* poked there */
#define BPF_BAD_CMD 4242			/* no bpf command has it */
#define QUOTA_ID 4242				/* a user or group id */

#define MMAP_LEN 0x5a000	/* 368640: no loader maps exactly this */
#define SNAP_TEST_LEN 200	/* longer than the default snaplen (80) */

/* How many calls did not do what they must: main's exit status is 1 if any. */
extern int g_failures;

/* Report a call that did not do what it must. */
void failed(const char *what);
/* ret is a call's result that must not be -1. Returns ret. */
long must(long ret, const char *what);
/* ret must be -1 with errno == want. */
void must_fail(long ret, int want, const char *what);
/* ret must equal want (a byte count). */
void must_equal(long ret, long want, const char *what);
/* dir + "/" + name into buf (PATH_MAX bytes); exits if it does not fit. */
char *path_in(char *buf, const char *dir, const char *name);
void raw_close(int fd, const char *what);
/* Wait for child pid and check that it exited with code. */
void reap(long pid, int code, const char *what);

/* net.c's helpers, which errors.c uses too. */
long tcp_socket(int domain, const char *what);
struct sockaddr_in addr4(int port);
struct sockaddr_in6 addr6(int port);

/* The scenarios, in the order "workload all" runs them. */
void do_files(const char *dir);
void do_autofill(const char *dir);
void do_io(const char *dir);
void do_proc(void);
void do_net(const char *dir);
void do_netio(const char *dir);
void do_errors(const char *dir);
void do_longpath(const char *dir);
void do_names(const char *dir);
void do_privileged(const char *dir);
void do_burst(const char *count);
void do_wrap(const char *count);
void do_forks(const char *count);
void do_ptrace(void);
/* The traced program as an attacker (hostile.c), for hostile.bats. */
void do_comm(const char *dir);
void do_forge(void);
void do_socknames(const char *dir);
void do_tree(const char *dir, const char *count, const char *ms, const char *linger);

#endif /* SCAPLAB_WORKLOAD_H */
