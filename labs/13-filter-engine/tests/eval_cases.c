// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Lab 13's cases: filters run on events built by hand, each with the answer
 * it must give and, for `and` and `or`, how many fields it may read.
 *
 *   eval_cases icontains      13.1: the operator, one check per filter
 *   eval_cases short-circuit  13.2: and, or, not; the answers and the reads
 *
 * Prints one line per case that went wrong; exits 1 if any did.
 *
 * The reads are counted by wrapping field_ref_read() (filter_ref.c), which
 * every check calls once for a field of one value: the linker sends the
 * calls of filter_eval.o to __wrap_field_ref_read below.
 */
// link: -Wl,--wrap=field_ref_read
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter_int.h"
#include "scap_schema.h"
#include "sinsp.h"
#include "sinsp_filter.h"

/* What evt_builder.h asks of cmocka, here without it. */
#define assert_true(x) do { if (!(x)) { fprintf(stderr, "bad test event\n"); exit(2); } } while (0)
#define fail_msg(...) do { fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); exit(2); } while (0)
#include "../../../test/unit/evt_builder.h"

static unsigned g_reads;

bool __real_field_ref_read(const struct field_ref *ref, const struct sinsp_evt *e,
			   struct scap_strbuf *scratch, uint32_t i, struct field_value *out);

bool __wrap_field_ref_read(const struct field_ref *ref, const struct sinsp_evt *e,
			   struct scap_strbuf *scratch, uint32_t i, struct field_value *out)
{
	g_reads++;
	return __real_field_ref_read(ref, e, scratch, i, out);
}

/*
 * The event every case runs on: "Job[1]" (pid 300, child of bash, cwd /etc,
 * command line "Job[1] café") opens "shadow", which is fd 3, /etc/shadow.
 */
static struct sinsp *g_state;
static struct evt_builder g_builder;
static struct sinsp_evt g_evt;

static void make_event(void)
{
	struct scap_threadinfo bash = { .tid = 200, .pid = 200, .ptid = 1, .comm = "bash",
					.cwd = "/home/me" };
	struct scap_threadinfo job = { .tid = 300, .pid = 300, .ptid = 200, .comm = "Job[1]",
				       .exe = "Job[1]", .args = "caf\xc3\xa9", .args_len = 6,
				       .cwd = "/etc" };
	struct sinsp_options o = { .no_proc = true };
	const struct scap_evt_view *v;
	int64_t tid = 300;

	g_state = sinsp_new(&o);
	if (!g_state)
		fail_msg("sinsp_new failed");
	sinsp_add_thread(g_state, &bash);
	sinsp_add_thread(g_state, &job);
	eb_start(&g_builder, PPME_SYSCALL_OPENAT_2_X);
	eb_s64(&g_builder, 3);
	eb_s64(&g_builder, -100);	/* AT_FDCWD */
	eb_str(&g_builder, "shadow");
	eb_u32(&g_builder, PPM_O_RDONLY);
	eb_u32(&g_builder, 0);
	eb_u32(&g_builder, 0);
	v = eb_decode(&g_builder);
	memcpy(g_builder.event + offsetof(struct ppm_evt_hdr, tid), &tid, sizeof(tid));
	g_evt = (struct sinsp_evt){ .state = g_state, .evt = v, .num = 42, .cpu = 1 };
	g_evt.thread = sinsp_process_event(g_state, v);
	if (!g_evt.thread)
		fail_msg("the test's event has no thread");
}

static int g_failed;

/* The filter's text, control bytes as \xNN: a case may hold one. */
static const char *shown(const char *text)
{
	static char buf[512];
	size_t n = 0;

	for (; *text && n + 5 < sizeof(buf); text++) {
		unsigned char c = *text;

		if (c < 0x20 || c == 0x7f)
			n += snprintf(buf + n, sizeof(buf) - n, "\\x%02x", c);
		else
			buf[n++] = c;
	}
	buf[n] = 0;
	return buf;
}

