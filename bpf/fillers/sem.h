/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * semop: the operations on a System V semaphore set (semget and semctl
 * are autofilled). The exit holds the first two struct sembuf, empty where
 * there is none (nsops < 2) or it cannot be read. The kernel module's is
 * in driver/fillers/sem.c.
 */

FILLER(sys_semop_e)
{
	bpf_frame_begin(data, PPME_SYSCALL_SEMOP_E, 1);
	/* Parameter 1: semid (type: PT_INT32) */
	bpf_push_s32_to_ring(data, bpf_syscall_get_argument(data, 0));
	return 0;
}

/* sem_num_N (PT_UINT16), sem_op_N (PT_INT16), sem_flg_N (PT_FLAGS16); empty for NULL. */
static __always_inline void bpf_push_sembuf(struct filler_data *data, const struct sembuf *sb)
{
	if (!sb) {
		bpf_push_empty_param(data);
		bpf_push_empty_param(data);
		bpf_push_empty_param(data);
		return;
	}
	bpf_push_u16_to_ring(data, sb->sem_num);
	bpf_push_u16_to_ring(data, (__u16)sb->sem_op);
	bpf_push_u16_to_ring(data, semop_flags_to_scap(sb->sem_flg));
}

FILLER(sys_semop_x)
{
	unsigned long nsops = bpf_syscall_get_argument(data, 2);
	struct sembuf sops[2] = {};
	__u32 n = nsops < 2 ? nsops : 2;

	bpf_frame_begin(data, PPME_SYSCALL_SEMOP_X, 8);
	/* Parameter 1: res (type: PT_ERRNO) */
	bpf_push_s64_to_ring(data, bpf_syscall_get_retval(data));
	/* Parameter 2: nsops (type: PT_UINT32) */
	bpf_push_u32_to_ring(data, nsops);
	/* Parameters 3 to 8: the first two struct sembuf, as in Falco's schema */
	if (n && bpf_probe_read_user(sops, n * sizeof(sops[0]),
				     (const void *)bpf_syscall_get_argument(data, 1))) {
		count_fault_read();
		n = 0;
	}
	bpf_push_sembuf(data, n > 0 ? &sops[0] : NULL);
	bpf_push_sembuf(data, n > 1 ? &sops[1] : NULL);
	return 0;
}
