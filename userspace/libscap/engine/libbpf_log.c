// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* See libbpf_log.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <bpf/libbpf.h>
#include "libbpf_log.h"

static __thread struct scap_libbpf_load *t_load;

/* "R7 min value is outside of the allowed memory range" (or max). */
static int is_range_follow_up(const char *line, size_t len)
{
	static const char tail[] = " value is outside of the allowed memory range";
	size_t i = 1;

	if (line[0] != 'R')
		return 0;
	while (i < len && line[i] >= '0' && line[i] <= '9')
		i++;
	if (i == 1 || len - i != 4 + sizeof(tail) - 1)
		return 0;
	return (!strncmp(line + i, " min", 4) || !strncmp(line + i, " max", 4)) &&
	       !strncmp(line + i + 4, tail, sizeof(tail) - 1);
}

/*
 * The verifier stops at the first instruction it cannot prove safe and
 * says why on the line after it; a "processed N insns" summary may follow.
 * That line is what a learner needs, and it sits just above the log's end,
 * where a page of output cut to its first and last lines loses it. An
 * access out of bounds takes two lines, "invalid access to memory,
 * mem_size=38 off=38 size=4" then "R7 min value is outside of the allowed
 * memory range": the first one says what went wrong.
 */
static void keep_reason(char *reason, size_t size, const char *log)
{
	const char *end = strstr(log, "-- END PROG LOAD LOG --");
	const char *line_end, *line;

	if (!end)
		end = log + strlen(log);
	while (end > log) {
		line_end = end;
		while (line_end > log && line_end[-1] == '\n')
			line_end--;
		line = line_end;
		while (line > log && line[-1] != '\n')
			line--;
		end = line;
		if (line == line_end || !strncmp(line, "processed ", 10) ||
		    !strncmp(line, "verification time", 17) || !strncmp(line, "stack depth", 11) ||
		    (line > log && is_range_follow_up(line, line_end - line)))
			continue;
		snprintf(reason, size, "%.*s", (int)(line_end - line), line);
		return;
	}
}

static void keep_load_facts(struct scap_libbpf_load *load, const char *fmt, va_list ap)
{
	char line[256], *log;
	const char *begin;
	va_list copy;
	int len;

	/* libbpf names the program only in its own message: keep the name. */
	va_copy(copy, ap);
	vsnprintf(line, sizeof(line), fmt, copy);
	va_end(copy);
	sscanf(line, "libbpf: prog '%63[^']': BPF program load failed", load->failed_prog);
	if (!strstr(fmt, "-- BEGIN PROG LOAD LOG --"))
		return;
	/* The log comes whole in one message, as long as the verifier made it. */
	va_copy(copy, ap);
	len = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	log = len > 0 ? malloc(len + 1) : NULL;
	if (!log)
		return;
	va_copy(copy, ap);
	vsnprintf(log, len + 1, fmt, copy);
	va_end(copy);
	begin = strstr(log, "-- BEGIN PROG LOAD LOG --\n");
	if (begin)
		keep_reason(load->reason, sizeof(load->reason), begin + 26);
	free(log);
}

static int libbpf_print(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	struct scap_libbpf_load *load = t_load;

	if (level == LIBBPF_WARN && load)
		keep_load_facts(load, fmt, ap);
	if (level != LIBBPF_WARN && !(load && load->verbose))
		return 0;
	return vfprintf(stderr, fmt, ap);
}

void scap_libbpf_load_begin(struct scap_libbpf_load *load)
{
	libbpf_set_print(libbpf_print);
	t_load = load;
}

void scap_libbpf_load_end(void)
{
	t_load = NULL;
}
