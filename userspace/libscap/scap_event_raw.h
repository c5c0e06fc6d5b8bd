/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Events the schema cannot decode, shown raw.
 *
 * A capture file written by Falco's drivers holds events scaplab does not
 * emit (switch, brk, procinfo...) and events whose parameters changed
 * between versions (an older procexit has fewer). scap_event_decode()
 * rightly refuses them. This decoder checks only the layout every event
 * has (header, length array, params filling the event exactly) and gives a
 * view with info == NULL: its params have no names or types, so they are
 * printed by scap_format_raw_text/json, never by scap_format_params_*.
 *
 *   if (scap_event_decode(buf, len, &v, err, n) != SCAP_SUCCESS &&
 *       scap_event_decode_raw(buf, len, &v, err, n) != SCAP_SUCCESS)
 *           ...corrupt...
 */
#ifndef SCAPLAB_SCAP_EVENT_RAW_H
#define SCAPLAB_SCAP_EVENT_RAW_H

#include "scap_event.h"
#include "scap_strbuf.h"

/*
 * Decode buf's event by its layout alone. Never reads outside
 * buf[0..buflen). SCAP_SUCCESS and a view with info == NULL, or
 * SCAP_FAILURE and a one-line reason in err.
 */
int32_t scap_event_decode_raw(const void *buf, size_t buflen, struct scap_evt_view *view,
			      char *err, size_t errlen);

/* Was this view made by scap_event_decode_raw? */
static inline bool scap_evt_is_raw(const struct scap_evt_view *v)
{
	return v->info == NULL;
}

/*
 * "type=152 param1=17 param2=1 ...": the event's code, then each param
 * by its position. Without a schema a param's type is unknown, so it is
 * shown by its shape: 1, 2 or 4 bytes as an unsigned number, 8 bytes as a
 * signed one (Falco's 8-byte params are mostly s64 results, fds and pids),
 * a NUL-terminated run of printable bytes as a string, anything else as
 * data (at most max_data bytes, each unprintable one as '.'; 0: all).
 * Absent params (length 0) are <NA>.
 */
void scap_format_raw_text(struct scap_strbuf *sb, const struct scap_evt_view *v,
			  uint32_t max_data);

/* The same as a JSON object: {"type":152,"param1":17,...}; absent: null. */
void scap_format_raw_json(struct scap_strbuf *sb, const struct scap_evt_view *v);

#endif /* SCAPLAB_SCAP_EVENT_RAW_H */
