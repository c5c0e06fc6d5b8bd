// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Unit tests of the event decoder (userspace/libscap/scap_event.c).
 *
 * Each test builds an event byte by byte, the way a driver writes one, then
 * decodes it: valid events of several kinds must decode to the right
 * parameters, and each kind of corruption must be refused with a message
 * that says what is wrong. Events are decoded from a heap copy of exactly
 * their size, so that under ASan a read one byte too far is caught.
 *
 * Build and run (from the top of the repo):
 *   sh scripts/gen-syscall-names.sh > /tmp/syscall_names.c
 *   gcc -Wall -Wextra -Werror -std=gnu11 -D_GNU_SOURCE -I driver -I userspace/libscap \
 *       test/unit/test_decoder.c userspace/libscap/scap_event.c driver/event_table.c \
 *       driver/flags_table.c /tmp/syscall_names.c -lcmocka -o /tmp/test_decoder
 *   /tmp/test_decoder
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

/* Overwrite the header's len / type / nparams of a finished event. */
static void set_hdr_len(uint8_t *ev, uint32_t len)
{
	memcpy(ev + offsetof(struct ppm_evt_hdr, len), &len, sizeof(len));
}

static void set_hdr_type(uint8_t *ev, uint16_t type)
{
	memcpy(ev + offsetof(struct ppm_evt_hdr, type), &type, sizeof(type));
}

/* Overwrite entry i of the length array. */
static void set_param_len(uint8_t *ev, uint32_t i, uint16_t len)
{
	memcpy(ev + PPM_EVT_HDR_SIZE + i * PPM_PARAM_LEN_SIZE, &len, sizeof(len));
}

/* A heap copy of exactly n bytes, so that ASan sees any read past them. */
static uint8_t *dup_exact(const void *src, size_t n)
{
	uint8_t *p = malloc(n ? n : 1);

	assert_non_null(p);
	memcpy(p, src, n);
	return p;
}

/* Decode n bytes of ev from an exact heap copy; expect failure; return err. */
static const char *decode_error(const void *ev, size_t n)
{
	static char err[SCAP_LASTERR_SIZE];
	struct scap_evt_view v;
	uint8_t *copy = dup_exact(ev, n);

	err[0] = '\0';
	assert_int_equal(scap_event_decode(copy, n, &v, err, sizeof(err)), SCAP_FAILURE);
	free(copy);
	return err;
}

/* The openat_x used by several tests: fd=3 dirfd=AT_FDCWD name=/etc/hosts ... */
static uint32_t build_openat_x(struct evt_builder *b)
{
	eb_start(b, PPME_SYSCALL_OPENAT_2_X);
	eb_s64(b, 3);					/* 1: fd */
	eb_s64(b, -100);				/* 2: dirfd (AT_FDCWD) */
	eb_str(b, "/etc/hosts");			/* 3: name */
	eb_u32(b, PPM_O_RDONLY | PPM_O_CLOEXEC);	/* 4: flags */
	eb_u32(b, 0);					/* 5: mode */
	eb_u32(b, 0x801);				/* 6: dev */
	return eb_finish(b);
}

/* ---- valid events ---------------------------------------------------------- */

