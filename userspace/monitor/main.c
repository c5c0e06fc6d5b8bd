// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * scaplab-monitor: Falco's job, small. Read rules (rules.h), capture
 * (libscap) or read a capture file, keep the state (libsinsp), and for
 * every event each rule's condition; print an alert for each that passes.
 *
 *   sudo ./build/scaplab-monitor rules/scaplab_rules.yaml
 *   ./build/scaplab-monitor -r trace.scap --json rules/scaplab_rules.yaml
 *
 * An alert is one line, as Falco's:
 *   12:00:01.123456789: Warning shell started by a non-shell (...)
 * or with --json one object: time, rule, priority, output, output_fields.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "engine/savefile/savefile_public.h"
#include "rules.h"
#include "scap.h"
#include "scap_escape.h"
#include "sinsp.h"

static const char usage[] =
	"usage: scaplab-monitor [options] RULES.yaml [RULES.yaml...]\n"
	"\n"
	"Capture syscalls live, or read a capture file, and print an alert for each\n"
	"event a rule's condition passes. Rules are Falco's shape: lists, macros and\n"
	"rules (rule, desc, condition, output, priority, enabled); conditions and\n"
	"outputs use sysdig's filter language (scap-open --list-fields).\n"
	"\n"
	"  -r FILE          read the events of a capture file instead of capturing\n"
	"  -j, --json       one JSON object per alert\n"
	"  -o FILE          alerts to FILE instead of stdout\n"
	"      --duration S (live) stop after S seconds\n"
	"      --validate   check the rules and exit: 0 if they compile\n"
	"      --list       print each rule's condition, macros and lists replaced\n"
	"  -h, --help       this text\n"
	"\n"
	"At the end, on stderr: the events read, the alerts of each rule, the drops.\n";

static volatile sig_atomic_t g_stop;

static void on_signal(int sig)
{
	(void)sig;
	g_stop = 1;
}

struct monitor {
	struct ruleset rules;
	const char *scap_file;
	bool json, validate, list;
	double duration;
	FILE *out;
	struct sinsp *state;
	struct scap_strbuf line;
	uint64_t events, alerts, undecoded;
};

static int parse_args(struct monitor *m, int argc, char **argv)
{
	static const struct option longs[] = {
		{ "json", no_argument, NULL, 'j' }, { "help", no_argument, NULL, 'h' },
		{ "duration", required_argument, NULL, 'D' }, { "validate", no_argument, NULL, 'V' },
		{ "list", no_argument, NULL, 'L' }, { NULL, 0, NULL, 0 },
	};
	char *end;
	int c;

	m->out = stdout;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":r:jo:h", longs, NULL)) != -1) {
		switch (c) {
		case 'r':
			m->scap_file = optarg;
			break;
		case 'j':
			m->json = true;
			break;
		case 'o':
			m->out = fopen(optarg, "w");
			if (!m->out) {
				fprintf(stderr, "scaplab-monitor: cannot write %s: %s\n", optarg,
					strerror(errno));
				return -1;
			}
			break;
		case 'D':
			m->duration = strtod(optarg, &end);
			if (*end || !(m->duration > 0)) {
				fprintf(stderr, "scaplab-monitor: --duration '%s' is not a number of "
					"seconds > 0\n", optarg);
				return -1;
			}
			break;
		case 'V':
			m->validate = true;
			break;
		case 'L':
			m->list = true;
			break;
		case 'h':
			fputs(usage, stdout);
			return 1;
		case ':':
			fprintf(stderr, "scaplab-monitor: option '%s' needs a value (see --help)\n",
				argv[optind - 1]);
			return -1;
		default:
			fprintf(stderr, "scaplab-monitor: unknown option '%s' (see --help)\n",
				argv[optind - 1]);
			return -1;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "scaplab-monitor: no rules file (see --help)\n");
		return -1;
	}
	return 0;
}

