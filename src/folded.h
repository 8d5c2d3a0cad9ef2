/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Syscall time aggregated per stack: keys are folded stacks
 * ("comm;outermost;...;innermost;syscall"), values nanoseconds spent in
 * the calls.  Written one "key value" per line, the format flamegraph.pl
 * and speedscope read, and drawn by flamegraph.c.
 */
#ifndef BSTRACE_FOLDED_H
#define BSTRACE_FOLDED_H

#include <stddef.h>
#include <stdint.h>

#include "outbuf.h"

struct folded_entry {
	char *key;
	uint64_t ns;
	uint64_t calls;
};

struct folded {
	struct folded_entry *slots;	/* open addressing; key NULL: free */
	size_t capacity;		/* a power of two */
	size_t used;
};

void folded_init(struct folded *f);
void folded_free(struct folded *f);
/* Add one call of ns nanoseconds to key (len bytes, no NUL needed). */
void folded_add(struct folded *f, const char *key, size_t len, uint64_t ns);
/* The entries sorted by key, in a fresh array of f->used (free() it). */
struct folded_entry *folded_sorted(const struct folded *f);
/* "key ns\n" per stack, sorted by key. */
void folded_write(const struct folded *f, struct outbuf *out);

#endif
