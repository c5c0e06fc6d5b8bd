// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * A field as a filter or a format names it (see filter_int.h): its name,
 * and for evt.arg, evt.rawarg and proc.aname, which param or ancestor:
 *
 *   proc.name   evt.arg.fd   evt.arg[0]   evt.rawarg.res   proc.aname[2]
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter_int.h"
#include "scap_escape.h"

static bool is_name_char(char c)
{
	return isalnum((unsigned char)c) || c == '.' || c == '_';
}

static int fail(struct sinsp_filter_error *err, uint32_t pos, const char *msg, size_t len,
		const char *name)
{
	snprintf(err->msg, sizeof(err->msg), msg, (int)len, name);
	err->pos = pos;
	return -1;
}

int field_ref_parse(const char *text, size_t *len, struct field_ref *ref,
		    struct sinsp_filter_error *err, uint32_t base)
{
	size_t n = 0, name_len;
	const struct filter_field *f;

	memset(ref, 0, sizeof(*ref));
	ref->index = -1;
	while (is_name_char(text[n]))
		n++;
	name_len = n;
	if (text[n] == '[') {
		char *end;
		long idx = strtol(text + n + 1, &end, 10);

		if (end == text + n + 1 || *end != ']' || idx < 0 || idx > 1000)
			return fail(err, base + n, "expected [N] after %.*s, N a number", name_len,
				    text);
		ref->index = (int32_t)idx;
		n = (size_t)(end + 1 - text);
	}
	*len = n;
	if (!name_len)
		return fail(err, base, "expected a field, got '%.*s'", strcspn(text, " ()"), text);
	f = filter_field_find(text, name_len);
	if (f) {
		if (f->has_arg && !f->multi && ref->index < 0)
			return fail(err, base, "%.*s needs a param: .NAME or [N]", name_len, text);
		if (!f->has_arg && ref->index >= 0)
			return fail(err, base, "%.*s takes no [N]", name_len, text);
		ref->field = f;
		return 0;
	}
	/* evt.arg.NAME: a field that takes an argument, then '.', then it. */
	for (uint32_t i = 0; i < g_filter_nfields; i++) {
		size_t fl = strlen(g_filter_fields[i].name);

		f = &g_filter_fields[i];
		if (f->has_arg && !f->multi && fl + 1 < name_len && !memcmp(text, f->name, fl) &&
		    text[fl] == '.' && ref->index < 0) {
			ref->field = f;
			ref->arg = strndup(text + fl + 1, name_len - fl - 1);
			if (!ref->arg)
				return fail(err, base, "out of memory%.*s", 0, "");
			return 0;
		}
	}
	return fail(err, base, "unknown field '%.*s' (scap-open --list-fields lists them)",
		    name_len, text);
}

void field_ref_free(struct field_ref *ref)
{
	free(ref->arg);
	ref->arg = NULL;
}

bool field_ref_read(const struct field_ref *ref, const struct sinsp_evt *e,
		    struct scap_strbuf *scratch, uint32_t n, struct field_value *out)
{
	struct field_ctx c = { .e = e, .arg = ref->arg, .index = ref->index, .scratch = scratch };

	scap_strbuf_reset(scratch);
	out->is_num = false;
	return ref->field->read(&c, n, out);
}

void field_value_to_text(struct scap_strbuf *sb, enum filter_type type,
			 const struct field_value *v)
{
	char ip[INET6_ADDRSTRLEN];

	if (v->is_num || type == FT_INT) {
		scap_strbuf_append_s64(sb, v->num);
	} else if (type == FT_BOOL) {
		scap_strbuf_append(sb, v->num ? "true" : "false");
	} else if (type == FT_IP) {
		if (!inet_ntop(v->ip_len == 4 ? AF_INET : AF_INET6, v->ip, ip, sizeof(ip)))
			strcpy(ip, "?");
		scap_strbuf_append(sb, ip);
	} else {
		/* Any process names its files and itself: nothing raw reaches a terminal. */
		scap_text_append_string(sb, (const uint8_t *)v->str, v->len);
	}
}
