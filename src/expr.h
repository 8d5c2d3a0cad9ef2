/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * strace's -e expressions (trace=, signal=, status=, quiet=), parsed into
 * plain sets.  A pure function of its input: no output, no global state,
 * so it is unit-tested and fuzzed on its own; the caller prints the error.
 */
#ifndef BSTRACE_EXPR_H
#define BSTRACE_EXPR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <linux/types.h>

#include "../bpf/record.h"

/* -e status=: which calls are printed, by how they ended. */
enum status_bit {
	STATUS_SUCCESSFUL = 1u << 0,
	STATUS_FAILED = 1u << 1,
	STATUS_UNFINISHED = 1u << 2,
	STATUS_UNAVAILABLE = 1u << 3,
	STATUS_DETACHED = 1u << 4,
	STATUS_ALL = (1u << 5) - 1,
};

/* -e quiet= and -q: which messages are left out. */
enum quiet_bit {
	QUIET_ATTACH = 1u << 0,
	QUIET_EXIT = 1u << 1,
	QUIET_PATH_RESOLUTION = 1u << 2,
	QUIET_PERSONALITY = 1u << 3,
	QUIET_THREAD_EXECVE = 1u << 4,
	QUIET_ALL = (1u << 5) - 1,
};

#define EXPR_SIGNAL_MAX 256	/* strace takes signal numbers up to 255 */

struct trace_expr {
	uint64_t syscalls[SYSCALL_NR_MAX / 64];	/* trace= */
	uint64_t signals[EXPR_SIGNAL_MAX / 64];	/* signal= */
	unsigned int status;			/* enum status_bit */
	unsigned int quiet;			/* enum quiet_bit */
};

enum expr_result {
	EXPR_OK,
	EXPR_ERROR,		/* err holds strace's message */
	EXPR_OTHER,		/* a qualifier parsed elsewhere: *qualifier, *value */
};

/* strace's defaults: every syscall and signal, every status, nothing quiet. */
void expr_init(struct trace_expr *e);

/*
 * Parse one -e argument into e.  A later trace= replaces an earlier one,
 * as in strace.  On EXPR_ERROR, err gets strace's message ("invalid system
 * call 'foo'"), without the program name.  On EXPR_OTHER (abbrev=,
 * verbose=, raw=, read=, write=, fault=, inject=, kvm=, decode-fds=,
 * decode-pids=), *qualifier is its canonical name and *value what follows
 * the '='.
 */
enum expr_result expr_parse(struct trace_expr *e, const char *arg, char *err, size_t errsize,
			    const char **qualifier, const char **value);

/* trace=SET alone, for --trace=SET. */
enum expr_result expr_parse_trace(struct trace_expr *e, const char *set, char *err,
				  size_t errsize);

static inline bool expr_bit(const uint64_t *set, unsigned int n)
{
	return (set[n / 64] >> (n % 64)) & 1;
}

#endif
