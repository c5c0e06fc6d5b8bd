// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * semop(2): PPME_SYSCALL_SEMOP_E / PPME_SYSCALL_SEMOP_X.
 *
 * Operations on a System V semaphore set: nsops struct sembuf, of which
 * the exit event keeps the first two, as Falco's schema does. One that is
 * not there (nsops < 2), or cannot be read, is three empty params (Falco
 * writes 0s, and semaphore 0 is a real one). semget and semctl are
 * autofilled (autofill.bpf.c).
 *
 * Try it: sudo ./build/scap-open --syscall semop -- python3 -c \
 *   'import ctypes; l = ctypes.CDLL(None); s = l.semget(0, 1, 0o600); l.semop(s, (ctypes.c_short * 3)(0, 1, 0), 1); l.semctl(s, 0, 0)'
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/auxmap_store_params.h"
#include "../../../../helpers/store/ringbuf_store_params.h"
#include "ppm_autofill.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(semop_e, struct pt_regs *regs, long id)
{
	struct ringbuf_event ev;

	if (!ringbuf__reserve_event(&ev, PPME_SYSCALL_SEMOP_E, 1, sizeof(__s32)))
		return 0;

	/* Parameter 1: semid (type: PT_INT32) */
	ringbuf__store_s32_param(&ev, extract__syscall_argument(regs, 0));

	ringbuf__submit_event(&ev);
	return 0;
}

/* sem_num_N (PT_UINT16), sem_op_N (PT_INT16), sem_flg_N (PT_FLAGS16); empty for NULL. */
static __always_inline void auxmap__store_sembuf_params(struct auxiliary_map *auxmap,
							const struct sembuf *sb)
{
	if (!sb) {
		auxmap__store_empty_param(auxmap);
		auxmap__store_empty_param(auxmap);
		auxmap__store_empty_param(auxmap);
		return;
	}
	auxmap__store_u16_param(auxmap, sb->sem_num);
	auxmap__store_u16_param(auxmap, (__u16)sb->sem_op);
	auxmap__store_u16_param(auxmap, semop_flags_to_scap(sb->sem_flg));
}

SEC("tp_btf/sys_exit")
int BPF_PROG(semop_x, struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap = auxmap__get();
	unsigned long nsops = extract__syscall_argument(regs, 2);
	struct sembuf sops[2] = {};
	__u32 n = nsops < 2 ? nsops : 2;

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_SEMOP_X, 8);

	/* Parameter 1: res (type: PT_ERRNO) */
	auxmap__store_s64_param(auxmap, ret);
	/* Parameter 2: nsops (type: PT_UINT32) */
	auxmap__store_u32_param(auxmap, nsops);
	/* Parameters 3 to 8: the first two struct sembuf */
	if (n && bpf_probe_read_user(sops, n * sizeof(sops[0]),
				     (const void *)extract__syscall_argument(regs, 1))) {
		count_fault_read();
		n = 0;
	}
	auxmap__store_sembuf_params(auxmap, n > 0 ? &sops[0] : NULL);
	auxmap__store_sembuf_params(auxmap, n > 1 ? &sops[1] : NULL);

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}
