// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The event formatter (see scap_format.h): turns a decoded event's
 * parameters into sysdig-like text or JSON, knowing nothing of any event
 * in particular. All it needs is in the schema: each parameter's name,
 * type, print format and flags table.
 *
 * Laid out in the order a reader needs it:
 *   1. names of numbers: errnos, signals, syscalls, flags
 *   2. strings: the text form (control bytes as '.') and JSON escaping
 *   3. socket addresses as text
 *   4. one parameter as text, one as JSON
 *   5. the two entry points
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE	/* strerrorname_np and sigabbrev_np (glibc 2.32 and later) */
#endif
#include <arpa/inet.h>
#include <inttypes.h>
#include <string.h>

#include "ppm_flags.h"
#include "scap_format.h"

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

/* The syscall's name for the generic event's ID, or NULL if unknown. */
static const char *syscall_name(uint16_t id)
{
	if (id >= SYSCALL_TABLE_SIZE)
		return NULL;
	return g_syscall_names[id];
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
static void append_flag_names(struct scap_strbuf *sb, const struct ppm_name_value *table,
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

/* ---- 2. strings ---------------------------------------------------------- */

static bool is_printable_ascii(uint8_t c)
{
	return c >= 0x20 && c <= 0x7e;
}

/*
 * If s starts with a valid UTF-8 sequence of 2 to 4 bytes, its length;
 * else 0. Valid means as in Unicode's table "Well-Formed UTF-8 Byte
 * Sequences": no overlong forms (0xc0, 0xc1, 0xe0 0x80..0x9f, 0xf0
 * 0x80..0x8f), no UTF-16 surrogates (0xed 0xa0..0xbf), nothing above
 * U+10FFFF (0xf4 0x90.., 0xf5..0xff).
 */
static size_t utf8_sequence_len(const uint8_t *s, size_t avail)
{
	uint8_t lo = 0x80, hi = 0xbf;	/* the range allowed for the second byte */
	size_t n, k;

	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		n = 2;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 3;
		if (s[0] == 0xe0)
			lo = 0xa0;
		if (s[0] == 0xed)
			hi = 0x9f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 4;
		if (s[0] == 0xf0)
			lo = 0x90;
		if (s[0] == 0xf4)
			hi = 0x8f;
	} else {
		return 0;
	}
	if (avail < n || s[1] < lo || s[1] > hi)
		return 0;
	for (k = 2; k < n; k++) {
		if (s[k] < 0x80 || s[k] > 0xbf)
			return 0;
	}
	return n;
}

/*
 * The code point of a valid UTF-8 sequence of n bytes (utf8_sequence_len)
 * that a terminal must not be given: a C1 control (U+0080..U+009F, e.g.
 * U+009B, which some terminals take as the start of an escape sequence)
 * or a bidi override that reorders what the rest of the line shows
 * (U+202A..U+202E, U+2066..U+2069: "trojan source"). 0 if none.
 */
static uint32_t unsafe_code_point(const uint8_t *s, size_t n)
{
	uint32_t cp;

	if (n == 2)
		cp = (s[0] & 0x1fu) << 6 | (s[1] & 0x3fu);
	else if (n == 3)
		cp = (s[0] & 0x0fu) << 12 | (s[1] & 0x3fu) << 6 | (s[2] & 0x3fu);
	else
		return 0;
	if ((cp >= 0x80 && cp <= 0x9f) || (cp >= 0x202a && cp <= 0x202e) ||
	    (cp >= 0x2066 && cp <= 0x2069))
		return cp;
	return 0;
}

/*
 * Append bytes for the text output, which goes to a terminal: control
 * characters (C0, DEL, C1), bidi overrides and bytes that are not valid
 * UTF-8 become '.', so that no traced program can move the cursor, set
 * the title, or split an event's line. Valid UTF-8 otherwise prints as it
 * is. With only_ascii (binary I/O data), every byte from 0x80 up is '.'.
 */
static void append_printable(struct scap_strbuf *sb, const uint8_t *s, size_t len, bool only_ascii)
{
	size_t i = 0, n;

	while (i < len) {
		if (is_printable_ascii(s[i])) {
			scap_strbuf_append_char(sb, (char)s[i++]);
			continue;
		}
		n = only_ascii || s[i] < 0x80 ? 0 : utf8_sequence_len(s + i, len - i);
		if (n && !unsafe_code_point(s + i, n)) {
			scap_strbuf_append_bytes(sb, s + i, n);
			i += n;
			continue;
		}
		scap_strbuf_append_char(sb, '.');
		i += n ? n : 1;
	}
}

void scap_text_append_string(struct scap_strbuf *sb, const uint8_t *s, size_t len)
{
	append_printable(sb, s, len, false);
}

/* Append one byte as the JSON escape \u00XX. */
static void json_append_byte_escape(struct scap_strbuf *sb, uint8_t c)
{
	scap_strbuf_appendf(sb, "\\u%04x", c);
}

/* The inside of a JSON string: len bytes of s escaped, without the quotes. */
static void json_append_escaped(struct scap_strbuf *sb, const uint8_t *s, size_t len)
{
	size_t i = 0, n;

	while (i < len) {
		uint8_t c = s[i];

		if (c == '"' || c == '\\') {
			scap_strbuf_append_char(sb, '\\');
			scap_strbuf_append_char(sb, (char)c);
		} else if (c == '\n') {
			scap_strbuf_append(sb, "\\n");
		} else if (c == '\t') {
			scap_strbuf_append(sb, "\\t");
		} else if (c == '\r') {
			scap_strbuf_append(sb, "\\r");
		} else if (c == '\b') {
			scap_strbuf_append(sb, "\\b");
		} else if (c == '\f') {
			scap_strbuf_append(sb, "\\f");
		} else if (c < 0x20) {
			json_append_byte_escape(sb, c);
		} else if (c < 0x80) {
			scap_strbuf_append_char(sb, (char)c);
		} else {
			n = utf8_sequence_len(s + i, len - i);
			if (n && unsafe_code_point(s + i, n)) {
				/* Valid, but escaped: a terminal that shows the JSON stays safe. */
				scap_strbuf_appendf(sb, "\\u%04x", unsafe_code_point(s + i, n));
				i += n;
				continue;
			}
			if (n) {
				scap_strbuf_append_bytes(sb, s + i, n);
				i += n;
				continue;
			}
			/*
			 * Not UTF-8: the lone surrogate U+DCXX, as Python's
			 * "surrogateescape" writes byte XX. No valid UTF-8 text
			 * decodes to one, so a reader tells the byte 0xff from
			 * the character U+00FF and can get the byte back.
			 */
			scap_strbuf_appendf(sb, "\\udc%02x", c);
		}
		i++;
	}
}

void scap_json_append_string(struct scap_strbuf *sb, const uint8_t *s, size_t len)
{
	scap_strbuf_append_char(sb, '"');
	json_append_escaped(sb, s, len);
	scap_strbuf_append_char(sb, '"');
}

/*
 * Append a byte buffer as a JSON string: printable ASCII as it is (with
 * '"' and '\' escaped), every other byte as \u00XX. Unlike a string, I/O
 * data is not text, so no byte is taken as UTF-8: execve's args
 * "ls\0-l\0" come out as "ls\u0000-l\u0000".
 */
static void json_append_bytebuf(struct scap_strbuf *sb, const uint8_t *s, size_t len)
{
	size_t i;

	scap_strbuf_append_char(sb, '"');
	for (i = 0; i < len; i++) {
		if (s[i] == '"' || s[i] == '\\') {
			scap_strbuf_append_char(sb, '\\');
			scap_strbuf_append_char(sb, (char)s[i]);
		} else if (is_printable_ascii(s[i])) {
			scap_strbuf_append_char(sb, (char)s[i]);
		} else {
			json_append_byte_escape(sb, s[i]);
		}
	}
	scap_strbuf_append_char(sb, '"');
}

/* A string param's length up to its NUL (decode checked there is one). */
static size_t param_strlen(const struct scap_evt_param *p)
{
	return strnlen((const char *)p->val, p->len);
}

/* ---- 3. socket addresses ------------------------------------------------- */

/*
 * The byte layouts are checked by scap_event_decode (see sockaddr_size in
 * scap_event.c): IP addresses are in network order as in struct
 * sockaddr_in, ports in the machine's order (the drivers apply ntohs).
 */

/* "10.0.0.1:80" or "[::1]:80" from an address and a port inside a param. */
static void append_endpoint(struct scap_strbuf *sb, uint8_t family, const uint8_t *ip,
			    const uint8_t *port_bytes)
{
	char ip6[INET6_ADDRSTRLEN];
	uint16_t port;

	memcpy(&port, port_bytes, sizeof(port));
	if (family == PPM_AF_INET) {
		scap_strbuf_appendf(sb, "%u.%u.%u.%u:%u", ip[0], ip[1], ip[2], ip[3], port);
	} else {
		/* Brackets, as in URLs: the port's ':' is then not part of the address. */
		if (!inet_ntop(AF_INET6, ip, ip6, sizeof(ip6)))
			strcpy(ip6, "?");
		scap_strbuf_appendf(sb, "[%s]:%u", ip6, port);
	}
}

/*
 * How to write a unix socket path, the one part of an address that may
 * hold any byte: made printable for the text output, escaped for JSON.
 * The rest of an address is digits and punctuation, the same in both.
 */
enum path_style {
	PATH_TEXT,
	PATH_JSON,
};

/* A unix socket path: the bytes up to the NUL (or the end of the param). */
static void append_unix_path(struct scap_strbuf *sb, const uint8_t *path, size_t avail,
			     enum path_style style)
{
	size_t n = strnlen((const char *)path, avail);

	if (style == PATH_JSON)
		json_append_escaped(sb, path, n);
	else
		append_printable(sb, path, n, false);
}

/*
 * A PT_SOCKADDR as text: "10.0.0.1:80", "[::1]:80" or a unix path. Any
 * other family prints as sysdig does, "family 16".
 */
static void sockaddr_to_text(struct scap_strbuf *sb, const struct scap_evt_param *p,
			     enum path_style style)
{
	uint8_t family = p->val[0];

	if (family == PPM_AF_INET && p->len == 1 + 4 + 2)
		append_endpoint(sb, family, p->val + 1, p->val + 5);
	else if (family == PPM_AF_INET6 && p->len == 1 + 16 + 2)
		append_endpoint(sb, family, p->val + 1, p->val + 17);
	else if (family == PPM_AF_UNIX)
		append_unix_path(sb, p->val + 1, p->len - 1u, style);
	else
		scap_strbuf_appendf(sb, "family %u", family);
}

/*
 * A PT_SOCKTUPLE as text: "src->dst" with the endpoints as above. A
 * unix tuple holds the kernel addresses of the two sockets (which tell
 * connections apart) and the path: "ffff8a01c2b3d400->ffff8a01c2b3e000
 * /run/app.sock", as sysdig prints it.
 */
static void socktuple_to_text(struct scap_strbuf *sb, const struct scap_evt_param *p,
			      enum path_style style)
{
	uint8_t family = p->val[0];
	uint64_t src, dst;

	if (family == PPM_AF_INET && p->len == 1 + 4 + 2 + 4 + 2) {
		append_endpoint(sb, family, p->val + 1, p->val + 5);
		scap_strbuf_append(sb, "->");
		append_endpoint(sb, family, p->val + 7, p->val + 11);
	} else if (family == PPM_AF_INET6 && p->len == 1 + 16 + 2 + 16 + 2) {
		append_endpoint(sb, family, p->val + 1, p->val + 17);
		scap_strbuf_append(sb, "->");
		append_endpoint(sb, family, p->val + 19, p->val + 35);
	} else if (family == PPM_AF_UNIX && p->len >= 1 + 8 + 8) {
		memcpy(&src, p->val + 1, sizeof(src));
		memcpy(&dst, p->val + 9, sizeof(dst));
		scap_strbuf_appendf(sb, "%" PRIx64 "->%" PRIx64 " ", src, dst);
		append_unix_path(sb, p->val + 17, p->len - 17u, style);
	} else {
		scap_strbuf_appendf(sb, "family %u", family);
	}
}

/* ---- 4. one parameter ---------------------------------------------------- */

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
		scap_strbuf_appendf(sb, "%" PRId64, s);
	else
		scap_strbuf_appendf(sb, "%" PRIu64, u);
}

