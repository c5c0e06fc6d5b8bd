// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Unit tests of the event formatter (userspace/libscap/scap_format.c,
 * with scap_escape.c and scap_sockaddr.c). The escaping of single strings
 * is test_escape.c's, the string buffer test_strbuf.c's.
 *
 * Each test builds an event byte by byte, decodes it, formats it, and
 * compares the whole text line or JSON object with the exact string a
 * learner should see. The JSON tests include the hard cases: a path with a
 * newline, a quote, UTF-8 and an invalid byte; I/O data holding NULs.
 *
 * Build and run (from the top of the repo):
 *   sh scripts/gen-syscall-names.sh > /tmp/syscall_names.c
 *   gcc -Wall -Wextra -Werror -std=gnu11 -D_GNU_SOURCE -I driver -I userspace/libscap \
 *       test/unit/test_format.c userspace/libscap/scap_format.c \
 *       userspace/libscap/scap_escape.c userspace/libscap/scap_sockaddr.c \
 *       userspace/libscap/scap_event.c userspace/libscap/scap_strbuf.c driver/event_table.c \
 *       driver/flags_table.c /tmp/syscall_names.c -lcmocka -o /tmp/test_format
 *   /tmp/test_format
 */
#include <setjmp.h>	/* cmocka.h needs these four first */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "scap_format.h"
#include "evt_builder.h"
#include "ppm_sockopt.h"

/* ---- checking the output ---------------------------------------------------- */

static void assert_text(const struct scap_evt_view *v, uint32_t max_data, const char *want)
{
	struct scap_strbuf sb;

	assert_int_equal(scap_strbuf_init(&sb), 0);
	scap_format_params_text(&sb, v, max_data);
	assert_false(scap_strbuf_failed(&sb));
	assert_string_equal(scap_strbuf_str(&sb), want);
	scap_strbuf_free(&sb);
}

static void assert_json(const struct scap_evt_view *v, const char *want)
{
	struct scap_strbuf sb;

	assert_int_equal(scap_strbuf_init(&sb), 0);
	scap_format_params_json(&sb, v);
	assert_false(scap_strbuf_failed(&sb));
	assert_string_equal(scap_strbuf_str(&sb), want);
	scap_strbuf_free(&sb);
}

/* ---- file events ------------------------------------------------------------- */

static void test_openat_x(void **state)
{
	struct evt_builder b;
	const struct scap_evt_view *v;

	(void)state;
	eb_start(&b, PPME_SYSCALL_OPENAT_2_X);
	eb_s64(&b, 3);					/* fd */
	eb_s64(&b, -100);				/* dirfd: AT_FDCWD */
	eb_str(&b, "/etc/hosts");			/* name */
	eb_u32(&b, PPM_O_RDONLY | PPM_O_CLOEXEC);	/* flags */
	eb_u32(&b, 0);					/* mode */
	eb_u32(&b, 0x801);				/* dev */
	v = eb_decode(&b);
	assert_text(v, 80, "fd=3 dirfd=-100(AT_FDCWD) name=/etc/hosts "
			   "flags=4097(O_RDONLY|O_CLOEXEC) mode=0 dev=0x801");
	assert_json(v, "{\"fd\":3,\"dirfd\":-100,\"name\":\"/etc/hosts\","
		       "\"flags\":\"O_RDONLY|O_CLOEXEC\",\"mode\":0,\"dev\":2049}");
}

/* A failed open: the errno is named; an absent dev is <NA> / null. */
static void test_openat_x_error_and_absent(void **state)
{
	struct evt_builder b;
	const struct scap_evt_view *v;

	(void)state;
	eb_start(&b, PPME_SYSCALL_OPENAT_2_X);
	eb_s64(&b, -2);
	eb_s64(&b, 5);
	eb_str(&b, "nope");
	eb_u32(&b, PPM_O_WRONLY | PPM_O_CREAT | PPM_O_TRUNC);
	eb_u32(&b, 0644);
	eb_absent(&b);
	v = eb_decode(&b);
	assert_text(v, 80, "fd=-2(ENOENT) dirfd=5 name=nope "
			   "flags=262(O_TRUNC|O_CREAT|O_WRONLY) mode=0644 dev=<NA>");
	assert_json(v, "{\"fd\":-2,\"dirfd\":5,\"name\":\"nope\","
		       "\"flags\":\"O_TRUNC|O_CREAT|O_WRONLY\",\"mode\":420,\"dev\":null}");
}

