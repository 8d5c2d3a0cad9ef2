// SPDX-License-Identifier: GPL-2.0-or-later
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libunwind.h>

#include "stack.h"

/* Debian's libunwind exports this but no header declares it. */
#define dwarf_search_unwind_table UNW_OBJ(dwarf_search_unwind_table)
extern int dwarf_search_unwind_table(unw_addr_space_t as, unw_word_t ip, unw_dyn_info_t *di,
				     unw_proc_info_t *pi, int need_unwind_info, void *arg);

/* What the accessors read: one snapshot of one process. */
struct unwind_source {
	const struct rec_stack *snap;
	const struct proc_maps *maps;
};

static unw_addr_space_t address_space;
/* Whose code libunwind's cache describes. */
static const struct proc_maps *cached_maps;
static uint64_t cached_generation;

/* The unwind table of the ELF file mapped at ip: its .eh_frame_hdr. */
static int find_proc_info(unw_addr_space_t as, unw_word_t ip, unw_proc_info_t *pi,
			  int need_unwind_info, void *arg)
{
	const struct unwind_source *src = arg;
	const struct map_entry *map = src->maps ? maps_find(src->maps, ip) : NULL;
	unw_dyn_info_t di;

	if (!map || !map->module || !map->module->has_eh_table)
		return -UNW_ENOINFO;
	memset(&di, 0, sizeof(di));
	di.format = UNW_INFO_FORMAT_REMOTE_TABLE;
	di.start_ip = map->start;
	di.end_ip = map->end;
	di.u.rti.segbase = map->bias + map->module->eh_frame_hdr_vaddr;
	di.u.rti.table_data = map->bias + map->module->eh_table_vaddr;
	/* In words; each entry is two 32-bit offsets. */
	di.u.rti.table_len = map->module->eh_fde_count * 8 / sizeof(unw_word_t);
	return dwarf_search_unwind_table(as, ip, &di, pi, need_unwind_info, arg);
}

static void put_unwind_info(unw_addr_space_t as, unw_proc_info_t *pi, void *arg)
{
	(void)as;
	(void)arg;
	free(pi->unwind_info);
	pi->unwind_info = NULL;
}

static int get_dyn_info_list_addr(unw_addr_space_t as, unw_word_t *addr, void *arg)
{
	(void)as;
	(void)addr;
	(void)arg;
	return -UNW_ENOINFO;
}

/* A word of the copied stack, or of the ELF file mapped at addr. */
static int access_mem(unw_addr_space_t as, unw_word_t addr, unw_word_t *value, int write,
		      void *arg)
{
	const struct unwind_source *src = arg;
	const struct rec_stack *snap = src->snap;
	const struct map_entry *map;

	(void)as;
	if (write)
		return -UNW_EINVAL;
	if (addr >= snap->sp && addr - snap->sp <= snap->len &&
	    snap->len - (addr - snap->sp) >= sizeof(*value)) {
		memcpy(value, snap->data + (addr - snap->sp), sizeof(*value));
		return 0;
	}
	map = src->maps ? maps_find(src->maps, addr) : NULL;
	if (map && map->module &&
	    module_read(map->module, addr - map->start + map->pgoff, value, sizeof(*value)))
		return 0;
	return -UNW_EINVAL;
}

static int access_reg(unw_addr_space_t as, unw_regnum_t reg, unw_word_t *value, int write,
		      void *arg)
{
	const struct unwind_source *src = arg;

	(void)as;
	if (write || reg < 0 || reg >= REC_STACK_REGS)
		return -UNW_EBADREG;
	*value = src->snap->regs[reg];
	return 0;
}

static int access_fpreg(unw_addr_space_t as, unw_regnum_t reg, unw_fpreg_t *value, int write,
			void *arg)
{
	(void)as;
	(void)reg;
	(void)value;
	(void)write;
	(void)arg;
	return -UNW_EBADREG;
}

static int resume(unw_addr_space_t as, unw_cursor_t *cursor, void *arg)
{
	(void)as;
	(void)cursor;
	(void)arg;
	return -UNW_EINVAL;
}

/* Symbols come from symbols.c, not from libunwind. */
static int get_proc_name(unw_addr_space_t as, unw_word_t addr, char *buf, size_t size,
			 unw_word_t *offset, void *arg)
{
	(void)as;
	(void)addr;
	(void)buf;
	(void)size;
	(void)offset;
	(void)arg;
	return -UNW_ENOINFO;
}