/* One alert: Falco's text line, or its JSON object. */
static void alert(struct monitor *m, struct rule *r, const struct sinsp_evt *e)
{
	uint64_t ts = e->evt->hdr->ts;
	time_t secs = ts / 1000000000ULL;
	struct scap_strbuf *sb = &m->line;
	char when[32];
	struct tm tm;

	r->alerts++;
	m->alerts++;
	scap_strbuf_reset(sb);
	if (m->json) {
		gmtime_r(&secs, &tm);
		strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%S", &tm);
		scap_strbuf_appendf(sb, "{\"time\":\"%s.%09" PRIu64 "Z\",\"rule\":", when,
				    (uint64_t)(ts % 1000000000ULL));
		scap_json_append_string(sb, (const uint8_t *)r->name, strlen(r->name));
		scap_strbuf_appendf(sb, ",\"priority\":\"%s\",\"output\":",
				    rule_priority_name(r->priority));
		{
			struct scap_strbuf text;

			if (scap_strbuf_init(&text))
				return;
			sinsp_format_run(r->format, &text, e);
			scap_json_append_string(sb, (const uint8_t *)scap_strbuf_str(&text),
						scap_strbuf_len(&text));
			scap_strbuf_free(&text);
		}
		scap_strbuf_append(sb, ",\"output_fields\":");
		sinsp_format_fields_json(r->format, sb, e);
		scap_strbuf_append(sb, "}\n");
	} else {
		localtime_r(&secs, &tm);
		strftime(when, sizeof(when), "%H:%M:%S", &tm);
		scap_strbuf_appendf(sb, "%s.%09" PRIu64 ": %s ", when, (uint64_t)(ts % 1000000000ULL),
				    rule_priority_name(r->priority));
		sinsp_format_run(r->format, sb, e);
		scap_strbuf_append_char(sb, '\n');
	}
	fwrite(scap_strbuf_str(sb), 1, scap_strbuf_len(sb), m->out);
	fflush(m->out);
}

static void handle_event(struct monitor *m, const struct ppm_evt_hdr *hdr, uint16_t cpu)
{
	struct scap_evt_view v;
	struct sinsp_evt e;

	m->events++;
	/* An event our schema does not describe has no fields to judge. */
	if (scap_event_decode(hdr, hdr->len, &v, NULL, 0) != SCAP_SUCCESS) {
		m->undecoded++;
		return;
	}
	e = (struct sinsp_evt){ .state = m->state, .evt = &v, .num = m->events, .cpu = cpu };
	e.thread = sinsp_process_event(m->state, &v);
	for (uint32_t i = 0; i < m->rules.nrules; i++) {
		struct rule *r = &m->rules.rules[i];

		if (r->enabled && sinsp_filter_run(r->filter, &e))
			alert(m, r, &e);
	}
}

static scap_t *open_capture(struct monitor *m, struct scap_savefile_engine_params *file)
{
	struct scap_open_args args = { .engine = SCAP_ENGINE_MODERN_BPF };
	char err[SCAP_LASTERR_SIZE];
	int32_t rc;
	scap_t *h;

	if (m->scap_file) {
		file->fname = m->scap_file;
		args.mode = SCAP_MODE_CAPTURE;
		args.engine = SCAP_ENGINE_SAVEFILE;
		args.engine_params = file;
	} else {
		/* Only the syscalls the rules can pass, and the state's: if every rule names them. */
		rules_syscalls(&m->rules, args.interesting_syscalls);
	}
	h = scap_open(&args, err, &rc);
	if (!h)
		fprintf(stderr, "scaplab-monitor: %s\n", err);
	return h;
}

static void seed_state(struct monitor *m, scap_t *h)
{
	const struct scap_threadinfo *threads;
	uint32_t n;

	if (!m->scap_file) {
		if (sinsp_scan_proc(m->state) < 0)
			fprintf(stderr, "scaplab-monitor: reading /proc: %s\n", strerror(errno));
		return;
	}
	if (scap_get_proc_table(h, &threads, &n) == SCAP_SUCCESS) {
		for (uint32_t i = 0; i < n; i++)
			sinsp_add_thread(m->state, &threads[i]);
	}
}