/* Bits without a name still show; 0 is the table's zero name, or "0". */
static void test_flags_leftover_and_zero(void **state)
{
	struct evt_builder b;
	const struct scap_evt_view *v;

	(void)state;
	eb_start(&b, PPME_SYSCALL_OPEN_E);
	eb_str(&b, "/x");
	eb_u32(&b, PPM_O_RDONLY | 0x40000000);
	eb_u32(&b, 0);
	v = eb_decode(&b);
	assert_text(v, 80, "name=/x flags=1073741825(O_RDONLY|0x40000000) mode=0");
	assert_json(v, "{\"name\":\"/x\",\"flags\":\"O_RDONLY|0x40000000\",\"mode\":0}");

	eb_start(&b, PPME_SYSCALL_OPEN_E);
	eb_str(&b, "/x");
	eb_u32(&b, 0);
	eb_u32(&b, 0);
	v = eb_decode(&b);
	assert_text(v, 80, "name=/x flags=0(O_NONE) mode=0");
	assert_json(v, "{\"name\":\"/x\",\"flags\":\"O_NONE\",\"mode\":0}");

	/* mmap_flags has no zero entry; fd -1 is "no file", not an error. */
	eb_start(&b, PPME_SYSCALL_MMAP_E);
	eb_u64(&b, 0x7f0000001000ULL);
	eb_u64(&b, 4096);
	eb_u32(&b, PPM_PROT_READ | PPM_PROT_WRITE);
	eb_u32(&b, 0);
	eb_s64(&b, -1);
	eb_u64(&b, 0);
	v = eb_decode(&b);
	assert_text(v, 80, "addr=0x7f0000001000 length=4096 prot=3(PROT_READ|PROT_WRITE) "
			   "flags=0 fd=-1 offset=0");
	assert_json(v, "{\"addr\":139637976731648,\"length\":4096,"
		       "\"prot\":\"PROT_READ|PROT_WRITE\",\"flags\":\"0\",\"fd\":-1,\"offset\":0}");
}

/* A path with a newline, a quote, a backslash, UTF-8 "é" and a stray 0xff. */
static void test_path_escaping(void **state)
{
	struct evt_builder b;
	const struct scap_evt_view *v;

	(void)state;
	eb_start(&b, PPME_SYSCALL_MKDIR_2_X);
	eb_s64(&b, 0);
	eb_str(&b, "/tmp/a\nb\"c\\d\xc3\xa9\xff");
	v = eb_decode(&b);
	/*
	 * Text: the newline becomes '.', so the event stays on one line; so
	 * does 0xff, which is not UTF-8. JSON keeps 0xff as the lone
	 * surrogate \udcff, which no real character encodes to.
	 */
	assert_text(v, 80, "res=0 path=/tmp/a.b\"c\\d\xc3\xa9.");
	assert_json(v, "{\"res\":0,\"path\":\"/tmp/a\\nb\\\"c\\\\d\xc3\xa9\\udcff\"}");
}

/* ---- I/O data ------------------------------------------------------------------ */

static void test_bytebuf_with_nuls(void **state)
{
	struct evt_builder b;
	const struct scap_evt_view *v;

	(void)state;
	eb_start(&b, PPME_SYSCALL_WRITE_X);
	eb_s64(&b, 9);
	eb_param(&b, "a\0b\0\"\\\xc3\xa9\n", 9);
	v = eb_decode(&b);
	assert_text(v, 80, "res=9 data=a.b.\"\\...");
	/* Data is not text: even the UTF-8 bytes are escaped one by one. */
	assert_json(v, "{\"res\":9,\"data\":\"a\\u0000b\\u0000\\\"\\\\\\u00c3\\u00a9\\u000a\"}");
}

static void test_bytebuf_truncated_in_text(void **state)
{
	struct evt_builder b;
	const struct scap_evt_view *v;

	(void)state;
	eb_start(&b, PPME_SYSCALL_READ_X);
	eb_s64(&b, 12);
	eb_param(&b, "hello world\x01", 12);
	v = eb_decode(&b);
	assert_text(v, 5, "res=12 data=hello");
	assert_text(v, 0, "res=12 data=hello world.");
	assert_json(v, "{\"res\":12,\"data\":\"hello world\\u0001\"}");
}

