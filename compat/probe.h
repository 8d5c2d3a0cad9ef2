/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What this kernel offers, probed once at start-up.  Each path bstrace
 * can take is chosen here, and -d says which one is in use.
 */
#ifndef BSTRACE_COMPAT_PROBE_H
#define BSTRACE_COMPAT_PROBE_H

#include <stdbool.h>

struct kernel_features {
	bool raw_tracepoint;	/* BPF_PROG_TYPE_RAW_TRACEPOINT (4.17+) */
	bool ringbuf;		/* BPF_MAP_TYPE_RINGBUF (5.8+) */
	bool bpf_loop;		/* bpf_loop() (5.17+) */
	bool btf;		/* /sys/kernel/btf/vmlinux, for CO-RE */
	bool capable;		/* CAP_BPF and CAP_PERFMON, or CAP_SYS_ADMIN */
};

void probe_kernel(struct kernel_features *f);
/* NULL when the kernel can run bstrace, else what it lacks, in one line. */
const char *probe_missing(const struct kernel_features *f);
/* "confidentiality" or "integrity" when the kernel is locked down, else NULL. */
const char *probe_lockdown(void);
/* One line for -d: the paths in use. */
void probe_describe(const struct kernel_features *f, char *buf, unsigned long size);

#endif
