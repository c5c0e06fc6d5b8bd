// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * From a rule's condition as written to a compiled filter (see rules.h):
 * macros and lists are replaced in the text, then the filter language
 * compiles it. A macro or list name is a word that stands alone: in
 * "spawned_process and proc.name in (shell_binaries)", spawned_process
 * becomes "(evt.type in (execve, execveat) and ...)" and shell_binaries
 * "bash, sh, dash, zsh".
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"

#define MAX_EXPANSION_DEPTH 32	/* a macro that names itself loops: stop here */

static bool is_word_char(char c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '.';
}

static const struct rule_macro *find_macro(const struct ruleset *rs, const char *w, size_t n)
{
	/* The last definition wins: a later file may replace a macro. */
	for (uint32_t i = rs->nmacros; i-- > 0;) {
		if (strlen(rs->macros[i].name) == n && !memcmp(rs->macros[i].name, w, n))
			return &rs->macros[i];
	}
	return NULL;
}

static const struct rule_list *find_list(const struct ruleset *rs, const char *w, size_t n)
{
	for (uint32_t i = rs->nlists; i-- > 0;) {
		if (strlen(rs->lists[i].name) == n && !memcmp(rs->lists[i].name, w, n))
			return &rs->lists[i];
	}
	return NULL;
}

/* An item as a value of the filter language: quoted if it holds more than a word. */
static void append_item(struct scap_strbuf *out, const char *item)
{
	bool bare = *item != '\0';

	for (const char *c = item; *c; c++)
		bare &= isalnum((unsigned char)*c) || strchr("_./:+-@", *c);
	if (bare) {
		scap_strbuf_append(out, item);
		return;
	}
	scap_strbuf_append_char(out, '"');
	for (const char *c = item; *c; c++) {
		if (*c == '"' || *c == '\\')
			scap_strbuf_append_char(out, '\\');
		scap_strbuf_append_char(out, *c);
	}
	scap_strbuf_append_char(out, '"');
}

static int expand(const struct ruleset *rs, const char *text, struct scap_strbuf *out, int depth,
		  char *err, size_t errlen);

/* A list's items, comma-separated; an item that names a list is that list's. */
static int expand_list(const struct ruleset *rs, const struct rule_list *l, struct scap_strbuf *out,
		       int depth, bool *first, char *err, size_t errlen)
{
	if (depth > MAX_EXPANSION_DEPTH) {
		snprintf(err, errlen, "list '%s' holds itself (or lists nested %d deep)", l->name,
			 MAX_EXPANSION_DEPTH);
		return -1;
	}
	for (uint32_t i = 0; i < l->nitems; i++) {
		const struct rule_list *inner = find_list(rs, l->items[i], strlen(l->items[i]));

		if (inner) {
			if (expand_list(rs, inner, out, depth + 1, first, err, errlen))
				return -1;
			continue;
		}
		if (!*first)
			scap_strbuf_append(out, ", ");
		*first = false;
		append_item(out, l->items[i]);
	}
	return 0;
}

static int expand(const struct ruleset *rs, const char *text, struct scap_strbuf *out, int depth,
		  char *err, size_t errlen)
{
	size_t i = 0;

	while (text[i]) {
		char c = text[i];

		if (c == '"' || c == '\'') {
			/* A quoted value is copied as it is: names inside it are text. */
			size_t start = i++;

			while (text[i] && text[i] != c)
				i += text[i] == '\\' && text[i + 1] ? 2 : 1;
			i += text[i] ? 1 : 0;
			scap_strbuf_append_bytes(out, text + start, i - start);
		} else if (is_word_char(c) && (i == 0 || !is_word_char(text[i - 1]))) {
			size_t start = i, n;
			const struct rule_macro *m;
			const struct rule_list *l;

			while (is_word_char(text[i]))
				i++;
			n = i - start;
			if ((m = find_macro(rs, text + start, n))) {
				if (depth >= MAX_EXPANSION_DEPTH) {
					snprintf(err, errlen, "macro '%s' (%s:%d) names itself, or macros nest "
						 "deeper than %d", m->name, m->file, m->line, MAX_EXPANSION_DEPTH);
					return -1;
				}
				scap_strbuf_append_char(out, '(');
				if (expand(rs, m->condition, out, depth + 1, err, errlen))
					return -1;
				scap_strbuf_append_char(out, ')');
			} else if ((l = find_list(rs, text + start, n))) {
				bool first = true;

				if (expand_list(rs, l, out, 0, &first, err, errlen))
					return -1;
			} else {
				scap_strbuf_append_bytes(out, text + start, n);
			}
		} else {
			scap_strbuf_append_char(out, c);
			i++;
		}
	}
	return 0;
}

