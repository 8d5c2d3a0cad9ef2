// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * strace 6.1's options, with its messages: a bad option is one line on
 * stderr and exit 1, as strace does it, so scripts see the same thing.
 */
#include <errno.h>
#include <stddef.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"
#include "syscall_table.h"
#include "timeparse.h"

#define DEFAULT_BUFFER_SIZE	(8UL << 20)	/* mapped once: 8 MiB of RSS */
/* Enough for the frames of most programs from the syscall up to _start. */
#define DEFAULT_STACK_SIZE	8192

static void usage_hint(void)
{
	fprintf(stderr, "Try 'bstrace -h' for more information.\n");
}

static bool error(const char *fmt, const char *arg)
{
	fprintf(stderr, "bstrace: ");
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	return false;
}

static void print_help(void)
{
	fputs(
"Usage: bstrace [-ACdfhknqrtTvVxyzZ] [-a COLUMN] [-X FORMAT] [-e EXPR]...\n"
"               [-E VAR=VAL]... [-o FILE] [-p PID]... [-P PATH]... [-s STRSIZE]\n"
"               [-u USER]\n"
"               { -p PID | --comm NAME | --cgroup PATH | PROG [ARGS] }\n"
"   or: bstrace -c[dfw] [-e EXPR] [-O OVERHEAD] [-S SORTBY] [-U COLUMNS] PROG [ARGS]\n"
"\n"
"Trace the system calls of PROG as strace does, with eBPF instead of ptrace.\n"
"\n"
"Output format:\n"
"  -a COLUMN, --columns=COLUMN\n"
"                 alignment COLUMN for printing syscall results (default 40)\n"
"  -A, --output-append-mode\n"
"                 open the file provided in the -o option in append mode\n"
"  -o FILE, --output=FILE\n"
"                 send trace output to FILE instead of stderr\n"
"  -o |CMD        pipe the trace output to the shell command CMD\n"
"  -ff, --output-separately\n"
"                 with -o FILE, write each process's trace to FILE.PID\n"
"  -q, --quiet=attach,personality\n"
"                 suppress messages about attaching and detaching\n"
"  -qq, --quiet=attach,personality,exit\n"
"                 suppress messages about process exit status as well\n"
"  -qqq           suppress all suppressible messages\n"
"  -r, --relative-timestamps[=PRECISION]\n"
"                 print relative timestamp (s, ms, us, ns; default us)\n"
"  -s STRSIZE, --string-limit=STRSIZE\n"
"                 limit length of print strings to STRSIZE chars (default 32)\n"
"  -t, --absolute-timestamps\n"
"                 print absolute timestamp\n"
"  -tt, --absolute-timestamps=precision:us\n"
"                 print absolute timestamp with usecs\n"
"  -ttt, --absolute-timestamps=format:unix,precision:us\n"
"                 print absolute UNIX time with usecs\n"
"  --absolute-timestamps=[[format:]FORMAT][,[precision:]PRECISION]\n"
"                 FORMAT: none, time, unix; PRECISION: s, ms, us, ns\n"
"  -T, --syscall-times[=PRECISION]\n"
"                 print time spent in each syscall (s, ms, us, ns; default us)\n"
"  -v, --no-abbrev\n"
"                 print unabbreviated argv, stat, environment\n"
"  -x             print non-ascii strings in hex\n"
"  -xx            print all strings in hex\n"
"  -X FORMAT, --const-print-style=FORMAT\n"
"                 set the FORMAT for printing of named constants and flags:\n"
"                 raw (numbers), abbrev (names, the default), verbose (both)\n"
"  -y, --decode-fds\n"
"                 print paths associated with file descriptor arguments\n"
"                 (kept from the traced calls; one look at /proc at start)\n"
"  -yy            the same, with device numbers (no socket details yet)\n"
"  -n, --syscall-number\n"
"                 print syscall number\n"
"  -e raw=SET     print the arguments of the syscalls in SET raw, in hex\n"
"  -e abbrev=SET  abbreviate the structs of the syscalls in SET (default all)\n"
"  -e verbose=SET decode the structs of the syscalls in SET (default all)\n"
"  -k, --stack-traces\n"
"                 print the user stack of each call (unwound from a copy)\n"
"  --folded       instead of the trace, print syscall time per (command,\n"
"                 stack, syscall) as folded stacks (flamegraph.pl, speedscope)\n"
"  --flamegraph=FILE\n"
"                 also write a flame graph of syscall time to FILE (SVG)\n"
"  --stack-size=BYTES\n"
"                 user stack copied per call for the above (default 8K, max\n"
"                 16088; K suffix)\n"
"\n"
"Filtering (done in the kernel: what is left out is never copied):\n"
"  -e trace=[!][?]{{SYSCALL|/REGEX|%CLASS}[,...]|all|none}, --trace=SET\n"
"                 trace only the specified set of system calls; classes:\n"
"                 %file %desc %process %network %net %signal %ipc %memory\n"
"                 %creds %clock %pure %stat %lstat %fstat %%stat %statfs\n"
"                 %fstatfs %%statfs\n"
"  -e signal=SET, --signal=SET\n"
"                 trace only the specified set of signals (default all)\n"
"  -e status=SET, --status=SET\n"
"                 print only system calls with the return statuses in SET:\n"
"                 successful, failed, unfinished, unavailable, detached\n"
"  -e quiet=SET, --quiet=SET\n"
"                 suppress messages: attach, exit, path-resolution,\n"
"                 personality, thread-execve\n"
"  -P PATH, --trace-path=PATH\n"
"                 trace accesses to PATH (its name, or an fd open on it)\n"
"  -z, --successful-only\n"
"                 print only syscalls that returned without an error code\n"
"  -Z, --failed-only\n"
"                 print only syscalls that returned with an error code\n"
"\n"
"Statistics (counted in the kernel):\n"
"  -c, --summary-only\n"
"                 count time, calls, and errors for each syscall and report\n"
"                 summary (calls and errors exact; past a syscall's first 64\n"
"                 calls on a CPU, 1 in 16 timed unless min-time, max-time,\n"
"                 --histogram or --min-duration need them all)\n"
"  -C, --summary  like -c, but also print the regular output\n"
"  -O OVERHEAD[UNIT], --summary-syscall-overhead=OVERHEAD[UNIT]\n"
"                 set overhead for tracing syscalls to OVERHEAD UNITs\n"
"     units:      one of s, ms, us, ns; default is microseconds\n"
"  -S SORTBY, --summary-sort-by=SORTBY\n"
"                 sort syscall counts by: time, min-time, max-time, avg-time,\n"
"                 calls, errors, name, nothing (default time)\n"
"  -U COLUMNS, --summary-columns=COLUMNS\n"
"                 show specific columns in the summary report: comma-separated\n"
"                 list of time-percent, total-time, min-time, max-time,\n"
"                 avg-time, calls, errors, name\n"
"                 (default time-percent,total-time,avg-time,calls,errors,name)\n"
"  -w, --summary-wall-clock\n"
"                 summarise syscall latency (default is system time)\n"
"  --min-duration=TIME\n"
"                 show (and count) only calls that last at least TIME\n"
"                 (units s, ms, us, ns; default ms), dropped in the kernel\n"
"  --histogram    with the summary, a log2 histogram of each syscall's latency\n"
"  --per-process  one summary per process (with -f)\n"
"  --interval=SECONDS\n"
"                 print the summary of the last SECONDS every SECONDS\n"
"  (--histogram, --per-process and --interval imply -c unless -C is given)\n"
"\n"
"Tracing:\n"
"  -f, --follow-forks\n"
"                 follow forks, vforks, clones and threads\n"
"  -p PID, --attach=PID\n"
"                 trace process PID (a list is comma or space separated);\n"
"                 may be repeated, and combined with PROG\n"
"  --cgroup=PATH  trace every process of the cgroup v2 directory PATH\n"
"  --comm=NAME    trace every process whose command name is NAME\n"
"  --buffer-size=BYTES\n"
"                 BPF ring buffer size (default 8M; K, M, G suffixes)\n"
"\n"
"  --json         one JSON object per call and process event (schema: man bstrace)\n"
"  --perf ...     (first) perf trace's options and output: bstrace --perf -h\n"
"Startup:\n"
"  -E VAR=VAL, --env=VAR=VAL\n"
"                 put VAR=VAL in the environment for command\n"
"  -E VAR, --env=VAR\n"
"                 remove VAR from the environment for command\n"
"  -u USER, --user=USER\n"
"                 run command as USER (name or UID:GID)\n"
"\n"
"Miscellaneous:\n"
"  -d, --debug    say which kernel features are in use, show libbpf's messages\n"
"  -h, --help     print this help and exit\n"
"  -V, --version  print version and exit\n", stdout);
}

