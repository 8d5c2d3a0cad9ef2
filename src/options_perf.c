// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * `bstrace --perf ...`: perf trace 6.1's options, mapped onto the same
 * struct options the strace parser fills, so tracing is shared and only
 * the output differs.  perf follows children (its events inherit), so
 * --perf does too.
 */
#include <errno.h>
#include <fnmatch.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"
#include "syscall_table.h"

static void perf_usage_hint(void)
{
	fprintf(stderr, "Try 'bstrace --perf -h' for more information.\n");
}

static void print_perf_help(void)
{
	fputs(
"Usage: bstrace --perf [<options>] [--] <command> [<args>]\n"
"   or: bstrace --perf [<options>] -p <pid> | -t <tid> | -G <cgroup>\n"
"\n"
"Trace the system calls of <command> and print them as perf trace 6.1 does,\n"
"with strings and paths shown as perf's BPF augmenter shows them.\n"
"\n"
"    -e, --event, --expr <expr>\n"
"                          syscalls to trace: comma-separated names or globs\n"
"                          (open*), all but those with a leading '!'\n"
"    -o, --output <file>   output file name (default: stderr)\n"
"    -s, --summary         show only the per-thread syscall summary\n"
"    -S, --with-summary    show all syscalls and the summary\n"
"        --errno-summary   show errno counts per syscall, with -s or -S\n"
"        --duration <float>\n"
"                          show only calls lasting more than N.M ms\n"
"                          (dropped in the kernel)\n"
"        --failure         show only syscalls that failed\n"
"        --max-events <n>  print at most n events\n"
"    -T, --time            show the clock's time, not time since the first event\n"
"        --comm, --no-comm show (the default) or hide the thread's command name\n"
"        --json            one JSON object per call instead (not with -s, -S)\n"
"        --buffer-size <bytes>\n"
"                          BPF ring buffer size (default 8M; K, M, G suffixes)\n"
"    -h, --help            print this help and exit\n"
"\n"
"    -p, --pid <pid,...>   trace these running processes (all their threads)\n"
"    -t, --tid <tid,...>   trace these running threads only\n"
"    -G, --cgroup <name>   trace the tasks of this cgroup (v2; a path under\n"
"                          /sys/fs/cgroup/unified, or absolute)\n"
"\n"
"perf trace's -u (a user's processes) is refused for now.  Without a command,\n"
"tracing stops when the traced processes are gone or on Ctrl-C.\n",
	stdout);
}

static bool perf_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "bstrace: --perf: ");
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	return false;
}

static void select_nr(uint64_t *set, int nr, bool on)
{
	if (on)
		set[nr / 64] |= 1ULL << (nr % 64);
	else
		set[nr / 64] &= ~(1ULL << (nr % 64));
}

/* Select (or deselect) every syscall whose name matches one glob. */
static bool select_glob(struct options *opts, const char *glob, bool on)
{
	bool matched = false;

	for (int nr = 0; nr < SYSCALL_NR_MAX; nr++) {
		const char *name = syscall_table[nr].name;

		if (name && !fnmatch(glob, name, 0)) {
			select_nr(opts->expr.syscalls, nr, on);
			matched = true;
		}
	}
	if (!matched)
		return perf_error("invalid syscall '%s' in -e", glob);
	return true;
}

/*
 * -e 'open*,close' or -e '!mmap,munmap': perf's syscall list, where a
 * leading '!' leaves the listed calls out of all the others.  Several -e
 * add up, as perf's do.
 */
static bool parse_perf_expr(struct options *opts, const char *expr, bool *first)
{
	bool negate = expr[0] == '!';
	char *copy, *name, *save = NULL;
	bool ok = true;

	if (negate)
		expr++;
	if (*first) {
		memset(opts->expr.syscalls, negate ? 0xff : 0, sizeof(opts->expr.syscalls));
		*first = false;
	}
	if (!*expr)
		return perf_error("empty syscall list in -e '%s'", expr);
	copy = strdup(expr);
	if (!copy)
		return perf_error("%s", strerror(ENOMEM));
	for (name = strtok_r(copy, ",", &save); ok && name; name = strtok_r(NULL, ",", &save))
		ok = select_glob(opts, name, !negate);
	free(copy);
	return ok;
}

/* --duration 0.5: milliseconds, perf's float. */
static bool parse_msec(const char *s, uint64_t *ns)
{
	char *end;
	double ms;

	errno = 0;
	ms = strtod(s, &end);
	if (errno || end == s || *end || !(ms >= 0) || ms > 1e12)
		return false;
	*ns = (uint64_t)(ms * 1e6);
	return true;
}

static bool parse_count(const char *s, uint64_t *out)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || end == s || *end || s[0] == '-' || !v)
		return false;
	*out = v;
	return true;
}

