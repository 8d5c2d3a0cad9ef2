/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What bench/floor's programs do, and the record FLOOR_RECORD sends. */
#ifndef BSTRACE_BENCH_FLOOR_H
#define BSTRACE_BENCH_FLOOR_H

enum floor_mode { FLOOR_EMPTY, FLOOR_CLOCK, FLOOR_RECORD, FLOOR_EVENT };

/*
 * A traced thread's call in flight, in FLOOR_RECORD mode, in slot
 * tid % FLOOR_SLOTS of an array, as bstrace keeps its task slots.
 */
#define FLOOR_SLOTS	32768
struct call_state {
	__u32 tid;		/* 0: nobody */
	__u32 pad;
	__u64 enter_ns;
	__s64 nr;
	__u64 args[6];
};

struct floor_record {
	__u32 tid;
	__u32 tgid;
	__s64 nr;
	__u64 enter_ns;
	__u64 exit_ns;
	__s64 ret;
	__u64 args[6];
	__u64 data;
};

#endif
