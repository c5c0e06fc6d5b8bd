/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The promise every fuzzer here checks on what the formatters print: it
 * is safe for the analyst's terminal, whatever bytes a traced program or
 * a capture file holds.
 */
#ifndef SCAPLAB_FUZZ_TERMINAL_SAFE_H
#define SCAPLAB_FUZZ_TERMINAL_SAFE_H

#include <stdint.h>
#include <stdlib.h>
#include "scap_strbuf.h"

/*
 * The next code point of s[0..n), or -1 if the bytes there are not valid
 * UTF-8 (overlong, a surrogate, above U+10FFFF, cut short). *len gets its
 * length in bytes.
 */
static inline long next_code_point(const uint8_t *s, size_t n, size_t *len)
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
static inline void check_terminal_safe(const struct scap_strbuf *sb)
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

#endif /* SCAPLAB_FUZZ_TERMINAL_SAFE_H */
