/* SPDX-License-Identifier: GPL-2.0-or-later */
/* strace's command line, parsed into what the tracer and printers need. */
#ifndef BSTRACE_OPTIONS_H
#define BSTRACE_OPTIONS_H

#include <stdbool.h>
#include <stdint.h>

#include "printers.h"
#include "summary.h"
#include "../bpf/record.h"

struct options {
	char **command;			/* argv of the command to run */
	const char *output_path;	/* -o */
	bool follow_forks;		/* -f */
	bool debug;			/* -d */
	unsigned long buffer_size;	/* --buffer-size, bytes */
	uint64_t selected[SYSCALL_NR_MAX / 64];	/* -e trace= */
	bool stack_traces;		/* -k */
	bool folded;			/* --folded */
	const char *flamegraph_path;	/* --flamegraph=FILE */
	unsigned int stack_size;	/* --stack-size; 0 unless stacks are wanted */
	struct print_opts print;
	struct syscall_sets sets;	/* -e raw= abbrev= verbose= */
	struct summary_opts summary;	/* -c -C -S -U -w -O --min-duration ... */
};

enum parse_result { PARSE_RUN, PARSE_EXIT_OK, PARSE_ERROR };

/*
 * Parse argv.  PARSE_EXIT_OK: --help or --version was printed;
 * PARSE_ERROR: a one-line message is on stderr, exit 1.
 */
enum parse_result options_parse(struct options *opts, int argc, char **argv);

/* -e trace=EXPR into a syscall set; false with a message on a bad name. */
bool options_parse_trace(struct options *opts, const char *expr);

#endif
