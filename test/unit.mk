# Unit tests of libscap's pure parts: decoder, formatter, merge, flag tables.
# Built twice: plainly with $(CC), and with clang under ASan + UBSan.
#   make -f test/unit.mk unit        build both, run both, TAP in build/test/
# They need no kernel and no root.

include mk/common.mk
UNIT_SRCS := $(sort $(wildcard test/unit/test_*.c))
UNIT_NAMES := $(patsubst test/unit/%.c,%,$(UNIT_SRCS))

# The code under test: libscap without its front door (scap.c, scap_engines.c)
# and its live engines, which talk to the kernel.
# The savefile engine is in: it reads files, not the kernel.
LIB_SRCS := $(filter-out userspace/libscap/scap.c userspace/libscap/scap_engines.c, \
		$(wildcard userspace/libscap/*.c userspace/libscap/ringbuffer/*.c)) \
	$(wildcard userspace/libscap/engine/savefile/*.c) \
	driver/event_table.c driver/flags_table.c driver/syscall_table.c \
	$(BUILD)/driver/syscall_names.c
LIB_HDRS := $(wildcard userspace/libscap/*.h userspace/libscap/ringbuffer/*.h driver/*.h \
	userspace/libscap/engine/savefile/*.h \
	test/unit/*.h)

UNIT_CPPFLAGS := -Idriver -Iuserspace/libscap -Iuserspace/libscap/ringbuffer \
	-Iuserspace/libscap/engine/savefile
UNIT_CFLAGS := $(STD_CFLAGS) $(WARN_CFLAGS) -g
ASAN_CFLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

$(BUILD)/test/unit/%: test/unit/%.c $(LIB_SRCS) $(LIB_HDRS)
	$(call msg,CC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(UNIT_CPPFLAGS) $(UNIT_CFLAGS) -O2 $< $(LIB_SRCS) -lcmocka -o $@

$(BUILD)/test/unit-asan/%: test/unit/%.c $(LIB_SRCS) $(LIB_HDRS)
	$(call msg,CLANG,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CLANG) $(UNIT_CPPFLAGS) $(UNIT_CFLAGS) -O1 $(ASAN_CFLAGS) $< $(LIB_SRCS) -lcmocka -o $@

$(BUILD)/driver/syscall_names.c:
	$(MAKE) -f Makefile $@

.PHONY: unit-build
unit-build: $(addprefix $(BUILD)/test/unit/,$(UNIT_NAMES)) \
	$(addprefix $(BUILD)/test/unit-asan/,$(UNIT_NAMES))

# ---- the fuzzer -------------------------------------------------------------
# libFuzzer on the decoder and the formatters (test/fuzz/), seeded with lab
# 01's golden events, for FUZZ_SECONDS. Writes build/test/fuzz.tap: one
# test, "ok" if nothing crashed.
#   make -f test/unit.mk fuzz FUZZ_SECONDS=600

FUZZ_SRCS := $(sort $(wildcard test/fuzz/*.c))
FUZZ_SECONDS ?= 60
FUZZ_DIR := $(BUILD)/test/fuzz
FUZZ_CFLAGS := -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_SEEDS := $(sort $(wildcard labs/01-event-format/tests/golden/*.hex))

$(FUZZ_DIR)/fuzz_decoder: $(FUZZ_SRCS) $(LIB_SRCS) $(LIB_HDRS)
	$(call msg,CLANG,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CLANG) $(UNIT_CPPFLAGS) $(STD_CFLAGS) $(WARN_CFLAGS) $(FUZZ_CFLAGS) \
		$(FUZZ_SRCS) $(LIB_SRCS) -o $@

# The golden events as raw bytes: their hex without the comments.
$(FUZZ_DIR)/seeds.stamp: $(FUZZ_SEEDS)
	$(Q)mkdir -p $(FUZZ_DIR)/seeds
	$(Q)for f in $(FUZZ_SEEDS); do \
		sed 's/#.*//' "$$f" | xxd -r -p > $(FUZZ_DIR)/seeds/$$(basename "$$f" .hex); \
	done
	$(Q)touch $@

.PHONY: fuzz
fuzz: $(FUZZ_DIR)/fuzz_decoder $(FUZZ_DIR)/seeds.stamp
	$(Q)mkdir -p $(FUZZ_DIR)/corpus
	@echo "  FUZZ     $(FUZZ_SECONDS) s: the decoder and the formatters (log: $(FUZZ_DIR)/fuzz.log)"
	$(Q)cd $(FUZZ_DIR) && ./fuzz_decoder -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 \
		-artifact_prefix=./ corpus seeds > fuzz.log 2>&1; rc=$$?; \
		runs=$$(sed -n 's/^stat::number_of_executed_units: *//p' fuzz.log); \
		{ echo "1..1"; \
		  if [ $$rc = 0 ]; then echo "ok 1 - fuzz_decoder: $$runs inputs in $(FUZZ_SECONDS) s, no crash"; \
		  else echo "not ok 1 - fuzz_decoder crashed (exit $$rc): see $(FUZZ_DIR)/fuzz.log and the input it names"; fi; \
		} > ../fuzz.tap; cat ../fuzz.tap; exit $$rc
