// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Lab 00's answer key: the fields of one raw openat exit event, given as
 * hex, one "key = value" line each, in the order of answers.txt. It reads
 * the bytes itself, without libscap's decoder, so that it works while
 * lab 01 has the decoder cut out.
 *
 *   event_fields HEX
 */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "ppm_events_public.h"

#define HDR_LEN 26	/* the packed struct ppm_evt_hdr */
#define MAX_EVT 65536

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

int main(int argc, char **argv)
{
	static unsigned char buf[MAX_EVT];
	struct ppm_evt_hdr hdr;
	uint16_t lens[PPM_MAX_EVENT_PARAMS];
	size_t n, off;
	int64_t res;

	if (argc != 2 || unhex(argv[1], buf, sizeof(buf), &n)) {
		fprintf(stderr, "event_fields: give one event as an even number of hex digits\n");
		return 2;
	}
	if (n < HDR_LEN) {
		fprintf(stderr, "event_fields: %zu bytes: shorter than the 26-byte header\n", n);
		return 2;
	}
	memcpy(&hdr, buf, HDR_LEN);
	if (hdr.len != n || hdr.type != PPME_SYSCALL_OPENAT_2_X || hdr.nparams > PPM_MAX_EVENT_PARAMS ||
	    HDR_LEN + 2 * hdr.nparams > n) {
		fprintf(stderr, "event_fields: not a whole openat exit event (len %u, type %u, "
			"%zu bytes): capture one with first_event\n", hdr.len, hdr.type, n);
		return 2;
	}
	memcpy(lens, buf + HDR_LEN, 2 * hdr.nparams);
	printf("ts = %llu\ntid = %llu\nlen = %u\ntype = %u\nnparams = %u\nlengths = ",
	       (unsigned long long)hdr.ts, (unsigned long long)hdr.tid, hdr.len, hdr.type,
	       hdr.nparams);
	for (uint32_t i = 0; i < hdr.nparams; i++)
		printf("%s%u", i ? "," : "", lens[i]);
	printf("\n");
	/* Parameter 1: fd (PT_FD, 8 bytes); parameter 2: dirfd; 3: name (a string). */
	off = HDR_LEN + 2 * hdr.nparams;
	if (hdr.nparams < 3 || lens[0] != 8 || off + lens[0] + lens[1] + lens[2] > n) {
		fprintf(stderr, "event_fields: the parameters do not fit the event\n");
		return 2;
	}
	memcpy(&res, buf + off, 8);
	printf("fd = %lld\n", (long long)res);
	off += lens[0] + lens[1];
	printf("name = %.*s\n", lens[2] ? lens[2] - 1 : 0, (const char *)buf + off);
	return 0;
}