static bool parse_uint(const char *s, unsigned long max, unsigned long *out)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || end == s || *end || s[0] == '-' || v > max)
		return false;
	*out = v;
	return true;
}

bool options_parse_size(const char *s, unsigned long *out)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || end == s || s[0] == '-')
		return false;
	switch (*end) {
	case 'k': case 'K': v <<= 10; end++; break;
	case 'm': case 'M': v <<= 20; end++; break;
	case 'g': case 'G': v <<= 30; end++; break;
	}
	if (*end)
		return false;
	*out = v;
	return true;
}

static bool set_summary_mode(struct summary_opts *s, enum summary_mode mode)
{
	if (s->mode != SUMMARY_OFF && s->mode != mode) {
		fprintf(stderr, "bstrace: -c/--summary-only and -C/--summary are mutually exclusive\n");
		usage_hint();
		return false;
	}
	s->mode = mode;
	return true;
}

/*
 * -e raw=, abbrev=, verbose=: syscall sets in trace='s grammar, for the
 * printers; the other qualifiers are refused for now.
 */
static bool parse_syscall_set(struct options *opts, const char *qualifier, const char *value)
{
	static const struct {
		const char *name;
		size_t offset;
	} sets[] = {
		{ "raw", offsetof(struct syscall_sets, raw) },
		{ "abbrev", offsetof(struct syscall_sets, abbrev) },
		{ "verbose", offsetof(struct syscall_sets, verbose) },
	};
	struct trace_expr parsed;
	char err[256];

	for (size_t i = 0; i < sizeof(sets) / sizeof(sets[0]); i++) {
		if (strcmp(qualifier, sets[i].name))
			continue;
		if (expr_parse_trace(&parsed, value, err, sizeof(err)) != EXPR_OK)
			return error("%s", err);
		memcpy((char *)&opts->sets + sets[i].offset, parsed.syscalls, sizeof(parsed.syscalls));
		opts->print.sets = &opts->sets;
		return true;
	}
	fprintf(stderr, "bstrace: -e %s= is not supported yet\n", qualifier);
	return false;
}

