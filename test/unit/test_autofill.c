// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Unit tests of the autofill table (driver/autofill_table.h) against the
 * schema, and of its converters (driver/ppm_autofill.h). A line that
 * stores a param of the wrong size would shift every param after it in
 * all three drivers; these tests catch it before any driver runs.
 *
 * Run: make -f test/unit.mk unit-build && build/test/unit/test_autofill
 */
#include <setjmp.h>	/* cmocka.h needs these four first */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <sys/file.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/mman.h>
#include <linux/futex.h>

#include "ppm_events_public.h"
#include "autofill_table.h"

static bool is_string_type(enum ppm_param_type type)
{
	return type == PT_CHARBUF || type == PT_FSPATH || type == PT_FSRELPATH;
}

/* Every line: as many params as the schema, each of the schema's size. */
static void lines_match_the_schema(void **state)
{
	int lines = 0;

	(void)state;
	for (int code = 0; code < PPM_EVENT_MAX; code++) {
		const struct ppm_autofill *af = &g_autofill_table[code];
		const struct ppm_event_info *info = &g_event_info[code];

		if (!af->used)
			continue;
		lines++;
		if (info->name[0] == '\0')
			fail_msg("event %d is autofilled but not in the schema", code);
		if (af->nparams != info->nparams)
			fail_msg("%s (%d): %u params autofilled, the schema has %u", info->name,
				 code, af->nparams, info->nparams);
		for (unsigned i = 0; i < af->nparams; i++) {
			const struct ppm_autofill_param *p = &af->params[i];
			enum ppm_param_type type = info->params[i].type;

			struct autofill_user_read r;

			if (p->source > AF_SEMCTL_VAL)
				fail_msg("%s (%d) param %u: source %u", info->name, code, i,
					 p->source);
			if (p->source == AF_RETVAL && PPME_IS_ENTER(code))
				fail_msg("%s (%d) param %u: an enter event has no return value",
					 info->name, code, i);
			if (autofill_user_read(p->conv, &r) && r.out && PPME_IS_ENTER(code))
				fail_msg("%s (%d) param %u: an OUT value on enter, before the kernel wrote it",
					 info->name, code, i);
			if (autofill_user_read(p->conv, &r) && r.len != 16 &&
			    r.len != autofill_size(p->conv))
				fail_msg("%s (%d) param %u: reads %u bytes, stores %u", info->name,
					 code, i, r.len, autofill_size(p->conv));
			if (autofill_user_read(p->conv, &r) && p->source > AF_ARG5)
				fail_msg("%s (%d) param %u: only an argument can be a pointer",
					 info->name, code, i);
			if ((p->conv == AF_STR) != is_string_type(type))
				fail_msg("%s (%d) param %u (%s): string conv and type disagree",
					 info->name, code, i, info->params[i].name);
			if (p->conv != AF_STR &&
			    autofill_size(p->conv) != ppm_param_type_size(type))
				fail_msg("%s (%d) param %u (%s): conv stores %u bytes, type has %u",
					 info->name, code, i, info->params[i].name,
					 autofill_size(p->conv), ppm_param_type_size(type));
		}
	}
	assert_true(lines > 0);
}

/*
 * Every syscall routed to an autofilled event has both events autofilled:
 * one direction autofilled and the other not would leave the other with
 * no filler in the BPF drivers.
 */
static void syscalls_autofilled_both_ways(void **state)
{
	(void)state;
	for (int nr = 0; nr < SYSCALL_TABLE_SIZE; nr++) {
		const struct syscall_evt_pair *sc = &g_syscall_table[nr];

		if (!(sc->flags & UF_USED))
			continue;
		if (g_autofill_table[sc->enter_event_type].used !=
		    g_autofill_table[sc->exit_event_type].used)
			fail_msg("syscall %d: only one of its events is autofilled", nr);
	}
}

