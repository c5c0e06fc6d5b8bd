// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * A libFuzzer harness for the capture file reader: arbitrary bytes are a
 * file that the savefile engine (userspace/libscap/engine/savefile/)
 * opens and reads to its end, as scap-open -r does: each event it returns
 * is checked against the bytes it says it occupies, decoded (by the schema,
 * or raw for a type the schema does not describe) and printed both ways.
 * Any read out of bounds (ASan), undefined behavior (UBSan), hang or
 * broken promise is a crash that libFuzzer reports with its input.
 *
 * Seeds: the capture files of test/data/, whole and cut short.
 *   make fuzz                     each fuzzer 60 seconds
 * A crash leaves its input in build/test/fuzz/savefile/.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "savefile_public.h"
#include "scap_event_raw.h"
#include "scap_format.h"
#include "scap_vtable.h"
#include "terminal_safe.h"

extern const struct scap_vtable scap_savefile_engine;

/* A file's events, at most: enough for every seed, and no input can loop. */
#define MAX_EVENTS 20000
/* Failures in a row after which the framing is taken as broken. */
#define MAX_FAILURES 3

static void print_event(struct scap_strbuf *sb, const struct ppm_evt_hdr *hdr)
{
	char err[SCAP_LASTERR_SIZE];
	struct scap_evt_view v;

	if (scap_event_decode(hdr, hdr->len, &v, err, sizeof(err)) == SCAP_SUCCESS) {
		scap_format_params_text(sb, &v, 80);
		check_terminal_safe(sb);
		scap_strbuf_reset(sb);
		scap_format_params_json(sb, &v);
	} else if (scap_event_decode_raw(hdr, hdr->len, &v, err, sizeof(err)) == SCAP_SUCCESS) {
		scap_format_raw_text(sb, &v, 80);
		check_terminal_safe(sb);
		scap_strbuf_reset(sb);
		scap_format_raw_json(sb, &v);
	} else if (!err[0]) {
		abort();	/* a refusal always says why */
	}
	check_terminal_safe(sb);
	scap_strbuf_reset(sb);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int fd = -1;
	static char fname[64];
	struct scap_savefile_engine_params params = { .fname = fname };
	struct scap_open_args args = { .mode = SCAP_MODE_CAPTURE,
				       .engine = SCAP_ENGINE_SAVEFILE,
				       .engine_params = &params };
	struct scap_engine_handle *h;
	const struct scap_threadinfo *threads;
	char err[SCAP_LASTERR_SIZE] = "";
	struct scap_strbuf sb;
	uint32_t nthreads;
	int failures = 0;

	/* One file in memory, rewritten for each input. */
	if (fd < 0) {
		fd = memfd_create("fuzz.scap", 0);
		if (fd < 0)
			abort();
		snprintf(fname, sizeof(fname), "/proc/self/fd/%d", fd);
	}
	if (ftruncate(fd, 0) || pwrite(fd, data, size, 0) != (ssize_t)size)
		abort();

	if (scap_savefile_engine.init(&h, &args, err) != SCAP_SUCCESS) {
		if (!err[0] || h)
			abort();	/* a refusal says why, and leaves nothing open */
		return 0;
	}
	/* The process list: every comm is a C string. */
	if (scap_savefile_engine.get_proc_table(h, &threads, &nthreads) != SCAP_SUCCESS)
		abort();
	for (uint32_t i = 0; i < nthreads; i++) {
		if (!memchr(threads[i].comm, '\0', sizeof(threads[i].comm)))
			abort();
	}
	if (scap_strbuf_init(&sb))
		abort();
	for (int n = 0; n < MAX_EVENTS && failures < MAX_FAILURES; n++) {
		struct ppm_evt_hdr *evt;
		uint32_t bytes;
		uint16_t cpu;
		int32_t rc;

		err[0] = '\0';
		rc = scap_savefile_engine.next(h, &evt, &cpu, &bytes, err);
		if (rc == SCAP_EOF)
			break;
		if (rc != SCAP_SUCCESS) {
			if (!err[0])
				abort();
			failures++;
			continue;
		}
		failures = 0;
		/* The length contract (scap_next in scap.h): the event fits its bytes. */
		if (bytes < sizeof(*evt) || evt->len > bytes)
			abort();
		print_event(&sb, evt);
	}
	scap_strbuf_free(&sb);
	scap_savefile_engine.close(h);
	return 0;
}
