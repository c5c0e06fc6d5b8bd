# What every part of the build shares: where outputs go, the tools, the
# flags, and the quiet output. Included by the top-level Makefile and by the
# test and lab fragments, which may also be run alone (make -f test/test.mk).
#
#   V=1                 print every command instead of "  CC  file"
#   CC, CLANG, BPFTOOL  the tools (defaults: make's cc, clang, bpftool)
#   CFLAGS              optimisation and debug flags (default -O2 -g)

ifndef SCAPLAB_COMMON_MK
SCAPLAB_COMMON_MK := 1

BUILD ?= build
CLANG ?= clang
BPFTOOL ?= bpftool

# Quiet output: one line per step, "  TAG      target". V=1: the commands.
ifeq ($(V),1)
Q :=
msg :=
else
Q := @
msg = @printf '  %-8s %s\n' "$(1)" "$(2)";
endif

# Userspace: every warning is an error.
CFLAGS ?= -O2 -g
WARN_CFLAGS := -Wall -Wextra -Werror
STD_CFLAGS := -std=gnu11 -D_GNU_SOURCE
CFLAGS += $(WARN_CFLAGS) $(STD_CFLAGS)
CPPFLAGS += -Idriver -Iuserspace/libscap -Iuserspace/libsinsp -I$(BUILD)/config -Imodern_bpf/shared_definitions

# Rewrite $(1) with the text $(2) only if it changed, so that what depends
# on it is rebuilt when, and only when, its content changes.
write_if_changed = mkdir -p $(dir $(1)) && printf '%s\n' $(2) | cmp -s - $(1) || \
	printf '%s\n' $(2) > $(1)

.PHONY: FORCE
FORCE:

endif
