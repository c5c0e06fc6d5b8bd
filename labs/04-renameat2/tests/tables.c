// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Lab 04's checks of its tables and of its flag converter, read as libscap
 * and the probe see them (no kernel needed): each prints what differs from
 * Falco's definition of renameat2 and exits 1 if something does.
 *
 *   tables schema     driver/event_table.c: the renameat2 enter and exit events
 *   tables pair       driver/syscall_table.c: the entry of __NR_renameat2
 *   tables convert known    renameat2_flags_to_scap() on each RENAME_* bit
 *                           and on several at once
 *   tables convert unknown  the same on bits that no RENAME_* flag has
 *   tables convert RAW      print renameat2_flags_to_scap(RAW), in decimal
 *
 * The converter is compiled here from driver/renameat2_flags_to_scap.h,
 * the header the probe's renameat2 filler includes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <linux/fs.h>	/* RENAME_NOREPLACE, RENAME_EXCHANGE, RENAME_WHITEOUT */
#include "flags_table.h"
#include "renameat2_flags_to_scap.h"
#include "scap_event.h"

static const char *const fmt_names[] = { "PF_NA", "PF_DEC", "PF_HEX", "PF_OCT" };

static const char *fmt_name(enum ppm_print_format fmt)
{
	return (unsigned int)fmt < sizeof(fmt_names) / sizeof(fmt_names[0]) ? fmt_names[fmt] : "?";
}

/* Falco's renameat2 exit event (event_table.c of falcosecurity/libs). */
static const struct ppm_param_info want_exit[] = {
	{ "res", PT_ERRNO, PF_DEC, NULL },
	{ "olddirfd", PT_FD, PF_DEC, NULL },
	{ "oldpath", PT_FSRELPATH, PF_NA, DIRFD_PARAM(1) },
	{ "newdirfd", PT_FD, PF_DEC, NULL },
	{ "newpath", PT_FSRELPATH, PF_NA, DIRFD_PARAM(3) },
	{ "flags", PT_FLAGS32, PF_HEX, renameat2_flags },
};
#define WANT_NPARAMS (sizeof(want_exit) / sizeof(want_exit[0]))

/* How a param's info field reads in a message. */
static void describe_info(char *buf, size_t len, const struct ppm_param_info *p)
{
	if (p->type == PT_FSRELPATH)
		snprintf(buf, len, "DIRFD_PARAM(%lu)", (unsigned long)p->info);
	else if (p->info == renameat2_flags)
		snprintf(buf, len, "renameat2_flags");
	else
		snprintf(buf, len, p->info ? "some other table (%p)" : "NULL", p->info);
}

static int check_param(uint32_t i, const struct ppm_param_info *got,
		       const struct ppm_param_info *want)
{
	char got_info[64], want_info[64];
	int bad = 0;

	if (strncmp(got->name, want->name, PPM_MAX_NAME_LEN)) {
		printf("param %u: name \"%.*s\", expected \"%s\"\n", i + 1, PPM_MAX_NAME_LEN,
		       got->name, want->name);
		bad = 1;
	}
	if (got->type != want->type) {
		printf("param %u (%s): type %s, expected %s\n", i + 1, want->name,
		       scap_param_type_name(got->type), scap_param_type_name(want->type));
		bad = 1;
	}
	if (got->fmt != want->fmt) {
		printf("param %u (%s): print format %s, expected %s\n", i + 1, want->name,
		       fmt_name(got->fmt), fmt_name(want->fmt));
		bad = 1;
	}
	describe_info(got_info, sizeof(got_info), got);
	describe_info(want_info, sizeof(want_info), want);
	if (strcmp(got_info, want_info)) {
		printf("param %u (%s): info %s, expected %s\n", i + 1, want->name, got_info,
		       want_info);
		bad = 1;
	}
	return bad;
}

static int check_schema(void)
{
	const struct ppm_event_info *e = &g_event_info[PPME_SYSCALL_RENAMEAT2_E];
	const struct ppm_event_info *x = &g_event_info[PPME_SYSCALL_RENAMEAT2_X];
	int bad = 0;

	if (strcmp(e->name, "renameat2") || e->nparams != 0) {
		printf("PPME_SYSCALL_RENAMEAT2_E: name \"%s\" with %u params, expected "
		       "\"renameat2\" with 0 (the enter event carries nothing)\n", e->name,
		       e->nparams);
		bad = 1;
	}
	if (strcmp(x->name, "renameat2")) {
		printf("PPME_SYSCALL_RENAMEAT2_X: name \"%s\", expected \"renameat2\"\n", x->name);
		bad = 1;
	}
	if (x->nparams != WANT_NPARAMS) {
		printf("PPME_SYSCALL_RENAMEAT2_X: %u params, expected %zu: res, olddirfd, "
		       "oldpath, newdirfd, newpath, flags\n", x->nparams, WANT_NPARAMS);
		return 1;
	}
	for (uint32_t i = 0; i < WANT_NPARAMS; i++)
		bad |= check_param(i, &x->params[i], &want_exit[i]);
	return bad;
}

static int check_pair(void)
{
	const struct syscall_evt_pair *p = &g_syscall_table[__NR_renameat2];

	if (!(p->flags & UF_USED)) {
		printf("g_syscall_table[__NR_renameat2] (%d) is empty: renameat2 makes "
		       "the generic events\n", __NR_renameat2);
		return 1;
	}
	if (p->enter_event_type != PPME_SYSCALL_RENAMEAT2_E ||
	    p->exit_event_type != PPME_SYSCALL_RENAMEAT2_X) {
		printf("g_syscall_table[__NR_renameat2] names events %d and %d, expected "
		       "PPME_SYSCALL_RENAMEAT2_E (%d) and PPME_SYSCALL_RENAMEAT2_X (%d)\n",
		       p->enter_event_type, p->exit_event_type, PPME_SYSCALL_RENAMEAT2_E,
		       PPME_SYSCALL_RENAMEAT2_X);
		return 1;
	}
	return 0;
}

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
	if (argc == 2 && !strcmp(argv[1], "schema"))
		return check_schema();
	if (argc == 2 && !strcmp(argv[1], "pair"))
		return check_pair();
	if (argc == 3 && !strcmp(argv[1], "convert") && !strcmp(argv[2], "known"))
		return check_convert(1);
	if (argc == 3 && !strcmp(argv[1], "convert") && !strcmp(argv[2], "unknown"))
		return check_convert(0);
	if (argc == 3 && !strcmp(argv[1], "convert")) {
		printf("%u\n", renameat2_flags_to_scap((__u32)strtoul(argv[2], NULL, 0)));
		return 0;
	}
	fprintf(stderr, "usage: tables schema|pair|convert known|convert unknown|convert RAW\n");
	return 2;
}