static void test_openat_x_decodes(void **state)
{
	struct evt_builder b;
	struct scap_evt_view v;
	char err[SCAP_LASTERR_SIZE];
	uint32_t n = build_openat_x(&b);
	uint8_t *ev = dup_exact(b.event, n);

	(void)state;
	assert_int_equal(scap_event_decode(ev, n, &v, err, sizeof(err)), SCAP_SUCCESS);
	assert_ptr_equal(v.hdr, ev);
	assert_ptr_equal(v.info, &g_event_info[PPME_SYSCALL_OPENAT_2_X]);
	assert_int_equal(v.hdr->len, n);
	assert_int_equal(v.hdr->tid, 42);
	assert_int_equal(v.nparams, 6);
	assert_int_equal(scap_evt_param_s64(&v, 0), 3);
	assert_int_equal(scap_evt_param_s64(&v, 1), -100);
	assert_string_equal(scap_evt_param_str(&v, 2), "/etc/hosts");
	assert_int_equal(v.params[2].len, sizeof("/etc/hosts"));
	assert_int_equal(scap_evt_param_u32(&v, 3), PPM_O_RDONLY | PPM_O_CLOEXEC);
	assert_int_equal(scap_evt_param_u32(&v, 5), 0x801);
	/* The parameters lie back to back, right after the length array. */
	assert_ptr_equal(v.params[0].val, ev + PPM_EVT_HDR_SIZE + 6 * 2);
	assert_ptr_equal(v.params[5].val + 4, ev + n);
	free(ev);
}

/* Parameters sit at odd addresses: the readers must not care. */
static void test_misaligned_buffer(void **state)
{
	struct evt_builder b;
	struct scap_evt_view v;
	uint32_t n = build_openat_x(&b);
	uint8_t *ev = malloc(n + 1);

	(void)state;
	assert_non_null(ev);
	memcpy(ev + 1, b.event, n);
	assert_int_equal(scap_event_decode(ev + 1, n, &v, NULL, 0), SCAP_SUCCESS);
	assert_int_equal(scap_evt_param_s64(&v, 1), -100);
	assert_int_equal(v.hdr->type, PPME_SYSCALL_OPENAT_2_X);
	free(ev);
}

static void test_connect_x_ipv4_decodes(void **state)
{
	static const uint8_t lo[4] = { 127, 0, 0, 1 };
	struct evt_builder b;
	struct scap_evt_view v;
	uint32_t n;
	uint16_t port;
	uint8_t *ev;

	(void)state;
	eb_start(&b, PPME_SOCKET_CONNECT_X);
	eb_s64(&b, 0);
	eb_tuple_inet(&b, lo, 40000, lo, 8080);
	n = eb_finish(&b);
	ev = dup_exact(b.event, n);
	assert_int_equal(scap_event_decode(ev, n, &v, NULL, 0), SCAP_SUCCESS);
	assert_int_equal(v.params[1].len, 13);
	assert_int_equal(v.params[1].val[0], PPM_AF_INET);
	memcpy(&port, v.params[1].val + 11, sizeof(port));
	assert_int_equal(port, 8080);
	free(ev);
}

static void test_generic_event_decodes(void **state)
{
	struct evt_builder b;
	struct scap_evt_view v;
	uint32_t n;
	uint8_t *ev;

	(void)state;
	eb_start(&b, PPME_GENERIC_E);
	eb_u16(&b, 39);		/* 1: ID, the x86_64 syscall number (getpid) */
	eb_u16(&b, 39);		/* 2: nativeID */
	n = eb_finish(&b);
	ev = dup_exact(b.event, n);
	assert_int_equal(scap_event_decode(ev, n, &v, NULL, 0), SCAP_SUCCESS);
	assert_int_equal(scap_evt_param_u16(&v, 0), 39);
	/* A reader of the wrong width gets 0, not half a value. */
	assert_int_equal(scap_evt_param_u32(&v, 0), 0);
	assert_int_equal(scap_evt_param_s64(&v, 0), 0);
	/* Past the last parameter: absent, and 0. */
	assert_true(scap_evt_param_is_absent(&v, 2));
	assert_int_equal(scap_evt_param_u16(&v, 2), 0);
	free(ev);
}

