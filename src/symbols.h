/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What an address in a traced process is: which mapping of which ELF file
 * holds it, and which function symbol precedes it.  ELF files are opened
 * once (libelf, mapped read-only) and shared by every process mapping
 * them; each process's /proc/PID/maps is cached, keyed by tgid, and read
 * again after it calls execve, mmap, munmap, mprotect or mremap.
 */
#ifndef BSTRACE_SYMBOLS_H
#define BSTRACE_SYMBOLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct elf_symbol {
	uint64_t addr;			/* st_value: an address in the file's layout */
	const char *name;
};

struct elf_segment {
	uint64_t vaddr;
	uint64_t offset;
	uint64_t filesz;
};

/* One ELF file, as read from disk. */
struct elf_module {
	char *path;
	uint64_t dev, inode;		/* as /proc/PID/maps names it */
	const uint8_t *image;		/* the whole file, mapped */
	size_t size;
	struct elf_segment *segments;	/* PT_LOAD */
	size_t nsegments;
	struct elf_symbol *symbols;	/* functions, by address then file order */
	size_t nsymbols;
	char *names;			/* the symbols' names, copied */
	/* .eh_frame_hdr's binary search table, for the unwinder. */
	bool has_eh_table;
	uint64_t eh_frame_hdr_vaddr;
	uint64_t eh_table_vaddr;
	uint64_t eh_fde_count;
	struct elf_module *next;
};

/* One line of /proc/PID/maps. */
struct map_entry {
	uint64_t start, end, pgoff;
	bool exec;
	uint64_t bias;			/* address minus the file's vaddr */
	struct elf_module *module;	/* NULL: anonymous, or the file is unreadable */
	const char *path;		/* as the kernel prints it; "" when none */
};

struct proc_maps {
	uint32_t tgid;
	bool stale;			/* read again before the next use */
	uint64_t generation;		/* a new value each time they are read */
	struct map_entry *entries;	/* by address */
	size_t nentries;
	char *paths;
	struct proc_maps *next;
};

#define SYMBOLS_BUCKETS	256

struct symbols {
	struct proc_maps *procs[SYMBOLS_BUCKETS];
	struct elf_module *modules;
	const char *proc_root;		/* "/proc", or a test's stand-in */
	uint64_t generation;		/* of the last maps read */
};

void symbols_init(struct symbols *s);
void symbols_free(struct symbols *s);

/*
 * The maps of tgid, read now if never read or stale.  When they cannot
 * be read again (the process is gone) the last copy is kept: it is right
 * for every call made before the change.  NULL if never readable.
 */
const struct proc_maps *symbols_maps(struct symbols *s, uint32_t tgid);
/* The process changed its mappings (exec, mmap...). */
void symbols_invalidate(struct symbols *s, uint32_t tgid);
/* The process is gone and its records are all handled. */
void symbols_forget(struct symbols *s, uint32_t tgid);

/* The mapping holding addr, or NULL. */
const struct map_entry *maps_find(const struct proc_maps *maps, uint64_t addr);

/*
 * The function symbol at or before addr (an address in the file's layout),
 * its size ignored, as libunwind's lookup behind strace -k does; among
 * aliases the first in the file.  NULL when there is none.
 */
const struct elf_symbol *module_symbol(const struct elf_module *m, uint64_t addr);

/* Read size bytes at file offset off; false past the end of the file. */
bool module_read(const struct elf_module *m, uint64_t off, void *out, size_t size);

/* Open and index one ELF file; NULL if it cannot be read as ELF. */
struct elf_module *module_open(const char *path);
void module_close(struct elf_module *m);

#endif
