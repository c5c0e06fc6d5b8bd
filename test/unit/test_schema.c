// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Unit tests of the schema look-ups (userspace/libscap/scap_schema.c),
 * the one place every part of libscap and scap-open asks.
 *
 * Run: make -f test/unit.mk unit-build && build/test/unit/test_schema
 */
#include <setjmp.h>	/* cmocka.h needs these four first */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>

#include "ppm_flags.h"
#include "scap_schema.h"
#include "evt_builder.h"

static void syscall_names_both_ways(void **state)
{
	(void)state;
	assert_string_equal(scap_syscall_name(SYS_openat), "openat");
	assert_int_equal(scap_syscall_by_name("openat"), SYS_openat);
	assert_int_equal(scap_syscall_by_name("getppid"), SYS_getppid);
	assert_int_equal(scap_syscall_by_name("nosuchcall"), -1);
	assert_int_equal(scap_syscall_by_name(""), -1);
	assert_null(scap_syscall_name(SYSCALL_TABLE_SIZE));
	assert_null(scap_syscall_name(UINT32_MAX));
}

static void syscall_events_own_or_generic(void **state)
{
	uint16_t enter, exit;

	(void)state;
	assert_true(scap_syscall_events(SYS_openat, &enter, &exit));
	assert_int_equal(enter, PPME_SYSCALL_OPENAT_2_E);
	assert_int_equal(exit, PPME_SYSCALL_OPENAT_2_X);
	/* getppid has no filler: the generic pair */
	assert_true(scap_syscall_events(SYS_getppid, &enter, &exit));
	assert_true(scap_evt_is_generic(enter) && scap_evt_is_generic(exit));
	assert_false(scap_syscall_events(SYSCALL_TABLE_SIZE, &enter, &exit));
	assert_false(scap_evt_is_generic(PPME_SYSCALL_OPENAT_2_E));
}

static void event_names(void **state)
{
	struct evt_builder b;
	const struct scap_evt_view *v;

	(void)state;
	eb_start(&b, PPME_GENERIC_X);
	eb_u16(&b, SYS_getppid);
	v = eb_decode(&b);
	assert_string_equal(scap_evt_name(v), "getppid");
	/* an ID with no name: the schema's own */
	eb_start(&b, PPME_GENERIC_X);
	eb_u16(&b, 511);
	v = eb_decode(&b);
	assert_string_equal(scap_evt_name(v), "syscall");
}

static void sockaddr_sizes(void **state)
{
	bool at_least;

	(void)state;
	assert_int_equal(scap_sockaddr_size(PT_SOCKADDR, PPM_AF_INET, &at_least), 7);
	assert_false(at_least);
	assert_int_equal(scap_sockaddr_size(PT_SOCKTUPLE, PPM_AF_INET6, &at_least), 37);
	assert_int_equal(scap_sockaddr_size(PT_SOCKADDR, PPM_AF_UNIX, &at_least), 2);
	assert_true(at_least);
	assert_int_equal(scap_sockaddr_size(PT_SOCKTUPLE, PPM_AF_UNIX, &at_least), 18);
	assert_int_equal(scap_sockaddr_size(PT_SOCKADDR, PPM_AF_NETLINK, &at_least), 0);
}

static void buffer_sizes(void **state)
{
	(void)state;
	assert_true(scap_buffer_size_is_valid(4096));
	assert_true(scap_buffer_size_is_valid(8UL << 20));
	assert_false(scap_buffer_size_is_valid(2048));
	assert_false(scap_buffer_size_is_valid(0));
	assert_false(scap_buffer_size_is_valid(3 * 4096));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(syscall_names_both_ways),
		cmocka_unit_test(syscall_events_own_or_generic),
		cmocka_unit_test(event_names),
		cmocka_unit_test(sockaddr_sizes),
		cmocka_unit_test(buffer_sizes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