/* One -e argument. */
static bool parse_expr(struct options *opts, const char *arg)
{
	const char *qualifier = NULL, *value = NULL;
	char err[256];

	switch (expr_parse(&opts->expr, arg, err, sizeof(err), &qualifier, &value)) {
	case EXPR_OK:
		return true;
	case EXPR_ERROR:
		return error("%s", err);
	case EXPR_OTHER:
		break;
	}
	return parse_syscall_set(opts, qualifier, value);
}

static bool parse_trace_long(struct options *opts, const char *set)
{
	char err[256];

	if (expr_parse_trace(&opts->expr, set, err, sizeof(err)) != EXPR_OK)
		return error("%s", err);
	return true;
}

/* -p: one pid, or strace's comma or space separated list. */
bool options_parse_attach(struct options *opts, const char *arg)
{
	char copy[4096];
	char *item, *save = NULL;

	snprintf(copy, sizeof(copy), "%s", arg);
	for (item = strtok_r(copy, ", \t", &save); item; item = strtok_r(NULL, ", \t", &save)) {
		unsigned long pid;

		if (!parse_uint(item, 0x7fffffff, &pid) || pid == 0)
			return error("Invalid process id: '%s'", item);
		if (opts->nattach == MAX_ATTACH)
			return error("too many -p processes (at most %s)", "256");
		opts->attach[opts->nattach++] = (pid_t)pid;
	}
	return true;
}

static bool add_string(const char **list, int *count, int max, const char *value,
		       const char *what)
{
	if (*count == max)
		return error("too many %s options", what);
	list[(*count)++] = value;
	return true;
}

