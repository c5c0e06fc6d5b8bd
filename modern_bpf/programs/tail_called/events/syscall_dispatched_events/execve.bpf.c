// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * execve(2): PPME_SYSCALL_EXECVE_19_E / PPME_SYSCALL_EXECVE_19_X.
 *
 * On success the exit event describes the new program: by the time the
 * syscall returns, the process's memory, argv, environment and comm are
 * the new ones. On failure the old program goes on, and exe, args and env
 * say what it tried to run, read from the syscall's own arguments.
 *
 * Try it: ./build/scap-open --json -s execve -- sh -c 'ls /nonexistent; true'
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/auxmap_store_proc.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(execve_e, struct pt_regs *regs, long id)
{
	struct auxiliary_map *auxmap = auxmap__get();

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_EXECVE_19_E, 1);

	/* Parameter 1: filename (type: PT_FSPATH), as the caller gave it */
	auxmap__store_charbuf_param(auxmap, extract__syscall_argument(regs, 0), MAX_PATH, USER);

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(execve_x, struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap = auxmap__get();
	struct task_struct *task = bpf_get_current_task_btf();
	struct mm_struct *mm = BPF_CORE_READ(task, mm);

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_EXECVE_19_X, 20);

	/* Parameter 1: res (type: PT_ERRNO) */
	auxmap__store_s64_param(auxmap, ret);
	/* Parameters 2 and 3: exe, args, of the new program or from argv */
	if (ret == 0)
		auxmap__store_exe_args_from_mm(auxmap, mm);
	else
		auxmap__store_exe_args_from_argv(auxmap, extract__syscall_argument(regs, 1));
	/* Parameters 4 to 15: tid, pid, ptid, cwd, fdlimit ... comm, cgroups */
	auxmap__store_proc_common_params(auxmap, task);
	/* Parameter 16: env (type: PT_BYTEBUF), of the new program or from envp */
	if (ret == 0)
		auxmap__store_env_from_mm(auxmap, mm);
	else
		auxmap__store_env_from_envp(auxmap, extract__syscall_argument(regs, 2));
	/* Parameters 17 to 20: tty, pgid, loginuid, flags */
	auxmap__store_execve_tail_params(auxmap, task);

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}
