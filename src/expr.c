// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * strace 6.1's -e grammar, from its filter_qualify.c behaviour:
 *
 *   [QUALIFIER=][!]...SET     SET: all | none | TOKEN[,TOKEN]...
 *
 * Each leading '!' inverts what follows.  A trace= token is ?-prefixed to
 * ignore it when it matches nothing, then a number, /REGEX, %CLASS (or a
 * legacy class name) or a syscall name.  An unknown qualifier is not an
 * error: the whole argument is a trace= set, so "-e foo=bar" reports
 * "invalid system call 'foo=bar'" as strace does.
 */
#define _GNU_SOURCE
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "expr.h"
#include "syscall_table.h"
#include "xlat.h"

extern const struct xlat xlat_signals;

struct name_bits {
	const char *name;
	unsigned int bits;
};

/*
 * strace's class names.  %%stat and %%statfs are unions, so a syscall
 * matches a class when it has any of its bits.
 */
static const struct name_bits syscall_classes[] = {
	{ "%desc", CLASS_DESC },
	{ "%file", CLASS_FILE },
	{ "%memory", CLASS_MEMORY },
	{ "%process", CLASS_PROCESS },
	{ "%signal", CLASS_SIGNAL },
	{ "%ipc", CLASS_IPC },
	{ "%network", CLASS_NETWORK },
	{ "%net", CLASS_NETWORK },
	{ "%stat", CLASS_STAT },
	{ "%lstat", CLASS_LSTAT },
	{ "%fstat", CLASS_FSTAT },
	{ "%%stat", CLASS_STAT | CLASS_LSTAT | CLASS_FSTAT },
	{ "%statfs", CLASS_STATFS },
	{ "%fstatfs", CLASS_FSTATFS },
	{ "%%statfs", CLASS_STATFS | CLASS_FSTATFS },
	{ "%pure", CLASS_PURE },
	{ "%creds", CLASS_CREDS },
	{ "%clock", CLASS_CLOCK },
	/* Legacy names; "all" as a token is every syscall. */
	{ "all", ~0u },
	{ "desc", CLASS_DESC },
	{ "file", CLASS_FILE },
	{ "memory", CLASS_MEMORY },
	{ "process", CLASS_PROCESS },
	{ "signal", CLASS_SIGNAL },
	{ "ipc", CLASS_IPC },
	{ "network", CLASS_NETWORK },
};

static const struct name_bits status_names[] = {
	{ "successful", STATUS_SUCCESSFUL },
	{ "failed", STATUS_FAILED },
	{ "unfinished", STATUS_UNFINISHED },
	{ "unavailable", STATUS_UNAVAILABLE },
	{ "detached", STATUS_DETACHED },
};

static const struct name_bits quiet_names[] = {
	{ "attach", QUIET_ATTACH },
	{ "exit", QUIET_EXIT },
	{ "exits", QUIET_EXIT },
	{ "path-resolution", QUIET_PATH_RESOLUTION },
	{ "personality", QUIET_PERSONALITY },
	{ "thread-execve", QUIET_THREAD_EXECVE },
	{ "superseded", QUIET_THREAD_EXECVE },
};

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static void set_bit(uint64_t *set, unsigned int n)
{
	set[n / 64] |= 1ULL << (n % 64);
}

static void invert(uint64_t *set, size_t words)
{
	for (size_t i = 0; i < words; i++)
		set[i] = ~set[i];
}

static enum expr_result fail(char *err, size_t errsize, const char *what, const char *token)
{
	snprintf(err, errsize, "invalid %s '%s'", what, token);
	return EXPR_ERROR;
}

/* Digits only, no sign or space, at most max; -1 otherwise. */
static long parse_number(const char *s, long max)
{
	char *end;
	long n;

	if (*s < '0' || *s > '9')
		return -1;
	n = strtol(s, &end, 10);
	return *end || n > max ? -1 : n;
}

/* One past the highest syscall number strace would know here. */
static long syscall_limit(void)
{
	long limit = 0;

	for (long nr = 0; nr < SYSCALL_NR_MAX; nr++)
		if (syscall_table[nr].name)
			limit = nr + 1;
	return limit;
}

static bool add_number(uint64_t *set, const char *token)
{
	long nr = parse_number(token, SYSCALL_NR_MAX);

	if (nr < 0 || nr >= syscall_limit())
		return false;
	set_bit(set, (unsigned int)nr);
	return true;
}

/* The longest run of adjacent *, + and ? in a pattern. */
static size_t longest_quantifier_run(const char *pattern)
{
	size_t longest = 0;

	for (const char *p = pattern; *p; p++) {
		size_t run = strspn(p, "*+?");

		if (run > longest)
			longest = run;
		p += run ? run - 1 : 0;
	}
	return longest;
}

