/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Filling the dispatchers' tail tables, once the probe is loaded.
 *
 * The dispatchers jump to a syscall's filler with bpf_tail_call(), by the
 * syscall's number. Slot nr of a tail table must hold the fd of the program
 * "<name of syscall nr>_e" (enter) or "<name>_x" (exit): that is how a filler
 * is tied to its syscall, by name (see any file of
 * modern_bpf/programs/tail_called/events/syscall_dispatched_events/).
 * A slot left empty makes the tail call fail, and the dispatcher then sends
 * the generic event.
 *
 * Both functions take the loaded object and the fd of its table, not the
 * skeleton, so this file compiles without the generated probe.skel.h.
 * Each returns SCAP_SUCCESS, or SCAP_FAILURE with the reason in lasterr
 * (SCAP_LASTERR_SIZE bytes) naming the program that could not be stored.
 */
#ifndef SCAPLAB_TAIL_TABLES_H
#define SCAPLAB_TAIL_TABLES_H

#include <stdint.h>

struct bpf_object;

int32_t scap_fill_enter_tail_table(struct bpf_object *obj, int table_fd, char *lasterr);
int32_t scap_fill_exit_tail_table(struct bpf_object *obj, int table_fd, char *lasterr);

#endif /* SCAPLAB_TAIL_TABLES_H */
