// SPDX-License-Identifier: GPL-2.0-or-later
#include <stdio.h>
#include <unistd.h>
#include <bpf/libbpf.h>

#include "probe.h"

void probe_kernel(struct kernel_features *f)
{
	f->raw_tracepoint = libbpf_probe_bpf_prog_type(BPF_PROG_TYPE_RAW_TRACEPOINT, NULL) == 1;
	f->ringbuf = libbpf_probe_bpf_map_type(BPF_MAP_TYPE_RINGBUF, NULL) == 1;
	f->bpf_loop = libbpf_probe_bpf_helper(BPF_PROG_TYPE_RAW_TRACEPOINT, BPF_FUNC_loop, NULL) == 1;
	f->btf = access("/sys/kernel/btf/vmlinux", R_OK) == 0;
}

const char *probe_missing(const struct kernel_features *f)
{
	if (!f->btf)
		return "the kernel has no BTF (/sys/kernel/btf/vmlinux): it needs CONFIG_DEBUG_INFO_BTF=y";
	if (!f->raw_tracepoint)
		return "the kernel cannot run BPF raw tracepoint programs (Linux 4.17 or later needed)";
	if (!f->ringbuf)
		return "the kernel has no BPF ring buffer (Linux 5.8 or later needed)";
	if (!f->bpf_loop)
		return "the kernel has no bpf_loop helper (Linux 5.17 or later needed)";
	return NULL;
}

void probe_describe(const struct kernel_features *f, char *buf, unsigned long size)
{
	snprintf(buf, size, "kernel paths: %s, %s, %s, CO-RE from %s",
		 f->raw_tracepoint ? "raw tracepoints" : "no raw tracepoints",
		 f->ringbuf ? "BPF ring buffer" : "no ring buffer",
		 f->bpf_loop ? "bpf_loop" : "no bpf_loop",
		 f->btf ? "/sys/kernel/btf/vmlinux" : "no BTF");
}
