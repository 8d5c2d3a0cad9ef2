/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * One printer per argument kind, in strace's notation.  Every printer
 * composes the same small pieces (quoted strings, flags, enums, struct
 * fields), so a syscall is printed by its table entry, not by code of its
 * own.
 */
#ifndef BSTRACE_PRINTERS_H
#define BSTRACE_PRINTERS_H

#include <stdbool.h>

#include "decode.h"
#include "outbuf.h"

struct print_opts {
	unsigned int max_strlen;	/* -s */
	int hex_strings;		/* -x: 1 non-printables, 2 all, in hex */
	bool verbose;			/* -v: structs in full */
};

/* Print argument i of call; false when strace leaves it out entirely. */
bool print_arg(struct linebuf *lb, const struct decoded_call *call, int i,
	       const struct print_opts *opts);

/* A syscall's return value, from " = " on, as strace prints it. */
void print_return(struct linebuf *lb, const struct decoded_call *call);

/* Pieces shared by the printers (and tested on their own). */
void print_quoted(struct linebuf *lb, const uint8_t *s, size_t n, bool truncated,
		  const struct print_opts *opts);
void print_flags(struct linebuf *lb, const struct xlat *table, uint64_t value);
void print_enum(struct linebuf *lb, const struct xlat *table, uint64_t value);
void print_signal(struct linebuf *lb, int sig);
void print_pointer(struct linebuf *lb, uint64_t addr);
void print_sigset(struct linebuf *lb, const uint8_t *bytes, size_t n);

#endif
