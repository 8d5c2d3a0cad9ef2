// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * gen: turns syscalls.tbl and the lists in xlat/ into the tables both sides use.
 *
 *   gen syscalls.tbl XLATDIR OUTDIR
 *
 * writes OUTDIR/syscall_table.gen.c (front end), OUTDIR/syscall_nr.gen.h
 * (both sides), OUTDIR/capture.gen.h (BPF capture tables and programs), and
 * OUTDIR/xlat.gen.c, OUTDIR/xlat.gen.h (flag and enum tables).
 *
 * Syscall numbers come from libaudit for the architecture being built, so
 * the description never types one.  Any error names the file and line and
 * fails the build: a description that does not cover every syscall libaudit
 * knows, or names an unknown kind, table or struct, never reaches a binary.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <libaudit.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/types.h>
#include "../bpf/record.h"
#include "kinds.h"
#include "structs.h"

#define MAX_LINES	1024
#define MAX_ALIASES	4
#define MAX_TABLES	256
#define MAX_PROGRAMS	512
#define PROGRAM_BODY	2048

#if defined(__x86_64__)
#define BUILD_ARCH "x86_64"
#elif defined(__aarch64__)
#define BUILD_ARCH "aarch64"
#else
#error "bstrace describes x86_64 and aarch64 only"
#endif

/* What kinds.def says, with the names the generated code spells. */
#define KIND_BOTH_WAYS	KIND_BOTH_WAYS_FLAG
#define KIND_SHOWS_GIVEN	KIND_SHOWS_GIVEN_FLAG
enum param { PARAM_NONE, PARAM_TABLE, PARAM_SIZE, PARAM_ARG, PARAM_STRUCT,
	     PARAM_STRUCT_SIZE };

struct kind_info {
	const char *word;
	const char *enum_name;
	enum capture_op capture;
	const char *capture_name;
	unsigned int when;
	enum limit limit;
	enum param param;
};

