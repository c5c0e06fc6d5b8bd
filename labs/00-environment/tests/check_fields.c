// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Lab 00's answer key for exercise 00.3: it decodes the event pasted in
 * answers.txt (event_hex) and says, for each field you decoded by hand,
 * whether your answer is right. It never prints a right value: when an
 * answer is wrong, it names the bytes to look at and, when it can tell,
 * the mistake (bytes read in the wrong order, hex instead of decimal...).
 * It reads the bytes itself, without libscap's decoder, the code of lab 01.
 *
 *   check_fields ANSWERS      one line per field: "ok KEY" or "wrong KEY: why"
 *                             (the first line is about event_hex itself)
 * Exit status: 0 if every answer is right, 1 if one is not, 2 if event_hex
 * is missing or is not a whole openat exit event.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "ppm_events_public.h"

#define HDR_LEN 26	/* the packed struct ppm_evt_hdr */
#define MAX_EVT 65536
#define MAX_LINE 1024

static char g_answers[16][2][MAX_LINE];	/* key, value */
static int g_nanswers;
static int g_wrong;

/* Read "key = value" lines; blank values are kept (not filled in yet). */
static int read_answers(const char *path)
{
	char line[MAX_LINE];
	FILE *f = fopen(path, "r");

	if (!f) {
		perror(path);
		return -1;
	}
	while (fgets(line, sizeof(line), f) && g_nanswers < 16) {
		char *eq = strchr(line, '='), *k = line, *v, *end;

		if (line[0] == '#' || !eq)
			continue;
		*eq = '\0';
		v = eq + 1;
		while (*k == ' ' || *k == '\t')
			k++;
		for (end = eq; end > k && (end[-1] == ' ' || end[-1] == '\t'); end--)
			end[-1] = '\0';
		while (*v == ' ' || *v == '\t')
			v++;
		v[strcspn(v, "\r\n")] = '\0';
		for (end = v + strlen(v); end > v && (end[-1] == ' ' || end[-1] == '\t'); end--)
			end[-1] = '\0';
		snprintf(g_answers[g_nanswers][0], MAX_LINE, "%s", k);
		snprintf(g_answers[g_nanswers][1], MAX_LINE, "%s", v);
		g_nanswers++;
	}
	fclose(f);
	return 0;
}

static const char *answer(const char *key)
{
	for (int i = 0; i < g_nanswers; i++)
		if (!strcmp(g_answers[i][0], key))
			return g_answers[i][1];
	return "";
}

static int unhex(const char *hex, unsigned char *out, size_t max, size_t *n)
{
	size_t len = strlen(hex);

	if (len % 2 || len / 2 > max)
		return -1;
	for (*n = 0; *n < len / 2; (*n)++) {
		unsigned int byte;

		if (sscanf(hex + 2 * *n, "%2x", &byte) != 1 ||
		    !strchr("0123456789abcdefABCDEF", hex[2 * *n + 1]))
			return -1;
		out[*n] = byte;
	}
	return 0;
}

/* The size bytes at p as hex digits, as they are printed: "50000000". */
static const char *bytes_hex(const unsigned char *p, size_t size)
{
	static char s[2 * 64 + 1];

	for (size_t i = 0; i < size && i < 64; i++)
		snprintf(s + 2 * i, 3, "%02x", p[i]);
	return s;
}

/* The same bytes read the other way round (first byte highest). */
static uint64_t big_endian(const unsigned char *p, size_t size)
{
	uint64_t v = 0;

	for (size_t i = 0; i < size; i++)
		v = v << 8 | p[i];
	return v;
}

static void say(const char *key, const char *why)
{
	if (!why) {
		printf("ok %s\n", key);
		return;
	}
	printf("wrong %s: %s\n", key, why);
	g_wrong = 1;
}

/*
 * An unsigned field of size bytes at p (value v): compare the answer and
 * name the likely mistake.
 */
static void check_number(const char *key, const unsigned char *p, size_t size, uint64_t v,
			 const char *where)
{
	const char *got = answer(key);
	char want[32], why[256];
	char *end;
	unsigned long long as_hex;

	snprintf(want, sizeof(want), "%" PRIu64, v);
	if (!*got) {
		snprintf(why, sizeof(why), "not filled in yet (%s: bytes %s)", where,
			 bytes_hex(p, size));
		say(key, why);
		return;
	}
	if (!strcmp(got, want)) {
		say(key, NULL);
		return;
	}
	as_hex = strtoull(got, &end, 16);
	if (size > 1 && strtoull(got, NULL, 10) == big_endian(p, size) && big_endian(p, size) != v)
		snprintf(why, sizeof(why), "you read the bytes %s in the order they are printed; "
			 "the first byte is the lowest (little-endian): reverse them first",
			 bytes_hex(p, size));
	else if (!*end && as_hex == v)
		snprintf(why, sizeof(why), "this is the value in hexadecimal; write it in decimal");
	else
		snprintf(why, sizeof(why), "not what the bytes say (%s: bytes %s, little-endian)",
			 where, bytes_hex(p, size));
	say(key, why);
}

