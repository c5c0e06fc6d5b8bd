# scaplab: one entry point.
#
#   make run     install what is missing, build, capture a short live demo
#   make test    install what is missing (test tools too), build, run every test
#   make setup   only the installing and the tracefs mount (needs root)
#   make doctor  check the machine; say what to install or change
#
# The labs (labs/README.md):
#   make lab-start LAB=N        turn lab N's code into TODOs for you to write
#   make grade LAB=N            build, run lab N's checks, print Score: X/Y
#   make grade                  every lab
#   make lab-reset LAB=N        lab N's files back as last committed
#   make lab-system LAB=N       your lab N code in an otherwise complete
#                               system: build/labs/NN-slug/scap-open
#   make student-release DEST=dir   every lab carved, no solutions/
#   make lab-check              the graders pass on the reference, fail on
#                               the starters (run by make test)
#   make replay                 a student release done lab by lab, graded
#                               after each step (run by make test)
#   make all     only the build
#   make clean   remove build/
#
# Everything is built under build/, including the generated files a learner may
# want to open: build/modern_bpf/vmlinux.h and build/modern_bpf/probe.skel.h.
# V=1 prints every command.

BUILD := build
CC ?= gcc
CLANG ?= clang
BPFTOOL ?= bpftool

ifeq ($(V),1)
Q :=
msg :=
else
Q := @
msg = @printf '  %-8s %s\n' "$(1)" "$(2)";
endif

# Userspace: every warning is an error.
CFLAGS ?= -O2 -g
CFLAGS += -Wall -Wextra -Werror -std=gnu11 -D_GNU_SOURCE
CPPFLAGS += -Idriver -Iuserspace/libscap -I$(BUILD)/modern_bpf -Imodern_bpf/shared_definitions
LDLIBS := -lbpf -lelf -lz

BPF_CFLAGS := -g -O2 -target bpf -D__TARGET_ARCH_x86 -Wall -Werror \
	-I$(BUILD)/modern_bpf -Idriver

# ---- the modern BPF probe -------------------------------------------------

MODERN_BPF_SRCS := $(shell find modern_bpf/programs -name '*.bpf.c' | sort)
MODERN_BPF_HDRS := $(shell find modern_bpf driver -name '*.h')
MODERN_BPF_OBJS := $(patsubst modern_bpf/%.bpf.c,$(BUILD)/modern_bpf/obj/%.bpf.o,$(MODERN_BPF_SRCS))

# Kernel types of the running kernel, for CO-RE.
$(BUILD)/modern_bpf/vmlinux.h:
	$(call msg,BTF,$@)
	$(Q)mkdir -p $(@D)
	$(Q)test -r /sys/kernel/btf/vmlinux || { echo "error: this kernel has no BTF (/sys/kernel/btf/vmlinux); the modern eBPF driver needs CONFIG_DEBUG_INFO_BTF=y" >&2; exit 1; }
	$(Q)$(BPFTOOL) btf dump file /sys/kernel/btf/vmlinux format c > $@.tmp && mv $@.tmp $@

$(BUILD)/modern_bpf/obj/%.bpf.o: modern_bpf/%.bpf.c $(MODERN_BPF_HDRS) $(BUILD)/modern_bpf/vmlinux.h
	$(call msg,BPF,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CLANG) $(BPF_CFLAGS) -c $< -o $@

# The list of objects, rewritten only when it changes, so that deleting or
# renaming a filler relinks the probe (no remaining object would be newer).
$(BUILD)/modern_bpf/objs.list: FORCE
	$(Q)mkdir -p $(@D)
	$(Q)echo $(MODERN_BPF_OBJS) | cmp -s - $@ || echo $(MODERN_BPF_OBJS) > $@

# One object from many: bpftool links the per-syscall objects like ld does.
$(BUILD)/modern_bpf/probe.bpf.o: $(MODERN_BPF_OBJS) $(BUILD)/modern_bpf/objs.list
	$(call msg,LINK,$@)
	$(Q)$(BPFTOOL) gen object $@ $(MODERN_BPF_OBJS)