/* Length 0 is "not collected": valid for any type, fixed-size ones too. */
static void test_absent_params_decode(void **state)
{
	struct evt_builder b;
	struct scap_evt_view v;
	uint32_t n;
	uint8_t *ev;

	(void)state;
	eb_start(&b, PPME_SYSCALL_OPENAT_2_X);
	eb_s64(&b, 3);
	eb_absent(&b);		/* dirfd: a PT_FD, normally 8 bytes */
	eb_absent(&b);		/* name */
	eb_u32(&b, PPM_O_RDONLY);
	eb_u32(&b, 0);
	eb_absent(&b);		/* dev */
	n = eb_finish(&b);
	ev = dup_exact(b.event, n);
	assert_int_equal(scap_event_decode(ev, n, &v, NULL, 0), SCAP_SUCCESS);
	assert_false(scap_evt_param_is_absent(&v, 0));
	assert_true(scap_evt_param_is_absent(&v, 1));
	assert_true(scap_evt_param_is_absent(&v, 2));
	assert_null(scap_evt_param_str(&v, 2));
	assert_int_equal(scap_evt_param_s64(&v, 1), 0);
	assert_true(scap_evt_param_is_absent(&v, 5));
	free(ev);
}

/* An empty string is one byte, its NUL; not the same as absent. */
static void test_empty_string_is_not_absent(void **state)
{
	struct evt_builder b;
	struct scap_evt_view v;
	uint32_t n;
	uint8_t *ev;

	(void)state;
	eb_start(&b, PPME_SYSCALL_CHDIR_X);
	eb_s64(&b, -2);
	eb_str(&b, "");
	n = eb_finish(&b);
	ev = dup_exact(b.event, n);
	assert_int_equal(scap_event_decode(ev, n, &v, NULL, 0), SCAP_SUCCESS);
	assert_false(scap_evt_param_is_absent(&v, 1));
	assert_string_equal(scap_evt_param_str(&v, 1), "");
	free(ev);
}

/* Events with no parameters at all (clone's enter) are just a header. */
static void test_zero_param_event(void **state)
{
	struct evt_builder b;
	struct scap_evt_view v;
	uint32_t n;
	uint8_t *ev;

	(void)state;
	eb_start(&b, PPME_SYSCALL_CLONE_20_E);
	n = eb_finish(&b);
	assert_int_equal(n, PPM_EVT_HDR_SIZE);
	ev = dup_exact(b.event, n);
	assert_int_equal(scap_event_decode(ev, n, &v, NULL, 0), SCAP_SUCCESS);
	assert_int_equal(v.nparams, 0);
	free(ev);
}

/* A buffer may hold more events after the first: only hdr.len is read. */
static void test_buffer_longer_than_event(void **state)
{
	struct evt_builder b;
	struct scap_evt_view v;
	uint32_t n = build_openat_x(&b);
	uint8_t *two = malloc(2 * n);

	(void)state;
	assert_non_null(two);
	memcpy(two, b.event, n);
	memcpy(two + n, b.event, n);
	assert_int_equal(scap_event_decode(two, 2 * n, &v, NULL, 0), SCAP_SUCCESS);
	assert_int_equal(scap_event_decode(two + n, n, &v, NULL, 0), SCAP_SUCCESS);
	free(two);
}

/* ---- corrupt events -------------------------------------------------------- */

static void test_truncated_header(void **state)
{
	struct evt_builder b;
	uint32_t n = build_openat_x(&b);

	(void)state;
	(void)n;
	assert_string_equal(decode_error(b.event, 20), "only 20 bytes, an event header needs 26");
	assert_string_equal(decode_error(b.event, 0), "only 0 bytes, an event header needs 26");
}

static void test_len_past_buffer(void **state)
{
	struct evt_builder b;
	uint32_t n = build_openat_x(&b);
	char want[128];

	(void)state;
	snprintf(want, sizeof(want), "header says %u bytes but only %u remain", n, n - 4);
	assert_string_equal(decode_error(b.event, n - 4), want);
}

static void test_len_smaller_than_header(void **state)
{
	struct evt_builder b;
	uint32_t n = build_openat_x(&b);

	(void)state;
	set_hdr_len(b.event, 10);
	assert_string_equal(decode_error(b.event, n),
			    "header says 10 bytes, less than the header itself (26)");
}

