// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * See scap_escape.h: bytes of the traced system made safe for a terminal
 * (text) or kept exactly in valid JSON.
 */
#include <string.h>
#include "scap_escape.h"

static bool is_printable_ascii(uint8_t c)
{
	return c >= 0x20 && c <= 0x7e;
}

/*
 * If s starts with a valid UTF-8 sequence of 2 to 4 bytes, its length;
 * else 0. Valid means as in Unicode's table "Well-Formed UTF-8 Byte
 * Sequences": no overlong forms (0xc0, 0xc1, 0xe0 0x80..0x9f, 0xf0
 * 0x80..0x8f), no UTF-16 surrogates (0xed 0xa0..0xbf), nothing above
 * U+10FFFF (0xf4 0x90.., 0xf5..0xff).
 */
static size_t utf8_sequence_len(const uint8_t *s, size_t avail)
{
	uint8_t lo = 0x80, hi = 0xbf;	/* the range allowed for the second byte */
	size_t n, k;

	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		n = 2;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 3;
		if (s[0] == 0xe0)
			lo = 0xa0;
		if (s[0] == 0xed)
			hi = 0x9f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 4;
		if (s[0] == 0xf0)
			lo = 0x90;
		if (s[0] == 0xf4)
			hi = 0x8f;
	} else {
		return 0;
	}
	if (avail < n || s[1] < lo || s[1] > hi)
		return 0;
	for (k = 2; k < n; k++) {
		if (s[k] < 0x80 || s[k] > 0xbf)
			return 0;
	}
	return n;
}

/*
 * The code point of a valid UTF-8 sequence of n bytes (utf8_sequence_len)
 * that a terminal must not be given: a C1 control (U+0080..U+009F, e.g.
 * U+009B, which some terminals take as the start of an escape sequence)
 * or a bidi override that reorders what the rest of the line shows
 * (U+202A..U+202E, U+2066..U+2069: "trojan source"). 0 if none.
 */
static uint32_t unsafe_code_point(const uint8_t *s, size_t n)
{
	uint32_t cp;

	if (n == 2)
		cp = (s[0] & 0x1fu) << 6 | (s[1] & 0x3fu);
	else if (n == 3)
		cp = (s[0] & 0x0fu) << 12 | (s[1] & 0x3fu) << 6 | (s[2] & 0x3fu);
	else
		return 0;
	if ((cp >= 0x80 && cp <= 0x9f) || (cp >= 0x202a && cp <= 0x202e) ||
	    (cp >= 0x2066 && cp <= 0x2069))
		return cp;
	return 0;
}

/*
 * Append bytes for the text output, which goes to a terminal: control
 * characters (C0, DEL, C1), bidi overrides and bytes that are not valid
 * UTF-8 become '.', so that no traced program can move the cursor, set
 * the title, or split an event's line. Valid UTF-8 otherwise prints as it
 * is. With only_ascii (binary I/O data), every byte from 0x80 up is '.'.
 */
static void append_printable(struct scap_strbuf *sb, const uint8_t *s, size_t len, bool only_ascii)
{
	size_t i = 0, n;

	while (i < len) {
		if (is_printable_ascii(s[i])) {
			/* A run of them at once: the common case, paths and names. */
			for (n = i + 1; n < len && is_printable_ascii(s[n]); n++)
				;
			scap_strbuf_append_bytes(sb, s + i, n - i);
			i = n;
			continue;
		}
		n = only_ascii || s[i] < 0x80 ? 0 : utf8_sequence_len(s + i, len - i);
		if (n && !unsafe_code_point(s + i, n)) {
			scap_strbuf_append_bytes(sb, s + i, n);
			i += n;
			continue;
		}
		scap_strbuf_append_char(sb, '.');
		i += n ? n : 1;
	}
}

void scap_text_append_string(struct scap_strbuf *sb, const uint8_t *s, size_t len)
{
	append_printable(sb, s, len, false);
}

void scap_text_append_data(struct scap_strbuf *sb, const uint8_t *s, size_t len)
{
	append_printable(sb, s, len, true);
}

/* Append one byte as the JSON escape \u00XX. */
static void json_append_byte_escape(struct scap_strbuf *sb, uint8_t c)
{
	scap_strbuf_appendf(sb, "\\u%04x", c);
}

void scap_json_append_escaped(struct scap_strbuf *sb, const uint8_t *s, size_t len)
{
	size_t i = 0, n;

	while (i < len) {
		uint8_t c = s[i];

		if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
			/* A run of bytes that need no escape, at once. */
			for (n = i + 1; n < len && s[n] >= 0x20 && s[n] < 0x7f && s[n] != '"' &&
			     s[n] != '\\'; n++)
				;
			scap_strbuf_append_bytes(sb, s + i, n - i);
			i = n;
			continue;
		}
		if (c == '"' || c == '\\') {
			scap_strbuf_append_char(sb, '\\');
			scap_strbuf_append_char(sb, (char)c);
		} else if (c == '\n') {
			scap_strbuf_append(sb, "\\n");
		} else if (c == '\t') {
			scap_strbuf_append(sb, "\\t");
		} else if (c == '\r') {
			scap_strbuf_append(sb, "\\r");
		} else if (c == '\b') {
			scap_strbuf_append(sb, "\\b");
		} else if (c == '\f') {
			scap_strbuf_append(sb, "\\f");
		} else if (c < 0x20 || c == 0x7f) {
			json_append_byte_escape(sb, c);
		} else {
			n = utf8_sequence_len(s + i, len - i);
			if (n && unsafe_code_point(s + i, n)) {
				/* Valid, but escaped: a terminal that shows the JSON stays safe. */
				scap_strbuf_appendf(sb, "\\u%04x", unsafe_code_point(s + i, n));
				i += n;
				continue;
			}
			if (n) {
				scap_strbuf_append_bytes(sb, s + i, n);
				i += n;
				continue;
			}
			/*
			 * Not UTF-8: the lone surrogate U+DCXX, as Python's
			 * "surrogateescape" writes byte XX. No valid UTF-8 text
			 * decodes to one, so a reader tells the byte 0xff from
			 * the character U+00FF and can get the byte back.
			 */
			scap_strbuf_appendf(sb, "\\udc%02x", c);
		}
		i++;
	}
}

void scap_json_append_string(struct scap_strbuf *sb, const uint8_t *s, size_t len)
{
	scap_strbuf_append_char(sb, '"');
	scap_json_append_escaped(sb, s, len);
	scap_strbuf_append_char(sb, '"');
}

void scap_json_append_data(struct scap_strbuf *sb, const uint8_t *s, size_t len)
{
	size_t i;

	scap_strbuf_append_char(sb, '"');
	for (i = 0; i < len; i++) {
		if (s[i] == '"' || s[i] == '\\') {
			scap_strbuf_append_char(sb, '\\');
			scap_strbuf_append_char(sb, (char)s[i]);
		} else if (is_printable_ascii(s[i])) {
			scap_strbuf_append_char(sb, (char)s[i]);
		} else {
			json_append_byte_escape(sb, s[i]);
		}
	}
	scap_strbuf_append_char(sb, '"');
}