static const struct kind_info kinds[] = {
#define KIND(word, ENUM, cap, when, limit, param) \
	{ #word, "KIND_" #ENUM, cap, #cap, when, limit, param },
#include "kinds.def"
#undef KIND
};

struct struct_info {
	const char *name;
	size_t size;
};

static const struct struct_info structs[] = {
#define STRUCT(name, type) { #name, sizeof(type) },
#include "structs.def"
#undef STRUCT
};

static const char *const class_names[] = {
	"file", "desc", "process", "network", "signal", "ipc", "memory",
	"creds", "clock", "stat", "lstat", "fstat", "statfs", "fstatfs", "pure",
};

/* Return kinds; those from "enum" on take a table (or a kind) after ':'. */
static const char *const ret_kinds[] = { "int", "hex", "fd", "oct", "none", "enum", "flags",
					 "signo", "openflags", "time", "ioprio", "pid", "ready" };
static const char *const ret_enums[] = { "RET_INT", "RET_HEX", "RET_FD", "RET_OCT", "RET_NONE",
					 "RET_ENUM", "RET_FLAGS", "RET_SIGNO", "RET_OPENFLAGS",
					 "RET_TIME", "RET_IOPRIO", "RET_PID", "RET_READY" };
#define RET_KIND_FD		2
#define RET_FIRST_WITH_TABLE	5
#define RET_LAST_WITH_TABLE	6

struct arg_desc {
	char name[64];
	const struct kind_info *kind;
	bool at_entry;		/* @entry */
	int size_arg;		/* argument index, -1 = return value */
	char table[64];
	int struct_index;
	char raw[128];
};

/* One side's captures: arg is NULL for the returned fd's inode. */
struct capture_plan {
	int nsteps;
	struct planned_step {
		const struct arg_desc *arg;
		int slot;
		bool on_success;
	} steps[REC_SLOTS + 1];
};

/* A side with nothing to read, and one a family's table row describes. */
#define PROG_NONE		-1
#define PROG_FAMILY(f)		(-2 - (f))
#define PROG_IS_FAMILY(prog)	((prog) <= -2)
#define PROG_FAMILY_INDEX(prog)	(-2 - (prog))

struct line_desc {
	int lineno;
	char name[64];
	char alias_all[64];		/* libaudit's name on every arch */
	char alias_arch[MAX_ALIASES][2][64];	/* arch, libaudit name */
	int nalias_arch;
	int nargs;
	struct arg_desc args[REC_ARGS];
	int ret_kind;
	char ret_table[64];
	unsigned int classes;
	int nr;				/* on the build arch, -1 if absent */
	struct capture_plan entry_plan, exit_plan;
	int entry_prog, exit_prog;	/* capture program index, or PROG_ */
};

static struct line_desc lines[MAX_LINES];
static int nlines;
static const char *tbl_path;

static void write_arg_string(char *out, size_t size, const struct arg_desc *arg);

static char tables[MAX_TABLES][64];
static int ntables;

static char programs[MAX_PROGRAMS][PROGRAM_BODY];
static bool program_at_entry[MAX_PROGRAMS];
static int nprograms;

static void die(int lineno, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s:%d: ", tbl_path, lineno);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static char *trim(char *s)
{
	char *end;

	while (isspace((unsigned char)*s))
		s++;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		*--end = '\0';
	return s;
}

static void copy_word(char *dst, size_t size, const char *src, int lineno)
{
	if (strlen(src) >= size)
		die(lineno, "'%s' is too long", src);
	strcpy(dst, src);
}

static const struct kind_info *find_kind(const char *word)
{
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (!strcmp(kinds[i].word, word))
			return &kinds[i];
	return NULL;
}

static int find_struct(const char *name)
{
	for (size_t i = 0; i < sizeof(structs) / sizeof(structs[0]); i++)
		if (!strcmp(structs[i].name, name))
			return (int)i;
	return -1;
}

static int find_table(const char *name)
{
	for (int i = 0; i < ntables; i++)
		if (!strcmp(tables[i], name))
			return i;
	return -1;
}

static int parse_size(const char *s, int nargs_max, int lineno)
{
	char *end;
	long v;

	if (!strcmp(s, "ret"))
		return -1;
	v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || v < 0 || v >= nargs_max)
		die(lineno, "'%s' is not an argument index or 'ret'", s);
	return (int)v;
}

/* "kind[:p1[:p2]][@entry] name" */
static void parse_arg(struct arg_desc *arg, char *text, int lineno)
{
	char *space, *at, *p1 = NULL, *p2 = NULL;

	text = trim(text);
	space = strrchr(text, ' ');
	if (!space)
		die(lineno, "argument '%s' needs a kind and a name", text);
	*space = '\0';
	copy_word(arg->name, sizeof(arg->name), trim(space + 1), lineno);
	text = trim(text);
	copy_word(arg->raw, sizeof(arg->raw), text, lineno);
	at = strchr(text, '@');
	if (at) {
		if (strcmp(at, "@entry"))
			die(lineno, "unknown suffix '%s'", at);
		*at = '\0';
		arg->at_entry = true;
	}
	p1 = strchr(text, ':');
	if (p1) {
		*p1++ = '\0';
		p2 = strchr(p1, ':');
		if (p2)
			*p2++ = '\0';
	}
	arg->kind = find_kind(text);
	if (!arg->kind)
		die(lineno, "unknown argument kind '%s'", text);
	arg->size_arg = 0;
	arg->struct_index = -1;
	switch (arg->kind->param) {
	case PARAM_NONE:
		if (p1)
			die(lineno, "kind '%s' takes no parameter", text);
		break;
	case PARAM_TABLE:
		if (!p1 || p2)
			die(lineno, "kind '%s' needs one table name", text);
		copy_word(arg->table, sizeof(arg->table), p1, lineno);
		if (find_table(p1) < 0)
			die(lineno, "no list syscalls/xlat/%s.in", p1);
		break;
	case PARAM_SIZE:
	case PARAM_ARG:
		if (!p1 || p2)
			die(lineno, "kind '%s' needs one argument index", text);
		arg->size_arg = parse_size(p1, REC_ARGS, lineno);
		if (arg->kind->param == PARAM_ARG && arg->size_arg < 0)
			die(lineno, "kind '%s' needs an argument index", text);
		break;
	case PARAM_STRUCT:
	case PARAM_STRUCT_SIZE:
		if (!p1 || (arg->kind->param == PARAM_STRUCT) != !p2)
			die(lineno, "kind '%s' has the wrong parameters", text);
		arg->struct_index = find_struct(p1);
		if (arg->struct_index < 0)
			die(lineno, "no struct '%s' in structs.def", p1);
		if (p2)
			arg->size_arg = parse_size(p2, REC_ARGS, lineno);
		break;
	}
}

static void parse_name(struct line_desc *l, char *text)
{
	char *part, *save = NULL;
	bool first = true;

	for (part = strtok_r(text, "/", &save); part; part = strtok_r(NULL, "/", &save)) {
		char *colon;

		part = trim(part);
		if (first) {
			copy_word(l->name, sizeof(l->name), part, l->lineno);
			first = false;
			continue;
		}
		colon = strchr(part, ':');
		if (!colon) {
			copy_word(l->alias_all, sizeof(l->alias_all), part, l->lineno);
			continue;
		}
		if (l->nalias_arch == MAX_ALIASES)
			die(l->lineno, "too many aliases");
		*colon = '\0';
		copy_word(l->alias_arch[l->nalias_arch][0], 64, part, l->lineno);
		copy_word(l->alias_arch[l->nalias_arch][1], 64, colon + 1, l->lineno);
		l->nalias_arch++;
	}
	if (first)
		die(l->lineno, "no name");
}

/* "kind" or "kind:TABLE" after '=', into a ret_kinds index and a table. */
static int parse_ret(char *word, char *table, size_t size, int lineno)
{
	char *colon = strchr(word, ':');
	size_t i;

	if (colon)
		*colon++ = '\0';
	for (i = 0; i < sizeof(ret_kinds) / sizeof(ret_kinds[0]); i++)
		if (!strcmp(word, ret_kinds[i]))
			break;
	if (i == sizeof(ret_kinds) / sizeof(ret_kinds[0]))
		die(lineno, "unknown return kind '%s'", word);
	if ((i >= RET_FIRST_WITH_TABLE && i <= RET_LAST_WITH_TABLE) != (colon != NULL))
		die(lineno, "return kind '%s' %s a table", word, colon ? "takes no" : "needs");
	table[0] = '\0';
	if (colon) {
		if (find_table(colon) < 0)
			die(lineno, "no list syscalls/xlat/%s.in", colon);
		copy_word(table, size, colon, lineno);
	}
	return (int)i;
}

static void parse_tail(struct line_desc *l, char *text)
{
	char *word, *save = NULL;

	l->ret_kind = 0;
	for (word = strtok_r(text, " \t", &save); word; word = strtok_r(NULL, " \t", &save)) {
		if (!strcmp(word, "=")) {
			word = strtok_r(NULL, " \t", &save);
			if (!word)
				die(l->lineno, "'=' needs a return kind");
			l->ret_kind = parse_ret(word, l->ret_table, sizeof(l->ret_table), l->lineno);
		} else if (word[0] == '%') {
			size_t i;

			for (i = 0; i < sizeof(class_names) / sizeof(class_names[0]); i++)
				if (!strcmp(word + 1, class_names[i]))
					break;
			if (i == sizeof(class_names) / sizeof(class_names[0]))
				die(l->lineno, "unknown class '%s'", word);
			l->classes |= 1u << i;
		} else {
			die(l->lineno, "unexpected '%s'", word);
		}
	}
}

static void parse_line(struct line_desc *l, char *text)
{
	char *open = strchr(text, '('), *close = strrchr(text, ')');
	char *arg, *save = NULL;

	if (!open || !close || close < open)
		die(l->lineno, "expected name(args)");
	*open = '\0';
	*close = '\0';
	parse_name(l, text);
	if (*trim(open + 1)) {
		for (arg = strtok_r(open + 1, ",", &save); arg; arg = strtok_r(NULL, ",", &save)) {
			if (l->nargs == REC_ARGS)
				die(l->lineno, "more than %d arguments", REC_ARGS);
			parse_arg(&l->args[l->nargs++], arg, l->lineno);
		}
	}
	parse_tail(l, close + 1);
	for (int i = 0; i < l->nargs; i++)
		if (l->args[i].size_arg >= l->nargs)
			die(l->lineno, "argument %d refers to argument %d of %d",
			    i, l->args[i].size_arg, l->nargs);
}

static void read_description(const char *path)
{
	FILE *f = fopen(path, "r");
	char buf[1024];
	int lineno = 0;

	tbl_path = path;
	if (!f)
		die(0, "cannot open: %s", strerror(errno));
	while (fgets(buf, sizeof(buf), f)) {
		char *hash = strchr(buf, '#'), *text;

		lineno++;
		if (hash)
			*hash = '\0';
		text = trim(buf);
		if (!*text)
			continue;
		if (nlines == MAX_LINES)
			die(lineno, "more than %d syscalls", MAX_LINES);
		lines[nlines].lineno = lineno;
		parse_line(&lines[nlines++], text);
	}
	fclose(f);
}

static const char *audit_name_on_arch(const struct line_desc *l)
{
	for (int i = 0; i < l->nalias_arch; i++)
		if (!strcmp(l->alias_arch[i][0], BUILD_ARCH))
			return l->alias_arch[i][1];
	return l->alias_all[0] ? l->alias_all : l->name;
}

static bool has_arch_alias(const struct line_desc *l)
{
	for (int i = 0; i < l->nalias_arch; i++)
		if (!strcmp(l->alias_arch[i][0], BUILD_ARCH))
			return true;
	return false;
}

/* Give every line its number and check libaudit's names are all covered. */
static void resolve_numbers(void)
{
	int machine = audit_name_to_machine(BUILD_ARCH);
	int owner[SYSCALL_NR_MAX];

	if (machine < 0)
		die(0, "libaudit does not know %s", BUILD_ARCH);
	for (int nr = 0; nr < SYSCALL_NR_MAX; nr++)
		owner[nr] = -1;
	for (int i = 0; i < nlines; i++) {
		int nr = audit_name_to_syscall(audit_name_on_arch(&lines[i]), machine);

		lines[i].nr = nr;
		if (nr < 0)
			continue;
		if (nr >= SYSCALL_NR_MAX)
			die(lines[i].lineno, "number %d is past SYSCALL_NR_MAX", nr);
		if (owner[nr] >= 0) {
			/* An alias for this arch beats a line's plain name. */
			bool mine = has_arch_alias(&lines[i]), theirs = has_arch_alias(&lines[owner[nr]]);

			if (mine == theirs)
				die(lines[i].lineno, "%s is number %d, as is line %d", lines[i].name,
				    nr, lines[owner[nr]].lineno);
			if (!mine) {
				lines[i].nr = -1;
				continue;
			}
			lines[owner[nr]].nr = -1;
		}
		owner[nr] = i;
	}
	for (int nr = 0; nr < SYSCALL_NR_MAX; nr++) {
		const char *name = audit_syscall_to_name(nr, machine);

		if (name && owner[nr] < 0)
			die(0, "%s syscall %d (%s) is not described", BUILD_ARCH, nr, name);
	}
}

/* The limit of a capture; a table row spells -s as STEP_LIMIT_STRLEN. */
static const char *limit_expr(const struct arg_desc *arg, bool in_table, char *buf, size_t size)
{
	switch (arg->kind->limit) {
	case LIMIT_STRLEN:	return in_table ? "STEP_LIMIT_STRLEN" : "max_strlen";
	case LIMIT_PATH:	return "REC_PATH_MAX";
	case LIMIT_SOCKADDR:	return "REC_SOCKADDR_MAX";
	case LIMIT_STRUCTS:	return "REC_BLOB_MAX";
	case LIMIT_INT:		return "4";
	case LIMIT_INT2:	return "8";
	case LIMIT_SIGSET:	return "REC_SET_MAX";
	case LIMIT_BY:		return "REC_BY_BYTES";
	case LIMIT_STRUCT:
		snprintf(buf, size, "%zu", structs[arg->struct_index].size);
		return buf;
	case LIMIT_NONE:
		break;
	}
	return "0";
}

static enum capture_op capture_op(const struct arg_desc *arg)
{
	if (arg->size_arg < 0) {
		switch (arg->kind->capture) {
		case CAP_BYTES_ARG:	return CAP_BYTES_RET;
		case CAP_BYTES_ARG_MUL:	return CAP_BYTES_RET_MUL;
		default:		break;
		}
	}
	return arg->kind->capture;
}

static const char *capture_name(const struct arg_desc *arg)
{
	switch (capture_op(arg)) {
	case CAP_BYTES_RET:	return "CAP_BYTES_RET";
	case CAP_BYTES_RET_MUL:	return "CAP_BYTES_RET_MUL";
	default:		return arg->kind->capture_name;
	}
}

static void plan_add(struct capture_plan *plan, const struct arg_desc *arg, int slot,
		     bool on_success)
{
	plan->steps[plan->nsteps++] = (struct planned_step){ arg, slot, on_success };
}

/* The programs that run table rows, each for the ops of one family. */
static const struct family {
	const char *name;
	unsigned int ops;
	bool exit_inline;	/* its exit rows run in the dispatcher: no program */
} families[] = {
#define EXIT_INLINE	true
#define EXIT_TAIL_CALL	false
#define FAMILY(name, ops, exit) { #name, ops, EXIT_##exit },
	CAPTURE_FAMILIES(FAMILY)
#undef FAMILY
#undef EXIT_INLINE
#undef EXIT_TAIL_CALL
};
#define NFAMILIES	(int)(sizeof(families) / sizeof(families[0]))

/* The first family that has every op of plan, or -1: a program of its own. */
static int plan_family(const struct capture_plan *plan)
{
	unsigned int ops = 1u << CAP_RET_INODE;

	if (plan->nsteps > CAPTURE_STEPS_MAX)
		return -1;
	for (int i = 0; i < plan->nsteps; i++) {
		const struct arg_desc *arg = plan->steps[i].arg;

		if (!arg)
			continue;
		ops |= 1u << capture_op(arg);
		/* The BPF side reads -s for these: see capture_followed. */
		if (!((1u << capture_op(arg)) & CAP_PLAIN_OPS) && arg->kind->limit != LIMIT_STRLEN)
			return -1;
	}
	for (int f = 0; f < NFAMILIES; f++)
		if ((ops & families[f].ops) == ops)
			return f;
	return -1;
}

static size_t step_elem(const struct arg_desc *arg)
{
	return arg->struct_index >= 0 ? structs[arg->struct_index].size : 1;
}

/*
 * One side's captures as C: the statements of a program of its own, or the
 * entries of a table row ({ op, slot, size_arg, on_success, elem, limit }).
 */
static void format_plan(const struct capture_plan *plan, bool in_table, int lineno,
			char *out, size_t size)
{
	size_t len = 0;

	out[0] = '\0';
	for (int i = 0; i < plan->nsteps && len < size; i++) {
		const struct planned_step *step = &plan->steps[i];
		const struct arg_desc *arg = step->arg;
		char limit_buf[32];
		const char *limit;

		if (!arg) {
			len += snprintf(out + len, size - len, in_table ? " { CAP_RET_INODE }," :
					"\tcapture_ret_inode(src);\n");
			continue;
		}
		if (in_table && step_elem(arg) >= STEP_LIMIT_STRLEN)
			die(lineno, "%s: a struct too big for a capture table row", arg->name);
		limit = limit_expr(arg, in_table, limit_buf, sizeof(limit_buf));
		len += snprintf(out + len, size - len,
				in_table ? " { %s, %d, %d, %d, %zu, %s }," :
				"\tcapture_arg(dst, src, %2$d, %1$s, %3$d, %5$zu, %6$s, %4$d);\n",
				capture_name(arg), step->slot, arg->size_arg < 0 ? 0 : arg->size_arg,
				step->on_success, step_elem(arg), limit);
	}
	if (len >= size)
		die(lineno, "captures longer than %zu bytes of C", size);
}

static int intern_program(const struct capture_plan *plan, bool at_entry)
{
	char body[PROGRAM_BODY];

	int family = plan_family(plan);

	if (!plan->nsteps)
		return PROG_NONE;
	if (family >= 0)
		return PROG_FAMILY(family);
	format_plan(plan, false, 0, body, sizeof(body));
	for (int i = 0; i < nprograms; i++)
		if (program_at_entry[i] == at_entry && !strcmp(programs[i], body))
			return i;
	if (nprograms == MAX_PROGRAMS)
		die(0, "more than %d capture programs", MAX_PROGRAMS);
	strcpy(programs[nprograms], body);
	program_at_entry[nprograms] = at_entry;
	return nprograms++;
}

/* Which arguments each line reads, at entry and at exit. */
static void plan_captures(void)
{
	for (int l = 0; l < nlines; l++) {
		struct line_desc *line = &lines[l];
		struct capture_plan *entry = &line->entry_plan, *exit_plan = &line->exit_plan;

		for (int i = 0; i < line->nargs; i++) {
			const struct arg_desc *arg = &line->args[i];
			unsigned int when = arg->kind->when;

			if (arg->kind->capture == CAP_NONE)
				continue;
			if (arg->at_entry || (when & CAP_AT_ENTRY)) {
				plan_add(entry, arg, REC_ENTRY_SLOT(i), false);
				continue;
			}
			if (when & KIND_BOTH_WAYS)
				plan_add(entry, arg, REC_ENTRY_SLOT(i), false);
			plan_add(exit_plan, arg, i, (when & (CAP_ON_SUCCESS | KIND_BOTH_WAYS)) != 0);
		}
		/* -y names sockets by inode: an fd-returning call reads it at exit. */
		if (line->ret_kind == RET_KIND_FD)
			plan_add(exit_plan, NULL, 0, false);
		line->entry_prog = intern_program(entry, true);
		line->exit_prog = intern_program(exit_plan, false);
	}
}

static FILE *open_out(const char *dir, const char *name)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	if (!f) {
		fprintf(stderr, "gen: cannot write %s: %s\n", path, strerror(errno));
		exit(1);
	}
	fprintf(f, "/* Generated by syscalls/gen from syscalls/syscalls.tbl: do not edit. */\n");
	return f;
}

