/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The stamps on records: CLOCK_MONOTONIC nanoseconds, or, when no time is
 * printed and nothing is timed, an ordering stamp that costs no clock read.
 *
 * Reading the clock (bpf_ktime_get_ns) is what a full trace pays most for
 * after the ring buffer: on a kvm-clock guest about 90 ns a read, two a
 * call.  A trace without -t, -r, -T, -c or --min-duration needs its stamps
 * only to put calls, signals and process events in order and to tell the
 * reader how old a record is.  An ordering stamp does that: a counter that
 * every event on every CPU increments, raised to a precise clock reading
 * taken once per jiffy (the first event after the tick), so it trails the
 * clock by at most a tick and never goes backwards.  The front end allows
 * for that tick when it decides which records are old enough to print.
 *
 * Included by bstrace.bpf.c; bench/floor shares it.
 */
#ifndef BSTRACE_STAMP_BPF_H
#define BSTRACE_STAMP_BPF_H

/* Written by the front end between open and load: 0 for ordering stamps. */
const volatile __u32 stamp_precise = 1;

/* The last stamp handed out on any CPU, and the clock at the last tick seen. */
__u64 stamp_last;
__u64 stamp_anchor_jiffies;
__u64 stamp_anchor_ns;

static __always_inline __u64 event_stamp(void)
{
	__u64 jiffies, anchor, next;

	if (stamp_precise)
		return bpf_ktime_get_ns();
	/* Inlined by the verifier into one load. */
	jiffies = bpf_jiffies64();
	if (jiffies != stamp_anchor_jiffies) {
		/* Two CPUs may race here; either reading is a valid anchor. */
		stamp_anchor_ns = bpf_ktime_get_ns();
		stamp_anchor_jiffies = jiffies;
	}
	anchor = stamp_anchor_ns;
	next = __sync_fetch_and_add(&stamp_last, 1) + 1;
	if (anchor <= next)
		return next;
	/* A new tick: jump to its clock, unless another CPU has moved on. */
	if (__sync_val_compare_and_swap(&stamp_last, next, anchor) == next)
		return anchor;
	return __sync_fetch_and_add(&stamp_last, 1) + 1;
}

#endif
