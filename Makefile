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
#   make vm      a shell in Debian's kernel under QEMU (scripts/vm)
#   make bench   what each driver and tracer costs a syscall, in one run
#                (scripts/bench.sh; the table and plot go to build/bench/)
#   make fuzz    the fuzzers: decoder, capture file reader (FUZZ_SECONDS=N each, default 60)
#   make all     only the build
#   make install [PREFIX=/usr/local]   libscap for your own programs
#                (libscaplab.a, include/scaplab/, scaplab.pc: mk/install.mk)
#   make clean   remove build/
#
# Everything is built under build/, including the generated files a learner may
# want to open: build/modern_bpf/vmlinux.h and build/modern_bpf/probe.skel.h.
# V=1 prints every command.

include mk/common.mk
include modern_bpf/Makefile.inc
include driver/Makefile.inc
include bpf/Makefile.inc
include userspace/Makefile.inc
include mk/install.mk

# ---- entry points ---------------------------------------------------------

.DEFAULT_GOAL := all
.PHONY: all setup run test clean

all: $(BUILD)/scap-open $(MONITOR) $(if $(KMOD_WHY),,$(KMOD)) $(BPF_PROBES)

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

.PHONY: doctor bench fuzz vm
doctor:
	$(Q)scripts/doctor.sh

# ROUNDS=N, MODES="...", WORKLOADS="...", QUICK=1: scripts/bench.sh.
bench:
	$(Q)scripts/setup.sh --bench
	$(Q)$(MAKE) --no-print-directory all
	$(Q)$(MAKE) --no-print-directory -f test/test.mk bench-tools
	$(Q)scripts/bench.sh $(foreach v,ROUNDS MODES WORKLOADS QUICK GUEST,$(if $($(v)),"$(v)=$($(v))"))

# A shell in Debian's kernel under QEMU, with this machine's files (scripts/vm).
vm:
	$(Q)scripts/setup.sh --vm
	$(Q)$(MAKE) --no-print-directory all
	$(Q)scripts/vm shell

# The fuzzers, FUZZ_SECONDS long each (default 60; make test runs 20).
fuzz:
	$(Q)$(MAKE) --no-print-directory -f test/unit.mk fuzz $(if $(FUZZ_SECONDS),FUZZ_SECONDS=$(FUZZ_SECONDS))

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

# The grader needs bats and jq: setup installs them if missing (without
# root it only checks, for a lab graded on its reference captures).
grade:
	$(Q)scripts/setup.sh --grade
	$(Q)labs/tools/grade.sh $(LAB)

student-release: $(BUILD)/labs/tools/carve
	$(Q)labs/tools/lab.sh release "$(DEST)"

lab-check: setup-test
	$(Q)labs/tools/lab-check.sh

# A student release done in ORDER (default: labs/README.md's), graded
# after each step, each lab ROUNDS times (default 5) in each state.
replay: setup-test
	$(Q)labs/tools/replay.sh $(if $(ORDER),--order "$(ORDER)") $(if $(ROUNDS),--rounds $(ROUNDS))
