// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * A filter's text into a tree (see sinsp_filter.h for the language). A
 * recursive descent, one function per rule:
 *
 *   expr   := term { and term }  |  term { or term }    (not both: sysdig's rule)
 *   term   := not term  |  ( expr )  |  check
 *   check  := FIELD = VALUE | FIELD in ( VALUE, ... ) | FIELD exists | ...
 *
 * Every error says what was expected and where (a byte offset), for
 * sinsp_filter_error_show() to put a caret under it.
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter_int.h"

struct parser {
	const char *text;
	size_t pos;
	struct sinsp_filter_error *err;
	int depth;
};

#define MAX_DEPTH 100	/* of parentheses and nots: a deep one is an error, not a crash */

static void skip_ws(struct parser *p)
{
	while (isspace((unsigned char)p->text[p->pos]))
		p->pos++;
}

/* Fail at pos with a message; always NULL, for `return error(...)`. */
static void *error(struct parser *p, size_t pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void *error(struct parser *p, size_t pos, const char *fmt, ...)
{
	va_list ap;

	if (p->err->msg[0])
		return NULL;	/* the first error is the one to show */
	va_start(ap, fmt);
	vsnprintf(p->err->msg, sizeof(p->err->msg), fmt, ap);
	va_end(ap);
	p->err->pos = (uint32_t)pos;
	return NULL;
}

/* The length of the word at pos (letters, digits, '_'); a keyword is one. */
static size_t word_len(const struct parser *p)
{
	size_t n = 0;

	while (isalnum((unsigned char)p->text[p->pos + n]) || p->text[p->pos + n] == '_')
		n++;
	return n;
}

/* Is the next word kw, as a whole word? Then skip it. */
static bool accept_word(struct parser *p, const char *kw)
{
	size_t n = strlen(kw);

	skip_ws(p);
	if (word_len(p) != n || strncmp(p->text + p->pos, kw, n))
		return false;
	p->pos += n;
	return true;
}

/* What is at pos, for an error message: the next token or "the end". */
static const char *here(const struct parser *p, char *buf, size_t size)
{
	size_t n = strcspn(p->text + p->pos, " \t\n()");

	if (!p->text[p->pos])
		return "the end";
	snprintf(buf, size, "'%.*s'", (int)(n ? n : 1), p->text + p->pos);
	return buf;
}

static struct filter_node *new_node(enum node_kind kind)
{
	struct filter_node *n = calloc(1, sizeof(*n));

	if (n)
		n->kind = kind;
	return n;
}

static bool add_kid(struct filter_node *n, struct filter_node *kid)
{
	struct filter_node **kids = realloc(n->kids, (n->nkids + 1) * sizeof(*kids));

	if (!kids)
		return false;
	n->kids = kids;
	n->kids[n->nkids++] = kid;
	return true;
}

void filter_node_free(struct filter_node *n)
{
	if (!n)
		return;
	for (uint32_t i = 0; i < n->nkids; i++)
		filter_node_free(n->kids[i]);
	free(n->kids);
	for (uint32_t i = 0; i < n->nvalues; i++)
		free(n->values[i].str);
	free(n->values);
	field_ref_free(&n->ref);
	free(n);
}

/* ---- values ---- */

/* A quoted or bare value into a new string; NULL on error. stop: extra chars that end a bare one. */
static char *read_value(struct parser *p, const char *stop, size_t *len)
{
	const char *s = p->text + p->pos;
	char quote = *s, *out;
	size_t n = 0, i = 0;

	if (quote == '"' || quote == '\'') {
		out = malloc(strlen(s));
		if (!out)
			return error(p, p->pos, "out of memory");
		for (i = 1; s[i] && s[i] != quote; i++) {
			if (s[i] == '\\' && s[i + 1])
				i++;
			out[n++] = s[i];
		}
		if (!s[i]) {
			free(out);
			return error(p, p->pos, "this string has no closing %c", quote);
		}
		p->pos += i + 1;
		out[n] = '\0';
		*len = n;
		return out;
	}
	while (s[n] && !isspace((unsigned char)s[n]) && !strchr(stop, s[n]))
		n++;
	if (!n)
		return error(p, p->pos, "expected a value, got %s", here(p, (char[64]){ 0 }, 64));
	p->pos += n;
	*len = n;
	out = strndup(s, n);
	return out ? out : error(p, p->pos, "out of memory");
}

/* The value as its field compares it: a number, a boolean, an address. */
static bool compile_value(struct parser *p, const struct filter_node *n, struct filter_value *v,
			  size_t at)
{
	const struct filter_field *f = n->ref.field;
	char *end;

	switch (f->type) {
	case FT_INT:
		v->num = strtoll(v->str, &end, 0);
		if (!v->len || *end)
			return error(p, at, "%s is a number: '%s' is not one", f->name, v->str);
		v->is_num = true;
		return true;
	case FT_BOOL:
		if (strcmp(v->str, "true") && strcmp(v->str, "false"))
			return error(p, at, "%s is true or false, not '%s'", f->name, v->str);
		v->num = !strcmp(v->str, "true");
		return true;
	case FT_IP:
		if (inet_pton(AF_INET, v->str, v->ip) == 1)
			v->ip_len = 4;
		else if (inet_pton(AF_INET6, v->str, v->ip) == 1)
			v->ip_len = 16;
		else
			return error(p, at, "%s is an IP address: '%s' is not one", f->name, v->str);
		return true;
	default:
		/* evt.rawarg may be a number or a string: keep both. */
		v->num = strtoll(v->str, &end, 0);
		v->is_num = v->len && !*end;
		return true;
	}
}

static bool add_value(struct parser *p, struct filter_node *n, const char *stop)
{
	struct filter_value *values, *v;
	size_t at;

	skip_ws(p);
	at = p->pos;
	values = realloc(n->values, (n->nvalues + 1) * sizeof(*values));
	if (!values)
		return error(p, at, "out of memory");
	n->values = values;
	v = &values[n->nvalues];
	memset(v, 0, sizeof(*v));
	v->str = read_value(p, stop, &v->len);
	if (!v->str)
		return false;
	n->nvalues++;
	return compile_value(p, n, v, at);
}

/* ---- checks ---- */

static const struct { const char *text; enum filter_op op; } g_ops[] = {
	/* Longest first: "<=" before "<". */
	{ "==", OP_EQ }, { "!=", OP_NE }, { "<=", OP_LE }, { ">=", OP_GE },
	{ "=", OP_EQ }, { "<", OP_LT }, { ">", OP_GT },
	{ "contains", OP_CONTAINS }, { "icontains", OP_ICONTAINS },
	{ "startswith", OP_STARTSWITH }, { "endswith", OP_ENDSWITH },
	{ "in", OP_IN }, { "exists", OP_EXISTS },
};

static bool read_op(struct parser *p, enum filter_op *op)
{
	char buf[64];

	skip_ws(p);
	for (size_t i = 0; i < sizeof(g_ops) / sizeof(g_ops[0]); i++) {
		const char *t = g_ops[i].text;

		if (isalpha((unsigned char)t[0]) ? accept_word(p, t)
						 : !strncmp(p->text + p->pos, t, strlen(t))) {
			if (!isalpha((unsigned char)t[0]))
				p->pos += strlen(t);
			*op = g_ops[i].op;
			return true;
		}
	}
	return error(p, p->pos, "expected an operator (= != < > contains in exists ...), got %s",
		     here(p, buf, sizeof(buf)));
}

static struct filter_node *check(struct parser *p)
{
	struct filter_node *n = new_node(NODE_CHECK);
	enum filter_type type;
	size_t len, op_at;

	if (!n)
		return error(p, p->pos, "out of memory");
	n->pos = (uint32_t)p->pos;
	if (field_ref_parse(p->text + p->pos, &len, &n->ref, p->err, (uint32_t)p->pos))
		goto fail;
	p->pos += len;
	skip_ws(p);
	op_at = p->pos;
	if (!read_op(p, &n->op))
		goto fail;
	type = n->ref.field->type;
	if (n->op >= OP_CONTAINS && n->op <= OP_ENDSWITH && type != FT_STRING) {
		error(p, op_at, "%s is not a string: it cannot be compared with %.*s",
		      n->ref.field->name, (int)(p->pos - op_at), p->text + op_at);
		goto fail;
	}
	if (n->op >= OP_LT && n->op <= OP_GE && type != FT_INT && !n->ref.field->any_type) {
		error(p, op_at, "%s is not a number: it cannot be compared with %.*s",
		      n->ref.field->name, (int)(p->pos - op_at), p->text + op_at);
		goto fail;
	}
	if (n->op == OP_EXISTS)
		return n;
	if (n->op != OP_IN) {
		if (!add_value(p, n, ")"))
			goto fail;
		return n;
	}
	skip_ws(p);
	if (p->text[p->pos] != '(') {
		error(p, p->pos, "expected '(' after in");
		goto fail;
	}
	p->pos++;
	do {
		if (!add_value(p, n, "),"))
			goto fail;
		skip_ws(p);
	} while (p->text[p->pos] == ',' && ++p->pos);
	if (p->text[p->pos] != ')') {
		error(p, p->pos, "expected ',' or ')' in the list of in");
		goto fail;
	}
	p->pos++;
	return n;
fail:
	filter_node_free(n);
	return NULL;
}

/* ---- and, or, not, parentheses ---- */

static struct filter_node *expr(struct parser *p);

static struct filter_node *term(struct parser *p)
{
	struct filter_node *n, *kid;
	char buf[64];

	skip_ws(p);
	if (++p->depth > MAX_DEPTH)
		return error(p, p->pos, "nested more than %d deep", MAX_DEPTH);
	if (accept_word(p, "not")) {
		n = new_node(NODE_NOT);
		kid = n ? term(p) : NULL;
		if (!kid || !add_kid(n, kid)) {
			filter_node_free(kid);
			filter_node_free(n);
			return n ? NULL : error(p, p->pos, "out of memory");
		}
	} else if (p->text[p->pos] == '(') {
		size_t open = p->pos++;

		n = expr(p);
		skip_ws(p);
		if (n && p->text[p->pos] != ')') {
			filter_node_free(n);
			return error(p, p->text[p->pos] ? p->pos : open,
				     p->text[p->pos] ? "expected ')', got %s" : "this '(' is never closed%.0s",
				     here(p, buf, sizeof(buf)));
		}
		if (n)
			p->pos++;
	} else if (!p->text[p->pos] || p->text[p->pos] == ')') {
		return error(p, p->pos, "expected a check (FIELD OP VALUE), got %s",
			     here(p, buf, sizeof(buf)));
	} else if (word_len(p) && (accept_word(p, "and") || accept_word(p, "or"))) {
		return error(p, p->pos - (p->text[p->pos - 1] == 'r' ? 2 : 3),
			     "expected a check before this and/or");
	} else {
		n = check(p);
	}
	p->depth--;
	return n;
}

static struct filter_node *expr(struct parser *p)
{
	struct filter_node *first = term(p), *n = NULL, *kid;
	enum node_kind kind;

	if (!first)
		return NULL;
	for (;;) {
		size_t at;

		skip_ws(p);
		at = p->pos;
		if (accept_word(p, "and"))
			kind = NODE_AND;
		else if (accept_word(p, "or"))
			kind = NODE_OR;
		else
			return n ? n : first;
		if (n && n->kind != kind) {
			filter_node_free(n);
			return error(p, at, "'and' and 'or' mixed: say which goes first with parentheses");
		}
		if (!n) {
			n = new_node(kind);
			if (!n || !add_kid(n, first)) {
				filter_node_free(n ? n : first);
				return error(p, at, "out of memory");
			}
		}
		kid = term(p);
		if (!kid || !add_kid(n, kid)) {
			filter_node_free(kid);
			filter_node_free(n);
			return kid ? error(p, at, "out of memory") : NULL;
		}
	}
}

struct filter_node *filter_parse(const char *text, struct sinsp_filter_error *err)
{
	struct parser p = { .text = text, .err = err };
	struct filter_node *root;
	char buf[64];

	memset(err, 0, sizeof(*err));
	root = expr(&p);
	if (!root) {
		if (!err->msg[0])
			error(&p, p.pos, "not a filter");
		return NULL;
	}
	skip_ws(&p);
	if (text[p.pos]) {
		filter_node_free(root);
		return error(&p, p.pos, "expected 'and', 'or' or the end, got %s",
			     here(&p, buf, sizeof(buf)));
	}
	return root;
}
