// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Do two capture files hold the same events, byte for byte? Reads both
 * through libscap's savefile engine and compares each event's bytes and
 * CPU, in order (test/bats/savefile_write.bats: a capture written by
 * scap-open -w, then copied by -r A -w B, must be identical).
 *
 *   build/test/scap_cmp A.scap B.scap
 *
 * Prints "N events, identical", or the first event that differs; exit 1
 * then, 2 if a file cannot be read.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include "engine/savefile/savefile_public.h"
#include "scap.h"

static scap_t *open_file(const char *fname, struct scap_savefile_engine_params *p)
{
	struct scap_open_args args = { .mode = SCAP_MODE_CAPTURE, .engine = SCAP_ENGINE_SAVEFILE,
				       .engine_params = p };
	char err[SCAP_LASTERR_SIZE];
	int32_t rc;
	scap_t *h;

	p->fname = fname;
	h = scap_open(&args, err, &rc);
	if (!h)
		fprintf(stderr, "scap_cmp: %s\n", err);
	return h;
}

int main(int argc, char **argv)
{
	struct scap_savefile_engine_params pa, pb;
	scap_t *a, *b;
	uint64_t n = 0;
	int ret = 2;

	if (argc != 3) {
		fprintf(stderr, "usage: scap_cmp A.scap B.scap\n");
		return 2;
	}
	a = open_file(argv[1], &pa);
	b = open_file(argv[2], &pb);
	while (a && b) {
		struct ppm_evt_hdr *ea, *eb;
		uint16_t ca, cb;
		int32_t ra = scap_next(a, &ea, &ca), rb = scap_next(b, &eb, &cb);

		if (ra == SCAP_EOF && rb == SCAP_EOF) {
			printf("%" PRIu64 " events, identical\n", n);
			ret = 0;
			break;
		}
		if (ra != SCAP_SUCCESS || rb != SCAP_SUCCESS) {
			printf("after %" PRIu64 " events: %s ends or fails (%s), %s does not (%s)\n", n,
			       ra != SCAP_SUCCESS ? argv[1] : argv[2],
			       scap_getlasterr(ra != SCAP_SUCCESS ? a : b),
			       ra != SCAP_SUCCESS ? argv[2] : argv[1],
			       scap_getlasterr(ra != SCAP_SUCCESS ? b : a));
			ret = 1;
			break;
		}
		n++;
		if (ca != cb || ea->len != eb->len || memcmp(ea, eb, ea->len)) {
			printf("event %" PRIu64 " differs: cpu %u/%u, %u/%u bytes, type %u/%u\n", n, ca,
			       cb, ea->len, eb->len, ea->type, eb->type);
			ret = 1;
			break;
		}
	}
	scap_close(a);
	scap_close(b);
	return ret;
}
