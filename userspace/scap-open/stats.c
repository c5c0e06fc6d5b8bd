// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * See capture.h: what scap-open says on stderr at the end. Live: the
 * events kept, the driver's count and rate, the drops by reason; from a
 * file: the events read and any block skipped; with -v, the state's
 * tables.
 */
#include <inttypes.h>
#include <stdio.h>

#include "capture.h"

/*
 * What became of the events that passed the filters: -w alone prints
 * none, it writes them; -q neither prints nor writes, it counts them.
 */
static const char *kept_word(const struct capture *c)
{
	if (c->dumper && !c->opts.output)
		return "written";
	return c->opts.quiet ? "counted" : "printed";
}

/* A file has no driver counters: the events read, and what was skipped. */
static void print_file_stats(struct capture *c, double seconds)
{
	struct scap_file_stats fs;

	if (scap_get_file_stats(c->handle, &fs) != SCAP_SUCCESS) {
		fprintf(stderr, "scap-open: reading the file's statistics failed: %s\n",
			scap_getlasterr(c->handle));
		return;
	}
	fprintf(stderr, "scap-open: %" PRIu64 " events %s of %" PRIu64 " read from %s "
		"(format %u.%u) in %.2f s; corrupt events: %" PRIu64 "\n", c->printed,
		kept_word(c), fs.n_evts, c->opts.scap_file, fs.major_version, fs.minor_version,
		seconds, c->corrupt);
	if (fs.n_blocks_unknown)
		fprintf(stderr, "scap-open: skipped %" PRIu64 " blocks of a type this reader "
			"does not know\n", fs.n_blocks_unknown);
	if (fs.n_blocks_unread)
		fprintf(stderr, "scap-open: skipped %" PRIu64 " blocks in a version this reader "
			"does not read (old event or process list blocks)\n", fs.n_blocks_unread);
}

/* -v: what the state (libsinsp) holds at the end, and what it had to let go. */
static void print_state_stats(struct capture *c)
{
	struct sinsp_stats st;

	if (!c->opts.verbose || capture_counts_only(c))
		return;
	sinsp_get_stats(c->state, &st);
	fprintf(stderr,
		"scap-open: state: %" PRIu64 " threads (%" PRIu64 " added, %" PRIu64
		" exited, %" PRIu64 " evicted), %" PRIu64 " fds (%" PRIu64
		" not kept: table full), %" PRIu64 " KiB\n",
		st.threads, st.threads_added, st.threads_removed, st.threads_evicted, st.fds,
		st.fds_dropped, st.memory_bytes / 1024);
}

void capture_print_stats(struct capture *c, double seconds)
{
	struct scap_stats s;
	int32_t rc = scap_get_stats(c->handle, &s);

	print_state_stats(c);
	if (c->opts.scap_file) {
		print_file_stats(c, seconds);
		return;
	}
	if (rc != SCAP_SUCCESS) {
		fprintf(stderr, "scap-open: reading the statistics failed: %s\n",
			scap_getlasterr(c->handle));
		return;
	}
	fprintf(stderr,
		"scap-open: %" PRIu64 " events %s; the driver captured %" PRIu64
		" in %.2f s (%.0f events/s)\n"
		"scap-open: drops: %" PRIu64 " (buffer full: %" PRIu64 ", too large: %" PRIu64
		"%s%.0" PRIu64 "); params unreadable: %" PRIu64 "; corrupt events: %" PRIu64 "\n",
		c->printed, kept_word(c), s.n_evts, seconds, seconds > 0 ? s.n_evts / seconds : 0.0,
		s.n_drops, s.n_drops_buffer, s.n_drops_max_event_size,
		/* A driver bug is never expected: named only when it happened. */
		s.n_drops_bug ? ", driver bug: " : "", s.n_drops_bug, s.n_fault_reads, c->corrupt);
	/*
	 * Without a drop every clone event arrived, so a thread gone before it
	 * was met was not the command's. With drops it may have been: its
	 * events are counted here, neither printed nor silently left out.
	 */
	if (c->opts.command && !c->opts.all_processes)
		fprintf(stderr, "scap-open: events not placed: %" PRIu64 " (of threads gone "
			"before they could be placed in or out of the command's scope)\n",
			s.n_drops ? c->scope.unplaced_events : 0);
}
