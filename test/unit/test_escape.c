// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Unit tests of the escaping of the traced system's bytes
 * (userspace/libscap/scap_escape.c): JSON keeps every byte, unambiguously;
 * text lets nothing through that could steer a terminal.
 *
 * Run: make -f test/unit.mk unit-build && build/test/unit/test_escape
 */
#include <setjmp.h>	/* cmocka.h needs these four first */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "scap_escape.h"

static void assert_json_string(const void *s, size_t len, const char *want)
{
	struct scap_strbuf sb;

	assert_int_equal(scap_strbuf_init(&sb), 0);
	scap_json_append_string(&sb, s, len);
	assert_string_equal(scap_strbuf_str(&sb), want);
	scap_strbuf_free(&sb);
}

/* ---- JSON and text strings ----------------------------------------------------- */

static void test_json_string_escapes(void **state)
{
	(void)state;
	assert_json_string("", 0, "\"\"");
	assert_json_string("a\"b\\c/d", 7, "\"a\\\"b\\\\c/d\"");
	assert_json_string("\n\t\r\b\f\x01\x1f\x7f", 8,
			   "\"\\n\\t\\r\\b\\f\\u0001\\u001f\\u007f\"");
	assert_json_string("a\0b", 3, "\"a\\u0000b\"");
}

static void test_json_string_utf8(void **state)
{
	(void)state;
	/* Valid UTF-8 of 2, 3 and 4 bytes passes through. */
	assert_json_string("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", 9,
			   "\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"");
	/* Each byte that is not UTF-8 becomes the lone surrogate U+DCXX ... */
	assert_json_string("\xff", 1, "\"\\udcff\"");
	assert_json_string("\xc3", 1, "\"\\udcc3\"");		/* cut short */
	assert_json_string("\xc3(", 2, "\"\\udcc3(\"");		/* bad continuation */
	assert_json_string("\xc0\xaf", 2, "\"\\udcc0\\udcaf\"");	/* overlong '/' */
	assert_json_string("\xed\xa0\x80", 3, "\"\\udced\\udca0\\udc80\"");	/* surrogate */
	assert_json_string("\xf4\x90\x80\x80", 4,
			   "\"\\udcf4\\udc90\\udc80\\udc80\"");		/* > U+10FFFF */
	/* ... so the byte 0xff and the character U+00FF (c3 bf) differ ... */
	assert_json_string("\xc3\xbf", 2, "\"\xc3\xbf\"");
	/* ... and the valid text around it is kept. */
	assert_json_string("x\xff\xc3\xa9", 4, "\"x\\udcff\xc3\xa9\"");
	/* Valid, but never raw: C1 controls (U+009B is CSI) and bidi overrides. */
	assert_json_string("\xc2\x9b" "2J", 4, "\"\\u009b2J\"");
	assert_json_string("a\xe2\x80\xaez", 5, "\"a\\u202ez\"");
	assert_json_string("\xe2\x81\xa6", 3, "\"\\u2066\"");
}

/* Text output goes to a terminal: nothing from the traced system may steer it. */
static void test_text_string_terminal_safe(void **state)
{
	struct scap_strbuf sb;

	(void)state;
	assert_int_equal(scap_strbuf_init(&sb), 0);
	/* ESC [ 2 J (clear screen), BEL, DEL */
	scap_text_append_string(&sb, (const uint8_t *)"\x1b[2J\a\x7fok", 8);
	assert_string_equal(scap_strbuf_str(&sb), ".[2J..ok");
	scap_strbuf_reset(&sb);
	/* C1 CSI, raw byte and as UTF-8; RLO; invalid bytes */
	scap_text_append_string(&sb, (const uint8_t *)"\x9b" "1\xc2\x9b" "2\xe2\x80\xae" "3\xff",
				10);
	assert_string_equal(scap_strbuf_str(&sb), ".1.2.3.");
	scap_strbuf_reset(&sb);
	/* Valid UTF-8 text prints as it is. */
	scap_text_append_string(&sb, (const uint8_t *)"caf\xc3\xa9 \xe4\xb8\xad", 9);
	assert_string_equal(scap_strbuf_str(&sb), "caf\xc3\xa9 \xe4\xb8\xad");
	scap_strbuf_free(&sb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_string_escapes),
		cmocka_unit_test(test_json_string_utf8),
		cmocka_unit_test(test_text_string_terminal_safe),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
