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

#define DEFAULT_BUFFER_SIZE	(8UL << 20)	/* mapped twice: 16 MiB of RSS */
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
"Usage: bstrace [-dfknvxyV] [-X FORMAT] [-e EXPR] [-o FILE] [-s STRSIZE] PROG [ARGS]\n"
"   or: bstrace -c[dfw] [-e EXPR] [-O OVERHEAD] [-S SORTBY] [-U COLUMNS] PROG [ARGS]\n"
"\n"
"Trace the system calls of PROG as strace does, with eBPF instead of ptrace.\n"
"\n"
"Output format:\n"
"  -o FILE, --output=FILE\n"
"                 send trace output to FILE instead of stderr\n"
"  -s STRSIZE, --string-limit=STRSIZE\n"
"                 limit length of print strings to STRSIZE chars (default 32)\n"
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
"  -yy            the same (socket details are not decoded yet)\n"
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
"Filtering:\n"
"  -e trace=[!]{NAME[,NAME]...|all|none}, --trace=...\n"
"                 trace only the named syscalls (selected in the kernel)\n"
"\n"
"Statistics (counted in the kernel):\n"
"  -c, --summary-only\n"
"                 count time, calls, and errors for each syscall and report\n"
"                 summary\n"
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
"                 follow forks and threads\n"
"  --buffer-size=BYTES\n"
"                 BPF ring buffer size (default 8M; K, M, G suffixes)\n"
"\n"
"  --json         one JSON object per call and process event (schema: man bstrace)\n"
"  --perf ...     (first) perf trace's options and output: bstrace --perf -h\n"
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

static void set_all(uint64_t *set, bool on)
{
	memset(set, on ? 0xff : 0, sizeof(uint64_t) * (SYSCALL_NR_MAX / 64));
}

bool options_parse_trace(struct options *opts, const char *expr)
{
	char *copy, *name, *save = NULL;
	bool negate = false;

	if (!strncmp(expr, "trace=", 6))
		expr += 6;
	if (*expr == '!') {
		negate = true;
		expr++;
	}
	if (!strcmp(expr, "all") || !strcmp(expr, "none")) {
		set_all(opts->selected, (expr[0] == 'a') != negate);
		return true;
	}
	set_all(opts->selected, negate);
	copy = strdup(expr);
	if (!copy)
		return error("%s", strerror(ENOMEM));
	for (name = strtok_r(copy, ",", &save); name; name = strtok_r(NULL, ",", &save)) {
		int nr = syscall_by_name(name);

		if (nr < 0) {
			error("invalid system call '%s'", name);
			free(copy);
			return false;
		}
		if (negate)
			opts->selected[nr / 64] &= ~(1ULL << (nr % 64));
		else
			opts->selected[nr / 64] |= 1ULL << (nr % 64);
	}
	free(copy);
	return true;
}

/*
 * -e raw=, abbrev=, verbose=: the same syscall sets as trace=, parsed by
 * options_parse_trace (which fills opts->selected) and moved into set.
 */
static bool parse_syscall_set(struct options *opts, const char *list, uint64_t *set)
{
	uint64_t selected[SYSCALL_NR_MAX / 64];
	bool ok;

	memcpy(selected, opts->selected, sizeof(selected));
	ok = options_parse_trace(opts, list);
	if (ok)
		memcpy(set, opts->selected, sizeof(selected));
	memcpy(opts->selected, selected, sizeof(selected));
	return ok;
}

void options_set_defaults(struct options *opts)
{
	memset(opts, 0, sizeof(*opts));
	opts->print.max_strlen = 32;
	opts->buffer_size = DEFAULT_BUFFER_SIZE;
	set_all(opts->selected, true);
	set_all(opts->sets.abbrev, true);
	set_all(opts->sets.verbose, true);
	summary_opts_init(&opts->summary);
	opts->perf.show_comm = true;
}

static bool parse_expr(struct options *opts, const char *expr)
{
	static const struct {
		const char *prefix;
		size_t offset;
	} sets[] = {
		{ "raw=", offsetof(struct syscall_sets, raw) },
		{ "abbrev=", offsetof(struct syscall_sets, abbrev) },
		{ "verbose=", offsetof(struct syscall_sets, verbose) },
	};

	/* A bare -e NAME is -e trace=NAME. */
	if (!strchr(expr, '=') || !strncmp(expr, "trace=", 6))
		return options_parse_trace(opts, expr);
	for (size_t i = 0; i < sizeof(sets) / sizeof(sets[0]); i++) {
		size_t len = strlen(sets[i].prefix);

		if (!strncmp(expr, sets[i].prefix, len)) {
			opts->print.sets = &opts->sets;
			return parse_syscall_set(opts, expr + len,
						 (uint64_t *)((char *)&opts->sets + sets[i].offset));
		}
	}
	return error("unsupported -e qualifier in '%s'", expr);
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
	enum {
		OPT_BUFFER_SIZE = 256, OPT_MIN_DURATION, OPT_HISTOGRAM, OPT_PER_PROCESS,
		OPT_INTERVAL, OPT_FOLDED, OPT_FLAMEGRAPH, OPT_STACK_SIZE, OPT_JSON, OPT_PERF,
	};
	static const struct option long_options[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "string-limit", required_argument, NULL, 's' },
		{ "no-abbrev", no_argument, NULL, 'v' },
		{ "follow-forks", no_argument, NULL, 'f' },
		{ "trace", required_argument, NULL, 'e' },
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
	unsigned long value, stack_size = DEFAULT_STACK_SIZE;
	int c;

	/* perf trace's personality: its own options from here on. */
	if (argc > 1 && !strcmp(argv[1], "--perf"))
		return options_parse_perf(opts, argc - 1, argv + 1);
	options_set_defaults(opts);
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:cCde:fhkno:O:s:S:U:vVwxX:y", long_options, NULL)) != -1) {
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
		case 'f':
			opts->follow_forks = true;
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
			if (!*optarg)
				return error("--flamegraph needs a file name", "");
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
		default:
			if (optopt && optopt < 256 && optopt != '?')
				fprintf(stderr, "bstrace: invalid option -- '%c'\n", optopt);
			else
				fprintf(stderr, "bstrace: unrecognized option '%s'\n", argv[optind - 1]);
			usage_hint();
			return PARSE_ERROR;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "bstrace: must have PROG [ARGS] or -p PID\n");
		usage_hint();
		return PARSE_ERROR;
	}
	opts->command = argv + optind;
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
