// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The event decoder (see scap_event.h): the only code in userspace that
 * looks at raw event bytes without knowing they are sound.
 *
 * Events come from a driver, which may have a bug, or from a capture file,
 * which may be truncated or corrupt, so every length is checked before it
 * is used, against the schema table and against the bytes really there.
 * A bad event gets a message naming what is wrong and where, never a crash.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ppm_flags.h"
#include "scap_event.h"

/* Write a one-line reason into err and return SCAP_FAILURE. */
static int32_t fail(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int32_t fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err && errlen) {
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return SCAP_FAILURE;
}

uint32_t scap_param_type_size(enum ppm_param_type type)
{
	switch (type) {
	case PT_INT8:
	case PT_UINT8:
	case PT_SIGTYPE:
		return 1;
	case PT_INT16:
	case PT_UINT16:
	case PT_SYSCALLID:
		return 2;
	case PT_INT32:
	case PT_UINT32:
	case PT_FLAGS32:
	case PT_UID:
	case PT_GID:
		return 4;
	case PT_INT64:
	case PT_UINT64:
	case PT_ERRNO:
	case PT_FD:
	case PT_PID:
		return 8;
	default:
		/* Strings, byte buffers, socket addresses: the length array says. */
		return 0;
	}
}

const char *scap_param_type_name(enum ppm_param_type type)
{
	switch (type) {
	case PT_NONE: return "PT_NONE";
	case PT_INT8: return "PT_INT8";
	case PT_INT16: return "PT_INT16";
	case PT_INT32: return "PT_INT32";
	case PT_INT64: return "PT_INT64";
	case PT_UINT8: return "PT_UINT8";
	case PT_UINT16: return "PT_UINT16";
	case PT_UINT32: return "PT_UINT32";
	case PT_UINT64: return "PT_UINT64";
	case PT_CHARBUF: return "PT_CHARBUF";
	case PT_BYTEBUF: return "PT_BYTEBUF";
	case PT_ERRNO: return "PT_ERRNO";
	case PT_SOCKADDR: return "PT_SOCKADDR";
	case PT_SOCKTUPLE: return "PT_SOCKTUPLE";
	case PT_FD: return "PT_FD";
	case PT_PID: return "PT_PID";
	case PT_FSPATH: return "PT_FSPATH";
	case PT_SYSCALLID: return "PT_SYSCALLID";
	case PT_SIGTYPE: return "PT_SIGTYPE";
	case PT_FLAGS32: return "PT_FLAGS32";
	case PT_UID: return "PT_UID";
	case PT_GID: return "PT_GID";
	case PT_FSRELPATH: return "PT_FSRELPATH";
	default: return "PT_?";
	}
}

/*
 * The size a socket address must have, by parameter type and family byte
 * (the layout Falco's drivers write; all integers in the machine's order,
 * addresses in network order):
 *   PT_SOCKADDR   AF_INET   family, ip[4], port u16                  = 7
 *                 AF_INET6  family, ip[16], port u16                 = 19
 *                 AF_UNIX   family, path + NUL                       >= 2
 *   PT_SOCKTUPLE  AF_INET   family, sip[4], sport, dip[4], dport     = 13
 *                 AF_INET6  family, sip[16], sport, dip[16], dport   = 37
 *                 AF_UNIX   family, src u64, dst u64, path + NUL     >= 18
 * Sets *at_least for AF_UNIX, whose path varies. Returns 0 for any other
 * family: the drivers write only the family byte then, and so any size
 * is accepted.
 */
static uint32_t sockaddr_size(enum ppm_param_type type, uint8_t family, bool *at_least)
{
	bool tuple = type == PT_SOCKTUPLE;

	*at_least = false;
	switch (family) {
	case PPM_AF_INET:
		return tuple ? 1 + 4 + 2 + 4 + 2 : 1 + 4 + 2;
	case PPM_AF_INET6:
		return tuple ? 1 + 16 + 2 + 16 + 2 : 1 + 16 + 2;
	case PPM_AF_UNIX:
		*at_least = true;
		return tuple ? 1 + 8 + 8 + 1 : 1 + 1;
	default:
		return 0;
	}
}

