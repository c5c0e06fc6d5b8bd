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
# fixed ports (network.bats, errors.bats, counts.bats), and the burst test
# wants the machine to itself. Each test file keeps its captures in
# build/test/captures/, so that a failing run can be read afterwards.

BUILD ?= build
TEST_BUILD := $(BUILD)/test
CC ?= gcc
BATS ?= bats
BATS_FILES ?= $(sort $(wildcard test/bats/*.bats))

WORKLOAD_CFLAGS := -O2 -g -Wall -Wextra -Werror -std=gnu11 -D_GNU_SOURCE

# Own name for the quiet prefix: this file may be included by the top-level one.
ifeq ($(V),1)
TEST_Q :=
else
TEST_Q := @
endif

.PHONY: workload bats

workload: $(TEST_BUILD)/workload

# One file per scenario, with main() in workload.c.
WORKLOAD_SRCS := $(sort $(wildcard test/workload/*.c))

$(TEST_BUILD)/workload: $(WORKLOAD_SRCS) test/workload/workload.h
	@printf '  %-8s %s\n' CC $@
	$(TEST_Q)mkdir -p $(@D)
	$(TEST_Q)$(CC) $(WORKLOAD_CFLAGS) $(WORKLOAD_SRCS) -o $@

# The TAP goes to the file and to the terminal; the exit status is bats'.
bats: $(TEST_BUILD)/workload
	$(TEST_Q)mkdir -p $(TEST_BUILD)/captures
	$(TEST_Q)$(BATS) --tap $(BATS_FILES) > $(TEST_BUILD)/bats.tap; rc=$$?; \
		cat $(TEST_BUILD)/bats.tap; exit $$rc
