/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * -c, -C, --histogram and --min-duration: counted in the kernel at sys_exit,
 * before any record is reserved, so a summary costs a map update per call
 * and no ring-buffer traffic, and stays exact when records are lost.
 *
 * Included by bstrace.bpf.c after its settings and the inflight struct.
 */
#ifndef BSTRACE_SUMMARY_BPF_H
#define BSTRACE_SUMMARY_BPF_H

/* Settings, written by the front end between open and load. */
const volatile __u32 summary_mode = SUMMARY_OFF;
const volatile __u32 summary_wall_clock = 0;	/* -w */
const volatile __u32 summary_per_process = 0;	/* --per-process */
const volatile __u32 summary_histogram = 0;	/* --histogram */
const volatile __u64 summary_overhead_ns = 0;	/* -O */
const volatile __u64 min_duration_ns = 0;	/* --min-duration */
/*
 * -c's clock.  Reading it costs about 90 ns on this kind of guest
 * (kvm-clock), twice a call: more than the rest of what -c does.  Unless a
 * column or view needs every call's time (the shortest and longest, the
 * histogram, --min-duration), the front end sets a shift: then the first
 * SUMMARY_EXACT_CALLS calls of each syscall on each CPU are timed, and
 * after them one call in 2^shift, drawn at random (a call taken at a fixed
 * stride could fall on the same step of a loop every time).  The front end
 * scales the time measured by calls / timed; the counts stay exact.
 */
const volatile __u32 summary_sample_shift = 0;
#define SUMMARY_EXACT_CALLS	64

/* Indexed by syscall number: the common case needs no hashing. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, SYSCALL_NR_MAX);
	__type(key, __u32);
	__type(value, struct syscall_stats);
} stats SEC(".maps");

/* --per-process: keyed by (tgid, nr); sized to 1 by the front end when unused. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__uint(max_entries, 16384);
	__type(key, struct stats_key);
	__type(value, struct syscall_stats);
} process_stats SEC(".maps");

/*
 * A thread's next draw, from the state in its slot: xorshift32, seeded by
 * the kernel's generator at the thread's first draw.  No helper call, and
 * no cache line but the slot's, which the call writes anyway.
 */
static __always_inline __u32 task_draw(struct task_state *task)
{
	__u32 x = task->draw;

	if (!x)
		x = bpf_get_prandom_u32() | 1;
	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	task->draw = x;
	return x;
}

/*
 * Whether the call of nr that starts now is to be timed.  The count of
 * timed calls is the per-CPU row the call's exit updates: an entry looking
 * at it brings in the line the exit needs.
 */
static __always_inline bool summary_call_timed(struct task_state *task, __u32 nr)
{
	struct syscall_stats *row;

	if (!summary_sample_shift)
		return true;
	row = bpf_map_lookup_elem(&stats, &nr);
	if (row && row->timed < SUMMARY_EXACT_CALLS)
		return true;
	/* The draw's high bits: xorshift's low bits are its weakest. */
	return !(task_draw(task) >> (32 - summary_sample_shift));
}

/*
 * The CPU time a task has run, to the nanosecond: what the scheduler has
 * accounted (sum_exec_runtime) plus what it has not yet (since exec_start).
 * The two clocks differ by an offset that cancels out in a difference, so
 * the difference at exit and entry is the time the task ran in the call.
 */
static __always_inline __u64 task_cpu_ns(__u64 now)
{
	/* A BTF pointer: plain loads, no probe-read helper calls. */
	struct task_struct *task = bpf_get_current_task_btf();

	return task->se.sum_exec_runtime + now - task->se.exec_start;
}

/* What sys_enter notes for the summary: the CPU clock, unless -w. */
static __always_inline __u64 summary_entry_mark(__u64 now)
{
	if (summary_mode == SUMMARY_OFF || summary_wall_clock)
		return 0;
	return task_cpu_ns(now);
}

/* The slot of a duration: 0 below 1 us, else 1 + floor(log2(us)). */
static __always_inline __u32 hist_slot(__u64 ns)
{
	__u64 us = ns / 1000;
	__u32 slot = 0;

	for (int i = 0; i < SUMMARY_HIST_SLOTS - 1 && us; i++) {
		us >>= 1;
		slot++;
	}
	return slot;
}

static __always_inline struct syscall_stats *stats_slot(__u32 tgid, __u32 nr)
{
	static const struct syscall_stats zero;
	struct stats_key key = { .tgid = tgid, .nr = nr };
	struct syscall_stats *s;

	if (!summary_per_process)
		return bpf_map_lookup_elem(&stats, &nr);
	s = bpf_map_lookup_elem(&process_stats, &key);
	if (s)
		return s;
	bpf_map_update_elem(&process_stats, &key, &zero, BPF_NOEXIST);
	s = bpf_map_lookup_elem(&process_stats, &key);
	if (!s)
		count_lost(LOST_STATS_FULL);
	return s;
}

/* The map is per-CPU, so no atomics are needed. */
static __always_inline void count_outcome(struct syscall_stats *s, __s64 ret)
{
	s->calls++;
	/* strace counts -4095..-1 as errors, as the kernel's IS_ERR_VALUE does. */
	if (ret < 0 && ret >= -4095)
		s->errors++;
}

/* Account one finished call that was not timed. */
static __always_inline void count_untimed_call(__u32 tgid, __u32 nr, __s64 ret)
{
	struct syscall_stats *s = stats_slot(tgid, nr);

	if (s)
		count_outcome(s, ret);
}

/* Account one finished, timed call. */
static __always_inline void count_call(__u32 tgid, __u32 nr, __s64 ret,
				       __u64 wall_ns, __u64 cpu_mark, __u64 now)
{
	struct syscall_stats *s = stats_slot(tgid, nr);
	__u64 t = wall_ns;

	if (!s)
		return;
	if (!summary_wall_clock) {
		t = task_cpu_ns(now) - cpu_mark;
		if ((__s64)t < 0 || t > wall_ns)
			t = t > wall_ns && (__s64)t > 0 ? wall_ns : 0;
	}
	t = t > summary_overhead_ns ? t - summary_overhead_ns : 0;
	/* The global row's count of timed calls is summary_call_timed's. */
	if (summary_per_process && summary_sample_shift) {
		struct syscall_stats *row = bpf_map_lookup_elem(&stats, &nr);

		if (row)
			row->timed++;
	}
	count_outcome(s, ret);
	s->timed++;
	s->time_ns += t;
	if (s->timed == 1 || t < s->min_ns)
		s->min_ns = t;
	if (t > s->max_ns)
		s->max_ns = t;
	if (summary_histogram)
		s->hist[hist_slot(wall_ns) & (SUMMARY_HIST_SLOTS - 1)]++;
}

#endif
