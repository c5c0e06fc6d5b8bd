// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* See capture.h: which events scap-open asks the driver for, and keeps. */
#include <string.h>
#include "capture.h"
#include "scap_schema.h"

/* The syscalls whose events tell who belongs to `-- COMMAND`'s scope. */
static const char *const scope_syscalls[] = {
	"clone", "clone3", "fork", "vfork", "execve", "execveat",
};

/*
 * The syscalls FILTER can pass, if it names them, with those the state
 * learns from: into interesting. False if it can pass any.
 */
static bool filter_syscalls(const struct capture *c, bool interesting[SYSCALL_TABLE_SIZE])
{
	if (!c->filter || !sinsp_filter_syscalls(c->filter, interesting))
		return false;
	sinsp_add_state_syscalls(interesting);
	return true;
}

void capture_open_args(struct capture *c, struct scap_open_args *args)
{
	memset(args, 0, sizeof(*args));
	args->engine = c->opts.engine;
	if (c->opts.scap_file) {
		c->file.fname = c->opts.scap_file;
		args->mode = SCAP_MODE_CAPTURE;
		args->engine = SCAP_ENGINE_SAVEFILE;
		args->engine_params = &c->file;
	}
	args->buffer_bytes_dim = c->opts.buffer_bytes;
	args->snaplen = c->opts.snaplen;
	args->verbose = c->opts.verbose;
	if (!c->opts.any_syscall_filter && !filter_syscalls(c, args->interesting_syscalls))
		return;	/* all syscalls */
	if (c->opts.any_syscall_filter)
		memcpy(args->interesting_syscalls, c->opts.syscalls, sizeof(c->opts.syscalls));
	if (c->opts.command) {
		for (size_t i = 0; i < sizeof(scope_syscalls) / sizeof(scope_syscalls[0]); i++) {
			int nr = scap_syscall_by_name(scope_syscalls[i]);

			if (nr >= 0)
				args->interesting_syscalls[nr] = true;
		}
	}
	/*
	 * Which events the chosen syscalls produce: their own pair, or the
	 * generic pair with their code as ID (see wanted()).
	 */
	for (int nr = 0; nr < SYSCALL_TABLE_SIZE; nr++) {
		uint16_t enter, exit;

		if (!c->opts.syscalls[nr] || !scap_syscall_events(nr, &enter, &exit))
			continue;
		if (scap_evt_is_generic(enter)) {
			c->code_wanted[scap_ppm_sc_of_syscall(nr)] = true;
		} else {
			c->event_wanted[enter] = true;
			c->event_wanted[exit] = true;
		}
	}
}

/*
 * Is this generic event one of the chosen syscalls? By its ID, Falco's
 * code. A syscall Falco's list lacks has ID 0: its enter event still has
 * nativeID, its exit event nothing more, so an exit with ID 0 is taken
 * when any chosen syscall lacks a code. (Live, the driver captured only
 * the chosen syscalls anyway.)
 */
static bool generic_wanted(const struct capture *c, const struct scap_evt_view *evt)
{
	uint16_t code = scap_evt_param_u16(evt, 0), nr;

	if (code != PPM_SC_UNKNOWN)
		return code < PPM_SC_MAX && c->code_wanted[code];
	if (evt->hdr->type == PPME_GENERIC_X)
		return c->code_wanted[PPM_SC_UNKNOWN];
	nr = scap_evt_param_u16(evt, 1);
	return nr < SYSCALL_TABLE_SIZE && c->opts.syscalls[nr];
}

static bool matches_pid_list(const pid_t *list, int n, int64_t value)
{
	if (n == 0)
		return true;
	for (int i = 0; i < n; i++) {
		if (list[i] == value)
			return true;
	}
	return false;
}

bool capture_counts_only(const struct capture *c)
{
	const struct options *o = &c->opts;

	return o->quiet && !o->write_file && !o->scap_file && !o->command && !o->ntids &&
	       !o->npids && !o->ncomms && !o->any_syscall_filter && !o->filter;
}

bool capture_wanted(const struct capture *c, const struct sinsp_evt *e, bool in_scope)
{
	const struct options *o = &c->opts;
	const struct scap_evt_view *evt = e->evt;
	const struct sinsp_threadinfo *t = e->thread;
	uint16_t type = evt->hdr->type;

	if (o->command && !o->all_processes && !in_scope)
		return false;
	if (!matches_pid_list(o->tids, o->ntids, evt->hdr->tid))
		return false;
	if (!matches_pid_list(o->pids, o->npids, t ? t->pid : -1))
		return false;
	if (o->ncomms) {
		bool found = false;

		for (int i = 0; i < o->ncomms && t; i++)
			found |= !strcmp(o->comms[i], t->comm);
		if (!found)
			return false;
	}
	if (o->any_syscall_filter) {
		if (scap_evt_is_generic(type) ? !generic_wanted(c, evt)
					       /* A file may hold codes past our table's end. */
					       : !(type < PPM_EVENT_MAX && c->event_wanted[type]))
			return false;
	}
	return !c->filter || sinsp_filter_run(c->filter, e);
}

int capture_compile(struct capture *c)
{
	struct sinsp_filter_error err;
	struct scap_strbuf sb;
	const char *what = NULL, *text = NULL;

	if (c->opts.filter && !(c->filter = sinsp_filter_compile(c->opts.filter, &err))) {
		what = "filter";
		text = c->opts.filter;
	} else if (c->opts.format && !(c->format = sinsp_format_compile(c->opts.format, &err))) {
		what = "format (-p)";
		text = c->opts.format;
	}
	if (!what)
		return 0;
	fprintf(stderr, "scap-open: bad %s, at character %u:\n", what, err.pos + 1);
	if (!scap_strbuf_init(&sb)) {
		sinsp_filter_error_show(&sb, text, &err);
		fputs(scap_strbuf_str(&sb), stderr);
		scap_strbuf_free(&sb);
	}
	/* "scap-open cat /etc/hosts": a command meant, a filter read. */
	if (c->filter == NULL && text == c->opts.filter && err.pos == 0 && !c->opts.command)
		fprintf(stderr, "scap-open: to run a command, put it after '--': "
			"scap-open -- %s\n", c->opts.filter);
	return -1;
}
