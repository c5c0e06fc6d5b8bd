/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * libscap: open a capture engine, read its events in timestamp order.
 *
 *   char err[SCAP_LASTERR_SIZE];
 *   struct scap_open_args args = { .engine = SCAP_ENGINE_MODERN_BPF };
 *   scap_t *h = scap_open(&args, err, &rc);       // load the driver
 *   scap_start_capture(h);                        // attach: events flow
 *   while (...) {
 *           rc = scap_next(h, &evt, &cpu);        // SCAP_SUCCESS: evt is valid
 *           ...                                   // until the next scap_next
 *   }
 *   scap_stop_capture(h);
 *   scap_get_stats(h, &stats);
 *   scap_close(h);
 *
 * Every function returns one of the SCAP_* codes below; on SCAP_FAILURE,
 * scap_getlasterr() says which step failed and why.
 */
#ifndef SCAPLAB_SCAP_H
#define SCAPLAB_SCAP_H

#include <stdbool.h>
#include <stdint.h>
#include "ppm_events_public.h"

/*
 * Return codes. The values are Falco's, except SCAP_STOPPED, which Falco
 * does not have. What each function returns is said at the function.
 */
#define SCAP_SUCCESS 0
#define SCAP_FAILURE 1
#define SCAP_TIMEOUT -1		/* no event ready yet: call scap_next again */
#define SCAP_ILLEGAL_INPUT 3	/* a bad argument (or a NULL handle); nothing changed */
#define SCAP_EOF 6		/* the end of a capture file: no event will come */
#define SCAP_NOT_SUPPORTED 9	/* this engine, or this build, cannot do that */
#define SCAP_STOPPED 100	/* the live capture was stopped and every buffer is read */

#define SCAP_LASTERR_SIZE 256

/* Where the events come from. */
enum scap_mode {
	SCAP_MODE_LIVE = 0,	/* a driver captures them from the running kernel */
	SCAP_MODE_CAPTURE,	/* a capture file (.scap) is read back */
};

/*
 * The engines this library knows. Which of them a build has depends on
 * what the machine that built it had: scap_engine_available() tells.
 */
enum scap_engine_kind {
	SCAP_ENGINE_MODERN_BPF = 0,	/* live: the modern eBPF probe (modern_bpf/) */
	SCAP_ENGINE_KMOD,		/* live: the kernel module (driver/) */
	SCAP_ENGINE_SAVEFILE,		/* capture: a .scap file (engine/savefile/) */
	SCAP_ENGINE_BPF,		/* live: the legacy eBPF probe (bpf/) */
	SCAP_ENGINE_COUNT
};

/* Largest snaplen: keeps an event with a few buffers far below 64 KiB. */
#define SCAP_MAX_SNAPLEN 4096

/* Default size of each per-CPU ring buffer: 8 MiB, as Falco's. */
#define SCAP_DEFAULT_BUFFER_BYTES (8UL * 1024 * 1024)

struct scap_open_args {
	enum scap_mode mode;
	enum scap_engine_kind engine;
	/*
	 * The engine's own parameters, a struct its header defines (e.g. the
	 * device path of the kernel module, the file name of a capture file),
	 * or NULL. The modern_bpf engine has none: NULL.
	 */
	const void *engine_params;

	/* Live capture, every live engine: */
	/* Bytes of each per-CPU ring buffer; a power of 2, at least a page. 0: default. */
	unsigned long buffer_bytes_dim;
	/* Bytes of I/O data kept per event, at most SCAP_MAX_SNAPLEN. 0: the default (80). */
	uint32_t snaplen;
	/*
	 * The syscalls to capture, by x86_64 number. If none is set, all are
	 * captured. Syscalls left out cost almost nothing in the kernel.
	 */
	bool interesting_syscalls[SYSCALL_TABLE_SIZE];
	/* Print the driver loader's messages (libbpf's, the verifier's log) to stderr. */
	bool verbose;
};

