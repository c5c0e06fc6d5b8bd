// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The event formatter (see scap_format.h): turns a decoded event's
 * parameters into sysdig-like text or JSON, knowing nothing of any event
 * in particular. All it needs is in the schema: each parameter's name,
 * type, print format and flags table.
 *
 * Laid out in the order a reader needs it:
 *   1. names of numbers: errnos, signals, syscalls, flags
 *   2. strings and socket addresses: scap_escape.c, scap_sockaddr.c
 *   3. one parameter as text, one as JSON
 *   4. the two entry points
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE	/* strerrorname_np and sigabbrev_np (glibc 2.32 and later) */
#endif
#include <inttypes.h>
#include <string.h>

#include "ppm_flags.h"
#include "scap_escape.h"
#include "scap_fdlist.h"
#include "scap_format.h"
#include "scap_schema.h"
#include "scap_sockaddr.h"

/* The kernel returns errors as -1 .. -MAX_ERRNO; below that it is a value. */
#define MAX_ERRNO 4095

/* A dirfd of -100 is AT_FDCWD (Linux's value): "relative to the cwd". */
#define SCAP_AT_FDCWD (-100)

/* ---- 1. names of numbers ------------------------------------------------- */

/* "ENOENT" for -2; NULL if v is not an error or glibc has no name for it. */
static const char *errno_name(int64_t v)
{
	/* Checked first, so that -v cannot overflow (v may be INT64_MIN). */
	if (v >= 0 || v < -MAX_ERRNO)
		return NULL;
	return strerrorname_np((int)-v);
}

/*
 * Does any name of the flags table apply to value? That is the case when
 * an entry equals the value (0 included), or a non-zero entry's bits are
 * all set in it.
 */
static bool flags_have_name(const struct ppm_name_value *table, uint32_t value)
{
	const struct ppm_name_value *e;

	for (e = table; e && e->name; e++) {
		if (e->value == value || (e->value && (value & e->value) == e->value))
			return true;
	}
	return false;
}

/*
 * Append the names of a PT_FLAGS32 value, joined by '|'. The walk is
 * sysdig's, described in driver/flags_table.c, so the names and their
 * order match sysdig's: in table order, an entry equal to the whole value
 * is named and ends the walk; otherwise a non-zero entry whose bits are
 * all among those not named yet is named. Bits no entry names are appended
 * in hex ("O_RDONLY|0x40000000"), so no bit is hidden. A value 0 with no
 * zero entry in the table is "0".
 */
void scap_append_flag_names(struct scap_strbuf *sb, const struct ppm_name_value *table,
			    uint32_t value)
{
	const struct ppm_name_value *e;
	uint32_t rest = value;
	const char *sep = "";

	for (e = table; e && e->name; e++) {
		if (e->value == value) {
			scap_strbuf_appendf(sb, "%s%s", sep, e->name);
			sep = "|";
			rest = 0;
			break;
		}
		if (e->value && (rest & e->value) == e->value) {
			scap_strbuf_appendf(sb, "%s%s", sep, e->name);
			sep = "|";
			rest &= ~e->value;
		}
	}
	if (rest)
		scap_strbuf_appendf(sb, "%s0x%" PRIx32, sep, rest);
	else if (value == 0 && sep[0] == '\0')
		scap_strbuf_append(sb, "0");
}

/* ---- 2. strings: in scap_escape.c; socket addresses: in scap_sockaddr.c -- */

/* A string param's length up to its NUL (decode checked there is one). */
static size_t param_strlen(const struct scap_evt_param *p)
{
	return strnlen((const char *)p->val, p->len);
}

/* ---- 3. one parameter ---------------------------------------------------- */

static bool is_signed_type(enum ppm_param_type type)
{
	return type == PT_INT8 || type == PT_INT16 || type == PT_INT32 || type == PT_INT64 ||
	       type == PT_ERRNO || type == PT_FD || type == PT_PID;
}

