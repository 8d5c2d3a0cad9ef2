// SPDX-License-Identifier: GPL-2.0-or-later
/* ELF symbol lookup, /proc/PID/maps caching, frame printing, folding. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "folded.h"
#include "stack.h"
#include "symbols.h"

/* This test's own binary is an ELF file with a .symtab. */
static void test_symbol_of_own_function(void **state)
{
	struct elf_module *m = module_open("/proc/self/exe");
	const struct elf_symbol *sym;

	(void)state;
	assert_non_null(m);
	assert_true(m->nsymbols > 0);
	sym = module_symbol(m, m->symbols[m->nsymbols / 2].addr + 1);
	assert_non_null(sym);
	assert_true(sym->addr <= m->symbols[m->nsymbols / 2].addr + 1);
	/* Before the first function there is nothing. */
	assert_null(module_symbol(m, 0));
	module_close(m);
}

/* Nearest preceding symbol, size ignored; among aliases the first. */
static void test_nearest_symbol_rules(void **state)
{
	struct elf_symbol syms[] = {
		{ 0x100, "first" }, { 0x200, "alias_one" }, { 0x200, "alias_two" }, { 0x300, "last" },
	};
	struct elf_module m = { .symbols = syms, .nsymbols = 4 };

	(void)state;
	assert_string_equal(module_symbol(&m, 0x100)->name, "first");
	assert_string_equal(module_symbol(&m, 0x1ff)->name, "first");
	assert_string_equal(module_symbol(&m, 0x250)->name, "alias_one");
	assert_string_equal(module_symbol(&m, 0x10000)->name, "last");
	assert_null(module_symbol(&m, 0xff));
}

static char proc_root[64];

static void write_maps(uint32_t tgid, const char *text)
{
	char path[128];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%u", proc_root, tgid);
	mkdir(path, 0700);
	strcat(path, "/maps");
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void test_maps_cache(void **state)
{
	struct symbols s;
	const struct proc_maps *maps;
	const struct map_entry *e;

	(void)state;
	snprintf(proc_root, sizeof(proc_root), "/tmp/bstrace-symbols.XXXXXX");
	assert_non_null(mkdtemp(proc_root));
	symbols_init(&s);
	s.proc_root = proc_root;
	write_maps(42, "1000-2000 r-xp 00003000 08:01 12 /nonexistent/lib.so\n"
		       "3000-4000 rw-p 00000000 00:00 0 \n"
		       "7ffc000-7ffd000 r-xp 00000000 00:00 0                          [vdso]\n");
	maps = symbols_maps(&s, 42);
	assert_non_null(maps);
	assert_int_equal(maps->nentries, 3);
	e = maps_find(maps, 0x1800);
	assert_non_null(e);
	assert_true(e->exec);
	assert_int_equal(e->pgoff, 0x3000);
	assert_string_equal(e->path, "/nonexistent/lib.so");
	assert_null(e->module);		/* unreadable file: no symbols, no crash */
	assert_string_equal(maps_find(maps, 0x7ffc800)->path, "[vdso]");
	assert_null(maps_find(maps, 0x2800));
	assert_null(maps_find(maps, 0x4000));

	/* Cached until invalidated, then read again. */
	write_maps(42, "5000-6000 r-xp 00000000 08:01 13 /nonexistent/other.so\n");
	assert_int_equal(symbols_maps(&s, 42)->nentries, 3);
	symbols_invalidate(&s, 42);
	maps = symbols_maps(&s, 42);
	assert_int_equal(maps->nentries, 1);
	/* Once the process is gone, the last copy stays usable. */
	unlink(strcat(strcpy((char[128]){ 0 }, proc_root), "/42/maps"));
	symbols_invalidate(&s, 42);
	assert_non_null(symbols_maps(&s, 42));
	assert_null(symbols_maps(&s, 43));
	symbols_forget(&s, 42);
	symbols_free(&s);
}

static void test_strace_frame_format(void **state)
{
	static struct linebuf lb;
	struct map_entry map = { .start = 0x1000, .end = 0x2000, .pgoff = 0x5000,
				 .exec = true, .path = "/usr/lib/libc.so.6" };
	struct stack_trace trace = { .count = 3 };

	(void)state;
	trace.frames[0] = (struct stack_frame) { .ip = 0x1010, .map = &map, .symbol = "read",
						 .symbol_offset = 0xd, .file_offset = 0x5010 };
	trace.frames[1] = (struct stack_frame) { .ip = 0x1020, .map = &map, .file_offset = 0x5020 };
	trace.frames[2] = (struct stack_frame) { .ip = 0xdead0 };
	line_reset(&lb);
	stack_print_strace(&lb, &trace);
	assert_string_equal(line_cstr(&lb),
			    " > /usr/lib/libc.so.6(read+0xd) [0x5010]\n"
			    " > /usr/lib/libc.so.6() [0x5020]\n"
			    " > unexpected_backtracing_error [0xdead0]\n");
	line_reset(&lb);
	stack_frame_name(&lb, &trace.frames[1]);
	assert_string_equal(line_cstr(&lb), "[libc.so.6]");
}

static void test_folded_aggregates(void **state)
{
	struct folded f;
	struct folded_entry *sorted;

	(void)state;
	folded_init(&f);
	for (int i = 0; i < 1000; i++) {
		char key[64];
		int n = snprintf(key, sizeof(key), "comm;main;f%d;read", i % 300);

		folded_add(&f, key, (size_t)n, 10);
	}
	folded_add(&f, "comm;main;f0;readXXX", strlen("comm;main;f0;read"), 5);
	assert_int_equal(f.used, 300);
	sorted = folded_sorted(&f);
	assert_non_null(sorted);
	assert_string_equal(sorted[0].key, "comm;main;f0;read");
	assert_int_equal(sorted[0].ns, 4 * 10 + 5);
	assert_int_equal(sorted[0].calls, 5);
	free(sorted);
	folded_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_symbol_of_own_function),
		cmocka_unit_test(test_nearest_symbol_rules),
		cmocka_unit_test(test_maps_cache),
		cmocka_unit_test(test_strace_frame_format),
		cmocka_unit_test(test_folded_aggregates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
