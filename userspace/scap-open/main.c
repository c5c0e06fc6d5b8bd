// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * scap-open: capture syscalls live and print them.
 *
 *   sudo ./build/scap-open -n 20                      the next 20 events, any process
 *   sudo ./build/scap-open --json -- cat /etc/hostname   only cat, as JSON
 *   ./build/scap-open -r trace.scap -s openat         a capture file (no root)
 *
 * The loop is libscap's whole API (userspace/libscap/scap.h): scap_open,
 * scap_start_capture, scap_next until done, scap_get_stats, scap_close.
 * Everything else here is deciding which events to print and how.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "capture.h"
#include "output.h"
#include "scap_event_raw.h"
#include "scap_schema.h"

static volatile sig_atomic_t g_interrupted;

static void on_signal(int sig)
{
	(void)sig;
	g_interrupted = 1;
}

static uint64_t now_ns(clockid_t clock)
{
	struct timespec ts;

	clock_gettime(clock, &ts);
	return ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

static void output_failed(struct capture *c, int err);

/*
 * Decode an event for printing. A file may hold events our schema does not
 * describe (written by Falco's drivers): shown raw if their layout is
 * sound. One of a type the schema describes must decode by it, or it is
 * corrupt, as in a live capture.
 */
static int32_t decode(const struct capture *c, const struct ppm_evt_hdr *hdr,
		      struct scap_evt_view *evt, char err[SCAP_LASTERR_SIZE])
{
	int32_t rc;

	rc = scap_event_decode(hdr, hdr->len, evt, err, SCAP_LASTERR_SIZE);
	if (rc == SCAP_SUCCESS || !c->opts.scap_file)
		return rc;
	if (scap_evt_type_is_known(hdr->type))
		return rc;
	return scap_event_decode_raw(hdr, hdr->len, evt, err, SCAP_LASTERR_SIZE);
}

static void handle_event(struct capture *c, struct ppm_evt_hdr *hdr, uint16_t cpu)
{
	struct scap_evt_view evt;
	struct sinsp_threadinfo *t;
	char err[SCAP_LASTERR_SIZE];
	bool in_scope = false;
	struct sinsp_evt e;

	if (decode(c, hdr, &evt, err) != SCAP_SUCCESS) {
		/* A driver bug, not a reason to stop: say it, count it, go on. */
		if (c->corrupt++ < 10) {
			/* Whole event lines first: the warning must not land inside one. */
			fflush(c->out_file);
			fprintf(stderr, "scap-open: skipping a corrupt event on CPU %u: %s\n", cpu,
				err);
		}
		return;
	}
	t = sinsp_process_event(c->state, &evt);
	if (c->opts.command)
		in_scope = scope_update(&c->scope, c->state, t, &evt);
	e = (struct sinsp_evt){ .state = c->state, .thread = t, .evt = &evt, .num = c->read,
				.cpu = cpu };
	if (!capture_wanted(c, &e, in_scope))
		return;
	c->printed++;
	if (c->dumper && scap_dump(c->dumper, hdr, cpu) != SCAP_SUCCESS) {
		fprintf(stderr, "scap-open: %s\n", scap_dump_getlasterr(c->dumper));
		c->stop = STOP_OUTPUT_FAILED;
		return;
	}
	/* -w writes the events instead of printing them, unless -o says where to. */
	if (c->opts.quiet || (c->dumper && !c->opts.output))
		return;
	scap_strbuf_reset(&c->out);
	if (c->format) {
		sinsp_format_run(c->format, &c->out, &e);
		scap_strbuf_append_char(&c->out, '\n');
	} else if (c->opts.json)
		output_json(&c->out, cpu, t, &evt);
	else
		output_text(&c->out, c->printed, cpu, t, &evt);
	if (fwrite(scap_strbuf_str(&c->out), 1, scap_strbuf_len(&c->out), c->out_file) !=
	    scap_strbuf_len(&c->out))
		output_failed(c, errno);
}

/*
 * Writing the events failed. A reader that went away (`scap-open | head`)
 * ends the capture quietly, as a closed pipe ends `cat`; anything else (a
 * full disk) is an error.
 */
static void output_failed(struct capture *c, int err)
{
	if (c->stop != STOP_NONE)
		return;
	if (err == EPIPE) {
		c->stop = STOP_OUTPUT_GONE;
		return;
	}
	c->stop = STOP_OUTPUT_FAILED;
	fprintf(stderr, "scap-open: writing the events to %s failed: %s\n",
		c->opts.output ? c->opts.output : "stdout", strerror(err));
}

/* Has the command exited? Then remember when, to read up to that moment. */
static void check_child(struct capture *c)
{
	if (!c->child.pid || c->child_exit_ts)
		return;
	child_reap(&c->child);
	if (c->child.exited)
		c->child_exit_ts = now_ns(CLOCK_REALTIME);
}

static int capture_loop(struct capture *c)
{
	bool counts_only = capture_counts_only(c);
	uint64_t start = now_ns(CLOCK_MONOTONIC);
	uint64_t deadline = c->opts.duration_s ? start + c->opts.duration_s * 1e9 : 0;
	uint64_t n = 0;

	while (!g_interrupted && c->stop == STOP_NONE) {
		struct ppm_evt_hdr *evt;
		uint16_t cpu;
		int32_t rc;

		if ((n++ & 255) == 0) {
			check_child(c);
			if (deadline && now_ns(CLOCK_MONOTONIC) >= deadline)
				break;
		}
		rc = scap_next(c->handle, &evt, &cpu);
		if (rc == SCAP_TIMEOUT) {
			check_child(c);
			/* The command is gone and every ring is read: done. */
			if (c->child_exit_ts)
				break;
			if (deadline && now_ns(CLOCK_MONOTONIC) >= deadline)
				break;
			continue;
		}
		/* The end of a file, or of a stopped capture: every event was read. */
		if (rc == SCAP_EOF || rc == SCAP_STOPPED)
			break;
		if (rc != SCAP_SUCCESS) {
			fprintf(stderr, "scap-open: reading events failed: %s\n",
				scap_getlasterr(c->handle));
			return -1;
		}
		/* Past the command's exit: everything it did has been read. */
		if (c->child_exit_ts && evt->ts > c->child_exit_ts)
			break;
		c->read++;
		if (counts_only)
			c->printed++;
		else
			handle_event(c, evt, cpu);
		if (c->opts.num_events && c->printed >= c->opts.num_events)
			break;
	}
	return 0;
}

/* --list-fields: what FILTER and -p can name. */
static int list_fields(struct capture *c)
{
	struct scap_strbuf sb;

	if (scap_strbuf_init(&sb))
		return 1;
	sinsp_filter_list_fields(&sb);
	fputs(scap_strbuf_str(&sb), stdout);
	scap_strbuf_free(&sb);
	options_free(&c->opts);
	return 0;
}

/* A file's threads are named by its process list, never by this machine's /proc. */
static void seed_threads(struct capture *c)
{
	const struct scap_threadinfo *threads;
	uint32_t n;

	if (scap_get_proc_table(c->handle, &threads, &n) != SCAP_SUCCESS)
		return;
	for (uint32_t i = 0; i < n; i++)
		sinsp_add_thread(c->state, &threads[i]);
}

static void install_signal_handlers(void)
{
	struct sigaction sa = { .sa_handler = on_signal };

	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	/* A reader piped into `head` must stop quietly, not die mid-line. */
	signal(SIGPIPE, SIG_IGN);
}

/* Where the events go: stdout, or -o FILE (0, or 2 after an error). */
static int open_output(struct capture *c)
{
	int fd;

	c->out_file = stdout;
	if (!c->opts.output)
		return 0;
	fd = open(c->opts.output, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0 || !(c->out_file = fdopen(fd, "w"))) {
		fprintf(stderr, "scap-open: cannot write %s: %s\n", c->opts.output,
			strerror(errno));
		if (fd >= 0)
			close(fd);
		return 2;
	}
	return 0;
}

int main(int argc, char **argv)
{
	static struct capture c;
	struct scap_open_args args;
	struct sinsp_options state_opts = { 0 };
	char err[SCAP_LASTERR_SIZE];
	int32_t rc;
	int ret = 1;
	uint64_t start;

	rc = options_parse(&c.opts, argc, argv);
	if (rc) {
		options_free(&c.opts);
		return rc > 0 ? 0 : 2;
	}
	if (c.opts.list_fields)
		return list_fields(&c);
	if (capture_compile(&c)) {
		options_free(&c.opts);
		return 2;
	}
	if (open_output(&c))
		return 2;
	capture_open_args(&c, &args);
	state_opts.no_proc = c.opts.scap_file != NULL;
	c.state = sinsp_new(&state_opts);
	if (!c.state || scap_strbuf_init(&c.out)) {
		fprintf(stderr, "scap-open: out of memory\n");
		return 1;
	}
	scope_init(&c.scope, state_opts.no_proc);
	if (c.opts.command) {
		/* Events on stdout: the command's own output goes to stderr. */
		if (child_spawn(&c.child, c.opts.command,
				!c.opts.output && !c.opts.quiet && !c.opts.write_file))
			return 1;
		scope_set_root(&c.scope, c.child.pid);
	}

	c.handle = scap_open(&args, err, &rc);
	if (!c.handle) {
		fprintf(stderr, "scap-open: %s\n", err);
		goto out;
	}
	/* Before the capture starts, so the file's process list has every thread. */
	if (c.opts.write_file) {
		c.dumper = scap_dump_open(c.handle, c.opts.write_file, err);
		if (!c.dumper) {
			fprintf(stderr, "scap-open: %s\n", err);
			goto out;
		}
	}
	install_signal_handlers();
	if (c.opts.scap_file) {
		seed_threads(&c);
	} else if (!capture_counts_only(&c) && sinsp_scan_proc(c.state) < 0) {
		fprintf(stderr, "scap-open: reading /proc failed: %s\n", strerror(errno));
		goto out;
	} else if (scap_start_capture(c.handle) != SCAP_SUCCESS) {
		fprintf(stderr, "scap-open: %s\n", scap_getlasterr(c.handle));
		goto out;
	} else if (c.opts.verbose) {
		/* For whoever waits for it (scripts/bench.sh): events flow now. */
		fprintf(stderr, "scap-open: capturing%s\n", capture_counts_only(&c) ?
			" (-q and no filter: events are counted, not decoded)" : "");
	}
	start = now_ns(CLOCK_MONOTONIC);
	if (c.child.pid) {
		if (child_release(&c.child))
			goto out;
		/* The execve is done (child_release waits for it). */
		c.scope.root_exec_ts = now_ns(CLOCK_REALTIME);
	}

	if (capture_loop(&c) == 0)
		ret = 0;
	scap_stop_capture(c.handle);
	if (fflush(c.out_file))
		output_failed(&c, errno);
	capture_print_stats(&c, (now_ns(CLOCK_MONOTONIC) - start) / 1e9);
	if (c.dumper) {
		uint64_t n = scap_dump_count(c.dumper);

		if (scap_dump_close(c.dumper, err) != SCAP_SUCCESS) {
			if (c.stop != STOP_OUTPUT_FAILED)
				fprintf(stderr, "scap-open: %s\n", err);
			c.stop = STOP_OUTPUT_FAILED;
		} else {
			fprintf(stderr, "scap-open: wrote %" PRIu64 " events to %s\n", n,
				c.opts.write_file);
		}
		c.dumper = NULL;
	}
	if (c.stop == STOP_OUTPUT_FAILED)
		ret = 1;
	else if (ret == 0 && c.child_exit_ts)
		ret = child_exit_status(&c.child);	/* it ran to its end: its status */
out:
	if (c.child.pid) {
		/* Not released: closing the hold makes the command exit unrun. */
		if (c.child.release_fd >= 0)
			close(c.child.release_fd);
		child_kill_all(&c.child);
	}
	scap_dump_close(c.dumper, NULL);	/* after an error: the file stays as it is */
	scap_close(c.handle);
	sinsp_free(c.state);
	sinsp_filter_free(c.filter);
	sinsp_format_free(c.format);
	options_free(&c.opts);
	scap_strbuf_free(&c.out);
	if (c.out_file && c.out_file != stdout)
		fclose(c.out_file);
	return ret;
}
