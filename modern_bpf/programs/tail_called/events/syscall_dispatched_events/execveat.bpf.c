// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * execveat(2): PPME_SYSCALL_EXECVEAT_E / PPME_SYSCALL_EXECVEAT_X.
 *
 * execve with the program named relative to a directory fd, or given as an
 * open fd itself (AT_EMPTY_PATH: fexecve(3)). The exit event is execve's:
 * see execve.bpf.c. The arguments are one register further on.
 *
 * Only a failed execveat reaches execveat_x. After a successful one the
 * registers the sys_exit dispatcher reads give execve's syscall number,
 * so the new program is announced by execve_x: an execveat enter event is
 * followed by an execve exit event. Falco's drivers see the same.
 *
 * Try it: ./build/scap-open --json -s execveat -- python3 -c \
 *   'import os; os.execve(os.open("/bin/true", os.O_RDONLY), ["true"], {})'
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/store/auxmap_store_proc.h"

SEC("tp_btf/sys_enter")
int BPF_PROG(execveat_e, struct pt_regs *regs, long id)
{
	struct auxiliary_map *auxmap = auxmap__get();

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_EXECVEAT_E, 3);

	/* Parameter 1: dirfd (type: PT_FD). AT_FDCWD stays -100, as in Falco. */
	auxmap__store_s64_param(auxmap, (__s32)extract__syscall_argument(regs, 0));
	/* Parameter 2: pathname (type: PT_FSRELPATH), "" with AT_EMPTY_PATH */
	auxmap__store_charbuf_param(auxmap, extract__syscall_argument(regs, 1), MAX_PATH, USER);
	/* Parameter 3: flags (type: PT_FLAGS32) */
	auxmap__store_u32_param(auxmap, execveat_flags_to_scap(extract__syscall_argument(regs, 4)));

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(execveat_x, struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap = auxmap__get();
	struct task_struct *task = bpf_get_current_task_btf();
	struct mm_struct *mm = BPF_CORE_READ(task, mm);

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_EXECVEAT_X, 20);

	/* Parameter 1: res (type: PT_ERRNO) */
	auxmap__store_s64_param(auxmap, ret);
	/* Parameters 2 and 3: exe, args, of the new program or from argv */
	if (ret == 0)
		auxmap__store_exe_args_from_mm(auxmap, mm);
	else
		auxmap__store_exe_args_from_argv(auxmap, extract__syscall_argument(regs, 2));
	/* Parameters 4 to 15: tid, pid, ptid, cwd, fdlimit ... comm, cgroups */
	auxmap__store_proc_common_params(auxmap, task);
	/* Parameter 16: env (type: PT_BYTEBUF), of the new program or from envp */
	if (ret == 0)
		auxmap__store_env_from_mm(auxmap, mm);
	else
		auxmap__store_env_from_envp(auxmap, extract__syscall_argument(regs, 3));
	/* Parameters 17 to 20: tty, pgid, loginuid, flags */
	auxmap__store_execve_tail_params(auxmap, task);

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}
