// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Output formats, as sysdig's -p (see sinsp_filter.h):
 *
 *   "%evt.num %proc.name (%proc.pid) %evt.type %fd.name"
 *   -> "87 cat (4242) openat /etc/hostname"
 *
 * The text is compiled once into pieces: literal text, or a field.
 */
#include <stdlib.h>
#include <string.h>

#include "filter_int.h"
#include "scap_escape.h"

struct piece {
	const char *text;	/* literal, or the field's name as written: into the copy */
	size_t len;
	struct field_ref ref;	/* or a field (ref.field set) */
};

struct sinsp_format {
	char *copy;
	struct piece *pieces;
	uint32_t npieces;
	struct scap_strbuf scratch;
};

void sinsp_format_free(struct sinsp_format *fmt)
{
	if (!fmt)
		return;
	for (uint32_t i = 0; i < fmt->npieces; i++)
		field_ref_free(&fmt->pieces[i].ref);
	free(fmt->pieces);
	free(fmt->copy);
	scap_strbuf_free(&fmt->scratch);
	free(fmt);
}

static struct piece *add_piece(struct sinsp_format *fmt)
{
	struct piece *p = realloc(fmt->pieces, (fmt->npieces + 1) * sizeof(*p));

	if (!p)
		return NULL;
	fmt->pieces = p;
	p = &p[fmt->npieces++];
	memset(p, 0, sizeof(*p));
	return p;
}

struct sinsp_format *sinsp_format_compile(const char *text, struct sinsp_filter_error *err)
{
	struct sinsp_format *fmt = calloc(1, sizeof(*fmt));
	size_t i = 0;

	memset(err, 0, sizeof(*err));
	if (!fmt || !(fmt->copy = strdup(text)) || scap_strbuf_init(&fmt->scratch))
		goto oom;
	/* sysdig's '*': print the line even where a field has no value. We always do. */
	if (text[0] == '*')
		i = 1;
	while (text[i]) {
		struct piece *p = add_piece(fmt);
		size_t len, start = i;

		if (!p)
			goto oom;
		if (text[i] == '%' && text[i + 1] == '%') {
			/* "%%" is a '%'. */
			p->text = fmt->copy + i + 1;
			p->len = 1;
			i += 2;
		} else if (text[i] == '%') {
			if (field_ref_parse(text + i + 1, &len, &p->ref, err, (uint32_t)i + 1))
				goto fail;
			p->text = fmt->copy + i + 1;
			p->len = len;
			i += 1 + len;
		} else {
			while (text[i] && text[i] != '%')
				i++;
			p->text = fmt->copy + start;
			p->len = i - start;
		}
	}
	return fmt;
oom:
	strcpy(err->msg, "out of memory");
fail:
	sinsp_format_free(fmt);
	return NULL;
}

void sinsp_format_run(struct sinsp_format *fmt, struct scap_strbuf *sb, const struct sinsp_evt *e)
{
	for (uint32_t i = 0; i < fmt->npieces; i++) {
		const struct piece *p = &fmt->pieces[i];
		struct field_value v;

		if (!p->ref.field) {
			scap_strbuf_append_bytes(sb, p->text, p->len);
			continue;
		}
		if (!field_ref_read(&p->ref, e, &fmt->scratch, 0, &v)) {
			scap_strbuf_append(sb, "<NA>");
			continue;
		}
		field_value_to_text(sb, p->ref.field->type, &v);
	}
}

void sinsp_format_fields_json(struct sinsp_format *fmt, struct scap_strbuf *sb, const struct sinsp_evt *e)
{
	const char *sep = "";

	scap_strbuf_append_char(sb, '{');
	for (uint32_t i = 0; i < fmt->npieces; i++) {
		const struct piece *p = &fmt->pieces[i];
		struct field_value v;

		if (!p->ref.field)
			continue;
		scap_strbuf_append(sb, sep);
		sep = ",";
		scap_json_append_string(sb, (const uint8_t *)p->text, p->len);
		scap_strbuf_append_char(sb, ':');
		if (!field_ref_read(&p->ref, e, &fmt->scratch, 0, &v)) {
			scap_strbuf_append(sb, "null");
		} else if (v.is_num || p->ref.field->type == FT_INT) {
			scap_strbuf_append_s64(sb, v.num);
		} else if (p->ref.field->type == FT_BOOL) {
			scap_strbuf_append(sb, v.num ? "true" : "false");
		} else if (p->ref.field->type == FT_STRING) {
			scap_json_append_string(sb, (const uint8_t *)v.str, v.len);
		} else {
			struct scap_strbuf ip;

			/* An address's text is digits, dots and colons: nothing to escape. */
			if (scap_strbuf_init(&ip))
				continue;
			field_value_to_text(&ip, p->ref.field->type, &v);
			scap_strbuf_appendf(sb, "\"%s\"", scap_strbuf_str(&ip));
			scap_strbuf_free(&ip);
		}
	}
	scap_strbuf_append_char(sb, '}');
}