static unw_accessors_t accessors = {
	.find_proc_info = find_proc_info,
	.put_unwind_info = put_unwind_info,
	.get_dyn_info_list_addr = get_dyn_info_list_addr,
	.access_mem = access_mem,
	.access_reg = access_reg,
	.access_fpreg = access_fpreg,
	.resume = resume,
	.get_proc_name = get_proc_name,
};

bool stack_init(void)
{
	if (address_space)
		return true;
	address_space = unw_create_addr_space(&accessors, 0);
	if (!address_space) {
		fprintf(stderr, "bstrace: cannot set up stack unwinding (libunwind)\n");
		return false;
	}
	/*
	 * Cached unwind rules are kept per address, and an address means
	 * different things in different processes: stack_unwind flushes the
	 * cache when it moves to other maps.  Per thread, because the global
	 * cache blocks signals around every use (two syscalls per frame).
	 */
	unw_set_caching_policy(address_space, UNW_CACHE_PER_THREAD);
	return true;
}

void stack_fini(void)
{
	if (address_space)
		unw_destroy_addr_space(address_space);
	address_space = NULL;
}

/*
 * Name ip as strace -k does: the file offset, and the nearest function
 * symbol before it.  Past the first frame ip is a return address: look up
 * ip - 1 (a call may end its function), as libunwind does.
 */
static void resolve(struct stack_frame *f, const struct map_entry *map, bool return_address)
{
	uint64_t addr = f->ip - (return_address ? 1 : 0);
	const struct elf_symbol *sym;

	f->map = map;
	f->file_offset = f->ip - map->start + map->pgoff;
	f->symbol = NULL;
	if (!map->module)
		return;
	sym = module_symbol(map->module, addr - map->bias);
	if (!sym)
		return;
	f->symbol = sym->name;
	f->symbol_offset = f->ip - map->bias - sym->addr;
}

void stack_unwind(const struct rec_stack *snap, size_t len, const struct proc_maps *maps,
		  struct stack_trace *trace)
{
	struct unwind_source src = { .snap = snap, .maps = maps };
	unw_cursor_t cursor;

	trace->count = 0;
	trace->too_deep = false;
	if (len < sizeof(*snap) || snap->len > len - sizeof(*snap) || !address_space)
		return;
	if (maps != cached_maps || (maps && maps->generation != cached_generation)) {
		unw_flush_cache(address_space, 0, 0);
		cached_maps = maps;
		cached_generation = maps ? maps->generation : 0;
	}
	if (unw_init_remote(&cursor, address_space, &src) < 0)
		return;
	for (int depth = 0; depth < STACK_FRAMES_MAX; depth++) {
		struct stack_frame *f = &trace->frames[trace->count];
		const struct map_entry *map;
		unw_word_t ip;

		if (unw_get_reg(&cursor, UNW_REG_IP, &ip) < 0)
			return;
		memset(f, 0, sizeof(*f));
		f->ip = ip;
		map = maps ? maps_find(maps, ip) : NULL;
		if (!map || !map->exec) {
			/* strace prints no frame for ip 0, the end of some stacks. */
			if (ip)
				trace->count++;
			return;
		}
		resolve(f, map, depth > 0);
		trace->count++;
		if (unw_step(&cursor) <= 0)
			return;
	}
	trace->too_deep = true;
}

void stack_print_strace(struct linebuf *lb, const struct stack_trace *trace)
{
	for (int i = 0; i < trace->count; i++) {
		const struct stack_frame *f = &trace->frames[i];

		if (!f->map)
			line_printf(lb, " > unexpected_backtracing_error [0x%llx]\n",
				    (unsigned long long)f->ip);
		else if (f->symbol)
			line_printf(lb, " > %s(%s+0x%llx) [0x%llx]\n", f->map->path, f->symbol,
				    (unsigned long long)f->symbol_offset,
				    (unsigned long long)f->file_offset);
		else
			line_printf(lb, " > %s() [0x%llx]\n", f->map->path,
				    (unsigned long long)f->file_offset);
	}
	if (trace->too_deep)
		line_puts(lb, " > too many stack frames\n");
}

void stack_frame_name(struct linebuf *lb, const struct stack_frame *f)
{
	const char *base;

	if (f->symbol) {
		line_puts(lb, f->symbol);
		return;
	}
	if (!f->map || !f->map->path[0]) {
		line_puts(lb, "[unknown]");
		return;
	}
	base = strrchr(f->map->path, '/');
	line_printf(lb, "[%s]", base ? base + 1 : f->map->path);
}