int main(int argc, char **argv)
{
	static unsigned char buf[MAX_EVT];
	struct ppm_evt_hdr hdr;
	uint16_t lens[PPM_MAX_EVENT_PARAMS];
	char want[PPM_MAX_EVENT_PARAMS * 6 + 1] = "", why[256];
	const char *got;
	char *end;
	size_t n, off;
	int64_t fd;

	if (argc != 2 || read_answers(argv[1]))
		return fprintf(stderr, "usage: check_fields ANSWERS\n"), 2;
	got = answer("event_hex");
	if (!*got)
		return printf("wrong event_hex: not filled in yet (run first_event, exercise 00.3)\n"), 2;
	if (unhex(got, buf, sizeof(buf), &n))
		return printf("wrong event_hex: not an even number of hex digits: paste the "
			      "line first_event printed, whole\n"), 2;
	memcpy(&hdr, buf, n < HDR_LEN ? n : HDR_LEN);
	if (n < HDR_LEN || hdr.len != n || hdr.type != PPME_SYSCALL_OPENAT_2_X ||
	    hdr.nparams < 3 || hdr.nparams > PPM_MAX_EVENT_PARAMS || HDR_LEN + 2 * hdr.nparams > n)
		return printf("wrong event_hex: %zu bytes that are not a whole openat exit event: "
			      "paste the line first_event printed, whole\n", n), 2;
	memcpy(lens, buf + HDR_LEN, 2 * hdr.nparams);
	off = HDR_LEN + 2 * hdr.nparams;
	if (lens[0] != 8 || off + lens[0] + lens[1] + lens[2] > n || !lens[2] ||
	    buf[off + lens[0] + lens[1] + lens[2] - 1] != '\0')
		return printf("wrong event_hex: its parameters do not fit the event: paste the "
			      "line first_event printed, whole\n"), 2;
	if (strncmp((const char *)buf + off + lens[0] + lens[1], "/etc/hostname", lens[2]))
		return printf("wrong event_hex: this event did not open /etc/hostname: paste what "
			      "first_event printed\n"), 2;
	say("event_hex", NULL);

	check_number("ts", buf, 8, hdr.ts, "the header's first 8 bytes");
	check_number("tid", buf + 8, 8, hdr.tid, "header bytes 8-15");
	check_number("len", buf + 16, 4, hdr.len, "header bytes 16-19");
	check_number("type", buf + 20, 2, hdr.type, "header bytes 20-21");
	check_number("nparams", buf + 22, 4, hdr.nparams, "header bytes 22-25");

	for (uint32_t i = 0; i < hdr.nparams; i++)
		snprintf(want + strlen(want), sizeof(want) - strlen(want), "%s%u", i ? "," : "",
			 lens[i]);
	got = answer("lengths");
	if (!*got)
		say("lengths", "not filled in yet (nparams lengths of 2 bytes each, after the header)");
	else if (strcmp(got, want) && strchr(got, ' '))
		say("lengths", "write them comma-separated, with no blank: 8,8,...");
	else if (strcmp(got, want))
		say("lengths", "not what the bytes after the header say (2 bytes each, "
			       "little-endian; a string's length counts its NUL byte)");
	else
		say("lengths", NULL);

	memcpy(&fd, buf + off, 8);
	got = answer("fd");
	snprintf(want, sizeof(want), "%" PRId64, fd);
	if (!*got)
		say("fd", "not filled in yet (parameter 1, the 8 bytes after the lengths)");
	else if (!strcmp(got, want))
		say("fd", NULL);
	else if (strtoull(got, NULL, 10) == big_endian(buf + off, 8))
		say("fd", "you read the bytes in the order they are printed; reverse them first");
	else if (fd >= 0 && strtoll(got, &end, 16) == fd && !*end)
		say("fd", "this is the value in hexadecimal; write it in decimal");
	else
		say("fd", "not what parameter 1's 8 bytes say (a signed number, little-endian)");

	got = answer("name");
	off += lens[0] + lens[1];
	if (!*got) {
		say("name", "not filled in yet (parameter 3, a string)");
	} else if (!strcmp(got, (const char *)buf + off)) {
		say("name", NULL);
	} else {
		snprintf(why, sizeof(why), "not what parameter 3's %u bytes say: write the text, "
			 "without quotes and without the NUL byte that ends it", lens[2]);
		say("name", why);
	}
	return g_wrong;
}
