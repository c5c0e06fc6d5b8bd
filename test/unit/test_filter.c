// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Unit tests of the filter language (userspace/libsinsp/filter_*.c):
 * what compiles and where an error is shown, what each operator and field
 * passes on a known event, which syscalls a filter pins, and the -p
 * formats. The same filters against sysdig, on real captures, are
 * test/interop/filter-compare.sh's.
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
#include "scap_schema.h"
#include "sinsp.h"
#include "sinsp_filter.h"

/* ---- the event every check runs on: cat (pid 300, child of bash) opens /etc/shadow ---- */

struct world {
	struct sinsp *s;
	struct evt_builder b;
	struct sinsp_evt e;
};

static void feed(struct world *w, int64_t tid)
{
	const struct scap_evt_view *v = eb_decode(&w->b);

	memcpy(w->b.event + offsetof(struct ppm_evt_hdr, tid), &tid, sizeof(tid));
	w->e = (struct sinsp_evt){ .state = w->s, .evt = v, .num = 42, .cpu = 1 };
	w->e.thread = sinsp_process_event(w->s, v);
	assert_non_null(w->e.thread);
}

static void make_world(struct world *w, int64_t openat_res)
{
	struct scap_threadinfo bash = { .tid = 200, .pid = 200, .ptid = 1, .comm = "bash",
					.uid = 1000, .gid = 1000, .cwd = "/home/me" };
	struct scap_threadinfo cat = { .tid = 300, .pid = 300, .ptid = 200, .comm = "cat",
				       .exe = "cat", .args = "shadow", .args_len = 7,
				       .uid = 1000, .gid = 1000, .cwd = "/etc" };
	struct sinsp_options o = { .no_proc = true };

	w->s = sinsp_new(&o);
	assert_non_null(w->s);
	sinsp_add_thread(w->s, &bash);
	sinsp_add_thread(w->s, &cat);
	eb_start(&w->b, PPME_SYSCALL_OPENAT_2_X);
	eb_s64(&w->b, openat_res);
	eb_s64(&w->b, -100);
	eb_str(&w->b, "shadow");
	eb_u32(&w->b, PPM_O_RDONLY | PPM_O_CLOEXEC);
	eb_u32(&w->b, 0);
	eb_u32(&w->b, 0);
	feed(w, 300);
}

static bool passes(struct world *w, const char *text)
{
	struct sinsp_filter_error err;
	struct sinsp_filter *f = sinsp_filter_compile(text, &err);
	bool r;

	if (!f)
		fail_msg("'%s' did not compile: %s (at %u)", text, err.msg, err.pos);
	r = sinsp_filter_run(f, &w->e);
	sinsp_filter_free(f);
	return r;
}

#define PASS(w, text) do { if (!passes(w, text)) fail_msg("should pass: %s", text); } while (0)
#define FAIL(w, text) do { if (passes(w, text)) fail_msg("should not pass: %s", text); } while (0)

static void test_fields_and_operators(void **state)
{
	struct world w;

	(void)state;
	make_world(&w, 3);
	PASS(&w, "evt.type = openat");
	PASS(&w, "evt.type in (open, openat) and evt.dir = <");
	PASS(&w, "evt.num = 42 and evt.cpu = 1");
	PASS(&w, "evt.res = SUCCESS and evt.rawres = 3 and evt.failed = false");
	PASS(&w, "proc.name = cat and proc.pid = 300 and thread.tid = 300");
	PASS(&w, "proc.ppid = 200 and proc.pname = bash and proc.aname = bash");
	PASS(&w, "proc.aname[1] = bash and proc.aname[0] = cat");
	FAIL(&w, "proc.aname[2] = bash");
	PASS(&w, "proc.cmdline = \"cat shadow\" and proc.exe = cat and proc.args = shadow");
	PASS(&w, "user.uid = 1000 and user.uid >= 1000 and user.uid < 1001");
	PASS(&w, "proc.cwd = /etc/");
	/* The relative name, resolved against the cwd of the file's process list. */
	PASS(&w, "fd.name = /etc/shadow and fd.type = file and fd.directory = /etc");
	PASS(&w, "fd.num = 3");
	PASS(&w, "fd.name startswith /etc and fd.name endswith dow and fd.name contains c/sh");
	PASS(&w, "fd.name icontains SHADOW");
	FAIL(&w, "fd.name contains passwd");
	/* evt.arg as sysdig converts it: the relative name resolved. */
	PASS(&w, "evt.arg.name = /etc/shadow and evt.arg[2] = /etc/shadow");
	PASS(&w, "evt.arg.fd = <f>/etc/shadow and evt.arg.flags = O_RDONLY|O_CLOEXEC");
	PASS(&w, "evt.rawarg.fd = 3 and evt.rawarg.name = shadow and evt.rawarg.dirfd < 0");
	PASS(&w, "evt.args contains \"name=shadow(/etc/shadow)\"");
	PASS(&w, "fd.name exists and not fd.sip exists");
	/* A field with no value fails every check on it, != too. */
	FAIL(&w, "fd.sport != 80");
	FAIL(&w, "fd.sport = 80");
	PASS(&w, "not fd.sport = 80");
	PASS(&w, "(proc.name = ls or proc.name = cat) and not (fd.name = /etc/passwd)");
	PASS(&w, "proc.name != ls and proc.name in ('cat', \"dog\")");
	sinsp_free(w.s);
}