/* execve's args are NUL-separated: all twenty params, some absent. */
static void test_execve_x(void **state)
{
	struct evt_builder b;
	const struct scap_evt_view *v;

	(void)state;
	eb_start(&b, PPME_SYSCALL_EXECVE_19_X);
	eb_s64(&b, 0);			/* res */
	eb_str(&b, "ls");		/* exe */
	eb_param(&b, "ls\0-l\0", 6);	/* args */
	eb_s64(&b, 100);		/* tid */
	eb_s64(&b, 100);		/* pid */
	eb_s64(&b, 1);			/* ptid */
	eb_str(&b, "/root");		/* cwd */
	eb_u64(&b, 1024);		/* fdlimit */
	eb_u64(&b, 0);			/* pgft_maj */
	eb_u64(&b, 7);			/* pgft_min */
	eb_u32(&b, 2048);		/* vm_size */
	eb_u32(&b, 512);		/* vm_rss */
	eb_u32(&b, 0);			/* vm_swap */
	eb_str(&b, "ls");		/* comm */
	eb_absent(&b);			/* cgroups */
	eb_param(&b, "A=1\0", 4);	/* env */
	eb_u32(&b, 0);			/* tty */
	eb_s64(&b, 100);		/* pgid */
	eb_u32(&b, (uint32_t)-1);	/* loginuid: an INT32, -1 is "unset" */
	eb_u32(&b, 0);			/* flags */
	v = eb_decode(&b);
	assert_json(v, "{\"res\":0,\"exe\":\"ls\",\"args\":\"ls\\u0000-l\\u0000\",\"tid\":100,"
		       "\"pid\":100,\"ptid\":1,\"cwd\":\"/root\",\"fdlimit\":1024,\"pgft_maj\":0,"
		       "\"pgft_min\":7,\"vm_size\":2048,\"vm_rss\":512,\"vm_swap\":0,"
		       "\"comm\":\"ls\",\"cgroups\":null,\"env\":\"A=1\\u0000\",\"tty\":0,"
		       "\"pgid\":100,\"loginuid\":-1,\"flags\":\"0\"}");
	assert_text(v, 80, "res=0 exe=ls args=ls.-l. tid=100 pid=100 ptid=1 cwd=/root "
			   "fdlimit=1024 pgft_maj=0 pgft_min=7 vm_size=2048 vm_rss=512 vm_swap=0 "
			   "comm=ls cgroups=<NA> env=A=1. tty=0 pgid=100 loginuid=-1 flags=0");
}

/* ---- network events ------------------------------------------------------------- */

static void test_connect_x_ipv4(void **state)
{
	static const uint8_t lo[4] = { 127, 0, 0, 1 };
	struct evt_builder b;
	const struct scap_evt_view *v;

	(void)state;
	eb_start(&b, PPME_SOCKET_CONNECT_X);
	eb_s64(&b, 0);
	eb_tuple_inet(&b, lo, 40000, lo, 8080);
	v = eb_decode(&b);
	assert_text(v, 80, "res=0 tuple=127.0.0.1:40000->127.0.0.1:8080");
	assert_json(v, "{\"res\":0,\"tuple\":\"127.0.0.1:40000->127.0.0.1:8080\"}");
}

static void test_connect_x_ipv6(void **state)
{
	static const uint8_t lo6[16] = { [15] = 1 };
	static const uint8_t doc6[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 5 };
	struct evt_builder b;
	const struct scap_evt_view *v;

	(void)state;
	eb_start(&b, PPME_SOCKET_CONNECT_X);
	eb_s64(&b, -115);
	eb_tuple_inet6(&b, lo6, 40000, doc6, 443);
	v = eb_decode(&b);
	assert_text(v, 80, "res=-115(EINPROGRESS) tuple=[::1]:40000->[2001:db8::5]:443");
	assert_json(v, "{\"res\":-115,\"tuple\":\"[::1]:40000->[2001:db8::5]:443\"}");
}

