// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* See scap_event_raw.h. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "scap_escape.h"
#include "scap_event_raw.h"

__attribute__((format(printf, 3, 4)))
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

int32_t scap_event_decode_raw(const void *buf, size_t buflen, struct scap_evt_view *view,
			      char *err, size_t errlen)
{
	const uint8_t *bytes = buf;
	struct ppm_evt_hdr hdr;
	uint32_t off;

	if (!bytes || buflen < PPM_EVT_HDR_SIZE)
		return fail(err, errlen, "only %zu bytes, an event header needs %d",
			    bytes ? buflen : 0, PPM_EVT_HDR_SIZE);
	memcpy(&hdr, bytes, sizeof(hdr));
	if (hdr.len < PPM_EVT_HDR_SIZE || hdr.len > buflen)
		return fail(err, errlen, "header says %u bytes, the buffer holds %zu", hdr.len,
			    buflen);
	/* The view holds at most this many; checked before nparams is used as a count. */
	if (hdr.nparams > PPM_MAX_EVENT_PARAMS)
		return fail(err, errlen, "event type %u has %u params, more than %d", hdr.type,
			    hdr.nparams, PPM_MAX_EVENT_PARAMS);
	off = PPM_EVT_HDR_SIZE + hdr.nparams * PPM_PARAM_LEN_SIZE;
	if (off > hdr.len)
		return fail(err, errlen, "event type %u: the length array ends at byte %u, past "
			    "its %u bytes", hdr.type, off, hdr.len);
	for (uint32_t i = 0; i < hdr.nparams; i++) {
		uint16_t len;

		memcpy(&len, bytes + PPM_EVT_HDR_SIZE + i * PPM_PARAM_LEN_SIZE, sizeof(len));
		if (len > hdr.len - off)
			return fail(err, errlen, "event type %u: param %u is %u bytes past its end",
				    hdr.type, i + 1, len - (hdr.len - off));
		view->params[i].val = bytes + off;
		view->params[i].len = len;
		off += len;
	}
	if (off != hdr.len)
		return fail(err, errlen, "event type %u: the params end at byte %u but the header "
			    "says %u", hdr.type, off, hdr.len);
	view->hdr = (const struct ppm_evt_hdr *)bytes;
	view->info = NULL;
	view->nparams = hdr.nparams;
	return SCAP_SUCCESS;
}

/* A C string: printable bytes then one NUL, the last byte. */
static bool looks_like_string(const struct scap_evt_param *p)
{
	if (p->len < 2 || p->val[p->len - 1] != '\0')
		return false;
	for (uint32_t i = 0; i + 1 < p->len; i++) {
		if (p->val[i] < 0x20 || p->val[i] == 0x7f)
			return false;
	}
	return true;
}

/*
 * 1, 2 or 4 bytes are a number even when they could pass for a string: a
 * u16 syscall number of 39 is the bytes "'" and NUL. 8 bytes may be either
 * ("/bin/sh" and its NUL): the string test decides.
 */
static bool looks_like_number(const struct scap_evt_param *p)
{
	return p->len == 1 || p->len == 2 || p->len == 4;
}

/* An integer-sized param as a number, into *text; false if it is not one. */
static bool raw_number(const struct scap_evt_param *p, char *text, size_t size)
{
	uint32_t u32 = 0;
	uint16_t u16 = 0;
	int64_t s64;

	switch (p->len) {
	case 1:
		snprintf(text, size, "%u", p->val[0]);
		return true;
	case 2:
		memcpy(&u16, p->val, 2);
		snprintf(text, size, "%u", u16);
		return true;
	case 4:
		memcpy(&u32, p->val, 4);
		snprintf(text, size, "%" PRIu32, u32);
		return true;
	case 8:
		memcpy(&s64, p->val, 8);
		snprintf(text, size, "%" PRId64, s64);
		return true;
	default:
		return false;
	}
}

void scap_format_raw_text(struct scap_strbuf *sb, const struct scap_evt_view *v,
			  uint32_t max_data)
{
	char num[24];

	scap_strbuf_appendf(sb, "type=%u", v->hdr->type);
	for (uint32_t i = 0; i < v->nparams; i++) {
		const struct scap_evt_param *p = &v->params[i];
		size_t n = p->len;

		scap_strbuf_appendf(sb, " param%u=", i + 1);
		if (p->len == 0) {
			scap_strbuf_append(sb, "<NA>");
		} else if (looks_like_number(p) && raw_number(p, num, sizeof(num))) {
			scap_strbuf_append(sb, num);
		} else if (looks_like_string(p)) {
			scap_text_append_string(sb, p->val, p->len - 1);
		} else if (raw_number(p, num, sizeof(num))) {
			scap_strbuf_append(sb, num);
		} else {
			if (max_data && n > max_data)
				n = max_data;
			scap_text_append_data(sb, p->val, n);
		}
	}
}

void scap_format_raw_json(struct scap_strbuf *sb, const struct scap_evt_view *v)
{
	char num[24];

	scap_strbuf_appendf(sb, "{\"type\":%u", v->hdr->type);
	for (uint32_t i = 0; i < v->nparams; i++) {
		const struct scap_evt_param *p = &v->params[i];

		scap_strbuf_appendf(sb, ",\"param%u\":", i + 1);
		if (p->len == 0)
			scap_strbuf_append(sb, "null");
		else if (looks_like_number(p) && raw_number(p, num, sizeof(num)))
			scap_strbuf_append(sb, num);
		else if (looks_like_string(p))
			scap_json_append_string(sb, p->val, p->len - 1);
		else if (raw_number(p, num, sizeof(num)))
			scap_strbuf_append(sb, num);
		else
			scap_json_append_data(sb, p->val, p->len);
	}
	scap_strbuf_append_char(sb, '}');
}
