// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Lab 04's check of the flag converter, renameat2_flags_to_scap() (04.4),
 * compiled here from driver/renameat2_flags_to_scap.h, the header the
 * probe's renameat2 filler includes. No kernel needed.
 *
 *   convert known      the converter on each RENAME_* bit and on several
 *                      at once: one line each, exit 1 if one is wrong
 *   convert unknown    the same on bits that no RENAME_* flag has
 *   convert RAW        print renameat2_flags_to_scap(RAW), in decimal
 *                      (04.3's check: what your filler must store)
 *
 * A program of its own, apart from tables.c: if the header does not
 * compile, only the checks that run the converter fail.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/fs.h>	/* RENAME_NOREPLACE, RENAME_EXCHANGE, RENAME_WHITEOUT */
#include "renameat2_flags_to_scap.h"

/* What each kernel value must become: Falco's bits, unknown bits dropped. */
static const struct {
	const char *what;
	__u32 kernel;
	__u32 want;
	const char *want_text;
} g_conversions[] = {
	{ "0", 0, 0, "0" },
	{ "RENAME_NOREPLACE", RENAME_NOREPLACE, PPM_RENAME_NOREPLACE, "PPM_RENAME_NOREPLACE" },
	{ "RENAME_EXCHANGE", RENAME_EXCHANGE, PPM_RENAME_EXCHANGE, "PPM_RENAME_EXCHANGE" },
	{ "RENAME_WHITEOUT", RENAME_WHITEOUT, PPM_RENAME_WHITEOUT, "PPM_RENAME_WHITEOUT" },
	{ "RENAME_NOREPLACE|RENAME_EXCHANGE", RENAME_NOREPLACE | RENAME_EXCHANGE,
	  PPM_RENAME_NOREPLACE | PPM_RENAME_EXCHANGE, "PPM_RENAME_NOREPLACE|PPM_RENAME_EXCHANGE" },
	{ "RENAME_EXCHANGE|RENAME_WHITEOUT", RENAME_EXCHANGE | RENAME_WHITEOUT,
	  PPM_RENAME_EXCHANGE | PPM_RENAME_WHITEOUT, "PPM_RENAME_EXCHANGE|PPM_RENAME_WHITEOUT" },
	{ "unknown bit 0x8", 0x8, 0, "0" },
	{ "RENAME_NOREPLACE|0x8", RENAME_NOREPLACE | 0x8, PPM_RENAME_NOREPLACE,
	  "PPM_RENAME_NOREPLACE" },
	{ "every bit (0xffffffff)", 0xffffffffU,
	  PPM_RENAME_NOREPLACE | PPM_RENAME_EXCHANGE | PPM_RENAME_WHITEOUT,
	  "PPM_RENAME_NOREPLACE|PPM_RENAME_EXCHANGE|PPM_RENAME_WHITEOUT" },
};

/*
 * Check the converter; known selects the known flags (each alone and
 * together) or the unknown bits.
 */
static int check_convert(int known)
{
	int bad = 0;

	for (size_t i = 0; i < sizeof(g_conversions) / sizeof(g_conversions[0]); i++) {
		__u32 got = renameat2_flags_to_scap(g_conversions[i].kernel);
		int is_known = !(g_conversions[i].kernel & ~(RENAME_NOREPLACE | RENAME_EXCHANGE |
							      RENAME_WHITEOUT));

		if (is_known != known)
			continue;
		printf("  renameat2_flags_to_scap(%s = 0x%x) = 0x%x", g_conversions[i].what,
		       g_conversions[i].kernel, got);
		if (got == g_conversions[i].want) {
			printf(": ok\n");
			continue;
		}
		printf(", expected %s\n", g_conversions[i].want_text);
		bad = 1;
	}
	return bad;
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "known"))
		return check_convert(1);
	if (argc == 2 && !strcmp(argv[1], "unknown"))
		return check_convert(0);
	if (argc == 2) {
		printf("%u\n", renameat2_flags_to_scap((__u32)strtoul(argv[1], NULL, 0)));
		return 0;
	}
	fprintf(stderr, "usage: convert known|unknown|RAW\n");
	return 2;
}
