// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The kernel's floor for a syscall tracer, for make bench: programs on
 * sys_enter and sys_exit that do nothing (mode 0), or that only read the
 * clock a duration needs (mode 1).  Whatever bstrace costs above these is
 * its own.
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

char LICENSE[] SEC("license") = "GPL";

const volatile __u32 read_clock = 0;
__u64 sink;

static __always_inline int on_event(void)
{
	if (read_clock)
		sink += bpf_ktime_get_ns();
	return 0;
}

SEC("raw_tp/sys_enter")
int floor_enter(void *ctx)
{
	return on_event();
}

SEC("raw_tp/sys_exit")
int floor_exit(void *ctx)
{
	return on_event();
}
