// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * A libFuzzer harness for the decoder and the formatter: arbitrary bytes
 * go through scap_event_decode and, if they decode, through both
 * formatters. Any read out of bounds (ASan), undefined behavior (UBSan) or
 * broken promise below is a crash that libFuzzer reports with its input.
 *
 * Build and run (from the top of the repo; seeds: lab 01's golden events;
 * fuzz_savefile.c feeds the decoder the events of real capture files):
 *   make fuzz                     each fuzzer 60 seconds
 *   make fuzz FUZZ_SECONDS=3600   an hour each
 * make test runs each for 20 seconds. A crash leaves its input in
 * build/test/fuzz/decoder/, and the log there (fuzz.log) says which.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scap_event.h"
#include "scap_format.h"
#include "terminal_safe.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char err[SCAP_LASTERR_SIZE];
	struct scap_evt_view v;
	struct scap_strbuf sb;
	uint32_t i;

	if (scap_event_decode(data, size, &v, err, sizeof(err)) != SCAP_SUCCESS) {
		/* A refusal always says why. */
		if (err[0] == '\0' || strlen(err) >= sizeof(err))
			abort();
		return 0;
	}

	/* The decoder's promises: every parameter inside the event. */
	if (v.hdr->len > size || v.nparams > PPM_MAX_EVENT_PARAMS)
		abort();
	for (i = 0; i < v.nparams; i++) {
		if (v.params[i].len && (v.params[i].val < data ||
					v.params[i].val + v.params[i].len > data + v.hdr->len))
			abort();
	}

	if (scap_strbuf_init(&sb))
		return 0;
	/* Text: one line, safe for a terminal, whatever the bytes. */
	scap_format_params_text(&sb, &v, 80);
	check_terminal_safe(&sb);
	scap_strbuf_reset(&sb);
	/* JSON: the same; control characters only ever appear escaped. */
	scap_format_params_json(&sb, &v);
	check_terminal_safe(&sb);
	scap_strbuf_free(&sb);
	return 0;
}
