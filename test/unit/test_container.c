// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Unit test of sinsp_container_from_cgroups (userspace/libsinsp/
 * sinsp_container.c): the cgroup paths each runtime makes, in the two
 * forms the library reads them, and paths that only look like a
 * container's. test/bats/containers.bats runs processes in such cgroups.
 *
 *   make -f test/test.mk unit-build && build/test/unit/test_container
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "sinsp.h"

#define ID "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

/* The type found in the len bytes of cgroups (NULL: none), and the id. */
static void expect(const char *cgroups, size_t len, const char *type, const char *id)
{
	char got[13] = "junk";
	const char *t = sinsp_container_from_cgroups(cgroups, len, got);

	print_message("%.*s\n", (int)len, cgroups);
	if (type)
		assert_string_equal(t, type);
	else
		assert_null(t);
	assert_string_equal(got, id);
}

#define EXPECT(s, type, id) expect(s, strlen(s), type, id)

static void test_runtimes(void **state)
{
	(void)state;
	EXPECT("0::/docker/" ID "\n", "docker", "0123456789ab");
	EXPECT("0::/system.slice/docker-" ID ".scope\n", "docker", "0123456789ab");
	EXPECT("0::/machine.slice/libpod-" ID ".scope/container\n", "podman", "0123456789ab");
	EXPECT("0::/libpod_parent/libpod-" ID "\n", "podman", "0123456789ab");
	EXPECT("0::/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod1.slice/"
	       "cri-containerd-" ID ".scope\n", "containerd", "0123456789ab");
	EXPECT("0::/kubepods/besteffort/pod0ab1c2d3/" ID "\n", "containerd", "0123456789ab");
	EXPECT("0::/kubepods.slice/crio-" ID ".scope\n", "cri-o", "0123456789ab");
}

/* cgroup v1 in /proc: one line per hierarchy; the drivers': NUL-separated ctrl=path. */
static void test_forms(void **state)
{
	static const char drivers[] = "cpuset=/\0cpu=/docker/" ID "\0memory=/docker/" ID;

	(void)state;
	EXPECT("12:pids:/\n1:name=systemd:/docker/" ID "\n0::/\n", "docker", "0123456789ab");
	expect(drivers, sizeof(drivers) - 1, "docker", "0123456789ab");
	/* A path that holds '=' or ':' is read from its start all the same. */
	EXPECT("3:cpu:/a=b:c/docker/" ID "\n", "docker", "0123456789ab");
}

static void test_no_container(void **state)
{
	(void)state;
	EXPECT("0::/\n", NULL, "");
	EXPECT("0::/user.slice/user-1000.slice/session-2.scope\n", NULL, "");
	/* 63 digits, capitals, an id under no runtime's directory. */
	EXPECT("0::/docker/" ID "0\n", NULL, "");
	EXPECT("0::/docker/0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef\n",
	       NULL, "");
	EXPECT("0::/some.slice/" ID "\n", NULL, "");
	EXPECT("0::/system.slice/docker-" ID ".service\n", NULL, "");
	expect("", 0, NULL, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_runtimes),
		cmocka_unit_test(test_forms),
		cmocka_unit_test(test_no_container),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
