// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * A libFuzzer harness for the decoder and the formatter: arbitrary bytes
 * go through scap_event_decode and, if they decode, through both
 * formatters. Any read out of bounds (ASan), undefined behavior (UBSan) or
 * broken promise below is a crash that libFuzzer reports with its input.
 *
 * Build and run (from the top of the repo; seeds: lab 01's golden events):
 *   make fuzz                     60 seconds
 *   make fuzz FUZZ_SECONDS=3600   an hour
 * make test runs it for 20 seconds. A crash leaves its input in
 * build/test/fuzz/, and the log (build/test/fuzz/fuzz.log) says which.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scap_event.h"
#include "scap_format.h"

/*
 * The next code point of s[0..n), or -1 if the bytes there are not valid
 * UTF-8 (overlong, a surrogate, above U+10FFFF, cut short). *len gets its
 * length in bytes.
 */
static long next_code_point(const uint8_t *s, size_t n, size_t *len)
{
	static const uint32_t min[5] = { 0, 0, 0x80, 0x800, 0x10000 };
	uint32_t cp;
	size_t k;

	if (s[0] < 0x80) {
		*len = 1;
		return s[0];
	}
	*len = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc0 ? 2 : 0;
	if (!*len || *len > n || s[0] >= 0xf8)
		return -1;
	cp = s[0] & (0x7f >> *len);
	for (k = 1; k < *len; k++) {
		if ((s[k] & 0xc0) != 0x80)
			return -1;
		cp = cp << 6 | (s[k] & 0x3f);
	}
	if (cp < min[*len] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return -1;
	return cp;
}

/*
 * The promise to the analyst's terminal, for text and JSON alike: the
 * output is valid UTF-8 and carries no control character (C0, DEL, C1)
 * and no bidi override, raw. (JSON writes them escaped, as ASCII.)
 */
static void check_terminal_safe(const struct scap_strbuf *sb)
{
	const uint8_t *s = (const uint8_t *)scap_strbuf_str(sb);
	size_t i = 0, n = scap_strbuf_len(sb), len;

	while (i < n) {
		long cp = next_code_point(s + i, n - i, &len);

		if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0x202a && cp <= 0x202e) ||
		    (cp >= 0x2066 && cp <= 0x2069))
			abort();
		i += len;
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