/*
 * Read fixed-size integer param i both ways: u as unsigned of its own
 * width (for hex and octal, so that an int32 -1 is 0xffffffff, not 16 f's)
 * and s sign-extended from that width (for decimal).
 */
static void read_integer(const struct scap_evt_view *v, uint32_t i, uint64_t *u, int64_t *s)
{
	switch (v->params[i].len) {
	case 1:
		*u = scap_evt_param_u8(v, i);
		*s = (int8_t)*u;
		break;
	case 2:
		*u = scap_evt_param_u16(v, i);
		*s = (int16_t)*u;
		break;
	case 4:
		*u = scap_evt_param_u32(v, i);
		*s = (int32_t)*u;
		break;
	default:
		*u = scap_evt_param_u64(v, i);
		*s = (int64_t)*u;
		break;
	}
}

/* A flags or mode param, whatever its width (PT_FLAGS8, 16, 32, PT_MODE). */
static uint32_t flags_param(const struct scap_evt_view *v, uint32_t i)
{
	uint64_t u;
	int64_t s;

	read_integer(v, i, &u, &s);
	return (uint32_t)u;
}

/*
 * Is param i the syscall's return value? That is the first parameter of an
 * exit event. A negative PT_FD there is an error ("fd=-2(ENOENT)"); a
 * negative PT_FD elsewhere is an argument: mmap's fd -1 is "no file", not
 * EPERM, and a dirfd -100 is AT_FDCWD, not ENETDOWN.
 */
static bool is_syscall_result(const struct scap_evt_view *v, uint32_t i)
{
	return i == 0 && PPME_IS_EXIT(v->hdr->type);
}

/* An integer param as text, in its print format. */
static void text_integer(struct scap_strbuf *sb, const struct scap_evt_view *v, uint32_t i)
{
	const struct ppm_param_info *pi = &v->info->params[i];
	uint64_t u;
	int64_t s;

	read_integer(v, i, &u, &s);
	if (pi->fmt == PF_HEX)
		scap_strbuf_appendf(sb, "0x%" PRIx64, u);
	else if (pi->fmt == PF_OCT)
		scap_strbuf_appendf(sb, "%#" PRIo64, u);	/* 0644, and 0 for 0 */
	else if (is_signed_type(pi->type))
		scap_strbuf_append_s64(sb, s);
	else
		scap_strbuf_append_u64(sb, u);
}

/*
 * A PT_DYN param as a view of one param, of the type its first byte names,
 * so that it prints like any param of that type (decode checked the index).
 */
static const struct scap_evt_view *dyn_view(const struct scap_evt_view *v, uint32_t i,
					    struct scap_evt_view *sub, struct ppm_event_info *info)
{
	const struct ppm_param_info *types = v->info->params[i].info;
	const struct scap_evt_param *p = &v->params[i];

	info->params[0] = types[p->val[0]];
	info->nparams = 1;
	sub->hdr = v->hdr;
	sub->info = info;
	sub->nparams = 1;
	sub->params[0].val = p->val + 1;
	sub->params[0].len = p->len - 1;
	return sub;
}

