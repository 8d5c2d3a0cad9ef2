/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A syscall's six arguments, from its pt_regs. */
#ifndef BSTRACE_SYSCALL_ARGS_BPF_H
#define BSTRACE_SYSCALL_ARGS_BPF_H

#include <bpf/bpf_core_read.h>

#define SYSCALL_ARGS	6

#if defined(__TARGET_ARCH_x86)
/*
 * pt_regs from r10 to di, in the order of the kernel's (and ptrace's ABI)
 * layout.  The six argument registers lie in it, so one read of 64 bytes
 * replaces six helper calls of 8.
 */
struct syscall_regs {
	__u64 r10, r9, r8, ax, cx, dx, si, di;
};

static __always_inline void fill_args(__u64 *args, struct pt_regs *regs)
{
	struct syscall_regs r;

	if (bpf_probe_read_kernel(&r, sizeof(r), &regs->r10)) {
		__builtin_memset(args, 0, SYSCALL_ARGS * sizeof(args[0]));
		return;
	}
	args[0] = r.di;
	args[1] = r.si;
	args[2] = r.dx;
	args[3] = r.r10;
	args[4] = r.r8;
	args[5] = r.r9;
}
#elif defined(__TARGET_ARCH_arm64)
/* x0-x5, together at the start of user_pt_regs: one read. */
static __always_inline void fill_args(__u64 *args, struct pt_regs *regs)
{
	if (bpf_probe_read_kernel(args, SYSCALL_ARGS * sizeof(args[0]),
				  &((struct user_pt_regs *)regs)->regs[0]))
		__builtin_memset(args, 0, SYSCALL_ARGS * sizeof(args[0]));
}
#endif

/* The number of the syscall regs are a thread's registers in. */
static __always_inline long syscall_nr_of(struct pt_regs *regs)
{
#if defined(__TARGET_ARCH_x86)
	return (long)BPF_CORE_READ(regs, orig_ax);
#elif defined(__TARGET_ARCH_arm64)
	return BPF_CORE_READ(regs, syscallno);
#endif
}

/*
 * The current task's user registers: on a syscall's tracepoints, the
 * syscall's own (the raw tracepoints pass the same pointer).
 */
static __always_inline struct pt_regs *current_user_regs(void)
{
	return (struct pt_regs *)bpf_task_pt_regs(bpf_get_current_task_btf());
}

#endif