$(BUILD)/modern_bpf/probe.skel.h: $(BUILD)/modern_bpf/probe.bpf.o
	$(call msg,SKEL,$@)
	$(Q)$(BPFTOOL) gen skeleton $< name scaplab_modern_bpf > $@.tmp && mv $@.tmp $@

# ---- libscap and the reader -----------------------------------------------

$(BUILD)/driver/syscall_names.c: scripts/gen-syscall-names.sh
	$(call msg,GEN,$@)
	$(Q)mkdir -p $(@D)
	$(Q)sh $< > $@.tmp && mv $@.tmp $@

SCHEMA_SRCS := driver/event_table.c driver/syscall_table.c driver/flags_table.c \
	$(BUILD)/driver/syscall_names.c
LIBSCAP_SRCS := $(shell find userspace/libscap -name '*.c' | sort)
LIBSCAP_OBJS := $(patsubst %.c,$(BUILD)/%.o,$(LIBSCAP_SRCS) $(filter-out $(BUILD)/%,$(SCHEMA_SRCS))) \
	$(BUILD)/driver/syscall_names.o
USERSPACE_HDRS := $(shell find userspace driver modern_bpf/shared_definitions -name '*.h')

$(BUILD)/%.o: %.c $(USERSPACE_HDRS)
	$(call msg,CC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

# Only the engine includes the generated skeleton of the probe.
$(BUILD)/userspace/libscap/engine/modern_bpf/modern_bpf.o: $(BUILD)/modern_bpf/probe.skel.h

$(BUILD)/driver/syscall_names.o: $(BUILD)/driver/syscall_names.c
	$(call msg,CC,$@)
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -c $< -o $@

$(BUILD)/libscap.a: $(LIBSCAP_OBJS)
	$(call msg,AR,$@)
	$(Q)rm -f $@ && ar rcs $@ $^

SCAP_OPEN_SRCS := $(shell find userspace/scap-open -name '*.c' | sort)
$(BUILD)/scap-open: $(patsubst %.c,$(BUILD)/%.o,$(SCAP_OPEN_SRCS)) $(BUILD)/libscap.a
	$(call msg,LD,$@)
	$(Q)$(CC) $(CFLAGS) $^ $(LDLIBS) -o $@

# ---- entry points ---------------------------------------------------------

.DEFAULT_GOAL := all
.PHONY: all setup run test clean FORCE

all: $(BUILD)/scap-open

setup:
	$(Q)scripts/setup.sh

run: setup
	$(Q)$(MAKE) --no-print-directory all
	$(Q)scripts/demo.sh

# run-tests.sh builds too, so that a build failure is reported in its count.
test:
	$(Q)scripts/setup.sh --test
	$(Q)scripts/run-tests.sh

clean:
	rm -rf $(BUILD)

.PHONY: doctor bench
doctor:
	$(Q)scripts/doctor.sh

bench: setup
	$(Q)$(MAKE) --no-print-directory all
	$(Q)scripts/bench.sh

# ---- the labs -------------------------------------------------------------

include test/test.mk
include labs/labs.mk

.PHONY: lab-start lab-reset lab-system grade student-release lab-check replay setup-test
setup-test:
	$(Q)scripts/setup.sh --test

lab-start: $(BUILD)/labs/tools/carve
	$(Q)labs/tools/lab.sh start "$(LAB)"

lab-reset: $(BUILD)/labs/tools/carve
	$(Q)labs/tools/lab.sh reset "$(LAB)"

lab-system: $(BUILD)/labs/tools/carve
	$(Q)labs/tools/lab.sh system "$(LAB)"

# The grader needs bats and jq: setup-test installs them if missing.
grade: setup-test
	$(Q)labs/tools/grade.sh $(LAB)

student-release: $(BUILD)/labs/tools/carve
	$(Q)labs/tools/lab.sh release "$(DEST)"

lab-check: setup-test
	$(Q)labs/tools/lab-check.sh

# A student release done in ORDER (default: labs/README.md's), graded
# after each step, each lab ROUNDS times (default 5) in each state.
replay: setup-test
	$(Q)labs/tools/replay.sh $(if $(ORDER),--order "$(ORDER)") $(if $(ROUNDS),--rounds $(ROUNDS))