static void test_unknown_type(void **state)
{
	struct evt_builder b;
	uint32_t n = build_openat_x(&b);

	(void)state;
	set_hdr_type(b.event, 999);
	assert_string_equal(decode_error(b.event, n), "event type 999 is unknown");
	/* A code inside the table that scaplab does not emit (Falco's ioctl). */
	set_hdr_type(b.event, 10);
	assert_string_equal(decode_error(b.event, n), "event type 10 is unknown");
}

static void test_nparams_mismatch(void **state)
{
	struct evt_builder b;
	uint32_t n;

	(void)state;
	eb_start(&b, PPME_SYSCALL_CLOSE_X);
	eb_s64(&b, 0);
	eb_s64(&b, 0);
	n = eb_finish(&b);
	assert_string_equal(decode_error(b.event, n), "nparams 2 but the schema of close_x has 1");
}

/* nparams is right, but hdr.len leaves no room for the length array. */
static void test_length_array_past_end(void **state)
{
	struct evt_builder b;
	uint32_t n = build_openat_x(&b);

	(void)state;
	(void)n;
	set_hdr_len(b.event, PPM_EVT_HDR_SIZE + 4);
	assert_string_equal(decode_error(b.event, PPM_EVT_HDR_SIZE + 4),
			    "openat_x: the length array ends at byte 38, "
			    "past the event's 30 bytes");
}

static void test_param_past_end(void **state)
{
	struct evt_builder b;
	uint32_t n = build_openat_x(&b);

	(void)state;
	/* 11 bytes of name and 12 of flags, mode, dev follow: 31 is 8 too many. */
	set_param_len(b.event, 2, 11 + 12 + 8);
	assert_string_equal(decode_error(b.event, n),
			    "openat_x: param 3 (name) is 8 bytes past the end of the event");
}

/* The lengths are all in range but leave bytes over at the end. */
static void test_params_short_of_end(void **state)
{
	struct evt_builder b;
	uint32_t n;
	char want[128];

	(void)state;
	eb_start(&b, PPME_SYSCALL_READ_X);
	eb_s64(&b, 5);
	eb_param(&b, "hello", 5);
	n = eb_finish(&b);
	set_param_len(b.event, 1, 3);
	snprintf(want, sizeof(want), "read_x: the params end at byte %u but the header says %u",
		 n - 2, n);
	assert_string_equal(decode_error(b.event, n), want);
}

static void test_fixed_size_param_wrong_size(void **state)
{
	struct evt_builder b;
	uint32_t n;

	(void)state;
	eb_start(&b, PPME_SYSCALL_CLOSE_E);
	eb_param(&b, "\x03\x00\x00", 3);
	n = eb_finish(&b);
	assert_string_equal(decode_error(b.event, n),
			    "param 1 (fd) of close_e is 3 bytes, type PT_FD needs 8");

	eb_start(&b, PPME_SYSCALL_KILL_E);
	eb_s64(&b, 1234);
	eb_u16(&b, 9);		/* sig is a PT_SIGTYPE: one byte */
	n = eb_finish(&b);
	assert_string_equal(decode_error(b.event, n),
			    "param 2 (sig) of kill_e is 2 bytes, type PT_SIGTYPE needs 1");
}

static void test_string_without_nul(void **state)
{
	struct evt_builder b;
	uint32_t n;

	(void)state;
	eb_start(&b, PPME_SYSCALL_CHDIR_X);
	eb_s64(&b, 0);
	eb_param(&b, "/tmp", 4);
	n = eb_finish(&b);
	assert_string_equal(decode_error(b.event, n),
			    "param 2 (path) of chdir_x is not NUL-terminated");
}

