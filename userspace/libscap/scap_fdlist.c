// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* See scap_fdlist.h: PT_FDLIST as text and JSON. */
#include <inttypes.h>
#include <string.h>

#include "flags_table.h"
#include "scap_fdlist.h"
#include "scap_format.h"

static uint16_t count_of(const struct scap_evt_param *p)
{
	uint16_t n;

	memcpy(&n, p->val, sizeof(n));
	return n;
}

/* Entry i's fd and flags; the params are packed, so read byte-wise. */
static void entry(const struct scap_evt_param *p, uint16_t i, int64_t *fd, uint16_t *flags)
{
	const uint8_t *e = p->val + 2 + (size_t)i * SCAP_FDLIST_ENTRY;

	memcpy(fd, e, sizeof(*fd));
	memcpy(flags, e + 8, sizeof(*flags));
}

bool scap_fdlist_is_valid(const struct scap_evt_param *p)
{
	return p->len >= 2 && p->len == 2 + (uint32_t)count_of(p) * SCAP_FDLIST_ENTRY;
}

void scap_fdlist_to_text(struct scap_strbuf *sb, const struct scap_evt_param *p,
			 scap_fd_type_fn type_of, void *ctx)
{
	uint16_t n = count_of(p), flags;
	int64_t fd;

	for (uint16_t i = 0; i < n; i++) {
		entry(p, i, &fd, &flags);
		scap_strbuf_appendf(sb, "%s%" PRId64 ":%c%" PRIx16, i ? " " : "", fd,
				    type_of ? type_of(fd, ctx) : '?', flags);
	}
}

void scap_fdlist_to_json(struct scap_strbuf *sb, const struct scap_evt_param *p)
{
	uint16_t n = count_of(p), flags;
	int64_t fd;

	scap_strbuf_append_char(sb, '[');
	for (uint16_t i = 0; i < n; i++) {
		entry(p, i, &fd, &flags);
		scap_strbuf_appendf(sb, "%s{\"fd\":%" PRId64 ",\"flags\":\"", i ? "," : "", fd);
		scap_append_flag_names(sb, poll_flags, flags);
		scap_strbuf_append(sb, "\"}");
	}
	scap_strbuf_append_char(sb, ']');
}
