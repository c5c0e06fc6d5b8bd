# make install [PREFIX=/usr/local] [DESTDIR=]: libscap for a program
# outside this repository (README.md, "Your own program"):
#
#   PREFIX/lib/libscaplab.a             libscap with every engine this build has,
#                                       and libsinsp (threads and fds)
#   PREFIX/include/scaplab/*.h          the public headers only: #include <scaplab/scap.h>
#   PREFIX/lib/pkgconfig/scaplab.pc     cc app.c $(pkg-config --cflags --libs scaplab)
#
# The library is installed as libscaplab, not libscap: Falco's own libscap
# may be installed in the same place, and the two are not the same API.
# The public headers include each other by name ("scap.h"), which a
# compiler finds beside the header that asks, so they work from any folder.
# The legacy eBPF engine looks for its probe where this build put it (or
# SCAPLAB_BPF_PROBE=FILE); the modern engine carries its probe inside.

PREFIX ?= /usr/local
DESTDIR ?=
INSTALL_LIB := $(DESTDIR)$(PREFIX)/lib
INSTALL_INC := $(DESTDIR)$(PREFIX)/include/scaplab
PUBLIC_HDRS := userspace/libscap/scap.h userspace/libscap/scap_event.h \
	userspace/libscap/scap_schema.h userspace/libscap/scap_flags.h \
	userspace/libscap/scap_strbuf.h userspace/libsinsp/sinsp.h userspace/libsinsp/sinsp_filter.h \
	driver/ppm_events_public.h driver/ppm_sc.h driver/ppm_flags.h

# One archive of both libraries: a program links -lscaplab and nothing else.
$(BUILD)/libscaplab.a: $(LIBSINSP_OBJS) $(LIBSCAP_OBJS) $(BUILD)/libscap.objs
	$(call msg,AR,$@)
	$(Q)rm -f $@ && ar rcs $@ $(LIBSINSP_OBJS) $(LIBSCAP_OBJS)

.PHONY: install
install: $(BUILD)/libscaplab.a
	$(call msg,INSTALL,$(DESTDIR)$(PREFIX))
	$(Q)install -d $(INSTALL_LIB)/pkgconfig $(INSTALL_INC)
	$(Q)install -m 644 $(BUILD)/libscaplab.a $(INSTALL_LIB)/libscaplab.a
	$(Q)install -m 644 $(PUBLIC_HDRS) $(INSTALL_INC)/
	$(Q){ echo 'prefix=$(PREFIX)'; \
		echo 'includedir=$${prefix}/include'; \
		echo 'libdir=$${prefix}/lib'; \
		echo; \
		echo 'Name: scaplab'; \
		echo 'Description: scaplab libscap and libsinsp: syscall capture, .scap files, threads and fds'; \
		echo 'Version: 0.1'; \
		echo 'Cflags: -I$${includedir}'; \
		echo 'Libs: -L$${libdir} -lscaplab $(sort $(ENGINE_LDLIBS))'; \
	} > $(INSTALL_LIB)/pkgconfig/scaplab.pc
