/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Writing bytes of the traced system: a file name, a process name, a
 * socket path, I/O data. A traced program chooses them, so they may hold
 * anything: escape sequences for the analyst's terminal, a newline that
 * would split an event's line, bytes that are not UTF-8.
 *
 *   text (a terminal)   only printable text: every control character,
 *                       bidi override and non-UTF-8 byte becomes '.'
 *   JSON                every byte kept, in a form that can be told apart
 *                       from every other: a non-UTF-8 byte XX is \udcXX
 *
 *   bytes              text     JSON
 *   "a\nb"             a.b      "a\nb"
 *   ESC [ 2 J          .[2J     "\u001b[2J"
 *   c3 a9 ("é")        é        "é"
 *   ff (not UTF-8)     .        "\udcff"
 *   c3 bf ("ÿ")        ÿ        "ÿ"
 *   c2 9b (U+009B)     .        "\u009b"
 *   e2 80 ae (U+202E)  .        "\u202e"
 */
#ifndef SCAPLAB_SCAP_ESCAPE_H
#define SCAPLAB_SCAP_ESCAPE_H

#include <stddef.h>
#include <stdint.h>
#include "scap_strbuf.h"

/*
 * Append len bytes of s for a terminal: each control character (C0, DEL,
 * C1), bidi override (U+202A..U+202E, U+2066..U+2069) and byte that is not
 * valid UTF-8 becomes '.'. The text output writes every string of the
 * traced system this way, the process name included.
 */
void scap_text_append_string(struct scap_strbuf *sb, const uint8_t *s, size_t len);

/* The same for I/O data, which is not text: every byte from 0x80 up is '.' too. */
void scap_text_append_data(struct scap_strbuf *sb, const uint8_t *s, size_t len);

/*
 * Append len bytes of s as a quoted JSON string. '"' and '\' are escaped,
 * control characters (and DEL) become \n, \t, \r, \b, \f or \u00XX (C1 controls
 * and bidi overrides too, though valid UTF-8), valid UTF-8 passes through,
 * and each byte that is not part of valid UTF-8 (0xff, a lone 0xc3)
 * becomes the lone surrogate \udcXX of its value, as Python's
 * "surrogateescape" does: unlike \u00ff, which is the character U+00FF,
 * it can only mean the byte 0xff (Python gets the bytes back with
 * s.encode("utf-8", "surrogateescape"); jq shows it as U+FFFD). The result
 * is always valid JSON. A NUL byte inside len becomes \u0000.
 */
void scap_json_append_string(struct scap_strbuf *sb, const uint8_t *s, size_t len);

/* The same without the quotes, for a string built from parts. */
void scap_json_append_escaped(struct scap_strbuf *sb, const uint8_t *s, size_t len);

/*
 * Append I/O data as a JSON string: printable ASCII as it is (with '"'
 * and '\' escaped), every other byte as \u00XX of its value. Data is not
 * text, so no byte is taken as UTF-8, and \u00XX is unambiguous here:
 * execve's args "ls\0-l\0" come out as "ls\u0000-l\u0000".
 */
void scap_json_append_data(struct scap_strbuf *sb, const uint8_t *s, size_t len);

#endif /* SCAPLAB_SCAP_ESCAPE_H */
