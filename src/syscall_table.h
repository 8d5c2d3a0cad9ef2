/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The syscall table generated from syscalls/syscalls.tbl: one entry per
 * syscall number of the build architecture.  An entry with no name is a
 * number the description (and libaudit) do not know; it prints raw.
 */
#ifndef BSTRACE_SYSCALL_TABLE_H
#define BSTRACE_SYSCALL_TABLE_H

#include <stdbool.h>
#include <stdint.h>
#include <linux/types.h>

#include "../bpf/record.h"
#include "xlat.h"

enum arg_kind {
#define KIND(word, ENUM, cap, when, limit, param) KIND_##ENUM,
#include "../syscalls/kinds.def"
#undef KIND
	KIND_COUNT
};

enum struct_id {
	STRUCT_ID_NONE = 0,
#define STRUCT(name, type) STRUCT_ID_##name,
#include "../syscalls/structs.def"
#undef STRUCT
	STRUCT_ID_COUNT
};

/*
 * How a successful return value prints: RET_ENUM "= 0 (SCHED_OTHER)",
 * RET_FLAGS "= 0x3 (A|B)", RET_SIGNO "= 10 (SIGUSR1)", RET_OPENFLAGS
 * "= 0x8002 (flags O_RDWR|O_LARGEFILE)", RET_TIME "= 1795434993
 * (2026-11-23T11:56:33+0000)", RET_IOPRIO "= 0 (IOPRIO_PRIO_VALUE(
 * IOPRIO_CLASS_NONE, 0))".  RET_PID (a thread id) and RET_READY (a count
 * of ready descriptors, 0 on timeout) print as integers for strace; perf
 * adds the thread's command name and "(Timeout)".  RET_DEFAULT: a variant
 * that keeps its syscall's return kind.
 */
enum ret_kind { RET_INT, RET_HEX, RET_FD, RET_OCT, RET_NONE, RET_ENUM, RET_FLAGS, RET_SIGNO,
		RET_OPENFLAGS, RET_TIME, RET_IOPRIO, RET_PID, RET_READY, RET_DEFAULT };

/* The strace classes of -e trace=%CLASS, in syscalls/gen.c's order. */
enum syscall_class {
	CLASS_FILE = 1u << 0,
	CLASS_DESC = 1u << 1,
	CLASS_PROCESS = 1u << 2,
	CLASS_NETWORK = 1u << 3,
	CLASS_SIGNAL = 1u << 4,
	CLASS_IPC = 1u << 5,
	CLASS_MEMORY = 1u << 6,
	CLASS_CREDS = 1u << 7,
	CLASS_CLOCK = 1u << 8,
	CLASS_STAT = 1u << 9,
	CLASS_LSTAT = 1u << 10,
	CLASS_FSTAT = 1u << 11,
	CLASS_STATFS = 1u << 12,
	CLASS_FSTATFS = 1u << 13,
	CLASS_PURE = 1u << 14,
};

struct syscall_arg {
	const char *name;		/* the kernel's parameter name */
	enum arg_kind kind;
	int size_arg;			/* argument index; -1: the return value */
	const struct xlat *table;	/* flags: and enum: kinds */
	enum struct_id struct_id;	/* struct kinds */
	bool at_entry;			/* read at entry (slot REC_ENTRY_SLOT) */
};

struct syscall_desc {
	const char *name;		/* strace's name; NULL: unknown number */
	const char *audit_name;		/* libaudit's name for it */
	int nargs;
	int split;			/* the first argument printed at exit, or nargs */
	enum ret_kind ret;
	const struct xlat *ret_table;	/* RET_ENUM, RET_FLAGS */
	unsigned int classes;		/* enum syscall_class */
	const char *entry_prog;		/* BPF program reading at entry */
	const char *exit_prog;		/* BPF program reading at exit */
	bool exit_inline;		/* or the sys_exit dispatcher does, from a table row */
	struct syscall_arg args[REC_ARGS];
};

/*
 * What the arguments after a selector argument (kind "by:N" points at it)
 * are for one value of the selector: fcntl(fd, F_GETFL) has none and
 * returns open flags, futex's FUTEX_WAKE has one.
 */
struct xlat_variant {
	bool defined;
	int nargs;
	enum ret_kind ret;
	const struct xlat *ret_table;
	struct syscall_arg args[REC_ARGS];
};

extern const char syscall_table_arch[];
extern const struct syscall_desc syscall_table[SYSCALL_NR_MAX];

/* The entry for nr, or NULL when nr is out of range or unknown. */
const struct syscall_desc *syscall_lookup(long nr);
/*
 * How many arguments nr's line shows: its description's, or all six for a
 * number nobody describes (strace prints syscall_0x1ce(...) so).  The
 * kernel sends compact records with this many.
 */
int syscall_nargs(long nr);
/* strace's name for nr, or "syscall_0x1ce" as strace 6.1 prints an unknown one. */
const char *syscall_display_name(long nr);
/* The number of a syscall by strace's name, or -1. */
int syscall_by_name(const char *name);
/*
 * Whether an argument shows the value it had at the call's entry in its
 * place: read only then (argv), or read both ways with the exit's value
 * after the return value (a timeout, an fd set: KIND_SHOWS_GIVEN).  Such
 * an argument is part of a blocked call's first half.
 */
bool arg_shows_entry(const struct syscall_arg *arg);

#endif
