// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Unit test of the flag name tables (driver/flags_table.c, PPM_* value ->
 * name): every table has its terminator and unique names, and prints
 * values the way sysdig does. The converters are test_flag_converters.c's.
 *
 * Build and run (from the repository root):
 *   make -f test/unit.mk unit-build && build/test/unit/test_flag_tables
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <linux/openat2.h>
/* glibc has no PROT_SEM; the kernel's uapi header does. */
#include <asm-generic/mman-common.h>

#include "ppm_flag_helpers.h"
#include "renameat2_flags_to_scap.h"
#include "flags_table.h"
#include "scap_flags.h"

/* More entries than any table has: a table this long lost its terminator. */

/* More entries than any table has: a table this long lost its terminator. */
#define MAX_TABLE_LEN 64

/* ------------------------------------------------------------------ */
/* the name tables                                                     */
/* ------------------------------------------------------------------ */

struct table {
	const char *name;
	const struct ppm_name_value *entries;
	/* The most a converter can produce: every bit of it needs a name. */
	__u32 produced;
};

static const struct table *tables(void)
{
	static struct table t[11];

	t[0] = (struct table){ "file_flags", file_flags,
			       open_flags_to_scap(~0U) };
	/* An enumeration, checked value by value in its own test. */
	t[1] = (struct table){ "socket_families", socket_families, 0 };
	t[2] = (struct table){ "clone_flags", clone_flags,
			       clone_flags_to_scap(~0UL) };
	t[3] = (struct table){ "prot_flags", prot_flags,
			       prot_flags_to_scap(~0U) };
	t[4] = (struct table){ "mmap_flags", mmap_flags,
			       mmap_flags_to_scap(~0U) };
	t[5] = (struct table){ "unlinkat_flags", unlinkat_flags,
			       unlinkat_flags_to_scap(~0U) };
	t[6] = (struct table){ "renameat2_flags", renameat2_flags,
			       renameat2_flags_to_scap(~0U) };
	t[7] = (struct table){ "openat2_flags", openat2_flags,
			       openat2_resolve_to_scap(~0ULL) };
	t[8] = (struct table){ "execveat_flags", execveat_flags,
			       execveat_flags_to_scap(~0U) };
	t[9] = (struct table){ "execve_flags", execve_flags, PPM_EXE_WRITABLE };
	t[10] = (struct table){ NULL, NULL, 0 };
	return t;
}

static void test_tables_terminated_and_unique(void **state)
{
	const struct table *t;
	int i, j;

	(void)state;
	for (t = tables(); t->name; t++) {
		const struct ppm_name_value *e = t->entries;
		__u32 named = 0;

		for (i = 0; i < MAX_TABLE_LEN && e[i].name; i++) {
			assert_true(strlen(e[i].name) > 0);
			for (j = 0; j < i; j++) {
				if (strcmp(e[i].name, e[j].name) == 0)
					fail_msg("%s: \"%s\" twice",
						 t->name, e[i].name);
			}
			named |= e[i].value;
		}
		if (i == MAX_TABLE_LEN)
			fail_msg("%s: no {NULL, 0} within %d entries",
				 t->name, MAX_TABLE_LEN);
		assert_int_equal(e[i].value, 0);
		if (i == 0)
			fail_msg("%s is empty", t->name);

		if ((t->produced & ~named) != 0)
			fail_msg("%s: converter sets bits 0x%x with no name",
				 t->name, t->produced & ~named);
	}
}

/*
 * Name a value the way sysdig does (see the comment at the top of
 * flags_table.c), so the tables' order can be checked against sysdig's
 * output.
 */
static const char *flags_text(const struct ppm_name_value *e, __u32 value)
{
	static char buf[512];
	__u32 rest = value;
	size_t len = 0;

	buf[0] = '\0';
	for (; e->name; e++) {
		int whole = e->value == value;

		if (whole || (e->value && (rest & e->value) == e->value)) {
			len += (size_t)snprintf(buf + len, sizeof(buf) - len,
						"%s%s", len ? "|" : "", e->name);
			rest &= ~e->value;
		}
		if (whole)
			break;
	}
	return buf;
}