/* -z and -Z are status=successful and status=failed; strace warns when both. */
static void set_status_only(struct options *opts, unsigned int status, int *given)
{
	if ((*given)++ == 1)
		fprintf(stderr, "bstrace: Only the last of -z/--successful-only/-Z/--failed-only "
			"options will take effect. See status qualifier for more complex filters.\n");
	opts->expr.status = status;
}

static bool bad_argument(const char *option, const char *arg)
{
	fprintf(stderr, "bstrace: invalid %s argument: '%s'\n", option, arg);
	usage_hint();
	return false;
}

/* What strace checks once every option is read. */
static bool check_combinations(struct options *opts, int argc, int optind_now)
{
	if (optind_now >= argc && !opts->nattach && !opts->comm && !opts->cgroup_path) {
		fprintf(stderr, "bstrace: must have PROG [ARGS] or -p PID\n");
		usage_hint();
		return false;
	}
	if (!time_opts_finish(&opts->time))
		return false;
	if (opts->append && !opts->output_path)
		fprintf(stderr, "bstrace: -A/--output-append-mode has no effect without -o/--output\n");
	if (opts->output_separately && !opts->output_path)
		opts->output_separately = false;
	if (opts->output_path && opts->output_path[0] == '|' && opts->output_separately) {
		fprintf(stderr, "bstrace: piping the output and -ff/--output-separately are mutually exclusive\n");
		return false;
	}
	/* -q: attach messages; -qq: exit lines too; -qqq: everything. */
	if (opts->quiet_count >= 1)
		opts->expr.quiet |= QUIET_ATTACH | QUIET_PERSONALITY;
	if (opts->quiet_count >= 2)
		opts->expr.quiet |= QUIET_EXIT;
	if (opts->quiet_count >= 3)
		opts->expr.quiet = QUIET_ALL;
	return true;
}

/* Options with no short form. */
enum {
	OPT_BUFFER_SIZE = 256,
	OPT_OUTPUT_SEPARATELY,
	OPT_ABSOLUTE_TIMESTAMPS,
	OPT_RELATIVE_TIMESTAMPS,
	OPT_SYSCALL_TIMES,
	OPT_SUCCESSFUL_ONLY,
	OPT_FAILED_ONLY,
	OPT_SIGNAL,
	OPT_STATUS,
	OPT_QUIET,
	OPT_CGROUP,
	OPT_COMM,
	OPT_TRACE,
	OPT_MIN_DURATION,
	OPT_HISTOGRAM,
	OPT_PER_PROCESS,
	OPT_INTERVAL,
	OPT_FOLDED,
	OPT_FLAMEGRAPH,
	OPT_STACK_SIZE,
	OPT_JSON,
	OPT_PERF,
};