/* Param i as sysdig-like text. */
static void text_param(struct scap_strbuf *sb, const struct scap_evt_view *v, uint32_t i,
		       uint32_t max_data)
{
	const struct ppm_param_info *pi = &v->info->params[i];
	const struct scap_evt_param *p = &v->params[i];
	const char *name;
	uint32_t bits;
	size_t n;
	int64_t x;

	if (p->len == 0) {
		scap_strbuf_append(sb, "<NA>");
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
			scap_strbuf_appendf(sb, "%" PRId64, x);
		break;
	case PT_SYSCALLID:
		name = syscall_name(scap_evt_param_u16(v, i));
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
	case PT_FLAGS32:
		/* sysdig prints the number in decimal here, whatever the format. */
		bits = scap_evt_param_u32(v, i);
		scap_strbuf_appendf(sb, "%" PRIu32, bits);
		if (flags_have_name(pi->info, bits)) {
			scap_strbuf_append_char(sb, '(');
						append_flag_names(sb, pi->info, bits);
						scap_strbuf_append_char(sb, ')');
		}
		break;
	case PT_CHARBUF:
	case PT_FSPATH:
	case PT_FSRELPATH:
		append_printable(sb, p->val, param_strlen(p), false);
		break;
	case PT_SOCKADDR:
		sockaddr_to_text(sb, p, PATH_TEXT);
		break;
	case PT_SOCKTUPLE:
		socktuple_to_text(sb, p, PATH_TEXT);
		break;
	case PT_BYTEBUF:
		n = p->len;
		if (max_data && n > max_data)
			n = max_data;
		append_printable(sb, p->val, n, true);
		break;
	default:
		if (scap_param_type_size(pi->type))
			text_integer(sb, v, i);
		else	/* a type the schema should not use: show its bytes safely */
			append_printable(sb, p->val, p->len, true);
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
	switch (pi->type) {
	case PT_SYSCALLID:
		/* Always a string; an ID with no name is its number as a string. */
		name = syscall_name(scap_evt_param_u16(v, i));
		if (name)
			scap_json_append_string(sb, (const uint8_t *)name, strlen(name));
		else
			scap_strbuf_appendf(sb, "\"%u\"", scap_evt_param_u16(v, i));
		break;
	case PT_FLAGS32:
		/* Flag names are C identifiers and hex digits: nothing to escape. */
		scap_strbuf_append_char(sb, '"');
		append_flag_names(sb, pi->info, scap_evt_param_u32(v, i));
		scap_strbuf_append_char(sb, '"');
		break;
	case PT_CHARBUF:
	case PT_FSPATH:
	case PT_FSRELPATH:
		scap_json_append_string(sb, p->val, param_strlen(p));
		break;
	case PT_SOCKADDR:
		scap_strbuf_append_char(sb, '"');
		sockaddr_to_text(sb, p, PATH_JSON);
		scap_strbuf_append_char(sb, '"');
		break;
	case PT_SOCKTUPLE:
		scap_strbuf_append_char(sb, '"');
		socktuple_to_text(sb, p, PATH_JSON);
		scap_strbuf_append_char(sb, '"');
		break;
	case PT_BYTEBUF:
		json_append_bytebuf(sb, p->val, p->len);
		break;
	default:
		if (scap_param_type_size(pi->type) == 0) {
			/* a type the schema should not use: its bytes, safely */
			json_append_bytebuf(sb, p->val, p->len);
			break;
		}
		/* Every other type is an integer: JSON numbers are decimal. */
		read_integer(v, i, &u, &s);
		if (is_signed_type(pi->type))
			scap_strbuf_appendf(sb, "%" PRId64, s);
		else
			scap_strbuf_appendf(sb, "%" PRIu64, u);
		break;
	}
}

/* ---- 5. entry points ----------------------------------------------------- */

void scap_format_params_text(struct scap_strbuf *sb, const struct scap_evt_view *v,
			     uint32_t max_data)
{
	uint32_t i;

	for (i = 0; i < v->nparams; i++) {
		scap_strbuf_appendf(sb, "%s%.*s=", i ? " " : "", PPM_MAX_NAME_LEN,
				    v->info->params[i].name);
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
