// SPDX-License-Identifier: GPL-2.0-only
/*
 * semop: the operations on a System V semaphore set. (semget and semctl
 * are autofilled: driver/autofill_table.h.) The modern driver's twin:
 * modern_bpf/programs/tail_called/events/syscall_dispatched_events/semop.bpf.c.
 */
#include <linux/sem.h>
#include <linux/uaccess.h>
#include "../ppm_fillers.h"
#include "../ppm_autofill.h"

FILLER(sys_semop_e)
{
	/* Parameter 1: semid (type: PT_INT32) */
	return val_to_ring(args, (s32)args->args[0], 0, false);
}

/* sem_num_N (PT_UINT16), sem_op_N (PT_INT16), sem_flg_N (PT_FLAGS16); empty for NULL. */
static int store_sembuf(struct event_filler_arguments *args, const struct sembuf *sb)
{
	int res;

	if (!sb) {
		res = push_empty_param(args);
		if (!res)
			res = push_empty_param(args);
		return res ? res : push_empty_param(args);
	}
	res = val_to_ring(args, sb->sem_num, 0, false);
	if (!res)
		res = val_to_ring(args, (s64)sb->sem_op, 0, false);
	return res ? res : val_to_ring(args, semop_flags_to_scap(sb->sem_flg), 0, false);
}

/*
 * Parameters 3 to 8 hold the first two of the nsops struct sembuf, as in
 * Falco's schema; one that is not there (nsops < 2), or that cannot be
 * read (a fault read), is three empty params. Falco writes 0s for a
 * missing one, and semaphore 0 is a real one.
 */
FILLER(sys_semop_x)
{
	unsigned long nsops = args->args[2];
	struct sembuf sops[2];
	u32 n = nsops < 2 ? nsops : 2;
	int res;

	/* Parameter 1: res (type: PT_ERRNO) */
	res = val_to_ring(args, args->retval, 0, false);
	if (res)
		return res;
	/* Parameter 2: nsops (type: PT_UINT32) */
	res = val_to_ring(args, (u32)nsops, 0, false);
	if (res)
		return res;
	if (n && copy_from_user_nofault(sops, (const void __user *)args->args[1],
					n * sizeof(sops[0]))) {
		ppm_count_fault_read(args);
		n = 0;
	}
	res = store_sembuf(args, n > 0 ? &sops[0] : NULL);
	return res ? res : store_sembuf(args, n > 1 ? &sops[1] : NULL);
}
