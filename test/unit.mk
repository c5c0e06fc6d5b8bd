# Unit tests of libscap's pure parts (decoder, formatter, merge, flag tables)
# and of libsinsp's parsing.
# Built twice: plainly with $(CC), and with clang under ASan + UBSan.
#   make -f test/unit.mk unit        build both, run both, TAP in build/test/
# They need no kernel and no root.

include mk/common.mk
UNIT_SRCS := $(sort $(wildcard test/unit/test_*.c))
UNIT_NAMES := $(patsubst test/unit/%.c,%,$(UNIT_SRCS))

# The code under test: libscap without its front door (scap.c, scap_engines.c),
# the file writer that asks it (scap_dump.c: test/bats/savefile_write.bats)
# and its live engines, which talk to the kernel.
# The savefile engine is in: it reads files, not the kernel.
LIB_SRCS := $(filter-out userspace/libscap/scap.c userspace/libscap/scap_engines.c \
		userspace/libscap/scap_dump.c, \
		$(wildcard userspace/libscap/*.c userspace/libscap/ringbuffer/*.c)) \
	$(wildcard userspace/libscap/engine/savefile/*.c) \
	$(wildcard userspace/libsinsp/*.c) \
	driver/event_table.c $(wildcard driver/flags_table*.c) driver/syscall_table.c \
	driver/syscall_code_routing_table.c \
	$(BUILD)/driver/syscall_names.c
LIB_HDRS := $(wildcard userspace/libscap/*.h userspace/libscap/ringbuffer/*.h driver/*.h \
	userspace/libscap/engine/savefile/*.h userspace/libsinsp/*.h \
	test/unit/*.h)

UNIT_CPPFLAGS := -Idriver -Iuserspace/libscap -Iuserspace/libscap/ringbuffer \
	-Iuserspace/libscap/engine/savefile -Iuserspace/libsinsp
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

# It includes the ring readers' .c files, which LIB_SRCS leaves out.
RING_READER_SRCS := $(wildcard userspace/libscap/engine/modern_bpf/bpf_ringbuf.[ch] \
	userspace/libscap/engine/kmod/ppm_ring_reader.[ch])
$(BUILD)/test/unit/test_ring_readers $(BUILD)/test/unit-asan/test_ring_readers: $(RING_READER_SRCS)

$(BUILD)/driver/syscall_names.c:
	$(MAKE) -f Makefile $@

.PHONY: unit-build
unit-build: $(addprefix $(BUILD)/test/unit/,$(UNIT_NAMES)) \
	$(addprefix $(BUILD)/test/unit-asan/,$(UNIT_NAMES))

# ---- the fuzzers ------------------------------------------------------------
# libFuzzer, under ASan and UBSan, each for FUZZ_SECONDS:
#   decoder    the decoder and the formatters (test/fuzz/fuzz_decoder.c),
#              seeded with lab 01's golden events
#   savefile   the capture file reader (test/fuzz/fuzz_savefile.c), seeded
#              with the capture files of test/data/, whole and cut short
# Writes build/test/fuzz.tap: one test a fuzzer, "ok" if nothing crashed.
#   make -f test/unit.mk fuzz FUZZ_SECONDS=600

FUZZERS := decoder savefile
FUZZ_SECONDS ?= 60
FUZZ_DIR := $(BUILD)/test/fuzz
FUZZ_CFLAGS := -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
FUZZ_SEEDS_decoder := $(sort $(wildcard labs/01-event-format/tests/golden/*.hex))
FUZZ_SEEDS_savefile := $(sort $(wildcard test/data/*.scap))
# Inputs of at most this many bytes (the default is the largest seed's):
# small files run many times faster, and every block type fits in 16 KiB.
FUZZ_MAX_LEN_decoder := 4096
FUZZ_MAX_LEN_savefile := 16384

$(FUZZ_DIR)/%/fuzzer: test/fuzz/fuzz_%.c test/fuzz/terminal_safe.h $(LIB_SRCS) $(LIB_HDRS)
	$(call msg,CLANG,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CLANG) $(UNIT_CPPFLAGS) $(STD_CFLAGS) $(WARN_CFLAGS) $(FUZZ_CFLAGS) \
		$< $(LIB_SRCS) -o $@

# The golden events as raw bytes: their hex without the comments.
$(FUZZ_DIR)/decoder/seeds.stamp: $(FUZZ_SEEDS_decoder)
	$(Q)mkdir -p $(@D)/seeds
	$(Q)for f in $^; do \
		sed 's/#.*//' "$$f" | xxd -r -p > $(@D)/seeds/$$(basename "$$f" .hex); \
	done
	$(Q)touch $@

# Whole files are large for a fuzzer: their first 4 and 16 KiB too.
$(FUZZ_DIR)/savefile/seeds.stamp: $(FUZZ_SEEDS_savefile)
	$(Q)mkdir -p $(@D)/seeds
	$(Q)for f in $^; do \
		b=$(@D)/seeds/$$(basename "$$f" .scap); \
		cp "$$f" "$$b.scap"; head -c 4096 "$$f" > "$$b.4k"; head -c 16384 "$$f" > "$$b.16k"; \
	done
	$(Q)touch $@

.PHONY: fuzz
fuzz: $(foreach f,$(FUZZERS),$(FUZZ_DIR)/$(f)/fuzzer $(FUZZ_DIR)/$(f)/seeds.stamp)
	$(Q)n=0; failed=0; echo "1..$(words $(FUZZERS))" > $(BUILD)/test/fuzz.tap; \
	for spec in $(foreach f,$(FUZZERS),$(f):$(FUZZ_MAX_LEN_$(f))); do \
		f=$${spec%:*}; max=$${spec#*:}; \
		n=$$((n + 1)); mkdir -p $(FUZZ_DIR)/$$f/corpus; \
		echo "  FUZZ     $(FUZZ_SECONDS) s: $$f (log: $(FUZZ_DIR)/$$f/fuzz.log)"; \
		(cd $(FUZZ_DIR)/$$f && ./fuzzer -max_total_time=$(FUZZ_SECONDS) -max_len=$$max -print_final_stats=1 \
			-timeout=10 -rss_limit_mb=2048 -artifact_prefix=./ corpus seeds > fuzz.log 2>&1); rc=$$?; \
		runs=$$(sed -n 's/^stat::number_of_executed_units: *//p' $(FUZZ_DIR)/$$f/fuzz.log); \
		if [ $$rc = 0 ]; then echo "ok $$n - fuzz_$$f: $$runs inputs in $(FUZZ_SECONDS) s, no crash"; \
		else failed=1; echo "not ok $$n - fuzz_$$f crashed (exit $$rc): see $(FUZZ_DIR)/$$f/fuzz.log and the input it names"; fi \
			>> $(BUILD)/test/fuzz.tap; \
	done; cat $(BUILD)/test/fuzz.tap; exit $$failed