static void test_connect_x_unix(void **state)
{
	struct evt_builder b;
	const struct scap_evt_view *v;

	(void)state;
	eb_start(&b, PPME_SOCKET_CONNECT_X);
	eb_s64(&b, -111);
	eb_tuple_unix(&b, 0xffff8a01c2b3d400ULL, 0xffff8a01c2b3e000ULL, "/run/a\"pp.sock");
	v = eb_decode(&b);
	assert_text(v, 80, "res=-111(ECONNREFUSED) "
			   "tuple=ffff8a01c2b3d400->ffff8a01c2b3e000 /run/a\"pp.sock");
	assert_json(v, "{\"res\":-111,"
		       "\"tuple\":\"ffff8a01c2b3d400->ffff8a01c2b3e000 /run/a\\\"pp.sock\"}");
}

static void test_sockaddrs(void **state)
{
	static const uint8_t ip[4] = { 10, 0, 0, 1 };
	static const uint8_t netlink = PPM_AF_NETLINK;
	struct evt_builder b;
	const struct scap_evt_view *v;

	(void)state;
	eb_start(&b, PPME_SOCKET_CONNECT_E);
	eb_s64(&b, 3);
	eb_sockaddr_inet(&b, ip, 80);
	v = eb_decode(&b);
	assert_text(v, 80, "fd=3 addr=10.0.0.1:80");
	assert_json(v, "{\"fd\":3,\"addr\":\"10.0.0.1:80\"}");

	/* A control character in a unix path: '.' in text, escaped in JSON. */
	eb_start(&b, PPME_SOCKET_BIND_X);
	eb_s64(&b, 0);
	eb_sockaddr_unix(&b, "/tmp/s\x01");
	v = eb_decode(&b);
	assert_text(v, 80, "res=0 addr=/tmp/s.");
	assert_json(v, "{\"res\":0,\"addr\":\"/tmp/s\\u0001\"}");

	/*
	 * An abstract name keeps the NULs inside it: the path is every byte
	 * up to the param's final NUL, not up to the first one.
	 */
	{
		static const uint8_t abs[] = { PPM_AF_UNIX, '@', 'a', 0, 'b', 0 };

		eb_start(&b, PPME_SOCKET_BIND_X);
		eb_s64(&b, 0);
		eb_param(&b, abs, sizeof(abs));
		v = eb_decode(&b);
		assert_text(v, 80, "res=0 addr=@a.b");
		assert_json(v, "{\"res\":0,\"addr\":\"@a\\u0000b\"}");
	}

	/* A family with no layout of its own: just the family byte. */
	eb_start(&b, PPME_SOCKET_BIND_X);
	eb_s64(&b, 0);
	eb_param(&b, &netlink, 1);
	v = eb_decode(&b);
	assert_text(v, 80, "res=0 addr=family 16");
	assert_json(v, "{\"res\":0,\"addr\":\"family 16\"}");
}

/* socket_families is a list of values, not bits: 10 is AF_INET6 alone. */
static void test_socket_domain(void **state)
{
	struct evt_builder b;
	const struct scap_evt_view *v;

	(void)state;
	eb_start(&b, PPME_SOCKET_SOCKET_E);
	eb_u32(&b, PPM_AF_INET6);
	eb_u32(&b, 1);
	eb_u32(&b, 0);
	v = eb_decode(&b);
	assert_text(v, 80, "domain=10(AF_INET6) type=1 proto=0");
	assert_json(v, "{\"domain\":\"AF_INET6\",\"type\":1,\"proto\":0}");
}

/* ---- other types ------------------------------------------------------------------ */

static void test_generic_event(void **state)
{
	struct evt_builder b;
	const struct scap_evt_view *v;

	(void)state;
	/* ID is Falco's code for the syscall (getpid: 16), nativeID x86_64's (39). */
	eb_start(&b, PPME_GENERIC_E);
	eb_u16(&b, PPM_SC_GETPID);
	eb_u16(&b, 39);
	v = eb_decode(&b);
	assert_text(v, 80, "ID=getpid nativeID=39");
	assert_json(v, "{\"ID\":\"getpid\",\"nativeID\":39}");

	/* A number with no name stays a string in JSON, so the type never changes. */
	eb_start(&b, PPME_GENERIC_X);
	eb_u16(&b, 500);
	v = eb_decode(&b);
	assert_text(v, 80, "ID=500");
	assert_json(v, "{\"ID\":\"500\"}");
}

