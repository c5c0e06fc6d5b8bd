// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The events as sysdig shows them (see sinsp.h): libscap's text of each
 * param, and after it, in parentheses, what the state knows of it.
 *
 *   libscap:  < openat fd=3 dirfd=-100(AT_FDCWD) name=/etc/hosts ...
 *   libsinsp: < openat fd=3(<f>/etc/hosts) dirfd=-100(AT_FDCWD) name=/etc/hosts ...
 *             < mkdirat res=0 dirfd=3(<d>/tmp/x) path=dir(/tmp/x/dir) mode=1C0
 */
#include <stdlib.h>
#include <string.h>

#include "scap_escape.h"
#include "scap_event_raw.h"
#include "scap_fdlist.h"
#include "scap_format.h"
#include "scap_schema.h"
#include "sinsp_int.h"

enum note_style { NOTE_TEXT, NOTE_JSON };

static void append_name(struct scap_strbuf *sb, const char *name, enum note_style style)
{
	/* Names come from the traced programs: no byte of them reaches a terminal raw. */
	if (style == NOTE_TEXT)
		scap_text_append_string(sb, (const uint8_t *)name, strlen(name));
	else
		scap_json_append_escaped(sb, (const uint8_t *)name, strlen(name));
}

/* "<4t>" then the name; the L4 letter only once the socket has an address. */
static void append_fd(struct scap_strbuf *sb, const struct sinsp_fdinfo *fdi,
		      enum note_style style)
{
	scap_strbuf_append_char(sb, '<');
	scap_strbuf_append_char(sb, fdi->type);
	if (fdi->l4 && fdi->name[0])
		scap_strbuf_append_char(sb, fdi->l4);
	scap_strbuf_append_char(sb, '>');
	append_name(sb, fdi->name, style);
}

void sinsp_fd_to_text(struct scap_strbuf *sb, const struct sinsp_fdinfo *fdi)
{
	append_fd(sb, fdi, NOTE_TEXT);
}

/*
 * What the state adds to param i, without the parentheses; false if
 * nothing: an fd not in the table (or negative), an absolute path, a path
 * that cannot be resolved, any other type.
 */
static bool append_note(struct scap_strbuf *sb, const struct sinsp_threadinfo *t,
			const struct scap_evt_view *evt, uint32_t i, enum note_style style)
{
	const struct scap_evt_param *p = &evt->params[i];
	const struct sinsp_fdinfo *fdi;
	const char *path;
	char *resolved;

	if (!t || !p->len)
		return false;
	switch (evt->info->params[i].type) {
	case PT_FD:
		fdi = sinsp_fd_find(t->files, scap_evt_param_s64(evt, i));
		if (!fdi)
			return false;
		append_fd(sb, fdi, style);
		return true;
	case PT_FSPATH:
	case PT_FSRELPATH:
		path = scap_evt_param_str(evt, i);
		if (!path || path[0] == '/' || !(resolved = sinsp_path_of_param(t, evt, i)))
			return false;
		append_name(sb, resolved, style);
		free(resolved);
		return true;
	default:
		return false;
	}
}

/* An fd's type letter in the thread's table, for poll's fd lists. */
static char fd_type_of(int64_t fd, void *ctx)
{
	const struct sinsp_fdinfo *fdi = sinsp_fd_find(((const struct sinsp_threadinfo *)ctx)->files, fd);

	return fdi ? fdi->type : '?';
}

void sinsp_format_param_text(struct scap_strbuf *sb, const struct sinsp_threadinfo *t,
			     const struct scap_evt_view *evt, uint32_t i, uint32_t max_data)
{
	enum ppm_param_type type;
	size_t mark;

	if (i >= evt->nparams)
		return;
	type = evt->info->params[i].type;
	if (type == PT_FDLIST && t && evt->params[i].len) {
		scap_fdlist_to_text(sb, &evt->params[i], fd_type_of, (void *)t);
		return;
	}
	scap_format_param_text(sb, evt, i, max_data);
	if (type != PT_FD && type != PT_FSPATH && type != PT_FSRELPATH)
		return;
	/* Written, then taken back if there is nothing to say: no copy needed. */
	mark = scap_strbuf_len(sb);
	scap_strbuf_append_char(sb, '(');
	if (append_note(sb, t, evt, i, NOTE_TEXT))
		scap_strbuf_append_char(sb, ')');
	else
		scap_strbuf_truncate(sb, mark);
}

void sinsp_format_params_text(struct scap_strbuf *sb, const struct sinsp_threadinfo *t,
			      const struct scap_evt_view *evt, uint32_t max_data)
{
	for (uint32_t i = 0; i < evt->nparams; i++) {
		const char *name = evt->info->params[i].name;

		if (i)
			scap_strbuf_append_char(sb, ' ');
		scap_strbuf_append_bytes(sb, name, strnlen(name, PPM_MAX_NAME_LEN));
		scap_strbuf_append_char(sb, '=');
		sinsp_format_param_text(sb, t, evt, i, max_data);
	}
}

const char *sinsp_event_name(const struct sinsp_threadinfo *t, const struct scap_evt_view *evt)
{
	const char *name;

	if (t && !scap_evt_is_raw(evt) && evt->hdr->type == PPME_GENERIC_X &&
	    scap_evt_param_u16(evt, 0) == PPM_SC_UNKNOWN) {
		name = scap_syscall_name(t->generic_nr);
		if (name)
			return name;
	}
	return scap_evt_name(evt);
}

void sinsp_format_resolved_json(struct scap_strbuf *sb, const struct sinsp_threadinfo *t,
				const struct scap_evt_view *evt)
{
	const char *sep = "";

	scap_strbuf_append_char(sb, '{');
	for (uint32_t i = 0; i < evt->nparams; i++) {
		const char *name = evt->info->params[i].name;
		size_t mark = scap_strbuf_len(sb);

		scap_strbuf_append(sb, sep);
		scap_json_append_string(sb, (const uint8_t *)name, strnlen(name, PPM_MAX_NAME_LEN));
		scap_strbuf_append(sb, ":\"");
		if (append_note(sb, t, evt, i, NOTE_JSON)) {
			scap_strbuf_append_char(sb, '"');
			sep = ",";
		} else {
			scap_strbuf_truncate(sb, mark);
		}
	}
	scap_strbuf_append_char(sb, '}');
}
