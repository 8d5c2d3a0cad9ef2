// SPDX-License-Identifier: GPL-2.0-or-later
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/capability.h>
#include <bpf/libbpf.h>

#include "probe.h"

#ifndef CAP_PERFMON
#define CAP_PERFMON	38
#define CAP_BPF		39
#endif
#define BTF_MAGIC	0xeB9F

static bool has_cap(const struct __user_cap_data_struct *caps, int cap)
{
	return (caps[cap / 32].effective >> (cap % 32)) & 1;
}

/* CAP_BPF and CAP_PERFMON, or CAP_SYS_ADMIN (which covers both): root alone is not enough. */
static bool probe_capable(void)
{
	struct __user_cap_header_struct head = { .version = _LINUX_CAPABILITY_VERSION_3 };
	struct __user_cap_data_struct caps[_LINUX_CAPABILITY_U32S_3] = { { 0 } };

	if (syscall(SYS_capget, &head, caps))
		return geteuid() == 0;
	return has_cap(caps, CAP_SYS_ADMIN) || (has_cap(caps, CAP_BPF) && has_cap(caps, CAP_PERFMON));
}

/* A readable file is not enough: it must start with BTF's magic. */
static bool probe_btf(void)
{
	uint16_t magic = 0;
	int fd = open("/sys/kernel/btf/vmlinux", O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return false;
	if (read(fd, &magic, sizeof(magic)) != sizeof(magic))
		magic = 0;
	close(fd);
	return magic == BTF_MAGIC;
}

const char *probe_lockdown(void)
{
	char mode[128] = "";
	int fd = open("/sys/kernel/security/lockdown", O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return NULL;
	n = read(fd, mode, sizeof(mode) - 1);
	close(fd);
	if (n <= 0)
		return NULL;
	mode[n] = '\0';
	if (strstr(mode, "[confidentiality]"))
		return "confidentiality";
	if (strstr(mode, "[integrity]"))
		return "integrity";
	return NULL;
}

void probe_kernel(struct kernel_features *f)
{
	f->capable = probe_capable();
	f->raw_tracepoint = libbpf_probe_bpf_prog_type(BPF_PROG_TYPE_RAW_TRACEPOINT, NULL) == 1;
	f->ringbuf = libbpf_probe_bpf_map_type(BPF_MAP_TYPE_RINGBUF, NULL) == 1;
	f->bpf_loop = libbpf_probe_bpf_helper(BPF_PROG_TYPE_RAW_TRACEPOINT, BPF_FUNC_loop, NULL) == 1;
	f->btf = probe_btf();
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
