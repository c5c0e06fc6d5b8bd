/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Falco-style rules for scaplab-monitor: a YAML file of lists, macros and
 * rules, whose conditions are sysdig's filter language (sinsp_filter.h).
 *
 *   - list: shell_binaries
 *     items: [bash, sh, dash, zsh]
 *   - macro: spawned_process
 *     condition: evt.type in (execve, execveat) and evt.dir = < and evt.rawres = 0
 *   - rule: Shell spawned by a non-shell
 *     desc: a program that is not a shell started one
 *     condition: spawned_process and proc.name in (shell_binaries)
 *                and not proc.pname in (shell_binaries)
 *     output: shell started (parent=%proc.pname cmdline=%proc.cmdline pid=%proc.pid)
 *     priority: WARNING
 *
 * A macro's name in a condition stands for its condition, in parentheses;
 * a list's name stands for its items, comma-separated (lists may hold
 * lists). Every error names the file and the line.
 */
#ifndef SCAPLAB_RULES_H
#define SCAPLAB_RULES_H

#include <stdbool.h>
#include <stdint.h>

#include "sinsp_filter.h"

/* Falco's priorities, the most urgent first. */
enum rule_priority {
	PRIORITY_EMERGENCY, PRIORITY_ALERT, PRIORITY_CRITICAL, PRIORITY_ERROR,
	PRIORITY_WARNING, PRIORITY_NOTICE, PRIORITY_INFORMATIONAL, PRIORITY_DEBUG,
};

struct rule {
	char *name;
	char *desc;
	char *condition;		/* as written */
	char *output;
	enum rule_priority priority;
	bool enabled;
	const char *file;
	int line;
	char *expanded;			/* the condition, macros and lists replaced */
	struct sinsp_filter *filter;
	struct sinsp_format *format;
	uint64_t alerts;
};

struct rule_list {
	char *name;
	char **items;
	uint32_t nitems;
	int line;
};

struct rule_macro {
	char *name;
	char *condition;
	const char *file;
	int line;
};

struct ruleset {
	struct rule *rules;
	uint32_t nrules;
	struct rule_list *lists;
	uint32_t nlists;
	struct rule_macro *macros;
	uint32_t nmacros;
	char **files;			/* the names of the files read */
	uint32_t nfiles;
};

/*
 * Read one rules file into rs (several files may be read in turn: later
 * ones see the lists and macros of earlier ones). 0, or -1 with the
 * error, "FILE:LINE: ...", in err.
 */
int rules_load(struct ruleset *rs, const char *file, char *err, size_t errlen);

/*
 * Expand and compile every enabled rule's condition and output. 0, or -1
 * with the error in err: the rule's file and line, and the filter with a
 * caret under what is wrong.
 */
int rules_compile(struct ruleset *rs, char *err, size_t errlen);

/* The syscalls every rule can need, with the state's; false if any may. */
bool rules_syscalls(const struct ruleset *rs, bool interesting[SYSCALL_TABLE_SIZE]);

void rules_free(struct ruleset *rs);

const char *rule_priority_name(enum rule_priority p);

#endif /* SCAPLAB_RULES_H */
