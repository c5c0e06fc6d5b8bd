// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The fields of filters and formats (see sinsp_filter.h): sysdig's names,
 * each read from the event or its thread (the fd's: filter_fields_fd.c),
 * and their table. A field with no value for an event (fd.name of a
 * getppid, evt.res of an enter) says so: its check is then false.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter_int.h"
#include "scap_escape.h"
#include "scap_format.h"
#include "scap_schema.h"
#include "sinsp_int.h"

#define MAX_ERRNO 4095
#define MAX_ANCESTORS 64	/* a loop in a broken parent chain ends here */

bool field_set_str(struct field_value *out, const char *s)
{
	if (!s)
		return false;
	out->str = s;
	out->len = strlen(s);
	return true;
}

bool field_set_num(struct field_value *out, int64_t x)
{
	out->num = x;
	return true;
}

/* ---- the event ---- */

static bool read_evt_num(const struct field_ctx *c, uint32_t n, struct field_value *out)
{
	(void)n;
	return field_set_num(out, (int64_t)c->e->num);
}

static bool read_evt_cpu(const struct field_ctx *c, uint32_t n, struct field_value *out)
{
	(void)n;
	return field_set_num(out, c->e->cpu);
}

static bool read_evt_type(const struct field_ctx *c, uint32_t n, struct field_value *out)
{
	(void)n;
	return field_set_str(out, sinsp_event_name(c->e->thread, c->e->evt));
}

static bool read_evt_dir(const struct field_ctx *c, uint32_t n, struct field_value *out)
{
	(void)n;
	return field_set_str(out, PPME_IS_ENTER(c->e->evt->hdr->type) ? ">" : "<");
}

/* An exit event's return value: its first param, if that is a number. */
static bool return_value(const struct scap_evt_view *evt, int64_t *res)
{
	enum ppm_param_type type;

	if (!evt->info || !PPME_IS_EXIT(evt->hdr->type) || !evt->nparams || !evt->params[0].len)
		return false;
	type = evt->info->params[0].type;
	if (type != PT_ERRNO && type != PT_FD && type != PT_PID)
		return false;
	*res = scap_evt_param_s64(evt, 0);
	return true;
}

static bool read_evt_rawres(const struct field_ctx *c, uint32_t n, struct field_value *out)
{
	(void)n;
	return return_value(c->e->evt, &out->num);
}

static bool read_evt_res(const struct field_ctx *c, uint32_t n, struct field_value *out)
{
	int64_t res;
	const char *name;

	(void)n;
	if (!return_value(c->e->evt, &res))
		return false;
	if (res >= 0 || res < -MAX_ERRNO)
		return field_set_str(out, "SUCCESS");
	name = strerrorname_np((int)-res);
	if (name)
		return field_set_str(out, name);
	scap_strbuf_appendf(c->scratch, "%lld", (long long)res);
	return field_set_str(out, scap_strbuf_str(c->scratch));
}

static bool read_evt_failed(const struct field_ctx *c, uint32_t n, struct field_value *out)
{
	int64_t res;

	(void)n;
	return field_set_num(out, return_value(c->e->evt, &res) && res < 0 && res >= -MAX_ERRNO);
}

/* The index of the param evt.arg.NAME or evt.arg[N] names; -1 if none. */
static int arg_index(const struct field_ctx *c)
{
	const struct scap_evt_view *evt = c->e->evt;

	if (!evt->info)
		return -1;
	if (c->index >= 0)
		return (uint32_t)c->index < evt->nparams ? c->index : -1;
	return scap_param_index(evt->hdr->type, c->arg);
}

/*
 * evt.arg: a param "converted into a text representation when possible",
 * as sysdig has it: what the text output shows in parentheses, if it
 * shows anything there (an fd's <f>/etc/hosts, an error's ENOENT, flags'
 * O_RDONLY|O_CLOEXEC, a relative path resolved), else the value itself.
 */
static bool read_evt_arg(const struct field_ctx *c, uint32_t n, struct field_value *out)
{
	const struct scap_evt_view *evt = c->e->evt;
	int i = arg_index(c);
	enum ppm_param_type type;
	const struct sinsp_fdinfo *fdi;
	const char *text, *open;
	size_t len;
	char *path;

	(void)n;
	if (i < 0 || !evt->params[i].len)
		return false;
	type = evt->info->params[i].type;
	if (type == PT_FD && (fdi = sinsp_get_fd(c->e->thread, scap_evt_param_s64(evt, i)))) {
		sinsp_fd_to_text(c->scratch, fdi);
		return field_set_str(out, scap_strbuf_str(c->scratch));
	}
	if ((type == PT_FSPATH || type == PT_FSRELPATH) && c->e->thread &&
	    evt->params[i].val[0] != '/' && (path = sinsp_path_of_param(c->e->thread, evt, i))) {
		scap_strbuf_append(c->scratch, path);
		free(path);
		return field_set_str(out, scap_strbuf_str(c->scratch));
	}
	scap_format_param_text(c->scratch, evt, (uint32_t)i, 0);
	text = scap_strbuf_str(c->scratch);
	len = scap_strbuf_len(c->scratch);
	/* A number's name, "-2(ENOENT)": numbers hold no '(', so the first one opens it. */
	if ((type == PT_FD || type == PT_ERRNO || type == PT_FLAGS8 || type == PT_FLAGS16 ||
	     type == PT_FLAGS32 || type == PT_MODE || type == PT_SIGTYPE) &&
	    len && text[len - 1] == ')' && (open = strchr(text, '('))) {
		out->str = open + 1;
		out->len = (size_t)(text + len - 1 - out->str);
		return true;
	}
	return field_set_str(out, text);
}

static bool read_evt_args(const struct field_ctx *c, uint32_t n, struct field_value *out)
{
	(void)n;
	if (!c->e->evt->info)
		return false;
	sinsp_format_params_text(c->scratch, c->e->thread, c->e->evt, 80);
	return field_set_str(out, scap_strbuf_str(c->scratch));
}

/* A number as a number (FT_INT); a string, an address or a buffer as its text. */
static bool read_evt_rawarg(const struct field_ctx *c, uint32_t n, struct field_value *out)
{
	int i = arg_index(c);
	const struct scap_evt_param *p;
	enum ppm_param_type type;

	(void)n;
	if (i < 0 || !(p = &c->e->evt->params[i])->len)
		return false;
	type = c->e->evt->info->params[i].type;
	if (type == PT_CHARBUF || type == PT_FSPATH || type == PT_FSRELPATH) {
		out->str = (const char *)p->val;
		out->len = strnlen(out->str, p->len);
		return true;
	}
	if (!scap_param_type_size(type)) {
		scap_format_param_text(c->scratch, c->e->evt, (uint32_t)i, 0);
		return field_set_str(out, scap_strbuf_str(c->scratch));
	}
	switch (p->len) {
	case 1:
		out->num = scap_evt_param_u8(c->e->evt, i);
		break;
	case 2:
		out->num = scap_evt_param_u16(c->e->evt, i);
		break;
	case 4:
		out->num = type == PT_INT32 ? (int32_t)scap_evt_param_u32(c->e->evt, i)
					    : (int64_t)scap_evt_param_u32(c->e->evt, i);
		break;
	default:
		out->num = scap_evt_param_s64(c->e->evt, i);
		break;
	}
	out->is_num = true;
	return true;
}

/* ---- the process ---- */

#define THREAD_OR_FALSE(c, t)					\
	const struct sinsp_threadinfo *t = (c)->e->thread;	\
	if (!t)							\
		return false

static bool read_proc_name(const struct field_ctx *c, uint32_t n, struct field_value *out)
{
	THREAD_OR_FALSE(c, t);
	(void)n;
	return field_set_str(out, t->comm);
}

static bool read_proc_pid(const struct field_ctx *c, uint32_t n, struct field_value *out)
{
	THREAD_OR_FALSE(c, t);
	(void)n;
	return t->pid >= 0 && field_set_num(out, t->pid);
}

static bool read_thread_tid(const struct field_ctx *c, uint32_t n, struct field_value *out)
{
	(void)n;
	return field_set_num(out, (int64_t)c->e->evt->hdr->tid);
}

static bool read_user_uid(const struct field_ctx *c, uint32_t n, struct field_value *out)
{
	THREAD_OR_FALSE(c, t);
	(void)n;
	return t->uid != (uint32_t)-1 && field_set_num(out, t->uid);
}

static bool read_proc_exe(const struct field_ctx *c, uint32_t n, struct field_value *out)
{
	THREAD_OR_FALSE(c, t);
	(void)n;
	return field_set_str(out, t->exe);
}

/* argv[1..] joined by spaces, after prefix (the comm and a space, or nothing). */
static bool join_args(const struct field_ctx *c, const char *prefix, struct field_value *out)
{
	const struct sinsp_threadinfo *t = c->e->thread;

	scap_strbuf_append(c->scratch, prefix);
	for (uint32_t i = 0; t->args && i < t->args_len; i++) {
		char ch = t->args[i];

		/* The last NUL ends the last argument; the others separate them. */
		if (ch == '\0' && i + 1 == t->args_len)
			break;
		scap_strbuf_append_char(c->scratch, ch ? ch : ' ');
	}
	return field_set_str(out, scap_strbuf_str(c->scratch));
}

static bool read_proc_exepath(const struct field_ctx *c, uint32_t n, struct field_value *out)
{
	THREAD_OR_FALSE(c, t);
	(void)n;
	return t->exepath[0] && field_set_str(out, t->exepath);
}

static bool read_proc_args(const struct field_ctx *c, uint32_t n, struct field_value *out)
{
	THREAD_OR_FALSE(c, t);
	(void)n;
	return join_args(c, "", out);
}

static bool read_proc_cmdline(const struct field_ctx *c, uint32_t n, struct field_value *out)
{
	THREAD_OR_FALSE(c, t);
	(void)n;
	scap_strbuf_append(c->scratch, t->comm);
	return join_args(c, t->args_len ? " " : "", out);
}

static bool read_proc_cwd(const struct field_ctx *c, uint32_t n, struct field_value *out)
{
	THREAD_OR_FALSE(c, t);
	(void)n;
	if (t->files->cwd[0] != '/')
		return false;
	/* sysdig's cwd ends with a '/'. */
	scap_strbuf_append(c->scratch, t->files->cwd);
	if (strcmp(t->files->cwd, "/"))
		scap_strbuf_append_char(c->scratch, '/');
	return field_set_str(out, scap_strbuf_str(c->scratch));
}

/* The nth ancestor of the event's thread: 0 is itself, 1 its parent. */
static const struct sinsp_threadinfo *ancestor(const struct field_ctx *c, uint32_t nth)
{
	const struct sinsp_threadinfo *t = c->e->thread;

	for (uint32_t i = 0; t && i < nth && i < MAX_ANCESTORS; i++)
		t = sinsp_get_parent(c->e->state, t);
	return nth < MAX_ANCESTORS ? t : NULL;
}

static bool read_proc_ppid(const struct field_ctx *c, uint32_t n, struct field_value *out)
{
	const struct sinsp_threadinfo *parent = ancestor(c, 1);

	(void)n;
	if (parent)
		return parent->pid >= 0 && field_set_num(out, parent->pid);
	/* Its parent is not in the table: the thread's ptid still says who. */
	return c->e->thread && c->e->thread->ptid > 0 && field_set_num(out, c->e->thread->ptid);
}

static bool read_proc_pname(const struct field_ctx *c, uint32_t n, struct field_value *out)
{
	const struct sinsp_threadinfo *parent = ancestor(c, 1);

	(void)n;
	return parent && field_set_str(out, parent->comm);
}

/* proc.aname[N]: the Nth ancestor's name; proc.aname: each ancestor in turn (n from 0). */
static bool read_proc_aname(const struct field_ctx *c, uint32_t n, struct field_value *out)
{
	const struct sinsp_threadinfo *a;

	if (c->index >= 0)
		a = n ? NULL : ancestor(c, (uint32_t)c->index);
	else
		a = ancestor(c, n + 1);
	return a && field_set_str(out, a->comm);
}

#define F(name_, type_, arg, multi_, fn, desc_) \
	{ .name = name_, .type = type_, .has_arg = arg, .multi = multi_, .desc = desc_, .read = read_##fn }

const struct filter_field g_filter_fields[] = {
	F("evt.num", FT_INT, false, false, evt_num, "the event's number in the capture, from 1"),
	F("evt.cpu", FT_INT, false, false, evt_cpu, "the CPU it was captured on"),
	F("evt.type", FT_STRING, false, false, evt_type, "its name: open, openat, execve..."),
	F("evt.dir", FT_STRING, false, false, evt_dir, "'>' for an enter event, '<' for an exit"),
	F("evt.res", FT_STRING, false, false, evt_res, "an exit's result: SUCCESS, or the error's name (ENOENT)"),
	F("evt.rawres", FT_INT, false, false, evt_rawres, "an exit's result as a number (-2)"),
	F("evt.failed", FT_BOOL, false, false, evt_failed, "true for an exit that returned an error"),
	F("evt.arg", FT_STRING, true, false, evt_arg, "a param as text, by name or position (evt.arg.name, evt.arg[0]); where the output shows more in parentheses, that: <f>/etc/hosts, ENOENT, O_RDONLY"),
	{ .name = "evt.rawarg", .type = FT_STRING, .has_arg = true, .any_type = true,
	  .desc = "a param's value: a number as a number (evt.rawarg.res < 0), a path as it is",
	  .read = read_evt_rawarg },
	F("evt.args", FT_STRING, false, false, evt_args, "every param, as the text output shows them"),
	F("proc.name", FT_STRING, false, false, proc_name, "the process's name (its comm)"),
	F("proc.pid", FT_INT, false, false, proc_pid, "the process id"),
	F("proc.ppid", FT_INT, false, false, proc_ppid, "the parent's process id"),
	F("proc.exe", FT_STRING, false, false, proc_exe, "argv[0]: the program's name as it was run"),
	F("proc.exepath", FT_STRING, false, false, proc_exepath, "the file the process runs, absolute (/usr/bin/cat)"),
	F("proc.args", FT_STRING, false, false, proc_args, "argv[1..], joined by spaces"),
	F("proc.cmdline", FT_STRING, false, false, proc_cmdline, "proc.name and proc.args"),
	F("proc.pname", FT_STRING, false, false, proc_pname, "the parent's name"),
	F("proc.aname", FT_STRING, true, true, proc_aname, "an ancestor's name: any ancestor, or proc.aname[N], the Nth (1 = the parent)"),
	F("proc.cwd", FT_STRING, false, false, proc_cwd, "the working directory, ending in '/'"),
	F("proc.vpid", FT_INT, false, false, proc_vpid, "the process id in its own pid namespace (a container's first process: 1)"),
	F("thread.tid", FT_INT, false, false, thread_tid, "the thread id"),
	F("thread.vtid", FT_INT, false, false, thread_vtid, "the thread id in its own pid namespace"),
	F("container.id", FT_STRING, false, false, container_id, "the container's id, 12 hex digits, from its cgroups; host if none"),
	F("container.type", FT_STRING, false, false, container_type, "its runtime: docker, podman, containerd, cri-o; host if none"),
	F("user.uid", FT_INT, false, false, user_uid, "the user id"),
	F("fd.num", FT_INT, false, false, fd_num, "the fd the event is about"),
	F("fd.name", FT_STRING, false, false, fd_name, "its name: a file's path, a connection's ip:port->ip:port, a unix path"),
	F("fd.type", FT_STRING, false, false, fd_type, "file, directory, ipv4, ipv6, unix, pipe, event, signalfd, eventpoll, inotify, timerfd, netlink"),
	F("fd.directory", FT_STRING, false, false, fd_directory, "the directory of a file (a directory fd: itself)"),
	F("fd.cip", FT_IP, false, false, fd_cip, "a connection's client address"),
	F("fd.sip", FT_IP, false, false, fd_sip, "its server address"),
	F("fd.lip", FT_IP, false, false, fd_lip, "its local address"),
	F("fd.rip", FT_IP, false, false, fd_rip, "its remote address"),
	F("fd.cport", FT_INT, false, false, fd_cport, "its client port"),
	F("fd.sport", FT_INT, false, false, fd_sport, "its server port"),
	F("fd.lport", FT_INT, false, false, fd_lport, "its local port"),
	F("fd.rport", FT_INT, false, false, fd_rport, "its remote port"),
};

const uint32_t g_filter_nfields = sizeof(g_filter_fields) / sizeof(g_filter_fields[0]);

const struct filter_field *filter_field_find(const char *name, size_t len)
{
	for (uint32_t i = 0; i < g_filter_nfields; i++) {
		if (strlen(g_filter_fields[i].name) == len &&
		    !memcmp(g_filter_fields[i].name, name, len))
			return &g_filter_fields[i];
	}
	return NULL;
}

void sinsp_filter_list_fields(struct scap_strbuf *sb)
{
	for (uint32_t i = 0; i < g_filter_nfields; i++)
		scap_strbuf_appendf(sb, "%-14s %s\n", g_filter_fields[i].name,
				    g_filter_fields[i].desc);
}
