/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Symbolic names of the PT_FLAGS32 parameters, for the decoder.
 * Each table maps Falco's PPM_* flag values (driver/ppm_flags.h) to the text
 * sysdig prints, and ends with a {NULL, 0} entry. Defined in flags_table.c.
 */
#ifndef SCAPLAB_FLAGS_TABLE_H
#define SCAPLAB_FLAGS_TABLE_H

#include "ppm_events_public.h"

extern const struct ppm_name_value file_flags[];
extern const struct ppm_name_value socket_families[];
extern const struct ppm_name_value clone_flags[];
extern const struct ppm_name_value prot_flags[];
extern const struct ppm_name_value mmap_flags[];
extern const struct ppm_name_value unlinkat_flags[];
extern const struct ppm_name_value renameat2_flags[];
extern const struct ppm_name_value openat2_flags[];
extern const struct ppm_name_value execveat_flags[];
extern const struct ppm_name_value execve_flags[];
extern const struct ppm_name_value lseek_whence[];
extern const struct ppm_name_value access_flags[];
extern const struct ppm_name_value shutdown_how[];
extern const struct ppm_name_value fcntl_commands[];
extern const struct ppm_name_value flock_flags[];
extern const struct ppm_name_value chmod_mode[];
extern const struct ppm_name_value futex_operations[];
extern const struct ppm_name_value linkat_flags[];
extern const struct ppm_name_value splice_flags[];
extern const struct ppm_name_value umount_flags[];
extern const struct ppm_name_value semget_flags[];
extern const struct ppm_name_value semop_flags[];
extern const struct ppm_name_value poll_flags[];
extern const struct ppm_name_value semctl_commands[];
extern const struct ppm_name_value mount_flags[];
extern const struct ppm_name_value rlimit_resources[];
/* In flags_table_sockopt.c. */
extern const struct ppm_name_value sockopt_levels[];
extern const struct ppm_name_value sockopt_options[];
extern const struct ppm_param_info sockopt_dynamic_param[];
/* In flags_table_ptrace_bpf.c. */
extern const struct ppm_name_value ptrace_requests[];
extern const struct ppm_param_info ptrace_dynamic_param[];
extern const struct ppm_param_info bpf_dynamic_param[];
/* In flags_table_quotactl.c. */
extern const struct ppm_name_value quotactl_cmds[];
extern const struct ppm_name_value quotactl_types[];
extern const struct ppm_name_value quotactl_quota_fmts[];
extern const struct ppm_name_value quotactl_dqi_flags[];

#endif /* SCAPLAB_FLAGS_TABLE_H */