static void test_tables_print_like_sysdig(void **state)
{
	(void)state;
	/* Text seen in sysdig output for these syscalls. */
	assert_string_equal(flags_text(file_flags, open_flags_to_scap(
				O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC)),
			    "O_TRUNC|O_CREAT|O_WRONLY|O_CLOEXEC");
	assert_int_equal(open_flags_to_scap(O_WRONLY | O_CREAT | O_TRUNC |
					    O_CLOEXEC), 4358);
	assert_string_equal(flags_text(file_flags,
				       open_flags_to_scap(O_RDONLY | O_CLOEXEC)),
			    "O_RDONLY|O_CLOEXEC");
	assert_string_equal(flags_text(file_flags, open_flags_to_scap(O_RDWR)),
			    "O_RDWR");
	assert_string_equal(flags_text(file_flags,
				       open_flags_to_scap(O_RDWR | O_CREAT)),
			    "O_CREAT|O_RDWR");

	assert_string_equal(flags_text(clone_flags, clone_flags_to_scap(
				CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID |
				SIGCHLD)),
			    "CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID");
	assert_int_equal(clone_flags_to_scap(CLONE_CHILD_SETTID |
					     CLONE_CHILD_CLEARTID), 25165824);

	assert_string_equal(flags_text(mmap_flags, mmap_flags_to_scap(
				MAP_PRIVATE | MAP_ANONYMOUS)),
			    "MAP_PRIVATE|MAP_ANONYMOUS");
	assert_string_equal(flags_text(prot_flags, prot_flags_to_scap(
				PROT_READ | PROT_WRITE)),
			    "PROT_READ|PROT_WRITE");

	/* Zero: named only by a zero entry, else no names at all. */
	assert_string_equal(flags_text(prot_flags, 0), "PROT_NONE");
	assert_string_equal(flags_text(socket_families, 0), "AF_UNSPEC");
	assert_string_equal(flags_text(mmap_flags, 0), "");
	assert_string_equal(flags_text(unlinkat_flags, 0), "");

	/* An enumeration: one name each, the first of two aliases wins. */
	assert_string_equal(flags_text(socket_families, PPM_AF_INET), "AF_INET");
	assert_string_equal(flags_text(socket_families, PPM_AF_INET6),
			    "AF_INET6");
	assert_string_equal(flags_text(socket_families, PPM_AF_UNIX),
			    "AF_LOCAL");
	assert_string_equal(flags_text(socket_families, PPM_AF_NETLINK),
			    "AF_ROUTE");
}

static void test_socket_families_one_name_each(void **state)
{
	int family;

	(void)state;
	for (family = 0; family < 256; family++) {
		__u8 ppm = socket_family_to_scap((__u8)family);
		const char *text = flags_text(socket_families, ppm);

		if (text[0] == '\0' || strchr(text, '|'))
			fail_msg("family %d (stored as %u) prints as \"%s\"",
				 family, ppm, text);
	}
}

/* scap_flags.h's meanings, on flags as the drivers convert them. */
static void test_open_flag_meanings(void **state)
{
	uint32_t rd = open_flags_to_scap(O_RDONLY | O_CLOEXEC);
	uint32_t wr = open_flags_to_scap(O_WRONLY | O_CREAT | O_TRUNC);
	uint32_t rw = open_flags_to_scap(O_RDWR);

	(void)state;
	assert_true(scap_open_is_read_only(rd));
	assert_false(scap_open_may_write(rd));
	assert_false(scap_open_may_create(rd));
	assert_false(scap_open_is_read_only(wr));
	assert_true(scap_open_may_write(wr));
	assert_true(scap_open_may_create(wr));
	assert_false(scap_open_is_read_only(rw));
	assert_true(scap_open_may_write(rw));
	assert_true(scap_open_may_create(open_flags_to_scap(O_TMPFILE | O_RDWR)));
	assert_string_equal(scap_open_access_name(rd), "O_RDONLY");
	assert_string_equal(scap_open_access_name(wr), "O_WRONLY");
	assert_string_equal(scap_open_access_name(rw), "O_RDWR");
	assert_string_equal(scap_open_access_name(0), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tables_terminated_and_unique),
		cmocka_unit_test(test_tables_print_like_sysdig),
		cmocka_unit_test(test_socket_families_one_name_each),
		cmocka_unit_test(test_open_flag_meanings),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
