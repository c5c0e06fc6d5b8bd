# Unit tests of libscap's pure parts: decoder, formatter, merge, flag tables.
# Built twice: plainly with $(CC), and with clang under ASan + UBSan.
#   make -f test/unit.mk unit        build both, run both, TAP in build/test/
# They need no kernel and no root.

include mk/common.mk
UNIT_SRCS := $(sort $(wildcard test/unit/test_*.c))
UNIT_NAMES := $(patsubst test/unit/%.c,%,$(UNIT_SRCS))

# The code under test: libscap without its front door (scap.c, scap_engines.c)
# and its engines, which talk to the kernel.
LIB_SRCS := $(filter-out userspace/libscap/scap.c userspace/libscap/scap_engines.c, \
		$(wildcard userspace/libscap/*.c userspace/libscap/ringbuffer/*.c)) \
	driver/event_table.c driver/flags_table.c driver/syscall_table.c \
	$(BUILD)/driver/syscall_names.c
LIB_HDRS := $(wildcard userspace/libscap/*.h userspace/libscap/ringbuffer/*.h driver/*.h \
	test/unit/*.h)

UNIT_CPPFLAGS := -Idriver -Iuserspace/libscap -Iuserspace/libscap/ringbuffer
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