static void close_out(FILE *f)
{
	if (fclose(f)) {
		perror("gen: write");
		exit(1);
	}
}

static void write_numbers(const char *dir)
{
	FILE *f = open_out(dir, "syscall_nr.gen.h");

	fprintf(f, "#ifndef BSTRACE_SYSCALL_NR_GEN_H\n#define BSTRACE_SYSCALL_NR_GEN_H\n");
	for (int i = 0; i < nlines; i++)
		if (lines[i].nr >= 0)
			fprintf(f, "#define SYS_%s %d\n", lines[i].name, lines[i].nr);
	fprintf(f, "#endif\n");
	close_out(f);
}

/* The rows of one side's capture table, for the lines that use it. */
static void write_steps(FILE *f, const char *name, bool entry)
{
	char row[512];

	fprintf(f, "\nstatic const struct capture_step %s[SYSCALL_NR_MAX][CAPTURE_STEPS_MAX] = {\n",
		name);
	for (int i = 0; i < nlines; i++) {
		const struct line_desc *l = &lines[i];

		if (l->nr < 0 || !PROG_IS_FAMILY(entry ? l->entry_prog : l->exit_prog))
			continue;
		format_plan(entry ? &l->entry_plan : &l->exit_plan, true, l->lineno, row, sizeof(row));
		fprintf(f, "\t[SYS_%s] = {%s },\n", l->name, row);
	}
	fprintf(f, "};\n");
}

