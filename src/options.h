/* SPDX-License-Identifier: GPL-2.0-or-later */
/* strace's command line, parsed into what the tracer and printers need. */
#ifndef BSTRACE_OPTIONS_H
#define BSTRACE_OPTIONS_H

#include <stdbool.h>
#include <stdint.h>

#include <sys/types.h>

#include "expr.h"
#include "printers.h"
#include "summary.h"
#include "timestamps.h"
#include "../bpf/record.h"

/* How calls print: strace's lines, perf trace's (--perf), JSON (--json). */
enum output_format { OUTPUT_STRACE, OUTPUT_PERF, OUTPUT_JSON };

/* perf trace's options that strace has no equivalent for (--perf). */
struct perf_opts {
	bool summary;			/* -s, -S: the per-thread summary */
	bool summary_only;		/* -s: and no lines */
	bool errno_summary;		/* --errno-summary */
	bool failure_only;		/* --failure */
	bool full_time;			/* -T */
	bool show_comm;			/* --comm (default), --no-comm */
	uint64_t max_events;		/* --max-events; 0: no limit */
};
#define MAX_ATTACH	256	/* -p PIDs */
#define MAX_ENV_CHANGES	64	/* -E VAR=VAL */
#define MAX_TRACE_PATHS	16	/* -P PATH */

struct options {
	char **command;			/* argv of the command to run; NULL with -p only */
	const char *output_path;	/* -o; "|CMD" pipes to CMD */
	bool follow_forks;		/* -f */
	bool output_separately;		/* -ff, --output-separately: FILE.PID */
	bool append;			/* -A */
	bool debug;			/* -d */
	int quiet_count;		/* -q, -qq, -qqq */
	unsigned long buffer_size;	/* --buffer-size, bytes */
	bool stack_traces;		/* -k */
	bool folded;			/* --folded */
	const char *flamegraph_path;	/* --flamegraph=FILE */
	unsigned int stack_size;	/* --stack-size; 0 unless stacks are wanted */
	struct trace_expr expr;		/* -e trace=, signal=, status=, quiet=; -z, -Z */
	struct time_opts time;		/* -t, -r, -T and their long forms */
	int return_column;		/* -a */
	pid_t attach[MAX_ATTACH];	/* -p */
	int nattach;
	const char *user;		/* -u */
	const char *env_changes[MAX_ENV_CHANGES];	/* -E */
	int nenv_changes;
	const char *trace_paths[MAX_TRACE_PATHS];	/* -P */
	int ntrace_paths;
	const char *cgroup_path;	/* --cgroup */
	uint64_t cgroup_id;		/* its cgroup v2 id, found at start */
	const char *comm;		/* --comm */
	struct print_opts print;
	struct syscall_sets sets;	/* -e raw= abbrev= verbose= */
	struct summary_opts summary;	/* -c -C -S -U -w -O --min-duration ... */
	enum output_format format;	/* --perf, --json */
	struct perf_opts perf;
};

enum parse_result { PARSE_RUN, PARSE_EXIT_OK, PARSE_ERROR };

/*
 * Parse argv.  PARSE_EXIT_OK: --help or --version was printed;
 * PARSE_ERROR: a one-line message is on stderr, exit 1.
 */
enum parse_result options_parse(struct options *opts, int argc, char **argv);

/* -p's list of pids ("1,2 3") into opts->attach; false after a message. */
bool options_parse_attach(struct options *opts, const char *arg);
/* A byte count with an optional K, M or G suffix; false if malformed. */
bool options_parse_size(const char *s, unsigned long *out);
/* What both parsers start from. */
void options_set_defaults(struct options *opts);
/* perf trace's command line, after a first argument --perf (options_perf.c). */
enum parse_result options_parse_perf(struct options *opts, int argc, char **argv);
/* Whether syscall nr is selected by -e trace=. */
static inline bool options_selected(const struct options *opts, int nr)
{
	return expr_bit(opts->expr.syscalls, (unsigned int)nr);
}
/*
 * Whether the output shows a time or a duration (-t, -r, -T, --perf,
 * --json, --folded and --flamegraph's weights), or the kernel times calls
 * (-c, --min-duration): only then is every event stamped with a clock
 * reading; otherwise its stamp only orders it (bpf/stamp.bpf.h).
 */
bool options_time_shown(const struct options *opts);

#endif