static void test_sockaddr_wrong_size(void **state)
{
	static const uint8_t short_tuple[12] = { PPM_AF_INET };
	static const uint8_t short_unix[10] = { PPM_AF_UNIX };
	static const uint8_t unix_no_nul[3] = { PPM_AF_UNIX, '/', 's' };
	struct evt_builder b;
	uint32_t n;

	(void)state;
	eb_start(&b, PPME_SOCKET_CONNECT_X);
	eb_s64(&b, 0);
	eb_param(&b, short_tuple, sizeof(short_tuple));
	n = eb_finish(&b);
	assert_string_equal(decode_error(b.event, n),
			    "param 2 (tuple) of connect_x is 12 bytes, "
			    "an AF_INET socktuple needs 13");

	eb_start(&b, PPME_SOCKET_CONNECT_X);
	eb_s64(&b, 0);
	eb_param(&b, short_unix, sizeof(short_unix));
	n = eb_finish(&b);
	assert_string_equal(decode_error(b.event, n),
			    "param 2 (tuple) of connect_x is 10 bytes, "
			    "an AF_UNIX socktuple needs at least 18");

	eb_start(&b, PPME_SOCKET_BIND_X);
	eb_s64(&b, 0);
	eb_param(&b, unix_no_nul, sizeof(unix_no_nul));
	n = eb_finish(&b);
	assert_string_equal(decode_error(b.event, n),
			    "param 2 (addr) of bind_x: the AF_UNIX path is not NUL-terminated");
}

/* Every cut of a valid event, and every wrong hdr.len, must be refused. */
static void test_every_truncation_fails(void **state)
{
	struct evt_builder b;
	struct scap_evt_view v;
	uint32_t n = build_openat_x(&b);
	uint32_t cut, len;
	uint8_t *ev;

	(void)state;
	for (cut = 0; cut < n; cut++)
		decode_error(b.event, cut);

	ev = dup_exact(b.event, n);
	for (len = 0; len < n + 8; len++) {
		set_hdr_len(ev, len);
		assert_int_equal(scap_event_decode(ev, n, &v, NULL, 0),
				 len == n ? SCAP_SUCCESS : SCAP_FAILURE);
	}
	free(ev);
}

/* A tiny or absent err buffer is fine: the message is cut, nothing overflows. */
static void test_small_err_buffer(void **state)
{
	struct evt_builder b;
	struct scap_evt_view v;
	uint32_t n = build_openat_x(&b);
	char err[8];

	(void)state;
	set_hdr_type(b.event, 999);
	assert_int_equal(scap_event_decode(b.event, n, &v, err, sizeof(err)), SCAP_FAILURE);
	assert_string_equal(err, "event t");
	assert_int_equal(scap_event_decode(b.event, n, &v, NULL, 0), SCAP_FAILURE);
	assert_int_equal(scap_event_decode(NULL, 100, &v, err, sizeof(err)), SCAP_FAILURE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_openat_x_decodes),
		cmocka_unit_test(test_misaligned_buffer),
		cmocka_unit_test(test_connect_x_ipv4_decodes),
		cmocka_unit_test(test_generic_event_decodes),
		cmocka_unit_test(test_absent_params_decode),
		cmocka_unit_test(test_empty_string_is_not_absent),
		cmocka_unit_test(test_zero_param_event),
		cmocka_unit_test(test_buffer_longer_than_event),
		cmocka_unit_test(test_truncated_header),
		cmocka_unit_test(test_len_past_buffer),
		cmocka_unit_test(test_len_smaller_than_header),
		cmocka_unit_test(test_unknown_type),
		cmocka_unit_test(test_nparams_mismatch),
		cmocka_unit_test(test_length_array_past_end),
		cmocka_unit_test(test_param_past_end),
		cmocka_unit_test(test_params_short_of_end),
		cmocka_unit_test(test_fixed_size_param_wrong_size),
		cmocka_unit_test(test_string_without_nul),
		cmocka_unit_test(test_sockaddr_wrong_size),
		cmocka_unit_test(test_every_truncation_fails),
		cmocka_unit_test(test_small_err_buffer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