/* A line's exit row runs in the sys_exit dispatcher, not a tail call. */
static bool exit_inline(const struct line_desc *l)
{
	return PROG_IS_FAMILY(l->exit_prog) && families[PROG_FAMILY_INDEX(l->exit_prog)].exit_inline;
}

/* The syscalls whose exit row runs inline, as a bitmap by number. */
static void write_inline_rows(FILE *f)
{
	unsigned long long bits[SYSCALL_NR_MAX / 64] = { 0 };

	for (int i = 0; i < nlines; i++)
		if (lines[i].nr >= 0 && exit_inline(&lines[i]))
			bits[lines[i].nr / 64] |= 1ULL << (lines[i].nr % 64);
	fprintf(f, "\nstatic const __u64 exit_rows_inline[SYSCALL_NR_MAX / 64] = {");
	for (int w = 0; w < SYSCALL_NR_MAX / 64; w++)
		fprintf(f, "%s0x%llxULL", w ? ", " : " ", bits[w]);
	fprintf(f, " };\n");
}

static void write_programs(const char *dir)
{
	FILE *f = open_out(dir, "capture.gen.h");

	fprintf(f, "/* The capture table rows (read by the family programs, cap_entry_plain\n"
		   " * and the like, or by the sys_exit dispatcher: exit_rows_inline), then\n"
		   " * one program per distinct shape no family holds, in both flavours\n"
		   " * (CAPTURE_PROGRAM).  syscall_table.gen.c says which program each\n"
		   " * syscall tail-calls. */\n");
	write_steps(f, "entry_steps", true);
	write_steps(f, "exit_steps", false);
	write_inline_rows(f);
	for (int i = 0; i < nprograms; i++) {
		bool entry = program_at_entry[i];

		fprintf(f, "\nstatic __always_inline int %s_%d_run(void)\n{\n",
			entry ? "entry" : "exit", i);
		fprintf(f, "\tstruct capture_buf *dst = %s;\n\tstruct capture_buf *src = scratch_buf();\n",
			entry ? "entry_buf()" : "scratch_buf()");
		fprintf(f, "\n\tif (!dst || !src)\n\t\treturn 0;\n%s", programs[i]);
		fprintf(f, "\treturn %s;\n}\nCAPTURE_PROGRAM(%s_%d)\n",
			entry ? "0" : "submit_call(src)", entry ? "entry" : "exit", i);
	}
	close_out(f);
}

