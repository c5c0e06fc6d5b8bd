# The labs' build, included by the top-level Makefile.
#
#   make lab-tools             the carve tool
#   make lab-system LAB=N      lab N's system (labs/tools/system.sh says more)
#
# A lab system is the whole capture system (probe, libscap, libsinsp,
# scap-open, scaplab-monitor) and the lab's test programs
# (labs/NN-slug/tests/X.c), linked from this build's objects, except that
# the objects of other labs' code come from the reference
# (labs/prebuilt/NN/, or this build where that code is not carved). So a
# lab is graded, and tried, with only its own code in it.
# labs/tools/system.sh computes the variables below and calls
#
#   make SYSTEM=DIR SYSTEM_REF="OBJ..." SYSTEM_TESTS="labs/NN-slug/tests" system-core
#   make -k (the same) system-tests
#
#   SYSTEM        the folder the system goes to, e.g. build/labs/03-dispatcher
#   SYSTEM_REF    reference objects, each labs/prebuilt/NN/<its path in $(BUILD)>;
#                 each replaces the object at that path in $(BUILD)
#   SYSTEM_TESTS  the folder of the test programs to build into $(SYSTEM)/tests
#
# A lab graded with the kernel module (labs/NN-slug/lab.env: LAB_DRIVER=kmod)
# also gets the module, built for KMOD_KVER:
#
#   make SYSTEM=DIR SYSTEM_KMOD_REF="OBJ..." system-kmod
#
#   SYSTEM_KMOD_REF  reference kernel objects, each
#                    labs/prebuilt/NN/kmod/KVER/<its path in driver/>; each
#                    replaces the source at that path

LAB_TOOL_CFLAGS := -O2 -g $(WARN_CFLAGS) $(STD_CFLAGS) -pthread

$(BUILD)/labs/tools/carve: labs/tools/carve.c
	$(call msg,CC,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) $(LAB_TOOL_CFLAGS) $< -o $@

.PHONY: lab-tools system
lab-tools: $(BUILD)/labs/tools/carve

# Some objects of the module alone (labs/tools/system.sh, make_prebuilt):
#   make KMOD_OBJS="event_table.o fillers/paths.o" kmod-objs
# into build/labs/kmod-objs/KVER/, from the tree as it is. Only those
# objects are compiled: another lab's code, maybe half-written, is not.
KMOD_OBJS_DIR := $(BUILD)/labs/kmod-objs/$(KMOD_KVER)
.PHONY: kmod-objs
kmod-objs:
	$(Q)mkdir -p $(KMOD_OBJS_DIR)
	$(Q)cp -rsf $(abspath driver)/. $(KMOD_OBJS_DIR)/
	$(Q)find $(KMOD_OBJS_DIR) -xtype l -delete
	$(Q)$(MAKE) --no-print-directory -C $(KMOD_KDIR) M=$(abspath $(KMOD_OBJS_DIR)) \
		$(KMOD_OBJS) >$(KMOD_OBJS_DIR)/build.log 2>&1 || \
		{ sed 's|$(abspath $(KMOD_OBJS_DIR))/|driver/|g' $(KMOD_OBJS_DIR)/build.log >&2; exit 1; }

ifneq ($(SYSTEM),)
# The object at $(BUILD)/REL, or the reference one that replaces it.
sys_obj = $(or $(filter %/$(patsubst $(BUILD)/%,%,$(1)),$(SYSTEM_REF)),$(1))

# The engine includes the skeleton, so it is compiled again for each probe.
ENGINE_OBJ := $(BUILD)/userspace/libscap/engine/modern_bpf/modern_bpf.o
SYS_BPF_OBJS := $(foreach o,$(MODERN_BPF_OBJS),$(call sys_obj,$(o)))
# The legacy engine finds its probe in a folder named when it is compiled:
# the system's, which holds this build's CO-RE probe or the reference one.
LEGACY_ENGINE_OBJ := $(BUILD)/userspace/libscap/engine/bpf/bpf.o
SYS_LEGACY_ENGINE := $(if $(filter $(LEGACY_ENGINE_OBJ),$(LIBSCAP_OBJS)),$(SYSTEM)/bpf.o)
SYS_LEGACY_PROBE := $(if $(filter $(BPF_CORE_PROBE),$(BPF_PROBES)),$(SYSTEM)/bpf/core/probe.o)
SYS_LEGACY_PROBE_SRC := $(call sys_obj,$(BPF_CORE_PROBE))
SYS_LIBSCAP_OBJS := $(foreach o,$(filter-out $(ENGINE_OBJ) $(LEGACY_ENGINE_OBJ),$(LIBSCAP_OBJS)),$(call sys_obj,$(o))) \
	$(SYSTEM)/modern_bpf.o $(SYS_LEGACY_ENGINE)
