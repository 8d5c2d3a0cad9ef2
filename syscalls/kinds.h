/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The words of kinds.def's columns that are not capture ops: shared by the
 * generator, which turns them into the BPF side's captures, and the front
 * end, which reads a blocked call's arguments the same way (src/peek.c).
 */
#ifndef BSTRACE_KINDS_H
#define BSTRACE_KINDS_H

/* when, beside CAP_AT_ENTRY and CAP_ON_SUCCESS. */
#define KIND_BOTH_WAYS_FLAG	0x100	/* read at entry and at exit */
#define KIND_SHOWS_GIVEN_FLAG	0x200	/* the entry's value prints in place */

/* limit: how many bytes a capture takes at most. */
enum limit { LIMIT_NONE, LIMIT_STRLEN, LIMIT_PATH, LIMIT_SOCKADDR, LIMIT_STRUCT,
	     LIMIT_STRUCTS, LIMIT_INT, LIMIT_INT2, LIMIT_SIGSET, LIMIT_BY };

#endif