/* The name of the program a side tail-calls, as the front end looks it up. */
static void write_prog_name(FILE *f, const char *field, const char *side, int prog)
{
	if (PROG_IS_FAMILY(prog))
		fprintf(f, "\t\t.%s = \"%s_%s\",\n", field, side,
			families[PROG_FAMILY_INDEX(prog)].name);
	else if (prog >= 0)
		fprintf(f, "\t\t.%s = \"%s_%d\",\n", field, side, prog);
}

static void write_arg(FILE *f, const struct arg_desc *arg)
{
	char buf[512];

	write_arg_string(buf, sizeof(buf), arg);
	fputs(buf, f);
}

/*
 * The first argument strace prints only when the call returns (nargs if
 * none): where a line splits when another thread's line comes between.
 * Hidden captures never print in their place; a value shown as given
 * prints at entry.
 */
static int first_printed_at_exit(const struct line_desc *l)
{
	for (int i = 0; i < l->nargs; i++) {
		const struct arg_desc *arg = &l->args[i];
		unsigned int when = arg->kind->when;

		if (!strcmp(arg->kind->enum_name, "KIND_HIDDEN") || arg->at_entry ||
		    (when & KIND_SHOWS_GIVEN))
			continue;
		if (when & (CAP_ON_SUCCESS | KIND_BOTH_WAYS))
			return i;
	}
	return l->nargs;
}

