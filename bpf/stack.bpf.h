/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * User stack snapshots for -k, --folded and --flamegraph: the user
 * registers and a bounded copy of the stack, appended to a call record
 * the moment it is sent, so only calls that pass every filter pay for it.
 * The front end unwinds the copy with the ELF files' DWARF CFI (most of
 * Debian is built without frame pointers, so bpf_get_stack would stop
 * after one frame).
 *
 * Included by bstrace.bpf.c after its buffer helpers.
 */
#ifndef BSTRACE_STACK_BPF_H
#define BSTRACE_STACK_BPF_H

/* Bytes of user stack copied per call; 0 turns snapshots off. */
const volatile __u32 stack_size = 0;

/* Whole pages, plus the partial first one. */
#define STACK_COPY_PAGES	(REC_STACK_DATA_MAX / PAGE_SIZE + 2)

/* The registers, in libunwind's numbering (see record.h). */
static __always_inline void stack_regs(struct rec_stack *snap, struct pt_regs *regs)
{
#if defined(__TARGET_ARCH_x86)
	snap->regs[0] = BPF_CORE_READ(regs, ax);
	snap->regs[1] = BPF_CORE_READ(regs, dx);
	snap->regs[2] = BPF_CORE_READ(regs, cx);
	snap->regs[3] = BPF_CORE_READ(regs, bx);
	snap->regs[4] = BPF_CORE_READ(regs, si);
	snap->regs[5] = BPF_CORE_READ(regs, di);
	snap->regs[6] = BPF_CORE_READ(regs, bp);
	snap->regs[7] = BPF_CORE_READ(regs, sp);
	snap->regs[8] = BPF_CORE_READ(regs, r8);
	snap->regs[9] = BPF_CORE_READ(regs, r9);
	snap->regs[10] = BPF_CORE_READ(regs, r10);
	snap->regs[11] = BPF_CORE_READ(regs, r11);
	snap->regs[12] = BPF_CORE_READ(regs, r12);
	snap->regs[13] = BPF_CORE_READ(regs, r13);
	snap->regs[14] = BPF_CORE_READ(regs, r14);
	snap->regs[15] = BPF_CORE_READ(regs, r15);
	snap->regs[16] = BPF_CORE_READ(regs, ip);
	snap->sp = snap->regs[7];
#elif defined(__TARGET_ARCH_arm64)
	struct user_pt_regs *user = (struct user_pt_regs *)regs;

	bpf_probe_read_kernel(snap->regs, 31 * sizeof(__u64), user->regs);
	snap->regs[31] = BPF_CORE_READ(user, sp);
	snap->regs[32] = BPF_CORE_READ(user, pc);
	snap->sp = snap->regs[31];
#endif
}

/*
 * Copy up to want bytes of user stack from sp into data, page by page:
 * bpf_probe_read_user fails as a whole when one page of the range is not
 * resident, and the top of a stack often is not.
 */
static __always_inline __u32 stack_copy(__u8 *data, __u64 sp, __u32 want, __u32 *flags)
{
	__u32 pos = 0;

	for (int i = 0; i < STACK_COPY_PAGES; i++) {
		__u64 addr = sp + pos;
		__u32 chunk = PAGE_SIZE - (addr & (PAGE_SIZE - 1));

		/*
		 * The verifier cannot relate pos and chunk: a chunk starts
		 * only where a whole page would still fit.
		 */
		if (pos >= want || pos > REC_STACK_DATA_MAX - PAGE_SIZE)
			break;
		if (chunk > want - pos)
			chunk = want - pos;
		barrier_var(chunk);
		if (chunk > PAGE_SIZE)
			chunk = PAGE_SIZE;
		if (bpf_probe_read_user(data + pos, chunk, (const void *)addr)) {
			*flags |= REC_STACK_FAULTED;
			break;
		}
		pos += chunk;
	}
	return pos;
}

/*
 * After these the front end reads /proc/PID/maps again, which it can only
 * do while the process lives: they wake it up.
 */
static __always_inline bool stack_maps_changed(const struct rec_call *rec)
{
	if (rec->ret < 0 && rec->ret > -4096)
		return false;
	return rec->nr == SYS_execve || rec->nr == SYS_execveat || rec->nr == SYS_mmap ||
	       rec->nr == SYS_munmap || rec->nr == SYS_mprotect || rec->nr == SYS_mremap;
}

/* Append the snapshot after everything else in the record's payload. */
static __always_inline void stack_append(struct capture_buf *buf)
{
	struct pt_regs *regs = current_user_regs();
	struct rec_call *rec = buf_rec(buf);
	struct rec_stack *snap;
	__u32 off = (buf->used + 7) & ~7U;
	__u32 want = stack_size;

	if (!regs || off > REC_PAYLOAD_MAX)
		return;
	if (want > REC_STACK_DATA_MAX)
		want = REC_STACK_DATA_MAX;
	snap = (struct rec_stack *)(buf_payload(buf) + off);
	stack_regs(snap, regs);
	snap->flags = 0;
	bpf_get_current_comm(snap->comm, sizeof(snap->comm));
	snap->len = stack_copy(snap->data, snap->sp, want, &snap->flags);
	rec->stack.off = off;
	rec->stack.flags = 0;
	rec->stack.len = sizeof(*snap) + snap->len;
	rec->flags |= CALL_STACK;
	buf->used = off + sizeof(*snap) + snap->len;
}

#endif /* BSTRACE_STACK_BPF_H */