static enum expr_result add_regex(uint64_t *set, const char *pattern, bool *found,
				  char *err, size_t errsize)
{
	regex_t re;
	int rc;

	/*
	 * glibc's regcomp copies the tree once per stacked repetition ("a+++"
	 * 100 times takes gigabytes): such a pattern means nothing more than
	 * one repetition, so it is refused before it can exhaust memory.
	 */
	if (longest_quantifier_run(pattern) > 2 || strlen(pattern) > 1024) {
		snprintf(err, errsize, "regcomp: %s: %s", pattern,
			 "too many repetition operators in a row, or too long");
		return EXPR_ERROR;
	}
	rc = regcomp(&re, pattern, REG_EXTENDED | REG_NOSUB);
	if (rc) {
		char msg[128];

		regerror(rc, &re, msg, sizeof(msg));
		snprintf(err, errsize, "regcomp: %s: %s", pattern, msg);
		return EXPR_ERROR;
	}
	*found = false;
	for (unsigned int nr = 0; nr < SYSCALL_NR_MAX; nr++) {
		const char *name = syscall_table[nr].name;

		if (name && !regexec(&re, name, 0, NULL, 0)) {
			set_bit(set, nr);
			*found = true;
		}
	}
	regfree(&re);
	return EXPR_OK;
}

static bool add_class(uint64_t *set, const char *token)
{
	for (size_t i = 0; i < ARRAY_SIZE(syscall_classes); i++) {
		unsigned int bits = syscall_classes[i].bits;

		if (strcmp(token, syscall_classes[i].name))
			continue;
		for (unsigned int nr = 0; nr < SYSCALL_NR_MAX; nr++) {
			const struct syscall_desc *d = &syscall_table[nr];

			if (d->name && (bits == ~0u || (d->classes & bits)))
				set_bit(set, nr);
		}
		return true;
	}
	return false;
}

static bool add_name(uint64_t *set, const char *token)
{
	int nr = syscall_by_name(token);

	if (nr < 0)
		return false;
	set_bit(set, (unsigned int)nr);
	return true;
}

/* One trace= token; *matched is false for a bad one. */
static enum expr_result add_syscall_token(uint64_t *set, const char *token, bool *matched,
					  char *err, size_t errsize)
{
	bool optional = false;
	enum expr_result rc = EXPR_OK;

	while (*token == '?') {
		token++;
		optional = true;
	}
	if (*token >= '0' && *token <= '9')
		*matched = add_number(set, token);
	else if (*token == '/')
		rc = add_regex(set, token + 1, matched, err, errsize);
	else
		*matched = add_class(set, token) || add_name(set, token);
	*matched = *matched || optional;
	return rc;
}

/* Strip the leading '!'s, inverting set once per '!'. */
static const char *skip_inversions(const char *s, uint64_t *set, size_t words)
{
	for (; *s == '!'; s++)
		invert(set, words);
	return s;
}

enum expr_result expr_parse_trace(struct trace_expr *e, const char *set, char *err,
				  size_t errsize)
{
	uint64_t *bits = e->syscalls;
	const size_t words = ARRAY_SIZE(e->syscalls);
	const char *s;
	char *copy, *token, *save = NULL;
	bool matched = false;
	enum expr_result rc = EXPR_OK;

	memset(bits, 0, sizeof(e->syscalls));
	s = skip_inversions(set, bits, words);
	if (!strcmp(s, "none"))
		return EXPR_OK;
	if (!strcmp(s, "all")) {
		invert(bits, words);
		return EXPR_OK;
	}
	copy = strdup(s);
	if (!copy) {
		snprintf(err, errsize, "out of memory");
		return EXPR_ERROR;
	}
	/*
	 * Tokens add to the set under the inversion: collect them apart and
	 * then apply, so "!open,read" is everything but open and read.
	 */
	uint64_t tokens[SYSCALL_NR_MAX / 64] = { 0 };

	for (token = strtok_r(copy, ",", &save); token && rc == EXPR_OK;
	     token = strtok_r(NULL, ",", &save)) {
		rc = add_syscall_token(tokens, token, &matched, err, errsize);
		if (rc == EXPR_OK && !matched)
			rc = fail(err, errsize, "system call", token);
	}
	if (rc == EXPR_OK && !matched)
		rc = fail(err, errsize, "system call", set);
	free(copy);
	for (size_t i = 0; i < words; i++)
		bits[i] ^= tokens[i];
	return rc;
}

/* A signal by number (0..255), or by name with or without SIG, any case. */
static int signal_number(const char *s)
{
	const char *bare = strncasecmp(s, "SIG", 3) ? s : s + 3;

	if (*s >= '0' && *s <= '9')
		return (int)parse_number(s, EXPR_SIGNAL_MAX - 1);
	for (unsigned int i = 0; i < xlat_signals.count; i++) {
		const char *name = xlat_signals.entries[i].name;

		if (!strcasecmp(bare, name + 3))
			return (int)xlat_signals.entries[i].value;
	}
	return -1;
}

static int bits_number(const struct name_bits *names, size_t count, const char *s)
{
	for (size_t i = 0; i < count; i++)
		if (!strcmp(s, names[i].name))
			return __builtin_ctz(names[i].bits);
	return -1;
}

static int status_number(const char *s)
{
	return bits_number(status_names, ARRAY_SIZE(status_names), s);
}

static int quiet_number(const char *s)
{
	return bits_number(quiet_names, ARRAY_SIZE(quiet_names), s);
}