static void test_a_failed_open_still_names_its_file(void **state)
{
	struct world w;

	(void)state;
	make_world(&w, -13);	/* EACCES */
	PASS(&w, "evt.failed = true and evt.res = EACCES and evt.rawres = -13");
	PASS(&w, "fd.name = /etc/shadow");
	FAIL(&w, "fd.type exists");
	FAIL(&w, "fd.num exists");
	PASS(&w, "evt.arg.fd = EACCES");
	sinsp_free(w.s);
}

/* ---- errors: the message, and where the caret goes ---- */

static void expect_error(const char *text, uint32_t pos, const char *msg_part)
{
	struct sinsp_filter_error err;
	struct sinsp_filter *f = sinsp_filter_compile(text, &err);

	if (f)
		fail_msg("'%s' compiled; it should not", text);
	if (err.pos != pos || !strstr(err.msg, msg_part))
		fail_msg("'%s': error at %u '%s', expected at %u with '%s'", text, err.pos,
			 err.msg, pos, msg_part);
}

static void test_errors_say_what_and_where(void **state)
{
	struct sinsp_filter_error err;
	struct scap_strbuf sb;

	(void)state;
	expect_error("", 0, "expected a check");
	expect_error("evt.type", 8, "expected an operator");
	expect_error("evt.type =", 10, "expected a value");
	expect_error("evt.type = openat and", 21, "expected a check");
	expect_error("evt.type = openat and and x = 1", 22, "expected a check before");
	expect_error("proc.pid = 1 and proc.pid = 2 or proc.pid = 3", 30, "'and' and 'or' mixed");
	expect_error("proc.name = cat or", 18, "expected a check");
	expect_error("nosuch.field = 1", 0, "unknown field 'nosuch.field'");
	expect_error("proc.pid = twelve", 11, "proc.pid is a number");
	expect_error("evt.failed = maybe", 13, "true or false");
	expect_error("fd.sip = 300.1.1.1", 9, "IP address");
	expect_error("proc.pid contains 3", 9, "not a string");
	expect_error("fd.name < /etc", 8, "not a number");
	expect_error("(proc.name = cat", 0, "never closed");
	expect_error("proc.name = cat)", 15, "expected 'and', 'or' or the end");
	expect_error("proc.name in (cat, dog", 22, "expected ',' or ')'");
	expect_error("proc.name in cat", 13, "expected '('");
	expect_error("fd.name = \"open", 10, "no closing \"");
	expect_error("evt.arg = 3", 0, "needs a param");
	expect_error("proc.name[2] = x", 0, "takes no [N]");
	expect_error("proc.aname[x] = bash", 10, "expected [N]");

	/* The caret under the bad token, UTF-8 counted as one column a character. */
	assert_null(sinsp_filter_compile("fd.name = café and and x", &err));
	assert_int_equal(scap_strbuf_init(&sb), 0);
	sinsp_filter_error_show(&sb, "fd.name = café and and x", &err);
	assert_string_equal(scap_strbuf_str(&sb), "  fd.name = café and and x\n"
						  "                     ^ expected a check before this and/or\n");
	scap_strbuf_free(&sb);
}

static void test_deep_nesting_is_an_error_not_a_crash(void **state)
{
	struct sinsp_filter_error err;
	char text[4096];
	size_t n = 0;

	(void)state;
	for (int i = 0; i < 1000; i++)
		text[n++] = '(';
	strcpy(text + n, "proc.name = x");
	assert_null(sinsp_filter_compile(text, &err));
	assert_non_null(strstr(err.msg, "nested more than"));
	n = 0;
	for (int i = 0; i < 500; i++)
		n += (size_t)sprintf(text + n, "not ");
	strcpy(text + n, "proc.name = x");
	assert_null(sinsp_filter_compile(text, &err));
}

