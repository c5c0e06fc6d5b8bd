// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Unit tests of the string buffer (userspace/libscap/scap_strbuf.c) the
 * formatters write to: it grows without limit, and a request it cannot
 * meet fails cleanly.
 *
 * Run: make -f test/unit.mk unit-build && build/test/unit/test_strbuf
 */
#include <setjmp.h>	/* cmocka.h needs these four first */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "scap_strbuf.h"

static void test_strbuf_grows(void **state)
{
	struct scap_strbuf sb;
	char big[5000];
	int i;

	(void)state;
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(scap_strbuf_init(&sb), 0);
	assert_string_equal(scap_strbuf_str(&sb), "");
	for (i = 0; i < 100; i++)
		assert_int_equal(scap_strbuf_append(&sb, big), 0);
	assert_int_equal(scap_strbuf_len(&sb), 100 * 4999);
	assert_int_equal(scap_strbuf_appendf(&sb, "[%s]", big), 0);
	assert_int_equal(scap_strbuf_len(&sb), 101 * 4999 + 2);
	assert_int_equal(strlen(scap_strbuf_str(&sb)), scap_strbuf_len(&sb));
	assert_int_equal(scap_strbuf_str(&sb)[100 * 4999], '[');

	scap_strbuf_reset(&sb);
	assert_int_equal(scap_strbuf_len(&sb), 0);
	assert_string_equal(scap_strbuf_str(&sb), "");
	assert_int_equal(scap_strbuf_appendf(&sb, "%d-%s", 42, "ok"), 0);
	assert_string_equal(scap_strbuf_str(&sb), "42-ok");
	scap_strbuf_free(&sb);
	assert_string_equal(scap_strbuf_str(&sb), "");
}

/* A request that cannot be met fails cleanly and marks the buffer. */
static void test_strbuf_failure(void **state)
{
	struct scap_strbuf sb;

	(void)state;
	assert_int_equal(scap_strbuf_init(&sb), 0);
	assert_int_equal(scap_strbuf_append(&sb, "kept"), 0);
	assert_int_equal(scap_strbuf_append_bytes(&sb, "x", SIZE_MAX), -1);
	assert_true(scap_strbuf_failed(&sb));
	assert_string_equal(scap_strbuf_str(&sb), "kept");
	scap_strbuf_reset(&sb);
	assert_false(scap_strbuf_failed(&sb));
	scap_strbuf_free(&sb);
}

/* Numbers as printf writes them, the extremes included. */
static void test_strbuf_numbers(void **state)
{
	struct scap_strbuf sb;

	(void)state;
	assert_int_equal(scap_strbuf_init(&sb), 0);
	scap_strbuf_append_u64(&sb, 0);
	scap_strbuf_append_char(&sb, ' ');
	scap_strbuf_append_u64(&sb, UINT64_MAX);
	scap_strbuf_append_char(&sb, ' ');
	scap_strbuf_append_s64(&sb, -1);
	scap_strbuf_append_char(&sb, ' ');
	scap_strbuf_append_s64(&sb, INT64_MIN);
	scap_strbuf_append_char(&sb, ' ');
	scap_strbuf_append_s64(&sb, INT64_MAX);
	assert_string_equal(scap_strbuf_str(&sb),
			    "0 18446744073709551615 -1 -9223372036854775808 9223372036854775807");
	scap_strbuf_free(&sb);
}

/* appendf writes into the room left, and again after growing when cut. */
static void test_strbuf_appendf_at_the_edge(void **state)
{
	struct scap_strbuf sb;
	char fill[300];

	(void)state;
	assert_int_equal(scap_strbuf_init(&sb), 0);	/* 256 bytes */
	for (size_t len = 250; len < 260; len++) {
		scap_strbuf_reset(&sb);
		memset(fill, 'a', len);
		fill[len] = '\0';
		assert_int_equal(scap_strbuf_appendf(&sb, "%s%d", fill, 7), 0);
		assert_int_equal(scap_strbuf_len(&sb), len + 1);
		assert_int_equal(strlen(scap_strbuf_str(&sb)), len + 1);
		assert_int_equal(scap_strbuf_str(&sb)[len], '7');
	}
	scap_strbuf_free(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strbuf_grows),
		cmocka_unit_test(test_strbuf_failure),
		cmocka_unit_test(test_strbuf_numbers),
		cmocka_unit_test(test_strbuf_appendf_at_the_edge),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
