# The labs' tools, included by the top-level Makefile.
#
#   make lab-tools   build the carve tool and every lab's test programs
#                    (labs/NN-slug/tests/X.c -> build/labs/NN-slug/tests/X)
#
# A lab's test programs are the workloads and checkers its grader runs: each
# is one C file, linked with libscap (for the decoder, the merge...).

LAB_TOOL_CFLAGS := -O2 -g -Wall -Wextra -Werror -std=gnu11 -D_GNU_SOURCE -pthread
LAB_TEST_SRCS := $(sort $(wildcard labs/[0-9][0-9]-*/tests/*.c))
LAB_TEST_BINS := $(patsubst %.c,$(BUILD)/%,$(LAB_TEST_SRCS))

$(BUILD)/labs/tools/carve: labs/tools/carve.c
	$(call msg,CC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(LAB_TOOL_CFLAGS) $< -o $@

$(LAB_TEST_BINS): $(BUILD)/%: %.c $(BUILD)/libscap.a $(USERSPACE_HDRS)
	$(call msg,CC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(CPPFLAGS) $(LAB_TOOL_CFLAGS) $< $(BUILD)/libscap.a $(LDLIBS) -o $@

.PHONY: lab-tools
lab-tools: $(BUILD)/labs/tools/carve $(LAB_TEST_BINS) $(BUILD)/test/workload
