# Falco's own kernel module of 2022, the reference our module is compared
# with: test/falco/falco-parity.sh (the same workload run captured by both)
# and scripts/bench-drivers.sh (the cost of a syscall under each).
#
#   make -f test/test.mk falco-kmod    build/falco/$(KMOD_KVER)/scap.ko
#
# Debian ships the module's source as falcosecurity-scap-dkms. We take the
# source out of the package instead of installing it: dkms would build it
# for every installed kernel, and the 2022 source does not compile against
# recent ones (the host's 6.18, for one). Its userspace is Debian's sysdig
# 0.29 (scripts/setup.sh --test installs it, without the dkms package).
# The module is built for KMOD_KVER, the kernel our own module is built for.

FALCO_PKG := falcosecurity-scap-dkms
FALCO_DIR := $(BUILD)/falco
FALCO_SRC_STAMP := $(FALCO_DIR)/pkg/.extracted
FALCO_KO := $(FALCO_DIR)/$(KMOD_KVER)/scap.ko

# apt-get download writes into the current folder; as root it warns that
# its sandbox user cannot read there, hence the option.
$(FALCO_SRC_STAMP):
	$(call msg,APT,$(FALCO_PKG))
	$(Q)rm -rf $(FALCO_DIR)/deb $(FALCO_DIR)/pkg && mkdir -p $(FALCO_DIR)/deb
	$(Q)cd $(FALCO_DIR)/deb && apt-get download -q -o APT::Sandbox::User=root $(FALCO_PKG) \
		>download.log 2>&1 || { cat download.log >&2; \
		echo "error: could not download $(FALCO_PKG) (Debian 12's main has it)" >&2; exit 1; }
	$(Q)dpkg-deb -x $(FALCO_DIR)/deb/$(FALCO_PKG)_*.deb $(FALCO_DIR)/pkg
	$(Q)ls -d $(FALCO_DIR)/pkg/usr/src/scap-*/ >/dev/null
	$(Q)touch $@

# Kbuild writes its objects next to the sources: build in a copy.
$(FALCO_KO): $(FALCO_SRC_STAMP)
	$(call msg,KMOD,$@)
	$(Q)rm -rf $(@D) && mkdir -p $(@D)
	$(Q)cp -r $(FALCO_DIR)/pkg/usr/src/scap-*/. $(@D)/
	$(Q)$(MAKE) --no-print-directory -C $(KMOD_KDIR) M=$(abspath $(@D)) modules \
		>$(@D)/build.log 2>&1 || { cat $(@D)/build.log >&2; \
		echo "error: Falco's module did not build for $(KMOD_KVER)" >&2; exit 1; }

.PHONY: falco-kmod
falco-kmod: $(FALCO_KO)