static void write_table(const char *dir)
{
	FILE *f = open_out(dir, "syscall_table.gen.c");

	fprintf(f, "#include \"syscall_table.h\"\n#include \"xlat.gen.h\"\n\n");
	fprintf(f, "const char syscall_table_arch[] = \"%s\";\n\n", BUILD_ARCH);
	fprintf(f, "const struct syscall_desc syscall_table[SYSCALL_NR_MAX] = {\n");
	for (int i = 0; i < nlines; i++) {
		const struct line_desc *l = &lines[i];

		if (l->nr < 0)
			continue;
		fprintf(f, "\t[%d] = { .name = \"%s\", .audit_name = \"%s\", .nargs = %d, .ret = %s, .classes = 0x%x,\n",
			l->nr, l->name, audit_name_on_arch(l), l->nargs, ret_enums[l->ret_kind], l->classes);
		fprintf(f, "\t\t.split = %d,\n", first_printed_at_exit(l));
		write_prog_name(f, "entry_prog", "cap_entry", l->entry_prog);
		if (exit_inline(l))
			fprintf(f, "\t\t.exit_inline = true,\n");
		else
			write_prog_name(f, "exit_prog", "cap_exit", l->exit_prog);
		if (l->ret_table[0])
			fprintf(f, "\t\t.ret_table = &xlat_%s,\n", l->ret_table);
		fprintf(f, "\t\t.args = {\n");
		for (int a = 0; a < l->nargs; a++) {
			fprintf(f, "\t\t\t");
			write_arg(f, &l->args[a]);
			fprintf(f, ",\n");
		}
		fprintf(f, "\t\t} },\n");
	}
	fprintf(f, "};\n");
	close_out(f);
}

static void write_arg_string(char *out, size_t size, const struct arg_desc *arg)
{
	int n = snprintf(out, size, "{ .name = \"%s\", .kind = %s", arg->name, arg->kind->enum_name);

	if (arg->size_arg)
		n += snprintf(out + n, size - n, ", .size_arg = %d", arg->size_arg);
	if (arg->table[0])
		n += snprintf(out + n, size - n, ", .table = &xlat_%s", arg->table);
	if (arg->struct_index >= 0)
		n += snprintf(out + n, size - n, ", .struct_id = STRUCT_ID_%s", structs[arg->struct_index].name);
	if (arg->at_entry || (arg->kind->when & CAP_AT_ENTRY))
		n += snprintf(out + n, size - n, ", .at_entry = true");
	snprintf(out + n, size - n, " }");
}

