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

enum ret_kind { RET_INT, RET_HEX, RET_FD, RET_OCT, RET_NONE };

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
	enum ret_kind ret;
	unsigned int classes;		/* enum syscall_class */
	const char *entry_prog;		/* BPF program reading at entry */
	const char *exit_prog;		/* BPF program reading at exit */
	struct syscall_arg args[REC_ARGS];
};

extern const char syscall_table_arch[];
extern const struct syscall_desc syscall_table[SYSCALL_NR_MAX];

/* The entry for nr, or NULL when nr is out of range or unknown. */
const struct syscall_desc *syscall_lookup(long nr);
/* The number of a syscall by strace's name, or -1. */
int syscall_by_name(const char *name);

#endif