static void test_kill_signal(void **state)
{
	struct evt_builder b;
	const struct scap_evt_view *v;

	(void)state;
	eb_start(&b, PPME_SYSCALL_KILL_E);
	eb_s64(&b, 1234);
	eb_u8(&b, 9);
	v = eb_decode(&b);
	assert_text(v, 80, "pid=1234 sig=9(SIGKILL)");
	assert_json(v, "{\"pid\":1234,\"sig\":9}");
}

/* ppoll: an fd list (2 fds, -1 among them), a timeout of "none", a signal mask. */
static void test_ppoll_fdlist_sigset(void **state)
{
	uint8_t fds[2 + 2 * 10];
	const uint16_t count = 2, in = PPM_POLLIN, inout = PPM_POLLIN | PPM_POLLOUT;
	const int64_t fd0 = 3, fd1 = -1;
	struct evt_builder b;
	const struct scap_evt_view *v;
	char err[SCAP_LASTERR_SIZE] = "";

	(void)state;
	memcpy(fds, &count, 2);
	memcpy(fds + 2, &fd0, 8);
	memcpy(fds + 10, &in, 2);
	memcpy(fds + 12, &fd1, 8);
	memcpy(fds + 20, &inout, 2);
	eb_start(&b, PPME_SYSCALL_PPOLL_E);
	eb_param(&b, fds, sizeof(fds));
	eb_u64(&b, UINT64_MAX);
	eb_u32(&b, (1U << 1) | (1U << 9));	/* SIGINT, SIGUSR1 */
	v = eb_decode(&b);
	assert_text(v, 80, "fds=3:?1 -1:?5 timeout=none sigmask=SIGINT SIGUSR1");
	assert_json(v, "{\"fds\":[{\"fd\":3,\"flags\":\"POLLIN\"},"
		       "{\"fd\":-1,\"flags\":\"POLLIN|POLLOUT\"}],"
		       "\"timeout\":18446744073709551615,\"sigmask\":514}");
	/* A list whose count does not match its length is refused. */
	eb_start(&b, PPME_SYSCALL_PPOLL_E);
	eb_param(&b, fds, sizeof(fds) - 1);
	eb_u64(&b, 0);
	eb_u32(&b, 0);
	assert_int_equal(scap_event_decode(b.event, eb_finish(&b), &b.view, err, sizeof(err)),
			 SCAP_FAILURE);
	assert_non_null(strstr(err, "not 2 + 10 per fd"));
}

/* Build setsockopt's exit with val, a PT_DYN: index byte idx, then len bytes of val. */
static void sockopt_x(struct evt_builder *b, uint8_t optname, uint8_t idx, const void *val,
		      uint16_t len)
{
	uint8_t dyn[1 + 16];

	dyn[0] = idx;
	if (len)
		memcpy(dyn + 1, val, len);
	eb_start(b, PPME_SOCKET_SETSOCKOPT_X);
	eb_s64(b, 0);
	eb_s64(b, 3);
	eb_u8(b, PPM_SOCKOPT_LEVEL_SOL_SOCKET);
	eb_u8(b, optname);
	eb_param(b, dyn, 1 + len);
	eb_u32(b, len);
}