/* err = "FILE:LINE: rule 'NAME': WHAT, at character N:\n  TEXT\n  ^ MSG". */
static int compile_error(const struct rule *r, const char *what, const char *text,
			 const struct sinsp_filter_error *fe, char *err, size_t errlen)
{
	struct scap_strbuf sb;

	if (scap_strbuf_init(&sb)) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	sinsp_filter_error_show(&sb, text, fe);
	snprintf(err, errlen, "%s:%d: rule '%s': bad %s, at character %u:\n%s", r->file, r->line,
		 r->name, what, fe->pos + 1, scap_strbuf_str(&sb));
	scap_strbuf_free(&sb);
	return -1;
}

int rules_compile(struct ruleset *rs, char *err, size_t errlen)
{
	struct sinsp_filter_error fe;
	struct scap_strbuf sb;

	if (scap_strbuf_init(&sb)) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	for (uint32_t i = 0; i < rs->nrules; i++) {
		struct rule *r = &rs->rules[i];
		char why[256];

		if (!r->enabled)
			continue;
		scap_strbuf_reset(&sb);
		if (expand(rs, r->condition, &sb, 0, why, sizeof(why))) {
			snprintf(err, errlen, "%s:%d: rule '%s': %s", r->file, r->line, r->name, why);
			goto fail;
		}
		r->expanded = strdup(scap_strbuf_str(&sb));
		if (!r->expanded) {
			snprintf(err, errlen, "out of memory");
			goto fail;
		}
		r->filter = sinsp_filter_compile(r->expanded, &fe);
		if (!r->filter) {
			compile_error(r, "condition (macros and lists replaced)", r->expanded, &fe, err,
				      errlen);
			goto fail;
		}
		r->format = sinsp_format_compile(r->output, &fe);
		if (!r->format) {
			compile_error(r, "output", r->output, &fe, err, errlen);
			goto fail;
		}
	}
	scap_strbuf_free(&sb);
	return 0;
fail:
	scap_strbuf_free(&sb);
	return -1;
}

bool rules_syscalls(const struct ruleset *rs, bool interesting[SYSCALL_TABLE_SIZE])
{
	bool set[SYSCALL_TABLE_SIZE] = { 0 };

	for (uint32_t i = 0; i < rs->nrules; i++) {
		if (rs->rules[i].enabled && !sinsp_filter_syscalls(rs->rules[i].filter, set))
			return false;
	}
	for (uint32_t nr = 0; nr < SYSCALL_TABLE_SIZE; nr++)
		interesting[nr] |= set[nr];
	sinsp_add_state_syscalls(interesting);
	return true;
}

void rules_free(struct ruleset *rs)
{
	for (uint32_t i = 0; i < rs->nrules; i++) {
		struct rule *r = &rs->rules[i];

		free(r->name);
		free(r->desc);
		free(r->condition);
		free(r->output);
		free(r->expanded);
		sinsp_filter_free(r->filter);
		sinsp_format_free(r->format);
	}
	for (uint32_t i = 0; i < rs->nlists; i++) {
		for (uint32_t j = 0; j < rs->lists[i].nitems; j++)
			free(rs->lists[i].items[j]);
		free(rs->lists[i].items);
		free(rs->lists[i].name);
	}
	for (uint32_t i = 0; i < rs->nmacros; i++) {
		free(rs->macros[i].name);
		free(rs->macros[i].condition);
	}
	for (uint32_t i = 0; i < rs->nfiles; i++)
		free(rs->files[i]);
	free(rs->rules);
	free(rs->lists);
	free(rs->macros);
	free(rs->files);
	memset(rs, 0, sizeof(*rs));
}
