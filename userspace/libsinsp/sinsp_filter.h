/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * sysdig's filter language, and its output format strings.
 *
 *   evt.type in (open, openat) and fd.name startswith /etc and not proc.name = cat
 *
 * A filter is a set of checks, FIELD OP VALUE, joined by `and`, `or` and
 * `not`, with parentheses. As in sysdig, `and` and `or` may not be mixed
 * without parentheses: `a and b or c` is refused, `(a and b) or c` is not.
 *
 *   operators   = != < <= > >= contains icontains startswith endswith
 *               in (V1, V2, ...)   exists (no value)
 *   values      a bare word (/etc/passwd, 3, <) or a quoted string ("a b", 'x')
 *   fields      evt.type evt.dir evt.num evt.cpu evt.res evt.rawres evt.failed
 *               evt.arg.NAME evt.arg[N] evt.rawarg.NAME evt.args
 *               proc.name proc.pid proc.ppid proc.exe proc.exepath proc.args proc.cmdline
 *               proc.pname proc.aname proc.aname[N] proc.cwd thread.tid
 *               user.uid fd.num fd.name fd.type fd.directory
 *               fd.cip fd.cport fd.sip fd.sport fd.lip fd.lport fd.rip fd.rport
 *               (`scap-open --list-fields` says what each one is)
 *
 * A check whose field has no value for the event (fd.name of a getppid)
 * is false, whatever its operator: `fd.name != /etc/passwd` is false too.
 *
 * Evaluated on an event after sinsp_process_event(): the fields come from
 * the event and the state (the thread, its fd).
 */
#ifndef SCAPLAB_SINSP_FILTER_H
#define SCAPLAB_SINSP_FILTER_H

#include <stdbool.h>
#include <stdint.h>

#include "scap_event.h"
#include "scap_strbuf.h"
#include "sinsp.h"

/* Why a filter or a format did not compile: what, and where (a byte offset). */
struct sinsp_filter_error {
	char msg[160];
	uint32_t pos;
};

/* An event, with what the state knows of it: what filters and formats read. */
struct sinsp_evt {
	struct sinsp *state;
	const struct sinsp_threadinfo *thread;	/* sinsp_process_event()'s; may be NULL */
	const struct scap_evt_view *evt;
	uint64_t num;				/* its number in the capture, from 1 */
	uint16_t cpu;
};

struct sinsp_filter;

/* Compile text; NULL with err filled if it is not a valid filter. */
struct sinsp_filter *sinsp_filter_compile(const char *text, struct sinsp_filter_error *err);
void sinsp_filter_free(struct sinsp_filter *f);

/* Does the event pass? */
bool sinsp_filter_run(struct sinsp_filter *f, const struct sinsp_evt *e);

/*
 * The syscalls the filter can pass events of, when it names them
 * (evt.type = X, evt.type in (...), in every branch that can pass): true,
 * with interesting[nr] set for each. False if any syscall's events may
 * pass, and nothing set. With it, a driver sends nothing else.
 */
bool sinsp_filter_syscalls(const struct sinsp_filter *f, bool interesting[SYSCALL_TABLE_SIZE]);

/*
 * Print "text" under the filter with a caret at the error's position:
 *
 *   evt.type = open and and proc.name = cat
 *                       ^ expected a field, got 'and'
 */
void sinsp_filter_error_show(struct scap_strbuf *sb, const char *text,
			     const struct sinsp_filter_error *err);

/* ---- output formats: "%evt.num %proc.name %fd.name" (sinsp_format_string.c) ---- */

struct sinsp_format;

/* NULL with err filled if a %field is unknown. A leading '*' is allowed (sysdig's). */
struct sinsp_format *sinsp_format_compile(const char *fmt, struct sinsp_filter_error *err);
void sinsp_format_free(struct sinsp_format *fmt);

/*
 * Append the line for an event (no newline). A field with no value for
 * it prints <NA>; strings are escaped as the text output's are.
 */
void sinsp_format_run(struct sinsp_format *fmt, struct scap_strbuf *sb, const struct sinsp_evt *e);

/*
 * The format's fields and their values as a JSON object, keyed by the
 * field as written: {"proc.name":"cat","proc.pid":4242,"fd.sip":null}.
 */
void sinsp_format_fields_json(struct sinsp_format *fmt, struct scap_strbuf *sb, const struct sinsp_evt *e);

/* Every field, "name  what it is", one a line (scap-open --list-fields). */
void sinsp_filter_list_fields(struct scap_strbuf *sb);

#endif /* SCAPLAB_SINSP_FILTER_H */
