// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * A libFuzzer harness for the decoder and the formatter: arbitrary bytes
 * go through scap_event_decode and, if they decode, through both
 * formatters. Any read out of bounds (ASan), undefined behavior (UBSan) or
 * broken promise below is a crash that libFuzzer reports with its input.
 *
 * Build and run for 60 seconds (from the top of the repo):
 *   sh scripts/gen-syscall-names.sh > /tmp/syscall_names.c
 *   clang -g -O1 -std=gnu11 -D_GNU_SOURCE -I driver -I userspace/libscap \
 *       -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
 *       test/fuzz/fuzz_decoder.c userspace/libscap/scap_event.c \
 *       userspace/libscap/scap_format.c userspace/libscap/scap_strbuf.c \
 *       driver/event_table.c driver/flags_table.c /tmp/syscall_names.c -o /tmp/fuzz_decoder
 *   mkdir -p /tmp/fuzz_corpus && /tmp/fuzz_decoder -max_total_time=60 /tmp/fuzz_corpus
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scap_event.h"
#include "scap_format.h"

/* Every byte of the output is printable, or part of a UTF-8 character. */
static void check_no_control_chars(const struct scap_strbuf *sb)
{
	const uint8_t *s = (const uint8_t *)scap_strbuf_str(sb);
	size_t i;

	for (i = 0; i < scap_strbuf_len(sb); i++) {
		if (s[i] < 0x20)
			abort();
	}
}

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
	/* Text: one line, whatever the bytes. */
	scap_format_params_text(&sb, &v, 80);
	check_no_control_chars(&sb);
	scap_strbuf_reset(&sb);
	/* JSON: control characters only ever appear escaped. */
	scap_format_params_json(&sb, &v);
	check_no_control_chars(&sb);
	scap_strbuf_free(&sb);
	return 0;
}
