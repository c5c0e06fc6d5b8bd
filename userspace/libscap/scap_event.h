/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The event decoder: checks that a buffer holds one well-formed event and
 * finds its parameters, using nothing but the schema table (g_event_info).
 *
 *   struct scap_evt_view v;
 *   char err[SCAP_LASTERR_SIZE];
 *
 *   if (scap_event_decode(buf, buflen, &v, err, sizeof(err)) != SCAP_SUCCESS)
 *           fprintf(stderr, "bad event: %s\n", err);
 *   else
 *           fd = scap_evt_param_s64(&v, 0);    // parameter 1 of the schema
 *
 * The event bytes are not copied: the view points into buf, so it is valid
 * only while buf is. Every check is done once, in scap_event_decode, so
 * that code reading a decoded view never has to check a length again.
 *
 * Parameter indexes in this API count from 0 (params[0] is the schema's
 * "Parameter 1"); error messages count from 1, like the schema comments.
 */
#ifndef SCAPLAB_SCAP_EVENT_H
#define SCAPLAB_SCAP_EVENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ppm_events_public.h"
#include "scap.h"

/* One parameter: its bytes inside the event. len 0: absent (not collected). */
struct scap_evt_param {
	const uint8_t *val;
	uint16_t len;
};

/* A decoded event. */
struct scap_evt_view {
	const struct ppm_evt_hdr *hdr;		/* the header, inside the caller's buffer */
	const struct ppm_event_info *info;	/* its schema: &g_event_info[hdr->type] */
	uint32_t nparams;			/* == info->nparams */
	struct scap_evt_param params[PPM_MAX_EVENT_PARAMS];
};

/*
 * Decode the event at the start of buf, of which buflen bytes may be read
 * (buf may hold more events after this one).
 * Checks that the header fits and its len fits in buflen, the type is one
 * the schema knows, nparams is the schema's, the length array and every
 * parameter lie inside the event and fill it exactly, each fixed-size
 * parameter has its type's size (or 0, absent), each string ends in a NUL,
 * and each socket address has the size of its family.
 * Returns SCAP_SUCCESS and fills view, or SCAP_FAILURE and writes a
 * one-line reason into err (if err is not NULL); the view is then partly
 * written and must not be used. Never reads outside buf[0..buflen).
 */
int32_t scap_event_decode(const void *buf, size_t buflen, struct scap_evt_view *view,
			  char *err, size_t errlen);

/* The bytes a parameter of this type always has, or 0 if it varies. */
uint32_t scap_param_type_size(enum ppm_param_type type);

/* "PT_FD" for PT_FD: the name of a parameter type, for messages. */
const char *scap_param_type_name(enum ppm_param_type type);

/* Is parameter idx absent (length 0) or beyond the event's parameters? */
bool scap_evt_param_is_absent(const struct scap_evt_view *v, uint32_t idx);

/*
 * Typed readers of parameter idx. The bytes are copied out with memcpy,
 * because parameters sit at any offset and a direct load could be
 * misaligned. Each returns 0 if the parameter is absent, beyond the event,
 * or not exactly as wide as the type read: check scap_evt_param_is_absent
 * first where 0 is a meaningful value.
 */
int64_t scap_evt_param_s64(const struct scap_evt_view *v, uint32_t idx);
uint64_t scap_evt_param_u64(const struct scap_evt_view *v, uint32_t idx);
uint32_t scap_evt_param_u32(const struct scap_evt_view *v, uint32_t idx);
uint16_t scap_evt_param_u16(const struct scap_evt_view *v, uint32_t idx);
uint8_t scap_evt_param_u8(const struct scap_evt_view *v, uint32_t idx);

/*
 * A string parameter (PT_CHARBUF, PT_FSPATH, PT_FSRELPATH) as a C string,
 * or NULL if it is absent or its last byte is not a NUL.
 */
const char *scap_evt_param_str(const struct scap_evt_view *v, uint32_t idx);

#endif /* SCAPLAB_SCAP_EVENT_H */
