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
#include "scap_fdlist.h"
#include "scap_schema.h"

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
	return ppm_param_type_size(type);
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
	case PT_FDLIST: return "PT_FDLIST";
	case PT_FSPATH: return "PT_FSPATH";
	case PT_SYSCALLID: return "PT_SYSCALLID";
	case PT_SIGTYPE: return "PT_SIGTYPE";
	case PT_RELTIME: return "PT_RELTIME";
	case PT_DYN: return "PT_DYN";
	case PT_FLAGS8: return "PT_FLAGS8";
	case PT_FLAGS16: return "PT_FLAGS16";
	case PT_FLAGS32: return "PT_FLAGS32";
	case PT_SIGSET: return "PT_SIGSET";
	case PT_MODE: return "PT_MODE";
	case PT_UID: return "PT_UID";
	case PT_GID: return "PT_GID";
	case PT_FSRELPATH: return "PT_FSRELPATH";
	default: return "PT_?";
	}
}

/* The name of a family scap_sockaddr_size() knows, for messages. */
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
 * Check a present parameter's contents, for the types whose size alone
 * says too little: strings end in a NUL (so readers may use them as C
 * strings), socket addresses have their family's size. The size of the
 * fixed-size types is checked by decode_params, before this.
 * name is the event's name with its direction, e.g. "openat_x".
 */