struct scap_stats {
	uint64_t n_evts;		/* events the driver wrote */
	uint64_t n_drops;		/* events lost, all reasons */
	uint64_t n_drops_buffer;	/* ... because a ring buffer was full */
	uint64_t n_drops_max_event_size;/* ... because an event was too large */
	uint64_t n_drops_bug;		/* ... because the driver found a bug (kmod: a bad tail) */
	uint64_t n_fault_reads;		/* params left empty: memory unreadable */
};

/*
 * What a capture file says about itself, besides its events (a file has
 * no driver counters: scap_get_stats answers SCAP_NOT_SUPPORTED).
 */
struct scap_file_stats {
	uint16_t major_version;		/* of the section header block */
	uint16_t minor_version;
	uint64_t n_evts;		/* events returned so far */
	uint64_t n_blocks_unknown;	/* blocks of a type this reader does not know, skipped */
	uint64_t n_blocks_unread;	/* blocks of a known type in a version it does not
					   read (e.g. old event blocks), skipped */
	uint64_t offset;		/* bytes of the file read so far */
};

/*
 * One thread of the process list a capture file starts with (Falco's
 * scap_threadinfo, cut to what a reader needs to name a thread).
 */
struct scap_threadinfo {
	int64_t tid;
	int64_t pid;		/* its process (thread group) */
	int64_t ptid;		/* its parent */
	char comm[16];		/* NUL-terminated, cut to 15 bytes like the kernel's */
	char exe[256];		/* argv[0]; "" if the list does not say */
	char exepath[256];	/* the file it runs (/proc/PID/exe); "" if not said */
	char args[1024];	/* argv[1..], each ended by a NUL: args_len bytes */
	uint16_t args_len;
	char cwd[256];		/* "" if the list does not say */
	uint32_t uid;		/* (uint32_t)-1 if the list does not say */
	uint32_t gid;
};

/*
 * The machine a capture ran on, as a capture file's machine info block
 * holds it (the layout is the file's: packed, 180 bytes).
 */
struct scap_machine_info {
	uint32_t num_cpus;
	uint64_t memory_size_bytes;
	uint64_t max_pid;		/* /proc/sys/kernel/pid_max */
	char hostname[128];		/* NUL-terminated */
	uint64_t reserved[4];		/* 0 */
} __attribute__((packed));

typedef struct scap scap_t;

/* "modern_bpf": the engine's name, as scap-open's options spell it; NULL if unknown. */
const char *scap_engine_name(enum scap_engine_kind kind);

/*
 * Was this engine built into the library? If not, and why_not is not
 * NULL, *why_not says why in a few words ("bpftool was not found when
 * libscap was built").
 */
bool scap_engine_available(enum scap_engine_kind kind, const char **why_not);

/*
 * Load and set up the engine (nothing is captured until scap_start_capture).
 * Returns a handle, or NULL with *rc set and the reason in error
 * (SCAP_LASTERR_SIZE bytes): SCAP_ILLEGAL_INPUT for bad arguments,
 * SCAP_NOT_SUPPORTED for an engine this build does not have,
 * SCAP_FAILURE if loading failed.
 */
scap_t *scap_open(const struct scap_open_args *args, char *error, int32_t *rc);

/* Live: attach, events start to flow. */
int32_t scap_start_capture(scap_t *handle);

/*
 * The oldest event not yet returned, over all CPUs.
 *
 * SCAP_SUCCESS: *evt points into the engine's buffer and stays valid until
 * the next call; *cpu is the CPU it was captured on. The event fits in the
 * bytes it occupies there: evt->len bytes from evt may be read. libscap
 * checked it for every engine, so the decoder (scap_event_decode(evt,
 * evt->len, ...)) and its callers never read past an event.
 * SCAP_TIMEOUT: nothing arrived within a wait; call again. How long
 * scap_next may block: the kmod and bpf engines sleep 10 ms when every
 * buffer is empty; modern_bpf sleeps 10 ms too while events flow, but
 * once its rings have stayed empty for 100 ms it sleeps until the probe
 * wakes it with the next event, or 500 ms at most (so an idle reader
 * wakes twice a second, not 100 times: engine/modern_bpf/idle_wait.h).
 * A signal ends the wait early. A capture file never blocks.
 * SCAP_STOPPED: the capture was stopped (scap_stop_capture) and every
 * event it captured has been returned: no event will come.
 * SCAP_EOF: the capture file has no more events.
 * SCAP_FAILURE: a corrupt buffer (an event longer than its record);
 * scap_getlasterr() says where. The event is skipped: calling again goes on.
 * From a capture file, SCAP_FAILURE names the byte offset; if the file's
 * framing itself is broken (truncated, a block length that lies), no
 * event can be found after it and every later call fails the same way.
 */
