// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * A rules file into a ruleset (see rules.h), with libyaml: the file is
 * loaded as a document (yaml_parser_load), then its top-level sequence is
 * walked, one list, macro or rule per item. Every error says the file and
 * the line (libyaml counts lines from 0; people from 1).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "rules.h"

struct loader {
	yaml_document_t doc;
	const char *file;
	char *err;
	size_t errlen;
};

static int fail(struct loader *l, const yaml_node_t *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int fail(struct loader *l, const yaml_node_t *at, const char *fmt, ...)
{
	va_list ap;
	int n = snprintf(l->err, l->errlen, "%s:%zu: ", l->file, at ? at->start_mark.line + 1 : 0);

	va_start(ap, fmt);
	if (n >= 0 && (size_t)n < l->errlen)
		vsnprintf(l->err + n, l->errlen - n, fmt, ap);
	va_end(ap);
	return -1;
}

static const char *scalar(const yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

/* The value of key in mapping m, or NULL. */
static yaml_node_t *get(struct loader *l, const yaml_node_t *m, const char *key)
{
	for (yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top; p++) {
		const char *k = scalar(yaml_document_get_node(&l->doc, p->key));

		if (k && !strcmp(k, key))
			return yaml_document_get_node(&l->doc, p->value);
	}
	return NULL;
}

/* A string key: its copy in *out; missing is an error if required. */
static int get_str(struct loader *l, const yaml_node_t *m, const char *key, bool required,
		   const char *what, char **out)
{
	yaml_node_t *v = get(l, m, key);
	const char *s = scalar(v);

	*out = NULL;
	if (!v) {
		if (!required)
			return 0;
		return fail(l, m, "%s has no %s", what, key);
	}
	if (!s)
		return fail(l, v, "%s: %s must be a string", what, key);
	*out = strdup(s);
	return *out ? 0 : fail(l, v, "out of memory");
}

static void *grow(void *v, uint32_t n, size_t size)
{
	return realloc(v, (n + 1) * size);
}

static int load_list(struct loader *l, struct ruleset *rs, const yaml_node_t *m, const char *name)
{
	yaml_node_t *items = get(l, m, "items");
	struct rule_list *list;
	void *p;

	if (!items || items->type != YAML_SEQUENCE_NODE)
		return fail(l, m, "list '%s' has no items: [a, b, ...]", name);
	p = grow(rs->lists, rs->nlists, sizeof(*rs->lists));
	if (!p)
		return fail(l, m, "out of memory");
	rs->lists = p;
	list = &rs->lists[rs->nlists++];
	memset(list, 0, sizeof(*list));
	list->name = strdup(name);
	list->line = (int)m->start_mark.line + 1;
	for (yaml_node_item_t *i = items->data.sequence.items.start; i < items->data.sequence.items.top; i++) {
		yaml_node_t *item = yaml_document_get_node(&l->doc, *i);
		const char *s = scalar(item);

		if (!s)
			return fail(l, item, "list '%s': each item must be a string", name);
		p = grow(list->items, list->nitems, sizeof(*list->items));
		if (!p)
			return fail(l, item, "out of memory");
		list->items = p;
		if (!(list->items[list->nitems++] = strdup(s)))
			return fail(l, item, "out of memory");
	}
	return list->name ? 0 : fail(l, m, "out of memory");
}

static int load_macro(struct loader *l, struct ruleset *rs, const yaml_node_t *m, const char *name)
{
	struct rule_macro *macro;
	void *p = grow(rs->macros, rs->nmacros, sizeof(*rs->macros));

	if (!p)
		return fail(l, m, "out of memory");
	rs->macros = p;
	macro = &rs->macros[rs->nmacros++];
	memset(macro, 0, sizeof(*macro));
	macro->name = strdup(name);
	macro->file = rs->files[rs->nfiles - 1];
	macro->line = (int)m->start_mark.line + 1;
	return get_str(l, m, "condition", true, "macro", &macro->condition);
}

static const char *const g_priorities[] = {
	"EMERGENCY", "ALERT", "CRITICAL", "ERROR", "WARNING", "NOTICE", "INFORMATIONAL", "DEBUG",
};

const char *rule_priority_name(enum rule_priority p)
{
	static const char *const nice[] = { "Emergency", "Alert", "Critical", "Error",
					    "Warning", "Notice", "Informational", "Debug" };

	return p <= PRIORITY_DEBUG ? nice[p] : "?";
}

static int load_rule(struct loader *l, struct ruleset *rs, const yaml_node_t *m, const char *name)
{
	yaml_node_t *prio = get(l, m, "priority"), *enabled = get(l, m, "enabled");
	struct rule *r;
	const char *s;
	void *p = grow(rs->rules, rs->nrules, sizeof(*rs->rules));

	if (!p)
		return fail(l, m, "out of memory");
	rs->rules = p;
	r = &rs->rules[rs->nrules++];
	memset(r, 0, sizeof(*r));
	r->name = strdup(name);
	r->file = rs->files[rs->nfiles - 1];
	r->line = (int)m->start_mark.line + 1;
	r->enabled = true;
	r->priority = PRIORITY_WARNING;
	if (!r->name || get_str(l, m, "desc", false, "rule", &r->desc) ||
	    get_str(l, m, "condition", true, "rule", &r->condition) ||
	    get_str(l, m, "output", true, "rule", &r->output))
		return l->err[0] ? -1 : fail(l, m, "out of memory");
	if (prio) {
		s = scalar(prio);
		r->priority = PRIORITY_DEBUG + 1;
		for (int i = 0; s && i <= PRIORITY_DEBUG; i++) {
			/* INFO is Falco's short name of INFORMATIONAL. */
			if (!strcasecmp(s, g_priorities[i]) || (i == PRIORITY_INFORMATIONAL && !strcasecmp(s, "INFO")))
				r->priority = (enum rule_priority)i;
		}
		if (r->priority > PRIORITY_DEBUG)
			return fail(l, prio, "rule '%s': priority '%s' is not one of EMERGENCY ALERT "
				    "CRITICAL ERROR WARNING NOTICE INFORMATIONAL DEBUG", name, s ? s : "?");
	}
	if (enabled) {
		s = scalar(enabled);
		if (!s || (strcmp(s, "true") && strcmp(s, "false")))
			return fail(l, enabled, "rule '%s': enabled is true or false", name);
		r->enabled = !strcmp(s, "true");
	}
	return 0;
}

static int load_item(struct loader *l, struct ruleset *rs, const yaml_node_t *m)
{
	static const char *const kinds[] = { "rule", "macro", "list" };
	const char *name;

	if (m->type != YAML_MAPPING_NODE)
		return fail(l, m, "each item must be a mapping (- rule: NAME ...)");
	/* Falco files may say which engine they need: nothing to do here. */
	if (get(l, m, "required_engine_version"))
		return 0;
	for (int k = 0; k < 3; k++) {
		yaml_node_t *v = get(l, m, kinds[k]);

		if (!v)
			continue;
		name = scalar(v);
		if (!name || !*name)
			return fail(l, v, "the %s's name must be a string", kinds[k]);
		return k == 0 ? load_rule(l, rs, m, name) :
		       k == 1 ? load_macro(l, rs, m, name) : load_list(l, rs, m, name);
	}
	return fail(l, m, "an item with none of rule, macro or list");
}

int rules_load(struct ruleset *rs, const char *file, char *err, size_t errlen)
{
	struct loader l = { .file = file, .err = err, .errlen = errlen };
	yaml_parser_t parser;
	yaml_node_t *root;
	FILE *f = fopen(file, "rb");
	void *p;
	int rc = 0;

	err[0] = '\0';
	if (!f) {
		snprintf(err, errlen, "%s: %s", file, strerror(errno));
		return -1;
	}
	p = grow(rs->files, rs->nfiles, sizeof(*rs->files));
	if (!p || !(((char **)p)[rs->nfiles] = strdup(file))) {
		fclose(f);
		rs->files = p ? p : rs->files;
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	rs->files = p;
	rs->nfiles++;
	if (!yaml_parser_initialize(&parser)) {
		fclose(f);
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	yaml_parser_set_input_file(&parser, f);
	if (!yaml_parser_load(&parser, &l.doc)) {
		snprintf(err, errlen, "%s:%zu: not YAML: %s", file, parser.problem_mark.line + 1,
			 parser.problem ? parser.problem : "?");
		yaml_parser_delete(&parser);
		fclose(f);
		return -1;
	}
	root = yaml_document_get_root_node(&l.doc);
	if (!root) {
		snprintf(err, errlen, "%s: empty: no rules", file);
		rc = -1;
	} else if (root->type != YAML_SEQUENCE_NODE) {
		rc = fail(&l, root, "a rules file is a list of items (- rule: ...)");
	} else {
		for (yaml_node_item_t *i = root->data.sequence.items.start;
		     !rc && i < root->data.sequence.items.top; i++)
			rc = load_item(&l, rs, yaml_document_get_node(&l.doc, *i));
	}
	yaml_document_delete(&l.doc);
	yaml_parser_delete(&parser);
	fclose(f);
	return rc;
}