/* Param i as sysdig-like text. */
static void text_param(struct scap_strbuf *sb, const struct scap_evt_view *v, uint32_t i,
		       uint32_t max_data)
{
	const struct ppm_param_info *pi = &v->info->params[i];
	const struct scap_evt_param *p = &v->params[i];
	const char *name, *sep = "";
	uint32_t bits;
	size_t n;
	int64_t x;

	if (p->len == 0) {
		scap_strbuf_append(sb, "<NA>");
		return;
	}
	if (pi->type == PT_DYN) {
		struct ppm_event_info info;
		struct scap_evt_view sub;

		text_param(sb, dyn_view(v, i, &sub, &info), 0, max_data);
		return;
	}
	switch (pi->type) {
	case PT_ERRNO:
	case PT_FD:
		x = scap_evt_param_s64(v, i);
		name = NULL;
		if (pi->type == PT_ERRNO || is_syscall_result(v, i))
			name = errno_name(x);
		else if (x == SCAP_AT_FDCWD)
			name = "AT_FDCWD";
		if (name)
			scap_strbuf_appendf(sb, "%" PRId64 "(%s)", x, name);
		else
			scap_strbuf_append_s64(sb, x);
		break;
	case PT_SYSCALLID:
		name = scap_ppm_sc_name(scap_evt_param_u16(v, i));
		if (name)
			scap_strbuf_append(sb, name);
		else
			scap_strbuf_appendf(sb, "%u", scap_evt_param_u16(v, i));
		break;
	case PT_SIGTYPE:
		name = sigabbrev_np(scap_evt_param_u8(v, i));	/* "KILL", no "SIG" */
		if (name)
			scap_strbuf_appendf(sb, "%u(SIG%s)", scap_evt_param_u8(v, i), name);
		else
			scap_strbuf_appendf(sb, "%u", scap_evt_param_u8(v, i));
		break;
	case PT_SIGSET:
		/* sysdig's text: the names of the signals in it, "SIGINT SIGUSR1"; none: "". */
		bits = scap_evt_param_u32(v, i);
		for (int sig = 1; sig <= 32; sig++) {
			if (!(bits & (1U << (sig - 1))) || !(name = sigabbrev_np(sig)))
				continue;
			scap_strbuf_appendf(sb, "%sSIG%s", sep, name);
			sep = " ";
		}
		break;
	case PT_RELTIME:
		/* (u64)-1 is "no timeout" (ppoll's NULL timespec): sysdig says "none". */
		if (scap_evt_param_u64(v, i) == UINT64_MAX)
			scap_strbuf_append(sb, "none");
		else
			text_integer(sb, v, i);
		break;
	case PT_FLAGS8:
	case PT_FLAGS16:
	case PT_FLAGS32:
	case PT_MODE:
		/*
		 * sysdig prints flags in decimal whatever the format, and a
		 * mode in octal: "mode=0644(S_IROTH|S_IRGRP|S_IWUSR|S_IRUSR)".
		 */
		bits = flags_param(v, i);
		if (pi->type == PT_MODE)
			scap_strbuf_appendf(sb, "0%" PRIo32, bits);
		else
			scap_strbuf_appendf(sb, "%" PRIu32, bits);
		if (flags_have_name(pi->info, bits)) {
			scap_strbuf_append_char(sb, '(');
			scap_append_flag_names(sb, pi->info, bits);
			scap_strbuf_append_char(sb, ')');
		}
		break;
	case PT_CHARBUF:
	case PT_FSPATH:
	case PT_FSRELPATH:
		scap_text_append_string(sb, p->val, param_strlen(p));
		break;
	case PT_SOCKADDR:
		scap_sockaddr_to_text(sb, p, SCAP_PATH_TEXT);
		break;
	case PT_SOCKTUPLE:
		scap_socktuple_to_text(sb, p, SCAP_PATH_TEXT);
		break;
	case PT_FDLIST:
		scap_fdlist_to_text(sb, p, NULL, NULL);
		break;
	case PT_BYTEBUF:
		n = p->len;
		if (max_data && n > max_data)
			n = max_data;
		scap_text_append_data(sb, p->val, n);
		break;
	default:
		if (scap_param_type_size(pi->type))
			text_integer(sb, v, i);
		else	/* a type the schema should not use: show its bytes safely */
			scap_text_append_data(sb, p->val, p->len);
		break;
	}
}