/* ---- which syscalls the driver is asked for ---- */

static int pinned(const char *text, bool set[SYSCALL_TABLE_SIZE])
{
	struct sinsp_filter_error err;
	struct sinsp_filter *f = sinsp_filter_compile(text, &err);
	int n = 0;

	assert_non_null(f);
	memset(set, 0, SYSCALL_TABLE_SIZE * sizeof(*set));
	if (!sinsp_filter_syscalls(f, set))
		n = -1;
	for (int nr = 0; n >= 0 && nr < SYSCALL_TABLE_SIZE; nr++)
		n += set[nr];
	sinsp_filter_free(f);
	return n;
}

static void test_syscalls_of_a_filter(void **state)
{
	bool set[SYSCALL_TABLE_SIZE];

	(void)state;
	assert_int_equal(pinned("evt.type = openat and proc.name = cat", set), 1);
	assert_true(set[scap_syscall_by_name("openat")]);
	assert_int_equal(pinned("evt.type in (openat, connect)", set), 2);
	/* accept4's events are named accept: both syscalls. */
	assert_int_equal(pinned("evt.type = accept", set), 2);
	/* A generic event is named by its syscall. */
	assert_int_equal(pinned("evt.type = getppid", set), 1);
	assert_int_equal(pinned("evt.type = openat or evt.type = close", set), 2);
	assert_int_equal(pinned("(evt.type = openat or evt.type = close) and evt.type = close", set), 1);
	assert_int_equal(pinned("evt.type = openat or proc.name = cat", set), -1);
	assert_int_equal(pinned("not evt.type = openat", set), -1);
	assert_int_equal(pinned("evt.type != openat", set), -1);
	assert_int_equal(pinned("proc.name = cat", set), -1);
}

/* ---- -p formats ---- */

static void expect_format(struct world *w, const char *fmt, const char *want)
{
	struct sinsp_filter_error err;
	struct sinsp_format *f = sinsp_format_compile(fmt, &err);
	struct scap_strbuf sb;

	if (!f)
		fail_msg("'%s' did not compile: %s", fmt, err.msg);
	assert_int_equal(scap_strbuf_init(&sb), 0);
	sinsp_format_run(f, &sb, &w->e);
	assert_string_equal(scap_strbuf_str(&sb), want);
	scap_strbuf_free(&sb);
	sinsp_format_free(f);
}

static void test_formats(void **state)
{
	struct sinsp_filter_error err;
	struct world w;

	(void)state;
	make_world(&w, 3);
	expect_format(&w, "%evt.num %proc.name (%proc.pid) %evt.type %fd.name",
		      "42 cat (300) openat /etc/shadow");
	expect_format(&w, "*%evt.failed %fd.sip 100%% %proc.aname[1]", "false <NA> 100% bash");
	expect_format(&w, "no fields", "no fields");
	assert_null(sinsp_format_compile("%proc.nosuch", &err));
	assert_int_equal(err.pos, 1);
	sinsp_free(w.s);
}

/* A name with escapes: the format prints it escaped, never raw. */
static void test_format_escapes_names(void **state)
{
	struct scap_threadinfo evil = { .tid = 7, .pid = 7, .ptid = 1, .comm = "\x1b[31mx",
					.uid = 0, .gid = 0 };
	struct sinsp_options o = { .no_proc = true };
	struct world w;

	(void)state;
	w.s = sinsp_new(&o);
	sinsp_add_thread(w.s, &evil);
	eb_start(&w.b, PPME_GENERIC_E);
	eb_u16(&w.b, 0);
	eb_u16(&w.b, 110);
	feed(&w, 7);
	expect_format(&w, "%proc.name", ".[31mx");
	PASS(&w, "proc.name = \"\x1b[31mx\"");
	sinsp_free(w.s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fields_and_operators),
		cmocka_unit_test(test_a_failed_open_still_names_its_file),
		cmocka_unit_test(test_errors_say_what_and_where),
		cmocka_unit_test(test_deep_nesting_is_an_error_not_a_crash),
		cmocka_unit_test(test_syscalls_of_a_filter),
		cmocka_unit_test(test_formats),
		cmocka_unit_test(test_format_escapes_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