SYS_LIBSINSP_OBJS := $(foreach o,$(LIBSINSP_OBJS),$(call sys_obj,$(o)))
SYS_TEST_SRCS := $(if $(SYSTEM_TESTS),$(sort $(wildcard $(SYSTEM_TESTS)/*.c)))
# tests/scap-open-X.c is scap-open with one of libscap's objects replaced:
# linked with scap-open's objects, before the library.
SYS_VARIANT_SRCS := $(filter $(SYSTEM_TESTS)/scap-open-%,$(SYS_TEST_SRCS))
SYS_TEST_BINS := $(patsubst $(SYSTEM_TESTS)/%.c,$(SYSTEM)/tests/%,$(filter-out $(SYS_VARIANT_SRCS),$(SYS_TEST_SRCS)))
SYS_VARIANT_BINS := $(patsubst $(SYSTEM_TESTS)/%.c,$(SYSTEM)/tests/%,$(SYS_VARIANT_SRCS))
SCAP_OPEN_OBJS := $(patsubst %.c,$(BUILD)/%.o,$(SCAP_OPEN_SRCS))

# Rewritten only when it changes: a swapped object relinks even if older.
$(SYSTEM)/objs.list: FORCE
	$(Q)mkdir -p $(@D)
	$(Q)echo $(SYS_BPF_OBJS) $(SYS_LIBSCAP_OBJS) $(SYS_LIBSINSP_OBJS) $(SYS_LEGACY_PROBE_SRC) | \
		cmp -s - $@ || \
		echo $(SYS_BPF_OBJS) $(SYS_LIBSCAP_OBJS) $(SYS_LIBSINSP_OBJS) $(SYS_LEGACY_PROBE_SRC) > $@

$(SYSTEM)/probe.bpf.o: $(SYS_BPF_OBJS) $(SYSTEM)/objs.list
	$(call msg,LINK,$@)
	$(Q)$(BPFTOOL) gen object $@ $(SYS_BPF_OBJS)

$(SYSTEM)/skel/probe.skel.h: $(SYSTEM)/probe.bpf.o
	$(call msg,SKEL,$@)
	$(Q)mkdir -p $(@D)
	$(Q)$(BPFTOOL) gen skeleton $< name scaplab_modern_bpf > $@.tmp && mv $@.tmp $@

$(SYSTEM)/modern_bpf.o: userspace/libscap/engine/modern_bpf/modern_bpf.c \
		$(SYSTEM)/skel/probe.skel.h $(USERSPACE_HDRS)
	$(call msg,CC,$@)
	$(Q)$(CC) -I$(SYSTEM)/skel $(CPPFLAGS) $(CFLAGS) -MMD -c $< -o $@

$(SYSTEM)/bpf.o: userspace/libscap/engine/bpf/bpf.c $(USERSPACE_HDRS) $(wildcard bpf/*.h)
	$(call msg,CC,$@)
	$(Q)$(CC) $(CPPFLAGS) -Ibpf -DSCAPLAB_BPF_PROBE_DIR='"$(abspath $(SYSTEM)/bpf)"' $(CFLAGS) \
		-MMD -c $< -o $@

$(SYSTEM)/bpf/core/probe.o: $(SYS_LEGACY_PROBE_SRC) $(SYSTEM)/objs.list
	$(call msg,CP,$@)
	$(Q)mkdir -p $(@D) && cp $< $@

$(SYSTEM)/libscap.a: $(SYS_LIBSCAP_OBJS) $(SYSTEM)/objs.list
	$(call msg,AR,$@)
	$(Q)rm -f $@ && ar rcs $@ $(SYS_LIBSCAP_OBJS)

$(SYSTEM)/libsinsp.a: $(SYS_LIBSINSP_OBJS) $(SYSTEM)/objs.list
	$(call msg,AR,$@)
	$(Q)rm -f $@ && ar rcs $@ $(SYS_LIBSINSP_OBJS)

$(SYSTEM)/scap-open: $(SCAP_OPEN_OBJS) $(SYSTEM)/libsinsp.a $(SYSTEM)/libscap.a
	$(call msg,LD,$@)
	$(Q)$(CC) $(CFLAGS) $^ $(ENGINE_LDLIBS) -o $@

# A test program may ask for more link flags, in a line of its own:
#   // link: -Wl,--wrap=field_ref_read
test_link_flags = $(shell sed -n 's|^// link: ||p' $(1))

$(SYS_TEST_BINS): $(SYSTEM)/tests/%: $(SYSTEM_TESTS)/%.c $(SYSTEM)/libsinsp.a $(SYSTEM)/libscap.a \
		$(USERSPACE_HDRS) $(wildcard $(SYSTEM_TESTS)/*.h)
	$(call msg,CC,$@)
	$(Q)mkdir -p $(@D) $(SYSTEM)/deps && rm -f $@ $(SYSTEM)/deps/$*.d
	$(Q)$(CC) $(CPPFLAGS) $(LAB_TOOL_CFLAGS) -MMD -MF $(SYSTEM)/deps/$*.d $< $(SYSTEM)/libsinsp.a \
		$(SYSTEM)/libscap.a $(ENGINE_LDLIBS) $(call test_link_flags,$<) -o $@

$(SYS_VARIANT_BINS): $(SYSTEM)/tests/%: $(SYSTEM_TESTS)/%.c $(SCAP_OPEN_OBJS) $(SYSTEM)/libsinsp.a \
		$(SYSTEM)/libscap.a $(USERSPACE_HDRS) $(wildcard $(SYSTEM_TESTS)/*.h)
	$(call msg,CC,$@)
	$(Q)mkdir -p $(@D) $(SYSTEM)/deps && rm -f $@ $(SYSTEM)/deps/$*.d
	$(Q)$(CC) $(CPPFLAGS) $(LAB_TOOL_CFLAGS) -MMD -MF $(SYSTEM)/deps/$*.d $< $(SCAP_OPEN_OBJS) \
		$(SYSTEM)/libsinsp.a $(SYSTEM)/libscap.a $(ENGINE_LDLIBS) -o $@

# scaplab-monitor, for the labs whose checks run rules.
$(SYSTEM)/scaplab-monitor: $(MONITOR_OBJS) $(SYSTEM)/libsinsp.a $(SYSTEM)/libscap.a
	$(call msg,LD,$@)
	$(Q)$(CC) $(CFLAGS) $^ $(ENGINE_LDLIBS) -lyaml -o $@

# Built apart: a test program that does not compile (it may include the
# learner's header; its old binary and deps/X.d are removed first, so they
# are missing, not stale) must not stop the system of an exercise that
# needs none of it. labs/tools/system.sh builds the tests with make -k.
.PHONY: system-core system-tests
system-core: $(SYSTEM)/scap-open $(SYS_LEGACY_PROBE) $(BUILD)/test/workload $(BUILD)/test/bpf_rules \
	$(if $(MONITOR),$(SYSTEM)/scaplab-monitor)
system-tests: $(SYS_TEST_BINS) $(SYS_VARIANT_BINS)
system: system-core system-tests

# The module: Kbuild on links to driver/ (as kmod_build in driver/Makefile.inc),
# where each reference object takes the place of its source. Kbuild wants
# a .cmd file beside every object it links: a one-line one says where the
# object came from. Compiler errors name driver/ paths.
SYS_KMOD_DIR := $(SYSTEM)/kmod/$(KMOD_KVER)
SYS_KMOD_RELS := $(foreach o,$(SYSTEM_KMOD_REF),$(shell echo '$(o)' | sed 's|^.*/kmod/[^/]*/||'))
.PHONY: system-kmod
system-kmod:
ifneq ($(KMOD_WHY),)
	@echo "error: this lab runs the kernel module, which cannot be built here: $(KMOD_WHY)" >&2; exit 1
else
	$(call msg,KMOD,$(SYS_KMOD_DIR)/scaplab.ko)
	$(Q)mkdir -p $(SYS_KMOD_DIR)
	$(Q)cp -rsf $(abspath driver)/. $(SYS_KMOD_DIR)/
	$(Q)find $(SYS_KMOD_DIR) -xtype l -delete
	$(Q)for o in $(SYSTEM_KMOD_REF); do \
		rel=$${o#*/kmod/*/}; d=$(abspath $(SYS_KMOD_DIR)); \
		rm -f "$$d/$${rel%.o}.c" && \
		{ cmp -s "$$o" "$$d/$$rel" || cp "$$o" "$$d/$$rel"; } && \
		echo "cmd_$$d/$$rel := cp $(abspath .)/$$o $$d/$$rel" \
			>"$$d/$$(dirname "$$rel")/.$$(basename "$$rel").cmd" || exit 1; \
	done
	$(Q)$(MAKE) --no-print-directory -C $(KMOD_KDIR) M=$(abspath $(SYS_KMOD_DIR)) \
		SCAPLAB_PREBUILT_OBJS='$(SYS_KMOD_RELS)' modules >$(SYS_KMOD_DIR)/build.log 2>&1 || \
		{ sed 's|$(abspath $(SYS_KMOD_DIR))/|driver/|g' $(SYS_KMOD_DIR)/build.log >&2; exit 1; }
endif
endif