static const struct option long_options[] = {
	{ "output", required_argument, NULL, 'o' },
	{ "output-separately", no_argument, NULL, OPT_OUTPUT_SEPARATELY },
	{ "output-append-mode", no_argument, NULL, 'A' },
	{ "string-limit", required_argument, NULL, 's' },
	{ "no-abbrev", no_argument, NULL, 'v' },
	{ "follow-forks", no_argument, NULL, 'f' },
	{ "attach", required_argument, NULL, 'p' },
	{ "trace", required_argument, NULL, OPT_TRACE },
	{ "trace-path", required_argument, NULL, 'P' },
	{ "signal", required_argument, NULL, OPT_SIGNAL },
	{ "status", required_argument, NULL, OPT_STATUS },
	{ "quiet", required_argument, NULL, OPT_QUIET },
	{ "successful-only", no_argument, NULL, 'z' },
	{ "failed-only", no_argument, NULL, 'Z' },
	{ "absolute-timestamps", optional_argument, NULL, OPT_ABSOLUTE_TIMESTAMPS },
	{ "timestamps", optional_argument, NULL, OPT_ABSOLUTE_TIMESTAMPS },
	{ "relative-timestamps", optional_argument, NULL, OPT_RELATIVE_TIMESTAMPS },
	{ "syscall-times", optional_argument, NULL, OPT_SYSCALL_TIMES },
	{ "columns", required_argument, NULL, 'a' },
	{ "env", required_argument, NULL, 'E' },
	{ "user", required_argument, NULL, 'u' },
	{ "cgroup", required_argument, NULL, OPT_CGROUP },
	{ "comm", required_argument, NULL, OPT_COMM },
	{ "debug", no_argument, NULL, 'd' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ "buffer-size", required_argument, NULL, OPT_BUFFER_SIZE },
	{ "summary-only", no_argument, NULL, 'c' },
	{ "summary", no_argument, NULL, 'C' },
	{ "summary-sort-by", required_argument, NULL, 'S' },
	{ "summary-columns", required_argument, NULL, 'U' },
	{ "summary-wall-clock", no_argument, NULL, 'w' },
	{ "summary-syscall-overhead", required_argument, NULL, 'O' },
	{ "min-duration", required_argument, NULL, OPT_MIN_DURATION },
	{ "histogram", no_argument, NULL, OPT_HISTOGRAM },
	{ "per-process", no_argument, NULL, OPT_PER_PROCESS },
	{ "interval", required_argument, NULL, OPT_INTERVAL },
	{ "const-print-style", required_argument, NULL, 'X' },
	{ "decode-fds", no_argument, NULL, 'y' },
	{ "syscall-number", no_argument, NULL, 'n' },
	{ "stack-traces", no_argument, NULL, 'k' },
	{ "folded", no_argument, NULL, OPT_FOLDED },
	{ "flamegraph", required_argument, NULL, OPT_FLAMEGRAPH },
	{ "stack-size", required_argument, NULL, OPT_STACK_SIZE },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "perf", no_argument, NULL, OPT_PERF },
	{ NULL, 0, NULL, 0 },
};

void options_set_defaults(struct options *opts)
{
	memset(opts, 0, sizeof(*opts));
	opts->print.max_strlen = 32;
	opts->buffer_size = DEFAULT_BUFFER_SIZE;
	opts->return_column = 40;
	expr_init(&opts->expr);
	memset(opts->sets.abbrev, 0xff, sizeof(opts->sets.abbrev));
	memset(opts->sets.verbose, 0xff, sizeof(opts->sets.verbose));
	time_opts_init(&opts->time);
	summary_opts_init(&opts->summary);
	opts->perf.show_comm = true;
}

bool options_time_shown(const struct options *opts)
{
	const struct time_opts *t = &opts->time;
	const struct summary_opts *s = &opts->summary;

	/* --folded and --flamegraph weigh stacks by the time spent in calls. */
	return opts->format != OUTPUT_STRACE || t->absolute != TS_NONE || t->relative ||
	       t->syscall_times || s->mode != SUMMARY_OFF || s->histogram || s->min_duration_ns ||
	       s->interval_ns || opts->folded || opts->flamegraph_path;
}

/* Process control, selection and time options: false after a message. */
static bool parse_control_option(struct options *opts, int c, const char *arg, int *status_given)
{
	unsigned long value;

	switch (c) {
	case 'a':
		if (!parse_uint(arg, 4096, &value))
			return bad_argument("-a", arg);
		opts->return_column = (int)value;
		return true;
	case 'A':
		opts->append = true;
		return true;
	case 'E':
		return add_string(opts->env_changes, &opts->nenv_changes, MAX_ENV_CHANGES, arg, "-E");
	case 'f':
		/* -ff: one output file per process. */
		if (opts->follow_forks)
			opts->output_separately = true;
		opts->follow_forks = true;
		return true;
	case 'p':
		return options_parse_attach(opts, arg);
	case 'P':
		return add_string(opts->trace_paths, &opts->ntrace_paths, MAX_TRACE_PATHS, arg, "-P");
	case 'q':
		opts->quiet_count++;
		return true;
	case 'r':
		opts->time.relative = true;
		return true;
	case 't':
		opts->time.t_count++;
		return true;
	case 'T':
		opts->time.syscall_times = true;
		return true;
	case 'u':
		opts->user = arg;
		return true;
	case 'z':
		set_status_only(opts, STATUS_SUCCESSFUL, status_given);
		return true;
	case 'Z':
		set_status_only(opts, STATUS_FAILED, status_given);
		return true;
	case OPT_OUTPUT_SEPARATELY:
		opts->output_separately = true;
		return true;
	case OPT_ABSOLUTE_TIMESTAMPS:
		if (!time_parse_absolute(&opts->time, arg))
			return bad_argument("--absolute-timestamps", arg);
		return true;
	case OPT_RELATIVE_TIMESTAMPS:
		opts->time.relative = true;
		if (arg && !time_parse_precision(arg, &opts->time.relative_digits))
			return bad_argument("--relative-timestamps", arg);
		return true;
	case OPT_SYSCALL_TIMES:
		opts->time.syscall_times = true;
		if (arg && !time_parse_precision(arg, &opts->time.syscall_times_digits))
			return bad_argument("--syscall-times", arg);
		return true;
	case OPT_SIGNAL:
	case OPT_STATUS:
	case OPT_QUIET: {
		static const char *const names[] = { "signal=", "status=", "quiet=" };
		char expr[4096];

		snprintf(expr, sizeof(expr), "%s%s", names[c - OPT_SIGNAL], arg);
		return parse_expr(opts, expr);
	}
	case OPT_TRACE:
		return parse_trace_long(opts, arg);
	case OPT_CGROUP:
		opts->cgroup_path = arg;
		return true;
	case OPT_COMM:
		opts->comm = arg;
		return true;
	}
	return error("internal error: option %s", "?");
}