int32_t scap_next(scap_t *handle, struct ppm_evt_hdr **evt, uint16_t *cpu);

/* Live: detach, no new events; those already captured can still be read. */
int32_t scap_stop_capture(scap_t *handle);

/* The driver's counters, summed over all CPUs. SCAP_NOT_SUPPORTED for a file. */
int32_t scap_get_stats(scap_t *handle, struct scap_stats *stats);

/*
 * A capture file's own counters (struct scap_file_stats).
 * SCAP_NOT_SUPPORTED for a live engine.
 */
int32_t scap_get_file_stats(scap_t *handle, struct scap_file_stats *stats);

/*
 * The threads a capture file's process list names, as they were when the
 * capture started: *threads stays valid until scap_close. Read at
 * scap_open, so it is complete before the first event. *n may be 0 (a
 * file with no process list, or one in a version not read).
 * SCAP_NOT_SUPPORTED for a live engine: a live reader asks /proc.
 */
int32_t scap_get_proc_table(scap_t *handle, const struct scap_threadinfo **threads,
			    uint32_t *n);

/*
 * The machine the events come from: this one for a live engine; for a
 * capture file, the one its machine info block names (SCAP_NOT_SUPPORTED
 * if it has none).
 */
int32_t scap_get_machine_info(scap_t *handle, struct scap_machine_info *mi);

/* Number of per-CPU buffers the engine reads (0 for a NULL handle). */
uint32_t scap_get_ndevs(scap_t *handle);

/* Why the last call failed. */
const char *scap_getlasterr(scap_t *handle);

/* Stop, unload, free. NULL is allowed. */
void scap_close(scap_t *handle);

/*
 * ---- Writing a capture file (scap_dump.c) ----
 *
 *   scap_dumper_t *d = scap_dump_open(h, "trace.scap", err);
 *   while (scap_next(h, &evt, &cpu) == SCAP_SUCCESS)
 *           if (scap_dump(d, evt, cpu) != SCAP_SUCCESS) ...   // disk full
 *   scap_dump_close(d, err);
 *
 * The file is in Falco's format (engine/savefile/scap_savefile.h), read by
 * scap-open -r and by sysdig -r: a section header, the machine, the
 * threads that run when it is opened (from /proc, or a capture file's own
 * process list), then one block per event. Open it before
 * scap_start_capture, so that every thread an event names is in the list.
 */
typedef struct scap_dumper scap_dumper_t;

/* Create fname (truncated if it exists). NULL with the reason in error. */
scap_dumper_t *scap_dump_open(scap_t *handle, const char *fname, char *error);

/*
 * Append one event. SCAP_FAILURE once writing failed (a full disk): the
 * file is cut back to the last whole block it holds, so it stays
 * readable, and every later call fails the same way.
 */
int32_t scap_dump(scap_dumper_t *d, const struct ppm_evt_hdr *evt, uint16_t cpu);

/* Events appended so far, and why the last call failed. */
uint64_t scap_dump_count(const scap_dumper_t *d);
const char *scap_dump_getlasterr(const scap_dumper_t *d);

/*
 * Write what is buffered, close, free d (NULL is allowed). SCAP_FAILURE,
 * with the reason in error, if any write failed, now or before.
 */
int32_t scap_dump_close(scap_dumper_t *d, char *error);

#endif /* SCAPLAB_SCAP_H */
