// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Lab 04's checks of its two tables, read as libscap sees them (no kernel
 * needed): each prints what differs from Falco's definition of renameat2
 * and exits 1 if something does.
 *
 *   tables schema    driver/event_table.c: the renameat2 enter and exit events
 *   tables pair      driver/syscall_table.c: the entry of __NR_renameat2
 */
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include "flags_table.h"
#include "scap_event.h"

static const char *const fmt_names[] = { "PF_NA", "PF_DEC", "PF_HEX", "PF_OCT" };

static const char *fmt_name(enum ppm_print_format fmt)
{
	return (unsigned int)fmt < sizeof(fmt_names) / sizeof(fmt_names[0]) ? fmt_names[fmt] : "?";
}

/* Falco's renameat2 exit event (event_table.c of falcosecurity/libs). */
static const struct ppm_param_info want_exit[] = {
	{ .name = "res", .type = PT_ERRNO, .fmt = PF_DEC },
	{ .name = "olddirfd", .type = PT_FD, .fmt = PF_DEC },
	{ .name = "oldpath", .type = PT_FSRELPATH, .fmt = PF_NA, .info = DIRFD_PARAM(1) },
	{ .name = "newdirfd", .type = PT_FD, .fmt = PF_DEC },
	{ .name = "newpath", .type = PT_FSRELPATH, .fmt = PF_NA, .info = DIRFD_PARAM(3) },
	{ .name = "flags", .type = PT_FLAGS32, .fmt = PF_HEX, .info = renameat2_flags },
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

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "schema"))
		return check_schema();
	if (argc == 2 && !strcmp(argv[1], "pair"))
		return check_pair();
	fprintf(stderr, "usage: tables schema|pair\n");
	return 2;
}
