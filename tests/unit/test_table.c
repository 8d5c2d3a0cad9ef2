// SPDX-License-Identifier: GPL-2.0-or-later
/* The generated table against libaudit, and against its own rules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <libaudit.h>

#include "syscall_table.h"
#include "xlat.gen.h"

static int machine(void)
{
	return audit_name_to_machine(syscall_table_arch);
}

/* Every entry has libaudit's name for its number. */
static void test_numbers_match_libaudit(void **state)
{
	int m = machine(), described = 0;

	(void)state;
	assert_true(m >= 0);
	for (int nr = 0; nr < SYSCALL_NR_MAX; nr++) {
		const char *audit = audit_syscall_to_name(nr, m);
		const struct syscall_desc *d = &syscall_table[nr];

		if (!d->name) {
			/* Numbers libaudit knows must all be described. */
			assert_null(audit);
			continue;
		}
		described++;
		assert_non_null(audit);
		assert_string_equal(d->audit_name, audit);
	}
	/* libaudit 3.0.9 knows 362 x86_64 and 306 aarch64 syscalls. */
	assert_true(described >= 300);
}

static void test_well_known_entries(void **state)
{
	const struct syscall_desc *openat = syscall_lookup(syscall_by_name("openat"));
	const struct syscall_desc *read = syscall_lookup(syscall_by_name("read"));
	const struct syscall_desc *pread = syscall_lookup(syscall_by_name("pread64"));

	(void)state;
	assert_non_null(openat);
	assert_int_equal(openat->nargs, 4);
	assert_int_equal(openat->args[0].kind, KIND_DIRFD);
	assert_int_equal(openat->args[1].kind, KIND_PATH);
	assert_string_equal(openat->args[1].name, "filename");
	assert_int_equal(openat->ret, RET_FD);
	assert_true(openat->classes & CLASS_FILE);
	assert_true(openat->exit_inline);

	assert_non_null(read);
	assert_int_equal(read->args[1].kind, KIND_OBUF);
	assert_int_equal(read->args[1].size_arg, -1);

	/* libaudit says pread; strace, and so bstrace, says pread64. */
	assert_non_null(pread);
	assert_string_equal(pread->name, "pread64");
	assert_int_equal(syscall_by_name("pread"), -1);
	assert_null(syscall_lookup(-1));
	assert_null(syscall_lookup(SYSCALL_NR_MAX));
}

/* What each kind needs is there: tables, structs, in-range sizes, programs. */
static void test_arguments_are_consistent(void **state)
{
	(void)state;
	for (int nr = 0; nr < SYSCALL_NR_MAX; nr++) {
		const struct syscall_desc *d = &syscall_table[nr];
		bool reads_memory = false;

		if (!d->name)
			continue;
		assert_in_range(d->nargs, 0, REC_ARGS);
		for (int i = 0; i < d->nargs; i++) {
			const struct syscall_arg *a = &d->args[i];

			assert_non_null(a->name);
			assert_in_range(a->kind, 0, KIND_COUNT - 1);
			assert_true(a->size_arg >= -1 && a->size_arg < d->nargs);
			if (a->kind == KIND_FLAGS || a->kind == KIND_ENUM)
				assert_non_null(a->table);
			if (a->kind == KIND_STRUCT || a->kind == KIND_OSTRUCT ||
			    a->kind == KIND_IOSTRUCT || a->kind == KIND_STRUCTARR ||
			    a->kind == KIND_OSTRUCTARR)
				assert_true(a->struct_id > STRUCT_ID_NONE && a->struct_id < STRUCT_ID_COUNT);
			reads_memory |= a->kind >= KIND_PATH;
		}
		/* A syscall with memory arguments has a program or a row to read them. */
		if (reads_memory)
			assert_true(d->entry_prog || d->exit_prog || d->exit_inline);
	}
}

static const char *prog_of(const char *name, bool entry)
{
	const struct syscall_desc *d = syscall_lookup(syscall_by_name(name));

	assert_non_null(d);
	return entry ? d->entry_prog : d->exit_prog;
}

/*
 * Captures of one family run from a table row in the family's program;
 * only shapes no family holds get a program of their own (start-up
 * verifies every program loaded).  Plain rows at exit run in the sys_exit
 * dispatcher itself, with no program to tail-call.
 */
static void test_capture_programs(void **state)
{
	int own = 0, family = 0;

	(void)state;
	assert_null(prog_of("openat", false));
	assert_null(prog_of("read", false));
	assert_true(syscall_lookup(syscall_by_name("read"))->exit_inline);
	assert_false(syscall_lookup(syscall_by_name("readv"))->exit_inline);
	assert_string_equal(prog_of("select", true), "cap_entry_plain");
	assert_string_equal(prog_of("readv", false), "cap_exit_msg");
	assert_string_equal(prog_of("recvmmsg", false), "cap_exit_msg");
	assert_string_equal(prog_of("execve", true), "cap_entry_argv");
	assert_string_equal(prog_of("execveat", true), "cap_entry_argv");
	assert_null(prog_of("getppid", false));
	for (int nr = 0; nr < SYSCALL_NR_MAX; nr++) {
		const char *progs[2] = { syscall_table[nr].entry_prog, syscall_table[nr].exit_prog };

		for (int side = 0; side < 2; side++) {
			if (!progs[side])
				continue;
			assert_string_not_equal(progs[side], "cap_exit_plain");
			if (strstr(progs[side], "_plain") || strstr(progs[side], "_msg") ||
			    strstr(progs[side], "_argv"))
				family++;
			else
				own++;
		}
	}
	assert_true(family > 20);
	assert_true(own < 10);
}

static int split_of(const char *name)
{
	return syscall_lookup(syscall_by_name(name))->split;
}

/* Where a line splits: the first argument printed only when the call returns. */
static void test_split(void **state)
{
	(void)state;
	assert_int_equal(split_of("read"), 1);		/* the buffer it fills */
	assert_int_equal(split_of("accept4"), 1);	/* the peer's address */
	assert_int_equal(split_of("pipe"), 0);
	assert_int_equal(split_of("write"), 3);		/* everything at entry */
	assert_int_equal(split_of("getppid"), 0);
	/* Shown as given at entry, though read again at exit. */
	assert_int_equal(split_of("poll"), 3);
	assert_int_equal(split_of("select"), 5);
	/* clone's parent_tid is read at exit but never printed in its place. */
	assert_int_equal(split_of("clone"), 5);
	for (int nr = 0; nr < SYSCALL_NR_MAX; nr++)
		if (syscall_table[nr].name)
			assert_in_range(syscall_table[nr].split, 0, syscall_table[nr].nargs);
}

/* xlat lists: no empty table, no nameless entry. */
static void test_xlat_tables(void **state)
{
	(void)state;
	for (const struct xlat *const *t = xlat_all; *t; t++) {
		assert_true((*t)->count > 0);
		for (unsigned int i = 0; i < (*t)->count; i++)
			assert_non_null((*t)->entries[i].name);
	}
	assert_string_equal(xlat_name(&xlat_seek_whence, 0), "SEEK_SET");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers_match_libaudit),
		cmocka_unit_test(test_well_known_entries),
		cmocka_unit_test(test_arguments_are_consistent),
		cmocka_unit_test(test_capture_programs),
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_xlat_tables),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
