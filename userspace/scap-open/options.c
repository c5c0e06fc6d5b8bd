// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * scap-open's options. The names follow Falco's example program of the
 * same name where it has one (--modern_bpf, -n/--num_events,
 * -d/--buffer_dim).
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "options.h"
#include "scap_schema.h"

static const char usage[] =
	"usage: scap-open [options] [FILTER] [-- COMMAND [ARGS...]]\n"
	"       scap-open -r FILE [options] [FILTER]\n"
	"\n"
	"Capture syscalls live, or read them from a capture file, and print them,\n"
	"one event per line.\n"
	"\n"
	"  FILTER                 sysdig's filter language, e.g.\n"
	"                         'evt.type = openat and fd.name startswith /etc'\n"
	"                         (fields: --list-fields; the words are joined). Where\n"
	"                         it names the syscalls (evt.type = X, evt.type in (...)),\n"
	"                         the driver sends only them, and those libsinsp needs.\n"
	"  -r, --scap_file FILE   read the events of FILE, a capture file (.scap) that\n"
	"                         Falco's libs or sysdig wrote (sysdig -w), instead of\n"
	"                         capturing. Takes -n, -p, -t, -c, -s, -j, -o, -q;\n"
	"                         the options marked (live) are refused with it.\n"
	"                         Threads are named from the file, never from /proc.\n"
	"  --modern_bpf           (live) use the modern eBPF driver (the default)\n"
	"  --kmod                 (live) use the kernel module (driver/; load it first)\n"
	"  --bpf                  (live) use the legacy eBPF driver (bpf/): the probe make\n"
	"                         built for this kernel, or SCAPLAB_BPF_PROBE=FILE\n"
	"  -n, --num_events N     stop after printing N events\n"
	"      --duration SEC     (live) stop after SEC seconds (may be fractional)\n"
	"  -p, --print FORMAT     print each event as FORMAT, sysdig's -p:\n"
	"                         '%evt.num %proc.name %evt.type %fd.name'\n"
	"      --pid PID          only events of process PID (repeatable)\n"
	"  -t, --tid TID          only events of thread TID (repeatable)\n"
	"  -c, --comm NAME        only events of processes named NAME (repeatable)\n"
	"  -s, --syscall NAMES    only these syscalls, e.g. openat,close (repeatable)\n"
	"  -d, --buffer_dim BYTES (live) size of each per-CPU ring buffer, a power of 2\n"
	"                         (suffix k or m allowed; default 8m)\n"
	"      --snaplen BYTES    (live) bytes of I/O data kept per event (default 80)\n"
	"  -j, --json             one JSON object per event\n"
	"  -w, --write FILE       write the events to FILE, a capture file (.scap) that\n"
	"                         -r and sysdig -r read, instead of printing them (add\n"
	"                         -o to print them too). From a live capture or -r.\n"
	"  -o, --output FILE      write the events to FILE instead of stdout\n"
	"  -q, --quiet            print no events, only the statistics\n"
	"  -v, --verbose          (live) show all of libbpf's messages, not only its warnings,\n"
	"                         and say \"scap-open: capturing\" once events flow\n"
	"      --list-fields      the fields of FILTER and FORMAT, and what each is\n"
	"  -h, --help             this text\n"
	"\n"
	"  -- COMMAND ARGS        (live) run COMMAND, capture only it and its descendants,\n"
	"                         and stop when it exits. Then, or if scap-open\n"
	"                         stops first (-n, --duration, Ctrl-C), every\n"
	"                         process COMMAND started that still runs is killed.\n"
	"                         COMMAND's stdout goes to scap-open's stderr, so that\n"
	"                         only events are on stdout (with -o or -q it keeps\n"
	"                         its stdout). scap-open's exit status is COMMAND's\n"
	"                         (128 + N if signal N killed it, 127 if it could not\n"
	"                         be run), or 0 if scap-open stopped first.\n"
	"      --all_processes    (live) with -- COMMAND: capture every process, not only\n"
	"                         COMMAND's (the other filters still apply)\n"
	"\n"
	"Statistics (events, events per second, drops by reason) go to stderr; for\n"
	"a file, the events read and any blocks skipped.\n";