/* xlat/NAME.in: sorted by name. */
static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int list_xlat(const char *dir, char ***names)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (!d) {
		fprintf(stderr, "gen: cannot open %s: %s\n", dir, strerror(errno));
		exit(1);
	}
	*names = calloc(MAX_TABLES, sizeof(char *));
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);

		if (len > 3 && !strcmp(e->d_name + len - 3, ".in") && n < MAX_TABLES)
			(*names)[n++] = strndup(e->d_name, len - 3);
	}
	closedir(d);
	qsort(*names, (size_t)n, sizeof(char *), compare_names);
	return n;
}

/*
 * A variant: what the arguments after a selector (fcntl's cmd, futex's op)
 * are when the selector has this value: "(kind, kind, ...) [= ret]".
 */
static void write_variant(char *text, int lineno, char *out, size_t size)
{
	char *close = strchr(text, ')'), *arg, *save = NULL, *tail;
	char ret_table[64] = "";
	int nargs = 0, ret = -1;
	size_t len;

	if (!close)
		die(lineno, "'(' without ')'");
	*close = '\0';
	tail = trim(close + 1);
	if (*tail == '=')
		ret = parse_ret(trim(tail + 1), ret_table, sizeof(ret_table), lineno);
	else if (*tail)
		die(lineno, "unexpected '%s'", tail);
	snprintf(out, size, "{ .defined = true, .ret = %s, .ret_table = %s%s, .args = {",
		 ret < 0 ? "RET_DEFAULT" : ret_enums[ret], ret_table[0] ? "&xlat_" : "NULL", ret_table);
	for (arg = strtok_r(text + 1, ",", &save); arg; arg = strtok_r(NULL, ",", &save)) {
		struct arg_desc desc = { 0 };
		char buf[160];

		if (nargs == REC_ARGS)
			die(lineno, "more than %d arguments", REC_ARGS);
		snprintf(buf, sizeof(buf), "%s arg", trim(arg));
		parse_arg(&desc, buf, lineno);
		if (desc.kind->capture != CAP_NONE && desc.kind->capture != CAP_STR &&
		    desc.kind->capture != CAP_FIXED && desc.kind->capture != CAP_BYTES_ARG)
			die(lineno, "a variant's memory is a fixed read: '%s' cannot be one", desc.raw);
		len = strlen(out);
		write_arg_string(out + len, size - len, &desc);
		len = strlen(out);
		snprintf(out + len, size - len, ", ");
		nargs++;
	}
	len = strlen(out);
	snprintf(out + len, size - len, "}, .nargs = %d }", nargs);
}

/*
 * "A/B VALUE": one entry, printed "A or B" (strace's name for an ioctl two
 * drivers share).  No macro is defined for it, so the value is required.
 */
static void write_alias_entry(char *body, size_t size, char *names, const char *value, int lineno)
{
	char printed[160] = "";

	if (!value || !*value)
		die(lineno, "'%s' needs a value", names);
	for (char *save = NULL, *part = strtok_r(names, "/", &save); part;
	     part = strtok_r(NULL, "/", &save)) {
		if (printed[0])
			strncat(printed, " or ", sizeof(printed) - strlen(printed) - 1);
		strncat(printed, part, sizeof(printed) - strlen(printed) - 1);
	}
	snprintf(body + strlen(body), size - strlen(body), "\t{ (uint64_t)(%s), \"%s\" },\n",
		 value, printed);
}

/* xlat/NAME.in: "#flags" or "#enum", "#unknown TEXT" (strace's comment for
 * values not listed), "#label TEXT" (what precedes the names after a return
 * value), "#field MASK LIST" (the bits under MASK are one value of LIST,
 * printed first even when 0; fields print in their order), "#ioctl" (the
 * values are ioctl commands: unknown ones print as _IOC(...)), then
 * "NAME [VALUE] [(variant)]" lines.  "A/B VALUE" names a value two ways,
 * printed "A or B" as strace does. */
