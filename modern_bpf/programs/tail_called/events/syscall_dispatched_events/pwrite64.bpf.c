// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * pwrite64(2): PPME_SYSCALL_PWRITE_E / PPME_SYSCALL_PWRITE_X.
 *
 * write(2) at a file offset: the same data rule as write.bpf.c.
 *
 * Try it (make lab-system LAB=5): sudo ./build/labs/05-debugging/scap-open --syscall pwrite64 -- python3 -c 'import os; os.pwrite(os.open("/tmp/scaplab-pwrite", os.O_WRONLY | os.O_CREAT), b"hello", 3)'
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/auxmap_store_params.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(pwrite64_e, struct pt_regs *regs, long id)
{
	struct auxiliary_map *auxmap = auxmap__get();

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_PWRITE_E, 3);

	/* Parameter 1: fd (type: PT_FD) */
	auxmap__store_s64_param(auxmap, (__s32)extract__syscall_argument(regs, 0));
	/* Parameter 2: size (type: PT_UINT32) */
	auxmap__store_u32_param(auxmap, extract__syscall_argument(regs, 2));
	/* Parameter 3: pos (type: PT_UINT64), one register on x86_64 */
	auxmap__store_u64_param(auxmap, extract__syscall_argument(regs, 3));

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(pwrite64_x, struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap = auxmap__get();
	unsigned long count;

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_PWRITE_X, 2);

	/* Parameter 1: res (type: PT_ERRNO), bytes written or -errno */
	auxmap__store_s64_param(auxmap, ret);
	/* Parameter 2: data (type: PT_BYTEBUF), what the caller asked to write */
	/* LAB 05.1 BEGIN: the verifier rejects pwrite64_x: read its log (sudo build/labs/05-debugging/scap-open -n 1), fix the store */
	count = extract__syscall_argument(regs, 2);
	auxmap__store_bytebuf_param(auxmap, extract__syscall_argument(regs, 1),
				    snaplen_cut(count), USER);
	/* LAB 05.1 STARTER: // Copy the data straight to the end of the payload: one helper call less. */
	/* LAB 05.1 STARTER: count = snaplen_cut(extract__syscall_argument(regs, 2)); */
	/* LAB 05.1 STARTER: if (bpf_probe_read_user(&auxmap->data[auxmap->payload_pos], count, */
	/* LAB 05.1 STARTER: 			(const void *)extract__syscall_argument(regs, 1))) */
	/* LAB 05.1 STARTER: 	count = 0; */
	/* LAB 05.1 STARTER: auxmap__commit_param(auxmap, count); */
	/* LAB 05.1 END */

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}