static bool parse_xlat_style(struct options *opts, const char *style)
{
	static const char *const names[] = { "abbrev", "raw", "verbose" };

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!strcmp(style, names[i])) {
			opts->print.xlat_style = (enum xlat_style)i;
			return true;
		}
	}
	fprintf(stderr, "bstrace: invalid -X argument: '%s'\n", style);
	usage_hint();
	return false;
}

enum parse_result options_parse(struct options *opts, int argc, char **argv)
{
	unsigned long value;
	int c, status_given = 0;
	bool separately_long = false;
	unsigned long stack_size = DEFAULT_STACK_SIZE;

	/* perf trace's personality: its own options from here on. */
	if (argc > 1 && !strcmp(argv[1], "--perf"))
		return options_parse_perf(opts, argc - 1, argv + 1);
	options_set_defaults(opts);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:a:AcCde:E:fhkno:O:p:P:qrs:S:tTu:U:vVwxX:yzZ", long_options,
				NULL)) != -1) {
		switch (c) {
		case 'c':
		case 'C':
			if (!set_summary_mode(&opts->summary, c == 'c' ? SUMMARY_ONLY : SUMMARY_ALSO))
				return PARSE_ERROR;
			break;
		case 'S':
			if (!summary_parse_sort(&opts->summary, optarg))
				return PARSE_ERROR;
			break;
		case 'U':
			if (!summary_parse_columns(&opts->summary, optarg))
				return PARSE_ERROR;
			break;
		case 'w':
			opts->summary.wall_clock = true;
			break;
		case 'O':
			if (!parse_duration_ns(optarg, NS_PER_US, &opts->summary.overhead_ns)) {
				fprintf(stderr, "bstrace: invalid -O argument: '%s'\n", optarg);
				usage_hint();
				return PARSE_ERROR;
			}
			break;
		case OPT_MIN_DURATION:
			if (!parse_duration_ns(optarg, NS_PER_MS, &opts->summary.min_duration_ns)) {
				fprintf(stderr, "bstrace: invalid --min-duration: '%s' "
					"(a number with s, ms, us or ns; default ms)\n", optarg);
				return PARSE_ERROR;
			}
			break;
		case OPT_INTERVAL:
			if (!parse_duration_ns(optarg, NS_PER_SEC, &opts->summary.interval_ns) ||
			    opts->summary.interval_ns < NS_PER_MS * 10) {
				fprintf(stderr, "bstrace: invalid --interval: '%s' "
					"(seconds, at least 0.01)\n", optarg);
				return PARSE_ERROR;
			}
			break;
		case OPT_JSON:
			opts->format = OUTPUT_JSON;
			break;
		case OPT_PERF:
			fprintf(stderr, "bstrace: --perf must be the first option\n");
			usage_hint();
			return PARSE_ERROR;
		case OPT_HISTOGRAM:
			opts->summary.histogram = true;
			break;
		case OPT_PER_PROCESS:
			opts->summary.per_process = true;
			break;
		case 'd':
			opts->debug = true;
			break;
		case 'e':
			if (!parse_expr(opts, optarg))
				return PARSE_ERROR;
			break;
		case 'h':
			print_help();
			return PARSE_EXIT_OK;
		case 'o':
			opts->output_path = optarg;
			break;
		case 's':
			if (!parse_uint(optarg, REC_BLOB_MAX - 2, &value)) {
				fprintf(stderr, "bstrace: invalid -s argument: '%s' (0..%d)\n",
					optarg, REC_BLOB_MAX - 2);
				return PARSE_ERROR;
			}
			opts->print.max_strlen = (unsigned int)value;
			break;
		case 'v':
			opts->print.verbose = true;
			break;
		case 'V':
			printf("bstrace -- version %s\n", PACKAGE_VERSION);
			return PARSE_EXIT_OK;
		case 'x':
			if (opts->print.hex_strings < 2)
				opts->print.hex_strings++;
			break;
		case 'X':
			if (!parse_xlat_style(opts, optarg))
				return PARSE_ERROR;
			break;
		case 'y':
			if (opts->print.decode_fds < 2)
				opts->print.decode_fds++;
			break;
		case 'n':
			opts->print.syscall_numbers = true;
			break;
		case 'k':
			opts->stack_traces = true;
			break;
		case OPT_FOLDED:
			opts->folded = true;
			break;
		case OPT_FLAMEGRAPH:
			if (!*optarg) {
				error("--flamegraph needs a file name", "");
				return PARSE_ERROR;
			}
			opts->flamegraph_path = optarg;
			break;
		case OPT_STACK_SIZE:
			if (!options_parse_size(optarg, &value) || value < 64 || value > REC_STACK_DATA_MAX) {
				fprintf(stderr, "bstrace: invalid --stack-size: '%s' (64..%zu)\n",
					optarg, REC_STACK_DATA_MAX);
				return PARSE_ERROR;
			}
			stack_size = (unsigned int)value;
			break;
		case OPT_BUFFER_SIZE:
			if (!options_parse_size(optarg, &value) || value < 4096 || value > (1UL << 30)) {
				fprintf(stderr, "bstrace: invalid --buffer-size: '%s' (4K..1G)\n", optarg);
				return PARSE_ERROR;
			}
			opts->buffer_size = value;
			break;
		case ':':
			if (optopt && optopt < 256)
				fprintf(stderr, "bstrace: option requires an argument -- '%c'\n", optopt);
			else
				fprintf(stderr, "bstrace: option '%s' requires an argument\n", argv[optind - 1]);
			usage_hint();
			return PARSE_ERROR;
		case '?':
			if (optopt && optopt < 256 && optopt != '?')
				fprintf(stderr, "bstrace: invalid option -- '%c'\n", optopt);
			else
				fprintf(stderr, "bstrace: unrecognized option '%s'\n", argv[optind - 1]);
			usage_hint();
			return PARSE_ERROR;
		default:
			separately_long |= c == OPT_OUTPUT_SEPARATELY;
			if (!parse_control_option(opts, c, optarg, &status_given))
				return PARSE_ERROR;
			break;
		}
	}
	if (separately_long && !opts->output_path)
		fprintf(stderr, "bstrace: --output-separately has no effect without -o/--output\n");
	if (!check_combinations(opts, argc, optind))
		return PARSE_ERROR;
	opts->command = optind < argc ? argv + optind : NULL;
	/* The summary views need a summary: without -C, they mean -c. */
	if ((opts->summary.histogram || opts->summary.per_process || opts->summary.interval_ns) &&
	    opts->summary.mode == SUMMARY_OFF)
		opts->summary.mode = SUMMARY_ONLY;
	if (opts->stack_traces || opts->folded || opts->flamegraph_path)
		opts->stack_size = stack_size;
	/* Stack frames and the -c table are text: no place in JSON (yet). */
	if (opts->format == OUTPUT_JSON && (opts->stack_size || opts->summary.mode != SUMMARY_OFF)) {
		fprintf(stderr, "bstrace: --json cannot be combined with -c, -C, -k, --folded "
			"or --flamegraph\n");
		return PARSE_ERROR;
	}
	return PARSE_RUN;
}