/* One case: the filter's answer must be `want`, after at most `max_reads` reads. */
static void expect(const char *text, bool want, int max_reads)
{
	struct sinsp_filter_error err;
	struct sinsp_filter *f = sinsp_filter_compile(text, &err);
	bool got;

	if (!f) {
		printf("  %-58s does not compile: %s\n", shown(text), err.msg);
		g_failed++;
		return;
	}
	g_reads = 0;
	got = sinsp_filter_run(f, &g_evt);
	sinsp_filter_free(f);
	if (got != want) {
		printf("  %-58s gave %s, should be %s\n", shown(text), got ? "true" : "false",
		       want ? "true" : "false");
		g_failed++;
	} else if (max_reads >= 0 && g_reads > (unsigned)max_reads) {
		printf("  %-58s right (%s), but it read %u fields where %d would do\n", shown(text),
		       got ? "true" : "false", g_reads, max_reads);
		g_failed++;
	}
}

static void icontains_cases(void)
{
	/* proc.name is "Job[1]", fd.name "/etc/shadow", proc.cmdline "Job[1] café". */
	expect("proc.name icontains job", true, -1);
	expect("proc.name icontains JOB[1]", true, -1);
	expect("proc.name icontains Job[1]", true, -1);
	expect("fd.name icontains /ETC/SHAD", true, -1);
	expect("fd.name icontains /", true, -1);	/* the first byte */
	expect("fd.name icontains W", true, -1);	/* the last byte */
	expect("fd.name icontains SHADOW", true, -1);	/* at the very end */
	expect("fd.name icontains SHADOWS", false, -1);	/* would run past the end */
	expect("proc.name icontains JOB[1]JOB[1]", false, -1);	/* longer than the value */
	expect("fd.name icontains passwd", false, -1);
	expect("fd.name icontains \"\"", true, -1);	/* nothing is in everything */
	/* Only letters have a case: '{' is not '[' (0x7b and 0x5b differ by 0x20 too). */
	expect("proc.name icontains JOB{1}", false, -1);
	expect("fd.name icontains \"\x0f\"", false, -1);	/* 0x0f | 0x20 is '/' */
	expect("proc.cmdline icontains \"CAF\"", true, -1);
	expect("proc.cmdline icontains \"CAF\xc3\x89\"", false, -1);	/* 'é' is no letter here */
	/* A field with no value matches nothing. */
	expect("proc.aname[3] icontains a", false, -1);
}

static void short_circuit_cases(void)
{
	/* evt.type is openat, proc.name "Job[1]", fd.name "/etc/shadow". */
	expect("evt.type = openat", true, 1);
	expect("evt.type = close and proc.name = Job[1] and fd.name = /etc/shadow", false, 1);
	expect("evt.type = openat and proc.name = cat and fd.name = /etc/shadow", false, 2);
	expect("evt.type = openat and proc.name = Job[1] and fd.name = /etc/shadow", true, 3);
	expect("evt.type = openat or proc.name = cat or fd.name = /x", true, 1);
	expect("evt.type = close or proc.name = Job[1] or fd.name = /x", true, 2);
	expect("evt.type = close or proc.name = cat or fd.name = /x", false, 3);
	expect("(evt.type = close or proc.name = Job[1]) and (proc.pid = 1 or fd.name = /etc/shadow)",
	       true, 4);
	expect("(evt.type = close and proc.name = Job[1]) or (proc.pid = 300 or fd.name = /x)",
	       true, 2);
	expect("not evt.type = close and proc.name = cat and fd.name = /etc/shadow", false, 2);
	expect("not (evt.type = openat and proc.name = Job[1])", false, 2);
	expect("not (evt.type = close and proc.name = Job[1])", true, 1);
	expect("not (evt.type = openat or proc.name = Job[1])", false, 1);
}

int main(int argc, char **argv)
{
	if (argc != 2 || (strcmp(argv[1], "icontains") && strcmp(argv[1], "short-circuit"))) {
		fprintf(stderr, "usage: %s icontains|short-circuit\n", argv[0]);
		return 2;
	}
	make_event();
	if (!strcmp(argv[1], "icontains"))
		icontains_cases();
	else
		short_circuit_cases();
	sinsp_free(g_state);
	return g_failed ? 1 : 0;
}