/* The name of a family sockaddr_size() knows, for messages. */
static const char *family_name(uint8_t family)
{
	switch (family) {
	case PPM_AF_INET: return "AF_INET";
	case PPM_AF_INET6: return "AF_INET6";
	case PPM_AF_UNIX: return "AF_UNIX";
	default: return "AF_?";
	}
}

static bool is_string_type(enum ppm_param_type type)
{
	return type == PT_CHARBUF || type == PT_FSPATH || type == PT_FSRELPATH;
}

/*
 * Check one present parameter's bytes against its type: fixed-size types
 * have their exact size, strings end in a NUL (so readers may use them as
 * C strings), socket addresses have their family's size.
 * name is the event's name with its direction, e.g. "openat_x".
 */
static int32_t check_param(const char *name, uint32_t i, const struct ppm_param_info *pi,
			   const struct scap_evt_param *p, char *err, size_t errlen)
{
	uint32_t size = scap_param_type_size(pi->type);
	bool at_least;

	if (size && p->len != size)
		return fail(err, errlen, "param %u (%s) of %s is %u bytes, type %s needs %u",
			    i + 1, pi->name, name, p->len, scap_param_type_name(pi->type), size);

	if (is_string_type(pi->type) && p->val[p->len - 1] != '\0')
		return fail(err, errlen, "param %u (%s) of %s is not NUL-terminated",
			    i + 1, pi->name, name);

	if (pi->type == PT_SOCKADDR || pi->type == PT_SOCKTUPLE) {
		const char *what = pi->type == PT_SOCKTUPLE ? "socktuple" : "sockaddr";
		uint8_t family = p->val[0];

		size = sockaddr_size(pi->type, family, &at_least);
		if (size && !at_least && p->len != size)
			return fail(err, errlen,
				    "param %u (%s) of %s is %u bytes, an %s %s needs %u",
				    i + 1, pi->name, name, p->len, family_name(family), what,
				    size);
		if (size && at_least && p->len < size)
			return fail(err, errlen,
				    "param %u (%s) of %s is %u bytes, an %s %s needs at least %u",
				    i + 1, pi->name, name, p->len, family_name(family), what,
				    size);
		if (at_least && p->val[p->len - 1] != '\0')
			return fail(err, errlen,
				    "param %u (%s) of %s: the %s path is not NUL-terminated",
				    i + 1, pi->name, name, family_name(family));
	}
	return SCAP_SUCCESS;
}

