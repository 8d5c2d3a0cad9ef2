/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Output formats: each prints decoded calls and process events as lines. */
#ifndef BSTRACE_FORMAT_H
#define BSTRACE_FORMAT_H

#include "decode.h"
#include "outbuf.h"
#include "printers.h"

/* strace 6.1 lines: "name(args) = ret", the " = " at column 40. */
void format_strace_call(struct linebuf *lb, const struct decoded_call *call,
			const struct print_opts *opts);
/*
 * A call in two halves, as strace prints one that another thread's line
 * interrupts: the head is the name and the arguments known at entry (up
 * to split, from format_strace_split; true if it printed any, with no
 * separator after them), the tail the rest (after_args: a ", " goes before
 * its first), the return value at column (lb holds the end of a line of
 * which written characters were already output), without the newline.  A
 * resumed tail starts "<... name resumed>".
 */
int format_strace_split(const struct decoded_call *call);
bool format_strace_head(struct linebuf *lb, const struct decoded_call *call, int split,
			const struct print_opts *opts);
void format_strace_tail(struct linebuf *lb, const struct decoded_call *call, int split,
			bool resumed, bool after_args, size_t written, int column,
			const struct print_opts *opts);
/*
 * Whether an argument from first on may still print, so that a head printed
 * alone ends with ", ": not when all are left out (skip, hidden, or left
 * out by their selector's variant).
 */
bool format_strace_args_follow(const struct decoded_call *call, int first,
			       const struct print_opts *opts);
/* "+++ exited with N +++" or "+++ killed by SIGX (core dumped) +++". */
void format_strace_exit(struct linebuf *lb, unsigned int wait_status);

/*
 * perf trace 6.1 lines: "     0.351 ( 0.011 ms): true/2636 brk() = 0x...",
 * the " = " at column 70 of the call's text.
 */
#define PERF_COMM_SLOTS	4096
struct perf_format {
	bool show_comm;		/* --comm (the default), --no-comm */
	bool full_time;		/* -T: the clock itself, not since the first event */
	uint64_t base_ns;	/* the first event's time; 0 until it comes */
	/* Recent command names by thread, for "= 4507 (true)" after clone. */
	struct {
		uint32_t tid;
		char comm[REC_COMM_LEN];
	} comms[PERF_COMM_SLOTS];
};

void format_perf_init(struct perf_format *pf, bool show_comm, bool full_time);
void format_perf_call(struct linebuf *lb, const struct decoded_call *call,
		      struct perf_format *pf, const struct print_opts *opts);
/* A child inherits its parent's name: remember it for the parent's return. */
void format_perf_fork(struct perf_format *pf, const struct rec_proc_fork *rec);

/*
 * --json: one object per line (call, exit, fork, lost); the schema is in
 * man/bstrace.1 and versioned by JSON_SCHEMA_VERSION.
 */
#define JSON_SCHEMA_VERSION 1
void format_json_call(struct linebuf *lb, const struct decoded_call *call,
		      const struct print_opts *opts);
void format_json_exit(struct linebuf *lb, const struct rec_proc_exit *rec);
void format_json_fork(struct linebuf *lb, const struct rec_proc_fork *rec);
void format_json_lost(struct linebuf *lb, uint64_t count);

#endif