enum parse_result options_parse_perf(struct options *opts, int argc, char **argv)
{
	enum {
		OPT_COMM = 256, OPT_NO_COMM, OPT_DURATION, OPT_FAILURE, OPT_ERRNO_SUMMARY,
		OPT_MAX_EVENTS, OPT_JSON, OPT_BUFFER_SIZE,
	};
	static const struct option long_options[] = {
		{ "event", required_argument, NULL, 'e' },
		{ "expr", required_argument, NULL, 'e' },
		{ "output", required_argument, NULL, 'o' },
		{ "summary", no_argument, NULL, 's' },
		{ "with-summary", no_argument, NULL, 'S' },
		{ "time", no_argument, NULL, 'T' },
		{ "pid", required_argument, NULL, 'p' },
		{ "tid", required_argument, NULL, 't' },
		{ "uid", required_argument, NULL, 'u' },
		{ "cgroup", required_argument, NULL, 'G' },
		{ "help", no_argument, NULL, 'h' },
		{ "comm", no_argument, NULL, OPT_COMM },
		{ "no-comm", no_argument, NULL, OPT_NO_COMM },
		{ "duration", required_argument, NULL, OPT_DURATION },
		{ "failure", no_argument, NULL, OPT_FAILURE },
		{ "errno-summary", no_argument, NULL, OPT_ERRNO_SUMMARY },
		{ "max-events", required_argument, NULL, OPT_MAX_EVENTS },
		{ "json", no_argument, NULL, OPT_JSON },
		{ "buffer-size", required_argument, NULL, OPT_BUFFER_SIZE },
		{ NULL, 0, NULL, 0 },
	};
	bool first_expr = true, threads_only = false;
	int c;

	options_set_defaults(opts);
	opts->format = OUTPUT_PERF;
	opts->follow_forks = true;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+:e:o:sSTp:t:u:G:h", long_options, NULL)) != -1) {
		switch (c) {
		case 'e':
			if (!parse_perf_expr(opts, optarg, &first_expr))
				return PARSE_ERROR;
			break;
		case 'o':
			opts->output_path = optarg;
			break;
		case 's':
			opts->perf.summary = true;
			opts->perf.summary_only = true;
			break;
		case 'S':
			opts->perf.summary = true;
			break;
		case 'T':
			opts->perf.full_time = true;
			break;
		case 'p':
		case 't':
			/* Running processes: the kernel's traced set, as strace's -p. */
			if (!options_parse_attach(opts, optarg))
				return PARSE_ERROR;
			threads_only |= c == 't';
			break;
		case 'G':
			opts->cgroup_path = optarg;
			break;
		case 'u':
			fprintf(stderr, "bstrace: --perf: -u is not supported yet: "
				"give a command, -p, -t or -G instead\n");
			return PARSE_ERROR;
		case 'h':
			print_perf_help();
			return PARSE_EXIT_OK;
		case OPT_COMM:
		case OPT_NO_COMM:
			opts->perf.show_comm = c == OPT_COMM;
			break;
		case OPT_DURATION:
			/* The lead's in-kernel --min-duration does the filtering. */
			if (!parse_msec(optarg, &opts->summary.min_duration_ns)) {
				perf_error("invalid --duration '%s' (milliseconds, e.g. 0.5)", optarg);
				return PARSE_ERROR;
			}
			break;
		case OPT_FAILURE:
			opts->perf.failure_only = true;
			break;
		case OPT_ERRNO_SUMMARY:
			opts->perf.errno_summary = true;
			break;
		case OPT_MAX_EVENTS:
			if (!parse_count(optarg, &opts->perf.max_events)) {
				perf_error("invalid --max-events '%s' (a positive count)", optarg);
				return PARSE_ERROR;
			}
			break;
		case OPT_JSON:
			opts->format = OUTPUT_JSON;
			break;
		case OPT_BUFFER_SIZE:
			if (!options_parse_size(optarg, &opts->buffer_size) ||
			    opts->buffer_size < 4096 || opts->buffer_size > (1UL << 30)) {
				perf_error("invalid --buffer-size '%s' (4K..1G)", optarg);
				return PARSE_ERROR;
			}
			break;
		case ':':
			if (optopt && optopt < 256)
				fprintf(stderr, "bstrace: --perf: option requires an argument -- '%c'\n",
					optopt);
			else
				fprintf(stderr, "bstrace: --perf: option '%s' requires an argument\n",
					argv[optind - 1]);
			perf_usage_hint();
			return PARSE_ERROR;
		default:
			if (optopt && optopt < 256 && optopt != '?')
				fprintf(stderr, "bstrace: --perf: unknown switch '%c'\n", optopt);
			else
				fprintf(stderr, "bstrace: --perf: unknown option '%s'\n", argv[optind - 1]);
			perf_usage_hint();
			return PARSE_ERROR;
		}
	}
	if (opts->format == OUTPUT_JSON && opts->perf.summary) {
		perf_error("%s", "--json cannot be combined with -s or -S (the summary is text)");
		return PARSE_ERROR;
	}
	if (opts->perf.errno_summary && !opts->perf.summary) {
		perf_error("%s", "--errno-summary needs -s or -S");
		return PARSE_ERROR;
	}
	/* perf says nothing when it attaches. */
	opts->expr.quiet |= QUIET_ATTACH;
	/* -t follows the threads named, -p whole processes and their children. */
	if (threads_only)
		opts->follow_forks = false;
	if (optind >= argc) {
		if (opts->nattach || opts->cgroup_path)
			return PARSE_RUN;
		perf_error("%s", "a command, -p, -t or -G is needed");
		perf_usage_hint();
		return PARSE_ERROR;
	}
	opts->command = argv + optind;
	return PARSE_RUN;
}