static void converters(void **state)
{
	(void)state;
	/* an int: the low 32 bits, sign-extended; the high half is ignored */
	assert_int_equal((int64_t)autofill_value(AF_INT, 0xffffffffULL), -1);
	assert_int_equal((int64_t)autofill_value(AF_INT, 0x1234500000007ULL), 7);
	assert_int_equal(autofill_value(AF_U8, 0x1ff), 0xff);
	assert_int_equal(autofill_value(AF_U32, 0x100000002ULL), 2);
	assert_int_equal(autofill_value(AF_ACCESS_MODE, R_OK | W_OK | 0x40), PPM_R_OK | PPM_W_OK);
	assert_int_equal(autofill_value(AF_FCNTL_CMD, F_SETFD), PPM_FCNTL_F_SETFD);
	assert_int_equal(autofill_value(AF_FCNTL_CMD, F_DUPFD_CLOEXEC), PPM_FCNTL_F_DUPFD_CLOEXEC);
	assert_int_equal(autofill_value(AF_FCNTL_CMD, F_OFD_SETLKW), PPM_FCNTL_F_OFD_SETLKW);
	assert_int_equal(autofill_value(AF_FCNTL_CMD, F_GETPIPE_SZ), PPM_FCNTL_F_GETPIPE_SZ);
	assert_int_equal(autofill_value(AF_FCNTL_CMD, 1033 /* F_ADD_SEALS */), PPM_FCNTL_UNKNOWN);
	assert_int_equal(autofill_value(AF_FLOCK_OP, LOCK_EX | LOCK_NB), PPM_LOCK_EX | PPM_LOCK_NB);
	assert_int_equal(autofill_value(AF_CHMOD_MODE, 0104755), 04755);
	assert_int_equal(autofill_value(AF_FUTEX_OP, FUTEX_WAKE | FUTEX_PRIVATE_FLAG),
			 PPM_FU_FUTEX_WAKE | PPM_FU_FUTEX_PRIVATE_FLAG);
	assert_int_equal(autofill_value(AF_FUTEX_OP, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME),
			 PPM_FU_FUTEX_WAIT_BITSET | PPM_FU_FUTEX_CLOCK_REALTIME);
	assert_int_equal(autofill_value(AF_FUTEX_OP, 13 /* FUTEX_LOCK_PI2 */), 0);
	assert_int_equal(autofill_value(AF_LINKAT_FLAGS, AT_SYMLINK_FOLLOW | AT_SYMLINK_NOFOLLOW),
			 PPM_AT_SYMLINK_FOLLOW);
	assert_int_equal(autofill_value(AF_PROT_FLAGS, PROT_READ | PROT_EXEC),
			 PPM_PROT_READ | PPM_PROT_EXEC);
	assert_int_equal(autofill_value(AF_RLIMIT_RESOURCE, RLIMIT_NOFILE), PPM_RLIMIT_NOFILE);
	assert_int_equal(autofill_value(AF_RLIMIT_RESOURCE, 16), PPM_RLIMIT_UNKNOWN);
	assert_int_equal(autofill_value(AF_SEMGET_FLAGS, IPC_CREAT | IPC_EXCL | 0600),
			 PPM_IPC_CREAT | PPM_IPC_EXCL);
	assert_int_equal(autofill_value(AF_SEMCTL_CMD, SETVAL), PPM_SETVAL);
	assert_int_equal(autofill_value(AF_SEMCTL_CMD, IPC_RMID), PPM_IPC_RMID);
	assert_int_equal(autofill_value(AF_SEMCTL_CMD, SEM_INFO), PPM_SEM_INFO);
	assert_int_equal(autofill_value(AF_SEMCTL_CMD, 20 /* SEM_STAT_ANY */), 0);
	assert_int_equal(semop_flags_to_scap(SEM_UNDO | IPC_NOWAIT), PPM_SEM_UNDO | PPM_IPC_NOWAIT);
	assert_int_equal(autofill_value(AF_MOUNT_FLAGS, MS_MGC_VAL | MS_RDONLY), PPM_MS_RDONLY);
	assert_int_equal(autofill_value(AF_MOUNT_FLAGS, MS_BIND | MS_REC), PPM_MS_BIND | PPM_MS_REC);
}

/* The reads from user memory: where, how much, and a timespec as nanoseconds. */
static void user_reads(void **state)
{
	struct autofill_user_read r;
	struct timespec ts = { .tv_sec = 2, .tv_nsec = 500 };
	struct rlimit rl = { .rlim_cur = 7, .rlim_max = 9 };
	__u64 bytes[2];

	(void)state;
	assert_false(autofill_user_read(AF_U64, &r));
	assert_true(autofill_user_read(AF_IN_TIMESPEC, &r));
	assert_int_equal(r.len, sizeof(ts));
	memcpy(bytes, &ts, sizeof(ts));
	assert_int_equal(autofill_user_value(&r, bytes), 2000000500ULL);
	assert_true(autofill_user_read(AF_OUT_RLIM_MAX, &r));
	assert_int_equal(r.offset, offsetof(struct rlimit, rlim_max));
	assert_int_equal(r.len, sizeof(rl.rlim_max));
	assert_true(r.out);
	memcpy(bytes, (char *)&rl + r.offset, r.len);
	assert_int_equal(autofill_user_value(&r, bytes), 9);
	assert_true(autofill_user_read(AF_IN_RLIM_CUR, &r));
	assert_false(r.out);
	assert_true(autofill_user_read(AF_OUT_U32, &r));
	assert_int_equal(r.len, sizeof(uid_t));
}

/* The raw values the converters test are libc's, on this machine. */
static void raw_values_are_the_systems(void **state)
{
	(void)state;
	assert_int_equal(SCAP_KERNEL_F_SETLK, F_SETLK);
	assert_int_equal(SCAP_KERNEL_F_SETOWN_EX, F_SETOWN_EX);
	assert_int_equal(SCAP_KERNEL_F_OFD_GETLK, F_OFD_GETLK);
	assert_int_equal(SCAP_KERNEL_F_SETLEASE, F_SETLEASE);
	assert_int_equal(SCAP_KERNEL_F_NOTIFY, F_NOTIFY);
	assert_int_equal(SCAP_KERNEL_F_CANCELLK, 1029);
	assert_int_equal(SCAP_KERNEL_F_DUPFD_CLOEXEC, F_DUPFD_CLOEXEC);
	assert_int_equal(SCAP_KERNEL_FUTEX_PRIVATE_FLAG, FUTEX_PRIVATE_FLAG);
	assert_int_equal(SCAP_KERNEL_FUTEX_CLOCK_REALTIME, FUTEX_CLOCK_REALTIME);
	assert_int_equal(PPM_LOCK_SH, LOCK_SH);
	assert_int_equal(PPM_LOCK_UN, LOCK_UN);
	assert_int_equal(PPM_AT_EMPTY_PATH, AT_EMPTY_PATH);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lines_match_the_schema),
		cmocka_unit_test(syscalls_autofilled_both_ways),
		cmocka_unit_test(converters),
		cmocka_unit_test(user_reads),
		cmocka_unit_test(raw_values_are_the_systems),
	};

	return cmocka_run_group_tests_name("autofill", tests, NULL, NULL);
}