static void write_xlat_table(FILE *c, const char *dir, const char *name)
{
	char path[4096], buf[512], body[65536] = "", variants[65536] = "", unknown[64] = "";
	char label[64] = "", field_table[64] = "", fields[1024] = "";
	int nfields = 0;
	char field_ref[160] = "NULL, 0";
	FILE *in;
	int lineno = 0, count = 0, type = -1;
	bool ioctl_codes = false;

	snprintf(path, sizeof(path), "%s/%s.in", dir, name);
	tbl_path = path;
	in = fopen(path, "r");
	if (!in)
		die(0, "cannot open: %s", strerror(errno));
	while (fgets(buf, sizeof(buf), in)) {
		char *text = trim(buf), *value, *paren;
		char variant[2048] = "";

		lineno++;
		if (!strcmp(text, "#flags") || !strcmp(text, "#enum")) {
			type = text[1] == 'f';
			continue;
		}
		if (!strcmp(text, "#ioctl")) {
			ioctl_codes = true;
			continue;
		}
		if (!strncmp(text, "#unknown ", 9)) {
			copy_word(unknown, sizeof(unknown), trim(text + 9), lineno);
			continue;
		}
		if (!strncmp(text, "#field ", 7)) {
			char mask[32];

			if (sscanf(text + 7, "%31s %63s", mask, field_table) != 2 ||
			    find_table(field_table) < 0)
				die(lineno, "#field needs a mask and a list name");
			snprintf(fields + strlen(fields), sizeof(fields) - strlen(fields),
				 "\t{ %s, &xlat_%s },\n", mask, field_table);
			nfields++;
			continue;
		}
		if (!strncmp(text, "#label ", 7)) {
			copy_word(label, sizeof(label), trim(text + 7), lineno);
			continue;
		}
		if (!*text || text[0] == '#')
			continue;
		if (type < 0)
			die(lineno, "#flags or #enum must come first");
		paren = strchr(text, '(');
		if (paren) {
			write_variant(paren, lineno, variant, sizeof(variant));
			*paren = '\0';
			text = trim(text);
		}
		value = strpbrk(text, " \t");
		if (value) {
			*value++ = '\0';
			value = trim(value);
		}
		if (strchr(text, '/'))
			write_alias_entry(body, sizeof(body), text, value, lineno);
		else {
			if (value)
				fprintf(c, "#ifndef %s\n# define %s %s\n#endif\n", text, text, value);
			snprintf(body + strlen(body), sizeof(body) - strlen(body),
				 "\t{ (uint64_t)(%s), \"%s\" },\n", text, text);
		}
		if (variant[0])
			snprintf(variants + strlen(variants), sizeof(variants) - strlen(variants),
				 "\t[%d] = %s,\n", count, variant);
		count++;
	}
	fclose(in);
	if (type < 0)
		die(lineno, "empty list");
	fprintf(c, "static const struct xlat_entry xlat_%s_entries[] = {\n%s};\n", name, body);
	if (nfields)
		fprintf(c, "static const struct xlat_field xlat_%s_fields[] = {\n%s};\n", name, fields);
	if (variants[0])
		fprintf(c, "static const struct xlat_variant xlat_%s_variants[%d] = {\n%s};\n",
			name, count, variants);
	if (nfields)
		snprintf(field_ref, sizeof(field_ref), "xlat_%s_fields, %d", name, nfields);
	fprintf(c, "const struct xlat xlat_%s = { \"%s\", xlat_%s_entries, %d, %s, %s%s%s, %s%s%s, %s%s%s, %s, %s };\n\n",
		name, name, name, count, type ? "true" : "false",
		unknown[0] ? "\"" : "", unknown[0] ? unknown : "NULL", unknown[0] ? "\"" : "",
		variants[0] ? "xlat_" : "NULL", variants[0] ? name : "", variants[0] ? "_variants" : "",
		label[0] ? "\"" : "", label[0] ? label : "NULL", label[0] ? "\"" : "", field_ref,
		ioctl_codes ? "true" : "false");
}

static void write_xlat(const char *xlat_dir, const char *dir)
{
	FILE *c = open_out(dir, "xlat.gen.c"), *h = open_out(dir, "xlat.gen.h");
	char **names;
	int n = list_xlat(xlat_dir, &names);

	/* Every name first: a variant may name a table that comes later. */
	for (int i = 0; i < n; i++)
		copy_word(tables[ntables++], sizeof(tables[0]), names[i], 0);
	fprintf(c, "#include \"headers.h\"\n#include \"syscall_table.h\"\n#include \"xlat.gen.h\"\n\n");
	fprintf(h, "#ifndef BSTRACE_XLAT_GEN_H\n#define BSTRACE_XLAT_GEN_H\n#include \"xlat.h\"\n");
	for (int i = 0; i < n; i++)
		fprintf(h, "extern const struct xlat xlat_%s;\n", names[i]);
	for (int i = 0; i < n; i++)
		write_xlat_table(c, xlat_dir, names[i]);
	fprintf(c, "const struct xlat *const xlat_all[] = {\n");
	for (int i = 0; i < n; i++)
		fprintf(c, "\t&xlat_%s,\n", names[i]);
	fprintf(c, "\tNULL\n};\n");
	fprintf(h, "extern const struct xlat *const xlat_all[];\n#endif\n");
	close_out(c);
	close_out(h);
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: gen syscalls.tbl XLATDIR OUTDIR\n");
		return 2;
	}
	write_xlat(argv[2], argv[3]);
	read_description(argv[1]);
	resolve_numbers();
	plan_captures();
	write_numbers(argv[3]);
	write_programs(argv[3]);
	write_table(argv[3]);
	return 0;
}
