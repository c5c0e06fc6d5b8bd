// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * pipe(2), pipe2(2): both send PPME_SYSCALL_PIPE_E / PPME_SYSCALL_PIPE_X
 * (Falco's 2022 schema has no flags param for pipe2). The loader finds a
 * filler by its syscall's name, so each has its own pair of programs.
 *
 * The kernel writes the two new fds into the caller's int[2] (argument 0),
 * so they are read back from user memory on exit. The "ino" lets the
 * reader pair both ends, and tell this pipe from another.
 *
 * Try it: sudo ./build/scap-open --syscall pipe,pipe2 -- sh -c 'echo hi | cat'
 */
#include "../../../../helpers/extract/syscall_args.h"
#include "../../../../helpers/extract/task.h"
#include "../../../../helpers/extract/file.h"
#include "../../../../helpers/store/auxmap_store_params.h"
#include "../../../../helpers/store/ringbuf_store_params.h"

static __always_inline int pipe_enter(void)
{
	struct ringbuf_event ev;

	if (!ringbuf__reserve_event(&ev, PPME_SYSCALL_PIPE_E, 0, 0))
		return 0;
	ringbuf__submit_event(&ev);
	return 0;
}

/*
 * Copy the two fds the kernel wrote into the caller's int[2] (argument 0).
 * Returns false if there are none to show: on failure the kernel wrote
 * nothing and the array holds whatever the caller left there (Falco's 2022
 * driver reads it anyway), or the array became unreadable since (counted
 * in n_fault_reads).
 */
static __always_inline bool read_pipe_fds(struct pt_regs *regs, long ret, __s32 fds[2])
{
	if (ret != 0)
		return false;
	if (bpf_probe_read_user(fds, 2 * sizeof(fds[0]),
				(const void *)extract__syscall_argument(regs, 0))) {
		count_fault_read();
		return false;
	}
	return true;
}

static __always_inline int pipe_exit(struct pt_regs *regs, long ret)
{
	struct auxiliary_map *auxmap = auxmap__get();
	struct file *file;
	__s32 fds[2];

	if (!auxmap)
		return 0;
	auxmap__preload_event_header(auxmap, PPME_SYSCALL_PIPE_X, 4);

	/* Parameter 1: res (type: PT_ERRNO) */
	auxmap__store_s64_param(auxmap, ret);
	if (read_pipe_fds(regs, ret, fds)) {
		/* Parameter 2: fd1 (type: PT_FD), the read end */
		auxmap__store_s64_param(auxmap, fds[0]);
		/* Parameter 3: fd2 (type: PT_FD), the write end */
		auxmap__store_s64_param(auxmap, fds[1]);
		/*
		 * Parameter 4: ino (type: PT_UINT64), of the inode both ends
		 * share. Not collected if another thread closed fd1 already.
		 */
		file = extract__file_from_fd(fds[0]);
		if (file)
			auxmap__store_u64_param(auxmap, extract__file_ino(file));
		else
			auxmap__store_empty_param(auxmap);
	} else {
		/* Parameters 2-4: not collected, see read_pipe_fds() */
		auxmap__store_empty_param(auxmap);
		auxmap__store_empty_param(auxmap);
		auxmap__store_empty_param(auxmap);
	}

	auxmap__finalize_event_header(auxmap);
	auxmap__submit_event(auxmap);
	return 0;
}

SEC("tp_btf/sys_enter")
int BPF_PROG(pipe_e, struct pt_regs *regs, long id)
{
	return pipe_enter();
}

SEC("tp_btf/sys_exit")
int BPF_PROG(pipe_x, struct pt_regs *regs, long ret)
{
	return pipe_exit(regs, ret);
}

SEC("tp_btf/sys_enter")
int BPF_PROG(pipe2_e, struct pt_regs *regs, long id)
{
	return pipe_enter();
}

SEC("tp_btf/sys_exit")
int BPF_PROG(pipe2_x, struct pt_regs *regs, long ret)
{
	return pipe_exit(regs, ret);
}
