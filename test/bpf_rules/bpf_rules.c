// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Would Linux 4.14 take these programs? Its verifier refused a program of
 * more than 4096 instructions (BPF_MAXINSNS; 5.2 raised it to a million
 * for root) and any loop (5.3 accepts bounded ones). This reads the
 * programs from the probe's object file, as the kernel would get them, and
 * checks both rules; the kernels that run here are far newer, so loading
 * them proves neither. Used by test/bats/bpf.bats on every program of the
 * legacy probe, and by lab 11's grader.
 *
 *   bpf_rules PROBE.o PROGRAM...
 *   bpf_rules PROBE.o              every program of PROBE.o
 *
 * Prints one line per program, "ok: NAME (N instructions, no loop)" or
 * "FAIL: NAME: ..." with the first backward jump, and exits 1 on a FAIL.
 */
#include <stdio.h>
#include <bpf/libbpf.h>
#include <linux/bpf.h>

#define MAXINSNS_4_14 4096

/*
 * The first loop of a program: a jump back to an instruction on the path
 * that led to it (a back-edge of a depth-first walk, as 4.14's
 * check_cfg() finds them). A jump back to code already walked to its end,
 * such as a shared "return 0", is no loop. Returns the index the loop
 * goes back to and sets *at to the jump, or -1.
 */
enum { UNSEEN, ON_PATH, DONE };

/* Where instruction i may go next: up to two places; returns how many. */
static int successors(const struct bpf_insn *insns, size_t i, size_t succ[2])
{
	__u8 class = BPF_CLASS(insns[i].code), op = BPF_OP(insns[i].code);
	/* A 64-bit immediate load takes two slots. */
	size_t next = i + (insns[i].code == (BPF_LD | BPF_IMM | BPF_DW) ? 2 : 1);

	if (class != BPF_JMP && class != BPF_JMP32)
		return succ[0] = next, 1;
	if (op == BPF_EXIT)
		return 0;
	if (op == BPF_CALL)
		return succ[0] = next, 1;
	succ[0] = i + 1 + insns[i].off;
	if (op == BPF_JA)
		return 1;
	succ[1] = next;
	return 2;
}

static long first_loop(const struct bpf_insn *insns, size_t n, size_t *at)
{
	static unsigned char state[1 << 20], walked[1 << 20];
	static size_t stack[1 << 20];
	size_t top = 0;

	if (n == 0 || n > sizeof(state))
		return -1;
	for (size_t i = 0; i < n; i++)
		state[i] = UNSEEN, walked[i] = 0;
	stack[top++] = 0;
	state[0] = ON_PATH;
	while (top) {
		size_t i = stack[top - 1], succ[2], to;
		int k = successors(insns, i, succ);

		if (walked[i] == k) {
			state[i] = DONE;
			top--;
			continue;
		}
		to = succ[walked[i]++];
		if (to >= n)
			continue;	/* out of the program: the kernel refuses it otherwise */
		if (state[to] == ON_PATH) {
			*at = i;
			return (long)to;
		}
		if (state[to] == UNSEEN) {
			state[to] = ON_PATH;
			stack[top++] = to;
		}
	}
	return -1;
}

/* Check one program against both rules; print its line. 1 if it breaks one. */
static int check(const struct bpf_program *prog, const char *name)
{
	const struct bpf_insn *insns = bpf_program__insns(prog);
	size_t n = bpf_program__insn_cnt(prog), at = 0;
	long to = first_loop(insns, n, &at);
	int bad = 0;

	if (n > MAXINSNS_4_14) {
		printf("FAIL: %s: %zu instructions, more than the %d of Linux 4.14\n", name, n,
		       MAXINSNS_4_14);
		bad = 1;
	}
	if (to >= 0) {
		printf("FAIL: %s: a loop: instruction %zu goes to %ld, which led to it (Linux 4.14 refuses loops)\n",
		       name, at, to);
		bad = 1;
	}
	if (!bad)
		printf("ok: %s (%zu instructions, no loop)\n", name, n);
	return bad;
}

int main(int argc, char **argv)
{
	struct bpf_object *obj;
	int bad = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: bpf_rules PROBE.o [PROGRAM...]\n");
		return 2;
	}
	libbpf_set_print(NULL);
	obj = bpf_object__open_file(argv[1], NULL);
	if (!obj) {
		printf("FAIL: cannot open %s as a BPF object\n", argv[1]);
		return 1;
	}
	if (argc == 2) {
		struct bpf_program *prog;

		bpf_object__for_each_program(prog, obj)
			bad |= check(prog, bpf_program__name(prog));
	}
	for (int a = 2; a < argc; a++) {
		struct bpf_program *prog = bpf_object__find_program_by_name(obj, argv[a]);

		if (!prog) {
			printf("FAIL: %s: no such program in %s\n", argv[a], argv[1]);
			bad = 1;
			continue;
		}
		bad |= check(prog, argv[a]);
	}
	bpf_object__close(obj);
	return bad;
}