static int32_t check_contents(const char *name, uint32_t i, const struct ppm_param_info *pi,
			      const struct scap_evt_param *p, char *err, size_t errlen)
{
	uint32_t size;
	bool at_least;

	if (is_string_type(pi->type) && p->val[p->len - 1] != '\0')
		return fail(err, errlen, "param %u (%s) of %s is not NUL-terminated",
			    i + 1, pi->name, name);

	if (pi->type == PT_DYN) {
		const struct ppm_param_info *sub = pi->info;

		if (!sub || p->val[0] >= pi->ninfo)
			return fail(err, errlen, "param %u (%s) of %s names type %u, of %u",
				    i + 1, pi->name, name, p->val[0], pi->ninfo);
		size = scap_param_type_size(sub[p->val[0]].type);
		if (p->len > 1 && size && p->len - 1U != size)
			return fail(err, errlen, "param %u (%s) of %s is 1 + %u bytes, type %s needs %u",
				    i + 1, pi->name, name, p->len - 1,
				    scap_param_type_name(sub[p->val[0]].type), size);
	}

	if (pi->type == PT_FDLIST && !scap_fdlist_is_valid(p))
		return fail(err, errlen, "param %u (%s) of %s is %u bytes, not 2 + 10 per fd",
			    i + 1, pi->name, name, p->len);

	if (pi->type == PT_SOCKADDR || pi->type == PT_SOCKTUPLE) {
		const char *what = pi->type == PT_SOCKTUPLE ? "socktuple" : "sockaddr";
		uint8_t family = p->val[0];

		size = scap_sockaddr_size(pi->type, family, &at_least);
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

/* Room for "openat_x": a schema name, "_e" or "_x", and the NUL. */
#define EVT_NAME_SIZE (PPM_MAX_NAME_LEN + 3)

/*
 * Write the name of a known event type with its direction, e.g. "openat_x".
 * Done for every event, so by hand: snprintf here took about a third of
 * scap-open's time per event (perf record, scap-open -q).
 */
static void event_name(uint16_t type, char name[EVT_NAME_SIZE])
{
	size_t n = strnlen(g_event_info[type].name, PPM_MAX_NAME_LEN);

	memcpy(name, g_event_info[type].name, n);
	name[n] = '_';
	name[n + 1] = PPME_IS_ENTER(type) ? 'e' : 'x';
	name[n + 2] = '\0';
}

/*
 * Step 1: copy the header out of bytes into *hdr and check it: buflen holds
 * a whole header, hdr->len is at least a header and at most buflen, the
 * type is one the schema knows, and nparams is that schema's count.
 * After this, hdr->len bytes may be read and g_event_info[hdr->type] used.
 */
static int32_t decode_header(const uint8_t *bytes, size_t buflen, struct ppm_evt_hdr *hdr,
			     char *err, size_t errlen)
{
	/* LAB 01.1 BEGIN: copy the header into *hdr; check its size, len, type and nparams */
	char name[EVT_NAME_SIZE];

	if (!bytes || buflen < PPM_EVT_HDR_SIZE)
		return fail(err, errlen, "only %zu bytes, an event header needs %d",
			    bytes ? buflen : 0, PPM_EVT_HDR_SIZE);

	/* A copy, so the fields can be read whatever the buffer's alignment. */
	memcpy(hdr, bytes, sizeof(*hdr));
	if (hdr->len < PPM_EVT_HDR_SIZE)
		return fail(err, errlen, "header says %u bytes, less than the header itself (%d)",
			    hdr->len, PPM_EVT_HDR_SIZE);
	if (hdr->len > buflen)
		return fail(err, errlen, "header says %u bytes but only %zu remain",
			    hdr->len, buflen);

	/* Codes scaplab does not emit are in the table too, with name "". */
	if (hdr->type >= PPM_EVENT_MAX || g_event_info[hdr->type].name[0] == '\0')
		return fail(err, errlen, "event type %u is unknown", hdr->type);

	/* nparams comes from the buffer: checked here, before any use as a count. */
	if (hdr->nparams != g_event_info[hdr->type].nparams) {
		event_name(hdr->type, name);
		return fail(err, errlen, "nparams %u but the schema of %s has %u",
			    hdr->nparams, name, g_event_info[hdr->type].nparams);
	}
	return SCAP_SUCCESS;
	/* LAB 01.1 STARTER: (void)bytes; */
	/* LAB 01.1 STARTER: (void)buflen; */
	/* LAB 01.1 STARTER: (void)hdr; */
	/* LAB 01.1 STARTER: return fail(err, errlen, "TODO 01.1: check the header (decode_header in scap_event.c)"); */
	/* LAB 01.1 END */
}

/*
 * Step 2: read the length array that follows the header (hdr checked by
 * decode_header) into params[i].len. The array must end inside the event,
 * and the lengths must fill the rest of it exactly: each one fits in what
 * is left, and together they end at byte hdr->len.
 */
static int32_t decode_lengths(const uint8_t *bytes, const struct ppm_evt_hdr *hdr,
			      const char *name, struct scap_evt_param *params,
			      char *err, size_t errlen)
{
	/* LAB 01.2 BEGIN: read the nparams u16 lengths into params[i].len; they must fill the event */
	const struct ppm_event_info *info = &g_event_info[hdr->type];
	/* nparams is the schema's, at most PPM_MAX_EVENT_PARAMS: this cannot wrap. */
	uint32_t off = PPM_EVT_HDR_SIZE + hdr->nparams * PPM_PARAM_LEN_SIZE;
	uint32_t i;

	if (off > hdr->len)
		return fail(err, errlen,
			    "%s: the length array ends at byte %u, past the event's %u bytes",
			    name, off, hdr->len);

	for (i = 0; i < hdr->nparams; i++) {
		uint16_t len;

		/* memcpy: the array starts at byte 26, so its u16s are misaligned. */
		memcpy(&len, bytes + PPM_EVT_HDR_SIZE + i * PPM_PARAM_LEN_SIZE, sizeof(len));
		/* off <= hdr->len here, so hdr->len - off cannot wrap. */
		if (len > hdr->len - off)
			return fail(err, errlen,
				    "%s: param %u (%s) is %u bytes past the end of the event",
				    name, i + 1, info->params[i].name, len - (hdr->len - off));
		params[i].len = len;
		off += len;
	}
	if (off != hdr->len)
		return fail(err, errlen, "%s: the params end at byte %u but the header says %u",
			    name, off, hdr->len);
	return SCAP_SUCCESS;
	/* LAB 01.2 STARTER: (void)bytes; */
	/* LAB 01.2 STARTER: (void)name; */
	/* LAB 01.2 STARTER: (void)params; */
	/* LAB 01.2 STARTER: (void)hdr; */
	/* LAB 01.2 STARTER: return fail(err, errlen, "TODO 01.2: read the length array (decode_lengths in scap_event.c)"); */
	/* LAB 01.2 END */
}

/*
 * Step 3: point each params[i].val at its bytes (the lengths are read by
 * decode_lengths: the params follow the length array back to back, each
 * params[i].len bytes), and check each present one against its schema
 * type: a fixed-size type has exactly scap_param_type_size() bytes, and
 * check_contents() accepts it. A param of length 0 is absent: it is
 * accepted whatever its type, and its val is not read.
 */
static int32_t decode_params(const uint8_t *bytes, const struct ppm_evt_hdr *hdr,
			     const char *name, struct scap_evt_param *params,
			     char *err, size_t errlen)
{
	/* LAB 01.3 BEGIN: point params[i].val at each param's bytes; check each present one's size */
	const struct ppm_event_info *info = &g_event_info[hdr->type];
	uint32_t off = PPM_EVT_HDR_SIZE + hdr->nparams * PPM_PARAM_LEN_SIZE;
	uint32_t i;

	for (i = 0; i < hdr->nparams; i++) {
		struct scap_evt_param *p = &params[i];
		const struct ppm_param_info *pi = &info->params[i];
		uint32_t size = scap_param_type_size(pi->type);

		p->val = bytes + off;
		off += p->len;
		if (p->len == 0)
			continue;
		if (size && p->len != size)
			return fail(err, errlen, "param %u (%s) of %s is %u bytes, type %s needs %u",
				    i + 1, pi->name, name, p->len, scap_param_type_name(pi->type),
				    size);
		if (check_contents(name, i, pi, p, err, errlen))
			return SCAP_FAILURE;
	}
	return SCAP_SUCCESS;
	/* LAB 01.3 STARTER: (void)bytes; */
	/* LAB 01.3 STARTER: (void)name; */
	/* LAB 01.3 STARTER: (void)params; */
	/* LAB 01.3 STARTER: (void)check_contents;	// call it for each present param, after the size check */
	/* LAB 01.3 STARTER: if (hdr->nparams == 0) */
	/* LAB 01.3 STARTER: 	return SCAP_SUCCESS;	// no params: nothing to point at */
	/* LAB 01.3 STARTER: return fail(err, errlen, "TODO 01.3: point at the params and check them (decode_params in scap_event.c)"); */
	/* LAB 01.3 END */
}

/* The three steps, in order: each may rely on what the one before checked. */
int32_t scap_event_decode(const void *buf, size_t buflen, struct scap_evt_view *view,
			  char *err, size_t errlen)
{
	const uint8_t *bytes = buf;
	/* Zeroed only for the compiler, which cannot see that fail() returns SCAP_FAILURE. */
	struct ppm_evt_hdr hdr = { 0 };
	char name[EVT_NAME_SIZE];

	if (decode_header(bytes, buflen, &hdr, err, errlen) != SCAP_SUCCESS)
		return SCAP_FAILURE;
	event_name(hdr.type, name);
	if (decode_lengths(bytes, &hdr, name, view->params, err, errlen) != SCAP_SUCCESS)
		return SCAP_FAILURE;
	if (decode_params(bytes, &hdr, name, view->params, err, errlen) != SCAP_SUCCESS)
		return SCAP_FAILURE;

	view->hdr = (const struct ppm_evt_hdr *)bytes;
	view->info = &g_event_info[hdr.type];
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
