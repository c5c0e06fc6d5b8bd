// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* See output.h. */
#include <inttypes.h>
#include <string.h>
#include <time.h>
#include "output.h"
#include "scap_escape.h"
#include "scap_event_raw.h"
#include "scap_format.h"
#include "scap_schema.h"

/* sysdig prints this many bytes of I/O data in its default line. */
#define TEXT_MAX_DATA 80

static char direction(const struct scap_evt_view *evt)
{
	return PPME_IS_ENTER(evt->hdr->type) ? '>' : '<';
}

void output_text(struct scap_strbuf *sb, uint64_t num, uint16_t cpu, const struct sinsp_threadinfo *t,
		 const struct scap_evt_view *evt)
{
	const char *comm = t ? t->comm : "<NA>";
	time_t secs = evt->hdr->ts / 1000000000ULL;
	struct tm tm;
	char clock[16];

	localtime_r(&secs, &tm);
	strftime(clock, sizeof(clock), "%H:%M:%S", &tm);

	scap_strbuf_appendf(sb, "%" PRIu64 " %s.%09" PRIu64 " %u ", num, clock,
			    (uint64_t)(evt->hdr->ts % 1000000000ULL), cpu);
	/* Any process may name itself (prctl PR_SET_NAME): no escape reaches the terminal. */
	scap_text_append_string(sb, (const uint8_t *)comm, strlen(comm));
	scap_strbuf_appendf(sb, " (%" PRIu64 ") %c %s ", (uint64_t)evt->hdr->tid, direction(evt),
			    sinsp_event_name(t, evt));
	if (scap_evt_is_raw(evt))
		scap_format_raw_text(sb, evt, TEXT_MAX_DATA);
	else
		sinsp_format_params_text(sb, t, evt, TEXT_MAX_DATA);
	scap_strbuf_append(sb, "\n");
}

void output_json(struct scap_strbuf *sb, uint16_t cpu, const struct sinsp_threadinfo *t,
		 const struct scap_evt_view *evt)
{
	const char *comm = t ? t->comm : "<NA>";

	scap_strbuf_appendf(sb, "{\"ts\":%" PRIu64 ",\"cpu\":%u,\"tid\":%" PRIu64
			    ",\"pid\":%" PRId64 ",\"comm\":", (uint64_t)evt->hdr->ts, cpu,
			    (uint64_t)evt->hdr->tid, t ? t->pid : (int64_t)-1);
	scap_json_append_string(sb, (const uint8_t *)comm, strlen(comm));
	scap_strbuf_appendf(sb, ",\"dir\":\"%c\",\"name\":\"%s\",", direction(evt),
			    sinsp_event_name(t, evt));
	/* Params our schema does not describe: named by position, "raw". */
	scap_strbuf_append(sb, scap_evt_is_raw(evt) ? "\"raw\":true,\"params\":" : "\"params\":");
	if (scap_evt_is_raw(evt)) {
		scap_format_raw_json(sb, evt);
	} else {
		size_t mark;

		scap_format_params_json(sb, evt);
		/* What the state knows of the params (fd names, resolved paths), if anything. */
		mark = scap_strbuf_len(sb);
		scap_strbuf_append(sb, ",\"resolved\":");
		sinsp_format_resolved_json(sb, t, evt);
		if (!strcmp(scap_strbuf_str(sb) + scap_strbuf_len(sb) - 2, "{}"))
			scap_strbuf_truncate(sb, mark);
	}
	scap_strbuf_append(sb, "}\n");
}