/* A PT_DYN param prints as the type its first byte names; a bad index or size is refused. */
static void test_sockopt_dyn(void **state)
{
	const uint32_t one = 1;
	const uint64_t ns = 2500000000ULL;
	const int64_t econnrefused = -111;
	struct evt_builder b;
	const struct scap_evt_view *v;
	char err[SCAP_LASTERR_SIZE] = "";

	(void)state;
	sockopt_x(&b, 2, PPM_SOCKOPT_IDX_UINT32, &one, 4);
	v = eb_decode(&b);
	assert_text(v, 80, "res=0 fd=3 level=1(SOL_SOCKET) optname=2(SO_REUSEADDR) val=1 optlen=4");
	assert_json(v, "{\"res\":0,\"fd\":3,\"level\":\"SOL_SOCKET\",\"optname\":\"SO_REUSEADDR\","
		       "\"val\":1,\"optlen\":4}");
	sockopt_x(&b, 20, PPM_SOCKOPT_IDX_TIMEVAL, &ns, 8);
	v = eb_decode(&b);
	assert_text(v, 80, "res=0 fd=3 level=1(SOL_SOCKET) optname=20(SO_RCVTIMEO) val=2500000000 optlen=8");
	sockopt_x(&b, 4, PPM_SOCKOPT_IDX_ERRNO, &econnrefused, 8);
	v = eb_decode(&b);
	assert_text(v, 80, "res=0 fd=3 level=1(SOL_SOCKET) optname=4(SO_ERROR) val=-111(ECONNREFUSED) optlen=8");
	assert_json(v, "{\"res\":0,\"fd\":3,\"level\":\"SOL_SOCKET\",\"optname\":\"SO_ERROR\","
		       "\"val\":-111,\"optlen\":8}");
	sockopt_x(&b, 0, PPM_SOCKOPT_IDX_UNKNOWN, "ab", 2);
	v = eb_decode(&b);
	assert_json(v, "{\"res\":0,\"fd\":3,\"level\":\"SOL_SOCKET\",\"optname\":\"UNKNOWN\","
		       "\"val\":\"ab\",\"optlen\":2}");
	/* The index alone: a NULL value of unknown type. */
	sockopt_x(&b, 9, PPM_SOCKOPT_IDX_UNKNOWN, NULL, 0);
	v = eb_decode(&b);
	assert_json(v, "{\"res\":0,\"fd\":3,\"level\":\"SOL_SOCKET\",\"optname\":\"SO_KEEPALIVE\","
		       "\"val\":null,\"optlen\":0}");
	/* An index past the table, and a u32 of 3 bytes, are refused. */
	sockopt_x(&b, 2, PPM_SOCKOPT_IDX_MAX, &one, 4);
	assert_int_equal(scap_event_decode(b.event, eb_finish(&b), &b.view, err, sizeof(err)),
			 SCAP_FAILURE);
	assert_non_null(strstr(err, "names type 5, of 5"));
	sockopt_x(&b, 2, PPM_SOCKOPT_IDX_UINT32, &one, 3);
	assert_int_equal(scap_event_decode(b.event, eb_finish(&b), &b.view, err, sizeof(err)),
			 SCAP_FAILURE);
	assert_non_null(strstr(err, "type PT_UINT32 needs 4"));
}

/* A signed PF_HEX param prints as its own width in hex, as a number in JSON. */
static void test_signed_hex(void **state)
{
	struct evt_builder b;
	const struct scap_evt_view *v;

	(void)state;
	eb_start(&b, PPME_SOCKET_ACCEPT4_5_E);
	eb_u32(&b, (uint32_t)-1);
	v = eb_decode(&b);
	assert_text(v, 80, "flags=0xffffffff");
	assert_json(v, "{\"flags\":-1}");
}

static void test_no_params(void **state)
{
	struct evt_builder b;
	const struct scap_evt_view *v;

	(void)state;
	eb_start(&b, PPME_SYSCALL_CLONE_20_E);
	v = eb_decode(&b);
	assert_text(v, 80, "");
	assert_json(v, "{}");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_openat_x),
		cmocka_unit_test(test_openat_x_error_and_absent),
		cmocka_unit_test(test_flags_leftover_and_zero),
		cmocka_unit_test(test_path_escaping),
		cmocka_unit_test(test_bytebuf_with_nuls),
		cmocka_unit_test(test_bytebuf_truncated_in_text),
		cmocka_unit_test(test_execve_x),
		cmocka_unit_test(test_connect_x_ipv4),
		cmocka_unit_test(test_connect_x_ipv6),
		cmocka_unit_test(test_connect_x_unix),
		cmocka_unit_test(test_sockaddrs),
		cmocka_unit_test(test_socket_domain),
		cmocka_unit_test(test_generic_event),
		cmocka_unit_test(test_kill_signal),
		cmocka_unit_test(test_ppoll_fdlist_sigset),
		cmocka_unit_test(test_sockopt_dyn),
		cmocka_unit_test(test_signed_hex),
		cmocka_unit_test(test_no_params),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