int32_t scap_event_decode(const void *buf, size_t buflen, struct scap_evt_view *view,
			  char *err, size_t errlen)
{
	const uint8_t *bytes = buf;
	const struct ppm_event_info *info;
	struct ppm_evt_hdr hdr;
	char name[PPM_MAX_NAME_LEN + 3];
	uint32_t i, off;

	if (!buf || buflen < PPM_EVT_HDR_SIZE)
		return fail(err, errlen, "only %zu bytes, an event header needs %d",
			    buf ? buflen : 0, PPM_EVT_HDR_SIZE);

	/* A copy, so the fields can be read whatever the buffer's alignment. */
	memcpy(&hdr, bytes, sizeof(hdr));
	if (hdr.len < PPM_EVT_HDR_SIZE)
		return fail(err, errlen, "header says %u bytes, less than the header itself (%d)",
			    hdr.len, PPM_EVT_HDR_SIZE);
	if (hdr.len > buflen)
		return fail(err, errlen, "header says %u bytes but only %zu remain",
			    hdr.len, buflen);

	/* Codes scaplab does not emit are in the table too, with name "". */
	if (hdr.type >= PPM_EVENT_MAX || g_event_info[hdr.type].name[0] == '\0')
		return fail(err, errlen, "event type %u is unknown", hdr.type);
	info = &g_event_info[hdr.type];
	snprintf(name, sizeof(name), "%.*s_%c", PPM_MAX_NAME_LEN, info->name,
		 PPME_IS_ENTER(hdr.type) ? 'e' : 'x');

	/* Checked before any use as a count: nparams comes from the buffer. */
	if (hdr.nparams != info->nparams)
		return fail(err, errlen, "nparams %u but the schema of %s has %u",
			    hdr.nparams, name, info->nparams);

	/* The length array; nparams <= PPM_MAX_EVENT_PARAMS, so this cannot wrap. */
	off = PPM_EVT_HDR_SIZE + hdr.nparams * PPM_PARAM_LEN_SIZE;
	if (off > hdr.len)
		return fail(err, errlen,
			    "%s: the length array ends at byte %u, past the event's %u bytes",
			    name, off, hdr.len);

	for (i = 0; i < hdr.nparams; i++) {
		struct scap_evt_param *p = &view->params[i];
		uint16_t len;

		memcpy(&len, bytes + PPM_EVT_HDR_SIZE + i * PPM_PARAM_LEN_SIZE, sizeof(len));
		/* off <= hdr.len here, so hdr.len - off cannot wrap. */
		if (len > hdr.len - off)
			return fail(err, errlen,
				    "%s: param %u (%s) is %u bytes past the end of the event",
				    name, i + 1, info->params[i].name, len - (hdr.len - off));
		p->val = bytes + off;
		p->len = len;
		off += len;

		/* Length 0 is an absent parameter, whatever its type. */
		if (len && check_param(name, i, &info->params[i], p, err, errlen))
			return SCAP_FAILURE;
	}
	if (off != hdr.len)
		return fail(err, errlen, "%s: the params end at byte %u but the header says %u",
			    name, off, hdr.len);

	view->hdr = (const struct ppm_evt_hdr *)bytes;
	view->info = info;
	view->nparams = hdr.nparams;
	return SCAP_SUCCESS;
}

bool scap_evt_param_is_absent(const struct scap_evt_view *v, uint32_t idx)
{
	return idx >= v->nparams || v->params[idx].len == 0;
}

/*
 * Copy parameter idx into out if it is exactly size bytes wide; otherwise
 * leave out as it is (the callers set it to 0).
 */
static void read_fixed(const struct scap_evt_view *v, uint32_t idx, void *out, size_t size)
{
	if (idx < v->nparams && v->params[idx].len == size)
		memcpy(out, v->params[idx].val, size);
}

int64_t scap_evt_param_s64(const struct scap_evt_view *v, uint32_t idx)
{
	int64_t x = 0;

	read_fixed(v, idx, &x, sizeof(x));
	return x;
}

uint64_t scap_evt_param_u64(const struct scap_evt_view *v, uint32_t idx)
{
	uint64_t x = 0;

	read_fixed(v, idx, &x, sizeof(x));
	return x;
}

uint32_t scap_evt_param_u32(const struct scap_evt_view *v, uint32_t idx)
{
	uint32_t x = 0;

	read_fixed(v, idx, &x, sizeof(x));
	return x;
}

uint16_t scap_evt_param_u16(const struct scap_evt_view *v, uint32_t idx)
{
	uint16_t x = 0;

	read_fixed(v, idx, &x, sizeof(x));
	return x;
}

uint8_t scap_evt_param_u8(const struct scap_evt_view *v, uint32_t idx)
{
	uint8_t x = 0;

	read_fixed(v, idx, &x, sizeof(x));
	return x;
}

const char *scap_evt_param_str(const struct scap_evt_view *v, uint32_t idx)
{
	const struct scap_evt_param *p;

	if (scap_evt_param_is_absent(v, idx))
		return NULL;
	p = &v->params[idx];
	if (p->val[p->len - 1] != '\0')
		return NULL;
	return (const char *)p->val;
}
