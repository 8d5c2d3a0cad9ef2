/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unwinding a user stack snapshot (struct rec_stack) into frames, with
 * libunwind's remote API: its accessors read the captured registers, the
 * copied stack, and the ELF files' .eh_frame through the process's maps,
 * as perf's libunwind unwinder does.  Then the frames in strace -k's
 * format, or as one folded-stack key.
 */
#ifndef BSTRACE_STACK_H
#define BSTRACE_STACK_H

#include <stddef.h>
#include <stdint.h>
#include <linux/types.h>

#include "outbuf.h"
#include "symbols.h"
#include "../bpf/record.h"

/* strace 6.1 stops there and says so. */
#define STACK_FRAMES_MAX	256

struct stack_frame {
	uint64_t ip;
	const struct map_entry *map;	/* NULL: in no executable mapping */
	const char *symbol;		/* NULL: none found */
	uint64_t symbol_offset;
	uint64_t file_offset;		/* strace's bracket: ip - start + pgoff */
};

struct stack_trace {
	struct stack_frame frames[STACK_FRAMES_MAX];
	int count;
	bool too_deep;			/* stopped at STACK_FRAMES_MAX */
};

/* Once, before any unwinding; false (with a message) if libunwind fails. */
bool stack_init(void);
void stack_fini(void);

/*
 * Unwind snap (len bytes of record, bounds-checked here) of a process
 * whose maps are given.  maps may be NULL: frames then print as strace's
 * unexpected_backtracing_error.
 */
void stack_unwind(const struct rec_stack *snap, size_t len, const struct proc_maps *maps,
		  struct stack_trace *trace);

/* " > /usr/lib/x86_64-linux-gnu/libc.so.6(read+0xd) [0xf82ad]\n" per frame. */
void stack_print_strace(struct linebuf *lb, const struct stack_trace *trace);

/*
 * One frame's name for folded stacks and flame graphs: "read", or
 * "[libc.so.6]" when no symbol is known, "[unknown]" outside any file.
 */
void stack_frame_name(struct linebuf *lb, const struct stack_frame *frame);

#endif
