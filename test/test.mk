# The system tests: a workload with known syscalls, and bats tests that
# capture it with scap-open and check every event's parameters.
#
#   make -f test/test.mk workload    build build/test/workload
#   make -f test/test.mk bats        run test/bats/*.bats (as root), TAP into
#                                    build/test/bats.tap
#   make -f test/test.mk bats BATS_FILES="test/bats/io.bats test/bats/cli.bats"
#
# The tests need build/scap-open (the top-level `make`) and root; they say so
# if not. Run the files one after the other (no `bats -j`): the workload binds
# fixed ports (network.bats, netio.bats, errors.bats, counts.bats), and the burst test
# wants the machine to itself. Each test file keeps its captures in
# build/test/captures/, so that a failing run can be read afterwards.

# Alone (make -f test/test.mk), it needs the rules of what it links.
include mk/common.mk modern_bpf/Makefile.inc driver/Makefile.inc bpf/Makefile.inc \
	userspace/Makefile.inc
include test/falco/falco.mk
TEST_BUILD := $(BUILD)/test
BATS ?= bats
BATS_FILES ?= $(sort $(wildcard test/bats/*.bats))

WORKLOAD_CFLAGS := -O2 -g $(WARN_CFLAGS) $(STD_CFLAGS)

.PHONY: workload bats

workload: $(TEST_BUILD)/workload

# One file per scenario, with main() in workload.c.
WORKLOAD_SRCS := $(sort $(wildcard test/workload/*.c))

$(TEST_BUILD)/workload: $(WORKLOAD_SRCS) test/workload/workload.h
	$(call msg,CC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(WORKLOAD_CFLAGS) $(WORKLOAD_SRCS) -o $@

# libscap's API contracts on the real engine (test/bats/api.bats).
$(TEST_BUILD)/scap_api: test/api/scap_api.c $(BUILD)/libscap.a
	$(call msg,CC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(WORKLOAD_CFLAGS) $(CPPFLAGS) $< $(BUILD)/libscap.a $(ENGINE_LDLIBS) -o $@

# Two capture files, event by event (test/bats/savefile_write.bats).
$(TEST_BUILD)/scap_cmp: test/api/scap_cmp.c $(BUILD)/libscap.a
	$(call msg,CC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(WORKLOAD_CFLAGS) $(CPPFLAGS) $< $(BUILD)/libscap.a $(ENGINE_LDLIBS) -o $@

# The syscalls with an event pair of their own (test/bats/coverage.bats).
$(TEST_BUILD)/syscall_events: test/api/syscall_events.c $(BUILD)/libscap.a
	$(call msg,CC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(WORKLOAD_CFLAGS) $(CPPFLAGS) $< $(BUILD)/libscap.a $(ENGINE_LDLIBS) -o $@

# Linux 4.14's rules on the legacy probe's programs (test/bats/bpf.bats, lab 11).
$(TEST_BUILD)/bpf_rules: test/bpf_rules/bpf_rules.c
	$(call msg,CC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(WORKLOAD_CFLAGS) $< -lbpf -o $@

.PHONY: bpf-rules
bpf-rules: $(TEST_BUILD)/bpf_rules

# What the verifier walks to load each program of the modern probe
# (test/bats/verifier.bats, lab 11).
$(TEST_BUILD)/verifier_stats: test/verifier_stats/verifier_stats.c
	$(call msg,CC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(WORKLOAD_CFLAGS) $< -lbpf -o $@

# The TAP goes to the file and to the terminal; the exit status is bats'.
# bench.bats runs make bench QUICK=1: its tools too.
bats: $(TEST_BUILD)/workload $(TEST_BUILD)/scap_api $(TEST_BUILD)/scap_cmp $(TEST_BUILD)/bpf_rules \
		$(TEST_BUILD)/verifier_stats $(TEST_BUILD)/syscall_events \
		$(TEST_BUILD)/bench/floor-perf $(TEST_BUILD)/bench/floor-ring $(TEST_BUILD)/bench/syscall_loop \
		$(TEST_BUILD)/bench/filter_rate $(MONITOR)
	$(Q)mkdir -p $(TEST_BUILD)/captures
	$(Q)$(BATS) --tap $(BATS_FILES) > $(TEST_BUILD)/bats.tap; rc=$$?; \
		cat $(TEST_BUILD)/bats.tap; exit $$rc

# The kernel module's misuse checks (test/kmod/driver.bats).
$(TEST_BUILD)/kmod_misuse: test/kmod/kmod_misuse.c driver/ppm_ioctl.h driver/ppm_ringbuffer.h
	$(call msg,CC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(WORKLOAD_CFLAGS) -Idriver $< -o $@

# A module that says it speaks another API version: the engine must refuse it.
KMOD_API99 := $(BUILD)/driver/$(KMOD_KVER)-api99/scaplab.ko
$(KMOD_API99): $(KMOD_SRCS)
	$(call kmod_build,$(@D),-DPPM_API_CURRENT_VERSION=99ULL)

.PHONY: kmod-tests
kmod-tests: $(TEST_BUILD)/workload $(TEST_BUILD)/kmod_misuse $(KMOD_API99)

# The floors of make bench (scripts/bench.sh), each read by its engine's
# own reader: the legacy driver's, a raw tracepoint and a bare perf event
# output (test/bench/floor_perf.*, kept to Linux 4.14's instruction set as
# the legacy probe is), and the modern driver's, the hook alone and a bare
# header in a per-CPU BPF ring buffer (test/bench/floor_ring.*).
$(TEST_BUILD)/bench/floor_perf.bpf.o: BENCH_BPF_MCPU := -mcpu=v1
$(TEST_BUILD)/bench/%.bpf.o: test/bench/%.bpf.c driver/ppm_events_public.h
	$(call msg,BPF,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CLANG) -g -O2 -target bpf $(BENCH_BPF_MCPU) -Wall -Werror -Idriver \
		-I/usr/include/$(shell $(CC) -dumpmachine) -c $< -o $@

# floor-perf and floor-ring: the loader (test/bench/floor_KIND.c), its
# BPF object, and its engine's reader.
define bench_floor
$(TEST_BUILD)/bench/floor-$(1): test/bench/floor_$(1).c $(2) $(TEST_BUILD)/bench/floor_$(1).bpf.o
	$$(call msg,CC,$$@)
	$$(Q)$$(CC) $$(WORKLOAD_CFLAGS) $$(CPPFLAGS) -I$(dir $(2)) $$< $(2) -lbpf -lelf -lz -o $$@
endef
$(eval $(call bench_floor,perf,userspace/libscap/engine/bpf/perf_buffer.c))
$(eval $(call bench_floor,ring,userspace/libscap/engine/modern_bpf/bpf_ringbuf.c))

# The workloads of make bench (test/bench/syscall_loop.c).
$(TEST_BUILD)/bench/syscall_loop: test/bench/syscall_loop.c
	$(call msg,CC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(WORKLOAD_CFLAGS) $< -o $@

# The filter engine's rate (test/bench/filter_rate.c): libsinsp on a file.
$(TEST_BUILD)/bench/filter_rate: test/bench/filter_rate.c $(BUILD)/libsinsp.a $(BUILD)/libscap.a
	$(call msg,CC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(WORKLOAD_CFLAGS) $(CPPFLAGS) -Iuserspace/libscap/engine/savefile -O2 $< \
		$(BUILD)/libsinsp.a $(BUILD)/libscap.a $(ENGINE_LDLIBS) -o $@

.PHONY: bench-tools
bench-tools: $(TEST_BUILD)/bench/floor-perf $(TEST_BUILD)/bench/floor-ring $(TEST_BUILD)/bench/syscall_loop \
	$(TEST_BUILD)/bench/filter_rate
