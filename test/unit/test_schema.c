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
	/* The generic events' ID is Falco's code, getppid's is 41 (x86_64: 110). */
	eb_start(&b, PPME_GENERIC_X);
	eb_u16(&b, PPM_SC_GETPPID);
	v = eb_decode(&b);
	assert_string_equal(scap_evt_name(v), "getppid");
	/* an ID with no name: the schema's own */
	eb_start(&b, PPME_GENERIC_X);
	eb_u16(&b, 511);
	v = eb_decode(&b);
	assert_string_equal(scap_evt_name(v), "syscall");
	/* a syscall Falco's list lacks (ID 0): named by the enter's nativeID */
	eb_start(&b, PPME_GENERIC_E);
	eb_u16(&b, PPM_SC_UNKNOWN);
	eb_u16(&b, SYS_rseq);
	v = eb_decode(&b);
	assert_string_equal(scap_evt_name(v), "rseq");
}

static void ppm_sc_codes(void **state)
{
	(void)state;
	assert_int_equal(PPM_SC_GETPPID, 41);
	assert_int_equal(scap_ppm_sc_of_syscall(SYS_getppid), PPM_SC_GETPPID);
	assert_string_equal(scap_ppm_sc_name(PPM_SC_GETPPID), "getppid");
	/* Falco's names that are not the identifier in lower case */
	assert_int_equal(scap_ppm_sc_of_syscall(SYS_newfstatat), PPM_SC_NEWFSSTAT);
	assert_string_equal(scap_ppm_sc_name(PPM_SC_NEWFSSTAT), "newfstatat");
	assert_int_equal(scap_ppm_sc_of_syscall(SYS_rt_sigreturn), PPM_SC_SIGRETURN);
	assert_string_equal(scap_ppm_sc_name(PPM_SC_SETUID32), "setuid");
	/* newer than Falco's list of 2022, and out of range */
	assert_int_equal(scap_ppm_sc_of_syscall(SYS_rseq), PPM_SC_UNKNOWN);
	assert_int_equal(scap_ppm_sc_of_syscall(SYSCALL_TABLE_SIZE), PPM_SC_UNKNOWN);
	assert_null(scap_ppm_sc_name(PPM_SC_UNKNOWN));
	assert_null(scap_ppm_sc_name(PPM_SC_MAX));
}

/*
 * The routing table against the names: a syscall routed to a code of
 * another name, or two syscalls to one code, is a typo in
 * driver/syscall_table.c. rt_sigreturn is Falco's only renamed one.
 */
static void ppm_sc_routing_matches_names(void **state)
{
	uint32_t seen[PPM_SC_MAX] = { 0 };
	int routed = 0;

	(void)state;
	for (uint32_t nr = 0; nr < SYSCALL_TABLE_SIZE; nr++) {
		uint16_t code = scap_ppm_sc_of_syscall(nr);
		const char *want = nr == SYS_rt_sigreturn ? "sigreturn" : scap_syscall_name(nr);

		if (code == PPM_SC_UNKNOWN)
			continue;
		routed++;
		assert_true(code < PPM_SC_MAX);
		assert_non_null(want);
		if (strcmp(scap_ppm_sc_name(code), want))
			fail_msg("syscall %u (%s) is routed to code %u, \"%s\"", nr, want, code,
				 scap_ppm_sc_name(code));
		if (seen[code])
			fail_msg("syscalls %u and %u are both routed to code %u", seen[code], nr, code);
		seen[code] = nr;
	}
	/* Falco's table of 2022 routes 294 x86_64 syscalls. */
	assert_int_equal(routed, 294);
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

/* By name, the positions the readers take: counted from 0. */
static void param_indexes(void **state)
{
	(void)state;
	assert_int_equal(scap_param_index(PPME_SYSCALL_CLONE_20_X, "res"), 0);
	assert_int_equal(scap_param_index(PPME_SYSCALL_CLONE_20_X, "pid"), 4);
	assert_int_equal(scap_param_index(PPME_SYSCALL_EXECVE_19_X, "comm"), 13);
	assert_int_equal(scap_param_index(PPME_SYSCALL_OPENAT_2_X, "name"), 2);
	assert_int_equal(scap_param_index(PPME_SYSCALL_OPENAT_2_X, "nosuch"), -1);
	assert_int_equal(scap_param_index(PPME_SYSCALL_OPENAT_2_X, ""), -1);
	assert_int_equal(scap_param_index(PPME_SYSCALL_OPENAT_2_X, NULL), -1);
	assert_int_equal(scap_param_index(PPM_EVENT_MAX, "res"), -1);
	assert_int_equal(scap_param_index(0xffff, "res"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(syscall_names_both_ways),
		cmocka_unit_test(syscall_events_own_or_generic),
		cmocka_unit_test(event_names),
		cmocka_unit_test(ppm_sc_codes),
		cmocka_unit_test(ppm_sc_routing_matches_names),
		cmocka_unit_test(sockaddr_sizes),
		cmocka_unit_test(buffer_sizes),
		cmocka_unit_test(param_indexes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