/* strace's qualify_tokens: a set of small numbers named by tokens. */
static enum expr_result parse_tokens(uint64_t *set, size_t words, const char *str,
				     int (*number)(const char *), const char *what,
				     char *err, size_t errsize)
{
	const char *s;
	char *copy, *token, *save = NULL;
	bool any = false;
	enum expr_result rc = EXPR_OK;
	uint64_t tokens[EXPR_SIGNAL_MAX / 64] = { 0 };

	memset(set, 0, words * sizeof(*set));
	s = skip_inversions(str, set, words);
	if (!strcmp(s, "none"))
		return EXPR_OK;
	if (!strcmp(s, "all")) {
		invert(set, words);
		return EXPR_OK;
	}
	copy = strdup(s);
	if (!copy) {
		snprintf(err, errsize, "out of memory");
		return EXPR_ERROR;
	}
	for (token = strtok_r(copy, ",", &save); token && rc == EXPR_OK;
	     token = strtok_r(NULL, ",", &save)) {
		int n = number(token);

		if (n < 0)
			rc = fail(err, errsize, what, token);
		else
			set_bit(tokens, (unsigned int)n);
		any = true;
	}
	if (rc == EXPR_OK && !any)
		rc = fail(err, errsize, what, str);
	free(copy);
	for (size_t i = 0; i < words; i++)
		set[i] ^= tokens[i];
	return rc;
}

static enum expr_result parse_small_set(unsigned int *out, unsigned int all, const char *str,
					int (*number)(const char *), const char *what,
					char *err, size_t errsize)
{
	uint64_t set[1];
	enum expr_result rc = parse_tokens(set, 1, str, number, what, err, errsize);

	if (rc == EXPR_OK)
		*out = (unsigned int)set[0] & all;
	return rc;
}

enum qualifier { Q_TRACE, Q_SIGNAL, Q_STATUS, Q_QUIET, Q_OTHER };

static const struct {
	const char *name;
	enum qualifier q;
	const char *canonical;
} qualifiers[] = {
	{ "trace", Q_TRACE, "trace" }, { "t", Q_TRACE, "trace" },
	{ "abbrev", Q_OTHER, "abbrev" }, { "a", Q_OTHER, "abbrev" },
	{ "verbose", Q_OTHER, "verbose" }, { "v", Q_OTHER, "verbose" },
	{ "raw", Q_OTHER, "raw" }, { "x", Q_OTHER, "raw" },
	{ "signal", Q_SIGNAL, "signal" }, { "signals", Q_SIGNAL, "signal" },
	{ "s", Q_SIGNAL, "signal" },
	{ "status", Q_STATUS, "status" },
	{ "read", Q_OTHER, "read" }, { "reads", Q_OTHER, "read" }, { "r", Q_OTHER, "read" },
	{ "write", Q_OTHER, "write" }, { "writes", Q_OTHER, "write" },
	{ "w", Q_OTHER, "write" },
	{ "fault", Q_OTHER, "fault" }, { "inject", Q_OTHER, "inject" },
	{ "kvm", Q_OTHER, "kvm" },
	{ "quiet", Q_QUIET, "quiet" }, { "silent", Q_QUIET, "quiet" },
	{ "silence", Q_QUIET, "quiet" }, { "q", Q_QUIET, "quiet" },
	{ "decode-fds", Q_OTHER, "decode-fds" }, { "decode-fd", Q_OTHER, "decode-fds" },
	{ "decode-pids", Q_OTHER, "decode-pids" }, { "decode-pid", Q_OTHER, "decode-pids" },
};

void expr_init(struct trace_expr *e)
{
	memset(e, 0, sizeof(*e));
	memset(e->syscalls, 0xff, sizeof(e->syscalls));
	memset(e->signals, 0xff, sizeof(e->signals));
	e->status = STATUS_ALL;
	e->quiet = 0;
}

enum expr_result expr_parse(struct trace_expr *e, const char *arg, char *err, size_t errsize,
			    const char **qualifier, const char **value)
{
	enum qualifier q = Q_TRACE;
	const char *v = arg;

	for (size_t i = 0; i < ARRAY_SIZE(qualifiers); i++) {
		size_t len = strlen(qualifiers[i].name);

		if (!strncmp(arg, qualifiers[i].name, len) && arg[len] == '=') {
			q = qualifiers[i].q;
			v = arg + len + 1;
			*qualifier = qualifiers[i].canonical;
			*value = v;
			break;
		}
	}
	switch (q) {
	case Q_TRACE:
		return expr_parse_trace(e, v, err, errsize);
	case Q_SIGNAL:
		return parse_tokens(e->signals, ARRAY_SIZE(e->signals), v, signal_number,
				    "signal", err, errsize);
	case Q_STATUS:
		return parse_small_set(&e->status, STATUS_ALL, v, status_number, "status", err, errsize);
	case Q_QUIET:
		return parse_small_set(&e->quiet, QUIET_ALL, v, quiet_number, "quiet", err, errsize);
	case Q_OTHER:
		break;
	}
	return EXPR_OTHER;
}