/* Which engines this build has, and why any other is missing. */
static void print_engines(FILE *f)
{
	const char *why;
	int n = 0;

	fputs("\nEngines in this build:", f);
	for (int k = 0; k < SCAP_ENGINE_COUNT; k++) {
		if (scap_engine_available(k, NULL) && ++n)
			fprintf(f, " %s", scap_engine_name(k));
	}
	fputs(n ? "\n" : " none\n", f);
	for (int k = 0; k < SCAP_ENGINE_COUNT; k++) {
		if (!scap_engine_available(k, &why))
			fprintf(f, "Left out: %s (%s)\n", scap_engine_name(k), why);
	}
}

enum { OPT_DURATION = 256, OPT_SNAPLEN, OPT_MODERN_BPF, OPT_KMOD, OPT_BPF,
       OPT_ALL_PROCESSES, OPT_PID, OPT_LIST_FIELDS };

static const struct option long_options[] = {
	{ "modern_bpf", no_argument, NULL, OPT_MODERN_BPF },
	{ "kmod", no_argument, NULL, OPT_KMOD },
	{ "bpf", no_argument, NULL, OPT_BPF },
	{ "num_events", required_argument, NULL, 'n' },
	{ "duration", required_argument, NULL, OPT_DURATION },
	{ "pid", required_argument, NULL, OPT_PID },
	{ "print", required_argument, NULL, 'p' },
	{ "list-fields", no_argument, NULL, OPT_LIST_FIELDS },
	{ "tid", required_argument, NULL, 't' },
	{ "comm", required_argument, NULL, 'c' },
	{ "syscall", required_argument, NULL, 's' },
	{ "buffer_dim", required_argument, NULL, 'd' },
	{ "snaplen", required_argument, NULL, OPT_SNAPLEN },
	{ "json", no_argument, NULL, 'j' },
	{ "output", required_argument, NULL, 'o' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "all_processes", no_argument, NULL, OPT_ALL_PROCESSES },
	{ "scap_file", required_argument, NULL, 'r' },
	{ "write", required_argument, NULL, 'w' },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static int bad(const char *option, const char *value, const char *why)
{
	fprintf(stderr, "scap-open: invalid %s '%s': %s (see --help)\n", option, value, why);
	return -1;
}

/* A whole number in [min, max], with an optional k/m/g suffix if sized. */
static int parse_number(const char *option, const char *s, bool sized, uint64_t min,
			uint64_t max, uint64_t *out)
{
	char *end;
	unsigned long long v;

	errno = 0;
	/* strtoull would skip blanks and take a sign: " -5" is 2^64 - 5. */
	if (!isdigit((unsigned char)*s))
		return bad(option, s, "not a positive whole number");
	v = strtoull(s, &end, 10);
	if (errno || end == s)
		return bad(option, s, "not a positive whole number");
	if (sized && *end) {
		int shift = *end == 'k' || *end == 'K' ? 10 :
			    *end == 'm' || *end == 'M' ? 20 :
			    *end == 'g' || *end == 'G' ? 30 : -1;

		if (shift < 0 || end[1])
			return bad(option, s, "unknown suffix (use k, m or g)");
		if (v > (max >> shift))
			return bad(option, s, "too large");
		v <<= shift;
		end++;
	}
	if (*end)
		return bad(option, s, "not a whole number");
	if (v < min || v > max) {
		char why[80];

		snprintf(why, sizeof(why), "must be between %llu and %llu",
			 (unsigned long long)min, (unsigned long long)max);
		return bad(option, s, why);
	}
	*out = v;
	return 0;
}

/*
 * "openat,close" -> opts->syscalls[257] = opts->syscalls[3] = true. Every
 * name between commas must be one: a filter that names nothing would
 * otherwise capture everything.
 */
static int parse_syscalls(struct options *opts, const char *list)
{
	const char *name = list;

	if (!*list)
		return bad("--syscall", list, "no syscall name");
	for (;;) {
		size_t len = strcspn(name, ",");
		char one[64];
		int nr;

		if (len == 0)
			return bad("--syscall", list, "an empty name (a comma too many?)");
		snprintf(one, sizeof(one), "%.*s", (int)len, name);
		nr = len < sizeof(one) ? scap_syscall_by_name(one) : -1;
		if (nr < 0)
			return bad("--syscall", one, "no x86_64 syscall has this name");
		opts->syscalls[nr] = true;
		opts->any_syscall_filter = true;
		if (!name[len])
			return 0;
		name += len + 1;
	}
}

static int add_pid(pid_t *list, int *n, const char *option, const char *s)
{
	uint64_t v;

	if (*n == MAX_FILTER_VALUES)
		return bad(option, s, "given too many times");
	if (parse_number(option, s, false, 1, INT32_MAX, &v))
		return -1;
	list[(*n)++] = v;
	return 0;
}

/* Join a word to the filter, after a space: `scap-open evt.type = openat` works. */
static void add_filter_word(struct options *opts, const char *word)
{
	size_t old = opts->filter ? strlen(opts->filter) : 0;
	char *f = realloc(opts->filter, old + strlen(word) + 2);

	if (!f) {
		opts->filter_oom = true;
		return;
	}
	if (old)
		f[old++] = ' ';
	strcpy(f + old, word);
	opts->filter = f;
}

void options_free(struct options *opts)
{
	free(opts->filter);
	opts->filter = NULL;
}

/* The name of an option only a live capture takes (refused with -r), or NULL. */
static const char *live_only_name(int c)
{
	switch (c) {
	case OPT_MODERN_BPF: return "--modern_bpf";
	case OPT_KMOD: return "--kmod";
	case OPT_BPF: return "--bpf";
	case OPT_DURATION: return "--duration";
	case OPT_SNAPLEN: return "--snaplen";
	case OPT_ALL_PROCESSES: return "--all_processes";
	case 'd': return "--buffer_dim";
	case 'v': return "--verbose";
	default: return NULL;
	}
}

int options_parse(struct options *opts, int argc, char **argv)
{
	uint64_t v;
	char *end;
	int c;

	memset(opts, 0, sizeof(*opts));
	opts->engine = SCAP_ENGINE_MODERN_BPF;
	opterr = 0;
	optind = 1;
	/*
	 * "+": stop at the first non-option, so COMMAND's own options are its
	 * own. A word before "--" is the filter's: kept, and the options go on.
	 */
	for (;;) {
		c = getopt_long(argc, argv, "+:n:p:t:c:s:d:o:r:w:jqvh", long_options, NULL);
		if (c == -1) {
			/* Stopped: at the end, after "--" (the command), or at a filter word. */
			if (optind >= argc || !strcmp(argv[optind - 1], "--"))
				break;
			add_filter_word(opts, argv[optind++]);
			continue;
		}
		if (!opts->live_only)
			opts->live_only = live_only_name(c);
		switch (c) {
		case OPT_MODERN_BPF:
			opts->engine = SCAP_ENGINE_MODERN_BPF;
			break;
		case OPT_KMOD:
			opts->engine = SCAP_ENGINE_KMOD;
			break;
		case OPT_BPF:
			opts->engine = SCAP_ENGINE_BPF;
			break;
		case 'n':
			if (parse_number("--num_events", optarg, false, 1, UINT64_MAX, &v))
				return -1;
			opts->num_events = v;
			break;
		case OPT_DURATION:
			errno = 0;
			opts->duration_s = strtod(optarg, &end);
			if (errno || end == optarg || *end || !(opts->duration_s > 0) ||
			    opts->duration_s > 1e6)
				return bad("--duration", optarg, "not a number of seconds > 0");
			break;
		case OPT_PID:
			if (add_pid(opts->pids, &opts->npids, "--pid", optarg))
				return -1;
			break;
		case 'p':
			/* -p was --pid once: say so rather than print "134" per event. */
			if (!strchr(optarg, '%'))
				return bad("--print", optarg, "a format has %fields, e.g. "
					   "'%evt.num %proc.name' (a process id is --pid)");
			opts->format = optarg;
			break;
		case OPT_LIST_FIELDS:
			opts->list_fields = true;
			break;
		case 't':
			if (add_pid(opts->tids, &opts->ntids, "--tid", optarg))
				return -1;
			break;
		case 'c':
			if (opts->ncomms == MAX_FILTER_VALUES)
				return bad("--comm", optarg, "given too many times");
			if (strlen(optarg) > 15)
				return bad("--comm", optarg, "longer than a kernel comm (15 bytes)");
			opts->comms[opts->ncomms++] = optarg;
			break;
		case 's':
			if (parse_syscalls(opts, optarg))
				return -1;
			break;
		case 'd':
			if (parse_number("--buffer_dim", optarg, true, 4096, 1UL << 30, &v))
				return -1;
			if (!scap_buffer_size_is_valid(v))
				return bad("--buffer_dim", optarg, "not a power of 2");
			opts->buffer_bytes = v;
			break;
		case OPT_SNAPLEN:
			if (parse_number("--snaplen", optarg, false, 1, SCAP_MAX_SNAPLEN, &v))
				return -1;
			opts->snaplen = v;
			break;
		case 'j':
			opts->json = true;
			break;
		case 'o':
			if (!*optarg)
				return bad("--output", optarg, "no file name");
			opts->output = optarg;
			break;
		case 'q':
			opts->quiet = true;
			break;
		case 'r':
			if (!*optarg)
				return bad("--scap_file", optarg, "no file name");
			opts->scap_file = optarg;
			break;
		case 'w':
			if (!*optarg)
				return bad("--write", optarg, "no file name");
			opts->write_file = optarg;
			break;
		case 'v':
			opts->verbose = true;
			break;
		case OPT_ALL_PROCESSES:
			opts->all_processes = true;
			break;
		case 'h':
			fputs(usage, stdout);
			print_engines(stdout);
			return 1;
		case ':':
			fprintf(stderr, "scap-open: option '%s' needs a value (see --help)\n",
				argv[optind - 1]);
			return -1;
		default:
			/* "scap-open ls -l": a command, not a filter and an option. */
			if (opts->filter)
				fprintf(stderr, "scap-open: unknown option '%s' after the filter '%s'; "
					"put a command after '--' (see --help)\n", argv[optind - 1],
					opts->filter);
			else
				fprintf(stderr, "scap-open: unknown option '%s' (see --help)\n",
					argv[optind - 1]);
			return -1;
		}
	}
	if (opts->filter_oom) {
		fprintf(stderr, "scap-open: out of memory\n");
		return -1;
	}
	if (optind < argc)
		opts->command = &argv[optind];
	if (opts->scap_file && (opts->live_only || opts->command)) {
		fprintf(stderr, "scap-open: %s cannot be used with -r: it is for a live capture, "
			"and -r reads a file (see --help)\n",
			opts->live_only ? opts->live_only : "'-- COMMAND'");
		return -1;
	}
	if (opts->write_file && opts->scap_file && !strcmp(opts->write_file, opts->scap_file)) {
		fprintf(stderr, "scap-open: -w %s would overwrite the file -r reads\n",
			opts->write_file);
		return -1;
	}
	if (opts->all_processes && !opts->command) {
		fprintf(stderr, "scap-open: --all_processes needs a command after '--' (see --help)\n");
		return -1;
	}
	return 0;
}