static int run(struct monitor *m)
{
	struct scap_savefile_engine_params file = { 0 };
	struct sinsp_options so = { .no_proc = m->scap_file != NULL };
	struct timespec start, now;
	struct ppm_evt_hdr *evt;
	struct scap_stats stats;
	uint16_t cpu;
	int32_t rc;
	scap_t *h = open_capture(m, &file);

	if (!h)
		return 1;
	m->state = sinsp_new(&so);
	if (!m->state || scap_strbuf_init(&m->line)) {
		fprintf(stderr, "scaplab-monitor: out of memory\n");
		scap_close(h);
		return 1;
	}
	seed_state(m, h);
	if (!m->scap_file && scap_start_capture(h) != SCAP_SUCCESS) {
		fprintf(stderr, "scaplab-monitor: %s\n", scap_getlasterr(h));
		scap_close(h);
		return 1;
	}
	if (!m->scap_file)
		fprintf(stderr, "scaplab-monitor: watching, %u rules\n", m->rules.nrules);
	clock_gettime(CLOCK_MONOTONIC, &start);
	for (uint64_t loops = 0; !g_stop; loops++) {
		rc = scap_next(h, &evt, &cpu);
		if (rc == SCAP_SUCCESS) {
			handle_event(m, evt, cpu);
		} else if (rc == SCAP_EOF || rc == SCAP_STOPPED) {
			break;
		} else if (rc != SCAP_TIMEOUT) {
			fprintf(stderr, "scaplab-monitor: %s\n", scap_getlasterr(h));
			if (m->scap_file)
				break;
		}
		/* The clock now and then, and whenever nothing came. */
		if (m->duration > 0 && (rc == SCAP_TIMEOUT || (loops & 255) == 0)) {
			clock_gettime(CLOCK_MONOTONIC, &now);
			if (now.tv_sec - start.tv_sec + (now.tv_nsec - start.tv_nsec) / 1e9 >= m->duration)
				break;
		}
	}
	scap_stop_capture(h);
	fprintf(stderr, "scaplab-monitor: %" PRIu64 " events, %" PRIu64 " alerts", m->events,
		m->alerts);
	for (uint32_t i = 0, shown = 0; i < m->rules.nrules; i++) {
		if (m->rules.rules[i].alerts)
			fprintf(stderr, "%s%s: %" PRIu64, shown++ ? "; " : " (",
				m->rules.rules[i].name, m->rules.rules[i].alerts);
	}
	fprintf(stderr, "%s\n", m->alerts ? ")" : "");
	if (!m->scap_file && scap_get_stats(h, &stats) == SCAP_SUCCESS)
		fprintf(stderr, "scaplab-monitor: drops: %" PRIu64 " (buffer full: %" PRIu64 ")\n",
			stats.n_drops, stats.n_drops_buffer);
	if (m->undecoded)
		fprintf(stderr, "scaplab-monitor: %" PRIu64 " events our schema does not describe "
			"were judged by no rule\n", m->undecoded);
	scap_close(h);
	return 0;
}

int main(int argc, char **argv)
{
	struct monitor m = { 0 };
	char err[4096];
	int rc = parse_args(&m, argc, argv);

	if (rc)
		return rc > 0 ? 0 : 2;
	for (int i = optind; i < argc; i++) {
		if (rules_load(&m.rules, argv[i], err, sizeof(err))) {
			fprintf(stderr, "scaplab-monitor: %s\n", err);
			rules_free(&m.rules);
			return 2;
		}
	}
	if (rules_compile(&m.rules, err, sizeof(err))) {
		fprintf(stderr, "scaplab-monitor: %s", err);
		rules_free(&m.rules);
		return 2;
	}
	if (m.list) {
		for (uint32_t i = 0; i < m.rules.nrules; i++)
			printf("%s (%s:%d)%s\n  %s\n", m.rules.rules[i].name, m.rules.rules[i].file,
			       m.rules.rules[i].line, m.rules.rules[i].enabled ? "" : " disabled",
			       m.rules.rules[i].expanded ? m.rules.rules[i].expanded
							 : m.rules.rules[i].condition);
	}
	if (m.validate || m.list) {
		if (m.validate)
			fprintf(stderr, "scaplab-monitor: %u rules, %u macros, %u lists: good\n",
				m.rules.nrules, m.rules.nmacros, m.rules.nlists);
		rules_free(&m.rules);
		return 0;
	}
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	rc = run(&m);
	sinsp_free(m.state);
	scap_strbuf_free(&m.line);
	rules_free(&m.rules);
	if (m.out != stdout)
		fclose(m.out);
	return rc;
}