/* Param i as a JSON value. */
static void json_param(struct scap_strbuf *sb, const struct scap_evt_view *v, uint32_t i)
{
	const struct ppm_param_info *pi = &v->info->params[i];
	const struct scap_evt_param *p = &v->params[i];
	const char *name;
	uint64_t u;
	int64_t s;

	if (p->len == 0) {
		scap_strbuf_append(sb, "null");
		return;
	}
	if (pi->type == PT_DYN) {	/* the value alone: 1, -22, "bytes" */
		struct ppm_event_info info;
		struct scap_evt_view sub;

		json_param(sb, dyn_view(v, i, &sub, &info), 0);
		return;
	}
	switch (pi->type) {
	case PT_SYSCALLID:
		/* Always a string; an ID with no name is its number as a string. */
		name = scap_ppm_sc_name(scap_evt_param_u16(v, i));
		if (name)
			scap_json_append_string(sb, (const uint8_t *)name, strlen(name));
		else
			scap_strbuf_appendf(sb, "\"%u\"", scap_evt_param_u16(v, i));
		break;
	case PT_FLAGS8:
	case PT_FLAGS16:
	case PT_FLAGS32:
		/* Flag names are C identifiers and hex digits: nothing to escape. */
		scap_strbuf_append_char(sb, '"');
		scap_append_flag_names(sb, pi->info, flags_param(v, i));
		scap_strbuf_append_char(sb, '"');
		break;
	case PT_MODE:
		/* Octal, as people write modes; JSON has no octal numbers. */
		scap_strbuf_appendf(sb, "\"0%" PRIo32 "\"", flags_param(v, i));
		break;
	case PT_CHARBUF:
	case PT_FSPATH:
	case PT_FSRELPATH:
		scap_json_append_string(sb, p->val, param_strlen(p));
		break;
	case PT_SOCKADDR:
		scap_strbuf_append_char(sb, '"');
		scap_sockaddr_to_text(sb, p, SCAP_PATH_JSON);
		scap_strbuf_append_char(sb, '"');
		break;
	case PT_SOCKTUPLE:
		scap_strbuf_append_char(sb, '"');
		scap_socktuple_to_text(sb, p, SCAP_PATH_JSON);
		scap_strbuf_append_char(sb, '"');
		break;
	case PT_FDLIST:
		scap_fdlist_to_json(sb, p);
		break;
	case PT_BYTEBUF:
		scap_json_append_data(sb, p->val, p->len);
		break;
	default:
		if (scap_param_type_size(pi->type) == 0) {
			/* a type the schema should not use: its bytes, safely */
			scap_json_append_data(sb, p->val, p->len);
			break;
		}
		/* Every other type is an integer: JSON numbers are decimal. */
		read_integer(v, i, &u, &s);
		if (is_signed_type(pi->type))
			scap_strbuf_append_s64(sb, s);
		else
			scap_strbuf_append_u64(sb, u);
		break;
	}
}

/* ---- 4. entry points ----------------------------------------------------- */

void scap_format_param_text(struct scap_strbuf *sb, const struct scap_evt_view *v, uint32_t i,
			    uint32_t max_data)
{
	if (i < v->nparams)
		text_param(sb, v, i, max_data);
}

void scap_format_params_text(struct scap_strbuf *sb, const struct scap_evt_view *v,
			     uint32_t max_data)
{
	uint32_t i;

	for (i = 0; i < v->nparams; i++) {
		if (i)
			scap_strbuf_append_char(sb, ' ');
		scap_strbuf_append_bytes(sb, v->info->params[i].name,
					 strnlen(v->info->params[i].name, PPM_MAX_NAME_LEN));
		scap_strbuf_append_char(sb, '=');
		text_param(sb, v, i, max_data);
	}
}

void scap_format_params_json(struct scap_strbuf *sb, const struct scap_evt_view *v)
{
	const char *pname;
	uint32_t i;

	scap_strbuf_append_char(sb, '{');
	for (i = 0; i < v->nparams; i++) {
		pname = v->info->params[i].name;
		if (i)
			scap_strbuf_append_char(sb, ',');
		scap_json_append_string(sb, (const uint8_t *)pname,
					strnlen(pname, PPM_MAX_NAME_LEN));
		scap_strbuf_append_char(sb, ':');
		json_param(sb, v, i);
	}
	scap_strbuf_append_char(sb, '}');
}
