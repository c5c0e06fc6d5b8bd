// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The procexit event (PPME_PROCEXIT_1_E), from the sched_process_exit
 * tracepoint: one per exiting thread, after its last syscall. A reader uses
 * it to forget the thread.
 *
 * Try it: sudo ./build/scap-open --json -- sh -c 'exit 3' | grep procexit
 */
#include "../../../helpers/store/auxmap_store_params.h"

/* The wait(2) status macros, on the kernel's exit_code. */
#define EXIT_STATUS(code) (((code) >> 8) & 0xff)
#define TERM_SIG(code) ((code) & 0x7f)
#define WAS_SIGNALED(code) (((__s8)(((code) & 0x7f) + 1) >> 1) > 0)
#define CORE_DUMPED(code) (((code) & 0x80) != 0)

SEC("tp_btf/sched_process_exit")
int BPF_PROG(sched_proc_exit, struct task_struct *task)
{
	struct auxiliary_map *auxmap;
	__s32 exit_code;

	if ((bpf_get_current_pid_tgid() >> 32) == g_ignored_tgid)
		return 0;
	auxmap = auxmap__get();
	if (!auxmap)
		return 0;
	exit_code = task->exit_code;

	auxmap__preload_event_header(auxmap, PPME_PROCEXIT_1_E, 4);
	/* Parameter 1: status (type: PT_ERRNO), the raw wait status */
	auxmap__store_s64_param(auxmap, exit_code);
	/* Parameter 2: ret (type: PT_ERRNO), the exit status */
	auxmap__store_s64_param(auxmap, EXIT_STATUS(exit_code));
	/* Parameter 3: sig (type: PT_SIGTYPE), the killing signal or 0 */
	auxmap__store_u8_param(auxmap, WAS_SIGNALED(exit_code) ? TERM_SIG(exit_code) : 0);
	/* Parameter 4: core (type: PT_UINT8), 1 if a core was dumped */
	auxmap__store_u8_param(auxmap, CORE_DUMPED(exit_code));
	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}
